"""Interrupt `newsindex rebuild` and `update` at random moments and check what index is left.

Usage: .venv/bin/python bench/crash_test.py [--points 30] [--articles 3000] [--seed 6]
                                           [--modes kill-rebuild,kill-update,sigint-swap]
                                           [--reuters CORPORA_DIR] [--json]

Corpora A (N articles) and B (N + N/10) are written and indexed once each, timing the
rebuild. Then --points runs of each mode:
- `kill-rebuild`: a real `newsindex rebuild` of the corpus not being served, killed with
  SIGKILL at a moment drawn uniformly over the length of an uninterrupted rebuild;
- `kill-update`: a real `newsindex update` of a folder whose extra file (N/10 articles) was just
  added or removed, killed the same way;
- `sigint-swap`: Ctrl-C (SIGINT to the process group) around the swap, alternating rebuild and
  update: half the runs the moment CURRENT changes (seen by polling it), half at a moment drawn
  over the last fifth of an uninterrupted run.
After each run the index is opened as a serving process opens it and classified: `old` (the
count served before, and a probe search answers), `new` (the count being built: the interrupt
came after the swap) or `unreadable` (missing, damaged, or another count). It also checks that
the build lock is free again at once, and counts what the dead builds left behind (generation
folders, CURRENT.tmp files), at worst and after the next completed rebuild.
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


MODES = ("kill-rebuild", "kill-update", "sigint-swap")


def _toggle_extra(work: Path, present: bool, source: Path) -> None:
    """Add or remove the update folder's extra file."""
    extra = work / "u" / "extra.jsonl"
    if present:
        extra.write_bytes(source.read_bytes())
        # A new mtime each time, so an update always sees a changed file.
        stamp = time.time()
        os.utime(extra, (stamp, stamp))
    else:
        extra.unlink(missing_ok=True)


def _interrupt_at_swap(proc: subprocess.Popen[bytes], pointer: Path, deadline: float) -> bool:
    """Send SIGINT to the build's group the moment CURRENT changes; whether it was sent."""
    try:
        before = pointer.read_bytes()
    except OSError:
        before = b""
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            now = pointer.read_bytes()
        except OSError:
            now = before
        if now != before:
            os.killpg(proc.pid, signal.SIGINT)
            return True
        time.sleep(0.0005)
    return False


def run(
    work: Path,
    points: int,
    articles: int,
    seed: int,
    reuters: Path | None = None,
    modes: tuple[str, ...] = MODES,
) -> dict[str, object]:
    """Run the crash test in `work`; returns the figures (per mode and in total)."""
    rng = random.Random(seed)
    extra = max(1, articles // 10)
    if reuters is not None:
        count_b = write_reuters(reuters, work / "b" / "feed.jsonl", limit=articles + extra)
        count_a = articles
        with (work / "b" / "feed.jsonl").open() as src, (work / "a.jsonl").open("w") as dst:
            with (work / "extra.jsonl").open("w") as rest:
                for n, line in enumerate(src):
                    (dst if n < count_a else rest).write(line)
        (work / "a").mkdir()
        (work / "a.jsonl").rename(work / "a" / "feed.jsonl")
    else:
        write_synthetic(work / "a" / "feed.jsonl", articles, seed=seed)
        write_synthetic(work / "b" / "feed.jsonl", articles + extra, seed=seed)
        count_a, count_b = articles, articles + extra
        with (work / "b" / "feed.jsonl").open() as src, (work / "extra.jsonl").open("w") as rest:
            rest.writelines(line for n, line in enumerate(src) if n >= count_a)
    (work / "u").mkdir()
    (work / "u" / "feed.jsonl").write_bytes((work / "a" / "feed.jsonl").read_bytes())
    index_dir = work / "index"

    def timed(args: list[str]) -> float:
        """One uninterrupted CLI run; returns its seconds."""
        started = time.perf_counter()
        done = cli(args, index_dir, work)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
        return time.perf_counter() - started

    # Served states: a corpus folder, or the update folder with or without its extra file.
    counts = {"a": count_a, "b": count_b, "u": count_a, "u+": count_b}
    old_cwd = os.getcwd()
    os.chdir(work)  # labels as the CLI gives them (`a/feed.jsonl:1`)
    try:
        build_index(["a"], index_dir)  # in-process: the interruptions below are all real CLI runs
    finally:
        os.chdir(old_cwd)
    full = timed(["rebuild", "b"])  # how long a rebuild runs, start to exit
    timed(["rebuild", "u"])
    _toggle_extra(work, True, work / "extra.jsonl")
    full_update = timed(["update", "u"])
    serving = "u+"
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": os.fspath(index_dir)}
    per_mode: dict[str, dict[str, object]] = {}
    problems: list[str] = []
    worst_left = {"generations": 0, "current_tmp": 0}
    lock_stuck = orphans = 0
    for mode in modes:
        outcomes = {"old": 0, "new": 0, "unreadable": 0}
        finished = at_swap = 0
        delays = []
        for n in range(points):
            update = mode == "kill-update" or (mode == "sigint-swap" and n % 2 == 1)
            if update:
                if serving not in ("u", "u+"):  # updates run on the update folder's index
                    _toggle_extra(work, True, work / "extra.jsonl")
                    timed(["rebuild", "u"])
                    serving = "u+"
                target = "u" if serving == "u+" else "u+"
                _toggle_extra(work, target == "u+", work / "extra.jsonl")
                args, length = ["update", "u"], full_update
            else:
                target = "a" if serving != "a" else "b"
                args, length = ["rebuild", target], full
            proc = subprocess.Popen(
                [os.fspath(SCRIPT), *args],
                cwd=work,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: its workers can be found
            )
            if mode == "sigint-swap" and n % 4 < 2:
                delay = -1.0  # at the swap
                if _interrupt_at_swap(proc, index_dir / "CURRENT", time.monotonic() + 600):
                    at_swap += 1
                else:
                    finished += 1
            else:
                low = 0.8 * length if mode == "sigint-swap" else 0.0
                delay = rng.uniform(low, length * 1.05)
                time.sleep(delay)
                if proc.poll() is None:
                    if mode == "sigint-swap":
                        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole group
                    else:
                        os.kill(proc.pid, signal.SIGKILL)  # the build only; workers must follow
                else:
                    finished += 1
            delays.append(delay)
            proc.wait()
            if not group_gone(proc.pid):
                orphans += 1
                os.killpg(proc.pid, signal.SIGKILL)  # clean up, so the next run is undisturbed
            count, problem = inspect(index_dir)
            if count == counts[serving]:
                outcomes["old"] += 1
            elif count == counts[target]:
                outcomes["new"] += 1
                serving = target
            else:
                outcomes["unreadable"] += 1
                problems.append(f"{mode} {' '.join(args)} after {delay:.2f} s: {count}: {problem}")
            if not lock_is_free(index_dir):
                lock_stuck += 1
            left = leftovers(index_dir)
            worst_left = {k: max(worst_left[k], v) for k, v in left.items()}
        per_mode[mode] = {
            "runs": points,
            "finished_before_interrupt": finished,
            "interrupted_at_swap": at_swap,
            **outcomes,
            "delays": [round(d, 3) for d in sorted(delays)],
        }
    timed(["rebuild", "a"])  # a completed build clears what the interrupted ones left
    after = leftovers(index_dir)
    return {
        "machine": machine(),
        "articles_old": count_a,
        "articles_new": count_b,
        "rebuild_seconds": round(full, 2),
        "update_seconds": round(full_update, 2),
        "points": points,
        "modes": per_mode,
        "unreadable": sum(int(m["unreadable"]) for m in per_mode.values()),
        "lock_stuck": lock_stuck,
        "orphans": orphans,
        "most_generation_dirs_left": worst_left["generations"],
        "most_current_tmp_left": worst_left["current_tmp"],
        "after_next_rebuild": after,
        "problems": problems,
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print the figures; exit 1 if any index was unreadable."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=30)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--modes", default=",".join(MODES), help="comma-separated, of " + ", ".join(MODES)
    )
    parser.add_argument("--reuters", type=Path, help="corpora folder: use Reuters-21578 stories")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsindex-crash-") as tmp:
        modes = tuple(m for m in args.modes.split(",") if m)
        figures = run(Path(tmp), args.points, args.articles, args.seed, args.reuters, modes)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(
            f"crash test on {figures['machine']}: {figures['articles_old']} <-> "
            f"{figures['articles_new']} articles; an uninterrupted rebuild takes "
            f"{figures['rebuild_seconds']} s, an update {figures['update_seconds']} s"
        )
        for mode, m in figures["modes"].items():
            print(
                f"  {mode}: {m['runs']} runs, interrupted at the swap {m['interrupted_at_swap']}, "
                f"finished before the interrupt {m['finished_before_interrupt']}; left serving: "
                f"old {m['old']}, new {m['new']}, unreadable or missing {m['unreadable']}"
            )
        print(
            f"  workers outliving the interrupted build: {figures['orphans']}; "
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
