"""`make bench`: time ratios measured inside one run (never absolute seconds in tests).

Measures, on the same text: spaCy parsing alone, and the whole `eventlens code` pipeline
(clean, parse, actors, events), and reports words/s for each and their ratio. The corpus is
the bundled synthetic corpus, cleaned once and repeated to the requested size.
Writes benchmarks/results/pipeline.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_articles(min_words: int):
    from eventlens.clean import clean
    from eventlens.ingest import read_inputs
    from eventlens.model import Article

    base = [a for a in (clean(r) for r in read_inputs([str(ROOT / "examples" / "corpus")]))
            if isinstance(a, Article)]
    out, words, n = [], 0, 0
    while words < min_words:
        for a in base:
            out.append(Article(**{**a.__dict__, "id": f"{a.id}#{n}"}))
            words += len(a.text.split())
        n += 1
    return out, words


def time_parse(texts, n_process: int) -> float:
    from eventlens import nlp

    t = time.perf_counter()
    for _ in nlp.parse(texts, batch_size=32, n_process=n_process):
        pass
    return time.perf_counter() - t


def time_pipeline(articles, n_process: int) -> tuple[float, int]:
    from eventlens.pipeline import Coder

    coder = Coder(n_process=n_process)
    coder.actor_dictionary, coder.patterns  # noqa: B018 - load outside the timing
    t = time.perf_counter()
    n_events = sum(len(r.events) for r in coder.run(articles))
    return time.perf_counter() - t, n_events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "pipeline.json")
    args = ap.parse_args()
    from eventlens import nlp

    nlp.load()
    articles, words = corpus_articles(args.words)
    texts = [a.text for a in articles]
    time_parse(texts[:20], 1)  # warm up
    parse_s = [time_parse(texts, 1) for _ in range(args.repeats)]
    runs = [time_pipeline(articles, 1) for _ in range(args.repeats)]
    pipe_s = [r[0] for r in runs]
    result = {
        "words": words,
        "articles": len(articles),
        "events": runs[0][1],
        "spacy_parse_words_per_s": round(words / statistics.median(parse_s)),
        "pipeline_words_per_s": round(words / statistics.median(pipe_s)),
        "pipeline_articles_per_s": round(len(articles) / statistics.median(pipe_s), 1),
        "pipeline_to_parse_speed_ratio": round(statistics.median(parse_s) / statistics.median(pipe_s), 3),
        "runs": args.repeats,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
