"""Actor matching speed: the Aho-Corasick pass over every dictionary alias, in MB of text per
second on one core (issue 4 asks for at least 1 MB/s), on the bundled corpus's cleaned text
repeated to the requested size. Writes benchmarks/results/actors.json."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--megabytes", type=float, default=5.0)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    from eventlens.actors import dictionary, matcher
    from eventlens.clean import clean
    from eventlens.ingest import read_inputs
    from eventlens.model import Article

    d = dictionary.load()
    matcher.automaton(d)  # built once, outside the timing
    texts = [a.text for a in (clean(r) for r in read_inputs([str(ROOT / "examples" / "corpus")]))
             if isinstance(a, Article)]
    base = "\n\n".join(texts)
    text = base * max(1, int(args.megabytes * 1e6 / len(base.encode())))
    size_mb = len(text.encode()) / 1e6
    runs, hits = [], 0
    for _ in range(args.repeats):
        t = time.perf_counter()
        hits = len(matcher.find_names(text, d))
        runs.append(time.perf_counter() - t)
    result = {"megabytes": round(size_mb, 2), "aliases": len(d.aliases), "hits": hits,
              "mb_per_s": round(size_mb / statistics.median(runs), 2), "repeats": args.repeats}
    out = ROOT / "benchmarks" / "results" / "actors.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
