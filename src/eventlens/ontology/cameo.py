"""CAMEO codes from our own table `data/ontology/cameo.tsv`.

Each code carries its name, Goldstein score, GDELT quad class and PLOVER event/mode/context.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from eventlens.paths import data_dir

# ConfliBERT's five classes, used by the cameo-class gold set and our classifier.
FIVE_CLASS = {
    "01": 0, "02": 0,
    "03": 1, "04": 1, "05": 1,
    "06": 2, "07": 2, "08": 2,
    "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3,
    "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}  # fmt: skip
FIVE_CLASS_NAMES = (
    "statement/appeal", "verbal cooperation", "material cooperation",
    "verbal conflict", "material conflict",
)  # fmt: skip


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    description: str

    @property
    def root(self) -> str:
        return self.code[:2]


def quad_class_of(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@cache
def table() -> dict[str, CameoCode]:
    path = data_dir() / "ontology" / "cameo.tsv"
    out: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code = row["code"].strip()
            ctx = tuple(c.strip() for c in (row.get("plover_context") or "").split(",") if c.strip())
            out[code] = CameoCode(
                code=code,
                name=row["name"].strip(),
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_event=(row.get("plover_event") or "").strip() or None,
                plover_mode=(row.get("plover_mode") or "").split(",")[0].strip() or None,
                plover_context=ctx,
                description=(row.get("description") or "").strip(),
            )
    return out


def lookup(code: str) -> CameoCode | None:
    """The entry for a code, falling back to its 3-digit parent and root when absent."""
    t = table()
    for c in (code, code[:3], code[:2]):
        if c in t:
            return t[c]
    return None


def name(code: str) -> str:
    entry = table().get(code)
    return entry.name if entry else code
