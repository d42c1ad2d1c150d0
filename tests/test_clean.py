"""The cleaner: scrape headers, link and share lines, repeated text; never crashes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXPECTED, FIXTURES, SEED, need_shared
from eventlens.clean import clean
from eventlens.clean.repeats import drop_repeats
from eventlens.ingest import InputError, read_inputs
from eventlens.model import Article, RawDocument


def _clean_file(path):
    (raw,) = list(read_inputs([str(path)]))
    art = clean(raw)
    assert isinstance(art, Article), art
    return art


def test_scrape_header_and_noise_removed():
    art = _clean_file(FIXTURES / "scrape_sample.txt")
    assert art.site == "The Harbour Ledger"
    assert art.section == "Regional News"
    assert art.page_date.isoformat() == "2024-06-03"
    assert art.title == "Kenya and Tanzania agree to reopen border crossing"
    assert "Read more" not in art.text and "Share this" not in art.text and "Subscribe" not in art.text
    assert art.text.count("accused Kenya of blocking lorries") == 1
    reasons = {d.reason for d in art.dropped}
    assert {"site banner", "date banner", "section label", "link to another article",
            "share/subscribe/cookie boilerplate", "repeated paragraph"} <= reasons


def test_paragraph_offsets_point_into_text():
    art = _clean_file(FIXTURES / "scrape_sample.txt")
    for start, end in art.paragraphs:
        assert art.text[start:end].strip() == art.text[start:end]
        assert art.text[start:end]


def test_near_duplicate_sentence_with_typo_dropped():
    pars = ["Officials in Lusaka signed the agreement with the miners union on Friday.",
            "Other news followed. Officials in Lusaka signed the agrement with the miners union on Friday."]
    kept, dropped = drop_repeats(pars)
    assert kept == [pars[0], "Other news followed."]
    assert dropped == [("Officials in Lusaka signed the agrement with the miners union on Friday.",
                        "repeated sentence")]


def test_seed_cleaning_matches_expected():
    import json

    need_shared(SEED)
    spec = json.loads(EXPECTED.read_text())["cleaning"]
    art = _clean_file(SEED)
    assert art.title == spec["title"]
    assert art.site == spec["site"]
    assert art.section == spec["section"]
    assert art.page_date.isoformat() == spec["page_date"]
    for prefix in spec["must_drop_lines_starting_with"]:
        assert not any(line.strip().startswith(prefix) for line in art.text.splitlines())
    for par in spec["duplicated_paragraphs"]:
        assert art.text.count(par) == 1, par


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_clean_never_crashes_and_keeps_text_or_says_why(text):
    out = clean(RawDocument(id="x", uri="x", content=text, media_type="text/plain"))
    if isinstance(out, InputError):
        assert out.reason and "x" in out.line()
    else:
        assert out.text.strip()
        for start, end in out.paragraphs:
            assert 0 <= start <= end <= len(out.text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "The minister met the envoy in Rome on Tuesday.", "Talks resumed after a long pause.",
    "Protesters marched through the capital demanding reforms.", "Share this article",
    "Read more: Another story", ""]), max_size=30))
def test_repeats_keep_first_occurrence_only(pars):
    kept, dropped = drop_repeats([p for p in pars if p])
    sentences = [s for k in kept for s in k.split(". ")]
    long = [s for s in sentences if len(s.split()) >= 6]
    assert len(long) == len(set(long))
