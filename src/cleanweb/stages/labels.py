"""The WHATWG Encoding Standard's label table, and the Python codec behind each encoding.

Each encoding is decoded with a Python codec that is a *superset* of what the label names
literally, because real pages labelled "gb2312" carry GBK bytes, "shift_jis" carries CP932,
"euc-kr" carries UHC (CP949) and "iso-8859-1" carries windows-1252.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Encoding:
    """A WHATWG encoding: its name, the codecs to try in order, and its family.

    ``kind`` is one of: "utf-8", "utf-16", "cjk" (multi-byte), "7bit" (ISO-2022-JP),
    "latin" (single-byte, Latin script), "single" (other single-byte scripts) and
    "ignored" (labels a decoder must not follow: replacement, x-user-defined).
    """

    name: str
    codecs: tuple[str, ...]
    kind: str


# (name, codecs, kind, labels) -- labels as in the Encoding Standard, all lower-case.
_TABLE: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...] = (
    ("utf-8", ("utf-8",), "utf-8", (
        "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
        "x-unicode20utf8")),
    ("ibm866", ("cp866",), "single", ("866", "cp866", "csibm866", "ibm866")),
    ("iso-8859-2", ("iso8859_2",), "latin", (
        "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
        "iso_8859-2:1987", "l2", "latin2")),
    ("iso-8859-3", ("iso8859_3",), "latin", (
        "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
        "iso_8859-3:1988", "l3", "latin3")),
    ("iso-8859-4", ("iso8859_4",), "latin", (
        "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
        "iso_8859-4:1988", "l4", "latin4")),
    ("iso-8859-5", ("iso8859_5",), "single", (
        "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
        "iso_8859-5", "iso_8859-5:1988")),
    ("iso-8859-6", ("iso8859_6",), "single", (
        "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
        "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
        "iso_8859-6", "iso_8859-6:1987")),
    ("iso-8859-7", ("iso8859_7",), "single", (
        "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7",
        "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987",
        "sun_eu_greek")),
    ("iso-8859-8", ("iso8859_8",), "single", (
        "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e",
        "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual")),
    ("iso-8859-8-i", ("iso8859_8",), "single", ("csiso88598i", "iso-8859-8-i", "logical")),
    ("iso-8859-10", ("iso8859_10",), "latin", (
        "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6",
        "latin6")),
    ("iso-8859-13", ("iso8859_13",), "latin", ("iso-8859-13", "iso8859-13", "iso885913")),
    ("iso-8859-14", ("iso8859_14",), "latin", ("iso-8859-14", "iso8859-14", "iso885914")),
    ("iso-8859-15", ("iso8859_15",), "latin", (
        "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9")),
    ("iso-8859-16", ("iso8859_16",), "latin", ("iso-8859-16",)),
    ("koi8-r", ("koi8_r",), "single", ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r")),
    ("koi8-u", ("koi8_u",), "single", ("koi8-ru", "koi8-u")),
    ("macintosh", ("mac_roman",), "latin", ("csmacintosh", "mac", "macintosh", "x-mac-roman")),
    ("windows-874", ("cp874",), "single", (
        "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874")),
    ("windows-1250", ("cp1250",), "latin", ("cp1250", "windows-1250", "x-cp1250")),
    ("windows-1251", ("cp1251",), "single", ("cp1251", "windows-1251", "x-cp1251")),
    ("windows-1252", ("cp1252",), "latin", (
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1",
        "latin1", "us-ascii", "windows-1252", "x-cp1252")),
    ("windows-1253", ("cp1253",), "single", ("cp1253", "windows-1253", "x-cp1253")),
    ("windows-1254", ("cp1254",), "latin", (
        "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
        "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254")),
    ("windows-1255", ("cp1255",), "single", ("cp1255", "windows-1255", "x-cp1255")),
    ("windows-1256", ("cp1256",), "single", ("cp1256", "windows-1256", "x-cp1256")),
    ("windows-1257", ("cp1257",), "latin", ("cp1257", "windows-1257", "x-cp1257")),
    ("windows-1258", ("cp1258",), "latin", ("cp1258", "windows-1258", "x-cp1258")),
    ("x-mac-cyrillic", ("mac_cyrillic",), "single", ("x-mac-cyrillic", "x-mac-ukrainian")),
    # GBK bytes are a subset of GB18030, and gb18030 decodes them identically.
    ("gbk", ("gb18030",), "cjk", (
        "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
        "iso-ir-58", "x-gbk")),
    ("gb18030", ("gb18030",), "cjk", ("gb18030",)),
    # Pages labelled big5 are mostly CP950 (Taiwan), whose symbols (‧ ～ € ...) differ from
    # Big5-HKSCS; HKSCS-only bytes fail or land in CP950's private use area, so it comes second.
    ("big5", ("cp950", "big5hkscs"), "cjk", (
        "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5")),
    ("euc-jp", ("euc_jp",), "cjk", ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp")),
    ("iso-2022-jp", ("iso2022_jp_ext",), "7bit", ("csiso2022jp", "iso-2022-jp")),
    ("shift_jis", ("cp932",), "cjk", (
        "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
        "x-sjis")),
    ("euc-kr", ("cp949",), "cjk", (
        "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
        "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949")),
    ("replacement", (), "ignored", (
        "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr",
        "replacement")),
    ("utf-16be", ("utf-16-be",), "utf-16", ("unicodefffe", "utf-16be")),
    ("utf-16le", ("utf-16-le",), "utf-16", (
        "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16",
        "utf-16le")),
    ("x-user-defined", (), "ignored", ("x-user-defined",)),
)

ENCODINGS: Mapping[str, Encoding] = MappingProxyType(
    {name: Encoding(name, cods, kind) for name, cods, kind, _ in _TABLE}
)
LABELS: Mapping[str, Encoding] = MappingProxyType(
    {label: ENCODINGS[name] for name, _, _, labels in _TABLE for label in labels}
)

#: Python codec names (as ``codecs.lookup(...).name`` spells them) -> WHATWG encoding, for
#: mapping a detector's answer; codecs without a web encoding are absent.
_CODEC_TO_ENCODING: tuple[tuple[str, str], ...] = (
    ("gb18030", "gb18030"), ("gbk", "gbk"), ("gb2312", "gbk"),
    ("big5hkscs", "big5"), ("big5", "big5"), ("cp950", "big5"),
    ("cp932", "shift_jis"), ("shift_jis", "shift_jis"), ("shift_jis_2004", "shift_jis"),
    ("euc_jp", "euc-jp"), ("euc_jis_2004", "euc-jp"),
    ("cp949", "euc-kr"), ("euc_kr", "euc-kr"),
    ("koi8-r", "koi8-r"), ("koi8-u", "koi8-u"), ("cp866", "ibm866"),
    ("cp874", "windows-874"), ("tis-620", "windows-874"),
    ("cp1250", "windows-1250"), ("cp1251", "windows-1251"), ("cp1252", "windows-1252"),
    ("cp1253", "windows-1253"), ("cp1254", "windows-1254"), ("cp1255", "windows-1255"),
    ("cp1256", "windows-1256"), ("cp1257", "windows-1257"), ("cp1258", "windows-1258"),
    ("iso8859-1", "windows-1252"),
    ("iso8859-2", "iso-8859-2"), ("iso8859-5", "iso-8859-5"), ("iso8859-7", "iso-8859-7"),
    ("iso8859-15", "iso-8859-15"), ("mac-roman", "macintosh"),
    ("mac-cyrillic", "x-mac-cyrillic"),
)
CODEC_TO_ENCODING: Mapping[str, Encoding] = MappingProxyType(
    {codec: ENCODINGS[name] for codec, name in _CODEC_TO_ENCODING}
)


def lookup(label: str) -> Encoding | None:
    """The encoding a label names (ASCII whitespace trimmed, case-insensitive), or None."""
    return LABELS.get(label.strip("\t\n\f\r ").lower())
