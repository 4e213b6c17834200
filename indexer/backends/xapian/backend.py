"""The Xapian backend: BM25 over the project's own terms, facets from columns, shards.

A search is prepared above the engine (`indexer.query.prepare`), its tree translated
(`translate`), matched, counted exactly (over local shards from numpy columns of their value
slots, `columns`; over remote shards by `ValueCountMatchSpy`), one hit per story, and its page
highlighted by the project's highlighter (the Whoosh engine's, so both mark the same words).
The index is one or more shard databases (`shards`), local in a generation folder or remote
behind `xapian-tcpsrv`; a search sees them as one database.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import xapian

from indexer.backends import highlight
from indexer.backends.base import (
    CHART_BY_SOURCE,
    EXPORT_CAP,
    HIGHLIGHT,
    MORE_LIKE_THIS,
    SAMPLE,
    STORIES,
    SUGGESTIONS,
    Export,
    SearchBackend,
    SearchQuery,
    SearchResults,
)
from indexer.backends.xapian import columns, frequent, integrity, schema
from indexer.backends.xapian.columns import ShardTables
from indexer.backends.xapian.copies import copy_summary, story_copies, story_members
from indexer.backends.xapian.countclient import CountServers, StaleRevision
from indexer.backends.xapian.countwire import PageAsked
from indexer.backends.xapian.revisions import Written
from indexer.backends.xapian.schema import TEXT_PREFIX
from indexer.backends.xapian.search import (
    SPELLING_DISTANCE,
    Search,
    article_of,
    spelling_frequency,
)
from indexer.backends.xapian.shardcounts import ShardCounts, count_rows
from indexer.backends.xapian.shardpage import first_places
from indexer.backends.xapian.shards import (
    SHARD_DIR,
    RemoteShard,
    combine,
    parse_shards,
    shard_dirs,
    shard_of,
)
from indexer.backends.xapian.translate import to_xapian
from indexer.errors import IndexMissing, NewsIndexError, QueryError, ShardUnavailable
from indexer.models import Article
from indexer.query.prepare import prepare
from indexer.research.sample import sampled

REMOTE_REFRESH_SECONDS = 10.0  # remote connections are renewed to see a new generation
SERVING = "serving"  # index/serving/shard-N: links to the current generation's shards
RETRIES = 2  # a search that loses a connection reconnects (another replica) and runs again
# What a search over remote shards cannot offer, and why (shown by `newsindex stats`).
REMOTE_LACKS = {
    "did you mean": "Xapian 1.4's remote protocol carries no spelling data (count servers "
    "beside the shards offer it: NEWSINDEX_XAPIAN_COUNTERS)",
    "sample=": "samples are drawn from the columns of local shard folders",
    "atleastN:": "mention counts are combined over the columns of local shard folders",
}
# The optional capabilities remote shards lack, by the feature REMOTE_LACKS names.
REMOTE_WITHOUT = {SUGGESTIONS: "did you mean", SAMPLE: "sample="}
_TRANSIENT = (xapian.NetworkError, xapian.DatabaseModifiedError, xapian.DatabaseOpeningError)

log = logging.getLogger(__name__)


class XapianBackend(SearchBackend):
    """A Xapian index: the shard databases of one generation, or remote shards."""

    name = "xapian"
    # Not the column-based MATCH_DATES and ARCHIVE_COUNTS (the defaults over search and export
    # serve the research tools instead). Remote shards lack SAMPLE (drawn from local columns).
    capabilities = frozenset(
        {MORE_LIKE_THIS, SUGGESTIONS, CHART_BY_SOURCE, HIGHLIGHT, STORIES, SAMPLE}
    )
    shardable = True
    rewrites_files = True  # Xapian rewrites its table files: an update must copy them
    use_columns = True  # False: count by match spies as over remote shards (bench/backends.py)

    def __init__(
        self,
        path: Path | None,
        dirs: list[Path],
        remote: list[RemoteShard] | None = None,
        counters: CountServers | None = None,
    ) -> None:
        self._path = path
        self._dirs = dirs
        self._remote = remote
        self._counters = counters  # count servers beside the remote shards, if any
        self._counters_stale_until = 0.0  # until then searches are counted by spies
        self._version = 0  # bumped by every write: threads reopen their readers
        self._local = threading.local()
        self._readers: list[tuple[threading.local, Any]] = []
        self._lock = threading.Lock()
        self._labels: dict[tuple[str, str], str | None] = {}  # facet value as first written
        self._tables: tuple[tuple[Any, ...], ShardTables] | None = None  # (shard revisions, ...)
        self._tables_lock = threading.Lock()
        self._written: dict[int, Written] = {}  # per shard written to since opening
        if remote is not None:
            self.capabilities = XapianBackend.capabilities - self._remote_without().keys()

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
            schema.create(str(folder))
        return cls(path, dirs)

    @classmethod
    def open(cls, path: Path) -> XapianBackend:
        """Open the shard databases of a generation; IndexMissing when absent or unreadable."""
        dirs = shard_dirs(path)
        try:
            if not dirs:
                raise xapian.DatabaseOpeningError("no shard databases")
            for folder in dirs:
                db = xapian.Database(str(folder))
                short = integrity.cut_short(folder, db)
                db.close()
                if short is not None:
                    raise IndexMissing(
                        f"The Xapian index at {path} is damaged ({folder.name}/{short} is "
                        "shorter than when it was written): run `newsindex rebuild PATH` to "
                        "build a new one."
                    )
        except xapian.Error as exc:
            raise IndexMissing(
                f"The Xapian index at {path} cannot be opened ({exc.get_msg()}): "
                "run `newsindex rebuild PATH` to build one."
            ) from None
        return cls(path, dirs)

    @classmethod
    def remote(cls, spec: str, counters: str | None = None) -> XapianBackend:
        """Search remote shards (`host:port|replica:port,host:port`) served by xapian-tcpsrv,
        counted by the count servers beside them (`counters`, in the same form) when given."""
        shards = parse_shards(spec)
        servers = None
        if counters:
            servers = CountServers(parse_shards(counters, "XAPIAN_COUNTERS"))
            if len(servers.shards) != len(shards):
                raise NewsIndexError(
                    f"XAPIAN_COUNTERS names {len(servers.shards)} shards and XAPIAN_SHARDS "
                    f"{len(shards)}: give one count server (with its replicas) per shard, "
                    "in the same order."
                )
        return cls(None, [], shards, servers)

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
                touched = self._touched(number, db)
                spelling: Counter[str] = Counter()
                for article in batch:
                    doc = schema.document(article, spelling)
                    touched.add(db.replace_document(schema.ID_PREFIX + article.id, doc))
                    written += 1
                for word, count in spelling.items():
                    if len(word.encode()) <= schema.MAX_TERM_BYTES:
                        db.add_spelling(word, count)
                schema.commit(db)
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
                touched = self._touched(number, db)
                for article_id in batch:
                    term = schema.ID_PREFIX + article_id
                    if db.term_exists(term):
                        touched.update(p.docid for p in db.postlist(term))
                        db.delete_document(term)
                        deleted += 1
                schema.commit(db)
            finally:
                db.close()
        self.refresh()
        return deleted

    def _touched(self, number: int, db: xapian.WritableDatabase) -> set[int]:
        """The docids this backend wrote in a shard since its first write here (noted now)."""
        if number not in self._written:
            self._written[number] = Written(db.get_uuid().decode(), db.get_revision(), set())
        return self._written[number].docids

    def clear(self) -> None:
        """Delete every article (each shard made empty)."""
        self._writable()
        self._written.clear()  # new databases: their bitmaps are made anew
        for folder in self._dirs:
            schema.create(str(folder))
        self.refresh()

    # Reading

    def _open_all(self) -> xapian.Database:
        """A new database over every shard (local folders or remote replicas)."""
        if self._remote is None:
            return combine(self._open_shards())
        return combine([shard.connect() for shard in self._remote])

    def _open_shards(self) -> list[xapian.Database]:
        """Each local shard's database."""
        return [xapian.Database(str(folder)) for folder in self._dirs]

    def _shard_tables(self, shards: list[xapian.Database]) -> ShardTables:
        """The joined columns of the local shards at the revisions of `shards` (cached)."""
        key = tuple((db.get_uuid(), db.get_revision(), db.get_lastdocid()) for db in shards)
        with self._tables_lock:
            if self._tables is None or self._tables[0] != key:
                pairs = list(zip(self._dirs, shards, strict=True))
                parts = [columns.shard_table(folder, db) for folder, db in pairs]
                joined = columns.join(parts)
                bitmaps = [frequent.load(folder, db) for folder, db in pairs]
                if all(b.size == t.size for b, t in zip(bitmaps, parts, strict=True)):
                    joined.frequent = bitmaps
                self._tables = (key, joined)
            return self._tables[1]

    def write_caches(self) -> None:
        """Save each local shard's columns and frequent words' bitmaps (rebuild and update)."""
        if self._remote is None:
            for number, folder in enumerate(self._dirs):
                columns.write_tables(folder, self._written.get(number))
                frequent.write_frequent(folder, self._written.get(number))
                integrity.write_sizes(folder)

    def _db(self, fresh: bool = False) -> xapian.Database:
        """This thread's database, reopened after a write or, for remote shards, renewed."""
        local = self._local
        db = getattr(local, "db", None)
        now = time.monotonic()
        if db is not None and not fresh:
            if self._remote is not None and now - local.opened > REMOTE_REFRESH_SECONDS:
                fresh = True
            elif local.version != self._version:
                fresh = True  # reopened whole: the shards' revisions name their columns
        if db is None or fresh:
            if db is not None:
                db.close()
            if self._remote is None:
                local.shards = self._open_shards()
                local.db = combine(local.shards)
            else:
                assert self._remote is not None
                remote = [shard.connect() for shard in self._remote]
                local.shards, local.db = None, combine(remote)
                # Which revision each shard connection reads (the count servers must read it).
                local.stamps = [schema.stamp(db) for db in remote] if self._counters else None
            local.version, local.opened = self._version, now
            with self._lock:
                self._readers = [(t, d) for t, d in self._readers if d is not db]
                self._readers.append((local, local.db))
        return local.db

    def _local_tables(self) -> ShardTables | None:
        """This thread's columns of its local shards (None for remote shards)."""
        shards = getattr(self._local, "shards", None)
        return self._shard_tables(shards) if shards and self.use_columns else None

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
            except xapian.DatabaseError as exc:
                # A damaged table is found only where a read reaches its broken block.
                where = self._path if self._remote is None else "a remote shard"
                raise IndexMissing(
                    f"The Xapian index at {where} is damaged ({exc.get_msg()}): "
                    "run `newsindex rebuild PATH` to build a new one."
                ) from None
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
                local.db = local.shards = None
        self._tables = None

    def count(self) -> int:
        """Number of articles."""
        return self._read(lambda db: db.get_doccount())

    def get(self, article_id: str) -> Article | None:
        """One article by id, with its body."""

        def work(db: xapian.Database) -> Article | None:
            for item in db.postlist(schema.ID_PREFIX + article_id):
                return article_of(db.get_document(item.docid))
            return None

        return self._read(work)

    def files(self) -> dict[str, float]:
        """Indexed file labels with their modification times."""

        def work(db: xapian.Database) -> dict[str, float]:
            tables = self._local_tables()
            if tables is not None:  # read from the saved columns (at 1M: 4 s of values)
                return tables.tables.files()
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
            lambda db: [article_of(db.get_document(item.docid)) for item in db.postlist("")]
        )

    def _remote_without(self) -> dict[str, str]:
        """The optional capabilities these remote shards lack (count servers read spelling)."""
        if self._remote is None:
            return {}
        if self._counters is None:
            return REMOTE_WITHOUT
        return {k: v for k, v in REMOTE_WITHOUT.items() if k != SUGGESTIONS}

    def _lacking(self) -> list[str]:
        """The features of REMOTE_LACKS these remote shards lack."""
        offered = set(REMOTE_WITHOUT.values()) - set(self._remote_without().values())
        return [feature for feature in REMOTE_LACKS if feature not in offered]

    def lacks(self, capability: str) -> str | None:
        """Why remote shards lack a capability (REMOTE_LACKS); None when it is offered."""
        without = self._remote_without()
        if capability in without:
            why = REMOTE_LACKS[without[capability]]
            return f"this archive is searched over remote Xapian shards, and {why}"
        return super().lacks(capability)

    def status(self) -> dict[str, Any]:
        """The engine, its shards and (remote) their replicas, and whether phrases are matched
        by pair terms (else by positions, until a rebuild adds them), for `newsindex stats`."""
        pairs = bool(self._read(schema.has_bigrams))
        if self._remote is not None:
            return {
                "engine": self.name,
                "shards": [shard.label for shard in self._remote],
                "mode": "remote",
                "phrase_pairs": pairs,
                "lacks": {feature: REMOTE_LACKS[feature] for feature in self._lacking()},
                # None: counted by match spies on the shards' servers.
                "counters": None if self._counters is None else self._counters.labels,
            }
        return {"engine": self.name, "shards": len(self._dirs), "mode": "local",
                "phrase_pairs": pairs}  # fmt: skip

    # Searching

    def search(self, sq: SearchQuery) -> SearchResults:
        """Run one search: exact counts, facets with their own selections left out, one page."""
        started = time.perf_counter()
        prepared = prepare(sq)

        def attempt(counters: CountServers | None) -> SearchResults:
            """The search, counted by `counters` when given (and able)."""
            return self._read(
                lambda db: Search(
                    db,
                    sq,
                    prepared,
                    started,
                    self._labels,
                    self._local_tables(),
                    self._local.shards,
                    counters and (counters, self._local.stamps),
                ).run()
            )

        if time.monotonic() < self._counters_stale_until:
            return attempt(None)
        try:
            return attempt(self._counters)
        except StaleRevision:
            self._local.opened = -math.inf  # renewed now: the count servers read a newer one
        try:
            return attempt(self._counters)
        except StaleRevision as exc:
            # A count server left behind, or listed for another shard: not asked for a while.
            self._counters_stale_until = time.monotonic() + REMOTE_REFRESH_SECONDS
            log.warning("%s: counting by match spies for %g s", exc, REMOTE_REFRESH_SECONDS)
            return attempt(None)

    def shard_counts(self, sq: SearchQuery, page: PageAsked | None = None) -> ShardCounts:
        """What this local index counts for a search, to be added up with other shards' counts
        (the count server's answer), with the first places of its date-ordered page if asked."""
        if self._remote is not None:
            raise NewsIndexError("Remote shards are counted by their own count servers.")
        prepared = prepare(sq)

        def work(db: xapian.Database) -> ShardCounts:
            """Select over the columns and count."""
            tables = self._shard_tables(self._local.shards)
            search = Search(db, sq, prepared, time.perf_counter(), self._labels, tables,
                            self._local.shards)  # fmt: skip
            base, chosen, final = search.selection(tables)
            counted = count_rows(sq, tables, base, chosen, final)
            counted.stamp = schema.stamp(db)
            if page is not None and not prepared.ranked:
                counted.page = first_places(tables, final, sq.sort, sq.group, *page)
            return counted

        return self._read(work)

    def shard_suggestion(self, word: str, candidates: list[str]) -> dict[str, Any]:
        """Xapian's spelling suggestion for a word from this index's spelling data, with the
        spelling frequency of it and of other candidates: a count server's answer to
        `POST /suggest`."""

        def work(db: xapian.Database) -> dict[str, Any]:
            """Ask the spelling table."""
            found = db.get_spelling_suggestion(word, SPELLING_DISTANCE).decode() or None
            asked = {*candidates, found} - {None}
            return {
                "suggestion": found,
                "frequencies": {w: spelling_frequency(db, w) for w in asked},
            }

        return self._read(work)

    def shard_copies(self, stories: list[str]) -> dict[str, Any]:
        """Each story's first members here (docid and summary, in docid order), its size here,
        and this index's stamp: a count server's answer to `POST /copies`."""

        def work(db: xapian.Database) -> dict[str, Any]:
            """Read each story's postings and members' summary slots."""
            found = {}
            for story in stories:
                members, size, summaries = story_copies(db, story)
                found[story] = {"members": [[d, summaries[d]] for d in members], "size": size}
            return {"stamp": schema.stamp(db), "stories": found}

        return self._read(work)

    def export(self, sq: SearchQuery, cap: int = EXPORT_CAP) -> Export:
        """Every matching article in the query's order, up to `cap` (read as it is consumed)."""
        prepared = prepare(sq)
        # Its own database: the export streams after this call returns.
        shards = self._open_shards() if self._remote is None else None
        db = combine(shards) if shards is not None else self._open_all()
        try:
            tables = self._shard_tables(shards) if shards and self.use_columns else None
            search = Search(db, sq, prepared, time.perf_counter(), {}, tables)
            if tables is not None:
                _base, _chosen, final = search.selection(tables)
                total = int(final.sum())  # what a sample is drawn from
                if sq.sample is not None:
                    final, _pool = sampled(final, sq.sample or 0, sq.seed, sq.group, tables.tables)
                docids = [item[0] for item in search.ordered(tables, final, 0, cap, group=False)]
            else:
                mset = search.enquire(search.final, ranked=prepared.ranked, group=False).get_mset(
                    0, cap, db.get_doccount()
                )
                total = mset.get_matches_estimated()
                docids = [item.docid for item in mset]
        except BaseException:
            db.close()
            raise

        def articles() -> Iterator[Article]:
            """The articles, read in batches from the export's database."""
            try:
                for docid in docids:
                    yield article_of(db.get_document(docid))
            finally:
                db.close()

        return Export(articles(), total)

    def highlight_paragraphs(self, body: str, query_text: str) -> list[str]:
        """The body's paragraphs as safe HTML, with the query's terms marked."""
        return highlight.paragraphs(body, self._terms(query_text), schema.analyzer("body"))

    def snippet_maker(self, query_text: str) -> Callable[[str], str]:
        """A function giving a body's first snippet for the query (its lead when none matches)."""
        terms = self._terms(query_text)
        analyzer = schema.analyzer("body")
        return highlight.first_snippet(terms, analyzer)

    def _terms(self, query_text: str) -> set[str]:
        """The title and body terms of query text (patterns expanded), to mark."""
        try:
            tree = prepare(SearchQuery(text=query_text)).tree
            return self._read(lambda db: to_xapian(tree, db, counts=True).terms)
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
                members = story_members(db, item.term.decode(), item.termfreq)
                first = schema.record(db.get_document(members[0]))
                out.append(
                    {
                        "story_id": first.get("story_id"),
                        "articles": int(item.termfreq),
                        "title": first.get("title"),
                        "copies": [copy_summary(db, d) for d in members],
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
            return [article_of(item.document) for item in enquire.get_mset(0, limit)]

        return self._read(work)


class _BodyTerms(xapian.ExpandDecider):
    """Accepts body terms (unprefixed) for the expansion set of "more like this"."""

    def __call__(self, term: bytes) -> bool:
        return bool(term) and not term[:1].isupper() and len(term) > 2
