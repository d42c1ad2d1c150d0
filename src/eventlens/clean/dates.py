"""Dates in metadata and banners: ISO strings and written-out dates like 'Friday, March 29, 2024'."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
_BANNER = re.compile(
    rf"^\s*(?:(?:{_WEEKDAYS})\.?,?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\s*$",
    re.IGNORECASE,
)


def parse_iso_date(value: object) -> date | None:
    """Parse '2024-03-29' or an ISO datetime; anything else gives None."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def parse_banner_date(line: str) -> date | None:
    """A line that is only a date ('Friday, March 29, 2024', '29 March 2024') gives that date."""
    if len(line) > 60 or not _BANNER.match(line):
        return None
    iso = parse_iso_date(line.strip())
    if iso:
        return iso
    import dateparser

    parsed = dateparser.parse(
        line.strip(), languages=["en"], settings={"STRICT_PARSING": True}
    )
    return parsed.date() if parsed else None
