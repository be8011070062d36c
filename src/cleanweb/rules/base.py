"""Rules as data: every rule has an id, a pattern, a one-line reason and an action.

Rule tables live in sibling modules grouped by concept and language (``generic``,
``zh``); a :class:`RuleSet` compiles a table once and matches text against it with a
per-call timeout, so no pattern can stall on hostile page text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

#: Seconds any single rule match on page text may take before it counts as "no match".
MATCH_TIMEOUT = 0.05


@dataclass(frozen=True, slots=True)
class Rule:
    """One named pattern. ``pattern`` is a ``regex`` (V1) source, matched with search()."""

    id: str
    pattern: str
    reason: str
    action: str = "drop"
    ignore_case: bool = True

    def compile(self) -> regex.Pattern[str]:
        flags = regex.V1 | (regex.IGNORECASE if self.ignore_case else 0)
        return regex.compile(self.pattern, flags)


class RuleSet:
    """A compiled, immutable table of rules; rule ids must be unique and patterns non-empty."""

    __slots__ = ("_compiled", "rules")

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        ids = [r.id for r in self.rules]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate rule ids in {ids}")
        if any(not r.pattern for r in self.rules):
            raise ValueError("empty rule pattern")
        self._compiled = tuple((r, r.compile()) for r in self.rules)

    def first(self, text: str, action: str | None = None) -> Rule | None:
        """The first rule (in table order) whose pattern occurs in ``text``."""
        for rule, pat in self._compiled:
            if action is not None and rule.action != action:
                continue
            if search(pat, text) is not None:
                return rule
        return None

    def all(self, text: str) -> Iterator[Rule]:
        for rule, pat in self._compiled:
            if search(pat, text) is not None:
                yield rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def search(pat: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pat.search`` bounded by :data:`MATCH_TIMEOUT`; a timeout counts as no match."""
    try:
        return pat.search(text, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        return None


@dataclass(frozen=True, slots=True)
class NameRule:
    """A rule over whole class/id names (space-separated in ``names``), looked up exactly."""

    id: str
    reason: str
    names: str
    action: str = "drop"


_NAME_WORD_RE = re.compile(r"[a-z]+[0-9]*")
_NAME_SEPARATORS_RE = re.compile(r"[-_]+")


def name_words(value: str) -> list[str]:
    """The words of a lower-cased class/id value that name rules are looked up by:
    its letter runs ("main-nav_2" → main, nav), with a trailing number kept and dropped
    ("h3", "ad1" → ad), and each name with its separators removed ("side-bar" →
    sidebar). Whole words only, so "nav" never matches inside "canvas"."""
    words: list[str] = []
    for word in _NAME_WORD_RE.findall(value):
        words.append(word)
        if word[-1].isdigit():
            words.append(word.rstrip("0123456789"))
    for name in value.split():
        joined = _NAME_SEPARATORS_RE.sub("", name)
        if joined != name:
            words.append(joined)
    return words


class NameTable:
    """Whole-word lookup over a table of :class:`NameRule`: one dict probe per word
    (see :func:`name_words`)."""

    __slots__ = ("_index", "rules")

    def __init__(self, rules: Iterable[NameRule]) -> None:
        self.rules: tuple[NameRule, ...] = tuple(rules)
        index: dict[str, NameRule] = {}
        for rule in self.rules:
            names = rule.names.split()
            if not names:
                raise ValueError(f"rule {rule.id} has no names")
            for name in names:
                if name in index:
                    raise ValueError(f"{name!r} in both {index[name].id} and {rule.id}")
                index[name] = rule
        self._index = index

    def get(self, name: str) -> NameRule | None:
        return self._index.get(name)

    def first(self, names: Iterable[str]) -> NameRule | None:
        index = self._index
        for name in names:
            rule = index.get(name)
            if rule is not None:
                return rule
        return None

    def __iter__(self) -> Iterator[NameRule]:
        return iter(self.rules)
