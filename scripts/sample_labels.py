"""Second check of the training labels (issue #5): draw a reproducible stratified sample,
hand a blind sheet (texts only, shuffled) to a checker, then score the checker's codes
against the original labels.

    python scripts/sample_labels.py sample --blind /tmp/blind.tsv
    python scripts/sample_labels.py merge --checker /tmp/checker.tsv
    python scripts/sample_labels.py score

The sample is stratified by CAMEO root (plus `null`) of the labels as they were before the
check (`label_fixes.tsv` lists every label the check changed, so they can be undone);
`check_sample.tsv` records which lines were drawn and how each was judged.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

SEED = 20261128
SIZE = 400
MIN_PER_STRATUM = 12
DATA = Path(__file__).resolve().parents[1] / "data" / "training"
CHECK = DATA / "check_sample.tsv"
FIXES = DATA / "label_fixes.tsv"
FIELDS = ["id", "sha1", "original", "checker", "adjudicated", "note"]
NULL = "null"


def rows() -> dict[str, dict]:
    """Every training sentence keyed `file:line` (1-based)."""
    out = {}
    for f in sorted(DATA.glob("*.jsonl")):
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out[f"{f.name}:{i}"] = json.loads(line)
    return out


def label(row: dict) -> str:
    return row.get("cameo") or NULL


def root(code: str) -> str:
    return code if code == NULL else code[:2]


def conflibert(code: str) -> str:
    """ConfliBERT's five classes, with `null` kept as a sixth."""
    if code == NULL:
        return NULL
    r = int(code[:2])
    for name, roots in (("01-02", {1, 2}), ("03-05", {3, 4, 5}), ("06-08", {6, 7, 8}),
                        ("09-13,16", {9, 10, 11, 12, 13, 16})):
        if r in roots:
            return name
    return "14-15,17-20"


def allocate(sizes: dict[str, int], total: int, floor: int) -> dict[str, int]:
    """Proportional allocation (largest remainder) with a floor per stratum."""
    whole = sum(sizes.values())
    base = {k: max(floor, total * n // whole) for k, n in sizes.items()}
    rest = sorted(sizes, key=lambda k: total * sizes[k] % whole, reverse=True)
    for k in rest[: max(0, total - sum(base.values()))]:
        base[k] += 1
    return base


def before_check(all_rows: dict[str, dict]) -> dict[str, str]:
    """Labels as they were when the sample was drawn: the check's own fixes undone."""
    labels = {key: label(row) for key, row in all_rows.items()}
    if FIXES.exists():
        for fix in read_check(FIXES):
            labels[fix["id"]] = fix["before"]
    return labels


def sample(all_rows: dict[str, dict]) -> list[str]:
    strata: dict[str, list[str]] = defaultdict(list)
    for key, code in before_check(all_rows).items():
        strata[root(code)].append(key)
    quota = allocate({k: len(v) for k, v in strata.items()}, SIZE, MIN_PER_STRATUM)
    rng = random.Random(SEED)
    picked = [k for s in sorted(strata) for k in rng.sample(strata[s], quota[s])]
    rng.shuffle(picked)  # the blind sheet must not reveal the strata by its order
    return picked


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read_check(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / n / n
    return (po - pe) / (1 - pe)


def wilson(k: int, n: int, z: float = 1.96) -> list[float]:
    """95% interval for an agreement rate: the sample is small, so say how sure we are."""
    p, d = k / n, 1 + z * z / n
    mid, half = (p + z * z / (2 * n)) / d, z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5 / d
    return [round(mid - half, 3), round(mid + half, 3)]


def agreement(a: list[str], b: list[str]) -> dict:
    n = len(a)
    hits = lambda f: sum(f(x) == f(y) for x, y in zip(a, b, strict=True))  # noqa: E731
    return {"n": n, "full": round(hits(str) / n, 3), "full_ci95": wilson(hits(str), n),
            "root": round(hits(root) / n, 3), "root_ci95": wilson(hits(root), n),
            "conflibert5": round(hits(conflibert) / n, 3),
            "kappa_root": round(kappa([root(x) for x in a], [root(y) for y in b]), 3)}


def cmd_sample(args: argparse.Namespace) -> None:
    all_rows = rows()
    with open(args.blind, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["n", "text"])  # a position, not `file:line`: the file names give roots away
        for n, key in enumerate(sample(all_rows), 1):
            w.writerow([n, all_rows[key]["text"]])


def cmd_merge(args: argparse.Namespace) -> None:
    if CHECK.exists() and not args.force:
        print(f"{CHECK}: exists and holds the adjudication notes; pass --force to overwrite",
              file=sys.stderr)
        sys.exit(2)
    all_rows = rows()
    before = before_check(all_rows)
    with open(args.checker, encoding="utf-8") as fh:
        mine = dict(line.rstrip("\n").split("\t")[:2] for line in fh if "\t" in line)
    with CHECK.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(FIELDS)
        for n, key in enumerate(sample(all_rows), 1):
            row = all_rows[key]
            w.writerow([key, sha1(row["text"]), before[key], mine[str(n)], label(row), ""])


def cmd_score(args: argparse.Namespace) -> None:
    check = read_check(CHECK)
    orig = [r["original"] for r in check]
    mine = [r["checker"] for r in check]
    adj = [r["adjudicated"] for r in check]
    nonnull = [i for i, (o, m) in enumerate(zip(orig, mine, strict=True)) if NULL not in (o, m)]
    conf = Counter((root(o), root(m)) for o, m in zip(orig, mine, strict=True) if root(o) != root(m))
    report = {
        "original_vs_checker": agreement(orig, mine),
        "original_vs_checker_both_events": agreement([orig[i] for i in nonnull],
                                                     [mine[i] for i in nonnull]),
        "adjudicated_vs_checker": agreement(adj, mine),
        "changed_by_adjudication": sum(o != a for o, a in zip(orig, adj, strict=True)),
        "root_agreement_by_stratum": {
            k: f"{sum(root(m) == k for o, m in zip(orig, mine, strict=True) if root(o) == k)}"
               f"/{sum(root(o) == k for o in orig)}" for k in sorted({root(o) for o in orig})},
        "root_disagreements": {f"{o}->{m}": c for (o, m), c in conf.most_common()},
    }
    print("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in report.items()) + "\n}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--blind", required=True)
    m = sub.add_parser("merge")
    m.add_argument("--checker", required=True)
    m.add_argument("--force", action="store_true")
    sub.add_parser("score")
    args = p.parse_args()
    {"sample": cmd_sample, "merge": cmd_merge, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    main()
