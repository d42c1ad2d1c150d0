"""Near-duplicate articles in the store, through `eventlens.clean.neardup` (MinHash LSH).

The pipeline marks an article that nearly copies an earlier one of the same run
(`Article.duplicate_of`) and does not code it. The store keeps every original's signature
(`articles.minhash`) so that:
- `index(con)` gives a NearDuplicates index of the stored originals, for a run that should
  also recognise copies of articles stored by earlier runs (`Coder.run(near_duplicates=...)`);
- `write_batch` applies the same test to each new article against the stored originals and
  the batch's earlier ones, so an ingest that resumes after a kill (whose pipeline index
  starts empty) stores exactly what an uninterrupted run stores: the copy is marked
  `duplicate_of` and keeps no events of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache


@cache
def _index_class():
    """`eventlens.clean.neardup.NearDuplicates`, or None where that module is absent."""
    try:
        from eventlens.clean.neardup import NearDuplicates
    except ImportError:
        return None
    return NearDuplicates


@cache
def _signer():
    cls = _index_class()
    return cls() if cls is not None else None


def available() -> bool:
    return _index_class() is not None


def signature(article) -> bytes | None:
    """The article's MinHash signature as the cleaner computes it (None without a text or
    without eventlens.clean.neardup)."""
    s = _signer()
    if s is None or not article.text:
        return None
    return s.signature(article)


def new_index(pairs: Iterable[tuple[str, bytes]] = ()):
    """A NearDuplicates index holding (doc_id, signature) pairs; None without the module."""
    cls = _index_class()
    if cls is None:
        return None
    idx = cls()
    idx.load((d, s) for d, s in pairs if s and len(s) == 4 * idx.num_perm)
    return idx


def stored_pairs(con) -> list[tuple[str, bytes]]:
    """(doc_id, signature) of every stored original, in a stable order."""
    return con.execute(
        "SELECT doc_id, minhash FROM articles WHERE duplicate_of IS NULL AND minhash IS NOT NULL "
        "ORDER BY doc_id").fetchall()


def index(con):
    """A NearDuplicates index of the stored originals (for `Coder.run(near_duplicates=)`)."""
    return new_index(stored_pairs(con))
