"""Granularity-aware chronological order and the relation between two events' times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from eventline.model import Event, Interval, Relation

__all__ = ["chronological", "relation", "relation_of_intervals"]

_DAY = dt.timedelta(days=1)


def _sort_key(event: Event) -> tuple[dt.datetime, dt.datetime, int, int]:
    interval = event.when.interval
    if interval is None:  # pragma: no cover - undated events are not ordered
        raise ValueError(f"event {event.id!r} has no interval to order by")
    grain = event.when.grain.rank if event.when.grain is not None else 99
    return interval.start, interval.end, grain, event.span.start


def chronological(events: Iterable[Event]) -> tuple[Event, ...]:
    """Dated events by interval start, then end; coarser grains after finer ones on a tie.

    A month ("2023-11") thus comes before the days that follow its first one, but
    ``relation`` still reports that it contains them rather than preceding them.
    """
    return tuple(sorted(events, key=_sort_key))


def relation_of_intervals(first: Interval, second: Interval) -> Relation:
    """How ``first`` relates to ``second``, as intervals (start inclusive, end exclusive)."""
    if first.end <= second.start:
        return Relation.BEFORE
    if second.end <= first.start:
        return Relation.AFTER
    if first == second:
        return Relation.EQUALS
    if first.contains(second):
        return Relation.CONTAINS
    if second.contains(first):
        return Relation.DURING
    return Relation.OVERLAPS


def relation(first: Event, second: Event) -> Relation:
    """How ``first``'s time relates to ``second``'s, with their grain in mind.

    A day and a clock time or part of that day are ``SAME_DAY`` (neither is before the
    other); a month and a day inside it are ``CONTAINS`` / ``DURING``, never ``BEFORE``.
    Two clock times of one day keep their order. Undated events relate ``UNKNOWN``ly.
    """
    a, b = first.when.interval, second.when.interval
    if a is None or b is None:
        return Relation.UNKNOWN
    found = relation_of_intervals(a, b)
    nested = found in (Relation.CONTAINS, Relation.DURING, Relation.OVERLAPS)
    if nested and _within_one_day(a) and _within_one_day(b) and a.start.date() == b.start.date():
        return Relation.SAME_DAY
    return found


def _within_one_day(interval: Interval) -> bool:
    return interval.end - interval.start <= _DAY
