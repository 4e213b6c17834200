"""Load-test `newsindex serve` on 127.0.0.1: requests/s per worker count, latency, busy answers.

Usage: .venv/bin/python bench/load.py CORPORA_DIR [--workers 1,2] [--duration 60]
                                      [--connections 8] [--server-threads N] [--limit N]
                                      [--tool auto|wrk|python] [--repeat 3] [--work DIR]
       .venv/bin/python bench/load.py CORPORA_DIR --overload   (200 connections, 30 s, a
                                      worker per core: serve's defaults)
       .venv/bin/python bench/load.py --synthetic 500 --duration 5   (no corpora needed)

Writes the Reuters-21578 stories under CORPORA_DIR as JSONL in a temporary folder (21,577 of
the 21,578 have a title or a body; a headline-only brief gets its headline as body), indexes
them once with the real `newsindex rebuild`, then for each --workers count serves the index
with `newsindex serve --workers N` on a free local port and sends a fixed rotation of
searches (API and page; words, phrases, OR, NOT, fields, prefixes, facet filters, sorting) for
--duration seconds over --connections keep-alive connections with `wrk` (Debian package `wrk`),
or with a small threaded Python client when wrk is not installed. Reports requests/s, latency
p50/p99/max, busy answers (503 with Retry-After), errors (other non-2xx answers, socket errors,
timeouts) and the servers' memory before and after, then the ratio of answered (2xx)
requests/s of the last worker count to the first (busy 503s are cheap and left out).
--server-threads is `serve --threads` (default: serve's own). --repeat N loads each worker
count N times and prints the median of each figure, with the load average of the machine
before and after each run (other jobs on a shared machine move every timing). --work DIR
keeps the written corpus and the index in DIR, and reuses an index found there.

Goals: with 8 connections, 0 errors and 0 busy answers, p99 within the 1 s search budget, and
`--workers 2` at least 1.6x the answered requests/s of `--workers 1` on two cores; with --overload
(200 connections for 30 s), 0 errors other than busy answers, no request over 2 s, memory flat.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from workload import HOST, cli, machine, percentile, serving, write_reuters, write_synthetic  # noqa: E402

from indexer.store import IndexStore  # noqa: E402
from webapp.serving import ServeOptions  # noqa: E402

PATHS = [
    "/api/search?q=oil",
    "/api/search?q=interest+rates",
    "/api/search?q=%22interest+rates%22&sort=newest",
    "/api/search?q=coffee+OR+cocoa",
    "/api/search?q=wheat+-corn",
    "/api/search?q=title:gold",
    "/api/search?q=export*",
    "/api/search?q=bank&source=Reuters&per_page=20",
    "/api/search?q=trade&from=1987-03-01&to=1987-03-31",
    "/api/search?per_page=10",
    "/api/search?q=oil&page=2",
    "/?q=oil",
    "/?q=dollar+yen",
    "/?q=shares&sort=oldest",
    "/",
]

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
OVERLOAD = {"connections": 200, "duration": 30, "workers": str(os.cpu_count() or 1)}
SEARCH_BUDGET_MS = 1000
OVERLOAD_MAX_MS = 2000
RATIO_GOAL = 1.6  # --workers 2 over --workers 1, on two cores
MEMORY_GROWTH = 1.25  # "flat": the servers' memory after the run within 25 % of before
SERVER_THREADS = ServeOptions().threads  # `serve --threads` unless --server-threads
MEDIAN_KEYS = (
    "requests",
    "requests_per_second",
    "answered_per_second",
    "p50_ms",
    "p99_ms",
    "max_ms",
    "busy",
    "errors",
    "socket_errors",
    "memory_mb_before",
    "memory_mb_after",
    "server_cpu_seconds",
    "load_before",
    "load_after",
)


def _ms(text: str) -> float:
    """A wrk duration (`812.00us`, `12.5ms`, `1.02s`) in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if match is None:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(output: str) -> dict[str, float]:
    """The figures of a `wrk --latency` report."""
    figures: dict[str, float] = {}
    if match := re.search(r"(\d+) requests in ([\d.]+\w+)", output):
        figures["requests"] = int(match.group(1))
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        figures["requests_per_second"] = float(match.group(1))
    for pct in ("50", "75", "90", "99"):
        if match := re.search(rf"^\s+{pct}(?:\.000)?%\s+(\S+)", output, re.M):
            figures[f"p{pct}_ms"] = round(_ms(match.group(1)), 2)
    if match := re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", output):
        figures["max_ms"] = round(_ms(match.group(1)), 2)
    figures["non_2xx"] = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        figures["non_2xx"] = int(match.group(1))
    figures["socket_errors"] = 0
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        figures["socket_errors"] = sum(int(g) for g in match.groups())
    return figures


def run_wrk(port: int, duration: int, connections: int, work: Path) -> dict[str, float]:
    """Drive the server with wrk, rotating through PATHS."""
    script = work / "rotate.lua"
    paths = ", ".join(json.dumps(p) for p in PATHS)
    script.write_text(
        f"local paths = {{{paths}}}\n"
        "local i = 0\n"
        "local threads = {}\n"
        "busy, bad = 0, 0\n"
        "function setup(thread) table.insert(threads, thread) end\n"
        "request = function()\n"
        "  i = i + 1\n"
        '  return wrk.format("GET", paths[(i % #paths) + 1])\n'
        "end\n"
        "response = function(status, headers, body)\n"
        "  if status == 503 then busy = busy + 1 elseif status >= 400 then bad = bad + 1 end\n"
        "end\n"
        "done = function(summary, latency, requests)\n"
        "  local b, e = 0, 0\n"
        '  for _, t in ipairs(threads) do b = b + t:get("busy"); e = e + t:get("bad") end\n'
        '  io.write(string.format("BUSY %d\\nBAD %d\\n", b, e))\n'
        "end\n"
    )
    threads = min(2, connections)
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
        + ["--latency", "-s", str(script), f"http://{HOST}:{port}"],
        capture_output=True,
        text=True,
        timeout=duration + 120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed: {done.stderr}")
    figures = parse_wrk(done.stdout)
    busy = re.search(r"^BUSY (\d+)$", done.stdout, re.M)
    figures["busy"] = int(busy.group(1)) if busy else 0
    figures["errors"] = figures["non_2xx"] - figures["busy"] + figures["socket_errors"]
    return figures


def run_python(port: int, duration: int, connections: int) -> dict[str, float]:
    """Drive the server with threads on keep-alive connections (when wrk is missing)."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    failures = 0
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker(n: int) -> None:
        """Send requests on one connection until the time is up."""
        nonlocal failures
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        i = n
        while time.monotonic() < deadline:
            path = PATHS[i % len(PATHS)]
            i += 1
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                with lock:
                    failures += 1
                continue
            took = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(took)
                statuses[response.status] += 1
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    non_2xx = sum(v for k, v in statuses.items() if not 200 <= k < 400)
    busy = statuses[503]
    return {
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(latencies, 50), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "max_ms": round(max(latencies, default=0.0), 2),
        "non_2xx": non_2xx,
        "socket_errors": failures,
        "busy": busy,
        "errors": non_2xx - busy + failures,
    }


def build(
    work: Path, corpora: Path | None, synthetic: int, limit: int | None = None
) -> tuple[Path, dict[str, object]]:
    """Write the articles and rebuild the index once (or reuse the one in `work`)."""
    feed = work / "feed" / "articles.jsonl"
    facts_file = work / "index-facts.json"
    if facts_file.is_file() and (work / "index").is_dir():
        return work / "index", {**json.loads(facts_file.read_text()), "machine": machine()}
    if corpora is not None:
        written = write_reuters(corpora, feed, limit=limit)
    else:
        written = synthetic
        write_synthetic(feed, synthetic)
    index_dir = work / "index"
    started = time.perf_counter()
    done = cli(["rebuild", "feed"], index_dir, work, timeout=3600)
    build_seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"rebuild failed: {done.stderr[-2000:]}")
    indexed = int(re.search(r"(\d+) articles indexed", done.stdout).group(1))
    facts = {
        "articles_written": written,
        "articles_indexed": indexed,
        "index_mb": round(IndexStore(index_dir).size_bytes() / 1e6, 1),
        "rebuild_seconds": round(build_seconds, 1),
    }
    facts_file.write_text(json.dumps(facts))
    return index_dir, {"machine": machine(), **facts}


def process_tree(pid: int) -> list[int]:
    """A process and its descendants (Linux /proc); just the process elsewhere."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(n) for n in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc), in MB; 0 elsewhere."""
    total = 0
    for current in process_tree(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        if match := re.search(r"^VmRSS:\s+(\d+) kB", status, re.M):
            total += int(match.group(1))
    return round(total / 1024, 1)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its children (Linux /proc)."""
    ticks = 0
    for current in process_tree(pid):
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.0


def load(
    index_dir: Path,
    work: Path,
    workers: int,
    duration: int,
    connections: int,
    server_threads: int,
    tool: str,
) -> dict[str, object]:
    """Serve the index with `workers` processes and load it; the figures of the run."""
    if tool == "auto":
        tool = "wrk" if shutil.which("wrk") else "python"
    started: list[subprocess.Popen[bytes]] = []
    options = ("--workers", str(workers))
    with serving(index_dir, work, threads=server_threads, options=options, started=started) as port:
        workers_started(started[0].pid, workers)
        warm(port, workers)
        memory_before = rss_mb(started[0].pid)
        cpu_before = cpu_seconds(started[0].pid)
        load_before = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
        if tool == "wrk":
            figures = run_wrk(port, duration, connections, work)
        else:
            figures = run_python(port, duration, connections)
        memory_after = rss_mb(started[0].pid)
        cpu = cpu_seconds(started[0].pid) - cpu_before
        load_after = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
        after = [http_get(port, path) for path in PATHS]
    requests = int(figures.get("requests", 0))
    share = (requests - int(figures["non_2xx"])) / requests if requests else 0.0
    return {
        "tool": tool,
        "workers": workers,
        "duration_s": duration,
        "connections": connections,
        "server_threads": server_threads,
        **figures,
        # 2xx only: busy 503s are cheap and would flatter an overloaded server
        "answered_per_second": round(float(figures.get("requests_per_second", 0)) * share, 1),
        # CPU the servers got: on a shared machine, fewer cores than --workers may be free
        "server_cpu_seconds": round(cpu, 1),
        "memory_mb_before": memory_before,
        "memory_mb_after": memory_after,
        "statuses_after": dict(Counter(after)),
        # the machine's 1-minute load average: other jobs slow every figure down
        "load_before": load_before,
        "load_after": load_after,
    }


def run(
    work: Path,
    corpora: Path | None,
    synthetic: int,
    duration: int,
    connections: int,
    server_threads: int = SERVER_THREADS,
    tool: str = "auto",
    limit: int | None = None,
    workers: int = 1,
) -> dict[str, object]:
    """Build the index, serve it with `workers` processes, load it; returns the figures."""
    index_dir, facts = build(work, corpora, synthetic, limit)
    return {
        **facts,
        **load(index_dir, work, workers, duration, connections, server_threads, tool),
    }


def shortfalls(runs: list[dict[str, object]], overload: bool) -> list[str]:
    """What the runs miss of the goals (module docstring); empty when every goal is met."""
    missed = []
    for figures in runs:
        label = f"--workers {figures['workers']}"
        if figures["errors"]:
            missed.append(f"{label}: {figures['errors']} errors")
        if overload:
            if float(figures.get("max_ms", 0)) > OVERLOAD_MAX_MS:
                missed.append(f"{label}: a request took {figures['max_ms']} ms")
            before, after = figures["memory_mb_before"], figures["memory_mb_after"]
            if before and after > before * MEMORY_GROWTH:  # type: ignore[operator]
                missed.append(f"{label}: memory grew from {before} to {after} MB")
        else:
            if figures["busy"]:
                missed.append(f"{label}: {figures['busy']} busy answers")
            if float(figures.get("p99_ms", 0)) > SEARCH_BUDGET_MS:
                missed.append(f"{label}: p99 {figures['p99_ms']} ms")
    return missed


def workers_started(pid: int, count: int, within: float = 60) -> None:
    """Wait until a server with `count` worker processes has them all running (Linux /proc)."""
    if count < 2 or not Path("/proc").is_dir():
        return
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        workers = process_tree(pid)[1:]
        running = [w for w in workers if len(list(Path(f"/proc/{w}/task").glob("*"))) > 4]
        if len(running) >= count:
            return
        time.sleep(0.1)
    raise RuntimeError(f"newsindex serve did not start {count} workers within {within} s")


def warm(port: int, workers: int) -> None:
    """Open every worker's searcher and facet columns: one kept-alive connection per worker.

    The server spreads open connections over its workers, so `workers` connections held at
    once reach each worker once.
    """
    conns = [http.client.HTTPConnection(HOST, port, timeout=300) for _ in range(workers)]
    try:
        for conn in conns:
            conn.connect()
        for conn in conns:
            for path in PATHS:
                conn.request("GET", path)
                conn.getresponse().read()
    finally:
        for conn in conns:
            conn.close()


def http_get(port: int, path: str) -> int:
    """One GET; its status."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def median_run(runs: list[dict[str, object]]) -> dict[str, object]:
    """One worker count's runs as one: the median of each figure (the first run's labels)."""
    merged = dict(runs[0])
    for key in MEDIAN_KEYS:
        values = [float(r[key]) for r in runs if r.get(key) is not None]  # type: ignore[arg-type]
        if values:
            middle = statistics.median(values)
            merged[key] = int(middle) if middle == int(middle) else round(middle, 2)
    merged["runs"] = len(runs)
    return merged


def describe(figures: dict[str, object]) -> str:
    """One line of a run's (or the medians') figures."""
    return (
        f"--workers {figures['workers']}: {figures.get('requests')} requests, "
        f"{figures.get('requests_per_second')} requests/s "
        f"({figures['answered_per_second']}/s answered 2xx); latency p50 "
        f"{figures.get('p50_ms')} ms, p99 {figures.get('p99_ms')} ms, max "
        f"{figures.get('max_ms')} ms; busy (503) {figures['busy']}; errors "
        f"{figures['errors']} (socket {figures['socket_errors']}); memory "
        f"{figures['memory_mb_before']} -> {figures['memory_mb_after']} MB; server CPU "
        f"{figures['server_cpu_seconds']} s in {figures['duration_s']} s; load average "
        f"{figures.get('load_before')} -> {figures.get('load_after')}"
    )


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build once, load each worker count, print; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", type=Path, nargs="?", help="folder holding reuters21578/")
    parser.add_argument("--synthetic", type=int, default=0, help="made-up articles instead")
    parser.add_argument("--limit", type=int, help="at most this many Reuters stories")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare: 1,2")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--overload", action="store_true", help="200 connections for 30 s (unless given)"
    )
    parser.add_argument("--server-threads", type=int, default=SERVER_THREADS)
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--repeat", type=int, default=1, help="runs per worker count (medians)")
    parser.add_argument("--work", type=Path, help="keep the corpus and index here, reuse them")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.corpora is None and not args.synthetic:
        parser.error("give CORPORA_DIR or --synthetic N")
    if args.overload:
        given = argv if argv is not None else sys.argv[1:]
        for key, value in OVERLOAD.items():
            if f"--{key}" not in given:
                setattr(args, key, value)
    counts = [int(n) for n in args.workers.split(",") if n.strip()]
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
    place = (
        nullcontext(str(args.work))
        if args.work
        else tempfile.TemporaryDirectory(prefix="newsindex-load-")
    )
    with place as tmp:
        index_dir, facts = build(Path(tmp), args.corpora, args.synthetic, args.limit)
        every: dict[int, list[dict[str, object]]] = {count: [] for count in counts}
        for _ in range(args.repeat):  # interleaved, so a busy spell on the machine hits all
            for count in counts:
                every[count].append(
                    load(
                        index_dir,
                        Path(tmp),
                        count,
                        args.duration,
                        args.connections,
                        args.server_threads,
                        args.tool,
                    )
                )
    runs = [median_run(every[count]) for count in counts]
    first, last = runs[0], runs[-1]
    ratio = round(
        float(last["answered_per_second"]) / max(float(first["answered_per_second"]), 1e-9), 2
    )
    missed = shortfalls([run for count in counts for run in every[count]], args.overload)
    if len(runs) > 1 and not args.overload and ratio < RATIO_GOAL:
        missed.append(f"answered requests/s ratio {ratio}x, below {RATIO_GOAL}x")
    if args.json:
        print(
            json.dumps(
                {**facts, "runs": runs, "every_run": every, "ratio": ratio, "missed": missed},
                indent=1,
            )
        )
        return 1 if missed else 0
    print(
        f"load on {facts['machine']}: {facts['articles_indexed']} articles "
        f"({facts['index_mb']} MB index, rebuilt in {facts['rebuild_seconds']} s), "
        f"{first['tool']} for {args.duration} s over {args.connections} connections, "
        f"{args.server_threads} search thread(s) per process"
    )
    for count, figures in zip(counts, runs, strict=True):
        if args.repeat > 1:
            for n, one in enumerate(every[count], 1):
                print(f"  run {n} " + describe(one))
            print(f"  median of {args.repeat}, " + describe(figures))
        else:
            print("  " + describe(figures))
    if len(runs) > 1:
        print(
            f"  answered requests/s, --workers {last['workers']} / --workers {first['workers']}: "
            f"{ratio}x (goal on two cores: {RATIO_GOAL}x)"
        )
    for line in missed:
        print(f"  missed: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
