"""eventline.export.timeml: TimeML read back by eventline.evaluate and scored against itself."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventline
from eventline import timex
from eventline.evaluate import Counts, parse_timeml, read_timeml, score
from eventline.export import to_timeml
from eventline.export.timeml import clean_xml_text
from eventline.model import (
    Event,
    EventStatus,
    ReferenceDate,
    ReferenceSource,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
    Trigger,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "blinken-china-visit-2024-04.txt"
REFERENCE = ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.GIVEN)

HOSTILE = [
    "<b>bold</b> & <i>",
    "a &amp; b &lt; c &#65; &unknown;",
    "]]> and <![CDATA[ x ]]>",
    "He said \"no\" and 'yes'.",
    '<TIMEX3 tid="t9" type="DATE" value="1999">fake</TIMEX3></TEXT></TimeML>',
    "<!-- comment --> <?pi data?> <!DOCTYPE x [<!ENTITY a 'b'>]>",
    "nul\x00 bell\x07 escape\x1b[31m vertical\x0b form\x0c",
    "windows\r\nline\rends\n",
    "lone surrogate \udc80 and \ud800 and U+FFFE \ufffe U+FFFF \uffff",
    "C1 \x85 DEL \x7f line sep \u2028 emoji 😀 日本語",
    "tab\tand trailing spaces   ",
]


def counts(document: str, name: str, expressions: Sequence[TimeExpression]) -> Counts:
    """Score the TimeML ``document`` (as gold) against ``expressions``."""
    return score([parse_timeml(document, name=name)], {name: tuple(expressions)}).total


def assert_perfect(total: Counts, expected: int) -> None:
    assert total.gold == total.predicted == total.strict == expected
    if expected:
        assert total.strict_f1 == 1.0
        assert total.value_accuracy == 1.0
        assert total.type_accuracy == 1.0


def expression(span: Span, text: str, value: str = "2024-04-22") -> TimeExpression:
    """A day-grain DATE expression at ``span`` of ``text``."""
    return TimeExpression(
        span,
        text[span.start : span.end],
        TimexType.DATE,
        value,
        grain=timex.grain_of(value),
        interval=timex.interval_of(value),
    )


def event(text: str, trigger: Span, when: TimeExpression, event_id: str = "e") -> Event:
    """A happened event with ``trigger`` dated by ``when``; the whole text is its sentence."""
    return Event(
        id=event_id,
        title="title",
        trigger=Trigger(trigger, text[trigger.start : trigger.end]),
        when=when,
        sentence=text,
        span=Span(0, len(text)),
        status=EventStatus.HAPPENED,
    )


def hostile_document(noise: str) -> tuple[str, Timeline, list[TimeExpression]]:
    """A text with ``noise`` around and between one time expression and one trigger."""
    text = f"{noise}Leaders met{noise} on Monday{noise}, {noise}"
    met = text.index("met")
    monday = text.index("Monday")
    when = expression(Span(monday, monday + 6), text)
    timeline = Timeline((event(text, Span(met, met + 3), when),), (), REFERENCE)
    return text, timeline, [when]


# ----------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed() -> tuple[str, Timeline, tuple[TimeExpression, ...]]:
    text = SEED.read_text(encoding="utf-8")
    return text, eventline.extract(text, "2024-04-24"), eventline.tag(text, "2024-04-24")


def test_seed_round_trip_scores_one(
    seed: tuple[str, Timeline, tuple[TimeExpression, ...]],
) -> None:
    text, timeline, tagged = seed
    document = to_timeml(text, timeline, expressions=tagged, name="blinken")
    parsed = parse_timeml(document, name="blinken")
    assert parsed.text == text
    assert parsed.dct == "2024-04-24"
    assert_perfect(counts(document, "blinken", tagged), len(tagged))


def test_seed_default_expressions_are_the_events_times(
    seed: tuple[str, Timeline, tuple[TimeExpression, ...]],
) -> None:
    text, timeline, _ = seed
    times = {
        mention.when.span: mention.when
        for event in (*timeline.events, *timeline.undated)
        for mention in event.mentions
    }
    times.update({q.span: q for e in (*timeline.events, *timeline.undated) for q in e.qualifiers})
    document = to_timeml(text, timeline)
    assert_perfect(counts(document, "document", list(times.values())), len(times))


def test_seed_every_event_is_linked_to_its_time(
    seed: tuple[str, Timeline, tuple[TimeExpression, ...]],
) -> None:
    text, timeline, tagged = seed
    root = ET.fromstring(to_timeml(text, timeline, expressions=tagged))
    body = root.find("TEXT")
    assert body is not None
    timexes = {element.get("tid"): element for element in body.iter("TIMEX3")}
    events = {element.get("eid"): element for element in body.iter("EVENT")}
    instances = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    links = {link.get("eventInstanceID"): link for link in root.iter("TLINK")}
    mentions = [m for e in (*timeline.events, *timeline.undated) for m in e.mentions]
    assert len(events) == len(instances) == len(links) == len(mentions)
    assert set(instances.values()) == set(events)
    for eiid, link in links.items():
        assert link.get("relType") in {"IS_INCLUDED", "DURING"}
        trigger = events[instances[eiid]]
        time = timexes[link.get("relatedToTime")]
        assert any(
            m.trigger.text == trigger.text and m.when.value == time.get("value") for m in mentions
        )


def test_seed_output_is_deterministic(
    seed: tuple[str, Timeline, tuple[TimeExpression, ...]],
) -> None:
    text, timeline, tagged = seed
    first = to_timeml(text, timeline, expressions=tagged, name="blinken")
    assert to_timeml(text, timeline, expressions=list(tagged), name="blinken") == first
    again = eventline.extract(text, "2024-04-24")
    assert to_timeml(
        text, again, expressions=eventline.tag(text, "2024-04-24"), name="blinken"
    ) == (first)


def test_read_timeml_reads_the_file(
    tmp_path: Path, seed: tuple[str, Timeline, tuple[TimeExpression, ...]]
) -> None:
    text, timeline, tagged = seed
    path = tmp_path / "blinken.tml"
    path.write_bytes(to_timeml(text, timeline, expressions=tagged, name="blinken").encode())
    document = read_timeml(path)
    assert document.name == "blinken"
    assert document.text == text
    assert [t.value for t in document.timexes] == [t.value for t in tagged]


# ----------------------------------------------------------------------------- the shape


def test_document_shape() -> None:
    text, timeline, expressions = hostile_document("")
    document = to_timeml(text, timeline, name="doc-1")
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML ')
    root = ET.fromstring(document)
    assert [child.tag for child in root] == [
        "DOCID", "DCT", "TEXT", "MAKEINSTANCE", "TLINK",
    ]  # fmt: skip
    assert root.findtext("DOCID") == "doc-1"
    creation = root.find("DCT/TIMEX3")
    assert creation is not None
    assert creation.attrib == {
        "tid": "t0",
        "type": "DATE",
        "value": "2024-04-24",
        "functionInDocument": "CREATION_TIME",
    }
    assert creation.text == "2024-04-24"
    assert '<TEXT>Leaders <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on ' in document
    assert '<TIMEX3 tid="t1" type="DATE" value="2024-04-22">Monday</TIMEX3>' in document
    link = root.find("TLINK")
    assert link is not None
    assert link.attrib == {
        "lid": "l1",
        "relType": "IS_INCLUDED",
        "eventInstanceID": "ei1",
        "relatedToTime": "t1",
    }
    assert_perfect(counts(document, "d", expressions), 1)


def test_mod_and_duration_link() -> None:
    text = "Talks lasted less than a year."
    lasted = text.index("lasted")
    start = text.index("less")
    span = Span(start, start + len("less than a year"))
    when = TimeExpression(span, text[span.start : span.end], TimexType.DURATION, "P1Y", "LESS_THAN")
    timeline = Timeline((), (event(text, Span(lasted, lasted + 6), when),), REFERENCE)
    document = to_timeml(text, timeline)
    assert 'type="DURATION" value="P1Y" mod="LESS_THAN">less than a year</TIMEX3>' in document
    assert 'relType="DURING"' in document
    parsed = parse_timeml(document, name="d")
    assert parsed.timexes[0].mod == "LESS_THAN"


def test_set_freq_is_written_and_read_back() -> None:
    text = "The council meets twice a week and every Sunday."
    meets = text.index("meets")
    twice = Span(text.index("twice"), text.index(" and"))
    sunday = Span(text.index("every"), len(text) - 1)
    when = TimeExpression(twice, text[twice.start : twice.end], TimexType.SET, "P1W", freq="2X")
    every = TimeExpression(sunday, text[sunday.start : sunday.end], TimexType.SET, "XXXX-WXX-7")
    timeline = Timeline((), (event(text, Span(meets, meets + 5), when),), REFERENCE)
    document = to_timeml(text, timeline, expressions=[when, every])
    assert '<TIMEX3 tid="t1" type="SET" value="P1W" freq="2X">twice a week</TIMEX3>' in document
    assert '<TIMEX3 tid="t2" type="SET" value="XXXX-WXX-7">every Sunday</TIMEX3>' in document
    parsed = parse_timeml(document, name="d")
    assert [timex.freq for timex in parsed.timexes] == ["2X", None]


def test_tagged_freq_reaches_the_timeml() -> None:
    text = "The vaccine must be given three times a year."
    expressions = eventline.tag(text, REFERENCE.date)
    document = to_timeml(text, Timeline((), (), REFERENCE), expressions=expressions)
    assert 'value="P1Y" freq="3X">three times a year</TIMEX3>' in document


def test_event_without_mentions_uses_its_own_trigger_and_time() -> None:
    text, timeline, expressions = hostile_document("")
    assert not timeline.events[0].mentions
    document = to_timeml(text, timeline)
    assert '<EVENT eid="e1" class="OCCURRENCE">met</EVENT>' in document
    assert_perfect(counts(document, "d", expressions), 1)


def test_empty_timeline_gives_the_plain_text() -> None:
    text = "Nothing <here> & nothing there."
    document = to_timeml(text, Timeline((), (), REFERENCE))
    parsed = parse_timeml(document, name="d")
    assert parsed.text == text
    assert parsed.timexes == ()


# ----------------------------------------------------------------------------- overlaps


def test_overlapping_expressions_keep_the_earliest_longest() -> None:
    text = "on Monday morning, then"
    long = expression(Span(3, 17), text, "2024-04-22TMO")
    short = expression(Span(3, 9), text)
    later = expression(Span(10, 22), text)
    document = to_timeml(text, Timeline((), (), REFERENCE), expressions=[short, later, long])
    parsed = parse_timeml(document, name="d")
    assert [(t.span, t.value) for t in parsed.timexes] == [(Span(3, 17), "2024-04-22TMO")]


def test_trigger_inside_a_time_expression_is_not_tagged() -> None:
    text = "the summit day"
    when = expression(Span(4, 14), text)
    timeline = Timeline((event(text, Span(4, 10), when),), (), REFERENCE)
    document = to_timeml(text, timeline)
    root = ET.fromstring(document)
    assert root.find(".//EVENT") is None
    assert root.find("MAKEINSTANCE") is None
    assert root.find("TLINK") is None
    assert_perfect(counts(document, "d", [when]), 1)


def test_time_not_among_the_expressions_gets_no_link() -> None:
    text, timeline, _ = hostile_document("")
    document = to_timeml(text, timeline, expressions=[])
    root = ET.fromstring(document)
    assert root.find(".//EVENT") is not None
    assert root.find("MAKEINSTANCE") is not None
    assert root.find("TLINK") is None
    assert parse_timeml(document, name="d").timexes == ()


def test_shared_trigger_is_tagged_once() -> None:
    text, timeline, _ = hostile_document("")
    twice = Timeline(timeline.events * 2, timeline.events, REFERENCE)
    root = ET.fromstring(to_timeml(text, twice))
    assert len(list(root.iter("EVENT"))) == 1
    assert len(list(root.iter("TLINK"))) == 1


def test_empty_expression_is_left_out() -> None:
    text = "Monday"
    document = to_timeml(
        text, Timeline((), (), REFERENCE), expressions=[expression(Span(0, 0), text)]
    )
    assert parse_timeml(document, name="d").timexes == ()


def test_span_outside_the_text_is_an_error() -> None:
    text = "Monday"
    with pytest.raises(ValueError, match="outside the text"):
        to_timeml(
            text, Timeline((), (), REFERENCE), expressions=[expression(Span(10, 16), "x" * 20)]
        )


# ----------------------------------------------------------------------------- hostile text


@pytest.mark.parametrize("noise", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_stays_text(noise: str) -> None:
    text, timeline, expressions = hostile_document(noise)
    document = to_timeml(text, timeline, name=noise)
    parsed = parse_timeml(document, name="d")
    assert parsed.text == clean_xml_text(text)
    assert len(parsed.text) == len(text)
    assert [t.text for t in parsed.timexes] == ["Monday"]
    assert_perfect(counts(document, "d", expressions), 1)
    root = ET.fromstring(document)
    assert root.findtext("DOCID") == clean_xml_text(noise)
    assert [element.tag for element in root.iter()].count("TIMEX3") == 2  # the DCT and Monday
    document.encode("utf-8")  # always encodable, whatever surrogates the text held


@pytest.mark.parametrize("noise", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_inside_tags(noise: str) -> None:
    text = f"it happened on <{noise}> after {noise} or so"
    start = text.index("<")
    when = expression(Span(start, text.index(">", start + len(noise)) + 1), text, "2024-W17")
    trigger = Span(3, 11)  # "happened"
    timeline = Timeline((event(text, trigger, when),), (), REFERENCE)
    document = to_timeml(text, timeline)
    parsed = parse_timeml(document, name="d")
    assert parsed.text == clean_xml_text(text)
    assert parsed.timexes[0].text == clean_xml_text(when.text)
    assert_perfect(counts(document, "d", [when]), 1)


def test_forbidden_characters_become_replacement_characters() -> None:
    assert clean_xml_text("a\x00b\x1f\udc80\ufffe\uffff\t\n\r😀") == (
        "a\ufffdb\ufffd\ufffd\ufffd\ufffd\t\n\r😀"
    )


def test_hostile_attribute_values_are_cleaned_and_escaped() -> None:
    text = "Monday"
    odd = TimeExpression(
        Span(0, 6), text, TimexType.DATE, 'x"<&>\x00\r\n', "A\x01'", freq='2"\x00<X'
    )
    document = to_timeml(text, Timeline((), (), REFERENCE), expressions=[odd])
    found = parse_timeml(document, name="d").timexes[0]
    assert found.value == 'x"<&>\ufffd\r\n'
    assert found.mod == "A\ufffd'"
    assert found.freq == '2"\ufffd<X'


@st.composite
def tagged_texts(draw: st.DrawFn) -> tuple[str, list[TimeExpression]]:
    """Arbitrary text cut into pieces, every other piece a time expression."""
    pieces = draw(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=8))
    text, expressions = "", []
    for number, piece in enumerate(pieces):
        if number % 2:
            expressions.append(expression(Span(len(text), len(text) + len(piece)), text + piece))
        text += piece
    return text, expressions


@given(tagged_texts())
def test_any_text_round_trips(case: tuple[str, list[TimeExpression]]) -> None:
    text, expressions = case
    document = to_timeml(text, Timeline((), (), REFERENCE), expressions=expressions)
    parsed = parse_timeml(document, name="d")
    assert parsed.text == clean_xml_text(text)
    assert [t.span for t in parsed.timexes] == [e.span for e in expressions]
    assert_perfect(counts(document, "d", expressions), len(expressions))
