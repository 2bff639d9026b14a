"""Read the event layer of TimeML: EVENT spans, their instances, and TLINKs.

    python benchmarks/timeml_events.py ../shared/data/tbaq-cleaned     # self-check + counts

Benchmark-side only (standard library ``xml``). The text, creation time and TIMEX3 spans come
from :func:`eventline.evaluate.read_timeml`, so every offset here indexes the same string the
tagger benchmarks use; the EVENT spans are found by a second walk of the same ``<TEXT>`` element.

* ``GoldEvent.eiids``: the ``eiid`` of every ``MAKEINSTANCE`` of the event, in file order
  (an event may have several instances, or, rarely, none); ``tense`` and ``pos`` are those of
  its first instance.
* ``GoldLink``: the TLINKs only (not SLINK/ALINK). ``source`` is the ``eventInstanceID`` or
  ``timeID`` attribute, ``target`` the ``relatedToEventInstance`` or ``relatedToTime`` one
  (ids such as ``"ei12"`` or ``"t3"``); ``rel`` is ``relType``.
* Only EVENTs inside ``<TEXT>`` are read: TBAQ has 16 more in headlines outside it
  (APW19980213.1380, WSJ910225-0066), which have no offsets in the text (11,129 of 11,145).
"""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs

try:
    import eventline  # noqa: F401 - only checks that the package is importable
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventline.evaluate import GoldTimex, find_timeml_files, read_timeml, tagged_spans
from eventline.model import Span

__all__ = [
    "GoldEvent",
    "GoldLink",
    "GoldTimeML",
    "GoldTimex",
    "read_corpus",
    "read_timeml_events",
]

StrPath = str | os.PathLike[str]


@attrs.frozen
class GoldEvent:
    """One gold EVENT; ``span`` indexes :attr:`GoldTimeML.text`."""

    eid: str
    span: Span
    text: str
    event_class: str
    eiids: tuple[str, ...]
    tense: str | None
    pos: str | None


@attrs.frozen
class GoldLink:
    """One gold TLINK between event instances (``ei..``) and/or times (``t..``)."""

    lid: str
    rel: str
    source: str
    target: str


@attrs.frozen
class GoldTimeML:
    """A TimeML document with its time expressions, events and temporal links."""

    name: str
    text: str
    dct: str
    timexes: tuple[GoldTimex, ...]
    events: tuple[GoldEvent, ...]
    links: tuple[GoldLink, ...]


def _event_spans(text_element: ET.Element) -> tuple[str, list[tuple[ET.Element, int, int]]]:
    """Plain text of ``<TEXT>`` and its EVENT elements with offsets (eventline's walk)."""
    return tagged_spans(text_element, "EVENT")


def _instances(root: ET.Element) -> dict[str, list[ET.Element]]:
    """MAKEINSTANCE elements by the eventID they instantiate, in file order."""
    instances: dict[str, list[ET.Element]] = {}
    for element in root.iter("MAKEINSTANCE"):
        instances.setdefault(element.get("eventID", ""), []).append(element)
    return instances


def _links(root: ET.Element) -> tuple[GoldLink, ...]:
    """Every TLINK of the document, in file order."""
    return tuple(
        GoldLink(
            lid=element.get("lid", ""),
            rel=element.get("relType", ""),
            source=element.get("eventInstanceID") or element.get("timeID") or "",
            target=element.get("relatedToEventInstance") or element.get("relatedToTime") or "",
        )
        for element in root.iter("TLINK")
    )


def read_timeml_events(path: StrPath) -> GoldTimeML:
    """Read one ``.tml`` file: text, DCT and timexes as eventline reads them, events, TLINKs."""
    document = read_timeml(path)
    root = ET.parse(os.fspath(path)).getroot()
    text_element = root.find(".//TEXT")
    assert text_element is not None  # read_timeml has checked it
    text, found = _event_spans(text_element)
    if text != document.text:
        raise ValueError(f"{path}: event walk disagrees with eventline's TimeML text")
    instances = _instances(root)
    events = []
    for node, start, end in sorted(found, key=lambda item: (item[1], item[2])):
        eid = node.get("eid", "")
        made = instances.get(eid, [])
        events.append(
            GoldEvent(
                eid=eid,
                span=Span(start, end),
                text=text[start:end],
                event_class=node.get("class", ""),
                eiids=tuple(element.get("eiid", "") for element in made),
                tense=made[0].get("tense") if made else None,
                pos=made[0].get("pos") if made else None,
            )
        )
    return GoldTimeML(
        name=document.name,
        text=document.text,
        dct=document.dct,
        timexes=document.timexes,
        events=tuple(events),
        links=_links(root),
    )


def read_corpus(data_dir: StrPath) -> tuple[GoldTimeML, ...]:
    """Every ``.tml`` file under ``data_dir`` (recursively, sorted by path)."""
    return tuple(read_timeml_events(path) for path in find_timeml_files(data_dir))


def main(argv: list[str] | None = None) -> int:
    """Read a corpus, check it against eventline's reader, print counts."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python benchmarks/timeml_events.py DATA_DIR", file=sys.stderr)
        return 2
    documents = read_corpus(args[0])
    for document in documents:
        for event in document.events:
            assert document.text[event.span.start : event.span.end] == event.text
    events = sum(len(document.events) for document in documents)
    instances = sum(len(event.eiids) for document in documents for event in document.events)
    links = sum(len(document.links) for document in documents)
    timexes = sum(len(document.timexes) for document in documents)
    print(
        f"{len(documents)} documents, {timexes} timexes, "
        f"{events} events, {instances} instances, {links} TLINKs"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
