"""benchmarks/heideltime.py without HeidelTime: reading its output, and finding it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventline.model import TimexType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

TEXT = "Prices rose on Monday, and AT&T fell 5% in two days."
# What the standalone jar prints for TEXT: a TimeML document around the tagged text.
OUTPUT = """<?xml version="1.0"?>
<!DOCTYPE TimeML SYSTEM "TimeML.dtd">
<TimeML>
Prices rose on <TIMEX3 tid="t1" type="DATE" value="1998-01-19">Monday</TIMEX3>, and AT&amp;T \
fell 5% in <TIMEX3 tid="t2" type="DURATION" value="P2D" mod="APPROX">two days</TIMEX3>.
</TimeML>
"""


def _load() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("heideltime_bench", BENCHMARKS / "heideltime.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_output_is_read_back_with_offsets_into_the_input() -> None:
    bench = _load()
    monday, days = bench.read_output(OUTPUT, TEXT)
    assert TEXT[monday.start : monday.end] == "Monday" == monday.text
    assert (monday.type, monday.value, monday.mod) == (TimexType.DATE, "1998-01-19", None)
    assert TEXT[days.start : days.end] == "two days"
    assert (days.type, days.value, days.mod) == (TimexType.DURATION, "P2D", "APPROX")


def test_output_whose_text_differs_from_the_input_is_refused() -> None:
    bench = _load()
    with pytest.raises(bench.HeidelTimeError, match="differs"):
        bench.read_output(OUTPUT, "Some other text.")


def test_a_directory_without_the_jar_is_refused(tmp_path: Path) -> None:
    bench = _load()
    with pytest.raises(bench.HeidelTimeError, match="does not hold"):
        bench.find_heideltime(tmp_path)
