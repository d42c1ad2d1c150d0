"""The coder in worker processes: one warm Coder per process, tuned for one core each.

Used by `Coder(n_process=N)` (a pool of N local processes that run the whole per-document
flow, parse + actors + events) and by the Dask runner (`distributed.py`). What makes a worker
as fast per document as one plain process, measured in benchmarks/bench_dask_overhead.py:

- the Coder (spaCy, dictionaries, patterns, classifier) loads once per process, not per task;
- BLAS/OpenMP thread pools are pinned to one thread: N workers share N cores;
- glibc's adaptive malloc thresholds are kept. Dask's nanny starts workers with
  MALLOC_TRIM_THRESHOLD_=65536, and setting any threshold turns the adaptive mmap threshold
  off, so every array over 128 KiB that spaCy allocates is mmapped and unmapped again:
  ~4.5x the page faults and 12-15% more CPU per document. `tune_process` sets the thresholds
  back to the values glibc would adapt to.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventlens.model import Article, Event
    from eventlens.pipeline import Coder


@dataclass(frozen=True)
class CoderSpec:
    """What a worker needs to build its Coder; small, picklable and hashable."""

    dictionaries: tuple[str, ...] = ()
    include_negated: bool = False
    batch_size: int = 32
    model: str | None = None  # a classifier directory (`--model`); workers must see the path


def spec_of(coder: Coder) -> CoderSpec:
    return CoderSpec(coder.dictionaries, coder.include_negated, coder.batch_size, coder.model)


_CODERS: dict[CoderSpec, Coder] = {}
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (glibc malloc.h)
_MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit
_TRIM_THRESHOLD = 2 * _MMAP_THRESHOLD  # what the adaptive scheme sets with it


def coder_for(spec: CoderSpec) -> Coder:
    """The process's Coder for `spec`: spaCy and dictionaries load once per worker process."""
    coder = _CODERS.get(spec)
    if coder is None:
        from eventlens import nlp
        from eventlens.model import RawDocument
        from eventlens.pipeline import Coder, Result
        from eventlens.store import arrow

        coder = Coder(dictionaries=spec.dictionaries, include_negated=spec.include_negated,
                      batch_size=spec.batch_size, model=spec.model)
        coder.actor_dictionary, coder.patterns, coder.classifier  # noqa: B018 - load now
        nlp.load()
        # Code one tiny synthetic document so every lazily loaded part (models, tables,
        # the store's Arrow schema) is loaded when the worker starts, not in its first task.
        warm = RawDocument(id="warm-up", uri="warm-up", media_type="text/plain",
                           content="Kenya and Uganda signed a trade agreement in Nairobi.\n")
        done = [r for r in coder.run([warm]) if isinstance(r, Result)]
        arrow.articles_table([r.article for r in done])
        arrow.events_table([e for r in done for e in r.events], {})
        _CODERS[spec] = coder
    return coder


def tune_process() -> None:
    """Make this worker process use one core, and malloc as a plain process does."""
    if "MALLOC_TRIM_THRESHOLD_" in os.environ and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6")
            libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
            libc.mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)
        except (OSError, AttributeError):  # not glibc: nothing to undo
            pass
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)  # BLAS and OpenMP pools already loaded (numpy, scipy)
    except ImportError:  # pragma: no cover - a dependency of scikit-learn
        pass
    if "torch" in sys.modules:  # loaded by thinc when installed; never imported here
        sys.modules["torch"].set_num_threads(1)


def init_worker(spec: CoderSpec) -> None:
    """A pool process's initializer: load the Coder, then pin threads (after every import)."""
    coder_for(spec)
    tune_process()


def code_articles(spec: CoderSpec, articles: list[Article]) -> list[list[Event]]:
    """Parse and code a chunk of cleaned articles in a worker (the pool's task)."""
    return coder_for(spec).code_articles(articles)


def pool_context():
    """A fork server that has loaded the default Coder (eventlens.workers_preload): workers
    fork from it warm, and it is single-threaded, so forking is safe even when this process
    runs threads (DuckDB's, Dask's). Spawn where there is no fork server (Windows)."""
    import multiprocessing as mp

    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["eventlens.workers_preload"])  # no effect once it runs
    return ctx


_POOLS: dict[tuple[CoderSpec, int], ProcessPoolExecutor] = {}


def pool(spec: CoderSpec, n_process: int) -> ProcessPoolExecutor:
    """This process's pool of `n_process` warm workers for `spec`, started on first use and
    kept, so later runs do not load spaCy again; another spec replaces it (one pool at a time)."""
    key = (spec, n_process)
    if key not in _POOLS:
        shutdown_pools()
        ex = ProcessPoolExecutor(n_process, mp_context=pool_context(), initializer=init_worker,
                                 initargs=(spec,))
        # Start all N now (a pool of forkserver processes otherwise grows one per waiting
        # task, so the last would load mid-run): each submit finds no idle worker and spawns.
        try:
            for fut in [ex.submit(os.getpid) for _ in range(n_process)]:
                fut.result()
        except BaseException:  # e.g. a worker could not load the coder
            ex.shutdown(wait=False, cancel_futures=True)
            raise
        _POOLS[key] = ex
    return _POOLS[key]


@atexit.register
def shutdown_pools() -> None:
    """Stop the worker processes (at exit, or to free their memory)."""
    while _POOLS:
        _POOLS.popitem()[1].shutdown(wait=True, cancel_futures=True)


def map_ordered(spec: CoderSpec, chunks: Iterable[tuple[object, list[Article]]], n_process: int
                ) -> Iterator[tuple[object, list[list[Event]]]]:
    """Code chunks of articles in `n_process` processes, yielding (tag, events) in input order.

    At most 2 * n_process + 1 chunks are in flight, so memory stays bounded on any input.
    A chunk without articles is passed through without a round trip. If a worker dies, the
    pool is dropped (the next run starts a new one) and the error propagates."""
    window = 2 * n_process + 1
    ex = pool(spec, n_process)
    pending: deque[tuple[object, Future | None]] = deque()
    try:
        for tag, arts in chunks:
            pending.append((tag, ex.submit(code_articles, spec, arts) if arts else None))
            while len(pending) > window or (pending and _ready(pending[0][1])):
                yield _pop(pending)
        while pending:
            yield _pop(pending)
    except BrokenProcessPool:
        _POOLS.pop((spec, n_process), None)
        ex.shutdown(wait=False, cancel_futures=True)
        raise
    finally:  # closed early (or failed): do not code what nobody will read
        for _, fut in pending:
            if fut is not None:
                fut.cancel()


def _ready(fut: Future | None) -> bool:
    return fut is None or fut.done()


def _pop(pending: deque[tuple[object, Future | None]]) -> tuple[object, list[list[Event]]]:
    tag, fut = pending.popleft()
    return tag, (fut.result() if fut is not None else [])
