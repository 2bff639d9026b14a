"""The tagging facade: text + reference date → normalized time expressions."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from typing import Literal

import attrs

from eventline import timex
from eventline._mentions import Calendar, Fixed, Mention, Origin, Relative, Weekday
from eventline._posts import post_scopes
from eventline._recognize import recognizer
from eventline._resolve import Anchor, Context, Resolved, is_narrative, resolve
from eventline._segment import Sentences
from eventline._tense import (
    Tense,
    chat_plan,
    decided_at,
    pluperfect_at,
    reported_subject_at,
    tense_at,
    will_at,
)
from eventline.errors import InvalidOptionError, InvalidReferenceError
from eventline.lexicon import WordLists
from eventline.model import Grain, Interval, Span, TimeExpression, TimexType

__all__ = ["DateOrder", "date_order_of", "parse_reference", "tag", "text_date_order"]

DateOrder = Literal["MDY", "DMY"]
_DATE_ORDERS = ("MDY", "DMY")
_MAX_ANCHORS = 16
# References this far from the calendar's ends (years 1 and 9999) leave room for any date a
# text names relative to them; nearer the ends, such a date may fall off the calendar.
_SAFE_YEARS = (200, 9800)
_LAST_YEAR = 9999
# "from May 30 to June 2", "between Dec. 28 and Jan. 3", "May 30-June 2": the end of a range
# (after "and" or "or", "again" and "then" go with it: "called monday and again thursday")
_CONNECTOR = re.compile(
    r"\s*(to|into|and|or|through|thru|until|till|-|\u2013)(?:(?<=[dr])\s+(?:again|then)(?=\s))?\s*",
    re.IGNORECASE,
)
_SLASH_DAY = re.compile(r"(?:[A-Za-z]+\.?,?\s+)?\d{1,2}/\d{1,2}(?![\d/])")
_OPENER = re.compile(r"\b(from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_LISTED = re.compile(r"\w,\s*$")  # the date before is a list's: "June 16, [Sept. 15] and"


def parse_reference(reference: object) -> dt.date:
    """The reference date from a ``date``, a ``datetime`` or an ISO 8601 string."""
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    if isinstance(reference, str):
        text = reference.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise InvalidReferenceError(reference)


def tag(
    text: str,
    reference: dt.date | dt.datetime | str,
    *,
    date_order: DateOrder | None = None,
) -> tuple[TimeExpression, ...]:
    """Find and normalize the time expressions of ``text``, in text order.

    ``reference`` is the date the text speaks from (a publication date): "yesterday" and
    "last week" are resolved against it. ``date_order`` says how to read numeric dates such
    as ``05/09/2023`` (``"MDY"``: May 9; ``"DMY"``: 5 September); when it is not given, the
    text's own dates decide: day first if one of them can only be read day first
    ("25/03/2024") and none only month first ("03/25/2024"), else month first.

    >>> [(e.text, e.value) for e in tag("He said on Thursday that talks resume next week.",
    ...                                 reference="2024-04-24")]
    [('Thursday', '2024-04-18'), ('next week', '2024-W18')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = parse_reference(reference)
    date_order = date_order_of(text, date_order)
    mentions = _join_bc_years(text, list(recognizer().mentions(text, date_order)))
    if not mentions:
        return ()
    lexicon = recognizer().lexicon
    sentences = Sentences(text, lexicon.words.abbreviations, lexicon.words.run_on)
    mentions = _split_at_lines(text, mentions, sentences, date_order)
    narrative = is_narrative(_story_dates(text, mentions, lexicon.words.superlatives), ref)
    entries, entry_years = _chronology(text, mentions, sentences, ref)
    anchors: list[Anchor] = []
    first_day: list[Anchor] = []  # the first day given: a meeting's, in its minutes' heading
    found: list[TimeExpression] = []
    previous: tuple[int, int, dt.date] | None = None  # the last mention's span and first day
    last_weekday = False  # was the last dated mention a weekday?
    bc_year: int | None = None  # the year before Christ last named, when no date came after
    lines = _DatedLines(text, post_scopes(text, mentions), ref)
    for index, mention in enumerate(mentions):
        number, bounds, entry = entries[index]
        _story_to_now(text, anchors, mentions, index)
        in_entry, historical = lines.in_entry(mention, entry=entry)
        range_start, joined = _range_of(
            text, (previous, found), mention, bounds, last_weekday=last_weekday
        )
        tense = _tense_reader(text, bounds, mention, lexicon.words, historical=historical)

        pluperfect, decided, will = _clause_readers(text, bounds, mention.start, lexicon.words)
        clause_year, aside = _clause_links(text, found, mention.start, bounds)
        if clause_year is None:
            clause_year = _frame_year(text, (mentions, index), found, bounds, (ref, tense))

        after_since, after_through = _point_readers(text, mention)
        context = Context(
            ref,
            narrative,
            number,
            tense,
            tuple(anchors),
            range_start,
            joined=joined,
            pluperfect=pluperfect,
            decided=decided,
            will=will,
            entry=entry,
            in_entry=in_entry,
            post=lines.post_day(mention, in_entry=in_entry),
            entry_year=entry_years.get(index),
            clause_year=clause_year,
            setting_year=_season_setting(text, found, mention, bounds, (ref, tense)),
            aside=aside,
            after_by=text[max(0, mention.start - 3) : mention.start] in ("by ", "By "),
            after_since=after_since,
            meeting=first_day[0] if first_day and _proceedings(text, mention) else None,
            after_through=after_through,
        )
        previous = None
        outcome = _resolve_one(mention, context, bc_year)
        if outcome is None:
            continue
        resolved, grain, interval = outcome
        if entry:
            resolved = _as_entry(resolved)
        lines.told(index, mention, (interval, number), entry=entry)
        value = resolved.value
        if _BC_YEAR.fullmatch(value):
            bc_year = int(value[2:])  # a year before Christ: what follows counts from it
        elif resolved.provides is not None:
            bc_year = None
        if resolved.provides is not None and not _record_bound(
            text, mention.start, lexicon.words.superlatives
        ):
            marked = _reporters_weekday(
                _recalled_anchor(
                    text,
                    mention,
                    _marked_anchor(
                        resolved.provides, value, text, (mention.start, mention.end), lexicon.words
                    ),
                    anchors,
                ),
                mention,
                resolved,
                narrative=narrative,
            )
            _remember(
                anchors,
                first_day,
                _birth_anchor(
                    text,
                    mention.start,
                    _present_anchor(
                        text, mention, _span_anchor(marked, (text, found, mention), narrative), ref
                    ),
                ),
            )
        found.append(
            TimeExpression(
                span=Span(mention.start, mention.end),
                text=text[mention.start : mention.end],
                type=resolved.type,
                value=value,
                mod=resolved.mod,
                grain=grain,
                interval=interval,
                anchor=None if resolved.used is None else timex_day(resolved.used.day),
                freq=resolved.freq,
            )
        )
        if found[-1].interval is not None:
            previous = (mention.start, mention.end, found[-1].interval.start.date())
            last_weekday = isinstance(mention, Weekday) or _deictic_day(mention)
    return _weekdays_named_by_days(text, _night_readings(text, found))


def _reporters_weekday(
    anchor: Anchor, mention: Mention, resolved: Resolved, *, narrative: bool
) -> Anchor:
    """A story's weekday that no date of the story reached, marked as the text's present.

    Such a weekday is the reporter's: the text speaks from now again ("... through June
    1989. ... said in an interview Tuesday afternoon. ... expects the retrial to begin in the
    spring" is the coming spring, not 1990's).
    """
    if narrative and isinstance(mention, Weekday) and resolved.used is None:
        return attrs.evolve(anchor, present=True)
    return anchor


_MORNING = re.compile(r"T(?:0\d|1[01]):|TMO$")
_EVENING = re.compile(r"T(?:1[89]:|2[0-3]:|EV$|NI$)")
_LATE = re.compile(r"[Ll]ate\s")


_OWNER = re.compile(r"['\u2019]s\b")
# a date ending a span ("will not be fixed until next summer"), no season or year in view
_BOUND_BEFORE = re.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\b[Ss]ince\s+$")
# an event a year owns is held in it: "Next year's festival", "This year's conference", and
# so is its weather: "Last year's storms on June 9 dropped hail"
_EVENT_OWNED = re.compile(
    r"['\u2019]s\s+(?:festival|conference|convention|fair|summit|tournament|games|marathon"
    r"|parade|expo|show|race|gala|edition|storms?|floods?|blizzard|tornado|hurricane"
    r"|wildfires?|heat\s+wave)\b"
)


def _marked_anchor(
    anchor: Anchor, value: str, text: str, span: tuple[int, int], words: WordLists
) -> Anchor:
    """The anchor a date provides, marked when it is the day of a saying or a morning's time.

    A year before "'s" is marked too: "next year's budget" is the year a noun is for, no
    time of its clause; and a date after "until" or "through", a span's end ("will not be
    fixed until next summer", "renewed the lease through June 30, 1999"), which puts no
    season in view for a month after it, nor a year ahead for a month of its sentence; so is
    a year after "since", a state's start ("has led the festival since 2009"), which sets no
    year for a clause ahead.
    """
    start, end = span
    if anchor.grain == "year" and _OWNER.match(text, end):
        return attrs.evolve(anchor, owner=True)
    if anchor.grain != "year" and _BOUND_BEFORE.search(text, max(0, start - 10), start):
        anchor = attrs.evolve(anchor, bound=True)  # "until next summer": a span's end
    if anchor.grain == "year" and _SINCE.search(text, max(0, start - 6), start):
        # "who has led the festival since 2009, said she would step down at the end of the
        # year": a state's start, not the year the clause ahead is in
        return attrs.evolve(anchor, bound=True)
    if anchor.grain != "day":
        return anchor
    said = _said_day(text, start, words)
    morning = _MORNING.search(value) is not None
    # "late on Wednesday", "Wednesday night": a day told at its end ("... and left in the
    # morning" is the next day's)
    evening = _EVENING.search(value) is not None or _LATE.match(text, start) is not None
    if said or morning or evening:
        return attrs.evolve(anchor, said=said, morning=morning, evening=evening)
    return anchor


# a document made public on a day: "in a report released Thursday", "a statement issued
# Monday" (not "the suspect was released Thursday", the day of an event)
_PUBLISHED = frozenset(("released", "published", "issued"))
_DOCUMENTS = frozenset(
    ("report", "statement", "findings", "review", "summary", "timeline", "log", "notice")
)


def _said_day(text: str, start: int, words: WordLists) -> bool:
    """Does a day follow a verb of saying ("investigators said Wednesday", "told on Monday")?"""
    # the last three words are all it reads (the first piece of the split may hold more)
    before = [word.lower() for word in text[max(0, start - 40) : start].rsplit(None, 3)[-3:]]
    if before and before[-1] == "on":
        before.pop()
    if not before:
        return False
    if before[-1] in _PUBLISHED:
        return len(before) > 1 and before[-2] in _DOCUMENTS
    return before[-1] in words.speech


_BARE_READING = re.compile(r"(?:0?[1-9]|1[01]):[0-5]\d")
_CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)")
_PM = re.compile(r"\d\s?[pP](?:\.?\s?[mM]|(?!\w))")  # "8:31 p.m.", a post's "7p"
_EVENING_REACH = 300  # characters between a p.m. reading and a bare one that goes on from it


def _night_readings(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """The clock readings of an evening and a night, moved to the hours and days they name."""
    readings = _past_midnight(text, _evening_readings(_day_after_bracket(text, found)))
    readings = _small_hours_until(text, _before_midnight(text, readings))
    return _after_part_of_day(text, _small_hours_after_evening(text, readings))


def _evening_readings(found: list[TimeExpression]) -> list[TimeExpression]:
    """A bare reading after an afternoon's time of the same day is in the afternoon too.

    "the officer was answering a call at 8:31 p.m. ... It grounded at 8:34": 20:34, not a
    morning twelve hours before; a morning reading before the afternoon's stays so.
    """
    last: tuple[int, str, int] | None = None  # the last afternoon time: end, day, minutes
    for index in range(len(found)):
        clock = _CLOCK_VALUE.match(found[index].value)
        if found[index].type is not TimexType.TIME or clock is None:
            continue
        day, minutes = clock.group(1), int(clock.group(2)) * 60 + int(clock.group(3))
        if last is not None and _goes_on_from(found[index], day, minutes, last):
            found[index] = _twelve_hours_on(found[index], clock)
            minutes += 12 * 60
        if minutes >= 12 * 60 and _PM.search(found[index].text):  # "8:31 p.m.", not "14:00"
            last = (found[index].span.end, day, minutes)
        else:
            last = None
    return found


# between the two times of a range: "from 9 p.m. Wednesday until 2 a.m.", "10 p.m. to 1 a.m."
_CLOCK_RANGE = re.compile(r"\s*(?:to|until|till|til|through|-|\u2013)\s*", re.IGNORECASE)
_MORNING_READING = re.compile(r"(?:about\s+|around\s+)?\d{1,2}(?:[:.][0-5]\d)?\s?[aA]\.?\s?[mM]\.?")


# a day named with a clock time: "9 p.m. Wednesday", "10 p.m. on June 3", "tonight at 9"
_DAY_NAMED = re.compile(
    r"\b(?:(?:mon|tues?|wednes|thurs?|fri|satur|sun)day|today|tonight|tomorrow|yesterday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)


def _past_midnight(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A range's second time that comes before its first, an evening's, is the next morning.

    "a star party from 9 p.m. Wednesday until 2 a.m.": 2 a.m. on Thursday; so "between 10pm
    on Wednesday and 10.30am". Only after an
    evening given with its day, and a bare morning reading (with a day of its own it is that
    day's); a standing range with no day ("closed nightly from 9 p.m. to 5 a.m.", "a curfew
    from 3 p.m. to 8 a.m.") keeps both readings on one day, as the corpus has them.
    """
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        readings = _overnight(text, first, second, between=True)
        if readings is None:
            continue
        evening = _PM.search(first.text) and _DAY_NAMED.search(first.text)
        if evening and _MORNING_READING.fullmatch(second.text):
            found[index] = _next_day(second, readings[1])
    return found


def _overnight(
    text: str, first: TimeExpression, second: TimeExpression, *, between: bool
) -> tuple[re.Match[str], re.Match[str]] | None:
    """The clock readings of two times that make a range from an evening to a morning.

    Both on one day as read so far ("from [9 p.m. Wednesday] until [2 a.m.]"), joined by "to",
    "until" or a dash, or with ``between`` by "between ... and"; ``None`` for anything else.
    """
    if second.type is not TimexType.TIME or first.type is not TimexType.TIME:
        return None
    joined = _CLOCK_RANGE.fullmatch(text, first.span.end, second.span.start) is not None
    if not joined and between:
        before = text[max(0, first.span.start - 8) : first.span.start].lower()
        joined = bool(_BETWEEN_AND.fullmatch(text, first.span.end, second.span.start))
        joined = joined and before.endswith("between ")
    if not joined:
        return None
    start, end = _CLOCK_VALUE.match(first.value), _CLOCK_VALUE.match(second.value)
    if start is None or end is None or start.group(1) != end.group(1):
        return None
    return (start, end) if int(end.group(2)) < 12 <= int(start.group(2)) else None


_BETWEEN_AND = re.compile(r"\s+and\s+")
_EVENING_READING = re.compile(r"\d{1,2}(?::[0-5]\d)?\s?[pP]\.?\s?[mM]\.?")


def _before_midnight(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A range's bare evening before a morning given with its day starts the day before.

    "closed from [10 p.m.] to [6 a.m. Tuesday]": the night from Monday into Tuesday, as
    "from 10 p.m. Monday to 6 a.m. Tuesday" says in full; the day named belongs to the range's
    end. A range whose first time carries a day of its own keeps it.
    """
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if not _EVENING_READING.fullmatch(first.text) or not _DAY_NAMED.search(second.text):
            continue
        readings = _overnight(text, first, second, between=True)
        if readings is not None:
            found[index - 1] = _next_day(first, readings[0], days=-1)
    return found


_UNTIL_BEFORE = re.compile(r"\b(?:until|till|til)\s+$", re.IGNORECASE)
_SMALL_HOURS = re.compile(r"(?:[1-4]|12)(?::[0-5]\d)?\s?[aA]\.?\s?[mM]\.?")
_DAY_REACH = 120  # characters between a day told and the small hours it runs until


def _small_hours_until(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A night's end after "until" on a day just told is the next morning's.

    "On New Year's Eve, trains will run until 2 a.m.": 2 a.m. on New Year's Day, as "from 9
    p.m. Wednesday until 2 a.m." ends on Thursday; a standing "open until 2 a.m." with no day
    before it stays on its day.
    """
    for index in range(1, len(found)):
        second = found[index]
        if second.type is not TimexType.TIME or not _SMALL_HOURS.fullmatch(second.text):
            continue
        start = second.span.start
        if not _UNTIL_BEFORE.search(text, max(0, start - 8), start):
            continue
        first, clock = found[index - 1], _CLOCK_VALUE.match(second.value)
        if clock is None or start - first.span.end > _DAY_REACH:
            continue
        if first.type is TimexType.DATE and first.value == clock.group(1):
            found[index] = _next_day(second, clock)
    return found


# a reading that says nothing of its half of the day: "3:30", "three thirty Eastern", "at 4"
_HALF_OF_DAY_SAID = re.compile(
    r"[ap]\.?\s?m\b|morning|afternoon|evening|night|noon|midnight|tomorrow|yesterday|today",
    re.IGNORECASE,
)
_LATER_PART = re.compile(r"T(?:AF|EV|NI)$")
_PART_REACH = 150  # characters between "this afternoon" and the reading it places
_LATE_EVENING = 21  # an hour from which the small hours after it are the next morning's
_SMALL_HOUR = 5


def _after_part_of_day(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Readings placed by the part of day told just before them, in the same sentence.

    A bare reading after "this afternoon", "this evening" or "tonight" of its day, in the same
    sentence, is the afternoon's ("In college football this afternoon, kickoff is at three
    thirty Eastern": 15:30).
    """
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if second.type is not TimexType.TIME or first.type is not TimexType.TIME:
            continue
        clock = _CLOCK_VALUE.match(second.value)
        if clock is None or not first.value.startswith(clock.group(1)):
            continue
        hour = int(clock.group(2))
        if _LATER_PART.search(first.value) and _bare_in_sentence(text, first, second, hour):
            found[index] = _twelve_hours_on(second, clock)
    return found


_PM_OR_AM = re.compile(r"\b[aA]\.?\s?[mM]\b")


def _bare_in_sentence(text: str, first: TimeExpression, second: TimeExpression, hour: int) -> bool:
    """Is a reading with no half of the day said in the same sentence as an afternoon's?"""
    if not 1 <= hour < 12 or _HALF_OF_DAY_SAID.search(second.text):
        return False
    between = text[first.span.end : second.span.start]
    return len(between) <= _PART_REACH and not re.search(r"[.!?]\s", between)


# a reading in another zone between a clock time and its day: "10:35 a.m. (0735 GMT) Friday"
_BRACKET_BETWEEN = re.compile(r"\s*\([^()]{1,25}\)\s*(?:on\s+)?")


def _day_after_bracket(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A clock time whose day follows a bracketed reading is on that day.

    "The blast occurred at about 10:35 a.m. (0735 GMT) Friday": Friday's 10:35, whatever day
    the text told before; so is the bracketed reading.
    """
    for index, expression in enumerate(found):
        clock = _CLOCK_VALUE.match(expression.value)
        if expression.type is not TimexType.TIME or clock is None:
            continue
        after = _BRACKET_BETWEEN.match(text, expression.span.end)
        if after is None or text[expression.span.end] == "\n":
            continue
        inside = [i for i in range(index + 1, len(found)) if found[i].span.end <= after.end()]
        day_index = index + 1 + len(inside)
        if day_index >= len(found) or found[day_index].span.start != after.end():
            continue
        day = found[day_index]
        if day.type is not TimexType.DATE or not _WEEKDAY_VALUE.fullmatch(day.value):
            continue
        if not _DAY_NAMED.match(day.text):
            continue
        for i in (index, *inside):
            reading = _CLOCK_VALUE.match(found[i].value)
            if i != index and _DAY_NAMED.search(found[i].text):
                continue  # "4:12 a.m. (2112 GMT Tuesday) Wednesday": its own day
            if reading is not None and reading.group(1) != day.value:
                found[i] = _on_day(found[i], reading, dt.date.fromisoformat(day.value))
    return found


_WEEKDAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _on_day(expression: TimeExpression, clock: re.Match[str], day: dt.date) -> TimeExpression:
    """The same reading on ``day``."""
    shift = day - dt.date.fromisoformat(clock.group(1))
    value = day.isoformat() + expression.value[len(clock.group(1)) :]
    interval = expression.interval
    if interval is not None:
        interval = attrs.evolve(interval, start=interval.start + shift, end=interval.end + shift)
    return attrs.evolve(expression, value=value, interval=interval)


# a night's small hours after an evening's time of the same day: "left Cebu at 9 p.m. Friday
# ... sent a distress call at 2:10 a.m.", Saturday's 2:10; "left at ten fifteen last night.
# The fire started at about two a.m.", the next day's 2 a.m.
_EVENING_HOUR = 18
_NIGHT_REACH = 200  # characters between an evening's time given with its day and the small hours


def _small_hours_after_evening(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A small-hours a.m. reading after an evening's time of its day is the next morning's.

    The evening is a time from 6 p.m. written with p.m. and its day, within a few sentences
    (a length between does not matter: "left at 9 p.m. Friday for an eight-hour trip"), or
    any time from 9 p.m. right before the reading; not the end of a range, which is
    ``_past_midnight``'s ("closed nightly from 10 p.m. to 2 a.m.").
    """
    evening: tuple[int, TimeExpression, int] | None = None  # the last evening: index, time, hour
    for index, expression in enumerate(found):
        clock = _CLOCK_VALUE.match(expression.value)
        if expression.type is TimexType.DURATION:
            continue
        if expression.type is not TimexType.TIME or clock is None:
            evening = None
            continue
        if evening is not None and _after_evening(text, evening, (index, expression), clock):
            found[index] = _next_day(expression, clock)
            evening = None
            continue
        hour = int(clock.group(2))
        evening = (index, expression, hour) if hour >= _EVENING_HOUR else None
    return found


def _after_evening(
    text: str,
    evening: tuple[int, TimeExpression, int],
    reading: tuple[int, TimeExpression],
    clock: re.Match[str],
) -> bool:
    """Is a reading the small hours of the night after ``evening`` (both as read so far)?"""
    (before, first, evening_hour), (index, second) = evening, reading
    hour = int(clock.group(2))
    if hour >= _SMALL_HOUR or not first.value.startswith(clock.group(1)):
        return False
    if _CLOCK_RANGE.fullmatch(text, first.span.end, second.span.start):
        return False  # a range's end
    named = bool(_PM.search(first.text) and _DAY_NAMED.search(first.text))
    if named and _SMALL_HOURS.fullmatch(second.text):
        return second.span.start - first.span.end <= _NIGHT_REACH
    late = evening_hour >= _LATE_EVENING
    return late and before == index - 1 and _PM_OR_AM.search(second.text) is not None


def _next_day(expression: TimeExpression, clock: re.Match[str], *, days: int = 1) -> TimeExpression:
    """The same reading a day later: "2 a.m." after "9 p.m. Wednesday" is Thursday's."""
    day = dt.date.fromisoformat(clock.group(1)) + dt.timedelta(days=days)
    return _on_day(expression, clock, day)


def _goes_on_from(
    expression: TimeExpression, day: str, minutes: int, last: tuple[int, str, int]
) -> bool:
    """Is a bare reading ("8:34") the afternoon of the last p.m. time of its day?

    After it ("8:34" after "8:31 p.m."), or shortly before it: "7pm, doors at 6:30".
    """
    if (
        _BARE_READING.fullmatch(expression.text) is None
        or day != last[1]
        or expression.span.start - last[0] > _EVENING_REACH
        or minutes >= 12 * 60  # "last call at 1:30" after "2pm", already read as 13:30
    ):
        return False
    # "7pm, doors at 6:30": up to two hours before the evening's time is still its evening
    return minutes < last[2] <= minutes + 12 * 60 or last[2] - 120 <= minutes + 12 * 60 < last[2]


def _twelve_hours_on(expression: TimeExpression, clock: re.Match[str]) -> TimeExpression:
    """The reading twelve hours on: "8:34" read as 20:34."""
    value = f"{clock.group(1)}T{int(clock.group(2)) + 12:02d}:{clock.group(3)}"
    interval = expression.interval
    if interval is not None:
        shift = dt.timedelta(hours=12)
        interval = attrs.evolve(interval, start=interval.start + shift, end=interval.end + shift)
    return attrs.evolve(expression, value=value, interval=interval)


_BORN = re.compile(r"\bborn,?\s+(?:on\s+)?$", re.IGNORECASE)


# a day counted back from the reference's own day: "Fifty years ago today", "a year ago today"
_AGO_TODAY = re.compile(r"\bago\s+today$", re.IGNORECASE)


def _recalled_anchor(
    text: str, mention: Mention, provides: Anchor, anchors: list[Anchor]
) -> Anchor:
    """The anchor a date gives, marked when it is an anniversary's day counted back from now.

    "Fifty years ago today, at 4:17 p.m., the lander touched down. On Saturday, crowds
    gathered": the Saturday is the reporter's, not the one after the landing; the clock time
    on the same day, in the same sentence, is marked too.
    """
    if provides.grain != "day":
        return provides
    # (the cheap look at the last word first: most days are no anniversary's)
    today = text[max(mention.start, mention.end - 5) : mention.end].lower() == "today"
    if today and _AGO_TODAY.search(text, mention.start, mention.end):
        return attrs.evolve(provides, recalled=True)
    last = anchors[-1] if anchors else None
    same_day = last is not None and last.day == provides.day and last.sentence == provides.sentence
    if same_day and last is not None and last.recalled:
        return attrs.evolve(provides, recalled=True)
    return provides


# "from 11 September 1346 until its surrender on [2 May 1347]": the end of a span whose start
# opens with "from", a few words of what ended it between
_SPAN_END = re.compile(
    r"\s+(?:until|till|to)\s+(?:(?:its|the|their|his|her)\s+\w+\s+(?:on|in)\s+)?",
    re.IGNORECASE,
)


_YEAR_DASH = re.compile(r"[-\u2013]")


def _span_anchor(
    marked: Anchor, told: tuple[str, list[TimeExpression], Mention], narrative: bool
) -> Anchor:
    """The anchor a date gives, marked as told back when it ends a story's span."""
    if narrative and _ends_span(*told, marked):
        return attrs.evolve(marked, flashback=True)
    return marked


def _ends_span(text: str, found: list[TimeExpression], mention: Mention, marked: Anchor) -> bool:
    """Does a day or month end a span told from its first day, so the story stays there?

    "besieged the town from 11 September 1346 until its surrender on 2 May 1347. The army
    left the muster in late August": the story is told from the siege's start (1346), as
    after "did not return until late February".
    """
    if not found:
        return False
    first = found[-1]
    if marked.grain == "year" and first.grain == "year":
        # "Campaigns of 1781-82": the years of a season's or a campaign's range, the story
        # told from the first (a life's "1939-2026" writes its end in full: the death is news)
        short = mention.end - mention.start == 2  # a year written by its last two digits
        return short and _YEAR_DASH.fullmatch(text, first.span.end, mention.start) is not None
    if marked.grain not in ("day", "month"):
        return False
    if first.grain not in ("day", "month") or first.span.end > mention.start:
        return False
    if text[max(0, first.span.start - 5) : first.span.start].lower() != "from ":
        return False
    return _SPAN_END.fullmatch(text, first.span.end, mention.start) is not None


def _birth_anchor(text: str, start: int, provides: Anchor) -> Anchor:
    """The anchor a date gives, marked as a birth date when it follows "born"."""
    if (
        provides.grain == "day"
        and "born" in text[max(0, start - 10) : start].lower()
        and _BORN.search(text, max(0, start - 10), start)
    ):
        return attrs.evolve(provides, birth=True)
    return provides


# a present perfect whose "since" closes its clause: "was first elected in 1994 and has won
# every election since."
_SINCE_NOW = re.compile(
    r"\b(?:has|have)\b[^.;!?\n]{0,80}?\bsince(?:\s+then)?\s*[.;,!?]", re.IGNORECASE
)


# words of the writer's present that never tell a story's own time ("now" may: "In 1862
# Pell, now a general, marched north")
_WRITERS_PRESENT = frozenset(("currently", "nowadays"))


def _story_to_now(text: str, anchors: list[Anchor], mentions: list[Mention], index: int) -> None:
    """Mark the story's latest date as brought up to now by a present perfect or "currently".

    "elected county clerk in [1994] and has won every election since. She announced in
    [January] ...": the profile speaks from its own time again, so January is the
    reference's, not 1994's.
    """
    if not index or not anchors:
        return
    last = mentions[index - 1]
    if text[last.start : last.end].lower() in _WRITERS_PRESENT:
        # "The trust currently owns 900 acres, and walks are held from May to October": the
        # writer's present, as "today": the reference's May, not the story's
        anchors[-1] = attrs.evolve(anchors[-1], present=True)
        return
    end, start = mentions[index - 1].end, mentions[index].start
    if text.find("since", end, start) >= 0 and _SINCE_NOW.search(text, end, start):
        anchors[-1] = attrs.evolve(anchors[-1], present=True)


# a present perfect in the clause of a "since": "has been run by a society since 2004",
# "Since 2008 the bell has hung in the museum"
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\b[^.;!?\n]{0,80}$", re.IGNORECASE)
_PERFECT_AFTER = re.compile(r"^[^.;!?\n]{0,60}?\b(?:has|have)\b", re.IGNORECASE)
_AS_OF_YEARS = 5  # "As of 2021": a status report from the writer's time, not an old one


def _present_anchor(text: str, mention: Mention, provides: Anchor, ref: dt.date) -> Anchor:
    """The anchor a date gives, marked as the writer's present when it opens a state now."""
    return attrs.evolve(provides, present=True) if _state_to_now(text, mention, ref) else provides


def _state_to_now(text: str, mention: Mention, ref: dt.date) -> bool:
    """Does an explicit date open a state that holds now, so the story is back in the present?

    "It has been run by a volunteer society since [2004], and its largest room was reopened
    in [March]" (said in June 2012) is the reference's March; so after a recent "as of":
    "As of [2021], the band had sold four million records. Its drummer died in [February]".
    """
    if not isinstance(mention, Calendar) or not mention.explicit_year:
        return False
    start = mention.start
    before = text[max(0, start - 6) : start].lower()
    if before.endswith("since "):
        return bool(
            _PERFECT_BEFORE.search(text, max(0, start - 90), start)
            or _PERFECT_AFTER.search(text[mention.end : mention.end + 70])
        )
    if before.endswith("as of "):
        year = re.match(r"\d{4}", text[start : mention.end])
        return year is not None and 0 <= ref.year - int(year.group()) <= _AS_OF_YEARS
    return False


def _point_readers(text: str, mention: Mention) -> tuple[bool, bool]:
    """Does "since" or "from" come before a holiday, "through" or "until" before a season?

    Only those kinds of mention need them (a holiday in the present, a deadline's season).
    """
    if not isinstance(mention, Calendar):
        return False, False
    feast = mention.feast or mention.holiday is not None
    since = feast and _after_since(text, mention.start)
    season = mention.season is not None
    start = mention.start
    through = season and _THROUGH.search(text, max(0, start - 8), start) is not None
    return since, through


def _after_since(text: str, start: int) -> bool:
    """Does "since" or "from" come right before the mention ("the first snow since Christmas")?"""
    return text[max(0, start - 6) : start].lower().endswith(("since ", "from "))


def _day_of(found: TimeExpression) -> dt.date | None:
    """The day a DATE of day grain names, else ``None``."""
    if found.interval is None or found.grain is not Grain.DAY or found.type is not TimexType.DATE:
        return None
    return found.interval.start.date()


# "Friday through Sunday, June 6-8": the weekdays' range, then the days it names
_RANGE_JOIN = re.compile(r"\s*(?:to|through|thru|-|\u2013)\s*", re.IGNORECASE)
_APPOSITION = re.compile(r",\s*")


def _weekdays_named_by_days(text: str, found: list[TimeExpression]) -> tuple[TimeExpression, ...]:
    """Two weekdays a range of days right after names: "Friday through Sunday, June 6-8".

    The weekdays are the days written after them, when those fall on them, not the coming
    Friday and Sunday.
    """
    for i in range(len(found) - 3):
        first, last = found[i], found[i + 1]
        if not _RANGE_JOIN.fullmatch(text, first.span.end, last.span.start):
            continue  # (the cheap test first: most neighbours are no range)
        start, end = found[i + 2], found[i + 3]
        gaps = ((_APPOSITION, last, start), (_RANGE_JOIN, start, end))
        if not all(gap.fullmatch(text, a.span.end, b.span.start) for gap, a, b in gaps):
            continue
        if not (first.text.isalpha() and last.text.isalpha()):
            continue  # "June 27-July 8, July 11-22": days, not weekdays
        weekdays = [day.isoweekday() if day else 0 for day in map(_day_of, found[i : i + 4])]
        if 0 not in weekdays and weekdays[:2] == weekdays[2:]:
            found[i] = attrs.evolve(first, value=start.value, interval=start.interval)
            found[i + 1] = attrs.evolve(last, value=end.value, interval=end.interval)
    return tuple(found)


def _range_of(
    text: str,
    before: tuple[tuple[int, int, dt.date] | None, list[TimeExpression]],
    mention: Mention,
    bounds: tuple[int, int],
    *,
    last_weekday: bool,
) -> tuple[dt.date | None, bool]:
    """The first day of the range the mention ends, and whether the two are joined by and/or.

    ``before`` holds the last mention (``None`` when it had no date) and what was found so
    far, whose last dated expression "ahead of" reaches across a length ("[a month] ahead of
    the [April 1] deadline").
    """
    previous, found = before
    is_weekday = isinstance(mention, Weekday)
    pair = last_weekday and is_weekday  # "Friday and Saturday"
    # "from Sept. 14 to Thursday": a weekday keeps its tense unless paired with another
    found_range = (
        _range_start(text, previous, mention.start, pair=pair) if pair or not is_weekday else None
    )
    if found_range is None and (is_weekday or _month_day(mention)):
        found_range = _ahead_of(text, _last_dated(found), mention.start, bounds)
    return found_range or (None, False)


def _last_dated(found: list[TimeExpression]) -> tuple[int, int, dt.date] | None:
    """The span and first day of the last expression found that names a time."""
    for expression in reversed(found):
        if expression.interval is not None:
            return expression.span.start, expression.span.end, expression.interval.start.date()
    return None


def _month_day(mention: Mention) -> bool:
    """Is the mention a month's day without its year ("the [April 1] deadline")?"""
    return (
        isinstance(mention, Calendar)
        and mention.year is None
        and mention.month is not None
        and mention.day is not None
        and mention.shift is None
        and not mention.anchored
    )


# a numeric date with its year that can be read one way only: "25/03/2024", "03/25/2024"
# (each begins with its digits and looks behind them after: a pattern that begins with a
# digit lets the engine skip to the next digit, one that begins with a look-behind is tried
# at every position of the text)
_DAY_FIRST = re.compile(
    r"(?:1[3-9]|2\d|3[01])(?<![\d/.]..)/(?:0?[1-9]|1[0-2])/(?:\d\d){1,2}(?![\d/])"
)
_MONTH_FIRST = re.compile(
    r"(?:0[1-9](?<![\d/.]..)|1[0-2](?<![\d/.]..)|[1-9](?<![\d/.].))"
    r"/(?:1[3-9]|2\d|3[01])/(?:\d\d){1,2}(?![\d/])"
)


def date_order_of(text: str, given: str | None) -> DateOrder:
    """The order given, checked, or when none is given the text's own (``text_date_order``)."""
    if given is None:
        return text_date_order(text)
    if given == "DMY":
        return "DMY"
    if given == "MDY":
        return "MDY"
    raise InvalidOptionError("date_order", given, _DATE_ORDERS)


def text_date_order(text: str) -> DateOrder:
    """Day first when the text writes a date only day first can read ("25/03/2024").

    US text never writes the day first, so the evidence cannot mislead it; a text with dates
    of both kinds (or neither) keeps the default, month first.
    """
    if "/" not in text or not _DAY_FIRST.search(text):
        return "MDY"
    return "MDY" if _MONTH_FIRST.search(text) else "DMY"


# (a decimal point is no stop: "1988, when just 2.1 inches fell from June through August")
_WHEN_CLAUSE = re.compile(r",?\s+when\s(?:[^,.;:]|(?<=\d)\.(?=\d))*")
_ASIDE_REACH = 200  # characters before a date where the relative clause holding it may open
_RELATIVE = re.compile(r",\s+(?:who|whose|which)\s[^,;:]*$")


def _clause_links(
    text: str, found: list[TimeExpression], start: int, bounds: tuple[int, int]
) -> tuple[int | None, bool]:
    """How the mention's clause links to the last date of its sentence.

    The year of "in 2021, when 6 February is again a Saturday" (a "when" clause on a bare
    year), and whether that date sat in a relative clause closed before the mention
    ("McCullum, who made his debut in March 2004, announced his retirement in December": an
    aside, not the main clause's time).
    """
    if not found or found[-1].span.start < bounds[0]:
        return None, False
    last = found[-1]
    between = text[last.span.end : start]
    if _bare_year(last) and _WHEN_CLAUSE.fullmatch(between) and _year_framed(text, last, between):
        return int(last.value), False
    if "," not in between:
        return None, False
    # the relative clause opens shortly before its date (a bounded window: a sentence that
    # never ends costs no more per mention)
    opened = _RELATIVE.search(text, max(bounds[0], last.span.start - _ASIDE_REACH), last.span.start)
    return None, opened is not None


_FRAMING = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Oo]f)\s+$")


def _year_framed(text: str, year: TimeExpression, between: str) -> bool:
    """Does the "when" clause after a bare year tell of that year?

    After a comma ("in 2021, when 6 February is again a Saturday") or after a year framed by
    "in" ("in 2021 when"); not a year aimed at ("penciled in for 2016 when they raised rates
    in December": the clause tells when the plan was made).
    """
    if between.lstrip(" ").startswith(","):
        return True
    return _FRAMING.search(text, max(0, year.span.start - 8), year.span.start) is not None


# "the June offensive of 1916", "the October crash of 1987": a noun and "of" before the year
_OF_YEAR = re.compile(r"\s+[A-Za-z][a-z-]*\s+of\s+")


def _frame_year(
    text: str,
    at: tuple[list[Mention], int],
    found: list[TimeExpression],
    bounds: tuple[int, int],
    now: tuple[dt.date, Callable[[], Tense]],
) -> int | None:
    """The year that frames a year-less month or holiday from elsewhere in its sentence."""
    mentions, index = at
    mention = mentions[index]
    if _year_less_month(mention):
        return (
            _span_year(text, found, mention, bounds)
            or _year_named_after(text, mentions, index)
            or _opening_year_planned(text, found, mention, bounds, now[0])
            or _setting_year(text, found, mention, now[0], now[1])
        )
    if isinstance(mention, Calendar) and mention.holiday:
        return _opening_year(text, found, mention, bounds, feast=True)
    return None


# what opens or closes a span of two years before its first month: "the 2023-24 tax year
# begins on 6 April", "the 2026-27 school year ends June 3"
_TWO_YEARS_START = re.compile(
    r"\b(?:starts?|starting|started|begins?|beginning|began|opens?|opening|from)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
_TWO_YEARS_END = re.compile(
    r"\b(?:ends?|ending|ended|closes?|closing|concludes?|until|till|through|to)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
_TWO_YEARS_JOINS = ("-", "/", "\u2013")


def _span_year(
    text: str, found: list[TimeExpression], mention: Mention, bounds: tuple[int, int]
) -> int | None:
    """The year of a year-less month after a span of two years told in its sentence.

    "The 2026-27 school year starts [Aug. 24] and ends [June 3]": the months follow each
    other from the span's first year, a month before the last one told going on into the
    second ("the 2025-26 season runs from [September] to [May]"). The first month told is
    the first year's after "starts", "begins" or "from", the second year's after "ends" or
    "until"; otherwise the span says nothing of it ("Season tickets for 2017-18 go on sale on
    [June 5]" is before the season).
    """
    pair = _two_years_before(text, found, bounds)
    if pair is None or not isinstance(mention, Calendar) or mention.month is None:
        return None
    year = int(found[pair - 1].value)
    told = found[pair + 1 :]
    if not all(_MONTH_TOLD.match(e.value) for e in told):
        return None  # "in the 2023-24 season and nine this season, despite missing November"
    if told and _span_cue(text, found[pair].span.end, told[0].span.start) is None:
        return None  # the first month told was not the span's ("in January, after ... December")
    if told:
        last = told[-1].value
        last_year, last_day = int(last[:4]), (int(last[5:7]), int(last[8:10] or 0))
        # (a date not after the last one told goes on into the next year)
        on = last_year + (1 if (mention.month, mention.day or 0) <= last_day else 0)
        return on if on in (year, year + 1) else None
    cue = _span_cue(text, found[pair].span.end, mention.start)
    return None if cue is None else year + cue


def _two_years_before(
    text: str, found: list[TimeExpression], bounds: tuple[int, int]
) -> int | None:
    """The index in ``found`` of the second year of a span of two years just told.

    Only months may come between it and the mention, a few at most: the walk back reads no
    further (a long list of dates with no full stop costs no more per mention).
    """
    stop = max(0, len(found) - _TWO_YEARS_REACH)
    for k in range(len(found) - 1, stop, -1):
        first, second = found[k - 1], found[k]
        if first.span.start < bounds[0]:
            return None
        if text[first.span.end : second.span.start] in _TWO_YEARS_JOINS:
            two = _bare_year(first) and _bare_year(second)
            return k if two and int(second.value) == int(first.value) + 1 else None
        if not _MONTH_TOLD.match(second.value):
            return None  # another date came between
    return None


_TWO_YEARS_REACH = 8  # the span's two years and the months told after it


def _span_cue(text: str, after: int, start: int) -> int | None:
    """1 after "ends" or "until", 0 after "starts", "begins" or "from", else ``None``."""
    before = text[max(after, start - 30) : start]
    if _TWO_YEARS_END.search(before):
        return 1
    return 0 if _TWO_YEARS_START.search(before) else None


_MONTH_TOLD = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?![\d])")


def _year_less_month(mention: Mention) -> bool:
    """Is the mention a month (or a month's day) written without its year?"""
    return isinstance(mention, Calendar) and mention.year is None and mention.month is not None


def _season_setting(
    text: str,
    found: list[TimeExpression],
    mention: Mention,
    bounds: tuple[int, int],
    now: tuple[dt.date, Callable[[], Tense]],
) -> int | None:
    """The year of a season written without one, from its sentence's opening year or setting.

    "In 1990 the river froze in [winter]" is 1990's winter, as "in March" would be 1990's;
    "set in 1912 ... by [the fall]" is the plot's.
    """
    bare = isinstance(mention, Calendar) and mention.season is not None and mention.year is None
    if not bare:
        return None
    return _opening_year_planned(text, found, mention, bounds, now[0]) or _setting_year(
        text, found, mention, now[0], now[1]
    )


def _bare_year(found: TimeExpression) -> bool:
    """Is the expression a year alone ("1998"), its value four digits?"""
    return found.type is TimexType.DATE and len(found.value) == 4 and found.value.isdigit()


def _year_named_after(text: str, mentions: list[Mention], index: int) -> int | None:
    """The year a year-less month names after its noun: "the June offensive of 1916"."""
    if index + 1 >= len(mentions):
        return None
    mention, following = mentions[index], mentions[index + 1]
    if not isinstance(following, Calendar) or not following.explicit_year:
        return None
    year = text[following.start : following.end]
    if not (len(year) == 4 and year.isdigit()):
        return None
    return int(year) if _OF_YEAR.fullmatch(text, mention.end, following.start) else None


# a bare year that opens its sentence ("In 1998, ...", "By 2030 the city", "Early in 1916"):
# a frame for the whole sentence; not a year a noun is for ("Contributions for 1996 can be
# made until April 15": the tax year, no time of the clause)
_YEAR_FROM_NOW = frozenset({"last year", "this year", "next year"})
_OPENS = re.compile(r"[\s\"'\u201c(]*(?:[A-Z][a-z]*(?:\s+(?!for\b)[a-z]+)?\s+)?")


def _opening_year(
    text: str,
    found: list[TimeExpression],
    mention: Mention,
    bounds: tuple[int, int],
    *,
    feast: bool = False,
) -> int | None:
    """The year a sentence opens with, for a year-less month later in it (``_year_less_month``).

    "In 1998 the vote was held in March" is March 1998; a year inside the sentence is often a
    relative clause's ("a plan approved in 1987 took effect in March") and frames nothing.
    A year counted from now frames it too: "Last year the lights went on in mid-November",
    and only such a year frames a holiday (``feast``): "Last year seven people died between
    Good Friday and Easter Monday".
    """
    if not isinstance(mention, Calendar) or mention.shift is not None:
        return None
    if (mention.holiday is not None) is not feast:
        return None
    last = _opener(text, found, bounds, feast=feast)
    if last is None:
        return None
    if not _OPENS.fullmatch(text, bounds[0], last.span.start):
        return None
    return int(last.value)


def _opening_year_planned(
    text: str,
    found: list[TimeExpression],
    mention: Mention,
    bounds: tuple[int, int],
    ref: dt.date,
) -> int | None:
    """The opening year (``_opening_year``), unless it is past and a later clause plans ahead.

    "Last year it drew 80,000 visitors, and a wing is due to open in [the spring]" is the
    coming spring: the second clause speaks from the writer's time.
    """
    year = _opening_year(text, found, mention, bounds)
    if year is not None and year < ref.year and _PLAN_JOINED.search(text, bounds[0], mention.start):
        return None
    return year


# a second clause that plans ahead: a past year opening the sentence does not frame it
_PLAN_JOINED = re.compile(
    r"(?:,\s*(?:and|but)|;)\s[^.;!?]*?\b(?:will|won't|(?:is|are)\s+(?:due|expected|set|"
    r"scheduled)\s+to)\b",
    re.IGNORECASE,
)


def _opener(
    text: str, found: list[TimeExpression], bounds: tuple[int, int], *, feast: bool
) -> TimeExpression | None:
    """The year told first in the sentence, if it may open it: a bare one, or "Last year"."""
    # a rate or a length between does not hide the opener: "In 1990 the ferry ran [twice a
    # day] in winter"
    told = len(found)
    while (
        told > 1 and found[told - 1].type in _NO_FRAME and found[told - 2].span.start >= bounds[0]
    ):
        told -= 1
    if not found or found[told - 1].span.start < bounds[0]:
        return None
    last = found[told - 1]
    if feast:  # "Last year ... between Good Friday and Easter Monday": the opener frames both
        last = next(told for told in found if told.span.start >= bounds[0])
    if not _bare_year(last) or (
        _OWNER.match(text, last.span.end) and not _EVENT_OWNED.match(text, last.span.end)
    ):
        # "Last year's champion will defend her title on July 12": no frame; but "Next year's
        # festival will run from Feb. 15 to Feb. 25" is held in that year, and so are its days
        return None
    if last.text.isdigit() and not feast:
        return last
    return last if last.text.lower() in _YEAR_FROM_NOW else None


_NO_FRAME = frozenset((TimexType.SET, TimexType.DURATION))
_THROUGH = re.compile(r"\b(?:through|until|till)\s+$", re.IGNORECASE)


# a work's setting: "The story is set during the summer of 1962", "a drama set in 1983",
# "is set in a small Iowa town in the summer of 1912"
_SET_IN = re.compile(
    r"\bset\s+(?:in|during|over|around)\s+(?:[^.;!?\n]{0,40}?\s(?:in|during)\s+)?$"
)
_WILL = re.compile(
    r"\b(?:will|won't|'ll|is\s+(?:due|expected|set|scheduled)\s+to)\b", re.IGNORECASE
)
_SETTING_REACH = 300  # characters from the setting to the month it frames


def _setting_year(
    text: str,
    found: list[TimeExpression],
    mention: Mention,
    ref: dt.date,
    tense: Callable[[], Tense],
) -> int | None:
    """The year of a work's setting told just before, for a year-less month of its plot.

    A review tells a plot in the present: "The story is set during the summer of 1962 ...
    The sisters stay until September" is September 1962. A month of a past or future clause
    ("the film was shot in September") or one after a "will" ("it will open in September")
    is the writer's, and a date told between ends it. The plot's present may read as a
    timetable ("Hill arrives in July"): only a "will" keeps it ahead.
    """
    if not found or not isinstance(mention, Calendar) or mention.shift is not None:
        return None
    setting = _setting_told(text, found, mention.start)
    if setting is None:
        return None
    last, year = setting
    if (
        year == ref.year
        or tense() is Tense.PAST
        or _WILL.search(text, last.span.end, mention.start)
    ):
        return None  # "the film was shot in September", "it will open in September"
    return year


def _setting_told(
    text: str, found: list[TimeExpression], start: int
) -> tuple[TimeExpression, int] | None:
    """The setting just told ("set in the summer of 1912") and its year, if one frames ``start``.

    The plot's dates read in it since keep it in view: "arrives in July and promises a band
    by the fall".
    """
    end = start
    since: list[TimeExpression] = []  # the plot's dates told after the setting
    for told in reversed(found[-3:]):
        if end - told.span.end > _SETTING_REACH or not re.match(r"\d{4}(?!\d)", told.value):
            return None  # a decade ("set in the 90s") names no year
        if _SET_IN.search(text, max(0, told.span.start - 64), told.span.start):
            year = told.value[:4]
            return (told, int(year)) if all(d.value[:4] == year for d in since) else None
        since.append(told)
        end = told.span.start
    return None


def _clause_readers(
    text: str, bounds: tuple[int, int], start: int, words: WordLists
) -> tuple[Callable[[], bool], Callable[[], bool], Callable[[], bool]]:
    """Readers of the mention's clause, asked only when resolution needs them.

    Is it told in the past perfect ("had landed on 28 September"), is it an act decided on a
    day given before it ("agreed Monday to close the road Tuesday"), is its future a "will"?
    """

    def pluperfect() -> bool:
        return pluperfect_at(text, bounds, start)

    def decided() -> bool:
        return decided_at(text, bounds, start, words)

    def will() -> bool:
        return will_at(text, bounds, start, words)

    return pluperfect, decided, will


def _plan_kind(mention: Mention) -> bool:
    """Is the mention a bare weekday or day of the month, which a plan may name?"""
    if isinstance(mention, Weekday):
        return mention.shift is None
    return isinstance(mention, Calendar) and mention.month is None and mention.day is not None


def _period_kind(mention: Mention) -> bool:
    """Is the mention a month, quarter, half or season without a year or a day?"""
    if not isinstance(mention, Calendar) or mention.year is not None or mention.day is not None:
        return False
    return mention.shift is None and not mention.anchored


def _tense_reader(
    text: str, bounds: tuple[int, int], mention: Mention, words: WordLists, *, historical: bool
) -> Callable[[], Tense]:
    """The tense of the mention's clause, read when resolution needs it.

    In a past chronology entry (``historical``) the present tense tells what happened then.
    """
    known: list[Tense] = []  # read once: resolution may ask several times

    def tense() -> Tense:
        if known:
            return known[0]
        found = tense_at(text, bounds, mention.start, mention.end, words)
        if (
            found in (Tense.NONE, Tense.NEAREST, Tense.PRESENT)
            and _plan_kind(mention)
            and chat_plan(text, bounds, mention.start, mention.end)
        ):
            found = Tense.FUTURE  # "drinks fri?", "costco run saturday": a plan
        if found is Tense.PAST and _period_kind(mention):
            # "It said fourth-quarter earnings would rise": the reported clause's verb
            found = reported_subject_at(text, bounds, mention.start, mention.end, words) or found
        if historical and found is not Tense.PAST:
            found = _historical(text, bounds[0], mention.start, words.future) or found
        known.append(found)
        return found

    return tense


def _resolve_one(
    mention: Mention, context: Context, bc_year: int | None
) -> tuple[Resolved, Grain | None, Interval | None] | None:
    """A mention resolved, with its value's grain and interval; ``None`` if it names no date."""
    try:
        resolved = None
        if bc_year is not None and isinstance(mention, Relative):
            resolved = _after_bc_year(mention, bc_year)  # "44 BC ... two years later"
        elif bc_year is not None and isinstance(mention, Calendar):
            resolved = _season_after_bc_year(mention, bc_year)  # "the following spring"
        if resolved is None:
            resolved = resolve(mention, context)
        if resolved is None:
            return None
        return resolved, timex.grain_of(resolved.value), timex.interval_of(resolved.value)
    except (ValueError, OverflowError):
        year = context.reference.year
        if not _SAFE_YEARS[0] <= year <= _SAFE_YEARS[1]:
            return None  # a date outside years 1 to 9999, which no TIMEX3 date writes
        raise


_BC_YEAR = re.compile(r"BC\d{4}")

# a meeting's proceedings told in minutes: "called the meeting to order at 7:02 p.m.", "the
# meeting adjourned at 9:47 p.m.", "recessed at", "reconvened at", "opened the meeting at"
_PROCEEDINGS = re.compile(
    r"\b(?:adjourned|recessed|reconvened|convened|to\s+order|(?:opened|closed|began|ended)\s+the\s+"
    r"(?:meeting|session|hearing))\s+at\s+(?:about\s+)?$",
    re.IGNORECASE,
)


def _remember(anchors: list[Anchor], first_day: list[Anchor], provides: Anchor) -> None:
    """Keep ``provides`` among the last dates told, and as the first day if none came before."""
    anchors.append(provides)
    del anchors[:-_MAX_ANCHORS]
    if not first_day and provides.grain == "day":
        first_day.append(provides)


def _proceedings(text: str, mention: Mention) -> bool:
    """Is ``mention`` the clock time of a meeting's proceedings ("adjourned at 9:47 p.m.")?"""
    if not isinstance(mention, Relative) or mention.clock is None or mention.offset:
        return False
    before = text[max(0, mention.start - 30) : mention.start]
    return "at " in before and _PROCEEDINGS.search(before) is not None


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z-]+")


_FROM_LEVEL = re.compile(
    r"\bfrom\s+(?:(?:[a-z]+\s+){0,2}\$?\d[\d.,/ ]*(?:%|\s*percent|\s+cents?|\s+points?"
    r"|\s+[mb]illion|\s+trillion)?"
    # a change from a level named by its noun: "down 22 percent from their peak in 2006"
    r"|(?:its|their|the|a|an)\s+(?:[a-z-]+\s+)?(?:peak|high|low|top|level|record)s?)"
    r"\s+(?:in|at|on)\s+$",
    re.IGNORECASE,
)


def _story_dates(text: str, mentions: list[Mention], superlatives: frozenset[str]) -> list[Mention]:
    """The mentions that may tell a story: not the years bounding a record.

    An almanac's "the warmest October since records began in 1895 ... The previous record
    was set in 1963" names old years that no story is set in.
    """
    return [
        m
        for m in mentions
        if not (
            isinstance(m, Calendar)
            and m.explicit_year
            and _record_bound(text, m.start, superlatives)
        )
    ]


def _record_bound(text: str, start: int, superlatives: frozenset[str]) -> bool:
    """Is the mention the bound of a record or a change, not a new topic?

    A record's "the worst year since 1931", a change's "the yield has dropped from more than
    9% in the spring of 1990": then it is no date in view, and "For the year, the Dow lost
    33.8 percent" after it is still the year of the report.
    """
    window = max(0, start - 50)
    if text.find("rom", window, start) >= 0 and _FROM_LEVEL.search(text, window, start):
        return True  # (the cheap look for "from" first: most mentions have none before them)
    streak = text.find("to", max(0, start - 4), start) >= 0
    if streak and _STREAK_TO.search(text, max(0, start - 70), start):
        return True  # "a scoreless streak that dated to July 2": where a record run began
    if _almanac_bound(text, start):
        return True
    if text.find("ince", window, start) < 0:
        return False
    since = start if _SINCE.search(text, max(0, start - 7), start) else -1
    if since < 0:  # "the highest since the terminal opened in 2000": a short "since" clause
        clause = _SINCE_CLAUSE.search(text, max(0, start - 50), start)
        since = clause.start() if clause else -1
    if since < 0:
        return False
    before = _WORDS.findall(text, max(0, since - 70), since)
    # "the fourth-driest autumn since 1871": a ranked superlative is one word with its rank
    return any(word.lower().rpartition("-")[2] in superlatives for word in before[-9:])


# an almanac's bounds: the year a record was set ("The previous record was set in 1963", "the
# record high of 77 dates to 1921"), the years of a normal ("the 30-year normal for
# 1991-2020") and the extremes a reading ranged between ("totals have ranged from 4 inches in
# 1980 to 88 inches in 1993")
_RECORD_SET = re.compile(
    r"\brecords?\b[^.;:!?]{0,60}?\b(?:set|established|dat(?:es|ed|ing)\s+(?:back\s+)?to)"
    r"\s+(?:in\s+|on\s+)?$",
    re.IGNORECASE,
)
_NORMAL_FOR = re.compile(
    r"\b(?:normals?|averages?|baseline)\s+(?:for|of|from)\s+"
    r"(?:\d{4}\s*(?:-|\u2013|to|through)\s*)?$",
    re.IGNORECASE,
)
_RANGED = re.compile(
    r"\brang(?:ed|es|ing)\s+from\s+[^.;:!?]{0,60}?\d[\d.,]*\s+(?:inch(?:es)?|feet|degrees|"
    r"millibars|mph|miles|percent|centimet(?:er|re)s|millimet(?:er|re)s)\s+in\s+$",
    re.IGNORECASE,
)


def _almanac_bound(text: str, start: int) -> bool:
    """Is the year one of an almanac's bounds: a record set, a normal's years, an extreme?"""
    window = max(0, start - 90)
    hint = _ALMANAC_HINT.search(text, window, start)  # the cheap look first: most have none
    if hint is None:
        return False
    if text.find("record", window, start) >= 0 and _RECORD_SET.search(text, window, start):
        return True
    if text.find("rang", window, start) >= 0 and _RANGED.search(text, window, start):
        return True
    return bool(
        (text.find("normal", window, start) >= 0 or text.find("average", window, start) >= 0)
        and _NORMAL_FOR.search(text, max(0, start - 30), start)
    )


_ALMANAC_HINT = re.compile("record|rang|normal|average")


_SINCE_CLAUSE = re.compile(r"\bsince\s+[^,.;:\d]*$", re.IGNORECASE)
# a streak or a run that dates to its first day: "a streak that dated to July 2", "a winning
# run dating back to 1998"; and whatever else dates back to its start: "a series of
# shootings dating to 1994" (the bound of what is told, not the story's time)
_STREAK_TO = re.compile(
    r"(?:\b(?:streak|run)\s+(?:that\s+|which\s+)?(?:goes|went|going)|\bdat(?:ed|es|ing))\s+"
    r"(?:back\s+)?to\s+$",
    re.IGNORECASE,
)


_YEARS_IN = {"year": 1, "decade": 10, "century": 100}


def _bc_value(astronomical: int) -> str | None:
    """The TIMEX3 year of an astronomical year (1 BC is year 0), ``None`` past the calendar."""
    if astronomical <= 0:
        return f"BC{1 - astronomical:04d}"
    return f"{astronomical:04d}" if astronomical <= _LAST_YEAR else None


def _season_after_bc_year(mention: Calendar, bc_year: int) -> Resolved | None:
    """A year-less season or month told after a year before Christ, at year grain.

    No TIMEX3 value writes a season or a month before Christ, so "In 318 BC ... war was
    declared the following spring" is 317 BC and "during the winter" after "the summer of 317
    BC" is 317 BC. ``None`` for one counted from now ("last spring") or a holiday or quarter.
    """
    if mention.year is not None or mention.holiday is not None or mention.year_shift is not None:
        return None
    if mention.season is None and mention.month is None:
        return None
    if mention.shift is not None and not mention.anchored:
        return None  # "last spring", "next March": the writer's, resolved as usual
    step = mention.shift or 0  # "the following spring" +1, "the previous winter" -1
    if mention.season == "WI" and step == 1:
        step = 0  # "the following winter" begins in that year's December, as after 1862
    value = _bc_value(1 - bc_year + step)
    return None if value is None else Resolved(TimexType.DATE, value, mention.mod)


def _after_bc_year(mention: Relative, bc_year: int) -> Resolved | None:
    """A count from a year before Christ ("two years later" after 44 BC: 42 BC), at year grain.

    Only counts from an earlier date are read so ("later", "earlier", "the following year");
    a count of days or months names no other year, so it is that year. ``None`` for a count
    from the reference date ("two years ago"), which is resolved as usual.
    """
    if mention.origin is not Origin.ANCHOR or mention.offset is None:
        return None
    years = mention.offset * _YEARS_IN.get(mention.unit, 0)
    astronomical = 1 - bc_year + years  # 1 BC is year 0, 44 BC is -43
    if astronomical <= 0:
        value = f"BC{1 - astronomical:04d}"
    elif astronomical <= _LAST_YEAR:
        value = f"{astronomical:04d}"
    else:  # pragma: no cover - a count this long from a year BC is no date
        return None
    return Resolved(TimexType.DATE, value, mention.mod)


# what may come between a line's start and the date labelling it ("\u2022 ", "- ", a forum
# post's "EDIT " or "UPDATE "), and what follows the label: a colon or a dash before the
# entry's statement, or the line's end
_ENTRY_OPENING = re.compile(
    r"[^\S\n]*(?:[\u2022*\u2013\u2014-][^\S\n]*)?(?:(?i:edit(?:ed)?|update[d]?)[^\S\n]+)?"
)
_ENTRY_MARK = re.compile(r"[^\S\n]*(?:[:\u2013\u2014|]|-\s)|[^\S\n]*(?:\n|$)")


def _is_entry(text: str, bounds: tuple[int, int], mention: Mention) -> bool:
    """Does the mention label a line of a chronology ("Feb. 3 \u2014 Brennan is suspended")?

    Only in a text read line by line: the line is a sentence of its own, opened by the date.
    A day told from now labels nothing: "yday: finished the webhook. today: tests" is a
    standup's, whose "today" is the reference's.
    """
    if (
        isinstance(mention, Relative)
        and mention.unit == "day"
        and mention.origin is Origin.REFERENCE
    ):
        return False
    line = bounds[0]
    before = line
    while before > 0 and text[before - 1] in " \t":  # (no slice: a text has many mentions)
        before -= 1
    if line > 0 and (before == 0 or text[before - 1] != "\n"):
        return False  # a sentence after a full stop, not a line
    if _ENTRY_OPENING.fullmatch(text, line, mention.start) is None:
        return False
    return _ENTRY_MARK.match(text, mention.end) is not None


def _chronology(
    text: str, mentions: list[Mention], sentences: Sentences, ref: dt.date
) -> tuple[list[tuple[int, tuple[int, int], bool]], dict[int, int]]:
    """Each mention's sentence (number, bounds) and whether it labels a chronology's line.

    With them, the years of the year-less runs of labels (``_chronology_years``).
    """
    entries = []
    for mention in mentions:
        number = sentences.index(mention.start)
        bounds = sentences.bounds(number)
        entries.append((number, bounds, _is_entry(text, bounds, mention)))
    return entries, _chronology_years(mentions, [entry for *_, entry in entries], ref)


def _chronology_years(mentions: list[Mention], entries: list[bool], ref: dt.date) -> dict[int, int]:
    """The years of a chronology's year-less labels when no label gives a year above them.

    "March 2 \u2014 Inspectors find cracks", "June 4 \u2014 Residents sue", "Oct. 1 \u2014 A
    judge rules": a timeline runs in order (oldest first or newest first), so its labels are
    read together, moving on a year when the months come back round, and the run is put in
    the years that bring it nearest the reference (past events leading up to it, or a
    schedule just ahead). Keyed by the labels' places in ``mentions``.
    """
    if not any(entries):
        return {}
    labels: list[tuple[int, int, int]] = []  # (place, month, day)
    for index, (mention, entry) in enumerate(zip(mentions, entries, strict=True)):
        if not entry:
            continue
        if not isinstance(mention, Calendar) or mention.year is not None:
            break  # a label with its year: the entries below it take that (see _resolve)
        if mention.month is None or mention.shift is not None or mention.anchored:
            break
        labels.append((index, mention.month, min(mention.day or 15, 28)))
    if len(labels) < _RUN_LABELS:
        return {}
    days = [(month, day) for _index, month, day in labels]
    later = sum(1 for a, b in itertools.pairwise(days) if b > a)
    step = 1 if later * 2 >= len(days) - 1 else -1  # newest first: a year back on wrapping
    best: tuple[int, list[int]] | None = None
    for first in (ref.year - 1, ref.year, ref.year + 1):
        years = [first]
        for a, b in itertools.pairwise(days):
            wrapped = b < a if step == 1 else b > a
            years.append(years[-1] + step if wrapped else years[-1])
        if not dt.MINYEAR <= min(years) <= max(years) <= dt.MAXYEAR:
            continue  # a run off the calendar's ends
        dates = [dt.date(year, month, day) for year, (month, day) in zip(years, days, strict=True)]
        low, high = min(dates), max(dates)
        distance = 0 if low <= ref <= high else min(abs((low - ref).days), abs((high - ref).days))
        if best is None or distance < best[0]:
            best = (distance, years)
    if best is None:
        return {}
    return {index: year for (index, _m, _d), year in zip(labels, best[1], strict=True)}


_RUN_LABELS = 2  # year-less labels that make a run read together


def _entry_line(
    text: str, mention: Mention, interval: Interval | None, ref: dt.date
) -> tuple[int, bool]:
    """Where the line a chronology's label opens ends, and whether its date is past."""
    line_end = text.find("\n", mention.end)
    # a day before the reference is past; a live blog's clock time of the reference day is not
    past = interval is not None and interval.end <= dt.datetime.combine(ref, dt.time())
    if past and _POST_LABEL.search(text, max(0, mention.start - 10), mention.start):
        # a forum post's "UPDATE 3/4: plumber is coming back Wednesday": the writer's own
        # present on the day of the update, no story told after it
        past = False
    return (line_end if line_end >= 0 else len(text)), past


_POST_LABEL = re.compile(r"(?i:edit(?:ed)?|update[d]?)[^\S\n]+$")


def _in_entry_line(
    entry_line: tuple[int, bool] | None, mention: Mention, *, entry: bool
) -> tuple[bool, bool]:
    """Is the mention in the statement of a chronology's line, and is that line's date past?"""
    if entry or entry_line is None or mention.start >= entry_line[0]:
        return False, False
    return True, entry_line[1]


@attrs.define
class _DatedLines:
    """The dated line or post the mentions being read are in, as the tagger goes on.

    A chronology's line ("Oct. 1 \u2014 ...", "EDIT 3/14: ...") runs to its line's end; a
    dated post ("kat_runs_far \u00b7 Sep 5", "On ..., Dana wrote:") to its span's end.
    """

    text: str
    scopes: dict[int, tuple[int, int]]  # a post header's place: the span of its post
    ref: dt.date
    entry_line: tuple[int, bool] | None = None  # a chronology line's end; is its date past?
    post: tuple[int, int, Anchor] | None = None  # a dated post's span and the day it gives

    def in_entry(self, mention: Mention, *, entry: bool) -> tuple[bool, bool]:
        """Is the mention in a chronology line's statement, and is that line's date past?"""
        return _in_entry_line(self.entry_line, mention, entry=entry)

    def post_day(self, mention: Mention, *, in_entry: bool) -> Anchor | None:
        """The day of the dated post a mention is in, which its deictic words count from.

        Not for a chronology's line within the post (its label's day counts), nor for a stamp
        ("UPDATE 10:40 a.m.:"), which is the reference day's as in any page.
        """
        post = self.post
        if post is None or in_entry or not post[0] <= mention.start < post[1]:
            return None
        if isinstance(mention, Relative) and mention.stamp:
            return None
        return post[2]

    def told(
        self,
        index: int,
        mention: Mention,
        told: tuple[Interval | None, int],
        *,
        entry: bool,
    ) -> None:
        """Note a resolved mention: a chronology's label, or a dated post's header."""
        interval, sentence = told
        if entry:
            self.entry_line = _entry_line(self.text, mention, interval, self.ref)
        if (scope := self.scopes.get(index)) is not None and interval is not None:
            # a post's header: its deictic words count from the header's day
            day = Anchor(interval.start.date(), "day", sentence, explicit=True)
            self.post = (*scope, day)


def _as_entry(resolved: Resolved) -> Resolved:
    """The resolved label of a chronology's line, whose date the next year-less entries take."""
    if resolved.provides is None:
        return resolved
    return attrs.evolve(resolved, provides=attrs.evolve(resolved.provides, entry=True))


_FUTURE_WORD = re.compile(r"[A-Za-z']+")


def _historical(text: str, line: int, start: int, future: frozenset[str]) -> Tense | None:
    """The tense of a past chronology entry's statement: the historical present is past.

    "Feb. 11 \u2014 The board sets up a hotline, which takes 4,000 calls in seven days": the
    entry tells what happened then. Only a word of the future ("will", "expects") keeps a
    plan ahead; ``None`` then.
    """
    words = (word.lower() for word in _FUTURE_WORD.findall(text, line, start))
    return None if any(word in future for word in words) else Tense.PAST


def _split_at_lines(
    text: str, mentions: list[Mention], sentences: Sentences, date_order: str
) -> list[Mention]:
    """Mentions that run over a line break ending a sentence, read again line by line.

    In a chronology each line is a statement: "2006" above "Feb. 3 \u2014 Brennan is
    suspended" is a header and an entry, not one date, and "ordered to shut at 11 p.m." ends
    its line before "March 23 \u2014 A stay-at-home order takes effect".
    """
    out: list[Mention] = []
    for mention in mentions:
        number = sentences.index(mention.start)
        cut = sentences.bounds(number)[1]
        if cut >= mention.end or "\n" not in text[mention.start : cut]:
            if not out or mention.start >= out[-1].end:
                out.append(mention)
            continue
        line = sentences.bounds(number)[0]
        for part in (line, cut):
            end = sentences.bounds(sentences.index(part))[1]
            for found in recognizer().mentions(text[part:end], date_order):
                moved = attrs.evolve(found, start=found.start + part, end=found.end + part)
                inside = mention.start <= moved.start < mention.end
                if inside and (not out or moved.start >= out[-1].end):
                    out.append(moved)
    return out


_BC_JOIN = re.compile(r",?\s+(?:of\s+)?")


def _join_bc_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join a day, month or season to the year before Christ after it ("15 March 44 BC").

    A TIMEX3 value writes no day, month or season before Christ, so the whole phrase ("the
    spring of 218 BC") takes the year's value rather than leaving "15 March" to be read as
    this year's.
    """
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            isinstance(mention, Fixed)
            and mention.value.startswith("BC")
            and len(mention.value) == len("BC0044")
            and isinstance(last, Calendar)
            and last.year is None
            and (last.month is not None or last.season is not None)
            and _BC_JOIN.fullmatch(text, last.end, mention.start)
        ):
            joined[-1] = attrs.evolve(mention, start=last.start)
            continue
        joined.append(mention)
    return joined


def _deictic_day(mention: Mention) -> bool:
    """Is the mention "today", "tonight", "tomorrow" or "yesterday", which a weekday may join?

    "Highs near 100 [today] and [Saturday]": the pair stays on one side of now, as "Friday
    and Saturday" does.
    """
    return (
        isinstance(mention, Relative)
        and mention.unit == "day"
        and mention.offset in (-1, 0, 1)
        and mention.origin is Origin.REFERENCE
        and not mention.stamp
    )


def _range_start(
    text: str, previous: tuple[int, int, dt.date] | None, start: int, *, pair: bool = False
) -> tuple[dt.date, bool] | None:
    """The first date of a range whose end begins at ``start`` ("from May 30 to [June 2]").

    With ``pair`` (two weekdays), "and" and "or" also join them: "[Friday] and [Saturday]";
    the flag returned with the date says the two are so joined rather than a range.
    """
    if previous is None:
        return None
    first_start, first_end, first_day = previous
    connector = _CONNECTOR.fullmatch(text, first_end, start)
    if connector is None:
        return None
    word = connector.group(1).lower()
    opener = _OPENER.search(text, max(0, first_start - 16), first_start)
    # "due April 15, June 16, Sept. 15 and [Jan. 15]": a list of dates goes on in order
    listed = _LISTED.search(text, max(0, first_start - 3), first_start) is not None
    if (pair or listed or text[start : start + 1].isdigit()) and word in ("and", "or"):
        return first_day, True  # "Nov. 22 and [23]": the second day takes the first's year
    if word == "or" or (word == "and" and not (opener and opener.group(1).lower() == "between")):
        return None  # "in May and in June" is no range
    slashes = word == "to" and all(
        _SLASH_DAY.match(text, at) for at in (first_start, start)
    )  # "OOO 12/18 to 1/2": numeric dates either side of "to" are a range's ends
    if word in ("to", "into") and opener is None and not (pair and word == "into") and not slashes:
        return None  # "moved from Tuesday to [Friday]" is a range; "wrote to [Monday]'s" is not
    return first_day, False


_AHEAD_OF = re.compile(r"\b(?:ahead of|in advance of|in the run-up to)\b", re.IGNORECASE)
_AHEAD_REACH = 80  # characters between the two mentions


def _ahead_of(
    text: str, previous: tuple[int, int, dt.date] | None, start: int, bounds: tuple[int, int]
) -> tuple[dt.date, bool] | None:
    """The day a weekday or a year-less day comes after: "on Monday ahead of [Tuesday]'s caucuses".

    What happens "ahead of" a day happens before it, so the weekday is the first one after
    the date just mentioned in the same sentence, whatever the clause's tense, and a month's
    day the first one on or after it ("passed the budget today, a month ahead of the [April
    1] deadline").
    """
    if previous is None or previous[1] < bounds[0] or start - previous[1] > _AHEAD_REACH:
        return None
    if _AHEAD_OF.search(text, previous[1], start) is None:
        return None
    return previous[2], False


def timex_day(day: dt.date) -> str:
    """The TIMEX3 value of one day."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
