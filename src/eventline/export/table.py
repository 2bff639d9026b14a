r"""Timelines as tables: CSV safe to open in a spreadsheet, and a readable Markdown document.

:func:`to_csv` writes one row per event (dated events first, earliest first, then the undated
ones) with the :mod:`csv` module, which quotes commas, quotes and line breaks. Spreadsheets
run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some a tab or carriage return
before one) as a formula, so such a cell gets a single quote in front, as OWASP recommends
("CSV injection"); so does a cell that starts with a quote already, which makes the rule
reversible: remove one leading ``'`` from a cell that has one to get the text back.

:func:`to_markdown` writes a heading, the reference date and how it was obtained, a table of
the dated events and a list of the undated ones. Article text is escaped: ``&``, ``<`` and
``>`` become character references (no HTML gets through), ``\``, `````, ``*``, ``_``, ``[``,
``]``, ``|``, ``~`` and ``$`` get a backslash (no emphasis, links, code, math or extra
table cells), and line breaks and other control characters become spaces (a row stays on one
line).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Final

from eventline.export._display import value_label
from eventline.model import Event, ReferenceSource, Timeline

__all__ = ["CSV_COLUMNS", "markdown_text", "spreadsheet_safe", "to_csv", "to_markdown"]

CSV_COLUMNS: Final = (
    "id",
    "value",
    "grain",
    "start",
    "end",
    "status",
    "title",
    "trigger",
    "sentence",
    "attribution",
    "participants",
    "location",
    "mentions",
    "freq",
)
"""The header row of :func:`to_csv`. ``freq`` was added last, so reading by position still works."""

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "'")
"""Cell beginnings neutralized by a leading quote (the last one keeps the rule reversible)."""

_PARTICIPANT_SEPARATOR: Final = "; "

_MARKDOWN_ESCAPES: Final = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    **{character: "\\" + character for character in "\\`*_[]|~$"},
}
_MARKDOWN_SPECIAL: Final = re.compile("[&<>\\\\`*_\\[\\]|~$]")
_LINE_BREAKS: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")

_MARKDOWN_COLUMNS: Final = ("Date", "Grain", "Status", "Event", "Expression", "Sentence")


# ----------------------------------------------------------------------------- CSV


def spreadsheet_safe(cell: str) -> str:
    """``cell`` with a single quote in front when a spreadsheet could read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def to_csv(timeline: Timeline) -> str:
    r"""The timeline as CSV: a header row (:data:`CSV_COLUMNS`), then one row per event.

    Rows end with ``\r\n`` (RFC 4180). Cells hold text as is, except that every cell passes
    through :func:`spreadsheet_safe`. ``participants`` are joined with ``"; "``; ``start`` and
    ``end`` are the ISO 8601 bounds of the event's interval (empty for undated events);
    ``mentions`` counts the places in the text that report the event (at least 1); ``freq`` is
    the TIMEX3 freq of a set as the event's time (``2X`` for "twice a week", value ``P1W``).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in _all_events(timeline):
        writer.writerow([spreadsheet_safe(cell) for cell in _csv_row(event)])
    return buffer.getvalue()


def _all_events(timeline: Timeline) -> Iterable[Event]:
    """Dated events in timeline order, then undated ones."""
    return (*timeline.events, *timeline.undated)


def _csv_row(event: Event) -> list[str]:
    """The cells of one event, in :data:`CSV_COLUMNS` order, before neutralizing."""
    interval = event.when.interval
    return [
        event.id,
        event.when.value,
        str(event.when.grain or ""),
        interval.start.isoformat() if interval else "",
        interval.end.isoformat() if interval else "",
        str(event.status),
        event.title,
        event.trigger.text,
        event.sentence,
        event.attribution or "",
        _PARTICIPANT_SEPARATOR.join(event.participants),
        event.location or "",
        str(len(event.mentions) or 1),
        event.when.freq or "",
    ]


# ----------------------------------------------------------------------------- Markdown


def markdown_text(text: str) -> str:
    """``text`` as inline Markdown that renders as itself, on one line, with no HTML."""
    flat = _LINE_BREAKS.sub(" ", text)
    return _MARKDOWN_SPECIAL.sub(lambda match: _MARKDOWN_ESCAPES[match.group()], flat)


def to_markdown(timeline: Timeline) -> str:
    """The timeline as a Markdown document: heading, reference date, events table, undated list.

    The table has one row per dated event, earliest first: its TIMEX3 value (with a set's
    frequency: ``P1W 2X``), grain, status, title, the time expression as written and the
    sentence. Undated events follow in a list.
    """
    sections = [_heading(timeline), _events_table(timeline.events), _undated(timeline.undated)]
    return "\n\n".join(section for section in sections if section) + "\n"


def _heading(timeline: Timeline) -> str:
    """The title and a sentence saying how the reference date was obtained."""
    reference = timeline.reference
    date = reference.date.isoformat()
    if reference.source is ReferenceSource.GIVEN:
        how = f"The reference date, {date}, was given."
    elif reference.evidence:
        reasons = "; ".join(markdown_text(reason) for reason in reference.evidence)
        how = f"The reference date, {date}, was inferred from the text: {reasons}."
    else:
        how = f"The reference date, {date}, was inferred from the text."
    return f"# Timeline (reference date {date})\n\n{how}"


def _row(cells: Iterable[str]) -> str:
    """One table row of already escaped cells."""
    return "| " + " | ".join(cells) + " |"


def _events_table(events: Iterable[Event]) -> str:
    """The dated events as a table, or a sentence saying there are none."""
    rows = [_row(_markdown_cells(event)) for event in events]
    if not rows:
        return "No dated events."
    header = [_row(_MARKDOWN_COLUMNS), _row("---" for _ in _MARKDOWN_COLUMNS)]
    return "\n".join(["## Events", "", *header, *rows])


def _markdown_cells(event: Event) -> list[str]:
    """The escaped cells of one dated event."""
    return [
        markdown_text(value_label(event.when)),
        markdown_text(str(event.when.grain or "")),
        markdown_text(str(event.status)),
        markdown_text(event.title),
        markdown_text(event.when.text),
        markdown_text(event.sentence),
    ]


def _undated(events: Iterable[Event]) -> str:
    """The undated events as a list (empty when there are none).

    Each item starts with the bold time expression, never with article text that Markdown
    could read as a block ("1. ", "# ", "> ").
    """
    items = [
        f"- **{markdown_text(event.when.text or event.when.value)}** "
        f"({markdown_text(value_label(event.when))}, {event.status}): {markdown_text(event.title)}"
        for event in events
    ]
    if not items:
        return ""
    return "\n".join(["## Undated events", "", *items])
