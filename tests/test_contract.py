"""`eventlens code --format jsonl` prints exactly the event JSON of DESIGN.md."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import FIXTURES, SEED, need_shared, run_cli
from eventlens.model import EVENT_FIELDS, LOCATION_FIELDS, MENTION_FIELDS

PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                 "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                 "COERCE", "ASSAULT"}


def check_event(e: dict, text_by_doc: dict[str, str] | None = None) -> None:
    assert tuple(e) == EVENT_FIELDS
    assert isinstance(e["event_id"], str) and len(e["event_id"]) == 16
    assert isinstance(e["sentence_index"], int) and isinstance(e["sentence_start"], int)
    for role in ("source", "target", "reported_by"):
        m = e[role]
        if m is not None:
            assert tuple(m) == MENTION_FIELDS
            assert m["end"] > m["start"] >= 0
    assert e["source"] or e["target"]
    assert tuple(e["action"]) == ("text", "start", "end")
    assert e["cameo"].isdigit() and len(e["cameo"]) in (2, 3, 4)
    assert e["cameo_root"] == e["cameo"][:2]
    assert e["quad_class"] in (1, 2, 3, 4)
    assert -10 <= e["goldstein"] <= 10
    assert tuple(e["plover"]) == ("event", "mode", "context")
    assert e["plover"]["event"] is None or e["plover"]["event"] in PLOVER_EVENTS
    assert isinstance(e["plover"]["context"], list)
    for flag in ("negated", "hypothetical", "reciprocal"):
        assert isinstance(e[flag], bool)
    assert e["date_basis"] in (None, "publication", "sentence", "page")
    if e["location"] is not None:
        assert tuple(e["location"]) == LOCATION_FIELDS
    assert 0 <= e["confidence"] <= 1
    assert e["explanation"]
    if text_by_doc is not None:
        text = text_by_doc[e["doc_id"]]
        assert text[e["sentence_start"]: e["sentence_start"] + len(e["sentence"])] == e["sentence"]
        a = e["action"]
        assert text[a["start"]: a["end"]] == a["text"]
        for role in ("source", "target"):
            m = e[role]
            if m is not None:
                assert text[m["start"]: m["end"]] == m["text"]


def _texts(path) -> dict[str, str]:
    r = run_cli("clean", str(path), "--format", "json")
    doc = json.loads(r.stdout)
    docs = doc if isinstance(doc, list) else [doc]
    return {d["id"]: d["text"] for d in docs}


@pytest.mark.parametrize("path", [FIXTURES / "scrape_sample.txt", SEED], ids=["fixture", "seed"])
def test_code_jsonl_contract(path):
    need_shared(path)
    r = run_cli("code", str(path), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert events, "no events coded"
    texts = _texts(path)
    for e in events:
        check_event(e, texts)
    assert len({e["event_id"] for e in events}) == len(events)


def test_json_and_csv_formats_agree():
    path = FIXTURES / "scrape_sample.txt"
    as_json = json.loads(run_cli("code", str(path), "--format", "json").stdout)
    out = run_cli("code", str(path), "--format", "csv").stdout.decode()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in as_json]
    assert all(tuple(e) == EVENT_FIELDS for e in as_json)
