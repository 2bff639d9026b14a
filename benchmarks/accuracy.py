"""Score eventline (and optionally dateparser) on a TimeML corpus, TempEval-3 Task A style.

    python benchmarks/accuracy.py ../shared/data/tbaq-cleaned
    python benchmarks/accuracy.py tests/documents/history-*.tml
    python benchmarks/accuracy.py ../shared/data/tbaq-cleaned --compare-dateparser \
        --check-gold ../shared/data/tbaq-cleaned/gold.jsonl --json /tmp/accuracy.json

Prints the metrics table; writes a file only when ``--json OUT`` is given. ``--check-gold``
verifies that eventline's TimeML reader reproduces the corpus' gold.jsonl exactly (text, DCT,
timex offsets, types and values) and exits 1 when it does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:
    import eventline
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import eventline

from dateparser.search import search_dates

from eventline.evaluate import (
    Counts,
    Report,
    TimeMLDocument,
    evaluate,
    find_timeml_files,
    read_timeml,
)
from eventline.model import Span, TimeExpression, TimexType

DATEPARSER_NAME = "dateparser search_dates"


# ---------------------------------------------------------------- dateparser as a tagger


def dateparser_tag(text: str, reference: str) -> tuple[TimeExpression, ...]:
    """Run dateparser's ``search_dates`` (English) and turn its finds into DATE expressions.

    Each found substring is located in ``text`` after the previous one; its value is the
    found datetime's date as ``YYYY-MM-DD``. Finds that cannot be located are dropped.
    """
    base = dt.datetime.fromisoformat(reference)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    expressions: list[TimeExpression] = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        expressions.append(
            TimeExpression(
                span=Span(start, cursor),
                text=surface,
                type=TimexType.DATE,
                value=when.date().isoformat(),
            )
        )
    return tuple(expressions)


# ---------------------------------------------------------------- gold.jsonl check


def _gold_record(document: TimeMLDocument, file: str) -> dict[str, Any]:
    """``document`` in gold.jsonl's form."""
    return {
        "doc": document.name,
        "file": file,
        "dct": document.dct,
        "text": document.text,
        "timexes": [
            {
                "tid": timex.tid,
                "start": timex.span.start,
                "end": timex.span.end,
                "text": timex.text,
                "type": timex.type,
                "value": timex.value,
            }
            for timex in document.timexes
        ],
    }


def check_gold(data_dir: Path, gold_path: Path) -> list[str]:
    """Compare the reader's output with gold.jsonl; return one line per difference."""
    problems: list[str] = []
    with gold_path.open(encoding="utf-8") as stream:
        expected = [json.loads(line) for line in stream if line.strip()]
    names = {path.stem for path in find_timeml_files(data_dir)}
    for record in expected:
        document = read_timeml(data_dir / record["file"])
        got = _gold_record(document, record["file"])
        for key in ("doc", "dct", "text", "timexes"):
            if got[key] != record[key]:
                problems.append(f"{record['doc']}: {key} differs")
        names.discard(record["doc"])
    problems.extend(f"{name}: in {data_dir} but not in {gold_path.name}" for name in sorted(names))
    if not problems:
        print(f"reader matches {gold_path.name}: {len(expected)}/{len(expected)} documents")
    return problems


# ---------------------------------------------------------------- output


def _metrics(report: Report) -> dict[str, Any]:
    counts = report.scores.total
    speed = report.characters / report.seconds if report.seconds else None
    return {
        "counts": {
            name: getattr(counts, name)
            for name in ("gold", "predicted", "strict", "relaxed", "type_correct", "value_correct")
        },
        **{name: round(getattr(counts, name), 4) for name in _METRIC_NAMES},
        "seconds": round(report.seconds, 3),
        "chars_per_second": round(speed) if speed else None,
    }


_METRIC_NAMES = (
    "strict_precision",
    "strict_recall",
    "strict_f1",
    "relaxed_precision",
    "relaxed_recall",
    "relaxed_f1",
    "type_accuracy",
    "type_f1",
    "value_accuracy",
    "value_f1",
)


_TABLE_METRICS = (
    "strict_precision",
    "strict_recall",
    "strict_f1",
    "relaxed_precision",
    "relaxed_recall",
    "relaxed_f1",
    "type_f1",
    "value_accuracy",
    "value_f1",
)


def comparison_table(reports: Sequence[Report]) -> str:
    """One row per tagger: strict and relaxed P/R/F1, type F1, value accuracy and F1, speed."""
    header = ("tagger", "strict P", "R", "F1", "relaxed P", "R", "F1", "type F1", "value acc",
              "value F1", "chars/s")  # fmt: skip
    rows: list[Sequence[str]] = [header]
    for report in reports:
        c: Counts = report.scores.total
        speed = f"{report.characters / report.seconds:,.0f}" if report.seconds else "-"
        numbers = [getattr(c, name) for name in _TABLE_METRICS]
        rows.append((report.tagger_name, *(f"{n:.3f}" for n in numbers), speed))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    )


# ---------------------------------------------------------------- main


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths",
        type=Path,
        nargs="+",
        metavar="DIR_OR_FILE",
        help="directories of .tml files (searched recursively) or .tml files",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the metrics as JSON")
    parser.add_argument("--check-gold", type=Path, metavar="GOLD_JSONL",
                        help="check the TimeML reader against this gold.jsonl")  # fmt: skip
    parser.add_argument("--compare-dateparser", action="store_true",
                        help="also score dateparser's search_dates (slow)")  # fmt: skip
    parser.add_argument("--documents", action="store_true", help="per-document rows")
    parser.add_argument("--errors", action="store_true", help="list eventline's mistakes")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 1 when the gold check fails, else 0."""
    args = _parse_args(argv)
    status = 0
    if args.check_gold:
        if len(args.paths) != 1 or not args.paths[0].is_dir():
            sys.exit("accuracy.py: error: --check-gold needs exactly one directory")
        problems = check_gold(args.paths[0], args.check_gold)
        for problem in problems:
            print(f"gold check: {problem}")
        status = 1 if problems else 0

    reports = [evaluate(args.paths, tagger=eventline.tag, tagger_name="eventline")]
    print(reports[0].format(documents=args.documents, errors=args.errors))
    if args.compare_dateparser:
        reports.append(evaluate(args.paths, tagger=dateparser_tag, tagger_name=DATEPARSER_NAME))
        print(reports[1].format())
    print(comparison_table(reports))

    if args.json:
        result = {
            "paths": [str(path) for path in args.paths],
            "documents": len(reports[0].documents),
            "characters": reports[0].characters,
            "taggers": {report.tagger_name: _metrics(report) for report in reports},
        }
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (eventline.EventlineError, OSError) as error:
        sys.exit(f"accuracy.py: error: {error}")
