"""Shards of a Xapian index: routing articles by a stable hash, and opening shards as one.

A generation holds N shard databases (`shard-0` … `shard-<N-1>`); an article lives in the shard
its id hashes to (BLAKE2b, so every process and machine routes alike), which is where an update
replaces or deletes it. Searching opens every shard and combines them with
`Database.add_database()`, which ranks with statistics of the whole collection.

Remote shards are given as `host:port,host:port` (`NEWSINDEX_XAPIAN_SHARDS`), each optionally
`host:port|host:port` for its replicas, each served by `xapian-tcpsrv`. A shard is opened on
the first replica that answers; when none does, `ShardUnavailable` names it (HTTP 503), so a
search never returns a count silently missing a shard.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import xapian

from indexer.errors import NewsIndexError, ShardUnavailable

SHARD_DIR = "shard-{}"
CONNECT_MS = 2_000  # a replica that does not accept a connection in this time is skipped
TIMEOUT_MS = 20_000  # one operation on a remote shard (a search on a large shard takes long)
_ADDRESS = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(?P<port>[0-9]{1,5})")

log = logging.getLogger(__name__)


def shard_of(article_id: str, shards: int) -> int:
    """The shard an article id is routed to (stable across processes and machines)."""
    if shards <= 1:
        return 0
    digest = hashlib.blake2b(article_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % shards


def shard_dirs(generation: Path) -> list[Path]:
    """The shard databases of a generation, in order (none when it holds no Xapian index)."""
    found = []
    n = 0
    while (generation / SHARD_DIR.format(n)).is_dir():
        found.append(generation / SHARD_DIR.format(n))
        n += 1
    return found


@dataclass(slots=True)
class RemoteShard:
    """One shard served over TCP: its replicas, and the one that answered last."""

    number: int
    replicas: list[tuple[str, int]]
    preferred: int = 0
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How messages name the shard: its number and replicas."""
        spec = "|".join(f"{h}:{p}" for h, p in self.replicas)
        return f"shard {self.number} ({spec})"

    def connect(self) -> xapian.Database:
        """A connection to the first replica that answers, starting with the last good one."""
        order = self.replicas[self.preferred :] + self.replicas[: self.preferred]
        reasons = []
        for host, port in order:
            try:
                db = xapian.remote_open(host.strip("[]"), port, TIMEOUT_MS, CONNECT_MS)
            except (xapian.NetworkError, xapian.DatabaseError) as exc:
                reasons.append(f"{host}:{port}: {exc.get_msg() or exc.__class__.__name__}")
                log.warning("shard %d replica %s:%d unreachable: %s", self.number, host, port, exc)
                continue
            self.preferred = self.replicas.index((host, port))
            return db
        raise ShardUnavailable(
            f"The search index is incomplete: {self.label} answers on none of its replicas "
            f"({'; '.join(reasons)}). Start xapian-tcpsrv for it, or add a replica."
        )


def parse_shards(spec: str, setting: str = "XAPIAN_SHARDS") -> list[RemoteShard]:
    """Remote shards from `host:port|host:port,host:port`; NewsIndexError for a bad spec."""
    shards = []
    for number, part in enumerate(p.strip() for p in spec.split(",")):
        if not part:
            raise NewsIndexError(f"Empty shard in {setting}={spec!r}: write host:port,….")
        replicas = []
        for address in (a.strip() for a in part.split("|")):
            match = _ADDRESS.fullmatch(address)
            if match is None or not 0 < int(match["port"]) < 65536:
                raise NewsIndexError(
                    f"Bad shard address {address!r} in {setting}: write host:port "
                    "(replicas of one shard joined by |, shards by commas)."
                )
            replicas.append((match["host"], int(match["port"])))
        shards.append(RemoteShard(number, replicas))
    return shards


def combine(databases: list[xapian.Database]) -> xapian.Database:
    """One database searching every shard, with collection-wide statistics."""
    combined = xapian.Database()
    for db in databases:
        combined.add_database(db)
    return combined
