"""Measure story grouping on BBC articles republished the way portals republish wire copy.

Usage: .venv/bin/python bench/syndication.py CORPORA_DIR [--originals 500] [--scale 20000]

Every BBC article (`CORPORA_DIR/bbc/<category>/NNN.txt`: title, then body) is in the set, so the
negatives include every same-topic article. A deterministic sample of originals each gets one to
three republished variants: the page of a portal wrapped around it (menus, newsletter prompts, a
disclaimer, "More from" headlines, like seeds/001), the first paragraphs only (like seeds/000), a
rewritten headline, a "Key Takeaways" box, a lightly edited paragraph, or several of these. Each
text goes through the project's normaliser, then through the grouper. BBC's own duplicates and
revised versions count as one story (see `revisions`). Pair precision and recall are printed for
all pairs, for pairs with a variant, and for pairs of BBC originals.

The second part times the grouper on a larger set (Reuters-21578 and BBC bodies, reworded
replicas beyond those, a tenth republished), then an incremental update of it through `save`
and `load`. Times are CPU times of this process (the machine may be shared).
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from math import comb
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.errors import SkipArticle  # noqa: E402
from indexer.models import Article, RawRecord  # noqa: E402
from indexer.normalize import normalize  # noqa: E402
from indexer.syndication import StoryGrouper  # noqa: E402

PORTALS = {
    "Global Markets Review": "Markets",
    "The Daily Briefing Online": "World",
    "NewsPulse 24": "Latest",
    "Finance & Tech Monitor": "Business",
}
REVISION = 0.7  # exact containment above which two BBC originals are versions of one story
REVISED_HEADLINE = 0.5  # the same, when they share their headline
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "big": "large",
    "rise": "increase",
    "fell": "dropped",
    "help": "assist",
    "told": "informed",
    "also": "additionally",
    "but": "however",
    "new": "fresh",
    "firm": "company",
    "expected": "anticipated",
}


def read_bbc(corpora: Path) -> list[tuple[str, str, str, list[str]]]:
    """(id, category, title, paragraphs) for every BBC article."""
    articles = []
    for path in sorted((corpora / "bbc").glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title, _, body = text.strip().partition("\n")
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        articles.append(
            (f"bbc/{path.parent.name}/{path.stem}", path.parent.name, title, paragraphs)
        )
    return articles


def portal_page(rng: random.Random, title: str, body: list[str], headlines: list[str]) -> str:
    """The text of a portal page around a story, as saved from a browser."""
    name, section = rng.choice(sorted(PORTALS.items()))
    more = rng.sample(headlines, 8)
    lines = [
        "Search",
        f"{name} Logo",
        "HomeNewsBusinessTechnologyMarketsOpinionVideosEventsMagazine",
        "Subscribe to our newsletter",
        "Get the latest news and updates from our team.",
        *[f"    • {item}" for item in ("About Us", "Privacy & Cookie Policy", "Terms", "Contact")],
        f"{name}® is a leading online news portal offering news, analysis, opinion, reviews, "
        "interviews and videos from the world of business, finance, technology and politics.",
        f"Copyright © 2010-2026 {name} Ltd - All Rights Reserved. | Sitemap | Tags",
        "Editorial & Advertiser disclosure",
        f"{name}® is an online platform offering news, analysis and opinion on the latest "
        "trends and developments worldwide. The website publishes news, press releases, opinion "
        "and advertorials commissioned from companies, organisations, PR agencies and bloggers. "
        "These commissioned articles are commercial in nature. This is not to be considered as "
        "financial advice and should be considered only for information purposes. We cannot "
        "guarantee the accuracy or applicability of any information provided with respect to "
        "your individual circumstances. Please seek professional advice before making any "
        "financial decisions.",
        f"Home > {section} > {title}",
        section,
        title,
        f"Published by {name}",
        f"Posted on {rng.choice(['January', 'March', 'June'])} {rng.randint(1, 28)}, 2005",
        f"{rng.randint(2, 6)} min read",
        "Why waste money on news and opinion when you can access them for free?",
        "Take advantage of our newsletter subscription and stay informed on the go!",
        "Subscribe",
        *body,
        f"More from {section}",
        f"Explore more articles in the {section} category",
        *[line for h in more for line in (f"Image for {h}", h)],
        f"View All {section} Posts",
        f"Previous {section} Post{more[0]}",
    ]
    return "\n\n".join(lines)


def takeaways(rng: random.Random, body: list[str]) -> list[str]:
    """A "Key Takeaways" box: a few sentences of the story, shortened."""
    sentences = [s for p in body for s in re.split(r"(?<=[.!?])\s+", p) if len(s.split()) > 8]
    picked = rng.sample(sentences, min(3, len(sentences)))
    return ["Key Takeaways", *("• " + " ".join(s.split()[:12]).rstrip(".,") + "." for s in picked)]


def edit(rng: random.Random, paragraph: str) -> str:
    """Lightly edit a paragraph: a few synonyms, maybe one sentence dropped."""
    words = [SYNONYMS.get(w, w) if rng.random() < 0.7 else w for w in paragraph.split(" ")]
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(words))
    if len(sentences) > 2:
        del sentences[rng.randrange(len(sentences))]
    return " ".join(sentences)


def first_paragraphs(paragraphs: list[str], share: float) -> list[str]:
    """The first paragraphs holding at least `share` of the words."""
    total, kept = sum(len(p.split()) for p in paragraphs), 0
    for n, paragraph in enumerate(paragraphs, 1):
        kept += len(paragraph.split())
        if kept >= share * total:
            return paragraphs[:n]
    return paragraphs


def variant(
    rng: random.Random, title: str, body: list[str], headlines: list[str]
) -> tuple[str, list[str]]:
    """One republished copy: its text and the changes made."""
    kinds = rng.sample(
        ["wrapped", "truncated", "headline", "takeaways", "edited"], rng.randint(1, 3)
    )
    body = list(body)
    if "edited" in kinds:
        i = rng.randrange(len(body))
        body[i] = edit(rng, body[i])
    if "truncated" in kinds:
        body = first_paragraphs(body, 0.4)
    if "takeaways" in kinds:
        box = takeaways(rng, body)
        body = box + body if rng.random() < 0.5 else body + box
    if "headline" in kinds:
        template = rng.choice(["UPDATE 1-{}", "{} - report", "What we know: {}", "{}, sources say"])
        title = template.format(title_case(title))
    if "wrapped" in kinds:
        return portal_page(rng, title, body, headlines), kinds
    return "\n\n".join([title, *body]), kinds


def title_case(title: str) -> str:
    """A headline rewritten the way a sub-editor might."""
    return title[:1].upper() + title[1:].lower()


def normalised(article_id: str, text: str) -> Article | None:
    """The article the project's normaliser makes of a text, or None when it skips it."""
    record = RawRecord(
        id=article_id, file=f"{article_id}.txt", path=Path(article_id), kind="text", text=text
    )
    try:
        return normalize(record)
    except SkipArticle:
        return None


def pair_scores(
    predicted: dict[str, str], truth: dict[str, str], keep: Any = None
) -> tuple[float, float, int]:
    """Pair precision, recall and true pairs of a clustering; `keep(a, b)` limits the pairs."""
    if keep is None:
        cells = Counter((predicted[a], truth[a]) for a in predicted)
        together = sum(comb(c, 2) for c in cells.values())
        predicted_pairs = sum(comb(c, 2) for c in Counter(predicted.values()).values())
        true_pairs = sum(comb(c, 2) for c in Counter(truth[a] for a in predicted).values())
    else:
        groups: dict[str, list[str]] = {}
        for a in predicted:
            groups.setdefault(predicted[a], []).append(a)
            groups.setdefault("truth " + truth[a], []).append(a)
        pairs = {
            (name.startswith("truth "), a, b)
            for name, members in groups.items()
            for a, b in combinations(sorted(members), 2)
            if keep(a, b)
        }
        predicted_set = {(a, b) for is_truth, a, b in pairs if not is_truth}
        truth_set = {(a, b) for is_truth, a, b in pairs if is_truth}
        together = len(predicted_set & truth_set)
        predicted_pairs, true_pairs = len(predicted_set), len(truth_set)
    return together / max(predicted_pairs, 1), together / max(true_pairs, 1), true_pairs


def shingles(paragraphs: list[str]) -> set[tuple[str, ...]]:
    """The exact word 5-grams of a text, within paragraphs."""
    grams = set()
    for paragraph in paragraphs:
        words = re.findall(r"\w+", paragraph.lower())
        grams.update(zip(*(words[i:] for i in range(5)), strict=False))
    return grams


def revisions(bbc: list[tuple[str, str, str, list[str]]]) -> dict[str, str]:
    """A story label per BBC article, as the corpus holds duplicates and revised versions."""
    # Two articles are versions of one story when one's text is mostly inside the other's
    # (exact 5-gram containment >= REVISION, or >= REVISED_HEADLINE under the same headline);
    # follow-ups that reuse background paragraphs under a new headline stay apart.
    grams = {article_id: shingles(body) for article_id, _, _, body in bbc}
    headline = {article_id: title.strip().lower() for article_id, _, title, _ in bbc}
    holders: dict[tuple[str, ...], list[str]] = {}
    for article_id, own in grams.items():
        for gram in own:
            holders.setdefault(gram, []).append(article_id)
    shared = Counter(
        pair for ids in holders.values() if 1 < len(ids) < 50 for pair in combinations(ids, 2)
    )
    label = {article_id: article_id for article_id in grams}

    def find(a: str) -> str:
        while label[a] != a:
            a = label[a]
        return a

    for (a, b), count in shared.items():
        bar = REVISED_HEADLINE if headline[a] == headline[b] else REVISION
        if count >= bar * max(1, min(len(grams[a]), len(grams[b]))):
            label[find(a)] = find(b)
    return {article_id: find(article_id) for article_id in grams}


def labelled_set(corpora: Path, originals: int, seed: int) -> tuple[list, dict, dict]:
    """Texts (id, text), true story per id, and the changes made to each variant."""
    rng = random.Random(seed)
    bbc = read_bbc(corpora)
    story = revisions(bbc)
    texts = [(a, "\n\n".join([title, *body])) for a, _, title, body in bbc]
    headlines: dict[str, list[str]] = {}
    for _, category, title, _ in bbc:
        headlines.setdefault(category, []).append(title)
    kinds: dict[str, list[str]] = {}
    for article_id, category, title, body in rng.sample(bbc, originals):
        for n in range(rng.randint(1, 3)):
            copy_id = f"{article_id}~{n}"
            text, kinds[copy_id] = variant(rng, title, body, headlines[category])
            texts.append((copy_id, text))
            story[copy_id] = story[article_id]
    rng.shuffle(texts)
    return texts, story, kinds


def quality(corpora: Path, originals: int, seed: int, verbose: bool) -> None:
    """Precision, recall and time on the labelled BBC set."""
    texts, truth, kinds = labelled_set(corpora, originals, seed)
    started = time.process_time()
    articles = [a for a in (normalised(i, t) for i, t in texts) if a is not None]
    normalise_s = time.process_time() - started
    grouper = StoryGrouper()
    started = time.process_time()
    for article in articles:
        grouper.add(article)
    groups = grouper.groups()
    group_s = time.process_time() - started
    predicted = {m: g.story_id for g in groups for m in g.members}
    precision, recall, true_pairs = pair_scores(predicted, truth)
    variants = sum(1 for a in articles if "~" in a.id)
    print(
        f"BBC labelled set (seed {seed}): {len(articles)} articles = {len(articles) - variants}"
        f" BBC originals + {variants} republished variants of {originals} sampled originals;"
        f" {len(texts) - len(articles)} skipped by the normaliser"
    )
    print(
        f"  true pairs {true_pairs}, predicted stories {len(groups)}"
        f" ({sum(len(g.members) > 1 for g in groups)} with copies)"
    )
    print(f"  pair precision {precision:.4f}  recall {recall:.4f}")
    copies = {a: s for a, s in predicted.items() if "~" in a}
    wire = {a for a in predicted if "~" not in a}
    precision, recall, true_pairs = pair_scores(
        predicted, truth, keep=lambda a, b: a in copies or b in copies
    )
    print(
        f"  pairs with a republished variant ({true_pairs} true):"
        f" precision {precision:.4f}  recall {recall:.4f}"
    )
    precision, recall, true_pairs = pair_scores(
        predicted, truth, keep=lambda a, b: a in wire and b in wire
    )
    print(
        f"  pairs of BBC originals ({true_pairs} true: duplicates and revisions):"
        f" precision {precision:.4f}  recall {recall:.4f}"
    )
    print(
        f"  grouping {group_s * 1000 / len(articles):.3f} ms/article"
        f" ({group_s:.2f} s; normaliser {normalise_s * 1000 / len(articles):.3f} ms/article)"
    )
    missed = Counter()
    seen = Counter()
    for copy_id, changes in kinds.items():
        if copy_id not in predicted:
            continue
        original = copy_id.split("~")[0]
        for change in changes:
            seen[change] += 1
            missed[change] += predicted[copy_id] != predicted[original]
    print("  variants grouped with their original, by change made:")
    for change in sorted(seen):
        print(f"    {change:10s} {1 - missed[change] / seen[change]:.3f} of {seen[change]}")
    if verbose:
        by_story: dict[str, list[str]] = {}
        for article_id, story in predicted.items():
            by_story.setdefault(story, []).append(article_id)
        for members in by_story.values():
            if len({truth[m] for m in members}) > 1:
                print("  wrongly together:", sorted(members))


def reuters(corpora: Path) -> list[str]:
    """The bodies of Reuters-21578, unwrapped into paragraphs as the normaliser gives them."""
    bodies = []
    for path in sorted((corpora / "reuters21578").glob("reut2-*.sgm")):
        sgml = path.read_bytes().decode("latin-1")
        for body in re.findall(r"<BODY>(.*?)</BODY>", sgml, re.S):
            body = html.unescape(body).replace("Reuter\n\x03", "").strip()
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{2,}", body)]
            if sum(len(p.split()) for p in paragraphs) >= 50:
                bodies.append("\n\n".join(p for p in paragraphs if p))
    return bodies


def large_set(corpora: Path, count: int, seed: int) -> list[Article]:
    """`count` articles: Reuters-21578 and BBC bodies, then reworded replicas; a tenth copied."""
    # A replica has every third word replaced, so it shares few shingles with its original.
    rng = random.Random(seed)
    bodies = reuters(corpora) + ["\n\n".join(body) for *_, body in read_bbc(corpora)]
    rng.shuffle(bodies)
    vocabulary = sorted({w for body in bodies[:2000] for w in body.split()})
    articles: list[Article] = []
    while len(articles) < count:
        body = bodies[len(articles) % len(bodies)]
        if len(articles) >= len(bodies):
            words = body.split(" ")
            body = " ".join(
                rng.choice(vocabulary) if i % 3 == 1 else w for i, w in enumerate(words)
            )
        n = len(articles)
        articles.append(Article(id=f"a{n}", file=f"a{n}.txt", body=body))
        if rng.random() < 0.1:
            paragraphs = body.split("\n\n")
            extra = ["Subscribe to our newsletter for the latest news and updates every day."]
            kept = first_paragraphs(paragraphs, 0.4) if rng.random() < 0.5 else paragraphs
            copy = Article(id=f"a{n}c", file=f"a{n}c.txt", body="\n\n".join(kept + extra))
            articles.append(copy)
    return articles[:count]


def scale(corpora: Path, count: int, seed: int) -> None:
    """Time grouping, saving, loading and a small update at a larger size."""
    articles = large_set(corpora, count + 20, seed)
    base, later = articles[:count], articles[count:]
    grouper = StoryGrouper()
    started = time.process_time()
    for article in base:
        grouper.add(article)
    add_s = time.process_time() - started
    groups = grouper.groups()
    total_s = time.process_time() - started
    copies = sum(len(g.members) - 1 for g in groups)
    words = sum(len(a.body.split()) for a in base) / count
    print(
        f"Scale: {count} articles (Reuters-21578 and BBC, {words:.0f} words on average),"
        f" {len(groups)} stories, {copies} copies grouped"
    )
    print(
        f"  fingerprint {add_s * 1000 / count:.3f} ms/article, candidates + verification"
        f" {(total_s - add_s) * 1000 / count:.3f} ms/article,"
        f" total {total_s * 1000 / count:.3f} ms/article ({total_s:.1f} s)"
    )
    with tempfile.TemporaryDirectory() as directory:
        started = time.process_time()
        grouper.save(Path(directory))
        save_s = time.process_time() - started
        started = time.process_time()
        loaded = StoryGrouper.load(Path(directory))
        load_s = time.process_time() - started
        size = sum(p.stat().st_size for p in Path(directory).iterdir())
    started = time.process_time()
    for article in later:
        loaded.add(article)
    for article in base[:20]:
        loaded.remove(article.id)
    loaded.groups()
    update_s = time.process_time() - started
    print(
        f"  save {save_s:.2f} s, load {load_s:.2f} s ({size / 1e6:.1f} MB on disk);"
        f" update adding 20 and removing 20: {update_s:.2f} s"
    )


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, help="folder holding bbc/<category>/NNN.txt")
    parser.add_argument("--originals", type=int, default=500, help="originals given variants")
    parser.add_argument("--scale", type=int, default=20000, help="articles in the timing run")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong groupings")
    args = parser.parse_args()
    if not (args.corpora / "bbc").is_dir():
        parser.error(f"no bbc/ folder in {args.corpora}")
    quality(args.corpora, args.originals, args.seed, args.verbose)
    if args.scale:
        scale(args.corpora, args.scale, args.seed)


if __name__ == "__main__":
    main()
