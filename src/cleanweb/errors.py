"""Internal signals that end a page's extraction early with a status."""

from __future__ import annotations

import time


class Stop(Exception):
    """Raised inside a stage to stop work on a page; carries the status to report."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


class Budget:
    """A per-page wall-clock deadline, checked cooperatively by the stages."""

    __slots__ = ("deadline",)

    def __init__(self, seconds: float | None) -> None:
        self.deadline = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise Stop("timeout")
