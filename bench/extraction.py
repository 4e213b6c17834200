"""Score the normaliser's fields against gold metadata and time it.

Usage: .venv/bin/python bench/extraction.py CORPORA_DIR [--limit N] [--html DIR]

CORPORA_DIR holds `reuters21578/` (Reuters-21578 SGML) and `bbc/` (BBC news, one folder per
category); both are read in place. Reuters stories are rendered as plain wire text (title line,
`By AUTHOR` line, `DATELINE - body`); BBC files are fed as they are; the HTML fixtures under
tests/data/normalize/ are scored against the `*.expected.json` beside each page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_STATED_DATE = re.compile(rf"\b({_MONTH})\.?\s*(\d{{1,2}})\b|\b(\d{{1,2}})\s+({_MONTH})\b", re.I)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_TRAILING_DATE = re.compile(
    rf",?\s*[A-Za-z]{{3,9}}\.?\s*[\dlO]{{1,3}}[A-Za-z]?\s*,?$|,\s*\d{{1,2}}\s+[A-Za-z]{{3,9}}$"
    rf"|,\s*{_MONTH}\.?$"
)
_TRAILING_CREDIT = re.compile(r",?\s*Reuters?\s*,?$", re.I)
_WORDS = re.compile(r"\w+")
_NOTES = """
Notes: Reuters stories are scored where the corpus has the field (dateline place: the words
before the date of <DATELINE>, when it is a place; byline: <AUTHOR>). The <DATE> stamp is the
filing time, so a dateline's local day can be one day off it; a date the dateline itself states
but the stamp contradicts by more (typos such as "TOKYO, May 18" filed on 18-MAR) is the
corpus's disagreement. CONTRADICTING counts dates that neither the stamp nor the dateline
support: the normaliser's own errors. Speed counts normalize() only, in wall-clock and CPU time
(the machine may be shared)."""
_END_MARK = re.compile(r"\bReuters?\s*$")


@dataclass
class Score:
    """Right answers out of the articles that have gold for one field."""

    right: int = 0
    total: int = 0
    note: str = ""

    def add(self, ok: bool) -> None:
        """Count one article."""
        self.total += 1
        self.right += int(ok)


@dataclass
class Report:
    """The scores of one corpus, in the order they were first reported."""

    name: str
    scores: dict[str, Score] = field(default_factory=dict)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    articles: int = 0

    def score(self, label: str, note: str = "") -> Score:
        """The score row called `label`, created on first use."""
        if label not in self.scores:
            self.scores[label] = Score(note=note)
        return self.scores[label]


def key(text: str | None) -> str:
    """Compare texts by their lower-cased words only."""
    return " ".join(_WORDS.findall((text or "").casefold()))


def gold_place(dateline: str | None) -> str | None:
    """The place part of a Reuters dateline (`PORTLAND, Ore., Feb 26 -` -> `PORTLAND, Ore.`)."""
    if not dateline:
        return None
    text = re.sub(r"^[\W\d_]+", "", dateline).rstrip(" -")
    text = _TRAILING_CREDIT.sub("", text)
    text = re.sub(r"\s+,", ",", _TRAILING_DATE.sub("", text).strip(" ,"))
    if not text or re.search(r"\d|--", text) or re.fullmatch(_MONTH, text, re.I):
        return None
    return text if re.fullmatch(r"[A-Za-z][A-Za-z .,'&/()-]*", text) else None


def gold_names(author: str) -> set[str]:
    """The people named by a Reuters AUTHOR field (`By A and B, Reuters`)."""
    text = re.sub(r"^by\s+", "", author.strip(), flags=re.I)
    parts = [p.strip(" .") for p in text.split(",")]
    parts = [p for p in parts if p and not re.fullmatch(r"reuters?\w?", p, re.I)]
    names = re.split(r"\s+and\s+", ", ".join(parts), flags=re.I)
    return {key(n) for n in names if n.strip()}


def stated_date(dateline: str | None) -> tuple[int, int] | None:
    """The month and day a Reuters dateline itself states."""
    match = _STATED_DATE.search(dateline or "")
    if match is None:
        return None
    month = match.group(1) or match.group(4)
    day = match.group(2) or match.group(3)
    return _MONTHS[month[:3].lower()], int(day)


def overlap(pred: str, gold: str) -> tuple[float, float]:
    """Word recall and precision of a predicted body against the gold body."""
    p, g = Counter(key(pred).split()), Counter(key(gold).split())
    common = sum((p & g).values())
    return common / max(1, sum(g.values())), common / max(1, sum(p.values()))


def timed(report: Report, normalize: Callable[[Any], Any], record: Any) -> Any:
    """Normalise one record, adding its time to the report; None when it is skipped."""
    from indexer.errors import SkipArticle

    start, cpu = time.perf_counter(), time.process_time()
    try:
        return normalize(record)
    except SkipArticle:
        return None
    finally:
        report.seconds += time.perf_counter() - start
        report.cpu_seconds += time.process_time() - cpu
        report.articles += 1


def bench_reuters(path: Path, limit: int | None) -> Report:
    """Reuters-21578 rendered as plain wire text."""
    from bench.corpora import iter_reuters, render_reuters
    from indexer.models import RawRecord
    from indexer.normalize import normalize

    report = Report("reuters-21578 (plain text)")
    excluded = 0
    recall = precision = 0.0
    for doc in iter_reuters(path):
        text = render_reuters(doc)
        if text is None:
            excluded += 1
            continue
        if limit is not None and report.articles >= limit:
            break
        record = RawRecord(id=doc["id"], file=doc["file"], path=path, kind="text", text=text)
        article = timed(report, normalize, record)
        report.score("not skipped").add(article is not None)
        report.score("title").add(article is not None and key(article.title) == key(doc["title"]))
        place = gold_place(doc["dateline"])
        if place is not None:
            ok = article is not None and key(article.dateline) == key(place)
            report.score("dateline place").add(ok)
        if doc["author"]:
            names = {key(n) for n in article.byline} if article is not None else set()
            report.score("byline (gold has one)").add(names == gold_names(doc["author"]))
        _score_reuters_date(report, doc, article)
        report.score("source = Reuters").add(article is not None and article.source == "Reuters")
        if article is not None:
            story = _END_MARK.sub("", doc["body"].strip())
            gold_body = f"{doc['dateline'] or ''} {story}"
            r, p = overlap(article.body, gold_body)
            recall, precision = recall + r, precision + p
    n = max(1, report.scores["not skipped"].right)
    report.score("body word recall (mean %)").right = round(recall / n * 10000)
    report.score("body word precision (mean %)").right = round(precision / n * 10000)
    for label in ("body word recall (mean %)", "body word precision (mean %)"):
        report.scores[label].total = 10000
    report.score(f"excluded: no TITLE or no BODY ({excluded} stories)")
    return report


def _score_reuters_date(report: Report, doc: dict[str, Any], article: Any) -> None:
    """Month/day against the <DATE> stamp; a date the dateline itself contradicts is an error."""
    stamp: dt.datetime | None = doc["date"]
    if stamp is None:
        return
    date = article.date if article is not None else None
    labels = (
        "date: same month/day as stamp",
        "date: one day off stamp (dateline's local day)",
        "date: as dateline says; stamp differs by more (corpus)",
        "date: none",
        "date: CONTRADICTING (normaliser error)",
    )
    for label in labels:
        report.score(label)
    if date is None or date.month is None or date.day is None:
        outcome = labels[3]
    elif date.year is not None and date.year != stamp.year:
        outcome = labels[4]
    else:
        predicted = dt.date(stamp.year, date.month, date.day)
        gap = abs((predicted - stamp.date()).days)
        if gap == 0:
            outcome = labels[0]
        elif gap == 1:
            outcome = labels[1]
        elif stated_date(doc["dateline"]) == (date.month, date.day):
            outcome = labels[2]
        else:
            outcome = labels[4]
    for label in labels:
        report.scores[label].add(label == outcome)


def bench_bbc(path: Path, limit: int | None) -> Report:
    """The BBC set fed as plain text files."""
    from bench.corpora import iter_bbc, render_bbc
    from indexer.models import RawRecord
    from indexer.normalize import normalize

    report = Report("bbc (plain text)")
    recall = precision = 0.0
    for doc in iter_bbc(path):
        if limit is not None and report.articles >= limit:
            break
        record = RawRecord(
            id=doc["id"], file=doc["file"], path=path, kind="text", text=render_bbc(doc)
        )
        article = timed(report, normalize, record)
        report.score("not skipped").add(article is not None)
        # A few BBC titles hold HTML entities (`&#163;1.8m`): compare the text they stand for.
        title = html.unescape(doc["title"])
        report.score("title").add(article is not None and key(article.title) == key(title))
        report.score("no dateline invented").add(article is None or article.dateline is None)
        report.score("no date invented").add(article is None or article.date is None)
        if article is not None:
            r, p = overlap(article.body, doc["body"])
            recall, precision = recall + r, precision + p
    n = max(1, report.scores["not skipped"].right)
    report.score("body word recall (mean %)").right = round(recall / n * 10000)
    report.score("body word precision (mean %)").right = round(precision / n * 10000)
    for label in ("body word recall (mean %)", "body word precision (mean %)"):
        report.scores[label].total = 10000
    return report


def bench_html(folder: Path) -> Report:
    """The HTML fixtures, each scored against the fields in its `.expected.json`."""
    from indexer.normalize import normalize

    shown = folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
    report = Report(f"html fixtures ({shown})")
    pages = sorted(folder.glob("*.html"))
    warm_up = Report("warm-up")
    for page in pages:
        # trafilatura loads its fallback extractors on first use: keep that out of the timing.
        timed(warm_up, normalize, _html_record(page))
    for page in pages:
        expected_file = page.with_suffix(".expected.json")
        if not expected_file.exists():
            continue
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        article = timed(report, normalize, _html_record(page))
        if expected.get("skip"):
            report.score("skipped as expected").add(article is None)
            continue
        got = article.to_dict() if article is not None else {}
        for name, value in expected.items():
            if name.startswith("body_"):
                continue
            report.score(name).add(got.get(name) == value)
        for phrase in expected.get("body_has", []):
            report.score("body keeps story text").add(phrase in got.get("body", ""))
        for phrase in expected.get("body_lacks", []):
            report.score("body drops boilerplate").add(phrase not in got.get("body", "\0"))
    return report


def _html_record(page: Path) -> Any:
    """A raw record for one saved page."""
    from indexer.models import RawRecord

    return RawRecord(
        id=page.stem, file=page.name, path=page, kind="html", text=page.read_text("utf-8")
    )


def print_reports(reports: Iterable[Report]) -> None:
    """Print one table with a block per corpus."""
    print(f"{'corpus':38} {'field':60} {'right':>7} {'total':>7} {'%':>7}")
    for report in reports:
        print("-" * 123)
        for label, score in report.scores.items():
            if score.total == 0:
                print(f"{report.name:38} {label:60}")
                continue
            if score.total == 10000:
                pct = score.right / 100
                print(f"{report.name:38} {label:60} {'':>7} {'':>7} {pct:7.2f}")
                continue
            pct = 100 * score.right / score.total
            print(f"{report.name:38} {label:60} {score.right:7d} {score.total:7d} {pct:7.2f}")
        rate = report.articles / report.seconds if report.seconds else 0.0
        cpu_rate = report.articles / report.cpu_seconds if report.cpu_seconds else 0.0
        speed = (
            f"{report.articles} articles in {report.seconds:.2f} s: {rate:,.0f} articles/s "
            f"({cpu_rate:,.0f}/s of CPU time)"
        )
        print(f"{report.name:38} {'speed (normalize only)':60} {speed}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark over the corpora in CORPORA_DIR and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, help="folder holding reuters21578/ and bbc/")
    parser.add_argument("--limit", type=int, default=None, help="at most N articles per corpus")
    parser.add_argument(
        "--html", type=Path, default=ROOT / "tests" / "data" / "normalize", help="HTML fixtures"
    )
    args = parser.parse_args(argv)
    # Run from a checkout without installing: the repository root holds `indexer` and `bench`.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    reports = []
    reuters, bbc = args.corpora / "reuters21578", args.corpora / "bbc"
    if reuters.is_dir():
        reports.append(bench_reuters(reuters, args.limit))
    if bbc.is_dir():
        reports.append(bench_bbc(bbc, args.limit))
    if args.html.is_dir():
        reports.append(bench_html(args.html))
    if not reports:
        print(f"no corpora found under {args.corpora}", file=sys.stderr)
        return 2
    print_reports(reports)
    print(_NOTES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
