"""Sentence boundaries with character offsets into the original text."""

from __future__ import annotations

import bisect
import re

__all__ = ["Sentences"]

_BOUNDARY = re.compile(r"(?:[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n)")


class Sentences:
    """The sentences of a text as ``[start, end)`` offsets, with lookup by offset."""

    def __init__(self, text: str, abbreviations: frozenset[str] = frozenset()) -> None:
        starts = [0]
        for found in _BOUNDARY.finditer(text):
            period = found.start()
            if text[period] == ".":
                begin = period
                while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "."):
                    begin -= 1
                last = text[begin:period]
                if last.lower() in abbreviations or (len(last) == 1 and last.isalpha()):
                    continue  # "Sept. 5", "J. Smith": not the end of a sentence
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
