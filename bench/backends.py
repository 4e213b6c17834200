"""Whoosh against Xapian (local shards and remote shards over xapian-tcpsrv), in one run.

Run through `bench/search.py CORPUS.jsonl --backend xapian [--shards 2] [--whoosh-index DIR]`.
It builds (or reuses) a Xapian index of the corpus in `--shards` shards with the project's
pipeline, serves each shard with `xapian-tcpsrv` on a free port, and runs every query class of
`bench/search.py` through four engines interleaved query by query: Whoosh, Xapian opening the
shard folders locally (counting over the shards' numpy columns), the same counting by match
spies (the code before the columns), Xapian searching the remote shards counted by match spies,
and the same remote shards counted by a count server beside each (`newsindex serve-counts`, on
its own free port). Each request is the app's full one (the default SearchQuery: 10 hits, 3
snippets each, every facet, the month histogram), made on the backend the app holds
(`LiveIndex(...).backend().search`). It prints wall-clock p50/p95 and CPU p50 (this process's
CPU time, which other work on the machine inflates less) per class, then, per query, whether
Xapian's total and every facet count equal Whoosh's, and the overlap of their first ten hits,
and writes them as Markdown.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from indexer.backends.base import SearchQuery
from indexer.backends.xapian import XapianBackend
from indexer.backends.xapian.shards import shard_dirs
from indexer.live import LiveIndex
from indexer.pipeline import build_index

SPIES = "xapian, match spies"
ONE = "xapian 1 shard"


def _free_port() -> int:
    """A free TCP port on the loopback address."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(folder: Path, counts: bool = False) -> tuple[subprocess.Popen[bytes], int]:
    """xapian-tcpsrv (or, with `counts`, a count server) on a shard folder, once it accepts
    connections."""
    port = _free_port()
    argv = ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port)]
    if counts:
        newsindex = str(Path(sys.executable).with_name("newsindex"))
        argv = [newsindex, "serve-counts", "--port", str(port)]
    proc = subprocess.Popen(
        [*argv, str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{argv[0]} did not start on {folder}")


def _build(corpus: Path, index_dir: Path, backend: str, shards: int = 1) -> dict[str, Any] | None:
    """Build an index of the corpus unless one exists; the build's figures."""
    if (index_dir / "CURRENT").exists():
        return None
    started = time.perf_counter()
    report = build_index([corpus], index_dir, backend=backend, shards=shards)
    seconds = time.perf_counter() - started
    print(f"built {backend} ({shards} shards): {report.indexed} articles in {seconds:.0f} s")
    return {"articles": report.indexed, "seconds": seconds, "per_second": report.indexed / seconds}


def _request(text: str, sort: str) -> SearchQuery:
    """The app's full request for a query."""
    return SearchQuery(text=text, sort=sort)  # type: ignore[arg-type]


def _facets(results: Any, fold: bool = False) -> dict[str, Any]:
    """Facet values and counts of a result; with `fold`, value (case-folded) -> count.

    Folded, the order of values with equal counts is left out: it follows how each value is
    written (CALGARY or Calgary), which depends on the engines' article order.
    """
    if fold:
        return {
            name: {f.value.casefold(): f.count for f in values}
            for name, values in results.facets.items()
        }
    return {name: [(f.value, f.count) for f in values] for name, values in results.facets.items()}


def run(
    corpus: Path,
    work: Path,
    reps: int,
    classes: dict[str, list[Any]],
    whoosh_index: Path | None,
    shards: int,
    one_shard: bool = False,
    spies: bool = True,
    remote_shards: bool = True,
    remote_spies: bool = True,
) -> dict[str, Any]:
    """Build or reuse, serve the shards, measure, compare; the figures.

    `one_shard` adds a one-shard Xapian index of the corpus (built unless present) to the same
    run; `spies` keeps the match-spies engine (the counting before the columns);
    `remote_shards` serves the shards by xapian-tcpsrv and searches them too, counted by count
    servers and (`remote_spies`) by match spies.
    """
    work.mkdir(parents=True, exist_ok=True)
    whoosh_dir = whoosh_index or work / "whoosh-index"
    xapian_dir = work / f"xapian-{shards}-shards"
    out: dict[str, Any] = {"builds": {}}
    if whoosh_index is None:
        out["builds"]["whoosh"] = _build(corpus, whoosh_dir, "whoosh")
    out["builds"]["xapian"] = _build(corpus, xapian_dir, "xapian", shards)
    if one_shard:
        out["builds"]["xapian 1 shard"] = _build(corpus, work / "xapian-1-shards", "xapian")
    generation = xapian_dir / "generations" / (xapian_dir / "CURRENT").read_text().strip()
    folders = shard_dirs(generation) if remote_shards else []
    remote = f"xapian {len(folders)} remote shards"
    counted = f"{remote}, count servers"
    servers: list[tuple[subprocess.Popen[bytes], int]] = []
    counters: list[tuple[subprocess.Popen[bytes], int]] = []
    live: dict[str, LiveIndex] = {}
    engines: dict[str, Any] = {}
    try:  # everything opened from here on is closed, and the servers stopped, whatever fails
        for folder in folders:  # one by one: those started are stopped if one fails
            servers.append(_serve(folder))
            counters.append(_serve(folder, counts=True))
        spec = ",".join(f"127.0.0.1:{port}" for _, port in servers)
        live["whoosh"] = LiveIndex(whoosh_dir)
        live["xapian"] = LiveIndex(xapian_dir, "xapian")
        engines["whoosh"] = live["whoosh"].backend()
        engines["xapian"] = live["xapian"].backend()
        if one_shard:
            live[ONE] = LiveIndex(work / "xapian-1-shards", "xapian")
            engines[ONE] = live[ONE].backend()
        if spies:
            engines[SPIES] = XapianBackend.open(generation)
            engines[SPIES].use_columns = False
        if remote_shards:
            if remote_spies:
                engines[remote] = XapianBackend.remote(spec)
            engines[counted] = XapianBackend.remote(
                spec, ",".join(f"127.0.0.1:{port}" for _, port in counters)
            )
        started = time.perf_counter()
        engines["xapian"].search(_request("", "relevance"))
        out["first_search_seconds"] = time.perf_counter() - started  # columns loaded or read
        out["articles"] = {name: engine.count() for name, engine in engines.items()}
        out["timings"] = _measure(engines, classes, reps)
        out["agreement"] = _agreement(engines["whoosh"], engines["xapian"], classes)
        if counted in engines:
            out["remote_agreement"] = _remote_agreement(
                engines["xapian"], engines[counted], classes
            )
    finally:
        for name in (SPIES, remote, counted):
            if name in engines:
                engines[name].close()
        for item in live.values():
            item.close()
        for proc, _ in servers + counters:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
    return out


def _measure(
    engines: dict[str, Any], classes: dict[str, list[Any]], reps: int
) -> dict[str, dict[str, dict[str, float]]]:
    """Wall p50/p95 and CPU p50 (ms) per class and engine, interleaved query by query."""
    timings: dict[str, dict[str, dict[str, float]]] = {}
    for name, queries in classes.items():
        for query in queries:  # warm each engine's caches for the class
            for engine in engines.values():
                engine.search(_request(query.whoosh, query.sort))
        samples: dict[str, list[float]] = {e: [] for e in engines}
        cpu: dict[str, list[float]] = {e: [] for e in engines}
        order = list(engines)
        for n in range(reps):
            query = queries[n % len(queries)]
            for engine_name in order[n % len(order) :] + order[: n % len(order)]:
                started, cpu_started = time.perf_counter(), time.process_time()
                engines[engine_name].search(_request(query.whoosh, query.sort))
                samples[engine_name].append((time.perf_counter() - started) * 1000)
                cpu[engine_name].append((time.process_time() - cpu_started) * 1000)
        timings[name] = {
            engine_name: {
                "p50": statistics.median(values),
                "p95": statistics.quantiles(values, n=20)[-1],
                "cpu_p50": statistics.median(cpu[engine_name]),
            }
            for engine_name, values in samples.items()
        }
        row = "  ".join(
            f"{e} {t['p50']:.1f}/{t['p95']:.1f} cpu {t['cpu_p50']:.1f}"
            for e, t in timings[name].items()
        )
        print(f"{name:28} {row}", flush=True)
    return timings


def _agreement(whoosh: Any, xapian: Any, classes: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Per query: both totals, whether every facet count agrees, the top-10 overlap."""
    rows = []
    for name, queries in classes.items():
        for query in queries:
            a = whoosh.search(_request(query.whoosh, query.sort))
            b = xapian.search(_request(query.whoosh, query.sort))
            fa, fb = _facets(a, fold=True), _facets(b, fold=True)
            labels = sorted(k for k, v in _facets(a).items() if v != _facets(b).get(k) and k)
            top_a = [h.article.id for h in a.hits]
            top_b = [h.article.id for h in b.hits]
            rows.append(
                {
                    "class": name,
                    "query": query.whoosh or "(empty)",
                    "whoosh_total": a.total,
                    "xapian_total": b.total,
                    "facets_equal": fa == fb,
                    "facets_differing": sorted(k for k in fa if fa[k] != fb.get(k)),
                    "labels_differing": labels,  # same counts, a case variant shown otherwise
                    "top10_overlap": len(set(top_a) & set(top_b)) / max(1, len(top_a)),
                }
            )
    return rows


def _remote_agreement(local: Any, remote: Any, classes: dict[str, list[Any]]) -> dict[str, Any]:
    """Remote shards counted by count servers against the same shards opened locally, on every
    query newest first and by relevance: how many searches agree on each part of the answer."""
    parts = {"totals": 0, "stories": 0, "facets (case-folded)": 0, "facet order": 0,
             "chart": 0, "hits and copies": 0, "suggestion": 0}  # fmt: skip
    searches = 0
    for queries in classes.values():
        for query in queries:
            for sort in ("relevance", "newest"):
                a, b = (engine.search(_request(query.whoosh, sort)) for engine in (local, remote))
                searches += 1
                same = {
                    "totals": a.total == b.total,
                    "stories": a.stories == b.stories,
                    "facets (case-folded)": _facets(a, fold=True) == _facets(b, fold=True),
                    "facet order": _listed(a) == _listed(b),
                    "chart": a.histogram == b.histogram,
                    "hits and copies": _hits(a) == _hits(b),
                    "suggestion": a.suggestion == b.suggestion,
                }
                for part, agrees in same.items():
                    parts[part] += agrees
    return {"searches": searches, "agreeing": parts}


def _listed(results: Any) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values (case-folded) and counts, in the order listed."""
    return {name: [(f.value.casefold(), f.count) for f in values]
            for name, values in results.facets.items()}  # fmt: skip


def _hits(results: Any) -> list[tuple[str, int, list[str]]]:
    """Each hit's id, how many copies it has, and those listed."""
    return [(h.article.id, h.copies_total, [c["id"] for c in h.copies]) for h in results.hits]


def markdown(results: dict[str, Any], corpus: Path) -> str:
    """The figures as a Markdown report."""
    engines = list(next(iter(results["timings"].values())))
    lines = [
        f"# Whoosh and Xapian on {corpus.name} ({results['articles']['whoosh']} articles)",
        "",
        "Full request through the backend the app holds (10 hits, 3 snippets each, every facet,",
        "the month histogram); wall p50 / p95, then CPU p50 of this process, in ms (a remote",
        "shard's CPU is spent in its server); engines interleaved query by query on a shared",
        f"2-core machine (load average {os.getloadavg()[0]:.1f} at the end: other developers' "
        "work ran meanwhile, so figures are noisy).",
        "",
        "| query class | " + " | ".join(engines) + " |",
        "|---|" + "---|" * len(engines),
    ]
    for name, row in results["timings"].items():
        cells = [
            f"{row[e]['p50']:.1f} / {row[e]['p95']:.1f} (cpu {row[e]['cpu_p50']:.1f})"
            for e in engines
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"First Xapian search after opening: {results['first_search_seconds']:.2f} s "
        "(the shards' columns loaded, or read value by value when not saved).",
        "",
    ]
    if ONE in engines:
        lines += ["## Local shards against one shard (p50 of one shard / p50 of the shards)", ""]
        for name, row in results["timings"].items():
            wall = row[ONE]["p50"] / max(row["xapian"]["p50"], 1e-9)
            cpu = row[ONE]["cpu_p50"] / max(row["xapian"]["cpu_p50"], 1e-9)
            lines.append(f"- {name}: wall {wall:.2f}x, CPU {cpu:.2f}x")
        lines.append("")
    lines += [
        "## Builds",
        "",
    ]
    for name, build in results["builds"].items():
        if build:
            lines.append(
                f"- {name}: {build['articles']} articles in {build['seconds']:.0f} s "
                f"({build['per_second']:.0f}/s, whole pipeline: load, normalise, group, index)"
            )
        else:
            lines.append(f"- {name}: reused an existing index")
    lines += [
        "",
        "## Agreement with Whoosh (Xapian local)",
        "",
        "Facet values are compared case-folded: a value written in several cases (CALGARY,",
        "Calgary) is one value in both engines, shown as the first article holding it writes it,",
        "and the engines keep articles in different orders; the last column lists such facets.",
        "",
        "| class | query | whoosh total | xapian total | facet counts equal | top-10 overlap "
        "| label case differs |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in results["agreement"]:
        differing = ", ".join(row["facets_differing"])
        facets = "yes" if row["facets_equal"] else f"no ({differing})"
        lines.append(
            f"| {row['class']} | `{row['query']}` | {row['whoosh_total']} | "
            f"{row['xapian_total']} | {facets} | {row['top10_overlap']:.0%} | "
            f"{', '.join(row['labels_differing'])} |"
        )
    agreement = results.get("remote_agreement")
    if agreement:
        lines += [
            "",
            "## Remote shards with count servers against the same shards local",
            "",
            f"Of {agreement['searches']} searches (every query, newest first and by relevance), "
            "how many agree:",
            "",
        ]
        lines += [f"- {part}: {n}" for part, n in agreement["agreeing"].items()]
    return "\n".join(lines) + "\n"
