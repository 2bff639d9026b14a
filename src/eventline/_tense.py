"""The tense of the clause around a mention, from auxiliaries and verb forms."""

from __future__ import annotations

import enum
import re

__all__ = ["Tense", "tense_at"]


class Tense(enum.Enum):
    """Coarse tense: what a bare weekday or month name should be resolved towards."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"


_FUTURE = frozenset(
    "will 'll shall won't wo going scheduled expected expects expect due upcoming would "
    "intends intend aims hopes slated poised plans planned planning".split()
)
_PAST = frozenset(
    "was were had did said told met held came went made took gave began left won lost saw "
    "sold bought rose fell fought got put ran sent spent stood thought wrote became brought "
    "built caught chose drew drove felt found flew forgot grew heard hit hung kept knew laid "
    "led lent lit meant paid quit read rode rang said sat shot shut sang sank slept spoke "
    "struck swore swam taught tore threw understood woke wore wept withdrew ago earlier "
    "has have 've hasn't haven't didn't wasn't weren't been".split()
)
_INTENT = frozenset(
    "plan plans planned want wants wanted hope hopes hoped set due going scheduled slated "
    "agreed agree promised promise vowed vow threatened threaten decided decide intend "
    "intends intended aim aims prepare prepares preparing ready poised likely unlikely "
    "expected expects expect ordered asked called invited".split()
)
_PRESENT = frozenset("is are am 's says does do isn't aren't doesn't".split())
_NOT_PAST = frozenset(
    "need speed seed bed red hundred shed indeed deed breed feed weed proceed exceed succeed "
    "united limited based related interested concerned supposed detailed".split()
)
_WORD = re.compile(r"[A-Za-z']+")
_WINDOW = 8


def _tense_of(word: str) -> Tense | None:
    if word in _FUTURE:
        return Tense.FUTURE
    if word in _PAST:
        return Tense.PAST
    if word in _PRESENT:
        return Tense.PRESENT
    if len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST:  # noqa: PLR2004
        return Tense.PAST
    return None


def tense_at(text: str, sentence: tuple[int, int], start: int, end: int) -> Tense:
    """The tense governing ``text[start:end]`` inside ``sentence``: nearest marker wins."""
    before = [w.lower() for w in _WORD.findall(text, sentence[0], start)][-_WINDOW:]
    after = [w.lower() for w in _WORD.findall(text, end, sentence[1])][:_WINDOW]
    before.reverse()
    for distance in range(_WINDOW):
        for words in (before, after):
            if distance >= len(words):
                continue
            if words is before and words[distance] == "to" and distance + 1 < len(words):
                if words[distance + 1] in _INTENT:
                    return Tense.FUTURE
            if words is before and distance <= 1 and words[distance] in ("is", "are"):
                return Tense.FUTURE  # "the vote is on Friday": a schedule
            if (found := _tense_of(words[distance])) is not None:
                if found is Tense.PAST and words is before:
                    return _passive(before, distance)
                return found
    return Tense.NONE


def _passive(before: list[str], index: int) -> Tense:
    """A past form right after "be" is a passive infinitive ("will be held"): future."""
    if index + 1 < len(before) and before[index + 1] in ("be", "being"):
        return Tense.FUTURE
    if index + 1 < len(before) and before[index + 1] in ("is", "are", "am"):
        return Tense.PRESENT
    return Tense.PAST
