"""The errors eventline raises: one base class, a few specific ones."""

from __future__ import annotations

__all__ = [
    "EventlineError",
    "InvalidOptionError",
    "InvalidReferenceError",
    "InvalidTimelineJSONError",
    "InvalidTimexError",
    "ReferenceNotFoundError",
    "TimeMLError",
]


class EventlineError(Exception):
    """Base class of every error eventline raises on purpose."""


class InvalidReferenceError(EventlineError, ValueError):
    """The reference date is missing or not something eventline can read."""

    def __init__(self, given: object) -> None:
        self.given = given
        shown = repr(given)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(
            f"invalid reference date {shown} ({type(given).__name__}): "
            "give a datetime.date, a datetime.datetime, or an ISO 8601 string "
            "such as '2024-04-24' or '2024-04-24T09:30'"
        )


class InvalidTimexError(EventlineError, ValueError):
    """A string is not a TIMEX3 value eventline understands."""

    def __init__(self, value: str, reason: str = "") -> None:
        self.value = value
        self.reason = reason
        detail = f": {reason}" if reason else ""
        super().__init__(
            f"invalid TIMEX3 value {value!r}{detail}; valid forms include "
            "'2024-04-22', '2024-W16', '2024-W16-WE', '2024-Q1', '2024-H2', '2023-SU', "
            "'2023-11', '2023', '199', '19', '2024-04-22T09:30', '2024-04-22TMO', "
            "'P3D', 'PT48H', 'XXXX-WXX-1', 'BC0044', 'PRESENT_REF', 'PAST_REF', 'FUTURE_REF'"
        )


class InvalidOptionError(EventlineError, ValueError):
    """An option was given a value outside its set of valid choices."""

    def __init__(self, option: str, given: object, valid: tuple[str, ...]) -> None:
        self.option = option
        self.given = given
        self.valid = valid
        super().__init__(f"invalid value {given!r} for {option}; valid values: {', '.join(valid)}")


class ReferenceNotFoundError(EventlineError, ValueError):
    """No reference date was given and the text gives too little to infer one."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f"cannot infer the reference date: {reason}; pass one explicitly, e.g. "
            "reference='2024-04-24' (the CLI's --reference 2024-04-24)"
        )


class InvalidTimelineJSONError(EventlineError, ValueError):
    """A text is not an eventline timeline document that this version can read.

    ``path`` locates the offending member (``$.events[2].when.grain``); ``reason`` says what was
    expected there.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"invalid eventline timeline JSON at {path}: {reason}")


class TimeMLError(EventlineError, ValueError):
    """A TimeML document could not be read."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"cannot read TimeML from {source}: {reason}")
