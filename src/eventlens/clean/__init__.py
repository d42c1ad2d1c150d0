"""Cleaning: RawDocument to Article, with clean body text, metadata and what was dropped."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from eventlens.clean.boilerplate import BodyParts, clean_body_lines
from eventlens.clean.dates import parse_iso_date
from eventlens.ingest.errors import InputError
from eventlens.model import Article, Dropped, RawDocument

__all__ = ["clean", "content_hash"]


def content_hash(text: str) -> str:
    """Hash of the normalised body, so re-ingesting the same article is recognised."""
    norm = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.sha1(norm.encode()).hexdigest()


def clean(raw: RawDocument) -> Article | InputError:
    """Clean one document; an unusable one gives an InputError instead of an empty article."""
    content = raw.content if isinstance(raw.content, str) else raw.content.decode("utf-8", "replace")
    if raw.media_type == "text/html":
        from eventlens.clean.html import extract_html

        extracted = extract_html(content, raw.uri)
        if extracted is None:
            return InputError(raw.uri, "no article text found in the HTML")
        parts = clean_body_lines(extracted.text.splitlines(), scrape_header=False)
        title = extracted.title
        published, basis = extracted.published, "html-meta" if extracted.published else None
        site, author = extracted.site, extracted.author
        section = None
    else:
        parts = clean_body_lines(content.splitlines(), scrape_header=True)
        title, site, section = parts.title, parts.site, parts.section
        published, basis, author = None, None, None
    meta_date = parse_iso_date(raw.meta.get("date"))
    if meta_date:
        published, basis = meta_date, "document-meta"
    title = raw.meta.get("title") or title
    return _assemble(raw, parts, title, published, basis, site, section, author)


def _assemble(
    raw: RawDocument,
    parts: BodyParts,
    title: str | None,
    published: date | None,
    basis: str | None,
    site: str | None,
    section: str | None,
    author: str | None,
) -> Article | InputError:
    if not parts.paragraphs:
        return InputError(raw.uri, "no body text left after cleaning")
    # The headline is the first paragraph of the text, so headline events have offsets too.
    paragraphs = list(parts.paragraphs)
    dropped = list(parts.dropped)
    if title:
        # Extractors often repeat the headline in the body, after a breadcrumb or kicker.
        for i, p in enumerate(paragraphs[:3]):
            if _norm(p) == _norm(title):
                for q in paragraphs[:i]:
                    dropped.append((q, "page furniture before the headline"))
                paragraphs = paragraphs[i + 1:]
                break
        paragraphs.insert(0, title.strip())
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    text = "\n\n".join(paragraphs)
    return Article(
        id=raw.id,
        uri=raw.uri,
        title=title,
        text=text,
        published=published,
        page_date=parts.page_date,
        site=site,
        section=section,
        author=author,
        content_hash=content_hash(text),
        paragraphs=tuple(spans),
        dropped=tuple(Dropped(t, r) for t, r in dropped),
        date_basis=basis,
    )


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()
