"""Pick the reader for a path by extension, or for unnamed bytes by sniffing the content."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from eventlens.ingest.errors import InputError
from eventlens.model import RawDocument

Reader = Callable[[bytes, str, str], Iterator[RawDocument | InputError]]


def _readers() -> dict[str, Reader]:
    from eventlens.ingest import html, jsonl, text

    return {
        ".txt": text.read,
        ".text": text.read,
        ".html": html.read,
        ".htm": html.read,
        ".jsonl": jsonl.read,
        ".ndjson": jsonl.read,
    }


def known_extension(path: Path) -> bool:
    return path.suffix.lower() in _readers()


def sniff(data: bytes) -> str:
    """Guess the format of unnamed content: JSONL, HTML, else plain text."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"{"):
        return ".jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) or (
        b"<p>" in head or b"<div" in head
    ):
        return ".html"
    return ".txt"


def read_path(path: Path, doc_id: str) -> Iterator[RawDocument | InputError]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    ext = path.suffix.lower()
    reader = _readers().get(ext) or _readers()[sniff(data)]
    yield from reader(data, str(path), doc_id)


def read_bytes(data: bytes, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    yield from _readers()[sniff(data)](data, source, doc_id)
