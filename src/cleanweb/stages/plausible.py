"""Whether a decoding is plausible for the script its encoding is made for.

Many bytes decode "cleanly" in the wrong encoding: a single-byte code page maps every byte to
a character, and the accented letters of a Western page pair up with their neighbours into
valid GBK or Big5 characters ("Gr\u00f6\u00dfe" comes out as "Gr\u9c9ee"). A detector's answer
(and a declaration) is therefore judged by the text it yields. Text in a CJK or another
non-Latin script comes in runs of that script: sentences of ideographs, words of letters.
Bytes read in the wrong encoding come out *scattered*: one ideograph glued between Latin
letters, a lone half-width katakana where a "\u00a9" was, Cyrillic letters between
box-drawing characters. And the characters of a wrong CJK reading are mostly rare ones from
the encoding's extension areas, where real text keeps to the few thousand common characters
of the encoding's basic standard.

The tests run on the decoded detection sample (at most 4 KB of the page's non-ASCII runs),
never on the whole page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

#: Share of the reading's script characters (plus foreign ones) that must stand in runs of
#: two or more.
GROUPED_SHARE: Final = 0.5
#: Share of a CJK reading's ideographs, kana and hangul that must be common characters.
COMMON_SHARE: Final = 0.5
#: Share of a non-Latin alphabetic reading's characters that may be neither letters of such
#: a script nor punctuation (box drawing, Latin letters, private use...).
FOREIGN_SHARE: Final = 0.2

#: The basic standard of each CJK web encoding, as (codec, highest first byte): characters
#: it encodes in two bytes with a first byte up to that bound are the common ones (GB2312;
#: Big5 symbols and level 1; JIS X 0208 symbols, kana and level-1 kanji; KS X 1001).
_BASIC: Final[Mapping[str, tuple[str, int]]] = MappingProxyType({
    "gbk": ("gb2312", 0xF7), "gb18030": ("gb2312", 0xF7), "big5": ("big5", 0xC6),
    "shift_jis": ("euc_jp", 0xCF), "euc-jp": ("euc_jp", 0xCF), "euc-kr": ("euc_kr", 0xFE),
})

# Ideographs, kana, hangul, bopomofo, CJK punctuation and full-width forms. Half-width
# katakana are left out: a lone one is what a Latin-1 sign becomes in Shift_JIS.
_CJK_CLASS = ("\u1100-\u11ff\u2e80-\u2fdf\u3000-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
              "\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"
              "\U00020000-\U0003134f")
# Greek, Cyrillic, Hebrew, Arabic and Thai: the non-Latin scripts of single-byte encodings.
_ALPHABET_CLASS = ("\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
                   "\u0e00-\u0e7f\ufb1d-\ufdff\ufe70-\ufefc")
# Signs every script's text uses (Latin-1 signs, general punctuation, currency and
# letter-like symbols), and U+FFFD (a loss, judged elsewhere): neither help nor hurt.
_NEUTRAL_CLASS = "\u00a0-\u00bf\u00d7\u00f7\u2000-\u214f\ufffd"

_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_ALPHABET = re.compile(f"[{_ALPHABET_CLASS}]")
# A word: two or more letters, not glued to Latin letters (a Cyrillic letter inside a Latin
# word is an accented letter read in the wrong code page).
_ALPHABET_WORD = re.compile(f"(?<![A-Za-z])[{_ALPHABET_CLASS}]{{2,}}(?![A-Za-z])")
# The characters a reading is judged on: non-ASCII and not neutral.
_JUDGED = re.compile(f"[^\x00-\x7f{_NEUTRAL_CLASS}]")


def cjk_plausible(text: str, encoding: str) -> bool:
    """Whether ``text``, decoded as the CJK ``encoding``, reads as CJK text: most of its
    non-ASCII characters are CJK characters in runs, and most of those are common ones."""
    judged = len(_JUDGED.findall(text))
    if not judged:
        return True  # nothing to judge: ASCII and punctuation only
    runs = _CJK_RUN.findall(text)
    if _grouped(runs) < GROUPED_SHARE * judged:
        return False
    codec, last = _BASIC.get(encoding, ("", 0))
    if not codec:
        return True
    script = Counter("".join(runs))
    common = sum(n for ch, n in script.items() if _common(ch, codec, last))
    return common >= COMMON_SHARE * script.total()


def alphabet_plausible(text: str) -> bool:
    """Whether ``text``, decoded as a non-Latin single-byte encoding (Cyrillic, Greek,
    Hebrew, Arabic, Thai), reads as words of that script: letters in runs of two or more,
    not inside Latin words, and few characters that are neither letters of such a script
    nor punctuation."""
    judged = len(_JUDGED.findall(text))
    if not judged:
        return True
    foreign = judged - len(_ALPHABET.findall(text))
    grouped = _grouped(_ALPHABET_WORD.findall(text))
    return grouped >= GROUPED_SHARE * judged and foreign <= FOREIGN_SHARE * judged


def _grouped(runs: list[str]) -> int:
    """Characters in runs of two or more, except runs of one repeated character: a row of
    no-break spaces or of "\xbb" reads as one CJK character repeated, which is layout."""
    return sum(len(run) for run in runs if len(run) > 1 and run.count(run[0]) < len(run))


def _common(ch: str, codec: str, last: int) -> bool:
    try:
        raw = ch.encode(codec)
    except UnicodeEncodeError:
        return False
    # Two bytes only: euc_kr spells hangul outside KS X 1001 as eight-byte jamo sequences.
    return len(raw) == 2 and 0xA1 <= raw[0] <= last
