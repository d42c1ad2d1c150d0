"""Repeated text in scrapes: whole paragraphs, or runs of sentences pasted again, exact or
with a typo. The first occurrence is kept; later ones are dropped with the reason."""

from __future__ import annotations

import difflib
import re

_SENT_SPLIT = re.compile(r"(?<=[.!?\u2019\u201d'\"])\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")
_MIN_WORDS = 6
_NEAR = 0.92


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENT_SPLIT.split(paragraph) if s.strip()]


def _key(sentence: str) -> str:
    return " ".join(re.findall(r"\w+", sentence.lower()))


class _Seen:
    """Sentences already kept, indexed by their first and last words for near-match lookup."""

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.by_edge: dict[str, list[str]] = {}

    def _edges(self, key: str) -> tuple[str, str]:
        words = key.split()
        return " ".join(words[:4]), " ".join(words[-4:])

    def contains(self, key: str) -> bool:
        if key in self.exact:
            return True
        for edge in self._edges(key):
            for other in self.by_edge.get(edge, ()):
                if difflib.SequenceMatcher(None, key, other, autojunk=False).ratio() >= _NEAR:
                    return True
        return False

    def add(self, key: str) -> None:
        self.exact.add(key)
        for edge in self._edges(key):
            self.by_edge.setdefault(edge, []).append(key)


def drop_repeats(paragraphs: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the paragraphs without repeated text, and the dropped pieces with reasons."""
    seen_par: set[str] = set()
    seen = _Seen()
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for par in paragraphs:
        pkey = _key(par)
        if pkey in seen_par:
            dropped.append((par, "repeated paragraph"))
            continue
        sentences = split_sentences(par)
        keep, lost = [], []
        for s in sentences:
            k = _key(s)
            if len(k.split()) >= _MIN_WORDS and seen.contains(k):
                lost.append(s)
            else:
                keep.append(s)
        if lost and not keep:
            dropped.append((par, "repeated paragraph"))
            continue
        for s in lost:
            dropped.append((s, "repeated sentence"))
        for s in keep:
            k = _key(s)
            if len(k.split()) >= _MIN_WORDS:
                seen.add(k)
        seen_par.add(pkey)
        kept.append(" ".join(keep) if lost else par)
    return kept, dropped
