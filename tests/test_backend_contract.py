"""The SearchBackend contract, run against every registered backend."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.backends import BACKENDS
from indexer.backends.base import (
    CHART_BY_SOURCE,
    HIGHLIGHT,
    MORE_LIKE_THIS,
    SUGGESTIONS,
    SearchBackend,
    SearchQuery,
)
from indexer.errors import IndexMissing, QueryError
from indexer.models import Article, PartialDate
from tests.fakebackend import FakeBackend


def needs(backend: SearchBackend, capability: str) -> None:
    """Skip a test of an optional capability the engine does not offer."""
    if not backend.supports(capability):
        pytest.skip(f"{backend.name} does not offer {capability}")


def _articles() -> list[Article]:
    """A small collection with known facets and dates."""

    def make(n, title, body, source, date, byline=(), publisher=None, dateline=None):
        return Article(
            id=f"a{n}",
            file=f"f/{n}.txt",
            origin=f"f/{n}.txt",
            title=title,
            body=body,
            source=source,
            publisher=publisher,
            date=PartialDate.parse_iso(date) if date else None,
            byline=list(byline),
            dateline=dateline,
            mtime=float(n),
        )

    return [
        make(
            1,
            "Cocoa prices rise",
            "Cocoa prices rose in London trading.",
            "Reuters",
            "1987-03-02",
            ["Ann Lee"],
            dateline="LONDON",
        ),
        make(
            2,
            "Cocoa harvest late",
            "Rains delayed the cocoa harvest in Ghana.",
            "Reuters",
            "1987-04-10",
            ["Ann Lee", "Bo Chan"],
            publisher="Farm Portal",
        ),
        make(3, "Coffee exports fall", "Brazil coffee exports fell sharply.", "AP", "1987-04"),
        make(
            4,
            "Cocoa talks",
            "Producers discussed cocoa quotas <script>alert(1)</script>.",
            "AFP",
            "1986",
            ["Bo Chan"],
        ),
        make(5, "Sugar steady", "Sugar was steady, cocoa was not mentioned much.", "AP", None),
    ]


ENGINES = {**BACKENDS, FakeBackend.name: FakeBackend}  # the fake proves the core is neutral


@pytest.fixture(params=sorted(ENGINES))
def backend(request, tmp_path):
    """A backend of each registered kind (and the fake), filled with the small collection."""
    engine = ENGINES[request.param].create(tmp_path / "gen")
    engine.add(_articles())
    yield engine
    engine.close()


def test_count_get_and_round_trip(backend):
    assert backend.count() == 5
    got = backend.get("a2")
    assert got == _articles()[1]
    assert backend.get("nope") is None


def test_open_reads_what_create_wrote(backend, tmp_path):
    cls = type(backend)
    again = cls.open(tmp_path / "gen")
    try:
        assert again.count() == 5
    finally:
        again.close()


def test_an_engine_without_a_capability_degrades(backend):
    if backend.supports(MORE_LIKE_THIS):
        assert backend.similar("a1")
    else:
        assert backend.similar("a1") == []  # the article page shows no "more like this"
    assert backend.status()["engine"] == backend.name


def test_an_engine_says_why_it_lacks_a_capability(backend):
    from indexer.backends.base import CAPABILITIES

    for capability in CAPABILITIES:
        reason = backend.lacks(capability)
        if backend.supports(capability):
            assert reason is None
        else:  # shown to users (the page's and the API's note on a missing "did you mean")
            assert reason == f"the {backend.name} engine does not offer it"


def test_open_missing_raises_index_missing(backend, tmp_path):
    with pytest.raises(IndexMissing):
        type(backend).open(tmp_path / "empty")


def test_search_ranks_and_highlights(backend):
    results = backend.search(SearchQuery(text="cocoa harvest"))
    assert results.total == 1
    hit = results.hits[0]
    assert hit.article.id == "a2"
    assert any("<mark>cocoa</mark>" in s.lower() for s in hit.snippets)
    assert hit.score and hit.score > 0


def test_snippets_are_escaped(backend):
    results = backend.search(SearchQuery(text="quotas"))
    snippet = " ".join(results.hits[0].snippets)
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>quotas</mark>" in snippet


def test_facets_or_within_and_across(backend):
    plain = backend.search(SearchQuery(text="cocoa"))
    assert plain.total == 4
    source = {f.value: f.count for f in plain.facets["source"]}
    assert source == {"Reuters": 2, "AFP": 1, "AP": 1}
    assert {f.value: f.count for f in plain.facets["byline"]} == {"Ann Lee": 2, "Bo Chan": 2}
    assert {f.value: f.count for f in plain.facets["month"]} == {
        "1986": 1,
        "1987-03": 1,
        "1987-04": 1,
    }

    two = backend.search(SearchQuery(text="cocoa", filters={"source": ("Reuters", "AFP")}))
    assert two.total == 3
    counts = {f.value: (f.count, f.selected) for f in two.facets["source"]}
    # A facet's own selection does not shrink its counts: AP stays listed to be added.
    assert counts == {"Reuters": (2, True), "AFP": (1, True), "AP": (1, False)}

    both = backend.search(
        SearchQuery(text="cocoa", filters={"source": ("Reuters", "AFP"), "byline": ("Bo Chan",)})
    )
    assert {h.article.id for h in both.hits} == {"a2", "a4"}
    assert {f.value: f.count for f in both.facets["source"]} == {"Reuters": 1, "AFP": 1}


def test_empty_query_lists_newest_first_and_oldest(backend):
    newest = backend.search(SearchQuery())
    assert [h.article.id for h in newest.hits] == ["a2", "a3", "a1", "a4", "a5"]
    oldest = backend.search(SearchQuery(sort="oldest"))
    assert [h.article.id for h in oldest.hits] == ["a4", "a1", "a3", "a2", "a5"]


def test_date_bounds_need_the_whole_period_inside(backend):
    results = backend.search(
        SearchQuery(date_from=dt.date(1987, 4, 1), date_to=dt.date(1987, 4, 30))
    )
    assert {h.article.id for h in results.hits} == {"a2", "a3"}
    results = backend.search(SearchQuery(date_from=dt.date(1987, 4, 5)))
    assert {h.article.id for h in results.hits} == {"a2"}


def test_pagination(backend):
    first = backend.search(SearchQuery(per_page=2))
    third = backend.search(SearchQuery(per_page=2, page=3))
    assert first.pages == 3 and len(first.hits) == 2 and len(third.hits) == 1


@pytest.mark.parametrize("text", ['"cocoa', "(cocoa", "cocoa)", "x" * 600])
def test_malformed_queries_raise_query_error(backend, text):
    with pytest.raises(QueryError):
        backend.search(SearchQuery(text=text))


def test_field_queries(backend):
    assert backend.search(SearchQuery(text="source:ap")).total == 2
    assert backend.search(SearchQuery(text='byline:"bo chan"')).total == 2
    assert backend.search(SearchQuery(text="cocoa -harvest")).total == 3
    assert backend.search(SearchQuery(text="coffee OR sugar")).total == 2


def test_delete_and_files(backend):
    assert backend.files()["f/3.txt"] == 3.0
    assert backend.ids_for_files(["f/3.txt", "f/4.txt"]) == ["a3", "a4"]
    assert backend.delete(["a3"]) == 1
    assert backend.count() == 4
    assert "f/3.txt" not in backend.files()
    assert backend.search(SearchQuery(text="coffee")).total == 0


def test_add_replaces_by_id(backend):
    changed = _articles()[0]
    changed.title = "Cocoa prices soar"
    backend.add([changed])
    assert backend.count() == 5
    assert backend.get("a1").title == "Cocoa prices soar"


def test_highlight_paragraphs_marks_terms_and_escapes(backend):
    needs(backend, HIGHLIGHT)
    body = "First cocoa paragraph.\n\nSecond with <b>tags</b>."
    paragraphs = backend.highlight_paragraphs(body, "cocoa")
    assert paragraphs == [
        "First <mark>cocoa</mark> paragraph.",
        "Second with &lt;b&gt;tags&lt;/b&gt;.",
    ]


def test_date_terms_in_the_query(backend):
    assert {h.article.id for h in backend.search(SearchQuery(text="date:1987-04")).hits} == {
        "a2",
        "a3",
    }
    ranged = backend.search(SearchQuery(text="cocoa date:[1987-03-01 to 1987-04-30]"))
    assert {h.article.id for h in ranged.hits} == {"a1", "a2"}
    assert ranged.date_bounds == (dt.date(1987, 3, 1), dt.date(1987, 4, 30))
    with pytest.raises(QueryError, match="banana"):
        backend.search(SearchQuery(text="date:[yesterday to banana]"))


def test_histogram_bins_matching_articles(backend):
    results = backend.search(SearchQuery(text="cocoa"))
    hist = results.histogram
    assert hist is not None
    assert sum(b.count for b in hist.bins) + hist.imprecise + hist.undated == results.total
    assert hist.bins[0].start <= dt.date(1987, 3, 2) <= hist.bins[-1].end
    if not backend.supports(CHART_BY_SOURCE):
        return
    by_source = backend.search(SearchQuery(text="cocoa", chart_by_source=True)).histogram
    assert set(by_source.series) <= {"Reuters", "AFP", "AP"}
    assert all(len(v) == len(by_source.bins) for v in by_source.series.values())


def test_did_you_mean(backend):
    needs(backend, SUGGESTIONS)
    results = backend.search(SearchQuery(text="cocao"))
    assert results.total == 0
    assert results.suggestion == "cocoa"
    assert backend.search(SearchQuery(text="cocoa")).suggestion is None


def test_similar_articles(backend):
    needs(backend, MORE_LIKE_THIS)
    similar = backend.similar("a1", limit=3)
    assert similar and all(a.id != "a1" for a in similar)
    assert similar[0].id in {"a2", "a4"}
    assert backend.similar("nope") == []


def test_export_streams_every_match_in_order(backend):
    rows = list(backend.export(SearchQuery(text="cocoa", sort="oldest")))
    assert [a.id for a in rows] == ["a4", "a1", "a2", "a5"]
    assert len(list(backend.export(SearchQuery(), cap=2))) == 2
    assert list(backend.export(SearchQuery(text="zebra"))) == []


def test_a_whoosh_index_of_an_older_schema_asks_for_a_rebuild(tmp_path):
    from whoosh import fields
    from whoosh.filedb.filestore import FileStorage

    FileStorage(str(tmp_path)).create_index(fields.Schema(id=fields.ID(stored=True))).close()
    with pytest.raises(IndexMissing, match="older newsindex.*newsindex rebuild"):
        BACKENDS["whoosh"].open(tmp_path)


def test_facet_values_differing_in_case_are_one(tmp_path):
    articles = _articles()
    articles[0].dateline, articles[1].dateline = "NEW YORK", "New York"
    for cls in BACKENDS.values():
        engine = cls.create(tmp_path / cls.name)
        try:
            engine.add(articles)
            results = engine.search(SearchQuery(filters={"dateline": ("new york",)}))
            assert {h.article.id for h in results.hits} == {"a1", "a2"}
            assert [(f.value, f.count, f.selected) for f in results.facets["dateline"]] == [
                ("NEW YORK", 2, True)
            ]
        finally:
            engine.close()


def _bm25f_ranking(articles: list[Article], words: list[str]) -> list[tuple[str, float]]:
    """Whoosh's BM25F computed here from the texts: every article with all the words, ranked.

    Per field (title weighs 2 per occurrence, its schema boost): idf = ln(N / (df + 1)) + 1,
    score = idf * w * (K1 + 1) / (w + K1 * (1 - B + B * length / mean length)), lengths
    rounded to one byte as Whoosh stores them; a word's score is its title and body scores.
    """
    import math

    from whoosh.util.numeric import byte_to_length, length_to_byte

    from indexer.backends.analysis import text_analyzer

    analyzer, k1, b = text_analyzer(), 1.2, 0.75
    boosts = {"title": 2.0, "body": 1.0}
    tokens = {
        field: [[t.text for t in analyzer(getattr(a, field))] for a in articles] for field in boosts
    }
    terms = [t.text for word in words for t in analyzer(word)]
    n = len(articles)
    mean = {field: sum(map(len, column)) / n for field, column in tokens.items()}
    df = {
        (field, term): sum(term in doc for doc in column)
        for field, column in tokens.items()
        for term in terms
    }
    ranked = []
    for doc in range(n):
        score, found = 0.0, 0
        for term in terms:
            present = False
            for field, boost in boosts.items():
                column = tokens[field]
                frequency = column[doc].count(term)
                if not frequency:
                    continue
                present = True
                idf = math.log(n / (df[field, term] + 1)) + 1
                length = byte_to_length(length_to_byte(len(column[doc])))
                weight = frequency * boost
                score += (
                    idf * weight * (k1 + 1) / (weight + k1 * (1 - b + b * length / mean[field]))
                )
            found += present
        if found == len(terms):
            ranked.append((doc, score))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return [(articles[doc].id, score) for doc, score in ranked]


def test_relevance_ranking_is_bm25f_computed_independently(tmp_path):
    import random

    rng = random.Random(3)
    words = "oil prices rose fell market crude barrel opec supply demand trade bank rates".split()
    articles = [
        Article(
            id=f"d{n}",
            file=f"f/{n}",
            origin=f"f/{n}",
            title=" ".join(rng.choice(words) for _ in range(5)),
            body=" ".join(rng.choice(words) for _ in range(rng.randint(20, 200))),
        )
        for n in range(3000)
    ]
    engine = BACKENDS["whoosh"].create(tmp_path / "whoosh")
    try:
        engine.add(articles)
        for text in ("oil prices", "bank rates opec"):
            want = _bm25f_ranking(articles, text.split())
            results = engine.search(SearchQuery(text=text, group=False, snippets=0, per_page=20))
            assert results.total == len(want)
            assert [h.article.id for h in results.hits] == [i for i, _ in want[:20]]
            assert [h.score for h in results.hits] == pytest.approx(
                [score for _, score in want[:20]], rel=1e-9
            )
    finally:
        engine.close()
