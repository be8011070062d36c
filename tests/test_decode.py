"""Decode stage, one step at a time, on small synthetic pages."""

from __future__ import annotations

import array
import codecs
import dataclasses
import random
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanweb import Decoded, decode

ZH = ("今天的天气非常好，我们一起去公园散步。公园里有很多人在锻炼身体，有的跑步，有的打太极拳。"
      "孩子们在草地上放风筝，老人们坐在长椅上聊天。傍晚时分，我们在湖边吃了一顿简单的晚饭。")
ZH_HANT = ("今天的天氣非常好，我們一起去公園散步。公園裡有很多人在鍛鍊身體，"
           "有的跑步，有的打太極拳。孩子們在草地上放風箏，老人們坐在長椅上聊天。傍晚時分，我們在湖邊吃了一頓簡單的晚飯。")
JA = ("今日はとても良い天気です。私たちは公園へ散歩に行きました。たくさんの人が運動をしていて、"
      "子供たちは芝生の上で凧を揚げていました。夕方には湖のそばで簡単な夕食を食べました。")
KO = ("오늘은 날씨가 아주 좋습니다. 우리는 공원에 산책하러 갔습니다. 많은 사람들이 운동을 하고 "
      "있었고, 아이들은 잔디밭에서 연을 날렸습니다. 저녁에는 호수 옆에서 간단한 저녁을 먹었습니다.")
RU = ("Сегодня очень хорошая погода. Мы пошли гулять в парк. В парке было много людей, которые "
      "занимались спортом, а дети запускали воздушного змея. Вечером мы поужинали у озера.")
FR = ("Aujourd'hui il fait très beau. Nous sommes allés nous promener au parc près de la rivière. "
      "Beaucoup de gens faisaient du sport, d'autres lisaient à l'ombre des arbres. Le soir, "
      "nous avons dîné d'une crêpe et d'un café crème près du lac.")

SOURCES = {"ascii", "bom", "http", "meta", "utf8-valid", "detected", "utf8-lossy", "meta-lossy",
           "http-lossy", "detected-lossy", "fallback", "empty"}


def page(body: str, meta: str | None = None, *, form: str = "charset", head: str = "") -> str:
    decl = ""
    if meta is not None:
        decl = (f'<meta charset="{meta}">' if form == "charset" else
                f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">')
    paras = "".join(f"<p>{body}</p>\n" for _ in range(3))
    return (f"<!DOCTYPE html>\n<html><head>{head}{decl}<title>t</title></head>\n"
            f"<body><div class=\"main\">\n{paras}</div></body></html>\n")


# --- steps 1-4 ----------------------------------------------------------------------------


def test_empty_input() -> None:
    d = decode(b"")
    assert (d.text, d.source, d.encoding, d.replacements) == ("", "empty", "utf-8", 0)


def test_non_bytes_raise_type_error() -> None:
    with pytest.raises(TypeError):
        decode("<html></html>")  # type: ignore[arg-type]


@pytest.mark.parametrize("wrap", [bytearray, memoryview, lambda b: array.array("B", b)])
def test_every_bytes_like_input_is_decoded(wrap: Callable[[bytes], object]) -> None:
    data = page(ZH, "gb2312").encode("gbk")
    assert decode(wrap(data)) == decode(data)  # type: ignore[arg-type]


def test_http_charset_of_the_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError, match="http_charset"):
        decode(b"<p>x</p>", http_charset=b"utf-8")  # type: ignore[arg-type]


def test_decoded_is_frozen() -> None:
    d = decode(b"<p>x</p>")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.text = "y"  # type: ignore[misc]


def test_utf8_bom_beats_a_lying_meta() -> None:
    html = page(ZH, "iso-8859-1")
    d = decode(codecs.BOM_UTF8 + html.encode("utf-8"))
    assert d.text == html
    assert (d.source, d.encoding, d.declared, d.declared_rejected) == (
        "bom", "utf-8", "iso-8859-1", True)


@pytest.mark.parametrize(("codec", "bom", "name"), [
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16le"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16be"),
])
def test_utf16_bom(codec: str, bom: bytes, name: str) -> None:
    html = page(JA)
    d = decode(bom + html.encode(codec), http_charset="iso-8859-1")
    assert (d.text, d.source, d.encoding) == (html, "bom", name)


def test_pure_ascii_is_utf8_and_does_not_contradict_a_legacy_label() -> None:
    html = page("Plain English text only.", "windows-1251")
    d = decode(html.encode("ascii"))
    assert (d.text, d.source, d.encoding, d.codec) == (html, "ascii", "utf-8", "utf-8")
    assert (d.declared, d.declared_rejected) == ("windows-1251", False)


@pytest.mark.parametrize("label", ["gb2312", "shift_jis", "iso-8859-1", "windows-1251"])
def test_valid_utf8_beats_a_lying_meta(label: str) -> None:
    html = page(ZH + RU, label, form="http-equiv")
    d = decode(html.encode("utf-8"))
    assert (d.text, d.source, d.encoding) == (html, "utf8-valid", "utf-8")
    assert (d.declared, d.declared_rejected) == (label, True)


def test_valid_utf8_beats_a_lying_http_charset() -> None:
    html = page(FR, "utf-8")
    d = decode(html.encode("utf-8"), http_charset="ISO-8859-1")
    assert (d.source, d.encoding, d.declared_rejected) == ("utf8-valid", "utf-8", True)
    assert d.text == html


def test_utf8_with_a_true_meta_is_not_rejected() -> None:
    d = decode(page(ZH, "UTF-8").encode("utf-8"))
    assert (d.source, d.declared, d.declared_rejected) == ("utf8-valid", "utf-8", False)


@pytest.mark.parametrize(("codec", "meta", "source"), [
    ("utf-8", None, "utf8-valid"),
    ("gbk", "gbk", "meta"),
])
def test_truncated_multibyte_tail_costs_one_replacement(
    codec: str, meta: str | None, source: str
) -> None:
    data = page(ZH, meta).encode(codec)
    cut = data.rindex("。".encode(codec)) + 1  # inside the last full stop
    d = decode(data[:cut])
    assert d.source == source
    assert d.replacements == 1
    assert d.text.endswith("\ufffd")
    assert d.text[:-1] == data[:cut - 1].decode(codec)


# --- step 5: UTF-16 without BOM -------------------------------------------------------------


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "utf-16le"),
                                             ("utf-16-be", "utf-16be")])
def test_utf16_without_bom_by_nul_positions(codec: str, name: str) -> None:
    html = page(JA, "utf-16")
    d = decode(html.encode(codec))
    assert (d.text, d.encoding) == (html, name)


def test_ascii_utf16_without_bom() -> None:
    html = page("Only ASCII here, but sixteen bits wide.")
    d = decode(html.encode("utf-16-le"))
    assert (d.text, d.encoding) == (html, "utf-16le")


# --- step 6: declarations -------------------------------------------------------------------

LEGACY = [  # (text, codec that writes the bytes, label real sites use, WHATWG name)
    (ZH, "gbk", "gb2312", "gbk"),
    (ZH, "gb18030", "gb18030", "gb18030"),
    (ZH_HANT, "big5", "big5", "big5"),
    (JA, "cp932", "shift_jis", "shift_jis"),
    (JA, "euc_jp", "euc-jp", "euc-jp"),
    (KO, "cp949", "euc-kr", "euc-kr"),
    (RU, "cp1251", "windows-1251", "windows-1251"),
    (RU, "koi8_r", "koi8-r", "koi8-r"),
    (FR, "cp1252", "windows-1252", "windows-1252"),
    (FR, "latin-1", "iso-8859-1", "windows-1252"),
]
LEGACY_IDS = [f"{codec}" for _, codec, _, _ in LEGACY]


@pytest.mark.parametrize(("text", "codec", "label", "name"), LEGACY, ids=LEGACY_IDS)
@pytest.mark.parametrize("form", ["charset", "http-equiv"])
def test_legacy_with_correct_meta(text: str, codec: str, label: str, name: str,
                                  form: str) -> None:
    data = page(text, label, form=form).encode(codec)
    d = decode(data)
    assert d.text == data.decode(codec)
    assert (d.source, d.encoding, d.declared, d.declared_rejected) == (
        "meta", name, label, False)
    assert d.replacements == 0


@pytest.mark.parametrize(("text", "codec", "label", "name"), LEGACY, ids=LEGACY_IDS)
def test_legacy_without_declaration_is_detected(text: str, codec: str, label: str,
                                                name: str) -> None:
    data = page(text).encode(codec)
    d = decode(data)
    assert d.text == data.decode(codec)
    assert d.source == "detected"
    assert (d.declared, d.declared_rejected, d.replacements) == (None, False, 0)


def test_detector_sees_a_bounded_sample_of_one_long_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # 200 KB of text with no ASCII byte in it: the detector (pure-Python chardet takes seconds
    # on that much) must still be given only SAMPLE_BYTES of it, and get the encoding right.
    import chardet

    from cleanweb.stages.decode import SAMPLE_BYTES

    seen: list[int] = []
    real = chardet.detect_all

    def detect_all(sample: bytes, *args: object, **kwargs: object) -> object:
        seen.append(len(sample))
        return real(sample, *args, **kwargs)

    monkeypatch.setattr(chardet, "detect_all", detect_all)
    data = page(ZH * 1100).encode("gbk")
    d = decode(data)
    assert d.text == data.decode("gbk")
    assert d.source == "detected"
    assert seen and max(seen) <= SAMPLE_BYTES + 16


def test_windows_1252_maps_its_undefined_bytes_to_c1_controls() -> None:
    # WHATWG's windows-1252 index: cp1252, except that 0x81 0x8D 0x8F 0x90 0x9D, which cp1252
    # leaves undefined, are the C1 controls U+0081 U+008D U+008F U+0090 U+009D.
    undefined = b"\x81\x8d\x8f\x90\x9d"
    data = page(FR, "windows-1252").encode("cp1252").replace(b"</p>", undefined + b"</p>", 1)
    d = decode(data)
    assert d.text == page(FR, "windows-1252").replace("</p>", "\x81\x8d\x8f\x90\x9d</p>", 1)
    assert (d.encoding, d.replacements) == ("windows-1252", 0)


#: What chardet 5 and 6 answer for each LEGACY codec's bytes (their names, not the web's).
OLD_CHARDET_NAMES = {
    "gbk": "GB2312", "gb18030": "GB2312", "big5": "Big5", "cp932": "SHIFT_JIS",
    "euc_jp": "EUC-JP", "cp949": "EUC-KR", "cp1251": "windows-1251", "koi8_r": "KOI8-R",
    "cp1252": "Windows-1252", "latin-1": "ISO-8859-1",
}


@pytest.mark.parametrize(("text", "codec", "label", "name"), LEGACY, ids=LEGACY_IDS)
def test_detection_with_chardet_before_7(text: str, codec: str, label: str, name: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # The dependency range admits chardet 5 and 6, which take no candidate list (TypeError)
    # and name encodings their own way; their answer must still be taken.
    import chardet

    def old_detect_all(sample: bytes, **kwargs: object) -> list[dict[str, object]]:
        if kwargs:
            raise TypeError(f"unexpected keyword arguments {sorted(kwargs)}")
        return [{"encoding": OLD_CHARDET_NAMES[codec], "confidence": 0.99, "language": ""}]

    monkeypatch.setattr(chardet, "detect_all", old_detect_all)
    data = page(text).encode(codec)
    d = decode(data)
    assert d.text == data.decode(codec)
    assert d.source == "detected"


@pytest.mark.parametrize(("text", "codec", "label", "name"), LEGACY, ids=LEGACY_IDS)
@pytest.mark.parametrize("lie", ["utf-8", "iso-8859-1", "koi8-r"])
def test_legacy_with_lying_meta(text: str, codec: str, label: str, name: str,
                                lie: str) -> None:
    if lie in (label, "iso-8859-1" if name == "windows-1252" else ""):
        pytest.skip("not a lie for these bytes")
    if lie == "koi8-r" and name == "windows-1251":
        pytest.skip("one Cyrillic code page read as another decodes cleanly: undetectable")
    data = page(text, lie).encode(codec)
    d = decode(data)
    assert d.text == data.decode(codec)
    assert (d.declared, d.declared_rejected) == (lie, True)
    assert d.source == "detected"


def test_http_charset_is_used_and_wins_over_meta() -> None:
    data = page(ZH, "windows-1251").encode("gbk")
    d = decode(data, http_charset="GBK")
    assert d.text == data.decode("gbk")
    # The meta was overruled: that is what the declaration fields report.
    assert (d.source, d.encoding, d.declared, d.declared_rejected) == (
        "http", "gbk", "windows-1251", True)


def test_http_charset_and_meta_that_agree_are_not_rejected() -> None:
    data = page(ZH, "gb2312").encode("gbk")
    d = decode(data, http_charset="text/html; charset=GBK")
    assert (d.source, d.encoding, d.declared, d.declared_rejected) == (
        "http", "gbk", "gbk", False)


def test_http_charset_given_as_a_content_type_value() -> None:
    data = page(KO).encode("cp949")
    d = decode(data, http_charset='text/html; charset="EUC-KR"')
    assert (d.source, d.encoding, d.declared) == ("http", "euc-kr", "euc-kr")


def test_lying_http_charset_falls_back_to_the_meta() -> None:
    data = page(JA, "shift_jis").encode("cp932")
    d = decode(data, http_charset="utf-8")
    assert d.text == data.decode("cp932")
    # The header lied: the page was decoded against it, which the result must say.
    assert (d.source, d.declared, d.declared_rejected) == ("meta", "utf-8", True)


def test_lying_http_charset_overruled_by_detection_is_rejected() -> None:
    # A WARC record's "charset=utf-8" header on GBK bytes with no meta.
    data = page(ZH).encode("gbk")
    d = decode(data, http_charset="text/html; charset=utf-8")
    assert d.text == data.decode("gbk")
    assert d.encoding in ("gbk", "gb18030")
    assert (d.declared, d.declared_rejected) == ("utf-8", True)


def test_meta_after_the_prescan_window_is_found() -> None:
    padding = "<!-- " + "x" * 2000 + " -->\n"
    data = page(RU, "windows-1251", head=padding).encode("cp1251")
    assert data.index(b"charset") > 1024
    d = decode(data)
    assert (d.source, d.declared) == ("meta", "windows-1251")
    assert d.text == data.decode("cp1251")


def test_meta_inside_a_comment_is_skipped() -> None:
    head = '<!-- <meta charset="utf-8"> -->'
    data = page(RU, "windows-1251", head=head).encode("cp1251")
    d = decode(data)
    assert (d.source, d.declared, d.encoding) == ("meta", "windows-1251", "windows-1251")


def test_only_meta_inside_a_comment_counts_as_no_declaration() -> None:
    data = page(ZH, head='<!--<meta charset="windows-1252">-->').encode("gbk")
    d = decode(data)
    assert (d.declared, d.source) == (None, "detected")
    assert d.text == data.decode("gbk")


def test_first_usable_meta_wins() -> None:
    head = '<meta charset="windows-1251"><meta charset="utf-8">'
    data = page(RU, head=head).encode("cp1251")
    assert decode(data).declared == "windows-1251"


def test_subset_labels_decode_their_supersets() -> None:
    """GBK-only, CP932-only and UHC-only characters under their subsets' labels."""
    for text, codec, label in [("镕堃喆", "gbk", "gb2312"), ("①②髙", "cp932", "shift_jis"),
                               ("똠밸", "cp949", "euc-kr")]:
        data = page(text + ZH + JA + KO, label).encode(codec, "xmlcharrefreplace")
        d = decode(data)
        assert d.source == "meta", label
        assert text in d.text


@pytest.mark.parametrize("label", ["utf-7", "x-user-defined", "iso-2022-kr", "utf-16"])
def test_labels_never_followed(label: str) -> None:
    data = page(ZH, label).encode("gbk")
    d = decode(data)
    assert d.text == data.decode("gbk")
    assert (d.declared, d.declared_rejected, d.source) == (label, True, "detected")


def test_utf7_label_on_utf8_page_is_not_decoded_as_utf7() -> None:
    html = page(FR + " +ADw-script+AD4-", "utf-7")
    d = decode(html.encode("utf-8"))
    assert "+ADw-script+AD4-" in d.text
    assert d.encoding == "utf-8"


def test_latin_label_on_cjk_bytes_is_mojibake() -> None:
    data = page(ZH, "windows-1252").encode("gb2312")
    assert data.decode("cp1252")  # a plain single-byte decode would "succeed"
    d = decode(data)
    assert (d.encoding, d.declared_rejected) == ("gb18030", True)


def test_cjk_label_tolerates_a_foreign_snippet() -> None:
    body = page(ZH * 20, "gb2312").encode("gbk")
    snippet = "<div>广告！</div>".encode()  # 9 bytes: the last one cannot pair
    data = body.replace(b"</body>", snippet + b"</body>")
    d = decode(data)
    assert (d.source, d.encoding) == ("meta", "gbk")
    assert 0 < d.replacements <= 3
    assert ZH in d.text


def test_xml_declaration_is_stripped() -> None:
    html = page(ZH, "gb2312")
    data = ('<?xml version="1.0" encoding="gb2312"?>\n' + html).encode("gbk")
    d = decode(data)
    assert d.text.lstrip().startswith("<!DOCTYPE html>")
    assert "<?xml" not in d.text


def test_xml_declaration_without_encoding_is_kept() -> None:
    html = '<?xml version="1.0"?>\n' + page("ascii")
    assert decode(html.encode()).text == html


# --- steps 7-9 ------------------------------------------------------------------------------


def test_mostly_utf8_page_keeps_utf8() -> None:
    html = page(ZH + FR, "utf-8").encode("utf-8")
    stray = " caf\xe9 ".encode("cp1252")
    data = html.replace(b"</p>", stray + b"</p>", 2)
    d = decode(data)
    assert (d.source, d.encoding, d.replacements) == ("utf8-lossy", "utf-8", 2)
    assert ZH in d.text


def test_mostly_utf8_page_under_a_latin_label_keeps_utf8() -> None:
    data = page(FR * 3, "iso-8859-1").encode("utf-8").replace(b"</p>", b"\xe9</p>", 1)
    d = decode(data)
    assert (d.encoding, d.replacements, d.declared_rejected) == ("utf-8", 1, True)


@pytest.mark.parametrize("meta", [None, "iso-2022-jp"])
def test_iso_2022_jp(meta: str | None) -> None:
    data = page(JA, meta).encode("iso2022_jp")
    assert data.isascii()
    d = decode(data)
    assert (d.text, d.encoding) == (data.decode("iso2022_jp"), "iso-2022-jp")
    assert d.source == ("meta" if meta else "detected")


def test_a_detector_that_fails_is_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    # chardet 7.0 raises RuntimeError on some samples (b"\x81\xec" is one).
    import chardet

    def failing(sample: bytes, **kwargs: object) -> list[dict[str, object]]:
        raise RuntimeError("pipeline must always return at least one result")

    monkeypatch.setattr(chardet, "detect_all", failing)
    d = decode(b"\x81\xec")
    assert (d.encoding, d.source) == ("windows-1252", "fallback")
    assert decode(page(FR).encode("cp1252")).text == page(FR)


def test_binary_garbage_does_not_raise() -> None:
    rnd = random.Random(7)
    data = bytes(rnd.getrandbits(8) for _ in range(20000))
    d = decode(data)
    assert d.source in SOURCES
    assert len(d.text) > 0


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.none() | st.text(max_size=40))
def test_never_raises_on_any_bytes(data: bytes, http_charset: str | None) -> None:
    d = decode(data, http_charset)
    assert isinstance(d, Decoded)
    assert isinstance(d.text, str)
    assert d.source in SOURCES
    assert d.replacements >= 0
    assert d.text or not data.strip() or d.source != "empty"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500), st.sampled_from([None, "gbk", "iso-8859-1", "utf-16"]))
def test_any_text_as_utf8_round_trips(text: str, meta: str | None) -> None:
    text = text.replace("\ufeff", "")
    html = page(text, meta)
    d = decode(html.encode("utf-8", "surrogatepass"))
    if not any("\ud800" <= ch <= "\udfff" for ch in html) and "\x00" not in html:
        assert d.text == html


@pytest.mark.parametrize(("data", "same"), [
    (b"<p>plain ascii</p>", True),
    ("<p>caf\u00e9 \u4e2d\u6587</p>".encode(), True),
    (codecs.BOM_UTF8 + b"<p>x</p>", False),  # the BOM is not in the text
    (b'<?xml version="1.0" encoding="utf-8"?><p>x</p>', False),  # declaration stripped
    ("<p>\u4e2d".encode()[:-1], False),  # cut character: a U+FFFD was added
    ("<meta charset=gbk><p>\u4e2d\u6587</p>".encode("gbk"), False),
    (b"<p>caf\xe9</p>", False),  # windows-1252 by detection
])
def test_same_bytes_says_whether_the_input_is_the_texts_utf8(data: bytes, same: bool) -> None:
    dec = decode(data)
    assert dec.same_bytes is same
    if same:
        assert dec.text.encode("utf-8") == data


# --- readings must be plausible for their script --------------------------------------------

DE = ("Die Stadt plant f\u00fcr den Sommer neue Radwege entlang des Flusses. "
      "Der B\u00fcrgermeister sagte am Montag, die Arbeiten sollen im Juni beginnen "
      "und bis Ende September dauern. "
      "Anwohner k\u00f6nnen ihre Vorschl\u00e4ge noch bis Freitag einreichen.")


def sparse_latin_page(meta: str | None = None) -> str:
    """A long Western-European page with few accented letters: navigation, scripts and
    links in ASCII, and a few paragraphs of German."""
    nav = "".join(f'<li><a href="/ressort/{n}/index.html">Rubrik {n}</a></li>\n'
                  for n in range(1500))
    config = ", ".join(f'"k{n}": {n}' for n in range(3000))
    head = f"<script>var config = {{{config}}};</script>\n"
    body = f"<ul>{nav}</ul>" + "".join(f"<p>{DE}</p>\n" for _ in range(25))
    return page("", meta, head=head).replace("<p></p>\n" * 3, body)


@pytest.mark.parametrize("meta", [None, "utf-8"])
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_sparse_latin_page_is_not_read_as_cjk(meta: str | None, codec: str) -> None:
    data = sparse_latin_page(meta).encode(codec)
    assert 100 <= sum(b >= 0x80 for b in data) <= 200 and len(data) > 100_000
    d = decode(data)
    assert d.text == data.decode(codec)
    assert d.encoding == "windows-1252"
    assert d.declared_rejected is (meta is not None)


@pytest.mark.parametrize("meta", ["gb2312", "big5", "shift_jis", "euc-kr"])
def test_sparse_latin_page_under_a_false_cjk_label(meta: str) -> None:
    # Every umlaut of DE stands before a letter: a valid GBK pair, so the bytes decode under
    # the label without an error; what they yield is scattered rare ideographs.
    data = sparse_latin_page(meta).encode("cp1252")
    d = decode(data)
    assert (d.encoding, d.declared, d.declared_rejected) == ("windows-1252", meta, True)
    assert d.text == data.decode("cp1252")


FEW = ["\xa9 2006 Example Press", "the dollar\u2019s slide", "\xa0\xa0\xa0\xa0Next",
       "\xbb\xbb\xbb\xbb More", "\u201cquoted\u201d \xa9", "price \xa31.5bn"]


@pytest.mark.parametrize("few", FEW)
@pytest.mark.parametrize("meta", ["windows-1252", "iso-8859-1", None])
def test_few_windows_1252_bytes_keep_windows_1252(few: str, meta: str | None) -> None:
    body = "The quick brown fox jumps over the lazy dog, again and again. " * 40
    html = page(body, meta).replace(body, body + few + " " + body, 1)
    data = html.encode("cp1252")
    assert 1 <= sum(b >= 0x80 for b in data) <= 4
    d = decode(data)
    assert d.text == data.decode("cp1252")
    assert d.encoding == "windows-1252"
    assert not d.declared_rejected
    # Without a label: chardet's answer, or the default when it has none (chardet 6, 7.0).
    assert d.source == "meta" if meta else d.source in ("detected", "fallback")


@pytest.mark.parametrize("few", ["\xa9 2006 Example Press", "the dollar\u2019s slide"])
def test_few_bytes_without_an_answer_from_chardet(few: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # chardet 6 answers nothing for some samples: the CJK readings tried then must not take a
    # page whose one or two bytes decode as CJK only with a replacement.
    import chardet

    def no_answer(sample: bytes, **kwargs: object) -> list[dict[str, object]]:
        return [{"encoding": None, "confidence": 0.0, "language": None}]

    monkeypatch.setattr(chardet, "detect_all", no_answer)
    data = page("The quick brown fox jumps over the lazy dog. " + few).encode("cp1252")
    d = decode(data)
    assert (d.encoding, d.text, d.replacements) == ("windows-1252", data.decode("cp1252"), 0)


#: A sentence with five curly quotes and dashes: an English page's only non-ASCII text.
EN_QUOTES = "It\u2019s the \u201cnew\u201d plan \u2014 and it\u2019s here, the mayor said."


@pytest.mark.parametrize("meta", ["utf-8", None])
@pytest.mark.parametrize("stray", [b"\x92s", b"&acirc;\x80\x99", b"caf\xe9", b"\xe4\xb8"])
def test_utf8_page_with_a_few_broken_sequences_stays_utf8(meta: str | None,
                                                          stray: bytes) -> None:
    clean = page(EN_QUOTES, meta).encode("utf-8")
    data = clean.replace(b"</p>", stray + b"</p>")  # 15 valid characters, 3 broken
    d = decode(data)
    assert (d.encoding, d.source) == ("utf-8", "utf8-lossy")
    assert 3 <= d.replacements <= 6
    assert EN_QUOTES in d.text


def test_few_stray_bytes_do_not_make_a_legacy_page_utf8() -> None:
    # EUC-JP byte pairs often form valid UTF-8 by chance; they must not pass as UTF-8.
    data = page(JA * 3, "euc-jp").encode("euc_jp")
    d = decode(data)
    assert (d.encoding, d.text) == ("euc-jp", data.decode("euc_jp"))


@pytest.mark.parametrize("meta", [None, "gb2312"])
@pytest.mark.parametrize("where", ["title", "body"])
@pytest.mark.parametrize("repeat", [20, 1])  # a long page, and a short one (~300 characters)
def test_gbk_page_with_a_utf8_snippet_near_its_start(meta: str | None, where: str,
                                                     repeat: int) -> None:
    html = page(ZH * repeat, meta)
    snippet = "<span>版权所有 © 2020 新闻网</span>"  # three bytes that GBK cannot pair
    at = html.index("<title>") + 7 if where == "title" else html.index('<div class="main">')
    data = html[:at].encode("gbk") + snippet.encode("utf-8") + html[at:].encode("gbk")
    d = decode(data)
    assert d.encoding in ("gbk", "gb18030")
    assert ZH * repeat in d.text
    assert d.replacements <= 3


def test_cyrillic_word_in_an_english_page_is_not_cjk() -> None:
    data = page("Counter: \u0420\u0435\u0439\u0442\u0438\u043d\u0433@Mail.ru " * 2
                + "and the rest of the page in English.").encode("cp1251")
    d = decode(data)
    assert (d.encoding, d.text) == ("windows-1251", data.decode("cp1251"))


def test_a_latin_guess_on_few_bytes_is_windows_1252() -> None:
    # On one or two bytes a detector's choice among Latin code pages is noise: a pound sign
    # must not become the Polish "\u0141" of windows-1250.
    data = page("It will cost \xa350m, or \xa31.2bn in all.").encode("cp1252")
    d = decode(data)
    assert (d.encoding, d.text) == ("windows-1252", data.decode("cp1252"))


@pytest.mark.parametrize(("text", "encoding", "plausible"), [
    ("\u4eca\u5929\u7684\u5929\u6c14\u975e\u5e38\u597d\u3002", "gbk", True),
    ("Gr\u9c9ee und Gr\u9c9ee", "gbk", False),          # accented letters read as GBK
    ("employer\u75f4 retirement", "shift_jis", False),  # "\u2019s" read as Shift_JIS
    ("\uff69 2006 Example Press", "shift_jis", False),  # "\xa9" read as Shift_JIS
    ("\uff67\uff67\uff67\uff67\uff67", "shift_jis", False),  # a row of "\xa7"
    ("\u51ce\u6fbd\u9d08\u7997@Mail.ru", "big5", False),  # Cyrillic read as Big5: rare chars
    ("\u3053\u308c\u306f\u65e5\u672c\u8a9e\u3067\u3059", "shift_jis", True),
    ("\ud55c\uad6d\uc5b4 \ubb38\uc7a5", "euc-kr", True),
    ("\uc7e0\uc7e0", "euc-kr", False),                   # UHC-only syllables: no-break spaces
    ("Copyright \u00a9 2020", "gbk", True),              # nothing but signs to judge
])
def test_cjk_plausible(text: str, encoding: str, plausible: bool) -> None:
    from cleanweb.stages.plausible import cjk_plausible

    assert cjk_plausible(text, encoding) is plausible


@pytest.mark.parametrize(("text", "plausible"), [
    ("\u0421\u0435\u0433\u043e\u0434\u043d\u044f \u043e\u0447\u0435\u043d\u044c "
     "\u0445\u043e\u0440\u043e\u0448\u0430\u044f \u043f\u043e\u0433\u043e\u0434\u0430.", True),
    ("\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 \u03ba\u03cc\u03c3\u03bc\u03b5", True),
    ("f\u044cr B\u044crger, Gr\u0446\u042fe", False),   # German read as windows-1251
    ("\u0446\u2558 \u0446\u2502 \u0446\u2524", False),  # UTF-8 read as KOI8-R
    ("\xa9 \u0e09", False),                            # "\xa9" read as Thai
])
def test_alphabet_plausible(text: str, plausible: bool) -> None:
    from cleanweb.stages.plausible import alphabet_plausible

    assert alphabet_plausible(text) is plausible
