"""Is this input a page at all? Cheap checks on the first bytes only."""

from __future__ import annotations

# File signatures of formats that are passed as "pages" by crawlers often enough.
_MAGIC = (
    b"%PDF-", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x1f\x8b",
    b"PK\x03\x04", b"RIFF", b"\x00\x00\x01\x00", b"BM", b"7z\xbc\xaf\x27\x1c", b"Rar!",
    b"\xd0\xcf\x11\xe0", b"OggS", b"ID3", b"\x7fELF", b"wOFF", b"wOF2", b"%!PS",
)
_SAMPLE = 4096
# Control bytes other than tab/newline/CR/FF/ESC; UTF-16 pages are decoded before this.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
# bytes.translate deletes every byte that is not a control byte: counting in C.
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_CONTROL_CHARS = "".join(map(chr, sorted(_CONTROL)))


def looks_binary(data: bytes) -> bool:
    """True for known binary signatures, or a head full of control bytes."""
    if data.startswith(_MAGIC):
        return True
    head = data[:_SAMPLE]
    if not head:
        return False
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls / len(head) > 0.1


def text_looks_binary(text: str) -> bool:
    """The same test on decoded text (for str input or after decoding)."""
    head = text[:_SAMPLE]
    if not head:
        return False
    controls = sum(head.count(ch) for ch in _CONTROL_CHARS)
    return controls / len(head) > 0.1
