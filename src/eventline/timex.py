"""The TIMEX3 value grammar: parse, format and validate values, and place them on a calendar.

This is the one module that knows the syntax of TimeML TIMEX3 ``value`` attributes. Everything
else builds values through :func:`format_value` or reads them through :func:`parse`.

Forms understood (``X`` placeholders allowed in every numeric field, see docs/timex.md)::

    2024-04-22           date (also 1998-XX-XX, XXXX-07-04)
    2024-W16-1           date given as ISO week date (also XXXX-WXX-1)
    2024-W16             ISO week (2000-W7 is read as 2000-W07)
    2024-W16-WE          weekend of an ISO week
    2024-04              month        2024-Q1  quarter     2024-H2  half year
    2023-SU              season (SP, SU, FA, WI)
    2023 / 199 / 19 / 1  year / decade (1990s) / century (1900s) / millennium (1000s)
    BC0044 / BC033 / BC04  a year, decade (330s BC) or century (400s BC) before Christ
    199X, 19XX, XXXX     a year with unknown digits
    2024-04-22T09        hour, also T09:30 (minute) and T09:30:15 (second); T24 is midnight
    2024-04-22TMO        part of day: MO, MI, AF, EV, NI, DT
    P3D, PT48H, P2Y6M    durations; amounts may be X (PXY, PTXH), PXX is 'a while'
    PRESENT_REF          also PAST_REF, FUTURE_REF

A set's ``freq`` attribute, how many times it recurs per period ("twice a week" is ``P1W``
with freq ``2X``), is checked by :func:`is_valid_freq`.

Intervals are naive datetimes, start inclusive, end exclusive. Parts of day span::

    MO morning    05:00-12:00     MI midday     12:00-13:00
    AF afternoon  12:00-18:00     EV evening    18:00-22:00
    NI night      21:00-05:00 (the next day)    DT daytime    06:00-18:00

Seasons are meteorological: SP March-May, SU June-August, FA September-November and WI
December of the given year to the end of February of the next. Values with placeholders,
durations and references have no interval; neither do values before Christ or values whose
interval would end after 9999-12-31 (the range of :class:`datetime.datetime`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from typing import Final

import attrs

from eventline.errors import InvalidTimexError
from eventline.model import Grain, Interval

__all__ = [
    "DurationPart",
    "Kind",
    "TimexValue",
    "Unknown",
    "X",
    "format_value",
    "grain_of",
    "interval_of",
    "is_valid",
    "is_valid_freq",
    "parse",
]


class Unknown(enum.Enum):
    """The ``X`` placeholder: a field that is present but whose digits are all unknown."""

    X = "X"

    def __repr__(self) -> str:
        return "X"


X: Final = Unknown.X

Field = int | Unknown
"""A numeric field written either with digits or with ``X`` placeholders."""


class Kind(enum.StrEnum):
    """What a TIMEX3 value denotes, judged by its form."""

    DATE = "date"
    WEEK = "week"
    WEEKEND = "weekend"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"
    TIME = "time"
    PART_OF_DAY = "part_of_day"
    DURATION = "duration"
    REF = "ref"


@attrs.frozen
class DurationPart:
    """One ``amount unit`` component of a duration, e.g. ``3D`` or ``XH``.

    ``time`` is true for components after the ``T`` (``H``, ``M``, ``S``). Date units are
    ``Y M W D Q`` (ISO 8601 plus quarters), ``E`` decade, ``C`` century and ``L`` millennium
    (TimeBank's usage), ``X`` an unknown unit (TimeBank's ``PXX``, "a while"), and TIDES'
    ``WE`` weekend, ``DE`` decade, ``CE`` century and
    ``ML`` millennium. ``fraction`` holds the decimal digits of seconds written with a
    fraction (``PT3M58.4S``: a race's time to the tenth), the amount their whole part.
    """

    amount: Field
    unit: str
    time: bool = False
    fraction: str = ""


@attrs.frozen
class TimexValue:
    """A TIMEX3 value taken apart; fields that the form does not have are ``None``.

    ``year`` holds the digits written in the year slot as a number (``2023``; ``199`` for a
    decade; ``199`` with ``year_x == 1`` for ``199X``) and ``year_x`` how many ``X`` follow
    them; ``year`` is ``None`` when the slot is all ``X`` or absent. Other numeric fields are
    ``X`` when written with placeholders. ``bc`` is true for a year, decade, century or
    millennium before Christ (``BC0044``: ``year=44``).
    """

    kind: Kind
    year: int | None = None
    year_x: int = 0
    month: Field | None = None
    day: Field | None = None
    week: Field | None = None
    weekday: Field | None = None
    quarter: Field | None = None
    half: Field | None = None
    season: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    part_of_day: str | None = None
    duration: tuple[DurationPart, ...] = ()
    ref: str | None = None
    bc: bool = False

    @property
    def is_specific(self) -> bool:
        """True when no field is an ``X`` placeholder."""
        fields = (self.month, self.day, self.week, self.weekday, self.quarter, self.half)
        amounts = tuple(part.amount for part in self.duration)
        return self.year_x == 0 and X not in fields and X not in amounts


REFS: Final = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
SEASONS: Final = ("SP", "SU", "FA", "WI")
PARTS_OF_DAY: Final = ("MO", "MI", "AF", "EV", "NI", "DT")
DATE_UNITS: Final = ("Y", "M", "W", "D", "Q", "E", "C", "L", "X", "WE", "DE", "CE", "ML")
TIME_UNITS: Final = ("H", "M", "S")

_YEAR_WIDTH: Final = {Kind.DECADE: 3, Kind.CENTURY: 2, Kind.MILLENNIUM: 1}
_KIND_BY_WIDTH: Final = {4: Kind.YEAR, 3: Kind.DECADE, 2: Kind.CENTURY, 1: Kind.MILLENNIUM}
_YEARS_PER_SLOT: Final = {Kind.DECADE: 10, Kind.CENTURY: 100, Kind.MILLENNIUM: 1000}

_DATE_RE: Final = re.compile(
    r"""
    (?P<year>\d{0,4}X{0,4})
    (?:-(?:
        (?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?
      | W(?P<week>\d{1,2}|XX)(?:-(?:(?P<weekend>WE)|(?P<weekday>[1-7X])))?
      | Q(?P<quarter>[1-4X])
      | H(?P<half>[12X])
      | (?P<season>SP|SU|FA|WI)
    ))?
    (?:T(?:
        (?P<hour>\d\d)(?::(?P<minute>\d\d)(?::(?P<second>\d\d))?)?
      | (?P<pod>MO|MI|AF|EV|NI|DT)
    ))?
    """,
    re.VERBOSE,
)
_DURATION_RE: Final = re.compile(
    r"P(?P<date>(?:(?:\d+|X)(?:WE|DE|CE|ML|[YMWDQECLX]))*)"
    r"(?:T(?P<time>(?:(?:\d+|X)[HMS])*(?:(?:\d+|X)[HMS]|\d+\.\d+S)))?"
)
_BC_RE: Final = re.compile(r"BC(?P<year>\d{1,4}X{0,3})")
_DATE_PART_RE: Final = re.compile(r"(\d+|X)(WE|DE|CE|ML|[YMWDQECLX])")
_TIME_PART_RE: Final = re.compile(r"(\d+|X)(?:\.(\d+))?([HMS])")

_YEAR_DIGITS: Final = 4
_MONTHS: Final = 12
_MAX_WEEK: Final = 53
_MIDNIGHT: Final = 24
_MAX_MINUTE: Final = 59
_POD_BOUNDS: Final = {  # part of day -> (start hour, end hour), end may pass midnight
    "MO": (5, 12),
    "MI": (12, 13),
    "AF": (12, 18),
    "EV": (18, 22),
    "NI": (21, 29),
    "DT": (6, 18),
}
_SEASON_START: Final = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


# --------------------------------------------------------------------------- parsing


@functools.lru_cache(maxsize=4096)
def parse(value: str) -> TimexValue:
    """Take a TIMEX3 value apart.

    >>> parse("2024-W16").week
    16

    Raises:
        InvalidTimexError: ``value`` is not a TIMEX3 value (the message lists valid forms).
    """
    if value in REFS:
        return TimexValue(kind=Kind.REF, ref=value)
    if value.startswith("P"):
        return _parse_duration(value)
    if value.startswith("BC"):
        return _parse_before_christ(value)
    match = _DATE_RE.fullmatch(value)
    if match is None:
        raise InvalidTimexError(value, "not a date, time, duration or reference")
    parsed = _from_date_match(value, match.groupdict())
    _check_calendar(value, parsed)
    return parsed


def _parse_before_christ(value: str) -> TimexValue:
    """``BC`` and a year, decade, century or millennium: ``BC0044``, ``BC033``, ``BC04``."""
    match = _BC_RE.fullmatch(value)
    year = _DATE_RE.fullmatch(match["year"]) if match else None
    if year is None:
        raise InvalidTimexError(value, "BC takes a year, decade, century or millennium: BC0044")
    parsed = _from_date_match(value, year.groupdict())
    _check_calendar(value, parsed)
    return attrs.evolve(parsed, bc=True)


def _parse_duration(value: str) -> TimexValue:
    match = _DURATION_RE.fullmatch(value)
    if match is None or not (match["date"] or match["time"]):
        raise InvalidTimexError(value, "a duration is P, then amounts with units")
    parts = tuple(
        DurationPart(_amount(amount), unit) for amount, unit in _DATE_PART_RE.findall(match["date"])
    ) + tuple(
        DurationPart(_amount(amount), unit, time=True, fraction=fraction)
        for amount, fraction, unit in _TIME_PART_RE.findall(match["time"] or "")
    )
    units = [(part.unit, part.time) for part in parts]
    if len(set(units)) != len(units):
        raise InvalidTimexError(value, "a duration names each unit once")
    return TimexValue(kind=Kind.DURATION, duration=parts)


def _amount(text: str) -> Field:
    return X if text.startswith("X") else int(text)


def _field(text: str | None) -> Field | None:
    return None if text is None else _amount(text)


def _optional_int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _from_date_match(value: str, groups: dict[str, str | None]) -> TimexValue:
    year_text = groups["year"] or ""
    digits = year_text.rstrip("X")
    has_more = any(groups[name] is not None for name in groups if name != "year")
    if not 1 <= len(year_text) <= _YEAR_DIGITS or (has_more and len(year_text) != _YEAR_DIGITS):
        raise InvalidTimexError(value, "the year needs four digits or X (two for a century)")
    kind = _kind_of(groups, len(year_text))
    if kind in (Kind.TIME, Kind.PART_OF_DAY) and groups["day"] is groups["weekday"] is None:
        raise InvalidTimexError(value, "a time of day needs a full date before the T")
    return TimexValue(
        kind=kind,
        year=int(digits) if digits else None,
        year_x=len(year_text) - len(digits),
        month=_field(groups["month"]),
        day=_field(groups["day"]),
        week=_field(groups["week"]),
        weekday=_field(groups["weekday"]),
        quarter=_field(groups["quarter"]),
        half=_field(groups["half"]),
        season=groups["season"],
        hour=_optional_int(groups["hour"]),
        minute=_optional_int(groups["minute"]),
        second=_optional_int(groups["second"]),
        part_of_day=groups["pod"],
    )


def _kind_of(groups: dict[str, str | None], year_width: int) -> Kind:
    if groups["pod"] is not None:
        return Kind.PART_OF_DAY
    if groups["hour"] is not None:
        return Kind.TIME
    checks = (
        ("day", Kind.DATE),
        ("weekday", Kind.DATE),
        ("weekend", Kind.WEEKEND),
        ("week", Kind.WEEK),
        ("month", Kind.MONTH),
        ("quarter", Kind.QUARTER),
        ("half", Kind.HALF),
        ("season", Kind.SEASON),
    )
    for name, kind in checks:
        if groups[name] is not None:
            return kind
    return _KIND_BY_WIDTH[year_width]


def _check_calendar(value: str, v: TimexValue) -> None:
    """Raise InvalidTimexError unless every known field is in range for the calendar."""
    if v.year == 0 and v.year_x == 0 and v.kind not in _YEAR_WIDTH:
        raise InvalidTimexError(value, "there is no year 0 (1 BC is BC0001)")
    reason = _time_problem(v) or _month_day_problem(v) or _week_problem(v)
    if reason:
        raise InvalidTimexError(value, reason)


def _known_year(v: TimexValue) -> int | None:
    """The full year of a value whose year slot is a year (not a decade...) with no X."""
    if v.year_x or v.kind in _YEAR_WIDTH:
        return None
    return v.year


def _month_day_problem(v: TimexValue) -> str:
    if isinstance(v.month, int) and not 1 <= v.month <= _MONTHS:
        return "months run from 01 to 12"
    if not isinstance(v.day, int):
        return ""
    year = _known_year(v)
    if isinstance(v.month, int):
        last = calendar.monthrange(year if year else 2000, v.month)[1]  # 2000: a leap year
    else:
        last = 31
    if not 1 <= v.day <= last:
        return f"day {v.day:02d} is not in that month"
    return ""


def _week_problem(v: TimexValue) -> str:
    if not isinstance(v.week, int):
        return ""
    if not 1 <= v.week <= _MAX_WEEK:
        return "ISO weeks run from W01 to W53"
    year = _known_year(v)
    if year is not None and dt.date(year, 12, 28).isocalendar().week < v.week:
        return f"ISO year {year} has no week {v.week}"
    return ""


def _time_problem(v: TimexValue) -> str:
    if v.hour is None:
        return ""
    minute, second = v.minute or 0, v.second or 0
    if v.hour > _MIDNIGHT or max(minute, second) > _MAX_MINUTE:
        return "times run from T00:00:00 to T23:59:59 (T24 for midnight)"
    if v.hour == _MIDNIGHT and minute + second:
        return "T24 (midnight) takes no minutes or seconds"
    return ""


# --------------------------------------------------------------------------- formatting


def format_value(v: TimexValue) -> str:
    """Write a :class:`TimexValue` in canonical TIMEX3 form; ``format_value(parse(s)) == s``.

    Raises:
        InvalidTimexError: the fields do not describe a valid value.
    """
    text = _format_unchecked(v)
    if parse(text) != v:
        raise InvalidTimexError(text, f"the fields of {v!r} do not describe one value")
    return text


def _format_unchecked(v: TimexValue) -> str:
    if v.kind is Kind.REF:
        return v.ref or ""
    if v.kind is Kind.DURATION:
        return _format_duration(v.duration)
    width = _YEAR_WIDTH.get(v.kind, _YEAR_DIGITS)
    known = width - v.year_x
    year = "" if v.year is None or known <= 0 else f"{v.year:0{known}d}"
    return ("BC" if v.bc else "") + year + "X" * v.year_x + _format_rest(v) + _format_time(v)


def _format_rest(v: TimexValue) -> str:
    if v.month is not None:
        day = "" if v.day is None else "-" + _num(v.day, 2)
        return "-" + _num(v.month, 2) + day
    if v.week is not None:
        suffix = "-WE" if v.kind is Kind.WEEKEND else ""
        if v.weekday is not None:
            suffix = "-" + _num(v.weekday, 1)
        return "-W" + _num(v.week, 2) + suffix
    if v.quarter is not None:
        return "-Q" + _num(v.quarter, 1)
    if v.half is not None:
        return "-H" + _num(v.half, 1)
    return "" if v.season is None else "-" + v.season


def _format_time(v: TimexValue) -> str:
    if v.part_of_day is not None:
        return "T" + v.part_of_day
    if v.hour is None:
        return ""
    units = (v.hour, v.minute, v.second)
    return "T" + ":".join(f"{unit:02d}" for unit in units if unit is not None)


def _format_duration(parts: tuple[DurationPart, ...]) -> str:
    date = "".join(_num(p.amount, 1) + p.unit for p in parts if not p.time)
    time = "".join(
        _num(p.amount, 1) + (f".{p.fraction}" if p.fraction else "") + p.unit
        for p in parts
        if p.time
    )
    return "P" + date + ("T" + time if time else "")


def _num(field: Field, width: int) -> str:
    return "X" * width if field is X else f"{field:0{width}d}"


def is_valid(value: str) -> bool:
    """True when ``value`` is a TIMEX3 value :func:`parse` accepts."""
    try:
        parse(value)
    except InvalidTimexError:
        return False
    return True


_FREQ: Final = re.compile(r"[1-9][0-9]*X")


def is_valid_freq(freq: str) -> bool:
    """True when ``freq`` is a TIMEX3 ``freq`` as eventline writes it: ``1X``, ``2X``, ``12X``.

    The count of times a set recurs per period, without leading zeros ("twice a week": ``2X``).
    TimeML also allows a count of units (``3D``: three days every month); eventline writes none.
    """
    return _FREQ.fullmatch(freq) is not None


# --------------------------------------------------------------------------- calendar

_GRAIN_BY_KIND: Final = {
    Kind.DATE: Grain.DAY,
    Kind.WEEK: Grain.WEEK,
    Kind.WEEKEND: Grain.WEEKEND,
    Kind.MONTH: Grain.MONTH,
    Kind.QUARTER: Grain.QUARTER,
    Kind.HALF: Grain.HALF,
    Kind.SEASON: Grain.SEASON,
    Kind.YEAR: Grain.YEAR,
    Kind.DECADE: Grain.DECADE,
    Kind.CENTURY: Grain.CENTURY,
    Kind.MILLENNIUM: Grain.MILLENNIUM,
    Kind.PART_OF_DAY: Grain.PART_OF_DAY,
}


def grain_of(value: str) -> Grain | None:
    """How precise ``value`` is (``None`` for durations and references).

    Placeholders do not change the grain: ``XXXX-WXX-1`` is a day and ``199X`` a year.

    Raises:
        InvalidTimexError: ``value`` is not a TIMEX3 value.
    """
    v = parse(value)
    if v.kind is Kind.TIME:
        if v.second is not None:
            return Grain.SECOND
        return Grain.HOUR if v.minute is None else Grain.MINUTE
    return _GRAIN_BY_KIND.get(v.kind)


@functools.lru_cache(maxsize=4096)
def interval_of(value: str) -> Interval | None:
    """The stretch of time ``value`` covers, or ``None`` when it has no fixed place.

    >>> interval_of("2024-W16").start
    datetime.datetime(2024, 4, 15, 0, 0)

    Raises:
        InvalidTimexError: ``value`` is not a TIMEX3 value.
    """
    v = parse(value)
    if v.bc or not v.is_specific or v.year is None or v.kind in (Kind.DURATION, Kind.REF):
        return None  # datetime has no year before 1
    start, end = _bounds(v, v.year)
    if start is None or end is None:
        return None
    return Interval(start, end)


_Bounds = tuple[dt.datetime | None, dt.datetime | None]


def _bounds(v: TimexValue, year: int) -> _Bounds:
    if v.kind in _YEARS_PER_SLOT or v.kind is Kind.YEAR:
        years = _YEARS_PER_SLOT.get(v.kind, 1)
        first = year * years  # the century 00 starts in the year 1, there is no year 0
        return _first_of_month(max(first, 1), 1), _first_of_month(first + years, 1)
    span = _month_span(v)
    if span is not None:
        return _months(year, *span)
    if isinstance(v.week, int) and v.weekday is None:
        monday = _day(dt.date.fromisocalendar(year, v.week, 1))
        return _shift(monday, days=5 if v.kind is Kind.WEEKEND else 0), _shift(monday, days=7)
    return _day_bounds(v, _day_of(v, year))


def _month_span(v: TimexValue) -> tuple[int, int] | None:
    """First month and number of months of a month, quarter, half or season."""
    if isinstance(v.month, int) and v.day is None:
        return v.month, 1
    if isinstance(v.quarter, int):
        return 3 * v.quarter - 2, 3
    if isinstance(v.half, int):
        return 6 * v.half - 5, 6
    if v.season is not None:
        return _SEASON_START[v.season], 3
    return None


def _months(year: int, month: int, count: int) -> _Bounds:
    """From the first of ``month`` of ``year`` for ``count`` months."""
    return _first_of_month(year, month), _first_of_month(year, month + count)


def _first_of_month(year: int, month: int) -> dt.datetime | None:
    """The first of a month; ``month`` may run past 12. ``None`` beyond datetime's range."""
    year, index = year + (month - 1) // _MONTHS, (month - 1) % _MONTHS
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    return dt.datetime(year, index + 1, 1)


def _day(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time())


def _shift(start: dt.datetime | None, **delta: float) -> dt.datetime | None:
    """``start`` moved by a timedelta; ``None`` beyond datetime's range."""
    if start is None:
        return None
    try:
        return start + dt.timedelta(**delta)
    except OverflowError:
        return None


def _day_of(v: TimexValue, year: int) -> dt.datetime | None:
    if isinstance(v.month, int) and isinstance(v.day, int):
        return _day(dt.date(year, v.month, v.day))
    if isinstance(v.week, int) and isinstance(v.weekday, int):
        return _day(dt.date.fromisocalendar(year, v.week, v.weekday))
    return None


def _day_bounds(v: TimexValue, day: dt.datetime | None) -> _Bounds:
    if v.part_of_day is not None:
        first, last = _POD_BOUNDS[v.part_of_day]
        return _shift(day, hours=first), _shift(day, hours=last)
    if v.hour is None:
        return day, _shift(day, days=1)
    start = _shift(day, hours=v.hour, minutes=v.minute or 0, seconds=v.second or 0)
    if v.second is not None:
        return start, _shift(start, seconds=1)
    return start, _shift(start, hours=1) if v.minute is None else _shift(start, minutes=1)
