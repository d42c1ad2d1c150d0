"""What Dask itself costs: the same partitions coded in this process and on 2 Dask workers.

CPU seconds (user + system, from getrusage) of this process versus those of the workers
plus this client/scheduler process, and the wall-clock ratio, on one synthetic corpus.
CPU time is not taken by other jobs on a shared machine, so `2 / cpu_ratio` is the speedup
two idle cores would give. Writes benchmarks/results/dask_overhead.json.

    python benchmarks/bench_dask_overhead.py --words 40000
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def usage() -> tuple[float, float]:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime, r.ru_stime


def main() -> int:
    from gen_corpus import generate

    from eventlens import distributed as dist
    from eventlens.model import RawDocument

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=40_000)
    ap.add_argument("--partition-size", type=int, default=16)
    args = ap.parse_args()
    raws = [RawDocument(id=r["id"], uri=r["id"], content=r.get("text") or r["html"],
                        media_type="text/plain" if "text" in r else "text/html",
                        meta={"date": r["date"]}) for r in generate(args.words, 11)]
    size, spec = args.partition_size, dist.CoderSpec()
    parts = [raws[i:i + size] for i in range(0, len(raws), size)]
    dist.coder_for(spec)
    u0, s0, t0 = *usage(), time.perf_counter()
    for i, p in enumerate(parts):
        dist.code_partition(spec, i, p)
    one = {"wall_s": time.perf_counter() - t0, "cpu_s": sum(usage()) - u0 - s0}
    with dist.cluster_client(workers=2) as client:
        client.register_plugin(dist.CoderPlugin(spec), name="overhead-warm")
        w0 = sum(sum(v) for v in client.run(usage).values())
        c0, t0 = sum(usage()), time.perf_counter()
        outs = list(dist.run(raws, spec, client, size))
        wall = time.perf_counter() - t0
        client_cpu = sum(usage()) - c0
        workers_cpu = sum(sum(v) for v in client.run(usage).values()) - w0
    assert all(isinstance(o, dist.Done) for o in outs)
    two = {"wall_s": wall, "cpu_s": workers_cpu + client_cpu, "client_cpu_s": client_cpu}
    res = {"articles": len(raws), "partition_size": size, "one_process": one,
           "dask_2_workers": two,
           "cpu_ratio_dask_vs_one_process": round(two["cpu_s"] / one["cpu_s"], 3),
           "wall_speedup_dask_2_workers": round(one["wall_s"] / wall, 3),
           "projected_speedup_on_2_idle_cores": round(2 * one["cpu_s"] / two["cpu_s"], 3)}
    out = ROOT / "benchmarks" / "results" / "dask_overhead.json"
    out.write_text(json.dumps(res, indent=2) + "\n")
    print(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
