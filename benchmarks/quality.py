"""Score cleanweb on the shared datasets: ``python benchmarks/quality.py``.

Body text is scored on every set with gold text (metric: ``benchmarks/metric.py``); sets with
field gold (zh-dev) also get title, caption and metadata checks; Chinese sets get chrome-leak
and repeated-headline page counts. Every number goes to a JSON file; the lowest-scoring pages
are printed first and the summary table last. ``--update-floors`` raises the quality gate's
floors (``benchmarks/floors.json``) to the current scores; it never lowers them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleanweb
from benchmarks import metric
from cleanweb import Document, Status

REPO = Path(__file__).resolve().parents[1]
FLOORS_PATH = REPO / "benchmarks" / "floors.json"
DEFAULT_JSON = REPO / "benchmarks" / "results" / "quality.json"
DEFAULT_SETS = ("aeb", "l3s-gn1", "zh-dev", "cx-netease-zh")
ENV_DATASETS = "CLEANWEB_DATASETS"
NAME_FIELDS = ("author", "source", "editor")

#: floors.json key -> (result key, direction): "min" floors a score, "max" caps a count.
FLOOR_KEYS: dict[str, tuple[str, str]] = {
    "f1": ("f1", "min"),
    "title_exact": ("title_exact", "min"),
    "caption_f1": ("caption_f1", "min"),
    "max_leak_pages": ("leak_pages", "max"),
    "max_headline_repeat_pages": ("headline_repeat_pages", "max"),
    # Crashed or empty pages have no chrome to leak: cap them so leak counts stay honest.
    "max_failures": ("failures", "max"),
}

Result = dict[str, Any]


def default_datasets() -> Path:
    """$CLEANWEB_DATASETS, else ``../shared/datasets`` beside the repository."""
    env = os.environ.get(ENV_DATASETS)
    return Path(env) if env else REPO.parent / "shared" / "datasets"


def add_datasets_argument(ap: argparse.ArgumentParser) -> None:
    """The ``--datasets`` option every benchmark script takes (None: :func:`default_datasets`)."""
    ap.add_argument("--datasets", type=Path, default=None,
                    help=f"datasets directory (default: ${ENV_DATASETS} or ../shared/datasets)")


# ---------------------------------------------------------------- running the extractor


@dataclass(frozen=True, slots=True)
class Run:
    """One page: its gold row and what the extractor made of it (or why it raised)."""

    gold: dict[str, Any]
    doc: Document | None
    error: str | None

    @property
    def id(self) -> str:
        return str(self.gold["id"])

    @property
    def text(self) -> str:
        return self.doc.text if self.doc is not None else ""

    @property
    def outcome(self) -> str:
        if self.doc is None:
            return f"error: {self.error}"
        return str(self.doc.status)

    @property
    def failed(self) -> bool:
        return self.doc is None or self.doc.status is not Status.OK


def load_gold(set_dir: Path) -> list[dict[str, Any]]:
    with (set_dir / "gold.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def extract_page(set_dir: Path, gold: dict[str, Any]) -> Run:
    html = (set_dir / "pages" / f"{gold['id']}.html").read_bytes()
    try:
        return Run(gold, cleanweb.extract(html, url=gold.get("url")), None)
    except Exception as exc:  # a crash is a measured failure, not the end of the run
        return Run(gold, None, f"{type(exc).__name__}: {exc}")


def run_set(set_dir: Path) -> tuple[list[Run], float]:
    start = time.perf_counter()
    runs = [extract_page(set_dir, g) for g in load_gold(set_dir)]
    return runs, time.perf_counter() - start


# ---------------------------------------------------------------- scoring


def score_text(runs: Sequence[Run]) -> Result:
    counts = [metric.page_counts(r.gold["text"], r.text) for r in runs]
    agg, ci = metric.aggregate(counts), metric.bootstrap(counts)
    pages = [
        {"id": r.id, "precision": c.precision, "recall": c.recall, "f1": c.f1, "status": r.outcome}
        for r, c in zip(runs, counts, strict=True)
    ]
    return {
        "precision": agg.precision,
        "recall": agg.recall,
        "f1": agg.f1,
        "precision_ci": ci.precision,
        "recall_ci": ci.recall,
        "f1_ci": ci.f1,
        "per_page": pages,
    }


def field_value(run: Run, field: str) -> str | None:
    return None if run.doc is None else getattr(run.doc, field)


def score_name_field(runs: Sequence[Run], field: str) -> Result:
    """Match rate on pages whose gold has the field; 'spurious' = filled where gold has none."""
    labeled = [r for r in runs if r.gold.get(field)]
    if field == "date":
        hits = [
            r
            for r in labeled
            if metric.same_date(r.gold["date"], field_value(r, "date"), field_value(r, "date_iso"))
        ]
    else:
        hits = [r for r in labeled if metric.same_name(r.gold[field], field_value(r, field))]
    hit_ids = {r.id for r in hits}
    return {
        "matched": len(hits),
        "labeled": len(labeled),
        "rate": len(hits) / len(labeled) if labeled else 0.0,
        "spurious": sum(1 for r in runs if not r.gold.get(field) and field_value(r, field)),
        "misses": [
            {"id": r.id, "gold": r.gold[field], "got": field_value(r, field)}
            for r in labeled
            if r.id not in hit_ids
        ],
    }


def score_fields(runs: Sequence[Run]) -> Result:
    titled = [r for r in runs if r.gold.get("title")]
    title_hits = [r for r in titled if metric.same_title(r.gold["title"], field_value(r, "title"))]
    hit_ids = {r.id for r in title_hits}
    caps = metric.caption_counts(
        (r.gold.get("captions") or [], r.doc.captions if r.doc else ()) for r in runs
    )
    return {
        "title_exact": len(title_hits) / len(titled) if titled else 0.0,
        "title_labeled": len(titled),
        "title_misses": [
            {"id": r.id, "gold": r.gold["title"], "got": field_value(r, "title")}
            for r in titled
            if r.id not in hit_ids
        ],
        "caption_averaging": "micro",
        "caption_precision": caps.precision,
        "caption_recall": caps.recall,
        "caption_f1": caps.f1,
        "caption_counts": {"tp": caps.tp, "predicted": caps.pred, "gold": caps.gold},
        "fields": {f: score_name_field(runs, f) for f in (*NAME_FIELDS, "date")},
    }


def score_chrome(runs: Sequence[Run], with_titles: bool) -> Result:
    leaks: dict[str, list[tuple[str, str]]] = {}
    repeats: dict[str, list[str]] = {}
    for r in runs:
        gold = metric.GoldLines(r.gold.get("text"))
        if found := metric.leak_lines(r.text, gold):
            leaks[r.id] = found
        title = r.gold.get("title") if with_titles else None
        if title and (lines := metric.headline_lines(r.text, title, gold)):
            repeats[r.id] = lines
    out: Result = {"leak_pages": len(leaks), "leaks": leaks}
    if with_titles:
        out |= {"headline_repeat_pages": len(repeats), "headline_repeats": repeats}
    return out


def is_chinese(golds: Iterable[dict[str, Any]]) -> bool:
    langs = Counter(g.get("lang") for g in golds)
    return bool(langs) and langs.most_common(1)[0][0] == "zh"


def score_set(set_dir: Path) -> Result:
    runs, seconds = run_set(set_dir)
    golds = [r.gold for r in runs]
    out: Result = {
        "pages": len(runs),
        "failures": sum(r.failed for r in runs),
        "failed_pages": {r.id: r.outcome for r in runs if r.failed},
        "seconds": seconds,
    }
    if runs and all(g.get("text") is not None for g in golds):
        out |= score_text(runs)
    has_fields = any("captions" in g for g in golds)
    if has_fields:
        out |= score_fields(runs)
    if is_chinese(golds):
        out |= score_chrome(runs, with_titles=has_fields)
    return out


def score_sets(datasets: Path, sets: Sequence[str] = DEFAULT_SETS) -> dict[str, Result]:
    """Score every named set under ``datasets``; a missing set directory raises."""
    missing = [s for s in sets if not (datasets / s / "gold.jsonl").is_file()]
    if missing:
        raise FileNotFoundError(f"no gold.jsonl for {missing} under {datasets}")
    return {s: score_set(datasets / s) for s in sets}


# ---------------------------------------------------------------- floors


def load_floors(path: Path = FLOORS_PATH) -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def floor_of(value: float, direction: str) -> float:
    """A score rounded down to 2 decimals; never above the score itself, and 0.29 stays
    0.29 although 0.29 * 100 is 28.999... in binary floating point."""
    if direction == "max":
        return int(value)
    down = round(math.floor(value * 100 + 1e-9) / 100, 2)
    return down if down <= value else round(down - 0.01, 2)


def floor_failures(results: dict[str, Result], floors: dict[str, dict[str, float]]) -> list[str]:
    """One message per floor the results do not meet (sets not scored are not checked)."""
    out: list[str] = []
    for set_name, set_floors in floors.items():
        for key, bound in set_floors.items():
            if set_name not in results:
                continue
            result_key, direction = FLOOR_KEYS[key]
            value = results[set_name].get(result_key)
            if value is None:
                out.append(f"{set_name} {result_key}: not measured (floor {bound})")
            elif direction == "min" and value < bound:
                out.append(f"{set_name} {result_key} {value:.4f} < floor {bound}")
            elif direction == "max" and value > bound:
                out.append(f"{set_name} {result_key} {value} > max {bound}")
    return out


def raised_floors(
    results: dict[str, Result], floors: dict[str, dict[str, float]]
) -> dict[str, dict[str, float]]:
    """Floors moved up to the current scores (counts moved down); never loosened."""
    new = {s: dict(f) for s, f in floors.items()}
    for set_name, res in results.items():
        for key, (result_key, direction) in FLOOR_KEYS.items():
            if res.get(result_key) is None:
                continue
            current = floor_of(res[result_key], direction)
            old = new.get(set_name, {}).get(key)
            pick = max if direction == "min" else min
            new.setdefault(set_name, {})[key] = current if old is None else pick(old, current)
    return new


# ---------------------------------------------------------------- reporting


def clip(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def worst_lines(name: str, res: Result, n: int) -> list[str]:
    if "per_page" not in res:
        return []
    ranked = sorted(res["per_page"], key=lambda p: p["f1"])[:n]
    out = [f"{name}: {len(ranked)} lowest-F1 pages (F1  P  R  id  status)"]
    out += [
        f"  {p['f1']:.3f}  {fmt(p['precision'])}  {fmt(p['recall'])}  {p['id']}  {p['status']}"
        for p in ranked
    ]
    return out


def field_miss_lines(name: str, res: Result, n: int) -> list[str]:
    if "fields" not in res:
        return []
    out = [f"{name}: title misses {len(res['title_misses'])}"]
    out += [f"  {m['id']}: gold {m['gold']!r} got {m['got']!r}" for m in res["title_misses"][:n]]
    for field, info in res["fields"].items():
        out.append(f"{name}: {field} misses {len(info['misses'])}, spurious {info['spurious']}")
        out += [f"  {m['id']}: gold {m['gold']!r} got {m['got']!r}" for m in info["misses"][:n]]
    return out


def chrome_lines(name: str, res: Result) -> list[str]:
    out: list[str] = []
    if res.get("leaks"):
        out.append(f"{name}: chrome-leak pages {res['leak_pages']} (rule, line)")
        for page, found in res["leaks"].items():
            out += [f"  {page}: {rule}  {clip(line)}" for rule, line in found]
    if res.get("headline_repeats"):
        out.append(f"{name}: pages repeating the headline {res['headline_repeat_pages']}")
        for page, lines in res["headline_repeats"].items():
            out += [f"  {page}: {clip(line)}" for line in lines]
    return out


def rule_tally(leaks: dict[str, list[tuple[str, str]]]) -> str:
    pages = Counter(rule for found in leaks.values() for rule in {r for r, _ in found})
    return "  ".join(f"{rule} {n}" for rule, n in pages.most_common())


def detail_lines(results: dict[str, Result], n: int) -> list[str]:
    out: list[str] = []
    for name, res in results.items():
        out += [f"{name}: {k}  {v}" for k, v in list(res["failed_pages"].items())[:n]]
        out += worst_lines(name, res, n) + field_miss_lines(name, res, n)
        if "fields" in res:
            out += chrome_lines(name, res)
        elif res.get("leaks"):
            out.append(f"{name}: leaking pages per rule  {rule_tally(res['leaks'])}")
    return out


def table_row(name: str, res: Result) -> str:
    scores = [fmt(res.get(k)) for k in ("precision", "recall", "f1", "f1_ci")]
    return (
        f"{name:<14}{res['pages']:>6}  "
        + "  ".join(f"{s:>5}" for s in scores)
        + f"  {res['failures']:>4}  {res['seconds']:>5.1f}"
    )


def field_summary(name: str, res: Result) -> list[str]:
    fields = "  ".join(f"{f} {i['matched']}/{i['labeled']}" for f, i in res["fields"].items())
    return [
        f"{name}: title exact {res['title_exact']:.3f} ({res['title_labeled']} titled)  "
        f"captions (micro) P {res['caption_precision']:.3f} R {res['caption_recall']:.3f} "
        f"F1 {res['caption_f1']:.3f}",
        f"{name}: fields matched: {fields}",
    ]


def chrome_summary(results: dict[str, Result]) -> list[str]:
    leaks = [f"{n} {r['leak_pages']}/{r['pages']}" for n, r in results.items() if "leak_pages" in r]
    heads = [
        f"{n} {r['headline_repeat_pages']}/{r['pages']}"
        for n, r in results.items()
        if "headline_repeat_pages" in r
    ]
    if not leaks:
        return []
    return [f"chrome-leak pages: {', '.join(leaks)}  |  headline repeated: {', '.join(heads)}"]


def summary_lines(results: dict[str, Result], failures: list[str]) -> list[str]:
    head = f"{'set':<14}{'pages':>6}  {'P':>5}  {'R':>5}  {'F1':>5}  {'±F1':>5}  fail      s"
    out = [head] + [table_row(n, r) for n, r in results.items()]
    for name, res in results.items():
        if "fields" in res:
            out += field_summary(name, res)
    out += chrome_summary(results)
    out.append("floors: all met" if not failures else f"floors NOT met: {'; '.join(failures)}")
    return out


# ---------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    add_datasets_argument(ap)
    ap.add_argument(
        "--sets",
        nargs="+",
        default=list(DEFAULT_SETS),
        help="sets to score (space- or comma-separated)",
    )
    ap.add_argument("--worst", type=int, default=5, help="lowest-scoring pages shown per set")
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write all numbers")
    ap.add_argument(
        "--update-floors",
        action="store_true",
        help="raise benchmarks/floors.json to the current scores (never lowers)",
    )
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sets = [s for arg in args.sets for s in arg.split(",") if s]
    try:
        results = score_sets(args.datasets or default_datasets(), sets)
    except FileNotFoundError as exc:
        print(f"error: {exc} (set --datasets or ${ENV_DATASETS})", file=sys.stderr)
        return 2
    floors = load_floors() if FLOORS_PATH.is_file() else {}
    if args.update_floors:
        floors = raised_floors(results, floors)
        FLOORS_PATH.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", "utf-8")
    failures = floor_failures(results, floors)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {"cleanweb": cleanweb.__version__, "results": results, "floor_failures": failures}
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n".join(detail_lines(results, args.worst)))
    print(f"all numbers: {args.json}" + ("  (floors updated)" if args.update_floors else ""))
    print("\n".join(summary_lines(results, failures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
