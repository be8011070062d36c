"""Where results go: ordered streams, one atomically replaced file, and the error log."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO, TextIO


def json_text(record: Mapping[str, object], indent: int | None = None) -> str:
    """``record`` as readable JSON (no ASCII escapes) that always encodes as UTF-8.

    A file name that is not valid UTF-8 comes in with surrogate escapes (as ``os`` gives
    it); its lone surrogates are written as JSON escapes (``\\udce9``), from which
    ``os.fsencode(json.loads(line)["path"])`` gives the name's bytes back.
    """
    text = json.dumps(record, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class OrderedWriter:
    """Writes each page's output in input order, whatever order pages finish in.

    Outputs that arrive early wait in memory until every earlier page is in; a failed
    page is put with ``None`` so that it does not hold the stream back.
    """

    __slots__ = ("_held", "_next", "_separator", "_stream", "_written")

    def __init__(self, stream: BinaryIO, separator: bytes = b"") -> None:
        self._stream = stream
        self._separator = separator
        self._held: dict[int, bytes | None] = {}
        self._next = 0
        self._written = 0

    def put(self, index: int, text: str | None) -> None:
        self._held[index] = None if text is None else text.encode("utf-8")
        while self._next in self._held:
            data = self._held.pop(self._next)
            self._next += 1
            if data is not None:
                if self._written and self._separator:
                    self._stream.write(self._separator)
                self._stream.write(data)
                self._written += 1
        self._stream.flush()

    @property
    def written(self) -> int:
        """How many pages' outputs have been written so far."""
        return self._written


class AtomicFile:
    """A file written under a temporary name and renamed into place by :meth:`commit`.

    Readers never see a half-written file: it is the old one until the rename.
    """

    def __init__(self, target: Path, keep: Iterable[bytes] = ()) -> None:
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        # Named like the workers' temporary files; opened with open() rather than mkstemp
        # so the finished file gets the usual permissions (umask), not 0600.
        self.tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
        self.stream: BinaryIO = self.tmp.open("wb")
        for line in keep:
            self.stream.write(line)

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.tmp, self.target)

    def discard(self) -> None:
        self.stream.close()
        self.tmp.unlink(missing_ok=True)


def finished_records(path: Path) -> tuple[list[bytes], set[str]]:
    """Complete JSONL records of an earlier run and the pages they cover (see record_key).

    A line that does not parse (cut off by a crash outside cleanweb) is dropped, so its
    page is done again.
    """
    lines: list[bytes] = []
    done: set[str] = set()
    if not path.is_file():
        return lines, done
    with path.open("rb") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                lines.append(line if line.endswith(b"\n") else line + b"\n")
                done.add(record_key(record))
    return lines, done


def record_key(record: dict[str, object]) -> str:
    """What a record was made from: its file's path, and for a WARC record its id too."""
    path = str(record["path"])
    rid = record.get("warc_record_id")
    return f"{path}#{rid}" if isinstance(rid, str) else path


class ErrorLog:
    """JSONL log of failed pages (path, reason, detail), flushed line by line."""

    def __init__(self, path: Path | None) -> None:
        self._fh: TextIO | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = path.open("w", encoding="utf-8")

    def write(self, path: str, reason: str, detail: str) -> None:
        if self._fh is not None:
            record = {"path": path, "reason": reason, "detail": detail}
            self._fh.write(json_text(record) + "\n")
            self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
