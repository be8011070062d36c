"""CJK-aware text measures: a CJK character is one unit, a Latin word is one unit.

Every length or density in cleanweb is computed in these units, so a 40-character
Chinese sentence weighs like a 40-word English one. The other measures of text live here
too, for the extractor, the regression fixtures and the benchmarks alike: whitespace
squashing, fingerprints (text without spaces and punctuation, for comparisons), tokens and
their shingles (what the quality score counts), CJK ranges and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import regex

# These patterns are linear (no nesting, no backreferences) and run on every segment,
# so they use the faster standard-library engine rather than ``regex``.
# Han (with extensions and compatibility ideographs), kana and hangul.
CJK_RANGES = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
CJK_CHAR_RE = re.compile(f"[{CJK_RANGES}]")
#: The letters (not the combining vowel and tone marks, not punctuation) of the other
#: scripts written without spaces between words: Thai, Lao, Myanmar (with its extensions),
#: Khmer (with its symbols) and Yi. Like CJK, they count one unit per character, or a
#: paragraph would count as the few runs its phrase breaks leave.
UNSPACED_RANGES = (
    "\u0e01-\u0e30\u0e32\u0e33\u0e3f-\u0e46\u0e50-\u0e59"  # Thai
    "\u0e81-\u0eb0\u0eb2\u0eb3\u0ebd-\u0ec6\u0ed0-\u0edf"  # Lao
    "\u1000-\u102a\u103f-\u1049\u1050-\u1055\u105a-\u105d\u1061\u1065\u1066"
    "\u106e-\u1070\u1075-\u1081\u108e\u1090-\u1099\ua9e0-\ua9e4\ua9e6-\ua9fe"
    "\uaa60-\uaa7a\uaa7e\uaa7f"  # Myanmar
    "\u1780-\u17b3\u17d7\u17dc\u17e0-\u17e9\u19e0-\u19ff"  # Khmer
    "\ua000-\ua48c"  # Yi
)
_WS_RE = re.compile(r"\s+")
_NOT_WORD_RE = re.compile(r"[\W_]+")


_CJK_RUN_RE = re.compile(f"[{CJK_RANGES}{UNSPACED_RANGES}]+")
_WORD_RE = re.compile(r"[^\W_]+")
# Sentence punctuation, half- and full-width, and the stops and commas of scripts that do
# not use the Latin ones: the danda of Devanagari and Bengali, the Arabic comma, semicolon,
# question mark and full stop (Urdu), the Myanmar, Khmer, Tibetan, Armenian and Ethiopic
# marks, and the half-width CJK ones.
_PUNCT_RE = re.compile("[.!?;:,，。！？；：、…\u0964\u0965\u060c\u061b\u061f\u06d4"
                       "\u104a\u104b\u17d4-\u17d6\u0f0d\u0589\u1362-\u1364\uff61\uff64]")


def units(text: str) -> int:
    """Length of ``text`` in units: every CJK character (and every letter of the other
    scripts written without word spaces, see :data:`UNSPACED_RANGES`), plus the words
    around them.

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
    """:func:`units` of text holding CJK (or another unspaced script); None when it
    holds none. Combining marks left between two letters of such a run are no word."""
    rest, runs = _CJK_RUN_RE.subn(" ", text)
    if not runs:
        return None
    return len(text) - len(rest) + runs + len(_WORD_RE.findall(rest))


# Tokens are the Article Extraction Benchmark's: ``\w+`` runs of the standard library's
# ``re`` (keep it: the same engine gives the same tokens), with every character of the
# Han, Hiragana, Katakana and Hangul scripts split out. The scripts are Unicode's (a few
# more characters than CJK_RANGES, e.g. 々 and half-width kana): the score was defined so.
_TOKEN_WORD_RE = re.compile(r"\w+")
CJK_SCRIPTS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
_HAS_CJK_SCRIPT_RE = regex.compile(f"[{CJK_SCRIPTS}]", regex.V1)
_CJK_SCRIPT_SPLIT_RE = regex.compile(f"[{CJK_SCRIPTS}]|[^{CJK_SCRIPTS}]+", regex.V1)
#: Tokens per shingle in the quality score.
SHINGLE = 4


def tokens(text: str) -> list[str]:
    """Word tokens, case kept: ``\\w+`` runs, with each CJK (Han, kana, hangul) character
    a token of its own. On text without CJK these are exactly the benchmark's tokens.
    Unlike :func:`units`, punctuation standing alone ('|', '&') is no token."""
    runs = _TOKEN_WORD_RE.findall(text)
    if text.isascii() or _HAS_CJK_SCRIPT_RE.search(text) is None:
        return runs
    out: list[str] = []
    for run in runs:
        if _HAS_CJK_SCRIPT_RE.search(run) is None:
            out.append(run)
        else:
            out.extend(_CJK_SCRIPT_SPLIT_RE.findall(run))
    return out


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Bag of n-token shingles; a text shorter than n tokens is one shingle (as the
    benchmark has it)."""
    toks = tokens(text)
    if len(toks) < n:
        return Counter([tuple(toks)] if toks else [])
    return Counter(zip(*(toks[i:] for i in range(n)), strict=False))


def cjk_share(text: str) -> float:
    """Share of non-space characters that are CJK."""
    compact = _WS_RE.sub("", text)
    if not compact:
        return 0.0
    return len(CJK_CHAR_RE.findall(compact)) / len(compact)


def punct_count(text: str) -> int:
    """Sentence punctuation marks, half- and full-width, and those of other scripts (one
    scan: cheaper than a count per mark)."""
    return len(_PUNCT_RE.findall(text))


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces and trimmed (str.split's whitespace is the
    same Unicode set as the regex's \\s, and splitting is several times faster)."""
    return " ".join(text.split())


def fingerprint(text: str) -> str:
    """Text with whitespace and punctuation removed and lower-cased, for
    whitespace- and punctuation-insensitive comparison (headline repeats)."""
    return _NOT_WORD_RE.sub("", text).lower()


def folded_fingerprint(text: str) -> str:
    """:func:`fingerprint` of the NFKC form (full-width letters and digits as their
    ASCII forms): how outputs are compared with gold and expected texts, which may
    have been written on another keyboard."""
    return fingerprint(unicodedata.normalize("NFKC", text))
