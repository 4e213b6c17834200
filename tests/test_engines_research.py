"""The research parameters on every engine: `words:`, `indexed_after` and the indexed-first
order, samples and `atleastN:` work on both."""

from __future__ import annotations

import datetime as dt

from indexer.query.mentions import word_count

BOTH_ENGINES = True


def _all(client, **params) -> list[dict]:
    """Every hit of a search, one per article."""
    data = client.get("/api/search", query_string={"per_page": 100, "group": "none", **params})
    assert data.status_code == 200, data.get_json()
    return data.get_json()["hits"]


def test_words_matches_the_lengths_counted_another_way(client, engine_name):
    every = _all(client)
    lengths = {
        hit["id"]: word_count(client.get(f"/api/articles/{hit['id']}").get_json()["body"])
        for hit in every
    }
    middle = sorted(lengths.values())[len(lengths) // 2]
    for query, keep in (
        (f"words:>{middle}", lambda n: n > middle),
        (f"words:<={middle}", lambda n: n <= middle),
        (f"words:[{middle} TO {middle + 200}]", lambda n: middle <= n <= middle + 200),
    ):
        found = {hit["id"] for hit in _all(client, q=query)}
        assert found == {i for i, n in lengths.items() if keep(n)}, (engine_name, query)
        assert found  # the bounds were chosen so that each query finds something


def test_indexed_after_keeps_only_later_articles_and_orders_by_indexing(client, engine_name):
    every = _all(client)
    times = sorted(
        dt.datetime.fromisoformat(client.get(f"/api/articles/{h['id']}").get_json()["indexed_at"])
        for h in every
    )
    assert times[0] is not None
    before = (times[0] - dt.timedelta(seconds=1)).isoformat()
    assert len(_all(client, indexed_after=before)) == len(every)
    assert _all(client, indexed_after=times[-1].isoformat()) == []


def test_samples_and_mention_counts_work_on_both_engines(client):
    # Xapian answered a 400 to both: they are now counted from its local shards' columns.
    sampled = client.get("/api/search", query_string={"q": "rednote", "sample": "2", "seed": "1"})
    assert sampled.status_code == 200
    assert sampled.get_json()["sample"]["size"] == 2
    every = client.get("/api/search", query_string={"q": "rednote", "group": "none"}).get_json()
    twice = client.get("/api/search", query_string={"q": "atleast2:rednote", "group": "none"})
    assert twice.status_code == 200
    assert 0 < twice.get_json()["total"] <= every["total"]


def test_the_timeline_counts_only_articles_indexed_after_the_time_given(client, engine_name):
    every = _all(client)
    latest = max(
        dt.datetime.fromisoformat(client.get(f"/api/articles/{h['id']}").get_json()["indexed_at"])
        for h in every
    )
    params = {"q": "tiktok", "granularity": "year"}
    assert client.get("/api/timeline", query_string=params).get_json()["series"][0]["total"]
    later = client.get(
        "/api/timeline", query_string={**params, "indexed_after": latest.isoformat()}
    )
    assert later.status_code == 200
    assert later.get_json()["series"][0]["total"] == 0
