"""Record or compare ``extract()`` output on every dataset page: ``python benchmarks/snapshot.py``.

A change meant to keep the output as it is (a refactor, a speed-up) is checked by recording a
snapshot before it and comparing after it::

    python benchmarks/snapshot.py --out /tmp/before.jsonl          # before the change
    python benchmarks/snapshot.py --compare /tmp/before.jsonl      # after: lists what differs

Each line holds one page's ``Document.to_dict()`` (default options, no trace). The comparison
prints, per field, how many pages differ and the first few page ids, and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleanweb
from benchmarks.quality import add_datasets_argument, default_datasets

#: Pages listed per differing field.
SHOWN = 8


#: Endings of page files; a page id may itself hold dots ("SW1.News-Heimat").
PAGE_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm")


def page_id(name: str) -> str:
    """The page id of a page file's name: the name without its page ending."""
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def pages(datasets: Path, sets: list[str] | None) -> Iterator[tuple[str, Path, str | None]]:
    """(set/page id, page path, url) of every page, sets and pages in name order."""
    for folder in sorted(p for p in datasets.iterdir() if (p / "pages").is_dir()):
        if sets and folder.name not in sets:
            continue
        urls: dict[str, str | None] = {}
        gold = folder / "gold.jsonl"
        if gold.is_file():
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    urls[str(row["id"])] = row.get("url")
        for page in sorted((folder / "pages").iterdir()):
            stem = page_id(page.name)
            yield f"{folder.name}/{stem}", page, urls.get(stem)


def record(datasets: Path, sets: list[str] | None) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key, path, url in pages(datasets, sets):
        data = path.read_bytes()
        if path.suffix == ".gz":
            import gzip

            data = gzip.decompress(data)
        out[key] = cleanweb.extract(data, url=url).to_dict()
    return out


def compare(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> int:
    """Print what differs; the number of differing pages."""
    by_field: dict[str, list[str]] = defaultdict(list)
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a is None or b is None:
            by_field["(page missing)"].append(key)
            continue
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                by_field[name].append(key)
    differing = {k for keys in by_field.values() for k in keys}
    for name, keys in sorted(by_field.items()):
        print(f"{name:16} {len(keys):5} pages  {' '.join(keys[:SHOWN])}")
    print(f"{len(differing)} of {len(new)} pages differ")
    return len(differing)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_datasets_argument(ap)
    ap.add_argument("--sets", nargs="+", default=None, help="only these sets")
    ap.add_argument("--out", type=Path, help="write the snapshot here")
    ap.add_argument("--compare", type=Path, help="compare with this snapshot")
    args = ap.parse_args(argv)
    datasets = args.datasets or default_datasets()
    new = record(datasets, args.sets)
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for key, doc in new.items():
                fh.write(json.dumps({"key": key, "doc": doc}, ensure_ascii=False) + "\n")
    if args.compare:
        old = {}
        for line in args.compare.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            old[row["key"]] = row["doc"]
        if args.sets:
            old = {k: v for k, v in old.items() if k.split("/")[0] in args.sets}
        return 1 if compare(old, new) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
