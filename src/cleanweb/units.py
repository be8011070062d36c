"""CJK-aware text measures: a CJK character is one unit, a Latin word is one unit.

Every length or density in cleanweb is computed in these units, so a 40-character
Chinese sentence weighs like a 40-word English one.
"""

from __future__ import annotations

import regex

# Han, kana and hangul characters each count as one token; other word runs as one.
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
TOKEN_RE = regex.compile(rf"[{_CJK}]|[^\W{_CJK}]+", regex.V1)
CJK_CHAR_RE = regex.compile(rf"[{_CJK}]")
# Sentence punctuation, half- and full-width: its presence marks prose, not chrome.
PUNCT_RE = regex.compile(r"[.!?;:,，。！？；：、…]")
_WS_RE = regex.compile(r"\s+")
_NOT_WORD_RE = regex.compile(r"[\W_]+")


def units(text: str) -> int:
    """Length of ``text`` in units (CJK characters + other word runs)."""
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
