"""Train the headline model of copied text on development pages and write its weights.

Usage: .venv/bin/python bench/train_headline.py PAGES_DIR --text-dir DIR
           [--sources fundus,postlight,readability] [--out indexer/data/headline_model.json]
           [--kind trees|logit] [--folds 5]

PAGES_DIR holds `gold.jsonl` (as `../shared/corpora/pages`); DIR holds the copied text of each
page (`bench/copytext.py PAGES_DIR --out DIR`). Only pages of `--sources` are read: the others
stay unseen, for `bench/pages.py` to score. Each line that `indexer.normalize.headline` would
weigh is labelled by whether it is the gold title (up to whitespace and quote styles); pages
whose headline is not among the lines teach nothing and are left out.

The model ranks the candidate lines of one page against each other, so it learns what sets the
headline apart from the other lines *of its page* (a standfirst and a headline are both
headline-shaped; what tells them apart is which comes first, which the page repeats), not from
all lines of all pages. `--kind trees` (the default) fits small gradient-boosted trees with
LightGBM's LambdaRank (`pip install lightgbm`, for training only); `--kind logit` fits a
conditional logit (one softmax per page over a linear score, L-BFGS from scipy). Either way the
model is written as JSON (the trees as nested lists), so the package needs nothing but the file
to score, offline and the same way every time. `--folds` reports how often the best line is
right on pages held out of the fit (pages split by their order, no shuffling), the figure to
trust when choosing features. The threshold is the score below which the rule-based headline
(`story.find_title`) is right more often than the model's best line, measured on the same pages.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

import numpy as np

from indexer.normalize import headline
from indexer.normalize.lines import clean_text, split_lines, unwrap
from indexer.normalize.story import Page, find_title, strong_anchor
from indexer.normalize.zone import article_zone

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-", "\u00a0": " "})  # fmt: skip
DEV = "fundus,postlight,readability"
# A page: its candidates' feature rows, which is the headline, whether `find_title` is right.
Group = tuple[list[list[float]], list[int], bool]


def title_key(text: str | None) -> str:
    """A title compared exactly, up to whitespace, quote and dash styles."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(text.split())


def page_rows(text: str, gold: str) -> Group:
    """The candidate lines of one page as feature rows, and which is the gold title."""
    page = Page(unwrap(split_lines(clean_text(text))))
    zone = article_zone(page)
    if zone is None:
        return [], [], False
    old = find_title(page, strong_anchor(page))
    want = title_key(gold)
    found = headline.candidates(page, zone)
    rows = headline.feature_rows(page, zone, found, old)
    labels = [int(title_key(headline.tidy_headline(page.text(i))[0]) == want) for i in found]
    old_right = old is not None and title_key(headline.tidy_headline(page.text(old))[0]) == want
    return rows, labels, old_right


def load_groups(pages_dir: Path, text_dir: Path, sources: set[str]) -> tuple[int, list[Group]]:
    """How many pages of `sources` were read, and the groups of those with candidates."""
    groups: list[Group] = []
    read = 0
    for raw in (pages_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(raw)
        stem = gold["file"].rsplit(".", 1)[0]
        if stem.rsplit("-", 1)[0] not in sources or not gold.get("title"):
            continue
        path = text_dir / f"{stem}.txt"
        if not path.exists():
            continue
        read += 1
        rows, labels, old_right = page_rows(path.read_text(encoding="utf-8"), gold["title"])
        if rows:
            groups.append((rows, labels, old_right))
    return read, groups


def fit(groups: list[Group], kind: str, l2: float) -> dict:
    """The model fitted on the pages whose headline is among the candidates."""
    taught = [(rows, labels) for rows, labels, _ in groups if any(labels)]
    if kind == "logit":
        return {"kind": "logit", "weights": [round(float(w), 5) for w in _logit(taught, l2)]}
    import lightgbm

    rows = np.asarray([row for page, _ in taught for row in page], dtype=float)
    labels = np.asarray([label for _, page in taught for label in page])
    data = lightgbm.Dataset(rows, labels, group=[len(page) for page, _ in taught])
    signs = [MONOTONE.get(name, 0) for name in headline.FEATURES]
    params = {**TREE_PARAMS, "monotone_constraints": signs}
    booster = lightgbm.train(params, data, num_boost_round=TREE_ROUNDS)
    trees = [_tree(t["tree_structure"]) for t in booster.dump_model()["tree_info"]]
    return {"kind": "trees", "trees": trees}


# Small trees, slowly learned: 477 pages teach only a few interactions reliably.
TREE_PARAMS = {
    "objective": "lambdarank",
    "num_leaves": 4,
    "learning_rate": 0.05,
    "min_data_in_leaf": 10,
    "lambdarank_truncation_level": 3,
    "deterministic": True,
    "num_threads": 1,
    "seed": 1,
    "verbose": -1,
}
TREE_ROUNDS = 200
# Evidence whose direction is known whatever else holds: opening the text, being the rule-based
# choice, a byline below, the story's words are for a headline; furniture's marks are against.
# Held to their sign, the trees cannot learn the development pages' accidents the other way
# round (few development pages open on their headline; every plain-text wire story does).
MONOTONE = {
    "top_line": 1,
    "old_choice": 1,
    "meta_after": 1,
    "body_share": 1,
    "echoed": 1,
    "inside_zone": -1,
    "prompt": -1,
    "credit_words": -1,
    "breadcrumb": -1,
    "starts_by": -1,
    "names_only": -1,
    "words_over_20": -1,
}


def _tree(node: dict) -> list | float:
    """One LightGBM tree as nested lists: `[feature, threshold, left, right]` or a leaf value."""
    if "leaf_value" in node:
        return round(float(node["leaf_value"]), 6)
    if node["decision_type"] != "<=":
        raise ValueError(f"unexpected split {node['decision_type']!r}")
    return [
        node["split_feature"],
        float(node["threshold"]),
        _tree(node["left_child"]),
        _tree(node["right_child"]),
    ]


def _logit(taught: list[tuple[list[list[float]], list[int]]], l2: float) -> np.ndarray:
    """The weights of a conditional logit: one softmax over each page's candidates."""
    from scipy.optimize import minimize

    xs = [np.asarray(rows, dtype=float) for rows, _ in taught]
    ys = [labels.index(1) for _, labels in taught]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * l2 * float(w @ w), l2 * w
        for x, y in zip(xs, ys, strict=True):
            s = x @ w
            top = s.max()
            e = np.exp(s - top)
            total += top + np.log(e.sum()) - s[y]
            grad = grad + (e / e.sum()) @ x - x[y]
        return total, grad

    return minimize(loss, np.zeros(len(headline.FEATURES)), jac=True, method="L-BFGS-B").x


def main(argv: list[str] | None = None) -> int:
    """Fit the model on the development pages and write it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--text-dir", type=Path, required=True)
    parser.add_argument("--sources", default=DEV)
    parser.add_argument("--out", type=Path, default=headline.MODEL_PATH)
    parser.add_argument("--kind", choices=("trees", "logit"), default="trees")
    parser.add_argument("--l2", type=float, default=0.3, help="weight decay of the logit")
    parser.add_argument("--folds", type=int, default=0, help="report held-out accuracy")
    args = parser.parse_args(argv)
    sources = set(args.sources.split(","))
    read, groups = load_groups(args.pages_dir, args.text_dir, sources)
    if args.folds > 1:
        right = 0
        for k in range(args.folds):
            held = groups[k :: args.folds]
            kept = [g for n, g in enumerate(groups) if n % args.folds != k]
            model = _shipped(fit(kept, args.kind, args.l2), sources, 0)
            right += sum(_best(model, group)[1] for group in held)
        print(f"held out ({args.folds} folds): best line right on {right} of {len(groups)}")
    inside = sum(any(labels) for _, labels, _ in groups)
    shipped = _shipped(fit(groups, args.kind, args.l2), sources, inside)
    shipped["threshold"] = _threshold(shipped, groups)
    text = json.dumps(shipped, indent=None if args.kind == "trees" else 1, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    right = sum(_best(shipped, group)[1] for group in groups)
    print(
        f"{read} pages read, {len(groups)} with candidates, {inside} with the headline among "
        f"them; best line right on {right}; threshold {shipped['threshold']}; "
        f"written to {args.out}"
    )
    for name, weight in sorted(zip(headline.FEATURES, shipped.get("weights", []), strict=False),
                               key=lambda p: p[1]):  # fmt: skip
        print(f"  {weight:+.3f}  {name}")
    return 0


def _shipped(model: dict, sources: set[str], pages: int) -> dict:
    """The model as the package reads it (a page's scores are compared, so no bias is needed)."""
    return {
        "features": list(headline.FEATURES),
        **model,
        "threshold": float("-inf"),
        "trained_on": sorted(sources),
        "pages": pages,
    }


def _best(model: dict, group: Group) -> tuple[float, int]:
    """The best line's score on one page and whether it is the headline."""
    rows, labels, _ = group
    scored = [(headline.score(model, row), label) for row, label in zip(rows, labels, strict=True)]
    return max(scored, key=lambda pair: pair[0])


def _threshold(model: dict, groups: list[Group]) -> float:
    """The score below which the rule-based headline is right more often than the best line."""
    pages = sorted(((*_best(model, group), group[2]) for group in groups), reverse=True)
    # Keeping the best line on the pages above a cut and the rule's choice below it.
    right = sum(old for _, _, old in pages)
    top, cut = right, float("inf")
    for value, label, old in pages:
        right += label - old
        if right >= top:
            top, cut = right, value
    return round(float(cut), 4)


if __name__ == "__main__":
    sys.exit(main())
