"""Queries as a Python API (pandas) and on the CLI; schema versions; bad input."""

from __future__ import annotations

import json
import shutil
from datetime import date

import duckdb
import pytest
from _demo_db import build_demo_db

from conftest import run_cli
from eventlens.store import duck, queries, schema


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    return build_demo_db(tmp_path_factory, coder)


@pytest.fixture()
def con(db):
    c = duck.connect(db, read_only=True)
    yield c
    c.close()


def test_tables_and_view(con):
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"meta", "articles", "actors", "events", "dedup_events"} <= tables
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(
        schema.SCHEMA_VERSION)
    n_mentions, n_events, total = con.execute(
        "SELECT (SELECT count(*) FROM events), count(*), sum(num_mentions) FROM dedup_events"
    ).fetchone()
    assert total == n_mentions and n_events <= n_mentions


def test_event_filters(con):
    all_ = queries.events(con)
    assert len(all_) > 50
    usa = queries.events(con, actor="usa")
    assert len(usa) and all(
        str(s).startswith("USA") or str(t).startswith("USA")
        for s, t in zip(usa["source_code"], usa["target_code"], strict=True))
    r19 = queries.events(con, root="19")
    assert len(r19) and set(r19["cameo"].str[:2]) == {"19"}
    q4 = queries.events(con, quad_class=4)
    assert len(q4) and set(q4["quad_class"]) == {4}
    since = queries.events(con, since=date(2024, 1, 1), until=date(2024, 6, 30))
    assert len(since) and since["event_date"].min().date() >= date(2024, 1, 1)
    text = queries.events(con, text="AMBASSADOR")
    assert len(text) and all("ambassador" in s.lower() for s in text["sentence"])
    assert len(queries.events(con, limit=3)) == 3
    assert len(queries.events(con, country="PAK")) > 0
    assert len(queries.events(con, plover="assault")) > 0
    assert len(queries.events(con, cameo="19")) == len(r19)


@pytest.mark.parametrize(("kw", "msg"), [
    ({"actor": "XYZ"}, "unknown actor code"),
    ({"actor": "U$A; DROP"}, "bad actor code"),
    ({"since": date(2024, 2, 1), "until": date(2024, 1, 1)}, "empty date range"),
    ({"root": "21"}, "bad CAMEO root"),
    ({"cameo": "9x"}, "bad CAMEO code"),
    ({"quad_class": 5}, "bad quad class"),
    ({"country": "Pakistan"}, "bad country"),
    ({"limit": 0}, "bad limit"),
])
def test_bad_filters_are_clear_errors(con, kw, msg):
    with pytest.raises(queries.QueryError, match=msg):
        queries.events(con, **kw)


def test_dyad_series_both_directions(con):
    df = queries.dyad_series(con, "USA", "PAK", freq="month")
    assert set(df["direction"]) == {"USA->PAK", "PAK->USA"}
    quads = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
    assert (df[quads].sum(axis=1) == df["events"]).all()
    weekly = queries.dyad_series(con, "USA", "PAK", freq="week")
    assert weekly["events"].sum() == df["events"].sum()
    mentions = queries.dyad_series(con, "USA", "PAK", freq="month", dedup=False)
    assert mentions["events"].sum() >= df["events"].sum()
    with pytest.raises(queries.QueryError, match="bad period"):
        queries.dyad_series(con, "USA", "PAK", freq="fortnight")
    with pytest.raises(queries.QueryError, match="unknown actor"):
        queries.dyad_series(con, "USA", "QQQ")


def test_top_actors_network_article(con):
    top = queries.top_actors(con, n=5)
    assert len(top) == 5 and top["events"].is_monotonic_decreasing
    by_country = queries.top_actors(con, n=5, by="country")
    assert "USA" in set(by_country["actor"])
    edges = queries.network(con)
    assert len(edges) and (edges["source"] != edges["target"]).all()
    doc_id = con.execute("SELECT doc_id FROM events LIMIT 1").fetchone()[0]
    meta, evs = queries.article(con, doc_id)
    assert meta["doc_id"] == doc_id and len(evs) and set(evs["doc_id"]) == {doc_id}
    with pytest.raises(queries.QueryError, match="unknown article"):
        queries.article(con, "no-such-article")


def test_cli_queries(db):
    r = run_cli("dyad", "USA", "PAK", "--db", str(db), "--freq", "month", "-f", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows and {"period", "direction", "events", "mean_goldstein"} <= set(rows[0])
    r = run_cli("actors", "--db", str(db), "--top", "3", "-f", "csv")
    assert r.returncode == 0 and len(r.stdout.decode().splitlines()) == 4
    r = run_cli("events", "--db", str(db), "--dedup", "-f", "csv", "--root", "19")
    assert r.returncode == 0 and b"num_mentions" in r.stdout
    doc = r.stdout.decode().splitlines()[1].split(",")
    assert doc
    r = run_cli("article", "wire-001", "--db", str(db), "-f", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["events"]


@pytest.mark.parametrize("args", [
    ["events", "--actor", "XYZ"],
    ["events", "--since", "2024-02-01", "--until", "2024-01-01"],
    ["events", "--since", "yesterday"],
    ["dyad", "USA", "ZZZ"],
    ["dyad", "USA"],
    ["article", "nope"],
    ["export", "--format", "gdelt", "--out", "/nonexistent/dir/x.tsv"],
])
def test_cli_bad_input_is_a_clear_usage_error(db, args):
    r = run_cli(*args, "--db", str(db))
    assert r.returncode == 2, r.stderr
    assert b"usage error" in r.stderr and b"Traceback" not in r.stderr


def _bytes(path):
    return path.read_bytes()


def test_newer_schema_is_refused_untouched(tmp_path, db):
    newer = tmp_path / "newer.duckdb"
    shutil.copy(db, newer)
    c = duckdb.connect(str(newer))
    c.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    c.close()
    before = _bytes(newer)
    for args in (["events"], ["ingest", str(tmp_path)]):
        r = run_cli(*args, "--db", str(newer))
        assert r.returncode == 2 and b"newer than this eventlens" in r.stderr
        assert b"Traceback" not in r.stderr
    assert _bytes(newer) == before


def test_corrupt_file_is_refused_untouched(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database\n" * 200)
    before = _bytes(bad)
    for args in (["events"], ["ingest", str(tmp_path)], ["export", "--out", str(tmp_path / "x")]):
        r = run_cli(*args, "--db", str(bad))
        assert r.returncode == 2 and b"not a readable eventlens database" in r.stderr, r.stderr
        assert b"Traceback" not in r.stderr
    assert _bytes(bad) == before
    assert not (tmp_path / "bad.duckdb.wal").exists()


def test_version1_database_is_migrated(tmp_path):
    """A schema-1 database (as the first release wrote it) gains the new columns and view."""
    old = tmp_path / "v1.duckdb"
    c = duckdb.connect(str(old))
    schema.MIGRATIONS[1](c)
    c.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    ev = {"event_id": "e1", "doc_id": "d1", "source": {"start": 0, "end": 3},
          "target": None, "action": {"text": "hit", "start": 4, "end": 7},
          "location": {"name": "Kabul", "country": "AFG", "admin1": None, "lat": 34.5,
                       "lon": 69.2, "precision": "city"}}
    c.execute("INSERT INTO articles (doc_id, content_hash, text, site) VALUES ('d1', 'h', 't', 's')")
    c.execute("INSERT INTO events (event_id, doc_id, event_date, source_code, source_name, "
              "source_country, cameo, json) VALUES ('e1', 'd1', DATE '2024-01-02', 'USA', "
              "'United States', 'USA', '190', ?)", [json.dumps(ev)])
    c.close()
    con = duck.connect(old)
    try:
        assert schema.current_version(con) == schema.SCHEMA_VERSION
        row = con.execute("SELECT action_end, source_end, location_lat, site FROM events").fetchone()
        assert row == (7, 3, 34.5, "s")
        assert con.execute("SELECT code FROM actors").fetchall() == [("USA",)]
        assert con.execute("SELECT event_id, num_mentions FROM dedup_events").fetchone() == (
            "2024-01-02|USA||190", 1)
    finally:
        con.close()
