"""Byte streams for readers: gzip streamed, the head kept for sniffing, reads bounded.

Readers get a binary stream, never a whole file, so a multi-gigabyte WARC or JSONL dump is read
piece by piece. A broken gzip stream surfaces as `BrokenGzip`, which the registry turns into an
InputError after whatever was read before it has been yielded.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

MAX_DOC_BYTES = 64 * 1024 * 1024  # one document (a text or HTML file, a JSONL line, a record)
HEAD_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"


class BrokenGzip(Exception):
    """The gzip data ended early or is corrupt; the message says how."""


class TooLarge(Exception):
    """A single document is larger than MAX_DOC_BYTES."""


class _SafeGzip(io.RawIOBase):
    """A gzip stream that raises BrokenGzip, not the zoo of errors gzip/zlib raise."""

    def __init__(self, raw: BinaryIO) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        try:
            data = self._gz.read1(len(b))  # read1: what is there, so a truncated tail still
            # yields everything before the break
        except EOFError as exc:
            raise BrokenGzip("gzip data ends early (truncated file)") from exc
        except (OSError, zlib.error) as exc:
            raise BrokenGzip(f"corrupt gzip data ({exc})") from exc
        b[: len(data)] = data
        return len(data)


class _Prefixed(io.RawIOBase):
    """Bytes already read (the sniffed head) followed by the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)


def gunzip(raw: BinaryIO) -> BinaryIO:
    """Stream the decompressed content of a gzip stream."""
    return io.BufferedReader(_SafeGzip(raw), buffer_size=1 << 16)


def with_head(stream: BinaryIO, size: int = HEAD_BYTES) -> tuple[bytes, BinaryIO]:
    """Read the first bytes for sniffing and return them with a stream that still starts at 0."""
    head = _read_up_to(stream, size)
    return head, io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    parts, got = [], 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_document(stream: BinaryIO) -> bytes:
    """The whole stream as one document; TooLarge past MAX_DOC_BYTES (never read further)."""
    data = _read_up_to(stream, MAX_DOC_BYTES + 1)
    if len(data) > MAX_DOC_BYTES:
        raise TooLarge(f"larger than {MAX_DOC_BYTES / 2**20:g} MiB for one document")
    return data


def iter_lines(stream: BinaryIO, limit: int):
    """Yield (line_number, bytes or None): None for a line longer than `limit`, which is
    skipped without being held in memory."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # discard the rest of the enormous line
                more = stream.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line
