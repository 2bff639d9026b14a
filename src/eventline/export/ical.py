"""iCalendar (RFC 5545) export of a timeline, built with the ``icalendar`` library.

``to_ical(timeline)`` returns an :class:`IcalExport`: the ``.ics`` bytes (``.data``), the ids
of the events it holds (``.exported``) and the events left out with the reason
(``.left_out``). docs/export.md describes the mapping; in short:

* day-grain times are all-day events (``DTSTART;VALUE=DATE``, exclusive ``DTEND``); clock
  times (hour, minute, second) keep their time, floating unless ``tz`` is given;
* coarser times (weekend, week, month, quarter, season, half, year, ...) are all-day spans
  marked ``TRANSP:TRANSPARENT``; every event carries its grain in ``CATEGORIES``;
* a set as the event's time ("every Monday") becomes a recurring event (``RRULE``);
* durations, fuzzy references, unanchored sets, sets that recur several times per period
  ("twice a week", freq ``2X``) and (with ``max_grain``) coarse times are left out and
  reported;
* the output is deterministic: ``UID`` hashes the source and the event id, ``DTSTAMP`` is the
  reference date at midnight UTC.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import re
import urllib.parse
import zoneinfo
from collections import Counter
from collections.abc import Iterable
from typing import Final

import attrs
import icalendar

from eventline import timex
from eventline.errors import InvalidOptionError
from eventline.export._recurrence import Recurrence, recurrence_of
from eventline.model import Event, EventStatus, Grain, Interval, Timeline, TimexType

__all__ = ["IcalExport", "LeftOut", "LeftOutReason", "to_ical"]

PRODID: Final = "-//eventline//eventline//EN"
UID_DOMAIN: Final = "eventline"
_CLOCK_GRAINS: Final = frozenset({Grain.SECOND, Grain.MINUTE, Grain.HOUR})
_BUSY_GRAINS: Final = frozenset({*_CLOCK_GRAINS, Grain.PART_OF_DAY, Grain.DAY})
_STATUS: Final = {
    EventStatus.HAPPENED: "CONFIRMED",
    EventStatus.ONGOING: "CONFIRMED",
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.HYPOTHETICAL: "TENTATIVE",
}
# RFC 5545 3.3.11: TEXT may hold no control characters but HTAB (LF is written as \n); and
# icalendar drops a byte order mark (U+FEFF) that starts a value, so none is kept anywhere.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")
_URL_SAFE: Final = "!#$%&'()*+,/:;=?@[]~"  # reserved and already-escaped characters stay
_ONCE: Final = "1X"  # the TIMEX3 freq of a set that recurs once per period, as without one


class LeftOutReason(enum.StrEnum):
    """Why an event is not in the calendar."""

    DURATION = "pure duration"
    UNDATED = "no place on the calendar"
    UNANCHORED_SET = "recurrence without a calendar anchor"
    SEVERAL_PER_PERIOD = "recurrence more than once per period"
    TOO_COARSE = "coarser than max_grain"


@attrs.frozen
class LeftOut:
    """An event that is not in the calendar, and why."""

    event_id: str
    reason: LeftOutReason


@attrs.frozen
class IcalExport:
    """The result of :func:`to_ical`: the ``.ics`` bytes and what was left out.

    ``bytes(export)`` is ``export.data``. ``exported`` lists the ids of the events in the
    calendar in its order; ``left_out`` the others, in timeline order (dated, then undated).
    """

    data: bytes
    exported: tuple[str, ...]
    left_out: tuple[LeftOut, ...]

    def __bytes__(self) -> bytes:
        return self.data

    @property
    def left_out_counts(self) -> dict[LeftOutReason, int]:
        """How many events were left out for each reason (reasons that occur only)."""
        return dict(Counter(item.reason for item in self.left_out))


@attrs.frozen
class _Placed:
    """An event with the stretch of time, grain and recurrence rule it is exported with."""

    event: Event
    interval: Interval
    grain: Grain
    rule: tuple[tuple[str, str | int], ...] = ()


def to_ical(
    timeline: Timeline,
    *,
    source: str | None = None,
    url: str | None = None,
    tz: str | None = None,
    max_grain: Grain | str | None = None,
) -> IcalExport:
    """Export ``timeline`` as an iCalendar calendar.

    Args:
        timeline: the events to export; dated events first, then undated ones (only those
            timed by a recurring set can be placed).
        source: what the timeline was read from (a URL, a file name, an article id). It goes
            into every ``UID``, so give the same source when exporting an updated version of a
            text: calendars then update its events instead of duplicating them. Defaults to
            ``url``.
        url: the address of the text, written as every event's ``URL``.
        tz: an IANA time zone name ("Europe/Paris"): clock times are written in it, with its
            ``VTIMEZONE``. Without it they are floating (local wherever the calendar is read).
        max_grain: leave out events whose time is coarser than this grain ("month" keeps
            months, weeks and days but not quarters or years).

    Raises:
        InvalidOptionError: ``tz`` is not a known time zone or ``max_grain`` not a grain.
    """
    limit = _grain_option(max_grain)
    zone = _zone_option(tz)
    reference = timeline.reference.date
    placed: list[_Placed] = []
    left_out: list[LeftOut] = []
    for event in (*timeline.events, *timeline.undated):
        outcome = _place(event, reference, limit)
        if isinstance(outcome, LeftOut):
            left_out.append(outcome)
        else:
            placed.append(outcome)
    calendar = _calendar(placed, reference, source if source is not None else url, url, zone)
    return IcalExport(
        data=calendar.to_ical(),
        exported=tuple(item.event.id for item in placed),
        left_out=tuple(left_out),
    )


# ----------------------------------------------------------------------------- options


def _grain_option(max_grain: Grain | str | None) -> Grain | None:
    if max_grain is None or isinstance(max_grain, Grain):
        return max_grain
    try:
        return Grain(max_grain)
    except ValueError:
        raise InvalidOptionError("max_grain", max_grain, tuple(Grain)) from None


def _zone_option(tz: str | None) -> zoneinfo.ZoneInfo | None:
    if tz is None:
        return None
    try:
        return zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        valid = ("an IANA time zone name such as 'Europe/Paris' or 'UTC'",)
        raise InvalidOptionError("tz", tz, valid) from None


# ----------------------------------------------------------------------------- placing


def _place(event: Event, reference: dt.date, limit: Grain | None) -> _Placed | LeftOut:
    """Where ``event`` goes on the calendar, or why it can't go there."""
    when = event.when
    if when.type is TimexType.DURATION:
        return LeftOut(event.id, LeftOutReason.DURATION)
    if when.type is TimexType.SET:
        if when.freq not in (None, _ONCE):  # "twice a week": a weekly RRULE would claim once
            return LeftOut(event.id, LeftOutReason.SEVERAL_PER_PERIOD)
        recurrence = recurrence_of(when.value, reference)
        if recurrence is None:
            return LeftOut(event.id, LeftOutReason.UNANCHORED_SET)
        return _within(limit, _recurring(event, recurrence))
    if when.interval is None:
        return LeftOut(event.id, LeftOutReason.UNDATED)
    grain = when.grain or _grain_of(when.value)
    return _within(limit, _Placed(event, when.interval, grain))


def _recurring(event: Event, recurrence: Recurrence) -> _Placed:
    return _Placed(event, recurrence.first, recurrence.grain, recurrence.rule)


def _within(limit: Grain | None, placed: _Placed) -> _Placed | LeftOut:
    if limit is not None and placed.grain.rank > limit.rank:
        return LeftOut(placed.event.id, LeftOutReason.TOO_COARSE)
    return placed


def _grain_of(value: str) -> Grain:
    try:
        return timex.grain_of(value) or Grain.DAY
    except ValueError:
        return Grain.DAY


# ----------------------------------------------------------------------------- writing


def _calendar(
    placed: Iterable[_Placed],
    reference: dt.date,
    source: str | None,
    url: str | None,
    zone: zoneinfo.ZoneInfo | None,
) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    placed = list(placed)
    if zone is not None:
        calendar.add_component(_vtimezone(zone.key, placed, reference))
    stamp = dt.datetime.combine(reference, dt.time(), tzinfo=dt.UTC)
    for item in placed:
        calendar.add_component(_vevent(item, stamp, source, url, zone))
    return calendar


def _vtimezone(key: str, placed: list[_Placed], reference: dt.date) -> icalendar.Timezone:
    """The time zone's rules over the years of the calendar's events (and reference date)."""
    years = [reference.year, *(item.interval.start.year for item in placed)]
    years += [item.interval.end.year for item in placed]
    first = dt.date(max(min(years), 1), 1, 1)
    last = dt.date(min(max(years) + 1, 9999), 1, 1)
    return icalendar.Timezone.from_tzid(key, first_date=first, last_date=last)


def _vevent(
    item: _Placed,
    stamp: dt.datetime,
    source: str | None,
    url: str | None,
    zone: zoneinfo.ZoneInfo | None,
) -> icalendar.Event:
    event = item.event
    vevent = icalendar.Event()
    vevent.add("uid", uid(event.id, source))
    vevent.add("dtstamp", stamp)
    start, end = _bounds(item, zone)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    if item.rule:
        vevent.add("rrule", dict(item.rule))
    vevent.add("summary", clean_text(event.title))
    vevent.add("description", _description(event))
    if event.location:
        vevent.add("location", clean_text(event.location))
    vevent.add("categories", [item.grain.value])
    vevent.add("status", _STATUS[event.status])
    vevent.add("transp", "OPAQUE" if item.grain in _BUSY_GRAINS else "TRANSPARENT")
    if url is not None:
        vevent.add("url", clean_url(url))
    return vevent


def _bounds(
    item: _Placed, zone: zoneinfo.ZoneInfo | None
) -> tuple[dt.date, dt.date] | tuple[dt.datetime, dt.datetime]:
    """``DTSTART`` and ``DTEND``: datetimes for clock times, else the days spanned."""
    start, end = item.interval.start, item.interval.end
    if item.grain in _CLOCK_GRAINS:
        return start.replace(tzinfo=zone), end.replace(tzinfo=zone)
    last = end.date() if end.time() == dt.time() else end.date() + dt.timedelta(days=1)
    return start.date(), max(last, start.date() + dt.timedelta(days=1))


def _description(event: Event) -> str:
    """The source sentence, then the attribution (each cleaned before they are joined)."""
    if event.attribution:
        return f"{clean_text(event.sentence)}\n\nAttribution: {clean_text(event.attribution)}"
    return clean_text(event.sentence)


def uid(event_id: str, source: str | None) -> str:
    """The ``UID`` of an event: a hash of the source and the event id, stable across runs."""
    key = f"{source or ''}\x00{event_id}".encode()
    return f"{hashlib.sha256(key).hexdigest()[:32]}@{UID_DOMAIN}"


def clean_text(text: str) -> str:
    r"""``text`` as iCalendar TEXT may hold it: line ends as LF, no other control characters.

    Byte order marks (U+FEFF) are dropped too, and a literal backslash-N is a line break, as
    icalendar writes it (RFC 5545 reads ``\N`` in TEXT as one).

    Escaping (``\n``, ``\;``, ``\,``, ``\\``) and line folding are icalendar's job.
    """
    text = text.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def clean_url(url: str) -> str:
    """``url`` as a URI value: spaces, controls and non-ASCII characters percent-encoded."""
    return urllib.parse.quote(url, safe=_URL_SAFE)
