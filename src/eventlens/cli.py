"""The eventlens command line: one thin function a command; the logic lives in the modules.

Exit codes: 0 all inputs fine, 1 some inputs failed (the rest were still processed),
2 usage error (bad option, unreadable dictionary, missing database).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data (CAMEO/PLOVER) from news text: who did what to whom, when.",
    pretty_exceptions_enable=False,
)

Inputs = Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")]
Dictionaries = Annotated[
    list[str] | None,
    typer.Option("--dictionary", "-d", help="Extra actor/pattern dictionary (YAML); repeatable."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Say more on stderr.")]
IncludeNegated = Annotated[
    bool, typer.Option("--include-negated", help="Also emit negated and hypothetical events.")
]
Db = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]


class CodeFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"


class CleanFormat(StrEnum):
    json = "json"
    text = "text"


class GoldFormat(StrEnum):
    expected_json = "expected-json"
    expected_tsv = "expected-tsv"
    cameo_class = "cameo-class"
    cameo_ner = "cameo-ner"
    plover_gsr = "plover-gsr"


class Reporter:
    """Errors and progress on stderr: errors always, progress only on a terminal."""

    def __init__(self, quiet: bool, verbose: bool, label: str) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.errors = 0
        self.docs = 0
        self.progress = None
        if not quiet and sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                     TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                                     transient=True)
            self.progress.start()
            self.task = self.progress.add_task(label, total=None)

    def error(self, line: str) -> None:
        self.errors += 1
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def doc_done(self, doc_id: str) -> None:
        self.docs += 1
        if self.progress is not None:
            self.progress.update(self.task, advance=1)
        if self.verbose:
            self.info(f"coded {doc_id}")

    def info(self, line: str) -> None:
        if self.quiet:
            return
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def _usage_error(msg: str) -> typer.Exit:
    print(f"eventlens: usage error: {msg}", file=sys.stderr)
    return typer.Exit(2)


def _coder(dictionaries, include_negated: bool = False):
    from eventlens.pipeline import Coder

    coder = Coder(dictionaries=tuple(dictionaries or ()), include_negated=include_negated)
    try:
        coder.actor_dictionary  # noqa: B018 - validate user files before reading any input
        coder.patterns  # noqa: B018
    except ValueError as exc:
        raise _usage_error(str(exc)) from exc
    return coder


def _results(inputs: list[str], coder, rep: Reporter) -> Iterator:
    from eventlens.ingest import InputError, read_inputs

    for r in coder.run(read_inputs(inputs)):
        if isinstance(r, InputError):
            rep.error(r.line())
        else:
            rep.doc_done(r.article.id)
            yield r


@app.command()
def code(
    inputs: Inputs,
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.jsonl,
    include_negated: IncludeNegated = False,
    dictionary: Dictionaries = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Code events and print them (no database)."""
    coder = _coder(dictionary, include_negated)
    rep = Reporter(quiet, verbose, "coding")
    out = sys.stdout
    rows: list[dict] = []
    n_events = 0
    try:
        for r in _results(inputs, coder, rep):
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

    coder = _coder(dictionary, include_negated)
    try:
        con = duck.connect(db)
    except duck.SchemaError as exc:
        raise _usage_error(str(exc)) from exc
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
        for r in _results(inputs, coder, rep):
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


@app.command()
def clean(
    inputs: Inputs,
    format: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.json,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Show the cleaned article(s): title, date, site, text, and what was dropped and why."""
    from eventlens.clean import clean as clean_doc
    from eventlens.ingest import InputError, read_inputs

    rep = Reporter(quiet, verbose, "cleaning")
    out = []
    try:
        for raw in read_inputs(inputs):
            art = raw if isinstance(raw, InputError) else clean_doc(raw)
            if isinstance(art, InputError):
                rep.error(art.line())
                continue
            rep.doc_done(art.id)
            out.append(art)
    finally:
        rep.close()
    if format is CleanFormat.text:
        for a in out:
            sys.stdout.write(a.text + "\n\n")
    else:
        docs = [_article_json(a) for a in out]
        json.dump(docs[0] if len(docs) == 1 else docs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    raise typer.Exit(rep.exit_code)


def _article_json(a) -> dict:
    return {
        "id": a.id, "uri": a.uri, "title": a.title, "site": a.site, "section": a.section,
        "author": a.author, "published": a.published.isoformat() if a.published else None,
        "date_basis": a.date_basis, "page_date": a.page_date.isoformat() if a.page_date else None,
        "language": a.language, "content_hash": a.content_hash, "text": a.text,
        "dropped": [{"reason": d.reason, "text": d.text} for d in a.dropped],
    }


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
        raise _usage_error(str(exc)) from exc


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


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file.")],
    format: Annotated[GoldFormat, typer.Option("--format", "-f")],
    inputs: Annotated[list[str] | None, typer.Argument(help="Article(s) the gold describes (expected-json).")] = None,
    dictionary: Dictionaries = None,
    quiet: Quiet = True,
) -> None:
    """Score eventlens against gold data and print the metrics as JSON."""
    if not gold.exists():
        raise _usage_error(f"{gold}: no such gold file")
    if format in (GoldFormat.expected_json, GoldFormat.expected_tsv):
        from eventlens.evaluate import expected_json, expected_tsv

        try:
            if format is GoldFormat.expected_json:
                expected = json.loads(gold.read_text(encoding="utf-8"))
            else:
                rows = expected_tsv.read(gold)
        except (OSError, ValueError) as exc:
            raise _usage_error(f"{gold}: cannot read gold ({exc})") from exc
        if not inputs:
            raise _usage_error(f"{format.value} needs the article(s) it describes as INPUT")
        coder = _coder(dictionary)
        rep = Reporter(quiet, False, "evaluating")
        results = list(_results(inputs, coder, rep))
        rep.close()
        events = [e for r in results for e in r.events]
        if format is GoldFormat.expected_json:
            metrics = expected_json.score(expected, [r.article for r in results], events)
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
        raise _usage_error(f"{gold}: cannot read gold ({exc})") from exc
    metrics = module.score(rows, _coder(dictionary))
    metrics = {"gold": str(gold), "format": format.value, **metrics}
    json.dump(metrics, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
