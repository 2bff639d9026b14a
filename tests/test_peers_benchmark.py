"""benchmarks/peers.py without the peers: turning their finds into time expressions.

The inputs are hand-made in the shapes the libraries return (datefinder 1.0 tuples,
Recognizers-Text 1.0.2a2 ``ModelResult`` objects, ctparse 0.3.6 ``Time``/``Interval``/
``Duration`` artifacts), so that these tests run where none of them is installed.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from eventline.evaluate import read_timeml
from eventline.model import Span, TimeExpression, TimexType

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
DOCUMENT = ROOT / "tests" / "documents" / "news-2012-lakeshore-marathon.tml"


def _load() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("peers_bench", BENCHMARKS / "peers.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load()


def _found(expression: TimeExpression) -> tuple[str, str, str]:
    return expression.text, str(expression.type), expression.value


# ---------------------------------------------------------------- datefinder


def test_datefinder_tuples_become_dated_expressions(bench: ModuleType) -> None:
    text = "Talks resumed on March 3, 1998, and ended at 9:05 a.m. Sunday."
    found = [
        # the default engine: the index is the source's
        (dt.datetime(1998, 3, 3), "March 3, 1998", (17, 30)),
        # the legacy engine: the index takes in a word before the source
        (dt.datetime(1998, 3, 8, 9, 5), "9:05 a.m", (42, 53)),
    ]
    march, clock = bench.datefinder_expressions(text, found)
    assert text[march.start : march.end] == "March 3, 1998"
    assert _found(march) == ("March 3, 1998", "DATE", "1998-03-03")
    assert (clock.start, clock.end) == (45, 53)
    assert _found(clock) == ("9:05 a.m", "DATE", "1998-03-08")  # the time of day is dropped


def test_a_datefinder_source_not_in_the_text_keeps_its_index(bench: ModuleType) -> None:
    text = "The race ran on Sunday."
    (sunday,) = bench.datefinder_expressions(
        text, [(dt.datetime(2012, 10, 7), "on on Sunday", (12, 22))]
    )
    assert sunday.span == Span(13, 22)
    assert sunday.text == "on Sunday"
    assert sunday.value == "2012-10-07"


def test_locate_prefers_the_given_offset_then_the_nearest_occurrence(bench: ModuleType) -> None:
    text = "May 1, then may 2, then May 3."
    assert bench.locate(text, "may", 12) == Span(12, 15)
    assert bench.locate(text, "MAY", 20) == Span(24, 27)
    assert bench.locate(text, " may ", 0) == Span(0, 3)
    assert bench.locate(text, "June", 0) is None
    assert bench.locate(text, "  ", 0) is None


# ---------------------------------------------------------------- Recognizers-Text


class ModelResult:
    """Shaped as recognizers_text.model.ModelResult: inclusive ``end``, lower-cased text."""

    def __init__(self, start: int, end: int, text: str, type_name: str, values: Any) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.type_name = type_name
        self.resolution = {"values": values}


TEXT = (
    "Shares rose on Monday, March 3, 1998 and in the last quarter, every Tuesday, for five "
    "years, at 5 pm yesterday and in the morning, since 1990, for the past two years."
)


def _recognizers_results(text: str) -> list[Any]:
    def at(surface: str) -> tuple[int, int]:
        start = text.index(surface)
        return start, start + len(surface) - 1

    return [
        ModelResult(*at("Monday, March 3, 1998"), "monday, march 3, 1998", "datetimeV2.date",
                    [{"timex": "1998-03-03", "type": "date", "value": "1998-03-03"}]),
        ModelResult(*at("last quarter"), "last quarter", "datetimeV2.daterange",
                    [{"timex": "(1997-10-01,1998-01-01,P3M)", "type": "daterange",
                      "start": "1997-10-01", "end": "1998-01-01"}]),
        ModelResult(*at("every Tuesday"), "every tuesday", "datetimeV2.set",
                    [{"timex": "XXXX-WXX-2", "type": "set", "value": "not resolved"}]),
        ModelResult(*at("five years"), "five years", "datetimeV2.duration",
                    [{"timex": "P5Y", "type": "duration", "value": "157680000"}]),
        ModelResult(*at("5 pm yesterday"), "5 pm yesterday", "datetimeV2.datetime",
                    [{"timex": "1998-03-04T17", "type": "datetime",
                      "value": "1998-03-04 17:00:00"}]),
        ModelResult(*at("in the morning"), "in the morning", "datetimeV2.timerange",
                    [{"timex": "TMO", "type": "timerange", "start": "08:00:00",
                      "end": "12:00:00"}]),
        {"start": text.index("since 1990"), "end": text.index("since 1990") + 9,
         "text": "since 1990", "type_name": "datetimeV2.daterange",
         "resolution": {"values": [{"timex": "1990", "Mod": "since", "type": "daterange",
                                    "sourceEntity": "datetimerange", "start": "1990-01-01"}]}},
        ModelResult(*at("the past two years"), "the past two years", "datetimeV2.daterange",
                    [{"timex": "(1996-03-05,1998-03-05,P2Y)", "type": "daterange",
                      "start": "1996-03-05", "end": "1998-03-05"}]),
        ModelResult(0, 2, "est", "datetimeV2.timezone", [{"timex": "", "type": "timezone"}]),
    ]  # fmt: skip


def test_recognizers_results_become_timex3_expressions(bench: ModuleType) -> None:
    found = bench.recognizers_expressions(TEXT, _recognizers_results(TEXT))
    assert [_found(expression) for expression in found] == [
        ("Monday, March 3, 1998", "DATE", "1998-03-03"),
        ("last quarter", "DATE", "1997-Q4"),
        ("every Tuesday", "SET", "XXXX-WXX-2"),
        ("five years", "DURATION", "P5Y"),
        ("5 pm yesterday", "TIME", "1998-03-04T17:00"),
        ("in the morning", "TIME", "XXXX-XX-XXTMO"),
        ("since 1990", "DATE", "1990"),
        ("the past two years", "DURATION", "P2Y"),
    ]
    assert all(TEXT[e.start : e.end] == e.text for e in found)  # inclusive end made exclusive
    assert [e.mod for e in found if e.mod] == ["ON_OR_AFTER"]


def test_recognizers_offsets_that_are_off_are_located_again(bench: ModuleType) -> None:
    text = "It closed  on Friday."  # two spaces the result's offsets do not count
    result = ModelResult(
        10, 15, "friday", "datetimeV2.date", [{"timex": "XXXX-WXX-5", "type": "date"}]
    )
    (friday,) = bench.recognizers_expressions(text, [result])
    assert friday.text == "Friday"
    assert friday.span == Span(14, 20)
    assert (friday.type, friday.value) == (TimexType.DATE, "XXXX-WXX-5")


def test_recognizers_sentences_are_placed_in_the_whole_text(bench: ModuleType) -> None:
    text = "No date here. Rain on Friday."
    (start, end), (second, _end) = bench.sentence_spans(text)
    result = ModelResult(8, 13, "friday", "datetimeV2.date", [{"timex": "XXXX-WXX-5"}])
    found = bench.recognizers_expressions(text[second:], [result])
    (friday,) = bench.shifted(found, second)
    assert text[friday.start : friday.end] == "Friday"
    assert (start, end) == (0, 13)


@pytest.mark.parametrize(
    ("type_name", "values", "expected"),
    [
        ("datetimeV2.date", [{"timex": "XXXX-05"}], ("DATE", "XXXX-05", None)),
        ("datetimeV2.time", [{"timex": "T08:30"}], ("TIME", "XXXX-XX-XXT08:30", None)),
        ("datetimeV2.datetimerange", [{"timex": "1998-03-05TNI"}], ("TIME", "1998-03-05TNI", None)),
        ("datetimeV2.datetimerange", [{"timex": "(1998-03-05T14,1998-03-05T16,PT2H)"}],
         ("DURATION", "PT2H", None)),
        ("datetimeV2.date", [{"timex": "PRESENT_REF"}], ("DATE", "PRESENT_REF", None)),
        ("datetimeV2.duration", [{"timex": "P3M", "Mod": "more"}],
         ("DURATION", "P3M", "MORE_THAN")),
        ("datetimeV2.set", [{"timex": "P1D"}], ("SET", "P1D", None)),
        ("datetimeV2.daterange", [{"timex": "1997", "Mod": "ref_undef"}], ("DATE", "1997", None)),
        ("datetimeV2.date", [], ("DATE", "", None)),
    ],
)  # fmt: skip
def test_recognizers_timex_values(
    bench: ModuleType, type_name: str, values: Sequence[Any], expected: tuple[str, str, Any]
) -> None:
    kind, value, mod = bench.recognizers_timex(type_name, values)
    assert (str(kind), value, mod) == expected


@pytest.mark.parametrize(
    ("start", "end", "value"),
    [
        ("1997-01-01", "1998-01-01", "1997"),
        ("1997-10-01", "1998-01-01", "1997-Q4"),
        ("1997-11-01", "1998-02-01", None),  # three months, but no quarter
        ("1998-02-01", "1998-03-01", "1998-02"),
        ("1998-03-02", "1998-03-09", "1998-W10"),
        ("1998-03-03", "1998-03-10", None),  # seven days from a Tuesday
        ("1998-03-05", "1998-03-06", "1998-03-05"),
        ("1996-03-05", "1998-03-05", None),
        ("XXXX-05-01", "XXXX-05-05", None),
    ],
)
def test_calendar_units(bench: ModuleType, start: str, end: str, value: str | None) -> None:
    assert bench.calendar_unit(start, end) == value


# ---------------------------------------------------------------- ctparse


class Time:
    """Shaped as ctparse.types.Time: calendar fields, offsets into ctparse's input."""

    def __init__(self, mstart: int = 0, mend: int = 0, **fields: Any) -> None:
        self.mstart, self.mend = mstart, mend
        for name in ("year", "month", "day", "hour", "minute", "DOW", "POD"):
            setattr(self, name, fields.get(name))


class Interval:
    """Shaped as ctparse.types.Interval."""

    def __init__(self, t_from: Time | None, t_to: Time | None, mstart: int, mend: int) -> None:
        self.t_from, self.t_to, self.mstart, self.mend = t_from, t_to, mstart, mend


class DurationUnit(enum.Enum):
    """As ctparse.types.DurationUnit."""

    HOURS = "hours"
    NIGHTS = "nights"
    WEEKS = "weeks"


class Duration:
    """Shaped as ctparse.types.Duration."""

    def __init__(self, value: int, unit: DurationUnit, mstart: int, mend: int) -> None:
        self.value, self.unit, self.mstart, self.mend = value, unit, mstart, mend


@pytest.mark.parametrize(
    ("fields", "value"),
    [
        ({"year": 1998, "month": 3, "day": 9}, "1998-03-09"),
        ({"year": 1998, "month": 3, "day": 9, "POD": "morning"}, "1998-03-09TMO"),
        ({"year": 1998, "month": 3, "day": 5, "POD": "lateevening"}, "1998-03-05TEV"),
        ({"year": 1998, "month": 3, "day": 6, "POD": "noon"}, "1998-03-06T12:00"),
        ({"year": 1998, "month": 3, "day": 5, "POD": "last"}, "1998-03-05"),
        ({"year": 1998, "month": 3, "day": 5, "hour": 16, "minute": None}, "1998-03-05T16:00"),
        ({"hour": 8, "minute": 30}, "XXXX-XX-XXT08:30"),
        ({"year": 1990}, "1990"),
        ({"month": 5}, "XXXX-05"),
        ({"month": 5, "day": 1}, "XXXX-05-01"),
        ({"day": 3}, "XXXX-XX-03"),
        ({"DOW": 0}, "XXXX-WXX-1"),
    ],
)
def test_ctparse_time_values(bench: ModuleType, fields: dict[str, Any], value: str) -> None:
    assert bench.ctparse_time_value(Time(**fields)) == value


def test_ctparse_durations(bench: ModuleType) -> None:
    assert bench.ctparse_duration_value(Duration(2, DurationUnit.WEEKS, 0, 9)) == "P2W"
    assert bench.ctparse_duration_value(Duration(3, DurationUnit.NIGHTS, 0, 9)) == "P3D"
    assert bench.ctparse_duration_value(Duration(4, DurationUnit.HOURS, 0, 9)) == "PT4H"


def _where(artifact: Any) -> Span | None:
    return Span(artifact.mstart, artifact.mend) if artifact.mend > artifact.mstart else None


def test_ctparse_resolutions_become_expressions(bench: ModuleType) -> None:
    text = "from May to June 1998 for two weeks on Monday"
    may = Time(5, 8, month=5)
    june = Time(12, 21, year=1998, month=6)
    both = bench.ctparse_expressions(text, Interval(may, june, 0, 21), Span(0, 21), _where)
    assert [_found(e) for e in both] == [
        ("May", "DATE", "XXXX-05"),
        ("June 1998", "DATE", "1998-06"),
    ]
    weeks = Duration(2, DurationUnit.WEEKS, 26, 35)
    (duration,) = bench.ctparse_expressions(text, weeks, Span(26, 35), _where)
    assert _found(duration) == ("two weeks", "DURATION", "P2W")
    monday = Time(39, 45, year=1998, month=3, day=9)
    (date,) = bench.ctparse_expressions(text, monday, Span(39, 45), _where)
    assert _found(date) == ("Monday", "DATE", "1998-03-09")


def test_a_ctparse_interval_without_placed_bounds_is_one_expression(bench: ModuleType) -> None:
    text = "between 2 and 4 pm"
    # after latent-time post-processing the bounds have lost their offsets (0-0)
    two, four = Time(year=1998, month=3, day=5, hour=2), Time(year=1998, month=3, day=5, hour=16)
    (whole,) = bench.ctparse_expressions(text, Interval(two, four, 0, 0), Span(0, 18), _where)
    assert _found(whole) == ("between 2 and 4 pm", "TIME", "1998-03-05T02:00")
    after = Interval(None, Time(0, 0, year=1998, month=3, day=5), 0, 0)
    (open_start,) = bench.ctparse_expressions(text, after, Span(0, 7), _where)
    assert open_start.value == "1998-03-05"
    assert bench.ctparse_expressions(text, Interval(None, None, 0, 0), Span(0, 7), _where) == ()


def test_ctparse_normalization_keeps_the_way_back(bench: ModuleType) -> None:
    text = " Monday,  March 3 (1998) -- at noon; "
    normalized, sources = bench.ctparse_normalized(text)
    assert normalized == "Monday March 3 1998 - at noon"
    assert len(sources) == len(normalized)
    start = normalized.index("1998")
    assert text[sources[start][0] : sources[start + 3][1]] == "1998"
    dash = normalized.index("-")
    assert text[sources[dash][0] : sources[dash][1]] == "--"
    assert bench.ctparse_normalized(" ,; ") == ("", [])


def test_sentences(bench: ModuleType) -> None:
    text = "It rained. The U.S. team left at 5 p.m. on Monday!\n\nA new line  \nWhy? Ok"
    pieces = [text[start:end] for start, end in bench.sentence_spans(text)]
    assert pieces == [
        "It rained.",
        "The U.S.",
        "team left at 5 p.m.",
        "on Monday!",
        "A new line  ",
        "Why?",
        "Ok",
    ]


# ---------------------------------------------------------------- Duckling (Clojure)


def _duckling(dim: str, body: str, text: str, value: dict[str, Any], **more: Any) -> Any:
    """Shaped as python-duckling's ``Duckling.parse`` entries: exclusive ``end``."""
    start = text.index(body)
    return {"dim": dim, "body": body, "value": value, "start": start, "end": start + len(body),
            **more}  # fmt: skip


def test_duckling_results_become_expressions(bench: ModuleType) -> None:
    text = "Shares fell 5 points last quarter and about 20 years ago, from May to June, now."
    at_day = {"type": "value", "value": "1998-03-03T00:00:00.000Z", "grain": "day", "values": []}
    results = [
        _duckling("time", "5", text, {**at_day, "grain": "hour"}, latent=True),
        _duckling("time", "last quarter", text,
                  {"type": "value", "value": "1997-10-01T00:00:00.000Z", "grain": "quarter"}),
        _duckling("duration", "about 20 years", text,
                  {"year": 20, "value": 20.0, "unit": "year",
                   "normalized": {"value": 631152000.0, "unit": "second"}}),
        _duckling("time", "about 20 years", text,
                  {"type": "value", "value": "2018-03-01T00:00:00.000Z", "grain": "month"}),
        _duckling("time", "20 years ago", text, at_day),
        _duckling("time", "from May to June", text,
                  {"type": "interval",
                   "from": {"value": "1998-05-01T00:00:00.000Z", "grain": "month"},
                   "to": {"value": "1998-07-01T00:00:00.000Z", "grain": "month"}}),
        _duckling("time", " now", text,
                  {"type": "value", "value": "1998-03-05T00:00:00.000Z", "grain": "second"}),
        _duckling("number", "5", text, {"value": 5}),
    ]  # fmt: skip
    found = bench.duckling_expressions(text, results)
    assert [_found(e) for e in found] == [
        ("last quarter", "DATE", "1997-Q4"),
        ("about 20 years", "DURATION", "P20Y"),  # the first of two equally long readings
        ("from May to June", "DATE", "1998-05"),
        ("now", "TIME", "1998-03-05T00:00:00"),
    ]
    assert all(text[e.start : e.end] == e.text for e in found)


@pytest.mark.parametrize(
    ("value", "grain", "expected"),
    [
        ("1990-01-01T00:00:00.000Z", "year", "1990"),
        ("1998-02-01T00:00:00.000Z", "month", "1998-02"),
        ("1998-03-02T00:00:00.000Z", "week", "1998-W10"),
        ("1998-03-07T00:00:00.000Z", "day", "1998-03-07"),
        ("1998-03-04T17:00:00.000Z", "hour", "1998-03-04T17:00"),
        ("1998-03-06T08:30:00.000Z", "minute", "1998-03-06T08:30"),
    ],
)
def test_duckling_time_values(bench: ModuleType, value: str, grain: str, expected: str) -> None:
    assert bench.duckling_time_value(value, grain) == expected


def test_duckling_durations(bench: ModuleType) -> None:
    hours = {"dim": "duration", "value": {"value": 3.0, "unit": "hour"}}
    half = {"dim": "duration", "value": {"value": 1.5, "unit": "year"}}
    assert bench.duckling_timex(hours) == (TimexType.DURATION, "PT3H")
    assert bench.duckling_timex(half) == (TimexType.DURATION, "P1.5Y")


# ---------------------------------------------------------------- peers that are missing


def _missing() -> Any:
    raise ImportError("No module named 'nonexistent_peer'")


def test_a_peer_that_cannot_be_imported_is_not_installed(bench: ModuleType) -> None:
    tagger, status = bench.load(bench.Peer("ghost", "nonexistent-peer", _missing))
    assert tagger is None
    assert status.startswith("not installed")
    assert "nonexistent_peer" in status


def test_a_peer_that_cannot_start_says_why(bench: ModuleType) -> None:
    def no_java() -> Any:
        raise RuntimeError("no JVM found")

    tagger, status = bench.load(bench.Peer("java", "nonexistent-peer", no_java))
    assert tagger is None
    assert status == "could not start (RuntimeError: no JVM found)"


def test_the_real_peers_are_either_run_or_reported_missing(bench: ModuleType) -> None:
    for peer in bench.PEERS:
        tagger, status = bench.load(peer)
        assert (tagger is None) == status.startswith(("not installed", "could not start"))


def test_main_lists_a_missing_peer_and_scores_eventline(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:  # fmt: skip
    def fake(text: str, reference: str) -> tuple[TimeExpression, ...]:
        start = text.index("Sunday")
        return (TimeExpression(Span(start, start + 6), "Sunday", TimexType.DATE, "2012-10-07"),)

    peers = (
        bench.Peer("ghost", "nonexistent-peer", _missing),
        bench.Peer("fake", "pytest", lambda: fake),
    )
    monkeypatch.setattr(bench, "PEERS", peers)
    out = tmp_path / "peers.json"
    assert bench.main([str(DOCUMENT), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "ghost: not installed" in printed
    rows = [
        line.split()[0] for line in printed.splitlines() if line and line.split()[0] != "tagger"
    ]
    table = rows[rows.index("eventline") :]
    assert table == ["eventline", "fake"]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["documents"] == 1
    assert figures["peers"]["ghost"]["status"].startswith("not installed")
    fake_name = next(name for name in figures["taggers"] if name.startswith("fake"))
    assert figures["taggers"][fake_name]["counts"]["predicted"] == 1
    assert figures["taggers"]["eventline"]["counts"]["gold"] == len(read_timeml(DOCUMENT).timexes)


def test_only_and_limit(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []

    def counting(text: str, reference: str) -> tuple[TimeExpression, ...]:
        calls.append(reference)
        return ()

    peers = (bench.Peer("one", "pytest", lambda: counting), bench.Peer("two", "pytest", _missing))
    monkeypatch.setattr(bench, "PEERS", peers)
    assert bench.main([str(DOCUMENT.parent), "--only", "one", "--limit", "2"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("2 documents")
    assert "two" not in printed
    assert len(calls) == 3  # a warm-up call, then each of the two documents


def test_a_document_on_which_a_peer_raises_counts_as_found_nothing(bench: ModuleType) -> None:
    document = read_timeml(DOCUMENT)
    calls: list[int] = []

    def flaky(text: str, reference: str) -> tuple[TimeExpression, ...]:
        calls.append(1)
        if len(calls) > 1:
            raise ValueError("a peer's own bug")
        return ()

    report, failed, cpu = bench.run([document], flaky, "flaky")
    assert failed == 1
    assert cpu >= 0
    assert report.scores.total.predicted == 0
    assert report.scores.total.gold == len(document.timexes)
