"""Code the noun phrases of one parsed document as actors, with coreference.

For a head token, the noun phrase is its left dependents plus appositions ("Khurram
Dastagir, Defence Minister"); prepositional phrases ("ambassador to Pakistan") are not part
of it. The phrase is coded from the dictionary hits inside it: a known person (with the role
held on the article's date), an organisation, or a country plus a role noun's sector
("the Pakistan government" -> PAKGOV). Pronouns, role descriptions without a country ("the
ambassador") and bare surnames resolve to an earlier actor of the same document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from eventlens import geo
from eventlens.actors.dictionary import Actor, Dictionary
from eventlens.actors.matcher import Hit, find_names, misspelt_country, role_sector
from eventlens.model import Mention
from eventlens.nlp import proper_noun_runs

_NP_LEFT = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod", "predet",
            "case", "punct", "cc", "conj", "npadvmod"}
_NP_RIGHT = {"appos", "compound", "flat", "case"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_COUNTRY_KINDS = {"country", "adjective", "capital", "people"}
# Heads that only count or group the actors in their "of" phrase: "thousands of students",
# "a group of Chechen refugees", "members of the Movement", "supporters of Ben Bella".
_PARTITIVE = {"ten", "dozen", "hundred", "thousand", "million", "score", "group", "number",
              "batch", "patch", "band", "crowd", "handful", "contingent", "deployment", "convoy",
              "team", "column", "delegation", "majority", "minority", "some", "many", "most",
              "all", "several", "member", "supporter", "follower", "loyalist", "remnant",
              "leader", "leadership", "head", "representative", "wing"}
_LEAD_CHARS = 400  # the headline and lead, where a story says where it is
_MAX_COREF_DISTANCE = 1500  # characters: pronouns look back about a few paragraphs


@dataclass(frozen=True)
class _Known:
    """A resolved actor mention remembered for later coreference."""

    mention: Mention
    token_i: int
    person: bool
    plural: bool
    role_words: frozenset[str]
    surname: str | None


def _modifies(child) -> bool:
    """A right-hand dependent that belongs to the phrase as written: "of Turkey", "in the
    Gaza Strip", "supported by Russia", ", Michel Aoun"; not a time ("on Sunday"), a
    relative clause (", which runs the prisons") or a misparsed verb."""
    if child.dep_ == "prep":
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        return pobj is not None and pobj.ent_type_ not in ("DATE", "TIME")
    if child.dep_ == "acl":
        return child.tag_ == "VBN"
    return child.dep_ in ("appos", "amod", "nummod")


# Nouns that speak for their possessor: "the governor's office" is the governor.
_OFFICES = {"office", "aide", "staff"}


def _place_preps(head):
    """The head's own of/in/from phrases, then those of its participles: "ministers of
    Ethiopia", "a group based in Trinidad", "guerrillas operating in Macedonia"."""
    for c in list(head.rights) + [p for a in head.rights if a.dep_ == "acl" for p in a.children]:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
            yield c


def _ethnic(head) -> bool:
    """'ethnic' among the head's modifiers: "ethnic Albanians", "ethnic Albanian guerrillas"."""
    return any(t.lemma_.lower() == "ethnic" for c in head.lefts for t in c.subtree)


def _sector_code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


class DocActors:
    """Actor mentions of one spaCy Doc; state is the coreference history, built in order."""

    def __init__(self, doc, dictionary: Dictionary, on: date | None,
                 dateline: str | None = None) -> None:
        self.doc = doc
        self.d = dictionary
        self.on = on
        self.cache: dict[int, Mention | None] = {}
        self.head_of: dict[tuple[int, int], int] = {}
        self.history: list[_Known] = []
        self.tok_hit: dict[int, Hit] = {}
        self.text = doc.text  # once: spaCy's Doc.text rebuilds the string on every access
        for h in find_names(self.text, dictionary):
            if self.text[max(0, h.start - 5):h.start].lower().endswith(("anti-", "pro-")):
                continue  # "an anti-Syria journalist" is not Syrian, nor a "pro-Iran militia" Iranian
            if self.text[h.end:h.end + 2].lstrip().startswith("$"):
                continue  # "US $50 million", "US$": a currency, not the country
            span = doc.char_span(h.start, h.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.tok_hit[t.i] = h
        for tok in doc:  # "Ethopia has agreed": a misspelt country the automaton missed
            if tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON" and tok.i not in self.tok_hit:
                h = misspelt_country(tok.text, dictionary)
                if h is not None:
                    self.tok_hit[tok.i] = replace(h, start=tok.idx, end=tok.idx + len(tok.text))
        self.dateline = dateline  # the country of the article's dateline, if it has one
        self.home = self._home_country()
        # Resolve every candidate noun phrase in text order, so coreference sees the past.
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and (
                tok.dep_ not in ("compound", "flat") or tok.head.pos_ not in ("NOUN", "PROPN")
            ):
                self.mention_for(tok)

    def _home_country(self) -> str | None:
        """The country most of the article's country mentions name, if it is a clear majority."""
        counts: dict[str, int] = {}
        lead: set[str] = set()
        seen = set()
        for hit in self.tok_hit.values():
            if id(hit) in seen:
                continue
            seen.add(id(hit))
            a = next((a for a in hit.actors if a.kind in _COUNTRY_KINDS), None)
            if a is not None and a.country:
                counts[a.country] = counts.get(a.country, 0) + 1
                if hit.start < _LEAD_CHARS:
                    lead.add(a.country)
        total = sum(counts.values())
        if self.dateline and (counts.get(self.dateline) or not total):
            return self.dateline  # "MOGADISHU —": a story filed from a country it names
        if not total:
            return None
        best = max(counts, key=counts.get)
        # The only country the text names at all, or a clear majority that the headline or
        # lead names too: a story about Darfur with one paragraph on US sanctions is not a
        # US story.
        return best if len(counts) == 1 or (
            counts[best] >= 3 and counts[best] / total >= 0.6 and best in lead) else None

    # -- noun phrases -------------------------------------------------------------------
    def np_tokens(self, head) -> list:
        idx = {head.i}
        for child in head.lefts:
            if child.dep_ in _NP_LEFT:
                idx.update(t.i for t in child.subtree)
        for child in head.rights:
            if child.dep_ in _NP_RIGHT:
                idx.update(t.i for t in child.subtree if t.dep_ not in ("relcl", "acl"))
        toks = [self.doc[i] for i in range(min(idx), max(idx) + 1)]
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc") and toks[0].i != head.i:
            toks.pop(0)
        while toks and (toks[-1].is_punct or toks[-1].dep_ in ("case", "cc")) and toks[-1].i != head.i:
            toks.pop()
        return toks

    def phrase_tokens(self, head, core: list) -> list:
        """The whole phrase as written, for the mention's words: the coded core plus its
        modifiers on the right ("President Erdogan of Turkey", "the police in the Gaza Strip",
        "a request from The New York Times"), but not its conjuncts, which are actors of their
        own. The actor is still coded from the core alone ("ambassador to Pakistan" is not
        Pakistani)."""
        idx = {t.i for t in core}
        for child in head.rights:
            if child.i <= head.i or not _modifies(child):
                continue
            idx.update(t.i for t in child.subtree)
        if head.pos_ == "PRON" or len(idx) == len(core):
            return core
        toks = [self.doc[i] for i in range(min(idx), max(idx) + 1)]
        while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "case")) and toks[-1].i != head.i:
            toks.pop()
        # never run across the head's conjuncts or past the end of the sentence
        stop = min((t.i for c in head.conjuncts if c.i > head.i for t in c.subtree), default=None)
        if stop is not None:
            toks = [t for t in toks if t.i < stop]
            while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc") and toks[-1].i != head.i:
                toks.pop()
        return [t for t in toks if t.sent.start == head.sent.start] or core

    def mention_for(self, head) -> Mention | None:
        if head.i in self.cache:
            return self.cache[head.i]
        m = self._resolve(head)
        self.cache[head.i] = m
        if m is not None:
            self.head_of.setdefault((m.start, m.end), head.i)
        return m

    def with_conjuncts(self, m: Mention | None) -> list[Mention | None]:
        """The mention and the actors coordinated with it ("the United States and Pakistan")."""
        if m is None or (m.start, m.end) not in self.head_of:
            return [m]
        head = self.doc[self.head_of[(m.start, m.end)]]
        out = [m]
        # "American and Pakistani special forces": one phrase naming two countries.
        for mod in head.children:
            if mod.dep_ not in ("amod", "compound", "nmod"):
                continue
            for c in mod.conjuncts:
                hit = self.tok_hit.get(c.i)
                a = next((a for a in hit.actors if a.kind in _COUNTRY_KINDS), None) if hit else None
                if a is not None and a.country != m.country:
                    out.append(replace(m, name=a.name, country=a.country,
                                       code=_sector_code(a.country, m.sector)))
        for c in head.conjuncts:
            if c.i > head.i:
                mc = self.mention_for(c)
                if mc is not None and (mc.code or mc.country or mc.sector) and mc not in out:
                    out.append(mc)
        return out

    def _resolve(self, head) -> Mention | None:
        if head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"):
            return None
        toks = self.np_tokens(head)
        span = self.phrase_tokens(head, toks)
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        text = self.text[start:end]
        base = Mention(text=text, start=start, end=end, kind="other")
        lower = head.text.lower()
        if head.pos_ == "PRON":
            if lower in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
                return self._pronoun(head, base)
            return None
        if head.lemma_.lower() in _OFFICES:  # "the governor's office", "the president's aides"
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            owner = self.mention_for(poss) if poss is not None else None
            if owner is not None and owner.sector:
                return replace(base, name=owner.name, country=owner.country, sector=owner.sector,
                               code=owner.code, kind="role",
                               resolved_from=owner.resolved_from or owner.text)
        hits = self._hits(toks)
        person = next((a for h in hits for a in h.actors if a.kind == "person"), None)
        org = next((a for h in hits for a in h.actors if a.kind == "organisation"), None)
        country = self._country(hits, head)
        sector, role_words = self._role(toks, head)
        if person is not None:
            c, s = person.coded(self.on, sector)
            code = _sector_code(c, s or None)
            if c and len(c) > 3:  # an office in an organisation: "IGOUNO" is the full code
                code, c, s = c, c[:3], s or None
            m = replace(base, name=person.name, country=c, sector=s or None, code=code,
                        kind="person")
            return self._remember(m, head, person=True, role_words=role_words,
                                  surname=person.name.split()[-1])
        if org is not None and (country is None or org.kind == "organisation"):
            m = replace(base, name=org.name, country=org.country, sector=org.sector or sector,
                        code=org.code or _sector_code(org.country, org.sector), kind="organisation")
            return self._remember(m, head, plural=head.tag_ in ("NNS", "NNPS"), role_words=role_words)
        is_person_name = (head.ent_type_ == "PERSON" or (
            head.pos_ == "PROPN" and any(t.ent_type_ == "PERSON" for t in toks)
        )) and getattr(self._country_at(head.i), "kind", None) not in ("capital", "country")
        # (spaCy-small tags some capitals as people: "roads in Dakar")
        if country is None and (is_person_name or (not hits and head.pos_ == "PROPN")):
            # the first names written with it, even where spaCy calls the name an ORG
            given = frozenset(t.text for t in toks if t.i < head.i and t.pos_ == "PROPN" and (
                t.ent_type_ == "PERSON" or (head.ent_type_ and t.ent_type_ == head.ent_type_)))
            earlier = self._by_surname(head.text, head.i, given)  # "Tanabe" after "Hiroshi Tanabe"
            if earlier is not None:
                m = replace(base, name=earlier.name, country=earlier.country,
                            sector=earlier.sector or sector, code=earlier.code,
                            kind="person", resolved_from=earlier.resolved_from or earlier.text)
                return self._remember(m, head, person=True, role_words=role_words,
                                      surname=head.text)
        if country is None and sector is None and (head.lemma_.lower() in _PARTITIVE
                                                   or head.pos_ == "NUM"):
            inner = self._of_phrase(head)
            if inner is not None:
                return replace(inner, text=self.text[start:max(end, inner.end)],
                               start=start, end=max(end, inner.end))
        ethnic = _ethnic(head)
        if country is not None and sector is None and head.tag_ == "NNPS" and (
                head.i not in self.tok_hit or getattr(self._country_at(head.i), "kind", "") == "people"):
            sector = "CVL"  # "Iraqi Kurds", "Bosnian Serbs": a people, not the state
        if country is not None and (sector in (None, "CVL") or (sector == "REB" and ethnic)) and (
                country.kind == "people" or ethnic):
            resident = self._residence(head, country)
            if resident is not country:  # "ethnic Turks" in Sweden are Swedish civilians
                sector = sector or country.sector or "CVL"
            country = resident
        if country is not None:
            s = sector or country.sector
            kind = ("person" if is_person_name else "country" if s is None
                    else "capital" if country.kind == "capital" and sector is None else "role")
            name = (" ".join(t.text for t in toks if t.ent_type_ == "PERSON") or head.text
                    if is_person_name else country.name)
            m = replace(base, name=name, country=country.country, sector=s,
                        code=_sector_code(country.country, s), kind=kind)
            if not is_person_name and s and self._personal_role(role_words):
                earlier = self._person_with(country.country, s, head.i, role_words)
                if earlier is not None:  # "Donald Trump ... The US president"
                    m = replace(m, name=earlier.name, code=earlier.code,
                                resolved_from=earlier.resolved_from or earlier.text)
            return self._remember(m, head, person=is_person_name or self._personal_role(role_words),
                                  plural=head.tag_ in ("NNS", "NNPS"), role_words=role_words,
                                  surname=head.text if is_person_name else None)
        if is_person_name:
            name = " ".join(t.text for t in toks if t.ent_type_ == "PERSON") or head.text
            c, via = self._context_country(head, sector, person=True)
            m = replace(base, name=name, country=c, sector=sector, code=_sector_code(c, sector),
                        kind="person", resolved_from=via)
            return self._remember(m, head, person=True, role_words=role_words, surname=head.text)
        if sector is not None:
            earlier = self._by_role(role_words, head.i)
            owner = self._possessor(head)
            body = self._organisation_of(head)
            if body is not None:  # "inspectors of the IAEA", "officials of the World Bank"
                m = replace(base, name=body.name, country=body.country, sector=body.sector,
                            code=body.code, kind="organisation")
            elif owner is not None:  # "its troops", "their forces": the owner's
                m = replace(base, name=owner.name, country=owner.country, sector=sector,
                            code=_sector_code(owner.country, sector), kind="role",
                            resolved_from=owner.resolved_from or owner.text)
            elif earlier is not None:
                m = replace(base, name=earlier.name, country=earlier.country, sector=sector,
                            code=_sector_code(earlier.country, sector), kind="role",
                            resolved_from=earlier.resolved_from or earlier.text)
            elif self._personal_role(role_words) and \
                    (person := self._person_with(None, sector, head.i, role_words)) is not None:
                # "Donald Trump arrived in Tokyo. The president met ...": the person named
                m = replace(base, name=person.name, country=person.country, sector=sector,
                            code=person.code, kind="role",
                            resolved_from=person.resolved_from or person.text)
            else:
                c, via = self._context_country(head, sector)
                kind = "role-context" if c and c == self.home and via is None else "role"
                m = replace(base, country=c, sector=sector, code=_sector_code(c, sector),
                            kind=kind, resolved_from=via)
            return self._remember(m, head, person=self._personal_role(role_words),
                                  plural=head.tag_ in ("NNS", "NNPS"), role_words=role_words)
        return base

    def _of_mentions(self, head):
        """The mentions of the head's 'of' phrases ("members [of the Movement]")."""
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                m = self.mention_for(pobj) if pobj is not None else None
                if m is not None:
                    yield m

    def _of_phrase(self, head) -> Mention | None:
        """The actor a partitive head counts: "tens of thousands of students" -> students."""
        return next((m for m in self._of_mentions(head) if m.code or m.country or m.sector),
                    None)

    def _organisation_of(self, head) -> Mention | None:
        """The organisation a role belongs to, named in its 'of' phrase."""
        return next((m for m in self._of_mentions(head)
                     if m.kind == "organisation" and m.code), None)

    def _possessor(self, head) -> Mention | None:
        """The country-coded owner named by a possessive pronoun on the head, if any."""
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is None:
            return None
        m = self.mention_for(poss)
        return m if m is not None and m.country else None

    def _residence(self, head, people: Actor) -> Actor:
        """Where an ethnic group lives, which is how it is coded: "the Albanians of southern
        Serbia" and "ethnic Albanians" in a story about Macedonia are domestic actors of
        Serbia and Macedonia. A group without a place or the word "ethnic" keeps its name's
        country ("Bosnian Serbs")."""
        for prep in _place_preps(head):  # "the Albanians of southern Serbia"
            for t in prep.subtree:
                a = self._country_at(t.i)
                if a is not None and a.country != people.country:
                    return a
        if not _ethnic(head):
            return people
        for t in head.sent:
            a = self._country_at(t.i)
            if a is not None and a.country != people.country and a.kind != "people":
                return a
        return people

    def place_in(self, tokens):
        """(Location, Span) of the first run of proper nouns among tokens that GeoNames
        places in a country, the story's country preferred; (None, None) if there is none."""
        for run in proper_noun_runs(tokens):
            loc = geo.resolve(run.text, [self.home] if self.home else [])
            if loc is not None and loc.country:
                return loc, run
        return None, None

    def _country_at(self, i: int) -> Actor | None:
        hit = self.tok_hit.get(i)
        return next((a for a in hit.actors if a.kind in _COUNTRY_KINDS), None) if hit else None

    def _context_country(self, head, sector: str | None,
                         person: bool = False) -> tuple[str | None, str | None]:
        """The country of an actor phrase that names none, as a human coder reads it: from
        its own 'of'/'in' phrase ("ministers of Ethiopia", "protesters in Nairobi", or a
        place GeoNames knows: "the governor of the Tyumen region"); for a titled person, the
        country the story is about; else the last actor of the same sector that had one
        ("Kenyan police ... Police arrested"), else the story's country. Returns (country,
        earlier mention's text)."""
        for prep in _place_preps(head):
            for t in prep.subtree:
                a = self._country_at(t.i)
                if a is not None:
                    return a.country, None
        for prep in _place_preps(head):  # "the governor of the Tyumen region": a known place
            loc, _ = self.place_in(prep.subtree)
            if loc is not None:
                return loc.country, None
        if sector is None:
            return None, None
        if person and self.home:
            return self.home, None  # "President Warsame" in a story filed from Mogadishu
        for k in self._recent(head.i):
            if k.mention.sector == sector and k.mention.country:
                return k.mention.country, k.mention.resolved_from or k.mention.text
        return self.home, None

    # -- pieces ---------------------------------------------------------------------------
    def _hits(self, toks) -> list[Hit]:
        seen: list[Hit] = []
        for t in toks:
            h = self.tok_hit.get(t.i)
            if h is not None and h not in seen:
                seen.append(h)
        return seen

    def _country(self, hits: list[Hit], head) -> Actor | None:
        for h in hits:
            for a in h.actors:
                if a.kind in _COUNTRY_KINDS:
                    return a
        return None

    def _role(self, toks, head) -> tuple[str | None, frozenset[str]]:
        """The sector of the role noun heading the phrase ("the Pakistan government"), or of a
        title or apposition attached to a name ("General Bajwa", "Dastagir, Defence
        Minister"). A role word modifying some other noun does not make an actor:
        "intelligence sharing" and "police station" are not the intelligence service or the
        police, and "military assistance" is not the military."""
        pos = {t.i: j for j, t in enumerate(toks)}
        if head.i in pos:
            sector, n = role_sector(toks[: pos[head.i] + 1], self.d)
            if n:
                j = pos[head.i]
                return sector, frozenset(t.lemma_.lower() for t in toks[j + 1 - n : j + 1])
        if head.pos_ != "PROPN" and not any(t.pos_ == "PROPN" and t.dep_ == "compound"
                                            and t.head.i == head.i for t in toks):
            return None, frozenset()  # "Park Jae-won": a name spaCy ends in a common noun
        best, words = None, frozenset()
        for j, tok in enumerate(toks):
            # titles modify the name directly or through its other parts ("Lt. Gen. Prosper Avril")
            if tok.dep_ in ("compound", "appos", "flat") and (
                    tok.head.i == head.i or (tok.i < head.i and tok.dep_ == "compound")):
                sector, n = role_sector(toks[: j + 1], self.d)
                if sector:
                    best = sector
                    words = frozenset(t.lemma_.lower() for t in toks[j + 1 - n : j + 1])
        return best, words

    @staticmethod
    def _personal_role(words: frozenset[str]) -> bool:
        return bool(words) and not words & {"government", "army", "military", "force", "police",
                                            "ministry", "embassy", "administration", "party",
                                            "troops", "authority", "court", "parliament"}

    def _remember(self, m: Mention, head, person: bool = False, plural: bool = False,
                  role_words: frozenset[str] = frozenset(), surname: str | None = None) -> Mention:
        predicative = head.dep_ in ("attr", "acomp") and head.head.lemma_ == "be"
        apposed = head.dep_ == "appos"  # "Alice Wells, [the US ambassador]": she is the antecedent
        if (m.code or m.country or m.sector) and not predicative and not apposed:
            self.history.append(_Known(m, head.i, person, plural, role_words, surname))
        return m

    def _recent(self, before: int):
        limit = self.doc[before].idx - _MAX_COREF_DISTANCE
        for k in reversed(self.history):
            if k.token_i < before and k.mention.start >= limit:
                yield k

    def _by_surname(self, surname: str, before: int, given: frozenset[str] = frozenset()
                    ) -> Mention | None:
        for k in reversed(self.history):
            if k.token_i < before and k.person and k.surname == surname:
                # "Kenji Tanabe" is not the "Hiroshi Tanabe" named before
                if given and not given <= set((k.mention.name or "").split()):
                    continue
                return k.mention
        return None

    def _person_with(self, country: str | None, sector: str, before: int,
                     words: frozenset[str] = frozenset()) -> Mention | None:
        """The latest single person of this sector (and country) named nearby whose known
        title, if any, fits: "the minister" is not the ambassador named before."""
        for k in self._recent(before):
            m = k.mention
            if k.person and not k.plural and m.kind == "person" and m.sector == sector \
                    and (country is None or m.country == country) \
                    and not (words and k.role_words and not words & k.role_words):
                return m
        return None

    def _by_role(self, words: frozenset[str], before: int) -> Mention | None:
        for k in self._recent(before):
            if words and words <= k.role_words and k.mention.country:
                return k.mention
        return None

    @staticmethod
    def _clause_subject(pron) -> set[int]:
        """Tokens of the subject of the verb an object pronoun belongs to (none for subjects
        and reflexives, which may refer to it)."""
        if pron.dep_ not in ("dobj", "pobj", "dative") or pron.lower_.endswith(("self", "selves")):
            return set()
        verb = pron.head.head if pron.dep_ == "pobj" else pron.head
        return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}

    def _pronoun(self, head, base: Mention) -> Mention | None:
        lower = head.text.lower()
        own_subject = self._clause_subject(head)
        candidates = list(self._recent(head.i))
        if lower in _PLURAL_PRONOUNS:
            # "Students blocked roads in Dakar to press their demands": a plural antecedent in
            # the same sentence comes before a nearer singular one
            sent_start = head.sent.start
            candidates.sort(key=lambda k: not (k.plural and k.token_i >= sent_start))
        for k in candidates:
            m = k.mention
            if lower in _PERSON_PRONOUNS and (not k.person or k.plural):
                continue  # "she" is one person: not "Pakistani officials", not "reporters"
            if k.token_i in own_subject:
                continue  # "Police released them": an object pronoun is not its own subject
            if lower in _THING_PRONOUNS and (k.person or k.plural):
                continue
            if lower in _PLURAL_PRONOUNS and k.person and not k.plural:
                continue
            if not m.code:
                continue
            resolved = replace(base, name=m.name, code=m.code, country=m.country, sector=m.sector,
                               kind="pronoun", resolved_from=m.resolved_from or m.text)
            # A pronoun is remembered as its antecedent, so chains of pronouns stay resolved.
            self.history.append(replace(k, mention=resolved, token_i=head.i))
            return resolved
        return base
