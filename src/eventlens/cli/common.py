"""Shared pieces of the command line: option types, the stderr reporter, usage errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

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
NProcess = Annotated[int, typer.Option(
    "--n-process", min=1, max=64,
    help="Parse and code in N local processes (one machine; use ingest --workers for Dask).")]
Model = Annotated[
    str | None,
    typer.Option("--model", help="Classifier from `eventlens train` (a directory), or 'none'."),
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


def usage_error(msg: str) -> typer.Exit:
    print(f"eventlens: usage error: {msg}", file=sys.stderr)
    return typer.Exit(2)


def make_coder(dictionaries, include_negated: bool = False, model: str | None = None,
               n_process: int = 1):
    from eventlens.pipeline import Coder

    if model and model != "none" and not (Path(model) / "meta.json").exists():
        raise usage_error(f"{model}: not a model directory (no meta.json); make one with `eventlens train`")
    coder = Coder(dictionaries=tuple(dictionaries or ()), include_negated=include_negated,
                  model=model, n_process=n_process)
    try:
        coder.actor_dictionary  # noqa: B018 - validate user files before reading any input
        coder.patterns  # noqa: B018
        coder.classifier  # noqa: B018
    except ValueError as exc:
        raise usage_error(str(exc)) from exc
    return coder


def results(inputs: list[str], coder, rep: Reporter, near_duplicates=None) -> Iterator:
    from eventlens.ingest import InputError, read_inputs

    for r in coder.run(read_inputs(inputs), near_duplicates=near_duplicates):
        if isinstance(r, InputError):
            rep.error(r.line())
        else:
            rep.doc_done(r.article.id)
            if r.article.duplicate_of and rep.verbose:
                rep.info(f"{r.article.id}: near-duplicate of {r.article.duplicate_of}; not coded")
            yield r


