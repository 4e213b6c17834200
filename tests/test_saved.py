"""Saved searches and alerts through the real CLI (subprocesses), the Flask app and its feeds."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from indexer.backends import backend_class
from indexer.backends.base import SearchQuery
from indexer.pipeline import build_index, update_index
from indexer.store import IndexStore
from webapp import create_app

from .conftest import DATA, SCRIPT, close_app, run_cli

pytestmark = pytest.mark.slow
BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

SAVED = DATA / "saved"
ATOM = "{http://www.w3.org/2005/Atom}"
WORD = re.compile(r"\bcocoa\b", re.IGNORECASE)


class Archive:
    """A corpus folder, an index and a saved-searches file, driven by the `newsindex` script."""

    def __init__(self, root: Path, engine: str) -> None:
        self.root = root
        self.engine = engine
        self.corpus = root / "corpus"
        self.index = root / "index"
        self.saved = root / "saved-searches.json"
        shutil.copytree(SAVED / "first", self.corpus)

    def cli(self, *args: str, **env: str):
        """Run `newsindex ARGS` on this archive."""
        return run_cli(
            list(args),
            self.root,
            self.index,
            NEWSINDEX_SAVED_SEARCHES_FILE=str(self.saved),
            NEWSINDEX_BASE_URL="https://news.example.org",
            NEWSINDEX_BACKEND=self.engine,
            **env,
        )

    def matching(self, text: str, **filters: tuple[str, ...]) -> dict[str, str]:
        """Ids and file names of every article a search matches, read from the index directly."""
        engine = backend_class(self.engine).open(IndexStore(self.index).current())
        try:
            found = engine.export(SearchQuery(text=text, filters=filters, group=False))
            return {a.id: Path(a.file).name for a in found}
        finally:
            engine.close()

    def app(self):
        """The Flask app over this archive."""
        return create_app(
            {
                "TESTING": True,
                "INDEX_DIR": self.index,
                "SAVED_SEARCHES_FILE": self.saved,
                "BASE_URL": "https://news.example.org",
                "BACKEND": self.engine,
            }
        )


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine_name: str) -> Archive:
    """The first batch indexed (by the library: the CLI's rebuild is tested elsewhere)."""
    arc = Archive(tmp_path, engine_name)
    monkeypatch.chdir(tmp_path)  # labels (and ids) as `newsindex update corpus` reads them
    build_index(["corpus"], arc.index, backend=arc.engine)
    return arc


def _save_two(arc: Archive) -> None:
    """`newsindex saved add` two searches, one with a filter."""
    added = arc.cli("saved", "add", "cocoa", "cocoa")
    assert added.returncode == 0, added.stderr
    assert arc.cli("saved", "add", "cocoa-reuters", "cocoa", "--source", "Reuters").returncode == 0


def _later(arc: Archive, cli: bool = False) -> None:
    """Add the later batch to the corpus (and touch an old file), then update the index."""
    for path in (SAVED / "later").iterdir():
        shutil.copy(path, arc.corpus)
    os.utime(arc.corpus / "ghana-crop.json", (2e9, 2e9))  # read again, text unchanged
    if cli:
        updated = arc.cli("update", "corpus")
        assert updated.returncode == 0, updated.stderr
    else:
        update_index(["corpus"], arc.index, backend=arc.engine)


def _save_in_process(arc: Archive, app) -> None:
    """Save the `cocoa` search through the app's own CLI runner (no subprocess)."""
    result = app.test_cli_runner().invoke(args=["saved", "add", "cocoa", "cocoa"])
    assert result.exit_code == 0, result.output


def test_alerts_list_exactly_the_articles_a_later_update_added(archive):
    _save_two(archive)
    assert archive.cli("alerts").stdout == ""  # nothing indexed since the searches were saved
    before = archive.matching("cocoa")
    before_reuters = archive.matching("cocoa", source=("Reuters",))
    _later(archive, cli=True)
    expected = {i: f for i, f in archive.matching("cocoa").items() if i not in before}
    # Counted another way: the later files whose text holds the word.
    by_text = {
        p.name for p in (SAVED / "later").iterdir() if WORD.search(p.read_text(encoding="utf-8"))
    }
    assert set(expected.values()) == by_text and len(by_text) == 3

    text = archive.cli("alerts", "cocoa")
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("cocoa: 3 new articles")
    for article_id in expected:
        assert f"https://news.example.org/article/{article_id}" in text.stdout
    assert "ghana-crop" not in text.stdout and "Ghana" not in text.stdout  # touched, unchanged

    got = archive.cli("alerts", "--json")
    assert got.returncode == 0, got.stderr
    alerts = {a["name"]: a for a in json.loads(got.stdout)["alerts"]}
    assert alerts["cocoa"]["total"] == 0  # reported by the run before
    reuters = alerts["cocoa-reuters"]
    new_reuters = {
        i for i in archive.matching("cocoa", source=("Reuters",)) if i not in before_reuters
    }
    assert {a["id"] for a in reuters["articles"]} == new_reuters and reuters["total"] == 1
    assert all("body" not in a and a["indexed_at"] for a in reuters["articles"])

    again = archive.cli("alerts")
    assert (again.returncode, again.stdout) == (0, "")


def test_alerts_are_not_marked_checked_when_printing_fails(archive):
    _save_two(archive)
    _later(archive)
    saved = archive.saved.read_text()
    env = {
        **os.environ,
        "NEWSINDEX_INDEX_DIR": str(archive.index),
        "NEWSINDEX_SAVED_SEARCHES_FILE": str(archive.saved),
        "NEWSINDEX_BACKEND": archive.engine,
    }
    with open("/dev/full", "w") as full:  # every write fails: as a full disk or a closed pipe
        proc = subprocess.run(
            [str(SCRIPT), "alerts"],
            cwd=archive.root,
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    assert proc.returncode == 1 and "none marked checked" in proc.stderr
    assert archive.saved.read_text() == saved  # nothing recorded
    retry = archive.cli("alerts", "cocoa")
    assert retry.stdout.startswith("cocoa: 3 new articles")  # still new: nothing was delivered


def test_saved_list_rm_and_errors(archive):
    _save_two(archive)
    listed = archive.cli("saved", "list", "--json")
    data = json.loads(listed.stdout)
    assert [s["name"] for s in data["searches"]] == ["cocoa", "cocoa-reuters"]
    assert data["searches"][1]["params"] == [["q", "cocoa"], ["source", "Reuters"]]
    bad = archive.cli("saved", "add", "../etc", "cocoa")
    assert bad.returncode == 1 and "Invalid saved search name" in bad.stderr
    assert not list(archive.root.glob("etc*"))

    app = archive.app()  # the same commands in this process, for the other refusals
    try:
        runner = app.test_cli_runner()

        def run(*args: str):
            return runner.invoke(args=list(args))

        assert 'cocoa-reuters: "cocoa", source Reuters' in run("saved", "list").output
        twice = run("saved", "add", "cocoa", "coffee")
        assert twice.exit_code == 1 and "--replace" in twice.output
        query = run("saved", "add", "broken", '"cocoa')
        assert query.exit_code == 1 and "Unbalanced quote" in query.output
        date = run("saved", "add", "dated", "cocoa", "--from", "1987-13")
        assert date.exit_code == 1 and "Invalid from date" in date.output
        assert run("saved", "add", "cocoa", "coffee", "--replace").exit_code == 0
        listed = json.loads(run("saved", "list", "--json").output)
        assert [s["query"] for s in listed["searches"]] == ["coffee", "cocoa"]
        assert run("saved", "rm", "cocoa").exit_code == 0
        missing = run("saved", "rm", "cocoa")
        assert missing.exit_code == 1 and "No saved search named 'cocoa'" in missing.output
        unknown = run("alerts", "nope")
        assert unknown.exit_code == 1 and "saved list" in unknown.output
    finally:
        close_app(app)


def test_a_damaged_saved_searches_file_is_reported_and_kept(archive):
    archive.saved.write_text("{not json")
    result = archive.cli("saved", "add", "x", "cocoa")
    assert result.returncode == 1 and "is not a saved-searches file" in result.stderr
    assert archive.saved.read_text() == "{not json"  # nothing lost


def test_saved_page_and_feed_show_new_matches_escaped(archive):
    app = archive.app()
    try:
        _save_in_process(archive, app)
        _later(archive)
        client = app.test_client()
        page = client.get("/saved")
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert "<script>alert" not in html
        section = html[html.index('id="saved-cocoa"') :]
        assert "<strong>3</strong> new matches" in section
        new = {
            i
            for i, f in archive.matching("cocoa").items()
            if f in {"cocoa-prices-jump.json", "hostile-title.json", "formula-title.json"}
        }
        for article_id in new:
            assert f"/article/{article_id}?q=cocoa" in section
        # The count links the search page of exactly those articles (its JSON twin checked).
        link = re.search(r'class="saved-count"><a href="([^"]+)"', section).group(1)
        assert "indexed_after=" in link
        twin = client.get("/api/search" + link[1:].replace("&amp;", "&")).get_json()
        assert twin["total"] == 3 and {h["id"] for h in twin["hits"]} == new

        feed = client.get("/feed/cocoa.atom")
        assert feed.status_code == 200
        assert feed.headers["Content-Type"].startswith("application/atom+xml")
        assert b"<script>" not in feed.data
        root = ET.fromstring(feed.data)  # well-formed XML, whatever the titles hold
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == len(archive.matching("cocoa"))
        titles = {
            e.find(f"{ATOM}id").text.rsplit("/", 1)[1]: e.find(f"{ATOM}title").text for e in entries
        }
        hostile = next(i for i, f in archive.matching("cocoa").items() if f == "hostile-title.json")
        stored = client.get(f"/api/articles/{hostile}").get_json()["title"]
        assert titles[hostile] == stored and "]]>" in stored and "&" in stored
        # Most recently indexed first, each entry's time its indexing time, links on BASE_URL.
        times = [e.find(f"{ATOM}updated").text for e in entries]
        assert times == sorted(times, reverse=True)
        assert all(
            link.get("href").startswith("https://news.example.org/")
            for link in root.iter(f"{ATOM}link")
        )
        assert client.get("/feed/nope.atom").status_code == 404
    finally:
        close_app(app)


def test_saved_page_without_saved_searches_says_how_to_add_one(archive):
    app = archive.app()
    try:
        html = app.test_client().get("/saved").get_data(as_text=True)
        assert "No search is saved yet" in html and "newsindex saved add" in html
    finally:
        close_app(app)


def test_an_alert_too_long_to_list_prints_the_export_of_all_its_articles(archive):
    from webapp.saved import saved_store
    from webapp.saved_commands import _export_line

    _save_two(archive)
    before = archive.matching("cocoa", source=("Reuters",))
    _later(archive)
    app = archive.app()
    try:
        saved = saved_store(app).get("cocoa-reuters")
    finally:
        close_app(app)
    line = shlex.split(_export_line(saved))
    assert line[:3] == ["newsindex", "export", "cocoa"] and "--source" in line
    exported = archive.cli(*line[1:], "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    ids = {json.loads(row)["id"] for row in exported.stdout.splitlines()}
    new = {i for i in archive.matching("cocoa", source=("Reuters",)) if i not in before}
    assert ids == new and len(new) == 1
