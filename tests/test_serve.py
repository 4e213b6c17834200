"""`newsindex serve` as a user runs it: worker processes, CURRENT, slow clients, warnings."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from indexer.pipeline import build_index

from .conftest import SEEDS, free_port

pytestmark = pytest.mark.slow
BOTH_ENGINES = True

SCRIPT = Path(sys.executable).parent / "newsindex"
HOST = "127.0.0.1"
LINUX = sys.platform.startswith("linux")


def _get(port: int, path: str, timeout: float = 30) -> tuple[int, str]:
    """One GET: (status, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


@dataclass
class Served:
    """A running `newsindex serve`: its process, port, and its output once stopped."""

    proc: subprocess.Popen[str]
    port: int
    out: str = ""
    err: str = ""


@contextmanager
def _serving(index_dir: Path, *options: str) -> Iterator[Served]:
    """`newsindex serve` on a free port until the block ends (SIGTERM), then its output."""
    port = free_port(HOST)
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": os.fspath(index_dir)}
    proc = subprocess.Popen(
        [os.fspath(SCRIPT), "serve", "--port", str(port), *options],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    served = Served(proc, port)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.communicate()
            try:
                _get(port, "/api/search?per_page=1", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline, "newsindex serve did not answer in 60 s"
                time.sleep(0.1)
        yield served
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            served.out, served.err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            served.out, served.err = proc.communicate()


def _children(pid: int) -> list[int]:
    """The child processes of a process (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(n) for n in (task / "children").read_text().split()]
    return found


def _open_files(pid: int) -> list[str]:
    """The paths a process holds open."""
    paths = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            paths.append(os.readlink(fd))
        except OSError:
            continue
    return paths


@pytest.fixture
def index_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine_name: str) -> Path:
    """An index over the seeds, built in a folder of its own (served with the same engine)."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    build_index(["seeds"], tmp_path / "index", backend=engine_name)
    return tmp_path / "index"


def _total(port: int) -> int:
    """The number of articles matching `tiktok`, as the API says."""
    status, body = _get(port, "/api/search?q=tiktok")
    assert status == 200, body
    return json.loads(body)["total"]


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_two_workers_share_the_port_open_the_index_after_forking_and_follow_current(
    index_dir, tmp_path, engine_name
):
    with _serving(index_dir, "--workers", "2") as served:
        assert {_total(served.port) for _ in range(20)} == {5}
        workers = _children(served.proc.pid)
        assert len(workers) == 2
        opened = [_open_files(pid) for pid in (served.proc.pid, *workers)]
        index = os.fspath(index_dir)
        assert not [path for path in opened[0] if path.startswith(index)]  # not the master
        # A rebuild swaps CURRENT; every worker's next request sees the new generation.
        (tmp_path / "seeds" / "900-extra.txt").write_text(
            "TikTok users arrive on RedNote\n\nA sixth article about TikTok refugees.\n"
        )
        build_index(["seeds"], index_dir, backend=engine_name)
        assert {_total(served.port) for _ in range(30)} == {6}
        assert _children(served.proc.pid) == workers  # no worker died on the way
    assert served.proc.returncode == 0
    assert "from 2 processes (gunicorn + waitress)" in served.out
    assert "Warning" not in served.err
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists()


def _sockets(pid: int) -> int:
    """How many sockets a process holds open."""
    return sum(1 for path in _open_files(pid) if path.startswith("socket:"))


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_keep_alive_clients_are_spread_over_the_workers(index_dir):
    # The kernel gave 7 of 8 connections to one worker, leaving the other core idle.
    with _serving(index_dir, "--workers", "2", "--queue-timeout", "60") as served:
        workers = _started_workers(served.proc.pid, 2)
        before = {pid: _sockets(pid) for pid in workers}
        clients = [http.client.HTTPConnection(HOST, served.port, timeout=30) for _ in range(16)]
        try:
            with ThreadPoolExecutor(16) as pool:
                statuses = list(pool.map(_search_on, clients))
            held = [_sockets(pid) - before[pid] for pid in workers]
        finally:
            for client in clients:
                client.close()
    assert statuses == [200] * 16
    assert min(held) >= 6 and max(held) - min(held) <= 2, held  # was 14 to 2


def _started_workers(pid: int, count: int) -> list[int]:
    """The workers of a server once `count` of them run waitress (its threads are started)."""
    deadline = time.monotonic() + 60
    while True:
        workers = _children(pid)
        started = [w for w in workers if len(list(Path(f"/proc/{w}/task").iterdir())) > 4]
        if len(started) == count:
            return workers
        assert time.monotonic() < deadline, f"{len(started)} of {count} workers started"
        time.sleep(0.1)


def _search_on(client: http.client.HTTPConnection) -> int:
    """One search on a kept-alive connection: its status."""
    client.request("GET", "/api/search?q=tiktok")
    response = client.getresponse()
    response.read()
    return response.status


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_one_worker_serves_from_one_process_with_waitress(index_dir):
    with _serving(index_dir, "--workers", "1") as served:
        assert _total(served.port) == 5
        assert _children(served.proc.pid) == []
        status, feed = _get(served.port, "/feed.atom?q=tiktok")
    assert status == 200
    assert f"<id>http://127.0.0.1:{served.port}/article/" in feed  # BASE_URL: the bound address
    assert "from 1 process (waitress)" in served.out


@pytest.mark.parametrize("workers", ["1", "2"])
def test_slow_clients_do_not_stop_the_others(index_dir, workers):
    # Issue 18 item 13: 98 idle connections sending a header line now and then took every
    # place waitress had (100); 150 of them must leave the server answering others.
    with _serving(index_dir, "--workers", workers) as served:
        slow = []
        try:
            for _ in range(150):
                sock = socket.create_connection((HOST, served.port), timeout=10)
                sock.sendall(b"GET /api/search?q=tiktok HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                slow.append(sock)
            for sock in slow[::10]:
                sock.sendall(b"X-Slow: 1\r\n")
            status, body = _get(served.port, "/api/search?q=tiktok", timeout=20)
        finally:
            for sock in slow:
                sock.close()
    assert status == 200 and json.loads(body)["total"] == 5


def test_serving_beyond_this_machine_prints_a_warning(index_dir):
    with _serving(index_dir, "--workers", "1", "--host", "0.0.0.0") as served:
        assert _total(served.port) == 5  # 127.0.0.1 is still an allowed host
    assert "Warning: listening on 0.0.0.0" in served.err
    assert "NEWSINDEX_ALLOWED_HOSTS" in served.err
