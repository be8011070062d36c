"""Does the compiled build pay for itself? Paired timing of two installs of cleanweb.

``python benchmarks/compiled.py --compiled VENV_A/bin/python --plain VENV_B/bin/python``

Each interpreter runs a worker process that loads the pages once, extracts every page once
untimed (imports, lazy rule tables), then times whole passes over the set when told to.
The two workers take turns pass by pass, the order swapped every round, so a change in
machine load during the session hits both builds alike; each worker empties the naming
memos before its pass, as benchmarks/speed.py does. A pass is timed in processor time of
its worker (one thread), so the time the worker waits while others use the machine's cores
does not count. The ratio is computed per round (plain time / compiled time) and summarised
by its median, so one noisy pass does not decide it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.quality import add_datasets_argument, default_datasets

# Runs inside each install's interpreter; it must not import this repository's sources.
WORKER = r"""
import gc, json, sys, time
import cleanweb
from cleanweb.cli import build
from cleanweb.stages.segment import clear_naming_memos
set_dir = sys.argv[1]
ids = [json.loads(l)["id"] for l in open(set_dir + "/gold.jsonl", encoding="utf-8") if l.strip()]
pages = [open(f"{set_dir}/pages/{i}.html", "rb").read() for i in ids]
for html in pages:
    cleanweb.extract(html)
print(json.dumps({"build": build(), "pages": len(pages)}), flush=True)
for _ in sys.stdin:
    clear_naming_memos()
    gc.collect()
    start = time.process_time()
    for html in pages:
        cleanweb.extract(html)
    print(time.process_time() - start, flush=True)
"""


class Worker:
    """One install's interpreter with the set loaded, timing a pass on request."""

    def __init__(self, python: str, set_dir: Path) -> None:
        # The worker is run from its own folder so the repository's sources are not on
        # its path: it must time the install under test.
        self.proc = subprocess.Popen(
            [python, "-c", WORKER, str(set_dir)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, cwd="/")
        self.info = json.loads(self._line())

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("a timing worker stopped early")
        return line

    def timed_pass(self) -> float:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        return float(self._line())

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def paired(compiled: str, plain: str, set_dir: Path, rounds: int) -> dict[str, float]:
    workers = {"compiled": Worker(compiled, set_dir), "plain": Worker(plain, set_dir)}
    try:
        kinds = {name: w.info["build"] for name, w in workers.items()}
        if kinds != {"compiled": "compiled stages", "plain": "plain-Python stages"}:
            raise SystemExit(f"the interpreters run {kinds}; give one of each build")
        times: dict[str, list[float]] = {"compiled": [], "plain": []}
        for r in range(rounds):
            for name in (("compiled", "plain") if r % 2 == 0 else ("plain", "compiled")):
                times[name].append(workers[name].timed_pass())
    finally:
        for w in workers.values():
            w.close()
    pages = int(workers["compiled"].info["pages"])
    ratios = [p / c for c, p in zip(times["compiled"], times["plain"], strict=True)]
    return {
        "pages": pages,
        "compiled_ms": 1000 * statistics.median(times["compiled"]) / pages,
        "plain_ms": 1000 * statistics.median(times["plain"]) / pages,
        "ratio": statistics.median(ratios), "ratio_min": min(ratios), "ratio_max": max(ratios),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="paired speed of a compiled and a plain install")
    add_datasets_argument(ap)
    ap.add_argument("--compiled", required=True, help="python of the compiled install")
    ap.add_argument("--plain", required=True, help="python of the plain-Python install")
    ap.add_argument("--sets", nargs="+", default=["aeb", "zh-dev"])
    ap.add_argument("--rounds", type=int, default=10, help="timed passes per build (default 10)")
    args = ap.parse_args(argv)
    datasets = args.datasets or default_datasets()
    print(f"{'set':<8}{'pages':>6}{'compiled ms':>13}{'plain ms':>10}{'plain/compiled':>16}"
          f"{'range':>14}")
    for name in args.sets:
        r = paired(args.compiled, args.plain, datasets / name, args.rounds)
        print(f"{name:<8}{r['pages']:>6}{r['compiled_ms']:>13.2f}{r['plain_ms']:>10.2f}"
              f"{r['ratio']:>16.3f}{r['ratio_min']:>8.3f}–{r['ratio_max']:.3f}")
    print("ms: median processor time per page over the passes; plain/compiled: median of the "
          "per-round ratios, and their range")
    return 0


if __name__ == "__main__":
    sys.exit(main())
