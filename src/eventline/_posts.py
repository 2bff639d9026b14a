"""Dated post and message headers: the lines that date the post or quoted message below them.

In a thread, a forum, a timeline or an email reply, a header line gives the day a post was
written ("kat_runs_far \u00b7 Sep 5", "kestrel_n \u00b7 Sep 21, 2022 at 7:02 AM", "Posted Sep 5",
"On Mon, Jan 13, 2025 at 4:47 PM, Dana wrote:"); the deictic words of the post ("this
morning", "tomorrow", "last week", a weekday) are the writer's on that day, until the next
header or the end of the text. A news article's dateline or byline is no such header.
"""

from __future__ import annotations

import re

from eventline._mentions import Calendar, Fixed, Mention, Relative

__all__ = ["post_scopes"]

# a poster's name or handle: "kat_runs_far", "@kat", "Dana R.", "Greg Lindqvist (parent)"
_NAME = r"@?[\w][\w.'&@-]*(?:[ \t]+@?[\w][\w.'&@-]*){0,3}(?:[ \t]+\([\w .'-]{1,30}\))?"
_QUOTE = r"[ \t]*(?:>[ \t]*)*"  # an email's quotation marks before a quoted header
# "kat_runs_far \u00b7 Sep 5": a name, a separator, the date and nothing after it; a bar or a
# dash only after a handle ("kestrel_n | Sep 21"), not after a news page's section or agency
# ("Politics | Sep 5, 2018", "Reuters - Sep 5, 2018")
_SENDER_OPENING = re.compile(
    _QUOTE
    + r"(?:"
    + _NAME
    + r"[ \t]*[\u00b7\u2022]|(?=[^\n]*[@_])"
    + _NAME
    + r"[ \t]*[|\u2013\u2014-])[ \t]*"
)
# "Posted Sep 5", "Posted by kat on Sep 5", "kat posted on Sep 5"
_POSTED_OPENING = re.compile(
    _QUOTE + r"(?:" + _NAME + r"[ \t]+)?(?:[Pp]osted|POSTED)(?:[ \t]+by[ \t]+" + _NAME + r")?"
    r"(?:[ \t]+on)?[ \t]*:?[ \t]*"
)
_POSTED_CLOSING = re.compile(r"(?:[ \t]+by[ \t]+" + _NAME + r")?[ \t]*(?:\n|$)")
# "On Mon, Jan 13, 2025 at 4:47 PM, Dana <dana@example.com> wrote:" (a mail client may wrap
# it before the address)
_WROTE_OPENING = re.compile(_QUOTE + r"On[ \t]+")
_WROTE_CLOSING = re.compile(
    r"[^\n]{1,120}?[ \t]wrote:[ \t]*(?:\n|$)|[^\n]{1,120}\n[^\n]{1,80}wrote:[ \t]*(?:\n|$)"
)
_SEPARATOR_CLOSING = re.compile(r"[ \t]*(?:\n|$)")
# a byline's or a page's stamp is no post's header: "By Jane Doe | Sep 5, 2018"
_NOT_SENDER = frozenset(("by", "updated", "published", "date", "sent", "posted"))
# lines that open another message with no date: "Dana wrote:", "-----Original Message-----",
# a reply's "@trailmix_tom: is this still on sat?"
_OTHER_HEADER = re.compile(
    r"[^\n]*\bwrote:[ \t]*$|[ \t>]*-{2,}[ \t]*(?i:original message)|[ \t]*@[\w.]+:[ \t]"
)
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _dated(mention: Mention) -> bool:
    """Does the mention name one calendar day ("Sep 5", "Mon, Jan 13, 2025 at 4:47 PM")?"""
    if isinstance(mention, Calendar):
        return (
            mention.month is not None
            and mention.day is not None
            and mention.shift is None
            and not mention.anchored
            and not mention.days
            and mention.toward is None
        )
    return isinstance(mention, Fixed) and _ISO_DAY.match(mention.value) is not None


_OPENING_REACH = 160  # characters a header's line may hold before its date or clock


def _line_start(text: str, at: int) -> int | None:
    """Where the line holding ``at`` starts, or ``None`` when it starts too far back.

    A header's name and separator are short; reading no further back keeps one endless line
    (a list with no line breaks) from costing a walk back to its start for each mention.
    """
    floor = max(0, at - _OPENING_REACH)
    newline = text.rfind("\n", floor, at)
    if newline < 0:
        return 0 if floor == 0 else None
    return newline + 1


def _header_end(text: str, mention: Mention) -> int | None:
    """Where the header line a dated mention stands in ends (after "wrote:"), if it is one."""
    line_start = _line_start(text, mention.start)
    if line_start is None:
        return None
    opening = text[line_start : mention.start]
    if _WROTE_OPENING.fullmatch(opening) and (closing := _WROTE_CLOSING.match(text, mention.end)):
        return closing.end()
    if _POSTED_OPENING.fullmatch(opening) and (closing := _POSTED_CLOSING.match(text, mention.end)):
        return closing.end()
    if _SENDER_OPENING.fullmatch(opening) and (
        closing := _SEPARATOR_CLOSING.match(text, mention.end)
    ):
        first = opening.lstrip(" \t>@").split(None, 1)
        if first and first[0].lower().rstrip(":") in _NOT_SENDER:
            return None
        return closing.end()
    return None


def _chat_stamp(mention: Mention) -> bool:
    """Is the mention a chat message's stamp ("Lena Park  9:12 AM"): a header with no date?"""
    return isinstance(mention, Relative) and mention.stamp


def _clock_header(text: str, mention: Mention) -> bool:
    """Is the mention a clock alone after a sender ("bob \u00b7 9:12 AM"): an undated header?"""
    if not isinstance(mention, Relative) or mention.clock is None or mention.offset:
        return False
    line_start = _line_start(text, mention.start)
    if line_start is None or not _SENDER_OPENING.fullmatch(text, line_start, mention.start):
        return False
    return _SEPARATOR_CLOSING.match(text, mention.end) is not None


def _depth(line: str) -> int:
    """How many quotation marks open an email's line ("> > text" is 2)."""
    marks = 0
    for char in line:
        if char == ">":
            marks += 1
        elif char not in " \t":
            break
    return marks


def post_scopes(text: str, mentions: list[Mention]) -> dict[int, tuple[int, int]]:
    """The dated headers among ``mentions``, each with the span of text its post covers.

    Keyed by the header's place in ``mentions``; the span runs from the header line's end to
    the next header (a dated one, a chat message's stamp, a "wrote:" line) or the end of the
    text. A quoted message's span ends where its quotation does ("> " lines).
    """
    headers: list[tuple[int, int, int]] = []  # (place, line start, header end)
    for index, mention in enumerate(mentions):
        if _dated(mention) and (end := _header_end(text, mention)) is not None:
            headers.append((index, _line_start(text, mention.start) or 0, end))
        elif _chat_stamp(mention) or _clock_header(text, mention):
            line = _line_start(text, mention.start)
            headers.append((-1, mention.start if line is None else line, mention.end))
    scopes: dict[int, tuple[int, int]] = {}
    for number, (index, _line, start) in enumerate(headers):
        if index < 0:
            continue
        bound = headers[number + 1][1] if number + 1 < len(headers) else len(text)
        if bound > start:
            scopes[index] = (start, _scope_end(text, start, bound, _poster(text, _line)))
    return scopes


def _poster(text: str, line: int) -> str | None:
    """The name before a header's separator ("Cascade Foothills Hiking Club \u00b7 Jun 21")."""
    found = _POSTER.match(text, line)
    return None if found is None else found.group(1) + ":"


_POSTER = re.compile(r"[ \t]*(" + _NAME + r")[ \t]*[\u00b7|\u2022\u2013\u2014-]")


def _scope_end(text: str, start: int, bound: int, poster: str | None) -> int:
    """Where a post starting at ``start`` ends, at ``bound`` or at an undated header before it.

    A quoted message ends with its quotation: the first line with fewer quotation marks
    than its first line (blank lines aside). A reply under a post, opened by its writer's
    label ("@trailmix_tom: is this still on sat?", or the poster's own name and a colon),
    is a message of its own, of no day given.
    """
    depth: int | None = None
    at = start
    while at < bound:
        line_end = text.find("\n", at, bound)
        if line_end < 0:
            line_end = bound
        line = text[at:line_end]
        if line.strip(" \t>"):
            if _OTHER_HEADER.match(line) or (poster is not None and line.startswith(poster)):
                return at
            marks = _depth(line)
            if depth is None:
                depth = marks
            elif marks < depth:
                return at
        at = line_end + 1
    return bound
