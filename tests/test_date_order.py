"""Numeric dates with no order given: the text's own dates decide."""

from __future__ import annotations

import eventline


def _values(text: str) -> list[str]:
    return [e.value for e in eventline.tag(text, reference="2024-04-24")]


def test_a_date_only_day_first_reads_the_text_day_first() -> None:
    text = "Forms dated 12/03/2024 were due; the last came on 25/03/2024."
    assert _values(text) == ["2024-03-12", "2024-03-25"]


def test_no_evidence_keeps_month_first() -> None:
    assert _values("Forms dated 12/03/2024 were due.") == ["2024-12-03"]


def test_mixed_evidence_keeps_month_first() -> None:
    text = "Forms dated 12/03/2024 were due; one came on 25/03/2024 and one on 03/26/2024."
    assert _values(text)[0] == "2024-12-03"


def test_an_order_given_is_kept() -> None:
    text = "Forms dated 12/03/2024 were due; the last came on 25/03/2024."
    found = eventline.tag(text, reference="2024-04-24", date_order="MDY")
    assert found[0].value == "2024-12-03"
