"""Whole articles as a specification: our own TimeML documents under ``tests/documents``.

The corpus (tests/corpus) holds one sentence per example; these documents hold whole
articles, so they also pin down what a single sentence cannot show: dates told from the
article's own creation date across paragraphs, a narrative's dates anchoring "the next
day" or "that spring" sentences later, and a headline and dateline before the body.

Every document is our own writing, annotated by hand with TIMEX3 as TimeBank/AQUAINT
annotate it (docs/conventions.md). The tagger's output on a document's text, with the
creation date as reference, must equal its annotations exactly: spans, types, values and
mods. ``python benchmarks/accuracy.py tests/documents`` scores them as TempEval-3 does.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import eventline
from eventline import TimexType
from eventline.evaluate import TimeMLDocument, find_timeml_files, read_timeml, reference_date

from .test_corpus import Found, value_is_well_formed, value_names_real_days

DOCUMENTS_DIR = Path(__file__).parent / "documents"
DOCUMENTS = tuple(read_timeml(path) for path in find_timeml_files(DOCUMENTS_DIR))


# One time expression as a document annotates it, comparable with the tagger's output, a
# set's freq included ("six days a week" is P1W with freq 6X)
Annotation = Found


def _expected(document: TimeMLDocument) -> list[Annotation]:
    return [
        Annotation(g.span.start, g.span.end, g.text, g.type, g.value, g.mod, g.freq or None)
        for g in document.timexes
    ]


def _tagged(document: TimeMLDocument) -> list[Annotation]:
    return [
        Annotation(e.span.start, e.span.end, e.text, str(e.type), e.value, e.mod, e.freq)
        for e in eventline.tag(document.text, reference=reference_date(document.dct))
    ]


def _line(text: str, offset: int) -> str:
    """The line of ``text`` holding ``offset``, for readable failure messages."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)].strip()


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_document(document: TimeMLDocument) -> None:
    expected, got = _expected(document), _tagged(document)
    wrong = [("missing", a) for a in expected if a not in got]
    wrong += [("tagged", a) for a in got if a not in expected]
    report = "\n".join(
        f"{kind}: {a.text!r} {a.type} {a.value} mod={a.mod} freq={a.freq} at {a.start}"
        f" in: {_line(document.text, a.start)}"
        for kind, a in sorted(wrong, key=lambda item: item[1].start)
    )
    assert wrong == [], f"{document.name} (DCT {document.dct}):\n{report}"


def test_documents_are_a_real_sample() -> None:
    assert len(DOCUMENTS) >= 8
    assert len({d.name for d in DOCUMENTS}) == len(DOCUMENTS)
    assert sum(len(d.timexes) for d in DOCUMENTS) >= 300
    assert len({d.dct[:4] for d in DOCUMENTS}) >= 5  # written from several years
    assert {t.type for d in DOCUMENTS for t in d.timexes} == {t.value for t in TimexType}


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_document_annotations_are_well_formed(document: TimeMLDocument) -> None:
    assert document.timexes, "a document without any time expression tests nothing"
    bad = [
        (t.text, t.type, t.value)
        for t in document.timexes
        if t.type not in {x.value for x in TimexType}
        or not value_is_well_formed(TimexType(t.type), t.value)
        or not value_names_real_days(t.value)
        or t.text != t.text.strip()
    ]
    assert bad == []
    spans = [(t.span.start, t.span.end) for t in document.timexes]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "overlapping"
    tids = [t.tid for t in document.timexes]
    assert all(tids), "every TIMEX3 needs a tid"
    assert len(set(tids)) == len(tids), "every TIMEX3 needs its own tid"
