"""`eventlens code`: code events and print them, no database."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    CodeFormat,
    Dictionaries,
    IncludeNegated,
    Inputs,
    Model,
    NProcess,
    Quiet,
    Reporter,
    Verbose,
    make_coder,
    results,
)


@app.command()
def code(
    inputs: Inputs,
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.jsonl,
    include_negated: IncludeNegated = False,
    dictionary: Dictionaries = None,
    model: Model = None,
    n_process: NProcess = 1,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Code events and print them (no database)."""
    coder = make_coder(dictionary, include_negated, model, n_process)
    rep = Reporter(quiet, verbose, "coding")
    out = sys.stdout
    rows: list[dict] = []
    n_events = 0
    try:
        for r in results(inputs, coder, rep):
            for ev in r.events:
                n_events += 1
                j = ev.to_json()
                if format is CodeFormat.jsonl:
                    out.write(json.dumps(j, ensure_ascii=False) + "\n")
                else:
                    rows.append(j)
            out.flush()
    finally:
        rep.close()
    if format is CodeFormat.json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif format is CodeFormat.csv:
        _write_csv(rows, out)
    elif format is CodeFormat.table:
        from eventlens.display import event_table

        event_table([_flat(j) for j in rows])
    rep.info(f"eventlens: {rep.docs} documents coded, {n_events} events, {rep.errors} inputs failed")
    raise typer.Exit(rep.exit_code)


def _flat(j: dict) -> dict:
    s, t = j["source"] or {}, j["target"] or {}
    return {
        "event_date": j["date"], "doc_id": j["doc_id"], "source_code": s.get("code"),
        "source_name": s.get("name"), "source_text": s.get("text"),
        "action_text": j["action"]["text"], "target_code": t.get("code"),
        "target_name": t.get("name"), "target_text": t.get("text"), "cameo": j["cameo"],
        "quad_class": j["quad_class"], "goldstein": j["goldstein"],
        "plover_event": j["plover"]["event"], "confidence": j["confidence"],
        "sentence": j["sentence"], "explanation": j["explanation"], "event_id": j["event_id"],
    }


def _write_csv(rows: list[dict], out) -> None:
    flat = [_flat(j) for j in rows]
    fields = list(flat[0]) if flat else list(_flat(_EMPTY))
    w = csv.DictWriter(out, fieldnames=fields)
    w.writeheader()
    w.writerows(flat)


_EMPTY = {"date": None, "doc_id": None, "source": None, "target": None, "action": {"text": None},
          "cameo": None, "quad_class": None, "goldstein": None, "plover": {"event": None},
          "confidence": None, "sentence": None, "explanation": None, "event_id": None}
