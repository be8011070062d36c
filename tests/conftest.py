"""Shared test helpers: where the dev datasets are, and a tiny page builder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"


def page(body: str, head: str = "<title>T</title>") -> str:
    """A minimal HTML document around ``body``."""
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.fixture(scope="session")
def datasets() -> Path:
    if not DATASETS.is_dir():
        pytest.skip(f"dev datasets not found at {DATASETS}")
    return DATASETS
