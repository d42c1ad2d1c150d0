"""Calibrated confidence: map the coder's raw score (pattern evidence + classifier agreement)
to the probability that the event's CAMEO root is right.

The raw score ranks events well but is not a probability (on unseen news it is
under-confident). The map is a monotone (isotonic) fit of "root right?" on the raw score,
learned from out-of-fold predictions on our own training sentences (data/training/, never
gold data) by scripts/fit_calibration.py and shipped as data/calibration/confidence.json.
A model from `eventlens train` (linear backend) carries its own map, fitted the same way on
its training data; any other model falls back to the shipped one.
"""

from __future__ import annotations

import contextlib
import json
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventlens.paths import data_dir

FILE_NAME = "confidence.json"  # under data/calibration/
MODEL_FILE = "calibration.json"  # in a model directory
# Kinds of raw score, each with its own map: a pattern event scored with the classifier's
# agreement, an event only the classifier found, and a pattern event with no classifier.
PATTERN, LEARNED, PATTERNS_ONLY = "pattern", "learned", "patterns_only"
_FLOOR, _CEIL = 0.01, 0.99  # never claim certainty from a finite sample
_TILT = 1e-3  # slope beyond the data: keeps the order, hardly moves a rounded value
MIN_PAIRS = 200  # fewer out-of-fold events than this give no map of their own


@dataclass(frozen=True)
class Map:
    """Piecewise-linear monotone map through (x, y) breakpoints; beyond the ends it rises
    only by a negligible slope, so that ties keep the raw score's order."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, raw: float) -> float:
        x, y = self.x, self.y
        if not x:
            return raw
        if raw <= x[0]:
            return max(0.0, y[0] - _TILT * (x[0] - raw))
        if raw >= x[-1]:
            return min(1.0, y[-1] + _TILT * (raw - x[-1]))
        i = bisect_right(x, raw)
        x0, x1, y0, y1 = x[i - 1], x[i], y[i - 1], y[i]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)

    def to_json(self) -> dict:
        return {"x": [round(v, 6) for v in self.x], "y": [round(v, 6) for v in self.y]}

    @classmethod
    def from_json(cls, d: dict) -> Map:
        x, y = tuple(map(float, d["x"])), tuple(map(float, d["y"]))
        if len(x) != len(y) or any(b < a for v in (x, y) for a, b in zip(v, v[1:], strict=False)):
            raise ValueError("calibration map needs non-decreasing x and y of equal length")
        return cls(x, y)


IDENTITY = Map((), ())


def isotonic(raw: Sequence[float], right: Sequence[bool], min_block: int = 40) -> Map:
    """Pool-adjacent-violators fit of P(right | raw), non-decreasing in raw. Each pooled
    block becomes one breakpoint at its mean raw score; between them the map interpolates,
    so it is strictly increasing inside the data range and keeps the raw ranking. Blocks of
    fewer than `min_block` events are merged into a neighbour."""
    groups: dict[float, list[float]] = {}
    for r, ok in zip(raw, right, strict=True):
        g = groups.setdefault(float(r), [0.0, 0.0, 0])
        g[0], g[1], g[2] = g[0] + r, g[1] + bool(ok), g[2] + 1
    blocks: list[list[float]] = []  # [sum raw, sum right, n], in raw order
    for _, g in sorted(groups.items()):
        blocks.append(list(g))
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            b = blocks.pop()
            blocks[-1] = [u + v for u, v in zip(blocks[-1], b, strict=True)]
    # A small block is noise, not evidence (a few lucky events at 0.92 must not map to 0.99):
    # merge it into its smaller neighbour; merging neighbours keeps the fit monotone.
    while len(blocks) > 1 and min(b[2] for b in blocks) < min_block:
        i = min(range(len(blocks)), key=lambda k: blocks[k][2])
        j = i - 1 if i == len(blocks) - 1 or (i > 0 and blocks[i - 1][2] < blocks[i + 1][2]) else i + 1
        lo, hi = min(i, j), max(i, j)
        blocks[lo:hi + 1] = [[u + v for u, v in zip(blocks[lo], blocks[hi], strict=True)]]
    i = 1
    while i < len(blocks):  # means that a saved map could not tell apart are one block
        if round(blocks[i - 1][0] / blocks[i - 1][2], 6) == round(blocks[i][0] / blocks[i][2], 6):
            blocks[i - 1:i + 1] = [[u + v for u, v in zip(blocks[i - 1], blocks[i], strict=True)]]
        else:
            i += 1
    x = tuple(b[0] / b[2] for b in blocks)
    y = tuple(min(_CEIL, max(_FLOOR, b[1] / b[2])) for b in blocks)
    return Map(x, y)


# --- applying -------------------------------------------------------------------------------

_raw_only = False


@contextlib.contextmanager
def uncalibrated() -> Iterator[None]:
    """Within this block the coder emits raw scores (to fit a map on them)."""
    global _raw_only
    before, _raw_only = _raw_only, True
    try:
        yield
    finally:
        _raw_only = before


def read(path: Path) -> dict[str, Map]:
    return {k: Map.from_json(v) for k, v in json.loads(path.read_text())["maps"].items()}


@cache
def shipped() -> dict[str, Map]:
    """The maps in data/calibration; without them (a broken install) scores stay raw."""
    path = data_dir() / "calibration" / FILE_NAME
    try:
        return read(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"eventlens: {path}: cannot read calibration ({exc}); confidence is uncalibrated",
              file=sys.stderr)
        return {}


def load_dir(model_dir: Path) -> dict[str, Map] | None:
    """A trained model's own maps, or None when it has none (or they are unreadable)."""
    try:
        return read(model_dir / MODEL_FILE)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def calibrate(raw: float, clf, learned: bool) -> float:
    """The calibrated confidence for a raw score from the coder's `_confidence`."""
    if _raw_only:
        return raw
    kind = PATTERNS_ONLY if clf is None else LEARNED if learned else PATTERN
    maps = (getattr(clf, "calibration", None) if clf is not None else None) or shipped()
    m = maps.get(kind) or maps.get(PATTERN) or IDENTITY
    return m(raw)  # unrounded: Event.to_json rounds; ranking uses every digit


# --- fitting on out-of-fold predictions -------------------------------------------------------


def correctness(scheme: str) -> Callable[[object, str], bool]:
    """Is an event right against a gold label of this scheme (root, five-class, PLOVER type)?"""
    if scheme == "five":
        from eventlens.ontology.cameo import FIVE_CLASS

        return lambda ev, gold: str(FIVE_CLASS.get(ev.cameo_root)) == str(gold)
    if scheme == "plover":
        from eventlens.evaluate.plover_gsr import predicted_type

        return lambda ev, gold: predicted_type(ev, True) == gold
    return lambda ev, gold: ev.cameo_root == gold


def _kind(ev, with_classifier: bool) -> str:
    if not with_classifier:
        return PATTERNS_ONLY
    return LEARNED if ev.explanation.startswith("learned classifier") else PATTERN


def out_of_fold(texts: Sequence[str], labels: Sequence[str], scheme: str, folds: int = 5,
                seed: int = 0, backend: str = "linear", dictionaries: tuple[str, ...] = (),
                log: Callable[[str], None] = lambda s: None) -> list[dict]:
    """Code every sentence with a classifier trained on the other folds (and once with no
    classifier); one row per sentence's main event: raw score, kind, right?, fold."""
    from sklearn.model_selection import KFold, StratifiedKFold

    from eventlens import nlp
    from eventlens.evaluate.sentences import main_event, sentence_article
    from eventlens.events import classifier
    from eventlens.pipeline import Coder

    arts = [sentence_article(i, t) for i, t in enumerate(texts)]
    docs = list(nlp.parse((a.text for a in arts), batch_size=64))
    right = correctness(scheme)
    smallest = min(labels.count(lab) for lab in set(labels))
    split = (StratifiedKFold(folds, shuffle=True, random_state=seed) if smallest >= folds
             else KFold(folds, shuffle=True, random_state=seed))
    fold_of = {}
    for f, (_, test) in enumerate(split.split(texts, labels)):
        fold_of.update(dict.fromkeys(map(int, test), f))
    coder = Coder(dictionaries, model="none")
    rows: list[dict] = []

    def collect(idx: Sequence[int], with_clf: bool) -> None:
        for i in idx:
            ev = main_event(coder.code_parsed(arts[i], docs[i]))
            if ev is not None:
                rows.append({"i": i, "fold": fold_of[i], "kind": _kind(ev, with_clf),
                             "raw": ev.confidence, "right": bool(right(ev, labels[i]))})

    with uncalibrated():
        for f in range(folds):
            train = [i for i in range(len(texts)) if fold_of[i] != f]
            log(f"fold {f + 1}/{folds}: training on {len(train)} sentences")
            coder.classifier = classifier.fit([texts[i] for i in train],
                                              [labels[i] for i in train], scheme, backend)
            collect([i for i in range(len(texts)) if fold_of[i] == f], True)
        coder.classifier = None
        collect(range(len(texts)), False)
    return rows


def fit_maps(rows: Sequence[dict]) -> dict[str, Map]:
    """One isotonic map per kind with enough rows; a sparse `learned` kind shares the pattern map."""
    maps = {}
    for kind in (PATTERN, LEARNED, PATTERNS_ONLY):
        sel = [r for r in rows if r["kind"] == kind]
        if len(sel) >= MIN_PAIRS and 0 < sum(r["right"] for r in sel) < len(sel):
            maps[kind] = isotonic([r["raw"] for r in sel], [r["right"] for r in sel])
    return maps


def cross_checked(rows: Sequence[dict]) -> list[dict]:
    """Rows with `calibrated` from maps fitted without their own fold (an honest check)."""
    out = []
    for f in sorted({r["fold"] for r in rows}):
        maps = fit_maps([r for r in rows if r["fold"] != f])
        for r in rows:
            if r["fold"] == f:
                m = maps.get(r["kind"]) or maps.get(PATTERN) or IDENTITY
                out.append({**r, "calibrated": m(r["raw"])})
    return out


def fit_for_model(texts: Sequence[str], labels: Sequence[str], scheme: str, out: Path,
                  backend: str = "linear") -> dict | None:
    """Fit a model directory's own maps on out-of-fold scores of its training data (K more
    fits of its backend); None, and no file, when the data are too few to fit them."""
    (out / MODEL_FILE).unlink(missing_ok=True)  # a map from an earlier model is wrong now
    folds = min(5, len(texts) // 50)
    if folds < 2:
        return None
    rows = out_of_fold(texts, labels, scheme, folds=folds, backend=backend)
    maps = fit_maps([r for r in rows if r["kind"] != PATTERNS_ONLY])
    if PATTERN not in maps:
        return None
    info = {"target": f"P(the main event is right at the '{scheme}' label level)",
            "method": f"isotonic regression of {folds}-fold out-of-fold raw scores "
                      f"({backend} classifier), eventlens.events.calibration",
            "events": sum(r["kind"] != PATTERNS_ONLY for r in rows),
            "maps": {k: m.to_json() for k, m in maps.items()}}
    (out / MODEL_FILE).write_text(json.dumps(info, indent=1))
    return info


def for_trained_model(texts: Sequence[str], labels: Sequence[str], scheme: str, out: Path,
                      backend: str) -> str:
    """`eventlens train`: a linear model gets its own map (seconds); a fine-tuned one would
    need K more fine-tunings, so it uses the shipped map (scripts/fit_calibration.py --model
    fits one when wanted). Says which, for training.json."""
    if backend == "linear":
        info = fit_for_model(texts, labels, scheme, out, backend)
        if info is not None:
            return f"own map ({MODEL_FILE}: {info['method']})"
    else:
        (out / MODEL_FILE).unlink(missing_ok=True)
    return "shipped map (data/calibration/confidence.json)"
