"""benchmarks/ordering.py on a tiny fake corpus, with a fake extractor (no shared data)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventline.model import (
    Event,
    EventMention,
    EventStatus,
    Span,
    TimeExpression,
    TimexType,
    Trigger,
)
from eventline.timex import grain_of, interval_of

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-20"
  functionInDocument="CREATION_TIME">19980120</TIMEX3></DCT>
<TEXT>Castro <EVENT eid="e1" class="OCCURRENCE">arrived</EVENT> on Monday
and <EVENT eid="e2" class="OCCURRENCE">spoke</EVENT> today.
He <EVENT eid="e3" class="OCCURRENCE">left</EVENT> in January.
Nobody <EVENT eid="e4" class="STATE">knew</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei11" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e2" eiid="ei12" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e3" eiid="ei13" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e4" eiid="ei14" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
</TimeML>
"""

MATRES = """fake\tarrived\tspoke\t11\t12\tBEFORE
fake\tspoke\tleft\t12\t13\tAFTER
fake\tarrived\tknew\t11\t14\tBEFORE
fake\tleft\tarrived\t13\t11\tVAGUE
fake\tspoke\tspoke\t12\t12\tEQUAL
other\ta\tb\t1\t2\tBEFORE
"""


def _load() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("ordering", BENCHMARKS / "ordering.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _event(text: str, trigger: str, when: str, value: str) -> Event:
    start = text.index(trigger)
    when_start = text.index(when)
    timex = TimeExpression(
        span=Span(when_start, when_start + len(when)),
        text=when,
        type=TimexType.DATE,
        value=value,
        grain=grain_of(value),
        interval=interval_of(value),
    )
    found = Trigger(Span(start, start + len(trigger)), trigger)
    sentence = Span(0, len(text))
    return Event(
        id=trigger,
        title=trigger,
        trigger=found,
        when=timex,
        sentence=text,
        span=sentence,
        status=EventStatus.HAPPENED,
        mentions=(EventMention(span=sentence, trigger=found, when=timex),),
    )


def fake_extractor(text: str, reference: str) -> tuple[Event, ...]:
    assert reference == "1998-01-20"
    return (
        _event(text, "arrived", "Monday", "1998-01-19"),
        _event(text, "spoke", "today", "1998-01-20"),
        _event(text, "left", "January", "1998-01"),
    )


@pytest.fixture
def ordering() -> ModuleType:
    return _load()


def test_pairs_are_scored_from_the_timeline(ordering: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "fake.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "timebank.txt").write_text(MATRES, encoding="utf-8")
    pairs = ordering.read_matres(tmp_path)
    assert len(pairs) == 6
    assert pairs[0].eiid1 == "ei11"
    documents = ordering.read_corpus(tmp_path)
    outcomes = ordering.run(documents, pairs, fake_extractor)
    implied = [(o.pair.gold, o.implied) for o in outcomes]
    assert implied == [
        ("BEFORE", "BEFORE"),
        ("AFTER", "VAGUE"),  # a day during a month says nothing of the start points
        ("BEFORE", None),  # "knew" is not dated
        ("VAGUE", "VAGUE"),
        ("EQUAL", "EQUAL"),
    ]
    report = ordering.summary(outcomes, len(pairs))
    assert "covered (both events dated by eventline): 4/5 = 0.800" in report
    assert "agreement on covered pairs: 3/4 = 0.750" in report
    assert "agreement where eventline implies BEFORE/AFTER: 1/1 = 1.000" in report


def test_the_finest_dating_event_is_used(ordering: ModuleType) -> None:
    text = "He left in January, on Monday."
    coarse = _event(text, "left", "January", "1998-01")
    fine = _event(text, "left", "Monday", "1998-01-19")
    assert ordering.dating_event(Span(3, 7), [coarse, fine]) is fine
    assert ordering.dating_event(Span(20, 22), [coarse, fine]) is None


def test_main_prints_usage_without_arguments(
    ordering: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ordering.main([]) == 2
    assert "usage" in capsys.readouterr().err
