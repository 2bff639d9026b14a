r"""Timelines as TimeML: the text with inline ``TIMEX3`` and ``EVENT`` tags, as corpora have it.

:func:`to_timeml` writes the shape of the TempEval-3 corpora and of HeidelTime's output: a
``<TimeML>`` document with ``<DOCID>``, the creation time in ``<DCT>`` (the timeline's reference
date, ``tid="t0"``, ``functionInDocument="CREATION_TIME"``), the text in ``<TEXT>`` with its
time expressions and event triggers tagged inline, then one ``MAKEINSTANCE`` per event tag and
one ``TLINK`` tying each event instance to the time expression that dates it.

The document is built with :mod:`xml.etree.ElementTree`, which escapes ``<``, ``&``, ``>``
and quotes. Two things XML itself would lose are handled here, keeping every character offset:

- characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
  lone surrogates, U+FFFE and U+FFFF) are replaced by U+FFFD, one character for one (in the
  text, and in the ``DOCID`` and TIMEX3 ``value``, ``mod`` and ``freq`` too);
- carriage returns are written as ``&#13;``: a parser turns a literal one into a line feed
  (and ``\r\n`` into one character), which would shift every later offset.

So ``eventline.evaluate.parse_timeml(to_timeml(text, ...)).text`` is ``text`` with only the
forbidden characters replaced, and the time expressions come back at their own offsets.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from eventline.model import Event, EventMention, Span, TimeExpression, Timeline, TimexType

__all__ = ["EVENT_CLASS", "clean_xml_text", "to_timeml"]

EVENT_CLASS: Final = "OCCURRENCE"
"""The TimeML class of every event tag: eventline does not tell reporting, states... apart."""

_FORBIDDEN: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters outside XML 1.0's ``Char`` production."""

_XSI: Final = "{http://www.w3.org/2001/XMLSchema-instance}"
_SCHEMA: Final = "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd"
_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8"?>\n'


def clean_xml_text(text: str) -> str:
    """``text`` with each character XML 1.0 forbids replaced by U+FFFD (same length)."""
    return _FORBIDDEN.sub("\ufffd", text)


@attrs.frozen
class _Tag:
    """One inline tag to write: its span, element name and attributes."""

    span: Span
    name: str
    attributes: dict[str, str]


@attrs.frozen
class _Link:
    """An event instance and the time expression that dates it."""

    eiid: str
    tid: str
    rel_type: str


def to_timeml(
    text: str,
    timeline: Timeline,
    *,
    expressions: Sequence[TimeExpression] | None = None,
    name: str = "document",
) -> str:
    """The TimeML document of ``text``, its time expressions and ``timeline``'s events.

    ``expressions`` are the time expressions to tag (give all of :func:`eventline.tag`'s
    output to keep every one); by default, the times of the timeline's events: each mention's
    time and each qualifier. ``name`` becomes the ``DOCID``.

    Tags cannot overlap in XML, so: of overlapping time expressions the one starting first
    (the longest of those starting together) is kept; an event trigger overlapping a kept time
    expression or an earlier trigger is not tagged (the time expression is what dates events
    and what TimeML scorers read). Empty expressions are not tagged. Each tagged trigger gets
    a ``MAKEINSTANCE`` and, when its mention's time is tagged (same span), a ``TLINK``: the
    event ``IS_INCLUDED`` in its date, time or set, or ``DURING`` its duration.

    Raises:
        ValueError: an expression's or trigger's span lies outside ``text``.
    """
    timexes = _select(_default_expressions(timeline) if expressions is None else expressions)
    tids = {expression.span: f"t{number}" for number, expression in enumerate(timexes, 1)}
    time_tags = [_timex_tag(expression, tids[expression.span]) for expression in timexes]
    mentions = _select_mentions(_mentions(timeline), [tag.span for tag in time_tags])
    event_tags = [_event_tag(mention, number) for number, mention in enumerate(mentions, 1)]
    links = [
        _Link(f"ei{number}", tids[mention.when.span], _rel_type(mention.when))
        for number, mention in enumerate(mentions, 1)
        if mention.when.span in tids
    ]
    tags = sorted([*time_tags, *event_tags], key=lambda tag: tag.span.start)
    _check_spans(text, tags)
    root = _document(text, tags, name, timeline.reference.date.isoformat())
    _add_instances(root, len(event_tags), links)
    return _serialize(root)


def _default_expressions(timeline: Timeline) -> list[TimeExpression]:
    """The times of every event: each mention's (or the event's own) time and its qualifiers."""
    found: list[TimeExpression] = []
    for event in (*timeline.events, *timeline.undated):
        found.extend(mention.when for mention in _event_mentions(event))
        found.extend(event.qualifiers)
    return found


def _event_mentions(event: Event) -> tuple[EventMention, ...]:
    """The mentions of ``event``; its own trigger and time when it lists none."""
    return event.mentions or (EventMention(event.span, event.trigger, event.when),)


def _mentions(timeline: Timeline) -> list[EventMention]:
    """Every mention of every event, dated ones first, as the timeline lists them."""
    return [
        mention
        for event in (*timeline.events, *timeline.undated)
        for mention in _event_mentions(event)
    ]


def _select(expressions: Iterable[TimeExpression]) -> list[TimeExpression]:
    """Non-empty expressions that don't overlap a kept one: earliest, then longest, first."""
    ordered = sorted(
        (expression for expression in expressions if expression.start < expression.end),
        key=lambda expression: (expression.start, -expression.end),
    )
    kept: list[TimeExpression] = []
    for expression in ordered:
        if not kept or kept[-1].end <= expression.start:
            kept.append(expression)
    return kept


def _select_mentions(mentions: Iterable[EventMention], taken: list[Span]) -> list[EventMention]:
    """Mentions whose non-empty trigger overlaps no taken span, in text order, one per span."""
    ordered = sorted(
        mentions, key=lambda mention: (mention.trigger.span.start, -mention.trigger.span.end)
    )
    kept: list[EventMention] = []
    occupied = list(taken)
    for mention in ordered:
        span = mention.trigger.span
        if span.start < span.end and not any(span.overlaps(other) for other in occupied):
            kept.append(mention)
            occupied.append(span)
    return kept


def _timex_tag(expression: TimeExpression, tid: str) -> _Tag:
    """The TIMEX3 tag of ``expression``: tid, type, value and (when set) mod and freq."""
    value = clean_xml_text(expression.value)
    attributes = {"tid": tid, "type": str(expression.type), "value": value}
    if expression.mod:
        attributes["mod"] = clean_xml_text(expression.mod)
    if expression.freq:
        attributes["freq"] = clean_xml_text(expression.freq)
    return _Tag(expression.span, "TIMEX3", attributes)


def _event_tag(mention: EventMention, number: int) -> _Tag:
    """The EVENT tag of a mention's trigger."""
    return _Tag(mention.trigger.span, "EVENT", {"eid": f"e{number}", "class": EVENT_CLASS})


def _rel_type(when: TimeExpression) -> str:
    """How an event relates to the time that dates it, as a TLINK ``relType``."""
    if when.type is TimexType.DURATION:
        return "DURING"
    return "IS_INCLUDED"


def _check_spans(text: str, tags: Sequence[_Tag]) -> None:
    """Raise :class:`ValueError` for a tag that does not fit in ``text``."""
    for tag in tags:
        if tag.span.end > len(text):
            raise ValueError(
                f"{tag.name} at {tag.span.start}-{tag.span.end} lies outside the text "
                f"({len(text)} characters): was it found in another text?"
            )


def _document(text: str, tags: Sequence[_Tag], name: str, dct: str) -> ET.Element:
    """The ``<TimeML>`` root with DOCID, DCT and the tagged TEXT."""
    root = ET.Element("TimeML", {f"{_XSI}noNamespaceSchemaLocation": _SCHEMA})
    root.text = "\n"
    _child(root, "DOCID", clean_xml_text(name))
    dct_element = _child(root, "DCT")
    creation = ET.SubElement(
        dct_element,
        "TIMEX3",
        {"tid": "t0", "type": "DATE", "value": dct, "functionInDocument": "CREATION_TIME"},
    )
    creation.text = dct
    body = _child(root, "TEXT")
    _fill(body, clean_xml_text(text), tags)
    return root


def _child(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    """A new child element on its own line (tails keep the file readable, as the corpora do)."""
    element = ET.SubElement(parent, tag)
    element.text = text
    element.tail = "\n"
    return element


def _fill(body: ET.Element, text: str, tags: Sequence[_Tag]) -> None:
    """Put ``text`` into ``body`` with ``tags`` (sorted, not overlapping) as inline children."""
    body.text = text[: tags[0].span.start] if tags else text
    tail_ends = [tag.span.start for tag in tags[1:]] + ([len(text)] if tags else [])
    for tag, tail_end in zip(tags, tail_ends, strict=True):
        element = ET.SubElement(body, tag.name, tag.attributes)
        element.text = text[tag.span.start : tag.span.end]
        element.tail = text[tag.span.end : tail_end]


def _add_instances(root: ET.Element, events: int, links: Sequence[_Link]) -> None:
    """One MAKEINSTANCE per event tag, then the TLINKs, after the TEXT."""
    for number in range(1, events + 1):
        _child(root, "MAKEINSTANCE").attrib.update(
            {
                "eventID": f"e{number}",
                "eiid": f"ei{number}",
                "tense": "NONE",
                "aspect": "NONE",
                "polarity": "POS",
                "pos": "UNKNOWN",
            }
        )
    for number, link in enumerate(links, 1):
        _child(root, "TLINK").attrib.update(
            {
                "lid": f"l{number}",
                "relType": link.rel_type,
                "eventInstanceID": link.eiid,
                "relatedToTime": link.tid,
            }
        )


def _serialize(root: ET.Element) -> str:
    r"""The document as a string, with carriage returns kept as character references.

    ElementTree escapes ``&``, ``<`` and ``>`` in text and ``\r`` in attributes, but writes a
    carriage return in text as is; every ``\r`` left in its output is text, and XML parsers
    would read it as a line feed.
    """
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return _DECLARATION + body.replace("\r", "&#13;") + "\n"
