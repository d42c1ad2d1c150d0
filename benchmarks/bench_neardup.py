"""Near-duplicate detection on a generated corpus with planted copies (benchmark, not a test).

The corpus is synthetic (written by this script from templates): distinct articles, some of
them about the same event (same actors, place and lead, different wording: must NOT be
flagged), and planted syndicated copies of earlier articles with light edits (a changed
sentence, a reworded headline, wire boilerplate added, a few words changed: must be flagged,
pointing at their original). Every document goes through the real reader-less path:
RawDocument -> clean -> NearDuplicates.check_and_add.
Writes benchmarks/results/neardup.json with precision and recall (target: both >= 0.95).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ["Kenya", "Tanzania", "Uganda", "Rwanda", "Ethiopia", "Somalia", "Sudan", "Egypt",
          "the government", "the opposition", "rebel forces", "the army", "police",
          "the ruling party", "union leaders", "the central bank", "the United Nations"]
VERBS = ["accused", "criticised", "praised", "met", "warned", "threatened", "urged",
         "signed an agreement with", "held talks with", "sanctioned", "attacked", "supported"]
TOPICS = ["over the border dispute", "about fuel prices", "on trade tariffs", "over the election",
          "about refugee camps", "on the new constitution", "over water rights",
          "about the debt deal", "on security cooperation", "over mining licences"]
PLACES = ["Nairobi", "Dodoma", "Kampala", "Kigali", "Addis Ababa", "Mogadishu", "Khartoum",
          "Cairo", "Arusha", "Mombasa", "Goma", "Juba"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend"]
TAILS = ["officials said", "according to a statement", "witnesses told reporters",
         "the ministry said in a statement", "state media reported", "a spokesman said"]
EXTRA = ["Talks are expected to resume next month.", "The move drew criticism from neighbours.",
         "Markets reacted calmly to the news.", "Analysts expect further tension.",
         "Diplomats called for restraint from both sides.", "No casualties were reported."]
BOILER = ["(Reporting by Wire Staff; Editing by Desk Editor)",
          "Copyright 2024 Synthetic Wire Service. All rights reserved.",
          "Click here to subscribe to our daily briefing.",
          "Follow our live coverage for updates."]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(ACTORS, 2)
    s = (f"{a[0].upper() + a[1:]} {rng.choice(VERBS)} {b} {rng.choice(TOPICS)} in "
         f"{rng.choice(PLACES)} {rng.choice(DAYS)}, {rng.choice(TAILS)}.")
    return s if rng.random() < 0.7 else f"{s} {rng.choice(EXTRA)}"


def article(rng: random.Random, lead: str | None = None) -> tuple[str, list[list[str]]]:
    n_par = rng.choice([3, 5, 8, 10, 12])
    paras = [[sentence(rng) for _ in range(rng.randint(2, 4))] for _ in range(n_par)]
    if lead:
        paras[0][0] = lead
    headline = " ".join(" ".join(rng.choice(ACTORS + PLACES + TOPICS).split()[:3]) for _ in range(3))
    return headline.title() + " talks", paras


def render(headline: str, paras: list[list[str]]) -> str:
    return headline + "\n\n" + "\n\n".join(" ".join(p) for p in paras) + "\n"


def near_copy(rng: random.Random, headline: str, paras: list[list[str]]) -> tuple[str, list]:
    """One to three light edits of an article, as a syndicating outlet makes them."""
    paras = [list(p) for p in paras]
    edits = rng.sample(["sentence", "headline", "boilerplate", "words"], rng.randint(1, 3))
    if "sentence" in edits:
        p = rng.randrange(len(paras))
        paras[p][rng.randrange(len(paras[p]))] = sentence(rng)
    if "headline" in edits:
        headline = "UPDATE 1-" + headline.replace("talks", "row deepens")
    if "boilerplate" in edits:
        paras.append([rng.choice(BOILER)])
        paras.insert(0, [rng.choice(PLACES).upper() + " (Synthetic Wire) -"])
    if "words" in edits:
        for _ in range(3):
            p = rng.randrange(len(paras))
            s = rng.randrange(len(paras[p]))
            paras[p][s] = paras[p][s].replace(" said", " stated").replace(" in ", " in the city of ")
    return headline, paras


def corpus(seed: int, n_orig: int, n_dup: int, n_same_event: int):
    """Documents in order, with truth: the index of the original each copy copies, or None."""
    rng = random.Random(seed)
    docs: list[tuple[str, str, str | None]] = []
    originals: list[tuple[str, str, list]] = []
    kinds = ["orig"] * n_orig + ["dup"] * n_dup + ["event"] * n_same_event
    rng.shuffle(kinds)
    kinds = ["orig", *kinds]
    for i, kind in enumerate(kinds):
        doc_id = f"d{i}"
        if kind == "dup" and originals:
            oid, head, paras = rng.choice(originals)
            h2, p2 = near_copy(rng, head, paras)
            docs.append((doc_id, render(h2, p2), oid))
        elif kind == "event" and originals:
            _, _, paras = rng.choice(originals)
            head, new = article(rng, lead=paras[0][0])  # same event, same lead, own wording
            docs.append((doc_id, render(head, new), None))
        else:
            head, paras = article(rng)
            originals.append((doc_id, head, paras))
            docs.append((doc_id, render(head, paras), None))
    return docs


def main() -> int:
    from eventlens.clean import clean
    from eventlens.clean.neardup import NearDuplicates
    from eventlens.model import Article, RawDocument

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--originals", type=int, default=2000)
    ap.add_argument("--duplicates", type=int, default=600)
    ap.add_argument("--same-event", type=int, default=400)
    ap.add_argument("--threshold", type=float, default=0.7)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "neardup.json")
    args = ap.parse_args()

    docs = corpus(args.seed, args.originals, args.duplicates, args.same_event)
    index = NearDuplicates(threshold=args.threshold)
    tp = fp = fn = wrong_original = 0
    t = time.perf_counter()
    for doc_id, text, truth in docs:
        art = clean(RawDocument(id=doc_id, uri=doc_id, content=text, media_type="text/plain"))
        assert isinstance(art, Article), art
        found = index.check_and_add(art)
        if found and truth:
            tp += 1
            wrong_original += found != truth
        elif found:
            fp += 1
        elif truth:
            fn += 1
    seconds = time.perf_counter() - t
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    result = {
        "documents": len(docs), "planted_duplicates": tp + fn, "same_event_distinct": args.same_event,
        "threshold": args.threshold, "true_positives": tp, "false_positives": fp,
        "false_negatives": fn, "linked_to_wrong_original": wrong_original,
        "precision": round(precision, 4), "recall": round(recall, 4),
        "target": 0.95, "pass": precision >= 0.95 and recall >= 0.95,
        "seconds_clean_and_check": round(seconds, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
