"""Pages per second of the ``cleanweb`` command against ``extract()`` in one process.

``python benchmarks/cli_speed.py [--sets aeb zh-dev] [--repeats 5] [--copies N]``

For each set, every round runs, in turn and each in a fresh interpreter:

* **in-process**: a script that imports cleanweb, compiles the rule patterns (what the
  first ``extract()`` call does, once per process), then reads and extracts every page in
  one loop; it reports the three times separately;
* **cli j1 / j2**: ``cleanweb DIR -o OUT --jobs N --quiet`` into a fresh OUT. It is timed
  from outside (``wall``: everything a user waits for) and, inside, split into the import,
  the same one-time compile, and the ``run`` (``cli.main``: finding the files, the worker
  pool, writing the outputs);
* **CPU**: processor seconds of the loop, and of the run (parent and workers together),
  which a busy shared host does not inflate the way it inflates wall time;
* **ideal**: the least any two-process command could take here: a script that imports
  cleanweb, compiles the patterns, then forks two children that extract every other page
  each, with no pool, no messages and no outputs. It is timed from outside like the command;
  its children's imbalance is taken out (their mean time counts, not the longer one's);
* **machine**: a fixed pure-Python loop in one process, then in two at once, to show how
  much a second process can gain on this machine at that moment (shared hosts vary).

Rounds are interleaved so that a busy machine slows every variant alike; medians are
reported. The bar compares the 2-job command with half the in-process loop: ``strict``
uses the command's whole wall time, ``run`` leaves out the interpreter start, the import
and the compile, which both sides pay once and which no number of jobs can divide; the last
figure divides the loop by the two-process speedup the machine showed instead of by 2.
``vs ideal`` is the command's wall time against the ideal's: what the command itself adds.

``--copies N`` runs on N copies of each set's pages (hard links in a temporary folder):
the one-time costs stay the same while the work grows N-fold, which shows what the strict
figure comes to on a real run over many pages. The command writes one file per page, which
the in-process loop does not: ``--scratch /dev/shm`` puts the outputs on a RAM disk, to tell
the command's own cost from the file system's (creating a file can cost half a millisecond
of kernel time on a busy disk, as much as a third of a page's extraction).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
BAR = 1.25

IN_PROCESS = """
import json, sys, time
t0 = time.perf_counter()
import cleanweb
from cleanweb.extract import compile_rules
t1 = time.perf_counter()
compile_rules()
t2, c2 = time.perf_counter(), time.process_time()
from pathlib import Path
for p in sorted(Path(sys.argv[1]).rglob("*.html")):
    cleanweb.extract(p.read_bytes())
t3, c3 = time.perf_counter(), time.process_time()
print(json.dumps({"import": t1 - t0, "compile": t2 - t1, "loop": t3 - t2, "cpu": c3 - c2}))
"""

CLI = """
import json, resource, sys, time
def cpu():
    return sum(r.ru_utime + r.ru_stime for r in
               (resource.getrusage(resource.RUSAGE_SELF),
                resource.getrusage(resource.RUSAGE_CHILDREN)))
t0 = time.perf_counter()
from cleanweb.cli import main
from cleanweb.extract import compile_rules
t1 = time.perf_counter()
compile_rules()  # the command does this before starting its workers; once per process
t2, c2 = time.perf_counter(), cpu()
code = main(sys.argv[1:])
t3, c3 = time.perf_counter(), cpu()
print(json.dumps({"import": t1 - t0, "compile": t2 - t1, "run": t3 - t2, "cpu": c3 - c2,
                  "code": code}), file=sys.stderr)
"""

IDEAL = """
import json, os, sys, time
t0 = time.perf_counter()
import cleanweb
from cleanweb.extract import compile_rules
compile_rules()
from pathlib import Path
pages = sorted(Path(sys.argv[1]).rglob("*.html"))
t1 = time.perf_counter()
pipes = []
for k in range(2):
    r, w = os.pipe()
    if os.fork() == 0:
        start = time.perf_counter()
        for page in pages[k::2]:
            cleanweb.extract(page.read_bytes())
        os.write(w, repr(time.perf_counter() - start).encode())
        os._exit(0)
    os.close(w)
    pipes.append(r)
halves = [float(os.read(r, 64)) for r in pipes]
for _ in pipes:
    os.wait()
print(json.dumps({"start": t1 - t0, "halves": halves}))
"""

SPIN = "x = 0\nfor i in range(4_000_000):\n    x += i\n"


@dataclass(frozen=True, slots=True)
class Round:
    import_s: float
    compile_s: float
    loop_s: float
    loop_cpu_s: float
    cli1_s: float
    run1_s: float
    cpu1_s: float
    cli2_s: float
    run2_s: float
    cpu2_s: float
    ideal_s: float
    spin1_s: float
    spin2_s: float


def in_process(pages: Path) -> tuple[float, float, float, float]:
    """(import, compile, loop, loop CPU) seconds of the in-process script."""
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, str(pages)], check=True,
                         capture_output=True, text=True).stdout
    data = json.loads(out)
    return float(data["import"]), float(data["compile"]), float(data["loop"]), float(data["cpu"])


def cli(pages: Path, jobs: int, scratch: Path) -> tuple[float, float, float]:
    """(wall, run, run CPU of all processes) seconds of ``cleanweb DIR -o OUT --jobs N``."""
    out = scratch / f"out-j{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CLI, str(pages), "-o", str(out),
                           "--jobs", str(jobs), "--quiet"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    try:
        data = json.loads(proc.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise RuntimeError(f"cleanweb did not finish: {proc.stderr}") from None
    if data["code"] != 0:
        raise RuntimeError(f"cleanweb exited {data['code']}: {proc.stderr}")
    return wall, float(data["run"]), float(data["cpu"])


def ideal(pages: Path) -> float:
    """Wall seconds of the ideal two-process run (see the module's docstring), less the
    time one child waited for the other; NaN where processes cannot fork."""
    if not hasattr(os, "fork"):
        return float("nan")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", IDEAL, str(pages)], check=True,
                         capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    halves = json.loads(out)["halves"]
    return float(wall - (max(halves) - statistics.mean(halves)))


def spin(processes: int) -> float:
    """Wall seconds for ``processes`` copies of a fixed CPU-bound loop run at once."""
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(processes)]
    for p in procs:
        p.wait()
    return time.perf_counter() - start


def replicate(pages: Path, copies: int, scratch: Path) -> Path:
    """A folder holding ``copies`` subfolders of the pages (hard links where the file system
    allows), so that one-time costs can be seen shrinking against the work; ``pages``
    itself for one copy."""
    if copies <= 1:
        return pages
    root = scratch / f"{pages.parent.name}-x{copies}"
    for i in range(copies):
        folder = root / f"copy{i}"
        folder.mkdir(parents=True, exist_ok=True)
        for page in sorted(pages.glob("*.html")):
            try:
                os.link(page, folder / page.name)
            except OSError:
                shutil.copyfile(page, folder / page.name)
    return root


def one_round(pages: Path, scratch: Path) -> Round:
    import_s, compile_s, loop_s, loop_cpu = in_process(pages)
    cli1, run1, cpu1 = cli(pages, 1, scratch)
    cli2, run2, cpu2 = cli(pages, 2, scratch)
    return Round(import_s, compile_s, loop_s, loop_cpu, cli1, run1, cpu1, cli2, run2, cpu2,
                 ideal(pages), spin(1), spin(2))


def median(rounds: list[Round], name: str) -> float:
    return statistics.median(float(getattr(r, name)) for r in rounds)


def report(name: str, n: int, rounds: list[Round]) -> dict[str, float]:
    keys = ("import_s", "compile_s", "loop_s", "loop_cpu_s", "cli1_s", "run1_s", "cpu1_s", "cli2_s",
            "run2_s", "cpu2_s", "ideal_s", "spin1_s", "spin2_s")
    m = {k: median(rounds, k) for k in keys}
    half = m["loop_s"] / 2
    out = {
        "pages": float(n), **m,
        "in_process_docs_s": n / m["loop_s"],
        "cli_j1_docs_s": n / m["cli1_s"], "cli_j2_docs_s": n / m["cli2_s"],
        "run_j1_docs_s": n / m["run1_s"], "run_j2_docs_s": n / m["run2_s"],
        "ratio_strict": m["cli2_s"] / half,
        "ratio_run": m["run2_s"] / half,
        "ratio_ideal_strict": m["ideal_s"] / half,
        "ratio_vs_ideal": m["cli2_s"] / m["ideal_s"],
        "machine_two_process_speedup": 2 * m["spin1_s"] / m["spin2_s"],
    }
    # What the pool adds, given the parallelism this machine really offered: the run
    # against the loop divided by the measured two-process speedup instead of by 2.
    out["ratio_run_machine"] = m["run2_s"] / (m["loop_s"] / out["machine_two_process_speedup"])
    print(f"{name}: {n} pages, median of {len(rounds)} rounds")
    print(f"  in-process extract loop {m['loop_s']:6.2f} s {out['in_process_docs_s']:6.1f} docs/s"
          f"   (+ import {m['import_s']:.2f} s, compile {m['compile_s']:.2f} s)")
    for j in (1, 2):
        print(f"  cleanweb --jobs {j}  wall {m[f'cli{j}_s']:6.2f} s {out[f'cli_j{j}_docs_s']:6.1f}"
              f" docs/s   run {m[f'run{j}_s']:5.2f} s {out[f'run_j{j}_docs_s']:6.1f} docs/s")
    print(f"  jobs 2 vs loop/2: strict (wall) {out['ratio_strict']:.2f}, "
          f"run {out['ratio_run']:.2f}   (bar {BAR})")
    print(f"  ideal two-process run {m['ideal_s']:.2f} s: strict {out['ratio_ideal_strict']:.2f};"
          f" cleanweb --jobs 2 wall vs ideal {out['ratio_vs_ideal']:.2f}")
    print(f"  CPU seconds: loop {m['loop_cpu_s']:.2f}, cleanweb run --jobs 1 {m['cpu1_s']:.2f}, "
          f"--jobs 2 {m['cpu2_s']:.2f} (parent and workers)")
    print(f"  machine: 2 processes do {out['machine_two_process_speedup']:.2f}x the work of 1;"
          f" run vs loop / that speedup: {out['ratio_run_machine']:.2f}")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sets", nargs="+", default=["aeb"])
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--copies", type=int, default=1,
                   help="run on this many copies of each set (one-time costs amortize)")
    p.add_argument("--scratch", metavar="DIR", default=None,
                   help="where copies and outputs go (default: the system's temporary "
                        "folder); a RAM disk such as /dev/shm leaves the disk's cost out")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = p.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(dir=args.scratch) as tmp:
        for name in args.sets:
            pages = DATASETS / name / "pages"
            if not pages.is_dir():
                print(f"{name}: no pages at {pages}, skipped", file=sys.stderr)
                continue
            pages = replicate(pages, args.copies, Path(tmp))
            n = len(list(pages.rglob("*.html")))
            rounds = [one_round(pages, Path(tmp)) for _ in range(args.repeats)]
            label = name if args.copies <= 1 else f"{name} x{args.copies}"
            results[label] = report(label, n, rounds)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
