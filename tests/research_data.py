"""The research tools' test archive (tests/data/research/wires.jsonl) and its app, built once."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from indexer.pipeline import build_index
from webapp import create_app

from .conftest import DATA, close_app

RESEARCH = DATA / "research"
WIRES = RESEARCH / "wires.jsonl"


def records() -> list[dict]:
    """The archive's records as written in the file."""
    return [json.loads(line) for line in WIRES.read_text().splitlines() if line.strip()]


def mentions(text: str, word: str) -> int:
    """How often a word occurs in a text, counted by a regular expression (case-insensitive)."""
    return len(re.findall(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))


def length(text: str) -> int:
    """Words of a text counted another way: whitespace-separated runs holding a letter or digit."""
    return sum(1 for run in text.split() if any(c.isalnum() for c in run))


_BUILT: dict[str, Path] = {}  # the research index of each engine, built once per session


@pytest.fixture(scope="module")
def research_index(tmp_path_factory: pytest.TempPathFactory, engine_name: str) -> Path:
    """A real index of the research archive (44 wire stories, 13 weeks of 1987), per engine.

    Module-scoped over a session cache, as conftest's built_index is.
    """
    if engine_name not in _BUILT:
        root = tmp_path_factory.mktemp(f"research-{engine_name}")
        shutil.copytree(RESEARCH, root / "research")
        build_index([root / "research"], root / "index", backend=engine_name)
        _BUILT[engine_name] = root / "index"
    return _BUILT[engine_name]


@pytest.fixture
def research_app(research_index: Path, engine_name: str) -> Iterator[Flask]:
    """The app over the research archive, searched by the index's engine."""
    application = create_app({"TESTING": True, "INDEX_DIR": research_index, "BACKEND": engine_name})
    yield application
    close_app(application)


@pytest.fixture
def rclient(research_app: Flask):
    """A test client of the research app."""
    return research_app.test_client()


def all_hits(client, **params) -> list[dict]:
    """Every hit of a search, one per article (no grouping), through /api/search."""
    params = {"group": "none", "per_page": 100, **params}
    data = client.get("/api/search", query_string=params).get_json()
    assert data["ok"], data
    assert data["total"] <= 100
    return data["hits"]
