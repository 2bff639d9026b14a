"""Inferring the reference date (the date a text speaks from) from the text alone.

Used when the caller gives no reference date. The recognizer's mentions are read *before*
any reference is applied, so they say what the text itself commits to: full dates with a year,
month-day dates without one, bare years, weekday names, each with the tense of its clause.
A relative year beside an explicit one ("two years ago, in 1996") pins the year of writing.
From them come candidate days (a dateline's day, the days just after the latest full date),
each scored by how well the text's weekday names fit it; the best candidate wins and is
reported with the clues that chose it. When nothing pins a day (no full date, no dateline or
month-day with a year to attach), :class:`~eventline.errors.ReferenceNotFoundError` is raised:
a year alone never becomes "January 1".
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

import attrs

from eventline._mentions import Calendar, Fixed, Mention, Origin, Relative, Weekday
from eventline._recognize import recognizer
from eventline._segment import Sentences
from eventline._tagger import date_order_of
from eventline._tense import Tense, tense_at
from eventline.errors import ReferenceNotFoundError
from eventline.model import ReferenceDate, ReferenceSource, TimexType

__all__ = ["Clues", "infer_reference", "read_clues"]

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_YEAR = re.compile(r"(\d{4})(?!\d)")
# The head of a news text: "WASHINGTON (AP) --", "NEW YORK, Oct. 26 —", "BRUSSELS, February
# 10 (Xinhua) --", "INDEPENDENCE, Mo. _": a capitalized place before a dash or underscore.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?)"
    r"(?P<rest>[^\n]{0,60}?)\s*(?:--|—|–|_)"
)
_DATELINE_SPAN = 140
_NAMED_WEEKDAY = re.compile(r"([A-Za-z]+)\.?,?\s")
# What may stand between a relative year and an explicit year or date for the two to name the
# same time ("four years ago, on April 6, 1994", "in 1997, last year", "1996 - two years ago"):
# punctuation and at most a preposition or "the year", nothing that could start another clause.
_APPOSITION = re.compile(
    r"\s*(?:[,;:(\u2014\u2013]|--?|_)?\s*(?:(?:back\s+)?(?:on|in|during)\s+)?(?:the\s+year\s+)?",
    re.IGNORECASE,
)


@attrs.frozen
class Clue:
    """One piece of dating evidence: what the text says and the tense of its clause."""

    surface: str
    start: int
    tense: Tense
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    @property
    def date(self) -> dt.date | None:
        """The full date this clue names, when it names one."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return _safe_date(self.year, self.month, self.day)


@attrs.frozen
class Clues:
    """Everything in a text that can date it, read without any reference date."""

    full_dates: tuple[Clue, ...]
    month_days: tuple[Clue, ...]
    years: tuple[Clue, ...]
    weekdays: tuple[Clue, ...]
    dateline: Clue | None
    dateline_place: str | None
    earlier_this_month: bool = False  # "earlier this month": not written on the 1st
    earlier_this_week: bool = False
    year_links: tuple[YearLink, ...] = ()

    @property
    def pinned_year(self) -> YearLink | None:
        """The year the text is written in, when its year links agree and fit its other years.

        ``None`` when there is no link, when links disagree, or when the text speaks in the
        past tense of a year after the linked one (the link must have been misread).
        """
        if not self.year_links or len({link.year for link in self.year_links}) > 1:
            return None
        link = self.year_links[0]
        past = [c.year for c in (*self.full_dates, *self.years) if c.tense is Tense.PAST]
        if any(year is not None and year > link.year for year in past):
            return None
        return link


@attrs.frozen
class YearLink:
    """A relative year beside an explicit one ("two years ago, in 1996"): the writing year."""

    relative: str
    explicit: str
    year: int

    def __str__(self) -> str:
        return f"year {self.year}: '{self.relative}' is '{self.explicit}'"


def _year_links(
    text: str, sentences: Sentences, relatives: Sequence[Relative], mentions: Sequence[Mention]
) -> Iterator[YearLink]:
    """Year links: a relative year in apposition to an explicit year or date, the writing year.

    "Nearly four years ago, on April 6, 1994" was written in 1998, "in 1997, last year" in
    1998. Only punctuation and a preposition may separate the two: in the same sentence but
    further apart ("fell to $14 billion last year, down from 1996") they name different years.
    """
    explicit = [
        m
        for m in mentions
        if isinstance(m, Calendar) and m.explicit_year and m.year is not None and m.shift is None
    ]
    for relative in relatives:
        if relative.offset is None:
            continue
        sentence = sentences.index(relative.start)
        for other in explicit:
            if sentences.index(other.start) != sentence:
                continue
            gap = (
                (relative.end, other.start)
                if relative.start < other.start
                else (other.end, relative.start)
            )
            if gap[0] > gap[1] or not _APPOSITION.fullmatch(text, *gap):
                continue
            assert other.year is not None
            yield YearLink(
                text[relative.start : relative.end],
                text[other.start : other.end],
                other.year - relative.offset,
            )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``date(year, month, day)``, or ``None`` when there is no such day."""
    if not (dt.MINYEAR <= year <= dt.MAXYEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _fixed_clue(mention: Fixed, surface: str, tense: Tense) -> Clue | None:
    """A full date or a year from a context-free value ("2024-04-22", "1998")."""
    if mention.type not in (TimexType.DATE, TimexType.TIME):
        return None
    if found := _ISO_DAY.match(mention.value):
        year, month, day = (int(part) for part in found.groups())
        return Clue(surface, mention.start, tense, year, month, day)
    if found := _ISO_YEAR.match(mention.value):
        return Clue(surface, mention.start, tense, int(found.group(1)))
    return None


def _calendar_clue(
    mention: Calendar, surface: str, tense: Tense, weekdays: Mapping[str, int]
) -> Clue | None:
    """A full date, a month-day or a year from a calendar mention, when it names one."""
    if mention.holiday is not None or mention.shift is not None or mention.deadline:
        return None
    year = mention.year if mention.explicit_year else None
    if mention.month is not None and mention.day is not None:
        named = _NAMED_WEEKDAY.match(surface)  # "Friday, Aug. 7": the weekday it falls on
        weekday = weekdays.get(named.group(1).lower()) if named else None
        return Clue(surface, mention.start, tense, year, mention.month, mention.day, weekday)
    if year is not None and mention.month is None and mention.day is None:
        return Clue(surface, mention.start, tense, year)
    if year is not None:
        return Clue(surface, mention.start, tense, year, mention.month)
    return None


def _clue(mention: Mention, surface: str, tense: Tense, weekdays: Mapping[str, int]) -> Clue | None:
    """The dating evidence one mention gives, if any."""
    if isinstance(mention, Fixed):
        return _fixed_clue(mention, surface, tense)
    if isinstance(mention, Calendar):
        return _calendar_clue(mention, surface, tense, weekdays)
    if isinstance(mention, Weekday):
        if mention.shift is not None or mention.weekend or mention.deadline:
            return None  # "last Monday", "next Friday", "by Friday": no plain fit to test
        return Clue(surface, mention.start, tense, weekday=mention.weekday)
    return None


def _dateline(text: str, clues: Sequence[Clue]) -> tuple[str | None, Clue | None]:
    """The place of a news dateline at the start of ``text`` and the day it names, if any."""
    found = _DATELINE.match(text, 0, _DATELINE_SPAN)
    if found is None or len(found.group("place")) < 3:
        return None, None
    place = found.group("place").rstrip(" ,")
    for clue in clues:
        if clue.start >= found.end():
            break
        if clue.month is not None and clue.day is not None:
            place = text[found.start("place") : clue.start].rstrip(" ,")
            return place, clue
    return place, None


def read_clues(text: str, date_order: str = "MDY") -> Clues:
    """The dating evidence of ``text``: full dates, month-days, years, weekdays, a dateline."""
    recognize = recognizer()
    words = recognize.lexicon.words
    sentences = Sentences(text, words.abbreviations, words.run_on)
    found: list[Clue] = []
    earlier: set[str] = set()
    mentions = list(recognize.mentions(text, date_order))
    relative_years = [
        m
        for m in mentions
        if isinstance(m, Relative)
        and m.unit == "year"
        and m.origin is Origin.REFERENCE
        and m.grain in (None, "year")
    ]
    for mention in mentions:
        if isinstance(mention, Relative) and mention.offset == 0 and mention.mod == "START":
            earlier.add(mention.unit)
            continue
        bounds = sentences.bounds(sentences.index(mention.start))
        tense = tense_at(text, bounds, mention.start, mention.end, words)
        clue = _clue(mention, text[mention.start : mention.end], tense, recognize.lexicon.weekdays)
        if clue is not None:
            found.append(clue)
    place, dateline = _dateline(text, found)
    return Clues(
        full_dates=tuple(c for c in found if c.date is not None),
        month_days=tuple(c for c in found if c.year is None and c.day is not None),
        years=tuple(c for c in found if c.year is not None and c.day is None),
        weekdays=tuple(c for c in found if c.weekday is not None),
        dateline=dateline,
        dateline_place=place,
        earlier_this_month="month" in earlier,
        earlier_this_week="week" in earlier,
        year_links=tuple(_year_links(text, sentences, relative_years, mentions)),
    )


@attrs.frozen
class _Candidate:
    """A day that could be the reference date, how likely a priori (a log-weight), and why."""

    day: dt.date
    prior: float
    evidence: tuple[str, ...]


# How many days after a past-tense weekday name its text was published, as log-weights: news
# speaks of "Wednesday" on Wednesday itself, or a day or two later, and rarely a week on.
# A weekday named in the present tense ("is meeting Sunday") is most often the day itself.
_WEEKDAY_GAP = {
    Tense.PAST: tuple(math.log(w) for w in (0.45, 0.22, 0.11, 0.11, 0.04, 0.03, 0.04)),
    Tense.PRESENT: tuple(math.log(w) for w in (0.6, 0.1, 0.06, 0.06, 0.06, 0.06, 0.06)),
}
# How many years after the latest year it names a text speaks from (log-weights).
_YEAR_GAP = {-1: -1.5, 0: -0.4, 1: 0.0, 2: -0.4, 3: -1.0, 4: -1.5, 5: -2.0, 6: -2.5}
_DATELINE_YEAR_GAPS = range(-1, 4)
_DAYS_AROUND_NAMED_DAY = 7
_DATELINE_PRIOR = 4.0
_NAMED_DAY_PRIOR = 2.0
_NAMED_DAY_DECAY = 0.3  # per day away from a date named with its weekday
_WINDOW_PRIOR = 0.0
_WINDOW_DECAY = 0.03  # per day after the lower bound: news follows its latest event closely
_MAX_WINDOW_DAYS = 45
_LATE_MENTION_PENALTY = 2.0
_EARLY_IN_PERIOD_PENALTY = 2.0
# An answer is given only when this share of the candidates' weight lies within a week of it.
_MIN_CONFIDENCE = 0.5
_NEAR_DAYS = 7


def _years(clues: Clues) -> list[int]:
    """Years the text names outside future-tense clauses, with a full date or alone."""
    return [
        clue.year
        for clue in (*clues.full_dates, *clues.years)
        if clue.year is not None and clue.tense is not Tense.FUTURE
    ]


def _dateline_candidates(clues: Clues) -> Iterator[_Candidate]:
    """The dateline's day; when it gives no year, in each year near the latest one named."""
    line = clues.dateline
    if line is None or line.month is None or line.day is None:
        return
    shown = f"dateline '{clues.dateline_place}, {line.surface}'"
    if line.year is not None:
        if (day := line.date) is not None:
            yield _Candidate(day, _DATELINE_PRIOR, (shown,))
        return
    if (pinned := clues.pinned_year) is not None:
        day = _safe_date(pinned.year, line.month, line.day)
        if day is not None and line.weekday in (None, day.isoweekday()):
            yield _Candidate(day, _DATELINE_PRIOR, (shown, str(pinned)))
        return
    years = _years(clues)
    if not years:
        return
    latest = max(years)
    for gap in _DATELINE_YEAR_GAPS:
        day = _safe_date(latest + gap, line.month, line.day)
        if day is not None and line.weekday in (None, day.isoweekday()):
            why = f"year {day.year}: {gap:+d} from the latest year named ({latest})"
            yield _Candidate(day, _DATELINE_PRIOR + _YEAR_GAP[gap], (shown, why))


def _around(day: dt.date, tense: Tense) -> Iterator[tuple[dt.date, int]]:
    """Days a text naming ``day`` may speak from: the week after it, or before it if ahead."""
    for gap in range(_DAYS_AROUND_NAMED_DAY + 1):
        if tense is Tense.FUTURE:
            if gap:
                yield day - dt.timedelta(days=gap), gap
        else:
            yield day + dt.timedelta(days=gap), gap


def _named_day_candidates(clues: Clues) -> Iterator[_Candidate]:
    """Dates given with their weekday ("Friday, Aug. 7"): the news of the day, or just ahead.

    The weekday must agree with the date. Without a year, it picks the year: the first years
    from the latest one the text names in which that date falls on that weekday.
    """
    latest = max(_years(clues), default=None)
    pinned = clues.pinned_year
    for clue in (*clues.full_dates, *clues.month_days):
        if clue.weekday is None or clue.month is None or clue.day is None:
            continue
        if clue.year is not None:
            day = clue.date
            if day is None or day.isoweekday() != clue.weekday:
                continue
            options = [(day, 0.0, f"'{clue.surface}' (its weekday agrees)")]
        elif pinned is not None:
            day = _safe_date(pinned.year, clue.month, clue.day)
            if day is None or day.isoweekday() != clue.weekday:
                continue
            options = [(day, 0.0, f"'{clue.surface}' (its weekday agrees), {pinned}")]
        elif latest is None:
            continue
        else:
            options = []
            for gap, weight in _YEAR_GAP.items():
                day = _safe_date(latest + gap, clue.month, clue.day)
                if day is not None and day.isoweekday() == clue.weekday:
                    why = f"'{clue.surface}': a {calendar.day_name[day.weekday()]} in {day.year}"
                    options.append((day, weight, f"{why}, {gap:+d} from the latest year named"))
        for day, weight, why in options:
            for near, gap in _around(day, clue.tense):
                yield _Candidate(near, _NAMED_DAY_PRIOR + weight - _NAMED_DAY_DECAY * gap, (why,))


def _window(clues: Clues) -> tuple[Clue, dt.date, str] | None:
    """The latest full date (a lower bound) and the nearest day named as ahead of it.

    A full date says the text was written after it, not how long after: "the Aug. 7, 1998,
    bombings" is history in a 1999 wire story. Only when the text also names a day still ahead
    (a future full date, or a month-day outside past-tense clauses, "the May 20 inauguration")
    within a few weeks of it is the reference date bounded on both sides. A year link
    ("last year, in 2023") must agree with the lower bound's year.
    """
    years = _years(clues)
    named = [
        c
        for c in clues.full_dates
        if c.tense is not Tense.FUTURE and c.date and c.date.year >= max(years)
    ]
    if not named:
        return None
    lower = max(named, key=lambda c: (c.date, -c.start))
    assert lower.date is not None
    pinned = clues.pinned_year
    if pinned is not None and lower.date.year != pinned.year:
        return None  # the text says it was written in another year than its latest full date
    bounds: list[tuple[dt.date, str]] = []
    for clue in (*clues.full_dates, *clues.month_days):
        if clue.month is None or clue.day is None:
            continue
        if clue.year is not None:
            if clue.tense is Tense.FUTURE and clue.date and clue.date > lower.date:
                bounds.append((clue.date, clue.surface))
        elif clue.tense is not Tense.PAST:
            for year in (lower.date.year, lower.date.year + 1):
                day = _safe_date(year, clue.month, clue.day)
                if day is not None and day > lower.date:
                    bounds.append((day, clue.surface))
                    break
    if not bounds:
        return None
    upper, surface = min(bounds)
    if (upper - lower.date).days > _MAX_WINDOW_DAYS:
        return None
    return lower, upper, surface


def _window_candidates(clues: Clues) -> Iterator[_Candidate]:
    """Every day from the latest full date up to the nearest day named as still ahead."""
    found = _window(clues)
    if found is None:
        return
    lower, upper, surface = found
    assert lower.date is not None
    why = (
        f"latest full date '{lower.surface}' (written after it)",
        f"'{surface}' still ahead (written before {upper.isoformat()})",
    )
    for after in range((upper - lower.date).days):
        day = lower.date + dt.timedelta(days=after)
        yield _Candidate(day, _WINDOW_PRIOR - _WINDOW_DECAY * after, why)


def _weekday_fit(day: dt.date, clues: Clues) -> tuple[float, tuple[str, ...]]:
    """How well ``day`` fits the weekday names of past- and present-tense clauses; evidence."""
    named: Counter[tuple[int, str, Tense]] = Counter(
        (c.weekday, c.surface, c.tense)
        for c in clues.weekdays
        if c.weekday is not None and c.tense in _WEEKDAY_GAP
    )
    score = 0.0
    evidence: list[str] = []
    for (weekday, surface, tense), count in sorted(named.items(), key=str):
        gap = (day.isoweekday() - weekday) % 7
        score += _WEEKDAY_GAP[tense][gap]
        times = {1: "", 2: " twice"}.get(count, f" {count} times")
        when = "the same day" if gap == 0 else f"{gap} day{'s' if gap > 1 else ''} before"
        evidence.append(f"'{surface}'{times}, in {tense.value}-tense sentences ({when})")
    return score, tuple(evidence)


def _late_mentions(day: dt.date, clues: Clues) -> float:
    """A penalty for full dates after ``day`` that the text speaks of in the past tense."""
    late = {c.date for c in clues.full_dates if c.tense is Tense.PAST and c.date and c.date > day}
    return _LATE_MENTION_PENALTY * len(late)


def _early_in_period(day: dt.date, clues: Clues) -> float:
    """A penalty when "earlier this month/week" would have nothing before it to point at."""
    penalty = 0.0
    if clues.earlier_this_month and day.day == 1:
        penalty += _EARLY_IN_PERIOD_PENALTY
    if clues.earlier_this_week and day.isoweekday() == 1:
        penalty += _EARLY_IN_PERIOD_PENALTY
    return penalty


def _posterior(
    candidates: Sequence[_Candidate], clues: Clues
) -> list[tuple[dt.date, float, tuple[str, ...]]]:
    """Each candidate's day, its share of the total weight, and the evidence for it."""
    scored = []
    for candidate in candidates:
        fit, evidence = _weekday_fit(candidate.day, clues)
        score = (
            candidate.prior
            + fit
            - _late_mentions(candidate.day, clues)
            - _early_in_period(candidate.day, clues)
        )
        scored.append((score, candidate.day, candidate.evidence + evidence))
    top = max(score for score, _day, _evidence in scored)
    weights = [math.exp(score - top) for score, _day, _evidence in scored]
    total = sum(weights)
    return [
        (day, weight / total, evidence)
        for (_score, day, evidence), weight in zip(scored, weights, strict=True)
    ]


def _best(candidates: Sequence[_Candidate], clues: Clues) -> ReferenceDate:
    """The weighted median of the candidates, when most of the weight lies within a week of it.

    The median, not the likeliest day, because it minimizes the expected distance to the
    truth; ties go to the earlier day. Raises ReferenceNotFoundError when the weight is spread
    over days far apart (several possible years, a long window).
    """
    posterior = _posterior(candidates, clues)
    mass: dict[dt.date, float] = {}
    shown: dict[dt.date, tuple[float, tuple[str, ...]]] = {}
    for day, share, evidence in posterior:
        mass[day] = mass.get(day, 0.0) + share
        if day not in shown or share > shown[day][0]:
            shown[day] = (share, evidence)
    running = 0.0
    answer = min(mass)
    for day in sorted(mass):
        running += mass[day]
        if running >= 0.5 - 1e-9:
            answer = day
            break
    near = sum(share for day, share in mass.items() if abs((day - answer).days) <= _NEAR_DAYS)
    if near < _MIN_CONFIDENCE:
        far = max((d for d in mass if abs((d - answer).days) > _NEAR_DAYS), key=mass.__getitem__)
        raise ReferenceNotFoundError(
            f"the evidence is split between days far apart ({answer.isoformat()} or "
            f"{far.isoformat()}, {near:.0%} of it within a week of the likelier)"
        )
    evidence = (*shown[answer][1], f"{near:.0%} of the weight within a week of this day")
    return ReferenceDate(answer, ReferenceSource.INFERRED, evidence)


def _not_found_reason(clues: Clues) -> str:
    """Why no day could be inferred, for the error message."""
    if clues.dateline is not None:
        return f"the dateline gives {clues.dateline.surface!r} but the text names no year"
    if any(c.tense is not Tense.FUTURE for c in clues.full_dates):
        latest = max(
            (c for c in clues.full_dates if c.tense is not Tense.FUTURE and c.date),
            key=lambda c: (c.date, -c.start),
        )
        return (
            f"the latest full date, {latest.surface!r}, only says the text was written after "
            "it, not how long after"
        )
    if clues.years:
        return "the text names years but no full date (a year alone does not give a day)"
    if clues.weekdays or clues.month_days:
        return "the text names weekdays or days of the month but no year"
    return "the text names no date"


def infer_reference(text: str, *, date_order: str | None = None) -> ReferenceDate:
    """Infer the date ``text`` speaks from (its publication date) from the text alone.

    The result has ``source=ReferenceSource.INFERRED`` and human-readable ``evidence``. Raises
    :class:`~eventline.errors.ReferenceNotFoundError` when nothing in the text pins a day (no
    dateline whose year the text gives, no date named with its weekday, no full date with a
    day still ahead of it), or when the evidence is split between days far apart; it never
    guesses "today". ``date_order`` is as for :func:`eventline.tag` (by default the text's own
    dates decide, else month first).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    date_order = date_order_of(text, date_order)
    clues = read_clues(text, date_order)
    candidates = [
        *_dateline_candidates(clues),
        *_named_day_candidates(clues),
        *_window_candidates(clues),
    ]
    if not candidates:
        raise ReferenceNotFoundError(_not_found_reason(clues))
    return _best(candidates, clues)
