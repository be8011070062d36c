"""Parse stage and the few DOM helpers the other stages share.

The page is parsed once, by Lexbor through selectolax, always from a ``str`` (given
bytes, selectolax would read them as UTF-8 whatever the page's encoding).
"""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser


_HIDDEN_STYLE_RE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)


_TITLE_OPEN_RE = regex.compile(r"<title\b[^>]*>", regex.I)
# A real <title> is a line; one this long that holds markup swallowed the page.
_RUNAWAY_TITLE = 2000


def parse(text: str) -> LexborHTMLParser:
    """Parse once; re-parse only a page whose unclosed ``<title>`` swallowed the body
    (the HTML parser reads everything after it as title text)."""
    tree = LexborHTMLParser(text)
    if _swallowed_by_title(tree):
        tree = LexborHTMLParser(_TITLE_OPEN_RE.sub("", text, count=1))
    return tree


def _swallowed_by_title(tree: LexborHTMLParser) -> bool:
    body = tree.body
    if body is not None and body.child is not None:
        return False
    title = tree.css_first("title")
    if title is None:
        return False
    text = title.text(deep=False) or ""
    return len(text) > _RUNAWAY_TITLE and "<" in text


def is_hidden(attrs: dict[str, str | None]) -> bool:
    """Hidden by the ``hidden`` attribute or an inline display/visibility style."""
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style) and _HIDDEN_STYLE_RE.search(style or "") is not None



#: Elements whose content is code or data, never page text.
CODE_TAGS = ("script", "style", "noscript", "template")


def drop_code(tree: LexborHTMLParser) -> None:
    """Remove scripts, styles and templates from the tree (in C, once), after the
    metadata stage has read what it needs from them (JSON-LD)."""
    tree.strip_tags(list(CODE_TAGS), recursive=True)
