"""The tagging facade: text + reference → time expressions (placeholder until the engine lands)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from eventline.model import TimeExpression

__all__ = ["tag"]

DateOrder = Literal["MDY", "DMY"]


def tag(
    text: str,
    reference: dt.date | dt.datetime | str,
    *,
    date_order: DateOrder = "MDY",
) -> tuple[TimeExpression, ...]:
    """Find and normalize the time expressions of ``text`` (placeholder)."""
    del text, reference, date_order
    return ()
