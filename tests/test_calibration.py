"""Calibrated confidence: the shipped map, the isotonic fit, the ECE metric, the coder's use."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventlens.evaluate.metrics import reliability
from eventlens.events import calibration, classifier
from eventlens.paths import data_dir

SHIPPED = data_dir() / "calibration" / calibration.FILE_NAME
GRID = [i / 200 for i in range(201)]


def _monotone_in_unit(m: calibration.Map) -> None:
    ys = [m(x) for x in GRID]
    assert all(0.0 <= y <= 1.0 for y in ys)
    assert all(b >= a for a, b in zip(ys, ys[1:], strict=False))


def test_shipped_maps_are_monotone_within_unit_interval():
    maps = calibration.read(SHIPPED)
    assert {calibration.PATTERN, calibration.PATTERNS_ONLY} <= set(maps)
    for m in maps.values():
        assert all(b > a for a, b in zip(m.x, m.x[1:], strict=False))
        assert all(b >= a for a, b in zip(m.y, m.y[1:], strict=False))
        _monotone_in_unit(m)


def test_shipped_map_was_fitted_on_the_current_training_sentences():
    fitted = json.loads(SHIPPED.read_text())["fitted_on"]["files"]
    now = {f.name: hashlib.sha1(f.read_bytes()).hexdigest()[:12]
           for f in classifier.training_files()}
    assert fitted == now, "data/training changed: re-run scripts/fit_calibration.py"


def test_isotonic_by_hand():
    # (0.1 right, 0.2 wrong) violate the order and pool to 0.5; 0.3 and 0.4 are both right.
    m = calibration.isotonic([0.1, 0.2, 0.3, 0.4], [True, False, True, True], min_block=1)
    assert m.x == pytest.approx((0.15, 0.35))
    assert m.y == (0.5, 0.99)  # never certain
    assert m(0.25) == pytest.approx((0.5 + 0.99) / 2)
    # A lone block below the minimum size is merged into its neighbour.
    m = calibration.isotonic([0.1, 0.2, 0.3, 0.4], [False, True, True, True], min_block=2)
    assert len(m.x) == 1 and m.y == (0.75,)


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=60),
       st.integers(1, 10))
def test_isotonic_is_monotone_and_a_probability(pairs, min_block):
    m = calibration.isotonic([r for r, _ in pairs], [ok for _, ok in pairs], min_block)
    _monotone_in_unit(m)
    saved = calibration.Map.from_json(m.to_json())
    assert all(b > a for a, b in zip(saved.x, saved.x[1:], strict=False))  # survives rounding
    _monotone_in_unit(saved)


def test_ece_by_hand():
    r = reliability([0.15, 0.15, 0.85, 0.85], [False, True, True, True])
    # bin 0.1-0.2: confidence 0.15, accuracy 0.5; bin 0.8-0.9: 0.85 vs 1.0; weights 1/2 each
    assert r["ece"] == 0.25
    assert [b["bin"] for b in r["bins"]] == ["0.1-0.2", "0.8-0.9"]
    assert r["bins"][0] == {"bin": "0.1-0.2", "n": 2, "mean_confidence": 0.15, "accuracy": 0.5}
    edges = reliability([0.3, 1.0, 0.0], [True, True, False])
    assert [b["bin"] for b in edges["bins"]] == ["0.0-0.1", "0.3-0.4", "0.9-1.0"]
    assert edges["ece"] == round((0.0 + 0.7 + 0.0) / 3, 4)
    assert reliability([], []) == {"n": 0, "ece": 0.0, "bins": []}


def test_a_models_own_map_wins_over_the_shipped_one():
    class Clf:
        calibration = {calibration.PATTERN: calibration.Map((0.0, 1.0), (0.2, 0.4))}

    assert calibration.calibrate(0.5, Clf(), learned=False) == pytest.approx(0.3)
    # no map for learned events: the pattern map serves
    assert calibration.calibrate(0.5, Clf(), learned=True) == pytest.approx(0.3)
    # no classifier at all: the shipped patterns-only map
    assert calibration.calibrate(0.5, None, learned=False) == \
        calibration.shipped()[calibration.PATTERNS_ONLY](0.5)
    with calibration.uncalibrated():
        assert calibration.calibrate(0.5, Clf(), learned=False) == 0.5


def test_events_carry_the_calibrated_confidence(code_text):
    text = ("Chad accused Sudan of arming rebels on its border. "
            "Kenya pledged to send food aid to Somalia.")  # synthetic
    with calibration.uncalibrated():
        raw = code_text(text)
    events = code_text(text)
    assert events and len(events) == len(raw)
    maps = calibration.shipped()
    for ev, r in zip(events, raw, strict=True):
        kind = (calibration.LEARNED if ev.explanation.startswith("learned classifier")
                else calibration.PATTERN)
        m = maps.get(kind) or maps[calibration.PATTERN]
        assert ev.confidence == m(r.confidence)
        assert 0 <= ev.to_json()["confidence"] <= 1


def test_train_says_which_map_and_drops_a_stale_one(tmp_path):
    from eventlens.events import training

    rows = [("Chad accused Sudan of arming rebels.", "3"),  # synthetic
            ("Kenya pledged food aid to Somalia.", "1")] * 5
    gold = tmp_path / "gold.tsv"
    gold.write_text("".join(f"{t}\t{lab}\n" for t, lab in rows))
    out = tmp_path / "model"
    out.mkdir()
    (out / calibration.MODEL_FILE).write_text('{"maps": {}}')  # from an earlier model
    info = training.train(gold, "cameo-class", out, backend="linear")
    assert info["calibration"].startswith("shipped map")  # 10 sentences: too few for its own
    assert not (out / calibration.MODEL_FILE).exists()
    assert classifier.load(out).calibration is None
