"""Segment stage: one iterative walk turns the DOM into a flat list of text segments.

Each block-level element opens a *container* (kept in a flat table with its parent
index, so later stages can aggregate bottom-up in one linear pass); text inside a
container up to the next block boundary becomes one :class:`Seg` with its features
computed once: length in CJK-aware units, link units, punctuation, the nearest
chrome-named ancestor and whether an image sits next to it.

The walk skips what is never page text (scripts, styles, hidden elements) so no
separate pruning pass over the tree is needed. What site rules decided about elements comes
in as a table keyed by element and overrides what their names say; nothing on the page
itself can stand in for it.

When the options ask for links, images or formatting, the walk also records them as spans
of each segment's text (see :class:`_Mark`); otherwise it records nothing, and the
segments are the same either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from cleanweb.errors import Budget, Stop
from cleanweb.measures import CJK_RANGES, punct_count, squash, squashed_units, units
from cleanweb.rules import structure as st
from cleanweb.rules.base import merged_index, name_words
from cleanweb.site_rules import ElementRule
from cleanweb.stages.markup import image_source
from cleanweb.stages.page import APART, IMAGE, LINK, Container, Seg, Segmented, Span
from cleanweb.stages.parse import is_hidden

# A line break between two CJK characters is source formatting, not a space. Led by the
# line break, the pattern is tried only at line breaks (a leading look-behind would be
# tried at every character); spaces and tabs that end a line are cut first, so that the
# character before the break is the one the look-behind sees.
_CJK = f"[{CJK_RANGES}，。！？；：、“”（）]"
_CJK_BREAK_RE = re.compile(f"\\n(?<={_CJK}\\n)\\s*(?={_CJK})")
#: A chrome-named element holding less than this share of the page's text is taken
#: as one segment without walking it.
COLLAPSE_SHARE = 0.15
# Budget and node limit are checked every 2048 nodes.
_CHECK_MASK = 2047
#: Inline elements recorded as emphasis or code when the options ask for formatting.
MARK_TAGS = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "code": "code",
             "kbd": "code", "samp": "code", "tt": "code"}


def _clean(raw: str) -> str:
    """Whitespace-squashed text; source line breaks inside CJK text vanish."""
    if "\n" in raw and not raw.isascii():
        if " \n" in raw or "\t\n" in raw:  # (a split, not a regex: indents are long runs)
            raw = "\n".join([line.rstrip(" \t") for line in raw.split("\n")])
        raw = _CJK_BREAK_RE.sub("", raw)
    return squash(raw)


_KIND_OF_TAG = {
    **dict.fromkeys(st.HEADING_TAGS, "heading"), **dict.fromkeys(st.LIST_ITEM_TAGS, "list_item"),
    **dict.fromkeys(st.CAPTION_TAGS, "caption"), "blockquote": "quote", "pre": "code",
    "td": "cell", "th": "cell",
}
# Kinds that a plain child block (a <p> in an <li>) inherits from its parent.
_INHERITED_KINDS = frozenset({"list_item", "quote", "code", "caption", "heading"})


#: Where an anchor opens in a segment's link text (NUL never reaches a text node: the
#: parser replaces it).
ANCHOR = "\x00"
#: An anchor whose text in one segment runs longer than this (units) is no link text: a
#: real link is a title at most, and such runs are prose that an unclosed or page-wide
#: <a> swallowed (old forums, hand-made pages: every paragraph after it reads as a link).
LINK_RUN_UNITS = 40


def anchor_units(links: str) -> int:
    """Link units of a segment's link text, anchor by anchor (see :data:`ANCHOR`): text
    outside every anchor between two of them no longer joins their words, and a run longer
    than :data:`LINK_RUN_UNITS` counts for nothing."""
    total = 0
    for run in links.split(ANCHOR):
        n = units(run)
        if n <= LINK_RUN_UNITS:
            total += n
    return total


def _kind_for(tag: str, parent_kind: str) -> str:
    kind = _KIND_OF_TAG.get(tag)
    if kind is not None:
        return kind
    return parent_kind if parent_kind in _INHERITED_KINDS else "paragraph"


class Naming(NamedTuple):
    """What an element's names say about it."""

    chrome: str | None  # rule id when the element is chrome
    role: str | None  # "caption", "heading" or "hidden" (screen-reader text) by its class
    #: Chrome-named and not also named as content ("post-comments", "rail__body" are
    #: walked: such names are too often on the article's own wrapper).
    collapsible: bool
    #: A site rule's action on the element ("drop", "main" or "caption"), if any ...
    site: str | None = None
    #: ... and that rule's id.
    site_rule: str | None = None


def site_naming(rule: ElementRule) -> Naming:
    """The naming a site rule's decision gives an element, whatever its names say."""
    action, rule_id = rule
    if action == "drop":
        return Naming(f"site.{rule_id}", None, True, action, rule_id)
    role = "caption" if action == "caption" else None
    return Naming(None, role, False, action, rule_id)


# Every class/id name the structure rules know, to the rules listing it: one dict
# probe per word of a value answers all three tables.
_NAMES = merged_index(st.CLASS_RULES, st.ROLE_CLASS_RULES, st.HIDDEN_NAMES, st.CONTENT_NAMES)
_NAME_SET = frozenset(_NAMES)
_NO_NAMES: tuple[str | None, str | None, bool] = (None, None, False)


#: Entries of each naming memo below. The same class and id values recur within a page
#: and across the pages of a site (and of a framework). What a memo holds is a pure
#: function of its key, so no result depends on it; it is bounded in entries, and keeps
#: alive only class/id strings of recent pages.
NAMING_MEMO = 4096
#: Longest class, id or role value the memos keep: longer ones (a few per thousand pages)
#: are named without them, so no hostile page can make the memos hold megabytes.
MEMO_VALUE_CHARS = 512
#: A class or id value is read up to this many characters (real ones stay far below; a
#: value of megabytes would cost a second to split into words).
NAME_VALUE_CHARS = 16_384


def clear_naming_memos() -> None:
    """Empty the naming memos (for benchmarks that must not reuse a previous pass)."""
    element_naming.cache_clear()
    value_naming.cache_clear()


def naming_of(tag: str, cls: str | None, ident: str | None, role_attr: str | None) -> Naming:
    """What an element's tag, ARIA role and class/id values say about it: memoized for
    values of ordinary length, computed afresh (and read in part) for longer ones."""
    most = MEMO_VALUE_CHARS  # spelled out: this runs for every element with attributes
    if ((cls is None or len(cls) <= most) and (ident is None or len(ident) <= most)
            and (role_attr is None or len(role_attr) <= most)):
        return element_naming(tag, cls, ident, role_attr)
    return _element_naming(tag, _head(cls), _head(ident), _head(role_attr), _value_naming)


def _head(value: str | None) -> str | None:
    return value[:NAME_VALUE_CHARS] if value is not None else None


@lru_cache(maxsize=NAMING_MEMO)
def element_naming(tag: str, cls: str | None, ident: str | None, role_attr: str | None) -> Naming:
    """:func:`naming_of` through the memo (values of ordinary length only)."""
    return _element_naming(tag, cls, ident, role_attr, value_naming)


def _element_naming(tag: str, cls: str | None, ident: str | None, role_attr: str | None,
                    name_value: Callable[[str], tuple[str | None, str | None, bool]]) -> Naming:
    chrome = st.TAG_RULES.get(tag)
    if chrome is None and role_attr:
        chrome = st.ROLE_RULES.get(role_attr.strip().lower())
    role = "caption" if tag in st.CAPTION_TAGS else None
    content = False
    for value in (cls, ident):
        if value:
            v_chrome, v_role, v_content = name_value(value)
            chrome = chrome or v_chrome
            role = role or v_role
            content = content or v_content
    return Naming(chrome, role, chrome is not None and not content)


def _value_naming(value: str) -> tuple[str | None, str | None, bool]:
    """(chrome rule id, "caption"/"heading"/"hidden" role, names content?) of one class or id
    value; the first word that names each decides it."""
    words = name_words(value.lower(), st.NAME_FILTERS)
    if _NAME_SET.isdisjoint(words):  # most values: one C check
        return _NO_NAMES
    chrome: str | None = None
    role: str | None = None
    content = False
    for word in words:
        for rule in _NAMES.get(word, ()):
            if rule.action == "drop":
                chrome = chrome or rule.id
            elif rule.action == "content":
                content = True
            else:
                role = role or rule.action
    return chrome, role, content


#: :func:`_value_naming` through its memo.
value_naming = lru_cache(maxsize=NAMING_MEMO)(_value_naming)


class _Mark:
    """A span being recorded: where it starts and ends in the text buffer, counted in
    the buffer's pieces (``end`` is -1 while its element is open). A span still open when
    the buffer becomes a segment goes on from the start of the next buffer."""

    __slots__ = ("alt", "container", "end", "in_link", "kind", "start", "url")

    def __init__(self, kind: str, start: int, end: int, url: str = "", alt: str = "",
                 container: int = -1, in_link: bool = False) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.url = url
        self.alt = alt
        self.container = container
        self.in_link = in_link


class _Walker:
    """Per-page walk state; lives for one call of :func:`segment`."""

    def __init__(self, budget: Budget, max_nodes: int,
                 site: Mapping[int, ElementRule] | None, links: bool = False,
                 images: bool = False, formatting: bool = False) -> None:
        self.budget = budget
        self.max_nodes = max_nodes
        #: What site rules decided, by element ``mem_id``: it overrides the names.
        self.site: dict[int, Naming] = (
            {key: site_naming(rule) for key, rule in site.items()} if site else {})
        self.containers: list[Container] = [Container(-1, "body", "paragraph", None, False)]
        self.segs: list[Seg] = []
        self.images: list[int] = []  # index of the segment that follows each image
        self.main = -1  # container a site rule names as the main content
        self.chrome_of: list[int] = [-1]  # nearest chrome container per container
        self.caption_of: list[bool] = [False]
        self.buf: list[str] = []
        self.link_buf: list[str] = []
        self.buf_container = 0
        self.pre_depth = 0
        self.collapse_limit = -1
        # Markup, recorded only when asked for: what to record, the spans in the current
        # buffer, every span opened (the stack refers to them by position + 1), and the
        # images that stood apart, waiting for the next segment.
        self.links, self.images_on, self.formatting = links, images, formatting
        self.live: list[_Mark] = []
        self.opened: list[_Mark] = []
        self.pending: list[Span] = []

    # -- chrome subtrees ---------------------------------------------------------
    def collapsed(self, node: LexborNode, root: LexborNode, parent: int, tag: str,
                  naming: Naming, attrs: dict[str, str | None]) -> bool:
        """Take a chrome-named element (menu, sidebar, comments...) as one segment
        instead of walking it, when it holds a minor share of the page's text: most
        of a page's elements sit in such subtrees, and their lines are never body.
        A chrome-named wrapper around much of the page is walked as usual.
        (Scripts and styles are gone from the tree by now, so ``text()`` is text.)"""
        if self.collapse_limit < 0:
            self.collapse_limit = int(len(root.text(deep=True)) * COLLAPSE_SHARE)
        text = node.text(deep=True, separator=" ")
        if len(text) > self.collapse_limit and naming.site != "drop":
            return False
        if self.buf:
            self.flush()
        idx = self.open(parent, tag, naming, attrs)
        text = _clean(text)
        if text:
            # Link text is not measured here: the whole subtree counts as links, which
            # is what the containers above count it as anyway (chrome), and keeps the
            # subtree itself from looking like an article.
            self.add_seg(text, text, idx)
        self.containers[idx].end = idx
        return True

    # -- text buffer -------------------------------------------------------------
    def flush(self) -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        links = "".join(self.link_buf)
        marks = self.take_marks() if self.live else None
        self.buf.clear()
        self.link_buf.clear()
        text = raw.strip("\n") if self.pre_depth else _clean(raw)
        spans = self.spans_of(raw, text, marks) if marks else ()
        if text:
            self.add_seg(text, links, self.buf_container, spans)

    def add_seg(self, text: str, links: str, c: int, spans: tuple[Span, ...] = ()) -> None:
        cont = self.containers[c]
        chrome_at = self.chrome_of[c]
        chrome = self.containers[chrome_at].chrome if chrome_at >= 0 else None
        kind = "code" if self.pre_depth else cont.kind
        level = int(cont.tag[1]) if kind == "heading" and cont.tag in st.HEADING_TAGS else 0
        n = units(text) if self.pre_depth else squashed_units(text)  # code keeps its spacing
        link_units = n if links is text else min(n, anchor_units(links)) if links else 0
        if self.pending:  # images that stood apart before this segment
            spans = (*self.pending, *spans)
            self.pending.clear()
        # Made as NamedTuple._make makes it: the generated __new__ (and keywords even more)
        # would cost two to three times as much, once per segment.
        self.segs.append(tuple.__new__(Seg, (kind, text, level, c, n, link_units,
                                             punct_count(text), chrome_at, chrome,
                                             self.caption_of[c], False, spans)))

    # -- markup (only when the options ask for it) ----------------------------------
    def open_mark(self, kind: str, url: str = "") -> int:
        """Start a span at the buffer's end; the stack keeps the number returned."""
        mark = _Mark(kind, len(self.buf), -1, url)
        self.live.append(mark)
        self.opened.append(mark)
        return len(self.opened)

    def open_link(self, attrs: dict[str, str | None]) -> int:
        href = attrs.get("href") if attrs else None
        return self.open_mark(LINK, href) if href else 0

    def end_mark(self, number: int) -> None:
        self.opened[number - 1].end = len(self.buf)

    def image(self, attrs: dict[str, str | None], cont: int, in_link: bool) -> None:
        """An image among the text, or one standing apart before the next segment."""
        found = image_source(attrs) if attrs else None
        if found is None:
            return
        src, alt = found
        at = len(self.buf)
        if at:
            self.live.append(_Mark(IMAGE, at, at, src, alt, cont, in_link))
        else:
            self.pending.append(Span(IMAGE, APART, APART, src, alt, cont, in_link))

    def take_marks(self) -> list[tuple[_Mark, int, int]]:
        """The spans of the buffer about to become a segment, with their raw-text offsets;
        the closed ones are done, the open ones go on from the next buffer's start."""
        offsets = [0]
        for piece in self.buf:
            offsets.append(offsets[-1] + len(piece))
        taken: list[tuple[_Mark, int, int]] = []
        still: list[_Mark] = []
        for mark in self.live:
            end = mark.end if mark.end >= 0 else len(self.buf)
            taken.append((mark, offsets[mark.start], offsets[end]))
            if mark.end < 0:
                mark.start = 0
                still.append(mark)
        self.live = still
        return taken

    def spans_of(self, raw: str, text: str,
                 marks: list[tuple[_Mark, int, int]]) -> tuple[Span, ...]:
        """The marks as spans of the segment's text. Code keeps no markup, and the images
        of a buffer that leaves no text stand apart before the next segment."""
        if text and not self.pre_depth:
            return _aligned(raw, text, marks)
        apart = [Span(IMAGE, APART, APART, m.url, m.alt, m.container, m.in_link)
                 for m, _, _ in marks if m.kind == IMAGE]
        if text:
            return tuple(apart)
        self.pending.extend(apart)
        return ()

    # -- containers --------------------------------------------------------------
    @staticmethod
    def names(tag: str, attrs: dict[str, str | None]) -> Naming:
        """What an element's tag, ARIA role and class/id names say."""
        if not attrs:
            return element_naming(tag, None, None, None)
        return naming_of(tag, attrs.get("class"), attrs.get("id"), attrs.get("role"))

    def open(self, parent: int, tag: str, naming: Naming,
             attrs: dict[str, str | None] | None) -> int:
        chrome, role = naming.chrome, naming.role
        caption = role == "caption"
        idx = len(self.containers)
        kind = "heading" if role == "heading" else _kind_for(tag, self.containers[parent].kind)
        self.containers.append(
            Container(parent, tag, kind, chrome, caption, 0, naming.site_rule,
                      attrs.get("class"), attrs.get("id")) if attrs else
            Container(parent, tag, kind, chrome, caption, 0, naming.site_rule))
        self.chrome_of.append(idx if chrome else self.chrome_of[parent])
        self.caption_of.append(caption or self.caption_of[parent])
        return idx

    def close(self, idx: int, first_seg: int) -> None:
        if self.buf:
            self.flush()
        self.containers[idx].end = len(self.containers) - 1
        if self.containers[idx].tag == "tr":
            _merge_row(self.containers, self.segs, idx, first_seg)

    # -- the walk ----------------------------------------------------------------
    def run(self, root: LexborNode) -> None:
        # Open elements, each with what to restore when it closes: (element, container,
        # opened a container, first segment, is <pre>, the parent's container, the
        # parent's in_link). Children are reached by child/next links (cheaper than an
        # iterator per element). The loop is the hot path of the whole pipeline, hence
        # the local names, bound methods included.
        stack: list[tuple[LexborNode, int, bool, int, bool, int, bool]] = []
        cont, in_link, count = 0, False, 0
        buf, link_buf, segs, images = self.buf, self.link_buf, self.segs, self.images
        site = self.site
        want_links, want_images, want_marks, marks = (
            self.links, self.images_on, self.formatting, MARK_TAGS)
        skip, inline, blocks = st.SKIP_TAGS, st.INLINE_TAGS, st.BLOCK_TAGS
        flush, close, names, open_, collapsed = (
            self.flush, self.close, self.names, self.open, self.collapsed)
        node = root.child
        while True:
            if node is None:
                if not stack:
                    break
                elem, closed, is_block, first, pre, cont, in_link = stack.pop()
                if pre:
                    flush()
                    self.pre_depth -= 1
                if is_block:
                    close(closed, first)
                elif first:  # an inline element that opened a span
                    self.end_mark(first)
                node = elem.next
                continue
            count += 1
            if not count & _CHECK_MASK:
                self.check(count)
            tag = node.tag
            if tag == "-text":
                text = node.text_content or ""
                if buf or not text.isspace():
                    if not buf:
                        self.buf_container = cont
                    buf.append(text)
                    if in_link:
                        link_buf.append(text)
                node = node.next
                continue
            if tag is None or tag in skip or tag[0] == "-":
                node = node.next
                continue
            attrs = node.attributes
            if attrs and ("hidden" in attrs or "style" in attrs) and is_hidden(attrs):
                node = node.next
                continue
            if tag == "br" or tag == "hr" or tag == "img":
                if tag == "img":
                    images.append(len(segs))
                    if want_images:
                        self.image(attrs, cont, in_link)
                elif buf:
                    flush()
                node = node.next
                continue
            if tag == "a":
                mark = self.open_link(attrs) if want_links else 0
                stack.append((node, cont, False, mark, False, cont, in_link))
                link_buf.append(ANCHOR)
                in_link = True
                node = node.child
                continue
            # A site rule's decision on the element, from the table its rules filled (never
            # from the page's own markup), overrides what the element's names say.
            naming = site.get(node.mem_id) if site else None
            if naming is None:
                naming = names(tag, attrs)
            # An inline element is a block of its own when it is chrome-, caption- or
            # heading-named (<span class="share">); an unknown one (<x-hl>, <o:p>) is
            # inline unless it holds a block.
            if ((tag in inline or (tag not in blocks and not holds_block(node)))
                    and naming.chrome is None and naming.role is None):
                mark = self.open_mark(marks[tag]) if want_marks and tag in marks else 0
                stack.append((node, cont, False, mark, False, cont, in_link))
            else:
                if naming.role == "hidden":  # screen-reader text: no reader sees it
                    node = node.next
                    continue
                if naming.collapsible and collapsed(node, root, cont, tag, naming, attrs):
                    node = node.next
                    continue
                if buf:
                    flush()
                parent = cont
                cont = open_(cont, tag, naming, attrs)
                if naming.site == "main" and self.main < 0:
                    self.main = cont
                is_pre = tag == "pre"
                self.pre_depth += is_pre
                stack.append((node, cont, True, len(segs), is_pre, parent, in_link))
            node = node.child
        flush()
        self.containers[0].end = len(self.containers) - 1

    def check(self, count: int) -> None:
        self.budget.check()
        if count > self.max_nodes:
            raise Stop("too_large")


#: Nodes under an unknown element looked at for a block element before it is taken as
#: inline: a custom wrapper shows its first block within a few nodes, and the look stays
#: flat per element however deep such elements nest.
HOLD_SCAN = 64


def holds_block(node: LexborNode) -> bool:
    """Whether a block element is among the first :data:`HOLD_SCAN` nodes under ``node``
    (in document order; skipped subtrees are not entered)."""
    blocks, skip = st.BLOCK_TAGS, st.SKIP_TAGS
    child = node.child
    level = 1
    for _ in range(HOLD_SCAN):
        if child is None:
            return False
        node = child
        tag = node.tag
        if tag in blocks:
            return True
        child = node.child if tag not in skip else None
        if child is not None:
            level += 1
            continue
        child = node.next
        while child is None:  # up to the nearest ancestor below the start with a next sibling
            level -= 1
            if level == 0:
                return False
            parent = node.parent
            if parent is None:
                return False
            node = parent
            child = node.next
    return False


def _merge_row(containers: list[Container], segs: list[Seg], tr: int, first: int) -> None:
    """A table row whose cells each gave one segment becomes one "a | b | c" row."""
    cells = segs[first:]
    if len(cells) < 2:
        return
    if any(containers[s.container].parent != tr or containers[s.container].kind != "cell"
           for s in cells):
        return
    if len({s.container for s in cells}) != len(cells):
        return
    head = cells[0]
    text = " | ".join(s.text for s in cells)
    row = Seg(kind="table_row", text=text, level=0, container=tr,
              units=sum(s.units for s in cells), link_units=sum(s.link_units for s in cells),
              punct=sum(s.punct for s in cells), chrome_at=head.chrome_at, chrome=head.chrome,
              caption=head.caption, spans=_row_spans(cells))
    del segs[first:]
    segs.append(row)


def _row_spans(cells: list[Seg]) -> tuple[Span, ...]:
    """The cells' spans as spans of the row's "a | b | c" text; an image that stood apart
    before a cell stands at the cell's start, inside the row."""
    spans: list[Span] = []
    at = 0
    for cell in cells:
        for span in cell.spans:
            if span.start == APART:
                spans.append(span._replace(start=at, end=at))
            else:
                spans.append(span._replace(start=span.start + at, end=span.end + at))
        at += len(cell.text) + 3
    return tuple(spans)


def _aligned(raw: str, text: str, marks: list[tuple[_Mark, int, int]]) -> tuple[Span, ...]:
    """The marks (offsets in ``raw``) as spans of ``text``, the cleaned form of ``raw``.
    Cleaning only drops whitespace and turns runs of it into one space, so the n-th
    non-space character of one is the n-th of the other: a span starts at the first
    character it covers and ends after its last one (whitespace at its edges left out),
    and an image stands right after the character before it."""
    before: dict[int, int] = {}
    count = prev = 0
    for cut in sorted({o for _, a, b in marks for o in (a, b)}):
        count += len("".join(raw[prev:cut].split()))
        before[cut] = count
        prev = cut
    where = [i for i, ch in enumerate(text) if ch != " "]
    last = len(where)
    spans: list[Span] = []
    for mark, a, b in marks:
        first, upto = min(before[a], last), min(before[b], last)
        end = where[upto - 1] + 1 if upto else 0
        if mark.kind == IMAGE:
            spans.append(Span(IMAGE, end, end, mark.url, mark.alt, mark.container,
                              mark.in_link))
            continue
        start = where[first] if first < last else len(text)
        if end > start:
            spans.append(Span(mark.kind, start, end, mark.url))
    return tuple(spans)


def _finished(segs: list[Seg], images: list[int]) -> tuple[Seg, ...]:
    """The segments as the later stages see them: flagged when they come right after an
    image (caption candidates); cells that never merged into a row read as paragraphs."""
    after = set(images)
    out = [s._replace(after_image=True) if i in after else s for i, s in enumerate(segs)]
    return tuple(s._replace(kind="paragraph") if s.kind == "cell" else s for s in out)


def segment(root: LexborNode, budget: Budget, max_nodes: int,
            site: Mapping[int, ElementRule] | None = None, *, links: bool = False,
            images: bool = False, formatting: bool = False) -> Segmented:
    """Walk ``root`` once and return its containers and text segments in page order.
    ``site`` holds the elements site rules act on, by ``mem_id`` (see
    :class:`cleanweb.site_rules.SiteEffects`). ``links``, ``images`` and ``formatting``
    ask for the segments' spans of those kinds (:attr:`Seg.spans`)."""
    walk = _Walker(budget, max_nodes, site, links, images, formatting)
    walk.run(root)
    return Segmented(tuple(walk.containers), _finished(walk.segs, walk.images), walk.main)
