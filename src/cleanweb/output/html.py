"""The body as small semantic HTML, safe to show in a browser.

Only these elements are written: h1-h6, p, ul/ol/li, blockquote, pre/code, table (with
thead, tbody, tr, th, td), figure/img/figcaption, a, strong, em and code; and no attribute
but ``href`` (on a), ``src`` and ``alt`` (on img). The HTML is written from the blocks'
text and markup, never copied from the page, so nothing of the page's markup can come
through: every text and attribute value is escaped, and a URL is written only when it is
relative or of a scheme that runs no code (see :mod:`cleanweb.urls`). So there is no
script, no style, no event handler and no ``javascript:`` or ``data:`` URL in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from cleanweb.output.inline import (
    ImageLike,
    InlineBlock,
    Node,
    apart,
    kind_runs,
    row_cells,
    tree,
)
from cleanweb.urls import IMAGE_SCHEMES, safe_url

_TAG = {"strong": "strong", "em": "em", "code": "code"}


def blocks_to_html(title: str | None, blocks: Sequence[InlineBlock]) -> str:
    """The title as ``<h1>``, then the blocks, one element per line."""
    parts: list[str] = [f"<h1>{escape(title)}</h1>"] if title else []
    for run in kind_runs(blocks):
        parts.extend(_run(run))
    parts = [part for part in parts if part]  # an image with no safe source and no caption
    return "\n".join(parts) + ("\n" if parts else "")


def _run(run: list[InlineBlock]) -> list[str]:
    """Consecutive blocks of one kind (list items make one list, quotes one blockquote,
    rows one table), with the images that stood apart before or after them."""
    kind = run[0].kind
    if kind == "table_row":
        return [*(figure(image) for image in apart(run[0])[0]), _table(run)]
    parts: list[str] = []
    group: list[InlineBlock] = []
    for block in run:
        before, after = apart(block)
        if before and group:
            parts.append(_group(kind, group))
            group = []
        parts.extend(figure(image) for image in before)
        group.append(block)
        if after:
            parts.append(_group(kind, group))
            group = []
            parts.extend(figure(image) for image in after)
    if group:
        parts.append(_group(kind, group))
    return parts


def _group(kind: str, blocks: list[InlineBlock]) -> str:
    if kind == "list_item":
        return _list(blocks)
    if kind == "quote":
        return "<blockquote>" + "".join(f"<p>{inline(b)}</p>" for b in blocks) + "</blockquote>"
    return "\n".join(_block(b) for b in blocks)


def _block(block: InlineBlock) -> str:
    if block.kind == "code":
        return f"<pre><code>{escape(block.text)}</code></pre>"
    if block.kind == "heading":
        tag = f"h{max(1, min(block.level or 2, 6))}"
        return f"<{tag}>{inline(block)}</{tag}>"
    return f"<p>{inline(block)}</p>"


def _list(items: list[InlineBlock]) -> str:
    """List items as nested lists: a deeper item opens a list inside the item before it."""
    out: list[str] = []
    open_lists: list[tuple[int, str]] = []  # (depth, tag), outermost first
    for item in items:
        depth, tag = item.depth or 1, "ol" if item.ordered else "ul"
        while open_lists and (open_lists[-1][0] > depth
                              or (open_lists[-1][0] == depth and open_lists[-1][1] != tag)):
            out.append(f"</li></{open_lists.pop()[1]}>")
        if open_lists and open_lists[-1][0] == depth:
            out.append("</li>")
        else:
            open_lists.append((depth, tag))
            out.append(f"<{tag}>")
        out.append(f"<li>{inline(item)}")
    out.extend(f"</li></{tag}>" for _, tag in reversed(open_lists))
    return "".join(out)


def _table(rows: list[InlineBlock]) -> str:
    cells = [row_cells(row, i > 0) for i, row in enumerate(rows)]
    head = "".join(f"<th>{inline(c)}</th>" for c in cells[0])
    body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>"
                   for row in cells[1:])
    return (f"<table><thead><tr>{head}</tr></thead>"
            + (f"<tbody>{body}</tbody>" if body else "") + "</table>")


def figure(image: ImageLike) -> str:
    """An image standing on its own, with its caption."""
    src = safe_url(image.src, IMAGE_SCHEMES)
    caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
    if src is None:
        return f"<figure>{caption}</figure>" if caption else ""
    return f'<figure><img src="{escape(src)}" alt="{escape(image.alt)}">{caption}</figure>'


def inline(block: InlineBlock) -> str:
    """The block's text with its links, emphasis, code and inline images."""
    out: list[str] = []
    _node(block.text, tree(block), out)
    return "".join(out)


def _node(text: str, node: Node, out: list[str]) -> None:
    at = node.start
    for child in node.children:
        out.append(escape(text[at:child.start]))
        if child.kind == "image":
            out.append(f'<img src="{escape(child.url)}" alt="{escape(child.alt)}">')
        elif child.kind == "link":
            out.append(f'<a href="{escape(child.url)}">')
            _node(text, child, out)
            out.append("</a>")
        else:
            tag = _TAG[child.kind]
            out.append(f"<{tag}>")
            _node(text, child, out)
            out.append(f"</{tag}>")
        at = child.end
    out.append(escape(text[at:node.end]))
