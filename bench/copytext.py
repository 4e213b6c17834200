"""Make the text a reader copies from each saved page: select all, copy, paste.

Usage: .venv/bin/python bench/copytext.py PAGES_DIR --out DIR [--force]

PAGES_DIR is a folder of saved pages (`*.html`, or an `html/` folder inside it, as in
`../shared/corpora/pages`). Each page is opened in Debian's Chromium (Playwright, headless) with
JavaScript off and the network closed: the page, decoded as `newsindex rebuild` decodes it, is
given to the browser as content and every request it makes is refused, so it renders as a
reader's browser shows it offline. `document.body.innerText` — what
select-all and copy puts on the clipboard — is written to `DIR/<page name>.txt`. Pages already
copied are skipped (delete the file, or pass `--force`, to copy again). A progress bar runs while
copying; the summary gives the counts, the failures and the median time per page.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import click

from indexer.loaders import decode_bytes

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 30_000


def page_files(pages_dir: Path) -> list[Path]:
    """The saved pages under PAGES_DIR (its `html/` folder when it has one), sorted by name."""
    folder = pages_dir / "html" if (pages_dir / "html").is_dir() else pages_dir
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".html", ".htm"})


def copy_all(pages: list[Path], out: Path, *, force: bool = False) -> dict[str, Any]:
    """Copy the text of every page not yet copied; return counts, failures and timings."""
    out.mkdir(parents=True, exist_ok=True)
    todo = [p for p in pages if force or not (out / f"{p.stem}.txt").exists()]
    summary: dict[str, Any] = {
        "pages": len(pages),
        "cached": len(pages) - len(todo),
        "copied": 0,
        "empty": [],
        "failed": [],
        "seconds": [],
    }
    if not todo:
        return summary
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM)
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 1280, "height": 2000}
        )
        with click.progressbar(todo, label="copying pages", file=sys.stderr) as bar:
            for path in bar:
                start = time.perf_counter()
                try:
                    text = copy_text(context, path)
                except Exception as exc:  # noqa: BLE001 - one broken page must not stop the run
                    summary["failed"].append(f"{path.name}: {exc.__class__.__name__}: {exc}")
                    continue
                summary["seconds"].append(time.perf_counter() - start)
                # Written last so an interrupted run leaves no half-copied file to be cached.
                target = out / f"{path.stem}.txt"
                partial = target.with_suffix(".txt.part")
                partial.write_text(text, encoding="utf-8")
                partial.replace(target)
                summary["copied"] += 1
                if not text.strip():
                    summary["empty"].append(path.name)
        browser.close()
    return summary


def copy_text(context: Any, path: Path) -> str:
    """The `document.body.innerText` of one saved page, rendered offline without scripts."""
    # Decoded as `newsindex rebuild` decodes it: saved pages often keep a `<meta charset>` of the
    # live site (gb2312) over bytes their saver wrote as UTF-8, which Chromium would trust.
    html = decode_bytes(path.read_bytes())
    tab = context.new_page()
    try:
        # Saved pages point at the live site: refuse every request (the page comes as content).
        tab.route("**/*", lambda route: route.abort())
        try:
            tab.set_content(html, wait_until="load", timeout=TIMEOUT_MS)
        except Exception as exc:  # noqa: BLE001 - a refused subresource may fail the load event
            if "ERR_" not in str(exc) and "Timeout" not in exc.__class__.__name__:
                raise
        return _inner_text(tab)
    finally:
        tab.close()


def _inner_text(tab: Any) -> str:
    """The page's `document.body.innerText`, once a refused redirect has settled."""
    for _ in range(3):
        try:
            return tab.evaluate("document.body ? document.body.innerText : ''")
        except Exception:  # noqa: BLE001 - a meta refresh navigated away: let the refusal settle
            tab.wait_for_timeout(500)
    return ""


def report(summary: dict[str, Any], out: Path) -> str:
    """A short summary of the run for the terminal."""
    seconds = summary["seconds"]
    median = f"{statistics.median(seconds) * 1000:.0f} ms" if seconds else "n/a"
    lines = [
        f"{summary['pages']} pages: {summary['copied']} copied now, {summary['cached']} cached, "
        f"{len(summary['failed'])} failed, {len(summary['empty'])} with no text; "
        f"median {median} per copied page; text in {out}"
    ]
    lines += [f"  failed: {reason}" for reason in summary["failed"]]
    lines += [f"  no text: {name}" for name in summary["empty"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Copy the text of the pages in PAGES_DIR into --out."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages_dir", type=Path, help="folder of saved pages (or with html/)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .txt files")
    parser.add_argument("--force", action="store_true", help="copy again pages already copied")
    args = parser.parse_args(argv)
    if not args.pages_dir.is_dir():
        parser.error(f"{args.pages_dir} is not a folder of saved pages")
    pages = page_files(args.pages_dir)
    if not pages:
        parser.error(f"no .html files in {args.pages_dir}")
    summary = copy_all(pages, args.out, force=args.force)
    print(report(summary, args.out))
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
