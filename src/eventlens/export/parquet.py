"""Parquet of every stored column: event mentions (default) or de-duplicated events."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventlens.export.table import frame
from eventlens.store import queries


def write(con, f: queries.EventFilter | None, out: Path, dedup: bool = False) -> int:
    df = frame(con, f, dedup)
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), out)
    return len(df)
