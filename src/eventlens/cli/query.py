"""Commands that read the store: `events`, `dyad`."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    CodeFormat,
    Db,
    usage_error,
)


@app.command()
def events(
    db: Db = Path("events.duckdb"),
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.table,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix, e.g. USA or PAKMIL.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, e.g. 19.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000)] = 1000,
) -> None:
    """List stored events."""
    from eventlens.store import duck, queries

    con = _open_ro(db)
    df = queries.events(con, actor=actor, root=root, limit=limit)
    con.close()
    if format is CodeFormat.table:
        from eventlens.display import event_table

        event_table(df.to_dict("records"))
    elif format is CodeFormat.csv:
        buf = io.StringIO()
        df.to_csv(buf, index=False)
        sys.stdout.write(buf.getvalue())
    else:
        con = _open_ro(db)
        ids = list(df["event_id"])
        rows = con.execute("SELECT json FROM events WHERE event_id IN (SELECT unnest(?))", [ids]).fetchall()
        con.close()
        by_id = {json.loads(r[0])["event_id"]: json.loads(r[0]) for r in rows}
        ordered = [by_id[i] for i in ids if i in by_id]
        if format is CodeFormat.json:
            json.dump(ordered, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            for j in ordered:
                sys.stdout.write(json.dumps(j, ensure_ascii=False) + "\n")
    del duck


def _open_ro(db: Path):
    from eventlens.store import duck

    try:
        return duck.connect(db, read_only=True)
    except (FileNotFoundError, duck.SchemaError) as exc:
        raise usage_error(str(exc)) from exc


@app.command()
def dyad(
    db: Db = Path("events.duckdb"),
    min_events: Annotated[int, typer.Option(min=1, max=1_000_000)] = 1,
) -> None:
    """Per-dyad summary: events by quad class and Goldstein between pairs of countries."""
    from eventlens.display import dyad_table
    from eventlens.store import queries

    con = _open_ro(db)
    df = queries.dyads(con, min_events)
    trends = queries.dyad_trends(con)
    con.close()
    dyad_table(df, trends)
