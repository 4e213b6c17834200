"""Build a deterministic benchmark corpus (JSONL) from the Reuters-21578 and BBC news corpora.

Usage: .venv/bin/python bench/corpus.py CORPORA_DIR OUT.jsonl [--size 100000] [--seed 1]

Every real article with a body is written once with its real metadata (Reuters: date, title,
dateline, author, topics; BBC: category, title on the first line). The rest, up to `--size`, are
recombined from real material: the lead paragraph of a real article, then paragraphs drawn from
articles of the same topic (Reuters TOPICS, BBC category), as many as a real article of that topic
has; title of the lead's article; date, dateline and byline drawn from the real values of the
same corpus. What the corpora do not have is made up and says so here: BBC articles carry no date
(the collection covers 2004-2005, so a day in that range is drawn), no dateline and no byline; a
`publisher` (the site a copy was taken from) is given to about 15% of articles from a fixed list;
`url` is built from source, date and title. The same arguments always give the same file.

The corpora are read in place; nothing of them is copied into the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
BBC_FIRST, BBC_LAST = dt.date(2004, 1, 1), dt.date(2005, 12, 31)
# Sites that republish wire and broadcaster copy; weights fall off like real referrer counts.
PUBLISHERS = {
    "Reuters": [
        "Yahoo Finance",
        "MarketScreener",
        "Global Banking & Finance Review",
        "Investing.com",
        "Business Recorder",
        "The Star",
        "Zawya",
    ],
    "BBC News": ["MSN", "Yahoo News UK", "NewsNow", "The Independent Online"],
}
PUBLISHER_SHARE = 0.15
DOMAINS = {"Reuters": "www.reuters.com", "BBC News": "news.bbc.co.uk"}


@dataclass(slots=True)
class Story:
    """One real article with the metadata its corpus gives."""

    id: str
    source: str
    topic: str
    title: str
    paragraphs: list[str]
    date: dt.date | None = None
    dateline: str | None = None
    byline: list[str] = field(default_factory=list)


# Readers (bench/corpora.py did not exist when this was written; these are self-contained.)

_REUTERS = re.compile(r"<REUTERS([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')


def _tag(block: str, name: str) -> str | None:
    """The text of the first <name>…</name> in a Reuters block, unescaped."""
    m = re.search(rf"<{name}>(.*?)</{name}>", block, re.S)
    if not m:
        return None
    text = re.sub(r"&#\d+;", "", m.group(1))
    return html.unescape(text)


def _reuters_paragraphs(body: str) -> list[str]:
    """Paragraphs of a Reuters body: an indented line starts a new one; the sign-off is dropped."""
    body = re.sub(r"\s*\bReuter\s*$", "", body.rstrip(), flags=re.I)
    paragraphs: list[list[str]] = []
    for line in body.splitlines():
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [" ".join(p) for p in paragraphs if p]


def iter_reuters(path: Path) -> Iterator[Story]:
    """Every Reuters-21578 story that has a body, with its date, dateline, author and topics."""
    for sgm in sorted(path.glob("reut2-*.sgm")):
        text = sgm.read_bytes().decode("latin-1")
        for m in _REUTERS.finditer(text):
            attrs, block = m.groups()
            body = _tag(block, "BODY")
            title = _tag(block, "TITLE")
            if not body or not title:
                continue
            paragraphs = _reuters_paragraphs(body)
            if not paragraphs:
                continue
            newid = _NEWID.search(attrs)
            date = None
            dm = re.search(r"(\d{1,2})-([A-Z]{3})-(\d{4})", _tag(block, "DATE") or "")
            if dm and dm.group(2) in MONTHS:
                date = dt.date(int(dm.group(3)), MONTHS[dm.group(2)], int(dm.group(1)))
            dateline = (_tag(block, "DATELINE") or "").strip()
            dateline = dateline.split(",")[0].strip(" -") or None
            author = (_tag(block, "AUTHOR") or "").strip()
            author = re.sub(r"^By\s+", "", author, flags=re.I).split(",")[0].strip()
            topics = re.findall(r"<D>(.*?)</D>", _tag(block, "TOPICS") or "")
            yield Story(
                id=f"reuters-{newid.group(1) if newid else len(text)}",
                source="Reuters",
                topic="reuters/" + (topics[0] if topics else "none"),
                title=" ".join(title.split()),
                paragraphs=paragraphs,
                date=date,
                dateline=dateline,
                byline=[author] if author else [],
            )


def iter_bbc(path: Path) -> Iterator[Story]:
    """Every BBC article: title on the first line, paragraphs separated by blank lines."""
    for txt in sorted(path.glob("*/*.txt")):
        text = txt.read_bytes().decode("latin-1")
        lines = text.strip().split("\n", 1)
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", lines[-1]) if p.strip()]
        if len(lines) < 2 or not paragraphs:
            continue
        yield Story(
            id=f"bbc-{txt.parent.name}-{txt.stem}",
            source="BBC News",
            topic="bbc/" + txt.parent.name,
            title=lines[0].strip(),
            paragraphs=paragraphs,
        )


def _slug(title: str) -> str:
    """A URL slug of a title."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "story"


def _record(story: Story, rng: random.Random) -> dict[str, object]:
    """The JSONL object of a story; BBC dates and all publishers are drawn here."""
    date = story.date
    if date is None:
        date = BBC_FIRST + dt.timedelta(days=rng.randrange((BBC_LAST - BBC_FIRST).days + 1))
    record: dict[str, object] = {
        "id": story.id,
        "title": story.title,
        "source": story.source,
    }
    if rng.random() < PUBLISHER_SHARE:
        names = PUBLISHERS[story.source]
        record["publisher"] = rng.choices(names, weights=[1 / (i + 1) for i in range(len(names))])[
            0
        ]
    record.update(
        {
            "date": date.isoformat(),
            "byline": list(story.byline),
            "dateline": story.dateline,
            "body": "\n\n".join(story.paragraphs),
            "url": f"https://{DOMAINS[story.source]}/{date:%Y/%m/%d}/{_slug(story.title)}"
            f"-{story.id}",
        }
    )
    return record


def build(corpora: Path, size: int, seed: int) -> Iterator[dict[str, object]]:
    """The corpus records: every real story, then recombined ones up to `size`, shuffled."""
    rng = random.Random(seed)
    real = list(iter_reuters(corpora / "reuters21578")) + list(iter_bbc(corpora / "bbc"))
    by_topic: dict[str, list[Story]] = defaultdict(list)
    for story in real:
        by_topic[story.topic].append(story)
    by_source: dict[str, list[Story]] = defaultdict(list)
    for story in real:
        by_source[story.source].append(story)
    stories = real[:size]
    for n in range(size - len(stories)):
        lead = rng.choice(real)
        group = by_topic[lead.topic]
        count = len(rng.choice(group).paragraphs)  # a real length for this topic
        paragraphs = [lead.paragraphs[0]]
        for _ in range(count - 1):
            paragraphs.append(rng.choice(rng.choice(group).paragraphs))
        peers = by_source[lead.source]
        stories.append(
            Story(
                id=f"syn-{n:06d}",
                source=lead.source,
                topic=lead.topic,
                title=lead.title,
                paragraphs=paragraphs,
                date=rng.choice(peers).date,
                dateline=rng.choice(group).dateline,
                byline=list(rng.choice(peers).byline),
            )
        )
    rng.shuffle(stories)
    for story in stories:
        yield _record(story, rng)


def main(argv: list[str] | None = None) -> int:
    """Write the corpus and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path, help="folder with reuters21578/ and bbc/")
    parser.add_argument("out", type=Path, help="JSONL file to write")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    words = n = 0
    with args.out.open("w", encoding="utf-8") as out:
        for record in build(args.corpora, args.size, args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            words += len(str(record["body"]).split())
            n += 1
    mb = args.out.stat().st_size / 1e6
    print(f"{n} articles, {words / max(n, 1):.0f} words each on average, {mb:.1f} MB: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
