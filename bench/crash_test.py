"""Kill `newsindex rebuild` with SIGKILL at random moments and check what index is left.

Usage: .venv/bin/python bench/crash_test.py [--points 30] [--articles 3000] [--seed 6]
                                           [--reuters CORPORA_DIR] [--json]

Corpora A (N articles) and B (N + N/10) are written and indexed once each, timing the
rebuild. Then, at each of --points moments drawn uniformly over the length of an uninterrupted
rebuild, a real `newsindex rebuild` of the corpus not being served is started and killed with
SIGKILL. After each kill the index is opened as a serving process opens it and classified:
`old` (the count of the corpus served before, and a probe search answers), `new` (the count of
the corpus being built: the kill came after the swap, and the next kill rebuilds the other
corpus) or `unreadable`. It also checks that the build lock is free again at once, and counts
what the dead builds left behind (generation folders, CURRENT.tmp files), at worst and after
the next completed rebuild.
Goal: 0 unreadable. All work happens in a temporary folder; nothing is served.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from workload import SCRIPT, cli, machine, write_reuters, write_synthetic  # noqa: E402

from indexer.backends.base import SearchQuery  # noqa: E402
from indexer.errors import IndexLocked, NewsIndexError  # noqa: E402
from indexer.live import LiveIndex  # noqa: E402
from indexer.pipeline import build_index  # noqa: E402
from indexer.store import IndexStore  # noqa: E402


def inspect(index_dir: Path) -> tuple[int | None, str]:
    """The article count of the served index (None if unreadable) and what went wrong."""
    live = LiveIndex(index_dir)
    try:
        backend = live.backend()
        count = backend.count()
        probe = backend.search(SearchQuery(per_page=1, snippets=0, facets=False))
        if count and probe.total < 1:
            return None, "probe search found nothing"
        return count, ""
    except NewsIndexError as exc:
        return None, str(exc)
    except Exception as exc:  # anything else is exactly what this bench looks for
        return None, f"{exc.__class__.__name__}: {exc}"
    finally:
        live.close()


def leftovers(index_dir: Path) -> dict[str, int]:
    """Generation folders beyond current + previous, and stray CURRENT.tmp files."""
    store = IndexStore(index_dir)
    gens = list(store.generations_dir.iterdir()) if store.generations_dir.is_dir() else []
    tmp = list(index_dir.glob("CURRENT.tmp-*"))
    return {"generations": len(gens), "current_tmp": len(tmp)}


def group_gone(pgid: int, seconds: float = 5.0) -> bool:
    """Whether every process of a killed build's group has exited within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.01)
    return False


def lock_is_free(index_dir: Path) -> bool:
    """Whether the build lock can be taken at once (a dead holder must not keep it)."""
    try:
        with IndexStore(index_dir).lock():
            return True
    except IndexLocked:
        return False


def run(
    work: Path, points: int, articles: int, seed: int, reuters: Path | None = None
) -> dict[str, object]:
    """Run the crash test in `work`; returns the figures."""
    rng = random.Random(seed)
    extra = max(1, articles // 10)
    if reuters is not None:
        count_b = write_reuters(reuters, work / "b" / "feed.jsonl", limit=articles + extra)
        count_a = articles
        with (work / "b" / "feed.jsonl").open() as src, (work / "a.jsonl").open("w") as dst:
            for n, line in enumerate(src):
                if n < count_a:
                    dst.write(line)
        (work / "a").mkdir()
        (work / "a.jsonl").rename(work / "a" / "feed.jsonl")
    else:
        write_synthetic(work / "a" / "feed.jsonl", articles, seed=seed)
        write_synthetic(work / "b" / "feed.jsonl", articles + extra, seed=seed)
        count_a, count_b = articles, articles + extra
    index_dir = work / "index"

    def rebuild(corpus: str) -> float:
        """One uninterrupted rebuild; returns its seconds."""
        started = time.perf_counter()
        done = cli(["rebuild", corpus], index_dir, work)
        if done.returncode != 0:
            raise RuntimeError(f"rebuild {corpus} failed: {done.stderr[-2000:]}")
        return time.perf_counter() - started

    counts = {"a": count_a, "b": count_b}
    old_cwd = os.getcwd()
    os.chdir(work)  # labels as the CLI gives them (`a/feed.jsonl:1`)
    try:
        build_index(["a"], index_dir)  # in-process: the kills below are all real CLI runs
    finally:
        os.chdir(old_cwd)
    full = rebuild("b")  # how long a rebuild runs, start to exit
    serving = "b"  # the corpus of the index being served; each kill rebuilds the other one
    outcomes = {"old": 0, "new": 0, "unreadable": 0}
    finished_before_kill = 0
    lock_stuck = 0
    orphans = 0
    problems: list[str] = []
    worst_left = {"generations": 0, "current_tmp": 0}
    delays = []
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": os.fspath(index_dir)}
    for _ in range(points):
        target = "a" if serving == "b" else "b"
        delay = rng.uniform(0, full * 1.05)
        delays.append(delay)
        proc = subprocess.Popen(
            [os.fspath(SCRIPT), "rebuild", target],
            cwd=work,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: its workers can be found
        )
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)  # the build only; its workers must die with it
        else:
            finished_before_kill += 1
        proc.wait()
        if not group_gone(proc.pid):
            orphans += 1
            os.killpg(proc.pid, signal.SIGKILL)  # clean up, so the next round is not disturbed
        count, problem = inspect(index_dir)
        if count == counts[serving]:
            outcomes["old"] += 1
        elif count == counts[target]:
            outcomes["new"] += 1
            serving = target
        else:
            outcomes["unreadable"] += 1
            problems.append(f"after {delay:.2f} s: count {count}: {problem}")
        if not lock_is_free(index_dir):
            lock_stuck += 1
        left = leftovers(index_dir)
        worst_left = {k: max(worst_left[k], v) for k, v in left.items()}
    rebuild("a")  # a completed build clears what the killed ones left
    after = leftovers(index_dir)
    return {
        "machine": machine(),
        "articles_old": count_a,
        "articles_new": count_b,
        "rebuild_seconds": round(full, 2),
        "points": points,
        "killed": points - finished_before_kill,
        "finished_before_kill": finished_before_kill,
        **outcomes,
        "lock_stuck": lock_stuck,
        "orphans": orphans,
        "most_generation_dirs_left": worst_left["generations"],
        "most_current_tmp_left": worst_left["current_tmp"],
        "after_next_rebuild": after,
        "problems": problems,
        "delays": [round(d, 3) for d in sorted(delays)],
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print the figures; exit 1 if any index was unreadable."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=30)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--reuters", type=Path, help="corpora folder: use Reuters-21578 stories")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsindex-crash-") as tmp:
        figures = run(Path(tmp), args.points, args.articles, args.seed, args.reuters)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(
            f"crash test on {figures['machine']}: {figures['points']} SIGKILLs of `newsindex "
            f"rebuild` ({figures['articles_old']} -> {figures['articles_new']} articles, "
            f"an uninterrupted rebuild takes {figures['rebuild_seconds']} s)"
        )
        print(
            f"  killed {figures['killed']}, finished before the kill "
            f"{figures['finished_before_kill']}; left serving: old {figures['old']}, "
            f"new {figures['new']}, unreadable {figures['unreadable']}"
        )
        print(
            f"  workers outliving the killed build: {figures['orphans']}; "
            f"lock held by a dead build: {figures['lock_stuck']}; left behind at most "
            f"{figures['most_generation_dirs_left']} generation folders and "
            f"{figures['most_current_tmp_left']} CURRENT.tmp files; after the next rebuild: "
            f"{figures['after_next_rebuild']}"
        )
        for problem in figures["problems"]:
            print(f"  UNREADABLE {problem}")
    return 1 if figures["unreadable"] or figures["lock_stuck"] or figures["orphans"] else 0


if __name__ == "__main__":
    sys.exit(main())
