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
_NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "between", "of", "for",
                      "at", "from", "into")


def is_actor(m: Mention | None) -> bool:
    return m is not None and bool(m.code or m.country or m.sector)


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _child(tok, deps):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep):
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def verb_source(verb, actors: DocActors, depth: int = 0):
    """(mention, how) for the doer of a verb."""
    if is_passive(verb):
        agent = _child(verb, ("agent",))
        if agent is not None and _pobj(agent) is not None:
            return actors.mention_for(_pobj(agent)), "passive agent"
        return None, "passive, no agent"
    subj = _child(verb, _SUBJ)
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
    if verb.dep_ == "relcl":
        return actors.mention_for(head), "noun the clause modifies"
    if verb.dep_ in ("advcl", "acl") and head.pos_ in ("VERB", "AUX"):
        return verb_source(head, actors, depth + 1)[0], "subject of main clause"
    return None, "no subject"


def _actor_inside(tok, actors: DocActors, avoid: Mention | None) -> Mention | None:
    """First actor phrase within a non-actor phrase, skipping the source's own country."""
    fallback = None
    for t in tok.subtree:
        if t.i == tok.i or t.pos_ not in ("NOUN", "PROPN", "PRON") or t.dep_ in ("compound", "flat"):
            continue
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.dep_ != "pobj":
            continue  # "the rebel-held enclave", "US-backed forces": a modifier, not the target
        m = actors.mention_for(t)
        if not is_actor(m) or (avoid is not None and avoid.start <= m.start < avoid.end):
            continue
        if t.head.pos_ == "ADP" and _place_not_target(t.head, m):
            continue  # "an agreement in Accra": where, not whom
        if (avoid is not None and avoid.country and m.country == avoid.country) or not m.country:
            fallback = fallback or m  # its own side, or a group of no known country
            continue
        return m
    return fallback


def verb_target(verb, actors: DocActors, source: Mention | None):
    """(mention, how) for the one acted upon."""
    if is_passive(verb):
        subj = _child(verb, ("nsubjpass",))
        if subj is not None:
            m = actors.mention_for(subj)
            if is_actor(m):
                return m, "passive subject"
            inner = _actor_inside(subj, actors, source)  # "a camp for Congolese refugees"
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
    preps.sort(key=lambda p: _TARGET_PREPS.index(p.lower_) if p.lower_ in _TARGET_PREPS else 99)
    for prep in preps:
        pobj = _pobj(prep)
        if pobj is None or prep.lower_ not in _TARGET_PREPS + ("by",):
            continue
        m = actors.mention_for(pobj)
        if is_actor(m) and not same_actor(m, source) and not _place_not_target(prep, m) \
                and not (own and m.country and source and m.country == source.country):
            return m, f"'{prep.lower_}' phrase"
    for dep in ("dobj", "xcomp", "ccomp"):
        obj = _child(verb, (dep,))
        if obj is not None:
            m = _actor_inside(obj, actors, source)
            if m is not None:
                return m, f"inside {dep}"
    for prep in preps:
        pobj = _pobj(prep)
        if pobj is not None:
            m = _actor_inside(pobj, actors, source)
            if m is not None:
                return m, f"inside '{prep.lower_}' phrase"
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
    return None, "no target"


# Sectors whose members usually share the country of whoever acts on them, when the text
# gives them none: "Sudanese militia fighters killed 120 civilians" -> SDNCVL.
_DOMESTIC = {"CVL", "COP", "REB", "OPP", "PTY", "JUD", "LEG", "EDU", "HLH", "MED", "LAB", "BUS",
             "CRM", "REL", "UAF", "REF", "AGR", "ELI", "RAD"}


def inherit_country(target: Mention | None, source: Mention | None) -> Mention | None:
    """Give a countryless domestic target its source's country (an article-level guess, as in
    "Russian forces killed four civilians" in a story set in Ukraine, is kept)."""
    if target is None or source is None or not source.country or target.sector not in _DOMESTIC:
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


def _place_not_target(prep, m: Mention) -> bool:
    """'talks in Ankara': a capital after in/at/near is where it happened, not the target."""
    return prep.lower_ in ("in", "at", "near", "inside", "outside") and m.kind == "capital"
