"""Where results go: ordered streams, one atomically replaced file, and the error log.

Every file is written under a temporary name, ``.<name>.<pid>.tmp`` beside it, and renamed
when complete. A run that was killed outright (SIGKILL, a crash of the machine) leaves its
temporary file behind: the next run for the same output removes those whose process is
gone, and a resumed jsonl run (``--skip-existing``) first takes the complete records out
of them, so that no finished page is done twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, TextIO

_TEMP_RE = re.compile(r"\.(.+)\.(\d+)\.tmp")


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
    page is put with ``None`` so that it does not hold the stream back. :meth:`put`
    returns the statuses of the outputs it wrote, so that what is counted is what was
    written: an output still waiting when the run stops is not.
    """

    __slots__ = ("_held", "_next", "_separator", "_stream", "_written")

    def __init__(self, stream: BinaryIO, separator: bytes = b"") -> None:
        self._stream = stream
        self._separator = separator
        self._held: dict[int, tuple[bytes, str] | None] = {}
        self._next = 0
        self._written = 0

    def put(self, index: int, text: str | None, status: str = "ok") -> list[str]:
        self._held[index] = None if text is None else (text.encode("utf-8"), status)
        wrote: list[str] = []
        while self._next in self._held:
            item = self._held.pop(self._next)
            self._next += 1
            if item is not None:
                if self._written and self._separator:
                    self._stream.write(self._separator)
                self._stream.write(item[0])
                self._written += 1
                wrote.append(item[1])
        self._stream.flush()
        return wrote

    @property
    def written(self) -> int:
        """How many pages' outputs have been written so far."""
        return self._written


class AtomicFile:
    """A file written under a temporary name and renamed into place by :meth:`commit`.

    Readers never see a half-written file: it is the old one until the rename.
    """

    def __init__(self, target: Path, keep: Iterable[bytes] = ()) -> None:
        """Raises OSError when the file cannot be made."""
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        # Named like the workers' temporary files; opened with open() rather than mkstemp
        # so the finished file gets the usual permissions (umask), not 0600.
        self.tmp = Path(temp_path(str(target), os.getpid()))
        self.stream: BinaryIO = self.tmp.open("wb")
        try:
            for line in keep:
                self.stream.write(line)
            self.stream.flush()
        except OSError:
            self.discard()
            raise

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.tmp, self.target)

    def discard(self) -> None:
        self.stream.close()
        self.tmp.unlink(missing_ok=True)


def temp_path(target: str, pid: int) -> str:
    """The temporary file process ``pid`` writes before renaming it to ``target``."""
    head, name = os.path.split(target)
    return os.path.join(head, f".{name}.{pid}.tmp")


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rpartition(b")")[2].split()[0] != b"Z"
    except (OSError, IndexError):  # no /proc here: take the signal's word for it
        return True


def stale_temps(folder: str, name: str | None = None) -> list[str]:
    """Temporary files in ``folder`` (for the target ``name``, or any) whose writer is
    gone, oldest process first."""
    found: list[tuple[int, str]] = []
    with contextlib.suppress(OSError), os.scandir(folder or ".") as it:
        for entry in it:
            m = _TEMP_RE.fullmatch(entry.name)
            if m and (name is None or m.group(1) == name) and not alive(int(m.group(2))):
                found.append((int(m.group(2)), entry.path))
    return [path for _, path in sorted(found)]


def remove(paths: Iterable[str]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def finished_records(path: Path) -> tuple[list[bytes], set[str], list[str]]:
    """Complete JSONL records of earlier runs, the pages they cover (see record_key), and
    the temporary files of killed runs they were partly taken from.

    The output file comes first, then the records a killed run had written to its
    temporary file and that the output file lacks. A line that does not parse (cut off
    by the kill) is dropped, so its page is done again.
    """
    lines: list[bytes] = []
    done: set[str] = set()
    stale = stale_temps(str(path.parent), path.name)
    for source in (str(path), *stale):
        for line, key in records_in(source):
            if key not in done:
                done.add(key)
                lines.append(line)
    return lines, done, stale


def records_in(path: str) -> Iterator[tuple[bytes, str]]:
    """(line, record key) of every complete record of a JSONL file, if it exists."""
    if not os.path.isfile(path):
        return
    with open(path, "rb") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                yield (line if line.endswith(b"\n") else line + b"\n"), record_key(record)


def record_key(record: dict[str, object]) -> str:
    """What a record was made from: its file's path, and for a WARC record its id too."""
    path = str(record["path"])
    rid = record.get("warc_record_id")
    return f"{path}#{rid}" if isinstance(rid, str) else path


class ErrorLog:
    """JSONL log of failed pages (path, reason, detail), flushed line by line."""

    def __init__(self, path: Path | None) -> None:
        """Raises OSError when the log cannot be made."""
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
