"""Phoenix/PETRARCH tab-separated events with a header: the Phoenix dataset's 26 columns,
one de-duplicated event a row."""

from __future__ import annotations

from pathlib import Path

from eventlens.export.common import as_date, blank, text
from eventlens.store import queries

COLUMNS = ["EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
           "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
           "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass",
           "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
           "SentenceID", "URLs", "NewsSources"]


def row(ev: dict) -> list[str]:
    d = as_date(ev["event_date"])
    out = {c: "" for c in COLUMNS}
    out["EventID"] = text(ev["event_id"])
    if d:
        out["Date"], out["Year"] = d.strftime("%Y%m%d"), str(d.year)
        out["Month"], out["Day"] = str(d.month), str(d.day)
    for side, p in (("source", "Source"), ("target", "Target")):
        out[f"{p}ActorFull"] = text(ev[f"{side}_code"])
        out[f"{p}ActorEntity"] = text(ev[f"{side}_country"])
        out[f"{p}ActorRole"] = text(ev[f"{side}_sector"])
    out["EventCode"], out["EventRootCode"] = text(ev["cameo"]), text(ev["cameo_root"])
    out["QuadClass"] = text(ev["quad_class"])
    out["GoldsteinScore"] = "" if blank(ev["goldstein"]) else f"{float(ev['goldstein']):.1f}"
    if not blank(ev["location_lat"]):
        out["Lat"] = f"{float(ev['location_lat']):.4f}"
        out["Lon"] = f"{float(ev['location_lon']):.4f}"
    out["LocationName"] = text(ev["location_name"])
    out["StateName"] = text(ev["location_admin1"])
    out["CountryCode"] = text(ev["location_country"])
    out["SentenceID"] = ";".join(ev["mention_ids"])
    out["URLs"] = text(ev["source_url"])
    out["NewsSources"] = text(ev["site"])
    return [v.replace("\t", " ").replace("\n", " ") for v in out.values()]


def write(con, f: queries.EventFilter | None, out: Path, dedup: bool = True) -> int:
    df = queries.dedup_events(con, f)
    with Path(out).open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for ev in df.to_dict("records"):
            fh.write("\t".join(row(ev)) + "\n")
    return len(df)
