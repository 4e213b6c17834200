"""What every answer passes through: the allowed-hosts check, the busy gate and security headers."""

from __future__ import annotations

import ipaddress
import json
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, Response, current_app, render_template, request
from werkzeug.exceptions import BadRequest

from webapp import admission

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")

# Pages are escaped and styled by one stylesheet; nothing inline runs, nothing frames them.
# Style attributes are allowed (not <style> elements): the date chart places its bars, axis
# ticks and peak label with numbers computed on the server, never with article text, and with
# img-src 'self' a style cannot fetch anything from elsewhere.
CSP = (
    "default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class BusyGate:
    """At most `active` requests at work in this process; `queued` more wait up to `timeout` s.

    A request that would likely wait longer than `timeout` (Little's law: its place in the
    queue times the mean time at work, over `active`) is refused at once rather than after
    the wait, so a saturated server answers its 503s fast.
    """

    def __init__(self, active: int, queued: int, timeout: float) -> None:
        self.active, self.queued, self.timeout = active, queued, timeout
        self._cond = threading.Condition()
        self._working = 0
        self._waiting = 0
        self._mean_seconds = 0.0  # moving mean of the time a request keeps its place

    def enter(self) -> bool:
        """Take a place to work; False when the queue is full or the wait would run out."""
        with self._cond:
            if self._working < self.active and not self._waiting:
                self._working += 1
                return True
            expected = (self._waiting + 1) * self._mean_seconds / self.active
            if self._waiting >= self.queued or expected > self.timeout:
                return False
            self._waiting += 1
            try:
                if not self._cond.wait_for(lambda: self._working < self.active, self.timeout):
                    return False
                self._working += 1
                return True
            finally:
                self._waiting -= 1

    @property
    def waiting(self) -> int:
        """How many requests wait for a place now."""
        return self._waiting

    def leave(self, seconds: float = 0.0) -> None:
        """Give the place back to the next waiting request; `seconds` it was held."""
        with self._cond:
            self._working -= 1
            self._mean_seconds += 0.2 * (seconds - self._mean_seconds)
            self._cond.notify()


def host_name(host: str) -> str:
    """The name part of a Host header (`[::1]:5000` → `::1`, `Example.org:80` → `example.org`)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def default_hosts(bound: str | None = None) -> list[str]:
    """The hosts allowed when none are configured: the bound address and localhost."""
    hosts = list(LOCAL_HOSTS)
    if bound and bound not in WILDCARD_HOSTS:
        hosts.append(host_name(bound) if bound.startswith("[") else bound.lower())
    elif bound is not None:
        hosts.append("*ip")  # bound to every interface: any address typed literally
    return list(dict.fromkeys(hosts))


def _as_list(value: str | Iterable[str] | None) -> list[str] | None:
    """A setting given as a list or as a comma-separated string (from the environment)."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else value
    return [item.strip().lower() for item in items if item.strip()]


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """Whether a Host header names one of the allowed hosts (`.example.org` allows subdomains)."""
    name = host_name(host)
    if not name:
        return False
    for entry in allowed:
        if entry == "*" or entry == name:
            return True
        if entry.startswith(".") and (name == entry[1:] or name.endswith(entry)):
            return True
        if entry == "*ip":
            try:
                ipaddress.ip_address(name)
            except ValueError:
                continue
            return True
    return False


def base_url(app: Flask) -> str:
    """The public address links in feeds are built on: BASE_URL, else the bound address."""
    configured = app.config.get("BASE_URL")
    return str(configured or "http://localhost").rstrip("/")


def article_address(app: Flask) -> Callable[[str], str]:
    """An article page's address on the base URL (feeds, alerts and exports link alike)."""
    base = base_url(app)
    # Bound once, without a request: building an address is then a few µs a row.
    adapter = app.url_map.bind("localhost")

    def address(article_id: str) -> str:
        """One article's address."""
        return base + adapter.build("views.article", {"article_id": article_id})

    return address


def _check_host() -> None:
    """400 for a Host header outside ALLOWED_HOSTS (a defence against DNS rebinding)."""
    allowed = _as_list(current_app.config.get("ALLOWED_HOSTS")) or default_hosts()
    host = request.host
    if not host_allowed(host, allowed):
        raise BadRequest(
            f"This server does not answer for the host {host_name(host)!r}. "
            "Add it to the ALLOWED_HOSTS setting (NEWSINDEX_ALLOWED_HOSTS) to allow it."
        )


def gate(app: Flask) -> BusyGate:
    """The process's busy gate, made on first use from the settings."""
    found = app.extensions.get("newsindex_gate")
    if found is None:
        made = BusyGate(
            int(app.config["MAX_ACTIVE"]),
            int(app.config["MAX_QUEUE"]),
            float(app.config["QUEUE_TIMEOUT"]),
        )
        found = app.extensions.setdefault("newsindex_gate", made)
    return found


BUSY_MESSAGE = "The server is busy answering other searches; try again in a moment."


class BusyGateway:
    """WSGI middleware: each request takes a place at the gate or gets a ready-made 503.

    It sits outside Flask so that a refusal costs microseconds: under overload the refusals
    are most of the traffic, and in one process every one of them takes the GIL from the
    searches being answered.
    """

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.wsgi_app = app.wsgi_app
        self.static = (app.static_url_path or "/static") + "/"
        self._pages: dict[bool, bytes] = {}

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        """Serve the request if a place is free in time, else answer 503 with Retry-After."""
        if environ.get("PATH_INFO", "").startswith(self.static):
            return self.wsgi_app(environ, start_response)
        decided = admission.verdict()
        if decided == admission.REFUSE:
            return self._busy(environ, start_response)
        if decided == admission.ADMIT:  # `newsindex serve`: waitress's dispatcher admitted it
            return self.wsgi_app(environ, start_response)
        place = gate(self.app)
        if not place.enter():
            return self._busy(environ, start_response)
        started = time.perf_counter()
        try:
            return self.wsgi_app(environ, start_response)
        finally:
            place.leave(time.perf_counter() - started)

    def _busy(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        """The 503 as a WSGI answer."""
        headers, body = self.answer(environ.get("PATH_INFO", ""))
        start_response("503 SERVICE UNAVAILABLE", headers)
        return [body]

    def answer(self, path: str) -> tuple[list[tuple[str, str]], bytes]:
        """The headers and body of the 503 for `path`: the JSON error shape under /api, the
        error page elsewhere (also written by webapp.admission straight from waitress)."""
        api = path.startswith("/api/")
        body = self._pages.get(api)
        if body is None:
            body = self._pages.setdefault(api, self._render(api))
        kind = "application/json" if api else "text/html; charset=utf-8"
        headers = [
            *HEADERS.items(),
            ("Content-Type", kind),
            ("Content-Length", str(len(body))),
            ("Retry-After", str(int(self.app.config["RETRY_AFTER"]))),
            ("Cache-Control", "no-store"),
        ]
        return headers, body

    def _render(self, api: bool) -> bytes:
        """The body of a busy answer, made once per process."""
        if api:
            return json.dumps({"ok": False, "status": 503, "error": BUSY_MESSAGE}).encode()
        with self.app.test_request_context("/"):
            page = render_template(
                "errors/error.html", status=503, message=BUSY_MESSAGE, args={}, busy=True
            )
        return page.encode()


def _headers(response: Response) -> Response:
    """The security headers and a cache policy on every answer."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if "Cache-Control" not in response.headers:
        # Answers change when the index does; errors are never worth keeping.
        response.headers["Cache-Control"] = (
            "no-store" if response.status_code >= 400 else "no-cache"
        )
    return response


def register(app: Flask) -> None:
    """Install the host check, the busy gate and the headers on the app."""
    app.before_request(_check_host)
    app.after_request(_headers)
    app.wsgi_app = BusyGateway(app)  # type: ignore[method-assign]
