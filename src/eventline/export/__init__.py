"""Timelines in formats other tools read.

- JSON (:mod:`eventline.export.json`): :func:`to_json`, :func:`to_jsonl` and :func:`load_json`,
  a versioned layout with a JSON Schema (:func:`timeline_schema`); see docs/export.md.
- iCalendar (:mod:`eventline.export.ical`): :func:`to_ical` returns an :class:`IcalExport`.
- TimeML (:mod:`eventline.export.timeml`): :func:`to_timeml`, the text with inline tags.
- Tables (:mod:`eventline.export.table`): :func:`to_csv` (safe in spreadsheets) and
  :func:`to_markdown`.
- TimelineJS (:mod:`eventline.export.timelinejs`): :func:`to_timelinejs`, Knight Lab JSON.
- HTML (:mod:`eventline.export.html`): :func:`to_html`, one self-contained page.
"""

from __future__ import annotations

from eventline.export.html import to_html
from eventline.export.ical import IcalExport, to_ical
from eventline.export.json import (
    InvalidTimelineJSONError,
    load_json,
    timeline_schema,
    to_json,
    to_jsonl,
)
from eventline.export.table import to_csv, to_markdown
from eventline.export.timelinejs import to_timelinejs
from eventline.export.timeml import to_timeml

__all__ = [
    "IcalExport",
    "InvalidTimelineJSONError",
    "load_json",
    "timeline_schema",
    "to_csv",
    "to_html",
    "to_ical",
    "to_json",
    "to_jsonl",
    "to_markdown",
    "to_timelinejs",
    "to_timeml",
]
