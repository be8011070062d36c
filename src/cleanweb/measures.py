"""CJK-aware text measures: a CJK character is one unit, a Latin word is one unit.

Every length or density in cleanweb is computed in these units, so a 40-character
Chinese sentence weighs like a 40-word English one.
"""

from __future__ import annotations

import re

# These patterns are linear (no nesting, no backreferences) and run on every segment,
# so they use the faster standard-library engine rather than ``regex``.
# Han (with extensions and compatibility ideographs), kana and hangul.
CJK_RANGES = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
# Each CJK character is a token; other word runs are one token each.
TOKEN_RE = re.compile(f"[{CJK_RANGES}]|[^\\W{CJK_RANGES}]+")
CJK_CHAR_RE = re.compile(f"[{CJK_RANGES}]")
_WS_RE = re.compile(r"\s+")
_NOT_WORD_RE = re.compile(r"[\W_]+")


_CJK_RUN_RE = re.compile(f"[{CJK_RANGES}]+")
_WORD_RE = re.compile(r"[^\W_]+")
_PUNCT_RE = re.compile("[.!?;:,，。！？；：、…]")


def units(text: str) -> int:
    """Length of ``text`` in units: every CJK character, plus the words around them.

    Text without CJK counts whitespace-separated words (the common case: a split is
    several times cheaper than a token scan). With CJK, the CJK runs are cut out in
    one pass (their length is the character count) and the word runs left between
    them are counted.
    """
    with_cjk = None if text.isascii() else _cjk_units(text)
    return len(text.split()) if with_cjk is None else with_cjk


def squashed_units(text: str) -> int:
    """:func:`units` of text already passed through :func:`squash`: its words are
    separated by single spaces, so text without CJK is counted by its spaces."""
    with_cjk = None if text.isascii() else _cjk_units(text)
    if with_cjk is None:
        return text.count(" ") + 1 if text else 0
    return with_cjk


def _cjk_units(text: str) -> int | None:
    """:func:`units` of text holding CJK; None when it holds none."""
    rest, runs = _CJK_RUN_RE.subn(" ", text)
    if not runs:
        return None
    return len(text) - len(rest) + runs + len(_WORD_RE.findall(rest))


def tokens(text: str) -> list[str]:
    """The tokens behind :func:`units`, lower-cased."""
    return [t.lower() for t in TOKEN_RE.findall(text)]


def cjk_share(text: str) -> float:
    """Share of non-space characters that are CJK."""
    compact = _WS_RE.sub("", text)
    if not compact:
        return 0.0
    return len(CJK_CHAR_RE.findall(compact)) / len(compact)


def punct_count(text: str) -> int:
    """Sentence punctuation marks, half- and full-width (one scan: cheaper than a count
    per mark)."""
    return len(_PUNCT_RE.findall(text))


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces and trimmed (str.split's whitespace is the
    same Unicode set as the regex's \\s, and splitting is several times faster)."""
    return " ".join(text.split())


def fingerprint(text: str) -> str:
    """Text with whitespace and punctuation removed and lower-cased, for
    whitespace- and punctuation-insensitive comparison (headline repeats)."""
    return _NOT_WORD_RE.sub("", text).lower()
