"""Load, normalise and index articles into a new generation, then swap it in."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from indexer import stamps
from indexer.backends import backend_class
from indexer.backends.base import SearchBackend, SearchQuery
from indexer.errors import IndexWriteError, NewsIndexError, SkipArticle
from indexer.loaders import DEFAULT_MAX_BYTES, FoundFile, discover, read_file
from indexer.models import Article, BuildReport, Cleaned, RawRecord, Skipped
from indexer.store import IndexStore
from indexer.workers import processes_for

# The normaliser and the story grouper are imported by the functions that use them: together
# they take about 1 s to import (datasketch brings scipy), which `newsindex serve`, `search`
# and `stats` would pay at start for nothing.
if TYPE_CHECKING:
    from indexer.syndication import StoryGrouper

log = logging.getLogger(__name__)

NORMALISE_BATCH = 2_000  # records read before they are normalised together

T = TypeVar("T")
Progress = Callable[[Sequence[T]], Iterable[T]]


def _no_progress(items: Sequence[T]) -> Iterable[T]:
    """Iterate without showing progress."""
    return items


def load_articles(
    found: Sequence[FoundFile],
    report: BuildReport,
    progress: Progress[FoundFile] = _no_progress,
    fingerprints: Fingerprints | None = None,
) -> list[Article]:
    """Read and normalise every found file; bad files and records go to the report, never abort.

    With `fingerprints` (article id -> MinHash values and size), each kept article's body is
    also fingerprinted for the story grouping, in the normalising processes.
    """
    articles: list[Article] = []
    first_file: dict[str, str] = {}
    batch: list[RawRecord] = []
    with _Normaliser(fingerprints is not None) as normaliser:

        def take(batch: list[RawRecord]) -> None:
            """Normalise a batch of records (in order) and keep the articles."""
            outcomes = normaliser.run(batch)
            for record, (article, notes, problem, sketch) in zip(batch, outcomes, strict=True):
                if article is None:
                    report.skipped.append(Skipped(record.file, problem))
                elif article.id in first_file:
                    first = first_file[article.id]
                    report.skipped.append(
                        Skipped(record.file, f"duplicate id {article.id} (first in {first})")
                    )
                else:
                    first_file[article.id] = record.file
                    report.cleaned.extend(
                        Cleaned(record.file, note) for note in [*record.notes, *notes]
                    )
                    articles.append(article)
                    if fingerprints is not None and sketch is not None:
                        fingerprints[article.id] = sketch

        for item in progress(found):
            try:
                records = list(read_file(item))
            except Exception as exc:  # a reader that trips on a hostile file must not stop it
                log.exception("reader failed on %s", item.file)
                report.skipped.append(
                    Skipped(item.file, f"could not be read: {exc.__class__.__name__}: {exc}")
                )
                continue
            for record in records:
                if isinstance(record, Skipped):
                    report.skipped.append(record)
                else:
                    batch.append(record)
            if len(batch) >= NORMALISE_BATCH:
                take(batch)
                batch = []
        take(batch)
    return articles


Fingerprint = tuple[Any, int]  # a body's MinHash values (numpy) and its distinct shingles
Fingerprints = dict[str, Fingerprint]
# The article and its notes, or why it is skipped; and the body's fingerprint when asked for.
Outcome = tuple[Article | None, list[str], str, Fingerprint | None]


def _normalise_one(record: RawRecord, fingerprint: bool = False) -> Outcome:
    """One record normalised and cleaned (and fingerprinted), or the reason it is skipped."""
    from indexer.normalize import normalize_record

    try:
        article, notes = normalize_record(record)
    except SkipArticle as exc:
        return None, [], str(exc), None
    except Exception as exc:  # one odd article must not stop the build
        log.exception("normaliser failed on %s", record.file)
        return None, [], f"normaliser failed: {exc.__class__.__name__}: {exc}", None
    if not fingerprint:
        return article, notes, "", None
    from indexer.syndication import fingerprint_body

    return article, notes, "", fingerprint_body(article.body)


def _normalise_and_fingerprint(record: RawRecord) -> Outcome:
    """`_normalise_one` with the body's fingerprint (a picklable function for the pool)."""
    return _normalise_one(record, True)


class _Normaliser:
    """Normalises records in this process, or in a pool of processes once a build is large.

    Normalising is a third of a 100k rebuild and runs before the index writer can start (the
    story grouping needs every article), so on a multi-core machine it is spread over the cores.
    The bodies' fingerprints for the grouping are taken there too, beside the normalising.
    """

    def __init__(self, fingerprint: bool = False) -> None:
        self._seen = 0
        self._pool: Any = None
        self._one = _normalise_and_fingerprint if fingerprint else _normalise_one

    def __enter__(self) -> _Normaliser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()

    def run(self, records: list[RawRecord]) -> list[Outcome]:
        """The outcomes of the records, in their order."""
        self._seen += len(records)
        processes = processes_for(self._seen)
        if self._pool is None and processes > 1:
            import multiprocessing

            # fork: the workers start at once with the normaliser already imported.
            self._pool = multiprocessing.get_context("fork").Pool(processes=processes)
        if self._pool is None:
            return [self._one(record) for record in records]
        return self._pool.map(self._one, records, chunksize=64)


def _years_in(backend: SearchBackend, articles: Sequence[Article]) -> set[int]:
    """The years the indexed collection shows, if an article needs them to place its date."""
    if not any(a.date is not None and a.date.year is None for a in articles):
        return set()  # nothing to resolve: skip reading every month of the collection
    results = backend.search(
        SearchQuery(per_page=1, snippets=0, facet_limit=100_000, histogram=False, suggest=False)
    )
    return {int(f.value[:4]) for f in results.facets.get("month", [])}


def _verify(backend: SearchBackend, expected: int) -> None:
    """Check a freshly written generation before it is served."""
    count = backend.count()
    if count != expected:
        raise NewsIndexError(
            f"New index holds {count} articles, expected {expected}; not swapped in."
        )
    probe = SearchQuery(per_page=1, snippets=0, facets=False, histogram=False, suggest=False)
    if expected and backend.search(probe).total < 1:
        raise NewsIndexError("New index answers no probe search; not swapped in.")


def _drop_taken_ids(
    engine: SearchBackend, articles: list[Article], report: BuildReport
) -> list[Article]:
    """Skip new articles whose id another file already holds in the index."""
    kept = []
    for article in articles:
        other = engine.get(article.id)
        if other is not None:
            report.skipped.append(
                Skipped(article.file, f"duplicate id {article.id} (first in {other.file})")
            )
        else:
            kept.append(article)
    return kept


def _regroup(
    engine: SearchBackend, grouper: StoryGrouper, articles: list[Article]
) -> list[Article]:
    """Group new articles with the indexed ones; the indexed articles whose story changed."""
    from indexer.syndication import fill_from_copies, group_articles

    by_id = {a.id: a for a in articles}
    rewrite: dict[str, Article] = {}
    for group in group_articles(articles, grouper):
        if len(group.members) < 2:
            continue
        stored = [a for m in group.members if m not in by_id and (a := engine.get(m))]
        # New copies may fill an indexed article's gaps, as indexed ones fill theirs.
        filled = set(fill_from_copies([*(by_id[m] for m in group.members if m in by_id), *stored]))
        rewrite.update({a.id: a for a in stored if a.id in filled})
    # Only an article whose story id changed is written again: its document holds the id, not
    # the other members, so a story that gains a copy leaves its indexed articles as they are.
    for article_id in grouper.moved() - by_id.keys():
        article = rewrite.get(article_id) or engine.get(article_id)
        if article is not None:
            article.join_story(grouper.story_of(article_id))
            rewrite[article_id] = article
    return list(rewrite.values())


def _story_counts(grouper: StoryGrouper) -> tuple[int, int]:
    """Stories in the index, and articles that are copies of another (syndicated copies)."""
    groups = grouper.groups()
    return len(groups), sum(len(g.members) - 1 for g in groups)


def _resolved(origin: str) -> str:
    """An indexed file's origin as a resolved path (indexes before 0.x stored relative ones)."""
    return origin if os.path.isabs(origin) else os.path.realpath(origin)


def _under(path: str, roots: Sequence[str]) -> bool:
    """Whether a resolved path is one of the resolved roots or lies inside one."""
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


@dataclass(slots=True)
class _Build:
    """What the shared prologue prepared: the store, the new generation and the found files."""

    store: IndexStore
    generation: Path
    found: list[FoundFile]
    report: BuildReport
    started: float


@contextmanager
def _building(
    paths: Sequence[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str],
    *,
    action: str,
    max_bytes: int,
    needs_index: bool,
) -> Iterator[_Build]:
    """The prologue and failure path of every build: lock, checks, a new generation, the files.

    A failure before the swap discards the new generation (never the one CURRENT names); a file
    system fault (disk full, read-only) becomes one line saying the served index is unchanged.
    """
    store = IndexStore(index_dir)
    report = BuildReport()
    started = time.perf_counter()
    try:
        with store.lock():
            if needs_index:
                store.check_pointer()  # before anything is pruned or copied
            store.clear_leftovers()
            found, skipped = discover(paths, max_bytes=max_bytes)
            report.skipped.extend(skipped)
            generation = store.new_generation()
            try:
                yield _Build(store, generation, found, report, started)
            except BaseException:
                store.discard(generation)
                raise
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise IndexWriteError(
            f"{action} stopped: {exc.strerror or exc}{where}. The served index is unchanged."
        ) from exc


def _publish(build: _Build, engine: SearchBackend, expected: int, grouper: StoryGrouper) -> None:
    """Finish a generation (caches, checks, stories), swap it in and complete the report."""
    engine.write_caches()  # before publish, which flushes the generation to disk
    _verify(engine, expected)
    engine.close()
    grouper.save(build.generation)
    build.store.publish(build.generation)
    type(engine).published(build.store.root, build.generation)
    report = build.report
    report.stories, report.copies = _story_counts(grouper)
    report.generation = build.generation.name
    report.seconds = time.perf_counter() - build.started


def build_index(
    paths: Sequence[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str],
    *,
    backend: str = "whoosh",
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress[FoundFile] = _no_progress,
    shards: int = 1,
) -> BuildReport:
    """Build a fresh index from `paths` and swap it in; the old one serves until the swap.

    `shards` > 1 splits the index into that many shard databases (engines that shard only).
    """
    from indexer.normalize import resolve_years
    from indexer.syndication import StoryGrouper, group_articles

    engine_class = backend_class(backend)
    if shards != 1 and not engine_class.shardable:
        raise NewsIndexError(
            f"The {backend} backend keeps one index; --shards needs NEWSINDEX_BACKEND=xapian."
        )
    with _building(
        paths, index_dir, action="Rebuild", max_bytes=max_bytes, needs_index=False
    ) as build:
        report = build.report
        fingerprints: Fingerprints = {}
        articles = load_articles(build.found, report, progress, fingerprints)
        if not articles:
            given = ", ".join(os.fspath(p) for p in paths)
            lines = [f"  {s.file}: {s.reason}" for s in report.skipped[:10]]
            if len(report.skipped) > 10:
                lines.append(f"  … and {len(report.skipped) - 10} more")
            raise NewsIndexError(
                f"Nothing could be indexed from {given}: {len(report.skipped)} skipped\n"
                + "\n".join(lines)
                + "\nThe current index is unchanged."
            )
        # Copies first: a year or byline a copy states is better evidence than a weekday.
        grouper = StoryGrouper()
        group_articles(articles, grouper, fingerprints)
        del fingerprints
        resolve_years(articles)
        stamps.stamp(articles, stamps.previous_times(build.store, backend), stamps.now())
        engine = (
            engine_class.create(build.generation)
            if shards == 1
            else engine_class.create_shards(build.generation, shards)
        )
        engine.add(articles)
        _publish(build, engine, len(articles), grouper)
    report.indexed = len(articles)
    return report


def update_index(
    paths: Sequence[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str],
    *,
    backend: str = "whoosh",
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress[FoundFile] = _no_progress,
    allow_mass_delete: bool = False,
) -> BuildReport:
    """Index new and changed files under `paths`, drop articles whose files are gone; then swap.

    Files are matched by their resolved path, however the paths are spelt. An update that would
    remove more than half of the index (an unmounted share) stops unless `allow_mass_delete`.
    """
    from indexer.normalize import resolve_years
    from indexer.syndication import StoryGrouper

    with _building(
        paths, index_dir, action="Update", max_bytes=max_bytes, needs_index=True
    ) as build:
        report, found, generation = build.report, build.found, build.generation
        engine_class = backend_class(backend)
        if engine_class.rewrites_files:  # its files change in place: copies, not hard links
            engine_class.copy_generation(build.store.current(), generation)
        else:
            build.store.copy_generation(build.store.current(), generation)
        engine = engine_class.open(generation)
        try:
            stored = {_resolved(o): (o, t) for o, t in engine.files().items()}
            changed = [f for f in found if stored.get(f.origin, ("", None))[1] != f.mtime()]
            roots = [os.path.realpath(p) for p in paths]
            have = {f.origin for f in found}
            gone = [
                o for real, (o, _) in stored.items() if real not in have and _under(real, roots)
            ]
            gone_ids = engine.ids_for_files(gone) if gone else []
            if gone_ids and not allow_mass_delete:
                _refuse_mass_delete(engine.count(), len(gone_ids), paths)
            stale_files = [stored[f.origin][0] for f in changed if f.origin in stored]
            stale = engine.ids_for_files(stale_files) if stale_files else []
            grouper = StoryGrouper.load(generation)
            articles = load_articles(changed, report, progress)
            replaced = stamps.known_times(a for i in stale if (a := engine.get(i)))
            stamps.stamp(articles, replaced, stamps.now())
            engine.delete(stale + gone_ids)
            for article_id in stale + gone_ids:
                with suppress(KeyError):  # an id the grouper never saw has nothing to undo
                    grouper.remove(article_id)
            articles = _drop_taken_ids(engine, articles, report)
            regrouped = _regroup(engine, grouper, articles)
            resolve_years(articles, _years_in(engine, articles))
            before = engine.count()
            engine.add(articles + regrouped)
        except BaseException:
            engine.close()
            raise
        _publish(build, engine, before + len(articles), grouper)
    report.indexed = len(articles)
    report.removed = len(gone_ids)
    report.unchanged = len(found) - len(changed)
    return report


def _refuse_mass_delete(total: int, removing: int, paths: Sequence[str | os.PathLike[str]]) -> None:
    """Stop an update that would remove more than half of the index (an unmounted share)."""
    if removing * 2 <= total:
        return
    given = ", ".join(os.fspath(p) for p in paths)
    raise NewsIndexError(
        f"This update would remove {removing} of the {total} indexed articles: their files are "
        f"gone from {given}. If a folder is unmounted or was moved, mount it and run the update "
        "again; if the files were removed on purpose, run `newsindex update "
        "--allow-mass-delete` (or rebuild). The served index is unchanged."
    )


def index_stats(backend: SearchBackend, store: IndexStore) -> dict[str, Any]:
    """Articles, sources, date range and size of the current index."""
    results = backend.search(
        SearchQuery(per_page=1, snippets=0, facet_limit=100_000, histogram=False, suggest=False)
    )
    months = sorted(f.value for f in results.facets.get("month", []))
    return {
        "articles": backend.count(),
        "sources": [f.to_dict() for f in results.facets.get("source", [])],
        "date_range": {"first": months[0], "last": months[-1]} if months else None,
        "undated": results.total - sum(f.count for f in results.facets.get("month", [])),
        "index_dir": str(store.root),
        "stories": results.stories,
        "largest_stories": backend.largest_stories(10),
        "generation": store.current_name(),
        "size_bytes": store.size_bytes() if store.current_name() else None,  # None: remote
    }
