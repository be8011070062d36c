"""URLs as browsers read them, and which of them are safe to give out in Markdown or HTML.

A browser removes tabs and line breaks anywhere in a URL and control characters and spaces
around it before it reads the scheme, so ``"java\\tscript:"`` and ``" javascript:"`` are
``javascript:`` URLs; they are read the same way here. Only the schemes listed are kept: an
allow-list, since any other (``javascript:``, ``vbscript:``, ``data:``) can run code or carry
a payload where the output is shown. A URL without a scheme is relative, and safe.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Schemes a link may keep ...
LINK_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel"})
#: ... and an image (a data: URL is a placeholder, or a picture too large to carry).
IMAGE_SCHEMES = frozenset({"http", "https"})
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_NOISE = str.maketrans("", "", "\t\n\r")
_EDGES = "".join(chr(c) for c in range(0x21))
#: Longest URL read (longer ones are no URLs of ordinary pages; reading them whole would
#: cost time on hostile input).
URL_CHARS = 4096


def browser_form(url: str) -> str:
    """``url`` as a browser reads it: tabs and line breaks removed, control characters
    and spaces around it trimmed (cut to :data:`URL_CHARS` first)."""
    return url[:URL_CHARS].translate(_NOISE).strip(_EDGES)


def safe_url(url: str, schemes: frozenset[str]) -> str | None:
    """``url`` in :func:`browser_form` when it has one of ``schemes`` or none at all (a
    relative URL); None when it is empty, has another scheme, or cannot be parsed."""
    clean = browser_form(url)
    if not clean:
        return None
    m = _SCHEME_RE.match(clean)
    if m is not None and m.group(1).lower() not in schemes:
        return None
    try:
        urlsplit(clean)
    except ValueError:  # a malformed host ("http://[::1")
        return None
    return clean
