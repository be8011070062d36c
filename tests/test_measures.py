from cleanweb.measures import (
    cjk_share,
    fingerprint,
    punct_count,
    squash,
    squashed_units,
    tokens,
    units,
)


def test_cjk_character_is_one_unit() -> None:
    assert units("中文字符") == 4
    assert units("今天 天气") == 4


def test_latin_word_is_one_unit() -> None:
    assert units("The quick brown fox.") == 4
    assert units("") == 0


def test_mixed_text_counts_both() -> None:
    assert units("iPhone 11 发布了") == 5  # iphone, 11, 发, 布, 了


def test_tokens_split_cjk_and_lowercase_words() -> None:
    assert tokens("Hello 世界, OK") == ["hello", "世", "界", "ok"]


def test_cjk_share() -> None:
    assert cjk_share("中文ab") == 0.5
    assert cjk_share("   ") == 0.0


def test_punctuation_half_and_full_width() -> None:
    assert punct_count("a, b. 中，文。") == 4


def test_fingerprint_ignores_space_and_punctuation() -> None:
    assert fingerprint("浙江“复苏记”: 盼 春归") == fingerprint("浙江复苏记盼春归")
    assert fingerprint("Hello, World!") == "helloworld"


def test_squash() -> None:
    assert squash("  a \n\t b  ") == "a b"


def test_squash_treats_unicode_whitespace_as_space() -> None:
    assert squash("\u3000全角\u3000空格\u3000") == "全角 空格"
    assert squash("a\x1cb\x85c\xa0d") == "a b c d"


def test_squashed_units_agree_with_units_on_squashed_text() -> None:
    cases = ["", "  one ", "café  au\u2009lait", "a  b\tc\nd", "x\u3000y",
             "中文 words 和 English", "\u00a0lone\u00a0"]
    for raw in cases:
        text = squash(raw)
        assert squashed_units(text) == units(text), raw
