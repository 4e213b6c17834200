"""Make docs/compare.png, the README's picture of the compare page, with Playwright and Chromium.

Usage: .venv/bin/python docs/screenshot_compare.py INDEX_DIR [--out docs/compare.png]
           [--q cocoa --q coffee --q sugar] [--params "granularity=week&normalize=share"]

Serves INDEX_DIR with `newsindex serve` on a free port, opens /compare with the queries in
Debian's Chromium (/usr/bin/chromium) and saves the chart and its legend. The README's picture
was made from an index of Reuters-21578 (`newsindex rebuild ../shared/corpora/reuters21578`).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    """Serve the index, open the compare page, save the figure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "compare.png")
    parser.add_argument("--q", action="append", default=None)
    parser.add_argument("--params", default="granularity=week&normalize=share")
    args = parser.parse_args(argv)
    queries = args.q or ["cocoa", "coffee", "sugar"]
    port = free_port()
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": str(args.index.resolve())}
    script = Path(sys.executable).parent / "newsindex"
    server = subprocess.Popen(
        [str(script), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/search?per_page=1", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        query = urllib.parse.urlencode([("q", q) for q in queries]) + "&" + args.params
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(f"{base}/compare?{query}")
            page.locator("figure.timeline").screenshot(path=str(args.out))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
