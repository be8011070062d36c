"""Decode stage: bytes -> str, with the encoding used and how it was decided.

Minimal first version (BOM, HTTP charset, valid UTF-8, meta prescan, chardet); the
full validate-first algorithm replaces it behind the same interface.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import chardet
import regex

_META_RE = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)
_WIDEN = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "big5": "big5hkscs", "shift_jis": "cp932", "euc-kr": "cp949",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    codec: str
    source: str
    declared: str | None = None
    declared_rejected: bool = False
    replacements: int = 0


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _WIDEN.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, http_charset: str | None = None) -> Decoded:
    if not data:
        return Decoded("", "utf-8", "utf-8", "empty")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", "replace"), "utf-8", "utf-8", "bom")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", "replace"), "utf-16", "utf-16", "bom")
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8", "utf8-valid")
    m = _META_RE.search(data[:65536])
    declared = http_charset or (m.group(1).decode("ascii") if m else None)
    if declared:
        codec = _codec(declared)
        if codec:
            text = _strict(data, codec)
            if text is not None:
                return Decoded(text, codec, codec, "http" if http_charset else "meta", declared)
    guess = chardet.detect(data[:65536]).get("encoding")
    codec = _codec(guess) if guess else None
    if codec:
        text = _strict(data, codec)
        if text is not None:
            return Decoded(text, codec, codec, "detected", declared, declared is not None)
    return Decoded(data.decode("utf-8", "replace"), "utf-8", "utf-8", "fallback", declared,
                   declared is not None)
