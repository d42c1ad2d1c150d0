"""Exports: GDELT 2.0 TSV (61 columns in GDELT's order), PLOVER JSON, Phoenix, CSV, Parquet."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from _demo_db import build_demo_db

from conftest import run_cli
from eventlens.export import FORMATS, gdelt, phoenix
from eventlens.export.common import fips

# GDELT 2.0 Event table columns, in the codebook's order (written out here on purpose,
# independently of eventlens.export.gdelt.COLUMNS).
GDELT_COLUMNS = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    return build_demo_db(tmp_path_factory, coder)


def _export(db, tmp_path, fmt, *extra):
    out = tmp_path / f"out.{fmt}"
    r = run_cli("export", "--db", str(db), "--format", fmt, "--out", str(out), *extra)
    assert r.returncode == 0, r.stderr
    return out


def test_gdelt_columns_are_gdelt_2():
    assert len(GDELT_COLUMNS) == 61
    assert gdelt.COLUMNS == GDELT_COLUMNS


def test_gdelt_export_reads_back_with_gdelt_names(db, tmp_path):
    out = _export(db, tmp_path, "gdelt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str,
                     keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert df.shape == (len(lines), 61)
    assert df["GLOBALEVENTID"].str.fullmatch(r"\d+").all() and df["GLOBALEVENTID"].is_unique
    assert df["SQLDATE"].str.fullmatch(r"20\d{6}").all()
    assert (df["MonthYear"] == df["SQLDATE"].str[:6]).all()
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
    assert (df["EventBaseCode"] == df["EventCode"].str[:3]).all()
    assert df["QuadClass"].isin(["1", "2", "3", "4"]).all()
    assert (df["NumMentions"].astype(int) >= df["NumArticles"].astype(int)).all()
    assert df["SOURCEURL"].str.len().gt(0).any()
    assert df["DATEADDED"].str.fullmatch(r"\d{14}").all()
    geo = df[df["ActionGeo_Type"] != ""]
    assert len(geo) and geo["ActionGeo_CountryCode"].str.fullmatch(r"[A-Z]{2}").all()
    pak = df[df["Actor1CountryCode"] == "PAK"]
    # An unidentified attacker has a country (where it struck) but no code.
    coded = pak[pak["Actor1Name"] != "UNIDENTIFIED ATTACKER"]
    assert len(coded) and coded["Actor1Code"].str.startswith("PAK").all()


def _synthetic_event(**kw) -> dict:
    """One de-duplicated event record as the store returns it (synthetic values)."""
    ev = {"event_id": "e1", "event_date": None, "cameo": "111", "is_root_event": True,
          "quad_class": 3, "goldstein": -2.0, "num_mentions": 1, "num_sources": 1,
          "num_articles": 1, "date_added": None, "source_url": "", "location_name": None,
          "location_country": None, "location_admin1": None, "location_precision": None,
          "location_lat": None, "location_lon": None}
    for side in ("source", "target"):
        ev.update({f"{side}_{k}": None for k in ("code", "name", "country", "sector")})
    ev.update(kw)
    return ev


def test_gdelt_actor_geography_is_the_actor_country():
    r = dict(zip(GDELT_COLUMNS, gdelt.row(_synthetic_event(
        source_code="PAKGOV", source_name="Pakistan", source_country="PAK", source_sector="GOV",
        target_code="IGOUNO", target_name="United Nations", target_sector="IGO")), strict=True))
    assert (r["Actor1Geo_Type"], r["Actor1Geo_FullName"], r["Actor1Geo_CountryCode"],
            r["Actor1Geo_ADM1Code"], r["Actor1Geo_ADM2Code"], r["Actor1Geo_FeatureID"]) == (
        "1", "Pakistan", "PK", "PK", "", "PK")
    lat, lon = float(r["Actor1Geo_Lat"]), float(r["Actor1Geo_Long"])
    assert 23 < lat < 37 and 60 < lon < 78  # inside Pakistan
    assert all(r[f"Actor2Geo_{c}"] == "" for c in ("Type", "FullName", "CountryCode", "Lat"))
    # FIPS 10-4, as GDELT, not ISO alpha-2: Germany GM, UK UK, China CH, Afghanistan AF.
    for iso3, code in (("DEU", "GM"), ("GBR", "UK"), ("CHN", "CH"), ("AFG", "AF")):
        r = dict(zip(GDELT_COLUMNS, gdelt.row(_synthetic_event(target_country=iso3)), strict=True))
        assert (r["Actor2Geo_Type"], r["Actor2Geo_CountryCode"]) == ("1", code)
    r = dict(zip(GDELT_COLUMNS, gdelt.row(_synthetic_event(source_country="IMG")), strict=True))
    assert r["Actor1Geo_Type"] == r["Actor1Geo_CountryCode"] == ""  # no country, no geography


def test_gdelt_export_fills_actor_geography(db, tmp_path):
    df = pd.read_csv(_export(db, tmp_path, "gdelt"), sep="\t", header=None, names=GDELT_COLUMNS,
                     dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    for n in ("1", "2"):
        has = df[f"Actor{n}CountryCode"].map(fips) != ""  # a real country, not IGO/IMG
        assert has.any()
        geo = df[has & (df[f"Actor{n}Geo_Type"] != "")]
        assert len(geo) == has.sum()
        assert (geo[f"Actor{n}Geo_Type"] == "1").all()
        assert geo[f"Actor{n}Geo_CountryCode"].str.fullmatch(r"[A-Z]{2}").all()
        assert geo[f"Actor{n}Geo_FullName"].str.len().gt(0).all()
        assert (df.loc[~has, f"Actor{n}Geo_Type"] == "").all()
    countries = df[df["ActionGeo_Type"] == "1"]  # GDELT's FeatureID of a country is its code
    assert (countries["ActionGeo_FeatureID"] == countries["ActionGeo_CountryCode"]).all()
    pak = df[df["Actor1CountryCode"] == "PAK"]
    assert len(pak) and (pak["Actor1Geo_CountryCode"] == "PK").all()
    assert (pak["Actor1Geo_FullName"] == "Pakistan").all()


def test_gdelt_export_takes_the_event_filters(db, tmp_path):
    out = _export(db, tmp_path, "gdelt", "--root", "19", "--since", "2024-01-01")
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows and all(r[28] == "19" and r[1] >= "20240101" for r in rows)


def test_plover_json(db, tmp_path):
    out = _export(db, tmp_path, "plover")
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert recs and all(r["event"] for r in recs)
    assert {"id", "date", "actor", "recipient", "event", "mode", "contexts", "location",
            "num_mentions", "text", "url"} <= set(recs[0])


def test_phoenix_tsv(db, tmp_path):
    out = _export(db, tmp_path, "phoenix")
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert list(df.columns) == phoenix.COLUMNS and len(df)
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()


def test_csv_and_parquet(db, tmp_path):
    c = pd.read_csv(_export(db, tmp_path, "csv"))
    p = pd.read_parquet(_export(db, tmp_path, "parquet"))
    assert len(c) == len(p) > 50 and "json" not in c.columns
    assert list(c.columns) == list(p.columns)
    d = pd.read_parquet(_export(db, tmp_path, "parquet", "--dedup"))
    assert "num_mentions" in d.columns and len(d) <= len(p)


def test_every_format_is_a_cli_choice():
    r = run_cli("export", "--help")
    for fmt in FORMATS:
        assert fmt.encode() in r.stdout
