"""Near-duplicate articles: syndicated wire copies with light edits, found with MinHash LSH.

Each article's body (without the headline, which syndicators reword) becomes a set of word
shingles; MinHash signatures of those sets go into an LSH index (datasketch). A candidate from
the index counts as the same article only if the estimated Jaccard similarity of the two
signatures reaches the threshold, so LSH's false candidates are filtered out.

The default threshold, 0.7 on the Jaccard similarity of word 3-shingles, keeps copies with a
changed sentence, added boilerplate and a few reworded phrases, and leaves apart different
reports of the same event (benchmarks/bench_neardup.py measures both).

Signatures are 512 bytes (128 x uint32) and can be stored (`signature`) and reloaded (`load`),
so the index can cover articles already in the database as well as the ones being ingested.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from eventlens.model import Article

_WORD = re.compile(r"\w+")
_SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only valid with it
_SEED = 1


class NearDuplicates:
    """An index of article signatures; `check_and_add` says which earlier article one copies."""

    def __init__(self, threshold: float = 0.7, num_perm: int = 128, shingle: int = 3) -> None:
        from datasketch import MinHashLSH

        self.threshold, self.num_perm, self.shingle = threshold, num_perm, shingle
        # LSH tuned a little below the threshold: a lost candidate is a missed duplicate, an
        # extra candidate only costs one comparison.
        self._lsh = MinHashLSH(threshold=max(threshold - 0.1, 0.1), num_perm=num_perm)
        self._values: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._values

    def shingles(self, article: Article) -> set[bytes]:
        from eventlens.clean import body_text

        words = _WORD.findall((body_text(article) or article.text).lower())
        k = self.shingle
        if len(words) < k:
            return {" ".join(words).encode()}
        return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}

    def signature(self, article: Article) -> bytes:
        """The article's MinHash signature as bytes, to store alongside it."""
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=_SEED)
        m.update_batch(list(self.shingles(article)))
        return m.hashvalues.astype("<u4").tobytes()

    def find(self, doc_id: str, signature: bytes) -> str | None:
        """The id of the most similar indexed article at or above the threshold, if any
        (never `doc_id` itself: re-reading the same article is not a duplicate)."""
        values = self._decode(signature)
        best, best_sim = None, self.threshold
        for other in self._lsh.query(self._minhash(values)):
            if other == doc_id:
                continue
            sim = float(np.count_nonzero(self._values[other] == values)) / self.num_perm
            if sim >= best_sim and (best is None or sim > best_sim or str(other) < best):
                best, best_sim = str(other), sim
        return best

    def add(self, doc_id: str, signature: bytes) -> None:
        if doc_id in self._values:
            return
        values = self._decode(signature)
        self._lsh.insert(doc_id, self._minhash(values))
        self._values[doc_id] = values

    def check_and_add(self, article: Article) -> str | None:
        """The id of the article this one nearly duplicates, or None; an original is added to
        the index, a duplicate is not (so every copy points at the same original)."""
        sig = self.signature(article)
        original = self.find(article.id, sig)
        if original is None:
            self.add(article.id, sig)
        return original

    def load(self, pairs: Iterable[tuple[str, bytes]]) -> int:
        """Add stored (doc_id, signature) pairs; returns how many were added."""
        n = len(self._values)
        for doc_id, sig in pairs:
            self.add(doc_id, sig)
        return len(self._values) - n

    def _decode(self, signature: bytes) -> np.ndarray:
        values = np.frombuffer(signature, dtype="<u4")
        if values.size != self.num_perm:
            raise ValueError(f"signature has {values.size} values, expected {self.num_perm}")
        return values.astype(np.uint32)

    def _minhash(self, values: np.ndarray):
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, seed=_SEED, hashvalues=values, scheme=_SCHEME)
