"""eventline: dated and relative time references in text, normalized to TIMEX3."""

from __future__ import annotations

from eventline._tagger import tag
from eventline.errors import (
    EventlineError,
    InvalidOptionError,
    InvalidReferenceError,
    InvalidTimexError,
    TimeMLError,
)
from eventline.model import Grain, Interval, Span, TimeExpression, TimexType

__all__ = [
    "EventlineError",
    "Grain",
    "Interval",
    "InvalidOptionError",
    "InvalidReferenceError",
    "InvalidTimexError",
    "Span",
    "TimeExpression",
    "TimeMLError",
    "TimexType",
    "tag",
]

__version__ = "0.1.0"
