"""The working record of one normalisation: each field's value and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from indexer.normalize.sources import canonical_outlet


@dataclass(slots=True)
class Extraction:
    """Field values found so far with their provenance; the first offer of a field wins."""

    values: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)

    def offer(self, name: str, value: Any, how: str) -> bool:
        """Record `value` for `name` unless the field already has one; say whether it was taken."""
        if value is None or value == "" or value == [] or name in self.values:
            return False
        self.values[name] = value
        self.provenance[name] = how
        return True

    def replace(self, name: str, value: Any, how: str) -> None:
        """Record `value` for `name` whatever it held before."""
        self.values[name] = value
        self.provenance[name] = how

    def drop(self, name: str) -> None:
        """Forget a field."""
        self.values.pop(name, None)
        self.provenance.pop(name, None)

    def get(self, name: str, default: Any = None) -> Any:
        """The value of a field, or `default`."""
        return self.values.get(name, default)

    def has(self, name: str) -> bool:
        """Whether the field has a value."""
        return name in self.values


def settle_outlets(found: Extraction) -> None:
    """Source is the outlet credited for the journalism; publisher only when it differs."""
    source, publisher = found.get("source"), found.get("publisher")
    if source is None and publisher is not None:
        found.replace("source", publisher, found.provenance["publisher"])
        found.drop("publisher")
    elif publisher is not None and _same_outlet(source, publisher):
        found.drop("publisher")


def _same_outlet(a: str, b: str) -> bool:
    """Whether two outlet names mean the same outlet."""
    return (canonical_outlet(a) or a).casefold() == (canonical_outlet(b) or b).casefold()
