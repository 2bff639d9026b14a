"""Sentence boundaries with character offsets into the original text."""

from __future__ import annotations

import bisect
import functools
import re

__all__ = ["Sentences"]

# A full stop (or ! ?) before the next sentence's word or digit, or a blank line. It begins
# with a character class, so the scan skips to the next candidate without trying a match.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[^\W_])|(?<=\n)\s*\n)")
# A single line break: between two lines that have words (not inside a blank-line gap)
_LINE_BREAK = re.compile(r"\n[^\S\n]*(?=\S)")  # starts with a literal: a fast scan
# A blank line: the end of a paragraph
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# A paragraph with at least this many single line breaks is judged wrapped or not by its own
_PARAGRAPH_BREAKS = 3
# Of a text's single line breaks, at least this share continue with a lower-case word when
# the text is prose wrapped at a fixed width ("... said on\nThursday that ..." is rarer than
# "... the\nminister ..."). A list, a chronology or a headline above its story has almost none.
_WRAPPED_SHARE = 0.2
# A line ending so is cut in the middle of a sentence, whatever the text is like
_RUN_ON_MARKS = frozenset(",-(\u2013\u2014")
# A chat line's speaker ("lou: it will be great"): a new message, even in a short log
_SPEAKER = re.compile(r"[^\W\d][\w.-]{0,24}: ")
# A quotation's closing marks: a stop before one goes on with its attribution ("?' she asked")
_CLOSING_QUOTES = "\"'\u201d\u2019"
# A capitalized word of at most so many letters before a stop and a lower-case word is read as
# an abbreviation ("Cos.", "Fla."), not the end of a sentence
_SHORT_ABBREVIATION = 3


def _line_starts(text: str, run_on: frozenset[str]) -> list[int]:
    """Where the lines of the text's paragraphs that are not hard-wrapped start.

    A chronology ("March 3, 2020 – Schools close" on each line), a bulleted list or a headline
    has one statement per line, with no full stop to end it; wrapped prose has line breaks
    in the middle of its sentences, and those are no boundaries. Each paragraph (text between
    blank lines) with a few line breaks of its own is judged alone, so that a timeline under a
    wrapped article is still read line by line; a shorter one goes by the whole text.
    """
    breaks = []  # (end of a line with words, start of the next line's words)
    for found in _LINE_BREAK.finditer(text):
        end = found.start()
        while end > 0 and text[end - 1] in " \t\r\f\v":
            end -= 1
        if end > 0 and not text[end - 1].isspace():  # not the second break of a blank line
            breaks.append((end, found.end()))
    if not breaks:
        return []
    paragraphs: list[list[tuple[int, int]]] = [[]]
    gaps = [found.start() for found in _BLANK_LINE.finditer(text)]
    gap = 0
    for line_break in breaks:
        while gap < len(gaps) and gaps[gap] < line_break[0]:
            gap += 1
            if paragraphs[-1]:
                paragraphs.append([])
        paragraphs[-1].append(line_break)
    whole_wrapped = _wrapped(text, breaks)
    starts: list[int] = []
    for paragraph in paragraphs:
        alone = len(paragraph) >= _PARAGRAPH_BREAKS
        wrapped = _wrapped(text, paragraph) if alone else whole_wrapped
        starts.extend(
            start
            for end, start in paragraph
            if not _continues(text, end, run_on)
            and (not wrapped or text[end - 1] == ":" or _SPEAKER.match(text, start) is not None)
        )
    return starts


def _wrapped(text: str, breaks: list[tuple[int, int]]) -> bool:
    """Are these line breaks those of prose wrapped at a fixed width?

    Enough of them go on with a lower-case word, and most come where the next word would not
    have fit on the line. A chat log's lines ("mia: ok who took my charger lol" then "jordan:
    not me") are as long as their messages, whatever their case.
    """
    lower = sum(1 for _end, start in breaks if text[start].islower())
    if lower < _WRAPPED_SHARE * len(breaks):
        return False
    lengths = [(end - text.rfind("\n", 0, end) - 1, start) for end, start in breaks]
    width = max(length for length, _start in lengths)
    for _end, start in breaks:
        line_end = text.find("\n", start)
        width = max(width, (len(text) if line_end < 0 else line_end) - start)
    forced = 0
    for length, start in lengths:
        word = start
        while word < len(text) and not text[word].isspace():
            word += 1
        if length + 1 + word - start > width:
            forced += 1
    return 2 * forced >= len(breaks)


def _continues(text: str, end: int, run_on: frozenset[str]) -> bool:
    """Does the line ending at ``end`` run on into the next ("... an official said on")?"""
    if text[end - 1] in _RUN_ON_MARKS:
        return True
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end].lower() in run_on


def _lower_start(text: str, found: re.Match[str]) -> bool:
    """Does a stop before a lower-case word end a sentence, as chat writes one?

    "...monday at 9am. someone has to be home" is two sentences; an ellipsis ("so... we
    left", ". . . and"), a quotation's closing mark ("'Why?' she asked") and a stop that
    ends a dotted or short capitalized abbreviation ("Amherst, N.Y. chatting", "Anheuser-Busch
    Cos. said", "Fort Lauderdale, Fla. home video") go on with the sentence.
    """
    period = found.start()
    if text[period + 1] in _CLOSING_QUOTES:
        return False
    if text[period] != ".":
        return True
    begin = period
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "."):
        begin -= 1
    last = text[begin:period]
    if not last:  # a spaced ellipsis ". . . and"
        return period < 2 or text[period - 2] != "."
    if "." in last:
        return False
    return not (last[0].isupper() and len(last) <= _SHORT_ABBREVIATION)


@functools.cache
def _longest(abbreviations: frozenset[str]) -> int:
    """The length of the longest abbreviation (a single letter is one too)."""
    return max((len(word) for word in abbreviations), default=1)


class Sentences:
    """The sentences of a text as ``[start, end)`` offsets, with lookup by offset."""

    def __init__(
        self,
        text: str,
        abbreviations: frozenset[str] = frozenset(),
        run_on: frozenset[str] = frozenset(),
    ) -> None:
        """Split ``text``; ``abbreviations`` end no sentence, nor do lines ending in ``run_on``."""
        starts = [0]
        longest = _longest(abbreviations)
        for found in _BOUNDARY.finditer(text):
            period = found.start()
            # (a word longer than any abbreviation is none: most sentences end with one)
            if text[period] == "." and not (
                period > longest and text[period - longest - 1 : period].isalnum()
            ):
                begin = period
                while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "."):
                    begin -= 1
                last = text[begin:period]
                abbreviated = last.lower() in abbreviations or (len(last) == 1 and last.isalpha())
                # "Sept. 5", "J. Smith": not the end of a sentence; but a blank line after
                # "4 p.m." ends its paragraph
                if abbreviated and _BLANK_LINE.search(text, period, found.end()) is None:
                    continue
            lower = text[period] != "\n" and text[found.end()].islower()
            if lower and not _lower_start(text, found):
                continue
            starts.append(found.end())
        lines = _line_starts(text, run_on)
        if lines:
            starts = sorted(set(starts).union(lines))
        self.starts = starts
        self.text_length = len(text)

    def index(self, offset: int) -> int:
        """The number of the sentence holding ``offset`` (0-based)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def bounds(self, number: int) -> tuple[int, int]:
        """The ``[start, end)`` offsets of sentence ``number``."""
        end = self.starts[number + 1] if number + 1 < len(self.starts) else self.text_length
        return self.starts[number], end
