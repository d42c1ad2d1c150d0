"""Score against a hand-coded TSV of expected events, the format of examples/corpus/EXPECTED.tsv.

Columns: file, sentence_excerpt, source_code, target_code, cameo, note. `file` is the document
id (a file name, or `name.jsonl#id` for a JSONL document); `cameo` NONE marks a trap: a
sentence that must not produce an event from that source (to that target, where one is
given): it is negated, hypothetical or a question.
An expected event is found when an event in the sentence holding the excerpt has the same
source and target country (first three letters of the codes) and CAMEO root. This is how a
research group can check eventlens on a sample of its own corpus that it coded by hand.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from eventlens.evaluate.expected_json import _in_sentence
from eventlens.model import Event


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    need = {"file", "sentence_excerpt", "source_code", "target_code", "cameo"}
    if rows and not need <= set(rows[0]):
        raise ValueError(f"{path}: needs the columns {', '.join(sorted(need))}")
    return rows


def _doc_id(file: str) -> str:
    return file.split("#", 1)[1] if "#" in file else file


def _cc(code: str | None) -> str | None:
    return code[:3] if code else None


def score(rows: list[dict[str, str]], events: list[Event]) -> dict[str, Any]:
    by_doc: dict[str, list[Event]] = {}
    for e in events:
        by_doc.setdefault(e.doc_id, []).append(e)
    found, exact, sectors, total = Counter(), Counter(), Counter(), Counter()
    misses, traps = [], []
    for r in rows:
        doc_events = [e for e in by_doc.get(_doc_id(r["file"]), [])
                      if _in_sentence(r["sentence_excerpt"], e.sentence)]
        src, tgt, code = r["source_code"].strip(), r["target_code"].strip(), r["cameo"].strip()
        if code.upper() == "NONE":
            bad = [e for e in doc_events if e.source and _cc(e.source.code) == _cc(src)
                   and (not tgt or (e.target is not None and _cc(e.target.code) == _cc(tgt)))]
            if bad:
                traps.append({"file": r["file"], "excerpt": r["sentence_excerpt"][:80],
                              "events": [f"{e.source.code} {e.cameo} {e.target.code if e.target else None}" for e in bad]})
            continue
        root = code[:2]
        total[root] += 1
        hits = [e for e in doc_events if e.cameo_root == root
                and _cc(e.source.code if e.source else None) == _cc(src)
                and (not tgt or _cc(e.target.code if e.target else None) == _cc(tgt))]
        if hits:
            found[root] += 1
            exact[root] += any(e.cameo == code for e in hits)
            sectors[root] += any((e.source.code == src) and (not tgt or (e.target and e.target.code == tgt))
                                 for e in hits)
        else:
            got = [f"{e.source.code if e.source else None} {e.cameo} {e.target.code if e.target else None}"
                   for e in doc_events]
            misses.append({"file": r["file"], "excerpt": r["sentence_excerpt"][:80],
                           "expected": f"{src} {code} {tgt}", "got": got})
    n = sum(total.values())
    n_traps = sum(1 for r in rows if r["cameo"].strip().upper() == "NONE")
    return {
        "expected_events": n,
        "recall": round(sum(found.values()) / n, 3) if n else None,
        "exact_code_rate": round(sum(exact.values()) / n, 3) if n else None,
        "full_actor_code_rate": round(sum(sectors.values()) / n, 3) if n else None,
        "traps": n_traps,
        "traps_triggered": len(traps),
        "recall_by_root": {r: round(found[r] / total[r], 2) for r in sorted(total)},
        "events_coded": len(events),
        "misses": misses,
        "triggered": traps,
    }
