"""Whether two spellings write one writer's name (`nameinitials.py`)."""

from __future__ import annotations

import pytest

from indexer.normalize.nameinitials import respelled


@pytest.mark.parametrize(
    ("name", "shown", "same"),
    [
        ("Gergely Szabo", "Szabó Gergely", True),  # the family name first, accents dropped
        ("Marta Rivas P.", "Marta Rivas", True),  # an initial the database adds
        ("Ana Lopez", "Ana López", True),
        ("Jane Doe", "JANE DOE", False),  # the same text up to case: nothing to take
        ("Jane Doe", "Jane Roe", False),
        ("Jane Doe", "Doe", False),  # one word is no whole name
        ("J. Doe", "K. Doe", False),  # a family name alone left by the initials
    ],
)
def test_respelled_names(name: str, shown: str, same: bool) -> None:
    assert respelled(name, shown) is same
