"""`make bench`: how fast eventlens is and where the time goes, as ratios within one run.

On one synthetic corpus (benchmarks/gen_corpus.py; >= 1 million words, `--quick` ~100k)
this measures, in the same process and run:
  - spaCy parsing alone (nlp.pipe over the cleaned texts): the floor we build on;
  - the whole `eventlens code` pipeline (clean, parse, actors, events) in one process, and
    with `Coder(n_process=2)` (a pool of 2 processes each running parse + actors + events;
    cleaning and the duplicate check stay in the parent);
  - `eventlens ingest` in one process (the pipeline + DuckDB writes), timed per stage
    (clean, parse, actors, events, classifier, store);
  - the same ingest on a local Dask cluster of 2 workers (results back as Arrow tables,
    stored by the client), and Dask writing a Parquet dataset (`--out`);
then derives words/s, sentences/s and articles/s, the ratios between them, the CPU seconds
of every process involved (this one, the pool's and Dask's workers), peak RSS per
process/worker, a cProfile summary of the top functions, spaCy's per-component times, and
the extrapolated cost of one million articles. Writes benchmarks/results/run_all[_quick].json.
Throughputs are medians over `--repeats` runs, interleaved so that a noisy neighbour hits
every measurement alike; the 1-minute load average is recorded after each run. The Dask
cluster and the n_process pool are started and warmed once, outside the timings (their
start-up is reported). Only ratios are meant to be compared across machines.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import generate  # noqa: E402


def _mib(kib: int) -> float:
    return round(kib / 1024, 1)


def parse_only(texts: list[str], n_process: int = 1) -> int:
    """Parse and count sentences (the parse-alone baseline)."""
    from eventlens import nlp

    return sum(sum(1 for _ in doc.sents) for doc in nlp.parse(texts, 32, n_process))


def code(coder, raws) -> int:
    """The whole `eventlens code` pipeline; returns the number of events."""
    from eventlens.ingest import InputError

    return sum(len(r.events) for r in coder.run(raws) if not isinstance(r, InputError))


class _Timed:
    """The classifier, with the time spent in `proba` added up (its own stage)."""

    def __init__(self, clf) -> None:
        self.clf, self.seconds = clf, 0.0

    def proba(self, texts):
        t = time.perf_counter()
        try:
            return self.clf.proba(texts)
        finally:
            self.seconds += time.perf_counter() - t

    def __getattr__(self, name: str):
        return getattr(self.clf, name)


def ingest_staged(raws, db: Path, batch: int = 64) -> dict[str, float]:
    """`eventlens ingest` in one process (what Coder.run and the store do), a timer per stage."""
    from eventlens import nlp
    from eventlens.actors.resolve import DocActors
    from eventlens.clean import clean
    from eventlens.clean.neardup import NearDuplicates
    from eventlens.events.coder import code_article
    from eventlens.model import Article
    from eventlens.pipeline import Coder
    from eventlens.store import arrow, duck

    coder = Coder()
    d, pats, clf = coder.actor_dictionary, coder.patterns, _Timed(coder.classifier)
    seen = NearDuplicates()
    con = duck.connect(db)
    st = dict.fromkeys(("clean", "parse", "actors", "events", "classifier", "store_arrow",
                        "store_duckdb"), 0.0)
    pc = time.perf_counter
    for i in range(0, len(raws), batch):
        t = pc()
        arts = [a for a in (clean(r) for r in raws[i:i + batch])
                if isinstance(a, Article) and not seen.check_and_add(a)]
        t1 = pc()
        docs = list(nlp.parse([a.text for a in arts], coder.batch_size))
        t2 = pc()
        events = []
        for a, doc in zip(arts, docs, strict=True):
            ta = pc()
            actors = DocActors(doc, d, a.event_date[0])
            tb = pc()
            events += code_article(a, doc, actors, pats, False, clf)
            st["actors"] += tb - ta
            st["events"] += pc() - tb
        t3 = pc()
        art_t = arrow.articles_table(arts)
        ev_t = arrow.events_table(events, {a.id: a.site for a in arts})
        t4 = pc()
        duck.write_arrow(con, art_t, ev_t)
        st["clean"] += t1 - t
        st["parse"] += t2 - t1
        st["store_arrow"] += t4 - t3
        st["store_duckdb"] += pc() - t4
    con.close()
    st["events"] -= clf.seconds  # the classifier runs inside code_article
    st["classifier"] = clf.seconds
    return st


def dask_ingest(client, raws, db: Path | None, out: str | None, size: int) -> tuple[int, int]:
    """Ingest on Dask (to DuckDB, or to Parquet with `out`); returns (articles, events)."""
    from eventlens import distributed as dist
    from eventlens.store import duck

    con = duck.connect(db) if db is not None else None
    n_a = n_e = 0
    for o in dist.run(raws, dist.CoderSpec(), client, size, out):
        if not isinstance(o, dist.Done):
            raise RuntimeError(o.line())
        if con is not None:
            a, e = duck.write_arrow(con, o.articles, o.events)
        else:
            a, e = len(o.doc_ids), o.n_events
        n_a, n_e = n_a + a, n_e + e
    if con is not None:
        con.close()
    return n_a, n_e


def profile_top(raws, db: Path, n: int = 20) -> list[dict]:
    """cProfile of ingest on a slice of the corpus: the functions with most own time."""
    from eventlens.pipeline import Coder
    from eventlens.store import duck

    coder = Coder()
    coder.actor_dictionary, coder.patterns  # noqa: B018
    con = duck.connect(db)
    prof = cProfile.Profile()
    prof.enable()
    results = [r for r in coder.run(raws) if hasattr(r, "article")]
    duck.write_batch(con, [r.article for r in results], [e for r in results for e in r.events])
    prof.disable()
    con.close()
    stats = pstats.Stats(prof)
    total = stats.total_tt
    rows = []
    for (file, line, fn), (_cc, nc, tt, ct, _) in stats.stats.items():
        short = "/".join(Path(file).parts[-2:]) if file != "~" else "builtin"
        rows.append({"function": f"{short}:{line}({fn})", "calls": nc,
                     "own_s": round(tt, 3), "own_share": round(tt / total, 3),
                     "cumulative_s": round(ct, 3)})
    rows.sort(key=lambda r: -r["own_s"])
    return rows[:n]


def spacy_components(texts: list[str]) -> dict[str, float]:
    """Seconds per spaCy component over `texts` (tokenizer included), run one after another."""
    from eventlens import nlp

    m = nlp.load()
    t = time.perf_counter()
    docs = [m.make_doc(x) for x in texts]
    out = {"tokenizer": time.perf_counter() - t}
    for name, proc in m.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = time.perf_counter() - t
    return {k: round(v, 2) for k, v in out.items()}


def derived(r: dict) -> dict:
    """Ratios and the cost of a million articles, from the measured throughputs."""
    sec = {k: v["seconds"] for k, v in r["throughput"].items()}
    cpu = {k: v["cpu_s"] for k, v in r["throughput"].items()}
    n = r["corpus"]["articles"]
    hours = 1e6 / n / 3600  # seconds for this corpus -> hours for a million articles
    return {
        "ratios": {
            "pipeline_1p_vs_spacy_parse": round(sec["spacy_parse_1p"] / sec["pipeline_1p"], 3),
            "pipeline_n_process_2_vs_1p": round(sec["pipeline_1p"] / sec["pipeline_n_process_2"], 3),
            "ingest_dask_2_workers_vs_ingest_1p": round(sec["ingest_1p"] / sec["ingest_dask_2_workers"], 3),
            "ingest_dask_2_workers_vs_pipeline_1p": round(sec["pipeline_1p"] / sec["ingest_dask_2_workers"], 3),
            "parquet_dask_2_workers_vs_ingest_1p": round(sec["ingest_1p"] / sec["parquet_dask_2_workers"], 3),
            "ingest_1p_vs_pipeline_1p": round(sec["pipeline_1p"] / sec["ingest_1p"], 3),
        },
        # CPU seconds are not taken by other processes on a shared machine: these say what
        # the wall-clock ratios would be on otherwise idle cores.
        "cpu_ratios": {
            "pipeline_1p_vs_spacy_parse": round(cpu["spacy_parse_1p"] / cpu["pipeline_1p"], 3),
            "dask_2_workers_cpu_vs_ingest_1p_cpu": round(
                cpu["ingest_dask_2_workers"] / cpu["ingest_1p"], 3),
            "projected_dask_2_workers_speedup_on_idle_cores": round(
                2 * cpu["ingest_1p"] / cpu["ingest_dask_2_workers"], 3),
            "n_process_2_cpu_vs_pipeline_1p_cpu": round(
                cpu["pipeline_n_process_2"] / cpu["pipeline_1p"], 3),
            "projected_n_process_2_speedup_on_idle_cores": round(
                2 * cpu["pipeline_1p"] / cpu["pipeline_n_process_2"], 3),
        },
        "one_million_articles": {
            "words_per_article": r["corpus"]["words_per_article"],
            "cpu_hours_ingest_1p": round(cpu["ingest_1p"] * hours, 1),
            "cpu_hours_ingest_dask_2_workers": round(cpu["ingest_dask_2_workers"] * hours, 1),
            "wall_hours_ingest_dask_2_workers_measured_here": round(
                sec["ingest_dask_2_workers"] * hours, 1),
            "wall_hours_ingest_dask_2_workers_idle_cores": round(
                cpu["ingest_dask_2_workers"] / 2 * hours, 1),
        },
    }


def markdown(r: dict) -> str:
    """The README summary table of one result file."""
    t, ra, cr = r["throughput"], r["ratios"], r["cpu_ratios"]
    names = {"spacy_parse_1p": "spaCy parse alone, 1 process",
             "pipeline_1p": "whole pipeline (`code`), 1 process",
             "pipeline_n_process_2": "whole pipeline, `Coder(n_process=2)`",
             "ingest_1p": "`ingest` to DuckDB, 1 process",
             "ingest_dask_2_workers": "`ingest --workers 2` (Dask) to DuckDB",
             "parquet_dask_2_workers": "`ingest --workers 2 --out` (Dask) to Parquet"}
    c = r["corpus"]
    lines = [f"Corpus: {c['articles']} synthetic articles, {c['words']:,} words, "
             f"{c['sentences']:,} sentences, {c['events']:,} events (seed {c['seed']}); "
             f"{r['machine']['cpus']} cores; median of {r['repeats']} run(s); load average "
             f"{r.get('load_average_1_5_15', {}).get('start', '?')} at the start, "
             f"{r.get('load_average_1_5_15', {}).get('end', '?')} at the end.", "",
             "| run | words/s | sentences/s | articles/s | cores busy, all our processes |",
             "|---|---:|---:|---:|---:|"]
    for k, label in names.items():
        v = t[k]
        lines.append(f"| {label} | {v['words_per_s']:,} | {v['sentences_per_s']:,} | "
                     f"{v['articles_per_s']} | {v.get('cores_busy_all_processes', '')} |")
    st = r["stages_ingest_1p"]["share"]
    m = r["one_million_articles"]
    lines += ["", "| ratio | wall clock | from CPU time |", "|---|---:|---:|",
              f"| whole pipeline / spaCy parse alone (target >= 0.5) | "
              f"{ra['pipeline_1p_vs_spacy_parse']} | {cr['pipeline_1p_vs_spacy_parse']} |",
              f"| Dask 2 workers / one process, `ingest` (target >= 1.7) | "
              f"{ra['ingest_dask_2_workers_vs_ingest_1p']} | "
              f"{cr['projected_dask_2_workers_speedup_on_idle_cores']} (projected, idle cores) |",
              f"| `n_process=2` / one process, pipeline | {ra['pipeline_n_process_2_vs_1p']} | "
              f"{cr.get('projected_n_process_2_speedup_on_idle_cores', '')} (projected, idle cores) |",
              "", "Where one-process `ingest` spends its time: " + ", ".join(
                  f"{k} {round(100 * v)}%" for k, v in sorted(st.items(), key=lambda x: -x[1])) + ".",
              f"Peak RSS: {r['peak_rss_mib']['benchmark_process_1p']} MiB for the benchmark "
              "process (which holds the corpus), Dask workers " + ", ".join(
                  f"{v} MiB" for v in r["peak_rss_mib"]["dask_workers"].values()) +
              ", `n_process=2` pool workers " + ", ".join(
                  f"{v} MiB" for v in r["peak_rss_mib"].get("n_process_2_pool_workers", [])) + ".",
              f"One million articles of ~{m['words_per_article']} words: "
              f"~{m['cpu_hours_ingest_1p']} CPU-hours in one process on this machine's cores "
              f"({m['cpu_hours_ingest_dask_2_workers']} CPU-hours on Dask; a 2-core machine "
              f"like this one would take ~{m['wall_hours_ingest_dask_2_workers_idle_cores']} "
              f"hours with idle cores, {m['wall_hours_ingest_dask_2_workers_measured_here']} "
              "as measured while shared)."]
    return "\n".join(lines)


def _tree() -> list:
    import psutil

    me = psutil.Process()
    return [me, *me.children(recursive=True)]


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text().strip()
    except OSError:
        return None


def _peak_rss_mib(pid: int) -> float | None:
    """A live process's peak RSS (VmHWM, Linux), in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return _mib(int(line.split()[1]))
    except OSError:
        pass
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="~100k words instead of 1M")
    ap.add_argument("--words", type=int, help="corpus size in words (overrides --quick)")
    ap.add_argument("--repeats", type=int, help="runs per measurement (default 3 quick, 1 full)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--partition-size", type=int,
                    help="articles per Dask partition (default: len/16, within 8..64)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--table", type=Path, help="only print the README table of a result file")
    args = ap.parse_args()
    if args.table:
        r = json.loads(args.table.read_text())
        print(markdown({**r, **derived(r)}))
        return 0
    words_target = args.words or (100_000 if args.quick else 1_000_000)
    repeats = args.repeats or (3 if args.quick else 1)
    out_json = args.out or ROOT / "benchmarks" / "results" / (
        "run_all_quick.json" if args.quick else "run_all.json")
    log = lambda msg: print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)  # noqa: E731

    from eventlens import nlp
    from eventlens.clean import clean
    from eventlens.ingest import InputError, read_inputs
    from eventlens.model import Article

    tmp = Path(tempfile.mkdtemp(prefix="eventlens-bench-"))
    corpus = tmp / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:  # boilerplate and markup are cleaned away:
        for rec in generate(int(words_target * 1.3), args.seed):  # make enough, then cut
            f.write(json.dumps(rec) + "\n")
    raws, errors, arts, clean_words = [], [], [], 0
    for r in read_inputs([str(corpus)]):
        if clean_words >= words_target:
            break
        if isinstance(r, InputError):
            errors.append(r)
            continue
        a = clean(r)
        if isinstance(a, Article):
            raws.append(r)
            arts.append(a)
            clean_words += len(a.text.split())
    if errors:
        log(f"{len(errors)} unreadable records, e.g. {errors[0].line()}")
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    log(f"corpus: {len(raws)} synthetic articles, {words} words (seed {args.seed}), {tmp}")
    from eventlens import workers
    from eventlens.pipeline import Coder

    load_start = os.getloadavg()
    nlp.load()
    parse_only(texts[:20])  # warm up
    coders = {1: Coder(), 2: Coder(n_process=2)}
    code(coders[1], raws[:10])
    t = time.perf_counter()
    code(coders[2], raws[:10])  # starts the pool: 2 processes, each loading its Coder
    pool_startup = time.perf_counter() - t
    log(f"n_process=2: pool up and warm in {pool_startup:.1f} s")

    res: dict[str, list[dict]] = {}
    stages: list[dict[str, float]] = []
    runs = iter(range(10_000))
    from eventlens import distributed as dist

    def tree_cpu() -> float:
        """User + system seconds of this process and every live descendant: the pool's and
        Dask's workers (idle ones cost ~0), so each run's CPU counts wherever it ran."""
        return sum(sum(p.cpu_times()[:2]) for p in _tree())

    def staged() -> None:
        stages.append(ingest_staged(raws, tmp / f"staged-{next(runs)}.duckdb"))

    # Many partitions per worker keep the tail short (the last one runs while the other
    # worker idles): ~32 per worker, 8..64 articles each.
    size = args.partition_size or max(8, min(64, len(raws) // 64))
    measurements: list[tuple[str, Callable[[], object], int]] = [
        ("spacy_parse_1p", lambda: parse_only(texts), 1),
        ("pipeline_1p", lambda: code(coders[1], raws), 1),
        ("pipeline_n_process_2", lambda: code(coders[2], raws), 2),
        ("ingest_1p", staged, 1),
        ("ingest_dask_2_workers", lambda: dask_ingest(
            client, raws, tmp / f"dask-{next(runs)}.duckdb", None, size), 2),
        ("parquet_dask_2_workers", lambda: dask_ingest(
            client, raws, None, str(tmp / f"pq-{next(runs)}"), size), 2),
    ]
    t = time.perf_counter()
    with dist.cluster_client(workers=2) as client:
        client.register_plugin(dist.CoderPlugin(dist.CoderSpec()), name="bench-warm")
        startup = time.perf_counter() - t
        log(f"dask: 2 workers up and warm in {startup:.1f} s; partitions of {size} articles")
        for rep in range(repeats):  # interleaved, so a noisy neighbour hits every measurement
            for name, fn, procs in measurements:
                c0, t0 = tree_cpu(), time.perf_counter()
                value = fn()
                wall = time.perf_counter() - t0
                cpu = tree_cpu() - c0
                res.setdefault(name, []).append({
                    "seconds": wall, "value": value, "cpu_s": cpu,
                    "cpu_busy": cpu / (wall * procs), "load_1m": os.getloadavg()[0]})
                log(f"[{rep + 1}/{repeats}] {name}: {wall:.1f} s, {words / wall:.0f} words/s, "
                    f"{cpu / wall:.2f} cores busy, load {os.getloadavg()[0]:.2f}")
        worker_rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        # The pool's workers are forked by multiprocessing's fork server: grandchildren.
        pool_rss = [_peak_rss_mib(p.pid) for p in _tree()[1:] if p.ppid() != os.getpid()]
    workers.shutdown_pools()
    main_rss = _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    sentences = res["spacy_parse_1p"][-1]["value"]
    n_events = res["pipeline_1p"][-1]["value"]
    thr: dict[str, dict] = {}
    for name, rs in res.items():
        sec = statistics.median(r["seconds"] for r in rs)
        thr[name] = {"seconds": round(sec, 2), "words_per_s": round(words / sec),
                     "sentences_per_s": round(sentences / sec, 1),
                     "articles_per_s": round(len(arts) / sec, 2),
                     "cpu_s": round(statistics.median(r["cpu_s"] for r in rs), 2),
                     "words_per_cpu_s": round(words / statistics.median(r["cpu_s"] for r in rs)),
                     "cpu_busy_per_process": round(statistics.median(r["cpu_busy"] for r in rs), 3),
                     "cores_busy_all_processes": round(
                         statistics.median(r["cpu_s"] / r["seconds"] for r in rs), 3),
                     "load_1m_after": [round(r["load_1m"], 2) for r in rs],
                     "runs_seconds": [round(r["seconds"], 2) for r in rs]}
    thr["ingest_dask_2_workers"]["cluster_startup_s"] = round(startup, 1)
    thr["ingest_dask_2_workers"]["partition_size"] = size
    thr["pipeline_n_process_2"]["pool_startup_s"] = round(pool_startup, 1)

    log("profiling a slice (cProfile) and spaCy components")
    sl = max(50, len(raws) // 10)
    top = profile_top(raws[:sl], tmp / "profile.duckdb")
    comps = spacy_components(texts[:sl])
    stage = {k: round(statistics.median(st[k] for st in stages), 2) for k in stages[0]}
    stage_total = sum(stage.values())

    result = {
        "corpus": {"generator": "benchmarks/gen_corpus.py", "seed": args.seed,
                   "articles": len(arts), "words": words, "sentences": sentences,
                   "words_per_article": round(words / len(arts)), "events": n_events},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "processor": platform.processor() or platform.machine(),
                    # 1: Linux shares the CPU between sessions, then processes: while other
                    # sessions are busy, more processes do not get this session more CPU.
                    "sched_autogroup": _read("/proc/sys/kernel/sched_autogroup_enabled")},
        "repeats": repeats,
        "load_average_1_5_15": {"start": [round(x, 2) for x in load_start],
                                "end": [round(x, 2) for x in os.getloadavg()]},
        "throughput": thr,
        "stages_ingest_1p": {
            "seconds": stage,
            "share": {k: round(v / stage_total, 3) for k, v in stage.items()},
        },
        "spacy_components_seconds_on_slice": comps,
        "profile_top_own_time_on_slice": {"articles": sl, "functions": top},
        "peak_rss_mib": {
            "benchmark_process_1p": main_rss,
            "n_process_2_pool_workers": [r for r in pool_rss if r is not None],
            "dask_workers": {w: _mib(v) for w, v in worker_rss.items()},
        },
        "command": "make bench" + ("" if not args.quick else " BENCH_ARGS=--quick"),
    }
    result.update(derived(result))
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps(result, indent=2) + "\n")
    json.dump({k: result[k] for k in ("corpus", "ratios", "cpu_ratios", "one_million_articles")},
              sys.stdout,
              indent=2)
    sys.stdout.write(f"\nfull results: {out_json}\n\n{markdown(result)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
