"""`eventlens ingest`: code events and store them in DuckDB, idempotently."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    Db,
    Dictionaries,
    IncludeNegated,
    Inputs,
    Quiet,
    Reporter,
    Verbose,
    make_coder,
    results,
    usage_error,
)


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = Path("events.duckdb"),
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Documents per transaction.")] = 64,
    include_negated: IncludeNegated = False,
    dictionary: Dictionaries = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Code events and store them; re-running on the same input adds nothing."""
    from eventlens.store import duck

    coder = make_coder(dictionary, include_negated)
    try:
        con = duck.connect(db)
    except duck.SchemaError as exc:
        raise usage_error(str(exc)) from exc
    rep = Reporter(quiet, verbose, f"ingesting into {db}")
    added_a = added_e = skipped = 0
    batch = []

    def flush() -> None:
        nonlocal added_a, added_e, skipped
        a, e = duck.write_batch(con, [r.article for r in batch], [ev for r in batch for ev in r.events])
        added_a += a
        added_e += e
        skipped += len(batch) - a
        batch.clear()

    try:
        for r in results(inputs, coder, rep):
            batch.append(r)
            if len(batch) >= batch_size:
                flush()
        flush()
    finally:
        rep.close()
        con.close()
    rep.info(f"eventlens: {added_a} articles and {added_e} events added to {db}; "
             f"{skipped} articles already stored; {rep.errors} inputs failed")
    raise typer.Exit(rep.exit_code)
