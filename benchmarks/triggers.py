"""Event-trigger detection of eventline's shipped model on TimeML (TimeBank + AQUAINT).

    python benchmarks/triggers.py ../shared/data/tbaq-cleaned
    python benchmarks/triggers.py ../shared/data/tbaq-cleaned --no-heldout   # skip retraining

Prints exact-span precision/recall/F1 against the ``<EVENT>`` tags. The shipped model was
trained on this very corpus, so those figures are optimistic; the honest ones come from a
fresh document-level split (train on 80% of the documents, score on the rest), computed with
the training code of ``scripts/train_triggers.py`` (about half a minute). Speed is that of
:func:`eventline._triggers.find_triggers` over every sentence of every document, after a
warm-up pass (the model is loaded and the per-word cache is filled once per process), and
also from a cold per-word cache.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
try:
    import eventline  # noqa: F401 - only checks that the package is importable
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT / "src"))

from timeml_events import read_corpus  # noqa: E402 - needs sys.path above
from train_triggers import evaluate, heldout_scores, sentence_bounds  # noqa: E402

from eventline._triggers import find_triggers, model  # noqa: E402


def speed(jobs: Sequence[tuple[str, list[tuple[int, int]]]]) -> tuple[float, int]:
    """Seconds to find the triggers of every sentence, and how many were found."""
    started = time.perf_counter()
    found = 0
    for text, bounds in jobs:
        for start, end in bounds:
            found += len(find_triggers(text, start, end))
    return time.perf_counter() - started, found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", help="a folder of TimeML files (searched recursively)")
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out retraining")
    parser.add_argument("--heldout-fraction", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    documents = read_corpus(args.data_dir)
    jobs = [(document.text, sentence_bounds(document.text)) for document in documents]
    characters = sum(len(text) for text, _ in jobs)

    loading = time.perf_counter()
    shipped = model()
    loading = time.perf_counter() - loading
    cold, _ = speed(jobs)
    warm, found = speed(jobs)
    print(f"{len(documents)} documents, {characters:,} characters, {found:,} triggers found")
    print(
        f"model load {loading * 1000:.0f} ms; speed {characters / warm:,.0f} chars/s "
        f"({characters / cold:,.0f} chars/s on the first pass, cold per-word cache)"
    )
    print(f"shipped model on TBAQ (its training data): {evaluate(shipped, documents).format()}")
    if not args.no_heldout:
        scores, trained, heldout = heldout_scores(documents, args.heldout_fraction, args.seed)
        print(
            f"held-out, retrained ({trained} training / {heldout} held-out documents, "
            f"seed {args.seed}): {scores.format()}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
