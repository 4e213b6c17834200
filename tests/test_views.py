"""The HTML pages: results, facets, escaping, article page, errors."""

from __future__ import annotations

import re

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)


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


# Issue 14: moving through results.

REUTERS_COPY = "9aa818d0370efebb"  # seeds/000: its story has a republished copy (seeds/001)
ITS_COPY = "d003a752e81583f1"


def test_search_page_has_one_h1_and_skip_links_first(client):
    html = client.get("/?q=cocoa").get_data(as_text=True)
    assert html.count("<h1") == 1
    assert re.search(r"<h1[^>]*>Articles matching <q>cocoa</q></h1>", html)
    body = html[html.index("<body>") :]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'class="skip-link"' in first_link and 'href="#results"' in first_link
    assert 'href="#filters"' in body[: body.index("<header")]
    assert 'id="results"' in html and 'id="filters"' in html


def test_an_empty_query_shows_newest_first_in_the_sort_box(client):
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'<option value="newest"\s+selected>', html)
    assert not re.search(r'<option value="relevance"\s+selected>', html)
    # The masthead form does not pin that order on the next search.
    assert 'name="sort" value="newest"' not in html
    assert re.search(
        r'<option value="relevance"\s+selected>', client.get("/?q=cocoa").get_data(as_text=True)
    )


def test_page_numbers_first_nearby_and_last(client):
    html = client.get("/?group=none&per_page=1&page=7").get_data(as_text=True)
    pager = html[html.index('<nav class="pager"') :]
    pager = pager[: pager.index("</nav>")]
    total = client.get("/api/search?group=none&per_page=1").get_json()["pages"]
    assert f"Page 7 of {total}" in pager
    labels = re.findall(r'aria-label="Page (\d+)(, this page)?"', pager)
    numbers = [int(n) for n, _ in labels]
    assert numbers == [1, 5, 6, 7, 8, 9, total]
    assert 'aria-current="page"' in pager and pager.count("…") == 2
    assert '<a href="?group=none&amp;per_page=1" aria-label="Page 1">' in pager  # no page=1


def test_dates_and_per_page_are_on_the_page(client):
    html = client.get("/?q=tiktok&from=2025-01-01&to=2025-01-31&per_page=25").get_data(as_text=True)
    assert re.search(r'<input id="date-from" name="from" type="date" value="2025-01-01">', html)
    assert re.search(r'<input id="date-to" name="to" type="date" value="2025-01-31">', html)
    assert re.search(r'<option value="25"\s+selected>', html)
    assert 'name="per_page" value="25"' in html  # kept by the masthead search box too


def test_article_links_keep_the_search_and_back_returns_to_it(client):
    state = "q=tiktok&source=Reuters&sort=newest&per_page=1&group=none&page=2"
    html = client.get("/?" + state).get_data(as_text=True)
    link = re.search(r'<h2 class="hit-title"><a href="([^"]+)"', html).group(1)
    assert link.startswith("/article/")
    for part in ("q=tiktok", "source=Reuters", "sort=newest", "per_page=1", "page=2", "group=none"):
        assert part in link
    article = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    back = re.search(r'<p class="back"><a href="([^"]+)">', article).group(1).replace("&amp;", "&")
    assert back.startswith("/?")
    for part in ("q=tiktok", "source=Reuters", "sort=newest", "per_page=1", "page=2", "group=none"):
        assert part in back
    assert client.get(back).status_code == 200


def test_article_provenance_in_words_and_no_empty_rows(client):
    html = client.get(f"/article/{REUTERS_COPY}").get_data(as_text=True)
    assert "taken from another copy of this story" in html
    assert "found in the dateline" in html
    assert "from copy" not in html and "from derived" not in html and "from dateline" not in html
    fields = html[html.index('<dl class="fields">') : html.index("</dl>")]
    for row in re.findall(r'<div class="field">(.*?)</div>', fields, re.S):
        dd = re.search(r"<dd>(.*?)</dd>", row, re.S).group(1)
        text = re.sub(r'<span class="provenance">.*?</span>|<[^>]+>', "", dd, flags=re.S)
        assert text.strip(), row  # every row shows its value, not only a label
    assert re.search(r"<dt>Title</dt>\s*<dd>China gives a wary welcome", fields)
    assert "Not found in this article:" in html and "Publisher" in html


def test_more_like_this_leaves_out_the_article_and_its_copies(client):
    html = client.get(f"/article/{REUTERS_COPY}").get_data(as_text=True)
    similar = html[html.index('id="similar-heading"') :]
    assert f"/article/{REUTERS_COPY}" not in similar
    assert f"/article/{ITS_COPY}" not in similar
    assert "/article/" in similar


def test_hits_and_article_show_a_readable_file_name(client):
    html = client.get("/?q=wheat").get_data(as_text=True)
    assert (
        '<p class="file" title="articles/wire-archive.sgm:101">wire-archive.sgm, record 101</p>'
        in html
    )
    article = client.get("/article/486bb55e10df4d22").get_data(as_text=True)
    assert "wire-archive.sgm, record 101" in article


def test_facet_lists_link_to_every_value(client):
    html = client.get("/?facet_limit=2").get_data(as_text=True)
    dateline = html[html.index('id="facet-dateline"') :]
    dateline = dateline[: dateline.index("</section>")]
    assert dateline.count('class="facet-value"') == 2
    more = re.search(r'<p class="facet-more"><a href="([^"]+)"', dateline).group(1)
    assert more.startswith("/facets/dateline")
    page = client.get(more.replace("&amp;", "&")).get_data(as_text=True)
    values = re.findall(r'<span class="facet-value">([^<]+)</span>', page)
    assert values == ["Beijing", "Shanghai", "Abidjan", "Kuala Lumpur", "Winnipeg"]
    by_name = client.get("/facets/dateline?order=name").get_data(as_text=True)
    assert re.findall(r'<span class="facet-value">([^<]+)</span>', by_name)[0] == "Abidjan"
    assert client.get("/facets/nothing").status_code == 404
    # Every value's link adds it to the search and returns to the search page.
    assert 'href="/?dateline=Winnipeg"' in page


def test_datelines_are_shown_in_one_case(client):
    data = client.get("/api/search").get_json()
    values = [item["value"] for item in data["facets"]["dateline"]]
    assert "Shanghai" in values and "SHANGHAI" not in values
    assert all(not v.isupper() for v in values)
    assert client.get("/api/search?dateline=Shanghai").get_json()["total"] == 2


def test_chart_has_a_y_axis_a_peak_label_and_a_choice_of_period(client):
    html = client.get("/?q=tiktok").get_data(as_text=True)
    chart = html[html.index('<figure class="chart"') : html.index("</figure>")]
    ticks = re.findall(r'<span class="tick" style="top: [\d.]+%">([\d,]+)</span>', chart)
    assert ticks[0] == "0" and len(ticks) >= 2
    peak = re.search(
        r'<span class="chart-peak[^"]*" style="left: ([\d.]+)%; top: ([\d.]+)%">'
        r"peak (\d+) · ([^<]+)</span>",
        chart,
    )
    assert peak and int(peak.group(3)) == int(ticks[-1].replace(",", ""))
    for interval in ("day", "week", "month", "year"):
        assert f"interval={interval}" in chart
    by_year = client.get("/api/search?q=tiktok&interval=year").get_json()
    assert by_year["chart"]["granularity"] == "year" and by_year["interval"] == "year"
    assert all(len(item["value"]) == 4 for item in by_year["facets"]["date"])
    by_day = client.get("/api/search?q=tiktok&interval=day").get_json()
    assert by_day["chart"]["granularity"] == "day"
    assert client.get("/api/search?interval=hour").status_code == 400


def test_filters_have_a_jump_link_from_the_top_of_the_results(client):
    html = client.get("/?q=tiktok&source=Reuters").get_data(as_text=True)
    results = html[html.index('<section class="results"') :]
    assert results.index('class="jump-filters" href="#filters"') < results.index('class="hits"')
    assert "Filters (1 chosen)" in results
