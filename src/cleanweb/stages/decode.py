"""Decode stage: bytes -> str, with the encoding used and how it was decided.

Validate first; detect only when the bytes and the declarations disagree:

1. empty input; 2. a byte-order mark wins over everything; 3. pure ASCII is UTF-8 (unless
   it is ISO-2022-JP or BOM-less UTF-16); 4. bytes that are valid UTF-8 are UTF-8, whatever
   the page claims; 5. UTF-16 without BOM, by where the NUL bytes sit; 6. the HTTP charset,
   then the ``<meta>`` charset -- each accepted only if the whole document decodes with it
   and the text is plausible for the label's script (not mojibake); 7. mostly-UTF-8 pages with a
   few broken sequences; 8. chardet on a sample of the non-ASCII runs, each answer verified
   by decoding and by the text it yields, which must be plausible for the encoding's script
   (see ``plausible.py``); 9. the declaration, or the least lossy plausible candidate, and
   last windows-1252 (which decodes any bytes).

A leading ``<?xml ... encoding=...?>`` declaration is dropped from the text: the text is
already decoded, and parsers such as lxml refuse a ``str`` that still declares an encoding.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cleanweb.stages.labels import CODEC_TO_ENCODING, ENCODINGS, Encoding, lookup
from cleanweb.stages.plausible import alphabet_plausible, cjk_plausible

#: The WHATWG prescan window; when it holds no charset, metas up to ``<body>`` count too,
#: within this many bytes (many real pages declare the charset after a long head).
PRESCAN_BYTES = 1024
LATE_META_BYTES = 65536
#: Share of undecodable characters tolerated under a multi-byte label (stray bytes, a
#: foreign snippet) -- measured against the document's non-ASCII characters.
MULTIBYTE_TOLERANCE = 0.005
#: A page is "mostly UTF-8" when valid multi-byte sequences hold at least this many times as
#: many of its high bytes as broken ones do. Legacy pages reach 0.8 by chance (EUC-JP, whose
#: byte pairs often look like UTF-8); UTF-8 pages with a few stray bytes reach 8 and more.
MOSTLY_UTF8_RATIO = 2
#: The lossy fallback keeps a candidate codec only below this share of U+FFFD.
LOSSY_TOLERANCE = 0.1
#: Replacements a CJK reading may need beyond MULTIBYTE_TOLERANCE (a UTF-8 fragment in a GBK
#: page costs one to three), as long as they stay under SNIPPET_SHARE of its characters.
SNIPPET_LOSSES = 4
SNIPPET_SHARE = 0.02
#: Non-ASCII bytes needed before a clean CJK decode overrules a non-Latin single-byte label.
CJK_EVIDENCE_BYTES = 64
#: Bytes that a Latin code page reads differently from windows-1252 needed before a
#: detector's choice of it is taken over windows-1252.
LATIN_EVIDENCE_BYTES = 16
#: U+FFFD a CJK reading of the detection sample may show beyond MULTIBYTE_TOLERANCE: the
#: sample's parts are cut without regard to characters.
SAMPLE_LOSSES = 8
#: Detection sample: non-ASCII runs with this much ASCII on each side, up to this size.
SAMPLE_BYTES = 4096
SAMPLE_CONTEXT = 8
_UTF16_SNIFF_BYTES = 4096

_UTF8 = ENCODINGS["utf-8"]
_WINDOWS_1252 = ENCODINGS["windows-1252"]
_BOMS = (
    (codecs.BOM_UTF8, ENCODINGS["utf-8"]),
    (codecs.BOM_UTF16_LE, ENCODINGS["utf-16le"]),
    (codecs.BOM_UTF16_BE, ENCODINGS["utf-16be"]),
)
#: Multi-byte encodings a single-byte guess is re-checked against, with chardet's names.
_CJK = (
    (ENCODINGS["gb18030"], "gb18030"),
    (ENCODINGS["big5"], "big5hkscs"),
    (ENCODINGS["shift_jis"], "cp932"),
    (ENCODINGS["euc-jp"], "euc_jis_2004"),
    (ENCODINGS["euc-kr"], "cp949"),
)
#: chardet's modern-web candidates, minus the Unicode forms already validated above.
_DETECTABLE = (
    "big5hkscs", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp1257", "cp1258", "cp874", "cp932", "cp949", "euc_jis_2004", "euc_kr", "gb18030",
    "koi8-r", "koi8-u", "shift_jis_2004", "tis-620",
)
#: WHATWG windows-1252 as a decoding table: cp1252, and for the five bytes cp1252 leaves
#: undefined the C1 control of the same number.
_WINDOWS_1252_TABLE = "".join(
    chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
    for b in range(256))

_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_FIRST_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Non-ASCII runs and the short ASCII gaps between them that widening by SAMPLE_CONTEXT on both
# sides would close; bounded, so that one match never scans a whole dense page.
_CLUSTER = re.compile(
    rb"[\x80-\xff]+(?:[\x00-\x7f]{1,%d}[\x80-\xff]+){0,256}" % (2 * SAMPLE_CONTEXT))
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Matched on lower-cased bytes; quoted values are skipped whole, so a ">" inside one
# does not end the tag.
_META_TAG = re.compile(rb"""<meta[\s/](?:[^>"']|"[^"]*"|'[^']*')*>?""")
#: How codecs report a document that ends inside a character.
_CUT_SHORT = frozenset(
    {"unexpected end of data", "incomplete multibyte sequence", "truncated data"}
)
_BODY_TAGS = (b"<body", b"<BODY", b"<Body")
_ATTRIBUTE = re.compile(
    rb"""([^\s/>"'=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?"""
)
_CONTENT_CHARSET = re.compile(rb"""charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))""")
_XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*?\bencoding\s*=[^>]*\?>")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded page and how its encoding was decided.

    ``encoding`` is the WHATWG name, ``codec`` the Python codec that produced ``text``,
    ``source`` the deciding step ("bom", "http", "meta", "ascii", "utf8-valid", "detected",
    "utf8-lossy", "meta-lossy", "http-lossy", "detected-lossy", "fallback", "empty"),
    ``declared`` the charset label the header or page gave (the overruled one, if one was),
    ``declared_rejected`` whether the text was decoded against a declaration (the HTTP
    charset's or the page's), and ``replacements`` the U+FFFD decoding inserted.
    ``same_bytes`` is True when ``text`` is the input read as UTF-8 with nothing replaced
    or stripped, so the input bytes are ``text`` encoded as UTF-8.
    """

    text: str
    encoding: str
    codec: str
    source: str
    declared: str | None = None
    declared_rejected: bool = False
    replacements: int = 0
    same_bytes: bool = False


@dataclass(frozen=True, slots=True)
class _Declaration:
    label: str
    origin: str  # "http" | "meta"
    encoding: Encoding | None  # None: not a WHATWG label


@dataclass(frozen=True, slots=True)
class _Attempt:
    text: str
    encoding: Encoding
    codec: str
    replacements: int = 0


def decode(data: bytes | bytearray | memoryview, http_charset: str | None = None) -> Decoded:
    """Decode one page's bytes (any bytes-like object); never raises for such input."""
    data = as_bytes(data, "data")
    if not isinstance(http_charset, str | None):
        raise TypeError(f"http_charset must be a str or None, not {type(http_charset).__name__}")
    if not data:
        return Decoded("", "utf-8", "utf-8", "empty")
    # Where the bytes decide by themselves, declarations are only reported: the prescan
    # window suffices, and the longer search for a late meta is left to legacy pages.
    declarations = _declarations(data, http_charset, late=False)
    bom = _by_bom(data)
    if bom is not None:
        return _finish(bom, "bom", declarations)
    unicode = _unicode_without_bom(data, declarations)
    if unicode is not None:
        return _finish(*unicode, declarations)
    declarations = _declarations(data, http_charset, late=True)
    return _finish(*_legacy(data, declarations), declarations)


def as_bytes(data: object, name: str) -> bytes:
    """``data`` as ``bytes`` if it is bytes-like (bytes, bytearray, memoryview, array, mmap:
    anything with the buffer protocol), else ``TypeError``."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        raise TypeError(f"{name} must be bytes-like, not str")
    try:
        view = memoryview(data)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be bytes-like, not {type(data).__name__}") from None
    with view:
        return view.tobytes()


def _finish(attempt: _Attempt, source: str, declarations: tuple[_Declaration, ...]) -> Decoded:
    # A declaration the text was not decoded by was overruled: the HTTP charset as much as
    # the page's own meta. The first of those is the one reported.
    overruled = [d for d in declarations if not _followed(d, attempt, source)]
    shown = overruled[0] if overruled else (declarations[0] if declarations else None)
    text = strip_xml_declaration(attempt.text)
    return Decoded(
        text=text,
        encoding=attempt.encoding.name,
        codec=attempt.codec,
        source=source,
        declared=shown.label if shown else None,
        declared_rejected=bool(overruled),
        replacements=attempt.replacements,
        same_bytes=(source in ("ascii", "utf8-valid") and attempt.codec == "utf-8"
                    and not attempt.replacements and len(text) == len(attempt.text)),
    )


def _followed(declaration: _Declaration, attempt: _Attempt, source: str) -> bool:
    enc = declaration.encoding
    if enc is None:
        return False
    if source == "ascii":  # any ASCII-compatible label reads ASCII bytes the same way
        return enc.kind not in ("ignored", "utf-16")
    return enc.codecs == attempt.encoding.codecs


def strip_xml_declaration(text: str) -> str:
    """Drop a leading ``<?xml ... encoding=...?>``: the text no longer has that encoding."""
    m = _XML_DECLARATION.match(text)
    return text[m.end():] if m else text


# --- steps 2-5: Unicode by its own evidence ---------------------------------------------


def _by_bom(data: bytes) -> _Attempt | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            rest = data[len(bom):]
            return _strict(rest, enc) or _lossy_decode(rest, enc)
    return None


def _unicode_without_bom(
    data: bytes, declarations: tuple[_Declaration, ...]
) -> tuple[_Attempt, str] | None:
    if data.find(b"\x00", 0, _UTF16_SNIFF_BYTES) >= 0:
        enc = _utf16_by_nuls(data)
        attempt = _strict(data, enc) if enc else None
        if attempt is not None:
            return attempt, "detected"
    if data.isascii():
        return _ascii(data, declarations)
    attempt = _strict(data, _UTF8)
    return (attempt, "utf8-valid") if attempt is not None else None


def _ascii(data: bytes, declarations: tuple[_Declaration, ...]) -> tuple[_Attempt, str]:
    # ISO-2022-JP is 7-bit: it shows itself only by its escapes into JIS X 0208.
    if data.find(b"\x1b") >= 0 and (b"\x1b$@" in data or b"\x1b$B" in data):
        attempt = _strict(data, ENCODINGS["iso-2022-jp"])
        if attempt is not None:
            origin = next((d.origin for d in declarations if d.encoding is attempt.encoding),
                          "detected")
            return attempt, origin
    return _Attempt(data.decode("ascii"), _UTF8, "utf-8"), "ascii"


def _utf16_by_nuls(data: bytes) -> Encoding | None:
    """UTF-16 markup has a NUL in every ASCII character's high byte: even or odd offsets."""
    head = data[:_UTF16_SNIFF_BYTES]
    half = len(head) // 2
    if half < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.05 * half:
        return ENCODINGS["utf-16le"]
    if even >= 0.3 * half and odd <= 0.05 * half:
        return ENCODINGS["utf-16be"]
    return None


# --- decoding primitives ------------------------------------------------------------------


def _decode_prefix(data: bytes, codec: str) -> tuple[str, bool]:
    """Strict decode that tolerates an incomplete last character; (text, was_truncated)."""
    if codec == "cp1252":
        return _windows_1252(data), False
    try:
        return data.decode(codec), False
    except UnicodeDecodeError as e:
        if e.end < len(data) or e.reason not in _CUT_SHORT:
            raise
        return data[:e.start].decode(codec), True


def _windows_1252(data: bytes) -> str:
    """WHATWG windows-1252 (see the table). One table lookup per byte in C: translating the
    undefined bytes afterwards took seconds on a large page full of them."""
    return codecs.charmap_decode(data, "strict", _WINDOWS_1252_TABLE)[0]


def _strict(data: bytes, enc: Encoding) -> _Attempt | None:
    """The first of the encoding's codecs that decodes every byte (a cut tail is allowed)."""
    found: _Attempt | None = None
    for codec in enc.codecs:
        try:
            text, truncated = _decode_prefix(data, codec)
        except UnicodeDecodeError:
            continue
        attempt = _Attempt(text + "\ufffd", enc, codec, 1) if truncated else \
            _Attempt(text, enc, codec)
        if not _private_use_fallback(attempt, enc):
            return attempt
        found = found or attempt
    return found


def _private_use_fallback(attempt: _Attempt, enc: Encoding) -> bool:
    # CP950 maps Big5-HKSCS bytes to the private use area: let the next codec try.
    return attempt.codec != enc.codecs[-1] and any(
        "\ue000" <= ch <= "\uf8ff" for ch in set(attempt.text)
    )


def _lossy_decode(data: bytes, enc: Encoding) -> _Attempt:
    """Decode with U+FFFD for bad sequences, using the encoding's least lossy codec."""
    best: _Attempt | None = None
    for codec in enc.codecs:
        text = _windows_1252(data) if codec == "cp1252" else data.decode(codec, "replace")
        added = max(0, text.count("\ufffd") - _encoded_fffd(data, codec))
        attempt = _Attempt(text, enc, codec, added)
        if best is None or attempt.replacements < best.replacements:
            best = attempt
    assert best is not None, enc  # every usable encoding has a codec
    return best


def _encoded_fffd(data: bytes, codec: str) -> int:
    """U+FFFD characters the page itself encodes, so they are not counted as replacements."""
    try:
        return data.count("\ufffd".encode(codec))
    except UnicodeEncodeError:
        return 0


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _tolerant(data: bytes, enc: Encoding) -> _Attempt | None:
    attempt = _lossy_decode(data, enc)
    lost, chars = attempt.replacements, _non_ascii(attempt.text)
    if lost <= MULTIBYTE_TOLERANCE * chars:
        return attempt
    # A foreign snippet costs a CJK reading a few replacements however short the page. A
    # UTF-8 reading gets no such allowance (a sparse Latin page under a false utf-8 label
    # would lose its few accented letters), nor does a page with hardly any CJK text.
    if enc.kind == "cjk" and lost <= min(SNIPPET_LOSSES, SNIPPET_SHARE * chars):
        return attempt
    return None


# --- step 6: declarations -----------------------------------------------------------------


def _declarations(
    data: bytes, http_charset: str | None, *, late: bool
) -> tuple[_Declaration, ...]:
    """The HTTP charset, then the page's first usable meta charset (else its first one)."""
    found = []
    if http_charset:
        label = _http_label(http_charset)
        if label:
            found.append(_Declaration(label, "http", lookup(label)))
    meta = _meta_declaration(data, late)
    if meta is not None:
        found.append(meta)
    return tuple(found)


def _http_label(value: str) -> str:
    """A bare label, or the charset parameter of a whole Content-Type value."""
    raw = value.encode("latin-1", "replace").lower()
    m = _CONTENT_CHARSET.search(raw)
    label = _group(m) if m else raw
    return label.decode("latin-1").strip("\t\n\f\r \"'")


def _usable(enc: Encoding | None) -> bool:
    # utf-16 labels cannot be true of bytes the ASCII-based prescan could read.
    return enc is not None and enc.kind not in ("ignored", "utf-16")


def _meta_declaration(data: bytes, late: bool) -> _Declaration | None:
    """The first meta charset that names a usable encoding, else the first one seen."""
    first: _Declaration | None = None
    for label in _meta_labels(data, late):
        declaration = _Declaration(label, "meta", lookup(label))
        if _usable(declaration.encoding):
            return declaration
        first = first or declaration
    return first


def _meta_labels(data: bytes, late: bool) -> Iterator[str]:
    """Charset labels of ``<meta>`` tags outside comments: the WHATWG prescan window first,
    then (``late``), if it declares nothing usable, the head up to ``<body>``."""
    prescan = data[:PRESCAN_BYTES].lower()
    usable = False
    for label in _labels_in(prescan, len(prescan)):
        usable = usable or _usable(lookup(label))
        yield label
    if usable or not late or len(data) <= PRESCAN_BYTES:
        return
    end = _head_end(data)
    yield from _labels_in(data[:end].lower(), end)


def _head_end(data: bytes) -> int:
    """Where ``<body`` starts (but not before the prescan window), capped at LATE_META_BYTES."""
    found = [i for i in (data.find(tag, 0, LATE_META_BYTES) for tag in _BODY_TAGS) if i >= 0]
    return max(min(found), PRESCAN_BYTES) if found else LATE_META_BYTES


def _labels_in(low: bytes, end: int) -> Iterator[str]:
    """Labels of the meta tags around each "charset" in lower-cased ``low[:end]``.

    Looking for "charset" first and only then for the tag around it keeps the common case
    (a head full of other tags) at the cost of a few byte searches.
    """
    pos = low.find(b"charset", 0, end)
    while pos >= 0:
        tag = low.rfind(b"<", 0, pos)
        m = _META_TAG.match(low, tag) if tag >= 0 else None
        if m is not None and m.end() > pos and not _in_comment(low, tag):
            label = _meta_charset(m.group())
            if label:
                yield label
            pos = m.end()
        pos = low.find(b"charset", pos + 1, end)


def _in_comment(low: bytes, pos: int) -> bool:
    opened = low.rfind(b"<!--", 0, pos)
    return opened >= 0 and low.find(b"-->", opened + 4, pos) < 0


def _meta_charset(tag: bytes) -> str | None:
    """The WHATWG way: a charset attribute, or http-equiv=content-type with a content."""
    attributes: dict[bytes, bytes] = {}
    for m in _ATTRIBUTE.finditer(tag, 5):
        attributes.setdefault(m.group(1), _group(m, first=2))
    raw = attributes.get(b"charset")
    if raw is None and attributes.get(b"http-equiv", b"").strip() == b"content-type":
        found = _CONTENT_CHARSET.search(attributes.get(b"content", b""))
        raw = _group(found) if found else None
    label = raw.decode("latin-1").strip("\t\n\f\r ") if raw is not None else ""
    return label or None


def _group(m: re.Match[bytes], first: int = 1) -> bytes:
    """The first participating group from ``first`` on (alternative quoting styles)."""
    return next((g for g in m.groups()[first - 1:] if g is not None), b"")


# --- steps 6-9: legacy encodings ----------------------------------------------------------


def _legacy(data: bytes, declarations: tuple[_Declaration, ...]) -> tuple[_Attempt, str]:
    sample = _Sample(data)
    rejected: set[tuple[str, ...]] = {_UTF8.codecs}
    for d in declarations:
        if d.encoding is None or not _usable(d.encoding):
            continue
        attempt = _accept_declared(data, d.encoding, sample)
        if attempt is not None:
            return attempt, d.origin
        rejected.add(d.encoding.codecs)
    attempt = _mostly_utf8(data)
    if attempt is not None:
        return attempt, "utf8-lossy"
    attempt, guess = _detect(data, sample, rejected)
    if attempt is not None:
        return attempt, "detected"
    return _lossy(data, declarations, guess)


def _accept(data: bytes, enc: Encoding, sample: _Sample) -> _Attempt | None:
    """Decode with ``enc`` if the result reads as text of its script and the bytes allow it.

    The sample is judged first: it is small, and most wrong candidates fail there.
    """
    if not _usable(enc) or not _fits(data, enc, sample):
        return None
    return _decode_as(data, enc)


def _accept_declared(data: bytes, enc: Encoding, sample: _Sample) -> _Attempt | None:
    """``_accept`` for a label the page declares.

    A CJK label is judged like a detector's answer: a false gb2312 label on a German page
    can decode without an error (an umlaut before a letter is a valid GBK pair), and what
    it yields is scattered rare ideographs. As the label is mostly right, the decoded text
    is judged where its non-ASCII text begins, which spares building the detection sample
    (most of a millisecond on a dense page). Real CJK pages keep well clear of the bounds
    there: at least three quarters of their CJK characters in runs and 99% common ones, on
    every dev page and every CJK page of the encoding corpus.
    """
    if not _usable(enc) or enc.kind != "cjk":
        return _accept(data, enc, sample)
    attempt = _decode_as(data, enc)
    if attempt is None:
        return None
    start = _FIRST_NON_ASCII.search(attempt.text)
    window = attempt.text[start.start():start.start() + SAMPLE_BYTES] if start else ""
    return attempt if cjk_plausible(window, enc.name) else None


def _decode_as(data: bytes, enc: Encoding) -> _Attempt | None:
    attempt = _strict(data, enc)
    if attempt is None and enc.kind in ("cjk", "utf-8"):
        attempt = _tolerant(data, enc)
    return attempt


def _fits(data: bytes, enc: Encoding, sample: _Sample) -> bool:
    """Whether the sample, read as ``enc``, is plausible text of the script ``enc`` is for."""
    if enc.kind == "latin":
        return not _looks_mojibake(sample.get(), enc.kind)
    if enc.kind == "cjk":
        text = _sample_text(sample.get(), enc)
        # Bytes that do not even decode (an odd-length Cyrillic word, Latin text) need no
        # closer look; the sample's cuts account for a few.
        return (text.count("\ufffd") <= SAMPLE_LOSSES + MULTIBYTE_TOLERANCE * len(text)
                and cjk_plausible(text, enc.name))
    if enc.kind == "single":
        return (alphabet_plausible(_sample_text(sample.get(), enc))
                and not _single_byte_misfit(data, enc, sample))
    return True


def _sample_text(sample: bytes, enc: Encoding) -> str:
    """The sample as its least lossy codec reads it (Big5 has two). The sample is cut
    between runs, maybe inside a character: a few replacements are expected."""
    texts = [_windows_1252(sample) if codec == "cp1252" else sample.decode(codec, "replace")
             for codec in enc.codecs]
    return min(texts, key=lambda text: text.count("\ufffd"))


def _single_byte_misfit(data: bytes, enc: Encoding, sample: _Sample) -> bool:
    """A single-byte reading that is wrong: mojibake, or bytes that are really CJK.

    Real Cyrillic, Greek, Hebrew... text never reads as CJK (an odd-length word before a
    space breaks the byte pairs, and what pairs up is scattered rare characters).
    """
    if _looks_mojibake(sample.get(), enc.kind):
        return True
    if _high_bytes(sample.get()) < CJK_EVIDENCE_BYTES:
        return False
    return next(_cjk_readings(data, sample, set()), None) is not None


def _high_bytes(sample: bytes) -> int:
    return sum(len(r) for r in _HIGH_RUN.findall(sample))


def _looks_mojibake(sample: bytes, kind: str) -> bool:
    """A single-byte reading of bytes that are really UTF-8, CJK, or another script.

    UTF-8 sequences do not occur by chance in legacy text. Latin-script text has isolated
    accented letters, while CJK text comes in long runs of high bytes; text in a non-Latin
    script has whole words of high bytes, while Latin text read as one has lone ones. A run
    of one repeated byte (no-break spaces, a row of "\xbb") is layout, not text.
    """
    runs = [len(r) for r in _HIGH_RUN.findall(sample)
            if len(r) == 1 or r.count(r[:1]) < len(r)]
    high = sum(runs)
    if not high:
        return False
    utf8 = sum(len(s) for s in _UTF8_SEQUENCE.findall(sample))
    if 2 * utf8 > high:
        return True
    if kind == "latin":
        return 2 * sum(n for n in runs if n >= 4) > high
    return 2 * runs.count(1) > high


def _mostly_utf8(data: bytes) -> _Attempt | None:
    """UTF-8 with a few broken sequences: valid multi-byte characters hold most high bytes.

    Counted in bytes, the measure does not depend on the script: a broken sequence costs
    one to three bytes, and a valid character two to four.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - _encoded_fffd(data, "utf-8")
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    # The text's UTF-8 form holds the ASCII, the valid sequences, and 3 bytes per U+FFFD.
    valid = len(text.encode("utf-8", "surrogatepass")) - (len(data) - high) - 3 * bad
    if valid < MOSTLY_UTF8_RATIO * (high - valid):
        return None
    return _Attempt(text, _UTF8, "utf-8", bad)


class _Sample:
    """The detection sample of one document, built on first use (many pages never need it)."""

    __slots__ = ("_data", "_sample")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._sample: bytes | None = None

    def get(self) -> bytes:
        if self._sample is None:
            self._sample = _sample(self._data)
        return self._sample


def _sample(data: bytes) -> bytes:
    """The document's non-ASCII runs with a little ASCII context: SAMPLE_BYTES of them at most,
    joined by line breaks.

    A plain prefix of a page is mostly markup and script; the runs are what tells
    encodings apart.
    """
    parts: list[bytes] = []
    room = SAMPLE_BYTES
    for start, end in _segments(data):
        # Cut at the limit: one non-ASCII run can fill a whole page, and the detector's time
        # grows with its input (pure-Python chardet takes seconds on 100 KB).
        parts.append(data[start:min(end, start + room)])
        room -= end - start
        if room <= 0:
            break
    return b"\n".join(parts) or data[:SAMPLE_BYTES]


def _segments(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of non-ASCII runs widened by SAMPLE_CONTEXT, overlapping ones merged.

    Merging keeps double-byte characters whole where an ASCII trail byte splits a run. The
    runs come in clusters already merged by a pattern (a Python loop over every run of a
    dense CJK page took most of a millisecond), at most a few hundred runs each.
    """
    start = end = -1
    for m in _CLUSTER.finditer(data):
        s, e = max(0, m.start() - SAMPLE_CONTEXT), m.end() + SAMPLE_CONTEXT
        if start >= 0 and s > end:
            yield start, end
            start = -1
        if start < 0:
            start = s
        end = e
        if end - start >= SAMPLE_BYTES:
            break
    if start >= 0:
        yield start, min(end, len(data))


def _detect(
    data: bytes, sample: _Sample, rejected: set[tuple[str, ...]]
) -> tuple[_Attempt | None, Encoding | None]:
    """chardet's best answer that reads as plausible text and decodes; else the first answer
    that reads as plausible text but has too many undecodable bytes (for the lossy step).

    A plausible CJK reading comes first when the sample has the bytes to show it (chardet
    often names a single-byte code page for CJK text, and Shift_JIS text, whose trail bytes
    are often ASCII, can pass as Latin); on thin evidence it comes after chardet's answers.
    """
    allowed = [n for n in _DETECTABLE if CODEC_TO_ENCODING[n].codecs not in rejected]
    guesses = _chardet(sample.get(), allowed)
    # chardet may have no answer at all (chardet 6 on CJK text with a UTF-8 snippet).
    cjk_first = not guesses or guesses[0].kind != "cjk"
    if cjk_first and _high_bytes(sample.get()) >= CJK_EVIDENCE_BYTES:
        found = _cjk_instead(data, sample, rejected)
        if found is not None:
            return found
        cjk_first = False
    fitting: Encoding | None = None
    for enc in guesses[:3]:
        if not _fits(data, enc, sample):
            continue
        attempt = _decode_as(data, enc)
        if attempt is not None:
            attempt = _latin_default(data, attempt, sample)
            return attempt, attempt.encoding
        fitting = fitting or enc
    found = _cjk_instead(data, sample, rejected) if cjk_first else None
    return found if found is not None else (None, fitting)


def _latin_default(data: bytes, attempt: _Attempt, sample: _Sample) -> _Attempt:
    """windows-1252 instead of another Latin code page that reads few of the sample's bytes
    differently: on a handful of bytes chardet's choice among Latin code pages is noise,
    and windows-1252 is the web's default for Latin-script pages."""
    enc = attempt.encoding
    if enc.kind != "latin" or enc is _WINDOWS_1252:
        return attempt
    table = bytes(range(0x80, 0x100)).decode(attempt.codec, "replace")
    differ = bytes(b for b, ch in zip(range(0x80, 0x100), table, strict=True)
                   if ch != _WINDOWS_1252_TABLE[b])
    sample_bytes = sample.get()
    if len(sample_bytes) - len(sample_bytes.translate(None, differ)) >= LATIN_EVIDENCE_BYTES:
        return attempt
    return _Attempt(_windows_1252(data), _WINDOWS_1252, "cp1252")


def _cjk_instead(
    data: bytes, sample: _Sample, rejected: set[tuple[str, ...]]
) -> tuple[_Attempt, Encoding] | None:
    """When the bytes read as plausible CJK text, the CJK encoding chardet prefers among
    those that do: a detector's single-byte answer for CJK bytes is never right."""
    found = {enc.name: (attempt, enc) for attempt, enc in _cjk_readings(data, sample, rejected)}
    if len(found) <= 1:
        return next(iter(found.values()), None)
    answers = _chardet(sample.get(), [name for enc, name in _CJK if enc.name in found])
    best = next((enc.name for enc in answers if enc.name in found), next(iter(found)))
    return found[best]


def _cjk_readings(
    data: bytes, sample: _Sample, rejected: set[tuple[str, ...]]
) -> Iterator[tuple[_Attempt, Encoding]]:
    """The CJK encodings whose reading of the page is plausible: those that decode every
    byte, or, only if none does, those that decode all but a few (a foreign snippet)."""
    candidates = [enc for enc, _ in _CJK if enc.codecs not in rejected]
    strict = False
    for enc in candidates:
        attempt = _strict(data, enc)  # fails fast on most wrong encodings
        if attempt is not None and _fits(data, enc, sample):
            strict = True
            yield attempt, enc
    if strict:
        return
    for enc in candidates:
        if _fits(data, enc, sample) and (attempt := _tolerant(data, enc)) is not None:
            yield attempt, enc


def _chardet(sample: bytes, allowed: list[str]) -> list[Encoding]:
    """chardet's ranked answers, as web encodings, restricted to ``allowed`` codecs."""
    if not allowed:
        return []
    try:
        results = _detect_all(sample, allowed)
    except RuntimeError:
        # chardet 7.0 fails on some samples ("pipeline must always return at least one
        # result"): that is no answer, never a page that cannot be decoded.
        return []
    # Matched by decoder, not by name: chardet before 7 calls a GBK page GB2312 (the web's
    # GBK), which the allowed gb18030 decodes.
    by_codecs = {CODEC_TO_ENCODING[n].codecs: CODEC_TO_ENCODING[n] for n in allowed}
    found: list[Encoding] = []
    for result in results:
        named = _from_codec(result.get("encoding"))
        enc = by_codecs.get(named.codecs) if named is not None else None
        if enc is not None and enc not in found:
            found.append(enc)
    return found


def _detect_all(sample: bytes, allowed: list[str]) -> list[dict[str, Any]]:
    import chardet  # needed for few pages only: importing it on demand saves startup

    # chardet answers no_match_encoding (cp1252 by default) when nothing fits; it must be
    # one of the candidates, and like every answer it is verified by decoding.
    fallback = "cp1252" if "cp1252" in allowed else allowed[0]
    # Untyped on purpose: the sources must type-check (and compile, see setup.py) against
    # every chardet the dependency range admits, and before 7 it lacks these arguments.
    detect_all: Any = chardet.detect_all
    try:
        results: list[dict[str, Any]] = detect_all(
            sample, include_encodings=allowed, compat_names=False, no_match_encoding=fallback)
    except TypeError:  # chardet before 7 cannot restrict candidates: filter its answers
        results = detect_all(sample)
    return results


def _from_codec(name: object) -> Encoding | None:
    if not isinstance(name, str):
        return None
    try:
        return CODEC_TO_ENCODING.get(codecs.lookup(name).name)
    except LookupError:
        return None


def _lossy(
    data: bytes, declarations: tuple[_Declaration, ...], guess: Encoding | None
) -> tuple[_Attempt, str]:
    """The candidate with the fewest U+FFFD if that is few, else windows-1252.

    A declaration comes first among equals: a single-byte label loses nothing, and is kept
    when no detector's answer was plausible. What loses nothing is reported as its origin.
    """
    options = [(d.encoding, d.origin) for d in declarations
               if d.encoding is not None and _usable(d.encoding)]
    if guess is not None:
        options.append((guess, "detected"))
    options.append((_UTF8, "utf8"))
    best: tuple[_Attempt, str] | None = None
    for enc, origin in options:
        attempt = _lossy_decode(data, enc)
        if best is None or attempt.replacements < best[0].replacements:
            best = (attempt, origin)
    if best is None or best[0].replacements > LOSSY_TOLERANCE * _non_ascii(best[0].text):
        return _Attempt(_windows_1252(data), _WINDOWS_1252, "cp1252"), "fallback"
    attempt, origin = best
    if attempt.replacements == 0 and origin != "utf8":
        return attempt, origin
    return attempt, f"{origin}-lossy"
