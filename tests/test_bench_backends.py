"""bench/search.py --backend xapian: Whoosh, Xapian shards, one shard and remote shards (by
spies and by count servers) in one run over a small corpus, with the agreement tables (same
corpus, so every count must agree)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

WORDS = (
    "company year pct bank stock billion market shares sales government oil prices interest "
    "rates trade deficit exchange prime minister federal reserve central west germany mln dlrs "
    "tax dollar yen election labour film music growth profit"
).split()


def _corpus(path: Path, articles: int = 60) -> None:
    """A JSON Lines corpus of articles made of the benchmark's words."""
    rng = random.Random(5)
    with path.open("w") as out:
        for n in range(articles):
            body = "\n\n".join(
                " ".join(rng.choice(WORDS) for _ in range(30)).capitalize() + "." for _ in range(3)
            )
            record = {
                "id": f"b-{n:03d}",
                "title": " ".join(rng.choice(WORDS) for _ in range(6)).title(),
                "source": rng.choice(["Reuters", "AP", "BBC"]),
                "date": f"1987-0{1 + n % 9}-{1 + n % 27:02d}",
                "byline": [rng.choice(["Jane Doe", "John Roe"])] if n % 3 else [],
                "body": body,
            }
            out.write(json.dumps(record) + "\n")


def test_one_run_measures_every_engine_and_finds_them_agreeing(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus)
    work = tmp_path / "work"
    command = [sys.executable, str(ROOT / "bench" / "search.py"), str(corpus)]
    command += ["--backend", "xapian", "--shards", "2", "--one-shard", "--no-spies"]
    command += ["--reps", "2", "--work", str(work)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((work / "xapian-results.json").read_text())
    assert set(results["articles"]) == {
        "whoosh",
        "xapian",
        "xapian 1 shard",
        "xapian 2 remote shards",
        "xapian 2 remote shards, count servers",
    }
    assert set(results["articles"].values()) == {60}
    for row in results["agreement"]:
        assert row["whoosh_total"] == row["xapian_total"], row
        assert row["facets_equal"], row
    remote = results["remote_agreement"]
    searches = remote["searches"]
    assert searches > 0
    for part in ("totals", "stories", "facets (case-folded)", "chart", "hits and copies"):
        assert remote["agreeing"][part] == searches, part
    report = (work / "XAPIAN.md").read_text()
    assert "Local shards against one shard" in report and "common term: wall" in report
    assert "Remote shards with count servers against the same shards local" in report
