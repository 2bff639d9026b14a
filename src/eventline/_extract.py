"""Events and the timeline: text (+ reference date) → dated, deduplicated, ordered events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from eventline._anchor import anchor
from eventline._dedupe import merge
from eventline._describe import describe
from eventline._infer import infer_reference
from eventline._order import chronological
from eventline._segment import Sentences
from eventline._tagger import DateOrder, parse_reference, tag
from eventline._triggers import sentence_candidates
from eventline.lexicon import load
from eventline.model import (
    Event,
    EventMention,
    EventStatus,
    ReferenceDate,
    ReferenceSource,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
)

__all__ = ["extract"]

_DATING = (TimexType.DATE, TimexType.TIME)


def _reference(
    text: str, reference: dt.date | dt.datetime | str | None, date_order: DateOrder
) -> ReferenceDate:
    if reference is None:
        return infer_reference(text, date_order=date_order)
    return ReferenceDate(parse_reference(reference), ReferenceSource.GIVEN)


def _trimmed(text: str, bounds: tuple[int, int]) -> Span:
    """The sentence's span without the spaces and line breaks around it."""
    start, end = bounds
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _status(found: EventStatus, when: TimeExpression, reference: dt.date) -> EventStatus:
    """An event dated after the reference date has not happened yet: it is planned."""
    interval = when.interval
    ahead = interval is not None and interval.start.date() > reference
    if ahead and found in (EventStatus.HAPPENED, EventStatus.ONGOING):
        return EventStatus.PLANNED
    return found


def _sentence_events(
    text: str, bounds: tuple[int, int], expressions: list[TimeExpression], reference: dt.date
) -> list[Event]:
    """One event per DATE or TIME expression of the sentence that dates one of its triggers."""
    triggers = sentence_candidates(text, *bounds)
    if not triggers:
        return []
    span = _trimmed(text, bounds)
    qualifiers = tuple(e for e in expressions if e.type not in _DATING)
    events = []
    for expression in expressions:
        if expression.type not in _DATING:
            continue
        trigger = anchor(text, bounds, expression, triggers)
        if trigger is None:
            continue
        about = describe(text, bounds, trigger, expressions)
        status = _status(about.status, expression, reference)
        events.append(
            Event(
                id="",
                title=about.title,
                trigger=trigger,
                when=expression,
                sentence=text[span.start : span.end],
                span=span,
                status=status,
                attribution=about.attribution,
                participants=about.participants,
                location=about.location,
                mentions=(EventMention(span, trigger, expression),),
                qualifiers=qualifiers,
            )
        )
    return events


def extract(
    text: str,
    reference: dt.date | dt.datetime | str | None = None,
    *,
    date_order: DateOrder = "MDY",
) -> Timeline:
    """The timeline of ``text``: its events, dated, deduplicated and in chronological order.

    ``reference`` is the date the text speaks from (a publication date), as for
    :func:`eventline.tag`. When it is ``None`` it is inferred from the text and reported as
    such (``timeline.reference.source``, with the evidence); when the text gives too little
    to infer it, :class:`eventline.ReferenceNotFoundError` says to pass one. The clock is
    never read.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = _reference(text, reference, date_order)
    expressions = tag(text, ref.date, date_order=date_order)
    sentences = Sentences(text, load().words.abbreviations)
    by_sentence: dict[int, list[TimeExpression]] = defaultdict(list)
    for expression in expressions:
        by_sentence[sentences.index(expression.start)].append(expression)
    found: list[Event] = []
    for number in sorted(by_sentence):
        bounds = sentences.bounds(number)
        found.extend(_sentence_events(text, bounds, by_sentence[number], ref.date))
    events = merge(found)
    dated = chronological(event for event in events if event.dated)
    undated = tuple(
        sorted((event for event in events if not event.dated), key=lambda e: e.span.start)
    )
    return Timeline(dated, undated, ref)
