"""Describe an anchored event: a readable title, its status, source, participants and place.

Cheap surface heuristics over one sentence (no parser): the attribution clause ("according to
X", "X said that", ", officials said") is recognised and cut away, the title is the clause that
holds the trigger (or, for a noun in a subordinate phrase, its noun phrase) without the time
expressions, and the status comes from modals and cue phrases before the trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from eventline._anchor import REPORTING, _words
from eventline.lexicon import load
from eventline.model import EventStatus, Span, TimeExpression, Trigger

__all__ = ["Description", "describe"]


@attrs.frozen
class Description:
    """What a sentence says about one event."""

    title: str
    status: EventStatus
    attribution: str | None = None
    participants: tuple[str, ...] = ()
    location: str | None = None


_VERBS = "|".join(sorted(REPORTING, key=len, reverse=True))
_ACCORDING_START = re.compile(r"[\"“]?\s*according to ([^,]+),\s*", re.IGNORECASE)
_ACCORDING_END = re.compile(r",\s*according to ([^,]+?)\s*[.!?\"”]*$", re.IGNORECASE)
_SAID_END = re.compile(rf",\s*([^,]{{2,60}}?)\s+(?:{_VERBS})\s*[.!?\"”]*$")
_SAID_THAT = re.compile(
    rf"^(?!(?:During|At|In|On|After|Before|While|When|If|As)\b)"
    rf"(?P<who>[^,;:]{{2,80}}?(?:,[^,;:]{{2,40}},)?)\s+(?:also\s+)?(?P<verb>{_VERBS})"
    rf"(?P<mid>[^,;:]{{0,40}}?)\s+(?:that\s+)?(?=\S)"
)
_FRONTED = re.compile(
    r"(?:During|At|In|On|After|Before|Since)\s+(?:(?:a|an|the)\s+)?([^,]{3,60}),\s"
)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|which|where)\s+|;\s+|\s+—\s+|:\s+")
_LIST_BEFORE = re.compile(r",\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?$")  # ", military, and"
_WORD = re.compile(r"[\w'’-]+")
_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]*|of|the|de|al)(?:\s+(?:[A-Z][\w'’.-]*|of the|of(?=\s+[A-Z])))*"
)
_PLACE = re.compile(
    r"\b(?:in|at)\s+((?:central |northern |southern |the )?[A-Z][\w'’-]*"
    r"(?:\s+(?:of the |of )?[A-Z][\w'’-]*)*)"
)

_HYPOTHETICAL = _words("could would might may if unless whether should")
_PLANNED = _words(
    "will 'll shall upcoming planned plans plan scheduled expected anticipated set going due "
    "intends aims slated poised prepares next"
)
_ONGOING = _words("ongoing continues continue continuing remains")
_BE = _words("is are am was were be been being 's")
_DETERMINERS = _words("a an the his her its their this that these those")
_LIGHT = _words("had has have held hold holds made make took take gave give")
_FUNCTION = _words(
    "The A An This That These Those It He She They We I In On At During After Before While "
    "However Moreover Upon Although Despite According Other Our There Here"
)
_TIME_PREPOSITIONS = re.compile(
    r"\b(?:on|in|at|during|since|until|by|from|for|as of|earlier|late)\s*$", re.IGNORECASE
)
_MAX_WORDS = 18


def describe(
    text: str,
    sentence: tuple[int, int],
    trigger: Trigger,
    expressions: Sequence[TimeExpression],
) -> Description:
    """Title, status, attribution, participants and location of ``trigger``'s event.

    ``expressions`` are the time expressions of the sentence (any of them); none of their
    text appears in the title.
    """
    start, end = _strip(text, sentence)
    start, end, attribution = _attribution(text, start, end, trigger.span)
    start, end = _clause(text, start, end, trigger.span)
    fronted = _FRONTED.match(text, start, end)
    if fronted and fronted.end(1) >= trigger.span.end:
        start = fronted.start(1)  # "During Tuesday's briefing, an official claimed..."
    else:
        fronted = None
        start = _noun_phrase_start(text, start, trigger.span)
        end = _first_comma_after(text, start, end, trigger.span, expressions)
    inside = [e for e in expressions if start <= e.start and e.end <= end]
    title = _title(text, start, end, inside)
    if not fronted and start == trigger.span.start:
        title = _with_subject(text, sentence[0], start, title)
    if fronted:
        title = title.replace(",", ":", 1)
    location = _location(text, sentence, expressions)
    participants = _participants(title, attribution)
    return Description(
        title=title[:1].upper() + title[1:],
        status=_status(text, sentence, trigger, expressions),
        attribution=attribution,
        participants=tuple(name for name in participants if name != location),
        location=location,
    )


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without surrounding white space, quotes and final punctuation."""
    start, end = span
    while start < end and text[start] in " \t\n\"“”'":
        start += 1
    while end > start and text[end - 1] in " \t\n.!?\"“”'":
        end -= 1
    return start, end


def _attribution(text: str, start: int, end: int, trigger: Span) -> tuple[int, int, str | None]:
    """Cut the attribution clause away from ``[start, end)``; return what is left and the source."""
    piece = text[start:end]
    if found := _ACCORDING_START.match(piece):
        return start + found.end(), end, found.group(1).strip()
    if (found := _ACCORDING_END.search(piece)) and start + found.start() > trigger.start:
        return start, start + found.start(), found.group(1).strip()
    if found and start + found.start(1) <= trigger.start:
        return start + found.start(1), start + found.end(1), None  # "... official briefing"
    if (found := _SAID_END.search(piece)) and start + found.start() > trigger.start:
        return start, start + found.start(), found.group(1).strip()
    return _reported(text, start, end, trigger)


def _reported(text: str, start: int, end: int, trigger: Span) -> tuple[int, int, str | None]:
    """The clause after "X said that" and X; the whole clause when "said" is the event."""
    found = _SAID_THAT.match(text[start:end])
    if found is None:
        return start, end, None
    who = _TRAILING_AUXILIARY.sub("", found.group("who").replace(",", "")).strip()
    reported = text[start + found.end() : trigger.start]
    if start + found.end() <= trigger.start and not _CLAUSE_END.search(reported):
        return start + found.end(), end, who
    if start + found.start("verb") == trigger.start:
        return start, end, who
    return start, end, None


_TRAILING_AUXILIARY = re.compile(r"\s+(?:has|have|had|was|were|is|are|will|would)$")
_CLAUSE_END = re.compile(r"[;:]\s")  # "X urged ...; officials warned": X does not report it
_LIST_ITEM = re.compile(r",\s+(?:\w+\s+){0,2}?(?:and|or)\s|,\s+\w+(?:\s+\w+)?,")


def _first_comma_after(
    text: str, start: int, end: int, trigger: Span, expressions: Sequence[TimeExpression]
) -> int:
    """Stop the title at the first comma after the trigger once it says enough (4+ words).

    A comma inside a list ("economic, military, and diplomatic pressure") or inside a time
    expression ("April 14, 1865") is no stop.
    """
    inside_time = [e.span for e in expressions]
    comma = text.find(", ", trigger.end, end)
    while comma != -1 and (
        _LIST_ITEM.match(text, comma, end)
        or any(span.start <= comma < span.end for span in inside_time)
    ):
        comma = text.find(", ", comma + 2, end)
    if (
        comma != -1
        and len(text[start:comma].split()) >= 4
        and " that " not in text[trigger.end : comma]
    ):
        return comma
    return end


def _clause(text: str, start: int, end: int, trigger: Span) -> tuple[int, int]:
    """The clause of ``[start, end)`` holding the trigger (split at ", and", ";", ...)."""
    for found in _CLAUSE_BREAK.finditer(text, start, end):
        if _LIST_BEFORE.search(text, max(start, found.start() - 40), found.start()):
            continue  # ", and" closing a list ("economic, military, and diplomatic"): no break
        if found.end() <= trigger.start:
            start = found.end()
        elif found.start() >= trigger.end:
            end = found.start()
            break
    return start, end


def _noun_phrase_start(text: str, start: int, trigger: Span) -> int:
    """For a noun trigger deep in its clause ("... led to a summit"), where its phrase begins."""
    words = list(_WORD.finditer(text, start, trigger.start))
    for back in range(len(words) - 1, max(-1, len(words) - 4), -1):
        word = words[back].group().lower()
        if word in _DETERMINERS:
            before = words[back - 1].group().lower() if back > 0 else ""
            subject_first = back < 3 or before in _LIGHT or before in _BE
            return start if subject_first else words[back].start()
        if word in _BE or word.endswith("ed"):
            break
    return start


_MAX_SUBJECT_WORDS = 6


def _with_subject(text: str, sentence_start: int, clause_start: int, title: str) -> str:
    """A clause that starts with its verb ("..., and died") borrows the sentence's subject.

    The subject is the sentence's words before its first auxiliary or past-tense verb ("He
    was shot ..., and died" → "He died"); without a short one, the title stays as it is.
    """
    if not title[:1].islower():
        return title
    words = _WORD.findall(text, sentence_start, clause_start)
    auxiliaries = load().words.auxiliaries
    subject: list[str] = []
    for word in words:
        if word.lower() in auxiliaries or (len(word) > 3 and word.endswith("ed")):
            break
        subject.append(word)
    if not subject or len(subject) > _MAX_SUBJECT_WORDS or len(subject) == len(words):
        return title
    return " ".join(subject) + " " + title


def _title(text: str, start: int, end: int, expressions: Sequence[TimeExpression]) -> str:
    """The words of ``[start, end)`` without the time expressions, tidied and shortened.

    The first letter keeps its case here (participants look at it); ``describe`` capitalises.
    """
    parts = []
    cursor = start
    for expression in sorted(expressions, key=lambda e: e.start):
        before = _TIME_PREPOSITIONS.sub("", text[cursor : expression.start])
        parts.append(before)
        cursor = expression.end
        if text.startswith("'s", cursor) or text.startswith("’s", cursor):
            cursor += 2
    parts.append(text[cursor:end])
    title = re.sub(r"\s+", " ", "".join(parts))
    title = re.sub(r"\s+([,.;:])", r"\1", title)
    title = re.sub(r",(\s*,)+", ",", title).strip(' ,;:-—"“”')
    words = title.split(" ")
    if len(words) > _MAX_WORDS:
        title = " ".join(words[:_MAX_WORDS]).rstrip(",;:") + "…"
    return title


def _status(
    text: str, sentence: tuple[int, int], trigger: Trigger, expressions: Sequence[TimeExpression]
) -> EventStatus:
    """Happened, ongoing, planned or hypothetical, from the words before the trigger."""
    cut = [e.span for e in expressions if sentence[0] <= e.start < trigger.span.start]
    before = [
        w.group().lower()
        for w in _WORD.finditer(text, sentence[0], trigger.span.start)
        if not any(span.start <= w.start() < span.end for span in cut)
    ][-6:]
    word = trigger.text.lower()
    if any(w in _HYPOTHETICAL for w in before[-4:]):
        return EventStatus.HYPOTHETICAL
    if any(w in _PLANNED for w in before[-4:]) or any(e.value == "FUTURE_REF" for e in expressions):
        return EventStatus.PLANNED
    if before and before[-1] == "to" and any(w in _PLANNED for w in before):
        return EventStatus.PLANNED
    if (before and before[-1] in _ONGOING) or (
        word.endswith("ing") and before and before[-1] in _BE
    ):
        return EventStatus.ONGOING
    return EventStatus.HAPPENED


def _participants(title: str, attribution: str | None) -> tuple[str, ...]:
    """Capitalised names in the title (not the speaker, months, weekdays or function words)."""
    lexicon = load()
    found: list[str] = []
    for match in _NAME.finditer(title):
        name = match.group().strip()
        words = name.split()
        while words and (words[0] in _FUNCTION or words[0].islower()):
            words.pop(0)
        while words and words[-1].islower():
            words.pop()
        name = " ".join(words).removesuffix("'s").removesuffix("’s")
        if len(words) == 1 and name.endswith(("ese", "ian")):
            continue  # a nationality ("Chinese")
        if not name or name.lower() in lexicon.months or name.lower() in lexicon.weekdays:
            continue
        if attribution and name in attribution:
            continue
        if name not in found:
            found.append(name)
    return tuple(found)


def _location(
    text: str, sentence: tuple[int, int], expressions: Sequence[TimeExpression]
) -> str | None:
    """The last place after "in"/"at" in the sentence that is not a time expression."""
    lexicon = load()
    places = []
    for found in _PLACE.finditer(text, sentence[0], sentence[1]):
        place = found.group(1)
        first = place.split()[0].lower()
        if first in lexicon.months or first in lexicon.weekdays:
            continue
        if any(e.span.overlaps(Span(found.start(1), found.end(1))) for e in expressions):
            continue
        places.append(re.sub(r"^(?:the|central|northern|southern) ", "", place))
    return places[-1] if places else None  # "in World War Two, in Red Square in central Moscow"
