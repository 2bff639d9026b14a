"""Frozen value classes shared by every stage of the pipeline."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator

import attrs

__all__ = [
    "Event",
    "EventMention",
    "EventStatus",
    "Grain",
    "Interval",
    "ReferenceDate",
    "ReferenceSource",
    "Relation",
    "Span",
    "TimeExpression",
    "Timeline",
    "TimexType",
    "Trigger",
]


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
    reference date (narrative anchoring), else ``None``. ``freq`` is the TIMEX3 ``freq`` of a
    set that recurs a known number of times per period: "twice a week" is ``value="P1W"``,
    ``freq="2X"`` ("once a month" ``1X``); ``None`` for everything else, "every Sunday" included.
    """

    span: Span
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    grain: Grain | None = None
    interval: Interval | None = None
    anchor: str | None = None
    freq: str | None = None

    @property
    def start(self) -> int:
        """Start offset of the expression in the original text."""
        return self.span.start

    @property
    def end(self) -> int:
        """End offset (exclusive) of the expression in the original text."""
        return self.span.end


class EventStatus(enum.StrEnum):
    """Whether an event happened, is going on, is planned or expected, or is only possible."""

    HAPPENED = "happened"
    ONGOING = "ongoing"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"


@attrs.frozen
class Trigger:
    """The word or phrase that names an event ("summit", "met", "phone conversation")."""

    span: Span
    text: str


@attrs.frozen
class EventMention:
    """One place in the text that reports an event: its sentence, trigger and time."""

    span: Span  # the sentence
    trigger: Trigger
    when: TimeExpression


@attrs.frozen
class Event:
    """Something that happened (or will), dated by a time expression of its sentence.

    ``span`` and ``sentence`` are those of the first mention; ``mentions`` lists every place
    that reports the same event, in text order. ``qualifiers`` are the durations and sets of
    the sentence ("for six months", "every Sunday"), which qualify the event but do not date it.
    """

    id: str
    title: str
    trigger: Trigger
    when: TimeExpression
    sentence: str
    span: Span
    status: EventStatus
    attribution: str | None = None
    participants: tuple[str, ...] = ()
    location: str | None = None
    mentions: tuple[EventMention, ...] = ()
    qualifiers: tuple[TimeExpression, ...] = ()

    @property
    def dated(self) -> bool:
        """True when the event can be placed on the calendar (its time has an interval)."""
        return self.when.interval is not None


class ReferenceSource(enum.StrEnum):
    """Where the reference date came from."""

    GIVEN = "given"
    INFERRED = "inferred"


@attrs.frozen
class ReferenceDate:
    """The date a text speaks from, how it was obtained, and (when inferred) why."""

    date: dt.date
    source: ReferenceSource
    evidence: tuple[str, ...] = ()


class Relation(enum.StrEnum):
    """How two events' times relate, with their grain in mind."""

    BEFORE = "before"
    AFTER = "after"
    SAME_DAY = "same day"
    EQUALS = "equals"
    CONTAINS = "contains"
    DURING = "during"
    OVERLAPS = "overlaps"
    UNKNOWN = "unknown"


@attrs.frozen
class Timeline:
    """The events of a text: dated ones in chronological order, undated ones in text order.

    Iterating a timeline yields its dated events, earliest first. An event whose time can't be
    placed on the calendar ("recently", "in the past") is listed in ``undated``.
    """

    events: tuple[Event, ...]
    undated: tuple[Event, ...]
    reference: ReferenceDate

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, index: int) -> Event:
        return self.events[index]

    def relation(self, first: Event, second: Event) -> Relation:
        """How ``first``'s time relates to ``second``'s (``Relation.BEFORE``...)."""
        from eventline._order import relation  # noqa: PLC0415 - model stays import-free

        return relation(first, second)
