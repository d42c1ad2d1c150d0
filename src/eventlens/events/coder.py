"""Code the events of one parsed article: predicates x patterns x arguments -> Events.

For every verb and event noun, the pattern dictionary proposes a CAMEO code; the arguments
module finds the source and target phrases, which the actor resolver codes. Complements are
handled the way a human coder reads them: "threatened to attack" is one THREATEN event (the
pattern's xcomp cue picks the subcode), "X said that Y did Z" codes Y->Z with `reported_by` X,
and a speech verb is coded as a statement only when its complement held no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eventlens import dates, geo
from eventlens.actors.resolve import DocActors
from eventlens.events import arguments as args
from eventlens.events import calibration, intent
from eventlens.events.intent import intent_code as intent_code_for
from eventlens.events.modality import is_negated
from eventlens.events.patterns import Pattern, PatternIndex
from eventlens.model import Article, Event, Location, Mention, Plover, Span
from eventlens.ontology import cameo

_LIGHT_VERBS = {"hold", "make", "pay", "conduct", "launch", "carry", "announce", "stage", "give",
                "begin", "start", "continue", "resume", "conclude", "complete", "end", "undertake",
                "wrap", "cut", "attend", "mount"}
# Nouns that frame the event noun compounded with them: "a mediation effort", "a bombing
# campaign", "the peace process" are events of mediation, bombing and peace-making.
_FRAME_NOUNS = {"effort", "bid", "mission", "campaign", "operation", "initiative", "attempt",
                "drive", "push", "process", "programme", "program", "plan", "offensive", "spree"}
_VIOLENT = {"18", "19", "20"}  # roots whose unnamed perpetrators take the place's country
# Codes that stay what they are when announced rather than done ("will investigate").
_INTENT_NEUTRAL = {"01", "02", "03", "09", "10", "11", "12", "13"}


@dataclass(frozen=True)
class _Match:
    pattern: Pattern
    pred: object  # spaCy Token


_DEMAND = Pattern(lemma="(must/should clause)", pos="VERB", code="100",
                  note="obligation in reported speech")


def _cue_lemmas(tok) -> set[str]:
    return {tok.lemma_.lower(), tok.text.lower()}


def _match(pred, p: Pattern, actors: DocActors) -> bool:
    kids = list(pred.children)
    if p.particle is not None and not any(c.dep_ == "prt" and c.lower_ in p.particle for c in kids):
        return False
    preps = [c for c in kids if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP"]
    if p.prep is not None:
        preps = [c for c in preps if c.lower_ in p.prep]
        if not preps:
            return False
    objects = [c for c in kids if c.dep_ in ("dobj", "attr", "oprd", "dative")]
    if pred.dep_ == "acl" and pred.tag_ == "VBN" and pred.head.pos_ in ("NOUN", "PROPN"):
        objects.append(pred.head)  # "a statement released by the embassy": what was released
    for prep in preps if (p.prep is not None or pred.pos_ == "NOUN") else []:
        objects += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if pred.pos_ == "NOUN":
        objects += [c for c in kids if c.dep_ in ("compound", "amod", "nmod")]
    if p.object is not None:
        found = [o for o in objects if _cue_lemmas(o) & p.object or
                 any(_cue_lemmas(c) & p.object for c in o.children if c.dep_ == "compound")]
        if not found:
            return False
        objects = found
    if p.modifier is not None:
        pool = objects + [pred]
        if not any(c.dep_ in ("amod", "compound", "nmod") and _cue_lemmas(c) & p.modifier
                   for o in pool for c in o.children):
            return False
    if p.xcomp is not None and not any(_complement(c) and _cue_lemmas(c) & p.xcomp for c in kids):
        return False
    if p.passive is not None and args.is_passive(pred) != p.passive:
        return False
    if p.object_actor is not None:
        # "calling it a provocation": "it" and a predicate complement name a thing
        actor_obj = not any(c.dep_ == "oprd" for c in kids) and any(
            args.is_actor(actors.mention_for(o)) for o in objects
            if o.pos_ in ("NOUN", "PROPN", "PRON") and o.lower_ not in ("it", "this", "that"))
        if actor_obj != p.object_actor:
            return False
    return True


def _complement(tok) -> bool:
    """A clausal complement, including the infinitive spaCy-small often attaches as an
    adverbial clause ("have sworn [to fight the army]")."""
    return tok.dep_ in ("xcomp", "ccomp") or (tok.dep_ == "advcl" and args.infinitive(tok))


def best_pattern(pred, index: PatternIndex, actors: DocActors) -> Pattern | None:
    pos = "VERB" if pred.pos_ in ("VERB", "AUX") else "NOUN" if pred.pos_ in ("NOUN", "PROPN") else None
    if pos is None or (pos == "NOUN" and pred.dep_ == "compound"
                       and pred.head.lemma_.lower() not in _FRAME_NOUNS):
        return None  # "aid workers", "press release": a modifier, not an event
    best: Pattern | None = None
    for p in index.candidates(pred.lemma_.lower(), pos):
        if _match(pred, p, actors) and (
            best is None or p.n_cues > best.n_cues or (p.n_cues == best.n_cues and p.order < best.order)
        ):
            best = p
    return best


class _Places:
    """Event locations of one sentence, looked up once per pair of actor countries."""

    def __init__(self, sent, actors: DocActors, article: Article) -> None:
        self.sent, self.actors, self.article = sent, actors, article
        self.cache: dict[tuple, Location | None] = {}

    def get(self, src: Mention | None, tgt: Mention | None) -> Location | None:
        key = (src.country if src else None, tgt.country if tgt else None)
        if key not in self.cache:
            self.cache[key] = geo.event_location(self.sent, self.actors, self.article, key)
        return self.cache[key]


def _confidence(p: Pattern, source: Mention | None, target: Mention | None, code: str,
                probs: dict[str, float] | None, clf) -> float:
    """Evidence from both deciders: the pattern's specificity and the dyad's completeness,
    and the classifier's probability for the event's class."""
    score = 0.5 + 0.07 * min(p.n_cues, 3)
    score += 0.12 if args.is_actor(source) else -0.1
    score += 0.1 if args.is_actor(target) else -0.05
    score = max(0.05, min(0.95, score))
    if probs is None:
        return score
    agree = _agreement(probs, code[:2], clf)
    if p.note == _LEARNED_NOTE:
        return round(max(0.05, min(0.95, 0.9 * agree)), 3)
    return round(0.5 * score + 0.5 * agree, 3)


_LEARNED_NOTE = "learned classifier"
_FALLBACK_MIN = 0.45  # least class probability for a classifier-only event
_OVERRIDE_MIN = 0.85  # the classifier overrules a bare pattern only when this sure


def _agreement(probs: dict[str, float], root: str, clf) -> float:
    """The classifier's probability that the sentence is of this root's five-way class."""
    from eventlens.events.classifier import _ROOT_TO_FIVE, NONE

    if clf.scheme != "root":
        return probs.get(clf.group(root), 0.0)
    five = _ROOT_TO_FIVE.get(root)
    return sum(v for k, v in probs.items() if k != NONE and _ROOT_TO_FIVE.get(k) == five)


def _top(probs: dict[str, float]) -> tuple[str, float] | None:
    from eventlens.events.classifier import NONE

    label, p = max(((k, v) for k, v in probs.items() if k != NONE), key=lambda kv: kv[1])
    return (label, p) if p > probs.get(NONE, 0.0) else None


def _learned_match(sent, probs: dict[str, float], clf) -> _Match | None:
    """A sentence no pattern gave an event for: the classifier's class, on the main verb."""
    top = _top(probs)
    if top is None or top[1] < _FALLBACK_MIN:
        return None
    pred = sent.root if sent.root.pos_ in ("VERB", "AUX") else next(
        (t for t in sent if t.pos_ == "VERB"), None)
    if pred is None:
        return None
    code = clf.code_for(top[0])
    return _Match(Pattern(lemma=pred.lemma_.lower(), pos="VERB", code=code,
                          note=_LEARNED_NOTE), pred)


def _override(p: Pattern, probs: dict[str, float], clf) -> tuple[str, str] | None:
    """A bare lemma pattern the classifier confidently contradicts gives way to it. A model
    trained on the user's own label scheme (five classes, PLOVER) speaks for their labels:
    when confident it overrules any pattern whose class differs."""
    user = clf.scheme != "root"
    if (p.n_cues and not user) or p.code == _DEMAND.code:
        return None
    top = _top(probs)
    if top is None or top[1] < _OVERRIDE_MIN or (
            clf.group(p.code[:2]) == top[0] if user
            else _agreement(probs, p.code[:2], clf) > 0.05):
        return None
    code = clf.code_for(top[0])
    return code, f"classifier overrode the pattern ({top[0]}, p={top[1]:.2f}) -> {code}"


def _under_speech(pred, index: PatternIndex, actors: DocActors) -> Mention | None:
    """The speaker when the predicate sits in the complement of a speech verb."""
    cur = pred
    for _ in range(8):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return None
        if cur.dep_ == "ccomp" and _is_speech(cur.head, index):
            verb = cur.head
            if args.is_passive(verb):
                return None
            m, _ = args.verb_source(verb, actors)
            return m if args.is_actor(m) else None
        cur = cur.head
    return None


def _speech_above(pred, index: PatternIndex):
    """The speech verb whose complement holds the predicate ("said [it is ready to act]")."""
    cur = pred
    for _ in range(8):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "parataxis") and _is_speech(cur.head, index):
            return cur.head
        cur = cur.head
    return None


def _is_speech(tok, index: PatternIndex) -> bool:
    return tok.lemma_.lower() in index.speech_lemmas


def _pairs(source: Mention | None, target: Mention | None, actors: DocActors,
           weak_target: bool = False):
    """(source, target, reciprocal) for coordinated actors: "A and B agreed" gives A->B and
    B->A (reciprocal); "X urged A and B" gives X->A and X->B."""
    sources = actors.with_conjuncts(source)
    targets = actors.with_conjuncts(target)
    if len(sources) > 1 and (not args.is_actor(target) or weak_target):
        return [(a, b, True) for a in sources for b in sources
                if a is not b and not args.same_actor(a, b)]
    pairs = [(a, b, False) for a in sources for b in targets if not args.same_actor(a, b)]
    # A target that turns out to be the source itself is dropped, not the event.
    return pairs or [(a, None, False) for a in sources if args.is_actor(a)]


def _noun_phrase_head(noun):
    """The frame noun an event noun is compounded with ("mediation [effort]"), else itself."""
    return noun.head if noun.dep_ == "compound" and noun.head.lemma_.lower() in _FRAME_NOUNS \
        else noun


# Events both sides do together: "A met B", "A held talks with B", "A and B signed a deal"
# are coded both ways, reciprocal (DESIGN: "A met B" coded both ways).
_SYMMETRIC = {"036", "040", "041", "044", "046", "057"}


def _both_ways(pairs):
    out = []
    for a, b, _ in pairs:
        for pair in ((a, b, True), (b, a, True)) if args.is_actor(a) and args.is_actor(b) \
                else ((a, b, False),):
            if not any(p[0] is pair[0] and p[1] is pair[1] for p in out):
                out.append(pair)
    return out


def _depth(tok) -> int:
    """How far the predicate sits below the sentence root (0 for the main verb)."""
    d = 0
    while tok.dep_ != "ROOT" and tok.head.i != tok.i and d < 20:
        tok, d = tok.head, d + 1
    return d


def _norm_sentence(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def code_article(article: Article, doc, actors: DocActors, index: PatternIndex,
                 include_negated: bool = False, clf=None) -> list[Event]:
    speech = index.speech_lemmas
    events: list[Event] = []
    seen: set[tuple] = set()
    sents = list(doc.sents)
    all_probs = clf.proba([s.text.strip() for s in sents]) if clf is not None else [None] * len(sents)
    for s_idx, (sent, probs) in enumerate(zip(sents, all_probs, strict=True)):
        sent_text = sent.text.rstrip()
        places = _Places(sent, actors, article)
        matches = []
        for tok in sent:
            p = best_pattern(tok, index, actors)
            if p is not None:
                matches.append(_Match(p, tok))
        if not matches and probs is not None:
            learned = _learned_match(sent, probs, clf)
            if learned is not None:
                matches.append(learned)
        # "X said Y must drop its barriers": an obligation in reported speech is a demand
        # even when its verb has no pattern of its own.
        have = {m.pred.i for m in matches}
        statements = {m.pred.i for m in matches if m.pattern.code == "010"}  # "concluded that"
        for tok in sent:
            if tok.i not in have and tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "parataxis") \
                    and (tok.head.lemma_.lower() in speech or tok.head.i in statements) \
                    and intent.modality(tok, sent_text, speech) == intent.OBLIGATION:
                matches.append(_Match(_DEMAND, tok))
        coded_preds = {m.pred.i for m in matches}
        # "issued a declaration demanding that ...": a bare statement yields to an event coded
        # in what it says
        inner_verbs = {o.pred.i for o in matches
                       if o.pattern.code[:2] != "01" and o.pred.pos_ == "VERB"}
        said = {m.pred.i for m in matches if m.pattern.code == "010" and inner_verbs & {
            t.i for c in m.pred.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr")
            for t in c.subtree}}
        # "agreed to lift the embargo", "is ready to withdraw": a bare intent verb yields to
        # the act it announces, which is then coded as intent (0354, 0356, ...).
        by_i = {m.pred.i: m.pattern for m in matches}
        announcers = {m.pred.head.i for m in matches
                      if m.pred.dep_ == "xcomp" and m.pred.head.i in by_i
                      and by_i[m.pred.head.i].xcomp is None
                      and m.pred.head.lemma_.lower() in intent.INTENT_HEADS
                      and m.pattern.code[:2] not in ("01", "02")}
        # "concluded her visit", "held talks", "announced the suspension of aid": the event
        # noun carries the meaning, the light or speech verb above it does not.
        light = {m.pred.i for m in matches if m.pred.lemma_ in _LIGHT_VERBS
                 or (m.pattern.code.startswith("01") and not m.pattern.n_cues)}
        governors = {m.pred.i: args.governing_verb(_noun_phrase_head(m.pred)) for m in matches
                     if m.pred.pos_ in ("NOUN", "PROPN")}
        noun_under = {g.i for g in governors.values() if g is not None}
        # A speech verb is a statement only when nothing was coded in its complement.
        has_inner = {v.i for m in matches if (v := _speech_above(m.pred, index)) is not None}
        # Where patterns fired but none gave an event (no actors found on their predicates),
        # the classifier may still code the sentence on its main verb, as where none fired.
        pending, n_before = list(matches), len(events)
        fallback_tried = probs is None or any(m.pattern.note == _LEARNED_NOTE for m in matches)
        while True:
            if pending:
                m = pending.pop(0)
            elif not fallback_tried and len(events) == n_before:
                fallback_tried = True
                if (m := _learned_match(sent, probs, clf)) is None:
                    break
            else:
                break
            pred, p = m.pred, m.pattern
            if pred.i in announcers:
                continue
            if pred.head.i in coded_preds and pred.head.i not in announcers and (
                    pred.dep_ == "xcomp" or (_complement(pred) and by_i[pred.head.i].xcomp
                                             and pred.lemma_.lower() in by_i[pred.head.i].xcomp)):
                continue  # "threatened to attack": the head's pattern codes it
            governor = governors.get(pred.i)
            if governor is not None and governor.i in coded_preds and governor.i not in light:
                continue  # "accused X of aggression": the verb codes it
            if pred.i in light and pred.i in noun_under:
                continue
            if _is_speech(pred, index) and p.code[:2] == "01" and pred.i in has_inner:
                continue
            if pred.i in said:
                continue
            demanded_by = None
            if pred.pos_ in ("VERB", "AUX") and intent.modality(pred, sent_text, speech) == \
                    intent.OBLIGATION:
                demanded_by = _under_speech(pred, index, actors)
            if demanded_by is not None:
                # "X said Y must release Z": X demands of Y (10x), not Y releasing Z.
                source, s_how = demanded_by, "speaker of the demand"
                target, t_how = args.verb_source(pred, actors)[0], "subject of 'must' clause"
            elif pred.pos_ in ("VERB", "AUX"):
                source, s_how = args.verb_source(pred, actors)
                target, t_how = args.verb_target(pred, actors, source, p.code)
            else:
                source, s_how = args.noun_source(_noun_phrase_head(pred), actors)
                target, t_how = args.noun_target(_noun_phrase_head(pred), actors, source)
                if governor is not None and governor.lemma_ in _LIGHT_VERBS:
                    # "Yeltsin hosted Hashimoto for an informal meeting": the light verb
                    # carries the meeting's participants
                    if not args.is_actor(source):
                        source, s_how = args.verb_source(governor, actors)
                        s_how = f"subject of '{governor.text}'"
                    if not args.is_actor(target):
                        m, how = args.verb_target(governor, actors, source)
                        if args.is_actor(m):
                            target, t_how = m, f"{how} of '{governor.text}'"
            if p.code[:2] in _VIOLENT and target is not None and not target.country \
                    and target.sector in args.DOMESTIC:
                # "Russian forces shelled Kharkiv, killing four civilians": the victims are
                # of the place it happened, not of the attacker's country
                where = places.get(source, None)
                if where is not None and where.country:
                    target = replace(target, country=where.country,
                                     code=where.country + target.sector, kind="role")
                    t_how = f"{t_how}; of the place it happened ({where.name})"
            target = args.inherit_country(target, source)
            if not (args.is_actor(source) or args.is_actor(target)):
                continue
            if _is_speech(pred, index) and p.code[:2] == "01" and not args.is_actor(source):
                continue  # a statement needs a speaker
            if p.code == "010" and not args.is_actor(target):
                continue  # "officials said ...": a bare statement to no one carries no relation
            negated = is_negated(pred)
            mood = intent.modality(pred, sent_text, speech)
            code, how_coded = p.code, None
            if demanded_by is not None:
                code = intent.demand_code(p.code)
                how_coded, mood = f"demanded in reported speech ({p.code} -> {code})", intent.FACTUAL
            elif probs is not None and p.note != _LEARNED_NOTE and not (
                    mood == intent.INTENT and negated):
                # ("will not accept refugees" is a refusal by the intent rules below, whatever
                # a model says of the act refused)
                override = _override(p, probs, clf)
                if override is not None:
                    code, how_coded = override
            if how_coded is None and mood == intent.INTENT:
                announced = intent_code_for(p.code, negated)
                if announced is not None:
                    code, negated, how_coded = announced, False, f"announced ({p.code} -> {announced})"
            hypothetical = mood == intent.HYPOTHETICAL or (
                mood == intent.INTENT and how_coded is None and p.code[:2] not in _INTENT_NEUTRAL)
            if (negated or hypothetical) and not include_negated:
                continue
            if not args.is_actor(target) and _domestic(code):
                place = _place_named(sent, actors, source, pred)
                if place is not None:
                    target, t_how = place, "place where it happened (a domestic measure)"
                elif source is not None and source.country and source.sector in _STATE:
                    # "Sudan's government lifted the state of emergency": its own country
                    target = replace(source, code=source.country, sector=None,
                                     kind="country", name=source.country)
                    t_how = "the state's own country (a domestic measure)"
            if code[:2] in _VIOLENT and not args.is_actor(source):
                if source is None and pred.pos_ == "VERB":
                    source = args.instrument(pred, actors)
                if source is not None:
                    source, s_how = _unidentified(source, places.get(None, target), s_how)
            if source is None and code[:2] in ("09", "17") and pred.pos_ == "VERB" \
                    and args.is_passive(pred):
                source, s_how = _authorities(pred, actors, s_how)
            if source is not None and not source.country and source.sector in args.DOMESTIC:
                where = places.get(None, target)
                if where is not None and where.country:
                    # "Prisoners rioted at a jail in Dili": people of the place it happened
                    source = replace(source, country=where.country,
                                     code=where.country + source.sector)
                    s_how = f"{s_how}; of the place it happened ({where.name})"
            if code == "190":
                code, how_coded = _violent_detail(pred, source, how_coded)
            if code[:3] == "150" and _joint_exercise(pred, source, actors):
                code, how_coded = "062", f"military exercises held jointly ({code} -> 062)"
            if code == "114" and pred.lemma_.lower() == "protest" and source is not None \
                    and source.sector in _CROWDS:
                # an official complaint is a state's; crowds that protest demonstrate
                code, how_coded = "141", f"a protest by {source.sector} (114 -> 141)"
            if code[:2] in _VIOLENT and target is not None and not args.is_actor(target):
                if _people(target, actors):
                    where = places.get(source, None)
                    if where is not None and where.country:
                        # "killed 23 people in Tel Aviv": civilians of the place it happened
                        target = replace(target, country=where.country, sector="CVL",
                                         code=where.country + "CVL", kind="role")
                        t_how = f"{t_how}; people where it happened ({where.name})"
                elif (place := _place_in(target, actors)) is not None:
                    # "shelled residential districts of Kharkiv": the place's country
                    target = replace(target, name=place.name, country=place.country,
                                     code=place.country, kind="country")
                    t_how = f"{t_how}; a place ({place.name})"
            ev_date, basis = dates.event_date(sent, article, pred.i)
            entry = cameo.lookup(code)
            reported_by = _under_speech(pred, index, actors)
            weak_target = t_how.startswith("inside")  # found deep in a non-actor phrase
            pairs = _pairs(source, target, actors, weak_target)
            if code[:3] in _SYMMETRIC:
                pairs = _both_ways(pairs)
            for src, tgt, reciprocal in pairs:
                key = (_norm_sentence(sent_text), src.code if src else None,
                       tgt.code if tgt else None, code, pred.lemma_)
                if key in seen:
                    continue
                seen.add(key)
                how = (s_how, t_how) if not reciprocal else ("compound subject", "compound subject") \
                    if code[:3] not in _SYMMETRIC else ("one side (coded both ways)",
                                                         "other side (coded both ways)")
                events.append(Event(
                    doc_id=article.id,
                    sentence_index=s_idx,
                    sentence=sent_text,
                    sentence_start=sent.start_char,
                    source=src,
                    target=tgt,
                    action=Span(pred.text, pred.idx, pred.idx + len(pred.text)),
                    cameo=code,
                    cameo_root=code[:2],
                    quad_class=entry.quad_class if entry else cameo.quad_class_of(code),
                    goldstein=entry.goldstein if entry else None,
                    plover=Plover(entry.plover_event, entry.plover_mode, entry.plover_context)
                    if entry else Plover(None, None),
                    negated=negated,
                    hypothetical=hypothetical,
                    reported_by=reported_by,
                    reciprocal=reciprocal,
                    date=ev_date,
                    date_basis=basis,
                    location=places.get(src, tgt),
                    confidence=calibration.calibrate(
                        _confidence(p, src, tgt, code, probs, clf), clf, p.note == _LEARNED_NOTE),
                    explanation=_explain(p, pred, src, how[0], tgt, how[1], reported_by, entry, how_coded),
                    depth=_depth(pred),
                ))
    return events


_EXERCISES = {"exercise", "game", "drill", "manoeuvre", "maneuver", "wargame", "manoeuver"}


def _joint_exercise(pred, source: Mention | None, actors: DocActors) -> bool:
    """War games held by two countries together are military cooperation (062), not a show
    of force (150): "French and Egyptian warships launched war games", "joint drills"."""
    words = {t.lemma_.lower() for t in pred.subtree} | {pred.lemma_.lower()}
    if not words & _EXERCISES:
        return False
    return "joint" in words or len([m for m in actors.with_conjuncts(source) if m is not None
                                    and m.country]) > 1


_CROWDS = {"CVL", "EDU", "LAB", "OPP", "REB", "REL", "RAD", "AGR", "REF", "HLH", "MED"}
_BOMB = {"bomb", "bombs", "bomber", "bombers", "bombing", "bombings", "explosive", "explosives",
         "ied", "ieds"}  # not "blast" or "explosion": a mine or a gas main explodes too
_PROMINENT = {"leader", "chief", "commander", "official", "governor", "mayor", "minister",
              "president", "judge", "prosecutor", "journalist", "cleric", "imam", "politician",
              "lawmaker", "legislator", "senator", "activist", "candidate", "ambassador",
              "diplomat", "envoy", "editor", "chairman", "head", "deputy", "spokesman"}


def _violent_detail(pred, source: Mention | None, how: str | None) -> tuple[str, str | None]:
    """A killing coded 190 (conventional force) that the text shows to be something else, as
    CAMEO defines them: by a bomb or a bomber it is a bombing (183: suicide 1831, car 1832,
    roadside or improvised device 1833); a single prominent person killed by anyone but an
    army is an assassination (186)."""
    words = set(re.findall(r"[a-z]+", source.text.lower())) if source is not None else set()
    if words & _BOMB:
        code = "1831" if "suicide" in words else "1832" if words & {"car", "vehicle", "truck"} \
            else "1833" if words & {"roadside", "improvised", "ied", "ieds"} else "183"
        return code, f"a bombing by its perpetrator's words ('{source.text}') (190 -> {code})"
    victim = next((c for c in pred.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if victim is not None and victim.tag_ == "NN" and victim.lemma_.lower() in _PROMINENT \
            and pred.lemma_.lower() in ("kill", "murder", "shoot") \
            and not (source is not None and source.sector == "MIL"):
        return "186", f"a prominent person killed ('{victim.text}') (190 -> 186)"
    return "190", how


# Protests and measures on a whole population (curfews, emergency rule, bans, easing them)
# are aimed at the place they happen in, when no one else is named: "extend the curfew in
# Abidjan" targets Ivory Coast, "lifted emergency rule in West Darfur" Sudan.
_DOMESTIC_CODES = ("14", "081", "082", "132", "0351", "0352", "172", "1723", "1724", "175")


_STATE = ("GOV", "MIL", "COP", "JUD", "LEG")


def _domestic(code: str) -> bool:
    return code.startswith(_DOMESTIC_CODES)


def _where_applied(pred) -> list:
    """The tokens of the 'in'/'across'/'throughout' phrases of a predicate or of its object
    ("imposed a curfew in parts of Dera Ismail Khan")."""
    heads = [pred] + [c for c in pred.children if c.dep_ == "dobj"]
    return [t for h in heads for prep in h.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "across", "throughout")
            for t in prep.subtree]


def _place_named(sent, actors: DocActors, source: Mention | None, pred=None) -> Mention | None:
    """Where a domestic measure applies: a country or capital in the predicate's own 'in'
    phrase ("eased emergency measures in Montenegro province"), else a place GeoNames knows
    there ("a curfew in parts of Dera Ismail Khan"), else the first country or capital the
    sentence names outside the source phrase."""
    own = _where_applied(pred) if pred is not None else []

    def country_at(tok) -> Mention | None:
        m = actors.mention_for(tok.head if tok.dep_ in ("compound", "flat") else tok)
        if m is not None and m.kind in ("country", "capital") and m.country:
            return replace(m, code=m.country, sector=None, kind="country")  # the place, not its government
        return None

    for tok in own:
        if tok.pos_ == "PROPN" and (m := country_at(tok)) is not None:
            return m
    loc, run = actors.place_in(own)
    if loc is not None:
        return Mention(text=run.text, start=run.start_char, end=run.end_char, name=loc.name,
                       code=loc.country, country=loc.country, kind="country")
    for tok in sent:
        if tok.pos_ == "PROPN" and not (source is not None and source.start <= tok.idx < source.end) \
                and (m := country_at(tok)) is not None:
            return m
    return None


def _place_in(m: Mention, actors: DocActors) -> Location | None:
    """A known place named in an attacked thing's phrase ("the town of Huliaipole",
    "residential districts of Kharkiv"), resolved with GeoNames."""
    span = actors.doc.char_span(m.start, m.end, alignment_mode="expand")
    return actors.place_in(span)[0] if span is not None else None


_PEOPLE = {"people", "person", "man", "woman", "child", "boy", "girl", "youth", "family",
           "passenger", "pilgrim", "worshipper", "shopper", "bystander", "victim", "passer"}


def _people(m: Mention, actors: DocActors) -> bool:
    """Whether a phrase no dictionary codes names ordinary people ("at least 156 people")."""
    head = actors.head_of.get((m.start, m.end))
    return head is not None and actors.doc[head].lemma_.lower() in _PEOPLE


def _authorities(pred, actors: DocActors, how: str) -> tuple[Mention | None, str]:
    """An investigation or arrest told in the passive with no agent ("was put under
    investigation in Italy", "were detained in Cairo") is the work of the authorities of the
    place named, as the PLOVER gold standard codes it; the words stay the place's."""
    preps = [c for c in pred.children if c.dep_ == "prep"]
    preps += [g for p in preps for o in p.children if o.dep_ == "pobj"  # "under investigation in"
              for g in o.children if g.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ in ("in", "at"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            m = actors.mention_for(pobj) if pobj is not None else None
            if m is not None and m.country and m.kind in ("country", "capital"):
                return (replace(m, name="unnamed authorities", code=m.country, sector=None,
                                kind="unidentified"),
                        f"{how}; the authorities of the place named ({m.text})")
    return None, how


def _unidentified(source: Mention, where: Location | None, how: str) -> tuple[Mention, str]:
    """A bombing or an explosion with no named perpetrator: the attacker is unidentified, so
    the code stays null, but its country is the one where the attack happened, as ICEWS
    codes "Unidentified Gunmen (Iraq)" and the PLOVER gold standard does; the words stay the
    instrument's."""
    if where is None or not where.country:
        return source, how
    m = replace(source, name="unidentified attacker", country=where.country, kind="unidentified")
    return m, f"{how}; unidentified attacker placed where it happened ({where.name})"


def _describe(m: Mention | None, how: str) -> str:
    if m is None:
        return f"none ({how})"
    coded = m.code or "uncoded"
    via = f", coreference to '{m.resolved_from}'" if m.resolved_from else ""
    return f"{how} '{m.text}' -> {m.name or m.text} [{coded}{via}]"


def _explain(p: Pattern, pred, source, s_how, target, t_how, reported_by, entry,
             how_coded: str | None = None) -> str:
    name = entry.name if entry else p.code
    code = entry.code if entry else p.code
    decider = (f"learned classifier -> {p.code} on main verb '{pred.text}' (no pattern gave an event)"
               if p.note == _LEARNED_NOTE else f"pattern {p.describe()} -> {p.code} on '{pred.text}'")
    parts = [
        decider + (f"; {how_coded}" if how_coded else "") + f"; coded {code} ({name})",
        f"source: {_describe(source, s_how)}",
        f"target: {_describe(target, t_how)}",
    ]
    if reported_by is not None:
        parts.append(f"reported by '{reported_by.text}'")
    return "; ".join(parts)
