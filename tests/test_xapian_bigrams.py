"""A two-word phrase is matched by its words' pair term, a longer one by positions among the
articles holding its pairs: the same articles and weights as positions alone give, in indexes
built with pair terms; indexes built before are matched by positions."""

from __future__ import annotations

import json

import pytest
import xapian

from indexer.backends.base import SearchQuery
from indexer.backends.xapian import XapianBackend, schema
from indexer.backends.xapian.translate import to_xapian
from indexer.models import Article, PartialDate
from indexer.query.prepare import prepare

BODIES = [
    ("Oil prices rise", "Oil prices rose again. Traders said oil prices may fall."),
    ("Prices of oil", "The prices of oil rose, then oil fell; prices held."),
    ("Markets", "Analysts expect oil prices to ease as supply grows."),
    ("Oil", "Crude oil. Prices were mixed on the day; oil prices steady."),
    ("Price war", "Oil price war: oil prices, oil prices and more oil prices."),
    ("Wheat", "Wheat prices rose while oil stayed flat."),
    ("中国石油价格", "石油价格上涨。"),
]


def _articles() -> list[Article]:
    """Articles holding the words of "oil prices" adjacent, apart, reversed or not at all."""
    return [
        Article(
            id=f"b{n}",
            file=f"f/{n}.txt",
            origin=f"f/{n}.txt",
            title=title,
            body=body,
            source="Wire",
            date=PartialDate.parse_iso("2024-05-01"),
            mtime=float(n),
        )
        for n, (title, body) in enumerate(BODIES)
    ]


def _positional(engine: XapianBackend, text: str) -> list[tuple[str, float]]:
    """(id, weight) of every article Xapian's own phrase matching finds, ranked by BM25."""
    db = engine._db()
    subs = []
    for name in ("title", "body"):
        terms = [t.text for t in schema.analyzer(name)(text, mode="query")]
        prefix = schema.TEXT_PREFIX[name]
        words = [xapian.Query(prefix + t) for t in terms]
        subs.append(xapian.Query(xapian.Query.OP_PHRASE, words, len(words)))
    enquire = xapian.Enquire(db)
    enquire.set_query(xapian.Query(xapian.Query.OP_OR, subs))
    enquire.set_weighting_scheme(xapian.BM25Weight())
    return [(json.loads(m.document.get_data())["id"], m.weight) for m in enquire.get_mset(0, 50)]


@pytest.mark.parametrize("shards", [1, 2])
def test_a_pair_matches_and_weighs_as_the_positions_do(tmp_path, shards):
    engine = XapianBackend.create_shards(tmp_path / "x", shards)
    try:
        engine.add(_articles())
        for text in ("oil prices", "prices oil", "石油价格", "the prices of oil", "oil prices oil"):
            results = engine.search(SearchQuery(text=f'"{text}"', per_page=50, group=False))
            got = [(h.article.id, h.score) for h in results.hits]
            expected = _positional(engine, text)
            assert [i for i, _ in got] == [i for i, _ in expected]
            assert [s for _, s in got] == pytest.approx([w for _, w in expected])
            assert results.total == len(expected)
        assert [i for i, _ in _positional(engine, "oil prices")] != []
    finally:
        engine.close()


def test_the_pair_term_replaces_the_positions(tmp_path):
    engine = XapianBackend.create(tmp_path / "x")
    try:
        engine.add(_articles())
        db = engine._db()
        assert schema.has_bigrams(db)
        assert engine.status()["phrase_pairs"] is True
        query = to_xapian(prepare(SearchQuery(text='"oil prices"')).tree, db).query
        assert "XBoil price" in str(query) and "PHRASE" not in str(query)
        loose = to_xapian(prepare(SearchQuery(text='"oil prices"~3')).tree, db).query
        assert "PHRASE" in str(loose) and "XB" not in str(loose)  # a slop needs the positions
        longer = str(to_xapian(prepare(SearchQuery(text='"prices of oil"')).tree, db).query)
        assert "PHRASE" in longer and "XBprice of" in longer and "XBof oil" in longer
    finally:
        engine.close()


def test_an_index_built_without_pairs_matches_by_positions(tmp_path):
    engine = XapianBackend.create(tmp_path / "x")
    try:
        engine.add(_articles())
        expected = [(h.article.id, h.score) for h in engine.search(
            SearchQuery(text='"oil prices"', per_page=50, group=False)).hits]  # fmt: skip
        folder = tmp_path / "x" / "shard-0"
        db = xapian.WritableDatabase(str(folder), xapian.DB_OPEN)
        db.set_metadata(schema.BIGRAMS_KEY, "")  # as an index built before pair terms
        db.commit()
        db.close()
        engine.refresh()
        reader = engine._db(fresh=True)
        assert not schema.has_bigrams(reader)
        assert engine.status()["phrase_pairs"] is False
        query = to_xapian(prepare(SearchQuery(text='"oil prices"')).tree, reader).query
        assert "PHRASE" in str(query)
        results = engine.search(SearchQuery(text='"oil prices"', per_page=50, group=False))
        assert [(h.article.id, h.score) for h in results.hits] == expected
    finally:
        engine.close()
