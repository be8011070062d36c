"""The metadata rule tables: registered with the other rule tables (whose tests check every
example and near miss), each rule explained and shown by both, compiled only when asked; and
every source the stage records for a field, on real pages and in explain, is a named one."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import skip_without_data
from selectolax.lexbor import LexborHTMLParser

from cleanweb import Options, extract, rules
from cleanweb.rules.byline import BYLINE_RULES, DATE_LABEL_RULES, INLINE_RULES
from cleanweb.rules.metadata import (
    FIELD_SOURCES,
    NEEDLE_PATTERNS,
    OPEN_BRACKET,
    OPEN_CHARS,
    TABLES,
)
from cleanweb.rules.registry import registered
from cleanweb.stages.decode import decode
from cleanweb.stages.metadata import page_metadata
from cleanweb.stages.metadata.record import FIELDS

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
RULES = [(table, rule) for table in TABLES for rule in table]


def test_tables_are_registered_for_generation() -> None:
    assert all(any(table is t for t in rules.TABLES) for table in TABLES)
    registered_ids = {rule.id for table in registered() for rule in table.rules}
    assert {rule.id for _, rule in RULES} <= registered_ids


def test_rule_ids_are_unique_and_apart_from_the_source_ids() -> None:
    ids = [rule.id for _, rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("metadata.") for i in ids)
    assert not set(ids) & set(FIELD_SOURCES)


def test_every_rule_is_explained_in_one_line_with_examples_and_near_misses() -> None:
    # (that each example is decided by its rule and no near miss by it, and that the
    # needles admit every example, is checked with every registered table)
    for _, rule in RULES:
        assert rule.reason.strip() and "\n" not in rule.reason, rule.id
        assert rule.examples and rule.near_misses, rule.id


def test_needles_scan_for_what_they_list() -> None:
    for _, rule in RULES:
        scan = NEEDLE_PATTERNS.get(rule.id)
        assert (scan is None) == (not rule.needles), rule.id
        for needle in rule.needles:
            assert scan is not None and scan.fullmatch(needle), (rule.id, needle)


def test_open_characters_are_the_open_bracket_class() -> None:
    assert "".join(ch for ch in map(chr, range(0x30000)) if re.fullmatch(OPEN_BRACKET, ch)) == (
        "".join(sorted(OPEN_CHARS)))


def test_import_compiles_no_metadata_pattern_and_compile_rules_compiles_all() -> None:
    code = (
        "import cleanweb\n"
        "from cleanweb.rules.metadata import TABLES\n"
        "{}\n"
        "lazy = [t.lazy(i) for t in TABLES for i in range(len(t))]\n"
        "print(sum(p._pattern is not None for p in lazy), len(lazy))\n"
    )
    for setup, want_all in (("", False), ("cleanweb.compile_rules()", True)):
        out = subprocess.run([sys.executable, "-c", code.format(setup)], capture_output=True,
                             text=True, check=True, timeout=120).stdout.split()
        done, total = int(out[0]), int(out[1])
        assert done == (total if want_all else 0)


def _pages() -> list[Path]:
    pages = [p for s in ("zh-dev", "aeb") for p in sorted((DATASETS / s / "pages").glob("*.html"))]
    if not pages:
        skip_without_data(f"datasets not available at {DATASETS}")
    return pages


def test_every_field_found_on_real_pages_names_its_source() -> None:
    pages = _pages()
    seen: set[str] = set()
    for path in pages:
        meta = page_metadata(LexborHTMLParser(decode(path.read_bytes()).text))
        decided = dict(meta.rules)
        for field in FIELDS:
            value = getattr(meta, field)
            assert bool(value) == (field in decided), (path.name, field, value)
        assert set(decided.values()) <= set(FIELD_SOURCES), path.name
        seen |= set(decided.values())
    # the real pages reach most of the named sources, not one or two of them
    assert len(seen) >= len(FIELD_SOURCES) // 2, sorted(seen)


def test_explain_names_the_rule_of_every_field_and_only_with_explain() -> None:
    known = set(FIELD_SOURCES) | {
        r.id for t in (BYLINE_RULES, DATE_LABEL_RULES, INLINE_RULES) for r in t}
    fields = ("title", "date", "author", "source", "editor", "lang")
    from_bylines = 0
    for path in _pages()[:40]:
        data = path.read_bytes()
        doc = extract(data, options=Options(explain=True))
        decided = dict(doc.meta_rules)
        for field in fields:
            assert bool(getattr(doc, field)) == (field in decided), (path.name, field)
        assert {rule for _, rule in doc.meta_rules} <= known, path.name
        from_bylines += any(rule not in FIELD_SOURCES for _, rule in doc.meta_rules)
        assert [list(pair) for pair in doc.meta_rules] == doc.to_dict()["meta_rules"]
        plain = extract(data)
        assert plain.meta_rules == () and "meta_rules" not in plain.to_dict()
    assert from_bylines > 0  # the finish stage's byline lines show their rules too
