"""The one module that calls dateparser, with pinned settings.

dateparser is kept off the hot path: the recognizer finds the candidate span itself and
only hands over the rare absolute dates written in a form its own grammar does not read
("09-May-2023", "9.5.2023", "2023/05/09"). The settings make the result independent of the
clock, the locale and the machine: absolute dates only, all three parts required.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

__all__ = ["parse_absolute"]

_FIXED_BASE = dt.datetime(2000, 1, 1)  # never used for absolute dates; pinned for determinism


@functools.cache
def _settings(date_order: str) -> dict[str, Any]:
    return {
        "DATE_ORDER": date_order,
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "current_period",
        "RELATIVE_BASE": _FIXED_BASE,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["custom-formats", "absolute-time"],
    }


@functools.cache
def parse_absolute(text: str, date_order: str = "MDY") -> dt.date | None:
    """The calendar date ``text`` names on its own (all of day, month and year), or ``None``."""
    import dateparser  # noqa: PLC0415 - slow to import; only needed for rare date forms

    found = dateparser.parse(text, languages=["en"], settings=_settings(date_order))
    return found.date() if found is not None else None
