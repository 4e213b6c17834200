"""A gunicorn worker that serves with waitress: gunicorn forks and watches, waitress speaks HTTP.

gunicorn's own threaded worker hands a connection to a thread as soon as its first bytes
arrive, so 300 clients sending their headers slowly held every thread and a normal request
waited past 20 s; waitress reads requests in its event loop and gives a thread only a
complete one, so the same attack left it answering in 0.1 s. One HTTP layer also means the
same limits and timeouts for one process and for many.

Workers share one listening socket, and the kernel gives a new connection to whichever
process calls accept first: 8 keep-alive clients were split 7 to 1, leaving one core idle.
So each worker publishes its open connections in memory shared across the fork and listens
only while it holds no more than the least loaded of its live siblings.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar

from gunicorn.workers.base import Worker

NUDGE_SECONDS = 0.1  # how soon a worker that stopped listening notices it may listen again
# For this long after start, a worker that has not claimed its slot yet counts as a sibling
# with no connection: otherwise the first worker up takes every early client for good.
STARTUP_GRACE_SECONDS = 10.0


class Balance:
    """Open connections per worker, in shared memory made before the fork."""

    def __init__(self, workers: int) -> None:
        slots = workers * 2  # room for workers restarted while a dead one's slot is not freed
        self._workers = workers
        self._lock = multiprocessing.get_context("fork").Lock()
        self._pids = multiprocessing.RawArray(ctypes.c_long, slots)
        self._counts = multiprocessing.RawArray(ctypes.c_long, slots)
        self._born = time.monotonic()  # CLOCK_MONOTONIC: the same clock in every worker

    def claim(self, pid: int) -> int | None:
        """A slot for this worker (a free one, or a dead worker's); None when all are taken."""
        with self._lock:
            for slot, owner in enumerate(self._pids):
                if owner == 0 or owner == pid or not _alive(owner):
                    self._pids[slot], self._counts[slot] = pid, 0
                    return slot
        return None

    def may_accept(self, slot: int, connections: int) -> bool:
        """Record this worker's connections; whether it has no more than any live sibling."""
        self._counts[slot] = connections
        return self.eligible(slot)

    def eligible(self, slot: int) -> bool:
        """Whether the worker in `slot` has no more connections than any live sibling."""
        mine = self._counts[slot]
        claimed = 1
        for other, owner in enumerate(self._pids):
            if other == slot or not owner:
                continue
            claimed += 1
            if self._counts[other] < mine and _alive(owner):
                return False
        # A sibling still starting holds no connection yet. Only the workers that are due
        # count: the spare slots are never claimed, and counting them as starting siblings
        # let each worker take one connection in its first 10 s (200 clients waited seconds
        # for their first answer).
        if mine > 0 and claimed < self._workers:
            return time.monotonic() - self._born >= STARTUP_GRACE_SECONDS
        return True


def _alive(pid: int) -> bool:
    """Whether a process exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class WaitressWorker(Worker):  # type: ignore[misc]
    """Runs waitress on the sockets gunicorn bound before forking."""

    options: ClassVar[Any] = None  # webapp.serving.ServeOptions, set by webapp.serving
    balance: ClassVar[Balance | None] = None  # shared by the workers, set by webapp.serving

    def run(self) -> None:
        """Serve until gunicorn stops this worker (SIGTERM, SIGINT, SIGQUIT) or its parent dies."""
        from webapp.serving import waitress_server

        # Made after the fork: the dispatcher's threads would not survive it.
        server = waitress_server(
            self.wsgi, self.options, sockets=[listener.sock for listener in self.sockets]
        )
        nudge = self._balance(server)
        threading.Thread(
            target=self._heartbeat, args=(nudge,), name="heartbeat", daemon=True
        ).start()
        server.run()  # returns once a signal handler raised SystemExit in this thread

    def _balance(self, server: Any) -> Callable[[], None]:
        """Listen only while this worker is among the least loaded (see the module docstring).

        Returns the nudge the heartbeat calls: waitress decides what to poll when its loop
        wakes (at least once a second), so a worker that stopped listening is woken as soon
        as a sibling's new connections make it the least loaded again.
        """
        channels = getattr(server, "active_channels", None)
        wake = getattr(server, "pull_trigger", None)
        slot = self.balance.claim(os.getpid()) if self.balance is not None else None
        if slot is None or not isinstance(channels, dict) or not callable(wake):
            # waitress changed (one server per socket, with `active_channels` and
            # `pull_trigger`) or no slot was free: accept as the kernel decides.
            self.log.warning("Connections are not balanced across workers: %s", self)
            return lambda: None
        balance, readable = self.balance, server.readable
        listening = [True]

        def balanced_readable() -> bool:
            """waitress's own answer, and only while this worker is among the least loaded."""
            listening[0] = balance.may_accept(slot, len(channels)) and readable()
            return listening[0]

        def nudge() -> None:
            """Wake waitress's loop if this worker stopped listening but may listen again."""
            if not listening[0] and balance.eligible(slot):
                wake()

        server.readable = balanced_readable
        return nudge

    def _heartbeat(self, nudge: Callable[[], None]) -> None:
        """Tell the arbiter this worker lives, nudge the balance; stop if the arbiter has gone."""
        beats = 0
        while self.alive:
            nudge()
            if beats % round(1 / NUDGE_SECONDS) == 0:
                self.notify()
                if os.getppid() != self.ppid:
                    self.log.info("Parent changed, shutting down: %s", self)
                    os.kill(os.getpid(), signal.SIGTERM)  # the handler below ends the loop
                    return
            beats += 1
            time.sleep(NUDGE_SECONDS)

    def handle_exit(self, sig: int, frame: Any) -> None:
        """SIGTERM: end waitress's loop, which then lets its threads finish their requests."""
        self.alive = False
        raise SystemExit(0)
