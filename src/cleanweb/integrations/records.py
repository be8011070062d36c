"""Plain functions from WARC files to result rows, for engines that map Python functions
over partitions: Ray Data (``flat_map``), PySpark (``mapPartitions``), Dask, ...

A row is the record the command line writes with ``--format jsonl``: ``path``,
``warc_record_id``, ``warc_target_uri`` and every field of the :class:`~cleanweb.Document`.
Decoding is cleanweb's: the payload's raw bytes and its HTTP charset go to
:func:`cleanweb.extract`. Needs the ``warc`` extra.

These functions run in the engine's own workers and have no per-page kill switch; the
page limits of :class:`~cleanweb.Options` (``time_budget``, ``max_bytes``, ``max_nodes``)
are what bound a bad page. The datatrove step (:mod:`cleanweb.integrations.datatrove`)
kills a runaway page instead.

A WARC file that ends inside a record (a truncated download) gives the rows of its whole
records, then raises :class:`~cleanweb.readers.ReadError` (reason ``truncated``), so that
the engine reports the file rather than a short result passing for a whole one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cleanweb.extract import extract
from cleanweb.options import Options
from cleanweb.readers.warc import Page, pages

Row = dict[str, Any]


def page_row(page: Page, path: str, options: Options | None = None) -> Row:
    """Extract one WARC page into a row."""
    doc = extract(page.body, url=page.uri, http_charset=page.charset, options=options)
    return {"path": path, "warc_record_id": page.record_id, "warc_target_uri": page.uri,
            **doc.to_dict()}


def warc_rows(path: str, options: Options | None = None) -> Iterator[Row]:
    """One row per HTML response record of the WARC file ``path``, in file order.

    Records that are not HTML responses are skipped (they are no pages). Raises
    ReadError after the last whole record of a damaged file.
    """
    for page in pages(path):
        yield page_row(page, path, options)


def partition_rows(paths: Iterable[str], options: Options | None = None) -> Iterator[Row]:
    """Rows of every WARC file in ``paths``: the shape of a Spark ``mapPartitions`` function."""
    for path in paths:
        yield from warc_rows(path, options)
