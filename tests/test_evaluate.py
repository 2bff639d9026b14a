"""Tests of the TimeML reader and the TempEval-3 scorer (no corpus needed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventline.errors import TimeMLError
from eventline.evaluate import (
    Counts,
    GoldTimex,
    MistakeKind,
    TimeMLDocument,
    evaluate,
    find_timeml_files,
    parse_timeml,
    read_timeml,
    reference_date,
    score,
)
from eventline.model import Span, TimeExpression, TimexType

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>SAMPLE1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13T14:26:00" temporalFunction="false" \
functionInDocument="CREATION_TIME">02/13/1998 14:26:00</TIMEX3></DCT>
<TITLE>Ignored title on <TIMEX3 tid="t99" type="DATE" value="1998">1998</TIMEX3></TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="1998-02-12" mod="START">yesterday</TIMEX3> that \
<SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P3Y">three \
<EVENT eid="e2" class="STATE">long</EVENT> years</TIMEX3> it &lt;grew&gt;.
In <TIMEX3 tid="t3" type="DATE" value="1997-10">October</TIMEX3> it fell.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""

EXPECTED_TEXT = "\nAT&T said yesterday that for three long years it <grew>.\nIn October it fell.\n"


@pytest.fixture
def sample() -> TimeMLDocument:
    """The handwritten sample document."""
    return parse_timeml(SAMPLE, name="SAMPLE1")


def predict(
    text: str, start: int, end: int, value: str, kind: TimexType = TimexType.DATE
) -> TimeExpression:
    """A predicted expression over ``text[start:end]``."""
    return TimeExpression(span=Span(start, end), text=text[start:end], type=kind, value=value)


def perfect(document: TimeMLDocument) -> tuple[TimeExpression, ...]:
    """Predictions identical to the gold of ``document``."""
    return tuple(
        TimeExpression(
            span=timex.span, text=timex.text, type=TimexType(timex.type), value=timex.value
        )
        for timex in document.timexes
    )


# ---------------------------------------------------------------- reading


def test_text_has_tags_removed_and_entities_decoded(sample: TimeMLDocument) -> None:
    assert sample.text == EXPECTED_TEXT


def test_dct_is_the_creation_time_value(sample: TimeMLDocument) -> None:
    assert sample.dct == "1998-02-13T14:26:00"
    assert reference_date(sample.dct) == "1998-02-13"
    assert reference_date("1998-02-13") == "1998-02-13"


def test_timexes_outside_text_and_dct_are_not_gold(sample: TimeMLDocument) -> None:
    assert [timex.tid for timex in sample.timexes] == ["t1", "t2", "t3"]


def test_offsets_index_the_text(sample: TimeMLDocument) -> None:
    spans = [(timex.span.start, timex.span.end) for timex in sample.timexes]
    assert spans == [(11, 20), (30, 46), (61, 68)]
    for timex in sample.timexes:
        assert sample.text[timex.span.start : timex.span.end] == timex.text
    assert [timex.text for timex in sample.timexes] == ["yesterday", "three long years", "October"]


def test_attributes_are_kept(sample: TimeMLDocument) -> None:
    first = sample.timexes[0]
    assert first == GoldTimex(
        span=Span(11, 20), text="yesterday", type="DATE", value="1998-02-12", mod="START", tid="t1"
    )
    assert sample.timexes[1].mod is None


def test_freq_is_read_as_written_and_not_scored() -> None:
    document = parse_timeml(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>It met '
        '<TIMEX3 tid="t1" type="SET" value="P1W" freq="2X">twice a week</TIMEX3> on '
        '<TIMEX3 tid="t2" type="SET" value="XXXX-WXX-1TNI" freq="7D">Monday nights</TIMEX3>.'
        "</TEXT></TimeML>",
        name="d",
    )
    assert [timex.freq for timex in document.timexes] == ["2X", "7D"]
    assert document.timexes[0] == GoldTimex(
        Span(7, 19), "twice a week", "SET", "P1W", None, "t1", freq="2X"
    )
    total = score([document], {"d": perfect(document)}).total
    assert (total.strict, total.value_accuracy) == (2, 1.0)


def test_read_timeml_names_the_document_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "APW19980213.1310.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    document = read_timeml(path)
    assert document.name == "APW19980213.1310"
    assert document.text == EXPECTED_TEXT


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<TimeML><TEXT>unclosed</TimeML>", "not well-formed"),
        ("not xml at all", "not well-formed"),
        ("<TimeML><DCT></DCT></TimeML>", "no <TEXT>"),
        ("<TimeML><TEXT>no dct</TEXT></TimeML>", "CREATION_TIME"),
        (
            '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-01" '
            'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
            '<TEXT>a <TIMEX3 tid="t1" type="DATE">day</TIMEX3></TEXT></TimeML>',
            "no value attribute",
        ),
    ],
)
def test_malformed_files_raise_timeml_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.tml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TimeMLError, match=reason) as caught:
        read_timeml(path)
    assert caught.value.source == str(path)


def test_missing_file_raises_timeml_error(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="cannot read TimeML"):
        read_timeml(tmp_path / "missing.tml")


def test_find_timeml_files_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/z.tml", "b/a.tml", "c.tml", "notes.txt"):
        (tmp_path / name).write_text(SAMPLE, encoding="utf-8")
    found = find_timeml_files(tmp_path)
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "b/a.tml",
        "b/z.tml",
        "c.tml",
    ]
    with pytest.raises(TimeMLError, match=r"no \.tml files"):
        find_timeml_files(_empty(tmp_path))
    with pytest.raises(TimeMLError, match="no such file"):
        find_timeml_files([tmp_path / "nowhere"])


def _empty(base: Path) -> Path:
    empty = base / "empty"
    empty.mkdir()
    return empty


# ---------------------------------------------------------------- scoring


def test_perfect_prediction_scores_one_everywhere(sample: TimeMLDocument) -> None:
    total = score([sample], {"SAMPLE1": perfect(sample)}).total
    assert total == Counts(
        gold=3, predicted=3, strict=3, relaxed=3, type_correct=3, value_correct=3
    )
    metrics = (
        total.strict_precision,
        total.strict_recall,
        total.strict_f1,
        total.relaxed_f1,
        total.type_accuracy,
        total.value_accuracy,
        total.type_f1,
        total.value_f1,
    )
    assert metrics == (1.0,) * len(metrics)


def test_missed_timex_lowers_recall_only(sample: TimeMLDocument) -> None:
    scores = score([sample], {"SAMPLE1": perfect(sample)[:2]})
    total = scores.total
    assert total.strict_precision == 1.0
    assert total.strict_recall == pytest.approx(2 / 3)
    assert total.strict_f1 == pytest.approx(0.8)
    assert total.relaxed_f1 == pytest.approx(0.8)
    assert total.value_f1 == pytest.approx(0.8)
    [mistake] = scores.mistakes
    assert mistake.kind is MistakeKind.MISSED
    assert (mistake.span, mistake.gold, mistake.predicted) == (
        Span(61, 68),
        sample.timexes[2],
        None,
    )


def test_overlapping_span_counts_relaxed_not_strict(sample: TimeMLDocument) -> None:
    text = sample.text
    predictions = (
        *perfect(sample)[:2],
        predict(text, 58, 68, "1997-10"),  # "In October"
    )
    scores = score([sample], {"SAMPLE1": predictions})
    total = scores.total
    assert (total.strict, total.relaxed) == (2, 3)
    assert total.strict_f1 == pytest.approx(2 / 3)
    assert total.relaxed_f1 == 1.0
    assert total.value_f1 == 1.0
    assert [mistake.kind for mistake in scores.mistakes] == [MistakeKind.BOUNDARY]


def test_wrong_value_lowers_value_accuracy(sample: TimeMLDocument) -> None:
    text = sample.text
    predictions = (
        predict(text, 11, 20, "1998-02-12"),
        predict(text, 30, 46, "P3Y", TimexType.DATE),  # wrong type
        predict(text, 61, 68, "1998-10"),  # wrong value
        predict(text, 0, 4, "PRESENT_REF"),  # spurious
    )
    scores = score([sample], {"SAMPLE1": predictions})
    total = scores.total
    assert total.relaxed_precision == pytest.approx(3 / 4)
    assert total.relaxed_recall == 1.0
    assert total.relaxed_f1 == pytest.approx(6 / 7)
    assert total.type_accuracy == pytest.approx(2 / 3)
    assert total.value_accuracy == pytest.approx(2 / 3)
    assert total.value_f1 == pytest.approx(6 / 7 * 2 / 3)
    assert total.type_f1 == pytest.approx(4 / 7)
    kinds = [(mistake.kind, mistake.span.start) for mistake in scores.mistakes]
    assert kinds == [
        (MistakeKind.SPURIOUS, 0),
        (MistakeKind.WRONG_TYPE, 30),
        (MistakeKind.WRONG_VALUE, 61),
    ]
    wrong = scores.mistakes[2]
    assert wrong.gold is not None
    assert wrong.predicted is not None
    assert (wrong.gold.value, wrong.predicted.value) == ("1997-10", "1998-10")


def test_each_gold_and_prediction_is_matched_once_largest_overlap_first() -> None:
    text = "from March 3 to March 5"
    gold = TimeMLDocument(
        name="d",
        text=text,
        dct="2000-01-01",
        timexes=(
            GoldTimex(Span(5, 12), "March 3", "DATE", "2000-03-03", None, "t1"),
            GoldTimex(Span(16, 23), "March 5", "DATE", "2000-03-05", None, "t2"),
        ),
    )
    one_long = (predict(text, 5, 23, "2000-03-05"),)
    total = score([gold], {"d": one_long}).total
    # The long prediction overlaps both; it may match only one of them (the larger overlap
    # is equal, so text order decides: March 3).
    assert (total.relaxed, total.value_correct, total.strict) == (1, 0, 0)
    two_short = (predict(text, 16, 23, "2000-03-05"), predict(text, 5, 13, "2000-03-03"))
    total = score([gold], {"d": two_short}).total
    assert (total.relaxed, total.value_correct, total.strict) == (2, 2, 1)


def test_scores_are_micro_averaged_over_documents(sample: TimeMLDocument) -> None:
    empty = TimeMLDocument(name="EMPTY", text="nothing", dct="2000-01-01", timexes=())
    other = parse_timeml(SAMPLE, name="OTHER")
    scores = score(
        [sample, empty, other],
        {"SAMPLE1": perfect(sample), "EMPTY": (predict("nothing", 0, 7, "P1D"),)},
    )
    total = scores.total
    assert (total.gold, total.predicted, total.strict) == (6, 4, 3)
    assert total.strict_precision == pytest.approx(3 / 4)
    assert total.strict_recall == pytest.approx(3 / 6)
    assert [entry.name for entry in scores.documents] == ["SAMPLE1", "EMPTY", "OTHER"]
    assert scores.documents[0].counts.strict_f1 == 1.0
    assert scores.documents[1].counts.strict_f1 == 0.0


def test_no_predictions_and_no_gold_give_zero_not_an_error() -> None:
    empty = TimeMLDocument(name="EMPTY", text="", dct="2000-01-01", timexes=())
    total = score([empty], {}).total
    assert (total.strict_f1, total.value_accuracy, total.value_f1) == (0.0, 0.0, 0.0)


def test_predictions_for_unknown_documents_are_rejected(sample: TimeMLDocument) -> None:
    with pytest.raises(ValueError, match="not in the gold: ELSEWHERE"):
        score([sample], {"ELSEWHERE": ()})


# ---------------------------------------------------------------- evaluate and report


def test_evaluate_runs_the_tagger_with_the_dct_date(tmp_path: Path) -> None:
    (tmp_path / "SAMPLE1.tml").write_text(SAMPLE, encoding="utf-8")
    calls: list[tuple[str, str]] = []

    def tagger(text: str, reference: str) -> Sequence[TimeExpression]:
        calls.append((text, reference))
        return (predict(text, 61, 68, "1997-10"),)

    report = evaluate(tmp_path, tagger=tagger)
    # one untimed warm-up call on the first document, then the scored one
    assert calls == [(EXPECTED_TEXT, "1998-02-13")] * 2
    assert report.scores.total.strict == 1
    assert report.characters == len(EXPECTED_TEXT)
    table = report.format()
    for expected in ("strict", "relaxed", "value", "0.500"):
        assert expected in table
    assert "SAMPLE1" not in table
    detailed = report.format(documents=True, errors=True)
    assert "SAMPLE1" in detailed
    assert "missed" in detailed
    assert "'yesterday'" in detailed


def test_evaluate_uses_eventline_tag_by_default(tmp_path: Path) -> None:
    (tmp_path / "SAMPLE1.tml").write_text(SAMPLE, encoding="utf-8")
    report = evaluate([tmp_path / "SAMPLE1.tml"])
    assert report.scores.total.gold == 3


def test_evaluate_rejects_two_files_with_one_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "SAME.tml").write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(TimeMLError, match="SAME"):
        evaluate(tmp_path, tagger=lambda text, reference: ())


# ---------------------------------------------------------------- properties

_spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda pair: Span(pair[0], sum(pair))),
    max_size=8,
)


@given(gold_spans=_spans, predicted_spans=_spans)
def test_counts_are_consistent_with_the_mistakes(
    gold_spans: list[Span], predicted_spans: list[Span]
) -> None:
    text = "x" * 50
    gold = TimeMLDocument(
        name="d",
        text=text,
        dct="2000-01-01",
        timexes=tuple(
            GoldTimex(span, text[span.start : span.end], "DATE", "2000", None, f"t{i}")
            for i, span in enumerate(gold_spans)
        ),
    )
    predicted = tuple(predict(text, span.start, span.end, "2000") for span in predicted_spans)
    scores = score([gold], {"d": predicted})
    total = scores.total
    kinds = [mistake.kind for mistake in scores.mistakes]
    assert total.strict <= total.relaxed <= min(total.gold, total.predicted)
    assert kinds.count(MistakeKind.MISSED) == total.gold - total.relaxed
    assert kinds.count(MistakeKind.SPURIOUS) == total.predicted - total.relaxed
    assert kinds.count(MistakeKind.BOUNDARY) == total.relaxed - total.strict
    assert total.value_correct == total.relaxed
    assert 0.0 <= total.strict_f1 <= total.relaxed_f1 <= 1.0
