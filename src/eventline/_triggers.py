"""Event triggers: the words that name events ("met", "summit", "attack", "said").

A token classifier learned from the TimeML ``<EVENT>`` tags of TimeBank and AQUAINT
(``scripts/train_triggers.py`` reproduces it; ``docs/triggers.md`` describes it). Inference is
pure Python: a regular-expression tokenizer with offsets, then a linear score per token.

Every feature of a token is a property of one word form in one slot (the token itself, or the
word one or two places before or after it), plus one bigram feature (previous word + word).
So the score of a token is a sum of per-form partial scores, which are computed once per
word form and cached: most tokens cost five dictionary look-ups.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import json
import re
from collections.abc import Mapping, Sequence
from importlib import resources

import attrs

from eventline.model import Span, Trigger

__all__ = [
    "CLOSED_CLASS",
    "SLOTS",
    "FoundTrigger",
    "TriggerModel",
    "best_trigger",
    "find_trigger_tokens",
    "find_triggers",
    "model",
    "score_spans",
    "sentence_candidates",
    "sentence_triggers",
    "token_features",
    "tokenize",
]

MODEL_RESOURCE = "triggers.json.gz"
MODEL_FORMAT = "eventline-triggers/1"

# Words with a hyphen or inner period stay whole ("cease-fire", "U.S"); a clitic after a
# word is its own token ("it" + "'s"); any other non-space character is a token by itself.
_TOKEN = re.compile(r"\w+(?:[-.]\w+)*|(?<=\w)['’]\w+|[^\w\s]")

START = "<s>"
END = "</s>"
# The neighbour slots, in the order of :attr:`_Partials.slots`.
SLOTS = ("p1", "n1", "p2", "n2")
_CACHE_LIMIT = 200_000

_CLOSED_WORDS = """
    a an the this that these those some any each every no all both either neither
    i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs who whom whose which what whatever whoever one ones itself himself herself themselves
    of in on at by for with from to into onto upon about above below under over after before
    during since until till through throughout between among against without within along
    across behind beyond near toward towards via per than as like off out up down around
    and or but nor so yet if because although though while whereas unless whether then also
    not n't never only just even still too very more most less least much many few
    be is am are was were been being 's 're 'm have has had having do does did done 'd 've 'll
    will would shall should can could may might must ought
    there here where when why how now
"""
CLOSED_CLASS = frozenset(_CLOSED_WORDS.split())

_SHAPE_RULES = (
    (re.compile(r"[A-Z]"), "X"),
    (re.compile(r"[a-z]"), "x"),
    (re.compile(r"[0-9]"), "d"),
)
_REPEATS = re.compile(r"(.)\1+")
# Crude stemming, so that "conversations", "conversation" and "conversing" share a feature.
_ENDINGS = re.compile(r"(?:ations?|tions?|ments?|ings?|ers?|ed|es|s|e)$")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets of the tokens of ``text[start:end]``, in text order."""
    stop = len(text) if end is None else end
    return [found.span() for found in _TOKEN.finditer(text, start, stop)]


def _shape(form: str) -> str:
    """A word's shape with runs collapsed: "Biden" → "Xx", "1998" → "d", "U.S" → "X.X"."""
    shape = form[:12]
    for pattern, letter in _SHAPE_RULES:
        shape = pattern.sub(letter, shape)
    return _REPEATS.sub(r"\1", shape)


def form_features(form: str) -> tuple[str, ...]:
    """The features a word form contributes as the token being classified."""
    lower = form.lower()
    features = [
        "w=" + lower,
        "s1=" + lower[-1:],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "sh=" + _shape(form),
        f"len={min(len(form), 12)}",
        "st=" + _ENDINGS.sub("", lower) if len(lower) > 4 else "st=" + lower,
    ]
    if lower in CLOSED_CLASS:
        features.append("closed")
    if "-" in form:
        features.append("hyphen")
    return tuple(features)


def neighbour_features(form: str, slot: str) -> tuple[str, ...]:
    """The features a word form contributes as the neighbour in ``slot`` (``"p1"``...)."""
    if form in (START, END):
        return (f"{slot}={form}",)
    lower = form.lower()
    features = [f"{slot}={lower}", f"{slot}s2={lower[-2:]}", f"{slot}sh={_shape(form)}"]
    if lower in CLOSED_CLASS:
        features.append(f"{slot}closed")
    return tuple(features)


def _neighbour(forms: Sequence[str], index: int) -> str:
    """The form at ``index``, or the sentinel for a place before the start or after the end."""
    if index < 0:
        return START
    if index >= len(forms):
        return END
    return forms[index]


def _bigram(previous: str, form: str) -> str:
    """The bigram feature of a token and the word before it."""
    return f"bi={previous.lower()}|{form.lower()}"


_OFFSETS = {"p1": -1, "n1": 1, "p2": -2, "n2": 2}


def token_features(forms: Sequence[str], index: int) -> list[str]:
    """Every feature of token ``index`` of a sentence (the training view of the model)."""
    features = ["bias", *form_features(forms[index])]
    for slot in SLOTS:
        features.extend(neighbour_features(_neighbour(forms, index + _OFFSETS[slot]), slot))
    features.append(_bigram(_neighbour(forms, index - 1), forms[index]))
    return features


@attrs.frozen
class FoundTrigger:
    """A detected trigger with its score and whether it looks verbal ("met") or not ("summit")."""

    trigger: Trigger
    verbal: bool
    score: float


@attrs.frozen
class _Partials:
    """Partial scores of one word form: as the token itself and in each neighbour slot."""

    own: float
    slots: tuple[float, float, float, float]


class TriggerModel:
    """Linear weights for "is an event trigger" and "is verbal" over :func:`token_features`."""

    def __init__(self, event: Mapping[str, float], verbal: Mapping[str, float]) -> None:
        self.event = dict(event)
        self.verbal = dict(verbal)
        self._cache: dict[str, _Partials] = {}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> TriggerModel:
        """Build a model from the decoded JSON written by ``scripts/train_triggers.py``."""
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not an {MODEL_FORMAT} model: format {data.get('format')!r}")
        event, verbal = data.get("event"), data.get("verbal")
        if not isinstance(event, dict) or not isinstance(verbal, dict):
            raise ValueError("model lacks 'event' or 'verbal' weights")
        return cls(event, verbal)

    def _partials(self, form: str) -> _Partials:
        """The cached partial event scores of ``form``."""
        found = self._cache.get(form)
        if found is None:
            weights = self.event
            own = sum(weights.get(feature, 0.0) for feature in form_features(form))
            slots = tuple(
                sum(weights.get(feature, 0.0) for feature in neighbour_features(form, slot))
                for slot in SLOTS
            )
            found = _Partials(own, (slots[0], slots[1], slots[2], slots[3]))
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[form] = found
        return found

    def scores(self, forms: Sequence[str]) -> list[float]:
        """The event score of every token of a sentence (positive: a trigger)."""
        padded = [START, START, *forms, END, END]
        parts = [self._partials(form) for form in padded]
        bias = self.event.get("bias", 0.0)
        weights = self.event
        result = []
        for i in range(2, len(padded) - 2):
            total = bias + parts[i].own
            total += parts[i - 1].slots[0] + parts[i + 1].slots[1]
            total += parts[i - 2].slots[2] + parts[i + 2].slots[3]
            total += weights.get(_bigram(padded[i - 1], padded[i]), 0.0)
            result.append(total)
        return result

    def is_verbal(self, forms: Sequence[str], index: int) -> bool:
        """Whether trigger ``index`` looks verbal ("met", "said") rather than nominal."""
        weights = self.verbal
        return sum(weights.get(feature, 0.0) for feature in token_features(forms, index)) > 0

    def find(self, text: str, start: int, end: int) -> tuple[FoundTrigger, ...]:
        """Every trigger of ``text[start:end]`` with its score and verbal flag, in text order."""
        spans = tokenize(text, start, end)
        if not spans:
            return ()
        forms = [text[a:b] for a, b in spans]
        found = []
        for index, score in enumerate(self.scores(forms)):
            if score > 0 and forms[index][-1].isalnum():
                a, b = spans[index]
                trigger = Trigger(Span(a, b), forms[index])
                found.append(FoundTrigger(trigger, self.is_verbal(forms, index), score))
        return tuple(found)


@functools.cache
def model() -> TriggerModel:
    """The shipped model, loaded from package data once per process."""
    packed = resources.files("eventline").joinpath("data", MODEL_RESOURCE).read_bytes()
    return TriggerModel.from_json(json.loads(gzip.decompress(packed)))


def find_trigger_tokens(
    text: str, start: int = 0, end: int | None = None
) -> tuple[FoundTrigger, ...]:
    """Like :func:`find_triggers`, with each trigger's score and verbal/nominal flag."""
    stop = len(text) if end is None else min(end, len(text))
    return model().find(text, max(0, start), stop)


_FALLBACK_FLOOR = -0.5


def best_trigger(text: str, start: int = 0, end: int | None = None) -> Trigger | None:
    """The likeliest trigger of a sentence in which none passed the threshold, if any is close.

    Only lower-case words qualify ("meets" in a photo caption), never names or numbers.
    """
    stop = len(text) if end is None else min(end, len(text))
    spans = tokenize(text, max(0, start), stop)
    forms = [text[a:b] for a, b in spans]
    scored = [
        (score, index)
        for index, score in enumerate(model().scores(forms))
        if score > _FALLBACK_FLOOR and forms[index].isalpha() and forms[index].islower()
    ]
    if not scored:
        return None
    index = max(scored)[1]
    return Trigger(Span(*spans[index]), forms[index])


def sentence_candidates(text: str, start: int, end: int) -> tuple[FoundTrigger, ...]:
    """Like :func:`sentence_triggers`, with each trigger's score and verbal/nominal flag.

    The anchoring ranker weighs both (``extract`` anchors times to these).
    """
    found = find_trigger_tokens(text, start, end)
    if found:
        return found
    fallback = best_trigger(text, start, end)
    if fallback is None:
        return ()
    span = fallback.span
    return score_spans(text, start, end, [(span.start, span.end)])


def score_spans(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]]
) -> tuple[FoundTrigger, ...]:
    """Given words of a sentence (``spans``, e.g. gold events) with their scores and flags.

    Each span is scored as the sentence token it starts in (or the last token before it).
    """
    tokens = tokenize(text, max(0, start), min(end, len(text)))
    forms = [text[a:b] for a, b in tokens]
    scores = model().scores(forms)
    starts = [a for a, _ in tokens]
    found = []
    for a, b in spans:
        index = max(0, bisect.bisect_right(starts, a) - 1)
        trigger = Trigger(Span(a, b), text[a:b])
        verbal = model().is_verbal(forms, index) if forms else False
        found.append(FoundTrigger(trigger, verbal, scores[index] if forms else 0.0))
    return tuple(found)


def sentence_triggers(text: str, start: int, end: int) -> tuple[Trigger, ...]:
    """The candidate triggers ``extract`` anchors times to.

    They are the sentence's triggers or, when none passes the threshold, its likeliest word
    if that is close (:func:`best_trigger`).
    """
    found = find_triggers(text, start, end)
    if found:
        return found
    fallback = best_trigger(text, start, end)
    return () if fallback is None else (fallback,)


def find_triggers(text: str, start: int = 0, end: int | None = None) -> tuple[Trigger, ...]:
    """The event triggers of ``text[start:end]`` (usually one sentence), in text order.

    Offsets are absolute: ``text[t.span.start:t.span.end] == t.text``. Each trigger is one
    token ("met", "summit", "cease-fire").

    >>> [t.text for t in find_triggers("The two leaders met in California last November.")]
    ['met']
    """
    return tuple(found.trigger for found in find_trigger_tokens(text, start, end))
