"""Shared fixtures: real indexes built from seeds/ and tests/data/, the app, client and runner."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from indexer.pipeline import build_index
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding copies of the seeds and the test articles (as `seeds/`, `articles/`)."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(ARTICLES, root / "articles")
    return root


@pytest.fixture(scope="session")
def built_index(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index over seeds and test articles, built once for read-only tests."""
    index_dir = tmp_path_factory.mktemp("index") / "index"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(corpus_dir)  # labels read `seeds/…` as a user in the project folder sees them
        build_index(["seeds", "articles"], index_dir)
    return index_dir


SCRIPT = Path(sys.executable).with_name("newsindex")  # the installed console script


def free_port(host: str = "127.0.0.1") -> int:
    """A free TCP port on a loopback address."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def run_cli(
    args: list[str], cwd: Path, index_dir: Path, *, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the installed `newsindex` console script as a user does, on its own index folder."""
    environ = {**os.environ, "NEWSINDEX_INDEX_DIR": str(index_dir), **env}
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def close_app(app: Flask) -> None:
    """Close the app's open index (tests run with ResourceWarning as an error)."""
    live = app.extensions.get("newsindex")
    if live is not None:
        live.close()


@pytest.fixture
def app(built_index: Path) -> Iterator[Flask]:
    """The app over the shared read-only index."""
    application = create_app({"TESTING": True, "INDEX_DIR": built_index})
    yield application
    close_app(application)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the shared app."""
    return app.test_client()


@pytest.fixture
def empty_app(tmp_path: Path) -> Iterator[Flask]:
    """An app whose index directory holds nothing yet."""
    application = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "index"})
    yield application
    close_app(application)


@pytest.fixture
def runner(empty_app: Flask) -> FlaskCliRunner:
    """A CLI runner on an app with its own empty index directory."""
    return empty_app.test_cli_runner()
