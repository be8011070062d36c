"""What the registry of rule tables (:data:`cleanweb.rules.TABLES`) knows about each table.

A :class:`Table` holds a table's rules, how the table reads a text (the plain table: which
of its rules decide it, in the order the table applies them), the pipeline's faster path
to the same answer where there is one (prefilters, guards), and how a synthetic page shows
one of its rules deciding (:class:`Page`). The tests and :mod:`cleanweb.rules.generate`
work from this alone, so a table listed in the registry gets its example tests and its
rule-case pages without further code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import takewhile

from cleanweb.measures import squash
from cleanweb.rules.base import NameRule, NameTable, Rule, RuleSet, admits, name_words
from cleanweb.rules.byline import DATE_LABEL_RULES
from cleanweb.rules.structure import NAME_FILTERS
from cleanweb.rules.text import classify_line
from cleanweb.stages.metadata import inline_credit, parse_byline
from cleanweb.stages.metadata.dates import find_date

AnyRule = Rule | NameRule
#: The ids of the rules of a table that decide a text, in the order the table applies them.
Reader = Callable[[str], Sequence[str]]
#: The id of the rule the pipeline's own (prefiltered) path picks for a text, or None.
Picker = Callable[[str], str | None]


class Shape(StrEnum):
    """How a rule-case page sets a rule's example into the template article."""

    LINE = "line"  # a paragraph of its own
    CAPTION = "caption"  # a paragraph right under an image
    HEADING = "heading"  # a subheading followed by two short list-like lines
    CLASS = "class"  # the class of a box of navigation links
    ROLE = "role"  # the ARIA role of such a box
    TAG = "tag"  # the element of such a box
    CLASS_CAPTION = "class_caption"  # the class of a box holding a short caption
    CLASS_HEADING = "class_heading"  # the class of a paragraph holding a subheading
    CLASS_CONTENT = "class_content"  # a class beside "comments" on a box of two comments
    PREFIX = "prefix"  # the start of the first paragraph
    SUFFIX = "suffix"  # the end of the last paragraph


class Place(StrEnum):
    """Where in the template article the example goes."""

    LEAD = "lead"  # right under the headline
    MIDDLE = "middle"  # between the second and the third paragraph
    END = "end"  # after the last paragraph


@dataclass(frozen=True, slots=True)
class Page:
    """How a rule-case page shows a rule deciding: the rule's first example set as
    ``shape`` at ``place``. ``fills`` names the metadata fields the example goes to (the
    page's expected output leaves them to the test, which checks they come from the
    example); ``field``, when set, is the one the rule reads: the test reads the page's
    value of it with the rule's table, where explain names no rule."""

    shape: Shape = Shape.LINE
    place: Place = Place.MIDDLE
    fills: tuple[str, ...] = ()
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """One rule table as the tests and the generator see it (see the module docstring).

    ``page`` says how a rule-case page shows each rule (None: the table's rules get no
    rule-case page, only their example tests). ``fast`` is the pipeline's own path to the
    first decision, checked against ``read`` on every example and near miss. ``source`` is
    the table object it was made from, so a table listed twice counts once."""

    name: str
    rules: tuple[AnyRule, ...]
    read: Reader
    fast: Picker | None = None
    page: Callable[[AnyRule], Page] | None = None
    source: RuleSet | NameTable | None = None

    @classmethod
    def of(cls, name: str, rules: RuleSet | NameTable, *,
           prepare: Callable[[str], str] | None = None, fast: Picker | None = None,
           page: Callable[[AnyRule], Page] | None = None) -> Table:
        """A table read the plain way: a :class:`RuleSet` searches the text (after
        ``prepare``) in table order; a :class:`NameTable` looks up the words of a class
        or id value in the order they come."""
        if isinstance(rules, NameTable):
            return cls(name, tuple(rules), read_names(rules), fast, page, rules)
        return cls(name, tuple(rules), read_lines(rules, prepare), fast, page, rules)

    def decides(self, text: str) -> str | None:
        """The id of the rule of this table that decides ``text`` (the first to match)."""
        ids = self.read(text)
        return ids[0] if ids else None


#: An entry of :data:`cleanweb.rules.TABLES`: a :class:`Table`, or a bare table, which is
#: read the plain way and gets no rule-case pages.
Listed = Table | RuleSet | NameTable


def tables(listed: Iterable[Listed]) -> tuple[Table, ...]:
    """The listed tables as :class:`Table`, each once (by the table object it reads)."""
    out: list[Table] = []
    seen: set[int] = set()
    for entry in listed:
        table = entry if isinstance(entry, Table) else Table.of(_name(entry), entry)
        key = id(table.source if table.source is not None else table)
        if key not in seen:
            seen.add(key)
            out.append(table)
    return tuple(out)


def _name(rules: RuleSet | NameTable) -> str:
    """A bare table's name: what its rule ids share before their last part."""
    heads = [r.id.split(".")[:-1] for r in rules]
    shared = heads[0] if heads else []
    for head in heads[1:]:
        pairs = zip(shared, head, strict=False)
        shared = [a for a, _ in takewhile(lambda pair: pair[0] == pair[1], pairs)]
    return ".".join(shared) or "rules"


def registered() -> tuple[Table, ...]:
    """The tables of :data:`cleanweb.rules.TABLES`, as :func:`tables` gives them."""
    from cleanweb.rules import TABLES  # here: building the listing imports this module

    return tables(TABLES)


def read_lines(rules: RuleSet, prepare: Callable[[str], str] | None = None) -> Reader:
    """Every rule of ``rules`` whose pattern occurs in ``text`` (after ``prepare``)."""
    def read(text: str) -> Sequence[str]:
        return [r.id for r in rules.all(prepare(text) if prepare else text)]
    return read


def _by_name(table: NameTable) -> dict[str, NameRule]:
    return {name: rule for rule in table for name in rule.names.split()}


def read_names(table: NameTable) -> Reader:
    """The rules naming a word of the class/id value, by the words' order (the segmenter's
    reading: the first word that names a rule decides)."""
    index = _by_name(table)

    def read(value: str) -> Sequence[str]:
        found = (index.get(word) for word in name_words(value.lower(), NAME_FILTERS))
        return list(dict.fromkeys(r.id for r in found if r is not None))
    return read


def read_filters(table: RuleSet) -> Reader:
    """The filters that leave tokens of a class/id value unread (see
    :func:`cleanweb.rules.base.unread_tokens`), in table order."""
    def read(value: str) -> Sequence[str]:
        low = value.lower()
        return [rule.id for i, rule in enumerate(table)
                if admits(rule, low) and table.pattern(i).search(low) is not None]
    return read


def read_exact(table: NameTable) -> Reader:
    """The rule listing the whole value (a tag or an ARIA role), if any."""
    index = _by_name(table)

    def read(value: str) -> Sequence[str]:
        rule = index.get(value.strip().lower())
        return [rule.id] if rule is not None else []
    return read


def picker(pick: Callable[[str], str | None], ids: Iterable[str]) -> Picker:
    """``pick``, answering None for a rule of another table (a path that serves several)."""
    own = frozenset(ids)

    def fast(text: str) -> str | None:
        found = pick(text)
        return found if found in own else None
    return fast


def by_action(pages: Mapping[str, Page], default: Page) -> Callable[[AnyRule], Page]:
    """A table's pages chosen by each rule's action."""
    def page(rule: AnyRule) -> Page:
        return pages.get(rule.action, default)
    return page


# -- how the pipeline reads the package's own tables ----------------------------------------


def classified(line: str) -> str | None:
    """The text rule :func:`~cleanweb.rules.text.classify_line` picks (first-character
    table and scanner needles in front of the patterns)."""
    rule = classify_line(line)
    return rule.id if rule is not None else None


def byline_kind(line: str) -> str | None:
    """The rule the metadata stage's byline parser names (lead-word guards in front)."""
    found = parse_byline(line)
    return found.kind if found is not None else None


def inline_kind(paragraph: str) -> str | None:
    found = inline_credit(paragraph)
    return found.kind if found is not None else None


def date_kind(text: str) -> str | None:
    found = find_date(text)
    return found.rule if found is not None else None


def date_label_read(line: str) -> Sequence[str]:
    """The date-label rules matching what a date line holds besides its first date (the
    label around it); none for a line without a date."""
    found = find_date(line)
    if found is None:
        return []
    rest = squash(line[: found.start] + " " + line[found.end :])
    return [r.id for r in DATE_LABEL_RULES.all(rest)]


def inline_page(rule: AnyRule) -> Page:
    """A credit read at the start of a paragraph opens the first one, else it closes the
    last one."""
    starts = isinstance(rule, Rule) and rule.pattern.startswith("^")
    return Page(Shape.PREFIX if starts else Shape.SUFFIX, fills=("author",))
