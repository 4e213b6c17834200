"""Top terms: the words and two-word phrases over-represented in a search's matches.

A random sample of the matches (SAMPLE_SIZE articles, one per story when grouping; all of
them when fewer) is read and each body cut into clauses and lower-cased words. A word or a
pair of adjacent words (neither a stop word, no number between them) counts once per
article. Forms the engine indexes as one (`stock`, `stocks`) are counted together and shown
as the most frequent form. Each term's share of the sample is compared with its share of the
whole archive (articles whose body holds it, from the engine's term index) by Dunning's
log-likelihood ratio G² (as Elasticsearch's `significant_text` compares a foreground with a
background), and only terms more frequent in the matches are kept. The query's own words are
left out.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from indexer.backends.base import SAMPLE, SearchBackend, SearchQuery
from indexer.errors import QueryError
from indexer.query.grammar import leaves, parse

SAMPLE_SIZE = 500
MAX_SIZE = 200
PHRASES_CHECKED = 200  # two-word phrases whose archive count is looked up, most frequent first
PHRASE_SECONDS = 0.4  # time for those look-ups
METHOD = "log-likelihood ratio (G²) of the term's share of the sample against the archive"

_CLAUSE = re.compile(r"[.!?;:,()\[\]\"“”«»—–]+|\s-\s|\n")
_TOKEN = re.compile(r"\w+")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Function words, auxiliaries and the words every news article uses.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told also one two three would could may might must shall us mr mrs ms dr
    its it's new last first year years week weeks month today yesterday per cent percent
    there's can't don't won't didn't isn't wasn't i'm we're they're he's she's that's let""".split()
)


@dataclass(slots=True, frozen=True)
class Term:
    """A word or phrase with its counts in the analysed matches and in the archive."""

    term: str
    matches: int
    archive: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        """The term in the API's shape."""
        return {
            "term": self.term,
            "kind": "phrase" if " " in self.term else "word",
            "matches": self.matches,
            "archive": self.archive,
            "score": round(self.score, 2),
        }


@dataclass(slots=True, frozen=True)
class TopTerms:
    """The top terms of a search and what they were computed from."""

    query: str
    total: int  # matching articles
    analysed: int  # articles read (the sample)
    sampled: bool  # False: every match was read
    seed: int
    archive: int  # articles in the archive
    terms: list[Term]
    per_story: bool = False  # one article read per story (syndicated copies left out)

    def to_dict(self) -> dict[str, Any]:
        """The API's shape."""
        return {
            "ok": True,
            "query": self.query,
            "total": self.total,
            "analysed": self.analysed,
            "sampled": self.sampled,
            "sample_seed": self.seed,
            "archive": self.archive,
            "method": METHOD,
            "from": (
                f"a random sample of {self.analysed:,} of the {self.total:,} matching articles"
                if self.sampled
                else f"all {self.analysed:,} matching articles"
            )
            + (" (one per story)" if self.per_story and self.analysed < self.total else ""),
            "terms": [t.to_dict() for t in self.terms],
        }


def check_size(raw: str | None, default: int = 50) -> int:
    """How many terms to return (1 to MAX_SIZE); QueryError otherwise."""
    raw = (raw or "").strip()
    if not raw:
        return default
    try:
        size = int(raw)
    except ValueError:
        raise QueryError(f"size must be a whole number of terms, not {raw!r}.") from None
    if not 1 <= size <= MAX_SIZE:
        raise QueryError(f"size must be from 1 to {MAX_SIZE} terms, not {size}.")
    return size


def top_terms(backend: SearchBackend, sq: SearchQuery, size: int = 50, seed: int = 0) -> TopTerms:
    """The `size` terms most over-represented in the matches of `sq` against the archive."""
    wanted = replace(sq, sample=SAMPLE_SIZE, seed=seed, sort="oldest")
    if backend.supports(SAMPLE):
        found = backend.export(wanted, cap=SAMPLE_SIZE)
    else:  # without random samples: the first matches in the search's order
        found = backend.export(replace(wanted, sample=None), cap=SAMPLE_SIZE)
    bodies = [article.body for article in found]
    total, archive = found.total, backend.count()
    n = len(bodies)
    # A sample of fewer than SAMPLE_SIZE is every match (every story's first copy when grouping).
    sampled = n >= SAMPLE_SIZE and total > n
    result = TopTerms(sq.text, total, n, sampled, seed, archive, [], sq.group)
    if not n or total >= archive:  # nothing to compare: the matches are the archive
        return result
    least = max(2, math.ceil(n * 0.005))
    counts, forms = _counts(backend, bodies, least)
    asked = set(backend.term_keys(_query_words(sq.text)))
    candidates = [k for k in counts if len(k) == 1 and k[0] not in asked]
    in_archive = backend.archive_counts([forms[k] for k in candidates])
    scored = []
    for key, found_in in zip(candidates, in_archive, strict=True):
        score = significance(counts[key], n, found_in, archive, total)
        if score > 0:
            scored.append(Term(forms[key], counts[key], found_in, score))
    # Phrases need a phrase search each: they are taken in order of the best score they could
    # have (their archive count is at least their count in the sample), and only while that
    # could still place them among the `size` best, within PHRASE_SECONDS.
    bests = sorted((t.score for t in scored), reverse=True)
    hopes = sorted(
        (
            (significance(c, n, c, archive, total), key)
            for key, c in counts.items()
            if len(key) == 2
        ),
        reverse=True,
    )
    deadline = time.perf_counter() + PHRASE_SECONDS
    for hope, key in hopes[:PHRASES_CHECKED]:
        threshold = bests[size - 1] if len(bests) >= size else 0.0
        if hope <= threshold or time.perf_counter() > deadline:
            break
        found_in = backend.archive_counts([forms[key]])[0]
        score = significance(counts[key], n, found_in, archive, total)
        if score > 0:
            scored.append(Term(forms[key], counts[key], found_in, score))
            bests = sorted([*bests, score], reverse=True)
    scored.sort(key=lambda t: (-t.score, t.term))
    return replace(result, terms=scored[:size])


def significance(k: int, n: int, in_archive: int, archive: int, total: int) -> float:
    """G² of a term in k of n sampled matches against the rest of the archive; 0 if not over.

    The rest of the archive is its articles without the matches: the term's count there is
    its archive count less its estimated count in all matches (k / n of `total`).
    """
    rest = archive - total
    if rest <= 0 or n <= 0:
        return 0.0
    other = min(max(in_archive - k * total / n, 0.0), rest)
    if k / n <= other / rest:
        return 0.0
    cells = ((k, n - k), (other, rest - other))
    rows = (n, rest)
    columns = (k + other, n - k + rest - other)
    grand = n + rest
    g2 = 0.0
    for i in range(2):
        for j in range(2):
            observed = cells[i][j]
            if observed > 0:
                g2 += observed * math.log(observed * grand / (rows[i] * columns[j]))
    return 2 * g2


def _counts(
    backend: SearchBackend, bodies: list[str], least: int
) -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], str]]:
    """Articles holding each word and pair of adjacent words, by engine key (`stock(s)` once).

    Only terms in at least `least` articles are kept; each key is shown as its commonest form.
    """
    documents: list[tuple[set[str], set[tuple[str, str]]]] = []
    surface: Counter[str] = Counter()
    for body in bodies:
        words: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        for clause in _CLAUSE.split(body.lower()):
            tokens = _TOKEN.findall(clause)
            words.update(tokens)
            pairs.update(zip(tokens, tokens[1:], strict=False))
        surface.update(words)
        documents.append((words, pairs))
    # Words in a single article cannot pass `least` (at least 2) in any form worth showing.
    good = [w for w, c in surface.items() if c > 1 and w not in STOP_WORDS and _WORD.fullmatch(w)]
    keys = dict(zip(good, backend.term_keys(good), strict=True))
    counts: Counter[tuple[str, ...]] = Counter()
    pair_surface: Counter[tuple[str, str]] = Counter()
    for words, pairs in documents:
        counts.update({(keys[w],) for w in words if w in keys})
        kept = [p for p in pairs if p[0] in keys and p[1] in keys]
        pair_surface.update(kept)
        counts.update({(keys[a], keys[b]) for a, b in kept})
    kept_counts = {k: c for k, c in counts.items() if c >= least and all(k)}
    forms: dict[tuple[str, ...], str] = {}
    best: dict[tuple[str, ...], int] = {}
    for word, count in surface.items():
        key = (keys[word],) if word in keys else None
        if key in kept_counts and count > best.get(key, 0):
            best[key], forms[key] = count, word
    for pair, count in pair_surface.items():
        key = (keys[pair[0]], keys[pair[1]])
        if key in kept_counts and count > best.get(key, 0):
            best[key], forms[key] = count, " ".join(pair)
    return kept_counts, forms


def _query_words(text: str) -> list[str]:
    """The lower-cased words of a query (its terms are left out of its top terms)."""
    try:
        tree = parse(text).tree
    except QueryError:
        return []
    return [w.lower() for leaf in leaves(tree) for w in _TOKEN.findall(leaf.text)]
