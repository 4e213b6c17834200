"""Benchmark the research tools (issue 15): timelines, top terms, random samples, operators.

Usage: .venv/bin/python bench/research.py INDEX_DIR|CORPUS.jsonl [--work DIR] [--reps 30]
           [--json OUT.json]

Given a JSONL corpus (bench/corpus.py) it builds an index of it first in `--work` (default
bench/.work/research-index; reused when present). Each request goes through the Flask app's test
client, so it includes argument parsing, the engine and the JSON encoding as `/api/…` serves
them (no socket). Goals (issue 15, at 100k articles): a 5-query weekly timeline with
normalize=share p95 ≤ 300 ms, top terms p95 ≤ 1 s, a random sample p95 ≤ 100 ms. Prints the
median and p95 of each class with the corpus size and the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.pipeline import build_index  # noqa: E402
from webapp import create_app  # noqa: E402

# Five-query comparisons of words common in the corpus (Reuters 1987 and BBC 2004-05 topics).
TIMELINES = [
    ["cocoa", "coffee", "sugar", "wheat", "gold"],
    ["oil", "dollar", "yen", "interest rates", "inflation"],
    ["election", "football", "music", "film", "government"],
    ["bank", "shares", "profit", "loss", "dividend"],
    ["trade deficit", "japan", "tariffs", "opec", "crude"],
]
TERMS = [
    "cocoa",
    "coffee",
    "oil prices",
    "election",
    "football",
    "bank",
    "gold",
    "trade deficit",
    "yen",
    "film",
]
SAMPLES = ["", "oil", "company", "football", "shares", "bank", "trade", "music"]
OPERATORS = [
    "atleast3:oil",
    "atleast5:company",
    "words:>500",
    "words:[200 TO 400] oil",
    "atleast2:cocoa words:<300",
]
GOALS = {
    "timeline: 5 queries, weekly, share": 300,
    "top terms (size 50)": 1000,
    "random sample (100 of the matches)": 100,
}


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of the values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def timed(
    client: Any, url: str, params: list[tuple[str, str]]
) -> tuple[float, float, dict[str, Any]]:
    """One request's wall and CPU time in ms, and its JSON (failing loudly on an error status).

    The CPU time is this process's (the test client runs the request in it): what the request
    costs, which other jobs on a shared machine disturb far less than the wall time.
    """
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(url, query_string=params)
    elapsed = (time.perf_counter() - started) * 1000
    cpu_ms = (time.process_time() - cpu) * 1000
    if response.status_code != 200:
        raise SystemExit(
            f"{url} {params}: {response.status_code} {response.get_data(as_text=True)}"
        )
    return elapsed, cpu_ms, response.get_json()


def run(index: Path, reps: int) -> dict[str, Any]:
    """Time every class `reps` times (after one warm-up pass) and return the figures."""
    app = create_app({"INDEX_DIR": index, "TESTING": True})
    client = app.test_client()
    size = client.get("/api/search?per_page=1").get_json()["total"]
    classes: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
        "timeline: 5 queries, weekly, share": [
            (
                "/api/timeline",
                [("q", q) for q in qs] + [("granularity", "week"), ("normalize", "share")],
            )
            for qs in TIMELINES
        ],
        "top terms (size 50)": [("/api/terms", [("q", q), ("size", "50")]) for q in TERMS],
        "random sample (100 of the matches)": [
            ("/api/search", [("q", q), ("sample", "100"), ("seed", str(n))])
            for n, q in enumerate(SAMPLES)
        ],
        "atleastN: and words: searches": [
            ("/api/search", [("q", q)])
            for q in OPERATORS
            # An index built before word counts answers words: with a 400: leave those out.
            if client.get("/api/search", query_string={"q": q}).status_code == 200
        ],
    }
    results: dict[str, Any] = {"articles": size, "classes": {}}
    for name, requests in classes.items():
        for url, params in requests:  # warm-up: caches, first reads of the columns
            timed(client, url, params)
        times: list[float] = []
        cpus: list[float] = []
        notes: set[str] = set()
        for n in range(reps):
            url, params = requests[n % len(requests)]
            elapsed, cpu_ms, data = timed(client, url, params)
            times.append(elapsed)
            cpus.append(cpu_ms)
            if "analysed" in data:
                notes.add(f"read {data['analysed']} articles")
            if "granularity" in data and "series" in data:
                notes.add(f"{len(data['series'][0]['points'])} weekly points")
        results["classes"][name] = row = {
            "runs": reps,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "max_ms": round(max(times), 1),
            "cpu_median_ms": round(statistics.median(cpus), 1),
            "cpu_p95_ms": round(percentile(cpus, 95), 1),
            "goal_ms": GOALS.get(name),
            "notes": sorted(notes),
        }
        print(name, json.dumps(row), flush=True)
    live = app.extensions.get("newsindex")
    if live is not None:
        live.close()
    return results


def main(argv: list[str] | None = None) -> int:
    """Build the index if given a corpus, run the classes, print and optionally save."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("target", type=Path, help="an index directory, or a corpus JSONL")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work" / "research-index")
    parser.add_argument("--reps", type=int, default=30, help="runs per class")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    index = args.target
    if index.is_file():
        if not (args.work / "CURRENT").exists():
            print(f"building {args.work} from {index} …", flush=True)
            build_index([index], args.work)
        index = args.work
    load_before = os.getloadavg()[0]
    results = run(index, args.reps)
    results["load"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
    print(
        f"corpus: {results['articles']:,} articles; load average {load_before:.1f} → "
        f"{results['load'][1]:.1f} (2 cores, shared)"
    )
    header = ("runs", "median", "p95", "max", "CPU p50", "CPU p95")
    print(f"{'class':<40}" + "".join(f"{h:>10}" for h in header) + "  goal (wall p95)")
    for name, row in results["classes"].items():
        goal = row["goal_ms"]
        verdict = (
            ""
            if goal is None
            else f"p95 ≤ {goal} ms: {'met' if row['p95_ms'] <= goal else 'NOT met'}"
        )
        print(
            f"{name:<40}{row['runs']:>10}{row['median_ms']:>10.1f}{row['p95_ms']:>10.1f}"
            f"{row['max_ms']:>10.1f}{row['cpu_median_ms']:>10.1f}{row['cpu_p95_ms']:>10.1f}"
            f"  {verdict} {'; '.join(row['notes'])}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
