"""The `newsindex` CLI, through Flask's runner and as the installed console script."""

from __future__ import annotations

import json
import shutil

import pytest

from indexer.store import IndexStore

from .conftest import ARTICLES, SEEDS, run_cli

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

pytestmark = pytest.mark.slow


def test_rebuild_search_stats_update_with_the_runner(runner, tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["rebuild", "seeds"])
    assert result.exit_code == 0, result.output
    assert "Rebuilt: 5 articles indexed" in result.output
    assert "Story groups: 4; syndicated copies grouped: 1." in result.output
    assert "Skipped 0 files." in result.output

    result = runner.invoke(args=["search", "TikTok", "--json"])
    data = json.loads(result.output)
    assert data["total"] == 5 and data["ok"] is True

    result = runner.invoke(args=["search", "TikTok", "--sort", "newest", "--per-page", "2"])
    assert result.exit_code == 0 and "5 articles match" in result.output
    assert result.output.count("seeds/") == 2

    result = runner.invoke(args=["stats", "--json"])
    stats = json.loads(result.output)
    assert stats["articles"] == 5 and stats["stories"] == 4
    assert stats["largest_stories"][0]["articles"] == 2
    result = runner.invoke(args=["stats"])
    assert "Largest story groups:" in result.output
    assert "2 articles: China gives a wary welcome" in result.output

    result = runner.invoke(args=["update"])  # default path: seeds/
    assert result.exit_code == 0, result.output
    assert "5 files unchanged" in result.output


def test_rebuild_errors_are_clear(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["rebuild", "missing"])
    assert result.exit_code == 1
    assert "No such file or folder: missing" in result.output
    result = runner.invoke(args=["search", "x", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["status"] == 503
    result = runner.invoke(args=["stats"])
    assert result.exit_code == 1 and "newsindex rebuild" in result.output


def test_search_query_error_in_json(runner, tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    runner.invoke(args=["rebuild"])
    result = runner.invoke(args=["search", '"tiktok', "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == {
        "ok": False,
        "status": 400,
        "error": 'Unbalanced quote in query: "tiktok',
    }


def test_console_script_end_to_end(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ARTICLES, tmp_path / "articles")
    index_dir = tmp_path / "idx"
    done = run_cli(["rebuild", "seeds", "articles"], tmp_path, index_dir)
    assert done.returncode == 0, done.stderr
    assert "articles/notes.pdf: unsupported file type .pdf" in done.stdout
    found = run_cli(["search", "Guo Jiakun", "--json"], tmp_path, index_dir)
    assert json.loads(found.stdout)["total"] == 4
    assert (index_dir / "CURRENT").is_file()


def test_second_rebuild_exits_at_once_with_its_own_code(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    index_dir = tmp_path / "idx"
    with IndexStore(index_dir).lock():
        done = run_cli(["rebuild", "seeds"], tmp_path, index_dir)
    assert done.returncode == 75
    assert "Another rebuild or update is running" in done.stderr


@pytest.mark.parametrize("command", ["rebuild", "update", "search", "serve", "stats"])
def test_help_has_an_example(command, tmp_path):
    done = run_cli([command, "--help"], tmp_path, tmp_path / "idx")
    assert done.returncode == 0 and "Example: newsindex" in done.stdout
