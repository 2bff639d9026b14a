"""Score each batch of the project's own documents as first committed, with that commit's code.

    python benchmarks/first_pass.py
    python benchmarks/first_pass.py --json /tmp/first_pass.json

The articles in ``tests/documents/`` were written and annotated by hand in batches, and each
batch was committed before the tagger was run on it (``first_pass_batches.csv`` lists those
commits). Scoring a batch's files, as that commit added them, with the code of that same
commit gives what eventline scored on text it had never seen: the honest estimate of its
accuracy on new articles. Today's code passes every document exactly (the tests require it),
so scoring them now is no evidence.

For each commit this checks it out into a temporary git worktree, runs this checkout's
``benchmarks/accuracy.py`` there on the ``.tml`` files the commit added (importing the
commit's own ``src``), and sums the counts per kind of text and batch. It needs the git
history (not a shallow clone); ``../shared`` is not used.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCHES = HERE / "first_pass_batches.csv"
COUNTS = ("gold", "predicted", "strict", "relaxed", "value_correct")


@dataclass
class Tally:
    """Summed TempEval-3 counts of several batches."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))

    def add(self, counts: dict[str, int]) -> None:
        for key in COUNTS:
            self.counts[key] += counts[key]

    def f1(self, key: str) -> float:
        both = self.counts["gold"] + self.counts["predicted"]
        return 2 * self.counts[key] / both if both else 0.0

    def row(self, label: str) -> str:
        return (
            f"{label:32} {self.counts['gold']:6,} {self.f1('strict'):9.3f} "
            f"{self.f1('relaxed'):10.3f} {self.f1('value_correct'):8.3f}"
        )


def read_batches(path: Path = BATCHES) -> list[dict[str, str]]:
    """The batches: kind of text, batch number and the commit that added its documents."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if not row["kind"].startswith("#")]


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    )
    return done.stdout


def added_documents(repo: Path, commit: str) -> list[str]:
    """The ``tests/documents/*.tml`` files that ``commit`` added."""
    names = _git(repo, "show", "--name-only", "--diff-filter=A", "--format=", commit)
    return sorted(
        name
        for name in names.split()
        if name.startswith("tests/documents/") and name.endswith(".tml")
    )


def score_commit(repo: Path, commit: str) -> dict[str, int]:
    """The counts of the documents ``commit`` added, tagged by the code of ``commit``."""
    files = added_documents(repo, commit)
    if not files:
        raise SystemExit(f"commit {commit} adds no tests/documents/*.tml file")
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        _git(repo, "worktree", "add", "--detach", "--quiet", str(tree), commit)
        try:
            out = Path(scratch) / "scores.json"
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            subprocess.run(
                [sys.executable, str(HERE / "accuracy.py"), "--json", str(out), *files],
                cwd=tree,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            counts: dict[str, int] = json.loads(out.read_text())["taggers"]["eventline"]["counts"]
        finally:
            _git(repo, "worktree", "remove", "--force", str(tree))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repo", type=Path, default=HERE.parent, help="the git checkout")
    parser.add_argument("--json", type=Path, help="also write every batch's counts as JSON")
    args = parser.parse_args(argv)
    header = f"{'batches':32} {'gold':>6} {'strict F1':>9} {'relaxed F1':>10} {'value F1':>8}"
    print(header)
    by_batch: dict[str, Tally] = {}
    everything = Tally()
    rows = []
    for batch in read_batches():
        counts = score_commit(args.repo, batch["commit"])
        rows.append({**batch, "counts": counts})
        single = Tally()
        single.add(counts)
        print(single.row(f"{batch['kind']} batch {batch['batch']} ({batch['commit']})"))
        by_batch.setdefault(batch["batch"], Tally()).add(counts)
        everything.add(counts)
    print()
    for number, tally in sorted(by_batch.items()):
        print(tally.row(f"all batches {number}"))
    print(everything.row("all"))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
