"""Language identification, so non-English documents are skipped, never coded as English.

py3langid (langid.py's naive Bayes model over byte n-grams, 97 languages, shipped in the wheel,
offline) names the language. It is unreliable on a few words and can mistake English with many
names for another language, so a document is called non-English only when it is long enough,
the model is confident, and English function words are rare in it.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 8  # shorter texts are kept as English: too little evidence either way
_MIN_NOSPACE = 20  # the same in characters, for scripts written without spaces (CJK, Thai)
_NOSPACE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_MIN_PROB = 0.8  # the model's normalised probability for a non-English verdict
_LEAN_PROB = 0.3  # enough when English function words are (almost) absent
_EN_FUNCTION_RATIO = 0.15  # English prose has 30-50% function words; other languages ~0-5%
_NO_ENGLISH_RATIO = 0.05
_SAMPLE_CHARS = 4000
_EN_FUNCTION = frozenset(
    ["the", "of", "and", "to", "a", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "from", "it", "his", "her", "he", "she", "they", "their", "has", "have", "had", "be", "been", "were", "are", "which", "not", "but", "or", "an", "this", "said", "will", "would", "who", "its", "after", "than", "also", "about", "into", "over"]
)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_ratio(words: list[str]) -> float:
    return sum(w in _EN_FUNCTION for w in words) / max(len(words), 1)


def identify(text: str) -> tuple[str, float]:
    """The language code ("en", "fr", ...) and how sure we are (0-1)."""
    sample = text[:_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS and len(_NOSPACE.findall(sample)) < _MIN_NOSPACE:
        return "en", 0.0
    lang, prob = _identifier().classify(sample)
    if lang == "en":
        return "en", float(prob)
    ratio = english_ratio(words)
    if ratio < _EN_FUNCTION_RATIO and (
        prob >= _MIN_PROB or (ratio < _NO_ENGLISH_RATIO and prob >= _LEAN_PROB)
    ):
        return str(lang), float(prob)
    return "en", 0.0
