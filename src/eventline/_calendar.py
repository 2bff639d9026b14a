"""The one module that does date arithmetic (with pendulum)."""

from __future__ import annotations

import datetime as dt

import pendulum

__all__ = [
    "add",
    "easter",
    "feast_near",
    "iso_week",
    "movable_feast",
    "quarter_of",
    "season_start",
    "weekday_after",
    "weekday_before",
]

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


class OutOfCalendarError(ValueError):
    """A date before year 1 or after year 9999, which the calendar (and TIMEX3 dates) lack."""


def add(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` units (day, week, month, quarter, year), month ends clamped.

    Raises:
        OutOfCalendarError: the result lies before year 1 or after year 9999.
    """
    try:
        return _add(day, unit, count)
    except (ValueError, OverflowError) as error:
        if str(error).startswith("cannot add"):
            raise
        raise OutOfCalendarError(f"{day} moved by {count} {unit}(s) leaves the calendar") from error


_FIXED_DAYS = {"day": 1, "week": 7}


def _add(day: dt.date, unit: str, count: int) -> dt.date:
    if unit in _FIXED_DAYS:  # a fixed number of days: no month end to clamp
        return day + dt.timedelta(days=_FIXED_DAYS[unit] * count)
    moment = pendulum.Date(day.year, day.month, day.day)
    if unit == "month":
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


def easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the Gregorian computus)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon = (8 * century + 13) // 25
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    weekday = (32 + 2 * century_rest + 2 * (rest // 4) - epact - rest % 4) % 7
    correction = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * correction + 114, 31)
    return dt.date(year, month, day + 1)


def movable_feast(year: int, rule: str) -> dt.date:
    """The date of a movable holiday.

    ``"11/4/4"`` is the 4th Thursday of November, ``"5/1/-1"`` the last Monday of May,
    ``"11/2/1@2"`` the first Tuesday from November 2 on, ``"easter-2"`` Good Friday.
    """
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:]))
    if rule.startswith("dates:"):  # a lunisolar feast: its day in each year known
        for day in rule[6:].split(","):
            if day.startswith(f"{year:04d}-"):
                return dt.date.fromisoformat(day)
        raise ValueError(f"no date of {rule[:16]}... is known in {year}")
    rule, _, from_day = rule.partition("@")
    month, weekday, nth = (int(part) for part in rule.split("/"))
    if nth > 0:
        start = dt.date(year, month, int(from_day or 1))
        first = weekday_after(start, weekday, inclusive=True)
        return first + dt.timedelta(weeks=nth - 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return weekday_before(last, weekday, inclusive=True)


def feast_near(year: int, rule: str) -> dt.date:
    """The movable holiday in ``year``, else (a lunisolar feast) the listed one nearest.

    A lunisolar feast of a year not listed has no date; the nearest listed one's month and
    day tell the side of the year it falls on.
    """
    try:
        return movable_feast(year, rule)
    except ValueError:
        days = [dt.date.fromisoformat(day) for day in rule[6:].split(",")]
        return min(days, key=lambda day: abs(day.year - year))


def iso_week(day: dt.date) -> tuple[int, int]:
    """The ISO year and week number of ``day``."""
    calendar = day.isocalendar()
    return calendar.year, calendar.week


def quarter_of(day: dt.date) -> int:
    """The quarter (1-4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


def season_start(year: int, season: str) -> dt.date:
    """The first day of a meteorological season (winter starts in December of ``year``)."""
    return dt.date(year, SEASON_MONTH[season], 1)


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
