"""Store benchmark: bulk load of synthetic events, then a weekly dyad series query.

Synthetic data (generated here, vectorised): N events over 10 years between 40 countries
(each code with one of 6 sectors or none), 10 events per article, CAMEO codes from our table.
Loading goes through the store's own write path (`duck.write_arrow`: Arrow tables, one
transaction a batch, idempotency checks, dedup keys, actors); only the writes are timed, not
the generation. The query is `queries.dyad_series(con, "USA", "PAK", "week")` (both
directions, de-duplicated events), timed as the median of several runs.

    .venv/bin/python benchmarks/bench_store.py            # 10 million events
    .venv/bin/python benchmarks/bench_store.py --events 1000000

Targets (issue 6): load >= 200,000 events/s; weekly dyad query < 1 s. The machine is shared,
so the run also times the floor for the same data in the same run: plain DuckDB appending
the same Arrow event tables to a bare table (no checks, no articles), and reports the ratio.
Writes benchmarks/results/store.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ["USA", "PAK", "IND", "CHN", "RUS", "UKR", "AFG", "IRN", "ISR", "SYR", "TUR", "EGY",
             "ETH", "SOM", "KEN", "NGA", "MLI", "NER", "BFA", "SDN", "SAU", "YEM", "IRQ", "JPN",
             "KOR", "PRK", "DEU", "FRA", "GBR", "POL", "BRA", "MEX", "COL", "VEN", "ZAF", "COD",
             "MMR", "BGD", "IDN", "PHL"]
SECTORS = ["", "GOV", "MIL", "REB", "OPP", "COP", "CVL"]
EVENTS_PER_ARTICLE = 10
DAYS = 3650


def _take(vocab: list[str], idx: np.ndarray) -> pa.Array:
    """Strings from a small vocabulary, vectorised (dictionary decode)."""
    return pa.DictionaryArray.from_arrays(pa.array(idx.astype(np.int32)),
                                          pa.array(vocab)).cast(pa.string())


def _ids(prefix: str, start: int, n: int) -> pa.Array:
    nums = pa.array(np.arange(start, start + n, dtype=np.int64)).cast(pa.string())
    return pc.binary_join_element_wise(pa.scalar(prefix), nums, "")


def make_batch(start: int, n: int, rng: np.random.Generator, cameo_codes: list[str],
               quads: np.ndarray, goldstein: np.ndarray) -> tuple[pa.Table, pa.Table]:
    from eventlens.store.arrow import ARTICLE_SCHEMA, EVENT_SCHEMA

    n_art = n // EVENTS_PER_ARTICLE
    a0 = start // EVENTS_PER_ARTICLE
    doc_ids = _ids("doc-", a0, n_art)
    pub = pa.array(rng.integers(0, DAYS, n_art, dtype=np.int32) + 16000, pa.int32()).cast(
        pa.date32())
    sites = _take([f"site{i}.example" for i in range(200)], rng.integers(0, 200, n_art))
    art_cols = {
        "doc_id": doc_ids, "uri": pc.binary_join_element_wise("https://", doc_ids, ""),
        "title": _take(["Synthetic headline"], np.zeros(n_art, dtype=np.int32)),
        "published": pub, "page_date": pa.nulls(n_art, pa.date32()), "site": sites,
        "section": pa.nulls(n_art, pa.string()), "author": pa.nulls(n_art, pa.string()),
        "language": _take(["en"], np.zeros(n_art, dtype=np.int32)),
        "content_hash": _ids("hash-", a0, n_art),
        "text": _take(["Synthetic article text."], np.zeros(n_art, dtype=np.int32)),
        "dropped": _take(["[]"], np.zeros(n_art, dtype=np.int32)),
        "ingested_at": pa.array(np.full(n_art, 1_700_000_000_000_000, dtype=np.int64),
                                pa.timestamp("us")),
        "minhash": pa.nulls(n_art, pa.binary()), "duplicate_of": pa.nulls(n_art, pa.string()),
    }
    art = pa.table(art_cols, schema=ARTICLE_SCHEMA)

    art_of = np.arange(n) // EVENTS_PER_ARTICLE
    s_c = rng.integers(0, len(COUNTRIES), n)
    t_c = (s_c + rng.integers(1, len(COUNTRIES), n)) % len(COUNTRIES)
    s_s, t_s = rng.integers(0, len(SECTORS), n), rng.integers(0, len(SECTORS), n)
    codes = [c + s for c in COUNTRIES for s in SECTORS]
    s_code = _take(codes, s_c * len(SECTORS) + s_s)
    t_code = _take(codes, t_c * len(SECTORS) + t_s)
    cam = rng.integers(0, len(cameo_codes), n)
    cameo = _take(cameo_codes, cam)
    date = pc.take(pub, pa.array(art_of))
    null_s, null_i, null_f = pa.nulls(n, pa.string()), pa.nulls(n, pa.int32()), pa.nulls(n, pa.float64())
    offsets = pa.array(rng.integers(0, 5000, n, dtype=np.int32))
    cols = {
        "event_id": _ids("ev-", start, n), "doc_id": pc.take(doc_ids, pa.array(art_of)),
        "sentence_index": pa.array((np.arange(n) % EVENTS_PER_ARTICLE).astype(np.int32)),
        "sentence": _take(["A synthetic sentence in which one actor acts on another."],
                          np.zeros(n, dtype=np.int32)),
        "sentence_start": offsets, "event_date": date,
        "date_basis": _take(["publication"], np.zeros(n, dtype=np.int32)),
        "source_text": null_s, "source_name": _take(COUNTRIES, s_c), "source_code": s_code,
        "source_country": _take(COUNTRIES, s_c), "source_sector": _take(SECTORS, s_s),
        "target_text": null_s, "target_name": _take(COUNTRIES, t_c), "target_code": t_code,
        "target_country": _take(COUNTRIES, t_c), "target_sector": _take(SECTORS, t_s),
        "action_text": _take(["acted"], np.zeros(n, dtype=np.int32)), "action_start": offsets,
        "cameo": cameo, "cameo_root": pc.utf8_slice_codeunits(cameo, 0, 2),
        "quad_class": pa.array(quads[cam].astype(np.int32)),
        "goldstein": pa.array(goldstein[cam]), "plover_event": null_s, "plover_mode": null_s,
        "negated": pa.array(np.zeros(n, dtype=bool)),
        "hypothetical": pa.array(np.zeros(n, dtype=bool)),
        "reciprocal": pa.array(np.zeros(n, dtype=bool)),
        "location_name": null_s, "location_country": null_s,
        "confidence": pa.array(np.full(n, 0.7)), "explanation": null_s,
        "json": _take(['{"synthetic": true}'], np.zeros(n, dtype=np.int32)),
        "action_end": offsets, "source_start": null_i, "source_end": null_i,
        "target_start": null_i, "target_end": null_i, "location_admin1": null_s,
        "location_lat": null_f, "location_lon": null_f, "location_precision": null_s,
        "site": pc.take(sites, pa.array(art_of)),
    }
    return art, pa.table(cols, schema=EVENT_SCHEMA)


def _raw_insert_seconds(path: Path, args, codes, quads, gold) -> float:
    """Plain DuckDB appending the same kind of Arrow event batches to a bare table."""
    import duckdb

    rng = np.random.default_rng(6)
    con = duckdb.connect(str(path))
    total = 0.0
    for start in range(0, args.events, args.batch):
        _, ev = make_batch(start, min(args.batch, args.events - start), rng, codes, quads, gold)
        con.register("ev", ev)
        t = time.perf_counter()
        if start == 0:
            con.execute("CREATE TABLE events AS SELECT * FROM ev")
        else:
            con.execute("INSERT INTO events SELECT * FROM ev")
        total += time.perf_counter() - t
        con.unregister("ev")
    con.close()
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--batch", type=int, default=500_000, help="events per transaction")
    ap.add_argument("--query-runs", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "store.json")
    args = ap.parse_args()

    from eventlens.ontology import cameo
    from eventlens.store import duck, queries

    table = cameo.table()
    codes = sorted(table)
    quads = np.array([table[c].quad_class for c in codes])
    gold = np.array([table[c].goldstein for c in codes])
    rng = np.random.default_rng(6)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        con = duck.connect(path)
        load_s, gen_s, added = 0.0, 0.0, 0
        for start in range(0, args.events, args.batch):
            n = min(args.batch, args.events - start)
            t = time.perf_counter()
            art, ev = make_batch(start, n, rng, codes, quads, gold)
            gen_s += time.perf_counter() - t
            t = time.perf_counter()
            _, e = duck.write_arrow(con, art, ev)
            load_s += time.perf_counter() - t
            added += e
            print(f"{start + n:>12,} events  load {added / load_s:,.0f} events/s", file=sys.stderr)
        con.close()
        size = path.stat().st_size
        raw_s = _raw_insert_seconds(Path(tmp) / "raw.duckdb", args, codes, quads, gold)
        con = duck.connect(path, read_only=True)
        runs, rows = [], 0
        for _ in range(args.query_runs):
            t = time.perf_counter()
            df = queries.dyad_series(con, "USA", "PAK", freq="week")
            runs.append(time.perf_counter() - t)
            rows = len(df)
        dedup_events = con.execute("SELECT count(*) FROM dedup_events").fetchone()[0]
        con.close()
    result = {
        "events": added,
        "dedup_events": dedup_events,
        "batch_events": args.batch,
        "load_seconds": round(load_s, 2),
        "load_events_per_s": round(added / load_s),
        "load_target_events_per_s": 200_000,
        "generation_seconds_not_timed": round(gen_s, 2),
        "raw_duckdb_append_events_per_s": round(added / raw_s),
        "load_to_raw_append_speed_ratio": round(raw_s / load_s, 3),
        "db_bytes": size,
        "weekly_dyad_query_median_s": round(statistics.median(runs), 4),
        "weekly_dyad_query_runs_s": [round(r, 4) for r in runs],
        "weekly_dyad_query_rows": rows,
        "weekly_dyad_query_target_s": 1.0,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
