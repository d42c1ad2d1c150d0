"""The Dask runner: the same pipeline on a cluster, one bounded partition of documents a task.

Documents are read on the client and sent in partitions; each worker process loads spaCy and
the dictionaries once (a worker plugin warms a per-process cached `Coder`), codes a whole
partition and turns it into Arrow tables with the store's own schema (`store.arrow`). Those
come back to the client, which stores them with `duck.write_arrow` (what `write_batch` does
after building the same tables), or, with `out`, the worker writes them as one pair of Parquet
files and only a small summary travels back. A partition that fails is retried by Dask and
then reported as one error, never taking the other partitions with it. Event ids are stable
hashes, so the same input coded anywhere gives the same events.
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventlens.ingest.errors import InputError
from eventlens.model import RawDocument
from eventlens.pipeline import Coder, Result
from eventlens.workers import CoderSpec as CoderSpec  # re-exported for callers
from eventlens.workers import coder_for, tune_process
from eventlens.workers import spec_of as spec_of

RETRIES = 2


@dataclass
class Done:
    """A coded partition: Arrow tables of its articles and events (None when the worker
    wrote them to Parquet itself), the ids of its articles and its per-document errors."""

    index: int
    n_docs: int
    n_events: int
    articles: pa.Table | None
    events: pa.Table | None
    doc_ids: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


@dataclass(frozen=True)
class Failed:
    """A partition that failed after its retries: one error line for all its documents."""

    index: int
    n_docs: int
    first_id: str
    last_id: str
    reason: str

    def line(self) -> str:
        return (f"eventlens: error: partition {self.index} ({self.n_docs} documents, "
                f"{self.first_id} .. {self.last_id}): {self.reason}")


Outcome = Done | Failed | InputError


def code_partition(spec: CoderSpec, index: int, docs: list[RawDocument],
                   out: str | None = None) -> Done:
    """Code one partition on a worker (the Dask task)."""
    return _code(coder_for(spec), index, docs, out)


def _code(coder: Coder, index: int, docs: list[RawDocument], out: str | None) -> Done:
    from eventlens.store import arrow

    results: list[Result] = []
    errors: list[InputError] = []
    for r in coder.run(docs):
        (errors if isinstance(r, InputError) else results).append(r)
    articles = [r.article for r in results]
    events = [e for r in results for e in r.events]
    art = arrow.articles_table(articles)
    ev = arrow.events_table(events, {a.id: a.site for a in articles})
    ids = [a.id for a in articles]
    if out is not None:
        write_parquet(out, index, art, ev)
        return Done(index, len(docs), len(events), None, None, ids, errors)
    return Done(index, len(docs), len(events), art, ev, ids, errors)


def write_parquet(out: str, index: int, articles: pa.Table, events: pa.Table) -> None:
    """Write one partition as articles/part-N.parquet and events/part-N.parquet.

    Each file is written under a temporary name and renamed, so a worker killed mid-write
    never leaves a truncated part behind; a retried partition simply replaces its files."""
    import pyarrow.parquet as pq

    for name, table in (("articles", articles), ("events", events)):
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{index:05d}.parquet"
        tmp = folder / f".{final.name}.{uuid.uuid4().hex}.tmp"
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, final)


def partitions(items: Iterable[RawDocument | InputError], size: int
               ) -> Iterator[list[RawDocument] | InputError]:
    """Group documents into lists of at most `size`; read errors pass through at once."""
    part: list[RawDocument] = []
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def run_local(items: Iterable[RawDocument | InputError], coder: Coder, size: int,
              out: str | None = None) -> Iterator[Outcome]:
    """The same partitioned flow in this process (no Dask): used for `--out` alone."""
    index = 0
    for part in partitions(items, size):
        if isinstance(part, InputError):
            yield part
            continue
        try:
            yield _code(coder, index, part, out)
        except Exception as exc:  # one bad partition must not stop the others
            yield _failed(index, part, exc)
        index += 1


def run(items: Iterable[RawDocument | InputError], spec: CoderSpec, client: Any, size: int,
        out: str | None = None, max_in_flight: int | None = None) -> Iterator[Outcome]:
    """Code documents on a Dask cluster, yielding each partition's outcome as it completes.

    At most `max_in_flight` partitions are submitted and not yet collected (default: twice
    the cluster's threads, plus two), so the client never holds the whole corpus."""
    from distributed import as_completed

    if max_in_flight is None:
        max_in_flight = 2 * max(1, sum(client.nthreads().values())) + 2
    name = "eventlens-coder-" + hashlib.sha1(repr(spec).encode()).hexdigest()[:12]
    client.register_plugin(CoderPlugin(spec), name=name)
    pending: dict[Any, tuple[int, list[RawDocument]]] = {}
    done_iter = as_completed()
    index = 0
    source = partitions(items, size)
    exhausted = False

    def submit_more() -> Iterator[InputError]:
        nonlocal index, exhausted
        while not exhausted and len(pending) < max_in_flight:
            part = next(source, None)
            if part is None:
                exhausted = True
            elif isinstance(part, InputError):
                yield part
            else:
                fut = client.submit(code_partition, spec, index, part, out, retries=RETRIES,
                                    key=f"eventlens-partition-{index}-{uuid.uuid4().hex[:8]}",
                                    pure=False)
                pending[fut] = (index, part)
                done_iter.add(fut)
                index += 1

    yield from submit_more()
    while pending:
        fut = next(done_iter)
        i, part = pending.pop(fut)
        try:  # a result lost with its worker is recomputed: result() waits for it
            outcome: Outcome = fut.result()
        except Exception as exc:
            outcome = _failed(i, part, exc)
        yield outcome
        fut.release()
        yield from submit_more()


def _failed(index: int, part: list[RawDocument], exc: BaseException | None) -> Failed:
    reason = f"{type(exc).__name__}: {exc}" if exc is not None else "failed"
    reason = " ".join(reason.split())[:300]
    return Failed(index, len(part), part[0].id, part[-1].id, reason)


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - dask is only needed with --workers/--scheduler
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class CoderPlugin(_WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads spaCy and the dictionaries when a worker starts (restarted ones too), and tunes
    the process (one BLAS thread, glibc's adaptive malloc: see eventlens.workers)."""

    def __init__(self, spec: CoderSpec) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        coder_for(self.spec)
        tune_process()


@contextmanager
def cluster_client(workers: int | None = None, scheduler: str | None = None,
                   quiet_logs: bool = True) -> Iterator[Any]:
    """A Dask client: to `scheduler`, or to a new LocalCluster of `workers` processes.

    Local workers get one thread each (spaCy and the coder are CPU-bound Python; processes,
    not threads, scale them) and BLAS/OpenMP pinned to one thread, as Dask's nanny does."""
    from distributed import Client, LocalCluster

    level = logging.CRITICAL if quiet_logs else logging.WARNING
    if quiet_logs:
        for name in ("distributed", "distributed.nanny", "distributed.scheduler",
                     "distributed.worker", "distributed.core", "tornado"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    if scheduler:
        with Client(scheduler, timeout="30s") as client:
            yield client
        return
    import dask

    with (
        dask.config.set(LOCAL_CONFIG),
        LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                     dashboard_address=":0", silence_logs=level) as cluster,
        Client(cluster) as client,
    ):
        yield client


# What a local cluster changes in Dask's defaults, each measured on 2 cores
# (benchmarks/bench_dask_overhead.py): the dashboard we do not start is fed by a statistical
# profiler sampling the coding thread every 10 ms, and by monitors polling every 20-500 ms;
# together ~7% of a core while idle, ~1% with these intervals. The nanny's
# MALLOC_TRIM_THRESHOLD_ costs 12-15% CPU per document (see eventlens.workers); unset, the
# workers allocate as a plain process does. Workers still restart and report memory.
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
