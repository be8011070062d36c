import pytest

from cleanweb.measures import (
    cjk_share,
    fingerprint,
    folded_fingerprint,
    punct_count,
    shingles,
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


@pytest.mark.parametrize(("text", "letters"), [
    ("ภาษาไทย", 7),  # Thai: seven letters
    ("กินข้าว", 5),  # the vowel and tone marks over and under letters are no letters
    ("ພາສາລາວ", 7),  # Lao
    ("မြန်မာဘာသာ", 5),  # Myanmar: medials, vowel signs and the killer are marks
    ("ភាសាខ្មែរ", 5),  # Khmer: the subscript sign and vowel signs are marks
    ("ꆈꌠꁱꂷ", 4),  # Yi syllables
])
def test_letters_of_scripts_without_word_spaces_are_one_unit_each(text: str, letters: int) -> None:
    assert units(text) == squashed_units(text) == letters


def test_a_thai_paragraph_weighs_by_its_letters_not_its_phrase_breaks() -> None:
    # Thai separates phrases, not words, with spaces: three runs here, some sixty letters
    paragraph = "ประเทศไทยมีประวัติศาสตร์ยาวนาน ผู้คนจากทั่วโลกเดินทางมาเที่ยว ตลาดน้ำมีชื่อเสียงมาก"
    assert units(paragraph) > 50
    assert units("ข่าว English 中文") == 3 + 1 + 2  # ข่าว: three letters and a tone mark


def test_cjk_share() -> None:
    assert cjk_share("中文ab") == 0.5
    assert cjk_share("   ") == 0.0


def test_punctuation_half_and_full_width() -> None:
    assert punct_count("a, b. 中，文。") == 4


def test_punctuation_of_other_scripts() -> None:
    assert punct_count("यह हिंदी है। वह भी।") == 2  # Devanagari danda
    assert punct_count("یہ اردو ہے۔ کیا؟ ہاں، ٹھیک") == 3  # Urdu full stop, question, comma
    assert punct_count("မြန်မာ၊ ဘာသာ။") == 2  # Myanmar comma and full stop
    assert punct_count("ភាសា។") == 1  # Khmer khan
    assert punct_count("ｺﾝﾆﾁﾊ｡") == 1  # half-width ideographic full stop


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


def test_tokens_are_word_runs_with_case_kept() -> None:
    assert tokens("Hello, World_2 -- 42!") == ["Hello", "World_2", "42"]


def test_every_cjk_character_is_a_token() -> None:
    assert tokens("中文abc测试。") == ["中", "文", "abc", "测", "试"]
    assert tokens("2019年9月") == ["2019", "年", "9", "月"]


def test_kana_and_hangul_are_split_too() -> None:
    assert tokens("カナ ひら") == ["カ", "ナ", "ひ", "ら"]
    assert tokens("한국어 text") == ["한", "국", "어", "text"]


def test_empty_and_punctuation_only_text_has_no_tokens() -> None:
    assert tokens("") == []
    assert tokens(" ，。—!? ") == []
    assert shingles("") == {}


def test_shingles_are_a_multiset_of_four_grams() -> None:
    bag = shingles("a b c d a b c d")
    assert bag[("a", "b", "c", "d")] == 2
    assert sum(bag.values()) == 5


def test_short_text_is_one_shingle() -> None:
    assert shingles("just two") == {("just", "two"): 1}


def test_tokens_count_kana_and_hangul_once() -> None:
    # one token per character, as one unit (the metadata stage measures titles in tokens)
    assert len(tokens("ひらがな")) == units("ひらがな") == 4
    assert len(tokens("한국어")) == 3


def test_folded_fingerprint_reads_full_width_forms_as_ascii() -> None:
    assert folded_fingerprint("ＡＢＣ　１２") == "abc12"
    assert fingerprint("ＡＢＣ") == "ａｂｃ"  # the extractor's own comparisons do not fold
