"""Peak memory of `eventlens clean` streaming a large WARC (benchmark, not a test).

Generates a WARC of synthetic HTML pages (default ~1 GB, in /tmp; the pages are written by this
script: an invented article plus navigation, an inline script and footer, like a real page),
runs `eventlens clean FILE --format json > /dev/null` in a child process and reads the child's
peak RSS from getrusage. The target: under 500 MB, i.e. memory does not grow with the input.
Writes benchmarks/results/warc_memory.json.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_WORDS = ["minister", "envoy", "talks", "border", "trade", "agreement", "troops", "ceasefire",
          "protest", "capital", "government", "opposition", "parliament", "election", "court",
          "sanctions", "aid", "refugees", "police", "officials", "said", "statement", "meeting",
          "week", "region", "security", "council", "president"]
_PLACES = ["Nairobi", "Dodoma", "Kampala", "Kigali", "Lusaka", "Accra", "Dakar", "Abuja"]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(12, 24))]
    return f"{rng.choice(_PLACES)} {' '.join(words)} on {rng.choice(['Monday', 'Friday'])}."


def page(i: int, rng: random.Random) -> bytes:
    paras = "".join(
        f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(3, 6)))}</p>" for _ in range(12)
    )
    nav = "".join(f"<li><a href='/s/{k}'>Section {k}</a></li>" for k in range(80))
    script = "var data = " + json.dumps({"k": [rng.random() for _ in range(2500)]}) + ";"
    return (
        f"<!doctype html><html><head><title>Story {i} | The Synthetic Ledger</title>"
        f"<meta property='article:published_time' content='2024-03-{1 + i % 28:02d}'>"
        f"<script>{script}</script></head><body><nav><ul>{nav}</ul></nav>"
        f"<article><h1>Story {i}</h1>{paras}</article>"
        f"<footer>Copyright The Synthetic Ledger. All rights reserved.</footer></body></html>"
    ).encode()


def make_warc(path: Path, size_mb: int, seed: int = 7) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    n = 0
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        while f.tell() < size_mb * 1024 * 1024:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"http://ledger.example/story/{n}", "response",
                                            payload=io.BytesIO(page(n, rng)), http_headers=http)
            writer.write_record(rec)
            n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--warc", type=Path, default=Path("/tmp/eventlens_bench_1g.warc"))
    ap.add_argument("--keep", action="store_true", help="keep the generated WARC")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "warc_memory.json")
    args = ap.parse_args()

    t = time.perf_counter()
    pages = make_warc(args.warc, args.size_mb)
    gen_s = time.perf_counter() - t
    size = args.warc.stat().st_size
    print(f"generated {pages} pages, {size / 2**20:.0f} MiB in {gen_s:.0f}s", file=sys.stderr)

    t = time.perf_counter()
    with open("/dev/null", "wb") as devnull:
        proc = subprocess.run([sys.executable, "-m", "eventlens.cli", "clean", str(args.warc),
                               "--format", "json", "--quiet"], stdout=devnull,
                              stderr=subprocess.PIPE, cwd=ROOT)
    run_s = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    errors = proc.stderr.decode(errors="replace").splitlines()
    result = {
        "warc_bytes": size, "pages": pages, "exit_code": proc.returncode,
        "error_lines": len(errors), "first_errors": errors[:3],
        "peak_rss_mb": round(peak_mb, 1), "target_peak_rss_mb": 500,
        "pass": peak_mb < 500 and proc.returncode == 0,
        "clean_seconds": round(run_s, 1), "pages_per_second": round(pages / run_s, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    if not args.keep:
        args.warc.unlink()
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
