"""DuckDB storage: open/migrate, bulk writes through Arrow (one transaction a batch).

Re-ingesting is idempotent: an article whose content hash (or id) is stored is skipped with
its events, and events are keyed by their stable `event_id`. A batch is one transaction, so
an ingest killed at any point leaves whole batches only and a re-run completes the rest:
the result equals an uninterrupted run. Near-duplicate articles (MinHash, see
store/neardup.py) are stored with `duplicate_of` set and no events of their own; the
`dedup_events` view counts each as a further mention, article and source of the original's
events.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from eventlens.model import Article, Event
from eventlens.store import arrow, neardup
from eventlens.store.schema import SCHEMA_VERSION, current_version, migrate

__all__ = ["SCHEMA_VERSION", "SchemaError", "connect", "known_hashes", "write_batch",
           "write_arrow"]


class SchemaError(RuntimeError):
    """The file is not a usable eventlens database (corrupt, foreign or too new)."""


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (or create) a store, migrating an older schema; never touches a file it refuses
    (corrupt, not an eventlens database, or written by a newer eventlens)."""
    path = str(path)
    if read_only and not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such database")
    try:
        con = duckdb.connect(path, read_only=True) if Path(path).exists() else None
    except duckdb.Error as exc:
        raise SchemaError(f"{path}: not a readable eventlens database ({_short(exc)})") from exc
    version = 0
    if con is not None:
        try:
            version = current_version(con)
        except duckdb.Error as exc:
            raise SchemaError(f"{path}: not a readable eventlens database ({_short(exc)})") from exc
        finally:
            con.close()
        if version is None:
            raise SchemaError(f"{path}: a DuckDB file but not an eventlens database")
        if version > SCHEMA_VERSION:
            raise SchemaError(f"{path}: schema version {version} is newer than this eventlens "
                              f"({SCHEMA_VERSION}); upgrade eventlens")
    if read_only and version == SCHEMA_VERSION:
        return duckdb.connect(path, read_only=True)
    try:
        con = duckdb.connect(path)
    except duckdb.Error as exc:
        raise SchemaError(f"{path}: cannot open for writing ({_short(exc)})") from exc
    try:
        migrate(con, version)
    except duckdb.Error as exc:
        con.close()
        raise SchemaError(f"{path}: migration from schema {version} failed ({_short(exc)})") from exc
    if read_only:
        con.close()
        return duckdb.connect(path, read_only=True)
    # Bulk appends need not keep Arrow row order (every query orders its results): faster.
    con.execute("SET preserve_insertion_order = false")
    return con


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]


def known_hashes(con, hashes: Iterable[str]) -> set[str]:
    hs = list(set(hashes))
    if not hs:
        return set()
    rows = con.execute(
        "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))", [hs]
    ).fetchall()
    return {r[0] for r in rows}


def write_batch(con, articles: list[Article], events: list[Event]) -> tuple[int, int]:
    """Store a batch in one transaction; already-stored articles and their events are skipped.

    Returns (articles added, events added)."""
    if not articles:
        return 0, 0
    art_tbl = arrow.articles_table(articles)
    ev_tbl = arrow.events_table(events, {a.id: a.site for a in articles})
    return write_arrow(con, art_tbl, ev_tbl)


def _new_articles(con, art: pa.Table) -> pa.Table:
    """The rows of `art` not stored yet (by content hash or id), first of each in the batch."""
    con.register("_batch_keys", art.select(["doc_id", "content_hash"]))
    try:
        stored = con.execute(
            "SELECT doc_id, content_hash FROM articles "
            "WHERE doc_id IN (SELECT doc_id FROM _batch_keys) UNION "
            "SELECT doc_id, content_hash FROM articles "
            "WHERE content_hash IN (SELECT content_hash FROM _batch_keys)").fetchall()
    finally:
        con.unregister("_batch_keys")
    ids, hashes = art.column("doc_id").to_pylist(), art.column("content_hash").to_pylist()
    seen_ids = {r[0] for r in stored}
    seen_hashes = {r[1] for r in stored}
    keep = []
    for i, (d, h) in enumerate(zip(ids, hashes, strict=True)):
        if d in seen_ids or h in seen_hashes:
            continue
        seen_ids.add(d)
        seen_hashes.add(h)
        keep.append(i)
    if len(keep) == art.num_rows:
        return art
    return art.take(pa.array(keep, pa.int64()))


def _actors(ev: pa.Table) -> pa.Table:
    """Distinct (code, name, country, sector) of both sides, grouped in Arrow (cheap)."""
    parts = []
    for side in ("source", "target"):
        t = ev.select([f"{side}_{c}" for c in ("code", "name", "country", "sector")])
        t = t.rename_columns(["code", "name", "country", "sector"])
        parts.append(t.group_by(["code", "name", "country", "sector"]).aggregate([]))
    return pa.concat_tables(parts)


def _near_duplicates(con, new: pa.Table) -> list[str | None]:
    """`duplicate_of` for each new article: the pipeline's verdict where it gave one, else
    the same test (eventlens.clean.neardup) against the stored originals and the batch's."""
    given = new.column("duplicate_of").to_pylist()
    sigs = new.column("minhash").to_pylist()
    if not any(s is not None and g is None for s, g in zip(sigs, given, strict=True)):
        return given
    idx = neardup.index(con)
    if idx is None:
        return given
    out: list[str | None] = []
    for d, s, g in zip(new.column("doc_id").to_pylist(), sigs, given, strict=True):
        if g is not None or s is None or len(s) != 4 * idx.num_perm:
            out.append(g)
            continue
        original = idx.find(d, s)
        if original is None:
            idx.add(d, s)
        out.append(original)
    return out


def write_arrow(con, art: pa.Table, ev: pa.Table) -> tuple[int, int]:
    """Store Arrow tables of articles and events (schemas of `store.arrow`) in one
    transaction. Events whose article is already stored, or not in `art`, are skipped."""
    con.execute("BEGIN TRANSACTION")
    try:
        new = _new_articles(con, art)
        dup_of = _near_duplicates(con, new)
        new = new.set_column(new.schema.get_field_index("duplicate_of"), "duplicate_of",
                             pa.array(dup_of, pa.string()))
        con.register("_new_articles", new)
        # Events only of articles stored now, and none of a near-duplicate (not coded again).
        coded = new.filter(pc.is_null(new.column("duplicate_of"))).column("doc_id")
        if len(coded) < art.num_rows:
            ev = ev.filter(pc.is_in(ev.column("doc_id"), coded))
        con.register("_new_events", ev)
        con.register("_new_actors", _actors(ev))
        before_e = con.execute("SELECT count(*) FROM events").fetchone()[0]
        con.execute("INSERT INTO articles BY NAME SELECT * FROM _new_articles")
        semi = ""  # events naming no article of the batch are dropped
        if ev.num_rows and not pc.all(pc.is_in(ev.column("doc_id"), coded)).as_py():
            semi = "SEMI JOIN _new_articles a ON a.doc_id = n.doc_id AND a.duplicate_of IS NULL"
        once = ""  # the same event id twice in a batch (rare): keep the first
        if pc.count_distinct(ev.column("event_id")).as_py() < ev.num_rows:
            once = "QUALIFY row_number() OVER (PARTITION BY n.event_id ORDER BY n.sentence_index, n.json) = 1"
        # BY NAME with n.*: a fifth faster on bulk loads than listing the columns.
        con.execute(f"INSERT INTO events BY NAME SELECT n.* FROM _new_events n {semi} {once}")
        con.execute("""
            INSERT INTO actors
            SELECT code, coalesce(name, ''), min(country), min(sector) FROM _new_actors
            WHERE code IS NOT NULL GROUP BY 1, 2
            ON CONFLICT DO NOTHING
        """)
        added_e = con.execute("SELECT count(*) FROM events").fetchone()[0] - before_e
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("_new_articles", "_new_events", "_new_actors"):
            with contextlib.suppress(duckdb.Error):
                con.unregister(name)
    return new.num_rows, added_e
