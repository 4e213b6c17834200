"""Xapian shards: routing by id, searching remote shards as one, replicas and failover."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import xapian

from indexer.backends.xapian.shards import parse_shards, shard_dirs, shard_of
from indexer.errors import NewsIndexError
from webapp import create_app

from .conftest import ShardServers, close_app, run_cli


def _app(index_dir: Path, shards: str | None = None):
    """The app over a Xapian index: local shard folders, or remote shards when given."""
    config = {"TESTING": True, "INDEX_DIR": index_dir, "BACKEND": "xapian"}
    if shards:
        config["XAPIAN_SHARDS"] = shards
    return create_app(config)


def _spec(servers: ShardServers) -> str:
    """XAPIAN_SHARDS for the servers: shard 0 with its replica, then shard 1."""
    first = f"{servers.address('shard-0')}|{servers.address('shard-0-replica')}"
    return f"{first},{servers.address('shard-1')}"


def _copies(answer: dict) -> list:
    """Each hit's id with its copies' ids (in order) and their number."""
    return [(h["id"], [c["id"] for c in h["copies"]], h["copies_total"]) for h in answer["hits"]]


def test_routing_is_stable_and_spreads_articles(sharded_index):
    assert shard_of("a1", 1) == 0
    assert [shard_of(f"id{n}", 2) for n in range(6)] == [shard_of(f"id{n}", 2) for n in range(6)]
    generation = sharded_index / "generations" / (sharded_index / "CURRENT").read_text().strip()
    counts = [xapian.Database(str(d)).get_doccount() for d in shard_dirs(generation)]
    assert len(counts) == 2 and all(counts)
    # Every article sits in the shard its id hashes to.
    for number, folder in enumerate(shard_dirs(generation)):
        db = xapian.Database(str(folder))
        for item in db.postlist(""):
            terms = [t.term.decode() for t in db.get_document(item.docid).termlist()]
            article_id = next(t[1:] for t in terms if t.startswith("Q"))
            assert shard_of(article_id, 2) == number


def test_bad_shard_spec_is_a_clear_error():
    with pytest.raises(NewsIndexError, match="host:port"):
        parse_shards("localhost")
    assert [s.label for s in parse_shards("a:1|b:2,c:3")] == ["shard 0 (a:1|b:2)", "shard 1 (c:3)"]


def test_remote_shards_answer_as_the_local_index(sharded_index, shard_servers):
    local, remote = _app(sharded_index), _app(sharded_index, _spec(shard_servers))
    try:
        urls = ["/api/search?q=TikTok", "/api/search?q=", "/api/search?q=china&source=Reuters"]
        urls += ["/api/search?q=%22the+company%22", "/api/search?q=source:reuters"]
        # Sorted by a value, ungrouped, a page short of every match: Xapian 1.4's remote match
        # spies counted 16 of 14 articles when the page's enquiry also counted.
        urls += ["/api/search?q=&group=none", "/api/search?q=&sort=oldest&group=none"]
        for url in urls:
            want = local.test_client().get(url).get_json()
            got = remote.test_client().get(url).get_json()
            assert got["total"] == want["total"] > 0
            assert got["facets"] == want["facets"]
            # Copies too: over remote shards a page's stories are read in one enquiry.
            assert _copies(got) == _copies(want)
        assert remote.test_client().get("/").status_code == 200
    finally:
        close_app(local)
        close_app(remote)


def test_searches_continue_when_a_replica_dies(sharded_index, shard_servers):
    app = _app(sharded_index, _spec(shard_servers))
    client = app.test_client()
    try:
        want = client.get("/api/search?q=TikTok").get_json()["total"]
        answers: list[tuple[int, int | None]] = []
        killed = threading.Event()

        def search_many() -> None:
            for n in range(40):
                if n == 10:
                    shard_servers.kill("shard-0")  # the replica in use dies mid-run
                    killed.set()
                response = client.get("/api/search?q=TikTok")
                answers.append((response.status_code, response.get_json().get("total")))

        search_many()
        assert killed.is_set()
        assert answers == [(200, want)] * 40
    finally:
        close_app(app)


def test_a_shard_with_no_replica_left_is_a_503_naming_it(sharded_index, shard_servers):
    app = _app(sharded_index, _spec(shard_servers))
    try:
        assert app.test_client().get("/api/search?q=TikTok").status_code == 200
        shard_servers.kill("shard-1")
        response = app.test_client().get("/api/search?q=TikTok")
        assert response.status_code == 503
        error = response.get_json()["error"]
        assert f"shard 1 ({shard_servers.address('shard-1')})" in error
        assert "total" not in response.get_json()
    finally:
        close_app(app)


@pytest.mark.slow
def test_rebuild_with_shards_then_update_routes_alike(tmp_path, corpus_dir):
    index_dir = tmp_path / "index"
    env = {"NEWSINDEX_BACKEND": "xapian"}
    done = run_cli(["rebuild", "--shards", "3", "seeds"], corpus_dir, index_dir, **env)
    assert done.returncode == 0, done.stderr
    first = run_cli(["search", "", "--json"], corpus_dir, index_dir, **env)
    before = int(__import__("json").loads(first.stdout)["total"])
    done = run_cli(["update", "seeds", "articles"], corpus_dir, index_dir, **env)
    assert done.returncode == 0, done.stderr
    generation = index_dir / "generations" / (index_dir / "CURRENT").read_text().strip()
    dbs = [xapian.Database(str(d)) for d in shard_dirs(generation)]
    assert len(dbs) == 3
    assert sum(db.get_doccount() for db in dbs) > before
    for number, db in enumerate(dbs):
        for item in db.postlist(""):
            terms = [t.term.decode() for t in db.get_document(item.docid).termlist()]
            assert shard_of(next(t[1:] for t in terms if t.startswith("Q")), 3) == number
    # The served links follow the new generation.
    assert (index_dir / "serving" / "shard-2").resolve() == (generation / "shard-2").resolve()
    whoosh = run_cli(["rebuild", "--shards", "2", "seeds"], corpus_dir, tmp_path / "w")
    assert whoosh.returncode != 0 and "NEWSINDEX_BACKEND=xapian" in whoosh.stderr


def test_a_new_generation_reaches_remote_searches_without_restarting_servers(
    seed_shards, monkeypatch
):
    from indexer.backends.xapian import backend as xapian_backend
    from indexer.pipeline import build_index

    index_dir, servers = seed_shards
    app = _app(index_dir, f"{servers.address('shard-0')},{servers.address('shard-1')}")
    try:
        client = app.test_client()
        before = client.get("/api/search?q=&group=none").get_json()["total"]
        build_index(["seeds", "articles"], index_dir, backend="xapian", shards=2)
        # Until its connections are renewed the app answers from the old generation.
        assert client.get("/api/search?q=&group=none").get_json()["total"] == before
        monkeypatch.setattr(xapian_backend, "REMOTE_REFRESH_SECONDS", 0.0)
        after = client.get("/api/search?q=&group=none")
        assert after.status_code == 200
        assert after.get_json()["total"] > before
    finally:
        close_app(app)


def test_remote_shards_say_they_offer_no_spelling_suggestions(sharded_index, shard_servers):
    from indexer.backends.base import SUGGESTIONS, SearchQuery
    from indexer.backends.xapian import XapianBackend

    local = XapianBackend.open(
        sharded_index / "generations" / (sharded_index / "CURRENT").read_text().strip()
    )
    remote = XapianBackend.remote(_spec(shard_servers))
    try:
        assert local.supports(SUGGESTIONS) and not remote.supports(SUGGESTIONS)
        assert local.search(SearchQuery(text="tiktk")).suggestion == "tiktok"
        assert remote.search(SearchQuery(text="tiktk")).suggestion is None
        assert "spelling" in remote.status()["lacks"]["did you mean"]
        assert "lacks" not in local.status()
        app = _app(sharded_index, _spec(shard_servers))
        try:
            shown = app.test_cli_runner().invoke(args=["stats"])
            assert shown.exit_code == 0, shown.output
            assert "without did you mean: Xapian 1.4's remote protocol" in shown.output
            assert "phrases matched by pair terms" in shown.output
        finally:
            close_app(app)
    finally:
        local.close()
        remote.close()


def test_the_page_and_the_api_say_when_remote_shards_cannot_offer_did_you_mean(
    sharded_index, shard_servers
):
    # They showed nothing where the suggestion would be, as if no correction were needed.
    local, remote = _app(sharded_index), _app(sharded_index, _spec(shard_servers))
    try:
        near = local.test_client().get("/api/search?q=tiktk").get_json()
        assert near["suggestion"] == "tiktok" and near["suggestion_unavailable"] is None
        client = remote.test_client()
        data = client.get("/api/search?q=tiktk").get_json()
        assert data["total"] == 0 and data["suggestion"] is None
        note = data["suggestion_unavailable"]
        assert note.startswith('No "did you mean" spelling suggestion')
        assert "remote Xapian shards" in note and "no spelling data" in note
        page = client.get("/?q=tiktk").get_data(as_text=True)
        assert 'id="suggestion-unavailable"' in page
        assert "remote Xapian shards, and Xapian 1.4&#39;s remote protocol" in page
        assert "Did you mean" not in page
        # Where no engine would look for a correction (many matches), nothing is said.
        found = client.get("/api/search?q=tiktok").get_json()
        assert found["total"] >= 3 and found["suggestion_unavailable"] is None
        assert 'id="suggestion-unavailable"' not in client.get("/?q=tiktok").get_data(as_text=True)
        refused = client.get("/api/search?q=&sample=2&seed=1").get_json()["error"]
        assert "remote Xapian shards, and samples are drawn from the columns" in refused
    finally:
        close_app(local)
        close_app(remote)


def test_remote_shards_say_they_draw_no_samples_and_count_no_mentions(sharded_index, shard_servers):
    app = _app(sharded_index, _spec(shard_servers))
    try:
        client = app.test_client()
        response = client.get("/api/search?q=&sample=2&seed=1")
        assert response.status_code == 400
        assert "xapian engine cannot draw random samples" in response.get_json()["error"]
        response = client.get("/api/search?q=atleast2:tiktok")
        assert response.status_code == 400
        assert "over remote shards" in response.get_json()["error"]
        local = _app(sharded_index)
        try:
            data = local.test_client().get("/api/search?q=&sample=2&seed=1").get_json()
            assert data["total"] == 2 and data["sample"]["drawn_from"] > 2
        finally:
            close_app(local)
    finally:
        close_app(app)
