"""Merging repeated reports of one event, and stable ids (eventline._dedupe)."""

from __future__ import annotations

import itertools
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventline._dedupe import merge, same_event
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


class Article:
    """Builds events over one growing text, the way ``extract`` does (one mention each)."""

    def __init__(self) -> None:
        self.text = ""

    def event(
        self,
        sentence: str,
        trigger: str,
        when: str,
        value: str,
        *,
        title: str | None = None,
        participants: tuple[str, ...] = (),
    ) -> Event:
        """Append ``sentence`` to the text; the event its ``when`` words date."""
        start = len(self.text)
        self.text += sentence + "\n\n"
        sentence_span = Span(start, start + len(sentence))
        trigger_span = _find(sentence, trigger, start)
        timex = TimeExpression(
            span=_find(sentence, when, start),
            text=when,
            type=TimexType.TIME if "T" in value[4:] else TimexType.DATE,
            value=value,
            grain=grain_of(value),
            interval=interval_of(value),
        )
        mention = EventMention(
            span=sentence_span, trigger=Trigger(trigger_span, trigger), when=timex
        )
        return Event(
            id="",
            title=title or sentence,
            trigger=mention.trigger,
            when=timex,
            sentence=sentence,
            span=sentence_span,
            status=EventStatus.HAPPENED,
            participants=participants,
            mentions=(mention,),
        )


def _find(sentence: str, words: str, offset: int) -> Span:
    match = re.search(re.escape(words), sentence)
    assert match is not None, words
    return Span(offset + match.start(), offset + match.end())


CAPTION = (
    "Secretary of State Antony Blinken meets with Chinese leader Xi Jinping in the Great Hall "
    "of the People in Beijing, China on June 19, 2023."
)
MISSILE = (
    "An anti-missile system operates after Iran launched drones and missiles towards Israel, "
    "as seen from Ashkelon, Israel April 14, 2024. REUTERS/Amir Cohen     TPX IMAGES OF THE DAY"
)


def _blinken_article() -> tuple[Article, list[Event]]:
    a = Article()
    events = [
        a.event(CAPTION, "meets", "June 19, 2023", "2023-06-19"),
        a.event(
            "This visit follows a summit between President Joe Biden and Chinese leader Xi "
            "Jinping in California last November.",
            "summit",
            "last November",
            "2023-11",
        ),
        a.event(
            "State Department spokesperson, Matthew Miller, mentioned on Monday that there is "
            "more that China can do.",
            "mentioned",
            "Monday",
            "2024-04-22",
        ),
        a.event(
            "On Tuesday, a Chinese Foreign Ministry official indicated that Beijing is unlikely "
            "to withdraw its support for Moscow.",
            "indicated",
            "Tuesday",
            "2024-04-23",
        ),
        a.event(CAPTION, "meets", "June 19, 2023", "2023-06-19"),
        a.event(MISSILE, "operates", "April 14, 2024", "2024-04-14"),
        a.event(MISSILE.replace("     ", " "), "operates", "April 14, 2024", "2024-04-14"),
        a.event(
            "Grievances are growing despite improved communications since the Biden-Xi summit "
            "in November.",
            "summit",
            "November",
            "2023-11",
        ),
        a.event(
            "US-China relations have improved, according to a Chinese Foreign Ministry official "
            "briefing on Tuesday.",
            "briefing",
            "Tuesday",
            "2024-04-23",
        ),
        a.event(CAPTION, "meets", "June 19, 2023", "2023-06-19"),
        a.event(
            "During Tuesday's briefing, a Chinese Foreign Ministry official claimed that the US "
            "is too focused on pressuring its allies.",
            "claimed",
            "Tuesday",
            "2024-04-23",
        ),
        a.event(
            "During a statement on Monday, Miller emphasized the importance of China's "
            "involvement in the Middle East.",
            "statement",
            "Monday",
            "2024-04-22",
        ),
    ]
    return a, events


def _by_first_text(merged: tuple[Event, ...], text: str) -> Event:
    return next(e for e in merged if text in e.sentence)


def test_verbatim_captions_merge_into_one_event_with_every_mention() -> None:
    _, events = _blinken_article()
    merged = merge(events)
    captions = [e for e in merged if e.sentence == CAPTION]
    assert len(captions) == 1
    starts = [m.span.start for m in captions[0].mentions]
    assert starts == sorted(starts)
    assert len(starts) == 3
    assert captions[0].span == events[0].span


def test_captions_differing_in_spacing_merge() -> None:
    _, events = _blinken_article()
    merged = merge(events)
    missile = [e for e in merged if "anti-missile" in e.sentence]
    assert len(missile) == 1
    assert len(missile[0].mentions) == 2


def test_same_month_same_trigger_shared_names_merge() -> None:
    _, events = _blinken_article()
    summit = _by_first_text(merge(events), "California")
    assert [m.when.text for m in summit.mentions] == ["last November", "November"]


def test_one_briefing_reported_in_three_paragraphs_is_one_event() -> None:
    _, events = _blinken_article()
    briefing = _by_first_text(merge(events), "unlikely to withdraw")
    assert [m.trigger.text for m in briefing.mentions] == ["indicated", "briefing", "claimed"]


def test_one_statement_reported_twice_is_one_event() -> None:
    _, events = _blinken_article()
    statement = _by_first_text(merge(events), "Matthew Miller")
    assert len(statement.mentions) == 2
    assert statement.title.startswith("State Department spokesperson")


def test_the_whole_article_merges_to_its_five_events_in_text_order() -> None:
    _, events = _blinken_article()
    merged = merge(events)
    assert [e.when.value for e in merged] == [
        "2023-06-19",
        "2023-11",
        "2024-04-22",
        "2024-04-23",
        "2024-04-14",
    ]
    assert sum(len(e.mentions) for e in merged) == len(events)


def test_distinct_events_on_the_same_day_stay_apart() -> None:
    a = Article()
    events = [
        a.event("On Monday, Blinken landed in Shanghai.", "landed", "Monday", "2024-04-22"),
        a.event(
            "On Monday, Yellen met business leaders in Guangzhou.", "met", "Monday", "2024-04-22"
        ),
        a.event("Miller said on Monday that sanctions remain.", "said", "Monday", "2024-04-22"),
        a.event(
            "On Monday, a fire broke out in a Shanghai factory.", "fire", "Monday", "2024-04-22"
        ),
    ]
    assert len(merge(events)) == 4


def test_same_trigger_same_day_different_people_stay_apart() -> None:
    a = Article()
    first = a.event("Blinken met Wang Yi on Friday.", "met", "Friday", "2024-04-26")
    second = a.event("Yellen met Li Qiang on Friday.", "met", "Friday", "2024-04-26")
    assert not same_event(first, second)
    assert len(merge([first, second])) == 2


def test_same_words_on_different_dates_stay_apart() -> None:
    a = Article()
    first = a.event("Biden and Xi spoke by phone on Monday.", "spoke", "Monday", "2024-04-22")
    second = a.event("Biden and Xi spoke by phone on Tuesday.", "spoke", "Tuesday", "2024-04-23")
    assert len(merge([first, second])) == 2


def test_a_day_and_a_clock_time_of_that_day_are_compatible() -> None:
    a = Article()
    first = a.event("Blinken met Xi Jinping in Beijing on Friday.", "met", "Friday", "2024-04-26")
    second = a.event(
        "Blinken met Xi Jinping in Beijing at 4 p.m. on Friday.",
        "met",
        "4 p.m. on Friday",
        "2024-04-26T16:00",
    )
    merged = merge([first, second])
    assert len(merged) == 1
    assert merged[0].when.value == "2024-04-26"  # the first mention's time


def test_a_month_and_a_day_in_it_are_not_merged() -> None:
    a = Article()
    first = a.event("Biden and Xi met in California in November.", "met", "November", "2023-11")
    second = a.event(
        "Biden and Xi met in California on November 15.", "met", "November 15", "2023-11-15"
    )
    assert len(merge([first, second])) == 2


def test_ids_are_stable_unique_and_hex() -> None:
    _, events = _blinken_article()
    first, again = merge(events), merge(events)
    assert [e.id for e in first] == [e.id for e in again]
    ids = [e.id for e in first]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[0-9a-f]{12}", i) for i in ids)


def test_ids_do_not_depend_on_input_order_or_old_ids() -> None:
    _, events = _blinken_article()
    expected = merge(events)
    for permutation in itertools.islice(itertools.permutations(events), 0, 200, 37):
        assert merge(list(permutation)) == expected
    renamed = [attrs.evolve(e, id="x") for e in events]
    assert merge(renamed) == expected


def test_ids_of_events_with_one_title_and_time_stay_unique() -> None:
    a = Article()
    sentence = "Talks were held on Monday and a deal was signed on Monday."
    first = a.event(sentence, "held", "Monday", "2024-04-22", title="Talks")
    second = attrs.evolve(
        first, trigger=Trigger(_find(sentence, "signed", first.span.start), "signed")
    )
    second = attrs.evolve(
        second, mentions=(attrs.evolve(first.mentions[0], trigger=second.trigger),)
    )
    merged = merge([first, second])
    assert len(merged) == 2
    assert merged[0].id != merged[1].id


def test_merged_fields_combine_participants_and_keep_first_title() -> None:
    a = Article()
    first = a.event(
        "Blinken met Xi Jinping in Beijing on Friday.",
        "met",
        "Friday",
        "2024-04-26",
        title="Blinken met Xi Jinping in Beijing",
        participants=("Blinken", "Xi Jinping"),
    )
    second = a.event(
        "On Friday, Blinken met Xi Jinping and Wang Yi in the Great Hall.",
        "met",
        "Friday",
        "2024-04-26",
        title="Blinken met Xi and Wang",
        participants=("Xi Jinping", "Wang Yi"),
    )
    (merged,) = merge([second, first])
    assert merged.title == "Blinken met Xi Jinping in Beijing"
    assert merged.participants == ("Blinken", "Xi Jinping", "Wang Yi")
    assert [m.span for m in merged.mentions] == [first.span, second.span]


def test_events_without_mentions_count_as_their_own_mention() -> None:
    a = Article()
    bare = attrs.evolve(a.event(CAPTION, "meets", "June 19, 2023", "2023-06-19"), mentions=())
    (merged,) = merge([bare])
    assert len(merged.mentions) == 1
    assert merged.mentions[0].trigger == bare.trigger


def test_empty_input() -> None:
    assert merge([]) == ()


@pytest.mark.parametrize("count", [50, 400])
def test_many_events_merge_quickly_and_correctly(count: int) -> None:
    a = Article()
    events = []
    for i in range(count):
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        events.append(
            a.event(f"Official{i} Person{i} visited Town{i} then.", "visited", "then", day)
        )
    events += events[: count // 2]
    merged = merge(events)
    assert len(merged) == count
    assert sum(len(e.mentions) for e in merged) == count


_VOCABULARY = ["Biden", "Xi", "China", "Miller", "summit", "talks", "trade", "the", "met", "in"]


@given(
    st.lists(
        st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=6).map(" ".join),
        min_size=1,
        max_size=12,
    )
)
def test_merge_groups_exactly_like_comparing_every_pair(sentences: list[str]) -> None:
    a = Article()
    events = [a.event(f"{s} met on Friday.", "met", "Friday", "2024-04-26") for s in sentences]
    parent = list(range(len(events)))

    def root(i: int) -> int:
        return i if parent[i] == i else root(parent[i])

    for i, j in itertools.combinations(range(len(events)), 2):
        if same_event(events[i], events[j]):
            parent[root(j)] = root(i)
    expected = {
        frozenset(e.span for k, e in enumerate(events) if root(k) == r)
        for r in {root(k) for k in range(len(events))}
    }
    merged = {frozenset(m.span for m in event.mentions) for event in merge(events)}
    assert merged == expected
