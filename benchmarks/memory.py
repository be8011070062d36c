"""Memory growth over many extractions: ``python benchmarks/memory.py``.

Extracts the dev pages round-robin in one process (nothing kept between calls) and reports the
process's resident memory after a warm-up pass over every page, then after 1,000 and after
10,000 extractions, along with the count of live Python objects (after a full collection) at
the same points. A leak shows as RSS and objects that keep climbing from 1k to 10k; caches that
fill once stop at the warm-up. Exit status 1 when RSS grows by more than ``--max-growth-mb``
between 1k and 10k.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleanweb
from benchmarks.quality import add_datasets_argument, default_datasets

CHECKPOINTS = (1_000, 10_000)


@dataclass(frozen=True, slots=True)
class Sample:
    label: str
    calls: int
    rss_mb: float
    objects: int
    seconds: float


def rss_mb() -> float:
    """Current resident set size (Linux /proc), else the peak from getrusage."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_pages(datasets: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(datasets.glob("*/pages/*.html"))]


def sample(label: str, calls: int, start: float) -> Sample:
    gc.collect()
    return Sample(label, calls, rss_mb(), len(gc.get_objects()), time.perf_counter() - start)


def run(pages: Sequence[bytes], checkpoints: Sequence[int]) -> list[Sample]:
    start = time.perf_counter()
    samples = [sample("before", 0, start)]
    for html in pages:  # warm-up: every lazy table and cache is filled once
        cleanweb.extract(html)
    samples.append(sample("warm-up", len(pages), start))
    calls = 0
    for target in checkpoints:
        while calls < target:
            cleanweb.extract(pages[calls % len(pages)])
            calls += 1
        samples.append(sample(f"after {target:,}", len(pages) + calls, start))
    return samples


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="RSS after 1k and 10k extractions of dev pages")
    add_datasets_argument(ap)
    ap.add_argument("--checkpoints", type=int, nargs="+", default=list(CHECKPOINTS))
    ap.add_argument("--max-growth-mb", type=float, default=10.0,
                    help="allowed RSS growth between the first and the last checkpoint")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    pages = load_pages(args.datasets or default_datasets())
    if not pages:
        print("error: no pages found", file=sys.stderr)
        return 2
    print(f"{len(pages)} dev pages, {sum(map(len, pages)) / 2**20:.1f} MB, extracted round-robin")
    samples = run(pages, args.checkpoints)
    print(f"{'point':<14}{'calls':>8}{'RSS MB':>10}{'objects':>10}{'elapsed s':>11}")
    for s in samples:
        print(f"{s.label:<14}{s.calls:>8}{s.rss_mb:>10.1f}{s.objects:>10}{s.seconds:>11.1f}")
    first, last = samples[2], samples[-1]
    growth = last.rss_mb - first.rss_mb
    print(f"RSS growth {first.label} -> {last.label}: {growth:+.1f} MB "
          f"({last.objects - first.objects:+d} objects); bar {args.max_growth_mb:g} MB -> "
          f"{'met' if growth <= args.max_growth_mb else 'FAILED'}")
    return 0 if growth <= args.max_growth_mb else 1


if __name__ == "__main__":
    sys.exit(main())
