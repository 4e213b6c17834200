"""The Whoosh backend: stemmed full text, facets from columns, a searcher per thread.

A search is prepared above the engine (`indexer.query.prepare`), its tree translated into
Whoosh queries (`translate`), matched and scored by the numpy fast matcher while its fence
holds (`fastmatch`, `fence`; else by Whoosh's own matchers), filtered and counted over the
column tables (`segments`, `indexer.backends.tables`, `indexer.query.facets`), and its page
highlighted (`indexer.backends.highlight`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index, query
from whoosh.filedb.filestore import FileStorage
from whoosh.searching import Searcher

from indexer.backends import highlight
from indexer.backends.base import (
    CAPABILITIES,
    EXPORT_CAP,
    FACETS,
    Export,
    Hit,
    SearchBackend,
    SearchQuery,
    SearchResults,
    copy_of,
    results_of,
)
from indexer.backends.tables import IndexTables, SegmentTable, join_tables
from indexer.backends.vocabulary import Vocabulary
from indexer.backends.whoosh import fence, runpool
from indexer.backends.whoosh.fastmatch import Evaluation, FastMatcher, top_n
from indexer.backends.whoosh.fence import FenceStatus
from indexer.backends.whoosh.positions import PositionStore
from indexer.backends.whoosh.readers import Readers
from indexer.backends.whoosh.savecodec import SavingCodec
from indexer.backends.whoosh.schema import build_schema, document
from indexer.backends.whoosh.segments import segment_tables, write_tables
from indexer.backends.whoosh.translate import body_terms, to_whoosh, written_body_terms
from indexer.errors import IndexMissing, QueryError
from indexer.models import Article, article_from_dict
from indexer.query.counting import counts_of
from indexer.query.facets import DateColumns, select
from indexer.query.grammar import TEXT_FIELDS, Phrase, Word, parse_tokens
from indexer.query.indexed import indexed_mask
from indexer.query.limits import check_query_text
from indexer.query.mentions import LENGTH_FIELD
from indexer.query.order import first_in_order, order_keys
from indexer.query.prepare import PreparedQuery, prepare
from indexer.research.sample import sampled
from indexer.safehtml import escape, lead
from indexer.workers import processes_for

SEARCH_FIELDS = TEXT_FIELDS
SEARCH_SECONDS = 1.0  # budget of a search: matching by Whoosh (wildcards, ranges), then snippets
EXPORT_SECONDS = 10.0  # the same for an export, which may wait longer
EXPORT_BATCH = 500
COPIES_SHOWN = 20  # copies listed under a hit; a story can have thousands
TERM_KEYS_KEPT = 500_000  # words whose stem is remembered (top terms), about 50 MB at most
WRITER_MB = 256  # memory of each writing process before it spills to temporary files

log = logging.getLogger(__name__)


class WhooshBackend(SearchBackend):
    """Whoosh index of one generation directory."""

    name = "whoosh"
    capabilities = CAPABILITIES  # every optional capability

    def __init__(self, ix: index.Index) -> None:
        self._ix = ix
        self._schema = ix.schema  # FileIndex.schema re-reads the table of contents each time
        self._segment_tables: dict[str, SegmentTable] = {}  # by segment id; segments never change
        folder = getattr(ix.storage, "folder", None)
        self._dir = Path(folder) if folder else None
        self._positions = PositionStore(self._dir)  # phrases' packed positions, per segment
        self._readers = Readers(ix, self._join_tables)
        self._vocabulary: Vocabulary | None = None
        self._fence: FenceStatus | None = None  # checked on the first searcher with articles
        self._term_keys: dict[str, str] = {}

    @classmethod
    def create(cls, path: Path) -> WhooshBackend:
        """Create an empty index in `path`."""
        path.mkdir(parents=True, exist_ok=True)
        storage = FileStorage(str(path), supports_mmap=False)
        return cls(storage.create_index(build_schema()))

    @classmethod
    def open(cls, path: Path) -> WhooshBackend:
        """Open the index in `path`; IndexMissing when absent or unreadable."""
        try:
            storage = FileStorage(str(path), supports_mmap=False)
            ix = storage.open_index()
            ix.doc_count()
        except Exception as exc:  # Whoosh raises many types for a damaged index
            raise IndexMissing(
                f"The index at {path} cannot be opened ({exc.__class__.__name__}): "
                "run `newsindex rebuild PATH` to build a new one."
            ) from exc
        expected = build_schema()
        # An index without word counts still serves; only `words:` asks for a rebuild.
        missing = set(expected.names()) - set(ix.schema.names()) - {LENGTH_FIELD}
        if not missing and ix.schema["body"].analyzer != expected["body"].analyzer:
            missing = {"the analysis of every word (it left out stop words)"}
        if missing:
            ix.close()
            raise IndexMissing(
                f"The index at {path} was built by an older newsindex (it lacks "
                f"{', '.join(sorted(missing))}): run `newsindex rebuild PATH` to rebuild it."
            )
        return cls(ix)

    # Writing

    def add(self, articles: Iterable[Article]) -> int:
        """Add or replace articles by id, in one commit."""
        fresh = self._ix.is_empty()
        written = 0
        vocabulary = (None if fresh else self._words()) or Vocabulary()
        articles = list(articles)
        procs = processes_for(len(articles)) if fresh else 1
        runpool.install()  # before the writer (and its forked sub-writers) make their pools
        if procs > 1:
            # Analysis and posting writing run in child processes, one segment each, and are
            # not merged: 2.6x faster on 2 cores. A child that dies loses its documents
            # silently (Whoosh), which the pipeline's count check refuses to swap in.
            batch = min(100, -(-len(articles) // procs))  # every process gets work
            writer = self._writer(
                limitmb=WRITER_MB, procs=procs, batchsize=batch, multisegment=True
            )
        else:
            writer = self._writer(limitmb=WRITER_MB)
        try:
            for article in articles:
                doc = document(article)
                vocabulary.add((doc["title"], doc["body"]))
                if fresh:
                    writer.add_document(**doc)
                else:
                    writer.update_document(**doc)
                written += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        if self._dir is not None:
            vocabulary.save(self._dir)
        self._vocabulary = vocabulary
        self.refresh()
        return written

    def _writer(self, **options: Any) -> Any:
        """A Whoosh writer whose segments save their packed postings as they are written."""
        return self._ix.writer(codec=SavingCodec(), **options)

    def delete(self, ids: Iterable[str]) -> int:
        """Delete articles by id, in one commit (merged segments save their postings too)."""
        writer = self._writer()
        deleted = 0
        for article_id in ids:
            deleted += writer.delete_by_term("id", article_id)
        writer.commit()
        self.refresh()
        return deleted

    def clear(self) -> None:
        """Delete every article."""
        writer = self._writer()
        writer.delete_by_query(query.Every())
        writer.commit(optimize=True)
        self.refresh()

    # Reading

    def _get_searcher(self) -> Searcher:
        """This thread's searcher, reopened if the index changed."""
        return self._readers.searcher()

    def refresh(self) -> None:
        """Pick up committed changes (each thread reopens its searcher on its next read)."""
        self._readers.refresh()

    def close(self) -> None:
        """Close the searchers and the index files (once the reads running now finish)."""
        self._readers.close()

    def count(self) -> int:
        """Number of live articles."""
        with self._readers.reading() as searcher:
            return searcher.doc_count()

    def _join_tables(self, searcher: Searcher) -> IndexTables:
        """Facet, date, story and file columns of every document of a searcher, joined.

        Each segment's part is loaded from its saved table (or read from its columns when it
        has none) once per backend, so a refreshed searcher only reads its new segments.
        """
        parts = segment_tables(searcher.reader(), self._dir, self._segment_tables)
        return join_tables(parts)

    def _tables(self, searcher: Searcher) -> IndexTables:
        """The joined tables of the generation a searcher reads (shared by all threads)."""
        return self._readers.tables(searcher)

    def write_caches(self) -> None:
        """Save the column tables of segments that have none, for fast opening (builds only)."""
        if self._dir is None:
            return
        with self._readers.reading() as searcher:
            written = write_tables(searcher.reader(), self._dir, self._segment_tables)
            positioned = self._positions.write_missing(searcher.reader())
        log.debug("saved column tables of segments %s, positions of %s", written, positioned)

    def get(self, article_id: str) -> Article | None:
        """One article by id, with its body."""
        with self._readers.reading() as searcher:
            matcher = self._fast(searcher)
            if matcher.modelled:
                # The id's postings straight from the term index: Whoosh's query path costs ~1 ms.
                docs, _, _ = matcher.postings("id", article_id)
                docnum = int(docs[0]) if len(docs) else None
            else:
                docnum = searcher.document_number(id=article_id)
            stored = searcher.stored_fields(docnum) if docnum is not None else None
        return _article(stored) if stored else None

    def files(self) -> dict[str, float]:
        """Indexed file labels with their modification times."""
        with self._readers.reading() as searcher:
            return self._tables(searcher).files()

    def ids_for_files(self, origins: Iterable[str]) -> list[str]:
        """Ids of the articles read from the given file labels."""
        with self._readers.reading() as searcher:
            docs = self._tables(searcher).docs_of_files(origins).tolist()
            if not docs:
                return []
            ids = searcher.reader().column_reader("c_id")
            return [ids[n].decode() for n in docs]

    def iter_articles(self) -> Iterable[Article]:
        """Every live article with its body."""
        with self._readers.reading() as searcher:
            stored = list(searcher.reader().all_stored_fields())
        return (_article(doc) for doc in stored)

    # Searching

    def parse(self, text: str) -> query.Query:
        """The Whoosh query of query text (checked; `date:` terms left out); Every when empty."""
        text = text.strip()
        return to_whoosh(parse_tokens(check_query_text(text) if text else []).tree, self._schema)

    def search(self, sq: SearchQuery) -> SearchResults:
        """Run one search: matching set, facets with their own selections left out, one page."""
        started = time.perf_counter()
        prepared = prepare(sq)
        q = to_whoosh(prepared.tree, self._schema)
        deadline = started + SEARCH_SECONDS
        with self._readers.reading() as searcher:
            tables = self._tables(searcher)
            evaluation = self._evaluate(searcher, q, prepared.ranked, deadline)
            base, chosen, final = _selected(evaluation.mask, tables, prepared, sq)
            sampled_from = None
            if sq.sample is not None:
                final, sampled_from = sampled(final, sq.sample or 0, sq.seed, sq.group, tables)
            total = int(final.sum())
            stories, facets, histogram = counts_of(sq, FACETS, tables, base, chosen, final)
            hits = []
            if total:
                hits = self._page(searcher, q, final, evaluation.scores, sq, tables, deadline)
            suggestion = self._suggest(prepared) if prepared.wants_suggestion(total) else None
        complete = evaluation.complete
        counts = (total, stories, facets, histogram)
        return results_of(
            prepared,
            started,
            counts,
            hits,
            suggestion=suggestion,
            sampled_from=sampled_from,
            timed_out=not complete,
            total_exact=complete,
        )

    def _fast(self, searcher: Searcher) -> FastMatcher:
        """This thread's matcher: numpy when the fence holds, else Whoosh's own."""
        status = self._fence
        if status is None or (status.fast and not status.verified):
            status = self._fence = fence.check(searcher, self._positions)
            log.info("fast matcher %s: %s", "on" if status.fast else "off", status.reason)
        matcher = self._readers.matcher(
            searcher,
            lambda s: FastMatcher(
                s, status.fast, self._positions, {LENGTH_FIELD: self._tables(s).words}
            ),
            False,
        )
        if matcher.modelled and not status.fast:  # switched off since this thread made it
            matcher = self._readers.matcher(searcher, lambda s: FastMatcher(s, False), True)
        return matcher

    def _evaluate(
        self, searcher: Searcher, q: query.Query, ranked: bool, deadline: float
    ) -> Evaluation:
        """A query's matches and scores; a fast matcher that fails turns itself off."""
        matcher = self._fast(searcher)
        try:
            return matcher.evaluate(q, ranked, deadline)
        except Exception as exc:
            if not matcher.modelled:
                raise
            self._fence = fence.failed_during_search(exc)
        return self._fast(searcher).evaluate(q, ranked, deadline)

    def status(self) -> dict[str, Any]:
        """The engine and whether its fast matcher is on (and why not), for `newsindex stats`."""
        with self._readers.reading() as searcher:
            self._fast(searcher)
            assert self._fence is not None
            return {"engine": self.name, **self._fence.to_dict()}

    def _words(self) -> Vocabulary | None:
        """The index's vocabulary (None for an index built before it was kept)."""
        if self._vocabulary is None and self._dir is not None:
            self._vocabulary = Vocabulary.load(self._dir)
        return self._vocabulary

    def _suggest(self, prepared: PreparedQuery) -> str | None:
        """The query with each word the archive lacks replaced by its nearest indexed word.

        Words are looked up as written in the index's vocabulary, so a suggestion is a word
        (`refugees`, not the stem `refug`). Deleted articles' words stay in the vocabulary
        until the next rebuild.
        """
        vocabulary = self._words()
        if vocabulary is None:
            return None
        try:
            return prepared.suggestion(vocabulary.suggest)
        except Exception:  # a correction is a nicety; never fail the search for it
            log.debug("spelling correction failed for %r", prepared.query.text, exc_info=True)
            return None

    def _page(
        self,
        searcher: Searcher,
        q: query.Query,
        final: np.ndarray,
        scores: np.ndarray | None,
        sq: SearchQuery,
        tables: IndexTables,
        deadline: float,
    ) -> list[Hit]:
        """The hits of the requested page, with snippets while the search has time left."""
        start, stop = (sq.page - 1) * sq.per_page, sq.page * sq.per_page
        ranked: list[tuple[int, float | None]]
        if scores is not None:
            ranked = _ranked(scores, final, stop, sq.group, tables)
        else:
            order = _first_in_order(final, tables, sq.sort, stop, sq.group)
            ranked = [(d, None) for d in order.tolist()]
        ranked = ranked[start:stop]
        terms: set[str] = set()
        if sq.snippets and not isinstance(q, query.Every):
            terms = body_terms(q, searcher)
        hits = []
        for docnum, score in ranked:
            stored = searcher.stored_fields(docnum)
            body = stored.get("body", "")
            snippets = []
            # Highlighting re-reads each body (ms per hit): a page of 100 hits on a busy
            # machine could hold the worker for seconds, so past the budget hits show their lead.
            if terms and time.perf_counter() < deadline:
                snippets = highlight.snippets(
                    body, terms, self._schema["body"].analyzer, sq.snippets
                )
            if not snippets:
                snippets = [escape(lead(body))]
            others = tables.stories.others(docnum)
            copies = [_copy_summary(searcher.stored_fields(d)) for d in others[:COPIES_SHOWN]]
            hits.append(
                Hit(
                    article=_article(stored),
                    score=score,
                    snippets=snippets,
                    copies=copies,
                    copies_total=len(others),
                )
            )
        return hits

    def highlight_paragraphs(self, body: str, query_text: str) -> list[str]:
        """The body's paragraphs as safe HTML, with the query's terms marked."""
        try:
            q = self.parse(query_text)
        except QueryError:
            q = query.NullQuery
        return highlight.paragraphs(body, written_body_terms(q), self._schema["body"].analyzer)

    def snippet_maker(self, query_text: str) -> Callable[[str], str]:
        """A function giving a body's first snippet for the query (its lead when none matches)."""
        try:
            q = self.parse(query_text)
        except QueryError:
            q = query.NullQuery
        with self._readers.reading() as searcher:
            terms = body_terms(q, searcher)
        analyzer = self._schema["body"].analyzer
        return highlight.first_snippet(terms, analyzer)

    def largest_stories(self, limit: int = 10) -> list[dict[str, Any]]:
        """The stories with the most copies (single-article stories left out)."""
        with self._readers.reading() as searcher:
            stories = self._tables(searcher).stories
            sizes = np.diff(stories.starts)
            out = []
            for code in np.argsort(-sizes, kind="stable")[:limit].tolist():
                if sizes[code] < 2:
                    break
                members = stories.members[stories.starts[code] : stories.starts[code + 1]]
                copies = [_copy_summary(searcher.stored_fields(int(d))) for d in members]
                first = json.loads(searcher.stored_fields(int(members[0]))["meta"])
                out.append(
                    {
                        "story_id": first.get("story_id"),
                        "articles": int(sizes[code]),
                        "title": first.get("title"),
                        "copies": copies,
                    }
                )
            return out

    def similar(self, article_id: str, limit: int = 5) -> list[Article]:
        """Articles sharing the most distinctive body terms with the given one."""
        with self._readers.reading() as searcher:
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", top=limit, numterms=12)
            return [_article(hit.fields()) for hit in results]

    def export(self, sq: SearchQuery, cap: int = EXPORT_CAP) -> Export:
        """Every matching article in the query's order, up to `cap` (the query runs at once)."""
        prepared = prepare(sq)
        q = to_whoosh(prepared.tree, self._schema)
        searcher = self._get_searcher()
        with self._readers.keeping(searcher):
            tables = self._tables(searcher)
            deadline = time.perf_counter() + EXPORT_SECONDS
            evaluation = self._evaluate(searcher, q, prepared.ranked, deadline)
            _base, _chosen, final = _selected(evaluation.mask, tables, prepared, sq)
            total = int(final.sum())  # what a sample is drawn from
            if sq.sample is not None:
                final, _drawn_from = sampled(final, sq.sample or 0, sq.seed, sq.group, tables)
            if evaluation.scores is not None:
                docs, _scores = top_n(evaluation.scores, np.flatnonzero(final), cap)
                order = docs.tolist()
            else:
                order = _first_in_order(final, tables, sq.sort, cap).tolist()
        return Export(self._read_in_batches(searcher, order), total, evaluation.complete)

    def match_dates(self, sq: SearchQuery) -> DateColumns:
        """The dates of every match, from the date columns (earliest copy per story if asked)."""
        prepared = prepare(sq)
        q = to_whoosh(prepared.tree, self._schema)
        with self._readers.reading() as searcher:
            tables = self._tables(searcher)
            deadline = time.perf_counter() + SEARCH_SECONDS
            evaluation = self._evaluate(searcher, q, False, deadline)
            _base, _chosen, final = _selected(evaluation.mask, tables, prepared, sq)
            if sq.sample is not None:
                final, _drawn_from = sampled(final, sq.sample or 0, sq.seed, sq.group, tables)
            if sq.chart_stories:
                final = tables.stories.representatives(final, tables.dates.ordinal)
            dates = tables.dates
            docs = np.flatnonzero(final)
            return DateColumns(dates.ordinal[docs], dates.precision[docs], dates.month[docs])

    def term_keys(self, words: Sequence[str]) -> list[str]:
        """Each word as the body's analyzer indexes it (stemmed), remembered between calls."""
        keys = self._term_keys
        analyzer = self._schema["body"].analyzer
        out = []
        for word in words:
            key = keys.get(word)
            if key is None:
                key = " ".join(t.text for t in analyzer(word, mode="query"))
                if len(keys) < TERM_KEYS_KEPT:
                    keys[word] = key
            out.append(key)
        return out

    def archive_counts(self, terms: Sequence[str]) -> list[int]:
        """Articles whose body holds each word (its document frequency) or phrase (matched)."""
        counts = []
        keys = self.term_keys(terms)
        with self._readers.reading() as searcher:
            deadline = time.perf_counter() + SEARCH_SECONDS
            single = [
                self._schema["body"].to_bytes(key)
                for term, key in zip(terms, keys, strict=True)
                if key and " " not in key and " " not in term
            ]
            # The saved term tables answer thousands of words in a few ms; Whoosh's term index
            # takes ~60 µs a word and segment (the bulk of a top-terms request at 100k).
            known = iter(self._positions.doc_frequencies(searcher.reader(), "body", single) or [])
            for term, key in zip(terms, keys, strict=True):
                if key and " " not in key and " " not in term:
                    # One indexed term: its document frequency, without reading postings (it
                    # still counts articles deleted since the last merge).
                    counts.append(next(known, None) or searcher.doc_frequency("body", key))
                    continue
                node = Phrase(term, "body") if " " in term else Word(term, "body")
                q = to_whoosh(node, self._schema)
                if isinstance(q, query.Term):
                    counts.append(searcher.doc_frequency(q.fieldname, q.text))
                else:
                    counts.append(int(self._evaluate(searcher, q, False, deadline).mask.sum()))
        return counts

    def _read_in_batches(self, searcher: Searcher, order: list[int]) -> Iterator[Article]:
        """Stored articles in the given order, read with the searcher that matched them."""
        with self._readers.keeping(searcher):
            for start in range(0, len(order), EXPORT_BATCH):
                batch = [searcher.stored_fields(n) for n in order[start : start + EXPORT_BATCH]]
                yield from (_article(doc) for doc in batch)


def _ranked(
    scores: np.ndarray, final: np.ndarray, stop: int, group: bool, tables: IndexTables
) -> list[tuple[int, float | None]]:
    """The best `stop` documents by score (the best of each story when grouping)."""
    docs = np.flatnonzero(final)
    limit = stop
    while True:
        best, values = top_n(scores, docs, limit)
        ranked = list(zip(best.tolist(), values.tolist(), strict=True))
        if group:
            firsts = set(tables.stories.first_per_story(best.tolist()))
            ranked = [(d, sc) for d, sc in ranked if d in firsts]
        # Copies crowd out stories: take more until the page fills or the matches run out.
        if len(ranked) >= stop or len(best) < limit:
            return ranked[:stop]
        limit *= 4


def _copy_summary(stored: dict[str, Any]) -> dict[str, Any]:
    """What a hit shows of another copy of its story."""
    return copy_of(json.loads(stored["meta"]))


def _selected(
    mask: np.ndarray, tables: IndexTables, prepared: PreparedQuery, sq: SearchQuery
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """The query's matches through every filter of the search (`select`'s three masks), after
    narrowing them to articles indexed after `sq.indexed_after` when it is set."""
    recent = indexed_mask(tables.indexed, sq.indexed_after)
    if recent is not None:
        mask = mask & recent
    return select(mask, tables.dates, prepared.bounds, sq.filters, tables.facets)


def _first_in_order(
    final: np.ndarray, tables: IndexTables, sort: str, stop: int, group: bool = False
) -> np.ndarray:
    """The first `stop` matches in an unranked order (by date, or most recently indexed; ties
    in document order), one per story when grouping."""
    docs = np.flatnonzero(final)
    keys = order_keys(docs, tables, sort)
    return first_in_order(docs, keys, stop, stories=tables.stories if group else None)


def _article(stored: dict[str, Any]) -> Article:
    """An article from a stored Whoosh document."""
    data = json.loads(stored["meta"])
    data["body"] = stored.get("body", "")
    return article_from_dict(data)
