"""The English recognition rules: a pattern and a builder each, most specific first.

Patterns are written with named groups; builders read them from a :class:`Match` and return a
mention, or ``None`` when the context shows the words are not a time expression.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from fractions import Fraction

import attrs

from eventline._dates import parse_absolute
from eventline._grammar import Pieces, parse_number
from eventline._mentions import Calendar, Clock, Fixed, Mention, Origin, Relative, Weekday
from eventline._tense import contract_follows, figures_follow
from eventline.lexicon import Lexicon, Patterns
from eventline.model import TimexType

__all__ = ["Match", "Rule", "rules"]

_WORD_MARKS = "_.&'-"  # characters of a word beside letters and digits ("U.S.", "AT&T")
_WORD_AFTER = re.compile(r"^[\s,]*([\w'&.-]+)")
# "no later than March 1" is a deadline, as "by March 1"; so are a notice's "Deadline: Friday"
# and "by close of business Thursday" (TBAQ tags the day alone there); "can be funded as late
# as Oct. 15": the last day allowed
_DEADLINE_BEFORE = re.compile(
    r"\bno[tr]?\s+later\s+than\s+(?:the\s+)?$|\bas\s+late\s+as\s+$|\b(?:deadline|due(?:\s+date)?)\s*:?\s*$|"
    r"\b(?:by|until|till|before)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?day|"
    r"close\s+of\s+business|EOD|COB)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "payable on Dec. 2 to holders of record as of Nov. 15": a payment's dates, as "payable Dec. 2"
_DEADLINE_ON = re.compile(r"\b(?:payable|record|due|effective)\s+(?:on|as\s+of)\s+$", re.IGNORECASE)
# words without which the patterns above cannot match
_DEADLINE_WORDS = ("than", "late", "deadline", "due", "day", "business", "eod", "cob")
_DEADLINE_ON_WORDS = ("payable", "record", "due", "effective")
# the words _DEADLINE_BEFORE can end with (its text lower-cased, spaces and a colon stripped)
_DEADLINE_ENDS = (
    "than",
    "as",
    "the",
    "deadline",
    "due",
    "date",
    "day",
    "business",
    "eod",
    "cob",
    "on",
)
_ANY_PATTERN_END = (*_DEADLINE_ENDS, "of", "to", "through", "until")
_PERIOD_WORDS = ("year", "month", "week", "quarter", "day")


def _holds(low: str, words: tuple[str, ...]) -> bool:
    return any(word in low for word in words)


_PERIOD_TO = re.compile(
    r"\b(?:years?|months?|weeks?|quarters?|days?)\s+(?:to|through|until)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@attrs.define(unsafe_hash=True)
class Match:
    """One rule's match: the text, its span, the rule's groups and the lexicon."""

    text: str
    start: int
    end: int
    # the pattern's groups by name; one that took no part may be there as None or be absent,
    # so ``get`` reads them; ``groups[name]`` only for a group the pattern requires
    groups: dict[str, str]
    lex: Lexicon
    date_order: str = "MDY"

    def get(self, name: str) -> str | None:
        """The text of group ``name``, or ``None`` when it did not take part."""
        return self.groups.get(name) or None  # (a group that matched nothing is absent too)

    def word_before(self) -> str:
        """The word just before the match (lower case), or ``''``."""
        return self.raw_word_before().lower()

    def raw_word_before(self) -> str:
        """The word just before the match as written, or ``''``.

        Spaces and commas between are passed over; the word is the run of word characters,
        ".", "&", "'" and "-" before them, within the 40 characters before the match (a
        longer word is none). Read backwards character by character: a regular expression
        would be tried at every position of the 40.
        """
        text, floor = self.text, max(0, self.start - 40)
        end = self.start
        while end > floor and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        begin = end
        while begin > floor and (text[begin - 1].isalnum() or text[begin - 1] in _WORD_MARKS):
            begin -= 1
        if begin == end or (
            begin == floor
            and floor
            and (text[floor - 1].isalnum() or text[floor - 1] in _WORD_MARKS)
        ):
            return ""
        return text[begin:end]

    def word_after(self) -> str:
        """The word just after the match (original case), or ``''``."""
        found = _WORD_AFTER.match(self.text[self.end : self.end + 40])
        return found.group(1) if found else ""

    def deadline(self, words: frozenset[str]) -> bool:
        """Does a deadline word ("until", "by") govern the match? Not "to December's figures"."""
        possessive = self.text[self.end : self.end + 2] in ("'s", "’s")
        # (each pattern is searched only where the words it needs are there)
        low = self.text[max(0, self.start - 40) : self.start].lower()
        # each pattern ends with one of a few words: most matches end with none of them
        tail = low.rstrip(" \t\r\n:")
        text, start = self.text, self.start
        if not tail.endswith(_ANY_PATTERN_END):
            return not possessive and self.word_before() in words
        if (
            tail.endswith(_DEADLINE_ENDS)
            and _holds(low, _DEADLINE_WORDS)
            and _DEADLINE_BEFORE.search(text, max(0, start - 40), start)
        ):
            return True
        if (
            tail.endswith(("on", "of"))
            and _holds(low, _DEADLINE_ON_WORDS)
            and _DEADLINE_ON.search(text, max(0, start - 20), start)
        ):
            return True
        if (
            tail.endswith(("to", "through", "until", "the"))
            and _holds(low, _PERIOD_WORDS)
            and _PERIOD_TO.search(text, max(0, start - 30), start)
        ):
            return False  # "in the 12 months to March": the end of a period, not a deadline
        return not possessive and self.word_before() in words

    def char_after(self) -> str:
        """The first non-space character after the match, or ``''``."""
        rest = self.text[self.end : self.end + 10].lstrip()
        return rest[:1]


Builder = Callable[[Match], Mention | None]


@attrs.frozen
class Rule:
    """A named pattern and the builder that reads its matches.

    ``compiled`` is the pattern as the recognizer tries it: never right after a word
    character.
    """

    name: str
    pattern: str
    build: Builder
    compiled: re.Pattern[str]


# ---------------------------------------------------------------- shared readers


_LOWERED: dict[str, str] = {}  # a bounded memo: the same few words come back in every text
_LOWERED_KEPT = 4096


def _lower(value: str | None) -> str:
    """``value`` in lower case with its white space made single spaces (``''`` for none)."""
    if not value:
        return ""
    found = _LOWERED.get(value)
    if found is None:
        if len(_LOWERED) >= _LOWERED_KEPT:
            _LOWERED.clear()
        found = _LOWERED[value] = " ".join(value.lower().split())
    return found


def _month(m: Match, name: str = "mon") -> int:
    return m.lex.months[_lower(m.get(name)).rstrip(".")]


def _weekday_number(m: Match, word: str | None) -> int:
    """The ISO number of a weekday name, full or abbreviated ("Thursday", "Thurs.")."""
    return m.lex.weekdays[_lower(word).rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _day_of(m: Match, name: str) -> int | None:
    """The day of the month of group ``name``, in digits ("15th") or words ("fifteenth").

    ``None`` for words that name no day ("thirty third").
    """
    text = _lower(m.groups[name])
    if text[:1].isdigit():
        return _day(text)
    day = m.lex.ordinals.get(text.replace(" ", "-"))
    return day if day is not None and 1 <= day <= 31 else None


def _year(m: Match, *names: str) -> int | None:
    for name in names:
        if value := m.get(name):
            if name == "fy":  # "FY24": a fiscal year written with two digits
                return int(value) + (2000 if int(value) < 70 else 1900)
            return int(value)
    return None


_SHIFTS = {
    "last": -1,
    "past": -1,
    "this past": -1,
    "the past": -1,
    "the last": -1,
    "previous": -1,
    "the previous": -1,
    "next": 1,
    "nxt": 1,  # chat: "nxt wk", "nxt mon"
    "coming": 1,
    "this coming": 1,
    "the coming": 1,
    "the next": 1,
    "this": 0,
    "current": 0,
    "the current": 0,
}


def _shift(m: Match) -> int | None:
    word = _lower(m.get("shift"))
    return _SHIFTS.get(word) if word else None


def _mod(m: Match, name: str = "mod") -> str | None:
    word = _lower(m.get(name)).strip("- ")
    if not word:
        return None
    if word == "earlier":
        return "START"
    if word in ("later", "end"):  # "end" only as "end-March", "end-2024"
        return "END"
    for key in (word, word.removeprefix("the "), word.removesuffix(" of").strip()):
        if key in m.lex.modifiers:
            return m.lex.modifiers[key]
    return None


def _edge_mod(m: Match, word: str) -> str | None:
    """The mod of one modifier word ("early" START, "mid" MID, "late" END), from the lexicon."""
    if word in ("earlier", "later"):  # "earlier that day", "later that year"
        return "START" if word == "earlier" else "END"
    return m.lex.modifiers.get(word) if word else None


# "on or about May 4", "in or around 2020", "at or about 11 p.m.": a legal hedge, two
# prepositions joined; the date after them is read alone, from its own start, with no mod
_OR_BEFORE = re.compile(r"\b(?:on|in|at)\s+or\s+$", re.IGNORECASE)


_OR_ABOUT = re.compile(r"\b(?:on|in|at)\s+or\s+(?:about|around)\s+$", re.IGNORECASE)


def _joined_preposition(m: Match) -> bool:
    """Is the match's "about" or "around" a preposition joined to one before it by "or"?"""
    return (
        bool(m.get("qmod")) and _OR_BEFORE.search(m.text, max(0, m.start - 8), m.start) is not None
    )


def _qmod(m: Match) -> str | None:
    word = _lower(m.get("qmod"))
    if not word and m.get("orso"):  # "for a week or so": about a week
        return "APPROX"
    return m.lex.quantity_modifiers.get(word) if word else None


# a note's "am" / "pm" after a day ("tmrw am", "fri pm"): its morning, its afternoon
_NOTE_PARTS = {"am": "MO", "pm": "AF"}


def _clock(m: Match) -> Clock | None:
    text = _lower(m.get("clock"))
    if not text:
        pod = _lower(m.get("pod"))
        return Clock(part=m.lex.parts_of_day.get(pod) or _NOTE_PARTS[pod]) if pod else None
    if text[:1].isalpha():  # "noon", "ten o'clock", "eight p.m.", "seven thirty p.m."
        return _word_clock(text, m.lex)
    # "0800 GMT", "6.30pm", "14:30:15", "2:10:38 PM"
    found = re.match(r"(\d{1,2})(?:[:.]?(\d\d))?(?::(\d\d))?\s*([ap])?", text)
    if found is None:  # pragma: no cover - the pattern guarantees digits
        return None
    hour = int(found.group(1))
    minute = int(found.group(2) or 0)
    second = int(found.group(3)) if found.group(3) else None
    if found.group(4) == "p" and hour < 12:
        hour += 12
    elif found.group(4) == "a" and hour == 12:
        hour = 0
    return Clock(hour=hour, minute=minute, second=second)


def _word_clock(text: str, lex: Lexicon) -> Clock | None:
    """A clock reading in words: "seven thirty p.m." is 19:30, "nine oh five a.m." 09:05."""
    if text in ("noon", "midday"):
        return Clock(hour=12, minute=0)
    if text == "midnight":
        return Clock(hour=24, minute=0)
    words = text.replace("-", " ").replace("o\u2019clock", "").replace("o'clock", "").split()
    hour = lex.numbers[words[0]]
    meridian = next((w[0] for w in words[1:] if w[0] in "ap" and "m" in w), "")
    rest = [w for w in words[1:] if w != "oh" and not (w[0] in "ap" and "m" in w)]
    minute = parse_number(" ".join(rest), lex) if rest else 0
    if minute is None or minute > 59:
        return None
    if meridian == "p" and hour < 12:
        hour += 12
    elif meridian == "a" and hour == 12:
        hour = 0
    return Clock(hour=hour, minute=minute)


# ---------------------------------------------------------------- builders


_ELAPSED = re.compile(r"(\d):([0-5]\d):([0-5]\d)")
# words before a race's time: "won in 2:04:38", "a course-record 2:04:38", "a time of 2:20:51"
_ELAPSED_BEFORE = frozenset(("in", "of", "record", "course-record", "clocked", "ran", "timed"))


_ELAPSED_FRACTION = re.compile(r"(\d{1,2}):([0-5]\d)\.(\d\d?)")


def _elapsed_fraction(m: Match) -> Mention | None:
    """A race's minutes and seconds to the tenth, "a personal best of 3:58.4", "in 1:45.12"."""
    found = _ELAPSED_FRACTION.fullmatch(m.text, m.start, m.end)
    if found is None or m.word_before() not in _ELAPSED_BEFORE:
        return None
    minutes, seconds, fraction = found.groups()
    value = f"PT{int(minutes)}M{int(seconds)}.{fraction}S".replace("PT0M", "PT")
    return Fixed(m.start, m.end, TimexType.DURATION, value)


def _elapsed(m: Match, raw: str) -> Mention | None:
    """A race's time, "won in 2:04:38": hours, minutes and seconds elapsed, not a clock."""
    found = _ELAPSED.fullmatch(raw)
    if found is None or m.get("zone") or m.get("wd") or m.get("mon") or m.get("dd"):
        return None
    if m.word_before().lower() not in _ELAPSED_BEFORE:
        return None
    hours, minutes, seconds = (int(g) for g in found.groups())
    value = f"PT{hours}H{minutes}M{seconds}S".replace("T0H", "T").replace("H0M", "H")
    return Fixed(m.start, m.end, TimexType.DURATION, value)


def _clock_day(m: Match) -> Mention | None:
    """A clock time, with its day when one is written; or a race's time ("won in 2:04:38")."""
    if m.get("frac"):  # "3:58.4": no clock has tenths of a second
        return _elapsed_fraction(m)
    # "until 3am on New Year's Day": the holiday's clock time
    holiday = _holiday(m) if m.get("hol") else None
    if isinstance(holiday, Calendar) and holiday.mod is None and (mod := _qmod(m)):
        holiday = attrs.evolve(holiday, mod=mod)  # "at about 9 p.m. on Election Day": APPROX
    if m.get("eday") and _RANGE_BEFORE_CLOCK.search(m.text, max(0, m.start - 8), m.start):
        # "open 9am-5pm daily": every day's hours, whose ends are times
        end = m.text.rindex(m.groups["eday"], m.start, m.end)
        groups = {k: v for k, v in m.groups.items() if k != "eday"}
        m = attrs.evolve(
            m,
            end=end - len(m.text[m.start : end]) + len(m.text[m.start : end].rstrip()),
            groups=groups,
        )
    if m.get("wd") and not (m.get("shift") or m.get("wdom")) and _standing_days(m):
        # "open Monday through Friday, 9 a.m. to 5 p.m.": every Friday, its hours; "open from
        # 9 a.m. to 5 p.m. Monday through Friday": the clock alone, the days a set after it
        return _clock_before_days(m)
    if m.get("nth"):  # "at 5 p.m. on the second Friday of March"
        return _clock_on_nth_weekday(m)
    if m.get("cdom") and (day := _day_of(m, "cdom")) is not None and _clock(m) is not None:
        # "by 4pm on the 24th": the clock on that day of the month, as "on the 24th at 4pm"
        deadline = m.word_before() in m.lex.words.deadline
        # "after 4 pm on Friday the 11th": the weekday finds the month, as "friday the 11th"
        named = _weekday_number(m, cdwd) if (cdwd := m.get("cdwd")) else None
        return Calendar(
            *(m.start, m.end, None, None, day),
            clock=_clock(m),
            mod=_qmod(m),
            deadline=deadline,
            weekday=named,
        )
    return _elapsed(m, _lower(m.get("clock"))) or _clock_set(m) or holiday or _clock_on_day(m)


def _clock_on_nth_weekday(m: Match) -> Mention:
    """A clock time on the nth weekday of a month: one TIME, as "5 p.m. on Dec. 24"."""
    month, weekday = _month(m, "nmon"), _weekday_number(m, m.get("nwd"))
    year = _year(m, "nyear")
    rule = f"{month}/{weekday}/{_NTH[_lower(m.get('nth'))]}"
    return Calendar(
        m.start, m.end, year, holiday=rule, explicit_year=year is not None, clock=_clock(m)
    )


def _clock_before_days(m: Match) -> Mention | None:
    """The clock time alone, before a standing range of days that opens right after it."""
    clock = m.groups.get("clock")
    if not clock or m.text.startswith(m.groups.get("wd") or "", m.start):
        return None
    end = m.text.find(clock, m.start, m.end) + len(clock)
    if zone := m.get("zone"):
        end = m.text.find(zone, end, m.end) + len(zone)
    elif m.text.startswith(".", end) and clock[-1] in "mM":
        end += 1  # "5 p.m. Monday": the weekday after goes on with the sentence
    kept = {k: v for k, v in m.groups.items() if k in ("clock", "qmod", "zone")}
    return _clock_on_day(attrs.evolve(m, end=end, groups=kept))


_RANGE_BEFORE_CLOCK = re.compile(r"(?:[-\u2013]|\b(?:to|until|till|and))\s*$")


def _clock_set(m: Match) -> Mention | None:
    """A clock time before "every" and a weekday or day: "at noon every Saturday" is one set.

    "Gates open at 10 a.m. each day" is every day's 10 a.m., as "every morning" is
    XXXX-XX-XXTMO.
    """
    every, clock = m.get("ewd") or _lower(m.get("owd")).removesuffix("s") or None, _clock(m)
    if not (every or m.get("eday")) or clock is None:
        return None
    days = f"XXXX-WXX-{_weekday_number(m, every)}" if every else "XXXX-XX-XX"
    value = f"{days}{_clock_value(clock)}"
    return Fixed(m.start, m.end, TimexType.SET, value)


def _weekday_clock(m: Match, named: int, clock: Clock | None, mod: str | None) -> Mention:
    """A weekday with its clock time: "Thursday at 9:30", "thursday the 11th at 6:30pm"."""
    if wdom := m.get("wdom"):  # the nearest month where the 11th is a Thursday
        deadline = m.deadline(m.lex.words.deadline)
        return Calendar(
            *(m.start, m.end, None, None, _day(wdom)),
            clock=clock,
            mod=mod,  # "sunday the 26th around 7pm"
            deadline=deadline,
            weekday=named,
        )
    deadline = m.deadline(_WEEKDAY_DEADLINES)
    # "can we push Thursday's sync to Fri 2pm?" said on a Friday: a day moved to, never today
    moved = m.word_before().lower() == "to" and _pushed_to(m)
    return Weekday(
        *(m.start, m.end, named, _shift(m)), clock=clock, mod=mod, deadline=deadline, moved=moved
    )


def _pushed_to(m: Match) -> bool:
    """Is the day after "to" one a plan is pushed or moved to ("push the sync to Fri 2pm")?"""
    return _MOVED_TO.search(m.text, max(0, m.start - 50), m.start) is not None


def _part_hour(m: Match, raw: str, clock: Clock | None) -> Clock | None:
    """The clock of "7:30 friday night" (19:30): a later part of day after the weekday."""
    # "7:30 a.m. Friday night" keeps its a.m.
    part = _lower(m.get("wdpart") or m.get("ddpart"))  # "8 tomorrow night": 20:00
    later = part in ("afternoon", "evening", "night") and "a" not in raw
    if (
        later
        and "p" not in raw
        and clock is not None
        and clock.hour is not None
        and clock.hour < 12
    ):
        return attrs.evolve(clock, hour=clock.hour + 12)
    return clock


_NOUN_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "our", "his", "her", "your"))
_WEEKDAY_NEXT = re.compile(r"\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_LABEL_COLON = re.compile(r"[^\W\d]:\s")  # "Next fixture: ", not "at 7:36"
_LOWER_WORD = re.compile(r"\b[a-z]")  # a line with none is a heading: "Clubhouse, 7:00 p.m."


def _clock_stop(m: Match) -> Match:
    """The match without the period of "a.m." or "p.m." when it also ends the sentence.

    "at 10 p.m. Then...", "is Tuesday, Oct. 18, at 7 p.m." above a new paragraph, "on
    Thursdays at 8 p.m. Minutes are...": the stop is the sentence's (TBAQ: "p.m" 2 of 2).
    """
    end = m.end
    if m.text[end - 2 : end] not in ("m.", "M."):
        return m
    rest = m.text[end : end + 2].lstrip(" ")
    if rest and rest[0] not in "\n\"'`" and not rest[0].isupper():
        return m
    if m.word_before() in _NOUN_DETERMINERS or _WEEKDAY_NEXT.match(m.text, end):
        # "The 8 a.m. Mass will be celebrated", "the 7 p.m. Show": the clock names a noun's
        # hour; "from 9 a.m. to 5 p.m. Monday through Friday": the days go on
        return m
    if not m.text[end : end + 80].partition("\n")[0].strip():  # the line ends there
        line = m.text[m.text.rfind("\n", 0, m.start) + 1 : m.start]
        if _LOWER_WORD.search(line) is None or _LABEL_COLON.search(line):
            # a heading's or a label's day and hour: "Clubhouse, 7:00 p.m.", "Next fixture:
            # Redmarsh v Harrowgate, Saturday, May 17, 3 p.m."
            return m
    return attrs.evolve(m, end=end - 1)


def _clock_relative(m: Match, raw: str, clock: Clock | None, mod: str | None) -> Relative | None:
    """A clock time on a day told relatively: "10:30 tmrw", "7:30 tonight", "9:15 the next day"."""
    if dd := m.get("dd"):
        offset = m.lex.deictic_days[_lower(dd)]
        return Relative(m.start, m.end, "day", offset, clock=clock, mod=mod)
    if ba := _lower(m.get("anba")):  # "at 5pm the day before": the day before the one told
        offset = -1 if ba == "before" else 1
        return Relative(m.start, m.end, "day", offset, Origin.ANCHOR, clock=clock, mod=mod)
    if relation := _lower(m.get("anrel") or m.get("anthat")):
        # "resumed at 9:15 the next day": the clock of the day after the last date told
        offset = _ANAPHORIC[relation]
        part = m.text[max(m.start, m.end - 9) : m.end].lower()
        if (
            clock is not None
            and clock.hour is not None
            and part.endswith(("afternoon", "evening", "night"))
            and (6 <= clock.hour < 12 or (clock.hour < 6 and not part.endswith("night")))
            and not re.search(r"[ap]", raw)
        ):
            # "around 7:30 that evening", "at 9 the next night": a later part of day moves a
            # reading with no a.m. or p.m. to the afternoon (the small hours of a night stay)
            clock = attrs.evolve(clock, hour=clock.hour + 12)
        return Relative(m.start, m.end, "day", offset, Origin.ANCHOR, clock=clock, mod=mod)
    if tonight := _lower(m.get("tonight")):  # "at 7:30 tonight": 19:30 today
        later = "morning" not in tonight and not re.search(r"[ap]", raw)
        offset = _CLOCK_DAYS[tonight.split()[0]]  # "tomorrow night at eight-fifteen"
        small = clock is not None and clock.hour is not None and clock.hour < 6
        if tonight.startswith("last") and small:
            later, offset = False, 0  # "last night at 2:30 a.m.": the small hours, today's
        if clock is not None and later and clock.hour is not None and clock.hour < 12:
            clock = attrs.evolve(clock, hour=clock.hour + 12)
        return Relative(m.start, m.end, "day", offset, clock=clock, mod=mod)
    return None


_AFTERNOON_READING = re.compile(r"[1-5]:[0-5]\d")


# what puts a small-hours reading in the night or at dawn: "at 4:30 in the morning", "left
# at 2:15, before dawn", another reading's a.m. ("came at 2:06 a.m.; the engine pulled up at
# 2:11"); a morning's reading after the small hours ("open from 10am to 2pm ... last call at
# 1:30") puts none there
_NIGHT_WORDS = re.compile(
    r"morning|dawn|daybreak|sunrise|(?<!fort)night|overnight|small hours|"
    r"(?<![\d:.])(?:0?[1-6]|12)(?:[:.][0-5]\d)?\s?[aA]\.?[mM]\b",
    re.I,
)
_NIGHT_NEAR = 150  # characters either side of the reading searched for them
# a word of the night or the morning counts in the reading's own sentence only (its line's,
# in a post); another reading's a.m. counts across sentences ("came at 2:06 a.m. It pulled
# up at 2:11"): a post's "senior night is Thursday. Be there by 5:30", "a slight risk until
# 10 tonight. Check in by 3:30" put no small hours in the next sentence
_NIGHT_AM = re.compile(r"(?<![\d:.])(?:0?[1-6]|12)(?:[:.][0-5]\d)?\s?[aA]\.?[mM]\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])|\n")


def _night_near(m: Match) -> bool:
    """Is the night or the dawn told near a reading (its sentence's words, or an a.m.)?"""
    start = max(0, m.start - _NIGHT_NEAR)
    near = m.text[start : m.end + _NIGHT_NEAR]
    if _NIGHT_WORDS.search(near) is None:
        return False
    if _NIGHT_AM.search(near) is not None:
        return True
    before = m.text[start : m.start]
    ends = [e.end() for e in _SENTENCE_END.finditer(before)]
    after = _SENTENCE_END.search(m.text, m.end, m.end + _NIGHT_NEAR)
    stop = after.start() if after else m.end + _NIGHT_NEAR
    own = m.text[start + (ends[-1] if ends else 0) : stop]
    return _NIGHT_WORDS.search(own) is not None


# what "about" or "around" before a reading may count instead of a clock: "ran the mile in
# around 5:30", "a lead of around 1:30"
_NOT_AROUND_CLOCK = frozenset(("in", "of", "for", "within", "under", "over", "took", "lasted"))


def _around_clock(m: Match) -> bool:
    """Does "around" stand for "at" before a reading: "I'll get there around 11:15"?"""
    if _lower(m.get("qmod")) != "around" or not m.text.startswith(("around", "Around"), m.start):
        return False
    return m.word_before() not in _NOT_AROUND_CLOCK


# a clock reading set right after another one placed by a preposition: "pickup is at 12:15 not
# 3:10", "at 9am instead of 10:30" (the second a clock as the first, read as after "at")
_CLOCK_CORRECTED = re.compile(
    r"\b(?:at|@|by|until|till|til|after|before)\s+(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?"
    r"(?:[ap]\.?m\.?)?\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+$",
    re.IGNORECASE,
)


def _corrected_clock(m: Match) -> bool:
    """Does a clock reading follow "at 12:15 not", "at 9am instead of"?"""
    return m.word_before() in ("not", "of", "than") and bool(
        _CLOCK_CORRECTED.search(m.text, max(0, m.start - 40), m.start)
    )


def _afternoon_reading(m: Match, raw: str) -> bool:
    """Is ``raw`` a reading from 1:00 to 5:59 with no a.m. that is the afternoon's?

    Next to a weekday or "tmrw" ("dentist tues 3:15"), or after a clock preposition with no
    night or dawn near: "the meeting starts at 2:15", "open from 9:30 to 1:30" (not "at 4:30
    in the morning", nor "03:15", read as written).
    """
    if m.get("tonight") or _AFTERNOON_READING.fullmatch(raw) is None:
        return False
    if m.get("wd") or m.get("dd"):
        return True
    placed = m.word_before() in _CLOCK_PREPOSITIONS or _around_clock(m) or _corrected_clock(m)
    if not placed or m.get("zone"):
        return False
    return not _night_near(m)


def _clock_on_day(m: Match) -> Mention | None:
    if _joined_preposition(m):
        return None  # "at or about 11 p.m.": read from the clock time
    raw = _lower(m.get("clock"))
    clock = _clock(m)
    if raw.isdigit() and int(raw) < 6 and not m.get("tonight") and clock is not None:
        clock = attrs.evolve(clock, hour=int(raw) + 12)  # "tmrw at 2": a bare hour, 14:00
    elif _afternoon_reading(m, raw) and clock is not None and clock.hour is not None:
        # "dentist tues 3:15": a note's reading by a day, 1 to 5 with no a.m. (not "03:15")
        clock = attrs.evolve(clock, hour=clock.hour + 12)
    # "10:30" alone may be a score or a ratio; "14:30:15" is a time
    bare_24h = raw.count(":") == 1 and not re.search(r"[ap]", raw) and not m.get("zone")
    at = m.word_before() in _CLOCK_PREPOSITIONS or _around_clock(m) or _corrected_clock(m)
    dated = bool(m.get("mon") or m.get("mon2") or m.get("wd"))  # "Thu 2 May 14:30"
    # "10:30 tmrw"; a timeline's "08:57 — A change is deployed"
    placed = bool(at or m.get("tonight") or dated or m.get("dd")) or _timeline_label(m)
    if bare_24h and not placed and _departure(m):
        placed = True  # "the 7:10 sailing", "the 7:10 and 8:00 sailings": read as written
    if bare_24h and not placed and _event_start(m):
        # "Puck drop 7:05", "7:05 puck drop", "7:05 sharp!": a game's or a show's start; one
        # from 1 to 9 with no a.m. is the afternoon's or the evening's
        placed = True
        if clock is not None and clock.hour is not None and 1 <= clock.hour <= 9:
            clock = attrs.evolve(clock, hour=clock.hour + 12)
    # "ran 2:03:23", "won in 2:18:35": a race's time; a log writes "02:03:23" or "14:30:15"
    lapse = re.fullmatch(r"\d:\d\d:\d\d", raw) is not None and not m.get("zone")
    if (bare_24h and not (placed or _clock_range(m))) or (lapse and not (placed or m.get("dd"))):
        return None
    mod = _qmod(m)
    m = _clock_stop(m)
    wd = m.get("wd")
    named = _weekday_number(m, wd) if wd else None
    if named is not None and not (m.get("mon") or m.get("mon2")):
        # "8pm on Sunday 23 November": the date written day first decides, as month first
        return _weekday_clock(m, named, _part_hour(m, raw, clock), mod)
    if m.get("ddpart"):  # "at 8 tomorrow morning", "7:30 tomorrow night"
        clock = _part_hour(m, raw, clock)
    if relative := _clock_relative(m, raw, clock, mod):
        return relative
    if m.get("mon") or m.get("mon2"):  # "7 a.m. Friday, Aug. 29": the weekday helps find the year
        day = _day(m.get("day") or m.groups["dmy"])
        year = _year(m, "year", "cyear")
        return Calendar(
            m.start,
            m.end,
            year,
            _month(m, "mon" if m.get("mon") else "mon2"),
            day,
            clock=clock,
            mod=mod,
            explicit_year=bool(year),
            weekday=named,
        )
    # "Updated 3:15 p.m. ET": when the page changed, on the reference day; so is a chat
    # message's stamp after its sender's name ("Lena Park  9:12 AM" on a line of its own)
    stamp = m.word_before().lower() in _STAMPS or _chat_stamp(m) or _update_stamp(m)
    origin = Origin.REFERENCE if stamp else _clock_origin(m)
    return Relative(m.start, m.end, "day", 0, origin, clock=clock, mod=mod, stamp=stamp)


# a news page's time stamps: the reference day's clock
_STAMPS = frozenset(("updated", "posted", "published"))
# a post's heading of a later word: "UPDATE 10:40 a.m.: shuttles are running late"; a chat's
# lower-case "update 4:15pm: ..." with the colon after its clock
_UPDATE_HEADS = frozenset(("UPDATE", "Update", "EDIT", "Edit"))
_LOWER_UPDATE_HEADS = frozenset(("update", "edit"))
# a chat log's sender label opening the line before the message: "Dana R: update 4:15pm: ..."
_SENDER_LABEL = re.compile(r"[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2}:$")


def _update_stamp(m: Match) -> bool:
    """Is the clock time a post's "UPDATE" or "EDIT" stamp, the word opening its sentence?"""
    head = m.raw_word_before()
    # a lower-case "update 4:15pm: ..." needs its colon; "an update at 4:15pm" is none
    lower = head in _LOWER_UPDATE_HEADS and m.text[m.end : m.end + 2].lstrip(" ").startswith(":")
    if head not in _UPDATE_HEADS and not lower:
        return False
    window = max(0, m.start - 40)
    before = m.text[window : m.start].rstrip(" \t:,-")
    if not before.endswith(head):
        return False  # "Update: 9:20 a.m." is one; "an update, then 9:20" is not
    opening = before[: -len(head)].rstrip(" \t")
    if opening == "" or opening[-1] in ".!?\n":
        return True
    label = _SENDER_LABEL.search(opening) if opening[-1] == ":" else None
    if label is None:
        return False
    # the label opens its line or follows a message's end: "... tonight. Dana R: update 4:15pm:"
    at = window + label.start()
    while at > 0 and m.text[at - 1] in " \t":
        at -= 1
    return at == 0 or m.text[at - 1] in ".!?\n"


# a game's or a show's start named before its bare reading ("Puck drop 7:05", "Doors 7:30",
# "Gates 5:30", "first pitch 1:10"), or after it ("7:05 puck drop", "7:05 sharp")
_START_BEFORE = re.compile(
    r"(?:\b(?:[Dd]oors|[Gg]ates(?:\s+open)?|[Ss]how(?:time)?|[Cc]urtain|[Kk]ick-?off|[Tt]ip-?off|[Ff]ace-?off|"
    r"[Pp]uck\s+drop|[Ff]irst\s+pitch)(?:\s+is)?[ \t]*:?[ \t]*)$"
)
_START_AFTER = re.compile(
    r"[ \t]+(?:puck\s+drop|kick-?off|tip-?off|face-?off|first\s+pitch|start|sharp)\b"
)


# a departure named by its clock: "the 9:30 sailing", "the 7:10 and 8:00 sailings", "the
# 6:15 train"; the first of two readings joined reaches the noun past the second
_DEPARTURE_AFTER = re.compile(
    r"(?:[ \t]+(?:and|or|&)[ \t]+\d{1,2}:\d\d)?[ \t]+(?:sailings?|ferry|ferries|boats?|"
    r"trains?|bus|buses|departures?|flights?|shuttles?)\b"
)


def _departure(m: Match) -> bool:
    """Is a bare reading the name of a departure after "the" ("the 9:30 sailing")?"""
    if m.word_before().lower() not in ("the", "and", "or", "&"):
        return False
    return _DEPARTURE_AFTER.match(m.text, m.end) is not None


def _event_start(m: Match) -> bool:
    """Is a bare reading the start of a game or a show, named next to it?"""
    if _START_AFTER.match(m.text, m.end) is not None:
        return True
    return _START_BEFORE.search(m.text, max(0, m.start - 20), m.start) is not None


# a line of a chat log that holds a sender's name and the message's time, nothing else; the
# name may carry a role in brackets and a separator: "Greg Lindqvist (parent)  4:12 PM", and
# an account's name an ampersand: "Crumb & Co. \u00b7 9:48 AM", and a number after its first
# word: a station's frequency, "WKRL 98.3 \u00b7 3:05 PM" (a decimal: not "May 3-5 ten o'clock");
# an office's name its lower-case joining words: "City of Brantford \u00b7 7:10 AM", "Friends of
# the Library \u00b7 2:30 PM"
_SENDER = re.compile(
    r"[A-Z][\w.'-]*(?:[ \t]+(?:&[ \t]+|(?:of|the|and|for)[ \t]+(?:the[ \t]+)?)?"
    r"(?:[A-Z][\w.'-]*|\d+\.\d+)){0,3}"
    r"(?:[ \t]+\([\w .'-]{1,30}\))?(?:[ \t]+[\u00b7|\u2013-])?[ \t]+\[?"
    # a user's handle in lower case, one word, before the post's dot or bar:
    # "vinyl_vic \u00b7 12:31 PM", "@parent_of_3 | 11:30 AM"
    r"|@?[a-z\d_][\w.]*[ \t]+[\u00b7|][ \t]+"
)


def _chat_stamp(m: Match) -> bool:
    """Is the clock time a chat message's stamp, alone on its line after a name?

    Or in brackets opening a message's line: "[9:03 PM] priya: ok so ...".
    """
    line_start = m.text.rfind("\n", 0, m.start) + 1
    if m.text[line_start : m.start].strip(" \t") in ("[", "(") and m.text[m.end : m.end + 1] in (
        "]",
        ")",
    ):
        return True
    line_end = m.text.find("\n", m.end)
    rest = m.text[m.end : len(m.text) if line_end < 0 else line_end]
    return rest.strip(" \t]") == "" and _SENDER.fullmatch(m.text, line_start, m.start) is not None


# the prepositions that make "10:30" a clock reading: "at 10:30", "waiting since 7:30"
_CLOCK_PREPOSITIONS = frozenset(
    ("at", "by", "until", "till", "til", "from", "before", "after", "between", "since")
)
# a timeline's entry: a line opened by its clock reading and a dash or a colon ("08:57 — A
# change is deployed", "- 09:11: the on-call engineer is paged")
_LINE_OPENING = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+)?")
_LABEL_AFTER = re.compile(r"[ \t]*[-\u2013\u2014][ \t]|:[ \t]")


def _timeline_label(m: Match) -> bool:
    """Does a 24-hour reading open its line before a dash or a colon, as a timeline's entry?"""
    line_start = m.text.rfind("\n", 0, m.start) + 1
    if _LINE_OPENING.fullmatch(m.text, line_start, m.start) is None:
        return False
    return _LABEL_AFTER.match(m.text, m.end) is not None


_RANGE_AFTER = re.compile(r"\s*(?:[-\u2013]|to|until|till)\s*(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
_RANGE_BEFORE = re.compile(
    r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d\s*(?:[-\u2013]|to|until|till|and)\s*$"
)


def _clock_range(m: Match) -> bool:
    """Is a 24-hour reading one end of a range of two ("08:00-18:00", "from 09:12 to 09:59")?"""
    if _RANGE_AFTER.match(m.text, m.end):
        return True
    return _RANGE_BEFORE.search(m.text, max(0, m.start - 20), m.start) is not None


def _days_in(month: int) -> int:
    """The most days ``month`` can have (February: 29)."""
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31


def _shared_year(m: Match) -> int | None:
    """The year written with a date or month, or after the end of its range.

    "1 July to 18 November 1916": 1916; a range that crosses New Year starts the year before
    ("28 December to 3 January 1915": 1914).
    """
    if (year := _year(m, "year", "cyear")) is not None or (year := _year(m, "year2")) is None:
        return year
    return year - 1 if m.get("mon2") and _month(m, "mon2") < _month(m) else year


def _spoken_day_placed(m: Match) -> bool:
    """Is "May first" a date? Not in "Theresa May first raised the issue"."""
    if not m.get("dayw") or m.get("year") or m.get("syear"):
        return True
    after = m.word_after()
    # "that's April twelfth, and within days ...": a comma ends the date; "on July eleventh
    # he's at Rich Mountain": a preposition before makes it one (not "first", an adverb too:
    # "in May first, then June")
    if m.groups["dayw"].lower() != "first" and (
        m.text[m.end : m.end + 1] == "," or m.word_before() in m.lex.prepositions
    ):
        return True
    if after[:1].islower() and after.rstrip(".,") not in m.lex.words.after_year:
        return False  # "May the fourth be with you"
    if m.get("wd") or m.get("the") or " of " in m.text[m.start : m.end]:
        return True  # "the fifteenth of May", "April the tenth"
    if m.word_before() in m.lex.prepositions:
        return True  # "on May fifteenth"
    return not after[:1].isalpha()  # "The deadline was April fifteenth."


_RANGE_START = re.compile(r"(?:(?<![\w-])\d{1,2}|(?<![\w-])[A-Za-z]{3,9}\.?)\s*[-\u2013]$")


def _after_range_start(m: Match) -> bool:
    """Does a day or a month end the range before the dash ("17-21 February", "28 Oct-1 Nov")?

    A name does not: "covid-19 May 2020" is May 2020.
    """
    found = _RANGE_START.search(m.text, max(0, m.start - 12), m.start)
    if found is None:
        return False
    word = found.group().rstrip("-\u2013 ").rstrip(".").lower()
    return word.isdigit() or word in m.lex.months


def _event_year(m: Match, month: int, day: int) -> int | None:
    """The year of an event named by its day ("the Sept. 11 attacks"), from ``[event_days]``."""
    event = m.lex.event_days.get((month, day))
    if event is None or m.word_after().lower().rstrip(".,;:!?") not in event[1]:
        return None
    return event[0]


def _month_day(m: Match) -> Mention | None:
    day = _day_of(m, "dayw") if m.get("dayw") else _day(m.groups["day"])
    month = _month(m)
    # "on or about May 4": read from the month, after the joined prepositions
    if day is None or day > _days_in(month) or not _spoken_day_placed(m) or _joined_preposition(m):
        return None
    after_dash = m.start and m.text[m.start - 1] in "-\u2013" and not _after_range_start(m)
    # "Friday through Sunday, June 6-8": "Sunday" ends the weekdays' range
    if after_dash or _days_of_weekday_range(m):
        return None
    if (m.get("dayw") or "")[:1].isupper() and not m.get("year"):
        name = _lower(m.text[m.start : m.end]).removeprefix("the ")
        if name in m.lex.holidays:
            return None  # "the Fourth of July": the holiday's name, read by its own rule
    if m.get("clock"):  # "Friday, April 26 at 7 p.m.": one TIME
        return _clock_day(_clock_stop(m))
    year = _shared_year(m)  # "June 3-5, 2021": the year after the second day
    if year is None and m.get("syear"):
        year = _spoken_year_value(m.groups["syear"], m.lex)  # "July fourth, nineteen ninety-six"
    if year is None and m.get("year0"):
        year = int(m.groups["year0"])  # "2022 Nov 22": the year first
    short = year is None and m.get("dyy") is not None  # "5 Mar 24", "Mar 24, '23": as "'98"
    if short:
        year = int(m.groups["dyy"])
    if m.get("wd") is None and month == 5 and year is None and m.word_before() in ("theresa",):
        return None
    mod = "APPROX" if m.get("qmod") else None
    deadline = m.deadline(m.lex.words.deadline)
    weekday = _weekday_number(m, m.get("wd")) if m.get("wd") else None
    known = year is not None
    if not known:
        year = _event_year(m, month, day)  # "the Sept. 11 attacks": the event's, not written
    return Calendar(
        m.start,
        m.end,
        year,
        month,
        day,
        shift=-1 if year is None and _recently_as(m) else None,  # "as recently as March 3"
        mod=mod,
        explicit_year=known and not short,
        short_year=short,
        deadline=deadline,
        weekday=weekday,
        year_shift=_year_shift(m, "yshift"),  # "Dec. 5 last year"
        weekend_of=bool(m.get("wknd")),  # "4th of july weekend"
    )


_DAY_RANGE_END = re.compile(r"\s*[-\u2013]\s*\d")


def _days_of_weekday_range(m: Match) -> bool:
    """Is the weekday before the date the end of a range of weekdays the days after it name?"""
    if not m.get("wd") or not _DAY_RANGE_END.match(m.text, m.end, m.end + 4):
        return False
    return _DAY_RANGE_BEFORE.search(m.text[max(0, m.start - 30) : m.start]) is not None


_DAY_OF_MONTH_BEFORE = frozenset(
    ("on", "by", "until", "till", "since", "from", "before", "after", "through", "and", "or", "to")
)


# words before a day written "the 24th" that make it a rank, a place or a unit, not a day:
# "in the 5th" (an inning), "of the 24th" (a regiment), "finished the 3rd", "for the 2nd"
_NOT_BEFORE_DAY_NUMBER = frozenset(
    (
        *("in", "of", "for", "at", "with", "than", "as", "like", "into", "the", "a", "an"),
        *("his", "her", "its", "their", "our", "my", "your", "this", "that", "every", "each"),
        *("finished", "finish", "finishes", "won", "win", "wins", "placed", "ranked", "came"),
    )
)
# words after a day of the month that say it is the subject: "the 24th works for me"
_DAY_AS_SUBJECT = frozenset(
    (
        *("works", "suits", "sounds", "looks"),
        # a modal after it: "so the 28th might be tight", "the 3rd could work"
        *("might", "could", "would", "should", "may"),
        # adverbs, no noun a rank counts: "brunch on the 16th still stands?"
        *("still", "instead", "too", "again", "anyway", "either"),
        # a chat's asides: "help carry boxes the 25th lol"
        *("lol", "lmao", "haha", "tho", "though"),
        # a preposition of the hours that day: "sending a tech out on the 12th between 8am
        # and noon", "on the 3rd from 9 to 5" (no noun a rank counts comes after them)
        *("between", "from", "after", "before", "around", "until", "till"),
    )
)


def _day_of_month(m: Match) -> Mention | None:
    """A day of the month alone ("on the 15th"), resolved from context."""
    before = m.word_before()
    named = bool(m.get("podof"))  # "the morning of the 21st" needs no "on"
    # "confirmed for the 25th at 4pm": a day booked with its clock time (not "for the 2nd")
    booked = before == "for" and m.groups["dom"][:1].isdigit() and _booked_for(m)
    placed = named or booked or before in _DAY_OF_MONTH_BEFORE
    if not placed and not _day_number_alone(m, before):
        return None
    after = m.word_after()
    # "the 25th, took": a comma ends it, and so does a line break ("due the 26th\nJen W: ok")
    attached = m.text[m.end : m.end + 1] in (" ", "\t")
    clock = _clock(m)  # "on the 11th at 8am": one expression, as "Thursday at 9:30 a.m."
    bare = m.groups["clock"].isdigit() if clock is not None else False
    if bare and clock is not None and clock.hour is not None and clock.hour < 6:
        clock = attrs.evolve(clock, hour=clock.hour + 12)  # "the 14th at 2": a bare hour, 14:00
    elif (
        clock is not None
        and clock.hour is not None
        and _AFTERNOON_READING.fullmatch(m.groups["clock"]) is not None
        and not _night_near(m)
    ):
        # "moved to the 12th at 3:45": a reading from 1:00 to 5:59 with no a.m. after "at",
        # the afternoon's, as "dentist tues 3:15" (not "at 4:30 in the morning")
        clock = attrs.evolve(clock, hour=clock.hour + 12)
    opens = _opens_clause(after, m) or after.lower().rstrip(".") in _DAY_AS_SUBJECT
    if not opens and before == "on" and after[:1].isupper():
        opens = _name_opens_clause(m, after)  # "On the 6th Brandt ordered a retreat"
    if clock is None and attached and after[:1].isalpha() and not opens:
        return None  # "the 15th person", "on the 3rd try"
    if clock is None and after in ("and", "or") and _LAST_RANK.match(m.text, m.end):
        return None  # "the fifth and final Test", "the third and deciding game": a rank
    day = _day_of(m, "dom")
    if day is None or (clock is None and _golf_hole(m)) or _ANY_MONTH.match(m.text, m.end):
        return None  # "born between the 1st and the 10th of a month": any month's days
    if clock is not None:
        m = _sentence_stop(m)
    deadline = before in m.lex.words.deadline
    return Calendar(m.start, m.end, None, None, day, deadline=deadline, clock=clock)


def _booked_for(m: Match) -> bool:
    """Is "for the 9th" a day something is booked for, with its clock or after a booking?

    "confirmed for the 25th at 4pm", "booked a tech for the 9th", "got the tix for the
    14th", "set a reminder for the 28th" (not "for the 2nd time", "voted for the 3rd").
    """
    if m.get("clock") is not None:
        return True
    return _BOOKED.search(m.text, max(0, m.start - 40), m.start) is not None


# a booking before "for the 9th": the day it is for
_BOOKED = re.compile(
    r"(?i:\b(?:book(?:ed)?|schedul(?:e|ed)|reserv(?:e|ed|ation)|resched(?:ule|uled)|appt"
    r"|appointment|tickets?|tix|seats?|reminders?)\b)[^.!?\n,]{0,30}\bfor\s+$"
)


# a rank's last of a run after an ordinal: "the fifth and final Test", "the third and
# deciding match", "the seventh and last day"
_LAST_RANK = re.compile(r"\s+(?:and|or)\s+(?:final|last|deciding|concluding)\b")
_ANY_MONTH = re.compile(
    r"\s+(?:and|or|to|through)\s+the\s+\d{1,2}(?:st|nd|rd|th)\s+of\s+(?:an?|any)\s+month\b"
)
# words of a round of golf: "a birdie putt on the 14th", "bogeyed the 16th" name holes
_GOLF = re.compile(
    r"(?i:\b(?:birdie[sd]?|bogey(?:s|ed)?|double-bogey|putt(?:s|ed)?|parred|holed|fairway"
    r"|tee\s+shot|par[\s-][345]|front\s+nine|back\s+nine)\b)"
)
_STOP = re.compile(r"[.!?]\s|\n")  # a sentence's end, roughly: enough to bound a search


def _golf_hole(m: Match) -> bool:
    """Is "on the 14th" a hole of a golf course, a word of golf in its sentence?"""
    begin = _opening_after(m.text, _STOP, max(0, m.start - 160), m.start)
    stop = _STOP.search(m.text, m.end, m.end + 100)
    return _GOLF.search(m.text, begin, stop.start() if stop else m.end + 100) is not None


def _opening_after(text: str, ends: re.Pattern[str], begin: int, end: int) -> int:
    """Where the last sentence opening in ``text[begin:end]`` is (after ``ends``), or ``begin``."""
    last = begin
    for found in ends.finditer(text, begin, end):
        last = found.end()
    return last


def _day_number_alone(m: Match, before: str) -> bool:
    """Is "the 24th" in digits a day without "on": "rent is due the 1st", "the 24th works"?

    Chat and notes leave the preposition out; a spelled ordinal ("the first") stays a rank,
    and so does a number after a comma ("Next year's festival, the 24th, will move", "we
    sat, the 29th was a washout"), unless a word of agreement follows ("If not, the 14th
    works").
    """
    if not m.groups["dom"][:1].isdigit() or before in _NOT_BEFORE_DAY_NUMBER:
        return False
    gap = m.text[max(0, m.start - 3) : m.start]
    if "(" in gap:
        # "the raffle is 2 weeks from sat (the 21st)": a day named again in brackets after a
        # day ("Dave (the 3rd)" is a name's number)
        paren = m.text.rindex("(", 0, m.start)
        return m.text.startswith(")", m.end) and _dated_before(m.text, paren)
    agreed = m.word_after().lower().rstrip(".") in _DAY_AS_SUBJECT
    return "," not in gap or agreed


_UNITS_OF_DAYS = frozenset(("week", "weekend", "wknd", "wk", "month", "tmrw", "tomorrow", "today"))


def _dated_before(text: str, at: int) -> bool:
    """Does a weekday or a unit of days ("week", "tmrw") end ``text`` before ``at``?"""
    words = text[max(0, at - 20) : at].split()
    if not words:
        return False
    word = words[-1].lower().rstrip(".,")
    return word in _UNITS_OF_DAYS or word in _WEEKDAY_WORDS or word.rstrip("s") in _WEEKDAY_WORDS


_WEEKDAY_WORDS = frozenset(
    (
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun"),
    )
)


# a name and its past verb after a day of the month that opens the sentence with "On": "On
# the 6th Brandt ordered a retreat", "On the 6th Marshal Brandt ordered" (not "On the 17th
# Lancers charged": a numbered unit, whose nouns are below)
_NAME_AND_VERB = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}[a-z]+ed\b")
_NUMBERED_UNITS = frozenset(
    (
        *("army", "armies", "corps", "division", "brigade", "regiment", "battalion", "fleet"),
        *("squadron", "infantry", "cavalry", "artillery", "foot", "hussars", "lancers"),
        *("dragoons", "guards", "fusiliers", "rifles", "marines", "panzer", "airborne", "light"),
        *("legion", "company", "battery", "wing", "group", "street", "avenue", "amendment"),
        *("century", "congress", "parliament", "district", "ward", "precinct", "armoured"),
        *("armored", "mountain", "mechanized", "motorized", "parachute", "highlanders", "corps"),
    )
)


def _name_opens_clause(m: Match, after: str) -> bool:
    """Does a name and its past verb follow "On the 6th" at a sentence's start?"""
    if m.raw_word_before() != "On" or after.lower() in _NUMBERED_UNITS:
        return False
    found = _NAME_AND_VERB.match(m.text, m.end, m.end + 60)
    if found is None or any(w.lower() in _NUMBERED_UNITS for w in found.group().split()):
        return False
    head = m.text[max(0, m.start - 12) : m.start].rstrip()
    opening = head[:-2].rstrip()  # what comes before "On"
    return not opening or opening[-1] in ".!?\n"


def _opens_clause(word: str, m: Match) -> bool:
    """Can ``word`` begin the clause after "on the 14th" ("on the 14th three brigades ...")?

    A count after a spelled ordinal is its noun phrase: "the first nine months".
    """
    counted = word.lower() in m.lex.numbers and m.groups["dom"][:1].isdigit()
    if word.lower().rstrip(".,;:") in _RANKED_NOUNS:
        return False  # "filming on the fourth season": a rank before its noun
    return word.lower() in m.lex.words.after_year or counted


# nouns of `after_year` ("the 2019 season") that a rank comes before: "on the fourth season",
# "on the third edition" are no days of the month
_RANKED_NOUNS = frozenset(
    ("season", "seasons", "election", "elections", "budget", "campaign", "census", "edition")
)
_RANKED_NOUNS |= frozenset(("report", "survey", "level", "levels"))


def _day_of_named_month(m: Match) -> Mention | None:
    """A day of "the month", of a month named from now or of each: "the fifteenth of next month"."""
    day = _day_of(m, "dom")
    if day is None:
        return None
    if m.get("each"):  # "rent is due on the first of each month": that day of every month
        return Fixed(m.start, m.end, TimexType.SET, f"XXXX-XX-{day:02d}")
    if m.get("the"):  # "on the first of the month": as "on the 1st"
        if m.word_before() not in _DAY_OF_MONTH_BEFORE:
            return None  # "The first of the month is always busy": any month's
        deadline = m.word_before() in m.lex.words.deadline
        return Calendar(m.start, m.end, None, None, day, deadline=deadline)
    return Relative(m.start, m.end, "month", _SHIFTS[_lower(m.get("shift"))], edge=day)


_FIRST_DAY = re.compile(
    r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?((?:,\s*\d{1,2}(?:st|nd|rd|th)?)*)"
    r"(?:,\s*|\s*)(?:and|or|&|to|through|[-\u2013])?\s*$"
)
# the rest of a list of days after one set off by a comma: "June 1, [8] and 15"
_LIST_GOES_ON = re.compile(
    r"(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*,?\s*(?:and|or)\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?![\w%/:-]|[.,]\d)\s*([A-Za-z]*)"
)


def _second_day(m: Match) -> Mention | None:
    """The second day of "April 24 and 25" or "May 3-5": the first one's month.

    So are the later days of a list: "on June 1, 8 and 15" (each after a comma only while
    the list goes on to its last day, and that one no count: "June 1, 8 and 15 people").
    """
    before = _FIRST_DAY.search(m.text, max(0, m.start - 40), m.start)
    if before is None or before.group(1).lower() not in m.lex.months:
        return None
    listed = re.findall(r"\d+", before.group(3))
    month, first, day = (
        m.lex.months[before.group(1).lower()],
        int(listed[-1] if listed else before.group(2)),
        _day(m.groups["dom"]),
    )
    if not first < day <= _days_in(month):
        return None
    if m.text[m.start - 2 : m.start - 1] == ",":
        rest = _LIST_GOES_ON.match(m.text, m.end, m.end + 40)
        if rest is None or (
            rest.group(1)[:1].islower() and rest.group(1) not in m.lex.words.after_year
        ):
            return None  # "on June 1, 8 people died": a count
    after = m.word_after()
    dashed = m.text[m.start - 1 : m.start] in ("-", "\u2013")  # "its Jan. 30-31 meeting"
    if not dashed and after[:1].islower() and after.rstrip(".") not in m.lex.words.after_year:
        return None  # "on April 24 and 25 people came": a count
    year = _year(m, "year")  # "June 3-5, 2021"
    return Calendar(m.start, m.end, year, month, day, explicit_year=year is not None)


def _first_day(m: Match) -> Mention | None:
    """The first day of "5 and 6 May 2020", "12 to 14 July": the month and year that follow."""
    month, day = _month(m), _day(m.groups["dom"])
    if not 1 <= day <= _days_in(month):
        return None
    year = _year(m, "year")
    return Calendar(m.start, m.end, year, month, day, explicit_year=year is not None)


def _night_of_days(m: Match) -> Mention | None:
    """The night between two days, "the night of 5-6 October": the first day.

    As TBAQ writes "the night of June 3" (the day itself). A stop after the month that ends
    the sentence is the sentence's ("on the night of 3/4 January. By February").
    """
    m = _sentence_stop(m)
    month = _month(m, "mon" if m.get("mon") else "mon2")
    day, second = _day(m.groups["dom"]), _day(m.groups["dom2"])
    if second != day + 1 or not 1 <= day < _days_in(month):
        return None
    year = _year(m, "year")
    return Calendar(m.start, m.end, year, month, day, explicit_year=year is not None)


def _iso(m: Match) -> Mention | None:
    year, month, day = int(m.groups["y"]), int(m.groups["m"]), int(m.groups["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if m.groups["sep"] == "." and m.word_before() in m.lex.not_before_year:
        return None  # "2023.03.24" is a date; "release 2024.04.15" a version
    clock = None
    if hh := m.get("hh"):
        ss = m.get("ss")
        clock = Clock(hour=int(hh), minute=int(m.groups["mm"]), second=int(ss) if ss else None)
    return Calendar(m.start, m.end, year, month, day, clock=clock, explicit_year=True)


def _iso_week(m: Match) -> Mention | None:
    """An ISO week ("2025-W01") or week date ("2025-W01-1", read as the calendar date)."""
    year, week, weekday = int(m.groups["y"]), int(m.groups["w"]), int(m.get("d") or 1)
    try:
        day = dt.date.fromisocalendar(year, week, weekday)
    except ValueError:  # week 0, or week 53 of a year with 52
        return None
    if m.get("d"):
        return Calendar(m.start, m.end, day.year, day.month, day.day, explicit_year=True)
    return Fixed(m.start, m.end, TimexType.DATE, f"{year:04d}-W{week:02d}")


# after a date of a schedule, the words a sentence may go on with ("due 5/1 at noon")
_AFTER_SCHEDULED = frozenset(
    (
        "at", "and", "or", "to", "in", "for", "from", "through", "until", "when", "if", "but",
        "so", "only", "onward", "onwards", "inclusive",
    )
)  # fmt: skip


_SCHEDULED_BEFORE = re.compile(
    r"\b(?:by|on|due|until|through|thru|till)\s+\d{1,2}/\d{1,2},?\s+(?:and|or)\s+$", re.IGNORECASE
)


_WAGER_BEFORE = re.compile(r"\b(?:bets?|betting|wager(?:ed|s)?|backed|punt(?:ed)?)\s+on\s+$", re.I)


def _fraction(m: Match, first: int, second: int) -> bool:
    """Is a year-less "4/30" after "by", "on", "due" rather a fraction or a count?

    "cut by 1/3" and "on 3/4 of the vote" are fractions, "on 9/14 shooting" a count of
    shots: a proper fraction with a small denominator after "by", and any number followed by
    "of" or another word a date of a schedule is not followed by.
    """
    if _WAGER_BEFORE.search(m.text, max(0, m.start - 20), m.start):
        return True  # "She bet on 9/4": odds
    if m.word_before() in ("and", "or") and not (
        _SCHEDULED_BEFORE.search(m.text, max(0, m.start - 30), m.start) or _range_start(m)
    ):
        return True  # "due on 6/15 and 9/15": the second date of a schedule, not "2/3 and 1/3"
    after = m.word_after().rstrip(".")
    if m.char_after() not in ("", ".", ",", ";", ")", "!", "?") and after[:1].islower():
        return after not in _AFTER_SCHEDULED
    return m.word_before() == "by" and first < second <= 12


# a numeric date written with a slash, found where the text names a weekday, a deadline or a
# year with one: "Mon 1/29", "by 4/30", "12/18/2023"; a text that writes its dates so writes
# its other dates so ("freeze 1/29 (tool 1/31)")
_SLASH_DATE = re.compile(
    r"\b(?:(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?|by|on|due|until|"
    r"through|thru|till)\s+\d{1,2}/\d{1,2}(?![\d/])|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)\b",
    re.IGNORECASE,
)
# a range of numeric dates: "12/18 to 1/2", "12/23-12/26"
_RANGE_JOIN = r"\s*(?:[-\u2013\u2014]|\s(?:to|through|thru|until|till)\s)\s*"
_SLASH_RANGE_AFTER = re.compile(_RANGE_JOIN + r"(\d{1,2})/(\d{1,2})(?![\d/])", re.IGNORECASE)
_SLASH_RANGE_BEFORE = re.compile(
    r"(?<![\d/.])(\d{1,2})/(\d{1,2})" + _RANGE_JOIN + r"$", re.IGNORECASE
)
# words before a year-less "6/22" that make it a date: a move, a start, an absence
_SLASH_DATE_BEFORE = frozenset(
    (
        *("from", "starting", "beginning", "effective", "since", "ooo", "week", "weekend"),
        # an end: "registration expires 5/31", "exp 6/30", "the promo ends 6/30"
        *("expires", "expire", "expiring", "expired", "exp", "ends"),
    )
)
# a post's label before its date: "EDIT 3/14:", "Update 2/17 -"
_POST_LABELS = frozenset(("edit", "edited", "update", "updated", "upd"))
# words before "to 6/22" that move a date ("pushed to 6/22", "moved back to 6/22")
_MOVED_TO = re.compile(
    r"\b(?:push|pushed|move|moved|bump|bumped|slip|slipped|slips|postponed|delayed|"
    r"rescheduled|changed|shifted)(?:\s+\w+)?\s+to\s+$",
    re.IGNORECASE,
)
# a whole number before a fraction: "2 1/2 years", "fell 4 5/8"
_MIXED_NUMBER = re.compile(r"\d\s$")
# a score, a rating or a change of price before a year-less "6/4": not a date
_SCORE_WORDS = frozenset(
    (
        *("won", "win", "wins", "lost", "lose", "loses", "beat", "beats", "rated", "rate"),
        *("rates", "scored", "score", "scores", "fell", "rose", "eased", "gained", "dropped"),
        *("added", "jumped", "surged", "climbed", "went", "shot", "ratio", "odds", "split"),
    )
)


def _in_order(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Can two month-days be a range's ends: the second later, or across a new year?"""
    return first < second or (first[0] >= 10 and second[0] <= 3)  # Oct-Dec, then Jan-Mar


def _numeric_pair(found: re.Match[str], date_order: str) -> tuple[int, int]:
    first, second = int(found.group(1)), int(found.group(2))
    return (second, first) if date_order == "DMY" else (first, second)


def _range_start(m: Match) -> bool:
    """Does a year-less "12/31" begin a range of such dates ("and 12/31-1/2")?"""
    after = _SLASH_RANGE_AFTER.match(m.text, m.end)
    if after is None:
        return False
    a, b = int(m.groups["a"]), int(m.groups["b"])
    first = (b, a) if m.date_order == "DMY" else (a, b)
    return _in_order(first, _numeric_pair(after, m.date_order))


def _bare_date(m: Match, month: int, day: int) -> bool:
    """Is a year-less "6/22" with no weekday or deadline word a date, by its context?

    The end of a range of such dates ("OOO 12/18 to 1/2", "12/23-12/26"), a date moved to
    ("pushed to 6/22"), a start ("starting 6/22", "the week of 6/22"), or any such number in a
    text that writes its dates so ("freeze 1/29 (tool 1/31)" after "Mon 1/29"); not a score,
    a rating or a mixed number ("won 6/4", "rated 4/5", "fell 2 1/2"), nor "24/7" or
    "9/11" (the attacks' name).
    """
    before = m.word_before()
    if (
        (month, day) in ((7, 24), (24, 7))
        or _MIXED_NUMBER.search(m.text, max(0, m.start - 2), m.start)
        or before in _SCORE_WORDS
        # "every race since 9/11": the attacks' name, in a text that writes no such dates
        or (m.text[m.start : m.end] == "9/11" and _SLASH_DATE.search(m.text) is None)
    ):
        return False
    after = _SLASH_RANGE_AFTER.match(m.text, m.end)
    if after is not None and _in_order((month, day), _numeric_pair(after, m.date_order)):
        return True
    prior = _SLASH_RANGE_BEFORE.search(m.text, max(0, m.start - 20), m.start)
    if prior is not None and _in_order(_numeric_pair(prior, m.date_order), (month, day)):
        return True
    if before in _SLASH_DATE_BEFORE or _MOVED_TO.search(m.text, max(0, m.start - 40), m.start):
        return True
    if before in _POST_LABELS and m.text[m.end : m.end + 1] in (":", " "):
        # a forum post's "EDIT 3/14:", "UPDATE 2/17 - tub is in": the date the lines were added
        return m.text[m.end : m.end + 3].lstrip()[:1] in (":", "-", "\u2013", "\u2014")
    return _SLASH_DATE.search(m.text) is not None


def _numeric(m: Match) -> Mention | None:
    """A numeric date, "05/09/2023", "Sat 4/27"; without its year after a weekday or a deadline.

    "by 4/30", "due 12/1", "on 3/15", "until 5/31": a date of a schedule; not "by 1/3".
    """
    first, second, year_text = int(m.groups["a"]), int(m.groups["b"]), m.get("y")
    month, day = (second, first) if m.date_order == "DMY" else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= _days_in(month)):
        return None
    if not year_text and not m.get("wd") and _fraction(m, first, second):
        return None
    if not year_text and not m.get("wd") and m.get("due") is None and not _bare_date(m, month, day):
        return None
    year = int(year_text) if year_text else None
    if year_text and len(year_text) == 2:
        year = int(year_text) + (1900 if int(year_text) >= 50 else 2000)
    wd = m.get("wd")
    weekday = _weekday_number(m, wd) if wd else None
    deadline = m.deadline(m.lex.words.deadline) if year is None else False
    return Calendar(
        m.start,
        m.end,
        year,
        month,
        day,
        clock=_clock(m),
        explicit_year=year is not None,
        weekday=weekday,
        deadline=deadline,
    )


def _other_form(m: Match) -> Mention | None:
    if m.word_before() in m.lex.not_before_year:
        return None  # "patch 8.2.1066", "version 1.2.2010": a version number
    day = parse_absolute(m.text[m.start : m.end], m.date_order)
    if day is None:
        return None
    return Calendar(m.start, m.end, day.year, day.month, day.day, explicit_year=True)


def _short_year(m: Match) -> Mention | None:
    """A year written with two digits after a preposition: "in '98", "the class of '24"."""
    if m.word_before() not in m.lex.prepositions and m.word_before() != "class":
        return None  # "'98 was a good year" may be a quotation's end; "in '98" is a year
    return Calendar(m.start, m.end, int(m.groups["yy"]), short_year=True)


# a degree word before "late" or "early" makes it an adverb: "sat this late in June 2021"
_DEGREE = frozenset(("this", "that", "so", "too", "as", "how", "very"))


def _degree_adverb(m: Match) -> bool:
    """Is the match's leading "late" or "early" an adverb of degree ("this late in June 2021")?

    The date then begins after it, with no modifier: the next start tried reads "[June 2021]".
    """
    lead = m.text[m.start : m.start + 5].lower()
    return lead.startswith(("late", "early")) and m.word_before().lower() in _DEGREE


def _month_year(m: Match) -> Mention | None:
    if _degree_adverb(m):
        return None
    if yy := m.get("yy"):  # "June '98"
        return Calendar(m.start, m.end, int(yy), _month(m), mod=_mod(m), short_year=True)
    year = int(m.groups["year"])
    return Calendar(m.start, m.end, year, _month(m), mod=_mod(m), explicit_year=True)


def _season_year(m: Match) -> Mention | None:
    season = m.lex.seasons[_lower(m.get("season"))]
    if yy := m.get("yy"):  # "the summer of '69"
        return Calendar(m.start, m.end, int(yy), season=season, mod=_mod(m), short_year=True)
    year = int(m.groups["year"])
    m = _the_outside(m)
    end = m.end
    if after := m.get("next"):  # "the winter of 1950-51": one winter, named by its December
        following = _range_end(year, after.lstrip("-\u2013/"))
        if season != "WI" or following != year + 1:
            end -= len(after)  # "summer 1950-52": the season, then the range's end year
    return Calendar(m.start, end, year, season=season, mod=_mod(m), explicit_year=True)


def _the_outside(m: Match) -> Match:
    """The season and year without "the" when they name a noun's time ("the fall 2025 semester").

    As "the [Aug. 7] bombing": the article is the noun's ("the autumn of 2022" keeps it).
    """
    head = m.text[m.start : m.end]
    after = m.word_after()
    if m.get("mod") or head[:4].lower() != "the " or " of " in head or not after[:1].islower():
        return m
    if after in m.lex.prepositions or after in ("and", "or"):
        return m
    return attrs.evolve(m, start=m.start + 4 + len(head[4:]) - len(head[4:].lstrip()))


_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_ORDINALS |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}


_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _year_shift(m: Match, name: str) -> int | None:
    """The years from the reference that "last/this/next year" in group ``name`` names."""
    word = _lower(m.get(name))
    return _YEAR_SHIFT[word] if word else None


_SPORTS = re.compile(
    r"\b(?:scor(?:ed|ing)|touchdowns?|half-?time|overtime|quarterback|innings?|rebounds|"
    r"assists|free throws?|field goals?|whistle|touchline|kick-?off|goalkeeper|yards|"
    r"comebacks?|three-pointers?|tip-?off|"
    r"passes|sacked|fumbles?|fumbled|intercept(?:ed|ions?)|punts?|penalt(?:y|ies)|header|"
    r"headed|equali[sz](?:er|ed)|\d+(?:st|nd|rd|th)\s+minute|(?:stoppage|injury|extra)\s+time|"
    r"halfway|(?:half-)?marathons?|laps?|"
    # a season's half in baseball: "open the second half at home, with first pitch at 7:05"
    r"first pitch|all-star|home runs?|homestand|postseason|wickets?|"
    r"\d+-\d+\s+(?:win|loss|defeat|victory))\b"
)  # searched in lower case: three times faster than a case-blind search


# a day's game before its quarter or half: "Tuesday's fourth quarter", "Saturday's second half"
_DAY_POSSESSIVE = re.compile(r"(?:day|night)['\u2019]s\s+$", re.IGNORECASE)


# the moon's phases: "a moon just past last quarter", "new moon, Aug. 20; first quarter, Aug. 27"
_MOON = re.compile(r"\b(?:moons?|lunar)\b")


def _moon_near(m: Match) -> bool:
    """Is the moon named within 60 characters of the mention?"""
    return _MOON.search(m.text[max(0, m.start - 60) : m.end + 60].lower()) is not None


def _a_moon_phase(m: Match) -> bool:
    """Is a year-less "first/third quarter" the moon's phase, a moon named near it?"""
    if m.get("qn") or _lower(m.get("ord")) not in {"first", "third", "1st", "3rd"}:
        return False
    return _moon_near(m)


def _in_a_game(m: Match) -> bool:
    """Is a year-less half or quarter a game's ("21 points in the second half")?"""
    if _DAY_POSSESSIVE.search(m.text, max(0, m.start - 12), m.start):
        return True  # "Tuesday's fourth quarter": a day has no calendar quarter
    begin = max(0, m.start - 81)  # one character more, for the word boundary at the start
    window = m.text[begin : m.end + 80].lower()
    return _SPORTS.search(window, 1 if m.start - 81 >= 0 else 0) is not None


_EDGE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he\s+)?(?:end|start|beginning|middle)\s+of\s+|(?:[Ee]arly|[Ll]ate)(?:\s+in)?\s+"
    r"|[Mm]id-)$"
)


def _edge_before(m: Match) -> tuple[int, str | None]:
    """The start and mod of a quarter or half with its edge before it: "the end of Q2"."""
    found = _EDGE_BEFORE.search(m.text, max(0, m.start - 20), m.start)
    if found is None:
        return m.start, None
    word = _lower(found.group(0)).rstrip("- ")
    return found.start(), m.lex.modifiers.get(word)


def _quarter(m: Match) -> Mention | None:
    qn = m.get("qn")
    number = int(qn) if qn else _QUARTER_ORDINALS[_lower(m.get("ord"))]
    year = _year(m, "year", "year2", "fy")
    if year is None and (spoken := m.get("syear")):
        year = _spoken_year_value(spoken, m.lex)  # "the third quarter of twenty twenty-four"
    edge, mod = _edge_before(m)
    start = m.start
    if m.get("ord") and m.text[start : start + 3].lower() == "the" and not m.get("ago") and not mod:
        ordinal_at = m.text.index(m.groups["ord"], start)
        if m.text[ordinal_at + len(m.groups["ord"])] == "-":
            # "the third-quarter results", "the fiscal second-quarter": the adjective alone
            start = m.text.index(m.groups["fiscal"], start) if m.get("fiscal") else ordinal_at
    if m.get("ago"):
        return Relative(start, m.end, "year", -1, Origin.ANCHOR, grain="quarter")
    year_shift = _year_shift(m, "yshift")
    if year is None and year_shift is None and not qn and (_in_a_game(m) or _a_moon_phase(m)):
        return None  # "two touchdowns in the fourth quarter", "the moon at first quarter"
    known = year is not None
    # "by the end of Q3": still to come; so is a quarter planned for ("the Q2 offsite")
    deadline = attrs.evolve(m, start=edge if mod else start).deadline(m.lex.words.deadline)
    deadline = deadline or (year is None and year_shift is None and _planned_quarter(m))
    return Calendar(
        edge if mod else start,
        m.end,
        year,
        quarter=number,
        mod=mod,
        explicit_year=known,
        year_shift=year_shift,
        deadline=deadline,
        fiscal="fiscal" in m.text[m.start : m.end].lower(),
    )


# what is planned for a quarter: "the Q2 offsite", "Q3 planning", "the Q2 budget drafts"; a
# quarter's figures ("Q3 results", "Q4 earnings") are the latest reported, as in news
_PLAN_NOUNS = frozenset(
    (
        *("roadmap", "roadmaps", "plan", "plans", "planning", "offsite", "off-site", "kickoff"),
        *("kick-off", "goals", "okrs", "objectives", "priorities", "targets", "launch"),
        *("hiring", "headcount", "milestones", "deliverables", "okr", "budget", "budgets"),
    )
)
_PLAN_FOR = re.compile(r"\b([A-Za-z-]+)\s+for\s+$")


def _planned_quarter(m: Match) -> bool:
    """Is a bare quarter a plan's ("Q2 offsite", "roadmap for Q3"): the coming one?"""
    if m.word_after().lower() in _PLAN_NOUNS:
        return True
    found = _PLAN_FOR.search(m.text, max(0, m.start - 24), m.start)
    return found is not None and found.group(1).lower() in _PLAN_NOUNS


def _month_quarter(m: Match) -> Mention | None:
    """A quarter named by its last month: "the December quarter", "Apple's March quarter"."""
    month = 12 if m.get("holiday") else _month(m)  # "the holiday quarter": October-December
    if month % 3:
        return None  # "the November quarter": a fiscal quarter the calendar cannot place
    return Calendar(m.start, m.end, None, quarter=month // 3)


def _year_quarter(m: Match) -> Mention | None:
    """A quarter named with its year: "the 1988 third quarter", "last year's quarter"."""
    year = _year(m, "year")
    year_shift = _year_shift(m, "shift")
    ordinal = _lower(m.get("ord"))
    quarter = _QUARTER_ORDINALS[ordinal] if ordinal else None
    if quarter is None and m.text[m.start - 1 : m.start] in ("-", "\u2013"):
        return None  # "the 1990-1995 period": a range of years, not a quarter
    return Calendar(
        m.start,
        m.end,
        year,
        quarter=quarter,
        explicit_year=year is not None,
        year_shift=year_shift,
        quarter_in_view=quarter is None,
    )


# a fiscal year named by its number: "fiscal 2026", "fiscal year 2025", "FY26"
_FISCAL_NAMED = re.compile(r"\b(?:[Ff]iscal\s+(?:year\s+)?(\d{4})|FY\s?(\d\d(?:\d\d)?))(?![\w-])")


def _fiscal_year_named(m: Match) -> int | None:
    """The fiscal year the text last named, for "the fiscal year" after it ("fiscal 2026")."""
    named = list(_FISCAL_NAMED.finditer(m.text, max(0, m.start - 1500), m.start))
    if not named:
        return None
    last = named[-1]
    if last.group(1):
        return int(last.group(1))
    digits = int(last.group(2))
    return digits if digits > 99 else digits + (2000 if digits < 70 else 1900)  # as "FY24"


def _half(m: Match) -> Mention | None:
    number = 2 if _lower(m.get("ord")) in ("second", "2nd", "last", "latter") else 1
    if m.get("hn"):
        number = int(m.groups["hn"])
    elif re.match(r"\s+of\s", m.text[m.end : m.end + 5]):
        return None  # "the first half of the 20th century", "of the season": not a year's half
    year = _year(m, "year", "fy")
    year_shift = _year_shift(m, "yshift")
    if year is None and "fiscal" in _lower(m.get("theyear")):
        year = _fiscal_year_named(m)  # "the second half of the fiscal year" after "fiscal 2026"
    if year is None and year_shift is None and _in_a_game(m):
        return None  # "He scored 21 points in the second half"
    edge, mod = _edge_before(m)
    anchored = bool(m.get("theyear"))  # "the second half of the year": the year in view
    return Calendar(
        edge,
        m.end,
        year,
        half=number,
        mod=mod,
        explicit_year=year is not None,
        year_shift=year_shift,
        anchored=anchored,
        deadline=attrs.evolve(m, start=edge).deadline(m.lex.words.deadline),
    )


_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+([A-Z][a-z]+)\.?\s+\d")
# "before the quarter closes", "until the quarter ends": a close still to come is the current
# quarter's (a bare "the quarter" is otherwise the latest one reported, as in TBAQ)
_CLOSES_AHEAD = re.compile(r"\s+(?:closes|ends|wraps\s+up|is\s+over)\b(?!\s+[A-Z][a-z]*\.?\s+\d)")


# the period a report is on: "the nine months", "the first six months", or a quarter or half
_PERIOD_IN_VIEW = re.compile(
    r"\bthe\s+(?:(?:first|latest|past|last|previous)\s+)?(three|six|nine|twelve|3|6|9|12)\s+months\b|"
    r"\b(?:quarters?|half|Q[1-4])\b",
    re.IGNORECASE,
)
_MONTH_COUNTS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}


def _months_in_view(m: Match) -> int | None:
    """The count of "the nine months" a "period" a year back compares with, when it is the last.

    TBAQ: "For the nine months, ... In the year-earlier period" is P9M, as "the year-earlier
    nine months"; after "the third quarter" or "the first half" it is that quarter or half.
    """
    if "period" not in m.text[m.start : m.end].lower():
        return None
    periods = list(_PERIOD_IN_VIEW.finditer(m.text, max(0, m.start - 400), m.start))
    if not periods or periods[-1].group(1) is None:
        return None
    count = periods[-1].group(1).lower()
    return _MONTH_COUNTS.get(count) or int(count)


def _year_back(m: Match) -> Mention:
    """The period in view a year back: "the year-ago quarter", "the same period last year"."""
    months = _months_in_view(m)
    if months is not None:  # "For the nine months, ... In the year-earlier period": P9M
        return Fixed(m.start, m.end, TimexType.DURATION, f"P{months}M")
    return Relative(m.start, m.end, "year", -1, Origin.ANCHOR, grain="quarter")


def _anaphoric_quarter(m: Match) -> Mention | None:
    rel = _lower(m.get("rel"))
    if not rel and not m.get("the"):
        return None
    ended = _ENDED.match(m.text, m.end)
    if rel in ("", "latest") and ended and ended.group(1).lower() in m.lex.months:
        # "the quarter ended July 31": the three months before that day (May-July), named
        # by the calendar quarter holding most of them (Q2)
        month = m.lex.months[ended.group(1).lower()]
        return Calendar(m.start, m.end, None, quarter=(month - 2) % 12 // 3 + 1)
    if "year" in rel or m.get("back"):  # "the year-ago quarter", "the same period last year"
        return _year_back(m)
    if rel == "latest":  # the latest quarter reported: the one before now
        return Relative(m.start, m.end, "quarter", -1)
    # "the new quarter began with a selloff"; "before the quarter closes"
    if rel in ("current", "new") or (not rel and _CLOSES_AHEAD.match(m.text, m.end)):
        return Relative(m.start, m.end, "quarter", 0)
    offset = -1 if rel in ("previous", "prior", "preceding") else 0
    period = m.text[m.end - 6 : m.end].lower() == "period"  # "the period between 2010 and 2015"
    return Relative(
        m.start, m.end, "quarter", offset, Origin.ANCHOR, grain="quarter", in_view=period
    )


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


_MEASURED = re.compile(
    r"\b(?:temperatures?|highs?|lows?|degrees|percent|scores?|ages?|aged|mph|readings?"
    r"|tops|maxim(?:um|a)s?|minim(?:um|a)s?)\b"  # a forecast's "tops in the mid-20s"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)
# "Highs will stay in the teens through Wednesday before climbing into the 30s": a reading
# that moves or stays in a range, the measure named earlier in the sentence ("stocks hit
# record highs, a level last seen in the 90s" is a decade)
_MEASURED_FAR = re.compile(
    r"\b(?:temperatures?|highs?|lows?|degrees|readings?|thermometer|mercury)\b[^.;!?]{0,140}"
    r"\b(?:climb|ris(?:e|es|ing)|rose|fall|fell|drop|dip|soar|plung|warm|cool|hover|stay|remain"
    r"|reach|peak|edg|slip|sink|sank)[\w-]*\s+(?:(?:back|up|down|well|only)\s+)?"
    r"(?:in|into|to|near|above|below)\s+$",
    re.IGNORECASE,
)


# a spoken decade is a reading after these ("temperatures were in the nineties"), though a
# percentage is not ("inflation hit 10 percent in the seventies" names the decade)
_MEASURED_SPOKEN = re.compile(
    r"\b(?:temperatures?|highs?|lows?|degrees|mph|readings?|thermometers?|mercury|tops"
    r"|maxim(?:um|a)s?|minim(?:um|a)s?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


_SPOKEN_CENTURIES = {"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "two": 20}
_SECOND_DECADE = re.compile(r"\d0s\s+(?:and|or|to|through)\s+$")  # "the 1930s and [40s]"
_AGE_BEFORE = re.compile(
    r"\b(?:his|her|their|my|our|your|its)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I
)


# capitalized nouns of a body a decade can name: "the 2020s Fund", "the 1890s Society"
_NAMED_BY_DECADE = frozenset(
    {
        *("Fund", "Foundation", "Trust", "Society", "Club", "Project", "Initiative", "Prize"),
        *("Award", "Group", "Institute", "Council", "Coalition", "Alliance", "Network"),
    }
)


def _decade(m: Match) -> Mention | None:
    mod = _mod(m)
    if (
        _before_christ(m)
        or _AGE_BEFORE.search(m.text, max(0, m.start - 20), m.start)
        or (m.get("dec") and m.word_after() in _NAMED_BY_DECADE)
    ):
        # "in his twenties", "her late thirties": an age, not a decade; "paid for by the
        # 2020s Fund": a body's name
        return None
    if dec := m.get("dec"):
        written = m.text[m.start : m.end]
        possessive = written[-2:] in ("'s", "\u2019s") and written[0].isdigit()
        # "passed 1990's budget": the year's; "a 1990's sitcom": no year's, the decade
        possessive = possessive and m.word_before() not in ("a", "an")
        if possessive and mod is None and _before_noun(m):
            return Calendar(m.start, m.end - 2, int(dec), explicit_year=True)
        century = dec.endswith("00") and dec != "2000"  # "the 1800s"; "the 2000s": a decade
        start = _compound_start(m, mod)
        return Fixed(start, m.end, TimexType.DATE, dec[:2] if century else dec[:3], mod)
    if short := m.get("short"):
        written = m.text[m.start : m.end].lower()
        bare = not re.search(r"['\u2019]\d0s", written)  # "the 90s", not "in their 30s"
        if (
            bare
            and (
                not written.startswith("the")
                or _MEASURED.search(m.text, max(0, m.start - 60), m.start)
                or _MEASURED_FAR.search(m.text, max(0, m.start - 180), m.start)
            )
            and not _SECOND_DECADE.search(m.text, max(0, m.start - 12), m.start)
        ):
            return None  # "temperatures in the 80s", "highs in the 90s": not decades
        tens = int(short[0])
        value = f"20{tens}" if tens < 2 else f"19{tens}"
        return Fixed(_compound_start(m, mod), m.end, TimexType.DATE, value, mod)
    return _spoken_or_bc_decade(m, mod)


_THE = re.compile(r"[Tt]he\s+")


def _compound_start(m: Match, mod: str | None) -> int:
    """Where a decade begins: after "the" when it is joined to a word ("the [1990s]-set story").

    A decade hyphenated to the word after it ("-set", "-era", "-style") makes one adjective of
    the noun that follows, and the article is the noun's, as in "the [Aug. 7] bombing".
    """
    joined = m.text[m.end : m.end + 1] == "-" and m.text[m.end + 1 : m.end + 2].isalpha()
    if joined and mod is None and (the := _THE.match(m.text, m.start)):
        return the.end()
    return m.start


def _spoken_or_bc_decade(m: Match, mod: str | None) -> Mention | None:
    """A decade before Christ ("the 330s BC") or said in words ("the eighteen nineties")."""
    if bc := m.get("bcdec"):  # "the 330s BC"; "the 1200s BC" are a century, as "the 1800s"
        value = "BC" + (f"{int(bc) // 100:02d}" if bc.endswith("00") else f"{int(bc) // 10:03d}")
        return Fixed(m.start, m.end, TimexType.DATE, value, mod)
    if not m.get("cent") and _MEASURED_SPOKEN.search(m.text, max(0, m.start - 60), m.start):
        return None  # "temperatures in the nineties", "highs in the low eighties"
    hundreds = _SPOKEN_CENTURIES.get(_lower(m.get("cent")), 19)
    value = f"{hundreds}{_DECADE_WORDS[_lower(m.get('word'))]}"
    return Fixed(m.start, m.end, TimexType.DATE, value, mod)


def _title_case(words: str) -> bool:
    """Are all the words of a spoken number capitalized, as a name's ("Nineteen Eighty-Four")?"""
    return all(word[:1].isupper() for word in re.split(r"[\s-]+", words) if word)


def _century(m: Match) -> Mention | None:
    ordinal = _lower(m.get("ord"))
    written = m.text[m.start : m.end]
    if re.search(r"\bCentury$", written) and m.word_after()[:1].isupper() and m.char_after() != ",":
        return None  # "the Twentieth Century Fox office", "the 21st Century Fund": a name
    number = int(ordinal[:-2]) if ordinal[:1].isdigit() else m.lex.ordinals.get(ordinal, 0)
    if not 1 <= number <= 30:
        return None
    era = m.get("era") or m.get("era2") or ""  # "the 5th century BC" is BC04, as the 17th is 16
    prefix = "BC" if era.startswith("B") else ""
    value = f"{prefix}{number - 1:02d}"
    if m.get("dec"):  # "the first decade of the 20th century": the decade, 190
        decade = _ordinal_number(m, "dec")
        if decade is None or prefix:
            return None
        return Fixed(m.start, m.end, TimexType.DATE, f"{value}{decade - 1}", _mod(m))
    return Fixed(m.start, m.end, TimexType.DATE, value, _mod(m))


def _ordinal_number(m: Match, name: str) -> int | None:
    """The number 1-10 of group ``name``'s ordinal ("first", "3rd"; "last" is the tenth)."""
    ordinal = _lower(m.get(name))
    if ordinal in ("last", "final"):
        return 10
    number = int(ordinal[:-2]) if ordinal[:1].isdigit() else m.lex.ordinals.get(ordinal, 0)
    return number if 1 <= number <= 10 else None


_YEAR_DETERMINERS = frozenset(
    ("the", "year", "fiscal", "a", "her", "his", "its", "their", "our", "my", "your", "whose")
)
_BC = re.compile(r"\s*B\.?C\.?(?:E\.?)?(?!\w)")
_RANGE_LAST = re.compile(r"\D{1,12}?([1-9][\d,]*)")  # "[218] to 201 BC": to 201
_PROVINCE = re.compile(r"\s*(?:BC|B\.C\.)\s+[A-Z]")  # "In 2010 B.C. Ferries raised fares"


def _province(m: Match, year: int) -> bool:
    """Is "BC" after a modern year British Columbia's ("2010 BC Hydro"), not an era?"""
    return 1900 <= year <= 2099 and _PROVINCE.match(m.text, m.end) is not None


def _before_christ(m: Match) -> bool:
    """Is the match followed by an era before Christ ("the twenties BC")?"""
    if _BC.match(m.text, m.end) is None:
        return False
    digits = m.text[m.start : m.end].split()[-1]
    return not (digits.isdigit() and _province(m, int(digits)))


def _era_year(m: Match) -> Mention | None:
    """A year written with its era: "AD 410", "875 AD", "1066 CE", "44 BC", "c. 500 BCE".

    The first year of a range takes the era written after the last: "from 218 to 201 BC".
    """
    prepositions = m.lex.prepositions  # "in AD 365 an earthquake struck" is a year
    near_preposition = m.word_after() in prepositions or m.word_before() in prepositions
    if m.get("y1") and _before_noun(m) and not near_preposition:
        return None  # "AD 5 shares": a code, not a year
    year = int((m.get("y1") or m.get("y2") or m.groups["y3"]).replace(",", ""))
    mod = "APPROX" if m.get("qmod") else _mod(m)  # "early 287 BC": START
    if not (m.get("era") or m.get("era3") or "").startswith("B"):
        return Calendar(m.start, m.end, year, mod=mod, explicit_year=True)
    last, last_end = year, m.end - len(m.get("era") or "")
    if m.get("y3"):  # the era follows the range's last year
        found = _RANGE_LAST.match(m.text, m.end)
        last, last_end = (int(found[1].replace(",", "")), found.end()) if found else (0, m.end)
    if _province(attrs.evolve(m, end=last_end), last):
        return None  # "In 2010 BC Hydro": the year alone, tagged by the next rule
    return Fixed(m.start, m.end, TimexType.DATE, f"BC{year:04d}", mod)


def _pre_post_year(m: Match) -> Mention | None:
    """A year with a prefix, "pre-2008 levels", "post-1959 Cuba": before or after it."""
    mod = "BEFORE" if _lower(m.get("pp")) == "pre" else "AFTER"
    return Calendar(m.start, m.end, int(m.groups["year"]), mod=mod, explicit_year=True)


_LIFE_EVENTS = frozenset(("born", "died", "b.", "d.", "founded", "established", "est.", "built"))
# A chronology's entry: "1887: Two brewers open a malt house", "May \u2014 A planning officer
# raises concerns", or a year alone on its line above the entries ("2006")
_LINE_OPENS = re.compile(r"(?:^|\n)[^\S\n]*(?:[\u2022*\u2013\u2014-][^\S\n]*)?$")
_ENTRY_MARK = re.compile(r"[^\S\n]*(?:[:\u2013\u2014]|-\s)|[^\S\n]*(?:\n|$)")
# a fact box's label: "Founded: 1887", "Automated: 1979", "Born: 1861"
_LABEL = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Za-z ]{0,30}?([A-Za-z]+):[^\S\n]*$")


def _entry_label(m: Match) -> bool:
    """Does the match begin a line of a chronology and label it ("1887: ...", "May \u2014 ...")?"""
    if _LINE_OPENS.search(m.text, max(0, m.start - 8), m.start) is None:
        return False
    return _ENTRY_MARK.match(m.text, m.end) is not None


def _labelled_year(m: Match) -> bool:
    """Is the year a fact box's value after a label of founding or an event ("Opened: 1887")?"""
    label = _LABEL.search(m.text, max(0, m.start - 40), m.start)
    if label is None:
        return False
    word = label.group(1).lower()
    return word in _LIFE_EVENTS or (word.endswith("ed") and len(word) > 4)


# "pages 1901 to 1912": the end of a range of numbers after a label
_LABELLED_RANGE = re.compile(r"([\w.]+)\s+\d[\d,]*\s*(?:to|and|through|-|\u2013)\s*$")


def _lower_word_before(m: Match) -> bool:
    """Is the word just before the match written in lower case ("with 2022", not "Orion 1980")?"""
    return m.raw_word_before()[:1].islower()


def _approximate_year(m: Match, year: int, qmod: str) -> Mention | None:
    """A year after "around", "about", "circa": "around 2010", "in about 1190", "c. 1200"."""
    after = m.word_after()
    joined = m.text[m.end : m.end + 1] == " "  # "around 2010, prices rose": no count
    count = joined and after[:1].islower() and after not in m.lex.words.after_year
    if qmod in ("around", "about") and (count or after.lower() in m.lex.words.counted):
        return None  # "around 2000 troops", "about 1500 votes": a count
    if qmod == "about" and m.word_before() not in m.lex.prepositions:
        return None  # "employed about 1500": a count; "in about 1190" is a year
    return Calendar(m.start, m.end, year, mod="APPROX", explicit_year=True)


# "§ 1983"; a phone number's last group ("020 7946 2024"); a code after a label ("flight UA
# 1987", "gate B 2024")
_NUMBER_BEFORE = re.compile(r"(?:§§?|(?<![\w.,-])(?:0\d+|\d{3,}))\s*$")
_CODE_BEFORE = re.compile(r"([A-Za-z.]+)\s+[A-Z]{1,3}\s+$")
_LABEL_IS = re.compile(r"([A-Za-z.]+)\s+(?:is|was)\s+$")
# labels of a number that is always a code, even after "is": "The PIN is 1984" (not "the last
# release was 2019", a year)
_CODE_LABELS = frozenset(
    ("pin", "passcode", "password", "code", "combination", "room", "extension", "ext.", "number",
     "no.", "flight", "seat", "gate", "platform", "apartment", "suite", "locker")
)  # fmt: skip
# "1999 Broadway, Denver, CO 80202": a street's number in an address that goes on with its
# city and state
_CITY_STATE = re.compile(r"(?:\s+[A-Z][\w.'-]*){1,3},\s+[A-Z][\w.' -]*,\s+[A-Z]{2}(?!\w)")


def _identifier(m: Match) -> bool:
    """Is the four-digit number a part of an identifier, a phone number or an address?"""
    # (each pattern is searched only where the text before ends as it must)
    tail = m.text[max(0, m.start - 30) : m.start].rstrip()
    last = tail[-1:]
    if (last.isdigit() or last == "\u00a7") and _NUMBER_BEFORE.search(
        m.text, max(0, m.start - 12), m.start
    ):
        return True
    code = _CODE_BEFORE.search(m.text, max(0, m.start - 30), m.start) if last.isupper() else None
    if code is not None and code.group(1).lower() in m.lex.not_before_year:
        return True
    label = tail.endswith(("is", "was"))
    code = _LABEL_IS.search(m.text, max(0, m.start - 30), m.start) if label else None
    if code is not None and code.group(1).lower() in _CODE_LABELS:
        return True  # "The PIN is 1984", "Her room was 1204"
    if _CITY_STATE.match(m.text, m.end) is not None:
        return True
    return _counted_range(m)


# "between 1990 and 2010 cars", "1900 to 2100 workers": a range of numbers before the plural
# noun it counts
_COUNT_RANGE_AFTER = re.compile(r"\s*(?:to|and|-|\u2013)\s*\d,?\d{3}\s+([a-z]+)\b")
_COUNT_RANGE_BEFORE = re.compile(r"(\S+)\s+\d,?\d{3}\s*(?:to|and|-|\u2013)\s*$")


def _years_lead(word: str) -> bool:
    """Does the word before a range make it one of years ("the 2011 and 2021 censuses")?

    So does a sentence's opening "From" or "Between": "From 1990 to 2010 cars got safer".
    """
    return word.lower() == "the" or word in ("From", "Between")


def _years_led(m: Match) -> bool:
    """Is the number the end of a range that a sentence's "From" or "Between" opens?"""
    found = _COUNT_RANGE_BEFORE.search(m.text, max(0, m.start - 30), m.start)
    return found is not None and _years_lead(found.group(1))


def _counted_range(m: Match) -> bool:
    """Is the year one end of a range of numbers that counts a plural noun after it?

    "between 1990 and 2010 cars", "1900 to 2100 workers"; not "the 2011 and 2021 censuses".
    """
    found = _COUNT_RANGE_AFTER.match(m.text, m.end)
    if found is not None and (
        found.group(1).endswith("s") or found.group(1) in m.lex.words.counted
    ):
        before = m.text[max(0, m.start - 12) : m.start].split()[-1:]
        return not _years_lead(before[0] if before else "") and (
            found.group(1) not in m.lex.words.after_year
        )
    found = _COUNT_RANGE_BEFORE.search(m.text, max(0, m.start - 30), m.start)
    if found is None or _years_lead(found.group(1)):
        return False
    after = m.word_after().rstrip(".")
    joined = m.text[m.end : m.end + 1] == " "
    plural = after[:1].islower() and after.endswith("s")
    return joined and plural and after not in m.lex.words.after_year


def _year_only(m: Match) -> Mention | None:  # noqa: PLR0911 - one return per piece of evidence
    year = _year(m, "year", "fy") or 0
    mod = _mod(m)
    if _before_christ(m):
        return None
    if mod or m.get("fiscal") or m.get("fiscal2") or m.get("theyear"):
        return Calendar(m.start, m.end, year, mod=mod, explicit_year=True)
    if qmod := _lower(m.get("qmod")):  # "around 2010", "circa 1850", "in about 1190"
        return None if _joined_preposition(m) else _approximate_year(m, year, qmod)
    before = m.word_before()
    sign = m.text[max(0, m.start - 1) : m.start]
    quantity = before in _QUANTITY_WORDS and _years_joined(m, year)
    hedged = before in ("about", "around") and _OR_ABOUT.search(
        m.text, max(0, m.start - 16), m.start
    )  # "in or about 2016": a year after two prepositions, no count
    if m.start > 0 and (
        (before in m.lex.not_before_year and not quantity and not hedged)
        or sign in "$#£€"
        or _identifier(m)
    ):
        return None
    if _range_of_values(m):
        return None  # "pages 1901 to 1912", "Scores ranged from 1800 to 2050"
    after = m.word_after()
    possessive = before.endswith(("'s", "s'"))  # "the company's 1989 results"
    strong = possessive or before in m.lex.prepositions or before in _YEAR_DETERMINERS
    plausible = 1900 <= year <= 2099  # a news year rather than a count
    if not strong and (_entry_label(m) or _labelled_year(m)):
        return Calendar(m.start, m.end, year, explicit_year=True)  # "1887: ...", "Founded: 1887"
    if not strong:
        if not plausible and before not in _LIFE_EVENTS:  # "(died 1893)" is a year
            return None
        # "compared with 2022, exports rose": a comma ends what the number could count;
        # but "a venture called Orion 1980, making ...": a name's number
        named = before[:1].isalpha() and not _lower_word_before(m)
        joined = m.text[m.end : m.end + 1] == " " or named
        if joined and after[:1].islower() and after.rstrip(".") not in m.lex.words.after_year:
            return None  # "2000 troops", "1500 soldiers"
    elif (
        before in ("the", "a")
        and not plausible
        and (
            (after[:1].islower() and after.endswith("s") and after not in m.lex.words.after_year)
            or after.lower() in m.lex.words.auxiliaries  # "successors to the 1080 would": a model
        )
    ):
        return None  # "the 1500 soldiers", but "the 1992 protests", "the 1848 revolutions"
    counted = after.lower().rstrip(".") in m.lex.words.counted
    if counted and not _years_led(m) and not _opening_year_subject(m, plausible=plausible):
        return None  # "the 2000 troops", "2000 votes": a count, not a year
    if after[:1].isupper() and _STREET.match(m.text, m.end):
        return None  # "1600 Pennsylvania Avenue"
    return Calendar(m.start, m.end, year, explicit_year=True)


# a sentence's opening "In" before the number, then a plural noun and its verb
_IN_OPENING = re.compile(r"(?:^|[.!?;\n]\s*|\n\s*)In\s+$")
_NOUN_VERB = re.compile(r"\s+[a-z]+\s+([a-z]+)\b(?!,)")  # "homes surveyed," is no verb


def _opening_year_subject(m: Match, *, plausible: bool) -> bool:
    """Is a year that a sentence's "In" opens followed by the subject of its clause?

    "In 1968 students occupied the administration building": the noun and its verb make the
    clause, so the number before them is the year, not a count ("In 2000 homes, the power
    failed" and "troops in 1500 villages" stay counts).
    """
    if not plausible or m.raw_word_before() != "In":
        return False
    if not _IN_OPENING.search(m.text, max(0, m.start - 6), m.start):
        return False
    verb = _NOUN_VERB.match(m.text, m.end)
    if verb is None:
        return False
    word, words = verb.group(1), m.lex.words
    if word in words.past or word in words.auxiliaries:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in words.not_past


# words of quantity that make a number a count ("only 2000 people"), unless a year joins it
_QUANTITY_WORDS = frozenset(("only", "just", "than", "all"))
_YEAR_JOINED = re.compile(r"(?:,|\s+(?:and|or))\s+((?:19|20)\d\d)(?![\w,.]\d|\d)")


def _years_joined(m: Match, year: int) -> bool:
    """Is the year one of two years of news joined ("Only 2024 and 2023 were warmer")?"""
    joined = _YEAR_JOINED.match(m.text, m.end)
    return joined is not None and 1900 <= year <= 2099 and not _range_of_values(m)


# "Scores ranged from 1800 to 2050", "Marks ranged between 1200 and 1600": what a verb of
# ranging spans is a range of values, of years only when both ends are years of news
_RANGED_FIRST = re.compile(r"\brang(?:e|es|ed|ing)\s+(?:from|between)\s+$", re.IGNORECASE)
_RANGED_SECOND = re.compile(
    r"\brang(?:e|es|ed|ing)\s+(?:from|between)\s+(\d,?\d{3})\s*(?:to|and|-|\u2013)\s*$",
    re.IGNORECASE,
)
_RANGE_OTHER_END = re.compile(r"\s*(?:to|and|-|\u2013)\s*(\d,?\d{3})(?!\d)")


def _range_of_values(m: Match) -> bool:
    """Is the number an end of a labelled range ("pages 1901 to 1912") or of values ranged?"""
    labelled = _LABELLED_RANGE.search(m.text, max(0, m.start - 30), m.start)
    label = labelled.group(1).lower() if labelled is not None else ""
    if label in m.lex.not_before_year and label not in _QUANTITY_WORDS:
        return True  # "Only 2024 and 2023 were warmer": a quantity word is no label
    return _ranged_values(m)


def _ranged_values(m: Match) -> bool:
    """Is the number an end of what a verb of ranging spans, a range of values?"""
    other: re.Match[str] | None
    if _RANGED_FIRST.search(m.text, max(0, m.start - 20), m.start):
        other = _RANGE_OTHER_END.match(m.text, m.end)
    else:
        other = _RANGED_SECOND.search(m.text, max(0, m.start - 40), m.start)
        if other is None:
            return False
    ends = [int(m.text[m.start : m.end])]
    if other is not None:
        ends.append(int(other.group(1).replace(",", "")))
    return not all(1900 <= end <= 2099 for end in ends)


def _range_end(first: int, raw: str, *, closed: bool = False) -> int | None:
    """The last year of "1990-95" or "1939-1945", if the pair reads as a span of years.

    A span of centuries ("Venetian Glass, 1500-1800") only when ``closed``: nothing counted
    follows it (see `_closed_range`).
    """
    last = int(raw)
    if len(raw) == 2:
        last += first // 100 * 100
        if last <= first:
            last += 100  # "1999-00"
    return last if first < last <= first + (500 if closed else 150) else None


_CLOSED_AFTER = re.compile(r"[\"\u201d)\]]|[,;:.]?(?:\s*$|\s+[A-Z\"\u201c])")


def _closed_range(text: str, end: int) -> bool:
    """Does the range end a title or a bracket ('Glass, 1500-1800"', "(1200-1600)")?"""
    return _CLOSED_AFTER.match(text, end) is not None


def _years_evidence(m: Match, first_at: int, last_end: int, *, slash: bool = False) -> bool:
    """Does "1990-95" read as years where it stands, not as a count ("1500-2000 troops")?

    Two years in a row joined by a slash ("the club's 1999/2000 accounts"), a fiscal year's
    "FY2023-24" and a second year of two digits ("2023-24 revenue rose") are written as years
    only, wherever no label or counted noun says otherwise.
    """
    whole = attrs.evolve(m, start=first_at, end=last_end)
    before, after = whole.word_before(), whole.word_after()
    if before in m.lex.not_before_year or after.lower() in m.lex.words.counted:
        return False
    if slash or _written_as_years(m.text, first_at, last_end):
        return True
    if before in m.lex.prepositions or before in ("the", "a") or not after[:1].islower():
        return True
    if m.text[last_end : last_end + 1] != " ":
        return True  # "over the period 2010-2020, output grew": nothing counted after a comma
    return after in m.lex.words.after_year


_TWO_DIGIT_END = re.compile(r"\d{4}\s?[-\u2013]\s?\d\d")


def _written_as_years(text: str, first_at: int, last_end: int) -> bool:
    """Is the range "FY2023-24" or "2023-24": a form only years take, not counts?"""
    if text[first_at : first_at + 2].upper() == "FY":
        return True
    return _TWO_DIGIT_END.fullmatch(text, first_at, last_end) is not None


def _year_range(m: Match) -> Mention | None:
    """The first year of "1939-1945" or "(1809\u20131865)"; the second is its own mention."""
    first = int(m.groups["year"])
    to_end = m.text.index(m.groups["to"], m.end) + len(m.groups["to"])
    last = _range_end(first, m.groups["to"], closed=_closed_range(m.text, to_end))
    if last is None or (m.get("slash") is not None and last != first + 1):
        return None  # "the 2022/23 season", not "code 2022/47"
    end = m.text.index(m.groups["to"], m.end) + len(m.groups["to"])
    if not _years_evidence(m, m.start, end, slash=m.get("slash") is not None):
        return None
    return Calendar(m.start, m.end, first, explicit_year=True)


_YEARS_START = re.compile(r"(?<![\w./-])(?:FY\s?)?(\d{4})(\s?[-\u2013]\s?|/)$")


def _year_range_end(m: Match) -> Mention | None:
    before = _YEARS_START.search(m.text[max(0, m.start - 10) : m.start])
    if before is None:
        return None
    last = _range_end(int(before.group(1)), m.groups["to"], closed=_closed_range(m.text, m.end))
    if last is None or not 1000 <= last <= 2199:
        return None
    if before.group(2) == "/" and last != int(before.group(1)) + 1:
        return None  # a season written "2022/23" is two years in a row; "1988/92" is a code
    slash = before.group(2) == "/"
    if not _years_evidence(m, max(0, m.start - 10) + before.start(), m.end, slash=slash):
        return None
    return Calendar(m.start, m.end, last, explicit_year=True)


_STREET = re.compile(
    r"(?:\s+[A-Z][\w.'-]*){1,3}\s+(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.?|Boulevard|Blvd\.?|"
    r"Lane|Drive|Dr\.|Way|Place|Square|Court|Highway|Parkway|Terrace)(?!\w)"
)


def _before_noun(m: Match) -> bool:
    """Is the match followed by a lower-case word, as an adjective before its noun?"""
    after = m.word_after().rstrip(".")
    return m.text[m.end : m.end + 1] == " " and after.isalpha() and after.islower()


_MARCH_NOT_BEFORE = frozenset(
    ("on", "of", "for", "to", "in", "into", "from", "against", "through", "across", "past")
)


def _capital_march(m: Match) -> bool:
    """Is "March" the month's name, written with its capital before a noun?"""
    return m.text[m.start : m.end][-5:] == "March" and m.word_after() not in _MARCH_NOT_BEFORE


_SPAN_ENDS = frozenset(("until", "till"))  # "did not return until late February"
_MONTH_DETERMINERS = frozenset(
    ("the", "a", "an", "its", "their", "his", "her", "our", "my", "your")
)
_AFTER_MODAL = frozenset(("be", "have", "not", "well", "also", "never", "still", "just", "only"))
_SHORT_MONTHS = frozenset(("jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec"))


def _month_of_year(m: Match, month: int, mod: str | None) -> Calendar | None:
    """A month given with its year in words or after a range, if it is."""
    year_shift = _year_shift(m, "yshift")  # "June last year"
    year = _shared_year(m)  # "from May to September 1940"
    if m.get("thatyear"):  # "in March of that year": as "that March"
        return Calendar(m.start, m.end, None, month, shift=0, mod=mod, anchored=True)
    if year_shift is not None or year is not None:
        known = year is not None
        return Calendar(
            m.start, m.end, year, month, mod=mod, year_shift=year_shift, explicit_year=known
        )
    return None


# what lists a month's plans: "June schedule", "the March rota", a league's "August fixtures"
_MONTH_LISTINGS = frozenset(
    ("schedule", "calendar", "rota", "roster", "newsletter", "agenda", "fixtures")
)


_MONTHS_JOINED = re.compile(r"\s+(?:and|or)\s+([A-Z][a-z]+)\b")


# months that are no one's name nor a noun: a subject of their own ("November was the
# busiest month"); "March", "May", "April", "June" and "August" may be people or words
_PLAIN_MONTHS = frozenset((1, 2, 7, 9, 10, 11, 12))
_FULL_MONTHS = frozenset(
    ("january", "february", "july", "september", "october", "november", "december")
)
# verbs a month as a subject takes: "November was", "October saw", "January will bring"
_MONTH_VERBS = frozenset(
    {
        *("was", "is", "will", "would", "could", "should", "has", "had", "saw", "sees"),
        *("brought", "brings", "marked", "marks", "proved", "remains", "remained", "ended"),
        *("ends", "began", "begins", "looks", "looked", "promises", "tends", "also", "might"),
    }
)


def _month_subject(m: Match, month: int) -> bool:
    """Is the month the subject of a verb: "November was the busiest month on record"?

    In lower case too, written out in full, as chat writes it: "january was rough".
    """
    name = m.groups["mon"]
    written = name[:1].isupper() or name in _FULL_MONTHS
    if month not in _PLAIN_MONTHS or not written or "." in name:
        return False
    return m.text[m.end : m.end + 1] == " " and m.word_after() in _MONTH_VERBS


# a count of months the months joined after it name: "covers two months of income, April
# and May"
_MONTHS_COUNTED = re.compile(r"\bmonths\b[^.;!?]{0,30}[,:]\s*$")


def _months_lead(m: Match) -> bool:
    """Do two months open the sentence ("January and February were both mild")?

    Or name the months a count just told: "covers only two months of income, April and May".
    """
    joined = _MONTHS_JOINED.match(m.text, m.end)
    if joined is None or joined.group(1).lower() not in m.lex.months:
        return False
    if _MONTHS_COUNTED.search(m.text, max(0, m.start - 50), m.start):
        return True
    return _sentence_start(m) and m.groups["mon"].lower() not in ("march", "may")


# a month's figures named by a noun a word or two on: "December retail sales are due",
# "January's employment report follows on Feb. 2" (TBAQ: "a revision to [December]'s figures")
_FIGURE_WORD = re.compile(r"[A-Za-z'\u2019]+")


def _month_figures(m: Match, month: int) -> bool:
    """Is the capitalized month, or its possessive, the period of figures or a release?"""
    if month == 5 or not m.groups["mon"][:1].isupper():
        return False  # "Theresa May's report"
    return figures_follow(_FIGURE_WORD.findall(m.text, m.end, m.end + 40))


_MONTH_THEN_JOINT = re.compile(r"\b([A-Z][a-z]+)\.?,?\s+(?:and|or|to)\s+$")


def _month_joined_before(m: Match) -> bool:
    """Is the word before "and", "or" or "to" a month ("in April and May")?"""
    joint = _MONTH_THEN_JOINT.search(m.text, max(0, m.start - 20), m.start)
    return joint is not None and joint.group(1).lower() in m.lex.months


def _month_contract(m: Match) -> bool:
    """Is the capitalized month a futures contract's ("May futures", "the May contract")?"""
    before = m.raw_word_before()
    name = before[:1].isupper() and before.lower() != "the"
    if not m.groups["mon"][:1].isupper() or name:
        return False  # "Theresa May contracts"; "The May contract fell" reads
    after = [word.lower() for word in _FIGURE_WORD.findall(m.text, m.end, m.end + 30)]
    if not contract_follows(after):
        return False
    # a bare "contract" needs a determiner: "the May contract", not "signed May contract"
    return after[0] == "futures" or after[0] != "contract" or m.word_before() in ("the", "its")


# chat's filler between a preposition and a month: "since like april", "back in like june"
_FILLED = re.compile(r"\b(since|in|until|till|til|by|from|around)\s+like\s+$", re.IGNORECASE)


def _past_filler(m: Match) -> str:
    """The word before the match, the preposition before a filler "like" ("since like april")."""
    before = m.word_before()
    if before != "like":
        return before
    found = _FILLED.search(m.text, max(0, m.start - 12), m.start)
    return found.group(1).lower() if found else before


def _bare_month(m: Match) -> Mention | None:
    shift, mod = _shift(m), _mod(m)
    month = _month(m)
    if (with_year := _month_of_year(m, month, mod) or _habitual(m, month, shift, mod)) is not None:
        return with_year
    short = _lower(m.get("mon")) in _SHORT_MONTHS  # written without its period
    rest = m.text[m.end : m.end + 40]
    same_line = "\n" not in rest[: len(rest) - len(rest.lstrip())]
    if short and m.word_after()[:1].isupper() and same_line:
        # "Jan Kavan": a name, not an abbreviated month (a chat's "in feb" ends its line
        # before the next sender's name)
        return None
    told = figures = False
    before = _past_filler(m)
    if shift is None and mod is None:
        determiner = before in _MONTH_DETERMINERS or before.endswith(("'s", "\u2019s"))
        # "will report September sales", "March results": a month's figures
        # "Kraken Vanguard: June schedule", "the March rota": a month's plan, the nearest
        listing = m.word_after() in _MONTH_LISTINGS and m.groups["mon"][:1].isupper()
        # "December retail sales", "January's jobs report"; "May futures", "the June contract"
        figures = _month_figures(m, month) or _month_contract(m)
        measured = not before[:1].isupper() and (
            m.word_after() in m.lex.words.measures or listing or figures
        )
        # "the March accession", "its March meeting"; not "the march on Rome", "the March of
        # Dimes": a capitalised March before a noun (May stays out: "the May government")
        adjective = month not in (3, 5) or (month == 3 and _capital_march(m))
        if ((determiner and adjective) or measured) and (_before_noun(m) or figures):
            # "the October slaying", "its November meeting": the month as an adjective
            told = before == "the" and not measured
        elif (
            before not in m.lex.prepositions
            and before not in _SPEND
            and not (before in _HEDGES and month not in (3, 5))
            and not _entry_label(m)
            and not _months_lead(m)
            and not _month_subject(m, month)
            and not _weather_month(m, before, month)
        ):
            return None  # but a chronology's "May \u2014 A planning officer raises concerns"
        modal = m.text[m.end : m.end + 1] == " " and m.word_after() in _AFTER_MODAL
        # "that May be true": the modal; "spoke to May": the name; but "in April and May",
        # "from March to May": two months
        joined = before in ("and", "or", "to") and _month_joined_before(m)
        if month == 5 and (before in ("and", "or", "to") or modal) and not (_moved_to(m) or joined):
            return None
        if _lower(m.get("mon")).rstrip(".") in ("mar", "jun", "jul", "sep"):
            return None
    if shift is None and _recently_as(m):
        shift = -1  # "as recently as October": the last one, whatever dates came before
    deadline = m.deadline(m.lex.words.deadline)
    closes = before in _SPAN_ENDS
    return Calendar(
        m.start,
        m.end,
        None,
        month,
        shift=shift,
        mod=mod,
        deadline=deadline,
        closes=closes,
        told=told,
        figures=figures,
    )


# a chat's hedge before a month offered as a time: "or maybe September if flights stay cheap",
# "probably october" (not March or May: "maybe march on", "perhaps May will")
_HEDGES = frozenset(("maybe", "perhaps", "probably", "possibly"))


# verbs of spending time, after which a month is the time spent: "will spend August at a
# cabin", "spent January in Florida" (as "want to spend the fall campaigning")
_SPEND = frozenset(("spend", "spends", "spent", "spending"))


# a guide's advice on when to go is every year's: "is best visited in May", "the valley is at
# its best in October"
_BEST_TIME = (
    r"best\s+(?:visited|seen|enjoyed|explored|avoided)|(?:is|are)\s+at\s+(?:its|their)\s+best"
    # a medicine's best season: "works best when given in late September or October"
    r"|works?\s+best"
)
_HABITUAL = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|"
    + _BEST_TIME
    # the second of two months joined recurs as the first does, a part of it named or not:
    # "normally peaks in late January or [February]"
    + r")\b[^.;!?\n]{0,40}\bin\s+(?:(?:(?:early|mid|late)[- ]?)?\w+\s+(?:or|and)\s+)?$",
    re.IGNORECASE,
)


# a month or season bounding what recurs: "open every day from April to October", "open
# daily in summer", "makes four round trips a day in summer and two in winter"; so do the
# months of a standing timetable ("the pool is open from May to October", "is closed from
# November to March") and of a kind of season ("high season runs from June through August",
# "the rainy season lasts from May to October")
_RECURRING_RANGE = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|"
    r"(?P<yearly>annually|yearly|(?:every|each)\s+year)|every\s+\w+|each\s+\w+|daily|"
    r"weekly|nightly|hourly|on\s+\w+(?:days|ends)|(?:\w+s|twice)\s+(?:a|per)\s+(?:day|week)|"
    r"(?:is|are)\s+(?:open|closed)|"
    r"(?:high|low|peak|shoulder|tourist|rainy|dry|wet|monsoon|hurricane)[\s-]+season|"
    + _BEST_TIME
    + r")\b[^.;!?\n]{0,40}?\b(?:(?:from|between|"
    # "meets on the first Monday of each month, except in July and August": what a set leaves
    # out recurs with it
    r"except(?:\s+(?:in|during))?)\s+"
    r"(?:(?:(?:early|mid|late)[- ]?)?(?P<first>[A-Za-z]+)\s+(?:to|and|until|till|through)\s+)?|"
    r"(?P<within>in)\s+(?:\w+\s+(?:or|and)\s+)?)$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.,;!?\n]")
_RANGE_OR_IN = re.compile(r"\b(?:from|between|in|except)\b")


def _recurring_range(m: Match, *, season: bool = False) -> bool:
    """Does the month or season bound a set, in the present ("open daily from May", "in summer")?

    A season after "in" only without its article ("open daily in summer"): "workshops every
    Sunday in June", "in the summer" may be this year's.
    """
    window = m.text[max(0, m.start - 90) : m.start]
    if not window.endswith(" ") or _RANGE_OR_IN.search(window[-30:]) is None:
        return False  # a cheap test first: most months are no range's end
    found = _RECURRING_RANGE.search(window)
    first = (found["first"] or "").lower() if found is not None else ""
    if found is None or (first and first not in m.lex.months and first not in m.lex.seasons):
        return False
    if found["within"] and not (season or found["yearly"]):
        return False  # "every Sunday in June" may be this June; "every year in June" is not
    if found["within"] and found["yearly"]:
        return True  # and in the past too: "In 1990 the fair was held every year in June"
    if season and found["within"] and _RATE_IN_SEASON.search(window[-30:]):
        # "the ferry ran only three times a week in winter": a bare season right after a rate
        # is every such season, a past habit too (not in a year told: "In 1990 it ran daily in
        # summer" may be that summer)
        sentence = _SENTENCE_END.split(window)[-1]
        return _YEAR_TOLD.search(sentence) is None
    clause = _CLAUSE_END.split(window)[-1].lower().split()
    # "parents said their children stand at bus stops every morning from December": the
    # reported clause's own verb decides, not the past of saying
    said = [at for at, word in enumerate(clause) if word in m.lex.words.speech]
    if said:
        clause = clause[said[-1] + 1 :]
    return not any(_told_past(m, clause, at) for at in range(len(clause)))


# a rate right before "in" and a bare season: "three times a week in winter", "daily in summer"
_RATE_IN_SEASON = re.compile(
    r"\b(?:(?:a|per)\s+(?:day|week|night|month)|daily|nightly|weekly|hourly)\s+in\s+$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?\n]")
_YEAR_TOLD = re.compile(r"\b\d{4}\b(?!s)")


_OPENING_IN = re.compile(r"(?:^|[.;!?\n]\s*|\s-\s)In\s+$")
# a set later in the clause of an opening "In winter": "In winter the ferry sails twice a day"
_SET_AFTER = re.compile(
    r"\b(?:daily|nightly|hourly|weekly|every\s+\w+|each\s+\w+|(?:a|per)\s+(?:day|week|night)|"
    r"on\s+\w+(?:days|ends))\b",
    re.IGNORECASE,
)
_CLAUSE_REST = re.compile(r"[^.;!?\n]{0,80}")


def _season_of_habit(m: Match) -> bool:
    """Does a bare season opening its sentence frame a set ("In winter ... twice a day")?

    "In winter the ferry sails twice a day" is every winter; not in a past clause ("In winter
    we swam every day").
    """
    if not _OPENING_IN.search(m.text, max(0, m.start - 6), m.start):
        return False
    rest = _CLAUSE_REST.match(m.text, m.end)
    after = rest.group() if rest is not None else ""
    found = _SET_AFTER.search(after)
    if found is None:
        return False
    words = after[: found.start()].lower().split()
    return not any(_told_past(m, words, at) for at in range(len(words)))


# a copula before an "-ed" adjective: "is closed", "stay closed on Sundays", "remains booked"
_PASSIVE_BE = frozenset(
    ("is", "are", "be", "been", "being", "stay", "stays", "remain", "remains", "get", "gets")
)


def _told_past(m: Match, words: list[str], at: int) -> bool:
    """Is the word at ``at`` a past verb ("trained daily from May"; not "is closed")?

    A participle an adverb away from its copula is no past either: "is best visited", "are
    often booked".
    """
    word = words[at]
    if word not in m.lex.words.past and (not word.endswith("ed") or len(word) <= 4):
        return False
    # "is held every year in June": a passive's participle ("was held" is past by its "was")
    return not any(words[back] in _PASSIVE_BE for back in range(max(0, at - 2), at))


def _habitual(m: Match, month: int, shift: int | None, mod: str | None) -> Fixed | None:
    """Every such month, in a clause of what usually happens: "usually begins in October".

    As TBAQ writes "is usually conducted in the second and fourth quarters" (SET XXXX-Q2).
    The ends of a range bounding a set recur too: "open every day from [April] to [October]".
    A part of the month is kept: "usually begins in [mid-September]" is SET XXXX-09 MID.
    """
    if shift is not None or mod not in _HABITUAL_MODS:
        return None
    window = m.text[max(0, m.start - 60) : m.start]
    if _HABITUAL.search(window) is None and not _recurring_range(m):
        return None
    return Fixed(m.start, m.end, TimexType.SET, f"XXXX-{month:02d}", mod=mod)


# the parts of a month a habit may name: "usually close in [late September]"
_HABITUAL_MODS = frozenset((None, "START", "MID", "END"))


_MOVED = frozenset(
    ("move", "moved", "moving", "moves", "push", "pushed", "back", "bring", "brought")
)


def _moved_to(m: Match) -> bool:
    """Is "to May" the date something is moved to ("move them to May, when")?"""
    if m.word_before() != "to" or m.word_after() in _AFTER_MODAL:
        return False
    words = _lower(m.text[max(0, m.start - 40) : m.start]).split()[-5:-1]
    return any(word in _MOVED or word in m.lex.words.reschedule for word in words)


_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\b")
_RECENTLY_AS = re.compile(r"\bas\s+recently\s+as\s+$", re.IGNORECASE)


def _recently_as(m: Match) -> bool:
    """Does "as recently as" come right before the match ("as recently as March 3")?"""
    return _RECENTLY_AS.search(m.text, max(0, m.start - 25), m.start) is not None


# nouns a bare season names a kind of, not a date: "winter break", "summer camp"
_SEASON_NOUNS = frozenset(
    {
        *("break", "breaks", "recess", "vacation", "vacations", "holiday", "holidays", "camp"),
        *("term", "semester", "session", "storm", "storms", "weather", "school", "classes"),
        # "the autumn half-term", "councils warn of winter squeeze", "the summer timetable"
        *("half-term", "half", "squeeze", "crunch", "fuel", "timetable", "uniform", "coat"),
        *("coats", "clothes", "tyres", "olympics", "games", "pressures", "pressure"),
        # "on winter afternoons", "summer evenings": a kind of day, with no TIMEX3 value
        *("mornings", "afternoons", "evenings", "nights", "days", "weekends"),
        # "summer weekend sites usually fill within minutes", "on a winter evening": a kind
        *("weekend", "morning", "afternoon", "evening", "night", "day"),
        # "the summer transfer window", "his winter signings": a club's trading period
        *("transfer", "transfers", "window", "windows", "signing", "signings"),
        # "the spring melt could bring flooding": a season's kind of event
        *("melt", "thaw", "runoff", "flooding", "floods", "flood", "monsoon"),
        # "the summer league", "a summer internship": a kind of league, job or programme
        *("league", "leagues", "tour", "program", "programs", "programme", "internship"),
        *("internships", "job", "jobs", "festival", "series", "schedule", "hours", "reading"),
        # "before fall exams", "spring enrollment": a school's kind of term
        *("exam", "exams", "examinations", "finals", "course", "courses", "enrollment"),
        *("registration", "graduation", "commencement", "tuition", "lectures", "admissions"),
        # "would cut into summer research": a kind of work, as "a summer job"
        *("research", "fieldwork", "teaching", "salary", "stipend"),
        # "a short winter war", "went into winter quarters": a kind of war, an army's camp
        *("war", "wars", "quarters"),
        # "the fall season" of a sport or a theatre: a kind of season, as "the summer league"
        *("season", "seasons"),
        # "the summer sky", "the winter constellations": a sky-watcher's kind of season
        *("sky", "skies", "constellation", "constellations"),
        # "the first day of fall leaf collection", "the spring cleanup": a town's yearly service
        *("leaf", "cleanup", "clean-up"),
    }
)
# adjectives of hardship or weather before a bare season: "warns of a tougher spring"
_SEASON_ADJECTIVES = frozenset(
    {
        *("tough", "tougher", "hard", "harder", "harsh", "harsher", "difficult", "weaker"),
        *("slower", "busier", "wet", "wetter", "dry", "drier", "cold", "colder", "mild", "milder"),
        *("long", "longer"),
    }
)


# an outlook's comparison with the normal: "a wetter than normal winter", "a warmer-than-average
# summer" (any comparative there speaks of the weather)
_THAN_NORMAL = re.compile(
    r"\b[a-z]+er(?:\s+and\s+[a-z]+er)?[\s-]than[\s-](?:normal|usual|average)\s+$", re.IGNORECASE
)


def _weather_season(m: Match, before: str) -> bool:
    """Is a bare season the season itself after an adjective ("of tougher spring")?"""
    if before not in _SEASON_ADJECTIVES and not (
        before[-6:] in ("normal", "-usual", "verage", "usual")
        and _THAN_NORMAL.search(m.text, max(0, m.start - 50), m.start)
    ):
        return False
    rest = m.text[m.end : m.end + 2].lstrip(" ")
    if not rest or not rest[0].isalpha():
        return True
    after = m.word_after()  # "a long winter coat", "a dry summer house": a kind of thing
    lowered = after.lower()
    words = m.lex.words
    # a verb after it: "A colder than usual spring delayed planting", "a dry summer is likely"
    verb = lowered in words.past or lowered in words.present or lowered in words.future
    verb = verb or (len(lowered) > 4 and lowered.endswith("ed") and lowered not in words.not_past)
    # "expect a drier February but warned": a conjunction ends the noun phrase as "and" does
    return lowered in m.lex.prepositions or after in ("and", "but", "or") or verb


# a month's weather: "a cold February in the Northeast", "a hot July" (not "a hot spring")
_MONTH_ADJECTIVES = _SEASON_ADJECTIVES | frozenset(
    ("warm", "warmer", "hot", "hotter", "snowy", "rainy", "stormy", "chilly", "frigid")
)
_WEATHER_ARTICLE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+\S+\s+$")


def _weather_month(m: Match, before: str, month: int) -> bool:
    """Is a capitalized bare month after "a" and a weather word the month ("a cold February")?"""
    if before not in _MONTH_ADJECTIVES or month in (3, 5) or not m.groups["mon"][:1].isupper():
        return False
    if not _WEATHER_ARTICLE.search(m.text, max(0, m.start - 20), m.start):
        return False
    return _weather_season(m, "cold")  # no noun after it: "a cold February coat" is a kind


# "the summer one is posted": "one" stands for a noun ("the summer timetable")
_ONE_AS_NOUN = re.compile(r"\s+ones?(?:\s*[,.;:)]|\s+(?:was|were|is|are|has|had|will|would)\b)")


_SPEND = frozenset(("spend", "spends", "spent", "spending"))


def _bare_season(m: Match) -> Mention | None:
    shift, mod = _shift(m), _mod(m)
    season = m.lex.seasons[_lower(m.get("season"))]
    if (year_shift := _year_shift(m, "yshift")) is not None:  # "the spring of next year"
        return Calendar(m.start, m.end, None, season=season, mod=mod, year_shift=year_shift)
    if m.get("thatyear"):  # "the spring of that year": as "that spring"
        return Calendar(m.start, m.end, None, season=season, shift=0, mod=mod, anchored=True)
    if (year := _year(m, "year2")) is not None:
        # "the spring and summer of 1944": the year written once is both seasons'; "the
        # winter and spring of 1947" is the winter that ends in 1947's spring
        second = m.lex.seasons[_lower(m.get("season2"))]
        if season == "WI" and second in ("SP", "SU"):
            year -= 1
        return Calendar(m.start, m.end, year, season=season, mod=mod, explicit_year=True)
    before = m.word_before()
    # "fall" is also a verb and a noun; "autumn" is only the season: "What worries them is
    # the autumn, when bonds come due" (not "the autumn of his life", "the autumn rains")
    verb_like = _lower(m.get("season")) == "fall"
    autumn = not verb_like and m.word_after().lower() != "of" and not _noun_after(m)
    introduced = before in m.lex.prepositions or (m.get("the") and (season != "FA" or autumn))
    introduced = introduced or (not verb_like and _weather_season(m, before))
    # "want to spend the fall defending a tax": time spent, not a decline
    spent = m.get("the") and before in _SPEND and m.word_after().lower() != "of"
    introduced = introduced or bool(spent)
    if season == "FA" and not m.get("the") and (before == "to" or _joined_verb(m, before)):
        introduced = False  # "to fall apart", "expected to fall further": the verb
    elif not m.get("the") and _joined_verb(m, before) and _noun_after(m, end_stop=True):
        # "a painter of river landscapes and winter scenes": "and" joins no time to the season,
        # which names a kind of the noun after it
        introduced = False
    # "open daily in summer", "on Saturdays from spring to autumn": every such season
    recurring = (
        not (shift or m.get("the"))
        and mod in _HABITUAL_MODS
        and (_recurring_range(m, season=True) or _season_of_habit(m))
    )
    introduced = introduced or recurring
    if (shift is None and mod is None and not introduced) or _season_names_no_date(m, shift, mod):
        return None
    if recurring:
        return Fixed(m.start, m.end, TimexType.SET, f"XXXX-{season}", mod=mod)
    deadline = before in m.lex.words.deadline  # "by the summer": ahead, whatever the tense
    start = m.start
    if m.get("the") and not (shift or mod) and _noun_after(m):
        # "a kickoff for the spring campaign": the article is the noun's, as in "the [Aug. 7]
        # bombing"
        start = m.end - len(m.groups["season"])
    return Calendar(start, m.end, None, season=season, shift=shift, mod=mod, deadline=deadline)


_NOT_NOUNS = frozenset(
    {
        *("and", "or", "but", "nor", "when", "as", "that", "which", "who", "while", "where"),
        *("if", "than", "it", "he", "she", "they", "we", "i", "you", "there", "then", "so"),
        *("because", "too", "again", "also", "still", "now", "here", "ahead", "itself"),
        # a quantifier opens the clause's subject: "Over the winter both powers looked for allies"
        *("both", "several", "many", "all", "each", "every", "some", "few", "neither", "either"),
    }
)


def _noun_after(m: Match, *, end_stop: bool = False) -> bool:
    """Is the word after a season a noun it modifies ("the spring campaign")?

    With ``end_stop``, a stop or a comma after the noun does not hide it ("and winter scenes.").
    """
    if m.text[m.end : m.end + 1] != " ":
        return False
    after = m.word_after()
    if end_stop:
        after = after.rstrip(".,;:!?")
    words = m.lex.words
    return (
        after.isalpha()
        and after.islower()
        and after not in _NOT_NOUNS
        and after not in m.lex.prepositions
        and after not in words.determiners
        and after not in m.lex.numbers  # "In the summer one boat runs daily"
        and after not in words.past
        and after not in words.present
        and after not in words.future
        # "spent the summer scraping the tower": a participle, the season's time spent
        and not after.endswith(("ed", "ly", "ing"))
    )


def _joined_verb(m: Match, before: str) -> bool:
    """Is a bare "fall" after "and"/"or" a verb ("stay in the 90s and fall to the 80s")?

    Joined to a season or a month ("spring and fall", "September or fall") it is a season;
    so is any other bare season joined to neither only when no noun follows it ("landscapes
    and winter scenes" is a kind of scene).
    """
    if before not in ("and", "or"):
        return False
    words = m.text[max(0, m.start - 30) : m.start].split()
    other = words[-2].lower().strip(",") if len(words) > 1 else ""
    return other not in m.lex.seasons and other not in m.lex.months


def _season_names_no_date(m: Match, shift: int | None, mod: str | None) -> bool:
    """A season word that names a kind of time or a thing, not a season of the calendar."""
    if not (shift or mod) and m.word_after().lower().rstrip(".") in _SEASON_NOUNS:
        # "returned from winter break", "on winter afternoons", "in time for the summer
        # holidays" (the article is the holidays'): a kind of time
        return True
    if m.get("the") and _ONE_AS_NOUN.match(m.text, m.end, m.end + 20):
        return True  # "the summer one is posted a month ahead": the summer timetable
    if m.get("the") and _lower(m.get("season")) == "fall" and m.word_after().lower() == "of":
        return True  # "the fall of the city", "after the fall of Rome": the noun (not a year)
    name = m.text[m.end - len(m.groups["season"]) : m.end]
    # "the Spring Valley", "the Autumn Festival": a name
    return name[:1].isupper() and m.word_after()[:1].isupper() and m.char_after() != ","


def _counted_ordinal(m: Match, name: str) -> bool:
    """Is the spoken ordinal of group ``name`` a rank ("Friday, the fourth decline")?"""
    if not m.get(name) or m.groups[name][:1].isdigit():
        return False
    after = m.word_after()
    return after[:1].islower() and after.rstrip(".,") not in m.lex.words.after_year


# nouns a weekday before them names a kind of: "Saturday parking", "Sunday service"
_WEEKDAY_KINDS = frozenset(
    {
        *("parking", "enforcement", "hours", "service", "services", "trading", "delivery"),
        *("deliveries", "mail", "classes", "school", "shifts", "opening", "openings", "closures"),
        *("timetable", "timetables", "schedule", "schedules"),
        # "the Sunday shift costs $1,800 a month", "The Sunday closing is the first cut"
        *("shift", "staffing", "closing"),
        *("edition", "editions"),  # "the Sunday edition of the evening news": the weekly kind
        *("league", "leagues"),  # "its Thursday night leagues will bowl in Brewster"
        # a collection's round: "Friday routes will be collected", "my Monday pickup"
        *("route", "routes", "pickup", "pickups", "collection", "collections"),
    }
)
# a weekday joined to another before a kind's noun: "its Tuesday and Thursday night leagues"
_JOINED_KIND = re.compile(
    r"\s+(?:and|or)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:night|morning|afternoon|evening))?\s+([a-z]+)"
)


def _joined_kind(m: Match) -> bool:
    """Does the weekday share a kind's noun with the weekday joined to it?

    "its Tuesday and Thursday night leagues": both name a kind of league, no date.
    """
    joined = _JOINED_KIND.match(m.text, m.end)
    return joined is not None and joined.group(1) in _WEEKDAY_KINDS


# a church's week: "ushered at Sunday Mass", "went to Sunday worship" name no date; "In his
# Sunday Mass" (a determiner before) is the one he said that Sunday (TBAQ)
_WEEKDAY_RITES = frozenset(("mass", "masses", "worship", "vespers"))


_NOT_PLURALS = frozenset(("was", "is", "has", "does", "says", "plus", "as", "this", "thus"))
_COUNT_WORDS = frozenset(("both", "all", "several", "many", "few", "two", "three", "four", "five"))


def _counted_kind(m: Match, before: str, after: str) -> bool:
    """Is the weekday between a count and the plural noun it counts ("the two Saturday sessions")?

    The count is of the things, each on such a day: a kind of day, not one date.
    """
    if not (before in _COUNT_WORDS or before.isdigit() or before in m.lex.numbers):
        return False
    if m.text[m.start - len(before) - 1 : m.start].lower() != f"{before} ":
        return False  # "Day 4 / Friday morning was cold": a heading above, no count
    noun = after.rstrip(".,;:!?")
    return noun[-1:] == "s" and noun[:1].islower() and noun not in _NOT_PLURALS


_BE_FORMS = frozenset(
    ("is", "are", "am", "was", "were", "be", "been", "'s", "'re", "'m", "i'm", "we're", "they're")
)
_BE_FORMS |= frozenset(("he's", "she's", "it's", "you're", "who's"))


def _verb_shift(m: Match, before: str) -> bool:
    """Is the word before the weekday a preposition or a verb, not "this past", "this coming"?

    "if it slips past Friday", "the plumber is coming Monday".
    """
    shift = _lower(m.get("shift"))
    return (shift == "past" and before != "the") or (
        shift == "coming" and before.lower() in _BE_FORMS
    )


_NOT_NOUNS_BEFORE_COMING = frozenset(("you", "me", "us", "them", "him", "her", "it", "and", "or"))


def _noun_before_coming(m: Match, before: str) -> bool:
    """Is a bare "coming" the participle of the noun before it ("guests coming Friday")?

    Not after a pronoun or a preposition: "See you coming Monday", "on coming Monday".
    """
    word = before.lower()
    return (
        word.isalpha()
        and word not in m.lex.prepositions
        and word not in _NOT_NOUNS_BEFORE_COMING
        and m.text[m.start : m.start + 6].lower() == "coming"
    )


def _sentence_stop(m: Match) -> Match:
    """The match without a closing period that also ends the sentence ("by EOD Wed.")."""
    if m.text[m.end - 1 : m.end] != ".":
        return m
    rest = m.text[m.end : m.end + 2].lstrip(" ")
    # a chat writes its short weekdays in lower case with no period: one after them ends the
    # sentence, whatever the case of the next word ("thats this mon. what do i bring")
    word = m.text[m.start : m.end - 1].rsplit(None, 1)[-1]
    chat = word.isalpha() and word.islower() and rest[:1].isalpha()
    if rest and rest[0] not in "\n\"')" and not rest[0].isupper() and not chat:
        return m
    return attrs.evolve(m, end=m.end - 1)


def _acronym_day(m: Match) -> bool:
    """Is the short weekday an acronym in capitals ("the last SAT", a test), not "LAST SAT"?"""
    wd = m.get("wd") or ""
    if len(wd) > 3 or not wd.isupper():
        return False
    shift = m.text[m.start : m.text.index(wd, m.start)].strip()
    return bool(shift) and not shift.isupper()


# short weekdays read alone that are names too: the Mon people of Myanmar and their state
_SHORT_NAMES = frozenset(("mon", "tue"))


def _short_name(m: Match, before: str, after: str) -> bool:
    """Is a short weekday a name or another word, not the weekday?

    A "Mon" or "Tue" after "the" or before a capitalized word is a name ("the Mon people",
    "Mon State"); a bare "Sat" or "Wed" after a capitalized word is a title's verb ("Dog Sat
    on Owner's Hat").
    """
    wd = _lower(m.get("wd")).rstrip(".")
    if wd in _SHORT_NAMES:
        return before == "the" or after[:1].isupper()
    if m.text[m.start : m.end] not in ("Sat", "Wed"):
        return False
    word = m.raw_word_before()  # (not "by EOD Wed")
    return word[:1].isupper() and not word.isupper()


def _weekday(m: Match) -> Mention | None:
    if m.get("wlast") and m.word_before().lower() != "on":
        m = _without_last(m)  # ("I saw him Friday last time"): the weekday alone
    day = _day_of(m, "wdom") if m.get("wdom") else None
    if _counted_ordinal(m, "wdom") or (m.get("wdom") and day is None):
        # the weekday alone: "Friday, the fourth decline", "Friday the thirty third"
        wd_end = m.text.index(m.groups["wd"], m.start) + len(m.groups["wd"])
        groups = {k: v for k, v in m.groups.items() if k != "wdom"}
        m = attrs.evolve(m, end=wd_end, groups=groups)
    if m.get("wdom") and day is not None:  # "Friday the 13th": the nearest such month
        weekday = _weekday_number(m, m.groups["wd"])
        deadline = m.deadline(m.lex.words.deadline)
        # "sat the 16th at 7:30pm": the day's clock
        clock = _clock(m) if m.get("clock") else None
        return Calendar(
            *(m.start, m.end, None, None, day), clock=clock, deadline=deadline, weekday=weekday
        )
    m = _sentence_stop(m)
    # "close early on Wednesday, Nov. 21": the full date is one expression, read from the
    # weekday on
    dated = bool(m.get("pre")) and _date_follows(m)
    manner = (_lower(m.get("pre")) == "early" and m.word_before() in _EARLY_VERBS) or _tardy(m)
    # "flights ran about 20 minutes late on Monday": a delay's length, not late Monday
    delay = _lower(m.get("pre")) in ("early", "late") and _delay_before(m)
    if (manner or delay) and not m.get("shift"):
        # "shops will close early on Monday": how early they close, not early Monday
        at = m.text.index(m.groups["wd"], m.start)
        m = attrs.evolve(m, start=at, groups={k: v for k, v in m.groups.items() if k != "pre"})
    shift = _shift(m)
    after = m.word_after()
    before = m.word_before()
    if _noun_before_coming(m, before):
        # "a truckload coming Tuesday": the noun's participle, outside the span; the day is
        # still the coming one
        m = attrs.evolve(m, start=m.text.index(m.groups["wd"], m.start))
    capitalized = (
        shift is None
        and after[:1].isupper()
        and before not in m.lex.prepositions
        and m.text[m.end : m.end + 1] != ","  # "Sunday, Obama said" is a date
    )
    named = capitalized and (before == "the" or not before) and not _known_name(m, after)
    if (
        named
        or dated
        or _club(m, before, shift)
        or _verb_shift(m, before)
        or _acronym_day(m)
        or _short_name(m, before, after)
    ):
        # "The Sunday Times", "the Friday Mosque", "Sunday Times reporters"; "if it slips
        # past Friday", "the plumber is coming Monday"; "the last SAT" (a test); "Myanmar's
        # Mon State", a title's "Dog Sat on Owner's Hat"
        return None
    attributive = _before_noun(m) and after.lower() not in m.lex.prepositions
    attributive = attributive and after not in _NOT_A_NOUN  # "on a Sunday this year"
    if attributive and _DAY_COMPOUND.match(m.text, m.end):
        attributive = False  # "a Saturday exam day", "a Monday school day": a kind of day
    if shift is None and _indefinite(m, before) and not m.get("pre") and not attributive:
        # "it was a Thursday", "on a busy Saturday": which one is not said ("a Sunday rally"
        # is)
        return None
    # (the word's closing stop is no part of it: "backed Sunday trading.")
    noun = after.lower().rstrip(".")
    kind = m.text[m.end : m.end + 1] == " " and (
        noun in _WEEKDAY_KINDS
        or (noun in _WEEKDAY_RITES and before.lower() not in m.lex.words.determiners)
        or _counted_kind(m, before, after)
        or (noun in ("and", "or") and _joined_kind(m))
    )
    if shift is None and not m.get("pre") and kind:
        return None  # "Saturday parking fees", "Sunday trading": every such day, no date
    if (habit := _weekday_habit(m, shift)) is not None:
        return habit
    clock = _clock(m)
    pre = _lower(m.get("pre"))
    mod = _edge_mod(m, pre)
    # "Bank Holiday Monday": the holiday named is the coming one unless the clause is past
    deadline = m.deadline(_WEEKDAY_DEADLINES) or bool(m.get("bh"))
    weekday = _weekday_number(m, m.get("wd"))
    # "Tuesday week": a week after the coming Tuesday; "Tuesday fortnight": two weeks after it
    days = (14 if "fortnight" in wk else 7) if (wk := m.get("wk")) else 0
    shift = 1 if days else shift
    if m.get("wlast"):  # "on Friday last": the last one
        shift = -1
    weeks = 0
    if shift is None and (week := _WEEK_AFTER_WEEKDAY.match(m.text, m.end)):
        # "free Tuesday next week", "arrived Friday last week": the day in that week
        shift, weeks = 0, 1 if week.group(1).lower() == "next" else -1
    moved = before == "to" and _MOVED_TO.search(m.text, max(0, m.start - 50), m.start) is not None
    # "show Marcus first thing Monday" (said on a Monday): the start of a day to come
    first_thing = _FIRST_THING.search(m.text, max(0, m.start - 12), m.start) is not None
    moved = moved or (shift is None and first_thing)
    return Weekday(
        m.start,
        m.end,
        weekday,
        shift,
        clock,
        mod,
        deadline=deadline,
        days=days,
        weeks=weeks,
        moved=moved,
        apart=_clause_apart(m),
    )


# a semicolon before the weekday with no number after it (a code's digits, "U14", are none):
# the weekday's clause is its own
_CLAUSE_APART = re.compile(r";(?:[^;\d.!?\n]|(?<=[A-Za-z])\d|(?<=[A-Za-z]\d)\d)*$")


def _clause_apart(m: Match) -> bool:
    """Does a semicolon open the weekday's clause, after the dates told before it?"""
    window = m.text[max(0, m.start - 60) : m.start]
    return ";" in window and _CLAUSE_APART.search(window) is not None


# the week a bare weekday is in, told after it: "Tuesday next week" (two expressions)
_WEEK_AFTER_WEEKDAY = re.compile(r"[ \t]+([Nn]ext|[Ll]ast)[ \t]+week(?![\w\x27\u2019-])")


_FIRST_THING = re.compile(r"\b[Ff]irst\s+thing\s+$")
# a plan moved to a weekday: "can we push the walkthrough to thurs?", "move it to Friday"
_MOVED_TO = re.compile(
    r"\b(?:push|move|bump|pushed|moved|bumped|postpone|postponed)\b[^.!?\n]{0,40}\bto\s+$",
    re.IGNORECASE,
)


def _without_last(m: Match) -> Match:
    """The weekday without the "last" read after it ("on Friday last") when no "on" precedes."""
    end = m.text.index(m.groups["wd"], m.start) + len(m.groups["wd"])
    groups = {k: v for k, v in m.groups.items() if k != "wlast"}
    return attrs.evolve(m, end=end, groups=groups)


def _date_follows(m: Match) -> bool:
    """Does a month and a day follow the weekday ("Wednesday, Nov. 21")?"""
    found = _DATE_AFTER.match(m.text, m.end)
    return found is not None and (
        found.group(1).lower() in m.lex.months or found.group(1).lower() in m.lex.weekdays
    )


_DAY_COMPOUND = re.compile(r" (?:[a-z-]+ )?day\b")
_NOT_A_NOUN = frozenset(
    (
        *("this", "that", "next", "last", "and", "or", "but", "when", "so", "again"),
        # a chat's asides: "8 on a saturday lol" is no "Saturday lol" kind of thing
        *("lol", "lmao", "haha", "tho", "though"),
        # a preposition of the hours that day: "sending a tech out on the 12th between 8am
        # and noon", "on the 3rd from 9 to 5" (no noun a rank counts comes after them)
        *("between", "from", "after", "before", "around", "until", "till"),
    )
)
_ARTICLE_ADJECTIVE = re.compile(r"\b[Aa]n?\s+([a-z]+)\s+$")
# adjectives of a day that say what kind of day, not which: "on a busy Saturday" (but a noun
# between stays wire copy's day: "attended a rally Thursday")
_ANY_DAY_ADJECTIVES = frozenset(
    {
        *("busy", "typical", "normal", "quiet", "slow", "good", "bad", "rainy", "sunny", "snowy"),
        *("cold", "hot", "warm", "given", "single", "particular", "certain", "regular", "usual"),
        *("average", "ordinary", "recent", "lazy", "late", "long"),
    }
)


def _indefinite(m: Match, before: str) -> bool:
    """Does "a" or "an", maybe with an adjective of kind, come before it ("a busy Saturday")?"""
    if before in ("a", "an"):
        return True
    found = _ARTICLE_ADJECTIVE.search(m.text, max(0, m.start - 30), m.start)
    if found is None:
        return False
    return found.group(1) in _ANY_DAY_ADJECTIVES


def _weekday_habit(m: Match, shift: int | None) -> Mention | None:
    """Every such day (a set), when the weekday names a habit rather than one day."""
    weekday = _weekday_number(m, m.get("wd"))
    if pods := _lower(m.get("pods") or m.get("pods2")):  # "on Tuesday evenings", "Monday and
        # Tuesday nights": every such evening or night
        part = m.lex.parts_of_day[pods.removesuffix("s")]
        return Fixed(m.start, m.end, TimexType.SET, f"XXXX-WXX-{weekday}T{part}")
    if shift is None and not m.get("pre") and not m.get("wk") and _standing_days(m):
        # "the branches are open Tuesday through Saturday": every such day, the range's ends
        return Fixed(m.start, m.end, TimexType.SET, f"XXXX-WXX-{weekday}")
    return None


_DAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY_JOIN = r"\s*(?P<join>through|thru|to|and|-|\u2013)\s*"
_DAY_RANGE_AFTER = re.compile(_DAY_JOIN + _DAY_NAME + r"\b")
_DAY_RANGE_BEFORE = re.compile(r"\b" + _DAY_NAME + _DAY_JOIN + r"$")
# a standing timetable: opening hours, a theatre's playing week ("Regular hours are Monday
# through Thursday", "The branches are open Tuesday to Saturday", "Performances are Tuesday
# through Saturday"); not one festival's days ("The festival runs Friday through Sunday") nor
# a past closing ("The bank was closed Monday through Wednesday"); two days joined by "and"
# only after a timetable's noun ("hours are ... Friday and Saturday"; "the bridge is closed
# Monday and Tuesday for repairs" may be one week's); a service "offered" or "available" on
# such days is a standing timetable too ("Walk-in vaccinations are offered Monday through
# Saturday")
_STANDING = re.compile(
    r"\b(?:(?:is|are|will\s+be)\s+(?:open|staffed)|(?:is|are)\s+(?:closed|offered|available)"
    r"|(?P<noun>hours|performances|screenings|classes|tours)\b[^.;!?]{0,80}?\b(?:are|run))\b",
    re.IGNORECASE,
)
# (not "5 p.m. Monday through Friday": a clock's stop before a weekday ends no sentence)
_SENTENCE_OPEN = re.compile(r"[.;!?]\s+(?=[A-Z\"])(?!(?<=[aApP]\.[mM]\.\s)" + _DAY_NAME + r"\b)|\n")


def _standing_days(m: Match) -> bool:
    """Is the weekday one end of a range of days a standing timetable names (a set)?"""
    ahead = _DAY_RANGE_AFTER.match(m.text, m.end, m.end + 40)
    window = m.text[max(0, m.start - 40) : m.start]
    behind = ahead or ("day" in window and _DAY_RANGE_BEFORE.search(window)) or None
    if behind is None:
        return m.word_before() == "and" and _more_standing_days(m)
    begin = _opening_after(m.text, _SENTENCE_OPEN, max(0, m.start - 200), m.start)
    cue = _STANDING.search(m.text, begin, m.start)
    return cue is not None and (behind.group("join") != "and" or cue.group("noun") is not None)


# a standing range of days and its hours: "is open Monday through Friday from 9 a.m. to 6 p.m."
_STANDING_RANGE = re.compile(
    _DAY_NAME + r"\s*(?:through|thru|to|-|\u2013)\s*" + _DAY_NAME + r"\s+from\b[^;!?\n]{0,45}$"
)


def _more_standing_days(m: Match) -> bool:
    """Is the weekday after "and" another day of standing hours told in its sentence?

    "The office is open Monday through Friday from 9 a.m. to 6 p.m. and Saturday from 10
    a.m. to 2 p.m.": every Saturday's hours, as the range before it is every week's.
    """
    begin = _opening_after(m.text, _SENTENCE_OPEN, max(0, m.start - 200), m.start)
    cue = _STANDING.search(m.text, begin, m.start)
    if cue is None:
        return False
    return _STANDING_RANGE.search(m.text, cue.end(), m.start) is not None


def _club(m: Match, before: str, shift: object) -> bool:
    """Is the weekday part of a name ("Sheffield Wednesday", a football club)?"""
    if shift is not None or m.get("pre") or before not in m.lex.words.weekday_names:
        return False
    at = m.text.rfind(before[:1].upper() + before[1:], max(0, m.start - 40), m.start)
    return at >= 0 and not m.text[at + len(before) : m.start].strip()


def _known_name(m: Match, word: str) -> bool:
    """Is ``word`` a month, weekday or part of the day ("Sunday Morning" is no newspaper)?"""
    word = word.lower().rstrip(".,")
    return word in m.lex.months or word in m.lex.weekdays or word in m.lex.parts_of_day


# a month and a day after a weekday: "Wednesday, Nov. 21"
_DATE_AFTER = re.compile(r",?\s+([A-Z][a-z]+)\.?\s+\d")

# verbs "early" tells the manner of: "shops will close early on Monday" (not "closed early
# Monday", wire copy's time of a past event)
_EARLY_VERBS = frozenset(
    {
        *("close", "closes", "shut", "shuts", "leave", "leaves", "finish", "finishes"),
        *("open", "opens", "start", "starts", "end", "ends"),
        # "closing early tonite": a post's progressive
        *("closing", "opening", "leaving", "finishing", "starting", "ending"),
    }
)
# what "late" after it tells of a person, no part of the day: "nobody be late monday morning",
# "don't be late tomorrow", "we're running late tonight" (not "is late Tuesday", a schedule's)
_TARDY_BEFORE = frozenset(("be", "been", "being", "running", "i'm", "im"))


def _tardy(m: Match) -> bool:
    """Is "late" before the day a person's lateness ("nobody be late monday morning")?"""
    return _lower(m.get("pre")) == "late" and m.word_before().lower() in _TARDY_BEFORE


# a state "late" tells how long it lasts: "drugstores are open late this week", "we're also
# open late tomorrow" (not "will open late next month", late in the month)
_OPEN_LATE = re.compile(
    r"(?:\b(?:is|are|be|stay|stays|stayed|staying|remain|remains)|[\x27\u2019](?:re|s))"
    r"(?:\s+(?:also|still))?\s+open\s+$"
)


def _open_late(m: Match) -> bool:
    """Does "late" before the day tell how long a state lasts ("we're open late tomorrow")?"""
    if _lower(m.get("pre")) != "late":
        return False
    return _OPEN_LATE.search(m.text, max(0, m.start - 30), m.start) is not None


def _manner_dropped(m: Match) -> Match:
    """Without "late" when it tells how long a state lasts ("are open late this week").

    So without "late" or "early" after a delay's length: "pickup runs one day late this week".
    """
    pre = _lower(m.get("pre"))
    if pre not in ("late", "early") or not m.get("shift"):
        return m
    lasting = _open_late(m)
    if not (lasting or _delay_before(m)):
        return m
    at = m.text.index(m.groups["shift"], m.start + 4)
    return attrs.evolve(m, start=at, groups={k: v for k, v in m.groups.items() if k != "pre"})


# units of a delay before "late" or "early": "ran 20 minutes late on Monday", "two days early"
_DELAY_UNITS = frozenset(
    ("minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr", "days", "day", "weeks")
)


def _delay_before(m: Match) -> bool:
    """Is the length before "early" or "late" a delay ("ran 20 minutes late on Monday")?

    Not a length "for" which something lasted: "closed the lane for about two hours early
    Monday" is early Monday.
    """
    if m.word_before() not in _DELAY_UNITS:
        return False
    return "for" not in m.text[max(0, m.start - 40) : m.start].lower().split()[-6:-1]


# "effective Thursday": a change announced takes hold on a day still to come, as a deadline
_WEEKDAY_DEADLINES = frozenset({"until", "till", "til", "by", "through", "thru", "effective"})


def _in_the_unit(m: Match) -> Mention | None:
    """The day (week...) of the last date mentioned, for "earlier in the day"."""
    unit = _lower(m.get("unit"))
    mod = "START" if _lower(m.get("pre")).startswith("earl") else "END"
    return Relative(m.start, m.end, unit, 0, Origin.ANCHOR, mod=mod)


def _weekend(m: Match) -> Mention | None:
    # "give me till the weekend": a deadline, the coming weekend
    return Weekday(m.start, m.end, 6, weekend=True, deadline=m.deadline(m.lex.words.deadline))


_THAT_VERBS = frozenset(
    ("so", "now", "such", "think", "thought", "know", "knew", "hope", "hoped", "believe", "sure")
)
# "lets decide that sunday morning": the pronoun "that" (the matter), the weekday alone; "we
# decided that Friday works" is the conjunction
_THAT_VERBS |= frozenset(("decide", "decided", "discuss", "discussed"))


def _that_clause(m: Match) -> bool:
    """Is the "that" of "that Friday" a conjunction ("said that Friday was", "so that Monday")?"""
    before, after = m.word_before().lower(), m.word_after().lower()
    words = m.lex.words
    if before in _THAT_VERBS or before in words.speech:
        return True
    return after in words.future or after in words.past or after in words.present


def _anchored_weekday(m: Match) -> Mention | None:
    before = _lower(m.get("rel")) in ("previous", "preceding") or _lower(m.get("ba")) == "before"
    shift = -1 if before else 1  # "the monday after": the following Monday
    if m.get("that"):
        if _that_clause(m):
            return None  # "said that Friday would work": the weekday is a clause's subject
        shift = 0  # "that friday": in the week of the date told
    weekday = _weekday_number(m, m.get("wd"))
    pod = m.get("pod")  # "the following Monday night"
    clock = Clock(part=m.lex.parts_of_day[_lower(pod)]) if pod else None
    return Weekday(m.start, m.end, weekday, shift, clock=clock, anchored=True)


_NTH_WEEK_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25}


def _last_week_day(month: int, year: int | None) -> int:
    """The middle day of a month's last seven days: the 27th of September, the 28th of May."""
    if month == 2:
        return 26 if year is not None and calendar.isleap(year) else 25
    return _days_in(month) - 3


# words before "week of" that make it a count, not the week named: "spent a week of May 6"
_NOT_BEFORE_WEEK_OF = frozenset(("a", "an", "one", "each", "every", "per", "any", "this", "that"))


def _week_of(m: Match) -> Mention | None:
    nth = _lower(m.get("nth"))
    if not m.get("the") and m.word_before() in _NOT_BEFORE_WEEK_OF:
        return None  # "a week of March 6 deliveries"; "TODO - week of mar 9" is the week
    if bool(nth) == bool(m.get("day") or m.get("dom") or m.get("dday")):
        return None  # "the week of March 6" or "the second week of March", not both or neither
    weekend = m.get("end") is not None  # "the weekend of March 6": the weekend nearest it
    if weekend and nth:
        return None  # "the second weekend of March" counts Saturdays, not weeks
    if dom := m.get("dom"):  # "the week of the 16th": a day of the month alone
        if nth:
            return None
        day, year, month = int(dom[:-2]), None, None
    else:
        # The nth seven-day stretch of the month, named by the ISO week holding its middle day.
        dday = m.get("dday")  # day first: "the weekend of 11 June"
        year = _year(m, "dyear" if dday else "year")
        month = _month(m, "dmon" if dday else "mon")
        if nth in ("last", "final"):  # "the last week of September" (2022): Sept. 26-30
            day = _last_week_day(month, year)
        else:
            day = _NTH_WEEK_DAY[nth] if nth else _day(dday or m.groups["day"])
    deadline = m.deadline(m.lex.words.deadline)
    known = year is not None
    return Calendar(
        *(m.start, m.end, year, month, day),
        explicit_year=known,
        deadline=deadline,
        week_of=not weekend,
        weekend_of=weekend,
    )


def _clock_part(m: Match) -> Mention | None:
    hour = int(m.groups["h"])
    part = _lower(m.get("part"))
    if part in ("afternoon", "evening", "night") and hour < 12:
        hour += 12
    if hour > 24:
        return None
    clock = Clock(hour=hour % 24, minute=int(m.get("mi") or 0))
    return Relative(m.start, m.end, "day", 0, Origin.ANCHOR, clock=clock, mod=_qmod(m))


_AFTERNOON = frozenset(
    (
        "tonight",
        "tonite",
        "2nite",
        "this afternoon",
        "this evening",
        "in the afternoon",
        "in the evening",
        "tomorrow afternoon",
        "tomorrow evening",
        "tomorrow night",
        "yesterday afternoon",
        "yesterday evening",
        "yesterday night",
        "last night",
    )
)
_CLOCK_DAYS = {
    "tomorrow": 1,
    "yesterday": -1,
    "last": -1,
    "tonight": 0,
    "tonite": 0,
    "2nite": 0,
    "this": 0,
}
# "between" before a spoken reading, or its "and" after the first one told with its part of
# day: "between [ten in the morning] and [two in the afternoon]"
_BETWEEN_AND = re.compile(
    r"\b(?:[Bb]etween\s+$|[Bb]etween\s+[a-z' -]{3,30}\s+(?:in\s+the\s+(?:morning|afternoon|evening)"
    r"|o'clock|[ap]\.?m\.?)\s+and\s+$)"
)
_CLOCK_BEFORE = frozenset(
    {
        *("at", "by", "until", "till", "from", "before", "after", "since", "around", "about"),
        *("it's", "it\u2019s"),
    }
)


def _spoken_hour_minute(m: Match) -> tuple[int, int] | None:
    """The hour and minute of "half past three", "ten to six", "nine thirty" as written."""
    hour = m.lex.numbers[_lower(m.get("hw"))]
    minute = parse_number(_lower(m.get("mw")).replace("oh ", ""), m.lex) if m.get("mw") else 0
    if rel := _lower(m.get("rel")).removesuffix(" minutes"):
        if m.get("mw"):
            return None  # "half past nine thirty"
        count = 30 if rel == "half" else 15 if rel.endswith("quarter") else parse_number(rel, m.lex)
        if count is None or count > 30 or (rel == "half" and _lower(m.get("dir")) != "past"):
            return None
        if _lower(m.get("dir")) in ("past", "after"):
            minute = count
        else:  # "a quarter to five": 4:45
            hour, minute = (hour - 2) % 12 + 1, 60 - count
    return (hour, minute) if minute is not None and minute < 60 else None


# the minutes a clock reading counts to or past an hour without the word "minutes"
_ROUND_MINUTES = frozenset((5, 10, 20, 25))


def _spoken_clock_placed(m: Match, ctx: str) -> bool:
    """Do the words around a clock reading in words say it is one?

    A reading with minutes needs a part of day or a zone ("closed at twelve fifty" is a
    price), a bare hour a preposition too ("Two in the morning shift were fired"), and "ten
    to six" a preposition or a part of day ("the odds are ten to one").
    """
    if not (ctx or m.get("zone")) and (m.get("mw") or not m.get("rel")):
        return False  # "ten o'clock Tuesday" is read by the rule for clock times with a day
    rel = _lower(m.get("rel"))
    bare = not (m.get("mw") or m.get("oc") or rel)
    counted = rel and rel.split()[-1] not in ("half", "quarter")  # "ten to six"
    # "at (about) nine tonight", "it's coming up to twenty to eleven"
    placed = m.get("qmod") or m.word_before() in _CLOCK_BEFORE or _time_check(m)
    # "between ten in the morning and two in the afternoon": a range's two ends
    placed = placed or _BETWEEN_AND.search(m.text, max(0, m.start - 60), m.start) is not None
    if (bare or (counted and not ctx)) and not placed:
        return False
    if counted and not rel.endswith("minutes") and parse_number(rel, m.lex) not in _ROUND_MINUTES:
        return False  # "beat Lakeport six to two this afternoon": a score ("six minutes to two")
    after = m.word_after().lower()
    return after not in m.lex.words.amounts and after not in m.lex.words.counted


def _spoken_clock(m: Match) -> Mention | None:
    """A clock time in words, with what places it: "nine thirty in the morning".

    "half past three", "a quarter to five this afternoon", "eleven at night", "nine tonight".
    """
    ctx = _lower(m.get("ctx"))
    found = _spoken_hour_minute(m) if _spoken_clock_placed(m, ctx) else None
    if found is None:
        return None
    hour, minute = found
    later = ctx in _AFTERNOON or (ctx == "at night" and hour >= 6)
    if (later and hour < 12) or (not ctx and _spoken_afternoon(m, hour)):
        hour += 12
    clock, mod = Clock(hour=hour, minute=minute), _qmod(m)
    if not ctx and _time_check(m):  # "it's coming up to half past ten": the time now
        return Relative(m.start, m.end, "day", 0, clock=clock, mod=mod)
    if not ctx or ctx.startswith("in the") or ctx == "at night":
        return Relative(m.start, m.end, "day", 0, Origin.ANCHOR, clock=clock, mod=mod)
    return Relative(m.start, m.end, "day", _CLOCK_DAYS[ctx.split()[0]], clock=clock, mod=mod)


def _spoken_afternoon(m: Match, hour: int) -> bool:
    """Is a reading in words from one to five, after a clock preposition, the afternoon's?

    As "at 3:15" is: "under way at a quarter past three", "from half past two" (not a bare
    hour, not with a zone, nor with the night or dawn near: "at half past four, before dawn").
    """
    if not 1 <= hour <= 5 or m.get("zone") or not (m.get("rel") or m.get("mw") or m.get("oc")):
        return False
    if m.word_before() not in _CLOCK_PREPOSITIONS:
        return False
    return not _night_near(m)


# a broadcast's time check: "It's ten past eight", "it's coming up to half past ten", "it's
# just gone a quarter to seven", "It is now twenty past nine"
_TIME_CHECK = re.compile(
    r"\b[Ii]t(?:['\u2019]s|\s+is)\s+(?:now\s+|just\s+)?"
    r"(?:(?:coming\s+up\s+to|gone|after|approaching)\s+)?(?:just\s+)?$"
)


def _time_check(m: Match) -> bool:
    """Is the clock reading the time now, after "it's" and a word of nearing or passing?"""
    before = m.text[max(0, m.start - 40) : m.start]
    return ("t's" in before or "t\u2019s" in before or "t is" in before) and (
        _TIME_CHECK.search(before) is not None
    )


def _clock_range_start(m: Match) -> Mention | None:
    """The first hour of "from 3 to 5 p.m.", "9-11 a.m.": a.m. or p.m. comes from the second."""
    if m.get("h24"):  # "from 14:05 to 17:52 UTC on July 20"
        clock = Clock(hour=int(m.groups["h24"]), minute=int(m.groups["mi24"]))
        return _range_start_on_day(m, clock, "2")
    noon = m.get("noon")
    hour, last = 12 if noon else int(m.groups["h"]) % 12, int(m.groups["h2"]) % 12
    wd = m.get("wd")
    if noon or (own := _lower(m.get("ap1")).strip(" .")):
        if not (wd or m.get("dd") or m.get("mon") or m.get("hol")):
            return None  # "9am until 5pm", "noon to 4 p.m.": a clock of its own, on the day in view
        hour += 12 if not noon and own.startswith("p") else 0  # "from 9am until 5pm on Monday"
    elif _lower(m.get("ap") or m.get("ap3")) == "p" and hour <= last:  # "3 to 5 p.m.", "3-7p"
        hour += 12
    return _clock_range_day(m, Clock(hour=hour, minute=int(m.get("mi") or 0)))


def _clock_range_day(m: Match, clock: Clock) -> Mention | None:
    """The first hour of a range of hours, on the day the range ends (or the day in view)."""
    wd = m.get("wd")
    named = _weekday_number(m, wd) if wd else None
    if named is not None:  # "from 2 to 5 p.m. Sunday": on the day the range ends
        return Weekday(m.start, m.end, named, _shift(m), clock=clock)
    if dd := m.get("dd"):  # "from 9 to 11 a.m. tomorrow"
        return Relative(m.start, m.end, "day", m.lex.deictic_days[_lower(dd)], clock=clock)
    if m.get("mon"):  # "from 2 p.m. to 5:52 p.m. on July 20"
        return _range_start_on_day(m, clock, "")
    if hol := m.get("hol"):  # "from 7am to 1pm on Christmas Eve": the holiday's clock
        feast = _holiday(attrs.evolve(m, groups={"hol": hol, "year": ""}))
        if not isinstance(feast, Calendar):
            return None
        return attrs.evolve(feast, start=m.start, end=m.end, clock=clock)
    return Relative(m.start, m.end, "day", 0, _clock_origin(m), clock=clock)


# standing hours: "Hours are 10 a.m. to 9 p.m. daily", "is open Monday through Friday from 8
# a.m.", "is staffed Monday through Friday", a theatre's "Performances are Wednesday through
# Sunday at 8 p.m.", hours after a plural weekday ("holds sessions on Tuesdays and Thursdays
# from 10 a.m. to 2 p.m.") or after a set's weekday ("has handed out groceries every Wednesday
# from 9 a.m. to noon"), a meal or a tour served or offered daily ("Breakfast is served daily
# from 7am to 10:30am"), or the clock of two plural weekdays ("training is Tuesdays and
# Thursdays at 7pm"); not one day's ("Polls are open from 7 a.m. to 8 p.m.")
_STANDING_HOURS = re.compile(
    r"\b(?:hours\b[^.;!?]{0,40}?\b(?:are|run)|(?:(?:is|are)\s+(?:open|staffed|served|offered)|(?:performances|"
    r"shows|screenings)\s+are)\s+(?:daily|every\s+day|"
    r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\s+(?:through|to|-|\u2013)"
    # every week's days: "Model units are open Saturdays and Sundays from 11 a.m."
    r"|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\s+(?:and|from))|"
    r"(?P<plural>(?:(?:every|each)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)\s+(?:from|between|at)))\b",
    re.IGNORECASE,
)


_WILL_BE = re.compile(r"\bwill\b")
# a school's or a timetable's daily hours: "High schools begin at 7:40 a.m.", "Morning exams
# run from 9 to 11:30 a.m." (a plural subject and a plural verb in the present: every day's);
# not "Classes began at 8 a.m." (past) nor "The exam runs from 9 to 11" (one exam)
_DAILY_TIMETABLE = re.compile(
    r"\b(?:schools|classes|exams|lessons|sessions|shifts)\b[^.;!?]{0,40}?\b"
    r"(?:begin|start|run|end|finish|let\s+out)\b",
    re.IGNORECASE,
)
# a range of hours kept on working days: "call between 8 a.m. and 4 p.m. on weekdays" (the
# first time, then the last)
_ON_WEEKDAYS = re.compile(
    r"(?:\s*(?:and|to|until|-|\u2013)\s*[^;!?\n]{1,15}?)?\s+on\s+"
    r"(?:weekdays|weeknights|school\s+days)\b"
)


# a range of hours kept every day: "open 7 a.m. to 7 p.m. daily" (the first time, then the
# last, whose "daily" is a set of its own)
_RANGE_DAILY = re.compile(r"(?:\s*(?:to|until|till|-|\u2013)\s*[^;!?\n]{1,12}?)?\s+daily\b")
_RANGE_WEEKDAYS = re.compile(
    r"(?:\s*(?:to|until|till|-|\u2013)\s*[^;!?\n]{1,12}?)?\s+(?:on\s+)?"
    + _DAY_NAME
    + r"s?\s*(?:through|thru|to|-|\u2013)\s*"
    + _DAY_NAME
)
_OPEN_BEFORE = re.compile(
    r"\b(?:is|are)\s+open\s+(?:from\s+)?(?:[^;!?\n]{1,12}?\s*(?:to|until|till|-|\u2013)\s*)?$"
)


def _open_every_day(m: Match, after: str) -> bool:
    """Is the clock time one end of the hours something "is open" every day or on weekdays?

    "customer service, which is open 7 a.m. to 7 p.m. daily", "is open 7 a.m. to 7 p.m.
    Monday through Friday": every such day's hours.
    """
    if not (_RANGE_DAILY.match(after) or _RANGE_WEEKDAYS.match(after)):
        return False
    window = m.text[max(0, m.start - 40) : m.start]
    return "open" in window and _OPEN_BEFORE.search(window) is not None


# the first time of a range of hours kept every day, whatever verb keeps them: "call the
# hotline from 8 a.m. to 8 p.m. daily", "crews work 7 a.m. to 6 p.m. daily"
_RANGE_TO_DAILY = re.compile(r"\s*(?:to|until|till|-|\u2013)\s*[^;!?\n]{1,12}?\s+daily\b")
_AND_DAILY = re.compile(r"\s+and\s+[^;!?\n]{1,12}?\s+daily\b")
_DAILY_NEXT = re.compile(r"\s+daily\b")
_RANGE_CLOSERS = (" to", "until", "till", " and", "-", "\u2013")


def _range_every_day(m: Match, after: str) -> bool:
    """Is the clock time one end of a range of hours kept "daily"?

    "Customers can call from 8 a.m. to 8 p.m. ET daily": every day's hours, on no day the text
    told before ("Refunds are available until Dec. 31."), as "is open 8 a.m. to 8 p.m. daily".
    """
    if _RANGE_TO_DAILY.match(after):
        return True
    before = m.text[max(0, m.start - 9) : m.start].rstrip().lower()
    if before.endswith("between"):  # "between 7 a.m. and 6 p.m. daily"
        return _AND_DAILY.match(after) is not None
    return before.endswith(_RANGE_CLOSERS) and _DAILY_NEXT.match(after) is not None


def _hours_range(m: Match, after: str) -> bool:
    """Is the clock time one end of a range of hours ("between 8 a.m. and 4 p.m.")?"""
    if after.lstrip().startswith("on "):  # the range's last time
        return m.word_before() in ("and", "to", "until")
    return m.text[max(0, m.start - 9) : m.start].lower().rstrip().endswith(("between", "from"))


# cheap hints of standing hours before a clock time: "is open", "hours are", "performances",
# "on Tuesdays", "every Wednesday", "is served daily"
_HOURS_HINTS = (
    *("open", "ours", "ances", "shows", "screenings", "ffed", "days ", "every ", "each "),
    *("served", "offered"),
)


# a set of days right before the hours, or before the first of their range: "run daily 9a-7p",
# "open every day from 10 a.m. to 6 p.m.", "nightly 8-11pm"
_EVERY_DAY_BEFORE = re.compile(
    r"\b(?:daily|nightly|every\s+day|each\s+day)\s+(?:from\s+|at\s+)?"
    r"(?:[\d:.]+\s*(?:[ap]\.?m?\.?)?\s*(?:[-\u2013]|to|until|til|till)\s*)?$"
)


# a start told before hours in their sentence: "Summer hours start Memorial Day: open daily"
_HOURS_START = re.compile(r"\b(?:[Ss]tart(?:s|ing)?|[Bb]egin(?:s|ning)?)\b")


def _clock_origin(m: Match) -> Origin:
    """Where a clock time alone is: on the reference's day in standing hours, else in view.

    "The office is open Monday through Friday from 8 a.m. to 4:30 p.m.": every week's hours,
    whose times are on no day the text told (as "Office hours are Mondays from 1 to 3 p.m.");
    so are a school's daily times ("High schools begin at 7:40 a.m.") and hours "on weekdays".
    """
    after = m.text[m.end : m.end + 40]
    if "days" in after and _ON_WEEKDAYS.match(after) and _hours_range(m, after):
        return Origin.REFERENCE
    if ("day" in after or "daily" in after) and _open_every_day(m, after):
        return Origin.REFERENCE  # "customer service, open 7 a.m. to 7 p.m. daily"
    if "daily" in after and _range_every_day(m, after):
        return Origin.REFERENCE  # "call the hotline from 8 a.m. to 8 p.m. daily"
    near = m.text[max(0, m.start - 30) : m.start]
    if ("ly " in near or "day " in near) and _EVERY_DAY_BEFORE.search(near):
        # "splash pads run daily 9a-7p": every day's hours (not hours that start on a day
        # told: "Summer hours start Memorial Day: open daily 9am to 5pm" are that day's)
        begin = _opening_after(m.text, _SENTENCE_OPEN, max(0, m.start - 120), m.start)
        if _HOURS_START.search(m.text, begin, m.start) is None:
            return Origin.REFERENCE
    window = m.text[max(0, m.start - 120) : m.start]
    hours = any(word in window for word in _HOURS_HINTS)
    daily = any(word in window for word in ("ools ", "sses ", "xams ", "ons ", "ifts "))
    if not (hours or daily):
        return Origin.ANCHOR  # a cheap test first: most clock times are no opening hours
    begin = _opening_after(m.text, _SENTENCE_OPEN, max(0, m.start - 120), m.start)
    found = _STANDING_HOURS.search(m.text, begin, m.start) if hours else None
    # "Starting April 12, the store will also be open on Sundays from 10 a.m.": that day's
    standing = found is not None and not (
        found.group("plural") and _WILL_BE.search(m.text, begin, found.start())
    )
    if not standing and daily:
        standing = _DAILY_TIMETABLE.search(m.text, begin, m.start) is not None
    return Origin.REFERENCE if standing else Origin.ANCHOR


def _range_start_on_day(m: Match, clock: Clock, suffix: str) -> Mention:
    """The first time of a range that ends on a date: on that date ("between 14:05 and ...")."""
    year = _year(m, "year" + suffix)
    return Calendar(
        m.start,
        m.end,
        year,
        month=_month(m, "mon" + suffix),
        day=_day(m.groups["day" + suffix]),
        clock=clock,
        explicit_year=year is not None,
    )


def _part_of_day(m: Match) -> Mention | None:
    part = m.lex.parts_of_day[_lower(m.get("part"))]
    mod = _edge_mod(m, _lower(m.get("pre")))
    if m.get("wd"):  # "late afternoon Thursday"
        weekday = _weekday_number(m, m.get("wd"))
        return Weekday(m.start, m.end, weekday, clock=Clock(part=part), mod=mod)
    if m.get("dd"):  # "mid-afternoon yesterday"
        offset = m.lex.deictic_days[_lower(m.get("dd"))]
        return Relative(m.start, m.end, "day", offset, clock=Clock(part=part), mod=mod)
    return Relative(m.start, m.end, "day", 0, Origin.ANCHOR, mod=mod, clock=Clock(part=part))


def _a_title(m: Match) -> bool:
    """Is a capitalized "Today" a name: "USA Today", "This is VOA Today", "the Today programme"?"""
    word = m.text[m.start : m.end]
    if not word[:1].isupper() or word.isupper() or m.get("pre") or _sentence_start(m):
        return False
    if m.word_after().lower().rstrip(".,") in _TITLE_NOUNS:
        return True  # "told BBC Radio 4's Today programme", "the Today show"
    previous = m.text[max(0, m.start - 40) : m.start].split()
    return m.text[m.start - 1] == " " and bool(previous) and previous[-1][:1].isupper()


# nouns after a capitalized "Today" that make it a programme's or a paper's name
_TITLE_NOUNS = frozenset(
    ("programme", "program", "show", "newspaper", "paper", "presenter", "host", "edition")
)


# possessives before "last": "our last night in a real bed" is the trip's final night
_POSSESSIVE_WORDS = frozenset(("my", "our", "your", "his", "her", "its", "their"))


_FINAL_OF = (" of ", " under ", " before ")


def _final_one(m: Match) -> bool:
    """Is "last" the final one of a stretch ("spent our last night", "the last night of")?"""
    if m.text[m.start : m.start + 9].lower() == "the last ":
        # "In 2010, the last year under the old calendar": a rank, not the year just past
        # ("spent the last decade of his life in Lisbon" is its last ten years)
        return m.text[m.end : m.end + 8].lower().startswith(_FINAL_OF[1:])
    if m.text[m.start : m.start + 5].lower() != "last ":
        return False
    before = m.word_before().lower()
    if before in _POSSESSIVE_WORDS:
        return True
    # "the last night of the tour" (not "over the last week", the one just past)
    return before == "the" and m.text[m.end : m.end + 8].lower().startswith(_FINAL_OF)


def _deictic(m: Match) -> Mention | None:
    early_late = _lower(m.get("pre")) in ("early", "late")
    if (_lower(m.get("pre")) == "early" and m.word_before() in _EARLY_VERBS) or (
        early_late and (_delay_before(m) or _tardy(m) or _open_late(m))
    ):
        # "services will end early tonight": how early they end, not early tonight; "ferries
        # ran 90 minutes late this morning": the delay's, not late this morning
        at = m.start + len(m.groups["pre"])
        at += len(m.text[at : m.end]) - len(m.text[at : m.end].lstrip())
        m = attrs.evolve(m, start=at, groups={k: v for k, v in m.groups.items() if k != "pre"})
    pre = _lower(m.get("pre"))
    mod = _edge_mod(m, pre)
    if m.get("dby") or m.get("dat") or _a_title(m):
        # "the day before yesterday", "the day after tomorrow"; not a name ("USA Today")
        offset = -2 if m.get("dby") else 2
        return None if _a_title(m) else Relative(m.start, m.end, "day", offset)
    if m.get("tonight"):
        return Relative(m.start, m.end, "day", 0, clock=Clock(part="NI"), mod=mod)
    if m.get("lastnight"):
        if _final_one(m):
            return None
        # "overnight" is tonight, or last night in a past clause ("snow fell overnight")
        offset, past = (0, -1) if _lower(m.get("lastnight")) == "overnight" else (-1, None)
        night = Clock(part="NI")
        return Relative(m.start, m.end, "day", offset, clock=night, mod=mod, past_offset=past)
    if pod := m.get("pod2"):
        part = m.lex.parts_of_day[_lower(pod)]
        return Relative(m.start, m.end, "day", 0, clock=Clock(part=part), mod=mod)
    offset = m.lex.deictic_days[_lower(m.get("dd"))]
    return Relative(m.start, m.end, "day", offset, clock=_clock(m), mod=mod)


_UNIT_OF = {"weekend": "week", "wknd": "week", "wk": "week", "yr": "year"}  # "nxt wk", "last yr"
_EDGE_DAYS = {"first": 1, "last": -1, "final": -1}


_END_CODES = {"eow": "week", "eoq": "quarter", "eoy": "year"}


def _end_code(m: Match) -> Mention | None:
    """A workplace's "by EOW", "EOQ", "EOY", "due end of month": the current unit's end."""
    unit = _END_CODES.get(_lower(m.get("code"))) or _lower(m.get("eunit"))
    return Relative(m.start, m.end, unit, 0, mod="END")


def _fiscal_edge(m: Match, unit: str, mod: str | None) -> Mention | None:
    """A fiscal year's edge: "by the end of the fiscal year" after "fiscal year 2012"."""
    if not m.get("fiscal") or unit != "year" or (fiscal := _fiscal_year_named(m)) is None:
        return None
    return Calendar(m.start, m.end, fiscal, mod=mod)


def _shifted_unit(m: Match) -> Mention | None:
    m = _manner_dropped(m)
    unit = _lower(m.get("unit"))
    unit = "year" if unit == "yr" else unit  # "last yr", as chat writes it
    pre = _lower(m.get("pre")).strip("- ")
    mod = _mod(m, "pre")
    if pre in ("the rest of", "the remainder of"):
        mod = "END"
    edge = _EDGE_DAYS.get(pre.split()[1], 0) if pre.endswith("day of") else 0
    if edge and unit not in ("month", "quarter", "year"):
        return None  # "the first day of the week" depends on the calendar's custom
    if edge:
        mod = None
    if m.get("the"):  # "by the end of the year": a deadline, in news from the reference
        # "the rest of the year": from now on, as a deadline is
        # ("the rest of the day" is the day in view: "Wednesday is bad, I'm out the rest of
        # the day")
        rest = pre.startswith("the re") and unit != "day"
        ahead = m.word_before() in ("by", "before", "until") or rest
        return _fiscal_edge(m, unit, mod) or Relative(
            m.start, m.end, unit, 0, Origin.ANCHOR, mod=mod, edge=edge, ahead=ahead
        )
    shift = _shift(m)
    # the pattern requires a shift word; "our last week in Lisbon" is the stay's final week
    # "a moon just past last quarter": the moon's phase
    phase = unit == "quarter" and shift == -1 and not pre and _moon_near(m)
    if shift is None or (shift == -1 and _final_one(m)) or phase:
        return None
    if unit in m.lex.seasons:
        return Calendar(m.start, m.end, None, season=m.lex.seasons[unit], shift=shift, mod=mod)
    the = m.text[m.start : m.start + 4].lower() == "the "
    long = unit in ("decade", "century") and (shift == -1 or (shift == 1 and the)) and not pre
    if long or unit == "fortnight":
        # "the past decade", "over the next decade": ten years long; "the past fortnight":
        # two weeks, no unit of the calendar
        value = "P2W" if unit == "fortnight" else duration_value(unit, 1)
        return Fixed(m.start, m.end, TimexType.DURATION, value)
    # "compared with $3 million last year": in a results report, the same quarter a year back
    compares = unit == "year" and shift == -1 and not pre and _comparison_before(m)
    # "last year" names the year when the report is on months or a year; "a year earlier"
    # counts back from the period in view (TBAQ: 1988-Q3 after "For the nine months")
    compares = compares and not _longer_period_before(m)
    return Relative(
        m.start,
        m.end,
        _UNIT_OF.get(unit, unit),
        shift,
        mod=mod,
        weekend=unit in ("weekend", "wknd"),
        compares=compares and not edge,
        edge=edge,
    )


_COMPARISON = re.compile(
    r"(?:compared\s+(?:with|to)|versus|vs\.|against|from|than)\s+(?:[^.;]|\.(?=\d)){0,60}$",
    re.IGNORECASE,
)


def _comparison_before(m: Match) -> bool:
    """Does the clause compare an amount with the one before ("compared with $3 million")?"""
    return _COMPARISON.search(m.text, max(0, m.start - 80), m.start) is not None


# a report on months or a year, not a quarter: "In the nine months, net rose ... from $504.2
# million last year", "net income for the year ended Aug. 31 ... down from C$9.7 million"
_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six|eight|ten|eleven|twelve|\d{1,2})\s+months\b|\byear\s+(?:ended|ending|to)\b|"
    r"\bfull[\s-]year\b|\bfor\s+the\s+year\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"])")


def _longer_period_before(m: Match) -> bool:
    """Does the sentence report on a period longer than a quarter before the comparison?"""
    begin = _opening_after(m.text, _SENTENCE_END, max(0, m.start - 250), m.start)
    return _LONGER_PERIOD.search(m.text, begin, m.start) is not None


# "Four score and seven years ago": an old count of twenties, of which only the end is seen
_SCORE_BEFORE = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+score\s+and\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _after_score(m: Match) -> bool:
    """Does an old count of twenties end where the match's count is ("four score and seven")?"""
    raw = m.get("n")
    at = m.text.find(raw, m.start) if raw else m.start
    if "score" not in m.text[max(0, at - 40) : at].lower():
        return False  # a cheap test first
    return _SCORE_BEFORE.search(m.text, max(0, at - 40), at) is not None


def _count(m: Match) -> int | None:
    raw = m.get("n")
    if raw is None or _after_score(m):
        return None
    return parse_number(raw, m.lex)


_ANCHORED_DIRECTIONS = {"earlier": -1, "later": 1, "before": -1, "after": 1, "on": 1}
_ONWARD = frozenset(("later", "after", "on"))
_IN_YEARS = {"decade": 10, "century": 100, "millennium": 1000}


def _countable(unit: str, count: int) -> tuple[str, int, str | None]:
    """Units calendar arithmetic counts in: "a decade ago" is ten years ago, and names a year."""
    if unit in _IN_YEARS:
        return "year", count * _IN_YEARS[unit], "year"
    if unit == "fortnight":
        return "week", count * 2, None
    return unit, count, None


_CLOCK_UNITS = {"second": 1, "minute": 60, "hour": 3600}
_DAY_SECONDS = 86400


def _clock_count_back(m: Match, unit: str, count: int | None, direction: str) -> Mention | None:
    """The day a count of hours or minutes back falls on ("two hours ago"), as a day can say.

    The reference is a day, so a count of hours or minutes back is read to the day: under a
    day it is the reference's day itself ("the quake struck two hours ago"), whole days of
    hours are those days ("48 hours ago"), and any other count of a day or more is the nearest
    day, approximately ("36 hours ago"). Counted from another date ("an hour later") it stays
    a duration, as TimeML annotates it ("Just [over an hour] later").
    """
    if count is None or direction != "ago":
        return None  # "hours ago": could be yesterday
    days, rest = divmod(count * _CLOCK_UNITS[unit], _DAY_SECONDS)
    mod = None
    if days and rest:
        days, mod = round(count * _CLOCK_UNITS[unit] / _DAY_SECONDS), "APPROX"
    return Relative(m.start, m.end, "day", -days, mod=mod, grain="day")


_BACK = frozenset(("ago", "back"))
# a comparison whose "than" comes after a second one: "ice forms three weeks later and breaks
# up two weeks earlier than it did": both counts are differences
_PAIRED_THAN = re.compile(r"\s+and\s+[^.;:,!?]{0,60}?\b(?:later|earlier|sooner)\s+than\b")


def _ages_ago(m: Match, unit: str, direction: str) -> Mention | None:
    """A count of millions of years back ("66 million years ago") is before any TIMEX3 year."""
    if direction not in _BACK or unit not in ("year", "decade", "century"):
        return None
    return Fixed(m.start, m.end, TimexType.DATE, "PAST_REF", mod=_point_mod(m))


_SPAN_BEFORE = frozenset(
    ("the", "for", "in", "of", "within", "during", "over", "those", "these", "from", "until", "to")
)
_PLANNED = re.compile(r"\b(?:will|shall|going\s+to)\b|'ll\b", re.IGNORECASE)


def _span_before(m: Match, direction: str) -> bool:
    """Is "N units before." a length, not a point counted from the date told?

    "for a day after.", "from four days before the rash appears until four days after." (a
    span around an event), "I'll remind everyone a couple days before." (a plan counted from
    the event ahead); "had run out of powder two days before." is a point.
    """
    if direction not in ("before", "after"):
        return False
    if m.word_before().lower() in _SPAN_BEFORE:
        return True
    clause = m.text[max(0, m.start - 120) : m.start]
    clause = re.split(r"[.!?\n]", clause)[-1]
    return _PLANNED.search(clause) is not None


def _ago(m: Match) -> Mention | None:
    unit = m.lex.units[_lower(m.get("unit"))]
    direction = _lower(m.get("dir"))
    if m.get("big"):
        return _ages_ago(m, unit, direction)
    count = _count(m)
    unread = m.get("n") and count is None and _lower(m.get("n")) not in m.lex.vague_numbers
    # "two weeks later than normal": a difference, the duration alone
    than = direction in ("later", "earlier") and (
        m.word_after().lower() == "than" or _PAIRED_THAN.match(m.text, m.end) is not None
    )
    if unread or than or _after_score(m) or _span_before(m, direction):
        return None  # "Four score and seven years ago": a count not read
    if unit in _CLOCK_UNITS:
        return _clock_count_back(m, unit, count, direction)
    if count is None:  # "years ago": a fuzzy past; "years later" is not read
        return Fixed(m.start, m.end, TimexType.DATE, "PAST_REF") if direction in _BACK else None
    unit, count, grain = _countable(unit, count)
    if today := m.get("today"):
        within = _lower(today).split()[-1]  # "a year ago today", "ten years ago this month"
        if within in m.lex.seasons and direction == "ago" and unit == "year":
            season = m.lex.seasons[within]  # "twenty-five years ago this spring"
            mod = _point_mod(m)
            return Calendar(m.start, m.end, None, season=season, shift=0, mod=mod, years_back=count)
        if direction == "ago" and (within == "today" or unit == "year"):
            grain = "day" if within == "today" else within  # the same day (month) back
        else:  # "three days later today": "today" is an expression of its own
            m = attrs.evolve(m, end=m.end - len(today))
    return _counted(m, unit, count, grain, direction)


def _counted(m: Match, unit: str, count: int, grain: str | None, direction: str) -> Relative:
    """The point "N units ago", "N units later" or "N units from now" names."""
    mod = _point_mod(m)
    # "up from $10 a year earlier": a comparison's year back; "a year later" tells a story on
    compares = unit == "year" and count == 1 and grain is None and direction not in _ONWARD
    contrast = direction == "ago" and _comparison_before(m)
    if direction in _ANCHORED_DIRECTIONS:
        sign = _ANCHORED_DIRECTIONS[direction]
        return Relative(
            m.start, m.end, unit, sign * count, Origin.ANCHOR, mod, grain=grain, compares=compares
        )
    sign = 1 if direction in ("from now", "from today", "hence") else -1
    if sign == 1 and mod in ("BEFORE", "AFTER"):
        mod = "AFTER" if mod == "BEFORE" else "BEFORE"
    return Relative(
        m.start,
        m.end,
        unit,
        sign * count,
        mod=mod,
        grain=grain,
        compares=compares,
        contrast=contrast,
    )


def _point_mod(m: Match) -> str | None:
    """The mod of a point reached by an inexact count: "more than a decade ago" is BEFORE."""
    word, mod = _lower(m.get("qmod")), _qmod(m)
    if word in ("nearly", "almost", "close to") or mod == "APPROX":
        return "APPROX"
    return {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "EQUAL_OR_MORE": "ON_OR_BEFORE"}.get(
        mod or "", mod
    )


def _after_superlative(m: Match) -> bool:
    """Is "in N units" the span a superlative spans ("the first rise in five years")?

    Not when a verb that looks ahead comes between: "the first shipment will arrive in two
    weeks" is a date two weeks on.
    """
    words = _lower(m.text[max(0, m.start - 50) : m.start]).split()[-6:-1]
    found = [i for i, word in enumerate(words) if word in m.lex.words.superlatives]
    if not found:
        return False
    between = words[found[-1] + 1 :]
    ahead = m.lex.words.future | m.lex.words.intent
    return not any(word in ahead for word in between)


def _after_count(m: Match) -> bool:
    """Does a count of things come right before "in N units" ("four matches in ten days")?"""
    words = m.text[max(0, m.start - 40) : m.start].split()[-3:]
    if len(words) < 3 or not words[1].endswith("s") or words[1][:1].isupper():
        return False
    count = words[0].lower()
    return count.isdigit() or (count in m.lex.numbers and count not in ("a", "an"))


_FREQUENCY_BEFORE_IN = ("once in", "twice in", "thrice in", "times in")


def _after_frequency(m: Match) -> bool:
    """Does a count of times come right before "in N units" ("once in six years")?"""
    before = m.text[max(0, m.start - 12) : m.start].rstrip().lower()
    return before.endswith(_FREQUENCY_BEFORE_IN)


def _in_units(m: Match) -> Mention | None:
    unit = m.lex.units[_lower(m.get("unit"))]
    count = _count(m)
    if count is None or unit in ("second", "minute", "hour"):
        return None
    if unit == "quarter" and _lower(m.get("n")) in ("a", "an"):
        return None  # "in a quarter that produced a loss": any quarter
    within = duration_value(unit, count)
    mod = "APPROX" if m.get("qmod") or m.get("orso") else None  # "in two weeks or so"
    if _after_superlative(m) or _after_count(m) or _after_frequency(m):
        # "the first rise in five years", "will play four matches in ten days", "only
        # once in six years": how long
        return Fixed(m.start, m.end, TimexType.DURATION, within, mod)
    unit, count, grain = _countable(unit, count)
    return Relative(m.start, m.end, unit, count, grain=grain, within=within, mod=mod)


_ANAPHORIC = {
    "next": 1,
    "following": 1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "same": 0,
    "that": 0,
    "that same": 0,
}


def _anaphoric_season(m: Match) -> Mention | None:
    """A season told from the last date given: "that autumn", "the following spring"."""
    shift = _ANAPHORIC[_lower(m.get("rel") or m.get("that"))]
    if m.get("mon"):  # "that December", "the following March"
        month = _month(m)
        if month == 5 and m.get("that") and m.word_after()[:1].islower():
            return None  # "that May be": the modal
        return Calendar(m.start, m.end, None, month, shift=shift, anchored=True)
    season = m.lex.seasons[_lower(m.get("season"))]
    return Calendar(m.start, m.end, None, season=season, shift=shift, anchored=True)


def _anaphoric(m: Match) -> Mention | None:
    unit = _lower(m.get("unit"))
    if m.get("that") and m.word_before() in ("so", "such", "now"):
        return None  # "so that weekend traffic is not held up": the conjunction
    bare = bool(m.get("bare"))  # "in the evening": that of the day told just before
    if bare and _HABIT_BEFORE.search(m.text, max(0, m.start - 60), m.start):
        return None  # "I usually run in the morning": a habit's, no date
    if ba := m.get("ba"):
        offset = -1 if _lower(ba) == "before" else 1
    elif bare:
        offset = 0
    else:
        offset = _ANAPHORIC[_lower(m.get("rel") or m.get("that"))]
    clock = None
    if unit in m.lex.parts_of_day:
        clock = Clock(part=m.lex.parts_of_day[unit])
        unit = "day"
    weekend = unit == "weekend"
    unit = _UNIT_OF.get(unit, unit)
    mod = _edge_mod(m, _lower(m.get("pre")))
    # "will spend $3 million over the next month": the month ahead of the writer, in news
    ahead = _lower(m.get("rel")) == "next" and m.word_before() in _STRETCH
    # "that week", "the same month": the one of the date just told, even a plan ahead
    # ("the weekend of May 4. Can you cover that week?"); the grain marks it so
    told = offset == 0 and unit in ("week", "month", "year") and not m.get("ba")
    if m.get("mback"):  # "the same month last year": the month told, twelve back
        offset = -12
    return Relative(
        *(m.start, m.end, unit, offset, Origin.ANCHOR, mod, clock),
        grain=unit if told else None,
        weekend=weekend,
        ahead=ahead,
        day_in_view=bare,
    )


_STRETCH = frozenset(("over", "for", "during", "within"))
# a habit's part of the day: "usually runs in the morning", "works every day in the evening"
_HABIT_BEFORE = re.compile(
    r"\b(?:usually|often|always|sometimes|generally|normally|typically|every|each|never)\b"
    r"[^.!?;]*$",
    re.IGNORECASE,
)


_DURATION_LETTERS = {
    "second": ("T", "S", 1),
    "minute": ("T", "M", 1),
    "hour": ("T", "H", 1),
    "day": ("", "D", 1),
    "week": ("", "W", 1),
    "fortnight": ("", "W", 2),
    "month": ("", "M", 1),
    "quarter": ("", "Q", 1),
    "year": ("", "Y", 1),
    "decade": ("", "Y", 10),
    "century": ("", "Y", 100),
    "millennium": ("", "Y", 1000),
}
_HALF_OF = {"year": "6M", "hour": "30M", "day": "T12H", "minute": "30S", "month": "15D"}


def duration_value(unit: str, count: int | None, *, and_a_half: bool = False) -> str:
    """The TIMEX3 duration value of ``count`` units (``None``: an unknown number).

    "and a half" adds half a unit in the next smaller one: a year and a half is ``P1Y6M``.
    """
    time, letter, factor = _DURATION_LETTERS[unit]
    if count is None:
        return f"P{time}X{'Y' if unit in ('decade', 'century', 'millennium') else letter}"
    value = f"P{time}{count * factor}{letter}"
    if and_a_half and unit in _HALF_OF:
        value += _HALF_OF[unit]
    elif and_a_half and letter == "Y":  # "a decade and a half": P15Y
        value = f"P{count * factor + factor // 2}Y"
    elif and_a_half and unit == "week":  # weeks do not mix with other units in ISO 8601
        value = f"P{count * 7 + 3}DT12H"
    return value


_SHORT_UNITS = frozenset(("min", "mins", "hr", "hrs", "wk", "wks", "yr", "yrs"))


_COPULAS = frozenset(("is", "was", "be", "been", "are", "were"))
# an age before the count: "aged 5 to 17 months", "ages 6-12 months", "at the age of 18 months"
_AGED_BEFORE = re.compile(
    r"\b(?:aged|ages?(?:\s+(?:of|at))?)\s+(?:(?:between|from|under|over)\s+)?"
    r"(?:[\w.]+\s*(?:to|and|-|–)\s*)?$",
    re.IGNORECASE,
)
_KIND_OF_DAY = frozenset(("for", "when", "to", "that", "like"))


# "four hours and 41 minutes", "an hour and 52 minutes", "two minutes and 10 seconds", and
# without "and": "the outage lasted 3 hours 12 minutes", "2 minutes 30 seconds"
_AND_SMALLER = re.compile(
    r"\s+(?:and\s+)?(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>minutes?|seconds?)(?![\w-])"
)
_SMALLER_UNIT = {"hour": ("minute", "M"), "minute": ("second", "S")}


def _and_smaller(m: Match, unit: str, count: int) -> tuple[int, str] | None:
    """The end and value of a count joined to one of the next smaller unit, if one follows."""
    if unit not in _SMALLER_UNIT:
        return None
    found = _AND_SMALLER.match(m.text, m.end)
    if found is None or not found.group("unit").startswith(_SMALLER_UNIT[unit][0]):
        return None
    smaller = parse_number(found.group("n").lower(), m.lex)
    if smaller is None or not 0 < smaller < 60:
        return None
    if unit == "hour":
        return found.end(), f"PT{count}H{smaller}M"
    return found.end(), f"PT{count}M{smaller}S"


def _not_a_duration(m: Match, unit: str, raw: str, count: int | None) -> bool:
    """Counts of units that name something else: "a second official", ages, fractions."""
    if raw and count is None and raw not in m.lex.vague_numbers:
        return True  # "1.5 years": fractional counts are not read
    adjective = m.text[m.end - 5 : m.end] == "-long" or _lower(m.get("unit")).endswith("s")
    # "a year-round calendar", "a day-to-day basis": one word, no length
    adjective = adjective or bool(_COMPOUND_AFTER.match(m.text, m.end))
    if raw in ("a", "an") and (unit == "second" or adjective):
        return True  # "a second official"; "a year-long inquiry", "a decades-long battle"
    short = m.groups["unit"]
    if short.lower() in _SHORT_UNITS and (raw in ("a", "an") or short.isupper()):
        return True  # "a HR manager", "the 3 HR departments": "hrs", "mins" go with digits
    grouped = unit == "year" and "," in raw  # "100,000 years", as "10 million years"
    if (
        count is not None
        and not grouped
        and (count > 10000 or (count > 999 and unit not in ("year", "second")))
    ):
        return True  # "the 1988 quarter" names a quarter; "3600 seconds" is a timeout
    # "000 years" is the end of "100,000 years", read whole or not at all
    tail = _THOUSANDS_TAIL.search(m.text, max(0, m.start - 4), m.start) is not None
    if tail or _an_age(m) or (unit == "day" and _cricket_format(m)):
        return True
    # "Today is a day for the families": a kind of day, not a length
    kind = raw in ("a", "an") and m.word_before() in _COPULAS and m.word_after() in _KIND_OF_DAY
    # "three times as many days above 100": a count of days, not a length
    kind = kind or (raw == "many" and m.word_before() in ("as", "how", "so", "too"))
    # "He never slowed down, not for a minute": "not at all", no length
    kind = kind or (
        raw == "a"
        and unit == "minute"
        and _NOT_FOR.search(m.text, max(0, m.start - 16), m.start) is not None
    )
    kind = kind or _some_occasions(m, raw) or _day_observed(m, raw, unit)
    return kind or (unit == "quarter" and _not_quarters_of_time(m, raw)) or _any_one(m, raw)


# "a day of mourning", "A day of remembrance has been held since 1950": a day kept, no length
_OBSERVANCE = re.compile(
    r"\s+of\s+(?:mourning|remembrance|prayer|fasting|reflection|thanksgiving|protest|"
    r"action|solidarity|celebration|commemoration|reconciliation)\b",
    re.IGNORECASE,
)


def _day_observed(m: Match, raw: str, unit: str) -> bool:
    """Is "a day" one kept for something ("a day of mourning"), not a length?"""
    return unit == "day" and raw in ("a", "an") and _OBSERVANCE.match(m.text, m.end) is not None


# a clause's opening before "Some days": "He played every day. Some days twice."
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?;:,]\s*[\"'\u201c]?|[\"\u201c]|\n)\s*$")
# words after "some days" that keep it a length: "Some days later", "some weeks of talks"
_SOME_LENGTH_AFTER = frozenset(
    {
        *("later", "earlier", "ago", "after", "before", "of", "into", "passed", "went", "elapsed"),
        *("had", "have", "has", "were", "are", "would", "will", "and", "or"),
    }
)


def _some_occasions(m: Match, raw: str) -> bool:
    """Is "Some days" opening a clause some of the days, not a length ("Some days twice")?

    "Some nights we slept on the bus" tells on which nights, as "on some days"; "Some days
    later" and "some weeks of talks" stay lengths.
    """
    if raw != "some" or not _CLAUSE_OPENING.search(m.text, max(0, m.start - 4), m.start):
        return False
    return m.word_after().lower() not in _SOME_LENGTH_AFTER


# "the worst start to a year", "a quiet end to a week", "born on the 10th of a month": any
# one such period, no length
_PART_TO = re.compile(
    r"\b(?:start|end|beginning|finish)\s+to\s+$|\d(?:st|nd|rd|th)\s+of\s+$", re.IGNORECASE
)


def _any_one(m: Match, raw: str) -> bool:
    """Is "a year" any one year, after "start to" ("the worst start to a year")?

    Not before "of": "a quiet end to a week of talks" is a week's length.
    """
    if raw not in ("a", "an") or not _PART_TO.search(m.text, max(0, m.start - 16), m.start):
        return False
    return m.word_after().lower() != "of"


_NOT_FOR = re.compile(r"\b(?:not|never)\s+(?:even\s+)?for\s+$", re.IGNORECASE)


# a number's group of thousands right before the count: the count is its tail
_THOUSANDS_TAIL = re.compile(r"\d,$")

# a unit joined by a hyphen to a word other than "and" ("a year-round calendar", "a
# month-to-month lease"; not "a year-and-a-half wait")
_COMPOUND_AFTER = re.compile(r"-(?!and\b)[a-z]")

# "five one-day internationals", "one-day cricket", "two one-day matches", "away from the
# four-day game" (the format, as "the short game"): a kind of match, not a length; one match's
# days are its length ("The five-day match starts at 10.30am")
_MATCH_FORMATS = frozenset(
    (
        *("international", "internationals", "cricket", "odi", "odis", "matches", "game"),
        *("games", "fixtures", "tests", "format", "formats"),
        # a one-day competition and those who play it: "the one-day cup", "the one-day squad"
        *("cup", "squad", "squads", "captain", "specialist", "specialists"),
    )
)


def _cricket_format(m: Match) -> bool:
    """Is the count a cricket format ("one-day internationals"), not a length?"""
    after = m.word_after().lower().rstrip(".,;:!?")
    return m.text[m.end - 4 : m.end] == "-day" and after in _MATCH_FORMATS


def _an_age(m: Match) -> bool:
    """Is the count an age ("a 6-year-old", "52 years old", "aged 5 to 17 months")? Not tagged.

    So is a count "of age" ("the first dose at 12 to 15 months of age") and one a person is
    younger or older than ("babies younger than 6 months"; "logs older than 30 days" is a
    length, as things are not aged).
    """
    if m.get("old") or _OLD_AFTER.match(m.text, m.end, m.end + 12):
        return True
    if _AGED_BEFORE.search(m.text, max(0, m.start - 30), m.start) is not None:
        return True
    if "than" not in m.text[max(0, m.start - 8) : m.start]:  # the cheap test first
        return False
    return _THAN_AGE_BEFORE.search(m.text, max(0, m.start - 40), m.start) is not None


_OLD_AFTER = re.compile(r"\s+(?:old|of\s+age)\b")
_THAN_AGE_BEFORE = re.compile(
    r"\b(?:babies|infants|children|kids|toddlers|people|adults|patients|girls|boys|women|men|"
    r"anyone|everyone|those|teens|teenagers|students|residents)"
    r"\s+(?:(?:who\s+are|aged)\s+)?(?:younger|older)\s+than\s+$",
    re.IGNORECASE,
)


def _not_quarters_of_time(m: Match, raw: str) -> bool:
    """Quarters that are a share or a measure: "a quarter point", "three-quarters"."""
    if raw in ("a", "an"):
        after = m.word_after()
        if after == "of" or (after[:1].islower() and after not in m.lex.words.after_year):
            return True  # "a quarter point", "a quarter of the vote"
    if _share_of(m):
        return True  # "three quarters of the town"; not "two quarters of the year"
    text = m.text[m.start : m.end]
    return re.search(r"-quarters\b", text, re.IGNORECASE) is not None


_OF_WHAT = re.compile(r"\s+of\s+((?:[\w'-]+\s+){0,2}[\w'-]+)")
_SHARE_OF = frozenset(("all", "each", "every", "those", "these", "them", "us"))


def _share_of(m: Match) -> bool:
    """Do "quarters" share out a whole ("three quarters of all voters") rather than count time?

    The whole begins with a determiner and holds no unit of time: "two quarters of negative
    growth" and "the first two quarters of the year" count time.
    """
    found = _OF_WHAT.match(m.text, m.end, m.end + 60)
    if found is None:
        return False
    words = found.group(1).lower().split()
    if words[0] not in m.lex.words.determiners and words[0] not in _SHARE_OF:
        return False
    return not any(word.rstrip(".,;'s") in m.lex.units for word in words[1:])


_BEFORE_VERB = frozenset(
    ("to", "will", "would", "could", "may", "might", "can", "should", "must", "and", "not")
)

# Words after which "over N units" is a quantity, more than N ("lasted over a week", "for
# over a decade", "just over an hour"); after any other word "over" is a preposition, and
# the count is the stretch of time something is spread over ("be used over three years",
# "$40 billion over 10 years", "held in seven phases over six weeks"), as TBAQ tags them.
_MORE_THAN_OVER = frozenset(
    (
        "for", "in", "of", "just", "well", "slightly", "little", "than", "after", "within",
        "last", "lasts", "lasted", "lasting", "take", "takes", "took", "taken", "taking",
        "spent", "spend", "spends", "spending", "waited", "wait", "waiting", "stayed", "stay",
        "served", "serve", "lived", "worked", "is", "was", "are", "were", "be", "been", "ago",
        # time given or logged: "you gave over 900 hours", "volunteers logged over 40 hours"
        "gave", "give", "gives", "given", "giving", "logged", "volunteered", "clocked",
    )
)  # fmt: skip


# verbs whose particle "in" comes before "over": "phased in over three years" is spread over
# them, not done in more than them ("finished in over an hour")
_PHRASAL_IN = re.compile(
    r"\b(?:phas|eas|usher|factor|bring|brought)(?:e|es|ed|ing|s)?\s+in\s+$", re.I
)


def _spread_over(m: Match) -> bool:
    """Is the "over" of "over N units" a preposition, the count a stretch of time?"""
    if _lower(m.get("qmod")) != "over" or m.get("det"):
        return False
    if _sentence_start(m) and m.text[m.end : m.end + 1] == ",":
        return True  # "Over two years, the plan was cut": the stretch of what follows
    before = m.word_before()
    if not before:  # the start of a text, or after a sign: "rose 5% over two years"
        return m.text[max(0, m.start - 2) : m.start].strip()[-1:] in ("%",)
    if before == "in" and _PHRASAL_IN.search(m.text, max(0, m.start - 30), m.start):
        return True  # "phased in over three years": the verb's particle, no "in" of a time
    return before not in _MORE_THAN_OVER and not m.text[m.start : m.start + 1].isupper()


def _a_name(m: Match) -> bool:
    """Is the count a name's, "the Thirty Years' War", "the Six-Day War", "the Hundred Days"?"""
    if not m.groups["unit"][:1].isupper():
        return False
    if m.text[m.end : m.end + 1] in ("'", "\u2019") or (
        m.word_after()[:1].isupper() and m.char_after() != ","
    ):
        return True  # "Years' War", "Day War"
    if re.match(r"\s+of\s+[A-Z]", m.text[m.end : m.end + 6]):
        return True  # "the 24 Hours of Le Mans", "the Twelve Days of Christmas"
    number_at = m.text.index(m.groups["n"], m.start)
    before = m.text[max(0, number_at - 20) : number_at].rstrip()
    return m.groups["n"][:1].isupper() and before[-1:].isalpha()  # "the Hundred Days"


# a percentage or an amount right before "over": "12% over two years" is a change during them
_MEASURE_BEFORE = re.compile(
    r"(?:\d\s?%|\d\s+(?:percent|per\s+cent|(?:percentage\s+)?points?)|\$\d[\d.,]*"
    r"(?:\s+(?:million|billion|trillion))?)\s+$",
    re.IGNORECASE,
)


# "six days a week" after a count of days: how often, not how long
_RATE_AFTER = re.compile(r"\s+(?:a|per)\s+week(?![\w-])(?!\s+(?:ago|earlier|later)\b)")


def _counted_by_another(m: Match, unit: str) -> bool:
    """Is the count another expression's: "lost the final two years ago", "six days a week"?"""
    number_at = m.text.index(m.groups["n"], m.start)
    if m.word_after() == "ago" and not m.get("qmod") and number_at > m.start:
        return True  # "lost the final two years ago": the count is the one "ago" counts back
    # "up to six days a week": a set, read from the count
    return bool(m.get("qmod")) and unit == "day" and _RATE_AFTER.match(m.text, m.end) is not None


def _duration(m: Match) -> Mention | None:
    if (into := m.get("into")) and (m.get("det") or not _opens_sentence(m)):
        # "Two months in, ...": only a sentence's opening count ("stuck for two days in,
        # of all places, Ohio" keeps "in" outside)
        groups = {k: v for k, v in m.groups.items() if k != "into"}
        m = attrs.evolve(m, end=m.end - len(into), groups=groups)
    raw = _lower(m.get("n"))
    unit = m.lex.units[_lower(m.get("unit"))]
    count = parse_number(raw, m.lex) if raw else None
    if _not_a_duration(m, unit, raw, count) or _a_name(m) or _after_score(m):
        return None
    upto = m.get("upto")  # "3-5 business days": a range of counts
    if _counted_by_another(m, unit) or (upto and not _count_range(raw, upto, m)):
        return None
    number_at = m.text.index(m.groups["n"], m.start)
    half = bool(m.get("frac") or m.get("half2"))
    value = duration_value(unit, count, and_a_half=half)
    if not half and count is not None and (joined := _and_smaller(m, unit, count)):
        m, value = attrs.evolve(m, end=joined[0]), joined[1]  # "four hours and 41 minutes"
    if m.get("det") and _lower(m.get("qmod")) in ("over", "about", "around"):
        # "over the past five years", "the questions are about the next few years": a
        # preposition before the determiner, outside the span; "over the 12-month period":
        # an adjective alone
        adjective = m.text[number_at + len(m.groups["n"]) + len(upto or "")] == "-"
        start = number_at if adjective else m.text.index(m.groups["det"], m.start)
        return Fixed(start, m.end, TimexType.DURATION, value)
    if (
        _spread_over(m)
        or (
            _lower(m.get("qmod")) == "over"
            and _MEASURE_BEFORE.search(m.text, max(0, m.start - 40), m.start)
        )
        or (_lower(m.get("qmod")) == "up to" and m.word_before() in _RISE_VERBS)
    ):
        # "$40 billion over 10 years", "uptime 99.9% over 30 days": during, not more than;
        # "next week I go up to 50 min": the verb's particle and "to", the length reached
        return Fixed(number_at, m.end, TimexType.DURATION, value)
    if m.text[m.start : m.start + 5].lower() == "last " and _last_verb(m):
        m = attrs.evolve(m, start=m.start + 5)  # "expected to last several weeks": a verb
    after_count = number_at + len(m.groups["n"]) + len(upto or "")
    adjective = m.text[after_count] == "-"  # "the 24-hour strike"
    # "the 20 minute safety video": a singular unit after a count is an adjective too
    adjective = adjective or (
        count is not None and count > 1 and _lower(m.get("unit")) in _SINGULAR_UNITS
    )
    if m.get("det") and adjective and m.text[m.start : number_at].strip().lower() == "the":
        return Fixed(number_at, m.end, TimexType.DURATION, value, _qmod(m))
    return Fixed(m.start, m.end, TimexType.DURATION, value, _qmod(m))


_SINGULAR_UNITS = frozenset(("second", "minute", "hour", "day", "week", "month", "year"))

# verbs whose "up" goes with them before "to" and a length: "I go up to 50 min", "the
# sessions move up to two hours" (a length reached, no most: "lasts up to two hours" is)
_RISE_VERBS = frozenset(
    ("go", "goes", "going", "went", "gone", "move", "moves", "moved", "moving", "bump",
     "bumps", "bumped", "bumping", "work", "works", "worked", "working", "build", "builds",
     "built", "building", "step", "steps", "stepped", "stepping")
)  # fmt: skip


_NOT_SUBJECTS = frozenset(("this", "its", "his", "was", "is", "has", "does", "as", "us", "plus"))


def _last_verb(m: Match) -> bool:
    """Is "last" before the count a verb ("expected to last several weeks")?

    So is it after a plural subject ("the shows last two hours"), not after a determiner ("its
    last two years").
    """
    before = m.word_before()
    if before in _BEFORE_VERB:
        return True
    plural = before[-1:] == "s" and before.isalpha() and before.islower()
    spaced = m.text[m.start - len(before) - 1 : m.start].lower() == f"{before} "
    return plural and spaced and before not in _NOT_SUBJECTS and before not in _THE_ITS


def _count_range(raw: str, upto: str, m: Match) -> bool:
    """Is "3-5" or "two to three" before a unit a range of counts, the second the larger?

    Written alike (digits with digits, words with words), and not an age ("aged 5 to 17").
    """
    second = upto.lstrip("\u2013-").strip()
    if second[:2] in ("to", "or"):
        second = second[2:].strip()
    low, high = parse_number(raw, m.lex), parse_number(second.lower(), m.lex)
    if low is None or high is None or low >= high or raw.isdigit() != second.isdigit():
        return False
    return m.word_before() not in ("aged", "ages", "age")


# A unit's fraction is written in the next smaller unit: 2.5 hours is PT2H30M
_FRACTION_IN = {"year": (12, "M"), "day": (24, "H"), "hour": (60, "M"), "minute": (60, "S")}


def _decimal_duration(m: Match) -> Mention | None:
    """A decimal count of units: "2.5 hours" is ``PT2H30M``, "1.5 years" ``P1Y6M``.

    Only fractions that come out whole in the next smaller unit are read ("1.2 years" is
    14.4 months, which a TIMEX3 value cannot write without decimals); "1.5 weeks" is days
    and hours, since weeks mix with no other unit; seconds keep their decimals ("won in 47.92
    seconds" is ``PT47.92S``), as a race's "3:58.4" does.
    """
    unit = m.lex.units[_lower(m.get("unit"))]
    start, qmod = _qmod_before(m)  # "about 2.5 hours"
    whole, part = int(m.groups["whole"]), m.groups["part"]
    fraction = Fraction(int(part), 10 ** len(part))
    if unit == "week":
        hours = (whole + fraction) * 168
        if hours.denominator != 1:
            return None
        days, rest = divmod(int(hours), 24)
        value = f"P{days}D" + (f"T{rest}H" if rest else "")
    elif unit in _FRACTION_IN:
        per, letter = _FRACTION_IN[unit]
        smaller = fraction * per
        if smaller.denominator != 1:
            return None
        value = duration_value(unit, whole) if whole else ("PT" if unit != "year" else "P")
        if smaller:
            if value in ("PT", "P") or "T" in value or unit == "year":
                value += f"{int(smaller)}{letter}"
            else:  # a day's fraction in hours: P3DT12H
                value += f"T{int(smaller)}{letter}"
    elif unit == "second":
        # the last unit keeps its fraction, as ISO 8601 allows: a race's "47.92 seconds"
        value = f"PT{whole}.{part}S"
    else:
        return None
    if value in ("P", "PT", "P0D"):
        return None  # "0.0 hours"
    every = _EVERY_BEFORE.search(m.text, max(0, m.start - 6), m.start)
    if every and qmod is None:
        return Fixed(every.start(), m.end, TimexType.SET, value)  # "every 29.5 days"
    return Fixed(start, m.end, TimexType.DURATION, value, qmod)


_EVERY_BEFORE = re.compile(r"(?<![\w-])[Ee]very\s+$")


def _qmod_before(m: Match) -> tuple[int, str | None]:
    """The start and mod of a count with its quantity modifier before it ("about 2.5 hours")."""
    before = m.text[max(0, m.start - 24) : m.start]
    lowered = before.lower()
    for words, mod in m.lex.quantity_modifiers.items():
        if lowered.endswith(" " + words + " ") or lowered == words + " ":
            return m.start - len(words) - 1, mod
    return m.start, None


_HALF_SHIFTS = {"century": ("year", 50), "decade": ("year", 5)}
_HALF = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "century": "P50Y", "decade": "P5Y"}


def _half_unit(m: Match) -> Mention | None:
    unit = m.lex.units[_lower(m.get("unit"))]
    if m.get("quarter"):
        return _quarter_hour(m, unit)
    if direction := _lower(m.get("dir")):  # "half a century later": fifty years on
        if unit not in _HALF_SHIFTS:  # "[Half an hour] later"
            end = m.start + len(m.text[m.start : m.end].rsplit(None, 1)[0])
            return Fixed(m.start, end, TimexType.DURATION, _HALF[unit], _qmod(m))
        shift_unit, count = _HALF_SHIFTS[unit]
        if direction == "ago":
            return Relative(m.start, m.end, shift_unit, -count, mod=_point_mod(m))
        sign = _ANCHORED_DIRECTIONS[direction]
        return Relative(m.start, m.end, shift_unit, sign * count, Origin.ANCHOR, _point_mod(m))
    return Fixed(m.start, m.end, TimexType.DURATION, _HALF[unit], _qmod(m))


def _quarter_hour(m: Match, unit: str) -> Mention | None:
    """A quarter of an hour is PT15M, a quarter of a century 25 years; "later" stays out."""
    quarters = 1 if _lower(m.get("quarter")) == "quarter" else 3
    direction = _lower(m.get("dir"))
    if unit == "century":  # "a quarter of a century ago": 25 years back
        if not direction:
            return Fixed(m.start, m.end, TimexType.DURATION, f"P{25 * quarters}Y", _qmod(m))
        sign = -1 if direction == "ago" else _ANCHORED_DIRECTIONS[direction]
        origin = Origin.REFERENCE if direction == "ago" else Origin.ANCHOR
        return Relative(m.start, m.end, "year", sign * 25 * quarters, origin, _point_mod(m))
    if unit != "hour":
        return None  # "a quarter of a year": not read
    value = "PT15M" if quarters == 1 else "PT45M"
    end = m.end
    if m.get("dir"):  # "a quarter of an hour later": a length, as "[half an hour] later"
        end = m.start + len(m.text[m.start : m.end].rsplit(None, 1)[0])
    return Fixed(m.start, end, TimexType.DURATION, value, _qmod(m))


_BIG = {"million": 10**6, "billion": 10**9}


def _ages_duration(m: Match) -> Mention | None:
    """A count of millions of years: "10 million years" is P10000000Y, "4.6 billion" too."""
    raw = m.groups["n"]
    if "." in raw:
        whole, part = raw.split(".")
        count = Fraction(int(whole)) + Fraction(int(part), 10 ** len(part))
    else:
        number = parse_number(raw, m.lex)
        if number is None:
            return None
        count = Fraction(number)
    years = count * _BIG[_lower(m.get("big"))]
    if years.denominator != 1 or _an_age(m):
        return None  # "put its age at 76.2 million years", as "125 million years old"
    return Fixed(m.start, m.end, TimexType.DURATION, f"P{years.numerator}Y", _qmod(m))


# the prepositions before a study's "week 24": a point reached, a span's ends
_STUDY_POINT = frozenset(
    ("at", "by", "through", "until", "till", "to", "from", "after", "before", "since")
)


# the weeks or months of a study listed after a preposition of a point: "at week 4, week 12
# and", "from month 3 or"
_STUDY_LIST = re.compile(
    r"\b(?:"
    + "|".join(sorted(_STUDY_POINT))
    + r")\s+(?P<unit>week|month)\s+\d{1,3}(?:,\s+(?P=unit)\s+\d{1,3})*,?\s+(?:(?:and|or)\s+)?$"
)


def _study_week(m: Match) -> Mention | None:
    """A study's week or month, the time elapsed since it began: "at week 24" is P24W.

    Lower case only, after a preposition of a point ("In Week 3" is a sports season's), or
    listed after such a week: "at week 4, week 12 and week 24".
    """
    if m.word_before().lower() not in _STUDY_POINT and not _STUDY_LIST.search(
        m.text, max(0, m.start - 80), m.start
    ):
        return None
    unit = m.lex.units[m.groups["unit"]]
    return Fixed(m.start, m.end, TimexType.DURATION, duration_value(unit, int(m.groups["n"])))


def _unit_long(m: Match) -> Mention | None:
    """One unit's span, as an adjective: "a day-long meeting", "a year-long inquiry"."""
    unit = m.lex.units[_lower(m.get("unit"))]
    return Fixed(m.start, m.end, TimexType.DURATION, duration_value(unit, 1))


# "last" after a determiner is an adjective, not the verb of "it will last years"
_ADJECTIVE_LAST = re.compile(
    r"(?<![\w'])(?:the|its|their|his|her|our|my|your)\s+last\s+$", re.IGNORECASE
)


# a vague count of units from an event: "founded months after the breakup", "days before"
# (not "breakfast hours later this year": the "later" of a date of its own)
_VAGUE_FROM = re.compile(
    r"\s+(?:later|earlier|after|before)(?![\w-])(?!\s+(?:this|next|today|tonight|tomorrow)\b)",
    re.IGNORECASE,
)
_THE_ITS = frozenset(
    [
        "the",
        "those",
        "these",
        "its",
        "their",
        "his",
        "her",
        "in",
        "of",
        "for",
        "first",
        "last",
        "final",
        "early",
        "initial",
        "opening",
    ]
)


def _in_advance(m: Match) -> bool:
    """Is the count one of time in advance ("book visits weeks in advance", "days ahead")?"""
    if re.match(r"\s+ahead\s+of\b", m.text[m.end : m.end + 12]):
        return False  # "years ahead of its time": a comparison
    return m.text.startswith(" in advance", m.end) or m.word_after().rstrip(".,") in (
        "ahead",
        "beforehand",
    )


# "needs weeks of bidding", "follows months of talks": a vague stretch of something
_VAGUE_OF = re.compile(r"\s+of\s+[a-z]")


def _stretch_of(m: Match) -> bool:
    """Is the vague count a verb's object and a stretch of what follows ("needs weeks of work")?

    Not after a determiner or an adjective ("the days of", "its early years of", "heady
    days of"): a verb in "-s" or "-ed", or one of the past tense, comes right before.
    """
    if not _VAGUE_OF.match(m.text, m.end):
        return False
    word = m.word_before()
    if word in m.lex.words.determiners or word in _THE_ITS or word in _NOT_VERBS_S:
        return False
    if len(word) > 4 and word.endswith("ing"):  # "ending weeks of speculation"
        return word not in _NOT_VERBS_ING
    if word in m.lex.words.past or (len(word) > 3 and word.endswith(("s", "ed"))):
        return True
    # a verb's plain form after a relative, an infinitive's "to", a modal or a plural subject:
    # "prices that assume decades of growth", "it will take years of work"
    return _PLAIN_VERB_BEFORE.search(m.text, max(0, m.start - 30), m.start) is not None


# the verb's plain form in "that assume [decades] of", "will take [years] of"
_PLAIN_VERB_BEFORE = re.compile(
    r"\b(?:that|which|who|to|will|would|could|can|must|should|might|they|we)\s+[a-z]{3,}\s+$"
)


# words in "-s" before a vague count that are no verbs: "those years of", "various days of"
_NOT_VERBS_S = frozenset(("this", "those", "various", "previous", "numerous", "glorious"))
# words in "-ing" that are no verbs: "the evening hours of", "in the closing days of"
_NOT_VERBS_ING = frozenset(("morning", "evening", "spring", "during", "closing", "opening"))


# a vague count joined to one of a span before it: "for weeks, and possibly months"
_JOINED_PLURAL = re.compile(
    r"\b([a-z]+)\s+(?:years|months|weeks|days|decades|hours|minutes)(?:,\s+(?:and|or)(?:\s+"
    r"(?:possibly|perhaps|maybe|probably|even))?|\s+(?:and|or)\s+(?:possibly|perhaps|maybe|"
    r"probably|even))\s+$",
    re.IGNORECASE,
)


_OR_PLURAL = re.compile(r"\s+or\s+(?:years|months|weeks|days|decades|hours|minutes)(?!\w)")


def _coordinated_plural(m: Match) -> bool:
    """Is the vague count the other end of one read as a span ("for days or weeks")?"""
    found = _JOINED_PLURAL.search(m.text, max(0, m.start - 50), m.start)
    return found is not None and found.group(1).lower() in m.lex.words.span_verbs


# "completed weeks into the season", "months into his term": a stretch after a start
_VAGUE_INTO = re.compile(r"\s+into\s+(?:the|his|her|its|their|a|an|this|that)\s", re.IGNORECASE)
# "turned weeks into months": a change of one thing into another
_TURN_INTO = frozenset(
    ("turn", "turns", "turned", "turning", "make", "made", "convert", "converted")
)


def _vague_into(m: Match) -> bool:
    """Is the vague count a stretch into something begun ("weeks into the season")?"""
    if not _VAGUE_INTO.match(m.text, m.end):
        return False
    before = m.word_before()
    return before not in _THE_ITS and before not in _TURN_INTO


# a count and a noun before the unit: "three snow days", "two sick days" count days of a kind
_COUNTED_NOUN = re.compile(r"(?<![\w.,])([\w-]+)\s+[a-z]+\s+$")


def _counted_days_noun(m: Match) -> bool:
    """Is the plural unit the head of a counted noun ("built three snow days into it")?"""
    found = _COUNTED_NOUN.search(m.text, max(0, m.start - 30), m.start)
    if found is None or (m.lex.numbers.get(found.group(1).lower()) or 0) < 2:
        return False  # "one caught hours later": a pronoun and a verb
    noun = found.group(0).split()[1]
    return not noun.endswith("ed") and noun not in m.lex.words.past


# a place to look up a venue's opening hours: "Check the parks page for hours", "see our
# website for hours and prices" (not "waited for hours")
_HOURS_LOOKED_UP = re.compile(
    r"\b(?:page|site|website|web\s+site|details|info|app|link|bio|account)\s+for\s+$", re.I
)


def _opening_hours(m: Match) -> bool:
    """Are bare "hours" after "for" a venue's opening hours, looked up on a page?"""
    return _HOURS_LOOKED_UP.search(m.text, max(0, m.start - 30), m.start) is not None


def _vague_plural(m: Match) -> Mention | None:
    unit = m.lex.units[_lower(m.get("unit"))]
    context = _lower(m.get("ctx"))
    long = m.text[m.end - 5 : m.end].lower() == "-long"  # "a decades-long battle"
    # "went into winter quarters after the battle": an army's camp, no count of quarters
    camp = unit == "quarter" and m.word_before().lower() in m.lex.seasons
    if camp or (not context and _counted_days_noun(m)) or (unit == "hour" and _opening_hours(m)):
        return None
    if not (
        context
        or long
        or m.word_before() in m.lex.words.span_verbs
        or _in_advance(m)
        # "founded months after the breakup"; not "the months after the crash"
        or (_VAGUE_FROM.match(m.text, m.end) and m.word_before() not in _THE_ITS)
        or _vague_into(m)
        or _stretch_of(m)
        or _coordinated_plural(m)
    ):
        return None
    if not context and _ADJECTIVE_LAST.search(m.text, max(0, m.start - 30), m.start):
        return None  # "her last years", "the last days of the war": a stage, not a span
    if context == "recent":  # "in recent years": a fuzzy past, as the issue and TBAQ read it
        return Fixed(m.start, m.end, TimexType.DATE, "PAST_REF")
    if context.endswith("coming") or context == "future":  # "in (the) coming years"
        return Fixed(m.start, m.end, TimexType.DATE, "FUTURE_REF")
    # "died within weeks or months": one vague span, the first count's (as TBAQ writes it)
    joined = _OR_PLURAL.match(m.text, m.end)
    end = joined.end() if joined else m.end
    return Fixed(m.start, end, TimexType.DURATION, duration_value(unit, None))


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q"}
_SET_UNITS |= {"hour": "PT1H", "minute": "PT1M", "decade": "P10Y", "night": "XXXX-XX-XXTNI"}
_SET_UNITS |= {"half hour": "PT30M", "half-hour": "PT30M"}  # "every half hour"


_RATE_BEFORE = re.compile(
    # "90p a week", "£40k a year": an amount in pence or thousands, "1.2 million barrels of
    # oil equivalent a day"
    r"(?:\d(?:p|k|bn)?|dollars?|cents?|times|once|twice|percent|yen|euros?|pounds?|million|billion|"
    r"thousand|hundred|dozen|\b(?:several|few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))(?:\s+[a-z-]+){0,4}\W*$"
    # "one boat a day", "one pill a day": "one" right before the thing counted, not the
    # pronoun of "the summer one is posted a month ahead"
    r"|\bone(?:\s+such)?(?:\s+[a-z-]+)?\s*$"
    # "25 days of paid leave a year", "two weeks of vacation a year": an allowance per period
    r"|(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty))\s+"
    r"(?:days|weeks|hours)\s+of(?:\s+[a-z-]+){1,3}\W*$"
    # "dropping an inch an hour", "a foot a day": one unit of measure per period
    r"|\ban?\s+(?:inch|foot|mile|yard|met(?:er|re)|(?:centi|milli|kilo)met(?:er|re)|pound|"
    r"ounce|gallon|lit(?:er|re)|ton|tonne|degree|dollar|point)\W*$"
)


_ONCE_TWICE = {"once": 1, "twice": 2}
# a length before "or"/"to": "a year" after it is the other end of a span of lengths
_ALTERNATIVE_BEFORE = re.compile(
    r"(?:second|minute|hour|day|week|month|year|decade)s?\s+(?:or|to)\s+$", re.IGNORECASE
)


def _freq(m: Match) -> str | None:
    """TIMEX3 freq from group ``freq``: "twice a week" is P1W with freq 2X."""
    times = _lower(m.get("freq"))
    if not times:
        return None
    times = times.removesuffix("x") if times[:1].isdigit() else times  # "3x a week"
    if days := m.get("days"):  # "six days a week", "five nights a week": 6X, 5X
        times = _lower(days)
    per_period = _ONCE_TWICE.get(times) or parse_number(times.removesuffix(" times"), m.lex)
    return f"{per_period}X" if per_period else None  # "several times": no definite count


def _clock_value(clock: Clock) -> str:
    """The time part of a set's value: "every Monday at 9:30 AM" is XXXX-WXX-1T09:30."""
    if clock.hour is None:
        return f"T{clock.part}" if clock.part else ""
    seconds = f":{clock.second:02d}" if clock.second is not None else ""
    return f"T{clock.hour:02d}:{clock.minute or 0:02d}{seconds}"


# a rate's amount right before "a year since": "2 percent a year since 1995", "$40 a month since"
_RATE_RIGHT_BEFORE = re.compile(
    r"(?:\d%|\bpercent|\bper\s+cent|\bpoints?|\$[\d.,]+(?:\s+(?:million|billion))?)\s+$"
)
# a number of things right before a unit makes a rate even before "since" or "after": "90,000
# visitors a year since 2010"
_COUNT_BEFORE = re.compile(r"\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+[a-z]+s\s+$")
_COUNTED_FROM = frozenset(("after", "before", "later", "earlier", "since", "ahead", "beforehand"))
_COUNTED_BACK = _COUNTED_FROM | {"ago", "back"}
_DAYS_COUNTED_BACK = _COUNTED_BACK - {"since"}


_OF_WORD = re.compile(r"\s+of\s+[a-z]")


def _not_a_set(m: Match) -> bool:
    """Not a set: "a day" with no rate before it ("$5 a day" is one), "it was a Thursday"."""
    every = _lower(m.get("every"))
    if every not in ("a", "per", "an") or m.get("freq"):
        return False
    if every != "per" and (
        m.get("wd")
        or m.get("mon")
        or m.get("season")
        or m.get("n")
        or _OF_WORD.match(m.text, m.end)
    ):
        # "Feb. 29, 2024 was a Thursday": a kind of day, not a set; "each one buys a few weeks
        # of calm", "a week of talks": a length
        return True
    after = m.word_after().lower()
    if after in _COUNTED_FROM and _RATE_RIGHT_BEFORE.search(m.text, max(0, m.start - 30), m.start):
        # "has grown by 2 percent a year since the mid-1990s", "$10,000 a day after that": a
        # rate, the amount right before it
        return False
    counted = _COUNT_BEFORE.search(m.text, max(0, m.start - 40), m.start) is not None
    if (
        (after in _COUNTED_FROM and not counted)
        # "CDs that come due a year apart", "struck a week apart": a gap, no rate
        or after.rstrip(".,;") in ("apart", "late", "early")
        or m.word_before() in ("in", "within", "for", "after", "before")
        or m.text.startswith(" in advance", m.end)
    ):
        # "on 3 January 2011, a week after her birthday", "rose six metres in a night",
        # "lifted off at six fifty-two this evening, a day late": a delay's length,
        # "posted a month in advance", "OOO in 2 wks for a week", "in June 2014 after a
        # decade in the job": a count, not a rate
        return True
    if m.text.startswith(" and a half", m.end) or _ALTERNATIVE_BEFORE.search(
        m.text, max(0, m.start - 30), m.start
    ):
        # "six months or a year and a half", "nine months to a year": another length
        return True
    before = m.text[max(0, m.start - 40) : m.start].lower()
    return not _RATE_BEFORE.search(before)


# "every other Sunday", "every second Sunday" (one in two), "every third week"
_STEPS = {"other": 2, "second": 2, "third": 3}
_OF_THE_MONTH = re.compile(r"\s+(?:of|in)\s+(?:the|each|every)\s+month\b", re.IGNORECASE)


def _set(m: Match) -> Mention | None:
    counted_back = m.get("days") and m.word_after().lower().rstrip(".") in _DAYS_COUNTED_BACK
    # "for six days a week ago": "six days", then "a week ago"; "five episodes, each 50
    # minutes long": each one's length; "has practiced six days a week since Nov. 11" is a
    # habit kept since then, no week counted from it
    if _not_a_set(m) or counted_back or _each_length(m) or _no_rate(m):
        return None
    freq = _freq(m)
    step = _STEPS.get(_lower(m.get("other")), 1)  # "every other", "every third Sunday"
    if step > 1 and m.get("wd") and (month := _OF_THE_MONTH.match(m.text, m.end, m.end + 24)):
        # "every second Sunday of the month": a day of each month, as "the third Sunday of
        # every month", no fortnight
        return Fixed(m.start, month.end(), TimexType.SET, "P1M")
    if m.get("n"):
        count = _count(m)
        if count is None and _lower(m.get("n")) not in m.lex.vague_numbers:
            return None
        unit = m.lex.units[_lower(m.get("units"))]  # "every few weeks": PXW
        return Fixed(m.start, m.end, TimexType.SET, duration_value(unit, count), freq=freq)
    if m.get("unit"):
        value: str | None = _SET_UNITS[_lower(m.get("unit"))]
        if value == "PT30M" and _lower(m.get("every")) in ("a", "an"):
            value = None  # "took a half hour": a length
        if step > 1 and value is not None:
            value = re.sub(r"1", str(step), value, count=1)
    else:
        value = _named_set_value(m, step)
    if value is None:
        return None
    if m.get("clock"):
        m = _clock_stop(m)  # "every Monday at 3 a.m. Then..."
    return Fixed(m.start, m.end, TimexType.SET, value, freq=freq)


# "jogging a minute at a time": a length; "Every minute counts": every one matters, no set
_AT_A_TIME = re.compile(r"\s+at\s+a\s+time\b")
_COUNTS = frozenset(("counts", "matters"))


def _no_rate(m: Match) -> bool:
    """Is "a minute at a time" a length, "Every minute counts" an idiom (no set)?"""
    every = _lower(m.get("every"))
    if every in ("a", "an") and m.get("unit"):
        return _AT_A_TIME.match(m.text, m.end, m.end + 14) is not None
    after = m.word_after().lower().rstrip(".")
    return every == "every" and bool(m.get("unit")) and after in _COUNTS


def _each_length(m: Match) -> bool:
    """Is "each N units" the length of each of the things just named, no frequency?

    After a comma ("two sets, each 45 minutes") or before "long" ("each 50 minutes long").
    """
    if _lower(m.get("every")) != "each" or not m.get("n"):
        return False
    return m.text[max(0, m.start - 2) : m.start] == ", " or m.word_after().lower() == "long"


def _weekday_set_value(m: Match, wd: str, step: int) -> str:
    """The value of "every Monday", "every Monday night", "every Monday at 9:30 AM"."""
    if step > 1:
        return f"P{step}W"  # "every other Tuesday": TIMEX3 has no value for the day, as for
        # "the first Monday of every month"; the period is two weeks
    value = f"XXXX-WXX-{_weekday_number(m, wd)}"
    if pod := m.get("wdpod"):
        value += f"T{m.lex.parts_of_day[_lower(pod)]}"
    elif (clock := _clock(m)) is not None:  # "every Monday at 9:30 AM"
        value += _clock_value(clock)
    return value


def _yearly_set_value(m: Match) -> str | None:
    """The value of a set of one time a year: "each July", "every spring", "every Christmas"."""
    if holiday := m.get("hol"):
        return _holiday_set_value(m, holiday)
    if m.get("mon"):
        day = m.get("mday")  # "every July 1": the day of every year
        return f"XXXX-{_month(m):02d}" + (f"-{int(day):02d}" if day else "")
    if m.get("dmon"):  # "each 9 April", "every 4th of July"
        return f"XXXX-{_month(m, 'dmon'):02d}-{int(m.groups['dmday']):02d}"
    if season := m.get("season"):
        return f"XXXX-{m.lex.seasons[_lower(season)]}"
    return None


def _holiday_set_value(m: Match, holiday: str) -> str:
    """The value of "every Christmas" (``XXXX-12-25``); a movable feast's is the year.

    TIMEX3 has no value naming the day of "every Thanksgiving", as for "the first Monday of
    every month" (``P1M``): the set is the period, ``P1Y``.
    """
    day = m.lex.holidays.get(_lower(holiday))
    return "P1Y" if day is None else f"XXXX-{day[0]:02d}-{day[1]:02d}"


def _named_set_value(m: Match, step: int) -> str | None:
    """The value of a set of named times: "every Sunday", "each July", "every weekend"."""
    if wd := m.get("wd"):
        return _weekday_set_value(m, wd, step)
    if (yearly := _yearly_set_value(m)) is not None:
        return yearly
    if pod := m.get("pod"):
        return f"XXXX-XX-XXT{m.lex.parts_of_day[_lower(pod)]}"
    # "every weekend", as "on weekends"; "every other weekend" is a two-week period, as
    # "every other Tuesday"; "spent a weekend": none
    if _lower(m.get("every")) in ("a", "an", "per"):
        return None
    return f"P{step}W" if step > 1 else "XXXX-WXX-WE"


_ADVERB_AFTER = frozenset(("instead", "rather", "and", "or", "but", "starting", "beginning"))


def _set_adverb(m: Match) -> Mention | None:
    word = _lower(m.get("adv"))
    after = m.word_after()
    if m.word_before() == "average":
        return None  # "the average daily volume": a measure, not a recurring time
    # "credited quarterly instead of monthly", "paid quarterly starting July 1": the adverb
    adverb = after in _ADVERB_AFTER or after in m.lex.prepositions
    if word == "quarterly" and (
        (after[:1].islower() and after not in m.lex.words.after_year and not adverb)
        or m.word_before() in m.lex.words.determiners
        or m.word_before() in ("initial", "regular", "special", "first")
    ):
        return None  # "a quarterly dividend", "its initial quarterly": no time; "paid quarterly"
    before = m.word_before()
    noun = after.lower().rstrip(".,;:!?")
    if noun in m.lex.words.measures or noun in m.lex.words.sums:
        return None  # "its first monthly loss", "weekly gains": one period's result
    if not m.get("freq") and (m.get("adv") or "")[:1].isupper() and after[:1].isupper():
        return None  # "NIGHTLY NEWS", "the Daily Mail", "Weekly Standard": a name
    determined = before in ("a", "an", "the") or before.endswith(("'s", "\u2019s"))
    if determined and (
        not after[:1].islower() or after in m.lex.prepositions or after in m.lex.words.auxiliaries
    ):
        return None  # "it became a daily in 1855", "the town's weekly was": a newspaper
    value = m.lex.set_adverbs[word]
    return Fixed(m.start, m.end, TimexType.SET, value, freq=_freq(m))  # "twice yearly": 2X


def _weekends(m: Match) -> Mention | None:
    return Fixed(m.start, m.end, TimexType.SET, "XXXX-WXX-WE")  # "on weekends", "at weekends"


_JOINED_DAYS = re.compile(r"days,?\s+(?:and|or|&)\s+$|days,\s+$", re.IGNORECASE)


def _plural_weekday(m: Match) -> Mention | None:
    m = _clock_stop(m)  # "on Thursdays at 8 p.m. Minutes are posted..."
    days = m.groups["wds"]
    name = _lower(days).removesuffix("s")
    clock = _clock(m)  # "wednesdays at 4:30pm"
    if clock is not None and _JOINED_DAYS.search(m.text, max(0, m.start - 20), m.start):
        # "on Tuesdays and Thursdays at 6:30 pm": the time is both days', not the last one's
        return Fixed(
            m.start, m.start + len(days), TimexType.SET, f"XXXX-WXX-{m.lex.weekdays[name]}"
        )
    at = _clock_value(clock) if clock is not None else ""
    return Fixed(m.start, m.end, TimexType.SET, f"XXXX-WXX-{m.lex.weekdays[name]}{at}")


def _fuzzy(m: Match) -> Mention | None:
    word = _lower(m.get("fz"))
    if m.text[m.end : m.end + 1] == "-":
        return None  # "now-defunct", "this hour-long special"
    if (word == "current" and not _attributive(m)) or (word == "now" and _segue(m)):
        return None  # "the current was strong"; "Turning now to sports"
    if (
        word == "recently"
        and _AS_BEFORE.search(m.text, max(0, m.start - 5), m.start)
        and (_AS_AFTER.match(m.text, m.end))
    ):
        return None  # "as recently as 2015": the date that follows says when
    if word == "recently" and m.word_before() == "most":
        return None  # "most recently last October": the latest of several (TBAQ: untagged)
    if (word == "the past" and _counted_after(m)) or (
        word == "the future" and m.word_after().lower() == "of"
    ):
        # "each of the past three seasons": a count of games, not the past; "to decide the
        # future of the library": its fate, no time ahead
        return None
    start = m.start
    if word == "the present" and _attributive(m) and m.word_after() not in _NOT_AFTER_PRESENT:
        start = m.end - 7  # "the present church": the adjective alone, as "current"
    value = m.lex.fuzzy[word]
    vague = value.startswith("P") and not value.endswith("_REF")  # "a while": PXX
    kind = TimexType.DURATION if vague else TimexType.DATE
    return Fixed(start, m.end, kind, value)


def _counted_after(m: Match) -> bool:
    """Does a count follow ("the past three seasons", "the past 20 games")?"""
    after = m.word_after().lower()
    return (
        after[:1].isdigit()
        or after in m.lex.numbers
        or after in m.lex.vague_numbers
        or after in ("couple", "dozen")
    )


# a broadcast's turns to the next story: "Turning now to sports", "We go now to Ann Lee"
_SEGUE_VERBS = frozenset(("turning", "turn", "turns", "go", "going", "goes", "move", "moving"))


_SENTENCE_REST = re.compile(r"[^.!?\n]{0,80}")
_VERB_ENDING = re.compile(r"[a-z]{2,}ed$")


def _verbless_rest(m: Match) -> bool:
    """Does the sentence go on after the match with a short phrase and no verb of tense?"""
    rest = _SENTENCE_REST.match(m.text, m.end + 1)
    words = re.findall(r"[A-Za-z']+", rest.group(0) if rest else "")
    tense = m.lex.words.auxiliaries | m.lex.words.past | m.lex.words.present
    return len(words) <= 8 and not any(w.lower() in tense or _VERB_ENDING.search(w) for w in words)


def _segue(m: Match) -> bool:
    """Is "now" a broadcast's turn to the next story ("Turning now to", "Now to Washington")?

    So is a sentence's opening "Now," before a phrase with no verb ("Now, the weather.", "And
    now, the headlines."): not "[Now], one test in four is positive", nor "[Right now], ...".
    """
    if m.text[m.end : m.end + 1] == "," and _verbless_rest(m):
        opening = m.text[max(0, m.start - 4) : m.start].lower()
        if _sentence_start(m) or (
            opening.endswith("and ") and _sentence_start(attrs.evolve(m, start=m.start - 4))
        ):
            return True
    if m.get("fz") == "Now" and _SEGMENT.match(m.text, m.end) and _sentence_start(m):
        return True  # "Now the weather in Washington: hot and humid tonight"
    if m.word_after().lower() != "to":
        return False
    return m.word_before() in _SEGUE_VERBS or (m.get("fz") == "Now" and _sentence_start(m))


# a broadcast's next segment after an opening "Now": "Now the weather in Washington:", "Now
# the sports." (not "Now the weather is turning": a verb after the noun)
_SEGMENT = re.compile(
    r" (?:the|a look at the) (?:weather|sports|headlines|news|markets|business news|forecast)"
    r"(?:[:.,]| (?:in|for|from|on|with)\b)"
)


# words after "the present" that make it no adjective ("the present and the past", "the
# present day": the noun's, as before)
_NOT_AFTER_PRESENT = frozenset(("and", "or", "of", "to", "in", "as", "but", "day", "time"))
_NOT_TEMPORAL_AFTER_CURRENT = frozenset(("account", "accounts", "affairs", "flow", "source"))


def _attributive(m: Match) -> bool:
    """Is "current" an adjective ("current conditions"), not the noun ("the current was")?"""
    if not _before_noun(m):
        return False
    after = m.word_after().rstrip(".")
    return after not in m.lex.words.auxiliaries and after not in _NOT_TEMPORAL_AFTER_CURRENT


_NAMED_AFTER_HOLIDAY = frozenset(
    ("Rising", "Uprising", "Offensive", "Rebellion", "Revolution", "Island", "Islands")
)


# things a holiday names a kind of ("the xmas lights", "an Easter egg hunt"), not the day
_KINDS_AFTER_HOLIDAY = frozenset(
    (
        "lights", "tree", "trees", "card", "cards", "decorations", "ornaments", "carols", "songs",
        "music", "sweater", "sweaters", "movie", "movies", "cookies", "candy", "costume",
        "costumes", "egg", "eggs", "bunny", "shopping", "spirit", "wreath", "stockings", "box",
        "boxes", "basket", "baskets", "lamp", "lamps", "star", "stars", "cluster",
        # events of the season, held on days of their own: "its Christmas bazaar on Dec. 7"
        "bazaar", "bazaars", "fair", "fairs", "market", "markets", "concert", "concerts",
        "pageant", "pageants",
    )
)  # fmt: skip


# a school's or a legislature's breaks named by a holiday, as "winter break", "the summer
# recess": a kind of time, not the day
_BREAKS = frozenset(("break", "breaks", "recess", "vacation"))


_KIND_DETERMINERS = frozenset(
    ("the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "some", "those", "these")
)


# words before a holiday that make it name a recurring kind: "an annual Christmas show"
# ("a New Year's Day derby" may be the coming one)
_KIND_BEFORE_HOLIDAY = frozenset(("annual", "yearly", "traditional"))


def _holiday_kind(m: Match) -> bool:
    """Is the holiday an adjective of a recurring kind ("the annual Easter parade"), no day?"""
    after = m.word_after()
    if m.get("year") or m.get("pod") or not after.isalpha() or not after.islower():
        return False
    return _lower(m.word_before()) in _KIND_BEFORE_HOLIDAY


# "around Labor Day": approximately; not "about", a topic's preposition ("talked about Christmas")
_APPROX_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]round|[Aa]pproximately)[ \t]+$")


def _opens_line(text: str, start: int) -> bool:
    """Is ``start`` the first word of its line (spaces and tabs before it only)?"""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _holiday(m: Match) -> Mention | None:
    after = m.word_after().rstrip(".,;:")
    if after in _NAMED_AFTER_HOLIDAY or _verb_shift(m, m.word_before()):
        return None  # "the Easter Rising", "Christmas Island": names; "slips past xmas"
    before = m.word_before().lower()
    if after.lower() in _KINDS_AFTER_HOLIDAY and (
        before in _KIND_DETERMINERS
        or before.endswith(("'s", "\u2019s"))
        # a heading's "Christmas trees: free drop-off ...": the kind opens its line
        or _opens_line(m.text, m.start)
    ):
        # "return the xmas lights", "my christmas shopping", "the church's Christmas bazaar":
        # a kind of thing
        return None
    if after.lower() in _BREAKS and not (m.get("week") or m.get("weekend")):
        return None  # "Thanksgiving break would grow to five days": a term's break, a kind
    if _holiday_kind(m):
        return None  # "an annual Christmas show", "the traditional Easter egg hunt"
    name = _lower(m.get("hol"))
    year = _year(m, "year")
    shift = _shift(m)
    week = bool(m.get("week"))  # "Easter week": the ISO week holding the day
    weekend = bool(m.get("weekend"))  # "Memorial Day weekend"
    clock = _clock(m)  # "Christmas morning"
    deadline = m.deadline(m.lex.words.deadline)  # "by Christmas": the coming one
    start = m.start  # "the Labor Day weekend": the article is inside, as in "the weekend"
    if (week or weekend) and m.text[max(0, start - 4) : start] in ("the ", "The "):
        start -= 4
    mod = None
    if shift is None and (near := _APPROX_BEFORE.search(m.text, max(0, start - 14), start)):
        start, mod = near.start(), "APPROX"  # "around Labor Day", as "around May 1"
    if name in m.lex.holidays:
        month, day = m.lex.holidays[name]
        return Calendar(
            start,
            m.end,
            year,
            month,
            day,
            shift=shift,
            mod=mod,
            clock=clock,
            explicit_year=year is not None,
            week_of=week,
            weekend_of=weekend,
            deadline=deadline,
            feast=True,
        )
    rule = m.lex.movable_holidays[name]
    return Calendar(
        start,
        m.end,
        year,
        shift=shift,
        mod=mod,
        clock=clock,
        holiday=rule,
        explicit_year=year is not None,
        week_of=week,
        weekend_of=weekend,
        deadline=deadline,
    )


_DAYS_IN = {"week": 7, "fortnight": 14}


def _days_counted(m: Match) -> int | None:
    """The days from the day named: -1 for "the day before", 14 for "a fortnight on"."""
    days = -1 if _lower(m.get("ba")) == "before" else 1
    if not m.get("n"):
        return None if _lower(m.get("ba")) == "from" else days  # "the day from Monday"
    count = _count(m)
    if count is None or count < 1 or m.word_before() in m.lex.words.span_verbs:
        return None  # "spent two weeks before Christmas in Paris": how long
    if m.get("dd") and not m.get("ba") and m.word_before() == "for":
        return None  # "rain for three days today": how long
    return days * count * _DAYS_IN.get(_lower(m.get("unit")).rstrip("s"), 1)


def _day_around_date(m: Match) -> Mention | None:
    """A day counted from a named one: "the day after Christmas", "a week on Tuesday"."""
    days = _days_counted(m)
    if days is None:
        return None
    toward = None
    if twd := m.get("twd"):  # "the Monday after Thanksgiving": not a count of days
        if m.get("dd") or m.get("wd"):
            return None  # "the Monday after tomorrow", "the Friday after Tuesday": not read
        toward, days = (_weekday_number(m, twd), days), 0
    if dd := m.get("dd"):  # "a week today", "a fortnight tomorrow": counted on from now
        return Relative(m.start, m.end, "day", m.lex.deictic_days[_lower(dd)] + days)
    if wd := m.get("wd"):
        weekday = _weekday_number(m, wd)
        # "see you a week from Friday": counted on from a weekday named, a day to come
        ahead = _lower(m.get("ba")) == "from"
        return Weekday(m.start, m.end, weekday, _shift(m), deadline=ahead, days=days)
    return _date_around(m, days, toward)


def _date_around(m: Match, days: int, toward: tuple[int, int] | None) -> Mention | None:
    """A holiday or a month's day, so many days or a weekday after or before it."""
    year = _year(m, "year")
    if hol := m.get("hol"):
        holiday = _holiday(attrs.evolve(m, groups={"hol": hol, "year": m.get("year") or ""}))
        if not isinstance(holiday, Calendar):
            return None
        return attrs.evolve(holiday, start=m.start, days=days, toward=toward)
    month, day = _month(m), _day(m.groups["day"])
    if not 1 <= day <= _days_in(month):
        return None
    return Calendar(
        *(m.start, m.end, year, month, day),
        explicit_year=year is not None,
        days=days,
        toward=toward,
    )


def _opens_sentence(m: Match) -> bool:
    """Whether the match opens its sentence (or its line)."""
    before = m.text[max(0, m.start - 20) : m.start].rstrip(" \t")
    return not before or before[-1] in ".!?\n"


def _this_time(m: Match) -> Mention | None:
    """The reference day a year (week, month) back or on: "this time last year"."""
    if deictic := _lower(m.get("dd")):  # "this time tomorrow": the day itself
        return Relative(m.start, m.end, "day", 1 if deictic == "tomorrow" else -1)
    shift = -1 if _lower(m.get("shift")) == "last" else 1
    unit = {"wk": "week", "yr": "year"}.get(_lower(m.get("unit")), _lower(m.get("unit")))
    return Relative(m.start, m.end, unit, shift, grain="day")


def _unit_before_last(m: Match) -> Mention | None:
    """Two units from now: "the week before last", "the year after next".

    A season so is two such seasons from now, as "two summers ago": "the summer before last".
    """
    offset = -2 if _lower(m.get("ba")).startswith("before") else 2
    if named := _lower(m.get("sn")):
        shift, back = (-1, 1) if offset < 0 else (1, -1)
        return Calendar(
            m.start, m.end, None, season=m.lex.seasons[named], shift=shift, years_back=back
        )
    unit = _lower(m.get("unit"))
    if unit == "weekend":
        return Relative(m.start, m.end, "week", offset, weekend=True)
    return Relative(m.start, m.end, unit, offset)


def _weekdays_ago(m: Match) -> Mention | None:
    """Counted weekdays or seasons: "two Fridays ago" is the Friday a week before last Friday."""
    count = _count(m)
    if count is None or count < 1:
        return None
    ago = _lower(m.get("dir")) == "ago"
    if seasons := m.get("sns"):  # "two summers ago": last summer's year, one more back
        season = m.lex.seasons[_lower(seasons).removesuffix("s")]
        shift, back = (-1, count - 1) if ago else (1, 1 - count)
        return Calendar(m.start, m.end, None, season=season, shift=shift, years_back=back)
    if m.get("wke"):  # "two weekends ago": as "the weekend before last"
        return Relative(m.start, m.end, "week", count if not ago else -count, weekend=True)
    weekday = m.lex.weekdays[_lower(m.get("wds")).removesuffix("s")]
    shift, weeks = (-1, 1 - count) if ago else (1, count - 1)
    return Weekday(m.start, m.end, weekday, shift, weeks=weeks)


def _edge_day(m: Match) -> Mention | None:
    """The first or last day of a month or quarter: "the last day of February".

    Also "the first day of May", "the last day of the third quarter" (a calendar quarter's
    last month).
    """
    if m.get("qord"):
        year = _year(m, "qyear")
        quarter = _NTH[_lower(m.get("qord"))]
        first = _lower(m.get("fl")) == "first"
        month = 3 * quarter - 2 if first else 3 * quarter
    else:
        year = _year(m, "year")
        month = _month(m)
    if _lower(m.get("fl")) == "first":
        return Calendar(m.start, m.end, year, month, 1, explicit_year=year is not None)
    return Calendar(m.start, m.end, year, month, last_day=True, explicit_year=year is not None)


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_NTH |= {"4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1}


def _nth_weekday(m: Match) -> Mention | None:
    """The nth weekday of a month: "the first Monday in May", "the last Friday of March"."""
    month, weekday = _month(m), _weekday_number(m, m.get("wd"))
    year = _year(m, "year")
    rule = f"{month}/{weekday}/{_NTH[_lower(m.get('nth'))]}"
    return Calendar(m.start, m.end, year, holiday=rule, explicit_year=year is not None)


def _nth_weekday_set(m: Match) -> Mention | None:
    """A monthly weekday, "the first Monday of every month": once a month, P1M with freq 1X.

    "the 1st and 3rd Tuesday of the month" is twice a month (freq 2X); with one day, "of the
    month" may name this month's ("on the first Monday of the month we launch"): not read.
    """
    times = len(re.split(r",\s*(?:and\s+)?|\s+and\s+", m.groups["nth"]))
    if m.get("the") and times == 1:
        return None
    return Fixed(m.start, m.end, TimexType.SET, "P1M", freq=f"{times}X")


_YEAR_END_BEFORE = frozenset(("by", "at", "before", "until", "till", "around", "since", "after"))


def _year_end(m: Match) -> Mention | None:
    """The end of this year ("by year-end"), or of last year ("since year-end")."""
    before = m.word_before()
    if before not in _YEAR_END_BEFORE:
        return None  # "year-end bonuses", "the year end figures"
    shift = -1 if before in ("since", "after") else 0
    return Calendar(m.start, m.end, None, 12, 31, shift=shift)  # TBAQ: the day, 2 of 4


_OVER_A_PERIOD = frozenset(
    {
        *("for", "in", "during", "over", "throughout", "across"),
        # "stocks ended the week lower", "the index closed the month up 3%"
        *("ended", "ends", "end", "began", "begins", "begin", "started", "starts", "start"),
        *("closed", "closes", "finished", "finishes", "opened", "opens"),
        # "so finance can close the month": the books of the month in view
        *("close", "closing", "finish", "finishing"),
    }
)


# "by March 2012, when the financial year ends.": no date after the verb, the year in view
_ENDS_THERE = re.compile(r"\s+(?:ends|ended|end)\s*(?:[.,;:!?)]|$)")


# "the fiscal year that begins July 1", "the year beginning Oct. 1"; not "the year began with"
_BEGUN_ON = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:begins|began|beginning|starts|started|starting)\s+"
    r"(?:on\s+)?[A-Z][a-z]+\.?\s+\d"
)


# titles given for a year: "named the club's player of the year", "album of the year"
_TITLED_OF_THE_YEAR = frozenset(
    {
        *("player", "players", "footballer", "cricketer", "sportsman", "sportswoman"),
        *("athlete", "coach", "manager", "rookie", "driver", "team", "goal", "person"),
        *("man", "woman", "artist", "entertainer", "newcomer", "album", "song", "single"),
        *("record", "book", "novel", "film", "car", "teacher", "word", "building"),
    }
)


def _award_of_the_year(m: Match) -> bool:
    """Is "the year" the end of a title ("the club's player of the year"), no time?"""
    words = _lower(m.text[max(0, m.start - 40) : m.start]).split()[-5:]
    if words[-1:] != ["of"] or len(words) < 2 or words[-2] not in _TITLED_OF_THE_YEAR:
        return False
    # "the best player of the year" is ranked within the year in view, as "of the decade"
    return len(words) < 3 or words[-3] not in m.lex.words.superlatives


# "the year to March", "the year to 31 March 2024", "the week to Friday": a period's end
_TO_A_DATE = re.compile(
    r"\s+to\s+(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?([A-Za-z]+))"
)


def _to_a_date(m: Match) -> bool:
    """Is "to" after the match the end of a period ("the year to March"), not an amount's?

    "bringing its gain for the year to 9.8%" raises a figure to an amount.
    """
    found = _TO_A_DATE.match(m.text, m.end)
    if found is not None and found.group(1) is None:
        return True  # "the year to 31/03/2024"
    return found is not None and (
        found.group(1).lower() in m.lex.months or found.group(1).lower() in m.lex.weekdays
    )


_FULL_YEAR = re.compile(r"[Tt]he\s+full\s+year\b")
# a report's period or a year, the last one before "the full year" says which year is in view
_REPORT_OR_YEAR = re.compile(
    r"\b(?:(?P<period>quarter|Q[1-4]|half|(?:three|six|nine|3|6|9)\s+months)|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _full_year_of_report(m: Match) -> bool:
    """Is "the full year" the year of a quarter, half or months just reported on?

    "For the three months ended Dec. 31 ... For the full year, it earned $9.4 billion" is that
    quarter's year; after "intended to reach a 50% share by 1992" it is the reference's.
    """
    if not _FULL_YEAR.match(m.text, m.start):
        return False
    found = list(_REPORT_OR_YEAR.finditer(m.text, max(0, m.start - 400), m.start))
    return bool(found) and found[-1].group("period") is not None


def _the_year(m: Match) -> Mention | None:
    unit = _lower(m.get("short")) or "year"
    possessive = m.text[m.end : m.end + 2] in ("'s", "\u2019s")
    if unit == "decade":  # "the biggest storm of the decade": the decade in view
        words = _lower(m.text[max(0, m.start - 50) : m.start]).split()[-5:]
        if words[-1:] != ["of"] or not any(w in m.lex.words.superlatives for w in words):
            return None  # "top 10 albums of the decade", "the decade of the 1990s"
    elif unit != "year" and m.word_before() not in _OVER_A_PERIOD and not possessive:
        return None  # "the first of the month is busy"; but "for the week", "the month's end"
    after = _lower(m.word_after())
    if (
        (after.startswith(("end", "ended", "ending")) and not _ENDS_THERE.match(m.text, m.end))
        or (after == "to" and _to_a_date(m))
        or _BEGUN_ON.match(m.text, m.end)
    ):
        # "the year ended June 30", "the week ended April 27": counted back from the date;
        # "the fiscal year that begins July 1": counted on from it
        return Fixed(m.start, m.end, TimexType.DURATION, f"P1{unit[0].upper()}")
    if m.get("own") or (unit == "year" and _award_of_the_year(m)):
        # "the company's fiscal year" names a year only with the date it ends; "the club's
        # player of the year" is a title
        return None
    # "in 1929, the year of the crash", "For the week, the Dow rose 1%": the one in view, and
    # "For the full year, it earned $9.4 billion" after a fourth quarter; "the current year" is
    # the reference's
    written = _lower(m.text[m.start : m.end])
    # "in H1 FY12 ... by March 2012, when the financial year ends": the one last named by its
    # number, as "the end of the fiscal year" is
    fiscal = unit == "year" and ("fiscal" in written or "financial" in written)
    if fiscal and (named := _fiscal_year_named(m)) is not None:
        return Calendar(m.start, m.end, named)
    in_view = m.get("short") or m.end - m.start == len("the year") or _full_year_of_report(m)
    return Relative(m.start, m.end, unit, 0, Origin.ANCHOR if in_view else Origin.REFERENCE)


_AT_THE_TURN = frozenset(("over", "around", "at", "after", "before", "until", "till", "through"))


def _new_year(m: Match) -> Mention | None:
    """The year whose first day is nearest the reference: "sales should recover in the new year".

    Six months on from the reference is in that year (said in December, the coming one; in
    January, the one begun). "over the new year", "around the new year" are its first day,
    the holiday.
    """
    mod = _mod(m, "pre")
    if not m.get("pre") and m.word_before() in _AT_THE_TURN:
        return Relative(m.start, m.end, "month", 6, grain="year", edge=1)
    return Relative(m.start, m.end, "month", 6, grain="year", mod=mod)


def _year_to_date(m: Match) -> Mention | None:
    """The year so far: "shares are down 18% year to date" (this year, the reference's)."""
    return Relative(m.start, m.end, "year", 0)


def _year_ago(m: Match) -> Mention | None:
    return Relative(m.start, m.end, "year", -1, compares=True)


def _sentence_start(m: Match) -> bool:
    """Does the match begin its sentence ("Twenty twenty-two was a hard year")?"""
    before = m.text[max(0, m.start - 3) : m.start].rstrip(" \t\"'\u201c")
    return not before or before[-1] in ".!?\n:;"


def _spoken_year_placed(m: Match) -> bool:
    """Is a year spoken as a count ("twenty ten", "two thousand") placed where a year goes?

    After a preposition ("in twenty ten"), at the start of a sentence, or with "the year", a
    month or a season; not as a count ("led twenty ten at halftime", "two thousand homes").
    """
    if m.get("theyear") or m.get("mon") or m.get("season"):
        return True
    after = m.word_after() if m.char_after().isalpha() else ""  # not past a comma
    verb = after in m.lex.words.past and not m.groups["spoken"].lower().endswith("thousand")
    if after[:1].islower() and after.rstrip(".,") not in m.lex.words.after_year and not verb:
        return False  # "about two thousand homes", "in two thousand cases"; not "... saw"
    before = m.word_before()
    placed = before in m.lex.prepositions and before not in m.lex.not_before_year
    return placed or _sentence_start(m) or (before == "the" and after[:1].islower())


def _spoken_year_value(text: str, lex: Lexicon) -> int | None:
    """The year of "nineteen ninety-eight", "twenty oh five", "two thousand and one"."""
    words = _lower(text).replace("-", " ").split()
    rest_words = [w for w in words[1:] if w not in ("oh", "and", "thousand")]
    century = _SPOKEN_CENTURIES[words[0]] * 100  # "two (thousand)": 2000
    rest = parse_number(" ".join(rest_words), lex) if rest_words not in ([], ["hundred"]) else 0
    return None if rest is None or rest > 99 else century + rest


def _spoken_year(m: Match) -> Mention | None:
    spoken = _lower(m.get("spoken"))
    if m.word_after().lower().rstrip(".") in m.lex.units:
        return None  # "for more than two thousand years": a count
    if _title_case(m.groups["spoken"]) and not _sentence_start(m):
        return None  # "Orwell finished Nineteen Eighty-Four": the novel's name
    if spoken.startswith(("twenty", "two")) and not _spoken_year_placed(m):
        return None
    year = _spoken_year_value(spoken, m.lex)
    if year is None:
        return None
    month = _month(m) if m.get("mon") else None
    season = m.lex.seasons[_lower(m.get("season"))] if m.get("season") else None
    return Calendar(m.start, m.end, year, month, season=season, explicit_year=True)


# ---------------------------------------------------------------- the rules

# The closed set of typed builders a patterns file may name (DESIGN lesson 3).
BUILDERS: dict[str, Builder] = {
    "ago": _ago,
    "anaphoric": _anaphoric,
    "anaphoric_season": _anaphoric_season,
    "anaphoric_quarter": _anaphoric_quarter,
    "anchored_weekday": _anchored_weekday,
    "bare_month": _bare_month,
    "bare_season": _bare_season,
    "century": _century,
    "clock_day": _clock_day,
    "clock_part": _clock_part,
    "spoken_clock": _spoken_clock,
    "day_around_date": _day_around_date,
    "day_of_month": _day_of_month,
    "day_of_named_month": _day_of_named_month,
    "decade": _decade,
    "edge_day": _edge_day,
    "clock_range_start": _clock_range_start,
    "deictic": _deictic,
    "duration": _duration,
    "decimal_duration": _decimal_duration,
    "ages_duration": _ages_duration,
    "era_year": _era_year,
    "first_day": _first_day,
    "night_of_days": _night_of_days,
    "fuzzy": _fuzzy,
    "half": _half,
    "half_unit": _half_unit,
    "holiday": _holiday,
    "in_the_unit": _in_the_unit,
    "in_units": _in_units,
    "iso": _iso,
    "iso_week": _iso_week,
    "month_day": _month_day,
    "month_year": _month_year,
    "nth_weekday": _nth_weekday,
    "nth_weekday_set": _nth_weekday_set,
    "numeric": _numeric,
    "pre_post_year": _pre_post_year,
    "other_form": _other_form,
    "part_of_day": _part_of_day,
    "plural_weekday": _plural_weekday,
    "quarter": _quarter,
    "season_year": _season_year,
    "set": _set,
    "short_year": _short_year,
    "second_day": _second_day,
    "set_adverb": _set_adverb,
    "shifted_unit": _shifted_unit,
    "end_code": _end_code,
    "spoken_year": _spoken_year,
    "the_year": _the_year,
    "this_time": _this_time,
    "unit_long": _unit_long,
    "study_week": _study_week,
    "unit_before_last": _unit_before_last,
    "vague_plural": _vague_plural,
    "new_year": _new_year,
    "week_of": _week_of,
    "weekday": _weekday,
    "weekdays_ago": _weekdays_ago,
    "weekend": _weekend,
    "weekends": _weekends,
    "year_ago": _year_ago,
    "month_quarter": _month_quarter,
    "year_to_date": _year_to_date,
    "year_end": _year_end,
    "year_only": _year_only,
    "year_range": _year_range,
    "year_quarter": _year_quarter,
    "year_range_end": _year_range_end,
}

_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def rules(p: Pieces, patterns: Patterns) -> list[Rule]:
    """The rules of a language, in the data file's order (the first to match at a position wins).

    Each pattern's ``${name}`` placeholders are filled from the file's fragments or the
    word-class alternations of ``p``; an unknown name or builder, or a pattern that does not
    compile, is an error in the data and raises ``ValueError`` saying which rule.
    """
    pieces = {name: value for name, value in vars(p).items() if isinstance(value, str)}

    def expand(text: str, where: str, depth: int = 0) -> str:
        if depth > 8:
            raise ValueError(f"{where}: fragments refer to each other in a loop")

        def fill(found: re.Match[str]) -> str:
            name = found.group(1)
            if name in patterns.fragments:
                return expand(patterns.fragments[name], f"fragment {name!r}", depth + 1)
            if name in pieces:
                return pieces[name]
            known = sorted(set(patterns.fragments) | set(pieces))
            raise ValueError(f"{where}: unknown placeholder ${{{name}}}; known: {known}")

        return _PLACEHOLDER.sub(fill, text)

    compiled = []
    for spec in patterns.rules:
        where = f"rule {spec.name!r}"
        build = BUILDERS.get(spec.builder)
        if build is None:
            known = sorted(BUILDERS)
            raise ValueError(f"{where}: unknown builder {spec.builder!r}; known: {known}")
        pattern = expand(spec.pattern, where)
        try:  # (compiled once, as the recognizer tries it: the slow part of building it)
            tried = re.compile(f"(?<!\\w)(?:{pattern})")
        except re.error as error:
            raise ValueError(f"{where}: the pattern does not compile: {error}") from None
        compiled.append(Rule(spec.name, pattern, build, tried))
    return compiled
