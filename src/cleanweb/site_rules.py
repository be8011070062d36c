"""Site rules: what a user knows about one site's template, as data.

A :class:`SiteRule` applies to pages whose URL host is one of its domains (or a
subdomain of one) and, when given, whose URL matches its pattern. It can drop
elements (CSS, or XPath where CSS cannot say it), name the main-content container,
drop text lines, name the elements that hold the title/date/author/source/editor,
and name caption elements. A :class:`RulePack` holds the rules of one or more
sites, usually read from TOML with :meth:`RulePack.load`; pass it as
``Options(site_rules=...)``. Everything is checked when the rule is built, so a bad
selector or pattern is a :class:`RulePackError` at load time, never a surprise
during extraction. The format is described in docs/site-rules.md.

Rules act through the same stages as the generic rules: the elements they match are
found once on the parsed tree and handed to the segmenter in a table keyed by element
(:attr:`SiteEffects.elements`), so ``explain`` names the site rule that decided, and no
re-parse is needed. Nothing is written into the tree: an attribute there would be one the
page itself could carry. Inline elements a rule drops are taken out of the tree instead,
so the sentence around them stays one block.

Precedence:

- Site rules over generic rules: an element a site rule matches is decided by that
  rule (dropped, forced main container, caption), whatever the generic class/tag
  tables say about it. A site ``main`` container replaces the scored region; the
  generic rules still judge the blocks inside it. ``drop_lines`` drop lines the
  generic rules kept; lines the generic rules already dropped keep their generic
  reason. A metadata selector that finds a non-empty element replaces the generic
  value; when it finds nothing, the generic value stays.
- Several site rules on one page: the more specific rule wins — the one whose
  matching domain has more labels ("news.example.com" over "example.com"), then one
  with a URL pattern over one without, then pack order (files by name, rules in
  file order). For each element, metadata field and line, the first rule in that
  order that acts on it decides; later rules do not overwrite it. Within one rule,
  ``drop`` comes before ``drop_xpath``, ``captions`` and ``main``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple
from urllib.parse import urlsplit

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from cleanweb.measures import squash
from cleanweb.rules.base import search
from cleanweb.rules.structure import INLINE_TAGS
from cleanweb.stages.metadata import Metadata
from cleanweb.stages.metadata.dates import normalize
from cleanweb.stages.metadata.record import Found, settle

if TYPE_CHECKING:
    import lxml.etree  # type: ignore[import-untyped]

#: Metadata fields a rule may take from an element's text.
META_FIELDS = ("title", "date", "author", "source", "editor")

_ID_RE = regex.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# A tiny document to compile CSS selectors against: selectolax only reports a bad
# selector when it is used.
_PROBE_HTML = "<html><body><p></p></body></html>"


class RulePackError(ValueError):
    """A rule pack that cannot be used: which file, which rule, what is wrong."""


# ---------------------------------------------------------------- hosts and domains


def host_key(host: str) -> str:
    """A host name in one comparable form: lower case, no trailing dot, IDN labels in
    punycode (so "bücher.de" and "xn--bcher-kva.de" are the same host)."""
    host = host.strip().rstrip(".").lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:  # not a valid IDN: compare the lower-cased text as it is
        return host


def parse_domain(entry: str) -> tuple[str, int | None]:
    """A ``domains`` entry ("example.com", "bücher.de", "example.com:8080") as
    (host key, port or None); ValueError says why an entry is not a domain."""
    text = entry.strip()
    if not text:
        raise ValueError("empty domain")
    if any(c in text for c in "/?#@* \t") or "://" in text:
        raise ValueError(f"domain {entry!r} must be a bare host name (subdomains match "
                         "too; no scheme, path or wildcard)")
    parts = urlsplit("//" + text)
    try:
        port = parts.port
    except ValueError as err:
        raise ValueError(f"domain {entry!r}: bad port") from err
    host = host_key(parts.hostname or "")
    if not host or ("." not in host.strip("[]:") and host != "localhost"):
        raise ValueError(f"domain {entry!r} is not a host name")
    return host, port


def url_host(url: str) -> tuple[str, int | None]:
    """The (host key, effective port) of a URL; the port is the scheme's default when
    the URL names none, None when it is unknown or malformed."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None:
        port = _DEFAULT_PORTS.get(parts.scheme.lower())
    return host_key(parts.hostname or ""), port


def domain_depth(host: str, port: int | None, domain: tuple[str, int | None]) -> int:
    """How many labels of ``host`` the domain matches (it or a subdomain of it), 0 when
    it does not; a domain with a port matches only URLs on that port."""
    name, want_port = domain
    if want_port is not None and want_port != port:
        return 0
    if host == name or host.endswith("." + name):
        return name.count(".") + 1
    return 0


# ---------------------------------------------------------------- checking a rule


def _check_css(selector: str) -> None:
    if not selector.strip():
        raise ValueError("empty CSS selector")
    try:
        LexborHTMLParser(_PROBE_HTML).css(selector)
    except (SelectolaxError, ValueError) as err:
        raise ValueError(f"bad CSS selector {selector!r}") from err


def _check_xpath(expr: str) -> lxml.etree.XPath:
    import lxml.etree  # only rules with XPath need lxml: importing it on demand saves startup

    try:
        return lxml.etree.XPath(expr)
    except lxml.etree.XPathSyntaxError as err:
        raise ValueError(f"bad XPath {expr!r}: {err}") from err


def _compile(pattern: str, what: str) -> regex.Pattern[str]:
    if not pattern:
        raise ValueError(f"empty {what}")
    try:
        compiled = regex.compile(pattern, regex.V1)
    except regex.error as err:
        raise ValueError(f"bad {what} {pattern!r}: {err}") from err
    if search(compiled, "") is not None:
        # It would match every line (or every URL): almost surely a mistake.
        raise ValueError(f"{what} {pattern!r} matches the empty string")
    return compiled


def _check_meta(meta: Sequence[tuple[str, str]]) -> None:
    names = [name for name, _ in meta]
    for name, selector in meta:
        if name not in META_FIELDS:
            raise ValueError(f"unknown meta field {name!r} (one of {', '.join(META_FIELDS)})")
        _check_css(selector)
    if len(set(names)) != len(names):
        raise ValueError("a meta field is named twice")


def _check_shape(rule: SiteRule) -> None:
    if not _ID_RE.fullmatch(rule.id):
        raise ValueError(f"rule id {rule.id!r}: use letters, digits, '.', '_' and '-'")
    if not rule.reason.strip():
        raise ValueError(f"rule {rule.id}: reason is empty")
    if not rule.domains and rule.url_pattern is None:
        raise ValueError(f"rule {rule.id}: needs domains or url_pattern")
    if not (rule.drop or rule.drop_xpath or rule.main or rule.drop_lines or rule.captions
            or rule.meta):
        raise ValueError(f"rule {rule.id}: no action (drop, drop_xpath, main, drop_lines, "
                         "captions or meta)")


def _checked(rule: SiteRule) -> tuple[tuple[tuple[str, int | None], ...],
                                      regex.Pattern[str] | None,
                                      tuple[regex.Pattern[str], ...]]:
    """Validate every part of ``rule``; return its parsed domains and compiled patterns."""
    _check_shape(rule)
    try:
        domains = tuple(parse_domain(d) for d in rule.domains)
        url = _compile(rule.url_pattern, "url_pattern") if rule.url_pattern is not None else None
        lines = tuple(_compile(p, "drop_lines pattern") for p in rule.drop_lines)
        for selector in (*rule.drop, *rule.captions, *((rule.main,) if rule.main else ())):
            _check_css(selector)
        for expr in rule.drop_xpath:
            _check_xpath(expr)
        _check_meta(rule.meta)
    except ValueError as err:
        raise ValueError(f"rule {rule.id}: {err}") from err
    return domains, url, lines


# ---------------------------------------------------------------- the rules


@dataclass(frozen=True, slots=True)
class SiteRule:
    """One site's knowledge. Selectors are CSS (``drop_xpath``: XPath 1.0); ``drop_lines``
    and ``url_pattern`` are ``regex`` (V1) patterns, searched, case-sensitive unless they
    say ``(?i)``. Built only valid: a ValueError names the rule and what is wrong."""

    id: str
    reason: str
    domains: tuple[str, ...] = ()
    url_pattern: str | None = None
    drop: tuple[str, ...] = ()
    main: str | None = None
    drop_lines: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()  # (field, CSS selector)
    drop_xpath: tuple[str, ...] = ()
    # Parsed once here so matching a page costs no compiling (not compared: derived).
    _hosts: tuple[tuple[str, int | None], ...] = field(
        init=False, repr=False, compare=False, default=())
    _url: regex.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)
    _lines: tuple[regex.Pattern[str], ...] = field(
        init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        hosts, url, lines = _checked(self)
        object.__setattr__(self, "_hosts", hosts)
        object.__setattr__(self, "_url", url)
        object.__setattr__(self, "_lines", lines)

    def specificity(self, url: str | None) -> tuple[int, int] | None:
        """How specifically the rule names ``url`` — (labels of the matching domain,
        1 if a URL pattern matched) — or None when it does not apply."""
        if url is None:
            return None
        depth = 0
        if self._hosts:
            host, port = url_host(url)
            depth = max(domain_depth(host, port, d) for d in self._hosts)
            if depth == 0:
                return None
        if self._url is not None:
            if search(self._url, url) is None:
                return None
            return depth, 1
        return depth, 0

    def applies_to(self, url: str | None) -> bool:
        return self.specificity(url) is not None

    @property
    def line_patterns(self) -> tuple[regex.Pattern[str], ...]:
        return self._lines


@dataclass(frozen=True, slots=True)
class RulePack:
    """An immutable, picklable set of site rules with unique ids."""

    rules: tuple[SiteRule, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id} is used twice")
            seen.add(rule.id)

    def for_url(self, url: str | None) -> tuple[SiteRule, ...]:
        """The rules that apply to ``url``, most specific first (see the module doc)."""
        hits = [(s, i, r) for i, r in enumerate(self.rules)
                if (s := r.specificity(url)) is not None]
        hits.sort(key=lambda hit: (-hit[0][0], -hit[0][1], hit[1]))
        return tuple(rule for _, _, rule in hits)

    @classmethod
    def load(cls, path: str | Path) -> RulePack:
        """Read a ``.toml`` file, or every ``*.toml`` file of a directory (by name)."""
        path = Path(path)
        if path.is_dir():
            files = sorted(path.glob("*.toml"))
            if not files:
                raise RulePackError(f"{path}: no *.toml rule files")
        elif path.is_file():
            files = [path]
        else:
            raise RulePackError(f"{path}: no such file or directory")
        rules: list[SiteRule] = []
        origin: dict[str, Path] = {}
        for file in files:
            for rule in _read_file(file):
                if rule.id in origin:
                    raise RulePackError(f"{file}: rule {rule.id}: id already used in "
                                        f"{origin[rule.id]}")
                origin[rule.id] = file
                rules.append(rule)
        return cls(tuple(rules), str(path))

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> RulePack:
        """A pack from TOML text (``source`` names it in error messages)."""
        return cls(tuple(_rules_from_toml(text, source)), source)


# ---------------------------------------------------------------- reading TOML

_FILE_KEYS = frozenset({"domains", "rule"})
_LIST_KEYS = ("domains", "drop", "drop_xpath", "drop_lines", "captions")
_STR_KEYS = ("id", "reason", "url_pattern", "main")
_RULE_KEYS = frozenset({*_LIST_KEYS, *_STR_KEYS, "meta"})


def _read_file(file: Path) -> list[SiteRule]:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RulePackError(f"{file}: cannot read: {err}") from err
    return _rules_from_toml(text, str(file))


def _rules_from_toml(text: str, source: str) -> list[SiteRule]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RulePackError(f"{source}: not valid TOML: {err}") from err
    unknown = sorted(set(data) - _FILE_KEYS)
    if unknown:
        raise RulePackError(f"{source}: unknown top-level keys {', '.join(unknown)} "
                            "(rules go in [[rule]] tables)")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise RulePackError(f"{source}: no [[rule]] tables")
    try:
        defaults = _str_list(data.get("domains", []), "domains")
    except ValueError as err:
        raise RulePackError(f"{source}: {err}") from err
    return [_rule(table, defaults, source, n) for n, table in enumerate(tables, 1)]


def _rule(table: Any, defaults: tuple[str, ...], source: str, n: int) -> SiteRule:
    """One ``[[rule]]`` table as a SiteRule; errors name the file and the rule."""
    rule_id = table.get("id") if isinstance(table, dict) else None
    where = f"{source}: rule {rule_id}" if isinstance(rule_id, str) else f"{source}: rule #{n}"
    try:
        if not isinstance(table, dict):
            raise ValueError("is not a table")
        return SiteRule(**_fields(table, defaults))
    except (TypeError, ValueError) as err:
        message = str(err).removeprefix(f"rule {rule_id}: ")
        raise RulePackError(f"{where}: {message}") from err


def _fields(table: Mapping[str, Any], defaults: tuple[str, ...]) -> dict[str, Any]:
    unknown = sorted(set(table) - _RULE_KEYS)
    if unknown:
        raise ValueError(f"unknown keys {', '.join(unknown)}")
    for key in ("id", "reason"):
        if key not in table:
            raise ValueError(f"missing {key}")
    out: dict[str, Any] = {k: _str(table[k], k) for k in _STR_KEYS if k in table}
    out.update({k: _str_list(table[k], k) for k in _LIST_KEYS if k in table})
    out.setdefault("domains", defaults)
    if "meta" in table:
        out["meta"] = _meta(table["meta"])
    return out


def _str(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string")
    return value


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):  # one item written without brackets
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return tuple(value)


def _meta(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ValueError("meta must be a table of field = \"CSS selector\"")
    unknown = sorted(set(value) - set(META_FIELDS))
    if unknown:
        raise ValueError(f"unknown meta field {', '.join(unknown)} "
                         f"(one of {', '.join(META_FIELDS)})")
    return tuple((name, _str(value[name], f"meta.{name}")) for name in META_FIELDS
                 if name in value)


# ---------------------------------------------------------------- XPath on the tree


def _elements(node: Any) -> list[Any]:
    """Element children of an lxml element (comments and PIs are not elements)."""
    return [c for c in node if isinstance(c.tag, str)]


def _lexbor_elements(node: LexborNode) -> list[LexborNode]:
    return [c for c in node.iter() if c.is_element_node]


def _same(lx: Any, lb: LexborNode) -> bool:
    """Same element in both parses: tag, id, class and number of element children."""
    attrs = lb.attributes
    return (lx.tag == lb.tag and lx.get("id") == attrs.get("id")
            and lx.get("class") == attrs.get("class")
            and len(_elements(lx)) == len(_lexbor_elements(lb)))


def _counterpart(root: LexborNode, lx_root: Any, target: Any) -> LexborNode | None:
    """The selectolax element at ``target``'s position, when every element on the way
    looks the same in both trees; None where the parsers built different trees."""
    chain = [target, *target.iterancestors()]
    chain.reverse()
    if chain[0] is not lx_root or not _same(lx_root, root):
        return None
    node = root
    for parent, child in pairwise(chain):
        index = _elements(parent).index(child)
        kids = _lexbor_elements(node)
        node = kids[index]
        if not _same(child, node):
            return None
    return node


def xpath_nodes(tree: LexborHTMLParser, exprs: Sequence[str]) -> list[LexborNode]:
    """Elements the XPath expressions select, found on an lxml parse of the tree's own
    serialization and carried back by their position. Results that are not elements,
    and elements whose position differs between the two parses, are skipped."""
    root = tree.root
    html = tree.html
    if root is None or not html:
        return []
    import lxml.etree
    import lxml.html  # type: ignore[import-untyped]

    try:
        lx_root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    found: list[LexborNode] = []
    for expr in exprs:
        result = lxml.etree.XPath(expr)(lx_root)
        for hit in result if isinstance(result, list) else ():
            if isinstance(hit, lxml.etree._Element) and isinstance(hit.tag, str):
                node = _counterpart(root, lx_root, hit)
                if node is not None:
                    found.append(node)
    return found


# ---------------------------------------------------------------- acting on a page


#: What a site rule does with an element it matches.
ElementAction = Literal["drop", "main", "caption"]


class ElementRule(NamedTuple):
    """A site rule's decision on one element: what it does with it, and the rule's id."""

    action: ElementAction
    rule_id: str


@dataclass(frozen=True, slots=True)
class SiteEffects:
    """What the applicable rules leave for the later stages."""

    #: The elements the rules act on, keyed by the element's ``mem_id`` (a selectolax node
    #: is a new Python object at every access; its ``mem_id`` names the element itself).
    elements: Mapping[int, ElementRule] = field(default_factory=lambda: MappingProxyType({}))
    lines: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    rules: tuple[str, ...] = field(default=())


def _choose(nodes: Iterable[LexborNode], action: ElementAction, rule: SiteRule,
            chosen: dict[int, ElementRule]) -> int:
    """Record ``action`` for the nodes no rule has chosen yet (an earlier, more specific
    rule keeps its choice); return how many it took."""
    taken = 0
    for node in nodes:
        key = node.mem_id
        if key not in chosen:
            chosen[key] = ElementRule(action, rule.id)
            taken += 1
    return taken


def _drop(nodes: Iterable[LexborNode], rule: SiteRule, chosen: dict[int, ElementRule]) -> None:
    """Drop block elements; take inline ones (a quote ``<span>`` inside a sentence) out of
    the tree, since a dropped inline element would be a block of its own and split the
    paragraph around it."""
    block = []
    for node in nodes:
        if node.tag in INLINE_TAGS and node.mem_id not in chosen:
            node.remove()  # detached, not destroyed: a later match inside it stays valid
        else:
            block.append(node)
    _choose(block, "drop", rule, chosen)


def _apply_rule(tree: LexborHTMLParser, rule: SiteRule, chosen: dict[int, ElementRule],
                main_taken: bool) -> bool:
    """Apply one rule's element actions; True once some rule has chosen the main."""
    for selector in rule.drop:
        _drop(tree.css(selector), rule, chosen)
    if rule.drop_xpath:
        _drop(xpath_nodes(tree, rule.drop_xpath), rule, chosen)
    for selector in rule.captions:
        _choose(tree.css(selector), "caption", rule, chosen)
    if rule.main and not main_taken:
        main = tree.css_first(rule.main)
        if main is not None:
            return _choose((main,), "main", rule, chosen) > 0
    return main_taken


def apply_to_tree(tree: LexborHTMLParser, rules: tuple[SiteRule, ...]) -> SiteEffects:
    """Find the elements the rules act on (rules in precedence order; inline elements to
    drop are taken out of the tree); return them with the rules' line patterns."""
    chosen: dict[int, ElementRule] = {}
    main_taken = False
    for rule in rules:
        main_taken = _apply_rule(tree, rule, chosen, main_taken)
    lines = tuple((rule.id, p) for rule in rules for p in rule.line_patterns)
    return SiteEffects(MappingProxyType(chosen), lines, tuple(r.id for r in rules))


def apply_to_metadata(tree: LexborHTMLParser, rules: tuple[SiteRule, ...],
                      meta: Metadata) -> Metadata:
    """Fields the rules name an element for, taken from that element's text; the first
    rule (in precedence order) that finds a non-empty element decides a field."""
    found: dict[str, Found] = {}
    for rule in rules:
        for name, selector in rule.meta:
            if name in found:
                continue
            node = tree.css_first(selector)
            text = squash(node.text(deep=True)) if node is not None else ""
            if text:
                found[name] = Found(name, text, f"site.{rule.id}")
                if name == "date":
                    found["date_iso"] = Found("date_iso", normalize(text), f"site.{rule.id}")
    return settle(meta, found.values(), override=True)


def line_rule(text: str, effects: SiteEffects) -> str | None:
    """Id of the first site rule whose line pattern occurs in ``text`` (a pattern that
    runs past the match timeout counts as no match)."""
    for rule_id, pattern in effects.lines:
        if search(pattern, text) is not None:
            return rule_id
    return None
