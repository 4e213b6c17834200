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
    band_top: float  # the band's top and height: the bar's link covers it all, to be tappable
    band_height: float
    step: float  # the width of the bar's period, gap included


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
    peak = max(item["count"] for item in items)
    main = rows[0]
    peak_bar = next(bar for bar in main.bars if bar.count == peak)
    return {
        "width": WIDTH,
        "height": top,
        "rows": rows,
        "granularity": chart.get("granularity"),
        "first": items[0]["from"],
        "last": items[-1]["to"],
        "peak": peak,
        "bars": len(items),
        # Positions in percent of the drawing, for labels laid over it in HTML (text inside
        # the SVG would be stretched with it).
        "ticks": [
            {"value": value, "top": _percent(main.top + HEIGHT - _bar_height(value, peak), top)}
            for value in _ticks(peak)
        ],
        "peak_label": {
            "label": peak_bar.label,
            "left": _percent(peak_bar.x + peak_bar.width / 2, WIDTH),
            "top": _percent(peak_bar.y, top),
            "right_half": peak_bar.x > WIDTH / 2,
        },
    }


def _percent(value: float, whole: float) -> float:
    """`value` as a percentage of `whole`, rounded for markup."""
    return round(100 * value / whole, 2) if whole else 0.0


def _ticks(peak: int) -> list[int]:
    """Round counts for the y-axis, from 0 to at most the peak (0, a middle value, the peak)."""
    if peak <= 1:
        return [0, peak] if peak else [0]
    step = _nice(peak / 2)
    values = [0, step] if step < peak else [0]
    return [*values, peak] if peak - values[-1] >= step / 2 else values[:-1] + [peak]


def _nice(value: float) -> int:
    """A round number not above `value` (1, 2, 2.5 or 5 times a power of ten, at least 1)."""
    magnitude = 10 ** max(0, len(str(int(value))) - 1)
    for factor in (5, 2.5, 2, 1):
        if factor * magnitude <= value and float(factor * magnitude).is_integer():
            return int(factor * magnitude)
    return max(1, int(value))


def _bar_height(count: int, peak: int, height: float = HEIGHT) -> float:
    """The drawn height of a bar of `count` in a band of `height` scaled to `peak`."""
    return 0.0 if count == 0 else max(2.0, (height - 14) * count / (peak or 1))


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
        h = _bar_height(count, peak, height)
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
                band_top=top,
                band_height=height,
                step=round(step, 2),
            )
        )
    return Row(name=name, top=top, height=height, bars=bars)
