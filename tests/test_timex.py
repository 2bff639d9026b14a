"""Tests of the TIMEX3 value grammar (eventline.timex)."""

from __future__ import annotations

import calendar
import datetime as dt
import doctest
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventline.timex
from eventline.errors import EventlineError, InvalidTimexError
from eventline.model import Grain, Interval
from eventline.timex import (
    DurationPart,
    Kind,
    TimexValue,
    X,
    format_value,
    grain_of,
    interval_of,
    is_valid,
    is_valid_freq,
    parse,
)
from tests.strategies import (
    before_christ_values,
    canonical_values,
    days,
    durations,
    placeholder_values,
    specific_values,
)


def _dt(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# --------------------------------------------------------------------------- examples

INTERVALS = [
    ("2024-04-22", Grain.DAY, "2024-04-22", "2024-04-23"),
    ("2024-W17-1", Grain.DAY, "2024-04-22", "2024-04-23"),
    ("2024-04-22T09", Grain.HOUR, "2024-04-22T09:00", "2024-04-22T10:00"),
    ("2024-04-22T09:30", Grain.MINUTE, "2024-04-22T09:30", "2024-04-22T09:31"),
    ("2024-04-22T09:30:15", Grain.SECOND, "2024-04-22T09:30:15", "2024-04-22T09:30:16"),
    ("1989-10-27T24", Grain.HOUR, "1989-10-28T00:00", "1989-10-28T01:00"),
    ("2024-04-22TMO", Grain.PART_OF_DAY, "2024-04-22T05:00", "2024-04-22T12:00"),
    ("2024-04-22TMI", Grain.PART_OF_DAY, "2024-04-22T12:00", "2024-04-22T13:00"),
    ("2024-04-22TAF", Grain.PART_OF_DAY, "2024-04-22T12:00", "2024-04-22T18:00"),
    ("2024-04-22TEV", Grain.PART_OF_DAY, "2024-04-22T18:00", "2024-04-22T22:00"),
    ("2024-04-22TNI", Grain.PART_OF_DAY, "2024-04-22T21:00", "2024-04-23T05:00"),
    ("2024-04-22TDT", Grain.PART_OF_DAY, "2024-04-22T06:00", "2024-04-22T18:00"),
    ("2024-W16", Grain.WEEK, "2024-04-15", "2024-04-22"),
    ("2024-W16-WE", Grain.WEEKEND, "2024-04-20", "2024-04-22"),
    ("2024-04", Grain.MONTH, "2024-04-01", "2024-05-01"),
    ("2024-12", Grain.MONTH, "2024-12-01", "2025-01-01"),
    ("2024-Q1", Grain.QUARTER, "2024-01-01", "2024-04-01"),
    ("2024-Q4", Grain.QUARTER, "2024-10-01", "2025-01-01"),
    ("2024-H2", Grain.HALF, "2024-07-01", "2025-01-01"),
    ("2023-SP", Grain.SEASON, "2023-03-01", "2023-06-01"),
    ("2023-SU", Grain.SEASON, "2023-06-01", "2023-09-01"),
    ("2023-FA", Grain.SEASON, "2023-09-01", "2023-12-01"),
    ("2023-WI", Grain.SEASON, "2023-12-01", "2024-03-01"),
    ("2023", Grain.YEAR, "2023-01-01", "2024-01-01"),
    ("199", Grain.DECADE, "1990-01-01", "2000-01-01"),
    ("19", Grain.CENTURY, "1900-01-01", "2000-01-01"),
    ("2", Grain.MILLENNIUM, "2000-01-01", "3000-01-01"),
    ("00", Grain.CENTURY, "0001-01-01", "0100-01-01"),  # the 1st century: there is no year 0
    ("000", Grain.DECADE, "0001-01-01", "0010-01-01"),
    ("0", Grain.MILLENNIUM, "0001-01-01", "1000-01-01"),
]


@pytest.mark.parametrize(
    ("value", "grain", "start", "end"), INTERVALS, ids=[r[0] for r in INTERVALS]
)
def test_interval_and_grain(value: str, grain: Grain, start: str, end: str) -> None:
    assert grain_of(value) is grain
    assert interval_of(value) == Interval(_dt(start), _dt(end))
    assert format_value(parse(value)) == value


NO_INTERVAL = [
    ("XXXX-WXX-1", Grain.DAY),
    ("XXXX-WXX-1TNI", Grain.PART_OF_DAY),
    ("XXXX-07", Grain.MONTH),
    ("1998-XX-XX", Grain.DAY),
    ("199X-XX-XX", Grain.DAY),
    ("199X", Grain.YEAR),
    ("19XX", Grain.YEAR),
    ("XXXX", Grain.YEAR),
    ("2024-QX", Grain.QUARTER),
    ("2000-WXX", Grain.WEEK),
    ("XXXX-SU", Grain.SEASON),
    ("P3D", None),
    ("PT48H", None),
    ("P2Y6M", None),
    ("PXY", None),
    ("PTXH", None),
    ("PXX", None),
    ("P2L", None),
    ("PXE", None),
    ("P1DE", None),
    ("PRESENT_REF", None),
    ("PAST_REF", None),
    ("FUTURE_REF", None),
    ("9999", Grain.YEAR),  # would end in the year 10000
    ("9999-12-31T24", Grain.HOUR),
    ("BC0044", Grain.YEAR),  # datetime has no year before 1
    ("BC3000", Grain.YEAR),
    ("BC0001", Grain.YEAR),
    ("BC033", Grain.DECADE),
    ("BC04", Grain.CENTURY),
    ("BC00", Grain.CENTURY),
    ("BC1", Grain.MILLENNIUM),
    ("BC19XX", Grain.YEAR),
]


@pytest.mark.parametrize(("value", "grain"), NO_INTERVAL, ids=[r[0] for r in NO_INTERVAL])
def test_no_interval(value: str, grain: Grain | None) -> None:
    assert interval_of(value) is None
    assert grain_of(value) is grain
    assert format_value(parse(value)) == value


def test_structure_of_a_week_date_with_placeholders() -> None:
    assert parse("XXXX-WXX-1") == TimexValue(kind=Kind.DATE, year=None, year_x=4, week=X, weekday=1)


def test_structure_of_a_partial_year_and_a_decade() -> None:
    assert parse("199X") == TimexValue(kind=Kind.YEAR, year=199, year_x=1)
    assert parse("199") == TimexValue(kind=Kind.DECADE, year=199)
    assert parse("19") == TimexValue(kind=Kind.CENTURY, year=19)


def test_structure_of_values_before_christ() -> None:
    assert parse("BC0044") == TimexValue(kind=Kind.YEAR, year=44, bc=True)
    assert parse("BC033") == TimexValue(kind=Kind.DECADE, year=33, bc=True)
    assert parse("BC04") == TimexValue(kind=Kind.CENTURY, year=4, bc=True)
    assert parse("BC04") != parse("04")
    assert format_value(TimexValue(kind=Kind.YEAR, year=500, bc=True)) == "BC0500"
    assert format_value(TimexValue(kind=Kind.CENTURY, year=0, bc=True)) == "BC00"
    assert not parse("0044").bc


def test_structure_of_durations() -> None:
    assert parse("P2Y6M").duration == (DurationPart(2, "Y"), DurationPart(6, "M"))
    assert parse("PT1H30M").duration == (
        DurationPart(1, "H", time=True),
        DurationPart(30, "M", time=True),
    )
    assert parse("PXY").duration == (DurationPart(X, "Y"),)
    assert parse("P1DT12H").kind is Kind.DURATION


def test_references() -> None:
    assert parse("PAST_REF") == TimexValue(kind=Kind.REF, ref="PAST_REF")


def test_short_week_numbers_are_read_and_written_padded() -> None:
    assert parse("2000-W7") == parse("2000-W07")
    assert format_value(parse("2000-W7")) == "2000-W07"
    assert format_value(parse("2000-W2-WE")) == "2000-W02-WE"


def test_format_builds_values() -> None:
    assert format_value(TimexValue(kind=Kind.DURATION, duration=(DurationPart(3, "D"),))) == "P3D"
    assert format_value(TimexValue(kind=Kind.MONTH, year=2023, month=11)) == "2023-11"
    assert format_value(TimexValue(kind=Kind.DATE, year_x=4, week=X, weekday=5)) == "XXXX-WXX-5"


@pytest.mark.parametrize(
    "value",
    [
        TimexValue(kind=Kind.YEAR, year=2024, month=4),  # the kind says year, the fields month
        TimexValue(kind=Kind.MONTH, year=2023, month=13),
        TimexValue(kind=Kind.DATE, year=2023, month=2, day=29),
        TimexValue(kind=Kind.DURATION),
    ],
)
def test_format_rejects_inconsistent_fields(value: TimexValue) -> None:
    with pytest.raises(InvalidTimexError):
        format_value(value)


# --------------------------------------------------------------------------- validation

INVALID = [
    "",
    " 2024",
    "2024 ",
    "2024-4-22",
    "24-04-22",
    "12345",
    "-0044",
    "0000",
    "BC0000",
    "BC",
    "BC12345",
    "BCXXXX",
    "BC-0044",
    "BC 0044",
    "bc0044",
    "0044BC",
    "BC2024-03",
    "BC2024-03-15",
    "BC0044-Q1",
    "BCP1Y",
    "2024-13",
    "2024-00",
    "2024-00-10",
    "2024-04-00",
    "2024-04-31",
    "2023-02-29",
    "1900-02-29",
    "XXXX-02-30",
    "2024-W00",
    "2024-W54",
    "2021-W53",
    "2024-W16-8",
    "2024-W16-0",
    "2024-Q5",
    "2024-Q0",
    "2024-H3",
    "2024-SX",
    "2024-XI",
    "2024T09",
    "2024-04T09",
    "2024-W16T09",
    "199T09",
    "2024-04-22T",
    "2024-04-22T9",
    "2024-04-22T25",
    "2024-04-22T24:30",
    "2024-04-22T09:60",
    "2024-04-22T09:30:60",
    "2024-04-22TXX",
    "2024-04-22TNOON",
    "T09:30",
    "P",
    "PT",
    "P3",
    "P1Y1Y",
    "PT1H1H",
    "P1.5Y",
    "P-1D",
    "PT3D",
    "present_ref",
    "NOW",
    "2024-04-22T09:30Z",
]


@pytest.mark.parametrize("value", INVALID, ids=[repr(v) for v in INVALID])
def test_invalid_values_raise(value: str) -> None:
    assert not is_valid(value)
    with pytest.raises(InvalidTimexError) as caught:
        parse(value)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, EventlineError)
    assert error.value == value
    assert "valid forms include" in str(error)
    assert "'2024-W16'" in str(error)
    with pytest.raises(InvalidTimexError):
        interval_of(value)
    with pytest.raises(InvalidTimexError):
        grain_of(value)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2024-02-29", True),
        ("2000-02-29", True),
        ("2023-02-29", False),
        ("1900-02-29", False),
        ("2100-02-29", False),
        ("XXXX-02-29", True),
        ("199X-02-29", True),
        ("2024-XX-31", True),
        ("2023-02-28", True),
    ],
)
def test_leap_days(value: str, valid: bool) -> None:
    assert is_valid(value) is valid


def test_leap_day_interval() -> None:
    assert interval_of("2024-02-29") == Interval(_dt("2024-02-29"), _dt("2024-03-01"))
    feb = interval_of("2024-02")
    assert feb is not None
    assert feb.end == _dt("2024-03-01")


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2020-W53", True),
        ("2021-W53", False),
        ("2015-W53", True),
        ("2026-W53", True),
        ("2024-W53", False),
        ("2024-W52", True),
        ("XXXX-W53", True),
        ("2020-W53-WE", True),
        ("2021-W53-1", False),
    ],
)
def test_week_53(value: str, valid: bool) -> None:
    assert is_valid(value) is valid


@pytest.mark.parametrize(
    ("freq", "valid"),
    [
        ("1X", True),
        ("2X", True),
        ("12X", True),
        ("0X", False),
        ("02X", False),
        ("X", False),
        ("2x", False),
        ("2", False),
        ("3D", False),
        (" 2X", False),
        ("2X\n", False),
        ("", False),
    ],
)
def test_freq(freq: str, valid: bool) -> None:
    assert is_valid_freq(freq) is valid


def test_iso_week_year_boundaries() -> None:
    week = interval_of("2025-W01")
    day = interval_of("2024-12-30")
    assert week is not None
    assert day is not None
    assert week.contains(day)
    assert week.start == _dt("2024-12-30")
    last_week_of_2020 = interval_of("2020-W53")
    jan_3 = interval_of("2021-01-03")
    assert last_week_of_2020 is not None
    assert jan_3 is not None
    assert last_week_of_2020.contains(jan_3)
    assert last_week_of_2020.end == _dt("2021-01-04")


# --------------------------------------------------------------------------- properties


@given(canonical_values)
def test_round_trip(value: str) -> None:
    parsed = parse(value)
    assert format_value(parsed) == value
    assert is_valid(value)


@given(specific_values)
def test_specific_values_have_non_empty_intervals(value: str) -> None:
    interval = interval_of(value)
    assert interval is not None
    assert interval.start < interval.end
    assert grain_of(value) is not None


@given(st.one_of(placeholder_values, durations(), before_christ_values))
def test_placeholders_and_durations_have_no_interval(value: str) -> None:
    assert interval_of(value) is None


def _containers(day: dt.date) -> list[str]:
    year, week, _ = day.isocalendar()
    quarter, half = (day.month - 1) // 3 + 1, (day.month - 1) // 6 + 1
    season_year = day.year - 1 if day.month < 3 else day.year
    season = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[((day.month % 12) // 3) * 3 or 12]
    return [
        f"{day.year:04d}-{day.month:02d}",
        f"{year:04d}-W{week:02d}",
        f"{day.year:04d}-Q{quarter}",
        f"{day.year:04d}-H{half}",
        f"{season_year:04d}-{season}",
        f"{day.year:04d}",
        f"{day.year // 10:03d}",
        f"{day.year // 100:02d}",
        f"{day.year // 1000}",
    ]


@given(days)
def test_a_day_lies_within_its_larger_units(day: dt.date) -> None:
    inner = interval_of(day.isoformat())
    assert inner is not None
    assert inner.start == dt.datetime.combine(day, dt.time())
    for value in _containers(day):
        outer = interval_of(value)
        assert outer is not None, value
        assert outer.contains(inner), value


@given(days)
def test_grains_nest_from_fine_to_coarse(day: dt.date) -> None:
    values = [day.isoformat(), *_containers(day)]
    grains = [grain_of(value) for value in values]
    assert all(grain is not None for grain in grains)
    assert grains[0] is Grain.DAY


@given(days, st.sampled_from(["MO", "MI", "AF", "EV", "DT", "09", "23:59", "00:00:00"]))
def test_times_lie_within_their_day(day: dt.date, time: str) -> None:
    outer = interval_of(day.isoformat())
    inner = interval_of(f"{day.isoformat()}T{time}")
    assert outer is not None
    assert inner is not None
    assert outer.contains(inner)


@given(days)
def test_the_week_date_form_names_the_same_day(day: dt.date) -> None:
    assert interval_of(day.strftime("%G-W%V-%u")) == interval_of(day.isoformat())


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(29, 31))
def test_days_past_the_end_of_the_month_are_invalid(year: int, month: int, day: int) -> None:
    value = f"{year:04d}-{month:02d}-{day:02d}"
    assert is_valid(value) is (day <= calendar.monthrange(year, month)[1])


@given(st.text(max_size=12))
def test_arbitrary_text_is_either_valid_or_raises_invalid_timex(text: str) -> None:
    try:
        parsed = parse(text)
    except InvalidTimexError:
        return
    assert isinstance(parse(format_value(parsed)), TimexValue)


def test_docstring_examples_run() -> None:
    failures, tried = doctest.testmod(eventline.timex)
    assert (failures, tried) == (0, 2)


def test_docs_examples_run() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "timex.md"
    failures, tried = doctest.testfile(str(docs), module_relative=False)
    assert failures == 0
    assert tried > 0
