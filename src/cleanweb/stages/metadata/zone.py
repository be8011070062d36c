"""The zone after the headline: the few visible text lines between the headline and the
body, where readers see the date, the outlet and the writer ("2020年02月26日 16:12
来源:中国新闻网", "By Jane Doe")."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import regex
from selectolax.lexbor import LexborNode

from cleanweb.measures import CJK_CHAR_RE
from cleanweb.rules.base import patterns, search
from cleanweb.rules.metadata import (
    AUTHOR_LABELS,
    BYLINE_PARTS,
    CREDIT_CHARS,
    HINT_RULES,
    NEEDLE_PATTERNS,
    ZONE_RULES,
)
from cleanweb.rules.text import classify_line
from cleanweb.stages.metadata.bylines import join_names, parse_byline, split_names
from cleanweb.stages.metadata.dates import DateMatch, find_date
from cleanweb.stages.metadata.nodes import attrs_text, following, squashed_head
from cleanweb.stages.metadata.record import Found, found

#: Text nodes read after the headline when looking for its date/source line.
ZONE_NODES = 40
ZONE_CHARS = 400

# Clock times, weekdays and zones beside a date ("13:24 WIB", "à 13h36") are no outlet.
_CLOCK = patterns(BYLINE_PARTS)["metadata.byline.clock"]

# Each rule's needles (None: it has none) and pattern.
_RULES = MappingProxyType({
    rule_id: (NEEDLE_PATTERNS.get(rule_id), pattern)
    for rule_id, pattern in (*patterns(ZONE_RULES).items(), *patterns(HINT_RULES).items())
})
# The rules that ignore case: their needles are lower-case, so they are looked for in the
# lower-cased text.
_FOLDED = frozenset(rule.id for table in (ZONE_RULES, HINT_RULES) for rule in table
                    if rule.ignore_case)


def _match(rule_id: str, text: str) -> regex.Match[str] | None:
    """The rule's match in ``text``; skipped when the rule has needles and none occurs."""
    needles, pattern = _RULES[rule_id]
    if needles is not None:
        hay = text.lower() if rule_id in _FOLDED else text
        if needles.search(hay) is None:
            return None
    return search(pattern, text)


@dataclass(frozen=True, slots=True)
class Line:
    """One text node of the zone."""

    text: str
    own: str  # class/id of the text's parent element, lower-cased
    hint: str  # ``own`` plus the grandparent's class/id
    link: bool  # the text is a link's text


def zone_lines(head: LexborNode) -> list[Line]:
    """The text nodes after the headline, up to the body's first prose paragraph."""
    lines: list[Line] = []
    chars = 0
    for node in following(head):
        raw = node.text_content
        if not raw or raw.isspace():  # layout whitespace, most text nodes: skip the squash
            continue
        # Read in part: the zone stops at ZONE_CHARS anyway, and one text node can be huge.
        text = squashed_head(raw, 4 * ZONE_CHARS)
        if is_prose(text):
            break
        parent = node.parent
        own = attrs_text(parent)
        up = attrs_text(parent.parent) if parent is not None else ""
        lines.append(Line(text, own, f"{own} {up}", parent is not None and parent.tag == "a"))
        chars += len(text)
        if len(lines) >= ZONE_NODES or chars >= ZONE_CHARS:
            break
    return lines


def is_prose(text: str) -> bool:
    """A body sentence: the zone ends where the article starts."""
    if len(CJK_CHAR_RE.findall(text)) >= 25 and _match("metadata.zone.prose", text):
        return True
    return len(text) >= 160 and ". " in text


def zone_date(lines: list[Line]) -> DateMatch | None:
    """A date in the zone; text nodes are joined because pages often split the date
    and the time ("发布时间：09-30" + "22:46") into separate elements."""
    found = find_date(" ".join(line.text for line in lines))
    if found is not None and found.rule != "date.relative":
        return found
    for line in lines:  # a relative date counts only inside a date-classed element
        rel = find_date(line.text)
        if rel is not None and rel.rule == "date.relative" and date_hint(line.hint):
            return rel
    return None


def zone_source(lines: list[Line]) -> Found | None:
    label = source_label(" ".join(line.text for line in lines))
    if label is not None:
        return found("source", label, "metadata.source.zone_label")
    for level in ("own", "hint"):  # the text's own element first, then its container
        for line in lines:
            if _source_hint(getattr(line, level)) and name_like(line.text):
                return found("source", strip_source_label(line.text),
                             "metadata.source.zone_element")
    return found("source", _after_date(lines), "metadata.source.after_date")


def _after_date(lines: list[Line]) -> str | None:
    """An unlabelled outlet printed right after the date ("2019-09-05 11:10 某网[整理]",
    or a link following the date element)."""
    for i, line in enumerate(lines):
        found = find_date(line.text)
        if found is None:
            continue
        rest = line.text[found.end :]
        note = _match("metadata.zone.bracket_note", rest)
        rest = (rest[: note.start()] if note is not None else rest).strip(" |·")
        if rest and search(_CLOCK, rest) is not None:
            return None  # the date's own clock or zone ('13:24 WIB', 'à 13h36'), no outlet
        if rest:
            return rest if name_like(rest) else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None or not nxt.link or not name_like(nxt.text):
            return None
        if _match("metadata.hint.filing", nxt.hint) is not None:
            return None  # a category or tag link
        # A button after the date ('Email', 'Share', '打印') is no outlet.
        return nxt.text if classify_line(nxt.text) is None else None
    return None


def strip_source_label(text: str) -> str:
    m = _match("metadata.zone.source_prefix", text)
    return text[m.end() :] if m is not None else text


def name_like(text: str) -> bool:
    """A short outlet/person name: no sentence punctuation, labels, dates or role words, and
    not a byline's lead word alone."""
    return (2 <= len(text) <= 30 and find_date(text) is None
            and _match("metadata.zone.not_name", text) is None
            and _match("metadata.zone.lead_word", text) is None)


def may_credit(text: str) -> bool:
    """False when metadata.zone.credit cannot match ``text``: a few substring tests cost
    less than that case-blind pattern, and most header lines (English ones all but
    always) fail them."""
    if text[:1] in ("b", "B"):
        return True
    return not text.isascii() and any(ch in text for ch in CREDIT_CHARS)


def zone_author(lines: list[Line]) -> Found | None:
    for i, line in enumerate(lines):
        # cheap gates before the full rule table
        if not may_credit(line.text) or _match("metadata.zone.credit", line.text) is None:
            continue
        byline = parse_byline(line.text)
        label = line.text.strip(":： |·")
        if byline is None and label in AUTHOR_LABELS and i + 1 < len(lines):
            byline = parse_byline(f"{label}：{lines[i + 1].text}")  # label and name in two nodes
        if byline is not None and byline.author:
            return Found("author", byline.author, "metadata.author.zone_credit")
    for line in lines:
        if _match("metadata.hint.author", line.hint) and name_like(line.text):
            names = split_names(line.text)
            author = join_names(names) if len(names) <= 3 else None
            return found("author", author, "metadata.author.zone_element")
    return None


def in_zone(name: str, lines: list[Line]) -> bool:
    """Chinese portals put their own name in meta author; trust it only when the header
    shows it too."""
    return any(name in line.text for line in lines)


def source_label(text: str) -> str | None:
    """The value of a "来源：…" label (the needles spare the pattern's scan of the long
    texts of containers)."""
    m = _match("metadata.zone.source_label", text)
    return str(m.group("v")) if m is not None else None


def _source_hint(attrs: str) -> bool:
    return _match("metadata.hint.source", attrs) is not None


def date_hint(attrs: str) -> bool:
    """Whether class/id names mark a date or time element."""
    return _match("metadata.hint.date", attrs) is not None


def zone_editor(lines: list[Line]) -> Found | None:
    for line in lines:
        m = _match("metadata.zone.editor_label", line.text)
        if m is not None:
            return found("editor", join_names(split_names(m.group("v"))),
                         "metadata.editor.zone_label")
    return None
