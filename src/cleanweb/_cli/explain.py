"""``cleanweb explain PAGE``: every block of a page in order, kept or dropped, and why."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from cleanweb.document import Block, Document
from cleanweb.measures import squash

GREEN, RED, CYAN = "\x1b[32m", "\x1b[31m", "\x1b[36m"
DIM, BOLD, RESET = "\x1b[2m", "\x1b[1m", "\x1b[0m"
REASON_WIDTH = 18
KIND_WIDTH = 9
#: Characters before a block's text: number, verdict, reason and kind columns.
PREFIX_WIDTH = 4 + 1 + 4 + 1 + REASON_WIDTH + 1 + KIND_WIDTH + 1


@dataclass(frozen=True, slots=True)
class Style:
    color: bool
    #: Characters per line for block text; None prints it whole.
    width: int | None


def paint(text: str, code: str, style: Style) -> str:
    return f"{code}{text}{RESET}" if style.color else text


def columns(ch: str) -> int:
    """Terminal columns ``ch`` takes: 2 for wide characters (CJK), 0 for combining marks."""
    if unicodedata.east_asian_width(ch) in "WF":
        return 2
    return 0 if unicodedata.combining(ch) else 1


def shorten(text: str, room: int | None) -> str:
    """One line of at most ``room`` terminal columns (ellipsis when cut)."""
    flat = squash(text)
    if room is None:
        return flat
    used = 0
    for i, ch in enumerate(flat):
        used += columns(ch)
        if used > room:
            return _cut(flat[:i], room - 1) + "…"
    return flat


def _cut(text: str, room: int) -> str:
    """``text`` less characters from its end until it takes at most ``room`` columns."""
    while text and sum(map(columns, text)) > room:
        text = text[:-1]
    return text


def kind_label(block: Block) -> str:
    return f"h{block.level}" if block.kind == "heading" and block.level else block.kind


def block_line(number: int, block: Block, style: Style) -> str:
    verdict = paint("keep", GREEN, style) if block.kept else paint("drop", RED, style)
    reason = paint(f"{block.reason or '-':<{REASON_WIDTH}}", CYAN, style)
    head = f"{number:>4} {verdict} {reason} {kind_label(block):<{KIND_WIDTH}} "
    room = None if style.width is None else max(10, style.width - PREFIX_WIDTH - 1)
    text = shorten(block.text, room)
    return head + (text if block.kept else paint(text, DIM, style))


def header_lines(doc: Document, path: str, style: Style) -> list[str]:
    kept = sum(1 for b in doc.trace if b.kept)
    enc = f"{doc.encoding} ({doc.encoding_source})" if doc.encoding else "-"
    lines = [paint(path, BOLD, style),
             f"status {doc.status.value}, encoding {enc}, {len(doc.trace)} blocks, {kept} kept"]
    why = doc.kind_reason or f"the page's status is {doc.status.value}"
    lines.append(f"kind: {doc.kind.value}{paint(f'  [{why}]', DIM, style)}")
    fields = (("title", doc.title), ("date", doc.date), ("author", doc.author),
              ("source", doc.source), ("editor", doc.editor), ("lang", doc.lang))
    weighed = {field for field, _ in doc.meta_evidence}  # shown even when it came to nothing
    lines.extend(f"{name}: {value or '-'}{_decided(doc, name, style)}" for name, value in fields
                 if value or name in weighed)
    if doc.region:
        lines.append(f"region: {doc.region}")
    if doc.captions:
        lines.append(f"captions: {len(doc.captions)}")
    return lines


def _decided(doc: Document, name: str, style: Style) -> str:
    """The rules that decided a metadata field, and the evidence they weighed, as a dim
    note after its value."""
    rules = [rule for field, rule in doc.meta_rules if field == name]
    rules += [note for field, note in doc.meta_evidence if field == name]
    return paint(f"  [{'; '.join(rules)}]", DIM, style) if rules else ""


def explain_text(doc: Document, path: str, style: Style) -> str:
    """The whole report; ``doc`` comes from ``extract(..., options=Options(explain=True))``."""
    lines = header_lines(doc, path, style)
    lines.append("")
    if not doc.trace:
        lines.append(f"(no blocks: the page's status is {doc.status.value})")
    lines.extend(block_line(i, b, style) for i, b in enumerate(doc.trace, 1))
    return "\n".join(lines) + "\n"
