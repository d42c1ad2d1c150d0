"""`eventlens evaluate`: score against gold data, print metrics as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    Dictionaries,
    GoldFormat,
    Model,
    Quiet,
    Reporter,
    make_coder,
    results,
    usage_error,
)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file.")],
    format: Annotated[GoldFormat, typer.Option("--format", "-f")],
    inputs: Annotated[list[str] | None, typer.Argument(help="Article(s) the gold describes (expected-json).")] = None,
    dictionary: Dictionaries = None,
    model: Model = None,
    quiet: Quiet = True,
) -> None:
    """Score eventlens against gold data and print the metrics as JSON."""
    if not gold.exists():
        raise usage_error(f"{gold}: no such gold file")
    if format in (GoldFormat.expected_json, GoldFormat.expected_tsv):
        from eventlens.evaluate import expected_json, expected_tsv

        try:
            if format is GoldFormat.expected_json:
                expected = json.loads(gold.read_text(encoding="utf-8"))
            else:
                rows = expected_tsv.read(gold)
        except (OSError, ValueError) as exc:
            raise usage_error(f"{gold}: cannot read gold ({exc})") from exc
        if not inputs:
            raise usage_error(f"{format.value} needs the article(s) it describes as INPUT")
        coder = make_coder(dictionary, model=model)
        rep = Reporter(quiet, False, "evaluating")
        coded = list(results(inputs, coder, rep))
        rep.close()
        events = [e for r in coded for e in r.events]
        if format is GoldFormat.expected_json:
            metrics = expected_json.score(expected, [r.article for r in coded], events)
        else:
            metrics = expected_tsv.score(rows, events)
        json.dump(metrics, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        raise typer.Exit(rep.exit_code)
    from importlib import import_module

    module = import_module(f"eventlens.evaluate.{format.value.replace('-', '_')}")
    try:
        rows = module.read(gold)
    except (OSError, ValueError) as exc:
        raise usage_error(f"{gold}: cannot read gold ({exc})") from exc
    metrics = module.score(rows, make_coder(dictionary, model=model))
    metrics = {"gold": str(gold), "format": format.value, **metrics}
    json.dump(metrics, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
