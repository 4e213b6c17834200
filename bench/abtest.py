"""Search classes on two code trees and their indexes, interleaved query by query, one run.

Usage: .venv/bin/python bench/abtest.py --a NAME=TREE:INDEX_DIR --b NAME=TREE:INDEX_DIR
           [--reps 100] [--json OUT.json] [--env-b KEY=VALUE ...]

Each side is a worker process started with that tree's own virtualenv (`TREE/.venv/bin/python`)
and `PYTHONPATH=TREE`, so the code measured is the tree's, not this script's. The driver sends
each query of `bench/search.py`'s classes to both workers in turn (the order alternates run by
run), so load from other jobs on a shared machine falls on both sides alike. A worker answers
with the wall and CPU milliseconds of `LiveIndex(INDEX_DIR).backend().search(SearchQuery(…))`,
the full request the API serves (10 hits, snippets, facets, histogram), and the total, which
must agree between the sides unless they index words differently. `--env-b
NEWSINDEX_FAST_MATCH=0` measures side B's fallback path.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import MISSPELT_REPS, QUERY_CLASSES, summary  # noqa: E402

WORKER = """
import json, sys, time
from indexer.backends.base import SearchQuery
from indexer.live import LiveIndex
backend = LiveIndex(sys.argv[1]).backend()
backend.count()
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    ask = json.loads(line)
    sq = SearchQuery(text=ask["text"], sort=ask["sort"])
    started, cpu = time.perf_counter(), time.process_time()
    results = backend.search(sq)
    wall_ms = (time.perf_counter() - started) * 1000
    cpu_ms = (time.process_time() - cpu) * 1000
    print(json.dumps({"wall": wall_ms, "cpu": cpu_ms, "total": results.total}), flush=True)
"""


class Side:
    """One code tree searching one index in a worker process."""

    def __init__(self, spec: str, env: dict[str, str]) -> None:
        self.name, rest = spec.split("=", 1)
        tree, index = rest.split(":", 1)
        python = Path(tree) / ".venv" / "bin" / "python"
        self.proc = subprocess.Popen(
            [str(python), "-c", WORKER, index],
            env={**os.environ, "PYTHONPATH": tree, **env},
            cwd=tree,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert json.loads(self.ask_line())["ready"]

    def ask_line(self) -> str:
        """The worker's next line of output."""
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker {self.name} exited")
        return line

    def search(self, text: str, sort: str) -> dict[str, Any]:
        """Wall ms, CPU ms and total of one search."""
        self.proc.stdin.write(json.dumps({"text": text, "sort": sort}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.ask_line())

    def stop(self) -> None:
        """End the worker."""
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    """Run every class on both sides, print p50/p95 per class and write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--a", required=True, help="NAME=TREE:INDEX_DIR")
    parser.add_argument("--b", required=True, help="NAME=TREE:INDEX_DIR")
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--env-b", action="append", default=[], help="KEY=VALUE for side B")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    env_b = dict(item.split("=", 1) for item in args.env_b)
    sides = [Side(args.a, {}), Side(args.b, env_b)]
    out: dict[str, Any] = {"loadavg_start": os.getloadavg(), "classes": {}}
    try:
        for queries in QUERY_CLASSES.values():  # one warm-up pass
            for q in queries:
                for side in sides:
                    side.search(q.whoosh, q.sort)
        for name, queries in QUERY_CLASSES.items():
            runs = min(args.reps, MISSPELT_REPS) if name.startswith("misspelt") else args.reps
            wall: dict[str, list[float]] = {s.name: [] for s in sides}
            cpu: dict[str, list[float]] = {s.name: [] for s in sides}
            totals: dict[str, dict[str, int]] = {}
            for i in range(runs):
                q = queries[i % len(queries)]
                for side in sides if i % 2 == 0 else sides[::-1]:
                    answer = side.search(q.whoosh, q.sort)
                    wall[side.name].append(answer["wall"])
                    cpu[side.name].append(answer["cpu"])
                    totals.setdefault(q.whoosh or "(empty)", {})[side.name] = answer["total"]
            out["classes"][name] = {
                "wall": {k: summary(v) for k, v in wall.items()},
                "cpu": {k: summary(v) for k, v in cpu.items()},
                "totals": totals,
            }
            line = "  ".join(
                f"{k} {out['classes'][name]['wall'][k]['p50']:.1f}/"
                f"{out['classes'][name]['wall'][k]['p95']:.1f} "
                f"(cpu {out['classes'][name]['cpu'][k]['p50']:.1f}/"
                f"{out['classes'][name]['cpu'][k]['p95']:.1f})"
                for k in wall
            )
            differ = [t for t, v in totals.items() if len(set(v.values())) > 1]
            print(f"{name:>24}: {line}" + (f"  totals differ: {differ}" if differ else ""))
    finally:
        for side in sides:
            side.stop()
    out["loadavg_end"] = os.getloadavg()
    out["date"] = time.strftime("%Y-%m-%d %H:%M")
    print(f"load average start {out['loadavg_start']} end {out['loadavg_end']}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
