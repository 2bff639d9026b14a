"""TimelineJS JSON and the HTML page: grain-keeping dates, structure, and hostile text.

Every HTML check parses the page with the standard library's html.parser (tests/htmltree.py):
hostile article text must come back as the very same text, inside the element it belongs to,
and never as markup (no script or img element but the page's own).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import eventline
from eventline import timex
from eventline.export import load_json, to_html, to_timelinejs
from eventline.export._axis import axis_over
from eventline.export._display import value_label
from eventline.export._html_assets import SCRIPT
from eventline.model import (
    Event,
    EventStatus,
    Grain,
    Interval,
    ReferenceDate,
    ReferenceSource,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
    Trigger,
)
from tests.htmltree import Node, parse
from tests.sets import club_event, club_timeline
from tests.strategies_events import timelines

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "blinken-china-visit-2024-04.txt"
REFERENCE = ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.GIVEN)

# Every element the page may contain; anything else came from the article.
ALLOWED_TAGS = frozenset(
    [
        "#document",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "time",
        "details",
        "summary",
        "ul",
        "li",
        "span",
        "main",
        "section",
        "div",
        "fieldset",
        "legend",
        "label",
        "input",
        "button",
        "ol",
        "br",
        "blockquote",
        "mark",
        "code",
        "footer",
        "script",
    ]
)

HOSTILE = {
    "script": '</script><script>alert("x")</script><!--',
    "img": '<img src=x onerror="alert(1)">',
    "quotes": "He said \"stop\" and 'go' `now`",
    "ampersands": "AT&T &amp; &lt;b&gt; &#60;",
    "line breaks": "one\ntwo\r\nthree\tfour",
    "comment and cdata": "<!-- x --> <![CDATA[ y ]]> --!>",
    "attribute breakout": '" onmouseover="alert(1)" x="',
    "style": "</style><style>body{display:none}</style>",
    "separators": "a\u2028b\u2029c",
    "non-ascii": "Zürich – 東京 😀",
}


@cache
def seed_timeline() -> Timeline:
    return eventline.extract(SEED.read_text(encoding="utf-8"), reference="2024-04-24")


def _event(
    value: str,
    *,
    title: str = "Summit",
    sentence: str | None = None,
    status: EventStatus = EventStatus.HAPPENED,
    event_id: str = "e1",
    text: str = "then",
    type_: TimexType = TimexType.DATE,
    mod: str | None = None,
) -> Event:
    placed = type_ in (TimexType.DATE, TimexType.TIME) and timex.is_valid(value)
    sentence = sentence if sentence is not None else f"{title} happened {text}."
    when = TimeExpression(
        Span(0, len(text)),
        text,
        type_,
        value,
        mod=mod,
        grain=timex.grain_of(value) if placed else None,
        interval=timex.interval_of(value) if placed else None,
    )
    return Event(
        event_id, title, Trigger(Span(0, 1), "x"), when, sentence, Span(0, len(sentence)), status
    )


def _timeline(*events: Event, undated: tuple[Event, ...] = ()) -> Timeline:
    return Timeline(events=events, undated=undated, reference=REFERENCE)


# ----------------------------------------------------------------------------- TimelineJS


def _slides(timeline: Timeline) -> list[dict[str, Any]]:
    document = json.loads(to_timelinejs(timeline))
    slides: list[dict[str, Any]] = document["events"]
    return slides


@pytest.mark.parametrize(
    ("value", "start", "end", "display"),
    [
        ("2024-04-22", {"year": 2024, "month": 4, "day": 22}, None, None),
        ("2024-04", {"year": 2024, "month": 4}, None, None),
        ("2023", {"year": 2023}, None, None),
        (
            "2024-04-22T09:30",
            {"year": 2024, "month": 4, "day": 22, "hour": 9, "minute": 30},
            None,
            None,
        ),
        ("2024-04-22T14", {"year": 2024, "month": 4, "day": 22, "hour": 14}, None, None),
        (
            "2024-W16",
            {"year": 2024, "month": 4, "day": 15},
            {"year": 2024, "month": 4, "day": 21},
            "2024-W16",
        ),
        (
            "2024-W16-WE",
            {"year": 2024, "month": 4, "day": 20},
            {"year": 2024, "month": 4, "day": 21},
            "weekend of 20 April 2024",
        ),
        ("2023-Q3", {"year": 2023, "month": 7}, {"year": 2023, "month": 9}, "Q3 2023"),
        ("2023-SU", {"year": 2023, "month": 6}, {"year": 2023, "month": 8}, "summer 2023"),
        ("2023-WI", {"year": 2023, "month": 12}, {"year": 2024, "month": 2}, "winter 2023/24"),
        ("2024-H2", {"year": 2024, "month": 7}, {"year": 2024, "month": 12}, "H2 2024"),
        ("199", {"year": 1990}, {"year": 1999}, "1990s"),
        ("19", {"year": 1900}, {"year": 1999}, "20th century"),
        (
            "2024-04-22TMO",
            {"year": 2024, "month": 4, "day": 22, "hour": 5},
            {"year": 2024, "month": 4, "day": 22, "hour": 11},
            "22 April 2024, morning",
        ),
    ],
)
def test_timelinejs_dates_keep_their_grain(
    value: str, start: dict[str, int], end: dict[str, int] | None, display: str | None
) -> None:
    (slide,) = _slides(_timeline(_event(value)))
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide.get("display_date") == display


def test_timelinejs_mod_goes_into_the_display_date() -> None:
    (slide,) = _slides(_timeline(_event("2024-04", mod="START")))
    assert slide["start_date"] == {"year": 2024, "month": 4}
    assert slide["display_date"] == "early April 2024"


def test_timelinejs_shows_a_sets_freq() -> None:
    club = club_event()
    week = attrs.evolve(club.when, grain=Grain.WEEK, interval=timex.interval_of("2024-W17"))
    (slide,) = _slides(_timeline(attrs.evolve(club, when=week)))
    assert "“twice a week” = P1W 2X" in slide["text"]["text"]


def test_timelinejs_seed_document() -> None:
    timeline = seed_timeline()
    output = to_timelinejs(timeline, title="Blinken in China")
    document = json.loads(output)
    assert set(document) == {"title", "events", "scale"}
    assert document["title"]["text"]["headline"] == "Blinken in China"
    assert f"{len(timeline.undated)} undated events" in document["title"]["text"]["text"]
    slides = document["events"]
    assert [html.unescape(s["text"]["headline"]) for s in slides] == [
        e.title for e in timeline.events
    ]
    assert [s["group"] for s in slides].count("planned") == 1
    ids = [s["unique_id"] for s in slides]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    week = next(s for s in slides if s.get("display_date") == "2024-W16")
    assert week["end_date"] == {"year": 2024, "month": 4, "day": 21}
    assert output == to_timelinejs(timeline, title="Blinken in China")  # deterministic


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_timelinejs_escapes_article_text(text: str) -> None:
    event = _event("2024-04-22", title=text, sentence=text, event_id=text)
    output = to_timelinejs(_timeline(event), title=text)
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in output
    document = json.loads(output)
    (slide,) = document["events"]
    assert slide["text"]["headline"] == html.escape(text)
    assert document["title"]["text"]["headline"] == html.escape(text)
    assert f"<p>{html.escape(text)}</p>" in slide["text"]["text"]
    # The HTML TimelineJS renders holds the text as text: only our own tags in it.
    assert parse(slide["text"]["text"]).by_tag("p")[0].text() == text
    assert {n.tag for n in parse(slide["text"]["text"]).iter()} == {"#document", "p", "small"}
    assert re.fullmatch(r"event-[0-9a-f]{16}", slide["unique_id"])


def test_timelinejs_leaves_out_undated_events() -> None:
    timeline = _timeline(
        _event("2024-04-22"), undated=(_event("PAST_REF", event_id="e2", text="recently"),)
    )
    document = json.loads(to_timelinejs(timeline))
    assert len(document["events"]) == 1
    assert "1 undated event " in document["title"]["text"]["text"]


@settings(max_examples=50)
@given(timelines)
def test_timelinejs_any_timeline_is_valid_json(timeline: Timeline) -> None:
    output = to_timelinejs(timeline)
    output.encode("utf-8")
    document = json.loads(output)
    dated = [e for e in timeline.events if e.when.interval is not None]
    assert len(document["events"]) == len(dated)
    for slide in document["events"]:
        assert set(slide["start_date"]) <= {"year", "month", "day", "hour", "minute", "second"}
        assert "<" not in slide["text"]["headline"]
        tags = {node.tag for node in parse(slide["text"]["text"]).iter()}
        assert tags == {"#document", "p", "small"}


# ----------------------------------------------------------------------------- HTML


def _page(timeline: Timeline, title: str | None = None) -> Node:
    return parse(to_html(timeline, title=title))


def _check_only_our_markup(page: Node) -> None:
    tags = {node.tag for node in page.iter()}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    scripts = page.by_tag("script")
    assert [s.attrs for s in scripts] == [
        {"type": "application/json", "id": "eventline-data"},
        {},
    ]
    assert scripts[1].text() == SCRIPT
    assert len(page.by_tag("style")) == 1
    for node in page.iter():
        assert not any(name.startswith("on") for name in node.attrs), node
        assert "src" not in node.attrs
        assert "href" not in node.attrs


def _embedded(page: Node) -> Timeline:
    return load_json(page.by_id("eventline-data").text())


def test_seed_page_structure() -> None:
    timeline = seed_timeline()
    page = _page(timeline, "Blinken in China")
    _check_only_our_markup(page)
    (root,) = page.by_tag("html")
    assert root.attrs["lang"] == "en"
    assert [h.text() for h in page.by_tag("h1")] == ["Blinken in China"]
    assert page.by_tag("title")[0].text() == "Blinken in China"
    assert [h.text() for h in page.by_tag("h2")] == ["On the calendar", "Not on the calendar"]
    rows = page.by_class("event")
    assert len(rows) == len(timeline.events) + len(timeline.undated)
    for row, event in zip(rows, [*timeline.events, *timeline.undated], strict=True):
        assert row.by_tag("h3")[0].text() == event.title
        assert row.attrs["data-status"] == event.status.value
        badges = [b.text() for b in row.by_class("badge")]
        assert event.status.value in badges
        (sentence,) = row.by_class("sentence")
        assert sentence.text() == event.sentence
        assert sentence.attrs == {"class": "sentence"}
        assert row.by_tag("details")[0].attrs.get("open") is None  # on demand
        if event.when.grain is not None and event in timeline.events:
            assert event.when.grain.value in badges
            (bar,) = row.by_class("bar")
            assert re.fullmatch(r"left:[0-9.]+%;width:[0-9.]+%", bar.attrs["style"] or "")
    assert _embedded(page) == timeline


def test_seed_page_dates_and_marks() -> None:
    page = _page(seed_timeline())
    dates = [d.text() for d in page.by_class("date")]
    assert dates == [
        "2023",
        "9 May 2023",
        "19 June 2023",
        "November 2023",
        "early April 2024",
        "14 April 2024",
        "2024-W16",
        "22 April 2024",
        "23 April 2024",
        "20 May 2024",
    ]
    times = {t.text(): t.attrs.get("datetime") for t in page.by_tag("time")}
    assert times["November 2023"] == "2023-11"
    assert times["2024-W16"] == "2024-W16"
    assert times["20 May 2024"] == "2024-05-20"
    marks = {(m.attrs["class"], m.text()) for m in page.by_tag("mark")}
    assert ("time", "last November") in marks
    assert ("trigger", "summit") in marks


def test_bars_are_placed_proportionally_in_order() -> None:
    timeline = _timeline(
        _event("2024-01", event_id="a"),
        _event("2024-03-01", event_id="b"),
        _event("2024-06", event_id="c"),
    )
    page = _page(timeline)
    lefts = [
        float(re.findall(r"left:([0-9.]+)%", b.attrs["style"] or "")[0])
        for b in page.by_class("bar")
        if "swatch" not in (b.attrs["class"] or "")
    ]
    assert lefts == sorted(lefts)
    assert lefts[0] == 0.0
    assert page.by_class("reference-mark")[0].text() == "24 Apr 2024 (reference)"


def test_page_works_without_javascript() -> None:
    page = _page(seed_timeline())
    # Controls that need the script start hidden; everything else is plain markup.
    assert "hidden" in page.by_id("filters").attrs
    assert all(d.tag == "details" for d in page.by_class("source"))
    assert page.by_tag("noscript") == []


def test_page_is_self_contained_and_deterministic() -> None:
    output = to_html(seed_timeline())
    assert output == to_html(seed_timeline())
    assert "http://" not in output
    assert "https://" not in output
    assert "url(" not in output
    assert "@import" not in output


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_stays_text(text: str) -> None:
    event = Event(
        id=text,
        title=text,
        trigger=Trigger(Span(0, len(text)), text),
        when=TimeExpression(
            Span(0, len(text)),
            text,
            TimexType.DATE,
            "2024-04-22",
            grain=timex.grain_of("2024-04-22"),
            interval=timex.interval_of("2024-04-22"),
        ),
        sentence=text,
        span=Span(0, len(text)),
        status=EventStatus.PLANNED,
        attribution=text,
        participants=(text, text),
        location=text,
    )
    undated = _undated_twin(event)
    reference = ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.INFERRED, (text,))
    timeline = Timeline(events=(event,), undated=(undated,), reference=reference)
    page = _page(timeline, title=text)
    _check_only_our_markup(page)
    assert page.by_tag("title")[0].text() == text
    assert page.by_tag("h1")[0].text() == text
    assert [h.text() for h in page.by_tag("h3")] == [text, text]
    assert [s.text() for s in page.by_class("sentence")] == [text, text]
    ids = [n.attrs["id"] for n in page.by_class("event")]
    assert re.fullmatch(r"event-[0-9a-f]{16}", ids[0] or "")
    assert ids[1] == "event-u1"
    facts = page.by_class("facts")[0].text()
    assert f"according to {text}" in facts
    assert f"in {text}" in facts
    assert text in page.by_class("summary")[0].text()
    assert _embedded(page) == timeline


def _undated_twin(event: Event) -> Event:
    when = TimeExpression(Span(0, 1), event.when.text, TimexType.DATE, "PAST_REF")
    return Event(
        "u1", event.title, event.trigger, when, event.sentence, event.span, EventStatus.HAPPENED
    )


def test_control_characters_and_lone_surrogates_are_replaced() -> None:
    text = "nul\x00 esc\x1b[2J c1\x9b bad\udcff"
    output = to_html(_timeline(_event("2024-04-22", title=text, sentence=text)))
    output.encode("utf-8")
    page = parse(output)
    assert page.by_tag("h3")[0].text() == "nul\ufffd esc\ufffd[2J c1\ufffd bad\ufffd"
    assert _embedded(page).events[0].title == text  # the data keeps the text exactly


def test_page_shows_a_sets_freq() -> None:
    page = _page(club_timeline())
    _check_only_our_markup(page)
    (row,) = page.by_class("event")
    assert row.by_tag("h3")[0].text() == "The club meets"
    assert [code.text() for code in row.by_tag("code")] == ["P1W 2X"]
    assert "“twice a week” P1W 2X" in row.by_class("facts")[0].text()


@pytest.mark.parametrize(
    ("value", "mod", "freq", "shown", "with_mod"),
    [
        ("P1W", None, "2X", "P1W 2X", "P1W 2X"),
        ("P1Y", None, "3X", "P1Y 3X", "P1Y 3X"),
        ("XXXX-WXX-7", None, None, "XXXX-WXX-7", "XXXX-WXX-7"),
        ("2024-04", "START", None, "2024-04", "2024-04 (START)"),
        ("P1W", "APPROX", "2X", "P1W 2X", "P1W (APPROX) 2X"),
    ],
)
def test_value_label(
    value: str, mod: str | None, freq: str | None, shown: str, with_mod: str
) -> None:
    when = TimeExpression(Span(0, 4), "then", TimexType.SET, value, mod=mod, freq=freq)
    assert value_label(when) == shown
    assert value_label(when, mod=True) == with_mod


def test_empty_timeline() -> None:
    page = _page(_timeline())
    _check_only_our_markup(page)
    assert "No event could be placed" in page.by_class("empty")[0].text()
    assert page.by_class("event") == []


@settings(max_examples=50, deadline=None)
@given(timelines)
def test_any_timeline_gives_a_well_formed_page(timeline: Timeline) -> None:
    output = to_html(timeline, title="t")
    output.encode("utf-8")
    page = parse(output)
    _check_only_our_markup(page)
    assert len(page.by_class("event")) == len(timeline.events) + len(timeline.undated)
    assert _embedded(page) == timeline


@pytest.mark.parametrize("years", [1, 2, 3, 4, 5, 6, 7])
@pytest.mark.parametrize("offset", [0, 40, 200, 330])
def test_axis_covers_spans_of_every_length_in_years(years: int, offset: int) -> None:
    # spans of four to six years once found no month step and raised StopIteration
    start = dt.datetime(1985, 1, 1) + dt.timedelta(days=offset)
    for extra in range(0, 366, 61):
        end = start + dt.timedelta(days=365 * years - 180 + extra)
        axis = axis_over([Interval(start, end)], start.date())
        assert axis.start <= start
        assert axis.end >= end
        assert len(axis.ticks) >= 2
