"""TIMEX3 sets ("every Monday", "each July", "daily") as iCalendar recurrence rules.

Two steps, both pure: :func:`rrule_of` maps a set value to the parts of an RFC 5545 ``RRULE``
(``XXXX-WXX-1`` → ``FREQ=WEEKLY;BYDAY=MO``), and :func:`recurrence_of` places the set on the
calendar by finding its first occurrence that is not over by the reference date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from eventline import timex
from eventline.errors import InvalidTimexError
from eventline.model import Grain, Interval

__all__ = ["Recurrence", "recurrence_of", "rrule_of"]

RulePart = tuple[str, str | int]

_WEEKDAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ_BY_UNIT: Final = {  # duration unit -> (FREQ, how many of that FREQ one unit is)
    "D": ("DAILY", 1),
    "W": ("WEEKLY", 1),
    "M": ("MONTHLY", 1),
    "Q": ("MONTHLY", 3),
    "Y": ("YEARLY", 1),
    "E": ("YEARLY", 10),
    "DE": ("YEARLY", 10),
    "C": ("YEARLY", 100),
    "CE": ("YEARLY", 100),
}
_FREQ_BY_TIME_UNIT: Final = {"H": ("HOURLY", 1), "M": ("MINUTELY", 1), "S": ("SECONDLY", 1)}
_SEARCH_YEARS: Final = 9  # XXXX-02-29 needs up to 8 years to find a leap year
_SEARCH_MONTHS: Final = 13  # XXXX-XX-31 needs up to 2 months to find a 31st


@attrs.frozen
class Recurrence:
    """A set placed on the calendar: its ``RRULE`` parts, first occurrence, and grain."""

    rule: tuple[RulePart, ...]
    first: Interval
    grain: Grain


def rrule_of(value: str) -> tuple[RulePart, ...] | None:
    """The ``RRULE`` parts of a TIMEX3 set value, or ``None`` when it has no such rule.

    Weekdays give ``BYDAY``, months ``BYMONTH`` and days of the month ``BYMONTHDAY``; a part
    of day repeats its day (``XXXX-XX-XXTMO`` is daily). Periods give a frequency and an
    interval (``P2W`` → ``FREQ=WEEKLY;INTERVAL=2``, ``P1Q`` → ``FREQ=MONTHLY;INTERVAL=3``).
    Values that are not sets of a known shape (``PXY``, ``P1Y6M``, ``1998-XX-XX``) give ``None``.

    >>> rrule_of("XXXX-WXX-1")
    (('FREQ', 'WEEKLY'), ('BYDAY', 'MO'))
    >>> rrule_of("P2W")
    (('FREQ', 'WEEKLY'), ('INTERVAL', 2))
    """
    try:
        v = timex.parse(value)
    except InvalidTimexError:
        return None
    if v.kind is timex.Kind.DURATION:
        return _period_rule(v.duration)
    if v.year is not None or v.year_x == 0:
        return None  # a known year: not a repetition
    return _calendar_rule(v)


def _period_rule(parts: tuple[timex.DurationPart, ...]) -> tuple[RulePart, ...] | None:
    if len(parts) != 1:
        return None
    (part,) = parts
    table = _FREQ_BY_TIME_UNIT if part.time else _FREQ_BY_UNIT
    if not isinstance(part.amount, int) or part.amount < 1 or part.unit not in table:
        return None
    freq, per_unit = table[part.unit]
    interval = part.amount * per_unit
    return (("FREQ", freq),) if interval == 1 else (("FREQ", freq), ("INTERVAL", interval))


def _calendar_rule(v: timex.TimexValue) -> tuple[RulePart, ...] | None:
    if isinstance(v.weekday, int):
        return (("FREQ", "WEEKLY"), ("BYDAY", _WEEKDAYS[v.weekday - 1]))
    if v.kind is timex.Kind.SEASON:
        return (("FREQ", "YEARLY"),)
    if v.kind is timex.Kind.MONTH and isinstance(v.month, int):
        return (("FREQ", "YEARLY"), ("BYMONTH", v.month))
    if v.kind not in (timex.Kind.DATE, timex.Kind.PART_OF_DAY) or v.week is not None:
        return None
    return _day_rule(v)


def _day_rule(v: timex.TimexValue) -> tuple[RulePart, ...] | None:
    """Days given by month and day fields, either of which may be ``X``."""
    if v.month is timex.X and v.day is timex.X:
        return (("FREQ", "DAILY"),)
    if v.month is timex.X and isinstance(v.day, int):
        return (("FREQ", "MONTHLY"), ("BYMONTHDAY", v.day))
    if isinstance(v.month, int) and isinstance(v.day, int):
        return (("FREQ", "YEARLY"), ("BYMONTH", v.month), ("BYMONTHDAY", v.day))
    return None


def recurrence_of(value: str, reference: dt.date) -> Recurrence | None:
    """The set ``value`` on the calendar: its rule and first occurrence from ``reference``.

    The first occurrence is the earliest one that has not ended by the start of the reference
    date (so "each July" read in July is this July). Parts of day recur as whole days. Sets
    without a calendar anchor give ``None``: a period other than days ("weekly", "every year")
    does not say on which day it falls, and eventline does not invent one.

    >>> recurrence_of("XXXX-WXX-1", dt.date(2024, 4, 24)).first.start
    datetime.datetime(2024, 4, 29, 0, 0)
    """
    rule = rrule_of(value)
    if rule is None:
        return None
    date_part = value.split("T", 1)[0]
    first = _first_occurrence(date_part, dict(rule), reference)
    if first is None:
        return None
    grain = timex.grain_of(date_part) if date_part.startswith("X") else Grain.DAY
    return Recurrence(rule=rule, first=first, grain=grain or Grain.DAY)


def _first_occurrence(
    date_part: str, rule: dict[str, str | int], reference: dt.date
) -> Interval | None:
    if date_part.startswith("P"):  # a period: anchored only when it counts days
        return _day(reference) if rule["FREQ"] == "DAILY" else None
    if "BYDAY" in rule:
        weekday = _WEEKDAYS.index(str(rule["BYDAY"]))
        return _day(reference + dt.timedelta(days=(weekday - reference.weekday()) % 7))
    if rule["FREQ"] == "DAILY":
        return _day(reference)
    if rule["FREQ"] == "MONTHLY":
        return _first_of(_monthly_candidates(int(rule["BYMONTHDAY"]), reference), reference)
    years = range(reference.year - 1, reference.year + _SEARCH_YEARS)
    return _first_of((f"{year:04d}{date_part[4:]}" for year in years), reference)


def _monthly_candidates(day: int, reference: dt.date) -> list[str]:
    months = (reference.year * 12 + reference.month - 1 + k for k in range(_SEARCH_MONTHS))
    return [f"{m // 12:04d}-{m % 12 + 1:02d}-{day:02d}" for m in months]


def _first_of(candidates: Iterable[str], reference: dt.date) -> Interval | None:
    start = dt.datetime.combine(reference, dt.time())
    for candidate in candidates:
        if not timex.is_valid(candidate):
            continue
        interval = timex.interval_of(candidate)
        if interval is not None and interval.end > start:
            return interval
    return None


def _day(date: dt.date) -> Interval:
    start = dt.datetime.combine(date, dt.time())
    return Interval(start, start + dt.timedelta(days=1))
