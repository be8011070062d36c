"""Saved pages as files: which names are pages, and a page's bytes from its file.

A page file holds the bytes a server sent, or the gzip of them (``page.html.gz``, or any
file starting with the gzip magic); :func:`read_file` gives the page's bytes, bounded by
a size limit, or a :class:`~cleanweb.readers.ReadError` saying why there are none.
"""

from __future__ import annotations

import os

from cleanweb.readers import ReadError
from cleanweb.readers.gzip import gunzip, is_gzip

#: Extensions read when walking a directory (a ``.gz`` of them, or a bare ``.gz``, too;
#: WARC files, ``.warc`` and ``.warc.gz``, as well).
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: File names read as WARC files (compared lower-cased).
WARC_SUFFIXES = (".warc", ".warc.gz")
#: The names a directory walk takes, as a person reads them.
LOOKED_FOR = (f"{', '.join('*' + s for s in PAGE_SUFFIXES)}, those gzipped (*.html.gz, "
              f"*.gz) and WARC files ({', '.join('*' + s for s in WARC_SUFFIXES)})")


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


def too_large(size: int, limit: int) -> ReadError:
    return ReadError("too_large", f"{size:,} bytes; the limit (max_bytes, --max-bytes) "
                                  f"is {limit:,}")


def page_bytes(data: bytes, limit: int) -> bytes:
    """A page's bytes from a file's (or standard input's) bytes: decompressed when they
    are gzip, refused when empty; raises ReadError."""
    if is_gzip(data):
        data = gunzip(data, limit)
    if not data or data.isspace():  # isspace() stops at the first other byte; strip() copies
        raise ReadError("empty_file", "no bytes to read" if not data else "only whitespace")
    return data


def read_file(path: str, limit: int) -> bytes:
    """The page in the file ``path``; a plain file over ``limit`` bytes is not read."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:  # a gzip file is judged by what it decompresses to
                if not is_gzip(fh.read(2)):
                    raise too_large(size, limit)
                fh.seek(0)
            data = fh.read()
    except OSError as err:
        raise ReadError("unreadable", err.strerror or str(err)) from None
    return page_bytes(data, limit)
