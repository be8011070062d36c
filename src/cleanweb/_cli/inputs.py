"""Which files a run reads, and the output name each one gets.

Every input is a file plus a *base* folder: a directory argument is its own base, a glob's
base is its leading part without wildcards, a named file's base is its folder. The path
relative to the base is mirrored under ``-o DIR``, so ``cleanweb crawl/ -o out`` turns
``crawl/a/b/page.html`` into ``out/a/b/page.txt``.

What a run reads is also what it must never write: :func:`read_by` tells whether an output
path is an input, lies in a folder being read, or would be matched by a glob argument.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from cleanweb.readers.files import is_page_name, split_suffix

GLOB_CHARS = frozenset("*?[")
FORMAT_SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html", "json": ".json", "jsonl": ".jsonl"}


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
    #: Folders that could not be listed, with why.
    unlisted: tuple[tuple[str, str], ...] = ()
    #: Directory arguments in which no page file was found.
    no_pages: tuple[str, ...] = ()
    #: Real paths of the input files, of the folders walked, and the glob arguments.
    keys: frozenset[str] = field(default_factory=frozenset)
    walked: tuple[str, ...] = ()
    globs: tuple[str, ...] = ()


class Found(NamedTuple):
    """A page file met while expanding an argument."""

    path: str
    #: Path relative to the argument's base, '/'-separated.
    rel: str
    #: The file's real path: the same file reached twice is read once.
    key: str


@dataclass(slots=True)
class Walk:
    """What walking the folders of one run met besides page files."""

    all_files: bool
    #: Folders that could not be listed, with the system's reason.
    unlisted: list[tuple[str, str]] = field(default_factory=list)
    #: Real paths of the folders walked from an argument (its own, or a glob match).
    roots: list[str] = field(default_factory=list)


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


def walk_dir(folder: str, rel: str, real: str, walk: Walk, found: list[Found]) -> None:
    """Append the page files under ``folder`` to ``found``, sorted component by component
    (a/b/x.html before a/c.html). Hidden entries and linked folders are skipped; a folder
    that cannot be listed is noted in ``walk``, to be reported like an unreadable file.

    ``rel`` is the folder's path below the argument's base (empty, or ending in '/'), and
    ``real`` its real path: a file that is no link is then keyed without asking the system.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: os.path.normcase(e.name))
    except OSError as err:
        walk.unlisted.append((folder, f"cannot list the folder: {err.strerror or err}"))
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        path = child(folder, name)
        if is_folder(entry):
            if not entry.is_symlink():  # os.walk's rule: a linked folder is not entered
                walk_dir(path, f"{rel}{name}/", os.path.join(real, name), walk, found)
        elif is_page_name(name, walk.all_files) and is_file_like(entry):
            key = os.path.realpath(path) if entry.is_symlink() else os.path.join(real, name)
            found.append(Found(path, rel + name, key))


def walk_root(root: Path, rel: str, walk: Walk) -> list[Found]:
    found: list[Found] = []
    real = os.path.realpath(root)
    walk.roots.append(real)
    walk_dir(str(root), rel, real, walk, found)
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


def is_glob(arg: str) -> bool:
    return bool(GLOB_CHARS & set(arg)) and not Path(arg).exists()


def expand(arg: str, walk: Walk) -> list[Found]:
    """The page files of one command-line argument; empty when it matches nothing."""
    path = Path(arg)
    if path.is_dir():
        return walk_root(path, "", walk)
    if not is_glob(arg):
        return [named(path, path.parent)] if path.exists() else []
    base = glob_base(arg)
    out: list[Found] = []
    for match in sorted(glob.glob(arg, recursive=True)):
        found = Path(match)
        if found.is_dir():
            rel = relative(found, base)
            out.extend(walk_root(found, "" if rel == "." else f"{rel}/", walk))
        elif found.is_file() or not found.exists():  # as in folders: no FIFO, socket, device
            out.append(named(found, base))
    return out


def relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:  # a glob match outside its literal prefix cannot happen; be safe
        return path.name


def collect(args: Sequence[str], all_files: bool) -> Collected:
    """Every input page once, in argument order then sorted order within directories."""
    walk = Walk(all_files)
    seen: set[str] = set()
    sources: list[Source] = []
    missing: list[str] = []
    no_pages: list[str] = []
    for arg in args:
        unlisted = len(walk.unlisted)
        found = expand(arg, walk)
        if not found and not Path(arg).is_dir():
            missing.append(arg)
        elif not found and len(walk.unlisted) == unlisted:  # not for want of listing
            no_pages.append(arg)
        for page in found:
            if page.key not in seen:
                seen.add(page.key)
                sources.append(Source(page.path, page.rel))
    single = len(args) == 1 and Path(args[0]).is_file() and len(sources) == 1
    globs = tuple(os.path.abspath(a) for a in args if is_glob(a))
    return Collected(tuple(sources), tuple(missing), single, tuple(walk.unlisted),
                     tuple(no_pages), frozenset(seen), tuple(walk.roots), globs)


# ---------------------------------------------------------------- outputs that would be read


def read_by(path: str, found: Collected) -> str | None:
    """Why a run that reads ``found`` must not write ``path`` (None when it may): it is
    an input, it lies in a folder being read, or a glob argument would match it (or a
    folder above it) now or in a later run."""
    real = os.path.realpath(path)
    if real in found.keys:
        return "it is an input"
    for root in found.walked:
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            return f"it lies inside the input folder {root}, which is being read"
    parts = Path(os.path.abspath(path)).parts
    for pattern in found.globs:
        pat = Path(pattern).parts
        if any(glob_matches(pat, parts[:n]) for n in range(1, len(parts) + 1)):
            return f"the input pattern {pattern} matches it"
    return None


def glob_matches(pattern: Sequence[str], parts: Sequence[str]) -> bool:
    """Whether the path ``parts`` matches the glob ``pattern`` (both split into
    components), by glob's rules: ``**`` spans any number of folders, and a wildcard does
    not match a name starting with a dot."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(glob_matches(rest, parts[n:]) for n in range(len(parts) + 1)
                   if not any(p.startswith(".") for p in parts[:n]))
    if not parts:
        return False
    name = parts[0]
    if GLOB_CHARS & set(head):
        hidden = name.startswith(".") and not head.startswith(".")
        return not hidden and fnmatch.fnmatchcase(name, head) and glob_matches(rest, parts[1:])
    return name == head and glob_matches(rest, parts[1:])


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
