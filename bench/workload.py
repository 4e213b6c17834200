"""Shared pieces of the reliability benches: corpora, the real CLI, a served index, percentiles.

Everything runs the installed `newsindex` console script as a user would, against index
directories in a temporary folder, and serves on 127.0.0.1 only.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "newsindex"
HOST = "127.0.0.1"

WORDS = (
    "cocoa coffee harbour port strike union wages council tram budget election minister "
    "rates bank inflation export import grain wheat oil shipping freight crane terminal "
    "drought harvest market shares profit loss talks treaty border refugees platform app "
    "court ruling appeal police storm flood bridge rail airline fuel steel copper gold"
).split()
SOURCES = ("Example Wire", "Town Crier", "Harbour Daily", "Reuters", "Xinhua")
NAMES = ("Ana Ruiz", "Tom Berg", "Maria Lopez", "Brenda Goh", "Li Wei", "Omar Haddad")


def write_synthetic(path: Path, count: int, seed: int = 6) -> Path:
    """A JSONL file of `count` made-up articles (the same arguments give the same file)."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    start = dt.date(2024, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            words = [rng.choice(WORDS) for _ in range(rng.randrange(60, 240))]
            paragraphs = [
                " ".join(words[i : i + 40]).capitalize() + "." for i in range(0, len(words), 40)
            ]
            record = {
                "id": f"syn-{seed}-{n}",
                "title": " ".join(rng.choice(WORDS) for _ in range(6)).capitalize(),
                "source": rng.choice(SOURCES),
                "byline": rng.choice(NAMES),
                "date": (start + dt.timedelta(days=rng.randrange(700))).isoformat(),
                "body": "\n\n".join(paragraphs),
            }
            fh.write(json.dumps(record) + "\n")
    return path


def _iter_reuters_private(path: Path) -> Iterator[dict[str, Any]]:
    """A small Reuters-21578 reader, used when bench/corpora.py is not there."""
    import html as htmllib

    def element(inner: str, tag: str) -> str | None:
        """Text of the first <TAG> element."""
        match = re.search(rf"<{tag}>(.*?)</{tag}>", inner, re.DOTALL)
        if match is None:
            return None
        text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", htmllib.unescape(match.group(1)))
        return text.strip() or None

    for file in sorted(path.glob("reut2-*.sgm")):
        content = file.read_text(encoding="latin-1")
        for match in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', content, re.S):
            inner = match.group(2)
            stamp = element(inner, "DATE") or ""
            try:
                date = dt.datetime.strptime(stamp.split()[0], "%d-%b-%Y")
            except (ValueError, IndexError):
                date = None
            yield {
                "id": match.group(1),
                "title": element(inner, "TITLE"),
                "author": element(inner, "AUTHOR"),
                "dateline": element(inner, "DATELINE"),
                "date": date,
                "body": element(inner, "BODY") or element(inner, "TEXT"),
            }


def iter_reuters(path: Path) -> Iterator[dict[str, Any]]:
    """Reuters-21578 stories, through bench/corpora.py when it is there."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from corpora import iter_reuters as shared  # type: ignore[import-not-found]
    except ImportError:
        return _iter_reuters_private(path)
    finally:
        sys.path.pop(0)
    return shared(path)


def write_reuters(corpora: Path, path: Path, limit: int | None = None) -> int:
    """Write Reuters-21578 stories as JSONL (a headline-only brief gets its headline as body)."""
    reuters = corpora / "reuters21578" if (corpora / "reuters21578").is_dir() else corpora
    written = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc in iter_reuters(reuters):
            body = doc.get("body") or doc.get("title")
            if not body:
                continue
            date = doc.get("date")
            record = {
                "id": f"reuters-{doc['id']}",
                "title": doc.get("title"),
                "source": "Reuters",
                "byline": (doc.get("author") or "").removeprefix("By ").strip() or None,
                "dateline": (doc.get("dateline") or "").strip(" -") or None,
                "date": date.date().isoformat() if isinstance(date, dt.datetime) else None,
                "body": body,
            }
            fh.write(json.dumps(record) + "\n")
            written += 1
            if limit and written >= limit:
                break
    return written


def cli(
    args: list[str], index_dir: Path, cwd: Path, timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    """Run the real console script on an index directory."""
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": os.fspath(index_dir)}
    return subprocess.run(
        [os.fspath(SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    """One GET to the local server: (status, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@contextmanager
def serving(
    index_dir: Path,
    cwd: Path,
    threads: int = 4,
    ready_within: float = 60,
    options: tuple[str, ...] = (),
    started: list[subprocess.Popen[bytes]] | None = None,
) -> Iterator[int]:
    """Run `newsindex serve` on a free local port; yields the port, stops the server after.

    `options` are more `serve` options (`--workers 2`); `started` receives the process.
    """
    port = free_port()
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": os.fspath(index_dir)}
    command = ["serve", "--host", HOST, "--port", str(port), "--threads", str(threads), *options]
    with open(cwd / f"serve-{port}.log", "w") as log:
        server = subprocess.Popen(
            [os.fspath(SCRIPT), *command], cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        if started is not None:
            started.append(server)
        try:
            deadline = time.monotonic() + ready_within
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"newsindex serve exited with {server.returncode}")
                try:
                    if get(port, "/api/search?per_page=1", timeout=5)[0] < 500:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"newsindex serve did not answer within {ready_within} s")
                time.sleep(0.2)
            yield port
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of the values, nearest rank; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def machine() -> str:
    """A one-line description of the machine, for reports."""
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
