"""Plain-text files and scrapes: one document each."""

from __future__ import annotations

from collections.abc import Iterator

from eventlens.ingest.decode import DecodeError, decode_text
from eventlens.ingest.errors import InputError
from eventlens.model import RawDocument


def read(data: bytes, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_text(data)
    except DecodeError as exc:
        yield InputError(source, str(exc))
        return
    yield RawDocument(id=doc_id, uri=source, content=text, media_type="text/plain")
