"""A page's own URL, for pages given without one: its canonical link, else its og:url.

Site rules act on pages whose URL they name. A saved page comes without the URL it was
fetched from, but most pages say where they live: ``<link rel="canonical" href=…>`` or
``<meta property="og:url" content=…>``. Only an absolute http(s) URL counts: a relative
one cannot be resolved without the URL it is relative to.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

#: Where a page names its own URL, in order of trust: (CSS selector, attribute).
OWN_URL = (("link[rel~=canonical i][href]", "href"),
           ('meta[property="og:url" i][content]', "content"))


def page_url(tree: LexborHTMLParser) -> str | None:
    """The absolute http(s) URL the page names as its own, or None."""
    for selector, attribute in OWN_URL:
        for node in tree.css(selector):
            value = (node.attributes.get(attribute) or "").strip()
            if is_absolute(value):
                return value
    return None


def is_absolute(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a malformed host ("http://[::1")
        return False


def own_url(html: bytes, http_charset: str | None = None) -> str | None:
    """:func:`page_url` of a page's raw bytes, decoded and parsed as :func:`extract` does."""
    from cleanweb.stages.decode import decode
    from cleanweb.stages.parse import parse

    return page_url(parse(decode(html, http_charset).text))
