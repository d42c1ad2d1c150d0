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


# Days relative to the article date (synthetic sentences; the article is of Tuesday TUE).
RELATIVE = [
    ("The army shelled the town today.", TUE),
    ("Rebels attacked a checkpoint earlier today.", TUE),
    ("Police raided the offices tonight.", TUE),
    ("The army shelled the town this morning.", TUE),
    ("Protesters gathered this evening.", TUE),
    ("The summit opens tomorrow.", date(2024, 3, 13)),
    ("Talks resume tomorrow morning in Doha.", date(2024, 3, 13)),
    ("The envoy leaves the day after tomorrow.", date(2024, 3, 14)),
    ("The army shelled the town yesterday.", date(2024, 3, 11)),
    ("The envoy left the day before yesterday.", date(2024, 3, 10)),
    ("The ministers will meet on Friday.", date(2024, 3, 15)),  # future clause: coming Friday
    ("The envoy is due to arrive on Thursday.", date(2024, 3, 14)),
    ("They'll meet on Monday, officials said.", date(2024, 3, 18)),
    ("The ministers will meet on Tuesday.", TUE),  # the article's own weekday: that day
    # a comma ends the future clause: the weekday dates the saying, in the past
    ("Pakistan will retaliate, the minister said on Friday.", date(2024, 3, 8)),
    ("Officials, who will not be named, said on Friday that talks failed.", date(2024, 3, 8)),
    # a weekday written with its date is dated by the date
    ("Troops crossed the border on Monday, 4 March.", date(2024, 3, 4)),
    ("Troops crossed the border on Monday, March 4.", date(2024, 3, 4)),
    ("Troops crossed the border on Monday 4 March 2024.", date(2024, 3, 4)),
    ("Troops crossed the border on Wednesday, 28 February.", date(2024, 2, 28)),
]


@pytest.mark.parametrize(("sentence", "expected"), RELATIVE)
def test_days_relative_to_the_article(sentence, expected):
    assert date_in(sentence, TUE) == expected


@pytest.mark.parametrize("sentence", [
    "The embassy stays closed until tomorrow.",
    "Rebels must withdraw by tomorrow.",
    "The summit opens tomorrow.",  # relative: needs an article date
])
def test_relative_days_that_do_not_date_the_event(sentence):
    base = None if sentence.startswith("The summit") else TUE
    assert date_in(sentence, base) is None


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ARTICLE_DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@settings(deadline=None)
@given(ARTICLE_DATES, st.integers(0, 6))
def test_weekdays_resolve_around_the_article_date(base, wd):
    name = WEEKDAYS[wd]
    on = date_in(f"The ministers met on {name}.", base)
    assert on is not None and on.weekday() == wd and 0 <= (base - on).days < 7
    last = date_in(f"The ministers met last {name}.", base)
    assert last is not None and last.weekday() == wd and 1 <= (base - last).days <= 7
    ahead = date_in(f"The ministers will meet on {name}.", base)
    assert ahead is not None and ahead.weekday() == wd and 0 <= (ahead - base).days < 7


@settings(deadline=None)
@given(ARTICLE_DATES)
def test_yesterday_today_tomorrow_on_any_article_date(base):
    for word, days in (("yesterday", -1), ("today", 0), ("tomorrow", 1)):
        assert (date_in(f"Officials said the talks end {word}.", base) - base).days == days
    assert (base - date_in("The ministers met last week.", base)).days == 7


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
