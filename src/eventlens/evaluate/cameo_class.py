"""ConfliBERT-style 5-class CAMEO sentence classification (sentence TAB label).

Per sentence the prediction is the five-class label of the highest-confidence event;
a sentence with no event counts as wrong. Reports accuracy and macro-F1 over the classes.
"""

from __future__ import annotations

from pathlib import Path

from eventlens.evaluate.metrics import classification, reliability
from eventlens.evaluate.sentences import code_sentences, main_event
from eventlens.ontology.cameo import FIVE_CLASS, FIVE_CLASS_NAMES


def read(path: Path) -> list[tuple[str, int]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or not label.strip().isdigit() or int(label) not in range(5):
            raise ValueError(f"{path}:{n}: expected 'sentence<TAB>label 0-4'")
        rows.append((text.strip(), int(label)))
    return rows


def score(rows: list[tuple[str, int]], coder) -> dict:
    per_sentence = code_sentences([t for t, _ in rows], coder)
    pred, confs = [], []
    for events in per_sentence:
        ev = main_event(events)
        pred.append(FIVE_CLASS[ev.cameo_root] if ev else "none")
        confs.append(ev.confidence if ev else None)
    gold = [lab for _, lab in rows]
    out = classification(gold, pred, labels=list(range(5)))
    out["class_names"] = dict(enumerate(FIVE_CLASS_NAMES))
    out["no_event"] = sum(p == "none" for p in pred)
    # Is the main event's class right, per confidence bin (sentences with an event).
    coded = [(c, p == g) for c, p, g in zip(confs, pred, gold, strict=True) if c is not None]
    out["reliability"] = reliability([c for c, _ in coded], [ok for _, ok in coded])
    return out
