"""Our data files load and cover what they must; users extend them without code."""

from __future__ import annotations

import json

from conftest import run_cli
from eventlens.actors import dictionary
from eventlens.events import patterns
from eventlens.ontology import cameo


def test_patterns_use_known_codes_and_cover_every_root():
    index = patterns.load()
    table = cameo.table()
    codes = {p.code for ps in index.by_key.values() for p in ps}
    unknown = sorted(c for c in codes if c not in table)
    assert not unknown, unknown
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}


def test_country_aliases_demonyms_and_capitals():
    d = dictionary.load()
    kinds = {a.kind: a.country for a in d.aliases["Pakistani"]}
    assert kinds.get("adjective") == "PAK"
    assert any(a.country == "USA" for a in d.aliases["United States"])
    assert any(a.country == "AFG" and a.sector == "GOV" for a in d.aliases["Kabul"])
    assert d.roles[("government",)] == "GOV" and d.roles[("troops",)] == "MIL"


def test_user_dictionary_adds_actors_and_patterns(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "countries:\n  - {code: XWK, name: Wakanda, aliases: [Wakanda], adjectives: [Wakandan]}\n"
        "patterns:\n  - {lemma: snub, code: '111'}\n"
    )
    doc = tmp_path / "doc.txt"
    doc.write_text("Synthetic test sentence.\n\nThe Wakandan government snubbed Kenya on Monday.\n")
    r = run_cli("code", str(doc), "--dictionary", str(user))
    assert r.returncode == 0, r.stderr
    events = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert any(e["source"]["code"] == "XWKGOV" and e["cameo"] == "111" and
               e["target"]["country"] == "KEN" for e in events), events


def test_bad_user_dictionary_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: [a, list]\n")
    r = run_cli("code", "-", "--dictionary", str(bad), stdin=b"text")
    assert r.returncode == 2
    assert str(bad).encode() in r.stderr and b"Traceback" not in r.stderr
