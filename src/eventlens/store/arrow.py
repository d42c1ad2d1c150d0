"""Articles and events as Arrow tables: the only way rows reach DuckDB (never executemany)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pyarrow as pa

from eventlens.model import Article, Event
from eventlens.store import neardup

ARTICLE_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("uri", pa.string()), ("title", pa.string()),
    ("published", pa.date32()), ("page_date", pa.date32()), ("site", pa.string()),
    ("section", pa.string()), ("author", pa.string()), ("language", pa.string()),
    ("content_hash", pa.string()), ("text", pa.string()), ("dropped", pa.string()),
    ("ingested_at", pa.timestamp("us")), ("minhash", pa.binary()), ("duplicate_of", pa.string()),
])

_S, _I, _F, _B, _D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()
EVENT_SCHEMA = pa.schema([
    ("event_id", _S), ("doc_id", _S), ("sentence_index", _I), ("sentence", _S),
    ("sentence_start", _I), ("event_date", _D), ("date_basis", _S),
    ("source_text", _S), ("source_name", _S), ("source_code", _S), ("source_country", _S),
    ("source_sector", _S), ("target_text", _S), ("target_name", _S), ("target_code", _S),
    ("target_country", _S), ("target_sector", _S), ("action_text", _S), ("action_start", _I),
    ("cameo", _S), ("cameo_root", _S), ("quad_class", _I), ("goldstein", _F),
    ("plover_event", _S), ("plover_mode", _S), ("negated", _B), ("hypothetical", _B),
    ("reciprocal", _B), ("location_name", _S), ("location_country", _S),
    ("confidence", _F), ("explanation", _S), ("json", _S),
    ("action_end", _I), ("source_start", _I), ("source_end", _I), ("target_start", _I),
    ("target_end", _I), ("location_admin1", _S), ("location_lat", _F), ("location_lon", _F),
    ("location_precision", _S), ("site", _S),
])
EVENT_COLUMNS = [f.name for f in EVENT_SCHEMA]
ARTICLE_COLUMNS = [f.name for f in ARTICLE_SCHEMA]


def articles_table(articles: list[Article], signatures: bool = True) -> pa.Table:
    now = datetime.now(UTC).replace(tzinfo=None)
    cols: dict[str, list] = {c: [] for c in ARTICLE_COLUMNS}
    for a in articles:
        for c in ("uri", "title", "published", "page_date", "site", "section", "author",
                  "language", "content_hash", "text"):
            cols[c].append(getattr(a, c))
        cols["doc_id"].append(a.id)
        cols["dropped"].append(json.dumps([{"text": d.text, "reason": d.reason} for d in a.dropped]))
        cols["ingested_at"].append(now)
        cols["minhash"].append(neardup.signature(a) if signatures else None)
        cols["duplicate_of"].append(getattr(a, "duplicate_of", None))
    return pa.table(cols, schema=ARTICLE_SCHEMA)


def events_table(events: list[Event], sites: dict[str, str | None]) -> pa.Table:
    """One row per coded event; `json` is the DESIGN.md record exactly as the coder prints it."""
    cols: dict[str, list] = {c: [] for c in EVENT_COLUMNS}
    for e in events:
        j = e.to_json()
        s, t, loc = j["source"] or {}, j["target"] or {}, j["location"] or {}
        row = {
            "event_id": j["event_id"], "doc_id": e.doc_id, "sentence_index": e.sentence_index,
            "sentence": e.sentence, "sentence_start": e.sentence_start, "event_date": e.date,
            "date_basis": e.date_basis,
            "source_text": s.get("text"), "source_name": s.get("name"),
            "source_code": s.get("code"), "source_country": s.get("country"),
            "source_sector": s.get("sector"), "target_text": t.get("text"),
            "target_name": t.get("name"), "target_code": t.get("code"),
            "target_country": t.get("country"), "target_sector": t.get("sector"),
            "action_text": e.action.text, "action_start": e.action.start,
            "cameo": e.cameo, "cameo_root": e.cameo_root, "quad_class": e.quad_class,
            "goldstein": e.goldstein, "plover_event": e.plover.event,
            "plover_mode": e.plover.mode, "negated": e.negated,
            "hypothetical": e.hypothetical, "reciprocal": e.reciprocal,
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "confidence": e.confidence, "explanation": e.explanation, "json": json.dumps(j),
            "action_end": e.action.end, "source_start": s.get("start"),
            "source_end": s.get("end"), "target_start": t.get("start"),
            "target_end": t.get("end"), "location_admin1": loc.get("admin1"),
            "location_lat": loc.get("lat"), "location_lon": loc.get("lon"),
            "location_precision": loc.get("precision"), "site": sites.get(e.doc_id),
        }
        for c in EVENT_COLUMNS:
            cols[c].append(row[c])
    return pa.table(cols, schema=EVENT_SCHEMA)
