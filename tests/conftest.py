"""Shared test helpers: where the dev datasets are, and a tiny page builder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

from cleanweb import fixtures as fx

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"


def page(body: str, head: str = "<title>T</title>") -> str:
    """A minimal HTML document around ``body``."""
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def skip_without_data(reason: str) -> NoReturn:
    """Skip a test whose data is absent, except on CI (CI=true), where every test must run:
    a skip there would hide that it did not, so it fails."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run every test: {reason}")
    pytest.skip(reason)


def load_case(folder: Path) -> fx.Case:
    """A fixture case; one whose page is in a dataset that is absent is skipped (see above)."""
    try:
        return fx.load_case(folder)
    except fx.DatasetMissing as err:
        skip_without_data(str(err))


@pytest.fixture(scope="session")
def datasets() -> Path:
    """The dev datasets; tests that need them are skipped where they are absent (not on CI)."""
    if not DATASETS.is_dir():
        skip_without_data(f"dev datasets not found at {DATASETS}")
    return DATASETS
