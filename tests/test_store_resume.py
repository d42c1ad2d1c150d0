"""An ingest killed with SIGKILL part-way and run again gives exactly the database an
uninterrupted run gives (all tables, ingest timestamps aside).

The corpus is generated here: the bundled synthetic corpus's plain-text scrapes copied
several times, each copy with a distinct headline tweak and closing line (so copies are
near-duplicates of the originals and exercise that path too).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb

from conftest import ROOT, run_cli

CORPUS = ROOT / "examples" / "corpus"
COPIES = 3
KILL_AFTER_DOCS = 12
BATCH = "3"


def _make_corpus(dst):
    dst.mkdir()
    sources = sorted(CORPUS.glob("*.txt"))
    for k in range(COPIES):
        for src in sources:
            lines = src.read_text(encoding="utf-8").splitlines()
            if k:  # the headline is the third line of these scrapes
                lines[2] = f"{lines[2]} (update {k})"
                lines.append("")
                lines.append(f"This synthetic copy number {k} was filed by desk {k * 7 + 3}.")
            (dst / f"{k:02d}_{src.name}").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dst


def _dump(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute(
                "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY doc_id").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "actors": con.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
            "dedup": con.execute(
                "SELECT * FROM dedup_events ORDER BY event_id").fetchall(),
            "meta": con.execute("SELECT * FROM meta ORDER BY key").fetchall(),
        }
    finally:
        con.close()


def _ingest_killed(corpus, db) -> int:
    """Start an ingest, SIGKILL it once KILL_AFTER_DOCS documents are coded; return how
    many documents it reported."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventlens.cli", "ingest", str(corpus), "--db", str(db),
         "--batch-size", BATCH, "--verbose"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=dict(os.environ))
    done = 0
    deadline = time.monotonic() + 300
    try:
        for line in proc.stderr:
            if line.startswith(b"coded "):
                done += 1
                if done >= KILL_AFTER_DOCS:
                    break
            if time.monotonic() > deadline:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    return done


def test_sigkill_then_rerun_equals_uninterrupted(tmp_path):
    corpus = _make_corpus(tmp_path / "corpus")
    n_docs = len(list(corpus.iterdir()))
    assert n_docs > 2 * KILL_AFTER_DOCS

    clean_db = tmp_path / "clean.duckdb"
    r = run_cli("ingest", str(corpus), "--db", str(clean_db), "--batch-size", BATCH, "-q")
    assert r.returncode == 0, r.stderr
    expected = _dump(clean_db)
    assert len(expected["articles"]) == n_docs
    assert any(row[-1] is not None for row in expected["articles"]), "no near-duplicates found"

    db = tmp_path / "killed.duckdb"
    _ingest_killed(corpus, db)
    partial = _dump(db)
    assert 0 < len(partial["articles"]) < n_docs, "the kill should leave a partial database"

    r = run_cli("ingest", str(corpus), "--db", str(db), "--batch-size", BATCH)
    assert r.returncode == 0, r.stderr
    assert f"{len(partial['articles'])} articles already stored".encode() in r.stderr
    got = _dump(db)
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs after resume"


def test_near_duplicates_are_mentions_not_events(tmp_path):
    corpus = _make_corpus(tmp_path / "corpus")
    one = tmp_path / "one"
    one.mkdir()
    for p in sorted(corpus.glob("0[01]_01_*.txt")):
        (one / p.name).write_bytes(p.read_bytes())
    db = tmp_path / "t.duckdb"
    assert run_cli("ingest", str(one), "--db", str(db), "-q").returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        dups = con.execute("SELECT doc_id, duplicate_of FROM articles "
                           "WHERE duplicate_of IS NOT NULL").fetchall()
        assert dups == [("01_01_us_pakistan_militant_havens.txt",
                         "00_01_us_pakistan_militant_havens.txt")]
        docs = {r[0] for r in con.execute("SELECT DISTINCT doc_id FROM events").fetchall()}
        assert docs == {"00_01_us_pakistan_militant_havens.txt"}  # the copy is not coded
        rows = con.execute("SELECT num_mentions, num_articles FROM dedup_events").fetchall()
        assert rows and all(a == 2 and m >= 2 for m, a in rows)  # ...but counts as a mention
    finally:
        con.close()
