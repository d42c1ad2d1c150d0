"""Malformed input, generated: every reader and the cleaner give a document or one clear error,
never an exception. Together with the fuzz tests in test_ingest.py and test_clean.py this
runs well over 1,000 generated inputs (truncated and invalid HTML, wrong and mixed encodings,
binary data, empty and enormous lines, broken gzip, corrupt WARC records, bad JSONL, broken
feeds). All inputs are synthetic."""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ingest_formats import ATOM, PAGE, RSS, warc_bytes

from eventlens.clean import clean
from eventlens.ingest import InputError, feed, jsonl, warc
from eventlens.ingest.registry import read_bytes
from eventlens.model import Article, RawDocument

# derandomize: CI runs the same 1,100+ cases every time, so a red build is reproducible.
FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_WARC = warc_bytes(n=3)
_WARC_GZ = warc_bytes(n=3, gz=True)
_HTML = PAGE.format(i=0, meta="").encode()
_GOOD_LINE = json.dumps({"id": "a", "text": "Kenya accused Tanzania of blocking lorries."})


def _check(items, source: str) -> list:
    """Each item a RawDocument, or an InputError naming the source with a one-line reason;
    every document also cleans into an Article or an InputError."""
    items = list(items)
    for o in items:
        assert isinstance(o, RawDocument | InputError), o
        if isinstance(o, InputError):
            assert o.source.startswith(source) and o.reason.strip(), o
            assert "\n" not in o.line()
        else:
            art = clean(o)
            assert isinstance(art, Article | InputError)
            if isinstance(art, Article):
                assert art.text.strip()
                assert all(0 <= a <= b <= len(art.text) for a, b in art.paragraphs)
    return items


def _mutate(data: bytes, cut: int, at: int, junk: bytes) -> bytes:
    """Truncate at `cut` (fraction in 1/1000s) and overwrite bytes at `at` with `junk`."""
    data = data[: max(1, len(data) * cut // 1000)]
    pos = len(data) * at // 1000
    return data[:pos] + junk + data[pos + len(junk):]


mutations = st.tuples(st.integers(1, 1000), st.integers(0, 999), st.binary(max_size=64))


@FUZZ
@given(mutations)
def test_truncated_and_corrupt_warc(m):
    for base in (_WARC, _WARC_GZ):
        data = _mutate(base, *m)
        _check(warc.read(io.BytesIO(data), "fuzz.warc", "fuzz.warc"), "fuzz.warc")


@FUZZ
@given(mutations, st.sampled_from([b"", b"\x00\x01\x02", b"</p></div>", b"<script>", b"<!--"]))
def test_truncated_and_invalid_html(m, junk):
    data = _mutate(_HTML, m[0], m[1], m[2] + junk)
    _check(read_bytes(data, "fuzz.html", "fuzz.html"), "fuzz.html")


_ENCODINGS = ["utf-8", "cp1252", "latin-1", "utf-16", "shift_jis", "koi8-r", "cp1251", "gb2312"]


@FUZZ
@given(st.lists(st.tuples(st.text(max_size=200), st.sampled_from(_ENCODINGS)), max_size=5),
       st.booleans())
def test_wrong_and_mixed_encodings(parts, as_html):
    data = b"".join(t.encode(enc, errors="replace") for t, enc in parts)
    if as_html:
        data = b"<html><meta charset='koi8-r'><body><p>" + data + b"</p></body></html>"
    _check(read_bytes(data, "fuzz", "fuzz"), "fuzz")


@FUZZ
@given(st.sampled_from([_HTML, _GOOD_LINE.encode() * 3, RSS, b"Plain text body.\n" * 50]),
       mutations)
def test_broken_gzip(payload, m):
    data = _mutate(gzip.compress(payload), *m)
    _check(read_bytes(data, "fuzz.gz", "fuzz.gz"), "fuzz.gz")


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    max_leaves=8,
)
_lines = st.one_of(
    st.just(_GOOD_LINE),
    _json_values.map(json.dumps),
    st.fixed_dictionaries({"id": _json_values, "text": _json_values}).map(json.dumps),
    st.fixed_dictionaries({"html": st.text(max_size=80), "date": st.text(max_size=12)}).map(json.dumps),
    st.text(max_size=80),
    st.just("x" * 20000),  # an enormous line of junk
)


@FUZZ
@given(st.lists(_lines, max_size=8), st.binary(max_size=20))
def test_bad_jsonl(lines, tail):
    data = "\n".join(lines).encode("utf-8", "surrogatepass") + tail
    stream = io.BufferedReader(io.BytesIO(data))
    _check(jsonl.read(stream, "fuzz.jsonl", "fuzz.jsonl"), "fuzz.jsonl")


@settings(max_examples=120, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([RSS, ATOM]), mutations)
def test_broken_feeds(base, m):
    data = _mutate(base, *m)
    _check(feed.read(io.BytesIO(data), "fuzz.rss", "fuzz.rss"), "fuzz.rss")
