"""gzip-compressed pages: every member read, damage reported, the output bounded.

``gzip -c a >> page.gz`` makes a file of two members, which is one valid gzip file; a
download cut short ends inside a member. Reading stops at neither: all members are read,
and data that ends inside a member or is not gzip data is a ``bad_gzip`` error rather
than the text before the damage passed off as the whole page.
"""

from __future__ import annotations

import zlib

from cleanweb.readers import ReadError

MAGIC = b"\x1f\x8b"


def is_gzip(data: bytes) -> bool:
    return data[:2] == MAGIC


def gunzip(data: bytes, limit: int) -> bytes:
    """The decompressed bytes of every member of ``data``, at most ``limit`` of them (a
    gzip bomb cannot fill memory); raises ReadError ``bad_gzip`` or ``too_large``."""
    out: list[bytes] = []
    size = 0
    rest = data
    member = 0
    while rest:
        member += 1
        inflater = zlib.decompressobj(wbits=31)
        try:
            chunk = inflater.decompress(rest, limit - size + 1)
        except zlib.error as err:
            raise ReadError("bad_gzip", f"gzip member {member} is damaged ({err})") from None
        size += len(chunk)
        if size > limit:
            raise ReadError("too_large", f"decompresses to more than {limit:,} bytes; the "
                                         f"limit (max_bytes, --max-bytes) is {limit:,}")
        if not inflater.eof:
            raise ReadError("bad_gzip", f"cut off: the data ends inside gzip member {member},"
                                        f" after {size:,} bytes of page")
        out.append(chunk)
        rest = inflater.unused_data
        if rest and not rest.startswith(MAGIC):
            if not rest.strip(b"\0"):  # zero padding after the last member, as gzip allows
                break
            raise ReadError("bad_gzip", f"{len(rest):,} bytes after gzip member {member} "
                                        "are not gzip data")
    return b"".join(out)
