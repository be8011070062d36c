"""Every table in cleanweb.rules.TABLES, from the examples and near misses its rules carry:
each example is decided by its own rule, no near miss by its rule, the pipeline's fast path
agrees with the plain table on all of them, the hand-written prefilters admit every example,
and the files generated from the tables are current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleanweb.rules import generate as gen
from cleanweb.rules.base import Rule
from cleanweb.rules.registry import AnyRule, Table, registered

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TABLES = registered()


def _lines(kind: str) -> list[tuple[Table, AnyRule, str]]:
    return [(table, rule, line) for table in TABLES for rule in table.rules
            for line in getattr(rule, kind)]


def _ids(cases: list[tuple[Table, AnyRule, str]]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for _, rule, _ in cases:
        seen[rule.id] = seen.get(rule.id, 0) + 1
        out.append(f"{rule.id}-{seen[rule.id]}")
    return out


EXAMPLES = _lines("examples")
NEAR_MISSES = _lines("near_misses")
FAST = [(t, r, line) for t, r, line in EXAMPLES + NEAR_MISSES if t.fast is not None]


def test_there_are_tables_and_examples() -> None:
    assert len(TABLES) >= 10
    assert len(EXAMPLES) > 300 and len(NEAR_MISSES) > 100


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_every_rule_has_a_reason_and_an_example(table: Table) -> None:
    assert table.rules, table.name
    for rule in table.rules:
        assert rule.reason.strip(), rule.id
        assert rule.examples, f"{rule.id} has no example"


def test_rule_ids_are_unique_across_tables() -> None:
    ids = [rule.id for table in TABLES for rule in table.rules]
    assert len(ids) == len(set(ids))


def test_examples_are_single_squashed_lines() -> None:
    # how the stages hand text to the rules (and how a rule-case page shows it)
    for _, rule, line in EXAMPLES + NEAR_MISSES:
        assert line == " ".join(line.split()) and line, (rule.id, line)


@pytest.mark.parametrize(("table", "rule", "line"), EXAMPLES, ids=_ids(EXAMPLES))
def test_example_is_decided_by_its_rule(table: Table, rule: AnyRule, line: str) -> None:
    assert table.decides(line) == rule.id, (line, table.read(line))


@pytest.mark.parametrize(("table", "rule", "line"), NEAR_MISSES, ids=_ids(NEAR_MISSES))
def test_near_miss_is_left_alone_by_its_rule(table: Table, rule: AnyRule, line: str) -> None:
    assert rule.id not in table.read(line), line


@pytest.mark.parametrize(("table", "rule", "line"), FAST, ids=_ids(FAST))
def test_fast_path_agrees_with_the_plain_table(table: Table, rule: AnyRule, line: str) -> None:
    assert table.fast is not None
    assert table.fast(line) == table.decides(line), line


def _rules() -> list[Rule]:
    return [r for t in TABLES for r in t.rules if isinstance(r, Rule)]


def test_needles_and_ends_admit_every_example() -> None:
    # a scanner is skipped when no needle occurs in the line, or the line ends otherwise
    checked = 0
    for rule in _rules():
        for line in rule.examples:
            if rule.needles:
                assert any(n in line.lower() for n in rule.needles), (rule.id, line)
                checked += 1
            if rule.ends:
                assert line.endswith(rule.ends), (rule.id, line)
    assert checked > 20


def test_needles_are_lower_case() -> None:
    for rule in _rules():
        assert all(n == n.lower() and n for n in rule.needles), rule.id


def test_guards_admit_every_example() -> None:
    guarded = [r for r in _rules() if r.guard]
    assert len(guarded) >= 9
    for rule in guarded:
        for line in rule.examples:
            assert re.search(rule.guard, line.casefold()) is not None, (rule.id, line)


def test_generated_files_are_current() -> None:
    # the generator, run in memory, writes exactly what is committed
    found = gen.stale(FIXTURES, gen.outputs(FIXTURES))
    assert found == [], f"stale (run python -m cleanweb.rules.generate): {found[:10]}"


def test_staleness_is_seen(tmp_path: Path) -> None:
    files = {tmp_path / "rule-x" / "page.html": "<p>new</p>\n"}
    assert gen.stale(tmp_path, files) == [f"missing: {tmp_path / 'rule-x' / 'page.html'}"]
    assert gen.write(tmp_path, files) and gen.stale(tmp_path, files) == []
    (tmp_path / "rule-x" / "page.html").write_text("<p>edited</p>\n", encoding="utf-8")
    assert gen.stale(tmp_path, files) == [f"changed: {tmp_path / 'rule-x' / 'page.html'}"]
    # a generated case no rule produces any more is stale, and the generator removes it
    old = tmp_path / "rule-gone"
    old.mkdir()
    (old / "meta.json").write_text('{"rule": "x.gone", "generated": "by a test"}\n',
                                   encoding="utf-8")
    hand = tmp_path / "rule-hand"
    hand.mkdir()
    (hand / "meta.json").write_text('{"rule": "x.hand"}\n', encoding="utf-8")
    assert f"no longer generated: {old}" in gen.stale(tmp_path, files)
    gen.write(tmp_path, files)
    assert not old.exists() and hand.exists()


def test_case_folders_follow_rule_ids() -> None:
    assert gen.case_slug("zh.footer.not_our_view") == "rule-zh-footer-not-our-view"


def test_generator_command_checks_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    assert gen.main(["--check", "--fixtures", str(FIXTURES)]) == 0
    assert gen.main(["--check", "--fixtures", str(tmp_path / "none")]) == 2
    # another folder holds none of the cases: all of them are reported missing
    assert gen.main(["--check", "--fixtures", str(tmp_path)]) == 1
