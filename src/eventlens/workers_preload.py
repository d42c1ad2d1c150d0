"""Imported once by the `Coder(n_process=N)` pool's fork server (multiprocessing preload).

It pins BLAS/OpenMP pools to one thread (N workers share N cores) before numpy loads, then
loads and warms the default Coder: spaCy, dictionaries, classifier, gazetteer, language
identifier. Every pool worker is forked from this single-threaded server, so it starts warm
in milliseconds and shares those pages, instead of spending 10-20 s of CPU loading them
itself. Anything that fails here is simply loaded again by the worker (eventlens.workers).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

try:
    from eventlens import workers

    workers.coder_for(workers.CoderSpec())
except Exception:  # noqa: BLE001, S110 - best effort: workers load what is missing
    pass
