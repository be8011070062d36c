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
from pathlib import Path, PurePosixPath

from cleanweb._cli.warc import is_warc_name

#: Extensions read when walking a directory (a ``.gz`` of them, or a bare ``.gz``, too;
#: WARC files, ``.warc`` and ``.warc.gz``, as well).
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
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


def is_page_name(name: str, all_files: bool) -> bool:
    """Whether a file met while walking a directory is read."""
    if all_files or is_warc_name(name):
        return True
    lower = name.lower()
    if lower.endswith(".gz"):
        inner = PurePosixPath(lower[:-3]).suffix
        return inner in PAGE_SUFFIXES or inner == ""
    return PurePosixPath(lower).suffix in PAGE_SUFFIXES


def walk_dir(root: Path, all_files: bool, exclude: Path | None) -> list[Path]:
    """Page files under ``root``, sorted by path; hidden entries and ``exclude`` are skipped."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        # Pruned in place so os.walk does not descend: hidden folders and the output tree.
        dirs[:] = [d for d in dirs
                   if not d.startswith(".") and Path(os.path.abspath(here / d)) != exclude]
        found.extend(here / name for name in files
                     if not name.startswith(".") and is_page_name(name, all_files))
    return sorted(found)  # component by component: a/b/x.html before a/c.html


def glob_base(pattern: str) -> Path:
    """The leading components of ``pattern`` that hold no wildcard."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if GLOB_CHARS & set(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def expand(arg: str, all_files: bool, exclude: Path | None) -> list[tuple[Path, Path]]:
    """(file, base) pairs for one command-line argument; empty when it matches nothing."""
    path = Path(arg)
    if path.is_dir():
        return [(f, path) for f in walk_dir(path, all_files, exclude)]
    if path.exists() or not (GLOB_CHARS & set(arg)):
        return [(path, path.parent)] if path.exists() else []
    base = glob_base(arg)
    out: list[tuple[Path, Path]] = []
    for match in sorted(glob.glob(arg, recursive=True)):
        found = Path(match)
        if found.is_dir():
            out.extend((f, base) for f in walk_dir(found, all_files, exclude))
        else:
            out.append((found, base))
    return out


def relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:  # a glob match outside its literal prefix cannot happen; be safe
        return path.name


def collect(args: Sequence[str], all_files: bool, exclude: Path | None) -> Collected:
    """Every input page once, in argument order then sorted order within directories."""
    seen: set[Path] = set()
    sources: list[Source] = []
    missing: list[str] = []
    for arg in args:
        pairs = expand(arg, all_files, exclude)
        if not pairs and not Path(arg).is_dir():
            missing.append(arg)
        for file, base in pairs:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                sources.append(Source(str(file), relative(file, base)))
    single = len(args) == 1 and Path(args[0]).is_file() and len(sources) == 1
    return Collected(tuple(sources), tuple(missing), single)


def output_name(rel: str, fmt: str) -> str:
    """``a/b/page.html`` -> ``a/b/page.txt``; ``page.html.gz`` -> ``page.txt``."""
    path = PurePosixPath(rel)
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return str(path.with_suffix(FORMAT_SUFFIX[fmt]))


def first_clash(targets: Iterable[tuple[str, str]]) -> tuple[str, str, str] | None:
    """(target, first source, second source) of the first output written twice, if any."""
    owner: dict[str, str] = {}
    for target, source in targets:
        if target in owner:
            return target, owner[target], source
        owner[target] = source
    return None
