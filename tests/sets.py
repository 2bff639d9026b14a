"""An event whose time is a set with a frequency: "The club meets twice a week."

``eventline.extract`` dates events with DATE and TIME expressions only (a sentence's sets
become its ``qualifiers``), so the exports meet an event whose own time is a set when a
timeline is built through the API or read from JSON. The set itself comes from the real
tagger, so these tests follow what it makes of "twice a week".
"""

from __future__ import annotations

import datetime as dt

import eventline
from eventline.model import (
    Event,
    EventStatus,
    ReferenceDate,
    ReferenceSource,
    Span,
    Timeline,
    TimexType,
    Trigger,
)

CLUB = "The club meets twice a week."
REFERENCE = "2024-04-24"


def club_event(event_id: str = "club") -> Event:
    """The club's meetings, timed by the tagger's "twice a week" (``P1W``, freq ``2X``)."""
    (when,) = eventline.tag(CLUB, REFERENCE)
    assert (when.type, when.value, when.freq) == (TimexType.SET, "P1W", "2X")
    meets = CLUB.index("meets")
    return Event(
        id=event_id,
        title="The club meets",
        trigger=Trigger(Span(meets, meets + len("meets")), "meets"),
        when=when,
        sentence=CLUB,
        span=Span(0, len(CLUB)),
        status=EventStatus.ONGOING,
    )


def club_timeline(*dated: Event) -> Timeline:
    """``dated`` on the calendar, and the club's meetings among the undated events."""
    reference = ReferenceDate(dt.date.fromisoformat(REFERENCE), ReferenceSource.GIVEN)
    return Timeline(events=dated, undated=(club_event(),), reference=reference)
