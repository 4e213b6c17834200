"""Chinese and mixed articles end to end: index, aliases, phrases, highlights, language facet."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.pipeline import build_index
from webapp import create_app

from .conftest import DATA, SEEDS

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)


@pytest.fixture(scope="module")
def zh_app(tmp_path_factory: pytest.TempPathFactory, engine_name: str) -> Iterator[Flask]:
    """An app over the seeds and the Chinese test articles."""
    root = tmp_path_factory.mktemp("zh")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(DATA / "chinese", root / "chinese")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        build_index(["seeds", "chinese"], root / "index", backend=engine_name)
    app = create_app({"TESTING": True, "INDEX_DIR": root / "index", "BACKEND": engine_name})
    yield app
    app.extensions["newsindex"].close()


@pytest.fixture
def zh(zh_app: Flask) -> FlaskClient:
    """A client of the Chinese app."""
    return zh_app.test_client()


def _files(client: FlaskClient, query: str, extra: str = "") -> set[str]:
    """Names of the files of every article matching a query."""
    data = client.get(f"/api/search?q={query}&group=none&per_page=100{extra}").get_json()
    return {Path(h["file"]).name for h in data["hits"]}


@pytest.mark.parametrize("name", ["RedNote", "Xiaohongshu", "小红书", "rednote"])
def test_every_name_finds_the_chinese_and_the_english_article(zh, name):
    found = _files(zh, name)
    assert {"rednote-zh.txt", "rednote-en.txt"} <= found
    assert "bookbag-zh.txt" not in found  # 小红 … 红书包 is not 小红书


def test_aliases_are_reported_and_can_be_turned_off(zh):
    data = zh.get("/api/search?q=小红书").get_json()
    assert data["aliases"] is True and "RedNote" in data["aliases_added"]
    assert "rednote-en.txt" not in _files(zh, "小红书", "&aliases=0")
    assert "rednote-zh.txt" in _files(zh, "小红书", "&aliases=0")
    page = zh.get("/?q=小红书").get_data(as_text=True)
    assert "Also searched for the same names" in page and "aliases=0" in page


def test_chinese_phrase_matches_only_the_article_holding_it(zh):
    assert _files(zh, '"新书包"') == {"bookbag-zh.txt"}
    assert _files(zh, '"免费下载榜"', "&aliases=0") == {"rednote-zh.txt"}


def test_snippets_mark_whole_chinese_words(zh):
    data = zh.get("/api/search?q=小红书&aliases=0&group=none").get_json()
    hit = next(h for h in data["hits"] if h["file"].endswith("rednote-zh.txt"))
    assert any("<mark>小红书</mark>" in s for s in hit["snippets"])
    assert not any("<mark>小红</mark>" in s for s in hit["snippets"])


def test_english_stemming_inside_mixed_text(zh):
    assert "rednote-mixed.json" in _files(zh, "refugee")


def test_language_facet_and_chinese_dates(zh):
    data = zh.get("/api/search?group=none&per_page=100").get_json()
    languages = {f["value"]: f["count"] for f in data["facets"]["language"]}
    assert languages["zh"] >= 3 and languages["en"] >= 5
    only_zh = zh.get("/api/search?language=zh&group=none&per_page=100").get_json()
    assert {Path(h["file"]).name for h in only_zh["hits"]} >= {"rednote-zh.txt", "bookbag-zh.txt"}
    article = next(h for h in only_zh["hits"] if h["file"].endswith("rednote-zh.txt"))
    assert article["date"] == "2025-01-15"
