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
# The engines a module that sets BOTH_ENGINES = True runs on (its tests once per engine);
# NEWSINDEX_TEST_ENGINES=whoosh narrows every run to one.
ENGINES = tuple(
    e for e in os.environ.get("NEWSINDEX_TEST_ENGINES", "whoosh,xapian").split(",") if e
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the tests of modules marked BOTH_ENGINES once per search engine."""
    if "engine" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_ENGINES", False):
        metafunc.parametrize("engine", ENGINES, scope="session")


@pytest.fixture(scope="session")
def engine() -> str:
    """The search engine of the indexes and apps a test uses (whoosh unless parametrized)."""
    return ENGINES[0]


@pytest.fixture(autouse=True)
def _engine_for_the_cli(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The console script run by a test uses the test's engine (NEWSINDEX_BACKEND)."""
    monkeypatch.setenv("NEWSINDEX_BACKEND", engine)


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding copies of the seeds and the test articles (as `seeds/`, `articles/`)."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(ARTICLES, root / "articles")
    return root


@pytest.fixture(scope="session")
def built_index(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """One index over seeds and test articles, built once (per engine) for read-only tests."""
    index_dir = tmp_path_factory.mktemp(f"index-{engine}") / "index"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(corpus_dir)  # labels read `seeds/…` as a user in the project folder sees them
        build_index(["seeds", "articles"], index_dir, backend=engine)
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
def app(built_index: Path, engine: str) -> Iterator[Flask]:
    """The app over the shared read-only index."""
    application = create_app({"TESTING": True, "INDEX_DIR": built_index, "BACKEND": engine})
    yield application
    close_app(application)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the shared app."""
    return app.test_client()


@pytest.fixture
def empty_app(tmp_path: Path, engine: str) -> Iterator[Flask]:
    """An app whose index directory holds nothing yet."""
    application = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "index", "BACKEND": engine})
    yield application
    close_app(application)


@pytest.fixture
def runner(empty_app: Flask) -> FlaskCliRunner:
    """A CLI runner on an app with its own empty index directory."""
    return empty_app.test_cli_runner()
