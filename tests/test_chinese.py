"""Chinese and mixed-script search: the CJK analyzer, aliases, language detection, CJK dates.

A real index on disk, built by each engine (`BOTH_ENGINES`) over the articles in
`tests/data/chinese/`: a Chinese and an English article about RedNote (each naming it only in
its own language), a mixed Chinese/English one, and a Chinese article about a schoolgirl named
小红 and her 红书包 that shares characters with 小红书 but is not about it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh.analysis import StemmingAnalyzer
from whoosh.highlight import ContextFragmenter, WholeFragmenter

from indexer.backends import backend_class
from indexer.backends.analysis import text_analyzer
from indexer.backends.base import Hit, SearchBackend, SearchQuery
from indexer.backends.highlight import MarkFormatter, highlight_text
from indexer.models import PartialDate
from indexer.normalize.cjkdates import parse_cjk_date
from indexer.normalize.language import detect_language
from indexer.pipeline import build_index
from indexer.query.aliases import AliasTable, expand, expand_query, load_aliases, parse_aliases
from indexer.query.grammar import parse
from indexer.safehtml import split_fragments
from indexer.store import IndexStore

DATA = Path(__file__).resolve().parent / "data" / "chinese"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REDNOTE = {"rednote-zh", "rednote-en", "rednote-mixed"}
BOTH_ENGINES = True  # the tests searching an index run on Whoosh and on Xapian (conftest)


def _articles() -> dict[str, str]:
    """Article id -> full text (title, then body) of every file in tests/data/chinese."""
    texts = {}
    for path in sorted(DATA.iterdir()):
        if path.suffix == ".txt":
            texts[path.stem] = path.read_text(encoding="utf-8")
        elif path.suffix == ".json":
            record = json.loads(path.read_text(encoding="utf-8"))
            texts[path.stem] = f"{record['title']}\n\n{record['body']}"
    return texts


ARTICLES = _articles()


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, engine_name: str) -> Iterator[SearchBackend]:
    """The test's engine over a real on-disk index of the test articles, reopened from disk."""
    root = tmp_path_factory.mktemp(f"cjk-index-{engine_name}")
    shutil.copytree(DATA, root / "chinese")
    build_index([root / "chinese"], root / "index", backend=engine_name)
    opened = backend_class(engine_name).open(IndexStore(root / "index").current())
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def aliases() -> AliasTable:
    """The shipped default aliases."""
    return load_aliases(None)


def _search(engine: SearchBackend, text: str) -> list[Hit]:
    """Every article the query text matches (no aliases), with its snippets."""
    query = SearchQuery(text=text, per_page=100, group=False, facets=False, histogram=False)
    return engine.search(query).hits


def found(engine: SearchBackend, text: str) -> set[str]:
    """Ids (file names without their suffix) of the articles a query finds."""
    return {Path(hit.article.file).stem for hit in _search(engine, text)}


def snippets(engine: SearchBackend, text: str) -> dict[str, str]:
    """Article id -> highlighted snippets for a query, as the engine makes them."""
    return {Path(hit.article.file).stem: " … ".join(hit.snippets) for hit in _search(engine, text)}


# Aliases across scripts


@pytest.mark.parametrize("name", ["RedNote", "Xiaohongshu", "小红书", "rednote", "little red book"])
def test_every_name_of_rednote_finds_the_chinese_and_english_articles(
    engine: SearchBackend, aliases: AliasTable, name: str
) -> None:
    expanded, added = expand_query(name, aliases)
    assert added
    assert found(engine, expanded) == REDNOTE


def test_without_aliases_each_name_finds_only_its_own_script(engine: SearchBackend) -> None:
    assert found(engine, "RedNote") == {"rednote-en", "rednote-mixed"}
    assert found(engine, "Xiaohongshu") == set()
    assert found(engine, "小红书") == {"rednote-zh", "rednote-mixed"}


def test_expanded_query_reports_the_added_names(aliases: AliasTable) -> None:
    expanded, added = expand_query("RedNote refugees", aliases)
    assert expanded == (
        '(RedNote OR Xiaohongshu OR "Little Red Book" OR "小红书" OR "小紅書") refugees'
    )
    assert added == ["Xiaohongshu", "Little Red Book", "小红书", "小紅書"]


@pytest.mark.parametrize(
    ("query", "expanded"),
    [
        ('"RedNote users" ban', '"RedNote users" ban'),
        (
            "tiktok NOT rednote",
            'tiktok NOT (rednote OR Xiaohongshu OR "Little Red Book" OR "小红书" OR "小紅書")',
        ),
        ("-Beijing tiktok", 'tiktok -(Beijing OR "北京")'),
        ("tiktok OR weibo", 'tiktok OR (weibo OR "Sina Weibo" OR "微博" OR "新浪微博")'),
        ("title:weibo", 'title:(weibo OR "Sina Weibo" OR "微博" OR "新浪微博")'),
        (
            "title:(little red book)",
            'title:((little red book) OR RedNote OR Xiaohongshu OR "小红书" OR "小紅書")',
        ),
        ("Little AND Red Book", "Little AND Red Book"),  # only words side by side form a name
        (
            "+China (Weibo)",
            '(China OR "中国" OR "中國") (Weibo OR "Sina Weibo" OR "微博" OR "新浪微博")',
        ),
        ("source:reuters", "source:reuters"),
        ("dateline:(beijing OR shanghai)", "dateline:(beijing OR shanghai)"),
        ("rednote* beijing*", "rednote* beijing*"),
        ("Xi Jinping", '(Xi Jinping) OR "习近平" OR "習近平"'),
        ("little red book", '(little red book) OR RedNote OR Xiaohongshu OR "小红书" OR "小紅書"'),
        ("xi refugees", "xi refugees"),
        ("小红书用户", "小红书用户"),
    ],
)
def test_expansion_keeps_operators_and_leaves_what_it_cannot_rewrite(
    aliases: AliasTable, query: str, expanded: str
) -> None:
    """The expanded tree is the tree of the expected text (operators, signs, fields kept)."""
    tree, added = expand(parse(query).tree, query, aliases)
    assert parse(expand_query(query, aliases)[0]).tree == tree
    assert parse(expanded).tree == tree
    assert bool(added) == (expanded != query)


def test_every_expanded_query_reads_back_as_the_expanded_tree(aliases: AliasTable) -> None:
    for text in ["rednote", "-Beijing tiktok", "title:weibo", "Xi Jinping", "+China (Weibo)"]:
        tree, added = expand(parse(text).tree, text, aliases)
        expanded, _ = expand_query(text, aliases)
        assert added and parse(expanded).tree == tree


def test_aliases_file_format(tmp_path: Path) -> None:
    path = tmp_path / "aliases.txt"
    path.write_text(
        "# equivalent names\n\nRedNote | Xiaohongshu\n  xiaohongshu | 小红书 \nonly one\n",
        encoding="utf-8",
    )
    table = load_aliases(path)
    assert table.groups == (("RedNote", "Xiaohongshu", "小红书"),)  # the shared name joins lines
    assert table.aliases("REDNOTE") == ("RedNote", "Xiaohongshu", "小红书")
    assert table.aliases("TikTok") == ()


def test_missing_instance_file_falls_back_to_the_shipped_list(tmp_path: Path) -> None:
    table = load_aliases(tmp_path / "aliases.txt")
    assert "小红书" in table.aliases("RedNote")
    assert table.aliases("TikTok") == ()  # Douyin is not TikTok
    assert "TikTok" not in table.aliases("Douyin")


def test_empty_table_leaves_queries_alone() -> None:
    assert expand_query("RedNote", parse_aliases("")) == ("RedNote", [])


# CJK analysis: phrases, highlights, English alongside


def test_chinese_word_matches_only_the_article_that_contains_it(engine: SearchBackend) -> None:
    # The schoolgirl article holds both units of 小红书 (小红, 红书) but not the word.
    assert "bookbag-zh" in found(engine, "小红")
    assert "bookbag-zh" in found(engine, "红书包")
    assert "bookbag-zh" not in found(engine, "小红书")
    assert found(engine, '"美国网民"') == {"rednote-zh"}
    assert found(engine, "美国网民") == {"rednote-zh"}
    assert found(engine, "字节跳动 抖音") == {"rednote-zh"}


def test_chinese_punctuation_in_a_query_separates_words(engine: SearchBackend) -> None:
    assert found(engine, "小红书，抖音") == {"rednote-zh"}
    assert found(engine, "小红书 -抖音") == {"rednote-mixed"}


def test_highlight_marks_exactly_the_word(engine: SearchBackend) -> None:
    marked = snippets(engine, "小红书")
    assert "涌入中国社交应用<mark>小红书</mark>" in marked["rednote-zh"]
    assert "<mark>小红书</mark>（RedNote）" in marked["rednote-mixed"]
    assert "<mark>小红</mark>" not in marked["rednote-zh"]
    mixed = snippets(engine, "TikTok难民")
    assert "“<mark>TikTok难民</mark>”" in mixed["rednote-zh"]


def test_highlight_text_marks_whole_words_in_paragraphs() -> None:
    paragraph = "过去一周，小红书登上了美国苹果应用商店免费下载榜的首位。"
    marked = highlight_text(
        paragraph,
        {"小红", "红书"},
        text_analyzer(),
        WholeFragmenter(charlimit=None),
        MarkFormatter(),
    )
    assert split_fragments(marked) == [
        "过去一周，<mark>小红书</mark>登上了美国苹果应用商店免费下载榜的首位。"
    ]


def test_highlight_text_makes_snippets_with_whole_words() -> None:
    terms = {"小红", "红书", "tiktok", "难民"}
    fragmenter = ContextFragmenter(maxchars=220, surround=80)
    marked = highlight_text(
        ARTICLES["rednote-zh"], terms, text_analyzer(), fragmenter, MarkFormatter()
    )
    snippet = split_fragments(marked)[0]
    assert "涌入中国社交应用<mark>小红书</mark>，自称“<mark>TikTok难民</mark>”" in snippet
    assert "<mark>小红</mark>" not in snippet


def test_english_stemming_works_inside_a_mixed_article(engine: SearchBackend) -> None:
    assert "rednote-mixed" in found(engine, "refugee")
    assert "rednote-mixed" in found(engine, "cooked")
    marked = snippets(engine, "refugee")["rednote-mixed"]
    assert "自称 TikTok <mark>refugees</mark> 的美国用户" in marked


def test_tokens_carry_the_offsets_and_positions_of_their_characters() -> None:
    text = "自称 TikTok refugees 的美国用户注册了小红书（RedNote）。"
    tokens = [
        (t.text, t.pos, text[t.startchar : t.endchar])
        for t in text_analyzer()(text, positions=True, chars=True)
    ]
    units = "的美 美国 国用 用户 户注 注册 册了 了小 小红 红书".split()
    assert tokens == [
        ("自称", 0, "自称"),
        ("tiktok", 1, "TikTok"),
        ("refuge", 2, "refugees"),
        *((unit, pos, unit) for pos, unit in enumerate(units, 3)),
        ("rednot", 13, "RedNote"),
    ]


def test_single_cjk_characters_and_full_width_digits() -> None:
    tokens = [t.text for t in text_analyzer()("２０２５年１月15日，猫。")]
    assert tokens == ["2025", "年", "1", "月", "15", "日", "猫"]  # every word: "1" too


def test_english_text_is_analysed_as_stemming_without_a_stop_list() -> None:
    """Issue 14: every word is kept (US, May, The Hague), otherwise as StemmingAnalyzer."""
    old, new = StemmingAnalyzer(stoplist=None, minsize=1, cachesize=100_000), text_analyzer()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        before = [
            (t.text, t.pos, t.startchar, t.endchar) for t in old(text, positions=True, chars=True)
        ]
        after = [
            (t.text, t.pos, t.startchar, t.endchar) for t in new(text, positions=True, chars=True)
        ]
        assert after == before, path.name


# Language and dates


@pytest.mark.parametrize(
    ("article", "language"),
    [("rednote-zh", "zh"), ("bookbag-zh", "zh"), ("rednote-mixed", "zh"), ("rednote-en", "en")],
)
def test_language_of_the_test_articles(article: str, language: str) -> None:
    assert detect_language(ARTICLES[article]) == language


def test_language_is_none_when_there_is_nothing_to_read() -> None:
    assert detect_language("") is None
    assert detect_language("2025-01-15 12:00") is None
    assert detect_language("美國用戶湧入小紅書，兩岸網友熱烈討論。") == "zh"
    assert detect_language("Bad\x00bytes\ud800 in an English sentence about the app.") == "en"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025年1月15日", PartialDate(2025, 1, 15)),
        ("本报上海2025年1月15日电", PartialDate(2025, 1, 15)),
        ("2025年1月", PartialDate(2025, 1)),
        ("1月15日", PartialDate(None, 1, 15)),
        ("1月15日（周三）", PartialDate(None, 1, 15, 2)),
        ("２０２５年１月１５日", PartialDate(2025, 1, 15)),
        ("2025 年 1 月 15 日", PartialDate(2025, 1, 15)),
        ("二〇二五年一月十五日", PartialDate(2025, 1, 15)),
        ("二〇二四年十二月三十一日", PartialDate(2024, 12, 31)),
        ("1月15号", PartialDate(None, 1, 15)),
    ],
)
def test_cjk_dates_parse(text: str, date: PartialDate) -> None:
    assert parse_cjk_date(text) == date


@pytest.mark.parametrize("text", ["2025年", "1月", "2025年2月30日", "13月1日", "2025-01-15", ""])
def test_cjk_dates_refuse_what_is_not_a_date(text: str) -> None:
    assert parse_cjk_date(text) is None


def test_date_of_the_chinese_article() -> None:
    date = parse_cjk_date(ARTICLES["rednote-zh"])
    assert date is not None and date.iso() == "2025-01-15"
