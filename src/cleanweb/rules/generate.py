"""Writes what is derived from the rule tables: run ``python -m cleanweb.rules.generate``
after changing a rule (``--check`` only reports what is stale, exit 1 if anything is).

From :data:`cleanweb.rules.TABLES` it writes

- :mod:`cleanweb.rules.text_starts`, the first-character table of the anchored text rules
  (so importing the text rules costs no pattern analysis). Which characters a match can
  start with is asked of ``regex`` partial matching (can the one-character string c be the
  start of a match?); the rules themselves run on ``re``, so for case-insensitive rules the
  answer is widened to every character ``re`` treats as a case variant of one of them;
- one rule case per rule, ``tests/fixtures/rule-<id>/``: the template article of
  :data:`TEMPLATES` with the rule's first example set into it as the rule's table says
  (:class:`~cleanweb.rules.registry.Page`), the output that article must give (derived from
  the template, not from a run), and in ``meta.json`` the rule and the evidence that
  ``tests/test_rule_cases.py`` looks for in the explained result.

A test regenerates everything in memory and fails while any written file differs. Rule
cases without the ``generated`` key in their ``meta.json`` are hand-written and left alone.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from cleanweb.measures import CJK_SCRIPTS
from cleanweb.rules.base import Rule
from cleanweb.rules.registry import AnyRule, Page, Place, Shape, Table, registered
from cleanweb.rules.text import TEXT_RULES

COMMAND = "python -m cleanweb.rules.generate"
#: The key that marks a rule case as generated (and says by what).
GENERATED = "generated"
_REPO = Path(__file__).resolve().parents[3]
DEFAULT_FIXTURES = _REPO / "tests" / "fixtures"
STARTS_MODULE = Path(__file__).with_name("text_starts.py")


# -- the first-character table of the text rules ----------------------------------------------

#: Stand-ins for first characters that no anchored pattern names: a rule that accepts one of
#: them starts with a character class (\S, [0-9], [^…]) and is possible for any such character.
#: One a rule does name ("é" of "étiquettes") is in the alphabet and says nothing of a class,
#: so those are left out (see :func:`_starts`).
_STAND_INS = "丌ɐЖ☃١"
#: Non-ASCII characters that case-fold into ASCII letters, so case-insensitive rules may start
#: with them.
_FOLDS_TO_ASCII = "\u212a\u017f\u0130\u0131\u1e9e\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
_ASCII = "".join(chr(c) for c in range(32, 127))
_BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)


def _can_start(pat: regex.Pattern[str], chars: Iterable[str]) -> bool:
    return any(pat.match(c, partial=True) is not None for c in chars)


def _case_variants(rule: Rule, chars: Iterable[str]) -> set[str]:
    """``chars`` and, for a case-insensitive rule, every character ``re`` matches to one."""
    found = set(chars)
    if not rule.ignore_case or not found:
        return found
    one_of = re.compile("[" + "".join(re.escape(c) for c in sorted(found)) + "]", re.IGNORECASE)
    return found | set(one_of.findall(_BMP))


def _starts(rule: Rule, alphabet: str) -> tuple[str, str | None]:
    """The characters of ``alphabet`` a match of ``rule`` can start with, and, when it
    starts with a character class that admits characters outside the alphabet, those of
    the alphabet it cannot start with (else None)."""
    pat = rule.compile()
    accepted = _case_variants(rule, (c for c in alphabet if _can_start(pat, c)))
    if _can_start(pat, (c for c in _STAND_INS if c not in alphabet)):
        return "", "".join(sorted(set(alphabet) - accepted))
    return "".join(sorted(accepted)), None


def alphabet(rules: Iterable[Rule]) -> str:
    """Every character an anchored rule names, ASCII, and non-ASCII folds of ASCII."""
    named = {c for r in rules for c in r.source if ord(c) > 126}
    return "".join(sorted(named | set(_ASCII) | set(_FOLDS_TO_ASCII)))


def start_tables(rules: Iterable[Rule]) -> tuple[dict[str, str], dict[str, str]]:
    """Anchored rule id -> its first characters; and, for rules led by a broad class, rule
    id -> the characters of the alphabet they cannot start with. Rules with needles are
    scanners, looked up by their needles instead."""
    anchored = [r for r in rules if not r.needles]
    chars = alphabet(anchored)
    starts: dict[str, str] = {}
    any_start: dict[str, str] = {}
    for rule in anchored:
        own, rejected = _starts(rule, chars)
        if rejected is None:
            starts[rule.id] = own
        else:
            any_start[rule.id] = rejected
    return starts, any_start


def _literal(chars: str) -> str:
    """``chars`` as a double-quoted Python literal, non-printable characters escaped."""
    out = []
    for c in chars:
        if c in '"\\':
            out.append("\\" + c)
        elif (c.isprintable() and not c.isspace()) or c == " ":
            out.append(c)
        else:
            out.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
    return '"' + "".join(out) + '"'


def _entries(table: dict[str, str]) -> list[str]:
    lines = []
    for rule_id, chars in table.items():
        lines.append(f'    "{rule_id}": (')
        lines += [f"        {_literal(chars[i:i + 40])}" for i in range(0, len(chars), 40)]
        if not chars:
            lines.append('        ""')
        lines.append("    ),")
    return lines


def starts_source(rules: Iterable[Rule]) -> str:
    """The source of :mod:`cleanweb.rules.text_starts`."""
    starts, any_start = start_tables(rules)
    return "\n".join([
        '"""First characters of the anchored text rules. Generated by',
        f"``{COMMAND}`` from :mod:`cleanweb.rules.text`: do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",
        "from types import MappingProxyType",
        "",
        "#: Anchored rule id -> every character a match can start with.",
        "STARTS: Mapping[str, str] = MappingProxyType({",
        *_entries(starts),
        "})",
        "",
        "#: Anchored rules led by a broad class (\\S, [^…]) -> the characters they cannot start",
        "#: with, among those the rules name; any other character may start them.",
        "ANY_START: Mapping[str, str] = MappingProxyType({",
        *_entries(any_start),
        "})",
        "",
    ])


# -- rule cases -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Template:
    """The article a rule case is built on, in one language, and the filler that shapes
    other than a plain line need."""

    lang: str
    title: str
    paragraphs: tuple[str, str, str]
    links: str  # a box of navigation links
    related: tuple[str, str]  # short lines under a related-block heading
    caption: str
    subheading: str
    comments: tuple[str, str]


TEMPLATES: Mapping[str, Template] = MappingProxyType({
    "zh": Template(
        "zh",
        "城区新建十二座社区公园",
        (
            "今年春天，本市在城区新建了十二座社区公园，居民步行十分钟即可到达一处绿地。园林部门"
            "介绍，这些公园大多利用闲置地块改造而成，种植了本地树种，并配套建设了健身步道和儿童"
            "游乐设施。",
            "据了解，新建公园全部免费开放，开放时间为每天早上六点至晚上十点。管理部门还在公园内"
            "设置了饮水点和公共卫生间，方便市民休闲锻炼。不少居民表示，家门口多了一片绿地，生活"
            "更加舒适了。",
            "园林部门负责人表示，下一步将继续推进口袋公园建设，计划在年底前再完成八座公园的改造，"
            "同时加强日常养护，让更多市民享受到城市绿化带来的便利。",
        ),
        "首页 国内 国际 财经 体育",
        ("某地举办秋季运动会，近千人参加。", "新建图书馆下月开放，可借阅。"),
        "新建的社区公园一角",
        "绿地就在家门口",
        ("公园很漂亮，周末带孩子去了。", "希望多建一些这样的公园。"),
    ),
    "en": Template(
        "en",
        "City opens twelve new neighbourhood parks",
        (
            "The city has opened twelve new neighbourhood parks this spring, so that most "
            "residents now live within a ten-minute walk of a green space. Most of the parks "
            "were built on vacant lots and planted with native trees.",
            "All of the new parks are free to enter and open from six in the morning until ten "
            "at night. The parks department has also added drinking fountains, public toilets "
            "and a walking trail in each of them.",
            "Officials said another eight small parks would be finished by the end of the year, "
            "and that the city would spend more on upkeep so that the new green spaces stay "
            "clean and safe for families.",
        ),
        "Home World Business Sport",
        ("Library opens next month, with longer hours.", "Autumn fair draws crowds, again."),
        "A corner of a new neighbourhood park",
        "Green space on every doorstep",
        ("The park is lovely, we went on Sunday.", "I hope they build more of these."),
    ),
})

_CJK_RE = regex.compile(f"[{CJK_SCRIPTS}]")
#: The metadata fields a rule case's expected output names (besides title, text, captions).
_META_FIELDS = ("date", "author", "source", "editor")


def case_slug(rule_id: str) -> str:
    """A rule's case folder: ``zh.footer.not_our_view`` -> ``rule-zh-footer-not-our-view``."""
    return "rule-" + re.sub(r"[._]", "-", rule_id)


def _template(example: str) -> Template:
    return TEMPLATES["zh" if _CJK_RE.search(example) else "en"]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True, slots=True)
class _Built:
    """An example set into a template: the HTML at its place, the article's three
    paragraphs as the page holds them, the body and captions the page must give, and what
    explain must show."""

    snippet: str
    article: tuple[str, str, str]
    text: tuple[str, ...]
    captions: tuple[str, ...]
    evidence: dict[str, Any]


def _build(rule: AnyRule, example: str, page: Page, t: Template) -> _Built:
    p1, p2, p3 = art = t.paragraphs
    links = _esc(t.links)
    shown: dict[str, Any] = (
        {"field": page.field} if page.field else {"reason": rule.id, "text": example})
    shape, ex = page.shape, _esc(example)
    if shape is Shape.LINE:
        return _Built(f"<p>{ex}</p>", art, art, (), shown)
    if shape is Shape.CAPTION:
        return _Built(f'<img src="photo.jpg" alt=""><p>{ex}</p>', art, art, (example,), shown)
    if shape is Shape.HEADING:
        items = "".join(f"<p>{_esc(i)}</p>" for i in t.related)
        return _Built(f"<h3>{ex}</h3>{items}", art, art, (), shown)
    if shape in (Shape.CLASS, Shape.ROLE, Shape.TAG):
        shown = {"reason": rule.id, "text": t.links}
        if shape is Shape.TAG:
            return _Built(f"<{example}>{links}</{example}>", art, art, (), shown)
        attr = "class" if shape is Shape.CLASS else "role"
        return _Built(f'<div {attr}="{ex}">{links}</div>', art, art, (), shown)
    if shape is Shape.CLASS_CAPTION:
        return _Built(f'<div class="{ex}">{_esc(t.caption)}</div>', art, art, (t.caption,),
                      {"kind": "caption", "text": t.caption})
    if shape is Shape.CLASS_HEADING:
        return _Built(f'<p class="{ex}">{_esc(t.subheading)}</p>', art,
                      (p1, p2, t.subheading, p3), (), {"kind": "heading", "text": t.subheading})
    if shape is Shape.CLASS_CONTENT:
        # A comment box is chrome; one that also carries a content name is walked, not
        # taken whole: its first comment is a dropped block of its own.
        inner = "".join(f"<p>{_esc(c)}</p>" for c in t.comments)
        return _Built(f'<div class="comments {ex}">{inner}</div>', art, art, (),
                      {"text": t.comments[0], "kept": False})
    if shape is Shape.PREFIX:
        art = (example + p1, p2, p3)
        return _Built("", art, art, (), {"inline": art[0]})
    art = (p1, p2, p3 + example)
    return _Built("", art, art, (), {"inline": art[2]})


def _page_html(rule_id: str, t: Template, built: _Built, place: Place) -> str:
    slots = {p: (built.snippet if p is place else "") for p in Place}
    p1, p2, p3 = (f"<p>{_esc(p)}</p>" for p in built.article)
    return "\n".join([
        "<!doctype html>",
        f"<!-- Generated by {COMMAND} from the first example of rule {rule_id}: do not edit. -->",
        f'<html lang="{t.lang}">',
        f'<head><meta charset="utf-8"><title>{_esc(t.title)}</title></head>',
        "<body>",
        '<div class="wrap">',
        "<article>",
        f"<h1>{_esc(t.title)}</h1>",
        slots[Place.LEAD],
        p1,
        p2,
        slots[Place.MIDDLE],
        p3,
        slots[Place.END],
        "</article>",
        "</div>",
        "</body>",
        "</html>",
        "",
    ])


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def rule_case(table: Table, rule: AnyRule) -> dict[str, str]:
    """The files of ``rule``'s case: file name -> content."""
    if not rule.examples:
        raise ValueError(f"rule {rule.id} has no example to build its case from")
    if table.page is None:
        raise ValueError(f"table {table.name} says nothing about how a page shows its rules")
    example = rule.examples[0]
    page = table.page(rule)
    t = _template(example)
    built = _build(rule, example, page, t)
    expected: dict[str, Any] = {
        "title": t.title, "text": list(built.text), "captions": list(built.captions),
        **{f: None for f in _META_FIELDS if f not in page.fills},
        "encoding": "utf-8",
    }
    meta = {
        "rule": rule.id,
        "example": example,
        "evidence": built.evidence,
        "fills": list(page.fills),
        GENERATED: f"by {COMMAND} from the rule's first example and the {t.lang} template; "
                   "change the rule in its table and run it again",
        "locked": "generated: the expected output follows from the template, not from a run",
    }
    return {
        "page.html": _page_html(rule.id, t, built, page.place),
        "expected.json": _dump(expected),
        "meta.json": _dump(meta),
    }


def rule_cases(tables: Iterable[Table]) -> dict[str, dict[str, str]]:
    """Every rule's case, by folder name."""
    out: dict[str, dict[str, str]] = {}
    for table in tables:
        if table.page is None:  # a bare table: its rules are shown by their example tests
            continue
        for rule in table.rules:
            slug = case_slug(rule.id)
            if slug in out:
                raise ValueError(f"two rules share the case folder {slug}")
            out[slug] = rule_case(table, rule)
    return out


# -- writing and checking -----------------------------------------------------------------


def outputs(fixtures: Path, tables: Iterable[Table] | None = None) -> dict[Path, str]:
    """Every generated file: path -> content."""
    if tables is None:
        tables = registered()
    files = {STARTS_MODULE: starts_source(TEXT_RULES)}
    for slug, case in rule_cases(tables).items():
        files.update({fixtures / slug / name: text for name, text in case.items()})
    return files


def generated_folders(fixtures: Path) -> set[Path]:
    """The rule-case folders under ``fixtures`` that say they are generated."""
    found = set()
    for meta in fixtures.glob("rule-*/meta.json"):
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and GENERATED in data:
            found.add(meta.parent)
    return found


def stale(fixtures: Path, files: Mapping[Path, str]) -> list[str]:
    """What differs on disk from ``files``: files missing or changed, and generated case
    folders no rule produces any more."""
    out = []
    for path, text in files.items():
        if not path.is_file():
            out.append(f"missing: {path}")
        elif path.read_text(encoding="utf-8") != text:
            out.append(f"changed: {path}")
    wanted = {path.parent for path in files}
    out += [f"no longer generated: {folder}" for folder in sorted(generated_folders(fixtures))
            if folder not in wanted]
    return out


def write(fixtures: Path, files: Mapping[Path, str]) -> list[str]:
    """Write ``files`` and remove generated case folders no rule produces any more."""
    done = []
    for path, text in files.items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        done.append(f"wrote {path}")
    wanted = {path.parent for path in files}
    for folder in sorted(generated_folders(fixtures) - wanted):
        shutil.rmtree(folder)
        done.append(f"removed {folder}")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES,
                        help="the folder of rule cases (default: the repository's tests/fixtures)")
    parser.add_argument("--check", action="store_true",
                        help="only list what is stale; exit 1 if anything is")
    args = parser.parse_args(argv)
    if not args.check and not (_REPO / "pyproject.toml").is_file():
        print(f"{COMMAND}: cleanweb is not running from a source checkout (it would write "
              f"into {STARTS_MODULE.parent}); use an editable install", file=sys.stderr)
        return 2
    if not args.fixtures.is_dir():
        print(f"{COMMAND}: no fixture folder {args.fixtures} (run it from a source checkout, "
              "or give --fixtures)", file=sys.stderr)
        return 2
    files = outputs(args.fixtures)
    if args.check:
        found = stale(args.fixtures, files)
        print("\n".join(found) if found else "up to date", file=sys.stderr)
        return 1 if found else 0
    done = write(args.fixtures, files)
    print("\n".join(done) if done else "up to date", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
