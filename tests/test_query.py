"""The query layer: the grammar's tree, its round trip through text, `prepare`, and its messages."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from whoosh import qparser

from indexer.backends.base import SearchQuery
from indexer.backends.whoosh.backend import build_schema
from indexer.backends.whoosh.cjkphrase import CJKPhrasePlugin
from indexer.backends.whoosh.translate import to_whoosh
from indexer.errors import QueryError
from indexer.query.aliases import parse_aliases
from indexer.query.dates import date_bounds, extract_date_terms
from indexer.query.fix import corrected
from indexer.query.grammar import (
    And,
    AndMaybe,
    AndNot,
    Not,
    Or,
    Pattern,
    Phrase,
    Require,
    Word,
    leaves,
    parse,
    render,
    tokenize,
)
from indexer.query.prepare import prepare

TODAY = dt.date(2025, 1, 15)


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("cocoa", Word("cocoa")),
        ("cocoa prices", And((Word("cocoa"), Word("prices")))),
        ("cocoa OR coffee", Or((Word("cocoa"), Word("coffee")))),
        ("a b OR c", And((Word("a"), Or((Word("b"), Word("c")))))),
        ("a AND b OR c", Or((And((Word("a"), Word("b"))), Word("c")))),
        ("a OR b OR c", Or((Word("a"), Word("b"), Word("c")))),
        ("NOT cocoa", Not(Word("cocoa"))),
        ("cocoa NOT prices", And((Word("cocoa"), Not(Word("prices"))))),
        ("cocoa -prices", AndNot(Word("cocoa"), Word("prices"))),
        ("cocoa -prices -sugar", AndNot(Word("cocoa"), Or((Word("prices"), Word("sugar"))))),
        ("(cocoa -prices) sugar", And((AndNot(Word("cocoa"), Word("prices")), Word("sugar")))),
        ("cocoa +prices", And((Word("prices"), Word("cocoa")))),
        ("a ANDNOT b", AndNot(Word("a"), Word("b"))),
        ("a ANDMAYBE b", AndMaybe(Word("a"), Word("b"))),
        ("a REQUIRE b", Require(Word("a"), Word("b"))),
        ('"cocoa prices"', Phrase("cocoa prices")),
        ('"cocoa prices"~5', Phrase("cocoa prices", slop=5)),
        ("'cocoa prices'", Word("cocoa prices", quoted=True)),
        ("title:cocoa", Word("cocoa", "title")),
        ('source:"New York Times"', Phrase("New York Times", "source")),
        ("title:(a OR body:b)", Or((Word("a", "title"), Word("b", "body")))),
        ("refug*", Pattern("refug*")),
        ("byline:go?", Pattern("go?", "byline")),
        ("foo:bar", Word("foo:bar")),  # not a field: a word
        ("covid-19", Word("covid-19")),  # a hyphen inside a word excludes nothing
        ("Ukraine - Russia", And((Word("Ukraine"), Word("-"), Word("Russia")))),
        ("title: cocoa", And((Word("title:"), Word("cocoa")))),
        ("cocoa date:2025 -date:yesterday", Word("cocoa")),
        ("date:2025", None),
        ("", None),
    ],
)
def test_grammar_reads_the_tree_and_renders_it_back(text, tree) -> None:
    parsed = parse(text)
    assert parsed.tree == tree
    assert parse(render(parsed.tree)).tree == tree


def test_random_queries_round_trip_through_text() -> None:
    rng = random.Random(3)
    pieces = ["cocoa", "co*", '"a b"', '"a b"~4', "'x y'", "title:z", "(p OR q)", "NOT n", "-m"]
    pieces += ["AND", "OR", "ANDNOT", "ANDMAYBE", "+k", "source:(s t)", "小红书"]
    for _ in range(500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        tree = parse(text).tree
        assert parse(render(tree)).tree == tree, text


def test_leaves_are_listed_left_to_right() -> None:
    tree = parse('a (b OR "c d") -e* NOT title:f').tree
    assert [leaf.text for leaf in leaves(tree)] == ["a", "b", "c d", "f", "e*"]


def test_tokens_say_where_each_piece_sits() -> None:
    tokens = tokenize('-title:"x y" AND date:[2025 to 2026]')
    assert [(t.kind, t.start, t.end) for t in tokens] == [
        ("sign", 0, 1),
        ("field", 1, 7),
        ("phrase", 7, 12),
        ("op", 13, 16),
        ("date", 17, 36),
    ]


# The translation for Whoosh equals what Whoosh's own parser made of the same text, so the
# results and scores of the queries below are unchanged by the query layer.
_OLD = qparser.MultifieldParser(["title", "body"], schema=build_schema(), group=qparser.AndGroup)
_OLD.add_plugin(qparser.PlusMinusPlugin())
_OLD.add_plugin(CJKPhrasePlugin())
_OLD.remove_plugin_class(qparser.BoostPlugin)
_WORDS = ["cocoa", "prices", "running", "小红书", "小红书，抖音", "co*", "c?coa", '"cocoa prices"']
_WORDS += ['"the cocoa"~3', "'cocoa prices'", "title:cocoa", "source:reuters", "body:co*"]
_WORDS += ['source:"new york times"', "title:(cocoa OR prices)", "dateline:beijing", "2025"]
_WORDS += ["title:小红书", '"小红书 用户"', "AT&T", "x.y", "don't", "foo:bar", "US", "the"]


def _generated(rng: random.Random, depth: int = 0) -> str:
    """A query of known words, groups and operators (no NOT of a word that analyses away)."""
    parts = []
    for _ in range(rng.randint(1, 3)):
        if depth < 2 and rng.random() < 0.2:
            parts.append("(" + _generated(rng, depth + 1) + ")")
        else:
            parts.append(rng.choice(_WORDS))
    text = parts[0]
    for part in parts[1:]:
        text += rng.choice([" ", " AND ", " OR ", " ANDNOT ", " ANDMAYBE "]) + part
    return text


def test_the_whoosh_translation_equals_whooshs_own_parser() -> None:
    schema = build_schema()
    rng = random.Random(5)
    texts = [*_WORDS, "NOT cocoa", "cocoa -prices", "cocoa NOT prices -x.y", "tiktok AND NOT x"]
    texts += [_generated(rng) for _ in range(600)]
    texts += [f"{_generated(rng)} -{rng.choice(_WORDS)}" for _ in range(150)]
    for text in texts:
        assert to_whoosh(parse(text).tree, schema) == _OLD.parse(text), text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"tiktok', 'Unbalanced quote in query: "tiktok'),
        ('date:""', 'Empty date in date:"": use YYYY'),
        ("date:[2025]", "A date range needs two ends, as in date:[2025-01-01 to 2025-01-31]"),
        ("date:banana", "Could not read the date 'banana' in date:banana: use YYYY"),
        ('date:"March 3"', "The date 'march 3' in date:\"March 3\" has no year"),
        ("date:2025 date:2024", "The dates in the query leave no days: 2025-01-01 is after"),
        ("date:" + "1" * 40, "is out of range: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date:2025-" + "9" * 30, "is out of range"),
        ("date:[" + "1" * 30 + " to]", "is out of range"),
        ("date:00100", "Could not read the date '00100'"),  # no year 100 (fuzzing found it)
        ("date:2025-13", "Could not read the date '2025-13'"),
    ],
)
def test_every_message_of_the_query_text(text, message) -> None:
    with pytest.raises(QueryError) as caught:
        prepare(SearchQuery(text=text))
    assert message in str(caught.value)


def test_the_result_window_is_refused_before_anything_runs() -> None:
    with pytest.raises(QueryError, match="Results past number 10000 cannot be paged to"):
        prepare(SearchQuery(text="cocoa", page=101, per_page=100))


def test_date_terms_narrow_each_other_and_the_from_to_fields() -> None:
    tokens = tokenize('cocoa date:2025 date:"last week"')
    assert date_bounds(tokens, TODAY) == (dt.date(2025, 1, 6), dt.date(2025, 1, 12))
    prepared = prepare(
        SearchQuery(text="cocoa date:2025-01", date_from=dt.date(2025, 1, 10), date_to=None)
    )
    assert prepared.bounds == (dt.date(2025, 1, 10), dt.date(2025, 1, 31))
    assert prepared.tree == Word("cocoa")
    assert extract_date_terms("oil date:[1987-03-01 to 1987-03-31] (a OR b)") == (
        "oil (a OR b)",
        (dt.date(1987, 3, 1), dt.date(1987, 3, 31)),
    )


def test_prepare_expands_aliases_on_the_tree_and_says_what_it_added() -> None:
    table = parse_aliases("RedNote | Xiaohongshu | 小红书\n")
    prepared = prepare(SearchQuery(text="rednote -ban date:2025", aliases=table))
    assert prepared.aliases_added == ["Xiaohongshu", "小红书"]
    assert prepared.tree == AndNot(
        Or((Word("rednote"), Word("Xiaohongshu"), Phrase("小红书"))), Word("ban")
    )
    assert prepare(SearchQuery(text="rednote", aliases=None)).aliases_added == []


def test_ranking_and_suggestion_rules() -> None:
    assert prepare(SearchQuery(text="cocoa")).ranked
    assert not prepare(SearchQuery(text="cocoa", sort="newest")).ranked
    assert not prepare(SearchQuery(text="date:2025")).ranked  # no words: newest first
    few = prepare(SearchQuery(text="cocao"))
    assert few.wants_suggestion(0) and not few.wants_suggestion(3)
    assert not prepare(SearchQuery(text="date:2025")).wants_suggestion(0)
    assert not prepare(SearchQuery(text="cocao", suggest=False)).wants_suggestion(0)


def test_a_correction_replaces_unknown_words_and_keeps_the_rest() -> None:
    known = {"cocoa": None, "cocao": "cocoa", "prise": "price", "refugess": "refugees"}
    text = 'title:cocao AND "prise rises" date:yesterday refug* 2025 NOT refugess'
    tokens = tokenize(text)
    fixed = corrected(text, tokens, known.get, deadline=float("inf"))
    assert fixed == 'title:cocoa AND "price rises" date:yesterday refug* 2025 NOT refugees'
    assert corrected("cocoa", tokenize("cocoa"), known.get, deadline=float("inf")) is None


@pytest.mark.parametrize("module", [b"indexer.analysis", b"indexer.backends.whoosh.analysis"])
def test_an_index_schema_pickled_before_the_move_still_loads(module: bytes) -> None:
    """Indexes built before the analyzer moved name its older modules in their schema."""
    import pickle

    import indexer.backends.whoosh  # noqa: F401 - sets the aliases, as opening an index does
    from indexer.backends.analysis import text_analyzer

    analyzer = text_analyzer()
    # As Whoosh writes its table of contents: protocol 2, each class as "module\nname".
    new = pickle.dumps(analyzer, protocol=2)
    old = new.replace(b"indexer.backends.analysis\n", module + b"\n")
    assert old != new and old.count(module + b"\n") >= 2  # the tokenizer and its segmenter
    loaded = pickle.loads(old)
    text = "Refugees on 小红书"
    assert [t.text for t in loaded(text)] == [t.text for t in analyzer(text)]
