"""Random samples of a match set: uniform, without replacement, reproducible by seed."""

from __future__ import annotations

import secrets
from typing import Any

import numpy as np

from indexer.errors import QueryError

MAX_SAMPLE = 10_000
MAX_SEED = 2**32 - 1


def draw(candidates: np.ndarray, size: int, seed: int) -> np.ndarray:
    """`size` of the candidates (all when fewer) drawn uniformly by the seed, ascending.

    The same candidates (in the same order) and seed give the same draw.
    """
    if size >= len(candidates):
        return np.sort(candidates)
    rng = np.random.Generator(np.random.PCG64(seed))
    return np.sort(candidates[rng.choice(len(candidates), size=size, replace=False)])


def sampled(
    final: np.ndarray, size: int, seed: int, group: bool, tables: Any
) -> tuple[np.ndarray, int]:
    """The mask of a sample of a match mask (of stories when grouping), and the pool's size.

    `tables` holds the index's columns (`stories`, `dates`), as both engines keep them.
    """
    pool = tables.stories.representatives(final, tables.dates.ordinal) if group else final
    candidates = np.flatnonzero(pool)
    mask = np.zeros_like(final)
    mask[draw(candidates, size, seed)] = True
    return mask, len(candidates)


def check_size(raw: str) -> int:
    """A sample size from request text; QueryError when it is not from 1 to MAX_SAMPLE."""
    try:
        size = int(raw.strip())
    except ValueError:
        raise QueryError(f"sample must be a whole number of articles, not {raw!r}.") from None
    if not 1 <= size <= MAX_SAMPLE:
        raise QueryError(f"sample must be from 1 to {MAX_SAMPLE:,} articles, not {size}.")
    return size


def check_seed(raw: str | None) -> int:
    """A seed from request text (a fresh random one when absent); QueryError when invalid."""
    if raw is None or not raw.strip():
        return secrets.randbelow(1_000_000)
    try:
        seed = int(raw.strip())
    except ValueError:
        raise QueryError(
            f"seed must be a whole number from 0 to {MAX_SEED}, not {raw!r}."
        ) from None
    if not 0 <= seed <= MAX_SEED:
        raise QueryError(f"seed must be from 0 to {MAX_SEED}, not {seed}.")
    return seed
