"""Page metadata: title, date, author, source, editor, language. (interface; filled in next)"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    date_iso: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    lang: str | None = None


def page_metadata(tree: LexborHTMLParser) -> Metadata:
    node = tree.css_first("h1") or tree.css_first("title")
    title = node.text(strip=True) if node is not None else None
    return Metadata(title=title or None)
