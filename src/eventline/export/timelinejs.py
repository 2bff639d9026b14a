"""Knight Lab TimelineJS (version 3) JSON: the data file a TimelineJS embed loads.

See https://timeline.knightlab.com/docs/json-format.html. Dates keep their grain: a month is
written as ``{"year": 2024, "month": 4}``, never as the first of the month; a week, quarter or
season gets a start and an end date and a ``display_date`` ("2024-W16", "Q3 2023").
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Final

from eventline.export._display import (
    date_fields,
    date_label,
    last_moment,
    safe_id,
    short_day,
    value_label,
)
from eventline.model import Event, Grain, Interval, Timeline

__all__ = ["to_timelinejs"]

_Object = dict[str, Any]

# Grains whose dates read naturally from their calendar fields; others get a display_date.
_SELF_EXPLAINING: Final = frozenset(
    {Grain.SECOND, Grain.MINUTE, Grain.HOUR, Grain.DAY, Grain.MONTH, Grain.YEAR}
)

# Characters JSON allows raw in strings but which are unsafe where the document is pasted into
# HTML (<, >, &), split into lines (U+2028, U+2029) or encoded as UTF-8 (lone surrogates).
_UNSAFE: Final = re.compile(r"[<>&\u007f-\u009f\u2028\u2029\ud800-\udfff]")


def to_timelinejs(timeline: Timeline, *, title: str | None = None) -> str:
    """The timeline as a TimelineJS JSON document, ending with a newline.

    Dated events become slides (``events``), earliest first; events that cannot be placed on
    a calendar are left out and counted on the title slide. Each slide's ``text`` is HTML, as
    TimelineJS renders it: the article's text in it is escaped with :func:`html.escape`, and
    the JSON itself escapes ``<``, ``>`` and ``&`` so that it can also sit inside a
    ``<script>`` element.

    Args:
        timeline: the timeline to write.
        title: the headline of the title slide (default ``"Timeline"``).
    """
    document: _Object = {
        "title": _title_slide(timeline, title or "Timeline"),
        "events": [
            _slide(event, event.when.interval)
            for event in timeline.events
            if event.when.interval is not None
        ],
        "scale": "human",
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def _title_slide(timeline: Timeline, title: str) -> _Object:
    reference = timeline.reference
    left_out = len(timeline.undated) + sum(1 for e in timeline.events if not e.when.interval)
    lines = [f"Reference date {short_day(reference.date)} ({reference.source.value})."]
    if left_out:
        noun = "event" if left_out == 1 else "events"
        lines.append(f"{left_out} undated {noun} (such as “recently”) not shown.")
    return {
        "text": {
            "headline": html.escape(title),
            "text": "".join(f"<p>{html.escape(line)}</p>" for line in lines),
        }
    }


def _slide(event: Event, interval: Interval) -> _Object:
    grain = event.when.grain
    slide: _Object = {"unique_id": safe_id(event.id)}
    slide["start_date"] = date_fields(interval.start, grain)
    end = _end_date(interval, grain)
    if end is not None:
        slide["end_date"] = end
    if grain not in _SELF_EXPLAINING or event.when.mod is not None:
        slide["display_date"] = date_label(event.when)
    slide["text"] = {"headline": html.escape(event.title), "text": _body(event)}
    slide["group"] = event.status.value
    return slide


def _end_date(interval: Interval, grain: Grain | None) -> dict[str, int] | None:
    """The last unit of ``grain`` the interval covers, when it is not the first one."""
    first = date_fields(interval.start, grain)
    last = date_fields(last_moment(interval), grain)
    return None if last == first else last


def _body(event: Event) -> str:
    when = event.when
    facts = [event.status.value, f"{when.grain.value if when.grain else 'date'} grain"]
    facts.append(f"“{when.text}” = {value_label(when)}")
    if event.attribution:
        facts.append(f"according to {event.attribution}")
    if event.location:
        facts.append(f"in {event.location}")
    return (
        f"<p>{html.escape(event.sentence)}</p>"
        f"<p><small>{html.escape(' · '.join(facts))}</small></p>"
    )
