"""Resolution: (mention, reference date, tense, earlier dates) → TIMEX3 type, value and mod.

This is the only stage that sees the reference date. It is pure: the same mention in the same
context always resolves to the same value.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence

import attrs

from eventline import _calendar as cal
from eventline import timex
from eventline._mentions import Calendar, Clock, Fixed, Mention, Origin, Relative, Weekday
from eventline._tense import Tense
from eventline.model import TimexType

__all__ = ["Anchor", "Context", "Resolved", "is_narrative", "resolve"]

_YEAR_DAYS = 366
_GRAIN_RANK = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "season": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "century": 7,
}
_NARRATIVE_YEARS = 2
_TOLD_DATES = 2  # year-less dates that make a story of a single old year
_DAY_SLACK = 60
# a date something was put off to may have just passed when the text tells of it
_PUT_OFF_SLACK = 31
_RECENT_SENTENCES = 3
_DAY_BY_DAY_WEEKS = 5  # a text telling days this long before its reference tells a story
# a trip told day by day may stop for a few sentences of description ("Most huts close in late
# September ... The first three days were perfect. On Tuesday we crossed the pass")
_DAY_BY_DAY_SENTENCES = 5


@attrs.define(unsafe_hash=True)
class Anchor:
    """A date mentioned earlier in the text, for expressions such as "the next day"."""

    day: dt.date
    grain: str
    sentence: int
    explicit: bool
    written: bool = False  # a calendar date as written ("Sept. 30"), not a weekday or count
    flashback: bool = False  # "whose division had taken the hill in 1915": told back
    present: bool = False  # a story's "today", "last year": the text speaks from now again
    entry: bool = False  # a chronology's label: a year above its entries, or an entry's date
    weekend: bool = False  # "Labor Day weekend": a week-grain anchor a weekday may count from
    counted: bool = False  # "the next morning": a day counted on from a date told before
    birth: bool = False  # "born March 3, 1941": a life's first date, no day a story tells on from
    said: bool = False  # "investigators said Wednesday": the day of a saying, not of the events
    morning: bool = False  # "at 7:15 a.m. Sept. 2": a morning's time, after the night before
    evening: bool = False  # "late on Wednesday", "Wednesday night": a day told at its end
    recalled: bool = False  # "Fifty years ago today": an anniversary's day, told from now
    owner: bool = False  # "next year's budget": the year a noun is for, no time of the clause
    late: bool = False  # "in late 1863": a year told at its end, which a story moves on from
    # a span's bound, no setting for the dates around it: "until next summer", "through June
    # 30, 1999" (its end), "has led it since 2009" (a state's start, no year a clause ahead is in)
    bound: bool = False
    aside: bool = False  # "begun the previous autumn": a season counted back, told in passing


@attrs.define(slots=True)
class Context:
    """What resolution may use besides the mention itself."""

    reference: dt.date
    narrative: bool
    sentence: int
    tense: Callable[[], Tense]
    anchors: tuple[Anchor, ...]
    range_start: dt.date | None = None  # "from May 30 to [June 2]": the range's first day
    joined: bool = False  # "Friday and [Saturday]": ``range_start`` is a day joined by and/or
    pluperfect: Callable[[], bool] = lambda: False  # "had landed on 28 September": told back
    decided: Callable[[], bool] = lambda: False  # "agreed Monday to close the road Tuesday"
    will: Callable[[], bool] = lambda: False  # "will not be ready by the fall": the writer's
    entry: bool = False  # the mention labels a line of a chronology ("Feb. 3 \u2014 ...")
    in_entry: bool = False  # the mention is in the statement of a chronology's line
    # the day of the dated post or quoted message the mention is in, from its header line
    # ("kat_runs_far \u00b7 Sep 5", "On Mon, Jan 13, 2025 at 4:47 PM, Dana wrote:")
    post: Anchor | None = None
    entry_year: int | None = None  # a year-less timeline label's year, from its whole run
    clause_year: int | None = None  # "in 2021, when [6 February] is again a Saturday"
    aside: bool = False  # the sentence's last date was a relative clause's ("who ... in 2004,")
    after_by: bool = False  # "by [April]": a deadline a past clause has already reached
    after_since: bool = False  # "since [Christmas]", "from [Easter]": a point passed
    meeting: Anchor | None = None  # "adjourned at [9:47 p.m.]": the text's first day given
    # "worked through [the winter]": a span a past clause has already reached
    after_through: bool = False
    # "set in the summer of 1912 ... by [the fall]": the year of a work's setting just told
    setting_year: int | None = None


@attrs.define(unsafe_hash=True)
class Resolved:
    """A resolved value, the anchor it used (if any) and the anchor it provides."""

    type: TimexType
    value: str
    mod: str | None = None
    used: Anchor | None = None
    provides: Anchor | None = None
    freq: str | None = None


# ---------------------------------------------------------------- value formatting


def _clock(clock: Clock | None) -> str:
    if clock is None:
        return ""
    if clock.hour is not None:
        seconds = f":{clock.second:02d}" if clock.second is not None else ""
        return f"T{clock.hour:02d}:{clock.minute or 0:02d}{seconds}"
    return f"T{clock.part}" if clock.part else ""


def _type(clock: Clock | None) -> TimexType:
    return TimexType.TIME if clock is not None else TimexType.DATE


def _day_value(day: dt.date, clock: Clock | None = None) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}{_clock(clock)}"


def _week_value(day: dt.date, *, weekend: bool = False) -> str:
    year, week = cal.iso_week(day)
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def _season_value(day: dt.date) -> str:
    """The meteorological season holding ``day`` (a winter is named by its December's year)."""
    season = min(cal.SEASON_MONTH, key=lambda name: (day.month - cal.SEASON_MONTH[name]) % 12)
    year = day.year - 1 if day.month < cal.SEASON_MONTH["SP"] else day.year
    return f"{year:04d}-{season}"


_PERIOD_VALUES: dict[str, Callable[[dt.date], str]] = {
    "month": lambda day: f"{day.year:04d}-{day.month:02d}",
    "quarter": lambda day: f"{day.year:04d}-Q{cal.quarter_of(day)}",
    "season": _season_value,  # "in the spring of 2011 ... the next month": in that spring
    "half": lambda day: f"{day.year:04d}-H{(day.month - 1) // 6 + 1}",
    "decade": lambda day: f"{day.year // 10:03d}",
    "century": lambda day: f"{day.year // 100:02d}",
}


def _unit_value(day: dt.date, unit: str, *, weekend: bool = False) -> str:
    """The value naming the ``unit``-long period around ``day`` (a year by default)."""
    if unit == "day":
        return _day_value(day)
    if unit == "week":
        return _week_value(day, weekend=weekend)
    if unit in _PERIOD_VALUES:
        return _PERIOD_VALUES[unit](day)
    return f"{day.year:04d}"


def _provides(
    day: dt.date, grain: str, ctx: Context, *, explicit: bool, written: bool = False
) -> Anchor:
    flashback = _flashback(day, ctx, explicit)
    return Anchor(day, grain, ctx.sentence, explicit, written, flashback)


def _flashback(day: dt.date, ctx: Context, explicit: bool) -> bool:
    """Is an explicit date in a past-perfect clause told back from the story's latest date?

    "By February 1916 ... whose division had taken the hill in 1915": the story stays in
    1916, so a later "24 June" is 1916's, not 1915's.
    """
    if not (explicit and ctx.narrative and ctx.anchors) or not ctx.pluperfect():
        return False
    story = _narrative_anchor(ctx, "year")
    return story is not None and day < story.day


# ---------------------------------------------------------------- anchors


def _narrative_anchor(ctx: Context, grain: str) -> Anchor | None:
    """In a narrative text, the explicit date that a bare month or weekday belongs to.

    A weekday needs a date in the last few sentences; a month or season takes the story's
    latest explicit date however far back ("In October" after a paragraph without dates).
    """
    if not ctx.narrative:
        return None
    for anchor in reversed(ctx.anchors):
        if grain == "day" and ctx.sentence - anchor.sentence > _RECENT_SENTENCES:
            return None
        if anchor.present:
            return None  # "Today ... last year ... in March": the text is back in the present
        if anchor.flashback and anchor.sentence < ctx.sentence:
            continue  # a past-perfect date told back: the story resumes where it was
        if anchor.aside and not ctx.pluperfect():
            # "earthworks, begun the previous autumn, lasted through November": the clause
            # after the aside is the story's again, in the same sentence too
            continue
        if (anchor.birth or anchor.recalled) and grain == "day":
            # "born March 3, 1941, in Ohio, and died Tuesday": the reporter's Tuesday, not
            # the day after the birth (a life is not told day by day from its first day);
            # nor after "Fifty years ago today": an anniversary is marked on the reporter's day
            continue
        if anchor.explicit and _GRAIN_RANK.get(anchor.grain, 9) <= _GRAIN_RANK[grain]:
            return anchor
    return None


def _told_month(month: int | None, ctx: Context) -> Anchor | None:
    """The latest date of the story in ``month``: "the September sortie" after "29 September"."""
    for anchor in reversed(ctx.anchors):
        if anchor.grain in ("day", "month") and anchor.day.month == month:
            return anchor
    return None


def _told_day_month(month: int | None, ctx: Context) -> Anchor | None:
    """In news, a day of ``month`` told in the last few sentences, if any.

    The month an adjective names is the one the text told: "the August start" after "will
    open Aug. 21".
    """
    for anchor in reversed(ctx.anchors):
        if ctx.sentence - anchor.sentence > _TOLD_SENTENCES:
            break
        if anchor.grain == "day" and anchor.day.month == month:
            return anchor
    return None


_TOLD_SENTENCES = 4


def _own_month_told_back(m: Calendar, ctx: Context) -> Anchor | None:
    """A day of the reference's month a year back that a past clause's bare month tells on from.

    "[A year ago today] I walked into the shelter ... By [the end of January] he was sleeping
    on my bed" said on 15 January 2023 is January 2022, not the month the text is written in.
    """
    for anchor in reversed(ctx.anchors):
        back = ctx.reference.year - anchor.day.year
        if anchor.grain == "day" and anchor.day.month == m.month and back == 1:
            return anchor if ctx.tense() is Tense.PAST else None
    return None


def _sentence_anchor(ctx: Context) -> Anchor | None:
    """An explicit date earlier in the same sentence, in another year than the reference's.

    "He was elected in November 2020 and took office in January": the January after it.
    """
    if ctx.anchors and not ctx.aside:
        last = ctx.anchors[-1]
        same = last.sentence == ctx.sentence and last.explicit and last.grain in ("day", "month")
        # "renewed the lease through June 30, 1999, and set Oct. 27 as the first day" (said
        # in 1997): a span's end ahead is no year the sentence has moved to
        ahead = last.bound and last.day > ctx.reference
        if same and last.day.year != ctx.reference.year and not ahead:
            return last  # (a bare year is often a relative clause's: "a plan approved in 1987")
    return None


def _sentence_anchor_past(ctx: Context) -> Anchor | None:
    """``_sentence_anchor``, unless the clause is in the present tense.

    "People who began collecting before May 1997 are paid on Jan. 2": a schedule that stands,
    the coming Jan. 2, not the one after May 1997.
    """
    anchor = _sentence_anchor(ctx)
    return None if anchor is None or ctx.tense() is Tense.PRESENT else anchor


def _year_in_view(ctx: Context, unit: str) -> Anchor | None:
    """The most recent earlier date at least as fine as ``unit``, not a year-less plan ahead."""
    rank = _GRAIN_RANK.get(unit, 5)
    said: Anchor | None = None
    for anchor in reversed(ctx.anchors):
        if not anchor.explicit and anchor.day > ctx.reference:
            continue  # "will meet again in mid-January", said in December
        if said is not None and anchor.sentence != said.sentence:
            return said
        if _GRAIN_RANK.get(anchor.grain, 9) > rank:
            continue
        if anchor.said and unit in ("month", "year") and said is None:
            # "Last month was the warmest, the office said Monday. For the month": the month
            # told before the day of the saying, in its sentence
            said = anchor
            continue
        return anchor
    return said


def _day_or_weekend(ctx: Context) -> Anchor | None:
    """The most recent earlier day or weekend, which "the following Tuesday" counts from."""
    for anchor in reversed(ctx.anchors):
        if anchor.grain == "day" or anchor.weekend:
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


_SPAN_GRAINS = {3: ("decade", 10), 2: ("century", 100)}  # "192": the 1920s, "19": the 1900s


def _fixed(m: Fixed, ctx: Context) -> Resolved:
    provides = None
    if m.type is TimexType.DATE and m.value[:4].isdigit() and len(m.value) == 10:
        day = dt.date.fromisoformat(m.value)
        provides = _provides(day, "day", ctx, explicit=True, written=True)
    elif m.type is TimexType.DATE and m.value.isdigit() and len(m.value) in _SPAN_GRAINS:
        # "during the 1920s ... by the end of the decade": the decade in view
        grain, years = _SPAN_GRAINS[len(m.value)]
        day = dt.date(max(1, int(m.value) * years), 1, 1)
        provides = _provides(day, grain, ctx, explicit=True)
    return Resolved(m.type, m.value, m.mod, provides=provides, freq=m.freq)


def _season_year(season: str, shift: int | None, ref: dt.date) -> int:
    """The year of "last/next/this summer": a winter is named by the year of its December."""
    # Jan-Feb: still last year's winter (but this year's spring and summer)
    year = ref.year - 1 if ref.month < 3 and season == "WI" else ref.year
    if shift == -1:  # the latest such season that has ended
        while cal.add(cal.season_start(year, season), "month", 3) > ref:
            year -= 1
    elif shift == 1:  # the first such season that starts after the reference
        while cal.season_start(year, season) <= ref:
            year += 1
    return year


def _season_or_weekday_year(m: Calendar, ctx: Context) -> int | None:
    """The year of a season, or of a date the text gives with its weekday, if that decides it."""
    ref = ctx.reference
    if m.season is not None:
        return _bare_season_year(m.season, m.shift, m.deadline, ctx)
    if m.weekday is not None and m.month is not None and m.day is not None:
        month, day = m.month, m.day
        story = _narrative_anchor(ctx, "year")  # "on Wednesday, 12 May" after "3 May 1926"
        around = story.day if story is not None else ref
        agreeing = _years_with_weekday(month, day, m.weekday, around)
        if agreeing:  # "Sunday, Nov. 3": the year in which Nov. 3 is a Sunday
            return min(agreeing, key=lambda y: abs((dt.date(y, month, day) - around).days))
    return None


def _bare_season_year(season: str, shift: int | None, deadline: bool, ctx: Context) -> int:
    """The year of a season: "last summer", "by the fall", "in the spring" of a story."""
    year = _season_year(season, shift, ctx.reference)
    if shift == 0 and season == "WI" and ctx.reference.month == 3 and ctx.tense() is Tense.PAST:
        return year - 1  # "waited four hours this winter" said in March: the winter ending
    if shift is not None:
        return year
    if ctx.setting_year is not None:
        return ctx.setting_year  # "set in 1912 ... by the fall": the plot's fall
    narrative = _narrative_anchor(ctx, "year")
    if narrative is not None and not (ctx.tense() is Tense.FUTURE and ctx.will()):
        # "in the spring of 1088 ... by the summer": the story's year, moving forward
        return _story_season_year(narrative, season, ctx)
    if deadline:
        return _deadline_season_year(season, year, ctx)
    return _season_by_tense(season, year, ctx)


def _deadline_season_year(season: str, year: int, ctx: Context) -> int:
    """The year of a deadline's season ("by spring"), ``year`` being the reference's.

    "by spring" said in December is the coming one, unless the clause is past; what was done
    "by" a season in a past clause was done before now: "by the summer he was calm" said in
    January is last summer (but "signaled no cuts before the fall" looks ahead), and so was
    what went on "through" or "until" one: "crunched through the winter" said in April.
    """
    ref = ctx.reference
    past = ctx.tense() is Tense.PAST
    reached = ctx.after_by or ctx.after_through  # "crunched through the winter" (said in April)
    if past and reached and cal.season_start(year, season) > ref:
        return year - 1
    over = cal.add(cal.season_start(year, season), "month", 3) <= ref
    return year + 1 if over and not past else year


def _story_season_year(story: Anchor, season: str, ctx: Context) -> int:
    """The year of a bare season told after the story's date ``story``, moving forward.

    A season holding the story's day is that one: "the winter" told in January 1944 is the
    winter of 1943-44, not the next.
    """
    held = _season_value(story.day)
    if story.grain in ("day", "month") and held.endswith(season):
        return int(held[:4])
    return _forward_year(story, cal.SEASON_MONTH[season], ctx)


def _season_by_tense(season: str, year: int, ctx: Context) -> int:
    """A bare season the tense contradicts moves a year ("the floods last summer" ...)."""
    start = cal.season_start(year, season)
    tense = ctx.tense()
    if tense is Tense.PAST and start > ctx.reference:
        return year - 1
    if tense is Tense.FUTURE and cal.add(start, "month", 3) <= ctx.reference:
        return year + 1
    return year


def _years_with_weekday(month: int, day: int, weekday: int, ref: dt.date) -> list[int]:
    """The years near ``ref`` in which month/day falls on ``weekday``."""
    found = []
    for year in range(ref.year - 1, ref.year + 2):
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                found.append(year)
        except ValueError:  # February 29
            continue
    return found


def _shifted_year(key: tuple[int, int], now: tuple[int, int], shift: int, ref: dt.date) -> int:
    """The year of "last/next/this" + a month, quarter or holiday at position ``key``."""
    if shift == -1:
        return ref.year if key < now else ref.year - 1
    if shift == 1:
        return ref.year if key > now else ref.year + 1
    return ref.year


def _year_for(m: Calendar, ctx: Context) -> tuple[int, Anchor | None]:
    """The year of a calendar mention written without one, and the anchor that gave it."""
    ref = ctx.reference
    stated = _season_or_weekday_year(m, ctx)
    if stated is not None:
        return stated, None
    if m.holiday is not None:
        feast = cal.feast_near(ref.year, m.holiday)
        key, now = (feast.month, feast.day), (ref.month, ref.day)
    elif m.month is not None:
        key, now = (m.month, m.day or 0), (ref.month, ref.day if m.day else 0)
    elif m.quarter is not None:
        key, now = (m.quarter, 0), (cal.quarter_of(ref), 0)
    else:
        key, now = ((m.half or 1), 0), ((ref.month - 1) // 6 + 1, 0)
    if m.shift is not None:
        return _shifted_year(key, now, m.shift, ref), None
    if m.month is not None and m.day and (after := _after_day_ahead(m.month, m.day, ctx)):
        # "opening on Thursday, July 17, and closing on July 20"; in a story too: "will play
        # 40 dates, starting Sept. 12 ... and closing on Nov. 22" after the band's old years
        return after, None
    # a story's year, or a month of the season told just before ("Last winter ... in February")
    story = _story_year(m, ctx) or (_season_in_view(m.month, ctx) if m.month else None)
    if story is not None:
        return story
    if m.holiday is not None or m.month is not None:
        return _named_year(m, key, ctx), None
    return _paired_period_year(m, key[0], ctx) or (_period_year(m, key[0], now[0], ctx), None)


def _paired_period_year(m: Calendar, number: int, ctx: Context) -> tuple[int, Anchor] | None:
    """The year of a bare half or quarter after an earlier one of a year named in its sentence.

    "Most of the shortfall will come in the first half of the fiscal year, and costs should
    ease in the second half" (after "fiscal 1991"): that fiscal year's second half.
    """
    if not ctx.anchors:
        return None
    last = ctx.anchors[-1]
    grain = "half" if m.half is not None else "quarter"
    if last.sentence != ctx.sentence or last.grain != grain or not last.explicit:
        return None
    told = (last.day.month - 1) // (6 if grain == "half" else 3) + 1
    return (last.day.year, last) if number > told else None


_SEASON_LENGTH = 3  # months


def _season_in_view(month: int, ctx: Context) -> tuple[int, Anchor] | None:
    """The year of a bare month that the season told in the last sentence holds.

    "Last winter offered a glimpse of that future. Ice peaked in mid-February" said on 7
    February 2026: the February of the winter of 2024-25, not the reference's own month.
    """
    if not ctx.anchors:
        return None
    season = ctx.anchors[-1]
    if season.grain != "season" or season.explicit or season.bound:
        return None  # "will not be fixed until next summer. ... will graduate on June 15"
    if ctx.sentence - season.sentence > 1:
        return None  # ("shot in the winter of 2018 ... begins in January": a story's, or not)
    start = season.day
    if (month - start.month) % 12 >= _SEASON_LENGTH:
        return None
    year = start.year + (month < start.month)
    ahead = ctx.sentence > season.sentence and ctx.tense() in (Tense.FUTURE, Tense.PRESENT)
    if ahead and dt.date(year, month, 1) < ctx.reference:
        # "a calendar adopted last spring. Ticket sales will begin May 1": a month of the
        # next sentence that looks ahead is not in a season over (in the season's own
        # sentence it stays: "Last summer, ski areas closed their glacier runs in mid-July")
        return None
    return year, season


def _named_year(m: Calendar, key: tuple[int, int], ctx: Context) -> int:
    """The year of a holiday or a month (and day) with no year, nearest on the tense's side."""
    if m.holiday is not None and (told := _told_feast(m.holiday, ctx)) is not None:
        # "Election Day is Nov. 4 ... has hired 40 more for Election Day"; not last year's
        # told before a plan: "Last year seven died by Easter Monday ... will add carriages
        # on Easter Monday"
        gone = cal.feast_near(told, m.holiday) < ctx.reference
        if not (gone and ctx.tense() is Tense.FUTURE):
            return told
    year = _nearest_year(key[0], key[1] or None, ctx, deadline=m.deadline)
    if (m.holiday is not None or m.feast) and ctx.tense() is Tense.PRESENT:
        # "Christmas is three weeks away", "Election Day is coming" said in April: a feast
        # in the present is the coming one, unless it has just passed
        day = cal.feast_near(year, m.holiday) if m.holiday else dt.date(year, key[0], key[1])
        passed = ctx.reference - day
        if passed.days > _FEAST_JUST_PASSED and not ctx.after_since:
            return year + 1
    return year


# days after a feast during which the present tense may still speak of it ("Easter is over")
_FEAST_JUST_PASSED = 31


def _told_feast(holiday: str, ctx: Context) -> int | None:
    """The year of a holiday the text has already named on its day, within a year of now.

    A holiday named again is the same day: "Election Day is Nov. 4" said in October, then
    "the county has hired 40 more for Election Day" is that Election Day, not the last one.
    """
    ref = ctx.reference
    days = {cal.feast_near(year, holiday): year for year in (ref.year - 1, ref.year, ref.year + 1)}
    for anchor in reversed(ctx.anchors):
        if anchor.grain == "day" and anchor.day in days:
            return days[anchor.day]
    return None


def _story_year(m: Calendar, ctx: Context) -> tuple[int, Anchor | None] | None:
    """The year a story or the sentence's earlier date gives a year-less date, if any."""
    if (in_entry := _entry_year(m, ctx)) is not None:
        return in_entry
    # "in 2021, when 6 February is again a Saturday"; "The new year brings a musical, from
    # March 4 to April 10"
    # "Last year seven died between Good Friday and Easter Monday": a holiday takes the
    # opening year too
    # (not a month's figures: "rise in the new year, set by July's retail prices index" is
    # the July just reported)
    next_year = m.month is not None and not m.figures
    if (m.month is not None or m.holiday is not None) and (
        year := ctx.clause_year or (_next_year_told(ctx) if next_year else None)
    ) is not None:
        return year, None
    told = None
    if m.told:  # "the September sortie"; in news "the August start" after "Aug. 21"
        told = _told_month(m.month, ctx) if ctx.narrative else _told_day_month(m.month, ctx)
    elif m.month == ctx.reference.month and m.day is None and not ctx.narrative:
        told = _own_month_told_back(m, ctx)
    story = _narrative_anchor(ctx, "year")
    narrative = story or _sentence_anchor_past(ctx)
    if ctx.aside and narrative is not None and narrative is ctx.anchors[-1]:
        narrative = None  # "McCullum, who made his debut in March 2004, retired in December"
    ahead = narrative is not None and narrative.day.year > ctx.reference.year
    if ahead and ctx.tense() is Tense.PAST:
        # "has named 2024 as its target ... tickets went on sale in June" (said in 2019): a
        # year ahead is no story's for a past clause
        narrative = None
    # a movable feast takes a story's year ("On Easter Monday" after "20 March 1917"), not
    # the year of a date of its own sentence in news
    feast = m.holiday is not None and (narrative is None or narrative is not story)
    if (told is None and (narrative is None or feast)) or (
        ctx.tense() is Tense.FUTURE  # read last: it costs the most
    ):
        return None
    if told is not None or narrative is None:
        return (told.day.year, told) if told is not None else None  # "the September sortie"
    month = m.month
    if m.holiday is not None:
        month = cal.feast_near(narrative.day.year, m.holiday).month
    return _forward_year(narrative, month, ctx), narrative


def _entry_year(m: Calendar, ctx: Context) -> tuple[int, Anchor | None] | None:
    """The year a chronology gives a year-less label or a date in an entry's statement."""
    if ctx.entry_year is not None:
        return ctx.entry_year, None  # "March 2 \u2014 ...", "June 4 \u2014 ...": see the tagger
    entry = ctx.entry or ctx.in_entry  # "2006" above "Feb. 3 \u2014 ...", "... in November"
    if not entry or m.month is None or (label := _entry_anchor(ctx)) is None:
        return None
    if ctx.entry and label.grain in ("day", "month") and m.month < label.day.month:
        # "March 2025: It delays a plant." above "Jan. 16: It pushes back the pickups": a
        # timeline's labels run in order, a month back round is the next year's
        return label.day.year + 1, label
    return _forward_year(label, m.month, ctx), label


_MIDSUMMER_MONTH = 7


def _next_year_told(ctx: Context) -> int | None:
    """The year after the reference's, named earlier in the sentence ("next year").

    A year-less date of a clause that is not past falls in it: "The new year brings a
    musical, from March 4 to April 10".
    """
    if not ctx.anchors or ctx.reference.month < _MIDSUMMER_MONTH:
        # said before midsummer, the coming month and day are still this year's: "a hearing
        # on next year's budget at 7 p.m. April 9" (said in March) is this April
        return None
    last = ctx.anchors[-1]
    ahead = last.grain == "year" and last.day.year == ctx.reference.year + 1
    if not ahead or last.explicit or last.owner or last.sentence != ctx.sentence:
        return None  # "will vote on next year's budget on July 12": this July
    return None if ctx.tense() is Tense.PAST else last.day.year


def _entry_anchor(ctx: Context) -> Anchor | None:
    """The year a chronology's year-less entry is in: the last label's with a year written.

    "2006" on its own line, or "Jan. 30, 2020 \u2014 ..." above "Feb. 11 \u2014 ...": the
    entries that follow are in that year (moving on to the next one when a month comes back
    round), whatever the tense of their statements and however far the reference is.
    """
    for anchor in reversed(ctx.anchors):
        if anchor.entry and anchor.explicit:
            return anchor
    return None


def _counted_from(m: Relative, offset: int, base: dt.date, ctx: Context) -> tuple[dt.date, int]:
    """The day a count starts from and the count, once "overnight" has found its night."""
    if (night := _entry_night(m, ctx)) is not None:
        return night, offset  # "June 17, 2012 \u2014 The river rises overnight": that night
    if m.past_offset is not None and ctx.tense() is Tense.PAST:
        told = ctx.anchors[-1] if ctx.anchors else None
        if told is not None and told.sentence == ctx.sentence and told.grain == "day":
            if told.day > base:
                return base, m.past_offset
            # "told officers at 7:15 a.m. Sept. 2 that someone had entered her garage
            # overnight", "police said Tuesday that snow fell overnight": the night before a
            # morning or a saying; "treated and released by 2 p.m., and two were kept
            # overnight": that day's night
            return told.day, m.past_offset if told.morning or told.said else 0
        return base, m.past_offset  # "the storm dumped snow overnight": last night
    return base, offset


def _entry_day(ctx: Context) -> Anchor | None:
    """The day labelling the chronology line a mention is in, which its statement speaks from."""
    for anchor in reversed(ctx.anchors):
        if anchor.entry:
            return anchor if anchor.grain == "day" else None
    return None


def _line_day(ctx: Context) -> Anchor | None:
    """The day a mention's words count from: its chronology line's label, or its post's day.

    "kat_runs_far \u00b7 Sep 5" above "Long run this morning. Tomorrow is a rest day": the
    post's deictic words are the writer's on the day of the post, not on the reference's.
    """
    if ctx.in_entry:
        return _entry_day(ctx)
    return ctx.post


def _entry_night(m: Relative, ctx: Context) -> dt.date | None:
    """The day whose "overnight" a chronology's dated entry tells of, if it is one."""
    if m.past_offset is None or not ctx.in_entry:
        return None
    label = _entry_anchor(ctx)
    return label.day if label is not None and label.grain == "day" else None


def _after_day_ahead(month: int, day: int, ctx: Context) -> int | None:
    """The year of a day up to three months after a day ahead given earlier in its sentence."""
    if not ctx.anchors:
        return None
    last = ctx.anchors[-1]
    if last.sentence != ctx.sentence or last.grain != "day" or last.day <= ctx.reference:
        return None
    for year in (last.day.year, last.day.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # Feb. 29 in a common year
            continue
        if 0 <= (candidate - last.day).days <= _AFTER_DAYS:
            return year
    return None


_AFTER_DAYS = 92  # a season's run: "starting Sept. 12 ... closing on Nov. 22"


def _period_year(m: Calendar, number: int, now: int, ctx: Context) -> int:
    """The year of a quarter or half ``number`` written without one (``now``: the reference's).

    The latest one with that number, unless the text looks ahead ("expects a recovery in the
    second half"; the quarter just ended is still reported); after "by" one still to come.
    """
    year = ctx.reference.year
    tense = ctx.tense()
    if m.deadline and tense is not Tense.PAST:  # "by the end of Q3"
        return year + 1 if number < now else year
    if tense is Tense.FUTURE:
        if m.quarter == 4 and now == 1:
            return year - 1  # "will report fourth-quarter results" in January: just ended
        return year + 1 if number < now - 1 else year
    if number > now and m.fiscal and m.quarter is not None:
        # "profit for the fiscal fourth quarter rose" said in July 2000: a fiscal year that
        # ends before December has closed its fourth quarter of this year already
        end = cal.add(dt.date(year, 3 * number - 2, 1), "quarter", 1)
        return year if (end - ctx.reference).days <= _FISCAL_AHEAD_DAYS else year - 1
    return year if number <= now else year - 1


# how far the calendar's quarter may end after a fiscal quarter of its number, reported:
# the fiscal fourth quarter ended March 31 is the year's, not the last calendar one
_FISCAL_AHEAD_DAYS = 275


_BACK_MONTHS = 3


def _forward_year(anchor: Anchor, month: int | None, ctx: Context) -> int:
    """The year of a month told after ``anchor``: a story moves forward.

    "In July 1895 ... in March" is March 1896; but a month or two back stays in the year
    ("on 14 October ... had landed on 28 September"), and so does the past perfect.
    """
    day = anchor.day  # a season's first day: "in the autumn of 1893 ... in March" is 1894
    grain = anchor.grain
    if anchor.late:  # "in late 1863 ... surrendered on February 2": 1864, as after December
        day, grain = dt.date(day.year, 12, 1), "month"
    if month is None or grain not in ("day", "month", "season") or month >= day.month:
        return day.year
    if day.month - month < _BACK_MONTHS or ctx.pluperfect():
        return day.year
    if dt.date(day.year + 1, month, 1) > ctx.reference and ctx.tense() is Tense.PAST:
        # "received Sept. 27, 2024, on an application filed in February" said in January
        # 2025: a past clause's month is not one still to come
        return day.year
    return day.year + 1


def _deadline_years(tense: Tense, day: int | None, end: dt.date, ref: dt.date) -> int:
    """Years on from a deadline's month or day already over: "by August", "until January".

    The coming one (not "was moved to"), unless it is the month just ended in a clause that
    does not look ahead: "numbers are final through the end of November" said in December
    (a deadline eleven months ahead would be "next November").
    """
    if tense is not Tense.FUTURE and day is None and end == ref.replace(day=1):
        return 0
    return 1


def _nearest_year(month: int, day: int | None, ctx: Context, *, deadline: bool) -> int:
    """The year putting a month (or a month and day) nearest the reference date.

    The tense overrides nearness when it contradicts it: "was ratified in October" said in
    April is last October. A deadline ("extended to Nov. 16") may lie up to two months on
    the other side of what the tense says.
    """
    ref = ctx.reference
    middle = min(day or 15, 28)
    year = min(
        (ref.year - 1, ref.year, ref.year + 1),
        key=lambda y: abs((dt.date(y, month, middle) - ref).days),
    )
    if year == ref.year and month == ref.month:
        return year
    start = dt.date(year, month, min(day or 1, 28))
    end = start + dt.timedelta(days=1) if day else cal.add(start, "month", 1)
    tense = ctx.tense()
    # a date moved or set in the past may still lie ahead ("extended to Nov. 16"); what was
    # done "by" a month in a past clause was done before now ("we were sown by mid-April")
    reached = tense is Tense.PAST and ctx.after_by
    slack = dt.timedelta(days=_DAY_SLACK if deadline and not reached else 0)
    if tense is Tense.PAST and start > ref + slack:
        return year - 1
    if tense is Tense.FUTURE and end <= ref - slack:
        return year + 1
    ahead_or_none = (Tense.NONE, Tense.NEAREST, Tense.PRESENT, Tense.FUTURE)
    if deadline and tense in ahead_or_none and end <= ref:
        return year + _deadline_years(tense, day, end, ref)
    return year + _plan_years(tense, start, end, ref)


def _plan_years(tense: Tense, start: dt.date, end: dt.date, ref: dt.date) -> int:
    """Years on (or back) from the nearest for a plan told in the past, given up or put off."""
    if tense is Tense.PLANNED and start > ref + dt.timedelta(days=_DAY_SLACK):
        return -1  # "postponed a vote scheduled for March 27": past, or soon
    if tense is Tense.POSTPONED and end <= ref - dt.timedelta(days=_PUT_OFF_SLACK):
        return 1  # "extended the deadline to Oct. 31" said in April: the coming one
    return 0


def _place(m: Calendar, year: int) -> tuple[str, dt.date, str] | None:  # noqa: PLR0911 - one return per kind of position
    """The value, first day and grain of a calendar mention once its year is known."""
    if m.last_day and m.month is not None:  # "the last day of February"
        day = dt.date(year, m.month, calendar.monthrange(year, m.month)[1])
        return _day_value(day, m.clock), day, "day"
    if m.holiday is not None or (m.month is not None and m.day is not None):
        try:
            if m.holiday is not None:
                day = cal.movable_feast(year, m.holiday)
                nth = "/" in m.holiday and "@" not in m.holiday  # not "11/1/1@26"
                if nth and day.month != int(m.holiday.split("/")[0]):
                    return None  # "the fifth Sunday in February" of a year with four
            else:
                day = dt.date(year, m.month or 1, m.day or 1)
        except ValueError:  # "February 30"
            return None
        day += dt.timedelta(days=m.days)  # "the day after Christmas"
        if m.toward is not None:  # "the Monday after Thanksgiving": the next such weekday
            weekday, direction = m.toward
            step = ((weekday - day.isoweekday()) * direction) % 7 or 7
            day += dt.timedelta(days=step * direction)
        return _day_value(day, m.clock), day, "day"
    if m.month is not None:
        return f"{year:04d}-{m.month:02d}", dt.date(year, m.month, 1), "month"
    if m.season is not None:
        return f"{year:04d}-{m.season}", cal.season_start(year, m.season), "season"
    if m.quarter is not None:
        return f"{year:04d}-Q{m.quarter}", dt.date(year, 3 * m.quarter - 2, 1), "quarter"
    if m.half is not None:
        return f"{year:04d}-H{m.half}", dt.date(year, 6 * m.half - 5, 1), "half"
    return f"{year:04d}", dt.date(year, 1, 1), "year"


def _day_told_before(day: int, ctx: Context) -> Anchor | None:
    """The last calendar date written with this day of the month, if the text told one."""
    for anchor in reversed(ctx.anchors):
        if anchor.grain == "day" and anchor.written and anchor.day.day == day:
            return anchor if abs((anchor.day - ctx.reference).days) <= _YEAR_DAYS else None
    return None


def _bare_month_since(month: Anchor, told: Anchor) -> bool:
    """Is ``month`` a bare month told after the day ``told``, in another month, no day of it?"""
    return (
        month.grain == "month"
        and month.sentence > told.sentence
        and (month.day.year, month.day.month) != (told.day.year, told.day.month)
    )


def _written_month(ctx: Context) -> Anchor | None:
    """The last date the text wrote as a calendar date: "by Friday" names no month."""
    for anchor in reversed(ctx.anchors):
        if _GRAIN_RANK.get(anchor.grain, 9) <= _GRAIN_RANK["month"]:
            # "On 17 August 1862 ... by the end of the month ... on the 30th": a month
            # counted from a date written in a story is as good as written
            return anchor if anchor.written or anchor.explicit else None
    return None


def _planned_past_month(found: dt.date, used: Anchor, ctx: Context) -> bool:
    """Is a day of the month told before already past, in a clause that looks ahead?

    Not in a story, where a clause ahead may look ahead from its own day.
    """
    ref = ctx.reference
    return (
        not ctx.narrative
        and found < ref
        and (ref - used.day).days <= _YEAR_DAYS
        and ctx.tense() is Tense.FUTURE
    )


def _next_day_of_month(day: int, ref: dt.date) -> dt.date | None:
    """The first date on or after ``ref`` with this day of the month."""
    for months in range(3):
        try:
            found = cal.add(ref.replace(day=1), "month", months).replace(day=day)
        except ValueError:  # "the 31st" in a 30-day month
            continue
        if found >= ref:
            return found
    return None


def _day_of_month(m: Calendar, day: int, ctx: Context) -> Resolved | None:
    """A day of the month alone ("on the 15th"): of the month last mentioned, or the reference's.

    Against the reference, the tense picks the side: "was signed on the 15th" said on the
    24th is this month's 15th, said on the 10th last month's; "will vote on the 5th" said
    on the 24th is next month's.
    """
    anchor = _written_month(ctx)
    recent = anchor is not None and ctx.sentence - anchor.sentence <= _RECENT_SENTENCES
    base = anchor.day if anchor is not None and recent else ctx.reference
    used = anchor if recent else None
    if m.weekday is not None:  # "Friday the 13th": the nearest month where the 13th is one
        return _weekday_day_of_month(m, base, used, ctx)
    told = _day_told_before(day, ctx)
    if told is not None and (used is None or _bare_month_since(used, told)):
        # "I fly home the 20th ... I'll pick you up from the airport on the 20th": the day
        # the text has told, as a holiday named again; so after a bare month of another
        # clause ("sun the 25th? ... he started in march ... confirmed for the 25th at 4pm")
        # and the day in view again: "grab the keys the 28th after work, so like 6:30pm"
        provides = _provides(told.day, "day", ctx, explicit=False, written=True)
        return Resolved(_type(m.clock), _day_value(told.day, m.clock), m.mod, told, provides)
    candidates = []
    for months in (-1, 0, 1):
        first = cal.add(base.replace(day=1), "month", months)
        try:
            candidates.append(first.replace(day=day))
        except ValueError:  # "the 31st" in a 30-day month
            continue
    if not candidates:
        return None
    same = [c for c in candidates if c.month == base.month]
    found = same[0] if same else min(candidates, key=lambda c: abs((c - base).days))
    if used is not None and _planned_past_month(found, used, ctx):
        # "broken since like halloween ... - pay rent on the 1st", "check in is 4pm on the
        # 30th, checkout 11am on the 4th": a plan's day of the month is the next one, not a
        # day already past of the month just told
        used = None
        found = _next_day_of_month(day, ctx.reference) or found
    if used is None:
        tense = ctx.tense()
        ref = ctx.reference
        if tense is Tense.PAST and found > ref:
            found = max((c for c in candidates if c <= ref), default=found)
        elif (tense is Tense.FUTURE or m.deadline) and found < ref:
            found = min((c for c in candidates if c >= ref), default=found)
        elif tense is Tense.NEAREST:
            # "booked a plumber for the 9th" said on Nov. 30: the plan nearest now, Dec. 9
            found = min(candidates, key=lambda c: abs((c - ref).days))
    if m.week_of or m.weekend_of:  # "the week of the 16th"
        provides = _provides(found, "week", ctx, explicit=False, written=True)
        # "the weekend of the 24th": a weekend told, for "back by sunday night" after it
        if m.weekend_of:
            provides = attrs.evolve(provides, day=_nearest_saturday(found), weekend=True)
        value = _week_of_value(found, weekend=m.weekend_of)
        return Resolved(TimexType.DATE, value, m.mod, used, provides)
    # a day of the month is a calendar date as written: its month goes on to "the 20th"
    provides = _provides(found, "day", ctx, explicit=False, written=True)
    # "on the 11th at 8am": the clock time on that day
    return Resolved(_type(m.clock), _day_value(found, m.clock), m.mod, used, provides)


def _weekday_day_of_month(
    m: Calendar, base: dt.date, used: Anchor | None, ctx: Context
) -> Resolved | None:
    """The mention's day of the month on its weekday nearest ``base``, on the tense's side."""
    day, weekday = m.day or 1, m.weekday
    first = base.replace(day=1)
    candidates = []
    for months in range(-14, 15):
        month_start = cal.add(first, "month", months)
        if day <= calendar.monthrange(month_start.year, month_start.month)[1]:
            candidate = month_start.replace(day=day)
            if candidate.isoweekday() == weekday:
                candidates.append(candidate)
    tense = ctx.tense() if used is None else Tense.NONE
    if tense is Tense.PAST:
        candidates = [c for c in candidates if c <= base] or candidates
    elif tense is Tense.FUTURE or m.deadline:
        candidates = [c for c in candidates if c >= base] or candidates
    if not candidates:
        return None
    found = min(candidates, key=lambda c: abs((c - base).days))
    # a day of the month as written, with its weekday: "sun the 25th" ... "the 25th at 4pm"
    provides = _provides(found, "day", ctx, explicit=False, written=True)
    return Resolved(_type(m.clock), _day_value(found, m.clock), m.mod, used, provides)


def _range_end_year(month: int, day: int | None, first: dt.date) -> int:
    """The year putting a range's last month or day on or after its first day."""
    if (month, day or 31) >= (first.month, first.day):
        return first.year
    return first.year + 1


def _leap_year_towards(year: int, ctx: Context) -> int:
    """The leap year nearest ``year`` on the side the tense gives (earlier unless future)."""
    step = 1 if ctx.tense() is Tense.FUTURE else -1
    while not calendar.isleap(year):
        year += step
    return year


def _full_year(short: int, ctx: Context) -> int:
    """The latest year ending in ``short`` ("'98"), or the coming one if the clause looks ahead."""
    ref = ctx.reference
    year = ref.year - ref.year % 100 + short
    if year > ref.year and (year > ref.year + 10 or ctx.tense() is not Tense.FUTURE):
        return year - 100
    return year


def _calendar(m: Calendar, ctx: Context) -> Resolved | None:
    if m.short_year and m.year is not None:
        m = attrs.evolve(m, year=_full_year(m.year, ctx), short_year=False)
    if m.month is None and m.day is not None and m.holiday is None:
        return _day_of_month(m, m.day, ctx)
    used = None
    compared = m.quarter_in_view  # a comparison ("the 1988 period") opens no new topic
    if m.quarter_in_view:  # "the 1988 quarter", "last year's period": the quarter reported on
        in_view = _quarter_in_view(ctx)
        latest = in_view.day if in_view else cal.add(ctx.reference, "quarter", -1)
        m = attrs.evolve(m, quarter=cal.quarter_of(latest), quarter_in_view=False)
    year = m.year
    if year is None and m.anchored:
        year, used = _anchored_year(m, ctx)
    if year is None and m.year_shift is not None:
        year = ctx.reference.year + m.year_shift
    if year is None and ctx.range_start is not None and m.month is not None and m.shift is None:
        year = _range_end_year(m.month, m.day, ctx.range_start)
    if year is None:
        year, used = _year_for(m, ctx)
        if (m.month, m.day) == (2, 29) and not calendar.isleap(year):
            year = _leap_year_towards(year, ctx)  # "Feb. 29" said in 2023: 2020 or 2024
    year -= m.years_back  # "twenty-five years ago this spring": this spring's year, back
    placed = _place(m, year)
    if placed is None:
        return None
    value, start, grain = placed
    weekend = bool(m.weekend_of)  # "Memorial Day weekend": the weekend of the nearest Saturday
    if m.week_of or m.weekend_of:
        value, grain = _week_of_value(start, weekend=m.weekend_of), "week"
    timed = m.clock is not None and m.clock.hour is not None  # "Christmas morning" is a DATE
    kind = TimexType.TIME if grain == "day" and timed else TimexType.DATE
    # "On 15 September" read in a story's year keeps that year for what follows
    # but "until late February" ends a span: the story stays where the span began
    # and what is counted from the story's time ("the following spring") counts from there too
    explicit = m.explicit_year or (used is not None and used.explicit and not m.closes)
    closes = m.closes and not m.explicit_year and ctx.narrative
    skip = compared or closes
    # a holiday names no month as written: "book flights for thanksgiving ... vet shots due the
    # 6th" is the 6th of the month in view, not November's
    written = m.holiday is None or m.explicit_year
    provides = None if skip else _provides(start, grain, ctx, explicit=explicit, written=written)
    if provides is not None:
        provides = _deictic_provides(m, provides, ctx, weekend=weekend)
        if grain == "year" and m.mod == "END":
            provides = attrs.evolve(provides, late=True)
    return Resolved(kind, value, m.mod, used, provides)


def _week_of_value(day: dt.date, *, weekend: bool) -> str:
    """The week of a day ("the week of March 6"), or the weekend of its nearest Saturday."""
    if not weekend:
        return _week_value(day)
    return _week_value(_nearest_saturday(day), weekend=True)  # "Memorial Day weekend"


def _nearest_saturday(day: dt.date) -> dt.date:
    """The Saturday nearest ``day``, whose weekend "the weekend of" the day names."""
    return min(
        (cal.weekday_before(day, 6, inclusive=True), cal.weekday_after(day, 6)),
        key=lambda near: abs((near - day).days),
    )


def _deictic_provides(m: Calendar, provides: Anchor, ctx: Context, *, weekend: bool) -> Anchor:
    """The anchor a calendar mention provides, marked as a weekend's, told back, or as now.

    "This autumn she grew tired ... by October": a story's closing speaks from now, as "last
    year" does; "the previous autumn" in a story is told back from it, as a past perfect is.
    """
    if weekend:
        provides = attrs.evolve(provides, weekend=True)
    if m.anchored and m.shift is not None and m.shift < 0 and ctx.narrative:
        # "earthworks, begun the previous autumn, were too strong": told back, as a past
        # perfect is; the story's next "July" is the summer it was in, not the autumn before
        # an aside ("begun the previous autumn") only outside a past perfect ("had been
        # begun the previous autumn and finished in December" tells on from it)
        return attrs.evolve(provides, flashback=True, aside=not ctx.pluperfect())
    if m.shift is not None and not m.anchored and not m.explicit_year:
        present = ctx.reference.year - provides.day.year < _NARRATIVE_YEARS
        provides = attrs.evolve(provides, present=present)
    return provides


def _anchored_year(m: Calendar, ctx: Context) -> tuple[int | None, Anchor | None]:
    """The year of "that autumn", "the following spring", "that December", from the last date."""
    used = _anchor_for(ctx, "year")
    if m.season is not None:
        base = used.day if used is not None else ctx.reference
        if used is not None and used.grain == "year" and m.shift == 1:
            # "in 1824 ... the following spring": 1825; "the following winter" is the one
            # that begins in that year's December (1824-WI)
            winter = m.season == "WI"
            base = base.replace(month=11, day=30) if winter else base.replace(month=12, day=31)
        if used is not None and used.grain == "year" and m.shift == 0:
            return used.day.year, used  # "in 1921 ... that winter": the winter of 1921
        return _season_year(m.season, m.shift, base), used
    if m.month is not None:
        return _anchored_month_year(m.month, m.shift, used, ctx), used
    if m.half is not None:  # "the second half of the year": the last date's, or this year
        used = _half_year_in_view(m, ctx, used)
        return (used.day.year if used is not None else ctx.reference.year), used
    return None, None


def _half_year_in_view(m: Calendar, ctx: Context, used: Anchor | None) -> Anchor | None:
    """The date whose year "the second half of the year" is, as for "the end of the year".

    In news a year-less date ahead names no year in view, and a clause that looks ahead is
    the reference's year unless its own sentence gives one: "slid back into recession in
    1937 ... If the money arrives in the second half of the year" said in 2009 is 2009-H2.
    """
    if ctx.narrative:
        return used
    used = _year_in_view(ctx, "year")
    ahead = ctx.tense() is Tense.FUTURE or (m.deadline and ctx.tense() is not Tense.PAST)
    if ahead and not (used is not None and used.explicit and used.sentence == ctx.sentence):
        return None
    return used


def _anchored_month_year(month: int, shift: int | None, used: Anchor | None, ctx: Context) -> int:
    """The year of "that December" (``shift`` 0), "the following March" (1), "the previous May"."""
    if used is None:
        base = ctx.reference
        return _shifted_year((month, 0), (base.month, 0), shift or 0, base) if shift else base.year
    day = used.day
    if shift and _GRAIN_RANK.get(used.grain, 9) >= _GRAIN_RANK["year"]:
        return day.year + shift  # "renamed in 1948. The following March": March 1949
    if shift == 1:
        return day.year if month > day.month else day.year + 1
    if shift == -1:
        return day.year if month < day.month else day.year - 1
    return _forward_year(used, month, ctx)


def _looks_ahead(m: Weekday, ctx: Context) -> bool:
    """Future tense, or a deadline ("until Tuesday") not in the past tense.

    (In a narrative, a weekday is also the next one: a story moves forward.)
    """
    tense = ctx.tense()
    if tense in (Tense.NONE, Tense.NEAREST, Tense.PRESENT) and _ahead_in_sentence(ctx):
        # "rain through Wednesday before reaching the Northeast on [Thursday]", "would open
        # until 10pm on Saturday and close early on [Monday]"
        return True
    if tense in (Tense.SCHEDULED, Tense.PLANNED, Tense.POSTPONED):
        return True  # "the vote was set for Friday", "postponed until Tuesday": the coming one
    return tense is Tense.FUTURE or (m.deadline and tense is not Tense.PAST)


def _day_told(weekday: int, ctx: Context) -> dt.date | None:
    """The day a weekday names after a decision on a day given, or as a day set already told."""
    if (decided := _decision_day(ctx)) is not None:
        return cal.weekday_after(decided, weekday)  # "agreed Monday to close it Tuesday"
    return _told_weekday(weekday, ctx)


def _told_weekday(weekday: int, ctx: Context) -> dt.date | None:
    """The day a weekday set or moved to names, if the text has told of it this week.

    "The board voted Wednesday night ... The vote was moved to Wednesday" said on a Thursday
    is the day before, not the coming one; a date set or moved is otherwise the coming one.
    """
    if ctx.tense() not in (Tense.SCHEDULED, Tense.PLANNED, Tense.POSTPONED):
        return None
    week = dt.timedelta(days=_WEEK_DAYS)
    for anchor in reversed(ctx.anchors):
        if anchor.grain != "day" or abs(anchor.day - ctx.reference) >= week:
            continue
        if anchor.day.isoweekday() == weekday:
            return anchor.day
    return None


_WEEK_DAYS = 7


def _decision_day(ctx: Context) -> dt.date | None:
    """The day of the decision an act follows, given earlier in the sentence and not ahead.

    "On Wednesday, officials agreed to close one lane Friday" said on a Monday is the Friday
    after that Wednesday, three days ago; with no day given, the act lies ahead.
    """
    if not ctx.anchors:
        return None
    last = ctx.anchors[-1]
    if last.sentence != ctx.sentence or last.grain != "day" or last.day > ctx.reference:
        return None
    return last.day if ctx.decided() else None


def _ahead_in_sentence(ctx: Context) -> bool:
    """Is the last date given a day ahead of the reference, in the same sentence?

    A weekday whose clause has no tense of its own then follows it.
    """
    if not ctx.anchors:
        return False
    last = ctx.anchors[-1]
    # a day or a clock time on it ("from 8am until 10pm on Saturday and close on Monday")
    daily = last.grain not in _GRAIN_RANK or last.grain == "day"
    return last.sentence == ctx.sentence and daily and last.day > ctx.reference


def _weekday_base(m: Weekday, ctx: Context) -> tuple[dt.date, Anchor | None]:
    """The day a weekday is counted from, and the anchor that gave it (if any)."""
    narrative = _narrative_anchor(ctx, "day") if m.shift is None else None
    # (a post's "the following Monday" counts from the date just told, not from the post's;
    # and a weekday whose clause tells no tense, "Cake in the lobby Friday morning, come say
    # thanks!", has no cue for which side of the post's day it is on: read as before)
    label = _entry_day(ctx) if ctx.in_entry else None
    if ctx.post is not None and not m.anchored and ctx.tense() is not Tense.NONE:
        label = ctx.post
    if label is not None:
        return label.day, None  # "Oct. 9 \u2014 Police say the man was arrested last Tuesday"
    if narrative is not None and narrative.grain == "day":
        return narrative.day, narrative
    if m.anchored and (anchor := _day_or_weekend(ctx)) is not None:
        return anchor.day, anchor  # "the following Monday", also after "Labor Day weekend"
    if m.shift is None and (told := _day_by_day(m, ctx)) is not None:
        return told.day, told
    return ctx.reference, None


def _day_by_day(m: Weekday, ctx: Context) -> Anchor | None:
    """The day a past text is telling day by day, which a bare weekday moves on from.

    "We flew in on [Saturday, September 22]. [The next morning] we climbed the tower. On
    [Wednesday] we drove south" said in February is the Wednesday after: the text counts on
    from a day of its own ("the next morning", "two days later") in the last few sentences,
    weeks before the reference. News that tells one old day and then the reporter's weekday
    ("crashed on Jan. 5. On Wednesday investigators said") counts no day on from it.
    """
    # "By [Friday morning] the sky had cleared": a deadline of a past clause moves on too
    if ctx.narrative or m.weekend or not ctx.anchors or ctx.in_entry or ctx.post is not None:
        return None
    last = ctx.anchors[-1]
    if last.grain != "day" or ctx.sentence - last.sentence > _DAY_BY_DAY_SENTENCES:
        return None
    if last.recalled:
        return None  # "Fifty years ago today ... On Saturday, crowds gathered": the reporter's
    recent = [a for a in ctx.anchors if ctx.sentence - a.sentence <= _DAY_BY_DAY_SENTENCES]
    if not any(a.counted for a in recent) or ctx.tense() is not Tense.PAST:
        return None
    if last.day >= ctx.reference - dt.timedelta(weeks=_DAY_BY_DAY_WEEKS):
        # "Three days later, as of Friday's close" after "Oct. 12" said on Oct. 30: the
        # reporter's Friday, two weeks on
        return None
    return last


def _this_weekday(m: Weekday, base: dt.date, ctx: Context, *, anchored: bool) -> dt.date:
    """The day of "this Thursday": in the week of ``base``, or the coming one if it is past.

    "starting this Thursday" said on a Sunday is to come; "I saw her this Thursday" is not.
    """
    day = base + dt.timedelta(days=m.weekday - base.isoweekday())
    # "Tuesday next week": the day of the week named after it, never moved on
    if day < base and not anchored and ctx.tense() is not Tense.PAST and not m.weeks:
        day += dt.timedelta(days=7)
    return day


def _week_told_ahead(m: Weekday, ctx: Context) -> dt.date | None:
    """A day of a later week told before in the sentence, which a weekday after it is in.

    In a clause that is not past, a bare weekday after such a day ("I have to work black
    friday so I'll come thursday morning") is in that day's week, not in the coming one.
    """
    if m.weekend or m.deadline or not ctx.anchors or ctx.narrative or ctx.range_start is not None:
        return None  # "until Monday", "before Sunday": a deadline counts from now
    last = ctx.anchors[-1]
    if last.sentence != ctx.sentence:
        return None
    if _next_week_told(last, ctx):
        # "Nxt week we're at the hospital lot Tues", "next week: a few showers Tues": that week
        return last.day - dt.timedelta(days=last.day.isoweekday() - 1)
    # beyond next week: "open through Sept. 19, and buyers who order before Sunday" said on
    # Sept. 10 is the coming Sunday
    monday = ctx.reference - dt.timedelta(days=ctx.reference.isoweekday() - 1)
    if m.apart or last.grain != "day" or last.day < monday + dt.timedelta(weeks=2):
        # "games move to the 21st; U14 may play Sunday": a clause of its own
        return None
    return None if ctx.tense() is Tense.PAST else last.day


def _next_week_told(last: Anchor, ctx: Context) -> bool:
    """Is the anchor a week ahead told in the sentence ("next week"), whose weekdays follow?"""
    if last.grain != "week" or last.weekend or ctx.tense() is Tense.PAST:
        return False
    # "next week" is anchored a week on from the reference's own day; "the week of the 17th"
    # on its day, whose schedule may be told on a day before it ("goes up friday")
    return last.day - ctx.reference == dt.timedelta(weeks=1)


_AGAIN_SENTENCES = 5
_AGAIN_DAYS = (dt.timedelta(days=0), dt.timedelta(days=14))
_AGAIN_PAST_ANOTHER = dt.timedelta(days=6)


def _weekday_again(m: Weekday, ctx: Context) -> dt.date | None:
    """The day ahead just told, when a bare weekday names its weekday again.

    "dinner sat the 20th? ... saturday it is" (said on the 8th) is the 20th, not the 13th;
    after a weekend ahead, its Saturday or Sunday: "next weekend works? sunday maybe".
    """
    # "Election Day is Nov. 5 ... a week from Tuesday": weeks are counted from the coming
    # Tuesday, not from the day told (a writer would count from its name)
    counted = m.days >= _WEEK_DAYS
    if m.shift is not None or m.weekend or counted or not ctx.anchors or ctx.narrative:
        return None
    if m.weekday >= _FRIDAY and (weekend := _weekend_in_view(ctx)) is not None:
        # "the weekend of the 24th ... 24th works ... back by sunday night": that weekend's;
        # its Friday too: "the lake the weekend of the 27th? ... i can leave friday after work"
        return weekend + dt.timedelta(days=m.weekday - weekend.isoweekday())
    last = ctx.anchors[-1]
    if last.weekend and m.weekday >= 6 and last.day > ctx.reference:
        # "next weekend works though? sunday afternoon maybe": a day of the weekend just told
        last = attrs.evolve(last, day=last.day + dt.timedelta(days=m.weekday - 6), grain="day")
    elif last.day.isoweekday() != m.weekday and len(ctx.anchors) > 1:
        # "the sale is this Saturday ... a preview Friday evening ... on Saturday afternoon
        # whatever is left goes for $3": the day of this week named again past another day
        # between (not a later week's date: "hitting the road July 10 ... sale Thursday")
        earlier = ctx.anchors[-2]
        if earlier.day - ctx.reference <= _AGAIN_PAST_ANOTHER:
            last = earlier
    ahead = last.day - ctx.reference
    if last.grain != "day" or not _AGAIN_DAYS[0] < ahead <= _AGAIN_DAYS[1]:
        return None  # a day far ahead is no weekday named again ("will resume on Monday")
    if last.day.isoweekday() != m.weekday:
        return None
    if ctx.sentence - last.sentence > _AGAIN_SENTENCES or ctx.tense() is Tense.PAST:
        return None
    return last.day


_FRIDAY, _SATURDAY = 5, 6


def _weekend_in_view(ctx: Context) -> dt.date | None:
    """The Saturday of a weekend ahead that a chat is still planning, if any.

    Told in the last five sentences, with only days of that weekend (its Friday to Sunday)
    told since, each within five sentences of the one before: "i can do the weekend of the
    24th / 24th works / leave friday the 24th? / can we leave sat morning instead"; a weekday
    before it told on the way (calling "tmrw", fetching the keys "thursday the 25th") does not
    end it. Any other date told in between ("last summer", "this saturday") ends it.
    """
    if ctx.tense() is Tense.PAST:
        return None
    sentence, days = ctx.sentence, list[dt.date]()
    for anchor in reversed(ctx.anchors):
        if sentence - anchor.sentence > _AGAIN_SENTENCES:
            break
        sentence = anchor.sentence
        if anchor.weekend:
            return _weekend_holding(anchor, days, ctx)
        if anchor.grain in _GRAIN_RANK and anchor.grain != "day":
            break  # a week, month or year told (a clock time's grain is finer)
        days.append(anchor.day)
    return None


def _weekend_holding(anchor: Anchor, days: list[dt.date], ctx: Context) -> dt.date | None:
    """The Saturday of the weekend ``anchor`` told, if ahead and holding all ``days``."""
    saturday = anchor.day + dt.timedelta(days=_SATURDAY - anchor.day.isoweekday())
    friday, sunday = saturday - dt.timedelta(days=1), saturday + dt.timedelta(days=1)
    if saturday <= ctx.reference or not all(
        friday <= d <= sunday or _before_weekend(d, friday, ctx) for d in days
    ):
        return None
    return saturday


def _before_weekend(day: dt.date, friday: dt.date, ctx: Context) -> bool:
    """Is ``day`` a weekday between now and a weekend ahead, a step of getting ready for it?

    "the lake the weekend of the 27th? ... i'll call him tmrw and ask if we can grab the keys
    thursday the 25th ... rain on sunday" is still that weekend's Sunday.
    """
    return ctx.reference < day < friday and day.isoweekday() < _FRIDAY


def _weekday_not_ahead(m: Weekday, base: dt.date, ctx: Context) -> dt.date:
    """A bare weekday no cue puts ahead: the last one, or the nearest after a plan's verb."""
    if m.days == 0 and ctx.tense() is Tense.NEAREST:
        # "protesters planned a rally on Saturday" said on a Friday: the coming one
        before = cal.weekday_before(base, m.weekday)
        after = cal.weekday_after(base, m.weekday)
        return after if after - base < base - before else before
    # In the past, the day counted on from the weekday is past too: "three days after
    # Monday, power was restored" said on a Wednesday is last week's Thursday.
    latest = base - dt.timedelta(days=max(m.days, 0))
    return cal.weekday_before(latest, m.weekday, inclusive=m.days > 0)


def _moved_on(m: Weekday, used: Anchor | None, ctx: Context) -> bool:
    """Is the reference's own weekday one a plan is pushed to, so a week on?

    "can we push the walkthrough to thurs?" said on a Thursday (not "was moved to Thursday").
    """
    ahead = (Tense.FUTURE, Tense.PRESENT, Tense.NONE)  # "can we push it to thurs?"
    return m.moved and not m.weekend and used is None and ctx.tense() in ahead


def _weekday(m: Weekday, ctx: Context) -> Resolved:
    base, used = _weekday_base(m, ctx)
    if m.shift == -1:
        day = cal.weekday_before(base, m.weekday)
    elif m.shift == 1:
        day = cal.weekday_after(base, m.weekday)
    elif m.shift == 0:
        day = _this_weekday(m, base, ctx, anchored=used is not None)
    elif used is None and (week := _week_told_ahead(m, ctx)) is not None:
        # "work black friday so I'll come thursday morning", "drive up wednesday the 26th and
        # leave sunday": the week of a date ahead told before in the sentence
        day = week + dt.timedelta(days=m.weekday - week.isoweekday())
    elif (m.weekend and base.isoweekday() >= 6) or m.weekday == base.isoweekday():
        day = base + dt.timedelta(days=_WEEK_DAYS if _moved_on(m, used, ctx) else 0)
    elif ctx.range_start is not None and used is None and ctx.joined:
        # "Friday and [Saturday]"; from the reference day itself, the tense says which side,
        # and a clause with no verb looks on from it ("Highs near 100 today and [Saturday]")
        ahead = ctx.range_start == base and (_looks_ahead(m, ctx) or ctx.tense() is Tense.NONE)
        clocked = m.clock is not None and m.clock.hour is not None
        day = _paired_weekday(m.weekday, ctx.range_start, base, ahead=ahead, clocked=clocked)
    elif ctx.range_start is not None and used is None:
        # "from Monday to [Friday]"; "from 2 to [5 p.m. Sunday]" ends on the day it began
        clocked = m.clock is not None and m.clock.hour is not None
        day = cal.weekday_after(ctx.range_start, m.weekday, inclusive=clocked)
    elif used is None and (told := _day_told(m.weekday, ctx)) is not None:
        day = told  # "agreed Monday to close it Tuesday", "voted Wednesday ... moved to Wednesday"
    elif used is None and (again := _weekday_again(m, ctx)) is not None:
        day = again  # "dinner sat the 20th? ... saturday it is": the day just told
    elif used is not None or _looks_ahead(m, ctx):
        day = cal.weekday_after(base, m.weekday)
    else:
        day = _weekday_not_ahead(m, base, ctx)
    day += dt.timedelta(days=m.days, weeks=m.weeks)  # "the day before last Tuesday"
    if m.weekend:
        provides = attrs.evolve(_provides(day, "week", ctx, explicit=False), weekend=True)
        return Resolved(TimexType.DATE, _week_value(day, weekend=True), m.mod, used, provides)
    value = _day_value(day, m.clock)
    # "Monday night" is a DATE (TBAQ: 19 of 25), "tonight" and "9 a.m. Monday" are TIMEs.
    kind = TimexType.DATE if m.clock is not None and m.clock.hour is None else _type(m.clock)
    explicit = used is not None and used.explicit  # a story's "On Sunday night" moves it on
    return Resolved(kind, value, m.mod, used, _provides(day, "day", ctx, explicit=explicit))


def _paired_weekday(
    weekday: int, first: dt.date, ref: dt.date, *, ahead: bool, clocked: bool = False
) -> dt.date:
    """The weekday joined to ``first`` ("Friday and Saturday"): next to it, on its side of now.

    When ``first`` is the reference day, ``ahead`` (a future clause) puts it after: "expected
    late Sunday or early [Monday]" said on a Sunday is the next day. A clock time on the
    first's own weekday is that day: "between 10:30 a.m. and [2 p.m. Friday]".
    """
    if clocked and first.isoweekday() == weekday:
        return first
    after = cal.weekday_after(first, weekday)
    if ahead or (after > ref) == (first > ref) or after == ref:
        return after
    return cal.weekday_before(first, weekday)


def _quarter_in_view(ctx: Context, reach: int = _RECENT_SENTENCES) -> Anchor | None:
    """The latest quarter mentioned in the last ``reach`` sentences, if any."""
    for anchor in reversed(ctx.anchors):
        if ctx.sentence - anchor.sentence > reach:
            return None
        if anchor.grain == "quarter":
            return anchor
    return None


# the quarter a text reported on: "Net income for the quarter rose" six sentences on
_REPORT_SENTENCES = 6


def _recent_quarter(ctx: Context) -> Anchor | None:
    """The quarter reported on, if recent ("a year ago" then means its quarter).

    Days, months and years told in the quarter's own sentence do not change the report's
    period: "in the quarter ended Jan. 31, hurt by prices that fell in November. ... compared
    with $50 million a year earlier" is that quarter a year back; a date in a later sentence
    ("the year ended Aug. 31") and a half do.
    """
    told = None  # the sentence of the dates passed over
    for anchor in reversed(ctx.anchors):
        if ctx.sentence - anchor.sentence > _RECENT_SENTENCES:
            return None
        if anchor.grain == "quarter":
            return anchor if told in (None, anchor.sentence) else None
        if anchor.grain not in ("day", "month", "year") or told not in (None, anchor.sentence):
            return None
        told = anchor.sentence
    return None


def _quarter_compared(used: Anchor | None, ctx: Context) -> tuple[Anchor | None, dt.date, str]:
    """The quarter "the year-ago quarter" counts back from, as an anchor, a day and a grain.

    The quarter reported on, though its sentence ends on a day ("the first quarter of fiscal
    2019, which ended April 29"); with no quarter mentioned, the latest quarter reported.
    """
    quarter = _recent_quarter(ctx)
    if quarter is not None:
        return quarter, quarter.day, "quarter"
    return used, cal.add(ctx.reference, "quarter", -1), "quarter"


def _edge_day(day: dt.date, unit: str, edge: int) -> dt.date:
    """The ``edge``-th day (1: the first) or the last day (-1) of the ``unit`` holding ``day``.

    A day past the unit's end is its last day ("the thirty-first of next month" in April).
    """
    span = timex.interval_of(_unit_value(day, unit))
    if span is None:  # pragma: no cover - months, quarters and years always have one
        return day
    last = span.end.date() - dt.timedelta(days=1)
    return min(span.start.date() + dt.timedelta(days=edge - 1), last) if edge > 0 else last


def _same_day_anchor(m: Relative, used: Anchor | None, ctx: Context) -> bool:
    """Is a count of years back or on from a day or month written earlier in the same sentence?

    Then the count names that day in the other year, as in a results table: "the six months
    ended Aug. 12 ..., compared with C$18.1 million a year earlier" is Aug. 12 a year before;
    "spending rose 5% in September from a year earlier" is the September before.
    """
    return (
        used is not None
        and m.origin is Origin.ANCHOR
        and m.unit == "year"
        and m.compares
        and used.grain in ("day", "month")
        and used.written
        and used.sentence == ctx.sentence
    )


def _counted_grain(
    m: Relative, grain: str, used: Anchor | None, base_grain: str, ctx: Context
) -> str:
    """The grain of a count of years from a date: its day, its quarter or the year."""
    if used is not None and _same_day_anchor(m, used, ctx):
        return used.grain  # "for the quarter ended Sept. 30 ..., up from $100 a year earlier"
    if m.unit == "year" and (m.compares or m.grain == "quarter"):
        # "the same period a year earlier" after "the first half": that half a year back
        return base_grain if base_grain in ("quarter", "half") else "year"
    return grain


def _past_clock(m: Relative, used: Anchor, ctx: Context, *, ahead: bool = False) -> bool:
    """Is ``m`` a clock time of a past clause in news, after a date still ahead?

    With ``ahead``: a clock time of a future clause, after a date already past.
    """
    if m.clock is None or m.offset != 0 or m.unit != "day" or ctx.narrative:
        return False
    if ahead:
        return used.day < ctx.reference and ctx.tense() is Tense.FUTURE
    return used.day > ctx.reference and ctx.tense() is Tense.PAST


def _told_day(ctx: Context, said: Anchor) -> Anchor:
    """The day of the events a past clock time is on, before the day they were told of.

    "A jet landed on its nose on Sunday, investigators said Wednesday. It left Omaha at 6:10
    a.m.": Sunday's 6:10, not Wednesday's; with no earlier day told, the saying's day.
    """
    if ctx.tense() is Tense.FUTURE:
        return said
    days = (a for a in reversed(ctx.anchors) if a.grain == "day" and not a.said)
    return next((a for a in days if a.day <= said.day), said)


def _own_setting(latest: Anchor, used: Anchor, ctx: Context) -> bool:
    """Is ``latest``, coarser than ``used``, a date told in the mention's own sentence?"""
    return (
        latest is not used
        and (latest.explicit or latest.day <= ctx.reference)
        and latest.sentence == ctx.sentence
        and used.sentence < ctx.sentence
    )


def _told(m: Relative) -> bool:
    """Is ``m`` "that week", "the same month": the unit of the date just told, ahead or not?"""
    return m.offset == 0 and m.grain == m.unit and m.unit in ("week", "month", "year")


def _day_in_view(
    m: Relative, used: Anchor | None, ctx: Context
) -> tuple[Anchor | None, Anchor | None]:
    """The date a count or a clock time goes from, and the dated line's label if it has one."""
    base = ctx.reference
    if used is not None and used.said and m.clock is not None and not m.offset:
        used = _told_day(ctx, used)
    label = _entry_day(ctx) if ctx.in_entry and m.clock is not None and not m.offset else None
    if label is not None:
        # "Wed 11/27: closed to the public (staff only, 10am to noon)": a clock time of a
        # dated line is on its label's day, whatever the tense of the line
        used = label
    elif ctx.entry and m.clock is not None and not m.offset and (above := _entry_day(ctx)):
        # a live blog's "6:30 p.m. ET \u2014 Early voting began ...": a clock time labelling a
        # line is on the day of the label above it, not on a day an entry's statement told
        used = above
    elif ctx.meeting is not None and ctx.meeting.day <= ctx.reference:
        # minutes: "the meeting adjourned at 9:47 p.m." is on the meeting's day, the first
        # day the text gives, not on a day its business told of
        used = ctx.meeting
    elif used is not None and _past_clock(m, used, ctx):
        # news: "will reach stores on Sept. 20 ... an event that began at 10 a.m.": a clock
        # time of a past clause is on a day already passed, not on a later date given
        used = next((a for a in reversed(ctx.anchors) if a.grain == "day" and a.day <= base), None)
    elif used is not None and _past_clock(m, used, ctx, ahead=True):
        # and "the parade on Tuesday, organisers said yesterday. The parade leaves at
        # midday": a clock time of a clause ahead is on the day ahead given before; with no
        # such day, on the reference's ("We met on April 2. The review starts at 10am.")
        days = (a for a in reversed(ctx.anchors) if a.grain == "day" and a.day >= base)
        used = next(days, None)
    return used, label


def _half_in_view(m: Relative, latest: Anchor | None, grain: str, ctx: Context) -> bool:
    """Is the period a year back ("the same period last year") the half just reported on?"""
    return (
        grain == "quarter"
        and m.unit == "year"
        and latest is not None
        and latest.grain == "half"
        and ctx.sentence - latest.sentence <= _RECENT_SENTENCES
    )


def _anchor_origin(
    m: Relative, ctx: Context, grain: str
) -> tuple[Anchor | None, str, dt.date] | None:
    """The anchor a count from an earlier date starts at, its grain, and the base day.

    ``None`` when the expression names no date ("the period" with no quarter in view).
    """
    base = ctx.reference
    if m.ahead and not ctx.narrative and ctx.tense() is not Tense.PAST:
        return None, grain, base  # news: "will be closed over the next month" from now
    used = _anchor_for(ctx, grain)
    latest = ctx.anchors[-1] if ctx.anchors else None
    if _half_in_view(m, latest, grain, ctx):
        # "reported on Tuesday that revenue in H1 rose ... the same period last year": the
        # half a year back, not the quarter of the day before it
        return latest, "half", ctx.reference
    if m.offset and used is not None and latest is not None and _own_setting(latest, used, ctx):
        # "Monday ... In October, an inmate walked away and was arrested two days later": the
        # count goes on from its own sentence's date, told at that date's grain
        used = latest
        grain = used.grain if used.grain in _GRAIN_RANK else "year"
    if m.offset == 0 and m.unit in ("year", "month", "week") and not ctx.narrative and not _told(m):
        # news: a year-less date ahead names no year in view: after "will meet again in
        # mid-January" said in December, "up 20 percent for the year" is still this year
        used = _year_in_view(ctx, grain)
    used, label = _day_in_view(m, used, ctx)
    counted = m.offset or (m.unit == "day" and m.clock is None)  # "that day" is never today
    if (
        m.clock is not None
        and not m.offset
        and used is not None
        and label is None
        and used.day > ctx.reference
        and ctx.tense() is Tense.PAST
    ):
        # "will meet Jan. 26-27. Stocks rallied after the announcement at 2 p.m.": a past
        # clock time is not on a day still to come
        used = None
    if used is None and ctx.anchors and (ctx.narrative or counted):
        # a story's "three days later" after "May 1941": in May 1941, as far as it is told;
        # in news too, "six months later" after "in 1905" counts from 1905, not from today
        used = ctx.anchors[-1]
        grain = used.grain if used.grain in _GRAIN_RANK else "year"
    if (
        m.offset == 0
        and m.unit != "day"
        and not ctx.narrative
        and ctx.tense() is Tense.FUTURE
        and not (
            used is not None and used.explicit and used.sentence == ctx.sentence and not used.bound
        )
        and not _told(m)
    ):
        # news: "results will improve by the end of the year" is this year; but "expect the
        # economy to shrink in the first half of 2009 before recovering late in the year"
        used = None
    if m.unit == "quarter" and (used is None or used.grain != "quarter"):
        reported = None if m.offset or m.in_view else _quarter_in_view(ctx, _REPORT_SENTENCES)
        if reported is not None:
            # "profit for the fiscal fourth quarter rose ... expected to close by the end of
            # September. Net income for the quarter rose": the quarter the report is on
            return reported, "quarter", reported.day
        if m.in_view:
            return None  # "the period" with no quarter in view names no quarter
        used = None  # "the quarter" with no quarter in view: the latest one reported
        base = cal.add(ctx.reference, "quarter", -1)
    if m.day_in_view and not _day_just_told(used, ctx):
        return None  # "take two tablets in the morning": no day told, a habit's time
    return used, grain, base


def _next_morning(m: Relative, used: Anchor | None, ctx: Context) -> int:
    """1 if "in the morning" just after a day told at its end is the next day's, else 0.

    "We worked until 11 p.m. on Monday. In the morning we slept in": Tuesday's.
    """
    if not m.day_in_view or used is None or m.clock is None or m.clock.part != "MO":
        return 0
    return int(used.evening and ctx.sentence - used.sentence <= 1)


def _day_just_told(used: Anchor | None, ctx: Context) -> bool:
    """Is ``used`` a day (or a time on one) told in this sentence or the one before?"""
    daily = used is not None and (used.grain == "day" or used.grain not in _GRAIN_RANK)
    return daily and used is not None and ctx.sentence - used.sentence <= 1


def _relative(m: Relative, ctx: Context) -> Resolved | None:
    if m.offset is None:  # pragma: no cover - vague counts are resolved at recognition
        return None
    if m.within is not None and ctx.tense() is Tense.PAST:
        return Resolved(TimexType.DURATION, m.within, m.mod)  # "his second letter in two weeks"
    base, used, base_grain = ctx.reference, None, "day"
    grain = m.grain or m.unit
    if m.origin is Origin.ANCHOR:
        origin = _anchor_origin(m, ctx, grain)
        if origin is None:
            return None
        used, grain, base = origin
    elif m.compares:
        used = _recent_quarter(ctx)
    elif (label := _line_day(ctx)) is not None:
        used = label  # "Oct. 1 \u2014 A judge rules; the county says it will appeal next week"
    if m.compares and m.unit == "year" and not _same_day_anchor(m, used, ctx):
        # "compared with $50 million a year earlier" after a sentence on the quarter
        used = _recent_quarter(ctx) or used
    # "rose 3.9% in March from a year earlier": a comparison's bound, not a new year in view
    same_day = used is not None and _same_day_anchor(m, used, ctx)
    if used is not None:
        base, base_grain = used.day, used.grain
    if m.unit == "year" and grain == "quarter" and base_grain != "quarter":
        used, base, base_grain = _quarter_compared(used, ctx)
    grain = _counted_grain(m, grain, used, base_grain, ctx)
    base, offset = _counted_from(m, m.offset, base, ctx)
    # "followed on late on Wednesday ... batted on in the morning": Thursday's
    offset += _next_morning(m, used, ctx)
    # "until 5 a.m. Monday, March 7 ... the following weekend": March 12-13
    offset = 0 if _weekend_of_week(m, offset, used, base_grain, base) else offset
    day = cal.add(base, m.unit, offset)
    if m.edge:  # "the last day of next month"
        day, grain = _edge_day(day, grain, m.edge), "day"
    # "The following year, on 8 May": a date counted from an explicit one is as good a setting
    explicit = used is not None and used.explicit and m.origin is Origin.ANCHOR
    # "Today Fort Lessa is a museum ... last year": a story's closing speaks from now
    present = m.origin is Origin.REFERENCE and ctx.reference.year - day.year < _NARRATIVE_YEARS
    if grain == "day":
        value = _day_value(day, m.clock)
        # "at midday" on the reference day is counted on from no date told before
        counted = m.origin is Origin.ANCHOR and used is not None
        provides = (
            None
            if same_day or m.stamp
            else attrs.evolve(
                _provides(day, "day", ctx, explicit=explicit), present=present, counted=counted
            )
        )
        return Resolved(_type(m.clock), value, m.mod, used, provides)
    value = _unit_value(day, grain, weekend=m.weekend)
    comparison = m.unit == "year" and grain == "quarter"  # "a year ago": no new topic
    if grain not in _GRAIN_RANK or comparison or m.contrast or same_day:
        return Resolved(TimexType.DATE, value, m.mod, used)
    provides = attrs.evolve(_provides(day, grain, ctx, explicit=explicit), present=present)
    return Resolved(TimexType.DATE, value, m.mod, used, _weekend_anchor(m, grain, provides))


_LAST_WEEKDAY_BEFORE_WEEKEND = 4  # Thursday: a Friday is the weekend's eve


def _weekend_of_week(
    m: Relative, offset: int, used: Anchor | None, base_grain: str, base: dt.date
) -> bool:
    """Is "the following weekend" after a day from Monday to Thursday that day's week's?

    The weekend that follows a Wednesday is the one three days on, not the one ten days on;
    after a Friday, a Saturday or a Sunday it is the next week's.
    """
    return (
        m.weekend
        and offset == 1
        and m.origin is Origin.ANCHOR
        and used is not None
        and base_grain == "day"
        and base.isoweekday() <= _LAST_WEEKDAY_BEFORE_WEEKEND
    )


def _weekend_anchor(m: Relative, grain: str, provides: Anchor) -> Anchor:
    """A weekend told ("next weekend works?") is its Saturday, for "sunday maybe" after it."""
    if not (m.weekend and grain == "week"):
        return provides
    saturday = provides.day + dt.timedelta(days=6 - provides.day.isoweekday())
    return attrs.evolve(provides, day=saturday, weekend=True)


def _speaks_from_reference(mention: Mention) -> bool:
    """A date named from the reference: "last August", "next year's quarter"."""
    return (
        isinstance(mention, Calendar)
        and mention.year is None
        and not mention.anchored
        and (mention.shift is not None or mention.year_shift is not None)
    )


def _far_back(year: int, month: int | None, reference: dt.date) -> bool:
    """Is a date of ``year`` (and ``month``) two or more years before the reference?

    A date given to the month is measured to the month: "September 2024" in a text of January
    2026 is sixteen months back, no story's date.
    """
    if month is None:
        return reference.year - year >= _NARRATIVE_YEARS
    months = (reference.year - year) * 12 + reference.month - month
    return months >= 12 * _NARRATIVE_YEARS


def _counted_far_back(mention: Mention) -> bool:
    """Is ``mention`` a count back from the reference of two or more years ("twenty years ago")?

    Such a count speaks from the reference, but the date it names is as far back as an
    explicit old year, and a memoir opens with it: "sold the house [twenty years ago this
    month] ... moved there in [the summer of 1994]".
    """
    if not isinstance(mention, Relative) or mention.origin is not Origin.REFERENCE:
        return False
    years = _YEARS_IN.get(mention.unit)
    return (
        years is not None
        and mention.offset is not None
        and -mention.offset * years >= _NARRATIVE_YEARS
    )


def is_narrative(mentions: Sequence[Mention], reference: dt.date) -> bool:
    """Does the text tell a story set away from its reference date (history, biography)?

    Decided from the evidence, so that one tagger serves news and narrative alike: most
    explicitly dated mentions lie two or more years from the reference, and few mentions
    speak from the reference itself ("yesterday", "last week").
    """
    far = near = 0.0
    fine = 0  # far dates given to the season, month or day
    told = 0  # year-less months, days and seasons after a far date ("in mid-July")
    told_day = weekday = False  # a year-less day told; a weekday before any such day
    story = False  # was the last explicit date far from the reference, given to the month?
    old_year = day_since = False  # the last explicit date is far; a year-less day told since
    loose = False  # a year-less date before any far one (a dateline)
    for mention in mentions:
        if isinstance(mention, Calendar) and mention.explicit_year and mention.year is not None:
            old_year = _far_back(mention.year, mention.month, reference)
            # a year still to come ("a European leg is planned for early 2014") is a plan told
            # from the reference: a story set years back seldom names one
            ahead = 1
            far, near = (far + 1, near) if old_year else (far, near + ahead)
            fine += old_year and (mention.month is not None or mention.season is not None)
            # a weekday after an old month or day is the story's; after an old season it is
            # still news's ("broke out in the summer of 1991 ... The talks opened Tuesday")
            story = old_year and mention.month is not None
            day_since = False
        elif isinstance(mention, Fixed) and mention.value.startswith("BC"):
            far, story = far + 1, True  # "44 BC": a history
        elif isinstance(mention, Calendar) and mention.year is None and not far:
            loose = True
        elif isinstance(mention, Calendar) and mention.year is None and mention.shift is None:
            told += mention.month is not None or mention.season is not None
            told_day = told_day or mention.day is not None
            day_since = day_since or (old_year and mention.day is not None)
        elif _counted_far_back(mention):
            far += 1  # "twenty years ago this month": the text's time is years back
        elif isinstance(mention, Relative) and mention.origin is Origin.REFERENCE:
            near += 1
        elif _speaks_from_reference(mention):
            near += 1  # "last August", "this spring"
        elif isinstance(mention, Weekday) and not mention.anchored:
            # "on Tuesday": news speaks from its day; after "10 April 1912", or "in 1940 ...
            # on 26 May", it is the story's; after "the lowest since 1989 ... in March" it is
            # news's
            near += 0 if story or day_since else 0.5
            weekday = weekday or not told_day  # before any year-less day of a story
    if near or loose:
        return far >= 2 and far > 2 * near
    # nothing speaks from the reference: an old month or day, or an old year that the text
    # then tells on with two year-less dates ("The siege of 1683 ... in mid-July ... by August")
    return far >= 2 or fine >= 1 or (far >= 1 and told >= _TOLD_DATES and not weekday)


def resolve(mention: Mention, ctx: Context) -> Resolved | None:
    """Resolve one mention in its context; ``None`` when it names no valid date."""
    try:
        return _resolve(mention, ctx)
    except cal.OutOfCalendarError:
        if isinstance(mention, Relative) and mention.offset:
            # "founded 3000 years ago": 977 BC; "65 million years ago": the past
            value = _year_before_christ(mention, ctx)
            if value is None:
                value = "PAST_REF" if mention.offset < 0 else "FUTURE_REF"
            return Resolved(TimexType.DATE, value, mention.mod)
        return None


_YEARS_IN = {"year": 1, "decade": 10, "century": 100}
_MAX_YEAR = 9999


def _year_before_christ(m: Relative, ctx: Context) -> str | None:
    """The year before Christ a count of years back from the reference reaches, if any."""
    years = _YEARS_IN.get(m.unit)
    if years is None or m.offset is None or m.origin is not Origin.REFERENCE:
        return None
    bc = 1 - (ctx.reference.year + m.offset * years)  # there is no year 0: 0 is 1 BC
    return f"BC{bc:04d}" if 1 <= bc <= _MAX_YEAR else None


def _resolve(mention: Mention, ctx: Context) -> Resolved | None:
    if isinstance(mention, Fixed):
        return _fixed(mention, ctx)
    if isinstance(mention, Calendar):
        return _calendar(mention, ctx)
    if isinstance(mention, Weekday):
        return _weekday(mention, ctx)
    return _relative(mention, ctx)
