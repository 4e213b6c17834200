"""Request arguments out of range answer 400 with a readable message on every route."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

HUGE = "1" * 40
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ROUTES = ["/api/search", "/api/search.csv", "/api/chart.csv", "/", "/feed.atom"]
ARGS = [
    (f"q=tiktok&from={HUGE}", "Invalid from date '1111111111111111111111111111111111111111"),
    (f"q=tiktok&to={HUGE}", "Invalid to date"),
    ("q=tiktok&from=2025-" + "9" * 40, "out of range"),
    ("q=tiktok&to=2025-01-" + "9" * 40, "out of range"),
    (f"q=date:{HUGE}", "is out of range: use YYYY"),
    (f"q=date:[2025-01-01+to+{HUGE}]", "is out of range"),
    ("q=tiktok&page=" + "9" * 30, "page must be between 1 and 10000"),
    ("q=tiktok&per_page=" + "9" * 30, "per_page must be between 1 and 100"),
    ("q=tiktok&page=" + "9" * 5000, "page must be a whole number"),
]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(("args", "message"), ARGS)
def test_numbers_and_dates_out_of_range_are_a_400(client, route, args, message) -> None:
    if route in ("/api/chart.csv", "/feed.atom") and "page=" in args:
        pytest.skip("the chart and the feed take no page")
    response = client.get(f"{route}?{args}")
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    text = response.get_data(as_text=True)
    assert message in text or message.replace("'", "&#39;") in text
    assert "Traceback" not in text


def test_the_api_gives_the_error_shape(client) -> None:
    data = client.get(f"/api/search?q=tiktok&from={HUGE}").get_json()
    assert data["ok"] is False and data["status"] == 400
    assert data["error"].startswith("Invalid from date")


def test_the_cli_search_says_so_too(runner, tmp_path, monkeypatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    runner.invoke(args=["rebuild"])
    result = runner.invoke(args=["search", "tiktok", "--from", HUGE, "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["status"] == 400 and "Invalid from date" in data["error"]
    result = runner.invoke(args=["search", f"date:{HUGE}"])
    assert result.exit_code == 1 and "is out of range" in result.output
