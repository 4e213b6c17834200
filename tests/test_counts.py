"""Issue 14: every word is searchable, and a total is exact or says it is a lower bound."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.backends.whoosh import backend as whoosh
from indexer.backends.whoosh import fastmatch

from .conftest import SEEDS

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

SCRIPT = Path(sys.executable).parent / "newsindex"


def _page_total(html: str) -> tuple[int, bool]:
    """The total the search page shows and whether it says "at least"."""
    count = re.search(r'<p class="count" id="result-count">(.*?)</p>', html, re.S).group(1)
    total = int(
        re.search(r'<strong class="total">([\d,]+)</strong>', count).group(1).replace(",", "")
    )
    return total, "at least" in count


def _csv(client, query: str) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The CSV export's rows and headers."""
    response = client.get("/api/search.csv", query_string={"q": query})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    return rows, dict(response.headers)


@pytest.mark.parametrize("word", ["US", "us", "The", "may"])
def test_short_and_common_words_are_searchable(client, word):
    data = client.get("/api/search", query_string={"q": word, "group": "none"}).get_json()
    assert data["total"] >= 2, word
    assert "Try fewer words" not in client.get("/", query_string={"q": word}).get_data(as_text=True)


def test_a_common_word_narrows_the_search(client):
    def total(q: str) -> int:
        return client.get("/api/search", query_string={"q": q, "group": "none"}).get_json()["total"]

    assert 0 < total('"US government"') < total("US government") == total("government")
    assert 0 < total("US") < total("the")
    assert 0 < total("may") < total("the")


def test_wildcards_count_exactly_without_time(client, monkeypatch):
    """With no time at all to rank, a wildcard's total is still exact and the same everywhere."""
    monkeypatch.setattr(whoosh, "SEARCH_SECONDS", 0.0)
    monkeypatch.setattr(whoosh, "EXPORT_SECONDS", 0.0)
    query = "co* OR ba* OR pr*"
    totals = {
        client.get("/api/search", query_string={"q": query}).get_json()["total"] for _ in range(3)
    }
    assert len(totals) == 1
    (total,) = totals
    data = client.get("/api/search", query_string={"q": query}).get_json()
    assert data["total_exact"] is True
    page_total, lower_bound = _page_total(
        client.get("/", query_string={"q": query}).get_data(as_text=True)
    )
    rows, headers = _csv(client, query)
    assert page_total == total == len(rows) == int(headers["X-Total-Count"]) > 10
    assert not lower_bound and headers["X-Total-Exact"] == "true"


def test_a_count_cut_short_says_it_is_a_lower_bound_everywhere(client, monkeypatch, engine_name):
    """A prefix of too many words is matched by Whoosh under the deadline: out of time, all
    three say so (here every prefix has too many: proximity no longer goes to Whoosh)."""
    if engine_name != "whoosh":
        pytest.skip("Xapian counts every match (no time budget): its totals are always exact")
    monkeypatch.setattr(whoosh, "SEARCH_SECONDS", 0.0)
    monkeypatch.setattr(whoosh, "EXPORT_SECONDS", 0.0)
    monkeypatch.setattr(fastmatch, "MAX_EXPANSION", 0)
    query = "refug* OR tiktok"
    data = client.get("/api/search", query_string={"q": query}).get_json()
    assert data["total_exact"] is False
    html = client.get("/", query_string={"q": query}).get_data(as_text=True)
    page_total, lower_bound = _page_total(html)
    assert lower_bound and page_total == data["total"]
    rows, headers = _csv(client, query)
    assert headers["X-Total-Exact"] == "false"
    assert len(rows) == int(headers["X-Total-Count"])


def test_exact_totals_agree_on_page_json_and_csv(client):
    for query in ("tiktok", "refug*", "cocoa OR tiktok", ""):
        data = client.get("/api/search", query_string={"q": query}).get_json()
        page_total, lower_bound = _page_total(
            client.get("/", query_string={"q": query}).get_data(as_text=True)
        )
        rows, headers = _csv(client, query)
        assert data["total_exact"] and not lower_bound
        assert data["total"] == page_total == len(rows) == int(headers["X-Total-Count"])


@pytest.mark.slow
def test_cli_finds_us_and_says_the_count_is_exact(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": str(tmp_path / "index")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SCRIPT), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )

    assert run("rebuild", "seeds").returncode == 0
    found = run("search", "US")
    assert found.returncode == 0 and re.match(r"\d+ articles match", found.stdout)
    assert not found.stdout.startswith("0 ")
    data = json.loads(run("search", '"US government"', "--json").stdout)
    government = json.loads(run("search", "government", "--json").stdout)
    assert data["total_exact"] is True
    assert 0 < data["total"] < government["total"]
