"""Page metadata: title, date, author, source, editor, language.

:func:`page_metadata` reads the full tree once, before pruning, with a handful of CSS
queries and bounded walks:

* the headline is the ``<h1>`` (or a title-classed element) whose text agrees with
  ``<title>``/og:title; failing that, the ``<title>`` with its site suffix cut;
* date, source and author come first from the few text nodes right after the headline
  (where readers see them, e.g. "2020年02月26日 16:12 来源:中国新闻网"), then from
  editor/date/source-classed elements, meta tags and JSON-LD;
* the language from ``<html lang>``, meta, or the script of a small text sample.

:func:`parse_byline` classifies one text line as a credit/byline/editor/source/date line
(to be removed from the body), :func:`inline_credit` finds a reporter named inside a body
paragraph, and :func:`merge` folds either into a :class:`Metadata`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanweb.measures import CJK_CHAR_RE, fingerprint, squash, tokens
from cleanweb.rules.base import MATCH_TIMEOUT, LazyRegex, Rule, search
from cleanweb.rules.byline import (
    BYLINE_RULES,
    DATE_LABEL_RULES,
    INLINE_RULES,
    NAME_NOTES,
    NAMES,
    NO_NAME,
    ROLE_FIELDS,
    RULE_GUARDS,
    SHORT_ROLE_FIELDS,
)
from cleanweb.rules.text import classify_line
from cleanweb.stages.metadata.dates import (
    DATE_DIGITS,
    DateMatch,
    fill_year,
    find_date,
    normalize,
)
from cleanweb.stages.parse import is_hidden

#: Longest line parse_byline considers; credit lines are short, body paragraphs are not.
MAX_BYLINE_CHARS = 90
#: A <title> or a meta value is read up to this many characters (real ones are far shorter;
#: reading a hostile one whole costs seconds per 10 MB).
MAX_TITLE_CHARS = 1000
#: An element with more text than this is no headline: broken markup can leave a whole page
#: inside an unclosed <h1>, and reading such text whole costs seconds per 10 MB.
MAX_HEADLINE_CHARS = 2 * MAX_TITLE_CHARS
#: Text nodes read after the headline when looking for its date/source line.
ZONE_NODES = 40
ZONE_CHARS = 400
#: Nodes (elements and texts) the zone walk may visit, so a huge page costs no more.
ZONE_VISIT = 400
_MAX_META = 400
_MAX_JSONLD = 60_000
_LANG_SAMPLE_NODES = 200


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    date_iso: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line says, and which rule (``kind``) recognised it."""

    kind: str
    date: str | None = None
    date_iso: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None


# ---------------------------------------------------------------------------- byline lines

# compiled on first use: most lines never reach a rule (see _GUARDED), and import stays cheap
_COMPILED = {r.id: LazyRegex(r) for r in (*BYLINE_RULES, *DATE_LABEL_RULES, *INLINE_RULES)}


def compile_patterns() -> None:
    """Compile the byline patterns now (see :func:`cleanweb.extract.compile_rules`)."""
    for lazy in (*_COMPILED.values(), _ROLE_SPLIT, *_FIELD_LABELS.values()):
        lazy.get()
    DATE_LABEL_RULES.compile_all()

_ROLE_OF = dict((*ROLE_FIELDS, *SHORT_ROLE_FIELDS))
# Lazy like the rules: the name list makes it the costliest pattern to compile.
_ROLE_SPLIT = LazyRegex(
    Rule(
        "metadata.role_split",
        r"(?P<role>"
        + "|".join(r for r, _ in ROLE_FIELDS)
        + r"|(?:"
        + "|".join(r for r, _ in SHORT_ROLE_FIELDS)
        + r")(?=\s*[/:：|]))\s*[:：/|]?\s*(?P<names>"
        + NAMES
        + ")",
        "one role and its names in a credits line",
        ignore_case=False,
    )
)
_OPEN = r"[(（【\[〔<＜]"
_WRAP = regex.compile(rf"^{_OPEN}\s*(?P<inner>.*?)\s*[)）】\]〕>＞]$", regex.V1)
_NAME_SPLIT = regex.compile(r"\s*(?:[、,，/;；&]|\s+and\s+|\s+)\s*", regex.V1)
_EN_NAME_SPLIT = regex.compile(r"\s*(?:,|;|\band\b|&)\s*", regex.V1)
_NAME_PREFIX = regex.compile(r"^.*(?:记者|作者|通讯员)", regex.V1)
# Each whole-line rule with its compiled guard (see RULE_GUARDS), in table order.
_GUARDED = tuple(
    (rule, re.compile(RULE_GUARDS[rule.id]), _COMPILED[rule.id]) for rule in BYLINE_RULES
)
# The gate every byline passes, in three scans of the raw line: a rule's lead word at its
# start (before squash and unwrap, hence the optional space and bracket), a lead word
# anywhere for the unanchored rules, or a digit-led date. (A line that is only a
# relative date, "昨天", is no byline.)
_LEADS = re.compile(
    rf"\s*{_OPEN}?\s*(?:"
    + "|".join(g.removeprefix("^") for g in RULE_GUARDS.values() if g.startswith("^"))
    + ")"
)
_WORDS = re.compile("|".join(g for g in RULE_GUARDS.values() if not g.startswith("^")))
_DATE_DIGITS = re.compile(DATE_DIGITS)


def _may_be_byline(line: str) -> bool:
    if _LEADS.match(line.casefold()) is not None or _DATE_DIGITS.search(line) is not None:
        return True
    # The unanchored lead words are all Chinese (tests check it): ASCII lines skip them.
    return not line.isascii() and _WORDS.search(line) is not None


_STAFF_CODE = regex.compile(r"_[A-Za-z]*\d[\w]*$", regex.V1)
_LATIN_NAMES = regex.compile(r"^[\p{Latin}\s.,'’&-]+$", regex.V1)


def parse_byline(line: str) -> Byline | None:
    """A :class:`Byline` when the whole ``line`` is a credit/byline/editor/source/date line
    that belongs in metadata; None for anything else (body text mentioning such words)."""
    if len(line) > 2 * MAX_BYLINE_CHARS or not _may_be_byline(line):
        return None
    text = _BYLINE_NOISE.sub("", _unwrap(squash(line))).strip()
    if not text or len(text) > MAX_BYLINE_CHARS:
        return None
    return _match_rules(text) or _date_line(text)


#: What date/source lines carry besides credits: view and click counters, and the font-size
#: buttons ('点击数：356', '【字体：大 中 小】'); taken out before the line is matched.
_BYLINE_NOISE = re.compile(
    r"\s*[【\[(（]?\s*(?:点击数|点击量|点击|浏览次数|浏览量|浏览|阅读数|阅读量|阅读次数|阅读|访问量|人气)"
    r"\s*[:：]?\s*[0-9][0-9,]*\s*次?\s*[】\])）]?"
    r"|\s*[【\[]?\s*(?:字体|字号)\s*[:：]?\s*大\s*中\s*小\s*[】\]]?")


def _unwrap(text: str) -> str:
    m = _WRAP.match(text)
    return m.group("inner") if m else text


def _match_rules(text: str) -> Byline | None:
    folded = text.casefold()  # the guards are case-blind the way the rules are
    for rule, guard, pattern in _GUARDED:
        if guard.search(folded) is None:
            continue
        m = search(pattern, text)
        if m is not None:
            return _byline_from(rule, m, text)
    return None


def _byline_from(rule: Rule, m: regex.Match[str], text: str) -> Byline:
    groups = {k: v for k, v in m.groupdict().items() if v}
    fields: dict[str, list[str]] = {"author": [], "editor": [], "source": []}
    for key in ("author", "editor"):
        if key in groups:
            fields[key].extend(split_names(groups[key]))
    if rule.action == "credits":
        for role, names in _role_credits(text):
            field = _ROLE_OF.get(role, "")
            if field:
                fields[field].extend(split_names(names))
    source = groups.get("source")
    return Byline(
        kind=rule.id,
        author=_join(_unique(fields["author"])),
        editor=_join(_unique(fields["editor"])),
        source=source.strip("《》 ") if source else None,
    )


def _role_credits(text: str) -> Iterator[tuple[str, str]]:
    try:  # collect first: the timeout must cover the matching, not the caller's loop
        matches = list(_ROLE_SPLIT.get().finditer(text, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        return
    for m in matches:
        yield m.group("role"), m.group("names")


def _date_line(text: str) -> Byline | None:
    found = find_date(text)
    if found is None:
        return None
    rest = squash(text[: found.start] + " " + text[found.end :])
    rule = DATE_LABEL_RULES.first(rest) or _labelled_dates(rest)
    if rule is not None:
        return Byline(kind=rule.id, date=found.text, date_iso=found.iso)
    credit = _match_rules(_unwrap(_strip_labels(rest)))
    if credit is None:
        return None
    return replace(credit, date=found.text, date_iso=found.iso)


#: Clock times, weekdays and zones that English datelines print around the date.
_CLOCK = regex.compile(
    r"\b(?:at\s+)?[0-9]{1,2}(?::[0-9]{2}){1,2}\s*(?:[ap]\.?\s?m\.?|h)?"
    r"(?:\s*\(?(?-i:[A-Z]{2,5})\)?)?(?![\w:])|"
    r"\b(?:at\s+)?[0-9]{1,2}\s*[ap]\.?m\.?(?:\s+(?-i:[A-Z]{2,5}))?(?!\w)|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\b\.?",
    regex.V1 | regex.IGNORECASE)


def _labelled_dates(rest: str) -> Rule | None:
    """The dateline rule, when what a date line holds besides its first date is only labels,
    clock times, weekdays, zones and more dates, in parts split by '|' or ';'
    ('Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019')."""
    rules = [DATE_LABEL_RULES.first(_without_dates(part))
             for part in rest.replace(";", "|").split("|")]
    return rules[0] if all(rules) else None


def _without_dates(text: str) -> str:
    try:
        text = str(_CLOCK.sub(" ", text, timeout=MATCH_TIMEOUT))
    except TimeoutError:  # as for every pattern on page text: no match
        return text
    for _ in range(2):  # an 'Updated' part brings a date of its own
        found = find_date(text)
        if found is None:
            break
        text = text[: found.start] + " " + text[found.end :]
    return squash(text.replace(",", " "))


_LABEL = regex.compile(
    r"^(?:(?:发布|发表|更新)?(?:时间|日期)\s*[:：]?|发表于|发布于|published|updated|posted)\s*",
    regex.V1 | regex.IGNORECASE,
)


def _strip_labels(text: str) -> str:
    return str(_LABEL.sub("", text)).strip(" |·,")


def split_names(raw: str) -> list[str]:
    """Clean name tokens from a credit: staff codes, outlet prefixes and notes dropped."""
    splitter = _EN_NAME_SPLIT if _LATIN_NAMES.match(raw) and " " in raw.strip() else _NAME_SPLIT
    out: list[str] = []
    for token in splitter.split(raw.strip()):
        name = _clean_name(token)
        if name and name not in out:
            out.append(name)
    return out


def _clean_name(token: str) -> str:
    name = str(_STAFF_CODE.sub("", _NAME_PREFIX.sub("", token.strip())))
    for note in NAME_NOTES:
        if name.endswith(note) and len(name) > len(note):
            name = name[: -len(note)]
    name = name.strip(" .·-_")
    if name in NAME_NOTES or name.lower() in NO_NAME or _ROLE_OF.get(name) is not None:
        return ""
    return name


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _join(names: list[str]) -> str | None:
    if not names:
        return None
    latin = all(_LATIN_NAMES.match(n) for n in names)
    return (", " if latin else "、").join(names)


def inline_credit(paragraph: str) -> Byline | None:
    """A reporter named inside a body paragraph (dateline opening, closing "(记者 …)").
    The paragraph itself stays in the body; only the name is metadata."""
    text = squash(paragraph)
    for rule in INLINE_RULES:
        m = search(_COMPILED[rule.id], text)
        if m is not None:
            names = split_names(m.group("author"))
            if names:
                return Byline(kind=rule.id, author=_join(names))
    return None


def merge(meta: Metadata, byline: Byline) -> Metadata:
    """Fill fields of ``meta`` that are still empty from ``byline``; editors accumulate,
    since pages often name a 责任编辑 and an 编辑 in different lines."""
    changes: dict[str, str] = {}
    for key in ("date", "date_iso", "author", "source"):
        value = getattr(byline, key)
        if value and not getattr(meta, key):
            changes[key] = value
    editor = _merge_names(meta.editor, byline.editor)
    if editor != meta.editor and editor is not None:
        changes["editor"] = editor
    return replace(meta, **changes) if changes else meta


def _merge_names(old: str | None, new: str | None) -> str | None:
    if not new:
        return old
    if not old:
        return new
    names = old.split("、")
    names += [n for n in new.split("、") if n not in names]
    return "、".join(names)


# ---------------------------------------------------------------------------- page metadata


def page_metadata(tree: LexborHTMLParser) -> Metadata:
    """Title, date, author, source, editor and language of a parsed page.

    Cheap sources first (``<head>``, the few nodes after the headline); each whole-tree
    query is a full walk, so the nodes every page needs come from one query
    (:func:`_marked`) and the fallbacks that need another run only when still needed."""
    head = tree.head
    metas = _meta_map(head or tree)
    ld = _jsonld(head) if head is not None else {}
    title_node = head.css_first("title") if head is not None else None
    title_node = title_node or tree.css_first("title")
    title_tag = _squashed_head(title_node.text(deep=True)) if title_node is not None else ""
    title_head = strip_site_suffix(title_tag) if title_tag else ""
    marked = _marked(tree)
    head_node, title = _headline(tree, marked.h1s, title_tag, title_head, metas)
    zone = _zone(head_node) if head_node is not None else []
    date, date_iso = _page_date(tree, zone, metas, ld)
    source = _zone_source(zone) or _meta_source(metas) or _class_source(marked.sources)
    source = source or ld.get("publisher") or None
    author = _zone_author(zone) or _meta_author(metas, ld, title_tag, title_head, source)
    if author and _cjk_page(title) and not _in_zone(author, zone):
        author = None
    return Metadata(
        title=title,
        date=date,
        date_iso=date_iso,
        author=author,
        source=source,
        editor=_zone_field(zone, "editor") or _class_editor(marked.editors),
        lang=_lang(tree, metas, title, zone),
    )


# Nodes page_metadata may read, as (attribute, substring) marks: each list is what the CSS
# query ``[attribute*="substring"], …`` would give, capped to its first few nodes.
_SOURCE_MARKS = (
    ("class", "source"),
    ("id", "source"),
    ("class", "media_name"),
    ("id", "media_name"),
)
_EDITOR_MARKS = (("class", "edit"), ("id", "editor"))
_MAX_H1 = 8
_MAX_MARKED = 10


def _css(marks: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f'[{attr}*="{part}"]' for attr, part in marks)


def _has_mark(attrs: dict[str, str | None], marks: tuple[tuple[str, str], ...]) -> bool:
    return any(part in (attrs.get(attr) or "") for attr, part in marks)


@dataclass(frozen=True, slots=True)
class _Marked:
    h1s: list[LexborNode]  # the first _MAX_H1 <h1> elements
    sources: list[LexborNode]  # the first _MAX_MARKED source-marked elements
    editors: list[LexborNode]  # the first _MAX_MARKED editor-marked elements


_MARKED_QUERY = f"h1, {_css(_SOURCE_MARKS)}, {_css(_EDITOR_MARKS)}"


def _marked(tree: LexborHTMLParser) -> _Marked:
    """The headline candidates and the source/editor-marked elements in one walk of the
    tree, sorted out by the same tests the separate selectors make (a node matching
    several selectors of the list comes back once per selector)."""
    found = _Marked([], [], [])
    seen: set[int] = set()
    for node in tree.css(_MARKED_QUERY):
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        attrs = node.attributes
        if node.tag == "h1" and len(found.h1s) < _MAX_H1:
            found.h1s.append(node)
        if len(found.sources) < _MAX_MARKED and _has_mark(attrs, _SOURCE_MARKS):
            found.sources.append(node)
        if len(found.editors) < _MAX_MARKED and _has_mark(attrs, _EDITOR_MARKS):
            found.editors.append(node)
    return found


def _text_of(node: LexborNode | None) -> str:
    return squash(node.text(deep=True)) if node is not None else ""


def _squashed_head(raw: str, limit: int = MAX_TITLE_CHARS) -> str:
    """The first ``limit`` characters of ``squash(raw)``, without squashing all of it (a
    space run squashes to one character, so 4 × limit raw characters are more than enough
    unless the text is mostly spaces, when the squashed start is merely shorter)."""
    return squash(raw[: 4 * limit])[:limit]


def _short_text(node: LexborNode, limit: int) -> str | None:
    """:func:`_text_of`, or None when that is longer than ``limit``. A container's long
    text is not squashed whole: its squashed start is already too long."""
    raw = node.text(deep=True)
    head = squash(raw[: 4 * limit])  # a prefix of the squashed whole
    if len(head) > limit:
        return None
    text = head if len(raw) <= 4 * limit else squash(raw)
    return text if len(text) <= limit else None


def _meta_map(tree: LexborHTMLParser | LexborNode) -> dict[str, str]:
    """First content per meta key (name/property/itemprop/http-equiv, lower-cased)."""
    out: dict[str, str] = {}
    for node in islice(tree.css("meta[content]"), _MAX_META):
        attrs = node.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop")
        key = key or attrs.get("http-equiv")
        content = attrs.get("content")
        if key and content and content.strip():
            out.setdefault(key.strip().lower(), _squashed_head(content))
    return out


def _jsonld(tree: LexborHTMLParser | LexborNode) -> dict[str, str]:
    """headline/datePublished/author/publisher from the first article-like JSON-LD."""
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


# -- title

# "-" separates without spaces only next to a CJK character ("…停机-某某新闻").
_TITLE_SEP = regex.compile(
    r"\s+[-|–—:·»]\s+|\s*[_|｜－—–]\s*|\s+-|-\s+|(?<=\p{Han})-|-(?=\p{Han})", regex.V1
)
_LOGO_HINT = regex.compile(r"logo|brand|site-?name", regex.V1 | regex.IGNORECASE)
_TITLE_SELECTORS = (
    'h2, h3, [class*="title"], [id*="title"], [class*="headline"], [itemprop="headline"]'
)


def _headline(
    tree: LexborHTMLParser,
    first_h1s: list[LexborNode],
    title_tag: str,
    head: str,
    metas: dict[str, str],
) -> tuple[LexborNode | None, str | None]:
    """The headline element and text; ``head`` is ``title_tag`` without its site suffix."""
    og = metas.get("og:title") or metas.get("twitter:title") or ""
    refs = [fingerprint(t) for t in (title_tag, og) if t]
    h1s = [n for n in first_h1s if not _logo_like(n) and _candidate_fp(n) is not None]
    best = _best_match(h1s, refs, fingerprint(head or og))
    others: list[LexborNode] = []
    if best is None and refs:
        others = list(islice(tree.css(_TITLE_SELECTORS), 80))
        best = _best_match(others, refs, fingerprint(head))
    best = best or _containing(h1s + others, fingerprint(head))
    if best is not None:
        return best, _visible_text(best)
    fallback = strip_site_suffix(og) if og else head
    if h1s and (_units(_visible_text(h1s[0])) >= 4 or not fallback):
        return h1s[0], _visible_text(h1s[0])  # a headline the <title> does not repeat
    return None, fallback or None


def _visible_text(node: LexborNode) -> str:
    """Element text without script/style content (broken markup can nest them)."""
    texts = [n.text_content or "" for n in _visible_texts(node, within=True)]
    return squash(" ".join(texts))


def _logo_like(node: LexborNode) -> bool:
    attrs = " ".join(v or "" for v in node.attributes.values())
    text = node.text(deep=True)  # squash(text) is empty: tested without building it
    return bool(_LOGO_HINT.search(attrs)) or not text or text.isspace()


def _candidate_fp(node: LexborNode) -> str | None:
    """The fingerprint of a headline candidate's text; None when it is too long to be one."""
    text = _short_text(node, MAX_HEADLINE_CHARS)
    return fingerprint(text) if text is not None else None


def _best_match(nodes: list[LexborNode], refs: list[str], head_fp: str) -> LexborNode | None:
    """The longest node text that is part of the page's title/og:title and covers most
    of its headline part (so a site name or a section label never wins)."""
    best: LexborNode | None = None
    best_len = 0
    need = max(2, int(len(head_fp) * 0.6))
    for node in nodes:
        fp = _candidate_fp(node)
        if fp is None or len(fp) < need or len(fp) <= best_len or len(fp) > 400:
            continue
        if any(fp in ref for ref in refs):
            best, best_len = node, len(fp)
    return best


def _containing(nodes: list[LexborNode], head_fp: str) -> LexborNode | None:
    """The first node whose text is the headline part plus a little (a title cut short
    in ``<title>``, or a headline with a short column label)."""
    for node in nodes:
        fp = _candidate_fp(node)
        if fp is not None and head_fp and head_fp in fp and len(fp) < 1.3 * len(head_fp):
            return node
    return None


def strip_site_suffix(title: str) -> str:
    """The headline part of a ``<title>``: trailing short segments (site, channel) cut
    while the rest stays longer than what is cut. Leading segments stay: in Chinese titles
    they are column names that belong to the headline ("棱镜|…")."""
    parts = _split_title(squash(title)[:MAX_TITLE_CHARS])
    sizes = [_units(seg) for _, seg in parts]
    rest = sum(sizes)
    # Running totals: one pass, however many segments a hostile title has.
    while len(parts) > 1:
        rest -= sizes[-1]
        if not _is_site_segment(sizes[-1], rest):
            break
        parts, sizes = parts[:-1], sizes[:-1]
    if len(parts) > 1 and _leading_site(parts):
        parts = [("", parts[1][1]), *parts[2:]]
    return _rejoin(parts)


def _leading_site(parts: list[tuple[str, str]]) -> bool:
    """A short non-CJK site name before a spaced separator ("Example News | Headline")."""
    first, sep = parts[0][1], parts[1][0]
    spaced = sep[:1].isspace() and sep[-1:].isspace()
    return spaced and not CJK_CHAR_RE.search(first) and _units(first) <= 4


def _split_title(title: str) -> list[tuple[str, str]]:
    """Segments with the separator that preceded each (first has '')."""
    out: list[tuple[str, str]] = []
    pos, sep = 0, ""
    try:  # collect first: the timeout must cover the matching, not this loop
        matches = list(_TITLE_SEP.finditer(title, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        return [("", title)]
    for m in matches:
        out.append((sep, title[pos : m.start()]))
        pos, sep = m.end(), m.group(0)
    out.append((sep, title[pos:]))
    return [p for p in out if p[1].strip()] or [("", title)]


def _rejoin(parts: list[tuple[str, str]]) -> str:
    return "".join(sep + seg for sep, seg in parts).strip() if parts else ""


def _is_site_segment(units: int, rest_units: int) -> bool:
    """A trailing title segment of ``units`` is a site/channel name when it is short and
    what stays before it is at least as long."""
    return units <= 12 and rest_units >= units


def _units(text: str) -> int:
    """The words of a title part: its tokens (a lone '|' or '&' is no word, and each CJK
    character is one)."""
    return len(tokens(text))


# -- the zone after the headline


@dataclass(frozen=True, slots=True)
class _Seg:
    text: str
    own: str  # class/id of the text's parent element, lower-cased
    hint: str  # ``own`` plus the grandparent's class/id
    link: bool  # the text is a link's text


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "textarea", "select", "iframe"})


def _zone(head: LexborNode) -> list[_Seg]:
    """The text nodes after the headline, up to the body's first prose paragraph."""
    segs: list[_Seg] = []
    chars = 0
    for node in _following(head):
        raw = node.text_content
        if not raw or raw.isspace():  # layout whitespace, most text nodes: skip the squash
            continue
        # Read in part: the zone stops at ZONE_CHARS anyway, and one text node can be huge.
        text = _squashed_head(raw, 4 * ZONE_CHARS)
        if _is_prose(text):
            break
        parent = node.parent
        own = _attrs_text(parent)
        up = _attrs_text(parent.parent) if parent is not None else ""
        segs.append(_Seg(text, own, f"{own} {up}", parent is not None and parent.tag == "a"))
        chars += len(text)
        if len(segs) >= ZONE_NODES or chars >= ZONE_CHARS:
            break
    return segs


_CJK_PUNCT = re.compile(r"[，。！？；]")


def _is_prose(text: str) -> bool:
    """A body sentence: the zone ends where the article starts."""
    if len(CJK_CHAR_RE.findall(text)) >= 25 and _CJK_PUNCT.search(text):
        return True
    return len(text) >= 160 and ". " in text


def _following(node: LexborNode) -> Iterator[LexborNode]:
    """Visible text nodes after ``node`` in document order (its descendants excluded);
    script/style and inline-hidden subtrees are skipped; at most ZONE_VISIT nodes."""
    return _visible_texts(node, within=False)


def _visible_texts(node: LexborNode, *, within: bool) -> Iterator[LexborNode]:
    """The text nodes of ``node``'s subtree (``within``) or of all that follows it, in
    document order, minus script/style and inline-hidden subtrees; every node visited
    counts against ZONE_VISIT. One loop over the child/next/parent links: no per-element
    list or generator, and the walk stops as soon as the caller does."""
    budget = ZONE_VISIT
    level = 0  # depth below the start node; the ``within`` walk never leaves level 0
    enter = within
    while budget > 0:
        if enter:
            budget -= 1
            tag = node.tag or "-"
            if tag == "-text":
                yield node
            elif not (tag in _SKIP_TAGS or tag.startswith("-") or is_hidden(node.attributes)):
                child = node.first_child
                if child is not None:
                    node, level = child, level + 1
                    continue
        enter = True
        # on to the next sibling, or the nearest ancestor's
        while True:
            if within and level == 0:
                return
            step = node.next
            if step is not None:
                node = step
                break
            step = node.parent
            if step is None:
                return
            node, level = step, level - 1


def _attrs_text(node: LexborNode | None) -> str:
    if node is None:
        return ""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().strip()


def _hint(node: LexborNode) -> str:
    return f"{_attrs_text(node)} {_attrs_text(node.parent)}"


# Plain word lists: stdlib ``re`` finds them several times faster than ``regex``.
_DATE_HINT = re.compile(r"date|time|publish|pub|post|发布")
# Whole class/id tokens: "rich_media_meta" is layout, "media_name"/"a_source" name the outlet.
_SOURCE_HINT = regex.compile(
    r"(?:^|\s)(?:[\w-]*source[\w-]*|[\w-]*nickname[\w-]*|media|media[-_]name|sour|from)(?=\s|$)",
    regex.V1,
)
_SOURCE_HINT_WORDS = re.compile("sour|nickname|media|from")  # one is in every _SOURCE_HINT
_AUTHOR_HINT = re.compile(r"author|byline|writer|reporter")
_SOURCE_LABEL = regex.compile(r"(?:来源|出处)\s*(?:[:：]\s*|\s+)(?P<v>[^\s|｜:：]{2,30})", regex.V1)
_AUTHOR_LABELS = frozenset({"作者", "记者", "撰文", "文", "by", "By"})
_FIELD_LABELS = {  # lazy, as _ROLE_SPLIT
    "editor": LazyRegex(
        Rule(
            "metadata.editor_label",
            rf"(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<v>{NAMES})",
            "a labelled editor in the header",
            ignore_case=False,
        )
    ),
}
#: Words one of which each _FIELD_LABELS pattern needs: a segment without any skips it.
_FIELD_WORDS = {"editor": ("编辑", "责编")}


def _zone_date(zone: list[_Seg]) -> DateMatch | None:
    """A date in the zone; text nodes are joined because pages often split the date
    and the time ("发布时间：09-30" + "22:46") into separate elements."""
    found = find_date(" ".join(s.text for s in zone))
    if found is not None and found.rule != "date.relative":
        return found
    for seg in zone:  # a relative date counts only inside a date-classed element
        rel = find_date(seg.text)
        if rel is not None and rel.rule == "date.relative" and _DATE_HINT.search(seg.hint):
            return rel
    return None


def _zone_source(zone: list[_Seg]) -> str | None:
    joined = " ".join(s.text for s in zone)
    label = _source_label(joined)
    if label is not None:
        return label
    for level in ("own", "hint"):  # the text's own element first, then its container
        for seg in zone:
            if _source_hint(getattr(seg, level)) and _name_like(seg.text):
                return _strip_source_label(seg.text)
    return _after_date(zone)


def _after_date(zone: list[_Seg]) -> str | None:
    """An unlabelled outlet printed right after the date ("2019-09-05 11:10 某网[整理]",
    or a link following the date element)."""
    for i, seg in enumerate(zone):
        found = find_date(seg.text)
        if found is None:
            continue
        rest = _BRACKET_NOTE.sub("", seg.text[found.end :]).strip(" |·")
        if rest:
            return rest if _name_like(rest) else None
        nxt = zone[i + 1] if i + 1 < len(zone) else None
        if nxt is None or not nxt.link or not _name_like(nxt.text):
            return None
        # A button after the date ('Email', 'Share', '打印') is no outlet.
        return nxt.text if classify_line(nxt.text) is None else None
    return None


_BRACKET_NOTE = re.compile(r"[\[【(（][^\]】)）]{1,4}[\]】)）]$")


def _strip_source_label(text: str) -> str:
    return str(_SOURCE_PREFIX.sub("", text))


_SOURCE_PREFIX = regex.compile(r"^(?:来源|出处)\s*[:：]\s*", regex.V1)


_NOT_NAME = regex.compile(r"[。，！？:：]|\d[-/:]\d|(?:作者|记者|编辑)$", regex.V1)


def _name_like(text: str) -> bool:
    """A short outlet/person name: no sentence punctuation, labels, dates or role words."""
    return 2 <= len(text) <= 30 and find_date(text) is None and not _NOT_NAME.search(text)


_CREDIT_HINT = regex.compile(
    r"记者|作者|撰文|编辑|采写|执笔|原创|文\s*[/:：]|^\W*(?:作者|记者|文)\W*$|^by\s",
    regex.V1 | regex.IGNORECASE,
)
#: Each word _CREDIT_HINT finds holds one of these characters, unless the text starts
#: with "by" (no other character folds to "b").
_CREDIT_CHARS = "记作撰编采执原文"


def _may_credit(text: str) -> bool:
    """False when :data:`_CREDIT_HINT` cannot match ``text``: a few substring tests cost
    less than that case-blind pattern, and most header lines (English ones all but
    always) fail them."""
    if text[:1] in ("b", "B"):
        return True
    return not text.isascii() and any(ch in text for ch in _CREDIT_CHARS)


def _zone_author(zone: list[_Seg]) -> str | None:
    for i, seg in enumerate(zone):
        # cheap gates before the full rule table
        if not _may_credit(seg.text) or not _CREDIT_HINT.search(seg.text):
            continue
        found = parse_byline(seg.text)
        if found is None and seg.text.strip(":： |·") in _AUTHOR_LABELS and i + 1 < len(zone):
            label = seg.text.strip(":： |·")
            found = parse_byline(f"{label}：{zone[i + 1].text}")  # label and name in two nodes
        if found is not None and found.author:
            return found.author
    for seg in zone:
        if _AUTHOR_HINT.search(seg.hint) and _name_like(seg.text):
            names = split_names(seg.text)
            return _join(names) if len(names) <= 3 else None
    return None


def _source_label(text: str) -> str | None:
    """The value of a "来源：…" label; the literal check spares the pattern's scan of the
    long texts of containers."""
    if "来源" not in text and "出处" not in text:
        return None
    m = search(_SOURCE_LABEL, text)
    return str(m.group("v")) if m is not None else None


def _source_hint(attrs: str) -> bool:
    return _SOURCE_HINT_WORDS.search(attrs) is not None and _SOURCE_HINT.search(attrs) is not None


def _zone_field(zone: list[_Seg], field: str) -> str | None:
    words = _FIELD_WORDS[field]
    for seg in zone:
        if not any(word in seg.text for word in words):
            continue
        m = search(_FIELD_LABELS[field], seg.text)
        if m is not None:
            return _join(split_names(m.group("v")))
    return None


# -- date

_DATE_SELECTORS = 'time, [class*="date"], [class*="time"], [id*="date"], [id*="time"]'
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "pubdate", "publishdate",
    "datepublished", "date", "dc.date", "dc.date.issued", "publish_date", "og:published_time",
    "sailthru.date", "parsely-pub-date", "article.published", "dateupdate", "article:modified_time",
)  # fmt: skip


def _page_date(
    tree: LexborHTMLParser, zone: list[_Seg], metas: dict[str, str], ld: dict[str, str]
) -> tuple[str | None, str | None]:
    """The visible date (as written) and its ISO form; the ISO year comes from a meta
    timestamp when the page prints only month and day."""
    machine = _machine_date(metas, ld)
    written = _zone_date(zone)
    if written is None and machine is None:
        machine = _machine_date(metas, _jsonld(tree))  # JSON-LD placed in the body
        written = _class_date(tree)
    if written is None:
        return machine or (None, None)
    return written.text, fill_year(written, machine[1] if machine else None)


def _machine_date(metas: dict[str, str], ld: dict[str, str]) -> tuple[str, str | None] | None:
    """A meta or JSON-LD timestamp and its ISO form (a date search costs more than the
    rest of this function: the match that picks the meta key gives the ISO form too)."""
    for key in _META_DATE_KEYS:
        found = find_date(metas[key]) if key in metas else None
        if found is not None:
            return metas[key], found.iso
    date = ld.get("date")
    return (date, normalize(date)) if date else None


def _class_date(tree: LexborHTMLParser) -> DateMatch | None:
    for node in islice(tree.css(_DATE_SELECTORS), 30):
        text = _short_text(node, 80)
        if not text:
            continue
        found = find_date(text)
        if found is not None and (found.rule != "date.relative" or _DATE_HINT.search(_hint(node))):
            return found
        stamp = node.attributes.get("datetime") if node.tag == "time" else None
        # As long as the text read above: a longer value is no timestamp.
        found = find_date(stamp) if stamp and len(stamp) <= 80 else None
        if found is not None:
            return found
    return None


# -- source, author, editor fallbacks


def _class_source(nodes: list[LexborNode]) -> str | None:
    for node in nodes:
        text = _text_of(node)
        label = _source_label(text)
        if label is not None:
            return label
        if _name_like(text) and len(text) <= 16:
            return text
    return None


def _meta_source(metas: dict[str, str]) -> str | None:
    for key in ("source", "article:source", "og:article:source", "dc.source"):
        if key in metas:
            value = (_strip_source_label(metas[key]).split() or [""])[0]
            return value if _name_like(value) else None
    return None


_BY_PREFIX = regex.compile(r"^by\s+", regex.V1 | regex.IGNORECASE)


def _meta_author(
    metas: dict[str, str], ld: dict[str, str], title_tag: str, headline: str, source: str | None
) -> str | None:
    """A meta/JSON-LD author, unless it is the site itself or a numeric staff id."""
    value = ld.get("author") or metas.get("author") or metas.get("article:author")
    value = value or metas.get("og:article:author") or metas.get("byl") or ""
    value = _BY_PREFIX.sub("", value).strip()
    if not value or value.isdigit() or "." in value or "/" in value or len(value) > 60:
        return None
    suffix = title_tag.rsplit(headline, 1)[-1] if headline else title_tag
    site = " ".join([suffix, source or ""])
    site += " " + metas.get("og:site_name", "")
    return None if value in site else value


def _cjk_page(title: str | None) -> bool:
    return bool(title and CJK_CHAR_RE.search(title))


def _in_zone(name: str, zone: list[_Seg]) -> bool:
    """Chinese portals put their own name in meta author; trust it only when the header
    shows it too."""
    return any(name in seg.text for seg in zone)


def _class_editor(nodes: list[LexborNode]) -> str | None:
    for node in nodes:
        text = _short_text(node, 2 * MAX_BYLINE_CHARS)  # parse_byline takes no longer line
        found = parse_byline(text) if text is not None else None
        if found is not None and found.editor:
            return found.editor
    return None


# -- language

_LANG_CODE = regex.compile(r"^[a-z]{2,3}(?=$|[-_])", regex.V1 | regex.IGNORECASE)
# Runs, not single characters: counting run lengths is several times faster.
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]+", regex.V1)
_HANGUL = regex.compile(r"\p{Hangul}+", regex.V1)
_HAN = regex.compile(r"\p{Han}+", regex.V1)
_LATIN = regex.compile(r"\p{Latin}+", regex.V1)


def _lang(
    tree: LexborHTMLParser, metas: dict[str, str], title: str | None, zone: list[_Seg]
) -> str | None:
    html = tree.css_first("html")
    declared = html.attributes.get("lang") or html.attributes.get("xml:lang") if html else None
    declared = declared or metas.get("content-language") or metas.get("language")
    if declared:
        m = _LANG_CODE.match(declared.strip())
        if m:
            return str(m.group(0)).lower()
    return guess_lang(" ".join([title or "", *(s.text for s in zone), _body_sample(tree)]))


def _body_sample(tree: LexborHTMLParser) -> str:
    body = tree.body
    if body is None:
        return ""
    texts: list[str] = []
    for node in islice(body.traverse(include_text=True), _LANG_SAMPLE_NODES):
        if node.tag == "-text" and node.parent is not None and node.parent.tag not in _SKIP_TAGS:
            texts.append(node.text_content or "")
    return " ".join(texts)[:1200]


_LETTERS = regex.compile(r"\p{L}+", regex.V1)


def _count(runs: regex.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the one-class pattern ``runs`` covers."""
    return sum(map(len, runs.findall(text)))


def guess_lang(text: str) -> str | None:
    """zh/ja/ko by CJK script share, en for mostly-Latin text, else None."""
    letters = _count(_LETTERS, text)
    if letters < 10:
        return None
    han = _count(_HAN, text)
    kana = _count(_KANA, text)
    hangul = _count(_HANGUL, text)
    cjk = han + kana + hangul
    if cjk / letters >= 0.3:
        if kana >= 0.1 * cjk:
            return "ja"
        return "ko" if hangul > han else "zh"
    return "en" if _count(_LATIN, text) / letters >= 0.8 else None
