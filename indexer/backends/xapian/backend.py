"""The Xapian backend: BM25 over the project's own terms, facets by match spies, shards.

A search is prepared above the engine (`indexer.query.prepare`), its tree translated
(`translate`), filtered by boolean facet terms and date value ranges, matched with every match
counted exactly (facet counts from `ValueCountMatchSpy`, one hit per story by collapsing on the
story slot), and its page highlighted by the project's highlighter (the Whoosh engine's, so
both mark the same words). The index is one or more shard databases (`shards`), local in a
generation folder or remote behind `xapian-tcpsrv`; a search sees them as one database.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import xapian

from indexer.backends.base import (
    CAPABILITIES,
    EXPORT_CAP,
    FACETS,
    SUGGESTIONS,
    Export,
    Hit,
    SearchBackend,
    SearchQuery,
    SearchResults,
)
from indexer.backends.whoosh import highlight
from indexer.backends.xapian import schema
from indexer.backends.xapian.schema import FACET_PREFIX, FACET_SLOT, TEXT_PREFIX
from indexer.backends.xapian.shards import (
    SHARD_DIR,
    RemoteShard,
    combine,
    parse_shards,
    shard_dirs,
    shard_of,
)
from indexer.backends.xapian.translate import Translation, to_xapian
from indexer.errors import IndexMissing, NewsIndexError, QueryError, ShardUnavailable
from indexer.models import Article, article_from_dict
from indexer.query.facets import MULTI_SEP, DateColumns, FacetColumn, FacetCount
from indexer.query.histogram import bin_dates
from indexer.query.prepare import PreparedQuery, prepare
from indexer.safehtml import escape, lead

SEARCH_SECONDS = 1.0  # past it, hits show their lead instead of highlighted snippets
COPIES_SHOWN = 20
REMOTE_REFRESH_SECONDS = 10.0  # remote connections are renewed to see a new generation
SERVING = "serving"  # index/serving/shard-N: links to the current generation's shards
RETRIES = 2  # a search that loses a connection reconnects (another replica) and runs again
_TRANSIENT = (xapian.NetworkError, xapian.DatabaseModifiedError, xapian.DatabaseOpeningError)

log = logging.getLogger(__name__)


class XapianBackend(SearchBackend):
    """A Xapian index: the shard databases of one generation, or remote shards."""

    name = "xapian"
    capabilities = CAPABILITIES
    shardable = True
    rewrites_files = True  # Xapian rewrites its table files: an update must copy them

    def __init__(
        self, path: Path | None, dirs: list[Path], remote: list[RemoteShard] | None = None
    ) -> None:
        self._path = path
        self._dirs = dirs
        self._remote = remote
        self._version = 0  # bumped by every write: threads reopen their readers
        self._local = threading.local()
        self._readers: list[tuple[threading.local, Any]] = []
        self._lock = threading.Lock()
        self._labels: dict[tuple[str, str], str | None] = {}  # facet value as first written
        if remote is not None:
            # Xapian 1.4's remote protocol carries no spelling data: no "did you mean" there.
            self.capabilities = CAPABILITIES - {SUGGESTIONS}

    # Opening

    @classmethod
    def create(cls, path: Path) -> XapianBackend:
        """Create one empty shard database in `path`."""
        return cls.create_shards(path, 1)

    @classmethod
    def create_shards(cls, path: Path, shards: int) -> XapianBackend:
        """Create `shards` empty shard databases in `path`."""
        if shards < 1:
            raise NewsIndexError("A Xapian index needs at least one shard.")
        path.mkdir(parents=True, exist_ok=True)
        dirs = [path / SHARD_DIR.format(n) for n in range(shards)]
        for folder in dirs:
            xapian.WritableDatabase(str(folder), xapian.DB_CREATE_OR_OVERWRITE).close()
        return cls(path, dirs)

    @classmethod
    def open(cls, path: Path) -> XapianBackend:
        """Open the shard databases of a generation; IndexMissing when absent or unreadable."""
        dirs = shard_dirs(path)
        try:
            if not dirs:
                raise xapian.DatabaseOpeningError("no shard databases")
            for folder in dirs:
                xapian.Database(str(folder)).close()
        except xapian.Error as exc:
            raise IndexMissing(
                f"The Xapian index at {path} cannot be opened ({exc.get_msg()}): "
                "run `newsindex rebuild PATH` to build one."
            ) from None
        return cls(path, dirs)

    @classmethod
    def remote(cls, spec: str) -> XapianBackend:
        """Search remote shards (`host:port|replica:port,host:port`) served by xapian-tcpsrv."""
        return cls(None, [], parse_shards(spec))

    @classmethod
    def copy_generation(cls, source: Path, target: Path) -> None:
        """Copy a generation for an update: shard databases in full, other files too."""
        for item in source.iterdir():
            if item.is_dir():
                shutil.copytree(item, target / item.name)
            elif item.is_file():
                shutil.copy2(item, target / item.name)

    @classmethod
    def published(cls, root: Path, generation: Path) -> None:
        """Point `root/serving/shard-N` at the new generation's shards, for xapian-tcpsrv.

        Each link is replaced atomically (a new link renamed over it): a server started on
        `serving/shard-N` opens the new generation for each new connection.
        """
        serving = root / SERVING
        serving.mkdir(exist_ok=True)
        dirs = shard_dirs(generation)
        for folder in dirs:
            link = serving / folder.name
            tmp = serving / f".{folder.name}.tmp-{os.getpid()}"
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(os.path.relpath(folder, serving))
            os.replace(tmp, link)
        for stale in serving.glob("shard-*"):
            if stale.name not in {d.name for d in dirs}:
                stale.unlink(missing_ok=True)

    # Writing

    def _writable(self) -> None:
        """Refuse writes to remote shards (they are built locally and served)."""
        if self._remote is not None:
            raise NewsIndexError("Remote Xapian shards are read-only: rebuild them locally.")

    def add(self, articles: Iterable[Article]) -> int:
        """Add or replace articles by id, routed to their shards, one commit per shard."""
        self._writable()
        by_shard: dict[int, list[Article]] = {}
        for article in articles:
            by_shard.setdefault(shard_of(article.id, len(self._dirs)), []).append(article)
        written = 0
        for number, batch in sorted(by_shard.items()):
            db = xapian.WritableDatabase(str(self._dirs[number]), xapian.DB_OPEN)
            try:
                spelling: Counter[str] = Counter()
                for article in batch:
                    doc = schema.document(article, spelling)
                    db.replace_document(schema.ID_PREFIX + article.id, doc)
                    written += 1
                for word, count in spelling.items():
                    if len(word.encode()) <= schema.MAX_TERM_BYTES:
                        db.add_spelling(word, count)
                db.commit()
            finally:
                db.close()
        self.refresh()
        return written

    def delete(self, ids: Iterable[str]) -> int:
        """Delete articles by id, in one commit per shard."""
        self._writable()
        by_shard: dict[int, list[str]] = {}
        for article_id in ids:
            by_shard.setdefault(shard_of(article_id, len(self._dirs)), []).append(article_id)
        deleted = 0
        for number, batch in sorted(by_shard.items()):
            db = xapian.WritableDatabase(str(self._dirs[number]), xapian.DB_OPEN)
            try:
                for article_id in batch:
                    term = schema.ID_PREFIX + article_id
                    if db.term_exists(term):
                        db.delete_document(term)
                        deleted += 1
                db.commit()
            finally:
                db.close()
        self.refresh()
        return deleted

    def clear(self) -> None:
        """Delete every article (each shard made empty)."""
        self._writable()
        for folder in self._dirs:
            xapian.WritableDatabase(str(folder), xapian.DB_CREATE_OR_OVERWRITE).close()
        self.refresh()

    # Reading

    def _open_all(self) -> xapian.Database:
        """A new database over every shard (local folders or remote replicas)."""
        if self._remote is None:
            return combine([xapian.Database(str(folder)) for folder in self._dirs])
        return combine([shard.connect() for shard in self._remote])

    def _db(self, fresh: bool = False) -> xapian.Database:
        """This thread's database, reopened after a write or, for remote shards, renewed."""
        local = self._local
        db = getattr(local, "db", None)
        now = time.monotonic()
        if db is not None and not fresh:
            if self._remote is not None and now - local.opened > REMOTE_REFRESH_SECONDS:
                fresh = True
            elif local.version != self._version:
                local.version = self._version
                db.reopen()
        if db is None or fresh:
            if db is not None:
                db.close()
            local.db, local.version, local.opened = self._open_all(), self._version, now
            with self._lock:
                self._readers.append((local, local.db))
        return local.db

    def _read(self, work: Callable[[xapian.Database], Any]) -> Any:
        """Run a read, reconnecting (another replica) when a connection is lost meanwhile."""
        for attempt in range(RETRIES + 1):
            db = self._db(fresh=attempt > 0)
            try:
                return work(db)
            except _TRANSIENT as exc:
                if attempt == RETRIES:
                    if self._remote is not None:
                        raise ShardUnavailable(
                            f"The search index is incomplete: a shard stopped answering "
                            f"({exc.get_msg()}) and no replica took over."
                        ) from None
                    raise
                log.warning("xapian read failed (%s); reopening", exc.get_msg())
        raise AssertionError("unreachable")

    def refresh(self) -> None:
        """Pick up committed changes (each thread reopens its database on its next read)."""
        self._version += 1
        self._labels = {}

    def close(self) -> None:
        """Close every thread's database."""
        with self._lock:
            readers, self._readers = self._readers, []
        for local, db in readers:
            db.close()
            if getattr(local, "db", None) is db:
                local.db = None

    def count(self) -> int:
        """Number of articles."""
        return self._read(lambda db: db.get_doccount())

    def get(self, article_id: str) -> Article | None:
        """One article by id, with its body."""

        def work(db: xapian.Database) -> Article | None:
            for item in db.postlist(schema.ID_PREFIX + article_id):
                return _article(db.get_document(item.docid))
            return None

        return self._read(work)

    def files(self) -> dict[str, float]:
        """Indexed file labels with their modification times."""

        def work(db: xapian.Database) -> dict[str, float]:
            mtimes = {v.docid: v.value for v in db.valuestream(schema.SLOT_MTIME)}
            return {
                v.value.decode(): xapian.sortable_unserialise(mtimes.get(v.docid, b""))
                for v in db.valuestream(schema.SLOT_ORIGIN)
            }

        return self._read(work)

    def ids_for_files(self, origins: Iterable[str]) -> list[str]:
        """Ids of the articles read from the given file labels."""

        def work(db: xapian.Database) -> list[str]:
            docs = sorted(
                {item.docid for o in origins for item in db.postlist(schema.ORIGIN_PREFIX + o)}
            )
            return [schema.record(db.get_document(d))["id"] for d in docs]

        return self._read(work)

    def iter_articles(self) -> Iterable[Article]:
        """Every article with its body."""
        return self._read(
            lambda db: [_article(db.get_document(item.docid)) for item in db.postlist("")]
        )

    def status(self) -> dict[str, Any]:
        """The engine, its shards and (remote) their replicas, for `newsindex stats`."""
        if self._remote is not None:
            return {
                "engine": self.name,
                "shards": [shard.label for shard in self._remote],
                "mode": "remote",
            }
        return {"engine": self.name, "shards": len(self._dirs), "mode": "local"}

    # Searching

    def search(self, sq: SearchQuery) -> SearchResults:
        """Run one search: exact counts, facets with their own selections left out, one page."""
        started = time.perf_counter()
        prepared = prepare(sq)
        return self._read(lambda db: _Search(db, sq, prepared, started, self._labels).run())

    def export(self, sq: SearchQuery, cap: int = EXPORT_CAP) -> Export:
        """Every matching article in the query's order, up to `cap` (read as it is consumed)."""
        prepared = prepare(sq)
        db = self._open_all()  # its own database: the export streams after this call returns
        try:
            search = _Search(db, sq, prepared, time.perf_counter(), {})
            mset = search.enquire(search.final, ranked=prepared.ranked, group=False).get_mset(
                0, cap, db.get_doccount()
            )
        except BaseException:
            db.close()
            raise
        total = mset.get_matches_estimated()
        docids = [item.docid for item in mset]

        def articles() -> Iterator[Article]:
            """The articles, read in batches from the export's database."""
            try:
                for docid in docids:
                    yield _article(db.get_document(docid))
            finally:
                db.close()

        return Export(articles(), total)

    def highlight_paragraphs(self, body: str, query_text: str) -> list[str]:
        """The body's paragraphs as safe HTML, with the query's terms marked."""
        terms = self._terms(query_text)
        parts = [p for p in body.split("\n\n") if p.strip()]
        if not terms:
            return [escape(p) for p in parts]
        return [_marked_paragraph(p, terms) for p in parts]

    def snippet_maker(self, query_text: str) -> Callable[[str], str]:
        """A function giving a body's first snippet for the query (its lead when none matches)."""
        terms = self._terms(query_text)
        analyzer = schema.analyzer("body")

        def snippet(body: str) -> str:
            """The first marked fragment of one body, or its lead."""
            found = highlight.snippets(body, terms, analyzer, 1) if terms else []
            return found[0] if found else escape(lead(body))

        return snippet

    def _terms(self, query_text: str) -> set[str]:
        """The title and body terms of query text (patterns expanded), to mark."""
        try:
            tree = prepare(SearchQuery(text=query_text)).tree
            return self._read(lambda db: to_xapian(tree, db).terms)
        except QueryError:
            return set()

    def largest_stories(self, limit: int = 10) -> list[dict[str, Any]]:
        """The stories with the most copies (single-article stories left out)."""

        def work(db: xapian.Database) -> list[dict[str, Any]]:
            enquire = xapian.Enquire(db)
            enquire.set_query(xapian.Query.MatchAll)
            spy = xapian.ValueCountMatchSpy(schema.SLOT_STORY)
            enquire.add_matchspy(spy)
            enquire.get_mset(0, 0, db.get_doccount())
            out = []
            for item in spy.top_values(limit):
                if item.termfreq < 2:
                    break
                members = _story_members(db, item.term.decode(), item.termfreq)
                first = schema.record(db.get_document(members[0]))
                out.append(
                    {
                        "story_id": first.get("story_id"),
                        "articles": int(item.termfreq),
                        "title": first.get("title"),
                        "copies": [_copy_summary(db, d) for d in members],
                    }
                )
            return out

        return self._read(work)

    def similar(self, article_id: str, limit: int = 5) -> list[Article]:
        """Articles sharing the most distinctive body terms with the given one."""

        def work(db: xapian.Database) -> list[Article]:
            docids = [item.docid for item in db.postlist(schema.ID_PREFIX + article_id)]
            if not docids:
                return []
            rset = xapian.RSet()
            rset.add_document(docids[0])
            enquire = xapian.Enquire(db)
            enquire.set_query(xapian.Query.MatchAll)
            eset = enquire.get_eset(12, rset, _BodyTerms())
            terms = [item.term.decode() for item in eset]
            if not terms:
                return []
            enquire.set_query(
                xapian.Query(
                    xapian.Query.OP_AND_NOT,
                    xapian.Query(
                        xapian.Query.OP_OR,
                        [xapian.Query(p + t) for t in terms for p in (TEXT_PREFIX["title"], "")],
                    ),
                    xapian.Query(schema.ID_PREFIX + article_id),
                )
            )
            return [_article(item.document) for item in enquire.get_mset(0, limit)]

        return self._read(work)


class _BodyTerms(xapian.ExpandDecider):
    """Accepts body terms (unprefixed) for the expansion set of "more like this"."""

    def __call__(self, term: bytes) -> bool:
        return bool(term) and not term[:1].isupper() and len(term) > 2


class _Search:
    """One search over one database: the queries, enquiries and what they found."""

    def __init__(
        self,
        db: xapian.Database,
        sq: SearchQuery,
        prepared: PreparedQuery,
        started: float,
        labels: dict[tuple[str, str], str | None],
    ) -> None:
        self.db, self.sq, self.prepared, self.started = db, sq, prepared, started
        self.labels = labels  # the backend's cache of labels of case variants
        self.translation: Translation = to_xapian(prepared.tree, db)
        base = self.translation.query
        dates = _date_filter(prepared.bounds)
        if dates is not None:
            base = xapian.Query(xapian.Query.OP_FILTER, base, dates)
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
            enquire.set_weighting_scheme(xapian.BM25Weight())
        else:
            enquire.set_weighting_scheme(xapian.BoolWeight())
            if self.sq.sort == "oldest":
                enquire.set_sort_by_value(schema.SLOT_OLDEST, False)
            else:
                enquire.set_sort_by_value(schema.SLOT_NEWEST, True)
        if group:
            enquire.set_collapse_key(schema.SLOT_STORY)
        return enquire

    def run(self) -> SearchResults:
        """Match, count, chart and page."""
        sq, prepared = self.sq, self.prepared
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
        hits = [self.hit(item, ranked) for item in mset]
        suggestion = None
        if prepared.wants_suggestion(total):
            suggestion = _suggest(self.db, prepared)
        return SearchResults(
            query=sq,
            total=total,
            stories=stories,
            hits=hits,
            facets=facets,
            histogram=histogram,
            suggestion=suggestion,
            date_bounds=prepared.bounds,
            sorted_by=sq.sort if ranked or sq.sort != "relevance" else "newest",
            aliases_added=prepared.aliases_added,
            took_ms=(time.perf_counter() - self.started) * 1000,
        )

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
        from indexer.query.facets import top_counts

        ordered = top_counts(column, counts, self.sq.facet_limit, by_value=name == "month")
        selected = {v.casefold(): v for v in self.sq.filters.get(name, ())}
        shown = {value.casefold() for value, _ in ordered}
        for key in sorted(selected.keys() - shown):
            entry = merged.get(key)
            ordered.append((selected[key], int(entry[1]) if entry else 0))
        return [FacetCount(v, c, v.casefold() in selected) for v, c in ordered]

    def hit(self, item: Any, ranked: bool) -> Hit:
        """One hit: its article, score, snippets and the other copies of its story."""
        doc = item.document
        article = _article(doc)
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
            members = _story_members(self.db, article.story_id, COPIES_SHOWN + 1)
            others = [d for d in members if d != item.docid][:COPIES_SHOWN]
            copies = [_copy_summary(self.db, d) for d in others]
            total = _story_size(self.db, article.story_id) - 1
        return Hit(
            article=article,
            score=item.weight if ranked else None,
            snippets=snippets,
            copies=copies,
            copies_total=total,
        )


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


def _story_members(db: xapian.Database, story_id: str, limit: int) -> list[int]:
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


def _copy_summary(db: xapian.Database, docid: int) -> dict[str, Any]:
    """What a hit shows of another copy of its story."""
    meta = schema.record(db.get_document(docid))
    return {key: meta.get(key) for key in ("id", "title", "publisher", "source", "date", "file")}


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


def _marked_paragraph(paragraph: str, terms: set[str]) -> str:
    """One paragraph as safe HTML with the terms marked (escaped when none is found)."""
    from whoosh.highlight import WholeFragmenter

    from indexer.backends.whoosh.analysis import highlight_text
    from indexer.safehtml import split_fragments

    marked = highlight_text(
        paragraph,
        terms,
        schema.analyzer("body"),
        WholeFragmenter(charlimit=None),
        highlight.MarkFormatter(),
        top=1,
    )
    return split_fragments(marked)[0] if marked.strip() else escape(paragraph)


def _article(doc: xapian.Document) -> Article:
    """An article from a stored Xapian document."""
    return article_from_dict(json.loads(doc.get_data()))
