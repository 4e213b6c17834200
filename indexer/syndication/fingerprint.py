"""Fingerprints of article bodies: the word shingles of their prose, summarised by MinHash.

The MinHash values are datasketch's (`affine32` scheme): `Fingerprinter.lean` turns them into a
`LeanMinHash`. They are computed here with numpy because datasketch hashes each shingle in
Python, which costs more than the whole budget of the grouping. datasketch itself is imported
only for `lean`: it imports scipy, ~0.6 CPU-s that every `update` paid at start.
"""

from __future__ import annotations

import re
import string
import zlib
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import LeanMinHash

SCHEME = "affine32"
EMPTY = np.iinfo(np.uint32).max

# Paragraphs that end like a sentence, or long ones, are text; the rest (menus, headlines of
# other stories, captions, datelines) is left out even when the normaliser leaves it in.
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_SENTENCE_ENDS = tuple(".!?:;\"')\u201d\u2019\u2026")
_PROSE_WORDS = 20
# Unicode punctuation (U+2000-U+206F: dashes, curly quotes, bullets) and Latin-1 symbols
# (U+00A0-U+00BF: no-break space, guillemets, (c), (R)), matched on UTF-8 bytes.
_UNICODE_PUNCT = re.compile(rb"\xe2[\x80\x81][\x80-\xbf]|\xc2[\xa0-\xbf]")
_ASCII_PUNCT = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
_BREAK = zlib.crc32(b"\x01")
_MIX = np.uint64(0x9E3779B97F4A7C15)


def prose(text: str) -> list[str]:
    """The paragraphs of a body that read as running text, each on one line."""
    paragraphs = (block.replace("\n", " ").rstrip() for block in _BLANK_LINE.split(text))
    return [p for p in paragraphs if p.endswith(_SENTENCE_ENDS) or p.count(" ") >= _PROSE_WORDS]


def shingle_hashes(text: str, words: int = 5) -> np.ndarray:
    """The sorted 32-bit hashes of the word shingles of a body's prose, none across paragraphs."""
    data = _UNICODE_PUNCT.sub(b" ", " \x01 ".join(prose(text)).lower().encode())
    tokens = data.translate(_ASCII_PUNCT).split()
    count = len(tokens) - words + 1
    if count <= 0:
        return np.empty(0, np.uint32)
    token_hashes = np.fromiter(map(zlib.crc32, tokens), dtype=np.uint64, count=len(tokens))
    breaks = np.cumsum(token_hashes == _BREAK)
    whole = (breaks[words - 1 :] == breaks[:count]) & (token_hashes[:count] != _BREAK)
    mixed = token_hashes[:count] * _MIX
    for offset in range(1, words):
        mixed += token_hashes[offset : offset + count]
        mixed *= _MIX
    hashes = (mixed[whole] >> np.uint64(32)).astype(np.uint32)
    hashes.sort()
    return hashes


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser, which datasketch applies before its affine32 permutations."""
    values = values ^ (values >> np.uint32(16))
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations (`MinHash._init_permutations`): odd `a`, any `b`."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


class Fingerprinter:
    """MinHash values of bodies, equal to datasketch's `MinHash.update_batch` of their shingles."""

    def __init__(self, num_perm: int = 128, seed: int = 1, shingle_words: int = 5) -> None:
        self.num_perm, self.seed, self.shingle_words = num_perm, seed, shingle_words
        a, b = _permutations(num_perm, seed)
        self._a, self._b = a[:, None], b[:, None]

    def __call__(self, text: str) -> tuple[np.ndarray, int]:
        """The MinHash values of a body and its number of distinct shingles."""
        hashes = shingle_hashes(text, self.shingle_words)
        if not len(hashes):
            return np.full(self.num_perm, EMPTY, np.uint32), 0
        permuted = self._a * _fmix32(hashes)
        permuted += self._b
        return permuted.min(axis=1), int(np.count_nonzero(hashes[1:] != hashes[:-1])) + 1

    def lean(self, values: np.ndarray) -> LeanMinHash:
        """MinHash values as a datasketch LeanMinHash."""
        from datasketch import LeanMinHash

        return LeanMinHash(seed=self.seed, hashvalues=values, scheme=SCHEME)
