"""Regular-expression building blocks made from a lexicon's word classes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from eventline.lexicon import Lexicon

__all__ = ["Pieces", "alternation", "build_pieces", "lower_alternation", "parse_number"]


_SMALL_WORDS = frozenset(("of", "the", "and", "de"))
_INITIALS = 3


def _variants(word: str) -> list[str]:
    cap = word[:1].upper() + word[1:]
    title = " ".join(part[:1].upper() + part[1:] for part in word.split(" "))
    headline = " ".join(  # "Fourth of July": small words stay lower case
        part if part in _SMALL_WORDS else part[:1].upper() + part[1:] for part in word.split(" ")
    )
    headline = headline[:1].upper() + headline[1:]
    forms = [cap, title, headline, word.upper()]
    first, _, rest = title.partition(" ")
    if rest and len(first) <= _INITIALS:  # "MLK Day": initials, then the name's words
        forms.append(f"{first.upper()} {rest}")
    return list(dict.fromkeys(forms))


def _trie(forms: Iterable[str]) -> str:
    """A regex matching exactly ``forms``, factored by common prefixes (fast to try)."""
    root: dict[str, dict[str, Any]] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict[str, Any]]) -> str:
    terminal = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _emit(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return "(?:" + body + ")?"
    return body


def lower_alternation(words: Iterable[str]) -> str:
    """A regex for ``words`` exactly as given (for text already folded to lower case)."""
    return "(?:" + _trie(words) + ")"


def alternation(words: Iterable[str], *, capitalized_only: bool = False) -> str:
    """A regex for ``words``: any case, or (``capitalized_only``) Capitalized or UPPER only.

    The words are factored into a prefix tree, so the longest form wins and a failed attempt
    costs a character or two rather than one try per word.
    """
    words = set(words)
    if capitalized_only:
        return "(?:" + _trie(form for word in words for form in _variants(word)) + ")"
    return "(?i:" + _trie(words) + ")"


# Month and weekday names that chat and notes write in lower case ("see u monday", "since
# august", "jan 30") are read so too, except those that are other English words in lower case
# ("march", "may", "mar", "sep"; "sat", "sun", "wed"... are in the short class), and "august"
# the adjective after a determiner ("an august body")
_LOWER_NOT = frozenset(("march", "may", "mar", "sep"))
# abbreviations that are other words in any case ("Weds" the verb): in the short class
_SHORT_TOO = frozenset(("weds",))
# short forms that are no other word, read alone as the longer ones are ("drinks fri?")
_SHORT_ALONE = frozenset(("fri", "thu", "tue"))
# the words after which chat's "march" and "may" are months ("in march", "since may")
_MONTH_AFTER = (
    *("in", "since", "until", "till", "by", "early", "late", "last", "next"),
    *("before", "b4"),  # "renew passport b4 march"
)
# and after the edge of a period: "order the print by end of may", "the rest of march"
_MONTH_AFTER_EDGE = ("end of", "start of", "beginning of", "middle of", "rest of")
# "mar" and "sep" before a day of the month ("week of mar 9", "sep 14 works") are months
# (not the verb after "to" or a modal: "it will mar 3 seasons")
# (each guard reads what follows before what precedes: a look-behind costs more to try, and
# most words tried here are no month at all)
_SHORT_BEFORE_DAY = (
    r"(?=(?:mar|sep)\s+(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?(?![\w:.,]\d|\d))"
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bmight\s)(?<!\bcan\s)"
)
_LOWER_GUARD = {"august": r"(?=august)(?<![Aa]n\s)(?<![Tt]he\s)(?<![Mm]ost\s)(?<![Mm]ore\s)"}


def _lower_forms(words: Iterable[str]) -> str:
    """The lower-case forms of ``words`` that are read as names, or ``''``."""
    kept = sorted(w for w in words if w not in _LOWER_NOT and w.isalpha())
    plain = [w for w in kept if w not in _LOWER_GUARD]
    guarded = [_LOWER_GUARD[w] + re.escape(w) for w in kept if w in _LOWER_GUARD]
    forms = ([lower_alternation(plain)] if plain else []) + guarded
    # "mid-march", "march 2008", "in march": the other words only after "mid-", a preposition
    # of time or a modifier, or before a year ("in may be" is the verb)
    words_too = sorted(w for w in words if w in ("march", "may"))
    if words_too:
        both = lower_alternation(words_too)
        after = "|".join(rf"(?<=\b{word}\s)" for word in _MONTH_AFTER)
        edges = "|".join(
            rf"(?<=\b{first}\s{second}\s)" for first, second in map(str.split, _MONTH_AFTER_EDGE)
        )
        after = f"{after}|{edges}"
        # "the march 2 launch": after "the" and before a day of the month, no verb
        the_day = (
            rf"(?<=\b[Tt]he\s)(?={both}\s+(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?(?![\w:.,]\d|\d))"
        )
        # "we skipped may last year", "got it march 3 so it expires": before a year counted
        # from now, or a day of the month that ends its clause (no count of a noun: "march
        # 3 miles")
        told = (
            rf"(?={both}\s+(?:last|next)\s+(?:year|yr)(?![\w-])(?!\s+(?:after|by|on|to)\b)"
            rf"|{both}\s+(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?"
            r"(?=[ \t]*(?:[,;:!?)\n]|\.(?!\d)|$)|\s+(?:so|but|then|when)\b))"
        )
        forms.append(
            rf"(?={both})(?:(?<=[Mm]id-)|{after}|{the_day}|{told}"
            rf"|(?={both}\s+(?:1[89]|20)\d\d(?!\d)))"
            rf"{both}"
            r"(?!\s+(?:be|have|not|formation)\b)"
        )
    if {"mar", "sep"} <= set(words):
        forms.append(_SHORT_BEFORE_DAY + "(?:mar|sep)")
    return "|".join(forms)


def _names(short: list[str], short_end: str, full: list[str]) -> str:
    """Capitalized names, abbreviated ("Sept.", "Tues.") or in full, as one alternation.

    Lower-case forms are read too where they are no other word ("monday", "nov 3").
    """
    shortened = alternation(short, capitalized_only=True) + short_end
    lower_short, lower_full = _lower_forms(short), _lower_forms(full)
    if lower_short:  # "back in jan. search the old threads": no period in lower case
        shortened = f"(?:{shortened}|(?:{lower_short})(?!\\w))"
    whole = alternation(full, capitalized_only=True)
    if lower_full:
        whole = f"(?:{whole}|{lower_full})"
    return f"(?:{shortened}|{whole}(?!\\w))"


class Pieces:
    """Named regex fragments for one lexicon (no capturing groups inside)."""

    def __init__(self, lex: Lexicon) -> None:
        abbreviations = [m for m in lex.months if len(m) <= 4 and m not in {"may", "june", "july"}]
        full_months = [m for m in lex.months if m not in abbreviations]
        self.month = _names(abbreviations, r"\.?(?![\w])", full_months)
        full_days = [d for d in lex.weekdays if d.endswith("day")]
        # "Tues.", "Thurs.", "fri" (the period may be left out): the abbreviations that are no
        # other word ("Sun", "Sat", "Wed" are)
        loose = [
            d
            for d in lex.weekdays
            if d not in full_days and (len(d) > 3 or d in _SHORT_ALONE) and d not in _SHORT_TOO
        ]
        self.weekday = _names(loose, r"\.?(?![\w.])", full_days)
        # "Mon", "Sat", "Sun", "Weds"... are other words too: read only right before a date
        # ("Tue 5 Mar", "Sat 4/27", "Mon, Mar 4, 2024") or after "this", "next", "last" ("this
        # Sat"), where the rules place this fragment; in lower case not after "last" ("when I
        # last sat down")
        short = [d for d in lex.weekdays if d not in full_days and d not in loose]
        dotted = [d for d in short if d not in _SHORT_TOO]  # "Weds" has no period
        not_last = r"(?<![Ll]ast\s)(?<![Pp]ast\s)"
        dotted_forms = f"{alternation(dotted, capitalized_only=True)}|{not_last}" + (
            lower_alternation(dotted)
        )
        bare_forms = f"{alternation(_SHORT_TOO, capitalized_only=True)}|{not_last}" + (
            lower_alternation(_SHORT_TOO)
        )
        self.weekday_short = (
            f"(?:{self.weekday}|(?:{dotted_forms})\\.?(?![\\w.])|(?:{bare_forms})(?!\\w))"
        )
        word_numbers = [w for w in lex.numbers if w not in {"a", "an"}]
        tens = [w for w, v in lex.numbers.items() if v in range(20, 100, 10)]
        # "twenty-four": the plain digit words, not "a" or "a couple"
        digit_words = (w for w, v in lex.numbers.items() if v in range(1, 10) and len(w) > 2)
        units = [w for w in digit_words if "couple" not in w]
        compound = "(?:" + alternation(tens) + r"(?:[\s-]+" + alternation(units) + ")?)"
        articles = alternation(["a", "an"])
        # "a hundred and sixteen", "four hundred forty-four": as spoken, in words
        small = alternation(
            w for w, v in lex.numbers.items() if v in range(1, 20) and w.isalpha() and len(w) > 2
        )
        below_hundred = f"(?:{compound}|{small})"
        hundreds = (
            rf"(?:(?:{articles}|{small})\s+(?i:hundred)(?:\s+(?i:and\s+)?{below_hundred}(?!\w))?)"
        )
        thousands = (  # "two thousand years", "ten thousand years"
            rf"(?:(?:{articles}|{compound}|{small})\s+(?i:thousand)"
            rf"(?:\s+(?i:and\s+)?(?:{hundreds}|{below_hundred})(?!\w))?)"
        )
        self.number_word = (
            f"(?:{thousands}|{hundreds}|{compound}|{alternation(word_numbers)}|{articles})"
        )
        self.digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
        self.number = "(?:" + self.digits + "|" + self.number_word + r"(?!\w))"
        self.vague = alternation(lex.vague_numbers)
        self.ordinal_word = alternation(w for w in lex.ordinals if lex.ordinals[w] > 0)
        self.ordinal = r"(?:\d{1,2}(?:st|nd|rd|th)|" + self.ordinal_word + ")"
        self.unit = alternation(lex.units) + r"(?!\w)"
        self.season = alternation(lex.seasons) + r"(?!\w|-\w)"  # not "fall-through"
        self.part_of_day = alternation(lex.parts_of_day) + r"(?!\w)"
        self.deictic_day = alternation(lex.deictic_days) + r"(?!\w)"
        self.fuzzy = alternation(lex.fuzzy) + r"(?!\w)"
        self.modifier = alternation(lex.modifiers)
        self.quantity_modifier = alternation(lex.quantity_modifiers)
        self.set_adverb = alternation(lex.set_adverbs) + r"(?!\w)"
        holidays = [*lex.holidays, *lex.movable_holidays]
        # holiday names are read in lower case too ("after xmas", "over thanksgiving", "work
        # black friday", "till new year's"); not "good friday" (a good Friday for sales)
        single = [h for h in holidays if h != "good friday"]
        self.holiday_cap = (
            f"(?:{alternation(holidays, capitalized_only=True)}|{lower_alternation(single)})"
            r"(?!\w)"
        )
        plurals = [d + "s" for d in full_days]
        self.weekday_plural = (
            f"(?:{alternation(plurals, capitalized_only=True)}|{_lower_forms(plurals)})(?!\\w)"
        )


def build_pieces(lex: Lexicon) -> Pieces:
    """Build the regex fragments of ``lex``."""
    return Pieces(lex)


def _word_value(word: str, lex: Lexicon) -> int | None:
    return lex.numbers.get(word.lower())


def parse_number(text: str, lex: Lexicon) -> int | None:
    """The value of a number written in digits or words; ``None`` for vague or unknown."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text in lex.vague_numbers:
        return None
    digits = text.replace(",", "")
    if digits.replace(".", "", 1).isdigit():
        number = float(digits)
        return int(number) if number.is_integer() else None
    if text in lex.numbers:
        return lex.numbers[text]
    total = current = 0
    for part in text.split(" "):
        if part == "and" and (total or current):  # "a hundred and sixteen"
            continue
        value = _word_value(part, lex)
        if value is None:
            return None
        if value == 1000:  # "two thousand five hundred"
            total, current = total + (current or 1) * 1000, 0
        else:
            current = (current or 1) * 100 if value == 100 else current + value
    return (total + current) or None
