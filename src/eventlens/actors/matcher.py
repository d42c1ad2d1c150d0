"""Find dictionary actors in text with one Aho-Corasick automaton over every alias.

Name matching is case-sensitive ("US" the country, not "us" the pronoun) and respects word
boundaries; overlapping hits resolve leftmost-longest. Role nouns ("government", "troops",
"prime minister") are matched on lowercased tokens and lemmas.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import ahocorasick

from eventlens.actors.dictionary import Actor, Dictionary


@dataclass(frozen=True)
class Hit:
    start: int  # character offsets in the text searched
    end: int
    alias: str
    actors: tuple[Actor, ...]


def automaton(d: Dictionary) -> ahocorasick.Automaton:
    """The dictionary's automaton, built on first use and kept on the dictionary."""
    auto = d.__dict__.get("_automaton")
    if auto is None:
        auto = ahocorasick.Automaton()
        for alias, actors in d.aliases.items():
            auto.add_word(alias, (alias, tuple(actors)))
        if len(auto):
            auto.make_automaton()
        d.__dict__["_automaton"] = auto
    return auto


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def find_names(text: str, d: Dictionary) -> list[Hit]:
    """All alias hits in `text`, non-overlapping, leftmost-longest first."""
    auto = automaton(d)
    if not len(auto):
        return []
    cands = []
    for end_idx, (alias, actors) in auto.iter(text):
        start = end_idx - len(alias) + 1
        if _boundary(text, start, end_idx + 1):
            cands.append(Hit(start, end_idx + 1, alias, actors))
    cands.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    last_end = -1
    for h in cands:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
    return out


def _country_names(d: Dictionary) -> dict[tuple[str, int], list[str]]:
    """Country names and adjectives of 6+ letters, by first letter and length, kept on the
    dictionary: the candidates a misspelt name is compared with."""
    index = d.__dict__.get("_country_names")
    if index is None:
        index = {}
        for alias, actors in d.aliases.items():
            if len(alias) >= 6 and " " not in alias and any(
                    a.kind in ("country", "adjective") for a in actors):
                index.setdefault((alias[0], len(alias)), []).append(alias)
        d.__dict__["_country_names"] = index
    return index


_NOT_TYPOS = {"Columbia"}  # a US place, university and river as often as a misspelt Colombia


def misspelt_country(word: str, d: Dictionary) -> Hit | None:
    """A country name or adjective with one letter dropped, added or changed ("Ethopia",
    "Afganistan"), as scraped news has them: the closest name of about the same length
    that is at least 85% similar. Offsets are relative to the word."""
    if len(word) < 6 or not word[0].isupper():
        return None
    index = _country_names(d)
    pool = [n for k in (-1, 0, 1) for n in index.get((word[0], len(word) + k), ())]
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.85)
    if not close or word.startswith(close[0]) or close[0].startswith(word) \
            or word[-2:] != close[0][-2:] or word in _NOT_TYPOS:
        return None  # "Indiana", "Liberal", "Grenade": other words; typos fall inside a word
    actors = tuple(a for a in d.aliases[close[0]] if a.kind in ("country", "adjective"))
    return Hit(0, len(word), close[0], actors)


def role_sector(tokens: list, d: Dictionary) -> tuple[str | None, int]:
    """The sector of the longest role phrase ending at the last token, and its length."""
    for n in range(min(4, len(tokens)), 0, -1):
        window = tokens[-n:]
        words = tuple(t.text.lower() for t in window)
        lemmas = words[:-1] + (window[-1].lemma_.lower(),)
        for key in (words, lemmas):
            if key in d.roles:
                return d.roles[key], n
    return None, 0
