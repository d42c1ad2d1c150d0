"""The data model every stage shares: documents in, articles, actor mentions and events out.

Offsets (`start`, `end`) are character offsets into `Article.text`, so every event can be
traced back to the exact words it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class RawDocument:
    """One input document as read, before cleaning."""

    id: str
    uri: str
    content: bytes | str
    media_type: str  # "text/plain" | "text/html" | ...
    fetched_at: datetime | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Dropped:
    """A piece of the input the cleaner removed, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """Clean body text with its metadata; all event offsets point into `text`."""

    id: str
    uri: str
    title: str | None
    text: str
    published: date | None = None
    page_date: date | None = None
    site: str | None = None
    section: str | None = None
    author: str | None = None
    language: str | None = "en"
    content_hash: str = ""
    paragraphs: tuple[tuple[int, int], ...] = ()
    dropped: tuple[Dropped, ...] = ()
    date_basis: str | None = None  # where `published` came from: html-meta, jsonl, page, ...
    duplicate_of: str | None = None  # id of the article this one nearly duplicates (not coded)

    @property
    def event_date(self) -> tuple[date | None, str | None]:
        """The default date for events: publication date, else the scrape's page date."""
        if self.published:
            return self.published, "publication"
        if self.page_date:
            return self.page_date, "page"
        return None, None


@dataclass(frozen=True)
class Mention:
    """An actor mention: the words as written plus the resolved actor."""

    text: str
    start: int
    end: int
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None  # country | person | organisation | role | pronoun | other
    resolved_from: str | None = None  # the earlier mention's text when coreference resolved it

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("kind")
        return d


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # city | admin1 | country


@dataclass(frozen=True)
class Plover:
    event: str | None
    mode: str | None
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """One coded event; `to_json` gives the contract of DESIGN.md, every field present."""

    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    source: Mention | None
    target: Mention | None
    action: Span
    cameo: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover: Plover
    negated: bool = False
    hypothetical: bool = False
    reported_by: Mention | None = None
    reciprocal: bool = False
    date: date | None = None
    date_basis: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    explanation: str = ""
    depth: int = 0  # predicate's distance from the sentence root; not part of the JSON contract

    @property
    def event_id(self) -> str:
        """Stable across runs: same document, words, actors and code give the same id."""
        key = "|".join(
            str(x)
            for x in (
                self.doc_id,
                self.action.start,
                self.source.code if self.source else None,
                self.source.start if self.source else None,
                self.target.code if self.target else None,
                self.target.start if self.target else None,
                self.cameo,
            )
        )
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "action": asdict(self.action),
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {
                "event": self.plover.event,
                "mode": self.plover.mode,
                "context": list(self.plover.context),
            },
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "reported_by": self.reported_by.to_json() if self.reported_by else None,
            "reciprocal": self.reciprocal,
            "date": self.date.isoformat() if self.date else None,
            "date_basis": self.date_basis,
            "location": asdict(self.location) if self.location else None,
            "confidence": round(self.confidence, 3),
            "explanation": self.explanation,
        }


EVENT_FIELDS = (
    "event_id", "doc_id", "sentence_index", "sentence", "sentence_start", "source", "target",
    "action", "cameo", "cameo_root", "quad_class", "goldstein", "plover", "negated",
    "hypothetical", "reported_by", "reciprocal", "date", "date_basis", "location",
    "confidence", "explanation",
)
MENTION_FIELDS = ("text", "start", "end", "name", "code", "country", "sector", "resolved_from")
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "precision")
