"""cleanweb in datatrove pipelines: a WARC reader that keeps each page's raw bytes, and an
extractor step that hands those bytes and the HTTP charset to :func:`cleanweb.extract`.

datatrove's own ``WarcReader`` decodes every payload before any extractor sees it: UTF-8,
else whatever a byte-statistics guesser says, and the record is dropped when that fails.
The HTTP ``Content-Type`` charset and the page's ``<meta>`` are never consulted, so
legacy-encoded pages (GBK, Big5, Shift_JIS, windows-125x) are lost or garbled. Here the
reader puts the payload in the document's media (``Media.media_bytes``, where datatrove
keeps binary payloads) with the header's charset, and decoding stays with cleanweb::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter
    from cleanweb.integrations.datatrove import CleanwebExtractor, WarcReader

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),
        CleanwebExtractor(timeout=5),
        JsonlWriter("out/"),
    ], tasks=4, workers=4).run()

The extractor also takes documents whose ``text`` is already HTML (from datatrove's own
reader, or JSONL of pages). It needs the ``datatrove`` extra; the reader, the ``warc`` one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

# datatrove ships no type information.
from datatrove.data import (
    Document,
    DocumentsPipeline,
    Media,
    MediaType,
)
from datatrove.io import DataFileLike, DataFolderLike
from datatrove.pipeline.extractors.base import (
    BaseExtractor,
    ExtractorSandbox,
)
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from cleanweb.options import Options
from cleanweb.readers import ReadError
from cleanweb.readers.warc import Page, Skip, pages

#: Fields of the result kept in ``metadata["cleanweb"]``: all but the body (which becomes
#: the document's text) and its block list (large, and rebuilt from text if needed).
LEFT_OUT = frozenset({"text", "blocks", "trace"})
#: A small page that the sandbox extracts first, so that every lazily loaded part of
#: cleanweb is in place before the first timed page.
WARMUP = (b"<html><body><article><h1>Warm</h1><p>Up, up and away.</p></article></body></html>",
          None, None)
#: Where the extractor looks for a payload's HTTP charset in a media's metadata.
CHARSET_KEY = "http_charset"
#: Document statuses that leave nothing to pass on.
UNEXTRACTED = frozenset({"not_html", "too_large", "timeout"})


def run_extract(html: bytes | str, url: str | None, charset: str | None,
                options: Options) -> dict[str, Any]:
    """Extract one page to plain, picklable fields (runs in the sandbox process)."""
    from cleanweb.extract import extract  # loaded in the worker, where pages are

    doc = extract(html, url=url, http_charset=charset, options=options)
    return {k: v for k, v in doc.to_dict().items() if k not in LEFT_OUT} | {"text": doc.text}


def payload(doc: Document) -> tuple[Media | None, bytes | str, str | None]:
    """The document's raw page: its first document media with bytes, else its text."""
    for media in doc.media:
        if media.type == MediaType.DOCUMENT and media.media_bytes is not None:
            return media, media.media_bytes, media.metadata.get(CHARSET_KEY)
    return None, doc.text, None


class CleanwebExtractor(BaseExtractor):  # type: ignore[misc]
    """Extract article text with cleanweb; other fields go to ``metadata["cleanweb"]``.

    Timeouts work as in datatrove's Trafilatura step: each page is extracted in a
    separate process that is killed and restarted when a page takes longer than
    ``timeout`` seconds; that page is dropped and counted under ``timeout``. Pages with
    no body text (status ``empty``, ``not_html``, ``too_large``) are dropped and counted
    under their status. ``options`` (a frozen, picklable :class:`~cleanweb.Options`) is
    all the step holds until it runs: the sandbox process starts on the worker.

    Args:
        options: extraction options; by default cleanweb's own per-page budget is off,
            since ``timeout`` already bounds a page.
        timeout: seconds per page before its process is killed.
    """

    name = "🧹 cleanweb"
    _requires_dependencies: ClassVar[tuple[str, ...]] = ("cleanweb",)

    def __init__(self, options: Options | None = None, timeout: float = 1.0) -> None:
        super().__init__(timeout)
        self.options = options if options is not None else Options(time_budget=None)

    def extract(self, text: str) -> str:
        """datatrove's extractor interface: HTML text in, body text out."""
        return str(run_extract(text, None, None, self.options)["text"])

    def extract_fields(self, html: bytes | str, url: str | None,
                       charset: str | None) -> dict[str, Any]:
        return run_extract(html, url, charset, self.options)

    def run(self, data: DocumentsPipeline, rank: int = 0,
            world_size: int = 1) -> DocumentsPipeline:
        with ExtractorSandbox(timeout=self.timeout, warmup_text=WARMUP) as sandbox:
            for doc in data or ():
                self.stat_update(StatHints.total)
                with self.track_time():
                    fields = self.sandboxed(sandbox, doc)
                if fields is not None and self.apply(doc, fields):
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc

    def sandboxed(self, sandbox: ExtractorSandbox, doc: Document) -> dict[str, Any] | None:
        """The page's fields, or None (counted) when its process timed out or failed."""
        media, html, charset = payload(doc)
        url = doc.metadata.get("url")
        try:
            fields: dict[str, Any] = sandbox.process_document((html, url, charset),
                                                              self.extract_fields)
        except TimeoutError:
            self.stat_update("timeout")
            return None
        except EOFError:  # the process died (out of memory, a crash in a parser)
            self.stat_update("broken_process")
            return None
        except Exception:  # one bad page must not end the task
            self.stat_update("clean_error")
            return None
        finally:
            if media is not None:  # the payload is done with; keep it out of later steps
                media.media_bytes = None
        return fields

    def apply(self, doc: Document, fields: dict[str, Any]) -> bool:
        """Put the result on ``doc``; False (counted) when there is no body to pass on."""
        status = str(fields["status"])
        self.stat_update(status)
        if status in UNEXTRACTED or not fields["text"]:
            self.stat_update(StatHints.dropped)
            return False
        doc.text = fields.pop("text")
        doc.metadata["cleanweb"] = fields
        return True


class WarcReader(BaseDiskReader):  # type: ignore[misc]
    """Read WARC files into documents that keep each HTML page's raw bytes.

    Each HTTP ``response`` record with an HTML content type becomes a document: ``id`` is
    the WARC record id, ``metadata`` holds ``url`` (target URI) and ``date`` (WARC-Date),
    and one ``Media`` holds the payload bytes, the record's offset and, in its metadata,
    the HTTP charset. ``text`` stays empty until an extractor fills it. Other records
    are counted (``skipped_not_html``, ``skipped_not_response``) and skipped. A file that
    ends inside a record gives its whole records, is counted (``damaged_files``) and
    logged as a warning with the reason (``truncated``, ``bad_gzip``, ``unreadable``).

    Args:
        data_folder, paths_file, limit, skip, file_progress, doc_progress,
        default_metadata, recursive, glob_pattern, shuffle_files: as in datatrove's readers.
        shard_records: split the records of every file among the tasks (record ``i``
            goes to task ``i % tasks``) instead of splitting the files, so that a few
            large files still keep every task busy; each task then reads every file.
    """

    name = "🕷 Warc (raw bytes)"
    _requires_dependencies: ClassVar[tuple[str, ...]] = ("fastwarc",)

    def __init__(
        self,
        data_folder: DataFolderLike,
        paths_file: DataFileLike | None = None,
        limit: int = -1,
        skip: int = 0,
        file_progress: bool = False,
        doc_progress: bool = False,
        default_metadata: dict[str, Any] | None = None,
        recursive: bool = True,
        glob_pattern: str | None = None,
        shuffle_files: bool = False,
        shard_records: bool = False,
    ) -> None:
        super().__init__(data_folder, paths_file, limit, skip, file_progress, doc_progress,
                         None, "text", "id", default_metadata, recursive, glob_pattern,
                         shuffle_files)
        self.shard_records = shard_records
        #: (rank, world size) of the running task when records are shared out.
        self.record_slice = (0, 1)

    def run(self, data: DocumentsPipeline = None, rank: int = 0,
            world_size: int = 1) -> DocumentsPipeline:
        if not self.shard_records:
            yield from super().run(data, rank, world_size)
            return
        self.record_slice = (rank, world_size)
        yield from super().run(data, 0, 1)  # every task reads every file

    def read_file(self, filepath: str) -> Iterator[Document]:
        rank, world = self.record_slice
        # Records are found by FastWARC, which undoes gzip itself.
        with self.data_folder.open(filepath, "rb", compression=None) as fh:
            found = pages(fh, self.count_skip, lambda err: self.count_damage(filepath, err))
            for i, page in enumerate(found):
                if i % world != rank:
                    continue
                with self.track_time():
                    doc = self.to_document(page, filepath)
                yield doc

    def count_skip(self, reason: Skip) -> None:
        if self.record_slice[0] == 0:  # when every task reads every file, one counts
            self.stat_update(f"skipped_{reason}")

    def count_damage(self, filepath: str, err: ReadError) -> None:
        if self.record_slice[0] == 0:
            self.stat_update("damaged_files")
            logger.warning(f"{filepath}: {err.reason}: {err.detail}")

    def to_document(self, page: Page, filepath: str) -> Document:
        media = Media(id=page.record_id, type=MediaType.DOCUMENT, url=page.uri or "",
                      path=filepath, offset=page.offset, length=len(page.body),
                      media_bytes=page.body, metadata={CHARSET_KEY: page.charset})
        metadata: dict[str, Any] = {"url": page.uri, "date": page.date}
        if self.add_file_path:
            metadata["file_path"] = self.data_folder.resolve_paths(filepath)
        if self.default_metadata:
            metadata = self.default_metadata | metadata
        return Document(text="", id=page.record_id, media=[media], metadata=metadata)
