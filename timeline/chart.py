"""The figure of the timeline: events by date and intensity, net intensity by month.

Markers are coloured by direction and shaped by category; an imprecise event
(a month, a quarter...) is drawn at the middle of its span with a line across
the span. The strongest events are labelled. matplotlib is an optional extra
(``pip install 'timeline[chart]'``) and is imported only here, without pyplot,
so nothing global is touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.errors import InvalidValue, MissingExtra
from timeline.io.records import Record, span_of
from timeline.query import Filters, list_events

if TYPE_CHECKING:
    from timeline.db import Database

SUFFIXES = (".png", ".svg")
DPI = 100
COLOURS = {"escalation": "#c0392b", "de-escalation": "#1f6fb2", "neutral": "#7f8c8d"}
MARKERS = {
    "strike": "v",
    "sanction": "s",
    "statement": "o",
    "message": "^",
    "visit": "D",
    "talks": "P",
    "deal": "*",
    "other": ".",
}
LABELS = 6
LABEL_BASE = 7.0
"""Distance of the first row of labels from the zero line, in intensity units."""
LABEL_STEP = 1.4


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise MissingExtra(
            "drawing charts needs matplotlib; install it with: pip install 'timeline[chart]'"
        ) from None
    return matplotlib


def midpoint(record: Record) -> date:
    span = span_of(record)
    return span.start + timedelta(days=span.days // 2)


def strongest(records: Sequence[Record], count: int = LABELS) -> list[Record]:
    """The events to label: largest |intensity|, better sourced first, then earliest."""
    ranked = sorted(
        records, key=lambda r: (-abs(r["intensity"]), -len(r["sources"]), r["date_start"])
    )
    return ranked[:count]


def label_levels(
    labelled: Sequence[Record], first: int, last: int, width: int
) -> list[tuple[Record, int]]:
    """A stacking level per label so neighbouring labels on the same side do not overlap."""
    extent = max(1, last - first)
    # A label is about 40 characters of 8-point text: ~230 px at 100 dpi.
    room = min(1.0, 240 / max(1, width - 300))
    placed: list[tuple[float, bool, int]] = []
    out = []
    for record in sorted(labelled, key=midpoint):
        x = (midpoint(record).toordinal() - first) / extent
        up = record["intensity"] <= 0
        level = 0
        while any(side == up and lvl == level and abs(x - px) < room for px, side, lvl in placed):
            level += 1
        placed.append((x, up, level))
        out.append((record, level))
    return out


def _short(text: str, width: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_chart(
    records: Sequence[Record], output: str | Path, width: int = 1600, height: int = 900
) -> None:
    """Draw ``records`` (chronological interchange records) to a .png or .svg file."""
    from timeline.analysis import escalation_by_period
    from timeline.io.records import headline

    output = Path(output)
    if output.suffix.lower() not in SUFFIXES:
        raise InvalidValue(f"cannot draw to {output.name}; name a .png or .svg file")
    if not records:
        raise InvalidValue("no events to draw; widen --from/--to or add events first")
    if not (200 <= width <= 10000 and 150 <= height <= 10000):
        raise InvalidValue("the chart must be 200-10000 pixels wide and 150-10000 high")
    matplotlib = _matplotlib()
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, layout="constrained")
    events_ax, net_ax = fig.subplots(2, 1, sharex=True, height_ratios=(3, 1))

    for category, marker in MARKERS.items():
        for direction, colour in COLOURS.items():
            group = [
                r for r in records if r["category"] == category and r["direction"] == direction
            ]
            if not group:
                continue
            events_ax.scatter(
                [midpoint(r) for r in group],
                [r["intensity"] for r in group],
                marker=marker,
                s=160 if marker == "*" else 70,
                c=colour,
                edgecolors="white",
                linewidths=0.6,
                alpha=[1.0 if r["status"] == "confirmed" else 0.45 for r in group],
                zorder=3,
            )
    for record in records:
        span = span_of(record)
        if span.days:
            events_ax.plot(
                [span.start, span.end],
                [record["intensity"]] * 2,
                color=COLOURS[record["direction"]],
                alpha=0.35,
                linewidth=2.5,
                solid_capstyle="butt",
                zorder=2,
            )
    first = min(span_of(r).start for r in records).toordinal()
    last = max(span_of(r).end for r in records).toordinal()
    for record, level in label_levels(strongest(records), first, last, width):
        # Labels sit in stacked rows between the markers and the zero line.
        up = record["intensity"] <= 0
        row = LABEL_BASE + LABEL_STEP * level
        events_ax.annotate(
            f"{span_of(record)}: {_short(headline(record))}",
            xy=(midpoint(record), record["intensity"]),
            xytext=(midpoint(record), -row if up else row),
            textcoords="data",
            ha="center",
            va="center",
            fontsize=8,
            arrowprops={"arrowstyle": "-", "color": "#555555", "linewidth": 0.6},
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb", "alpha": 0.9},
            zorder=4,
        )
    events_ax.axhline(0, color="#333333", linewidth=0.8)
    events_ax.set_ylim(-14, 14)
    events_ax.set_ylabel("intensity (Goldstein)")
    events_ax.set_title(
        f"US-Iran escalation and de-escalation, {records[0]['date_start'][:7]} to "
        f"{max(r['date_end'] for r in records)[:7]} ({len(records)} events)"
    )
    events_ax.grid(True, axis="y", alpha=0.3)
    present = {r["category"] for r in records}
    handles: list[Any] = [Patch(color=c, label=d) for d, c in COLOURS.items()]
    handles += [
        Line2D([], [], marker=m, linestyle="", color="#444444", label=c, markersize=7)
        for c, m in MARKERS.items()
        if c in present
    ]
    events_ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False
    )

    # Months without events draw nothing: leave them out (a timeline spanning
    # centuries would otherwise draw a bar for every month of them).
    months = [m for m in escalation_by_period(records, "month") if m.events]
    starts = [date.fromisoformat(m.start) for m in months]
    values = [m.net_intensity for m in months]
    net_ax.bar(
        starts,
        values,
        width=25,
        align="edge",
        color=[COLOURS["escalation"] if v < 0 else COLOURS["de-escalation"] for v in values],
    )
    net_ax.axhline(0, color="#333333", linewidth=0.8)
    net_ax.set_ylabel("net by month")
    net_ax.grid(True, axis="y", alpha=0.3)
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    net_ax.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    net_ax.xaxis.set_major_formatter(formatter)
    # The margins around events near year 1 or 9999 would leave the calendar
    # matplotlib can draw: hold the axis inside it.
    low, high = net_ax.get_xlim()
    first = mdates.date2num(date(1, 1, 2))  # type: ignore[no-untyped-call]
    last = mdates.date2num(date(9999, 12, 30))  # type: ignore[no-untyped-call]
    net_ax.set_xlim(max(low, first), min(high, last))
    # SVG keeps its text as text (searchable, editable) and stable element ids.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "timeline"}):
        fig.savefig(output, dpi=DPI, metadata=_metadata(output))


def _metadata(output: Path) -> dict[str, Any]:
    # Leave the creation date out so the same timeline draws the same file.
    if output.suffix.lower() == ".svg":
        return {"Date": None, "Title": "US-Iran timeline"}
    return {"Title": "US-Iran timeline"}


def draw_timeline(
    database: Database,
    output: str | Path,
    date_from: date | None = None,
    date_to: date | None = None,
    width: int = 1600,
    height: int = 900,
) -> int:
    """Draw the events (rejected ones left out) between the dates; returns how many."""
    records = list_events(database, Filters(date_from=date_from, date_to=date_to))
    render_chart(records, output, width, height)
    return len(records)
