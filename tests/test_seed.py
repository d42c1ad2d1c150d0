"""The founding example: the seed article scored against its hand-coded expectations."""

from __future__ import annotations

import json

from conftest import EXPECTED, SEED, need_shared, run_cli

MIN_REQUIRED = 9  # all nine required events, actors' sectors included


def test_seed_expected_json():
    need_shared(SEED)
    r = run_cli("evaluate", "--gold", str(EXPECTED), "--format", "expected-json", str(SEED))
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    missing = [d["id"] for d in m["required"] if not d["found"]]
    assert m["required_found"] >= MIN_REQUIRED, f"missing: {missing}"
    wrong_sector = [d["id"] for d in m["required"] if d["found"] and not d["sectors_right"]]
    assert m["required_with_sectors"] >= MIN_REQUIRED, f"sectors wrong: {wrong_sector}"
    assert m["forbidden_found"] == 0, m["forbidden"]
    assert m["required_repeats"] == 0, m["required"]
    assert m["cleaning"]["ok"], m["cleaning"]
