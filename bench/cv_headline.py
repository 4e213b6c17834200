"""Source-grouped cross-validation of the copied-text headline model on the development pages.

Usage: .venv/bin/python bench/cv_headline.py PAGES_DIR --text-dir DIR
           [--sources fundus,postlight,readability] [--seeds 0,1,2] [--drop FEATURES]
           [--param KEY=VALUE]

For each development source in turn, the model is trained (as `bench/train_headline.py` does,
threshold included) on the pages of the other sources and the held-out source's pages are read
end to end as copied text, with that model in place of the shipped one; the title is judged as
`bench/pages.py` judges it. A change to the features or the candidates is kept only if it helps
on held-out sources here, not just in sample. `--seeds` retrains with row bagging under each
seed, to show how far training noise alone moves the figures (seed 0: no bagging, the shipped
recipe). `--drop` holds features at 0 (a feature's weight when left out) and `--param` changes
a tree setting (`--param num_leaves=3`, `--param rounds=100`), both for this run only. Finds
the package the way `bench/pages.py` does: run it from the checkout whose code it should weigh.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import train_headline as th  # noqa: E402
from pages import load_pages, title_right  # noqa: E402
from realpages import ours  # noqa: E402

from indexer.normalize import headline  # noqa: E402


def trained(groups: list[th.Group], sources: set[str], seed: int) -> dict:
    """A model fitted on `groups` as the shipped one is, with its threshold."""
    if seed:
        th.TREE_PARAMS.update(bagging_fraction=0.8, bagging_freq=1, seed=seed)
    model = th._shipped(th.fit(groups, "trees", 0.3), sources, 0)
    model["threshold"] = th._threshold(model, groups)
    return model


def held_out_titles(pages_dir: Path, text_dir: Path, source: str, model: dict) -> tuple[int, int]:
    """Titles right on one source's pages read with `model`, and how many pages were read."""
    headline.load_model = lambda *_: model  # find_headline looks the model up at call time
    right = total = 0
    for page in load_pages(pages_dir, {source}):
        path = text_dir / f"{page.name}.txt"
        if not path.exists():
            continue
        total += 1
        right += title_right(ours(path).title, page.title)
    return right, total


def main(argv: list[str] | None = None) -> int:
    """Train on all sources but one, read the held-out one, for each source and seed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--text-dir", type=Path, required=True)
    parser.add_argument("--sources", default=th.DEV)
    parser.add_argument("--seeds", default="0", help="comma-separated; 0 is the shipped recipe")
    parser.add_argument("--drop", default="", help="features held at 0 (to weigh a feature)")
    parser.add_argument("--param", action="append", default=[], help="tree setting: key=value")
    args = parser.parse_args(argv)
    for setting in args.param:
        key, value = setting.split("=")
        if key == "rounds":
            th.TREE_ROUNDS = int(value)
        else:
            th.TREE_PARAMS[key] = float(value) if "." in value else int(value)
    logging.disable(logging.CRITICAL)
    sources = args.sources.split(",")
    groups = {s: th.load_groups(args.pages_dir, args.text_dir, {s})[1] for s in sources}
    dropped = [headline.FEATURES.index(name) for name in args.drop.split(",") if name]
    for rows, _, _ in (g for page_groups in groups.values() for g in page_groups):
        for row in rows:
            for k in dropped:
                row[k] = 0.0
    for seed in (int(s) for s in args.seeds.split(",")):
        right = total = 0
        cells = []
        for held in sources:
            train = [g for s in sources if s != held for g in groups[s]]
            model = trained(train, set(sources) - {held}, seed)
            r, n = held_out_titles(args.pages_dir, args.text_dir, held, model)
            right, total = right + r, total + n
            cells.append(f"{held} {r}/{n} ({100 * r / n:.1f} %)")
        print(f"seed {seed}: " + ", ".join(cells) + f"; held out in all {right}/{total} "
              f"({100 * right / total:.1f} %)", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
