"""`eventlens ingest`: code events and store them in DuckDB, idempotently."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    Db,
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
    usage_error,
)


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = Path("events.duckdb"),
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Documents per transaction (and per Dask partition).")] = 64,
    include_negated: IncludeNegated = False,
    dictionary: Dictionaries = None,
    model: Model = None,
    n_process: NProcess = 1,
    quiet: Quiet = False,
    verbose: Verbose = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, max=1024,
        help="Code on a local Dask cluster of N worker processes.")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Code on an existing Dask cluster, e.g. tcp://host:8786.")] = None,
    out: Annotated[str | None, typer.Option(
        "--out", help="Write a Parquet dataset (articles/, events/) to this local directory "
                      "instead of the database.")] = None,
) -> None:
    """Code events and store them; re-running on the same input adds nothing."""
    from eventlens.store import duck

    if workers is not None or scheduler is not None or out is not None:
        if n_process > 1:
            raise usage_error("--n-process is for one machine without Dask; "
                              "give --workers N for a local Dask cluster instead")
        coder = make_coder(dictionary, include_negated, model)
        _partitioned(inputs, db, batch_size, coder, quiet, verbose, workers, scheduler, out)
        return
    coder = make_coder(dictionary, include_negated, model, n_process)
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

    from eventlens.store import neardup

    try:
        # Copies of articles stored by earlier runs are recognised and not coded again.
        for r in results(inputs, coder, rep, near_duplicates=neardup.index(con)):
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


def _partitioned(inputs: list[str], db: Path, size: int, coder, quiet: bool, verbose: bool,
                 workers: int | None, scheduler: str | None, out: str | None) -> None:
    """Ingest in partitions of `size` documents: on Dask, and/or into a Parquet dataset.

    Each partition is one transaction (or one pair of Parquet files), stored as soon as it
    completes anywhere on the cluster, so the progress bar spans the cluster."""
    from eventlens import distributed as dist
    from eventlens.ingest import read_inputs
    from eventlens.store import duck

    if workers is not None and scheduler is not None:
        raise usage_error("give --workers or --scheduler, not both")
    if out is not None:
        if "://" in out and not out.startswith("file://"):
            raise usage_error(f"--out {out}: only a local directory is supported; write it "
                              "locally and copy it (see README, Running at scale)")
        out = str(Path(out.removeprefix("file://")).resolve())
        try:
            Path(out).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise usage_error(f"--out {out}: {exc}") from exc
    with ExitStack() as stack:
        con = None
        if out is None:
            try:
                con = duck.connect(db)
            except duck.SchemaError as exc:
                raise usage_error(str(exc)) from exc
            stack.callback(con.close)
        if workers is None and scheduler is None:
            outcomes = dist.run_local(read_inputs(inputs), coder, size, out)
        else:
            try:
                client = stack.enter_context(dist.cluster_client(workers, scheduler, not verbose))
            except ImportError as exc:
                raise usage_error(f"--workers/--scheduler need Dask ({exc}); "
                                  "pip install distributed") from exc
            except OSError as exc:
                raise usage_error(f"cannot start or reach the Dask cluster: {exc}") from exc
            outcomes = dist.run(read_inputs(inputs), dist.spec_of(coder), client, size, out)
        rep = Reporter(quiet, verbose, f"ingesting into {out or db}")
        stack.callback(rep.close)
        added_a = added_e = skipped = 0
        for o in outcomes:
            if isinstance(o, dist.InputError | dist.Failed):
                rep.error(o.line())
                continue
            for err in o.errors:
                rep.error(err.line())
            if con is not None and o.articles is not None:
                a, e = duck.write_arrow(con, o.articles, o.events)
                skipped += len(o.doc_ids) - a
            else:
                a, e = len(o.doc_ids), o.n_events
            added_a, added_e = added_a + a, added_e + e
            for doc_id in o.doc_ids:
                rep.doc_done(doc_id)
    where = out if out is not None else db
    rep.info(f"eventlens: {added_a} articles and {added_e} events "
             f"{'written to' if out is not None else 'added to'} {where}; "
             + ("" if out is not None else f"{skipped} articles already stored; ")
             + f"{rep.errors} inputs failed")
    raise typer.Exit(rep.exit_code)
