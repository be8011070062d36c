"""What a page says about itself in ``<meta>`` tags and JSON-LD: machine-readable, but
often the site's own name where an author should be, so it comes after what readers see."""

from __future__ import annotations

import json
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanweb.measures import squash
from cleanweb.rules.base import patterns, search
from cleanweb.rules.metadata import (
    META_AUTHOR_KEYS,
    META_DATE_KEYS,
    META_RULES,
    META_SITE_KEY,
    META_SOURCE_KEYS,
)
from cleanweb.stages.metadata.dates import find_date, normalize
from cleanweb.stages.metadata.nodes import squashed_head
from cleanweb.stages.metadata.record import Found, found
from cleanweb.stages.metadata.zone import name_like, strip_source_label

_MAX_META = 400
_MAX_JSONLD = 60_000
_BY_PREFIX = patterns(META_RULES)["metadata.meta.by_prefix"]


def meta_map(tree: LexborHTMLParser | LexborNode) -> dict[str, str]:
    """First content per meta key (name/property/itemprop/http-equiv, lower-cased)."""
    out: dict[str, str] = {}
    for node in islice(tree.css("meta[content]"), _MAX_META):
        attrs = node.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop")
        key = key or attrs.get("http-equiv")
        content = attrs.get("content")
        if key and content and content.strip():
            out.setdefault(key.strip().lower(), squashed_head(content))
    return out


def jsonld(tree: LexborHTMLParser | LexborNode) -> dict[str, str]:
    """headline/datePublished/author/publisher (and the articleBody, as it is) from the
    first article-like JSON-LD."""
    for node in islice(tree.css('script[type="application/ld+json"]'), 5):
        raw = node.text(deep=True)
        if len(raw) > _MAX_JSONLD:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        found = _ld_fields(data)
        if found:
            return found
    return {}


def _ld_fields(data: object) -> dict[str, str]:
    items = data if isinstance(data, list) else [data]
    for item in items[:10]:
        if isinstance(item, dict) and isinstance(item.get("@graph"), list):
            found = _ld_fields(item["@graph"])
            if found:
                return found
        if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
            return {
                "headline": _ld_str(item.get("headline")),
                "date": _ld_str(item.get("datePublished")),
                "author": _ld_str(item.get("author")),
                "publisher": _ld_str(item.get("publisher")),
                "body": body if isinstance(body := item.get("articleBody"), str) else "",
            }
    return {}


def _ld_str(value: object) -> str:
    if isinstance(value, str):
        return squash(value)
    if isinstance(value, dict):
        return _ld_str(value.get("name"))
    if isinstance(value, list):
        names = [_ld_str(v) for v in value[:5]]
        return ", ".join(n for n in names if n)
    return ""


def machine_date(metas: dict[str, str], ld: dict[str, str]) -> tuple[str, str | None, str] | None:
    """A meta or JSON-LD timestamp, its ISO form and its source id (a date search costs
    more than the rest of this function: the match that picks the meta key gives the ISO
    form too)."""
    for key in META_DATE_KEYS:
        found = find_date(metas[key]) if key in metas else None
        if found is not None:
            return metas[key], found.iso, "metadata.date.meta"
    date = ld.get("date")
    return (date, normalize(date), "metadata.date.jsonld") if date else None


def meta_source(metas: dict[str, str]) -> Found | None:
    for key in META_SOURCE_KEYS:
        if key in metas:
            value = (strip_source_label(metas[key]).split() or [""])[0]
            return found("source", value, "metadata.source.meta") if name_like(value) else None
    return None


def ld_publisher(ld: dict[str, str]) -> Found | None:
    return found("source", ld.get("publisher"), "metadata.source.jsonld")


def meta_author(
    metas: dict[str, str], ld: dict[str, str], title: str, headline: str, source: str | None
) -> Found | None:
    """A meta/JSON-LD author, unless it is the site itself or a numeric staff id."""
    value, rule = ld.get("author") or "", "metadata.author.jsonld"
    if not value:
        value = next((metas[k] for k in META_AUTHOR_KEYS if metas.get(k)), "")
        rule = "metadata.author.meta"
    m = search(_BY_PREFIX, value) if value[:2].lower() == "by" else None
    value = (value[m.end() :] if m is not None else value).strip()
    if not value or value.isdigit() or "." in value or "/" in value or len(value) > 60:
        return None
    suffix = title.rsplit(headline, 1)[-1] if headline else title
    site = " ".join([suffix, source or ""])
    site += " " + metas.get(META_SITE_KEY, "")
    return None if value in site else Found("author", value, rule)
