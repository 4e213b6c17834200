"""Random samples (issue 15, item 3): sample=N&seed=S on /api/search, the CSV and the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest

from indexer.research.sample import draw

from .conftest import run_cli
from .research_data import all_hits, rclient, research_app, research_index  # noqa: F401

BOTH_ENGINES = True
DEFAULT_ENGINE_ONLY = {"test_draw_is_uniform_over_many_seeds"}  # the draw alone, no engine


def _sample(client, **params) -> dict:
    """A sampled search through the API."""
    response = client.get("/api/search", query_string={"per_page": 100, **params})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_every_sampled_id_is_in_the_match_set(rclient):  # noqa: F811
    matches = {h["id"] for h in all_hits(rclient, q="crude OR coffee")}
    data = _sample(rclient, q="crude OR coffee", sample=7, seed=11, group="none")
    ids = [h["id"] for h in data["hits"]]
    assert data["total"] == 7 and len(set(ids)) == 7
    assert set(ids) <= matches
    assert data["sample"] == {"size": 7, "seed": 11, "drawn_from": len(matches)}


def test_the_same_seed_draws_the_same_sample_and_another_seed_another(rclient):  # noqa: F811
    first = {h["id"] for h in _sample(rclient, q="", sample=10, seed=3)["hits"]}
    again = {h["id"] for h in _sample(rclient, q="", sample=10, seed=3)["hits"]}
    other = {h["id"] for h in _sample(rclient, q="", sample=10, seed=4)["hits"]}
    assert first == again and first != other


def test_filters_apply_before_the_draw(rclient):  # noqa: F811
    reuters = {h["id"] for h in all_hits(rclient, q="", source="Reuters")}
    data = _sample(rclient, q="", source="Reuters", sample=5, seed=1)
    assert {h["id"] for h in data["hits"]} <= reuters
    assert data["sample"]["drawn_from"] == len(reuters)


def test_a_sample_larger_than_the_matches_is_all_of_them(rclient):  # noqa: F811
    matches = {h["id"] for h in all_hits(rclient, q="cocoa")}
    data = _sample(rclient, q="cocoa", sample=500, seed=2)
    assert {h["id"] for h in data["hits"]} == matches


def test_draw_is_uniform_over_many_seeds():
    """Each of 20 candidates is drawn about equally often (5 of 20, over 4,000 seeds)."""
    candidates = __import__("numpy").arange(100, 120)
    counts = dict.fromkeys(candidates.tolist(), 0)
    for seed in range(4000):
        for doc in draw(candidates, 5, seed).tolist():
            counts[doc] += 1
    assert min(counts.values()) > 850 and max(counts.values()) < 1150  # expected 1,000 each


def test_csv_holds_the_same_sample(rclient):  # noqa: F811
    api = {h["id"] for h in _sample(rclient, q="", sample=6, seed=9)["hits"]}
    response = rclient.get("/api/search.csv?sample=6&seed=9")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {row["id"] for row in rows} == api


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ("sample=0", "sample must be from 1 to 10,000"),
        ("sample=10001", "sample must be from 1 to 10,000"),
        ("sample=ten", "whole number"),
        ("sample=5&seed=-1", "seed must be from 0 to 4294967295"),
        ("sample=5&seed=abc", "seed must be a whole number"),
    ],
)
def test_bad_sample_or_seed_is_400(rclient, params, message):  # noqa: F811
    for route in ("/api/search", "/api/search.csv"):
        response = rclient.get(f"{route}?{params}")
        assert response.status_code == 400
        assert message in response.get_json()["error"]


def test_page_without_a_seed_redirects_to_one(rclient):  # noqa: F811
    response = rclient.get("/?q=crude&sample=3")
    assert response.status_code == 302
    assert "seed=" in response.headers["Location"] and "sample=3" in response.headers["Location"]


def test_cli_sample(research_index, tmp_path, rclient):  # noqa: F811
    done = run_cli(
        ["search", "", "--sample", "4", "--seed", "8", "--json"], tmp_path, research_index
    )
    assert done.returncode == 0, done.stderr
    cli = [h["id"] for h in json.loads(done.stdout)["hits"]]
    assert cli == [h["id"] for h in _sample(rclient, q="", sample=4, seed=8, per_page=10)["hits"]]
