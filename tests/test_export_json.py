"""JSON export: exact round trip, schema validity, determinism, safe escaping, typed errors."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventline.export
from eventline.errors import EventlineError
from eventline.export import InvalidTimelineJSONError, load_json, to_json, to_jsonl
from eventline.export.json import FORMAT, SCHEMA_FILE, VERSION, timeline_schema
from eventline.model import (
    Event,
    EventMention,
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
from tests.strategies_events import timelines

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = jsonschema.Draft202012Validator(timeline_schema())

TEXT = "The summit was held on April 22, 2024, for two days."


def _timex(value: str = "2024-04-22") -> TimeExpression:
    return TimeExpression(
        span=Span(23, 37),
        text="April 22, 2024",
        type=TimexType.DATE,
        value=value,
        grain=Grain.DAY,
        interval=Interval(dt.datetime(2024, 4, 22), dt.datetime(2024, 4, 23)),
    )


def _event(text: str = "summit") -> Event:
    trigger = Trigger(Span(4, 10), text)
    when = _timex()
    return Event(
        id="e1",
        title=f"{text} held",
        trigger=trigger,
        when=when,
        sentence=TEXT,
        span=Span(0, len(TEXT)),
        status=EventStatus.HAPPENED,
        participants=("leaders",),
        mentions=(EventMention(Span(0, len(TEXT)), trigger, when),),
        qualifiers=(TimeExpression(Span(43, 51), "two days", TimexType.DURATION, "P2D"),),
    )


def _timeline(*events: Event) -> Timeline:
    return Timeline(
        events=events,
        undated=(),
        reference=ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.GIVEN),
    )


def _validate(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    VALIDATOR.validate(document)
    return document


# ----------------------------------------------------------------------------- round trip


@given(timelines)
def test_round_trip_is_exact_and_schema_valid(timeline: Timeline) -> None:
    text = to_json(timeline)
    _validate(text)
    assert load_json(text) == timeline
    assert to_json(load_json(text)) == text  # byte-identical after a round trip


@given(timelines, st.none() | st.text(), st.none() | st.integers(0, 8))
def test_every_indent_and_source_round_trips(
    timeline: Timeline, source: str | None, indent: int | None
) -> None:
    text = to_json(timeline, source=source, indent=indent)
    assert _validate(text)["source"] == source
    assert load_json(text) == timeline
    text.encode("utf-8")  # always encodable, whatever the article contained


@settings(max_examples=50)  # each example validates up to three documents
@given(st.lists(timelines, max_size=3))
def test_jsonl_has_one_valid_document_per_line(many: list[Timeline]) -> None:
    sources = [f"doc-{i}.txt" for i in range(len(many))]
    text = to_jsonl(many, sources=sources)
    lines = text.splitlines()  # splits at U+2028, U+0085, \x1c... too: none may be raw
    assert len(lines) == len(many)
    assert text == "".join(line + "\n" for line in lines)
    for line, timeline, source in zip(lines, many, sources, strict=True):
        assert _validate(line)["source"] == source
        assert load_json(line) == timeline


def test_jsonl_without_sources_and_mismatched_sources() -> None:
    timeline = _timeline(_event())
    text = to_jsonl(iter([timeline, timeline]))
    assert [json.loads(line)["source"] for line in text.splitlines()] == [None, None]
    assert to_jsonl([]) == ""
    with pytest.raises(ValueError, match="2 timelines but 1 sources"):
        to_jsonl([timeline, timeline], sources=["only-one"])


def test_same_timeline_gives_byte_identical_json() -> None:
    first = to_json(_timeline(_event()), source="a.txt")
    second = to_json(_timeline(_event()), source="a.txt")
    assert first == second
    assert first.endswith("}\n")


# ----------------------------------------------------------------------------- layout


def test_layout_version_2() -> None:
    document = _validate(to_json(_timeline(_event()), source="https://example.org/a"))
    assert list(document) == ["format", "version", "source", "reference", "events", "undated"]
    assert document["format"] == FORMAT == "eventline.timeline"
    assert document["version"] == VERSION == 2
    assert document["source"] == "https://example.org/a"
    assert document["reference"] == {"date": "2024-04-24", "source": "given", "evidence": []}
    assert document["undated"] == []
    when = {
        "span": {"start": 23, "end": 37},
        "text": "April 22, 2024",
        "type": "DATE",
        "value": "2024-04-22",
        "mod": None,
        "freq": None,
        "grain": "day",
        "interval": {"start": "2024-04-22T00:00:00", "end": "2024-04-23T00:00:00"},
        "anchor": None,
    }
    trigger = {"span": {"start": 4, "end": 10}, "text": "summit"}
    assert document["events"] == [
        {
            "id": "e1",
            "title": "summit held",
            "status": "happened",
            "trigger": trigger,
            "when": when,
            "sentence": TEXT,
            "span": {"start": 0, "end": len(TEXT)},
            "attribution": None,
            "participants": ["leaders"],
            "location": None,
            "mentions": [
                {"span": {"start": 0, "end": len(TEXT)}, "trigger": trigger, "when": when}
            ],
            "qualifiers": [
                {
                    "span": {"start": 43, "end": 51},
                    "text": "two days",
                    "type": "DURATION",
                    "value": "P2D",
                    "mod": None,
                    "freq": None,
                    "grain": None,
                    "interval": None,
                    "anchor": None,
                }
            ],
        }
    ]


def test_set_freq_is_written_and_read_back() -> None:
    twice = TimeExpression(Span(43, 55), "twice a week", TimexType.SET, "P1W", freq="2X")
    timeline = _timeline(attrs.evolve(_event(), qualifiers=(twice,)))
    text = to_json(timeline)
    (qualifier,) = _validate(text)["events"][0]["qualifiers"]
    assert list(qualifier) == [
        "span",
        "text",
        "type",
        "value",
        "mod",
        "freq",
        "grain",
        "interval",
        "anchor",
    ]
    assert list(qualifier) == list(timeline_schema()["$defs"]["timex"]["properties"])
    assert (qualifier["type"], qualifier["value"], qualifier["freq"]) == ("SET", "P1W", "2X")
    assert load_json(text).events[0].qualifiers == (twice,)


def _as_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` as layout version 1 wrote it: no ``freq`` in any time expression."""
    for event in document["events"] + document["undated"]:
        for timex in [event["when"], *event["qualifiers"]]:
            del timex["freq"]
        for mention in event["mentions"]:
            del mention["when"]["freq"]
    return {**document, "version": 1}


def test_version_1_documents_are_read_without_freq() -> None:
    timeline = _timeline(_event())
    old = _as_version_1(json.loads(to_json(timeline)))
    assert "freq" not in json.dumps(old)
    assert load_json(json.dumps(old)) == timeline


@given(timelines)
def test_version_1_documents_of_any_timeline_read_back_all_but_freq(timeline: Timeline) -> None:
    old = _as_version_1(json.loads(to_json(timeline)))
    without_freq = Timeline(
        events=tuple(_without_freq(event) for event in timeline.events),
        undated=tuple(_without_freq(event) for event in timeline.undated),
        reference=timeline.reference,
    )
    assert load_json(json.dumps(old)) == without_freq


def _without_freq(event: Event) -> Event:
    return attrs.evolve(
        event,
        when=attrs.evolve(event.when, freq=None),
        mentions=tuple(
            attrs.evolve(mention, when=attrs.evolve(mention.when, freq=None))
            for mention in event.mentions
        ),
        qualifiers=tuple(attrs.evolve(q, freq=None) for q in event.qualifiers),
    )


def test_a_version_1_document_may_not_hold_a_freq() -> None:
    old = _as_version_1(_valid())
    old["events"][0]["when"]["freq"] = "2X"
    with pytest.raises(InvalidTimelineJSONError) as caught:
        load_json(json.dumps(old))
    assert caught.value.path == "$.events[0].when"
    assert "unexpected member(s) freq" in caught.value.reason


def _dated_between(start: dt.datetime, end: dt.datetime) -> Event:
    return attrs.evolve(_event(), when=attrs.evolve(_timex(), interval=Interval(start, end)))


def test_intervals_keep_microseconds() -> None:
    timeline = _timeline(_dated_between(dt.datetime(2024, 4, 22, 9, 30, 0, 5), dt.datetime.max))
    text = to_json(timeline)
    assert '"start": "2024-04-22T09:30:00.000005"' in text
    assert '"end": "9999-12-31T23:59:59.999999"' in text
    assert load_json(text) == timeline


def test_aware_intervals_and_datetime_references_are_refused() -> None:
    aware = dt.datetime(2024, 4, 22, tzinfo=dt.UTC)
    event = _dated_between(aware, aware + dt.timedelta(days=1))
    with pytest.raises(ValueError, match="time zone"):
        to_json(_timeline(event))
    reference = ReferenceDate(dt.datetime(2024, 4, 24, 12), ReferenceSource.INFERRED)
    with pytest.raises(ValueError, match="not a datetime"):
        to_json(Timeline((), (), reference))


# ----------------------------------------------------------------------------- safe output

HOSTILE = {
    "quotes": "He said \"stop\" and 'go'",
    "backslashes": "C:\\new\\table \\u0041 \\",
    "newlines": "one\ntwo\r\nthree\rfour",
    "script": '</script><script>alert("x")</script><!--',
    "html": "<b>bold</b> & <i>co</i> &amp;",
    "line separators": "a\u2028b\u2029c\u0085d",
    "nul and controls": "nul\x00bel\x07esc\x1b[2Jdel\x7fcsi\x9b",
    "json lookalike": '"}],"version":2,"x":{"',
    "non-ascii": "Zürich – 東京 😀",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("indent", [2, None], ids=["indented", "compact"])
def test_hostile_text_stays_in_its_field(text: str, indent: int | None) -> None:
    event = _event(text)
    timeline = Timeline(
        events=(event,),
        undated=(),
        reference=ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.INFERRED, (text,)),
    )
    output = to_json(timeline, source=text, indent=indent)
    document = _validate(output)
    assert document["source"] == text
    assert document["events"][0]["trigger"]["text"] == text
    assert document["reference"]["evidence"] == [text]
    assert load_json(output) == timeline
    for unsafe in ("</", "<", ">", "&", "\x00", "\u2028", "\u2029", "\u0085", "\x1b", "\x9b"):
        assert unsafe not in output
    if indent is None:
        assert output.count("\n") == 1  # the final newline only
        assert len(output.splitlines()) == 1


def test_non_ascii_is_written_as_is() -> None:
    output = to_json(_timeline(_event("Zürich 😀")))
    assert "Zürich 😀" in output


def test_lone_surrogates_are_escaped_and_read_back() -> None:
    text = "bad byte \udcff here \ud800"
    output = to_json(_timeline(_event(text)), indent=None)
    output.encode("utf-8")
    assert "\\udcff" in output
    assert "\\ud800" in output
    assert load_json(output).events[0].trigger.text == text


def test_adjacent_surrogate_halves_are_joined_as_json_reads_them() -> None:
    # Documented limitation: JSON has no way to tell a lone high + lone low surrogate from the
    # pair that encodes one character; readers (Python's included) join them.
    output = to_json(_timeline(_event("\ud83d\ude00")))
    assert load_json(output).events[0].trigger.text == "😀"


# ----------------------------------------------------------------------------- errors


def _valid() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(to_json(_timeline(_event())))
    return document


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


def _drop(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


_E0 = ("events", 0)
MUTATIONS: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "format": (_set(("format",), "timeline"), "$.format", "expected 'eventline.timeline'"),
    "version 3": (_set(("version",), 3), "$.version", "reads versions 1 and 2, got 3"),
    "version 0": (_set(("version",), 0), "$.version", "reads versions 1 and 2, got 0"),
    "version true": (_set(("version",), True), "$.version", "got True"),
    "version string": (_set(("version",), "1"), "$.version", "got '1'"),
    "missing member": (_drop(("undated",)), "$", "missing member(s) undated"),
    "unknown member": (_set(("extra",), 1), "$", "unexpected member(s) extra"),
    "source number": (_set(("source",), 3), "$.source", "expected a string, got the number 3"),
    "reference date": (
        _set(("reference", "date"), "24/04/2024"),
        "$.reference.date",
        "expected a date YYYY-MM-DD",
    ),
    "reference month 13": (
        _set(("reference", "date"), "2024-13-01"),
        "$.reference.date",
        "got '2024-13-01'",
    ),
    "reference source": (
        _set(("reference", "source"), "guessed"),
        "$.reference.source",
        "expected one of given, inferred; got 'guessed'",
    ),
    "evidence item": (
        _set(("reference", "evidence"), [1]),
        "$.reference.evidence[0]",
        "expected a string",
    ),
    "events object": (_set(("events",), {}), "$.events", "expected an array, got an object"),
    "event status": (
        _set((*_E0, "status"), "done"),
        "$.events[0].status",
        "expected one of happened, ongoing, planned, hypothetical; got 'done'",
    ),
    "negative offset": (
        _set((*_E0, "span", "start"), -1),
        "$.events[0].span.start",
        "expected a non-negative integer, got the number -1",
    ),
    "float offset": (
        _set((*_E0, "trigger", "span", "end"), 10.0),
        "$.events[0].trigger.span.end",
        "got the number 10.0",
    ),
    "boolean offset": (
        _set((*_E0, "span", "end"), True),
        "$.events[0].span.end",
        "got a boolean",
    ),
    "span backwards": (
        _set((*_E0, "trigger", "span"), {"start": 9, "end": 3}),
        "$.events[0].trigger.span",
        "start 9 is after end 3",
    ),
    "timex type": (
        _set((*_E0, "when", "type"), "date"),
        "$.events[0].when.type",
        "expected one of DATE, TIME, DURATION, SET; got 'date'",
    ),
    "grain": (
        _set((*_E0, "when", "grain"), "fortnight"),
        "$.events[0].when.grain",
        "expected one of second, minute",
    ),
    "aware interval": (
        _set((*_E0, "when", "interval", "start"), "2024-04-22T00:00:00+02:00"),
        "$.events[0].when.interval.start",
        "expected a date and time YYYY-MM-DDTHH:MM:SS[.ffffff]",
    ),
    "empty interval": (
        _set((*_E0, "when", "interval", "end"), "2024-04-22T00:00:00"),
        "$.events[0].when.interval",
        "is not before end",
    ),
    "mention when": (
        _set((*_E0, "mentions", 0, "when"), None),
        "$.events[0].mentions[0].when",
        "expected an object, got null",
    ),
    "freq number": (
        _set((*_E0, "when", "freq"), 2),
        "$.events[0].when.freq",
        "expected a string, got the number 2",
    ),
    "missing freq": (
        _drop((*_E0, "qualifiers", 0, "freq")),
        "$.events[0].qualifiers[0]",
        "missing member(s) freq",
    ),
    "qualifier mod": (
        _set((*_E0, "qualifiers", 0, "mod"), ["START"]),
        "$.events[0].qualifiers[0].mod",
        "expected a string, got an array",
    ),
    "participants": (
        _set((*_E0, "participants"), "leaders"),
        "$.events[0].participants",
        "expected an array, got a string",
    ),
}


# What JSON Schema cannot say: 10.0 is an integer to it, and it cannot compare two members.
BEYOND_THE_SCHEMA = {"float offset", "span backwards", "empty interval"}


@pytest.mark.parametrize("name", MUTATIONS)
def test_bad_documents_raise_a_typed_error_naming_the_member(name: str) -> None:
    mutate, path, reason = MUTATIONS[name]
    document = _valid()
    mutate(document)
    with pytest.raises(InvalidTimelineJSONError) as caught:
        load_json(json.dumps(document))
    error = caught.value
    assert isinstance(error, EventlineError)
    assert isinstance(error, ValueError)
    assert error.path == path
    assert reason in error.reason
    assert str(error).startswith(f"invalid eventline timeline JSON at {path}: ")
    # The schema rejects what the loader rejects, as far as a schema can.
    assert VALIDATOR.is_valid(document) == (name in BEYOND_THE_SCHEMA)


BAD_TEXTS = {
    "empty": ("", "not JSON"),
    "truncated": (to_json(_timeline(_event()))[:-10], "not JSON"),
    "array": ("[]", "expected an object, got an array"),
    "NaN": ('{"version": NaN}', "NaN is not a JSON number"),
    "duplicate key": ('{"format": 1, "format": 2}', "duplicate key 'format'"),
    "deep nesting": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
}


@pytest.mark.parametrize(("text", "reason"), BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_bad_texts_raise_a_typed_error(text: str, reason: str) -> None:
    with pytest.raises(InvalidTimelineJSONError, match=reason) as caught:
        load_json(text)
    assert caught.value.path == "$"


def test_load_json_reads_str_only() -> None:
    with pytest.raises(TypeError, match="not bytes"):
        load_json(b"{}")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- schema


def test_schema_is_valid_draft_2020_12_and_describes_version_2() -> None:
    schema = timeline_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["version"] == {"const": VERSION}
    assert schema["properties"]["format"] == {"const": FORMAT}


def test_schema_in_docs_is_identical_to_the_shipped_one() -> None:
    shipped = Path(eventline.export.json.__file__).with_name(SCHEMA_FILE).read_bytes()
    assert (ROOT / "docs" / "timeline.schema.json").read_bytes() == shipped


def test_schema_enums_match_the_model() -> None:
    defs = timeline_schema()["$defs"]
    assert defs["timex"]["properties"]["type"]["enum"] == [t.value for t in TimexType]
    assert defs["timex"]["properties"]["grain"]["enum"] == [g.value for g in Grain] + [None]
    assert defs["event"]["properties"]["status"]["enum"] == [s.value for s in EventStatus]
    assert defs["reference"]["properties"]["source"]["enum"] == [s.value for s in ReferenceSource]
