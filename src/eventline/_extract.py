"""Events and the timeline: text (+ reference date) → dated, deduplicated, ordered events."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict

from eventline._anchor import anchor
from eventline._dedupe import merge
from eventline._describe import describe
from eventline._infer import infer_reference
from eventline._order import chronological
from eventline._segment import Sentences
from eventline._tagger import DateOrder, date_order_of, parse_reference, tag
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


_LONG_SENTENCE = 1_000  # characters; longer "sentences" (lists, tables) are read in windows
_WINDOW_REACH = 300  # characters either side of a time expression in such a sentence


def _windows(
    text: str, bounds: tuple[int, int], expressions: list[TimeExpression]
) -> list[tuple[tuple[int, int], list[TimeExpression], list[TimeExpression]]]:
    """(bounds, expressions, the ones to date events by) to read for one sentence.

    A sentence of ordinary length is read whole. One that never ends (a list or a table
    flattened to text, thousands of characters without a full stop) is read in windows of
    words around runs of its time expressions, so its cost grows with its length, not its
    square.
    """
    start, end = bounds
    if end - start <= _LONG_SENTENCE:
        return [(bounds, expressions, expressions)]
    starts = [e.start for e in expressions]  # in text order
    windows = []
    first = 0
    while first < len(expressions):
        last = first  # the run: expressions within _LONG_SENTENCE characters of the first
        while (
            last + 1 < len(expressions)
            and expressions[last + 1].end - expressions[first].start <= _LONG_SENTENCE
        ):
            last += 1
        low = max(start, expressions[first].start - _WINDOW_REACH)
        high = min(end, expressions[last].end + _WINDOW_REACH)
        if low > start:  # begin and end on a word boundary
            low = next(
                (i + 1 for i in range(low, expressions[first].start) if text[i].isspace()), low
            )
        if high < end:
            high = next(
                (i for i in range(high, expressions[last].end, -1) if text[i].isspace()), high
            )
        near = expressions[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]
        inside = [e for e in near if e.end <= high]
        windows.append(((low, high), inside, expressions[first : last + 1]))
        first = last + 1
    return windows


def _sentence_events(
    text: str,
    bounds: tuple[int, int],
    expressions: list[TimeExpression],
    reference: dt.date,
    dating: list[TimeExpression] | None = None,
) -> list[Event]:
    """One event per DATE or TIME expression of the sentence that dates one of its triggers.

    ``dating`` limits the expressions events are made for (all of them by default).
    """
    triggers = sentence_candidates(text, *bounds)
    if not triggers:
        return []
    span = _trimmed(text, bounds)
    qualifiers = tuple(e for e in expressions if e.type not in _DATING)
    events = []
    for expression in expressions if dating is None else dating:
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
    date_order: DateOrder | None = None,
) -> Timeline:
    """The timeline of ``text``: its events, dated, deduplicated and in chronological order.

    ``reference`` is the date the text speaks from (a publication date), as for
    :func:`eventline.tag`. When it is ``None`` it is inferred from the text and reported as
    such (``timeline.reference.source``, with the evidence); when the text gives too little
    to infer it, :class:`eventline.ReferenceNotFoundError` says to pass one. The clock is
    never read. ``date_order`` is as for :func:`eventline.tag` (by default the text's own
    dates decide, else month first).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    date_order = date_order_of(text, date_order)
    ref = _reference(text, reference, date_order)
    expressions = tag(text, ref.date, date_order=date_order)
    sentences = Sentences(text, load().words.abbreviations, load().words.run_on)
    by_sentence: dict[int, list[TimeExpression]] = defaultdict(list)
    for expression in expressions:
        by_sentence[sentences.index(expression.start)].append(expression)
    found: list[Event] = []
    for number in sorted(by_sentence):
        for bounds, inside, dating in _windows(text, sentences.bounds(number), by_sentence[number]):
            found.extend(_sentence_events(text, bounds, inside, ref.date, dating))
    events = merge(found)
    dated = chronological(event for event in events if event.dated)
    undated = tuple(
        sorted((event for event in events if not event.dated), key=lambda e: e.span.start)
    )
    return Timeline(dated, undated, ref)
