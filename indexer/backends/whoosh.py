"""The Whoosh backend: stemmed full text, facets from columns, one cached searcher."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import columns, fields, index, qparser, query
from whoosh.analysis import StandardAnalyzer
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.filedb.filestore import FileStorage
from whoosh.highlight import ContextFragmenter, WholeFragmenter
from whoosh.searching import Searcher

from indexer.aliases import expand_query
from indexer.analysis import CJKPhrasePlugin, highlight_text, text_analyzer
from indexer.backends.base import (
    EXPORT_CAP,
    FACETS,
    FacetCount,
    Hit,
    SearchBackend,
    SearchQuery,
    SearchResults,
)
from indexer.errors import IndexMissing, QueryError
from indexer.facets import MULTI_SEP, DateColumns, FacetColumn, StoryColumn, top_counts
from indexer.facets import histogram as facet_histogram
from indexer.limits import MAX_RESULT_WINDOW, check_query_text
from indexer.models import Article, article_from_dict
from indexer.querydates import DateBounds, extract_date_terms, narrow
from indexer.safehtml import MarkFormatter, escape, split_fragments

SEARCH_FIELDS = ("title", "body")
UNKNOWN_OLDEST = 10**7  # sorts undated articles after every real date ordinal
SNIPPET_CHARS = 220
SUGGEST_BELOW = 3  # offer "did you mean" when fewer articles match
SEARCH_SECONDS = 1.0  # time budget of the ranking step of one search
SUGGEST_SECONDS = 0.3  # time budget of "did you mean"
OPERATORS = frozenset({"and", "or", "not", "to"})
# A plain word of the query: not a field name (`title:`), not inside a wildcard or a number.
_PLAIN_WORD = re.compile(r"(?<![\w:*?])[^\W\d_]{3,}(?![\w:*?])")
EXPORT_BATCH = 500

log = logging.getLogger(__name__)


def build_schema() -> fields.Schema:
    """The Whoosh schema: searchable text, facet columns, sort keys and the stored record."""
    text = text_analyzer()  # English stemming, CJK runs as overlapping bigrams
    names = StandardAnalyzer(stoplist=None)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        origin=fields.ID(),
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=text, stored=True, spelling=True),
        source=fields.TEXT(analyzer=names),
        publisher=fields.TEXT(analyzer=names),
        byline=fields.TEXT(analyzer=names),
        dateline=fields.TEXT(analyzer=names),
        date_start=fields.DATETIME(),
        date_end=fields.DATETIME(),
        date_new=fields.NUMERIC(int, bits=32, sortable=True),
        date_old=fields.NUMERIC(int, bits=32, sortable=True),
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
    end = article.date.end() if article.date else None
    if start and end:
        doc["date_start"] = dt.datetime.combine(start, dt.time.min)
        doc["date_end"] = dt.datetime.combine(end, dt.time.min)
        doc["date_new"] = doc["date_old"] = start.toordinal()
    else:
        doc["date_new"], doc["date_old"] = 0, UNKNOWN_OLDEST
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
        self._tables_cache: _Tables | None = None
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
        missing = set(build_schema().names()) - set(ix.schema.names())
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
        writer = self._ix.writer(limitmb=256)
        try:
            for article in articles:
                doc = _document(article)
                if fresh:
                    writer.add_document(**doc)
                else:
                    writer.update_document(**doc)
                written += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
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
        """The cached searcher, reopened if the index changed."""
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
            self._tables_cache = None
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

    def _tables(self) -> _Tables:
        """Facet and date columns of every document, read once per searcher."""
        if self._tables_cache is None:
            reader = self._get_searcher().reader()
            self._tables_cache = _Tables(
                size=reader.doc_count_all(),
                facets={
                    name: FacetColumn.from_values(reader.column_reader(f"c_{name}"))
                    for name in FACETS
                },
                dates=DateColumns.from_values(
                    reader.column_reader("date_new"), reader.column_reader("c_precision")
                ),
                stories=StoryColumn.from_values(
                    reader.column_reader("c_story"), reader.all_doc_ids(), reader.doc_count_all()
                ),
            )
        return self._tables_cache

    def get(self, article_id: str) -> Article | None:
        """One article by id, with its body."""
        with self._lock:
            stored = self._get_searcher().document(id=article_id)
        return _article(stored) if stored else None

    def files(self) -> dict[str, float]:
        """Indexed file labels with their modification times."""
        with self._lock:
            reader = self._get_searcher().reader()
            origins = list(reader.column_reader("c_origin"))
            mtimes = list(reader.column_reader("c_mtime"))
            live = set(reader.all_doc_ids())
        return {origins[n].decode(): mtimes[n] for n in live}

    def ids_for_files(self, origins: Iterable[str]) -> list[str]:
        """Ids of the articles read from the given file labels."""
        with self._lock:
            searcher = self._get_searcher()
            ids_col = list(searcher.reader().column_reader("c_id"))
            wanted = query.Or([query.Term("origin", o) for o in origins])
            return [ids_col[n].decode() for n in searcher.docs_for_query(wanted)]

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
        with self._lock:
            searcher = self._get_searcher()
            bounded = _with_dates(q, bounds)
            tables = self._tables()
            base, chosen, final = self._matches(searcher, bounded, sq, tables)
            total = int(final.sum())
            stories = tables.stories.count(final)
            facets = _count_facets(sq, base, chosen, tables) if sq.facets else {}
            histogram = None
            if sq.histogram:
                by = tables.facets["source"] if sq.chart_by_source else None
                counted = final
                if sq.chart_stories:
                    counted = tables.stories.representatives(final, tables.dates.ordinal)
                histogram = facet_histogram(tables.dates, counted, by)
            hits, timed_out = [], False
            if total:
                hits, timed_out = self._page(searcher, q, bounded, final, bool(chosen), sq)
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
            timed_out=timed_out,
            aliases_added=added,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    @staticmethod
    def _matches(
        searcher: Searcher, bounded: query.Query, sq: SearchQuery, tables: _Tables
    ) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
        """Documents the query matches, those holding each selected facet's values, and both."""
        if isinstance(bounded, query.Every):
            base = tables.stories.codes >= 0  # every live document
        else:
            docs = np.fromiter(searcher.docs_for_query(bounded), dtype=np.int32)
            base = np.zeros(tables.size, dtype=bool)
            base[docs] = True
        chosen = {
            name: tables.facets[name].matching(values, tables.size)
            for name, values in sq.filters.items()
            if values and name in tables.facets
        }
        final = base.copy()
        for mask in chosen.values():
            final &= mask
        return base, chosen, final

    def _suggest(self, searcher: Searcher, text: str) -> str | None:
        """The query with each word the archive lacks replaced by its nearest indexed word.

        Words are looked up unstemmed, in the body's spelling field, so a suggestion is a word
        as written (`refugees`, not the stem `refug`). A shared two-letter prefix keeps the
        search of the vocabulary short: misspellings rarely touch the first letters.
        """
        try:
            reader = searcher.reader()
            corrector = searcher.corrector("body")
            deadline = time.perf_counter() + SUGGEST_SECONDS
            changed = False

            def fix(match: re.Match[str]) -> str:
                """The nearest indexed word to one query word, or the word itself."""
                nonlocal changed
                word = match.group(0)
                lower = word.lower()
                if lower in OPERATORS or ("spell_body", lower) in reader:
                    return word
                if time.perf_counter() > deadline:
                    return word
                best = corrector.suggest(lower, limit=1, maxdist=2, prefix=2)
                if not best:
                    return word
                changed = True
                return best[0]

            fixed = _PLAIN_WORD.sub(fix, text)
        except Exception:  # a correction is a nicety; never fail the search for it
            log.debug("spelling correction failed for %r", text, exc_info=True)
            return None
        return fixed if changed else None

    def _page(
        self,
        searcher: Searcher,
        q: query.Query,
        bounded: query.Query,
        final: np.ndarray,
        filtered: bool,
        sq: SearchQuery,
    ) -> tuple[list[Hit], bool]:
        """The hits of the requested page, with snippets, and whether time ran out."""
        start, stop = (sq.page - 1) * sq.per_page, sq.page * sq.per_page
        tables = self._tables()
        timed_out = False
        ranked: list[tuple[int, float | None]]
        if sq.sort == "relevance" and not isinstance(q, query.Every):
            keep = set(np.flatnonzero(final).tolist()) if filtered else None
            ranked, timed_out = self._ranked(searcher, bounded, keep, stop, sq.group, tables)
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
            snippets = self._snippets(body, terms, sq.snippets) if terms else []
            if not snippets:
                snippets = [escape(_lead(body))]
            copies = [
                _copy_summary(searcher.stored_fields(other))
                for other in tables.stories.others(docnum)
            ]
            hits.append(
                Hit(article=_article(stored), score=score, snippets=snippets, copies=copies)
            )
        return hits, timed_out

    @staticmethod
    def _ranked(
        searcher: Searcher,
        bounded: query.Query,
        keep: set[int] | None,
        stop: int,
        group: bool,
        tables: _Tables,
    ) -> tuple[list[tuple[int, float | None]], bool]:
        """The best `stop` documents by score (the best per story when grouping)."""
        limit = stop
        while True:
            collector = _exact(searcher.collector(limit=limit, filter=keep))
            # Checked between documents; SIGALRM is not usable in a server's worker threads.
            timed = TimeLimitCollector(collector, timelimit=SEARCH_SECONDS, use_alarm=False)
            timed_out = False
            try:
                searcher.search_with_collector(bounded, timed)
            except TimeLimit:
                timed_out = True
            items = list(timed.results().items())
            ranked = [(d, float(score)) for d, score in items]
            if group:
                firsts = set(tables.stories.first_per_story([d for d, _ in ranked]))
                ranked = [(d, sc) for d, sc in ranked if d in firsts]
            # Copies crowd out stories: ask for more until the page fills or matches run out.
            if len(ranked) >= stop or len(items) < limit or timed_out:
                return ranked, timed_out
            limit *= 4

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

    def export(self, sq: SearchQuery, cap: int = EXPORT_CAP) -> Iterator[Article]:
        """Every matching article in the query's order, up to `cap` (the query runs at once)."""
        q, bounds, _added, _text = self._understand(sq)
        with self._lock:
            searcher = self._get_searcher()
            bounded = _with_dates(q, bounds)
            tables = self._tables()
            _base, chosen, final = self._matches(searcher, bounded, sq, tables)
            if sq.sort == "relevance" and not isinstance(q, query.Every) and final.any():
                keep = set(np.flatnonzero(final).tolist()) if chosen else None
                collector = _exact(
                    searcher.collector(limit=min(cap, int(final.sum())), filter=keep)
                )
                searcher.search_with_collector(bounded, collector)
                order = [docnum for docnum, _ in collector.results().items()]
            else:
                order = _by_date(final, tables.dates.ordinal, sq.sort)[:cap]
        return self._read_in_batches(order)

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


def _exact(collector: Any) -> Any:
    """Turn off Whoosh's matcher replacement in a (wrapped) top-N collector.

    Every ten documents Whoosh swaps the matcher for one that skips documents it expects to
    score below the current minimum, and for multi-term queries that estimate drops documents
    of the true top N: on 3,000 articles `oil prices` kept 5 of its real top 10. Exact ranking
    costs about twice the time on such queries.
    """
    inner = collector
    while inner is not None:
        if hasattr(inner, "replace"):
            inner.replace = 0
        inner = getattr(inner, "child", None)
    return collector


def _with_dates(q: query.Query, bounds: DateBounds) -> query.Query:
    """Add date bounds: an article matches when its whole date period lies inside them."""
    parts = [q]
    if bounds[0]:
        start = dt.datetime.combine(bounds[0], dt.time.min)
        parts.append(query.DateRange("date_start", start, None))
    if bounds[1]:
        end = dt.datetime.combine(bounds[1], dt.time.min)
        parts.append(query.DateRange("date_end", None, end))
    return parts[0] if len(parts) == 1 else query.And(parts)


@dataclass(slots=True)
class _Tables:
    """Columns of one searcher's documents, for facets, dates and sorting."""

    size: int
    facets: dict[str, FacetColumn]
    dates: DateColumns
    stories: StoryColumn


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
    tables: _Tables,
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
