"""Questions analysts ask of the store, as pandas DataFrames. SQL is always parameterised.

Two levels: `events` (the `events` table: every coded mention, as the coder printed it) and
de-duplicated events (the `dedup_events` view: one GDELT-style event per date, source code,
target code and CAMEO code, with mention/source/article counts). Time series, top actors
and networks count de-duplicated events by default (`dedup=False` counts mentions).

Every filter is validated first (`EventFilter.check`): a bad value raises `QueryError` with
a message fit for the user, never a database error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from eventlens.store.schema import EVENT_KEY_SQL

_KEY = EVENT_KEY_SQL.format(p="")

MAX_LIMIT = 10_000_000
FREQS = ("day", "week", "month", "quarter", "year")
_CODE = re.compile(r"^[A-Z0-9]{3,15}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_PLOVER = re.compile(r"^[A-Z_]{2,30}$")


class QueryError(ValueError):
    """A query the store cannot answer as asked; the message says why."""


@dataclass(frozen=True)
class EventFilter:
    """Which events a query looks at. Actor/country/sector match either side of the event."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None  # actor code prefix: USA, PAKMIL
    country: str | None = None  # ISO alpha-3 country of either actor
    sector: str | None = None  # GOV, MIL, REB ...
    root: str | None = None  # CAMEO root, 01-20
    cameo: str | None = None  # CAMEO code prefix, 2-4 digits
    quad_class: int | None = None  # 1-4
    plover: str | None = None  # PLOVER event type
    text: str | None = None  # case-insensitive substring of the sentence
    limit: int | None = None

    def check(self, con) -> EventFilter:
        """Normalised copy, or QueryError naming the bad value."""
        f = self
        if f.since and f.until and f.since > f.until:
            raise QueryError(f"empty date range: --since {f.since} is after --until {f.until}")
        if f.actor is not None:
            a = f.actor.strip().upper()
            if not _CODE.match(a):
                raise QueryError(f"bad actor code {f.actor!r}: expected letters/digits like USA or PAKMIL")
            if not _exists(con, "SELECT 1 FROM actors WHERE starts_with(code, ?) LIMIT 1", a):
                raise QueryError(f"unknown actor code {a!r}: no stored actor code starts with it "
                                 "(`eventlens actors` lists them)")
            f = replace(f, actor=a)
        if f.country is not None:
            c = f.country.strip().upper()
            if not re.match(r"^[A-Z]{3}$", c):
                raise QueryError(f"bad country {f.country!r}: expected an ISO alpha-3 code like PAK")
            if not _exists(con, "SELECT 1 FROM actors WHERE country = ? LIMIT 1", c):
                raise QueryError(f"unknown country {c!r}: no stored actor has it")
            f = replace(f, country=c)
        if f.sector is not None:
            s = f.sector.strip().upper()
            if not _SECTOR.match(s):
                raise QueryError(f"bad sector {f.sector!r}: expected three letters like GOV or MIL")
            f = replace(f, sector=s)
        if f.root is not None:
            r = f.root.strip().zfill(2)
            if not (r.isdigit() and len(r) == 2 and 1 <= int(r) <= 20):
                raise QueryError(f"bad CAMEO root {f.root!r}: expected 01 to 20")
            f = replace(f, root=r)
        if f.cameo is not None:
            c = f.cameo.strip()
            if not _CAMEO.match(c) or not 1 <= int(c[:2]) <= 20:
                raise QueryError(f"bad CAMEO code {f.cameo!r}: expected 2 to 4 digits like 190 or 0311")
            f = replace(f, cameo=c)
        if f.quad_class is not None and f.quad_class not in (1, 2, 3, 4):
            raise QueryError(f"bad quad class {f.quad_class!r}: expected 1, 2, 3 or 4")
        if f.plover is not None:
            p = f.plover.strip().upper()
            if not _PLOVER.match(p):
                raise QueryError(f"bad PLOVER type {f.plover!r}: expected a word like ASSAULT")
            f = replace(f, plover=p)
        if f.text is not None and not 1 <= len(f.text) <= 500:
            raise QueryError("text search must be 1 to 500 characters")
        if f.limit is not None and not 1 <= int(f.limit) <= MAX_LIMIT:
            raise QueryError(f"bad limit {f.limit}: expected 1 to {MAX_LIMIT}")
        return f

    def where(self, p: str = "") -> tuple[str, list]:
        """SQL condition over the `events` table (columns prefixed with `p`) and its params."""
        where, params = ["TRUE"], []
        if self.since:
            where.append(f"{p}event_date >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{p}event_date <= ?")
            params.append(self.until)
        if self.actor:
            where.append(f"(starts_with({p}source_code, ?) OR starts_with({p}target_code, ?))")
            params += [self.actor, self.actor]
        if self.country:
            where.append(f"({p}source_country = ? OR {p}target_country = ?)")
            params += [self.country, self.country]
        if self.sector:
            where.append(f"({p}source_sector = ? OR {p}target_sector = ?)")
            params += [self.sector, self.sector]
        if self.root:
            where.append(f"{p}cameo_root = ?")
            params.append(self.root)
        if self.cameo:
            where.append(f"starts_with({p}cameo, ?)")
            params.append(self.cameo)
        if self.quad_class:
            where.append(f"{p}quad_class = ?")
            params.append(int(self.quad_class))
        if self.plover:
            where.append(f"{p}plover_event = ?")
            params.append(self.plover)
        if self.text:
            where.append(f"contains(lower({p}sentence), lower(?))")
            params.append(self.text)
        return " AND ".join(where), params


def _exists(con, sql: str, *params) -> bool:
    return con.execute(sql, list(params)).fetchone() is not None


def _filter(con, f: EventFilter | None, kw: dict) -> EventFilter:
    f = replace(f or EventFilter(), **{k: v for k, v in kw.items() if v is not None})
    return f.check(con)


def _limit(sql: str, params: list, limit: int | None) -> tuple[str, list]:
    if limit is not None:
        return sql + " LIMIT ?", [*params, int(limit)]
    return sql, params


_EVENT_COLS = (
    "event_date, doc_id, source_code, source_name, source_text, action_text, "
    "target_code, target_name, target_text, cameo, quad_class, goldstein, plover_event, "
    "confidence, sentence, explanation, event_id"
)


def events(con, f: EventFilter | None = None, **kw) -> pd.DataFrame:
    """Coded event mentions matching the filter, in date and text order.

    Keyword arguments are EventFilter fields (since, until, actor, root, limit, ...)."""
    f = _filter(con, f, kw)
    cond, params = f.where()
    sql = (f"SELECT {_EVENT_COLS} FROM events WHERE {cond} "
           "ORDER BY event_date NULLS LAST, doc_id, sentence_index, action_start, event_id")
    return con.execute(*_limit(sql, params, f.limit)).df()


def event_rows(con, f: EventFilter | None = None, **kw) -> pd.DataFrame:
    """Every stored column of the matching mentions (for exports)."""
    f = _filter(con, f, kw)
    cond, params = f.where()
    sql = (f"SELECT * FROM events WHERE {cond} "
           "ORDER BY event_date NULLS LAST, doc_id, sentence_index, action_start, event_id")
    return con.execute(*_limit(sql, params, f.limit)).df()


def dedup_events(con, f: EventFilter | None = None, **kw) -> pd.DataFrame:
    """De-duplicated (GDELT-style) events having at least one mention matching the filter,
    with num_mentions, num_sources and num_articles; plus the first article's site/url."""
    f = _filter(con, f, kw)
    cond, params = f.where()
    sql = f"""
        SELECT d.*, a.uri AS source_url, a.site AS site, a.ingested_at AS date_added
        FROM dedup_events d LEFT JOIN articles a ON a.doc_id = d.first_doc_id
        WHERE d.event_id IN (SELECT {_KEY} FROM events WHERE {cond})
        ORDER BY d.event_date NULLS LAST, d.event_id
    """
    return con.execute(*_limit(sql, params, f.limit)).df()


def _side(con, code: str) -> str:
    code = code.strip().upper()
    if not _CODE.match(code):
        raise QueryError(f"bad actor code {code!r}: expected letters like USA or PAKMIL")
    if not _exists(con, "SELECT 1 FROM actors WHERE starts_with(code, ?) LIMIT 1", code):
        raise QueryError(f"unknown actor code {code!r}: no stored actor code starts with it")
    return code


def dyad_series(con, a: str, b: str, freq: str = "week", since: date | None = None,
                until: date | None = None, dedup: bool = True) -> pd.DataFrame:
    """Events between actors `a` and `b` (code prefixes, e.g. USA and PAK), both directions,
    per period: counts per quad class, mean and summed Goldstein."""
    if freq not in FREQS:
        raise QueryError(f"bad period {freq!r}: expected one of {', '.join(FREQS)}")
    a, b = _side(con, a), _side(con, b)
    if a == b:
        raise QueryError("a dyad needs two different actors")
    f = EventFilter(since=since, until=until).check(con)
    cond, params = f.where()
    sql = f"""
        WITH m AS (
            SELECT {_KEY if dedup else 'event_id'} AS id, event_date, quad_class, goldstein,
                   CASE WHEN starts_with(source_code, ?) THEN ? || '->' || ?
                        ELSE ? || '->' || ? END AS direction
            FROM events
            WHERE ((starts_with(source_code, ?) AND starts_with(target_code, ?))
                OR (starts_with(source_code, ?) AND starts_with(target_code, ?)))
              AND event_date IS NOT NULL AND {cond}
        ), ev AS (
            SELECT id, min(event_date) AS d, min(direction) AS direction,
                   min(quad_class) AS q, min(goldstein) AS g
            FROM m GROUP BY id
        )
        SELECT CAST(date_trunc('{freq}', d) AS DATE) AS period, direction,
               count(*) AS events,
               count(*) FILTER (WHERE q = 1) AS verbal_coop,
               count(*) FILTER (WHERE q = 2) AS material_coop,
               count(*) FILTER (WHERE q = 3) AS verbal_conflict,
               count(*) FILTER (WHERE q = 4) AS material_conflict,
               round(avg(g), 3) AS mean_goldstein, round(sum(g), 2) AS total_goldstein
        FROM ev GROUP BY 1, 2 ORDER BY 1, 2
    """
    return con.execute(sql, [a, a, b, b, a, a, b, b, a, *params]).df()


def top_actors(con, f: EventFilter | None = None, n: int = 20, by: str = "code",
               dedup: bool = True, **kw) -> pd.DataFrame:
    """The actors in most events (as source or target), by code or by country."""
    if by not in ("code", "country"):
        raise QueryError(f"bad grouping {by!r}: expected code or country")
    if not 1 <= int(n) <= 100_000:
        raise QueryError(f"bad number of actors {n}: expected 1 to 100000")
    f = _filter(con, f, kw)
    cond, params = f.where()
    unit = _KEY if dedup else "event_id"
    sql = f"""
        WITH m AS (SELECT * FROM events WHERE {cond}),
        sides AS (
            SELECT source_{by} AS actor, {unit} AS id, 'source' AS side, goldstein FROM m
            UNION ALL
            SELECT target_{by}, {unit}, 'target', goldstein FROM m)
        SELECT actor, count(DISTINCT id) AS events,
               count(DISTINCT id) FILTER (WHERE side = 'source') AS as_source,
               count(DISTINCT id) FILTER (WHERE side = 'target') AS as_target,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM sides WHERE actor IS NOT NULL
        GROUP BY actor ORDER BY events DESC, actor LIMIT ?
    """
    df = con.execute(sql, [*params, int(n)]).df()
    if by == "code":
        names = con.execute(
            "SELECT code, arg_max(name, length(name)) FROM actors GROUP BY code").fetchall()
        df.insert(1, "name", df["actor"].map(dict(names)))
    return df


def network(con, f: EventFilter | None = None, level: str = "country", min_events: int = 1,
            dedup: bool = True, **kw) -> pd.DataFrame:
    """Directed actor network edges: source, target, events, per-quad counts, Goldstein."""
    if level not in ("code", "country"):
        raise QueryError(f"bad network level {level!r}: expected code or country")
    if not 1 <= int(min_events) <= 10_000_000:
        raise QueryError(f"bad minimum {min_events}: expected 1 or more")
    f = _filter(con, f, kw)
    cond, params = f.where()
    unit = _KEY if dedup else "event_id"
    sql = f"""
        WITH ev AS (
            SELECT {unit} AS id, min(source_{level}) AS s, min(target_{level}) AS t,
                   min(quad_class) AS q, min(goldstein) AS g
            FROM events WHERE source_{level} IS NOT NULL AND target_{level} IS NOT NULL
              AND source_{level} <> target_{level} AND {cond}
            GROUP BY 1)
        SELECT s AS source, t AS target, count(*) AS events,
               count(*) FILTER (WHERE q IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE q IN (3, 4)) AS conflict,
               round(avg(g), 2) AS mean_goldstein
        FROM ev GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, source, target
    """
    return con.execute(sql, [*params, int(min_events)]).df()


def article(con, doc_id: str) -> tuple[dict, pd.DataFrame]:
    """One stored article (metadata and text) and its coded event mentions."""
    if not doc_id or len(doc_id) > 2000:
        raise QueryError("bad article id")
    df = con.execute("SELECT * EXCLUDE (minhash) FROM articles WHERE doc_id = ?", [doc_id]).df()
    if df.empty:
        raise QueryError(f"unknown article {doc_id!r}: not in the database")
    evs = con.execute(
        f"SELECT {_EVENT_COLS}, {_KEY} AS dedup_id FROM events WHERE doc_id = ? "
        "ORDER BY sentence_index, action_start, event_id", [doc_id]).df()
    return df.iloc[0].to_dict(), evs


# -- the summary behind `eventlens dyad` ------------------------------------------------

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


def dyad_trends(con) -> dict[tuple[str, str], list[tuple[str, float, int]]]:
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
    return dyad_series(con, a, b, freq="month")
