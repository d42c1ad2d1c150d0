"""Score coded events and the cleaned article against an expected.json of hand-coded events.

Required events count as found when an event in the sentence holding the expected text has
the expected source and target countries and a CAMEO root from `roots`; sectors are scored
separately. Forbidden events must not appear; a required event found more than once is a
repeat. The cleaning checks compare title, site, section and page date, and count how often
each repeated paragraph survives in the text.
"""

from __future__ import annotations

import re
from typing import Any

from eventlens.model import Article, Event


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.findall(r"\w+", s.lower()))


def _in_sentence(snippet: str, sentence: str) -> bool:
    a, b = _norm(snippet), _norm(sentence)
    return bool(a) and (a in b or (len(b) > 20 and b in a))


def _matches(ev: Event, req: dict, strict_text: bool = True) -> bool:
    if strict_text and req.get("text") and not _in_sentence(req["text"], ev.sentence):
        return False
    s_country = ev.source.country if ev.source else None
    t_country = ev.target.country if ev.target else None
    if req.get("source") and s_country != req["source"]:
        return False
    if req.get("target") and t_country != req["target"]:
        return False
    roots = req.get("roots")
    return not roots or ev.cameo_root in roots


def _sectors_ok(ev: Event, req: dict) -> bool:
    if req.get("source_sector") and (ev.source is None or ev.source.sector != req["source_sector"]):
        return False
    return not (req.get("target_sector") and (ev.target is None or ev.target.sector != req["target_sector"]))


def score(expected: dict, articles: list[Article], events: list[Event]) -> dict[str, Any]:
    required = expected.get("required", [])
    details, found, with_sectors, repeats = [], 0, 0, 0
    for req in required:
        hits = [e for e in events if _matches(e, req)]
        ok_sector = [e for e in hits if _sectors_ok(e, req)]
        found += bool(hits)
        with_sectors += bool(ok_sector)
        repeats += max(0, len(hits) - 1)
        details.append({
            "id": req.get("id"), "found": bool(hits), "sectors_right": bool(ok_sector),
            "times": len(hits), "exact_code": any(e.cameo == req.get("cameo") for e in hits),
            "events": [f"{e.source.code if e.source else None} {e.cameo} "
                       f"{e.target.code if e.target else None} '{e.action.text}'" for e in hits],
        })
    desirable = [d.get("id") for d in expected.get("desirable", [])
                 if any(_matches(e, d) for e in events)]
    forbidden_hits = []
    for fb in expected.get("forbidden", []):
        for e in events:
            if fb.get("text_contains") and fb["text_contains"].lower() not in e.sentence.lower():
                continue
            if fb.get("source") and (e.source is None or e.source.country != fb["source"]):
                continue
            if fb.get("roots") and e.cameo_root not in fb["roots"]:
                continue
            forbidden_hits.append({"id": fb.get("id"), "event": e.event_id, "cameo": e.cameo,
                                   "sentence": e.sentence[:120]})
    return {
        "required_found": found,
        "required_total": len(required),
        "required_with_sectors": with_sectors,
        "required_repeats": repeats,
        "forbidden_found": len(forbidden_hits),
        "desirable_found": len(desirable),
        "desirable_total": len(expected.get("desirable", [])),
        "events_total": len(events),
        "required": details,
        "forbidden": forbidden_hits,
        "cleaning": _score_cleaning(expected.get("cleaning") or {}, articles),
    }


def _score_cleaning(spec: dict, articles: list[Article]) -> dict[str, Any]:
    if not spec or not articles:
        return {}
    a = articles[0]
    out: dict[str, Any] = {}
    for key in ("title", "site", "section"):
        if key in spec:
            out[key] = {"expected": spec[key], "got": getattr(a, key), "ok": getattr(a, key) == spec[key]}
    if "page_date" in spec:
        got = a.page_date.isoformat() if a.page_date else None
        out["page_date"] = {"expected": spec["page_date"], "got": got, "ok": got == spec["page_date"]}
    lines = [ln.strip() for ln in a.text.splitlines()]
    bad = [p for p in spec.get("must_drop_lines_starting_with", []) if any(ln.startswith(p) for ln in lines)]
    out["banned_lines_left"] = bad
    norm_text = _norm(a.text)
    counts = {p[:40]: norm_text.count(_norm(p)) for p in spec.get("duplicated_paragraphs", [])}
    out["repeated_paragraph_counts"] = counts
    out["ok"] = all(v.get("ok", True) for v in out.values() if isinstance(v, dict) and "ok" in v) \
        and not bad and all(c == 1 for c in counts.values())
    return out
