"""Language identification: non-English documents are skipped with a reason, English kept.
The snippets are synthetic sentences written for this test."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from eventlens.clean import clean
from eventlens.clean.language import identify
from eventlens.ingest import InputError
from eventlens.model import Article, RawDocument

ENGLISH = [
    "The minister met the envoy in Rome on Tuesday to discuss the ceasefire.",
    "Kenya accused Tanzania of blocking lorries at the border.",
    "Protesters marched through Nairobi demanding reforms; police fired tear gas.",
    "NATO troops, Ukrainian forces clash near Donetsk; Kyiv, Moscow trade blame",
    "Russia, China, Iran, Pakistan, Afghanistan, India: Modi, Xi, Putin, Khan meet in Bishkek summit Tuesday.",
    "Talks resumed.",
]
OTHER = {
    "fr": "Le ministre a rencontré l'envoyé à Rome mardi pour discuter du cessez-le-feu entre les deux pays.",
    "de": "Der Minister traf den Gesandten am Dienstag in Rom, um über die Waffenruhe zu sprechen.",
    "es": "El ministro se reunió con el enviado en Roma el martes para hablar del alto el fuego.",
    "it": "Il ministro ha incontrato l'inviato a Roma martedì per discutere del cessate il fuoco.",
    "pt": "O ministro encontrou-se com o enviado em Roma na terça-feira para discutir o cessar-fogo.",
    "nl": "De minister ontmoette de gezant dinsdag in Rome om het staakt-het-vuren te bespreken.",
    "ru": "Министр встретился с посланником в Риме во вторник, чтобы обсудить прекращение огня.",
    "zh": "部长周二在罗马会见了特使，讨论停火问题。双方同意继续谈判，并将在下周举行新一轮会谈。",
    "ar": "التقى الوزير بالمبعوث في روما يوم الثلاثاء لمناقشة وقف إطلاق النار بين البلدين.",
    "tr": "Bakan salı günü Roma'da elçiyle görüşerek ateşkesi ve iki ülke arasındaki ilişkileri ele aldı.",
    "sw": "Waziri alikutana na mjumbe mjini Roma siku ya Jumanne kujadili usitishaji wa mapigano.",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_english(text):
    assert identify(text)[0] == "en"


@pytest.mark.parametrize("lang", sorted(OTHER))
def test_other_languages_are_named(lang):
    assert identify(OTHER[lang])[0] == lang


def test_non_english_document_skipped_with_reason():
    raw = RawDocument(id="fr.txt", uri="in/fr.txt", content=OTHER["fr"] * 3, media_type="text/plain")
    out = clean(raw)
    assert isinstance(out, InputError)
    assert out.source == "in/fr.txt" and "not English" in out.reason and "'fr'" in out.reason
    kept = clean(raw, english_only=False)
    assert isinstance(kept, Article) and kept.language == "fr"


def test_english_document_marked_en():
    raw = RawDocument(id="en", uri="en", content=" ".join(ENGLISH[:3]), media_type="text/plain")
    assert clean(raw).language == "en"


def test_cli_skips_non_english_unless_any_language(tmp_path):
    (tmp_path / "de.txt").write_text(OTHER["de"] * 2)
    (tmp_path / "en.txt").write_text(ENGLISH[0] + " " + ENGLISH[1])
    r = run_cli("clean", str(tmp_path), "--format", "json")
    assert r.returncode == 1
    assert "de.txt" in r.stderr.decode() and "not English" in r.stderr.decode()
    assert json.loads(r.stdout)["id"] == "en.txt"
    r = run_cli("clean", str(tmp_path), "--format", "json", "--any-language")
    assert r.returncode == 0
    assert {d["language"] for d in json.loads(r.stdout)} == {"de", "en"}
