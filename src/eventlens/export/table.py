"""The flat table CSV and Parquet exports share."""

from __future__ import annotations

import pandas as pd

from eventlens.store import queries


def frame(con, f: queries.EventFilter | None, dedup: bool) -> pd.DataFrame:
    if dedup:
        df = queries.dedup_events(con, f)
        df["mention_ids"] = df["mention_ids"].map(lambda ids: ";".join(ids))
        return df
    return queries.event_rows(con, f).drop(columns=["json"])
