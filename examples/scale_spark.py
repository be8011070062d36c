"""Extract every HTML page of a set of WARC files with PySpark ``mapPartitions``.

    pip install 'cleanweb[warc]' pyspark
    python examples/scale_spark.py CRAWL_DIR OUT_DIR [--partitions 2]

The WARC paths are spread over partitions; each partition extracts its files with
cleanweb.integrations.records.partition_rows, which reads the raw payloads with their HTTP
charsets. Rows are written as JSON lines (Spark's text output, one part file per
partition). cleanweb and the 'warc' extra must be installed on every executor.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyspark.sql import SparkSession

from cleanweb.integrations.records import partition_rows


def to_lines(paths: Iterable[str]) -> Iterator[str]:
    for row in partition_rows(paths):
        yield json.dumps(row, ensure_ascii=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--partitions", type=int, default=2)
    args = ap.parse_args()
    paths = sorted(str(p.resolve()) for p in Path(args.src).rglob("*.warc*"))
    # Local workers run this interpreter, the one cleanweb is installed in.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(f"local[{args.partitions}]")
             .appName("cleanweb").getOrCreate())
    try:
        rdd = spark.sparkContext.parallelize(paths, max(1, min(args.partitions, len(paths))))
        rdd.mapPartitions(to_lines).saveAsTextFile(args.out)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
