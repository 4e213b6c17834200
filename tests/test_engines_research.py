"""The research parameters on every engine: `words:`, `indexed_after` and the indexed-first
order work on both; what an engine cannot do (`atleastN:` on Xapian) is a plain 400."""

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


def test_what_an_engine_lacks_is_a_plain_400(client, engine_name):
    sampled = client.get("/api/search", query_string={"q": "rednote", "sample": "2", "seed": "1"})
    assert sampled.status_code == 200  # both engines draw samples (Xapian from its columns)
    assert sampled.get_json()["sample"]["size"] == 2
    response = client.get("/api/search", query_string={"q": "atleast2:rednote"})
    if engine_name == "whoosh":
        assert response.status_code == 200
    else:
        assert response.status_code == 400
        assert "xapian" in response.get_json()["error"]


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
