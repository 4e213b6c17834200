"""The words of an index as written (not stemmed), with counts, for "did you mean".

Whoosh's `spelling=True` indexes every body word a second time, unstemmed, with its postings:
30 % of the writer's time and of the index, only to offer corrections. The corrections need the
words and how common they are, nothing more: here they are counted while articles are added
and kept as one small file beside the index. A correction is the indexed word nearest to a
query word (optimal string alignment distance, rapidfuzz), sharing its first two letters, the
most frequent among equals.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer.atomic import write_file

FILE_NAME = "vocabulary.json.gz"
PREFIX = 2  # misspellings rarely touch the first letters; it keeps the candidates few
MAX_DISTANCE = 2
_WORD = re.compile(r"[^\W\d_]{2,40}")


def words(text: str) -> list[str]:
    """The lower-cased words of a text that can be suggested."""
    return _WORD.findall(text.lower())


class Vocabulary:
    """Indexed words and their counts."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()
        self._sorted: list[str] | None = None

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def __len__(self) -> int:
        return len(self.counts)

    def add(self, texts: Iterable[str]) -> None:
        """Count the words of some texts."""
        for text in texts:
            self.counts.update(words(text))
        self._sorted = None

    def suggest(self, word: str) -> str | None:
        """The indexed word nearest to `word` (None if none is close or it is indexed)."""
        word = word.lower()
        if word in self.counts or len(word) <= PREFIX:
            return None
        if self._sorted is None:
            self._sorted = sorted(self.counts)
        start = bisect.bisect_left(self._sorted, word[:PREFIX])
        end = bisect.bisect_left(self._sorted, word[: PREFIX - 1] + chr(ord(word[PREFIX - 1]) + 1))
        found = process.extract(
            word,
            self._sorted[start:end],
            scorer=OSA.distance,
            score_cutoff=MAX_DISTANCE,
            limit=None,
        )
        if not found:
            return None
        best = min(found, key=lambda f: (f[1], -self.counts[f[0]], f[0]))
        return best[0]

    def save(self, directory: Path) -> None:
        """Write the vocabulary into an index directory (atomically)."""
        data = json.dumps(dict(self.counts), ensure_ascii=False).encode()
        write_file(directory / FILE_NAME, lambda fh: fh.write(gzip.compress(data, 5, mtime=0)))

    @classmethod
    def load(cls, directory: Path) -> Vocabulary | None:
        """The vocabulary saved in an index directory, or None if there is none or it is bad."""
        try:
            with gzip.open(directory / FILE_NAME, "rb") as stream:
                data = json.loads(stream.read())
        except (OSError, ValueError, EOFError):
            return None
        if not isinstance(data, dict):
            return None
        return cls(Counter({str(k): int(v) for k, v in data.items()}))
