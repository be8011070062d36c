"""cleanweb's own golden-page cases (tests/fixtures): real pages checked against hand-made
gold, and one small synthetic page per rule. Known differences from the gold are listed per
field under ``xfail`` in each case's meta.json, so they show up as xfail / xpass.

Only pages whose licence lets them ship with cleanweb are committed; the other real cases
name their page and gold in ../shared/datasets (``dataset`` in meta.json). Where that folder
is absent they are skipped with the reason, except on CI (CI=true), where a skip would hide
that the cases did not run, so it fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import skip_without_data

from cleanweb import fixtures as fx

ROOT = Path(__file__).resolve().parent / "fixtures"
CASES = fx.find_cases(ROOT)
#: Licences under which a real page (and its gold) may be committed and shipped.
SHIPPABLE = ("MIT:", "Apache-2.0:", "written for cleanweb")


def _meta(folder: Path) -> dict[str, object]:
    path = folder / fx.META
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_case(folder: Path) -> None:
    outcome = fx.check_case(folder)
    if outcome.status == fx.SKIP:
        skip_without_data(outcome.message)
    assert outcome.status not in (fx.FAIL, fx.ERROR, fx.MISSING), outcome.report()
    # Strict: a known difference that has gone away must leave meta.json too.
    assert outcome.status != fx.XPASS, f"{outcome.message}: remove those xfail entries"
    if outcome.status == fx.XFAIL:
        pytest.xfail(outcome.message)


def test_suite_has_real_and_rule_cases() -> None:
    real = [c for c in CASES if not c.name.startswith("rule-")]
    rules = [c for c in CASES if c.name.startswith("rule-")]
    assert len(real) >= 40 and len(rules) >= 100


def test_committed_real_pages_may_ship() -> None:
    """Every real case says its licence; only shippable pages and gold are committed, the
    others are read from a dataset folder and hold nothing but meta.json."""
    for folder in CASES:
        if folder.name.startswith("rule-"):
            continue
        licence = str(_meta(folder).get("licence", ""))
        if fx.DATASET in _meta(folder):
            assert licence.startswith("not shipped"), folder.name
            assert [p.name for p in folder.iterdir()] == [fx.META], folder.name
        else:
            assert licence.startswith(SHIPPABLE), f"{folder.name}: licence {licence!r}"
    shipped = [c for c in CASES if not c.name.startswith("rule-") and fx.page_file(c)]
    assert len(shipped) >= 15


def test_real_cases_are_locked_gold() -> None:
    """Real cases hold gold, not output: ``update`` must never overwrite them."""
    for folder in CASES:
        if not folder.name.startswith("rule-"):
            meta = _meta(folder)
            assert meta.get("locked") and meta.get("origin"), folder.name


def test_xfail_entries_name_checked_fields_with_reasons() -> None:
    for folder in CASES:
        meta = _meta(folder)
        spec = meta.get(fx.DATASET)
        # A dataset case checks the gold fields it lists; it is not loaded here, so this
        # runs where the dataset is absent too.
        checked = spec["fields"] if isinstance(spec, dict) else fx.load_case(folder).expected
        assert checked, folder.name
        for name, why in dict(meta.get("xfail") or {}).items():
            assert name in checked, f"{folder.name}: xfail on unchecked field {name}"
            assert isinstance(why, str) and len(why) > 15, f"{folder.name}: say why {name}"


def test_committed_fixtures_stay_small() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file())
    assert total < 4_000_000, f"tests/fixtures holds {total} bytes"
