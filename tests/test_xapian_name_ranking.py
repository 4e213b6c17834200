"""A query of name-field words ranks as Whoosh's BM25F does, not by the articles' lengths."""

from __future__ import annotations

import json

import xapian

from indexer.backends.base import SearchQuery
from indexer.backends.xapian import XapianBackend
from indexer.models import Article, PartialDate


def _article(n: int, source: str, words: int, byline: tuple[str, ...] = ()) -> Article:
    """An article of `source` whose body is `words` words long after one "harbour"."""
    return Article(
        id=f"n{n}",
        file=f"f/{n}.txt",
        origin=f"f/{n}.txt",
        title=f"Story {n}",
        body=" ".join(["harbour"] + ["quay"] * words) + ".",
        source=source,
        date=PartialDate.parse_iso("2024-05-01"),
        byline=list(byline),
        mtime=float(n),
    )


def _articles() -> list[Article]:
    """Wire and paper stories of very different lengths, the longest first."""
    lengths = [400, 350, 20, 300, 5, 250, 60, 200, 10, 150, 40, 100]
    return [_article(n, "Wire" if n % 3 else "Paper", w) for n, w in enumerate(lengths)]


def _engine(tmp_path, articles: list[Article], shards: int) -> XapianBackend:
    """A Xapian index of `articles` in `shards` local shards."""
    engine = XapianBackend.create_shards(tmp_path / f"x{shards}", shards)
    engine.add(articles)
    return engine


def test_one_source_word_ranks_flat_in_index_order(tmp_path):
    articles = _articles()
    wire = [a.id for a in articles if a.source == "Wire"]
    for shards in (1, 2):
        engine = _engine(tmp_path, articles, shards)
        try:
            results = engine.search(SearchQuery(text="source:wire", per_page=20, group=False))
            scores = {h.score for h in results.hits}
            assert results.total == len(wire)
            assert len(scores) == 1 and scores.pop() > 0  # flat: the body's length plays no part
            got = [h.article.id for h in results.hits]
            assert sorted(got) == sorted(wire)
            page2 = engine.search(SearchQuery(text="source:wire", page=2, per_page=3, group=False))
            assert [h.article.id for h in page2.hits] == got[3:6]
        finally:
            engine.close()


def test_the_flat_page_is_xapians_own_length_free_ranking(tmp_path):
    engine = _engine(tmp_path, _articles(), 2)
    try:
        results = engine.search(SearchQuery(text="source:wire", per_page=20, group=False))
        db = engine._db()
        enquire = xapian.Enquire(db)
        enquire.set_query(xapian.Query("XSwire"))
        enquire.set_weighting_scheme(xapian.BM25Weight(1, 0, 1, 0, 0.5))
        mset = enquire.get_mset(0, 20)
        expected = [(m.document.get_data(), m.weight) for m in mset]
        got = [(h.article.id, h.score) for h in results.hits]
        assert [i for i, _ in got] == [json.loads(d)["id"] for d, _ in expected]
        assert [s for _, s in got] == [w for _, w in expected]
    finally:
        engine.close()


def test_a_name_said_twice_still_weighs_more_and_body_words_keep_lengths(tmp_path):
    articles = _articles()
    articles[0].byline = ["Ann Lee", "Ann Cole"]  # "ann" twice in one byline
    articles[5].byline = ["Ann Wu"]
    engine = _engine(tmp_path, articles, 2)
    try:
        byline = engine.search(SearchQuery(text="byline:ann", group=False))
        assert [h.article.id for h in byline.hits] == ["n0", "n5"]
        body = engine.search(SearchQuery(text="harbour", per_page=20, group=False))
        assert body.hits[-1].article.id == "n0"  # the longest body: BM25 over the body's length
    finally:
        engine.close()
