"""Milliseconds per page: ``python benchmarks/speed.py [--rounds 3] [--interleave sets]``.

cleanweb and trafilatura run in this one process on the same page bytes; each gets an
untimed warm-up pass over the pages first (imports, caches, lazy tables), then timed
rounds. By default each round times every extractor over the whole set in turn, the
order reversed every other round so that a change in machine load hits both alike: this
is how a pipeline runs one extractor over many pages. ``--interleave pages`` instead
lets the extractors take turns page by page, so each starts every page with the other's
data in the processor caches; that costs the faster extractor with the smaller working
set the most (on aeb, about a millisecond per cleanweb page). Both receive raw bytes:
trafilatura documents that it decodes bytes itself. Means are over every timed call;
p99 is nearest-rank, so on a set of fewer than 100 pages it is the slowest call.

cleanweb remembers what class and id values name across pages (bounded memos); they are
emptied before every round, so no round profits from having seen these very pages before:
a pipeline sees each page once. trafilatura's own caches are left as they are.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleanweb
from benchmarks.quality import add_datasets_argument, default_datasets, load_gold
from cleanweb.stages.segment import clear_naming_memos

DEFAULT_SETS = ("aeb", "zh-dev")

Extractor = Callable[[bytes], object]


@dataclass(frozen=True, slots=True)
class Timing:
    name: str
    mean_ms: float
    p99_ms: float
    pages: int
    errors: int


def load_pages(set_dir: Path, limit: int | None) -> list[bytes]:
    golds = load_gold(set_dir)[:limit]
    return [(set_dir / "pages" / f"{g['id']}.html").read_bytes() for g in golds]


def run_cleanweb(html: bytes) -> object:
    return cleanweb.extract(html)


def trafilatura_extractor() -> Extractor | None:
    """trafilatura's ``extract`` with default settings, or None when it is not installed."""
    try:
        mod = importlib.import_module("trafilatura")
    except ImportError:
        return None
    extract: Extractor = mod.extract
    return extract


def time_page(fn: Extractor, html: bytes) -> tuple[float, bool]:
    """(milliseconds, raised?) for one call; a crash is timed, counted, and not re-raised."""
    start = time.perf_counter()
    try:
        fn(html)
        failed = False
    except Exception:  # a crashing page still took its time; count it and go on
        failed = True
    return (time.perf_counter() - start) * 1000, failed


def p99(values: Sequence[float]) -> float:
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


def measure(extractors: dict[str, Extractor], pages: Sequence[bytes], rounds: int = 3,
            by_page: bool = False) -> list[Timing]:
    """Warm every extractor up on all pages, then time ``rounds`` rounds (see the module
    docstring); errors are counted once per page, from the first round."""
    for fn in extractors.values():
        for html in pages:
            time_page(fn, html)
    gc.collect()
    runs: dict[str, list[tuple[float, bool]]] = {name: [] for name in extractors}
    for r in range(rounds):
        clear_naming_memos()
        order = list(extractors) if r % 2 == 0 else list(reversed(extractors))
        if by_page:
            for html in pages:
                for name in order:
                    runs[name].append(time_page(extractors[name], html))
        else:
            for name in order:
                runs[name] += [time_page(extractors[name], html) for html in pages]
    return [timing(name, r, len(pages)) for name, r in runs.items()]


def timing(name: str, runs: Sequence[tuple[float, bool]], pages: int) -> Timing:
    times = [ms for ms, _ in runs]
    errors = sum(failed for _, failed in runs[:pages])
    return Timing(name, statistics.fmean(times), p99(times), pages, errors)


def set_rows(set_name: str, pages: Sequence[bytes], others: dict[str, Extractor],
             args: argparse.Namespace) -> list[str]:
    mine, *theirs = measure({"cleanweb": run_cleanweb, **others}, pages, args.rounds,
                            args.interleave == "pages")
    return [row(set_name, mine, None)] + [
        row(set_name, t, mine.mean_ms / t.mean_ms) for t in theirs
    ]


def row(set_name: str, t: Timing, ratio: float | None) -> str:
    ratio_s = f"{ratio:>9.2f}" if ratio is not None else f"{'':>9}"
    return (
        f"{set_name:<10}{t.name:<13}{t.pages:>6}{t.mean_ms:>10.2f}{t.p99_ms:>10.2f}"
        f"{t.errors:>7}{ratio_s}"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="mean and p99 ms per page, single process")
    add_datasets_argument(ap)
    ap.add_argument(
        "--sets",
        nargs="+",
        default=list(DEFAULT_SETS),
        help="sets to time (space- or comma-separated)",
    )
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set only")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    ap.add_argument(
        "--interleave", choices=("sets", "pages"), default="sets",
        help="extractors take turns per whole set (default) or page by page",
    )
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    datasets = args.datasets or default_datasets()
    sets = [s for arg in args.sets for s in arg.split(",") if s]
    others: dict[str, Extractor] = {}
    if (traf := trafilatura_extractor()) is not None:
        others["trafilatura"] = traf
    else:
        print("note: trafilatura is not importable; timing cleanweb only")
    lines = [
        f"{'set':<10}{'extractor':<13}{'pages':>6}{'mean ms':>10}{'p99 ms':>10}"
        f"{'errors':>7}{'cw/other':>9}"
    ]
    missing = [s for s in sets if not (datasets / s / "gold.jsonl").is_file()]
    if missing:
        print(f"error: no gold.jsonl for {missing} under {datasets}", file=sys.stderr)
        return 2
    for s in sets:
        lines += set_rows(s, load_pages(datasets / s, args.limit), others, args)
    print("\n".join(lines))
    print("cw/other = cleanweb mean ms / that extractor's mean ms (below 1: cleanweb is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
