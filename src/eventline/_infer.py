"""Inferring the reference date (the date a text speaks from) from the text alone.

Used when the caller gives no reference date. The recognizer's mentions are read *before*
any reference is applied, so they say what the text itself commits to: full dates with a year,
month-day dates without one, bare years, weekday names, each with the tense of its clause.
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
from collections.abc import Iterator, Sequence

import attrs

from eventline._mentions import Calendar, Fixed, Mention, Weekday
from eventline._recognize import recognizer
from eventline._segment import Sentences
from eventline._tense import Tense, tense_at
from eventline.errors import InvalidOptionError, ReferenceNotFoundError
from eventline.model import ReferenceDate, ReferenceSource, TimexType

__all__ = ["Clues", "infer_reference", "read_clues"]

_DATE_ORDERS = ("MDY", "DMY")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_YEAR = re.compile(r"(\d{4})(?!\d)")
# The head of a news text: "WASHINGTON (AP) --", "NEW YORK, Oct. 26 —", "BRUSSELS, February
# 10 (Xinhua) --", "INDEPENDENCE, Mo. _": a capitalized place before a dash or underscore.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?)"
    r"(?P<rest>[^\n]{0,60}?)\s*(?:--|—|–|_)"
)
_DATELINE_SPAN = 140


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


def _calendar_clue(mention: Calendar, surface: str, tense: Tense) -> Clue | None:
    """A full date, a month-day or a year from a calendar mention, when it names one."""
    if mention.holiday is not None or mention.shift is not None or mention.deadline:
        return None
    year = mention.year if mention.explicit_year else None
    if mention.month is not None and mention.day is not None:
        return Clue(surface, mention.start, tense, year, mention.month, mention.day)
    if year is not None and mention.month is None:
        return Clue(surface, mention.start, tense, year)
    if year is not None:
        return Clue(surface, mention.start, tense, year, mention.month)
    return None


def _clue(mention: Mention, surface: str, tense: Tense) -> Clue | None:
    """The dating evidence one mention gives, if any."""
    if isinstance(mention, Fixed):
        return _fixed_clue(mention, surface, tense)
    if isinstance(mention, Calendar):
        return _calendar_clue(mention, surface, tense)
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
    sentences = Sentences(text, words.abbreviations)
    found: list[Clue] = []
    for mention in recognize.mentions(text, date_order):
        bounds = sentences.bounds(sentences.index(mention.start))
        tense = tense_at(text, bounds, mention.start, mention.end, words)
        clue = _clue(mention, text[mention.start : mention.end], tense)
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
    )


@attrs.frozen
class _Candidate:
    """A day that could be the reference date, how likely a priori, and why."""

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
# How many years after the latest year it names a text speaks from.
_YEAR_GAP = {-1: -1.5, 0: -0.4, 1: 0.0, 2: -0.4, 3: -1.0}
_MAX_DAYS_AFTER = 7
_DATELINE_PRIOR = 4.0
_FULL_DATE_PRIOR = 2.0
_LATE_MENTION_PENALTY = 2.0
_LATEST_FULL_DATES = 3


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
    years = _years(clues)
    if not years:
        return
    latest = max(years)
    for gap, weight in _YEAR_GAP.items():
        day = _safe_date(latest + gap, line.month, line.day)
        if day is not None:
            why = f"year {day.year}: {gap:+d} from the latest year named ({latest})"
            yield _Candidate(day, _DATELINE_PRIOR + weight, (shown, why))


def _full_date_candidates(clues: Clues) -> Iterator[_Candidate]:
    """The latest full dates named in past-tense clauses, and the week after each.

    Only dates in the latest year the text names count: "March 5, 1946" in a text that also
    names 1982 is history, not the news of the day.
    """
    years = _years(clues)
    named = sorted(
        {
            (c.date, c.surface)
            for c in clues.full_dates
            if c.tense is Tense.PAST and c.date and c.date.year >= max(years)
        },
        reverse=True,
    )
    for rank, (date, surface) in enumerate(named[:_LATEST_FULL_DATES]):
        why = f"{'latest ' if rank == 0 else ''}full date '{surface}'"
        for after in range(_MAX_DAYS_AFTER + 1):
            prior = _FULL_DATE_PRIOR - 0.5 * rank - 0.1 * after
            yield _Candidate(date + dt.timedelta(days=after), prior, (why,))


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


def _best(candidates: Sequence[_Candidate], clues: Clues) -> ReferenceDate:
    """The best-scoring candidate as an inferred reference date (ties: the earlier day)."""
    best: tuple[float, dt.date, tuple[str, ...]] | None = None
    for candidate in candidates:
        fit, evidence = _weekday_fit(candidate.day, clues)
        score = candidate.prior + fit - _late_mentions(candidate.day, clues)
        key = (score, -candidate.day.toordinal())
        if best is None or key > (best[0], -best[1].toordinal()):
            best = (score, candidate.day, candidate.evidence + evidence)
    assert best is not None  # callers pass at least one candidate
    return ReferenceDate(best[1], ReferenceSource.INFERRED, best[2])


def _not_found_reason(clues: Clues) -> str:
    """Why no day could be inferred, for the error message."""
    if clues.dateline is not None:
        return f"the dateline gives {clues.dateline.surface!r} but the text names no year"
    if clues.years:
        return "the text names years but no full date (a year alone does not give a day)"
    if clues.weekdays or clues.month_days:
        return "the text names weekdays or days of the month but no year"
    return "the text names no date"


def infer_reference(text: str, *, date_order: str = "MDY") -> ReferenceDate:
    """Infer the date ``text`` speaks from (its publication date) from the text alone.

    The result has ``source=ReferenceSource.INFERRED`` and human-readable ``evidence``. Raises
    :class:`~eventline.errors.ReferenceNotFoundError` when nothing in the text pins a day (no
    full date with a year, no dateline whose year the text gives); it never guesses "today".
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if date_order not in _DATE_ORDERS:
        raise InvalidOptionError("date_order", date_order, _DATE_ORDERS)
    clues = read_clues(text, date_order)
    candidates = [*_dateline_candidates(clues), *_full_date_candidates(clues)]
    if not candidates:
        raise ReferenceNotFoundError(_not_found_reason(clues))
    return _best(candidates, clues)
