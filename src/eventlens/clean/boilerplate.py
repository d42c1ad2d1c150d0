"""Scrape cleanup: banners, section labels, link lines, share/cookie lines, repeated text.

Works on lines, because a plain-text scrape keeps one paragraph a line. Everything removed is
returned with the reason, so `eventlens clean` can show the user what was dropped and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from eventlens.clean.dates import parse_banner_date
from eventlens.clean.repeats import drop_repeats

_SITE_BANNER = re.compile(r"^\s*\|?\s*Welcome to\s+(?P<site>.+?)\s*\|?\s*$", re.IGNORECASE)
_SECTION = re.compile(r"^\s*(?P<section>[A-Z][\w&'/,. -]{1,40}?)\s*\|\s*$")
_LINK_LINE = re.compile(
    r"^\s*(read more|also read|read also|related|related (articles?|posts?|stories|coverage)|"
    r"see also|see more|recommended|more from|you may also like|you might also like|"
    r"don'?t miss|watch|listen)\s*(?:[:|\-–—]|\.\.\.|…|\s*$)"
    r"|^\s*also on [\w-]+\.[\w.]+\s",  # "Also on rt.com <headline>"
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(share (this|on|via)|share:|subscribe\b|sign up\b|follow us\b|we use cookies|"
    r"this (web)?site uses cookies|accept (all )?cookies|advertisement\s*$|click here\b|"
    r"tweet\s*$|email this|print this|copyright\b|©|all rights reserved|download (our|the) app|"
    r"\d*\s*comments?\s*$|leave a (comment|reply)|tell us what you think|"
    r"get the latest .{0,60}(inbox|newsletter)|keep an eye on your inbox|"
    r"there was an error processing your subscription|"
    r"follow [\w@ .'-]{1,60} on (facebook|twitter|instagram|x\b))",
    re.IGNORECASE,
)
_NO_WORDS = re.compile(r"^\W*$")  # "-", "•", "* * *"; "___" rules are kept (\w)
_MAX_BOILERPLATE_WORDS = 25
# "MOGADISHU — ", "KABUL, Afghanistan (Reuters) - ": a wire dateline opening a paragraph.
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,\s*[A-Z][\w.' ]{1,40})?(?:\s*\([^)]{1,40}\))?)"
    r"\s*(?:\u2014|\u2013|--|-)\s+(?=\S)"
)


@dataclass
class BodyParts:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    site: str | None = None
    section: str | None = None
    page_date: date | None = None
    dropped: list[tuple[str, str]] = field(default_factory=list)


def clean_body_lines(lines: list[str], scrape_header: bool, find_headline: bool = True) -> BodyParts:
    """Split off the scrape header (site, date, headline, section) and drop noise lines.
    `find_headline` is False when the title is already known (a JSONL or feed title)."""
    out = BodyParts()
    body: list[str] = []
    in_header = scrape_header
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if in_header and _take_header_line(line, out):
            continue
        if in_header and find_headline and out.title is None and _looks_like_headline(line):
            out.title = line
            continue
        in_header = False
        if _NO_WORDS.match(line):
            out.dropped.append((line, "no words (bullet or divider)"))
        elif _LINK_LINE.match(line):
            out.dropped.append((line, "link to another article"))
        elif _BOILERPLATE.match(line) and len(line.split()) <= _MAX_BOILERPLATE_WORDS:
            out.dropped.append((line, "share/subscribe/cookie boilerplate"))
        elif out.section is None and scrape_header and _SECTION.match(line):
            out.section = _SECTION.match(line)["section"]
            out.dropped.append((line, "section label"))
        else:
            m = _DATELINE.match(line)
            if m and len(body) < 3:
                out.dropped.append((m.group(0).strip(), "dateline"))
                line = line[m.end():]
            body.append(line)
    kept, repeats = drop_repeats(body)
    out.paragraphs = kept
    out.dropped.extend(repeats)
    return out


def _take_header_line(line: str, out: BodyParts) -> bool:
    m = _SITE_BANNER.match(line)
    if m and out.site is None:
        out.site = m["site"]
        out.dropped.append((line, "site banner"))
        return True
    if out.page_date is None:
        d = parse_banner_date(line)
        if d:
            out.page_date = d
            out.dropped.append((line, "date banner"))
            return True
    m = _SECTION.match(line)
    if m and out.section is None:
        out.section = m["section"]
        out.dropped.append((line, "section label"))
        return True
    return False


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 25 and not line.rstrip().endswith((".", ":", ";", ","))
