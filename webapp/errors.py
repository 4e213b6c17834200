"""Error handlers: the JSON error shape under /api, an error page elsewhere; never a traceback."""

from __future__ import annotations

import logging
import os

from flask import Flask, current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException, InternalServerError

from indexer.errors import IndexMissing, NewsIndexError, QueryError
from indexer.query.fix import suggest_fix
from webapp import relative_path, search

log = logging.getLogger(__name__)


def _args() -> MultiDict[str, str]:
    """The request's arguments, or none when the query string is not valid UTF-8."""
    try:
        return request.args
    except UnicodeDecodeError:
        return MultiDict()


def _hide_paths(message: str) -> str:
    """The message with the index folder shown relative to the project, never absolute."""
    index_dir = os.fspath(current_app.config["INDEX_DIR"])
    for path in dict.fromkeys((index_dir, os.path.realpath(index_dir))):
        if os.path.isabs(path):
            message = message.replace(path, relative_path(path, current_app.instance_path))
    return message


def _respond(
    status: int,
    message: str,
    suggestion: str | None = None,
    headers: dict[str, str] | None = None,
) -> ResponseReturnValue:
    """JSON for API paths, the error page (keeping the user's query) for the rest."""
    args = _args()
    headers = headers or {}
    if request.path.startswith("/api/"):
        body = {"ok": False, "status": status, "error": message}
        if suggestion:
            body["suggestion"] = suggestion
        return jsonify(body), status, headers
    fix_url = search.state_url(args, q=suggestion, page=None) if suggestion else None
    page = render_template(
        "errors/error.html",
        status=status,
        message=message,
        args=args,
        suggestion=suggestion,
        fix_url=fix_url,
    )
    return page, status, headers


def register(app: Flask) -> None:
    """Install the handlers on the app."""

    @app.errorhandler(QueryError)
    def query_error(exc: QueryError) -> ResponseReturnValue:
        """A search that cannot run as given: 400, with a corrected query when one is obvious."""
        return _respond(400, str(exc), suggest_fix(_args().get("q", "")))

    @app.errorhandler(IndexMissing)
    def index_missing(exc: IndexMissing) -> ResponseReturnValue:
        """No usable index: 503 with what to run (the index folder shown relative)."""
        return _respond(503, _hide_paths(str(exc)))

    @app.errorhandler(NewsIndexError)
    def library_error(exc: NewsIndexError) -> ResponseReturnValue:
        """Any other library error: a 500 with its readable message."""
        log.error("library error on %s: %s", request.path, exc)
        return _respond(500, _hide_paths(str(exc)))

    @app.errorhandler(UnicodeDecodeError)
    def bad_encoding(exc: UnicodeDecodeError) -> ResponseReturnValue:
        """A query string that is not UTF-8: 400, not a crash."""
        return _respond(400, "The query string is not valid UTF-8; encode the URL's parameters.")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        """404, 405, a busy 503 and friends in the same shapes, with their headers."""
        headers = {k: v for k, v in exc.get_headers() if k != "Content-Type"}
        return _respond(exc.code or 500, exc.description or exc.name, headers=headers)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> ResponseReturnValue:
        """A bug: log it, show no traceback."""
        log.exception("unexpected error on %s", request.path)
        return _respond(500, InternalServerError.description)
