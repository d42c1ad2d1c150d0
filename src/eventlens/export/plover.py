"""PLOVER/POLECAT-style JSON lines: one de-duplicated event a line, only events that have a
PLOVER type. Field names follow the PLOVER specification (actor, recipient, event, mode,
contexts, location) with POLECAT's extras (counts, source sentence, url)."""

from __future__ import annotations

import json
from pathlib import Path

from eventlens.export.common import as_date, blank, text
from eventlens.ontology import cameo
from eventlens.store import queries


def _actor(ev: dict, side: str) -> dict | None:
    if blank(ev[f"{side}_code"]):
        return None
    return {"code": text(ev[f"{side}_code"]), "name": text(ev[f"{side}_name"]) or None,
            "country": text(ev[f"{side}_country"]) or None,
            "sector": text(ev[f"{side}_sector"]) or None}


def record(ev: dict) -> dict:
    entry = cameo.lookup(text(ev["cameo"]))
    d = as_date(ev["event_date"])
    loc = None
    if not blank(ev["location_name"]):
        loc = {"placename": text(ev["location_name"]),
               "country": text(ev["location_country"]) or None,
               "admin1": text(ev["location_admin1"]) or None,
               "lat": None if blank(ev["location_lat"]) else float(ev["location_lat"]),
               "lon": None if blank(ev["location_lon"]) else float(ev["location_lon"]),
               "precision": text(ev["location_precision"]) or None}
    return {
        "id": text(ev["event_id"]),
        "date": d.isoformat() if d else None,
        "actor": _actor(ev, "source"),
        "recipient": _actor(ev, "target"),
        "event": text(ev["plover_event"]),
        "mode": text(ev["plover_mode"]) or None,
        "contexts": list(entry.plover_context) if entry else [],
        "quad_class": None if blank(ev["quad_class"]) else int(ev["quad_class"]),
        "cameo": text(ev["cameo"]),
        "goldstein": None if blank(ev["goldstein"]) else float(ev["goldstein"]),
        "location": loc,
        "num_mentions": int(ev["num_mentions"]),
        "num_sources": int(ev["num_sources"]),
        "num_articles": int(ev["num_articles"]),
        "text": text(ev["first_sentence"]),
        "source": text(ev["site"]) or None,
        "url": text(ev["source_url"]) or None,
        "mentions": list(ev["mention_ids"]),
    }


def write(con, f: queries.EventFilter | None, out: Path, dedup: bool = True) -> int:
    df = queries.dedup_events(con, f)
    n = 0
    with Path(out).open("w", encoding="utf-8") as fh:
        for ev in df.to_dict("records"):
            if blank(ev["plover_event"]):
                continue
            fh.write(json.dumps(record(ev), ensure_ascii=False) + "\n")
            n += 1
    return n
