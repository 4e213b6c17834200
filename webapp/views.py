"""The HTML pages (search, article, help) and the Atom feed."""

from __future__ import annotations

import datetime as dt

from flask import (
    Blueprint,
    abort,
    current_app,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from webapp import alias_table, chart, live_index, protect, search

bp = Blueprint("views", __name__)

FACET_LABELS = {
    "source": "Source",
    "publisher": "Publisher",
    "byline": "Byline",
    "dateline": "Dateline",
    "month": "Month",
    "language": "Language",
}
FEED_ENTRIES = 30


def _links(args: MultiDict[str, str], page: int) -> dict[str, str]:
    """The URLs of the search's twins: JSON, CSV, chart CSV and Atom feed."""
    state = search.state_url(args, page=None)
    return {
        "json": url_for("api.api_search") + search.state_url(args, page=page),
        "csv": url_for("api.api_search_csv") + state,
        "chart_csv": url_for("api.api_chart_csv") + state,
        "atom": url_for("views.feed") + search.state_url(args, page=None, sort=None),
    }


@bp.get("/")
def index() -> ResponseReturnValue:
    """The search page; an empty query lists the newest articles."""
    backend = live_index(current_app).backend()
    data = search.run(backend, request.args, alias_table(current_app))
    links = _links(request.args, data["page"])
    html = render_template(
        "search.html",
        data=data,
        args=request.args,
        labels=FACET_LABELS,
        state_url=search.state_url,
        toggled=search.toggled,
        links=links,
        chart=chart.layout(data, request.args),
    )
    return html, 200, {"Link": f'<{links["json"]}>; rel="alternate"; type="application/json"'}


@bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """Browsers ask for /favicon.ico whatever the page says."""
    return current_app.send_static_file("favicon.svg"), 200, {"Content-Type": "image/svg+xml"}


@bp.get("/help")
def help_page() -> ResponseReturnValue:
    """How to write queries."""
    return render_template("help.html", args=request.args)


@bp.get("/article/<path:article_id>")
def article(article_id: str) -> ResponseReturnValue:
    """One article: fields with provenance, the body with the query's terms marked."""
    backend = live_index(current_app).backend()
    found = backend.get(article_id)
    if found is None:
        abort(404, description=f"No article with id {article_id!r}.")
    q = request.args.get("q", "")
    paragraphs = backend.highlight_paragraphs(found.body, q)
    json_url = url_for("api.api_article", article_id=article_id)
    html = render_template(
        "article.html",
        article=found,
        paragraphs=paragraphs,
        similar=backend.similar(article_id, limit=5),
        q=q,
        json_url=json_url,
    )
    return html, 200, {"Link": f'<{json_url}>; rel="alternate"; type="application/json"'}


@bp.get("/feed.atom")
def feed() -> ResponseReturnValue:
    """An Atom feed of the newest matches: subscribe to a search to be alerted."""
    args = request.args.copy()
    args["sort"] = "newest"
    args["per_page"] = str(FEED_ENTRIES)
    args.pop("page", None)
    data = search.run(live_index(current_app).backend(), args, alias_table(current_app))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    base = protect.base_url(current_app)  # never the request's Host: it may be forged

    def article_url(article_id: str, **query: str | None) -> str:
        """An article's address on the configured base URL."""
        return base + url_for("views.article", article_id=article_id, **query)

    xml = render_template(
        "feed.xml",
        data=data,
        updated=now.isoformat().replace("+00:00", "Z"),
        self_url=base + url_for("views.feed") + search.state_url(request.args).rstrip("?"),
        page_url=base + url_for("views.index") + search.state_url(args, per_page=None),
        article_url=article_url,
        entry_date=_entry_date,
    )
    return xml, 200, {"Content-Type": "application/atom+xml; charset=utf-8"}


def _entry_date(hit: dict[str, str | None], fallback: str) -> str:
    """An RFC 3339 timestamp for a feed entry: its date's first day, else the feed's time."""
    value = hit.get("date")
    if not value:
        return fallback
    parts = (value.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"
