"""The date of an event: the article's date, unless the sentence names one.

Date phrases are found by our own patterns ("yesterday", "today", "tomorrow", "last week",
"on Tuesday", "in March", "on 3 January", "March 5, 2024", "2024-03-05", "two days ago") and
only those phrases are resolved against the article date. Days relative to the article
("today", "tonight", "this morning", "yesterday", "tomorrow", weekdays) are plain arithmetic;
the rest go to dateparser (`PREFER_DATES_FROM='past'`, `RELATIVE_BASE` = article date).
dateparser's own search is not used, because it turns words like "may", "march" or
"second" into dates. Phrases after "since", "until", "by", "before", "after" or "from" are
not the event's date and are skipped; vague ones ("this week", "recently", "last year", a
bare year) leave the article date in place.

A weekday is the latest such day up to the article's date, so the article's own weekday
means the article's day (a Tuesday story saying "on Tuesday" reports that day); "last
Tuesday" is strictly before it. In a clause about the future ("will meet on Friday", "is
due to arrive on Friday") a weekday is the next such day instead: placing a planned event
on the past Friday would be wrong. A weekday written with its date ("on Monday, 4 March")
is dated by the date.
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
_DOW = rf"(?:{_WEEKDAY},?\s+)?"  # "Monday, 4 March": the weekday is dropped, the date counts

# (kind, pattern); the first matching kind at a position wins, longer patterns first.
_PATTERNS = [
    ("iso", rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])\b"),
    ("mdy", rf"\b{_DOW}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("dmy", rf"\b{_DOW}{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}\b"),
    ("md", rf"\b{_DOW}{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?{_YEAR})(?![\d:])"),
    ("dm", rf"\b{_DOW}{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
    ("ago", rf"\b{_NUM}\s+(?:days?|weeks?)\s+ago\b"),
    ("rel", r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            r"(?:earlier\s+|later\s+)?today|yesterday|tomorrow|tonight|last\s+night|"
            r"this\s+(?:morning|afternoon|evening)|last\s+week)\b"),
    ("weekday", rf"\b(?:last\s+)?{_WEEKDAY}\b"),
    ("month_year", rf"\b{_FULL_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("month", rf"\b(?:in|during|early|late|mid-?)\s+(?:{_FULL_MONTH})\b"),
]
_RX = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS), re.IGNORECASE)
_NOT_EVENT_DATE = re.compile(r"\b(?:since|until|till|by|before|after|from|through|ahead\s+of|"
                             r"next|until|on\s+or\s+before)\s+(?:the\s+)?$", re.IGNORECASE)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MAX_PAST_DAYS_WITHOUT_YEAR = 366
_MAX_FUTURE_DAYS = 7  # "tomorrow", "on Friday" in a clause about the future
# Days from the article date, for phrases that are plain arithmetic.
_OFFSETS = {"today": 0, "earlier today": 0, "later today": 0, "tonight": 0,
            "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
            "last night": -1, "the day before yesterday": -2, "tomorrow": 1,
            "the day after tomorrow": 2}
# A clause about the future before a weekday, with no comma between: "will meet on",
# "is due to arrive on" (but not "Officials, who will not be named, said on Friday").
_FUTURE = re.compile(r"(?:\b(?:will|shall|won't|(?:is|are)\s+(?:due\s+)?to|"
                     r"(?:due|expected|scheduled|set|planning|plans?|going)\s+to)\b|\w'll\b)"
                     r"[^.;:!?,\u2014]*$", re.IGNORECASE)


def _weekday(base: date, wd: int, last: bool, future: bool) -> date:
    """The weekday `wd` nearest the article date: the latest one up to it (strictly before
    it after "last"), or the next one from it in a clause about the future."""
    if future:
        return base + timedelta(days=(wd - base.weekday()) % 7)
    back = (base.weekday() - wd) % 7
    return base - timedelta(days=back or (7 if last else 0))


@lru_cache(maxsize=4096)
def resolve(phrase: str, base: date | None, future: bool = False) -> date | None:
    """One date phrase against the article date: relative days and weekdays by arithmetic,
    the rest with dateparser (past preferred). `future`: the phrase is in a clause about
    the future, so a weekday means the coming one."""
    import dateparser

    text = re.sub(r"^(?:in|during|on)\s+", "", " ".join(phrase.split()), flags=re.IGNORECASE)
    text = re.sub(r"^(?:early|late|mid-?)\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(rf"^{_WEEKDAY},?\s+(?=\d|{_MONTH})", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\bof\s+", "", text, flags=re.IGNORECASE)
    low = text.lower()
    if base is not None:
        if low in _OFFSETS:
            return base + timedelta(days=_OFFSETS[low])
        words = low.split()
        if words and words[-1] in _WEEKDAYS and words[:-1] in ([], ["last"]):
            return _weekday(base, _WEEKDAYS.index(words[-1]), last=bool(words[:-1]),
                            future=future and not words[:-1])
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
    for start, _end, kind, phrase in phrases:
        if base is None and not _has_year(kind):
            continue  # a relative date needs the article's date
        future = kind == "weekday" and bool(_FUTURE.search(text[max(0, start - 80):start]))
        d = resolve(phrase, base, future)
        if d is None:
            continue
        if base is not None and not _has_year(kind):
            if d > base + timedelta(days=_MAX_FUTURE_DAYS if future or kind == "rel" else 1):
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
