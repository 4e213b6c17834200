"""Benchmark the full-text export: `/api/search.jsonl` (capped) and `newsindex export` (no cap).

Usage: .venv/bin/python bench/export_full.py INDEX_DIR [--reps 3] [--query cocoa ...]

Given a built index (for example the 100k one `bench/search.py` builds), each query runs
`--reps` times through the real Flask app (`GET /api/search.jsonl`, every row read to the end)
and through the code `newsindex export --format jsonl` runs (every match, no cap, to a file on
/dev/null), and the median rows per second and MB per second are printed with the index size.
The empty query exports every article (the API stops at its cap of 50,000 rows).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.datastructures import MultiDict  # noqa: E402

from webapp import alias_table, create_app, fulltext, live_index, search  # noqa: E402


def _api(client, query: str) -> tuple[int, int]:
    """Rows and bytes of one /api/search.jsonl download, read to the end."""
    response = client.get("/api/search.jsonl", query_string={"q": query}, buffered=False)
    rows = size = 0
    for chunk in response.response:
        rows += chunk.count(b"\n") if isinstance(chunk, bytes) else chunk.count("\n")
        size += len(chunk)
    response.close()
    return rows, size


def _cli(app, query: str) -> tuple[int, int]:
    """Rows and bytes of what `newsindex export QUERY --format jsonl` writes (no cap)."""
    rows = size = 0
    with app.app_context(), live_index(app).hold() as backend, open(os.devnull, "w") as sink:
        sq = search.parse_args(MultiDict([("q", query)]), alias_table(app))
        found = fulltext.export_articles(backend, sq, None)
        for line in fulltext.jsonl_lines(found, lambda i: "https://example.org/article/" + i):
            sink.write(line)
            rows += 1
            size += len(line.encode())
    return rows, size


def main() -> None:
    """Run each query through both paths and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index", type=Path, help="an index directory")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--query", action="append", default=None)
    args = parser.parse_args()
    app = create_app({"INDEX_DIR": args.index, "TESTING": True})
    client = app.test_client()
    articles = live_index(app).backend().count()
    print(f"index: {args.index} ({articles:,} articles); median of {args.reps} runs")
    for query in args.query or ["", "the", "cocoa"]:
        for name, run in (("api", lambda q: _api(client, q)), ("cli", lambda q: _cli(app, q))):
            times, rows, size = [], 0, 0
            for _ in range(args.reps):
                started = time.perf_counter()
                rows, size = run(query)
                times.append(time.perf_counter() - started)
            median = statistics.median(times)
            print(
                f"{name} q={query!r:10} rows={rows:>7,} {size / 1e6:8.1f} MB "
                f"{median:7.2f} s  {rows / median:8,.0f} rows/s  {size / 1e6 / median:6.1f} MB/s"
            )
    live_index(app).close()


if __name__ == "__main__":
    main()
