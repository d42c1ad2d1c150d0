"""The date of an event: the article's date, unless the sentence names one.

Date phrases are found by our own patterns ("yesterday", "last week", "on Tuesday",
"in March", "on 3 January", "March 5, 2024", "2024-03-05", "two days ago") and only those
phrases are resolved, with dateparser against the article date (`PREFER_DATES_FROM='past'`,
`RELATIVE_BASE` = article date); dateparser's own search is not used, because it turns
words like "may", "march" or "second" into dates. Phrases after "since", "until", "by",
"before", "after" or "from" are not the event's date and are skipped; vague ones ("this
week", "recently", "last year", a bare year) leave the article date in place.

A weekday that is the article's own weekday means the article's day (a Tuesday story
saying "on Tuesday" reports that day), not a week earlier.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|"
          r"july?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|"
          r"dec(?:ember|\.)?)")
_FULL_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|"
               r"november|december)")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"

# (kind, pattern); the first matching kind at a position wins, longer patterns first.
_PATTERNS = [
    ("iso", rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])\b"),
    ("mdy", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}\b"),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?{_YEAR})(?![\d:])"),
    ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
    ("ago", rf"\b{_NUM}\s+(?:days?|weeks?)\s+ago\b"),
    ("rel", r"\b(?:yesterday|last\s+night|last\s+week|the\s+day\s+before\s+yesterday)\b"),
    ("weekday", rf"\b(?:last\s+)?{_WEEKDAY}\b"),
    ("month_year", rf"\b{_FULL_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("month", rf"\b(?:in|during|early|late|mid-?)\s+(?:{_FULL_MONTH})\b"),
]
_RX = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS), re.IGNORECASE)
_NOT_EVENT_DATE = re.compile(r"\b(?:since|until|till|by|before|after|from|through|ahead\s+of|"
                             r"next|until|on\s+or\s+before)\s+(?:the\s+)?$", re.IGNORECASE)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MAX_PAST_DAYS_WITHOUT_YEAR = 366


@lru_cache(maxsize=4096)
def resolve(phrase: str, base: date | None) -> date | None:
    """One date phrase against the article date, with dateparser (past preferred)."""
    import dateparser

    text = re.sub(r"^(?:in|during|on)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^(?:early|late|mid-?)\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\bof\s+", "", text, flags=re.IGNORECASE)
    low = text.lower()
    if base is not None and low in _WEEKDAYS and _WEEKDAYS.index(low) == base.weekday():
        return base
    if low == "the day before yesterday" and base is not None:
        return base - timedelta(days=2)
    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        got = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return got.date() if got else None


def find_phrases(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, phrase) of every date phrase that may date the event."""
    out = []
    for m in _RX.finditer(text):
        kind = m.lastgroup or ""
        if _NOT_EVENT_DATE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if kind == "md" and m.group().split()[0].lower() == "may" and not re.search(
                r"\d", m.group()):
            continue
        out.append((m.start(), m.end(), kind, m.group()))
    return out


def _has_year(kind: str) -> bool:
    return kind in ("iso", "mdy", "dmy", "month_year")


def date_in(text: str, base: date | None, near: int | None = None) -> date | None:
    """The date a sentence names for its event, or None. `near` (a character offset into
    `text`, e.g. the action word) picks the phrase closest to it when there are several."""
    phrases = find_phrases(text)
    if near is not None:
        phrases.sort(key=lambda p: min(abs(p[0] - near), abs(p[1] - near)))
    for _start, _end, kind, phrase in phrases:
        if base is None and not _has_year(kind):
            continue  # a relative date needs the article's date
        d = resolve(phrase, base)
        if d is None:
            continue
        if base is not None and not _has_year(kind):
            if d > base + timedelta(days=1):
                continue
            if (base - d).days > _MAX_PAST_DAYS_WITHOUT_YEAR:
                continue
        return d
    return None


def event_date(sent, article, action_i: int | None = None) -> tuple[date | None, str | None]:
    """(date, basis) for an event in spaCy sentence `sent` of `article` (model.Article).

    basis is "sentence" when the sentence names the date (resolved against the article
    date), else the article's "publication" or "page" date, else (None, None). `action_i`,
    the doc index of the predicate token, picks the nearest phrase when there are several.
    """
    base, basis = article.event_date
    near = None
    if action_i is not None and sent.start <= action_i < sent.end:
        near = sent.doc[action_i].idx - sent.start_char
    d = date_in(sent.text, base, near)
    if d is not None:
        return d, "sentence"
    return base, basis
