"""Planning a run: which pages, where each result goes, and what is refused.

A :class:`Plan` is made before anything is written. It refuses command lines that would
lose data: an output (or ``--errors``) path that is an input, lies in a folder being read
or would be matched by a glob argument; several pages to a name with a file suffix; an
output the system will not let the run write. The output format comes from ``--format``,
else from the ``-o`` file's suffix.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from cleanweb._cli.inputs import (
    Collected,
    Source,
    child,
    collect,
    first_clash,
    output_name,
    read_by,
)
from cleanweb._cli.output import finished_records, stale_temps
from cleanweb._cli.worker import Job
from cleanweb.readers.files import is_warc_name, split_suffix

if TYPE_CHECKING:  # WARC reading is loaded only by runs that read WARC files
    from cleanweb.readers.warc import Ref, Scan

Mode = Literal["stream", "file", "dir"]
#: Output formats by the suffix of an ``-o`` file name.
SUFFIX_FORMAT = {".txt": "txt", ".md": "md", ".json": "json", ".jsonl": "jsonl"}


class UsageError(Exception):
    """A command line that cannot be run; exit status 2."""


class Unwritable(Exception):
    """An output that cannot be written; exit status 2, with one line naming it."""

    def __init__(self, option: str, path: str | Path, err: OSError) -> None:
        file = next((p for p in Path(path).parents if p.exists()), None)
        why = f"{file} is not a directory" if file and not file.is_dir() else err.strerror
        super().__init__(f"cannot write {option} {path}: {why or err}")


@dataclass(slots=True)
class Plan:
    """What a run does: the jobs, where output goes, and what was left out."""

    mode: Mode
    fmt: str
    jobs: list[Job]
    #: Source path of each job, by job index, for messages.
    paths: list[str]
    found: Collected
    out: Path | None = None
    #: Earlier records kept at the head of a resumed jsonl file.
    keep: list[bytes] = field(default_factory=list)
    skipped: int = 0
    #: WARC files read, with what their records came to.
    warcs: dict[str, Scan] = field(default_factory=dict)
    #: Temporary files of earlier runs that were killed, removed once the run's own
    #: output file holds what they held.
    stale: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Unit:
    """One page to do: a file, or one record of a WARC file. ``key`` names it in messages
    and in a resumed jsonl file."""

    path: str
    key: str
    record: Ref | None = None


def suffix_format(output: str) -> str | None:
    """The format an ``-o`` name's suffix stands for (``pages.jsonl`` -> jsonl), if any."""
    return SUFFIX_FORMAT.get(split_suffix(os.path.basename(output))[1].lower())


def output_format(args: argparse.Namespace) -> str:
    """--format, else what the -o file's suffix says, else txt."""
    if args.format is not None:
        return str(args.format)
    if args.output is None or args.output.endswith(("/", os.sep)) or Path(args.output).is_dir():
        return "txt"
    return suffix_format(args.output) or "txt"


def output_mode(args: argparse.Namespace, fmt: str, single: bool) -> Mode:
    if args.output is None:
        return "stream"
    out = Path(args.output)
    looks_dir = out.is_dir() or args.output.endswith(("/", os.sep))
    if fmt == "jsonl":
        if looks_dir:
            raise UsageError(f"--format jsonl writes one file; {args.output} is a directory")
        return "file"
    if single and not looks_dir:
        return "file"
    if out.exists() and not out.is_dir():
        raise UsageError(f"{args.output} is a file; several pages need an output directory "
                         "(or one .jsonl file: -o pages.jsonl)")
    if not looks_dir and suffix_format(args.output) is not None:
        raise UsageError(f"-o {args.output} names a file, but several pages in {fmt} make one "
                         "file each, in a directory: name a directory, or write one "
                         "record per line with -o pages.jsonl")
    return "dir"


def gather(args: argparse.Namespace, stdin: BinaryIO) -> tuple[Collected, bytes | None]:
    """The input pages; standard input is read here, once."""
    pages: list[str] = args.pages or ["-"]
    if "-" in pages:
        if len(pages) > 1:
            raise UsageError("'-' (standard input) cannot be mixed with other inputs")
        return Collected((Source("-", "-"),), (), True), stdin.read()
    return collect(pages, args.all_files), None


def check_outputs(args: argparse.Namespace, found: Collected) -> None:
    """Refuse outputs that would overwrite an input or be read as one (now or when the
    command is run again)."""
    named = [(opt, path) for opt, path in (("-o", args.output), ("--errors", args.errors))
             if path is not None]
    for opt, path in named:
        why = read_by(path, found)
        if why is not None:
            raise UsageError(f"{opt} {path}: {why}; write it elsewhere")
    if len(named) == 2 and os.path.realpath(args.output) == os.path.realpath(args.errors):
        raise UsageError("-o and --errors name the same file")


def dir_jobs(args: argparse.Namespace, sources: Sequence[Source], out: Path,
             fmt: str) -> tuple[list[Job], list[str], int]:
    folder = str(out)
    targets = [child(folder, output_name(s.rel, fmt)) for s in sources]
    clash = first_clash(zip(targets, (s.path for s in sources), strict=True))
    if clash:
        raise UsageError(f"{clash[1]} and {clash[2]} would both be written to {clash[0]}")
    if args.errors is not None and os.path.abspath(args.errors) in map(os.path.abspath, targets):
        raise UsageError(f"--errors {args.errors} is where a page's output goes")
    jobs: list[Job] = []
    paths: list[str] = []
    for source, target in zip(sources, targets, strict=True):
        if args.skip_existing and os.path.exists(target):
            continue
        jobs.append(Job(len(jobs), source.path, target))
        paths.append(source.path)
    return jobs, paths, len(sources) - len(jobs)


def overwritten(found: Collected, out: Path, fmt: str) -> str | None:
    """An input file inside the output directory that a page's output would replace."""
    real = os.path.realpath(out).rstrip(os.sep) + os.sep
    inside = [key for key in found.keys if key.startswith(real)]
    if not inside:
        return None
    targets = {os.path.realpath(child(str(out), output_name(s.rel, fmt))) for s in found.sources}
    return next((key for key in inside if key in targets), None)


def dir_plan(args: argparse.Namespace, found: Collected, fmt: str) -> Plan:
    out = Path(args.output)
    victim = overwritten(found, out, fmt)
    if victim is not None:
        raise UsageError(f"-o {out}: a page's output would replace the input {victim}")
    jobs, paths, skipped = dir_jobs(args, found.sources, out, fmt)
    try:
        out.mkdir(parents=True, exist_ok=True)
        if not os.access(out, os.W_OK):
            raise PermissionError(13, os.strerror(13))
    except OSError as err:
        raise Unwritable("-o", out, err) from None
    folders = {os.path.dirname(j.target) for j in jobs if j.target is not None}
    stale = [t for folder in sorted(folders) for t in stale_temps(folder)]
    return Plan("dir", fmt, jobs, paths, found, out, skipped=skipped, stale=stale)


def scan_warcs(sources: Sequence[Source]) -> dict[str, Scan]:
    paths = [s.path for s in sources if is_warc_name(s.path)]
    if not paths:
        return {}
    from cleanweb.readers.warc import WarcUnavailable, scan

    try:
        return {path: scan(path) for path in paths}
    except WarcUnavailable as err:
        raise UsageError(str(err)) from None


def units(sources: Sequence[Source], warcs: dict[str, Scan]) -> list[Unit]:
    """Every page in input order; a WARC file stands for its HTML records."""
    out: list[Unit] = []
    for s in sources:
        if s.path in warcs:
            out.extend(Unit(s.path, f"{s.path}#{r.record_id}", r) for r in warcs[s.path].refs)
        else:
            out.append(Unit(s.path, s.path))
    return out


def stream_jobs(todo_all: Sequence[Unit], data: bytes | None,
                done: set[str]) -> tuple[list[Job], list[str], int]:
    todo = [u for u in todo_all if u.key not in done]
    jobs = [Job(i, u.path, None, data, u.record) for i, u in enumerate(todo)]
    return jobs, [u.key for u in todo], len(todo_all) - len(todo)


def make_plan(args: argparse.Namespace, stdin: BinaryIO) -> Plan:
    found, data = gather(args, stdin)
    if (args.url or args.charset) and not found.single_file:
        raise UsageError("--url and --charset apply to a single page")
    fmt = output_format(args)
    mode = output_mode(args, fmt, found.single_file)
    check_outputs(args, found)
    if any(is_warc_name(s.path) for s in found.sources):
        if args.url or args.charset:
            raise UsageError("--url and --charset do not apply to WARC records "
                             "(each carries its own)")
        if mode == "dir":
            raise UsageError("WARC input writes to standard output or one file "
                             "(-o FILE with --format jsonl), not to a directory")
    if args.skip_existing and mode == "stream":
        raise UsageError("--skip-existing needs -o")
    if mode == "dir":
        return dir_plan(args, found, fmt)
    warcs = scan_warcs(found.sources)
    todo = units(found.sources, warcs)
    if mode == "stream":
        jobs, paths, skipped = stream_jobs(todo, data, set())
        return Plan(mode, fmt, jobs, paths, found, warcs=warcs)
    out = Path(args.output)
    keep: list[bytes] = []
    done: set[str] = set()
    stale = stale_temps(str(out.parent), out.name)
    if args.skip_existing and fmt == "jsonl":
        keep, done, stale = finished_records(out)
    elif args.skip_existing and out.exists():
        done = {u.key for u in todo}
    jobs, paths, skipped = stream_jobs(todo, data, done)
    return Plan(mode, fmt, jobs, paths, found, out, keep, skipped, warcs, stale)
