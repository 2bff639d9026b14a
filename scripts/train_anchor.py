"""Train the event–time anchoring ranker and write ``src/eventline/data/anchor.json``.

    python scripts/train_anchor.py ../shared/data/tbaq-cleaned

Reads every TimeML document under DATA_DIR, builds the anchoring items of
``benchmarks/anchoring.py`` (gold times TLINKed to gold events of the same sentence), and fits
a conditional-logit ranker over each time's candidate events (pure Python, a few seconds).
Only the weights ship; ``python benchmarks/anchoring.py DATA_DIR`` reports held-out figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from anchoring import Pipeline, gold_items, train, training_examples  # noqa: E402
from timeml_events import read_corpus  # noqa: E402

from eventline._triggers import sentence_candidates  # noqa: E402

OUTPUT = ROOT / "src" / "eventline" / "data" / "anchor.json"


def main(argv: list[str] | None = None) -> int:
    """Train on DATA_DIR and write the weights."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python scripts/train_anchor.py DATA_DIR", file=sys.stderr)
        return 2
    documents = read_corpus(args[0])
    items = [item for document in documents for item in gold_items(document)]
    weights = train(training_examples(items, Pipeline(sentence_candidates)))
    payload = {
        "about": "event-time anchoring ranker; scripts/train_anchor.py on TBAQ TLINKs",
        "items": len(items),
        "weights": weights,
    }
    OUTPUT.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(items)} items, {len(weights)} weights -> {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
