"""Shared test helpers: where the dev datasets are, and a tiny page builder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"


def page(body: str, head: str = "<title>T</title>") -> str:
    """A minimal HTML document around ``body``."""
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.fixture(scope="session")
def datasets() -> Path:
    """The dev datasets; tests that need them are skipped where they are absent, except on
    CI (CI=true), where they must run: a skip there would hide that they did not."""
    if not DATASETS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the dataset tests: no dev datasets at {DATASETS}")
        pytest.skip(f"dev datasets not found at {DATASETS}")
    return DATASETS
