"""The HTML page in a real browser: headless Chromium renders it and we read what it shows.

Skipped, with the reason, when no Chromium is installed (CI installs Debian's ``chromium``).
Each run is bounded by a timeout and uses a fresh, empty profile; the flags keep Chromium off
the network (the page needs none).
"""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import subprocess
from functools import cache
from pathlib import Path

import pytest

import eventline
from eventline.export import to_html
from eventline.model import (
    Event,
    EventStatus,
    Interval,
    ReferenceDate,
    ReferenceSource,
    Span,
    TimeExpression,
    Timeline,
    TimexType,
    Trigger,
)
from tests.htmltree import Node, parse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "blinken-china-visit-2024-04.txt"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 60  # seconds; a render takes about one
FLAGS = (
    "--headless",
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


@cache
def _browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


pytestmark = pytest.mark.skipif(
    _browser() is None,
    reason=f"no Chromium found on PATH (looked for {', '.join(BROWSERS)}); "
    "install Debian's chromium package to run the browser tests",
)


def _run(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    browser = _browser()
    assert browser is not None
    command = [browser, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT, check=True, encoding="utf-8"
    )


# A Content Security Policy that forbids every script: the page as a reader without JavaScript
# sees it (Chromium's --blink-settings=scriptEnabled=false also stops --dump-dom itself).
NO_SCRIPT = """<meta http-equiv="Content-Security-Policy" content="script-src 'none'">"""


def _rendered(
    timeline: Timeline, tmp_path: Path, *, title: str = "Seed", scripts: bool = True
) -> Node:
    """The DOM after the page loaded (and its script ran, unless ``scripts`` is false), parsed."""
    document = to_html(timeline, title=title)
    if not scripts:
        charset = '<meta charset="utf-8">'
        assert document.count(charset) == 1
        document = document.replace(charset, charset + NO_SCRIPT)
    page = tmp_path / "timeline.html"
    page.write_text(document, encoding="utf-8")
    result = _run(page, tmp_path / "profile", "--dump-dom")
    return parse(result.stdout)


@cache
def _seed() -> Timeline:
    return eventline.extract(SEED.read_text(encoding="utf-8"), reference="2024-04-24")


def test_seed_page_shows_the_timeline(tmp_path: Path) -> None:
    timeline = _seed()
    dom = _rendered(timeline, tmp_path)
    (root,) = dom.by_tag("html")
    assert root.attrs.get("data-js") == "ready"  # the script ran to its end
    assert root.attrs.get("data-events") == str(len(timeline.events) + len(timeline.undated))
    assert "hidden" not in dom.by_id("filters").attrs  # the script showed the filters
    assert dom.by_id("shown-count").text() == f"{len(timeline.events)} shown"
    rows = dom.by_class("event")
    for row, event in zip(rows, [*timeline.events, *timeline.undated], strict=True):
        assert row.by_tag("h3")[0].text() == event.title
        assert "hidden" not in row.attrs
        badges = [badge.text() for badge in row.by_class("badge")]
        assert event.status.value in badges
        if event.dated:
            assert event.when.grain is not None
            assert event.when.grain.value in badges
        assert row.by_class("sentence")[0].text() == event.sentence
    dates = [date.text() for date in dom.by_class("date")]
    assert dates[:4] == ["2023", "9 May 2023", "19 June 2023", "November 2023"]
    assert "2024-W16" in dates
    assert "planned" in [b.text() for b in rows[len(timeline.events) - 1].by_class("badge")]


def test_page_reads_without_javascript(tmp_path: Path) -> None:
    timeline = _seed()
    dom = _rendered(timeline, tmp_path, scripts=False)
    (root,) = dom.by_tag("html")
    assert "data-js" not in root.attrs
    assert "hidden" in dom.by_id("filters").attrs  # controls that need the script stay hidden
    titles = [h.text() for h in dom.by_tag("h3")]
    assert titles == [event.title for event in [*timeline.events, *timeline.undated]]
    sentences = [s.text() for s in dom.by_class("sentence")]
    assert sentences == [event.sentence for event in [*timeline.events, *timeline.undated]]
    assert all(d.attrs.get("open") is None for d in dom.by_class("source"))  # on demand


def test_hostile_text_does_not_run_or_render_as_markup(tmp_path: Path) -> None:
    attack = (
        "</script><script>document.documentElement.setAttribute('data-pwned','1')</script>"
        "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">"
        " & \"quotes\" 'too'\nline\u2028break"
    )
    when = TimeExpression(
        Span(0, 5),
        attack,
        TimexType.DATE,
        "2024-04-22",
        interval=Interval(dt.datetime(2024, 4, 22), dt.datetime(2024, 4, 23)),
    )
    event = Event(
        attack,
        attack,
        Trigger(Span(0, 5), attack),
        when,
        attack,
        Span(0, len(attack)),
        EventStatus.HAPPENED,
        attribution=attack,
        location=attack,
    )
    reference = ReferenceDate(dt.date(2024, 4, 24), ReferenceSource.INFERRED, (attack,))
    dom = _rendered(Timeline((event,), (), reference), tmp_path, title=attack)
    (root,) = dom.by_tag("html")
    assert "data-pwned" not in root.attrs
    assert root.attrs.get("data-js") == "ready"  # the embedded JSON parsed in the browser
    assert root.attrs.get("data-events") == "1"
    assert dom.by_tag("img") == []
    assert len(dom.by_tag("script")) == 2
    assert dom.by_tag("h1")[0].text() == attack
    assert dom.by_tag("h3")[0].text() == attack
    assert dom.by_class("sentence")[0].text() == attack


def test_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    page.write_text(to_html(_seed(), title="Seed"), encoding="utf-8")
    shot = tmp_path / "timeline.png"
    _run(page, tmp_path / "profile", "--window-size=1280,900", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 900)
    assert len(data) > 20_000  # a page with text and bars, not a blank image
