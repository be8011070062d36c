"""Named character classes for rule patterns that run on the standard library's ``re``,
which has no ``\\p{…}`` properties. Each constant is the body of a character class
(use it as ``[…HAN…]``) covering the same characters as the ``regex`` property it
names (the tests compare them over all of Unicode).
"""

from __future__ import annotations

#: ``\p{Han}``: CJK radicals, ideographic marks (々 〇 〡…), CJK Unified Ideographs and
#: their extensions A-H, compatibility ideographs, and the Tangut/Khitan-era Han marks.
HAN = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
    "\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479"
)
