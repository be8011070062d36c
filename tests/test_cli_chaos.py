"""Chaos: the command killed at random moments, resumed, and compared with a run that was
left alone.

Each round runs ``cleanweb`` over a few hundred real pages (tree or jsonl output, two
workers), stops it one to three times with SIGINT (to its process group, as Ctrl-C),
SIGTERM (to the command, as ``kill``) or SIGKILL (to the command alone, or to the whole
group), each at a random point of its progress or of its start-up, and resumes it with
``--skip-existing`` until a run completes. Then the outputs must equal the uninterrupted
run's: nothing missing, nothing doubled; no process and no temporary file may be left; a
resumed run must redo no page whose output was written (after SIGKILL, only the pages in
flight are done again); and a run stopped by a signal must report what it wrote.

The suite runs at most a few rounds and starts no new one after ``CHAOS_SECONDS`` (both
formats are always covered), so that it takes about as long on a slow or busy machine;
``CLEANWEB_CHAOS_ROUNDS=200 CLEANWEB_CHAOS_SECONDS=3600`` runs the long version, and
``CLEANWEB_CHAOS_SEED`` picks the random moments (failures name the seed and round).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import CLI, DATASETS, run, tmp_files, wait_gone
from conftest import skip_without_data

ROUNDS = int(os.environ.get("CLEANWEB_CHAOS_ROUNDS", "6"))
CHAOS_SECONDS = float(os.environ.get("CLEANWEB_CHAOS_SECONDS", "10"))
SEED = int(os.environ.get("CLEANWEB_CHAOS_SEED", "20261207"))
PAGES = 240

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="the processes left behind are looked for in /proc")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hundred real pages in one folder (aeb, then l3s-gn1)."""
    pages = [p for name in ("aeb", "l3s-gn1")
             for p in sorted((DATASETS / name / "pages").glob("*.html"))][:PAGES]
    if len(pages) < PAGES:
        skip_without_data(f"dev datasets not found at {DATASETS}")
    src = tmp_path_factory.mktemp("chaos") / "crawl"
    src.mkdir()
    for i, page in enumerate(pages):
        os.link(page, src / f"{i:03d}-{page.name}") if same_device(page, src) else (
            shutil.copyfile(page, src / f"{i:03d}-{page.name}"))
    return src


def same_device(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


@dataclass(frozen=True, slots=True)
class Target:
    fmt: str
    out: Path

    @property
    def folder(self) -> Path:
        """Where the output and every temporary file of the run go."""
        return self.out if self.fmt == "txt" else self.out.parent

    def args(self) -> list[str]:
        return ["-f", self.fmt, "-o", str(self.out), "--jobs", "2", "--skip-existing"]


def finished(target: Target) -> Counter[str]:
    """The pages whose output is written: files of the tree, or complete records of the
    jsonl file and of temporary files a killed run left (a resumed run takes them)."""
    if target.fmt == "txt":
        return Counter(p.name for p in target.out.glob("*.txt")) if target.out.is_dir() \
            else Counter()
    done: Counter[str] = Counter()
    for path in [target.out, *tmp_files(target.folder)]:
        try:
            lines = path.read_bytes().splitlines()
        except FileNotFoundError:  # not yet written, or renamed into place meanwhile
            continue
        seen: set[str] = set()
        for line in lines:
            try:
                key = json.loads(line)["path"]
            except (ValueError, KeyError):
                continue  # a line cut by the kill
            seen.add(key)
        done.update(seen - set(done))
    return done


def outputs(target: Target) -> Counter[bytes]:
    """Everything the finished run wrote, as a multiset: doubled pages show up."""
    if target.fmt == "txt":
        return Counter(p.name.encode() + b"\0" + p.read_bytes() for p in target.out.iterdir())
    return Counter(target.out.read_bytes().splitlines())


def summary(stderr: bytes) -> dict[str, int]:
    line = stderr.decode().strip().splitlines()[-1] if stderr.strip() else ""
    return {word: int(n) for n, word in re.findall(r"(\d+) (ok|empty|failed|skipped)", line)}


@pytest.fixture(scope="module")
def reference(crawl: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter[bytes]]:
    """The outputs of runs left alone, in both formats."""
    root = tmp_path_factory.mktemp("reference")
    refs = {}
    for fmt, name in (("txt", "tree"), ("jsonl", "pages.jsonl")):
        target = Target(fmt, root / name)
        proc = run(str(crawl), *target.args())
        assert proc.returncode == 0, proc.stderr.decode()
        refs[fmt] = outputs(target)
    return refs


def wait_for(target: Target, pages: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and sum(finished(target).values()) < pages:
        time.sleep(0.01)


EXIT = {signal.SIGINT: (130, -signal.SIGINT), signal.SIGTERM: (143, -signal.SIGTERM),
        signal.SIGKILL: (-signal.SIGKILL,)}


def interrupt(crawl: Path, target: Target, rng: random.Random, where: str) -> None:
    """One run, stopped by a random signal at a random moment; checks what it left."""
    signum = rng.choice([signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
    group = signum == signal.SIGINT or (signum == signal.SIGKILL and rng.random() < 0.5)
    before = sum(finished(target).values())
    # a killed run's temporary file stays until a later run gets far enough to take it
    left_before = set(tmp_files(target.folder))
    proc = subprocess.Popen([*CLI, str(crawl), *target.args()], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    if rng.random() < 0.25:  # during start-up: imports, the walk, the workers starting
        time.sleep(rng.uniform(0.0, 0.8))
    else:
        wait_for(target, before + rng.randint(1, max(1, PAGES - before)), 30)
    (os.killpg if group else os.kill)(proc.pid, signum)
    _, err = proc.communicate(timeout=60)
    label = f"{where}: {signal.Signals(signum).name} to the {'group' if group else 'command'}"
    # Before cleanweb's handlers are in place, Python itself answers Ctrl-C (a
    # KeyboardInterrupt, or a fatal error while it sets up its streams): nothing is
    # written yet then. Afterwards a stop is cleanweb's, and no traceback.
    python = b"KeyboardInterrupt" in err or b"Fatal Python error" in err
    assert proc.returncode in (0, *EXIT[signum]) or python, f"{label}: exit " \
        f"{proc.returncode}\n{err!r}"
    assert b"Traceback" not in err or python, f"{label}: {err!r}"
    assert wait_gone(proc.pid) == [], f"{label}: processes left"
    if signum != signal.SIGKILL:
        assert set(tmp_files(target.folder)) <= left_before, f"{label}: temporary files " \
            f"left\n{err!r}"
    counts = summary(err)
    if proc.returncode in (130, 143) and "ok" in counts and target.fmt == "jsonl":
        written = counts.get("skipped", 0) + counts["ok"] + counts["empty"]
        assert written == sum(finished(target).values()), f"{label}: summary {counts}"


def test_killed_and_resumed_runs_end_like_a_run_left_alone(
        crawl: Path, reference: dict[str, Counter[bytes]], tmp_path: Path) -> None:
    rng = random.Random(SEED)
    start = time.monotonic()
    for n in range(ROUNDS):
        if n >= 2 and time.monotonic() - start > CHAOS_SECONDS:
            break  # both formats done; the long version is for more
        fmt = ("txt", "jsonl")[n % 2]
        target = Target(fmt, tmp_path / f"round{n}" / ("tree" if fmt == "txt" else "p.jsonl"))
        target.folder.mkdir(parents=True, exist_ok=True)
        where = f"seed {SEED}, round {n} ({fmt})"
        for k in range(rng.randint(1, 3)):
            interrupt(crawl, target, rng, f"{where}, stop {k + 1}")
        done = finished(target)
        assert max(done.values(), default=1) == 1, f"{where}: a page written twice"
        final = run(str(crawl), *target.args())
        assert final.returncode == 0, f"{where}: {final.stderr.decode()}"
        # every page written before is kept, not done again
        assert summary(final.stderr).get("skipped", 0) == len(done), where
        assert outputs(target) == reference[fmt], f"{where}: outputs differ"
        assert not tmp_files(target.folder), f"{where}: temporary files left"
