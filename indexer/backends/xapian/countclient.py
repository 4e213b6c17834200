"""Asking the count servers beside remote shards for a search's counts.

Each shard's count server (`newsindex serve-counts`, one per replica) is given like the shards
themselves, `host:port|replica:port,host:port` (`NEWSINDEX_XAPIAN_COUNTERS`), in the shards'
order. Every shard is asked at once; a replica that fails is skipped for the next. When none of
a shard's count servers answers, `gather` returns None and the search counts by match spies
over the shards, slower but exact. When one counted another revision than the shard connection
reads (each commit stamps the shard: `schema.commit`), `gather` raises StaleRevision: the search
renews its connections and runs again, and counts by spies if the revisions still differ. So a
lost or lagging count server never makes a count partial or stale. Count servers also read the
copies of a page's stories (one request a shard, where each copy read over a shard connection
is a round trip) and spelling suggestions.
"""

from __future__ import annotations

import http.client
import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from indexer.backends.base import SearchQuery
from indexer.backends.xapian.copies import COPIES_SHOWN, StoryCopies
from indexer.backends.xapian.countwire import query_to_json
from indexer.backends.xapian.shardcounts import ShardCounts
from indexer.backends.xapian.shards import RemoteShard
from indexer.errors import QueryError

T = TypeVar("T")
CONNECT_SECONDS = 1.0  # a count server that does not accept a connection in this time is down
TIMEOUT_SECONDS = 20.0  # one count over a large shard
DOWN_SECONDS = 5.0  # a count server that failed is not asked again for this long
_down: dict[tuple[str, int], float] = {}  # (host, port) -> when it may be asked again
_ASKING = ThreadPoolExecutor(max_workers=16, thread_name_prefix="xapian-counts")

log = logging.getLogger(__name__)


class CountUnavailable(Exception):
    """No replica of a shard's count server answered."""


class StaleRevision(Exception):
    """A count server read another revision of its shard than the shard connection reads."""


class CountServers:
    """The count servers of every shard, each with its replicas."""

    def __init__(self, shards: list[RemoteShard]) -> None:
        self.shards = shards

    @property
    def labels(self) -> list[str]:
        """How messages name each shard's count servers."""
        return [shard.label for shard in self.shards]

    def submit(self, sq: SearchQuery, want: int | None = None) -> list[Future[ShardCounts]]:
        """Ask every shard's count server for a search's counts, at once (and the first `want`
        places of its date-ordered page, when given)."""
        asked = query_to_json(sq)
        futures = []
        for number, shard in enumerate(self.shards):
            if want is not None:
                asked["page"] = {"want": want, "shard": number, "of": len(self.shards)}
            body = json.dumps(asked).encode()
            futures.append(_ASKING.submit(_ask, shard, "/counts", body, ShardCounts.from_bytes))
        return futures

    def gather(
        self, pending: list[Future[ShardCounts]], stamps: list[str]
    ) -> list[ShardCounts] | None:
        """Every shard's counts, or None when a shard's count servers all failed; StaleRevision
        when one counted another revision than the shard's stamp in `stamps` (a commit or a new
        generation seen by one side first)."""
        return _answers(pending, self.shards, stamps, lambda part: part.stamp)

    def copies(self, stories: list[str], stamps: list[str]) -> dict[str, StoryCopies] | None:
        """Each story's first members over every shard (combined docids, in order), size and
        summaries; None when a shard's count servers fail or read another revision."""
        body = json.dumps({"stories": stories}).encode()
        pending = [
            _ASKING.submit(_ask, shard, "/copies", body, json.loads) for shard in self.shards
        ]
        try:
            parts = _answers(pending, self.shards, stamps, lambda part: part.get("stamp"))
        except StaleRevision as exc:
            log.info("%s: reading the copies from the shards", exc)
            return None
        if parts is None:
            return None
        of = len(self.shards)
        found = {}
        for story in stories:
            members: list[tuple[int, dict[str, Any]]] = []
            size = 0
            for number, part in enumerate(parts):
                mine = part["stories"][story]
                members += [((d - 1) * of + number + 1, summary) for d, summary in mine["members"]]
                size += mine["size"]
            members.sort(key=lambda member: member[0])
            first = members[: COPIES_SHOWN + 1]
            found[story] = StoryCopies([d for d, _ in first], size, dict(first))
        return found

    def suggestions(self, word: str) -> dict[str, int]:
        """The spelling suggestions of every shard's count server for a word, with their
        spelling frequencies over all shards (asked again when the shards suggest different
        words). None from a shard whose count servers fail: a suggestion is a hint."""
        answers = self._spell(word, [])
        found = sorted({a["suggestion"] for a in answers if isinstance(a.get("suggestion"), str)})
        if len(found) > 1:
            answers = self._spell(word, found)
        totals = dict.fromkeys(found, 0)
        for answer in answers:
            for candidate, frequency in answer.get("frequencies", {}).items():
                if candidate in totals:
                    totals[candidate] += int(frequency)
        return totals

    def _spell(self, word: str, candidates: list[str]) -> list[dict[str, Any]]:
        """Every answering shard's answer to a spelling request."""
        body = json.dumps({"word": word, "candidates": candidates}).encode()
        pending = [_ASKING.submit(_ask, s, "/suggest", body, json.loads) for s in self.shards]
        answers = []
        for future in pending:
            try:
                answers.append(future.result())
            except CountUnavailable as exc:
                log.warning("%s: no spelling suggestion from it", exc)
        return answers


def _answers(
    pending: list[Future[T]], shards: list[RemoteShard], stamps: list[str], stamp: Any
) -> list[T] | None:
    """Every shard's answer, or None when one's count servers all failed (the search then reads
    the shards instead); StaleRevision when one read another revision than the shard's stamp in
    `stamps`."""
    parts = []
    for future, shard, expected in zip(pending, shards, stamps, strict=True):
        try:
            part = future.result()
        except CountUnavailable as exc:
            log.warning("%s: reading the shards instead", exc)
            return None
        if stamp(part) != expected:
            raise StaleRevision(f"the count server of {shard.label} read another revision")
        parts.append(part)
    return parts


def _ask(shard: RemoteShard, path: str, body: bytes, parse: Callable[[bytes], T]) -> T:
    """One shard's answer from the first replica that answers, the last good one first; a
    replica that failed in the last DOWN_SECONDS is not asked (a stalled or lost machine would
    hold every search for the timeout)."""
    order = shard.replicas[shard.preferred :] + shard.replicas[: shard.preferred]
    reasons = []
    now = time.monotonic()
    for host, port in order:
        if _down.get((host, port), 0.0) > now:
            reasons.append(f"{host}:{port}: failed less than {DOWN_SECONDS:g} s ago")
            continue
        try:
            status, data = _post(host.strip("[]"), port, path, body)
        except (OSError, http.client.HTTPException) as exc:
            _down[host, port] = time.monotonic() + DOWN_SECONDS
            reasons.append(f"{host}:{port}: {exc}")
            continue
        if status != 200:
            error = _error(data)
            if status == 400:
                raise QueryError(error or "The count server refused the search.")
            reasons.append(f"{host}:{port}: HTTP {status} {error}".rstrip())
            continue
        shard.preferred = shard.replicas.index((host, port))
        try:
            return parse(data)
        except (KeyError, TypeError, ValueError) as exc:
            reasons.append(f"{host}:{port}: unreadable answer ({exc})")
    raise CountUnavailable(f"count servers of {shard.label} did not answer ({'; '.join(reasons)})")


def _post(host: str, port: int, path: str, body: bytes) -> tuple[int, bytes]:
    """POST JSON to a count server: its status and answer."""
    connection = http.client.HTTPConnection(host, port, timeout=CONNECT_SECONDS)
    try:
        connection.connect()
        assert connection.sock is not None
        connection.sock.settimeout(TIMEOUT_SECONDS)
        connection.request("POST", path, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _error(data: bytes) -> str:
    """The message of a count server's error answer ("" when it has none)."""
    try:
        return str(json.loads(data).get("error", ""))
    except (ValueError, AttributeError):
        return ""
