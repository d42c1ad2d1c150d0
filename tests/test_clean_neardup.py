"""Near-duplicate articles: a lightly edited wire copy points at its original and is not coded
again; different articles are left alone. Articles are synthetic."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from eventlens.clean import clean
from eventlens.clean.neardup import NearDuplicates
from eventlens.model import Article, RawDocument

BODY = [
    "Kenya accused Tanzania of blocking lorries at the Namanga border crossing on Monday, "
    "officials in Nairobi said in a statement.",
    "The trade ministry said hundreds of trucks carrying maize and fuel had been stranded for "
    "three days while customs officers on the Tanzanian side refused to process documents.",
    "Tanzania's foreign ministry rejected the accusation and said the delays were caused by a "
    "new electronic cargo system that had been installed last week.",
    "Both governments agreed to send senior officials to Arusha on Thursday to settle the "
    "dispute before the regional summit later this month.",
    "Traders on both sides of the border said the closure was costing them millions of "
    "shillings every day and urged the two capitals to reopen the crossing quickly.",
]
OTHER = [
    "Uganda and Rwanda signed a trade agreement in Kigali on Friday to cut tariffs on farm "
    "goods and to open a second rail link between the two countries.",
    "The deal follows two years of talks and was welcomed by business groups in Kampala, who "
    "said exporters of coffee and tea would benefit first.",
    "Officials said the rail link would be built by a consortium of regional companies and "
    "should carry its first freight within three years of the start of construction.",
]


def _article(doc_id: str, headline: str, paragraphs: list[str]) -> Article:
    text = headline + "\n\n" + "\n\n".join(paragraphs)
    art = clean(RawDocument(id=doc_id, uri=doc_id, content=text, media_type="text/plain"))
    assert isinstance(art, Article)
    return art


def _copy_with_edits() -> list[str]:
    edited = list(BODY)
    edited[2] = edited[2].replace("rejected the accusation", "denied the claim")
    edited[4] = edited[4].replace("millions of shillings", "a fortune")
    return edited + ["(Reporting by Wire Staff; editing by Desk Editor)"]


def test_light_edits_are_a_duplicate_of_the_original():
    index = NearDuplicates()
    orig = _article("wire-1", "Kenya accuses Tanzania of blocking lorries", BODY)
    copy = _article("paper-7", "UPDATE 1-Kenya, Tanzania row over border trucks", _copy_with_edits())
    other = _article("wire-2", "Uganda and Rwanda sign trade deal", OTHER)
    assert index.check_and_add(orig) is None
    assert index.check_and_add(copy) == "wire-1"
    assert index.check_and_add(other) is None
    assert len(index) == 2 and "paper-7" not in index  # a duplicate is not indexed itself


def test_same_event_different_wording_is_not_a_duplicate():
    index = NearDuplicates()
    index.check_and_add(_article("a", "Kenya accuses Tanzania", BODY))
    rewritten = [BODY[0], "Hundreds of lorries queued for days on the Tanzanian side, drivers "
                 "said, as customs officers refused to stamp their papers.",
                 "Dar es Salaam blamed a new cargo tracking system and denied any intent to "
                 "hurt Kenyan exporters, according to a government spokesman."]
    assert index.check_and_add(_article("b", "Border row deepens", rewritten)) is None


def test_signatures_persist_and_reload():
    first = NearDuplicates()
    orig = _article("wire-1", "Kenya accuses Tanzania of blocking lorries", BODY)
    sig = first.signature(orig)
    assert isinstance(sig, bytes) and len(sig) == 128 * 4
    assert first.signature(orig) == sig  # deterministic across calls and processes
    second = NearDuplicates()
    assert second.load([("wire-1", sig), ("wire-1", sig)]) == 1
    copy = _article("paper-7", "Kenya, Tanzania row", _copy_with_edits())
    assert second.check_and_add(copy) == "wire-1"
    assert second.check_and_add(orig) is None  # re-reading the original itself is no duplicate
    with pytest.raises(ValueError):
        second.load([("bad", b"\x00" * 10)])


def test_pipeline_does_not_code_a_near_duplicate_twice(coder):
    text = "Kenya accuses Tanzania of blocking lorries\n\n" + "\n\n".join(BODY)
    copy = "Kenya, Tanzania row over trucks\n\n" + "\n\n".join(_copy_with_edits())
    docs = [RawDocument(id=i, uri=i, content=t, media_type="text/plain")
            for i, t in (("wire-1", text), ("paper-7", copy))]
    first, second = list(coder.run(docs))
    assert first.article.duplicate_of is None and first.events
    assert second.article.duplicate_of == "wire-1" and second.events == []


def test_cli_code_verbose_reports_duplicate_and_clean_marks_it(tmp_path):
    (tmp_path / "a.txt").write_text("Kenya accuses Tanzania of blocking lorries\n\n" + "\n\n".join(BODY))
    (tmp_path / "b.txt").write_text("Kenya, Tanzania row\n\n" + "\n\n".join(_copy_with_edits()))
    r = run_cli("code", str(tmp_path), "--format", "jsonl", "--verbose")
    assert r.returncode == 0, r.stderr
    assert "b.txt: near-duplicate of a.txt; not coded" in r.stderr.decode()
    assert {json.loads(ln)["doc_id"] for ln in r.stdout.decode().splitlines()} == {"a.txt"}
    r = run_cli("clean", str(tmp_path), "--near-duplicates")
    assert [d["duplicate_of"] for d in json.loads(r.stdout)] == [None, "a.txt"]
