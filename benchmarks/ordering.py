"""Event ordering on MATRES: does eventline's timeline order event pairs as the gold does?

    python benchmarks/ordering.py ../shared/data/tbaq-cleaned ../shared/data/matres

MATRES (``timebank.txt``, ``aquaint.txt``: docid, verb1, verb2, eiid1, eiid2, relation) gives
the start-point relation (BEFORE / AFTER / EQUAL / VAGUE) of verb event pairs of the TBAQ
documents; ``eiid`` *n* is the ``MAKEINSTANCE eiid="ein"`` of the ``.tml`` file.

For every document, ``eventline.extract(text, reference=creation date)`` builds a timeline.
A gold event is *dated by eventline* when some dated eventline event has a mention whose
trigger span overlaps the gold EVENT span; when several do, the one with the shortest
interval (then the earliest in the text) is used. A pair is *covered* when both of its events
are dated. The order eventline implies for a covered pair is that of the two ``when``
intervals (:func:`eventline._order.relation`):

* BEFORE / AFTER → BEFORE / AFTER;
* EQUALS / SAME_DAY (or both events are the same eventline event) → EQUAL;
* CONTAINS / DURING / OVERLAPS → VAGUE (nothing is said about the start points).

Reported: pairs, covered pairs, agreement with the gold on covered pairs, agreement on the
pairs where eventline implies BEFORE or AFTER, and a confusion table. Nothing in eventline is
tuned on MATRES; this is a measurement only.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeml_events import GoldTimeML, read_corpus

import eventline
from eventline._order import relation
from eventline.evaluate import reference_date
from eventline.model import Event, Relation, Span

LABELS = ("BEFORE", "AFTER", "EQUAL", "VAGUE")
MATRES_FILES = ("timebank.txt", "aquaint.txt")
_IMPLIED = {
    Relation.BEFORE: "BEFORE",
    Relation.AFTER: "AFTER",
    Relation.EQUALS: "EQUAL",
    Relation.SAME_DAY: "EQUAL",
    Relation.CONTAINS: "VAGUE",
    Relation.DURING: "VAGUE",
    Relation.OVERLAPS: "VAGUE",
}

Extractor = Callable[[str, str], Iterable[Event]]


@attrs.frozen
class Pair:
    """One MATRES line."""

    docid: str
    verb1: str
    verb2: str
    eiid1: str  # "ei415"
    eiid2: str
    gold: str


@attrs.frozen
class Outcome:
    """The pair, and the relation eventline implies (``None`` when not covered)."""

    pair: Pair
    implied: str | None


def read_matres(matres_dir: str | Path) -> list[Pair]:
    """Every pair of the MATRES files present in ``matres_dir``, in file order."""
    pairs = []
    for name in MATRES_FILES:
        path = Path(matres_dir) / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            docid, verb1, verb2, eiid1, eiid2, gold = line.split("\t")
            pairs.append(Pair(docid, verb1, verb2, f"ei{eiid1}", f"ei{eiid2}", gold.strip()))
    return pairs


def default_extractor(text: str, reference: str) -> Iterable[Event]:
    """The dated events of ``eventline.extract`` (looked up at call time)."""
    return tuple(eventline.extract(text, reference=reference))


def instance_spans(document: GoldTimeML) -> dict[str, Span]:
    """Gold EVENT span of every event instance id of the document."""
    return {eiid: event.span for event in document.events for eiid in event.eiids}


def dating_event(span: Span, events: Sequence[Event]) -> Event | None:
    """The dated eventline event with a mention trigger over ``span``; finest, then first."""
    found = [
        event
        for event in events
        if event.dated and any(m.trigger.span.overlaps(span) for m in event.mentions)
    ]
    if not found:
        return None
    return min(found, key=_finest_then_first)


def _finest_then_first(event: Event) -> tuple[float, int]:
    interval = event.when.interval
    assert interval is not None  # dated
    return (interval.end - interval.start).total_seconds(), event.span.start


def implied_relation(first: Event, second: Event) -> str:
    """The MATRES label the timeline implies for two dated events."""
    if first == second:
        return "EQUAL"
    return _IMPLIED[relation(first, second)]


def score_document(
    document: GoldTimeML, pairs: Sequence[Pair], events: Sequence[Event]
) -> list[Outcome]:
    """The outcome of every pair of one document, given eventline's events for it."""
    spans = instance_spans(document)
    outcomes = []
    for pair in pairs:
        first, second = (
            dating_event(spans[eiid], events) if eiid in spans else None
            for eiid in (pair.eiid1, pair.eiid2)
        )
        implied = None if first is None or second is None else implied_relation(first, second)
        outcomes.append(Outcome(pair, implied))
    return outcomes


def run(
    documents: Sequence[GoldTimeML],
    pairs: Sequence[Pair],
    extractor: Extractor = default_extractor,
) -> list[Outcome]:
    """Outcomes of every pair whose document is among ``documents`` (documents in order)."""
    by_doc: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_doc.setdefault(pair.docid, []).append(pair)
    outcomes = []
    for document in documents:
        if document.name not in by_doc:
            continue
        events = tuple(extractor(document.text, reference_date(document.dct)))
        outcomes += score_document(document, by_doc[document.name], events)
    return outcomes


def summary(outcomes: Sequence[Outcome], total_pairs: int) -> str:
    """Coverage, agreement and the confusion table as text."""
    covered = [o for o in outcomes if o.implied is not None]
    ordered = [o for o in covered if o.implied in ("BEFORE", "AFTER")]
    lines = [
        f"MATRES pairs: {total_pairs}; in the documents read: {len(outcomes)}",
        f"covered (both events dated by eventline): {_ratio(len(covered), len(outcomes))}",
        f"agreement on covered pairs: {_agreement(covered)}",
        f"agreement where eventline implies BEFORE/AFTER: {_agreement(ordered)}",
        "",
        _confusion(covered),
    ]
    return "\n".join(lines)


def _agreement(outcomes: Sequence[Outcome]) -> str:
    return _ratio(sum(o.implied == o.pair.gold for o in outcomes), len(outcomes))


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.3f}" if whole else f"{part}/0"


def _confusion(outcomes: Sequence[Outcome]) -> str:
    counts: Mapping[tuple[str, str | None], int] = Counter(
        (o.pair.gold, o.implied) for o in outcomes
    )
    header = ["gold \\ eventline", *LABELS, "total"]
    rows = [header]
    for gold in LABELS:
        cells = [counts.get((gold, label), 0) for label in LABELS]
        rows.append([gold, *map(str, cells), str(sum(cells))])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    )


def main(argv: list[str] | None = None) -> int:
    """Read TBAQ and MATRES, extract timelines, print the ordering figures."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python benchmarks/ordering.py DATA_DIR MATRES_DIR", file=sys.stderr)
        return 2
    pairs = read_matres(args[1])
    wanted = {pair.docid for pair in pairs}
    documents = [d for d in read_corpus(args[0]) if d.name in wanted]
    outcomes = run(documents, pairs)
    print(f"{len(documents)} documents")
    print(summary(outcomes, len(pairs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
