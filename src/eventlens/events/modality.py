"""Negation: events the text says did not happen (modality lives in events/intent.py)."""

from __future__ import annotations

_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}


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
