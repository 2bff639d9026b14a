"""Event–time anchoring on TimeML: does eventline attach each time to the event it dates?

    python benchmarks/anchoring.py ../shared/data/tbaq-cleaned

The items are the gold time expressions (the DCT lies outside ``<TEXT>`` and is never one)
linked by a TLINK to at least one gold event of the same sentence (``eventline._segment``
sentences). An item is right when the trigger eventline chooses overlaps one of those events.

Rows:

* ``nearest gold event``: the gold event closest to the time in characters (baseline).
* ``oracle``: gold time spans and gold events as the candidate triggers, eventline's ranker.
* ``pipeline``: eventline's own time expressions (``eventline.tag``, matched to the gold time
  by span overlap; an unmatched time counts as a miss), candidates from
  ``eventline._triggers.sentence_candidates`` (what ``extract`` uses), eventline's ranker.

The ranker learns from both views: the gold candidate events, and the pipeline's own time and
candidates (:func:`training_examples`).

The shipped ranker is trained on this corpus (``scripts/train_anchor.py``), so the rows above
are training-set figures; the ``held-out`` rows retrain it on 4/5 of the documents and score
the other fifth, five times (document-level folds), which is the honest figure.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeml_events import GoldEvent, GoldTimeML, GoldTimex, read_corpus

import eventline
from eventline._anchor import anchor, candidates
from eventline._segment import Sentences
from eventline._triggers import FoundTrigger
from eventline.lexicon import load
from eventline.model import TimeExpression, TimexType, Trigger

FOLDS = 5
TriggerFinder = Callable[[str, int, int], Sequence[Trigger | FoundTrigger]]
Example = tuple[tuple[list[str], ...], list[int]]


@attrs.frozen
class Item:
    """One gold time with the gold events of its sentence that a TLINK attaches it to."""

    document: GoldTimeML
    timex: GoldTimex
    sentence: tuple[int, int]
    linked: tuple[GoldEvent, ...]
    events: tuple[GoldEvent, ...]  # every gold event of the sentence


def gold_items(document: GoldTimeML) -> list[Item]:
    """The anchoring items of one document."""
    sentences = Sentences(document.text, load().words.abbreviations)
    timexes = {timex.tid: timex for timex in document.timexes}
    instances = {eiid: event for event in document.events for eiid in event.eiids}
    linked: dict[str, dict[str, GoldEvent]] = {}
    for link in document.links:
        for one, other in ((link.source, link.target), (link.target, link.source)):
            if one in timexes and other in instances:
                timex, event = timexes[one], instances[other]
                if sentences.index(timex.span.start) == sentences.index(event.span.start):
                    linked.setdefault(one, {})[event.eid] = event
    items = []
    for tid, events in linked.items():
        timex = timexes[tid]
        bounds = sentences.bounds(sentences.index(timex.span.start))
        inside = tuple(e for e in document.events if bounds[0] <= e.span.start < bounds[1])
        items.append(Item(document, timex, bounds, tuple(events.values()), inside))
    return sorted(items, key=lambda item: item.timex.span.start)


def _as_expression(timex: GoldTimex) -> TimeExpression:
    return TimeExpression(
        span=timex.span, text=timex.text, type=TimexType(timex.type), value=timex.value
    )


def _as_trigger(event: GoldEvent) -> Trigger:
    return Trigger(span=event.span, text=event.text)


def _right(item: Item, chosen: Trigger | None) -> bool:
    return chosen is not None and any(chosen.span.overlaps(e.span) for e in item.linked)


def nearest(item: Item) -> Trigger | None:
    """The gold event nearest to the time in characters (earlier one on a tie)."""
    span = item.timex.span
    candidates = [e for e in item.events if not e.span.overlaps(span)]
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda e: (max(e.span.start - span.end, span.start - e.span.end), e.span.start),
    )
    return _as_trigger(best)


def oracle(item: Item, weights: Mapping[str, float] | None = None) -> Trigger | None:
    """eventline's ranker over the gold events, for the gold time."""
    triggers = [_as_trigger(e) for e in item.events]
    expression = _as_expression(item.timex)
    return anchor(item.document.text, item.sentence, expression, triggers, weights=weights)


class Pipeline:
    """eventline's own times and triggers, computed once per document."""

    def __init__(self, find_triggers: TriggerFinder) -> None:
        self.find_triggers = find_triggers
        self.times: dict[str, tuple[TimeExpression, ...]] = {}
        self.triggers: dict[tuple[str, int], Sequence[Trigger]] = {}

    def _inputs(self, item: Item) -> tuple[TimeExpression, Sequence[Trigger | FoundTrigger]] | None:
        """eventline's expression matching the gold time and the candidates of its sentence."""
        document = item.document
        if document.name not in self.times:
            self.times[document.name] = tuple(eventline.tag(document.text, reference=document.dct))
        span = item.timex.span
        matches = [t for t in self.times[document.name] if t.span.overlaps(span)]
        if not matches:
            return None
        key = (document.name, item.sentence[0])
        if key not in self.triggers:
            self.triggers[key] = self.find_triggers(document.text, *item.sentence)
        return matches[0], self.triggers[key]

    def choose(self, item: Item, weights: Mapping[str, float] | None = None) -> Trigger | None:
        """The trigger eventline attaches to its own expression matching the gold time."""
        inputs = self._inputs(item)
        if inputs is None:
            return None
        return anchor(item.document.text, item.sentence, *inputs, weights=weights)

    def examples(self, items: Sequence[Item]) -> list[Example]:
        """Training examples from eventline's own times and candidates (see :func:`examples`)."""
        found = []
        for item in items:
            inputs = self._inputs(item)
            if inputs is not None:
                found.extend(_example(item, *inputs))
        return found


# ----------------------------------------------------------------------------- training


def _example(
    item: Item, expression: TimeExpression, triggers: Sequence[Trigger | FoundTrigger]
) -> list[Example]:
    """The item's candidates' features and the indices of those overlapping a linked event."""
    found = candidates(item.document.text, item.sentence, expression, triggers)
    if found is None:
        return []
    positives = [
        i
        for i, f in enumerate(found.found)
        if any(f.trigger.span.overlaps(e.span) for e in item.linked)
    ]
    return [(found.features, positives)] if positives else []


def examples(items: Sequence[Item]) -> list[Example]:
    """For each item: the features of each gold candidate event and the linked ones' indices."""
    found = []
    for item in items:
        triggers = [_as_trigger(e) for e in item.events]
        found.extend(_example(item, _as_expression(item.timex), triggers))
    return found


def train(
    data: Sequence[Example], epochs: int = 30, rate: float = 0.3, l2: float = 1e-2
) -> dict[str, float]:
    """Conditional-logit weights (softmax over each example's candidates), AdaGrad, L2."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    for _ in range(epochs):
        for features, positives in data:
            scores = [sum(weights.get(f, 0.0) for f in feats) for feats in features]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            good = sum(exp[i] for i in positives)
            gradient: dict[str, float] = {}
            for index, feats in enumerate(features):
                # d(-log P(positive set))/d score = p(all) - p(within positives)
                g = exp[index] / total - (exp[index] / good if index in positives else 0.0)
                for f in feats:
                    gradient[f] = gradient.get(f, 0.0) + g
            for f, raw in gradient.items():
                g = raw + l2 * weights.get(f, 0.0)
                squares[f] = squares.get(f, 0.0) + g * g
                weights[f] = weights.get(f, 0.0) - rate * g / math.sqrt(squares[f] + 1e-8)
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-4}


def folds(documents: Sequence[GoldTimeML]) -> list[set[str]]:
    """Document names in ``FOLDS`` groups (every FOLDS-th document in sorted order)."""
    names = sorted(d.name for d in documents)
    return [set(names[k::FOLDS]) for k in range(FOLDS)]


# ----------------------------------------------------------------------------- report


def _score(items: Sequence[Item], choose: Callable[[Item], Trigger | None]) -> float:
    return sum(_right(item, choose(item)) for item in items) / max(1, len(items))


def training_examples(items: Sequence[Item], pipeline: Pipeline | None) -> list[Example]:
    """What the ranker learns from: each item's gold candidate events and, when eventline's
    trigger model is there, the pipeline's own time and candidates (so that the ranker sees
    the kind of candidates it ranks in ``extract``)."""
    data = examples(items)
    if pipeline is not None:
        data.extend(pipeline.examples(items))
    return data


def _held_out(
    documents: Sequence[GoldTimeML],
    items: Sequence[Item],
    rows: dict[str, Callable[[Item, Mapping[str, float]], Trigger | None]],
    pipeline: Pipeline | None,
) -> dict[str, float]:
    right = dict.fromkeys(rows, 0)
    for names in folds(documents):
        weights = train(
            training_examples([i for i in items if i.document.name not in names], pipeline)
        )
        test = [i for i in items if i.document.name in names]
        for label, choose in rows.items():
            right[label] += sum(_right(item, choose(item, weights)) for item in test)
    return {label: count / len(items) for label, count in right.items()}


def _finder() -> TriggerFinder | None:
    try:
        from eventline._triggers import (  # noqa: PLC0415 - optional stage
            sentence_candidates as find_triggers,
        )
    except ImportError:
        return None
    try:
        find_triggers("Officials met on Monday.", 0, 24)
    except OSError:  # the module is there but its trained model is not (yet)
        return None
    return find_triggers


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python benchmarks/anchoring.py DATA_DIR", file=sys.stderr)
        return 2
    documents = read_corpus(args[0])
    items = [item for document in documents for item in gold_items(document)]
    dated = [i for i in items if i.timex.type in {"DATE", "TIME"}]
    print(f"{len(documents)} documents, {len(items)} anchoring items ({len(dated)} DATE/TIME)")
    finder = _finder()
    pipeline = Pipeline(finder) if finder is not None else None
    rows: dict[str, Callable[[Item], Trigger | None]] = {
        "nearest gold event": nearest,
        "oracle (gold times + gold events)": oracle,
    }
    if pipeline is not None:
        rows["pipeline (tag + extract's triggers)"] = pipeline.choose
    print(f"{'':40} {'all':>6} {'DATE/TIME':>10}")
    for label, choose in rows.items():
        began = time.perf_counter()
        print(
            f"{label:40} {_score(items, choose):6.3f} {_score(dated, choose):10.3f}"
            f"   ({time.perf_counter() - began:.1f}s)"
        )
    if pipeline is None:
        print("pipeline: n/a (eventline._triggers.find_triggers is not available)")
    held: dict[str, Callable[[Item, Mapping[str, float]], Trigger | None]] = {"oracle": oracle}
    if pipeline is not None:
        held["pipeline"] = pipeline.choose
    for label, value in _held_out(documents, items, held, pipeline).items():
        print(f"{'held-out ' + label + f' ({FOLDS}-fold, by document)':40} {value:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
