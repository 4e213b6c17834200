"""A search backend over Python lists, built on the query tree: the interface is engine-neutral.

It reads no query text: `prepare()` gives it the tree, dates and facet rules, and it only
matches the tree's leaves against lower-cased words (no stemming), scores by how often they
occur, and reuses the query layer's facet, date and chart functions. Articles are kept in a
JSON file so that `open` finds what `create` wrote.
"""

from __future__ import annotations

import copy
import fnmatch
import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from indexer.backends.base import (
    CHART_BY_SOURCE,
    EXPORT_CAP,
    FACETS,
    HIGHLIGHT,
    Hit,
    SearchBackend,
    SearchQuery,
    SearchResults,
)
from indexer.errors import IndexMissing
from indexer.models import Article, article_from_dict
from indexer.query import grammar
from indexer.query.facets import MULTI_SEP, DateColumns, FacetColumn, count_facets, facet_values
from indexer.query.facets import select as select_facets
from indexer.query.histogram import bin_dates
from indexer.query.indexed import indexed_mask, micros
from indexer.query.mentions import AtLeast, Length, word_count
from indexer.query.prepare import prepare

WORD = re.compile(r"\w+")


def words(text: str | None) -> list[str]:
    """Lower-cased words."""
    return [w.lower() for w in WORD.findall(text or "")]


class FakeBackend(SearchBackend):
    """Articles in a list; a search walks the query tree over each one."""

    name = "fake"
    capabilities = frozenset({HIGHLIGHT, CHART_BY_SOURCE})

    def __init__(self, path: Path, articles: list[Article]) -> None:
        self.path, self.articles = path, articles

    @classmethod
    def create(cls, path: Path) -> FakeBackend:
        """An empty list saved in `path`."""
        path.mkdir(parents=True, exist_ok=True)
        backend = cls(path, [])
        backend._save()
        return backend

    @classmethod
    def open(cls, path: Path) -> FakeBackend:
        """The list saved in `path`."""
        try:
            rows = json.loads((path / "fake.json").read_text())
        except (OSError, ValueError) as exc:
            raise IndexMissing(f"No fake index at {path}") from exc
        return cls(path, [_article(row) for row in rows])

    def _save(self) -> None:
        """Write the list (with each article's origin and mtime) to the JSON file."""
        rows = [{**a.to_dict(), "origin": a.origin, "mtime": a.mtime} for a in self.articles]
        (self.path / "fake.json").write_text(json.dumps(rows))

    def add(self, articles: Iterable[Article]) -> int:
        """Add or replace by id."""
        new = [copy.deepcopy(a) for a in articles]
        ids = {a.id for a in new}
        self.articles = [a for a in self.articles if a.id not in ids] + new
        self._save()
        return len(new)

    def delete(self, ids: Iterable[str]) -> int:
        """Delete by id."""
        gone = set(ids)
        before = len(self.articles)
        self.articles = [a for a in self.articles if a.id not in gone]
        self._save()
        return before - len(self.articles)

    def clear(self) -> None:
        """Delete every article."""
        self.articles = []
        self._save()

    def count(self) -> int:
        """Number of articles."""
        return len(self.articles)

    def get(self, article_id: str) -> Article | None:
        """One article by id."""
        return next((copy.deepcopy(a) for a in self.articles if a.id == article_id), None)

    def files(self) -> dict[str, float]:
        """File labels and modification times."""
        return {a.origin: a.mtime for a in self.articles}

    def ids_for_files(self, origins: Iterable[str]) -> list[str]:
        """Ids of the articles read from the given files."""
        wanted = set(origins)
        return [a.id for a in self.articles if a.origin in wanted]

    def iter_articles(self) -> Iterable[Article]:
        """Every article."""
        return [copy.deepcopy(a) for a in self.articles]

    def _run(self, sq: SearchQuery) -> tuple:
        """The prepared query, scores, facet columns, dates, masks and matches in order."""
        prepared = prepare(sq)
        scores = np.array([_score(prepared.tree, a) for a in self.articles], dtype=float)
        columns = {
            name: FacetColumn.from_values(
                MULTI_SEP.join(facet_values(a)[name]).encode() for a in self.articles
            )
            for name in FACETS
        }
        dates = _dates(self.articles)
        indexed = np.array([micros(a.indexed_at) for a in self.articles], dtype=np.int64)
        matched = scores > 0
        recent = indexed_mask(indexed, sq.indexed_after)
        if recent is not None:
            matched &= recent
        masks = select_facets(matched, dates, prepared.bounds, sq.filters, columns)
        day = dates.ordinal

        def key(n: int) -> tuple:
            """Best score first, then newest (or oldest) date, undated last; or newest indexed."""
            if sq.sort == "indexed":
                return (-indexed[n], n)
            when = -(day[n] or -(10**7)) if sq.sort != "oldest" else (day[n] or 10**7)
            return (-scores[n] if prepared.ranked else 0, when, n)

        order = sorted(np.flatnonzero(masks[2]).tolist(), key=key)
        return prepared, scores, columns, dates, masks, order

    def search(self, sq: SearchQuery) -> SearchResults:
        """Match the tree over each article, then the query layer's facet and date rules."""
        prepared, scores, columns, dates, (base, chosen, final), order = self._run(sq)
        story = [a.story_id or a.id for a in self.articles]
        first = {story[n]: n for n in reversed(order)}
        if sq.group:
            order = [n for n in order if first[story[n]] == n]
        terms = {leaf.text.lower() for leaf in grammar.leaves(prepared.tree)}
        hits = [
            Hit(
                article=copy.deepcopy(self.articles[n]),
                score=float(scores[n]) if prepared.ranked else None,
                snippets=[_mark(self.articles[n].body, terms)],
            )
            for n in order[(sq.page - 1) * sq.per_page : sq.page * sq.per_page]
        ]
        facets = count_facets(FACETS, sq.filters, sq.facet_limit, base, chosen, columns)
        by = columns["source"] if sq.chart_by_source else None
        return SearchResults(
            query=sq,
            total=int(final.sum()),
            stories=len(first),
            hits=hits,
            facets=facets if sq.facets else {},
            histogram=bin_dates(dates, final, by) if sq.histogram else None,
            date_bounds=prepared.bounds,
            aliases_added=prepared.aliases_added,
        )

    def export(self, query: SearchQuery, cap: int = EXPORT_CAP) -> Iterator[Article]:
        """Every match in the query's order, up to `cap`."""
        order = self._run(query)[-1]
        return (copy.deepcopy(self.articles[n]) for n in order[:cap])

    def highlight_paragraphs(self, body: str, query_text: str) -> list[str]:
        """Paragraphs with the query's words marked."""
        terms = {leaf.text.lower() for leaf in grammar.leaves(grammar.parse(query_text).tree)}
        return [_mark(p, terms) for p in body.split("\n\n") if p.strip()]


def _article(row: dict) -> Article:
    """An article from its saved row."""
    article = article_from_dict(row)
    article.origin, article.mtime = row["origin"], row["mtime"]
    return article


def _dates(articles: list[Article]) -> DateColumns:
    """The date columns of the articles."""
    starts = [a.date.start() if a.date else None for a in articles]
    precisions = [((a.date.precision or "") if a.date else "").encode() for a in articles]
    return DateColumns.from_values([d.toordinal() if d else 0 for d in starts], precisions)


def _score(node: grammar.Node | None, article: Article) -> float:
    """How well an article matches a tree: 0 for no match, else the occurrences of its words."""
    if node is None:
        return 1.0
    if isinstance(node, AtLeast):
        found = words(article.body).count(node.text.lower())
        return float(found) if found >= node.count else 0.0
    if isinstance(node, Length):
        return 1.0 if node.matches(word_count(article.body)) else 0.0
    if isinstance(node, grammar.Word | grammar.Phrase | grammar.Pattern):
        names = [node.field] if node.field else list(grammar.TEXT_FIELDS)
        return sum(_leaf(node, words(_text(article, name))) for name in names)
    if isinstance(node, grammar.And | grammar.Or):
        parts = [_score(item, article) for item in node.items]
        ok = all(parts) if isinstance(node, grammar.And) else any(parts)
        return sum(parts) if ok and parts else 0.0
    if isinstance(node, grammar.Not):
        return 0.0 if _score(node.item, article) else 1.0
    if isinstance(node, grammar.AndNot):
        return 0.0 if _score(node.negative, article) else _score(node.positive, article)
    first = _score(node.required, article)
    if isinstance(node, grammar.AndMaybe):
        return first + _score(node.optional, article) if first else 0.0
    return first if first and _score(node.condition, article) else 0.0


def _text(article: Article, name: str) -> str:
    """A field's text."""
    if name in ("byline",):
        return "; ".join(article.byline)
    return getattr(article, name) or ""


def _leaf(node: grammar.Leaf, tokens: list[str]) -> float:
    """Occurrences of a word, phrase or pattern in a field's words."""
    wanted = words(node.text)
    if isinstance(node, grammar.Pattern):
        return float(sum(fnmatch.fnmatchcase(t, node.text.lower()) for t in tokens))
    if isinstance(node, grammar.Word):
        found = all(w in tokens for w in wanted)
        return float(sum(tokens.count(w) for w in wanted)) if found else 0.0
    size = len(wanted)
    return float(sum(tokens[i : i + size] == wanted for i in range(len(tokens))))


def _mark(text: str, terms: set[str]) -> str:
    """Escaped text with the words of `terms` in <mark>."""
    parts = re.split(r"(\w+)", text)
    return "".join(
        f"<mark>{html.escape(p)}</mark>" if p.lower() in terms else html.escape(p) for p in parts
    )
