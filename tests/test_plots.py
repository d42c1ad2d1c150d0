"""Plots render to PNG from a store (matplotlib, Agg)."""

from __future__ import annotations

import pytest
from _demo_db import build_demo_db

from conftest import run_cli

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    return build_demo_db(tmp_path_factory, coder)


def test_plot_dyad(db, tmp_path):
    out = tmp_path / "dyad.png"
    r = run_cli("plot", "dyad", "USA", "PAK", "--db", str(db), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(PNG) and out.stat().st_size > 20_000


def test_plot_network(db, tmp_path):
    out = tmp_path / "net.png"
    r = run_cli("plot", "network", "--db", str(db), "--out", str(out), "--min-events", "2")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(PNG) and out.stat().st_size > 20_000


def test_plot_bad_input(db, tmp_path):
    r = run_cli("plot", "dyad", "USA", "XXX", "--db", str(db), "--out", str(tmp_path / "x.png"))
    assert r.returncode == 2 and b"unknown actor code" in r.stderr and b"Traceback" not in r.stderr
    r = run_cli("plot", "network", "--db", str(db), "--out", str(tmp_path / "no" / "x.png"))
    assert r.returncode == 2 and b"Traceback" not in r.stderr
