"""Actor coding: dated roles, aliases, demonyms, capitals, organisations, appositions,
coreference chains and user dictionaries.

Every sentence in this file is SYNTHETIC, written for these tests (the people are real
dictionary entries; the events never happened as written). Tests marked xfail(strict=True)
pin down known defects of the actor coder: they start failing (XPASS) once the defect is
fixed, and then the marker should go.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import coded, mention, mentions_of, run_cli
from eventlens.actors import dictionary
from eventlens.actors.dictionary import Actor

D2018 = date(2018, 1, 15)  # inside Trump's first term, Dastagir's and Votel's posts


@pytest.fixture(scope="module")
def actors(coder):
    """Mentions of a synthetic text coded on an article date, in text order."""
    return lambda text, on=D2018: mentions_of(coder, text, on)


# -- dated roles -----------------------------------------------------------------------------

DATED = [
    # (synthetic sentence, mention, article date, expected code)
    ("Trump criticised China on Monday.", "Trump", date(2018, 6, 1), "USAGOV"),
    ("Trump criticised China on Monday.", "Trump", date(2010, 6, 1), "USABUS"),
    ("Trump criticised China on Monday.", "Trump", date(2022, 6, 1), "USABUS"),  # between terms
    ("Trump criticised China on Monday.", "Trump", date(2025, 6, 1), "USAGOV"),
    ("Trump criticised China on Monday.", "Trump", date(2021, 1, 19), "USAGOV"),  # last day
    ("Trump criticised China on Monday.", "Trump", date(2021, 1, 20), "USABUS"),  # end exclusive
    ("Biden criticised China on Monday.", "Biden", date(2021, 1, 20), "USAGOV"),  # start inclusive
    ("Biden criticised China on Monday.", "Biden", date(2012, 6, 1), "USAGOV"),  # vice president
    ("Biden criticised China on Monday.", "Biden", date(2019, 6, 1), "USAELI"),
    ("Biden criticised China on Monday.", "Biden", date(2000, 6, 1), "USALEG"),  # senator
    ("Imran Khan criticised the government.", "Imran Khan", date(2017, 6, 1), "PAKOPP"),
    ("Imran Khan criticised the government.", "Imran Khan", date(2019, 6, 1), "PAKGOV"),
    ("Imran Khan criticised the government.", "Imran Khan", date(2023, 6, 1), "PAKOPP"),
    ("Khurram Dastagir said Pakistan would respond.", "Khurram Dastagir", D2018, "PAKGOV"),
    ("Khurram Dastagir said Pakistan would respond.", "Khurram Dastagir", date(2020, 6, 1),
     "PAKPTY"),
    ("Angela Merkel met Vladimir Putin in Sochi.", "Angela Merkel", date(2010, 6, 1), "DEUGOV"),
    ("Angela Merkel met Vladimir Putin in Sochi.", "Angela Merkel", date(2023, 6, 1), "DEUELI"),
    ("Angela Merkel met Vladimir Putin in Sochi.", "Vladimir Putin", date(1999, 3, 1), "RUSSPY"),
    ("Angela Merkel met Vladimir Putin in Sochi.", "Vladimir Putin", date(2005, 6, 1), "RUSGOV"),
    ("Ashraf Ghani criticised the Taliban.", "Ashraf Ghani", date(2016, 6, 1), "AFGGOV"),
    ("Ashraf Ghani criticised the Taliban.", "Ashraf Ghani", date(2022, 6, 1), "AFGELI"),
    ("Votel met Pakistani officials.", "Votel", D2018, "USAMIL"),
    ("Votel met Pakistani officials.", "Votel", date(2020, 6, 1), "USAELI"),
    # Out of office, a title written with the name beats the default sector.
    ("US General Votel met Pakistani officials.", "US General Votel", date(2020, 6, 1), "USAMIL"),
    ("Narendra Modi met Imran Khan.", "Narendra Modi", date(2019, 6, 1), "INDGOV"),
    ("Narendra Modi met Imran Khan.", "Narendra Modi", date(2010, 6, 1), "INDGOV"),  # Gujarat
]


@pytest.mark.parametrize(("text", "phrase", "on", "code"), DATED)
def test_a_person_is_coded_with_the_role_held_on_the_article_date(actors, text, phrase, on, code):
    assert coded(actors(text, on), phrase) == code


def test_undated_text_takes_the_most_recent_role(actors):
    ms = actors("Trump met Imran Khan.", None)
    assert coded(ms, "Trump") == "USAGOV"
    assert coded(ms, "Imran Khan") == "PAKGOV"


@pytest.mark.parametrize(("on", "code"), [("2018-06-01", "USAGOV"), ("2010-06-01", "USABUS")])
def test_the_article_date_reaches_the_coder(code_text, on, code):
    """Through the whole pipeline: the document's date (RawDocument meta) decides the role."""
    events = code_text("Synthetic test sentence.\n\nTrump criticised China on Monday.\n",
                       meta={"date": on})
    src = {e.source.code for e in events if e.source and e.source.name == "Donald Trump"}
    assert src == {code}, [e.to_json() for e in events]


def _people() -> list[Actor]:
    seen: dict[int, Actor] = {}
    for actors_ in dictionary.load().aliases.values():
        for a in actors_:
            if a.kind == "person":
                seen.setdefault(id(a), a)
    return list(seen.values())


def test_people_roles_are_ordered_and_never_overlap():
    people = _people()
    assert len(people) > 500
    for p in people:
        for r in p.roles:
            assert r.start is None or r.end is None or r.start < r.end, (p.name, r)
            assert r.country and (r.sector or len(r.country) > 3), (p.name, r)
        for a, b in zip(p.roles, p.roles[1:], strict=False):
            assert a.end is not None and b.start is not None and a.end <= b.start, (p.name, a, b)


def test_no_alias_points_to_two_actors():
    ambiguous = {k: [a.name for a in v] for k, v in dictionary.load().aliases.items() if len(v) > 1}
    assert not ambiguous, list(ambiguous.items())[:10]


@settings(deadline=None, max_examples=200)
@given(st.dates(min_value=date(1980, 1, 1), max_value=date(2035, 12, 31)))
def test_trump_is_government_exactly_in_his_terms(on):
    (trump,) = {id(a): a for a in dictionary.load().aliases["Trump"]}.values()
    in_office = date(2017, 1, 20) <= on < date(2021, 1, 20) or on >= date(2025, 1, 20)
    assert trump.coded(on) == ("USA", "GOV" if in_office else "BUS")


# -- countries: aliases, demonyms, capitals, ISO codes ---------------------------------------

COUNTRIES = [
    ("The US condemned the attack.", "The US", "USA"),
    ("The U.S. condemned the attack.", "The U.S.", "USA"),
    ("The United States imposed sanctions on Iran.", "The United States", "USA"),
    ("The United States imposed sanctions on Iran.", "Iran", "IRN"),
    ("America withdrew from the deal.", "America", "USA"),
    ("Britain expelled two diplomats.", "Britain", "GBR"),
    ("The UK expelled two diplomats.", "The UK", "GBR"),
    ("The USA rejected the claim.", "The USA", "USA"),  # an alpha-3 code that is also a name
    # demonyms and adjectives with a role noun: country + sector
    ("Pakistani troops shelled the border posts.", "Pakistani troops", "PAKMIL"),
    ("American soldiers raided the compound.", "American soldiers", "USAMIL"),
    ("British troops left the base.", "British troops", "GBRMIL"),
    ("Afghan rebels ambushed a convoy.", "Afghan rebels", "AFGREB"),
    ("Indian lawmakers condemned the attack.", "Indian lawmakers", "INDLEG"),
    ("Kenyan police arrested the suspects.", "Kenyan police", "KENCOP"),
    ("Britain expelled Russian diplomats.", "Russian diplomats", "RUSGOV"),
    ("The Pakistan government protested.", "The Pakistan government", "PAKGOV"),
    ("Pakistan's army denied the report.", "Pakistan's army", "PAKMIL"),
    ("The Pakistani Foreign Office summoned the envoy.", "The Pakistani Foreign Office", "PAKGOV"),
    ("Pakistanis rallied in the streets.", "Pakistanis", "PAKCVL"),
    ("Americans protested outside the embassy.", "Americans", "USACVL"),
    # capitals (and other metonyms) for the government or the military
    ("Islamabad said it would retaliate.", "Islamabad", "PAKGOV"),
    ("Kabul rejected the claim.", "Kabul", "AFGGOV"),
    ("Washington warned Tehran.", "Washington", "USAGOV"),
    ("Washington warned Tehran.", "Tehran", "IRNGOV"),
    ("The Pentagon denied the report.", "The Pentagon", "USAMIL"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), COUNTRIES)
def test_country_aliases_demonyms_and_capitals(actors, text, phrase, code):
    m = mention(actors(text), phrase)
    assert m.code == code
    assert m.country == code[:3]


def test_a_role_takes_the_country_of_its_of_phrase(actors):
    m = next(m for m in actors("The army of Pakistan denied the report.")
             if m.text.startswith("The army"))  # with or without "of Pakistan" in its span
    assert m.code == "PAKMIL"


def test_names_are_case_sensitive(actors):
    ms = actors("Let us talk to them, the farmer said.")
    assert not any(m.country == "USA" for m in ms), ms


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("PAK and AFG signed a border deal.", "PAK", "PAK"),
    ("PAK and AFG signed a border deal.", "AFG", "AFG"),
    ("GBR criticised the decision.", "GBR", "GBR"),
])
def test_iso_alpha3_codes(actors, text, phrase, code):
    assert coded(actors(text), phrase) == code


# -- organisations ---------------------------------------------------------------------------

ORGS = [
    # (sentence, mention, code, country, sector)
    ("NATO condemned the strike.", "NATO", "IGONAT", None, "IGO"),
    ("The United Nations condemned the attack.", "The United Nations", "IGOUNO", None, "IGO"),
    ("The UN urged restraint.", "The UN", "IGOUNO", None, "IGO"),
    ("The European Union imposed sanctions.", "The European Union", "IGOEUR", None, "IGO"),
    ("The IMF demanded reforms.", "The IMF", "IGOIMF", None, "IGO"),
    ("The Taliban attacked a checkpoint.", "The Taliban", "AFGREB", "AFG", "REB"),
    ("The Haqqani network kidnapped two engineers.", "The Haqqani network", "AFGREB", "AFG",
     "REB"),
    ("The TTP claimed the attack.", "The TTP", "PAKREB", "PAK", "REB"),
    ("Hezbollah fired rockets.", "Hezbollah", "LBNREB", "LBN", "REB"),
    ("Islamic State fighters attacked a village.", "Islamic State fighters", "IMGREB", None,
     "REB"),
    ("Amnesty International criticised the trial.", "Amnesty International", "NGOAMN", None,
     "NGO"),
    ("Human Rights Watch criticised the trial.", "Human Rights Watch", "NGOHRW", None, "NGO"),
    ("The ICRC delivered aid.", "The ICRC", "NGOICR", None, "NGO"),
]


@pytest.mark.parametrize(("text", "phrase", "code", "country", "sector"), ORGS)
def test_organisations_with_home_country_and_sector(actors, text, phrase, code, country, sector):
    m = mention(actors(text), phrase)
    assert (m.code, m.country, m.sector, m.kind) == (code, country, sector, "organisation")


# -- titles and appositions ------------------------------------------------------------------

def test_apposition_title_makes_a_minister_gov(actors):
    text = "Khurram Dastagir, Defence Minister, said Pakistan would respond."
    m = mention(actors(text, D2018), "Khurram Dastagir, Defence Minister")
    assert (m.code, m.sector, m.name) == ("PAKGOV", "GOV", "Khurram Dastgir Khan")
    assert m.start == 0 and m.end == len("Khurram Dastagir, Defence Minister")


def test_country_and_title_before_a_name(actors):
    ms = actors("US General Votel met Pakistani officials.", D2018)
    assert (coded(ms, "US General Votel"), mention(ms, "US General Votel").name) == (
        "USAMIL", "Joseph Votel")
    assert coded(ms, "Pakistani officials") == "PAKGOV"
    ms = actors("Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi.",
                date(2019, 6, 1))
    assert coded(ms, "Russian President Vladimir Putin") == "RUSGOV"
    assert coded(ms, "Chinese Foreign Minister Wang Yi") == "CHNGOV"
    m = mention(actors("Britain's prime minister, Theresa May, met Merkel.", date(2018, 6, 1)),
                "Britain's prime minister, Theresa May")
    assert (m.code, m.name) == ("GBRGOV", "Theresa May")


@pytest.mark.parametrize("text", [
    "Pakistani Interior Minister Ahmed Raza met the envoy.",
    "Ahmed Raza, Pakistan's Interior Minister, met the envoy.",
])
def test_a_person_not_in_the_dictionary_is_coded_from_title_and_nationality(actors, text):
    m = next(m for m in actors(text) if "Ahmed Raza" in m.text)
    assert (m.code, m.kind) == ("PAKGOV", "person")


def test_an_unknown_person_keeps_his_own_name(actors):
    m = next(m for m in actors("Pakistani Interior Minister Ahmed Raza met the envoy.")
             if "Ahmed Raza" in m.text)
    assert m.name == "Ahmed Raza"


# -- coreference -----------------------------------------------------------------------------

WELLS = ("Alice Wells, the US ambassador, arrived in Islamabad on Monday. "
         "She met Pakistani officials. The ambassador urged them to act.")


def test_pronoun_and_role_description_resolve_to_the_ambassador(actors):
    ms = actors(WELLS)
    assert coded(ms, "Alice Wells, the US ambassador") == "USAGOV"
    she, amb = mention(ms, "She"), mention(ms, "The ambassador")
    assert (she.code, amb.code) == ("USAGOV", "USAGOV")
    assert she.resolved_from and amb.resolved_from
    them = mention(ms, "them")
    assert (them.code, them.resolved_from) == ("PAKGOV", "Pakistani officials")


def test_pronoun_after_an_apposition_names_the_person(actors):
    she = mention(actors(WELLS), "She")
    assert she.name == "Alice Wells"
    assert she.resolved_from == "Alice Wells, the US ambassador"


def test_surname_and_role_resolve_to_a_person_not_in_the_dictionary(actors):
    ms = actors("Hiroshi Tanabe, the Japanese foreign minister, visited India. "
                "Tanabe met Indian officials. The minister praised India.")
    tanabe, minister = mention(ms, "Tanabe"), mention(ms, "The minister")
    assert (tanabe.code, minister.code) == ("JPNGOV", "JPNGOV")
    assert tanabe.resolved_from == "Hiroshi Tanabe, the Japanese foreign minister"
    assert minister.resolved_from
    assert coded(ms, "Indian officials") == "INDGOV"


def test_surname_resolves_to_a_dictionary_person(actors):
    ms = actors("Alice Wells met Pakistani officials in Islamabad. Wells urged them to act.")
    wells = mention(ms, "Wells")
    assert (wells.code, wells.name, wells.resolved_from) == ("USAGOV", "Alice Wells",
                                                             "Alice Wells")


@pytest.mark.parametrize(("text", "pronoun", "code", "source"), [
    ("Pakistan closed the border. It said the move was temporary.", "It", "PAK", "Pakistan"),
    ("NATO condemned the strike. It said the attack was unlawful.", "It", "IGONAT", "NATO"),
    ("Islamabad said it would retaliate.", "it", "PAKGOV", "Islamabad"),
    ("Pakistani troops crossed the line. They fired on Indian posts.", "They", "PAKMIL",
     "Pakistani troops"),
    ("Kenyan police arrested the suspects. Police later released the suspects.", "Police",
     "KENCOP", "Kenyan police"),
])
def test_pronouns_and_bare_roles_resolve_to_the_earlier_actor(actors, text, pronoun, code,
                                                             source):
    m = mention(actors(text), pronoun)
    assert (m.code, m.resolved_from) == (code, source)


def test_a_chain_of_pronouns_keeps_the_first_mention(actors):
    ms = actors("Hezbollah fired rockets. It said it would fire more. Later it stopped.")
    chain = [m for m in ms if m.text.lower() == "it"]
    assert len(chain) == 3
    assert all((m.code, m.resolved_from) == ("LBNREB", "Hezbollah") for m in chain), chain


@pytest.mark.parametrize(("text", "word"), [
    ("He said the talks had failed.", "He"),  # no antecedent at all
    ("It was raining in the capital.", "It"),
    ("Imran Khan met Wells on Monday.", "Wells"),  # a surname never introduced in full
    ("Alice Wells, the US ambassador, met Pakistani officials. Later, Smith criticised the plan.",
     "Smith"),  # a different person's surname
])
def test_no_antecedent_stays_uncoded(actors, text, word):
    m = mention(actors(text), word)
    assert (m.code, m.country, m.resolved_from) == (None, None, None), m


def test_pronouns_do_not_reach_back_across_a_long_stretch(actors):
    filler = "The weather was mild and the markets were calm that week. " * 30  # > 1500 chars
    m = mention(actors("Pakistan closed the border. " + filler + "It said the move was over."),
                "It")
    assert m.code is None and m.resolved_from is None


def test_she_skips_a_plural_antecedent(actors):
    ms = actors("Alice Wells met Pakistani officials in Islamabad. She urged them to act.")
    she = mention(ms, "She")
    assert (she.code, she.name) == ("USAGOV", "Alice Wells")


def test_he_skips_reporters(actors):
    ms = actors("Donald Trump spoke to reporters on Monday. He said he would not back down.",
                date(2018, 6, 1))
    assert (mention(ms, "He").code, mention(ms, "He").name) == ("USAGOV", "Donald Trump")


def test_an_object_pronoun_is_not_its_own_subject(actors):
    ms = actors("Kenyan police arrested students. Police later released them.")
    assert mention(ms, "them").resolved_from == "students"


def test_the_president_resolves_to_the_president_named_before(actors):
    ms = actors("Donald Trump arrived in Tokyo on Monday. The president met Japanese officials.",
                date(2018, 6, 1))
    m = mention(ms, "The president")
    assert (m.code, m.name, m.resolved_from) == ("USAGOV", "Donald Trump", "Donald Trump")


def test_the_us_president_resolves_to_the_president_named_before(actors):
    ms = actors("Donald Trump arrived in Tokyo on Monday. The US president met Japanese "
                "officials.", date(2018, 6, 1))
    m = mention(ms, "The US president")
    assert (m.code, m.name, m.resolved_from) == ("USAGOV", "Donald Trump", "Donald Trump")


def test_a_namesake_with_another_first_name_is_another_person(actors):
    ms = actors("Hiroshi Tanabe, the Japanese foreign minister, visited India. "
                "Kenji Tanabe, a farmer, criticised the visit.")
    m = next(m for m in ms if m.text.startswith("Kenji Tanabe"))
    assert m.resolved_from is None and m.sector != "GOV", m


# -- user dictionaries -----------------------------------------------------------------------

USER_DICT = """\
# synthetic user dictionary for tests
countries:
  - {code: PAK, name: Pakistan, aliases: [Pak]}
people:
  - name: Zara Okonkwo-Bell
    aliases: [Zara Okonkwo-Bell, Okonkwo-Bell]
    country: NGA
    default_sector: OPP
    roles:
      - {title: Finance Minister, country: NGA, sector: GOV, start: 2019-05-01, end: 2023-05-29}
organisations:
  - {name: Trump Organization, aliases: [Trump Organization], code: USABUS, country: USA,
     sector: BUS}
  - {name: Lagos Traders Union, aliases: [Lagos Traders Union, LGTU], code: NGALAB,
     country: NGA, sector: LAB}
"""


def test_user_dictionary_merges_without_touching_ours(tmp_path, actors):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_DICT)
    d = dictionary.load((str(path),))
    assert [a.code for a in d.aliases["LGTU"]] == ["NGALAB"]
    assert "Pak" in d.aliases and "Okonkwo-Bell" in d.aliases
    assert "LGTU" not in dictionary.load().aliases  # our built-in dictionary is unchanged
    assert "Zara Okonkwo-Bell" not in dictionary.load().aliases


def test_user_dictionary_on_the_command_line(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_DICT)
    docs = tmp_path / "docs.jsonl"
    body = ("Synthetic test text.\n\nZara Okonkwo-Bell criticised Pakistan on Monday. "
            "The Lagos Traders Union criticised the government. "
            "The Trump Organization criticised Mexico. Pak troops attacked Afghan rebels.\n")
    later = "Synthetic later text.\n\nZara Okonkwo-Bell criticised Kenya on Friday.\n"
    docs.write_text("".join(json.dumps({"id": i, "text": t, "date": d}) + "\n"
                            for i, t, d in (("in-office", body, "2020-03-03"),
                                            ("out", later, "2024-03-08"))))
    r = run_cli("code", str(docs), "--dictionary", str(path))
    assert r.returncode == 0, r.stderr
    events = [json.loads(x) for x in r.stdout.decode().splitlines()]
    by_doc: dict[str, dict[str, str]] = {}
    for e in events:
        for side in ("source", "target"):
            if e[side] and e[side]["code"]:
                by_doc.setdefault(e["doc_id"], {})[e[side]["text"]] = e[side]["code"]
    got = by_doc.get("in-office", {})
    assert got.get("Zara Okonkwo-Bell") == "NGAGOV", events  # a new person, dated
    assert by_doc.get("out", {}).get("Zara Okonkwo-Bell") == "NGAOPP", events
    assert got.get("The Lagos Traders Union") == "NGALAB", got  # a new organisation
    assert got.get("The Trump Organization") == "USABUS", got  # longer alias beats "Trump"
    assert got.get("Pak troops") == "PAKMIL", got  # a new alias of one of our countries


@pytest.mark.parametrize("content", [
    "just: [a, list]\n",  # no known section
    "countries:\n  - {name: Nowhere}\n",  # an entry without its code
    "people: Zara\n",  # a section that is not a list of entries
    None,  # no such file
])
def test_bad_user_dictionary_is_one_line_and_exit_2(tmp_path, content):
    path = tmp_path / "bad.yaml"
    if content is not None:
        path.write_text(content)
    r = run_cli("code", "-", "--dictionary", str(path), stdin=b"Synthetic text.")
    err = r.stderr.decode().strip()
    assert r.returncode == 2, err
    assert str(path) in err and "Traceback" not in err
    assert len(err.splitlines()) == 1, err


def test_bad_yaml_syntax_is_one_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("people: [\n")
    r = run_cli("code", "-", "--dictionary", str(path), stdin=b"Synthetic text.")
    err = r.stderr.decode().strip()
    assert r.returncode == 2 and str(path) in err
    assert len(err.splitlines()) == 1, err


@pytest.mark.parametrize(("word", "country"), [("Ethopia", "ETH"), ("Afganistan", "AFG"),
                                               ("Venezuala", "VEN"), ("Pakistanni", "PAK")])
def test_a_misspelt_country_name_is_still_found(word, country):
    from eventlens.actors.matcher import misspelt_country
    from eventlens.pipeline import Coder
    hit = misspelt_country(word, Coder().actor_dictionary)
    assert hit is not None and hit.actors[0].country == country


@pytest.mark.parametrize("word", ["Austria", "Georgetown", "Indiana", "Liberal", "Grenade",
                                  "Bolivar", "Columbia"])
def test_real_names_are_not_taken_for_misspelt_countries(word):
    from eventlens.actors.matcher import misspelt_country
    from eventlens.pipeline import Coder
    hit = misspelt_country(word, Coder().actor_dictionary)
    assert hit is None or hit.alias == word


def test_a_role_description_skips_a_person_with_another_title(actors):
    ms = actors("Alice Wells, the US ambassador, met Pakistani officials in Islamabad. "
                "The minister said the talks were useful.")
    m = mention(ms, "The minister")
    assert m.resolved_from != "Alice Wells, the US ambassador" and m.name != "Alice Wells", m


def test_a_dateline_makes_the_story_country_for_titled_people(coder):
    """A titled person of no stated nationality in a story filed from Mogadishu is Somali,
    though Addis Ababa was named just before."""
    from eventlens import nlp
    from eventlens.actors.resolve import DocActors

    text = ("Somalia recalled its ambassador after Addis Ababa signed a port deal. "
            "President Abdiqani Warsame accused Ethiopia of aggression.")
    doc = next(iter(nlp.parse([text], 1, 1)))
    with_dateline = DocActors(doc, coder.actor_dictionary, None, dateline="SOM")
    m = next(m for m in with_dateline.cache.values() if m and m.text.startswith("President"))
    assert m.code == "SOMGOV", m


def test_an_office_speaks_for_its_holder(actors):
    ms = actors("The Kenyan president's office said the talks would resume.")
    assert coded(ms, "The Kenyan president's office") == "KENGOV"
