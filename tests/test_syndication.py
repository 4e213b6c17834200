"""Grouping syndicated copies into stories, filling gaps from copies, and updating the grouping."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash

from indexer.errors import NewsIndexError
from indexer.models import Article, PartialDate, RawRecord
from indexer.normalize import normalize
from indexer.syndication import (
    StoryGrouper,
    fill_from_copies,
    group_articles,
    shingle_hashes,
)
from indexer.syndication.fingerprint import Fingerprinter

# The tests that search an index (those taking engine_name) run on Whoosh and on Xapian.
BOTH_ENGINES = True

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "syndication"
GBAF = "Global Banking & Finance Review"


def seed_text(prefix: str) -> str:
    """The text of the seed whose name starts with a prefix."""
    (path,) = SEEDS.glob(f"{prefix}-*.txt")
    return path.read_text(encoding="utf-8")


def between(text: str, start: str, end: str) -> str:
    """The part of a text from `start` to the end of `end`."""
    return text[text.index(start) : text.index(end) + len(end)]


def lines_as_paragraphs(text: str) -> str:
    """A page as a normaliser that keeps every line would leave it."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def titled(article_id: str, text: str, **fields: object) -> Article:
    """An article whose first line is the title and the rest the body."""
    title, _, body = text.strip().partition("\n")
    return Article(id=article_id, file=f"{article_id}.txt", title=title, body=body, **fields)


def reuters_000() -> Article:
    """Seed 000: Reuters' own copy, its date without a year, no byline."""
    return titled(
        "000",
        seed_text("000"),
        source="Reuters",
        date=PartialDate(None, 1, 15),
        dateline="SHANGHAI",
    )


def gbaf_001(body: str | None = None) -> Article:
    """Seed 001: the portal's copy of the full Reuters story, dated and signed."""
    page = seed_text("001")
    return Article(
        id="001",
        file="001.txt",
        title="China gives a wary welcome to influx of 'TikTok refugees' on RedNote",
        body=body or between(page, "SHANGHAI (Reuters) - Users of", "Editing by Alex Richardson)"),
        source="Reuters",
        publisher=GBAF,
        date=PartialDate(2025, 1, 15),
        byline=["Brenda Goh"],
        provenance={"date": "text", "byline": "byline-line"},
    )


def other_stories() -> list[Article]:
    """Seeds 002-004: the same event, three different stories."""
    return [
        titled("002", seed_text("002"), source="CGTN"),
        titled("003", seed_text("003"), source="Bloomberg"),
        titled("004", seed_text("004"), source="Xinhua"),
    ]


def seed_articles() -> list[Article]:
    """Hand-built articles over the five seeds."""
    return [reuters_000(), gbaf_001(), *other_stories()]


def story_members(groups: list) -> list[set[str]]:
    """The groups as sets of ids, for comparisons that ignore order."""
    return sorted((set(g.members) for g in groups), key=sorted)


def test_seeds_000_and_001_are_one_reuters_story_and_the_others_stay_apart() -> None:
    articles = seed_articles()
    groups = group_articles(articles)
    assert story_members(groups) == [{"000", "001"}, {"002"}, {"003"}, {"004"}]
    (reuters,) = [g for g in groups if len(g.members) == 2]
    assert reuters.source == "Reuters"
    # Once 000's year-less date agrees with 001's, the wire's own copy comes first.
    assert reuters.first == "000" and reuters.copies == ("001",)
    by_id = {a.id: a for a in articles}
    assert by_id["000"].story_id == by_id["001"].story_id == reuters.story_id
    assert len({a.story_id for a in articles}) == 4


def test_the_seeds_as_the_normaliser_reads_them_group_the_same_way() -> None:
    articles = [
        normalize(
            RawRecord(
                id=p.name[:3], file=p.name, path=p, kind="text", text=p.read_text(encoding="utf-8")
            )
        )
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    groups = group_articles(articles)
    assert story_members(groups) == [{"000", "001"}, {"002"}, {"003"}, {"004"}]
    assert articles[0].byline == ["Brenda Goh"] and articles[0].provenance["byline"] == "copy"


def test_seed_001_with_its_portal_page_left_in_still_groups_with_000() -> None:
    page = seed_text("001")
    leftover = lines_as_paragraphs(page.split("\n", 1)[1])
    assert "Editorial & Advertiser disclosure" in leftover and "Key Takeaways" in leftover
    groups = group_articles([reuters_000(), gbaf_001(leftover), *other_stories()])
    assert story_members(groups) == [{"000", "001"}, {"002"}, {"003"}, {"004"}]


def test_pages_of_one_portal_do_not_group_on_their_shared_boilerplate() -> None:
    page = lines_as_paragraphs(seed_text("001"))
    header = page[: page.index("Home > Finance >")]
    footer = page[page.index("More from Finance") :]
    # Short stories, so that the boilerplate is most of each page: every paragraph of the
    # other seeds and of two texts of our own, and seed 000 whole.
    texts = [a.body for a in other_stories()]
    texts += [p.read_text(encoding="utf-8").partition("\n")[2] for p in sorted(DATA.glob("*.txt"))]
    stories = [p for text in texts for p in text.split("\n") if len(p.split()) > 25]
    stories.append(reuters_000().body)
    pages = [
        Article(id=f"page-{n}", file="page.txt", body=f"{header}\n\n{story}\n\n{footer}")
        for n, story in enumerate(stories)
    ]
    assert len(pages) > 30
    # A value shared by more than five pages counts as boilerplate here (20 by default).
    groups = group_articles([gbaf_001(), *pages], common_limit=5)
    together = [m for m in story_members(groups) if len(m) > 1]
    assert together == [{"001", pages[-1].id}]


def test_a_copy_takes_year_and_byline_from_the_story_with_provenance_copy() -> None:
    articles = seed_articles()
    group_articles(articles)
    copy, source = articles[0], articles[1]
    assert copy.date == PartialDate(2025, 1, 15)
    assert copy.byline == ["Brenda Goh"]
    assert copy.provenance["date"] == copy.provenance["byline"] == "copy"
    assert copy.dateline == "SHANGHAI"
    assert source.provenance == {"date": "text", "byline": "byline-line"}


def test_fill_never_overrides_what_a_copy_states() -> None:
    signed = gbaf_001()
    other_day = titled("a", seed_text("000"), date=PartialDate(None, 1, 16))
    own_byline = titled("b", seed_text("000"), byline=["Staff Writer"], publisher="Digest")
    dated = titled("c", seed_text("000"), date=PartialDate(2025, 1, 17), publisher="Digest")
    changed = fill_from_copies([signed, other_day, own_byline, dated])
    assert other_day.date == PartialDate(None, 1, 16)  # a different day is not a gap
    assert other_day.byline == ["Brenda Goh"]
    assert own_byline.byline == ["Staff Writer"] and "byline" not in own_byline.provenance
    assert own_byline.date == PartialDate(2025, 1, 15)  # it had no date at all
    assert dated.date == PartialDate(2025, 1, 17) and dated.provenance.get("date") is None
    assert changed == ["a", "b", "c"]


def test_a_year_less_date_takes_a_year_only_when_its_weekday_fits() -> None:
    # 15 January 2025 was a Wednesday (weekday 2).
    wednesday = titled("w", seed_text("000"), date=PartialDate(None, 1, 15, weekday=2))
    friday = titled("f", seed_text("000"), date=PartialDate(None, 1, 15, weekday=4))
    fill_from_copies([gbaf_001(), wednesday, friday])
    assert wednesday.date == PartialDate(2025, 1, 15)
    assert friday.date == PartialDate(None, 1, 15, weekday=4)


def test_copied_values_are_not_evidence_for_other_copies() -> None:
    first, second = titled("x", seed_text("000")), titled("y", seed_text("000"))
    first.byline, first.provenance["byline"] = ["Brenda Goh"], "copy"
    assert fill_from_copies([first, second]) == []
    assert second.byline == []


def test_story_ids_are_stable_across_rebuilds() -> None:
    ids = [{a.id: a.story_id for a in _grouped(seed_articles())} for _ in range(2)]
    shuffled = list(reversed(seed_articles()))
    ids.append({a.id: a.story_id for a in _grouped(shuffled)})
    assert ids[0] == ids[1] == ids[2]


def _grouped(articles: list[Article]) -> list[Article]:
    """The articles after grouping."""
    group_articles(articles)
    return articles


def test_save_load_then_add_a_copy_and_remove_a_member(tmp_path: Path) -> None:
    grouper = StoryGrouper()
    for article in seed_articles():
        grouper.add(article)
    before = {g.story_id: set(g.members) for g in grouper.groups()}
    reuters = grouper.story_of("000")
    grouper.save(tmp_path)

    loaded = StoryGrouper.load(tmp_path)
    assert {g.story_id: set(g.members) for g in loaded.groups()} == before
    assert loaded.changed() == set()
    paragraphs = reuters_000().body.split("\n\n")
    excerpt = "\n\n".join(paragraphs[:6] + ["Sign up for our daily newsletter."])
    loaded.add(Article(id="005", file="005.txt", body=excerpt, publisher="Daily Digest"))
    loaded.remove("001")
    groups = {g.story_id: g for g in loaded.groups()}
    assert set(groups[reuters].members) == {"000", "005"}
    assert loaded.story(loaded.story_of("005")) == groups[reuters]
    assert groups[reuters].first == "000"
    for story_id in before:
        if story_id != reuters:
            assert groups[story_id].members == tuple(before[story_id])
    assert loaded.changed() == {"000", "005"}

    loaded.save(tmp_path)
    again = StoryGrouper.load(tmp_path)
    assert {g.story_id: g.members for g in again.groups()} == {
        g.story_id: g.members for g in groups.values()
    }


def test_removing_the_first_publisher_keeps_the_story_id() -> None:
    grouper = StoryGrouper()
    for article in seed_articles():
        grouper.add(article)
    reuters = grouper.story_of("001")
    assert grouper.groups()[0].first == "000"
    grouper.remove("000")
    assert grouper.story_of("001") == reuters
    grouper.add(reuters_000())
    assert grouper.story_of("000") == grouper.story_of("001") == reuters


def test_an_article_changed_into_another_story_moves_and_the_story_splits() -> None:
    grouper = StoryGrouper()
    for article in seed_articles():
        grouper.add(article)
    reuters = grouper.story_of("000")
    bloomberg = grouper.story_of("003")
    changed = titled("001", seed_text("003"), publisher=GBAF)
    grouper.add(changed)
    assert grouper.story_of("001") == bloomberg
    assert grouper.story_of("000") == reuters
    assert {g.story_id for g in grouper.groups()} >= {reuters, bloomberg}
    with pytest.raises(KeyError):
        grouper.remove("missing")


def test_state_is_json_and_numpy_arrays(tmp_path: Path) -> None:
    grouper = StoryGrouper()
    for article in seed_articles():
        grouper.add(article)
    grouper.save(tmp_path)
    state = json.loads((tmp_path / "syndication.json").read_text(encoding="utf-8"))
    assert state["format"] == "newsindex-syndication" and state["version"] == 1
    assert state["articles"]["id"] == ["000", "001", "002", "003", "004"]
    assert state["articles"]["credit"][:2] == ["reuters", "reuters"]
    sigs = np.load(tmp_path / "syndication-signatures.npy", allow_pickle=False)
    links = np.load(tmp_path / "syndication-links.npy", allow_pickle=False)
    assert sigs.shape == (5, 128) and sigs.dtype == np.uint32
    assert links.tolist() == [[0, 1]]


def test_loading_a_folder_without_state_says_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(NewsIndexError, match="rebuild the index"):
        StoryGrouper.load(tmp_path)


def test_fingerprints_are_datasketch_minhashes() -> None:
    body = reuters_000().body
    values, size = Fingerprinter()(body)
    reference = MinHash(num_perm=128, seed=1, hashfunc=int)
    reference.update_batch(shingle_hashes(body).tolist())
    assert (values == reference.hashvalues).all()
    assert size == len(set(shingle_hashes(body).tolist()))
    grouper = StoryGrouper()
    for article in seed_articles():
        grouper.add(article)
    lean = grouper.minhash("000")
    assert isinstance(lean, LeanMinHash)
    assert 0.3 < lean.jaccard(grouper.minhash("001")) < 0.6  # 000 is a truncated copy
    assert lean.jaccard(grouper.minhash("002")) < 0.05


def test_menus_headlines_and_captions_make_no_shingles() -> None:
    menu = "Top StoriesInterviewsBusinessFinance\n\n• About Us\n\nMore from Finance"
    headlines = "UK adds six new designations to Sudan sanctions list\n\nImage for a headline"
    assert len(shingle_hashes(f"{menu}\n\n{headlines}")) == 0
    assert len(shingle_hashes("Users of the app welcomed the newcomers on Wednesday.")) == 5


def test_short_or_empty_bodies_stay_alone() -> None:
    articles = [
        Article(id="a", file="a.txt", body=""),
        Article(id="b", file="b.txt", body=""),
        Article(id="c", file="c.txt", body="Markets rose on Monday."),
        Article(id="d", file="d.txt", body="Markets rose on Monday."),
    ]
    groups = group_articles(articles)
    assert len(groups) == 4
    assert all(a.story_id for a in articles)


def test_articles_that_share_paragraphs_in_a_chain_do_not_merge_into_one_story() -> None:
    # Roundups reuse paragraphs: each article shares three of its four paragraphs with the
    # next, so neighbours are copies, but the first and the last share nothing. Linking by
    # chains once put 55,011 of 100,100 articles into one story.
    paragraphs = [
        p
        for prefix in ("002", "003", "004")
        for p in lines_as_paragraphs(seed_text(prefix)).split("\n\n")
        if len(p.split()) >= 25 and p.endswith(".")
    ]
    assert len(paragraphs) >= 14
    chain = [
        Article(
            id=f"r{n}",
            file=f"r{n}.txt",
            title=f"Roundup {n}",
            body="\n\n".join(paragraphs[n : n + 4]),
        )
        for n in range(len(paragraphs) - 3)
    ]
    windows = {a.id: set(a.body.split("\n\n")) for a in chain}
    groups = group_articles(chain)
    assert max(len(g.members) for g in groups) > 1  # neighbours are still copies
    for group in groups:  # but no story holds two articles without a paragraph in common
        for a in group.members:
            assert all(windows[a] & windows[b] for b in group.members)
    assert sorted(m for g in groups for m in g.members) == sorted(a.id for a in chain)
    # Adding the articles in two updates ends in the same stories as one build.
    grouper = StoryGrouper()
    for part in (chain[::2], chain[1::2]):
        for article in part:
            grouper.add(article)
        grouper.groups()
    assert story_members(grouper.groups()) == story_members(groups)


def test_a_story_copied_many_times_lists_twenty_copies_and_counts_all(
    tmp_path: Path, engine_name: str
) -> None:
    from indexer.pipeline import build_index
    from webapp import create_app

    folder = tmp_path / "portals"
    folder.mkdir()
    story = seed_text("000")
    for n in range(26):
        (folder / f"portal-{n:02}.txt").write_text(story, encoding="utf-8")
    build_index([str(folder)], tmp_path / "index", backend=engine_name)
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "index", "BACKEND": engine_name})
    try:
        client = app.test_client()
        (hit,) = client.get("/api/search?q=RedNote").get_json()["hits"]
        assert len(hit["copies"]) == 20
        assert hit["copies_total"] == 25
        page = client.get("/?q=RedNote").get_data(as_text=True)
        assert "(25 other copies)" in page
        assert "… and 5 more" in page
    finally:
        app.extensions["newsindex"].close()


def _planted_signatures(n: int, seed: int) -> np.ndarray:
    """Random MinHash rows with planted copies (many shared values) and boilerplate values."""
    rng = np.random.default_rng(seed)
    sigs = rng.integers(0, 2**32, size=(n, 128), dtype=np.uint64).astype(np.uint32)
    for row in rng.choice(n, n // 4, replace=False):  # a copy of another row, partly
        other = rng.integers(n)
        shared = rng.random(128) < rng.uniform(0.05, 1.0)
        sigs[row, shared] = sigs[other, shared]
    boiler = rng.choice(n, n // 10, replace=False)  # one value held by many rows
    sigs[boiler[:, None], np.arange(0, 128, 7)] = 12345
    sigs[rng.choice(n, 30, replace=False), 3] = sigs[0, 3]  # a crowd led by row 0
    return sigs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_update_finds_the_pairs_a_full_search_finds(seed: int) -> None:
    from indexer.syndication.matching import Rules, candidate_pairs, pairs_of_few

    rules = Rules(0.7, 0.5, 0.9, 20, 5)
    sigs = _planted_signatures(3000, seed)
    rng = np.random.default_rng(seed + 10)
    valid = rng.random(len(sigs)) > 0.05  # removed or too short to judge
    valid[0] = True
    pending_rows = np.flatnonzero(valid)[rng.choice(int(valid.sum()), 40, replace=False)]
    pending_rows = np.union1d(pending_rows, [0])  # a crowd's leader among them
    rows = np.flatnonzero(valid)
    full_pairs, full_common = candidate_pairs(sigs[rows], np.isin(rows, pending_rows), rules)
    expected = {(int(rows[a]), int(rows[b])) for a, b in full_pairs.tolist()}
    pairs, involved, common = pairs_of_few(sigs, valid, pending_rows, rules)
    assert {(a, b) for a, b in pairs.tolist()} == expected
    assert len(expected) > 20
    assert set(involved.tolist()) == {r for p in expected for r in p} | set(pending_rows.tolist())
    position = np.searchsorted(rows, involved)
    assert (common == full_common[position]).all()
    assert common.any()


def test_an_update_groups_as_a_rebuild_does() -> None:
    articles = seed_articles()
    rebuilt = StoryGrouper()
    for article in articles:
        rebuilt.add(article)
    updated = StoryGrouper()
    for article in articles[2:]:
        updated.add(article)
    updated.groups()
    for _ in range(150):  # enough stored articles that the two new ones are an update
        updated.add(titled(f"x{_}", f"Unrelated note number {_} about nothing in particular."))
    updated.groups()
    for article in articles[:2]:
        updated.add(article)
    assert story_members(updated.groups()) >= story_members(rebuilt.groups())
    assert updated.story_of("000") == updated.story_of("001")


def test_fingerprints_taken_while_normalising_group_as_the_grouper_does() -> None:
    from indexer.syndication import fingerprint_body

    plain = seed_articles()
    given = seed_articles()
    fingerprints = {a.id: fingerprint_body(a.body) for a in given}
    assert story_members(group_articles(given, None, fingerprints)) == story_members(
        group_articles(plain)
    )
    assert [a.story_id for a in given] == [a.story_id for a in plain]
    with pytest.raises(ValueError, match="other options"):
        group_articles(seed_articles(), StoryGrouper(seed=2), fingerprints)


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7)])
def test_the_permutations_are_datasketchs_without_importing_it(num_perm: int, seed: int) -> None:
    from indexer.syndication.fingerprint import _permutations

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    mine_a, mine_b = _permutations(num_perm, seed)
    assert mine_a.dtype == a.dtype and (mine_a == a).all() and (mine_b == b).all()
    code = "import sys, indexer.syndication; print('datasketch' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert imported.stdout.strip() == "False"
