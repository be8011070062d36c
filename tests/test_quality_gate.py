"""Quality gate: current scores on the shared datasets must meet benchmarks/floors.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import quality

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
FLOORS = quality.load_floors()
CASES = [(s, k) for s, keys in sorted(FLOORS.items()) for k in sorted(keys)]
HOW_TO_RAISE = (
    "Floors only move up: after an improvement, run `python benchmarks/quality.py "
    "--update-floors` and commit benchmarks/floors.json. A drop below a floor is a regression "
    "to fix (see `python benchmarks/quality.py --worst 10` for the pages that lost)."
)


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    missing = [s for s in FLOORS if not (DATASETS / s / "gold.jsonl").is_file()]
    if missing:
        pytest.skip(f"datasets not found under {DATASETS} (missing {missing}); gate not run")
    return quality.score_sets(DATASETS, sorted(FLOORS))


def test_floors_name_known_metrics() -> None:
    unknown = [k for keys in FLOORS.values() for k in keys if k not in quality.FLOOR_KEYS]
    assert not unknown, f"floors.json has keys the gate cannot check: {unknown}"
    assert {"aeb", "l3s-gn1", "zh-dev"} <= set(FLOORS)


@pytest.mark.parametrize(("set_name", "key"), CASES)
def test_score_meets_floor(results: dict[str, dict[str, Any]], set_name: str, key: str) -> None:
    failures = quality.floor_failures(results, {set_name: {key: FLOORS[set_name][key]}})
    assert not failures, f"{failures[0]}. {HOW_TO_RAISE}"


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


def test_floors_rise_to_current_scores_rounded_down() -> None:
    better = {"x": {"f1": 0.8769, "leak_pages": 3, "title_exact": 0.29}}
    old = {"x": {"f1": 0.5, "max_leak_pages": 9, "title_exact": 0.3}}
    assert quality.raised_floors(better, old) == {
        "x": {"f1": 0.87, "max_leak_pages": 3, "title_exact": 0.3}
    }


@pytest.mark.parametrize(
    ("score", "floor"), [(0.29, 0.29), (0.8769, 0.87), (0.92999999999, 0.92), (1.0, 1.0)]
)
def test_score_floors_round_down_and_never_exceed_the_score(score: float, floor: float) -> None:
    assert quality.floor_of(score, "min") == floor
