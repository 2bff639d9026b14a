"""Anchoring a time expression to the event trigger it dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventline._anchor import anchor
from eventline._triggers import score_spans, sentence_candidates, sentence_triggers
from eventline.model import Span, TimeExpression, TimexType, Trigger


def triggers_of(sentence: str, words: list[str]) -> list[Trigger]:
    found = []
    for word in words:
        start = sentence.index(word)
        found.append(Trigger(Span(start, start + len(word)), word))
    return found


def expression_of(sentence: str, text: str) -> TimeExpression:
    start = sentence.index(text)
    return TimeExpression(Span(start, start + len(text)), text, TimexType.DATE, "XXXX")


CASES = [
    (
        "Treasury Secretary Janet Yellen recently visited the country, and earlier this month, "
        "Biden and Xi had a phone conversation.",
        ["visited", "had", "conversation"],
        "earlier this month",
        "conversation",
    ),
    (
        "This visit marks his second trip to China in less than a year, following a series of "
        "high-level discussions that led to a summit between President Joe Biden and Chinese "
        "leader Xi Jinping in California last November, aimed at easing tensions.",
        ["visit", "marks", "trip", "discussions", "led", "summit", "aimed", "easing"],
        "last November",
        "summit",
    ),
    (
        "During Tuesday's briefing, a Chinese Foreign Ministry official claimed that the US is "
        "too focused on pressuring its allies.",
        ["briefing", "claimed", "focused", "pressuring"],
        "Tuesday",
        "briefing",
    ),
    (
        "State Department spokesperson Matthew Miller mentioned on Monday that there is more "
        "that China can do.",
        ["mentioned", "is", "do"],
        "Monday",
        "mentioned",
    ),
    (
        "The company said Tuesday that profits fell sharply.",
        ["said", "fell"],
        "Tuesday",
        "said",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "words", "time", "expected"), CASES, ids=[case[3] for case in CASES]
)
def test_anchor_chooses_the_dated_event(
    sentence: str, words: list[str], time: str, expected: str
) -> None:
    chosen = anchor(
        sentence, (0, len(sentence)), expression_of(sentence, time), triggers_of(sentence, words)
    )
    assert chosen is not None
    assert chosen.text == expected


def test_no_trigger_gives_none() -> None:
    sentence = "Last week."
    assert anchor(sentence, (0, len(sentence)), expression_of(sentence, "Last week"), []) is None


def test_triggers_outside_the_sentence_are_ignored() -> None:
    text = "Officials met. On Monday nothing."
    outside = triggers_of(text, ["met"])
    second = (15, len(text))
    assert anchor(text, second, expression_of(text, "Monday"), outside) is None


@given(
    st.lists(st.sampled_from(["met", "said", "visit", "talks", "will", "agreed"]), max_size=6),
    st.integers(min_value=0, max_value=6),
)
def test_anchor_returns_one_of_the_triggers(words: list[str], position: int) -> None:
    tokens = [*words]
    tokens.insert(min(position, len(tokens)), "Monday")
    sentence = " ".join(tokens) + "."
    triggers = []
    cursor = 0
    for token in tokens:
        start = sentence.index(token, cursor)
        cursor = start + len(token)
        if token != "Monday":
            triggers.append(Trigger(Span(start, cursor), token))
    chosen = anchor(sentence, (0, len(sentence)), expression_of(sentence, "Monday"), triggers)
    assert (chosen is None) == (not triggers)
    assert chosen is None or chosen in triggers


@pytest.mark.parametrize(
    ("sentence", "words", "time", "expected"), CASES, ids=[case[3] for case in CASES]
)
def test_scored_candidates_rank_like_plain_triggers(
    sentence: str, words: list[str], time: str, expected: str
) -> None:
    # extract passes the trigger model's own candidates (with scores and verbal flags); plain
    # triggers are scored by the same model inside anchor, so both give the same choice
    plain = triggers_of(sentence, words)
    scored = score_spans(sentence, 0, len(sentence), [(t.span.start, t.span.end) for t in plain])
    assert [found.trigger for found in scored] == plain
    expression = expression_of(sentence, time)
    chosen = anchor(sentence, (0, len(sentence)), expression, scored)
    assert chosen == anchor(sentence, (0, len(sentence)), expression, plain)
    assert chosen is not None
    assert chosen.text == expected


def test_sentence_candidates_are_the_sentence_triggers() -> None:
    text = "Biden and Xi had a phone conversation earlier this month. A photo caption here"
    first = (0, text.index(".") + 1)
    found = sentence_candidates(text, *first)
    assert tuple(f.trigger for f in found) == sentence_triggers(text, *first)
    assert all(f.score > 0 for f in found)
    caption = (first[1] + 1, len(text))
    assert tuple(f.trigger for f in sentence_candidates(text, *caption)) == sentence_triggers(
        text, *caption
    )
