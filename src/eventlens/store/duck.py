"""DuckDB storage: schema, bulk writes through Arrow (one transaction a batch), queries.

Re-ingesting is idempotent: an article whose content hash is stored is skipped, and events
are keyed by their stable `event_id`, so nothing is duplicated and an interrupted run resumes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from eventlens.model import Article, Event

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, uri VARCHAR, title VARCHAR, published DATE, page_date DATE,
    site VARCHAR, section VARCHAR, author VARCHAR, language VARCHAR,
    content_hash VARCHAR UNIQUE, text VARCHAR, dropped JSON, ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence_index INTEGER, sentence VARCHAR,
    sentence_start INTEGER, event_date DATE, date_basis VARCHAR,
    source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    source_sector VARCHAR, target_text VARCHAR, target_name VARCHAR, target_code VARCHAR,
    target_country VARCHAR, target_sector VARCHAR, action_text VARCHAR, action_start INTEGER,
    cameo VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    plover_event VARCHAR, plover_mode VARCHAR, negated BOOLEAN, hypothetical BOOLEAN,
    reciprocal BOOLEAN, location_name VARCHAR, location_country VARCHAR,
    confidence DOUBLE, explanation VARCHAR, json JSON
);
"""

_ARTICLE_COLS = ["doc_id", "uri", "title", "published", "page_date", "site", "section", "author",
                 "language", "content_hash", "text", "dropped", "ingested_at"]


class SchemaError(RuntimeError):
    pass


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (or create) a store; refuses a file written by a newer eventlens."""
    path = str(path)
    if read_only and not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such database")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise SchemaError(f"{path}: not a readable eventlens database ({exc})") from exc
    if not read_only:
        con.execute(_DDL)
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            con.close()
            raise SchemaError(f"{path}: schema version {row[0]} is newer than this eventlens "
                              f"({SCHEMA_VERSION}); upgrade eventlens")
    return con


def known_hashes(con, hashes: Iterable[str]) -> set[str]:
    hs = list(set(hashes))
    if not hs:
        return set()
    rows = con.execute(
        "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))", [hs]
    ).fetchall()
    return {r[0] for r in rows}


def _article_rows(articles: list[Article]) -> pa.Table:
    now = datetime.now(UTC).replace(tzinfo=None)
    cols = {c: [] for c in _ARTICLE_COLS}
    for a in articles:
        cols["doc_id"].append(a.id)
        cols["uri"].append(a.uri)
        cols["title"].append(a.title)
        cols["published"].append(a.published)
        cols["page_date"].append(a.page_date)
        cols["site"].append(a.site)
        cols["section"].append(a.section)
        cols["author"].append(a.author)
        cols["language"].append(a.language)
        cols["content_hash"].append(a.content_hash)
        cols["text"].append(a.text)
        cols["dropped"].append(json.dumps([{"text": d.text, "reason": d.reason} for d in a.dropped]))
        cols["ingested_at"].append(now)
    return pa.table(cols)


def _event_rows(events: list[Event]) -> pa.Table:
    rows = []
    for e in events:
        j = e.to_json()
        s, t, loc = j["source"] or {}, j["target"] or {}, j["location"] or {}
        rows.append({
            "event_id": j["event_id"], "doc_id": e.doc_id, "sentence_index": e.sentence_index,
            "sentence": e.sentence, "sentence_start": e.sentence_start, "event_date": e.date,
            "date_basis": e.date_basis,
            "source_text": s.get("text"), "source_name": s.get("name"), "source_code": s.get("code"),
            "source_country": s.get("country"), "source_sector": s.get("sector"),
            "target_text": t.get("text"), "target_name": t.get("name"), "target_code": t.get("code"),
            "target_country": t.get("country"), "target_sector": t.get("sector"),
            "action_text": e.action.text, "action_start": e.action.start,
            "cameo": e.cameo, "cameo_root": e.cameo_root, "quad_class": e.quad_class,
            "goldstein": e.goldstein, "plover_event": e.plover.event, "plover_mode": e.plover.mode,
            "negated": e.negated, "hypothetical": e.hypothetical, "reciprocal": e.reciprocal,
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "confidence": e.confidence, "explanation": e.explanation, "json": json.dumps(j),
        })
    schema = pa.schema([
        ("event_id", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int32()),
        ("sentence", pa.string()), ("sentence_start", pa.int32()), ("event_date", pa.date32()),
        ("date_basis", pa.string()), ("source_text", pa.string()), ("source_name", pa.string()),
        ("source_code", pa.string()), ("source_country", pa.string()),
        ("source_sector", pa.string()), ("target_text", pa.string()), ("target_name", pa.string()),
        ("target_code", pa.string()), ("target_country", pa.string()),
        ("target_sector", pa.string()), ("action_text", pa.string()),
        ("action_start", pa.int32()), ("cameo", pa.string()), ("cameo_root", pa.string()),
        ("quad_class", pa.int32()), ("goldstein", pa.float64()), ("plover_event", pa.string()),
        ("plover_mode", pa.string()), ("negated", pa.bool_()), ("hypothetical", pa.bool_()),
        ("reciprocal", pa.bool_()), ("location_name", pa.string()),
        ("location_country", pa.string()), ("confidence", pa.float64()),
        ("explanation", pa.string()), ("json", pa.string()),
    ])
    return pa.Table.from_pylist(rows, schema=schema)


def write_batch(con, articles: list[Article], events: list[Event]) -> tuple[int, int]:
    """Store a batch in one transaction; already-stored articles and events are skipped.

    Returns (articles added, events added)."""
    if not articles:
        return 0, 0
    art_tbl = _article_rows(articles)
    ev_tbl = _event_rows(events)
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_new_articles", art_tbl)
        con.register("_new_events", ev_tbl)
        before_a = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        before_e = con.execute("SELECT count(*) FROM events").fetchone()[0]
        con.execute(
            "INSERT INTO articles SELECT DISTINCT ON (content_hash) * FROM _new_articles n "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.content_hash = n.content_hash "
            "OR a.doc_id = n.doc_id)"
        )
        con.execute(
            "INSERT INTO events SELECT DISTINCT ON (event_id) n.* FROM _new_events n "
            "JOIN articles a ON a.doc_id = n.doc_id "
            "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = n.event_id)"
        )
        added_a = con.execute("SELECT count(*) FROM articles").fetchone()[0] - before_a
        added_e = con.execute("SELECT count(*) FROM events").fetchone()[0] - before_e
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_new_articles")
        con.unregister("_new_events")
    return added_a, added_e
