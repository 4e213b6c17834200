"""A count server: one shard's counts over its columns, for searches over remote shards.

`newsindex serve-counts FOLDER --port P` runs beside `xapian-tcpsrv` on the machine holding the
shard folder (the `serving/shard-N` link, or a replica). It answers `POST /counts` with a search
(`countwire.query_to_json`) by the shard's total, story hashes, facet counts and chart counts
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

import contextlib
import json
import logging
import os
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import xapian

from indexer.backends.base import SearchQuery
from indexer.backends.xapian.backend import XapianBackend
from indexer.backends.xapian.countwire import (
    PageAsked,
    page_from_json,
    query_from_json,
    spelling_from_json,
    stories_from_json,
)
from indexer.backends.xapian.shardcounts import ShardCounts
from indexer.errors import IndexMissing, NewsIndexError, QueryError
from indexer.workers import cores

MAX_REQUEST_BYTES = 1 << 20
DISCARD_BYTES = 4 * MAX_REQUEST_BYTES  # a refused body read and dropped, at most
SOCKET_SECONDS = 10.0  # the longest a request may take to arrive
QUEUED = 32  # requests that may wait for a thread; more are refused with a 503
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

    def suggestion(self, word: str, candidates: list[str]) -> dict[str, Any]:
        """Xapian's spelling suggestion for a word from the shard's spelling data, and the
        spelling frequencies of it and of other candidates."""
        self.backend.refresh()
        return self.backend.shard_suggestion(word, candidates)

    def health(self) -> dict[str, Any]:
        """The shard's folder, revision and live articles."""
        db = xapian.Database(str(self.folder))
        try:
            return {"folder": str(self.folder), "target": os.path.realpath(self.folder),
                    "revision": db.get_revision(), "articles": db.get_doccount()}  # fmt: skip
        finally:
            db.close()


class _Handler(BaseHTTPRequestHandler):
    """POST /counts, /copies and /suggest, GET /health; errors in JSON."""

    server: CountServer
    protocol_version = "HTTP/1.0"
    timeout = SOCKET_SECONDS  # a client that stops sending frees its thread

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        """Count a search, read stories' copies, or suggest a spelling."""
        if self.path not in ("/counts", "/copies", "/suggest"):
            return self._send(404, {"error": "Not found: POST /counts, /copies or /suggest."})
        if self.headers.get_content_type() != "application/json":
            # A web page can POST a form across origins without asking; JSON it cannot.
            return self._send(415, {"error": "Send the request as application/json."})
        announced = self.headers.get("Content-Length", "")
        if not announced.isdigit():
            return self._send(400, {"error": "A request needs its Content-Length."})
        length = int(announced)
        if length > MAX_REQUEST_BYTES:
            self._send(413, {"error": "The count request is too large."})
            return self._discard(length)
        counter = self.server.counter
        try:
            body = self.rfile.read(length)
            if len(body) < length:
                return self._send(400, {"error": "The request is shorter than announced."})
            data = json.loads(body or b"null")
            if self.path == "/copies":
                return self._send(200, counter.copies(stories_from_json(data)))
            if self.path == "/suggest":
                return self._send(200, counter.suggestion(*spelling_from_json(data)))
            counted = counter.counts(query_from_json(data), page_from_json(data))
        except (json.JSONDecodeError, RecursionError) as exc:
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

    def _discard(self, length: int) -> None:
        """Read a refused body (up to a bound) after the answer: a client still sending it when
        the connection closed would get a broken pipe instead of the answer."""
        left = min(length, DISCARD_BYTES)
        try:
            while left > 0:
                chunk = self.rfile.read(min(left, 1 << 16))
                if not chunk:
                    return
                left -= len(chunk)
        except OSError:  # the client gave up, or stopped sending (the socket's timeout)
            return

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        """Requests go to the debug log, not standard error."""
        log.debug("%s " + format, self.address_string(), *args)


class CountServer(HTTPServer):
    """An HTTP server answering on a fixed pool of threads (each keeps its shard open); past
    `QUEUED` requests waiting for a thread, a request is refused at once (503)."""

    def __init__(self, address: tuple[str, int], counter: ShardCounter, threads: int) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6  # an IPv6 address such as ::1
        super().__init__(address, _Handler)
        self.counter = counter
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="counts")
        self.slots = threading.BoundedSemaphore(threads + QUEUED)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Answer on the pool, or refuse when too many requests wait."""
        if not self.slots.acquire(blocking=False):
            _refuse(request)
            self.shutdown_request(request)
            return
        self.pool.submit(self._answer, request, client_address)

    def _answer(self, request: Any, client_address: Any) -> None:
        """Answer one request and close it."""
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self.slots.release()

    def server_close(self) -> None:
        """Stop listening, drop the requests not begun, close the shard."""
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.counter.backend.close()


def _refuse(request: socket.socket) -> None:
    """Answer 503 without reading the request (the server is saturated)."""
    body = json.dumps({"error": "The count server is busy: try again."}).encode()
    head = "HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {len(body)}\r\n\r\n"
    with contextlib.suppress(OSError):
        request.settimeout(1.0)
        request.sendall(head.encode() + body)


def start(folder: Path, host: str, port: int, threads: int | None = None) -> CountServer:
    """A count server on a shard folder, listening (serve it with `serve_forever`)."""
    # Threads beyond the cores: a slow or idle client holds one for up to SOCKET_SECONDS.
    return CountServer((host, port), ShardCounter(folder), threads or max(4, 2 * cores()))
