"""Directories: every readable file below, in a stable (sorted) order.

Files are chosen by extension; files without a known extension are skipped, except
extensionless files, whose format is sniffed from their content.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventlens.ingest.errors import InputError
from eventlens.ingest.registry import known_extension, read_path
from eventlens.model import RawDocument


def read_directory(root: Path) -> Iterator[RawDocument | InputError]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if known_extension(path) or path.suffix == "":
            yield from read_path(path, doc_id=path.relative_to(root).as_posix())
