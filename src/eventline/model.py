"""Frozen value classes shared by every stage of the pipeline."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

__all__ = ["Grain", "Interval", "Span", "TimeExpression", "TimexType"]


class TimexType(enum.StrEnum):
    """The four TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Grain(enum.StrEnum):
    """How precisely a value places itself on the calendar, finest first."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"

    @property
    def rank(self) -> int:
        """Position from finest (0) to coarsest."""
        return _GRAIN_ORDER.index(self)


_GRAIN_ORDER = tuple(Grain)


@attrs.frozen
class Span:
    """Character offsets ``[start, end)`` into the caller's original string."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@attrs.frozen
class Interval:
    """A concrete stretch of (floating, time-zone-less) time: start inclusive, end exclusive."""

    start: dt.datetime
    end: dt.datetime

    def __attrs_post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"empty interval [{self.start}, {self.end})")

    def contains(self, other: Interval) -> bool:
        """True when ``other`` lies entirely within this interval."""
        return self.start <= other.start and other.end <= self.end


@attrs.frozen
class TimeExpression:
    """One normalized time expression found in a text.

    ``value`` is the TIMEX3 value; ``interval`` is set for anything that can be placed on a
    calendar and ``None`` for durations, sets and fuzzy references (``PAST_REF``...).
    ``anchor`` is the value of the date it was resolved against when that was not the
    reference date (narrative anchoring), else ``None``.
    """

    span: Span
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    grain: Grain | None = None
    interval: Interval | None = None
    anchor: str | None = None

    @property
    def start(self) -> int:
        """Start offset of the expression in the original text."""
        return self.span.start

    @property
    def end(self) -> int:
        """End offset (exclusive) of the expression in the original text."""
        return self.span.end
