"""Markdown rendering of a block list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cleanweb.document import Block


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


def _render(block: Block) -> str:
    if block.kind == "heading":
        return "#" * max(1, min(block.level or 2, 6)) + " " + block.text
    if block.kind == "list_item":
        return "- " + block.text
    if block.kind == "quote":
        return "\n".join("> " + line for line in block.text.split("\n"))
    if block.kind == "code":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    return block.text


def _groups(blocks: Sequence[Block]) -> Iterable[tuple[str, list[Block]]]:
    """Runs of consecutive blocks of one kind."""
    run: list[Block] = []
    for block in blocks:
        if run and block.kind != run[-1].kind:
            yield run[-1].kind, run
            run = []
        run.append(block)
    if run:
        yield run[-1].kind, run


def blocks_to_markdown(title: str | None, blocks: Sequence[Block]) -> str:
    parts: list[str] = [f"# {title}"] if title else []
    for kind, run in _groups(blocks):
        if kind == "table_row":
            parts.append("\n".join(_table([b.text for b in run])))
        elif kind == "list_item":
            parts.append("\n".join(_render(b) for b in run))
        else:
            parts.extend(_render(b) for b in run)
    return "\n\n".join(parts) + ("\n" if parts else "")
