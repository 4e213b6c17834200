"""Searching remote shards (no columns here): counted by the count servers beside them, or by
match spies on the shards' servers.

With count servers (`countclient`), each shard's counts come from its columns, on its machine,
while the shards rank the page (a date-ordered page is picked from the count servers' first
places, `shardpage`). Without them, or when one cannot count the revision the shards are read
at, the base query (the translated tree, date value ranges) is filtered by the boolean terms of
the selected facet values; one enquiry collapses on the story slot for one hit per story, its
match spies count every facet over every match (a facet with a selection is counted again
without it).
"""

from __future__ import annotations

import heapq
import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np
import xapian
from whoosh.support.levenshtein import damerau_levenshtein

from indexer.backends.base import FACETS, Hit, SearchQuery, SearchResults
from indexer.backends.xapian import schema
from indexer.backends.xapian.copies import fetch_stories, stories_of
from indexer.backends.xapian.countclient import CountServers
from indexer.backends.xapian.countwire import MAX_PLACES
from indexer.backends.xapian.schema import FACET_PREFIX, FACET_SLOT
from indexer.backends.xapian.shardcounts import merge
from indexer.backends.xapian.shardpage import merge_places
from indexer.errors import QueryError
from indexer.query.facets import MULTI_SEP, DateColumns, FacetColumn, FacetCount
from indexer.query.histogram import Histogram, bin_dates

if TYPE_CHECKING:
    from indexer.query.prepare import PreparedQuery

log = logging.getLogger(__name__)


class RemoteSearch:
    """The remote half of `search.Search` (whose attributes and methods it uses)."""

    db: xapian.Database
    sq: SearchQuery
    prepared: PreparedQuery
    final: xapian.Query
    selections: dict[str, xapian.Query]
    labels: dict[tuple[str, str], str | None]
    counters: tuple[CountServers, list[str]] | None

    if TYPE_CHECKING:

        def enquire(self, query: xapian.Query, ranked: bool, group: bool) -> xapian.Enquire: ...
        def filtered(self, leave_out: str | None) -> xapian.Query: ...
        def equal_weights(self) -> bool: ...
        def weight_of(self, doc: xapian.Document) -> float: ...
        def hit(
            self, docid: int, doc: xapian.Document, weight: float, ranked: bool, known: Any
        ) -> Hit: ...
        def results(
            self, total: int, stories: int, hits: list[Hit], facets: Any, histogram: Any
        ) -> SearchResults: ...

    def run_remote(self) -> SearchResults:
        """Count by the count servers if any can, else by match spies; and page."""
        sq = self.sq
        if sq.sample is not None:
            raise QueryError("Samples are drawn from local Xapian shards, not remote ones.")
        if self.counters is not None:
            counted = self.run_counted(*self.counters)
            if counted is not None:
                return counted
        return self.run_spies()

    def run_spies(self) -> SearchResults:
        """Count by match spies over every match on the shards' servers, and page."""
        sq = self.sq
        ranked = self.prepared.ranked
        # The spies count in an enquiry of their own, which returns no page: in one that also
        # returned a page sorted by a value, Xapian 1.4's remote spies counted 16 of 14 matches.
        counting = self.enquire(self.final, ranked=False, group=False)
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
            counting.add_matchspy(spy)
        everything = self.db.get_doccount()
        counting.get_mset(0, 0, everything)
        start = (sq.page - 1) * sq.per_page
        enquire = self.enquire(self.final, ranked, group=sq.group)
        # Grouped, the stories are the collapsed matches: every match is checked to count them.
        mset = enquire.get_mset(start, sq.per_page, everything if sq.group else 0)
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
                facets[name] = self.facet_counts(name, _spy_counts(spy))
        histogram = None
        if sq.histogram:
            if sq.chart_stories:
                histogram = self.story_chart(chart_slot)
            else:
                histogram = _chart(_spy_counts(spies["_chart"]), total, sq)
        page = [(item.docid, item.document, item.weight) for item in mset]
        hits = self.remote_hits(page, ranked)
        return self.results(total, stories, hits, facets, histogram)

    def run_counted(self, counters: CountServers, stamps: list[str]) -> SearchResults | None:
        """Counts from the count servers beside the shards, the page from the shards (or, in a
        date order, from the count servers' first places); None when a shard's count servers
        all fail (the search is then counted by spies); StaleRevision when one counted another
        revision than the shard connection reads."""
        sq = self.sq
        start, want = (sq.page - 1) * sq.per_page, sq.page * sq.per_page
        places = not self.prepared.ranked and want <= MAX_PLACES
        pending = counters.submit(sq, want if places else None)
        if not places:  # matched on the shards while the count servers count
            page = self.remote_page(start, sq.per_page)
        parts = counters.gather(pending, stamps)
        if parts is None:
            return None
        if places:
            xids = merge_places([part.page or [] for part in parts], want, sq.group)
            page = [(x, self.db.get_document(x), 0.0) for x in xids[start:]]
        total, stories, values, chart = merge(parts, sq.histogram and sq.chart_stories)
        if sq.histogram and chart is None:
            log.warning("a count server sent no chart of this kind (an earlier version?)")
            return None  # counted by spies: slower, never a wrong chart
        facets = {}
        if sq.facets:
            facets = {name: self.facet_counts(name, values.get(name, {}), True) for name in FACETS}
        histogram = None
        if sq.histogram and chart is not None:
            histogram = _chart(chart, stories if sq.chart_stories else total, sq)
        hits = self.remote_hits(page, self.prepared.ranked)
        return self.results(total, stories, hits, facets, histogram)

    def remote_hits(
        self, page: list[tuple[int, xapian.Document, float]], ranked: bool
    ) -> list[Hit]:
        """The page's hits, their stories' copies read in one enquiry."""
        stories = stories_of([doc for _docid, doc, _weight in page])
        known = None
        if self.counters is not None and stories:
            known = self.counters[0].copies(stories, self.counters[1])
        if known is None and stories:
            known = fetch_stories(self.db, stories)
        return [self.hit(docid, doc, weight, ranked, known) for docid, doc, weight in page]

    def remote_spelling(self, word: str) -> str | None:
        """The spelling suggestion of the shards' count servers for a word: the nearest of
        theirs, the most frequent in the archive's spelling data among equally near ones, as
        Xapian picks over local shards."""
        assert self.counters is not None
        found = self.counters[0].suggestions(word)
        if not found:
            return None
        return min(found, key=lambda c: (damerau_levenshtein(word, c), -found[c], c))

    def remote_page(self, start: int, count: int) -> list[tuple[int, xapian.Document, float]]:
        """(docid, document, weight) of a page matched on the shards."""
        if self.prepared.ranked and self.equal_weights():
            # Every match weighs the same: the first ones in docid order, as Xapian breaks
            # ties, without the servers weighing every match.
            enquire = xapian.Enquire(self.db)
            enquire.set_query(self.final)
            enquire.set_weighting_scheme(xapian.BoolWeight())
            if self.sq.group:
                enquire.set_collapse_key(schema.SLOT_STORY)
            mset = enquire.get_mset(start, count)
            weight = self.weight_of(mset.get_hit(0).document) if mset.size() else 0.0
            return [(item.docid, item.document, weight) for item in mset]
        enquire = self.enquire(self.final, self.prepared.ranked, group=self.sq.group)
        return [(item.docid, item.document, item.weight) for item in enquire.get_mset(start, count)]

    def story_chart(self, slot: int) -> Histogram:
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

    def facet_counts(
        self, name: str, counted: dict[str, int], in_shard_order: bool = False
    ) -> list[FacetCount]:
        """A facet's values (case variants as one) with their counts, as the query layer orders,
        from counts of its (MULTI_SEP-joined) values. A value written in several cases is shown
        as the first article holding it writes it, or, `in_shard_order` (the count servers'
        values, shard after shard), as first met, as the columns of local shards show it."""
        merged: dict[str, list[Any]] = {}
        for value, count in counted.items():
            for part in value.split(MULTI_SEP):
                key = part.casefold()
                entry = merged.setdefault(key, [part, 0, set()])
                entry[1] += count
                entry[2].add(part)
        for key, entry in merged.items():
            if len(entry[2]) > 1 and not in_shard_order:
                if (name, key) not in self.labels:
                    self.labels[name, key] = _first_written(self.db, name, key)
                entry[0] = self.labels[name, key] or min(entry[2])
        # As `facets.top_counts` orders: the largest counts first, ties by value (months: the
        # latest first), picked without sorting every value.
        present = [(entry[0], entry[1]) for entry in merged.values() if entry[1]]
        limit = self.sq.facet_limit
        if name == "month":
            ordered = heapq.nlargest(limit, present, key=lambda item: item[0])
        else:
            ordered = heapq.nsmallest(limit, present, key=lambda item: (-item[1], item[0]))
        selected = {v.casefold(): v for v in self.sq.filters.get(name, ())}
        shown = {value.casefold() for value, _ in ordered}
        for key in sorted(selected.keys() - shown):
            entry = merged.get(key)
            ordered.append((selected[key], int(entry[1]) if entry else 0))
        return [FacetCount(v, c, v.casefold() in selected) for v, c in ordered]


def _spy_counts(spy: xapian.ValueCountMatchSpy) -> dict[str, int]:
    """The values a spy saw with their counts."""
    return {item.term.decode(): int(item.termfreq) for item in spy.values()}


def _chart(counts: dict[str, int], total: int, sq: SearchQuery) -> Histogram:
    """The date chart from counts of "ordinal:precision[ MULTI_SEP source]" keys (one row of
    the chart's columns a key, weighed by its count)."""
    keys, sizes, sources = [], [], []
    for key, count in counts.items():
        date, _, source = key.partition(MULTI_SEP)
        ordinal, _, precision = date.partition(":")
        keys.append((int(ordinal), int(precision or 0)))
        sizes.append(count)
        sources.append(source)
    keys.append((0, 0))  # the undated
    sizes.append(max(0, total - sum(sizes)))
    sources.append("")
    dates = DateColumns.from_values([k[0] for k in keys], [b""] * len(keys))
    dates.precision = np.asarray([k[1] for k in keys], dtype=np.int8)
    by = None
    if sq.chart_by_source:
        labels = sorted({s for s in sources if s})
        index = {label: n for n, label in enumerate(labels)}
        per_row = np.asarray([index.get(s, -1) for s in sources], np.int32)
        owner = np.flatnonzero(per_row >= 0).astype(np.int32)
        by = FacetColumn(labels, owner, per_row[owner])
    rows = np.ones(len(keys), dtype=bool)
    weights = np.asarray(sizes, dtype=np.int64)
    return bin_dates(dates, rows, by, granularity=sq.interval, weights=weights)


def _first_written(db: xapian.Database, name: str, key: str) -> str | None:
    """A facet value as the first indexed article holding it writes it."""
    for item in db.postlist(FACET_PREFIX[name] + key):
        value = db.get_document(item.docid).get_value(FACET_SLOT[name]).decode()
        return next((p for p in value.split(MULTI_SEP) if p.casefold() == key), None)
    return None
