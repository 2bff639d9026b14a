"""The first-pass benchmark's batch list and arithmetic (no git checkout or tagging needed)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "first_pass.py"
_SPEC = importlib.util.spec_from_file_location("first_pass_benchmark", _PATH)
assert _SPEC is not None
assert _SPEC.loader is not None
first_pass = importlib.util.module_from_spec(_SPEC)
sys.modules["first_pass_benchmark"] = first_pass
_SPEC.loader.exec_module(first_pass)


def test_every_batch_names_a_kind_a_batch_number_and_a_commit() -> None:
    batches = first_pass.read_batches()
    assert len(batches) >= 20
    for batch in batches:
        assert re.fullmatch(r"[a-z]+", batch["kind"])
        assert re.fullmatch(r"[1-9][0-9]*", batch["batch"])
        assert re.fullmatch(r"[0-9a-f]{7,40}", batch["commit"])
    assert len({batch["commit"] for batch in batches}) == len(batches)


def test_every_kind_of_text_has_a_first_batch_and_a_documents_file() -> None:
    documents = Path(__file__).resolve().parent / "documents"
    for kind in {batch["kind"] for batch in first_pass.read_batches()}:
        prefix = "feature" if kind == "features" else kind
        # a kind's files may carry the number of the round that wrote them ("social1-...")
        named = [*documents.glob(f"{prefix}-*.tml"), *documents.glob(f"{prefix}[0-9]*-*.tml")]
        assert named, kind


def test_the_tally_sums_counts_and_gives_tempeval_f1() -> None:
    tally = first_pass.Tally()
    tally.add({"gold": 10, "predicted": 8, "strict": 6, "relaxed": 8, "value_correct": 5})
    tally.add({"gold": 10, "predicted": 12, "strict": 9, "relaxed": 10, "value_correct": 9})
    assert tally.counts["gold"] == 20
    assert tally.f1("strict") == 2 * 15 / 40
    assert tally.f1("value_correct") == 2 * 14 / 40
    assert first_pass.Tally().f1("strict") == 0.0
    assert "0.700" in tally.row("all")
