"""Time eventline.tag against dateparser's search_dates on a TimeML corpus' texts.

    python benchmarks/speed.py ../shared/data/tbaq-cleaned
    python benchmarks/speed.py ../shared/data/tbaq-cleaned --max-size 100000 --no-dateparser

Reports, for the documents' texts: eventline's characters/second (best of 3 runs after one
warm-up call) and peak traced memory; the same for eventline.extract (the whole timeline), on
the corpus and on the seed article; dateparser's characters/second (English only,
RELATIVE_BASE = the document date; the best of two runs, timed in turns with two more runs of
eventline so that both meet the machine in the same state) and the ratio of the two bests;
then a linearity check of eventline on inputs of about 1 KB, 10 KB, 100 KB, 1 MB and 10 MB
made by concatenating the texts, and a worst case up to 1 MB: one endless sentence dense
with dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

try:
    import eventline
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import eventline

from dateparser.search import search_dates

from eventline.evaluate import find_timeml_files, read_timeml, reference_date

SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
Corpus = Sequence[tuple[str, str]]  # (text, reference date)


def load_corpus(data_dir: Path) -> list[tuple[str, str]]:
    """Every document's text with its reference date (the DCT's date part)."""
    documents = (read_timeml(path) for path in find_timeml_files(data_dir))
    return [(document.text, reference_date(document.dct)) for document in documents]


def _time_once(run: Callable[[str, str], object], corpus: Corpus) -> float:
    """Seconds to run ``run`` over every text of ``corpus`` once."""
    gc.collect()
    started = time.perf_counter()
    for text, reference in corpus:
        run(text, reference)
    return time.perf_counter() - started


def eventline_run(text: str, reference: str) -> object:
    """One call of eventline.tag."""
    return eventline.tag(text, reference)


def extract_run(text: str, reference: str) -> object:
    """One call of eventline.extract (the whole timeline: tag, events, merge, order)."""
    return eventline.extract(text, reference)


SEED = Path(__file__).resolve().parents[1] / "seeds" / "blinken-china-visit-2024-04.txt"
SEED_REFERENCE = "2024-04-24"


def dateparser_run(text: str, reference: str) -> object:
    """One call of dateparser's search_dates with pinned settings (English, RELATIVE_BASE)."""
    base = dt.datetime.fromisoformat(reference)
    return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})


def peak_memory(corpus: Corpus) -> int:
    """Peak bytes traced by tracemalloc while eventline tags the corpus once."""
    tracemalloc.start()
    try:
        _time_once(eventline_run, corpus)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def max_rss_mib() -> float:
    """The process' peak resident set size so far, in MiB (Linux reports KiB)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def build_input(corpus: Corpus, size: int) -> str:
    """About ``size`` characters made by concatenating texts (repeating them if needed)."""
    pieces: list[str] = []
    total = 0
    while total < size:
        for text, _ in corpus:
            pieces.append(text)
            total += len(text)
            if total >= size:
                break
    return "".join(pieces)[:size]


def linearity(corpus: Corpus, sizes: Sequence[int], reference: str) -> list[tuple[int, float]]:
    """(characters, best-of-3 seconds) of eventline on one input of each size."""
    results = []
    for size in sizes:
        text = build_input(corpus, size)
        runs = 1 if size >= 1_000_000 else 3
        best = min(_time_once(eventline_run, [(text, reference)]) for _ in range(runs))
        results.append((len(text), best))
    return results


DENSE_UNIT = "Aug. 29, Friday, 7 a.m. Tuesday, last week, two days later, 1998 and '98; "
"""One list item of the worst-case input: a "sentence" that never ends, dense with dates."""


def dense_linearity(sizes: Sequence[int], reference: str) -> list[tuple[int, int, float]]:
    """(characters, expressions found, seconds) of eventline on one endless dated sentence.

    Each mention's tense is read from the words around it, so a sentence with no full stop
    (a list, a table flattened to text) must not cost more per mention as it grows.
    """
    results = []
    for size in sizes:
        text = (DENSE_UNIT * (size // len(DENSE_UNIT) + 1))[:size]
        found = len(eventline.tag(text, reference))
        seconds = _time_once(eventline_run, [(text, reference)])
        results.append((len(text), found, seconds))
    return results


def _rate(characters: int, seconds: float) -> str:
    return f"{characters / seconds:,.0f} chars/s" if seconds > 0 else "too fast to time"


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="directory of .tml files")
    parser.add_argument(
        "--max-size",
        type=int,
        default=SIZES[-1],
        metavar="CHARS",
        help="largest input of the linearity check (default 10,000,000)",
    )
    parser.add_argument("--no-dateparser", action="store_true", help="skip dateparser (slow)")
    parser.add_argument("--documents", type=int, metavar="N", help="use only the first N documents")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the speed benchmark and print its report."""
    args = _parse_args(argv)
    corpus = load_corpus(args.data_dir)[: args.documents]
    if not corpus:
        raise SystemExit("speed.py: error: no documents to time")
    characters = sum(len(text) for text, _ in corpus)
    print(f"{len(corpus)} documents, {characters:,} characters")

    eventline_run(*corpus[0])  # warm-up: load and compile everything once
    best = min(_time_once(eventline_run, corpus) for _ in range(3))
    print(f"eventline.tag             {best:8.3f} s  {_rate(characters, best)} (best of 3)")
    print(f"eventline peak traced memory {peak_memory(corpus) / 2**10:,.0f} KiB (one pass)")

    extract_run(*corpus[0])  # warm-up: load the event models
    whole = min(_time_once(extract_run, corpus) for _ in range(3))
    print(f"eventline.extract         {whole:8.3f} s  {_rate(characters, whole)} (best of 3)")
    seed = [(SEED.read_text(encoding="utf-8"), SEED_REFERENCE)]
    seed_seconds = min(_time_once(extract_run, seed) for _ in range(5))
    seed_rate = _rate(len(seed[0][0]), seed_seconds)
    print(f"eventline.extract, seed   {seed_seconds:8.3f} s  {seed_rate} (best of 5)")

    if not args.no_dateparser:
        dateparser_run(*corpus[0])  # warm-up: dateparser loads its language data lazily
        # The machine's speed drifts by a third over minutes, so the two are timed in turns
        # (dateparser twice, eventline after each) and each is taken at its best.
        slow_runs, fast_runs = [], [best]
        for _ in range(2):
            slow_runs.append(_time_once(dateparser_run, corpus))
            fast_runs.append(_time_once(eventline_run, corpus))
        slow, fast = min(slow_runs), min(fast_runs)
        print(f"dateparser search_dates   {slow:8.3f} s  {_rate(characters, slow)} (best of 2)")
        print(f"eventline.tag, in turns   {fast:8.3f} s  {_rate(characters, fast)} (best of 5)")
        if fast > 0:
            print(f"eventline / dateparser speed ratio: {slow / fast:,.1f}x")

    sizes = [size for size in SIZES if size <= args.max_size]
    print("\nlinearity (eventline.tag on concatenated texts)")
    print(f"{'characters':>12}  {'seconds':>9}  chars/s")
    for size, seconds in linearity(corpus, sizes, corpus[0][1]):
        print(f"{size:>12,}  {seconds:9.4f}  {_rate(size, seconds)}")
    print("\nlinearity, worst case (one sentence without a full stop, dense with dates)")
    print(f"{'characters':>12}  {'found':>7}  {'seconds':>9}  chars/s")
    dense_sizes = [size for size in SIZES[:-1] if size <= args.max_size]
    for size, found, seconds in dense_linearity(dense_sizes, corpus[0][1]):
        print(f"{size:>12,}  {found:>7,}  {seconds:9.4f}  {_rate(size, seconds)}")
    print(f"\nprocess peak RSS {max_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (eventline.EventlineError, OSError) as error:
        sys.exit(f"speed.py: error: {error}")
