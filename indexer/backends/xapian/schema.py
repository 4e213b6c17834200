"""How an article becomes a Xapian document: term prefixes, value slots and the stored record.

Text is analysed by the project's own analyzer (`indexer.backends.analysis`), not by
Xapian's TermGenerator, so both engines hold the same terms: Whoosh's word pattern, lower case,
Porter stems, no stop list, CJK runs as overlapping bigrams. Title terms weigh 2 per occurrence
(the Whoosh schema's field boost, which BM25F applies inside the saturation as a wdf of 2 does);
body terms are unprefixed; the name fields (source, publisher, byline, dateline) are lower-cased
words without stems, with positions, as Whoosh's StandardAnalyzer reads them.

Each pair of adjacent title or body words is also a boolean term (no weight, no positions), so a
two-word phrase is matched as its words filtered by their pair term instead of by reading the
positions of every article holding both words, and a longer one reads positions only in the
articles holding all its pairs (`translate`); an index whose metadata lacks `BIGRAMS_KEY` (built
before) is matched by positions.

Facets are boolean terms (for filtering, values case-folded) and value slots (for counting with
`ValueCountMatchSpy`); a multi-valued byline holds its distinct names joined in one slot value,
so each article counts once per name. Dates are sortable numbers: the first day, the last day
of the date's period (for from/to bounds that need the whole period inside) and a key that
sorts undated articles last when the oldest come first.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from typing import Any

import numpy as np
import xapian
from whoosh.analysis import Analyzer, StandardAnalyzer

from indexer.backends.analysis import text_analyzer
from indexer.backends.base import copy_of
from indexer.backends.vocabulary import words
from indexer.models import Article
from indexer.query.facets import MULTI_SEP, PRECISION_CODES, facet_values, period_ends
from indexer.query.indexed import micros
from indexer.query.mentions import word_count
from indexer.query.order import UNKNOWN_OLDEST

# Term prefixes of the searchable fields (body has none).
TEXT_PREFIX = {"title": "S", "body": "", "source": "XS", "publisher": "XP", "byline": "XA",
               "dateline": "XD"}  # fmt: skip
TITLE_WDF = 2  # the Whoosh schema's field_boost on title
# Boolean terms of the pairs of adjacent words in title and body ("XBoil price"), in indexes
# whose metadata says so (BIGRAMS_KEY): a two-word phrase is then matched without positions.
BIGRAM_PREFIX = {"title": "XT", "body": "XB"}
BIGRAMS_KEY = "newsindex-bigrams"
STAMP_KEY = "newsindex-stamp"  # a new random value at each commit: which revision a reader sees
ID_PREFIX = "Q"
ORIGIN_PREFIX = "XO"
STORY_PREFIX = "KT"
# Boolean terms of facet values (case-folded), for filters.
FACET_PREFIX = {"source": "KS", "publisher": "KP", "byline": "KA", "dateline": "KD",
                "month": "KM", "language": "KL"}  # fmt: skip
# Value slots.
FACET_SLOT = {"source": 0, "publisher": 1, "byline": 2, "dateline": 3, "month": 4, "language": 5}
SLOT_NEWEST = 6  # first day (ordinal), 0 when undated: newest first sorts undated last
SLOT_OLDEST = 7  # first day, or UNKNOWN_OLDEST when undated: oldest first sorts them last
SLOT_END = 8  # last day of the date's period
SLOT_DATEKEY = 9  # "ordinal:precision" of a dated article, for the date chart
SLOT_STORY = 10  # story id (solo-<id> for an article alone): collapsing one hit per story
SLOT_ORIGIN = 11
SLOT_MTIME = 12
SLOT_CHART = 13  # "ordinal:precision" MULTI_SEP source: the date chart per source
SLOT_INDEXED = 14  # when the article entered the index (indexer.query.indexed.micros)
SLOT_WORDS = 15  # the body's length in words (indexer.query.mentions.word_count)
SLOT_SUMMARY = 16  # JSON of base.copy_of: a copy listed under a hit, without the whole record
SOLO = "solo-"  # the story slot's prefix of an article alone: its story lives in one shard
MAX_TERM_BYTES = 240  # Xapian refuses longer terms; such a 'word' is a URL or a hash

_TEXT = text_analyzer()
_NAMES = StandardAnalyzer(stoplist=None)
TEXT_FIELDS = frozenset({"title", "body"})


def analyzer(field: str) -> Analyzer:
    """The analyzer of a searchable field."""
    return _TEXT if field in TEXT_FIELDS else _NAMES


def field_texts(article: Article) -> dict[str, str]:
    """The text of each searchable field, as the Whoosh document holds it."""
    return {
        "title": article.title or "",
        "body": article.body,
        "source": article.source or "",
        "publisher": article.publisher or "",
        "byline": "; ".join(article.byline),
        "dateline": article.dateline or "",
    }


def document(article: Article, spelling: Counter[str]) -> xapian.Document:
    """The Xapian document of an article; its words (unstemmed) are counted into `spelling`."""
    doc = xapian.Document()
    for name, text in field_texts(article).items():
        if not text:
            continue
        prefix, wdf = TEXT_PREFIX[name], TITLE_WDF if name == "title" else 1
        at: dict[int, list[str]] = {}
        for token in analyzer(name)(text, positions=True):
            term = prefix + token.text
            if len(term.encode()) <= MAX_TERM_BYTES:
                doc.add_posting(term, token.pos + 1, wdf)
                at.setdefault(token.pos, []).append(token.text)
        if name in TEXT_FIELDS:
            spelling.update(words(text))
            for term in bigram_terms(name, at):
                doc.add_boolean_term(term)
    doc.add_boolean_term(ID_PREFIX + article.id)
    doc.add_boolean_term(ORIGIN_PREFIX + article.origin)
    story = article.story_id or SOLO + article.id
    doc.add_boolean_term(STORY_PREFIX + story)
    source = ""
    for name, values in facet_values(article).items():
        distinct = list(dict.fromkeys(values))
        for value in distinct:
            doc.add_boolean_term(FACET_PREFIX[name] + value.casefold())
        if distinct:
            doc.add_value(FACET_SLOT[name], MULTI_SEP.join(distinct))
        if name == "source" and distinct:
            source = distinct[0]
    start = article.date.start() if article.date else None
    ordinal = start.toordinal() if start else 0
    doc.add_value(SLOT_NEWEST, xapian.sortable_serialise(ordinal))
    doc.add_value(SLOT_OLDEST, xapian.sortable_serialise(ordinal or UNKNOWN_OLDEST))
    if ordinal:
        precision = PRECISION_CODES.get((article.date.precision if article.date else "") or "", 0)
        end = int(period_ends(np.array([ordinal]), np.array([precision]))[0])
        doc.add_value(SLOT_END, xapian.sortable_serialise(end))
        key = f"{ordinal}:{precision}"
        doc.add_value(SLOT_DATEKEY, key)
        doc.add_value(SLOT_CHART, key + MULTI_SEP + source)
    doc.add_value(SLOT_STORY, story)
    doc.add_value(SLOT_ORIGIN, article.origin)
    doc.add_value(SLOT_MTIME, xapian.sortable_serialise(float(article.mtime)))
    doc.add_value(SLOT_INDEXED, xapian.sortable_serialise(micros(article.indexed_at)))
    doc.add_value(SLOT_WORDS, xapian.sortable_serialise(word_count(article.body)))
    stored = article.to_record()
    doc.add_value(SLOT_SUMMARY, summary_json(stored))
    doc.set_data(json.dumps(stored, ensure_ascii=False))
    return doc


def summary_json(stored: dict[str, Any]) -> str:
    """What a hit shows of the article as another copy of its story (`copy_of`), as JSON."""
    return json.dumps(copy_of(stored), ensure_ascii=False)


def bigram(name: str, first: str, second: str) -> str | None:
    """The term of two adjacent words of a text field (None when too long for Xapian)."""
    term = f"{BIGRAM_PREFIX[name]}{first} {second}"
    return term if len(term.encode()) <= MAX_TERM_BYTES else None


def bigram_terms(name: str, at: dict[int, list[str]]) -> set[str]:
    """The terms of every pair of words at adjacent positions (words by position)."""
    found = set()
    for pos, firsts in at.items():
        for first in firsts:
            for second in at.get(pos + 1, ()):
                term = bigram(name, first, second)
                if term is not None:
                    found.add(term)
    return found


def create(folder: str) -> None:
    """Create (or empty) a shard database whose documents will hold the bigram terms."""
    db = xapian.WritableDatabase(folder, xapian.DB_CREATE_OR_OVERWRITE)
    db.set_metadata(BIGRAMS_KEY, "1")
    commit(db)
    db.close()


def commit(db: xapian.WritableDatabase) -> None:
    """Commit with a new stamp (remote readers and count servers compare theirs: the count
    servers' `stamp` must be the shard connection's for their counts to describe its revision)."""
    db.set_metadata(STAMP_KEY, uuid.uuid4().hex)
    db.commit()


def stamp(db: xapian.Database) -> str:
    """Which database and revision a shard's reader sees: its UUID (a copy made by
    `xapian-replicate` keeps it) and the stamp of its last commit (none before stamps)."""
    return f"{db.get_uuid().decode()}:{db.get_metadata(STAMP_KEY).decode()}"


def has_bigrams(db: xapian.Database) -> bool:
    """Whether every document of a database holds its bigram terms (built by `create`)."""
    return db.get_metadata(BIGRAMS_KEY) == b"1"


def record(doc: xapian.Document) -> dict[str, Any]:
    """The stored record of a document (Article.to_record())."""
    return json.loads(doc.get_data())
