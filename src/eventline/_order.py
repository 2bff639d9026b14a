"""Granularity-aware chronological order and the relation between two events' times.

Every dated event has a concrete interval (start inclusive, end exclusive) and a grain.
Order and relations come from the intervals, so a coarse date is never presented as if it
were certainly before or after a finer one inside it:

* ``BEFORE`` / ``AFTER``: the intervals do not overlap (touching counts as before).
* ``EQUALS``: the very same interval ("Tuesday" and "April 23, 2024").
* ``CONTAINS`` / ``DURING``: one interval lies within the other ("November 2023" contains
  "November 15, 2023"; a weekend is during its week).
* ``SAME_DAY``: two different times nested or overlapping within one calendar day, such as a
  day and a clock time or part of it, or "Tuesday morning" and "10 a.m. on Tuesday".
  Two disjoint clock times of one day keep their order (BEFORE / AFTER).
* ``OVERLAPS``: the intervals share time but neither contains the other (ISO week 1 of 2025
  starts in December 2024).
* ``UNKNOWN``: one of the events is undated (its time has no interval).

``relation(a, b)`` and ``relation(b, a)`` are always converses (see :func:`converse`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from eventline.model import Event, Interval, Relation

__all__ = ["chronological", "converse", "relation", "relation_of_intervals"]

_DAY = dt.timedelta(days=1)
_UNKNOWN_GRAIN = 99
_CONVERSE = {
    Relation.BEFORE: Relation.AFTER,
    Relation.AFTER: Relation.BEFORE,
    Relation.CONTAINS: Relation.DURING,
    Relation.DURING: Relation.CONTAINS,
}

_SortKey = tuple[dt.datetime, dt.timedelta, int, int, int, str, str, str]


def _sort_key(event: Event) -> _SortKey:
    """Interval start, longer first, coarser grain first, then text position and content."""
    interval = event.when.interval
    if interval is None:
        raise ValueError(f"event {event.id!r} has no interval to order by")
    grain = event.when.grain.rank if event.when.grain is not None else _UNKNOWN_GRAIN
    return (
        interval.start,
        interval.start - interval.end,
        -grain,
        event.span.start,
        event.trigger.span.start,
        event.when.value,
        event.id,
        event.title,
    )


def chronological(events: Iterable[Event]) -> tuple[Event, ...]:
    """Dated events by interval start; on the same start, the longer (coarser) one first.

    A month ("2023-11") thus heads the days of that month, as in a calendar, and
    :func:`relation` reports that it contains them rather than preceding them. Events with
    the same time keep text order (first mention's sentence, then trigger); the order does
    not depend on the order of the input, and an event that is ``BEFORE`` another always
    comes first.

    Raises:
        ValueError: an event is undated (its time has no interval).
    """
    return tuple(sorted(events, key=_sort_key))


def converse(found: Relation) -> Relation:
    """The relation seen from the other event: BEFORE↔AFTER, CONTAINS↔DURING, others self."""
    return _CONVERSE.get(found, found)


def relation_of_intervals(first: Interval, second: Interval) -> Relation:
    """How ``first`` relates to ``second``, as intervals (start inclusive, end exclusive).

    Never ``SAME_DAY`` or ``UNKNOWN``: those take the events' grain into account (see
    :func:`relation`).
    """
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
