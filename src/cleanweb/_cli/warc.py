"""WARC files as a source of pages: which records are pages, and their bytes, URL and charset.

Only HTTP ``response`` records whose content type is HTML are pages; every other record
is counted and skipped. A page keeps its raw payload bytes and the charset of its HTTP
``Content-Type`` header, so that decoding stays with :func:`cleanweb.extract`, which
weighs that header against the page's own declarations and its bytes.

Reading needs the optional ``warc`` extra (FastWARC), imported only when a WARC file is
actually read, so nothing else in cleanweb depends on it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from types import ModuleType
from typing import Any, BinaryIO, Literal

#: Content types extracted; everything else (images, PDF, JSON, ...) is skipped.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Why a record is not a page.
Skip = Literal["not_html", "not_response"]
#: The first bytes of a record: a WARC header, or a gzip member (deflate method).
RECORD_STARTS = (b"WARC", b"\x1f\x8b\x08\x00", b"\x1f\x8b\x08\x08", b"\x1f\x8b\x08\x04")
INSTALL_HINT = "reading WARC files needs the 'warc' extra: pip install 'cleanweb[warc]'"


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
    #: Why reading stopped early (a damaged file); the refs found before still count.
    error: str | None = None


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


def pages(source: str | BinaryIO,
          on_skip: Callable[[Skip], None] | None = None) -> Iterator[Page]:
    """The HTML pages of a WARC file in record order; ``on_skip`` hears of every other record."""
    warc = fastwarc()
    for record in iterate(source):
        reason = skip_reason(record, warc)
        if reason is None:
            yield to_page(record)
        elif on_skip is not None:
            on_skip(reason)


def scan(path: str) -> Scan:
    """Locate the pages of ``path`` without keeping their payloads.

    A ``.warc.gz`` compressed as one stream instead of record by record has no offsets a
    reader can seek to; its payloads are then kept in the refs.
    """
    warc = fastwarc()
    refs: list[Ref] = []
    skipped = {"not_html": 0, "not_response": 0}
    try:
        for record in iterate(path):
            reason = skip_reason(record, warc)
            if reason is not None:
                skipped[reason] += 1
                continue
            refs.append(Ref(record.record_id or "", record.headers.get("WARC-Target-URI"),
                            record.http_charset, record.stream_pos))
        if not seekable(path, refs):
            refs = [Ref(p.record_id, p.uri, p.charset, p.offset, p.body) for p in pages(path)]
    except (OSError, ValueError) as err:
        return Scan(tuple(refs), skipped["not_html"], skipped["not_response"], str(err))
    return Scan(tuple(refs), skipped["not_html"], skipped["not_response"])


def seekable(path: str, refs: list[Ref]) -> bool:
    """Whether every record can be read alone from its offset: a record header or the
    start of its own gzip member is found there."""
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
