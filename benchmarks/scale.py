"""Pages per second at scale: the aeb pages packed into one WARC file, through the
``cleanweb`` command, datatrove's local executor and Ray, each beside ``extract()`` in a
plain loop over the same records, in the same run.

``python benchmarks/scale.py [--set aeb] [--workers 2] [--repeats 3]``

* **loop**: one process reads the WARC's pages and calls ``extract()`` on each;
* **cli**: ``cleanweb FILE.warc.gz -f jsonl -o OUT --jobs N -q`` as a fresh process, and
  the same pages as a folder of ``.html`` files (control: what WARC reading costs);
* **datatrove**: ``WarcReader(shard_records=True) -> CleanwebExtractor -> JsonlWriter`` on
  ``LocalPipelineExecutor(tasks=N, workers=N)``, as a fresh process;
* **ray**: a fresh process starts a local Ray cluster with N CPUs and runs the same
  pipeline on datatrove's ``RayPipelineExecutor``;
  **ray tasks**: N plain Ray tasks, each extracting every N-th record (in the same
  process and cluster, timed after start-up).

Wall times are from outside and include interpreter start, imports and engine start-up
(the cost a user waits for); ``ratio`` is the engine's docs/s over the loop's.
**machine** is a fixed pure-Python loop run in one process, then in N at once: the
speedup N processes can get on this machine at that moment (a shared host gives less
than N), against which the ratios should be read. Rounds are
interleaved so a busy machine slows every variant alike; medians are reported. The WARC
file holds one gzip member per record, with a ``text/html`` header and no charset, as a
crawler records pages whose server names none.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"

LOOP = """
import sys, time
t0 = time.perf_counter()
import cleanweb
from cleanweb.readers.warc import pages
n = 0
for page in pages(sys.argv[1]):
    cleanweb.extract(page.body, url=page.uri, http_charset=page.charset)
    n += 1
print(n, time.perf_counter() - t0)
"""

DATATROVE = """
import sys
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter
from cleanweb.integrations.datatrove import CleanwebExtractor, WarcReader
if __name__ == "__main__":
    src, out, logs, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    LocalPipelineExecutor(pipeline=[WarcReader(src, shard_records=True),
                                    CleanwebExtractor(timeout=60),
                                    JsonlWriter(out, compression=None)],
                          tasks=n, workers=n, logging_dir=logs).run()
"""

RAY = """
import sys, time, ray
from datatrove.executor.ray import RayPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter
from cleanweb.integrations.datatrove import CleanwebExtractor, WarcReader
from cleanweb.integrations.records import page_row
from cleanweb.readers.warc import pages
src, out, logs, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ray.init(num_cpus=n, include_dashboard=False, log_to_driver=False, configure_logging=False)

@ray.remote
def share(path, rank, world):
    return sum(1 for i, p in enumerate(pages(path)) if i % world == rank
               and page_row(p, path) is not None)

t0 = time.perf_counter()
RayPipelineExecutor(pipeline=[WarcReader(src, shard_records=True),
                              CleanwebExtractor(timeout=60),
                              JsonlWriter(out, compression=None)],
                    tasks=n, workers=n, mem_per_cpu_gb=0.25, logging_dir=logs).run()
t1 = time.perf_counter()
warc = sorted(__import__("glob").glob(src + "/*.warc.gz"))[0]
done = sum(ray.get([share.remote(warc, r, n) for r in range(n)]))
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, done)
ray.shutdown()
"""


def pack(pages: list[Path], target: Path) -> int:
    """Write ``pages`` as HTTP response records of one ``.warc.gz``; returns the count."""
    with target.open("wb") as fh:
        for page in pages:
            body = page.read_bytes()
            http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
            head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:"
                    f"{uuid.uuid4()}>\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n"
                    f"WARC-Target-URI: http://example.com/{page.stem}\r\n"
                    f"Content-Type: application/http; msgtype=response\r\n"
                    f"Content-Length: {len(http)}\r\n\r\n").encode()
            fh.write(gzip.compress(head + http + b"\r\n\r\n"))
    return len(pages)


SPIN = "x = 0\nfor i in range(6_000_000):\n    x += i\n"


def machine(n: int) -> float:
    """How much faster N processes finish N spins than one process finishes N spins."""
    one = timed([sys.executable, "-c", SPIN * n])[0]
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(n)]
    for proc in procs:
        proc.wait()
    return one / (time.perf_counter() - t0)


def timed(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:3]} failed: {proc.stderr[-2000:]}")
    return wall, proc.stdout


def count_lines(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.jsonl"))


def one_round(warc: Path, html: Path, work: Path, n: int) -> dict[str, float]:
    py = sys.executable
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    speedup = machine(n)
    loop_wall, out = timed([py, "-c", LOOP, str(warc)])
    dir_wall, _ = timed([py, "-m", "cleanweb", str(html), "-f", "jsonl", "-o",
                         str(work / "dir.jsonl"), "--jobs", str(n), "-q"])
    cli_wall, _ = timed([py, "-m", "cleanweb", str(warc), "-f", "jsonl", "-o",
                         str(work / "cli.jsonl"), "--jobs", str(n), "-q"])
    dt_wall, _ = timed([py, "-c", DATATROVE, str(warc.parent), str(work / "dt"),
                        str(work / "dt-logs"), str(n)])
    ray_wall, ray_out = timed([py, "-c", RAY, str(warc.parent), str(work / "ray"),
                               str(work / "ray-logs"), str(n)])
    ray_pipeline, ray_tasks, _ = ray_out.split()
    return {"machine": speedup, "cli_dir": dir_wall,
            "loop_wall": loop_wall, "loop_in": float(out.split()[1]), "cli": cli_wall,
            "datatrove": dt_wall, "ray_wall": ray_wall, "ray_pipeline": float(ray_pipeline),
            "ray_tasks": float(ray_tasks), "dt_docs": count_lines(work / "dt"),
            "ray_docs": count_lines(work / "ray")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="aeb")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    pages = sorted((DATASETS / args.set / "pages").glob("*.html"))
    if not pages:
        sys.exit(f"no pages under {DATASETS / args.set}")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        docs = pack(pages, src / f"{args.set}.warc.gz")
        html = pages[0].parent
        rounds = [one_round(src / f"{args.set}.warc.gz", html, Path(tmp) / "work",
                            args.workers) for _ in range(args.repeats)]
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    loop_rate = docs / med["loop_wall"]
    loop_in_rate = docs / med["loop_in"]
    rows = [("extract() loop, 1 process (wall)", med["loop_wall"], loop_rate, loop_rate),
            ("extract() loop, after start-up", med["loop_in"], loop_in_rate, loop_in_rate),
            (f"cli --jobs {args.workers} (wall)", med["cli"], docs / med["cli"], loop_rate),
            (f"  control: cli --jobs {args.workers} on the .html files (wall)", med["cli_dir"],
             docs / med["cli_dir"], loop_rate),
            (f"datatrove local, {args.workers} workers (wall)", med["datatrove"],
             docs / med["datatrove"], loop_rate),
            (f"ray {args.workers} CPUs, datatrove executor (wall)", med["ray_wall"],
             docs / med["ray_wall"], loop_rate),
            (f"ray {args.workers} CPUs, datatrove executor (run only)", med["ray_pipeline"],
             docs / med["ray_pipeline"], loop_in_rate),
            (f"ray {args.workers} CPUs, plain tasks (run only)", med["ray_tasks"],
             docs / med["ray_tasks"], loop_in_rate)]
    print(f"{docs} pages of {args.set} in one .warc.gz; medians of {args.repeats} rounds; "
          f"machine: {args.workers} processes ran {med['machine']:.2f}x one")
    print(f"{'variant':52} {'s':>7} {'docs/s':>8} {'ratio':>6}")
    for name, secs, rate, base in rows:
        print(f"{name:52} {secs:7.2f} {rate:8.1f} {rate / base:6.2f}")
    print(json.dumps({"docs": docs, "medians": med}))


if __name__ == "__main__":
    main()
