"""Granularity-aware order and relations between events' times (eventline._order)."""

from __future__ import annotations

import datetime as dt
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventline._order import chronological, converse, relation, relation_of_intervals
from eventline.model import (
    Event,
    EventStatus,
    Interval,
    ReferenceDate,
    ReferenceSource,
    Relation,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
    Trigger,
)
from eventline.timex import grain_of, interval_of
from tests.strategies import specific_values


def event(value: str, position: int = 0, identifier: str = "") -> Event:
    """An event dated by ``value``, its sentence starting at ``position``."""
    timex = TimeExpression(
        span=Span(position, position + 1),
        text=value,
        type=TimexType.DATE,
        value=value,
        grain=grain_of(value),
        interval=interval_of(value),
    )
    return Event(
        id=identifier or f"e{position}",
        title=f"something on {value}",
        trigger=Trigger(Span(position + 2, position + 3), "x"),
        when=timex,
        sentence="x",
        span=Span(position, position + 10),
        status=EventStatus.HAPPENED,
    )


def undated(position: int = 0) -> Event:
    timex = TimeExpression(
        span=Span(position, position + 8), text="recently", type=TimexType.DATE, value="PAST_REF"
    )
    return Event(
        id=f"u{position}",
        title="something",
        trigger=Trigger(Span(position, position + 1), "x"),
        when=timex,
        sentence="x",
        span=Span(position, position + 10),
        status=EventStatus.HAPPENED,
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # months and the days inside them: containment, never an order
        ("2023-11", "2023-11-15", Relation.CONTAINS),
        ("2023-11-15", "2023-11", Relation.DURING),
        ("2023-11", "2023-11-01", Relation.CONTAINS),
        ("2023-11", "2023-11-30", Relation.CONTAINS),
        ("2023-11", "2023-12-01", Relation.BEFORE),
        ("2023-10-31", "2023-11", Relation.BEFORE),
        # a day and its clock times or parts
        ("2024-04-23", "2024-04-23T10:00", Relation.SAME_DAY),
        ("2024-04-23T10:00", "2024-04-23", Relation.SAME_DAY),
        ("2024-04-23TMO", "2024-04-23T10:00", Relation.SAME_DAY),
        ("2024-04-23", "2024-04-23TNI", Relation.SAME_DAY),
        ("2024-04-23TNI", "2024-04-24", Relation.OVERLAPS),  # the night runs past midnight
        ("2024-04-23T09:00", "2024-04-23T15:00", Relation.BEFORE),
        ("2024-04-23T15:00", "2024-04-23T09:00", Relation.AFTER),
        ("2024-04-23T10", "2024-04-23T10:30", Relation.SAME_DAY),
        ("2024-04-23T10:00", "2024-04-23T10:00", Relation.EQUALS),
        ("2024-04-22T23:00", "2024-04-23", Relation.BEFORE),
        # equal intervals written differently
        ("2024-04-23", "2024-04-23", Relation.EQUALS),
        ("2024-04-23", "2024-W17-2", Relation.EQUALS),
        ("2024-04", "2024-04", Relation.EQUALS),
        # weeks and weekends
        ("2024-W16", "2024-W16-WE", Relation.CONTAINS),
        ("2024-W16-WE", "2024-W16", Relation.DURING),
        ("2024-W16-WE", "2024-04-20", Relation.CONTAINS),
        ("2024-W16-WE", "2024-04-19", Relation.AFTER),
        ("2024-W16", "2024-W17", Relation.BEFORE),
        ("2024-W16-WE", "2024-W17", Relation.BEFORE),
        ("2024-W16", "2024-04", Relation.DURING),
        ("2024-W13", "2024-04", Relation.BEFORE),  # March 25-31
        ("2024-W14", "2024-04", Relation.DURING),  # April 1-7
        ("2024-W18", "2024-04", Relation.OVERLAPS),  # Apr 29 - May 5
        # year boundaries
        ("2023-12-31", "2024-01-01", Relation.BEFORE),
        ("2023-12-31T23:00", "2024-01-01", Relation.BEFORE),
        ("2023", "2024-01-01", Relation.BEFORE),
        ("2024", "2024-01-01", Relation.CONTAINS),
        ("2025-W01", "2024", Relation.OVERLAPS),  # ISO week 1 of 2025 starts 2024-12-30
        ("2025-W01", "2025", Relation.OVERLAPS),
        ("2024-WI", "2025-01", Relation.CONTAINS),  # winter 2024 runs into 2025
        ("2023-Q4", "2023-11", Relation.CONTAINS),
        ("2023-H2", "2023-Q4", Relation.CONTAINS),
        ("2023-Q4", "2024-Q1", Relation.BEFORE),
        ("199", "1995", Relation.CONTAINS),
        ("2023", "2023-SU", Relation.CONTAINS),
    ],
)
def test_relation_table(first: str, second: str, expected: Relation) -> None:
    assert relation(event(first), event(second, 20)) is expected
    assert relation(event(second, 20), event(first)) is converse(expected)


def test_relation_of_intervals_ignores_grain() -> None:
    day = interval_of("2024-04-23")
    hour = interval_of("2024-04-23T10:00")
    assert day is not None
    assert hour is not None
    assert relation_of_intervals(day, hour) is Relation.CONTAINS
    assert relation_of_intervals(hour, day) is Relation.DURING


def test_touching_intervals_are_before() -> None:
    first = Interval(dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 2))
    second = Interval(dt.datetime(2024, 1, 2), dt.datetime(2024, 1, 3))
    assert relation_of_intervals(first, second) is Relation.BEFORE
    assert relation_of_intervals(second, first) is Relation.AFTER


def test_undated_events_relate_unknown() -> None:
    assert relation(undated(), event("2024-04-23")) is Relation.UNKNOWN
    assert relation(event("2024-04-23"), undated()) is Relation.UNKNOWN
    assert relation(undated(), undated(5)) is Relation.UNKNOWN


def test_chronological_rejects_undated_events() -> None:
    with pytest.raises(ValueError, match="no interval"):
        chronological([event("2024-04-23"), undated()])


def test_converse_pairs() -> None:
    assert converse(Relation.BEFORE) is Relation.AFTER
    assert converse(Relation.AFTER) is Relation.BEFORE
    assert converse(Relation.CONTAINS) is Relation.DURING
    assert converse(Relation.DURING) is Relation.CONTAINS
    for symmetric in (Relation.SAME_DAY, Relation.EQUALS, Relation.OVERLAPS, Relation.UNKNOWN):
        assert converse(symmetric) is symmetric
    assert all(converse(converse(r)) is r for r in Relation)


def test_chronological_puts_a_month_before_its_days_and_keeps_text_order_on_ties() -> None:
    events = [
        event("2023-11-15", 0),
        event("2024-04-23", 10),
        event("2023-11", 20),
        event("2023-11-01", 30),
        event("2024-04-23", 40),
        event("2024-04-23T10:00", 50),
        event("2023", 60),
    ]
    order = [(e.when.value, e.span.start) for e in chronological(events)]
    assert order == [
        ("2023", 60),
        ("2023-11", 20),
        ("2023-11-01", 30),
        ("2023-11-15", 0),
        ("2024-04-23", 10),
        ("2024-04-23", 40),
        ("2024-04-23T10:00", 50),
    ]


def test_timeline_relation_delegates() -> None:
    first, second = event("2023-11"), event("2023-11-15", 20)
    timeline = Timeline(
        events=chronological([first, second]),
        undated=(),
        reference=ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.GIVEN),
    )
    assert timeline.relation(first, second) is Relation.CONTAINS


# ----------------------------------------------------------------------------- properties

dated_events = st.builds(event, specific_values, st.integers(0, 10_000))


@given(dated_events, dated_events)
def test_relation_is_converse_symmetric(first: Event, second: Event) -> None:
    assert relation(second, first) is converse(relation(first, second))


@given(dated_events)
def test_an_event_equals_itself(one: Event) -> None:
    assert relation(one, one) is Relation.EQUALS


@given(st.lists(dated_events, max_size=12, unique_by=lambda e: e.span.start), st.randoms())
def test_chronological_is_a_deterministic_order_consistent_with_before(
    events: list[Event], random: Random
) -> None:
    ordered = chronological(events)
    assert sorted(ordered, key=id) == sorted(events, key=id)  # a permutation
    shuffled = list(events)
    random.shuffle(shuffled)
    assert chronological(shuffled) == ordered
    for i, earlier in enumerate(ordered):
        for later in ordered[i + 1 :]:
            assert relation(later, earlier) is not Relation.BEFORE
            assert relation(earlier, later) is not Relation.AFTER


@given(dated_events, dated_events, dated_events)
def test_before_is_transitive(a: Event, b: Event, c: Event) -> None:
    if relation(a, b) is Relation.BEFORE and relation(b, c) is Relation.BEFORE:
        assert relation(a, c) is Relation.BEFORE
