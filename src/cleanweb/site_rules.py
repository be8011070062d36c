"""Site rules: what a user knows about one site's template, as data.

A :class:`SiteRule` applies to pages whose URL host is one of its domains (or a
subdomain of one) and, when given, whose URL matches its pattern. It can drop
elements, name the main-content container, drop text lines, name the elements
that hold the title/date/author/source/editor, and name caption elements. A
:class:`RulePack` holds the rules of one or more sites; pass it as
``Options(site_rules=...)``.

Rules act through the same stages as the generic rules: matched elements are marked
once on the parsed tree (an attribute the segmenter reads), so ``explain`` names the
site rule that decided, and no re-parse is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanweb.dates import normalize
from cleanweb.metadata import Metadata
from cleanweb.rules.base import search
from cleanweb.units import squash

#: Attribute the site rules set on elements they act on: "<action>:<rule id>".
MARK = "data-cleanweb-rule"
#: Metadata fields a rule may take from an element's text.
META_FIELDS = ("title", "date", "author", "source", "editor")


@dataclass(frozen=True, slots=True)
class SiteRule:
    """One site's knowledge. Selectors are CSS; ``drop_lines`` are ``regex`` patterns."""

    id: str
    reason: str
    domains: tuple[str, ...] = ()
    url_pattern: str | None = None
    drop: tuple[str, ...] = ()
    main: str | None = None
    drop_lines: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()  # (field, CSS selector)

    def applies_to(self, url: str | None) -> bool:
        if url is None:
            return False
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        if self.domains and not any(host == d or host.endswith("." + d) for d in self.domains):
            return False
        if self.url_pattern is not None:
            pattern = regex.compile(self.url_pattern)
            return search(pattern, url) is not None
        return bool(self.domains)


@dataclass(frozen=True, slots=True)
class RulePack:
    """An immutable, picklable set of site rules."""

    rules: tuple[SiteRule, ...] = ()
    source: str = ""

    def for_url(self, url: str | None) -> tuple[SiteRule, ...]:
        return tuple(rule for rule in self.rules if rule.applies_to(url))


@dataclass(frozen=True, slots=True)
class SiteEffects:
    """What the applicable rules leave for the later stages."""

    lines: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    rules: tuple[str, ...] = field(default=())


def _mark(nodes: Iterable[LexborNode], action: str, rule: SiteRule) -> None:
    for node in nodes:
        node.attrs[MARK] = f"{action}:{rule.id}"


def apply_to_tree(tree: LexborHTMLParser, rules: tuple[SiteRule, ...]) -> SiteEffects:
    """Mark the elements the rules act on; return their line patterns."""
    lines: list[tuple[str, regex.Pattern[str]]] = []
    for rule in rules:
        for selector in rule.drop:
            _mark(tree.css(selector), "drop", rule)
        for selector in rule.captions:
            _mark(tree.css(selector), "caption", rule)
        if rule.main:
            main = tree.css_first(rule.main)
            if main is not None:
                _mark((main,), "main", rule)
        lines.extend((rule.id, regex.compile(p, regex.V1)) for p in rule.drop_lines)
    return SiteEffects(tuple(lines), tuple(r.id for r in rules))


def apply_to_metadata(tree: LexborHTMLParser, rules: tuple[SiteRule, ...],
                      meta: Metadata) -> Metadata:
    """Fields the rules name an element for, taken from that element's text."""
    changes: dict[str, str | None] = {}
    for rule in rules:
        for name, selector in rule.meta:
            node = tree.css_first(selector)
            text = squash(node.text(deep=True)) if node is not None else ""
            if text:
                changes[name] = text
                if name == "date":
                    changes["date_iso"] = normalize(text)
    return replace(meta, **changes) if changes else meta


def line_rule(text: str, effects: SiteEffects) -> str | None:
    """Id of the first site rule whose line pattern occurs in ``text``."""
    for rule_id, pattern in effects.lines:
        if search(pattern, text) is not None:
            return rule_id
    return None
