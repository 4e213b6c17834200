"""The HTML pages: results, facets, escaping, article page, errors."""

from __future__ import annotations

import re


def test_search_page_shows_marked_snippets_and_facets(client):
    response = client.get("/?q=TikTok")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.count('class="hit"') == 4  # five articles, four stories
    assert "Also published by Global Banking &amp; Finance Review" in html
    every = client.get("/?q=TikTok&group=none").get_data(as_text=True)
    assert every.count('class="hit"') == 5
    assert "<mark>TikTok</mark>" in html
    assert 'aria-labelledby="facet-source"' in html
    assert 'rel="alternate"' in response.headers["Link"]
    assert "/api/search?q=TikTok" in response.headers["Link"]


def test_page_and_json_agree(client):
    html = client.get("/?q=cocoa").get_data(as_text=True)
    data = client.get("/api/search?q=cocoa").get_json()
    for hit in data["hits"]:
        assert f"/article/{hit['id']}" in html


def test_hostile_fields_are_escaped(client):
    html = client.get("/?q=trams").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "onerror=alert" not in html or "&lt;img" in html
    assert "<img" not in html
    assert "<b>markup</b>" not in html


def test_facet_links_toggle_values(client):
    html = client.get("/?q=cocoa").get_data(as_text=True)
    link = re.search(r'href="(\?[^"]*source=Example\+Wire[^"]*)"', html)
    assert link
    selected = client.get("/" + link.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert 'aria-current="true"' in selected
    assert "Remove Source Example Wire" in selected


def test_empty_query_lists_articles(client):
    html = client.get("/").get_data(as_text=True)
    assert "newest first" in html
    assert html.count('class="hit"') == 10
    assert 'rel="next"' in html


def test_article_page_marks_terms_and_links_json(client):
    hit = client.get("/api/search?q=cocoa+arrivals").get_json()["hits"][0]
    response = client.get(f"/article/{hit['id']}?q=cocoa")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<mark>Cocoa</mark>" in html
    assert f"/api/articles/{hit['id']}" in html
    # Each field whose source the index knows says where its value came from.
    article = client.get(f"/api/articles/{hit['id']}").get_json()
    known = [k for k in ("date", "source", "byline", "dateline") if article["provenance"].get(k)]
    assert known, article["provenance"]
    assert html.count('class="provenance"') >= len(known)


def test_bad_query_page_keeps_the_text_and_says_why(client):
    response = client.get("/?q=%22tiktok+ban")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Unbalanced quote" in html
    assert 'value="&#34;tiktok ban"' in html or 'value="&quot;tiktok ban"' in html


def test_unknown_page_is_404(client):
    assert client.get("/article/nope").status_code == 404
    assert client.get("/nowhere").status_code == 404
