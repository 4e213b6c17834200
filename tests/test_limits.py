"""Query limits: hostile query text is refused before parsing, with a message that says the fix."""

from __future__ import annotations

import pytest

from indexer.errors import QueryError
from indexer.query.limits import (
    MAX_DEPTH,
    MAX_QUERY_CHARS,
    MAX_RESULT_WINDOW,
    MAX_TERM_CHARS,
    MAX_TERMS,
    MAX_WILDCARDS,
    check_query_text,
    query_terms,
)

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)


@pytest.mark.parametrize(
    "text",
    [
        "tiktok refugees",
        '"tiktok refugees" OR (rednote AND -ban)',
        "title:rednote source:reuters",
        'byline:"brenda goh"',
        "refug* OR xiaohong*",
        "is tiktok banned?",
        "AT&T a < b",
        "(" * MAX_DEPTH + "cocoa" + ")" * MAX_DEPTH,
        " ".join(["word"] * MAX_TERMS),
        "x" * MAX_TERM_CHARS,
        " ".join(f"w{n}x*" for n in range(MAX_WILDCARDS)),
        "Ukraine-Russia [update]",
        "{braces} and [brackets] without the range word",
        "JavaScript: The Good Parts",
        "oil date:[1987-03-01 to 1987-03-31]",
        "DATE:[2025-01-10 to] refugees",
    ],
)
def test_ordinary_queries_pass(text):
    check_query_text(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * (MAX_QUERY_CHARS + 1), "Query is too long (513 characters; the limit is 512)"),
        ('"tiktok', 'Unbalanced quote in query: "tiktok'),
        ("((tiktok)", "Unbalanced parenthesis"),
        ("tiktok)(", "Unbalanced parenthesis"),
        ("a" * 150, "Term too long (150 characters; the limit is 100): shorten it or use a phrase"),
        ("title:" + "b" * 101, "Term too long (101 characters"),
        ("(" * 11 + "x" + ")" * 11, "Parentheses nested too deep (11 levels; the limit is 10)"),
        ("(" * 250 + "x" + ")" * 250, "remove some brackets"),
        (" ".join(["w"] * 51), "Too many terms (51; the limit is 50)"),
        ("*", "Wildcard in '*' needs at least 2 letters before the first * or ?"),
        ("*:*", "needs at least 2 letters"),
        ("a*", "type more of the word"),
        ("?ork", "needs at least 2 letters"),
        ("body:*ion", "Wildcard in '*ion'"),
        ("\u061fab", "needs at least 2 letters"),  # Whoosh also expands the Arabic question mark
        ("ab* cd* ef* gh*", "Too many wildcards (4; the limit is 3): spell out some of the words"),
        ("body:[a TO zzz]", "Ranges such as [a TO b] work only on dates"),
        ("body:[yesterday to banana]", "work only on dates, as in date:[2025-01-01 to"),
        ("{a to}", "Ranges such as"),
    ],
)
def test_hostile_queries_are_refused_with_the_fix(text, message):
    with pytest.raises(QueryError) as caught:
        check_query_text(text)
    assert message in str(caught.value)


def test_terms_are_counted_without_operators_signs_and_fields():
    terms = query_terms('title:(rednote OR "tiktok refugees") AND -ban +source:reuters NOT x')
    assert terms == ["rednote", "tiktok", "refugees", "ban", "reuters", "x"]
    assert query_terms('title: () "" AND') == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=" + "a" * 150, "Term too long (150 characters; the limit is 100)"),
        ("q=" + "(" * 12 + "x" + ")" * 12, "Parentheses nested too deep"),
        ("q=" + "+".join(["w"] * 60), "Too many terms (60; the limit is 50)"),
        ("q=*", "needs at least 2 letters"),
        ("q=ab*+cd*+ef*+gh*", "Too many wildcards"),
        ("q=body:[a+TO+zzz]", "Ranges such as"),
        ("q=cocoa&page=200&per_page=100", f"Results past number {MAX_RESULT_WINDOW}"),
    ],
)
def test_the_api_refuses_them_with_400_and_the_error_shape(client, query, message):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400, response.get_data(as_text=True)
    data = response.get_json()
    assert data["ok"] is False and data["status"] == 400
    assert message in data["error"]


def test_the_page_refuses_them_too_and_keeps_the_text(client):
    response = client.get("/?q=" + "a" * 150)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Term too long" in html and "a" * 150 in html


def test_a_date_range_query_still_marks_its_words_on_the_article_page(client):
    hit = client.get("/api/search?q=cocoa+arrivals").get_json()["hits"][0]
    html = client.get(f"/article/{hit['id']}?q=cocoa+date:[2000-01-01+to+2030-12-31]")
    assert html.status_code == 200 and "<mark>Cocoa</mark>" in html.get_data(as_text=True)


def test_the_limits_leave_room_for_real_searches(client):
    data = client.get("/api/search?q=tik*+OR+(refug*+AND+rednote)").get_json()
    assert data["ok"] is True and data["total"] >= 1
