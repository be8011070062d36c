"""Readers of input: the bytes of saved pages, plain or gzip-compressed (:mod:`.files`,
:mod:`.gzip`), and the pages of WARC files (:mod:`.warc`).

The command and the integrations read through these modules; nothing here extracts. A
reader that cannot give a page's bytes, or finds its file damaged, says so with a
:class:`ReadError` carrying a short reason (the statuses the command reports), never
with a partial result passed off as whole.
"""

from __future__ import annotations


class ReadError(Exception):
    """Input that cannot be read whole; ``reason`` is its short status (``unreadable``,
    ``empty_file``, ``bad_gzip``, ``too_large``, ``truncated``) and ``detail`` says why."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
