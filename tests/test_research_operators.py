"""atleastN:word and words: (issue 15, item 4): the parser, both engines, the API and CLI."""

from __future__ import annotations

import json
import time

import pytest

from indexer.errors import QueryError
from indexer.query import grammar
from indexer.query.mentions import AtLeast, Length, read_length, word_count

from .conftest import run_cli
from .research_data import all_hits, length, mentions, rclient, research_app, research_index  # noqa: F401

BOTH_ENGINES = True
# The parser alone, and Whoosh's two matchers compared (no Xapian counterpart).
DEFAULT_ENGINE_ONLY = {
    "test_length_terms_read_as_inclusive_bounds",
    "test_operators_are_leaves_of_the_tree_and_render_back",
    "test_word_count_counts_runs_with_a_letter_and_each_cjk_character",
    "test_whoosh_fallback_matches_the_same_articles",
}


def _body(client, article_id: str) -> str:
    """An article's body as the API serves it."""
    return client.get(f"/api/articles/{article_id}").get_json()["body"]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("words:>500", (501, None)),
        ("words:>=500", (500, None)),
        ("words:<200", (None, 199)),
        ("words:<=200", (None, 200)),
        ("words:350", (350, 350)),
        ("words:[200 TO 800]", (200, 800)),
        ("words:[200 to *]", (200, None)),
        ("words:{200 TO 800}", (201, 799)),
    ],
)
def test_length_terms_read_as_inclusive_bounds(text, bounds):
    assert read_length(text) == bounds
    assert grammar.parse(text).tree == Length(*bounds)


def test_operators_are_leaves_of_the_tree_and_render_back():
    tree = grammar.parse("atleast3:cocoa words:>500").tree
    assert tree == grammar.And((AtLeast("cocoa", 3), Length(501, None)))
    negated = grammar.parse("coffee -words:<200").tree
    assert negated == grammar.AndNot(grammar.Word("coffee"), Length(None, 199))
    for node in (tree, negated):
        assert grammar.parse(grammar.render(node)).tree == node
    parsed = grammar.parse("atleast3:cocoa").tree
    assert parsed == AtLeast("cocoa", 3)
    assert list(grammar.leaves(parsed)) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("atleast:cocoa", "atleast3:cocoa"),
        ("atleast0:cocoa", "from 1 to 1000"),
        ("atleast5000:cocoa", "from 1 to 1000"),
        ('atleast2:"buffer stock"', "one word"),
        ("atleast2:coc*", "one word"),
        ("words:many", "words:>500"),
        ("words:[900 TO 100]", "low end is above"),
        ("words:>99999999", "too large"),
    ],
)
def test_malformed_operators_say_how_to_write_them(rclient, query, message):  # noqa: F811
    with pytest.raises(QueryError, match=message):
        grammar.parse(query)
    response = rclient.get("/api/search", query_string={"q": query})
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_word_count_counts_runs_with_a_letter_and_each_cjk_character():
    assert word_count("Cocoa — prices rose 3 pct , traders said.") == 7
    assert word_count("小红书 app") == 4
    assert word_count("") == 0


def test_every_atleast3_hit_holds_the_word_three_times(rclient):  # noqa: F811
    matching = all_hits(rclient, q="cocoa")
    hits = all_hits(rclient, q="atleast3:cocoa")
    bodies = {h["id"]: _body(rclient, h["id"]) for h in matching}
    counts = {i: mentions(b, "cocoa") for i, b in bodies.items()}
    expected = {i for i, c in counts.items() if c >= 3}
    assert {h["id"] for h in hits} == expected
    assert 0 < len(expected) < len(matching)  # some cocoa articles mention it fewer times
    assert all(counts[h["id"]] >= 3 for h in hits)


def test_atleast_combines_with_other_terms_and_negation(rclient):  # noqa: F811
    strong = {h["id"] for h in all_hits(rclient, q="atleast4:cocoa")}
    weak = {h["id"] for h in all_hits(rclient, q="cocoa -atleast4:cocoa")}
    every = {h["id"] for h in all_hits(rclient, q="cocoa")}
    assert strong and weak and strong | weak == every and not strong & weak


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("words:>300", lambda n: n > 300),
        ("words:<100", lambda n: n < 100),
        ("words:[100 TO 300]", lambda n: 100 <= n <= 300),
    ],
)
def test_words_filter_matches_lengths_counted_independently(rclient, query, keep):  # noqa: F811
    every = all_hits(rclient, q="")
    lengths = {h["id"]: length(_body(rclient, h["id"])) for h in every}
    found = {h["id"] for h in all_hits(rclient, q=query)}
    expected = {i for i, n in lengths.items() if keep(n)}
    assert found == expected
    assert 0 < len(found) < len(every)


def test_whoosh_fallback_matches_the_same_articles(research_index):  # noqa: F811
    """The fast matcher (numpy) and Whoosh's own matchers agree on both operators."""
    from indexer.backends.base import SearchQuery
    from indexer.backends.whoosh.backend import WhooshBackend
    from indexer.backends.whoosh.fastmatch import FastMatcher
    from indexer.live import LiveIndex

    live = LiveIndex(research_index)
    backend = live.backend()
    assert isinstance(backend, WhooshBackend)
    try:
        for text in ("atleast3:cocoa", "words:[100 TO 300] coffee", "atleast2:crude OR words:<60"):
            q = backend.parse(text)
            with backend._readers.reading() as searcher:
                fast = FastMatcher(searcher, True).evaluate(q, False, time.perf_counter() + 30).mask
                slow = (
                    FastMatcher(searcher, False).evaluate(q, False, time.perf_counter() + 30).mask
                )
            assert fast.any()
            assert (fast == slow).all(), text
            assert backend.search(SearchQuery(text=text, group=False)).total == int(fast.sum())
    finally:
        live.close()


def test_operators_from_the_cli(research_index, tmp_path):  # noqa: F811
    done = run_cli(["search", "atleast3:cocoa words:>100", "--json"], tmp_path, research_index)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["total"] > 0
    bad = run_cli(["search", "atleast0:cocoa"], tmp_path, research_index)
    assert bad.returncode != 0 and "from 1 to 1000" in bad.stderr
