"""The headline and the title: the ``<h1>`` (or a title-like element) whose text agrees
with ``<title>``/og:title; failing that, the ``<title>`` with its site suffix cut."""

from __future__ import annotations

from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanweb.measures import CJK_CHAR_RE, fingerprint, squash, tokens, units
from cleanweb.rules.base import finditer, patterns, search, search_with_needles
from cleanweb.rules.metadata import (
    META_SITE_KEY,
    META_TITLE_KEYS,
    NEEDLE_PATTERNS,
    OPENING_SELECTORS,
    TITLE_RULES,
    TITLE_SELECTORS,
)
from cleanweb.stages.metadata.dates import find_date
from cleanweb.stages.metadata.nodes import (
    MAX_TITLE_CHARS,
    following,
    short_text,
    squashed_head,
    visible_text,
)
from cleanweb.stages.metadata.record import Found
from cleanweb.stages.metadata.zone import is_prose

#: An element with more text than this is no headline: broken markup can leave a whole page
#: inside an unclosed <h1>, and reading such text whole costs seconds per 10 MB.
MAX_HEADLINE_CHARS = 2 * MAX_TITLE_CHARS

_RULES = patterns(TITLE_RULES)
_SEPARATOR = _RULES["metadata.title.separator"]
_LOGO = _RULES["metadata.title.logo"]
_ORIGINAL = _RULES["metadata.title.original"]
_SECTION = _RULES["metadata.title.section"]

#: Heading candidates looked at when <title> names only the site, and the text nodes after
#: one within which the article's prose must begin.
_MAX_OPENING = 60
_PROSE_WITHIN = 40
#: A heading line has between these many units, and no sentence punctuation.
_OPENING_UNITS = (3, 40)
_SENTENCE_MARKS = frozenset("。！？；，,;!?")
#: What a heading line stands in: the block whose whole text it is (a list item is a link
#: list's, not an article's).
_BLOCK_TAGS = frozenset({"p", "div", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "center",
                         "section", "header", "article", "font"})
_LINK_DEPTH = 8


def title_tag(tree: LexborHTMLParser) -> str:
    """The text of ``<title>`` (the one in ``<head>`` first), read up to MAX_TITLE_CHARS."""
    head = tree.head
    node = head.css_first("title") if head is not None else None
    node = node or tree.css_first("title")
    return squashed_head(node.text(deep=True)) if node is not None else ""


def find_headline(
    tree: LexborHTMLParser,
    first_h1s: list[LexborNode],
    title: str,
    head: str,
    metas: dict[str, str],
) -> tuple[LexborNode | None, Found | None]:
    """The headline element and the title; ``head`` is ``title`` without its site suffix."""
    og = next((metas[k] for k in META_TITLE_KEYS if metas.get(k)), "")
    refs = [fingerprint(t) for t in (title, og) if t]
    h1s = [n for n in first_h1s if not _logo_like(n) and _candidate_fp(n) is not None]
    best = _best_match(h1s, refs, fingerprint(head or og))
    rule = "metadata.title.h1"
    others: list[LexborNode] = []
    if best is None and refs:
        others = list(islice(tree.css(TITLE_SELECTORS), 80))
        best, rule = _best_match(others, refs, fingerprint(head)), "metadata.title.element"
    if best is None:
        best, rule = _containing(h1s + others, fingerprint(head)), "metadata.title.containing"
    if best is not None:
        return best, _title(visible_text(best), rule)
    fallback = strip_site_suffix(og) if og else head
    if h1s and (_units(visible_text(h1s[0])) >= 4 or not fallback):
        # a headline the <title> does not repeat
        return h1s[0], _title(visible_text(h1s[0]), "metadata.title.lone_h1")
    if fallback and names_section(fallback, metas.get(META_SITE_KEY, "")):
        opening = opening_heading(tree)
        if opening is not None:
            return opening, _title(visible_text(opening), "metadata.title.opening")
    rule = "metadata.title.og" if og else "metadata.title.tag"
    return None, _title(fallback, rule) if fallback else None


def _title(text: str, rule: str) -> Found:
    return Found("title", without_badge(text), rule)


def without_badge(title: str) -> str:
    """``title`` without a platform's '原创' badge before the headline."""
    if "原创" not in title:
        return title
    m = search(_ORIGINAL, title)
    return title[m.end() :] if m is not None else title


def names_section(title: str, site_name: str) -> bool:
    """Whether a Chinese <title> (its headline part) names the site or a section rather
    than an article: the site's own og:site_name, or a metadata.title.section shape."""
    if not CJK_CHAR_RE.search(title):
        return False
    if site_name and fingerprint(site_name) == fingerprint(title):
        return True
    return search(_SECTION, title) is not None


def opening_heading(tree: LexborHTMLParser) -> LexborNode | None:
    """The first heading line on the page that the article's prose follows: a heading,
    bold or title-named element standing alone in its block, outside links, short and
    without sentence punctuation or a date."""
    for node in islice(tree.css(OPENING_SELECTORS), _MAX_OPENING):
        if _heading_line(node) and _prose_follows(node):
            return node
    return None


def _heading_line(node: LexborNode) -> bool:
    text = short_text(node, 4 * _OPENING_UNITS[1])
    if text is None or not _OPENING_UNITS[0] <= units(text) <= _OPENING_UNITS[1]:
        return False
    if _SENTENCE_MARKS.intersection(text) or find_date(text) is not None or _in_link(node):
        return False
    block: LexborNode | None = node
    while block is not None and block.tag not in _BLOCK_TAGS:
        if block.tag == "li":
            return False
        block = block.parent
    # the block holds the heading and nothing else (read only as far as that can be)
    return block is not None and short_text(block, len(text)) == text


def _in_link(node: LexborNode) -> bool:
    if node.css_first("a") is not None:
        return True
    up = node.parent
    for _ in range(_LINK_DEPTH):
        if up is None:
            return False
        if up.tag == "a":
            return True
        up = up.parent
    return False


def _prose_follows(node: LexborNode) -> bool:
    for i, text_node in enumerate(following(node)):
        if i >= _PROSE_WITHIN:
            break
        if is_prose(squash(text_node.text_content or "")):
            return True
    return False


def _logo_like(node: LexborNode) -> bool:
    attrs = " ".join(v or "" for v in node.attributes.values()).lower()  # the rule is case-blind
    text = node.text(deep=True)  # squash(text) is empty: tested without building it
    logo = search_with_needles(_LOGO, NEEDLE_PATTERNS["metadata.title.logo"], attrs) is not None
    return logo or not text or text.isspace()


def _candidate_fp(node: LexborNode) -> str | None:
    """The fingerprint of a headline candidate's text; None when it is too long to be one."""
    text = short_text(node, MAX_HEADLINE_CHARS)
    return fingerprint(text) if text is not None else None


def _best_match(nodes: list[LexborNode], refs: list[str], head_fp: str) -> LexborNode | None:
    """The longest node text that is part of the page's title/og:title and covers most
    of its headline part (so a site name or a section label never wins)."""
    best: LexborNode | None = None
    best_len = 0
    need = max(2, int(len(head_fp) * 0.6))
    for node in nodes:
        fp = _candidate_fp(node)
        if fp is None or len(fp) < need or len(fp) <= best_len or len(fp) > 400:
            continue
        if any(fp in ref for ref in refs):
            best, best_len = node, len(fp)
    return best


def _containing(nodes: list[LexborNode], head_fp: str) -> LexborNode | None:
    """The first node whose text is the headline part plus a little (a title cut short
    in ``<title>``, or a headline with a short column label)."""
    for node in nodes:
        fp = _candidate_fp(node)
        if fp is not None and head_fp and head_fp in fp and len(fp) < 1.3 * len(head_fp):
            return node
    return None


def strip_site_suffix(title: str) -> str:
    """The headline part of a ``<title>``: trailing short segments (site, channel) cut
    while the rest stays longer than what is cut. Leading segments stay: in Chinese titles
    they are column names that belong to the headline ("棱镜|…")."""
    parts = _split_title(squash(title)[:MAX_TITLE_CHARS])
    sizes = [_units(seg) for _, seg in parts]
    rest = sum(sizes)
    # Running totals: one pass, however many segments a hostile title has.
    while len(parts) > 1:
        rest -= sizes[-1]
        if not _is_site_segment(sizes[-1], rest):
            break
        parts, sizes = parts[:-1], sizes[:-1]
    if len(parts) > 1 and _leading_site(parts):
        parts = [("", parts[1][1]), *parts[2:]]
    return _rejoin(parts)


def _leading_site(parts: list[tuple[str, str]]) -> bool:
    """A short non-CJK site name before a spaced separator ("Example News | Headline")."""
    first, sep = parts[0][1], parts[1][0]
    spaced = sep[:1].isspace() and sep[-1:].isspace()
    return spaced and not CJK_CHAR_RE.search(first) and _units(first) <= 4


def _split_title(title: str) -> list[tuple[str, str]]:
    """Segments with the separator that preceded each (first has '')."""
    out: list[tuple[str, str]] = []
    pos, sep = 0, ""
    for m in finditer(_SEPARATOR, title):
        out.append((sep, title[pos : m.start()]))
        pos, sep = m.end(), m.group(0)
    out.append((sep, title[pos:]))
    return [p for p in out if p[1].strip()] or [("", title)]


def _rejoin(parts: list[tuple[str, str]]) -> str:
    return "".join(sep + seg for sep, seg in parts).strip() if parts else ""


def _is_site_segment(units: int, rest_units: int) -> bool:
    """A trailing title segment of ``units`` is a site/channel name when it is short and
    what stays before it is at least as long."""
    return units <= 12 and rest_units >= units


def _units(text: str) -> int:
    """The words of a title part: its tokens (a lone '|' or '&' is no word, and each CJK
    character is one)."""
    return len(tokens(text))
