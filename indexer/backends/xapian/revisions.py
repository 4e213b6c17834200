"""Files saved in a shard's folder for one revision of it: its columns and its frequent words'
bitmaps, named `<prefix><uuid>-<revision>.npz`.

A committed change gives the shard a new revision, so a file never describes other contents
than its name says. Rebuild and update write the current revision's file (patching the one of
the revision their writes began at, when it is there) and then delete every other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import xapian


class Written(NamedTuple):
    """What a backend wrote in a shard: the revision its writes began at, and the docids."""

    uuid: str
    revision: int
    docids: set[int]


def revision_file(folder: Path, prefix: str, uuid: str, revision: int) -> Path:
    """The file of one revision of a shard."""
    return folder / f"{prefix}{uuid}-{revision}.npz"


def current_file(folder: Path, prefix: str, db: xapian.Database) -> Path:
    """The file of a shard's current revision."""
    return revision_file(folder, prefix, db.get_uuid().decode(), db.get_revision())


def previous_file(
    folder: Path, prefix: str, db: xapian.Database, since: Written | None
) -> Path | None:
    """The file of the revision the writes `since` began at (None: no writes noted, or they
    were to another database)."""
    if since is None or since.uuid != db.get_uuid().decode():
        return None
    return revision_file(folder, prefix, since.uuid, since.revision)


def write_current(
    folder: Path, prefix: str, write: Callable[[xapian.Database, Path], bool]
) -> bool:
    """Let `write` save the current revision's file (it says whether it wrote one), then delete
    the files of every other revision (after: the previous one may be patched)."""
    db = xapian.Database(str(folder))
    try:
        path = current_file(folder, prefix, db)
        stale = [p for p in folder.glob(f"{prefix}*.npz") if p != path]
        wrote = write(db, path)
        for old in stale:
            old.unlink(missing_ok=True)
        return wrote
    finally:
        db.close()
