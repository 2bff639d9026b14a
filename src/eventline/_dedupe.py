"""Merge repeated reports of one event and give every event a stable id.

Articles repeat themselves: photo captions appear two or three times, one briefing is
reported in several paragraphs. :func:`merge` turns such reports into one :class:`Event`
whose ``mentions`` list every place that reports it.

The rule, in full:

1. **Bucket.** Two reports can only be one event when they fall in the same bucket: the same
   *date key* (the TIMEX3 value up to its clock time, so ``2024-04-23`` and
   ``2024-04-23T10:00`` share a bucket, ``2023-11`` and ``2023-11-15`` do not) and the same
   *trigger class* (a crude lemma of the trigger's head word, with every verb or noun of
   speaking — said, mentioned, emphasized, statement, briefing... — in one class).
2. **Compare.** Inside a bucket, two reports are the same event when their sentences are
   equal once normalized (case, punctuation and spacing ignored: repeated captions), or their
   content words overlap a lot (Jaccard ≥ 0.5: near-identical captions), or they share at
   least two names (participants, or capitalized words other than function and calendar
   words): "a summit between President Joe Biden and Chinese leader Xi Jinping in California
   last November" and "the Biden-Xi summit in November" share Biden and Xi; "Matthew Miller
   mentioned on Monday" and "During a statement on Monday, Miller emphasized ... China" are
   one statement (speaking class, Miller and China).
3. **Group.** Reports linked by step 2 are grouped transitively (union-find within a bucket).

The merged event keeps the first mention's (text order) title, trigger, time, sentence, span
and status: the first report of a news story is usually its fullest, and this keeps the
event's fields describing one place in the text. Participants are the union of all reports'
(first-seen order); attribution and location the first one given; qualifiers the union by
value. Its id is the first 12 hex digits of a SHA-256 over the time value, the normalized
title and the first mention's trigger offsets, made unique within the result by rehashing
with a counter on the (unlikely) collision.

Work is linear in the number of events plus quadratic only inside a bucket, which holds the
few reports of one day sharing a trigger class.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from eventline.model import Event, EventMention, TimeExpression

__all__ = ["merge", "same_event"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*")
_MIN_SHARED_NAMES = 2
_MIN_JACCARD = 0.5
_ID_LENGTH = 12

_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "met": "meet",
    "held": "hold",
    "led": "lead",
    "went": "go",
    "gone": "go",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "lost": "lose",
    "sent": "send",
    "spoke": "speak",
    "spoken": "speak",
    "came": "come",
    "saw": "see",
    "seen": "see",
    "fell": "fall",
    "rose": "rise",
    "hit": "hit",
    "struck": "strike",
    "killed": "kill",
    "wrote": "write",
    "written": "write",
}
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_SPEAKING = frozenset(
    {
        "say", "tell", "stat", "statement", "mention", "emphasiz", "emphasis", "stress",
        "claim", "indicat", "warn", "brief", "announc", "announcement", "comment", "remark",
        "accus", "urg", "express", "assert", "declar", "insist", "explain", "reiterat",
        "respond", "speak", "speech", "interview", "conference", "add", "argu", "deni",
        "deny", "confirm", "report",
    }
)  # fmt: skip
_SPEAKING_CLASS = "<speaking>"
_NOT_NAMES = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "on", "in", "at", "during",
        "after", "before", "since", "until", "for", "from", "to", "of", "by", "with",
        "according", "as", "and", "but", "or", "while", "when", "he", "she", "it", "they",
        "we", "i", "you", "his", "her", "its", "their", "our", "there", "here", "upon",
        "however", "also", "earlier", "later", "last", "next", "recently", "today",
        "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr",
    }
)  # fmt: skip
_STOPWORDS = _NOT_NAMES | frozenset(
    {
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
        "does", "did", "will", "would", "can", "could", "should", "may", "might", "not",
        "no", "than", "then", "so", "if", "into", "over", "about", "which", "who", "whom",
        "what", "all", "more", "most", "some", "any", "s",
    }
)  # fmt: skip


@attrs.frozen
class _Report:
    """One input event with the features the comparison needs, computed once."""

    event: Event
    sentence_key: str
    words: frozenset[str]
    names: frozenset[str]


def merge(events: Sequence[Event]) -> tuple[Event, ...]:
    """Merge repeated reports of one event; give every event a stable, unique ``id``.

    Returns one event per group of reports, in the text order of each group's first mention.
    An event without ``mentions`` counts as a single mention of itself. Ids already set on
    the input are replaced.
    """
    reports = [_report(event) for event in events]
    buckets: dict[tuple[str, str], list[_Report]] = {}
    for report in reports:
        buckets.setdefault(_bucket_key(report.event), []).append(report)
    groups = [group for bucket in buckets.values() for group in _group(bucket)]
    merged = sorted((_combine(group) for group in groups), key=_text_order)
    return _with_ids(merged)


def same_event(first: Event, second: Event) -> bool:
    """True when :func:`merge` would put the two reports in one event (steps 1 and 2)."""
    if _bucket_key(first) != _bucket_key(second):
        return False
    return _similar(_report(first), _report(second))


# ----------------------------------------------------------------------------- features


def _report(event: Event) -> _Report:
    return _Report(
        event=event,
        sentence_key=" ".join(_words(event.sentence)),
        words=frozenset(w for w in _words(event.sentence) if w not in _STOPWORDS),
        names=_names(event),
    )


def _words(text: str) -> list[str]:
    """Lowercased word tokens, punctuation and spacing dropped."""
    return _WORD.findall(text.lower())


def _names(event: Event) -> frozenset[str]:
    """Lowercased name words: the participants' and the sentence's capitalized words."""
    found = {word for participant in event.participants for word in _words(participant)}
    for match in _CAPITALIZED.finditer(event.sentence):
        found.update(_words(match.group()))
    return frozenset(found - _NOT_NAMES)


def _date_key(value: str) -> str:
    """The TIMEX3 value without its clock time or part of day: a day and its hours agree."""
    return value.split("T", 1)[0] if re.match(r"\d{4}-\d\d-\d\dT", value) else value


def _trigger_class(text: str) -> str:
    """A crude lemma of the trigger's last word; every verb or noun of speaking is one class."""
    words = _words(text)
    if not words:
        return ""
    lemma = _lemma(words[-1])
    return _SPEAKING_CLASS if lemma in _SPEAKING else lemma


def _lemma(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, replacement in _SUFFIXES:
        stem = word[: -len(suffix)] + replacement
        if word.endswith(suffix) and len(stem) >= 3:
            word = stem
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _bucket_key(event: Event) -> tuple[str, str]:
    return _date_key(event.when.value), _trigger_class(event.trigger.text)


def _similar(first: _Report, second: _Report) -> bool:
    if first.sentence_key == second.sentence_key:
        return True
    union = first.words | second.words
    if union and len(first.words & second.words) / len(union) >= _MIN_JACCARD:
        return True
    return len(first.names & second.names) >= _MIN_SHARED_NAMES


# ----------------------------------------------------------------------------- grouping


def _group(bucket: list[_Report]) -> list[list[_Report]]:
    """Connected groups of similar reports (union-find), each in input order.

    Reports with the same normalized sentence are joined outright; the others are compared
    only when :func:`_candidate_pairs` says they might be similar, which keeps a large bucket
    from costing a comparison per pair.
    """
    parent = list(range(len(bucket)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_sentence: dict[str, int] = {}
    for i, report in enumerate(bucket):
        parent[i] = by_sentence.setdefault(report.sentence_key, i)
    distinct = list(by_sentence.values())
    for a, b in _candidate_pairs([bucket[i] for i in distinct]):
        first, second = distinct[a], distinct[b]
        if root(first) != root(second) and _similar(bucket[first], bucket[second]):
            parent[root(second)] = root(first)
    groups: dict[int, list[_Report]] = {}
    for i, report in enumerate(bucket):
        groups.setdefault(root(i), []).append(report)
    return list(groups.values())


def _candidate_pairs(reports: list[_Report]) -> list[tuple[int, int]]:
    """Index pairs that may pass :func:`_similar` (prefix filtering), in sorted order.

    With tokens ordered rarest first, two word sets with Jaccard ≥ t share a token among
    the first ``n - ceil(t·n) + 1`` of each; two name sets sharing two names share one among
    the first ``n - 1`` of each. Only reports sharing such a prefix token are compared.
    """
    counts = Counter(token for report in reports for token in _tokens(report))
    index: dict[tuple[str, str], list[int]] = {}
    for k, report in enumerate(reports):
        for token in _prefix(report, counts):
            index.setdefault(token, []).append(k)
    pairs = {pair for ids in index.values() for pair in itertools.combinations(ids, 2)}
    return sorted(pairs)


def _tokens(report: _Report) -> list[tuple[str, str]]:
    return [("w", word) for word in report.words] + [("n", name) for name in report.names]


def _prefix(report: _Report, counts: Counter[tuple[str, str]]) -> list[tuple[str, str]]:
    def rarest_first(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted(tokens, key=lambda token: (counts[token], token))

    words = rarest_first([("w", word) for word in report.words])
    names = rarest_first([("n", name) for name in report.names])
    keep_words = len(words) - math.ceil(_MIN_JACCARD * len(words)) + 1 if words else 0
    keep_names = max(len(names) - _MIN_SHARED_NAMES + 1, 0)
    return words[:keep_words] + names[:keep_names]


def _mentions_of(event: Event) -> tuple[EventMention, ...]:
    if event.mentions:
        return event.mentions
    return (EventMention(span=event.span, trigger=event.trigger, when=event.when),)


def _mention_order(mention: EventMention) -> tuple[int, int, int, int]:
    return (
        mention.span.start,
        mention.trigger.span.start,
        mention.trigger.span.end,
        mention.when.start,
    )


def _text_order(event: Event) -> tuple[int, int, int, int]:
    return _mention_order(event.mentions[0])


def _combine(group: list[_Report]) -> Event:
    """One event from a group of reports: the earliest report's fields, every mention."""
    mentions = sorted(
        {mention for report in group for mention in _mentions_of(report.event)},
        key=_mention_order,
    )
    events = sorted(
        (report.event for report in group), key=lambda e: _mention_order(_mentions_of(e)[0])
    )
    first = events[0]
    return attrs.evolve(
        first,
        mentions=tuple(mentions),
        participants=_unique(p for event in events for p in event.participants),
        attribution=_first_given(event.attribution for event in events),
        location=_first_given(event.location for event in events),
        qualifiers=_unique_by_value(q for event in events for q in event.qualifiers),
    )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _first_given(items: Iterable[str | None]) -> str | None:
    return next((item for item in items if item is not None), None)


def _unique_by_value(items: Iterable[TimeExpression]) -> tuple[TimeExpression, ...]:
    seen: dict[str, TimeExpression] = {}
    for item in items:
        seen.setdefault(item.value, item)
    return tuple(seen.values())


# ----------------------------------------------------------------------------- ids


def _with_ids(events: list[Event]) -> tuple[Event, ...]:
    used: set[str] = set()
    result = []
    for event in events:
        identifier = _event_id(event)
        counter = 0
        while identifier in used:
            counter += 1
            identifier = _event_id(event, salt=counter)
        used.add(identifier)
        result.append(attrs.evolve(event, id=identifier))
    return tuple(result)


def _event_id(event: Event, salt: int = 0) -> str:
    """First hex digits of SHA-256 over the time value, normalized title and trigger offsets."""
    first = event.mentions[0].trigger.span if event.mentions else event.trigger.span
    title = " ".join(_words(event.title))
    payload = f"{event.when.value}\x1f{title}\x1f{first.start}:{first.end}\x1f{salt}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:_ID_LENGTH]
