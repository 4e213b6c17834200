"""Regenerate bench/RESULTS.md: build the corpus, measure everything, write the tables.

Usage: .venv/bin/python bench/run_all.py CORPORA_DIR [--work DIR] [--size 100000] [--reps 100]
           [--rebuild] [--label NAME] [--classes A,B] [--no-reference] [--no-http]
       .venv/bin/python bench/run_all.py --render

Writes the corpus (bench/corpus.py) into the work folder (default `bench/.work/`, outside git's
view of the corpora) unless it is already there, runs bench/search.py on it (which reuses an
index of the same corpus unless `--rebuild`), keeps its JSON as `bench/results-SIZE.json`
(`results-SIZE-LABEL.json` with `--label`, for a partial run such as `--classes phrase`), and
renders bench/RESULTS.md from every results file kept there: one table per size, so measuring
1M articles (`--size 1000000 --work /work/bench1m`: 1.2 GB of corpus, a 3+ GB index, hours of
building on 2 shared cores) leaves the 100k table as it was. `--render` only renders.
Goals are issue 7's at 100k and issue 19's at 1M.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from search import FULL_REQUEST_GOAL, P95_GOAL  # noqa: E402

LARGE = 500_000  # from this many articles on, issue 19's goals apply


@dataclass(frozen=True)
class Goals:
    """The goals a run is judged against, by corpus size."""

    issue: str
    p95: dict[str, float]  # API p95 per class (ms)
    default_p95: float | None  # other classes (None: no goal)
    rebuild: float  # articles/s end to end
    update: float  # seconds for 100 changed files
    rss: float  # MB per serving process
    cold: float  # seconds, first search after start
    http: float  # ms added by the API


GOALS_100K = Goals("issue 7", P95_GOAL, FULL_REQUEST_GOAL, 500.0, 5.0, 300.0, 1.0, 5.0)
GOALS_1M = Goals(
    "issue 19",
    {
        "common term": 200.0,
        "two-term AND": 200.0,
        "phrase": 300.0,
        "field query": 200.0,
        "rare term": 100.0,
    },
    None,
    1000.0,
    5.0,
    500.0,
    1.0,
    5.0,
)


def mark(ok: bool) -> str:
    """The met / not met cell."""
    return "met" if ok else "**not met**"


def _ms(value: float | None) -> str:
    """Milliseconds for a table cell."""
    if value is None:
        return "–"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def render(r: dict[str, Any], title: str = "Benchmark results") -> str:
    """One run's section of RESULTS.md, from the JSON that bench/search.py wrote."""
    m = r["machine"]
    b = r.get("build") or {}
    classes: dict[str, Any] = r["classes"]
    size = int(b.get("indexed") or r.get("articles") or 0)
    goals = GOALS_1M if size >= LARGE else GOALS_100K
    saved = r.get("saved_postings")
    lines = [
        f"# {title}",
        "",
        "| | |",
        "|---|---|",
        f"| date | {r['date']} |",
        f"| machine | {m['cores']} cores, {m['cpu']}, {m['memory_gib']} GiB,"
        f" Python {m['python']} |",
        f"| load average (1 min) at start / end | {m['loadavg'][0]:.1f} / "
        f"{m.get('loadavg_after', [0])[0]:.1f} (shared machine: other jobs ran alongside) |",
        f"| corpus | {b.get('indexed') or r.get('articles', '?')} articles (bench/corpus.py,"
        " Reuters-21578 + BBC, recombined; +100 one-file articles for `update`) |",
        f"| code measured | indexer/ + webapp/ hash {r.get('code_now') or b.get('code', '?')}"
        f" (index built by {b.get('code', '?')}), normaliser "
        f"{(b.get('normaliser') or r.get('normaliser_now', {})).get('sha1', '?')} "
        f"({(b.get('normaliser') or {}).get('commit', '?')}) |",
    ]
    if saved:
        lines.append(
            f"| saved postings and positions (issue 19) | {saved['bytes'] / 1e6:.0f} MB of a"
            f" {saved['index_bytes'] / 1e6:.0f} MB index"
            f" (+{saved['bytes'] / max(saved['index_bytes'] - saved['bytes'], 1) * 100:.0f}%);"
            + (
                f" written for the {saved['written']} of {saved['segments']} segments lacking"
                f" them in {saved['seconds']:.0f} s ({saved['cpu_seconds']:.0f} s CPU, load"
                f" {saved['loadavg'][0]:.1f}) |"
                if saved.get("written")
                else " every segment had them already |"
            )
        )
    lines += [
        "",
        f"## Goals ({goals.issue})",
        "",
        "| goal | measured | |",
        "|---|---|---|",
    ]
    for name, c in classes.items():
        api = c["times"].get("api", c["times"]["whoosh"])
        goal = goals.p95.get(name, goals.default_p95)
        if goal is None:
            continue
        lines.append(
            f"| {name}: full request p95 ≤ {goal:.0f} ms (API) | {_ms(api['p95'])} ms |"
            f" {mark(api['p95'] <= goal)} |"
        )
    for name, c in classes.items():
        fts = c["times"].get("fts5")
        if fts and name != "misspelt (did-you-mean)" and goals is GOALS_100K:
            w = c["times"]["whoosh"]["p95"]
            lines.append(
                f"| {name}: no slower than FTS5 (backend p95 vs FTS5 p95) | {_ms(w)} vs"
                f" {_ms(fts['p95'])} ms | {mark(w <= fts['p95'])} |"
            )
    if b:
        lines.append(
            f"| rebuild ≥ {goals.rebuild:.0f} articles/s end to end | {b['rate']:.0f}/s wall"
            f" ({b.get('cpu_rate', 0):.0f}/s per CPU-second) | {mark(b['rate'] >= goals.rebuild)} |"
        )
        u = b["update"]
        lines.append(
            f"| `update` of 100 changed files ≤ {goals.update:.0f} s | {u['seconds']:.1f} s"
            f" ({u.get('cpu_seconds', 0):.1f} s CPU, {u.get('indexed', '?')} articles re-read) |"
            f" {mark(u['seconds'] <= goals.update)} |"
        )
    mem = r.get("server_memory")
    if mem:
        lines.append(
            f"| ≤ {goals.rss:.0f} MB resident per serving process |"
            f" peak {mem['peak_rss_mb']:.0f} MB | {mark(mem['peak_rss_mb'] <= goals.rss)} |"
        )
    cold = r.get("cold_http")
    if cold:
        lines.append(
            f"| first search after start ≤ {goals.cold:.0f} s | {cold['first_search_s']:.2f} s"
            f" (spawn to first result {cold['spawn_to_first_result_s']:.2f} s) |"
            f" {mark(cold['first_search_s'] <= goals.cold)} |"
        )
    overheads = {
        n: c["times"]["api"]["p50"] - c["times"]["whoosh"]["p50"]
        for n, c in classes.items()
        if "api" in c["times"]
    }
    paired = {
        n: c["times"]["api_minus_took"]["p50"]
        for n, c in classes.items()
        if "api_minus_took" in c["times"]
    }
    if paired:
        worst = max(paired.values())
        lines.append(
            f"| HTTP API adds ≤ {goals.http:.0f} ms (per request: API time − the server's own"
            f" `took_ms`, median, worst class) | {worst:.1f} ms (API p50 − backend p50:"
            f" {min(overheads.values()):+.1f} to {max(overheads.values()):+.1f} ms) |"
            f" {mark(worst <= goals.http)} |"
        )
    elif overheads:
        worst = max(overheads.values())
        lines.append(
            f"| HTTP API adds ≤ {goals.http:.0f} ms (API p50 − backend p50, worst class) |"
            f" {worst:.1f} ms | {mark(worst <= goals.http)} |"
        )
    lines += [
        "",
        "## Search latency per query class (ms, wall clock)",
        "",
        "Each class ran its queries in turn (bench/search.py lists them) through the backend,"
        " the HTTP API, FTS5 and tantivy, interleaved; every request is the full one: 10 hits,"
        " snippets, all facets and the month histogram. CPU ms is the backend's own CPU time"
        " per search, which other jobs on the machine disturb far less than wall time.",
        "",
        "| class | runs | avg hits | backend p50 / p95 | backend CPU p50 / p95 | API p50 / p95 |"
        " HTTP adds: p50 diff / paired p50 | API CPU mean | FTS5 p50 / p95 | tantivy p50 / p95 |"
        " whoosh/FTS5 (p50) | whoosh/tantivy (p50) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, c in classes.items():
        t, cpu = c["times"], c.get("cpu", {})
        w = t["whoosh"]
        hits = [v["whoosh"] for v in c["totals"].values()]
        row = [
            name,
            str(w["n"]),
            f"{sum(hits) / len(hits):,.0f}",
            f"{_ms(w['p50'])} / {_ms(w['p95'])}",
            f"{_ms(cpu['whoosh']['p50'])} / {_ms(cpu['whoosh']['p95'])}"
            if "whoosh" in cpu
            else "–",
        ]
        if "api" in t:
            row += [
                f"{_ms(t['api']['p50'])} / {_ms(t['api']['p95'])}",
                f"{t['api']['p50'] - w['p50']:+.1f} / "
                + (f"{t['api_minus_took']['p50']:.1f}" if "api_minus_took" in t else "–"),
                _ms(c.get("api_cpu_mean_ms")),
            ]
        else:
            row += ["–", "–", "–"]
        for eng in ("fts5", "tantivy"):
            row.append(f"{_ms(t[eng]['p50'])} / {_ms(t[eng]['p95'])}" if eng in t else "–")
        for eng in ("fts5", "tantivy"):
            # FTS5 and tantivy do no spelling correction: no like-for-like ratio there.
            like = eng in t and not name.startswith("misspelt")
            row.append(f"{w['p50'] / t[eng]['p50']:.1f}×" if like else "–")
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "## Indexing and serving", "", "| measure | value |", "|---|---|"]
    if b:
        lines += [
            f"| whoosh rebuild (`build_index`, load + normalise + index + verify + swap) |"
            f" {b['indexed']} articles in {b['seconds']:.0f} s = {b['rate']:.0f}/s wall;"
            f" {b.get('cpu_seconds', 0):.0f} CPU-s = {b.get('cpu_rate', 0):.0f}/s per CPU-second |",
            f"| whoosh index size | {b['index_bytes'] / 1e6:.0f} MB |",
            f"| `update_index`, 100 changed files | {b['update']['seconds']:.2f} s wall,"
            f" {b['update'].get('cpu_seconds', 0):.2f} s CPU |",
        ]
    for eng, info in (r.get("reference_builds") or {}).items():
        lines.append(
            f"| {eng} build (from the normalised articles in memory; engine only) |"
            f" {info['rate']:.0f}/s, {info['bytes'] / 1e6:.0f} MB |"
        )
    cb = r.get("cold_backend")
    if cb:
        lines.append(
            f"| cold backend, fresh process (median of 3) | import {cb['import_s']:.2f} s, open"
            f" {cb['open_s']:.2f} s, first search {cb['first_search_s']:.2f} s, second"
            f" {cb['second_search_s']:.2f} s |"
        )
    if cold:
        lines.append(
            f"| cold `newsindex serve` (median of 3) | listening after {cold['listening_s']:.2f} s,"
            f" first search {cold['first_search_s']:.2f} s,"
            f" second {cold['second_search_s']:.2f} s |"
        )
    if mem:
        lines.append(
            f"| serving process memory after the run | peak {mem['peak_rss_mb']:.0f} MB,"
            f" now {mem['rss_mb']:.0f} MB |"
        )
    lines += [
        "",
        "Hits per query (whoosh / FTS5 / tantivy; stemmers differ, so counts differ a little):",
        "",
    ]
    for name, c in classes.items():
        parts = []
        for text, totals in c["totals"].items():
            parts.append(f"`{text}` " + "/".join(str(v) for v in totals.values()))
        lines.append(f"- {name}: " + ", ".join(parts))
    return "\n".join(lines) + "\n"


BY_HAND = "## Measured by hand"  # RESULTS.md from this heading on is kept as it is


def render_all(files: list[Path], previous: str = "") -> str:
    """RESULTS.md: a section per results file, smallest corpus first, then the notes by hand."""

    def size(path: Path) -> tuple[int, str]:
        """The corpus size and label in a results file's name."""
        parts = path.stem.split("-", 2)
        return int(parts[1]), (parts[2] if len(parts) > 2 else "")

    lines = [
        "# Benchmark results",
        "",
        "Regenerate with `make bench` (= `.venv/bin/python bench/run_all.py ../shared/corpora`;"
        " `--size 1000000` for the 1M table); the scripts are described in bench/README.md, the"
        " profile in bench/PROFILE.md. Each section is one run, kept as the `bench/results-*.json`"
        " it was rendered from.",
    ]
    for path in sorted(files, key=size):
        articles, label = size(path)
        title = f"{articles:,} articles" + (f": {label.replace('-', ' ')}" if label else "")
        section = render(json.loads(path.read_text()), title)
        lines += [
            "",
            *("#" + line if line.startswith("#") else line for line in section.split("\n")),
        ]
    text = "\n".join(lines).rstrip("\n") + "\n"
    kept = previous.find("\n" + BY_HAND)
    return text + previous[kept:] if kept >= 0 else text


def main(argv: list[str] | None = None) -> int:
    """Build the corpus if needed, measure, keep the results, render."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path, nargs="?", help="folder with reuters21578/, bbc/")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--label", help="a name for a partial run (kept beside the full one)")
    parser.add_argument("--classes", help="comma-separated query classes (default: all)")
    parser.add_argument("--no-reference", action="store_true", help="skip FTS5 and tantivy")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP API")
    parser.add_argument("--render", action="store_true", help="only render RESULTS.md")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    if not args.render:
        if args.corpora is None:
            parser.error("give CORPORA_DIR (or --render)")
        args.work.mkdir(parents=True, exist_ok=True)
        (args.work / ".gitignore").write_text("*\n")  # indexes and corpus stay out of git
        corpus = args.work / f"corpus-{args.size}-{args.seed}.jsonl"
        py = sys.executable
        if not corpus.exists():
            cmd = [py, str(HERE / "corpus.py"), str(args.corpora), str(corpus)]
            cmd += ["--size", str(args.size), "--seed", str(args.seed)]
            subprocess.run(cmd, check=True)
        measured = args.work / "results.json"
        cmd = [py, str(HERE / "search.py"), str(corpus), "--work", str(args.work / "runs")]
        cmd += ["--reps", str(args.reps), "--json", str(measured)]
        for flag in ("rebuild", "no_reference", "no_http"):
            if getattr(args, flag):
                cmd.append("--" + flag.replace("_", "-"))
        if args.classes:
            cmd += ["--classes", args.classes]
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        print(f"measured in {time.perf_counter() - started:.0f} s")
        name = f"results-{args.size}" + (f"-{args.label}" if args.label else "") + ".json"
        shutil.copy(measured, HERE / name)
        print(f"kept {HERE / name}")
    previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    text = render_all(sorted(HERE.glob("results-*.json")), previous)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
