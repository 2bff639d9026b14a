"""The ``eventline`` command line: ``eventline tag``, ``extract`` and ``evaluate``.

Bad input (a missing file, an unreadable reference date, an invalid option) is reported as one
line ``eventline: error: ...`` on stderr with exit status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import eventline
from eventline.errors import EventlineError, InvalidReferenceError
from eventline.evaluate import evaluate
from eventline.export import (
    to_csv,
    to_html,
    to_ical,
    to_json,
    to_jsonl,
    to_markdown,
    to_timelinejs,
    to_timeml,
)
from eventline.export._display import value_label
from eventline.export._files import write_atomically
from eventline.model import Grain, TimeExpression, Timeline

__all__ = ["main"]

PROG = "eventline"
EXTRACT_FORMATS = (  # see _RENDERERS
    "table",
    "json",
    "jsonl",
    "ics",
    "timeml",
    "timelinejs",
    "html",
    "md",
    "csv",
)
EXIT_USAGE = 2


class _UsageError(Exception):
    """A command-line mistake found by argparse, reported as one line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors become :class:`_UsageError` instead of usage + exit."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _add_date_order(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date-order",
        choices=("MDY", "DMY"),
        default=None,
        type=str.upper,
        help=(
            "how to read numeric dates such as 04/05/2024 (default: day first when the text"
            " writes a date only day first can read, such as 25/03/2024, else MDY)"
        ),
    )


def _build_parser() -> argparse.ArgumentParser:
    """The parser with its ``tag`` and ``evaluate`` subcommands."""
    parser = _Parser(prog=PROG, description="Tag and normalize time expressions in text.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    tag = commands.add_parser("tag", help="tag the time expressions of a text file")
    tag.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for standard input")
    tag.add_argument(
        "--reference",
        required=True,
        metavar="DATE",
        help="reference date the text is read against, e.g. 2024-04-24 (required)",
    )
    tag.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    _add_date_order(tag)

    extract = commands.add_parser("extract", help="print the timeline of a text file's events")
    extract.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for standard input")
    extract.add_argument(
        "--reference",
        metavar="DATE",
        help="the date the text speaks from, e.g. 2024-04-24 (default: inferred from the text)",
    )
    extract.add_argument(
        "--format",
        choices=EXTRACT_FORMATS,
        default="table",
        help="table (default), json, jsonl (one line per document), ics (iCalendar), timeml, "
        "timelinejs (Knight Lab TimelineJS), html (a self-contained page), md (Markdown) or csv",
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default="-",
        help="file to write (replaced atomically), or - for standard output (default)",
    )
    extract.add_argument(
        "--tz", metavar="ZONE", help="ics: time zone of clock times, e.g. Europe/Paris"
    )
    extract.add_argument(
        "--max-grain",
        metavar="GRAIN",
        choices=[str(grain) for grain in Grain],
        help="ics: leave out events coarser than this grain (day, week, month, year...)",
    )
    extract.add_argument("--url", metavar="URL", help="the text's address, written into exports")
    extract.add_argument(
        "--source",
        metavar="ID",
        help="the text's identity for stable iCalendar UIDs (default: --url, else the file name)",
    )
    _add_date_order(extract)

    evaluate = commands.add_parser(
        "evaluate", help="score eventline on TimeML files (TempEval-3 Task A)"
    )
    evaluate.add_argument(
        "paths", nargs="+", metavar="DIR_OR_FILES", help="TimeML files or directories of .tml"
    )
    evaluate.add_argument("--documents", action="store_true", help="add one row per document")
    evaluate.add_argument("--errors", action="store_true", help="list every mistake")
    return parser


def _check_reference(given: str) -> str:
    """Return ``given`` when it is an ISO 8601 date or date-time, else raise."""
    try:
        dt.datetime.fromisoformat(given)
    except ValueError:
        raise InvalidReferenceError(given) from None
    return given


def _read_input(name: str) -> str:
    """The UTF-8 text of file ``name`` or, for ``-``, of standard input."""
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8")
    with open(name, encoding="utf-8") as stream:
        return stream.read()


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def expression_record(expression: TimeExpression) -> dict[str, Any]:
    """The JSON object ``eventline tag --format jsonl`` prints for one expression."""
    interval = expression.interval
    return {
        "text": expression.text,
        "start": expression.start,
        "end": expression.end,
        "type": str(expression.type),
        "value": expression.value,
        "mod": expression.mod,
        "freq": expression.freq,
        "grain": None if expression.grain is None else str(expression.grain),
        "interval_start": _iso(interval.start if interval else None),
        "interval_end": _iso(interval.end if interval else None),
        "anchor": expression.anchor,
    }


def _format_jsonl(expressions: Sequence[TimeExpression]) -> str:
    return "".join(
        json.dumps(expression_record(expression), ensure_ascii=False) + "\n"
        for expression in expressions
    )


def _format_table(expressions: Sequence[TimeExpression]) -> str:
    rows = [("offsets", "type", "value", "grain", "text")]
    rows.extend(
        (
            f"{expression.start}-{expression.end}",
            str(expression.type),
            value_label(expression, mod=True),
            "-" if expression.grain is None else str(expression.grain),
            expression.text.replace("\n", " "),
        )
        for expression in expressions
    )
    return "".join(line.rstrip() + "\n" for line in _aligned(rows))


def _run_tag(args: argparse.Namespace, out: TextIO) -> int:
    reference = _check_reference(args.reference)
    text = _read_input(args.file)
    expressions = eventline.tag(text, reference, date_order=args.date_order)
    formatter = _format_jsonl if args.format == "jsonl" else _format_table
    out.write(formatter(expressions))
    return 0


def format_timeline(timeline: Timeline) -> str:
    """The readable table ``eventline extract`` prints: date, grain, status, title.

    The date is the TIMEX3 value with its mod and a set's frequency (``P1W 2X``).
    """
    reference = timeline.reference
    header = f"reference date {reference.date.isoformat()} ({reference.source})"
    if reference.evidence:
        header += ": " + "; ".join(reference.evidence)
    rows = [("date", "grain", "status", "title")]
    for event in timeline:
        value = value_label(event.when, mod=True)
        grain = "-" if event.when.grain is None else str(event.when.grain)
        rows.append((value, grain, str(event.status), _one_line(event.title)))
    lines = [header, "", *_aligned(rows)]
    if timeline.undated:
        lines += ["", "undated:"]
        lines += [
            f"  {value_label(e.when)}  {e.status}  {_one_line(e.title)}" for e in timeline.undated
        ]
    return "".join(line.rstrip() + "\n" for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]


def _source(args: argparse.Namespace) -> str | None:
    if args.source is not None:
        return str(args.source)
    if args.url is not None:
        return str(args.url)
    return None if args.file == "-" else Path(args.file).name


def _as_timeml(text: str, timeline: Timeline, args: argparse.Namespace) -> str:
    """TimeML with every time expression tagged, named after the source like read_timeml does."""
    expressions = eventline.tag(text, timeline.reference.date, date_order=args.date_order)
    source = _source(args)
    name = Path(source).stem if source else "document"
    return to_timeml(text, timeline, expressions=expressions, name=name)


def _as_ical(_text: str, timeline: Timeline, args: argparse.Namespace) -> bytes:
    """The calendar; what could not go in is reported on standard error."""
    calendar = to_ical(
        timeline, source=_source(args), url=args.url, tz=args.tz, max_grain=args.max_grain
    )
    if calendar.left_out:
        reasons = ", ".join(f"{n} {reason}" for reason, n in calendar.left_out_counts.items())
        print(f"{PROG}: left out {len(calendar.left_out)} events: {reasons}", file=sys.stderr)
    return calendar.data


_Renderer = Callable[[str, Timeline, argparse.Namespace], "str | bytes"]
_RENDERERS: dict[str, _Renderer] = {
    "table": lambda _text, timeline, _args: format_timeline(timeline),
    "json": lambda _text, timeline, args: to_json(timeline, source=_source(args)),
    "jsonl": lambda _text, timeline, args: to_jsonl([timeline], sources=[_source(args)]),
    "ics": _as_ical,
    "timeml": _as_timeml,
    "timelinejs": lambda _text, timeline, args: to_timelinejs(timeline, title=_source(args)),
    "html": lambda _text, timeline, args: to_html(timeline, title=_source(args)),
    "csv": lambda _text, timeline, _args: to_csv(timeline),
    "md": lambda _text, timeline, _args: to_markdown(timeline),
}


def _render(text: str, timeline: Timeline, args: argparse.Namespace) -> bytes:
    """The timeline in the format asked for, as bytes."""
    rendered = _RENDERERS[args.format](text, timeline, args)
    return rendered.encode("utf-8") if isinstance(rendered, str) else rendered


def _run_extract(args: argparse.Namespace, out: TextIO) -> int:
    reference = None if args.reference is None else _check_reference(args.reference)
    text = _read_input(args.file)
    timeline = eventline.extract(text, reference, date_order=args.date_order)
    data = _render(text, timeline, args)
    if args.output != "-":
        write_atomically(args.output, data)
    elif isinstance(out, io.TextIOWrapper):  # bytes as they are (iCalendar's CRLF lines)
        out.flush()
        out.buffer.write(data)
        out.flush()
    else:
        out.write(data.decode("utf-8"))
    return 0


def _run_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    report = evaluate(args.paths)
    out.write(report.format(documents=args.documents, errors=args.errors))
    return 0


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _describe_os_error(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason


def _silence_stdout() -> None:
    """After the reader of our output went away, avoid a second error when Python exits."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    try:
        args = _build_parser().parse_args(argv)
        runner = {"tag": _run_tag, "extract": _run_extract, "evaluate": _run_evaluate}[args.command]
        return runner(args, sys.stdout)
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except _UsageError as error:
        return _fail(str(error))
    except EventlineError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(_describe_os_error(error))
    except UnicodeDecodeError as error:
        return _fail(f"input is not UTF-8 text ({error.reason} at byte {error.start})")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
