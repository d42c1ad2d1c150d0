"""Bytes to text: reject binary data and empty input, decode UTF-8, legacy or mixed encodings."""

from __future__ import annotations

import codecs
import re

_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))
# A valid UTF-8 multi-byte sequence: its presence in bytes that are not valid UTF-8 as a whole
# means the file mixes UTF-8 with a legacy encoding (a common result of concatenated scrapes).
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


class DecodeError(ValueError):
    """The bytes are not readable text; the message is the reason shown to the user."""


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode one undecodable byte as Windows-1252 (Latin-1 where cp1252 has a hole)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    byte = exc.object[exc.start : exc.start + 1]
    try:
        return byte.decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), exc.start + 1


codecs.register_error("eventlens-cp1252", _cp1252_fallback)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode as the declared charset if it fits, else UTF-8 (BOM allowed), else UTF-8 mixed
    with Windows-1252, else Windows-1252; fail with a reason on empty or binary data."""
    if not data.strip():
        raise DecodeError("empty file")
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    enc = _codec(declared)
    if enc and enc not in ("utf-8", "ascii"):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        return data.decode("utf-8-sig", errors="eventlens-cp1252")
    text = data.decode("cp1252", errors="eventlens-cp1252")
    printable = sum(ch.isprintable() or ch.isspace() for ch in text)
    if printable / max(len(text), 1) < 0.95:
        raise DecodeError("undecodable bytes (not UTF-8 or a Western encoding)")
    return text


def scrub(text: str) -> str:
    """Replace lone surrogates (from JSON escapes such as "\\ud800") that cannot be written out."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
