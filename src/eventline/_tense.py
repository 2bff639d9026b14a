"""The tense of the clause around a mention, from auxiliaries and verb forms."""

from __future__ import annotations

import enum
import re

from eventline.lexicon import WordLists

__all__ = ["Tense", "tense_at"]


class Tense(enum.Enum):
    """Coarse tense: what a bare weekday or month name should be resolved towards."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"


_WORD = re.compile(r"[A-Za-z']+")
_WINDOW = 10


def _tense_of(word: str, words: WordLists) -> Tense | None:
    if word in words.future:
        return Tense.FUTURE
    if word in words.past:
        return Tense.PAST
    if word in words.present:
        return Tense.PRESENT
    if len(word) > 4 and word.endswith("ed") and word not in words.not_past:
        return Tense.PAST
    return None


def tense_at(
    text: str, sentence: tuple[int, int], start: int, end: int, words: WordLists
) -> Tense:
    """The tense governing ``text[start:end]`` inside ``sentence``: the nearest cue wins.

    Cues before the mention are read backwards and those after it forwards, alternating by
    distance, so "said on Thursday" is past and "Thursday, officials will" is future.
    """
    before = [w.lower() for w in _WORD.findall(text, sentence[0], start)][-_WINDOW:]
    after = [w.lower() for w in _WORD.findall(text, end, sentence[1])][:_WINDOW]
    before.reverse()
    for distance in range(_WINDOW):
        if distance < len(before):
            found = _cue_before(before, distance, words)
            if found is not None:
                return found
        if distance < len(after) and (found := _tense_of(after[distance], words)) is not None:
            return found
    return Tense.NONE


def _cue_before(before: list[str], index: int, words: WordLists) -> Tense | None:
    """The tense a word before the mention (``before`` is read backwards) signals, if any."""
    word = before[index]
    following = before[index + 1] if index + 1 < len(before) else ""
    if word == "to" and (following in words.intent or following in ("is", "are")):
        return Tense.FUTURE  # "plans to vote Saturday", "is to resume trading Tuesday"
    if word == "as" and following in ("soon", "early") and index + 2 < len(before):
        return Tense.FUTURE  # "as soon as Tuesday"
    if index <= 1 and word in ("is", "are"):
        return Tense.FUTURE  # "the vote is on Friday": a schedule
    found = _tense_of(word, words)
    if found is Tense.PAST:
        return _passive(before, index)
    return found


def _passive(before: list[str], index: int) -> Tense:
    """A past form after "be" is a passive: "will be held" looks ahead, "could be" is open."""
    if index + 1 < len(before) and before[index + 1] in ("be", "being"):
        auxiliary = before[index + 2] if index + 2 < len(before) else ""
        if auxiliary in ("will", "'ll", "shall", "to", "going"):
            return Tense.FUTURE
        return Tense.NONE
    if index + 1 < len(before) and before[index + 1] in ("is", "are", "am"):
        return Tense.PRESENT
    return Tense.PAST
