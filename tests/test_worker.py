"""The connection balance of gunicorn workers (shared memory made before the fork).

No index, app or engine is involved (the balance is shared memory between processes), so the
module does not set BOTH_ENGINES: there is nothing engine-specific to run twice.
"""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="pre-fork workers need Unix")


def test_spare_slots_do_not_count_as_workers_still_starting():
    # Balance(2) has 4 slots; the 2 never claimed were taken for siblings still starting, so
    # in their first 10 s both workers stopped listening after one connection each.
    from webapp.worker import Balance

    balance = Balance(2)
    mine = balance.claim(os.getpid())
    sibling = balance.claim(os.getppid())  # a live process stands in for the other worker
    assert mine is not None and sibling is not None and mine != sibling
    balance.may_accept(sibling, 4)
    assert balance.may_accept(mine, 4)  # both workers are up with equal loads: both listen
    assert not balance.may_accept(mine, 5)  # one more than its sibling: it lets it catch up
    balance.may_accept(sibling, 5)
    assert balance.may_accept(mine, 5)
