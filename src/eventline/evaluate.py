"""TimeML reading and TempEval-3 Task A scoring of time expressions.

Three steps, each usable alone:

* :func:`read_timeml` turns a ``.tml`` file into a :class:`TimeMLDocument`: the plain text of
  its ``<TEXT>`` element (tags removed, XML entities decoded), the creation-time value of its
  ``<DCT>`` and the gold TIMEX3 annotations as character offsets into that text.
* :func:`score` compares gold documents with predicted :class:`~eventline.model.TimeExpression`
  tuples using the TempEval-3 definitions (strict and relaxed span P/R/F1, type and value
  accuracy on relaxed matches, type and value F1 = relaxed F1 x accuracy), micro-averaged.
* :func:`evaluate` reads every document under some paths, runs a tagger on each and scores it,
  giving a :class:`Report` that formats itself as a readable table.

Only the standard library is used to read TimeML.
"""

from __future__ import annotations

import enum
import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import attrs

import eventline
from eventline.errors import TimeMLError
from eventline.model import Span, TimeExpression

__all__ = [
    "Counts",
    "DocumentScore",
    "GoldTimex",
    "Mistake",
    "MistakeKind",
    "Report",
    "Scores",
    "Tagger",
    "TimeMLDocument",
    "evaluate",
    "find_timeml_files",
    "read_timeml",
    "score",
    "tagged_spans",
]

StrPath = str | os.PathLike[str]


# --------------------------------------------------------------------------- reading


@attrs.frozen
class GoldTimex:
    """One gold TIMEX3 annotation; ``span`` indexes :attr:`TimeMLDocument.text`.

    ``freq`` is the TIMEX3 ``freq`` of a set ("2X"), as written; it is not scored.
    """

    span: Span
    text: str
    type: str
    value: str
    mod: str | None
    tid: str
    freq: str | None = None


@attrs.frozen
class TimeMLDocument:
    """The parts of a TimeML document that time-expression scoring needs.

    ``name`` is the file name without ``.tml``; ``dct`` is the value of the creation-time
    TIMEX3 (which is not among ``timexes``).
    """

    name: str
    text: str
    dct: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: StrPath) -> TimeMLDocument:
    """Read one TimeML file.

    Raises :class:`~eventline.errors.TimeMLError` when the file cannot be read, is not
    well-formed XML, or lacks a ``<TEXT>`` element or a creation-time TIMEX3.
    """
    source = os.fspath(path)
    try:
        data = Path(source).read_bytes()
    except OSError as error:
        raise TimeMLError(source, error.strerror or str(error)) from error
    return parse_timeml(data, name=Path(source).stem, source=source)


def parse_timeml(data: str | bytes, *, name: str, source: str = "<string>") -> TimeMLDocument:
    """Parse TimeML given as a string or bytes; ``name`` becomes the document name."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise TimeMLError(source, f"not well-formed XML ({error})") from error
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise TimeMLError(source, "no <TEXT> element")
    text, timexes = _flatten(text_element, source)
    return TimeMLDocument(name=name, text=text, dct=_creation_time(root, source), timexes=timexes)


def _creation_time(root: ET.Element, source: str) -> str:
    """The value of the creation-time TIMEX3, preferring the one inside ``<DCT>``."""
    candidates = [*root.iterfind(".//DCT//TIMEX3"), *root.iter("TIMEX3")]
    for element in candidates:
        if element.get("functionInDocument") == "CREATION_TIME":
            value = element.get("value")
            if not value:
                raise TimeMLError(source, "creation-time TIMEX3 has no value")
            return value
    raise TimeMLError(source, 'no TIMEX3 with functionInDocument="CREATION_TIME"')


def tagged_spans(element: ET.Element, tag: str) -> tuple[str, list[tuple[ET.Element, int, int]]]:
    """Plain text of ``element`` (tags removed) and its ``tag`` descendants with their offsets."""
    parts: list[str] = []
    found: list[tuple[ET.Element, int, int]] = []
    length = 0

    def add(piece: str | None) -> None:
        nonlocal length
        if piece:
            parts.append(piece)
            length += len(piece)

    def walk(node: ET.Element) -> None:
        start = length
        add(node.text)
        for child in node:
            walk(child)
            add(child.tail)
        if node.tag == tag and node is not element:
            found.append((node, start, length))

    walk(element)
    return "".join(parts), found


def _flatten(element: ET.Element, source: str) -> tuple[str, tuple[GoldTimex, ...]]:
    """Plain text of ``element`` (tags removed) and the TIMEX3 spans inside it."""
    text, found = tagged_spans(element, "TIMEX3")
    timexes = sorted(
        (
            _gold_timex(node, Span(start, end), text[start:end], source)
            for node, start, end in found
        ),
        key=lambda timex: (timex.span.start, timex.span.end),
    )
    return text, tuple(timexes)


def _gold_timex(node: ET.Element, span: Span, surface: str, source: str) -> GoldTimex:
    """Build a :class:`GoldTimex` from a TIMEX3 element, checking its required attributes."""
    tid = node.get("tid", "")
    missing = [name for name in ("type", "value") if node.get(name) is None]
    if missing:
        where = f"TIMEX3 {tid or '(no tid)'} at {span.start}-{span.end}"
        raise TimeMLError(source, f"{where} has no {' or '.join(missing)} attribute")
    return GoldTimex(
        span=span,
        text=surface,
        type=node.get("type", ""),
        value=node.get("value", ""),
        mod=node.get("mod"),
        tid=tid,
        freq=node.get("freq"),
    )


def find_timeml_files(paths: StrPath | Iterable[StrPath]) -> tuple[Path, ...]:
    """Expand files and directories (searched recursively for ``*.tml``, sorted) into files.

    Raises :class:`~eventline.errors.TimeMLError` for a path that does not exist or a
    directory without any ``.tml`` file.
    """
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            files = sorted(path.rglob("*.tml"))
            if not files:
                raise TimeMLError(str(path), "no .tml files in this directory")
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            raise TimeMLError(str(path), "no such file or directory")
    return tuple(found)


# --------------------------------------------------------------------------- scoring


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@attrs.frozen
class Counts:
    """Match counts from which every TempEval-3 metric is derived (they add up over documents).

    ``type_correct`` and ``value_correct`` count relaxed matches whose type, resp. value,
    string is identical in gold and prediction.
    """

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def __add__(self, other: Counts) -> Counts:
        pairs = zip(attrs.astuple(self), attrs.astuple(other), strict=True)
        return Counts(*(a + b for a, b in pairs))

    @property
    def strict_precision(self) -> float:
        """Identical spans / predictions."""
        return _ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float:
        """Identical spans / gold expressions."""
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        """Harmonic mean of strict precision and recall."""
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        """Overlapping matches / predictions."""
        return _ratio(self.relaxed, self.predicted)

    @property
    def relaxed_recall(self) -> float:
        """Overlapping matches / gold expressions."""
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        """Harmonic mean of relaxed precision and recall."""
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed matches with the gold type."""
        return _ratio(self.type_correct, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches with the gold value."""
        return _ratio(self.value_correct, self.relaxed)

    @property
    def type_f1(self) -> float:
        """Relaxed F1 x type accuracy."""
        return self.relaxed_f1 * self.type_accuracy

    @property
    def value_f1(self) -> float:
        """Relaxed F1 x value accuracy."""
        return self.relaxed_f1 * self.value_accuracy


class MistakeKind(enum.StrEnum):
    """What went wrong for one gold or predicted expression."""

    MISSED = "missed"
    SPURIOUS = "spurious"
    WRONG_TYPE = "wrong type"
    WRONG_VALUE = "wrong value"
    BOUNDARY = "boundary"


@attrs.frozen
class Mistake:
    """One scoring error: a missed gold timex, a spurious prediction, or a flawed match.

    ``gold`` is ``None`` for spurious predictions, ``predicted`` for missed gold expressions;
    a relaxed match has both and yields one mistake per wrong type, wrong value and
    (``BOUNDARY``) span that overlaps but is not identical.
    """

    kind: MistakeKind
    document: str
    gold: GoldTimex | None
    predicted: TimeExpression | None

    @property
    def span(self) -> Span:
        """The gold span when there is one, else the predicted span."""
        if self.gold is not None:
            return self.gold.span
        assert self.predicted is not None  # one of the two is always set
        return self.predicted.span


@attrs.frozen
class DocumentScore:
    """The counts of one document."""

    name: str
    counts: Counts


@attrs.frozen
class Scores:
    """Micro-averaged counts over all documents, with per-document counts and mistakes."""

    total: Counts
    documents: tuple[DocumentScore, ...]
    mistakes: tuple[Mistake, ...]


def score(
    gold: Sequence[TimeMLDocument], predicted: Mapping[str, Sequence[TimeExpression]]
) -> Scores:
    """Score predictions (by document name) against gold documents, TempEval-3 style.

    A document without an entry in ``predicted`` counts as having no predictions.
    Raises :class:`ValueError` for duplicate gold names or predictions for unknown documents.
    """
    names = [document.name for document in gold]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"duplicate gold document names: {', '.join(duplicates)}")
    unknown = sorted(set(predicted) - set(names))
    if unknown:
        raise ValueError(f"predictions for documents not in the gold: {', '.join(unknown)}")
    documents: list[DocumentScore] = []
    mistakes: list[Mistake] = []
    for document in gold:
        counts, found = _score_document(document, tuple(predicted.get(document.name, ())))
        documents.append(DocumentScore(document.name, counts))
        mistakes.extend(found)
    total = sum((entry.counts for entry in documents), Counts())
    return Scores(total=total, documents=tuple(documents), mistakes=tuple(mistakes))


def _score_document(
    document: TimeMLDocument, predicted: tuple[TimeExpression, ...]
) -> tuple[Counts, list[Mistake]]:
    """Counts and mistakes of one document."""
    gold = document.timexes
    pairs = _relaxed_pairs(gold, predicted)
    mistakes = _mistakes(document.name, gold, predicted, pairs)
    counts = Counts(
        gold=len(gold),
        predicted=len(predicted),
        strict=_strict_matches(gold, predicted),
        relaxed=len(pairs),
        type_correct=sum(gold[g].type == str(predicted[p].type) for g, p in pairs),
        value_correct=sum(gold[g].value == predicted[p].value for g, p in pairs),
    )
    return counts, mistakes


def _strict_matches(gold: Sequence[GoldTimex], predicted: Sequence[TimeExpression]) -> int:
    """Number of one-to-one pairs with identical spans."""
    remaining = [(timex.span.start, timex.span.end) for timex in gold]
    matched = 0
    for expression in predicted:
        key = (expression.span.start, expression.span.end)
        if key in remaining:
            remaining.remove(key)
            matched += 1
    return matched


def _relaxed_pairs(
    gold: Sequence[GoldTimex], predicted: Sequence[TimeExpression]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans.

    Greedy: the largest overlap first, identical spans first among equals, then text order.
    """
    candidates: list[tuple[int, bool, int, int, int, int]] = []
    for g, timex in enumerate(gold):
        for p, expression in enumerate(predicted):
            overlap = min(timex.span.end, expression.end) - max(timex.span.start, expression.start)
            if overlap > 0:
                identical = timex.span == expression.span
                order = (timex.span.start, expression.start)
                candidates.append((-overlap, not identical, *order, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for *_, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    pairs.sort()
    return pairs


def _mistakes(
    name: str,
    gold: Sequence[GoldTimex],
    predicted: Sequence[TimeExpression],
    pairs: Sequence[tuple[int, int]],
) -> list[Mistake]:
    """Every missed, spurious and flawed expression of one document, in text order."""
    found: list[Mistake] = []
    matched_gold = {g for g, _ in pairs}
    matched_predicted = {p for _, p in pairs}
    found.extend(
        Mistake(MistakeKind.MISSED, name, timex, None)
        for g, timex in enumerate(gold)
        if g not in matched_gold
    )
    found.extend(
        Mistake(MistakeKind.SPURIOUS, name, None, expression)
        for p, expression in enumerate(predicted)
        if p not in matched_predicted
    )
    for g, p in pairs:
        timex, expression = gold[g], predicted[p]
        checks = (
            (MistakeKind.WRONG_VALUE, timex.value != expression.value),
            (MistakeKind.WRONG_TYPE, timex.type != str(expression.type)),
            (MistakeKind.BOUNDARY, timex.span != expression.span),
        )
        found.extend(Mistake(kind, name, timex, expression) for kind, wrong in checks if wrong)
    found.sort(key=lambda mistake: (mistake.span.start, mistake.span.end))
    return found


# --------------------------------------------------------------------------- evaluating


class Tagger(Protocol):
    """Anything called like :func:`eventline.tag` with a text and a reference date string."""

    def __call__(self, text: str, reference: str) -> Sequence[TimeExpression]:
        """Return the time expressions found in ``text``."""


def reference_date(dct: str) -> str:
    """The date part of a creation-time value (``1998-02-13T14:26:00`` → ``1998-02-13``)."""
    return dct[:10] if "T" in dct else dct


def _check_unique_names(documents: Sequence[TimeMLDocument]) -> None:
    """Raise :class:`~eventline.errors.TimeMLError` when two files share a document name."""
    seen: set[str] = set()
    for document in documents:
        if document.name in seen:
            raise TimeMLError(document.name, "two files have this document name")
        seen.add(document.name)


@attrs.frozen
class Report:
    """The outcome of :func:`evaluate`: scores plus what was run and how long it took."""

    scores: Scores
    documents: tuple[TimeMLDocument, ...]
    seconds: float
    tagger_name: str = "eventline"

    @property
    def characters(self) -> int:
        """Characters of text tagged."""
        return sum(len(document.text) for document in self.documents)

    def format(self, documents: bool = False, errors: bool = False) -> str:
        """A readable table of the metrics, optionally with per-document rows and mistakes."""
        sections = [self._summary(), format_counts(self.scores.total)]
        if documents:
            sections.append(format_documents(self.scores.documents))
        if errors:
            sections.append(format_mistakes(self.scores.mistakes))
        return "\n\n".join(sections) + "\n"

    def _summary(self) -> str:
        speed = f"{self.characters / self.seconds:,.0f} chars/s" if self.seconds > 0 else "-"
        return (
            f"{self.tagger_name}: {len(self.documents)} documents, {self.characters:,} characters, "
            f"{self.seconds:.2f} s ({speed})"
        )


def _default_tagger() -> Tagger:
    """:func:`eventline.tag`, looked up at call time (so a replaced facade function is used)."""
    return eventline.tag


def evaluate(
    paths_or_dir: StrPath | Iterable[StrPath],
    *,
    tagger: Tagger | Callable[..., Sequence[TimeExpression]] | None = None,
    tagger_name: str = "eventline",
) -> Report:
    """Read every ``.tml`` file under the given paths, tag each text and score the result.

    ``tagger`` defaults to :func:`eventline.tag`; it is called as
    ``tagger(text, reference=date)`` with the document's creation date (``YYYY-MM-DD``).
    The reported time is that of tagging every document after one warm-up call on the
    first, so that one-time loading (compiling patterns, importing) is not counted.
    """
    run = _default_tagger() if tagger is None else tagger
    documents = tuple(read_timeml(path) for path in find_timeml_files(paths_or_dir))
    _check_unique_names(documents)
    if documents:  # a warm-up call, so that one-time loading is not timed as tagging
        run(documents[0].text, reference=reference_date(documents[0].dct))
    started = time.perf_counter()
    predicted = {
        document.name: tuple(run(document.text, reference=reference_date(document.dct)))
        for document in documents
    }
    seconds = time.perf_counter() - started
    return Report(score(documents, predicted), documents, seconds, tagger_name)


# --------------------------------------------------------------------------- formatting


def _table(rows: Sequence[Sequence[str]], right: int = 1) -> str:
    """Align ``rows`` in columns; every column from index ``right`` on is right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if i >= right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def format_counts(counts: Counts) -> str:
    """The TempEval-3 metrics of ``counts`` as a table, with the raw counts below it."""
    rows = [
        ("metric", "precision", "recall", "F1", "accuracy"),
        ("strict", f"{counts.strict_precision:.3f}", f"{counts.strict_recall:.3f}",
         f"{counts.strict_f1:.3f}", ""),
        ("relaxed", f"{counts.relaxed_precision:.3f}", f"{counts.relaxed_recall:.3f}",
         f"{counts.relaxed_f1:.3f}", ""),
        ("type", "", "", f"{counts.type_f1:.3f}", f"{counts.type_accuracy:.3f}"),
        ("value", "", "", f"{counts.value_f1:.3f}", f"{counts.value_accuracy:.3f}"),
    ]  # fmt: skip
    raw = (
        f"gold {counts.gold}, predicted {counts.predicted}, strict matches {counts.strict}, "
        f"relaxed matches {counts.relaxed}, right type {counts.type_correct}, "
        f"right value {counts.value_correct}"
    )
    return _table(rows) + "\n" + raw


def format_documents(documents: Sequence[DocumentScore]) -> str:
    """One row per document: counts and the strict, relaxed and value F1."""
    rows = [("document", "gold", "pred", "strict F1", "relaxed F1", "value F1")]
    rows.extend(
        (
            entry.name,
            str(entry.counts.gold),
            str(entry.counts.predicted),
            f"{entry.counts.strict_f1:.3f}",
            f"{entry.counts.relaxed_f1:.3f}",
            f"{entry.counts.value_f1:.3f}",
        )
        for entry in documents
    )
    return _table(rows)


def _describe(timex: GoldTimex | TimeExpression | None) -> str:
    if timex is None:
        return "-"
    return f"{timex.value} ({timex.type}) {timex.text!r}"


def format_mistakes(mistakes: Sequence[Mistake]) -> str:
    """One row per mistake: document, offsets, kind, gold and predicted value, type and text."""
    if not mistakes:
        return "no mistakes"
    rows = [("document", "offsets", "kind", "gold", "predicted")]
    rows.extend(
        (
            mistake.document,
            f"{mistake.span.start}-{mistake.span.end}",
            str(mistake.kind),
            _describe(mistake.gold),
            _describe(mistake.predicted),
        )
        for mistake in mistakes
    )
    return _table(rows, right=len(rows[0]))
