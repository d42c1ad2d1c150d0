"""Repeated text in scrapes: whole paragraphs, or runs of sentences pasted again, exact or
with a typo. The first occurrence is kept; later ones are dropped with the reason.

Short repeats are usually structure, not scraping noise ("Ingredients", a question asked of
every interviewee, a table row), so a sentence counts as repeated only when it is long enough
to be distinctive, or when it sits next to such a repeat (a pasted run of sentences).
"""

from __future__ import annotations

import difflib
import re

_SENT_SPLIT = re.compile(r"(?<=[.!?\u2019\u201d'\"])\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")
MIN_WORDS = 6  # a sentence this long is distinctive enough that a second copy is noise
_RUN_MIN_WORDS = 4  # a shorter sentence is dropped only inside a run of repeated sentences
_NEAR = 0.92  # difflib ratio for "the same sentence with a typo"
_NEAR_MIN_CHARS = 60  # below this a few changed letters change the meaning ("Plan A"/"Plan B")
_NEAR_MAX_CHARS = 2000  # difflib is quadratic; longer sentences are matched exactly only


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
        if not _NEAR_MIN_CHARS <= len(key) <= _NEAR_MAX_CHARS:
            return False
        for edge in self._edges(key):
            for other in self.by_edge.get(edge, ()):
                if abs(len(other) - len(key)) > len(key) * (1 - _NEAR):
                    continue
                m = difflib.SequenceMatcher(None, key, other, autojunk=False)
                if m.real_quick_ratio() >= _NEAR and m.quick_ratio() >= _NEAR and m.ratio() >= _NEAR:
                    return True
        return False

    def add(self, key: str) -> None:
        if key in self.exact:
            return
        self.exact.add(key)
        if _NEAR_MIN_CHARS <= len(key) <= _NEAR_MAX_CHARS:
            for edge in self._edges(key):
                self.by_edge.setdefault(edge, []).append(key)


def _words(key: str) -> int:
    return key.count(" ") + 1 if key else 0


def _repeated_flags(keys: list[str], seen: _Seen) -> list[bool]:
    """Which sentences of one paragraph repeat earlier text (in earlier paragraphs or earlier
    in this one): long ones by lookup, short ones only when next to a long repeated one.
    Sentences not repeated are added to `seen`."""
    flags, prior = [], []
    for k in keys:
        n = _words(k)
        prior.append(n >= _RUN_MIN_WORDS and k in seen.exact)
        flags.append(n >= MIN_WORDS and seen.contains(k))
        if not flags[-1] and n >= _RUN_MIN_WORDS:
            seen.add(k)
    changed = True
    while changed:
        changed = False
        for i in range(len(keys)):
            if flags[i] or not prior[i]:
                continue
            if (i > 0 and flags[i - 1]) or (i + 1 < len(keys) and flags[i + 1]):
                flags[i] = changed = True
    return flags


def drop_repeats(paragraphs: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the paragraphs without repeated text, and the dropped pieces with reasons."""
    seen_par: set[str] = set()
    seen = _Seen()
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for par in paragraphs:
        pkey = _key(par)
        if pkey in seen_par and _words(pkey) >= MIN_WORDS:
            dropped.append((par, "repeated paragraph"))
            continue
        sentences = split_sentences(par)
        keys = [_key(s) for s in sentences]
        flags = _repeated_flags(keys, seen)
        keep = [s for s, f in zip(sentences, flags, strict=True) if not f]
        lost = [s for s, f in zip(sentences, flags, strict=True) if f]
        if lost and not keep:
            dropped.append((par, "repeated paragraph"))
            continue
        for s in lost:
            dropped.append((s, "repeated sentence"))
        seen_par.add(pkey)
        kept.append(" ".join(keep) if lost else par)
    return kept, dropped
