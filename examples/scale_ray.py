"""Extract every HTML page of a set of WARC files on a Ray cluster.

    pip install 'cleanweb[ray]'            # plain Ray tasks
    pip install 'cleanweb[ray,datatrove]'  # --datatrove: the datatrove pipeline on Ray
    python examples/scale_ray.py CRAWL_DIR OUT_DIR [--cpus 2] [--datatrove]

Without --datatrove, one Ray task per WARC file writes OUT_DIR/<file>.jsonl with the
records of ``cleanweb --format jsonl`` (path, warc_record_id, warc_target_uri and every
result field). With --datatrove, the pipeline of scale_datatrove.py runs on datatrove's
RayPipelineExecutor. ``ray.init()`` with no address starts a local cluster; on a real
one, pass address="auto" (or run under ``ray job submit``) and use shared storage.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import ray

from cleanweb.integrations.records import warc_rows


@ray.remote
def extract_file(path: str, out_dir: str) -> int:
    """Write one WARC file's rows as JSON lines; returns how many pages it held."""
    target = Path(out_dir) / (Path(path).name.split(".warc")[0] + ".jsonl")
    n = 0
    with target.open("w", encoding="utf-8") as fh:
        for row in warc_rows(path):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def run_tasks(src: str, out: str) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    paths = sorted(str(p) for p in Path(src).rglob("*.warc*"))
    counts = ray.get([extract_file.remote(p, out) for p in paths])
    print(f"{sum(counts)} pages from {len(paths)} files")


def run_datatrove(src: str, out: str, cpus: int) -> None:
    from datatrove.executor.ray import RayPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from cleanweb.integrations.datatrove import CleanwebExtractor, WarcReader

    RayPipelineExecutor(pipeline=[WarcReader(src, glob_pattern="**/*.warc*"),
                                  CleanwebExtractor(timeout=10), JsonlWriter(out)],
                        tasks=cpus, workers=cpus, mem_per_cpu_gb=1,
                        logging_dir=f"{out}/logs").run()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--datatrove", action="store_true")
    args = ap.parse_args()
    ray.init(num_cpus=args.cpus, include_dashboard=False)
    try:
        if args.datatrove:
            run_datatrove(args.src, args.out, args.cpus)
        else:
            run_tasks(args.src, args.out)
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
