"""Rule tables (data) and the machinery that applies them.

:data:`TABLES` lists every rule table. Each rule carries its own examples and near misses;
the tests, the rule-case pages and the prefilter tables are derived from the tables listed
here (:mod:`cleanweb.rules.generate`), so adding a rule is one edit to its table and a run of
``python -m cleanweb.rules.generate``; a new table is one more line below. An entry is a
:class:`~cleanweb.rules.registry.Table`, which says how the pipeline reads the table and how
a page shows its rules deciding, or a bare ``RuleSet``/``NameTable``, read the plain way, whose
rules get their example tests but no rule-case pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleanweb.rules.registry import Listed

    TABLES: tuple[Listed, ...]


def _tables() -> tuple[Listed, ...]:
    # Imported on first use, not with this package: every table module imports
    # cleanweb.rules.base (and so this package), the date rules live in the metadata
    # stage, and the registry reads the tables the way the stages do.
    from cleanweb.measures import squash
    from cleanweb.rules import byline, images, metadata, structure, text, thread
    from cleanweb.rules import registry as r
    from cleanweb.rules.registry import Page, Place, Shape, Table
    from cleanweb.stages import markup
    from cleanweb.stages.metadata import dates

    bylines = ("author", "editor", "source")
    return (
        Table.of("text", text.TEXT_RULES, fast=r.classified, page=r.by_action(
            {"caption": Page(Shape.CAPTION), "boundary": Page(Shape.HEADING, Place.END)},
            Page())),
        Table.of("tail note", text.TAIL_NOTES, page=lambda _: Page(place=Place.END)),
        Table.of("byline", byline.BYLINE_RULES,
                 fast=r.picker(r.byline_kind, (x.id for x in byline.BYLINE_RULES)),
                 page=lambda _: Page(place=Place.END, fills=bylines)),
        Table("date label", tuple(byline.DATE_LABEL_RULES), r.date_label_read,
              fast=r.picker(r.byline_kind, (x.id for x in byline.DATE_LABEL_RULES)),
              page=lambda _: Page(place=Place.LEAD, fills=("date",)),
              source=byline.DATE_LABEL_RULES),
        Table.of("inline credit", byline.INLINE_RULES, prepare=squash, fast=r.inline_kind,
                 page=r.inline_page),
        Table.of("date", dates.DATE_RULES, fast=r.date_kind,
                 page=lambda _: Page(place=Place.LEAD, fills=("date",), field="date")),
        Table.of("class name", structure.CLASS_RULES,
                 page=lambda _: Page(Shape.CLASS, Place.END)),
        Table.of("class role", structure.ROLE_CLASS_RULES, page=r.by_action(
            {"caption": Page(Shape.CLASS_CAPTION), "heading": Page(Shape.CLASS_HEADING)},
            Page(Shape.CLASS_CAPTION))),
        Table.of("screen-reader name", structure.HIDDEN_NAMES),
        Table.of("content name", structure.CONTENT_NAMES,
                 page=lambda _: Page(Shape.CLASS_CONTENT, Place.END)),
        Table("name filter", tuple(structure.NAME_FILTERS),
              r.read_filters(structure.NAME_FILTERS), source=structure.NAME_FILTERS),
        Table("tag", tuple(structure.TAG_NAMES), r.read_exact(structure.TAG_NAMES),
              page=lambda _: Page(Shape.TAG, Place.END), source=structure.TAG_NAMES),
        Table("aria role", tuple(structure.ROLE_NAMES), r.read_exact(structure.ROLE_NAMES),
              page=lambda _: Page(Shape.ROLE), source=structure.ROLE_NAMES),
        Table.of("image name", images.IMAGE_NAMES, fast=markup.name_rule),
        Table.of("post name", thread.POST_NAMES),
        Table.of("post chrome", thread.POST_CHROME),
        Table.of("post line", thread.POST_LINES),
        *metadata.TABLES,
    )


def __getattr__(name: str) -> tuple[Listed, ...]:
    if name == "TABLES":
        return _tables()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
