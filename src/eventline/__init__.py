"""eventline: time references in text, normalized to TIMEX3, and the timeline of its events."""

from __future__ import annotations

from eventline import export
from eventline._extract import extract
from eventline._tagger import tag
from eventline.errors import (
    EventlineError,
    InvalidOptionError,
    InvalidReferenceError,
    InvalidTimelineJSONError,
    InvalidTimexError,
    ReferenceNotFoundError,
    TimeMLError,
)
from eventline.export.json import load_json
from eventline.model import (
    Event,
    EventMention,
    EventStatus,
    Grain,
    Interval,
    ReferenceDate,
    ReferenceSource,
    Relation,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
    Trigger,
)

__all__ = [
    "Event",
    "EventMention",
    "EventStatus",
    "EventlineError",
    "Grain",
    "Interval",
    "InvalidOptionError",
    "InvalidReferenceError",
    "InvalidTimelineJSONError",
    "InvalidTimexError",
    "ReferenceDate",
    "ReferenceNotFoundError",
    "ReferenceSource",
    "Relation",
    "Span",
    "TimeExpression",
    "TimeMLError",
    "Timeline",
    "TimexType",
    "Trigger",
    "export",
    "extract",
    "load_json",
    "tag",
]

__version__ = "0.1.0"
