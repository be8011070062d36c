"""What every adapter shares: the page it gets, the output it returns, and byte decoding.

Standard library only (plus w3lib, lazily): the worker that runs an adapter may live in
another interpreter than the one that scores its output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """One page as every extractor gets it: raw bytes, plus what the dataset knows."""

    html: bytes
    url: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Output:
    """What an extractor made of a page. ``None`` = the extractor does not return the field
    (as opposed to returning it empty), so it is left out of that field's scores."""

    text: str
    title: str | None = None
    captions: tuple[str, ...] | None = None


Extractor = Callable[[Page], Output]


class Unavailable(Exception):
    """The peer cannot run here (not installed, no Node.js, ...); the message says why."""


def decode_html(data: bytes) -> str:
    """Bytes -> text for libraries that take only ``str`` and say nothing about decoding.

    Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares (several dev
    pages declare GBK and are UTF-8; a legacy-encoded page is practically never valid UTF-8);
    otherwise w3lib's ``html_to_unicode``, the decoder Scrapy documents: BOM, then the
    ``<meta>`` / XML declaration, then chardet's guess. No peer gets cleanweb's own decoder.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from w3lib.encoding import html_to_unicode  # only legacy pages need it

    _, text = html_to_unicode(None, data, auto_detect_fun=_guess)
    return str(text)


def _guess(data: bytes) -> str | None:
    import chardet

    found = chardet.detect(data[:65536]).get("encoding")
    return str(found) if found else None


def lines_text(parts: list[str]) -> str:
    """Non-empty, stripped parts joined one per line (the metric ignores line breaks, but
    leak checks read lines)."""
    return "\n".join(s for s in (p.strip() for p in parts) if s)


def need(module: str) -> None:
    """Raise :class:`Unavailable` when ``module`` cannot be imported."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise Unavailable(f"{module} is not installed (pip install '.[bench]')")
