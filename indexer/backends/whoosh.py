"""The Whoosh backend: stemmed full text, facets from columns, one cached searcher."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import columns, fields, index, qparser, query
from whoosh.analysis import StandardAnalyzer
from whoosh.filedb.filestore import FileStorage
from whoosh.highlight import ContextFragmenter, WholeFragmenter
from whoosh.searching import Searcher

from indexer.aliases import expand_query
from indexer.analysis import CJKPhrasePlugin, highlight_text, text_analyzer
from indexer.backends.base import (
    EXPORT_CAP,
    FACETS,
    Export,
    FacetCount,
    Hit,
    SearchBackend,
    SearchQuery,
    SearchResults,
)
from indexer.backends.fastmatch import FastMatcher, date_mask, top_n
from indexer.backends.segtables import (
    IndexTables,
    SegmentTable,
    join_tables,
    segment_tables,
    write_tables,
)
from indexer.errors import IndexMissing, QueryError
from indexer.facets import MULTI_SEP, top_counts
from indexer.facets import histogram as facet_histogram
from indexer.limits import MAX_RESULT_WINDOW, check_query_text
from indexer.models import Article, article_from_dict
from indexer.querydates import DateBounds, extract_date_terms, narrow
from indexer.safehtml import MarkFormatter, escape, split_fragments
from indexer.vocabulary import Vocabulary
from indexer.workers import processes_for

SEARCH_FIELDS = ("title", "body")
UNKNOWN_OLDEST = 10**7  # sorts undated articles after every real date ordinal
SNIPPET_CHARS = 220
SUGGEST_BELOW = 3  # offer "did you mean" when fewer articles match
SEARCH_SECONDS = 1.0  # budget of a search: matching by Whoosh (wildcards, ranges), then snippets
EXPORT_SECONDS = 10.0  # the same for an export, which may wait longer
SUGGEST_SECONDS = 0.3  # time budget of "did you mean"
OPERATORS = frozenset({"and", "or", "not", "to"})
# A plain word of the query: not a field name (`title:`), not inside a wildcard or a number.
_PLAIN_WORD = re.compile(r"(?<![\w:*?])[^\W\d_]{3,}(?![\w:*?])")
EXPORT_BATCH = 500
COPIES_SHOWN = 20  # copies listed under a hit; a story can have thousands
WRITER_MB = 256  # memory of each writing process before it spills to temporary files

log = logging.getLogger(__name__)


def build_schema() -> fields.Schema:
    """The Whoosh schema: searchable text, facet columns, sort keys and the stored record."""
    text = text_analyzer()  # every word stemmed, no stop list; CJK runs as overlapping bigrams
    names = StandardAnalyzer(stoplist=None)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        origin=fields.ID(),
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=text, stored=True),
        source=fields.TEXT(analyzer=names),
        publisher=fields.TEXT(analyzer=names),
        byline=fields.TEXT(analyzer=names),
        dateline=fields.TEXT(analyzer=names),
        date_new=fields.NUMERIC(int, bits=32, sortable=True),
        meta=fields.STORED(),
        c_id=fields.COLUMN(columns.VarBytesColumn()),
        c_origin=fields.COLUMN(columns.VarBytesColumn()),
        c_mtime=fields.COLUMN(columns.NumericColumn("d")),
        c_source=fields.COLUMN(columns.RefBytesColumn()),
        c_publisher=fields.COLUMN(columns.RefBytesColumn()),
        c_byline=fields.COLUMN(columns.VarBytesColumn()),
        c_dateline=fields.COLUMN(columns.RefBytesColumn()),
        c_month=fields.COLUMN(columns.RefBytesColumn()),
        c_language=fields.COLUMN(columns.RefBytesColumn()),
        c_story=fields.COLUMN(columns.VarBytesColumn()),
        c_precision=fields.COLUMN(columns.RefBytesColumn()),
    )


def facet_values(article: Article) -> dict[str, tuple[str, ...]]:
    """The values an article shows in each facet (the month facet holds the year if that is all)."""
    date_iso = article.date.iso() if article.date else None
    return {
        "source": (article.source,) if article.source else (),
        "publisher": (article.publisher,) if article.publisher else (),
        "byline": tuple(article.byline),
        "dateline": (article.dateline,) if article.dateline else (),
        "month": (date_iso[:7],) if date_iso else (),
        "language": (article.language,) if article.language else (),
    }


def _document(article: Article) -> dict[str, Any]:
    """The Whoosh document for an article."""
    meta = article.to_dict()
    meta["origin"] = article.origin
    meta["mtime"] = article.mtime
    body = meta.pop("body")
    doc: dict[str, Any] = {
        "id": article.id,
        "origin": article.origin,
        "title": article.title or "",
        "body": body,
        "source": " ".join(filter(None, [article.source])),
        "publisher": article.publisher or "",
        "byline": "; ".join(article.byline),
        "dateline": article.dateline or "",
        "meta": json.dumps(meta, ensure_ascii=False),
        "c_id": article.id.encode(),
        "c_origin": article.origin.encode(),
        "c_mtime": float(article.mtime),
    }
    start = article.date.start() if article.date else None
    doc["date_new"] = start.toordinal() if start else 0
    for name, values in facet_values(article).items():
        doc[f"c_{name}"] = MULTI_SEP.join(values).encode()
    precision = article.date.precision if article.date else None
    doc["c_precision"] = (precision or "").encode()
    doc["c_story"] = (article.story_id or f"solo-{article.id}").encode()
    return doc


class WhooshBackend(SearchBackend):
    """Whoosh index of one generation directory."""

    name = "whoosh"

    def __init__(self, ix: index.Index) -> None:
        self._ix = ix
        self._schema = ix.schema  # FileIndex.schema re-reads the table of contents each time
        self._lock = threading.RLock()  # non-mmap file reads share file positions
        self._searcher: Searcher | None = None
        self._searcher_generation = -1
        self._tables_cache: IndexTables | None = None
        self._segment_tables: dict[str, SegmentTable] = {}  # by segment id; segments never change
        folder = getattr(ix.storage, "folder", None)
        self._dir = Path(folder) if folder else None
        self._fast_cache: FastMatcher | None = None
        self._vocabulary: Vocabulary | None = None
        self._parser = qparser.MultifieldParser(
            list(SEARCH_FIELDS), schema=ix.schema, group=qparser.AndGroup
        )
        self._parser.add_plugin(qparser.PlusMinusPlugin())
        self._parser.add_plugin(CJKPhrasePlugin())
        self._parser.remove_plugin_class(qparser.BoostPlugin)

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
        missing = set(expected.names()) - set(ix.schema.names())
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
        if procs > 1:
            # Analysis and posting writing run in child processes, one segment each, and are
            # not merged: 2.6x faster on 2 cores. A child that dies loses its documents
            # silently (Whoosh), which the pipeline's count check refuses to swap in.
            batch = min(100, -(-len(articles) // procs))  # every process gets work
            writer = self._ix.writer(
                limitmb=WRITER_MB, procs=procs, batchsize=batch, multisegment=True
            )
        else:
            writer = self._ix.writer(limitmb=WRITER_MB)
        try:
            for article in articles:
                doc = _document(article)
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

    def delete(self, ids: Iterable[str]) -> int:
        """Delete articles by id, in one commit."""
        writer = self._ix.writer()
        deleted = 0
        for article_id in ids:
            deleted += writer.delete_by_term("id", article_id)
        writer.commit()
        self.refresh()
        return deleted

    def clear(self) -> None:
        """Delete every article."""
        writer = self._ix.writer()
        writer.delete_by_query(query.Every())
        writer.commit(optimize=True)
        self.refresh()

    # Reading

    def _get_searcher(self) -> Searcher:
        """The cached searcher, reopened if the index changed.

        Compared by generation number: Whoosh's own `up_to_date` is never true for an index
        nothing was committed to, and refreshing that searcher fails.
        """
        latest = self._ix.latest_generation()
        if self._searcher is None or latest != self._searcher_generation:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = self._ix.searcher()
            self._searcher_generation = latest
            self._tables_cache = None  # segment tables stay: a segment never changes
        return self._searcher

    def refresh(self) -> None:
        """Pick up committed changes."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._tables_cache = None

    def close(self) -> None:
        """Close the searcher and the index files."""
        self.refresh()
        self._ix.close()

    def count(self) -> int:
        """Number of live articles."""
        with self._lock:
            return self._get_searcher().doc_count()

    def _tables(self) -> IndexTables:
        """Facet, date, story and file columns of every document, joined once per searcher.

        Each segment's part is loaded from its saved table (or read from its columns when it
        has none) once per backend, so a refreshed searcher only reads its new segments.
        """
        if self._tables_cache is None:
            reader = self._get_searcher().reader()
            parts = segment_tables(reader, self._dir, self._segment_tables)
            self._tables_cache = join_tables(parts)
        return self._tables_cache

    def write_caches(self) -> None:
        """Save the column tables of segments that have none, for fast opening (builds only)."""
        if self._dir is None:
            return
        with self._lock:
            reader = self._get_searcher().reader()
            written = write_tables(reader, self._dir, self._segment_tables)
        log.debug("saved column tables of segments %s", written)

    def get(self, article_id: str) -> Article | None:
        """One article by id, with its body."""
        with self._lock:
            searcher = self._get_searcher()
            # The id's postings straight from the term index: Whoosh's query path costs ~1 ms.
            docs, _, _ = self._fast(searcher).postings("id", article_id)
            stored = searcher.stored_fields(int(docs[0])) if len(docs) else None
        return _article(stored) if stored else None

    def files(self) -> dict[str, float]:
        """Indexed file labels with their modification times."""
        with self._lock:
            return self._tables().files()

    def ids_for_files(self, origins: Iterable[str]) -> list[str]:
        """Ids of the articles read from the given file labels."""
        with self._lock:
            docs = self._tables().docs_of_files(origins).tolist()
            if not docs:
                return []
            ids = self._get_searcher().reader().column_reader("c_id")
            return [ids[n].decode() for n in docs]

    def iter_articles(self) -> Iterable[Article]:
        """Every live article with its body."""
        with self._lock:
            stored = list(self._get_searcher().reader().all_stored_fields())
        return (_article(doc) for doc in stored)

    # Searching

    def parse(self, text: str) -> query.Query:
        """Check and parse query text (without `date:` terms); Every when empty."""
        text = text.strip()
        if text:
            check_query_text(text)
        return self._parse_checked(text)

    def _parse_checked(self, text: str) -> query.Query:
        """Parse query text that passed the limits (alias expansion may lengthen it)."""
        text = text.strip()
        if not text:
            return query.Every()
        try:
            return self._parser.parse(text)
        except Exception as exc:  # the parser raises assorted types on odd input
            raise QueryError(f"Could not understand the query {text!r}: {exc}") from exc

    def _understand(self, sq: SearchQuery) -> tuple[query.Query, DateBounds, list[str], str]:
        """The query, its date bounds, the aliases added and the words searched for."""
        text, bounds = extract_date_terms(sq.text)
        bounds = narrow(bounds, (sq.date_from, sq.date_to))
        if text.strip():
            check_query_text(text)
        added: list[str] = []
        if sq.aliases is not None and text.strip():
            text, added = expand_query(text, sq.aliases)
        return self._parse_checked(text), bounds, added, text

    def search(self, sq: SearchQuery) -> SearchResults:
        """Run one search: matching set, facets with their own selections left out, one page."""
        started = time.perf_counter()
        if sq.page * sq.per_page > MAX_RESULT_WINDOW:
            raise QueryError(
                f"Results past number {MAX_RESULT_WINDOW} cannot be paged to; narrow the search."
            )
        q, bounds, added, text = self._understand(sq)
        deadline = started + SEARCH_SECONDS
        with self._lock:
            searcher = self._get_searcher()
            tables = self._tables()
            relevance = sq.sort == "relevance" and not isinstance(q, query.Every)
            evaluation = self._fast(searcher).evaluate(q, relevance, deadline)
            base, chosen, final = self._matches(evaluation.mask, bounds, sq, tables)
            total = int(final.sum())
            stories = tables.stories.count(final)
            facets = _count_facets(sq, base, chosen, tables) if sq.facets else {}
            histogram = None
            if sq.histogram:
                by = tables.facets["source"] if sq.chart_by_source else None
                counted = final
                if sq.chart_stories:
                    counted = tables.stories.representatives(final, tables.dates.ordinal)
                histogram = facet_histogram(tables.dates, counted, by, granularity=sq.interval)
            hits = []
            if total:
                hits = self._page(searcher, q, final, evaluation.scores, sq, tables, deadline)
            suggestion = None
            if sq.suggest and text and total < SUGGEST_BELOW and not added:
                suggestion = self._suggest(searcher, text)
        return SearchResults(
            query=sq,
            total=total,
            stories=stories,
            hits=hits,
            facets=facets,
            histogram=histogram,
            suggestion=suggestion,
            date_bounds=bounds,
            timed_out=not evaluation.complete,
            total_exact=evaluation.complete,
            sorted_by=sq.sort if relevance or sq.sort != "relevance" else "newest",
            aliases_added=added,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    def _fast(self, searcher: Searcher) -> FastMatcher:
        """The numpy matcher of the current searcher (built once per searcher)."""
        if self._fast_cache is None or self._fast_cache.searcher is not searcher:
            self._fast_cache = FastMatcher(searcher)
        return self._fast_cache

    @staticmethod
    def _matches(
        matched: np.ndarray, bounds: DateBounds, sq: SearchQuery, tables: IndexTables
    ) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
        """Documents the query and dates match, those holding each selected facet, and all."""
        base = matched
        dated = date_mask(tables.dates.ordinal, tables.dates.precision, bounds)
        if dated is not None:
            base = base & dated
        chosen = {
            name: tables.facets[name].matching(values, tables.size)
            for name, values in sq.filters.items()
            if values and name in tables.facets
        }
        final = base.copy()
        for mask in chosen.values():
            final &= mask
        return base, chosen, final

    def _words(self) -> Vocabulary | None:
        """The index's vocabulary (None for an index built before it was kept)."""
        if self._vocabulary is None and self._dir is not None:
            self._vocabulary = Vocabulary.load(self._dir)
        return self._vocabulary

    def _suggest(self, searcher: Searcher, text: str) -> str | None:
        """The query with each word the archive lacks replaced by its nearest indexed word.

        Words are looked up as written in the index's vocabulary, so a suggestion is a word
        (`refugees`, not the stem `refug`). Deleted articles' words stay in the vocabulary
        until the next rebuild.
        """
        vocabulary = self._words()
        if vocabulary is None:
            return None
        try:
            deadline = time.perf_counter() + SUGGEST_SECONDS
            changed = False

            def fix(match: re.Match[str]) -> str:
                """The nearest indexed word to one query word, or the word itself."""
                nonlocal changed
                word = match.group(0)
                lower = word.lower()
                if lower in OPERATORS or lower in vocabulary or time.perf_counter() > deadline:
                    return word
                best = vocabulary.suggest(lower)
                if not best:
                    return word
                changed = True
                return best

            fixed = _PLAIN_WORD.sub(fix, text)
        except Exception:  # a correction is a nicety; never fail the search for it
            log.debug("spelling correction failed for %r", text, exc_info=True)
            return None
        return fixed if changed else None

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
            order = _by_date(final, tables.dates.ordinal, sq.sort)
            if sq.group:
                order = tables.stories.first_per_story(order)
            ranked = [(d, None) for d in order[:stop]]
        ranked = ranked[start:stop]
        terms: set[str] = set()
        if sq.snippets and not isinstance(q, query.Every):
            terms = _body_terms(q, searcher)
        hits = []
        for docnum, score in ranked:
            stored = searcher.stored_fields(docnum)
            body = stored.get("body", "")
            snippets = []
            # Highlighting re-reads each body (ms per hit): a page of 100 hits on a busy
            # machine could hold the worker for seconds, so past the budget hits show their lead.
            if terms and time.perf_counter() < deadline:
                snippets = self._snippets(body, terms, sq.snippets)
            if not snippets:
                snippets = [escape(_lead(body))]
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

    def _snippets(self, body: str, terms: set[str], top: int) -> list[str]:
        """Up to `top` fragments of the body around the query's terms, marked and escaped."""
        formatted = highlight_text(
            body,
            frozenset(terms),
            self._schema["body"].analyzer,
            ContextFragmenter(maxchars=SNIPPET_CHARS, surround=80),
            MarkFormatter(),
            top=top,
        )
        return split_fragments(formatted)

    def snippet_maker(self, query_text: str) -> Callable[[str], str]:
        """A function giving a body's first snippet for the query (its lead when none matches)."""
        try:
            q = self.parse(extract_date_terms(query_text)[0])
        except QueryError:
            q = query.NullQuery
        with self._lock:
            terms = _body_terms(q, self._get_searcher())

        def snippet(body: str) -> str:
            """The first marked fragment of one body, or its lead."""
            found = self._snippets(body, terms, 1) if terms else []
            return found[0] if found else escape(_lead(body))

        return snippet

    def largest_stories(self, limit: int = 10) -> list[dict[str, Any]]:
        """The stories with the most copies (single-article stories left out)."""
        with self._lock:
            searcher = self._get_searcher()
            stories = self._tables().stories
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
        with self._lock:
            searcher = self._get_searcher()
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", top=limit, numterms=12)
            return [_article(hit.fields()) for hit in results]

    def export(self, sq: SearchQuery, cap: int = EXPORT_CAP) -> Export:
        """Every matching article in the query's order, up to `cap` (the query runs at once)."""
        q, bounds, _added, _text = self._understand(sq)
        with self._lock:
            searcher = self._get_searcher()
            tables = self._tables()
            relevance = sq.sort == "relevance" and not isinstance(q, query.Every)
            deadline = time.perf_counter() + EXPORT_SECONDS
            evaluation = self._fast(searcher).evaluate(q, relevance, deadline)
            _base, _chosen, final = self._matches(evaluation.mask, bounds, sq, tables)
            if evaluation.scores is not None:
                docs, _scores = top_n(evaluation.scores, np.flatnonzero(final), cap)
                order = docs.tolist()
            else:
                order = _by_date(final, tables.dates.ordinal, sq.sort)[:cap]
            total = int(final.sum())
        return Export(self._read_in_batches(order), total, evaluation.complete)

    def _read_in_batches(self, order: list[int]) -> Iterator[Article]:
        """Stored articles in the given order, holding the lock one batch at a time."""
        for start in range(0, len(order), EXPORT_BATCH):
            with self._lock:
                searcher = self._get_searcher()
                batch = [searcher.stored_fields(n) for n in order[start : start + EXPORT_BATCH]]
            yield from (_article(doc) for doc in batch)

    def highlight_paragraphs(self, body: str, query_text: str) -> list[str]:
        """The body's paragraphs as safe HTML, with the query's terms marked."""
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        try:
            q = self.parse(query_text)
        except QueryError:
            q = query.NullQuery
        terms = {text for name, text in q.iter_all_terms() if name == "body"}
        if not terms:
            return [escape(p) for p in paragraphs]
        analyzer = self._schema["body"].analyzer
        out = []
        for paragraph in paragraphs:
            marked = highlight_text(
                paragraph, terms, analyzer, WholeFragmenter(charlimit=None), MarkFormatter(), top=1
            )
            out.append(split_fragments(marked)[0] if marked.strip() else escape(paragraph))
        return out


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
    meta = json.loads(stored["meta"])
    return {key: meta.get(key) for key in ("id", "title", "publisher", "source", "date", "file")}


def _body_terms(q: query.Query, searcher: Searcher) -> set[str]:
    """The query's words (wildcards expanded) to mark in body text.

    Asked per field: whoosh3's `existing_terms` reuses its `fieldname` argument as a loop
    variable, so without one it drops every field but the first it meets.
    """
    reader = searcher.reader()
    return {
        word.decode() if isinstance(word, bytes) else word
        for name in SEARCH_FIELDS
        for _, word in q.existing_terms(reader, expand=True, fieldname=name)
    }


def _by_date(final: np.ndarray, ordinal: np.ndarray, sort: str) -> list[int]:
    """Matching document numbers, newest (or oldest) first; undated ones last."""
    docs = np.flatnonzero(final)
    days = ordinal[docs].astype(np.int64)
    if sort == "oldest":
        keys = np.where(days > 0, days, UNKNOWN_OLDEST)
    else:
        keys = -days
    return docs[np.argsort(keys, kind="stable")].tolist()


def _count_facets(
    sq: SearchQuery,
    base: np.ndarray,
    chosen: dict[str, np.ndarray],
    tables: IndexTables,
) -> dict[str, list[FacetCount]]:
    """Count each facet over the matches with the other facets' selections applied."""
    out: dict[str, list[FacetCount]] = {}
    for name in FACETS:
        docs = base
        for other, mask in chosen.items():
            if other != name:
                docs = docs & mask
        column = tables.facets[name]
        counts = column.counts(docs)
        ordered = top_counts(column, counts, sq.facet_limit, by_value=name == "month")
        selected = {v.casefold(): v for v in sq.filters.get(name, ())}
        shown = {value.casefold() for value, _ in ordered}
        index = {label.casefold(): n for n, label in enumerate(column.labels)}
        # A selected value stays visible (with its count, possibly 0) so it can be removed.
        for key in sorted(selected.keys() - shown):
            n = index.get(key)
            ordered.append((selected[key], int(counts[n]) if n is not None else 0))
        out[name] = [FacetCount(v, c, v.casefold() in selected) for v, c in ordered]
    return out


def _lead(body: str) -> str:
    """The opening of a body, cut at a word boundary, for hits without a highlighted match."""
    text = " ".join(body.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def _article(stored: dict[str, Any]) -> Article:
    """An article from a stored Whoosh document."""
    data = json.loads(stored["meta"])
    data["body"] = stored.get("body", "")
    return article_from_dict(data)
