"""Shared fixtures: paths, the optional ../shared folder, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED / "seed" / "000_f80e6c023cc5f468.txt"
EXPECTED = SHARED / "seed" / "expected.json"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"../shared not present: {path.name} is needed for this measurement")
    return path


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `eventlens ...` in a subprocess, as a user would."""
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "eventlens.cli", *args],
        input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=600,
    )


@pytest.fixture(scope="session")
def coder():
    from eventlens.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def code_text(coder):
    """Code one text document and return its events."""
    from eventlens.model import RawDocument

    def _code(text: str, doc_id: str = "t", include_negated: bool = False, meta=None):
        coder.include_negated = include_negated
        try:
            raw = RawDocument(id=doc_id, uri=doc_id, content=text, media_type="text/plain",
                              meta=meta or {})
            (result,) = list(coder.run([raw]))
            return result.events
        finally:
            coder.include_negated = False

    return _code


def mentions_of(coder, text: str, on) -> list:
    """The actor mentions of a synthetic text coded on an article date, in text order; each
    mention's words are checked to be the text at its offsets."""
    from eventlens import nlp
    from eventlens.actors.resolve import DocActors

    doc = next(iter(nlp.parse([text], 1, 1)))
    doc_actors = DocActors(doc, coder.actor_dictionary, on)
    out = [m for m in (doc_actors.cache[i] for i in sorted(doc_actors.cache)) if m is not None]
    for m in out:
        assert text[m.start:m.end] == m.text, m
    return out


def mention(ms: list, text: str, nth: int = 0):
    """The nth mention whose words are exactly `text`."""
    found = [m for m in ms if m.text == text]
    assert len(found) > nth, f"no mention {text!r} (#{nth}) in {[m.text for m in ms]}"
    return found[nth]


def coded(ms: list, text: str, nth: int = 0) -> str | None:
    return mention(ms, text, nth).code
