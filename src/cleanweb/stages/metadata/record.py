"""The metadata of a page, and the one place it is built: :func:`settle`.

Each value comes with the id of what decided it (a source named in
:data:`cleanweb.rules.metadata.FIELD_SOURCES`, a byline rule, or a site rule), which
``explain`` shows per field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

#: The fields of :class:`Metadata`, in the order the Document gives them.
FIELDS = ("title", "date", "date_iso", "author", "source", "editor", "lang")


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    date_iso: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    lang: str | None = None
    #: (field, id of the rule or source that decided it) for each field set, in the order
    #: they were set; an editor may name several, since editors accumulate.
    rules: tuple[tuple[str, str], ...] = ()
    #: The language the page declares, as written (``<html lang>`` or a meta tag): the
    #: language itself is decided against the text when the body is known.
    declared_lang: str | None = None
    #: (field, what its decision weighed) for fields decided by weighing evidence (the
    #: language: the declared value, the script shares, the function-word counts); each
    #: is formatted by ``str()`` only when explain asks for it (:meth:`explained`).
    evidence: tuple[tuple[str, object], ...] = ()
    #: Not a Document field: the JSON-LD ``articleBody`` as the page gives it, for the
    #: fallback stage when the extracted body comes out very short.
    article_body: str | None = None

    def explained(self) -> tuple[tuple[str, str], ...]:
        """The evidence as text, for ``explain``."""
        return tuple((field, str(weighed)) for field, weighed in self.evidence)


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line says, and which rule (``kind``) recognised it."""

    kind: str
    date: str | None = None
    date_iso: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None


class Found(NamedTuple):
    """A value for one field of :class:`Metadata`, and the id of what decided it."""

    field: str
    value: str | None
    rule: str


def found(field: str, value: str | None, rule: str) -> Found | None:
    """A :class:`Found` for a non-empty ``value``; None for nothing."""
    return Found(field, value, rule) if value else None


def settle(meta: Metadata, found: Iterable[Found | None], *, override: bool = False) -> Metadata:
    """``meta`` with the ``found`` values (None entries are skipped).

    With ``override`` every value replaces the field's, None included (a site rule's
    selector, or the page's own findings over an empty record). Without it a value only
    fills a field still empty, except editors, which accumulate: pages often name a
    责任编辑 and an 编辑 on different lines. ``meta`` itself comes back when nothing
    changes."""
    values: dict[str, str | None] = {}
    rules = list(meta.rules)
    for item in found:
        if item is None:
            continue
        field, value, rule = item
        old: str | None = values[field] if field in values else getattr(meta, field)
        if override:
            new = value
            rules = [r for r in rules if r[0] != field]
        elif field == "editor":
            new = _merge_names(old, value)
        else:
            new = value if value and not old else old
        if new == old and not override:
            continue
        values[field] = new
        if new:
            rules.append((field, rule))
    if not values:
        return meta
    # (the evidence named so the checker types the values as the other fields)
    return replace(meta, **values, rules=tuple(rules), evidence=meta.evidence)


def merge(meta: Metadata, byline: Byline) -> Metadata:
    """Fill fields of ``meta`` that are still empty from ``byline``; editors accumulate."""
    return settle(meta, (Found(field, getattr(byline, field), byline.kind)
                         for field in ("date", "date_iso", "author", "source", "editor")))


def _merge_names(old: str | None, new: str | None) -> str | None:
    if not new:
        return old
    if not old:
        return new
    names = old.split("、")
    names += [n for n in new.split("、") if n not in names]
    return "、".join(names)
