"""Pick the reader for an input by extension (`.gz` stripped), else by sniffing its first bytes,
and run it so that nothing it meets (broken gzip, a bug) escapes as a traceback."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventlens.ingest.errors import InputError
from eventlens.ingest.streams import GZIP_MAGIC, HEAD_BYTES, BrokenGzip, gunzip, with_head
from eventlens.model import RawDocument

Reader = Callable[[BinaryIO, str, str], Iterator[RawDocument | InputError]]

_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": None,  # .xml: feed or page, sniffed
}
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


def _reader(fmt: str) -> Reader:
    from eventlens.ingest import feed, html, jsonl, text, warc

    return {"text": text.read, "html": html.read, "jsonl": jsonl.read, "warc": warc.read,
            "feed": feed.read}[fmt]


def _split_gz(name: str) -> tuple[str, bool]:
    name = name.lower()
    return (name[:-3], True) if name.endswith(".gz") else (name, False)


def _format_of(name: str) -> str | None:
    inner, _ = _split_gz(name)
    return _EXTENSIONS.get(Path(inner).suffix)


def known_extension(path: Path) -> bool:
    """Files a directory scan reads: known formats, `.gz` of them, and `.gz` of unnamed ones."""
    inner, gz = _split_gz(path.name)
    suffix = Path(inner).suffix
    return suffix in _EXTENSIONS or (gz and suffix == "")


def sniff(head: bytes) -> str:
    """Guess the format of unnamed content: WARC, JSONL, feed, HTML, else plain text."""
    if head.startswith(b"WARC/"):
        return "warc"
    low = head[:HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"{", b"[{")):
        return "jsonl"
    if any(m in low[:2048] for m in _FEED_MARKERS) and b"<html" not in low[:2048]:
        return "feed"
    if low.startswith((*_HTML_MARKERS, b"<?xml")) or any(
        m in low for m in (b"<p>", b"<div", b"<html", b"<body")
    ):
        return "html"
    return "text"


def _guarded(items: Iterator[RawDocument | InputError], source: str):
    """Turn a broken gzip stream or any unexpected failure into one InputError line."""
    n = 0
    try:
        for item in items:
            n += isinstance(item, RawDocument)
            yield item
    except BrokenGzip as exc:
        yield InputError(source, f"{exc}; stopped after {n} document(s)")
    except Exception as exc:  # a reader bug must not become a traceback or stop other inputs
        why = " ".join(str(exc).split())[:160]
        yield InputError(source, f"unreadable ({type(exc).__name__}: {why})")


def read_path(path: Path, doc_id: str) -> Iterator[RawDocument | InputError]:
    source = str(path)
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    with f:
        yield from _guarded(_read_file(f, source, doc_id, path.name), source)


def _read_file(f: BinaryIO, source: str, doc_id: str, name: str):
    fmt = _format_of(name)
    named_gz = _split_gz(name)[1]
    try:
        head = f.read(HEAD_BYTES)
        f.seek(0)
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if fmt == "warc":
        stream = f  # warcio reads per-record gzip itself, and can then skip corrupt records
    elif head.startswith(GZIP_MAGIC) or named_gz:
        head, stream = with_head(gunzip(f))
        fmt = fmt or sniff(head)
        if fmt == "warc":
            f.seek(0)
            stream = f
    else:
        stream = f
        fmt = fmt or sniff(head)
    yield from _reader(fmt)(stream, source, doc_id)


def read_stream(stream: BinaryIO, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    """Unnamed content (stdin): sniffed, gunzipped if compressed."""

    def items():
        head, s = with_head(stream)
        if head.startswith(GZIP_MAGIC):
            head, s = with_head(gunzip(s))
        yield from _reader(sniff(head))(s, source, doc_id)

    yield from _guarded(items(), source)


def read_bytes(data: bytes, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    yield from read_stream(io.BytesIO(data), source, doc_id)
