"""The JSON API: shapes from CONTRACT.md, errors as 400/404/503 with the error shape."""

from __future__ import annotations

import pytest


def test_search_shape(client):
    response = client.get("/api/search?q=TikTok")
    assert response.status_code == 200
    data = response.get_json()
    assert list(data)[:3] == ["ok", "query", "total"]
    assert {"page", "per_page", "pages", "took_ms", "hits", "facets"} <= set(data)
    assert data["ok"] is True and data["query"] == "TikTok" and data["total"] == 5
    assert set(data["facets"]) >= {"source", "publisher", "byline", "date"}
    hit = data["hits"][0]
    for key in (
        "id",
        "title",
        "source",
        "publisher",
        "date",
        "byline",
        "dateline",
        "url",
        "file",
        "score",
        "snippets",
    ):
        assert key in hit
    assert all(any("<mark>" in s for s in h["snippets"]) for h in data["hits"])


def test_facet_filters_or_within_and_across(client):
    both = client.get("/api/search?source=Example+Wire&source=Town+Crier").get_json()
    wire = client.get("/api/search?source=Example+Wire").get_json()
    crier = client.get("/api/search?source=Town+Crier").get_json()
    assert both["total"] == wire["total"] + crier["total"] > 0
    counts = {f["value"]: f for f in both["facets"]["source"]}
    assert counts["Example Wire"]["selected"] and counts["Town Crier"]["selected"]
    narrowed = client.get("/api/search?source=Example+Wire&byline=Tom+Berg").get_json()
    assert 0 < narrowed["total"] < wire["total"]


def test_empty_query_lists_newest_first(client):
    data = client.get("/api/search?per_page=100&group=none").get_json()
    dates = [h["date"] for h in data["hits"] if h["date"]]
    assert dates == sorted(dates, reverse=True)
    assert data["total"] == len(data["hits"])


def test_date_bounds(client):
    data = client.get("/api/search?from=2024-06-01&to=2024-06-30").get_json()
    assert data["total"] >= 1
    assert all(h["date"].startswith("2024-06") for h in data["hits"])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=TikTok&sort=sideways", "Unknown sort 'sideways'"),
        ("q=TikTok&from=2025-13-45", "Invalid from date '2025-13-45'"),
        ("q=TikTok&to=banana", "Invalid to date"),
        ("q=TikTok&page=0", "page must be between"),
        ("q=TikTok&page=abc", "page must be a whole number"),
        ("q=TikTok&page=2", "Page 2 is past the last page"),
        ("q=TikTok&per_page=1000", "per_page must be between"),
        ("q=%22tiktok", 'Unbalanced quote in query: "tiktok'),
        ("q=((tiktok", "Unbalanced parenthesis"),
        ("from=2025-02-01&to=2025-01-01", "is after the to date"),
        ("q=" + "x" * 700, "Query is too long"),
    ],
)
def test_bad_requests_are_400_with_the_error_shape(client, query, message):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    data = response.get_json()
    assert data["ok"] is False and data["status"] == 400
    assert message in data["error"]


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=*",
        "q=title:",
        "q=AND",
        "q=NOT",
        "q=a:b:c",
        "q=-",
        "q=%E2%80%8B",
        "q=[a TO",
        "q=date:[yesterday to banana]",
        "source=",
        "q=" + "(" * 200 + ")" * 200,
        "q=%ff%fe",
    ],
)
def test_odd_input_never_500s(client, query):
    response = client.get(f"/api/search?{query}")
    assert response.status_code in (200, 400)
    assert response.is_json


def test_article_json_and_404(client):
    hit = client.get("/api/search?q=cocoa+arrivals").get_json()["hits"][0]
    article = client.get(f"/api/articles/{hit['id']}").get_json()
    assert article["ok"] is True and article["id"] == hit["id"]
    assert "Cocoa arrivals" in article["body"] and "provenance" in article
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404
    assert missing.get_json() == {"ok": False, "status": 404, "error": "No article with id 'nope'."}


def test_missing_index_is_503(empty_app):
    response = empty_app.test_client().get("/api/search?q=x")
    assert response.status_code == 503
    assert "newsindex rebuild" in response.get_json()["error"]
    page = empty_app.test_client().get("/?q=x")
    assert page.status_code == 503 and b"newsindex rebuild" in page.data


def test_syndicated_copies_fold_into_one_story(client):
    grouped = client.get("/api/search?q=TikTok").get_json()
    assert (grouped["total"], grouped["stories"], grouped["group"]) == (5, 4, "story")
    assert len(grouped["hits"]) == 4
    reuters = [h for h in grouped["hits"] if h["source"] == "Reuters"]
    assert len(reuters) == 1 and len(reuters[0]["copies"]) == 1
    copy = reuters[0]["copies"][0]
    assert set(copy) == {"id", "title", "publisher", "source", "date", "file"}
    assert {reuters[0]["file"], copy["file"]} == {
        "seeds/000-reuters-rednote-wary-welcome.txt",
        "seeds/001-gbaf-reuters-rednote.txt",
    }
    every = client.get("/api/search?q=TikTok&group=none").get_json()
    assert (every["total"], every["stories"], len(every["hits"])) == (5, 4, 5)
    assert client.get("/api/search?q=TikTok&group=bogus").status_code == 400


def test_copy_gets_date_and_byline_from_its_wire_original(client):
    data = client.get("/api/search?q=TikTok&group=none").get_json()
    plain = next(h for h in data["hits"] if h["file"].startswith("seeds/000"))
    assert plain["date"] == "2025-01-15" and plain["provenance"]["date"] == "copy"
    assert plain["byline"] == ["Brenda Goh"] and plain["provenance"]["byline"] == "copy"
    assert plain["source"] == "Reuters"


def test_chart_counts_articles_or_stories(client):
    articles = client.get("/api/search?q=TikTok").get_json()
    stories = client.get("/api/search?q=TikTok&count=stories").get_json()
    assert articles["chart"]["counts"] == "articles" and stories["chart"]["counts"] == "stories"
    assert sum(i["count"] for i in articles["facets"]["date"]) == 2  # 000 and 001, same day
    assert sum(i["count"] for i in stories["facets"]["date"]) == 1
    assert articles["facet_counts"] == "articles"
