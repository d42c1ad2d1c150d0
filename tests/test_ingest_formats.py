"""Readers for WARC, RSS/Atom, gzip, sniffed directories and stdin, on synthetic fixtures
written by the tests themselves (invented pages and feeds, not real news)."""

from __future__ import annotations

import gzip
import io
import json

from conftest import run_cli
from eventlens.clean import clean
from eventlens.ingest import InputError, read_inputs, streams
from eventlens.ingest.registry import read_bytes
from eventlens.model import Article, RawDocument

PAGE = (
    "<html><head><title>Story {i}</title>{meta}</head><body><article><h1>Story {i}</h1>"
    "<p>Kenya accused Tanzania of blocking lorries at the border crossing near Namanga on "
    "Monday, officials said in a statement on the matter.</p><p>The two governments agreed to "
    "meet in Arusha next week to settle the dispute, according to the trade ministry.</p>"
    "</article></body></html>"
)
META = "<meta property='article:published_time' content='2024-01-{d:02d}'>"
JSONL_LINE = {"id": "a", "text": "Chile recalled its ambassador from Peru on Monday."}


def warc_bytes(n: int = 3, gz: bool = False, meta: bool = True, extra: bool = False) -> bytes:
    """A small WARC: n HTML responses (and, with `extra`, records that are not documents)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)

    def response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"}))

    if extra:
        w.write_record(w.create_warcinfo_record("x.warc", {"software": "eventlens tests"}))
        response("http://example.com/logo.png", b"\x89PNG....", "image/png")
        response("http://example.com/gone", b"<html>gone</html>", "text/html", "404 Not Found")
    for i in range(n):
        html = PAGE.format(i=i, meta=META.format(d=i + 1) if meta else "")
        response(f"http://example.com/{i}", html.encode(), "text/html; charset=utf-8")
    return buf.getvalue()


def _split(items):
    docs = [o for o in items if isinstance(o, RawDocument)]
    errs = [o for o in items if isinstance(o, InputError)]
    return docs, errs


def test_warc_html_responses_become_documents(tmp_path):
    p = tmp_path / "crawl.warc"
    p.write_bytes(warc_bytes(extra=True))
    docs, errs = _split(list(read_inputs([str(p)])))
    assert not errs
    assert [d.uri for d in docs] == [f"http://example.com/{i}" for i in range(3)]
    assert all(d.id.startswith("crawl.warc@") and d.media_type == "text/html" for d in docs)
    assert docs[0].fetched_at.isoformat() == "2024-05-01T10:00:00+00:00"
    assert docs[0].meta["warc_date"] == "2024-05-01T10:00:00Z"


def test_warc_gz_and_whole_file_gzip_read_alike(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(warc_bytes(gz=True))
    (tmp_path / "b.warc.gz").write_bytes(gzip.compress(warc_bytes()))  # not per-record gzip
    for name in ("a.warc.gz", "b.warc.gz"):
        docs, errs = _split(list(read_inputs([str(tmp_path / name)])))
        assert not errs and len(docs) == 3, (name, errs)


def test_corrupt_warc_record_named_with_offset_and_rest_read(tmp_path):
    data = bytearray(warc_bytes())
    second = data.find(b"WARC/1", 10)
    data[second : second + 20] = b"X" * 20
    p = tmp_path / "bad.warc"
    p.write_bytes(bytes(data))
    docs, errs = _split(list(read_inputs([str(p)])))
    assert [d.uri for d in docs] == ["http://example.com/0", "http://example.com/2"]
    assert len(errs) == 1
    assert errs[0].source == f"{p}@{second}"
    assert f"byte offset {second}" in errs[0].reason and "corrupt WARC record" in errs[0].reason


def test_corrupt_gzip_member_in_warc_gz_skips_only_that_record(tmp_path):
    data = bytearray(warc_bytes(gz=True))
    second = data.find(b"\x1f\x8b\x08", 10)
    data[second + 20 : second + 60] = b"X" * 40
    p = tmp_path / "bad.warc.gz"
    p.write_bytes(bytes(data))
    docs, errs = _split(list(read_inputs([str(p)])))
    assert [d.uri for d in docs] == ["http://example.com/0", "http://example.com/2"]
    assert len(errs) == 1 and errs[0].source.startswith(f"{p}@")


def test_truncated_warc_keeps_complete_records(tmp_path):
    data = warc_bytes()
    p = tmp_path / "cut.warc"
    p.write_bytes(data[: len(data) - 200])
    docs, errs = _split(list(read_inputs([str(p)])))
    assert len(docs) >= 2 and len(errs) <= 1


def test_date_basis_html_meta_then_warc_date(tmp_path):
    (tmp_path / "m.warc").write_bytes(warc_bytes(n=1, meta=True))
    (tmp_path / "n.warc").write_bytes(warc_bytes(n=1, meta=False))
    (with_meta,) = [clean(d) for d in read_inputs([str(tmp_path / "m.warc")])]
    (without,) = [clean(d) for d in read_inputs([str(tmp_path / "n.warc")])]
    assert (with_meta.published.isoformat(), with_meta.date_basis) == ("2024-01-01", "html-meta")
    assert (without.published.isoformat(), without.date_basis) == ("2024-05-01", "warc-date")
    assert with_meta.title == "Story 0" and with_meta.text.startswith("Story 0\n\nKenya accused")


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Synthetic Ledger</title>
<item><title>Kenya and Tanzania clash over lorries</title><link>http://ledger.example/1</link>
<pubDate>Mon, 10 Jun 2024 10:00:00 GMT</pubDate><author>desk@ledger.example (Desk)</author>
<description>&lt;p&gt;Kenya accused Tanzania of blocking lorries at the border crossing on
Monday, officials said.&lt;/p&gt;&lt;p&gt;Talks are expected next week.&lt;/p&gt;</description></item>
<item><title>Uganda and Rwanda sign deal</title><link>http://ledger.example/2</link>
<description>Uganda and Rwanda signed a trade deal in Kigali on Friday, the ministry said.</description>
</item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Synthetic Atom</title><id>urn:x</id><updated>2024-06-11T00:00:00Z</updated>
<entry><title>Ethiopia hosts summit</title><id>urn:entry:1</id><link href="http://atom.example/1"/>
<published>2024-06-11T08:00:00Z</published><updated>2024-06-12T08:00:00Z</updated>
<content type="html">&lt;p&gt;Ethiopia hosted a regional summit in Addis Ababa on Tuesday, where
leaders discussed the security of the border region.&lt;/p&gt;</content></entry></feed>"""


def test_rss_entries_are_documents_with_feed_dates(tmp_path):
    p = tmp_path / "news.rss"
    p.write_bytes(RSS)
    docs, errs = _split(list(read_inputs([str(p)])))
    assert not errs and [d.uri for d in docs] == ["http://ledger.example/1", "http://ledger.example/2"]
    assert docs[0].meta["date"] == "2024-06-10" and docs[0].meta["title"].startswith("Kenya")
    art = clean(docs[0])
    assert isinstance(art, Article)
    assert (art.published.isoformat(), art.date_basis) == ("2024-06-10", "feed")
    assert art.title == "Kenya and Tanzania clash over lorries"
    assert "Kenya accused Tanzania" in art.text and "<p>" not in art.text
    assert isinstance(clean(docs[1]), Article)


def test_atom_feed_sniffed_from_xml_extension(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_bytes(ATOM)
    (doc,) = list(read_inputs([str(p)]))
    assert doc.id == "urn:entry:1" and doc.meta["date"] == "2024-06-11"
    art = clean(doc)
    assert art.published.isoformat() == "2024-06-11" and "Addis Ababa" in art.text


def test_feed_without_entries_is_an_error(tmp_path):
    p = tmp_path / "empty.rss"
    p.write_bytes(b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>")
    (err,) = list(read_inputs([str(p)]))
    assert isinstance(err, InputError) and "no feed entries" in err.reason


def test_gz_of_each_format(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Kenya accused Tanzania of blocking lorries.\n"))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.format(i=1, meta="").encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps(JSONL_LINE).encode() + b"\n"))
    (tmp_path / "d.rss.gz").write_bytes(gzip.compress(RSS))
    (tmp_path / "e.gz").write_bytes(gzip.compress(PAGE.format(i=2, meta="").encode()))  # sniffed
    docs, errs = _split(list(read_inputs([str(tmp_path)])))
    assert not errs
    assert [d.media_type for d in docs] == ["text/plain", "text/html", "text/plain", "text/html",
                                           "text/html", "text/html"]
    assert {d.id for d in docs} >= {"a.txt.gz", "b.html.gz", "a", "e.gz"}


def test_broken_gzip_keeps_what_was_read_and_names_the_file(tmp_path):
    import os

    lines = b"".join(
        json.dumps({"id": str(i), "text": f"Kenya accused Tanzania {os.urandom(40).hex()}"}).encode()
        + b"\n" for i in range(400))
    p = tmp_path / "dump.jsonl.gz"
    p.write_bytes(gzip.compress(lines)[:12000])
    docs, errs = _split(list(read_inputs([str(p)])))
    assert len(docs) > 10 and len(errs) == 1
    assert errs[0].source == str(p) and "truncated" in errs[0].reason
    q = tmp_path / "notgzip.txt.gz"
    q.write_bytes(b"this is not gzip at all")
    (err,) = list(read_inputs([str(q)]))
    assert isinstance(err, InputError) and "gzip" in err.reason


def test_directory_sniffs_extensionless_files_and_skips_hidden(tmp_path):
    (tmp_path / "page").write_bytes(PAGE.format(i=0, meta="").encode())
    (tmp_path / "dump").write_bytes(json.dumps(JSONL_LINE).encode() + b"\n")
    (tmp_path / "archive").write_bytes(warc_bytes(n=1))
    (tmp_path / "notes").write_bytes(b"Uganda and Rwanda signed a trade deal in Kigali.\n")
    (tmp_path / ".hidden.txt").write_text("skipped")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    docs, errs = _split(list(read_inputs([str(tmp_path)])))
    assert not errs
    by_id = {d.id: d.media_type for d in docs}
    assert by_id == {"archive@0": "text/html", "a": "text/plain", "notes": "text/plain",
                     "page": "text/html"}


def test_jsonl_enormous_line_skipped_with_line_number(tmp_path, monkeypatch):
    monkeypatch.setattr(streams, "MAX_DOC_BYTES", 1000)
    p = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "x " * 5000})
    p.write_text(json.dumps(JSONL_LINE) + "\n" + big + "\n" + json.dumps({**JSONL_LINE, "id": "c"}) + "\n")
    docs, errs = _split(list(read_inputs([str(p)])))
    assert [d.id for d in docs] == ["a", "c"]
    assert errs[0].source == f"{p}:2" and "longer than" in errs[0].reason


def test_single_document_over_the_size_limit_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(streams, "MAX_DOC_BYTES", 1000)
    p = tmp_path / "huge.txt"
    p.write_text("word " * 1000)
    (err,) = list(read_inputs([str(p)]))
    assert isinstance(err, InputError) and "larger than" in err.reason


def test_enormous_single_line_text_cleans(tmp_path):
    p = tmp_path / "oneline.txt"
    p.write_text("Kenya accused Tanzania of blocking lorries at the border on Monday. " * 20000)
    (doc,) = list(read_inputs([str(p)]))
    art = clean(doc)
    assert isinstance(art, Article) and art.text.count("Kenya accused") == 1


def test_mixed_and_legacy_encodings_decode(tmp_path):
    mixed = "Côte d’Ivoire".encode() + b" and S\xe3o Tom\xe9 signed a pact.\n"
    (doc,) = list(read_bytes(mixed, "mixed", "mixed"))
    assert doc.content == "Côte d’Ivoire and São Tomé signed a pact.\n"
    page = ("<html><head><meta charset='windows-1251'></head><body><p>"
            "Москва и Киев</p></body></html>").encode("cp1251")
    (doc,) = list(read_bytes(page, "ru", "ru"))
    assert "Москва и Киев" in doc.content


def test_stdin_gzip_and_warc(tmp_path):
    r = run_cli("clean", "-", "--format", "json", stdin=gzip.compress(
        b"Kenya accused Tanzania of blocking lorries at the border on Monday, officials said.\n"))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["id"] == "stdin"
    r = run_cli("clean", "-", "--format", "json", stdin=warc_bytes(n=2))
    assert r.returncode == 0, r.stderr
    assert [d["uri"] for d in json.loads(r.stdout)] == ["http://example.com/0", "http://example.com/1"]


def test_cli_clean_reports_corrupt_record_and_exits_1(tmp_path):
    data = bytearray(warc_bytes())
    second = data.find(b"WARC/1", 10)
    data[second : second + 20] = b"X" * 20
    p = tmp_path / "bad.warc"
    p.write_bytes(bytes(data))
    r = run_cli("clean", str(p), "--format", "json")
    assert r.returncode == 1
    err_lines = r.stderr.decode().strip().splitlines()
    assert len(err_lines) == 1 and f"{p}@{second}" in err_lines[0] and "Traceback" not in r.stderr.decode()
    docs = json.loads(r.stdout)
    assert [d["uri"] for d in docs] == ["http://example.com/0", "http://example.com/2"]
    assert docs[0]["body"].startswith("Kenya accused") and docs[0]["title"] == "Story 0"
