"""Compare queries over time (issue 15, item 1): /api/timeline, its CSV, the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import run_cli
from .research_data import rclient, research_app, research_index  # noqa: F401

BOTH_ENGINES = True


def _total(client, **params) -> int:
    """How many articles a search matches, through /api/search (the count made another way)."""
    data = client.get("/api/search", query_string={"group": "none", **params}).get_json()
    assert data["ok"], data
    return data["total"]


def test_weekly_share_equals_period_count_over_period_total(rclient):  # noqa: F811
    response = rclient.get("/api/timeline?q=cocoa&q=coffee&granularity=week&normalize=share")
    data = response.get_json()
    assert response.status_code == 200 and data["ok"]
    assert data["granularity"] == "week"
    assert [s["query"] for s in data["series"]] == ["cocoa", "coffee"]
    cocoa = data["series"][0]
    assert len(cocoa["points"]) == 13  # 2 March to 31 May 1987
    assert cocoa["points"][0]["period"] == "1987-03-02"
    assert cocoa["points"][0]["to"] == "1987-03-08"
    alls = {p["all"] for p in cocoa["points"]}
    assert len(alls) > 1  # the archive's size changes week to week: what share corrects for
    for series in data["series"]:
        for point in series["points"][:6]:
            week = {"from": point["from"], "to": point["to"]}
            count = _total(rclient, q=series["query"], **week)
            everything = _total(rclient, q="", **week)
            assert point["count"] == count
            assert point["all"] == everything
            assert point["share"] == pytest.approx(count / everything, abs=1e-6)
    # Every match is in a week, undated or dated to the month only (never guessed into a week).
    for series in data["series"]:
        total = _total(rclient, q=series["query"])
        placed = sum(p["count"] for p in series["points"])
        assert series["total"] == total
        assert placed + series["undated"] + series["less_precise"] == total
    assert data["series"][1]["less_precise"] == 2  # two coffee reports dated to the month


def test_filters_apply_to_each_series_and_to_all(rclient):  # noqa: F811
    data = rclient.get(
        "/api/timeline?q=cocoa&granularity=month&source=Reuters&from=1987-03-01&to=1987-04-30"
    ).get_json()
    assert data["filters"] == {"source": ["Reuters"]}
    points = data["series"][0]["points"]
    assert [p["period"] for p in points] == ["1987-03", "1987-04"]
    for point in points:
        span = {"from": point["from"], "to": point["to"], "source": "Reuters"}
        assert point["count"] == _total(rclient, q="cocoa", **span)
        assert point["all"] == _total(rclient, q="", **span)
    assert sum(p["all"] for p in points) < _total(
        rclient, q="", **{"from": "1987-03-01", "to": "1987-04-30"}
    )


def test_default_granularity_is_chosen_from_the_span(rclient):  # noqa: F811
    data = rclient.get("/api/timeline?q=oil").get_json()
    assert data["granularity"] == "day"  # matches within 92 days
    assert data["normalize"] == "count"
    assert data["series"][0]["points"][0]["share"] is not None
    wide = rclient.get("/api/timeline?q=oil&from=1985-01-01&to=1987-12-31").get_json()
    assert wide["granularity"] == "month"
    assert len(wide["series"][0]["points"]) == 36


def test_a_from_date_after_every_article_gives_empty_periods(rclient):  # noqa: F811
    data = rclient.get("/api/timeline?q=cocoa&from=2030-01-01&granularity=month").get_json()
    points = data["series"][0]["points"]
    assert [p["period"] for p in points] == ["2030-01"]
    assert points[0]["count"] == points[0]["all"] == 0 and points[0]["share"] is None


def test_csv_twin_holds_the_same_numbers(rclient):  # noqa: F811
    params = "q=cocoa&q=crude&granularity=week&normalize=share"
    data = rclient.get(f"/api/timeline?{params}").get_json()
    response = rclient.get(f"/api/timeline.csv?{params}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    expected = [(s["query"], p) for s in data["series"] for p in s["points"]]
    assert len(rows) == len(expected) == 26
    for row, (query, point) in zip(rows, expected, strict=True):
        assert row["query"] == query and row["period"] == point["period"]
        assert int(row["count"]) == point["count"] and int(row["all"]) == point["all"]
        if point["share"] is None:
            assert row["share"] == ""
        else:
            assert float(row["share"]) == pytest.approx(point["share"])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=a&q=b&q=c&q=d&q=e&q=f", "at most 5"),
        ("", "at least one query"),
        ("q=cocoa&granularity=fortnight", "Unknown granularity 'fortnight'"),
        ("q=cocoa&normalize=percent", "Unknown normalize"),
        ("q=cocoa&granularity=day&from=1900-01-01&to=1987-05-01", "coarser granularity"),
        ('q="cocoa', "Unbalanced quote"),
        ("q=cocoa&from=1987-13-01", "Invalid from date"),
        ("q=cocoa&from=9999-12-30&granularity=week", "past the year 9999"),
        ("q=cocoa&from=0001-01-01&to=9999-12-31", "narrow from/to"),
    ],
)
def test_bad_requests_are_400_with_a_message(rclient, query, message):  # noqa: F811
    for route in ("/api/timeline", "/api/timeline.csv"):
        response = rclient.get(f"{route}?{query}")
        assert response.status_code == 400
        body = response.get_json()
        assert body["ok"] is False and message in body["error"]


def test_cli_prints_the_api_json_and_csv(research_index, tmp_path, rclient):  # noqa: F811
    args = ["timeline", "cocoa", "coffee", "--granularity", "week", "--share"]
    done = run_cli([*args, "--json"], tmp_path, research_index)
    assert done.returncode == 0, done.stderr
    api = rclient.get("/api/timeline?q=cocoa&q=coffee&granularity=week&normalize=share")
    cli = json.loads(done.stdout)
    assert cli["series"] == api.get_json()["series"]
    as_csv = run_cli([*args, "--csv"], tmp_path, research_index)
    assert as_csv.stdout.splitlines()[0] == "query,period,from,to,count,all,share"
    assert len(as_csv.stdout.splitlines()) == 1 + 26
    text = run_cli(args, tmp_path, research_index)
    assert "Articles per week" in text.stdout and "1987-03-02" in text.stdout
    bad = run_cli(["timeline", *"a b c d e f".split()], tmp_path, research_index)
    assert bad.returncode != 0 and "at most 5" in bad.stderr


def test_csv_named_after_a_non_ascii_query_keeps_its_name(rclient):  # noqa: F811
    # The timeline's file name lost its accented letters; the search CSV kept them.
    disposition = rclient.get("/api/timeline.csv?q=café").headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="newsindex-timeline-caf-')
    assert "filename*=UTF-8''newsindex-timeline-caf%C3%A9-" in disposition
