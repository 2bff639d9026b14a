"""Resolution: (mention, reference date, tense, earlier dates) → TIMEX3 type, value and mod.

This is the only stage that sees the reference date. It is pure: the same mention in the same
context always resolves to the same value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import attrs

from eventline import _calendar as cal
from eventline._mentions import Calendar, Clock, Fixed, Mention, Origin, Relative, Weekday
from eventline._tense import Tense
from eventline.model import TimexType

__all__ = ["Anchor", "Context", "Resolved", "is_narrative", "resolve"]

_GRAIN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 4, "year": 5}
_NARRATIVE_YEARS = 2
_DAY_SLACK = 60
_RECENT_SENTENCES = 3


@attrs.frozen
class Anchor:
    """A date mentioned earlier in the text, for expressions such as "the next day"."""

    day: dt.date
    grain: str
    sentence: int
    explicit: bool


@attrs.frozen
class Context:
    """What resolution may use besides the mention itself."""

    reference: dt.date
    narrative: bool
    sentence: int
    tense: Callable[[], Tense]
    anchors: tuple[Anchor, ...]


@attrs.frozen
class Resolved:
    """A resolved value, the anchor it used (if any) and the anchor it provides."""

    type: TimexType
    value: str
    mod: str | None = None
    used: Anchor | None = None
    provides: Anchor | None = None


# ---------------------------------------------------------------- value formatting


def _clock(clock: Clock | None) -> str:
    if clock is None:
        return ""
    if clock.hour is not None:
        return f"T{clock.hour:02d}:{clock.minute or 0:02d}"
    return f"T{clock.part}" if clock.part else ""


def _type(clock: Clock | None) -> TimexType:
    return TimexType.TIME if clock is not None else TimexType.DATE


def _day_value(day: dt.date, clock: Clock | None = None) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}{_clock(clock)}"


def _week_value(day: dt.date, *, weekend: bool = False) -> str:
    year, week = cal.iso_week(day)
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def _unit_value(day: dt.date, unit: str, *, weekend: bool = False) -> str:
    """The value naming the ``unit``-long period around ``day``."""
    if unit == "day":
        return _day_value(day)
    if unit == "week":
        return _week_value(day, weekend=weekend)
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{cal.quarter_of(day)}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def _provides(day: dt.date, grain: str, ctx: Context, *, explicit: bool) -> Anchor:
    return Anchor(day, grain, ctx.sentence, explicit)


# ---------------------------------------------------------------- anchors


def _narrative_anchor(ctx: Context, grain: str) -> Anchor | None:
    """In a narrative text, the recent explicit date that a bare month or weekday belongs to."""
    if not ctx.narrative:
        return None
    for anchor in reversed(ctx.anchors):
        if ctx.sentence - anchor.sentence > _RECENT_SENTENCES:
            return None
        if anchor.explicit and _GRAIN_RANK.get(anchor.grain, 9) <= _GRAIN_RANK[grain]:
            return anchor
    return None


def _anchor_for(ctx: Context, unit: str) -> Anchor | None:
    """The most recent earlier date at least as fine as ``unit``."""
    rank = _GRAIN_RANK.get(unit, 5)
    for anchor in reversed(ctx.anchors):
        if _GRAIN_RANK.get(anchor.grain, 9) <= rank:
            return anchor
    return None


# ---------------------------------------------------------------- per mention kind


def _fixed(m: Fixed, ctx: Context) -> Resolved:
    provides = None
    if m.type is TimexType.DATE and m.value[:4].isdigit() and len(m.value) == 10:  # noqa: PLR2004
        day = dt.date.fromisoformat(m.value)
        provides = _provides(day, "day", ctx, explicit=True)
    return Resolved(m.type, m.value, m.mod, provides=provides)


def _year_for(m: Calendar, ctx: Context) -> tuple[int, Anchor | None]:
    """The year of a calendar mention written without one."""
    ref = ctx.reference
    if m.season is not None:
        current = ref.year - 1 if ref.month < 3 else ref.year  # noqa: PLR2004 - winter
        if m.shift == -1:  # the latest such season that has ended
            year = current
            while cal.add(cal.season_start(year, m.season), "month", 3) > ref:
                year -= 1
            return year, None
        if m.shift == 1:  # the first such season that starts after the reference
            year = current
            while cal.season_start(year, m.season) <= ref:
                year += 1
            return year, None
        return current, None
    if m.holiday is not None:
        feast = cal.movable_feast(ref.year, m.holiday)
        if m.shift is None:
            return _nearest_year(feast.month, feast.day, ctx, deadline=False), None
        key, now = (feast.month, feast.day), (ref.month, ref.day)
    elif m.month is not None:
        key = (m.month, m.day or 0)
        now = (ref.month, ref.day if m.day else 0)
    elif m.quarter is not None:
        key, now = (m.quarter, 0), (cal.quarter_of(ref), 0)
    else:
        key, now = ((m.half or 1), 0), ((ref.month - 1) // 6 + 1, 0)
    if m.shift == -1:
        return (ref.year if key < now else ref.year - 1), None
    if m.shift == 1:
        return (ref.year if key > now else ref.year + 1), None
    if m.shift == 0:
        return ref.year, None
    narrative = _narrative_anchor(ctx, "year")
    if narrative is not None and not m.day:
        return narrative.day.year, narrative
    if m.month is not None:
        return _nearest_year(m.month, m.day, ctx, deadline=m.deadline), None
    tense = ctx.tense()
    # A quarter or half: the latest one with that number, unless the text looks ahead.
    if tense is Tense.FUTURE and key[0] < now[0] - 1:
        return ref.year + 1, None
    return (ref.year if key <= now else ref.year - 1), None


def _nearest_year(month: int, day: int | None, ctx: Context, *, deadline: bool) -> int:
    """The year putting a month (or month and day) nearest the reference, tense breaking ties.

    A date the tense contradicts moves a year ("was ratified in October" said in April),
    except a deadline ("extended to Nov. 16") less than two months on the other side.
    """
    ref = ctx.reference
    target_day = day or 15
    best_year, best_distance = ref.year, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, min(target_day, 28 if month == 2 else 30))
        except ValueError:  # pragma: no cover - days are clamped above
            continue
        distance = abs((candidate - ref).days)
        if best_distance is None or distance < best_distance:
            best_year, best_distance = year, distance
    same_month = best_year == ref.year and month == ref.month
    if same_month:
        return best_year
    chosen = dt.date(best_year, month, 1)
    ahead = chosen > ref
    tense = ctx.tense()
    slack = _DAY_SLACK if deadline else 0
    if ahead and tense is Tense.PAST:
        if day is None or (dt.date(best_year, month, min(day, 28)) - ref).days > slack:
            return best_year - 1
    if not ahead and tense is Tense.FUTURE:
        end = cal.add(chosen, "month", 1)
        if day is None or (ref - dt.date(best_year, month, min(day, 28))).days > slack:
            if end <= ref or day is not None:
                return best_year + 1
    return best_year


def _calendar(m: Calendar, ctx: Context) -> Resolved | None:
    used = None
    if m.year is not None:
        year = m.year
    else:
        year, used = _year_for(m, ctx)
    explicit = m.explicit_year
    if m.holiday is not None or (m.month is not None and m.day is not None):
        try:
            day = (
                cal.movable_feast(year, m.holiday)
                if m.holiday is not None
                else dt.date(year, m.month or 1, m.day or 1)
            )
        except ValueError:
            return None
        value = _day_value(day, m.clock)
        return Resolved(
            _type(m.clock), value, m.mod, used, _provides(day, "day", ctx, explicit=explicit)
        )
    if m.month is not None:
        first = dt.date(year, m.month, 1)
        return Resolved(
            TimexType.DATE,
            f"{year:04d}-{m.month:02d}",
            m.mod,
            used,
            _provides(first, "month", ctx, explicit=explicit),
        )
    if m.season is not None:
        start = cal.season_start(year, m.season)
        return Resolved(
            TimexType.DATE,
            f"{year:04d}-{m.season}",
            m.mod,
            used,
            _provides(start, "season", ctx, explicit=explicit),
        )
    if m.quarter is not None:
        start = dt.date(year, 3 * m.quarter - 2, 1)
        return Resolved(
            TimexType.DATE,
            f"{year:04d}-Q{m.quarter}",
            m.mod,
            used,
            _provides(start, "quarter", ctx, explicit=explicit),
        )
    if m.half is not None:
        start = dt.date(year, 6 * m.half - 5, 1)
        return Resolved(
            TimexType.DATE,
            f"{year:04d}-H{m.half}",
            m.mod,
            used,
            _provides(start, "half", ctx, explicit=explicit),
        )
    return Resolved(
        TimexType.DATE,
        f"{year:04d}",
        m.mod,
        used,
        _provides(dt.date(year, 1, 1), "year", ctx, explicit=explicit),
    )


def _weekday(m: Weekday, ctx: Context) -> Resolved:
    base = ctx.reference
    used = None
    narrative = _narrative_anchor(ctx, "day") if m.shift is None else None
    if narrative is not None and narrative.grain == "day":
        base, used = narrative.day, narrative
    if m.shift == -1:
        day = cal.weekday_before(base, m.weekday)
    elif m.shift == 1:
        day = cal.weekday_after(base, m.weekday)
    elif m.shift == 0:
        day = base + dt.timedelta(days=m.weekday - base.isoweekday())
    elif m.weekend and base.isoweekday() >= 6:  # noqa: PLR2004 - on a weekend: this one
        day = base
    elif m.weekday == base.isoweekday():
        day = base
    elif (m.deadline and ctx.tense() is not Tense.PAST) or ctx.tense() is Tense.FUTURE:
        day = cal.weekday_after(base, m.weekday)
    else:
        day = cal.weekday_before(base, m.weekday)
    if m.weekend:
        value = _week_value(day, weekend=True)
        return Resolved(TimexType.DATE, value, m.mod, used, _provides(day, "week", ctx, explicit=False))
    value = _day_value(day, m.clock)
    return Resolved(
        _type(m.clock), value, m.mod, used, _provides(day, "day", ctx, explicit=False)
    )


def _recent_quarter(ctx: Context) -> Anchor | None:
    """The last date mentioned, if it is a recent quarter ("a year ago" then means its quarter)."""
    if ctx.anchors:
        last = ctx.anchors[-1]
        if last.grain == "quarter" and ctx.sentence - last.sentence <= _RECENT_SENTENCES:
            return last
    return None


def _relative(m: Relative, ctx: Context) -> Resolved | None:
    if m.offset is None:  # pragma: no cover - vague counts are resolved at recognition
        return None
    base, used, base_grain = ctx.reference, None, "day"
    grain = m.grain or m.unit
    if m.origin is Origin.ANCHOR:
        used = _anchor_for(ctx, grain)
        if m.unit == "quarter" and (used is None or used.grain != "quarter"):
            used = None  # "the quarter" with no quarter in view: the latest one reported
            base = cal.add(ctx.reference, "quarter", -1)
    elif m.compares:
        used = _recent_quarter(ctx)
    if used is not None:
        base, base_grain = used.day, used.grain
    if m.unit == "year" and grain == "quarter" and base_grain != "quarter":
        # "the year-ago quarter" with no quarter mentioned: the latest quarter reported
        base, base_grain = cal.add(ctx.reference, "quarter", -1), "quarter"
    if m.unit == "year" and grain in ("year", "quarter"):
        grain = "quarter" if base_grain == "quarter" else "year"
    day = cal.add(base, m.unit, m.offset)
    if grain == "day":
        value = _day_value(day, m.clock)
        provides = _provides(day, "day", ctx, explicit=False)
        return Resolved(_type(m.clock), value, m.mod, used, provides)
    value = _unit_value(day, grain, weekend=m.weekend)
    provides = None
    if grain in _GRAIN_RANK and not (m.unit == "year" and grain == "quarter"):
        provides = _provides(day, grain, ctx, explicit=False)  # a comparison is no new topic
    return Resolved(TimexType.DATE, value, m.mod, used, provides)


def is_narrative(mentions: Sequence[Mention], reference: dt.date) -> bool:
    """Does the text tell a story set away from its reference date (history, biography)?

    Decided from the evidence, so that one tagger serves news and narrative alike: most
    explicitly dated mentions lie two or more years from the reference, and few mentions
    speak from the reference itself ("yesterday", "last week").
    """
    far = near = 0
    for mention in mentions:
        if isinstance(mention, Calendar) and mention.explicit_year and mention.year is not None:
            if reference.year - mention.year >= _NARRATIVE_YEARS:
                far += 1
            else:
                near += 1
        elif isinstance(mention, Relative) and mention.origin is Origin.REFERENCE:
            near += 1
    return far >= 2 and far > 2 * near  # noqa: PLR2004 - a clear majority


def resolve(mention: Mention, ctx: Context) -> Resolved | None:
    """Resolve one mention in its context; ``None`` when it names no valid date."""
    if isinstance(mention, Fixed):
        return _fixed(mention, ctx)
    if isinstance(mention, Calendar):
        return _calendar(mention, ctx)
    if isinstance(mention, Weekday):
        return _weekday(mention, ctx)
    return _relative(mention, ctx)
