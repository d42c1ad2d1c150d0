"""Plain-text files and scrapes: one document each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from eventlens.ingest.decode import DecodeError, decode_text
from eventlens.ingest.errors import InputError
from eventlens.ingest.streams import TooLarge, read_document
from eventlens.model import RawDocument


def read(stream: BinaryIO, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_text(read_document(stream))
    except (DecodeError, TooLarge) as exc:
        yield InputError(source, str(exc))
        return
    yield RawDocument(id=doc_id, uri=source, content=text, media_type="text/plain")
