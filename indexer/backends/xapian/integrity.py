"""The sizes of a shard's table files at a revision, saved beside them when it is written.

Xapian reads a table's blocks only when a search reaches them, so a table cut short (a copy
stopped half way, a full disk) would otherwise be found by whichever search first reads past
its end, and an article lookup that reads elsewhere would answer as if nothing were wrong.
Comparing the files with their saved sizes when the index is opened finds it at once, for a
few `stat` calls. (Garbage inside a block of the right size still goes unseen: Xapian's blocks
carry no checksum.)
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import xapian

from indexer.atomic import write_file
from indexer.backends.xapian.revisions import current_file, write_current

PREFIX = "newsindex-sizes-"
TABLES = "*.glass"

log = logging.getLogger(__name__)


def write_sizes(folder: Path) -> bool:
    """Save the sizes of a shard's table files at its current revision (unless saved)."""

    def write(db: xapian.Database, path: Path) -> bool:
        """Save the current revision's sizes unless they are saved."""
        if path.exists():
            return False
        names = sorted(p.name for p in folder.glob(TABLES))
        sizes = np.array([(folder / name).stat().st_size for name in names], dtype=np.int64)
        write_file(path, lambda fh: np.savez(fh, names=np.array(names, dtype=str), sizes=sizes))
        return True

    return write_current(folder, PREFIX, write)


def cut_short(folder: Path, db: xapian.Database) -> str | None:
    """The first table file missing or shorter than its revision's saved size (None: all whole,
    or no sizes saved for this revision, as in an index built before them)."""
    path = current_file(folder, PREFIX, db)
    try:
        with np.load(path, allow_pickle=False) as saved:
            names, sizes = saved["names"].tolist(), saved["sizes"].tolist()
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged sizes file must never stop a search
        log.warning("unreadable %s (%s): table sizes not checked", path, exc)
        return None
    for name, size in zip(names, sizes, strict=True):
        try:
            if (folder / name).stat().st_size < size:
                return name
        except FileNotFoundError:
            return name
    return None
