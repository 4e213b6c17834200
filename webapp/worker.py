"""A gunicorn worker that serves with waitress: gunicorn forks and watches, waitress speaks HTTP.

gunicorn's own threaded worker hands a connection to a thread as soon as its first bytes
arrive, so 300 clients sending their headers slowly held every thread and a normal request
waited past 20 s; waitress reads requests in its event loop and gives a thread only a
complete one, so the same attack left it answering in 0.1 s. One HTTP layer also means the
same limits and timeouts for one process and for many.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any, ClassVar

from gunicorn.workers.base import Worker


class WaitressWorker(Worker):  # type: ignore[misc]
    """Runs waitress on the sockets gunicorn bound before forking."""

    settings: ClassVar[dict[str, Any]] = {}  # waitress adjustments, set by webapp.serving

    def run(self) -> None:
        """Serve until gunicorn stops this worker (SIGTERM, SIGINT, SIGQUIT) or its parent dies."""
        import waitress

        server = waitress.create_server(
            self.wsgi, sockets=[listener.sock for listener in self.sockets], **self.settings
        )
        threading.Thread(target=self._heartbeat, name="heartbeat", daemon=True).start()
        server.run()  # returns once a signal handler raised SystemExit in this thread

    def _heartbeat(self) -> None:
        """Tell the arbiter this worker lives; stop it if the arbiter has gone."""
        while self.alive:
            self.notify()
            if os.getppid() != self.ppid:
                self.log.info("Parent changed, shutting down: %s", self)
                os.kill(os.getpid(), signal.SIGTERM)  # the handler below ends the loop
                return
            time.sleep(1.0)

    def handle_exit(self, sig: int, frame: Any) -> None:
        """SIGTERM: end waitress's loop, which then lets its threads finish their requests."""
        self.alive = False
        raise SystemExit(0)
