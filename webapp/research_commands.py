"""The research tools from the command line: `newsindex timeline` and `newsindex terms`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from werkzeug.datastructures import MultiDict

from indexer.errors import NewsIndexError
from indexer.research.timeline import GRANULARITIES
from webapp import alias_table, live_index
from webapp.cli_filters import library_error, request_args
from webapp.cli_filters import search_filters as _filters
from webapp.export import safe_cell
from webapp.research import terms_data, timeline_data, timeline_rows


def _run(
    build: Callable[..., dict[str, Any]], args: MultiDict[str, str], as_json: bool
) -> dict[str, Any]:
    """Run a tool; a library error becomes JSON with --json, else a message, and exit 1."""
    try:
        return build(live_index(current_app).backend(), args, alias_table(current_app))
    except NewsIndexError as exc:
        library_error(exc, as_json)


@click.command("timeline")
@click.argument("queries", nargs=-1, required=True)
@click.option("--granularity", type=click.Choice(GRANULARITIES), help="Default: from the span.")
@click.option("--share", is_flag=True, help="Also show each count's share of all articles.")
@click.option("--stories", is_flag=True, help="Count distinct stories, not articles.")
@_filters
@click.option("--json", "as_json", is_flag=True, help="Print exactly /api/timeline's JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print /api/timeline.csv.")
@with_appcontext
def timeline_command(
    queries: tuple[str, ...],
    share: bool,
    stories: bool,
    as_json: bool,
    as_csv: bool,
    **options: Any,
) -> None:
    """Compare up to five queries over time: matches per period, and their share of all articles.

    Example: newsindex timeline cocoa coffee --granularity week --share --csv
    """
    pairs = [("q", q) for q in queries] + [("normalize", "share" if share else "count")]
    if stories:
        pairs.append(("count", "stories"))
    data = _run(timeline_data, request_args(pairs, options), as_json)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        for row in timeline_rows(data):
            writer.writerow([safe_cell("" if cell is None else cell) for cell in row])
        return
    series = data["series"]
    click.echo(f"{data['counts'].capitalize()} per {data['granularity']}:")
    width = max(12, *(len(s["query"]) + 2 for s in series))
    click.echo(
        "period".ljust(12)
        + "".join(s["query"][:width].rjust(width) for s in series)
        + "all".rjust(10)
    )
    for n, point in enumerate(series[0]["points"]):
        cells = []
        for s in series:
            p = s["points"][n]
            text = f"{p['count']:,}"
            if share and p["share"] is not None:
                text += f" ({100 * p['share']:.1f}%)"
            cells.append(text.rjust(width))
        click.echo(point["period"].ljust(12) + "".join(cells) + f"{point['all']:,}".rjust(10))
    totals = ", ".join(f"{s['query']}: {s['total']:,}" for s in series)
    click.echo(f"Total matches: {totals}; all articles: {data['all_total']:,}.")


@click.command("terms")
@click.argument("query", default="")
@click.option("--size", type=click.IntRange(1, 200), default=50, show_default=True)
@click.option(
    "--seed",
    type=click.IntRange(0, 2**32 - 1),
    default=0,
    show_default=True,
    help="Seed of the sample read when more articles match than it holds.",
)
@_filters
@click.option("--json", "as_json", is_flag=True, help="Print exactly /api/terms's JSON.")
@with_appcontext
def terms_command(query: str, size: int, seed: int, as_json: bool, **options: Any) -> None:
    """The words and two-word phrases over-represented in a search's matches.

    Example: newsindex terms cocoa --from 1987-01-01 --size 20
    """
    args = request_args([("q", query), ("size", str(size)), ("seed", str(seed))], options)
    data = _run(terms_data, args, as_json)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"Top terms of {data['from']} (archive: {data['archive']:,} articles):")
    click.echo(f"{'term':<30}{'matches':>9}{'archive':>9}{'G²':>10}")
    for item in data["terms"]:
        click.echo(
            f"{item['term']:<30}{item['matches']:>9,}{item['archive']:>9,}{item['score']:>10.1f}"
        )


COMMANDS = (timeline_command, terms_command)
