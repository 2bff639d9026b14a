"""Timelines in formats other tools read.

- JSON (:mod:`eventline.export.json`): :func:`to_json`, :func:`to_jsonl` and :func:`load_json`,
  a versioned layout with a JSON Schema (:func:`timeline_schema`); see docs/export.md.
"""

from __future__ import annotations

from eventline.export.json import (
    InvalidTimelineJSONError,
    load_json,
    timeline_schema,
    to_json,
    to_jsonl,
)

__all__ = [
    "InvalidTimelineJSONError",
    "load_json",
    "timeline_schema",
    "to_json",
    "to_jsonl",
]
