"""eventline.export.ical: the .ics output, read back by icalendar and by vobject."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from typing import Any

import attrs
import icalendar
import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from eventline import timex
from eventline.errors import InvalidOptionError
from eventline.export._recurrence import recurrence_of, rrule_of
from eventline.export.ical import (
    IcalExport,
    LeftOut,
    LeftOutReason,
    clean_text,
    clean_url,
    to_ical,
    uid,
)
from eventline.model import (
    Event,
    EventStatus,
    Grain,
    ReferenceDate,
    ReferenceSource,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
    Trigger,
)

REFERENCE = dt.date(2024, 4, 24)  # a Wednesday


def when(value: str, kind: TimexType | None = None) -> TimeExpression:
    """A time expression for ``value``, its grain and interval as eventline resolves them."""
    if kind is None:
        kind = TimexType.TIME if "T" in value and not value.startswith("P") else TimexType.DATE
    placed = kind in (TimexType.DATE, TimexType.TIME)
    return TimeExpression(
        span=Span(0, 4),
        text="when",
        type=kind,
        value=value,
        grain=timex.grain_of(value) if placed else None,
        interval=timex.interval_of(value) if placed else None,
    )


def event(
    event_id: str,
    value: str,
    kind: TimexType | None = None,
    *,
    title: str | None = None,
    sentence: str = "It happened.",
    status: EventStatus = EventStatus.HAPPENED,
    attribution: str | None = None,
    location: str | None = None,
) -> Event:
    return Event(
        id=event_id,
        title=title if title is not None else f"Event {event_id}",
        trigger=Trigger(Span(0, 2), "it"),
        when=when(value, kind),
        sentence=sentence,
        span=Span(0, len(sentence)),
        status=status,
        attribution=attribution,
        location=location,
    )


def timeline(*events: Event, undated: tuple[Event, ...] = ()) -> Timeline:
    return Timeline(
        events=events,
        undated=undated,
        reference=ReferenceDate(REFERENCE, ReferenceSource.GIVEN),
    )


SAMPLE = timeline(
    event("day", "2024-04-22", title="Summit in Paris"),
    event("clock", "2024-04-22T09:30", title="Press conference"),
    event("hour", "2024-04-23T14", title="Vote"),
    event("weekend", "2024-W17-WE", title="Protests"),
    event("month", "2024-05", title="Talks", status=EventStatus.PLANNED),
    event("quarter", "2024-Q3", title="Results", status=EventStatus.HYPOTHETICAL),
    event("year", "2023", title="Drought"),
    undated=(
        event("monday", "XXXX-WXX-1", TimexType.SET, title="Market"),
        event("weekly", "P1W", TimexType.SET, title="Fee adjusted"),
        event("lasting", "P3D", TimexType.DURATION, title="Strike"),
        event("past", "PAST_REF", title="Earlier talks"),
    ),
)


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    """The events of ``data`` read by icalendar, by summary."""
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)}


def vobject_events(data: bytes) -> dict[str, Any]:
    """The events of ``data`` read by vobject (an independent parser), by summary."""
    calendar = vobject.readOne(data.decode("utf-8"))
    return {e.summary.value: e for e in calendar.vevent_list}


# ----------------------------------------------------------------------------- dates


def test_day_is_all_day_with_exclusive_end() -> None:
    for read in (vevents, vobject_events):
        e = read(to_ical(SAMPLE).data)["Summit in Paris"]
        start, end = _value(e, "dtstart"), _value(e, "dtend")
        assert (start, end) == (dt.date(2024, 4, 22), dt.date(2024, 4, 23))
        assert not isinstance(start, dt.datetime)


def test_clock_times_are_floating_without_tz() -> None:
    for read in (vevents, vobject_events):
        events = read(to_ical(SAMPLE).data)
        press, vote = events["Press conference"], events["Vote"]
        assert _value(press, "dtstart") == dt.datetime(2024, 4, 22, 9, 30)
        assert _value(press, "dtend") == dt.datetime(2024, 4, 22, 9, 31)
        assert _value(vote, "dtstart") == dt.datetime(2024, 4, 23, 14)
        assert _value(vote, "dtend") == dt.datetime(2024, 4, 23, 15)


def test_clock_times_carry_the_time_zone_with_its_vtimezone() -> None:
    data = to_ical(SAMPLE, tz="Europe/Paris").data
    assert b"DTSTART;TZID=Europe/Paris:20240422T093000" in data
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    calendar = icalendar.Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    for read in (vevents, vobject_events):
        start = _value(read(data)["Press conference"], "dtstart")
        assert start.utcoffset() == dt.timedelta(hours=2)  # summer time in Paris
        assert start == dt.datetime(2024, 4, 22, 9, 30, tzinfo=paris)
        assert _value(read(data)["Summit in Paris"], "dtstart") == dt.date(2024, 4, 22)


def test_no_vtimezone_without_tz() -> None:
    assert b"VTIMEZONE" not in to_ical(SAMPLE).data


def test_coarse_grains_are_transparent_spans_labelled_with_their_grain() -> None:
    events = vevents(to_ical(SAMPLE).data)
    expected = {
        "Protests": (dt.date(2024, 4, 27), dt.date(2024, 4, 29), "weekend"),
        "Talks": (dt.date(2024, 5, 1), dt.date(2024, 6, 1), "month"),
        "Results": (dt.date(2024, 7, 1), dt.date(2024, 10, 1), "quarter"),
        "Drought": (dt.date(2023, 1, 1), dt.date(2024, 1, 1), "year"),
    }
    for title, (start, end, grain) in expected.items():
        e = events[title]
        assert (_value(e, "dtstart"), _value(e, "dtend")) == (start, end)
        assert e["TRANSP"] == "TRANSPARENT"
        assert e.categories == [grain]
    assert events["Summit in Paris"]["TRANSP"] == "OPAQUE"
    assert events["Summit in Paris"].categories == ["day"]


def test_a_multi_day_range_spans_its_days() -> None:
    # A night runs from 21:00 to 05:00: a part of day is exported as the days it touches.
    night = event("night", "2024-04-22TNI", title="Raid")
    e = vevents(to_ical(timeline(night)).data)["Raid"]
    assert (_value(e, "dtstart"), _value(e, "dtend")) == (
        dt.date(2024, 4, 22),
        dt.date(2024, 4, 24),
    )


def test_max_grain_leaves_out_coarser_events() -> None:
    result = to_ical(SAMPLE, max_grain=Grain.MONTH)
    assert set(vevents(result.data)) >= {"Talks", "Protests", "Summit in Paris"}
    assert "Results" not in vevents(result.data)
    assert LeftOut("quarter", LeftOutReason.TOO_COARSE) in result.left_out
    assert LeftOut("year", LeftOutReason.TOO_COARSE) in result.left_out
    assert to_ical(SAMPLE, max_grain="month") == result


def test_invalid_options_are_reported_with_the_valid_choices() -> None:
    with pytest.raises(InvalidOptionError, match=r"max_grain.*month"):
        to_ical(SAMPLE, max_grain="fortnight")
    with pytest.raises(InvalidOptionError, match=r"tz.*IANA"):
        to_ical(SAMPLE, tz="Mars/Olympus_Mons")
    with pytest.raises(InvalidOptionError, match="tz"):
        to_ical(SAMPLE, tz="../../etc/passwd")


# ----------------------------------------------------------------------------- left out


def test_left_out_events_are_reported_with_their_reason() -> None:
    result = to_ical(SAMPLE)
    assert result.left_out == (
        LeftOut("weekly", LeftOutReason.UNANCHORED_SET),
        LeftOut("lasting", LeftOutReason.DURATION),
        LeftOut("past", LeftOutReason.UNDATED),
    )
    assert result.left_out_counts == {
        LeftOutReason.UNANCHORED_SET: 1,
        LeftOutReason.DURATION: 1,
        LeftOutReason.UNDATED: 1,
    }
    assert result.exported == (
        "day", "clock", "hour", "weekend", "month", "quarter", "year", "monday"
    )  # fmt: skip
    assert len(vevents(result.data)) == len(result.exported)
    assert bytes(result) == result.data


def _with_freq(item: Event, freq: str | None) -> Event:
    return attrs.evolve(item, when=attrs.evolve(item.when, freq=freq))


def test_sets_recurring_several_times_per_period_are_left_out() -> None:
    twice_daily = _with_freq(event("twice-daily", "P1D", TimexType.SET), "2X")
    twice_weekly = _with_freq(event("twice-weekly", "P1W", TimexType.SET), "2X")
    twice_mondays = _with_freq(event("twice-mondays", "XXXX-WXX-1", TimexType.SET), "3X")
    daily = event("daily", "P1D", TimexType.SET)
    once_daily = _with_freq(event("once-daily", "P1D", TimexType.SET), "1X")
    result = to_ical(
        timeline(undated=(twice_daily, twice_weekly, twice_mondays, daily, once_daily))
    )
    assert result.left_out == (
        LeftOut("twice-daily", LeftOutReason.SEVERAL_PER_PERIOD),
        LeftOut("twice-weekly", LeftOutReason.SEVERAL_PER_PERIOD),
        LeftOut("twice-mondays", LeftOutReason.SEVERAL_PER_PERIOD),
    )
    assert result.left_out_counts == {LeftOutReason.SEVERAL_PER_PERIOD: 3}
    # freq 1X is the same as no freq: a daily rule, starting on the reference date
    assert result.exported == ("daily", "once-daily")
    rules = [e["RRULE"] for e in vevents(result.data).values()]
    assert rules == [icalendar.vRecur({"FREQ": "DAILY"})] * 2


def test_freq_on_a_date_does_not_leave_it_out() -> None:
    # Only sets recur: a freq on anything else (TBAQ has a few on DATEs) changes nothing.
    dated = _with_freq(event("dated", "2024-04-22"), "2X")
    assert to_ical(timeline(dated)).exported == ("dated",)


def test_placeholder_dates_are_left_out_as_undated() -> None:
    vague = event("vague", "1998-XX-XX", title="Some day in 1998")
    assert to_ical(timeline(undated=(vague,))).left_out == (
        LeftOut("vague", LeftOutReason.UNDATED),
    )


# ----------------------------------------------------------------------------- recurrence


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("XXXX-WXX-1", "FREQ=WEEKLY;BYDAY=MO"),
        ("XXXX-WXX-7", "FREQ=WEEKLY;BYDAY=SU"),
        ("XXXX-WXX-1TNI", "FREQ=WEEKLY;BYDAY=MO"),
        ("XXXX-XX-XXTMO", "FREQ=DAILY"),
        ("XXXX-07", "FREQ=YEARLY;BYMONTH=7"),
        ("XXXX-07-04", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=4"),
        ("XXXX-XX-15", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("XXXX-SP", "FREQ=YEARLY"),
        ("P1D", "FREQ=DAILY"),
        ("P1W", "FREQ=WEEKLY"),
        ("P2W", "FREQ=WEEKLY;INTERVAL=2"),
        ("P1M", "FREQ=MONTHLY"),
        ("P1Q", "FREQ=MONTHLY;INTERVAL=3"),
        ("P1Y", "FREQ=YEARLY"),
        ("P10Y", "FREQ=YEARLY;INTERVAL=10"),
        ("PT1H", "FREQ=HOURLY"),
        ("PT1M", "FREQ=MINUTELY"),
    ],
)
def test_set_values_map_to_rrules(value: str, rule: str) -> None:
    parts = rrule_of(value)
    assert parts is not None
    assert ";".join(f"{key}={val}" for key, val in parts) == rule
    assert icalendar.vRecur.from_ical(rule) == icalendar.vRecur(dict(parts))


@pytest.mark.parametrize("value", ["PXY", "P1Y6M", "1998-XX-XX", "2024-04-22", "PAST_REF", "?"])
def test_values_without_a_rule(value: str) -> None:
    assert rrule_of(value) is None


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("XXXX-WXX-1", dt.date(2024, 4, 29), dt.date(2024, 4, 30)),
        ("XXXX-WXX-3", dt.date(2024, 4, 24), dt.date(2024, 4, 25)),  # the reference day
        ("XXXX-XX-XXTNI", dt.date(2024, 4, 24), dt.date(2024, 4, 25)),
        ("P1D", dt.date(2024, 4, 24), dt.date(2024, 4, 25)),
        ("XXXX-04", dt.date(2024, 4, 1), dt.date(2024, 5, 1)),  # still going on
        ("XXXX-03", dt.date(2025, 3, 1), dt.date(2025, 4, 1)),
        ("XXXX-WI", dt.date(2024, 12, 1), dt.date(2025, 3, 1)),
        ("XXXX-02-29", dt.date(2028, 2, 29), dt.date(2028, 3, 1)),
        ("XXXX-XX-31", dt.date(2024, 5, 31), dt.date(2024, 6, 1)),
    ],
)
def test_first_occurrence_is_not_over_by_the_reference_date(
    value: str, start: dt.date, end: dt.date
) -> None:
    recurrence = recurrence_of(value, REFERENCE)
    assert recurrence is not None
    assert (recurrence.first.start.date(), recurrence.first.end.date()) == (start, end)


@pytest.mark.parametrize("value", ["P1W", "P1M", "P1Y", "PT1H", "PXY"])
def test_periods_other_than_days_have_no_anchor(value: str) -> None:
    assert recurrence_of(value, REFERENCE) is None


def test_recurring_event_reads_back_with_its_rrule() -> None:
    yearly = event("july", "XXXX-07", TimexType.SET, title="Pilgrimage")
    data = to_ical(timeline(undated=(SAMPLE.undated[0], yearly))).data
    market = vevents(data)["Market"]
    assert _value(market, "dtstart") == dt.date(2024, 4, 29)
    assert market["RRULE"] == icalendar.vRecur({"FREQ": "WEEKLY", "BYDAY": "MO"})
    again = vobject_events(data)
    assert list(itertools.islice(again["Market"].rruleset, 2)) == [
        dt.datetime(2024, 4, 29),
        dt.datetime(2024, 5, 6),
    ]
    assert list(itertools.islice(again["Pilgrimage"].rruleset, 2)) == [
        dt.datetime(2024, 7, 1),
        dt.datetime(2025, 7, 1),
    ]
    pilgrimage = vevents(data)["Pilgrimage"]
    assert pilgrimage["TRANSP"] == "TRANSPARENT"
    assert _value(pilgrimage, "dtend") == dt.date(2024, 8, 1)


# ----------------------------------------------------------------------------- properties


def test_text_properties() -> None:
    said = event(
        "said",
        "2024-04-22",
        title="Summit",
        sentence="Leaders met on Monday.",
        attribution="Reuters",
        location="Paris",
    )
    result = to_ical(timeline(said), url="https://example.org/news/1")
    for read in (vevents, vobject_events):
        e = read(result.data)["Summit"]
        assert str(_value(e, "description")) == "Leaders met on Monday.\n\nAttribution: Reuters"
        assert str(_value(e, "location")) == "Paris"
        assert str(_value(e, "url")) == "https://example.org/news/1"
    calendar = icalendar.Calendar.from_ical(result.data)
    assert str(calendar["PRODID"]) == "-//eventline//eventline//EN"
    assert str(calendar["VERSION"]) == "2.0"


def test_no_url_property_without_a_url() -> None:
    assert b"URL" not in to_ical(SAMPLE).data


def test_status_mapping() -> None:
    events = vevents(to_ical(SAMPLE).data)
    assert events["Summit in Paris"]["STATUS"] == "CONFIRMED"
    assert events["Talks"]["STATUS"] == "TENTATIVE"  # planned
    assert events["Results"]["STATUS"] == "TENTATIVE"  # hypothetical


# ----------------------------------------------------------------------------- determinism


def test_same_input_same_bytes() -> None:
    first = to_ical(SAMPLE, source="a.txt", url="https://example.org/a", tz="Europe/Paris")
    again = to_ical(SAMPLE, source="a.txt", url="https://example.org/a", tz="Europe/Paris")
    assert first.data == again.data
    assert b"DTSTAMP:20240424T000000Z" in first.data  # the reference date, not the clock


def test_uid_depends_on_source_and_event_id_only() -> None:
    old = vevents(to_ical(SAMPLE, source="a.txt").data)
    # An updated article: a title changed, an event added; the same events keep their UIDs.
    changed = event("day", "2024-04-22", title="Summit in Paris ends")
    updated = timeline(changed, *SAMPLE.events[1:], event("new", "2024-04-25", title="New"))
    new = vevents(to_ical(updated, source="a.txt").data)
    assert new["Summit in Paris ends"]["UID"] == old["Summit in Paris"]["UID"]
    assert new["Vote"]["UID"] == old["Vote"]["UID"]
    other = vevents(to_ical(SAMPLE, source="b.txt").data)
    assert other["Vote"]["UID"] != old["Vote"]["UID"]
    assert old["Vote"]["UID"] == uid("hour", "a.txt")
    assert len({str(e["UID"]) for e in old.values()}) == len(old)


def test_source_defaults_to_url() -> None:
    by_url = to_ical(SAMPLE, url="https://example.org/a").data
    assert (
        by_url == to_ical(SAMPLE, url="https://example.org/a", source="https://example.org/a").data
    )


def test_a_timeline_without_events_is_a_valid_calendar() -> None:
    result = to_ical(timeline())
    assert result == IcalExport(result.data, (), ())
    assert icalendar.Calendar.from_ical(result.data).walk("VEVENT") == []
    assert vobject.readOne(result.data.decode()).name == "VCALENDAR"


# ----------------------------------------------------------------------------- safe output

HOSTILE = [
    "line\nbreak",
    "windows\r\nline\rbreaks",
    "semi;colon, comma\\backslash",
    "END:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT",
    "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR",
    "a very long line " * 40,
    "non-ASCII: Zürich, Ελλάδα, 東京, emoji 🗓️ " * 5,
    "control\x00chars\x07and\x1bescape\x7f",
    "tab\tstays",
    "\ufeffbyte order mark, \x85next line, \u2028line and \u2029paragraph separators",
    "\\n is not a line break; \\, \\; \\\\",
    "\\N is one in iCalendar TEXT (RFC 5545), so it is written as a line break",
    ":colon: DTSTART:20000101",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_stays_in_its_property(text: str) -> None:
    _check_round_trip(text)


@given(st.text(max_size=200))
def test_any_text_stays_in_its_property(text: str) -> None:
    _check_round_trip(text)


def _check_round_trip(text: str) -> None:
    hostile = event("x", "2024-04-22", title=text, sentence=text, attribution=text, location=text)
    plain = event("y", "2024-04-23", title="plain")
    data = to_ical(timeline(hostile, plain), url="https://example.org/?q=" + text).data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded
    expected = clean_text(text)
    calendar = icalendar.Calendar.from_ical(data)
    found = calendar.walk("VEVENT")
    assert len(found) == 2
    assert str(found[0]["SUMMARY"]) == expected
    attributed = f"{expected}\n\nAttribution: {expected}" if text else ""
    assert str(found[0]["DESCRIPTION"]) == attributed
    assert str(found[0].get("LOCATION", "")) == expected
    assert str(found[0]["URL"]) == clean_url("https://example.org/?q=" + text)
    assert str(found[1]["SUMMARY"]) == "plain"
    again = vobject.readOne(data.decode("utf-8")).vevent_list
    assert len(again) == 2
    assert again[0].summary.value == expected
    assert again[0].description.value == attributed
    assert again[0].dtstart.value == dt.date(2024, 4, 22)
    assert again[1].summary.value == "plain"


def test_clean_text_keeps_printable_text() -> None:
    assert clean_text("\ufeffa\r\nb\rc\x00d\te") == "a\nb\ncd\te"


def test_clean_url_encodes_what_cannot_be_in_a_uri() -> None:
    assert clean_url("https://ex.org/a b\r\nc?x=é") == "https://ex.org/a%20b%0D%0Ac?x=%C3%A9"
    assert clean_url("https://ex.org/a%20b?x=1&y=2#top") == "https://ex.org/a%20b?x=1&y=2#top"


def _value(component: Any, name: str) -> Any:
    """A property's value from either parser's component."""
    if isinstance(component, icalendar.Component):
        prop = component[name.upper()]
        return prop.dt if hasattr(prop, "dt") else prop
    return getattr(component, name).value
