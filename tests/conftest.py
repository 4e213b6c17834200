"""Shared fixtures: real indexes built from seeds/ and tests/data/, the app, client and runner."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from indexer.pipeline import build_index
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"
# The engines a module that sets BOTH_ENGINES = True runs on (its tests once per engine);
# NEWSINDEX_TEST_ENGINES=whoosh narrows every run to one.
ENGINES = tuple(
    e for e in os.environ.get("NEWSINDEX_TEST_ENGINES", "whoosh,xapian").split(",") if e
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the tests of modules marked BOTH_ENGINES once per search engine.

    A module's DEFAULT_ENGINE_ONLY names tests that run once, on the default engine (those
    driving a bench script, which builds and serves with the default engine).
    """
    module = metafunc.module
    if (
        "engine_name" in metafunc.fixturenames
        and getattr(module, "BOTH_ENGINES", False)
        and metafunc.function.__name__ not in getattr(module, "DEFAULT_ENGINE_ONLY", ())
    ):
        metafunc.parametrize("engine_name", ENGINES, scope="session")


@pytest.fixture(scope="session")
def engine_name() -> str:
    """The search engine of the indexes and apps a test uses (whoosh unless parametrized)."""
    return ENGINES[0]


@pytest.fixture(autouse=True)
def _engine_for_the_cli(engine_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The console script run by a test uses the test's engine (NEWSINDEX_BACKEND)."""
    monkeypatch.setenv("NEWSINDEX_BACKEND", engine_name)


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding copies of the seeds and the test articles (as `seeds/`, `articles/`)."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(ARTICLES, root / "articles")
    return root


@pytest.fixture(scope="session")
def _built_indexes() -> dict[str, Path]:
    """The indexes built_index made in this session, by engine."""
    return {}


@pytest.fixture(scope="module")
def built_index(
    corpus_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    engine_name: str,
    _built_indexes: dict[str, Path],
) -> Path:
    """One index over seeds and test articles, built once per engine for read-only tests.

    Module-scoped over a session cache: a session fixture depending on the parametrized
    engine would be handed, in a module that is not parametrized, the last engine's index.
    """
    if engine_name not in _built_indexes:
        index_dir = tmp_path_factory.mktemp(f"index-{engine_name}") / "index"
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(corpus_dir)  # labels read `seeds/…` as a user in the project folder sees
            build_index(["seeds", "articles"], index_dir, backend=engine_name)
        _built_indexes[engine_name] = index_dir
    return _built_indexes[engine_name]


SCRIPT = Path(sys.executable).with_name("newsindex")  # the installed console script


def free_port(host: str = "127.0.0.1") -> int:
    """A free TCP port on a loopback address."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def run_cli(
    args: list[str], cwd: Path, index_dir: Path, *, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the installed `newsindex` console script as a user does, on its own index folder."""
    environ = {**os.environ, "NEWSINDEX_INDEX_DIR": str(index_dir), **env}
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def serving(
    index_dir: Path, *options: str, probe: str = "/api/search?q=x", **env: str
) -> Iterator[str]:
    """`newsindex serve` on a free port, answering `probe`, until the block ends: its URL."""
    port = free_port()
    proc = subprocess.Popen(
        [str(SCRIPT), "serve", "--port", str(port), *options],
        env={**os.environ, "NEWSINDEX_INDEX_DIR": str(index_dir), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + probe, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def close_app(app: Flask) -> None:
    """Close the app's open index (tests run with ResourceWarning as an error)."""
    live = app.extensions.get("newsindex")
    if live is not None:
        live.close()


@pytest.fixture
def app(built_index: Path, engine_name: str) -> Iterator[Flask]:
    """The app over the shared read-only index."""
    application = create_app({"TESTING": True, "INDEX_DIR": built_index, "BACKEND": engine_name})
    yield application
    close_app(application)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the shared app."""
    return app.test_client()


@pytest.fixture
def empty_app(tmp_path: Path, engine_name: str) -> Iterator[Flask]:
    """An app whose index directory holds nothing yet."""
    application = create_app(
        {"TESTING": True, "INDEX_DIR": tmp_path / "index", "BACKEND": engine_name}
    )
    yield application
    close_app(application)


@pytest.fixture
def runner(empty_app: Flask) -> FlaskCliRunner:
    """A CLI runner on an app with its own empty index directory."""
    return empty_app.test_cli_runner()


class ShardServers:
    """`xapian-tcpsrv` (or `xapian-replicate-server`) processes of a test, each on a free port."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.ports: dict[str, int] = {}

    def start(self, name: str, database: Path, program: str = "xapian-tcpsrv") -> int:
        """Serve a shard folder under a name; returns its port once it accepts connections."""
        port = free_port()
        argv = [program, "--interface", "127.0.0.1", "--port", str(port), str(database)]
        return self._launch(name, argv, port)

    def start_counts(self, name: str, folder: Path) -> int:
        """A count server (`newsindex serve-counts`) on a shard folder; returns its port."""
        port = free_port()
        newsindex = str(Path(sys.executable).with_name("newsindex"))
        argv = [newsindex, "serve-counts", str(folder), "--port", str(port)]
        return self._launch(name, argv, port)

    def _launch(self, name: str, argv: list[str], port: int) -> int:
        """Start a server; returns its port once it accepts connections."""
        log = open(self.root / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # Its own session: on SIGTERM xapian-tcpsrv signals its whole process group, and the
            # children serving connections die with the group (a dead machine drops them all).
            start_new_session=True,
        )
        log.close()
        self.procs[name], self.ports[name] = proc, port
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return port
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.05)
        raise RuntimeError(f"{argv[0]} for {name} did not start: {proc.returncode}")

    def address(self, name: str) -> str:
        """host:port of a server."""
        return f"127.0.0.1:{self.ports[name]}"

    def kill(self, name: str) -> None:
        """Stop one server at once (as a machine that dies)."""
        proc = self.procs[name]
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self) -> None:
        """Stop every server."""
        for proc in self.procs.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # the server and its connection children
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def sharded_index(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Xapian index of seeds and test articles in two shards (`rebuild --shards 2`)."""
    index_dir = tmp_path_factory.mktemp("sharded") / "index"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(corpus_dir)
        build_index(["seeds", "articles"], index_dir, backend="xapian", shards=2)
    return index_dir


@pytest.fixture
def seed_shards(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, ShardServers]]:
    """The seeds in two Xapian shards (rebuilt by the test as it likes, from `corpus_dir`), each
    served by xapian-tcpsrv on its `serving/shard-N` link: the index folder and the servers."""
    index_dir = tmp_path / "index"
    monkeypatch.chdir(corpus_dir)
    build_index(["seeds"], index_dir, backend="xapian", shards=2)
    servers = ShardServers(tmp_path)
    try:
        for n in range(2):
            servers.start(f"shard-{n}", index_dir / "serving" / f"shard-{n}")
        yield index_dir, servers
    finally:
        servers.stop()


@pytest.fixture
def shard_servers(sharded_index: Path, tmp_path: Path) -> Iterator[ShardServers]:
    """Two shards served by xapian-tcpsrv, shard 0 with a replica made by xapian-replicate."""
    if shutil.which("xapian-tcpsrv") is None:
        pytest.fail("xapian-tcpsrv is missing: apt-get install xapian-tools (make install-test)")
    serving = sharded_index / "serving"
    replica = tmp_path / "replica-shard-0"
    servers = ShardServers(tmp_path)
    try:
        # The replica is copied as docs/scaling.md describes: xapian-replicate-server on the
        # built index's serving links, xapian-replicate (one pass) on the replica's machine.
        port = servers.start("replication", serving, program="xapian-replicate-server")
        subprocess.run(
            ["xapian-replicate", "--host", "127.0.0.1", "--port", str(port)]
            + ["--master", "shard-0", "--one-shot", str(replica)],
            check=True,
            capture_output=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        servers.start("shard-0", serving / "shard-0")
        servers.start("shard-0-replica", replica)
        servers.start("shard-1", serving / "shard-1")
        yield servers
    finally:
        servers.stop()
