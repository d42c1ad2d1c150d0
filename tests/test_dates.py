"""Event dates: date phrases in the sentence resolved against the article date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventlens.dates import date_in, event_date, find_phrases
from eventlens.model import Article

TUE = date(2024, 3, 12)  # a Tuesday

CASES = [
    ("The army shelled the town yesterday.", date(2024, 3, 11)),
    ("Police raided the offices last night.", date(2024, 3, 11)),
    ("The two ministers met last week in Doha.", date(2024, 3, 5)),
    ("The ministers met on Monday.", date(2024, 3, 11)),
    ("The ministers met on Sunday.", date(2024, 3, 10)),
    ("The ministers met on Wednesday.", date(2024, 3, 6)),
    ("The ministers met on Tuesday.", TUE),  # the article's own weekday: that day
    ("The ministers met last Tuesday.", date(2024, 3, 5)),
    ("Rebels seized the town in March.", date(2024, 3, 1)),
    ("Rebels seized the town in January.", date(2024, 1, 1)),
    ("Rebels seized the town in April.", date(2023, 4, 1)),  # April 2024 is still ahead
    ("Troops crossed the border on 3 January.", date(2024, 1, 3)),
    ("Troops crossed the border on 3rd January.", date(2024, 1, 3)),
    ("Troops crossed the border on January 3.", date(2024, 1, 3)),
    ("Troops crossed the border on Jan. 3.", date(2024, 1, 3)),
    ("Troops crossed the border on March 5, 2024.", date(2024, 3, 5)),
    ("Troops crossed the border on 5 March 2023.", date(2023, 3, 5)),
    ("Troops crossed the border on 2022-11-30.", date(2022, 11, 30)),
    ("The talks collapsed in December 2023.", date(2023, 12, 1)),
    ("The envoy was expelled two days ago.", date(2024, 3, 10)),
    ("The envoy was expelled 3 days ago.", date(2024, 3, 9)),
    ("Protesters stormed parliament on Sept. 30.", date(2023, 9, 30)),
    ("Kenya said on Friday it would recall its envoy.", date(2024, 3, 8)),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_dates_resolved_against_article_date(sentence, expected):
    assert date_in(sentence, TUE) == expected


NO_DATE = [
    "The government may impose sanctions.",  # 'may' is not May
    "The army will march on the capital.",
    "The ceasefire has held since March.",  # not the event's date
    "Talks are due to resume by Friday.",
    "The sanctions stay until 3 January.",
    "Relations have soured this week.",  # vague
    "Relations have soured over the past decade.",
    "The deal signed in 2019 is dead.",  # a bare year is too vague
    "He said the second round was postponed.",
    "Officials will meet next Tuesday.",
]


@pytest.mark.parametrize("sentence", NO_DATE)
def test_no_event_date_in_sentence(sentence):
    assert date_in(sentence, TUE) is None


def test_relative_dates_need_an_article_date():
    assert date_in("The army shelled the town yesterday.", None) is None
    assert date_in("The army shelled the town on March 5, 2024.", None) == date(2024, 3, 5)


def test_nearest_phrase_to_the_action_wins():
    s = "After inconclusive talks between the two sides on Monday and two days of rising tension, the army shelled the town on Thursday."
    assert date_in(s, TUE, near=s.index("shelled")) == date(2024, 3, 7)


def test_future_dates_without_year_are_ignored():
    assert date_in("The summit opens on 20 March.", TUE) == date(2023, 3, 20)  # past preferred
    assert date_in("The summit opens tomorrow.", TUE) is None  # not one of our phrases


@settings(deadline=None)  # a shared machine: time is not what this checks
@given(st.text(max_size=200))
def test_find_phrases_never_crashes(text):
    for start, end, _kind, phrase in find_phrases(text):
        assert text[start:end] == phrase


@settings(deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from([c[0] for c in CASES]))
def test_resolved_dates_are_never_after_the_article(base, sentence):
    d = date_in(sentence, base)
    if d is not None and not any(ch.isdigit() for ch in sentence if ch != "3"):
        assert d <= base


def test_event_date_on_a_parsed_sentence():
    from eventlens import nlp

    text = "Kenya recalled its envoy. The army shelled the town yesterday, officials said."
    doc = next(iter(nlp.parse([text], 2, 1)))
    sents = list(doc.sents)
    art = Article(id="a", uri="a", title=None, text=text, published=TUE)
    assert event_date(sents[0], art) == (TUE, "publication")
    assert event_date(sents[1], art) == (date(2024, 3, 11), "sentence")
    page = Article(id="b", uri="b", title=None, text=text, page_date=TUE)
    assert event_date(sents[0], page) == (TUE, "page")
    assert event_date(sents[0], Article(id="c", uri="c", title=None, text=text)) == (None, None)
