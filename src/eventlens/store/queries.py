"""Questions analysts ask of the store, as pandas DataFrames. SQL is always parameterised."""

from __future__ import annotations

from datetime import date

import pandas as pd


def events(con, since: date | None = None, until: date | None = None, actor: str | None = None,
           root: str | None = None, limit: int | None = None) -> pd.DataFrame:
    where, params = ["TRUE"], []
    if since:
        where.append("event_date >= ?")
        params.append(since)
    if until:
        where.append("event_date <= ?")
        params.append(until)
    if actor:
        where.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
        params += [actor, actor]
    if root:
        where.append("cameo_root = ?")
        params.append(root.zfill(2))
    sql = (
        "SELECT event_date, doc_id, source_code, source_name, source_text, action_text, "
        "target_code, target_name, target_text, cameo, quad_class, goldstein, plover_event, "
        "confidence, sentence, explanation, event_id FROM events WHERE "
        + " AND ".join(where)
        + " ORDER BY event_date NULLS LAST, doc_id, sentence_index, action_start"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return con.execute(sql, params).df()


def dyads(con, min_events: int = 1) -> pd.DataFrame:
    """Per directed country dyad: counts by quad class, Goldstein, first and last date."""
    sql = """
        SELECT source_country AS source, target_country AS target, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS mean_goldstein,
               round(sum(goldstein), 1) AS total_goldstein,
               min(event_date) AS first, max(event_date) AS last
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL
          AND source_country <> target_country
        GROUP BY 1, 2 HAVING count(*) >= ?
        ORDER BY events DESC, source, target
    """
    return con.execute(sql, [min_events]).df()


def dyad_trends(con, min_events: int = 1) -> dict[tuple[str, str], list[tuple[str, float, int]]]:
    """Per directed dyad: (quarter, mean Goldstein, events) in time order."""
    sql = """
        SELECT source_country, target_country,
               strftime(event_date, '%Y') || 'Q' || CAST(quarter(event_date) AS VARCHAR) AS q,
               round(avg(goldstein), 1) AS g, count(*) AS n
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL
          AND source_country <> target_country AND event_date IS NOT NULL
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    """
    out: dict[tuple[str, str], list[tuple[str, float, int]]] = {}
    for s, t, q, g, n in con.execute(sql).fetchall():
        out.setdefault((s, t), []).append((q, g, n))
    return out


def dyad_timeline(con, a: str, b: str) -> pd.DataFrame:
    """Events between two countries (both directions), month by month."""
    sql = """
        SELECT strftime(date_trunc('month', event_date), '%Y-%m') AS month,
               source_country || '->' || target_country AS direction, count(*) AS events,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM events
        WHERE (source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?)
        GROUP BY 1, 2 ORDER BY 1, 2
    """
    return con.execute(sql, [a, b, b, a]).df()
