"""CSV of every stored column: event mentions (default) or de-duplicated events."""

from __future__ import annotations

from pathlib import Path

from eventlens.export.table import frame
from eventlens.store import queries


def write(con, f: queries.EventFilter | None, out: Path, dedup: bool = False) -> int:
    df = frame(con, f, dedup)
    df.to_csv(out, index=False)
    return len(df)
