r"""Timelines as JSON: a versioned layout, its JSON Schema, and the loader that reverses it.

The layout (``"format": "eventline.timeline"``, ``"version": 2``) is documented field by field
in docs/export.md and described by ``timeline.schema.json`` beside this module (JSON Schema
draft 2020-12, see :func:`timeline_schema`). :func:`load_json` reads back exactly what
:func:`to_json` writes: ``load_json(to_json(t)) == t``. It reads version 1 documents too:
version 2 added the time expressions' ``freq``, which version 1 lacks (``None``).

Output is safe to embed: besides what JSON itself escapes (quotes, backslashes, control
characters), ``<``, ``>``, ``&``, DEL and the C1 controls, U+2028 and U+2029 are written as
``\uXXXX`` escapes, so a document can sit in an HTML ``<script>`` element and a JSON Lines
document never splits across lines. Lone surrogates, which UTF-8 cannot encode, are written as
``\uXXXX`` escapes too, so the text is always encodable.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib.resources
import json
import re
from collections.abc import Iterable
from typing import Any, Final, NoReturn, TypeVar

from eventline.errors import InvalidTimelineJSONError
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

__all__ = [
    "FORMAT",
    "SCHEMA_FILE",
    "VERSION",
    "InvalidTimelineJSONError",
    "load_json",
    "timeline_schema",
    "to_json",
    "to_jsonl",
]

FORMAT: Final = "eventline.timeline"
"""The ``format`` member of every document."""

VERSION: Final = 2
"""The layout version this module writes (it reads version 1 too)."""

SCHEMA_FILE: Final = "timeline.schema.json"
"""The schema's file name inside the ``eventline.export`` package."""

_E = TypeVar("_E", bound=enum.Enum)
_Object = dict[str, Any]


# ----------------------------------------------------------------------------- writing


def to_json(timeline: Timeline, *, source: str | None = None, indent: int | None = 2) -> str:
    """The timeline as one JSON document (layout version 2), ending with a newline.

    Args:
        timeline: the timeline to write.
        source: the document's name or URL, written as ``source`` (``null`` when not given).
        indent: spaces per indentation level, or ``None`` for one compact line.

    Raises:
        ValueError: an interval bound carries a time zone (intervals are floating) or the
            reference date is a datetime; neither could be read back as it was.
    """
    return _dumps(_document(timeline, source), indent) + "\n"


def to_jsonl(timelines: Iterable[Timeline], *, sources: Iterable[str | None] | None = None) -> str:
    """Many timelines as JSON Lines: one compact document per line, each ending with a newline.

    ``sources``, when given, pairs each timeline with its document's name or URL and must be
    exactly as long as ``timelines`` (a :class:`ValueError` otherwise).
    """
    timelines = list(timelines)
    named = [None] * len(timelines) if sources is None else list(sources)
    if len(named) != len(timelines):
        raise ValueError(f"{len(timelines)} timelines but {len(named)} sources")
    return "".join(
        _dumps(_document(timeline, source), None) + "\n"
        for timeline, source in zip(timelines, named, strict=True)
    )


# Characters JSON allows raw in strings but which are unsafe in some places: HTML (<, >, &),
# line splitters (U+0085, U+2028, U+2029), terminals (DEL, C1 controls), UTF-8 (surrogates).
# In the output of json.dumps they can only occur inside strings, so escaping is a substitution.
_UNSAFE: Final = re.compile(r"[<>&\u007f-\u009f\u2028\u2029\ud800-\udfff]")


def _dumps(document: _Object, indent: int | None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        document, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False
    )
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _document(timeline: Timeline, source: str | None) -> _Object:
    reference = timeline.reference
    if isinstance(reference.date, dt.datetime):
        raise ValueError(f"the reference date {reference.date!r} must be a date, not a datetime")
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": source,
        "reference": {
            "date": reference.date.isoformat(),
            "source": reference.source.value,
            "evidence": list(reference.evidence),
        },
        "events": [_event(event) for event in timeline.events],
        "undated": [_event(event) for event in timeline.undated],
    }


def _span(span: Span) -> _Object:
    return {"start": span.start, "end": span.end}


def _trigger(trigger: Trigger) -> _Object:
    return {"span": _span(trigger.span), "text": trigger.text}


def _moment(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        raise ValueError(f"interval bound {moment.isoformat()} has a time zone; intervals float")
    return moment.isoformat()


def _timex(timex: TimeExpression) -> _Object:
    interval = timex.interval
    return {
        "span": _span(timex.span),
        "text": timex.text,
        "type": timex.type.value,
        "value": timex.value,
        "mod": timex.mod,
        "freq": timex.freq,
        "grain": None if timex.grain is None else timex.grain.value,
        "interval": None
        if interval is None
        else {"start": _moment(interval.start), "end": _moment(interval.end)},
        "anchor": timex.anchor,
    }


def _mention(mention: EventMention) -> _Object:
    return {
        "span": _span(mention.span),
        "trigger": _trigger(mention.trigger),
        "when": _timex(mention.when),
    }


def _event(event: Event) -> _Object:
    return {
        "id": event.id,
        "title": event.title,
        "status": event.status.value,
        "trigger": _trigger(event.trigger),
        "when": _timex(event.when),
        "sentence": event.sentence,
        "span": _span(event.span),
        "attribution": event.attribution,
        "participants": list(event.participants),
        "location": event.location,
        "mentions": [_mention(mention) for mention in event.mentions],
        "qualifiers": [_timex(qualifier) for qualifier in event.qualifiers],
    }


def timeline_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the layout, as shipped in the package."""
    text = importlib.resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# ----------------------------------------------------------------------------- reading


def load_json(text: str) -> Timeline:
    """The timeline of a document written by :func:`to_json` (layout version 2, or 1).

    A version 1 document is read as version 2 without ``freq``: its time expressions have none.

    Raises:
        InvalidTimelineJSONError: the text is not JSON, or not a version 2 or version 1
            timeline document (the error's ``path`` and ``reason`` say where and what was
            expected).
    """
    if not isinstance(text, str):
        raise TypeError(f"load_json() reads a str, not {type(text).__name__}")
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InvalidTimelineJSONError("$", f"not JSON: {error}") from None
    except RecursionError:
        raise InvalidTimelineJSONError("$", "nested too deeply") from None
    return _read_timeline(document)


def _unique_keys(pairs: list[tuple[str, Any]]) -> _Object:
    document: _Object = {}
    for key, value in pairs:
        if key in document:
            raise InvalidTimelineJSONError("$", f"duplicate key {key!r} in an object")
        document[key] = value
    return document


def _no_constant(name: str) -> NoReturn:
    raise InvalidTimelineJSONError("$", f"{name} is not a JSON number")


_DOCUMENT_KEYS: Final = ("format", "version", "source", "reference", "events", "undated")
_REFERENCE_KEYS: Final = ("date", "source", "evidence")
_SPAN_KEYS: Final = ("start", "end")
_TRIGGER_KEYS: Final = ("span", "text")
_INTERVAL_KEYS: Final = ("start", "end")
_TIMEX_KEYS: Final = (
    "span",
    "text",
    "type",
    "value",
    "mod",
    "freq",
    "grain",
    "interval",
    "anchor",
)
_TIMEX_KEYS_BY_VERSION: Final = {  # what each readable version's time expressions hold
    1: tuple(key for key in _TIMEX_KEYS if key != "freq"),
    VERSION: _TIMEX_KEYS,
}
_MENTION_KEYS: Final = ("span", "trigger", "when")
_EVENT_KEYS: Final = (
    "id",
    "title",
    "status",
    "trigger",
    "when",
    "sentence",
    "span",
    "attribution",
    "participants",
    "location",
    "mentions",
    "qualifiers",
)
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?")


def _fail(path: str, reason: str) -> NoReturn:
    raise InvalidTimelineJSONError(path, reason)


def _kind(value: object) -> str:
    """The JSON name of a decoded value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _object(value: object, path: str, keys: tuple[str, ...]) -> _Object:
    if not isinstance(value, dict):
        _fail(path, f"expected an object, got {_kind(value)}")
    missing = [key for key in keys if key not in value]
    if missing:
        _fail(path, f"missing member(s) {', '.join(missing)}")
    unexpected = sorted(set(value) - set(keys))
    if unexpected:
        _fail(path, f"unexpected member(s) {', '.join(unexpected)}; expected {', '.join(keys)}")
    return value


def _array(value: object, path: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(path, f"expected an array, got {_kind(value)}")
    return value


def _string(value: object, path: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    return value


def _optional_string(value: object, path: str) -> str | None:
    return None if value is None else _string(value, path)


def _offset(value: object, path: str) -> int:
    if type(value) is not int or value < 0:
        _fail(path, f"expected a non-negative integer, got {_kind(value)}")
    return value


def _choice(value: object, path: str, choices: type[_E]) -> _E:
    valid = [member.value for member in choices]
    if value not in valid:
        shown = repr(value) if isinstance(value, str) else _kind(value)
        _fail(path, f"expected one of {', '.join(valid)}; got {shown}")
    return choices(value)


def _read_timeline(document: object) -> Timeline:
    doc = _object(document, "$", _DOCUMENT_KEYS)
    if doc["format"] != FORMAT:
        _fail("$.format", f"expected {FORMAT!r}, got {doc['format']!r}")
    version = doc["version"]
    if type(version) is not int or version not in _TIMEX_KEYS_BY_VERSION:
        _fail("$.version", f"this eventline reads versions 1 and {VERSION}, got {version!r}")
    _optional_string(doc["source"], "$.source")
    keys = _TIMEX_KEYS_BY_VERSION[version]
    return Timeline(
        events=_read_events(doc["events"], "$.events", keys),
        undated=_read_events(doc["undated"], "$.undated", keys),
        reference=_read_reference(doc["reference"], "$.reference"),
    )


def _read_reference(value: object, path: str) -> ReferenceDate:
    reference = _object(value, path, _REFERENCE_KEYS)
    text = _string(reference["date"], f"{path}.date")
    date: dt.date | None = None
    if _DATE.fullmatch(text):
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            date = None
    if date is None:
        _fail(f"{path}.date", f"expected a date YYYY-MM-DD, got {text!r}")
    evidence = _array(reference["evidence"], f"{path}.evidence")
    return ReferenceDate(
        date=date,
        source=_choice(reference["source"], f"{path}.source", ReferenceSource),
        evidence=tuple(_string(item, f"{path}.evidence[{i}]") for i, item in enumerate(evidence)),
    )


def _read_span(value: object, path: str) -> Span:
    span = _object(value, path, _SPAN_KEYS)
    start = _offset(span["start"], f"{path}.start")
    end = _offset(span["end"], f"{path}.end")
    if start > end:
        _fail(path, f"start {start} is after end {end}")
    return Span(start, end)


def _read_trigger(value: object, path: str) -> Trigger:
    trigger = _object(value, path, _TRIGGER_KEYS)
    return Trigger(
        span=_read_span(trigger["span"], f"{path}.span"),
        text=_string(trigger["text"], f"{path}.text"),
    )


def _read_moment(value: object, path: str) -> dt.datetime:
    text = _string(value, path)
    if _DATETIME.fullmatch(text):
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass
    _fail(path, f"expected a date and time YYYY-MM-DDTHH:MM:SS[.ffffff], got {text!r}")


def _read_interval(value: object, path: str) -> Interval | None:
    if value is None:
        return None
    interval = _object(value, path, _INTERVAL_KEYS)
    start = _read_moment(interval["start"], f"{path}.start")
    end = _read_moment(interval["end"], f"{path}.end")
    if not start < end:
        _fail(path, f"start {start.isoformat()} is not before end {end.isoformat()}")
    return Interval(start, end)


def _read_timex(value: object, path: str, keys: tuple[str, ...]) -> TimeExpression:
    timex = _object(value, path, keys)
    grain = timex["grain"]
    return TimeExpression(
        span=_read_span(timex["span"], f"{path}.span"),
        text=_string(timex["text"], f"{path}.text"),
        type=_choice(timex["type"], f"{path}.type", TimexType),
        value=_string(timex["value"], f"{path}.value"),
        mod=_optional_string(timex["mod"], f"{path}.mod"),
        grain=None if grain is None else _choice(grain, f"{path}.grain", Grain),
        interval=_read_interval(timex["interval"], f"{path}.interval"),
        anchor=_optional_string(timex["anchor"], f"{path}.anchor"),
        freq=_optional_string(timex.get("freq"), f"{path}.freq"),
    )


def _read_mention(value: object, path: str, keys: tuple[str, ...]) -> EventMention:
    mention = _object(value, path, _MENTION_KEYS)
    return EventMention(
        span=_read_span(mention["span"], f"{path}.span"),
        trigger=_read_trigger(mention["trigger"], f"{path}.trigger"),
        when=_read_timex(mention["when"], f"{path}.when", keys),
    )


def _read_event(value: object, path: str, keys: tuple[str, ...]) -> Event:
    event = _object(value, path, _EVENT_KEYS)
    participants = _array(event["participants"], f"{path}.participants")
    mentions = _array(event["mentions"], f"{path}.mentions")
    qualifiers = _array(event["qualifiers"], f"{path}.qualifiers")
    return Event(
        id=_string(event["id"], f"{path}.id"),
        title=_string(event["title"], f"{path}.title"),
        trigger=_read_trigger(event["trigger"], f"{path}.trigger"),
        when=_read_timex(event["when"], f"{path}.when", keys),
        sentence=_string(event["sentence"], f"{path}.sentence"),
        span=_read_span(event["span"], f"{path}.span"),
        status=_choice(event["status"], f"{path}.status", EventStatus),
        attribution=_optional_string(event["attribution"], f"{path}.attribution"),
        participants=tuple(
            _string(item, f"{path}.participants[{i}]") for i, item in enumerate(participants)
        ),
        location=_optional_string(event["location"], f"{path}.location"),
        mentions=tuple(
            _read_mention(item, f"{path}.mentions[{i}]", keys) for i, item in enumerate(mentions)
        ),
        qualifiers=tuple(
            _read_timex(item, f"{path}.qualifiers[{i}]", keys) for i, item in enumerate(qualifiers)
        ),
    )


def _read_events(value: object, path: str, keys: tuple[str, ...]) -> tuple[Event, ...]:
    return tuple(
        _read_event(item, f"{path}[{i}]", keys) for i, item in enumerate(_array(value, path))
    )
