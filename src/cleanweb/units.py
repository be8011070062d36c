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
# Sentence punctuation, half- and full-width: its presence marks prose, not chrome.
PUNCT_RE = re.compile(r"[.!?;:,，。！？；：、…]")
_WS_RE = re.compile(r"\s+")
_NOT_WORD_RE = re.compile(r"[\W_]+")


def units(text: str) -> int:
    """Length of ``text`` in units: CJK characters, plus words elsewhere.

    Without CJK, a unit is a whitespace-separated word (the common case, and a
    split is several times cheaper than a token scan).
    """
    if CJK_CHAR_RE.search(text) is None:
        return len(text.split())
    return len(TOKEN_RE.findall(text))


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
    return len(PUNCT_RE.findall(text))


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces and trimmed."""
    return _WS_RE.sub(" ", text).strip()


def fingerprint(text: str) -> str:
    """Text with whitespace and punctuation removed and lower-cased, for
    whitespace- and punctuation-insensitive comparison (headline repeats)."""
    return _NOT_WORD_RE.sub("", text).lower()
