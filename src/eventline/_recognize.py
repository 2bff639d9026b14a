"""Recognition: text → underspecified mentions, without ever seeing a reference date.

Two passes keep it fast. One cheap pattern finds *trigger* words (month and weekday names,
units, deictic words, numbers); most text has none and costs nothing more. At each trigger,
the grammar's rules are tried, most specific first, from the earliest word that could start an
expression ("the past three ...", "early ...") up to the trigger; at each of those positions,
only the rules whose matches can begin with the next few characters (``_prefixes.py``). A
rule's builder turns its match into a mention, or rejects it (``None``) when the
context says the words are not a time expression ("Theresa May", "2000 troops").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

import attrs

from eventline import _rules
from eventline._grammar import build_pieces, lower_alternation
from eventline._mentions import Mention
from eventline._prefixes import fold, prefixes
from eventline.lexicon import Lexicon, load, load_patterns

__all__ = ["Recognizer", "recognizer"]

Builder = Callable[["_rules.Match"], Mention | None]

_LOOK_BACK_WORDS = 6
_CHOSEN_KEPT = 4096  # the memo of the rules chosen at a position's characters
_KEY = 6  # characters read at a position to choose the rules tried there


@attrs.frozen
class _Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder


def _trigger_words(lex: Lexicon) -> set[str]:
    words: set[str] = set()
    for table in (
        lex.months,
        lex.weekdays,
        lex.units,
        lex.seasons,
        lex.parts_of_day,
        lex.deictic_days,
        lex.fuzzy,
        lex.set_adverbs,
        lex.holidays,
        lex.movable_holidays,
    ):
        phrases = table in (lex.fuzzy, lex.holidays, lex.movable_holidays)
        for phrase in table:
            # Common words never trigger ("new" in "New Year's Day"): the phrase's other words
            # do, and the walk back from them reaches its start (see _lexicon_prefix_words).
            candidates = [
                w
                for w in phrase.split()
                if (w not in lex.words.prefix or w in lex.fuzzy) and w not in _COMMON
            ]
            if phrases and candidates:
                # A name of several words is found from its last word, walking back: "being"
                # alone triggers "the time being", not "time"; "king" in "Martin Luther King
                # Day" triggers nothing, as "king" alone is mostly no holiday.
                candidates = candidates[-1:]
            words.update(candidates)
    words.update(day + "s" for day in lex.weekdays if day.endswith("day"))
    words.update(lex.words.triggers)
    return words


_CURRENCY = frozenset("$£€¥")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_DECIMAL = re.compile(r"\.\d+(?![.\d]|\s?[ap]\.?m\b)")  # "2.5", not "9.5.2023" or "6.30pm"
_COMMON = frozenset({"new", "time", "near", "good", "upon", "once", "right", "just"})


_WORD_BEFORE = re.compile(r"(?<![\w'.-])([\w'.-]+)[ \t\n]+$")


def _phrase_ends(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Trigger words that only end a name of several words, with the words that precede them.

    "being" only ends "the time being" and "while" only "a while": met after any other word,
    they start nothing, and the walk back from them need not be tried.
    """
    alone: set[str] = set(lex.words.triggers)
    for names in (lex.months, lex.weekdays, lex.units, lex.seasons, lex.parts_of_day):
        alone.update(names)
    alone.update(lex.deictic_days)
    needs: dict[str, set[str]] = {}
    phrases = [*lex.fuzzy, *lex.holidays, *lex.movable_holidays, *lex.set_adverbs]
    for phrase in phrases:
        *rest, last = phrase.split()
        if not rest:
            alone.add(last)
        else:
            needs.setdefault(last, set()).add(rest[-1].strip(".'"))
    return {word: frozenset(words) for word, words in needs.items() if word not in alone}


def _lexicon_prefix_words(lex: Lexicon) -> frozenset[str]:
    words: set[str] = set()
    phrases = [*lex.fuzzy, *lex.holidays, *lex.movable_holidays]  # multi-word names
    for phrase in phrases:
        words.update(word.strip(".'") for word in phrase.split()[:-1])  # as _starts reads them
    counts = [*lex.numbers, *lex.vague_numbers, *lex.ordinals]
    for phrase in [*counts, *lex.quantity_modifiers, *lex.modifiers]:
        for word in phrase.split():
            words.update(word.split("-"))
    return frozenset(words)


_ASCII_LOWER = str.maketrans({chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)})


class Recognizer:
    """All rules of one language, compiled once."""

    def __init__(self, lex: Lexicon) -> None:
        self.lexicon = lex
        rules = list(_rules.rules(build_pieces(lex), load_patterns(lex.language)))
        self._rules = tuple(_Rule(rule.name, rule.compiled, rule.build) for rule in rules)
        # At a position, only the rules whose matches can begin with the next few characters
        # there are tried, in priority order: "the past three" tries the few rules that can go
        # on with "the p", not all those that begin with "the". ``_choice`` maps each
        # prefix some rule begins with to the rules that can begin with a text that begins
        # with it; at a position, the longest such prefix of the text there decides.
        begins = [prefixes(rule.pattern, _KEY) for rule in rules]
        anywhere = {index for index, first in enumerate(begins) if first is None}
        starting: dict[str, set[int]] = {}
        for index, first in enumerate(begins):
            for prefix in first or ():
                starting.setdefault(prefix, set()).add(index)
        self._choice: dict[str, tuple[_Rule, ...]] = {}
        for key in starting:
            heads = (starting.get(key[:size], ()) for size in range(1, len(key) + 1))
            self._choice[key] = tuple(self._rules[i] for i in sorted(anywhere.union(*heads)))
        self._anywhere = tuple(self._rules[index] for index in sorted(anywhere))
        self._chosen_for: dict[str, tuple[_Rule, ...]] = {}  # the rules chosen by raw text
        self._prefix_words = lex.words.prefix | _lexicon_prefix_words(lex)
        self._needs = _phrase_ends(lex)
        words = lower_alternation(_trigger_words(lex))
        # "FY24" is one token: its digits follow a letter, so "fy" and a digit trigger it
        # Each trigger is found with the character before it, so that the pattern begins with
        # a character class: the scan skips the inside of words without trying a match there.
        # A number after "/" never triggers ("3/4", "24/7"); the second year of "the 2022/23
        # season" is read right after the first (see ``mentions``).
        # One leading class for both kinds lets the regex engine skip to each non-word
        # character (a third faster than two alternatives that each begin with a class).
        self._trigger = re.compile(rf"\W(?:(?<![.,/])(\d+)|({words}(?!\w)|fy\d))")

    def _chosen(self, text: str, start: int) -> tuple[_Rule, ...]:
        """The rules that can match at ``start``, in priority order."""
        raw = text[start : start + _KEY]
        found = self._chosen_for.get(raw)
        if found is not None:
            return found  # the same characters choose the same rules
        key = fold(raw)
        choice = self._choice
        found = self._anywhere
        for size in range(len(key), 0, -1):
            chosen = choice.get(key[:size])
            if chosen is not None:
                found = chosen
                break
        if len(self._chosen_for) >= _CHOSEN_KEPT:
            self._chosen_for.clear()  # a bounded memo: any text costs the same memory
        self._chosen_for[raw] = found
        return found

    def _starts(self, text: str, trigger: int, floor: int) -> list[int]:
        """Where an expression holding the trigger may start, leftmost first.

        That is the trigger's own token and each earlier token, going back while they are
        words that can begin an expression ("the", "past", "three", "early"...).
        """
        start = trigger
        while start > floor and (
            text[start - 1].isalnum()
            or text[start - 1] in "'-"
            or (text[start - 1] == "." and start - 1 > floor and text[start - 2].isdigit())
        ):  # "1.5-hour": a decimal is one token
            start -= 1
        if start < trigger and text[start] == "-":
            start += 1  # "1990-1995", "Friday-Sunday", "9am-5pm": the token starts after the dash
        starts = [start]
        for _ in range(_LOOK_BACK_WORDS):
            end = start
            while end > floor and text[end - 1] in " ,\t\n":
                end -= 1
            if end == start:
                break
            begin = end
            while begin > floor and (text[begin - 1].isalnum() or text[begin - 1] in "'.-&$"):
                begin -= 1
            word = text[begin:end].lower().strip(".'")
            number = word.replace(".", "", 1).isdigit()  # "2.5 hours"
            if not word or (word not in self._prefix_words and not number):
                break
            start = begin
            starts.append(start)
        starts.reverse()
        return starts

    def _amount(self, lowered: str, start: int, end: int) -> bool:
        """A number that is money, a percentage or a decimal ("$3", "12%", "2.5", "9 million")."""
        if not lowered[start].isdigit():
            return False
        if start and lowered[start - 1] in _CURRENCY:
            return True
        if lowered[end : end + 1] == "%" or _DECIMAL.match(lowered, end):
            return True
        word = _NEXT_WORD.match(lowered, end)
        return word is not None and word.group(1) in self.lexicon.words.amounts

    def _at(
        self, text: str, start: int, date_order: str, reach: int = -1
    ) -> tuple[Mention, int] | None:
        """The first rule match at ``start`` that its builder accepts and ends past ``reach``.

        A match that stops short of the trigger is passed over for the next rule's: "on the
        second and fourth Tuesdays" is no day "the second" before a set.
        """
        for rule in self._chosen(text, start):
            match = rule.pattern.match(text, start)
            if match is not None and match.end() > reach:
                # (every group, those that took no part None: ``Match.get`` reads them so)
                found = rule.build(
                    _rules.Match(
                        text, start, match.end(), match.groupdict(), self.lexicon, date_order
                    )
                )
                # else the context says it is no time expression
                if found is not None and found.end > reach:
                    return found, found.end
        return None

    def mentions(self, text: str, date_order: str = "MDY") -> Iterator[Mention]:
        """Yield the mentions of ``text`` in text order, without overlaps."""
        done = 0
        failed: set[int] = set()  # starts already tried for an earlier trigger, in vain
        # Triggers are found in an ASCII-lower-cased copy, after one added space (so that a
        # trigger at the very start has a character before it): offsets there are one more.
        lowered = " " + text.translate(_ASCII_LOWER)
        for trigger in self._trigger.finditer(lowered):
            group = trigger.lastindex or 0
            at = trigger.start(group)
            position = at - 1
            if position < done or self._amount(lowered, at, trigger.end(group)):
                continue
            need = self._needs.get(trigger.group(group))
            if need is not None:  # "being" only ends "the time being"
                before = _WORD_BEFORE.search(lowered, max(0, at - 32), at)
                if before is None or before.group(1).strip(".'") not in need:
                    continue
            for start in self._starts(text, position, done):
                if start in failed:
                    continue  # nothing starts there, or nothing that reaches this far
                result = self._at(text, start, date_order, position)
                if result is not None:
                    done = result[1]
                    yield result[0]
                    if text.startswith("/", done) and text[done + 1 : done + 2].isdigit():
                        after = self._at(text, done + 1, date_order)  # "2022/[23]"
                        if after is not None:
                            done = after[1]
                            yield after[0]
                    break
                failed.add(start)


@functools.cache
def recognizer(language: str = "en") -> Recognizer:
    """The compiled recognizer of ``language`` (built once per process)."""
    return Recognizer(load(language))
