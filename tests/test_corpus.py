"""The example corpus (tests/corpus/en.txt) is the tagger's specification.

Every example is one test: the tagger's output on the sentence must equal, as a whole
list, the bracketed expressions with their types, values and mods. The file format is
documented at the top of the corpus itself and in docs/conventions.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

import pytest

import eventline
from eventline import TimexType, timex

CORPUS_DIR = Path(__file__).parent / "corpus"
CORPUS_PATH = CORPUS_DIR / "en.txt"

DateOrder = Literal["MDY", "DMY"]

MODS = frozenset(
    {
        "START",
        "MID",
        "END",
        "APPROX",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
    }
)

_TIME_PART = r"T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|MI|AF|EV|NI|DT)"
_CALENDAR_VALUE = re.compile(
    r"(?:\d{2}|\d{3}|\d{4}"
    r"(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-[1-7]|-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?)"
    rf"(?:{_TIME_PART})?"
)
_REF_VALUE = re.compile(r"PRESENT_REF|PAST_REF|FUTURE_REF")
_BC_VALUE = re.compile(r"BC\d{2,4}")  # a year, decade or century before Christ
_DURATION_VALUE = re.compile(  # PXX: a duration of unknown length and unit ("a while")
    r"PXX|P(?=[\dXT])(?:(?:\d+|X)[YMWDQELC])*(?:T(?=[\dX])(?:(?:\d+|X)[HMS])*"
    r"(?:(?:\d+|X)[HMS]|\d+\.\d+S))?"  # a race's seconds to the tenth: "PT3M58.4S"
)
_SET_PATTERN_VALUE = re.compile(
    rf"XXXX(?:-WXX-(?:[1-7]|WE)|-\d{{2}}-\d{{2}}|-XX-(?:XX|0[1-9]|[12]\d|3[01])|-\d{{2}}|-Q[1-4]|-SP|-SU|-FA|-WI)?(?:{_TIME_PART})?"
)

_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d{2})")


class CorpusError(ValueError):
    """A line of the corpus file is malformed."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line}: {reason}")


class Found(NamedTuple):
    """One time expression as the corpus states it, comparable with the tagger's output."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    freq: str | None = None


@dataclass(frozen=True)
class Example:
    """One corpus example: a text, its context and the exact expected expressions."""

    source: str
    line: int
    text: str
    reference: dt.date
    date_order: DateOrder
    expected: tuple[Found, ...]

    @property
    def negative(self) -> bool:
        """True for a ``=> NONE`` example."""
        return not self.expected

    @property
    def id(self) -> str:
        """A readable pytest id: ``en:LINE:text-snippet``."""
        snippet = re.sub(r"[^A-Za-z0-9]+", "-", self.text).strip("-")[:40]
        return f"{self.source}:{self.line}:{snippet}"


def value_is_well_formed(type_: TimexType, value: str) -> bool:
    """Whether ``value`` is a TIMEX3 value of the forms the corpus uses, fit for ``type_``."""
    if type_ is TimexType.DURATION:
        return _DURATION_VALUE.fullmatch(value) is not None
    if type_ is TimexType.SET:
        return (
            _DURATION_VALUE.fullmatch(value) is not None
            or _SET_PATTERN_VALUE.fullmatch(value) is not None
        )
    return any(
        pattern.fullmatch(value) is not None for pattern in (_CALENDAR_VALUE, _REF_VALUE, _BC_VALUE)
    )


def value_names_real_days(value: str) -> bool:
    """Whether every day and ISO week a value names exists on the calendar."""
    day = _DAY_VALUE.match(value)
    if day is not None:
        year, month, dom = (int(part) for part in day.groups())
        if not 1 <= month <= 12 or not 1 <= dom <= calendar.monthrange(year, month)[1]:
            return False
    week = _WEEK_VALUE.match(value)
    if week is not None:
        year, number = int(week[1]), int(week[2])
        weeks_in_year = dt.date(year, 12, 28).isocalendar().week
        if not 1 <= number <= weeks_in_year:
            return False
    month_only = re.fullmatch(r"\d{4}-(\d{2})", value)
    return month_only is None or 1 <= int(month_only[1]) <= 12


def _parse_item(item: str, where: tuple[str, int]) -> tuple[TimexType, str, str | None, str | None]:
    parts = item.split()
    if len(parts) not in (2, 3, 4):
        raise CorpusError(*where, f"expected 'TYPE VALUE [mod=MOD] [freq=FREQ]', got {item!r}")
    try:
        type_ = TimexType(parts[0])
    except ValueError:
        valid = ", ".join(t.value for t in TimexType)
        raise CorpusError(*where, f"unknown type {parts[0]!r} (valid: {valid})") from None
    value = parts[1]
    if not value_is_well_formed(type_, value):
        raise CorpusError(*where, f"{value!r} is not a well-formed {type_} value")
    options: dict[str, str] = {}
    allowed = ["mod", "freq"]  # each at most once, in this order
    for part in parts[2:]:
        key, _, option = part.partition("=")
        if key not in allowed:
            raise CorpusError(*where, f"expected [mod=MOD] [freq=FREQ], got {part!r}")
        allowed = allowed[allowed.index(key) + 1 :]
        options[key] = option
    mod, freq = options.get("mod"), options.get("freq")
    if mod is not None and mod not in MODS:
        raise CorpusError(*where, f"expected mod=<one of {sorted(MODS)}>, got mod={mod!r}")
    if freq is not None and (type_ is not TimexType.SET or not timex.is_valid_freq(freq)):
        raise CorpusError(*where, f"freq=NX (1X, 2X...) is for SET only, got {item!r}")
    return type_, value, mod, freq


def _strip_brackets(marked: str, where: tuple[str, int]) -> tuple[str, list[tuple[int, int]]]:
    """Remove the ``[...]`` marks; return the plain text and the marked spans in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    length = 0
    for char in marked:
        if char == "[":
            if opened is not None:
                raise CorpusError(*where, "nested '['")
            opened = length
        elif char == "]":
            if opened is None:
                raise CorpusError(*where, "']' without '['")
            if opened == length:
                raise CorpusError(*where, "empty brackets")
            spans.append((opened, length))
            opened = None
        else:
            plain.append(char)
            length += 1
    if opened is not None:
        raise CorpusError(*where, "'[' without ']'")
    return "".join(plain), spans


def _parse_example(
    line: str, where: tuple[str, int], reference: dt.date, date_order: DateOrder
) -> Example:
    marked, arrow, expected_part = line.rpartition(" => ")
    if not arrow or not marked.strip() or not expected_part.strip():
        raise CorpusError(*where, "expected 'TEXT => EXPECTED'")
    text, spans = _strip_brackets(marked.strip(), where)
    expected_part = expected_part.strip()
    if expected_part == "NONE":
        if spans:
            raise CorpusError(*where, "a NONE example must not mark any span")
        return Example(where[0], where[1], text, reference, date_order, ())
    items = [item.strip() for item in expected_part.split("|")]
    if not spans:
        spans = [(0, len(text))]
    if len(items) != len(spans):
        raise CorpusError(*where, f"{len(spans)} marked span(s) but {len(items)} expected value(s)")
    found: list[Found] = []
    for (start, end), item in zip(spans, items, strict=True):
        surface = text[start:end]
        if surface != surface.strip():
            raise CorpusError(*where, f"span {surface!r} has surrounding whitespace")
        type_, value, mod, freq = _parse_item(item, where)
        found.append(Found(start, end, surface, type_.value, value, mod, freq))
    return Example(where[0], where[1], text, reference, date_order, tuple(found))


def parse_corpus(content: str, source: str = "en") -> tuple[Example, ...]:
    """Parse corpus text; raise :class:`CorpusError` naming the line of the first problem."""
    reference: dt.date | None = None
    date_order: DateOrder = "MDY"
    examples: list[Example] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        line = raw.strip()
        where = (source, number)
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            directive, _, argument = line.partition(" ")
            argument = argument.strip()
            if directive == "@reference":
                try:
                    reference = dt.date.fromisoformat(argument)
                except ValueError:
                    raise CorpusError(*where, f"bad reference date {argument!r}") from None
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", argument):
                    raise CorpusError(*where, f"reference must be YYYY-MM-DD: {argument!r}")
            elif directive == "@date_order":
                if argument == "MDY":
                    date_order = "MDY"
                elif argument == "DMY":
                    date_order = "DMY"
                else:
                    raise CorpusError(*where, f"date order must be MDY or DMY: {argument!r}")
            else:
                raise CorpusError(*where, f"unknown directive {directive!r}")
            continue
        if reference is None:
            raise CorpusError(*where, "example before any @reference line")
        examples.append(_parse_example(line, where, reference, date_order))
    return tuple(examples)


def load_corpus(path: Path = CORPUS_PATH) -> tuple[Example, ...]:
    """Parse one corpus file; examples are named after the file's stem (``en``)."""
    return parse_corpus(path.read_text(encoding="utf-8"), source=path.stem)


def load_all(directory: Path = CORPUS_DIR) -> tuple[Example, ...]:
    """Every corpus file of the directory (``en.txt``, ``en-history.txt``...), in name order."""
    return tuple(e for path in sorted(directory.glob("*.txt")) for e in load_corpus(path))


EXAMPLES = load_all()


def _found(expression: eventline.TimeExpression) -> Found:
    return Found(
        expression.span.start,
        expression.span.end,
        expression.text,
        str(expression.type),
        expression.value,
        expression.mod,
        expression.freq,
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example(example: Example) -> None:
    got = [
        _found(e)
        for e in eventline.tag(example.text, example.reference, date_order=example.date_order)
    ]
    assert got == list(example.expected), f"text: {example.text!r} (ref {example.reference})"


# ------------------------------------------------------------------ the corpus itself


def test_corpus_size() -> None:
    positives = [e for e in EXAMPLES if not e.negative]
    negatives = [e for e in EXAMPLES if e.negative]
    assert len(positives) >= 300
    assert len(negatives) >= 40


def test_corpus_covers_every_type_and_several_references() -> None:
    types = {found.type for e in EXAMPLES for found in e.expected}
    assert types == {t.value for t in TimexType}
    assert len({e.reference for e in EXAMPLES}) >= 10
    assert {e.date_order for e in EXAMPLES} == {"MDY", "DMY"}


def test_corpus_values_are_well_formed() -> None:
    bad = [
        (e.id, found.value)
        for e in EXAMPLES
        for found in e.expected
        if not value_is_well_formed(TimexType(found.type), found.value)
        or not value_names_real_days(found.value)
    ]
    assert bad == []


def test_corpus_texts_are_unique_per_context() -> None:
    seen: dict[tuple[str, dt.date, str], int] = {}
    duplicates = []
    for e in EXAMPLES:
        key = (e.text, e.reference, e.date_order)
        if key in seen:
            duplicates.append((seen[key], e.line, e.text))
        seen[key] = e.line
    assert duplicates == []


def test_corpus_spans_are_ordered_and_disjoint() -> None:
    for e in EXAMPLES:
        for before, after in itertools.pairwise(e.expected):
            assert before.end <= after.start, e.id


# ------------------------------------------------------------------ the parser


def test_parser_reads_spans_without_brackets() -> None:
    (example,) = parse_corpus(
        "@reference 2024-04-24\n"
        "@date_order DMY\n"
        "Talks ended [Monday] and resume [in May]. => DATE 2024-04-22 | DATE 2024-05 mod=START\n"
    )
    assert example.text == "Talks ended Monday and resume in May."
    assert example.reference == dt.date(2024, 4, 24)
    assert example.date_order == "DMY"
    assert example.expected == (
        Found(12, 18, "Monday", "DATE", "2024-04-22", None),
        Found(30, 36, "in May", "DATE", "2024-05", "START"),
    )


def test_parser_reads_freq_after_mod() -> None:
    twice, about = parse_corpus(
        "@reference 2024-04-24\n"
        "It meets [twice a week]. => SET P1W freq=2X\n"
        "It meets [about twice a week]. => SET P1W mod=APPROX freq=2X\n"
    )
    assert twice.expected == (Found(9, 21, "twice a week", "SET", "P1W", None, "2X"),)
    assert about.expected == (Found(9, 27, "about twice a week", "SET", "P1W", "APPROX", "2X"),)


def test_parser_whole_text_and_negative() -> None:
    whole, negative = parse_corpus(
        "# a comment\n\n@reference 2024-04-24\n"
        "May 9, 2023 => DATE 2023-05-09\n"
        "It may rain. => NONE\n"
    )
    assert whole.expected == (Found(0, 11, "May 9, 2023", "DATE", "2023-05-09", None),)
    assert negative.negative
    assert negative.text == "It may rain."


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("Monday => DATE 2024-04-22\n", 1),
        ("@reference 2024-13-45\n", 1),
        ("@reference 2024-04-24\n@date_order YMD\n", 2),
        ("@reference 2024-04-24\n@anchor 2024\n", 2),
        ("@reference 2024-04-24\n\nMonday DATE 2024-04-22\n", 3),
        ("@reference 2024-04-24\n[Monday] and [Friday] => DATE 2024-04-22\n", 2),
        ("@reference 2024-04-24\n[Mon[day]] => DATE 2024-04-22\n", 2),
        ("@reference 2024-04-24\n[Monday => DATE 2024-04-22\n", 2),
        ("@reference 2024-04-24\n[] Monday => DATE 2024-04-22\n", 2),
        ("@reference 2024-04-24\n[Monday] => DAY 2024-04-22\n", 2),
        ("@reference 2024-04-24\n[Monday] => DATE 2024-4-22\n", 2),
        ("@reference 2024-04-24\n[Monday] => DATE 2024-04-22 mod=SOON\n", 2),
        ("@reference 2024-04-24\n[three days] => DURATION 3D\n", 2),
        ("@reference 2024-04-24\n[Monday] rain. => NONE\n", 2),
        ("@reference 2024-04-24\n[ Monday] => DATE 2024-04-22\n", 2),
        ("@reference 2024-04-24\n[twice a week] => SET P1W freq=2\n", 2),
        ("@reference 2024-04-24\n[twice a week] => SET P1W freq=02X\n", 2),
        ("@reference 2024-04-24\n[Monday] => DATE 2024-04-22 freq=1X\n", 2),
        ("@reference 2024-04-24\n[twice a week] => SET P1W freq=2X mod=APPROX\n", 2),
        ("@reference 2024-04-24\n[twice a week] => SET P1W freq=2X freq=2X\n", 2),
        ("@reference 2024-04-24\n[early May] => DATE 2024-05 mod=START mod=START\n", 2),
    ],
)
def test_parser_rejects_bad_lines_with_their_number(content: str, line: int) -> None:
    with pytest.raises(CorpusError) as error:
        parse_corpus(content, source="bad")
    assert error.value.line == line
    assert str(error.value).startswith(f"bad:{line}: ")


def test_calendar_check_catches_impossible_values() -> None:
    assert value_names_real_days("2024-02-29")
    assert not value_names_real_days("2023-02-29")
    assert value_names_real_days("2020-W53")
    assert not value_names_real_days("2021-W53")
    assert not value_names_real_days("2024-13")
