"""Underspecified mentions: what recognition found, before any reference date is applied."""

from __future__ import annotations

import enum

import attrs

from eventline.model import TimexType

__all__ = ["Calendar", "Clock", "Fixed", "Mention", "Origin", "Relative", "Weekday"]


class Origin(enum.StrEnum):
    """What a relative expression counts from."""

    REFERENCE = "reference"  # "yesterday", "last week", "two years ago": the reference date
    ANCHOR = "anchor"  # "the next day", "a week earlier": the most recently mentioned date


@attrs.define(unsafe_hash=True)
class Clock:
    """A time of day: hour and minute, or a TIMEX3 part of day (``MO``, ``NI``...)."""

    hour: int | None = None
    minute: int | None = None
    part: str | None = None
    second: int | None = None


@attrs.define(unsafe_hash=True)
class Fixed:
    """A value that needs no context: full dates, durations, sets, fuzzy references."""

    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None
    freq: str | None = None  # a set's TIMEX3 freq: "twice a week" is P1W with freq 2X


@attrs.define(unsafe_hash=True)
class Calendar:
    """A calendar position with possibly missing year.

    Exactly one of ``month``, ``season``, ``quarter``, ``half`` may be set beside the year
    (or none: a bare year). ``shift`` says how to find a missing year: ``None`` from the
    sentence's tense, -1 "last", 0 "this", +1 "next".
    """

    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    shift: int | None = None
    mod: str | None = None
    clock: Clock | None = None
    explicit_year: bool = False
    holiday: str | None = None  # a movable feast's rule, resolved once the year is known
    feast: bool = False  # a fixed feast named ("Christmas"): in the present, the coming one
    week_of: bool = False  # "the week of March 6": the ISO week holding the date
    weekend_of: bool = False  # "Memorial Day weekend": the weekend nearest the date
    weekday: int | None = None  # "Sunday, Nov. 3": the weekday the text gives the date
    deadline: bool = False  # after "until", "by", "to"...: may lie ahead whatever the tense
    year_shift: int | None = None  # "last year's third quarter": the reference's year - 1
    quarter_in_view: bool = False  # "the 1988 quarter": the quarter the text is reporting on
    anchored: bool = False  # "that autumn", "the following spring": around the last date given
    days: int = 0  # "the day after Christmas": this many days from the day named
    # "the Monday after Thanksgiving": the ISO weekday next after (1) or before (-1) the day
    toward: tuple[int, int] | None = None
    short_year: bool = False  # "in '98": ``year`` holds two digits, the century comes later
    last_day: bool = False  # "the last day of February": the month's last day, by its year
    closes: bool = False  # "until late February": a span's end, where a story does not move on
    told: bool = False  # "the September sortie": a month as an adjective names a told event
    figures: bool = False  # "July's retail prices index": a month's figures, the nearest one
    years_back: int = 0  # "ten years ago this spring": this season, so many years back
    fiscal: bool = False  # "the fiscal fourth quarter": a company's, not the calendar's


@attrs.define(unsafe_hash=True)
class Weekday:
    """A day of the week ("Thursday", "last Monday", "Friday night")."""

    start: int
    end: int
    weekday: int
    shift: int | None = None
    clock: Clock | None = None
    mod: str | None = None
    weekend: bool = False
    deadline: bool = False  # "until Tuesday", "by Friday": the coming one unless told otherwise
    anchored: bool = False  # "the following Monday": counted from the last date mentioned
    days: int = 0  # "the day before last Tuesday": this many days from the weekday named
    weeks: int = 0  # "two Fridays ago": this many more weeks back (negative) or ahead
    moved: bool = False  # "can we push it to thurs?": a day a plan is moved to, never today
    # "games move to the 21st; U14 may play Sunday": a clause of its own after a semicolon,
    # no day of the week a date told before it is in
    apart: bool = False


@attrs.define(unsafe_hash=True)
class Relative:
    """A shift of ``offset`` units from the reference or anchor ("yesterday", "next week").

    ``offset`` is ``None`` for a vague count ("a few years ago"). ``grain`` is the grain of
    the result when it differs from the unit ("a decade ago" names a year).
    """

    start: int
    end: int
    unit: str
    offset: int | None
    origin: Origin = Origin.REFERENCE
    mod: str | None = None
    clock: Clock | None = None
    grain: str | None = None
    weekend: bool = False
    compares: bool = False  # "a year ago" in a results report: the same quarter a year before
    within: str | None = None  # "in two weeks": this duration when the clause is in the past
    contrast: bool = False  # "higher than a year ago": a point of comparison, not a new topic
    in_view: bool = False  # "the period": only with a quarter in view, otherwise no date at all
    edge: int = 0  # "the last day of the month": its first (1) or last (-1) day
    past_offset: int | None = None  # "overnight": this offset instead in a past clause
    ahead: bool = False  # "over the next month": in news, from the reference unless past
    stamp: bool = False  # "[9:03 PM] priya: ...": a message's time stamp, no date in view
    # "in the evening": a part of the day told in this sentence or the one before, else none
    day_in_view: bool = False


Mention = Fixed | Calendar | Weekday | Relative
