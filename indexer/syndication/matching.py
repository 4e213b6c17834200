"""Which articles are copies of one another, judged from their MinHash values alone.

Candidates share a MinHash value (LSH with bands of one row), found by sorting each column
with numpy rather than with Python dicts, so 100k articles cost about a second and little
memory. A value held by more than `common_limit` articles comes from boilerplate (a portal's
disclaimer, a wire's sign-off) and is not counted as evidence of a copy.

An update adds a few articles to an archive: `pairs_of_few` finds the same pairs without
sorting the archive's columns, by looking up only the values the new articles hold (a scan of
each column against a small table), so its cost grows with the archive only by that scan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_COLUMNS_PER_PASS = 16  # bounds the memory of the search to ~16 x 8 bytes per article at a time
_FILTER_BITS = 20  # a 1 MiB table of low value bits rules out most of a column before searching


@dataclass(slots=True, frozen=True)
class Rules:
    """When a pair of articles counts as one story (see `StoryGrouper` for the defaults)."""

    threshold: float
    evidence_threshold: float
    near_identical: float
    common_limit: int
    min_matches: int


def candidate_pairs(
    sigs: np.ndarray, pending: np.ndarray, rules: Rules
) -> tuple[np.ndarray, np.ndarray]:
    """Unique pairs of rows sharing MinHash values, one of them pending; and the common values."""
    # `sigs` holds one article per row; the flags (same shape) mark the values held by more than
    # `common_limit` rows.
    n, num_perm = sigs.shape
    common = np.empty((num_perm, n), bool)
    found: list[np.ndarray] = []
    positions = np.arange(n, dtype=np.uint64)
    everyone = bool(pending.all())
    for k in range(0, num_perm, _COLUMNS_PER_PASS):
        # Sorting value << 32 | row keeps equal values together, in row order.
        keys = sigs[:, k : k + _COLUMNS_PER_PASS].T.astype(np.uint64) << np.uint64(32)
        keys |= positions
        keys.sort(axis=1)
        order = (keys & np.uint64(0xFFFFFFFF)).astype(np.intp)
        values = keys >> np.uint64(32)
        starts = np.ones(keys.shape, bool)
        starts[:, 1:] = values[:, 1:] != values[:, :-1]
        starts = starts.ravel()
        run = np.cumsum(starts) - 1
        length = np.bincount(run)[run]
        crowded = (length > rules.common_limit).reshape(keys.shape)
        np.put_along_axis(common[k : k + len(keys)], order, crowded, 1)
        order = order.ravel()
        # Only pairs with a pending row are wanted: an update has a few among 100k.
        new = None if everyone else pending[order]
        # A value held by a few articles: every pair of them.
        shared = (length > 1) & (length <= rules.common_limit)
        if new is not None:
            shared &= (np.bincount(run, weights=new) > 0)[run]  # a run with a pending row
        shared = np.flatnonzero(shared)
        for step in range(1, int(length[shared].max(initial=1))):
            first, second = shared[:-step], shared[step:]
            same = run[first] == run[second]
            if new is not None:
                same &= new[first] | new[second]
            found.append(np.stack([order[first[same]], order[second[same]]], 1))
        # A value held by many: boilerplate, or a story copied very often; pair each holder
        # with the first only, and let the near-identical test tell the two apart.
        crowd = np.flatnonzero((length > rules.common_limit) & ~starts)
        leaders = np.flatnonzero(starts)[run[crowd]]
        if new is not None:
            wanted = new[leaders] | new[crowd]
            leaders, crowd = leaders[wanted], crowd[wanted]
        found.append(np.stack([order[leaders], order[crowd]], 1))
    pairs = np.concatenate(found)
    pairs.sort(axis=1)
    keys = pairs[:, 0].astype(np.int64) * n + pairs[:, 1]
    keys.sort()
    # A pair met in one column only shares at most one value that is not common boilerplate.
    firsts = np.flatnonzero(np.diff(keys, prepend=-1))
    met = np.diff(firsts, append=len(keys))
    keys = keys[firsts[met >= min(2, rules.min_matches)]]
    return np.stack([keys // n, keys % n], 1), np.ascontiguousarray(common.T)


def pairs_of_few(
    sigs: np.ndarray, valid: np.ndarray, pending: np.ndarray, rules: Rules
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`candidate_pairs` for a few pending rows: the same pairs, without sorting every column.

    `valid` marks the rows that take part (the others are ignored as if absent), `pending` lists
    the pending rows (valid ones). Returns the pairs (row numbers of `sigs`), the rows involved
    (pending rows and their partners, sorted) and the common-value flags of those rows.
    """
    pending = np.unique(pending)
    pairs = _pairs_of_few(sigs, valid, pending, rules)
    involved = np.union1d(pending, pairs.ravel()).astype(np.intp)
    return pairs, involved, _common_of(sigs, valid, involved, rules)


def _holders(
    sigs: np.ndarray, valid: np.ndarray, rows: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Valid rows holding, in the columns from `k` on, a value one of `rows` holds there.

    Returns the distinct (column, value) keys of `rows` (sorted), and for every holder its row,
    its key's index and its column; holders come column by column, rows ascending.
    """
    block = sigs[:, k : k + _COLUMNS_PER_PASS]
    width = block.shape[1]
    column = np.arange(width, dtype=np.uint64)[:, None] << np.uint64(32)
    wanted = np.unique((block[rows].T.astype(np.uint64) | column).ravel())
    mask = np.uint64((1 << _FILTER_BITS) - 1)
    table = np.zeros(1 << _FILTER_BITS, bool)
    table[(wanted & mask).astype(np.intp)] = True
    values = block.T  # (width, n) view
    maybe = table[(values & np.uint32(mask)).astype(np.intp)]
    maybe &= valid[None, :]
    cols, found = np.nonzero(maybe)  # column-major: rows ascend within a column
    keys = values[cols, found].astype(np.uint64) | (cols.astype(np.uint64) << np.uint64(32))
    index = np.minimum(np.searchsorted(wanted, keys), len(wanted) - 1)
    hit = wanted[index] == keys
    return wanted, found[hit], index[hit], cols[hit]


def _pairs_of_few(
    sigs: np.ndarray, valid: np.ndarray, pending: np.ndarray, rules: Rules
) -> np.ndarray:
    """The pairs `candidate_pairs` finds with a pending row, looked up from the pending values."""
    n, num_perm = sigs.shape
    new = np.zeros(n, bool)
    new[pending] = True
    found: list[np.ndarray] = [np.empty((0, 2), np.intp)]
    for k in range(0, num_perm, _COLUMNS_PER_PASS):
        wanted, rows, group, _ = _holders(sigs, valid, pending, k)
        order = np.argsort(group, kind="stable")  # groups together, rows ascending within
        rows, group = rows[order], group[order]
        length = np.bincount(group, minlength=len(wanted))[group]
        starts = np.ones(len(group), bool)
        starts[1:] = group[1:] != group[:-1]
        shared = np.flatnonzero((length > 1) & (length <= rules.common_limit))
        for step in range(1, int(length[shared].max(initial=1))):
            first, second = shared[:-step], shared[step:]
            same = group[first] == group[second]
            same &= new[rows[first]] | new[rows[second]]
            found.append(np.stack([rows[first[same]], rows[second[same]]], 1))
        crowd = np.flatnonzero((length > rules.common_limit) & ~starts)
        leaders = np.flatnonzero(starts)[np.cumsum(starts)[crowd] - 1]
        wanted_pairs = new[rows[leaders]] | new[rows[crowd]]
        found.append(np.stack([rows[leaders[wanted_pairs]], rows[crowd[wanted_pairs]]], 1))
    pairs = np.concatenate(found).astype(np.int64)
    pairs.sort(axis=1)
    keys = pairs[:, 0] * n + pairs[:, 1]
    keys.sort()
    firsts = np.flatnonzero(np.diff(keys, prepend=-1))
    met = np.diff(firsts, append=len(keys))
    keys = keys[firsts[met >= min(2, rules.min_matches)]]
    return np.stack([keys // n, keys % n], 1)


def _common_of(sigs: np.ndarray, valid: np.ndarray, rows: np.ndarray, rules: Rules) -> np.ndarray:
    """For each of `rows`, which of its values more than `common_limit` valid rows hold."""
    num_perm = sigs.shape[1]
    common = np.zeros((len(rows), num_perm), bool)
    if not len(rows):
        return common
    for k in range(0, num_perm, _COLUMNS_PER_PASS):
        wanted, _, group, _ = _holders(sigs, valid, rows, k)
        counts = np.bincount(group, minlength=len(wanted))
        block = sigs[rows, k : k + _COLUMNS_PER_PASS]
        column = np.arange(block.shape[1], dtype=np.uint64) << np.uint64(32)
        own = block.astype(np.uint64) | column[None, :]
        crowded = counts[np.searchsorted(wanted, own)] > rules.common_limit
        common[:, k : k + block.shape[1]] = crowded
    return common


def containment(jaccard: np.ndarray, size_a: np.ndarray, size_b: np.ndarray) -> np.ndarray:
    """Share of the smaller set inside the larger, from their Jaccard index and sizes."""
    shared = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return np.minimum(shared / np.maximum(np.minimum(size_a, size_b), 1.0), 1.0)


def codes(values: list[str | None]) -> np.ndarray:
    """Integer codes for strings (equal strings, equal codes); -1 for None."""
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) if v else -1 for v in values], np.int64)


def same_story(
    sigs: np.ndarray,
    common: np.ndarray,
    facts: tuple[np.ndarray, np.ndarray, np.ndarray],
    pairs: np.ndarray,
    rules: Rules,
) -> np.ndarray:
    """Which pairs of rows are copies of one story."""
    # `facts` per row: distinct shingles, and codes of the credit line and of the headline
    # (equal codes are shared evidence; -1 is none).
    size, credit, title = facts
    num_perm = sigs.shape[1]
    a, b = pairs[:, 0], pairs[:, 1]
    sig_a, sig_b, common_a, common_b = sigs[a], sigs[b], common[a], common[b]
    equal = sig_a == sig_b
    matches = equal.sum(1)
    # The minimum over the union is a uniform draw from the union: where it is not a common
    # value, equality estimates the Jaccard index of the two texts without their boilerplate.
    informative = ~np.where(sig_a <= sig_b, common_a, common_b)
    counted = informative.sum(1)
    agreeing = (equal & informative).sum(1)
    overall = containment(matches / num_perm, size[a], size[b])
    content = containment(
        agreeing / np.maximum(counted, 1),
        size[a] * (1.0 - common_a.mean(1)),
        size[b] * (1.0 - common_b.mean(1)),
    )
    evidence = ((credit[a] == credit[b]) & (credit[a] >= 0)) | (
        (title[a] == title[b]) & (title[a] >= 0)
    )
    bar = np.where(evidence, rules.evidence_threshold, rules.threshold)
    # Too few uncommon values to judge the content (a story copied more often than
    # `common_limit` has nothing else): only a near-identical text is a copy, and only if the
    # few uncommon values mostly agree (pages that are nearly all boilerplate do not).
    judged = counted >= num_perm // 4
    near = (overall >= rules.near_identical) & (2 * agreeing >= counted)
    return (matches >= rules.min_matches) & np.where(judged, content >= bar, near)
