"""Charts of stories (`count=stories`) over remote Xapian shards: by match spies and by count
servers, against the same shards opened locally, in one run.

    .venv/bin/python bench/story_chart.py WORK/xapian-2-shards --reps 12

INDEX is a sharded Xapian index (`newsindex rebuild --shards N`). Each shard of its current
generation is served by `xapian-tcpsrv` and by a count server (`newsindex serve-counts`) on
free ports; every query is asked through the app (`/api/search`) of the local shards, of the
remote shards counted by spies, and of the remote shards counted by the count servers. Prints
the median and p95 milliseconds of each (the first two runs of a query are warm-up) and whether
the three charts are equal.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from backends import _serve  # noqa: E402

from webapp import create_app  # noqa: E402

QUERIES = (
    "/api/search?q=&count=stories",
    "/api/search?q=oil&count=stories",
    "/api/search?q=company&count=stories&chart_by=source",
    "/api/search?q=bank&count=stories&interval=week&group=none",
)


def _timed(app: Any, url: str, reps: int) -> tuple[list[float], dict[str, Any]]:
    """Milliseconds of each run after two warm-up runs, and the last answer."""
    client = app.test_client()
    times = []
    for n in range(reps + 2):
        started = time.perf_counter()
        response = client.get(url)
        if n >= 2:
            times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}: {response.get_data(True)}")
    return times, response.get_json()


def main() -> int:
    """Serve the shards, time the queries three ways, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path, help="a sharded Xapian index folder")
    parser.add_argument("--reps", type=int, default=12)
    args = parser.parse_args()
    current = (args.index / "CURRENT").read_text().strip()
    shards = sorted((args.index / "generations" / current).glob("shard-*"))
    procs = []
    try:
        servers, counters = [], []
        for shard in shards:  # each kept as it starts: stopped even if a later one fails
            servers.append(_serve(shard))
            procs.append(servers[-1][0])
            counters.append(_serve(shard, counts=True))
            procs.append(counters[-1][0])
        spec = ",".join(f"127.0.0.1:{port}" for _proc, port in servers)
        count_spec = ",".join(f"127.0.0.1:{port}" for _proc, port in counters)
        ways = {
            "local shards": {},
            "remote, spies": {"XAPIAN_SHARDS": spec},
            "remote, count servers": {"XAPIAN_SHARDS": spec, "XAPIAN_COUNTERS": count_spec},
        }
        print(f"{len(shards)} shards of {args.index}, {args.reps} runs a query (p50 / p95 ms)\n")
        print("| query | " + " | ".join(ways) + " | charts equal |")
        print("|---|" + "---|" * (len(ways) + 1))
        apps = {way: create_app({"TESTING": True, "INDEX_DIR": args.index, "BACKEND": "xapian",
                                 **extra}) for way, extra in ways.items()}  # fmt: skip
        for url in QUERIES:
            cells, charts, stories = [], [], set()
            for app in apps.values():
                times, answer = _timed(app, url, args.reps)
                p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
                cells.append(f"{statistics.median(times):.1f} / {p95:.1f}")
                charts.append((answer["chart"], answer["facets"]["date"]))  # the bars too
                stories.add(answer["stories"])
            equal = all(chart == charts[0] for chart in charts) and len(stories) == 1
            query = url.split("?", 1)[1]
            print(f"| `{query}` ({stories.pop()} stories) | " + " | ".join(cells) + f" | {equal} |")
    finally:
        for proc in procs:
            proc.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
