"""Nothing lost under faults: kill -9 during a rebuild, swaps under load, one writer, and a
damaged or missing index answering 503 (never 500) and recovering with `newsindex rebuild`."""

from __future__ import annotations

import csv
import gc
import importlib.util
import io
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.pipeline import build_index, update_index
from indexer.store import CURRENT, IndexStore
from webapp import create_app

from .conftest import ROOT, SEEDS, close_app

pytestmark = pytest.mark.slow
BOTH_ENGINES = True
# The bench scripts build, serve and check with the default engine (Whoosh).
DEFAULT_ENGINE_ONLY = {
    "test_kills_and_ctrl_c_around_the_swap_never_leave_an_unreadable_index",
    "test_searches_during_rebuilds_all_succeed_and_see_each_swap",
    "test_wrk_reports_are_read_right",
    "test_the_load_bench_serves_a_short_run_without_errors",
}

SCRIPT = Path(sys.executable).parent / "newsindex"


def _bench(name: str):
    """Import a bench script as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The benches, at small sizes (the full runs print figures; see bench/*.py).


def test_kills_and_ctrl_c_around_the_swap_never_leave_an_unreadable_index(tmp_path):
    crash_test = _bench("crash_test")
    figures = crash_test.run(tmp_path, points=2, articles=40, seed=7)
    assert figures["unreadable"] == 0, figures["problems"]
    assert set(figures["modes"]) == {"kill-rebuild", "kill-update", "sigint-swap"}
    for mode in figures["modes"].values():
        assert mode["old"] + mode["new"] == 2
    assert figures["modes"]["sigint-swap"]["interrupted_at_swap"] >= 1
    assert figures["lock_stuck"] == 0  # flock dies with its holder: no stale lock
    assert figures["after_next_rebuild"]["generations"] <= 2  # the next build prunes leftovers


def test_searches_during_rebuilds_all_succeed_and_see_each_swap(tmp_path):
    under_load = _bench("rebuild_under_load")
    figures = under_load.run(tmp_path, rebuilds=2, clients=2, articles=40, seed=7)
    assert figures["rebuild_exit_codes"] == {0: 2}
    assert figures["non_2xx"] == 0 and figures["failed_connections"] == 0, figures["examples"]
    assert figures["requests"] > 0
    # The serving process follows CURRENT: the first request after each swap sees it.
    assert figures["served_after_each_rebuild"] == [44, 40]


WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:5000
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   362.13ms   80.21ms    1.05s    75.00%
    Req/Sec     5.20      2.10    10.00     70.00%
  Latency Distribution
     50%  360.33ms
     75%  400.00ms
     90%  500.00ms
     99%  812.00us
  32 requests in 3.06s, 512.00KB read
  Socket errors: connect 0, read 1, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:     10.46
Transfer/sec:    167.32KB
"""


def test_wrk_reports_are_read_right():
    figures = _bench("load").parse_wrk(WRK_OUTPUT)
    assert figures == {
        "requests": 32,
        "requests_per_second": 10.46,
        "p50_ms": 360.33,
        "p75_ms": 400.0,
        "p90_ms": 500.0,
        "p99_ms": 0.81,
        "max_ms": 1050.0,
        "non_2xx": 2,
        "socket_errors": 4,
    }


def test_the_load_bench_serves_a_short_run_without_errors(tmp_path):
    load = _bench("load")
    figures = load.run(
        tmp_path,
        corpora=None,
        synthetic=60,
        duration=1,
        connections=2,
        server_threads=2,
        tool="auto",  # wrk when the Debian package is installed, else the Python client
    )
    assert figures["articles_indexed"] == 60
    assert figures["requests"] > 0
    assert figures["errors"] == 0, figures
    assert figures["statuses_after"] == {200: len(load.PATHS)}


# One writer at a time, for real: two `newsindex rebuild` processes.


def _env(index_dir: Path) -> dict[str, str]:
    """The environment pointing the console script at an index."""
    return {**os.environ, "NEWSINDEX_INDEX_DIR": os.fspath(index_dir)}


def test_two_rebuilds_at_once_one_builds_and_the_other_exits_75(tmp_path, engine_name):
    workload = _bench("workload")
    workload.write_synthetic(tmp_path / "feed" / "feed.jsonl", 150)
    index_dir = tmp_path / "index"
    for _attempt in range(3):
        # Started together, both reach the lock after the same imports; the loser must find
        # it held and leave at once. If one was so late that the other had finished (no
        # overlap: both exit 0), there was nothing to test, so try again.
        procs = [
            subprocess.Popen(
                [SCRIPT, "rebuild", "feed"],
                cwd=tmp_path,
                env=_env(index_dir),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(*p.communicate(timeout=300), p.returncode) for p in procs]
        results = [(code, out, err) for out, err, code in results]
        codes = sorted(code for code, _out, _err in results)
        if codes != [0, 0]:
            break
    assert codes == [0, 75], results
    (_, out, _), (_, _, err) = sorted(results, key=lambda r: r[0])
    assert "Rebuilt: 150 articles indexed" in out
    assert "Another rebuild or update is running" in err and "Traceback" not in err
    app = _app(index_dir, engine_name)
    try:
        assert app.test_client().get("/api/search").get_json()["total"] == 150
    finally:
        close_app(app)


# A damaged or missing index: 503 with the error shape, `stats` fails, rebuild recovers.


@pytest.fixture(scope="module")
def good_index(tmp_path_factory, engine_name) -> Path:
    """An index over the seeds, to be copied and damaged."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(SEEDS, root / "seeds")
    build_index([root / "seeds"], root / "index", backend=engine_name)
    return root / "index"


def _damage(index_dir: Path, kind: str) -> None:
    """Damage an index the way a full disk, a crash or a careless hand would.

    The "segment" of a Xapian index is its first shard's posting table, its "toc" the file
    naming the shard's revision (iamglass).
    """
    store = IndexStore(index_dir)
    generation = store.generations_dir / store.current_name()
    if (generation / "shard-0").is_dir():
        segment, toc = (
            generation / "shard-0" / "postlist.glass",
            generation / "shard-0" / "iamglass",
        )
    else:
        segment = next(generation.glob("*.seg"))
        toc = next(generation.glob("*.toc"))
    if kind == "segment truncated":
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])
    elif kind == "segment garbage":
        segment.write_bytes(os.urandom(segment.stat().st_size))
    elif kind == "segment tail garbage":
        data = bytearray(segment.read_bytes())
        data[-2048:] = os.urandom(2048)
        segment.write_bytes(bytes(data))
    elif kind == "segment missing":
        segment.unlink()
    elif kind == "toc garbage":
        toc.write_bytes(os.urandom(toc.stat().st_size))
    elif kind == "toc missing":
        toc.unlink()
    elif kind == "generation empty":
        shutil.rmtree(generation)
        generation.mkdir()
    elif kind == "CURRENT points nowhere":
        (index_dir / CURRENT).write_text("g-nowhere\n")
    elif kind == "CURRENT names ..":
        (index_dir / CURRENT).write_text("..\n")
    elif kind == "CURRENT names /":
        (index_dir / CURRENT).write_text("/\n")
    elif kind == "CURRENT is binary":
        (index_dir / CURRENT).write_bytes(b"\xff\xfe\x00\x9c")
    elif kind == "CURRENT is a folder":
        (index_dir / CURRENT).unlink()
        (index_dir / CURRENT).mkdir()
    elif kind == "index folder empty":
        shutil.rmtree(index_dir)
        index_dir.mkdir()
    elif kind == "no index folder":
        shutil.rmtree(index_dir)
    else:  # pragma: no cover
        raise ValueError(kind)


DAMAGE = [
    "segment truncated",
    "segment garbage",
    "segment tail garbage",
    "segment missing",
    "toc garbage",
    "toc missing",
    "generation empty",
    "CURRENT points nowhere",
    "CURRENT names ..",
    "CURRENT names /",
    "CURRENT is binary",
    "CURRENT is a folder",
    "index folder empty",
    "no index folder",
]


# Damage Xapian cannot see: the last 2 KiB of the posting table are free space in a small index.
UNSEEN = {"segment tail garbage"}


@pytest.fixture
def damaged(good_index, tmp_path, request) -> Path:
    """A copy of the good index with one kind of damage."""
    index_dir = tmp_path / "index"
    shutil.copytree(good_index, index_dir, symlinks=True)
    _damage(index_dir, request.param)
    return index_dir


def _app(index_dir: Path, engine_name: str):
    """An app on an index directory, searched by an engine."""
    return create_app({"TESTING": True, "INDEX_DIR": index_dir, "BACKEND": engine_name})


# Whoosh's CompoundStorage raises from __init__ without closing the segment file it opened, so
# the garbage collector closes it (at once, by reference counting: descriptors do not pile up)
# and says so with a ResourceWarning, which this suite would turn into an error. The backend
# closes what the final failure left open, but Whoosh's reader retries (index.py, a loop with
# sleep) and the attempts it swallows leak theirs before the backend sees any exception.
LEFT_TO_GC = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(autouse=True)
def _collect_leaks(request: pytest.FixtureRequest) -> Iterator[None]:
    """Collect what a LEFT_TO_GC test leaked inside it, not in whichever test runs next."""
    yield
    if request.node.get_closest_marker("filterwarnings"):
        gc.collect()


@LEFT_TO_GC
@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_a_damaged_index_answers_503_with_what_to_run(damaged, engine_name, request):
    app = _app(damaged, engine_name)
    try:
        client = app.test_client()
        if engine_name == "xapian" and request.node.callspec.params["damaged"] in UNSEEN:
            # Xapian's table blocks carry no checksum: garbage where no block is read goes
            # unseen, and the answers must then be the undamaged index's.
            assert client.get("/api/search?q=tiktok").get_json()["total"] == 5
            return
        for path in ("/api/search?q=tiktok", "/api/articles/x"):
            response = client.get(path)
            assert response.status_code == 503, (path, response.get_data(as_text=True))
            data = response.get_json()
            assert data["ok"] is False and data["status"] == 503
            assert "newsindex rebuild" in data["error"]
        for path in ("/?q=tiktok", "/article/x"):
            page = client.get(path)
            assert page.status_code == 503 and b"newsindex rebuild" in page.data, path
        result = app.test_cli_runner().invoke(args=["stats"])
        assert result.exit_code == 1 and "newsindex rebuild" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    finally:
        close_app(app)


RECOVERABLE = [
    "segment garbage",
    "toc missing",
    "CURRENT names /",
    "CURRENT is binary",
    "CURRENT is a folder",
    "no index folder",
]


@pytest.mark.parametrize("damaged", RECOVERABLE, indirect=True)
def test_newsindex_rebuild_recovers_a_damaged_index(damaged, tmp_path, monkeypatch, engine_name):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    app = _app(damaged, engine_name)
    try:
        result = app.test_cli_runner().invoke(args=["rebuild", "seeds"])
        assert result.exit_code == 0, result.output
        assert app.test_client().get("/api/search?q=tiktok").get_json()["total"] == 5
    finally:
        close_app(app)


@LEFT_TO_GC
@pytest.mark.parametrize("damaged", ["segment truncated", "toc missing"], indirect=True)
def test_update_on_a_damaged_index_says_to_rebuild(damaged, tmp_path, monkeypatch, engine_name):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    app = _app(damaged, engine_name)
    try:
        result = app.test_cli_runner().invoke(args=["update", "seeds"])
        assert result.exit_code == 1
        assert "newsindex rebuild" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    finally:
        close_app(app)


def test_a_swap_while_serving_is_picked_up_by_the_next_request(good_index, tmp_path, engine_name):
    index_dir = tmp_path / "index"
    shutil.copytree(good_index, index_dir, symlinks=True)
    app = _app(index_dir, engine_name)
    try:
        client = app.test_client()
        assert client.get("/api/search").get_json()["total"] == 5
        shutil.copytree(SEEDS, tmp_path / "two")
        for path in list((tmp_path / "two").iterdir())[2:]:
            path.unlink()
        build_index([tmp_path / "two"], index_dir, backend=engine_name)
        assert client.get("/api/search").get_json()["total"] == 2
        kept = sorted(p.name for p in IndexStore(index_dir).generations_dir.iterdir())
        assert len(kept) == 2  # the new generation and the previous one, for rollback
    finally:
        close_app(app)


def test_a_csv_export_streams_to_the_end_while_updates_swap_and_prune(tmp_path, engine_name):
    words = "cocoa harbour ferry grain tariff port strike ministry budget river".split()
    rng = random.Random(4)
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    with feed.open("w") as fh:
        for n in range(1_500):  # three export batches
            text = " ".join(rng.choice(words) + str(rng.randrange(10**6)) for _ in range(30))
            fh.write(json.dumps({"title": f"Item {n}", "date": "2025-01-15", "body": text}) + "\n")
    build_index([tmp_path / "in"], tmp_path / "index", backend=engine_name)
    app = _app(tmp_path / "index", engine_name)
    try:
        client = app.test_client()
        response = client.get("/api/search.csv", buffered=False)
        chunks = iter(response.response)
        lines = [next(chunks) for _ in range(100)]
        for n in range(2):  # each update swaps; the second prunes the export's generation
            (tmp_path / "in" / f"new{n}.txt").write_text(f"New {n}\n\nA new story {n} today.\n")
            update_index([tmp_path / "in"], tmp_path / "index", backend=engine_name)
            assert client.get("/?q=new").status_code == 200  # this process moves on too
        lines.extend(chunks)
        response.close()
        rows = list(csv.reader(io.StringIO(b"".join(lines).decode())))
        assert len(rows) == 1 + 1_500 and rows[-1][0]
        assert client.get("/api/search?q=new").get_json()["total"] == 2
    finally:
        close_app(app)
    store = IndexStore(tmp_path / "index")
    with store.lock():
        store.clear_leftovers()  # the export ended: its generation goes at the next build
    assert len(list(store.generations_dir.iterdir())) == 2
