"""Byline and credit lines: :func:`parse_byline` classifies one text line as a
credit/byline/editor/source/date line (to be removed from the body), :func:`inline_credit`
finds a reporter named inside a body paragraph, :func:`split_names` cuts a credit into
names. The whole-line rules are in :mod:`cleanweb.rules.byline`; the patterns that take a
line apart (brackets, counters, clock times, labels, roles, names) in
:mod:`cleanweb.rules.metadata`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import regex

from cleanweb.measures import squash
from cleanweb.rules.base import (
    LazyRegex,
    Rule,
    finditer,
    patterns,
    search,
    search_with_needles,
    split,
    sub,
)
from cleanweb.rules.byline import (
    BYLINE_RULES,
    DATE_LABEL_RULES,
    INLINE_RULES,
    NAME_NOTES,
    NO_NAME,
    ROLE_FIELDS,
    RULE_GUARDS,
    SHORT_ROLE_FIELDS,
)
from cleanweb.rules.metadata import (
    BYLINE_PARTS,
    NAME_RULES,
    NAME_SPLITS,
    NEEDLE_PATTERNS,
    OPEN_BRACKET,
    OPEN_CHARS,
)
from cleanweb.stages.metadata.dates import DATE_DIGITS, find_date
from cleanweb.stages.metadata.record import Byline

#: Longest line parse_byline considers; credit lines are short, body paragraphs are not.
MAX_BYLINE_CHARS = 90

# compiled on first use: most lines never reach a rule (see _GUARDED), and import stays cheap
_COMPILED = {r.id: LazyRegex(r) for r in (*BYLINE_RULES, *INLINE_RULES)}
_PARTS = patterns(BYLINE_PARTS)
_NOISE = _PARTS["metadata.byline.noise"]
_NOISE_WORDS = NEEDLE_PATTERNS["metadata.byline.noise"]
_WRAPPED = _PARTS["metadata.byline.wrapped"]
_CLOCK = _PARTS["metadata.byline.clock"]
_LABEL = _PARTS["metadata.byline.label"]
_ROLE_SPLIT = _PARTS["metadata.byline.role_split"]
_NAMES = patterns(NAME_RULES)
_LATIN_NAMES = _NAMES["metadata.names.latin"]
_STAFF_CODE = _NAMES["metadata.names.staff_code"]
_NAME_PREFIX = _NAMES["metadata.names.prefix"]
_SPLITS = patterns(NAME_SPLITS)
_EN_NAME_SPLIT = _SPLITS["metadata.names.en_split"]
_NAME_SPLIT = _SPLITS["metadata.names.split"]
_ROLE_OF = dict((*ROLE_FIELDS, *SHORT_ROLE_FIELDS))


def compile_patterns() -> None:
    """Compile the byline patterns now (see :func:`cleanweb.extract.compile_rules`)."""
    for lazy in _COMPILED.values():
        lazy.get()
    for table in (DATE_LABEL_RULES, BYLINE_PARTS, NAME_RULES, NAME_SPLITS):
        table.compile_all()


# Each whole-line rule with its compiled guard (see RULE_GUARDS), in table order.
_GUARDED = tuple(
    (rule, re.compile(RULE_GUARDS[rule.id]), _COMPILED[rule.id]) for rule in BYLINE_RULES
)
# The gate every byline passes, in three scans of the raw line: a rule's lead word at its
# start (before squash and unwrap, hence the optional space and bracket), a lead word
# anywhere for the unanchored rules, or a digit-led date. (A line that is only a
# relative date, "昨天", is no byline.) Built from the guards of the byline rules.
_LEADS = re.compile(
    rf"\s*{OPEN_BRACKET}?\s*(?:"
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


def parse_byline(line: str) -> Byline | None:
    """A :class:`Byline` when the whole ``line`` is a credit/byline/editor/source/date line
    that belongs in metadata; None for anything else (body text mentioning such words)."""
    if len(line) > 2 * MAX_BYLINE_CHARS or not _may_be_byline(line):
        return None
    text = _unwrap(squash(line))
    if _NOISE_WORDS.search(text) is not None:
        text = sub(_NOISE, "", text)
    text = text.strip()
    if not text or len(text) > MAX_BYLINE_CHARS:
        return None
    return _match_rules(text) or _date_line(text)


def _unwrap(text: str) -> str:
    m = search(_WRAPPED, text) if text[:1] in OPEN_CHARS else None
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
        author=join_names(_unique(fields["author"])),
        editor=join_names(_unique(fields["editor"])),
        source=source.strip("《》 ") if source else None,
    )


def _role_credits(text: str) -> Iterator[tuple[str, str]]:
    for m in finditer(_ROLE_SPLIT, text):
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


def _labelled_dates(rest: str) -> Rule | None:
    """The dateline rule, when what a date line holds besides its first date is only labels,
    clock times, weekdays, zones and more dates, in parts split by '|' or ';'
    ('Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019')."""
    rules = [DATE_LABEL_RULES.first(_without_dates(part))
             for part in rest.replace(";", "|").split("|")]
    return rules[0] if all(rules) else None


def _without_dates(text: str) -> str:
    text = sub(_CLOCK, " ", text)  # on a timeout, as for every pattern on page text: no match
    for _ in range(2):  # an 'Updated' part brings a date of its own
        found = find_date(text)
        if found is None:
            break
        text = text[: found.start] + " " + text[found.end :]
    return squash(text.replace(",", " "))


def _strip_labels(text: str) -> str:
    m = search(_LABEL, text)
    return (text[m.end() :] if m is not None else text).strip(" |·,")


def split_names(raw: str) -> list[str]:
    """Clean name tokens from a credit: staff codes, outlet prefixes and notes dropped."""
    latin = search(_LATIN_NAMES, raw) is not None and " " in raw.strip()
    out: list[str] = []
    for token in split(_EN_NAME_SPLIT if latin else _NAME_SPLIT, raw.strip()):
        name = _clean_name(token)
        if name and name not in out:
            out.append(name)
    return out


def _clean_name(token: str) -> str:
    token = token.strip()
    prefix = search_with_needles(_NAME_PREFIX, NEEDLE_PATTERNS["metadata.names.prefix"], token)
    name = token[prefix.end() :] if prefix is not None else token
    code = search_with_needles(_STAFF_CODE, NEEDLE_PATTERNS["metadata.names.staff_code"], name)
    name = name[: code.start()] if code is not None else name
    for note in NAME_NOTES:
        if name.endswith(note) and len(name) > len(note):
            name = name[: -len(note)]
    name = name.strip(" .·-_")
    if name in NAME_NOTES or name.lower() in NO_NAME or _ROLE_OF.get(name) is not None:
        return ""
    return name


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def join_names(names: list[str]) -> str | None:
    """Names joined with ', ' when all are in Latin letters, else with '、'."""
    if not names:
        return None
    latin = all(search(_LATIN_NAMES, n) for n in names)
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
                return Byline(kind=rule.id, author=join_names(names))
    return None
