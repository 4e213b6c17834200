"""Admission control in a real waitress server over the real app: who waits, who gets a 503.

A search thread is held deterministically by a request to a route that waits for an event, so
no assertion depends on timing.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from webapp import create_app
from webapp.admission import AdmissionDispatcher
from webapp.serving import ServeOptions, configure, waitress_server

from .conftest import close_app, free_port

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

HOST = "127.0.0.1"
BUSY = "The server is busy answering other searches; try again in a moment."


@dataclass
class Served:
    """A waitress server of the app on a local port, and a route that holds a search thread."""

    app: Flask
    port: int
    dispatcher: AdmissionDispatcher
    entered: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, Any, str]:
        """One GET on a new connection: status, headers, body."""
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            conn.close()

    def hold(self) -> tuple[threading.Thread, list[int]]:
        """Occupy the search thread with a request that waits for `release`."""
        statuses: list[int] = []
        thread = threading.Thread(target=lambda: statuses.append(self.get("/hold")[0]))
        thread.start()
        self.entered.wait(60)
        assert self.entered.is_set(), "the held request never reached the app"
        return thread, statuses

    def in_background(self, path: str) -> tuple[threading.Thread, list[int]]:
        """A GET on its own thread; its status lands in the list."""
        statuses: list[int] = []
        thread = threading.Thread(target=lambda: statuses.append(self.get(path)[0]))
        thread.start()
        return thread, statuses

    def wait_until_idle(self) -> None:
        """Until the search thread has let go of its last request (it does so just after the
        client has the whole answer, so a client may see the answer first)."""
        for _ in range(6000):
            if self.dispatcher.search.busy == 0:  # read as wait_until_queued reads `waiting`
                return
            threading.Event().wait(0.01)
        raise AssertionError("the search thread never came free")

    def wait_until_queued(self, count: int) -> None:
        """Until `count` requests wait for the search thread (the dispatcher's own count)."""
        for _ in range(6000):
            if len(self.dispatcher.search.waiting) >= count:
                return
            threading.Event().wait(0.01)
        raise AssertionError(f"{count} requests never queued")


def _serve(built_index: Path, engine_name: str, options: ServeOptions) -> Iterator[Served]:
    """The real app with a /hold route, served by waitress with admission control."""
    app = create_app({"TESTING": True, "INDEX_DIR": built_index, "BACKEND": engine_name})
    entered, release = threading.Event(), threading.Event()

    def hold() -> str:
        """Keep the search thread until the test releases it."""
        entered.set()
        release.wait(60)
        return "released"

    app.add_url_rule("/hold", "hold", hold)
    port = free_port(HOST)
    options = dataclasses.replace(options, host=HOST, port=port)
    configure(app, options)
    server = waitress_server(app, options, host=HOST, port=port)
    running = threading.Thread(target=server.run, daemon=True)
    running.start()
    served = Served(app, port, server.task_dispatcher, entered, release)
    try:
        yield served
    finally:
        release.set()
        server.close()
        for channel in list(server._map.values()):  # the trigger and any open connection
            channel.close()
        running.join(30)
        close_app(app)


@pytest.fixture
def one_thread_no_queue(built_index: Path, engine_name: str) -> Iterator[Served]:
    """One search thread and no room to wait."""
    yield from _serve(built_index, engine_name, ServeOptions(threads=1, queue=0, queue_timeout=1.0))


@pytest.fixture
def one_thread_one_place(built_index: Path, engine_name: str) -> Iterator[Served]:
    """One search thread and one request allowed to wait."""
    yield from _serve(
        built_index, engine_name, ServeOptions(threads=1, queue=1, queue_timeout=3600.0)
    )


def test_a_saturated_process_answers_503_with_retry_after_at_once(one_thread_no_queue):
    served = one_thread_no_queue
    held, statuses = served.hold()
    try:
        api = served.get("/api/search?q=tiktok")
        page = served.get("/?q=tiktok")
        style = served.get("/static/style.css")
        export = served.get("/api/search.csv?q=tiktok")
    finally:
        served.release.set()
        held.join(60)
    status, headers, body = api
    assert status == 503
    assert headers["Retry-After"] == "1"
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert json.loads(body) == {"ok": False, "status": 503, "error": BUSY}
    status, headers, body = page
    assert status == 503 and headers["Retry-After"] == "1"
    assert "The server is busy" in body and "<html" in body
    assert style[0] == 200  # files are served by a thread of their own, never refused
    assert export[0] == 200 and "tiktok" in export[2].lower()  # downloads have their own
    assert statuses == [200]
    assert served.dispatcher.refused == 2
    served.wait_until_idle()
    assert served.get("/api/search?q=tiktok")[0] == 200  # the thread is free again


def test_a_waiting_request_gets_the_thread_and_the_next_is_refused(one_thread_one_place):
    served = one_thread_one_place
    held, held_statuses = served.hold()
    waiting, statuses = served.in_background("/api/search?q=tiktok")
    served.wait_until_queued(1)
    refused = served.get("/api/search?q=cocoa")
    served.release.set()
    held.join(60)
    waiting.join(60)
    assert refused[0] == 503 and refused[1]["Retry-After"] == "1"
    assert held_statuses == [200] and statuses == [200]


def test_a_request_that_would_wait_past_the_deadline_is_refused_on_arrival(
    built_index, engine_name
):
    for served in _serve(
        built_index,
        engine_name,
        ServeOptions(threads=1, queue=10, queue_timeout=1.0, always_wait=0),
    ):
        held, _ = served.hold()
        served.dispatcher.search.mean_seconds = 60.0  # searches have been taking a minute
        try:
            status, headers, _ = served.get("/api/search?q=tiktok")
        finally:
            served.release.set()
            held.join(60)
        assert status == 503 and headers["Retry-After"] == "1"
        assert not served.dispatcher.search.waiting  # refused at once, not queued


def test_a_request_that_waited_past_the_deadline_gets_a_503_not_a_search(built_index, engine_name):
    now = [1000.0]
    for served in _serve(
        built_index, engine_name, ServeOptions(threads=1, queue=1, queue_timeout=5.0, always_wait=0)
    ):
        served.dispatcher.clock = lambda: now[0]
        held, _ = served.hold()
        waiting, statuses = served.in_background("/api/search?q=tiktok")
        served.wait_until_queued(1)
        now[0] += 6.0  # the queued request has now waited longer than the 5 s allowed
        served.release.set()
        held.join(60)
        waiting.join(60)
        assert statuses == [503]
        assert served.get("/api/search?q=tiktok")[0] == 200


def _raw(port: int, data: bytes) -> tuple[bytes, bool]:
    """Send raw bytes; everything the server answers within a second, and whether it closed."""
    with socket.create_connection((HOST, port)) as sock:
        sock.sendall(data)
        sock.settimeout(1)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except TimeoutError:
            return answer, False
        return answer, True


def test_refusals_keep_http_right(one_thread_no_queue):
    served = one_thread_no_queue
    request = b"GET /api/search?q=%s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s\r\n"
    held, _ = served.hold()
    try:
        pipelined, closed = _raw(served.port, request % (b"a", b"") + request % (b"b", b""))
        asked_close, closed_after = _raw(
            served.port, request % (b"a", b"Connection: close\r\n") + request % (b"b", b"")
        )
        head, head_closed = _raw(served.port, b"HEAD /api/search HTTP/1.0\r\n\r\n")
    finally:
        served.release.set()
        held.join(60)
    assert pipelined.count(b"HTTP/1.1 503 Service Unavailable\r\n") == 2  # both answered
    assert not closed  # and the connection kept alive
    assert asked_close.count(b"HTTP/1.1 503") == 1 and b"Connection: close" in asked_close
    assert closed_after  # closed as asked, the request behind it dropped
    assert head.startswith(b"HTTP/1.0 503") and head.endswith(b"\r\n\r\n")  # no body
    assert b"Content-Length: " in head and head_closed


def test_the_first_waiting_requests_are_let_in_however_slow_searches_have_been(
    built_index, engine_name
):
    now = [1000.0]
    options = ServeOptions(threads=1, queue=10, queue_timeout=1.0, always_wait=2)
    for served in _serve(built_index, engine_name, options):
        served.dispatcher.clock = lambda: now[0]
        held, _ = served.hold()
        served.dispatcher.search.mean_seconds = 60.0  # searches have been taking a minute
        first, first_statuses = served.in_background("/api/search?q=tiktok")
        served.wait_until_queued(1)
        second, second_statuses = served.in_background("/api/search?q=cocoa")
        served.wait_until_queued(2)
        third = served.get("/api/search?q=trams")  # a third would wait past the deadline
        now[0] += 3600.0  # and the two let in have waited an hour
        served.release.set()
        for thread in (held, first, second):
            thread.join(60)
        assert third[0] == 503
        assert first_statuses == [200] and second_statuses == [200]
