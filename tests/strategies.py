"""Hypothesis strategies that generate canonical TIMEX3 values of every kind."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import strategies as st

__all__ = [
    "canonical_values",
    "days",
    "durations",
    "placeholder_values",
    "specific_values",
]

# Stay well inside datetime's range so every specific value has an interval.
days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(8999, 12, 31))
_years = st.integers(1000, 8999)
_months = st.integers(1, 12)


def _day(d: dt.date) -> str:
    return d.isoformat()


def _iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


@st.composite
def _times(draw: st.DrawFn) -> str:
    day = draw(days).isoformat()
    hour = draw(st.integers(0, 23))
    minute, second = draw(st.integers(0, 59)), draw(st.integers(0, 59))
    forms = [f"T{hour:02d}", f"T{hour:02d}:{minute:02d}", f"T{hour:02d}:{minute:02d}:{second:02d}"]
    forms += ["T24", "T24:00", "T24:00:00"]
    return day + draw(st.sampled_from(forms))


_calendar_units = st.one_of(
    days.map(_day),
    days.map(lambda d: d.strftime("%G-W%V-%u")),
    days.map(_iso_week),
    days.map(lambda d: _iso_week(d) + "-WE"),
    st.builds("{:04d}-{:02d}".format, _years, _months),
    st.builds("{:04d}-Q{}".format, _years, st.integers(1, 4)),
    st.builds("{:04d}-H{}".format, _years, st.integers(1, 2)),
    st.builds("{:04d}-{}".format, _years, st.sampled_from(["SP", "SU", "FA", "WI"])),
    _years.map("{:04d}".format),
    st.integers(100, 899).map("{:03d}".format),
    st.integers(10, 89).map("{:02d}".format),
    st.integers(1, 8).map(str),
)

specific_values: st.SearchStrategy[str] = st.one_of(
    _calendar_units,
    _times(),
    st.builds(
        "{}T{}".format, days.map(_day), st.sampled_from(["MO", "MI", "AF", "EV", "NI", "DT"])
    ),
)
"""Values with no placeholder, each of which has an interval."""


@st.composite
def _placeholder_years(draw: st.DrawFn) -> str:
    year = f"{draw(_years):04d}"
    unknown = draw(st.integers(1, 4))
    return year[: 4 - unknown] + "X" * unknown


@st.composite
def _placeholder_days(draw: st.DrawFn) -> str:
    year = draw(st.one_of(st.just("XXXX"), _years.map("{:04d}".format), _placeholder_years()))
    month = draw(_months)
    last = calendar.monthrange(2000, month)[1]
    day = draw(st.one_of(st.just("XX"), st.integers(1, last).map("{:02d}".format)))
    month_text = draw(st.sampled_from([f"{month:02d}", "XX"])) if day == "XX" else f"{month:02d}"
    if "X" not in year + month_text + day:
        year = "XXXX"
    return f"{year}-{month_text}-{day}"


placeholder_values: st.SearchStrategy[str] = st.one_of(
    _placeholder_years(),
    _placeholder_days(),
    st.builds("XXXX-WXX-{}".format, st.sampled_from(["1", "5", "7", "X", "WE"])),
    st.builds("XXXX-WXX-1T{}".format, st.sampled_from(["NI", "MO", "09:30"])),
    st.builds("{:04d}-WXX".format, _years),
    st.builds("{:04d}-QX".format, _years),
    st.builds("{:04d}-HX".format, _years),
    st.builds("XXXX-{:02d}".format, _months),
    st.builds("XXXX-Q{}".format, st.integers(1, 4)),
    st.builds("XXXX-{}".format, st.sampled_from(["SP", "SU", "FA", "WI"])),
    st.sampled_from(["19X", "1X", "X"]),
)
"""Values with ``X`` placeholders, which have no interval."""

_amounts = st.one_of(st.integers(0, 1000).map(str), st.just("X"))


@st.composite
def durations(draw: st.DrawFn) -> str:
    """Canonical durations: date units, then time units, each unit at most once."""
    date_units = draw(
        st.lists(st.sampled_from(["Y", "M", "W", "D", "Q", "E", "C", "L", "X", "DE"]), unique=True)
    )
    time_units = draw(st.lists(st.sampled_from(["H", "M", "S"]), unique=True))
    if not date_units and not time_units:
        date_units = ["D"]
    date = "".join(draw(_amounts) + unit for unit in date_units)
    time = "".join(draw(_amounts) + unit for unit in time_units)
    return "P" + date + ("T" + time if time else "")


before_christ_values: st.SearchStrategy[str] = st.one_of(
    st.integers(1, 9999).map("BC{:04d}".format),
    st.integers(0, 999).map("BC{:03d}".format),
    st.integers(0, 99).map("BC{:02d}".format),
    st.integers(0, 9).map("BC{}".format),
)
"""Years, decades, centuries and millennia before Christ, which have no interval."""

canonical_values: st.SearchStrategy[str] = st.one_of(
    specific_values,
    placeholder_values,
    before_christ_values,
    durations(),
    st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"]),
)
"""Every kind of canonical TIMEX3 value."""
