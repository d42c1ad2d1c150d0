"""A store filled from the bundled synthetic corpus, built once per test session."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_demo_db(tmp_path_factory, coder) -> Path:
    path = tmp_path_factory.getbasetemp() / "demo_store.duckdb"
    if path.exists():
        return path
    from eventlens.ingest import read_inputs
    from eventlens.model import Article
    from eventlens.store import duck

    results = [r for r in coder.run(read_inputs([str(ROOT / "examples" / "corpus")]))
               if hasattr(r, "article") and isinstance(r.article, Article)]
    con = duck.connect(path)
    try:
        duck.write_batch(con, [r.article for r in results], [e for r in results for e in r.events])
    finally:
        con.close()
    return path
