"""Count servers beside remote Xapian shards: the same answers as local shards, and failover."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator

import numpy as np
import pytest

from indexer.backends.base import SearchQuery
from indexer.backends.xapian import remote
from indexer.backends.xapian.countwire import NOT_SENT, query_from_json, query_to_json
from indexer.backends.xapian.shardcounts import ShardCounts, merge, story_hashes
from indexer.backends.xapian.shardpage import merge_places
from indexer.query.aliases import AliasTable
from webapp import create_app

from .conftest import ShardServers, close_app, run_cli

URLS = [
    "/api/search?q=TikTok",
    "/api/search?q=",
    "/api/search?q=&sort=newest&group=none",
    "/api/search?q=china&source=Reuters",
    "/api/search?q=%22the+company%22",
    "/api/search?q=source:reuters",
    "/api/search?q=company&chart_by=source",
    "/api/search?q=oil&from=1987-01-01&to=1987-12-31",
    "/api/search?q=bank&group=none&sort=oldest",
    "/api/search?q=&sort=oldest&page=2&per_page=5",
    "/api/search?q=china&sort=newest&source=Reuters",
    # Pages short of a shard's matches: its first places are merged with the other's.
    "/api/search?q=&per_page=3&page=3",
    "/api/search?q=&group=none&per_page=2&page=4&sort=oldest",
    "/api/search?q=china&per_page=2&page=2&sort=newest",
    "/api/search?q=company&per_page=3&page=2",
    # Charts of stories: each story once, at its earliest dated copy over both shards.
    "/api/search?q=&count=stories",
    "/api/search?q=&count=stories&group=none&chart_by=source",
    "/api/search?q=china&count=stories&interval=day",
]


def forbid_shard_reads(mp: pytest.MonkeyPatch) -> None:
    """Make counting by spies, or reading copies over the shard connections, fail the search:
    what follows must be served by the count servers (whose answers the spies would equal)."""

    def refuse(*args: object, **kwargs: object) -> None:
        """Fail loudly."""
        raise AssertionError("read over the shard connections, not from the count servers")

    mp.setattr(remote.RemoteSearch, "run_spies", refuse)
    mp.setattr(remote, "fetch_stories", refuse)


def _app(index_dir, shards: str | None = None, counters: str | None = None):
    """The app over local shard folders, or remote shards (counted by count servers if given)."""
    config = {"TESTING": True, "INDEX_DIR": index_dir, "BACKEND": "xapian"}
    if shards:
        config["XAPIAN_SHARDS"] = shards
    if counters:
        config["XAPIAN_COUNTERS"] = counters
    return create_app(config)


@pytest.fixture
def count_servers(sharded_index, shard_servers: ShardServers) -> Iterator[ShardServers]:
    """A count server beside each shard server: shard 0 and its replica, shard 1."""
    serving = sharded_index / "serving"
    shard_servers.start_counts("counts-0", serving / "shard-0")
    shard_servers.start_counts("counts-0-replica", shard_servers.root / "replica-shard-0")
    shard_servers.start_counts("counts-1", serving / "shard-1")
    return shard_servers


def _specs(servers: ShardServers) -> tuple[str, str]:
    """XAPIAN_SHARDS and XAPIAN_COUNTERS: shard 0 with its replica, then shard 1."""
    a = servers.address
    shards = f"{a('shard-0')}|{a('shard-0-replica')},{a('shard-1')}"
    return shards, f"{a('counts-0')}|{a('counts-0-replica')},{a('counts-1')}"


def _folded(facets: dict) -> dict:
    """Facet counts with values compared case-insensitively (which case variant labels a value
    is the first written: the first in shard order locally, in docid order remotely)."""
    return {name: [(f["value"].casefold(), f["count"], f["selected"]) for f in values]
            for name, values in facets.items()}  # fmt: skip


def _same(got: dict, want: dict) -> None:
    """The counts, chart and page of two answers agree."""
    assert got["total"] == want["total"]
    assert got["stories"] == want["stories"]
    assert _folded(got["facets"]) == _folded(want["facets"])
    assert got["chart"] == want["chart"]  # the date bars are facets["date"]
    assert _page(got) == _page(want)


def _page(answer: dict) -> list:
    """Each hit's id, score, and copies (their ids, in order, and how many)."""
    return [(h["id"], h["score"], [c["id"] for c in h["copies"]], h["copies_total"])
            for h in answer["hits"]]  # fmt: skip


def test_counted_remote_shards_answer_as_the_local_index(sharded_index, count_servers, monkeypatch):
    forbid_shard_reads(monkeypatch)
    local = _app(sharded_index)
    counted = _app(sharded_index, *_specs(count_servers))
    try:
        copies = 0
        for url in URLS:
            want = local.test_client().get(url).get_json()
            got = counted.test_client().get(url)
            assert got.status_code == 200, url
            _same(got.get_json(), want)
            copies += sum(h["copies_total"] for h in want["hits"])
        assert copies  # the pages show syndicated copies, read in one enquiry remotely
        assert counted.test_client().get("/?q=china").status_code == 200
    finally:
        close_app(local)
        close_app(counted)


def test_counts_continue_on_a_replica_then_fall_back_to_the_shards(sharded_index, count_servers):
    local = _app(sharded_index)
    counted = _app(sharded_index, *_specs(count_servers))
    try:
        url = "/api/search?q=company&chart_by=source"
        want = local.test_client().get(url).get_json()
        count_servers.kill("counts-0")  # shard 0's count server dies: its replica counts
        with pytest.MonkeyPatch.context() as mp:
            forbid_shard_reads(mp)
            _same(counted.test_client().get(url).get_json(), want)
        count_servers.kill("counts-1")  # shard 1 has none left: counted on the shards instead
        response = counted.test_client().get(url)
        assert response.status_code == 200
        _same(response.get_json(), want)
    finally:
        close_app(local)
        close_app(counted)


def _post(base: str, path: str, body: bytes, headers: dict | None = None) -> tuple[int, dict]:
    """POST raw bytes to a count server: its status and JSON answer."""
    sent = {"Content-Type": "application/json", **(headers or {})}
    request = urllib.request.Request(f"{base}{path}", data=body, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as refused:
        with refused:
            return refused.code, json.loads(refused.read())


@pytest.mark.parametrize(
    ("path", "body", "said"),
    [
        ("/counts", b"{not json", "Malformed count request"),
        ("/counts", b"[" * 100_000, "Malformed count request"),
        ("/counts", json.dumps({"text": "x", "sort": "sideways"}).encode(), "sideways"),
        ("/counts", json.dumps({"filters": {"source": "Reuters"}}).encode(), "filters"),
        ("/counts", json.dumps({"aliases": {"a": "b"}}).encode(), "aliases"),
        ("/counts", json.dumps({"group": "yes"}).encode(), "group"),
        ("/counts", json.dumps({"page": {"want": 10, "shard": 0, "of": 10**30}}).encode(), "page"),
        ("/counts", json.dumps({"page": {"want": 10, "shard": 2, "of": 2}}).encode(), "page"),
        ("/copies", json.dumps({"stories": "s1"}).encode(), "story ids"),
        ("/suggest", json.dumps({"word": ""}).encode(), "word"),
        ("/suggest", json.dumps({"word": "x", "candidates": "y"}).encode(), "candidates"),
    ],
)
def test_a_count_server_refuses_a_malformed_request_with_a_reason(count_servers, path, body, said):
    status, answer = _post(f"http://{count_servers.address('counts-1')}", path, body)
    assert status == 400
    assert said in answer["error"]


def test_a_count_server_answers_its_endpoints_and_refuses_what_it_cannot_read(count_servers):
    base = f"http://{count_servers.address('counts-1')}"
    with urllib.request.urlopen(f"{base}/health", timeout=10) as response:
        health = json.loads(response.read())
    assert health["articles"] > 0 and health["revision"] >= 1
    status, answer = _post(
        base, "/suggest", json.dumps({"word": "tiktk", "candidates": ["china"]}).encode()
    )
    assert status == 200 and answer["suggestion"] in ("tiktok", None)
    assert answer["frequencies"]["china"] > 0
    status, answer = _post(base, "/copies", json.dumps({"stories": ["no-such-story"]}).encode())
    assert status == 200 and answer["stories"]["no-such-story"] == {"members": [], "size": 0}
    status, answer = _post(base, "/counts", b"x" * (2 << 20))
    assert status == 413
    with socket.create_connection(tuple(count_servers.address("counts-1").split(":"))) as sock:
        sock.sendall(b"POST /counts HTTP/1.0\r\nContent-Type: application/json\r\n")
        sock.sendall(b"Content-Length: abc\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.0 400")
    status, answer = _post(base, "/nowhere", b"{}")
    assert status == 404
    # A web page may POST a form to any address; the count server takes JSON only.
    status, answer = _post(base, "/counts", b"text=x", {"Content-Type": "text/plain"})
    assert status == 415 and "application/json" in answer["error"]


def test_every_search_field_reaches_the_count_servers_or_is_listed_as_not_sent():
    sq = SearchQuery(
        text="oil -prices", filters={"source": ("Reuters", "AP")},
        date_from=dt.date(1987, 1, 1), date_to=dt.date(1987, 12, 31), sort="oldest",
        facets=False, interval="week", histogram=False, chart_by_source=True, chart_stories=True,
        aliases=AliasTable((("IBM", "International Business Machines"),)), group=False,
        indexed_after=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
    )  # fmt: skip
    sent = query_from_json(json.loads(json.dumps(query_to_json(sq))))
    for field in dataclasses.fields(SearchQuery):
        if field.name not in NOT_SENT:
            assert getattr(sent, field.name) == getattr(sq, field.name), field.name
            assert getattr(sq, field.name) != field.default, f"give {field.name} a value here"


def test_stats_say_how_remote_shards_are_counted(sharded_index, count_servers, tmp_path):
    shards, counters = _specs(count_servers)
    env = {"NEWSINDEX_BACKEND": "xapian", "NEWSINDEX_XAPIAN_SHARDS": shards}
    done = run_cli(["stats"], tmp_path, sharded_index, NEWSINDEX_XAPIAN_COUNTERS=counters, **env)
    assert done.returncode == 0, done.stderr
    assert f"counted by count servers shard 0 ({count_servers.address('counts-0')}|" in done.stdout
    assert "without did you mean" not in done.stdout and "without sample=" in done.stdout
    done = run_cli(["stats"], tmp_path, sharded_index, **env)
    assert "counted by match spies on the shards" in done.stdout
    assert "without did you mean: Xapian 1.4's remote protocol" in done.stdout


def test_counters_must_name_as_many_shards_as_the_shards(sharded_index, count_servers):
    shards, _counters = _specs(count_servers)
    app = _app(sharded_index, shards, count_servers.address("counts-1"))
    try:
        response = app.test_client().get("/api/search?q=china")
        assert response.status_code >= 500
        assert "XAPIAN_COUNTERS names 1 shards and XAPIAN_SHARDS 2" in response.get_data(True)
    finally:
        close_app(app)


def test_a_story_with_copies_in_two_shards_is_counted_once():
    a, b, c = story_hashes(["story-a", "story-b", "story-c"]).tolist()
    first = ShardCounts(
        total=5, solo=2, stories=np.sort(np.array([a, b], np.uint64)),
        facets={"source": {"Reuters": 5}}, chart={"725000:3": 4},
    )  # fmt: skip
    second = ShardCounts(
        total=4, solo=1, stories=np.sort(np.array([b, c], np.uint64)),
        facets={"source": {"Reuters": 1, "AP": 3}}, chart={"725000:3": 1},
    )  # fmt: skip
    again = ShardCounts.from_bytes(second.to_bytes())
    assert again.stories.tolist() == second.stories.tolist()
    total, stories, facets, chart = merge([first, again])
    assert (total, stories) == (9, 2 + 1 + 3)
    assert facets == {"source": {"Reuters": 6, "AP": 3}}
    assert chart == {"725000:3": 5}


def test_a_story_spanning_shards_is_charted_once_at_its_earliest_copy():
    a, b, c = story_hashes(["story-a", "story-b", "story-c"]).tolist()
    # Shard 0: a on day 725001, b undated here; shard 1: a on 725000, b on 725002, c undated.
    first = ShardCounts(
        total=3, solo=1, stories=np.sort(np.array([a, b], np.uint64)), facets={},
        chart={"725005:3": 1}, story_keys=["725001:3"],
    )  # fmt: skip
    first.story_key_index = np.array(
        [0 if h == a else 0xFFFFFFFF for h in first.stories.tolist()], np.uint32
    )
    second = ShardCounts(
        total=3, solo=0, stories=np.sort(np.array([a, b, c], np.uint64)), facets={},
        chart={}, story_keys=["725000:3", "725002:3"],
    )  # fmt: skip
    where = {a: 0, b: 1, c: 0xFFFFFFFF}
    second.story_key_index = np.array([where[h] for h in second.stories.tolist()], np.uint32)
    parts = [ShardCounts.from_bytes(p.to_bytes()) for p in (first, second)]
    assert parts[1].story_key_index.tolist() == second.story_key_index.tolist()
    total, stories, _facets, chart = merge(parts, stories_chart=True)
    assert (total, stories) == (6, 1 + 3)
    # a at 725000 (shard 1's copy is earlier), b at 725002, c undated, the solo story at 725005
    assert chart == {"725005:3": 1, "725000:3": 1, "725002:3": 1}
    broken = first.to_bytes()[:-4] + (7).to_bytes(4, "little")  # a key index out of range
    with pytest.raises(ValueError):
        ShardCounts.from_bytes(broken)


def test_a_date_ordered_page_is_merged_from_the_shards_places():
    # [sort key, combined docid, story hash (0: alone)]: shard 0 holds docids 1, 3, 5, ...
    first = [[-9, 1, 0], [-8, 3, 77], [-5, 5, 0]]
    second = [[-9, 2, 77], [-7, 4, 0], [-6, 6, 0]]
    assert merge_places([first, second], 3, group=False) == [1, 2, 3]  # ties by docid
    # Grouping keeps story 77's first place (docid 2), not its copy in shard 0.
    assert merge_places([first, second], 3, group=True) == [1, 2, 4]
    # A shard that sent fewer places than asked sent all it has.
    assert merge_places([first[:2], second[:1]], 5, group=True) == [1, 2]


def test_a_new_generation_is_counted_at_once_and_a_lagging_count_server_never(
    seed_shards, tmp_path
):
    import shutil

    from indexer.pipeline import build_index

    index_dir, servers = seed_shards
    # Shard 1's second count server reads a copy frozen at the seeds' generation.
    frozen = tmp_path / "frozen-shard-1"
    shutil.copytree((index_dir / "serving" / "shard-1").resolve(), frozen)
    for n in range(2):
        servers.start_counts(f"counts-{n}", index_dir / "serving" / f"shard-{n}")
    servers.start_counts("counts-1-frozen", frozen)
    a = servers.address
    shards = f"{a('shard-0')},{a('shard-1')}"
    app = _app(index_dir, shards, f"{a('counts-0')},{a('counts-1')}")
    lagging = _app(index_dir, shards, f"{a('counts-0')},{a('counts-1-frozen')}")
    local = _app(index_dir)
    url = "/api/search?q=&group=none"
    try:
        with pytest.MonkeyPatch.context() as mp:
            forbid_shard_reads(mp)
            before = app.test_client().get(url).get_json()
            _same(lagging.test_client().get(url).get_json(), before)
            build_index(["seeds", "articles"], index_dir, backend="xapian", shards=2)
            # The count servers read the new generation at once: the app's connections, on the
            # old one, are renewed then and there, and the search answers from the new one.
            want = local.test_client().get(url).get_json()
            assert want["total"] > before["total"]
            _same(app.test_client().get(url).get_json(), want)
        # A count server still on the old revision is not believed: counted on the shards.
        _same(lagging.test_client().get(url).get_json(), want)
    finally:
        for opened in (app, lagging, local):
            close_app(opened)


def test_count_servers_offer_did_you_mean_over_remote_shards(
    sharded_index, count_servers, monkeypatch
):
    forbid_shard_reads(monkeypatch)
    local = _app(sharded_index)
    counted = _app(sharded_index, *_specs(count_servers))
    try:
        for url in ["/api/search?q=tiktk", "/api/search?q=chnia+tiktk", "/api/search?q=xqzvw"]:
            want = local.test_client().get(url).get_json()
            got = counted.test_client().get(url).get_json()
            assert got["suggestion"] == want["suggestion"]
            assert got["suggestion_unavailable"] is None
        assert counted.test_client().get("/api/search?q=tiktk").get_json()["suggestion"] == "tiktok"
        page = counted.test_client().get("/?q=tiktk").get_data(as_text=True)
        assert "Did you mean" in page and 'id="suggestion-unavailable"' not in page
    finally:
        close_app(local)
        close_app(counted)


def test_count_servers_listed_in_another_order_than_the_shards_are_not_believed(
    sharded_index, count_servers, caplog
):
    a = count_servers.address
    shards, _counters = _specs(count_servers)
    local = _app(sharded_index)
    swapped = _app(sharded_index, shards, f"{a('counts-1')},{a('counts-0')}")
    try:
        for url in ("/api/search?q=", "/api/search?q=china&sort=newest&per_page=3"):
            _same(
                swapped.test_client().get(url).get_json(), local.test_client().get(url).get_json()
            )
        assert "counting by match spies" in caplog.text
    finally:
        close_app(local)
        close_app(swapped)


def _story_part(keys: object, index: list[int]) -> bytes:
    """A count server's answer for a chart of stories with the given story keys and indexes."""
    part = {"total": 2, "solo": 0, "facets": {}, "chart": {}, "page": None, "stamp": "",
            "story_keys": keys}  # fmt: skip
    encoded = json.dumps(part).encode()
    hashes = np.arange(1, len(index) + 1, dtype="<u8").tobytes()
    tail = hashes + np.asarray(index, "<u4").tobytes()
    return b"NXC1" + len(encoded).to_bytes(8, "little") + encoded + tail


@pytest.mark.parametrize(
    "keys",
    [
        "725000:3",
        ["abc"],
        ["725000:x"],
        ["99999999:3"],
        ["99999999999999999999:3"],
        ["-5:3"],
        [725000],
        {"725000:3": 1},
    ],
)
def test_malformed_story_keys_are_refused_where_the_answer_is_read(keys):
    # Refused by from_bytes, a count server's answer is skipped (the search counts by spies);
    # accepted, it failed the search later, in merge or in drawing the chart (an HTTP 500).
    with pytest.raises(ValueError):
        ShardCounts.from_bytes(_story_part(keys, [0]))
    assert ShardCounts.from_bytes(_story_part(["725000:3"], [0])).story_keys == ["725000:3"]


def test_a_chart_of_stories_without_story_keys_is_not_merged():
    # A count server of the version before charts of stories ignores chart_stories and sends
    # an article chart: merged, it drew articles as stories, or (after a newer shard) failed.
    h = story_hashes(["story-a"])
    old = ShardCounts(total=3, solo=0, stories=h, facets={}, chart={"725000:3": 3})
    new = ShardCounts(total=1, solo=0, stories=h, facets={}, chart={}, story_keys=["725001:3"],
                      story_key_index=np.zeros(1, np.uint32))  # fmt: skip
    for parts in ([old, old], [old, new], [new, old]):
        assert merge(parts, stories_chart=True)[3] is None
    assert merge([new, new], stories_chart=True)[3] == {"725001:3": 1}
    assert merge([old, old])[3] == {"725000:3": 6}


def test_story_hashes_that_do_not_fit_their_stated_number_are_refused():
    h = story_hashes(["story-a", "story-b", "story-c"])
    sent = ShardCounts(total=3, solo=0, stories=np.sort(h), facets={}, chart={}).to_bytes()
    assert len(ShardCounts.from_bytes(sent).stories) == 3
    # Key indexes without their keys (12 bytes a story read as 8): the count would be wrong.
    with pytest.raises(ValueError):
        ShardCounts.from_bytes(sent + np.zeros(3, "<u4").tobytes() + np.zeros(3, "<u4").tobytes())
