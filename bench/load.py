"""Load-test `newsindex serve` on 127.0.0.1: requests per second, latency percentiles, errors.

Usage: .venv/bin/python bench/load.py CORPORA_DIR [--duration 60] [--connections 8]
                                      [--server-threads 4] [--limit N] [--tool auto|wrk|python]
       .venv/bin/python bench/load.py --synthetic 500 --duration 5   (no corpora needed)

Writes the Reuters-21578 stories under CORPORA_DIR as JSONL in a temporary folder (21,577 of
the 21,578 have a title or a body; a headline-only brief gets its headline as body), indexes
them with the real `newsindex rebuild`, serves the index with `newsindex serve` (waitress) on a
free local port, and sends a fixed rotation of
searches (API and page; words, phrases, OR, NOT, fields, prefixes, facet filters, sorting) for
--duration seconds over --connections keep-alive connections with `wrk` (Debian package `wrk`),
or with a small threaded Python client when wrk is not installed. Reports requests/s, latency
p50/p99/max and errors (non-2xx answers, socket errors, timeouts). Goal: 0 errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from workload import HOST, cli, machine, percentile, serving, write_reuters, write_synthetic  # noqa: E402

from indexer.store import IndexStore  # noqa: E402

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
        "request = function()\n"
        "  i = i + 1\n"
        '  return wrk.format("GET", paths[(i % #paths) + 1])\n'
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
    figures["errors"] = figures["non_2xx"] + figures["socket_errors"]
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
    return {
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(latencies, 50), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "max_ms": round(max(latencies, default=0.0), 2),
        "non_2xx": non_2xx,
        "socket_errors": failures,
        "errors": non_2xx + failures,
    }


def run(
    work: Path,
    corpora: Path | None,
    synthetic: int,
    duration: int,
    connections: int,
    server_threads: int,
    tool: str,
    limit: int | None = None,
) -> dict[str, object]:
    """Build the index, serve it, load it; returns the figures."""
    feed = work / "feed" / "articles.jsonl"
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
    if tool == "auto":
        tool = "wrk" if shutil.which("wrk") else "python"
    with serving(index_dir, work, threads=server_threads) as port:
        for path in PATHS:  # warm the searcher and the facet columns
            http_get(port, path)
        if tool == "wrk":
            figures = run_wrk(port, duration, connections, work)
        else:
            figures = run_python(port, duration, connections)
        after = [http_get(port, path) for path in PATHS]
    return {
        "machine": machine(),
        "articles_written": written,
        "articles_indexed": indexed,
        "index_mb": round(IndexStore(index_dir).size_bytes() / 1e6, 1),
        "rebuild_seconds": round(build_seconds, 1),
        "tool": tool,
        "duration_s": duration,
        "connections": connections,
        "server_threads": server_threads,
        **figures,
        "statuses_after": dict(Counter(after)),
    }


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


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print the figures; exit 1 on any error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", type=Path, nargs="?", help="folder holding reuters21578/")
    parser.add_argument("--synthetic", type=int, default=0, help="made-up articles instead")
    parser.add_argument("--limit", type=int, help="at most this many Reuters stories")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--server-threads", type=int, default=4)
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.corpora is None and not args.synthetic:
        parser.error("give CORPORA_DIR or --synthetic N")
    with tempfile.TemporaryDirectory(prefix="newsindex-load-") as tmp:
        figures = run(
            Path(tmp),
            args.corpora,
            args.synthetic,
            args.duration,
            args.connections,
            args.server_threads,
            args.tool,
            args.limit,
        )
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(
            f"load on {figures['machine']}: {figures['articles_indexed']} articles "
            f"({figures['index_mb']} MB index, rebuilt in {figures['rebuild_seconds']} s), "
            f"{figures['tool']} for {figures['duration_s']} s over {figures['connections']} "
            f"connections, waitress with {figures['server_threads']} threads"
        )
        print(
            f"  {figures.get('requests')} requests, {figures.get('requests_per_second')} "
            f"requests/s; latency p50 {figures.get('p50_ms')} ms, p99 {figures.get('p99_ms')} "
            f"ms, max {figures.get('max_ms')} ms; errors {figures['errors']} "
            f"(non-2xx {figures['non_2xx']}, socket {figures['socket_errors']})"
        )
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
