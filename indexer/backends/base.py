"""The search backend interface: a small core every engine implements, optional capabilities.

The core (abstract methods of `SearchBackend`) is what the app cannot do without: create/open a
generation, add/delete/clear articles, count, get one, search, export a search, and list the
files indexed. A search receives a `SearchQuery`; the engine calls
`indexer.query.prepare.prepare()` on it and translates the tree it gets, so what a query means
is decided once, above the engines.

Capabilities are optional. An engine lists those it has in `capabilities`; the app asks with
`supports()` and degrades without: the defaults below return what a page can show without the
feature (no similar articles, no story list, paragraphs escaped but unmarked).
"""

from __future__ import annotations

import datetime as dt
import html
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from indexer.models import Article
from indexer.query.aliases import AliasTable
from indexer.query.facets import DateColumns, FacetCount
from indexer.query.histogram import Granularity, Histogram

if TYPE_CHECKING:
    from indexer.query.prepare import PreparedQuery

Sort = Literal["relevance", "newest", "oldest", "indexed"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")  # what users may ask for
INDEXED: Sort = "indexed"  # most recently indexed first: for alerts and saved-search feeds
FACETS: tuple[str, ...] = ("source", "publisher", "byline", "dateline", "month", "language")
# Optional capabilities an engine may offer (see SearchBackend.capabilities).
MORE_LIKE_THIS = "more_like_this"  # similar(): articles like a given one
SUGGESTIONS = "suggestions"  # SearchResults.suggestion: "did you mean"
CHART_BY_SOURCE = "chart_by_source"  # Histogram.series: the date chart per source
HIGHLIGHT = "highlight"  # highlight_paragraphs() marks the query's terms
STORIES = "stories"  # largest_stories(): the biggest groups of syndicated copies
SAMPLE = "sample"  # SearchQuery.sample: a random sample of the matches, in search and export
MATCH_DATES = "match_dates"  # match_dates() from columns (else reads every match)
ARCHIVE_COUNTS = "archive_counts"  # archive_counts() from the term index (else a search each)
CAPABILITIES = frozenset(
    {
        MORE_LIKE_THIS,
        SUGGESTIONS,
        CHART_BY_SOURCE,
        HIGHLIGHT,
        STORIES,
        SAMPLE,
        MATCH_DATES,
        ARCHIVE_COUNTS,
    }
)
EXPORT_CAP = 50_000  # rows a CSV export streams at most


@dataclass(slots=True, kw_only=True)
class SearchQuery:
    """One search request, already validated for types (the backend checks the rest)."""

    text: str = ""
    # Facet name -> selected values: ORed within a facet, ANDed across facets.
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 10
    snippets: int = 3  # highlighted fragments per hit; 0 for none
    facets: bool = True
    facet_limit: int = 20
    interval: Granularity | None = None  # the date chart's periods; None: chosen from the span
    histogram: bool = True
    chart_by_source: bool = False
    suggest: bool = True  # offer a spelling correction when few articles match
    aliases: AliasTable | None = None  # names to expand to their equivalents; None: no expansion
    group: bool = True  # one hit per story (syndicated copies folded into it)
    chart_stories: bool = False  # the date chart counts distinct stories, not articles
    # Only articles indexed strictly after this time (see indexer.query.indexed); None: all.
    indexed_after: dt.datetime | None = None
    # SAMPLE: the results are `sample` matches drawn at random (one per story when grouping),
    # the same ones for the same `seed` on the same index; None: every match.
    sample: int | None = None
    seed: int = 0


COPY_FIELDS = ("id", "title", "publisher", "source", "date", "file")  # a copy under a hit


def copy_of(record: dict[str, Any]) -> dict[str, Any]:
    """What a hit shows of another copy of its story, from the copy's stored record."""
    return {key: record.get(key) for key in COPY_FIELDS}


@dataclass(slots=True, kw_only=True)
class Hit:
    """One matching article with its score and highlighted snippets (safe HTML)."""

    article: Article
    score: float | None
    snippets: list[str]
    copies: list[dict[str, Any]] = field(default_factory=list)  # the story's other articles
    copies_total: int = 0  # how many other articles the story has (`copies` may hold fewer)

    def to_dict(self) -> dict[str, Any]:
        """The hit in the API's shape (no body)."""
        data = self.article.to_dict()
        data.pop("body")
        data["score"] = None if self.score is None else round(self.score, 4)
        data["snippets"] = list(self.snippets)
        data["copies"] = [dict(c) for c in self.copies]
        data["copies_total"] = max(self.copies_total, len(self.copies))
        return data


@dataclass(slots=True, kw_only=True)
class SearchResults:
    """What a search found: the page of hits, the total, and facet counts."""

    query: SearchQuery
    total: int  # matching articles
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    stories: int = 0  # distinct stories among the matching articles
    histogram: Histogram | None = None
    suggestion: str | None = None  # a corrected query, when the words look misspelt
    date_bounds: tuple[dt.date | None, dt.date | None] = (None, None)  # from/to and date: terms
    timed_out: bool = False  # the ranking ran out of its time budget; hits may be incomplete
    total_exact: bool = True  # False: matching ran out of time, `total` is a lower bound
    sorted_by: Sort | None = None  # the order used (an empty query is newest first); None: query's
    aliases_added: list[str] = field(default_factory=list)
    took_ms: float = 0.0
    sampled_from: int | None = None  # with a sample: how many matches it was drawn from

    @property
    def sort(self) -> Sort:
        """The order the hits are in: the query's, except an empty query's newest first."""
        return self.sorted_by or self.query.sort

    @property
    def pages(self) -> int:
        """How many pages the results fill (at least 1): of stories when grouped."""
        shown = self.stories if self.query.group else self.total
        return max(1, -(-shown // self.query.per_page))


def results_of(
    prepared: PreparedQuery,
    started: float,
    counts: tuple[int, int, dict[str, list[FacetCount]], Histogram | None],
    hits: list[Hit],
    **more: Any,
) -> SearchResults:
    """A search's results: its (total, stories, facets, chart) counts, its page, what preparing
    it decided (dates, order, aliases) and its time; `more` fills the other fields."""
    total, stories, facets, histogram = counts
    return SearchResults(
        query=prepared.query,
        total=total,
        hits=hits,
        facets=facets,
        stories=stories,
        histogram=histogram,
        date_bounds=prepared.bounds,
        sorted_by=prepared.sorted_by,
        aliases_added=prepared.aliases_added,
        took_ms=(time.perf_counter() - started) * 1000,
        **more,
    )


@dataclass(slots=True)
class Export:
    """The articles of an export, in order, and how many the search matched (maybe more)."""

    articles: Iterator[Article]
    total: int  # matching articles (the export holds at most its cap of them)
    total_exact: bool = True  # False: matching ran out of time, `total` is a lower bound

    def __iter__(self) -> Iterator[Article]:
        """The articles, read as they are consumed."""
        return self.articles


class SearchBackend(ABC):
    """A full-text engine holding one generation of the index.

    A backend is created empty with `create()` or opened with `open()` on a generation
    directory. Writes (`add`, `delete`, `clear`) are committed when they return. Reads never
    see a half-written state: a build writes a new generation and the store swaps it in.
    """

    name: ClassVar[str]
    capabilities: ClassVar[frozenset[str]] = frozenset()  # which of CAPABILITIES it offers
    shardable: ClassVar[bool] = False  # create_shards() splits an index over several databases
    rewrites_files: ClassVar[bool] = False  # files change in place: an update copies them

    def supports(self, capability: str) -> bool:
        """Whether the engine offers an optional capability (one of CAPABILITIES)."""
        return capability in self.capabilities

    def lacks(self, capability: str) -> str | None:
        """Why the engine does not offer an optional capability, for users; None when it does."""
        if self.supports(capability):
            return None
        return f"the {self.name} engine does not offer it"

    @classmethod
    @abstractmethod
    def create(cls, path: Path) -> SearchBackend:
        """Create an empty index in `path` (an empty directory) and open it."""

    @classmethod
    @abstractmethod
    def open(cls, path: Path) -> SearchBackend:
        """Open an existing index; raises IndexMissing when it is absent or unreadable."""

    @abstractmethod
    def add(self, articles: Iterable[Article]) -> int:
        """Add (or replace, by id) articles and commit; returns how many were written."""

    @abstractmethod
    def delete(self, ids: Iterable[str]) -> int:
        """Delete articles by id and commit; returns how many were deleted."""

    @abstractmethod
    def clear(self) -> None:
        """Delete every article."""

    @abstractmethod
    def count(self) -> int:
        """Number of articles in the index."""

    @abstractmethod
    def get(self, article_id: str) -> Article | None:
        """One article with its full body, or None."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """Run a search; raises QueryError for a query it cannot run (never anything else)."""

    @abstractmethod
    def files(self) -> dict[str, float]:
        """Every indexed file label (`Article.origin`) with its modification time."""

    @abstractmethod
    def ids_for_files(self, origins: Iterable[str]) -> list[str]:
        """Ids of the articles read from the given files."""

    @abstractmethod
    def iter_articles(self) -> Iterable[Article]:
        """Every article, with its body (for stats, exports and regrouping)."""

    @abstractmethod
    def export(self, query: SearchQuery, cap: int = EXPORT_CAP) -> Export:
        """Every matching article in the query's order, up to `cap` (no snippets, no facets)."""

    @classmethod
    def create_shards(cls, path: Path, shards: int) -> SearchBackend:
        """Create an empty index of `shards` shard databases (engines that are `shardable`)."""
        raise NotImplementedError(f"The {cls.name} backend keeps one index.")

    @classmethod
    def copy_generation(cls, source: Path, target: Path) -> None:
        """Copy a generation's files for an update (engines that `rewrites_files`)."""
        raise NotImplementedError

    @classmethod  # noqa: B027 - an optional hook with a no-op default
    def published(cls, root: Path, generation: Path) -> None:
        """After a generation is swapped in: what the engine serves from it (no-op by default)."""

    # Optional capabilities: the defaults are what the app shows without them.

    def match_dates(self, query: SearchQuery) -> DateColumns:
        """The dates of every match (of each story's earliest copy with `chart_stories`).

        MATCH_DATES engines read them from their columns; this default reads every matching
        article (correct, slow on a large archive).
        """
        from indexer.research.dates import dates_of

        found = self.export(replace(query, sample=None, sort="oldest"), cap=self.count())
        return dates_of(found, stories=query.chart_stories)

    def term_keys(self, words: Sequence[str]) -> list[str]:
        """Each word as the engine indexes it (`stocks` -> `stock`), so forms count as one."""
        return [word.lower() for word in words]

    def archive_counts(self, terms: Sequence[str]) -> list[int]:
        """Articles of the whole archive whose body holds each word or two-word phrase.

        Words are matched as the engine matches them (stemmed). ARCHIVE_COUNTS engines read
        the counts from their term index; this default runs a search per term.
        """
        counts = []
        for term in terms:
            text = f'body:"{term}"' if " " in term else f"body:'{term}'"
            found = self.search(
                SearchQuery(
                    text=text,
                    facets=False,
                    histogram=False,
                    per_page=1,
                    snippets=0,
                    suggest=False,
                    group=False,
                )
            )
            counts.append(found.total)
        return counts

    def largest_stories(self, limit: int = 10) -> list[dict[str, Any]]:
        """STORIES: the stories with the most copies (story_id, articles, title, copies)."""
        return []

    def similar(self, article_id: str, limit: int = 5) -> list[Article]:
        """MORE_LIKE_THIS: articles most like the given one, without it."""
        return []

    def highlight_paragraphs(self, body: str, query_text: str) -> list[str]:
        """HIGHLIGHT: the body's paragraphs as safe HTML (escaped, `<mark>` on query terms)."""
        return [html.escape(p, quote=True) for p in body.split("\n\n") if p.strip()]

    def status(self) -> dict[str, Any]:
        """What the engine reports about itself for `newsindex stats` (its name at least)."""
        return {"engine": self.name}

    def snippet_maker(self, query_text: str) -> Callable[[str], str]:
        """A function giving a body's first snippet for the query (safe HTML, `<mark>`ed).

        Optional: by default the snippet is the body's opening, escaped.
        """
        from indexer.safehtml import escape, lead

        return lambda body: escape(lead(body))

    def write_caches(self) -> None:  # noqa: B027 - optional hook with a no-op default
        """Save what makes opening the index fast; run by rebuild and update, never by serving."""

    def refresh(self) -> None:  # noqa: B027 - optional hook with a no-op default
        """Pick up changes committed since the backend was opened (no-op by default)."""

    def close(self) -> None:  # noqa: B027 - optional hook with a no-op default
        """Release files and caches."""
