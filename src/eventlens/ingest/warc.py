"""WARC files (.warc, .warc.gz): each HTML response or resource record is one document.

Streams through warcio, one record at a time. A corrupt record gives an InputError naming the
file and the record's byte offset; on a seekable file the reader then scans forward to the next
record start and goes on, so one bad record never costs the rest of the archive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from eventlens.ingest.decode import DecodeError
from eventlens.ingest.errors import InputError
from eventlens.ingest.html import decode_html
from eventlens.ingest.streams import GZIP_MAGIC, MAX_DOC_BYTES, gunzip
from eventlens.model import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_SCAN_CHUNK = 1 << 20


def _iterator_class():
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):
        """warcio writes a warning to stderr for a record whose Content-Length is wrong; we
        count it (err_count) and report it our way instead."""

        INC_RECORD = ""

    return QuietIterator


def read(stream: BinaryIO, source: str, doc_id: str) -> Iterator[RawDocument | InputError]:
    iterator = _iterator_class()
    seekable = _seekable(stream)
    gz = seekable and _starts_with_gzip(stream)
    base, probing, skip = 0, False, 0
    while True:
        if seekable:
            stream.seek(base)
        it = iterator(stream, check_digests=False)
        records = iter(it)
        seen, errs, prev = 0, 0, base
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:
                # warcio keeps absolute offsets: the failing record's start (never before the
                # last good record, which garbage in a Content-Length can make it compute)
                offset = max(it.offset, prev)
                if "non-chunked gzip" in str(exc) and seekable:
                    # One gzip stream around the whole file: read it decompressed, no seeking.
                    stream.seek(0)
                    stream, seekable, base, skip = gunzip(stream), False, 0, skip + seen
                    break
                if not (probing and offset == base):
                    tail = "; the rest of the file was skipped" if not seekable else ""
                    yield InputError(
                        f"{source}@{offset}",
                        f"corrupt WARC record at byte offset {offset}: {_reason(exc)}{tail}",
                    )
                if not seekable:
                    return
                nxt = _next_record_start(stream, offset + 1, gz)
                if nxt is None:
                    return
                base, probing = nxt, True
                break
            # Before the record is consumed (get_record_offset reads it); the first record
            # after a seek starts exactly where we sought.
            offset = base if seen == 0 and seekable else it.offset
            if it.err_count > errs:
                errs = it.err_count
                yield InputError(f"{source}@{prev}", f"corrupt WARC record at byte offset {prev}: "
                                 "not followed by a blank line (wrong Content-Length?)")
            prev = offset
            seen += 1
            if skip:
                skip -= 1
                continue
            probing = False
            yield from _document(record, source, doc_id, offset)


def _document(record, source: str, doc_id: str, offset: int) -> Iterator[RawDocument | InputError]:
    where = f"{source}@{offset}"
    headers = record.rec_headers
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not (http.get_statuscode() or "").startswith("2"):
            return
        ctype = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = headers.get_header("Content-Type") or ""
    else:
        return
    if not ctype.lower().lstrip().startswith(_HTML_TYPES):
        return
    try:
        data = record.content_stream().read(MAX_DOC_BYTES + 1)
    except Exception as exc:  # chunked/gzip transfer encodings fail in many ways
        yield InputError(where, f"corrupt WARC record at byte offset {offset}: "
                                f"unreadable payload ({_reason(exc)})")
        return
    if len(data) > MAX_DOC_BYTES:
        yield InputError(where, f"WARC record at byte offset {offset}: payload larger than "
                                f"{MAX_DOC_BYTES // (1024 * 1024)} MiB, skipped")
        return
    if not data.strip():
        return  # an empty page is not an error in a crawl
    m = _CHARSET.search(ctype)
    try:
        text = decode_html(data, m.group(1) if m else None)
    except DecodeError as exc:
        yield InputError(where, f"WARC record at byte offset {offset}: {exc}")
        return
    uri = headers.get_header("WARC-Target-URI") or where
    warc_date = headers.get_header("WARC-Date") or ""
    meta = {"url": uri, "warc_date": warc_date}
    if rid := headers.get_header("WARC-Record-ID"):
        meta["warc_record_id"] = rid
    yield RawDocument(id=f"{doc_id}@{offset}", uri=uri, content=text, media_type="text/html",
                      fetched_at=_parse_date(warc_date), meta=meta)


def _parse_date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _reason(exc: Exception) -> str:
    """warcio's message on one printable line; garbage it quotes from the file cut short."""
    text = " ".join(ln.strip() for ln in str(exc).splitlines() if ln.strip())
    text = "".join(ch if ch.isprintable() and ord(ch) < 128 else "?" for ch in text)
    text = re.sub(r"(first line: .{0,40}).*", r"\1...", text)
    return text[:160] or type(exc).__name__


def _seekable(stream: BinaryIO) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _starts_with_gzip(stream: BinaryIO) -> bool:
    pos = stream.tell()
    head = stream.read(2)
    stream.seek(pos)
    return head == GZIP_MAGIC


def _next_record_start(stream: BinaryIO, start: int, gz: bool) -> int | None:
    """Byte offset of the next possible record start (a gzip member, or a WARC/1.x line)."""
    marker = b"\x1f\x8b\x08" if gz else b"WARC/1."
    stream.seek(start)
    pos, carry = start, b""
    while True:
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        buf = carry + chunk
        at = 0
        while True:
            i = buf.find(marker, at)
            if i < 0:
                break
            if gz or i == 0 and pos - len(carry) == start or buf[i - 1 : i] == b"\n":
                return pos - len(carry) + i
            at = i + 1
        carry = buf[-(len(marker) - 1):]
        pos += len(chunk)
