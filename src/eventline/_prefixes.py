"""What a regular expression's matches can begin with (for fast rule dispatch).

The recognizer tries, at a position, only the rules whose matches can begin with the next few
characters there. Those characters are read *folded* (``fold``: ASCII lower case, every digit
a ``0``, every kind of white space a plain space, the few letters beyond ASCII that a
case-blind pattern reads as ASCII ones), and a rule's prefixes are folded the same way.
Folding only ever widens what a prefix admits, so a rule is never left out where it could
match; the rule's own pattern still decides.
"""

from __future__ import annotations

import re
import string
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["KEY_FOLD", "fold", "prefixes"]

_SPACES = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
KEY_FOLD = str.maketrans(
    {
        **{chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)},
        **dict.fromkeys(string.digits, "0"),
        **dict.fromkeys(_SPACES, " "),
    }
)
# The characters beyond ASCII that a case-blind pattern reads as an ASCII letter
_CASE_BLIND = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def fold(key: str) -> str:
    """``key`` folded as prefixes are (Unicode digits, spaces and case-blind letters too)."""
    folded = key.translate(KEY_FOLD)
    if folded.isascii():
        return folded
    return "".join(
        "0" if char.isdecimal() else " " if char.isspace() else _CASE_BLIND.get(char, char)
        for char in folded
    )


def _cased(chars: set[str], ignore_case: bool) -> set[str]:
    if not ignore_case:
        return chars
    return {variant for char in chars for variant in (char.lower(), char.upper())}


def _charset(items: list[tuple[Any, Any]], ignore_case: bool) -> set[str] | None:
    """The characters of a ``[...]`` class, or ``None`` when it is too wide to list."""
    chars: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            chars.add(chr(arg))
        elif op is c.RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
            chars.update(string.digits)
        elif op is c.CATEGORY and arg is c.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return _cased(chars, ignore_case)


class _TooManyError(Exception):
    """The pattern's prefixes are too many to list."""


class _Prefixes:
    """Walks a parsed pattern, growing the set of prefixes not yet ``size`` long."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        self.closed: set[str] = set()  # full length, or followed by anything

    def close(self, prefixes: set[str]) -> None:
        self.closed |= prefixes
        if len(self.closed) > self.limit:
            raise _TooManyError

    def _extend(self, open_: set[str], chars: set[str]) -> set[str]:
        if len(open_) * len(chars) > self.limit:  # too many to list: these go on with anything
            self.close(open_)
            return set()
        grown = {fold(prefix + char) for prefix in open_ for char in chars}
        self.close({prefix for prefix in grown if len(prefix) >= self.size})
        return {prefix for prefix in grown if len(prefix) < self.size}

    def sequence(self, items: Any, open_: set[str], ignore_case: bool) -> set[str]:
        for op, arg in items:
            if not open_:
                break
            open_ = self.node(op, arg, open_, ignore_case)
        return open_

    def _repeat(self, arg: Any, open_: set[str], ignore_case: bool) -> set[str]:
        low, high, body = arg
        result: set[str] = set()
        current = open_
        for count in range(min(high, low + self.size) + 1):
            if count >= low:
                result |= current
            if not current or count == high:
                break
            current = self.sequence(body, current, ignore_case)
        else:
            result |= current  # repeated past the key's length: anything may follow
        return result

    def node(  # noqa: PLR0911 - one return per kind of regex node
        self, op: Any, arg: Any, open_: set[str], ignore_case: bool
    ) -> set[str]:
        """The open prefixes after the node ``op arg``."""
        if op is c.LITERAL:
            return self._extend(open_, _cased({chr(arg)}, ignore_case))
        if op is c.IN and (chars := _charset(arg, ignore_case)) is not None:
            return self._extend(open_, chars)
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero width
            return open_
        if op is c.BRANCH:
            result: set[str] = set()
            for branch in arg[1]:
                result |= self.sequence(branch, set(open_), ignore_case)
            return result
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            if add_flags & re.IGNORECASE:
                ignore_case = True
            if del_flags & re.IGNORECASE:
                ignore_case = False
            return self.sequence(body, open_, ignore_case)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            return self._repeat(arg, open_, ignore_case)
        if op is c.ATOMIC_GROUP:
            return self.sequence(arg, open_, ignore_case)
        self.close(open_)  # a wide class, any character, a back-reference: anything follows
        return set()


def prefixes(pattern: str, size: int, limit: int = 4000) -> frozenset[str] | None:
    """What a match of ``pattern`` can begin with: folded strings at most ``size`` long.

    A prefix shorter than ``size`` stands for itself followed by anything (the pattern can
    end there, or goes on with a class too wide to list). ``None`` when a match can be empty
    or the prefixes are more than ``limit``: the pattern may then match anywhere.
    """
    parsed = _parser.parse(pattern)
    walk = _Prefixes(size, limit)
    try:
        walk.close(walk.sequence(parsed, {""}, bool(parsed.state.flags & re.IGNORECASE)))
    except _TooManyError:
        return None
    if "" in walk.closed:
        return None
    return frozenset(walk.closed)
