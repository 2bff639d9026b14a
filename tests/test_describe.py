"""Describing an anchored event: title, status, attribution, participants, location."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventline
from eventline._describe import Description, describe
from eventline.model import EventStatus, Span, TimeExpression, TimexType, Trigger


def run(sentence: str, trigger: str, times: list[str]) -> Description:
    start = sentence.index(trigger)
    expressions = []
    for time in times:
        at = sentence.index(time)
        expressions.append(TimeExpression(Span(at, at + len(time)), time, TimexType.DATE, "X"))
    found = Trigger(Span(start, start + len(trigger)), trigger)
    return describe(sentence, (0, len(sentence)), found, expressions)


def test_conversation_title_drops_the_other_clause_and_the_time() -> None:
    described = run(
        "Treasury Secretary Janet Yellen recently visited the country, and earlier this month, "
        "Biden and Xi had a phone conversation.",
        "conversation",
        ["recently", "earlier this month"],
    )
    assert described.title == "Biden and Xi had a phone conversation"
    assert described.status is EventStatus.HAPPENED
    assert described.attribution is None
    assert described.participants == ("Biden", "Xi")


def test_summit_title_is_its_noun_phrase_with_place() -> None:
    described = run(
        "This visit marks his second trip to China in less than a year, following a series of "
        "high-level discussions that led to a summit between President Joe Biden and Chinese "
        "leader Xi Jinping in California last November, aimed at easing tensions.",
        "summit",
        ["less than a year", "last November"],
    )
    assert described.title == (
        "A summit between President Joe Biden and Chinese leader Xi Jinping in California"
    )
    assert described.location == "California"
    assert "President Joe Biden" in described.participants
    assert "Xi Jinping" in described.participants


def test_according_to_is_the_attribution_not_the_title() -> None:
    described = run(
        "According to a senior State Department official, the bilateral relationship has "
        "improved significantly compared to a year ago.",
        "improved",
        ["a year ago"],
    )
    assert described.attribution == "a senior State Department official"
    assert not described.title.lower().startswith("according")
    assert described.title.startswith("The bilateral relationship has improved")


def test_said_at_the_end_is_the_attribution() -> None:
    described = run("The talks collapsed on Friday, officials said.", "collapsed", ["Friday"])
    assert described.attribution == "officials"
    assert described.title == "The talks collapsed"


def test_reporting_verb_as_the_event_keeps_the_speaker() -> None:
    described = run(
        "State Department spokesperson Matthew Miller mentioned on Monday that there is more "
        "that China can do.",
        "mentioned",
        ["Monday"],
    )
    assert described.attribution == "State Department spokesperson Matthew Miller"
    assert described.title == (
        "State Department spokesperson Matthew Miller mentioned that there is more that China "
        "can do"
    )


def test_fronted_briefing_names_the_briefing_then_the_claim() -> None:
    described = run(
        "During Tuesday's briefing, a Chinese Foreign Ministry official claimed that the US is "
        "too focused on pressuring its allies.",
        "briefing",
        ["Tuesday"],
    )
    assert described.title.startswith("Briefing: a Chinese Foreign Ministry official claimed")
    assert "Tuesday" not in described.title


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Blinken will visit Beijing next week.", "visit", EventStatus.PLANNED),
        ("Blinken is set to meet Xi on Friday.", "meet", EventStatus.PLANNED),
        ("The summit is expected to begin on Monday.", "begin", EventStatus.PLANNED),
        ("Blinken's upcoming visit in May.", "visit", EventStatus.PLANNED),
        ("The deal could collapse by Friday.", "collapse", EventStatus.HYPOTHETICAL),
        ("If talks fail on Monday, sanctions follow.", "fail", EventStatus.HYPOTHETICAL),
        ("Troops are fighting near the border this week.", "fighting", EventStatus.ONGOING),
        ("Biden met Xi last November.", "met", EventStatus.HAPPENED),
    ],
)
def test_status(sentence: str, trigger: str, expected: EventStatus) -> None:
    times = [
        t
        for t in ("next week", "Friday", "Monday", "May", "this week", "last November", "May 20")
        if t in sentence
    ]
    times = [t for t in times if not any(t != o and t in o for o in times)]
    assert run(sentence, trigger, times).status is expected


def test_location_skips_months_and_takes_the_place() -> None:
    described = run("Grievances in Beijing grew in November.", "grew", ["November"])
    assert described.location == "Beijing"


@given(
    st.sampled_from(["Monday", "last week", "May 2023", "earlier this month", "today"]),
    st.sampled_from(["on ", "in ", ""]),
    st.sampled_from(["Officials met", "The ministers held talks", "Blinken visited Beijing"]),
    st.booleans(),
)
def test_title_never_contains_the_time(
    time: str, preposition: str, clause: str, fronted: bool
) -> None:
    phrase = preposition + time
    sentence = f"{phrase[0].upper()}{phrase[1:]}, {clause}." if fronted else f"{clause} {phrase}."
    shown = sentence[sentence.lower().index(time.lower()) :][: len(time)]
    trigger = "visited" if clause.endswith("Beijing") else clause.rsplit(maxsplit=1)[-1]
    described = run(sentence, trigger, [shown])
    assert time.lower() not in described.title.lower()
    assert described.title


def test_a_clause_without_subject_borrows_the_sentences() -> None:
    text = "He was shot at Ford's Theatre on April 14, 1865, and died the next morning."
    titles = [e.title for e in eventline.extract(text, reference="2024-04-24")]
    assert titles == ["He was shot at Ford's Theatre", "He died"]


def test_a_comma_inside_a_date_does_not_cut_the_title() -> None:
    text = "The treaty was signed in Paris on June 28, 1919, by the allied powers."
    (event,) = eventline.extract(text, reference="2024-04-24")
    assert event.title == "The treaty was signed in Paris"  # not "... Paris on June 28"


def test_a_speaker_before_a_semicolon_does_not_report_what_follows() -> None:
    text = (
        "The White House has urged lawmakers to act quickly; "
        "officials warned last month that funds could run out."
    )
    (event,) = eventline.extract(text, reference="2024-04-24")
    assert event.trigger.text == "warned"
    assert event.attribution is None


def test_an_auxiliary_is_not_part_of_the_speaker() -> None:
    (event,) = eventline.extract(
        "Officials have said the talks will resume next week.", reference="2024-04-24"
    )
    assert event.attribution == "Officials"
    assert event.title == "The talks will resume"
