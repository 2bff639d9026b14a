"""Anchor a time expression to the event trigger of its sentence that it dates.

A small linear ranker: every candidate trigger of the sentence gets sparse features (how far it
is from the time expression in tokens and on which side, what lies between them: commas,
clause words, other triggers; the preposition before the time; a possessive "Tuesday's
briefing"; reporting verbs; the trigger's word shape; the trigger model's score and verbal
flag), the weights score them, and the best one wins. The weights are trained by
``scripts/train_anchor.py`` on the event–time TLINKs of TBAQ and ship as ``data/anchor.json``;
inference is a dictionary lookup per feature.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from importlib import resources

import attrs

from eventline._triggers import CLOSED_CLASS, FoundTrigger, score_spans
from eventline.model import TimeExpression, Trigger

__all__ = ["Candidates", "Tokens", "anchor", "candidate_features", "candidates", "load_weights"]


def _words(spaced: str) -> frozenset[str]:
    """A word class written as one space-separated string."""
    return frozenset(spaced.split())


_TOKEN = re.compile(r"['’]s\b|\w+(?:[-.]\w+)*|[^\w\s]")

REPORTING = _words(
    """said say says saying told tell tells announced announce announces mentioned mention
    stated state states reported report reports indicated indicates added claimed claims
    noted notes warned warns emphasized emphasizes urged insisted confirmed denied acknowledged
    explained argued asserted declared disclosed revealed predicted estimated expressed
    stressed"""
)
_CLAUSE_WORDS = _words(
    """that which who whom whose where when while but and because although though after
    before as if since until so ; : ( ) " “ ” — --"""
)
_TIME_PREPOSITIONS = _words(
    """on in at during since until by for before after from through over within of to
    into throughout around about last this next early late"""
)
_TRIGGER_PREVIOUS = _words(
    """the a an its his her their 's ’s will would could should may might can has have had
    was were is are be been to not"""
)
_CLAUSE_OPENERS = _words("<s> , and but ; that while when as")
_LIGHT_VERBS = _words(
    "had has have having held hold holds make made makes took take takes gave give"
)
_AFTER_TIME = _CLAUSE_WORDS | {",", ".", "'s", "’s"}
_GAP_BUCKETS = (0, 1, 2, 3, 5, 8, 12)


class Tokens:
    """The tokens of one sentence, as character offsets, with lookup by character span."""

    def __init__(self, text: str, sentence: tuple[int, int]) -> None:
        found = list(_TOKEN.finditer(text, sentence[0], sentence[1]))
        self.words = [match.group().lower() for match in found]
        self.starts = [match.start() for match in found]
        self.ends = [match.end() for match in found]

    def range_of(self, start: int, end: int) -> tuple[int, int]:
        """The tokens ``[first, last)`` that overlap ``[start, end)`` (at least one)."""
        first = bisect.bisect_right(self.ends, start)
        last = max(first + 1, bisect.bisect_left(self.starts, end))
        return first, min(last, len(self.words)) if self.words else last


def _bucket(gap: int) -> int:
    """The largest bucket bound not above ``gap``."""
    return _GAP_BUCKETS[bisect.bisect_right(_GAP_BUCKETS, gap) - 1]


def _word_at(tokens: Tokens, index: int) -> str:
    return tokens.words[index] if 0 <= index < len(tokens.words) else "<s>"


def _between(time: tuple[int, int], trigger: tuple[int, int]) -> tuple[int, int]:
    """Token indices strictly between the two ranges."""
    if trigger[0] >= time[1]:
        return time[1], trigger[0]
    return trigger[1], time[0]


def _adjacent_punctuation(between: Sequence[str], side: str) -> str:
    """The punctuation right next to the time on the trigger's side ("-" for none)."""
    if not between:
        return "-"
    word = between[0] if side == "R" else between[-1]
    return word if word in {",", ";", ":", "(", ")", '"'} else "-"


def _shape(word: str) -> str:
    for suffix in ("ing", "ed", "ion", "ment", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return suffix
    return "other"


def _context_features(
    tokens: Tokens, time: tuple[int, int], trigger: tuple[int, int], side: str
) -> list[str]:
    """Features of the words around the time expression and the trigger."""
    before_time = _word_at(tokens, time[0] - 1)
    after_time = _word_at(tokens, time[1])
    word = tokens.words[trigger[0]] if trigger[0] < len(tokens.words) else ""
    before_trigger = _word_at(tokens, trigger[0] - 1)
    features = [
        f"tprep:{side}:{before_time if before_time in _TIME_PREPOSITIONS else '-'}",
        f"tnext:{side}:{after_time if after_time in _AFTER_TIME else '-'}",
        f"shape:{_shape(word)}",
        f"tprev:{before_trigger if before_trigger in _TRIGGER_PREVIOUS else '-'}",
    ]
    if word in REPORTING:
        features.append(f"report:{side}")
    if before_time in _CLAUSE_OPENERS and after_time == ",":
        features.append(f"fronted:{side}")  # ", and earlier this month, Biden and Xi had..."
    if after_time in {"'s", "’s"} and side == "R":
        features.append(f"possessive:{min(trigger[0] - time[1], 3)}")
    return features


def _score_bucket(score: float) -> int:
    return max(-2, min(4, math.floor(score)))


def candidate_features(
    tokens: Tokens,
    time: tuple[int, int],
    trigger: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rank: int,
) -> list[str]:
    """The sparse features of one (time expression, trigger) pair, as names.

    ``time`` and ``trigger`` are token ranges; ``others`` the token ranges of every candidate
    trigger of the sentence; ``rank`` the candidate's position when sorted by distance.
    """
    side = "R" if trigger[0] >= time[1] else "L"
    low, high = _between(time, trigger)
    gap = max(0, high - low)
    between = tokens.words[low:high]
    crossing = sum(1 for other in others if low <= other[0] < high)
    features = [
        "bias",
        f"gap:{side}:{_bucket(gap)}",
        f"rank:{min(rank, 3)}",
        f"commas:{side}:{min(between.count(','), 2)}",
        f"adjacent:{side}:{_adjacent_punctuation(between, side)}",
        f"crossing:{side}:{min(crossing, 2)}",
    ]
    features.extend(f"mark:{side}:{word}" for word in set(between) & _CLAUSE_WORDS)
    if all(word not in CLOSED_CLASS and word[0].isalnum() for word in between):
        features.append(f"tight:{side}:{min(gap, 3)}")  # "a third-quarter net loss"
    features.extend(_context_features(tokens, time, trigger, side))
    return features


def trigger_features(
    found: FoundTrigger, side: str, side_rank: int, verb_rank: int | None
) -> list[str]:
    """Features from the trigger model: the candidate's score and whether it looks verbal.

    ``side_rank`` is its position by distance among the candidates on its side of the time,
    ``verb_rank`` among the verbal ones there (``None`` when it is not verbal).
    """
    score = _score_bucket(found.score)
    features = [
        f"tscore:{score}",
        f"tscore:{side}:{min(side_rank, 2)}:{score}",
        f"verbal:{side}:{found.verbal}",
        f"vrank:{side}:{found.verbal}:{min(side_rank, 2)}",
    ]
    if verb_rank is not None:
        features.append(f"verbrank:{side}:{min(verb_rank, 2)}")
    return features


@functools.cache
def load_weights() -> Mapping[str, float]:
    """The shipped ranker weights (``eventline/data/anchor.json``), loaded once."""
    path = resources.files("eventline").joinpath("data", "anchor.json")
    weights: dict[str, float] = json.loads(path.read_text(encoding="utf-8"))["weights"]
    return weights


def rank_triggers(
    tokens: Tokens,
    time: tuple[int, int],
    ranges: Sequence[tuple[int, int]],
    found: Sequence[FoundTrigger] | None = None,
) -> list[list[str]]:
    """The features of each candidate (token ranges ``ranges``) for the time range ``time``."""
    distance = [max(r[0] - time[1], time[0] - r[1], 0) for r in ranges]
    order = sorted(range(len(ranges)), key=lambda i: (distance[i], ranges[i][0]))
    rank = {index: position for position, index in enumerate(order)}
    side_rank: dict[int, int] = {}
    verb_rank: dict[int, int] = {}
    for right in (True, False):
        on_side = [i for i in order if (ranges[i][0] >= time[1]) is right]
        side_rank.update((index, position) for position, index in enumerate(on_side))
        if found is not None:
            verbs = [i for i in on_side if found[i].verbal]
            verb_rank.update((index, position) for position, index in enumerate(verbs))
    table = [candidate_features(tokens, time, r, ranges, rank[i]) for i, r in enumerate(ranges)]
    if found is not None:
        for i, r in enumerate(ranges):
            side = "R" if r[0] >= time[1] else "L"
            table[i].extend(trigger_features(found[i], side, side_rank[i], verb_rank.get(i)))
    return table


@attrs.frozen
class Candidates:
    """The candidate triggers of one time expression with their token ranges and features."""

    found: tuple[FoundTrigger, ...]
    tokens: Tokens
    time: tuple[int, int]
    ranges: tuple[tuple[int, int], ...]
    features: tuple[list[str], ...]


def candidates(
    text: str,
    sentence: tuple[int, int],
    expression: TimeExpression,
    triggers: Sequence[Trigger | FoundTrigger],
) -> Candidates | None:
    """The candidates ``anchor`` ranks for ``expression``, or ``None`` when there are none.

    Only triggers inside the sentence and outside the expression are candidates; plain
    :class:`Trigger` objects get their trigger-model scores here.
    """
    start, end = sentence
    found = [t for t in triggers if isinstance(t, FoundTrigger)]
    if len(found) != len(triggers):
        plain = [t if isinstance(t, Trigger) else t.trigger for t in triggers]
        found = list(score_spans(text, start, end, [(t.span.start, t.span.end) for t in plain]))
    found = [
        f
        for f in found
        if start <= f.trigger.span.start < end and not f.trigger.span.overlaps(expression.span)
    ]
    if not found:
        return None
    tokens = Tokens(text, sentence)
    time = tokens.range_of(expression.start, expression.end)
    ranges = [tokens.range_of(f.trigger.span.start, f.trigger.span.end) for f in found]
    if _fronted(tokens, time) and any(r[0] >= time[1] for r in ranges):
        # "..., and earlier this month, Biden and Xi had a phone conversation": the time
        # opens the clause that follows it
        found = [f for f, r in zip(found, ranges, strict=True) if r[0] >= time[1]]
        ranges = [r for r in ranges if r[0] >= time[1]]
    features = rank_triggers(tokens, time, ranges, found)
    return Candidates(tuple(found), tokens, time, tuple(ranges), tuple(features))


def anchor(
    text: str,
    sentence: tuple[int, int],
    expression: TimeExpression,
    triggers: Sequence[Trigger | FoundTrigger],
    *,
    weights: Mapping[str, float] | None = None,
) -> Trigger | None:
    """The trigger of ``sentence`` that ``expression`` dates, or ``None`` when none fits.

    Only triggers inside the sentence and outside the expression are candidates; the
    highest-scoring one is returned (the nearest wins a tie). ``weights`` replaces the shipped
    ranker (training and cross-validation use it).
    """
    found = candidates(text, sentence, expression, triggers)
    if found is None:
        return None
    return found.found[choose(found, weights)].trigger


def choose(found: Candidates, weights: Mapping[str, float] | None = None) -> int:
    """The index of the best of ``found`` (the nearest on a tie), light verbs resolved."""
    table = load_weights() if weights is None else weights
    scores = [sum(table.get(name, 0.0) for name in features) for features in found.features]
    time, ranges = found.time, found.ranges
    distance = [max(r[0] - time[1], time[0] - r[1], 0) for r in ranges]
    best = max(range(len(ranges)), key=lambda i: (scores[i], -distance[i]))
    return _past_light_verb(found.tokens, ranges, best)


def _fronted(tokens: Tokens, time: tuple[int, int]) -> bool:
    """True when the time opens a clause and a comma closes it (", and last week, ...")."""
    return _word_at(tokens, time[0] - 1) in _CLAUSE_OPENERS and _word_at(tokens, time[1]) == ","


def _past_light_verb(tokens: Tokens, ranges: Sequence[tuple[int, int]], best: int) -> int:
    """The noun a chosen light verb governs ("had a phone conversation"), else ``best``."""
    first, last = ranges[best]
    if last - first != 1 or tokens.words[first] not in _LIGHT_VERBS:
        return best
    following = [i for i, r in enumerate(ranges) if last <= r[0] <= last + 3]
    if not following or "," in tokens.words[last : ranges[following[0]][0]]:
        return best
    return min(following, key=lambda i: ranges[i][0])
