"""Inferring the reference date from the text alone: infer_reference()."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventline._infer import infer_reference, read_clues
from eventline.errors import EventlineError, InvalidOptionError, ReferenceNotFoundError
from eventline.model import ReferenceDate, ReferenceSource

SEED = Path(__file__).resolve().parents[1] / "seeds" / "blinken-china-visit-2024-04.txt"

DATELINE_WITH_YEAR = """NEW YORK, Oct. 26, 2023 — Shares of Acme Corp. fell sharply on Thursday
after the company said it would cut 2,000 jobs. Analysts said the move was overdue."""

DATELINE_YEAR_ELSEWHERE = """BRUSSELS, February 10 (Xinhua) --

NATO has decided to admit Poland, Hungary and the Czech Republic, an official said on
Wednesday. The alliance agreed in July 1998 to invite the three countries."""

FULL_DATE_AND_WEEKDAY = """The ministers met on April 9, 2024 to discuss the budget. On Saturday,
the finance minister said the talks had gone well, and officials said on Sunday that a deal
was close. The cabinet is meeting again Monday."""

WEEKDAY_PINS_THE_DAY = """Officials said Wednesday that the bridge, closed on March 4, 2024 after
a crash, would reopen next month."""

WINDOW = """Officials said Wednesday that the bridge, closed on March 4, 2024 after a crash,
will reopen on March 25."""

NO_DATES = "The committee said the proposal would be reviewed by its members in due course."

ONLY_A_YEAR = "Sales rose sharply in 2023, the company said, and it expects more growth."

DATELINE_WITHOUT_YEAR = """WASHINGTON, August 13 (Xinhua) --

President Bill Clinton on Thursday condemned the bombings."""


def test_dateline_with_its_year() -> None:
    found = infer_reference(DATELINE_WITH_YEAR)
    assert found.date == dt.date(2023, 10, 26)
    assert found.source is ReferenceSource.INFERRED
    assert found.evidence[0] == "dateline 'NEW YORK, Oct. 26, 2023'"


def test_dateline_takes_its_year_from_the_text_and_weekdays() -> None:
    # February 10 was a Wednesday in 1999, a year after the latest year the text names.
    found = infer_reference(DATELINE_YEAR_ELSEWHERE)
    assert found.date == dt.date(1999, 2, 10)
    assert any("dateline 'BRUSSELS, February 10'" in line for line in found.evidence)
    assert any("'Wednesday'" in line and "past-tense" in line for line in found.evidence)


def test_a_lone_full_date_is_only_a_lower_bound() -> None:
    # "closed on March 4, 2024" says the text is later, not how much later: wire copy
    # names the year of past dates precisely when they are not this year's ("the Aug. 7,
    # 1998, bombings" in a 1999 story). Without anything bounding it, inference refuses.
    for text in (FULL_DATE_AND_WEEKDAY, WEEKDAY_PINS_THE_DAY):
        with pytest.raises(ReferenceNotFoundError, match="only says the text was written after"):
            infer_reference(text)


def test_a_day_still_ahead_bounds_the_window() -> None:
    # After March 4, 2024 and before March 25 ("will reopen on March 25", no year): three
    # weeks. "said Wednesday" favours the Wednesdays; the answer is the weighted median,
    # the day closest to the truth on average.
    found = infer_reference(WINDOW)
    assert dt.date(2024, 3, 6) <= found.date <= dt.date(2024, 3, 20)
    assert found.date.isoweekday() == 3
    assert "latest full date 'March 4, 2024' (written after it)" in found.evidence
    assert "'March 25' still ahead (written before 2024-03-25)" in found.evidence
    assert found.evidence[-1].endswith("of the weight within a week of this day")


def test_a_day_ahead_too_far_away_does_not_bound() -> None:
    text = WINDOW.replace("March 25", "Aug. 25")
    with pytest.raises(ReferenceNotFoundError, match="only says"):
        infer_reference(text)


def test_a_past_month_day_is_no_upper_bound() -> None:
    text = "The bridge closed on March 4, 2024. It had been inspected on March 20, officials said."
    with pytest.raises(ReferenceNotFoundError):
        infer_reference(text)


def test_weekday_with_a_full_date_that_agrees() -> None:
    # March 4, 2024 was a Monday: named with its weekday, it is the news of the day.
    found = infer_reference("The bridge closed on Monday, March 4, 2024, officials said.")
    assert found.date == dt.date(2024, 3, 4)
    assert "'Monday, March 4, 2024' (its weekday agrees)" in found.evidence


def test_weekday_with_a_full_date_that_disagrees_is_not_trusted() -> None:
    with pytest.raises(ReferenceNotFoundError):
        infer_reference("The bridge closed on Tuesday, March 4, 2024, officials said.")


def test_weekday_agreement_picks_the_year_of_a_month_day() -> None:
    # No year beside "Friday, Oct. 23"; the text names 1994. Oct. 23 fell on a Friday in
    # 1998, the first such year from 1994 on.
    text = (
        "The doctor was shot on Friday, Oct. 23, at his home, the police said. He had "
        "received threats since 1994."
    )
    found = infer_reference(text)
    assert dt.date(1998, 10, 23) <= found.date <= dt.date(1998, 10, 30)
    assert any("a Friday in 1998" in line for line in found.evidence)


def test_a_weekday_and_month_day_without_any_year_raises() -> None:
    with pytest.raises(ReferenceNotFoundError, match="no year"):
        infer_reference("The doctor was shot on Friday, Oct. 23, at his home, the police said.")


def test_earlier_this_month_is_not_the_first() -> None:
    # The window's first day, May 1, 2024, has nothing "earlier this month" before it.
    text = (
        "The talks began on May 1, 2024. They will end on May 5. "
        "Earlier this month, the ministers met in Rome."
    )
    clues = read_clues(text)
    assert clues.earlier_this_month
    assert infer_reference(text).date != dt.date(2024, 5, 1)


def test_split_evidence_raises() -> None:
    # A year-less dateline whose year could be several: "Wednesday" fits none of them
    # better than the others (February 10 is a Wednesday only in 1999, not near 2010).
    text = "BRUSSELS, February 10 (Xinhua) --\n\nNATO officials met. Trade grew in 2010."
    with pytest.raises(ReferenceNotFoundError, match="split between days far apart"):
        infer_reference(text)


def test_the_seed_article() -> None:
    # No dateline. Captions give full dates (the latest April 14, 2024), "the May 20
    # inauguration" is still ahead, "Monday" and "Tuesday" are said in the past tense. The
    # article was published on April 23-24, 2024.
    found = infer_reference(SEED.read_text(encoding="utf-8"))
    assert abs((found.date - dt.date(2024, 4, 24)).days) <= 2
    assert "latest full date 'April 14, 2024' (written after it)" in found.evidence
    assert "'May 20' still ahead (written before 2024-05-20)" in found.evidence


def test_no_dates_raises_and_says_to_pass_a_reference() -> None:
    with pytest.raises(ReferenceNotFoundError) as caught:
        infer_reference(NO_DATES)
    message = str(caught.value)
    assert "pass one explicitly" in message
    assert "reference='2024-04-24'" in message
    assert caught.value.reason == "the text names no date"


def test_a_year_alone_is_not_a_day() -> None:
    # Inferring January 1 (or any day) of 2023 would mislead: it raises instead.
    with pytest.raises(ReferenceNotFoundError, match="a year alone does not give a day"):
        infer_reference(ONLY_A_YEAR)


def test_a_dateline_without_any_year_raises() -> None:
    with pytest.raises(ReferenceNotFoundError, match="names no year"):
        infer_reference(DATELINE_WITHOUT_YEAR)


def test_history_is_not_the_news_of_the_day() -> None:
    # A full date in a year older than another year the text names does not anchor it.
    text = "The treaty signed on March 5, 1946 was revised in 1982, officials said."
    with pytest.raises(ReferenceNotFoundError):
        infer_reference(text)


def test_future_full_dates_do_not_anchor() -> None:
    with pytest.raises(ReferenceNotFoundError):
        infer_reference("The new rules will take effect on Jan. 1, 2026.")


def test_errors_are_eventline_and_value_errors() -> None:
    with pytest.raises(EventlineError):
        infer_reference(NO_DATES)
    with pytest.raises(ValueError, match="cannot infer"):
        infer_reference(NO_DATES)


def test_bad_arguments() -> None:
    with pytest.raises(InvalidOptionError):
        infer_reference(DATELINE_WITH_YEAR, date_order="YMD")
    with pytest.raises(TypeError):
        infer_reference(b"bytes")  # type: ignore[arg-type]


def test_numeric_dates_follow_the_date_order() -> None:
    text = "The plant closed on 05/09/2023, the company said."
    assert read_clues(text).full_dates[0].date == dt.date(2023, 5, 9)
    assert read_clues(text, date_order="DMY").full_dates[0].date == dt.date(2023, 9, 5)


def test_clues_are_read_before_any_reference() -> None:
    clues = read_clues(DATELINE_YEAR_ELSEWHERE)
    assert clues.dateline is not None
    assert (clues.dateline.month, clues.dateline.day, clues.dateline.year) == (2, 10, None)
    assert clues.dateline_place == "BRUSSELS"
    assert [clue.surface for clue in clues.years] == ["July 1998"]


@pytest.mark.parametrize("text", [DATELINE_WITH_YEAR, DATELINE_YEAR_ELSEWHERE, WINDOW])
def test_deterministic(text: str) -> None:
    assert infer_reference(text) == infer_reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        found = infer_reference(text)
    except ReferenceNotFoundError:
        return
    assert isinstance(found, ReferenceDate)
    assert found.source is ReferenceSource.INFERRED
    assert found.evidence


WORDS = st.sampled_from(
    [
        "said",
        "Monday",
        "Friday",
        "on",
        "March",
        "5",
        "12,",
        "1998",
        "2024",
        "Oct.",
        "26",
        "--",
        "WASHINGTON",
        "(AP)",
        "will",
        "yesterday",
        "last",
        "year",
        ",",
        ".",
        "\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_never_crashes_on_date_like_text(text: str) -> None:
    try:
        found = infer_reference(text)
    except ReferenceNotFoundError:
        return
    assert dt.date(1, 1, 1) <= found.date


# Year links: a relative year beside an explicit one pins the year of writing.

YEAR_LINKED_DATELINE = """WASHINGTON, August 13 (Xinhua) --

President Bill Clinton on Thursday condemned the bombings. The two countries signed the
treaty nearly four years ago, on April 6, 1994, officials said."""


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("They signed it nearly four years ago, on April 6, 1994, officials said.", 1998),
        ("The bank, which failed in 1997, last year, will reopen.", 1998),
        ("Two years ago, in 1996, the plant closed.", 1998),
        ("This year, 1998, the budget grew.", 1998),
        ("It collapsed in 1989 - a decade ago.", 1999),
    ],
)
def test_year_links(sentence: str, year: int) -> None:
    clues = read_clues(sentence)
    assert clues.pinned_year is not None
    assert clues.pinned_year.year == year


@pytest.mark.parametrize(
    "sentence",
    [
        # In the same sentence but not in apposition: different years.
        "Revenue fell to $14 billion last year, down $2.5 billion from 1996.",
        "The 1996 law passed a year ago, officials said.",
        "He was indicted last year in the October 1998 shooting.",
        "Growth this year has risen just over comparable periods in 1988.",
        # A vague count names no year.
        "Several years ago, in 1996, the plant closed.",
    ],
)
def test_no_year_link(sentence: str) -> None:
    assert read_clues(sentence).year_links == ()


def test_a_year_link_gives_a_year_less_dateline_its_year() -> None:
    # Without the link the latest year named (1994) would spread the dateline over 1993-1997.
    found = infer_reference(YEAR_LINKED_DATELINE)
    assert found.date == dt.date(1998, 8, 13)
    assert "year 1998: 'nearly four years ago' is 'April 6, 1994'" in found.evidence


def test_a_year_link_gives_a_named_day_its_year() -> None:
    text = "The bank, which failed in 1997, last year, said on Friday, March 6 that it would pay."
    found = infer_reference(text)
    assert found.date == dt.date(1998, 3, 6)
    assert any("year 1998: 'last year' is '1997'" in line for line in found.evidence)


def test_a_year_link_whose_weekday_disagrees_refuses() -> None:
    # March 6 was a Friday in 1998, not in 1999: no candidate day.
    text = "The bank, which failed in 1998, last year, said on Friday, March 6 that it would pay."
    with pytest.raises(ReferenceNotFoundError):
        infer_reference(text)


def test_a_year_link_alone_is_not_a_day() -> None:
    with pytest.raises(ReferenceNotFoundError, match="a year alone does not give a day"):
        infer_reference("Two years ago, in 1996, the plant closed, the company said.")


def test_disagreeing_year_links_pin_nothing() -> None:
    text = (
        "WASHINGTON, August 13 (Xinhua) --\n\nTwo years ago, in 1996, the plant closed. "
        "This year, 2001, it reopened."
    )
    clues = read_clues(text)
    assert len(clues.year_links) == 2
    assert clues.pinned_year is None


def test_a_year_link_contradicted_by_a_later_past_year_pins_nothing() -> None:
    text = "Two years ago, in 1996, the plant closed. It was sold on May 3, 1999."
    assert read_clues(text).pinned_year is None
