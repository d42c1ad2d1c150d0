"""`eventlens train`: fit the learned classifier on a user's gold data."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import usage_error

# Idle OpenMP threads sleep instead of spinning: on a shared 2-core machine spinning torch
# threads starve each other (fine-tuning ran 5-10x slower). Only read when torch loads, which
# no command does before this module is imported; a user's own setting wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


# The recipe measured best on shifted held-out data (see training.py); minutes on 2 cores.
EPOCHS, SEEDS, OURS_WEIGHT = 4, 1, 0.5


class TrainFormat(StrEnum):
    cameo_class = "cameo-class"
    plover_gsr = "plover-gsr"
    eventlens_jsonl = "eventlens-jsonl"


class Backend(StrEnum):
    auto = "auto"
    minilm = "minilm"
    linear = "linear"


@app.command()
def train(
    gold: Annotated[Path, typer.Option("--gold", help="Labelled sentences to learn from.")],
    format: Annotated[TrainFormat, typer.Option("--format", "-f")],
    out: Annotated[Path, typer.Option("--out", help="Model directory to write.")],
    backend: Annotated[Backend, typer.Option(
        help="minilm fine-tunes a sentence encoder (minutes); linear is TF-IDF (seconds).")
    ] = Backend.auto,
    epochs: Annotated[int, typer.Option(min=1, max=50, help="Epochs for minilm.")] = EPOCHS,
    seeds: Annotated[int, typer.Option(
        min=1, max=10, help="minilm: average this many models trained with different seeds.")
    ] = SEEDS,
    ours_weight: Annotated[float, typer.Option(
        "--ours-weight", min=0.0, max=1.0,
        help="Add eventlens's own labelled sentences, mapped to your labels, with this loss "
             "weight (0: your data only).")
    ] = OURS_WEIGHT,
) -> None:
    """Adapt the learned classifier to your own gold data; use it with --model DIR."""
    from eventlens.events import training

    if not gold.exists():
        raise usage_error(f"{gold}: no such gold file")
    try:
        info = training.train(gold, format.value, out, backend.value, epochs, seeds, ours_weight)
    except (OSError, ValueError) as exc:
        raise usage_error(f"{gold}: cannot train ({exc})") from exc
    json.dump(info, sys.stdout, indent=2)
    sys.stdout.write("\n")
