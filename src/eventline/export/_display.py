"""Dates and TIMEX3 values as people read them, shared by the readable outputs.

The TimelineJS and HTML exports use the dates; the command line's tables, the Markdown,
HTML and TimelineJS exports show values with :func:`value_label`.

Everything here is English and independent of the locale (no ``strftime`` month names), so
the exports are the same bytes on every machine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from typing import Final

from eventline.model import Grain, Interval, TimeExpression

__all__ = [
    "MONTHS",
    "date_fields",
    "date_label",
    "last_moment",
    "safe_id",
    "short_day",
    "value_label",
]

MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# How many of (year, month, day, hour, minute, second) a grain's dates keep.
_FIELDS: Final = {
    Grain.SECOND: 6,
    Grain.MINUTE: 5,
    Grain.HOUR: 4,
    Grain.PART_OF_DAY: 4,
    Grain.DAY: 3,
    Grain.WEEKEND: 3,
    Grain.WEEK: 3,
    Grain.MONTH: 2,
    Grain.QUARTER: 2,
    Grain.SEASON: 2,
    Grain.HALF: 2,
    Grain.YEAR: 1,
    Grain.DECADE: 1,
    Grain.CENTURY: 1,
    Grain.MILLENNIUM: 1,
}
_FIELD_NAMES: Final = ("year", "month", "day", "hour", "minute", "second")

# Parts of day by (start hour, length in hours), as eventline.timex spans them.
_PARTS_OF_DAY: Final = {
    (5, 7): "morning",
    (12, 1): "midday",
    (12, 6): "afternoon",
    (18, 4): "evening",
    (21, 8): "night",
    (6, 12): "daytime",
}
_SEASONS: Final = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}

# TIMEX3 ``mod`` values as words before the date; others are shown after it in brackets.
_MODS: Final = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
}


def date_fields(moment: dt.datetime, grain: Grain | None) -> dict[str, int]:
    """The calendar fields of ``moment`` that ``grain`` gives (``year`` and ``month`` for a month).

    A missing grain is treated as a day.
    """
    count = _FIELDS[grain or Grain.DAY]
    values = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return dict(zip(_FIELD_NAMES[:count], values[:count], strict=True))


def last_moment(interval: Interval) -> dt.datetime:
    """The last microsecond of ``interval`` (its end is exclusive)."""
    return interval.end - dt.timedelta(microseconds=1)


def short_day(moment: dt.datetime | dt.date) -> str:
    """``22 Apr 2024``."""
    return f"{moment.day} {MONTHS[moment.month - 1][:3]} {moment.year}"


def _day(moment: dt.datetime) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _part_of_day(interval: Interval) -> str:
    start = interval.start
    hours = (interval.end - start) // dt.timedelta(hours=1)
    part = _PARTS_OF_DAY.get((start.hour, hours), f"{start:%H:%M}-{interval.end:%H:%M}")
    return f"{_day(start)}, {part}"


def _season(interval: Interval) -> str:
    start, last = interval.start, last_moment(interval)
    years = f"{start.year}" if start.year == last.year else f"{start.year}/{last.year % 100:02d}"
    return f"{_SEASONS.get(start.month, 'season')} {years}"


def _week(interval: Interval) -> str:
    year, week, _ = interval.start.isocalendar()
    return f"{year}-W{week:02d}"


_LABELS: Final[dict[Grain, Callable[[Interval], str]]] = {
    Grain.SECOND: lambda i: f"{_day(i.start)}, {i.start:%H:%M:%S}",
    Grain.MINUTE: lambda i: f"{_day(i.start)}, {i.start:%H:%M}",
    Grain.HOUR: lambda i: f"{_day(i.start)}, {i.start:%H:%M}",
    Grain.PART_OF_DAY: _part_of_day,
    Grain.DAY: lambda i: _day(i.start),
    Grain.WEEKEND: lambda i: f"weekend of {_day(i.start)}",
    Grain.WEEK: _week,
    Grain.MONTH: lambda i: f"{MONTHS[i.start.month - 1]} {i.start.year}",
    Grain.QUARTER: lambda i: f"Q{(i.start.month - 1) // 3 + 1} {i.start.year}",
    Grain.SEASON: _season,
    Grain.HALF: lambda i: f"H{1 if i.start.month < 7 else 2} {i.start.year}",
    Grain.YEAR: lambda i: f"{i.start.year}",
    Grain.DECADE: lambda i: f"{i.start.year}s",
    Grain.CENTURY: lambda i: f"{_ordinal(i.start.year // 100 + 1)} century",
    Grain.MILLENNIUM: lambda i: f"{_ordinal(i.start.year // 1000 + 1)} millennium",
}


def date_label(when: TimeExpression) -> str:
    """How a dated time expression reads: ``22 April 2024``, ``2024-W16``, ``Q3 2023``...

    Its ``mod`` is kept (``early April 2024`` for ``START``); an expression without an
    interval reads as its surface text.
    """
    if when.interval is None:
        return when.text
    label = _LABELS[when.grain or Grain.DAY](when.interval)
    if when.mod is None:
        return label
    word = _MODS.get(when.mod)
    return f"{word} {label}" if word else f"{label} ({when.mod.lower().replace('_', ' ')})"


def value_label(when: TimeExpression, *, mod: bool = False) -> str:
    """The TIMEX3 value as the readable outputs show it, with a set's frequency after it.

    "twice a week" (value ``P1W``, freq ``2X``) reads ``P1W 2X``, never ``P1W`` alone, which
    would read as weekly. With ``mod``, a TIMEX3 mod comes between them in brackets:
    ``2024-04 (START)``, ``P1W (APPROX) 2X``.
    """
    label = when.value
    if mod and when.mod:
        label += f" ({when.mod})"
    if when.freq:
        label += f" {when.freq}"
    return label


_SAFE_ID: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")


def safe_id(event_id: str) -> str:
    """An identifier safe in HTML ``id`` attributes and URL fragments, derived from ``event_id``.

    Ids that are already short and plain keep their text; others are hashed.
    """
    if _SAFE_ID.fullmatch(event_id):
        return f"event-{event_id}"
    return f"event-{hashlib.sha256(event_id.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
