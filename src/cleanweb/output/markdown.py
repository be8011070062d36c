"""Markdown rendering of a block list.

Plain blocks (extracted without the switches for links, images and formatting) are written
as they read: only a line start that Markdown would take for structure (a heading, quote,
list item, fence, rule or HTML block) gets a backslash, so a paragraph that begins "# 1" or
"1. " stays a paragraph. Inline characters (``*``, ``_``, ``[``) are left alone: escaping
them all would clutter every line for the rare text that renders as emphasis or a link.

Blocks that carry markup are rendered with it (links, images with their captions, bold,
italic, inline code, nested lists: see :mod:`cleanweb.output.marked`); there a reader must
tell markup from text, so the text's own markup characters are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol


class MarkdownBlock(Protocol):
    """What a block must offer to be rendered (``cleanweb.document.Block`` does: this module
    does not import it, so that the document module can import this one)."""

    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def level(self) -> int: ...


#: Line starts that make a Markdown block: ATX heading, block quote, bullet item, code
#: fence, a line of rule or setext-underline characters, HTML block.
_STRUCTURE = re.compile(
    r"#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|`{3}|~{3}|[-*_=][-*_= \t]*$|<[A-Za-z/!?]")
#: An ordered-list number, escaped at its period or parenthesis.
_ORDERED = re.compile(r"\d{1,9}(?=[.)](?:[ \t]|$))")


def escape_line_starts(text: str) -> str:
    """``text`` with a backslash where a line would otherwise start a Markdown block."""
    return "\n".join(_escape(line) for line in text.split("\n"))


def _escape(line: str) -> str:
    if _STRUCTURE.match(line):
        return "\\" + line
    number = _ORDERED.match(line)
    return f"{line[:number.end()]}\\{line[number.end():]}" if number else line


def _table(rows: Sequence[str]) -> list[str]:
    cells = [r.split(" | ") for r in rows]
    width = max(len(c) for c in cells)
    lines = []
    for i, row in enumerate(cells):
        padded = [c.replace("|", r"\|") for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(padded) + " |")
        if i == 0:
            lines.append("|" + " --- |" * width)
    return lines


def _render(block: MarkdownBlock) -> str:
    if block.kind == "code":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    text = escape_line_starts(block.text)
    if block.kind == "heading":
        return "#" * max(1, min(block.level or 2, 6)) + " " + text
    if block.kind == "list_item":
        return "- " + text
    if block.kind == "quote":
        return "\n".join("> " + line for line in text.split("\n"))
    return text


def _groups(blocks: Sequence[MarkdownBlock]) -> Iterable[tuple[str, list[MarkdownBlock]]]:
    """Runs of consecutive blocks of one kind."""
    run: list[MarkdownBlock] = []
    for block in blocks:
        if run and block.kind != run[-1].kind:
            yield run[-1].kind, run
            run = []
        run.append(block)
    if run:
        yield run[-1].kind, run


def blocks_to_markdown(title: str | None, blocks: Sequence[MarkdownBlock]) -> str:
    """The title as a level-1 heading, then the blocks, as plain text (their markup, if
    any, is :func:`cleanweb.output.marked.marked_markdown`'s)."""
    parts: list[str] = [f"# {title}"] if title else []
    for kind, run in _groups(blocks):
        if kind == "table_row":
            parts.append("\n".join(_table([b.text for b in run])))
        elif kind == "list_item":
            parts.append("\n".join(_render(b) for b in run))
        else:
            parts.extend(_render(b) for b in run)
    return "\n\n".join(parts) + ("\n" if parts else "")
