"""The store's near-duplicate handling through eventlens.clean.neardup (synthetic texts)."""

from __future__ import annotations

import pytest

from eventlens.model import Article
from eventlens.store import arrow, duck, neardup

TEXT = "\n\n".join(
    f"In paragraph {i}, troops of the two countries clashed along sector {i * 7} of the "
    f"disputed border, officials said, and both governments summoned envoy number {i}."
    for i in range(12))

pytestmark = pytest.mark.skipif(not neardup.available(), reason="eventlens.clean.neardup absent")


def _art(doc_id, text, site=None):
    return Article(id=doc_id, uri=doc_id, title="t", text=text, site=site,
                   content_hash=f"h-{doc_id}")


def test_store_marks_copies_of_stored_articles(tmp_path):
    con = duck.connect(tmp_path / "t.duckdb")
    try:
        assert duck.write_batch(con, [_art("a", TEXT)], []) == (1, 0)
        copy = _art("b", TEXT + "\n\nThis copy was filed by the regional desk.", "other.example")
        other = _art("c", "A completely different story about a football match and the "
                          "weather in a small coastal town, with no politics at all. " * 3)
        assert duck.write_batch(con, [copy, other], []) == (2, 0)
        rows = con.execute("SELECT doc_id, duplicate_of, octet_length(minhash) FROM articles "
                           "ORDER BY doc_id").fetchall()
        assert [r[:2] for r in rows] == [("a", None), ("b", "a"), ("c", None)]
        assert all(r[2] for r in rows)
        idx = neardup.index(con)
        assert "a" in idx and "c" in idx and "b" not in idx
    finally:
        con.close()


def test_pipeline_verdict_is_kept_and_copies_keep_no_events(tmp_path):
    from dataclasses import replace

    con = duck.connect(tmp_path / "t.duckdb")
    try:
        a = _art("a", TEXT)
        b = replace(_art("b", "anything else entirely, short"), duplicate_of="a")
        tbl = arrow.articles_table([a, b])
        assert tbl.column("duplicate_of").to_pylist() == [None, "a"]
        duck.write_batch(con, [a, b], [])
        assert con.execute("SELECT duplicate_of FROM articles WHERE doc_id = 'b'").fetchone() == ("a",)
    finally:
        con.close()
