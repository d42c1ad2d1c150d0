"""Synthetic news corpora of any size, for benchmarks: deterministic for a given seed.

Articles are built from sentence templates filled with actors from our dictionaries
(data/actors: countries, demonyms with role nouns, capitals, people with their titles,
organisations) and predicates from the pattern dictionary (data/events/patterns.yaml, with
their particle/preposition/object/xcomp cues), plus datelines, dates, places, numbers,
quotes, background sentences, boilerplate (share/read-more/copyright lines), typos and
repeated paragraphs. A share of the articles is wrapped in an HTML page with navigation and
footer, so the cleaner's HTML path is exercised too. Every article is SYNTHETIC: invented
events between real countries, not real news.

    python benchmarks/gen_corpus.py --words 1000000 --seed 7 --out corpus.jsonl
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

_IRREGULAR = {
    "say": "said", "tell": "told", "meet": "met", "hold": "held", "give": "gave",
    "make": "made", "send": "sent", "take": "took", "begin": "began", "bring": "brought",
    "fight": "fought", "shoot": "shot", "strike": "struck", "lead": "led", "leave": "left",
    "keep": "kept", "buy": "bought", "sell": "sold", "break": "broke", "withdraw": "withdrew",
    "write": "wrote", "speak": "spoke", "seek": "sought", "win": "won", "lose": "lost",
    "put": "put", "set": "set", "cut": "cut", "hit": "hit", "let": "let", "shut": "shut",
    "quit": "quit", "spread": "spread", "throw": "threw", "forgive": "forgave", "get": "got",
    "go": "went", "come": "came", "see": "saw", "run": "ran", "stand": "stood", "blow": "blew",
    "drive": "drove", "ride": "rode", "rise": "rose", "arise": "arose", "feed": "fed",
    "flee": "fled", "bind": "bound", "find": "found", "teach": "taught", "catch": "caught",
    "think": "thought", "hear": "heard", "pay": "paid", "lay": "laid", "bear": "bore",
    "swear": "swore", "tear": "tore", "steal": "stole", "freeze": "froze", "choose": "chose",
    "undertake": "undertook", "overthrow": "overthrew", "forbid": "forbade", "do": "did",
    "have": "had", "be": "was", "sink": "sank", "sting": "stung", "slay": "slew",
    "beat": "beat", "bid": "bid", "read": "read", "show": "showed", "understand": "understood",
    "upset": "upset", "uphold": "upheld", "withhold": "withheld", "overrun": "overran",
    "shake": "shook", "wake": "woke", "hang": "hanged", "dig": "dug", "sit": "sat",
    "light": "lit", "deal": "dealt", "mean": "meant", "build": "built", "spend": "spent",
    "lend": "lent", "hurt": "hurt", "bet": "bet", "slit": "slit", "split": "split",
}
_DOUBLE = {"admit", "commit", "permit", "submit", "regret", "control", "patrol", "compel",
           "expel", "propel", "repel", "rebel", "occur", "prefer", "refer", "confer", "deter",
           "transfer", "equip", "acquit", "omit", "outstrip", "embed", "abet", "allot"}
_VOWELS = set("aeiou")


def past(lemma: str) -> str:
    """Past tense of a verb lemma (good enough for news templates)."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ied"
    if lemma in _DOUBLE or (len(lemma) <= 4 and len(lemma) >= 3 and lemma[-1] not in "wxy"
                            and lemma[-1] not in _VOWELS and lemma[-2] in _VOWELS
                            and lemma[-3] not in _VOWELS):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def present3(lemma: str) -> str:
    if lemma in {"be", "have"}:
        return {"be": "is", "have": "has"}[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


@cache
def _load() -> dict:
    def y(name: str):
        return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))

    countries = [c for c in y("actors/countries.yaml") if c.get("adjectives") and c.get("capitals")]
    people_by_country: dict[str, list[tuple[str, str]]] = {}
    for p in y("actors/people.yaml"):
        for r in p.get("roles") or []:
            title = r.get("title") or ""
            if r.get("sector") in ("GOV", "MIL") and len(title.split()) <= 3 and "(" not in title:
                people_by_country.setdefault(r["country"], []).append((title, p["name"]))
    orgs = [o["name"] for o in y("actors/organisations.yaml")
            if o.get("kind") in ("igo", "armed_group", "ngo") and len(o["name"].split()) <= 5]
    nouns = {a["sector"]: [n for n in a.get("nouns") or [] if " - " not in n and n.isascii()]
             for a in y("actors/agents.yaml") if a.get("sector")}
    verbs, noun_preds = [], []
    for p in y("events/patterns.yaml")["patterns"]:
        if p.get("passive") or p.get("object_actor") is False or not str(p["lemma"]).isalpha():
            continue
        (noun_preds if p.get("pos") == "NOUN" else verbs).append(p)
    return {"countries": countries, "people": people_by_country, "orgs": orgs,
            "nouns": nouns, "verbs": verbs, "noun_preds": noun_preds}


_SECTORS = ["GOV", "GOV", "GOV", "MIL", "MIL", "COP", "REB", "OPP", "CVL", "LEG", "JUD", "MED"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_SECTIONS = ["world", "politics", "africa", "asia", "europe", "middle-east", "americas"]
_GENERIC = ["attacks", "operations", "talks", "pressure", "support", "patrols", "efforts"]
_PREPS = ["with", "against", "on", "to", "over"]
_FILLER = [
    "The two countries share a {n}-kilometre border that has been disputed since independence.",
    "More than {n} people have been killed in the region since {year}, according to {org}.",
    "Trade between the two sides reached ${n} billion last year, official figures show.",
    "Analysts said the move was likely to raise tensions ahead of elections due in {month}.",
    "The {adj} economy has grown by about {p} percent a year over the past decade.",
    "Local media reported long queues at petrol stations in {capital} on {day}.",
    "It was not immediately clear how many people were affected, and officials gave no figures.",
    "The announcement came after weeks of negotiations that diplomats described as difficult.",
    "Residents of {capital} said prices of bread and fuel had nearly doubled since {month}.",
    "The statement did not give details, and a spokesman declined to take questions.",
    "About {n} refugees crossed into neighbouring areas in the first half of {year}, aid groups said.",
    "The {org} has called repeatedly for restraint from all sides.",
]
_BOILER = ["Advertisement", "Share this article", "Read more: {title}", "Sign up for our newsletter",
           "Reporting by {name}; Editing by {name2}", "© {year} Example Wire. All rights reserved.",
           "Follow us on social media", "Related: {title}"]


class _Article:
    """One article's state: its date, main dyad and the actors mentioned so far."""

    def __init__(self, rng: random.Random, d: dict, when: date) -> None:
        self.rng, self.d, self.when = rng, d, when
        self.a, self.b = rng.sample(d["countries"], 2)

    def actor(self, c: dict | None = None, obj: bool = False) -> str:
        rng, d = self.rng, self.d
        c = c or (self.a if rng.random() < 0.55 else self.b)
        r = rng.random()
        if r < 0.25:
            return c["name"]
        if r < 0.55:
            nouns = d["nouns"].get(rng.choice(_SECTORS)) or ["government"]
            return f"the {rng.choice(c['adjectives'])} {rng.choice(nouns[:30])}"
        if r < 0.75 and d["people"].get(c["code"]):
            title, name = rng.choice(d["people"][c["code"]])
            return f"{c['adjectives'][0]} {title} {name}" if rng.random() < 0.3 else f"{title} {name}"
        if r < 0.85:
            return c["capitals"][0]
        if r < 0.93 and d["orgs"]:
            return "the " + rng.choice(d["orgs"]) if rng.random() < 0.3 else rng.choice(d["orgs"])
        if obj:
            return rng.choice(["them", "him", "her", "the minister", "officials", "the government"])
        return rng.choice(["He", "She", "They", "The minister", "Officials", "The government"])

    def when_phrase(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            return f" on {rng.choice(_DAYS)}"
        if r < 0.7:
            day = self.when - timedelta(days=rng.randint(0, 20))
            return f" on {_MONTHS[day.month - 1]} {day.day}"
        return ""

    def event(self) -> str:
        rng, d = self.rng, self.d
        s, t = self.actor(self.a), self.actor(self.b, obj=True)
        if rng.random() < 0.2:
            p = rng.choice(d["noun_preds"])
            mod = f"{rng.choice(p['modifier'])} " if p.get("modifier") else ""
            head = f"{mod}{p['lemma']}"
            if p.get("object"):
                head += f" of {rng.choice(p['object'])}"
            verb = rng.choice(["announced", "condemned", "welcomed", "called for", "rejected"])
            det = "an" if head[0] in "aeiou" else "a"
            return f"{s} {verb} {det} {head} {rng.choice(_PREPS)} {t}{self.when_phrase()}"
        p = rng.choice(d["verbs"])
        v = past(p["lemma"])
        if p.get("particle"):
            v += " " + p["particle"]
        if p.get("speech"):
            inner = self.event()
            if inner.split(" ", 1)[0] in ("The", "He", "She", "They", "Officials"):
                inner = inner[0].lower() + inner[1:]
            return f"{s} {v}{self.when_phrase()} that {inner}"
        if p.get("xcomp"):
            prep = f" {p['prep'][0]}" if p.get("prep") else ""
            return f"{s} {v}{prep} {t} to {rng.choice(p['xcomp'])}{self.when_phrase()}"
        obj = ""
        if p.get("object"):
            mod = f"{rng.choice(p['modifier'])} " if p.get("modifier") else ""
            head = f"{mod}{rng.choice(p['object'])}"
            det = rng.choice(["the", "new", "its", "an" if head[0] in "aeiou" else "a"])
            obj = f" {det} {head}"
        elif p.get("particle"):
            obj = f" {rng.choice(_GENERIC)}"
        if p.get("prep"):
            return f"{s} {v}{obj} {rng.choice(p['prep'])} {t}{self.when_phrase()}"
        if obj:
            return f"{s} {v}{obj} {rng.choice(_PREPS)} {t}{self.when_phrase()}"
        return f"{s} {v} {t}{self.when_phrase()}"

    def sentence(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            s = self.event()
            if rng.random() < 0.3:
                s += f", {rng.choice(['officials', 'witnesses', 'state media', 'a spokesman'])} said"
        elif r < 0.6:
            s = f"\"{self.event()},\" {self.actor()} told reporters in {self.b['capitals'][0]}"
        else:
            s = rng.choice(_FILLER).format(
                n=rng.randint(2, 3000), year=rng.randint(1990, self.when.year), p=rng.randint(1, 9),
                month=rng.choice(_MONTHS), adj=rng.choice(self.a["adjectives"]),
                capital=self.a["capitals"][0], day=rng.choice(_DAYS),
                org=rng.choice(self.d["orgs"] or ["the United Nations"]))
            return _typo(rng, s)
        s = s[0].upper() + s[1:] + "."
        return _typo(rng, s)


def _typo(rng: random.Random, s: str) -> str:
    """Now and then swap two letters of a word or double a space: scraped text is noisy."""
    if rng.random() < 0.04:
        words = s.split(" ")
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        s = " ".join(words)
    if rng.random() < 0.03:
        s = s.replace(" ", "  ", 1)
    return s


def article(rng: random.Random, i: int, seed: int) -> dict:
    """One synthetic article as a JSONL record ({"id", "title", "date", "url", "text"|"html"})."""
    d = _load()
    when = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
    art = _Article(rng, d, when)
    lead = art.event()
    p = rng.choice(d["verbs"])
    title = f"{art.a['name']} {present3(p['lemma'])} {art.b['name']}"
    dateline = f"{art.a['capitals'][0].upper()}, {_MONTHS[when.month - 1]} {when.day} (Example Wire) - "
    paras = [dateline + lead[0].upper() + lead[1:] + "."]
    for _ in range(rng.randint(6, 18)):
        paras.append(" ".join(art.sentence() for _ in range(rng.randint(1, 4))))
        if rng.random() < 0.12:
            paras.append(rng.choice(_BOILER).format(title=title, name="Jane Doe", name2="John Roe",
                                                    year=when.year))
    if rng.random() < 0.1:
        paras.insert(rng.randrange(1, len(paras)), rng.choice(paras[1:]))  # a repeated paragraph
    paras.append(f"© {when.year} Example Wire. All rights reserved.")
    section = rng.choice(_SECTIONS)
    rec = {"id": f"synth-{seed}-{i:07d}", "title": title, "date": when.isoformat(),
           "url": f"https://news.example/{section}/{when:%Y/%m/%d}/article-{i}"}
    if rng.random() < 0.2:
        rec["html"] = _page(title, paras, section)
    else:
        rec["text"] = "\n\n".join(paras) + "\n"
    return rec


def _page(title: str, paras: list[str], section: str) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (f"<!DOCTYPE html><html><head><title>{html.escape(title)} | Example Wire</title>"
            f"</head><body><nav><a href='/'>Home</a> <a href='/{section}'>{section}</a> "
            f"<a href='/login'>Sign in</a></nav><header><h1>{html.escape(title)}</h1></header>"
            f"<article>{body}</article><aside><h3>Most read</h3><ul><li>Weather</li>"
            f"<li>Markets</li></ul></aside><footer>Contact us | Privacy | Terms</footer>"
            f"</body></html>")


def words_of(rec: dict) -> int:
    return len((rec.get("text") or "").split()) or len(" ".join(
        p for p in rec.get("html", "").split("<p>")[1:]).split())


def generate(words: int, seed: int = 7) -> Iterator[dict]:
    """Articles until about `words` words of body text have been produced."""
    rng = random.Random(seed)
    total = i = 0
    while total < words:
        rec = article(rng, i, seed)
        total += words_of(rec)
        i += 1
        yield rec


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=100_000, help="approximate corpus size in words")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="JSONL file (default: stdout)")
    args = ap.parse_args()
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    n = 0
    for rec in generate(args.words, args.seed):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    if args.out:
        out.close()
        print(f"{n} synthetic articles written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
