"""bench/copytext.py: the text a reader copies from a saved page, made in a real Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "pages"


def _run(out: Path) -> subprocess.CompletedProcess[str]:
    """Run the script as a user does, on the project's own saved page."""
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "copytext.py"), str(PAGES), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_copytext_gives_what_a_reader_copies_and_caches_it(tmp_path: Path) -> None:
    done = _run(tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "ferry.txt").read_text(encoding="utf-8")
    # UTF-8 bytes under a stale `gb2312` meta tag are read as UTF-8, as a rebuild reads them.
    assert "Ferry fares to rise – “steep” says group" in text
    assert "eight percent from April." in text
    assert "WRITTEN BY SCRIPT" not in text  # JavaScript is off
    assert "Hidden prompt" not in text  # innerText leaves out what the reader cannot see
    assert "1 pages: 1 copied now, 0 cached, 0 failed" in done.stdout
    again = _run(tmp_path)
    assert "0 copied now, 1 cached" in again.stdout
