"""One self-contained HTML page showing a timeline on a proportional time axis.

The page needs no network (inline CSS and a little inline JavaScript, no fonts or images) and
reads fully without JavaScript: every event is a list item with its date, grain, status and,
in a ``<details>`` element, its source sentence. The script only adds filters by status and a
button that opens every sentence. The timeline's JSON document (:func:`to_json`) is embedded
in a ``<script type="application/json">`` element, so the page also carries the data.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import Final

from eventline.export import _html_assets
from eventline.export._axis import Axis, axis_over
from eventline.export._display import MONTHS, date_label, safe_id, short_day, value_label
from eventline.export.json import to_json
from eventline.model import Event, EventStatus, Grain, Interval, Timeline

__all__ = ["to_html"]

# Characters that have no business in a page's text: C0 controls other than tab and line ends,
# DEL, C1 controls, and lone surrogates (which UTF-8 cannot encode). Shown as U+FFFD.
_UNPRINTABLE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _text(text: str) -> str:
    """``text`` safe in HTML text and quoted attribute values: markup and quotes escaped."""
    return escape(_UNPRINTABLE.sub("\ufffd", text), quote=True)


_STATUS_HELP: Final = {
    EventStatus.HAPPENED: "reported as having happened (solid bar)",
    EventStatus.ONGOING: "going on at the reference date (solid bar with a light edge)",
    EventStatus.PLANNED: "planned or expected (striped bar)",
    EventStatus.HYPOTHETICAL: "only possible (outlined bar)",
}


def to_html(timeline: Timeline, *, title: str | None = None) -> str:
    """The timeline as one self-contained HTML5 page (a str; write it as UTF-8).

    Args:
        timeline: the timeline to show.
        title: the page's title and main heading (default ``"Timeline"``).

    Raises:
        ValueError: as :func:`eventline.export.to_json`, whose document the page embeds.
    """
    heading = title or "Timeline"
    data = to_json(timeline, indent=None).rstrip("\n")
    axis = axis_over(_intervals(timeline), timeline.reference.date)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="eventline">',
            f"<title>{_text(heading)}</title>",
            f"<style>{_html_assets.CSS}{_grid_css(axis, timeline)}</style>",
            "</head>",
            "<body>",
            _header(timeline, heading),
            "<main>",
            _dated_section(timeline, axis),
            _undated_section(timeline),
            "</main>",
            _footer(),
            f'<script type="application/json" id="eventline-data">{data}</script>',
            f"<script>{_html_assets.SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _intervals(timeline: Timeline) -> list[Interval]:
    return [event.when.interval for event in timeline.events if event.when.interval is not None]


def _long_day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _header(timeline: Timeline, heading: str) -> str:
    reference = timeline.reference
    dated, undated = len(_intervals(timeline)), len(timeline.undated)
    evidence = "".join(f" {_text(item)}." for item in reference.evidence)
    legend = "".join(
        f'<li><span class="swatch bar status-{status.value}" aria-hidden="true"></span>'
        f'<span class="badge status-{status.value}">{status.value}</span> {_text(help_)}</li>'
        for status, help_ in _STATUS_HELP.items()
    )
    return (
        f'<header>\n<h1>{_text(heading)}</h1>\n<p class="summary">Reference date '
        f'<time datetime="{reference.date.isoformat()}">{_long_day(reference.date)}</time> '
        f"({reference.source.value}).{evidence} {_count(dated, 'event')} on the calendar, "
        f"{undated} undated.</p>\n"
        '<details class="legend"><summary>How to read this page</summary>\n'
        "<p>Each bar covers the whole period the text names: a day, a week, a month "
        "(“last November”), a year. The grain badge says how precise the date is. "
        'The <span class="badge reference">reference date</span> line is the day the text '
        f'speaks from.</p>\n<ul class="legend-list">{legend}</ul>\n</details>\n</header>'
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _dated_section(timeline: Timeline, axis: Axis) -> str:
    events = [event for event in timeline.events if event.when.interval is not None]
    if not events:
        body = '<p class="empty">No event could be placed on the calendar.</p>'
    else:
        rows = "\n".join(_row(event, axis) for event in events)
        body = (
            f'{_filters(events)}\n<div class="chart">\n{_axis_header(axis, timeline)}\n'
            f'<ol class="events" id="events">\n{rows}\n</ol>\n</div>'
        )
    return (
        '<section aria-labelledby="dated-heading">\n'
        f'<h2 id="dated-heading">On the calendar</h2>\n{body}\n</section>'
    )


def _filters(events: list[Event]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" value="{status.value}" checked> '
        f'<span class="badge status-{status.value}">{status.value}</span> '
        f"({sum(1 for e in events if e.status is status)})</label>"
        for status in EventStatus
        if any(e.status is status for e in events)
    )
    return (
        '<div class="filters" id="filters" hidden><fieldset><legend>Show</legend>'
        f"{boxes}</fieldset>"
        '<button type="button" id="toggle-sources" aria-pressed="false">'
        'Show all sentences</button> <span id="shown-count" aria-live="polite"></span></div>'
    )


def _axis_header(axis: Axis, timeline: Timeline) -> str:
    ticks = "".join(
        f'<span class="tick" style="left:{axis.percent(tick.at):.3f}%">{_text(tick.label)}</span>'
        for tick in axis.ticks
    )
    day = timeline.reference.date
    where = axis.percent(dt.datetime(day.year, day.month, day.day))
    return (
        '<div class="axis" aria-hidden="true"><span class="axis-label">Date</span>'
        '<span class="axis-label">Event</span><div class="scale">'
        f'{ticks}<span class="reference-mark{" flip" if where > 60 else ""}" '
        f'style="left:{where:.3f}%">'
        f"{short_day(day)} (reference)</span></div></div>"
    )


def _grid_css(axis: Axis, timeline: Timeline) -> str:
    """Gridlines at the ticks and the reference line, drawn behind every track."""
    day = timeline.reference.date
    where = axis.percent(dt.datetime(day.year, day.month, day.day))
    lines = [_line(axis.percent(t.at), "var(--grid)", 1) for t in axis.ticks]
    lines.insert(0, _line(where, "var(--reference)", 2))
    return f"\n.track{{background-image:{','.join(lines)};}}\n"


def _line(percent: float, colour: str, width: int) -> str:
    left, right = f"calc({percent:.3f}% - {width / 2}px)", f"calc({percent:.3f}% + {width / 2}px)"
    return (
        f"linear-gradient(to right,transparent {left},{colour} {left},"
        f"{colour} {right},transparent {right})"
    )


def _row(event: Event, axis: Axis) -> str:
    when = event.when
    interval = when.interval
    grain = when.grain.value if when.grain else "date"
    bar = ""
    if interval is not None:
        left, right = axis.percent(interval.start), axis.percent(interval.end)
        bar = (
            f'<span class="bar status-{event.status.value}" '
            f'style="left:{left:.3f}%;width:{right - left:.3f}%"></span>'
        )
    status = event.status.value
    return (
        f'<li class="event" id="{safe_id(event.id)}" data-status="{status}" '
        f'data-grain="{grain}">\n'
        f'<div class="when">{_time_element(event)}<br><span class="badge grain" '
        f'title="how precisely the text dates it">{grain}</span></div>\n'
        f'<div class="what"><h3>{_text(event.title)}</h3>\n{_facts(event)}\n'
        f"{_source(event)}</div>\n"
        f'<div class="track" aria-hidden="true">{bar}</div>\n</li>'
    )


# Grains whose values HTML's <time datetime> can express, and the format of each.
_DATETIME_FORMATS: Final = {
    Grain.SECOND: "%Y-%m-%dT%H:%M:%S",
    Grain.MINUTE: "%Y-%m-%dT%H:%M",
    Grain.HOUR: "%Y-%m-%dT%H:%M",
    Grain.DAY: "%Y-%m-%d",
    Grain.WEEK: "week",
    Grain.MONTH: "%Y-%m",
    Grain.YEAR: "%Y",
}


def _time_element(event: Event) -> str:
    when = event.when
    label = _text(date_label(when))
    pattern = _DATETIME_FORMATS.get(when.grain) if when.grain else None
    if when.interval is None or pattern is None or when.interval.start.year < 1000:
        return f'<span class="date">{label}</span>'
    if pattern == "week":
        year, week, _ = when.interval.start.isocalendar()
        machine = f"{year}-W{week:02d}"
    else:
        machine = when.interval.start.strftime(pattern)
    return f'<time class="date" datetime="{machine}">{label}</time>'


def _facts(event: Event) -> str:
    when = event.when
    items = [
        f'<span class="badge status-{event.status.value}">{event.status.value}</span>',
        f"<span>“{_text(when.text)}” <code>{_text(value_label(when))}</code></span>",
    ]
    if event.attribution:
        items.append(f"<span>according to {_text(event.attribution)}</span>")
    if event.location:
        items.append(f"<span>in {_text(event.location)}</span>")
    if event.participants:
        items.append(f"<span>with {_text(', '.join(event.participants))}</span>")
    if len(event.mentions) > 1:
        items.append(f"<span>reported {len(event.mentions)} times</span>")
    return f'<p class="facts">{" · ".join(items)}</p>'


def _source(event: Event) -> str:
    return (
        '<details class="source"><summary>Source sentence</summary>'
        f'<blockquote class="sentence">{_marked_sentence(event)}</blockquote></details>'
    )


def _marked_sentence(event: Event) -> str:
    """The sentence, escaped, with its trigger and time expression marked where they fit."""
    sentence, offset = event.sentence, event.span.start
    marks = []
    for kind, span, text in (
        ("trigger", event.trigger.span, event.trigger.text),
        ("time", event.when.span, event.when.text),
    ):
        start, end = span.start - offset, span.end - offset
        if 0 <= start < end <= len(sentence) and sentence[start:end] == text:
            marks.append((start, end, kind))
    marks.sort()
    if len(marks) == 2 and marks[0][1] > marks[1][0]:
        marks = marks[:1]
    parts, position = [], 0
    for start, end, kind in marks:
        parts.append(_text(sentence[position:start]))
        parts.append(f'<mark class="{kind}">{_text(sentence[start:end])}</mark>')
        position = end
    parts.append(_text(sentence[position:]))
    return "".join(parts)


def _undated_section(timeline: Timeline) -> str:
    undated = [*timeline.undated, *(e for e in timeline.events if e.when.interval is None)]
    if not undated:
        return ""
    items = "\n".join(
        f'<li class="event undated" id="{safe_id(event.id)}" data-status="{event.status.value}">'
        f"<h3>{_text(event.title)}</h3>\n{_facts(event)}\n{_source(event)}</li>"
        for event in undated
    )
    return (
        '<section aria-labelledby="undated-heading">\n'
        '<h2 id="undated-heading">Not on the calendar</h2>\n'
        "<p>Events the text mentions without a date that can be placed "
        f'(“recently”, “in the past”), in text order.</p>\n<ol class="undated-list">\n{items}\n'
        "</ol>\n</section>"
    )


def _footer() -> str:
    return (
        "<footer><p>Made with eventline. Dates are TimeML TIMEX3 values; "
        "each bar spans the value's whole interval on a proportional axis.</p></footer>"
    )
