"""How many processes a build spreads its work over (normalising, writing the index)."""

from __future__ import annotations

import os

PARALLEL_FROM = 5_000  # articles or records from which a build uses several processes
MAX_PROCESSES = 4


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def processes_for(items: int) -> int:
    """Processes for `items` articles or records: one for a small build or a single core."""
    usable = cores()
    return 1 if usable < 2 or items < PARALLEL_FROM else min(usable, MAX_PROCESSES)
