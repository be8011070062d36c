"""Page metadata: title, date, author, source, editor, language.

:func:`page_metadata` reads the full tree once, before pruning, with a handful of CSS
queries and bounded walks, one module per job:

* :mod:`.headline`: the ``<h1>`` (or a title-like element) whose text agrees with
  ``<title>``/og:title; failing that, the ``<title>`` with its site suffix cut;
* :mod:`.zone`: date, source and author from the few text nodes right after the headline
  (where readers see them, e.g. "2020年02月26日 16:12 来源:中国新闻网");
* :mod:`.marked`: the same from editor-, date- and source-named elements, and
  :mod:`.tags` from meta tags and JSON-LD, when the zone says nothing;
* :mod:`.bylines`: byline and credit lines (also for the finish stage, which moves them
  out of the body: :func:`parse_byline`, :func:`inline_credit`, :func:`merge`);
* :mod:`.language`: the declared language, read here; the language itself is decided
  when the body is known (:func:`settle_lang`, from the assemble stage), against the
  script and the function words of the title and the start of the body;
* :mod:`.dates`: dates as written, and their ISO form.

:mod:`.record` holds the :class:`Metadata` value and :func:`~.record.settle`, the one
place it is built, which keeps with each field the id of what decided it. The patterns
all these read are rule tables in :mod:`cleanweb.rules.metadata`.
"""

from __future__ import annotations

from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser

from cleanweb.measures import CJK_CHAR_RE
from cleanweb.rules.metadata import HINT_RULES, LANG_RULES, META_RULES, TITLE_RULES, ZONE_RULES
from cleanweb.stages.metadata import bylines, dates
from cleanweb.stages.metadata.bylines import inline_credit, parse_byline
from cleanweb.stages.metadata.dates import fill_year
from cleanweb.stages.metadata.headline import find_headline, strip_site_suffix, title_tag
from cleanweb.stages.metadata.language import declared_lang, settle_lang
from cleanweb.stages.metadata.marked import class_date, class_editor, class_source, find_marked
from cleanweb.stages.metadata.nodes import MAX_TITLE_CHARS
from cleanweb.stages.metadata.record import Byline, Found, Metadata, merge, settle
from cleanweb.stages.metadata.tags import (
    jsonld,
    ld_publisher,
    machine_date,
    meta_author,
    meta_map,
    meta_source,
)
from cleanweb.stages.metadata.zone import (
    Line,
    in_zone,
    zone_author,
    zone_date,
    zone_editor,
    zone_lines,
    zone_source,
)

__all__ = [
    "MAX_TITLE_CHARS",
    "Byline",
    "Metadata",
    "compile_patterns",
    "dates",
    "inline_credit",
    "merge",
    "page_metadata",
    "parse_byline",
    "settle_lang",
]


def compile_patterns() -> None:
    """Compile the metadata patterns now (see :func:`cleanweb.extract.compile_rules`)."""
    bylines.compile_patterns()
    for table in (TITLE_RULES, HINT_RULES, ZONE_RULES, META_RULES, LANG_RULES):
        table.compile_all()


def page_metadata(tree: LexborHTMLParser) -> Metadata:
    """Title, date, author, source and editor of a parsed page, and the language it
    declares (:func:`settle_lang` decides the language once the body is known).

    Cheap sources first (``<head>``, the few nodes after the headline); each whole-tree
    query is a full walk, so the nodes every page needs come from one query
    (:func:`~.marked.find_marked`) and the fallbacks that need another run only when still
    needed."""
    head = tree.head
    metas = meta_map(head or tree)
    ld = jsonld(head) if head is not None else {}
    title = title_tag(tree)
    title_head = strip_site_suffix(title) if title else ""
    found = find_marked(tree)
    head_node, headline_found = find_headline(tree, found.h1s, title, title_head, metas)
    shown = headline_found.value if headline_found is not None else None
    lines = zone_lines(head_node) if head_node is not None else []
    source = (zone_source(lines) or meta_source(metas) or class_source(found.sources)
              or ld_publisher(ld))
    author = zone_author(lines) or meta_author(
        metas, ld, title, title_head, source.value if source is not None else None)
    if author is not None and _cjk(shown) and not in_zone(author.value or "", lines):
        author = None
    meta = settle(Metadata(), (
        headline_found,
        *_date(tree, lines, metas, ld),
        source,
        author,
        zone_editor(lines) or class_editor(found.editors),
    ), override=True)
    return replace(meta, declared_lang=declared_lang(tree, metas),
                   article_body=ld.get("body") or None)


def _date(tree: LexborHTMLParser, lines: list[Line], metas: dict[str, str],
          ld: dict[str, str]) -> tuple[Found, ...]:
    """The visible date (as written) and its ISO form; the ISO year comes from a meta
    timestamp when the page prints only month and day."""
    machine = machine_date(metas, ld)
    written, rule = zone_date(lines), "metadata.date.zone"
    if written is None and machine is None:
        machine = machine_date(metas, jsonld(tree))  # JSON-LD placed in the body
        written, rule = class_date(tree), "metadata.date.element"
    if written is None:
        if machine is None:
            return ()
        text, iso, rule = machine
        return Found("date", text, rule), Found("date_iso", iso, rule)
    iso = fill_year(written, machine[1] if machine else None)
    return Found("date", written.text, rule), Found("date_iso", iso, rule)


def _cjk(title: str | None) -> bool:
    return bool(title and CJK_CHAR_RE.search(title))
