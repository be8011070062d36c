"""Elements named for what they hold: headline candidates (``<h1>``) and source-, editor-
and date-named elements, the fallbacks when the zone after the headline says nothing."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanweb.rules.metadata import DATE_SELECTORS, EDITOR_MARKS, SOURCE_MARKS
from cleanweb.stages.metadata.bylines import MAX_BYLINE_CHARS, parse_byline
from cleanweb.stages.metadata.dates import DateMatch, find_date
from cleanweb.stages.metadata.nodes import hint, short_text, text_of
from cleanweb.stages.metadata.record import Found, found
from cleanweb.stages.metadata.zone import date_hint, name_like, source_label

_MAX_H1 = 8
_MAX_MARKED = 10


def _css(marks: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f'[{attr}*="{part}"]' for attr, part in marks)


def _has_mark(attrs: dict[str, str | None], marks: tuple[tuple[str, str], ...]) -> bool:
    return any(part in (attrs.get(attr) or "") for attr, part in marks)


@dataclass(frozen=True, slots=True)
class Marked:
    h1s: list[LexborNode]  # the first _MAX_H1 <h1> elements
    sources: list[LexborNode]  # the first _MAX_MARKED source-marked elements
    editors: list[LexborNode]  # the first _MAX_MARKED editor-marked elements


_MARKED_QUERY = f"h1, {_css(SOURCE_MARKS)}, {_css(EDITOR_MARKS)}"


def find_marked(tree: LexborHTMLParser) -> Marked:
    """The headline candidates and the source/editor-marked elements in one walk of the
    tree, sorted out by the same tests the separate selectors make (a node matching
    several selectors of the list comes back once per selector)."""
    out = Marked([], [], [])
    seen: set[int] = set()
    for node in tree.css(_MARKED_QUERY):
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        attrs = node.attributes
        if node.tag == "h1" and len(out.h1s) < _MAX_H1:
            out.h1s.append(node)
        if len(out.sources) < _MAX_MARKED and _has_mark(attrs, SOURCE_MARKS):
            out.sources.append(node)
        if len(out.editors) < _MAX_MARKED and _has_mark(attrs, EDITOR_MARKS):
            out.editors.append(node)
    return out


def class_date(tree: LexborHTMLParser) -> DateMatch | None:
    for node in islice(tree.css(DATE_SELECTORS), 30):
        text = short_text(node, 80)
        if not text:
            continue
        date = find_date(text)
        if date is not None and (date.rule != "date.relative" or date_hint(hint(node))):
            return date
        stamp = node.attributes.get("datetime") if node.tag == "time" else None
        # As long as the text read above: a longer value is no timestamp.
        date = find_date(stamp) if stamp and len(stamp) <= 80 else None
        if date is not None:
            return date
    return None


def class_source(nodes: list[LexborNode]) -> Found | None:
    for node in nodes:
        text = text_of(node)
        label = source_label(text)
        if label is not None:
            return found("source", label, "metadata.source.element")
        if name_like(text) and len(text) <= 16:
            return found("source", text, "metadata.source.element")
    return None


def class_editor(nodes: list[LexborNode]) -> Found | None:
    for node in nodes:
        text = short_text(node, 2 * MAX_BYLINE_CHARS)  # parse_byline takes no longer line
        byline = parse_byline(text) if text is not None else None
        if byline is not None and byline.editor:
            return Found("editor", byline.editor, "metadata.editor.element")
    return None
