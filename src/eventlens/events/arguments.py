"""Who did it and to whom: the source and target noun phrases of a predicate.

Verbs: the subject (the `by` agent when passive), inherited through xcomp/conj/relcl when the
clause has none; the target is the direct object, the dative, or the object of a preposition,
looking inside a non-actor object ("suspended intelligence sharing with the US").
Nouns: the possessor or a country modifier ("US suspension", "her visit"), a `by` phrase, or
the subject of the light verb that governs the noun ("held talks"); the target comes from
`to`/`with`/`against`/`on`/`of` phrases.
"""

from __future__ import annotations

from dataclasses import replace

from eventlens.actors.resolve import DocActors
from eventlens.model import Mention

_SUBJ = ("nsubj", "csubj")
_TARGET_PREPS = ("to", "against", "with", "between", "on", "toward", "towards", "at", "from",
                 "into", "for", "over", "about", "of", "upon", "in")
_ABOUT = ("over", "about", "against", "for")
_NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "between", "of", "for",
                      "at", "from", "into")


def is_actor(m: Mention | None) -> bool:
    return m is not None and bool(m.code or m.country or m.sector)


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def infinitive(clause) -> bool:
    """A 'to' infinitive clause ("to press their demands", "have sworn [to fight]")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _child(tok, deps):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep):
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def verb_source(verb, actors: DocActors, depth: int = 0):
    """(mention, how) for the doer of a verb."""
    if is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):  # "a statement released by"
        agent = _child(verb, ("agent",))
        if agent is not None and _pobj(agent) is not None:
            return actors.mention_for(_pobj(agent)), "passive agent"
        return None, "passive, no agent"
    subj = _child(verb, _SUBJ)
    if subj is not None and subj.pos_ == "VERB" and _child(subj, _SUBJ) is not None:
        subj = _child(subj, _SUBJ)  # "The Red Cross operating in Iraq said": a misparsed participle
    if subj is not None:
        m = actors.mention_for(subj)
        if subj.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return actors.mention_for(verb.head), "relative clause subject"
        if not is_actor(m):  # "a car bombing by the Islamic State killed ...": its agent
            by = next((c for c in subj.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
            agent = actors.mention_for(_pobj(by)) if by is not None and _pobj(by) is not None else None
            if is_actor(agent):
                return agent, "'by' phrase of the subject"
        return m, "subject"
    for c in verb.lefts:  # "Pakistan, has in return, warned": a misattached subject
        if c.dep_ in ("advcl", "parataxis") and _child(c, _SUBJ) is not None:
            return actors.mention_for(_child(c, _SUBJ)), "subject (misattached)"
    if depth > 4:
        return None, "no subject"
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        # "France is ready to contribute": the adjective's copula has the subject
        return verb_source(head.head, actors, depth + 1)[0], "subject of 'be ready/willing to'"
    if verb.dep_ == "xcomp":
        obj = _child(head, ("dobj",))
        if obj is not None:  # "urged the government to act": the object does it
            return actors.mention_for(obj), "object of governing verb"
        return verb_source(head, actors, depth + 1)[0], "subject of governing verb"
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return verb_source(head, actors, depth + 1)[0], "subject of coordinated verb"
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD")
                                and head.pos_ in ("NOUN", "PROPN")):
        # "rebels operating in the north", "groups that donated": the noun modified does it
        m = actors.mention_for(head)
        above = governing_verb(head) if not is_actor(m) and verb.dep_ in ("acl", "relcl") else None
        if above is not None:
            # "X issued a declaration demanding ...", "crowds converged for a rally to protest"
            return verb_source(above, actors, depth + 1)[0], "subject of the verb above"
        return m, "noun the clause modifies"
    if verb.dep_ in ("advcl", "acl") and head.pos_ in ("VERB", "AUX"):
        return verb_source(head, actors, depth + 1)[0], "subject of main clause"
    return None, "no subject"


def _actor_inside(tok, actors: DocActors, avoid: Mention | None,
                  owners: bool = True) -> Mention | None:
    """The actor nearest the top of a non-actor phrase, as a coder reads "the decision of
    Sweden to send them back to Bulgaria" (Sweden) or "plans by Palestinian factions for
    independence from Israel" (the factions): the fewest dependency steps down wins, so a
    possessor or an 'of'/'by' phrase beats a country named deep in a clause. A countryless
    actor counts one step deeper than a country-coded one; the source itself, its own side
    and places ("on the Thai border") are only a last resort or skipped."""
    best: tuple[int, int, Mention] | None = None
    frontier = [(c, 1) for c in tok.children]
    while frontier:
        t, depth = frontier.pop(0)
        frontier.extend((c, depth + 1) for c in t.children)
        if t.pos_ not in ("NOUN", "PROPN", "PRON") and not (t.pos_ == "ADJ" and t.dep_ == "amod"):
            continue
        m = actors.mention_for(t)
        if t.dep_ in ("compound", "flat", "amod"):
            # "a Karen guerrilla stronghold": a role noun compounded with a thing names its
            # owner, for acts of force; elsewhere it is a topic ("information on militant groups")
            owner = actors.mention_for(t.head)
            if not owners or m is None or m is owner or is_actor(owner) or not m.sector or (
                    not m.country and m.sector not in DOMESTIC):
                continue  # "military drills": the source's own kind of actor, not a target
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.dep_ != "pobj":
            continue  # "the rebel-held enclave", "US-backed forces": a modifier, not the target
        if not is_actor(m) or same_actor(m, avoid) or (
                avoid is not None and avoid.start <= m.start < avoid.end):
            continue
        if t.head.pos_ == "ADP" and _place_not_target(t.head, m):
            continue  # "an agreement in Accra": where, not whom
        # its own side ("its own troops") is a last resort; its own country's other actors
        # are not ("Croatia is investigating crimes by Croatian extremists")
        own_country = avoid is not None and avoid.country and m.country == avoid.country
        own_side = own_country and (
            m.sector == avoid.sector  # its own troops, or its own country named ("Pakistan")
            or (m.kind in ("country", "capital") and t.pos_ == "PROPN")
            or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children))
        # a place ("villages near Macedonia's border with Bulgaria", "a refinery in Russia's
        # Volgograd region") names the target only when no actor is named
        place = 8 if _in_place(t, tok) else 0
        # a compounded role noun names an owner, a weaker cue than a phrase of its own
        # ("intelligence sharing with the US" is with the US)
        rank = depth + place + (0 if m.country else 1) + (20 if own_side else 1 if own_country else 0) \
            + (2 if t.dep_ in ("compound", "flat", "amod") else 0)
        if best is None or (rank, t.i) < best[:2]:
            best = (rank, t.i, m)
    return best[2] if best else None


def verb_target(verb, actors: DocActors, source: Mention | None, code: str = ""):
    """(mention, how) for the one acted upon. A complaint's target is the one complained
    about, not its audience: "Lebanon complained to the UN over Israeli air raids" -> Israel.
    An attack's 'at'/'on' names its target ("fired missiles at Kyiv"), not where it was."""
    complaint, violent = code[:2] == "11", code[:2] in ("15", "18", "19", "20")
    force = not code or code[:2] >= "14"  # conflict codes: "seized a rebel stronghold"
    if is_passive(verb):
        subj = _child(verb, ("nsubjpass",))
        if subj is not None:
            m = actors.mention_for(subj)
            if is_actor(m):
                return m, "passive subject"
            inner = _actor_inside(subj, actors, source, force)  # "a camp for Congolese refugees"
            return (inner, "inside passive subject") if inner is not None else (m, "passive subject")
    own: tuple[Mention, str] | None = None
    for dep in ("dobj", "dative", "attr"):
        obj = _child(verb, (dep,))
        if obj is None:
            continue
        m = actors.mention_for(obj)
        if is_actor(m) and not same_actor(m, source):
            how = "object" if dep == "dobj" else dep
            if dep == "dobj" and _owned_by(m, source, obj) and _child(verb, ("prep",)) is not None:
                own = own or (m, how)  # "offered its troops to Lebanon": Lebanon is the target
                continue
            return m, how
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent")
             or (c.dep_ == "dative" and c.pos_ == "ADP")]  # "providing X to Macedonia"
    preps += [c for prt in verb.children if prt.dep_ == "prt" for c in prt.children
              if c.dep_ == "prep"]  # "kidnapped up to 16 advisers", parsed as a particle
    preps.sort(key=lambda p: _TARGET_PREPS.index(p.lower_) if p.lower_ in _TARGET_PREPS else 99)
    if complaint:
        for prep in preps:
            pobj = _pobj(prep)
            if prep.lower_ in _ABOUT and pobj is not None:
                m = actors.mention_for(pobj)
                m = m if is_actor(m) and not same_actor(m, source) else \
                    _actor_inside(pobj, actors, source, force)
                if m is not None and not (source is not None and m.country == source.country):
                    return m, f"'{prep.lower_}' phrase (what the complaint is about)"
    for prep in preps:
        pobj = _pobj(prep)
        if pobj is None or prep.lower_ not in _TARGET_PREPS + ("by",):
            continue
        m = actors.mention_for(pobj)
        if is_actor(m) and not same_actor(m, source) and not _place_not_target(prep, m, violent) \
                and not (own and m.country and source and m.country == source.country):
            return m, f"'{prep.lower_}' phrase"
    for dep in ("dobj", "xcomp", "ccomp"):
        obj = _child(verb, (dep,))
        if obj is not None:
            m = _actor_inside(obj, actors, source, force)
            if m is not None:
                return m, f"inside {dep}"
    for prep in preps:
        pobj = _pobj(prep)
        if pobj is not None:
            m = _actor_inside(pobj, actors, source, force)
            if m is not None:
                return m, f"inside '{prep.lower_}' phrase"
    for clause in verb.children:  # "blocked roads to press their demands on the government"
        if clause.dep_ == "advcl" and infinitive(clause):
            m = _actor_inside(clause, actors, source, force)
            if m is not None:
                return m, "inside purpose clause"
    for prep in preps:  # "placed its troops along the Somali border": only a place is named
        pobj = _pobj(prep)
        m = actors.mention_for(pobj) if pobj is not None else None
        if is_actor(m) and m.kind != "capital" and not same_actor(m, source) \
                and not (source is not None and m.country == source.country):
            return m, f"place named in the '{prep.lower_}' phrase"
    if own is not None:
        return own
    obj = _child(verb, ("dobj",))
    if obj is not None:
        return actors.mention_for(obj), "object (not an actor)"
    return None, "no target"


_INSTRUMENTS = {"bomb", "bombing", "explosion", "blast", "attack", "ambush", "shelling", "airstrike",
                "strike", "raid", "device", "ied", "mine", "grenade", "rocket", "mortar", "gunfire",
                "shooting", "assault"}


def instrument(verb, actors: DocActors) -> Mention | None:
    """The weapon or attack a passive names without a perpetrator: "was killed in a car bomb
    explosion" -> "a car bomb explosion" (a phrase, not an actor)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "by", "with"):
            pobj = _pobj(prep)
            if pobj is not None and (pobj.lemma_.lower() in _INSTRUMENTS or any(
                    c.dep_ == "compound" and c.lemma_.lower() in _INSTRUMENTS for c in pobj.children)):
                return actors.mention_for(pobj)
    return None


def noun_anchor(noun):
    """The noun's place in the clause: "held a 21st round of talks", "a wave of arrests"
    climb from the event noun to the quantifying noun the verb governs."""
    anchor = noun
    while anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
        anchor = anchor.head.head
    return anchor


def governing_verb(noun):
    """The verb whose object (direct, or through a preposition) the event noun is, or None."""
    anchor = noun_anchor(noun)
    if anchor.dep_ not in ("dobj", "pobj", "attr"):
        return None
    head = anchor.head.head if anchor.head.pos_ == "ADP" else anchor.head
    return head if head.pos_ in ("VERB", "AUX") else None


def noun_source(noun, actors: DocActors):
    for c in noun.lefts:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            m = actors.mention_for(c) if c.pos_ != "ADJ" else _adjective_actor(c, actors)
            if is_actor(m):
                return m, "possessor/modifier"
    by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is not None and _pobj(by) is not None:
        return actors.mention_for(_pobj(by)), "'by' phrase"
    anchor = noun_anchor(noun)
    head = anchor.head
    if anchor.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        m, _ = verb_source(head, actors)
        return m, f"subject of '{head.text}'"
    return None, "no source"


def _adjective_actor(adj, actors: DocActors) -> Mention | None:
    hit = actors.tok_hit.get(adj.i)
    if hit is None:
        return None
    a = hit.actors[0]
    if a.kind not in ("adjective", "country"):
        return None
    return Mention(text=adj.text, start=adj.idx, end=adj.idx + len(adj.text), name=a.name,
                   code=a.country, country=a.country, kind="country")


def noun_target(noun, actors: DocActors, source: Mention | None):
    preps = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _NOUN_TARGET_PREPS]
    preps.sort(key=lambda p: _NOUN_TARGET_PREPS.index(p.lower_))
    for prep in preps:
        pobj = _pobj(prep)
        if pobj is None:
            continue
        m = actors.mention_for(pobj)
        if is_actor(m) and not same_actor(m, source):
            return m, f"'{prep.lower_}' phrase"
        m = _actor_inside(pobj, actors, source)
        if m is not None:
            return m, f"inside '{prep.lower_}' phrase"
    for clause in noun.children:  # "its demand that Israel ease restrictions"
        subj = _child(clause, _SUBJ) if clause.dep_ in ("acl", "ccomp") else None
        if subj is not None:
            m = actors.mention_for(subj)
            if is_actor(m) and not same_actor(m, source):
                return m, "subject of the clause it names"
    return None, "no target"


# Sectors whose members usually share the country of whoever acts on them, when the text
# gives them none: "Sudanese militia fighters killed 120 civilians" -> SDNCVL.
DOMESTIC = {"CVL", "COP", "REB", "OPP", "PTY", "JUD", "LEG", "EDU", "HLH", "MED", "LAB", "BUS",
            "CRM", "REL", "UAF", "REF", "AGR", "ELI", "RAD"}


def inherit_country(target: Mention | None, source: Mention | None) -> Mention | None:
    """Give a countryless domestic target its source's country (an article-level guess, as in
    "Russian forces killed four civilians" in a story set in Ukraine, is kept)."""
    if target is None or source is None or not source.country or target.sector not in DOMESTIC:
        return target
    if target.country:
        return target
    return replace(target, country=source.country, code=source.country + target.sector,
                   kind="role")


def _owned_by(m: Mention, source: Mention | None, obj) -> bool:
    """A thing the source gives or moves rather than acts upon: its own troops ("offered
    its troops to Lebanon") or a countryless group ("4,000 troops", "intelligence")."""
    if m.kind in ("country", "capital", "person", "organisation"):
        return False
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
    return not m.country or (own and source is not None and m.country == source.country)


def same_actor(a: Mention | None, b: Mention | None) -> bool:
    """The target would be the source itself (same words, or the same actor code)."""
    if a is None or b is None:
        return False
    if a.code and b.code:
        return a.code == b.code
    return a.start == b.start


# Nouns that name a stretch of land: "on the Thai border", "near the town of Samarra".
_PLACE_NOUNS = {"border", "frontier", "region", "area", "province", "district", "town", "city",
                "village", "coast", "capital", "zone", "territory", "state", "outskirts",
                "north", "south", "east", "west", "centre", "center", "part", "side"}


def _in_place(t, top) -> bool:
    """Whether t sits in a place phrase below top ("near [Macedonia's border with X]")."""
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.lemma_.lower() in _PLACE_NOUNS and cur.dep_ == "pobj" and cur.head.lower_ in _AT:
            return True
        cur = cur.head
    return False


_AT = ("in", "at", "near", "inside", "outside", "on", "along", "across")


def _place_not_target(prep, m: Mention, violent: bool = False) -> bool:
    """'talks in Ankara', 'camps near the Thai border': a capital, or a country's stretch of
    land, after a preposition of place is where it happened, not the target."""
    if prep.lower_ not in _AT or (violent and prep.lower_ in ("at", "on")):
        return False
    if m.kind == "capital":
        return prep.lower_ != "on"
    pobj = _pobj(prep)
    return pobj is not None and pobj.lemma_.lower() in _PLACE_NOUNS and not m.sector
