"""Phrase matching with and without the saved positions, on one index, in one process.

Usage: .venv/bin/python bench/phrase_ab.py INDEX_DIR [--reps 5] [--write]

Times each phrase query of bench/search.py (and their proximity variants `"…"~5`) through
`LiveIndex(INDEX_DIR).backend().search` with the segments' saved positions hidden (Whoosh's
pickled positions, as before issue 19) and then used, and prints the median CPU and wall ms of
each, the totals (which must agree), the time `--write` took to save the positions of the
segments lacking them, and the files' size against the index's. CPU time is what the work
costs; on the shared machine it moves far less than wall time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import QUERY_CLASSES  # noqa: E402

from indexer.backends.base import SearchQuery  # noqa: E402
from indexer.backends.whoosh.positions import SUFFIX  # noqa: E402
from indexer.live import LiveIndex  # noqa: E402
from indexer.store import IndexStore  # noqa: E402


def timings(backend, texts: list[str], reps: int) -> dict[str, tuple[float, float, int]]:
    """Median CPU ms, median wall ms and total hits of each query."""
    out = {}
    for text in texts:
        cpu, wall = [], []
        for _ in range(reps):
            c0, w0 = time.process_time(), time.perf_counter()
            total = backend.search(SearchQuery(text=text)).total
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
        out[text] = (statistics.median(cpu), statistics.median(wall), total)
    return out


def main() -> int:
    """Measure without, (write,) measure with, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="save missing positions first")
    args = parser.parse_args()
    texts = [q.whoosh for q in QUERY_CLASSES["phrase"]]
    texts += [f"{t}~5" for t in texts]
    generation = IndexStore(args.index).current()
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    live = LiveIndex(args.index)
    backend = live.backend()
    if args.write:
        c0, w0 = time.process_time(), time.perf_counter()
        backend.write_caches()
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        print(f"positions written in {wall:.1f} s wall, {cpu:.1f} s CPU", flush=True)
    saved = sum(p.stat().st_size for p in generation.glob(f"*{SUFFIX}"))
    whole = IndexStore(args.index).size_bytes()
    print(f"positions files {saved / 1e6:.0f} MB of an index of {whole / 1e6:.0f} MB", flush=True)
    store = backend._positions
    directory = store.directory
    store.directory, store._open = None, {}  # hide the files: Whoosh's pickled positions
    before = timings(backend, texts, args.reps)
    store.directory, store._open = directory, {}
    after = timings(backend, texts, args.reps)
    print(f"{'query':<28} {'hits':>7}  CPU ms before → after   wall ms before → after")
    for text in texts:
        b, a = before[text], after[text]
        assert a[2] == b[2], f"{text}: {a[2]} hits with saved positions, {b[2]} without"
        print(f"{text:<28} {a[2]:>7}  {b[0]:7.0f} → {a[0]:5.0f}      {b[1]:7.0f} → {a[1]:5.0f}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    live.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
