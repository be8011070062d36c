"""One page from path to result, as run inside a worker process.

A worker reads the page itself (only paths cross the process boundary), extracts it,
renders it, and either writes the output file atomically or hands the rendered text back
to be written in input order. Every problem becomes an :class:`Outcome` with a reason;
nothing a page does ends the worker except a hard crash or the parent's kill.
"""

from __future__ import annotations

import gc
import os
import signal
import zlib
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from cleanweb._cli.output import json_text
from cleanweb.document import Document, Status
from cleanweb.extract import extract
from cleanweb.options import Options

if TYPE_CHECKING:  # WARC reading is loaded only by runs that read WARC files
    from cleanweb._cli.warc import Ref

#: Outcome statuses that count as done; every other status is a failure.
DONE = frozenset({"ok", "empty"})
#: Document statuses that mean the page was not extracted.
DOC_FAILURES = {
    Status.NOT_HTML: "binary or non-markup input",
    Status.TOO_LARGE: "over the size or element limit",
    Status.TIMEOUT: "extraction ran out of time",
}


@dataclass(frozen=True, slots=True)
class Job:
    """One page to do. ``data`` carries standard input's bytes; files are read by path,
    and a WARC record (``record``) at its offset in the file ``path``."""

    index: int
    path: str
    #: Output file the worker writes (``-o DIR``); None to return the rendered text.
    target: str | None = None
    data: bytes | None = None
    record: Ref | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    index: int
    status: str
    detail: str = ""
    #: Rendered output, when the parent writes it (streams and single files).
    output: str | None = None

    @property
    def failed(self) -> bool:
        return self.status not in DONE


@dataclass(frozen=True, slots=True)
class Config:
    """What every worker needs; sent once, when the worker starts."""

    fmt: str
    options: Options
    url: str | None = None
    charset: str | None = None


class PageError(Exception):
    """A page that cannot be read; ``reason`` is its short status."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes, so a gzip bomb cannot fill memory."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as err:
        raise PageError("bad_gzip", f"not valid gzip data ({err})") from None
    if len(out) > limit:
        raise PageError("too_large", f"decompresses to more than {limit} bytes")
    return out


def read_page(job: Job, limit: int) -> bytes:
    """The page's bytes, decompressed when gzipped; raises PageError."""
    if job.record is not None:
        # A record's payload is what the server sent, already decoded; an empty one is
        # an empty page (status "empty"), not an unreadable file.
        return read_record(job.path, job.record)
    if job.data is not None:
        data = job.data
    else:
        try:
            data = Path(job.path).read_bytes()
        except OSError as err:
            raise PageError("unreadable", err.strerror or str(err)) from None
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, limit)
    if not data or data.isspace():  # isspace() stops at the first other byte; strip() copies
        raise PageError("empty_file", "no bytes to read" if not data else "only whitespace")
    return data


def read_record(path: str, ref: Ref) -> bytes:
    from cleanweb._cli.warc import read_at

    try:
        return read_at(path, ref)
    except (OSError, ValueError) as err:
        raise PageError("unreadable", f"WARC record {ref.record_id}: {err}") from None


def source_fields(path: str, ref: Ref | None) -> dict[str, str | None]:
    """Where a JSON record came from: the file, and for a WARC record its id and URI."""
    if ref is None:
        return {"path": path}
    return {"path": path, "warc_record_id": ref.record_id, "warc_target_uri": ref.uri}


def render(doc: Document, fmt: str, path: str, ref: Ref | None = None) -> str:
    """The page's output in ``fmt``; JSON records carry the source and every field."""
    if fmt == "txt":
        return doc.to_text() + "\n"
    if fmt == "md":
        return doc.to_markdown().rstrip("\n") + "\n"
    record = {**source_fields(path, ref), **doc.to_dict()}
    return json_text(record, None if fmt == "jsonl" else 2) + "\n"


def temp_path(target: str, pid: int) -> str:
    """The temporary file a worker writes before renaming; known to the parent for cleanup."""
    head, name = os.path.split(target)
    return os.path.join(head, f".{name}.{pid}.tmp")


def write_atomic(target: str, text: str) -> None:
    """Write ``text`` to ``target`` so that the file is either absent or complete."""
    data = text.encode("utf-8")
    tmp = temp_path(target, os.getpid())
    try:
        write_file(tmp, data)
    except FileNotFoundError:  # a folder's first page: made then, not tried for every page
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        write_file(tmp, data)
    os.replace(tmp, target)


def write_file(path: str, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)


def extract_page(job: Job, cfg: Config) -> tuple[Document | None, Outcome | None]:
    """The Document, or the failure Outcome when there is none to write."""
    try:
        data = read_page(job, cfg.options.max_bytes)
    except PageError as err:
        return None, Outcome(job.index, err.reason, err.detail)
    # A WARC record brings its own URL and HTTP charset; a lone page takes the command's.
    url, charset = (job.record.uri, job.record.charset) if job.record else (cfg.url, cfg.charset)
    doc = extract(data, url=url, http_charset=charset, options=cfg.options)
    if doc.status in DOC_FAILURES:
        return None, Outcome(job.index, doc.status.value, DOC_FAILURES[doc.status])
    return doc, None


def process(job: Job, cfg: Config) -> Outcome:
    """Do one page; an unexpected exception is reported, never raised."""
    try:
        doc, failure = extract_page(job, cfg)
        if doc is None:
            assert failure is not None
            return failure
        text = render(doc, cfg.fmt, job.path, job.record)
        status = doc.status.value
        if job.target is None:
            return Outcome(job.index, status, output=text)
        write_atomic(job.target, text)
        return Outcome(job.index, status)
    except OSError as err:
        return Outcome(job.index, "unwritable", f"{job.target}: {err.strerror or err}")
    except Exception as err:  # a library bug on one page must not end the run
        return Outcome(job.index, "crashed", f"{type(err).__name__}: {err}")


def serve(conn: Connection, cfg: Config) -> None:
    """Worker main loop: receive batches of jobs, send one Outcome per page as it finishes."""
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Objects inherited through fork are never garbage here; keeping the collector off
    # them spares it the walk and the copy-on-write page copies the walk would cause.
    gc.freeze()
    while True:
        try:
            batch: list[Job] | None = conn.recv()
        except EOFError:
            return
        if batch is None:
            return
        for job in batch:
            try:
                conn.send(process(job, cfg))
            except OSError:  # the parent is gone; nobody wants the rest
                return

