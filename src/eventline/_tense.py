"""The tense of the clause around a mention, from auxiliaries and verb forms."""

from __future__ import annotations

import enum
import itertools
import re
from typing import NamedTuple

from eventline.lexicon import WordLists

__all__ = ["Tense", "decided_at", "pluperfect_at", "reported_subject_at", "tense_at", "will_at"]


class Tense(enum.Enum):
    """Coarse tense: what a bare weekday or month name should be resolved towards."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"
    # a plan told in the past with no word of which side of now ("protesters planned a rally
    # on Saturday"): the nearest one, a weekday too (with no cue at all, a weekday is past)
    NEAREST = "nearest"
    # a date set or moved, told in the past ("the vote was set for Friday", "was moved to April
    # 12", "postponed until Tuesday", "postponed a vote scheduled for March 27"): the nearest
    # one, a weekday the coming one
    SCHEDULED = "scheduled"
    # a plan given up, named in a past clause ("first set for January, was moved to Aug. 28"):
    # the past, or the near future; a weekday the coming one
    PLANNED = "planned"
    # a date something was put off to, told in the past ("postponed until March 3", "pushed
    # to 6/22", "extended to Oct. 31"): a later date than planned, so ahead unless just past;
    # a weekday the coming one
    POSTPONED = "postponed"


# "9am" is one word: its "am" is no verb
# a word; a name with an underscore is one ("Posted by sunflower_sat": no verb "sat")
_WORD = re.compile(r"\d+(?:[.,]\d+)*(?:[ap]m(?![A-Za-z]))?|[A-Za-z'](?:[A-Za-z']|_+[A-Za-z\d])*")
_QUOTE = re.compile(r"''|\"|\u201d")
_WINDOW = 14
# the full stop of an abbreviation the span leaves out, before the next sentence or paragraph
_ENDS_SENTENCE = re.compile(r"\.(?:\s*\n\s*\n|\s+[\"\u201c]?[A-Z])")
# a chat's lower-case short weekday before its full stop ends the sentence whatever the case of
# the next word ("yes thurs and fri. i took both days off"), as it ends the span
_CHAT_DAY_STOP = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.\s")
_REACH = 300  # characters: far more than _WINDOW words (14 words of 21 characters)
_TAKES_EFFECT = frozenset(("takes", "take", "goes", "go", "comes", "come", "enters", "enter"))
# "I'm free Thursday", "are you available Monday?": one offers the time to come
_AVAILABLE = frozenset(("free", "available", "unavailable", "busy"))
_AWAY = frozenset(("off", "out", "away", "back", "ooo"))
_BE_PAST = frozenset(("was", "were", "had", "been"))
_BE_PRESENT = frozenset(("am", "is", "are", "i'm", "we're", "you're", "he's", "she's", "they're"))
# "is" joined to its subject: "yes, it's still the 1st", as "the vote is on Friday"
_IT_IS = frozenset(("it's", "that's", "there's", "what's"))
# verbs that also mean to go elsewhere: they move a date only right before it ("move the call
# to Thursday", not "moved to Texas in March")
_MOVE = frozenset(("move", "moved", "moving", "push", "bump", "bumped"))
_LINKING = frozenset(("stay", "stays", "remain", "remains", "become", "becomes", "seem", "seems"))
# verbs of asking someone to act: what they are asked to do lies ahead ("mediators asked both
# sides to return to the table Sunday", "urged voters to turn out on Tuesday")
_REQUEST = frozenset(
    {
        *("asked", "asks", "ask", "urged", "urges", "urge", "invited", "invites", "invite"),
        *("pressed", "presses", "encouraged", "encourages", "told", "tells", "instructed"),
        *("ordered", "orders", "summoned", "begged", "challenged", "directed"),
        *("want", "wants", "wanted"),  # "voters want lawmakers to cut the tax on Tuesday"
        # "the group is urging residents to vote on Tuesday": a request being made
        *("asking", "urging", "inviting", "pressing", "encouraging", "telling", "ordering"),
        *("begging", "challenging", "directing", "wanting"),
    }
)
# a conjunction ends the mention's clause as a comma does: "broke off on Dec. 19 and will
# reopen Tuesday" (the "will" is the next verb's)
_CONJUNCTIONS = frozenset(("and", "but"))
# "Apple reports results Tuesday", "reports third-quarter earnings after the bell": a release
# announced ahead, unlike "the company reports a loss"
_RELEASE = frozenset(("report", "reports", "release", "releases"))
_RESULTS = frozenset(("results", "earnings"))
# a release's time of the market day: "reports after the close on Thursday", "report between
# Tuesday and Thursday", "reports before the bell"
_MARKET_HOURS = frozenset(
    ("after", "before", "the", "close", "bell", "open", "market", "markets", "on", "between")
)
_MARKET_MARKS = frozenset(("close", "bell", "open", "between"))
_RESULTS_BETWEEN = frozenset(
    {
        *("its", "their", "quarterly", "annual", "fiscal", "full", "year", "quarter", "half"),
        *("first", "second", "third", "fourth", "q1", "q2", "q3", "q4", "interim"),
    }
)
# "sales for June", "the jobs report for March": the month the figures cover, the nearest one
# whatever the verb ("will be reported Thursday" on July 1 is about the June just ended)
_FIGURES = frozenset(
    {
        *("sales", "report", "data", "figures", "figure", "index", "numbers", "payrolls"),
        "results",
        *("earnings", "statistics", "inflation", "output", "orders", "reading", "readings", "rate"),
        "prices",
    }
)
# a futures contract's month lies ahead (a contract is gone once its month is past): "the
# April contract", "the April gold contract", "May futures", "Brent crude for April"
_CONTRACTS = frozenset(("contract", "contracts", "futures", "delivery"))
_COMMODITIES = frozenset(
    {
        *("crude", "oil", "brent", "gasoline", "gas", "gold", "silver", "copper", "platinum"),
        *("palladium", "wheat", "corn", "soybeans", "soybean", "oats", "cattle", "hogs"),
        *("coffee", "sugar", "cocoa", "cotton", "lumber"),
    }
)
# a futures market's words: "The April contract fell 31 cents" is not a labour contract
_MARKET_WORDS = _COMMODITIES | frozenset(
    {
        *("futures", "barrel", "bushel", "ounce", "cents", "exchange", "settled", "settle"),
        *("rose", "fell", "gained", "climbed", "slipped", "dropped", "eased", "traded"),
        *("expires", "expired", "expiring", "expiry"),
    }
)

# the kind of figures between a month and their noun: "December retail sales", "January's
# employment report", "the October consumer price index"
_FIGURE_KINDS = frozenset(
    {
        *("'s", "\u2019s", "retail", "jobs", "employment", "consumer", "producer", "price"),
        *("housing", "home", "factory", "payroll", "trade", "car", "auto", "vehicle", "store"),
        *("comparable", "durable", "goods", "industrial", "services", "manufacturing"),
    }
)


# what is foreseen for a period: "raised its forecast for the fourth quarter" said in
# September is this year's fourth quarter, whatever the verb's tense ("missed its target for
# March" is no forecast, and "the estimate for the fourth quarter was revised" is a figure's:
# the verb decides)
_FORESEEN = frozenset(
    {
        *("forecast", "forecasts", "outlook", "guidance", "projection", "projections"),
        *("expectations", "prediction", "predictions"),
    }
)


def _foreseen_follows(after: list[str]) -> bool:
    """Is the mention the period of a forecast: "its fourth-quarter earnings forecast"?"""
    for word in after[:3]:
        if word in _FORESEEN:
            return True
        if word not in _FIGURES and word not in _FIGURE_KINDS:
            return False
    return False


def figures_follow(after: list[str]) -> bool:
    """Do the words after a month name its figures ("December retail sales are due")?"""
    for word in after[:4]:
        if word in _FIGURES:
            return True
        if word not in _FIGURE_KINDS:
            return False
    return False


def _figures_told(after: list[str], words: WordLists) -> Tense:
    """The side of a month whose figures follow it: the nearest, unless told in the past.

    "July sales were the weakest in 15 years" (said in January) tells figures already out, so
    the July past; "will report September sales", "December retail sales are due" the nearest.
    """
    for at, word in enumerate(after[:4]):
        if word in _FIGURES:
            verb = after[at + 1] if at + 1 < len(after) else ""
            return Tense.PAST if verb in words.past and verb not in _PERFECT else Tense.NONE
    return Tense.NONE


_PERFECT = frozenset(("has", "have", "had", "'ve"))


# words that open another clause after a mention: "will go to a runoff on Dec. 6 after
# neither candidate won" reads its tense from "will", not from the "after" clause's verb
_SUBORDINATORS = frozenset(
    {
        *("after", "before", "when", "because", "since", "while", "although", "though"),
        *("unless", "whereas", "as", "who", "which", "whose", "where", "if"),
    }
)
# timetable verbs as participles: "with the match kicking off Sunday", "with orders opening
# Friday" (a clause with no finite verb: the fixture lies ahead)
_SCHEDULE_ING = frozenset(
    {
        *("kicking", "opening", "starting", "beginning", "closing", "ending", "resuming"),
        *("playing", "hosting", "facing", "premiering"),
        *("airing", "debuting", "reopening", "expiring"),
    }
)
# what a forecast tells of, as the subject of a verb in the present
_WEATHER = frozenset(
    {
        *("rain", "snow", "showers", "storms", "thunderstorms", "sleet", "hail", "fog"),
        *("clouds", "sunshine", "front", "winds", "frost", "drizzle", "flurries"),
    }
)
# nouns a weather word qualifies, no verbs of a forecast: "used three snow days in December"
_WEATHER_HEADS = frozenset(("days", "nights", "hours", "weeks"))
_THERE_IS = (["there's"], ["is"], ["'s"])
# a forecast's day as the subject of its sentence: "Sunday brings sunshine", "Friday looks
# dry and cooler", "Tuesday turns colder"
_FORECAST_VERBS = frozenset(("brings", "looks", "turns", "stays", "starts", "features"))
_FORECAST_WORDS = _WEATHER | {
    *("dry", "wet", "sunny", "cloudy", "windy", "rainy", "snowy", "stormy", "showery"),
    *("colder", "warmer", "cooler", "milder", "hotter", "breezy", "humid", "chilly"),
}


_DEADLINE_MODALS = frozenset(("will", "should", "must", "can", "could", "may", "might"))


def _participle_deadline(before: list[str], after: list[str]) -> bool:
    """Is the mention a participle's deadline before a modal: "ballots mailed by Friday will"?

    The participle names what is to be done by then; the modal after the mention is the
    verb of its clause.
    """
    return (
        len(before) > 2
        and before[0] == "by"
        and before[1].endswith("ed")
        and after[:1] != []
        and after[0] in _DEADLINE_MODALS
    )


def _forecast_subject(after: list[str]) -> bool:
    """Does a day open a forecast's sentence: a verb of the forecast, then its weather?"""
    return (
        bool(after) and after[0] in _FORECAST_VERBS and not _FORECAST_WORDS.isdisjoint(after[1:5])
    )


# the words a clause's subject may follow: "We know Monday is", "but Friday is"
_BEFORE_SUBJECT = frozenset(
    ("know", "knew", "think", "hope", "that", "because", "but", "and", "so", "if", "as")
)
_WEEKDAY_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def _weekday_is(text: str, start: int, end: int, before: list[str]) -> Tense | None:
    """Ahead for a bare weekday, the subject of "is": "We know Monday is busy"?

    A day told in the present as what it is lies ahead ("Friday is the deadline"); not after a
    preposition ("the run that began on Thursday is the first") nor a verb of saying, whose
    weekday is the day of saying ("officials said Monday is ..." is not read).
    """
    if text[end : end + 4] != " is " or (before and before[0] not in _BEFORE_SUBJECT):
        return None
    return Tense.FUTURE if _WEEKDAY_NAME.fullmatch(text, start, end) else None


# a notice's state in force: "A watch is in effect from Wednesday evening", "the ban remains in
# place until Friday", "the new rules are in force Monday"
_IN_FORCE = frozenset(("effect", "force", "place"))
_STATE_VERBS = frozenset(("is", "are", "remains", "remain", "stays", "stay"))
_STATE_PREPOSITIONS = frozenset(("from", "on", "until", "till", "til", "through", "starting"))


def _in_force(before: list[str]) -> bool:
    """Is the mention the day a notice's state is in force: "is in effect (from) Wednesday"?"""
    at = 1 if before and before[0] in _STATE_PREPOSITIONS else 0
    return (
        len(before) > at + 2
        and before[at] in _IN_FORCE
        and before[at + 1] == "in"
        and before[at + 2] in _STATE_VERBS
    )


def _ahead_cue(before: list[str], after: list[str]) -> Tense | None:
    """A plan the words on both sides of the mention tell of, looking ahead."""
    if _in_force(before):
        return Tense.FUTURE
    if not before and _forecast_subject(after):
        return Tense.FUTURE  # "Sunday brings sunshine", "Friday looks dry": a forecast's day
    if _participle_deadline(before, after):
        return Tense.FUTURE  # "bulbs planted by the weekend should settle in"
    if _status_ahead(after):
        return Tense.FUTURE  # "Friday's preview is still on", "Saturday's match is off"
    return None


# an event's standing told in the present: "is still on", "is off", "has been postponed"
_STATUS_BE = frozenset(("is", "are", "'s"))
_STATUS_FILLERS = frozenset(("still", "now", "officially", "definitely", "back"))
_STATUS = frozenset(
    {
        *("on", "off", "cancelled", "canceled", "postponed", "delayed", "rescheduled"),
        *("confirmed", "happening", "a-go"),
    }
)
_STATUS_PHRASES = (["sold", "out"], ["going", "ahead"], ["called", "off"], ["a", "go"])
_STATUS_NOUN_REACH = 2  # words of the event's name between the mention and its verb


def _status_ahead(after: list[str]) -> bool:
    """Is the mention's event said to be on, off or put off, now ("Friday's show is off")?

    The event's standing told in the present is that of one still to come: "Saturday's
    game is still on", "the concert on Sunday is cancelled", "Friday's match has been
    postponed" (not "was cancelled", told after the fact).
    """
    for index in range(min(len(after), _STATUS_NOUN_REACH + 1)):
        word = after[index]
        if word in ("has", "have") and after[index + 1 : index + 2] == ["been"]:
            rest = after[index + 2 : index + 4]
            return bool(rest) and rest[0] in _STATUS and rest[0] not in ("on", "off")
        if word in _STATUS_BE:
            rest = after[index + 1 : index + 4]
            if rest and rest[0] in _STATUS_FILLERS:
                rest = rest[1:]
            if rest[:1] in (["on"], ["off"]):  # "is still on", not "is on the agenda"
                return rest[1:2] in ([], ["despite"], ["for"], ["as"], ["and"], ["but"])
            return bool(rest) and (rest[0] in _STATUS or rest[:2] in _STATUS_PHRASES)
        if not word.isalpha():
            return False
    return False


_BOOKED = frozenset(("tickets", "tix", "seats", "bookings", "reservations", "occupancy"))
_WARN = frozenset(("warned", "warns", "warn", "warning"))
_FORECAST = _WEATHER | {"gusts", "gales", "gale", "storm", "flooding", "floods", "heatwave"}
# what a union or an operator warns of, as a forecast: "has warned of a further stoppage on
# 5th November" (not "warned of the dangers on Monday")
_THREATS = frozenset(
    {
        *("strike", "strikes", "stoppage", "stoppages", "walkout", "walkouts", "shutdown"),
        *("disruption", "delays", "cancellations", "closures"),
    }
)
# a modal before "have" is a perfect: "could have started on Sunday" is past
_MODALS = frozenset(("could", "might", "would", "may", "must"))
_HAVE = frozenset(("have", "'ve"))
# a subject before a bare "expected": "we expected a rise after Christmas" tells what was
# foreseen, on either side of the mention; "is expected to", "expected to" look ahead
_SUBJECTS = frozenset(("i", "we", "they", "he", "she", "you", "who"))
# "nobody expected us to be here in August": what was not foreseen has happened
_DOUBTERS = frozenset(("nobody", "few"))


def _tense_of(word: str, words: WordLists, *, guess: bool = True) -> Tense | None:
    """The tense a single word signals; ``guess`` also reads any "-ed" word as a past verb."""
    if word in words.future or word.endswith("'ll"):  # "I'll", "she'll"
        return Tense.FUTURE
    if word in words.past:
        return Tense.PAST
    if word in words.present:
        return Tense.PRESENT
    if guess and len(word) > 4 and word.endswith("ed") and word not in words.not_past:
        return Tense.PAST
    return None


# names kept as written: the month, not the modal "may"; the weekdays "Wed 4/18", "Sat 4/27",
# not the past verbs "wed" and "sat"; a tournament's "Open" ("lost at the Harbour Open in
# January"), not the timetable verb "open"
_AS_WRITTEN = frozenset(("May", "Wed", "Sat", "Open"))


_SHORT_SHIFTS = frozenset(("this", "next", "nxt"))
# prepositions no verb comes right after: "2 weeks from sat", "by wed", "on sat" are the days
_SHORT_DAY_PREPOSITIONS = frozenset(("from", "on", "by", "til", "till", "until", "thru"))
# what follows a weekday "sat" or "wed": a day of the month, a month and day, a numeric date,
# a part of day ("sat night?")
_SHORT_DAY = re.compile(
    r"\s+(?:the\s+(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b|\d{1,2}/\d"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|(?:morning|afternoon|evening|night|nite)\b(?!\s+after\b))"
)


def _words_in(text: str, begin: int, end: int) -> list[str]:
    """The words of ``text[begin:end]``, a weekday "sat" or "wed" written as the name.

    A lower-case "sat" or "wed" before a date or after "this" or "next" is the weekday
    ("party sat the 29th", "party sat dec 16", "off this sat"), no past verb.
    """
    found = _WORD.findall(text, begin, end)
    if "shot" in found:  # the cheap test first
        _shot_as_noun(found)
    if text.find("ed", begin, end) >= 0 and text.find("-", begin, end) >= 0:  # cheap tests
        _compound_adjectives(text, begin, end, found)
    if text.find("-", begin, end) >= 0 and _COMPOUND_HEAD.search(text, begin, end):
        _compound_heads(text, begin, end, found)
    if "sat" not in found and "wed" not in found:  # the cheap test first
        return found
    for index, match in enumerate(_WORD.finditer(text, begin, end)):
        word = match.group()
        if word not in ("sat", "wed"):
            continue
        before = found[index - 1].lower() if index > 0 else ""
        shifted = before in _SHORT_SHIFTS or before in _SHORT_DAY_PREPOSITIONS  # "this sat"
        if shifted or _SHORT_DAY.match(text, match.end()):
            found[index] = word.capitalize()
    return found


# what names a "shot" as a noun before it: "a flu shot", "the booster shot", "her second shot"
_SHOT_NOUN_BEFORE = frozenset(
    {
        *("a", "the", "one", "first", "second", "third", "his", "her", "their", "your", "my"),
        *("flu", "booster", "covid", "measles", "tetanus", "allergy", "insulin", "vaccine"),
    }
)


def _shot_as_noun(found: list[str]) -> None:
    """Mark "shot" after a determiner or a vaccine's name ("flu shot clinics") as no past verb."""
    for index, word in enumerate(found):
        if word == "shot" and index > 0 and found[index - 1].lower() in _SHOT_NOUN_BEFORE:
            found[index] = "a-shot"


# a compound adjective in "-ed" after a hyphen: "play top-seeded Hartford", "a city-owned lot";
# not a verb with a prefix ("re-opened", "co-founded", "fast-tracked", "live-streamed")
_COMPOUND_ED = re.compile(r"(?<=[A-Za-z])-[a-z]{3,}ed(?![\w-])")
_VERB_PREFIXES = frozenset(
    {
        *("re", "co", "pre", "un", "de", "mis", "out", "over", "under", "cross", "double"),
        *("fast", "live", "self", "back", "hand", "spot", "test", "up", "down", "x"),
    }
)


def _compound_adjectives(text: str, begin: int, end: int, found: list[str]) -> None:
    """Mark the "-ed" word of a hyphenated compound ("top-seeded") as no past verb."""
    if _COMPOUND_ED.search(text, begin, end) is None:
        return
    for index, match in enumerate(_WORD.finditer(text, begin, end)):
        at = match.start()
        if index == 0 or not _COMPOUND_ED.match(text, at - 1):
            continue
        if found[index - 1].lower() not in _VERB_PREFIXES:
            found[index] += "-"


# a word joined by a hyphen to the word after it: the head of a compound noun
_COMPOUND_HEAD = re.compile(r"(?:read|set|shut|run|put|cut|let|hit)-[a-z]")


def _compound_heads(text: str, begin: int, end: int, found: list[str]) -> None:
    """Mark a bare past form that opens a hyphenated noun ("a read-out", "the shut-down")."""
    for index, match in enumerate(_WORD.finditer(text, begin, end)):
        if _COMPOUND_HEAD.match(text, match.start()) and match.end() - match.start() <= 4:
            found[index] += "-"


_LOWER_DAY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)")
# a weekday cut short as a post or a notice writes it, not as news does ("Extra trains Thurs
# night", "Few tix left for Sat nite")
# a day's opening hours after it, a notice's timetable
_HOURS_AFTER = re.compile(
    r" from (?:1[0-2]|[1-9])(?::[0-5]\d)?\s?[ap]\.?m\.? (?:to|until|till|til|-) "
    r"(?:(?:1[0-2]|[1-9])(?::[0-5]\d)?\s?[ap]\.?m\b|noon|midnight)",
    re.I,
)
_CUT_DAY = re.compile(r"(?:Mon|Tues?|Weds?|Thu|Thurs?|Fri|Sat|Sun)(?![\w.])")
_CLAUSE_STOP = re.compile(r"[.!?\n]")
# a to-do list's line: a bullet and a word in lower case ("- dentist tues 3:30")
_NOTE_ITEM = re.compile(r"[-*] [a-z]")


def chat_plan(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Is a weekday with no past in its clause a plan, as chat and notes write one?

    Written in lower case ("costco run saturday", "he needs it back sunday morning") or cut
    short ("Extra trains Thurs night"), in a
    question ("Drinks Friday?") or on a lower-case line of a to-do list ("- pay rent on the
    1st"), it is the coming day.
    """
    if _LOWER_DAY.match(text, start) or _CUT_DAY.match(text, start):
        return True
    if text.startswith(" from ", end) and _HOURS_AFTER.match(text, end):
        return True  # a notice's hours: "Free salt at the DPW yard Thursday from 8am to noon"
    if text.startswith(("- ", "* "), line := text.rfind("\n", 0, start) + 1) and (
        _NOTE_ITEM.match(text, line)
    ):
        return True  # a line of notes: "- pay rent on the 1st"
    stop = _CLAUSE_STOP.search(text, end, min(sentence[1], end + 40))
    return stop is not None and stop.group() == "?"


def tense_at(text: str, sentence: tuple[int, int], start: int, end: int, words: WordLists) -> Tense:
    """The tense governing ``text[start:end]`` inside ``sentence``: the nearest cue wins.

    Cues before the mention are read backwards and those after it forwards, alternating by
    distance, so "said on Thursday" is past and "Thursday, officials will" is future.
    """
    # Only the nearest words count, so only a stretch of text around the mention is read: a
    # long "sentence" (a list, a table) then costs no more per mention than a short one.
    reach = _after_label(text, max(sentence[0], start - _REACH), start)
    raw = _words_before(text, reach, sentence[0], start)
    raw.reverse()
    before = [w if w in _AS_WRITTEN else w.lower() for w in raw]
    limit = min(sentence[1], end + _REACH)
    stop = _QUOTE.search(text, end, limit)  # "... Thursday,'' Castro said": not its verb
    until = stop.start() if stop else limit
    semicolon = text.find(";", end, until)  # "... go out in March; for a house assessed at"
    until = semicolon if semicolon >= 0 else until
    # "New hours starting Sept 1: closed Mondays": a heading's colon ends its clause (a date
    # that labels a line, "June: Talks broke down", takes the tense of what it labels)
    colon = text.find(": ", end, until)
    if colon >= 0 and not text[sentence[0] : start].isspace() and sentence[0] < start:
        until = colon
    if _ENDS_SENTENCE.match(text, end, until):
        until = end  # "at 10 a.m. Inspectors found ...": the stop left out of the span ends it
    elif text[start : start + 1].islower() and (chat := _CHAT_DAY_STOP.search(text, end, until)):
        until = chat.start() + chat.group().index(".")  # "yes thurs and fri. i took both days off"
    after_words = _words_after(text, end, until)
    after = [w if w in _AS_WRITTEN else w.lower() for w in after_words]
    after, result = _possessive(text, end, after)
    comma = text.find(",", end, until)
    # (only a count below the window's matters: the clause's own end bounds it)
    last_before_comma = _count_words(text, end, comma) - 1 if comma >= 0 else len(after)
    # a conjunction or a subordinator ends the mention's clause as a comma does
    reported = "that" in after and _reporting(before, words)
    clause = next(
        (
            i
            for i, word in enumerate(after)
            if word in _CONJUNCTIONS or word in _SUBORDINATORS or (reported and word == "that")
        ),
        len(after),
    )
    last_before_comma = min(last_before_comma, clause - 1)
    # "Sun: closed" in a week's schedule: the label's state, a timetable, no past verb
    label = bool(after) and after[0] in _STATES and text.startswith(": ", end)
    fixed = (
        Tense.FUTURE if label and _opens_line(text, start) else _fixed_side(before, after, words)
    )
    if fixed is not None:
        return fixed
    if result or _reduced_relative(before, words) or _event_on(before, words):
        # "a suit filed by three customers in April is set for trial"; "will go into
        # Christmas top after Saturday's 2-1 win": a result already known
        return Tense.PAST
    plan = _plan_cue(before) or _ahead_cue(before, after) or _weekday_is(text, start, end, before)
    if plan is not None:
        return plan
    participle = _plan_participle(before)
    # "will see the first instalment taken on 1 April": the participle is the object's, the
    # clause's tense the verb's before it
    complement = not participle and _complement_participle(before, words)
    skip = 1 if participle or complement else -1
    # a day's release is no month of figures: "waiting for Friday's report" looks ahead
    day = text[start:end].lower().endswith("day")
    around = _Around(raw, before, after, last_before_comma, skip=skip, day=day)
    found = _clause_tense(text, sentence, start, around, words)
    if found is Tense.NONE and len(after) >= _WINDOW and _fronted(text, before, end):
        found = _main_clause_tense(text, end, until, words) or found
    if found is Tense.NONE and before[:1] == ["from"] and _headline(text, sentence):
        found = Tense.FUTURE  # a headline's "Early closures from Monday": a start ahead
    if not participle:
        return found
    # "postponed a vote scheduled for March 27", "first set for January, was moved to Aug.
    # 28": a plan named in a past clause; "Vote scheduled for Thursday": ahead
    if found is Tense.PAST:
        superseded = len(before) > 2 and before[2] in _SUPERSEDED  # "first set for January"
        return Tense.PLANNED if superseded else Tense.SCHEDULED
    return Tense.FUTURE if found in (Tense.NONE, Tense.NEAREST) else found


def _headline(text: str, sentence: tuple[int, int]) -> bool:
    """Is the sentence a headline: one capitalized line with no stop at its end?"""
    line = text[sentence[0] : sentence[1]].strip()
    return bool(line) and line[0].isupper() and "\n" not in line and line[-1] not in ".!?:;,"


_REPORT_REACH = 8  # words back from the mention to the verb of saying a "that" clause reports


def _reporting(before: list[str], words: WordLists) -> bool:
    """Is the mention in a clause of saying, so that a "that" after it opens what was said?

    "told supporters at a downtown hotel at 1:45 a.m. that her party would try": the time
    of the telling, past; the reported clause's "would" is not its verb.
    """
    return any(word in words.speech for word in before[:_REPORT_REACH])


# the prepositions of a date that opens its sentence: "In January, ..."
_FRONTING = frozenset(("in", "on", "during", "at", "by"))
_FRONTED_WINDOW = 32  # words: the main clause after a fronted date and a long adjunct


def _fronted(text: str, before: list[str], end: int) -> bool:
    """Does the mention open its sentence as an adjunct set off by a comma ("In January, ...")?"""
    return len(before) == 1 and before[0] in _FRONTING and text.startswith(",", end)


def _main_clause_tense(text: str, end: int, until: int, words: WordLists) -> Tense | None:
    """The tense of the main clause after a fronted date, past the nearest words.

    "In January, a week after the 25th anniversary of the ruling, a clinic bombing in
    Birmingham, Ala., killed a guard": the verb is the first finite one, however far; an
    "-ed" word after a determiner is an adjective ("a wounded nurse"), not the verb.
    """
    found = _WORD.findall(text, end, until)[:_FRONTED_WINDOW]
    previous = ""
    for word in found:
        lower = word.lower()
        if previous not in words.determiners:
            tense = _tense_of(lower, words)
            # far from the date, a plan's word is mostly a noun ("set aside vacation plans")
            if tense is not None and (tense is not Tense.FUTURE or lower in _WILL):
                return tense
        previous = lower
    return None


_UNTIL_LISTS = [["until"], ["till"]]
_HAVE_PRESENT_LISTS = [[word] for word in ("has", "have", "'ve")]
_PERFECT_STATE_REACH = 8  # words: "has closed the main road through the town until Monday"


def _perfect_state(before: list[str]) -> bool:
    """Is the clause before "until" a present perfect ("has closed the road until Monday")?

    What has been done and holds now lasts until the date, so the date is ahead; not "had
    closed" nor "closed" alone, which may tell of a state already over.
    """
    for at in range(2, min(len(before), _PERFECT_STATE_REACH)):
        participle = before[at - 1].endswith("ed") or before[at - 1] in _STATE_PARTICIPLES
        if before[at] in _HAVE_PRESENT and participle:
            return True
        # the passive: "the road has been closed until Monday"
        if before[at] == "been" and participle and before[at + 1 : at + 2] in _HAVE_PRESENT_LISTS:
            return True
        if before[at] in _BE_PAST or before[at] == "'d":
            return False
    return False


# irregular participles of a state that lasts: "has shut the plant until March"
_STATE_PARTICIPLES = frozenset(("shut", "set", "put", "kept", "held", "left", "frozen", "been"))


# Most mentions have far more than _WINDOW words within _REACH characters: the words are
# first read from a nearer stretch, and from the whole reach only when that holds too few.
_NEAR = 120


def contract_follows(after: list[str]) -> bool:
    """Do the words after a month name a futures contract ("May futures", "April gold contract")?"""
    kind = after[1:2] if after[:1] and after[0] in _COMMODITIES else after[:1]
    return bool(kind) and kind[0] in _CONTRACTS and kind[0] != "delivery"


def _fixed_side(before: list[str], after: list[str], words: WordLists) -> Tense | None:
    """The side a mention takes whatever its clause: "effective Feb. 1", "May futures"."""
    if before and before[0] in words.effective:
        return Tense.NONE  # "effective Feb. 1": when a change takes hold, either side of now
    if before[:1] in _UNTIL_LISTS and _perfect_state(before):
        return Tense.FUTURE  # "has banned firecrackers until 1 January": the state lasts on
    return Tense.FUTURE if _futures_month(before, after) else None


def _futures_month(before: list[str], after: list[str]) -> bool:
    """Does the mention name a futures contract's month ("the April gold contract")?"""
    if before[:1] == ["for"] and before[1:2] and before[1] in _COMMODITIES:
        return True  # "Brent crude for April settled at $34.66"
    named = bool(after) and after[0] in _COMMODITIES  # "the April gold contract"
    kind = after[1] if named and len(after) > 1 else after[0] if after else ""
    if kind not in _CONTRACTS:
        return False
    if named or kind not in ("contract", "contracts"):
        return True  # "May futures", "gold for June delivery"
    return not _MARKET_WORDS.isdisjoint(before + after)  # not a labour contract


def _words_before(text: str, reach: int, begin: int, start: int) -> list[str]:
    """The last _WINDOW words of ``text[reach:start]`` (``begin``: the sentence's start)."""
    near = start - _NEAR
    if near > reach:
        # the nearer stretch's first word may be cut in two, so it is left out; with more
        # words than the window after it, the last ones are those of the whole reach
        words = _no_clock_am(_words_in(text, near, start)[1:])
        if len(words) > _WINDOW:
            return words[-_WINDOW:]
    found_words = _words_in(text, reach, start)
    if reach > begin and text[reach - 1].isalnum():
        found_words = found_words[1:]  # the window cut the first word in two
    return _no_clock_am(found_words)[-_WINDOW:]


def _words_after(text: str, end: int, until: int) -> list[str]:
    """The first _WINDOW words of ``text[end:until]``, clock times' "am" left out."""
    near = min(until, end + _NEAR)
    found = _words_in(text, end, near)
    if near < until:
        found = found[:-1]  # the nearer stretch may cut its last word in two
    words = _no_clock_am(found)
    # (a first "am" is checked against the last word: read them all then)
    first_am = bool(found) and found[0] in ("am", "AM")
    if not first_am and (len(words) >= _WINDOW or near == until):
        return words[:_WINDOW]
    return _no_clock_am(_words_in(text, end, until))[:_WINDOW]


def _count_words(text: str, start: int, end: int) -> int:
    """The number of words in ``text[start:end]``, counted up to one more than the window."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text, start, end), _WINDOW + 1))


class _Around(NamedTuple):
    """The words around a mention: before it (as written and lower-cased, read backwards)."""

    raw: list[str]
    before: list[str]
    after: list[str]
    last_before_comma: int  # the index in ``after`` of the last word of the mention's clause
    skip: int  # a word before the mention that is no cue (a plan's participle), or -1
    day: bool = False  # the mention is a day ("Friday's report"), not a month of figures


# the words before a mention that may be its clause's subject: a clause opener or a
# preposition after a noun ("Sales in the second half should rise")
_SUBJECT_OPENERS = frozenset(
    ("but", "and", "that", "while", "because", "if", "in", "for", "during")
)


def _clause_tense(
    text: str,
    sentence: tuple[int, int],
    start: int,
    around: _Around,
    words: WordLists,
) -> Tense:
    """The nearest cue's tense, the word at ``around.skip`` before the mention left out."""
    raw, before, after, last_before_comma, skip, day = around
    later: Tense | None = None  # a cue after a comma: only if nothing before the mention says
    # "but the second half should look better": the mention may be the modal's subject (not
    # "knocked out power to 40,000 homes Friday night should break Tuesday")
    subject = not before or before[0] in _SUBJECT_OPENERS
    for distance in range(_WINDOW):
        if distance < len(before) and distance != skip and not _to_name(raw, before, distance):
            found = _cue_before(before, distance, words)
            if found is None and _infinitive_or_request(raw, before, distance, words):
                found = _infinitive_tense(text, sentence, before, distance, words)
            if found is not None:
                return found
        found = (
            _cue_after(after, distance, words, day=day, subject=subject)
            if distance < len(after)
            else None
        )
        if found is None or later is not None:
            continue
        if distance <= last_before_comma:
            return found
        # "The minister, who took office in November, will resign": "will" is another
        # clause's; and "... in early March, an official said" is an attribution.
        if not (len(before) > 2 and after[distance] in words.speech):
            later = found
    if later is None and _imperative(text, sentence[0], start, words):
        return Tense.FUTURE  # "Call me Friday", "Join us on Saturday at noon"
    if later is None and _rite_notice(text, sentence[0], start):
        return Tense.FUTURE  # a death notice's "Mass of Christian Burial 10 a.m. Friday"

    return later or Tense.NONE


def _to_name(raw: list[str], before: list[str], distance: int) -> bool:
    """Is the word at ``distance`` the preposition "to" before a name ("called to Riverside")?

    No infinitive begins with a capital outside a title-case headline: "were called to
    Riverside Park at 11:52 p.m. Wednesday" is no plan, as "plans to close" is.
    """
    if before[distance] != "to" or distance == 0 or distance + 1 >= len(raw):
        return False
    # a headline in title case capitalizes its verbs: "Council Set to Vote Friday"
    return raw[distance - 1][:1].isupper() and raw[distance + 1][:1].islower()


# words that may be planned for a date: "the vote was set for Friday", "a vote scheduled for
# March 27"; so is a ban or a strike declared or announced for one ("total fire bans have been
# declared for Saturday and Sunday")
_SET_FOR = frozenset(
    ("scheduled", "slated", "set", "rescheduled", "planned", "declared", "announced")
)


# a plan given up for another: "Jury selection, first scheduled for March 22, was moved"
_SUPERSEDED = frozenset(("first", "originally", "initially", "previously", "once"))
# adverbs between "is" and a plan's participle: "is now set for", "is tentatively scheduled for"
_PLAN_ADVERBS = frozenset(("now", "still", "tentatively", "currently", "again", "provisionally"))


# proceedings set for a date: "set the case for trial on Sept. 9", "set it for a hearing on"
_PROCEEDINGS = frozenset(("trial", "hearing", "sentencing", "arraignment", "argument", "retrial"))
_ACTIVE_SET = frozenset(("set", "sets", "scheduled", "schedules", "rescheduled"))


def _set_by_act(before: list[str]) -> bool:
    """Is the date one an act sets, "the judge set the case for trial on Sept. 9"?

    What is set follows the setting, and news tells it soon after: the date lies ahead (not
    the passive "was set for Friday", which may be told after the day).
    """
    if before[:1] == ["for"]:
        at = 0  # "set the hearing for March 19"
    elif before[:1] == ["on"] and before[1:2] and before[1] in _PROCEEDINGS:
        at = 3 if before[2:3] == ["a"] else 2  # "for trial on", "for a hearing on"
        if before[at : at + 1] != ["for"]:
            return False
    else:
        return False
    for index in range(at + 2, min(at + 5, len(before))):
        if before[index] in _ACTIVE_SET:
            following = before[index + 1] if index + 1 < len(before) else ""
            return following not in _BE_PAST and following not in _BE_PRESENT and following != "be"
    return False


def _without_plan_adverb(before: list[str]) -> list[str]:
    """The words before a plan's "for" without an adverb after its participle.

    "is now set for Saturday", "was tentatively scheduled for March" read as "is set for".
    """
    if len(before) > 3 and before[0] == "for" and before[2] in _PLAN_ADVERBS:
        return before[:2] + before[3:]
    return before


# a place between a plan's participle and its "for": "declared across the Sydney basin for"
_PLAN_PLACES = frozenset(("across", "in", "throughout", "at"))


def _without_plan_place(before: list[str]) -> list[str]:
    """The words before a plan's "for" without a short place phrase after its participle.

    "bans have been declared across the Sydney basin for Saturday" reads as "declared for".
    """
    if before[:1] != ["for"] or (len(before) > 1 and before[1] in _SET_FOR):
        return before
    for at in range(3, min(7, len(before))):
        if before[at] in _SET_FOR and before[at - 1] in _PLAN_PLACES:
            return before[:1] + before[at:]
    return before


def _plan_cue(before: list[str]) -> Tense | None:
    """The tense of a date planned in the past tense: "was set for Friday", "had been set for"."""
    if _set_by_act(before):
        return Tense.FUTURE
    before = _without_plan_place(_without_plan_adverb(before))
    if len(before) < 3 or before[0] != "for" or before[1] not in _SET_FOR:
        return None
    if before[2] in _BE_PAST - {"been", "had"}:
        return Tense.SCHEDULED  # "the vote was set for Friday": the coming one
    if before[2] == "been" and len(before) > 3:
        return Tense.PAST if before[3] == "had" else Tense.SCHEDULED
    return None


def _plan_participle(before: list[str]) -> bool:
    """Is the date a participle's plan ("a vote scheduled for March 27"), with no auxiliary?"""
    if len(before) < 2 or before[0] != "for" or before[1] not in _SET_FOR:
        return False
    before = _without_plan_adverb(before)
    following = before[2] if len(before) > 2 else ""
    return following not in _BE_PAST and following not in _BE_PRESENT and following != "be"


# relative pronouns: "urged residents who have not voted to go Tuesday" asks the residents
_RELATIVES = frozenset(("who", "that", "whom"))


_OF_REACH = 6  # words: "urged owners of flat-roofed buildings to ..."


def _requested(before: list[str], index: int) -> bool:
    """Is the infinitive whose "to" is at ``index`` asked of someone ("urged them to vote")?

    The request may be further back when its object has a relative clause: "urged residents
    who have not voted to go Tuesday", or an "of" after its noun: "urged owners of
    flat-roofed buildings to have the snow cleared".
    """
    for at in range(index + 1, min(index + 9, len(before))):
        if before[at] in _REQUEST:
            between = before[index + 1 : at]
            # a longer object, a noun with its phrase: "urged owners of flat-roofed buildings
            # to have the snow cleared"; "ordered all schools in the district to stay closed"
            # when no clause word or past verb stands in it
            plain = at <= index + _OF_REACH and (
                "of" in between
                or (
                    not _NOUN_PHRASE.isdisjoint(between)
                    and not any(w.endswith("ed") or w in _CLAUSE_WORDS for w in between)
                )
            )
            return at <= index + 4 or plain or not _RELATIVES.isdisjoint(between)
    return False


_CLAUSE_WORDS = frozenset(("and", "but", "or", "which", "when", "as", "after", "before", "while"))
_NOUN_PHRASE = frozenset(("in", "of", "at", "across", "from"))


def _infinitive_or_request(raw: list[str], before: list[str], index: int, words: WordLists) -> bool:
    """An infinitive's "to", or a request's "to" before a noun-like verb ("urged them to vote").

    So is a request's "to have" ("urged owners to have the snow cleared before the weekend").
    """
    if _infinitive(raw, index, words):
        return True
    return (
        index > 0
        and raw[index].lower() == "to"
        and (raw[index - 1] in words.to_nouns or raw[index - 1] == "have")
        and _requested(before, index)
    )


# past forms of a verb of deciding or asking: what was decided or asked follows the decision
_DECIDED = frozenset(
    {
        *("agreed", "decided", "voted", "planned", "promised", "vowed", "ordered", "asked"),
        *("urged", "told", "invited", "pressed", "instructed", "directed", "threatened"),
    }
)


def decided_at(text: str, sentence: tuple[int, int], start: int, words: WordLists) -> bool:
    """Is the mention the time of an act decided or asked in the past ("agreed to close ...")?

    "Officials agreed Monday to close the road Tuesday": the closing follows the agreeing.
    """
    raw = _WORD.findall(text, max(sentence[0], start - 200), start)[-_WINDOW:]
    raw.reverse()
    before = [w.lower() for w in raw]
    for index, word in enumerate(before):
        if word in _DECIDED and index >= 1:
            return False  # the decision itself, not an act after it
        if word == "to" and _infinitive_or_request(raw, before, index, words):
            return not _DECIDED.isdisjoint(before[index + 1 : index + 4])
    return False


# a result named after a possessive day is one already known: "Saturday's 2-1 win"
_RESULT_NOUNS = frozenset(
    (
        *("win", "victory", "defeat", "draw", "triumph", "thrashing", "rout"),
        # what no one schedules is told after it happens: "Police are investigating Monday's
        # shooting" (not "preparing for Monday's storm", which a forecast may announce)
        *("shooting", "shootings", "crash", "attack", "attacks", "bombing", "explosion"),
        *("blast", "fire", "blaze", "stabbing", "killing", "killings", "accident"),
        *("collision", "collapse", "earthquake", "quake", "derailment", "robbery", "break-in"),
        *("riot", "riots", "clashes", "violence", "outage", "leak", "spill"),
    )
)


def _possessive(text: str, end: int, after: list[str]) -> tuple[list[str], bool]:
    """The words after a mention without its "'s", and whether they name a result.

    "Sunday's election": a possessive, not "is"; "Saturday's 2-1 win": a result, past a score.
    """
    if not (after and after[0] == "'s" and text.startswith("'s", end)):
        return after, False
    words = [w for w in after[1:5] if not w.isdigit()]
    return after[1:], bool(words) and words[0] in _RESULT_NOUNS


_EVENT_REACH = 9  # words back from "on" to "the" before the event noun


def _event_on(before: list[str], words: WordLists) -> bool:
    """Is the mention the day of an event no one schedules, named before it with "the"?

    "Expect questions about the attack on the consulate in Benghazi on Sept. 11": the attack
    is told after it happened, whatever the clause's tense (as "Monday's shooting"); not in
    a clause with a "will".
    """
    if not before or before[0] != "on" or any(word in _AHEAD_VERBS for word in before):
        return False  # "will hold a briefing on the fire on Monday": the briefing's day
    return any(
        before[index] in _RESULT_NOUNS and before[index + 1] == "the"
        for index in range(1, min(len(before) - 1, _EVENT_REACH))
    )


def _no_clock_am(found: list[str]) -> list[str]:
    """The words without the "am" of a clock time ("until 6am on Tuesday" has no "I am")."""
    if "am" not in found and "AM" not in found:
        return found
    return [w for i, w in enumerate(found) if not (w in ("am", "AM") and found[i - 1].isdigit())]


def _after_label(text: str, reach: int, start: int) -> int:
    """Where the words before a mention begin: after a label's colon, if one comes between.

    "Brexit explained: what happens between now and October 31": the label has no verb of the
    mention's.
    """
    label = text.rfind(": ", reach, start)
    if (
        label >= 0
        and not text[label - 1 : label].isdigit()
        and not _in_title(text, reach, label, start)
    ):
        return label + 1
    return reach


def _in_title(text: str, reach: int, label: int, start: int) -> bool:
    """Is the colon inside a quoted title closed before the mention?

    'will open "Fire and Sand: Venetian Glass" on Thursday': a title's colon is no label.
    """
    opened = text[reach:label]
    straight = opened.count('"') % 2 == 1 and '"' in text[label:start]
    curly = opened.count("\u201c") > opened.count("\u201d") and "\u201d" in text[label:start]
    return straight or curly


# ages spoken after "turns": "she turns forty in May"
_AGE_WORDS = frozenset(
    (
        *("eighteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty"),
        *("ninety", "hundred"),
    )
)


_FIRST_WORD = re.compile(r"[\s\"'“‘(\[*-]*([A-Za-z]+(?:'[a-z]+)?)")


# words before a participle that make it a passive of their own tense ("will be decided by a
# jury in May") or an infinitive, not a participle heading its own clause
_NOT_REDUCED = frozenset(("be", "being", "been", "to", "is", "are", "am", "get", "gets"))


# verbs whose object a participle may follow: "will see the instalment taken", "have it done"
_CAUSATIVE = frozenset(("see", "sees", "have", "get", "gets", "want", "wants", "need", "needs"))
# participles not in "-ed"
_PARTICIPLES = frozenset(
    {
        *("taken", "given", "done", "made", "paid", "sent", "held", "cut", "put", "shown"),
        *("written", "built", "sold", "brought", "begun", "kept", "spent", "shut", "set"),
        "used",  # "cards used at its stores between Feb. 3 and April 28 may be affected"
    }
)
# a place between a participle and its date: "cards used at its 240 stores between Feb. 3"
_PLACE_PREPOSITIONS = frozenset(("at", "in"))


def _a_participle(word: str, words: WordLists) -> bool:
    """Is ``word`` a past participle that may head a clause ("announced", "taken")?"""
    if word in _PARTICIPLES:
        return True
    return (
        len(word) > 4
        and word.endswith("ed")
        and word not in words.not_past
        and word not in words.intent
        and word not in words.plans
    )


# a preposition between the participle and its date ("see the bill paid on 1 May"), or a
# phrasal verb's particle with no preposition, as chat writes it ("need her meds picked up friday")
_COMPLEMENT_LINKS = frozenset(("in", "on", "by", "up", "off", "out", "back", "down"))


def _complement_participle(before: list[str], words: WordLists) -> bool:
    """Is the date a participle's that completes a verb's object ("see the bill paid on 1 May")?"""
    if len(before) < 4 or before[0] not in _COMPLEMENT_LINKS or not _a_participle(before[1], words):
        return False
    for at in range(2, min(len(before), 6)):
        if before[at] in _CAUSATIVE:
            return at > 2  # an object between: "see the instalment taken", not "have taken"
        if before[at] in words.auxiliaries:
            return False
    return False


def _agentless(before: list[str], words: WordLists) -> bool:
    """Is the date a participle's after a noun ("the tariffs announced in April could ...")?"""
    at = _participle_at(before)
    if (
        at + 1 >= len(before)
        or not before[at].endswith("ed")
        or not _a_participle(before[at], words)
    ):
        return False
    noun = before[at + 1]
    if noun in _NOT_REDUCED or noun in words.auxiliaries or noun in words.determiners:
        return False
    if noun in _LINKING:  # "will stay closed on Christmas Day": a state, no participle's clause
        return False
    if not noun.isalpha() or noun in _PRONOUNS or _tense_of(noun, words, guess=False) is not None:
        return False
    return not _complement_participle(before, words)


_PRONOUNS = frozenset(("i", "you", "he", "she", "it", "we", "they", "who", "that", "which"))


def _participle_at(before: list[str]) -> int:
    """Where the participle before the date's preposition is: right before it, or before a place.

    "cards used at its 240 stores between Feb. 3": a place of up to three words between.
    """
    if before[0] != "between":
        return 1
    for at in range(2, min(len(before) - 1, 6)):
        if before[at] in _PLACE_PREPOSITIONS:
            return at + 1
    return 1


def _reduced_relative(before: list[str], words: WordLists) -> bool:
    """Is the mention in a participle's clause with its agent: "a suit filed by customers in April"?

    The participle is the verb of the clause the date belongs to, whatever the main verb
    after it ("... is scheduled for trial"), so the date is past; so it is with no agent
    after a noun: "the higher US tariffs announced in April could weigh on trade".
    """
    if not before or before[0] not in ("in", "on", "between"):
        return False
    if _agentless(before, words):
        return True
    for at in range(2, min(len(before), 6)):  # "by" and at most three words of its agent
        if before[at] != "by" or at + 1 >= len(before):
            continue
        verb = before[at + 1]
        previous = before[at + 2] if at + 2 < len(before) else ""
        return (
            len(verb) > 4
            and verb.endswith("ed")
            and verb not in words.not_past
            and verb not in words.intent
            and verb not in words.plans
            and previous not in _NOT_REDUCED
            and _tense_of(previous, words, guess=False) is not Tense.FUTURE
        )
    return False


def _imperative(text: str, begin: int, start: int, words: WordLists) -> bool:
    """Does the sentence begin with a request ("Call me Friday", "Please RSVP by May 3")?"""
    found = _FIRST_WORD.match(text, begin, start)
    if found is None:
        return False
    word = found.group(1)
    return word[:1].isupper() and word.lower() in words.imperatives


# the rites a death notice lists without a verb: "Visitation 4 to 8 p.m. Thursday", "Mass of
# Christian Burial 10 a.m. Friday", "Services Saturday at 11 a.m."
_RITES = frozenset(
    {
        *("services", "service", "funeral", "mass", "visitation", "visitations", "burial"),
        *("interment", "memorial", "viewing", "wake", "committal", "inurnment", "entombment"),
    }
)


def _rite_notice(text: str, begin: int, start: int) -> bool:
    """Does a verbless sentence open with a rite, as a death notice lists what is to come?"""
    found = _FIRST_WORD.match(text, begin, start)
    if found is None:
        return False
    word = found.group(1)
    return word[:1].isupper() and word.lower() in _RITES


# past verbs whose infinitive happens when they do: "tried to sign him in January"
_ATTEMPTS = frozenset(("tried", "attempted", "managed", "failed", "sought", "refused"))


def _infinitive_tense(
    text: str, sentence: tuple[int, int], before: list[str], index: int, words: WordLists
) -> Tense:
    """The tense of a date in an infinitive whose "to" is ``before[index]``.

    "agreed to acquire the bank in January": the plan's own time, either side of now; but
    "will close to traffic on Monday", "will try to finish by Friday" look ahead, and "tried
    to sign him in January" is the try's own time.
    """
    will = _will_before(before, index, words)
    # "asked both sides to return to the table Sunday": a request looks ahead
    asked = _requested(before, index)
    if will or asked or _headline_to(text, sentence, before[index + 1 :], words):
        return Tense.FUTURE
    if index + 1 < len(before) and before[index + 1] in _ATTEMPTS:
        return Tense.PAST
    return Tense.NONE


_COUNTS = frozenset(
    (
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
        *("twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million"),
    )
)


# words of an amount after the preposition "to": "rose to about 90,000", "cut to nearly half"
_ROUGHLY = frozenset(("about", "around", "nearly", "almost", "roughly", "approximately", "some"))


def _infinitive(raw: list[str], index: int, words: WordLists) -> bool:
    """Is ``raw[index]`` (read backwards) the "to" of an infinitive ("to acquire ...")?"""
    if raw[index].lower() != "to" or index == 0:
        return False
    verb = raw[index - 1]
    if not (verb.isalpha() and verb.islower()) or verb in words.to_nouns or verb in _COUNTS:
        return False  # "had gone back to three terms": a count, no verb
    if verb in _ROUGHLY:
        return False  # "restored power to about 90,000 customers by Tuesday": an amount
    if verb == "new" or (verb == "record" and index > 1 and raw[index - 2].lower() in _LEVELS):
        return False  # "fell to record lows by late August", "rose to new highs": a level
    return verb not in words.determiners and verb not in words.after_year


# what a measure falls or rises to after "record" ("to record lows"; "to record an album")
_LEVELS = frozenset(("low", "lows", "high", "highs", "level", "levels", "heights", "territory"))


# the words of a time or range between "is" and a date: "are from 2 to 5 p.m. Sunday"
_RANGE_WORDS = frozenset(("on", "at", "from", "to", "between", "and", "until", "a", "p", "m"))
_TERMINAL = frozenset(".!?:;\"'\u201d\u2019)")


def _headline_to(
    text: str, sentence: tuple[int, int], subject: list[str], words: WordLists
) -> bool:
    """Is the "to" a headline's future ("Schools to stay closed Tuesday", "Mayor to resign")?

    A headline has no closing stop, and its subject comes right before the "to" with no verb.
    """
    line = text[sentence[0] : sentence[1]].strip()
    if not subject or not line or line[-1] in _TERMINAL or "\n" in line:
        return False
    return all(_tense_of(word, words) is None and word not in words.schedule for word in subject)


def _will_before(before: list[str], index: int, words: WordLists) -> bool:
    """Is the verb before the "to" at ``index`` (read backwards) in the future ("will close to")?

    A present progressive with its object counts as one: "is sending someone to look at the
    heater Monday" (not "is continuing to try to sell itself under a June agreement").
    """
    return (
        any(
            (word in words.future or word.endswith("'ll"))
            # "nobody expected us to be here in August": what was not foreseen, no plan
            and not (word == "expected" and before[at + 1 : at + 2] in _DOUBTER_LISTS)
            for at, word in enumerate(before[index + 2 : index + 4], start=index + 2)
        )
        or _future_object(before, index, words)
        or (index + 2 < len(before) and _progressive(before, index + 2))
    )


def _future_object(before: list[str], index: int, words: WordLists) -> bool:
    """Is a verb of the future before an object of a determiner and two words and "to"?

    "expect the new phones to lift sales in the fourth quarter"; not "would look for ways
    to get around Wednesday's ruling" (no determiner opens the words between).
    """
    return (
        index + 4 < len(before)
        and before[index + 3] in words.determiners
        and before[index + 4] in words.future
    )


def _progressive(before: list[str], index: int) -> bool:
    """Is ``before[index]`` a present progressive ("they're leaving", "is sending")?"""
    word = before[index]
    following = before[index + 1] if index + 1 < len(before) else ""
    return len(word) > 4 and word.endswith("ing") and following in _BE_PRESENT


_DOUBTER_LISTS = [[subject] for subject in _DOUBTERS]
_BE = frozenset(("be", "being"))


_HAVE_LISTS = [[word] for word in _HAVE]


_HAVE_PRESENT = frozenset(("has", "have", "'ve"))


# a note's opening "closed" or "shut" is the shop's state, no past verb ("closed monday")
# a note's or a cruise sheet's opening state, no past verb: "- closed thanksgiving day",
# "Docked 7 a.m.-5 p.m."
_STATES = frozenset(("closed", "shut", "docked", "moored", "anchored", "berthed"))


def _opens_line(text: str, start: int) -> bool:
    """Does the mention open its line ("Sun: closed", a schedule's label)?"""
    return text[text.rfind("\n", 0, start) + 1 : start].strip(" \t") == ""


def _obligation(before: list[str], index: int) -> Tense | None:
    """Future for "has to" / "have to" before the mention ("someone has to be home monday")."""
    if before[index] in _HAVE_PRESENT and index > 0 and before[index - 1] == "to":
        return Tense.FUTURE
    return None


def _have_to(after: list[str], index: int) -> bool:
    """Is the modal at ``index`` followed by "have to" or "have" and its object, no perfect?

    "would have to cover" is an obligation, "may have no more than two visitors" and "can
    have a second dose" are to have something; "could have left" is a perfect.
    """
    following = after[index + 2 : index + 3]
    return following == ["to"] or (bool(following) and following[0] in _HAVE_OBJECT)


# what begins the object of "have" (no participle): "may have no more than two visitors"
_HAVE_OBJECT = frozenset(
    ("no", "a", "an", "the", "one", "two", "three", "up", "only", "some", "any", "more", "fewer")
)


def _cue_after(
    after: list[str], index: int, words: WordLists, *, day: bool, subject: bool = False
) -> Tense | None:
    """The tense a word after the mention signals: "Thursday, officials will ...".

    ``subject``: the mention may be its clause's subject (what comes before it opens a clause
    or is a preposition after a noun, as in "but the second half should ...").
    """
    word = after[index]
    tense: Tense | None
    if subject and index == 0 and word == "should" and after[1:2] not in _HAVE_LISTS:
        # "but the second half should look better": the mention is the modal's subject, so
        # the clause is its own and looks ahead, as after "will" ("should have" is a perfect)
        told, tense = True, Tense.FUTURE
    else:
        told, tense = _ahead_after(after, index, words)
    if told:
        return tense
    figures = not day and figures_follow(after)
    if index == 0 and (word == "delivery" or figures or _agreed(after, index)):
        # "gold for June delivery": a futures contract's month lies ahead; "will report
        # September sales", "December retail sales are due": the figures of the nearest one;
        # "Thurs 3pm works for me": a time agreed on
        return _figures_told(after, words) if word != "delivery" and figures else Tense.FUTURE
    if word == "should" or (index > 0 and after[index - 1] in _BE and word not in words.past):
        # "In January, the commissioner ruled that he should go back": a report's; "tickets
        # for Monday can be refunded": a passive, no past
        return None
    # "the 27th, so the packing has to happen": an obligation, ahead, as an intent
    if word in words.intent or (word in _HAVE_PRESENT and after[index + 1 : index + 2] == ["to"]):
        return _intent_after(after, index)
    if _failed_after(after, index) or (
        word in _MODALS
        and after[index + 1 : index + 2] in _HAVE_LISTS
        and not _have_to(after, index)
    ):
        # "On April 8, investigators, wondering how he could have ..."; "On Friday night, it
        # could not stop scoring": an attempt that failed
        return Tense.PAST
    # Far from the mention an "-ed" word is mostly a participle ("new markets untouched
    # by the crisis"), not the verb of the clause the mention belongs to; after a subject
    # pronoun it is the verb ("In January, full of optimism, I entered the race").
    subject = index > 0 and after[index - 1] in _SUBJECTS
    had = after[index + 1 : index + 2]
    if word in _HAVE_PRESENT and (
        (subject and had in _ARTICLE_LISTS) or (had and _activity(had[0]))
    ):
        # "b4 5pm tho, i have a shift after", "your dad has bowling that night": to have
        # something then, no perfect
        word = "will"
    return _tense_of(word, words, guess=index < 4 or subject)


_ARTICLE_LISTS = [["a"], ["an"]]


def _failed_after(after: list[str], index: int) -> bool:
    """Is the word after the mention a "could not" of an attempt that failed?

    "On Friday night, the team could not stop scoring", "Through April, it couldn't buy a
    run": past, as before the mention; not "could not reopen before Monday", a bound ahead.
    """
    word = after[index]
    failed = word == "couldn't" or (word == "could" and after[index + 1 : index + 2] == ["not"])
    return failed and _BEFORE_UNTIL.isdisjoint(after[index + 1 : index + 5])


# subject pronouns: an "-ed" word right after one is a past verb, not a participle
_SUBJECTS = frozenset(("i", "we", "he", "she", "they"))
# a timetable's verbs in the present after the date, as before it ("the trial begins
# Tuesday"): "On Sunday, the car show runs from noon"; not nouns ("votes", "heads", "ends")
_TIMETABLE_AFTER = frozenset(
    {
        *("runs", "opens", "closes", "starts", "begins", "meets", "resumes", "reopens"),
        *("premieres", "debuts", "airs", "convenes", "reconvenes", "departs", "kicks"),
    }
)
_PARTICIPLE_PREPOSITIONS = frozenset(("before", "after", "by", "until", "from", "since"))
_AHEAD_VERBS = frozenset(("will", "'ll", "shall"))


def _ahead_after(after: list[str], index: int, words: WordLists) -> tuple[bool, Tense | None]:
    """Whether the word after the mention settles its tense, and the tense it gives."""
    if index == 0 and _foreseen_follows(after):
        return True, Tense.FUTURE  # "cut its fourth-quarter forecast": the period ahead
    if index == 0 and _relative_participle(after, words):
        return True, None  # "Passes for January bought before Dec. 31 will be sold"
    word = after[index]
    if word in _TIMETABLE_AFTER and index > 0 and after[index - 1] not in words.determiners:
        return True, Tense.FUTURE  # "On Sunday, the car show runs from noon to 5 p.m."
    if word in _TIMETABLE_AFTER and index == 0 and _clock_follows(after):
        # "A pancake breakfast at the fire station Saturday runs from 6:30 to 10 a.m.": the
        # verb right after the day, its hours after it
        return True, Tense.FUTURE
    return False, None


_CLOCK_PREPOSITIONS = frozenset(("at", "from", "until", "till"))
_CLOCK_WORDS = frozenset(("noon", "midnight"))


def _clock_follows(after: list[str]) -> bool:
    """Do the verb's hours follow it ("runs from 6:30", "opens at noon")?"""
    if len(after) < 3 or after[1] not in _CLOCK_PREPOSITIONS:
        return False
    return after[2][:1].isdigit() or after[2] in _CLOCK_WORDS


def _relative_participle(after: list[str], words: WordLists) -> bool:
    """Does a participle's clause follow the date, before the main clause's "will"?

    "Passes for January bought before Dec. 31 will be sold at the old price": "bought"
    qualifies the passes, and the sentence's verb is the "will" after it.
    """
    if len(after) < 3 or after[1] not in _PARTICIPLE_PREPOSITIONS:
        return False
    if not (after[0].endswith("ed") or after[0] in words.past):
        return False
    return not _AHEAD_VERBS.isdisjoint(after[2:8])


def _intent_after(after: list[str], index: int) -> Tense | None:
    """The tense a word of intent after the mention signals, if any."""
    word = after[index]
    if index + 1 < len(after) and after[index + 1] == "to" and not word.endswith("ed"):
        return Tense.FUTURE  # "On Tuesday, the league plans to hold a rally"
    if word.endswith("ed") and index > 0 and after[index - 1] in _SUBJECTS:
        return Tense.PAST  # "on Thursday I promised my cousins I would write": the act
    return None  # "On Friday, when she set aside vacation plans": a noun


def _agreed(after: list[str], index: int) -> bool:
    """Is the mention a time agreed on: "Thurs 3pm works for me", "Tues night it is"?

    So is one found fine, or not: "Of course, Thursday is fine", "Wednesday is bad for me".
    """
    if index != 0:
        return False
    if after[0] in ("is", "sounds") and after[1:2] and after[1] in _FINE:
        # "Thursday is fine", "Fri 2pm is fine on my end"
        return after[2:3] in ([], ["for"], ["to"], ["with"], ["too"], ["by"], ["on"])
    works = after[0] in ("works", "work") and after[1:2] in (["for"], [], ["too"], ["on"])
    return works or after == ["it", "is"]


# a day found fine, or not ("Wednesday is bad for me"): either way a day still to come
_FINE = frozenset(
    (
        *("fine", "good", "ok", "okay", "perfect", "great", "better"),
        *("bad", "tough", "tricky", "awkward"),
    )
)


_COMPARED = frozenset(("expected", "forecast", "anticipated", "predicted", "estimated"))


# advice in the present is for what is to come, read before the mention: "we suggest filling
# jugs Wednesday night" (not "announcements put out on Aug. 13 suggest only that ..."); a
# "that" clause after it has its own verb ("recommend that residents stay home Tuesday" is
# the residents')
_ADVICE = frozenset(("suggest", "suggests", "recommend", "recommends", "advise", "advises"))


def _advice(before: list[str], index: int) -> Tense | None:
    """Future for "we suggest filling a few jugs Wednesday night": advice is for what comes."""
    if before[index] in _ADVICE and (index == 0 or before[index - 1] != "that"):
        return Tense.FUTURE
    return None


# "set on", "set in": when something was set, not what it was set for ("set for Friday")
_SET_ON = frozenset(("on", "in", "at"))
_SET_AHEAD = frozenset(("is", "are", "be", "will", "'ll", "to"))


def _set_on(before: list[str], index: int) -> Tense | None:
    """A date after "set on" or "set in" is when it was set, in the past ("set on Aug. 6")."""
    if before[index] != "set" or index != 1 or before[0] not in _SET_ON:
        return None
    following = before[2] if len(before) > 2 else ""
    return None if following in _SET_AHEAD else Tense.PAST


# the nouns of an aim whose date lies ahead once set: "has set a goal of 70 percent by Labor Day"
_GOALS = frozenset(("goal", "goals", "target", "targets", "deadline"))
_GOAL_DETERMINERS = frozenset(("a", "an", "the", "its", "their", "his", "her", "new"))


def _goal_set(before: list[str], index: int) -> Tense | None:
    """An aim set in the present perfect looks ahead to its date, as a plan does.

    "The state has set a goal of 70 percent by Labor Day" (said in July) is the coming
    Labor Day, as "set a goal" alone is; the perfect tells that the aim stands now.
    """
    if before[index] != "set" or index < 2 or before[index + 1 : index + 2] not in _HAS:
        return None
    goal = before[index - 2 : index]
    if goal[1] not in _GOAL_DETERMINERS or goal[0] not in _GOALS:
        return None
    return Tense.FUTURE


_HAS = (["has"], ["have"], ["'ve"])


# "going into", "heading into" a period after a noun: the one ahead (not "was heading into")
_HEADING = frozenset(("going", "heading", "headed"))


# "due to the storm", "due to a fault" (read backwards): the preposition, no plan
_DUE_TO = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "heavy", "high"))


def _because(before: list[str], due: int) -> bool:
    """Is the "due to" whose "due" is at ``due`` a cause ("due to the storm", "due to fog")?

    Not after a form of "be": "The report is due to the board Monday" is a deadline.
    """
    cause = before[due - 2] in _DUE_TO or before[due - 2] in _FORECAST
    copula = due + 1 < len(before) and before[due + 1] in _COPULAS
    return cause and not copula


_COPULAS = frozenset(("is", "are", "was", "were", "be", "been", "'s", "'re"))


# "before crews could close", "until police could arrive": a past ability, not a plan
_BEFORE_UNTIL = frozenset(("before", "until", "till"))


def _past_ability(before: list[str], index: int) -> Tense | None:
    """Past for "flooding six blocks before crews could close the valves at 7:05 a.m.".

    And for an attempt that failed: "Police could not reach the owner Monday", "he couldn't
    be reached for comment Friday" (not "could not reopen before Monday", a bound ahead).
    """
    word = before[index]
    if word == "could" and not _BEFORE_UNTIL.isdisjoint(before[index + 1 : index + 4]):
        return Tense.PAST
    failed = word == "couldn't" or (word == "could" and before[index - 1 : index] == ["not"])
    if failed and index >= 2 and before[0] not in _BOUNDS_AHEAD:
        return Tense.PAST
    return None


# a bound before a date: "could not reopen before Monday" looks ahead
_BOUNDS_AHEAD = frozenset(("before", "until", "till", "by", "after", "for"))


def _heading_into(before: list[str], index: int) -> Tense | None:
    """Future for "the pipeline going into [the first quarter]": a period a noun heads into.

    Not "were heading into the weekend", nor an opening "Going into the weekend, stocks fell".
    """
    heading = index == 0 and before[0] == "into" and before[1:2] and before[1] in _HEADING
    if heading and before[2:3] and before[2] not in _BE_PAST:
        return Tense.FUTURE
    return None


_LEFT = frozenset(("left", "remaining"))
_COUNTDOWN_UNITS = frozenset(("days", "weeks", "months", "hours", "minutes", "years"))
_UNTIL = (["before"], ["until"], ["till"])


_KEEP = frozenset(("kept", "keep", "keeps", "keeping", "left", "leave", "leaves", "held"))


def _countdown(before: list[str], index: int) -> Tense | None:
    """A countdown's "left" or "remaining" ("with 15 days left before the Nov. 6 election").

    The date counted down to lies ahead, unless the clause is told in the past ("The stores
    were busy, with two weeks remaining until Christmas").
    """
    if (before[index + 1 : index + 2] == [] or before[index + 1] not in _COUNTDOWN_UNITS) or before[
        index - 1 : index
    ] not in _UNTIL:
        return None
    return None if any(w in _BE_PAST for w in before[index + 1 :]) else Tense.FUTURE


_SEQUENCE = frozenset(("followed", "preceded"))
_AUXILIARIES = frozenset(("was", "were", "is", "are", "be", "been", "being", "has", "have", "had"))


def _no_auxiliary(word: str) -> bool:
    """Is ``word`` (the one before a participle) no auxiliary of a passive or a perfect?"""
    return word not in _AUXILIARIES and not word.endswith("ly")


# the endings of words a cue before a mention may begin with: a gerund ("after saying"), a
# past or participle in "-ed", "she'll"
_CUE_ENDINGS = ("ing", "ed", "'ll")
_TURNS = frozenset(("turns", "turn"))
_CUE_WORDS: dict[int, tuple[WordLists, frozenset[str]]] = {}


def _cue_words(words: WordLists) -> frozenset[str]:
    """Every word a cue before a mention may begin with, other than by its ending.

    ``_cue_before`` reads a word through many tests, each of which needs the word in one of
    these lists (or with one of ``_CUE_ENDINGS``): any other word is no cue, whatever is
    around it, and is passed over at once.
    """
    found = _CUE_WORDS.get(id(words))
    if found is None or found[0] is not words:
        cues = frozenset().union(
            *(_OUTCOME_PREPOSITIONS, _LEFT, _PHRASE_HEADS, _PHRASE_WORDS, _MOVE, _FORM_WORDS),
            *(words.intent, words.plans, words.reschedule, words.schedule),
            *(words.future, words.past, words.present, ("set", "called")),
        )
        found = _CUE_WORDS[id(words)] = (words, cues)
    return found[1]


def _cue_before(before: list[str], index: int, words: WordLists) -> Tense | None:
    """The tense a word before the mention (``before`` is read backwards) signals, if any."""
    word = before[index]
    following = before[index + 1] if index + 1 < len(before) else ""
    if word == "Open" and not following:
        word = "open"  # a notice's "Open Saturday from 9 a.m.": the verb, no tournament's name
    if (
        # (the cheap test first: no cue below can begin with the word)
        (
            word not in _cue_words(words)
            and not word.endswith(_CUE_ENDINGS)
            and following not in _TURNS
            and not (following in _WEATHER and word.endswith("s"))
        )
        or (word in _STATES and index == len(before) - 1)  # "- closed thanksgiving day": a state
        or (word in ("earlier", "later") and index > 0 and before[index - 1] == "than")
        # "the first train will leave earlier, at 5:20 a.m.": a comparison after a modal's
        # verb, not the past of "as reported earlier"
        or (word == "earlier" and any(w in words.future for w in before[index + 1 : index + 4]))
        or ("have" in before and _perfect_infinitive(before, index))
        or (word == "do" and _main_do(before, index, words))
        or (word == "have" and _main_have(before, index, words))
        or (following == "than" and word in _COMPARED)
        # "we'll put it to a vote at the June meeting": the modal decides
        or (word in _BARE_PAST and _bare_after_modal(following, words))
        # "will stay shut until Monday": a state after a linking verb, which decides
        or (word in _BARE_PAST and following in _LINKING)
        # "sure. put it down for sunday the 24th": a bare form opening its sentence, no
        # subject before it, is an imperative, no past ("I put it down for Sunday" is)
        or (word.lower() in _BARE_PAST and _bare_imperative(before, index))
        or (word == "put" and before[index - 2 : index] in _ODDS_PUT)
        # "kept parks open overnight": the state kept, no timetable's "open"
        or (word == "open" and any(w in _KEEP for w in before[index + 1 : index + 4]))
        # "was closed due to the storm Monday", "canceled due to heavy fog Monday": because
        # of, no plan ("is due to open"); neither the "due" nor its "to" is a cue
        or (word == "due" and index >= 2 and before[index - 1] == "to" and _because(before, index))
        or (word == "to" and following == "due" and index >= 1 and _because(before, index + 1))
        # "runs from 6:30 to 10 a.m., followed by the parade at 10:30 a.m.": a participle's
        # phrase of what comes next, no past verb ("was followed by" is the passive's)
        or (
            word in _SEQUENCE
            and index > 0
            and before[index - 1] == "by"
            and _no_auxiliary(following)
        )
    ):
        # "no earlier than September", "no later than March 1": a bound; "expect to have it
        # contained by Tuesday": the verb before the "to" decides; "rose more than expected
        # in January": a comparison, not a plan
        return None
    # "results from Sunday's vote may not be known": the vote is past
    outcome = index == 0 and word in _OUTCOME_PREPOSITIONS and _outcome_of(before)
    phrase = (
        (Tense.PAST if outcome else None)
        or (_countdown(before, index) if word in _LEFT else None)
        or (_head_cue(before, index, words) if word in _PHRASE_HEADS else None)
        or (_phrase_cue(before, index, words) if _may_phrase(word, following, words) else None)
    )
    if phrase is None and (word in _MOVE or word in words.reschedule):
        phrase = _moved_cue(before, index, words)
    if phrase is None and _may_form(word, following):
        phrase = _form_cue(before, index)
    phrase = phrase or _set_on(before, index) or _goal_set(before, index)
    if phrase is None and following == "despite" and len(word) > 4 and word.endswith("ing"):
        # a fact conceded: "will be fit for Wimbledon despite pulling out of her semi-final
        # on Friday"
        phrase = Tense.PAST
    if phrase is not None:
        return phrase
    if word in words.schedule:  # "the trial begins Tuesday"; not "at the start of"
        # "below its record close of Feb. 19": the noun
        noun = index > 0 and before[index - 1] == "of"
        # "the delay comes from heavy rain in late May": where it comes from, no timetable
        origin = index > 0 and word in ("comes", "come") and before[index - 1] == "from"
        # "a decision on later start times Tuesday night": a compound's noun, no timetable
        noun = noun or (index > 0 and before[index - 1] in _TIMETABLE_NOUNS)
        label = before[index + 2] if index + 2 < len(before) else ""
        return None if noun or origin else _schedule_cue(word, following, words, label=label)
    found = _tense_of(word, words, guess=False)
    if (
        found is None
        and word.endswith("ed")
        and (following in words.determiners or following in _LINKING)
        and following not in ("that", "which")  # "a match that started on Sunday": a verb
    ) or (found is Tense.PAST and _attributive_participle(before, index, words)):
        # "a still unspecified date", "will stay closed", "may send written comments until
        # Friday": an adjective, not a verb
        return None
    planned = word in words.plans and following not in words.determiners
    # "called a snap election for Feb. 2", "have called for a march on Friday": what was
    # called is planned, either side of now; not "called on Monday for calm"
    planned = planned or (word == "called" and index >= 2)
    # "asked for an update at their July 11 meeting": what was asked for is still to be
    # given, either side of now; not "asked on Monday" (the asking's day)
    planned = planned or (word == "asked" and index >= 2 and before[index - 1] == "for")
    # "a fixture moved from Sept. 28": the date a plan had, either side of now
    planned = planned or (
        index == 0 and word == "from" and (following in _MOVE or following in words.reschedule)
    )
    # "the works were brought forward from January": the date the plan had, either side of now
    planned = planned or (
        index == 0
        and word == "from"
        and following == "forward"
        and before[2:3] in (["brought"], ["moved"], ["pulled"], ["put"])
    )
    # "has been set for Nov. 12": a plan made, either side of now (not "had been")
    been = following == "been" and before[index + 2 : index + 3] in (["has"], ["have"])
    if planned or (word in words.intent and (following in ("was", "were") or been)):
        # "the vote was scheduled for March", "protesters planned a rally on Saturday":
        # a plan, either side of now
        return Tense.NEAREST
    found = found or _tense_of(word, words)
    return _passive(before, index) if found is Tense.PAST else found


# participles in "-n" that are no simple past: before a noun they are adjectives
_EN_PARTICIPLES = frozenset(
    {
        *("chosen", "taken", "written", "driven", "shown", "drawn", "broken", "stolen"),
        *("spoken", "hidden", "fallen", "beaten", "thrown", "grown", "flown", "sworn", "torn"),
    }
)
# words after which such a participle is a verb's: "had taken", "has not written", "it was"
_BEFORE_VERB_PARTICIPLE = frozenset(
    ("not", "n't", "never", "already", "since", "also", "just", "'ve", "'s", "'d", "get", "got")
)
_NOT_NOUNS = frozenset(("by", "in", "on", "at", "for", "from", "to", "with", "into", "over", "and"))


def _attributive_participle(before: list[str], index: int, words: WordLists) -> bool:
    """Is the participle before a noun, an adjective ("send written comments", "stolen cars")?"""
    if index == 0 or before[index] not in _EN_PARTICIPLES:
        return False
    noun = before[index - 1]  # the word after the participle in the text
    previous = before[index + 1] if index + 1 < len(before) else ""
    return (
        noun.isalpha()
        and noun not in _NOT_NOUNS
        and noun not in words.determiners
        and not noun.endswith("ly")
        and previous not in words.auxiliaries
        and previous not in _BEFORE_VERB_PARTICIPLE
        and previous not in _PRONOUNS
        and previous not in _NOT_REDUCED
        and not previous.endswith("ly")
    )


# what an event left behind: "the results from Sunday's vote", "the returns of Tuesday's
# primary", "the aftermath of Friday's storm" (the day right after the preposition)
_OUTCOME_PREPOSITIONS = frozenset(("from", "of"))
_OUTCOMES = frozenset(("results", "aftermath", "returns", "fallout"))


def _outcome_of(before: list[str]) -> bool:
    """Is the preposition before a day that of an event's results ("results from Sunday's")?"""
    return len(before) > 1 and before[1] in _OUTCOMES


# gerunds of saying after "after": an act told, before the clause it reports
_SAYING = frozenset(("saying", "announcing", "telling", "stating", "noting", "declaring"))


def _after_saying(before: list[str], index: int) -> Tense | None:
    """Past for "after saying in September that the deal would be done": the act of saying.

    The reported clause's "would" after the date is not its verb.
    """
    if before[index] in _SAYING and before[index + 1 : index + 2] == ["after"]:
        return Tense.PAST
    return None


def _head_cue(before: list[str], index: int, words: WordLists) -> Tense | None:
    """The cue of a phrase headed by ``before[index]``, one of ``_PHRASE_HEADS``."""
    return (
        _singular_bare_past(before, index, words)
        or _transitive_bare_past(before, index, words)
        or _advice(before, index)
        or _earlier_figure(before, index, words)
        or _past_ability(before, index)
        or _heading_into(before, index)
        or _obligation(before, index)
        or _results_cue(before, index)
        or _after_saying(before, index)
        or _call_for(before, index)
    )


# a demand being made: "the union is calling for a walkout on Tuesday" (not "called for", a
# plan either side of now, nor "212 calls for service in September", a noun)
_CALL_FOR = frozenset(
    {
        *("calling", "pushing", "pressing", "lobbying", "campaigning", "clamoring"),
        *("clamouring", "appealing", "demanding"),
    }
)


def _call_for(before: list[str], index: int) -> Tense | None:
    """Ahead for a demand being made: "is calling for a walkout on Tuesday"."""
    demand = before[index] == "for" and 0 < index < len(before) - 1
    if demand and before[index + 1] in _CALL_FOR and _progressive(before, index + 1):
        return Tense.FUTURE
    return None


# past forms written as the bare verb: after a modal or "to" they are no past
_BARE_PAST = frozenset(("put", "hit", "quit", "read", "shut", "split", "cut", "set", "let"))
# what may open a request before its imperative: "ok, put me down for friday", "pls set it for
# the 3rd"
_REQUEST_OPENERS = frozenset(
    ("ok", "okay", "sure", "yes", "yeah", "yep", "please", "pls", "plz", "just")
)


def _bare_imperative(before: list[str], index: int) -> bool:
    """Does a bare form open its sentence, alone or after a request's opener ("ok, put")?"""
    return index == len(before) - 1 or (
        index == len(before) - 2 and before[-1].lower() in _REQUEST_OPENERS
    )


# "traders put the odds of a cut at 20%": a market's reckoning as it stands, no past
_ODDS_PUT = [[odds, "the"] for odds in ("odds", "chance", "chances", "probability", "likelihood")]
_BARE_PAST_MORE = frozenset(("forecast", "broadcast", "cost", "spread", "bet", "upset"))
# a third-person singular subject: its bare verb form is a past ("it forecast", "he cut")
_SINGULAR_LISTS = [["it"], ["he"], ["she"]]
_BARE_BEFORE = frozenset(("to", "can", "do", "don't", "doesn't", "let's", "gonna", "wanna"))


_MORE_CHANGES = frozenset(("fall", "jump", "dip", "slide", "climb", "surge", "slump"))


def _earlier_figure(before: list[str], index: int, words: WordLists) -> Tense | None:
    """No side for "expect an increase of 0.3%, after a 0.2% rise in April": a figure.

    A change "in" a month after "after" is the figure the forecast is compared with, the
    nearest such month, not the main clause's (the "expect" is not its verb).
    """
    if index != 0 or before[0] != "in" or len(before) < 3:
        return None
    change = before[1]
    if change not in words.measures and change not in _MORE_CHANGES:
        return None
    return Tense.NONE if "after" in before[2:7] else None


def _singular_bare_past(before: list[str], index: int, words: WordLists) -> Tense | None:
    """Past for "weaker than it forecast in May": after "it" with no "-s", no present.

    Not in a question or after a modal: "Will it set in March?", "let it cut in June".
    """
    word = before[index]
    if index > 1 or (word not in _BARE_PAST and word not in _BARE_PAST_MORE):
        return None
    if before[index + 1 : index + 2] not in _SINGULAR_LISTS:
        return None
    asker = before[index + 2] if index + 2 < len(before) else ""
    if asker in words.future or asker in _BARE_BEFORE or asker in ("does", "did", "let"):
        return None
    return Tense.PAST


# bare forms that are also nouns ("a rate cut"), so in no list of past forms
_BARE_NOUN_VERBS = frozenset(("cut",))


def _transitive_bare_past(before: list[str], index: int, words: WordLists) -> Tense | None:
    """Past for "the sellers cut the price Tuesday": a bare form before its object.

    A verb, not the noun ("a rate cut"), when a determiner follows it and no modal, "to" or
    determiner comes before it ("will cut the price", "to cut its rates", "a cut").
    """
    if before[index] not in _BARE_NOUN_VERBS or index == 0:
        return None
    following = before[index + 1] if index + 1 < len(before) else ""
    if before[index - 1] not in words.determiners or following in words.determiners:
        return None
    if _bare_after_modal(following, words) or following in ("did", "does", "let", "not"):
        return None
    return Tense.PAST


def _bare_after_modal(following: str, words: WordLists) -> bool:
    """Is the word before a bare past form ("put") a modal or "to" ("will put", "to put")?"""
    return following in _BARE_BEFORE or following in words.future or following.endswith("'ll")


def _past_verb(before: list[str], index: int, words: WordLists) -> bool:
    """Is ``before[index]`` there and a past verb ("went on sale Friday")?"""
    return index < len(before) and _tense_of(before[index], words) is Tense.PAST


def _may_phrase(word: str, following: str, words: WordLists) -> bool:
    """Can a phrase cue begin with ``word`` (the cheap test before ``_phrase_cue``)?"""
    return (
        word in _PHRASE_WORDS
        or word in words.intent
        or word in words.plans
        or (following in _WEATHER and word.endswith("s"))
    )


def _may_form(word: str, following: str) -> bool:
    """Can a form cue begin with ``word`` (the cheap test before ``_form_cue``)?"""
    return word in _FORM_WORDS or word.endswith("ing") or following in ("turns", "turn")


def _main_do(before: list[str], index: int, words: WordLists) -> bool:
    """Is ``before[index]`` "do" as the main verb after a modal ("we should do a session")?"""
    if before[index] != "do":
        return False
    modal = before[index + 1 : index + 3]
    return any(w in words.future or w == "can" for w in modal)


_HAVE_OBJECTS = frozenset(
    {
        *("it", "them", "us", "you", "him", "me", "one", "some", "dinner", "lunch"),
        *("power", "electricity", "service", "water", "heat"),  # "should have power by Tuesday"
    }
)


_DAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_FIXTURES = frozenset(("games", "matches", "fixtures", "trips", "races", "meetings"))
_FEW = frozenset(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))


def _fixtures_had(before: list[str], index: int) -> bool:
    """Is "has"/"have" a team's timetable, no perfect: "has Thursday off", "have three games"?

    A day off or a count of games is what lies ahead on a fixture list; so is the object
    told before its "have" ("how many long trips we have in January").
    """
    if index == 0:
        return False
    object_ = before[index - 1]
    if index == 1:
        return (
            object_ in ("in", "on")
            and index + 1 < len(before)
            and before[index + 1]
            in (
                "we",
                "they",
            )
        )
    next_ = before[index - 2]
    if object_ in _DAYS:
        return next_ == "off"  # "has Thursday off before opening a series on Friday"
    if (object_ in _FEW or object_.isdigit()) and next_ in _SESSION_UNITS:
        return _a_session(before, index - 3)  # "teams have two hours of practice Saturday"
    return (object_ in _FEW or object_.isdigit()) and next_ in _FIXTURES


_SESSION_UNITS = frozenset(("hours", "minutes"))
_SESSIONS = frozenset(("practice", "training", "testing", "qualifying"))


def _a_session(before: list[str], index: int) -> bool:
    """Does "of" and a session's noun follow (up to one adjective between): "of final practice"?"""
    if index < 1 or before[index] != "of":
        return False
    return bool(_SESSIONS & set(before[max(0, index - 2) : index]))


def _main_have(before: list[str], index: int, words: WordLists) -> bool:
    """Is ``before[index]`` "have" as the main verb after a modal ("we can have his van")?

    So after "please", a request's "have": "please have them in by the 15th".

    Before an object ("his van", "it", "400 plows") it is no perfect ("could have gone").
    """
    if index == 0 or index + 1 >= len(before):
        return False
    modal, object_ = before[index + 1], before[index - 1]
    # "please have them in by the 15th": a request's "have", as after a modal
    return (modal in words.future or modal in ("can", "please")) and (
        object_ in words.determiners or _has_object(object_)
    )


def _has_object(word: str) -> bool:
    """Does ``word`` open the object of a main verb "have" ("it", "no", "a", "400")?

    A plural noun is an object too, no participle ends in "-s": "most of the rest should
    have lights by Saturday night", "may have results by Friday".
    """
    return (
        word in _HAVE_OBJECTS
        or word in _HAVE_OBJECT
        or word[:1].isdigit()
        or (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")))
    )


def _perfect_infinitive(before: list[str], index: int) -> bool:
    """Is ``before[index]`` part of "to have (it) done", a perfect infinitive?"""
    if before[index] == "have":
        return index + 1 < len(before) and before[index + 1] == "to"
    return any(
        before[at] == "have" and before[at + 1] == "to"
        for at in range(index + 1, min(index + 5, len(before) - 1))
    )


# verbs of ordering: what is ordered to begin on a day begins after the order
_ORDERS = frozenset(("ordered", "orders", "imposed", "imposes", "declared", "declares"))


def _ordered_start(before: list[str], index: int) -> bool:
    """Is ``before[index]`` the "beginning" of something ordered ("ordered ... beginning at")?"""
    return (
        before[index] in ("beginning", "starting")
        and all(w in ("at", "on") for w in before[:index])
        and not _ORDERS.isdisjoint(before[index + 1 : index + 12])
    )


# what ends the search for the "will" of a "starting Monday": another clause's verb
_CLAUSE_VERBS = frozenset(("said", "says", "was", "were", "had", "is", "are", "and", "but"))


def _will_start(before: list[str], index: int) -> bool:
    """Is ``before[index]`` the "starting" of what a "will" begins, a participle between?

    "The county will pick up debris left at the curb starting Monday": the "left" is the
    debris's, and the pickup starts on the coming Monday.
    """
    if not all(w in ("at", "on") for w in before[:index]):
        return False
    for word in before[index + 1 : index + 12]:
        if word in ("will", "shall") or word.endswith("'ll"):
            return True
        if word in _CLAUSE_VERBS:
            return False
    return False


# "I'm giving it till the end of the month", "we're keeping them until Friday": a present
# progressive with a pronoun object before the date's preposition looks ahead
_GIVEN_OBJECTS = frozenset(("it", "them", "him", "her", "us", "me", "someone", "somebody"))
_OBJECT_ARTICLES = frozenset(("a", "an", "the"))
_PARTICLES = frozenset(("out", "over", "round", "around", "back", "in"))


def _progressive_object(before: list[str], index: int) -> bool:
    """Is a present progressive followed by an object of an article and a noun (and a particle)?

    "they're sending a tech out on the 12th", "we're bringing the van on Friday": a plan.
    """
    if before[index - 1] not in _OBJECT_ARTICLES or not _progressive(before, index):
        return False
    return index == 3 or before[1] in _PARTICLES


def _form_cue(before: list[str], index: int) -> Tense | None:
    """Cues of a word's form and neighbours: "since", "kicking off", "we expected", "could have"."""
    word = before[index]
    following = before[index + 1] if index + 1 < len(before) else ""
    previous = before[index - 1] if index > 0 else ""  # the word after it in the text
    if word == "since" and (index == 0 or before[:index] in (["the"], ["like"], ["before"])):
        # "had raised $1.2 million since Oct. 15 and would spend ...", "voters who have moved
        # since the March 4 primary must update their registration", a chat's "since like april";
        # "my first class back since before christmas": a bound behind, as "since" alone
        return Tense.PAST
    if (
        word == "if"
        or (index <= 1 and word.endswith("ing") and _progressive(before, index))
        or (index == 2 and before[1] in _GIVEN_OBJECTS and _progressive(before, index))
        or (index in (3, 4) and _progressive_object(before, index))
        or (word in _SCHEDULE_ING and "with" in before[index + 1 : index + 4])
        or (word in ("beginning", "starting") and _ordered_start(before, index))
        or (word in ("beginning", "starting") and _will_start(before, index))
        or (word in ("has", "have") and (previous in ("a", "an", "the") or _activity(previous)))
        or (word == "got" and following.endswith(_HAVE_GOT) and previous in ("a", "an", "the"))
        or (index == 0 and word in _MOVING and following not in ("was", "were", "after"))
        or (index == 0 and word == "thinking" and _proposal(before))
    ):
        # "if we miss Thursday" (a condition in the present looks ahead; a past verb nearer
        # the mention is read first), "they're leaving Sunday afternoon", "I'm flying
        # Tuesday"; "with the match kicking off Sunday at 3 p.m."; "ordered an evacuation
        # beginning at 6 a.m. Sunday": an order's; "Varga has a day off on Tuesday", "I have
        # the budget review from 9am": to have something, a plan, not a perfect; so is "I've
        # got a slot Friday at 11" (to have got is to have); "pushing Thursday's sync": a
        # plan being moved is still to come
        return Tense.FUTURE
    if word == "expected" and following in _SUBJECTS | _DOUBTERS and previous not in ("", "to"):
        return Tense.NONE  # "we expected a rise after Christmas": either side, the nearest
    if (
        word in _MODALS
        and previous in _HAVE
        and not (index > 1 and before[index - 2] == "to")
        # "would have 400 plows on the roads": to have something, no perfect
        and not (index > 1 and _has_object(before[index - 2]))
    ):
        return Tense.PAST  # "could have ended on Friday": a perfect, not a plan
    if following in ("turns", "turn") and (word.isdigit() or word in _AGE_WORDS):
        return Tense.FUTURE  # "turns 32 in October": a birthday to come
    return None


def _activity(word: str) -> bool:
    """Is ``word`` an activity one has, no participle: "your dad has bowling that night"?"""
    return word in _ACTIVITIES or (len(word) > 5 and word.endswith("ing") and word != "being")


# what one has on a day, never a participle: "has practice Thursday", "have class Monday"; a
# student's "i have lab thursday", "has lectures Monday"
_ACTIVITIES = frozenset(
    (
        *("practice", "practise", "class", "classes", "school", "work", "church", "rehearsal"),
        *("lab", "labs", "lecture", "lectures", "seminar", "seminars", "tutorial", "exams"),
    )
)


# timetable verbs that are adjectives after a verb or follow an auxiliary
# "run" too: "had run on Friday" is a participle, "contracts that run through June" the verb
_ADJECTIVE_OR_AUXILIARY = frozenset(
    ("open", "close", "get", "gets", "come", "return", "returns", "run")
)


# labels numbered before a timetable verb: "Season 3 arrives in March", "Part two opens"
_YEAR_BOUNDS = frozenset(("since", "until", "till"))
_NUMBERED = frozenset(("season", "series", "chapter", "volume", "part", "episode", "book", "act"))


# the head of a timetable verb's compound noun: "start times", "opening dates"
_TIMETABLE_NOUNS = frozenset(("time", "times", "date", "dates"))


def _schedule_cue(word: str, following: str, words: WordLists, *, label: str = "") -> Tense | None:
    """A timetable verb looks ahead; not as a noun ("the start of", "by 41 votes") or adjective."""
    # "a voucher that expires on Dec. 31", "contracts that expire in June": a relative clause's
    # present (a plural noun before the "that", not a determiner's "won that vote in May")
    relative = following in ("that", "which") and (word.endswith("s") or label.endswith("s"))
    if (following in words.determiners and not relative) or following in ("to", "not", "never"):
        return None  # "at the end of"; "did not open Friday": the auxiliary before decides
    if word == "run" and not (following in ("that", "which") or following.endswith("s")):
        return None  # "hit a home run on Friday": the noun; "buses run on Sunday", a timetable
    counted = following[:1].isdigit() or following in _COUNTS
    # "The tractor pull, a fixture since 1978, starts at 1 p.m.": a year after "since" or
    # "until" is a bound, no count of what the verb would be the noun of
    bound = label in _YEAR_BOUNDS and len(following) == 4
    if counted and word.endswith("s") and label not in _NUMBERED and not bound:
        # "defeated by 41 votes to 33 shortly after 10pm": counted, a noun; not "which began
        # on Aug. 11, close on Sunday", a date's number before the verb
        return None
    if word in _ADJECTIVE_OR_AUXILIARY and (
        _tense_of(following, words) is not None or following in _LINKING
    ):
        # "shops were open on Friday", "will stay open": an adjective; "came close on Friday";
        # "didn't get it Friday": the auxiliary before decides; "saw returns fall": a noun
        return None
    return Tense.FUTURE


# plans told with "was" or "were" before "to": "was due to arrive Thursday", "were set to vote"
_WAS_DUE = frozenset(("due", "set", "scheduled", "slated", "supposed", "booked"))


def _plan_to(before: list[str], index: int) -> Tense:
    """The tense of a plan's "to" ("plans to vote Saturday"), ``index`` at the "to"."""
    following = before[index + 1]
    auxiliaries = [w for w in before[index + 2 : index + 5] if w not in _SUPERSEDED]
    # "residents did not plan to get vaccinated": a plan told in the past, as "planned"
    done = [w for w in auxiliaries if w not in ("not", "n't")][:1] in (["did"], ["didn't"])
    if (
        done
        or auxiliaries[:1] == ["had"]
        or (auxiliaries[:1] in (["was"], ["were"]) and following in _WAS_DUE)
    ):
        # "had planned to resume flights on May 1 but pushed the date back", "was due to
        # arrive Thursday but was held offshore": a plan of the past, given up or not yet
        # known to be kept, either side of now: the nearest one
        return Tense.NEAREST
    if "had" in auxiliaries[:2]:
        # "had been due to expire Friday", "had originally been set to close in December":
        # a plan already past
        return Tense.PAST
    return Tense.FUTURE  # "plans to vote Saturday", "is to resume trading Tuesday"


_IS_ARE = (["is"], ["are"], ["am"])


def _phrase_cue(before: list[str], index: int, words: WordLists) -> Tense | None:
    """Cues made of the word and its neighbours: "plans to", "as soon as", "postponed until"."""
    word = before[index]
    following = before[index + 1] if index + 1 < len(before) else ""
    # "plans to vote", not the preposition of "were called to the park", "due to the storm"
    preposition = index > 0 and before[index - 1] in words.determiners
    if (
        word == "to"
        and (following in words.intent or following in ("is", "are"))
        and not preposition
    ):
        return _plan_to(before, index)
    if word == "to" and following == "forecast" and before[index + 2 : index + 3] in _IS_ARE:
        # "temperatures are forecast to reach 40C over the weekend": a forecast's infinitive,
        # as "are expected to" ("forecast" alone may be a bare past: "it forecast")
        return Tense.FUTURE
    if following in _PLAN_ADVERBS and index + 2 < len(before):
        following = before[index + 2]  # "liftoff is now targeted for Saturday"
    if (word in words.intent or word in words.plans or word == "forecast") and following in (
        "is",
        "are",
        "am",
    ):
        # "the vote is set for Friday", "rain is forecast for Monday", "the boiler company is
        # booked for Wednesday morning"
        return Tense.FUTURE
    if word == "set" and index == 1 and before[0] == "for" and following not in _BE_PAST:
        return Tense.FUTURE  # a headline's "first meeting set for Friday": "is set for"
    if word in ("effect", "force"):  # "takes effect Jan. 1", "comes into force in March"
        verb = before[index + 2] if following == "into" and index + 2 < len(before) else following
        if verb in _TAKES_EFFECT:
            return Tense.FUTURE
    ahead = (
        # "her deputy takes over Monday", "the chief steps down Friday": a handover's timetable
        (word in _TAKEN_UP and following in _TAKES_UP)
        # a forecast in the present: "Rain moves back in Monday night", "snow returns Tuesday"
        or (
            following in _WEATHER
            and word.endswith("s")
            and word not in _WEATHER_HEADS
            and _tense_of(word, words) is None
        )
        # a forecast: "there's a chance of snow showers Wednesday"
        or (word == "chance" and following == "a" and before[index + 2 : index + 3] in _THERE_IS)
        # a warning of weather: "warning of heavy rain Sunday night"
        or (word == "of" and following in _WARN and not _WEATHER.isdisjoint(before[:index]))
        # "the final is at Wembley on Saturday", "the game is in Leeds on Sunday": a fixture
        or (word in ("is", "are") and _fixture_place(before[:index]))
        # "as soon as Tuesday"
        # (not "had voted early as of Monday": the "as" of "as of")
        or (
            word == "as"
            and following in ("soon", "early")
            and before[index + 2 : index + 3] == ["as"]
        )
        # "Tickets on sale Friday", "are on sale Friday": a sale opens ahead (not "went on")
        # "go on sale at 10 a.m. Friday": the hour between
        or (
            word == "sale"
            and following == "on"
            and (index == 0 or (index == 1 and before[0] == "at"))
            and not _past_verb(before, index + 2, words)
        )
        # "general sale Wednesday", "public sale Friday at 10am": a post's sale opening
        or (word == "sale" and index == 0 and following in ("general", "public"))
        # "tickets for Saturday sold out", "reported occupancy of 90 per cent for Monday
        # night": what one books is still to come
        or (word == "for" and index == 0 and not _BOOKED.isdisjoint(before[1:6]))
        # "issued a wind warning for Galway from 6pm until 3am on Tuesday": its hours
        or (word in ("warning", "warnings") and _warning_hours(before, index, words))
        # "forecasters have warned of gales on Sunday", "warned of a stoppage on 5 November"
        or (
            word in _WARN
            and index > 0
            and before[index - 1] == "of"
            and not (_FORECAST | _THREATS).isdisjoint(before[: index - 1])
        )
        # "the vote is on Friday", "calling hours are 2 to 5 p.m. Sunday": a schedule
        or (
            (word in ("is", "are") or word in _IT_IS)
            and (index <= 1 or all(w in _RANGE_WORDS or w[:1].isdigit() for w in before[:index]))
        )
        # "the agency has until Friday to respond"
        or (word in ("has", "have") and index > 0 and before[index - 1] in ("until", "till"))
        # "Republicans plan a rally Saturday"; not "approved the plan"
        or (word == "plan" and index > 0 and before[index - 1] in ("a", "an", "their", "its"))
        # "I'm free Thursday afternoon", "is she available Monday?"
        or (word in _AVAILABLE and (following in _BE_PRESENT or following in ("you", "we")))
        # "I'm out Friday afternoon", "she's back Monday": where one will be, right before it
        or (word in _AWAY and index == 0 and following in _BE_PRESENT)
        # a review's release line: "Out Friday." (a verbless line opened by "out")
        or (word == "out" and index == 0 and len(before) == 1)
        # "I'll have it to you by Friday", "it has to be done by Friday": no perfect tense
        or (word == "have" and (following in ("will", "shall") or following.endswith("'ll")))
        or (word in ("has", "have") and index > 0 and before[index - 1] == "to")
        # "has Thursday off", "the trips we have in January": a fixture list
        or (word in ("has", "have") and _fixtures_had(before, index))
    )
    return Tense.FUTURE if ahead else None


def _moved_cue(before: list[str], index: int, words: WordLists) -> Tense | None:
    """A date something is moved to: "postponed until Tuesday", "was moved to April 12"."""
    word = before[index]
    following = before[index + 1] if index + 1 < len(before) else ""
    moved = word in _MOVE and index > 0 and before[0] in ("to", "until", "till")
    if (
        moved
        or (
            word in words.reschedule
            and following != "had"
            # the new date right after its "until" or "to"; not "extended to four hours a
            # day in July"
            and not words.deadline.isdisjoint(before[: min(index, 2)])
        )
    ):
        return _moved(word, following)
    return None


def _moved(word: str, following: str) -> Tense:
    """The tense of a date something was moved to: told in the past, the nearest one.

    Put off to ("postponed until", "extended to"), it is a later date: ahead unless just past.
    """
    if following in ("be", "will", "'ll", "shall") or not (
        word.endswith("ed") or word in ("gave", "given")
    ):
        return Tense.FUTURE  # "will be moved to Friday", "move the call to Thursday"
    return Tense.POSTPONED if word in _PUT_OFF else Tense.SCHEDULED


# verbs that move a date later: the date they move it to lies after the one planned
_PUT_OFF = frozenset(
    ("postponed", "delayed", "deferred", "extended", "adjourned", "pushed", "given", "gave")
)


_WARN = frozenset(("warning", "warnings", "warned", "warn", "warns"))


def _warning_hours(before: list[str], index: int, words: WordLists) -> bool:
    """Are the words between a warning and the date its hours ("warning for Galway from")?

    The date follows "from" or "until" right away, or ends a range with "until"; not "warnings
    from Moscow on Thursday" (who warned).
    """
    between = before[:index]
    return (
        0 < index <= 9
        and (before[0] in ("from", "until", "till") or not {"until", "till"}.isdisjoint(between))
        and not any(_tense_of(word, words) is Tense.PAST for word in between)
    )


def _fixture_place(between: list[str]) -> bool:
    """Are the words between "is" and a date (read backwards) a place: "at Redmarsh on"?"""
    if len(between) < 3 or len(between) > 4 or between[0] != "on":
        return False
    return between[-1] in ("at", "in") and all(word.isalpha() for word in between[1:-1])


# what a payroll takes or pays for a month: "deductions for October", "wages for March"
_PAY_PERIOD = frozenset(("deductions", "remittances", "contributions", "salaries", "wages"))


def _results_cue(before: list[str], index: int) -> Tense | None:
    """Cues of financial reporting: "reports results Tuesday", "the index for January"."""
    word = before[index]
    following = before[index + 1] if index + 1 < len(before) else ""
    if index == 0 and word == "for" and following in _FORESEEN:
        return Tense.FUTURE  # "raised its forecast for the fourth quarter": the one ahead
    if index == 0 and word == "for" and (following in _FIGURES or following in _PAY_PERIOD):
        # "the consumer price index for January will be released Wednesday"; "told to
        # continue deductions for October" (said in November): the month paid for, the nearest
        return Tense.NONE
    if word in _RELEASE:
        at = index - 1  # the words after the verb, read back towards the mention
        while at >= 0 and before[at] in _RESULTS_BETWEEN:
            at -= 1
        if at >= 0 and before[at] in _RESULTS:
            return Tense.FUTURE  # "Apple reports results after the close Tuesday"
        between = before[:index]
        if set(between) <= _MARKET_HOURS and set(between) & _MARKET_MARKS:
            return Tense.FUTURE  # "Vantor reports after the close on Thursday"
    return None


_NEGATIONS = frozenset(("not", "never"))
_AND_OR = frozenset(("and", "or"))


# a modal of what may come before a passive looks ahead ("may be needed Friday", "tickets can
# be bought Monday": what can be done on a day is still to come); "could be"
# (also a past ability: "could be seen Friday"), "must be" (often reported: "had ruled that
# he must be returned") and a negated one stay open
_MAY_BE = frozenset(("may", "might", "can"))


def _passive_be(before: list[str], index: int) -> Tense:
    """The tense of a past form after "be", by the auxiliary before the "be"."""
    at = index + 2
    while at < len(before) and before[at] in _NEGATIONS:
        at += 1  # "will not be settled by the fall": the auxiliary before "not"
    auxiliary = before[at] if at < len(before) else ""
    if auxiliary == "to" and at + 1 < len(before) and before[at + 1] == "had":
        return Tense.PAST  # "bids had to be received by March 1": an obligation past
    if auxiliary in ("will", "'ll", "shall", "to", "going", "would"):
        return Tense.FUTURE  # "said the decision would be reviewed on Monday": ahead
    if auxiliary in _MAY_BE and at == index + 2:
        return Tense.FUTURE  # "a second shut-off may be needed Friday morning": ahead
    return Tense.NONE


# adverbs not in "-ly" that may stand between "be" and its participle
# (and "not": "if it is not paid by the 31st", a present passive denied still looks ahead)
_PASSIVE_ADVERBS = frozenset(("also", "again", "not"))


def _passive(before: list[str], index: int) -> Tense | None:
    """A past form after "be" is a passive: "will be held" looks ahead, "could be" is open.

    An adverb in "-ly" may come between ("might not be fully restored until Saturday").
    """
    participle = index
    if index + 3 < len(before) and before[index + 1] in _AND_OR and before[index + 3] in _BE:
        index += 2  # "will be cleaned and repaired by Friday": one passive's second participle
    between = before[index + 1] if index + 2 < len(before) else ""
    if (between.endswith("ly") and between != "july") or between in _PASSIVE_ADVERBS:
        # "be fully restored", "are newly built", a post's "we're also closed New Year's
        # Day": the auxiliary before the adverb
        index += 1
    if index + 1 < len(before) and before[index + 1] in ("be", "being"):
        return _passive_be(before, index)
    if index + 1 < len(before) and before[index + 1] in ("get", "gets"):
        # "my sister gets married on June 8": an event to come; "did not plan to get
        # vaccinated": the infinitive's "to" and what governs it decide
        return None if before[index + 2 : index + 3] == ["to"] else Tense.FUTURE
    if index + 1 < len(before) and before[index + 1] in _PRESENT_BE_ALL:
        # "markets are closed Thursday": a present passive right before the date is a plan,
        # and so with a preposition of the time between ("Parking is banned from 10 p.m.
        # Friday", "the road is closed on Monday")
        timed = participle == 1 and before[0] in _RULE_PREPOSITIONS
        # "Parking is banned on Second Avenue from 3 p.m. Friday": a place between the rule
        # and the hours it holds, as in "is banned from 10 p.m. Friday"
        timed = timed or (
            before[0] in _RULE_SPANS
            and 2 < participle <= 6
            and before[participle - 1] in _PLACE_PREPOSITIONS
        )
        # "I'm stuck in the vendor review Thursday morning": a writer's own state on a day
        # is one to come ("I was stuck" is past)
        mine = before[index + 1] in _FIRST_PERSON_BE
        return Tense.FUTURE if participle == 0 or timed or mine else Tense.PRESENT
    return Tense.PAST


_WILL = frozenset(("will", "'ll", "shall", "won't", "wo"))
_RULE_PREPOSITIONS = frozenset(("on", "from", "until", "till", "through"))
_RULE_SPANS = frozenset(("from", "until", "till", "through"))
_PLACE_PREPOSITIONS = frozenset(("on", "in", "at", "along", "near"))
# a plan told in the present ("the album is due in the spring"): the writer's own time
_PLANNED_NOW = frozenset(("due", "expected", "scheduled", "planned", "set"))
_PRESENT_BE = frozenset(("is", "are"))
# "is", "are", "am" and the contractions that can only be them: "I'm stuck in a review
# Thursday morning" is a present state, no past ("he's" may be "he has")
_PRESENT_BE_ALL = frozenset(
    ("is", "are", "am", "i'm", "we're", "you're", "they're", "im", "isn't", "aren't")
)
_FIRST_PERSON_BE = frozenset(("am", "i'm", "we're", "im"))


def _planned_now(before: list[str], at: int) -> bool:
    """Is the word at ``at`` (or the one before its "to") a plan told in the present?"""
    if before[at] == "to" and at > 0:
        if before[at - 1] in _PRESENT_BE:
            return True  # "a history is to be published in the spring"
        at -= 1  # "is expected to open in the spring"
    return at > 0 and before[at] in _PLANNED_NOW and before[at - 1] in _PRESENT_BE


def will_at(text: str, sentence: tuple[int, int], start: int, words: WordLists) -> bool:
    """Is the mention's future a "will" of the writer's own time, not a request or a plan?

    "The maps will not be ready by the fall" speaks from the reference; "clerks urged the
    commission to finish by the fall", in a story, from the story's time.
    """
    before = [w.lower() for w in _WORD.findall(text, max(sentence[0], start - 200), start)]
    before = before[-_WINDOW:]
    for at in range(len(before) - 1, -1, -1):
        word = before[at]
        if word in _WILL or word.endswith("'ll"):
            return True
        if _planned_now(before, at):
            return True  # "a new album is due in the spring", in a story of past years
        if at > 0 and before[at - 1] == "be" and word in words.past:
            continue  # "is to be published": a passive infinitive, read on to its "to"
        if word == "to" or word in words.past or word in _REQUEST:
            return False
    return False


# the last word before a mention, when only spaces part them
_LAST_WORD = re.compile(r"([A-Za-z]+) +$")
# words that open a reported clause's subject but are none: "said it would", "said the ..."
_NOT_A_SUBJECT_NOUN = frozenset(
    {
        *("it", "he", "she", "they", "we", "i", "you", "that", "this", "the", "a", "an"),
        *("its", "his", "her", "their", "our", "in", "on", "at", "by", "for", "to", "of"),
    }
)


def reported_subject_at(
    text: str, sentence: tuple[int, int], start: int, end: int, words: WordLists
) -> Tense | None:
    """The tense of a reported clause whose subject is the mention, or holds it.

    "It said fourth-quarter earnings would rise", "said the fourth quarter would be weak":
    the period is the reported clause's subject, so its verb ("would rise") tells its tense,
    not the verb of saying before it. ``None`` when the mention does not follow a verb of
    saying, or its clause's verb does not come right after it (or after one noun).
    """
    last = _LAST_WORD.search(text, max(sentence[0], start - 16), start)
    if last is None or last.group(1).lower() not in words.speech:
        return None
    limit = min(sentence[1], end + _NEAR)
    comma = text.find(",", end, limit)
    after = [w.lower() for w in _WORD.findall(text, end, comma if comma >= 0 else limit)[:3]]
    for index, word in enumerate(after[:2]):
        if word in _CONJUNCTIONS or word in _SUBORDINATORS:
            return None
        if index == 0 and figures_follow(after):
            continue  # "fourth-quarter earnings would rise": the noun the period qualifies
        found = _cue_after(after, index, words, day=False)
        if found is not None:
            return found
        if word in _NOT_A_SUBJECT_NOUN or not word.isalpha():
            return None  # "said on Tuesday it would": "it" is the subject
    return None


def pluperfect_at(text: str, sentence: tuple[int, int], start: int) -> bool:
    """Is the mention in a past-perfect clause ("had landed on 28 September"), told out of order?"""
    before = [w.lower() for w in _WORD.findall(text, max(sentence[0], start - 200), start)[-6:]]
    return "had" in before and "to" not in before[before.index("had") :]


# The words a phrase or form cue can begin with (``_phrase_cue``, ``_form_cue``), besides the
# lexicon's intent and plan words, "-ing" forms and a weather forecast's verbs: any other word
# is passed over at once. A cue added there needs its word here.
# a post taken up or left in the present, a handover's timetable: "takes over Monday",
# "takes office Jan. 20", "steps down Friday" (not "took over", "stepped down"); a start
# in the present is one too: "the parade steps off at noon Friday", "the flight takes off Monday"
_TAKES_UP = frozenset(("takes", "steps", "hands"))
_TAKEN_UP = frozenset(("over", "office", "charge", "command", "down", "aside", "off"))
_PHRASE_WORDS = frozenset(
    {
        *("to", "set", "forecast", "effect", "force", "chance", "of", "is", "are", "as", "for"),
        *_TAKEN_UP,
        *("has", "have", "plan", "warning", "warnings", "warned", "warn", "warns", "sale"),
        *_IT_IS,
        *_AVAILABLE,
        *_AWAY,
    }
)
_FORM_WORDS = frozenset(
    {"since", "if", "beginning", "starting", "has", "have", "got", "expected"}
    | _SCHEDULE_ING
    | _MODALS
)


def _proposal(before: list[str]) -> bool:
    """Is "thinking" a chat's polite proposal ("i was thinking the weekend of the 28th")?"""
    return before[1:3] in (["was", "i"], ["were", "we"])


# a plan being moved, right before its day: "Re: pushing Thursday's sync" (a subject line)
_MOVING = frozenset(("pushing", "moving", "rescheduling", "postponing", "bumping"))

# "have got" is "have": "I've got a slot Friday", "she's got the van Monday"
_HAVE_GOT = ("'ve", "have", "has", "'s", "\u2019ve", "\u2019s")


# the words that can head a cue of ``_head_cue`` (the cheap test before its readers)
_PHRASE_HEADS = frozenset(
    {
        "couldn't",
        *_BARE_PAST,
        *_BARE_PAST_MORE,
        *_BARE_NOUN_VERBS,
        *_ADVICE,
        *_HAVE_PRESENT,
        *_RELEASE,
        *_SAYING,
        *("in", "could", "into", "for"),
    }
)
