"""Readers and bad input: one clear line per bad input, the rest still coded, exit code 1."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, run_cli
from eventlens.ingest import InputError, read_inputs
from eventlens.ingest.registry import read_bytes
from eventlens.model import RawDocument


def test_jsonl_reader_reads_good_lines_and_reports_bad_ones(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": "Chile recalled its ambassador from Peru.", "date": "2024-01-02"})
        + "\n{not json\n"
        + json.dumps({"id": "b", "html": "<html><body><p>Hello there.</p></body></html>"}) + "\n"
        + json.dumps({"id": "c"}) + "\n"
    )
    out = list(read_inputs([str(p)]))
    docs = [o for o in out if isinstance(o, RawDocument)]
    errs = [o for o in out if isinstance(o, InputError)]
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].meta["date"] == "2024-01-02" and docs[1].media_type == "text/html"
    assert [e.source for e in errs] == [f"{p}:2", f"{p}:4"]
    assert "malformed JSON" in errs[0].reason


def test_directory_reads_known_formats_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second file body.")
    (tmp_path / "a.html").write_text("<html><body><p>First.</p></body></html>")
    (tmp_path / "notes.md").write_text("ignored")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text("Third.")
    ids = [d.id for d in read_inputs([str(tmp_path)])]
    assert ids == ["a.html", "b.txt", "sub/c.txt"]


def test_bad_inputs_each_give_one_error_line_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"id": "ok", "text": "Kenya accused Tanzania of blocking lorries."}\n{broken\n')
    missing = tmp_path / "missing.txt"
    r = run_cli("code", str(missing), str(empty), str(binary), str(bad_jsonl),
                str(FIXTURES / "scrape_sample.txt"), "--format", "jsonl")
    assert r.returncode == 1, r.stderr
    err_lines = [ln for ln in r.stderr.decode().splitlines() if "error:" in ln]
    assert len(err_lines) == 4, r.stderr
    for path, reason in [(missing, "no such file"), (empty, "empty file"), (binary, "binary"),
                         (f"{bad_jsonl}:2", "malformed JSON")]:
        assert any(str(path) in ln and reason in ln for ln in err_lines), (path, err_lines)
    events = [json.loads(ln) for ln in r.stdout.decode().splitlines()]
    assert {e["doc_id"] for e in events} >= {"ok", "scrape_sample.txt"}


def test_all_good_inputs_exit_0_and_usage_error_exit_2(tmp_path):
    r = run_cli("code", str(FIXTURES / "scrape_sample.txt"), "-q")
    assert r.returncode == 0 and r.stderr == b""
    r = run_cli("code", str(FIXTURES / "scrape_sample.txt"), "--format", "nonsense")
    assert r.returncode == 2


def test_stdin_is_read():
    r = run_cli("code", "-", "--format", "jsonl", stdin=b"Kenya accused Tanzania of blocking lorries at the border.\n")
    assert r.returncode == 0, r.stderr
    events = [json.loads(ln) for ln in r.stdout.decode().splitlines()]
    assert events and events[0]["doc_id"] == "stdin"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_readers_never_raise_on_arbitrary_bytes(data):
    out = list(read_bytes(data, source="fuzz", doc_id="fuzz"))
    for o in out:
        assert isinstance(o, RawDocument | InputError)
        if isinstance(o, InputError):
            assert o.source.startswith("fuzz") and o.reason
