"""eventline.extract: events dated, described, deduplicated and ordered into a timeline.

The golden file tests/golden/blinken-china-visit-2024-04.events.txt holds the seed article's
timeline as reviewed by hand. After a deliberate change, regenerate it with
``python tests/test_extract.py > tests/golden/blinken-china-visit-2024-04.events.txt``,
read the diff, and commit it only if every line still reads right.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventline
from eventline import EventStatus, ReferenceSource, Relation, Timeline
from eventline.evaluate import parse_timeml, score

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "blinken-china-visit-2024-04.txt"
GOLDEN = ROOT / "tests" / "golden" / "blinken-china-visit-2024-04.events.txt"
REFERENCE = "2024-04-24"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m eventline ARGS``, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "eventline", *args], capture_output=True, text=True, check=False
    )


def render(timeline: Timeline) -> str:
    """One line per event: value, status, trigger, number of mentions, title."""
    lines = [f"reference {timeline.reference.date} {timeline.reference.source}"]
    for label, events in (("dated", timeline.events), ("undated", timeline.undated)):
        lines.append(f"[{label}]")
        lines.extend(
            f"{e.when.value} | {e.status} | {e.trigger.text} | {len(e.mentions)} | {e.title}"
            for e in events
        )
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def seed() -> Timeline:
    return eventline.extract(SEED.read_text(encoding="utf-8"), reference=REFERENCE)


def test_seed_article_matches_the_reviewed_timeline(seed: Timeline) -> None:
    assert render(seed) == GOLDEN.read_text(encoding="utf-8")


def test_seed_captions_are_merged_into_one_event_each(seed: Timeline) -> None:
    by_value = {event.when.value: event for event in seed}
    assert len(by_value["2023-05-09"].mentions) == 2  # the caption printed twice
    assert len(by_value["2023-06-19"].mentions) == 3
    assert len(by_value["2024-04-14"].mentions) == 3
    mentions = by_value["2023-06-19"].mentions
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)


def test_seed_events_are_anchored_to_what_the_time_dates(seed: Timeline) -> None:
    triggers = {event.when.value: event.trigger.text for event in seed}
    assert triggers["2023-11"] == "summit"
    assert triggers["2024-04"] == "conversation"
    assert triggers["2024-05-20"] == "inauguration"


def test_every_span_points_into_the_text(seed: Timeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    for event in (*seed.events, *seed.undated):
        assert text[event.span.start : event.span.end] == event.sentence
        assert text[event.trigger.span.start : event.trigger.span.end] == event.trigger.text
        for mention in event.mentions:
            assert text[mention.when.start : mention.when.end] == mention.when.text
            assert mention.span.start <= mention.trigger.span.start < mention.span.end


def test_titles_leave_out_times_and_attribution(seed: Timeline) -> None:
    for event in seed:
        assert event.when.text not in event.title
        assert "According to" not in event.title
    conversation = next(e for e in seed if e.when.value == "2024-04")
    assert conversation.title == "Biden and Xi had a phone conversation"


def test_timeline_is_chronological_and_ids_are_stable(seed: Timeline) -> None:
    starts = [event.when.interval.start for event in seed if event.when.interval]
    assert starts == sorted(starts)
    ids = [event.id for event in (*seed.events, *seed.undated)]
    assert len(set(ids)) == len(ids)
    again = eventline.extract(SEED.read_text(encoding="utf-8"), reference=REFERENCE)
    assert again == seed  # same input, same timeline, same ids


def test_future_dates_are_planned(seed: Timeline) -> None:
    inauguration = next(e for e in seed if e.when.value == "2024-05-20")
    assert inauguration.status is EventStatus.PLANNED


def test_fuzzy_times_give_undated_events(seed: Timeline) -> None:
    assert all(not event.dated for event in seed.undated)
    visit = next(e for e in seed.undated if e.trigger.text == "visited")
    assert visit.when.value == "PAST_REF"
    assert "Yellen" in visit.title


def test_relations_keep_grain_in_mind() -> None:
    text = (
        "The talks collapsed in March 2023. Negotiators met on March 14, 2023, in Geneva. "
        "They met again at 9:30 a.m. on March 14, 2023. The deal was signed on June 2, 2023."
    )
    timeline = eventline.extract(text, reference="2024-04-24")
    by_value = {event.when.value: event for event in timeline}
    month, day = by_value["2023-03"], by_value["2023-03-14"]
    clock, june = by_value["2023-03-14T09:30"], by_value["2023-06-02"]
    assert timeline.relation(month, day) is Relation.CONTAINS
    assert timeline.relation(day, month) is Relation.DURING
    assert timeline.relation(day, clock) is Relation.SAME_DAY
    assert timeline.relation(day, june) is Relation.BEFORE
    assert timeline.relation(june, month) is Relation.AFTER


def test_distinct_events_on_one_day_stay_apart() -> None:
    text = (
        "On Monday, the central bank raised interest rates. "
        "On Monday, a storm flooded the coastal highway."
    )
    timeline = eventline.extract(text, reference="2024-04-24")
    assert [e.trigger.text for e in timeline] == ["raised", "flooded"]
    assert {e.when.value for e in timeline} == {"2024-04-22"}


def test_status_from_modals_and_cues() -> None:
    text = (
        "The minister will visit Paris on Friday. "
        "The company is set to open a plant in May. "
        "The strike could end next week."
    )
    timeline = eventline.extract(text, reference="2024-04-24")
    statuses = {event.trigger.text: event.status for event in timeline}
    assert statuses["visit"] is EventStatus.PLANNED
    assert statuses["open"] is EventStatus.PLANNED
    assert statuses["end"] is EventStatus.HYPOTHETICAL


def test_attribution_is_kept_apart_from_the_title() -> None:
    text = "According to a senior official, the two leaders met in Beijing on Monday."
    (event,) = eventline.extract(text, reference="2024-04-24")
    assert event.trigger.text == "met"
    assert event.attribution == "a senior official"
    assert "official" not in event.title
    assert event.location == "Beijing"


def test_durations_and_sets_qualify_rather_than_date() -> None:
    text = "The strike, which began on Monday, lasted three days."
    (event,) = eventline.extract(text, reference="2024-04-24")
    assert event.when.value == "2024-04-22"
    assert [q.value for q in event.qualifiers] == ["P3D"]


def test_an_endless_sentence_is_read_around_each_date() -> None:
    """A list with no full stop: each event comes from the words near its date, as alone."""
    filler = "red apples, green pears, ripe plums, " * 150  # 5,550 characters, no full stop
    clause = "the minister met the envoy on Friday, "
    alone = list(eventline.extract(clause.rstrip(", ") + ".", reference="2024-04-24"))
    timeline = eventline.extract(filler + clause + filler, reference="2024-04-24")
    events = list(timeline)
    assert [(e.trigger.text, e.when.value) for e in events] == [
        (e.trigger.text, e.when.value) for e in alone
    ]
    assert events[0].when.value == "2024-04-19"
    assert events[0].title.startswith(alone[0].title)
    assert len(events[0].sentence) < 1_000  # the window read, not the 11,000-character list


def test_a_chronology_gives_one_event_per_line() -> None:
    """Lines without full stops are statements of their own, each with its own date."""
    text = (
        "March 3, 2020 - Schools close across the region\n"
        "March 9, 2020 - The airport suspends all flights\n"
        "Last Friday - The airport reopens"
    )
    events = list(eventline.extract(text, reference="2024-04-24"))
    assert [(e.when.value, e.sentence) for e in events] == [
        ("2020-03-03", "March 3, 2020 - Schools close across the region"),
        ("2020-03-09", "March 9, 2020 - The airport suspends all flights"),
        ("2024-04-19", "Last Friday - The airport reopens"),
    ]


def test_given_reference_is_reported_as_given() -> None:
    timeline = eventline.extract("The vote was held on Monday.", reference=dt.date(2024, 4, 24))
    assert timeline.reference.source is ReferenceSource.GIVEN
    assert timeline.reference.date == dt.date(2024, 4, 24)
    assert timeline.reference.evidence == ()


def test_missing_reference_is_inferred_with_evidence() -> None:
    text = (
        "NEW YORK, Oct. 26, 2023 — Shares of the company fell on Thursday "
        "after it said sales slowed."
    )
    timeline = eventline.extract(text)
    assert timeline.reference.source is ReferenceSource.INFERRED
    assert timeline.reference.date == dt.date(2023, 10, 26)
    assert any("dateline" in clue for clue in timeline.reference.evidence)


def test_missing_reference_without_evidence_is_a_clear_error() -> None:
    with pytest.raises(eventline.ReferenceNotFoundError, match="pass one explicitly"):
        eventline.extract("Shares fell on Thursday after the company said sales slowed.")


def test_bad_input_is_rejected() -> None:
    with pytest.raises(eventline.InvalidReferenceError):
        eventline.extract("It rained.", reference="soon")
    with pytest.raises(TypeError, match="text must be a str"):
        eventline.extract(None, reference=REFERENCE)  # type: ignore[arg-type]


def test_cli_extract_prints_the_table() -> None:
    result = run_cli("extract", str(SEED), "--reference", REFERENCE)
    assert result.returncode == 0
    assert result.stdout.startswith("reference date 2024-04-24 (given)")
    assert "Biden and Xi had a phone conversation" in result.stdout


def test_cli_extract_without_inferable_reference_fails_in_one_line(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Officials met on Thursday.", encoding="utf-8")
    result = run_cli("extract", str(article))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "--reference" in result.stderr
    assert "Traceback" not in result.stderr


if __name__ == "__main__":
    sys.stdout.write(render(eventline.extract(SEED.read_text(encoding="utf-8"), REFERENCE)))


def _check_ics(data: bytes, stderr: str) -> None:
    calendar = icalendar.Calendar.from_ical(data)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "Biden and Xi had a phone conversation" in summaries
    undated = len(eventline.extract(SEED.read_text(encoding="utf-8"), REFERENCE).undated)
    assert f"left out {undated} events" in stderr  # the undated ones


def _check_json(data: bytes, _stderr: str) -> None:
    timeline = eventline.load_json(data.decode("utf-8"))
    assert timeline == eventline.extract(SEED.read_text(encoding="utf-8"), REFERENCE)


def _check_jsonl(data: bytes, stderr: str) -> None:
    (line,) = data.decode("utf-8").splitlines()
    _check_json(line.encode("utf-8"), stderr)


def _check_timeml(data: bytes, _stderr: str) -> None:
    document = parse_timeml(data, name="seed")
    assert document.text == SEED.read_text(encoding="utf-8")
    assert document.dct == REFERENCE
    expressions = eventline.tag(document.text, REFERENCE)
    total = score([document], {"seed": expressions}).total
    assert total.strict_f1 == total.value_accuracy == 1.0


def _check_csv(data: bytes, _stderr: str) -> None:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0][:3] == ["id", "value", "grain"]
    timeline = eventline.extract(SEED.read_text(encoding="utf-8"), REFERENCE)
    assert len(rows) == 1 + len(timeline.events) + len(timeline.undated)  # header, then events


def _check_md(data: bytes, _stderr: str) -> None:
    page = data.decode("utf-8")
    assert page.startswith("# Timeline (reference date 2024-04-24)")
    assert "Biden and Xi had a phone conversation" in page


def _check_timelinejs(data: bytes, _stderr: str) -> None:
    document = json.loads(data)
    headlines = {slide["text"]["headline"] for slide in document["events"]}
    assert "Biden and Xi had a phone conversation" in headlines
    assert len(document["events"]) == 10  # the dated events


def _check_html(data: bytes, _stderr: str) -> None:
    page = data.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Biden and Xi had a phone conversation" in page
    assert "src=" not in page  # nothing is loaded from elsewhere: no CDN, fonts or images


CHECKS = {
    "ics": _check_ics,
    "json": _check_json,
    "jsonl": _check_jsonl,
    "timeml": _check_timeml,
    "csv": _check_csv,
    "md": _check_md,
    "timelinejs": _check_timelinejs,
    "html": _check_html,
}


@pytest.mark.parametrize("fmt", sorted(CHECKS))
def test_cli_extract_writes_each_format_to_a_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"seed.{fmt}"
    result = run_cli(
        "extract", str(SEED), "--reference", REFERENCE, "--format", fmt, "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    CHECKS[fmt](out.read_bytes(), result.stderr)


def test_cli_extract_rejects_an_unknown_time_zone_in_one_line() -> None:
    result = run_cli(
        "extract", str(SEED), "--reference", REFERENCE, "--format", "ics", "--tz", "Mars/Olympus"
    )
    assert result.returncode == 2
    assert result.stderr.startswith("eventline: error: invalid value 'Mars/Olympus' for tz")
    assert "Traceback" not in result.stderr


_FRAGMENTS = st.sampled_from(
    [
        "The minister met officials on Monday",
        "Talks resume next week",
        "A summit was held in Geneva last November",
        "According to a senior official, the deal was signed on May 9, 2023",
        "The strike lasted three days",
        "Prices rose 12 percent",
        "He will visit Paris on Friday at 9:30 a.m.",
        "The treaty was signed in 1919. The next day, troops left",
        "Every Sunday the market opens",
        "recently, now, in the past",
        "It happened yesterday morning",
        "",
        "\n\n",
        "; , . : ! ?",
        "</script> & <b>",
    ]
)


@given(
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=40)), max_size=8).map(". ".join),
    st.dates(dt.date(1900, 1, 8), dt.date(2100, 12, 24)),
)
def test_extract_never_crashes_and_keeps_its_invariants(text: str, reference: dt.date) -> None:
    timeline = eventline.extract(text, reference=reference)
    starts = [event.when.interval.start for event in timeline if event.when.interval]
    assert len(starts) == len(timeline.events)  # every dated event has an interval
    assert starts == sorted(starts)
    assert all(event.when.interval is None for event in timeline.undated)
    ids = [event.id for event in (*timeline.events, *timeline.undated)]
    assert len(ids) == len(set(ids))
    for event in (*timeline.events, *timeline.undated):
        assert text[event.span.start : event.span.end] == event.sentence
        assert text[event.trigger.span.start : event.trigger.span.end] == event.trigger.text
        assert event.mentions
        assert event.when.text not in event.title or not event.when.text.strip()
