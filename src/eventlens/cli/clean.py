"""`eventlens clean`: show cleaned articles and what was dropped and why.

Articles are written as they are cleaned, never collected, so a WARC of any size streams
through in bounded memory.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, TextIO

import typer

from eventlens.cli import app
from eventlens.cli.common import (
    CleanFormat,
    Inputs,
    Quiet,
    Reporter,
    Verbose,
)

AnyLanguage = Annotated[bool, typer.Option(
    "--any-language", help="Keep non-English articles (marked with their language) instead of "
                           "skipping them; only English is ever coded.")]
NearDup = Annotated[bool, typer.Option(
    "--near-duplicates", help="Mark articles that nearly duplicate an earlier one "
                              "(duplicate_of), as `code` and `ingest` do before coding.")]


@app.command()
def clean(
    inputs: Inputs,
    format: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.json,
    any_language: AnyLanguage = False,
    near_duplicates: NearDup = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Show the cleaned article(s): title, date, site, text, and what was dropped and why."""
    from dataclasses import replace

    from eventlens.clean import clean as clean_doc
    from eventlens.ingest import InputError, read_inputs

    index = None
    if near_duplicates:
        from eventlens.clean.neardup import NearDuplicates

        index = NearDuplicates()
    rep = Reporter(quiet, verbose, "cleaning")
    out = _JsonWriter(sys.stdout) if format is CleanFormat.json else None
    try:
        for raw in read_inputs(inputs):
            art = raw if isinstance(raw, InputError) else clean_doc(raw, not any_language)
            if isinstance(art, InputError):
                rep.error(art.line())
                continue
            if index is not None and (original := index.check_and_add(art)):
                art = replace(art, duplicate_of=original)
                rep.info(f"{art.id}: near-duplicate of {original}")
            rep.doc_done(art.id)
            if out is not None:
                out.write(article_json(art))
            else:
                sys.stdout.write(art.text + "\n\n")
    finally:
        rep.close()
        if out is not None:
            out.close()
    raise typer.Exit(rep.exit_code)


class _JsonWriter:
    """One article prints as an object, several as a list, written as they come."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.first, self.n = stream, None, 0

    def write(self, doc: dict) -> None:
        self.n += 1
        if self.n == 1:
            self.first = doc
            return
        if self.n == 2:
            self.stream.write("[\n")
            self._dump(self.first)
            self.first = None
        self.stream.write(",\n")
        self._dump(doc)

    def close(self) -> None:
        if self.n == 1:
            self._dump(self.first)
        elif self.n == 0:
            self.stream.write("[]")
        else:
            self.stream.write("\n]")
        self.stream.write("\n")
        self.stream.flush()

    def _dump(self, doc: dict | None) -> None:
        json.dump(doc, self.stream, ensure_ascii=False, indent=2)


def article_json(a) -> dict:
    """The JSON form of a cleaned article; `body` is `text` without the headline paragraph."""
    from eventlens.clean import body_text

    return {
        "id": a.id, "uri": a.uri, "title": a.title, "site": a.site, "section": a.section,
        "author": a.author, "published": a.published.isoformat() if a.published else None,
        "date_basis": a.date_basis, "page_date": a.page_date.isoformat() if a.page_date else None,
        "language": a.language, "content_hash": a.content_hash, "duplicate_of": a.duplicate_of,
        "text": a.text, "body": body_text(a),
        "dropped": [{"reason": d.reason, "text": d.text} for d in a.dropped],
    }
