"""Run one extractor over one dataset in its own process and write what it returned.

``python -m benchmarks.peers.worker NAME SET_DIR OUT.json [--limit N] [--warmup N]``

The pages are read into memory first; an untimed warm-up pass over the first ``--warmup``
pages (imports, lazy tables, JIT-like caches) precedes the timed pass over all pages, in the
gold file's order. Standard library only, so it runs under any interpreter that has the
peer installed (``--python`` of ``benchmarks.run``).
"""

from __future__ import annotations

import argparse
import gc
import json
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from benchmarks.peers import Unavailable, by_name
from benchmarks.peers.base import Extractor, Output, Page

#: A page that takes longer is abandoned and counted as a failure.
PAGE_TIMEOUT_S = 60


class PageTimeout(Exception):
    pass


def load_pages(set_dir: Path, limit: int | None) -> list[tuple[str, Page]]:
    """(id, page) in gold order, the first ``limit`` only when given."""
    with (set_dir / "gold.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    rows = rows[:limit] if limit is not None else rows
    return [
        (
            str(r["id"]),
            Page((set_dir / "pages" / f"{r['id']}.html").read_bytes(), r.get("url"), r.get("lang")),
        )
        for r in rows
    ]


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout(f"over {PAGE_TIMEOUT_S} s")


def run_page(fn: Extractor, page: Page) -> tuple[float, Output | None, str | None]:
    """(milliseconds, output or None, error or None): a crash is timed and recorded."""
    signal.alarm(PAGE_TIMEOUT_S)
    start = time.perf_counter()
    try:
        out: Output | None = fn(page)
        err = None
    except Exception as exc:  # any peer failure is a measured result, not the end of the run
        out, err = None, f"{type(exc).__name__}: {str(exc)[:200]}"
    ms = (time.perf_counter() - start) * 1000
    signal.alarm(0)
    return ms, out, err


def record(page_id: str, ms: float, out: Output | None, err: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {"id": page_id, "ms": ms, "error": err}
    if out is not None:
        row |= {"text": out.text, "title": out.title}
        row["captions"] = list(out.captions) if out.captions is not None else None
    return row


def run(name: str, set_dir: Path, limit: int | None, warmup: int) -> dict[str, Any]:
    """Every number and output of one extractor on one set, or why it was skipped."""
    peer = by_name(name)
    try:
        fn = peer.load()
    except Unavailable as exc:
        return {"name": peer.name, "skipped": str(exc)}
    pages = load_pages(set_dir, limit)
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _, page in pages[:warmup]:
            run_page(fn, page)
        gc.collect()
        rows = [record(pid, *run_page(fn, page)) for pid, page in pages]
    finally:
        signal.signal(signal.SIGALRM, previous)
    return {
        "name": peer.name,
        "version": peer.version(),
        "warmup": min(warmup, len(pages)),
        "pages": rows,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="one extractor, one dataset, one process")
    ap.add_argument("name")
    ap.add_argument("set_dir", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--warmup", type=int, default=20)
    args = ap.parse_args(argv)
    result = run(args.name, args.set_dir, args.limit, args.warmup)
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
