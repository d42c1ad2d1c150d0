"""JSON Lines: one document a line, `{"id", "text"}` or `{"id", "html"}`, optional title/url/date.

A malformed line is reported with its line number and skipped; the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from eventlens.ingest.decode import DecodeError, decode_text
from eventlens.ingest.errors import InputError
from eventlens.model import RawDocument

_META = ("title", "url", "date")


def read(data: bytes, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_text(data)
    except DecodeError as exc:
        yield InputError(source, str(exc))
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "expected a JSON object per line")
            continue
        body, media = obj.get("text"), "text/plain"
        if body is None and obj.get("html") is not None:
            body, media = obj["html"], "text/html"
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "no 'text' or 'html' field with content")
            continue
        meta = {k: obj[k] for k in _META if isinstance(obj.get(k), str) and obj[k].strip()}
        ident = obj.get("id")
        ident = str(ident) if ident not in (None, "") else f"{doc_id}:{n}"
        yield RawDocument(
            id=ident, uri=meta.get("url", where), content=body, media_type=media, meta=meta
        )
