"""The tagging facade: text + reference date → normalized time expressions."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from eventline import timex
from eventline._recognize import recognizer
from eventline._resolve import Anchor, Context, is_narrative, resolve
from eventline._segment import Sentences
from eventline._tense import Tense, tense_at
from eventline.errors import InvalidOptionError, InvalidReferenceError
from eventline.model import Span, TimeExpression

__all__ = ["DateOrder", "parse_reference", "tag"]

DateOrder = Literal["MDY", "DMY"]
_DATE_ORDERS = ("MDY", "DMY")
_MAX_ANCHORS = 16


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
    date_order: DateOrder = "MDY",
) -> tuple[TimeExpression, ...]:
    """Find and normalize the time expressions of ``text``, in text order.

    ``reference`` is the date the text speaks from (a publication date): "yesterday" and
    "last week" are resolved against it. ``date_order`` says how to read numeric dates such
    as ``05/09/2023`` (``"MDY"``: May 9; ``"DMY"``: 5 September).

    >>> [(e.text, e.value) for e in tag("He said on Thursday that talks resume next week.",
    ...                                 reference="2024-04-24")]
    [('Thursday', '2024-04-18'), ('next week', '2024-W18')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = parse_reference(reference)
    if date_order not in _DATE_ORDERS:
        raise InvalidOptionError("date_order", date_order, _DATE_ORDERS)
    mentions = list(recognizer().mentions(text, date_order))
    if not mentions:
        return ()
    narrative = is_narrative(mentions, ref)
    lexicon = recognizer().lexicon
    sentences = Sentences(text, lexicon.words.abbreviations)
    anchors: list[Anchor] = []
    found: list[TimeExpression] = []
    for mention in mentions:
        number = sentences.index(mention.start)
        bounds = sentences.bounds(number)

        def tense(
            bounds: tuple[int, int] = bounds, start: int = mention.start, end: int = mention.end
        ) -> Tense:
            return tense_at(text, bounds, start, end, lexicon.words)

        resolved = resolve(mention, Context(ref, narrative, number, tense, tuple(anchors)))
        if resolved is None:
            continue
        if resolved.provides is not None:
            anchors.append(resolved.provides)
            del anchors[:-_MAX_ANCHORS]
        value = resolved.value
        anchor = None
        if resolved.used is not None:
            anchor = timex_day(resolved.used.day)
        found.append(
            TimeExpression(
                span=Span(mention.start, mention.end),
                text=text[mention.start : mention.end],
                type=resolved.type,
                value=value,
                mod=resolved.mod,
                grain=timex.grain_of(value),
                interval=timex.interval_of(value),
                anchor=anchor,
                freq=resolved.freq,
            )
        )
    return tuple(found)


def timex_day(day: dt.date) -> str:
    """The TIMEX3 value of one day."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
