"""The learned decider: a sentence classifier over CAMEO roots (or any label set it was
trained on, e.g. ConfliBERT's five classes), giving recall where no pattern fires and a
second opinion where one does.

The shipped model is trained from our own labelled sentences in data/training/ (never from
gold data) the first time it is needed, then cached under ~/.cache/eventlens keyed by the
training data, so every machine builds the same model from the same files. `eventlens train`
fits the same kind of model on a user's gold file; `--model DIR` loads it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventlens.paths import data_dir

NONE = "none"
# A representative CAMEO code for each label a model may predict.
ROOT_CODE = {f"{i:02d}": f"{i:02d}0" for i in range(1, 21)}
FIVE_CODE = {"0": "020", "1": "040", "2": "070", "3": "110", "4": "190"}
# For models trained on PLOVER types: a representative CAMEO code per type (early names too).
PLOVER_CODE = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "0874", "REQUEST": "020", "DEMAND": "100", "ACCUSE": "112",
    "DISAPPROVE": "110", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "163", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "180", "FIGHT": "190",
    "INVESTIGATE": "090",
}  # fmt: skip
_ROOT_TO_FIVE = {
    "01": "0", "02": "0", "03": "1", "04": "1", "05": "1", "06": "2", "07": "2", "08": "2",
    "09": "3", "10": "3", "11": "3", "12": "3", "13": "3", "16": "3",
    "14": "4", "15": "4", "17": "4", "18": "4", "19": "4", "20": "4",
}  # fmt: skip


@dataclass
class SentenceClassifier:
    """A fitted scikit-learn pipeline and what its labels mean ("root" or "five")."""

    model: object
    scheme: str

    @property
    def labels(self) -> list[str]:
        return [str(c) for c in self.model.classes_]

    def proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        rows = self.model.predict_proba(list(texts))
        return [dict(zip(self.labels, map(float, r), strict=True)) for r in rows]

    def code_for(self, label: str) -> str:
        return {"root": ROOT_CODE, "five": FIVE_CODE, "plover": PLOVER_CODE}[self.scheme][label]

    def group(self, root: str) -> str | None:
        """The label under which this model scores a CAMEO root."""
        if self.scheme == "root":
            return root
        if self.scheme == "five":
            return _ROOT_TO_FIVE.get(root)
        from eventlens.ontology import cameo

        entry = cameo.lookup(root + "0") or cameo.lookup(root)
        return entry.plover_event if entry else None

    def save(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        backend = "linear"
        if hasattr(self.model, "save"):  # the fine-tuned encoder saves itself
            backend = "minilm"
            self.model.save(out)
        else:
            import joblib

            joblib.dump(self.model, out / "model.joblib")
        (out / "meta.json").write_text(json.dumps(
            {"scheme": self.scheme, "labels": self.labels, "backend": backend}))


def _pipeline():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2,
                        max_features=150_000),
    )
    return make_pipeline(features, LogisticRegression(C=5.0, max_iter=3000))


def fit(texts: Sequence[str], labels: Sequence[str], scheme: str, backend: str = "linear",
        epochs: int = 4) -> SentenceClassifier:
    """Fit a classifier: `linear` (TF-IDF + logistic regression, seconds) or `minilm`
    (fine-tuned sentence encoder, minutes; needs the `learned` extra)."""
    if backend == "minilm":
        from eventlens.events import finetune

        return SentenceClassifier(finetune.fit(texts, labels, epochs=epochs), scheme)
    model = _pipeline()
    model.fit(list(texts), [str(x) for x in labels])
    return SentenceClassifier(model, scheme)


def load(path: Path) -> SentenceClassifier:
    """A model directory, with its own confidence calibration when `train` fitted one."""
    from eventlens.events import calibration

    clf = _load(path)
    clf.calibration = calibration.load_dir(path)  # None: the shipped map applies
    return clf


def _load(path: Path) -> SentenceClassifier:
    meta = json.loads((path / "meta.json").read_text())
    if meta.get("backend") == "minilm":
        from eventlens.events.finetune import MiniLM

        return SentenceClassifier(MiniLM.load(path), meta["scheme"])
    import joblib

    return SentenceClassifier(joblib.load(path / "model.joblib"), meta["scheme"])


def training_files() -> list[Path]:
    return sorted((data_dir() / "training").glob("*.jsonl"))


def read_training(files: Iterable[Path]) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(row["cameo"][:2] if row.get("cameo") else NONE)
    return texts, labels


def _cache_dir() -> Path:
    base = os.environ.get("EVENTLENS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "eventlens")
    return Path(base)


@cache
def default() -> SentenceClassifier:
    """Our model, from data/training; trained once per training-data version and cached."""
    import sklearn

    files = training_files()
    h = hashlib.sha1(sklearn.__version__.encode())
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    path = _cache_dir() / f"root-{h.hexdigest()[:12]}"
    if (path / "meta.json").exists():
        try:
            return load(path)
        except Exception:  # a corrupt or incompatible cache is rebuilt, never fatal
            pass
    texts, labels = read_training(files)
    clf = fit(texts, labels, "root")
    with contextlib.suppress(OSError):  # a read-only home: use the model uncached
        clf.save(path)
    return clf
