"""Score title, byline and date on real news pages the normaliser was never tuned on.

Usage: .venv/bin/python bench/realpages.py GOLD_DIR [--work DIR] [--no-text] [--show]

GOLD_DIR is the unpacked newspaper4k sdist (or its `tests/data/` folder): real saved pages in
`html/` with the metadata newspaper4k's tests expect in `metadata/` (see bench/README.md for the
exact `pip download` command). `realpages_gold.json` beside this script corrects the gold
values that the page itself contradicts, each with its reason (`--as-shipped` ignores them).

Each page is read three ways: (a) ours on the HTML, through the loader and `normalize` exactly
as `newsindex rebuild` reads a `.html` file; (b) trafilatura's own `extract_metadata` on the same
HTML; (c) ours on the plain text a reader gets by select-all and copy in a browser: headless
Chromium renders the saved page with every network request refused and the text of
`document.body.innerText` is saved (cached under `--work`) as a `.txt` file that is loaded and
normalised like any other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import shutil
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORRECTIONS = Path(__file__).with_name("realpages_gold.json")
CHROMIUM = "/usr/bin/chromium"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-", "\u00a0": " "})  # fmt: skip
_WORDS = re.compile(r"\w+")
FIELDS = ("title", "byline", "date")
WAYS = ("ours-HTML", "trafilatura-HTML", "ours-plain-text")


@dataclass(slots=True)
class Gold:
    """One page and what it should yield; None marks a field the gold does not know."""

    name: str
    html: Path
    title: str | None
    byline: list[str] | None
    date: tuple[dt.date, dt.date] | None  # the local and the UTC day of the stated time


@dataclass(slots=True)
class Guess:
    """What one reader found on one page."""

    title: str | None = None
    byline: list[str] = field(default_factory=list)
    date: str | None = None  # ISO, at the precision found
    seconds: float = 0.0
    skipped: str | None = None
    date_how: str | None = None  # where our reader took the date from (its provenance)


def title_key(text: str | None) -> str:
    """A title compared exactly, up to whitespace, quote and dash styles."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(text.split())


def loose_key(text: str | None) -> str:
    """A title's lower-cased words only."""
    return " ".join(_WORDS.findall((text or "").casefold()))


def title_lenient(guess: str | None, gold: str) -> bool:
    """Same words, or one holds the other and the shorter has most of the words."""
    a, b = loose_key(guess), loose_key(gold)
    if not a:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return f" {short} " in f" {long} " and len(short.split()) >= 0.6 * len(long.split())


def name_key(name: str) -> str:
    """A person's name compared by its lower-cased, accent-free words."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return " ".join(_WORDS.findall("".join(c for c in text if not unicodedata.combining(c))))


def date_outcome(guess: str | None, gold: tuple[dt.date, dt.date]) -> str:
    """`right`, `none`, `vaguer` (a year or month that fits) or `CONTRADICTING`."""
    if not guess:
        return "none"
    parts = [int(p) for p in guess.split("-")]
    days = [(d.year, d.month, d.day)[: len(parts)] for d in gold]
    if tuple(parts) in days:
        return "right" if len(parts) == 3 else "vaguer"
    return "CONTRADICTING"


def load_gold(folder: Path, *, reviewed: bool = True) -> list[Gold]:
    """The pages with gold metadata, each distinct page once, with the reviewed corrections."""
    data = folder / "tests" / "data" if (folder / "tests" / "data").is_dir() else folder
    fixes = json.loads(CORRECTIONS.read_text(encoding="utf-8")) if reviewed else {}
    pages: list[Gold] = []
    seen: set[str] = set()
    for meta_file in sorted((data / "metadata").glob("*.json")):
        html = data / "html" / f"{meta_file.stem}.html"
        if not html.exists():
            continue
        digest = hashlib.sha1(html.read_bytes()).hexdigest()
        if digest in seen:
            continue  # the same page saved under two names
        seen.add(digest)
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        meta.update({k: v for k, v in fixes.get(meta_file.stem, {}).items() if k != "why"})
        stamp = meta.get("publish_date")
        pages.append(
            Gold(
                name=meta_file.stem,
                html=html,
                title=meta.get("title") or None,
                byline=meta.get("authors") if meta.get("authors") is not None else None,
                date=_gold_days(stamp) if stamp else None,
            )
        )
    return pages


def _gold_days(stamp: str) -> tuple[dt.date, dt.date]:
    """The day a gold timestamp names where it was written, and its day in UTC."""
    moment = dt.datetime.fromisoformat(stamp.replace(" ", "T"))
    utc = moment.astimezone(dt.UTC).date() if moment.tzinfo else moment.date()
    return moment.date(), utc


def ours(path: Path) -> Guess:
    """Our reading of one file, through the loader and `normalize` as a rebuild does it."""
    from indexer.errors import SkipArticle
    from indexer.loaders import discover, read_file
    from indexer.models import Skipped
    from indexer.normalize import normalize

    found, skipped = discover([path])
    if skipped or not found:
        return Guess(skipped=skipped[0].reason if skipped else "not found")
    start = time.perf_counter()
    record = next(read_file(found[0]))
    if isinstance(record, Skipped):
        return Guess(skipped=record.reason, seconds=time.perf_counter() - start)
    try:
        article = normalize(record)
    except SkipArticle as exc:
        return Guess(skipped=str(exc), seconds=time.perf_counter() - start)
    seconds = time.perf_counter() - start
    date = article.date.iso() if article.date is not None else None
    how = article.provenance.get("date") if date else None
    return Guess(article.title, list(article.byline), date, seconds, date_how=how)


def theirs(path: Path) -> Guess:
    """trafilatura's own metadata of the same saved page."""
    from trafilatura import extract_metadata

    from indexer.loaders import decode_bytes

    html = decode_bytes(path.read_bytes())
    start = time.perf_counter()
    doc = extract_metadata(html)
    seconds = time.perf_counter() - start
    names = [n.strip() for n in (doc.author or "").split(";") if n.strip()]
    return Guess(doc.title, names, doc.date, seconds)


def copied_text(pages: list[Gold], work: Path) -> dict[str, Path]:
    """The text a reader copies from each page in a browser, rendered once and cached."""
    out = work / "text"
    out.mkdir(parents=True, exist_ok=True)
    paths = {page.name: out / f"{page.name}.txt" for page in pages}
    todo = [page for page in pages if not paths[page.name].exists()]
    if not todo:
        return paths
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM)
        context = browser.new_context(viewport={"width": 1280, "height": 2000})
        for page in todo:
            url = page.html.resolve().as_uri()
            tab = context.new_page()
            # Saved pages point at the live site: refuse every request but the page itself.
            tab.route("**/*", _only(url))
            try:
                tab.goto(url, wait_until="load", timeout=30_000)
            except Exception as exc:  # noqa: BLE001 - a page that never settles keeps its text
                print(f"{page.name}: {exc.__class__.__name__} while loading", file=sys.stderr)
            text = _inner_text(tab)
            paths[page.name].write_text(text, encoding="utf-8")
            tab.close()
        browser.close()
    return paths


def _inner_text(tab: Any) -> str:
    """The page's `document.body.innerText`, once a refused redirect has settled."""
    for _ in range(3):
        try:
            return tab.evaluate("document.body ? document.body.innerText : ''")
        except Exception:  # noqa: BLE001 - a script navigated away: the refused load settles
            tab.wait_for_timeout(500)
    return ""


def _only(url: str) -> Callable[[Any], None]:
    """A route handler that lets the saved page itself load and refuses everything else."""

    def handle(route: Any) -> None:
        """Continue the page's own request; abort any other."""
        if route.request.url == url:
            route.continue_()
        else:
            route.abort()

    return handle


def score(
    pages: list[Gold], readers: dict[str, Callable[[Gold], Guess]], show: bool
) -> dict[str, Any]:
    """Run every reader on every page and count the outcomes per field."""
    counts: dict[str, dict[str, int]] = {way: {} for way in readers}
    times: dict[str, list[float]] = {way: [] for way in readers}
    for page in pages:
        for way, read in readers.items():
            guess = read(page)
            times[way].append(guess.seconds)
            tally = counts[way]
            outcomes = _outcomes(page, guess)
            for label, ok in outcomes.items():
                tally[label] = tally.get(label, 0) + int(ok)
            if show:
                bad = [k for k, ok in outcomes.items() if not ok and not k.startswith("date ")]
                print(f"{page.name:22} {way:17} {'ok' if not bad else 'MISS ' + ','.join(bad)}")
                if bad or guess.skipped:
                    print(f"    got  {guess.title!r} {guess.byline} {guess.date} {guess.skipped}")
                    gold_date = page.date[0].isoformat() if page.date else None
                    print(f"    gold {page.title!r} {page.byline} {gold_date}")
    return {"counts": counts, "times": times}


def _outcomes(page: Gold, guess: Guess) -> dict[str, bool]:
    """Whether each field came out right (dates: one flag per outcome)."""
    out: dict[str, bool] = {}
    if page.title is not None:
        out["title"] = title_key(guess.title) == title_key(page.title)
        out["title (lenient)"] = title_lenient(guess.title, page.title)
    if page.byline is not None:
        want = {name_key(n) for n in page.byline}
        out["byline"] = {name_key(n) for n in guess.byline} == want
    if page.date is not None:
        outcome = date_outcome(guess.date, page.date)
        out["date"] = outcome == "right"
        for label in ("none", "vaguer", "CONTRADICTING"):
            out[f"date {label}"] = outcome == label
    return out


def render(pages: list[Gold], result: dict[str, Any]) -> str:
    """The markdown table of the scores."""
    totals = {
        "title": sum(p.title is not None for p in pages),
        "title (lenient)": sum(p.title is not None for p in pages),
        "byline": sum(p.byline is not None for p in pages),
        "date": sum(p.date is not None for p in pages),
    }
    for label in ("none", "vaguer", "CONTRADICTING"):
        totals[f"date {label}"] = totals["date"]
    ways = list(result["counts"])
    lines = [
        f"| field ({len(pages)} pages) | " + " | ".join(ways) + " |",
        "|---|" + "---:|" * len(ways),
    ]
    for label, total in totals.items():
        cells = []
        for way in ways:
            right = result["counts"][way].get(label, 0)
            cells.append(f"{right}/{total} ({100 * right / total:.0f} %)" if total else "–")
        shown = label if not label.startswith("date ") else f"date: {label[5:]}"
        lines.append(f"| {shown} | " + " | ".join(cells) + " |")
    medians = [f"{1000 * statistics.median(result['times'][w]):.0f} ms" for w in ways]
    lines.append("| median time per page | " + " | ".join(medians) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Read every gold page three ways and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="the unpacked newspaper4k sdist")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work" / "realpages")
    parser.add_argument("--no-text", action="store_true", help="skip the copied plain text")
    parser.add_argument("--show", action="store_true", help="print each page's misses")
    parser.add_argument(
        "--as-shipped", action="store_true", help=f"ignore the corrections in {CORRECTIONS.name}"
    )
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    pages = load_gold(args.gold, reviewed=not args.as_shipped)
    if not pages:
        print(f"no pages with gold metadata under {args.gold}", file=sys.stderr)
        return 2
    html_dir = args.work / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    copies = {}
    for page in pages:
        # A copy in a folder of its own: no sidecar `.json` beside it, as a user's saved page.
        copies[page.name] = html_dir / f"{page.name}.html"
        shutil.copyfile(page.html, copies[page.name])
    readers: dict[str, Callable[[Gold], Guess]] = {
        "ours-HTML": lambda p: ours(copies[p.name]),
        "trafilatura-HTML": lambda p: theirs(copies[p.name]),
    }
    if not args.no_text:
        texts = copied_text(pages, args.work)
        readers["ours-plain-text"] = lambda p: ours(texts[p.name])
    ours(copies[pages[0].name])  # trafilatura and the language models load on first use
    theirs(copies[pages[0].name])
    result = score(pages, readers, args.show)
    print(render(pages, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
