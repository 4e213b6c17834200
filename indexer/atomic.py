"""Writing a file so that a reader or a crash never sees it half-written."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO


def write_file(path: Path, write: Callable[[BinaryIO], Any]) -> None:
    """Write `path` through a temporary file in the same folder, then rename it into place.

    The temporary name is hidden (Whoosh's file cleaner skips dot files) and holds the process
    id, so two writers never share one. Durability is the caller's: a generation is fsynced as
    a whole when it is published.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as fh:
            write(fh)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
