"""HTML pages: body text and metadata through trafilatura, paragraph boundaries kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventlens.clean.dates import parse_iso_date


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    published: date | None
    site: str | None
    author: str | None


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url if url and url.startswith("http") else None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception:  # trafilatura raises many types on broken markup; treat all as no text
        return None
    if doc is None:
        return None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        return None
    return Extracted(
        text=text,
        title=get("title"),
        published=parse_iso_date(get("date")),
        site=get("sitename"),
        author=get("author"),
    )
