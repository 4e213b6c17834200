"""The numpy evaluation matches Whoosh's own matching and BM25F scores, query by query.

Whoosh only (no BOTH_ENGINES): the fast matcher reads Whoosh's segment files and is checked
against Whoosh's own matchers; Xapian matches in C++ and has no such layer.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import numpy as np
import pytest
from whoosh import query

from indexer.backends.base import SearchQuery
from indexer.backends.whoosh.backend import WhooshBackend
from indexer.backends.whoosh.fastmatch import FastMatcher, top_n
from indexer.models import Article, PartialDate
from indexer.query.facets import date_mask

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUERIES = [
    "tiktok",
    "users",
    "chinese users",
    "tiktok OR rednote",
    "tiktok AND NOT rednote",
    "app -ban",
    "+rednote users",
    "title:tiktok",
    "source:reuters",
    '"tiktok refugees"',
    '"social media"',
    '"users on rednote"',
    '"chinese social media app"',
    '"social media"^2.5 users',
    'title:"tiktok refugees"',
    '"media social"',
    '"tiktok zzzunknownword"',
    '"social media"~3',
    '"users rednote"~2 OR "social media"',
    "refug*",
    "the",
    "us",
    "(ban OR law) AND (app OR platform) NOT court",
    "tiktok^3 users",
    "zzzunknownword",
]
# Queries that expand to several terms: Whoosh scores them with a matcher that depends on the
# index size, so their matches are compared with Whoosh and their scores with its terms' scores.
EXPANDING = ["us*", "co*", "tik?ok", "ban* OR law*", "title:chin*"]


def _articles(count: int = 600) -> list[Article]:
    """Articles recombined from the seeds' real sentences, with sources and dates."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 4]
    rng = random.Random(7)
    sources = ["Reuters", "Bloomberg", "Xinhua", "CGTN", None]
    out = []
    for n in range(count):
        body = " ".join(rng.sample(sentences, rng.randint(2, 12)))
        day = rng.choice([None, "2025-01-15", "2025-01", "2025", "2024-12-30", "2025-02-03"])
        out.append(
            Article(
                id=f"x{n}",
                file=f"f/{n}.txt",
                origin=f"f/{n}.txt",
                title=rng.choice(sentences)[:90],
                body=body,
                source=rng.choice(sources),
                date=PartialDate.parse_iso(day) if day else None,
            )
        )
    return out


@pytest.fixture(scope="module", params=["whoosh blocks", "saved postings"])
def engine(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    """An index of three segments with deleted and replaced documents.

    Read from Whoosh's posting blocks alone, or with the postings and positions a build saves
    per segment (`positions.py`).
    """
    engine = WhooshBackend.create(tmp_path_factory.mktemp("fast") / "ix")
    articles = _articles()
    for start in range(0, len(articles), 200):
        engine.add(articles[start : start + 200])
    engine.delete([f"x{n}" for n in range(0, 600, 7)])
    engine.add([articles[3], articles[250]])  # replaced: the old copies become deleted
    if request.param == "saved postings":
        engine.write_caches()
        searcher = engine._get_searcher()
        assert all(engine._positions.segment(s.reader()) for s, _ in searcher.subsearchers)
    yield engine
    engine.close()


def _matcher(engine: WhooshBackend, searcher) -> FastMatcher:
    """The fast matcher of a searcher, with the engine's saved postings when it has them."""
    return FastMatcher(searcher, True, engine._positions)


def test_the_index_has_segments_and_deletions(engine: WhooshBackend) -> None:
    searcher = engine._get_searcher()
    assert len(searcher.subsearchers) > 1
    assert searcher.doc_count() < searcher.doc_count_all()


@pytest.mark.parametrize("text", QUERIES)
def test_matches_and_scores_equal_whoosh(engine: WhooshBackend, text: str) -> None:
    q = engine.parse(text)
    searcher = engine._get_searcher()
    fast = _matcher(engine, searcher).evaluate(q, True, time.perf_counter() + 30)
    expected = np.zeros(searcher.doc_count_all(), dtype=bool)
    expected[list(searcher.docs_for_query(q))] = True
    assert fast.complete
    assert (fast.mask == expected).all()
    whoosh_scores = {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}
    assert set(whoosh_scores) == set(np.flatnonzero(fast.mask).tolist())
    for docnum, score in whoosh_scores.items():
        assert fast.scores[docnum] == pytest.approx(score, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("text", EXPANDING)
def test_expanded_terms_match_as_whoosh_and_score_as_the_sum_of_their_terms(
    engine: WhooshBackend, text: str
) -> None:
    q = engine.parse(text)
    searcher = engine._get_searcher()
    fast = _matcher(engine, searcher).evaluate(q, True, time.perf_counter() + 30)
    assert fast.complete
    assert sorted(np.flatnonzero(fast.mask).tolist()) == sorted(searcher.docs_for_query(q))
    terms = [(f, t) for f, t in q.simplify(searcher.reader()).iter_all_terms()]
    assert terms
    expected = np.zeros(searcher.doc_count_all())
    for field, word in terms:
        for hit in searcher.search(query.Term(field, word), limit=None):
            expected[hit.docnum] += hit.score
    assert fast.scores == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_exact_phrases_need_no_time_from_whoosh(engine: WhooshBackend) -> None:
    """Phrases are matched from the stored positions, so a spent deadline does not cut them."""
    searcher = engine._get_searcher()
    for text in ('"social media"', '"chinese social media app"', 'title:"tiktok refugees"'):
        q = engine.parse(text)
        fast = _matcher(engine, searcher).evaluate(q, True, time.perf_counter() - 1)
        assert fast.complete
        assert fast.mask.sum() == len(list(searcher.docs_for_query(q))) > 0


def test_top_n_ranks_by_score_then_document_number() -> None:
    scores = np.array([1.0, 3.0, 2.0, 3.0, 0.5, 2.0])
    docs, values = top_n(scores, np.array([0, 1, 2, 3, 5]), 3)
    assert docs.tolist() == [1, 3, 2]
    assert values.tolist() == [3.0, 3.0, 2.0]
    assert top_n(scores, np.array([], dtype=np.int64), 3)[0].tolist() == []


def test_search_ranking_is_whooshs_exhaustive_ranking(engine: WhooshBackend) -> None:
    searcher = engine._get_searcher()
    for text in ("chinese users", "tiktok OR rednote", '"tiktok refugees"'):
        results = engine.search(SearchQuery(text=text, group=False, snippets=0, per_page=20))
        exhaustive = sorted(
            ((hit.score, -hit.docnum) for hit in searcher.search(engine.parse(text), limit=None)),
            reverse=True,
        )[:20]
        got = [(h.score, h.article.id) for h in results.hits]
        want = [(score, searcher.stored_fields(-neg)["id"]) for score, neg in exhaustive]
        assert [i for _, i in got] == [i for _, i in want]


def test_date_mask_keeps_whole_periods_inside_the_bounds() -> None:
    import datetime as dt

    days = [dt.date(2025, 1, 15), dt.date(2025, 1, 1), dt.date(2025, 1, 1), dt.date(2024, 12, 30)]
    ordinal = np.array([d.toordinal() for d in days] + [0], dtype=np.int32)
    precision = np.array([3, 2, 1, 3, 0], dtype=np.int8)  # day, month, year, day, unknown
    january = (dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert date_mask(ordinal, precision, january).tolist() == [True, True, False, False, False]
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert date_mask(ordinal, precision, year).tolist() == [True, True, True, False, False]
    assert date_mask(ordinal, precision, (None, None)) is None


def test_a_slow_whoosh_subtree_stops_at_the_deadline(engine: WhooshBackend) -> None:
    # DisjunctionMax is not modelled: Whoosh runs it, under the deadline.
    slow = query.DisjunctionMax([query.Term("body", "rednot"), query.Term("title", "rednot")])
    q = query.Or([slow, query.Term("body", "user")])
    fast = _matcher(engine, engine._get_searcher()).evaluate(q, True, time.perf_counter() - 1)
    assert not fast.complete  # Whoosh's part had no time left; the term part still counts
    assert fast.mask.any()


def test_prefixes_and_wildcards_are_counted_exactly_without_time(engine: WhooshBackend) -> None:
    """Issue 14: a wildcard's count never depends on the time left (counted from postings)."""
    searcher = engine._get_searcher()
    for text in ("co*", "refug* OR users", "tik?ok OR ban*"):
        q = engine.parse(text)
        fast = _matcher(engine, searcher).evaluate(q, True, time.perf_counter() - 1)
        assert fast.complete
        assert fast.mask.sum() == len(list(searcher.docs_for_query(q))) > 0


def test_an_index_nothing_was_committed_to_matches_nothing(tmp_path: Path) -> None:
    engine = WhooshBackend.create(tmp_path / "empty")
    try:
        for text in ("tiktok", '"tiktok refugees"', ""):
            results = engine.search(SearchQuery(text=text))
            assert results.total == 0 and results.hits == []
    finally:
        engine.close()


def test_term_postings_are_read_without_decoding_positions(engine: WhooshBackend) -> None:
    """A block's ids and weights come from the cut pickle, equal to the whole block's."""
    from indexer.backends.whoosh import fastmatch

    reader = engine._get_searcher().subsearchers[0][0].reader()
    word = b"user"  # stemmed, as indexed
    cut = list(fastmatch._blocks(reader, "body", word, values=False))
    whole = list(fastmatch._blocks(reader, "body", word, values=True))
    assert len(cut) == len(whole) > 0
    for (ids, weights, values), (all_ids, all_weights, all_values) in zip(cut, whole, strict=True):
        assert values is None and len(all_values) == len(all_ids)
        assert ids.tolist() == all_ids.tolist()
        assert weights.tolist() == all_weights.tolist()


def test_hits_past_the_time_budget_show_their_lead_instead_of_snippets(
    engine: WhooshBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    from indexer.backends.whoosh import backend as whoosh

    sq = SearchQuery(text="users", group=False, per_page=20)
    marked = engine.search(sq)
    assert any("<mark>" in s for hit in marked.hits for s in hit.snippets)
    monkeypatch.setattr(whoosh, "SEARCH_SECONDS", 0.0)  # the budget is spent before the page
    late = engine.search(sq)
    assert late.total == marked.total and not late.timed_out  # the matches are all there
    assert [h.article.id for h in late.hits] == [h.article.id for h in marked.hits]
    assert all(hit.snippets and "<mark>" not in hit.snippets[0] for hit in late.hits)
