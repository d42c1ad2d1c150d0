"""The DuckDB store: ingest is idempotent and events survive a round trip."""

from __future__ import annotations

import json

import duckdb

from conftest import FIXTURES, ROOT, run_cli

CORPUS = ROOT / "examples" / "corpus"


def _tables(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        arts = con.execute("SELECT doc_id, content_hash, text FROM articles ORDER BY doc_id").fetchall()
        evs = con.execute("SELECT * EXCLUDE (json) FROM events ORDER BY event_id").fetchall()
        return arts, evs
    finally:
        con.close()


def test_ingest_twice_adds_nothing(tmp_path):
    db = tmp_path / "t.duckdb"
    r1 = run_cli("ingest", str(CORPUS), "--db", str(db), "-q")
    assert r1.returncode == 0, r1.stderr
    first = _tables(db)
    assert len(first[0]) >= 25 and len(first[1]) > 50
    r2 = run_cli("ingest", str(CORPUS), "--db", str(db))
    assert r2.returncode == 0
    assert b"0 articles and 0 events added" in r2.stderr
    assert _tables(db) == first


def test_stored_events_equal_coded_events(tmp_path):
    db = tmp_path / "t.duckdb"
    path = FIXTURES / "scrape_sample.txt"
    assert run_cli("ingest", str(path), "--db", str(db), "-q").returncode == 0
    coded = [json.loads(x) for x in run_cli("code", str(path)).stdout.decode().splitlines()]
    stored = [json.loads(x) for x in run_cli("events", "--db", str(db), "--format", "jsonl").stdout.decode().splitlines()]
    assert sorted(e["event_id"] for e in coded) == sorted(e["event_id"] for e in stored)
    assert {e["event_id"]: e for e in coded} == {e["event_id"]: e for e in stored}


def test_missing_database_is_a_usage_error(tmp_path):
    r = run_cli("events", "--db", str(tmp_path / "nope.duckdb"))
    assert r.returncode == 2 and b"no such database" in r.stderr
    assert b"Traceback" not in r.stderr


def test_dyad_summary_prints(tmp_path):
    db = tmp_path / "t.duckdb"
    run_cli("ingest", str(CORPUS), "--db", str(db), "-q")
    r = run_cli("dyad", "--db", str(db))
    assert r.returncode == 0 and b"Dyads" in r.stdout
