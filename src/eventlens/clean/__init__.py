"""Cleaning: RawDocument to Article, with clean body text, metadata and what was dropped.

The publication date and where it came from (`Article.date_basis`), best first: the page's
HTML metadata (`html-meta`), the date the JSONL record or feed entry gave (`jsonl`, `feed`),
the WARC capture date (`warc-date`), a date found in the page's text (`html-text`).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from eventlens.clean.boilerplate import BodyParts, clean_body_lines
from eventlens.clean.dates import parse_iso_date
from eventlens.ingest.errors import InputError
from eventlens.model import Article, Dropped, RawDocument

__all__ = ["body_text", "clean", "content_hash"]


def content_hash(text: str) -> str:
    """Hash of the normalised body, so re-ingesting the same article is recognised."""
    norm = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.sha1(norm.encode()).hexdigest()


def body_text(article: Article) -> str:
    """The article text without the headline paragraph `clean` puts first."""
    if not article.title:
        return article.text
    return article.text[article.paragraphs[1][0]:] if len(article.paragraphs) > 1 else ""


def clean(raw: RawDocument, english_only: bool = True) -> Article | InputError:
    """Clean one document; an unusable one gives an InputError instead of an empty article,
    and so does a non-English one unless `english_only` is False."""
    content = raw.content if isinstance(raw.content, str) else raw.content.decode("utf-8", "replace")
    meta_title = _meta_str(raw, "title")
    published, basis = None, None
    if raw.media_type == "text/html":
        from eventlens.clean.html import extract_html, headline

        extracted = extract_html(content, raw.uri)
        if extracted is None:
            return InputError(_where(raw), "no article text found in the HTML")
        parts = clean_body_lines(extracted.text.splitlines(), scrape_header=False)
        title = meta_title or headline(extracted.title, extracted.site, parts.paragraphs)
        if extracted.published:
            published, basis = extracted.published, "html-meta"
        site, author, section = extracted.site, extracted.author, None
    else:
        parts = clean_body_lines(content.splitlines(), scrape_header=True,
                                 find_headline=meta_title is None)
        title, site, section, author = meta_title or parts.title, parts.site, parts.section, None
    if published is None:
        published, basis = _fallback_date(raw, content)
    author = author or _meta_str(raw, "author")
    art = _assemble(raw, parts, title, published, basis, site, section, author)
    if isinstance(art, Article):
        return _check_language(art, english_only)
    return art


def _where(doc: RawDocument | Article) -> str:
    """Name the input in an error: the URI, and the document id when the URI does not hold it
    (a WARC record's URL, a JSONL record's url)."""
    return doc.uri if doc.id in doc.uri else f"{doc.uri} [{doc.id}]"


def _meta_str(raw: RawDocument, key: str) -> str | None:
    value = raw.meta.get(key)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _fallback_date(raw: RawDocument, content: str) -> tuple[date | None, str | None]:
    meta_date = parse_iso_date(raw.meta.get("date"))
    if meta_date:
        return meta_date, str(raw.meta.get("date_basis") or "document-meta")
    if raw.fetched_at is not None:
        return raw.fetched_at.date(), "warc-date" if "warc_date" in raw.meta else "fetched"
    if raw.media_type == "text/html":
        from eventlens.clean.html import guess_date

        guessed = guess_date(content, raw.uri)
        if guessed:
            return guessed, "html-text"
    return None, None


def _check_language(art: Article, english_only: bool) -> Article | InputError:
    from dataclasses import replace

    from eventlens.clean.language import identify

    lang, prob = identify(body_text(art) or art.text)
    if lang != "en" and english_only:
        return InputError(_where(art), f"not English (looks like '{lang}', p={prob:.2f}); skipped, "
                          "only English is coded")
    return replace(art, language=lang) if lang != art.language else art


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
        return InputError(_where(raw), "no body text left after cleaning")
    # The headline is the first paragraph of the text, so headline events have offsets too.
    paragraphs = list(parts.paragraphs)
    dropped = list(parts.dropped)
    if title:
        # Extractors often repeat the headline in the body, after a breadcrumb or kicker.
        for i, p in enumerate(paragraphs[:3]):
            if _norm(p) == _norm(title):
                for q in paragraphs[:i]:
                    dropped.append((q, "page furniture before the headline"))
                dropped.append((p, "headline repeated in the body"))
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
