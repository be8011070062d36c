"""Every rule of every table in cleanweb.rules.TABLES that says how a page shows its rules has
a synthetic case in tests/fixtures (``rule-*``, written by ``python -m cleanweb.rules.generate``
from the rule's first example)
whose page makes that rule decide: the case's meta.json names the rule and the evidence to
find in the explained result. Removing a rule removes its case; a rule without a case, or a
case for no rule, fails here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanweb import fixtures as fx
from cleanweb.document import Document
from cleanweb.rules.generate import GENERATED
from cleanweb.rules.registry import Table, registered

ROOT = Path(__file__).resolve().parent / "fixtures"
TABLES = registered()
TABLE_OF: dict[str, Table] = {rule.id: table for table in TABLES for rule in table.rules}
#: The rules whose table says how a page shows them: each has a generated case.
PAGED = {rule.id for table in TABLES if table.page is not None for rule in table.rules}


def rule_cases() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for folder in fx.find_cases(ROOT):
        meta_path = folder / fx.META
        if folder.name.startswith("rule-") and meta_path.is_file():
            rule = json.loads(meta_path.read_text(encoding="utf-8")).get("rule")
            if isinstance(rule, str):
                assert rule not in out, f"two cases for {rule}: {out[rule]} and {folder}"
                out[rule] = folder
    return out


CASES = rule_cases()


def test_every_rule_has_a_case() -> None:
    missing = sorted(PAGED - set(CASES))
    assert not missing, f"rules without a case (run python -m cleanweb.rules.generate): {missing}"


def test_every_case_names_a_defined_rule() -> None:
    stale = sorted(set(CASES) - set(TABLE_OF))
    assert not stale, f"cases for rules no table defines: {stale}"


def test_hand_written_cases_are_few_and_say_why() -> None:
    # A rule's case is generated unless a page built from the template cannot show what
    # the case is for (a real-world layout); such a case says so in its meta.json.
    for rule, folder in CASES.items():
        meta = fx.load_case(folder).meta
        if GENERATED not in meta:
            assert isinstance(meta.get("note"), str) and len(meta["note"]) > 20, rule


def _found(trace: tuple[Any, ...], want: dict[str, Any]) -> bool:
    return any(all(getattr(b, k) == v for k, v in want.items()) for b in trace)


def _shown(doc: Document, rule: str, evidence: dict[str, Any]) -> None:
    table = TABLE_OF[rule]
    if "inline" in evidence:
        # Inline credits keep their paragraph in the body; the rule shows in the metadata.
        assert evidence["inline"] in doc.text.split("\n")
        pick = table.fast or table.decides
        assert pick(evidence["inline"]) == rule
    elif "field" in evidence:
        # The rule reads a metadata field: the page's value of it is one the rule decides.
        value = getattr(doc, evidence["field"])
        assert isinstance(value, str) and table.decides(value) == rule, value
    else:
        shown = [(b.kind, b.kept, b.reason, b.text[:40]) for b in doc.trace]
        assert _found(doc.trace, evidence), f"no block with {evidence} in {shown}"


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_decides_its_case(rule: str) -> None:
    case = fx.load_case(CASES[rule])
    doc = fx.run_case(case, explain=True)
    _shown(doc, rule, dict(case.meta.get("evidence") or {"reason": rule}))
    # The metadata fields the example fills come from the example (the case's expected
    # output leaves them out: they are the parser's to check, in its own tests).
    filled = [getattr(doc, name) for name in case.meta.get("fills", ())]
    if filled:
        assert any(filled), f"{rule}: none of {case.meta['fills']} filled"
        assert all(v is None or v in case.meta["example"] for v in filled), filled
