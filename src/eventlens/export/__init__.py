"""Exports of stored events, one module a format; each offers `write(con, filter, out) -> rows`.

- gdelt: GDELT 2.0 Event TSV (61 columns, no header), de-duplicated events
- plover: PLOVER/POLECAT-style JSON lines, de-duplicated events with a PLOVER type
- phoenix: Phoenix/PETRARCH tab-separated with a header, de-duplicated events
- csv, parquet: every stored column of the event mentions (or of de-duplicated events)
"""

from __future__ import annotations

import importlib

FORMATS = ("gdelt", "plover", "phoenix", "csv", "parquet")


def writer(fmt: str):
    """The `write` function of a format's module."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return importlib.import_module(f"eventlens.export.{fmt}").write
