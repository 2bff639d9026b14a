from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventline._triggers import (
    FoundTrigger,
    TriggerModel,
    find_trigger_tokens,
    find_triggers,
    model,
    token_features,
    tokenize,
)
from eventline.model import Span, Trigger

ROOT = Path(__file__).resolve().parents[1]


def texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [trigger.text for trigger in find_triggers(text, start, end)]


def test_model_loads_from_package_data() -> None:
    loaded = model()
    assert isinstance(loaded, TriggerModel)
    assert loaded is model()  # loaded once per process
    assert len(loaded.event) > 1000
    assert loaded.verbal


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Biden and Xi had a phone conversation earlier this month.", "conversation"),
        ("The two leaders met in California last November.", "met"),
        ("During Tuesday's briefing, an official said the talks had failed.", "said"),
        ("Israeli troops launched an attack on the town on Sunday.", "attack"),
        ("The president visited Japan in May.", "visited"),
    ],
)
def test_finds_obvious_events(sentence: str, expected: str) -> None:
    assert expected in texts(sentence)


@pytest.mark.parametrize("word", ["The", "in", "California", "November", "two"])
def test_skips_obvious_non_events(word: str) -> None:
    assert word not in texts("The two leaders met in California last November.")


def test_offsets_are_exact_substrings() -> None:
    text = "Officials said on Monday that the storm killed 12 people and destroyed homes."
    triggers = find_triggers(text)
    assert triggers
    for trigger in triggers:
        assert text[trigger.span.start : trigger.span.end] == trigger.text


def test_offsets_inside_a_sub_range_are_absolute() -> None:
    first = "Nothing to see here. "
    second = "The two leaders met in California last November."
    text = first + second + " Then they left."
    found = find_triggers(text, len(first), len(first) + len(second))
    assert Trigger(Span(len(first) + 16, len(first) + 19), "met") in found
    assert all(len(first) <= t.span.start < t.span.end <= len(first) + len(second) for t in found)
    assert "left" not in [trigger.text for trigger in found]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("", 0, None), ("   \n ", 0, None), ("met", 2, 2), ("met", 5, 9), ("...", 0, 3)],
)
def test_empty_or_blank_ranges_give_nothing(text: str, start: int, end: int | None) -> None:
    assert find_triggers(text, start, end) == ()


def test_deterministic() -> None:
    text = "The company announced the merger on Friday after weeks of negotiations."
    assert find_triggers(text) == find_triggers(text) == find_triggers(str(text))


def test_verbal_flag_and_score() -> None:
    found = {f.trigger.text: f for f in find_trigger_tokens("He said the attack failed.")}
    assert isinstance(found["said"], FoundTrigger)
    assert found["said"].verbal
    assert not found["attack"].verbal
    assert all(f.score > 0 for f in found.values())


def test_cached_scores_equal_the_sum_of_feature_weights() -> None:
    text = "Wong Kwan spent seventy million dollars, but he'd double his money, he said."
    forms = [text[a:b] for a, b in tokenize(text)]
    loaded = model()
    full = [
        sum(loaded.event.get(feature, 0.0) for feature in token_features(forms, i))
        for i in range(len(forms))
    ]
    assert loaded.scores(forms) == pytest.approx(full)


def test_tokenizer_keeps_hyphenated_words_and_splits_clitics() -> None:
    text = "it's a cease-fire"
    assert [text[a:b] for a, b in tokenize(text)] == ["it", "'s", "a", "cease-fire"]


def test_rejects_a_model_of_another_format() -> None:
    with pytest.raises(ValueError, match="format"):
        TriggerModel.from_json({"format": "something else"})


@given(st.text(max_size=200), st.integers(-5, 210), st.integers(-5, 210))
def test_property_spans_are_sorted_exact_and_inside(text: str, start: int, end: int) -> None:
    found = find_triggers(text, start, end)
    low, high = max(0, start), min(end, len(text))
    previous_end = low
    for trigger in found:
        assert previous_end <= trigger.span.start < trigger.span.end <= high
        assert text[trigger.span.start : trigger.span.end] == trigger.text
        previous_end = trigger.span.end


# --------------------------------------------------------------------------- TimeML events

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">
19980108</TIMEX3></DCT>
<TEXT>Stocks <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> &amp; traders
<EVENT eid="e2" class="REPORTING">said</EVENT> so on
<TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" pos="VERB" />
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" pos="VERB" />
<MAKEINSTANCE eventID="e2" eiid="ei3" tense="NONE" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="BEFORE" timeID="t1" relatedToEventInstance="ei2" />
</TimeML>
"""


def load_timeml_events() -> ModuleType:
    path = ROOT / "benchmarks" / "timeml_events.py"
    spec = importlib.util.spec_from_file_location("timeml_events", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["timeml_events"] = module  # attrs resolves annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_timeml_events_reader(tmp_path: Path) -> None:
    reader = load_timeml_events()
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, encoding="utf-8")
    document = reader.read_timeml_events(path)
    assert document.name == "doc"
    assert document.dct == "1998-01-08"
    assert document.text.startswith("Stocks fell & traders\nsaid so on\nWednesday.")
    assert [(e.eid, e.text, e.event_class) for e in document.events] == [
        ("e1", "fell", "OCCURRENCE"),
        ("e2", "said", "REPORTING"),
    ]
    for event in document.events:
        assert document.text[event.span.start : event.span.end] == event.text
    assert document.events[1].eiids == ("ei2", "ei3")
    assert document.events[0].tense == "PAST"
    assert document.events[0].pos == "VERB"
    assert [(t.tid, t.text) for t in document.timexes] == [("t1", "Wednesday")]
    assert [(k.lid, k.rel, k.source, k.target) for k in document.links] == [
        ("l1", "IS_INCLUDED", "ei1", "t1"),
        ("l2", "BEFORE", "t1", "ei2"),
    ]
