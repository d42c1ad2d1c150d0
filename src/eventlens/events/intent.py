"""Intent, obligation and future: how CAMEO codes what has not happened yet.

A human CAMEO coder does not drop "Turkey will allow the refugees to return" or "Palestinian
leaders said they would boycott all contact": an announced cooperative act is an expression
of intent (03x, PLOVER AGREE), an announced conflictual act is a threat (13x, THREATEN), a
refusal ("will not accept") is a rejection (12x), and "X said Y must do Z" is a demand (10x).
Only true hypotheticals (conditions, questions, speculation with could/might/may) stay
unemitted. This module classifies the modality of a predicate and maps codes accordingly.
"""

from __future__ import annotations

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_SPECULATIVE_AUX = {"could", "might", "may", "can", "ought"}
_OBLIGATION_AUX = {"must", "should"}
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
# Heads whose open complement is an announced intention: "ready to talk", "plans to impose".
INTENT_HEADS = {"ready", "prepared", "willing", "plan", "intend", "decide", "vow", "pledge",
                 "promise", "offer", "want", "hope", "wish", "aim", "seek", "agree", "prepare",
                 "determined", "set", "poised", "resolve", "commit", "go", "expect"}
_SPECULATIVE_HEADS = {"consider", "mull", "weigh", "propose", "like", "unlikely", "likely"}
_CLAUSE_DEPS = {"ccomp", "ROOT", "conj", "relcl", "advcl", "parataxis"}

FACTUAL, INTENT, HYPOTHETICAL, OBLIGATION = "factual", "intent", "hypothetical", "obligation"


def _clause(pred):
    """The predicate and the heads of its own clause (through xcomp/acomp/prep/dobj links)."""
    cur = pred
    for _ in range(10):
        yield cur
        if cur.dep_ in _CLAUSE_DEPS or cur.head.i == cur.i:
            return
        cur = cur.head


def under_speech(tok, speech_lemmas: set[str]) -> bool:
    """True when the clause of `tok` is the complement of a speech verb (reported speech)."""
    for t in _clause(tok):
        last = t
    return last.dep_ in ("ccomp", "parataxis") and last.head.lemma_.lower() in speech_lemmas


def modality(pred, sentence_text: str, speech_lemmas: set[str]) -> str:
    """factual | intent | hypothetical | obligation, for one predicate."""
    if sentence_text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"):
        return HYPOTHETICAL
    result = FACTUAL
    for tok in _clause(pred):
        for child in tok.children:
            word = child.lower_
            if child.dep_ == "mark" and word in _CONDITIONAL_MARKS:
                return HYPOTHETICAL
            if child.dep_ != "aux":
                continue
            if word in _SPECULATIVE_AUX:
                return HYPOTHETICAL
            if word in _OBLIGATION_AUX:
                result = OBLIGATION
            elif word in _FUTURE_AUX:
                result = INTENT
            elif word == "would":
                # Future in the past inside reported speech; elsewhere a conditional.
                result = INTENT if under_speech(tok, speech_lemmas) else HYPOTHETICAL
                if result == HYPOTHETICAL:
                    return result
        if tok.dep_ == "xcomp":
            head = tok.head.lemma_.lower()
            if head in _SPECULATIVE_HEADS:
                return HYPOTHETICAL
            if head in INTENT_HEADS and result == FACTUAL:
                result = INTENT
            if head in ("have", "need") and result == FACTUAL:
                result = OBLIGATION
    return result


_INTENT_3 = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "081": "0351", "082": "0352", "083": "034", "084": "0353", "0841": "0353", "085": "0354",
    "086": "0355", "087": "0356",
    "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "172": "132", "173": "137", "174": "137", "175": "137", "191": "1381", "192": "1382",
    "204": "1385", "2041": "1385", "2042": "1385",
}  # fmt: skip
_INTENT_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133",
                "15": "138", "16": "131", "17": "130", "18": "138", "19": "138", "20": "138"}
_DEMAND_ROOT = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "03": "100"}
_DEMAND_3 = {"084": "1053", "0841": "1053", "085": "1054", "081": "1051", "082": "1052",
             "087": "1056", "0871": "1056", "083": "104", "061": "1011", "062": "1012",
             "071": "1031", "072": "1032", "073": "1033", "074": "1034", "046": "106"}


def intent_code(code: str, negated: bool) -> str | None:
    """The CAMEO code of an announced act; None when there is no such code (stay silent)."""
    root = code[:2]
    if negated:
        # "will not accept", "refused to meet": a rejection of cooperation; a promise not
        # to fight is no codable event.
        return "120" if root <= "08" else None
    for key in (code, code[:3]):
        if key in _INTENT_3:
            return _INTENT_3[key]
    if root in ("03", "13", "01", "02", "09", "10", "11", "12"):
        return code
    return _INTENT_ROOT.get(root)


def demand_code(code: str | None) -> str:
    """'X said Y must Z': a demand (10x) whose subcode follows what Z is."""
    if code is None:
        return "100"
    for key in (code, code[:3]):
        if key in _DEMAND_3:
            return _DEMAND_3[key]
    return _DEMAND_ROOT.get(code[:2], "100")
