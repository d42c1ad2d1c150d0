"""Fit the confidence calibration map shipped in data/calibration/confidence.json.

Our own labelled sentences (data/training/*.jsonl; null = no event) are split into K folds.
For each fold the shipped kind of classifier (linear, CAMEO roots) is trained on the other
folds, and the held-out sentences are coded by the full coder; each sentence's main event
gives a pair (raw confidence, CAMEO root right?). Isotonic regression on those pairs, one
map per kind of score, is the calibration. Gold data (../shared) is never read here.

    .venv/bin/python scripts/fit_calibration.py [--folds 5] [--seed 0] [--out FILE]
    .venv/bin/python scripts/fit_calibration.py --model DIR --gold FILE --format F [--backend B]

The second form fits the own map of a model from `eventlens train` (written to
DIR/calibration.json) on the user's gold file it was trained on; `train` does this itself for
the linear backend, this is for a fine-tuned (minilm) model, at K fine-tunings' cost.

Writes the map, how and on what it was fitted, and a cross-checked reliability table (each
fold calibrated by a map fitted without it), and prints that summary.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from eventlens.evaluate.metrics import reliability
from eventlens.events import calibration, classifier
from eventlens.paths import data_dir


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=data_dir() / "calibration" / calibration.FILE_NAME)
    ap.add_argument("--rows", type=Path, help="also write the out-of-fold rows (JSONL) here")
    ap.add_argument("--model", type=Path, help="a model directory to fit its own map for")
    ap.add_argument("--gold", type=Path, help="with --model: the labelled file it learned from")
    ap.add_argument("--format", choices=["cameo-class", "plover-gsr", "eventlens-jsonl"])
    ap.add_argument("--backend", choices=["linear", "minilm"], default="linear")
    a = ap.parse_args(argv)
    if a.model:
        if not (a.gold and a.format):
            ap.error("--model needs --gold and --format")
        from eventlens.events import training

        texts, labels, scheme = training.read_gold(a.gold, a.format)
        info = calibration.fit_for_model(texts, labels, scheme, a.model, a.backend)
        print(json.dumps(info or {"calibration": "too few sentences; the shipped map applies"},
                         indent=1))
        return 0

    t0 = time.perf_counter()
    files = classifier.training_files()
    texts, labels = classifier.read_training(files)
    rows = calibration.out_of_fold(texts, labels, "root", folds=a.folds, seed=a.seed,
                                   log=lambda s: print(s, file=sys.stderr))
    maps = calibration.fit_maps(rows)
    checked = calibration.cross_checked(rows)
    if a.rows:
        a.rows.write_text("".join(json.dumps(r) + "\n" for r in checked))

    def table(kinds: tuple[str, ...], key: str) -> dict:
        sel = [r for r in checked if r["kind"] in kinds]
        return reliability([r[key] for r in sel], [r["right"] for r in sel])

    with_clf = (calibration.PATTERN, calibration.LEARNED)
    import sklearn

    info = {
        "target": "P(the sentence's main event has the right CAMEO root); a sentence labelled "
                  "null counts every event coded in it as wrong",
        "method": "isotonic regression (pool adjacent violators) of right/wrong on the raw "
                  "score, one map per kind of score; breakpoints at each pooled block's mean "
                  f"raw score, linear in between, flat beyond the ends, clipped to "
                  f"[{calibration._FLOOR}, {calibration._CEIL}]",
        "kinds": {
            calibration.PATTERN: "a pattern's event scored with the classifier's agreement",
            calibration.LEARNED: "an event only the classifier found (no pattern matched)",
            calibration.PATTERNS_ONLY: "a pattern's event with no classifier (--model none)",
        },
        "fitted_on": {
            "files": {f.name: hashlib.sha1(f.read_bytes()).hexdigest()[:12] for f in files},
            "sentences": len(texts),
            "events": {k: sum(r["kind"] == k for r in rows) for k in maps},
            "how": f"{a.folds}-fold out-of-fold (stratified by root, seed {a.seed}): the "
                   "linear root classifier trained on the other folds, the held-out fold coded "
                   "by the full coder, each sentence's main event kept; the patterns-only map "
                   "from coding every sentence with no classifier",
            "sklearn": sklearn.__version__,
        },
        "cross_checked": {
            "note": "each fold calibrated by maps fitted on the other folds",
            "with_classifier": {"raw": table(with_clf, "raw"),
                                "calibrated": table(with_clf, "calibrated")},
            "patterns_only": {"raw": table((calibration.PATTERNS_ONLY,), "raw"),
                              "calibrated": table((calibration.PATTERNS_ONLY,), "calibrated")},
        },
        "script": "scripts/fit_calibration.py",
        "seconds": round(time.perf_counter() - t0, 1),
        "maps": {k: m.to_json() for k, m in maps.items()},
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(info, indent=1) + "\n")
    summary = {k: v for k, v in info.items() if k != "maps"}
    json.dump(summary, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
