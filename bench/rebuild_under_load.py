"""Search a running `newsindex serve` without pause while `newsindex rebuild` swaps indexes.

Usage: .venv/bin/python bench/rebuild_under_load.py [--rebuilds 10] [--clients 4]
                                                   [--articles 2000] [--seed 6] [--json]

Corpora A (N articles) and B (N + N/10) are written to a temporary folder and A is indexed.
A real `newsindex serve` (waitress, 127.0.0.1, a free port) serves it while --clients threads
send searches, result pages, article pages and JSON without pause, and the real `newsindex
rebuild` runs --rebuilds times, alternating B and A, so each rebuild swaps the served index.
Reports every response that was not 2xx, every failed connection, the totals the clients saw
(both corpora's counts should appear: the swaps were picked up), requests per second and
latency percentiles. Goal: 0 non-2xx, 0 failed requests.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workload import WORDS, cli, get, machine, percentile, serving, write_synthetic  # noqa: E402


def _paths(rng: random.Random) -> str:
    """One request a reader might make."""
    word, other = rng.choice(WORDS), rng.choice(WORDS)
    return rng.choice(
        [
            f"/api/search?q={word}",
            f"/api/search?q={word}+{other}&sort=newest",
            f"/api/search?q={word}+OR+{other}&source=Reuters",
            "/api/search?per_page=5",
            f"/?q={word}",
            f"/?q=%22{word}+{other}%22",
            f"/api/search?q={word[:3]}*",
            "/",
        ]
    )


def run(work: Path, rebuilds: int, clients: int, articles: int, seed: int) -> dict[str, object]:
    """Run the bench in `work`; returns the figures."""
    extra = max(1, articles // 10)
    write_synthetic(work / "a" / "feed.jsonl", articles, seed=seed)
    write_synthetic(work / "b" / "feed.jsonl", articles + extra, seed=seed)
    index_dir = work / "index"
    first = cli(["rebuild", "a"], index_dir, work)
    if first.returncode != 0:
        raise RuntimeError(f"first rebuild failed: {first.stderr[-2000:]}")
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    bad: list[str] = []
    totals: Counter[int] = Counter()
    latencies: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(n: int, port: int) -> None:
        """Send requests until told to stop; record what came back."""
        rng = random.Random(seed * 100 + n)
        while not stop.is_set():
            path = _paths(rng)
            started = time.perf_counter()
            try:
                status, body = get(port, path, timeout=60)
            except OSError as exc:
                with lock:
                    failures.append(f"{path}: {exc.__class__.__name__}: {exc}")
                continue
            took = time.perf_counter() - started
            total = None
            if status == 200 and path.startswith("/api/search?per_page"):
                total = json.loads(body)["total"]
                hit = json.loads(body)["hits"][0]["id"]
                # Open one article too: an id from the index just searched.
                path2 = f"/api/articles/{quote(hit, safe='')}"
                status2, _ = get(port, path2, timeout=60)
                with lock:
                    statuses[status2] += 1
                    if not 200 <= status2 < 300:
                        bad.append(f"{status2} {path2}")
            with lock:
                statuses[status] += 1
                latencies.append(took)
                if total is not None:
                    totals[total] += 1
                if not 200 <= status < 300:
                    bad.append(f"{status} {path}: {body[:200]!r}")

    rebuild_times = []
    rebuild_codes: Counter[int] = Counter()
    served_after: list[int] = []  # the total the next request sees after each rebuild
    with serving(index_dir, work, threads=4) as port:
        threads = [threading.Thread(target=client, args=(n, port)) for n in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        try:
            time.sleep(0.5)
            for r in range(rebuilds):
                corpus = "b" if r % 2 == 0 else "a"
                t0 = time.perf_counter()
                done = cli(["rebuild", corpus], index_dir, work)
                rebuild_times.append(time.perf_counter() - t0)
                rebuild_codes[done.returncode] += 1
                status, body = get(port, "/api/search?per_page=1")
                served_after.append(json.loads(body)["total"] if status == 200 else -status)
                time.sleep(0.3)  # let the clients meet the new generation
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=120)
        seconds = time.perf_counter() - started
    requests = sum(statuses.values())
    return {
        "machine": machine(),
        "articles": [articles, articles + extra],
        "clients": clients,
        "rebuilds": rebuilds,
        "rebuild_exit_codes": dict(rebuild_codes),
        "rebuild_seconds_median": round(percentile(rebuild_times, 50), 2),
        "seconds": round(seconds, 1),
        "requests": requests,
        "requests_per_second": round(requests / seconds, 1) if seconds else 0,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "non_2xx": len(bad),
        "failed_connections": len(failures),
        "totals_seen": {str(k): v for k, v in sorted(totals.items())},
        "served_after_each_rebuild": served_after,
        "latency_ms": {
            "p50": round(percentile(latencies, 50) * 1000, 1),
            "p99": round(percentile(latencies, 99) * 1000, 1),
            "max": round(max(latencies, default=0) * 1000, 1),
        },
        "examples": (bad + failures)[:10],
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print the figures; exit 1 on any non-2xx or failed request."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuilds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsindex-swap-") as tmp:
        figures = run(Path(tmp), args.rebuilds, args.clients, args.articles, args.seed)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        lat = figures["latency_ms"]
        print(
            f"rebuild under load on {figures['machine']}: {figures['rebuilds']} rebuilds "
            f"({figures['articles'][0]}/{figures['articles'][1]} articles, median "
            f"{figures['rebuild_seconds_median']} s, exit codes {figures['rebuild_exit_codes']}) "
            f"while {figures['clients']} clients searched for {figures['seconds']} s"
        )
        print(
            f"  {figures['requests']} requests ({figures['requests_per_second']}/s), statuses "
            f"{figures['statuses']}, non-2xx {figures['non_2xx']}, failed connections "
            f"{figures['failed_connections']}; latency p50 {lat['p50']} ms, p99 {lat['p99']} ms, "
            f"max {lat['max']} ms; totals seen {figures['totals_seen']}"
        )
        print(f"  served right after each rebuild: {figures['served_after_each_rebuild']}")
        for example in figures["examples"]:
            print(f"  BAD {example}")
    return 1 if figures["non_2xx"] or figures["failed_connections"] else 0


if __name__ == "__main__":
    sys.exit(main())
