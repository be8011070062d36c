"""Progress bar and summary line on stderr."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from typing import TextIO

#: Seconds between two redraws of the bar.
REDRAW = 0.1
BAR_WIDTH = 24


@dataclass(slots=True)
class Counts:
    pages: int = 0
    ok: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, status: str) -> None:
        self.pages += 1
        if status == "ok":
            self.ok += 1
        elif status == "empty":
            self.empty += 1
        else:
            self.failed += 1
            self.reasons[status] = self.reasons.get(status, 0) + 1


def clock(seconds: float) -> str:
    """``75`` -> ``1:15``; ``3725`` -> ``1:02:05``."""
    s = int(seconds + 0.5)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def bar_line(done: int, total: int, failed: int, elapsed: float) -> str:
    """``[#####-----]  50/100  50%  12.3/s  ETA 0:04  1 failed``."""
    share = done / total if total else 1.0
    filled = int(share * BAR_WIDTH)
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = clock((total - done) / rate) if rate > 0 else "?"
    line = (f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total} "
            f"{share:4.0%}  {rate:.1f}/s  ETA {eta}")
    return line + (f"  {failed} failed" if failed else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(counts: Counts, total: int, elapsed: float, interrupted: bool) -> str:
    """``cleanweb: 181 pages, 178 ok, 2 empty, 1 failed (1 timeout), 3.1 s (58.4 pages/s)``.

    ``total`` is how many pages the run had to do; an interrupted run says how far it got.
    """
    why = ", ".join(f"{n} {r}" for r, n in sorted(counts.reasons.items()))
    rate = counts.pages / elapsed if elapsed > 0 else 0.0
    done = plural(counts.pages, "page")
    head = f"interrupted after {counts.pages} of {plural(total, 'page')}" if interrupted else done
    parts = [head, f"{counts.ok} ok", f"{counts.empty} empty",
             f"{counts.failed} failed" + (f" ({why})" if why else "")]
    if counts.skipped:
        parts.append(f"{counts.skipped} skipped (output exists)")
    return "cleanweb: " + ", ".join(parts) + f", {elapsed:.1f} s ({rate:.1f} pages/s)"


class Reporter:
    """Counts outcomes, draws the bar on a terminal, and prints messages without tearing it."""

    def __init__(self, stream: TextIO, total: int, bar: bool) -> None:
        self.stream = stream
        self.total = total
        self.bar = bar
        self.counts = Counts()
        self.start = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def page(self, status: str) -> None:
        self.counts.add(status)
        now = time.monotonic()
        if self.bar and (now - self._drawn >= REDRAW or self.counts.pages == self.total):
            self._drawn = now
            self.draw()

    def write(self, text: str) -> None:
        # stderr may be gone (a closed terminal: SIGHUP); the run and its files are not
        with contextlib.suppress(OSError, ValueError):
            self.stream.write(text)
            self.stream.flush()

    def draw(self) -> None:
        c = self.counts
        self.write("\r\x1b[K" + bar_line(c.pages, self.total, c.failed, self.elapsed()))
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.write("\r\x1b[K")
            self._shown = False

    def message(self, line: str) -> None:
        self.clear()
        self.write(line + "\n")
        if self.bar:
            self.draw()

    def finish(self, interrupted: bool, quiet: bool) -> None:
        self.clear()
        if not quiet:
            self.write(summary_line(self.counts, self.total, self.elapsed(), interrupted) + "\n")
