"""Rules as data: every rule has an id, a pattern, a one-line reason and an action.

Rule tables live in sibling modules grouped by concept (``text``: chrome lines in the
body; ``byline``: credit and date lines; ``structure``: tag, role and class/id names);
a :class:`RuleSet` compiles a table once and matches text against it with a
per-call timeout, so no pattern can stall on hostile page text. A table whose patterns
need no ``regex`` feature may run on the standard library's ``re`` instead (several times
cheaper to compile); it has no timeout, so such a table's patterns must be gated and
stress-tested with adversarial lines (see :class:`RuleSet`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Generic, Literal, TypeAlias, TypeVar

import regex

#: Seconds any single rule match on page text may take before it counts as "no match".
#: The clock is wall time, which threads contending for the interpreter also spend: it
#: must stay far above any real match (microseconds; patterns are length-gated), or a
#: busy process would change its output. It only stops a pattern gone catastrophic.
MATCH_TIMEOUT = 1.0

#: A compiled rule pattern, from either engine (see :class:`RuleSet`).
Pattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"
Engine = Literal["regex", "re"]


#: A leading line-length gate ``^(?=.{0,N}$)`` in a rule pattern.
_GATE_RE = re.compile(r"^\^\(\?=\.\{0,([0-9]+)\}\$\)")


@dataclass(frozen=True, slots=True)
class Rule:
    """One named pattern. ``pattern`` is a ``regex`` (V1) source, matched with search()."""

    id: str
    pattern: str
    reason: str
    action: str = "drop"
    ignore_case: bool = True
    #: Lines the rule must match (the first match in its table must be this rule) ...
    examples: tuple[str, ...] = ()
    #: ... and lines close to them that it must not match (prose that merely mentions
    #: its words). Tests and rule-case pages are generated from both (see
    #: :mod:`cleanweb.rules.generate`).
    near_misses: tuple[str, ...] = ()
    #: Prefilters that cannot be read off the pattern, each checked against the examples
    #: by the tests. ``needles``: lower-case substrings one of which occurs in every line
    #: the rule matches (a text rule that has them is a scanner, run only when one occurs);
    #: ``ends``: characters one of which ends every such line; ``guard``: a stdlib ``re``
    #: pattern found in the casefolded text of every such line (the byline tables).
    needles: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    guard: str = ""

    @property
    def gate(self) -> int | None:
        """The longest line the rule can match, from a leading ``^(?=.{0,N}$)``, if any."""
        m = _GATE_RE.match(self.pattern)
        return int(m.group(1)) if m else None

    @property
    def source(self) -> str:
        """The pattern with its line-length gate replaced by a plain ``^``: the gate is
        checked as a length instead (see :meth:`RuleSet.all`), which is cheaper than the lookahead
        and leaves one compiled pattern per rule for every user of the table."""
        return _GATE_RE.sub("^", self.pattern, count=1)

    def compile(self) -> regex.Pattern[str]:
        """:attr:`source` compiled by ``regex`` (V1)."""
        flags = regex.V1 | (regex.IGNORECASE if self.ignore_case else 0)
        return regex.compile(self.source, flags)

    def compile_re(self) -> re.Pattern[str]:
        """:attr:`source` compiled by the standard library's ``re``: the same matches for
        patterns without ``regex``-only syntax, except on rare characters (``\\w``/``\\b``
        and ``\\s`` follow ``str`` methods, and case folding is simple: no ß = ss)."""
        return re.compile(self.source, re.IGNORECASE if self.ignore_case else 0)


_P = TypeVar("_P")


class _Lazy(Generic[_P]):
    """A rule's pattern, compiled on first use and then kept: importing a table compiles
    nothing (``extract`` compiles every table before its first page, see
    :func:`cleanweb.extract.compile_rules`). Compiling is idempotent, so threads racing on
    the first use only repeat work."""

    __slots__ = ("_pattern", "rule")

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self._pattern: _P | None = None

    def get(self) -> _P:
        pat = self._pattern
        if pat is None:
            pat = self._pattern = self._compile()
        return pat

    def _compile(self) -> _P:
        raise NotImplementedError


class LazyPattern(_Lazy["re.Pattern[str]"]):
    """A rule's ``re`` pattern (see :class:`_Lazy`)."""

    __slots__ = ()

    def _compile(self) -> re.Pattern[str]:
        return self.rule.compile_re()


class LazyRegex(_Lazy["regex.Pattern[str]"]):
    """A rule's ``regex`` pattern (see :class:`_Lazy`); :func:`search` takes it in place of
    a compiled pattern."""

    __slots__ = ()

    def _compile(self) -> regex.Pattern[str]:
        return self.rule.compile()


class RuleSet:
    """A compiled, immutable table of rules; rule ids must be unique and patterns non-empty.

    Each pattern is compiled on first use (:class:`LazyRegex`, :class:`LazyPattern`).
    ``engine`` "regex" (the default) matches with a per-call timeout; "re" compiles with the
    standard library, which has no timeout: use it only for tables whose every pattern
    carries a line-length gate and is stress-tested with adversarial lines of that length.
    The rules named in ``keep_regex`` stay on ``regex`` (whose engine cuts the nested
    repeats that make ``re`` backtrack exponentially)."""

    __slots__ = ("_compiled", "_gates", "engine", "rules")

    def __init__(self, rules: Iterable[Rule], engine: Engine = "regex",
                 keep_regex: Iterable[str] = ()) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.engine: Engine = engine
        ids = [r.id for r in self.rules]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate rule ids in {ids}")
        if any(not r.pattern for r in self.rules):
            raise ValueError("empty rule pattern")
        kept = frozenset(keep_regex)
        patterns = tuple(
            LazyPattern(r) if engine == "re" and r.id not in kept else LazyRegex(r)
            for r in self.rules)
        self._compiled = tuple(zip(self.rules, patterns, strict=True))
        self._gates = tuple(r.gate for r in self.rules)

    def pattern(self, index: int) -> Pattern:
        """The compiled pattern of the rule at ``index``."""
        return self._compiled[index][1].get()

    def lazy(self, index: int) -> LazyPattern | LazyRegex:
        """The pattern of the rule at ``index``, compiled on first use."""
        return self._compiled[index][1]

    def compile_all(self) -> None:
        """Compile every pattern of the table now (see :func:`cleanweb.extract.compile_rules`)."""
        for _, lazy in self._compiled:
            lazy.get()

    def first(self, text: str, action: str | None = None) -> Rule | None:
        """The first rule (in table order) whose pattern occurs in ``text``."""
        for rule in self.all(text, action):
            return rule
        return None

    def all(self, text: str, action: str | None = None) -> Iterator[Rule]:
        """Every rule (in table order) whose pattern occurs in ``text``."""
        single_line = "\n" not in text
        for (rule, pat), gate in zip(self._compiled, self._gates, strict=True):
            if action is not None and rule.action != action:
                continue
            if gate is not None and (len(text) > gate or not single_line):
                continue
            if find(pat.get(), text) is not None:
                yield rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def patterns(table: RuleSet) -> Mapping[str, LazyRegex]:
    """The table's patterns by rule id, each compiled on first use (shared with the table)."""
    out: dict[str, LazyRegex] = {}
    for i, rule in enumerate(table):
        lazy = table.lazy(i)
        if not isinstance(lazy, LazyRegex):
            raise TypeError(f"{rule.id} is not on the regex engine")
        out[rule.id] = lazy
    return MappingProxyType(out)


def search(pat: regex.Pattern[str] | LazyRegex, text: str) -> regex.Match[str] | None:
    """``pat.search`` bounded by :data:`MATCH_TIMEOUT`; a timeout counts as no match."""
    compiled = pat.get() if isinstance(pat, LazyRegex) else pat
    try:
        return compiled.search(text, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        return None


def find(pat: Pattern, text: str) -> object | None:
    """A match of ``pat`` in ``text``, or None: bounded by :data:`MATCH_TIMEOUT` on the
    ``regex`` engine; ``re`` patterns come from gated, stress-tested tables (see
    :class:`RuleSet`)."""
    if isinstance(pat, re.Pattern):
        return pat.search(text)
    return search(pat, text)


def needle_pattern(needles: Iterable[str]) -> re.Pattern[str]:
    """The ``needles`` as one literal alternation on ``re``: linear by construction (no
    repeats), and one scan costs less than a pattern call with its timeout."""
    return re.compile("|".join(re.escape(needle) for needle in needles))


def search_with_needles(pat: LazyRegex, needles: re.Pattern[str],
                        text: str) -> regex.Match[str] | None:
    """:func:`search`, tried only when ``text`` holds one of ``needles`` (a
    :func:`needle_pattern` of literal substrings one of which every match of ``pat``
    contains)."""
    if needles.search(text) is None:
        return None
    return search(pat, text)


# The other uses of a pattern on page text, bounded the same way; on a timeout each
# returns what "no match" would.


def finditer(pat: LazyRegex, text: str) -> list[regex.Match[str]]:
    """Every match of ``pat`` in ``text``, collected within :data:`MATCH_TIMEOUT`."""
    try:
        return list(pat.get().finditer(text, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        return []


def findall(pat: LazyRegex, text: str) -> list[str]:
    """The matched texts of a pattern without groups, within :data:`MATCH_TIMEOUT`."""
    try:
        return list(pat.get().findall(text, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        return []


def sub(pat: LazyRegex, repl: str, text: str) -> str:
    """``text`` with every match of ``pat`` replaced by ``repl``; unchanged on a timeout."""
    try:
        return str(pat.get().sub(repl, text, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        return text


def split(pat: LazyRegex, text: str) -> list[str]:
    """``text`` split at the matches of ``pat``; whole on a timeout."""
    try:
        return list(pat.get().split(text, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        return [text]


@dataclass(frozen=True, slots=True)
class NameRule:
    """A rule over whole class/id names (space-separated in ``names``), looked up exactly."""

    id: str
    reason: str
    names: str
    action: str = "drop"
    #: class/id values the rule must name, and values close to them it must not.
    examples: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()


# Class/id values split into words at whitespace and these separators.
_WORD_RE = re.compile(r"[^\s\-_:./]+")
_HAS_DIGIT_RE = re.compile(r"[0-9]")
_DIGITS = "0123456789"


def name_words(value: str, filters: RuleSet | None = None) -> list[str]:
    """The words of a lower-cased class/id value that name rules are looked up by, in
    three tiers: its parts between separators ("main-nav_2" → main, nav, 2), each also
    without a trailing number ("ad1" → ad), and its names with their joiners removed
    ("side-bar" → sidebar; names without joiners come again here, which changes no
    first hit). Whole words only, so "nav" never matches inside "canvas". The tokens
    ``filters`` leave unread give no words (see :func:`unread_tokens`). C scans and
    string methods: this runs for every distinct class and id on a page."""
    if filters is not None:
        value = unread_tokens(value, filters)
    words = _WORD_RE.findall(value)
    if _HAS_DIGIT_RE.search(value) is not None:
        words += [w.rstrip(_DIGITS) for w in words if w[-1] in _DIGITS and not w.isdigit()]
    if "-" in value or "_" in value:
        words += value.replace("-", "").replace("_", "").split()
    return words


def unread_tokens(value: str, filters: RuleSet) -> str:
    """``value`` (a lower-cased class/id value) with the tokens ``filters`` match replaced
    by spaces: the filters' rules name tokens that say something other than what the
    element is. Filters run on the ``re`` engine; their patterns match single tokens."""
    for i, rule in enumerate(filters.rules):
        if admits(rule, value):
            value = filters.pattern(i).sub(" ", value)
    return value


def admits(rule: Rule, value: str) -> bool:
    """Whether a filter runs on ``value``: one of its needles occurs in it, and its guard
    (a platform's own classes beside the tokens it files), if it has one."""
    if rule.needles and not any(needle in value for needle in rule.needles):
        return False
    return not rule.guard or _guard(rule.guard).search(value) is not None


@lru_cache(maxsize=64)
def _guard(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def merged_index(*tables: NameTable) -> Mapping[str, tuple[NameRule, ...]]:
    """One dict from name to the rules that list it, across several tables (in order)."""
    index: dict[str, list[NameRule]] = {}
    for table in tables:
        for rule in table:
            for name in rule.names.split():
                index.setdefault(name, []).append(rule)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


class NameTable:
    """A table of :class:`NameRule`, each name in one rule only. Names are looked up
    through :func:`merged_index`, one dict probe per word (see :func:`name_words`)."""

    __slots__ = ("rules",)

    def __init__(self, rules: Iterable[NameRule]) -> None:
        self.rules: tuple[NameRule, ...] = tuple(rules)
        owner: dict[str, str] = {}
        for rule in self.rules:
            names = rule.names.split()
            if not names:
                raise ValueError(f"rule {rule.id} has no names")
            for name in names:
                if name in owner:
                    raise ValueError(f"{name!r} in both {owner[name]} and {rule.id}")
                owner[name] = rule.id

    def __iter__(self) -> Iterator[NameRule]:
        return iter(self.rules)
