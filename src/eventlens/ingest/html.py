"""Saved HTML pages: one document each; extraction happens in the cleaner."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from eventlens.ingest.decode import DecodeError, declared_charset, decode_text
from eventlens.ingest.errors import InputError
from eventlens.ingest.streams import TooLarge, read_document
from eventlens.model import RawDocument


def decode_html(data: bytes, charset: str | None = None) -> str:
    """HTML bytes to text: the HTTP charset, else the page's <meta> charset, else guessed."""
    text = decode_text(data, charset or declared_charset(data))
    if "<" not in text:
        raise DecodeError("no HTML markup found")
    return text


def read(stream: BinaryIO, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_html(read_document(stream))
    except (DecodeError, TooLarge) as exc:
        yield InputError(source, str(exc))
        return
    yield RawDocument(id=doc_id, uri=source, content=text, media_type="text/html")
