"""Integration: the .ics of to_ical, uploaded to a real CalDAV server and read back.

The test starts Radicale in this process (its WSGI application behind ``wsgiref`` on
127.0.0.1, a free port chosen by the system, a temporary storage folder, no authentication),
uploads each event with the ``caldav`` client and reads the events back. It is skipped when
radicale or caldav are not installed (they come with the ``dev`` extra).
"""

from __future__ import annotations

import datetime as dt
import threading
import wsgiref.simple_server
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest

from eventline.export.ical import to_ical
from eventline.model import EventStatus, TimexType
from tests.test_export_ical import event, timeline

caldav = pytest.importorskip("caldav", reason="the CalDAV client 'caldav' is not installed")
radicale = pytest.importorskip("radicale", reason="the CalDAV server 'radicale' is not installed")
radicale_config = pytest.importorskip("radicale.config")

TIMEOUT = 10  # seconds, for every HTTP request and for stopping the server


class _QuietHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Keep the test output clean."""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A Radicale server on 127.0.0.1; yields its URL and is always shut down."""
    configuration = radicale_config.load()
    configuration.update(
        {
            "auth": {"type": "none"},
            "storage": {"filesystem_folder": str(tmp_path / "collections")},
            "logging": {"level": "warning"},
        },
        "test",
    )
    application = radicale.Application(configuration)
    httpd = wsgiref.simple_server.make_server(
        "127.0.0.1", 0, application, handler_class=_QuietHandler
    )
    httpd.timeout = TIMEOUT
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(TIMEOUT)


def test_events_survive_a_caldav_round_trip(server: str) -> None:
    sample = timeline(
        event("day", "2024-04-22", title="Summit"),
        event("clock", "2024-04-22T09:30", title="Press conference"),
        event("month", "2024-05", title="Talks", status=EventStatus.PLANNED),
        undated=(event("monday", "XXXX-WXX-1", TimexType.SET, title="Market"),),
    )
    data = to_ical(sample, source="article-1", tz="Europe/Paris").data
    sent = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}

    client = caldav.DAVClient(
        url=server,
        username="tester",
        password="unused",
        timeout=TIMEOUT,
        require_tls=False,
        enable_rfc6764=False,
    )
    with client:
        calendar = client.principal().make_calendar(name="eventline")
        for ics in _one_calendar_per_event(data):  # a CalDAV resource holds one UID
            calendar.save_event(ics)
        received = {}
        for item in calendar.events():
            vevent = item.icalendar_instance.walk("VEVENT")[0]
            received[str(vevent["UID"])] = vevent
        # The server itself reads the dates: a time-range query finds what falls in it.
        on_22_april = _summaries(calendar, dt.datetime(2024, 4, 22), dt.datetime(2024, 4, 23))
        on_6_may = _summaries(calendar, dt.datetime(2024, 5, 6), dt.datetime(2024, 5, 7))

    assert received.keys() == sent.keys()
    for uid, original in sent.items():
        back = received[uid]
        for name in ("SUMMARY", "DTSTART", "DTEND", "DESCRIPTION", "TRANSP", "STATUS"):
            assert back[name].to_ical() == original[name].to_ical(), (uid, name)
            assert back[name].params == original[name].params, (uid, name)
        assert back.get("RRULE") == original.get("RRULE")
    assert on_22_april == {"Summit", "Press conference"}
    assert on_6_may == {"Talks", "Market"}  # a May span, and the second Monday of the RRULE


def _summaries(calendar: Any, start: dt.datetime, end: dt.datetime) -> set[str]:
    """The summaries of the events the server finds between ``start`` and ``end``."""
    found = calendar.search(start=start, end=end, event=True)
    return {str(item.icalendar_instance.walk("VEVENT")[0]["SUMMARY"]) for item in found}


def _one_calendar_per_event(data: bytes) -> list[str]:
    """Each VEVENT of ``data`` in a calendar of its own, with the time zones."""
    whole = icalendar.Calendar.from_ical(data)
    zones = whole.walk("VTIMEZONE")
    result = []
    for vevent in whole.walk("VEVENT"):
        single = icalendar.Calendar()
        for name in ("PRODID", "VERSION", "CALSCALE"):
            single.add(name, whole[name])
        for component in (*zones, vevent):
            single.add_component(component)
        result.append(single.to_ical().decode("utf-8"))
    return result
