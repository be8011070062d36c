"""How sets with snippet gold are scored (trafilatura's evaluation, ``tests/evaluate.py``).

Such a set has no gold text; each page lists ``must_include`` snippets (main text) and
``must_exclude`` snippets (boilerplate). Whitespace runs collapse to one space in the output
and in every snippet, then each snippet is looked up as a substring: a ``must_include`` found
is a true positive and one missing a false negative; a ``must_exclude`` found is a false
positive. Counts are summed over the set (not averaged per page, unlike the shingle metric),
and F1 = 2·TP / (2·TP + FP + FN).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WS_RE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Whitespace runs as one space, ends trimmed (a snippet's outer spaces never count)."""
    return _WS_RE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """True positives, false negatives and false positives, of one page or summed."""

    tp: int
    fn: int
    fp: int

    @property
    def precision(self) -> float | None:
        """None when no snippet was found at all: such a page has no precision."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when there is no ``must_include`` snippet."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        """2·TP / (2·TP + FP + FN); a page with nothing to find and nothing found scores 1."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0


@dataclass(frozen=True, slots=True)
class PageSnippets:
    """One page's counts and the snippets that cost them."""

    counts: SnippetCounts
    missing: tuple[str, ...]
    leaked: tuple[str, ...]


def page_snippets(text: str, include: Sequence[str], exclude: Sequence[str]) -> PageSnippets:
    """Look every snippet up in the whitespace-collapsed output."""
    flat = collapse(text)
    missing = tuple(s for s in include if collapse(s) not in flat)
    leaked = tuple(s for s in exclude if collapse(s) in flat)
    counts = SnippetCounts(len(include) - len(missing), len(missing), len(leaked))
    return PageSnippets(counts, missing, leaked)


def total(pages: Iterable[SnippetCounts]) -> SnippetCounts:
    """Counts summed over pages."""
    tp = fn = fp = 0
    for c in pages:
        tp, fn, fp = tp + c.tp, fn + c.fn, fp + c.fp
    return SnippetCounts(tp, fn, fp)
