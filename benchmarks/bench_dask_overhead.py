"""What running on workers costs per document, and where: CPU, not wall clock.

The same partitions of one synthetic corpus are coded
  - in this process (the reference),
  - by two independent processes, each coding half in one go (no Dask, no messages): what
    two processes cost on this machine's two cores anyway (shared caches, a busy host),
  - on 2 Dask workers with Dask's default settings (MALLOC_TRIM_THRESHOLD_=65536 from the
    nanny, 20 ms ticks, 100 ms memory monitor, ...),
  - on 2 Dask workers as `eventlens.distributed.cluster_client` starts them (LOCAL_CONFIG and
    the CoderPlugin's per-process tuning),
  - in the `Coder(n_process=2)` pool (parse + actors + events in each process),
and for each it reports user and system CPU seconds and minor page faults of the workers,
the CPU of this (client/scheduler/parent) process, and the idle CPU of each cluster. One
cluster runs at a time (the scheduler and nannies live in this process). CPU time is
hardly taken by other jobs on a shared machine, so `2 / cpu_ratio` is the speedup two idle
cores would give. Runs are interleaved over `--repeats`; the 1-minute load is recorded.
Writes benchmarks/results/dask_overhead.json.

    python benchmarks/bench_dask_overhead.py --words 40000 --repeats 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def usage() -> tuple[float, float, int]:
    """User seconds, system seconds and minor page faults of the calling process."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime, r.ru_stime, r.ru_minflt


def _sum(rows) -> tuple[float, float, int]:
    return tuple(map(sum, zip(*rows, strict=True)))  # type: ignore[return-value]


def _delta(a, b) -> dict:
    return {"user_s": round(b[0] - a[0], 2), "sys_s": round(b[1] - a[1], 2),
            "cpu_s": round(b[0] + b[1] - a[0] - a[1], 2), "minflt": b[2] - a[2]}


def on_dask(client, raws, spec, size: int, plain: bool = False) -> dict:
    """Code on the workers; their CPU, this process's CPU, and wall clock. `plain` submits
    the partitions as bare tasks, without `dist.run`'s CoderPlugin (Dask as it comes)."""
    from eventlens import distributed as dist

    w0, c0, t0 = _sum(client.run(usage).values()), usage(), time.perf_counter()
    if plain:
        outs = client.gather([client.submit(dist.code_partition, spec, i, raws[j:j + size],
                                            pure=False)
                              for i, j in enumerate(range(0, len(raws), size))])
    else:
        outs = list(dist.run(raws, spec, client, size))
    wall = time.perf_counter() - t0
    w1, c1 = _sum(client.run(usage).values()), usage()
    assert all(isinstance(o, dist.Done) for o in outs), outs
    return {"wall_s": round(wall, 2), "workers": _delta(w0, w1),
            "client_cpu_s": _delta(c0, c1)["cpu_s"], "load_1m": os.getloadavg()[0]}


def idle_cpu(client, seconds: float = 10.0) -> float:
    """CPU seconds per second the idle cluster burns: workers plus this process (scheduler
    and nannies live here)."""
    w0, c0 = _sum(client.run(usage).values()), usage()
    time.sleep(seconds)
    w1, c1 = _sum(client.run(usage).values()), usage()
    return round((_delta(w0, w1)["cpu_s"] + _delta(c0, c1)["cpu_s"]) / seconds, 4)


def pool_usage() -> tuple[float, float, int]:
    """Summed usage of this process's live children (the n_process pool), from psutil."""
    import psutil

    out = [0.0, 0.0, 0]
    for p in psutil.Process().children(recursive=True):
        try:
            t = p.cpu_times()
            out[0] += t.user
            out[1] += t.system
            out[2] += _minflt(p.pid)
        except (psutil.Error, OSError):
            pass
    return out[0], out[1], out[2]


def _minflt(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[7])


def _half(spec, parts, barrier, queue) -> None:
    """One of two independent processes: code its partitions, report its own usage."""
    from eventlens import distributed as dist

    dist.coder_for(spec)
    dist.tune_process()
    barrier.wait()
    u0, t0 = usage(), time.perf_counter()
    for i, p in enumerate(parts):
        dist.code_partition(spec, i, p)
    queue.put((_delta(u0, usage()), time.perf_counter() - t0))


def two_independent(spec, parts) -> dict:
    """Two processes from the warm fork server, half the partitions each, started together."""
    from eventlens import workers

    ctx = workers.pool_context()
    barrier, queue = ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=_half, args=(spec, parts[k::2], barrier, queue))
             for k in range(2)]
    for pr in procs:
        pr.start()
    barrier.wait()
    t0 = time.perf_counter()
    got = [queue.get() for _ in procs]
    wall = time.perf_counter() - t0
    for pr in procs:
        pr.join()
    d = [g[0] for g in got]
    return {"wall_s": round(wall, 2),
            "workers": {k: round(sum(x[k] for x in d), 2) for k in d[0]},
            "client_cpu_s": 0.0, "load_1m": os.getloadavg()[0]}


def main() -> int:
    import dask
    from gen_corpus import generate

    from eventlens import distributed as dist
    from eventlens import workers
    from eventlens.model import RawDocument
    from eventlens.pipeline import Coder

    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=40_000)
    ap.add_argument("--partition-size", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()
    raws = [RawDocument(id=r["id"], uri=r["id"], content=r.get("text") or r["html"],
                        media_type="text/plain" if "text" in r else "text/html",
                        meta={"date": r["date"]}) for r in generate(args.words, 11)]
    size, spec = args.partition_size, dist.CoderSpec()
    parts = [raws[i:i + size] for i in range(0, len(raws), size)]
    dist.coder_for(spec)
    pooled = Coder(n_process=2)
    list(pooled.run(raws[:4]))  # start and warm the pool
    load_start = os.getloadavg()

    def one_process() -> dict:
        u0, t0 = usage(), time.perf_counter()
        for i, p in enumerate(parts):
            dist.code_partition(spec, i, p)
        return {"wall_s": round(time.perf_counter() - t0, 2), "workers": _delta(u0, usage()),
                "client_cpu_s": 0.0, "load_1m": os.getloadavg()[0]}

    def n_process_2() -> dict:
        p0, c0, t0 = pool_usage(), usage(), time.perf_counter()
        list(pooled.run(raws))
        wall = time.perf_counter() - t0
        return {"wall_s": round(wall, 2), "workers": _delta(p0, pool_usage()),
                "client_cpu_s": _delta(c0, usage())["cpu_s"], "load_1m": os.getloadavg()[0]}

    runs: dict[str, list[dict]] = {}
    idle: dict[str, list[float]] = {}
    from distributed import Client, LocalCluster

    def dask_default() -> dict:
        """Dask as it comes: default config (profiler on), a warm Coder, no CoderPlugin."""
        with dask.config.set({"distributed.worker.profile.enabled": True}), \
                LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                             dashboard_address=":0") as cluster, Client(cluster) as c:
            c.run(dist.coder_for, spec)
            idle.setdefault("dask_default", []).append(idle_cpu(c))
            return on_dask(c, raws, spec, size, plain=True)

    def dask_eventlens() -> dict:
        with dist.cluster_client(workers=2) as c:
            c.register_plugin(dist.CoderPlugin(spec), name="overhead-warm")
            idle.setdefault("dask_eventlens", []).append(idle_cpu(c))
            return on_dask(c, raws, spec, size)

    for rep in range(args.repeats):  # interleaved: a noisy neighbour hits every setup
        for name, fn in (("one_process", one_process),
                         ("two_independent_processes", lambda: two_independent(spec, parts)),
                         ("dask_default", dask_default),
                         ("dask_eventlens", dask_eventlens),
                         ("n_process_2", n_process_2)):
            r = fn()
            runs.setdefault(name, []).append(r)
            print(f"[{rep + 1}/{args.repeats}] {name}: {json.dumps(r)}", file=sys.stderr)
    workers.shutdown_pools()

    def med(name: str, key: str) -> float:
        return statistics.median(
            r["workers"][key] + (r["client_cpu_s"] if key == "cpu_s" else 0) for r in runs[name])

    base = med("one_process", "cpu_s")
    summary = {name: {"cpu_s_median": round(med(name, "cpu_s"), 2),
                      "cpu_ratio_vs_one_process": round(med(name, "cpu_s") / base, 3),
                      "projected_speedup_on_2_idle_cores": round(2 * base / med(name, "cpu_s"), 3),
                      "wall_speedup_measured": round(
                          statistics.median(r["wall_s"] for r in runs["one_process"]) /
                          statistics.median(r["wall_s"] for r in runs[name]), 3),
                      "minflt_per_article": round(med(name, "minflt") / len(raws))}
               for name in runs}
    res = {"articles": len(raws), "partition_size": size, "repeats": args.repeats,
           "load_average_1_5_15": {"start": [round(x, 2) for x in load_start],
                                   "end": [round(x, 2) for x in os.getloadavg()]},
           "idle_cluster_cpu_per_s": {k: statistics.median(v) for k, v in idle.items()}, "summary": summary, "runs": runs,
           "command": f"python benchmarks/bench_dask_overhead.py --words {args.words} "
                      f"--partition-size {size} --repeats {args.repeats}"}
    out = ROOT / "benchmarks" / "results" / "dask_overhead.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")
    print(json.dumps({k: res[k] for k in ("articles", "load_average_1_5_15",
                                           "idle_cluster_cpu_per_s", "summary")}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
