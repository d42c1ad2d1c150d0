"""Adapt the learned classifier to a user's gold data: `eventlens train`.

Reads labelled sentences in one of the gold formats, fits the classifier, saves it to a
directory that `--model DIR` loads. The label scheme follows the data: five ConfliBERT
classes (cameo-class), PLOVER event types (plover-gsr) or CAMEO roots (eventlens-jsonl,
our own training format: {"text", "cameo"}).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from eventlens.events import classifier


def read_gold(path: Path, fmt: str) -> tuple[list[str], list[str], str]:
    """(texts, labels, scheme) from a gold file; ValueError with a reason if unusable."""
    if fmt == "cameo-class":
        from eventlens.evaluate import cameo_class

        rows = cameo_class.read(path)
        return [t for t, _ in rows], [str(lab) for _, lab in rows], "five"
    if fmt == "plover-gsr":
        from eventlens.evaluate import plover_gsr

        recs = [r for r in plover_gsr.read(path) if r.get("event")]
        return ([r["text"].strip().strip("{}") for r in recs],
                [plover_gsr.gold_type(r) for r in recs], "plover")
    if fmt == "eventlens-jsonl":
        texts, labels = classifier.read_training([path])
        return texts, labels, "root"
    raise ValueError(f"unknown training format {fmt!r}")


def train(path: Path, fmt: str, out: Path, backend: str = "auto", epochs: int = 4) -> dict:
    """Fit and save; `auto` fine-tunes MiniLM when its extra is installed, else linear."""
    texts, labels, scheme = read_gold(path, fmt)
    if len(set(labels)) < 2:
        raise ValueError(f"{path}: needs at least two different labels to learn from")
    if backend == "auto":
        from eventlens.events import finetune

        backend = "minilm" if finetune.available() else "linear"
    t0 = time.perf_counter()
    clf = classifier.fit(texts, labels, scheme, backend=backend, epochs=epochs)
    seconds = time.perf_counter() - t0
    clf.save(out)
    info = {"model": str(out), "backend": backend, "scheme": scheme, "sentences": len(texts),
            "labels": clf.labels, "training_seconds": round(seconds, 1), "trained_on": str(path),
            "format": fmt}
    (out / "training.json").write_text(json.dumps(info, indent=2))
    return info
