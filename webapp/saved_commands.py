"""CLI commands for research: saved searches (`saved add|list|rm`), `alerts` and `export`.

Thin, as the other commands: they read the same parameters as `/api/search` (`webapp.search`),
call the library (`indexer.saved`, the backend's export) and turn its errors into messages and
exit codes: 0 done (also when nothing is new), 1 a clear error (bad name, unknown search,
malformed query, no index), 2 bad usage (click's).
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import click
from flask import current_app
from flask.cli import with_appcontext
from werkzeug.datastructures import MultiDict

from indexer.atomic import write_file
from indexer.errors import NewsIndexError
from indexer.query.prepare import prepare
from indexer.saved import Alert, SavedSearch, latest_indexed, make_params, new_matches
from webapp import alias_table, export, fulltext, live_index, protect, search
from webapp.cli_filters import filter_pairs as _pairs
from webapp.cli_filters import search_filters as _filters
from webapp.saved import query_of, saved_store


def _fail(exc: Exception) -> click.ClickException:
    """A library error as the CLI's error (exit 1, the message on stderr)."""
    return click.ClickException(str(exc))


@click.group("saved")
def saved_group() -> None:
    """Saved searches: add, list and remove them (their alerts: `newsindex alerts`).

    Example: newsindex saved add cocoa "cocoa prices" --source Reuters
    """


@saved_group.command("add")
@click.argument("name")
@click.argument("query", default="")
@_filters
@click.option("--replace", is_flag=True, help="Replace a saved search of the same name.")
@with_appcontext
def saved_add(name: str, query: str, replace: bool, **options: Any) -> None:
    """Save a search under NAME: its query and filters, as `newsindex search` takes them.

    Articles indexed from now on that match it are its alerts. NAME is 1 to 64 letters, digits,
    '-' or '_'.

    Example: newsindex saved add cocoa-reuters "cocoa OR coffee" --source Reuters --from 1987-03
    """
    app = current_app
    try:
        params = make_params(query, _pairs(options))
        prepare(search.parse_args(MultiDict(params), alias_table(app)))  # refuse a bad query now
        try:
            seen = latest_indexed(live_index(app).backend())
        except NewsIndexError:  # no index yet: everything indexed later is new
            seen = None
        now = dt.datetime.now(dt.UTC)
        saved_store(app).add(
            SavedSearch(name=name, params=params, created_at=now, seen_until=seen), replace
        )
    except NewsIndexError as exc:
        raise _fail(exc) from exc
    click.echo(f"Saved {name!r}: {_describe(params)}. `newsindex alerts {name}` lists what is new.")


@saved_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def saved_list(as_json: bool) -> None:
    """List the saved searches with their queries, filters and last alert time.

    Example: newsindex saved list --json
    """
    try:
        searches = saved_store(current_app).all()
    except NewsIndexError as exc:
        raise _fail(exc) from exc
    if as_json:
        data = {"ok": True, "searches": [s.to_dict() for s in searches]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not searches:
        click.echo('No saved searches. Add one: newsindex saved add NAME "QUERY"')
        return
    for s in searches:
        checked = s.checked_at.strftime("%Y-%m-%d %H:%M UTC") if s.checked_at else "never"
        click.echo(f"{s.name}: {_describe(s.params)} (alerts last run: {checked})")


@saved_group.command("rm")
@click.argument("name")
@with_appcontext
def saved_rm(name: str) -> None:
    """Remove a saved search.

    Example: newsindex saved rm cocoa
    """
    try:
        saved_store(current_app).remove(name)
    except NewsIndexError as exc:
        raise _fail(exc) from exc
    click.echo(f"Removed {name!r}.")


def _describe(params: list[tuple[str, str]]) -> str:
    """A saved search's parameters in words: the query, then its filters."""
    query = next((v for k, v in params if k == "q"), "")
    words = [f'"{query}"' if query else "every article"]
    words += [f"{k} {v}" for k, v in params if k != "q"]
    return ", ".join(words)


def _export_line(saved: SavedSearch) -> str:
    """The `newsindex export` command that writes every match new since the search's last run."""
    words = ["newsindex", "export", next((v for k, v in saved.params if k == "q"), "")]
    for key, value in saved.params:
        if key == "aliases":
            words += ["--no-aliases"] if value == "0" else []
        elif key != "q":
            words += [f"--{key}", value]
    if saved.seen_until is not None:
        words += ["--indexed-after", saved.seen_until.isoformat()]
    return shlex.join(words)


@click.command("alerts")
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def alerts_command(name: str | None, as_json: bool) -> None:
    """Print the articles indexed since the last run, for each saved search (or NAME).

    Prints nothing (and exits 0) when nothing is new, so cron mails only news. Each search is
    marked checked only once its articles were printed. Run it after `newsindex update`.

    Example (crontab): 0 7 * * * cd ~/news && newsindex update && newsindex alerts
    """
    app = current_app
    store = saved_store(app)
    try:
        searches = [store.get(name)] if name else store.all()
        with live_index(app).hold() as backend:  # one generation for every search
            results: list[Alert] = []
            failed: list[str] = []
            for saved in searches:
                try:
                    results.append(new_matches(backend, saved, query_of(app, saved)))
                except NewsIndexError as exc:  # one broken search must not silence the others
                    failed.append(f"{saved.name}: {exc}")
    except NewsIndexError as exc:
        raise _fail(exc) from exc
    address = protect.article_address(app)
    try:
        if as_json:
            items = [_alert_json(alert, address) for alert in results]
            click.echo(json.dumps({"ok": not failed, "alerts": items}, ensure_ascii=False))
        else:
            for alert in results:
                _print_alert(alert, address)
        sys.stdout.flush()
    except OSError as exc:  # a closed pipe, a full disk: nothing is marked checked
        click.echo(f"Error: could not print the alerts ({exc}); none marked checked.", err=True)
        sys.exit(1)
    now = dt.datetime.now(dt.UTC)
    for alert in results:
        store.mark_checked(alert.search.name, alert.seen_until, now)
    for line in failed:
        click.echo(f"Error: {line}", err=True)
    if failed:
        sys.exit(1)


def _alert_json(alert: Alert, address: Callable[[str], str]) -> dict[str, Any]:
    """One search's alert as JSON, each article with its page's address."""
    data = alert.to_dict()
    for item in data["articles"]:
        item["page"] = address(item["id"])
    return data


def _print_alert(alert: Alert, address: Callable[[str], str]) -> None:
    """One search's new articles as text (nothing when there are none)."""
    if not alert.total:
        return
    noun = "article" if alert.total == 1 else "articles"
    click.echo(f"{alert.search.name}: {alert.total} new {noun} ({_describe(alert.search.params)})")
    for article in alert.articles:
        date = article.date.iso() if article.date else "undated"
        meta = " · ".join(filter(None, [article.source, article.publisher, date]))
        click.echo(f"  {article.title or '(untitled)'}")
        click.echo(f"    {meta}  {address(article.id)}")
    if alert.total > len(alert.articles):
        click.echo(f"  … and {alert.total - len(alert.articles)} more; all of them:")
        click.echo(f"    {_export_line(alert.search)}")
    click.echo("")


@click.command("export")
@click.argument("query", default="")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default=None)
@click.option("--indexed-after", help="Only articles indexed after this ISO 8601 time.")
@_filters
@with_appcontext
def export_command(
    query: str,
    fmt: str,
    out: Path | None,
    sort: str | None,
    indexed_after: str | None,
    **options: Any,
) -> None:
    """Write every article matching a search, with its full text: JSON Lines or CSV, no cap.

    JSON Lines rows hold every field and the body; CSV rows the columns of /api/search.csv.
    A file given with --out appears only once complete; without it, rows go to stdout.

    Example: newsindex export "cocoa" --source Reuters --format jsonl --out cocoa.jsonl
    """
    app = current_app
    pairs = [("q", query), *_pairs(options)] + ([("sort", sort)] if sort else [])
    if indexed_after:
        pairs.append(("indexed_after", indexed_after))
    address = protect.article_address(app)
    started = time.perf_counter()
    try:
        with live_index(app).hold() as backend:  # keeps its generation to the last row
            sq = search.parse_args(MultiDict(pairs), alias_table(app))
            cap = max(backend.count(), 1)  # no cap: every article could match
            if fmt == "csv":
                found, lines = export.search_rows(backend, sq, address, cap)
                header = next(lines)
            else:
                found = fulltext.export_articles(backend, sq, None)
                lines, header = fulltext.jsonl_lines(found, address), None
            written = _write(lines, header, found.total, out)
    except NewsIndexError as exc:
        raise _fail(exc) from exc
    except OSError as exc:  # a folder that does not exist, a full disk: no partial file left
        message = f"Could not write {out or 'stdout'}: {exc.strerror or exc}."
        raise click.ClickException(message) from exc
    where = out if out is not None else "stdout"
    bound = "" if found.total_exact else " (matching ran out of time: at least this many)"
    seconds = time.perf_counter() - started
    click.echo(f"Exported {written:,} articles to {where} in {seconds:.1f} s{bound}.", err=True)


def _write(lines: Iterator[str], header: str | None, total: int, out: Path | None) -> int:
    """Write the header and rows with a progress bar on stderr; the number of rows written."""
    count = 0

    def emit(fh: BinaryIO) -> None:
        """Write everything to one open file."""
        nonlocal count
        if header is not None:
            fh.write(header.encode("utf-8"))
        with click.progressbar(
            length=total, label="Exporting", file=sys.stderr, show_pos=True
        ) as bar:
            for line in lines:
                fh.write(line.encode("utf-8"))
                count += 1
                bar.update(1)

    if out is None:
        emit(sys.stdout.buffer)
        sys.stdout.flush()
    else:
        write_file(out, emit)  # a temporary file renamed into place: never half a file
    return count


COMMANDS = (saved_group, alerts_command, export_command)
