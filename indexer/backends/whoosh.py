"""The Whoosh backend: stemmed full text, facets from columns, one cached searcher."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from whoosh import columns, fields, index, qparser, query
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.filedb.filestore import FileStorage
from whoosh.highlight import ContextFragmenter, WholeFragmenter, highlight
from whoosh.searching import Searcher

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
from indexer.histogram import Histogram, build_histogram
from indexer.limits import MAX_RESULT_WINDOW, check_query_text
from indexer.models import Article, article_from_dict
from indexer.querydates import DateBounds, extract_date_terms, narrow
from indexer.safehtml import MarkFormatter, escape, split_fragments

SEARCH_FIELDS = ("title", "body")
FIELD_NAMES = ("title", "body", "source", "publisher", "byline", "dateline")
UNKNOWN_OLDEST = 10**7  # sorts undated articles after every real date ordinal
MULTI_SEP = "\x1f"
SNIPPET_CHARS = 220
SUGGEST_BELOW = 3  # offer "did you mean" when fewer articles match
SEARCH_SECONDS = 1.0  # time budget of the ranking step of one search
EXPORT_BATCH = 500

log = logging.getLogger(__name__)


def build_schema() -> fields.Schema:
    """The Whoosh schema: searchable text, facet columns, sort keys and the stored record."""
    stem = StemmingAnalyzer(cachesize=100_000)
    names = StandardAnalyzer(stoplist=None)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        origin=fields.ID(),
        title=fields.TEXT(analyzer=stem, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=stem, stored=True, spelling=True),
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
    return doc


class WhooshBackend(SearchBackend):
    """Whoosh index of one generation directory."""

    name = "whoosh"

    def __init__(self, ix: index.Index) -> None:
        self._ix = ix
        self._lock = threading.RLock()  # non-mmap file reads share file positions
        self._searcher: Searcher | None = None
        self._columns: dict[str, list[tuple[str, ...]]] | None = None
        self._dates: list[tuple[int, str]] = []
        self._parser = qparser.MultifieldParser(
            list(SEARCH_FIELDS), schema=ix.schema, group=qparser.AndGroup
        )
        self._parser.add_plugin(qparser.PlusMinusPlugin())
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
            self._columns = None
        return self._searcher

    def refresh(self) -> None:
        """Pick up committed changes."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._columns = None

    def close(self) -> None:
        """Close the searcher and the index files."""
        self.refresh()
        self._ix.close()

    def count(self) -> int:
        """Number of live articles."""
        with self._lock:
            return self._get_searcher().doc_count()

    def _facet_columns(self) -> dict[str, list[tuple[str, ...]]]:
        """Facet values per document number, read once per searcher from the columns."""
        if self._columns is None:
            reader = self._get_searcher().reader()
            cols: dict[str, list[tuple[str, ...]]] = {}
            for name in FACETS:
                values = reader.column_reader(f"c_{name}")
                cols[name] = [tuple(v.decode().split(MULTI_SEP)) if v else () for v in values]
            self._columns = cols
            self._dates = list(
                zip(
                    reader.column_reader("date_new"),
                    (v.decode() for v in reader.column_reader("c_precision")),
                    strict=True,
                )
            )
        return self._columns

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
        """Parse query text (without `date:` terms) into a Whoosh query; Every when empty."""
        text = text.strip()
        if not text:
            return query.Every()
        check_query_text(text)
        try:
            return self._parser.parse(text)
        except Exception as exc:  # the parser raises assorted types on odd input
            raise QueryError(f"Could not understand the query {text!r}: {exc}") from exc

    def search(self, sq: SearchQuery) -> SearchResults:
        """Run one search: matching set, facets with their own selections left out, one page."""
        started = time.perf_counter()
        if sq.page * sq.per_page > MAX_RESULT_WINDOW:
            raise QueryError(
                f"Results past number {MAX_RESULT_WINDOW} cannot be paged to; narrow the search."
            )
        text, bounds = extract_date_terms(sq.text)
        bounds = narrow(bounds, (sq.date_from, sq.date_to))
        q = self.parse(text)
        with self._lock:
            searcher = self._get_searcher()
            bounded = _with_dates(q, bounds)
            base = set(searcher.docs_for_query(bounded))
            cols = self._facet_columns()
            chosen = {
                name: _selected(base, cols[name], values)
                for name, values in sq.filters.items()
                if values and name in cols
            }
            final = base.intersection(*chosen.values()) if chosen else base
            facets = _count_facets(sq, base, chosen, cols) if sq.facets else {}
            histogram = self._histogram(final, sq) if sq.histogram else None
            hits, timed_out = self._page(searcher, q, bounded, final, sq) if final else ([], False)
            suggestion = None
            if sq.suggest and text and len(final) < SUGGEST_BELOW:
                suggestion = self._suggest(searcher, q, text)
        return SearchResults(
            query=sq,
            total=len(final),
            hits=hits,
            facets=facets,
            histogram=histogram,
            suggestion=suggestion,
            date_bounds=bounds,
            timed_out=timed_out,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    def _histogram(self, docs: set[int], sq: SearchQuery) -> Histogram:
        """Matching articles over time, per source too when asked."""
        dates, sources = self._dates, self._facet_columns()["source"]
        triples = ((dates[d][0], dates[d][1], sources[d][0] if sources[d] else None) for d in docs)
        return build_histogram(triples, by_source=sq.chart_by_source)

    def _suggest(self, searcher: Searcher, q: query.Query, text: str) -> str | None:
        """A spelling correction of the query from the indexed words, if it changes anything."""
        try:
            # Title words are stemmed with no spelling field: suggest from the body's words.
            words = searcher.corrector("body")
            correction = searcher.correct_query(q, text, correctors={"title": words, "body": words})
        except Exception:  # a correction is a nicety; never fail the search for it
            log.debug("spelling correction failed for %r", text, exc_info=True)
            return None
        fixed = correction.string
        if not fixed or fixed.strip().lower() == text.strip().lower():
            return None
        return fixed

    def _page(
        self,
        searcher: Searcher,
        q: query.Query,
        bounded: query.Query,
        final: set[int],
        sq: SearchQuery,
    ) -> tuple[list[Hit], bool]:
        """The hits of the requested page, with snippets, and whether time ran out."""
        limit = sq.page * sq.per_page
        relevance = sq.sort == "relevance" and not isinstance(q, query.Every)
        if relevance:
            collector = searcher.collector(limit=limit, filter=final)
        else:
            key = "date_old" if sq.sort == "oldest" else "date_new"
            collector = searcher.collector(
                limit=limit, sortedby=key, reverse=sq.sort != "oldest", filter=final
            )
        # Checked between documents; SIGALRM is not usable in a server's worker threads.
        timed = TimeLimitCollector(collector, timelimit=SEARCH_SECONDS, use_alarm=False)
        timed_out = False
        try:
            searcher.search_with_collector(bounded, timed)
        except TimeLimit:
            timed_out = True
        results = timed.results()
        results.fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=80)
        results.formatter = MarkFormatter()
        hits = []
        for hit in results[(sq.page - 1) * sq.per_page : limit]:
            stored = hit.fields()
            snippets: list[str] = []
            if sq.snippets and not isinstance(q, query.Every):
                snippets = split_fragments(hit.highlights("body", top=sq.snippets))
            if not snippets:
                snippets = [escape(_lead(stored.get("body", "")))]
            score = hit.score if relevance else None
            hits.append(Hit(article=_article(stored), score=score, snippets=snippets))
        return hits, timed_out

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
        page = replace(sq, page=1, per_page=1, snippets=0, facets=False, histogram=False)
        text, bounds = extract_date_terms(sq.text)
        bounds = narrow(bounds, (sq.date_from, sq.date_to))
        q = self.parse(text)
        with self._lock:
            searcher = self._get_searcher()
            bounded = _with_dates(q, bounds)
            base = set(searcher.docs_for_query(bounded))
            cols = self._facet_columns()
            final = base.intersection(
                *(_selected(base, cols[n], v) for n, v in page.filters.items() if v and n in cols)
            )
            relevance = sq.sort == "relevance" and not isinstance(q, query.Every)
            if relevance:
                results = searcher.search(bounded, filter=final, limit=min(cap, len(final) or 1))
            else:
                key = "date_old" if sq.sort == "oldest" else "date_new"
                results = searcher.search(
                    bounded,
                    filter=final,
                    limit=min(cap, len(final) or 1),
                    sortedby=key,
                    reverse=sq.sort != "oldest",
                )
            order = [hit.docnum for hit in results] if final else []
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
        analyzer = self._ix.schema["body"].analyzer
        out = []
        for paragraph in paragraphs:
            marked = highlight(
                paragraph, terms, analyzer, WholeFragmenter(charlimit=None), MarkFormatter(), top=1
            )
            out.append(split_fragments(marked)[0] if marked.strip() else escape(paragraph))
        return out


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


def _selected(base: set[int], column: list[tuple[str, ...]], values: Sequence[str]) -> set[int]:
    """Documents of `base` that hold any of the selected values."""
    wanted = set(values)
    return {d for d in base if not wanted.isdisjoint(column[d])}


def _count_facets(
    sq: SearchQuery,
    base: set[int],
    chosen: dict[str, set[int]],
    cols: dict[str, list[tuple[str, ...]]],
) -> dict[str, list[FacetCount]]:
    """Count each facet over the matches with the other facets' selections applied."""
    out: dict[str, list[FacetCount]] = {}
    for name in FACETS:
        others = [docs for other, docs in chosen.items() if other != name]
        docs = base.intersection(*others) if others else base
        column = cols[name]
        counts: Counter[str] = Counter()
        for d in docs:
            counts.update(column[d])
        selected = set(sq.filters.get(name, ()))
        if name == "month":
            ordered = sorted(counts.items(), reverse=True)
        else:
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ordered = ordered[: sq.facet_limit]
        shown = {value for value, _ in ordered}
        # A selected value stays visible (with its count, possibly 0) so it can be removed.
        ordered += [(value, counts.get(value, 0)) for value in selected if value not in shown]
        out[name] = [FacetCount(v, c, v in selected) for v, c in ordered]
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
