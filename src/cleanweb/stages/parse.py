"""Parse stage and the few DOM helpers the other stages share.

The page is parsed once, by Lexbor through selectolax, always from a ``str`` (given
bytes, selectolax would read them as UTF-8 whatever the page's encoding).
"""

from __future__ import annotations

import re

import regex
from selectolax.lexbor import LexborHTMLParser

from cleanweb.errors import Budget, Stop

_HIDDEN_STYLE_RE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)


_TITLE_OPEN_RE = regex.compile(r"<title\b[^>]*>", regex.I)
# A real <title> is a line; one this long that holds markup swallowed the page.
_RUNAWAY_TITLE = 2000


#: Tree building slows quadratically with nesting depth (20,000 nested divs take over half
#: a second), so markup nested deeper than this is flattened before parsing. Real pages stay
#: far below it. Finding the depth means matching every tag in Python, about 1.5 µs each, so
#: pages with at most DEPTH_CHECK_TAGS tags are parsed as they are: nested all the way down,
#: they would cost the parser about 0.16 s, while the scan would cost every big real page
#: (portal pages run to several thousand tags) 8 ms or more.
MAX_DEPTH = 1000
DEPTH_CHECK_TAGS = 10_000
# Attributes stop at the next "<" and are bounded, so a run of unclosed "<a<a<a…" stays
# linear; a longer tag is simply not counted.
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,4000}>")
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "frame",
})


def parse(text: str, budget: Budget | None = None, utf8: bytes | None = None,
          max_elements: int | None = None) -> LexborHTMLParser:
    """Parse once; re-parse only a page whose unclosed ``<title>`` swallowed the body
    (the HTML parser reads everything after it as title text).

    ``utf8``, when given, must be ``text`` encoded as UTF-8 (a page's own bytes, when
    they are valid UTF-8): the parser reads UTF-8, so handing it these bytes spares
    encoding the text again, and the guards count in them faster. A page found to open
    more than ``max_elements`` tags is refused (:class:`Stop` "too_large") before the
    parser builds a tree that size: seconds of work and a gigabyte for 32 MB of them.
    Ruby annotations leave the tree (:data:`RUBY_ANNOTATION_TAGS`)."""
    tags = utf8.count(b"<") if utf8 is not None else text.count("<")
    if tags > DEPTH_CHECK_TAGS:
        limited = limit_depth(text, MAX_DEPTH, budget, max_elements)
        text, utf8 = limited, (utf8 if limited is text else None)
    if _may_hold_huge_tag(utf8 if utf8 is not None else text) and (
            utf8.count(b"=") if utf8 is not None else text.count("=")) > ATTRIBUTE_CHECK:
        text, cut = _HUGE_TAG_RE.subn(r"<\1>", text)
        utf8 = None if cut else utf8
    tree = LexborHTMLParser(utf8 if utf8 is not None else text)
    if _swallowed_by_title(tree):
        tree = LexborHTMLParser(_TITLE_OPEN_RE.sub("", text, count=1))
    if "<rt" in text or "<RT" in text:  # two C scans: most pages have no ruby
        tree.strip_tags(list(RUBY_ANNOTATION_TAGS), recursive=True)
    return tree


#: The parser slows quadratically with the attributes of one tag (25,000 take seconds),
#: so a tag longer than this loses its attributes. Only pages with more "=" signs than
#: ATTRIBUTE_CHECK can hold such a tag, so others skip the scan.
MAX_TAG_CHARS = 20_000
ATTRIBUTE_CHECK = 10_000
_HUGE_TAG_RE = re.compile(rf"<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{{{MAX_TAG_CHARS},}}>")


def _may_hold_huge_tag(data: bytes | str) -> bool:
    """False when every stretch of MAX_TAG_CHARS holds a ">", so no tag is that long. A
    stretch that long without one covers a whole aligned window of half its length, so a
    find per window answers it: a few memchr calls, where counting "=" reads every byte."""
    half = MAX_TAG_CHARS // 2
    starts = range(0, len(data), half)
    if isinstance(data, bytes):
        return any(data.find(b">", s, s + half) < 0 for s in starts)
    return any(data.find(">", s, s + half) < 0 for s in starts)


def limit_depth(text: str, limit: int, budget: Budget | None = None,
                max_elements: int | None = None) -> str:
    """``text`` with every tag that opens (or closes) deeper than ``limit`` removed;
    the text between the tags stays. Unchanged (same object) when nothing is that deep.
    Raises :class:`Stop` "too_large" once more than ``max_elements`` elements have opened
    (void ones uncounted; tag-like text inside scripts and comments counted)."""
    depth = deepest = opened = 0
    cap = max_elements if max_elements is not None else len(text)
    for count, m in enumerate(_TAG_RE.finditer(text)):
        if not count & 0xFFFF:
            if budget is not None:
                budget.check()
            if opened > cap:
                raise Stop("too_large")
        if m.group(2).lower() in VOID_TAGS or m.group(0).endswith("/>"):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:  # void elements go uncounted: the count errs low
            depth += 1
            opened += 1
            deepest = max(deepest, depth)
    if opened > cap:
        raise Stop("too_large")
    if deepest <= limit:
        return text
    state = [0]

    def keep(m: re.Match[str]) -> str:
        if m.group(2).lower() in VOID_TAGS or m.group(0).endswith("/>"):
            return m.group(0)
        if m.group(1):
            state[0] = max(0, state[0] - 1)
            return m.group(0) if state[0] < limit else ""
        state[0] += 1
        return m.group(0) if state[0] <= limit else ""

    return _TAG_RE.sub(keep, text)


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
#: Ruby annotations: the reading printed over the base text ("汉字" with "hàn zì" above
#: it) and the parentheses shown where ruby is not rendered. They leave the tree as soon
#: as it is parsed, so the headline, the metadata and the body read the base text alone
#: instead of "汉(hàn)字".
RUBY_ANNOTATION_TAGS = ("rt", "rp", "rtc")


def drop_code(tree: LexborHTMLParser) -> None:
    """Remove scripts, styles and templates from the tree (in C, once), after the
    metadata stage has read what it needs from them (JSON-LD)."""
    tree.strip_tags(list(CODE_TAGS), recursive=True)
