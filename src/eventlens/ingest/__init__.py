"""Readers: turn input paths (files, directories, `-` for stdin) into RawDocuments.

Formats: plain text, HTML, JSONL, WARC, RSS/Atom, each also gzip-compressed; see registry.py.
Every reader streams, so memory stays bounded whatever the input size. Readers never raise on
bad input: they yield an `InputError` naming the input (and line or record) and the reason, and
go on with the rest, so one broken file never stops a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from eventlens.ingest.errors import InputError
from eventlens.ingest.registry import read_path, read_stream
from eventlens.model import RawDocument

__all__ = ["InputError", "read_inputs"]


def read_inputs(inputs: Iterable[str], stdin=None) -> Iterator[RawDocument | InputError]:
    """Yield documents (or errors) from each input in order."""
    for item in inputs:
        if item == "-":
            import sys

            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, source="stdin", doc_id="stdin")
            continue
        path = Path(item)
        if not path.exists():
            yield InputError(item, "no such file or directory")
        elif path.is_dir():
            from eventlens.ingest.directory import read_directory

            yield from read_directory(path)
        else:
            yield from read_path(path, doc_id=path.name)
