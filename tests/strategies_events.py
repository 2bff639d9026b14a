"""Hypothesis strategies that generate valid events and timelines (model.py's value classes).

Texts are arbitrary (quotes, backslashes, line breaks, markup, NUL, U+2028...): the values
are structurally valid, not linguistically sensible, which is what serializers need.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

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
from tests.strategies import canonical_values

__all__ = [
    "events",
    "hostile_texts",
    "intervals",
    "reference_dates",
    "spans",
    "time_expressions",
    "timelines",
    "triggers",
]

hostile_texts: st.SearchStrategy[str] = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            'He said "no".',
            "C:\\path\\n",
            "line one\nline two\r\n",
            "</script><script>alert(1)</script>",
            "a\u2028b\u2029c\u0085d",
            "nul\x00byte",
            "lone surrogate \udc80 from surrogateescape",
            "tab\tand\x1b[31mescape",
            "café – naïve 日本語 😀",
            '{"format": "eventline.timeline"}',
        ]
    ),
)
"""Any text, with the cases that break naive serializers made likely."""

_optional_texts = st.none() | hostile_texts
_offsets = st.integers(0, 10**6)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """A valid span: ``0 <= start <= end``."""
    start = draw(_offsets)
    return Span(start, start + draw(st.integers(0, 500)))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    """A non-empty interval of floating datetimes anywhere in datetime's range."""
    start = draw(st.datetimes(max_value=dt.datetime.max - dt.timedelta(microseconds=1)))
    end = draw(st.datetimes(min_value=start + dt.timedelta(microseconds=1)))
    return Interval(start, end)


time_expressions: st.SearchStrategy[TimeExpression] = st.builds(
    TimeExpression,
    span=spans(),
    text=hostile_texts,
    type=st.sampled_from(TimexType),
    value=canonical_values | hostile_texts,
    mod=st.none() | st.sampled_from(["START", "MID", "END", "APPROX", "LESS_THAN"]),
    grain=st.none() | st.sampled_from(Grain),
    interval=st.none() | intervals(),
    anchor=st.none() | canonical_values,
    freq=st.none() | st.integers(1, 1000).map("{}X".format) | hostile_texts,
)
"""Time expressions with every optional field sometimes set."""

triggers: st.SearchStrategy[Trigger] = st.builds(Trigger, span=spans(), text=hostile_texts)

_mentions = st.builds(EventMention, span=spans(), trigger=triggers, when=time_expressions)

events: st.SearchStrategy[Event] = st.builds(
    Event,
    id=hostile_texts,
    title=hostile_texts,
    trigger=triggers,
    when=time_expressions,
    sentence=hostile_texts,
    span=spans(),
    status=st.sampled_from(EventStatus),
    attribution=_optional_texts,
    participants=st.lists(hostile_texts, max_size=3).map(tuple),
    location=_optional_texts,
    mentions=st.lists(_mentions, max_size=2).map(tuple),
    qualifiers=st.lists(time_expressions, max_size=2).map(tuple),
)
"""Events with every field drawn, including several mentions and qualifiers."""

reference_dates: st.SearchStrategy[ReferenceDate] = st.builds(
    ReferenceDate,
    date=st.dates(),
    source=st.sampled_from(ReferenceSource),
    evidence=st.lists(hostile_texts, max_size=3).map(tuple),
)

timelines: st.SearchStrategy[Timeline] = st.builds(
    Timeline,
    events=st.lists(events, max_size=3).map(tuple),
    undated=st.lists(events, max_size=2).map(tuple),
    reference=reference_dates,
)
"""Timelines of a few events each; their order is not checked (serializers keep it as is)."""
