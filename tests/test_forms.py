"""Forms the tagger leaves alone on purpose, where the corpus cannot say what is expected.

A careful annotator would tag "Four score and seven years ago" (said in 1863, the year 1776),
which the grammar cannot read; the corpus holds only what is expected, so these tests only
check that no part of such a count is given a wrong value.
"""

from __future__ import annotations

import pytest

import eventline


@pytest.mark.parametrize(
    "text",
    [
        "Four score and seven years ago our fathers arrived.",
        "He lived three score and ten years.",
    ],
)
def test_old_count_of_twenties_is_not_read_in_part(text: str) -> None:
    assert eventline.tag(text, reference="1863-11-19") == ()


def test_a_count_after_the_word_score_is_still_read() -> None:
    found = eventline.tag("The score and three years of work paid off.", reference="2024-04-24")
    assert [(e.text, e.value) for e in found] == [("three years", "P3Y")]
