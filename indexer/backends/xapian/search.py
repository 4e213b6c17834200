"""One search over a Xapian database: filters, exact counts, the chart, a page.

Over local shards (`columns.ShardTables` at hand) the query's matching docids are read from
one unranked match (none for the empty query: every live article matches), and dates, facet
selections, counts, the chart and the story count are computed from the tables' numpy columns
by the query layer's functions, as the Whoosh engine does; a page in date order is ordered
there too, and a ranked page is one enquiry of the page's size collapsing on the story slot.

Over remote shards (no columns) the base query (the translated tree, date value ranges) is
filtered by the boolean terms of the selected facet values; one enquiry collapses on the story
slot for one hit per story, its match spies count every facet over every match (a facet with a
selection is counted again without it). Either way the hits are highlighted by the project's
highlighter.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections import Counter
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
    copy_of,
    results_of,
)
from indexer.backends.xapian import schema
from indexer.backends.xapian.columns import ShardTables
from indexer.backends.xapian.frequent import docids_of
from indexer.backends.xapian.rows import QueryRows
from indexer.backends.xapian.schema import FACET_PREFIX, FACET_SLOT
from indexer.backends.xapian.translate import (
    Translation,
    at_least_docids,
    has_counts,
    leaf_query,
    to_xapian,
)
from indexer.errors import QueryError
from indexer.models import Article, article_from_dict
from indexer.query import grammar
from indexer.query.counting import counts_of
from indexer.query.facets import (
    MULTI_SEP,
    DateColumns,
    FacetColumn,
    FacetCount,
    select,
    top_counts,
)
from indexer.query.histogram import bin_dates
from indexer.query.indexed import UNKNOWN, indexed_mask, micros
from indexer.query.mentions import AtLeast
from indexer.query.order import first_in_order, order_keys
from indexer.query.prepare import PreparedQuery
from indexer.research.sample import sampled
from indexer.safehtml import escape, lead

SEARCH_SECONDS = 1.0  # past it, hits show their lead instead of highlighted snippets
COPIES_SHOWN = 20
_PAGES = ThreadPoolExecutor(max_workers=8, thread_name_prefix="xapian-page")

log = logging.getLogger(__name__)


class Search:
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
    ) -> None:
        self.db, self.sq, self.prepared, self.started = db, sq, prepared, started
        self.labels = labels  # the backend's cache of labels of case variants
        self.tables = tables  # the columns of local shards (None: remote, count by spies)
        self.shard_dbs = shard_dbs  # the local shards of `db`, each alone (matched in threads)
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
        sq, prepared = self.sq, self.prepared
        if sq.sample is not None:
            raise QueryError("Samples are drawn from local Xapian shards, not remote ones.")
        ranked = prepared.ranked
        enquire = self.enquire(self.final, ranked, group=sq.group)
        spies: dict[str, xapian.ValueCountMatchSpy] = {}
        if sq.facets:
            for name in FACETS:
                if name not in self.selections:
                    spies[name] = xapian.ValueCountMatchSpy(FACET_SLOT[name])
        chart_slot = schema.SLOT_CHART if sq.chart_by_source else schema.SLOT_DATEKEY
        if sq.histogram and not sq.chart_stories:
            spies["_chart"] = xapian.ValueCountMatchSpy(chart_slot)
        if not sq.group or not spies:
            # Ungrouped, stories are counted by their distinct ids; a spy sees every match, so
            # its total is exact where the counts of a collapsed match are estimates.
            spies["_stories"] = xapian.ValueCountMatchSpy(schema.SLOT_STORY)
        for spy in spies.values():
            enquire.add_matchspy(spy)
        everything = self.db.get_doccount()
        start = (sq.page - 1) * sq.per_page
        mset = enquire.get_mset(start, sq.per_page, everything)
        if sq.group:
            stories = mset.get_matches_estimated()
        else:
            stories = sum(1 for _ in spies["_stories"].values())
        total = int(next(iter(spies.values())).get_total())
        facets: dict[str, list[FacetCount]] = {}
        if sq.facets:
            for name in FACETS:
                spy = spies.get(name)
                if spy is None:  # a facet with a selection: counted without its own selection
                    spy = xapian.ValueCountMatchSpy(FACET_SLOT[name])
                    other = self.enquire(self.filtered(name), ranked=False, group=False)
                    other.add_matchspy(spy)
                    other.get_mset(0, 0, everything)
                facets[name] = self.facet_counts(name, spy)
        histogram = None
        if sq.histogram:
            if sq.chart_stories:
                histogram = self.story_chart(chart_slot)
            else:
                histogram = _chart(_spy_counts(spies["_chart"]), total, sq)
        hits = [self.hit(item.docid, item.document, item.weight, ranked) for item in mset]
        return self.results(total, stories, hits, facets, histogram)

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
            suggestion = _suggest(self.db, prepared)
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

    def story_chart(self, slot: int) -> Any:
        """The date chart counting each story once, at its earliest dated article."""
        enquire = xapian.Enquire(self.db)
        enquire.set_query(self.final)
        enquire.set_weighting_scheme(xapian.BoolWeight())
        enquire.set_sort_by_value(schema.SLOT_OLDEST, False)
        enquire.set_collapse_key(schema.SLOT_STORY)
        everything = self.db.get_doccount()
        mset = enquire.get_mset(0, everything, everything)
        counts: Counter[str] = Counter(item.document.get_value(slot).decode() for item in mset)
        counts.pop("", None)
        return _chart(counts, mset.size(), self.sq)

    def facet_counts(self, name: str, spy: xapian.ValueCountMatchSpy) -> list[FacetCount]:
        """A facet's values (case variants as one) with their counts, as the query layer orders."""
        merged: dict[str, list[Any]] = {}
        for value, count in _spy_counts(spy).items():
            for part in value.split(MULTI_SEP):
                key = part.casefold()
                entry = merged.setdefault(key, [part, 0, set()])
                entry[1] += count
                entry[2].add(part)
        for key, entry in merged.items():
            if len(entry[2]) > 1:
                if (name, key) not in self.labels:
                    self.labels[name, key] = _first_written(self.db, name, key)
                entry[0] = self.labels[name, key] or min(entry[2])
        labels = [entry[0] for entry in merged.values()]
        counts = np.asarray([entry[1] for entry in merged.values()], dtype=np.int64)
        column = FacetColumn(labels, np.zeros(0, np.int32), np.zeros(0, np.int32))
        ordered = top_counts(column, counts, self.sq.facet_limit, by_value=name == "month")
        selected = {v.casefold(): v for v in self.sq.filters.get(name, ())}
        shown = {value.casefold() for value, _ in ordered}
        for key in sorted(selected.keys() - shown):
            entry = merged.get(key)
            ordered.append((selected[key], int(entry[1]) if entry else 0))
        return [FacetCount(v, c, v.casefold() in selected) for v, c in ordered]

    def hit(self, docid: int, doc: xapian.Document, weight: float, ranked: bool) -> Hit:
        """One hit: its article, score, snippets and the other copies of its story."""
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
            members = story_members(self.db, article.story_id, COPIES_SHOWN + 1)
            others = [d for d in members if d != docid][:COPIES_SHOWN]
            copies = [copy_summary(self.db, d) for d in others]
            total = _story_size(self.db, article.story_id) - 1
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


def _spy_counts(spy: xapian.ValueCountMatchSpy) -> dict[str, int]:
    """The values a spy saw with their counts."""
    return {item.term.decode(): int(item.termfreq) for item in spy.values()}


def _chart(counts: dict[str, int], total: int, sq: SearchQuery) -> Any:
    """The date chart from counts of "ordinal:precision[ MULTI_SEP source]" keys."""
    keys, sizes, sources = [], [], []
    for key, count in counts.items():
        date, _, source = key.partition(MULTI_SEP)
        ordinal, _, precision = date.partition(":")
        keys.append((int(ordinal), int(precision or 0)))
        sizes.append(count)
        sources.append(source)
    undated = max(0, total - sum(sizes))
    keys.append((0, 0))
    sizes.append(undated)
    sources.append("")
    repeat = np.asarray(sizes, dtype=np.int64)
    ordinal = np.repeat(np.asarray([k[0] for k in keys], dtype=np.int32), repeat)
    precision = np.repeat(np.asarray([k[1] for k in keys], dtype=np.int8), repeat)
    unique = DateColumns.from_values([k[0] for k in keys], [b""] * len(keys))
    month = np.repeat(unique.month, repeat)
    dates = DateColumns(ordinal=ordinal, precision=precision, month=month)
    by = None
    if sq.chart_by_source:
        labels = sorted({s for s in sources if s})
        index = {label: n for n, label in enumerate(labels)}
        per_doc = np.repeat(np.asarray([index.get(s, -1) for s in sources], np.int32), repeat)
        owner = np.flatnonzero(per_doc >= 0).astype(np.int32)
        by = FacetColumn(labels, owner, per_doc[owner])
    docs = np.ones(len(ordinal), dtype=bool)
    return bin_dates(dates, docs, by, granularity=sq.interval)


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


def _first_written(db: xapian.Database, name: str, key: str) -> str | None:
    """A facet value as the first indexed article holding it writes it."""
    for item in db.postlist(FACET_PREFIX[name] + key):
        value = db.get_document(item.docid).get_value(FACET_SLOT[name]).decode()
        return next((p for p in value.split(MULTI_SEP) if p.casefold() == key), None)
    return None


def story_members(db: xapian.Database, story_id: str, limit: int) -> list[int]:
    """Document ids of a story's articles, in index order (at most `limit`)."""
    out = []
    for item in db.postlist(schema.STORY_PREFIX + story_id):
        out.append(item.docid)
        if len(out) >= limit:
            break
    return out


def _story_size(db: xapian.Database, story_id: str) -> int:
    """How many articles a story has."""
    return db.get_termfreq(schema.STORY_PREFIX + story_id)


def copy_summary(db: xapian.Database, docid: int) -> dict[str, Any]:
    """What a hit shows of another copy of its story (read from its summary slot: parsing
    whole records, bodies and all, took 7 ms of a page at 1M; an index built before the
    slot has its records read)."""
    doc = db.get_document(docid)
    summary = doc.get_value(schema.SLOT_SUMMARY)
    if summary:
        return json.loads(summary)
    return copy_of(schema.record(doc))


def _suggest(db: xapian.Database, prepared: PreparedQuery) -> str | None:
    """The query with each word the archive lacks replaced by Xapian's spelling suggestion."""

    def nearest(word: str) -> str | None:
        """The indexed word Xapian's spelling data offers for an unknown word, or None."""
        if len(word) <= 2:
            return None
        terms = [t.text for t in schema.analyzer("body")(word, mode="query")]
        if terms and all(db.term_exists(t) or db.term_exists("S" + t) for t in terms):
            return None  # an indexed word (Xapian 1.4 keeps no spelling frequency per word)
        found = db.get_spelling_suggestion(word, 2)
        return found.decode() if found else None

    try:
        return prepared.suggestion(nearest)
    except xapian.Error:  # remote shards keep no spelling data in 1.4: no suggestion
        log.debug("no spelling suggestion for %r", prepared.query.text, exc_info=True)
        return None


def article_of(doc: xapian.Document) -> Article:
    """An article from a stored Xapian document."""
    return article_from_dict(json.loads(doc.get_data()))
