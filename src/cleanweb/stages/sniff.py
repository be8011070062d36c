"""Is this input a page at all? Cheap checks on the first bytes only."""

from __future__ import annotations

import re

# File signatures of formats that are passed as "pages" by crawlers often enough.
_MAGIC = (
    b"%PDF-", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x1f\x8b",
    b"PK\x03\x04", b"RIFF", b"\x00\x00\x01\x00", b"BM", b"7z\xbc\xaf\x27\x1c", b"Rar!",
    b"\xd0\xcf\x11\xe0", b"OggS", b"ID3", b"\x7fELF", b"wOFF", b"wOF2", b"%!PS",
)
_SAMPLE = 4096
#: Share of control characters above which a head is binary. Real pages carry none; a
#: random byte is a control byte once in ten, so binary crosses this even in 100 bytes.
BINARY_CONTROL_SHARE = 0.04
#: Share of letters, digits and spaces that markup-free text needs to count as text.
MIN_WORDY_SHARE = 0.75
# Control bytes other than tab/newline/CR/FF/ESC; UTF-16 pages are decoded before this.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_TAG_START = re.compile(r"<[a-zA-Z!/?]")
_CONTROL_RE = re.compile("[" + re.escape("".join(map(chr, sorted(_CONTROL)))) + "]")


def looks_binary(data: bytes) -> bool:
    """True for known binary signatures. (Control characters are judged after decoding:
    in the bytes of a UTF-16 page every other byte is NUL.)"""
    return data.startswith(_MAGIC)


def text_looks_binary(text: str) -> bool:
    """The same test on decoded text (for str input or after decoding)."""
    head = text[:_SAMPLE]
    if not head:
        return False
    # a real page has none, which one scan shows; they are counted only when present
    if (_CONTROL_RE.search(head) is not None
            and len(_CONTROL_RE.findall(head)) / len(head) > BINARY_CONTROL_SHARE):
        return True
    # Without any markup, text must at least read as words: decoded noise is mostly
    # symbols. (A loop, but only for the rare input without a single tag.)
    if _TAG_START.search(head) is None:
        wordy = sum(1 for ch in head if ch.isalnum() or ch.isspace())
        return wordy / len(head) < MIN_WORDY_SHARE
    return False
