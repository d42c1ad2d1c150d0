"""HTML pages: body text and metadata through trafilatura, paragraph boundaries kept.

The publication date comes from the page's metadata only (htmldate without its extensive
text search), so that a date guessed from free text or a copyright line never outranks a
date the feed, the JSONL record or the WARC gave; `guess_date` is the last resort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventlens.clean.dates import parse_iso_date

_FRAGMENT_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                    "td", "th", "br", "tr")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# " | ", " - ", " – ", " — ", " · ", " » ": separators between a headline and a site name.
_TITLE_SEP = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u00bb\u2022]\s+")


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    published: date | None
    site: str | None
    author: str | None


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    import trafilatura
    from trafilatura.settings import set_date_params

    url = url if url and url.startswith("http") else None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception:  # trafilatura raises many types on broken markup; treat all as no text
        doc = None
    get = (doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)) if doc else None
    text = (get("text") if get else None) or ""
    if not text.strip():
        text = _fragment_text(html) if _is_fragment(html) else ""
        if not text.strip():
            return None
    return Extracted(
        text=text,
        title=get("title") if get else None,
        published=parse_iso_date(get("date")) if get else None,
        site=get("sitename") if get else None,
        author=get("author") if get else None,
    )


def guess_date(html: str, url: str | None = None) -> date | None:
    """A date found anywhere in the page (text, URL, copyright): weak evidence, used last."""
    try:
        from htmldate import find_date

        return parse_iso_date(find_date(html, extensive_search=True, original_date=True,
                                        url=url if url and url.startswith("http") else None))
    except Exception:  # htmldate fails on some broken markup; no date is the honest answer
        return None


def headline(title: str | None, site: str | None, paragraphs: list[str]) -> str | None:
    """The headline without a " | Site name" tail: cut where the body repeats the leading part
    of the title, or where the tail after the last separator is the site's name."""
    if not title:
        return title
    title = " ".join(title.split())
    cuts = [m for m in _TITLE_SEP.finditer(title)]
    if not cuts:
        return title
    firsts = {_norm(p) for p in paragraphs[:3]}
    for m in reversed(cuts):
        if _norm(title[: m.start()]) in firsts:
            return title[: m.start()]
    tail = _norm(title[cuts[-1].end():])
    if tail and (site and (tail in _norm(site) or _norm(site) in tail)
                 or re.fullmatch(r"[\w-]+( [\w-]+)*? (com|org|net|co uk|co|news|info)", tail)):
        return title[: cuts[-1].start()]
    return title


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def _is_fragment(html: str) -> bool:
    head = html[:4096].lower()
    return "<html" not in head and "<body" not in head


def _fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry, a JSONL `html` field), one block a line."""
    import lxml.html

    html = _CONTROL.sub(" ", html)  # lxml refuses strings with control characters
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for el in root.iter(*_FRAGMENT_BLOCKS):
            el.tail = "\n" + (el.tail or "")
        text = root.text_content()
    except Exception:  # lxml rejects some inputs outright; no text is the honest answer
        return ""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())
