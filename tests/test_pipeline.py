"""Rebuilds and updates end to end on real files and real Whoosh indexes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from functools import partial

import pytest

from indexer import live, pipeline
from indexer.backends.base import SearchQuery
from indexer.backends.whoosh.backend import WhooshBackend
from indexer.errors import NewsIndexError
from indexer.live import LiveIndex
from indexer.pipeline import build_index, update_index
from indexer.store import IndexStore

from .conftest import ARTICLES, SEEDS, run_cli


@pytest.fixture
def work(tmp_path, monkeypatch, engine_name):
    """A project-like folder with seeds/ and articles/, as the working directory.

    The module's build_index, update_index and LiveIndex use the test's engine.
    """
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ARTICLES, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "build_index", partial(pipeline.build_index, backend=engine_name))
    monkeypatch.setattr(module, "update_index", partial(pipeline.update_index, backend=engine_name))
    monkeypatch.setattr(module, "LiveIndex", partial(live.LiveIndex, backend=engine_name))
    return tmp_path


def _search(index_dir, text="", **kwargs):
    """Run one search on the current generation (every article, copies not folded)."""
    kwargs.setdefault("group", False)
    live = LiveIndex(index_dir)
    try:
        return live.backend().search(SearchQuery(text=text, **kwargs))
    finally:
        live.close()


def test_rebuild_indexes_seeds_and_reports(work):
    report = build_index(["seeds"], work / "index")
    assert report.indexed == 5
    assert (report.stories, report.copies) == (4, 1)
    assert report.skipped == []
    assert report.generation
    results = _search(work / "index", "TikTok")
    assert results.total == 5
    assert {h.article.file for h in results.hits} == {f"seeds/{name}" for name in os.listdir(SEEDS)}


def test_rebuild_reports_skipped_files_and_keeps_going(work):
    report = build_index(["articles"], work / "index")
    reasons = {s.file: s.reason for s in report.skipped}
    assert reasons["articles/notes.pdf"] == "unsupported file type .pdf"
    assert "articles/export.jsonl:4" in reasons
    assert report.indexed >= 6


@pytest.mark.slow
def test_failed_rebuild_leaves_the_old_index_serving(work):
    build_index(["seeds"], work / "index")
    before = _search(work / "index").total
    (work / "junk").mkdir()
    (work / "junk" / "a.pdf").write_text("nothing")
    with pytest.raises(NewsIndexError, match="Nothing could be indexed"):
        build_index(["junk"], work / "index")
    with pytest.raises(NewsIndexError, match="No such file"):
        build_index(["missing"], work / "index")
    assert _search(work / "index").total == before == 5


def test_update_adds_changes_and_removes(work):
    build_index(["seeds", "articles"], work / "index")
    total = _search(work / "index").total
    (work / "articles" / "new.txt").write_text(
        "Ferry service resumes\n\nHELSINKI, May 2 (Reuters) - The ferry resumed sailing.\n"
    )
    cocoa = work / "articles" / "wire-cocoa.txt"
    cocoa.write_text(cocoa.read_text().replace("Cocoa arrivals", "Cocoa deliveries"))
    os.utime(cocoa, (1, 1))
    (work / "articles" / "single.json").unlink()
    report = update_index(["articles"], work / "index")
    assert report.indexed == 2  # new.txt and the changed wire story
    assert report.removed == 1  # single.json is gone
    assert _search(work / "index").total == total + 1 - 1
    assert _search(work / "index", "ferry").total == 1
    assert _search(work / "index", "deliveries").total == 1
    assert _search(work / "index", '"library opens late"').total == 0
    assert _search(work / "index", "TikTok").total == 5  # seeds were outside the update's paths


def _contents(folder):
    """Every file of a folder: name -> (inode, bytes)."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in folder.iterdir()}


def test_update_shares_unchanged_files_and_leaves_the_previous_generation_intact(work):
    build_index(["seeds", "articles"], work / "index")
    total = _search(work / "index").total
    store = IndexStore(work / "index")
    previous = store.current()
    before = _contents(previous)
    (work / "articles" / "single.json").unlink()  # a deletion in an existing segment
    (work / "articles" / "new.txt").write_text(
        "Ferry service resumes\n\nHELSINKI, May 2 (Reuters) - The ferry resumed sailing.\n"
    )
    update_index(["articles"], work / "index")
    assert store.current() != previous
    assert _contents(previous) == before  # nothing written through a shared file
    shared = {
        n for n, (inode, _) in _contents(store.current()).items() if before.get(n, (0,))[0] == inode
    }
    assert any(name.endswith(".seg") for name in shared)  # linked, not copied
    engine = WhooshBackend.open(previous)  # the previous generation, kept for a rollback
    try:
        assert engine.count() == total
        assert engine.search(SearchQuery(text="ferry")).total == 0
    finally:
        engine.close()


def test_update_without_an_index_says_to_rebuild(work):
    with pytest.raises(NewsIndexError, match="newsindex rebuild"):
        update_index(["seeds"], work / "index")


def test_update_groups_a_new_copy_with_its_indexed_story(work):
    (work / "more").mkdir()
    shutil.move(work / "seeds" / "000-reuters-rednote-wary-welcome.txt", work / "more" / "wire.txt")
    build_index(["seeds", "more"], work / "index")
    assert _search(work / "index", "TikTok", group=True).total == 5
    (work / "more" / "wire.txt").unlink()
    report = update_index(["more"], work / "index")
    assert report.removed == 1 and (report.stories, report.copies) == (4, 0)
    shutil.copy(SEEDS / "000-reuters-rednote-wary-welcome.txt", work / "more" / "again.txt")
    report = update_index(["more"], work / "index")
    assert report.indexed == 1 and (report.stories, report.copies) == (4, 1)
    grouped = _search(work / "index", "TikTok", group=True)
    assert (grouped.total, grouped.stories, len(grouped.hits)) == (5, 4, 4)
    again = next(
        h.article for h in _search(work / "index", "TikTok").hits if "again" in h.article.file
    )
    assert again.date.iso() == "2025-01-15" and again.provenance["date"] == "copy"
    assert again.byline == ["Brenda Goh"]


@pytest.mark.slow
def test_a_large_rebuild_is_written_by_several_processes_with_the_same_results(work, monkeypatch):
    from indexer import workers

    build_index(["seeds", "articles"], work / "single")
    monkeypatch.setattr(workers, "PARALLEL_FROM", 5)  # the seeds and articles count as large
    build_index(["seeds", "articles"], work / "parallel")
    engines = {}
    for name in ("single", "parallel"):
        engines[name] = WhooshBackend.open(IndexStore(work / name).current())
    try:
        segments = {n: len(e._get_searcher().subsearchers or [1]) for n, e in engines.items()}
        assert segments["single"] == 1 < segments["parallel"]
        assert engines["single"].count() == engines["parallel"].count()
        for text in ("", "TikTok", "cocoa OR ferry", '"social media"', "source:reuters"):
            sq = SearchQuery(text=text, group=False, per_page=50)
            one, many = engines["single"].search(sq), engines["parallel"].search(sq)
            assert one.total == many.total
            assert sorted(h.article.id for h in one.hits) == sorted(h.article.id for h in many.hits)
            assert one.facets == many.facets
    finally:
        for engine in engines.values():
            engine.close()


@pytest.mark.slow
def test_a_pool_of_processes_normalises_like_one_process(work, monkeypatch):
    from indexer import pipeline, workers
    from indexer.loaders import discover
    from indexer.models import BuildReport

    def load() -> tuple[list, BuildReport]:
        found, skipped = discover(["seeds", "articles"])
        report = BuildReport(skipped=list(skipped))
        return pipeline.load_articles(found, report), report

    alone, alone_report = load()
    monkeypatch.setattr(workers, "PARALLEL_FROM", 3)  # a pool from the second batch on
    monkeypatch.setattr(pipeline, "NORMALISE_BATCH", 2)
    pooled, pooled_report = load()
    assert [a.to_dict() for a in pooled] == [a.to_dict() for a in alone]
    assert [a.origin for a in pooled] == [a.origin for a in alone]
    assert pooled_report.skipped == alone_report.skipped
    assert pooled_report.cleaned == alone_report.cleaned
    assert len(alone) >= 10 and alone_report.skipped  # real work, bad files included


# Updates that used to lose or duplicate articles (issue 18, items 1 to 3).


@pytest.mark.slow
def test_update_with_previous_a_folder_publishes_and_keeps_serving(work):
    build_index(["seeds"], work / "index")
    store = IndexStore(work / "index")
    (store.root / "PREVIOUS").unlink()
    (store.root / "PREVIOUS").mkdir()
    report = update_index(["seeds"], work / "index")
    assert store.current().name == report.generation  # the new generation was not deleted
    assert _search(work / "index").total == report.unchanged == len(list(SEEDS.iterdir()))


@pytest.mark.parametrize("pointer", ["", "..", "/etc", "g-missing", "{good}\nextra", "generations"])
def test_update_on_a_damaged_pointer_touches_no_generation(work, pointer):
    build_index(["seeds"], work / "index")
    build_index(["seeds"], work / "index")
    store = IndexStore(work / "index")
    before = sorted(p.name for p in store.generations_dir.iterdir())
    (store.root / "CURRENT").write_text(pointer.format(good=store.current_name()))
    with pytest.raises(NewsIndexError, match="newsindex rebuild"):
        update_index(["seeds"], work / "index")
    assert sorted(p.name for p in store.generations_dir.iterdir()) == before


def test_update_of_the_working_folder_keeps_files_given_from_outside_it(work, monkeypatch):
    feed = work / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"title": f"Feed item {n}", "body": f"Cocoa shipment number {n} left."})
            + "\n"
            for n in range(3)
        )
    )
    monkeypatch.chdir(work / "seeds")
    build_index([".", "../feed.jsonl"], work / "index")
    report = update_index(["."], work / "index")
    assert report.removed == 0 and report.indexed == 0
    assert _search(work / "index", '"Feed item"').total == 3


def test_update_through_another_spelling_of_the_folder_adds_no_duplicate(work):
    build_index(["seeds"], work / "index")
    total = _search(work / "index").total
    report = update_index([str(work / "seeds")], work / "index")
    assert (report.indexed, report.removed, report.unchanged) == (0, 0, total)
    assert _search(work / "index").total == total


def test_an_update_removing_most_of_the_archive_asks_for_allow_mass_delete(work):
    build_index(["seeds"], work / "index")
    total = _search(work / "index").total
    for path in (work / "seeds").iterdir():
        path.unlink()  # an unmounted share looks like this
    with pytest.raises(NewsIndexError, match="--allow-mass-delete") as exc:
        update_index(["seeds"], work / "index")
    assert f"remove {total} of the {total}" in str(exc.value)
    assert _search(work / "index").total == total
    report = update_index(["seeds"], work / "index", allow_mass_delete=True)
    assert report.removed == total and _search(work / "index").total == 0


_FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))
from webapp.commands import cli

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)
sys.argv = ["newsindex", *sys.argv[1:]]
cli()
"""


@pytest.mark.slow
def test_a_file_system_refusing_writes_ends_in_one_line_and_keeps_the_index(work):
    build_index(["seeds"], work / "index")
    served = IndexStore(work / "index").current_name()
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": str(work / "index")}
    for command in (["rebuild", "seeds", "articles"], ["update", "articles"]):
        done = subprocess.run(
            [sys.executable, "-c", _FULL_DISK, *command],
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "File too large" in errors[0], done.stderr
        assert errors[0].endswith("The served index is unchanged.")
        assert IndexStore(work / "index").current_name() == served
    assert len(list(IndexStore(work / "index").generations_dir.iterdir())) == 1


@pytest.mark.slow
def test_the_cli_update_stops_a_mass_delete_and_allows_it_when_asked(work):
    build_index(["seeds"], work / "index")
    total = _search(work / "index").total
    for path in (work / "seeds").iterdir():
        path.unlink()

    def update(*args: str) -> subprocess.CompletedProcess[str]:
        """Run `newsindex update` on the work folder."""
        return run_cli(["update", *args, "seeds"], work, work / "index", timeout=300)

    refused = update()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "run `newsindex update --allow-mass-delete`" in refused.stderr
    allowed = update("--allow-mass-delete")
    assert allowed.returncode == 0, allowed.stderr
    assert f"Removed {total} articles" in allowed.stdout


def test_a_new_copy_rewrites_no_indexed_article_of_its_story(work):
    # The documents hold their story's id, not its members: a copy joining a story (which
    # keeps its id) must not rewrite the story's indexed articles (1,155 of them, 100 files).
    from indexer.loaders import discover
    from indexer.models import BuildReport
    from indexer.pipeline import _regroup, load_articles
    from indexer.syndication import StoryGrouper

    build_index(["seeds"], work / "index")
    (work / "more").mkdir()
    shutil.copy(SEEDS / "000-reuters-rednote-wary-welcome.txt", work / "more" / "again.txt")
    generation = IndexStore(work / "index").current()
    engine = WhooshBackend.open(generation)
    try:
        grouper = StoryGrouper.load(generation)
        story = grouper.story_of(
            engine.ids_for_files([str(work / "seeds" / "000-reuters-rednote-wary-welcome.txt")])[0]
        )
        found, _ = discover(["more"])
        articles = load_articles(found, BuildReport())
        assert _regroup(engine, grouper, articles) == []
        assert articles[0].story_id == story
        assert len(grouper.story(story).members) == 3
    finally:
        engine.close()
    report = update_index(["more"], work / "index")
    assert (report.stories, report.copies) == (4, 2)
    grouped = _search(work / "index", "TikTok", group=True)
    assert (grouped.total, grouped.stories) == (6, 4)
