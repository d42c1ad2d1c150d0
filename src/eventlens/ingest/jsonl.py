"""JSON Lines: one document a line, `{"id", "text"}` or `{"id", "html"}`, optional title/url/date.

Read line by line, so a dump of any size streams. A malformed or enormous line is reported with
its line number and skipped; the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from eventlens.ingest import streams
from eventlens.ingest.decode import looks_binary, scrub
from eventlens.ingest.errors import InputError
from eventlens.model import RawDocument

_META = ("title", "url", "date")


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return line.decode("utf-8-sig", errors="eventlens-cp1252")  # registered in decode.py


def read(stream: BinaryIO, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    head = stream.peek(streams.HEAD_BYTES)[: streams.HEAD_BYTES] if hasattr(stream, "peek") else b""
    if looks_binary(head):
        yield InputError(source, "binary data, not text")
        return
    any_content = False
    limit = streams.MAX_DOC_BYTES
    for n, raw in streams.iter_lines(stream, limit):
        where = f"{source}:{n}"
        if raw is None:
            any_content = True
            yield InputError(where, f"line longer than {limit / 2**20:g} MiB, skipped")
            continue
        line = _decode_line(raw)
        if not line.strip():
            continue
        any_content = True
        yield from _document(line, where, doc_id, n)
    if not any_content:
        yield InputError(source, "empty file")


def _document(line: str, where: str, doc_id: str, n: int) -> Iterator[RawDocument | InputError]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
        return
    except RecursionError:
        yield InputError(where, "malformed JSON (nested too deeply)")
        return
    if not isinstance(obj, dict):
        yield InputError(where, "expected a JSON object per line")
        return
    body, media = obj.get("text"), "text/plain"
    if body is None and obj.get("html") is not None:
        body, media = obj["html"], "text/html"
    if not isinstance(body, str) or not body.strip():
        yield InputError(where, "no 'text' or 'html' field with content")
        return
    meta = {k: scrub(obj[k]) for k in _META if isinstance(obj.get(k), str) and obj[k].strip()}
    if "date" in meta:
        meta["date_basis"] = "jsonl"
    ident = obj.get("id")
    ident = scrub(str(ident)) if ident not in (None, "") else f"{doc_id}:{n}"
    yield RawDocument(
        id=ident, uri=meta.get("url", where), content=scrub(body), media_type=media, meta=meta
    )
