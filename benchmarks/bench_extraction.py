"""Article-body extraction on the Scrapinghub benchmark (benchmark, not a test).

Reads ../shared/extraction/scrapinghub (181 real pages, html/*.html.gz, gold articleBody in
ground-truth.json; never copied into the repository) and scores, in the same run:
- ours: what `eventlens clean --format json` gives as `body` (the text without the headline
  paragraph the cleaner puts first), read through the same reader (`.html.gz`) and cleaner,
  with the language filter off (it would skip the benchmark's non-English pages);
- trafilatura alone: `trafilatura.extract(html, include_comments=False)`.
Metric: per page precision and recall of token 4-shingles (lowercased \\w+ tokens, multiset
overlap), averaged over pages; F1 of mean precision and mean recall.
Writes benchmarks/results/extraction.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "extraction" / "scrapinghub"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = [t.lower() for t in _TOKEN.findall(text or "")]
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def precision_recall(gold: str, pred: str) -> tuple[float, float]:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    n_pred, n_gold = sum(p.values()), sum(g.values())
    return (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 1.0)


def ours(path: Path) -> str:
    from eventlens.clean import body_text, clean
    from eventlens.ingest import InputError, read_inputs
    from eventlens.model import Article

    for raw in read_inputs([str(path)]):
        art = raw if isinstance(raw, InputError) else clean(raw, english_only=False)
        if isinstance(art, Article):
            return body_text(art)
    return ""


def trafilatura_alone(path: Path) -> str:
    import trafilatura

    html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    return trafilatura.extract(html, include_comments=False) or ""


def score(system: Callable[[Path], str], gold: dict) -> dict:
    t = time.perf_counter()
    per_page = {}
    for key, rec in gold.items():
        p, r = precision_recall(rec["articleBody"], system(SHARED / "html" / f"{key}.html.gz"))
        per_page[key] = (round(p, 4), round(r, 4))
    n = len(per_page)
    mp = sum(p for p, _ in per_page.values()) / n
    mr = sum(r for _, r in per_page.values()) / n
    return {"precision": round(mp, 4), "recall": round(mr, 4),
            "f1": round(2 * mp * mr / (mp + mr), 4) if mp + mr else 0.0,
            "seconds": round(time.perf_counter() - t, 1), "per_page": per_page}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "extraction.json")
    args = ap.parse_args()
    if not (SHARED / "ground-truth.json").exists():
        print(f"../shared not present: {SHARED} is needed for this benchmark", file=sys.stderr)
        return 0
    gold = json.loads((SHARED / "ground-truth.json").read_text())
    results = {"pages": len(gold), "ours": score(ours, gold),
               "trafilatura": score(trafilatura_alone, gold)}
    worse = sorted(
        ((results["ours"]["per_page"][k][0] + results["ours"]["per_page"][k][1])
         - (results["trafilatura"]["per_page"][k][0] + results["trafilatura"]["per_page"][k][1]), k)
        for k in gold
    )
    results["largest_losses_vs_trafilatura"] = [
        {"page": k, "ours": results["ours"]["per_page"][k],
         "trafilatura": results["trafilatura"]["per_page"][k]} for d, k in worse[:10] if d < 0
    ]
    results["target_f1"] = 0.955
    results["pass"] = results["ours"]["f1"] >= 0.955
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    for name in ("ours", "trafilatura"):
        r = results[name]
        print(f"{name:12s} P={r['precision']:.4f} R={r['recall']:.4f} F1={r['f1']:.4f} "
              f"({r['seconds']}s)")
    return 0 if results["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
