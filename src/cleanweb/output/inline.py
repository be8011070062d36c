"""A block's inline markup as a tree, for the renderers.

A block carries its links, emphasis, code and inline images as ranges of its text
(``Block.links``, ``marks``, ``images``). Ranges that came from one page nest, so they make a
tree: each :class:`Node` covers ``text[start:end]`` and its children cover parts of that, in
order. A range that crosses another (only possible in a hand-made block) is left out, and
nothing goes inside inline code, whose text is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from cleanweb.urls import IMAGE_SCHEMES, LINK_SCHEMES, safe_url

MARK_KINDS = frozenset({"strong", "em", "code"})
#: Which of two ranges with the same start and end goes outside.
_RANK = {"link": 0, "strong": 1, "em": 2, "code": 3, "image": 4}


class LinkLike(Protocol):
    @property
    def url(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class MarkLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class ImageLike(Protocol):
    @property
    def src(self) -> str: ...
    @property
    def alt(self) -> str: ...
    @property
    def offset(self) -> int: ...
    @property
    def inline(self) -> bool: ...
    @property
    def caption(self) -> str | None: ...


class InlineBlock(Protocol):
    """What a block must offer to be rendered with its markup (``cleanweb.document.Block``
    does; the renderers do not import it, so that the document module can import them)."""

    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def level(self) -> int: ...
    @property
    def links(self) -> Sequence[LinkLike] | None: ...
    @property
    def images(self) -> Sequence[ImageLike] | None: ...
    @property
    def marks(self) -> Sequence[MarkLike] | None: ...
    @property
    def depth(self) -> int | None: ...
    @property
    def ordered(self) -> bool | None: ...


@dataclass(slots=True)
class Node:
    """A range of a block's text: the whole text (``root``), a link, ``strong``, ``em``,
    ``code``, or an inline ``image`` (empty: ``start == end``)."""

    kind: str
    start: int
    end: int
    url: str = ""
    alt: str = ""
    children: list[Node] = field(default_factory=list)
    #: For a mark: its position in the marks the tree was made from.
    ref: int = -1


def tree(block: InlineBlock, marks: Iterable[MarkLike] | None = None) -> Node:
    """The block's links, marks (``marks`` instead of the block's own, when given) and
    inline images as a tree over its text. Links and images with an unsafe URL are left
    out (their text stays): checked here again, whoever made the block, since the HTML is
    meant to be shown in a browser."""
    text = block.text
    ranges: list[Node] = []
    for link in block.links or ():
        url = safe_url(link.url, LINK_SCHEMES)
        if url is not None and 0 <= link.start < link.end <= len(text):
            ranges.append(Node("link", link.start, link.end, url))
    for i, mark in enumerate(block.marks or () if marks is None else marks):
        if mark.kind in MARK_KINDS and 0 <= mark.start < mark.end <= len(text):
            ranges.append(Node(mark.kind, mark.start, mark.end, ref=i))
    for image in block.images or ():
        src = safe_url(image.src, IMAGE_SCHEMES)
        if image.inline and src is not None and 0 <= image.offset <= len(text):
            ranges.append(Node("image", image.offset, image.offset, src, image.alt))
    return nest(len(text), ranges)


def nest(length: int, ranges: list[Node]) -> Node:
    """The ranges as a tree under one root over ``length`` characters."""
    root = Node("root", 0, length)
    stack = [root]
    for node in sorted(ranges, key=lambda n: (n.start, -n.end, _RANK[n.kind])):
        while len(stack) > 1 and not _inside(stack[-1], node):
            stack.pop()
        top = stack[-1]
        if top.kind == "code" or (top.children and top.children[-1].end > node.start):
            continue  # inside code, or crossing the range before it
        top.children.append(node)
        if node.kind != "image":
            stack.append(node)
    return root


def _inside(outer: Node, node: Node) -> bool:
    return outer.start <= node.start < outer.end and node.end <= outer.end


def kind_runs(blocks: Sequence[InlineBlock]) -> Iterator[list[InlineBlock]]:
    """Consecutive blocks of one kind, in order: list items make one list, rows one table."""
    run: list[InlineBlock] = []
    for block in blocks:
        if run and block.kind != run[-1].kind:
            yield run
            run = []
        run.append(block)
    if run:
        yield run


def apart(block: InlineBlock) -> tuple[list[ImageLike], list[ImageLike]]:
    """The block's images that stand on their own: those before its text, those after."""
    before: list[ImageLike] = []
    after: list[ImageLike] = []
    for image in block.images or ():
        if not image.inline:
            (after if image.offset >= len(block.text) > 0 else before).append(image)
    return before, after


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table row, with the row's markup that falls inside it."""

    kind: str
    text: str
    level: int
    links: tuple[LinkLike, ...]
    images: tuple[ImageLike, ...]
    marks: tuple[MarkLike, ...]
    depth: int | None = None
    ordered: bool | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """A link or mark of a part of a block."""

    kind: str
    start: int
    end: int
    url: str = ""


@dataclass(frozen=True, slots=True)
class Placed:
    """An image placed in a part of a block."""

    src: str
    alt: str
    offset: int
    inline: bool = True
    caption: str | None = None


def row_cells(row: InlineBlock, images_inside: bool) -> list[Cell]:
    """The row's cells ("a | b | c"), each with the markup inside it; images that stood
    apart before a row other than the first go into its first cell."""
    out: list[Cell] = []
    start = 0
    texts = row.text.split(" | ")
    for n, text in enumerate(texts):
        end = start + len(text)
        links = tuple(Range("link", x.start - start, x.end - start, x.url)
                      for x in row.links or () if start <= x.start and x.end <= end)
        marks = tuple(Range(x.kind, x.start - start, x.end - start)
                      for x in row.marks or () if start <= x.start and x.end <= end)
        images = tuple(Placed(x.src, x.alt, x.offset - start) for x in row.images or ()
                       if x.inline and start <= x.offset <= end)
        if n == 0 and images_inside:
            images = (*(Placed(x.src, x.alt, 0) for x in apart(row)[0]), *images)
        out.append(Cell("paragraph", text, 0, links, images, marks))
        start = end + 3
    return out
