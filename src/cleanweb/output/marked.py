"""Markdown of blocks that carry markup: links, images with their captions, bold, italic,
inline code and nested lists, as CommonMark (tables as GitHub's tables).

What the text says stays text: its own markup characters are escaped (``\\*``, ``\\[``,
``\\_``…, and a line start Markdown would take for structure), so that a CommonMark parser
reads every block back to exactly its text. Emphasis is the one construct whose meaning
depends on its neighbours (``**`` between a letter and a quotation mark opens nothing): an
emphasis that would not read as one is narrowed past the punctuation at its edges, or, when
that does not help, left out, its text kept.

An image that stood on its own is a paragraph of its own, its caption lines right under it
in the same paragraph; an image inside a sentence stays there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import quote

from cleanweb.output.inline import (
    ImageLike,
    InlineBlock,
    MarkLike,
    Node,
    Range,
    apart,
    kind_runs,
    row_cells,
    tree,
)
from cleanweb.output.markdown import escape_line_starts
from cleanweb.urls import IMAGE_SCHEMES, safe_url

#: Characters of the text that Markdown would read as markup inside a line: escaped
#: always, or where what follows makes them markup (an HTML tag or autolink, an entity).
_INLINE = re.compile(r"[\\`*_\[\]~]|<(?=[A-Za-z/!?])|&(?=[A-Za-z0-9#])|!$")
_CELL = re.compile(r"[\\`*_\[\]~|]|<(?=[A-Za-z/!?])|&(?=[A-Za-z0-9#])|!$")
#: What a link or image destination cannot hold as it is.
_DEST = re.compile(r"[\s<>()\\|\x00-\x1f\x7f]")
#: A heading's closing run of #s would be taken for its end.
_CLOSING_HASHES = re.compile(r"(?<=[ \t])#+$")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def has_markup(block: object) -> bool:
    """Whether a block carries any of the markup fields (it was extracted with a switch on)."""
    return any(getattr(block, name, None) is not None
               for name in ("links", "images", "marks", "depth"))


def marked_markdown(title: str | None, blocks: Sequence[InlineBlock]) -> str:
    parts: list[str] = [f"# {_heading_text(_escape(title))}"] if title else []
    for run in kind_runs(blocks):
        parts.extend(_run(run))
    parts = [part for part in parts if part]  # an image with no safe source and no caption
    return "\n\n".join(parts) + ("\n" if parts else "")


def _run(run: list[InlineBlock]) -> list[str]:
    """Consecutive blocks of one kind: list items make one list, rows one table; images
    that stood apart come before (or, at the end, after) their block."""
    kind = run[0].kind
    if kind == "table_row":
        return [*(figure(image) for image in apart(run[0])[0]), _table(run)]
    parts: list[str] = []
    items: list[str] = []
    columns: list[tuple[int, int]] = []  # (depth, content column) of the open list items
    for block in run:
        before, after = apart(block)
        if before and items:
            parts.append("\n".join(items))
            items, columns = [], []
        parts.extend(figure(image) for image in before)
        if kind == "list_item":
            items.append(_item(block, columns))
        else:
            parts.append(_block(block))
        if after:
            if items:
                parts.append("\n".join(items))
                items, columns = [], []
            parts.extend(figure(image) for image in after)
    if items:
        parts.append("\n".join(items))
    return parts


def _block(block: InlineBlock) -> str:
    if block.kind == "code":
        longest = max((len(m) for m in re.findall("`+", block.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{block.text}\n{fence}"
    text = inline(block)
    if block.kind == "heading":
        return "#" * max(1, min(block.level or 2, 6)) + " " + _heading_text(text)
    if block.kind == "quote":
        return "> " + text
    return text


def _heading_text(text: str) -> str:
    return _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group()), text)


def _item(block: InlineBlock, columns: list[tuple[int, int]]) -> str:
    """A list item, indented to the content of the nearest item before it that is less
    deeply nested (so that CommonMark nests it there, and never reads it as code)."""
    depth = block.depth or 1
    while columns and columns[-1][0] >= depth:
        columns.pop()
    indent = columns[-1][1] if columns else 0
    marker = "1. " if block.ordered else "- "
    columns.append((depth, indent + len(marker)))
    return " " * indent + marker + inline(block)


def figure(image: ImageLike) -> str:
    """An image standing on its own, and its caption lines under it."""
    src = safe_url(image.src, IMAGE_SCHEMES)
    if src is None:
        return _caption(image.caption) if image.caption else ""
    line = f"![{_escape_text(image.alt)}]({_dest(src)})"
    return line + ("\n" + _caption(image.caption) if image.caption else "")


def _caption(caption: str) -> str:
    return "\n".join(_escape(line) for line in caption.split("\n"))


def _escape(text: str) -> str:
    return escape_line_starts(_escape_text(text))


def _escape_text(text: str, pattern: re.Pattern[str] = _INLINE) -> str:
    return pattern.sub(lambda m: "\\" + m.group(), text)


def _dest(url: str) -> str:
    return _DEST.sub(lambda m: quote(m.group(), safe=""), url)


def _table(rows: list[InlineBlock]) -> str:
    cells = [row_cells(row, i > 0) for i, row in enumerate(rows)]
    width = max(len(c) for c in cells)
    lines = []
    for i, row in enumerate(cells):
        rendered = [inline(cell, _CELL) for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(rendered) + " |")
        if i == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


# -- inline markup --------------------------------------------------------------------


def inline(block: InlineBlock, escape: re.Pattern[str] = _INLINE) -> str:
    """The block's text with its links, emphasis, code and inline images, escaped; an
    emphasis that would not read as one is narrowed or left out (see the module)."""
    marks = _joined(block.marks or ())
    narrowed: set[int] = set()
    for _ in range(2 * len(marks) + 1):
        writer = _Writer(block.text, escape)
        writer.node(tree(block, marks))
        out = writer.text()
        bad = _misread(out, writer.delimiters)
        if not bad:
            break
        marks = _fixed(block.text, marks, bad, narrowed)
    starts_with_text = not block.text or out[:1] not in "*`[!"
    return escape_line_starts(out) if starts_with_text else out


def _joined(marks: Sequence[MarkLike]) -> list[MarkLike]:
    """The marks, with one that starts where another of its kind ends joined to it
    (``*a**b*`` would not read as two emphases)."""
    out: list[MarkLike] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        same = next((i for i in range(len(out) - 1, -1, -1) if out[i].kind == mark.kind
                     and out[i].end == mark.start), None)
        if same is None:
            out.append(mark)
        else:
            out[same] = Range(mark.kind, out[same].start, mark.end)
    return out


def _fixed(text: str, marks: list[MarkLike], bad: set[int],
           narrowed: set[int]) -> list[MarkLike]:
    """The marks with each misread one narrowed past the punctuation at its edges (once),
    else removed (its text stays); positions stay, so a removed one becomes empty."""
    out: list[MarkLike] = []
    for i, mark in enumerate(marks):
        if i not in bad:
            out.append(mark)
            continue
        start, end = mark.start, mark.end
        if i not in narrowed:
            narrowed.add(i)
            while start < end and _punct(text[start]):
                start += 1
            while end > start and _punct(text[end - 1]):
                end -= 1
            if (start, end) != (mark.start, mark.end) and start < end:
                out.append(Range(mark.kind, start, end))
                continue
        out.append(Range(mark.kind, 0, 0))  # left out, keeping the positions of the rest
    return out


class _Writer:
    """Writes a tree of inline markup, noting where each emphasis delimiter went."""

    def __init__(self, text: str, escape: re.Pattern[str]) -> None:
        self.source = text
        self.escape = escape
        self.parts: list[str] = []
        self.length = 0
        #: (position, length, mark, opens) of every emphasis delimiter written.
        self.delimiters: list[tuple[int, int, int, bool]] = []

    def text(self) -> str:
        return "".join(self.parts)

    def put(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def node(self, node: Node) -> None:
        at = node.start
        for child in node.children:
            if child.start > at:
                self.put(_escape_text(self.source[at:child.start], self.escape))
            self.child(child)
            at = child.end
        if node.end > at:
            self.put(_escape_text(self.source[at:node.end], self.escape))

    def child(self, node: Node) -> None:
        if node.kind == "image":
            self.put(f"![{_escape_text(node.alt, self.escape)}]({_dest(node.url)})")
        elif node.kind == "code":
            self.put(_code_span(self.source[node.start:node.end]))
        elif node.kind == "link":
            self.put("[")
            self.node(node)
            self.put(f"]({_dest(node.url)})")
        else:
            delimiter = "**" if node.kind == "strong" else "*"
            self.delimiters.append((self.length, len(delimiter), node.ref, True))
            self.put(delimiter)
            self.node(node)
            self.delimiters.append((self.length, len(delimiter), node.ref, False))
            self.put(delimiter)


def _code_span(code: str) -> str:
    ticks = "`" * (max((len(m) for m in re.findall("`+", code)), default=0) + 1)
    pad = " " if code[:1] == "`" or code[-1:] == "`" or (
        code[:1] == " " and code[-1:] == " ") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


def _misread(out: str, delimiters: list[tuple[int, int, int, bool]]) -> set[int]:
    """The marks whose delimiters CommonMark would not read as emphasis, judged
    conservatively: a delimiter run (adjacent delimiters of nested marks) must be
    left-flanking to open and right-flanking to close, and a run that could do both must
    not pair with one whose length makes the sum a multiple of three."""
    runs: dict[int, tuple[int, bool, bool]] = {}  # delimiter index -> (run length, left, right)
    i = 0
    while i < len(delimiters):
        j = i
        while (j + 1 < len(delimiters)
               and delimiters[j][0] + delimiters[j][1] == delimiters[j + 1][0]):
            j += 1
        start, end = delimiters[i][0], delimiters[j][0] + delimiters[j][1]
        before = out[start - 1] if start else " "
        after = out[end] if end < len(out) else " "
        left = not after.isspace() and (
            not _punct(after) or before.isspace() or _punct_narrow(before))
        right = not before.isspace() and (
            not _punct(before) or after.isspace() or _punct_narrow(after))
        # A run that closes one emphasis and opens another is read as one delimiter run,
        # whose pairing is not what was meant: neither is kept.
        mixed = len({delimiters[k][3] for k in range(i, j + 1)}) > 1
        for k in range(i, j + 1):
            runs[k] = (end - start, left and not mixed, right and not mixed)
        i = j + 1
    bad: set[int] = set()
    opened: dict[int, int] = {}
    for k, (_, _, ref, opens) in enumerate(delimiters):
        length, left, right = runs[k]
        if opens:
            opened[ref] = k
            if not left:
                bad.add(ref)
            continue
        if not right:
            bad.add(ref)
        o_len, o_left, o_right = runs[opened[ref]]
        both = (o_left and o_right) or (left and right)
        if both and (o_len + length) % 3 == 0 and not (o_len % 3 == 0 and length % 3 == 0):
            bad.add(ref)
    return bad


def _punct(ch: str) -> bool:
    """Punctuation or a symbol, as the widest reading of CommonMark's rule takes it."""
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"


def _punct_narrow(ch: str) -> bool:
    """Punctuation, as the narrowest reading takes it (symbols other than ASCII not)."""
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] == "P"

