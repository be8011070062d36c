"""Every rule id of the rule tables has a synthetic case in tests/fixtures (``rule-*``) whose
page makes that rule decide: the case's meta.json names the rule and the evidence to find in
the explained result. Removing a rule breaks its case; adding one without a case fails here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanweb import fixtures as fx
from cleanweb.rules import byline, structure, text
from cleanweb.stages.metadata import inline_credit

ROOT = Path(__file__).resolve().parent / "fixtures"


def table_rule_ids() -> set[str]:
    """Every rule id the structure, text and byline tables define."""
    ids = set(structure.TAG_RULES.values()) | set(structure.ROLE_RULES.values())
    for table in (structure.CLASS_RULES, structure.ROLE_CLASS_RULES, structure.CONTENT_NAMES):
        ids |= {r.id for r in table}
    for rules in (text.TEXT_RULES, byline.BYLINE_RULES, byline.DATE_LABEL_RULES,
                  byline.INLINE_RULES):
        ids |= {r.id for r in rules}
    return ids


def rule_cases() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for folder in fx.find_cases(ROOT):
        meta_path = folder / fx.META
        if folder.name.startswith("rule-") and meta_path.is_file():
            rule = json.loads(meta_path.read_text(encoding="utf-8")).get("rule")
            if isinstance(rule, str):
                out[rule] = folder
    return out


CASES = rule_cases()


def test_every_rule_has_a_case() -> None:
    missing = sorted(table_rule_ids() - set(CASES))
    assert not missing, f"rules without a case in tests/fixtures: {missing}"


def test_every_case_names_a_defined_rule() -> None:
    stale = sorted(set(CASES) - table_rule_ids())
    assert not stale, f"cases for rules no table defines: {stale}"


def _found(trace: tuple[Any, ...], want: dict[str, str]) -> bool:
    return any(all(getattr(b, k) == v for k, v in want.items()) for b in trace)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_decides_its_case(rule: str) -> None:
    case = fx.load_case(CASES[rule])
    doc = fx.run_case(case, explain=True)
    evidence = dict(case.meta.get("evidence") or {"reason": rule})
    if "inline" in evidence:
        # Inline credits keep their paragraph in the body; the rule shows in the metadata.
        assert evidence["inline"] in doc.text.split("\n")
        credit = inline_credit(evidence["inline"])
        assert credit is not None and credit.kind == rule
        return
    shown = [(b.kind, b.reason, b.text[:40]) for b in doc.trace]
    assert _found(doc.trace, evidence), f"no block with {evidence} in {shown}"
