"""Geometry of the server-rendered SVG chart of matching articles over time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MultiDict

from webapp.search import state_url

WIDTH = 720
HEIGHT = 120
ROW_HEIGHT = 48
GAP = 1


@dataclass(slots=True, frozen=True)
class Bar:
    """One bar: its box, its period and the link that narrows the search to it."""

    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    href: str


@dataclass(slots=True, frozen=True)
class Row:
    """One band of bars (all matches, or one source's) with its own height and scale."""

    name: str | None
    top: float
    height: float
    bars: list[Bar]


def layout(data: dict[str, Any], args: MultiDict[str, str]) -> dict[str, Any] | None:
    """Rows of bars for the chart, or None when no match carries a usable date."""
    items = data["facets"].get("date") or []
    if not items or not any(item["count"] for item in items):
        return None
    chart = data["chart"] or {}
    series: dict[str, list[int]] = chart.get("series") or {}
    rows: list[Row] = []
    bands = [(None, [item["count"] for item in items])]
    bands += [(name, counts) for name, counts in series.items()]
    top = 0.0
    for name, counts in bands:
        height = HEIGHT if name is None else ROW_HEIGHT
        rows.append(_row(name, counts, items, args, top, height))
        top += height + (18 if series else 0)
    return {
        "width": WIDTH,
        "height": top,
        "rows": rows,
        "granularity": chart.get("granularity"),
        "first": items[0]["from"],
        "last": items[-1]["to"],
        "peak": max(item["count"] for item in items),
    }


def _row(
    name: str | None,
    counts: list[int],
    items: list[dict[str, Any]],
    args: MultiDict[str, str],
    top: float,
    height: float,
) -> Row:
    """Bars of one band, scaled to its own peak."""
    peak = max(counts) or 1
    step = WIDTH / len(items)
    bars = []
    for n, (item, count) in enumerate(zip(items, counts, strict=True)):
        h = 0.0 if count == 0 else max(2.0, (height - 14) * count / peak)
        changes: dict[str, Any] = {"from_": item["from"], "to": item["to"], "page": None}
        if name is not None:
            changes["source"] = [name]
        bars.append(
            Bar(
                x=round(n * step + GAP / 2, 2),
                y=round(top + height - h, 2),
                width=round(max(step - GAP, 0.5), 2),
                height=round(h, 2),
                label=item["value"],
                count=count,
                href=state_url(args, **changes),
            )
        )
    return Row(name=name, top=top, height=height, bars=bars)
