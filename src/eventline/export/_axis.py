"""A proportional time axis for the HTML export: its bounds, ticks and positions."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Final

import attrs

from eventline.export._display import MONTHS
from eventline.model import Interval

__all__ = ["Axis", "Tick", "axis_over"]

_MAX_TICKS: Final = 7
_MONTH_STEPS: Final = (1, 2, 3, 6)
_STEPS: Final = tuple(
    dt.timedelta(hours=h) for h in (1, 2, 3, 6, 12, 24, 48, 24 * 7, 24 * 14, 24 * 28)
)
_YEAR_STEPS: Final = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


@attrs.frozen
class Tick:
    """A labelled point on the axis."""

    at: dt.datetime
    label: str


@attrs.frozen
class Axis:
    """The stretch of time shown, ``start`` to ``end``, with its ticks."""

    start: dt.datetime
    end: dt.datetime
    ticks: tuple[Tick, ...]

    def percent(self, moment: dt.datetime) -> float:
        """Where ``moment`` lies, from 0 (``start``) to 100 (``end``)."""
        return 100 * ((moment - self.start) / (self.end - self.start))


def axis_over(intervals: Iterable[Interval], reference: dt.date) -> Axis:
    """An axis covering every interval and the reference day, snapped to round ticks."""
    day = dt.datetime(reference.year, reference.month, reference.day)
    intervals = list(intervals)
    low = min([day, *(i.start for i in intervals)])
    high = max([day + dt.timedelta(days=1), *(i.end for i in intervals)])
    span = high - low
    try:
        if span > dt.timedelta(days=3 * 365):  # more months than 7 ticks of 6 months hold
            return _years(low, high)
        if span > dt.timedelta(days=75):
            return _months(low, high)
        return _fixed(low, high)
    except (OverflowError, ValueError):  # round ticks would fall outside datetime's range
        return Axis(low, high, (Tick(low, str(low.year)), Tick(high, str(high.year))))


def _years(low: dt.datetime, high: dt.datetime) -> Axis:
    needed = high.year if high == dt.datetime(high.year, 1, 1) else high.year + 1
    step = next(
        (s for s in _YEAR_STEPS if math.ceil((needed - low.year) / s) <= _MAX_TICKS),
        _YEAR_STEPS[-1],
    )
    first = max(1, low.year - low.year % step)
    last = min(9999, first + math.ceil((needed - first) / step) * step)
    ticks = tuple(Tick(dt.datetime(y, 1, 1), str(y)) for y in range(first, last + 1, step))
    return Axis(ticks[0].at, ticks[-1].at, ticks)


def _months(low: dt.datetime, high: dt.datetime) -> Axis:
    first = low.year * 12 + low.month - 1
    last = high.year * 12 + high.month - 1 + (high > _month_start(high.year * 12 + high.month - 1))
    step = next(
        (s for s in _MONTH_STEPS if math.ceil((last - first) / s) <= _MAX_TICKS), _MONTH_STEPS[-1]
    )
    first -= first % step
    last += -last % step
    ticks = []
    for index in range(first, last + 1, step):
        moment = _month_start(index)
        name = MONTHS[moment.month - 1][:3]
        show_year = moment.month <= step or index == first
        ticks.append(Tick(moment, f"{name} {moment.year}" if show_year else name))
    return Axis(ticks[0].at, ticks[-1].at, tuple(ticks))


def _month_start(index: int) -> dt.datetime:
    return dt.datetime(index // 12, index % 12 + 1, 1)


def _fixed(low: dt.datetime, high: dt.datetime) -> Axis:
    step = next((s for s in _STEPS if (high - low) / s <= _MAX_TICKS), _STEPS[-1])
    start = _floor(low, step)
    count = math.ceil((high - start) / step)
    ticks = []
    for n in range(count + 1):
        moment = start + n * step
        daily = step >= dt.timedelta(days=1) or moment.hour == 0 or n == 0
        day = f"{moment.day} {MONTHS[moment.month - 1][:3]}"
        if step >= dt.timedelta(days=1):
            ticks.append(Tick(moment, day))
        else:
            ticks.append(Tick(moment, f"{day} {moment:%H:%M}" if daily else f"{moment:%H:%M}"))
    return Axis(start, start + count * step, tuple(ticks))


def _floor(moment: dt.datetime, step: dt.timedelta) -> dt.datetime:
    day = dt.datetime(moment.year, moment.month, moment.day)
    if step < dt.timedelta(days=1):
        hours = step // dt.timedelta(hours=1)
        return day + dt.timedelta(hours=moment.hour - moment.hour % hours)
    if step >= dt.timedelta(days=7):
        return day - dt.timedelta(days=day.weekday())  # weeks start on Monday
    return day
