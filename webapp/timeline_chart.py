"""Geometry of the compare page's SVG line chart: axes, one line per query, linked points."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MultiDict

from webapp.search import state_url

WIDTH = 760
HEIGHT = 320
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 44
X_LABELS = 6
# Colours told apart by people with the common colour blindnesses (Okabe–Ito), and a dash
# pattern and marker shape each, so the lines differ without colour too.
STYLES = (
    ("#0072b2", "", "circle"),
    ("#d55e00", "6 3", "square"),
    ("#009e73", "2 3", "diamond"),
    ("#cc79a7", "8 3 2 3", "triangle"),
    ("#e69f00", "1 2", "circle"),
)


@dataclass(slots=True, frozen=True)
class Dot:
    """One point: where it is drawn, what it says, and the search it narrows to."""

    x: float
    y: float
    label: str
    text: str
    href: str


def layout(data: dict[str, Any], args: MultiDict[str, str], search_path: str) -> dict[str, Any]:
    """Lines, dots, axes and legend of a timeline (share or count, as it was asked)."""
    share = data["normalize"] == "share"
    first = data["series"][0]["points"]
    periods = len(first)
    values = [[_value(p, share) for p in series["points"]] for series in data["series"]]
    peak = max((v for row in values for v in row if v is not None), default=0.0) or 1.0
    ticks = _ticks(peak, share)
    top_value = ticks[-1]["value"] or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_at(n: int) -> float:
        return round(LEFT + (plot_w * (n + 0.5) / periods), 2)

    def y_at(value: float) -> float:
        return round(TOP + plot_h - plot_h * value / top_value, 2)

    lines = []
    for n, (series, row) in enumerate(zip(data["series"], values, strict=True)):
        colour, dash, marker = STYLES[n % len(STYLES)]
        dots, path, pen_down = [], [], False
        for i, (point, value) in enumerate(zip(series["points"], row, strict=True)):
            if value is None:  # no article in the period: nothing to divide by
                pen_down = False
                continue
            x, y = x_at(i), y_at(value)
            path.append(f"{'L' if pen_down else 'M'}{x},{y}")
            pen_down = True
            changes = {"q": series["query"], "from_": point["from"], "to": point["to"]}
            dots.append(
                Dot(
                    x=x,
                    y=y,
                    label=point["period"],
                    text=_describe(point, share),
                    href=search_path + state_url(args, page=None, **changes),
                )
            )
        lines.append(
            {
                "query": series["query"],
                "total": series["total"],
                "colour": colour,
                "dash": dash,
                "marker": marker,
                "path": " ".join(path),
                "dots": dots,
            }
        )
    step = max(1, round(periods / X_LABELS))
    x_labels = [{"x": x_at(i), "text": first[i]["period"]} for i in range(0, periods, step)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "share": share,
        "y_ticks": [{"y": y_at(t["value"]), "text": t["text"]} for t in ticks],
        "x_labels": x_labels,
        "lines": lines,
        "y_title": "share of all articles" if share else f"matching {data['counts']}",
        "x_title": f"{data['granularity']} ({first[0]['from']} to {first[-1]['to']})"
        if periods
        else data["granularity"],
    }


def _value(point: dict[str, Any], share: bool) -> float | None:
    """The plotted value of a point (None: a share of a period without articles)."""
    if share:
        return point["share"]
    return float(point["count"])


def _describe(point: dict[str, Any], share: bool) -> str:
    """What a point says to a reader: its count and share."""
    text = f"{point['count']:,} of {point['all']:,}"
    if point["share"] is not None:
        text += f" ({100 * point['share']:.2f}%)"
    return text


def _ticks(peak: float, share: bool) -> list[dict[str, Any]]:
    """Four or five round values from 0 to just above the peak, with their labels."""
    raw = peak / 4
    magnitude = 10 ** _floor_log10(raw)
    step = next(f * magnitude for f in (1, 2, 2.5, 5, 10) if f * magnitude >= raw)
    if not share:
        step = max(1.0, float(round(step)))
    count = int(-(-peak // step))
    values = [step * n for n in range(count + 1)]
    return [{"value": v, "text": _tick_text(v, share, step)} for v in values]


def _floor_log10(value: float) -> int:
    """The power of ten at or below a positive value."""
    power = 0
    while 10**power > value:
        power -= 1
    while 10 ** (power + 1) <= value:
        power += 1
    return power


def _tick_text(value: float, share: bool, step: float) -> str:
    """An axis label: a percentage for shares (as many decimals as the step needs), else a count."""
    if not share:
        return f"{int(value):,}"
    decimals = max(0, -_floor_log10(step * 100)) if step else 0
    return f"{100 * value:.{decimals}f}%"
