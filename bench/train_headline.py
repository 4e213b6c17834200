"""Train the headline model of copied text on development pages and write its weights.

Usage: .venv/bin/python bench/train_headline.py PAGES_DIR --text-dir DIR
           [--sources fundus,postlight,readability] [--out indexer/data/headline_model.json]

PAGES_DIR holds `gold.jsonl` (as `../shared/corpora/pages`); DIR holds the copied text of each
page (`bench/copytext.py PAGES_DIR --out DIR`). Only pages of `--sources` are read: the others
stay unseen, for `bench/pages.py` to score. Each line that `indexer.normalize.headline` would
weigh is labelled by whether it is the gold title (up to whitespace and quote styles); pages
whose headline is not among the lines teach nothing and are left out. A logistic regression
(scikit-learn, `pip install scikit-learn`) is fitted and its weights written as JSON, so the
package needs nothing but the file to score, offline and the same way every time. The threshold
is the lowest score at which the best line of a page is still right as often as `--precision`
(of the pages whose headline is among the lines).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from indexer.normalize import headline
from indexer.normalize.lines import clean_text, split_lines, unwrap
from indexer.normalize.story import Page, find_title, strong_anchor
from indexer.normalize.zone import article_zone

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-", "\u00a0": " "})  # fmt: skip
DEV = "fundus,postlight,readability"


def title_key(text: str | None) -> str:
    """A title compared exactly, up to whitespace, quote and dash styles."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(text.split())


def page_rows(text: str, gold: str) -> tuple[list[list[float]], list[int]]:
    """The candidate lines of one page as feature rows, and which is the gold title."""
    page = Page(unwrap(split_lines(clean_text(text))))
    zone = article_zone(page)
    if zone is None:
        return [], []
    anchor = strong_anchor(page)
    old = find_title(page, anchor)
    body = headline.zone_words(page, zone)
    want = title_key(gold)
    rows, labels = [], []
    found = headline.candidates(page, zone)
    near = frozenset(found)
    for rank, i in enumerate(found):
        rows.append(headline.features(page, zone, i, rank, body, old, near))
        labels.append(int(title_key(page.text(i)) == want))
    if not any(labels):
        return [], []
    return rows, labels


def main(argv: list[str] | None = None) -> int:
    """Fit the model on the development pages and write it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--text-dir", type=Path, required=True)
    parser.add_argument("--sources", default=DEV)
    parser.add_argument("--out", type=Path, default=headline.MODEL_PATH)
    parser.add_argument("--precision", type=float, default=0.8, help="of the best line kept")
    args = parser.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    sources = set(args.sources.split(","))
    groups: list[tuple[list[list[float]], list[int]]] = []
    read = 0
    for raw in (args.pages_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(raw)
        stem = gold["file"].rsplit(".", 1)[0]
        if stem.rsplit("-", 1)[0] not in sources or not gold.get("title"):
            continue
        path = args.text_dir / f"{stem}.txt"
        if not path.exists():
            continue
        read += 1
        rows, labels = page_rows(path.read_text(encoding="utf-8"), gold["title"])
        if rows:
            groups.append((rows, labels))
    x = [row for rows, _ in groups for row in rows]
    y = [label for _, labels in groups for label in labels]
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    model.fit(x, y)
    weights = [round(float(w), 5) for w in model.coef_[0]]
    shipped = {
        "features": list(headline.FEATURES),
        "weights": weights,
        "bias": round(float(model.intercept_[0]), 5),
        "threshold": 0.0,
        "trained_on": sorted(sources),
        "pages": len(groups),
    }
    shipped["threshold"] = _threshold(shipped, groups, args.precision)
    args.out.write_text(json.dumps(shipped, indent=1) + "\n", encoding="utf-8")
    right = sum(_best(shipped, group)[1] for group in groups)
    print(
        f"{read} pages read, {len(groups)} with the headline among the candidates, "
        f"{len(x)} lines; best line right on {right} of {len(groups)}; "
        f"threshold {shipped['threshold']}; written to {args.out}"
    )
    for name, weight in sorted(zip(headline.FEATURES, weights, strict=True), key=lambda p: p[1]):
        print(f"  {weight:+.3f}  {name}")
    return 0


def _best(model: dict, group: tuple[list[list[float]], list[int]]) -> tuple[float, int]:
    """The best line's score on one page and whether it is the headline."""
    rows, labels = group
    scored = [(headline.score(model, row), label) for row, label in zip(rows, labels, strict=True)]
    return max(scored, key=lambda pair: pair[0])


def _threshold(
    model: dict, groups: list[tuple[list[list[float]], list[int]]], precision: float
) -> float:
    """The lowest score above which the page's best line is right as often as `precision`."""
    best = sorted((_best(model, group) for group in groups), reverse=True)
    chosen = best[-1][0] if best else 0.5
    right = 0
    for n, (value, label) in enumerate(best, start=1):
        right += label
        if right / n >= precision:
            chosen = value
    return round(float(chosen), 4)


if __name__ == "__main__":
    sys.exit(main())
