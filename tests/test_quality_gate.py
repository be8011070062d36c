"""Quality gate: current scores on the shared datasets must meet benchmarks/floors.json.

A set's ``target`` entry in floors.json holds floors it is meant to reach and does not meet
yet: they show here as expected failures with their gap, and are pinned as floors by
``--update-floors`` once reached.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import skip_without_data

from benchmarks import quality, snippets

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
FLOORS, TARGETS = quality.read_floors()
CASES = [(s, k) for s, keys in sorted(FLOORS.items()) for k in sorted(keys)]
TARGET_CASES = [(s, k) for s, keys in sorted(TARGETS.items()) for k in sorted(keys)]
HOW_TO_RAISE = (
    "Floors only move up: after an improvement, run `python benchmarks/quality.py "
    "--update-floors` and commit benchmarks/floors.json. A drop below a floor is a regression "
    "to fix (see `python benchmarks/quality.py --worst 10` for the pages that lost)."
)


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    missing = [s for s in FLOORS if not (DATASETS / s / "gold.jsonl").is_file()]
    if missing:
        skip_without_data(f"datasets not found under {DATASETS} (missing {missing}); gate not run")
    return quality.score_sets(DATASETS, sorted(FLOORS))


def test_floors_name_known_metrics() -> None:
    keys = [k for table in (FLOORS, TARGETS) for keys in table.values() for k in keys]
    unknown = [k for k in keys if k not in quality.FLOOR_KEYS]
    assert not unknown, f"floors.json has keys the gate cannot check: {unknown}"
    assert {"aeb", "l3s-gn1", "zh-dev"} <= set(FLOORS)


def test_every_dataset_is_gated() -> None:
    if not DATASETS.is_dir():
        skip_without_data(f"datasets not found under {DATASETS}")
    ungated = [s for s in quality.all_sets(DATASETS) if not FLOORS.get(s)]
    assert not ungated, f"sets without a floor: {ungated}. {HOW_TO_RAISE}"


@pytest.mark.parametrize(("set_name", "key"), CASES)
def test_score_meets_floor(results: dict[str, dict[str, Any]], set_name: str, key: str) -> None:
    failures = quality.floor_failures(results, {set_name: {key: FLOORS[set_name][key]}})
    assert not failures, f"{failures[0]}. {HOW_TO_RAISE}"


@pytest.mark.parametrize(("set_name", "key"), TARGET_CASES)
def test_target_reached_is_pinned(
    results: dict[str, dict[str, Any]], set_name: str, key: str
) -> None:
    (check,) = quality.target_checks(results, {set_name: {key: TARGETS[set_name][key]}})
    if not check.reached:
        shown = "not measured" if check.value is None else f"{check.value:.5f}"
        pytest.xfail(f"target {check.bound} not reached yet: {shown}")
    pytest.fail(
        f"{set_name} {key} reached its target {check.bound}: pin it as a floor with "
        "`python benchmarks/quality.py --update-floors` and commit benchmarks/floors.json"
    )


def test_targets_lie_above_their_floors() -> None:
    # A target the floor already reaches is enforced: it belongs among the floors.
    stale = [
        (s, k)
        for s, keys in TARGETS.items()
        for k, bound in keys.items()
        if k in FLOORS.get(s, {})
        and quality.meets(FLOORS[s][k], bound, quality.FLOOR_KEYS[k][1])
    ]
    assert not stale, f"targets no stricter than their floors: {stale}"


def test_floors_never_loosen() -> None:
    # Synthetic results worse than every floor: updating must keep each floor where it is.
    worse = {
        s: {
            quality.FLOOR_KEYS[k][0]: 0.0 if quality.FLOOR_KEYS[k][1] == "min" else 10**6
            for k in keys
        }
        for s, keys in FLOORS.items()
    }
    assert quality.floor_failures(worse, FLOORS)
    assert quality.raised_floors(worse, FLOORS) == FLOORS
    assert quality.pinned_targets(worse, FLOORS, TARGETS) == (FLOORS, TARGETS)


def test_floors_rise_to_current_scores_rounded_down() -> None:
    better = {"x": {"f1": 0.8769, "leak_pages": 3, "title_exact": 0.29}}
    old = {"x": {"f1": 0.5, "max_leak_pages": 9, "title_exact": 0.3}}
    assert quality.raised_floors(better, old) == {
        "x": {"f1": 0.876, "max_leak_pages": 3, "title_exact": 0.3}
    }


@pytest.mark.parametrize(
    ("score", "floor"), [(0.29, 0.29), (0.8769, 0.876), (0.92999999999, 0.929), (1.0, 1.0)]
)
def test_score_floors_round_down_and_never_exceed_the_score(score: float, floor: float) -> None:
    assert quality.floor_of(score, "min") == floor


def test_a_reached_target_becomes_a_floor_and_the_others_stay() -> None:
    results = {"x": {"f1": 0.9305, "leak_pages": 2}, "y": {"f1": 0.5}}
    floors = {"x": {"f1": 0.93, "max_leak_pages": 4}, "y": {"f1": 0.5}}
    targets = {"x": {"f1": 0.9301, "max_leak_pages": 1}, "y": {"f1": 0.6}, "z": {"f1": 0.7}}
    assert quality.pinned_targets(results, floors, targets) == (
        {"x": {"f1": 0.9301, "max_leak_pages": 4}, "y": {"f1": 0.5}},
        {"x": {"max_leak_pages": 1}, "y": {"f1": 0.6}, "z": {"f1": 0.7}},
    )


def test_floors_file_keeps_targets_apart(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    quality.write_floors({"x": {"f1": 0.8}}, {"x": {"f1": 0.9}, "y": {}}, path)
    assert json.loads(path.read_text()) == {"x": {"f1": 0.8, "target": {"f1": 0.9}}}
    assert quality.read_floors(path) == ({"x": {"f1": 0.8}}, {"x": {"f1": 0.9}})


# ---------------------------------------------------------------- which sets, which metric


def test_all_sets_come_in_table_order_then_by_name(tmp_path: Path) -> None:
    for name in ("zz-new", "dragnet", "aeb", "a-new", "no-gold"):
        (tmp_path / name).mkdir()
        if name != "no-gold":
            (tmp_path / name / "gold.jsonl").write_text("")
    assert quality.all_sets(tmp_path) == ["aeb", "dragnet", "a-new", "zz-new"]


def test_snippet_sets_are_those_with_snippets_and_no_text() -> None:
    snippet_row = {"text": None, "must_include": ["a"], "must_exclude": []}
    unlabeled_row = {"text": None, "must_include": [], "must_exclude": []}
    assert quality.has_snippets([snippet_row, unlabeled_row])
    assert not quality.has_snippets([unlabeled_row])
    assert not quality.has_snippets([{**snippet_row, "text": "body"}])


# ---------------------------------------------------------------- the snippet metric


def test_snippets_match_across_whitespace_runs() -> None:
    found = snippets.page_snippets(
        "First  line\nof the body.\n\nShare this", [" First line of the body. "], ["Share this"]
    )
    assert found.counts == snippets.SnippetCounts(tp=1, fn=0, fp=1)
    assert found.leaked == ("Share this",)


def test_snippet_counts_sum_over_pages_before_f1() -> None:
    pages = [
        snippets.page_snippets("a b", ["a b", "c"], ["x"]).counts,  # tp 1, fn 1
        snippets.page_snippets("x y z", ["q"], ["x", "y z"]).counts,  # fn 1, fp 2
    ]
    summed = snippets.total(pages)
    assert summed == snippets.SnippetCounts(tp=1, fn=2, fp=2)
    assert summed.f1 == pytest.approx(2 / (2 + 2 + 2))
    assert summed.precision == pytest.approx(1 / 3)
    assert summed.recall == pytest.approx(1 / 3)


def test_snippet_page_without_output_has_no_precision() -> None:
    counts = snippets.page_snippets("", ["a"], ["b"]).counts
    assert counts.precision is None
    assert counts.recall == 0.0


def test_gold_snippets_as_output_find_every_included_snippet() -> None:
    gold = DATASETS / "trafilatura-eval" / "gold.jsonl"
    if not gold.is_file():
        skip_without_data(f"{gold} not found")
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    found = [
        snippets.page_snippets("\n".join(r["must_include"]), r["must_include"], []).counts
        for r in rows
    ]
    assert snippets.total(found).fn == 0
