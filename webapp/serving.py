"""Runs the app: gunicorn pre-fork workers on Unix, waitress for one process or without fork."""

from __future__ import annotations

import inspect
import ipaddress
import logging
import os
import socket
import sys
from dataclasses import dataclass
from typing import Any

import click
from flask import Flask

from webapp.protect import WILDCARD_HOSTS, default_hosts

SWITCH_SECONDS = 0.0005  # how long a thread holds the GIL while another waits for it


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How `newsindex serve` listens and how much work each process takes on."""

    host: str = "127.0.0.1"
    port: int = 5000
    workers: int = 1
    # Searching is CPU-bound Python: a second thread in one process shares its core (the GIL)
    # and makes every search slower; another core needs another worker process.
    threads: int = 1  # searches a process works on at once
    queue: int = 64  # requests a process lets wait for a thread; past it, 503 at once
    # A request that cannot start within the time a whole search may take (its 1 s budget)
    # is refused, so an answer takes at most about 2 s: the wait, then the search.
    queue_timeout: float = 1.0  # seconds a request may wait for a search thread
    # Let wait whatever the recent times (webapp.admission): 8 clients of one slowed process
    # are no overload, and refusing one of them starts a storm of retries.
    always_wait: int = 8
    export_threads: int = 2  # CSV downloads a process streams at once (webapp.admission)
    connection_limit: int = 1000  # open connections per process
    timeout: int = 30  # idle connection (waitress), stuck worker (gunicorn), in seconds
    backlog: int = 2048  # connections the kernel holds before a process accepts them


def can_fork() -> bool:
    """Whether pre-fork workers are possible here (Unix with gunicorn installed)."""
    if not hasattr(os, "fork"):
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def is_loopback(host: str) -> bool:
    """Whether an address only this machine can reach."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    """A host as it appears in a URL (IPv6 in brackets; every interface as the machine's name)."""
    if host in WILDCARD_HOSTS:
        return socket.gethostname().lower()
    return _bind_host(host)


def configure(app: Flask, options: ServeOptions) -> None:
    """Fill the settings that depend on the bound address and set the busy gate's limits."""
    if not app.config.get("ALLOWED_HOSTS"):
        hosts = default_hosts(options.host)
        if options.host in WILDCARD_HOSTS:
            hosts.append(socket.gethostname().lower())
        app.config["ALLOWED_HOSTS"] = hosts
    if not app.config.get("BASE_URL"):
        app.config["BASE_URL"] = f"http://{_url_host(options.host)}:{options.port}"
    app.config["MAX_ACTIVE"] = options.threads
    app.config["MAX_QUEUE"] = options.queue
    app.config["QUEUE_TIMEOUT"] = options.queue_timeout


def exposure_warning(host: str) -> str | None:
    """The warning printed when serving beyond this machine."""
    if is_loopback(host):
        return None
    return (
        f"Warning: listening on {host} makes newsindex reachable from other machines; it has no "
        "login and serves every indexed article. Prefer a reverse proxy on 127.0.0.1 (README, "
        "Serving), and set NEWSINDEX_ALLOWED_HOSTS and NEWSINDEX_BASE_URL to the public name."
    )


def serve(app: Flask, options: ServeOptions) -> None:
    """Serve until stopped: gunicorn with `workers` processes, else waitress in this one."""
    configure(app, options)
    if options.workers > 1 and can_fork():
        _gunicorn(app, options)
        return
    if options.workers > 1:
        click.echo("Pre-fork workers need Unix and gunicorn; serving from one process.", err=True)
    _waitress(app, options)


def waitress_settings(options: ServeOptions) -> dict[str, Any]:
    """waitress's settings (`threads` counts only where waitress's own dispatcher is used)."""
    return {
        "threads": options.threads + options.queue,
        "connection_limit": options.connection_limit,
        "channel_timeout": options.timeout,
        "backlog": options.backlog,
        "asyncore_use_poll": True,  # select() stops at 1,024 descriptors
        "ident": "newsindex",
    }


def admission_supported() -> bool:
    """Whether waitress still takes a task dispatcher of ours (`create_server(_dispatcher=)`)."""
    from waitress.server import create_server

    return "_dispatcher" in inspect.signature(create_server).parameters


def waitress_server(app: Any, options: ServeOptions, **where: Any) -> Any:
    """A waitress server on `where` (host and port, or sockets) with admission control.

    Where waitress no longer takes a dispatcher, its own runs `threads + queue` threads and
    the busy gate inside the app refuses what waits too long (webapp.protect).
    """
    import waitress

    # waitress's event loop gives up the GIL at each socket call and, while a search holds
    # it, waits up to the switch interval (5 ms by default) to get it back: at 200 clients the
    # loop crawled and busy answers took 110 ms (p50); at 0.5 ms they took 64 ms, and twice
    # as many were answered in the same time.
    sys.setswitchinterval(SWITCH_SECONDS)
    settings = {**waitress_settings(options), **where}
    if not admission_supported():
        logging.getLogger("newsindex").warning(
            "waitress has no _dispatcher setting: busy answers come from the app's gate"
        )
        return waitress.create_server(app, **settings)
    from webapp.admission import AdmissionDispatcher
    from webapp.protect import BusyGateway

    gateway = getattr(app, "wsgi_app", None)
    dispatcher = AdmissionDispatcher(
        options.threads,
        options.queue,
        options.queue_timeout,
        options.export_threads,
        options.always_wait,
        busy=gateway.answer if isinstance(gateway, BusyGateway) else None,
    )
    dispatcher.set_thread_count(options.threads)
    return waitress.create_server(app, _dispatcher=dispatcher, **settings)


def _waitress(app: Flask, options: ServeOptions) -> None:
    """Serve from this process alone."""
    logging.basicConfig()  # waitress's warnings (connection limit reached) on stderr
    waitress_server(app, options, host=options.host, port=options.port).run()


def _gunicorn(app: Flask, options: ServeOptions) -> None:
    """gunicorn's pre-fork arbiter, each worker serving with waitress on the shared socket."""
    from gunicorn.app.base import BaseApplication

    from webapp.worker import Balance, WaitressWorker

    def post_fork(_server: Any, _worker: Any) -> None:
        """Each worker opens its own index on first use; nothing opened before the fork."""
        app.extensions.pop("newsindex", None)
        app.extensions.pop("newsindex_gate", None)

    settings = {
        "bind": [f"{_bind_host(options.host)}:{options.port}"],
        "workers": options.workers,
        "worker_class": type(
            "Worker",
            (WaitressWorker,),
            {"options": options, "balance": Balance(options.workers)},
        ),
        "backlog": options.backlog,
        "timeout": options.timeout,
        "graceful_timeout": 10,
        "proc_name": "newsindex",
        "post_fork": post_fork,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
    }

    class NewsindexServer(BaseApplication):  # type: ignore[misc]
        """gunicorn run from `newsindex serve`, on the already made app."""

        def load_config(self) -> None:
            """Apply the settings above (no gunicorn command line is read)."""
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            """The WSGI app every worker serves."""
            return app

    NewsindexServer().run()  # returns only by exiting, when the workers have stopped


def _bind_host(host: str) -> str:
    """A host for a URL or gunicorn's bind setting (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
