"""Cleaning removes only real markup: Reuters company names and angle-bracket text survive."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.loaders import discover, read_file
from indexer.models import RawRecord
from indexer.normalize import normalize_record
from indexer.normalize.clean import is_markup, strip_markup

DATA = Path(__file__).resolve().parent / "data" / "markup"
SCRIPT = Path(sys.executable).parent / "newsindex"


@pytest.mark.parametrize(
    "text",
    [
        "<MULTI-STEP PRODUCTS INC> SIX MTHS DEC 31 LOSS",
        "<TIME INC> TO BUY <SMALL BUSINESS PRESS CORP> STAKE",
        "<Time Inc> said it agreed",
        "<CENTER FINANCIAL CORP> 1ST QTR NET",
        "a < b and c > d",
        "<Reuters>",
        "DU PONT CO <DD> LAUNCHES IMPROVED ARAMID FIBERS",
        "TWA <TWA> MAKES MERGER OFFER FOR USAIR <U>",
        "DU PONT <DD> WINS SUIT AGAINST PHILLIPS <P>",
    ],
)
def test_text_in_angle_brackets_is_kept(text: str) -> None:
    assert strip_markup(text) == (text, [])


@pytest.mark.parametrize(
    ("text", "plain", "removed"),
    [
        ("<b>Port strike</b> halts cargo", "Port strike halts cargo", ["<b>"]),
        ('<A HREF="x">Link</A> text', "Link text", ["<a>"]),
        ("<FONT SIZE=2>Small</FONT>", "Small", ["<font>"]),
        ("<B>Bold</B> text", "Bold text", ["<b>"]),
        ("<BR>Line", " Line", ["<br>"]),
        ("<input disabled>Box", "Box", ["<input>"]),
        ("<my-widget>Inside</my-widget>", "Inside", ["<my-widget>"]),
        ("<MULTI-STEP onclick=alert(1)>Hi", "Hi", ["<multi-step>"]),
    ],
)
def test_real_markup_is_removed(text: str, plain: str, removed: list[str]) -> None:
    assert strip_markup(text) == (plain, removed)


def test_is_markup_reads_attributes() -> None:
    assert is_markup("p", ' class="lead"')
    assert not is_markup("TIME", " INC")
    assert not is_markup("MULTI-STEP", " PRODUCTS INC")
    assert not is_markup("SMALL", " BUSINESS ADMINISTRATION")


def _records(path: Path) -> list[RawRecord]:
    """The raw records of one test file, read by the loader."""
    found, _ = discover([path])
    return [r for r in read_file(found[0]) if isinstance(r, RawRecord)]


def test_company_names_survive_in_title_and_body() -> None:
    first, second = (normalize_record(r) for r in _records(DATA / "companies.sgm"))
    assert first.article.title == "<MULTI-STEP PRODUCTS INC> SIX MTHS DEC 31 LOSS"
    assert "<MULTI-STEP PRODUCTS INC> said the loss" in first.article.body
    assert second.article.title == "<TIME INC> TO BUY <SMALL BUSINESS PRESS CORP> STAKE"
    assert "stake in <Small Business Press Corp>, a privately" in second.article.body
    assert first.cleaned == [] and second.cleaned == []


def test_headline_with_inline_markup_keeps_its_words() -> None:
    (record,) = _records(DATA / "port-strike.txt")
    article, cleaned = normalize_record(record)
    assert article.title == "Port strike halts cargo"
    assert article.byline == ["Ana Ruiz"] and article.dateline == "ROTTERDAM"
    assert article.body.startswith("ROTTERDAM, June 3 - Dock workers walked out")
    assert cleaned == ["text: HTML removed (<b>)"]


def _newsindex(args: list[str], cwd: Path, index_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed console script."""
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": str(index_dir)}
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_company_names_can_be_searched_after_a_rebuild(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "markup")
    index_dir = tmp_path / "idx"
    done = _newsindex(["rebuild", "markup"], tmp_path, index_dir)
    assert done.returncode == 0, done.stderr
    assert "3 articles indexed" in done.stdout
    assert "markup/port-strike.txt: text: HTML removed (<b>)" in done.stdout
    assert "companies.sgm" not in done.stdout  # nothing cleaned out of the wire stories

    def titles(query: str) -> list[str]:
        found = _newsindex(["search", query, "--json"], tmp_path, index_dir)
        return [hit["title"] for hit in json.loads(found.stdout)["hits"]]

    assert titles('title:"multi-step products"') == [
        "<MULTI-STEP PRODUCTS INC> SIX MTHS DEC 31 LOSS"
    ]
    assert titles('"small business press"') == [
        "<TIME INC> TO BUY <SMALL BUSINESS PRESS CORP> STAKE"
    ]
    assert titles('title:"port strike"') == ["Port strike halts cargo"]
