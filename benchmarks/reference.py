"""Measure reference-date inference on a TimeML corpus: hide each document's DCT, infer it.

    python benchmarks/reference.py ../shared/data/tbaq-cleaned
    python benchmarks/reference.py ../shared/data/tbaq-cleaned --show-errors

For each document the creation date (the first 10 characters of its DCT) is hidden and
``infer_reference`` is run on the text alone. Reports, over all documents: how often the
inferred date is exact, within 7 days, in the right month (same year and month), wrong by more
than a month (over 31 days off: a misleading answer), how often inference raised
ReferenceNotFoundError, the median absolute error in days (over documents with
an answer), and the time per document (best of 3 runs after one warm-up call); then the same
for each article in seeds/ (its true reference date is in the JSON beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

try:
    import eventline
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import eventline

from eventline._infer import infer_reference
from eventline.errors import ReferenceNotFoundError
from eventline.evaluate import find_timeml_files, read_timeml

_ = eventline  # imported for its side effect of finding the package

Document = tuple[str, str, dt.date]  # name, text, creation date


def load(data_dir: Path) -> list[Document]:
    """Every document's name, text and creation date."""
    documents = (read_timeml(path) for path in find_timeml_files(data_dir))
    return [(d.name, d.text, dt.date.fromisoformat(d.dct[:10])) for d in documents]


def infer(text: str) -> dt.date | None:
    """The inferred date, or ``None`` when inference raised ReferenceNotFoundError."""
    try:
        return infer_reference(text).date
    except ReferenceNotFoundError:
        return None


def seconds_per_document(documents: Sequence[Document]) -> float:
    """Best of 3 timed runs over every document, per document."""
    infer(documents[0][1])
    runs = []
    for _run in range(3):
        gc.collect()
        started = time.perf_counter()
        for _name, text, _date in documents:
            infer(text)
        runs.append(time.perf_counter() - started)
    return min(runs) / len(documents)


_MONTH_DAYS = 31


def _share(count: int, total: int) -> str:
    return f"{count:4d} / {total} ({count / total:6.1%})" if total else "   0 / 0"


def report(documents: Sequence[Document], *, show_errors: bool) -> str:
    """The figures as a few readable lines."""
    total = len(documents)
    answered = exact = week = month = wrong = 0
    errors: list[int] = []
    lines: list[str] = []
    for name, text, truth in documents:
        found = infer(text)
        if found is None:
            continue
        answered += 1
        error = abs((found - truth).days)
        errors.append(error)
        exact += error == 0
        week += error <= 7
        month += (found.year, found.month) == (truth.year, truth.month)
        wrong += error > _MONTH_DAYS
        if show_errors and error:
            lines.append(f"  {name}: inferred {found}, creation date {truth} ({error} days)")
    median = f"{statistics.median(errors):.0f} days" if errors else "n/a"
    per_document = seconds_per_document(documents)
    characters = sum(len(text) for _name, text, _date in documents) / total
    return "\n".join(
        [
            f"documents:              {total}",
            f"exact:                  {_share(exact, total)}",
            f"within 7 days:          {_share(week, total)}",
            f"right month:            {_share(month, total)}",
            f"wrong by over a month:  {_share(wrong, total)}",
            f"ReferenceNotFoundError: {_share(total - answered, total)}",
            f"answered:               {_share(answered, total)}",
            f"  of those exact:       {_share(exact, answered)}",
            f"  of those within 7 d:  {_share(week, answered)}",
            f"  of those right month: {_share(month, answered)}",
            f"median absolute error:  {median} (answered documents)",
            f"time per document:      {per_document * 1000:.2f} ms "
            f"(mean {characters:,.0f} characters)",
            *lines,
        ]
    )


def seeds() -> str:
    """The inferred date of each article in seeds/ against the reference its JSON gives."""
    lines = []
    for meta in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.json")):
        info = json.loads(meta.read_text(encoding="utf-8"))
        truth = dt.date.fromisoformat(info["reference"])
        text = meta.with_name(info["file"]).read_text(encoding="utf-8")
        found = infer(text)
        shown = (
            "ReferenceNotFoundError"
            if found is None
            else f"{found} ({(found - truth).days:+d} days)"
        )
        lines.append(f"seed {info['file']}: {shown}, reference {truth}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="a folder of TimeML files (searched deeply)")
    parser.add_argument(
        "--show-errors", action="store_true", help="list each wrong answer with its truth"
    )
    arguments = parser.parse_args(argv)
    print(report(load(arguments.data_dir), show_errors=arguments.show_errors))
    print(seeds())
    return 0


if __name__ == "__main__":
    sys.exit(main())
