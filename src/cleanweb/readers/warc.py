"""WARC files as a source of pages: which records are pages, and their bytes, URL and charset.

Only HTTP ``response`` records whose content type is HTML are pages; every other record
is counted and skipped. A page keeps its raw payload bytes and the charset of its HTTP
``Content-Type`` header, so that decoding stays with :func:`cleanweb.extract`, which
weighs that header against the page's own declarations and its bytes.

A file that ends inside a record (a crawl cut short, a copy that stopped) still gives
the records before the cut, and the cut is reported (:class:`Damage`): FastWARC itself
stops at it without a word, so the end of every file is checked here (:func:`damage`).

Reading needs the optional ``warc`` extra (FastWARC), imported only when a WARC file is
actually read, so nothing else in cleanweb depends on it.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from types import ModuleType
from typing import Any, BinaryIO, Literal

from cleanweb.readers import ReadError
from cleanweb.readers.gzip import MAGIC

#: Content types extracted; everything else (images, PDF, JSON, ...) is skipped.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Why a record is not a page.
Skip = Literal["not_html", "not_response"]
#: The first bytes of a record: a WARC header, or a gzip member (deflate method).
RECORD_STARTS = (b"WARC", b"\x1f\x8b\x08\x00", b"\x1f\x8b\x08\x08", b"\x1f\x8b\x08\x04")
INSTALL_HINT = "reading WARC files needs the 'warc' extra: pip install 'cleanweb[warc]'"
#: Bytes read (and at most decompressed) at a time when checking a file's end.
CHUNK = 1 << 20
#: A record header longer than this is no header: the data is not WARC.
MAX_HEADER = 1 << 20


class WarcUnavailable(RuntimeError):
    """FastWARC is not installed."""


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML response record: its payload and what the crawl recorded about it."""

    record_id: str
    uri: str | None
    #: Charset parameter of the HTTP ``Content-Type`` header, if any.
    charset: str | None
    body: bytes
    date: str | None = None
    #: Where the record starts in the file (compressed offset for ``.warc.gz``).
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Ref:
    """A page located in its file but not read: what a worker needs to read it alone."""

    record_id: str
    uri: str | None
    charset: str | None
    offset: int
    #: The payload, only for files whose records cannot be read one by one.
    body: bytes | None = None


@dataclass(frozen=True, slots=True)
class Scan:
    """The pages of one WARC file and how many records were skipped, by reason."""

    refs: tuple[Ref, ...]
    not_html: int = 0
    not_response: int = 0
    #: Why the file could not be read to its end; the refs found before still count.
    damage: ReadError | None = None


def fastwarc() -> ModuleType:
    """The ``fastwarc.warc`` module; raises WarcUnavailable with an install hint."""
    try:
        return importlib.import_module("fastwarc.warc")
    except ImportError as err:
        raise WarcUnavailable(INSTALL_HINT) from err


def content_type(record: Any) -> str | None:
    """The payload's media type: the HTTP header's, else what the crawler identified."""
    mime = record.http_content_type if record.is_http else None
    if not mime:
        mime = record.headers.get("WARC-Identified-Payload-Type")
    return mime.split(";", 1)[0].strip().lower() if mime else None


def skip_reason(record: Any, warc: ModuleType) -> Skip | None:
    """Why ``record`` is not a page, or None when it is one."""
    if record.record_type != warc.WarcRecordType.response or not record.is_http:
        return "not_response"
    return None if content_type(record) in HTML_TYPES else "not_html"


def iterate(source: str | BinaryIO) -> Iterator[Any]:
    """Every record of a WARC file or stream, HTTP headers parsed, payloads decoded."""
    warc = fastwarc()
    # "all" undoes chunked transfer and gzip/deflate/brotli content codings, so the
    # payload is the page as the server meant it.
    return iter(warc.ArchiveIterator(source, parse_http=True, auto_decode="all"))


def to_page(record: Any) -> Page:
    date = record.headers.get("WARC-Date")
    return Page(record.record_id or "", record.headers.get("WARC-Target-URI"),
                record.http_charset, record.reader.read(), date, record.stream_pos)


def pages(source: str | BinaryIO, on_skip: Callable[[Skip], None] | None = None,
          on_damage: Callable[[ReadError], None] | None = None) -> Iterator[Page]:
    """The HTML pages of a WARC file in record order; ``on_skip`` hears of every other
    record. A file that does not end with a whole record (see :func:`check_end`) raises
    ReadError after its last whole page, or is told to ``on_damage`` instead; the record
    it ends in is no page. A stream that cannot seek is not checked."""
    starts: list[int] = []
    held: tuple[int, Page] | None = None  # the last record may turn out to be cut
    failure = None
    try:
        for index, page in records(source, starts, on_skip):
            if held is not None:
                yield held[1]
            held = (index, page)
    except OSError as err:  # FastWARC stops at data it cannot read as a record
        failure = ReadError("unreadable", str(err))
    end = ending(source, starts, failure)
    if held is not None and held[0] < end.whole:
        yield held[1]
    if end.damage is not None:
        if on_damage is None:
            raise end.damage
        on_damage(end.damage)


def records(source: str | BinaryIO, starts: list[int],
            on_skip: Callable[[Skip], None] | None) -> Iterator[tuple[int, Page]]:
    """The pages of ``source`` with their record numbers, unchecked; appends where each
    record starts to ``starts``. Raises OSError where the data is no record."""
    warc = fastwarc()
    for record in iterate(source):
        starts.append(record.stream_pos)
        reason = skip_reason(record, warc)
        if reason is None:
            yield len(starts) - 1, to_page(record)
        elif on_skip is not None:
            on_skip(reason)


def scan(path: str) -> Scan:
    """Locate the pages of ``path`` without keeping their payloads.

    A ``.warc.gz`` compressed as one stream instead of record by record has no offsets a
    reader can seek to; its payloads are then kept in the refs.
    """
    warc = fastwarc()
    refs: list[tuple[int, Ref]] = []
    skipped = {"not_html": 0, "not_response": 0}
    starts: list[int] = []
    failure = None
    try:
        for record in iterate(path):
            starts.append(record.stream_pos)
            reason = skip_reason(record, warc)
            if reason is not None:
                skipped[reason] += 1
                continue
            refs.append((len(starts) - 1, Ref(record.record_id or "",
                                              record.headers.get("WARC-Target-URI"),
                                              record.http_charset, record.stream_pos)))
    except OSError as err:
        failure = ReadError("unreadable", str(err))
    end = ending(path, starts, failure)
    try:
        if refs and not seekable(path, [r for _, r in refs]):
            refs = []
            for i, p in records(path, [], None):
                refs.append((i, Ref(p.record_id, p.uri, p.charset, p.offset, p.body)))
    except OSError as err:  # the same data as before, so the same end; or the file went
        end = end if end.damage is not None else End(ReadError("unreadable", str(err)), 0)
    whole = tuple(r for i, r in refs if i < end.whole)
    return Scan(whole, skipped["not_html"], skipped["not_response"], end.damage)


def seekable(path: str, refs: list[Ref]) -> bool:
    """Whether every record can be read alone from its offset: a record header or the
    start of its own gzip member is found there. Raises OSError."""
    offsets = [r.offset for r in refs]
    if not all(a < b for a, b in pairwise(offsets)):
        return False
    with open(path, "rb") as fh:
        for offset in offsets:
            fh.seek(offset)
            if fh.read(4) not in RECORD_STARTS:
                return False
    return True


def read_at(path: str, ref: Ref) -> bytes:
    """The payload of the record ``ref`` points to; raises OSError or ValueError."""
    if ref.body is not None:
        return ref.body
    with open(path, "rb") as fh:
        fh.seek(ref.offset)
        for record in iterate(fh):
            if record.record_id != ref.record_id:
                break
            body: bytes = record.reader.read()
            return body
    raise ValueError(f"no record {ref.record_id} at offset {ref.offset}")


# ---------------------------------------------------------------- the end of a file


@dataclass(frozen=True, slots=True)
class End:
    """How a WARC file ends: why not with a whole record, and how many records from its
    start are whole (all of them when ``damage`` is None)."""

    damage: ReadError | None
    whole: int


def ending(source: str | BinaryIO, starts: list[int], failure: ReadError | None) -> End:
    """How a file whose reading ended in ``failure`` (or None) ends: the damage the
    check finds, else the failure."""
    try:
        end = check_end(source, starts)
    except OSError as err:
        return End(ReadError("unreadable", err.strerror or str(err)), len(starts) - 1)
    if end.damage is None and failure is not None:
        return End(failure, end.whole)
    return end


def check_end(source: str | BinaryIO, starts: list[int]) -> End:
    """:func:`damage` of a path, or of a stream that can seek (a stream that cannot is
    taken as whole). ``starts`` are the offsets where the reader found records."""
    if isinstance(source, str):
        with open(source, "rb") as fh:
            return damage(fh, starts)
    if not source.seekable():
        return End(None, len(starts))
    return damage(source, starts)


def damage(fh: BinaryIO, starts: list[int]) -> End:
    """Whether the WARC data in ``fh`` ends with a whole record.

    Where a record header (or, in a ``.warc.gz``, a gzip member) starts at the offset of
    the last record found, only the rest of the file is checked; otherwise (a
    ``.warc.gz`` compressed as one stream) the whole file is. The check follows the
    records' lengths (``Content-Length``), so it finds a cut in a record's content as
    well as in a header or a gzip member.
    """
    fh.seek(0)
    gz = fh.read(len(MAGIC)) == MAGIC
    opening = MAGIC if gz else b"WARC/"
    first, offset = (len(starts) - 1, starts[-1]) if starts else (0, 0)
    fh.seek(offset)
    if fh.read(len(opening)) != opening:
        first, offset = 0, 0  # one gzip stream, or no record found there: check it all
    fh.seek(offset)
    frames = Framing()
    try:
        for chunk in (gunzip_chunks(fh) if gz else plain_chunks(fh)):
            frames.feed(chunk)
        frames.close()
    except ReadError as err:
        return End(err, first + frames.whole)
    return End(None, first + frames.whole)


def plain_chunks(fh: BinaryIO) -> Iterator[bytes]:
    while chunk := fh.read(CHUNK):
        yield chunk


def gunzip_chunks(fh: BinaryIO) -> Iterator[bytes]:
    """The decompressed bytes of the gzip members from ``fh``'s position to its end, a
    bounded piece at a time; raises ReadError where the data is cut or not gzip."""
    inflater = zlib.decompressobj(wbits=31)
    fed = False  # whether the current member has begun
    pending = b""
    while raw := fh.read(CHUNK):
        data = pending + raw
        pending = b""
        while data:
            if not fed and len(data) < len(MAGIC):
                pending = data  # a member's magic split between two reads
                break
            if not fed and not data.startswith(MAGIC):
                if data.strip(b"\0"):
                    raise ReadError("bad_gzip", "data after a gzip member is not gzip")
                break
            fed = True
            try:
                out = inflater.decompress(data, CHUNK)
            except zlib.error as err:
                raise ReadError("bad_gzip", f"a gzip member is damaged ({err})") from None
            yield out
            if inflater.eof:
                data = inflater.unused_data
                inflater, fed = zlib.decompressobj(wbits=31), False
            else:
                data = inflater.unconsumed_tail
    if fed or pending:
        raise ReadError("truncated", "the file ends inside a gzip member: the records "
                                     "before it were read")


class Framing:
    """Follows record boundaries through a WARC byte stream: a header ending in a blank
    line, a block of ``Content-Length`` bytes, line breaks; raises ReadError at data
    that is not a record and at an end inside one."""

    __slots__ = ("buf", "left", "whole")

    def __init__(self) -> None:
        self.buf = b""
        #: Bytes of the current record's content not yet seen.
        self.left = 0
        #: Records seen whole.
        self.whole = 0

    def feed(self, data: bytes) -> None:
        while data:
            if self.left:
                n = min(self.left, len(data))
                self.left -= n
                data = data[n:]
                if not self.left:
                    self.whole += 1
                continue
            self.buf += data
            data = self.header()

    def header(self) -> bytes:
        """Take one header off the buffer; returns the bytes after it."""
        text = self.buf = self.buf.lstrip(b"\r\n")
        if len(text) >= 5 and not text.startswith(b"WARC/"):
            raise ReadError("unreadable", "data that is not a WARC record follows a record")
        end = text.find(b"\r\n\r\n")
        if end < 0:
            if len(text) > MAX_HEADER:
                raise ReadError("unreadable", "a record header has no end")
            return b""
        self.left = content_length(text[:end])
        if not self.left:
            self.whole += 1
        self.buf = b""
        return text[end + 4:]

    def close(self) -> None:
        if self.left or self.buf:
            part = "content" if self.left else "header"
            raise ReadError("truncated", f"the file ends inside a record's {part}: the "
                                         "records before it were read")


def content_length(header: bytes) -> int:
    for line in header.split(b"\r\n"):
        name, sep, value = line.partition(b":")
        if sep and name.strip().lower() == b"content-length" and value.strip().isdigit():
            return int(value.strip())
    raise ReadError("unreadable", "a record header has no Content-Length")
