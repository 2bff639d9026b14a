"""The characters a regular expression can start a match with (for fast rule dispatch)."""

from __future__ import annotations

import re
import string
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["first_chars"]

_ANY = None
_DIGITS = frozenset(string.digits)


def _cased(chars: set[str], ignore_case: bool) -> set[str]:
    if not ignore_case:
        return chars
    return {variant for char in chars for variant in (char.lower(), char.upper())}


def _charset(items: list[tuple[Any, Any]], ignore_case: bool) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            chars.add(chr(arg))
        elif op is c.RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
            chars.update(_DIGITS)
        else:
            return _ANY
    return _cased(chars, ignore_case)


def _sequence(items: Any, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """First characters of a sequence of nodes, and whether it can match the empty string."""
    found: set[str] = set()
    for op, arg in items:
        first, nullable = _node(op, arg, ignore_case)
        if first is _ANY:
            return _ANY, False
        found |= first
        if not nullable:
            return found, False
    return found, True


def _node(  # noqa: PLR0911 - one return per kind of regex node
    op: Any, arg: Any, ignore_case: bool
) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return _cased({chr(arg)}, ignore_case), False
    if op is c.IN:
        return _charset(arg, ignore_case), False
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True
    if op is c.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in arg[1]:
            first, empty = _sequence(branch, ignore_case)
            if first is _ANY:
                return _ANY, False
            found |= first
            nullable = nullable or empty
        return found, nullable
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        flags = ignore_case
        if add_flags & re.IGNORECASE:
            flags = True
        if del_flags & re.IGNORECASE:
            flags = False
        return _sequence(body, flags)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, body = arg
        first, empty = _sequence(body, ignore_case)
        return first, empty or low == 0
    if op is c.ATOMIC_GROUP:
        return _sequence(arg, ignore_case)
    return _ANY, False


def first_chars(pattern: str) -> frozenset[str] | None:
    """The set of characters a match of ``pattern`` can begin with; ``None`` if any."""
    parsed = _parser.parse(pattern)
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    first, nullable = _sequence(parsed, ignore_case)
    if first is _ANY or nullable:
        return None
    return frozenset(first)
