"""Train eventline's event-trigger model on TimeML (TimeBank + AQUAINT) and write its weights.

    python scripts/train_triggers.py ../shared/data/tbaq-cleaned
    python scripts/train_triggers.py ../shared/data/tbaq-cleaned \
        --out src/eventline/data/triggers.json.gz --heldout-fraction 0.2 --seed 0

Two averaged perceptrons over the features of :mod:`eventline._triggers`: one says whether a
token is an ``<EVENT>`` (every token of every sentence is an example), the other whether an
event is verbal (``pos="VERB"`` of its first MAKEINSTANCE, against NOUN, ADJECTIVE and the
rest; the gold events whose ``pos`` is given are the examples, ``UNKNOWN`` ones are skipped).

First a document-level split: train on ``1 - heldout-fraction`` of the documents, report
precision/recall/F1 (exact token spans) on the rest. Then retrain on every document and write
the weights, pruned of near-zero ones and rounded, as gzipped JSON. Deterministic: documents
and features are iterated in sorted order and shuffled with ``random.Random(seed)``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
try:
    import eventline  # noqa: F401 - only checks that the package is importable
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT / "src"))

from timeml_events import GoldTimeML, read_corpus  # noqa: E402 - needs sys.path above

from eventline._recognize import recognizer  # noqa: E402
from eventline._segment import Sentences  # noqa: E402
from eventline._triggers import MODEL_FORMAT, TriggerModel, token_features, tokenize  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "eventline" / "data" / "triggers.json.gz"
EPOCHS = 12
VERBAL_EPOCHS = 8
PRUNE_BELOW = 0.002  # weights (after dividing by the largest) smaller than this are dropped
DIGITS = 3
MARGIN = 5.0  # update unless the example is right by at least this much (a margin perceptron)


# --------------------------------------------------------------------------- examples


@attrs.frozen
class Sentence:
    """One sentence of a document: its token forms, which are events, which of those verbal.

    ``verbal`` is ``None`` for tokens that are not events or whose part of speech is unknown.
    """

    forms: tuple[str, ...]
    events: tuple[bool, ...]
    verbal: tuple[bool | None, ...]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as eventline's tagger splits them."""
    sentences = Sentences(text, recognizer().lexicon.words.abbreviations)
    return [sentences.bounds(number) for number in range(len(sentences.starts))]


def verbal_labels(document: GoldTimeML) -> dict[tuple[int, int], bool | None]:
    """Each gold event's span → whether it is verbal (``None``: part of speech unknown)."""
    return {
        (event.span.start, event.span.end): None
        if event.pos in (None, "UNKNOWN")
        else event.pos == "VERB"
        for event in document.events
    }


def sentences_of(document: GoldTimeML) -> list[Sentence]:
    """The labelled sentences of a gold document."""
    gold = verbal_labels(document)
    found = []
    for start, end in sentence_bounds(document.text):
        spans = tokenize(document.text, start, end)
        if spans:
            found.append(
                Sentence(
                    forms=tuple(document.text[a:b] for a, b in spans),
                    events=tuple(span in gold for span in spans),
                    verbal=tuple(gold.get(span) for span in spans),
                )
            )
    return found


# --------------------------------------------------------------------------- perceptron


class AveragedPerceptron:
    """A binary averaged margin perceptron over string features (lazy averaging).

    An example updates the weights unless its score is on the right side of zero by at least
    :data:`MARGIN`; that is a little better on held-out documents than the plain perceptron.
    """

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self._totals: dict[str, float] = {}
        self._stamps: dict[str, int] = {}
        self.step = 0

    def score(self, features: Iterable[str]) -> float:
        """The current (not averaged) score of a feature set."""
        weights = self.weights
        return sum(weights.get(feature, 0.0) for feature in features)

    def update(self, features: Sequence[str], label: bool) -> None:
        """One example: move the weights towards ``label`` unless it is right by the margin."""
        self.step += 1
        score = self.score(features)
        if (score > MARGIN) if label else (score < -MARGIN):
            return
        change = 1.0 if label else -1.0
        for feature in features:
            old = self.weights.get(feature, 0.0)
            self._totals[feature] = self._totals.get(feature, 0.0) + old * (
                self.step - self._stamps.get(feature, 0)
            )
            self._stamps[feature] = self.step
            self.weights[feature] = old + change

    def averaged(self) -> dict[str, float]:
        """The averaged weights, in sorted feature order."""
        result = {}
        for feature in sorted(self.weights):
            total = self._totals.get(feature, 0.0) + self.weights[feature] * (
                self.step - self._stamps.get(feature, 0)
            )
            result[feature] = total / max(self.step, 1)
        return result


def train_head(
    examples: Sequence[tuple[list[str], bool]], epochs: int, seed: int
) -> dict[str, float]:
    """Averaged weights after ``epochs`` passes over ``examples`` in seeded random order."""
    perceptron = AveragedPerceptron()
    order = list(range(len(examples)))
    shuffle = random.Random(seed)
    for _ in range(epochs):
        shuffle.shuffle(order)
        for index in order:
            features, label = examples[index]
            perceptron.update(features, label)
    return perceptron.averaged()


def prune(weights: dict[str, float]) -> dict[str, float]:
    """Drop near-zero weights and rescale the rest to ``[-1, 1]``, rounded."""
    largest = max((abs(value) for value in weights.values()), default=1.0) or 1.0
    return {
        feature: round(value / largest, DIGITS)
        for feature, value in sorted(weights.items())
        if abs(value / largest) >= PRUNE_BELOW
    }


def train(documents: Sequence[GoldTimeML], seed: int) -> TriggerModel:
    """Both heads, trained on ``documents``, pruned."""
    sentences = [sentence for document in documents for sentence in sentences_of(document)]
    event_examples = []
    verbal_examples = []
    for sentence in sentences:
        for index, is_event in enumerate(sentence.events):
            features = token_features(sentence.forms, index)
            event_examples.append((features, is_event))
            is_verbal = sentence.verbal[index]
            if is_verbal is not None:
                verbal_examples.append((features, is_verbal))
    event = prune(train_head(event_examples, EPOCHS, seed))
    verbal = prune(train_head(verbal_examples, VERBAL_EPOCHS, seed))
    return TriggerModel(event, verbal)


# --------------------------------------------------------------------------- scoring


@attrs.frozen
class TriggerScores:
    """Exact-span trigger counts, and how often the verbal flag of a found event is right.

    ``verbal_known`` counts correct triggers whose gold part of speech is known;
    ``verbal_correct`` those of them whose verbal flag agrees with it.
    """

    gold: int
    predicted: int
    correct: int
    verbal_known: int
    verbal_correct: int

    @property
    def precision(self) -> float:
        """Correct / predicted."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Correct / gold."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def format(self) -> str:
        """One readable line."""
        verbal = self.verbal_correct / self.verbal_known if self.verbal_known else 0.0
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(gold {self.gold}, predicted {self.predicted}, correct {self.correct}; "
            f"verbal flag accuracy {verbal:.3f} on {self.verbal_known} with known POS)"
        )


def evaluate(model: TriggerModel, documents: Sequence[GoldTimeML]) -> TriggerScores:
    """Score ``model`` sentence by sentence on ``documents`` against their gold events."""
    gold = predicted = correct = verbal_known = verbal_correct = 0
    for document in documents:
        events = verbal_labels(document)
        gold += len(events)
        for start, end in sentence_bounds(document.text):
            for found in model.find(document.text, start, end):
                predicted += 1
                key = (found.trigger.span.start, found.trigger.span.end)
                if key in events:
                    correct += 1
                    verbal = events[key]
                    if verbal is not None:
                        verbal_known += 1
                        verbal_correct += found.verbal == verbal
    return TriggerScores(gold, predicted, correct, verbal_known, verbal_correct)


def split(
    documents: Sequence[GoldTimeML], fraction: float, seed: int
) -> tuple[list[GoldTimeML], list[GoldTimeML]]:
    """A seeded document-level split: (training documents, held-out documents)."""
    ordered = sorted(documents, key=lambda document: document.name)
    random.Random(seed).shuffle(ordered)
    size = round(len(ordered) * fraction)
    return ordered[size:], ordered[:size]


def heldout_scores(
    documents: Sequence[GoldTimeML], fraction: float, seed: int
) -> tuple[TriggerScores, int, int]:
    """Train on one side of a document-level split, score on the other."""
    training, heldout = split(documents, fraction, seed)
    return evaluate(train(training, seed), heldout), len(training), len(heldout)


# --------------------------------------------------------------------------- writing


def write_model(model: TriggerModel, out: Path) -> int:
    """Write the weights as gzipped JSON (byte-for-byte reproducible); return its size."""
    data = {"format": MODEL_FORMAT, "event": model.event, "verbal": model.verbal}
    encoded = json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    packed = gzip.compress(encoded.encode("utf-8"), compresslevel=9, mtime=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(packed)
    return len(packed)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", help="a folder of TimeML files (searched recursively)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write weights")
    parser.add_argument("--heldout-fraction", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    documents = read_corpus(args.data_dir)
    started = time.perf_counter()
    scores, trained, heldout = heldout_scores(documents, args.heldout_fraction, args.seed)
    print(f"held-out ({trained} training / {heldout} held-out documents): {scores.format()}")
    model = train(documents, args.seed)
    size = write_model(model, args.out)
    print(
        f"trained on all {len(documents)} documents: {len(model.event)} event and "
        f"{len(model.verbal)} verbal weights, {size:,} bytes -> {args.out} "
        f"({time.perf_counter() - started:.0f} s)"
    )
    print(f"on its own training data: {evaluate(model, documents).format()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
