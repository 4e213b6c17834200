"""Regenerate bench/RESULTS.md: build the corpus, measure everything, write the table.

Usage: .venv/bin/python bench/run_all.py CORPORA_DIR [--work DIR] [--size 100000] [--reps 100]
           [--rebuild] [--from-json RESULTS.json]

Writes the corpus (bench/corpus.py) into the work folder (default `bench/.work/`, outside git's
view of the corpora) unless it is already there, runs bench/search.py on it (which reuses an
index of the same corpus unless `--rebuild`), and renders bench/RESULTS.md from its JSON.
`--from-json` only renders a results file measured earlier.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from search import FULL_REQUEST_GOAL, P95_GOAL  # noqa: E402

REBUILD_GOAL = 500.0  # articles/s end to end
UPDATE_GOAL = 5.0  # seconds for 100 changed files
RSS_GOAL = 300.0  # MB per serving process
COLD_GOAL = 1.0  # seconds, first search after start
HTTP_GOAL = 5.0  # ms added by the API


def mark(ok: bool) -> str:
    """The met / not met cell."""
    return "met" if ok else "**not met**"


def _ms(value: float | None) -> str:
    """Milliseconds for a table cell."""
    if value is None:
        return "–"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def render(r: dict[str, Any]) -> str:
    """RESULTS.md from the JSON that bench/search.py wrote."""
    m = r["machine"]
    b = r.get("build") or {}
    classes: dict[str, Any] = r["classes"]
    lines = [
        "# Benchmark results",
        "",
        "Regenerate with `make bench` (= `.venv/bin/python bench/run_all.py ../shared/corpora`);"
        " the scripts are described in bench/README.md, the profile in bench/PROFILE.md.",
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
        "",
        "## Goals (issue 7)",
        "",
        "| goal | measured | |",
        "|---|---|---|",
    ]
    for name, c in classes.items():
        api = c["times"].get("api", c["times"]["whoosh"])
        goal = P95_GOAL.get(name, FULL_REQUEST_GOAL)
        lines.append(
            f"| {name}: full request p95 ≤ {goal:.0f} ms (API) | {_ms(api['p95'])} ms |"
            f" {mark(api['p95'] <= goal)} |"
        )
    for name, c in classes.items():
        fts = c["times"].get("fts5")
        if fts and name != "misspelt (did-you-mean)":
            w = c["times"]["whoosh"]["p95"]
            lines.append(
                f"| {name}: no slower than FTS5 (backend p95 vs FTS5 p95) | {_ms(w)} vs"
                f" {_ms(fts['p95'])} ms | {mark(w <= fts['p95'])} |"
            )
    if b:
        lines.append(
            f"| rebuild ≥ {REBUILD_GOAL:.0f} articles/s end to end | {b['rate']:.0f}/s wall"
            f" ({b.get('cpu_rate', 0):.0f}/s per CPU-second) | {mark(b['rate'] >= REBUILD_GOAL)} |"
        )
        u = b["update"]
        lines.append(
            f"| `update` of 100 changed files ≤ {UPDATE_GOAL:.0f} s | {u['seconds']:.1f} s"
            f" ({u.get('cpu_seconds', 0):.1f} s CPU) | {mark(u['seconds'] <= UPDATE_GOAL)} |"
        )
    mem = r.get("server_memory")
    if mem:
        lines.append(
            f"| ≤ {RSS_GOAL:.0f} MB resident per serving process | peak {mem['peak_rss_mb']:.0f} MB"
            f" | {mark(mem['peak_rss_mb'] <= RSS_GOAL)} |"
        )
    cold = r.get("cold_http")
    if cold:
        lines.append(
            f"| first search after start ≤ {COLD_GOAL:.0f} s | {cold['first_search_s']:.2f} s"
            f" (spawn to first result {cold['spawn_to_first_result_s']:.2f} s) |"
            f" {mark(cold['first_search_s'] <= COLD_GOAL)} |"
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
            f"| HTTP API adds ≤ {HTTP_GOAL:.0f} ms (per request: API time − the server's own"
            f" `took_ms`, median, worst class) | {worst:.1f} ms (API p50 − backend p50:"
            f" {min(overheads.values()):+.1f} to {max(overheads.values()):+.1f} ms) |"
            f" {mark(worst <= HTTP_GOAL)} |"
        )
    elif overheads:
        worst = max(overheads.values())
        lines.append(
            f"| HTTP API adds ≤ {HTTP_GOAL:.0f} ms (API p50 − backend p50, worst class) |"
            f" {worst:.1f} ms | {mark(worst <= HTTP_GOAL)} |"
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


def main(argv: list[str] | None = None) -> int:
    """Build the corpus if needed, measure, render."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path, nargs="?", help="folder with reuters21578/, bbc/")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--from-json", type=Path, help="render this results file only")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    if args.from_json:
        results_path = args.from_json
    else:
        if args.corpora is None:
            parser.error("give CORPORA_DIR (or --from-json)")
        args.work.mkdir(parents=True, exist_ok=True)
        (args.work / ".gitignore").write_text("*\n")  # indexes and corpus stay out of git
        corpus = args.work / f"corpus-{args.size}-{args.seed}.jsonl"
        py = sys.executable
        if not corpus.exists():
            cmd = [py, str(HERE / "corpus.py"), str(args.corpora), str(corpus)]
            cmd += ["--size", str(args.size), "--seed", str(args.seed)]
            subprocess.run(cmd, check=True)
        results_path = args.work / "results.json"
        cmd = [py, str(HERE / "search.py"), str(corpus), "--work", str(args.work / "runs")]
        cmd += ["--reps", str(args.reps), "--json", str(results_path)]
        if args.rebuild:
            cmd.append("--rebuild")
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        print(f"measured in {time.perf_counter() - started:.0f} s")
    args.out.write_text(render(json.loads(results_path.read_text())), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
