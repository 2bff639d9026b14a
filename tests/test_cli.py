"""Tests of the ``eventline`` command line (no corpus needed)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import eventline
from eventline.cli import expression_record, format_timeline, main
from eventline.model import Grain, Interval, Span, TimeExpression, TimexType
from tests.sets import club_event, club_timeline

TEXT = "It happened on May 9, 2023."
RECORD_KEYS = {
    "text",
    "start",
    "end",
    "type",
    "value",
    "mod",
    "freq",
    "grain",
    "interval_start",
    "interval_end",
    "anchor",
}

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-05-10" \
functionInDocument="CREATION_TIME">2023-05-10</TIMEX3></DCT>
<TEXT>It happened on <TIMEX3 tid="t1" type="DATE" value="2023-05-09">May 9, 2023</TIMEX3>.</TEXT>
</TimeML>
"""


def stub_tag(
    text: str, reference: object, *, date_order: str = "MDY"
) -> tuple[TimeExpression, ...]:
    """A tagger that finds "May 9, 2023" wherever it occurs."""
    del reference, date_order
    start = text.find("May 9, 2023")
    if start < 0:
        return ()
    interval = Interval(dt.datetime(2023, 5, 9), dt.datetime(2023, 5, 10))
    expression = TimeExpression(
        span=Span(start, start + 11),
        text="May 9, 2023",
        type=TimexType.DATE,
        value="2023-05-09",
        grain=Grain.DAY,
        interval=interval,
    )
    return (expression,)


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None
) -> tuple[int, str, str]:
    """Run ``main`` and return (status, stdout, stderr)."""
    if stdin is not None:
        stream = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stdin", stream)
            status = main(list(argv))
    else:
        status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_error_line(status: int, err: str, *fragments: str) -> None:
    """The CLI failed the documented way: exit 2, one line, no traceback."""
    assert status == 2
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("eventline: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    """A small UTF-8 text file."""
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


# ---------------------------------------------------------------- tag: output


def test_tag_jsonl_lines_are_json_objects_with_the_documented_keys(
    capsys: pytest.CaptureFixture[str], text_file: Path
) -> None:
    status, out, err = run(capsys, "tag", str(text_file), "--reference", "2023-05-10")
    assert (status, err) == (0, "")
    for line in out.splitlines():
        record = json.loads(line)
        assert set(record) == RECORD_KEYS
        assert TEXT[record["start"] : record["end"]] == record["text"]


def test_tag_reads_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "tag", "-", "--reference", "2023-05-10", stdin=TEXT)
    assert (status, err) == (0, "")


def test_tag_jsonl_with_a_stub_tagger(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text_file: Path
) -> None:
    monkeypatch.setattr(eventline, "tag", stub_tag)
    status, out, _ = run(capsys, "tag", str(text_file), "--reference", "2023-05-10")
    assert status == 0
    [line] = out.splitlines()
    assert json.loads(line) == {
        "text": "May 9, 2023",
        "start": 15,
        "end": 26,
        "type": "DATE",
        "value": "2023-05-09",
        "mod": None,
        "freq": None,
        "grain": "day",
        "interval_start": "2023-05-09T00:00:00",
        "interval_end": "2023-05-10T00:00:00",
        "anchor": None,
    }


def test_tag_table_with_a_stub_tagger(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text_file: Path
) -> None:
    monkeypatch.setattr(eventline, "tag", stub_tag)
    status, out, _ = run(
        capsys, "tag", str(text_file), "--reference", "2023-05-10", "--format", "table"
    )
    assert status == 0
    header, row = out.splitlines()
    assert header.split() == ["offsets", "type", "value", "grain", "text"]
    assert row.split() == ["15-26", "DATE", "2023-05-09", "day", "May", "9,", "2023"]
    assert header.index("text") == row.index("May")


def test_tag_table_shows_a_sets_freq(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "sets.txt"
    path.write_text("The council meets twice a week.", encoding="utf-8")
    status, out, _ = run(capsys, "tag", str(path), "--reference", "2024-04-24", "--format", "table")
    assert status == 0
    _header, row = out.splitlines()
    assert row.split()[:4] == ["18-30", "SET", "P1W", "2X"]


def test_extract_table_shows_a_sets_freq() -> None:
    lines = format_timeline(club_timeline()).splitlines()
    assert lines[-2:] == ["undated:", "  P1W 2X  ongoing  The club meets"]


def test_extract_table_row_shows_the_freq_after_the_mod() -> None:
    club = club_event()
    about = attrs.evolve(club, when=attrs.evolve(club.when, mod="APPROX"))
    timeline = attrs.evolve(club_timeline(), events=(about,), undated=())
    header, row = format_timeline(timeline).splitlines()[2:]
    assert header.split() == ["date", "grain", "status", "title"]
    assert row.split() == ["P1W", "(APPROX)", "2X", "-", "ongoing", "The", "club", "meets"]
    assert header.index("grain") == row.index("-")


def test_tag_passes_the_date_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text_file: Path
) -> None:
    seen: list[str] = []

    def spy(text: str, reference: object, *, date_order: str = "MDY") -> tuple[()]:
        del text, reference
        seen.append(date_order)
        return ()

    monkeypatch.setattr(eventline, "tag", spy)
    status, _, _ = run(
        capsys, "tag", str(text_file), "--reference", "2023-05-10", "--date-order", "dmy"
    )
    assert (status, seen) == (0, ["DMY"])


def test_record_of_a_set_has_its_freq() -> None:
    twice = TimeExpression(Span(0, 12), "twice a week", TimexType.SET, "P1W", freq="2X")
    record = expression_record(twice)
    assert (record["type"], record["value"], record["freq"]) == ("SET", "P1W", "2X")


def test_record_of_a_duration_has_no_interval() -> None:
    duration = TimeExpression(Span(0, 6), "3 days", TimexType.DURATION, "P3D")
    record = expression_record(duration)
    assert (record["interval_start"], record["interval_end"], record["grain"]) == (
        None,
        None,
        None,
    )


# ---------------------------------------------------------------- tag: errors


@pytest.mark.parametrize("reference", ["yesterday", "2023-13-45", ""])
def test_bad_reference_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], text_file: Path, reference: str
) -> None:
    status, out, err = run(capsys, "tag", str(text_file), "--reference", reference)
    assert out == ""
    assert_one_error_line(status, err, "invalid reference date")


def test_reference_is_required(capsys: pytest.CaptureFixture[str], text_file: Path) -> None:
    status, _, err = run(capsys, "tag", str(text_file))
    assert_one_error_line(status, err, "--reference")


def test_missing_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    status, _, err = run(capsys, "tag", str(missing), "--reference", "2023-05-10")
    assert_one_error_line(status, err, str(missing))


def test_directory_as_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "tag", str(tmp_path), "--reference", "2023-05-10")
    assert_one_error_line(status, err)


def test_non_utf8_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 on May 9".encode("latin-1"))
    status, _, err = run(capsys, "tag", str(path), "--reference", "2023-05-10")
    assert_one_error_line(status, err, "UTF-8")


@pytest.mark.parametrize(
    "argv",
    [
        ("tag", "-", "--reference", "2023-05-10", "--format", "xml"),
        ("tag", "-", "--reference", "2023-05-10", "--date-order", "YMD"),
        ("tag", "-", "--reference", "2023-05-10", "--bogus"),
        ("frobnicate",),
        (),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    status, _, err = run(capsys, *argv, stdin="")
    assert_one_error_line(status, err)


def test_library_errors_from_the_tagger_are_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text_file: Path
) -> None:
    def refuse(text: str, reference: object, *, date_order: str = "MDY") -> tuple[()]:
        raise eventline.InvalidReferenceError(reference)

    monkeypatch.setattr(eventline, "tag", refuse)
    status, _, err = run(capsys, "tag", str(text_file), "--reference", "2023-05-10")
    assert_one_error_line(status, err, "2023-05-10")


# ---------------------------------------------------------------- evaluate


def test_evaluate_prints_the_metrics_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "DOC1.tml").write_text(TIMEML, encoding="utf-8")
    monkeypatch.setattr(eventline, "tag", stub_tag)
    status, out, err = run(capsys, "evaluate", str(tmp_path), "--documents", "--errors")
    assert (status, err) == (0, "")
    assert "1 documents" in out
    for metric in ("strict", "relaxed", "type", "value"):
        assert metric in out
    assert "DOC1" in out
    assert "no mistakes" in out


def test_evaluate_with_the_real_tagger_runs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "DOC1.tml").write_text(TIMEML, encoding="utf-8")
    status, out, _ = run(capsys, "evaluate", str(tmp_path / "DOC1.tml"))
    assert status == 0
    assert "value" in out


def test_evaluate_missing_path_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "evaluate", str(tmp_path / "nowhere"))
    assert_one_error_line(status, err, "nowhere")


def test_evaluate_malformed_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>broken", encoding="utf-8")
    status, _, err = run(capsys, "evaluate", str(bad))
    assert_one_error_line(status, err, "bad.tml", "well-formed")


# ---------------------------------------------------------------- python -m eventline


def test_python_dash_m_eventline_reports_errors_without_traceback(text_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "eventline", "tag", str(text_file), "--reference", "nope"],
        capture_output=True,
        text=True,
        check=False,
        env=_env_with_src(),
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("eventline: error: ")


def _env_with_src() -> dict[str, str]:
    """The environment, with the package importable even when not installed."""
    env = dict(os.environ)
    src = str(Path(eventline.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    return env
