"""Sentence boundaries with character offsets into the original text."""

from __future__ import annotations

import bisect
import re

__all__ = ["Sentences"]

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc corp co ltd no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "u.s a.m p.m u.k u.n e.g i.e".split()
)
_BOUNDARY = re.compile(r"(?:[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n)")
_LAST_WORD = re.compile(r"([\w.]+)\.$")


class Sentences:
    """The sentences of a text as ``[start, end)`` offsets, with lookup by offset."""

    def __init__(self, text: str) -> None:
        starts = [0]
        for found in _BOUNDARY.finditer(text):
            if found.group().startswith("."):
                word = _LAST_WORD.search(text, max(0, found.start() - 12), found.start() + 1)
                if word and (
                    word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1
                ):
                    continue
            starts.append(found.end())
        self.starts = starts
        self.text_length = len(text)

    def index(self, offset: int) -> int:
        """The number of the sentence holding ``offset`` (0-based)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def bounds(self, number: int) -> tuple[int, int]:
        """The ``[start, end)`` offsets of sentence ``number``."""
        end = self.starts[number + 1] if number + 1 < len(self.starts) else self.text_length
        return self.starts[number], end
