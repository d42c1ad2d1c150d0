"""HTML cleaning: headline without the site tail, tables kept, fragments, date basis order,
and the scrape rules added for extracted text. Pages are synthetic."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from conftest import run_cli
from eventlens.clean import body_text, clean
from eventlens.clean.boilerplate import clean_body_lines
from eventlens.clean.html import headline
from eventlens.clean.repeats import drop_repeats
from eventlens.model import Article, RawDocument

BODY = ("<p>Kenya accused Tanzania of blocking lorries at the border crossing near Namanga on "
        "Monday, officials said in a statement.</p><p>The two governments agreed to meet in "
        "Arusha next week to settle the dispute, according to the trade ministry.</p>")


def _page(head: str = "", body: str = BODY, title: str = "Kenya accuses Tanzania | The Ledger") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><article>"
            f"<h1>Kenya accuses Tanzania</h1>{body}</article></body></html>")


def _clean(html: str, meta=None, fetched=None) -> Article:
    art = clean(RawDocument(id="p", uri="p.html", content=html, media_type="text/html",
                            meta=meta or {}, fetched_at=fetched))
    assert isinstance(art, Article), art
    return art


def test_headline_drops_site_tail_and_body_copy():
    art = _clean(_page())
    assert art.title == "Kenya accuses Tanzania"
    assert art.text.count("Kenya accuses Tanzania") == 1
    assert body_text(art).startswith("Kenya accused Tanzania of blocking")
    assert headline("Brexit - what happens next", None, []) == "Brexit - what happens next"
    assert headline("Talks stall | Daily Ledger", "Daily Ledger", []) == "Talks stall"


def test_date_basis_order():
    meta_tag = "<meta property='article:published_time' content='2024-02-03'>"
    fetched = datetime(2024, 5, 1, tzinfo=UTC)
    warc = {"warc_date": "2024-05-01T00:00:00Z"}
    a = _clean(_page(meta_tag), meta={"date": "2024-04-04", "date_basis": "jsonl"}, fetched=fetched)
    assert (a.published.isoformat(), a.date_basis) == ("2024-02-03", "html-meta")
    b = _clean(_page(), meta={"date": "2024-04-04", "date_basis": "feed", **warc}, fetched=fetched)
    assert (b.published.isoformat(), b.date_basis) == ("2024-04-04", "feed")
    c = _clean(_page(), meta=warc, fetched=fetched)
    assert (c.published.isoformat(), c.date_basis) == ("2024-05-01", "warc-date")


def test_date_from_page_markup_when_no_metadata():
    art = _clean(_page(body=BODY + "<p class='date'>Published 12 March 2023</p>"))
    assert art.published.isoformat() == "2023-03-12" and art.date_basis in ("html-meta", "html-text")


def test_tables_are_kept():
    table = ("<table><tr><th>Country</th><th>Lorries</th></tr><tr><td>Kenya</td><td>420</td></tr>"
             "<tr><td>Tanzania</td><td>310</td></tr></table>")
    art = _clean(_page(body=BODY + table))
    assert "420" in art.text and "310" in art.text


def test_html_fragment_without_page_markup():
    art = _clean("<p>Kenya accused Tanzania.</p><p>Talks next week.</p>")
    assert "Kenya accused Tanzania." in art.text


def test_new_boilerplate_lines_dropped_with_reason():
    parts = clean_body_lines([
        "Kenya accused Tanzania of blocking lorries.", "-", "•", "Comments", "DON'T MISS",
        "See more: Another story", "Also on ledger.example Another story",
        "Follow The Ledger on Facebook, Twitter and Instagram.",
        "Get the latest updates right in your inbox. Subscribe to our newsletters.",
        "Talks resume next week.",
    ], scrape_header=False)
    assert parts.paragraphs == ["Kenya accused Tanzania of blocking lorries.", "Talks resume next week."]
    reasons = {r for _, r in parts.dropped}
    assert reasons == {"no words (bullet or divider)", "share/subscribe/cookie boilerplate",
                       "link to another article"}


def test_short_structural_repeats_kept_long_ones_dropped():
    pars = ["Pre-Workout Meal", "Eat one hour before.", "Plan A: rice", "Pre-Workout Meal",
            "Eat one hour before.", "Plan B: beans"]
    assert drop_repeats(pars)[0] == pars
    long = "Officials in Lusaka signed the agreement with the miners union on Friday."
    kept, dropped = drop_repeats([long, "Other news. " + long + " " + long])
    assert kept == [long, "Other news."] and len(dropped) == 2
    near = ["Meal prep menu for eating plan A", "Meal prep menu for eating plan B"]
    assert drop_repeats(near)[0] == near  # a few changed letters in short text are meaning


def test_cli_json_streams_a_list_with_body(tmp_path):
    (tmp_path / "a.html").write_text(_page())
    (tmp_path / "b.txt").write_text("Uganda and Rwanda signed a trade deal in Kigali on Friday.\n")
    r = run_cli("clean", str(tmp_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    docs = json.loads(r.stdout)
    assert [d["id"] for d in docs] == ["a.html", "b.txt"]
    assert docs[0]["body"].startswith("Kenya accused") and docs[0]["text"].startswith("Kenya accuses")
    r = run_cli("clean", str(tmp_path / "missing"), "--format", "json")
    assert r.returncode == 1 and json.loads(r.stdout) == []
