"""The eventlens command line (Typer): one thin function a command, one module an area.

Exit codes: 0 all inputs fine, 1 some inputs failed (the rest were still processed),
2 usage error (bad option, unreadable dictionary or gold file, missing database).
"""

from __future__ import annotations

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data (CAMEO/PLOVER) from news text: who did what to whom, when.",
    pretty_exceptions_enable=False,
)

# Each module registers its commands on `app` when imported.
from eventlens.cli import clean, code, evaluate, ingest, query, train  # noqa: E402, F401


def main() -> None:
    app()
