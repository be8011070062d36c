"""Extract every HTML page of a folder of WARC files with datatrove, on this machine.

    pip install 'cleanweb[datatrove]'
    python examples/scale_datatrove.py CRAWL_DIR OUT_DIR [--tasks 4]

WARC reader (raw bytes kept) -> cleanweb -> JSONL. Each output line holds the body as
"text", datatrove's "id" (the WARC record id) and "metadata": the record's url, date and
file, and "cleanweb" with title, date, author, lang, encoding and the other fields.
For a cluster, swap the executor: datatrove's SlurmPipelineExecutor or RayPipelineExecutor
take the same pipeline (see scale_ray.py).
"""

from __future__ import annotations

import argparse

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter

from cleanweb import Options
from cleanweb.integrations.datatrove import CleanwebExtractor, WarcReader


def pipeline(src: str, out: str, shard_records: bool) -> list[object]:
    return [
        # shard_records: with fewer files than tasks, split each file's records instead.
        WarcReader(src, glob_pattern="**/*.warc*", shard_records=shard_records),
        CleanwebExtractor(Options(time_budget=None), timeout=10),
        JsonlWriter(out),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="folder of .warc / .warc.gz files (local or fsspec URL)")
    ap.add_argument("out", help="folder for the .jsonl.gz output, one file per task")
    ap.add_argument("--tasks", type=int, default=2)
    ap.add_argument("--shard-records", action="store_true")
    args = ap.parse_args()
    LocalPipelineExecutor(pipeline=pipeline(args.src, args.out, args.shard_records),
                          tasks=args.tasks, workers=args.tasks,
                          logging_dir=f"{args.out}/logs").run()


if __name__ == "__main__":  # datatrove starts its task processes with forkserver
    main()
