"""Event places: names resolved to GeoNames city/admin1/country, disambiguated by the actors'
countries; the sentence first, then the dateline, then the article's first place."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventlens import geo
from eventlens.model import Article, Dropped

CASES = [
    # (name, preferred countries, expected (name, country, precision))
    ("Kabul", (), ("Kabul", "AFG", "city")),
    ("Mogadishu", (), ("Mogadishu", "SOM", "city")),
    ("New Delhi", (), ("New Delhi", "IND", "city")),
    ("Hyderabad", ("PAK",), ("Hyderabad", "PAK", "city")),
    ("Hyderabad", ("IND",), ("Hyderabad", "IND", "city")),
    ("Punjab", ("PAK",), ("Punjab", "PAK", "admin1")),
    ("Punjab", ("IND",), ("Punjab", "IND", "admin1")),
    ("Georgia", (), ("Georgia", "GEO", "country")),
    ("Georgia", ("USA",), ("Georgia", "USA", "admin1")),
    ("Paris", ("USA",), ("Paris", "FRA", "city")),  # a tiny namesake does not win
    ("Pakistan", (), ("Pakistan", "PAK", "country")),
    ("the United States", (), ("United States", "USA", "country")),
    ("Ivory Coast", (), ("Ivory Coast", "CIV", "country")),
    ("Washington", (), ("Washington", "USA", "city")),
    ("Khyber Pakhtunkhwa", (), ("Khyber Pakhtunkhwa", "PAK", "admin1")),
    ("Kharkiv Oblast", (), ("Kharkiv", "UKR", "admin1")),
    ("Tigray", (), ("Tigray", "ETH", "admin1")),
]


@pytest.mark.parametrize(("name", "prefer", "expected"), CASES)
def test_resolve(name, prefer, expected):
    loc = geo.resolve(name, prefer)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == expected
    assert -90 <= loc.lat <= 90 and -180 <= loc.lon <= 180


def test_city_has_admin1_and_coordinates():
    loc = geo.resolve("Islamabad")
    assert loc.admin1 == "Islamabad" and abs(loc.lat - 33.7) < 0.2 and abs(loc.lon - 73.0) < 0.2
    assert geo.resolve("Kharkiv").admin1 == "Kharkiv"


@pytest.mark.parametrize("name", ["Monday", "the government", "x", "", "talks", "Zzyzzyx"])
def test_not_places(name):
    assert geo.resolve(name) is None


@pytest.fixture(scope="module")
def parse():
    from eventlens import nlp

    return lambda text: next(iter(nlp.parse([text], 2, 1)))


def _article(text, dropped=()):
    return Article(id="a", uri="a", title=None, text=text, dropped=tuple(dropped))


def test_place_in_the_sentence(parse):
    text = "Pakistani police arrested three men in Peshawar on Monday."
    doc = parse(text)
    loc = geo.event_location(next(iter(doc.sents)), None, _article(text), countries=["PAK"])
    assert (loc.name, loc.country, loc.precision) == ("Peshawar", "PAK", "city")


def test_actor_countries_disambiguate(parse):
    text = "Indian troops clashed with protesters in Hyderabad."
    doc = parse(text)
    hit = SimpleNamespace(actors=[SimpleNamespace(country="IND")])
    actors = SimpleNamespace(tok_hit={0: hit}, home=None)
    loc = geo.event_location(next(iter(doc.sents)), actors, _article(text))
    assert loc.country == "IND"
    loc = geo.event_location(next(iter(doc.sents)), None, _article(text), countries=["PAK"])
    assert loc.country == "PAK" and loc.admin1 == "Sindh"


def test_dateline_then_first_place(parse):
    text = "The government recalled its ambassador.\n\nOfficials in Nairobi said talks would go on."
    doc = parse(text)
    first = next(iter(doc.sents))
    art = _article(text, [Dropped("MOGADISHU \u2014", "dateline")])
    loc = geo.event_location(first, None, art)
    assert (loc.name, loc.precision) == ("Mogadishu", "city")
    art = _article(text, [Dropped("KABUL, Afghanistan (Reuters) -", "dateline")])
    assert geo.event_location(first, None, art).name == "Kabul"
    loc = geo.event_location(first, None, _article(text))  # no dateline: first place named
    assert (loc.name, loc.country) == ("Nairobi", "KEN")


def test_actors_are_not_places(parse):
    text = "Russia accused Ukraine of breaking the truce."
    doc = parse(text)
    assert geo.sentence_places(next(iter(doc.sents))) == []


def test_dateline_country():
    from eventlens.clean import clean
    from eventlens.geo import dateline_country
    from eventlens.model import RawDocument

    raw = RawDocument(id="d", uri="d", media_type="text/plain", meta={},
                      content="MOGADISHU — Somalia recalled its ambassador on Tuesday.\n")
    assert dateline_country(clean(raw)) == "SOM"
