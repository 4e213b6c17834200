"""Top terms (issue 15, item 2): /api/terms, the CLI, and the numbers checked by counting."""

from __future__ import annotations

import json
import re

import pytest

from indexer.research.terms import significance

from .conftest import run_cli
from .research_data import all_hits, rclient, research_app, research_index  # noqa: F401

BOTH_ENGINES = True
DEFAULT_ENGINE_ONLY = {"test_significance_is_the_log_likelihood_ratio"}  # the formula alone


def _holds(body: str, term: str) -> bool:
    """Whether a body holds a word (or two adjacent words) in any of its simple forms."""
    words = [re.escape(w) + r"(s|es)?" for w in term.split()]
    return re.search(r"\b" + r"\s+".join(words) + r"\b", body, re.IGNORECASE) is not None


def test_cocoa_terms_are_over_represented_and_counted_right(rclient):  # noqa: F811
    response = rclient.get("/api/terms?q=cocoa&size=20")
    data = response.get_json()
    assert response.status_code == 200 and data["ok"]
    matching = all_hits(rclient, q="cocoa")
    assert data["total"] == len(matching)
    assert data["sampled"] is False and data["analysed"] == len(matching)
    assert data["from"] == f"all {len(matching)} matching articles"
    everything = all_hits(rclient, q="")
    assert data["archive"] == len(everything)
    terms = {t["term"]: t for t in data["terms"]}
    assert "buffer stock" in terms and terms["buffer stock"]["kind"] == "phrase"
    assert "cocoa" not in terms  # the query's own word says nothing new
    scores = [t["score"] for t in data["terms"]]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)
    bodies = {
        h["id"]: rclient.get(f"/api/articles/{h['id']}").get_json()["body"] for h in everything
    }
    matched = {h["id"] for h in matching}
    for item in data["terms"][:8]:
        holding = {i for i, body in bodies.items() if _holds(body, item["term"])}
        assert item["matches"] == len(holding & matched), item
        assert item["archive"] == len(holding), item
        # Over-represented: a larger share of the matches than of the archive.
        assert item["matches"] / len(matched) > item["archive"] / len(bodies)


def test_significance_is_the_log_likelihood_ratio():
    # 2x2 table: term in 30 of 100 matches; 40 of the other 900 articles.
    from math import log

    cells = [30, 70, 40, 860]
    rows, columns, grand = [100, 900], [70, 930], 1000
    expected = 2 * sum(
        o * log(o * grand / (rows[i // 2] * columns[i % 2])) for i, o in enumerate(cells)
    )
    assert significance(30, 100, 70, 1000, 100) == pytest.approx(expected)
    assert significance(1, 100, 500, 1000, 100) == 0.0  # under-represented: not a top term


def test_filters_change_the_matches_analysed(rclient):  # noqa: F811
    data = rclient.get("/api/terms?q=crude&source=Reuters").get_json()
    assert data["total"] == len(all_hits(rclient, q="crude", source="Reuters"))
    assert data["filters"] == {"source": ["Reuters"]}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("size=0", "size must be from 1 to 200"),
        ("size=x", "whole number"),
        ("q=(cocoa", "parenthesis"),
    ],
)
def test_bad_requests_are_400(rclient, query, message):  # noqa: F811
    response = rclient.get(f"/api/terms?{query}")
    assert response.status_code == 400 and message in response.get_json()["error"]


def test_cli_terms(research_index, tmp_path, rclient):  # noqa: F811
    done = run_cli(["terms", "cocoa", "--size", "10", "--json"], tmp_path, research_index)
    assert done.returncode == 0, done.stderr
    assert (
        json.loads(done.stdout)["terms"]
        == rclient.get("/api/terms?q=cocoa&size=10").get_json()["terms"]
    )
    text = run_cli(["terms", "cocoa", "--size", "5"], tmp_path, research_index)
    assert "Top terms of all" in text.stdout and "buffer stock" in text.stdout


def test_archive_counts_agree_with_searches(research_index, rclient, engine_name):  # noqa: F811
    from indexer.live import LiveIndex

    live = LiveIndex(research_index, engine_name)
    try:
        terms = ["cocoa", "buffer stock", "north-sea", "crude"]
        counts = live.backend().archive_counts(terms)
    finally:
        live.close()
    queries = ["body:cocoa", 'body:"buffer stock"', 'body:"north sea"', "body:crude"]
    expected = [len(all_hits(rclient, q=q)) for q in queries]
    assert counts == expected and counts[2] > 0
