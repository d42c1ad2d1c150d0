"""Commands that read the store: `events`, `dyad`, `actors`, `article`, `export`, `plot`.

`events` lists coded event mentions (its `--format jsonl` prints each event exactly as
`eventlens code` does); `--dedup` lists GDELT-style de-duplicated events instead. `dyad A B`,
`actors`, `plot` and the GDELT/PLOVER/Phoenix exports count de-duplicated events.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    CodeFormat,
    Db,
    usage_error,
)

Since = Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")]
Actor = Annotated[str | None, typer.Option(help="Actor code prefix, e.g. USA or PAKMIL.")]
Country = Annotated[str | None, typer.Option(help="Country (ISO alpha-3) of either actor.")]
Sector = Annotated[str | None, typer.Option(help="Sector of either actor, e.g. MIL.")]
Root = Annotated[str | None, typer.Option(help="CAMEO root, e.g. 19.")]
Cameo = Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 190 or 0311.")]
Quad = Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")]
PloverT = Annotated[str | None, typer.Option("--plover", help="PLOVER event type, e.g. ASSAULT.")]
Text = Annotated[str | None, typer.Option("--text", help="Words the sentence contains.")]


class Freq(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    plover = "plover"
    phoenix = "phoenix"
    csv = "csv"
    parquet = "parquet"


def _date(v: str | None, opt: str):
    if v is None:
        return None
    try:
        return datetime.strptime(v, "%Y-%m-%d").date()
    except ValueError:
        raise usage_error(f"{opt} {v!r}: expected a date as YYYY-MM-DD") from None


def _filter(since=None, until=None, actor=None, country=None, sector=None, root=None,
            cameo=None, quad=None, plover=None, text=None, limit=None):
    from eventlens.store.queries import EventFilter

    return EventFilter(since=_date(since, "--since"), until=_date(until, "--until"),
                       actor=actor, country=country, sector=sector, root=root, cameo=cameo,
                       quad_class=quad, plover=plover, text=text, limit=limit)


def _open_ro(db: Path):
    from eventlens.store import duck

    try:
        return duck.connect(db, read_only=True)
    except (FileNotFoundError, duck.SchemaError) as exc:
        raise usage_error(str(exc)) from exc


def _run(db: Path, fn):
    """Open the store read-only, run `fn(con)`; a QueryError is a usage error."""
    from eventlens.store.queries import QueryError

    con = _open_ro(db)
    try:
        return fn(con)
    except QueryError as exc:
        raise usage_error(str(exc)) from exc
    finally:
        con.close()


def _print_df(df, format: TableFormat, title: str) -> None:
    if format is TableFormat.csv:
        buf = io.StringIO()
        df.to_csv(buf, index=False)
        sys.stdout.write(buf.getvalue())
    elif format is TableFormat.json:
        sys.stdout.write(df.to_json(orient="records", date_format="iso", force_ascii=False) + "\n")
    else:
        _frame_table(df, title)


def _cell(v) -> str:
    from eventlens.display import _text

    s = _text(v)
    return s[:10] if s.endswith(" 00:00:00") else s[:60]


def _frame_table(df, title: str) -> None:
    """Any DataFrame as a Rich table on stdout."""
    from rich.console import Console
    from rich.table import Table

    t = Table(title=title, header_style="bold")
    for col in df.columns:
        t.add_column(str(col), no_wrap=True)
    for row in df.itertuples(index=False):
        t.add_row(*(_cell(v) for v in row))
    Console(width=200).print(t)


@app.command()
def events(
    db: Db = Path("events.duckdb"),
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.table,
    since: Since = None, until: Until = None, actor: Actor = None, country: Country = None,
    sector: Sector = None, root: Root = None, cameo: Cameo = None, quad: Quad = None,
    plover: PloverT = None, text: Text = None,
    dedup: Annotated[bool, typer.Option(
        "--dedup", help="De-duplicated events (one per date, actors and code) with counts.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000)] = 1000,
) -> None:
    """List stored events (each coded mention; --dedup for GDELT-style events)."""
    from eventlens.store import queries

    f = _filter(since, until, actor, country, sector, root, cameo, quad, plover, text, limit)
    if dedup:
        df = _run(db, lambda con: queries.dedup_events(con, f))
        df = df.drop(columns=["mention_ids"])
        if format is CodeFormat.jsonl:
            sys.stdout.write(df.to_json(orient="records", lines=True, date_format="iso",
                                        force_ascii=False) + "\n")
            return
        fmt = {CodeFormat.json: TableFormat.json,
               CodeFormat.csv: TableFormat.csv}.get(format, TableFormat.table)
        _print_df(df, fmt, f"{len(df)} de-duplicated events")
        return
    if format in (CodeFormat.table, CodeFormat.csv):
        df = _run(db, lambda con: queries.events(con, f))
        if format is CodeFormat.table:
            from eventlens.display import event_table

            event_table(df.to_dict("records"))
        else:
            _print_df(df, TableFormat.csv, "")
        return

    def fetch(con):
        ids = list(queries.events(con, f)["event_id"])
        rows = con.execute("SELECT event_id, json FROM events WHERE event_id IN "
                           "(SELECT unnest(?))", [ids]).fetchall()
        by_id = dict(rows)
        return [json.loads(by_id[i]) for i in ids if i in by_id]

    ordered = _run(db, fetch)
    if format is CodeFormat.json:
        json.dump(ordered, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for j in ordered:
            sys.stdout.write(json.dumps(j, ensure_ascii=False) + "\n")


@app.command()
def dyad(
    pair: Annotated[list[str] | None, typer.Argument(
        help="Two actor codes (e.g. USA PAK) for their time series; none for the summary.")] = None,
    db: Db = Path("events.duckdb"),
    freq: Annotated[Freq, typer.Option("--freq", help="Period of the time series.")] = Freq.week,
    since: Since = None, until: Until = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="Count mentions, not events.")] = False,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    min_events: Annotated[int, typer.Option(min=1, max=1_000_000)] = 1,
) -> None:
    """Dyads: with no codes, a summary of every country pair; with two, their time series
    (events per quad class, mean and summed Goldstein, both directions)."""
    from eventlens.store import queries

    if pair:
        if len(pair) != 2:
            raise usage_error("dyad takes two actor codes, e.g. `eventlens dyad USA PAK`")
        a, b = pair
        df = _run(db, lambda con: queries.dyad_series(
            con, a, b, freq.value, _date(since, "--since"), _date(until, "--until"),
            dedup=not mentions))
        if df.empty:
            print(f"eventlens: no events between {a.upper()} and {b.upper()} in that range",
                  file=sys.stderr)
        _print_df(df, format, f"{a.upper()} <-> {b.upper()} per {freq.value}")
        return
    from eventlens.display import dyad_table

    df, trends = _run(db, lambda con: (queries.dyads(con, min_events), queries.dyad_trends(con)))
    if format is TableFormat.table:
        dyad_table(df, trends)
    else:
        _print_df(df, format, "")


@app.command()
def actors(
    db: Db = Path("events.duckdb"),
    by: Annotated[str, typer.Option(help="Group by actor 'code' or 'country'.")] = "code",
    top: Annotated[int, typer.Option(min=1, max=100_000)] = 20,
    since: Since = None, until: Until = None, country: Country = None, sector: Sector = None,
    root: Root = None, quad: Quad = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """The actors in most (de-duplicated) events, as source or target."""
    from eventlens.store import queries

    f = _filter(since, until, None, country, sector, root, None, quad)
    df = _run(db, lambda con: queries.top_actors(con, f, n=top, by=by))
    _print_df(df, format, f"top {top} actors by {by}")


@app.command()
def article(
    doc_id: Annotated[str, typer.Argument(help="The article's id (as `events` shows it).")],
    db: Db = Path("events.duckdb"),
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """One stored article with its coded events."""
    from eventlens.store import queries

    meta, evs = _run(db, lambda con: queries.article(con, doc_id))
    if format is TableFormat.json:
        out = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()
               if k != "text"}
        out["text"] = meta["text"]
        out["events"] = json.loads(evs.to_json(orient="records", date_format="iso"))
        sys.stdout.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")
        return
    if format is TableFormat.csv:
        _print_df(evs, format, "")
        return
    from eventlens.display import event_table

    print(f"{meta['doc_id']}: {meta.get('title') or ''}")
    print(f"published {_cell(meta.get('published')) or '-'}  page date "
          f"{_cell(meta.get('page_date')) or '-'}  site {_cell(meta.get('site')) or '-'}  "
          f"uri {meta.get('uri')}")
    if meta.get("duplicate_of"):
        print(f"near-duplicate of {meta['duplicate_of']}")
    event_table(evs.to_dict("records"))


@app.command()
def export(
    db: Db = Path("events.duckdb"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.gdelt,
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")] = Path("events.tsv"),
    dedup: Annotated[bool, typer.Option(
        "--dedup", help="csv/parquet: de-duplicated events instead of mentions.")] = False,
    since: Since = None, until: Until = None, actor: Actor = None, country: Country = None,
    sector: Sector = None, root: Root = None, cameo: Cameo = None, quad: Quad = None,
    plover: PloverT = None, text: Text = None,
) -> None:
    """Write events as GDELT 2.0 TSV, PLOVER JSON lines, Phoenix TSV, CSV or Parquet."""
    from eventlens.export import writer

    f = _filter(since, until, actor, country, sector, root, cameo, quad, plover, text)
    if out.parent and not out.parent.exists():
        raise usage_error(f"{out}: directory {out.parent} does not exist")
    write = writer(format.value)
    try:
        n = _run(db, lambda con: write(con, f, out, dedup=dedup))
    except OSError as exc:
        raise usage_error(f"{out}: cannot write ({exc.strerror})") from exc
    print(f"eventlens: {n} events written to {out} ({format.value})", file=sys.stderr)


plot_app = typer.Typer(help="Charts (PNG) an analyst puts in a report.", no_args_is_help=True)
app.add_typer(plot_app, name="plot")

Out = Annotated[Path, typer.Option("--out", "-o", help="PNG file to write.")]


@plot_app.command("dyad")
def plot_dyad(
    a: Annotated[str, typer.Argument(help="First actor code, e.g. USA.")],
    b: Annotated[str, typer.Argument(help="Second actor code, e.g. PAK.")],
    db: Db = Path("events.duckdb"),
    out: Out = Path("dyad.png"),
    freq: Annotated[Freq, typer.Option("--freq")] = Freq.month,
    since: Since = None, until: Until = None,
) -> None:
    """Goldstein and quad-class counts over time between two actors, both directions."""
    from eventlens import plots
    from eventlens.store import queries

    df = _run(db, lambda con: queries.dyad_series(
        con, a, b, freq.value, _date(since, "--since"), _date(until, "--until")))
    if df.empty:
        raise usage_error(f"no events between {a.upper()} and {b.upper()} to plot")
    _save(lambda: plots.dyad(df, a.upper(), b.upper(), freq.value, out), out)


@plot_app.command("network")
def plot_network(
    db: Db = Path("events.duckdb"),
    out: Out = Path("network.png"),
    level: Annotated[str, typer.Option(help="Nodes are 'country' or actor 'code'.")] = "country",
    min_events: Annotated[int, typer.Option(min=1, max=1_000_000)] = 1,
    since: Since = None, until: Until = None, root: Root = None, quad: Quad = None,
) -> None:
    """The actor network: who acts on whom, edge width by events, colour by Goldstein."""
    from eventlens import plots
    from eventlens.store import queries

    f = _filter(since, until, root=root, quad=quad)
    df = _run(db, lambda con: queries.network(con, f, level=level, min_events=min_events))
    if df.empty:
        raise usage_error("no events between two different actors to plot")
    _save(lambda: plots.network(df, out), out)


def _save(draw, out: Path) -> None:
    if out.parent and not out.parent.exists():
        raise usage_error(f"{out}: directory {out.parent} does not exist")
    try:
        draw()
    except OSError as exc:
        raise usage_error(f"{out}: cannot write ({exc.strerror})") from exc
    print(f"eventlens: wrote {out}", file=sys.stderr)
