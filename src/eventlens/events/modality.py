"""Negation, modality and hypotheticals: events that did not (or did not yet) happen."""

from __future__ import annotations

_MODALS = {"would", "could", "might", "may", "should", "must", "shall", "can", "ought"}
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
_INTENT_HEADS = {"want", "plan", "hope", "intend", "seek", "consider", "try", "aim", "wish",
                 "expect", "propose", "prepare", "like", "attempt", "mull", "weigh"}
_CLAUSE_DEPS = {"ccomp", "ROOT", "conj", "relcl", "advcl", "parataxis"}
_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}


def _clause_chain(tok):
    """The predicate and the clause heads above it, up to the sentence root."""
    cur = tok
    seen = 0
    while True:
        yield cur
        if cur.dep_ == "ROOT" or cur.head.i == cur.i or seen > 12:
            return
        cur = cur.head
        seen += 1


def is_negated(pred) -> bool:
    """'did not attack', 'never met', 'no talks', 'refrained from'; also the governing verb of a
    noun or an xcomp ('did not announce any suspension', 'did not agree to release')."""
    for child in pred.children:
        if child.dep_ == "neg" or (child.lower_ in _NEG_WORDS and child.dep_ in ("det", "advmod")):
            return True
    if pred.dep_ in ("xcomp", "dobj", "pobj", "nsubjpass", "attr", "conj") or pred.pos_ == "NOUN":
        head = pred.head
        if head.i != pred.i and head.pos_ in ("VERB", "AUX", "ADP"):
            target = head.head if head.pos_ == "ADP" else head
            if pred.dep_ == "conj":
                return False
            return any(c.dep_ == "neg" for c in target.children)
    return False


def is_hypothetical(pred, sentence_text: str) -> bool:
    """Modal verbs, conditionals, questions, and intentions not yet acted on, looked up on the
    predicate and the heads of its own clause."""
    if sentence_text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"):
        return True
    for tok in _clause_chain(pred):
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in _MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
                return True
        if tok.dep_ == "xcomp" and tok.head.lemma_ in _INTENT_HEADS:
            return True
        if tok.dep_ in _CLAUSE_DEPS:
            return False
    return False
