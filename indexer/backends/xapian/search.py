"""One search over a Xapian database: filters, exact counts, the chart, a page.

Over local shards (`columns.ShardTables` at hand) the query's matching docids are read from
one unranked match (none for the empty query: every live article matches), and dates, facet
selections, counts, the chart and the story count are computed from the tables' numpy columns
by the query layer's functions, as the Whoosh engine does; a page in date order is ordered
there too, and a ranked page is one enquiry of the page's size collapsing on the story slot.
Over remote shards (no columns here) the search is counted as `remote` says. Either way the
hits are highlighted by the project's highlighter.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import xapian

from indexer.backends import highlight
from indexer.backends.base import (
    FACETS,
    INDEXED,
    Hit,
    SearchQuery,
    SearchResults,
    results_of,
)
from indexer.backends.xapian import schema
from indexer.backends.xapian.columns import ShardTables
from indexer.backends.xapian.copies import COPIES_SHOWN, StoryCopies, story_copies
from indexer.backends.xapian.countclient import CountServers
from indexer.backends.xapian.frequent import docids_of
from indexer.backends.xapian.remote import RemoteSearch
from indexer.backends.xapian.rows import QueryRows
from indexer.backends.xapian.schema import FACET_PREFIX, FACET_SLOT
from indexer.backends.xapian.translate import (
    Translation,
    at_least_docids,
    has_counts,
    leaf_query,
    to_xapian,
)
from indexer.models import Article, article_from_dict
from indexer.query import grammar
from indexer.query.counting import counts_of
from indexer.query.facets import (
    FacetCount,
    select,
)
from indexer.query.indexed import UNKNOWN, indexed_mask, micros
from indexer.query.mentions import AtLeast
from indexer.query.order import first_in_order, order_keys
from indexer.query.prepare import PreparedQuery
from indexer.research.sample import sampled
from indexer.safehtml import escape, lead

SPELLING_DISTANCE = 2  # the most edits a spelling suggestion may be from the word
SEARCH_SECONDS = 1.0  # past it, hits show their lead instead of highlighted snippets
_PAGES = ThreadPoolExecutor(max_workers=8, thread_name_prefix="xapian-page")

log = logging.getLogger(__name__)


class Search(RemoteSearch):
    """One search over one database: the queries, enquiries and what they found."""

    def __init__(
        self,
        db: xapian.Database,
        sq: SearchQuery,
        prepared: PreparedQuery,
        started: float,
        labels: dict[tuple[str, str], str | None],
        tables: ShardTables | None = None,
        shard_dbs: list[xapian.Database] | None = None,
        counters: tuple[CountServers, list[str]] | None = None,
    ) -> None:
        self.db, self.sq, self.prepared, self.started = db, sq, prepared, started
        self.labels = labels  # the backend's cache of labels of case variants
        self.tables = tables  # the columns of local shards (None: remote, count by spies)
        self.shard_dbs = shard_dbs  # the local shards of `db`, each alone (matched in threads)
        # Count servers beside remote shards, with the stamp of the revision each shard's
        # connection reads (None: count by spies).
        self.counters = counters
        # atleastN: is counted from postings over local shards' columns (refused otherwise).
        self.translation: Translation = to_xapian(prepared.tree, db, counts=tables is not None)
        self.counted = tables is not None and has_counts(prepared.tree)
        base = self.translation.query
        for condition in (_date_filter(prepared.bounds), _indexed_filter(sq.indexed_after)):
            if condition is not None:
                base = xapian.Query(xapian.Query.OP_FILTER, base, condition)
        self.base = base
        self.selections = {
            name: xapian.Query(
                xapian.Query.OP_OR,
                [xapian.Query(FACET_PREFIX[name] + v.casefold()) for v in values],
            )
            for name, values in sq.filters.items()
            if values and name in FACET_SLOT
        }
        self.final = self.filtered(None)

    def filtered(self, leave_out: str | None) -> xapian.Query:
        """The base query filtered by every facet selection but `leave_out`'s."""
        chosen = [q for name, q in self.selections.items() if name != leave_out]
        if not chosen:
            return self.base
        return xapian.Query(xapian.Query.OP_FILTER, self.base, xapian.Query(
            xapian.Query.OP_AND, chosen))  # fmt: skip

    def enquire(self, query: xapian.Query, ranked: bool, group: bool) -> xapian.Enquire:
        """An enquiry ordered as the search asks (relevance, newest or oldest)."""
        enquire = xapian.Enquire(self.db)
        enquire.set_query(query)
        if ranked:
            enquire.set_weighting_scheme(self.weighting())
        else:
            enquire.set_weighting_scheme(xapian.BoolWeight())
            if self.sq.sort == "oldest":
                enquire.set_sort_by_value(schema.SLOT_OLDEST, False)
            elif self.sq.sort == INDEXED:
                enquire.set_sort_by_value(schema.SLOT_INDEXED, True)
            else:
                enquire.set_sort_by_value(schema.SLOT_NEWEST, True)
        if group:
            enquire.set_collapse_key(schema.SLOT_STORY)
        return enquire

    def weighting(self) -> xapian.Weight:
        """BM25, length-free when every weighted word is in a name field.

        Whoosh's BM25F weighs a word by its own field's length, Xapian by the whole document's:
        a name field holds a few words in every article, so BM25F ranks a source, publisher,
        byline or dateline query (nearly) flat, where the document's length would rank its
        matches by the length of their bodies.
        """
        if self.translation.names_only:
            return xapian.BM25Weight(1, 0, 1, 0, 0.5)  # Xapian's defaults but b = 0
        return xapian.BM25Weight()

    def run(self) -> SearchResults:
        """Match, count, chart and page."""
        if self.tables is not None:
            return self.run_columns(self.tables)
        return self.run_remote()

    def results(
        self,
        total: int,
        stories: int,
        hits: list[Hit],
        facets: dict[str, list[FacetCount]],
        histogram: Any,
        sampled_from: int | None = None,
    ) -> SearchResults:
        """The search's results, with a spelling suggestion when few articles match."""
        prepared = self.prepared
        suggestion = None
        if prepared.wants_suggestion(total):
            spell = self.remote_spelling if self.counters is not None else None
            suggestion = _suggest(self.db, prepared, spell)
        counts = (total, stories, facets, histogram)
        return results_of(
            prepared, self.started, counts, hits, suggestion=suggestion, sampled_from=sampled_from
        )

    def selection(self, shards: ShardTables) -> tuple[np.ndarray, dict[str, np.ndarray], Any]:
        """The rows the query and its filters select (`facets.select`'s three masks)."""
        sq, prepared = self.sq, self.prepared
        tables = shards.tables
        if prepared.tree is None:
            matched = tables.live
        elif self.counted:
            rows = self.tree_rows(prepared.tree, shards)
            matched = tables.live & rows if rows is not None else np.zeros_like(tables.live)
        else:
            matched = tables.live & self.rows(self.translation.query, shards)
        recent = indexed_mask(tables.indexed, sq.indexed_after)
        if recent is not None:
            matched = matched & recent
        return select(matched, tables.dates, prepared.bounds, sq.filters, tables.facets)

    def run_columns(self, shards: ShardTables) -> SearchResults:
        """Match once, then select, count, chart and order over the shards' columns."""
        sq, prepared = self.sq, self.prepared
        tables = shards.tables
        base, chosen, final = self.selection(shards)
        sampled_from = None
        if sq.sample is not None:
            final, sampled_from = sampled(final, sq.sample or 0, sq.seed, sq.group, shards.tables)
        total = int(final.sum())
        pending = None
        if total:
            # The page's enquiry runs in C++ without the GIL while the columns are counted
            # here: two cores at work. Nothing here uses the database until it is done.
            start = (sq.page - 1) * sq.per_page
            pending = _PAGES.submit(self.ordered, shards, final, start, sq.per_page, sq.group)
        ranking = pending if prepared.ranked else None  # ranked in C++, on a core of its own
        stories, facets, histogram = counts_of(sq, FACETS, tables, base, chosen, final, ranking)
        page = pending.result() if pending is not None else []
        hits = [self.hit(docid, doc, weight, prepared.ranked) for docid, doc, weight in page]
        return self.results(total, stories, hits, facets, histogram, sampled_from)

    def ordered(
        self, shards: ShardTables, final: np.ndarray, start: int, count: int, group: bool
    ) -> list[tuple[int, xapian.Document, float]]:
        """(docid, document, weight) of `count` selected rows from `start`, in the query's order
        (one per story when grouping): ranked by one enquiry, else ordered by the columns."""
        if self.prepared.ranked and (self.counted or self.sq.sample is not None):
            # A sample is already one article a story.
            return self.ranked_among(shards, final, start, count, group and self.sq.sample is None)
        if self.prepared.ranked and self.equal_weights():
            return self.in_docid_order(shards, final, start, count, group)
        if self.prepared.ranked and group:
            return self.ranked_stories(shards, start, count)
        if self.prepared.ranked:
            enquire = self.enquire(self.final, ranked=True, group=group)
            return [(m.docid, m.document, m.weight) for m in enquire.get_mset(start, count)]
        xids = shards.xids[_in_order(final, shards, self.sq.sort, group, start + count)][start:]
        return [(x, self.db.get_document(x), 0.0) for x in xids.tolist()]

    def equal_weights(self) -> bool:
        """Whether every match weighs the same: one name-field word (length-free) that no
        article holds twice (its count in the collection is the count of its articles)."""
        term = self.translation.lone_term
        if term is None or not self.translation.names_only:
            return False
        return self.db.get_collection_freq(term) == self.db.get_termfreq(term)

    def in_docid_order(
        self, shards: ShardTables, final: np.ndarray, start: int, count: int, group: bool
    ) -> list[tuple[int, xapian.Document, float]]:
        """The ranked page of matches that weigh the same: in docid order, as Xapian breaks
        ties, read from the columns (over several databases Xapian weighs every match first)."""
        rows = np.flatnonzero(final)
        stories = shards.tables.stories if group else None
        picked = first_in_order(rows, shards.xids[rows], start + count, stories=stories)[start:]
        page = [(x, self.db.get_document(x)) for x in shards.xids[picked].tolist()]
        if not page:
            return []
        weight = self.weight_of(page[0][1])
        return [(docid, doc, weight) for docid, doc in page]

    def weight_of(self, doc: xapian.Document) -> float:
        """The query's weight of one document."""
        only = xapian.Query(schema.ID_PREFIX + schema.record(doc)["id"])
        enquire = xapian.Enquire(self.db)
        enquire.set_query(xapian.Query(xapian.Query.OP_FILTER, self.translation.query, only))
        enquire.set_weighting_scheme(self.weighting())
        mset = enquire.get_mset(0, 1)
        return mset.get_hit(0).weight if mset.size() else 0.0

    def ranked_stories(
        self, shards: ShardTables, start: int, count: int
    ) -> list[tuple[int, xapian.Document, float]]:
        """The ranked page, one article a story: the best hits without Xapian's collapse, each
        story's first kept (as collapsing keeps it), fetching more until the page is full.

        Collapsing reads the story of every candidate inside the match: 0.5 s for a word in
        900k articles, against 0.09 s for its forty best hits, whose stories the columns hold.
        The first `start + count` stories among the best hits are exactly the collapsed ones:
        a story first met further down ranks below all of them.
        """
        wanted = start + count
        size = max(4 * wanted, 40)
        while True:
            mset = self.enquire(self.final, ranked=True, group=False).get_mset(0, size)
            xids = docids_of(mset)
            codes = shards.tables.stories.codes[shards.rows(xids)]
            firsts = np.sort(np.unique(codes, return_index=True)[1])
            if len(firsts) >= wanted or mset.size() < size:
                break
            size *= 4
        return self.hits_at(mset, xids, firsts[start:wanted])

    def ranked_among(
        self, shards: ShardTables, final: np.ndarray, start: int, count: int, group: bool
    ) -> list[tuple[int, xapian.Document, float]]:
        """Selected rows no Xapian query expresses (a sample, what atleastN: counted), ranked
        by the query's words: every article is weighed, those selected are kept in order.

        (The translation ranks atleastN: as its word, which a negation, -atleast4:x, would
        take from every match; a match decider sees shard-local docids, so it cannot select.)
        """
        nothing = xapian.Query(xapian.Query.OP_SCALE_WEIGHT, xapian.Query.MatchAll, 0.0)
        enquire = xapian.Enquire(self.db)
        enquire.set_query(xapian.Query(xapian.Query.OP_AND_MAYBE, nothing, self.translation.query))
        enquire.set_weighting_scheme(self.weighting())
        mset = enquire.get_mset(0, self.db.get_doccount())  # by weight, ties in docid order
        xids = docids_of(mset)
        kept = np.flatnonzero(final[shards.rows(xids)])
        rows = shards.rows(xids[kept])
        if group:
            firsts = set(shards.tables.stories.first_per_story(rows))
            kept = np.asarray([k for k, r in zip(kept, rows.tolist(), strict=True) if r in firsts])
        return self.hits_at(mset, xids, kept[start : start + count])

    def hits_at(
        self, mset: xapian.MSet, xids: np.ndarray, places: np.ndarray
    ) -> list[tuple[int, xapian.Document, float]]:
        """(docid, document, weight) of the matches at some places of a ranked match set."""
        return [
            (int(xids[i]), self.db.get_document(int(xids[i])), mset.get_hit(i).weight)
            for i in places.tolist()
        ]

    def rows(self, query: xapian.Query, shards: ShardTables) -> np.ndarray:
        """The rows a query matches (frequent words from bitmaps, the rest by Xapian)."""
        return QueryRows(self.db, shards, self.shard_dbs).rows(query)

    def tree_rows(self, node: grammar.Node, shards: ShardTables) -> np.ndarray | None:
        """The rows a tree matches, `atleastN:` counted from postings, combined as the
        translation combines (None where a word analyses away, as it leaves a node out)."""
        nothing = np.zeros(shards.tables.size, dtype=bool)
        if isinstance(node, AtLeast):
            docids = at_least_docids(node, self.db)
            return None if docids is None else shards.mask(np.asarray(docids, dtype=np.int64))
        if isinstance(node, grammar.And | grammar.Or):
            found = (self.tree_rows(item, shards) for item in node.items)
            subs = [m for m in found if m is not None]
            if isinstance(node, grammar.And):
                return np.logical_and.reduce(subs) if subs else nothing
            return np.logical_or.reduce(subs) if subs else None
        if isinstance(node, grammar.Not):
            inner = self.tree_rows(node.item, shards)
            return None if inner is None else shards.tables.live & ~inner
        if isinstance(node, grammar.AndNot | grammar.AndMaybe | grammar.Require):
            if isinstance(node, grammar.AndNot):
                first, second = node.positive, node.negative
            elif isinstance(node, grammar.AndMaybe):
                first, second = node.required, node.optional
            else:
                first, second = node.required, node.condition
            a, b = self.tree_rows(first, shards), self.tree_rows(second, shards)
            if a is None and (b is None or isinstance(node, grammar.AndNot)):
                return nothing
            if a is None or b is None:
                return b if a is None else a
            if isinstance(node, grammar.AndNot):
                return a & ~b
            return a if isinstance(node, grammar.AndMaybe) else a & b
        query = leaf_query(node, self.db)
        return None if query is None else self.rows(query, shards)

    def hit(
        self,
        docid: int,
        doc: xapian.Document,
        weight: float,
        ranked: bool,
        known: dict[str, StoryCopies] | None = None,
    ) -> Hit:
        """One hit: its article, score, snippets and the other copies of its story (read now,
        unless `known` holds its story)."""
        article = article_of(doc)
        terms = self.translation.terms
        snippets: list[str] = []
        if terms and self.sq.snippets and time.perf_counter() < self.started + SEARCH_SECONDS:
            snippets = highlight.snippets(
                article.body, terms, schema.analyzer("body"), self.sq.snippets
            )
        if not snippets:
            snippets = [escape(lead(article.body))]
        copies: list[dict[str, Any]] = []
        total = 0
        if article.story_id:
            story = (known or {}).get(article.story_id) or story_copies(
                self.db, article.story_id, docid
            )
            others = [d for d in story.members if d != docid][:COPIES_SHOWN]
            copies = [story.summaries[d] for d in others]
            total = story.size - 1
        return Hit(
            article=article,
            score=weight if ranked else None,
            snippets=snippets,
            copies=copies,
            copies_total=total,
        )


def _in_order(
    final: np.ndarray, shards: ShardTables, sort: str, group: bool, stop: int
) -> np.ndarray:
    """Rows of the first `stop` matches newest, oldest or most recently indexed first (one per
    story when grouping), ties in docid order, as Xapian sorts by value."""
    rows = np.flatnonzero(final)
    keys = order_keys(rows, shards.tables, sort)
    stories = shards.tables.stories if group else None
    return first_in_order(rows, keys, stop, ties=shards.xids[rows], stories=stories)


def _indexed_filter(after: dt.datetime | None) -> xapian.Query | None:
    """Articles indexed strictly after a time (never those of unknown time); None: all."""
    if after is None:
        return None
    low = xapian.sortable_serialise(max(micros(after), UNKNOWN) + 1)
    return xapian.Query(xapian.Query.OP_VALUE_GE, schema.SLOT_INDEXED, low)


def _date_filter(bounds: tuple[Any, Any]) -> xapian.Query | None:
    """Dated articles whose whole date period lies inside the bounds; None when unbounded."""
    first, last = bounds
    if first is None and last is None:
        return None
    low = first.toordinal() if first is not None else 1
    parts = [
        xapian.Query(xapian.Query.OP_VALUE_GE, schema.SLOT_NEWEST, xapian.sortable_serialise(low))
    ]
    if last is not None:
        parts.append(
            xapian.Query(
                xapian.Query.OP_VALUE_LE,
                schema.SLOT_END,
                xapian.sortable_serialise(last.toordinal()),
            )
        )
    return parts[0] if len(parts) == 1 else xapian.Query(xapian.Query.OP_AND, parts)


def _suggest(
    db: xapian.Database, prepared: PreparedQuery, spell: Callable[[str], str | None] | None = None
) -> str | None:
    """The query with each word the archive lacks replaced by Xapian's spelling suggestion
    (from `spell` when given: over remote shards, their count servers' spelling data)."""

    def nearest(word: str) -> str | None:
        """The indexed word Xapian's spelling data offers for an unknown word, or None."""
        if len(word) <= 2:
            return None
        terms = [t.text for t in schema.analyzer("body")(word, mode="query")]
        if terms and all(db.term_exists(t) or db.term_exists("S" + t) for t in terms):
            return None  # an indexed word (Xapian 1.4 keeps no spelling frequency per word)
        if spell is not None:
            return spell(word)
        found = db.get_spelling_suggestion(word, SPELLING_DISTANCE)
        return found.decode() if found else None

    try:
        return prepared.suggestion(nearest)
    except xapian.Error:  # remote shards keep no spelling data in 1.4: no suggestion
        log.debug("no spelling suggestion for %r", prepared.query.text, exc_info=True)
        return None


def spelling_frequency(db: xapian.Database, word: str) -> int:
    """How often a word was added to the spelling data (0: never)."""
    try:
        item = db.spellings().skip_to(word.encode())
    except StopIteration:
        return 0
    return int(item.termfreq) if item.term == word.encode() else 0


def article_of(doc: xapian.Document) -> Article:
    """An article from a stored Xapian document."""
    return article_from_dict(json.loads(doc.get_data()))
