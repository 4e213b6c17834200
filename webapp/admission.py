"""Admission control in waitress: a request waits for a search thread only as long as it may.

waitress hands each complete request to its threads through a queue with no bound, so under
more requests than the cores can answer the queue, and every wait, grows. Searching is
CPU-bound Python: threads of one process share one core (the GIL), so more threads than a
couple only make every search slower (200 clients on 68 threads a process: p99 3.3 s, max
6.2 s) and each thread opens a searcher of its own (memory grew 273 → 400 MB).

This task dispatcher (waitress's interface: `set_thread_count`, `add_task`, `shutdown`) gives
requests to three lanes of threads:
- searches: `threads` threads take requests in arrival order. The first `always_wait`
  waiting requests are always let in: a few clients waiting on a machine slowed by other work
  are no overload, and a refused client of a busy loop comes straight back (8 clients on one
  slowed process got 7,959 busy answers for 270 searches). Beyond them a request is refused
  when it arrives if `queue` requests already wait or if its expected wait (the requests ahead
  times the mean time one takes, over the threads) is past the deadline, and, as a last
  resort, when a thread picks it up after it waited past the deadline. Refused means a 503
  with Retry-After.
- exports: CSV downloads stream for as long as the client reads, so they have threads of
  their own (and the same limits) instead of holding a search thread.
- quick: one thread serves static files and malformed requests.

A refusal is written where it is decided, in waitress's event loop: a ready-made 503 with
Retry-After appended to the connection's output, with no thread, WSGI environ or Flask in
between. Under overload the refusals are most of the traffic and each one takes the GIL from
the searches being answered: through a thread and the app one took 0.6 ms of CPU. (A refusal
decided elsewhere, for a request that waited past the deadline, goes through the app, whose
middleware reads the verdict with `verdict()` and answers the same 503.)

This reads and writes a few attributes of waitress's channel and request, named in `CHANNEL`
and `REQUEST`, checked on each use: where one is missing, every request is a search and
refusals go through the app, which is slower but still right.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

Answer = tuple[list[tuple[str, str]], bytes]  # the headers and body of a busy 503

ADMIT, REFUSE = "admit", "refuse"
CHANNEL = ("requests", "write_soon", "connected", "total_outbufs_len", "close_when_flushed")
REQUEST = ("path", "error", "version", "command", "headers", "close")
EXPORT_SUFFIX = ".csv"  # streamed downloads: /api/search.csv, /api/chart.csv
# How much the latest request moves the mean time at work: about the last 40 count, so a
# few slow searches in a row do not swing what is refused.
MEAN_WEIGHT = 0.05
NEVER = float("inf")

_thread = threading.local()


def verdict() -> str | None:
    """What the dispatcher decided for the request this thread runs (None: no dispatcher)."""
    return getattr(_thread, "verdict", None)


@dataclass
class Lane:
    """Threads that take requests of one kind in arrival order, and their waiting line."""

    name: str
    threads: int
    queue: int  # requests allowed to wait
    deadline: float  # seconds a request may wait
    always_wait: int = 0  # requests let wait whatever the expected wait
    waiting: deque[tuple[Any, float]] = field(default_factory=deque)  # (task, refused after)
    busy: int = 0
    mean_seconds: float = 0.0  # moving mean of the time a request keeps a thread
    served: int = 0

    def expected_wait(self) -> float:
        """How long a request arriving now would wait for a thread, by the recent mean."""
        if self.busy < self.threads and not self.waiting:
            return 0.0
        return (len(self.waiting) + 1) * self.mean_seconds / self.threads

    def admits(self) -> bool:
        """Whether a request arriving now may wait for a thread."""
        if self.busy < self.threads and not self.waiting:
            return True
        if len(self.waiting) < min(self.always_wait, self.queue):
            return True
        return len(self.waiting) < self.queue and self.expected_wait() <= self.deadline

    def expires(self, now: float) -> float:
        """When a request let in now stops being worth a search (never, if always let wait)."""
        return NEVER if len(self.waiting) < self.always_wait else now + self.deadline

    def took(self, seconds: float) -> None:
        """Record how long a request kept a thread."""
        weight = MEAN_WEIGHT if self.served else 1.0  # the first one sets the mean
        self.mean_seconds += weight * (seconds - self.mean_seconds)
        self.served += 1


class AdmissionDispatcher:
    """waitress's task dispatcher with a search lane, an export lane and a quick lane."""

    def __init__(
        self,
        threads: int,
        queue: int,
        deadline: float,
        export_threads: int = 1,
        always_wait: int = 0,
        busy: Callable[[str], Answer] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.search = Lane("search", threads, queue, deadline, always_wait)
        self.export = Lane("export", export_threads, queue, deadline, always_wait)
        self.quick = Lane("quick", 1, 1 << 30, NEVER)
        self.refused = 0  # requests answered 503 since start
        self._busy = busy  # the 503 for a path; None: refusals go through the app
        self.clock = clock  # seconds, for the waits (tests may replace it)
        self._cond = threading.Condition()
        self._stopping = False
        self._threads: list[threading.Thread] = []

    # waitress's interface

    def set_thread_count(self, count: int) -> None:
        """Start the lanes' threads (waitress's `threads` setting is unused: lanes have theirs)."""
        if self._threads:
            return
        for lane in (self.search, self.export, self.quick):
            for n in range(lane.threads):
                thread = threading.Thread(
                    target=self._work, args=(lane,), name=f"{lane.name}-{n}", daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def add_task(self, task: Any) -> None:
        """Queue a channel's next request on its lane, or answer 503 if it would wait too long.

        waitress calls this holding the channel's `requests_lock`, from its event loop when a
        request has been read, or from a thread that has just answered the one before it.
        """
        now = self.clock()
        if self._drop_after_close(task):
            return
        with self._cond:
            lane = self._lane(task)
            if lane is self.quick or lane.admits():
                lane.waiting.append((task, lane.expires(now)))
                self._cond.notify_all()
                return
            self.refused += 1
        if not self._refuse_now(task):
            with self._cond:
                self.quick.waiting.append((_Refusal(task), NEVER))
                self._cond.notify_all()

    def shutdown(self, cancel_pending: bool = True, timeout: float = 5) -> bool:
        """Stop the threads once their requests are done; cancel what still waits."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        ends = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, ends - time.monotonic()))
        if not cancel_pending:
            return False
        with self._cond:
            pending = [task for lane in self._lanes() for task, _ in lane.waiting]
            for lane in self._lanes():
                lane.waiting.clear()
        for task in pending:
            task.cancel()
        return True

    # inside

    def _refuse_now(self, channel: Any) -> bool:
        """Write the 503 on the channel at once, from waitress's event loop; False if not here.

        Only in the event loop, which reads a request only once the answers before it have
        been sent (so the output is empty and writing never waits). waitress's own thread
        would answer the request, then take it off the channel and close the connection if
        the client asked; this does the same.
        """
        if self._busy is None or getattr(_thread, "lane", None) is not None:
            return False
        request = _next_request(channel)
        if request is None or not _has(channel, CHANNEL) or not _has(request, REQUEST):
            return False
        if not channel.connected or channel.total_outbufs_len or channel.close_when_flushed:
            return False
        close = not _keeps_alive(request)
        headers, body = self._busy(request.path)
        channel.write_soon(_http_answer(request, headers, body, close))
        request.close()
        channel.requests.pop(0)
        if close:  # requests read behind this one are dropped by _drop_after_close
            channel.close_when_flushed = True
        return True

    def _drop_after_close(self, channel: Any) -> bool:
        """Whether the request arrived behind one whose answer closes the connection."""
        if getattr(channel, "close_when_flushed", False) and _next_request(channel) is not None:
            for request in channel.requests:
                request.close()
            channel.requests.clear()
            return True
        return False

    def _lanes(self) -> tuple[Lane, Lane, Lane]:
        """Every lane."""
        return self.search, self.export, self.quick

    def _lane(self, task: Any) -> Lane:
        """The lane of the channel's next request, by its path."""
        request = _next_request(task)
        if request is None:
            return self.search
        if getattr(request, "error", None):
            return self.quick  # waitress answers it without running the app
        path = getattr(request, "path", "")
        if not isinstance(path, str):
            return self.search
        if path.startswith("/static/"):
            return self.quick
        return self.export if path.endswith(EXPORT_SUFFIX) else self.search

    def _work(self, lane: Lane) -> None:
        """One thread of a lane: take the oldest waiting request and serve it, until shutdown."""
        _thread.lane = lane.name
        while True:
            with self._cond:
                while not lane.waiting and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                task, expires = lane.waiting.popleft()
                late = self.clock() > expires
                if late:
                    self.refused += 1
                else:
                    lane.busy += 1
            if late:
                self._serve(_Refusal(task))
                continue
            started = self.clock()
            try:
                self._serve(task, ADMIT)
            finally:
                with self._cond:
                    lane.busy -= 1
                    lane.took(self.clock() - started)
                    self._cond.notify_all()

    def _serve(self, task: Any, decided: str | None = None) -> None:
        """Run one request with the verdict set for this thread (a refusal carries its own)."""
        if isinstance(task, _Refusal):
            task, decided = task.task, REFUSE
        _thread.verdict = decided
        try:
            task.service()
        except BaseException:  # waitress's own dispatcher logs and goes on, so do we
            logging.getLogger("waitress").exception("Exception when servicing %r", task)
        finally:
            _thread.verdict = None


@dataclass(frozen=True, slots=True)
class _Refusal:
    """A request to answer with 503 (on the quick lane)."""

    task: Any

    def cancel(self) -> None:
        """Cancel the underlying request (shutdown)."""
        self.task.cancel()


def _has(thing: Any, names: tuple[str, ...]) -> bool:
    """Whether an object of waitress's still has the attributes this module relies on."""
    return all(hasattr(thing, name) for name in names)


def _keeps_alive(request: Any) -> bool:
    """Whether the connection stays open after the answer (waitress's rule, HTTP/1.0 and 1.1)."""
    connection = str(request.headers.get("CONNECTION", "")).lower()
    if request.version == "1.1":
        return connection != "close"
    return request.version == "1.0" and connection == "keep-alive"


def _http_answer(request: Any, headers: list[tuple[str, str]], body: bytes, close: bool) -> bytes:
    """A complete HTTP 503 answer to `request` (no body for HEAD)."""
    version = request.version if request.version in ("1.0", "1.1") else "1.0"
    lines = [f"HTTP/{version} 503 Service Unavailable", f"Date: {formatdate(usegmt=True)}"]
    lines.append("Server: newsindex")
    lines += [f"{name}: {value}" for name, value in headers]
    if close:
        lines.append("Connection: close")
    elif version == "1.0":
        lines.append("Connection: Keep-Alive")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if request.command == "HEAD" else head + body


def _next_request(task: Any) -> Any:
    """The request a waitress channel will serve next, or None if waitress changed."""
    requests = getattr(task, "requests", None)
    if isinstance(requests, list) and requests:
        return requests[0]
    return None
