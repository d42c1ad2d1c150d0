"""The CAMEO pattern dictionary (data/events/patterns.yaml plus users' files) and its matcher.

An entry (whose `lemma` may be one lemma or a list) matches a predicate when the lemma and part
of speech agree and every cue it gives
(particle, preposition, object, modifier, xcomp, object_actor, passive) is present; among the
matches, the one with the most cues wins, ties going to the earlier entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from eventlens.paths import data_dir, read_yaml

_CUES = ("particle", "prep", "object", "modifier", "xcomp", "object_actor", "passive")


@dataclass(frozen=True)
class Pattern:
    lemma: str
    pos: str
    code: str
    particle: frozenset[str] | None = None
    prep: frozenset[str] | None = None
    object: frozenset[str] | None = None
    modifier: frozenset[str] | None = None
    xcomp: frozenset[str] | None = None
    object_actor: bool | None = None
    passive: bool | None = None
    speech: bool = False
    note: str | None = None
    order: int = 0

    @property
    def n_cues(self) -> int:
        return sum(getattr(self, c) is not None for c in _CUES)

    def describe(self) -> str:
        parts = [f"{self.lemma}/{self.pos.lower()}"]
        for c in ("particle", "prep", "object", "modifier", "xcomp"):
            v = getattr(self, c)
            if v is not None:
                parts.append(f"{c}={'|'.join(sorted(v))}")
        if self.object_actor is not None:
            parts.append(f"object_actor={str(self.object_actor).lower()}")
        if self.passive is not None:
            parts.append(f"passive={str(self.passive).lower()}")
        return " ".join(parts)


def _set(v) -> frozenset[str] | None:
    if v is None:
        return None
    items = v if isinstance(v, list) else [v]
    return frozenset(str(x).lower() for x in items)


def _parse(entries: list, start: int, source: str) -> list[Pattern]:
    out = []
    for n, e in enumerate(entries):
        if not isinstance(e, dict) or "lemma" not in e or "code" not in e:
            raise ValueError(f"{source}: pattern {n + 1} needs 'lemma' and 'code'")
        code = str(e["code"]).strip()
        if not code.isdigit() or len(code) not in (2, 3, 4):
            raise ValueError(f"{source}: pattern {n + 1}: '{code}' is not a CAMEO code")
        lemmas = e["lemma"] if isinstance(e["lemma"], list) else [e["lemma"]]
        out.extend(
            Pattern(
                lemma=str(lemma).lower(),
                pos=str(e.get("pos", "VERB")).upper(),
                code=code,
                particle=_set(e.get("particle")),
                prep=_set(e.get("prep")),
                object=_set(e.get("object")),
                modifier=_set(e.get("modifier")),
                xcomp=_set(e.get("xcomp")),
                object_actor=e.get("object_actor"),
                passive=e.get("passive"),
                speech=bool(e.get("speech", False)),
                note=e.get("note"),
                order=start + n,
            )
            for lemma in lemmas
        )
    return out


def read_file(path: Path, start: int = 0) -> list[Pattern]:
    doc = read_yaml(path)
    entries = doc.get("patterns", []) if isinstance(doc, dict) else doc
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list under 'patterns'")
    return _parse(entries, start, str(path))


# Verbs of saying, known even when no pattern marks them `speech: true`.
SPEECH_VERBS = {"say", "tell", "state", "announce", "add", "claim", "insist", "stress",
                "emphasize", "emphasise", "note", "declare", "report", "reiterate", "affirm"}


class PatternIndex:
    """Patterns by (lemma, pos), for constant-time lookup per token."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.by_key: dict[tuple[str, str], list[Pattern]] = {}
        for p in patterns:
            self.by_key.setdefault((p.lemma, p.pos), []).append(p)
        self.speech_lemmas = {p.lemma for p in patterns if p.speech} | SPEECH_VERBS

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        return self.by_key.get((lemma, pos), [])


@cache
def _builtin() -> list[Pattern]:
    return read_file(data_dir() / "events" / "patterns.yaml")


def load(user_files: tuple[str, ...] = ()) -> PatternIndex:
    """Our patterns; a user's files come first, so their entries win ties."""
    extra: list[Pattern] = []
    for f in user_files:
        path = Path(f)
        try:
            doc = read_yaml(path)
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: cannot read patterns: {' '.join(str(exc).split())}") from exc
        if isinstance(doc, dict) and "patterns" in doc:
            extra += _parse(doc["patterns"], -100000 + len(extra), str(path))
    return PatternIndex(extra + _builtin())
