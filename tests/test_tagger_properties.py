"""Hypothesis properties of eventline.tag(): robustness, offsets, arithmetic, intervals."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventline
from eventline import Interval, TimeExpression, TimexType, timex
from eventline._recognize import recognizer

# Reference dates from 1900 to 2100, as the tagger may be asked about old and future news.
references = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
}

# Pieces of news-style prose, many holding time expressions, to build texts that
# exercise the tagger far more than random characters do.
_PHRASES = (
    "The minister said",
    "on Thursday",
    "Monday",
    "last week",
    "next month",
    "this year",
    "yesterday",
    "tomorrow",
    "tonight",
    "three days ago",
    "two weeks ago",
    "in five years",
    "May 9, 2023",
    "9 May 2023",
    "05/09/2023",
    "2023-05-09",
    "the 1990s",
    "early 2024",
    "mid-April",
    "the end of the year",
    "for six months",
    "a 10-year plan",
    "every Sunday",
    "twice a week",
    "annually",
    "recently",
    "now",
    "at 10 p.m. Wednesday",
    "the third quarter",
    "summer 2023",
    "Theresa May",
    "a protest march",
    "1500 soldiers",
    "$1,999",
    "won 21-17",
    "on the 15th",
    "April 24 and 25",
    "May 3-5",
    "1939-1945",
    "(1809\u20131865)",
    "ten o'clock",
    "Feb. 29",
    "the 1988 quarter",
    "last year's quarter",
    "the quarter ended July 31",
    "compared with $3 million last year",
    "Q4",
    "H1 2023",
    "by year-end",
    "circa 1850",
    "the second week of March",
    "the night of June 3",
    "a day-long meeting",
    "current conditions",
    "1200 BC",
    "in two weeks",
    "the first rise in five years",
    "and",
    "that talks had stalled",
    "police said",
    ",",
    ".",
    "\n\n",
)

news_texts = st.lists(st.sampled_from(_PHRASES), max_size=25).map(" ".join)
any_texts = st.one_of(st.text(max_size=300), news_texts)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_CLOCK = re.compile(r"(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}")
_ISO_WEEK = re.compile(r"\d{4}-W\d{2}")


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _only(expressions: tuple[TimeExpression, ...]) -> TimeExpression:
    assert len(expressions) == 1, expressions
    return expressions[0]


def _check_interval(expression: TimeExpression) -> None:
    """The interval a value implies, for the value shapes whose interval is certain."""
    value, interval = expression.value, expression.interval
    if expression.type in {TimexType.DURATION, TimexType.SET} or value.endswith("_REF"):
        assert interval is None, expression
        return
    if _DAY.fullmatch(value):
        day = dt.date.fromisoformat(value)
        assert interval == Interval(_midnight(day), _midnight(day + dt.timedelta(days=1)))
        return
    if interval is None:
        return
    assert interval.start < interval.end
    if clock := _CLOCK.fullmatch(value):
        day = dt.date.fromisoformat(clock[1])
        whole_day = Interval(_midnight(day), _midnight(day + dt.timedelta(days=1)))
        assert whole_day.contains(interval), expression
    elif month := _MONTH.fullmatch(value):
        year, number = int(month[1]), int(month[2])
        following = dt.date(year + number // 12, number % 12 + 1, 1)
        assert interval == Interval(_midnight(dt.date(year, number, 1)), _midnight(following))
    elif _YEAR.fullmatch(value):
        year = int(value)
        assert interval == Interval(dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1))
    elif week := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        assert interval == Interval(_midnight(monday), _midnight(monday + dt.timedelta(days=7)))


# ------------------------------------------------------------------ robustness


@settings(max_examples=200)
@given(text=any_texts, reference=references)
def test_never_crashes_and_returns_time_expressions(text: str, reference: dt.date) -> None:
    expressions = eventline.tag(text, reference)
    assert isinstance(expressions, tuple)
    assert all(isinstance(e, TimeExpression) for e in expressions)


# The calendar's ends: a reference in year 1 or 9999, and counts that leave the calendar
far_references = st.one_of(
    st.dates(max_value=dt.date(2, 12, 31)), st.dates(min_value=dt.date(9998, 1, 1))
)
_FAR_COUNTS = ("3000 years ago", "in 10,000 years", "1812 centuries later", "the century")


@settings(max_examples=200)
@given(
    text=st.lists(st.sampled_from(_PHRASES + _FAR_COUNTS), max_size=25).map(" ".join),
    reference=st.one_of(far_references, references),
)
def test_never_crashes_at_the_ends_of_the_calendar(text: str, reference: dt.date) -> None:
    for e in eventline.tag(text, reference):
        assert e.interval is None or e.interval.start < e.interval.end


def test_a_date_before_year_one_is_a_year_before_christ_or_the_past() -> None:
    found = eventline.tag("The city was founded 3000 years ago.", "2024-04-24")
    assert [(e.text, e.value) for e in found] == [("3000 years ago", "BC0977")]
    found = eventline.tag("It grew for 3000 years. It began 900 centuries ago.", "2024-04-24")
    assert [e.value for e in found] == ["P3000Y", "PAST_REF"]  # 87977 BC: five digits


@settings(max_examples=200)
@given(text=any_texts, reference=references)
def test_spans_are_exact_ordered_and_disjoint(text: str, reference: dt.date) -> None:
    expressions = eventline.tag(text, reference)
    for e in expressions:
        assert 0 <= e.span.start < e.span.end <= len(text)
        assert text[e.span.start : e.span.end] == e.text
    for before, after in itertools.pairwise(expressions):
        assert before.span.end <= after.span.start, (before, after)


@settings(max_examples=100)
@given(text=any_texts, reference=references)
def test_deterministic(text: str, reference: dt.date) -> None:
    assert eventline.tag(text, reference) == eventline.tag(text, reference)


@settings(max_examples=100)
@given(text=news_texts, reference=references, shift=st.integers(1, 40))
def test_leading_spaces_shift_spans_and_keep_values(
    text: str, reference: dt.date, shift: int
) -> None:
    plain = eventline.tag(text, reference)
    shifted = eventline.tag(" " * shift + text, reference)
    assert [(e.span.start + shift, e.span.end + shift) for e in plain] == [
        (e.span.start, e.span.end) for e in shifted
    ]
    assert [(e.text, e.type, e.value, e.mod, e.interval, e.freq) for e in plain] == [
        (e.text, e.type, e.value, e.mod, e.interval, e.freq) for e in shifted
    ]


@settings(max_examples=200)
@given(text=any_texts, reference=references)
def test_only_sets_have_a_freq_and_it_is_well_formed(text: str, reference: dt.date) -> None:
    for e in eventline.tag(text, reference):
        if e.freq is not None:
            assert e.type is TimexType.SET, e
            assert timex.is_valid_freq(e.freq), e


# ------------------------------------------------------------------ arithmetic


@st.composite
def _counts(draw: st.DrawFn, low: int, high: int) -> tuple[int, str]:
    """A number and how it is written: as digits, or as a word when it has one."""
    n = draw(st.integers(low, high))
    if n in NUMBER_WORDS and draw(st.booleans()):
        return n, NUMBER_WORDS[n]
    return n, str(n)


@settings(max_examples=200)
@given(count=_counts(2, 400), reference=references)
def test_n_days_ago_is_reference_minus_n_days(count: tuple[int, str], reference: dt.date) -> None:
    n, written = count
    text = f"The deal was signed {written} days ago."
    found = _only(eventline.tag(text, reference))
    assert found.text == f"{written} days ago"
    assert found.type is TimexType.DATE
    assert found.value == (reference - dt.timedelta(days=n)).isoformat()


@settings(max_examples=150)
@given(count=_counts(2, 60), reference=references)
def test_n_weeks_ago_is_the_iso_week(count: tuple[int, str], reference: dt.date) -> None:
    n, written = count
    found = _only(eventline.tag(f"The mine flooded {written} weeks ago.", reference))
    assert found.type is TimexType.DATE
    assert _ISO_WEEK.fullmatch(found.value), found.value
    assert found.value == _iso_week(reference - dt.timedelta(weeks=n))


@settings(max_examples=150)
@given(count=_counts(2, 50), reference=references)
def test_in_n_years_is_reference_year_plus_n(count: tuple[int, str], reference: dt.date) -> None:
    n, written = count
    found = _only(eventline.tag(f"The bonds will mature in {written} years.", reference))
    assert found.text == f"{written} years"
    assert found.type is TimexType.DATE
    assert found.value == f"{reference.year + n:04d}"


@settings(max_examples=150)
@given(
    count=_counts(2, 400),
    unit=st.sampled_from([("day", "P1D"), ("week", "P1W"), ("month", "P1M"), ("year", "P1Y")]),
    reference=references,
)
def test_n_times_a_unit_is_a_set_with_freq_n(
    count: tuple[int, str], unit: tuple[str, str], reference: dt.date
) -> None:
    n, written = count
    word, period = unit
    found = _only(eventline.tag(f"The council meets {written} times a {word}.", reference))
    assert found.text == f"{written} times a {word}"
    assert (found.type, found.value, found.freq) == (TimexType.SET, period, f"{n}X")


@settings(max_examples=100)
@given(reference=references)
def test_yesterday_today_tomorrow(reference: dt.date) -> None:
    text = "Talks ended yesterday, resume today and conclude tomorrow."
    values = [e.value for e in eventline.tag(text, reference)]
    one = dt.timedelta(days=1)
    assert values == [d.isoformat() for d in (reference - one, reference, reference + one)]


# ------------------------------------------------------------------ intervals


@settings(max_examples=200)
@given(text=news_texts, reference=references)
def test_intervals_match_their_values(text: str, reference: dt.date) -> None:
    for expression in eventline.tag(text, reference):
        _check_interval(expression)


@settings(max_examples=100)
@given(count=_counts(2, 400), reference=references)
def test_a_day_value_has_a_one_day_interval(count: tuple[int, str], reference: dt.date) -> None:
    n, written = count
    found = _only(eventline.tag(f"The deal was signed {written} days ago.", reference))
    day = reference - dt.timedelta(days=n)
    assert found.interval == Interval(_midnight(day), _midnight(day + dt.timedelta(days=1)))


# ------------------------------------------------------------------ the reference date


@settings(max_examples=50)
@given(reference=references)
def test_reference_forms_agree(reference: dt.date) -> None:
    text = "The minister resigned yesterday."
    as_date = eventline.tag(text, reference)
    assert eventline.tag(text, reference.isoformat()) == as_date
    assert eventline.tag(text, _midnight(reference)) == as_date


@pytest.mark.parametrize(
    "reference",
    ["yesterday", 12345, None, "2024-13-45", "", 3.5, b"2024-04-24"],
    ids=repr,
)
def test_invalid_reference_raises(reference: object) -> None:
    with pytest.raises(eventline.InvalidReferenceError) as error:
        eventline.tag("The minister resigned yesterday.", cast("Any", reference))
    assert isinstance(error.value, ValueError)
    assert isinstance(error.value, eventline.EventlineError)


def _first_rule(rules: Any, text: str, start: int) -> tuple[str, int] | None:
    for rule in rules:
        match = rule.pattern.match(text, start)
        if match is not None:
            return rule.name, match.end()
    return None


@settings(max_examples=60)
@given(text=any_texts, case=st.sampled_from([str, str.upper, str.title, str.lower]))
def test_rules_tried_at_a_position_find_what_all_rules_would(
    text: str, case: Callable[[str], str]
) -> None:
    # Recognition tries at each position only the rules whose matches can begin with the
    # next few characters there; the first of them to match must be the first of all rules.
    rec = recognizer()
    text = case(text)
    for start in range(len(text)):
        expected = _first_rule(rec._rules, text, start)
        assert _first_rule(rec._chosen(text, start), text, start) == expected, text[start:]
