"""Benchmark indexing and searching through the project's own pipeline, backend and HTTP API.

Usage: .venv/bin/python bench/search.py CORPUS.jsonl|INDEX_DIR [--work DIR] [--reps 100]
           [--rebuild] [--no-http] [--no-reference] [--fast-match on|off] [--json OUT.json]

Given a JSONL corpus (from bench/corpus.py) it builds the index with `build_index` over the JSONL
plus a folder of 100 one-article JSON files (so `update` has 100 files to change), timing the
rebuild end to end (discovery, loading, normalising, indexing, verification, swap), then edits the
100 files and times `update_index`. A finished build is reused by later runs unless `--rebuild`.
Given an index directory it measures searching only.

Each query class (common term, rare term, two-term AND, phrase, field query, empty query newest
first) runs `--reps` times, cycling over its queries, through `LiveIndex(index).backend().search`
and through `GET /api/search` of a real `newsindex serve` process (keep-alive HTTP/1.1), and
through SQLite FTS5 and tantivy doing the same work (bench/reference.py). The engines run
interleaved query by query, so noise on this shared machine falls on all of them alike. Every
request is a full one: the backend's default SearchQuery (10 hits, 3 snippets each, every facet
and the month histogram). Cold start is measured in fresh processes.

`--fast-match off` measures the fallback path: Whoosh's own matchers, as searches run when the
fence around Whoosh's internals fails its check (README, "Upgrading whoosh3"); it sets
NEWSINDEX_FAST_MATCH=0 for this process, the server and the cold starts alike.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reference import BenchQuery, Fts5Engine, TantivyEngine, timed_build  # noqa: E402

from indexer.backends.base import SearchQuery  # noqa: E402
from indexer.backends.whoosh.positions import SUFFIX as POSITIONS_SUFFIX  # noqa: E402
from indexer.live import LiveIndex  # noqa: E402
from indexer.pipeline import build_index, update_index  # noqa: E402
from indexer.store import IndexStore  # noqa: E402

UPDATE_FILES = 100
MISSPELT_REPS = 20
CLK_TCK = os.sysconf("SC_CLK_TCK")


def _q(words: list[str]) -> list[BenchQuery]:
    """Plain queries: every word required, in title or body."""
    out = []
    for text in words:
        terms = text.split()
        out.append(
            BenchQuery(
                whoosh=text,
                fts5="{title body} : (" + " AND ".join(terms) + ")",
                tantivy=" ".join(f"+{t}" for t in terms),
            )
        )
    return out


def _phrases(phrases: list[str]) -> list[BenchQuery]:
    """Exact phrases in title or body."""
    return [BenchQuery(f'"{p}"', f'{{title body}} : "{p}"', f'"{p}"') for p in phrases]


def _fields(pairs: list[tuple[str, str]]) -> list[BenchQuery]:
    """One word in one field."""
    return [BenchQuery(f"{f}:{w}", f"{f} : {w}", f"{f}:{w}") for f, w in pairs]


# Document frequencies in the 100k corpus (seed 1) are in bench/README.md.
QUERY_CLASSES: dict[str, list[BenchQuery]] = {
    "common term": _q("company year pct bank stock billion market shares sales government".split()),
    "rare term": _q(
        "bakers poisonous professors childless payphone grievances addictive safari "
        "supernatural bacterial".split()
    ),
    "two-term AND": _q(
        [
            "oil prices",
            "interest rates",
            "trade deficit",
            "stock market",
            "bank profit",
            "government tax",
            "dollar yen",
            "election labour",
            "film music",
            "sales growth",
        ]
    ),
    "phrase": _phrases(
        [
            "oil prices",
            "interest rates",
            "trade deficit",
            "stock exchange",
            "prime minister",
            "federal reserve",
            "central bank",
            "west germany",
            "mln dlrs",
            "net profit",
        ]
    ),
    "field query": _fields(
        [
            ("source", "reuters"),
            ("source", "bbc"),
            ("title", "oil"),
            ("title", "bank"),
            ("title", "profit"),
            ("title", "film"),
            ("title", "shares"),
            ("title", "election"),
            ("title", "dollar"),
            ("dateline", "tokyo"),
        ]
    ),
    "empty, newest first": [BenchQuery("", None, None, sort="newest")],
    # Not in issue 7's list: a query that finds (almost) nothing triggers "did you mean".
    "misspelt (did-you-mean)": _q(
        "goverment inflaton earnigns petrolium bussiness".split() + ["oil pricse"]
    ),
}
# Goals of issue 7 on the API p95 (ms) per class; the rest share the full-request goal.
P95_GOAL = {"common term": 60.0, "phrase": 150.0}
FULL_REQUEST_GOAL = 100.0


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of values."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def summary(ms: list[float]) -> dict[str, float]:
    """p50, p95, mean and count of millisecond timings."""
    return {
        "p50": statistics.median(ms),
        "p95": pct(ms, 95),
        "mean": statistics.fmean(ms),
        "max": max(ms),
        "n": len(ms),
    }


def normaliser_version() -> dict[str, str]:
    """Which normaliser is measured: a hash of indexer/normalize/ and its first docstring line."""
    files = sorted((ROOT / "indexer" / "normalize").glob("*.py"))
    digest = hashlib.sha1()
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    init = (ROOT / "indexer" / "normalize" / "__init__.py").read_text()
    doc = init.split('"""')[1].strip().splitlines()[0] if '"""' in init else ""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h", "--", "indexer/normalize"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {"sha1": digest.hexdigest()[:12], "doc": doc, "commit": commit or "uncommitted"}


def code_version() -> str:
    """A hash of every Python file under indexer/ and webapp/ (the code being measured)."""
    digest = hashlib.sha1()
    for path in sorted([*(ROOT / "indexer").rglob("*.py"), *(ROOT / "webapp").rglob("*.py")]):
        digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def machine() -> dict[str, Any]:
    """CPU model, cores, memory and load of this machine."""
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": round(int(mem) / 2**20, 1),
        "python": platform.python_version(),
        "loadavg": os.getloadavg(),
    }


# Building


def write_update_files(corpus: Path, folder: Path) -> None:
    """100 one-article JSON files, copies of the corpus's last articles under new ids."""
    folder.mkdir(parents=True, exist_ok=True)
    with corpus.open(encoding="utf-8") as fh:
        tail = fh.readlines()[-UPDATE_FILES:]
    for n, line in enumerate(tail):
        record = json.loads(line)
        record["id"] = f"{record['id']}-file"
        (folder / f"article-{n:03d}.json").write_text(json.dumps(record), encoding="utf-8")


def touch_update_files(folder: Path, round_no: int) -> None:
    """Change every update file (a sentence added to the body) so `update` re-reads it."""
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record["body"] = record["body"].split("\n\nCorrected")[0] + f"\n\nCorrected ({round_no})."
        path.write_text(json.dumps(record), encoding="utf-8")


def cpu_with_children() -> float:
    """CPU seconds of this process and of its finished child processes."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def max_bytes(corpus: Path) -> int:
    """The file size limit to pass: the corpus is one JSONL, larger than the 5 MiB default."""
    return max(corpus.stat().st_size + 1, 5 * 1024 * 1024)


def build(corpus: Path, work: Path, rebuild: bool) -> dict[str, Any]:
    """Build the index (or reuse the last build of this corpus) and time an update."""
    index_dir = work / "index"
    updates = work / "updates"
    stamp = {"corpus": str(corpus), "bytes": corpus.stat().st_size, "mtime": corpus.stat().st_mtime}
    info_path = work / "build.json"
    info: dict[str, Any] = json.loads(info_path.read_text()) if info_path.exists() else {}
    if rebuild or info.get("stamp") != stamp or not (index_dir / "CURRENT").exists():
        shutil.rmtree(index_dir, ignore_errors=True)
        shutil.rmtree(updates, ignore_errors=True)
        write_update_files(corpus, updates)
        print(f"rebuilding {corpus} ... (minutes)", flush=True)
        started, cpu_started = time.perf_counter(), cpu_with_children()
        report = build_index([str(corpus), str(updates)], index_dir, max_bytes=max_bytes(corpus))
        seconds = time.perf_counter() - started
        cpu_seconds = cpu_with_children() - cpu_started  # the writer's processes included
        info = {
            "stamp": stamp,
            "normaliser": normaliser_version(),
            "code": code_version(),
            "indexed": report.indexed,
            "skipped": len(report.skipped),
            "seconds": seconds,
            "rate": report.indexed / seconds,
            "cpu_seconds": cpu_seconds,
            "cpu_rate": report.indexed / cpu_seconds,
            "loadavg": os.getloadavg(),
            "index_bytes": IndexStore(index_dir).size_bytes(),
            "built_at": time.strftime("%Y-%m-%d %H:%M"),
            "rebuilt_now": True,
        }
        print(
            f"rebuilt {report.indexed} articles in {seconds:.1f} s = {info['rate']:.0f}/s",
            flush=True,
        )
    else:
        info["rebuilt_now"] = False
        print(f"reusing the index built {info['built_at']} ({info['indexed']} articles)")
        if info.get("code") != code_version():
            print("  note: indexer/ or webapp/ changed since; --rebuild to measure the new code")
    info_path.write_text(json.dumps(info, indent=1))
    return info


def time_update(corpus: Path, work: Path) -> dict[str, Any]:
    """Change the 100 one-article files and time `update_index` (it adds a generation)."""
    index_dir, updates = work / "index", work / "updates"
    info_path = work / "build.json"
    info = json.loads(info_path.read_text())
    round_no = int(info.get("update_rounds", 0)) + 1
    touch_update_files(updates, round_no)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = update_index([str(corpus), str(updates)], index_dir, max_bytes=max_bytes(corpus))
    info["update"] = {
        "files": UPDATE_FILES,
        "indexed": report.indexed,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "loadavg": os.getloadavg(),
    }
    info["update_rounds"] = round_no
    info["index_bytes_after_update"] = IndexStore(index_dir).size_bytes()
    print(f"update of {report.indexed} changed files: {info['update']['seconds']:.2f} s")
    info_path.write_text(json.dumps(info, indent=1))
    return info["update"]


def save_postings(index_dir: Path) -> dict[str, Any]:
    """Save the postings and positions of segments lacking them (an index built before them).

    A build or update of this code writes them with each new segment; an older index gets them
    here once, timed, so that the update and the searches measured next are the code's own.
    """
    generation = IndexStore(index_dir).current()
    live = LiveIndex(index_dir)
    try:
        backend = live.backend()
        with backend._readers.reading() as searcher:  # which segments lack them
            leaves = [leaf for leaf, _ in searcher.reader().leaf_readers() if leaf.doc_count_all()]
            missing = sum(backend._positions.segment(leaf) is None for leaf in leaves)
        started, cpu_started = time.perf_counter(), time.process_time()
        backend.write_caches()  # only what is missing is written
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    finally:
        live.close()
    saved = sum(p.stat().st_size for p in generation.glob(f"*{POSITIONS_SUFFIX}"))
    info = {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "loadavg": os.getloadavg(),
        "bytes": saved,
        "index_bytes": IndexStore(index_dir).size_bytes(),
        "segments": len(leaves),
        "written": missing,
    }
    print(
        f"saved postings: {saved / 1e6:.0f} MB of {info['index_bytes'] / 1e6:.0f} MB"
        f" ({seconds:.1f} s to write what was missing, {cpu:.1f} s CPU)",
        flush=True,
    )
    return info


def build_reference(work: Path, index_dir: Path) -> dict[str, Any]:
    """Build the FTS5 and tantivy indexes from the project's normalised articles (or reuse)."""
    info_path = work / "reference.json"
    engines: dict[str, Any] = {"fts5": Fts5Engine(work / "fts5.db")}
    try:
        engines["tantivy"] = TantivyEngine(work / "tantivy")
    except ImportError:
        print("tantivy is not installed (pip install -e '.[bench]'): measuring without it")
    stamp = (work / "build.json").read_text() if (work / "build.json").exists() else str(index_dir)
    stamp = (
        hashlib.sha1(json.loads(stamp).get("built_at", "").encode()).hexdigest()
        if (work / "build.json").exists()
        else stamp
    )
    if info_path.exists():
        saved = json.loads(info_path.read_text())
        if saved.get("stamp") == stamp:
            return {"engines": engines, "builds": saved["builds"]}
    backend = LiveIndex(index_dir).backend()
    articles = list(backend.iter_articles())
    builds = {}
    for name, engine in engines.items():
        print(f"building {name} over {len(articles)} articles ...", flush=True)
        builds[name] = timed_build(engine, articles)
        print(f"  {builds[name]['rate']:.0f}/s, {builds[name]['bytes'] / 1e6:.0f} MB", flush=True)
    info_path.write_text(json.dumps({"stamp": stamp, "builds": builds}, indent=1))
    return {"engines": engines, "builds": builds}


# Serving


class Server:
    """A `newsindex serve` subprocess on a free loopback port."""

    def __init__(self, index_dir: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        # PYTHONPATH: serve the code this script measures (the repository it lies in).
        env = {**os.environ, "NEWSINDEX_INDEX_DIR": str(index_dir), "PYTHONPATH": str(ROOT)}
        exe = Path(sys.executable).parent / "newsindex"
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [str(exe), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.listening_s = self._wait()
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def _wait(self) -> float:
        """Seconds from spawn until the port accepts connections."""
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"newsindex serve exited: {self.proc.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.01)
        raise RuntimeError("newsindex serve did not start listening within 60 s")

    def get(self, q: BenchQuery) -> tuple[float, dict[str, Any]]:
        """Milliseconds for one GET /api/search (until the body is read), and its JSON."""
        params = {"q": q.whoosh}
        if q.sort != "relevance":
            params["sort"] = q.sort
        started = time.perf_counter()
        self.conn.request("GET", "/api/search?" + urlencode(params))
        resp = self.conn.getresponse()
        body = resp.read()
        ms = (time.perf_counter() - started) * 1000
        if resp.status != 200:
            raise RuntimeError(f"/api/search answered {resp.status}: {body[:300]!r}")
        return ms, json.loads(body)

    def cpu_ticks(self) -> int:
        """User plus system CPU ticks the serving process has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def memory(self) -> dict[str, float]:
        """Peak and current resident memory of the serving process, MB."""
        status = Path(f"/proc/{self.proc.pid}/status").read_text().splitlines()
        wanted = ("VmHWM", "VmRSS")
        kb = {line[:5]: int(line.split()[1]) for line in status if line[:5] in wanted}
        return {"peak_rss_mb": kb["VmHWM"] / 1024, "rss_mb": kb["VmRSS"] / 1024}

    def stop(self) -> None:
        """Stop the server."""
        self.conn.close()
        self.proc.terminate()
        self.proc.wait(timeout=30)


COLD_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from indexer.backends.base import SearchQuery
from indexer.live import LiveIndex
t1 = time.perf_counter()
backend = LiveIndex({index!r}).backend()
t2 = time.perf_counter()
backend.search(SearchQuery(text={text!r}))
t3 = time.perf_counter()
backend.search(SearchQuery(text={text!r}))
t4 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "open_s": t2 - t1, "first_search_s": t3 - t2,
                  "second_search_s": t4 - t3}}))
"""


def cold_backend(index_dir: Path, text: str, runs: int = 3) -> dict[str, float]:
    """Open + first search in fresh processes (median of `runs`); page cache is warm."""
    results = []
    for _ in range(runs):
        script = COLD_SCRIPT.format(root=str(ROOT), index=str(index_dir), text=text)
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def cold_http(index_dir: Path, q: BenchQuery, runs: int = 3) -> dict[str, float]:
    """Spawn `newsindex serve`, time until it listens and its first search (median of runs)."""
    results = []
    for _ in range(runs):
        server = Server(index_dir)
        first_ms, _ = server.get(q)
        second_ms, _ = server.get(q)
        results.append(
            {
                "listening_s": server.listening_s,
                "first_search_s": first_ms / 1000,
                "spawn_to_first_result_s": server.listening_s + first_ms / 1000,
                "second_search_s": second_ms / 1000,
            }
        )
        server.stop()
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


# Measuring


def run_queries(
    index_dir: Path,
    reps: int,
    http: bool,
    engines: dict[str, Any],
    class_budget: float = 600.0,
    classes: dict[str, list[BenchQuery]] = QUERY_CLASSES,
) -> dict[str, dict[str, Any]]:
    """Every class `reps` times through each engine, interleaved query by query.

    Wall time is what a user waits; CPU time (of this process, or of the server for the API)
    is what the work costs, and is far less disturbed by other jobs on a shared machine.
    """
    backend = LiveIndex(index_dir).backend()
    server = Server(index_dir) if http else None
    for engine in engines.values():
        engine.open()
    out: dict[str, dict[str, Any]] = {}

    def timed(label: str, call: Any, wall: dict[str, list[float]], cpu: dict[str, list[float]]):
        """Run `call`, recording its wall and CPU milliseconds under `label`."""
        started, cpu_started = time.perf_counter(), time.process_time()
        result = call()
        wall[label].append((time.perf_counter() - started) * 1000)
        cpu[label].append((time.process_time() - cpu_started) * 1000)
        return result

    try:
        # One warm-up pass of every query on every engine (the cold start is measured apart).
        for queries in classes.values():
            for q in queries:
                backend.search(SearchQuery(text=q.whoosh, sort=q.sort))
                if server:
                    server.get(q)
                for engine in engines.values():
                    engine.search(q)
        for name, queries in classes.items():
            labels = ["whoosh", *engines]
            wall: dict[str, list[float]] = {k: [] for k in [*labels, "api", "api_minus_took"]}
            cpu: dict[str, list[float]] = {k: [] for k in labels}
            totals: dict[str, dict[str, int]] = {}
            server_ticks = server.cpu_ticks() if server else 0
            class_started = time.perf_counter()
            # Corrections cost seconds each on 100k articles: fewer runs keep the bench short.
            runs = min(reps, MISSPELT_REPS) if name.startswith("misspelt") else reps
            for i in range(runs):
                if time.perf_counter() - class_started > class_budget:
                    print(f"  {name}: stopped after {i} runs ({class_budget:.0f} s budget)")
                    break
                q = queries[i % len(queries)]
                sq = SearchQuery(text=q.whoosh, sort=q.sort)
                results = timed("whoosh", lambda sq=sq: backend.search(sq), wall, cpu)
                # Story grouping may show fewer hits than matches; never more than a page.
                assert len(results.hits) <= min(10, results.total)
                seen = totals.setdefault(q.whoosh or "(empty)", {"whoosh": results.total})
                if server:
                    ms, data = server.get(q)
                    wall["api"].append(ms)
                    # The same request's own backend time, measured inside the server.
                    wall["api_minus_took"].append(ms - data["took_ms"])
                    assert data["total"] == results.total
                for ename, engine in engines.items():
                    ref = timed(ename, lambda e=engine, q=q: e.search(q), wall, cpu)
                    seen[ename] = ref["total"]
            out[name] = {
                "times": {k: summary(v) for k, v in wall.items() if v},
                "cpu": {k: summary(v) for k, v in cpu.items() if v},
                "totals": totals,
            }
            if server and wall["api"]:
                ticks = server.cpu_ticks() - server_ticks
                out[name]["api_cpu_mean_ms"] = ticks * 1000 / CLK_TCK / len(wall["api"])
            line = "  ".join(
                f"{k} p50 {s['p50']:.1f} p95 {s['p95']:.1f}" for k, s in out[name]["times"].items()
            )
            print(f"{name:>20}: {line}", flush=True)
            line = "  ".join(
                f"{k} p50 {s['p50']:.1f} p95 {s['p95']:.1f}" for k, s in out[name]["cpu"].items()
            )
            print(f"{'(CPU ms)':>20}: {line}", flush=True)
        if server:
            out["_server"] = server.memory()
    finally:
        if server:
            server.stop()
        for engine in engines.values():
            engine.close()
    return out


def main(argv: list[str] | None = None) -> int:
    """Build or reuse, measure, print, and write the results as JSON."""
    # A killed bench still stops its `newsindex serve` (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("target", type=Path, help="corpus JSONL, or an index directory")
    parser.add_argument("--work", type=Path, help="where indexes go (default: beside the JSONL)")
    parser.add_argument("--reps", type=int, default=100, help="runs per query class")
    parser.add_argument("--rebuild", action="store_true", help="rebuild even if a build exists")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP API")
    parser.add_argument("--no-reference", action="store_true", help="skip FTS5 and tantivy")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument(
        "--class-budget", type=float, default=600.0, help="seconds at most per query class"
    )
    parser.add_argument(
        "--classes", help="comma-separated query classes to run (default: all of them)"
    )
    parser.add_argument(
        "--fast-match",
        choices=("on", "off"),
        default="on",
        help="off: measure the fallback (Whoosh's own matchers, NEWSINDEX_FAST_MATCH=0)",
    )
    parser.add_argument(
        "--backend",
        choices=("whoosh", "xapian"),
        default="whoosh",
        help="xapian: Whoosh against Xapian, local and remote shards (bench/backends.py)",
    )
    parser.add_argument("--shards", type=int, default=2, help="Xapian shards (--backend xapian)")
    parser.add_argument("--whoosh-index", type=Path, help="an existing Whoosh index to compare")
    parser.add_argument("--report", type=Path, help="Markdown report (--backend xapian)")
    parser.add_argument(
        "--one-shard",
        action="store_true",
        help="--backend xapian: also a one-shard Xapian index (WORK/xapian-1-shards), in the run",
    )
    parser.add_argument(
        "--no-remote",
        action="store_true",
        help="--backend xapian: leave out the remote shards (served by xapian-tcpsrv)",
    )
    parser.add_argument(
        "--no-remote-spies",
        action="store_true",
        help="--backend xapian: remote shards counted by count servers only, not also by spies",
    )
    parser.add_argument(
        "--no-spies",
        action="store_true",
        help="--backend xapian: leave out the match-spies engine (the counting before columns)",
    )
    args = parser.parse_args(argv)
    if args.backend == "xapian":
        return compare_backends(args)
    if args.fast_match == "off":
        os.environ["NEWSINDEX_FAST_MATCH"] = "0"  # read when an index is first searched

    results: dict[str, Any] = {"machine": machine(), "date": time.strftime("%Y-%m-%d %H:%M")}
    if args.target.is_dir():
        index_dir = args.target
        work = args.work or index_dir.parent / "bench-work"
        work.mkdir(parents=True, exist_ok=True)
        results["build"] = None
    else:
        work = args.work or args.target.with_suffix("").with_name(args.target.stem + "-bench")
        work.mkdir(parents=True, exist_ok=True)
        index_dir = work / "index"
        results["build"] = build(args.target, work, args.rebuild)
    results["saved_postings"] = save_postings(index_dir)
    if results["build"]:
        results["build"]["update"] = time_update(args.target, work)
    results["normaliser_now"] = normaliser_version()
    results["code_now"] = code_version()
    results["articles"] = LiveIndex(index_dir).backend().count()
    results["engine"] = LiveIndex(index_dir).backend().status()
    print(f"engine: {results['engine']}", flush=True)
    engines: dict[str, Any] = {}
    if not args.no_reference:
        ref = build_reference(work, index_dir)
        engines = ref["engines"]
        results["reference_builds"] = ref["builds"]
    print("cold start ...", flush=True)
    first = QUERY_CLASSES["common term"][0]
    results["cold_backend"] = cold_backend(index_dir, first.whoosh)
    if not args.no_http:
        results["cold_http"] = cold_http(index_dir, first)
    print(f"searching ({args.reps} runs per class) ...", flush=True)
    classes = QUERY_CLASSES
    if args.classes:
        wanted = [name.strip() for name in args.classes.split(",")]
        unknown = [name for name in wanted if name not in QUERY_CLASSES]
        if unknown:
            parser.error(f"unknown classes {unknown}; known: {', '.join(QUERY_CLASSES)}")
        classes = {name: QUERY_CLASSES[name] for name in wanted}
    measured = run_queries(
        index_dir, args.reps, not args.no_http, engines, args.class_budget, classes
    )
    results["server_memory"] = measured.pop("_server", None)
    results["classes"] = measured
    results["machine"]["loadavg_after"] = os.getloadavg()
    out = args.json or work / "results.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"results: {out}")
    return 0


def compare_backends(args: argparse.Namespace) -> int:
    """`--backend xapian`: Whoosh and Xapian (local and remote shards) in the same run."""
    import backends

    work = args.work or args.target.with_suffix("").with_name(args.target.stem + "-bench")
    results = backends.run(
        args.target,
        work,
        args.reps,
        QUERY_CLASSES,
        args.whoosh_index,
        args.shards,
        one_shard=args.one_shard,
        spies=not args.no_spies,
        remote_shards=not args.no_remote,
        remote_spies=not args.no_remote_spies,
    )
    results["machine"] = machine()
    out = args.json or work / "xapian-results.json"
    out.write_text(json.dumps(results, indent=1))
    report = backends.markdown(results, args.target)
    (args.report or work / "XAPIAN.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
