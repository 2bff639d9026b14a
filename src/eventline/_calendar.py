"""The one module that does date arithmetic (with pendulum)."""

from __future__ import annotations

import datetime as dt

import pendulum

__all__ = [
    "add",
    "iso_week",
    "quarter_of",
    "season_start",
    "weekday_after",
    "weekday_before",
]

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` units (day, week, month, quarter, year), month ends clamped."""
    moment = pendulum.Date(day.year, day.month, day.day)
    if unit == "day":
        moved = moment.add(days=count)
    elif unit == "week":
        moved = moment.add(weeks=count)
    elif unit == "month":
        moved = moment.add(months=count)
    elif unit == "quarter":
        moved = moment.add(months=3 * count)
    elif unit == "year":
        moved = moment.add(years=count)
    elif unit == "decade":
        moved = moment.add(years=10 * count)
    elif unit == "century":
        moved = moment.add(years=100 * count)
    else:
        raise ValueError(f"cannot add {unit!r}")
    return dt.date(moved.year, moved.month, moved.day)


def iso_week(day: dt.date) -> tuple[int, int]:
    """The ISO year and week number of ``day``."""
    calendar = day.isocalendar()
    return calendar.year, calendar.week


def quarter_of(day: dt.date) -> int:
    """The quarter (1-4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


def season_start(year: int, season: str) -> dt.date:
    """The first day of a meteorological season (winter starts in December of ``year``)."""
    return dt.date(year, _SEASON_MONTH[season], 1)


def weekday_before(day: dt.date, weekday: int, *, inclusive: bool = False) -> dt.date:
    """The latest date with ISO ``weekday`` before ``day`` (or on it, if ``inclusive``)."""
    back = (day.isoweekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return day - dt.timedelta(days=back)


def weekday_after(day: dt.date, weekday: int, *, inclusive: bool = False) -> dt.date:
    """The earliest date with ISO ``weekday`` after ``day`` (or on it, if ``inclusive``)."""
    ahead = (weekday - day.isoweekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return day + dt.timedelta(days=ahead)
