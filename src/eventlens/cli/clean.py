"""`eventlens clean`: show cleaned articles and what was dropped and why."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    CleanFormat,
    Inputs,
    Quiet,
    Reporter,
    Verbose,
)


@app.command()
def clean(
    inputs: Inputs,
    format: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.json,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Show the cleaned article(s): title, date, site, text, and what was dropped and why."""
    from eventlens.clean import clean as clean_doc
    from eventlens.ingest import InputError, read_inputs

    rep = Reporter(quiet, verbose, "cleaning")
    out = []
    try:
        for raw in read_inputs(inputs):
            art = raw if isinstance(raw, InputError) else clean_doc(raw)
            if isinstance(art, InputError):
                rep.error(art.line())
                continue
            rep.doc_done(art.id)
            out.append(art)
    finally:
        rep.close()
    if format is CleanFormat.text:
        for a in out:
            sys.stdout.write(a.text + "\n\n")
    else:
        docs = [_article_json(a) for a in out]
        json.dump(docs[0] if len(docs) == 1 else docs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    raise typer.Exit(rep.exit_code)


def _article_json(a) -> dict:
    return {
        "id": a.id, "uri": a.uri, "title": a.title, "site": a.site, "section": a.section,
        "author": a.author, "published": a.published.isoformat() if a.published else None,
        "date_basis": a.date_basis, "page_date": a.page_date.isoformat() if a.page_date else None,
        "language": a.language, "content_hash": a.content_hash, "text": a.text,
        "dropped": [{"reason": d.reason, "text": d.text} for d in a.dropped],
    }
