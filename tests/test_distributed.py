"""The Dask runner codes what one process codes, survives a killed worker, and writes Parquet;
`Coder(n_process=2)` codes what one process codes, in order.

Runs on the bundled synthetic corpus (examples/corpus) with a local cluster of 2 workers,
started once for the module.
"""

from __future__ import annotations

import contextlib
import json
import os

import duckdb
import pytest

from conftest import ROOT, run_cli

pytest.importorskip("distributed")

from eventlens import distributed as dist  # noqa: E402
from eventlens.ingest import read_inputs  # noqa: E402
from eventlens.pipeline import Coder, Result  # noqa: E402
from eventlens.store import duck  # noqa: E402

CORPUS = str(ROOT / "examples" / "corpus")


@pytest.fixture(scope="module")
def client():
    with dist.cluster_client(workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def docs():
    return [d for d in read_inputs([CORPUS]) if not isinstance(d, dist.InputError)]


@pytest.fixture(scope="module")
def coder():
    """A fresh Coder (not the session one other tests adjust), as `eventlens ingest` makes."""
    return Coder()


@pytest.fixture(scope="module")
def one_process(docs, coder):
    """event_id -> JSON record, coded in this process by the ordinary pipeline."""
    return {e.event_id: e.to_json() for r in coder.run(docs) if isinstance(r, Result)
            for e in r.events}


def _events(tables) -> dict[str, dict]:
    return {row["event_id"]: json.loads(row["json"]) for t in tables for row in t.to_pylist()}


def test_two_workers_code_the_same_events_as_one_process(client, docs, coder, one_process):
    outs = list(dist.run(docs, dist.spec_of(coder), client, size=4))
    assert all(isinstance(o, dist.Done) for o in outs), outs
    assert len(outs) == -(-len(docs) // 4)
    assert sorted(i for o in outs for i in o.doc_ids) == sorted(d.id for d in docs)
    coded = _events(o.events for o in outs)
    assert set(coded) == set(one_process) and len(coded) > 100
    assert coded == one_process


def test_a_killed_worker_loses_no_document(client, docs, coder, one_process, tmp_path):
    con = duck.connect(tmp_path / "k.duckdb")
    killed = None
    try:
        for o in dist.run(docs, dist.spec_of(coder), client, size=2, max_in_flight=8):
            assert isinstance(o, dist.Done), o
            duck.write_arrow(con, o.articles, o.events)
            if killed is None:  # part-way: kill a worker that is busy coding a partition
                busy = [w for w, keys in client.processing().items() if keys]
                killed = (busy or list(client.scheduler_info()["workers"]))[0]
                with contextlib.suppress(Exception):  # the connection dies with the worker
                    client.run(os._exit, 1, workers=[killed], on_error="ignore")
        ids = [r[0] for r in con.execute("SELECT doc_id FROM articles").fetchall()]
        stored = {r[0]: json.loads(r[1]) for r in
                  con.execute("SELECT event_id, json FROM events").fetchall()}
    finally:
        con.close()
    assert killed is not None and killed not in client.scheduler_info()["workers"]
    assert sorted(ids) == sorted(d.id for d in docs)  # every document, exactly once
    assert stored == one_process


def test_a_failing_partition_is_reported_once_and_the_others_are_kept(client, docs, coder):
    from eventlens.model import RawDocument

    bad = RawDocument(id="broken-doc", uri="broken-doc", content=None, media_type="text/plain")  # type: ignore[arg-type]
    items = [*docs[:4], bad, *docs[4:8]]  # partitions of 2: the third holds the broken one
    outs = list(dist.run(items, dist.spec_of(coder), client, size=2))
    failed = [o for o in outs if isinstance(o, dist.Failed)]
    assert len(failed) == 1 and failed[0].index == 2 and failed[0].n_docs == 2
    line = failed[0].line()
    assert line.startswith("eventlens: error: partition 2 (2 documents, ")
    assert "broken-doc" in line and "\n" not in line
    kept = sorted(i for o in outs if isinstance(o, dist.Done) for i in o.doc_ids)
    lost = {docs[4].id}  # the broken document's partition-mate
    assert kept == sorted({d.id for d in docs[:8]} - lost)


def test_cli_out_writes_a_parquet_dataset_duckdb_reads(tmp_path, one_process):
    out = tmp_path / "ds"
    missing = str(tmp_path / "missing.txt")
    r = run_cli("ingest", CORPUS, missing, "--workers", "2", "--batch-size", "8",
                "--out", str(out))
    err = r.stderr.decode()
    assert r.returncode == 1, err  # one input failed, the rest was written
    assert f"eventlens: error: {missing}: no such file or directory" in err
    assert "Traceback" not in err and "29 articles and" in err
    assert len(list((out / "events").glob("part-*.parquet"))) == 4
    con = duckdb.connect()
    rows = con.execute("SELECT event_id, json FROM read_parquet(?)",
                       [str(out / "events" / "*.parquet")]).fetchall()
    n_docs = con.execute("SELECT count(DISTINCT doc_id) FROM read_parquet(?)",
                         [str(out / "articles" / "*.parquet")]).fetchone()[0]
    assert {k: json.loads(v) for k, v in rows} == one_process
    assert len(rows) == len(one_process) and n_docs == 29


def test_workers_and_scheduler_together_is_a_usage_error(tmp_path):
    r = run_cli("ingest", CORPUS, "--workers", "2", "--scheduler", "tcp://127.0.0.1:1",
                "--db", str(tmp_path / "x.duckdb"))
    assert r.returncode == 2 and b"not both" in r.stderr


def test_n_process_2_codes_the_same_results_in_the_same_order(docs, coder):
    """The whole per-document flow in a pool of 2 processes: same events, same order, read
    errors and near-duplicates in place (they never leave this process)."""
    from dataclasses import replace

    from eventlens import workers

    dup = replace(docs[1], id="synthetic-copy", uri="synthetic-copy")  # same text: a duplicate
    items = [*docs[:3], dist.InputError("missing.txt", "no such file"), dup, *docs[3:9]]

    def view(results):
        return [r.line() if isinstance(r, dist.InputError) else
                (r.article.id, r.article.duplicate_of, [e.to_json() for e in r.events])
                for r in results]

    try:
        two = view(Coder(batch_size=2, n_process=2).run(items))
    finally:
        workers.shutdown_pools()  # free the two processes' memory for the rest of the suite
    one = view(coder.run(items))
    assert two == one
    assert one[3] == "eventlens: error: missing.txt: no such file"
    assert one[4][:2] == ("synthetic-copy", docs[1].id) and one[4][2] == []
    assert sum(len(r[2]) for r in one if isinstance(r, tuple)) > 20


def test_n_process_flag_codes_what_one_process_codes(tmp_path):
    """`--n-process 2` on the command line: the same events as one process; with Dask
    options it is a usage error (one or the other)."""
    files = [str(ROOT / "examples" / "corpus" / f) for f in sorted(os.listdir(CORPUS))
             if f.endswith(".txt")][:3]
    one = run_cli("code", *files, "-q")
    two = run_cli("code", *files, "-q", "--n-process", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stdout.count(b"\n") > 5
    r = run_cli("ingest", CORPUS, "--n-process", "2", "--workers", "2",
                "--db", str(tmp_path / "x.duckdb"))
    assert r.returncode == 2 and b"--n-process" in r.stderr
