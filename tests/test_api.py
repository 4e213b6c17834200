"""The JSON API: shapes from CONTRACT.md, errors as 400/404/503 with the error shape."""

from __future__ import annotations

import pytest

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)


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
        ("facet_limit=0", "facet_limit must be between 1 and 1000"),
        ("facet_limit=5000", "facet_limit must be between 1 and 1000"),
        ("interval=fortnight", "Unknown interval 'fortnight'"),
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


# Issue 14


def test_totals_say_whether_they_are_exact_and_sort_says_the_order_used(client):
    data = client.get("/api/search?q=tiktok").get_json()
    assert data["total_exact"] is True and data["sort"] == "relevance"
    newest = client.get("/api/search").get_json()
    assert newest["sort"] == "newest"  # an empty query is listed newest first
    dates = [hit["date"] for hit in newest["hits"] if hit["date"]]
    assert dates == sorted(dates, reverse=True)
    assert client.get("/api/search?sort=oldest").get_json()["sort"] == "oldest"


def test_facet_limit_and_whether_a_facet_has_more(client):
    data = client.get("/api/search?facet_limit=2").get_json()
    assert data["facet_limit"] == 2
    assert len(data["facets"]["dateline"]) == 2
    assert data["facets_more"]["dateline"] is True
    everything = client.get("/api/search?facet_limit=1000").get_json()
    assert len(everything["facets"]["dateline"]) == 5
    assert everything["facets_more"]["dateline"] is False
    # A chosen value stays listed beyond the limit, so it can be removed.
    chosen = client.get("/api/search?facet_limit=1&dateline=Winnipeg").get_json()
    values = [(item["value"], item["selected"]) for item in chosen["facets"]["dateline"]]
    assert ("Winnipeg", True) in values


def test_csv_links_each_article_page_with_its_first_snippet(client):
    import csv
    import datetime as dt
    import io

    response = client.get("/api/search.csv?q=cocoa")
    today = dt.date.today().isoformat()
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="newsindex-cocoa-{today}.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows and response.headers["X-Total-Count"] == str(len(rows))
    for row in rows:
        assert row["page"] == f"http://localhost/article/{row['id']}"
        assert "cocoa" in row["snippet"].lower()
        assert "<mark>" not in row["snippet"] and "&amp;" not in row["snippet"]
    assert client.get(rows[0]["page"].removeprefix("http://localhost")).status_code == 200
    chart = client.get("/api/chart.csv?q=cocoa+prices")
    assert (
        f'filename="newsindex-chart-cocoa-prices-{today}.csv"'
        in chart.headers["Content-Disposition"]
    )
    everything = client.get("/api/search.csv").headers["Content-Disposition"]
    assert f'filename="newsindex-all-{today}.csv"' in everything


def test_atom_self_link_and_id_hold_no_raw_quote(client):
    import re

    xml = client.get('/feed.atom?q="tiktok refugees"').get_data(as_text=True)
    self_link = re.search(r'<link rel="self" type="application/atom\+xml" href="([^"]*)"/>', xml)
    feed_id = re.search(r"<id>([^<]*)</id>", xml)
    for value in (self_link.group(1), feed_id.group(1)):
        assert "&#34;" not in value and '"' not in value and "&quot;" not in value
        assert "q=%22tiktok+refugees%22" in value


def test_csv_links_articles_on_the_base_url_when_one_is_set(built_index, engine_name):
    import csv
    import io

    from tests.conftest import close_app
    from webapp import create_app

    app = create_app(
        {
            "TESTING": True,
            "INDEX_DIR": built_index,
            "BACKEND": engine_name,
            "BASE_URL": "https://news.example.org/",
        }
    )
    try:
        response = app.test_client().get("/api/search.csv?q=cocoa")
        rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
        assert rows
        for row in rows:
            assert row["page"] == f"https://news.example.org/article/{row['id']}"
    finally:
        close_app(app)
