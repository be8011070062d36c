"""Named character classes (cleanweb.rules.chars) cover exactly the regex properties they
stand for, over all of Unicode."""

from __future__ import annotations

import re

import pytest

from cleanweb.rules.chars import HAN

regex = pytest.importorskip("regex", reason="the classes are checked against regex")

_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_han_is_the_han_script() -> None:
    ours = re.findall(f"[{HAN}]", _ALL)
    theirs = regex.findall(r"\p{Han}", _ALL)
    assert ours == theirs
    assert "中" in ours and "〇" in ours and "a" not in ours
