"""One page from path to result, as run inside a worker process.

A worker reads the page itself (only paths cross the process boundary), extracts it,
renders it, and either writes the output file atomically or hands the rendered text back
to be written in input order. Every problem becomes an :class:`Outcome` with a reason;
nothing a page does ends the worker except a hard crash or the parent's kill.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from cleanweb._cli.output import json_text, temp_path
from cleanweb.document import Document, Status
from cleanweb.extract import extract
from cleanweb.options import Options
from cleanweb.page_url import own_url
from cleanweb.readers import ReadError
from cleanweb.readers.files import page_bytes, read_file, too_large

if TYPE_CHECKING:  # WARC reading is loaded only by runs that read WARC files
    from cleanweb.readers.warc import Ref

#: Outcome statuses that count as done; every other status is a failure.
DONE = frozenset({"ok", "empty"})
#: Signals that stop a run: the parent alone acts on them (see cli.Signals).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


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
    #: Site rules were given but the page had no URL to match them by.
    no_url: bool = False

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


def read_page(job: Job, limit: int) -> bytes:
    """The page's bytes, decompressed when gzipped; raises ReadError."""
    if job.record is not None:
        # A record's payload is what the server sent, already decoded; an empty one is
        # an empty page (status "empty"), not an unreadable file.
        return read_record(job.path, job.record)
    if job.data is not None:
        return page_bytes(job.data, limit)
    return read_file(job.path, limit)


def read_record(path: str, ref: Ref) -> bytes:
    from cleanweb.readers.warc import read_at

    try:
        return read_at(path, ref)
    except (OSError, ValueError) as err:
        raise ReadError("unreadable", f"WARC record {ref.record_id}: {err}") from None


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
    if fmt == "html":
        return doc.to_html().rstrip("\n") + "\n"
    record = {**source_fields(path, ref), **doc.to_dict()}
    return json_text(record, None if fmt == "jsonl" else 2) + "\n"


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


def failure(doc: Document, data: bytes, options: Options) -> str | None:
    """Why a page's Document is not written, or None when it is."""
    if doc.status is Status.NOT_HTML:
        return "binary or non-markup input"
    if doc.status is Status.TIMEOUT:
        return "extraction ran out of time"
    if doc.status is not Status.TOO_LARGE:
        return None
    if len(data) > options.max_bytes:
        return too_large(len(data), options.max_bytes).detail
    # the parser stopped counting at the limit; the start tags say about how far over
    tags = data.count(b"<") - data.count(b"</")
    return (f"about {tags:,} elements; the limit (max_nodes, --max-nodes) is "
            f"{options.max_nodes:,}")


def extract_page(job: Job, cfg: Config, check_url: bool) -> tuple[Document | None, Outcome]:
    """The Document, or None, and the page's Outcome without its output."""
    try:
        data = read_page(job, cfg.options.max_bytes)
    except ReadError as err:
        return None, Outcome(job.index, err.reason, err.detail)
    # A WARC record brings its own URL and HTTP charset; a lone page takes the command's.
    url, charset = (job.record.uri, job.record.charset) if job.record else (cfg.url, cfg.charset)
    doc = extract(data, url=url, http_charset=charset, options=cfg.options)
    why = failure(doc, data, cfg.options)
    if why is not None:
        return None, Outcome(job.index, doc.status.value, why)
    no_url = check_url and url is None and own_url(data, charset) is None
    return doc, Outcome(job.index, doc.status.value, no_url=no_url)


def process(job: Job, cfg: Config, check_url: bool = False) -> Outcome:
    """Do one page; an unexpected exception is reported, never raised. ``check_url``:
    whether to tell a page that site rules could not act on for want of a URL."""
    try:
        doc, outcome = extract_page(job, cfg, check_url)
        if doc is None:
            return outcome
        text = render(doc, cfg.fmt, job.path, job.record)
        if job.target is None:
            return Outcome(outcome.index, outcome.status, output=text, no_url=outcome.no_url)
        write_atomic(job.target, text)
        return outcome
    except OSError as err:
        return Outcome(job.index, "unwritable", f"{job.target}: {err.strerror or err}")
    except Exception as err:  # a library bug on one page must not end the run
        return Outcome(job.index, "crashed", f"{type(err).__name__}: {err}")


def serve(conn: Connection, cfg: Config, inherited: Sequence[int] = ()) -> None:
    """Worker main loop: receive batches of jobs, send one Outcome per page as it finishes.
    ``inherited``: the parent's ends of other workers' pipes, which this one closes."""
    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)
    # Ctrl-C and the stop signals reach the whole process group; the parent alone decides
    # how to stop. They were held while this process started; now they are ignored.
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    # Objects inherited through fork are never garbage here; keeping the collector off
    # them spares it the walk and the copy-on-write page copies the walk would cause.
    gc.freeze()
    # Site rules without a URL: one page that has none is enough to tell.
    check_url = cfg.options.site_rules is not None
    while True:
        try:
            batch: list[Job] | None = conn.recv()
        except (EOFError, OSError):  # the parent is gone (reset: it left data unread)
            return
        if batch is None:
            return
        for job in batch:
            outcome = process(job, cfg, check_url)
            check_url = check_url and not outcome.no_url
            try:
                conn.send(outcome)
            except OSError:  # the parent is gone; nobody wants the rest
                return
