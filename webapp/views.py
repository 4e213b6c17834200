"""The HTML pages (search, article, help) and the Atom feed."""

from __future__ import annotations

import datetime as dt
from secrets import randbelow
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from indexer.models import Article
from webapp import alias_table, chart, display, live_index, protect, research, search

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
        "jsonl": url_for("fulltext.api_search_jsonl") + state,
        "chart_csv": url_for("api.api_chart_csv") + state,
        "atom": url_for("views.feed") + search.state_url(args, page=None, sort=None),
    }


PER_PAGE_CHOICES = (10, 25, 50, 100)
NEARBY_PAGES = 2  # page links shown on each side of the current page


def pages_around(page: int, pages: int) -> list[int | None]:
    """Page numbers to link: the first, those near `page`, the last; None marks a gap."""
    shown = {1, pages, *range(max(1, page - NEARBY_PAGES), min(pages, page + NEARBY_PAGES) + 1)}
    out: list[int | None] = []
    for number in sorted(shown):
        if out and number - (out[-1] or 0) > 1:
            out.append(None)
        out.append(number)
    return out


def _query(args: MultiDict[str, str], **changes: Any) -> str:
    """The search's state as a query string, empty when there is none."""
    state = search.state_url(args, **changes)
    return state if state != "?" else ""


def _article_url(args: MultiDict[str, str], article_id: str, page: int) -> str:
    """An article's page, carrying the search's state so "Back to the search" returns to it."""
    state = _query(args, page=page if page > 1 else None)
    return url_for("views.article", article_id=article_id) + state


def _page_context(data: dict[str, Any], args: MultiDict[str, str]) -> dict[str, Any]:
    """What the search page's templates need beside the data dict."""
    return {
        "data": data,
        "args": args,
        "labels": FACET_LABELS,
        "state_url": search.state_url,
        "toggled": search.toggled,
        "file_name": display.file_name,
        "place": display.place_case,
        "article_url": lambda article_id: _article_url(args, article_id, data["page"]),
    }


@bp.get("/")
def index() -> ResponseReturnValue:
    """The search page; an empty query lists the newest articles."""
    backend = live_index(current_app).backend()
    if request.args.get("sample", "").strip() and not request.args.get("seed", "").strip():
        # A sample is drawn with a seed the page's address keeps, so that it can be paged,
        # bookmarked and drawn again.
        return redirect(
            url_for("views.index") + search.state_url(request.args, seed=randbelow(10**6))
        )
    data = search.run(backend, request.args, alias_table(current_app))
    links = _links(request.args, data["page"])
    html = render_template(
        "search.html",
        **_page_context(data, request.args),
        links=links,
        chart=chart.layout(data, request.args),
        pages=pages_around(data["page"], data["pages"]),
        per_page_choices=PER_PAGE_CHOICES,
        intervals=search.INTERVALS,
        terms=research.page_terms(backend, request.args, alias_table(current_app)),
    )
    return html, 200, {"Link": f'<{links["json"]}>; rel="alternate"; type="application/json"'}


@bp.get("/facets/<name>")
def facet(name: str) -> ResponseReturnValue:
    """Every value of one facet for the search (up to MAX_FACET_LIMIT), to add as a filter."""
    if name not in FACET_LABELS:
        abort(404, description=f"No filter list named {name!r}: use {', '.join(FACET_LABELS)}.")
    args = request.args.copy()
    args["facet_limit"] = str(search.MAX_FACET_LIMIT)
    args["per_page"] = "1"
    args.pop("page", None)
    backend = live_index(current_app).backend()
    data = search.run(backend, args, alias_table(current_app))
    order = request.args.get("order", "count")
    values = data["facets"].get(name, [])
    if order == "name":
        values = sorted(values, key=lambda item: item["value"].casefold())
    return render_template(
        "facet.html",
        **_page_context(data, request.args),
        name=name,
        values=values,
        order=order,
        back=url_for("views.index") + _query(request.args),
    )


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
    state = _query(request.args, page=request.args.get("page") or None)
    html = render_template(
        "article.html",
        article=found,
        paragraphs=paragraphs,
        similar=_similar(backend, found),
        q=q,
        args=request.args,
        state=state,
        back_url=url_for("views.index") + state,
        json_url=json_url,
        file_name=display.file_name,
        place=display.place_case,
        provenance=lambda key: display.provenance_label(key, found.provenance.get(key), found.file),
    )
    return html, 200, {"Link": f'<{json_url}>; rel="alternate"; type="application/json"'}


def _similar(backend: Any, article: Article, limit: int = 5) -> list[Article]:
    """Articles like this one, without it and without other copies of its story."""
    found = backend.similar(article.id, limit=limit * 3)
    return [
        other
        for other in found
        if other.id != article.id and not (article.story_id and other.story_id == article.story_id)
    ][:limit]


@bp.get("/feed.atom")
def feed() -> ResponseReturnValue:
    """An Atom feed of the newest matches: subscribe to a search to be alerted."""
    args = request.args.copy()
    args["sort"] = "newest"
    args["per_page"] = str(FEED_ENTRIES)
    args.pop("page", None)
    data = search.run(live_index(current_app).backend(), args, alias_table(current_app))
    # The feed's address rebuilt with its parameters percent-encoded (request.url keeps a
    # `"` of the query raw, which no URI may hold).
    self_path = url_for("views.feed") + _query(request.args)
    page_path = url_for("views.index") + search.state_url(args, per_page=None)
    return atom_response(data, self_path, page_path)


def atom_response(
    data: dict[str, Any],
    self_path: str,
    page_path: str,
    title: str | None = None,
    subtitle: str | None = None,
    entry_date: Any = None,
) -> ResponseReturnValue:
    """A search's data dict as an Atom feed, its links on the configured base URL."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    base = protect.base_url(current_app)  # never the request's Host: it may be forged

    def article_url(article_id: str, **query: str | None) -> str:
        """An article's address on the configured base URL."""
        return base + url_for("views.article", article_id=article_id, **query)

    xml = render_template(
        "feed.xml",
        data=data,
        title=title,
        subtitle=subtitle,
        updated=now.isoformat().replace("+00:00", "Z"),
        self_url=base + self_path,
        page_url=base + page_path,
        article_url=article_url,
        entry_date=entry_date or _entry_date,
    )
    return xml, 200, {"Content-Type": "application/atom+xml; charset=utf-8"}


def _entry_date(hit: dict[str, str | None], fallback: str) -> str:
    """An RFC 3339 timestamp for a feed entry: its date's first day, else the feed's time."""
    value = hit.get("date")
    if not value:
        return fallback
    parts = (value.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"
