"""RSS and Atom feeds: each entry is one document, its published date kept as the feed date.

feedparser reads the whole feed, so a feed is bounded like any one document (MAX_DOC_BYTES);
feeds are small in practice. It is handed bytes, never a string, because feedparser treats a
string as a URL or file name to open.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import BinaryIO

from eventlens.ingest.decode import looks_binary, scrub
from eventlens.ingest.errors import InputError
from eventlens.ingest.streams import TooLarge, read_document
from eventlens.model import RawDocument


def read(stream: BinaryIO, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    import feedparser

    try:
        data = read_document(stream)
    except TooLarge as exc:
        yield InputError(source, str(exc))
        return
    if not data.strip():
        yield InputError(source, "empty file")
        return
    if looks_binary(data):
        yield InputError(source, "binary data, not text")
        return
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser's own parsers fail in odd ways on broken XML
        why = " ".join(str(exc).split())[:160]
        yield InputError(source, f"malformed feed ({type(exc).__name__}: {why})")
        return
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        yield InputError(source, f"no feed entries found{f' ({why})' if why else ''}")
        return
    for n, entry in enumerate(parsed.entries, start=1):
        try:
            yield _document(entry, source, doc_id, n)
        except Exception as exc:  # feedparser decodes lazily; a bad entry must not end the feed
            yield InputError(f"{source}:entry {n}", f"unreadable entry ({type(exc).__name__})")


def _document(entry, source: str, doc_id: str, n: int) -> RawDocument | InputError:
    where = f"{source}:entry {n}"
    body, media = _body(entry)
    if not body.strip():
        return InputError(where, "feed entry has no content or summary")
    meta: dict[str, str] = {}
    for key in ("title", "link", "author"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            meta["url" if key == "link" else key] = scrub(value.strip())
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    if when:
        meta["date"] = time.strftime("%Y-%m-%d", when)
        meta["date_basis"] = "feed"
    ident = entry.get("id") or meta.get("url") or f"{doc_id}:{n}"
    return RawDocument(id=scrub(str(ident)), uri=meta.get("url", where), content=scrub(body),
                       media_type=media, meta=meta)


def _body(entry) -> tuple[str, str]:
    """The longest of the entry's content blocks and its summary, with its media type."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or ()]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    value, kind = max(candidates, key=lambda c: len(c[0]))
    return value, "text/html" if "html" in kind else "text/plain"
