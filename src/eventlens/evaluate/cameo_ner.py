"""ConfliBERT-style source/target span tagging (one token a line, BIO tags S, T, R).

The sentence is rebuilt from its tokens; our main event's source and target phrases are
mapped back onto the tokens (R for both sides of a reciprocal event) and scored entity by
entity, exact span and label, as seqeval does: precision/recall/F1 per label and macro.
"""

from __future__ import annotations

from pathlib import Path

from eventlens.evaluate.metrics import prf
from eventlens.evaluate.sentences import code_sentences, main_event

LABELS = ("S", "T", "R")


def read(path: Path) -> list[tuple[list[str], list[str]]]:
    sents, toks, tags = [], [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            if toks:
                sents.append((toks, tags))
                toks, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            raise ValueError(f"{path}:{n}: expected 'token TAG'")
        toks.append(parts[0])
        tags.append(parts[-1])
    if toks:
        sents.append((toks, tags))
    return sents


def spans(tags: list[str]) -> set[tuple[str, int, int]]:
    """(label, first token, last token + 1) of each BIO entity."""
    out, cur = set(), None
    for i, tag in enumerate(tags + ["O"]):
        if cur and not (tag.startswith("I-") and tag[2:] == cur[0]):
            out.add((cur[0], cur[1], i))
            cur = None
        if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
            cur = (tag[2:], i)
    return out


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Sentence text with single spaces, and each token's character offsets."""
    offsets, pos = [], 0
    for t in tokens:
        offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    return " ".join(tokens), offsets


def _tag(offsets, start: int, end: int, label: str, tags: list[str]) -> None:
    idx = [i for i, (a, b) in enumerate(offsets) if a >= start and b <= end]
    for k, i in enumerate(idx):
        if tags[i] == "O":
            tags[i] = ("B-" if k == 0 else "I-") + label


def predict_tags(text_offsets, events) -> list[str]:
    offsets = text_offsets
    tags = ["O"] * len(offsets)
    ev = main_event(events)
    if ev is None:
        return tags
    for role, m in (("S", ev.source), ("T", ev.target)):
        if m is not None:
            _tag(offsets, m.start, m.end, "R" if ev.reciprocal else role, tags)
    return tags


def score(rows: list[tuple[list[str], list[str]]], coder) -> dict:
    texts, all_offsets = [], []
    for toks, _ in rows:
        text, offsets = detokenize(toks)
        texts.append(text)
        all_offsets.append(offsets)
    events = code_sentences(texts, coder)
    counts = {lab: [0, 0, 0] for lab in LABELS}
    for (_, gold_tags), offsets, evs in zip(rows, all_offsets, events, strict=True):
        gold = spans(gold_tags)
        pred = spans(predict_tags(offsets, evs))
        for lab in LABELS:
            g = {s for s in gold if s[0] == lab}
            p = {s for s in pred if s[0] == lab}
            counts[lab][0] += len(g & p)
            counts[lab][1] += len(p - g)
            counts[lab][2] += len(g - p)
    per = {lab: prf(*counts[lab]) for lab in LABELS}
    return {
        "n": len(rows),
        "per_label": per,
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(LABELS), 4),
        "macro_precision": round(sum(v["precision"] for v in per.values()) / len(LABELS), 4),
        "macro_recall": round(sum(v["recall"] for v in per.values()) / len(LABELS), 4),
    }
