"""The `newsindex` command line: rebuild, update, search, serve and stats, on the app's config."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from indexer.errors import IndexLocked, NewsIndexError
from indexer.models import BuildReport
from indexer.pipeline import build_index, index_stats, update_index
from indexer.workers import cores
from webapp import alias_table, live_index, search
from webapp.cli_filters import library_error, request_args
from webapp.serving import ServeOptions, can_fork, exposure_warning, is_loopback, serve

T = TypeVar("T")
EXIT_LOCKED = 75  # EX_TEMPFAIL: another build holds the lock, try again later
SERVE_DEFAULTS = ServeOptions()


def _progress(items: Sequence[T]) -> Iterable[T]:
    """Show a progress bar on stderr while iterating over files."""

    def run() -> Iterator[T]:
        with click.progressbar(
            items, label="Indexing", file=sys.stderr, show_pos=True, item_show_func=None
        ) as bar:
            yield from bar

    return run()


def _print_report(action: str, report: BuildReport) -> None:
    """Print a rebuild or update report."""
    click.echo(
        f"{action}: {report.indexed} articles indexed in {report.seconds:.2f} s "
        f"(generation {report.generation})."
    )
    if report.removed or report.unchanged:
        click.echo(f"Removed {report.removed} articles; {report.unchanged} files unchanged.")
    if report.stories:
        click.echo(f"Story groups: {report.stories}; syndicated copies grouped: {report.copies}.")
    if report.cleaned:
        click.echo(f"Cleaned {len(report.cleaned)}:")
        for note in report.cleaned:
            click.echo(f"  {note.file}: {note.note}")
    if report.skipped:
        click.echo(f"Skipped {len(report.skipped)}:")
        for item in report.skipped:
            click.echo(f"  {item.file}: {item.reason}")
    else:
        click.echo("Skipped 0 files.")


def _run_build(action: str, paths: tuple[str, ...], update: bool, **options: Any) -> None:
    """Run a rebuild or update with the app's config and report it."""
    app = current_app
    chosen = list(paths) or list(app.config["DEFAULT_PATHS"])
    builder = update_index if update else build_index
    try:
        report = builder(
            chosen,
            app.config["INDEX_DIR"],
            backend=app.config["BACKEND"],
            max_bytes=int(app.config["MAX_FILE_BYTES"]),
            progress=_progress,
            **options,
        )
    except IndexLocked as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except NewsIndexError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_report(action, report)


@click.command("rebuild")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--shards",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Split the index into N shard databases (NEWSINDEX_BACKEND=xapian).",
)
@with_appcontext
def rebuild_command(paths: tuple[str, ...], shards: int) -> None:
    """Build a fresh index from files and folders of articles (default: seeds/).

    The current index keeps serving until the new one is complete, then is swapped out.

    Example: newsindex rebuild seeds exports/feed.jsonl
    """
    _run_build("Rebuilt", paths, update=False, shards=shards)


@click.command("update")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--allow-mass-delete",
    is_flag=True,
    help="Allow removing more than half of the index (files deleted on purpose).",
)
@with_appcontext
def update_command(paths: tuple[str, ...], allow_mass_delete: bool) -> None:
    """Index new and changed files; drop articles whose files are gone (default: seeds/).

    Files are matched by their real path, however PATHS are spelt. An update that would remove
    more than half of the index (an unmounted share?) stops unless --allow-mass-delete.

    Example: newsindex update seeds
    """
    _run_build("Updated", paths, update=True, allow_mass_delete=allow_mass_delete)


@click.command("search")
@click.argument("query", default="")
@click.option("--source", multiple=True, help="Only this source (repeatable, ORed).")
@click.option("--publisher", multiple=True, help="Only this publisher (repeatable, ORed).")
@click.option("--byline", multiple=True, help="Only this byline (repeatable, ORed).")
@click.option("--from", "date_from", help="Earliest date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Latest date, YYYY-MM-DD.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default=None)
@click.option("--page", type=int, default=None)
@click.option("--per-page", type=int, default=None)
@click.option("--no-aliases", is_flag=True, help="Do not expand names to their aliases.")
@click.option("--sample", type=int, default=None, help="A random sample of N matches.")
@click.option("--seed", type=int, default=None, help="The sample's seed (same seed, same sample).")
@click.option("--json", "as_json", is_flag=True, help="Print exactly the API's JSON.")
@with_appcontext
def search_command(query: str, as_json: bool, no_aliases: bool, **options: Any) -> None:
    """Search the index, as /api/search does.

    Example: newsindex search "tiktok refugees" --source Reuters --json
    """
    args = request_args([("q", query)], {**options, "no_aliases": no_aliases})
    try:
        data = search.run(live_index(current_app).backend(), args, alias_table(current_app))
    except NewsIndexError as exc:
        library_error(exc, as_json)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    bound = "" if data["total_exact"] else "At least "
    click.echo(f"{bound}{data['total']} articles match ({data['took_ms']} ms).")
    for n, hit in enumerate(data["hits"], start=(data["page"] - 1) * data["per_page"] + 1):
        meta = " · ".join(
            filter(None, [hit["source"], hit["publisher"], hit["date"], ", ".join(hit["byline"])])
        )
        click.echo(f"{n:>3}. {hit['title'] or '(untitled)'}")
        click.echo(f"     {meta}  [{hit['file']}]")


SERVE_LIMITS = (  # (option, type, help); defaults come from ServeOptions
    ("--threads", click.IntRange(1, 256), "Searches each process runs at once."),
    (
        "--queue",
        click.IntRange(0, 10_000),
        "Requests each process lets wait; past it they get 503 with Retry-After at once.",
    ),
    (
        "--queue-timeout",
        click.FloatRange(0, 60),
        "Seconds a request may wait for a place before a 503.",
    ),
    (
        "--connection-limit",
        click.IntRange(1, 100_000),
        "Open connections per process (waitress connection_limit).",
    ),
    (
        "--timeout",
        click.IntRange(1, 3600),
        "Seconds before an idle connection is closed, or a silent worker restarted.",
    ),
    ("--backlog", click.IntRange(1, 65_535), "Connections the system holds before accepting."),
)


def _serve_limits(command: Callable[..., None]) -> Callable[..., None]:
    """Add the SERVE_LIMITS options to the serve command."""
    for name, kind, text in reversed(SERVE_LIMITS):
        default = getattr(SERVE_DEFAULTS, name.lstrip("-").replace("-", "_"))
        command = click.option(name, type=kind, default=default, show_default=True, help=text)(
            command
        )
    return command


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes sharing the port (gunicorn; waitress for 1). Default: one per core.",
)
@_serve_limits
@with_appcontext
def serve_command(workers: int | None, **options: Any) -> None:
    """Serve the search page and API: one process per core (gunicorn), or waitress for one.

    A busy server answers 503 with Retry-After instead of letting requests pile up. To serve
    other machines, put a reverse proxy in front (README, Serving).

    Example: newsindex serve --port 8080 --workers 2
    """
    chosen = ServeOptions(workers=workers or cores(), **options)
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    if warning := exposure_warning(chosen.host):
        click.echo(warning, err=True)
    forked = chosen.workers > 1 and can_fork()
    server = (
        f"{chosen.workers} processes (gunicorn + waitress)" if forked else "1 process (waitress)"
    )
    click.echo(
        f"Serving newsindex on http://{chosen.host}:{chosen.port}/ from {server}, "
        f"{chosen.threads} requests at once each (index: {app.config['INDEX_DIR']})"
    )
    serve(app, chosen)


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def stats_command(as_json: bool) -> None:
    """Show articles, sources, date range, size and engine of the index; exit 1 if unusable.

    The engine line says whether Whoosh's fast matcher is on, or why searches fall back to
    Whoosh's own matchers (NEWSINDEX_FAST_MATCH=0, or a whoosh3 whose internals changed).

    Example: newsindex stats --json
    """
    live = live_index(current_app)
    try:
        backend = live.backend()
        stats = index_stats(backend, live.store)
        stats["engine"] = backend.status()
    except NewsIndexError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    click.echo(f"Index: {stats['index_dir']} (generation {stats['generation']})")
    engine = stats["engine"]
    if "fast_match" in engine:
        state = "on" if engine["fast_match"] else "OFF"
        click.echo(f"Engine: {engine['engine']}, fast matcher {state}: {engine['reason']}")
    else:
        click.echo(f"Engine: {engine['engine']}")
    if "phrase_pairs" in engine:
        how = "pair terms" if engine["phrase_pairs"] else "positions (rebuild to add pair terms)"
        click.echo(f"  phrases matched by {how}")
    if engine.get("mode") == "remote":
        counters = engine.get("counters")
        how = f"count servers {', '.join(counters)}" if counters else "match spies on the shards"
        click.echo(f"  counted by {how}")
    for feature, reason in engine.get("lacks", {}).items():
        click.echo(f"  without {feature}: {reason}")
    click.echo(f"Articles: {stats['articles']} ({stats['undated']} undated)")
    click.echo(f"Stories: {stats['stories']} (syndicated copies folded together)")
    if stats["date_range"]:
        click.echo(f"Dates: {stats['date_range']['first']} to {stats['date_range']['last']}")
    click.echo(f"Size: {stats['size_bytes'] / 1e6:.1f} MB")
    click.echo("Sources:")
    for item in stats["sources"]:
        click.echo(f"  {item['value']}: {item['count']}")
    if stats["largest_stories"]:
        click.echo("Largest story groups:")
    for story in stats["largest_stories"]:
        outlets = ", ".join(
            dict.fromkeys(c["publisher"] or c["source"] or "?" for c in story["copies"])
        )
        title = story["title"] or "(untitled)"
        click.echo(f"  {story['articles']} articles: {title} ({outlets})")


@click.command("serve-counts")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7100, show_default=True, type=int)
@click.option("--threads", type=click.IntRange(min=1), help="Default: twice the cores, 4 at least.")
def serve_counts_command(folder: str, host: str, port: int, threads: int | None) -> None:
    """Count searches over one Xapian shard folder, beside the xapian-tcpsrv serving it.

    A web app searching remote shards (NEWSINDEX_XAPIAN_SHARDS) asks these servers for its
    counts when NEWSINDEX_XAPIAN_COUNTERS lists them (see docs/scaling.md).

    Example: newsindex serve-counts /srv/newsindex/serving/shard-0 --host 10.0.0.1 --port 7101
    """
    from indexer.backends.xapian.countserver import start

    try:
        server = start(Path(folder), host, port, threads)
    except (NewsIndexError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Counting {folder} on http://{shown}:{server.server_port} (Ctrl-C to stop)")
    if not is_loopback(host):
        click.echo(
            f"Warning: listening on {host} lets other machines read this shard's counts and its "
            "stories' titles, with no login: allow only the web app's machines to reach it "
            "(firewall), as for xapian-tcpsrv.",
            err=True,
        )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


COMMANDS = (
    rebuild_command,
    update_command,
    search_command,
    serve_command,
    stats_command,
    serve_counts_command,
)


def register(app: Flask) -> None:
    """Add the commands to the app's CLI."""
    from webapp import research_commands, saved_commands

    for command in (*COMMANDS, *saved_commands.COMMANDS, *research_commands.COMMANDS):
        app.cli.add_command(command)


def _create_app() -> Flask:
    """The app factory used by the console script."""
    from webapp import create_app

    return create_app()


cli = FlaskGroup(
    name="newsindex",
    create_app=_create_app,
    add_default_commands=False,
    add_version_option=False,
    set_debug_flag=False,
    help="newsindex: index news articles and search them from the web, the API or here.",
)
