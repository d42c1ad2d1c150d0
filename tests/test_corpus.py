"""The bundled synthetic corpus: formats, root coverage, and how much of it we code right."""

from __future__ import annotations

import json

from conftest import ROOT, run_cli
from eventlens.evaluate import expected_tsv

CORPUS = ROOT / "examples" / "corpus"
# Measured on the corpus at the time of writing; raise these as the coder improves.
MIN_RECALL = 0.65
MAX_TRAPS = 2


def test_corpus_is_labelled_synthetic_and_mixed_format():
    readme = (CORPUS / "README.md").read_text()
    assert "SYNTHETIC" in readme
    suffixes = [p.suffix for p in CORPUS.iterdir()]
    assert suffixes.count(".txt") >= 10 and suffixes.count(".html") >= 8
    assert suffixes.count(".jsonl") == 1


def test_expected_covers_every_cameo_root():
    rows = expected_tsv.read(CORPUS / "EXPECTED.tsv")
    roots = {r["cameo"][:2] for r in rows if r["cameo"] != "NONE"}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_corpus_recall_and_traps():
    r = run_cli("evaluate", "--gold", str(CORPUS / "EXPECTED.tsv"), "--format", "expected-tsv",
                str(CORPUS))
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["recall"] >= MIN_RECALL, {k: v for k, v in m.items() if k != "misses"}
    assert m["traps_triggered"] <= MAX_TRAPS, m["triggered"]
