"""PLOVER gold-standard records (OEDA GSR JSON): event type, actor countries and sectors.

Per record, the sentence is coded and its highest-confidence event compared with the gold:
- event type: gold names from early PLOVER are mapped (DEMAND -> REQUEST, DISAPPROVE ->
  ACCUSE); FIGHT and ASSAULT are scored strictly (our CAMEO root 19 counts as FIGHT, and
  root 09 as INVESTIGATE, the early names) and, reported separately, merged;
- source/target country: first three letters of the code (JAP=JPN, ITL=ITA, VTN=VNM), right
  when it matches any of the gold actors on that side, over records whose gold has one;
- sector: over gold actors that carry a sector.
"""

from __future__ import annotations

import json
from pathlib import Path

from eventlens.evaluate.metrics import classification, reliability
from eventlens.evaluate.sentences import code_sentences, main_event
from eventlens.model import Event, Mention

_RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}
_COUNTRY_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def read(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(r, dict) and "text" in r for r in data):
        raise ValueError(f"{path}: expected a JSON list of records with 'text'")
    return data


def _actors(side) -> list[dict]:
    return [a for a in side if isinstance(a, dict) and a.get("code")] if isinstance(side, list) else []


def _cc(code: str | None) -> str | None:
    if not code:
        return None
    c = code[:3].upper()
    return _COUNTRY_FIX.get(c, c)


def gold_type(rec: dict) -> str:
    t = (rec.get("event") or "").upper()
    return _RENAME.get(t, t)


def predicted_type(ev: Event | None, strict: bool) -> str:
    if ev is None:
        return "none"
    if strict and ev.cameo_root == "19":
        return "FIGHT"
    if strict and ev.cameo_root == "09":
        return "INVESTIGATE"
    return ev.plover.event or "none"


def _merge(t: str) -> str:
    return "ASSAULT" if t == "FIGHT" else t


def _mention_cc(m: Mention | None) -> str | None:
    return _cc(m.code if m and m.code else (m.country if m else None))


def score(records: list[dict], coder) -> dict:
    texts = [r["text"].strip().strip("{}") for r in records]
    mains = [main_event(evs) for evs in code_sentences(texts, coder)]
    gold = [gold_type(r) for r in records]
    strict = [predicted_type(e, True) for e in mains]
    labels = sorted(set(gold))
    out = {"n": len(records)}
    out["event_type"] = classification(gold, strict, labels)
    merged_labels = sorted({_merge(g) for g in gold})
    out["event_type_fight_assault_merged"] = classification(
        [_merge(g) for g in gold], [_merge(p) for p in strict], merged_labels)
    for side in ("source", "target"):
        right = total = sec_right = sec_total = 0
        for rec, ev in zip(records, mains, strict=True):
            golds = _actors(rec.get(side))
            if not golds:
                continue
            total += 1
            m = getattr(ev, side) if ev else None
            ours = _mention_cc(m)
            right += ours is not None and ours in {_cc(a["code"]) for a in golds}
            sectored = [a for a in golds if a.get("sector")]
            if sectored:
                sec_total += 1
                sec_right += bool(m and m.sector) and m.sector in {a["sector"] for a in sectored}
        out[f"{side}_country_accuracy"] = round(right / total, 4) if total else None
        out[f"{side}_n"] = total
        out[f"{side}_sector_accuracy"] = round(sec_right / sec_total, 4) if sec_total else None
        out[f"{side}_sector_n"] = sec_total
    out["no_event"] = sum(e is None for e in mains)
    # Is the main event's (strict) PLOVER type right, per confidence bin.
    coded = [(e.confidence, p == g) for e, p, g in zip(mains, strict, gold, strict=True) if e]
    out["reliability"] = reliability([c for c, _ in coded], [ok for _, ok in coded])
    return out
