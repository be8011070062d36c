"""The body's links and images as the structured outputs give them: which ``<img>`` is a
real picture and where its image is, and what a link or image URL resolves to.

Used only when ``Options`` asks for links or images: the walk calls
:func:`image_source` for each ``<img>``, and the assemble stage resolves the URLs of what was
kept (:func:`link_url`, :func:`image_url`) against the page's base (:func:`base_url`). A URL
that could run code where the output is shown (see :mod:`cleanweb.urls`) is never given
out: such a link is left as plain text and such an image left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urldefrag, urljoin

from selectolax.lexbor import LexborHTMLParser

from cleanweb.measures import squash
from cleanweb.page_url import is_absolute, page_url
from cleanweb.rules.base import merged_index, name_words
from cleanweb.rules.images import (
    ICON_MAX,
    IMAGE_NAMES,
    LAZY_SOURCES,
    PIXEL_MAX,
    SRCSET_SOURCES,
)
from cleanweb.urls import IMAGE_SCHEMES, LINK_SCHEMES, browser_form, safe_url

#: A size attribute's leading number ("48", "48px", "48.0").
_SIZE_RE = re.compile(r"\s*([0-9]{1,6})")
#: One candidate of a srcset list: its URL and its width (w) or density (x) descriptor.
_CANDIDATE_RE = re.compile(r"\s*(\S+?)(?:\s+([0-9.]+)[wx])?\s*(?:,|$)")
#: Longest attribute value read for an alt text, a srcset or a name (longer ones are not
#: those of ordinary pages; reading them whole would cost time on hostile input).
_VALUE_CHARS = 4096

_NAMES = merged_index(IMAGE_NAMES)


def image_source(attrs: Mapping[str, str | None]) -> tuple[str, str] | None:
    """(source URL as written, alt text) of an ``<img>`` showing a picture of the page,
    or None: no source, a placeholder only, or a tracking pixel or icon (see
    :mod:`cleanweb.rules.images`)."""
    src = _source(attrs)
    if src is None or image_rule(attrs, src) is not None:
        return None
    return src, squash((attrs.get("alt") or "")[:_VALUE_CHARS])


def _source(attrs: Mapping[str, str | None]) -> str | None:
    """The real image: a lazy-loading attribute's, else ``src`` unless it is a data: URL
    (a placeholder), else the widest candidate of a srcset."""
    for name in LAZY_SOURCES:
        value = _url_value(attrs.get(name))
        if value and not _is_data(value):
            return value
    src = _url_value(attrs.get("src"))
    if src and not _is_data(src):
        return src
    for name in SRCSET_SOURCES:
        srcset = attrs.get(name)
        if srcset:
            best = widest(srcset[:_VALUE_CHARS])
            if best and not _is_data(best):
                return best
    return None


def widest(srcset: str) -> str | None:
    """The URL of the widest (or densest) candidate of a srcset list; the first one when
    none says its width."""
    best, best_size = None, -1.0
    for m in _CANDIDATE_RE.finditer(srcset):
        url, size = m.group(1).rstrip(","), m.group(2)
        if not url:
            continue
        try:
            value = float(size) if size else 0.0
        except ValueError:
            value = 0.0
        if value > best_size:
            best, best_size = url, value
    return best


def image_rule(attrs: Mapping[str, str | None], src: str) -> str | None:
    """The id of the rule that leaves the image out, or None (see
    :mod:`cleanweb.rules.images`)."""
    sizes = [n for n in (_size(attrs.get("width")), _size(attrs.get("height"))) if n is not None]
    if any(n <= PIXEL_MAX for n in sizes):
        return "image.pixel"
    if sizes and all(n <= ICON_MAX for n in sizes):
        return "image.small"
    for value in (attrs.get("class"), attrs.get("id"), _url_words(src)):
        if value:
            rule = name_rule(value)
            if rule is not None:
                return rule
    return None


def name_rule(value: str) -> str | None:
    """The id of the image rule the first word of a class, id or URL value names, if any."""
    for word in name_words(value[:_VALUE_CHARS].lower()):
        rules = _NAMES.get(word)
        if rules:
            return rules[0].id
    return None


def _url_words(src: str) -> str:
    """The part of an image URL whose words can name it: host and path, not the query."""
    return src.split("?", 1)[0].split("#", 1)[0]


def _size(value: str | None) -> int | None:
    if not value:
        return None
    m = _SIZE_RE.match(value)
    return int(m.group(1)) if m and not value.strip().endswith("%") else None


def _url_value(value: str | None) -> str:
    return browser_form(value) if value else ""


def _is_data(url: str) -> bool:
    return url[:5].lower() == "data:"


def base_url(url: str | None, tree: LexborHTMLParser) -> str | None:
    """The URL the page's relative links are resolved against: its ``<base href>`` read
    against the page's URL (``url``, else the one the page names as its own, see
    :func:`cleanweb.page_url.page_url`); None when no absolute http(s) URL comes of it."""
    page = url if url is not None and is_absolute(url) else page_url(tree)
    node = tree.css_first("base[href]")
    href = _url_value(node.attributes.get("href")) if node is not None else ""
    if href:
        try:
            joined = urljoin(page, href) if page else href
        except ValueError:
            joined = page or ""
        if is_absolute(joined):
            return joined
    return page


def link_url(href: str, base: str | None) -> str | None:
    """Where a link leads, resolved against ``base``; None when it leads nowhere worth
    citing or could run code: empty, within the page itself (a footnote marker, a
    table of contents), or a scheme other than :data:`LINK_SCHEMES`."""
    if browser_form(href).startswith("#"):
        return None
    url = resolve(href, base, LINK_SCHEMES)
    if url is None or base is None:
        return url
    if "#" in url and urldefrag(url)[0] == urldefrag(base)[0]:
        return None
    return url


def image_url(src: str, base: str | None) -> str | None:
    """An image's source resolved against ``base``; None unless it is http(s) or relative."""
    return resolve(src, base, IMAGE_SCHEMES)


def resolve(url: str, base: str | None, schemes: frozenset[str]) -> str | None:
    """``url`` read as a browser reads it and resolved against ``base``; None when it is
    empty, its scheme is not one of ``schemes`` (see :func:`cleanweb.urls.safe_url`), or
    it cannot be parsed."""
    url = browser_form(url)
    if url and base is not None:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    return safe_url(url, schemes)
