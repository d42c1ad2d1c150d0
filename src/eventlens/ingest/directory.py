"""Directories: every readable file below, in a stable (sorted) order.

Files are chosen by extension (`.gz` of a known format included); extensionless files are
sniffed from their content; hidden files and folders are skipped. Symlinked folders are not
followed, so a link loop cannot make the scan endless.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from eventlens.ingest.errors import InputError
from eventlens.ingest.registry import known_extension, read_path
from eventlens.model import RawDocument


def read_directory(root: Path) -> Iterator[RawDocument | InputError]:
    errors: list[OSError] = []
    for path in _files(root, errors.append):
        while errors:
            exc = errors.pop(0)
            yield InputError(str(exc.filename or root), f"cannot list: {exc.strerror or exc}")
        if known_extension(path) or path.suffix == "":
            yield from read_path(path, doc_id=path.relative_to(root).as_posix())
    for exc in errors:
        yield InputError(str(exc.filename or root), f"cannot list: {exc.strerror or exc}")


def _files(root: Path, onerror) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not name.startswith(".") and path.is_file():
                yield path
