"""The whole flow for a stream of documents: clean -> parse (batched) -> actors -> events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from eventlens.clean import clean
from eventlens.ingest.errors import InputError
from eventlens.model import Article, Event, RawDocument

if TYPE_CHECKING:
    from eventlens.clean.neardup import NearDuplicates


@dataclass(frozen=True)
class Result:
    article: Article
    events: list[Event]


@dataclass
class Coder:
    """Dictionaries and patterns loaded once, reused for every document."""

    dictionaries: tuple[str, ...] = ()
    include_negated: bool = False
    model: str | None = None  # a model directory from `eventlens train`; "none" disables it
    batch_size: int = 32
    n_process: int = 1
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def actor_dictionary(self):
        from eventlens.actors import dictionary

        return dictionary.load(self.dictionaries)

    @cached_property
    def patterns(self):
        from eventlens.events import patterns

        return patterns.load(self.dictionaries)

    @cached_property
    def classifier(self):
        from pathlib import Path

        from eventlens.events import classifier

        if self.model == "none":
            return None
        return classifier.load(Path(self.model)) if self.model else classifier.default()

    def code_parsed(self, article: Article, doc) -> list[Event]:
        from eventlens import geo
        from eventlens.actors.resolve import DocActors
        from eventlens.events.coder import code_article

        on, _ = article.event_date
        actors = DocActors(doc, self.actor_dictionary, on, geo.dateline_country(article))
        return code_article(article, doc, actors, self.patterns, self.include_negated,
                            self.classifier)

    def code_articles(self, articles: list[Article]) -> list[list[Event]]:
        """Parse a batch of cleaned articles and code each one: the per-document work."""
        from eventlens import nlp

        docs = nlp.parse([a.text for a in articles], self.batch_size)
        return [self.code_parsed(a, doc) for a, doc in zip(articles, docs, strict=True)]

    def run(self, items: Iterable[RawDocument | InputError | Article],
            near_duplicates: NearDuplicates | None = None) -> Iterator[Result | InputError]:
        """Code documents in input order; errors pass through in place. A document that nearly
        duplicates an earlier one (in this run, or in `near_duplicates` when given) comes out as
        a Result with `duplicate_of` set and no events; Articles passed in are not checked.

        With `n_process` > 1, cleaning and the duplicate check stay here (they are ordered)
        and each batch is parsed and coded in a pool of that many processes (eventlens.workers),
        each loading its own Coder from this one's settings."""
        self.actor_dictionary, self.patterns, self.classifier  # noqa: B018 - load before parsing
        batches = self._batches(items, near_duplicates)
        if self.n_process > 1:
            from eventlens import workers

            chunks = ((b, [a for a in b if isinstance(a, Article)]) for b in batches)
            coded = workers.map_ordered(workers.spec_of(self), chunks, self.n_process)
        else:
            coded = ((b, self.code_articles([a for a in b if isinstance(a, Article)]))
                     for b in batches)
        for batch, events in coded:
            per_article = iter(events)
            for item in batch:
                yield item if isinstance(item, InputError | Result) else Result(item, next(per_article))

    def _batches(self, items: Iterable[RawDocument | InputError | Article],
                 near_duplicates: NearDuplicates | None
                 ) -> Iterator[list[Article | InputError | Result]]:
        """Clean in order and group into batches of `batch_size` articles to code."""
        from eventlens.clean.neardup import NearDuplicates

        seen = near_duplicates if near_duplicates is not None else NearDuplicates()
        pending: list[Article | InputError | Result] = []
        n_articles = 0
        for item in items:
            if isinstance(item, RawDocument):
                item = clean(item)
                if isinstance(item, Article) and (original := seen.check_and_add(item)):
                    item = Result(replace(item, duplicate_of=original), [])  # not coded again
            pending.append(item)
            if isinstance(item, Article):
                n_articles += 1
                if n_articles >= self.batch_size:
                    yield pending
                    pending, n_articles = [], 0
        if pending:
            yield pending
