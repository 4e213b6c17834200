"""The JSON API under /api: search, CSV exports, single articles and the OpenAPI description."""

from __future__ import annotations

from collections.abc import Iterator

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    request,
    stream_with_context,
    url_for,
)
from flask.typing import ResponseReturnValue

from indexer.backends.base import EXPORT_CAP
from webapp import alias_table, export, live_index, openapi, protect, search
from webapp.display import attachment, download_name

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def api_search() -> ResponseReturnValue:
    """Search results as JSON (the page's data dict), or every match as CSV with format=csv."""
    fmt = request.args.get("format", "json")
    if fmt == "csv":
        return api_search_csv()
    if fmt != "json":
        abort(400, description=f"Unknown format {fmt!r}: use json or csv.")
    backend = live_index(current_app).backend()
    return jsonify(search.run(backend, request.args, alias_table(current_app)))


@bp.get("/search.csv")
def api_search_csv() -> ResponseReturnValue:
    """Every matching article as CSV, streamed, in the search's order (capped, see README)."""
    # The hold keeps this generation open (and unpruned) until the download ends.
    hold = live_index(current_app).hold()
    try:
        sq = search.parse_args(request.args, alias_table(current_app))
        found, rows = export.search_rows(hold.backend, sq, article_page, EXPORT_CAP)
        first = next(rows)
    except BaseException:
        hold.release()
        raise
    response = _csv_response(first, rows, download_name("", sq.text))
    response.call_on_close(hold.release)
    response.headers.update(export.truncation_headers(found, EXPORT_CAP))
    return response


def article_page(article_id: str) -> str:
    """The absolute address of an article's page: on BASE_URL when one is set (the public name
    behind a proxy, as feeds link), else on the address the request came to."""
    if current_app.config.get("BASE_URL"):
        return protect.article_address(current_app)(article_id)
    return url_for("views.article", article_id=article_id, _external=True)


@bp.get("/chart.csv")
def api_chart_csv() -> ResponseReturnValue:
    """The search's date chart as CSV: one row per period (and a column per source)."""
    backend = live_index(current_app).backend()
    args = request.args.copy()
    args.pop("page", None)
    data = search.run(backend, args, alias_table(current_app))
    rows = export.chart_rows(data)
    return _csv_response(next(rows), rows, download_name("chart", data["query"]))


def _csv_response(first: str, rest: Iterator[str], filename: str) -> Response:
    """A streamed CSV download."""

    def body() -> Iterator[str]:
        yield first
        yield from rest

    return Response(
        stream_with_context(body()),
        mimetype="text/csv",
        headers={"Content-Disposition": attachment(filename)},
    )


@bp.get("/articles/<path:article_id>")
def api_article(article_id: str) -> ResponseReturnValue:
    """One article with every normalised field and the full body."""
    article = live_index(current_app).backend().get(article_id)
    if article is None:
        abort(404, description=f"No article with id {article_id!r}.")
    return jsonify({"ok": True, **article.to_dict()})


@bp.get("/openapi.json")
def api_openapi() -> ResponseReturnValue:
    """The OpenAPI 3.1 description of this API (needs no index)."""
    return jsonify(openapi.spec())
