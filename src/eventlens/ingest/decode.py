"""Bytes to text: reject binary data and empty input, decode UTF-8 or a legacy encoding."""

from __future__ import annotations

_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


class DecodeError(ValueError):
    """The bytes are not readable text; the message is the reason shown to the user."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def decode_text(data: bytes) -> str:
    """Decode as UTF-8 (BOM allowed), else Windows-1252, else fail with a reason."""
    if not data.strip():
        raise DecodeError("empty file")
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text.strip():
            return text
    # Latin-1 never fails; accept it only when the result is mostly printable.
    text = data.decode("latin-1")
    printable = sum(ch.isprintable() or ch.isspace() for ch in text)
    if printable / max(len(text), 1) < 0.95:
        raise DecodeError("undecodable bytes (not UTF-8 or a Western encoding)")
    return text
