"""Run the peer taggers that install from PyPI beside eventline: accuracy and speed.

    python benchmarks/peers.py ../shared/data/tbaq-cleaned
    python benchmarks/peers.py tests/documents --only datefinder --only Recognizers-Text
    python benchmarks/peers.py ../shared/data/tbaq-cleaned --only ctparse --limit 64 --json OUT

None of the peers is a dependency of eventline. Install them in an environment of their own
together with eventline, e.g. ``pip install datefinder ctparse recognizers-text-suite "emoji<2"
duckling`` and ``pip install -e .`` (Recognizers-Text 1.0.2a2 imports ``UNICODE_EMOJI``, which
emoji 2 removed; PyPI's ``duckling`` is a wrapper around the jars of the Clojure Duckling 0.4.23,
the predecessor of the Haskell Duckling, and needs JPype1, which it installs, and Java on the
PATH). A peer that cannot be imported is listed as "not installed", one that cannot start (no
Java) as "could not start"; the others are scored.

Every document is tagged with its creation date (``YYYY-MM-DD``, midnight) as the reference,
each peer with its own default settings otherwise:

- datefinder: ``datefinder.find_dates(text, source=True, index=True, base_date=reference)``
  over the whole document (``strict=False``, ``first="month"`` and the rest at their
  defaults). Two rows: its default engine (``v2`` in datefinder 1.x) and ``engine="legacy"``,
  the regex-and-dateutil finder of datefinder 0.x. Each find is a DATE whose value is the found
  datetime's date (``YYYY-MM-DD``), as ``benchmarks/accuracy.py`` does for dateparser; its span
  is where the returned source text lies at or nearest the returned index.
- Recognizers-Text: ``DateTimeRecognizer(Culture.English).get_datetime_model()``, built once
  (``DateTimeOptions.NONE``), then ``model.parse(sentence, reference)`` for each sentence (cut
  as for ctparse below). Not the whole document at once: ``DateTimeModel.parse`` catches any
  exception of its parsers and then returns nothing at all, and on these documents one bad
  find (an ``UnboundLocalError`` in its date-period parser) drops every find of the document;
  per sentence it drops those of one sentence, and the run is faster too. Each result's first
  resolution value gives the TIMEX3 value (see ``recognizers_timex``).
- ctparse: built for short strings and returning one best parse per string, so the document is
  cut into sentences (at ``.!?`` followed by white space, and at line breaks); each sentence
  is parsed as ``ctparse.ctparse(sentence, ts=reference)`` parses it (``ctparse_gen`` with its
  defaults: ``timeout=1.0`` s, ``relative_match_len=1.0``, ``max_stack_depth=10``, the default
  scorer, the best-scored parse, then ctparse's latent-time post-processing), and the text left
  and right of the best parse is parsed again the same way until nothing more is found. The
  parse is taken before post-processing only to keep its offsets, which post-processing drops.
- Duckling-Clojure: ``Duckling().load(["en"])`` once, then ``parse(text, language="en",
  dim_filter=["time", "duration"], reference_time="YYYY-MM-DDT00:00:00")`` over the whole
  document. On long documents it warns "@pass-all reached maximum stash size" (the warning is
  silenced); parsed per sentence instead it ran three times faster on TBAQ but with a lower
  relaxed and value F1, so the whole document is what it gets. Latent readings are dropped
  and overlaps resolved as ``duckling_expressions`` says.
  The JVM is started here with ``convertStrings=True`` (see ``make_duckling``).

Speed is timed as ``eventline.evaluate.evaluate`` times it: one warm-up call on the first
document (so that loading models and compiling patterns is not counted), then every document
in one process. eventline's row is computed the same way on the same documents, first in the
table, whose chars/s is by the wall clock; a line per tagger also gives the CPU time of the
process, which a busy machine does not inflate. ``--limit N`` keeps the first N documents in
path order, for every tagger alike. Writes nothing unless ``--json OUT``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import logging
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

try:
    import eventline
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import eventline

from eventline.evaluate import (
    Report,
    TimeMLDocument,
    find_timeml_files,
    read_timeml,
    reference_date,
    score,
)
from eventline.model import Span, TimeExpression, TimexType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import _metrics, comparison_table  # the sibling script's table and figures

Tagger = Callable[[str, str], Sequence[TimeExpression]]

NOT_INSTALLED = "not installed"


# ---------------------------------------------------------------- locating finds


def locate(text: str, surface: str, hint: int) -> Span | None:
    """Where ``surface`` occurs in ``text`` (ignoring case), the occurrence nearest ``hint``.

    Peers report offsets that are usually right; this checks them and repairs the rest.
    White space around ``surface`` is not part of the span. ``None`` when it does not occur.
    """
    surface = surface.strip()
    if not surface:
        return None
    lowered, wanted = text.lower(), surface.lower()
    if lowered[hint : hint + len(wanted)] == wanted:
        return Span(hint, hint + len(wanted))
    starts = [match.start() for match in re.finditer(re.escape(wanted), lowered)]
    if not starts:
        return None
    start = min(starts, key=lambda found: (abs(found - hint), found))
    return Span(start, start + len(wanted))


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without white space at either end; ``None`` when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


# ---------------------------------------------------------------- datefinder


def datefinder_expressions(
    text: str, found: Iterable[tuple[dt.datetime, str, tuple[int, int]]]
) -> tuple[TimeExpression, ...]:
    """datefinder's ``(datetime, source, (start, end))`` finds as DATE expressions.

    The value is the datetime's date, ``YYYY-MM-DD``: datefinder always returns a full
    datetime, filling what the text does not say from the base date, so a year, month or
    weekday cannot be told from a day, and times of day are dropped.
    """
    expressions = []
    for when, source, (start, end) in found:
        # the source is checked against the text, as the legacy engine's index may include
        # words around it ("at 9:05 a.m" for "9:05 a.m"); the index is kept when it does not
        # occur there
        span = locate(text, source, start) or _trimmed(text, max(0, start), min(end, len(text)))
        if span is None:
            continue
        expressions.append(
            TimeExpression(
                span=span,
                text=text[span.start : span.end],
                type=TimexType.DATE,
                value=when.date().isoformat(),
            )
        )
    return tuple(sorted(expressions, key=lambda e: (e.start, e.end)))


def make_datefinder(engine: str | None = None) -> Tagger:
    """datefinder as a tagger, with its default engine or the one named (ImportError if missing)."""
    import datefinder  # noqa: PLC0415  (optional peer)

    options = {} if engine is None else {"engine": engine}
    # dateutil's warning for each time-zone name it does not know ("ET"); the date stays
    warnings.filterwarnings("ignore", message="tzname .* identified but not understood")

    def tag(text: str, reference: str) -> tuple[TimeExpression, ...]:
        base = dt.datetime.fromisoformat(reference)
        found = datefinder.find_dates(text, source=True, index=True, base_date=base, **options)
        return datefinder_expressions(text, found)

    return tag


# ---------------------------------------------------------------- Recognizers-Text

_RANGE = re.compile(r"^\((?P<start>[^,]+),(?P<end>[^,]+),(?P<length>P[^,)]+)\)$")
_HOUR_ONLY = re.compile(r"T(\d{2})$")
_CLOCK = re.compile(r"T(\d{2}|MO|AF|EV|NI|DT)")
# Recognizers' Mod names and the TIMEX3 mod that says the same (``ref_undef`` has none).
RECOGNIZERS_MODS = {
    "before": "BEFORE",
    "after": "AFTER",
    "since": "ON_OR_AFTER",
    "until": "ON_OR_BEFORE",
    "start": "START",
    "mid": "MID",
    "end": "END",
    "more": "MORE_THAN",
    "less": "LESS_THAN",
    "approx": "APPROX",
}


def _field(result: Any, name: str) -> Any:
    """An attribute of a Recognizers ``ModelResult``, or the key of the same dict."""
    return result[name] if isinstance(result, Mapping) else getattr(result, name)


def calendar_unit(start: str, end: str) -> str | None:
    """The TIMEX3 value of ``[start, end)`` when it is exactly one year, quarter, month,
    ISO week or day (``1997-10-01``, ``1998-01-01`` → ``1997-Q4``); else ``None``.
    """
    try:
        first, after = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return None
    months = (after.year - first.year) * 12 + after.month - first.month
    if first.day == 1 and after.day == 1:
        if months == 12 and first.month == 1:
            return f"{first.year:04d}"
        if months == 3 and first.month % 3 == 1:
            return f"{first.year:04d}-Q{(first.month + 2) // 3}"
        if months == 1:
            return f"{first.year:04d}-{first.month:02d}"
    days = (after - first).days
    if days == 7 and first.weekday() == 0:
        year, week, _ = first.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if days == 1:
        return first.isoformat()
    return None


def recognizers_timex(
    type_name: str, values: Sequence[Mapping[str, Any]]
) -> tuple[TimexType, str, str | None]:
    """The TIMEX3 type, value and mod of one Recognizers-Text result.

    ``type_name`` is ``datetimeV2.date``, ``.daterange``, ``.time``, ``.timerange``,
    ``.datetime``, ``.datetimerange``, ``.duration`` or ``.set``; ``values`` is the
    resolution's ``values`` list, whose first entry's ``timex`` is used (an ambiguous
    expression has one entry per reading, all with the same timex). The timex is already a
    TIMEX3 value except that:

    - a range is written ``(start,end,length)``. One that is exactly a calendar year, quarter,
      month, ISO week or day is that unit's DATE value; any other is a DURATION of its length,
      as TimeML annotates "the past five years" (``P5Y``);
    - a time of day without a date (``T17``, ``TMO``) gets TIMEX3's unknown date
      ``XXXX-XX-XX``, and an hour without minutes gets them (``T17`` → ``T17:00``).

    A set is SET, a duration DURATION; otherwise a value with a time of day is TIME and the
    rest DATE. An empty ``values`` gives an empty value.
    """
    kind = type_name.rpartition(".")[2]
    first = values[0] if values else {}
    timex = str(first.get("timex", ""))
    mod = RECOGNIZERS_MODS.get(str(first.get("Mod", "")))
    if kind == "set":
        return TimexType.SET, timex, mod
    if kind == "duration":
        return TimexType.DURATION, timex, mod
    ranged = _RANGE.match(timex)
    if ranged:
        unit = calendar_unit(ranged["start"], ranged["end"])
        if unit is None:
            return TimexType.DURATION, ranged["length"], mod
        timex = unit
    if timex.startswith("T"):
        timex = "XXXX-XX-XX" + timex
    timex = _HOUR_ONLY.sub(r"T\1:00", timex)
    kind_of_value = TimexType.TIME if _CLOCK.search(timex) else TimexType.DATE
    return kind_of_value, timex, mod


def recognizers_expressions(text: str, results: Iterable[Any]) -> tuple[TimeExpression, ...]:
    """Recognizers-Text ``ModelResult`` objects (or dicts with their fields) as expressions.

    ``start`` and ``end`` are inclusive offsets into the text and ``text`` is the found
    substring, lower-cased; each find is checked against the text and located again when its
    offsets are off. Results that are not time expressions (``datetimeV2.timezone``) and
    finds that cannot be located are dropped.
    """
    expressions = []
    for result in results:
        type_name = str(_field(result, "type_name"))
        if type_name.endswith(".timezone"):
            continue
        span = locate(text, str(_field(result, "text")), int(_field(result, "start")))
        if span is None:
            continue
        resolution = _field(result, "resolution") or {}
        kind, value, mod = recognizers_timex(type_name, resolution.get("values", ()))
        expressions.append(
            TimeExpression(
                span=span, text=text[span.start : span.end], type=kind, value=value, mod=mod
            )
        )
    return tuple(sorted(expressions, key=lambda e: (e.start, e.end)))


def make_recognizers() -> Tagger:
    """Recognizers-Text's English date-time model as a tagger (ImportError when missing)."""
    from recognizers_date_time import DateTimeRecognizer  # noqa: PLC0415  (optional peer)
    from recognizers_text import Culture  # noqa: PLC0415

    model = DateTimeRecognizer(Culture.English).get_datetime_model()

    def tag(text: str, reference: str) -> tuple[TimeExpression, ...]:
        when = dt.datetime.fromisoformat(reference)
        expressions: list[TimeExpression] = []
        for start, end in sentence_spans(text):
            found = recognizers_expressions(text[start:end], model.parse(text[start:end], when))
            expressions.extend(shifted(found, start))
        return tuple(expressions)

    return tag


def shifted(expressions: Iterable[TimeExpression], by: int) -> tuple[TimeExpression, ...]:
    """``expressions`` found in a part of a text starting at ``by``, placed in the whole text."""
    return tuple(
        attrs.evolve(expression, span=Span(expression.start + by, expression.end + by))
        for expression in expressions
    )


# ---------------------------------------------------------------- ctparse

# ctparse's parts of the day (``Time.POD``, after ``very``/``early``/``late`` prefixes) as
# TIMEX3 times: the four parts of the day TIMEX3 names, and noon as a clock time.
_POD_TIMES = {
    "morning": "MO",
    "forenoon": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "noon": "12:00",
}
_POD_PREFIX = re.compile(r"^(?:very|early|late)+")
_DURATION_UNITS = {
    "minutes": "PT{}M",
    "hours": "PT{}H",
    "days": "P{}D",
    "nights": "P{}D",
    "weeks": "P{}W",
    "months": "P{}M",
}


def ctparse_time_value(time_: Any) -> str:
    """The TIMEX3 value of a ctparse ``Time`` (fields year, month, day, hour, minute, DOW, POD).

    Unknown parts are TIMEX3's ``X`` (a month alone is ``XXXX-03``, a weekday alone
    ``XXXX-WXX-1``); a part of the day is ``TMO``/``TAF``/``TEV``/``TNI`` (noon ``T12:00``).
    ctparse's ``first`` and ``last`` parts of the day have no TIMEX3 counterpart and are left out.
    """
    year, month, day = time_.year, time_.month, time_.day
    if year is None and month is None and day is None and time_.DOW is not None:
        date = f"XXXX-WXX-{time_.DOW + 1}"
    else:
        parts = [f"{year:04d}" if year is not None else "XXXX"]
        if month is not None or day is not None:
            parts.append(f"{month:02d}" if month is not None else "XX")
        if day is not None:
            parts.append(f"{day:02d}")
        date = "-".join(parts)
    if time_.hour is not None:
        minute = time_.minute if time_.minute is not None else 0
        clock: str | None = f"{time_.hour:02d}:{minute:02d}"
    else:
        clock = _POD_TIMES.get(_POD_PREFIX.sub("", time_.POD or ""))
    if clock is None:
        return date
    if date == "XXXX":
        date = "XXXX-XX-XX"
    return f"{date}T{clock}"


def ctparse_duration_value(duration: Any) -> str:
    """The TIMEX3 value of a ctparse ``Duration`` (``value`` and ``unit``, e.g. 2 weeks → P2W)."""
    unit = getattr(duration.unit, "value", duration.unit)
    return _DURATION_UNITS[str(unit)].format(duration.value)


def ctparse_expressions(
    text: str, resolution: Any, span: Span, where: Callable[[Any], Span | None]
) -> tuple[TimeExpression, ...]:
    """One ctparse resolution (``Time``, ``Interval`` or ``Duration``) as expressions.

    ``span`` is where the whole resolution lies in ``text``; ``where`` places one of its
    parts (an artifact with ``mstart``/``mend``) in ``text``, or gives ``None``. TIMEX3 has
    no value for an interval and TimeML annotates each of its bounds, so an ``Interval``
    gives one expression per bound that has a place of its own in the text, and otherwise one
    expression over its whole span with the value of its start (or of its end, when open).
    """
    kind = type(resolution).__name__
    if kind == "Duration":
        value = ctparse_duration_value(resolution)
        return (_expression(text, span, TimexType.DURATION, value),)
    if kind == "Interval":
        bounds = [bound for bound in (resolution.t_from, resolution.t_to) if bound is not None]
        placed = [(where(bound), bound) for bound in bounds]
        if placed and all(place is not None for place, _ in placed):
            return tuple(_time_expression(text, place, bound) for place, bound in placed)
        return (_time_expression(text, span, bounds[0]),) if bounds else ()
    if kind == "Time":
        return (_time_expression(text, span, resolution),)
    return ()


def _time_expression(text: str, span: Span | None, time_: Any) -> TimeExpression:
    assert span is not None
    value = ctparse_time_value(time_)
    kind = TimexType.TIME if "T" in value else TimexType.DATE
    return _expression(text, span, kind, value)


def _expression(text: str, span: Span, kind: TimexType, value: str) -> TimeExpression:
    return TimeExpression(span=span, text=text[span.start : span.end], type=kind, value=value)


def _separates(character: str) -> bool:
    """A character ctparse's pre-processing turns into (part of) one space."""
    category = unicodedata.category(character)
    return character in ",;" or category[0] in "ZC" or category in ("Ps", "Pe")


def _dashes(character: str) -> bool:
    """A character ctparse's pre-processing turns into (part of) one ``-``."""
    return unicodedata.category(character) == "Pd" or "\u2010" <= character <= "\u2015" or (
        character == "\u2043"
    )  # fmt: skip


def ctparse_normalized(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` as ctparse sees it, and where each of its characters comes from.

    ctparse parses, and reports offsets into, its input with every run of commas,
    semicolons, white space, control characters and brackets made one space, every run of
    dashes one ``-``, and both ends stripped. This does the same and keeps, for each character
    of the result, the ``[start, end)`` of the characters of ``text`` it stands for.
    """
    characters: list[str] = []
    sources: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        for test, replacement in ((_separates, " "), (_dashes, "-")):
            if test(text[index]):
                end = index
                while end < len(text) and test(text[end]):
                    end += 1
                characters.append(replacement)
                sources.append((index, end))
                index = end
                break
        else:
            characters.append(text[index])
            sources.append((index, index + 1))
            index += 1
    while characters and characters[-1].isspace():
        characters.pop()
        sources.pop()
    while characters and characters[0].isspace():
        characters.pop(0)
        sources.pop(0)
    return "".join(characters), sources


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence: text cut after ``.!?`` before white space, and at
    line breaks.
    """
    start = 0
    for boundary in re.finditer(r"(?<=[.!?])\s+|\n+", text):
        if boundary.start() > start:
            yield start, boundary.start()
        start = boundary.end()
    if start < len(text):
        yield start, len(text)


def make_ctparse() -> Tagger:
    """ctparse as a tagger over sentences (raises ImportError when it is not installed)."""
    from ctparse import ctparse_gen  # noqa: PLC0415  (optional peer)
    from ctparse.time.postprocess_latent import apply_postprocessing_rules  # noqa: PLC0415

    logging.getLogger("ctparse").setLevel(logging.ERROR)  # "Failed to produce result" per miss

    def best(piece: str, ts: dt.datetime) -> tuple[Any, Any] | None:
        """What ``ctparse(piece, ts=ts)`` returns, with the parse it came from."""
        top = None
        for parse in ctparse_gen(piece, ts=ts, latent_time=False):
            # ctparse() sorts by score and takes the last: among equals, the latest
            if parse is not None and (top is None or parse.score >= top.score):
                top = parse
        if top is None:
            return None
        return apply_postprocessing_rules(ts, top.resolution), top.resolution

    def tag(text: str, reference: str) -> tuple[TimeExpression, ...]:
        ts = dt.datetime.fromisoformat(reference)
        expressions: list[TimeExpression] = []
        pending = list(sentence_spans(text))
        while pending:
            start, end = pending.pop()
            normalized, sources = ctparse_normalized(text[start:end])
            if not normalized:
                continue
            found = best(text[start:end], ts)
            if found is None:
                continue
            resolution, parsed = found

            def where(artifact: Any, start: int = start, sources: Sequence[Any] = sources) -> (
                Span | None
            ):  # fmt: skip
                first, last = artifact.mstart, artifact.mend
                if not 0 <= first < last <= len(sources):
                    return None
                return _trimmed(text, start + sources[first][0], start + sources[last - 1][1])

            span = where(parsed)
            if span is None:  # no place in the text: nothing more can be cut from it
                continue
            expressions.extend(ctparse_expressions(text, resolution, span, where))
            pending += [(start, span.start), (span.end, end)]
        return tuple(sorted(expressions, key=lambda e: (e.start, e.end)))

    return tag


# ---------------------------------------------------------------- Duckling (Clojure)

_DUCKLING_DURATIONS = {
    "second": "PT{}S",
    "minute": "PT{}M",
    "hour": "PT{}H",
    "day": "P{}D",
    "week": "P{}W",
    "month": "P{}M",
    "quarter": "P{}Q",
    "year": "P{}Y",
}


def duckling_time_value(value: str, grain: str) -> str:
    """A Duckling time (``1997-10-01T00:00:00.000Z`` and its grain) as a TIMEX3 value.

    The grain says how much of the value is meant: ``year`` → ``1997``, ``quarter`` →
    ``1997-Q4``, ``month`` → ``1997-10``, ``week`` → the ISO week ``1997-W40``, ``day`` →
    ``1997-10-01``, ``hour`` and ``minute`` → ``1997-10-01T00:00``, ``second`` → with seconds.
    """
    when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if grain == "year":
        return f"{when.year:04d}"
    if grain == "quarter":
        return f"{when.year:04d}-Q{(when.month + 2) // 3}"
    if grain == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if grain == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if grain in ("hour", "minute"):
        return when.strftime("%Y-%m-%dT%H:%M")
    if grain == "second":
        return when.strftime("%Y-%m-%dT%H:%M:%S")
    return when.date().isoformat()


def duckling_timex(result: Mapping[str, Any]) -> tuple[TimexType, str]:
    """The TIMEX3 type and value of one Duckling result (``dim`` ``time`` or ``duration``).

    A duration is ``P``/``PT`` with its number and unit (``20`` ``year`` → ``P20Y``). A time
    is its value at its grain, TIME when finer than a day, else DATE; an interval (``from``,
    ``to``) has no TIMEX3 value and gets its start's (or, when open, its end's).
    """
    value = result["value"]
    if result["dim"] == "duration":
        number = float(value["value"])
        shown = str(int(number)) if number.is_integer() else str(number)
        return TimexType.DURATION, _DUCKLING_DURATIONS[value["unit"]].format(shown)
    point = value if value.get("type") == "value" else value.get("from") or value.get("to")
    grain = point["grain"]
    kind = TimexType.TIME if grain in ("hour", "minute", "second") else TimexType.DATE
    return kind, duckling_time_value(point["value"], grain)


def duckling_expressions(
    text: str, results: Iterable[Mapping[str, Any]]
) -> tuple[TimeExpression, ...]:
    """Duckling's results (dicts with ``dim``, ``body``, ``start``, ``end``, ``value``).

    Duckling returns every reading it found, overlapping ones included, and marks the unlikely
    ones ``latent`` (a bare number read as an hour). Latent readings are dropped, as the
    Haskell Duckling drops them by default, and of overlapping readings the longest is kept
    (the earlier in Duckling's order among equals). Spans are trimmed of white space.
    """
    candidates = []
    for order, result in enumerate(results):
        if result.get("latent") or result.get("dim") not in ("time", "duration"):
            continue
        span = _trimmed(text, int(result["start"]), min(int(result["end"]), len(text)))
        if span is not None:
            candidates.append((-len(span), order, span, result))
    chosen: list[TimeExpression] = []
    for _length, _order, span, result in sorted(candidates, key=lambda c: (c[0], c[1])):
        if any(span.overlaps(expression.span) for expression in chosen):
            continue
        kind, value = duckling_timex(result)
        chosen.append(_expression(text, span, kind, value))
    return tuple(sorted(chosen, key=lambda e: (e.start, e.end)))


def make_duckling() -> Tagger:
    """The Clojure Duckling that PyPI's ``duckling`` ships, as a tagger (ImportError if missing).

    The wrapper (2018) expects the JPype of its time, which turned Java strings into Python
    ones; JPype 1.x does so only when the JVM is started with ``convertStrings=True``, so the
    JVM is started here, with the wrapper's jars, before the wrapper would start it.
    """
    import duckling  # noqa: PLC0415  (optional peer)
    import jpype  # noqa: PLC0415

    if not jpype.isJVMStarted():
        jars = sorted(str(jar) for jar in Path(duckling.__file__).parent.glob("jars/*.jar"))
        jpype.startJVM(jpype.getDefaultJVMPath(), classpath=jars, convertStrings=True)
    # its warning "@pass-all reached maximum stash size for sentence '<the whole document>'"
    logger = jpype.JClass("java.util.logging.Logger").getLogger("")
    logger.setLevel(jpype.JClass("java.util.logging.Level").SEVERE)
    wrapper = duckling.Duckling()
    wrapper.load(["en"])

    def tag(text: str, reference: str) -> tuple[TimeExpression, ...]:
        results = wrapper.parse(
            text,
            language="en",
            dim_filter=["time", "duration"],
            reference_time=f"{reference}T00:00:00",
        )
        return duckling_expressions(text, results)

    return tag


# ---------------------------------------------------------------- the peers


@attrs.frozen
class Peer:
    """A tagger that may be installed: its name, distribution and how to build it."""

    name: str
    distribution: str
    build: Callable[[], Tagger]


PEERS = (
    Peer("datefinder", "datefinder", make_datefinder),
    Peer("datefinder-legacy", "datefinder", lambda: make_datefinder("legacy")),
    Peer("ctparse", "ctparse", make_ctparse),
    Peer("Recognizers-Text", "recognizers-text-date-time", make_recognizers),
    Peer("Duckling-Clojure", "duckling", make_duckling),
)


def load(peer: Peer) -> tuple[Tagger | None, str]:
    """The peer's tagger and version, or ``None`` and why it is missing."""
    try:
        tagger = peer.build()
    except ImportError as error:
        return None, f"{NOT_INSTALLED} ({error})"
    except Exception as error:  # installed but cannot start (no Java for Duckling...)
        return None, f"could not start ({type(error).__name__}: {error})"
    try:
        version = importlib.metadata.version(peer.distribution)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown version"
    return tagger, version


def run(
    documents: Sequence[TimeMLDocument], tagger: Tagger, name: str
) -> tuple[Report, int, float]:
    """Tag and score the documents as ``evaluate`` does; also count documents that raised.

    A document on which the tagger raises counts as one with no finds. Returns the report
    (timed by the wall clock, as ``evaluate`` times), the number of documents that raised and
    the CPU time of the process over the same run, every thread included (a JVM's too): on a
    busy machine the wall time counts time spent waiting for a processor, the CPU time not.
    """
    if documents:  # warm-up, so that one-time loading is not timed as tagging
        tagger(documents[0].text, reference_date(documents[0].dct))
    failed = 0
    predicted: dict[str, Sequence[TimeExpression]] = {}
    started, cpu = time.perf_counter(), time.process_time()
    for document in documents:
        try:
            predicted[document.name] = tuple(tagger(document.text, reference_date(document.dct)))
        except Exception:  # a peer's own failure is counted and reported, not fatal
            failed += 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Report(score(documents, predicted), tuple(documents), seconds, name), failed, cpu


# ---------------------------------------------------------------- main


def _timing(report: Report, cpu: float, failed: int) -> str:
    """One line: wall and CPU seconds, characters per second of each, documents that raised."""
    wall = f"{report.characters / report.seconds:,.0f}" if report.seconds else "-"
    per_cpu = f"{report.characters / cpu:,.0f}" if cpu else "-"
    raised = f", {failed} documents raised" if failed else ""
    return (
        f"{report.tagger_name}: {report.seconds:.2f} s wall ({wall} chars/s), "
        f"{cpu:.2f} s CPU ({per_cpu} chars/CPU s){raised}"
    )


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths",
        type=Path,
        nargs="+",
        metavar="DIR_OR_FILE",
        help="directories of .tml files (searched recursively) or .tml files",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON")
    parser.add_argument("--only", action="append", metavar="NAME",
                        choices=[peer.name for peer in PEERS],
                        help="run only this peer (repeatable); eventline always runs")  # fmt: skip
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N documents")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Score eventline and every chosen, installed peer on the same documents."""
    args = _parse_args(argv)
    documents = tuple(read_timeml(path) for path in find_timeml_files(args.paths))
    if args.limit is not None:
        documents = documents[: args.limit]
    characters = sum(len(document.text) for document in documents)
    print(f"{len(documents)} documents, {characters:,} characters")
    ours, _failed, cpu = run(documents, eventline.tag, "eventline")
    print(_timing(ours, cpu, 0))
    reports = [ours]
    cpu_seconds = {ours.tagger_name: cpu}
    peers: dict[str, dict[str, Any]] = {}
    for peer in PEERS:
        if args.only and peer.name not in args.only:
            continue
        tagger, version = load(peer)
        if tagger is None:
            print(f"{peer.name}: {version}")
            peers[peer.name] = {"status": version}
            continue
        report, failed, cpu = run(documents, tagger, f"{peer.name} {version}")
        print(_timing(report, cpu, failed))
        peers[peer.name] = {"status": "run", "version": version, "failed_documents": failed}
        reports.append(report)
        cpu_seconds[report.tagger_name] = cpu
    print()
    print(comparison_table(reports))
    if args.json:
        result = {
            "paths": [str(path) for path in args.paths],
            "limit": args.limit,
            "documents": len(documents),
            "characters": characters,
            "peers": peers,
            "taggers": {
                report.tagger_name: {
                    **_metrics(report),
                    "cpu_seconds": round(cpu_seconds[report.tagger_name], 3),
                    "chars_per_cpu_second": round(characters / cpu_seconds[report.tagger_name])
                    if cpu_seconds[report.tagger_name]
                    else None,
                }
                for report in reports
            },
        }
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (eventline.EventlineError, OSError) as error:
        sys.exit(f"peers.py: error: {error}")
