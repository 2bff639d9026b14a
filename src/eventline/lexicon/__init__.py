"""Per-language word classes, loaded from TOML data files and validated once per process."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any

import attrs

from eventline.errors import InvalidOptionError

__all__ = ["LANGUAGES", "Lexicon", "PatternRule", "Patterns", "WordLists", "load", "load_patterns"]

LANGUAGES = ("en",)

_TIMEX_GRAINS = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "fortnight",
        "month",
        "quarter",
        "year",
        "decade",
        "century",
        "millennium",
    }
)


_WORD_LISTS = (
    "triggers",
    "measures",
    "prefix",
    "future",
    "past",
    "present",
    "intent",
    "determiners",
    "reschedule",
    "plans",
    "effective",
    "speech",
    "to_nouns",
    "schedule",
    "superlatives",
    "not_past",
    "after_year",
    "span_verbs",
    "deadline",
    "amounts",
    "counted",
    "auxiliaries",
    "abbreviations",
    "run_on",
    "imperatives",
    "weekday_names",
    "sums",
)


@attrs.frozen
class WordLists:
    """Closed word classes the engine consults by name (see ``[word_lists]``)."""

    triggers: frozenset[str]
    prefix: frozenset[str]
    future: frozenset[str]
    past: frozenset[str]
    present: frozenset[str]
    intent: frozenset[str]
    not_past: frozenset[str]
    determiners: frozenset[str]
    reschedule: frozenset[str]
    plans: frozenset[str]
    effective: frozenset[str]
    speech: frozenset[str]
    to_nouns: frozenset[str]
    schedule: frozenset[str]
    superlatives: frozenset[str]
    after_year: frozenset[str]
    span_verbs: frozenset[str]
    deadline: frozenset[str]
    amounts: frozenset[str]
    counted: frozenset[str]
    auxiliaries: frozenset[str]
    abbreviations: frozenset[str]
    run_on: frozenset[str]
    measures: frozenset[str]
    imperatives: frozenset[str]
    weekday_names: frozenset[str]
    sums: frozenset[str]


@attrs.frozen
class Lexicon:
    """The word classes of one language; every mapping's keys are lower case."""

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    deictic_days: dict[str, int]
    fuzzy: dict[str, str]
    modifiers: dict[str, str]
    quantity_modifiers: dict[str, str]
    set_adverbs: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    movable_holidays: dict[str, str]
    prepositions: frozenset[str]
    not_before_year: frozenset[str]
    words: WordLists
    # (month, day) -> (year, words after it): "the Sept. 11 attacks" names 2001's day
    event_days: dict[tuple[int, int], tuple[int, frozenset[str]]] = attrs.field(factory=dict)


def _table(data: dict[str, Any], name: str, kind: type) -> dict[str, Any]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise ValueError(f"lexicon table [{name}] is missing")
    for key, value in table.items():
        if key != key.lower() or not isinstance(value, kind):
            raise ValueError(f"lexicon [{name}] entry {key!r} = {value!r} is invalid")
    return dict(table)


def _in_range(table: dict[str, int], name: str, low: int, high: int) -> dict[str, int]:
    for key, value in table.items():
        if not low <= value <= high:
            raise ValueError(f"lexicon [{name}] entry {key!r} = {value} is out of range")
    return table


def _holidays(table: dict[str, str]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for key, value in table.items():
        month, day = (int(part) for part in value.split("-"))
        _in_range({key: month}, "holidays", 1, 12)
        _in_range({key: day}, "holidays", 1, 31)
        out[key] = (month, day)
    return out


_MOVABLE = re.compile(r"(?:1[0-2]|[1-9])/[1-7]/(?:-1|[1-5])(?:@[1-9]|@[12]\d)?|easter[+-]\d{1,2}")


def _movable(table: dict[str, str]) -> dict[str, str]:
    for key, rule in table.items():
        if not _MOVABLE.fullmatch(rule):
            raise ValueError(f"lexicon [movable_holidays] entry {key!r} = {rule!r} is invalid")
    return table


def _lunisolar(table: dict[str, Any]) -> dict[str, str]:
    """The ``[lunisolar_holidays]`` as movable rules: ``"dates:2019-10-27,2020-11-14"``.

    An entry is a list of ISO dates, one a year, or the name of another entry ("deepavali" =
    "diwali").
    """
    lists: dict[str, list[str]] = {}
    for key, value in table.items():
        dates = table.get(value) if isinstance(value, str) else value
        if not (key == key.lower() and isinstance(dates, list) and dates) or not all(
            isinstance(d, str) and _ISO_DAY.fullmatch(d) for d in dates
        ):
            raise ValueError(f"lexicon [lunisolar_holidays] entry {key!r} = {value!r} is invalid")
        lists[key] = dates
    return {key: "dates:" + ",".join(dates) for key, dates in lists.items()}


_ISO_DAY = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")


_MONTH_DAY = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _event_days(table: dict[str, Any]) -> dict[tuple[int, int], tuple[int, frozenset[str]]]:
    """The ``[event_days]``: a day named as the event that had it, with the words after it."""
    days: dict[tuple[int, int], tuple[int, frozenset[str]]] = {}
    for key, entry in table.items():
        found = _MONTH_DAY.fullmatch(key)
        year = entry.get("year") if isinstance(entry, dict) else None
        before = entry.get("before") if isinstance(entry, dict) else None
        if (
            found is None
            or not isinstance(year, int)
            or not 1 <= year <= _LAST_EVENT_YEAR
            or not isinstance(before, list)
            or not all(isinstance(w, str) and w == w.lower() for w in before)
        ):
            raise ValueError(f"lexicon [event_days] entry {key!r} = {entry!r} is invalid")
        days[int(found.group(1)), int(found.group(2))] = (year, frozenset(before))
    return days


_LAST_EVENT_YEAR = 9999


def _word_lists(data: dict[str, Any]) -> WordLists:
    table = data.get("word_lists", {})
    lists: dict[str, frozenset[str]] = {}
    for name in _WORD_LISTS:
        words = table.get(name)
        if not isinstance(words, list) or not all(
            isinstance(w, str) and w == w.lower() for w in words
        ):
            raise ValueError(f"lexicon [word_lists] needs a list of lower-case words {name!r}")
        lists[name] = frozenset(words)
    return WordLists(**lists)


def _word_list(data: dict[str, Any], name: str) -> frozenset[str]:
    words = data.get(name, {}).get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise ValueError(f"lexicon table [{name}] needs a list of lower-case words")
    return frozenset(words)


@functools.cache
def load(language: str = "en") -> Lexicon:
    """Load and validate the word classes of ``language`` (cached per process)."""
    if language not in LANGUAGES:
        raise InvalidOptionError("language", language, LANGUAGES)
    raw = resources.files(__package__).joinpath(f"{language}.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    units = _table(data, "units", str)
    if not set(units.values()) <= _TIMEX_GRAINS:
        raise ValueError(f"lexicon [units] names unknown grains: {set(units.values())}")
    return Lexicon(
        language=language,
        months=_in_range(_table(data, "months", int), "months", 1, 12),
        weekdays=_in_range(_table(data, "weekdays", int), "weekdays", 1, 7),
        numbers=_table(data, "numbers", int),
        vague_numbers=frozenset(_table(data, "vague_numbers", str)),
        ordinals=_in_range(_table(data, "ordinals", int), "ordinals", -1, 31),
        units=units,
        seasons=_table(data, "seasons", str),
        parts_of_day=_table(data, "parts_of_day", str),
        deictic_days=_table(data, "deictic_days", int),
        fuzzy=_table(data, "fuzzy", str),
        modifiers=_table(data, "modifiers", str),
        quantity_modifiers=_table(data, "quantity_modifiers", str),
        set_adverbs=_table(data, "set_adverbs", str),
        holidays=_holidays(_table(data, "holidays", str)),
        movable_holidays=_movable(_table(data, "movable_holidays", str))
        | _lunisolar(data.get("lunisolar_holidays", {})),
        prepositions=_word_list(data, "prepositions"),
        not_before_year=_word_list(data, "not_before_year"),
        words=_word_lists(data),
        event_days=_event_days(data.get("event_days", {})),
    )


@attrs.frozen
class PatternRule:
    """One recognition rule as the data file gives it: a pattern and its builder's name."""

    name: str
    builder: str
    pattern: str  # a regular expression with ${name} placeholders


@attrs.frozen
class Patterns:
    """The recognition patterns of one language (``<language>.patterns.toml``)."""

    fragments: dict[str, str]
    rules: tuple[PatternRule, ...]


def _joined(value: object, where: str) -> str:
    """A pattern written as one string or a list of strings to join."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "".join(value)
    raise ValueError(f"{where} must be a string or a list of strings")


@functools.cache
def load_patterns(language: str = "en") -> Patterns:
    """Load the recognition patterns of ``language`` (cached per process).

    Names and shapes are checked here; placeholders, builder names and the regular
    expressions themselves are checked when the rules are compiled (``_rules.rules``).
    """
    if language not in LANGUAGES:
        raise InvalidOptionError("language", language, LANGUAGES)
    raw = resources.files(__package__).joinpath(f"{language}.patterns.toml").read_text("utf-8")
    return parse_patterns(tomllib.loads(raw), f"{language}.patterns.toml")


def parse_patterns(data: dict[str, Any], source: str) -> Patterns:
    """Validate the parsed contents of a patterns file."""
    fragments_table = data.get("fragments", {})
    if not isinstance(fragments_table, dict):
        raise ValueError(f"{source}: [fragments] must be a table")
    fragments = {
        name: _joined(value, f"{source}: fragment {name!r}")
        for name, value in fragments_table.items()
    }
    entries = data.get("rule")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{source}: needs at least one [[rule]]")
    rules = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        name, builder = entry.get("name"), entry.get("builder")
        if not isinstance(name, str) or not isinstance(builder, str):
            raise ValueError(f"{source}: rule {number} needs a name and a builder")
        if name in seen:
            raise ValueError(f"{source}: rule name {name!r} is used twice")
        seen.add(name)
        pattern = _joined(entry.get("pattern"), f"{source}: rule {name!r} pattern")
        rules.append(PatternRule(name, builder, pattern))
    return Patterns(fragments, tuple(rules))
