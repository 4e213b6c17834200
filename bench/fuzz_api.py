"""Fuzz the search API and pages with Hypothesis and count the answers that are 5xx.

Usage: .venv/bin/python bench/fuzz_api.py [--examples 2000] [--seed 6] [--live] [--json]

Builds an index of seeds/ and tests/data/articles in a temporary folder, then sends
Hypothesis-generated requests: query text in Whoosh's syntax and outside it (operators, fields,
wildcards, ranges, quotes, parentheses, long terms, control and right-to-left characters), every
search parameter with odd values, and raw query strings of arbitrary bytes. Requests go through
the Flask test client, or with --live over HTTP to a real `newsindex serve` on 127.0.0.1.
Reports requests, answers by status, the slowest request and any 5xx. Goal: 0 answers 5xx.
The strategies are shared with tests/test_fuzz.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

WORDS = ["tiktok", "refugees", "rednote", "cocoa", "trams", "Reuters", "Guo", "ban", "a", "the"]
FIELDS = ["title", "body", "source", "publisher", "byline", "dateline", "date", "id", "nope"]
SYNTAX = [
    "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "(", ")", '"', "'", "*", "?", "+", "-", "~", "~2",
    "^2", ":", "*:*", "[", "]", "{", "}", "TO", "to", "[a TO z]", "{2020 to}", "\\", "/", "%",
    "&", "<script>", "\x00", "\u202e", "\u200b", "\ufeff", "؟", "🙂", "東京", "é", "ß",
]  # fmt: skip
PARAMS = ["q", "source", "publisher", "byline", "dateline", "date", "from", "to", "sort"]
PARAMS += ["page", "per_page", "chart", "format", "x"]
ODD_VALUES = [
    "", " ", "0", "-1", "1", "2", "100", "101", "10000", "99999999999999999999", "1e9", "NaN",
    "relevance", "newest", "oldest", "sideways", "2025-01-15", "2025-01", "2025", "2025-13-45",
    "0000-00-00", "9999-12-31", "yesterday", "Reuters", "Example Wire", "x" * 600, "%", "%00",
]  # fmt: skip


def query_texts() -> st.SearchStrategy[str]:
    """Query text: free text, and tokens of Whoosh's syntax in any order."""
    token = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(SYNTAX),
        st.builds(lambda f, w: f"{f}:{w}", st.sampled_from(FIELDS), st.sampled_from(WORDS)),
        st.builds(lambda w, n: w[:n] + "*", st.sampled_from(WORDS), st.integers(0, 4)),
        st.text(min_size=1, max_size=12),
        st.builds(lambda n: "x" * n, st.integers(90, 200)),
    )
    structured = st.lists(token, max_size=40).map(
        lambda parts: "".join(p if p in "()\"'" else f" {p} " for p in parts).strip()
    )
    free = st.text(st.characters(blacklist_categories=("Cs",)), max_size=600)
    nested = st.integers(1, 300).map(lambda n: "(" * n + "cocoa" + ")" * n)
    return st.one_of(structured, free, nested)


def search_params() -> st.SearchStrategy[list[tuple[str, str]]]:
    """A list of (name, value) pairs, names repeated and unknown ones included."""
    value = st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=40), query_texts())
    pair = st.tuples(st.one_of(st.sampled_from(PARAMS), st.text(max_size=8)), value)
    return st.lists(pair, max_size=12)


def encode(params: list[tuple[str, str]]) -> str:
    """A query string, each name and value percent-encoded (lone surrogates as U+FFFD)."""
    clean = [(k.encode("utf-8", "replace"), v.encode("utf-8", "replace")) for k, v in params]
    return urlencode(clean, quote_via=quote)


def _requests() -> st.SearchStrategy[str]:
    """One request path of any kind the fuzzing covers."""
    return st.one_of(
        query_texts().map(lambda q: f"/api/search?q={quote(q.encode('utf-8', 'replace'))}"),
        query_texts().map(lambda q: f"/?q={quote(q.encode('utf-8', 'replace'))}"),
        search_params().map(lambda p: "/api/search?" + encode(p)),
        search_params().map(lambda p: "/?" + encode(p)),
        st.text(max_size=60).map(
            lambda i: f"/api/articles/{quote(i.encode('utf-8', 'replace'), safe='')}"
        ),
        st.binary(max_size=120).map(lambda b: "/api/search?" + quote(b, safe="=&%+")),
    )


def _build(work: Path) -> Path:
    """An index of the seeds and the test articles, as the test suite builds it."""
    from indexer.pipeline import build_index

    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "tests" / "data" / "articles", work / "articles")
    build_index([work / "seeds", work / "articles"], work / "index")
    return work / "index"


def run(examples: int, seed: int, live: bool = False) -> dict[str, object]:
    """Fuzz for `examples` Hypothesis examples; returns the figures."""
    from webapp import create_app

    statuses: Counter[int] = Counter()
    errors: list[str] = []
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory(prefix="newsindex-fuzz-") as tmp:
        work = Path(tmp)
        index_dir = _build(work)
        app = create_app({"TESTING": True, "INDEX_DIR": index_dir})

        def fuzz(send: Callable[[str], int]) -> None:
            """Run the Hypothesis examples through one way of sending a request."""

            @hypothesis_seed(seed)
            @settings(
                max_examples=examples,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(path=_requests())
            def one(path: str) -> None:
                """Send one request and record its status."""
                nonlocal slowest
                started = time.perf_counter()
                status = send(path)
                took = time.perf_counter() - started
                slowest = max(slowest, (took, path))
                statuses[status] += 1
                if status >= 500:
                    errors.append(f"{status} {path[:300]}")

            one()

        try:
            if live:
                from workload import get, serving

                with serving(index_dir, work) as port:
                    fuzz(lambda path: get(port, path)[0])
            else:
                client = app.test_client()
                fuzz(lambda path: client.get(path).status_code)
        finally:
            live_index = app.extensions.get("newsindex")
            if live_index is not None:
                live_index.close()
    return {
        "examples": examples,
        "requests": sum(statuses.values()),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "server_errors": len(errors),
        "slowest_ms": round(slowest[0] * 1000, 1),
        "slowest_path": slowest[1][:200],
        "examples_of_errors": errors[:10],
        "via": "HTTP to newsindex serve" if live else "Flask test client",
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, fuzz, print the figures; exit 1 on any 5xx."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--live", action="store_true", help="over HTTP to `newsindex serve`")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.examples, args.seed, args.live)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(
            f"fuzzed {figures['requests']} requests ({figures['via']}): statuses "
            f"{figures['statuses']}, 5xx {figures['server_errors']}; slowest "
            f"{figures['slowest_ms']} ms ({figures['slowest_path'][:80]!r})"
        )
        for example in figures["examples_of_errors"]:
            print(f"  5xx {example}")
    return 1 if figures["server_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
