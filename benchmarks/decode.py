"""Decode accuracy and speed.

Builds the encoding corpus from the UTF-8 dev pages (with ../shared/tools/
make_encoding_corpus.py) in a temporary directory, then prints to stdout:

* a markdown table of decode accuracy per target encoding x declaration variant, plus the
  nasty cases and the page shapes of benchmarks/encoding_shapes.py;
* microseconds per page for UTF-8 pages, legacy pages with a correct meta, and legacy pages
  without one;
* decode time as a share of ``cleanweb.extract()`` time on UTF-8 pages.

Usage: python benchmarks/decode.py [--per-target N] [--big-mb N]
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.encoding_shapes import add_shapes
from cleanweb import decode, extract

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATASETS = SHARED / "datasets"
GENERATOR = SHARED / "tools" / "make_encoding_corpus.py"
UTF8_SETS = ("zh-dev", "aeb", "l3s-gn1")
XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*?\bencoding\s*=[^>]*\?>")
VARIANTS = ("correct", "missing", "lie-utf8", "lie-latin1", "lie-native",
            "bom-correct", "bom-missing", "bom-lie-latin1")


def build_corpus(out: Path, per_target: int, big_mb: int) -> list[dict[str, Any]]:
    sources = [str(DATASETS / s / "pages") for s in UTF8_SETS if (DATASETS / s).is_dir()]
    subprocess.run([sys.executable, str(GENERATOR), "--src", *sources, "--out", str(out),
                    "--per-target", str(per_target), "--big-mb", str(big_mb)],
                   check=True, capture_output=True)
    add_shapes(out, DATASETS)
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def strip_xml(text: str) -> str:
    m = XML_DECLARATION.match(text)
    return text[m.end():] if m else text


def is_good(root: Path, case: dict[str, Any]) -> bool:
    data = (root / case["file"]).read_bytes()
    try:
        got = decode(data).text
    except Exception:  # counted as a miss; the table reports it
        return False
    if case["expected_codec"]:
        truth: str | None = data.decode(case["expected_codec"])
    elif case["expected_file"]:
        truth = (root / case["expected_file"]).read_text(encoding="utf-8",
                                                        errors="surrogatepass")
    else:
        truth = None
    check = str(case["check"])
    if check == "exact":
        return truth is not None and strip_xml(got) == strip_xml(truth)
    if check.startswith("recall>="):
        want = collections.Counter(ch for ch in truth or "" if ord(ch) > 127)
        have = collections.Counter(ch for ch in got if ord(ch) > 127)
        recall = sum((want & have).values()) / max(1, sum(want.values()))
        return recall >= float(check.removeprefix("recall>="))
    return check == "no-crash"


def accuracy_table(root: Path, cases: list[dict[str, Any]]) -> str:
    cells: dict[tuple[str, str], list[bool]] = collections.defaultdict(list)
    for case in cases:
        if case["kind"] == "regular":
            row, col = f"{case['lang']} {case['expected_codec']}", case["variant"]
        elif case["kind"] == "shape":
            row, col = f"shape {case['variant'].split('.')[0]}", "shape"
        else:
            row, col = "nasty", "nasty"
        cells[(row, col)].append(is_good(root, case))
    rows = sorted({r for r, _ in cells}, key=lambda r: (r.split()[0] in ("nasty", "shape"), r))
    cols = [v for v in (*VARIANTS, "nasty", "shape") if any(c == v for _, c in cells)]
    lines = ["| encoding | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for row in rows:
        shown = [f"{sum(cells[(row, c)])}/{len(cells[(row, c)])}" if (row, c) in cells
                 else "" for c in cols]
        lines.append(f"| {row} | " + " | ".join(shown) + " |")
    total = [ok for oks in cells.values() for ok in oks]
    lines.append(f"\n**all: {sum(total)}/{len(total)} good**")
    return "\n".join(lines)


def per_page_us(fn: Callable[[bytes], object], pages: Iterable[bytes], rounds: int = 5) -> float:
    """Median over pages of the best of ``rounds`` runs, in microseconds."""
    times = []
    for data in pages:
        best = min(_timed(fn, data) for _ in range(rounds))
        times.append(best)
    return statistics.median(times) * 1e6 if times else float("nan")


def _timed(fn: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    fn(data)
    return time.perf_counter() - start


def regular(root: Path, cases: list[dict[str, Any]], variant: str) -> list[bytes]:
    return [(root / c["file"]).read_bytes() for c in cases
            if c["kind"] == "regular" and c["variant"] == variant
            and c["true_encoding"] not in ("utf-8", "utf-16le", "utf-16be")]


def utf8_pages() -> list[bytes]:
    pages = []
    for name in UTF8_SETS:
        pages += [p.read_bytes() for p in sorted((DATASETS / name / "pages").glob("*.html"))]
    return [p for p in pages if _valid_utf8(p)]


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def extract_share(pages: list[bytes]) -> tuple[float, float]:
    """(total decode seconds, total extract seconds) over the pages, best of 3 each."""
    dec = sum(min(_timed(decode, p) for _ in range(3)) for p in pages)
    ext = sum(min(_timed(extract, p) for _ in range(3)) for p in pages)
    return dec, ext


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-target", type=int, default=12)
    ap.add_argument("--big-mb", type=int, default=5)
    args = ap.parse_args()
    if not GENERATOR.exists():
        sys.exit(f"corpus generator not found: {GENERATOR}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases = build_corpus(root, args.per_target, args.big_mb)
        print("## Decode accuracy (good / cases)\n")
        print(accuracy_table(root, cases))
        decode(b"\xc4\xe3\xba\xc3 warm-up")  # chardet loads its models on first use
        utf8 = utf8_pages()
        print("\n## Speed (median µs per page, best of 5)\n")
        print("| pages | n | median size KB | decode µs | bytes.decode µs |")
        print("|---|---|---|---|---|")
        groups = [("UTF-8 dev pages", utf8, "utf-8"),
                  ("legacy, correct meta", regular(root, cases, "correct"), None),
                  ("legacy, no meta", regular(root, cases, "missing"), None)]
        for label, pages, codec in groups:
            size = statistics.median(len(p) for p in pages) / 1024 if pages else 0.0
            base = per_page_us(functools.partial(bytes.decode, encoding=codec), pages) \
                if codec else None
            print(f"| {label} | {len(pages)} | {size:.0f} | {per_page_us(decode, pages):.0f} "
                  f"| {f'{base:.0f}' if base is not None else '-'} |")
        dec, ext = extract_share(utf8)
        print(f"\ndecode / extract() on {len(utf8)} UTF-8 pages: {dec * 1e3:.1f} ms / "
              f"{ext * 1e3:.1f} ms = {100 * dec / ext:.1f}%")


if __name__ == "__main__":
    main()
