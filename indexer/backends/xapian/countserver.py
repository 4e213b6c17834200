"""A count server: one shard's counts over its columns, for searches over remote shards.

`newsindex serve-counts FOLDER --port P` runs beside `xapian-tcpsrv` on the machine holding the
shard folder (the `serving/shard-N` link, or a replica). It answers `POST /counts` with a search
(`shardcounts.query_to_json`) by the shard's total, story hashes, facet counts and chart counts
(`shardcounts.ShardCounts`), counted over the shard's numpy columns as a local search counts
them; `POST /copies` with story ids by each story's first members in the shard and their
summaries (a page's copies, read where the shard is local); `POST /suggest` with a word by the
shard's spelling suggestion (Xapian's remote protocol carries no spelling data); `GET /health`
says which revision it reads. Every request sees the folder's current
revision: a new generation published under the link, or a replica updated by
`xapian-replicate`, is read from the next request on (its columns are loaded once per revision:
from the table file saved beside the shard, else read from its values).
"""

from __future__ import annotations

import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import xapian

from indexer.backends.base import SearchQuery
from indexer.backends.xapian.backend import XapianBackend
from indexer.backends.xapian.shardcounts import (
    PageAsked,
    ShardCounts,
    page_from_json,
    query_from_json,
    stories_from_json,
    word_from_json,
)
from indexer.errors import IndexMissing, NewsIndexError, QueryError
from indexer.workers import cores

MAX_REQUEST_BYTES = 1 << 20
COUNTS_TYPE = "application/x-newsindex-counts"

log = logging.getLogger(__name__)


class ShardCounter:
    """One shard folder's counts, at its current revision."""

    def __init__(self, folder: Path) -> None:
        try:
            xapian.Database(str(folder)).close()
        except xapian.Error as exc:
            raise NewsIndexError(
                f"{folder} is not a Xapian shard ({exc.get_msg()}): give a shard folder, "
                "such as INDEX/serving/shard-0."
            ) from None
        self.folder = folder
        self.backend = XapianBackend(folder, [folder])

    def counts(self, sq: SearchQuery, page: PageAsked | None = None) -> ShardCounts:
        """A search's counts over the shard as it is now (and a date-ordered page's places)."""
        self.backend.refresh()  # each thread reopens: a swapped link or a replicated revision
        return self.backend.shard_counts(sq, page)

    def copies(self, stories: list[str]) -> dict[str, Any]:
        """Stories' first members here, with their summaries, and their sizes here."""
        self.backend.refresh()
        return self.backend.shard_copies(stories)

    def suggestion(self, word: str) -> dict[str, Any]:
        """Xapian's spelling suggestion for a word from the shard's spelling data."""
        self.backend.refresh()
        return self.backend.shard_suggestion(word)

    def health(self) -> dict[str, Any]:
        """The shard's folder, revision and live articles."""
        db = xapian.Database(str(self.folder))
        try:
            return {"folder": str(self.folder), "target": os.path.realpath(self.folder),
                    "revision": db.get_revision(), "articles": db.get_doccount()}  # fmt: skip
        finally:
            db.close()


class _Handler(BaseHTTPRequestHandler):
    """POST /counts and GET /health, answered in JSON."""

    server: CountServer
    protocol_version = "HTTP/1.0"

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        """Count a search, or read stories' copies."""
        if self.path not in ("/counts", "/copies", "/suggest"):
            return self._send(404, {"error": "Not found: POST /counts, /copies or /suggest."})
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            return self._send(413, {"error": "The count request is too large."})
        counter = self.server.counter
        try:
            data = json.loads(self.rfile.read(length) or b"null")
            if self.path == "/copies":
                return self._send(200, counter.copies(stories_from_json(data)))
            if self.path == "/suggest":
                return self._send(200, counter.suggestion(word_from_json(data)))
            counted = counter.counts(query_from_json(data), page_from_json(data))
        except json.JSONDecodeError as exc:
            return self._send(400, {"error": f"Malformed count request: {exc}"})
        except QueryError as exc:
            return self._send(400, {"error": str(exc)})
        except (IndexMissing, NewsIndexError) as exc:
            return self._send(503, {"error": str(exc)})
        except Exception:
            log.exception("count failed")
            return self._send(500, {"error": "The count failed: see the count server's log."})
        return self._send(200, counted.to_bytes())

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        """Say which shard and revision the server counts."""
        if self.path != "/health":
            return self._send(404, {"error": "Not found: GET /health."})
        try:
            return self._send(200, self.server.counter.health())
        except xapian.Error as exc:
            return self._send(503, {"error": f"The shard cannot be opened: {exc.get_msg()}"})

    def _send(self, status: int, data: dict[str, Any] | bytes) -> None:
        """Write an answer: JSON, or counts (`ShardCounts.to_bytes`)."""
        binary = isinstance(data, bytes)
        body = data if isinstance(data, bytes) else json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", COUNTS_TYPE if binary else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        """Requests go to the debug log, not standard error."""
        log.debug("%s " + format, self.address_string(), *args)


class CountServer(HTTPServer):
    """An HTTP server answering on a fixed pool of threads (each keeps its shard open)."""

    def __init__(self, address: tuple[str, int], counter: ShardCounter, threads: int) -> None:
        super().__init__(address, _Handler)
        self.counter = counter
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="counts")

    def process_request(self, request: Any, client_address: Any) -> None:
        """Answer on the pool."""
        self.pool.submit(self._answer, request, client_address)

    def _answer(self, request: Any, client_address: Any) -> None:
        """Answer one request and close it."""
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        """Stop listening, finish the requests under way, close the shard."""
        super().server_close()
        self.pool.shutdown(wait=True)
        self.counter.backend.close()


def start(folder: Path, host: str, port: int, threads: int | None = None) -> CountServer:
    """A count server on a shard folder, listening (serve it with `serve_forever`)."""
    return CountServer((host, port), ShardCounter(folder), threads or max(2, cores()))
