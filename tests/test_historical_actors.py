"""Historical actors (news of 1975-2010): former state names coded as their successor,
armed groups and parties of that era, and dated roles of its leaders.

Every sentence in this file is SYNTHETIC, written for these tests (the people and groups
are real dictionary entries; the events never happened as written).
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import coded, mention, mentions_of
from eventlens.actors import dictionary

D1985 = date(1985, 6, 1)


@pytest.fixture(scope="module")
def actors(coder):
    """Mentions of a synthetic text coded on an article date, in text order."""
    return lambda text, on=D1985: mentions_of(coder, text, on)


# -- the dictionary itself (no parsing) ------------------------------------------------------

SUCCESSORS = {
    # alias -> (kind, successor code)
    "Soviet Union": ("country", "RUS"), "USSR": ("country", "RUS"),
    "U.S.S.R.": ("country", "RUS"), "Soviets": ("country", "RUS"),
    "Soviet": ("adjective", "RUS"),
    "Yugoslavia": ("country", "SRB"), "Yugoslav": ("adjective", "SRB"),
    "Czechoslovakia": ("country", "CZE"), "Czechoslovak": ("adjective", "CZE"),
    "East Germany": ("country", "DEU"), "West Germany": ("country", "DEU"),
    "East German": ("adjective", "DEU"), "West German": ("adjective", "DEU"),
    "Bonn": ("capital", "DEU"),
    "Kampuchea": ("country", "KHM"), "Kampuchean": ("adjective", "KHM"),
    "Rhodesia": ("country", "ZWE"), "Rhodesian": ("adjective", "ZWE"),
    "Northern Rhodesia": ("country", "ZMB"),
    "Dahomey": ("country", "BEN"), "Upper Volta": ("country", "BFA"),
    "Ceylon": ("country", "LKA"), "Siam": ("country", "THA"),
    "Zaire": ("country", "COD"), "Zairean": ("adjective", "COD"),
    "North Vietnam": ("country", "VNM"), "South Vietnamese": ("adjective", "VNM"),
    "North Yemen": ("country", "YEM"), "South Yemen": ("country", "YEM"),
    "Burma": ("country", "MMR"), "Burmese": ("adjective", "MMR"), "Rangoon": ("capital", "MMR"),
    "East Pakistan": ("country", "BGD"), "South West Africa": ("country", "NAM"),
}


@pytest.mark.parametrize(("alias", "kind", "code"),
                         [(a, k, c) for a, (k, c) in SUCCESSORS.items()])
def test_former_state_names_point_to_their_successor_only(alias, kind, code):
    (actor,) = dictionary.load().aliases[alias]  # exactly one actor: no double listing
    assert (actor.kind, actor.country) == (kind, code)


@pytest.mark.parametrize(("alias", "code"), [
    ("Islamic Salvation Front", "DZAPTY"), ("FIS", "DZAPTY"), ("Armed Islamic Group", "DZAREB"),
    ("Khmer Rouge", "KHMREB"), ("Viet Cong", "VNMREB"), ("Contras", "NICREB"),
    ("Sandinistas", "NICPTY"), ("FMLN", "SLVPTY"), ("NLA", "MKDREB"), ("KLA", "XKXREB"),
    ("RUF", "SLEREB"), ("LURD", "LBRREB"), ("NPFL", "LBRREB"), ("Interahamwe", "RWAREB"),
    ("SPLM/A", "SDNREB"), ("SWAPO", "NAMPTY"), ("ZAPU", "ZWEPTY"), ("ZANU", "ZWEPTY"),
    ("ZANLA", "ZWEREB"), ("Solidarity", "POLLAB"), ("Solidarność", "POLLAB"),
    ("MASSOB", "NGARAD"), ("I.R.A.", "GBRREB"), ("Provisional IRA", "GBRREB"),
    ("CPSU", "RUSGOV"), ("Supreme Soviet", "RUSLEG"), ("Warsaw Pact", "IGOWTO"),
    ("Stasi", "DEUSPY"), ("ECOMOG", "IGOECWMON"),
])
def test_historical_organisations_have_home_country_and_sector(alias, code):
    (actor,) = dictionary.load().aliases[alias]
    assert (actor.kind, actor.code) == ("organisation", code)


@pytest.mark.parametrize("alias", ["IRA", "Contra", "Siamese", "Salisbury",
                                   "GDR", "Zia", "Castro", "Botha", "Najibullah"])
def test_ambiguous_short_forms_stay_unlisted(alias):
    assert alias not in dictionary.load().aliases


# -- countries in text -----------------------------------------------------------------------

COUNTRIES = [
    ("Soviet troops crossed the border.", "Soviet troops", "RUSMIL"),
    ("The Soviet Union protested on Monday.", "The Soviet Union", "RUS"),
    ("The USSR rejected the proposal.", "The USSR", "RUS"),
    ("Kampuchean guerrillas attacked a convoy.", "Kampuchean guerrillas", "KHMREB"),
    ("Yugoslav officials rejected the plan.", "Yugoslav officials", "SRBGOV"),
    ("Czechoslovakia expelled two diplomats.", "Czechoslovakia", "CZE"),
    ("East German officials denied the report.", "East German officials", "DEUGOV"),
    ("West Germany recalled its ambassador.", "West Germany", "DEU"),
    ("Rhodesian troops raided a camp.", "Rhodesian troops", "ZWEMIL"),
    ("Zairean soldiers looted the town.", "Zairean soldiers", "CODMIL"),
    ("North Vietnamese troops shelled the base.", "North Vietnamese troops", "VNMMIL"),
    ("South Yemen accused its neighbour of aggression.", "South Yemen", "YEM"),
    ("Upper Volta signed the treaty.", "Upper Volta", "BFA"),
    ("Bonn protested to Moscow.", "Bonn", "DEUGOV"),
    ("The Sandinista government expelled two diplomats.", "The Sandinista government", "NICGOV"),
    ("Bonn protested to Moscow.", "Moscow", "RUSGOV"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), COUNTRIES)
def test_former_states_code_as_their_successor(actors, text, phrase, code):
    m = mention(actors(text), phrase)
    assert (m.code, m.country) == (code, code[:3])


def test_iran_contra_is_not_the_contras(actors):
    ms = actors("Reagan answered questions about the Iran-Contra affair.", date(1987, 6, 1))
    assert not any(m.code == "NICREB" for m in ms), ms


# -- organisations in text -------------------------------------------------------------------

ORGS = [
    # (sentence, mention, code, country, sector)
    ("The Islamic Salvation Front called a general strike.", "The Islamic Salvation Front",
     "DZAPTY", "DZA", "PTY"),
    ("The Khmer Rouge shelled a village.", "The Khmer Rouge", "KHMREB", "KHM", "REB"),
    ("The Contras ambushed a truck.", "The Contras", "NICREB", "NIC", "REB"),
    ("The RUF released the hostages.", "The RUF", "SLEREB", "SLE", "REB"),
    ("The Warsaw Pact held manoeuvres.", "The Warsaw Pact", "IGOWTO", None, "IGO"),
    ("Solidarity called a strike in Gdansk.", "Solidarity", "POLLAB", "POL", "LAB"),
]


@pytest.mark.parametrize(("text", "phrase", "code", "country", "sector"), ORGS)
def test_historical_organisations_in_text(actors, text, phrase, code, country, sector):
    m = mention(actors(text), phrase)
    assert (m.code, m.country, m.sector, m.kind) == (code, country, sector, "organisation")


# -- dated roles -----------------------------------------------------------------------------

DATED = [
    # (synthetic sentence, mention, article date, expected code)
    ("Gorbachev criticised the plan.", "Gorbachev", date(1988, 6, 1), "RUSGOV"),
    ("Gorbachev criticised the plan.", "Gorbachev", date(2000, 6, 1), "RUSELI"),
    ("Gorbachev criticised the plan.", "Gorbachev", date(1991, 12, 24), "RUSGOV"),  # last day
    ("Gorbachev criticised the plan.", "Gorbachev", date(1991, 12, 25), "RUSELI"),  # exclusive
    ("Brezhnev criticised the plan.", "Brezhnev", date(1980, 6, 1), "RUSGOV"),
    ("Shevardnadze met the envoy.", "Shevardnadze", date(1988, 6, 1), "RUSGOV"),
    ("Shevardnadze met the envoy.", "Shevardnadze", date(1998, 6, 1), "GEOGOV"),
    ("Ayatollah Khomeini denounced the Shah.", "Ayatollah Khomeini", date(1978, 6, 1),
     "IRNOPP"),
    ("Khomeini denounced the United States.", "Khomeini", date(1985, 6, 1), "IRNGOV"),
    ("Charles Taylor rejected the plan.", "Charles Taylor", date(1992, 6, 1), "LBRREB"),
    ("Charles Taylor rejected the plan.", "Charles Taylor", date(1999, 6, 1), "LBRGOV"),
    ("Aristide appealed for help.", "Aristide", date(1993, 6, 1), "HTIGOV"),  # in exile
    ("Daniel Ortega criticised Washington.", "Daniel Ortega", date(1986, 6, 1), "NICGOV"),
    ("Daniel Ortega criticised Washington.", "Daniel Ortega", date(1995, 6, 1), "NICPTY"),
    ("Mandela urged calm.", "Mandela", date(1985, 6, 1), "ZAFOPP"),
    ("Mandela urged calm.", "Mandela", date(1996, 6, 1), "ZAFGOV"),
    ("Thatcher criticised the strike.", "Thatcher", date(1977, 6, 1), "GBROPP"),
    ("Thatcher criticised the strike.", "Thatcher", date(1985, 6, 1), "GBRGOV"),
    ("Desmond Tutu urged calm.", "Desmond Tutu", date(1990, 6, 1), "ZAFREL"),
    ("Pol Pot ordered an attack.", "Pol Pot", date(1977, 6, 1), "KHMGOV"),
    ("Pol Pot ordered an attack.", "Pol Pot", date(1985, 6, 1), "KHMREB"),
    ("Tudjman met the envoy.", "Tudjman", date(1995, 6, 1), "HRVGOV"),
    ("Shimon Peres met the envoy.", "Shimon Peres", date(1985, 6, 1), "ISRGOV"),
    ("Museveni met the envoy.", "Museveni", date(1983, 6, 1), "UGAREB"),
    ("Ken Saro-Wiwa criticised the oil companies.", "Ken Saro-Wiwa", date(1994, 6, 1),
     "NGANGO"),
]


@pytest.mark.parametrize(("text", "phrase", "on", "code"), DATED)
def test_historical_leaders_are_coded_with_the_role_of_the_date(actors, text, phrase, on, code):
    assert coded(actors(text, on), phrase) == code


@pytest.mark.parametrize(("on", "code"), [(date(1976, 6, 1), "PAKMIL"), (date(1984, 6, 1), "PAKGOV")])
def test_a_junta_leader_is_mil_as_army_chief_and_gov_as_head_of_state(actors, on, code):
    """Found by name: the parser may split the hyphenated name into several mentions."""
    ms = actors("Zia-ul-Haq met the envoy.", on)
    (got,) = {m.code for m in ms if m.name == "Muhammad Zia-ul-Haq"}
    assert got == code
