"""Which files a run reads, and the output name each one gets.

Every input is a file plus a *base* folder: a directory argument is its own base, a glob's
base is its leading part without wildcards, a named file's base is its folder. The path
relative to the base is mirrored under ``-o DIR``, so ``cleanweb crawl/ -o out`` turns
``crawl/a/b/page.html`` into ``out/a/b/page.txt``.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

#: Extensions read when walking a directory (a ``.gz`` of them, or a bare ``.gz``, too;
#: WARC files, ``.warc`` and ``.warc.gz``, as well).
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
#: File names read as WARC files (compared lower-cased).
WARC_SUFFIXES = (".warc", ".warc.gz")
GLOB_CHARS = frozenset("*?[")
FORMAT_SUFFIX = {"txt": ".txt", "md": ".md", "json": ".json", "jsonl": ".jsonl"}


@dataclass(frozen=True, slots=True)
class Source:
    """One input page: where to read it and its path relative to its argument's base."""

    path: str
    rel: str


@dataclass(frozen=True, slots=True)
class Collected:
    sources: tuple[Source, ...]
    #: Arguments that named no existing file, directory or glob match.
    missing: tuple[str, ...]
    #: True when the only input is one file named as such (not a directory or glob).
    single_file: bool


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def split_suffix(name: str) -> tuple[str, str]:
    """``page.html`` -> ``("page", ".html")``, by pathlib's rule: a dot that begins or ends
    the name starts no suffix."""
    i = name.rfind(".")
    return (name[:i], name[i:]) if 0 < i < len(name) - 1 else (name, "")


def is_page_name(name: str, all_files: bool) -> bool:
    """Whether a file met while walking a directory is read."""
    if all_files or is_warc_name(name):
        return True
    lower = name.lower()
    if lower.endswith(".gz"):
        inner = split_suffix(lower[:-3])[1]
        return inner in PAGE_SUFFIXES or inner == ""
    return split_suffix(lower)[1] in PAGE_SUFFIXES


class Found(NamedTuple):
    """A page file met while expanding an argument."""

    path: str
    #: Path relative to the argument's base, '/'-separated.
    rel: str
    #: The file's real path: the same file reached twice is read once.
    key: str


def is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # as os.walk: an entry that cannot be looked at is taken for a file
        return False


def is_file_like(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link leading nowhere (read, and reported unreadable); not a
    FIFO, socket or device, whose reading would wait for a writer or never end. Files
    named on the command line are read whatever they are (``<(curl …)`` is a pipe)."""
    try:
        return entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
    except OSError:
        return True


def child(folder: str, rel: str) -> str:
    """``folder/rel`` for a '/'-separated ``rel``, spelled as pathlib spells it: no leading
    ``./``, and the system's separator."""
    if os.sep != "/":
        rel = rel.replace("/", os.sep)
    return rel if folder == "." else os.path.join(folder, rel)


def walk_dir(folder: str, rel: str, real: str, all_files: bool, exclude: str | None,
             found: list[Found]) -> None:
    """Append the page files under ``folder`` to ``found``, sorted component by component
    (a/b/x.html before a/c.html). Hidden entries, linked folders and ``exclude`` are skipped.

    ``rel`` is the folder's path below the argument's base (empty, or ending in '/'), and
    ``real`` its real path: a file that is no link is then keyed without asking the system.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: os.path.normcase(e.name))
    except OSError:  # an unreadable folder is passed over, as os.walk does
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        path = child(folder, name)
        if is_folder(entry):
            # os.walk's rule: a linked folder is listed but not entered; the output tree
            # may lie inside an input folder and is never read back.
            if not entry.is_symlink() and os.path.abspath(path) != exclude:
                walk_dir(path, f"{rel}{name}/", os.path.join(real, name), all_files, exclude,
                         found)
        elif is_page_name(name, all_files) and is_file_like(entry):
            key = os.path.realpath(path) if entry.is_symlink() else os.path.join(real, name)
            found.append(Found(path, rel + name, key))


def walk(root: Path, rel: str, all_files: bool, exclude: str | None) -> list[Found]:
    found: list[Found] = []
    walk_dir(str(root), rel, os.path.realpath(root), all_files, exclude, found)
    return found


def glob_base(pattern: str) -> Path:
    """The leading components of ``pattern`` that hold no wildcard."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if GLOB_CHARS & set(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def named(file: Path, base: Path) -> Found:
    return Found(str(file), relative(file, base), os.path.realpath(file))


def expand(arg: str, all_files: bool, exclude: str | None) -> list[Found]:
    """The page files of one command-line argument; empty when it matches nothing."""
    path = Path(arg)
    if path.is_dir():
        return walk(path, "", all_files, exclude)
    if path.exists() or not (GLOB_CHARS & set(arg)):
        return [named(path, path.parent)] if path.exists() else []
    base = glob_base(arg)
    out: list[Found] = []
    for match in sorted(glob.glob(arg, recursive=True)):
        found = Path(match)
        if found.is_dir():
            rel = relative(found, base)
            out.extend(walk(found, "" if rel == "." else f"{rel}/", all_files, exclude))
        elif found.is_file() or not found.exists():  # as in folders: no FIFO, socket, device
            out.append(named(found, base))
    return out


def relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:  # a glob match outside its literal prefix cannot happen; be safe
        return path.name


def collect(args: Sequence[str], all_files: bool, exclude: Path | None) -> Collected:
    """Every input page once, in argument order then sorted order within directories."""
    skip = None if exclude is None else str(exclude)
    seen: set[str] = set()
    sources: list[Source] = []
    missing: list[str] = []
    for arg in args:
        found = expand(arg, all_files, skip)
        if not found and not Path(arg).is_dir():
            missing.append(arg)
        for page in found:
            if page.key not in seen:
                seen.add(page.key)
                sources.append(Source(page.path, page.rel))
    single = len(args) == 1 and Path(args[0]).is_file() and len(sources) == 1
    return Collected(tuple(sources), tuple(missing), single)


def output_name(rel: str, fmt: str) -> str:
    """``a/b/page.html`` -> ``a/b/page.txt``; ``page.html.gz`` -> ``page.txt``."""
    head, slash, name = rel.rpartition("/")
    stem, suffix = split_suffix(name)
    if suffix.lower() == ".gz":
        stem = split_suffix(stem)[0]
    return f"{head}{slash}{stem}{FORMAT_SUFFIX[fmt]}"


def first_clash(targets: Iterable[tuple[str, str]]) -> tuple[str, str, str] | None:
    """(target, first source, second source) of the first output written twice, if any."""
    owner: dict[str, str] = {}
    for target, source in targets:
        if target in owner:
            return target, owner[target], source
        owner[target] = source
    return None
