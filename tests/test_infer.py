"""Inferring the reference date from the text alone: infer_reference()."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventline._infer import infer_reference, read_clues
from eventline.errors import EventlineError, InvalidOptionError, ReferenceNotFoundError
from eventline.model import ReferenceDate, ReferenceSource

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


def test_latest_full_date_and_weekday_names() -> None:
    # April 9, 2024 was a Tuesday: "Saturday" and "Sunday" said in the past tense, the
    # meeting "is" on Monday: the text speaks from Monday, April 15.
    found = infer_reference(FULL_DATE_AND_WEEKDAY)
    assert found.date == dt.date(2024, 4, 15)
    assert "latest full date 'April 9, 2024'" in found.evidence


def test_past_tense_weekday_after_a_full_date() -> None:
    # March 4, 2024 was a Monday; "said Wednesday" places the text on Wednesday, March 6.
    found = infer_reference(WEEKDAY_PINS_THE_DAY)
    assert found.date == dt.date(2024, 3, 6)
    assert any(line.startswith("'Wednesday', in past-tense") for line in found.evidence)


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
    assert infer_reference(text).date == dt.date(2023, 5, 9)
    assert infer_reference(text, date_order="DMY").date == dt.date(2023, 9, 5)


def test_clues_are_read_before_any_reference() -> None:
    clues = read_clues(DATELINE_YEAR_ELSEWHERE)
    assert clues.dateline is not None
    assert (clues.dateline.month, clues.dateline.day, clues.dateline.year) == (2, 10, None)
    assert clues.dateline_place == "BRUSSELS"
    assert [clue.surface for clue in clues.years] == ["July 1998"]


@pytest.mark.parametrize(
    "text", [DATELINE_WITH_YEAR, DATELINE_YEAR_ELSEWHERE, FULL_DATE_AND_WEEKDAY]
)
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
