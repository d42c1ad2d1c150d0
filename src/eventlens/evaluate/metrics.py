"""Small, dependency-free metrics: accuracy, per-class precision/recall/F1, confusion matrix."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": tp + fn}


def classification(gold: Sequence, pred: Sequence, labels: Sequence) -> dict:
    """Accuracy, macro-F1 over `labels`, per-class scores and a confusion matrix
    (rows gold, columns predicted; a prediction outside `labels`, e.g. none, is its own column)."""
    assert len(gold) == len(pred)
    per = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        per[str(lab)] = prf(tp, fp, fn)
    cols = list(labels) + sorted({p for p in pred if p not in labels}, key=str)
    counts = Counter(zip(gold, pred, strict=True))
    return {
        "n": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4)
        if gold else 0.0,
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(per), 4) if per else 0.0,
        "per_class": per,
        "confusion": {"labels": [str(c) for c in cols],
                      "rows": {str(g): [counts[(g, c)] for c in cols] for g in labels}},
    }


def reliability(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> dict:
    """Reliability table (equal-width confidence bins: n, mean confidence, accuracy) and the
    expected calibration error, ECE = sum over bins of n_b/N * |accuracy_b - confidence_b|.
    A calibrated scorer's confidence 0.7 is right 70% of the time; empty bins are left out."""
    assert len(confidences) == len(correct)
    sums: list[list[float]] = [[0, 0.0, 0] for _ in range(bins)]  # n, sum confidence, n right
    for c, ok in zip(confidences, correct, strict=True):
        b = min(max(int(round(c * bins, 9)), 0), bins - 1)  # 0.3 -> bin 3 despite float error
        sums[b][0] += 1
        sums[b][1] += c
        sums[b][2] += bool(ok)
    n = len(confidences)
    table, ece = [], 0.0
    for b, (k, conf, right) in enumerate(sums):
        if not k:
            continue
        mean, acc = conf / k, right / k
        ece += k / n * abs(acc - mean)
        table.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "n": int(k),
                      "mean_confidence": round(mean, 4), "accuracy": round(acc, 4)})
    return {"n": n, "ece": round(ece, 4), "bins": table}
