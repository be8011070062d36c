"""Score cleanweb on the shared datasets: ``python benchmarks/quality.py``.

Every set under the datasets directory is scored unless ``--sets`` names some. Body text is
scored with ``benchmarks/metric.py`` on sets with gold text, and with ``benchmarks/snippets.py``
on sets with snippet gold (``must_include`` / ``must_exclude``); sets with field gold (zh-dev)
also get title, caption and metadata checks; Chinese sets get chrome-leak and
repeated-headline page counts. Every number, per page too, goes to a JSON file; the printout
is one short table per set with the floor each set is held to, the target it is meant to
reach, and whether it is met (``--worst N`` adds the N lowest pages of each set above it).
``--update-floors`` raises the quality gate's floors (``benchmarks/floors.json``) to the
current scores and pins every target reached; it never lowers a floor or drops a target
that is not reached.
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
from benchmarks import metric, snippets
from cleanweb import Document, Status

REPO = Path(__file__).resolve().parents[1]
FLOORS_PATH = REPO / "benchmarks" / "floors.json"
DEFAULT_JSON = REPO / "benchmarks" / "results" / "quality.json"
#: Table order of the known sets: the three the method was built on, the unlabeled Chinese
#: set, then the development parts of the other benchmarks. Sets found but not listed here
#: follow in name order.
SET_ORDER = (
    "aeb",
    "l3s-gn1",
    "zh-dev",
    "cx-netease-zh",
    "dragnet",
    "google-trends-2017",
    "cleaneval",
    "big9-chaos",
    "trafilatura-eval",
    "magic-html-article",
    "magic-html-forum",
    "readability",
    "cwced-zh",
)
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
#: floors.json: a set's floors the gate does not check yet, under this key (see load_targets).
TARGET_KEY = "target"

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


def all_sets(datasets: Path) -> list[str]:
    """Every set under ``datasets`` (a folder with a gold.jsonl), in :data:`SET_ORDER`."""
    found = {p.parent.name for p in datasets.glob("*/gold.jsonl")}
    known = [s for s in SET_ORDER if s in found]
    return known + sorted(found - set(known))


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


def score_snippets(runs: Sequence[Run]) -> Result:
    """Snippet gold: counts summed over the set (``benchmarks/snippets.py``)."""
    found = [
        snippets.page_snippets(r.text, r.gold["must_include"], r.gold["must_exclude"])
        for r in runs
    ]
    summed = snippets.total(f.counts for f in found)
    pages = [
        {
            "id": r.id,
            "precision": f.counts.precision,
            "recall": f.counts.recall,
            "f1": f.counts.f1,
            "status": r.outcome,
            "missing": list(f.missing),
            "leaked": list(f.leaked),
        }
        for r, f in zip(runs, found, strict=True)
    ]
    return {
        "metric": "snippets",
        "precision": summed.precision,
        "recall": summed.recall,
        "f1": summed.f1,
        "snippet_counts": {"tp": summed.tp, "fn": summed.fn, "fp": summed.fp},
        "per_page": pages,
    }


def has_snippets(golds: Sequence[dict[str, Any]]) -> bool:
    """Snippet gold and no gold text (an unlabeled set has empty snippet lists)."""
    return all(
        g.get("text") is None and "must_include" in g and "must_exclude" in g for g in golds
    ) and any(g["must_include"] or g["must_exclude"] for g in golds)


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
        out |= {"metric": "shingles"} | score_text(runs)
    elif has_snippets(golds):
        out |= score_snippets(runs)
    has_fields = any("captions" in g for g in golds)
    if has_fields:
        out |= score_fields(runs)
    if is_chinese(golds):
        out |= score_chrome(runs, with_titles=has_fields)
    return out


def score_sets(datasets: Path, sets: Sequence[str] | None = None) -> dict[str, Result]:
    """Score every named set under ``datasets`` (None: all of them, :func:`all_sets`);
    a named set without a gold file raises."""
    if sets is None:
        sets = all_sets(datasets)
    missing = [s for s in sets if not (datasets / s / "gold.jsonl").is_file()]
    if missing:
        raise FileNotFoundError(f"no gold.jsonl for {missing} under {datasets}")
    return {s: score_set(datasets / s) for s in sets}


# ---------------------------------------------------------------- floors

Floors = dict[str, dict[str, float]]

#: Floors keep this many decimals: enough to hold a set at the score it has reached.
FLOOR_DECIMALS = 3


def read_floors(path: Path = FLOORS_PATH) -> tuple[Floors, Floors]:
    """(floors, targets) from floors.json: a set's entries are floors the gate checks, except
    its ``target`` entry, which holds the floors it is meant to reach and does not meet yet."""
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    floors = {s: {k: v for k, v in keys.items() if k != TARGET_KEY} for s, keys in data.items()}
    targets = {s: dict(keys[TARGET_KEY]) for s, keys in data.items() if keys.get(TARGET_KEY)}
    return floors, targets


def load_floors(path: Path = FLOORS_PATH) -> Floors:
    """The floors the quality gate checks."""
    return read_floors(path)[0]


def load_targets(path: Path = FLOORS_PATH) -> Floors:
    """The floors not yet met, recorded so that they show; the gate does not check them."""
    return read_floors(path)[1]


def write_floors(floors: Floors, targets: Floors, path: Path = FLOORS_PATH) -> None:
    data: dict[str, dict[str, Any]] = {s: dict(keys) for s, keys in floors.items()}
    for set_name, keys in targets.items():
        if keys:
            data.setdefault(set_name, {})[TARGET_KEY] = dict(keys)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def floor_of(value: float, direction: str) -> float:
    """A score rounded down to :data:`FLOOR_DECIMALS`; never above the score itself, and 0.29
    stays 0.29 although 0.29 * 1000 is not exactly 290 in binary floating point."""
    if direction == "max":
        return int(value)
    scale = 10**FLOOR_DECIMALS
    down = round(math.floor(value * scale + 1e-9) / scale, FLOOR_DECIMALS)
    return down if down <= value else round(down - 1 / scale, FLOOR_DECIMALS)


def meets(value: float, bound: float, direction: str) -> bool:
    return value >= bound if direction == "min" else value <= bound


def floor_failures(results: dict[str, Result], floors: Floors) -> list[str]:
    """One message per floor the results do not meet (sets not scored are not checked)."""
    out: list[str] = []
    for set_name, set_floors in floors.items():
        if set_name not in results:
            continue
        for key, bound in set_floors.items():
            result_key, direction = FLOOR_KEYS[key]
            value = results[set_name].get(result_key)
            if value is None:
                out.append(f"{set_name} {result_key}: not measured (floor {bound})")
            elif not meets(value, bound, direction):
                sign = "<" if direction == "min" else ">"
                shown = f"{value:.4f}" if direction == "min" else str(value)
                out.append(f"{set_name} {result_key} {shown} {sign} floor {bound}")
    return out


def raised_floors(results: dict[str, Result], floors: Floors) -> Floors:
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


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """Where one scored set stands against one of its targets."""

    set_name: str
    key: str
    bound: float
    value: float | None

    @property
    def reached(self) -> bool:
        direction = FLOOR_KEYS[self.key][1]
        return self.value is not None and meets(self.value, self.bound, direction)

    @property
    def gap(self) -> float | None:
        """Score minus target (negative: still short of it; counts the other way round)."""
        if self.value is None:
            return None
        sign = 1 if FLOOR_KEYS[self.key][1] == "min" else -1
        return sign * (self.value - self.bound)


def target_checks(results: dict[str, Result], targets: Floors) -> list[TargetCheck]:
    """One check per target of every scored set."""
    return [
        TargetCheck(s, key, bound, results[s].get(FLOOR_KEYS[key][0]))
        for s, keys in targets.items()
        if s in results
        for key, bound in keys.items()
    ]


def pinned_targets(
    results: dict[str, Result], floors: Floors, targets: Floors
) -> tuple[Floors, Floors]:
    """(floors, targets) after every reached target became a floor (the stricter of the two);
    targets not reached, or of sets not scored, stay targets."""
    new_floors = {s: dict(f) for s, f in floors.items()}
    new_targets: Floors = {}
    reached = {(c.set_name, c.key) for c in target_checks(results, targets) if c.reached}
    for set_name, keys in targets.items():
        for key, bound in keys.items():
            if (set_name, key) not in reached:
                new_targets.setdefault(set_name, {})[key] = bound
                continue
            pick = max if FLOOR_KEYS[key][1] == "min" else min
            old = new_floors.setdefault(set_name, {}).get(key)
            new_floors[set_name][key] = bound if old is None else pick(old, bound)
    return new_floors, new_targets


# ---------------------------------------------------------------- reporting


def clip(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def worst_lines(name: str, res: Result, n: int) -> list[str]:
    if "per_page" not in res or n <= 0:
        return []
    ranked = sorted(res["per_page"], key=lambda p: p["f1"])[:n]
    out = [f"{name}: {len(ranked)} lowest-F1 pages (F1  P  R  id  status)"]
    out += [
        f"  {p['f1']:.3f}  {fmt(p['precision'])}  {fmt(p['recall'])}  {p['id']}  {p['status']}"
        for p in ranked
    ]
    return out


def field_miss_lines(name: str, res: Result, n: int) -> list[str]:
    if "fields" not in res or n <= 0:
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


def detail_lines(results: dict[str, Result], n: int) -> list[str]:
    """The ``--worst n`` detail: failed and lowest pages, field misses, leaking lines."""
    if n <= 0:
        return []
    out: list[str] = []
    for name, res in results.items():
        out += [f"{name}: {k}  {v}" for k, v in list(res["failed_pages"].items())[:n]]
        out += worst_lines(name, res, n) + field_miss_lines(name, res, n)
        out += chrome_lines(name, res)
    return out


def field_summary(name: str, res: Result) -> str:
    fields = "  ".join(f"{f} {i['matched']}/{i['labeled']}" for f, i in res["fields"].items())
    return (
        f"{name}: title exact {res['title_exact']:.3f} ({res['title_labeled']})  captions "
        f"P {res['caption_precision']:.3f} R {res['caption_recall']:.3f}  matched: {fields}"
    )


def checks_cell(res: Result) -> str:
    """The set's own checks, beside its scores: Chinese chrome counts, zh-dev's fields,
    snippet counts."""
    out: list[str] = []
    if "title_exact" in res:
        out.append(f"title {res['title_exact']:.3f} captions {res['caption_f1']:.3f}")
    if "leak_pages" in res:
        out.append(f"leak {res['leak_pages']}")
    if "headline_repeat_pages" in res:
        out.append(f"headline {res['headline_repeat_pages']}")
    if counts := res.get("snippet_counts"):
        found, wanted = counts["tp"], counts["tp"] + counts["fn"]
        out.append(f"snippets {found}/{wanted} found, {counts['fp']} excluded found")
    return "  ".join(out)


def met_cell(name: str, res: Result, floors: Floors, checks: list[TargetCheck]) -> str:
    """'yes' when the set meets its floors and targets; else what is short (F1 gap first)."""
    if floor_failures({name: res}, {name: floors.get(name, {})}):
        return "FLOOR"
    short = [c for c in checks if c.set_name == name and not c.reached]
    if not short:
        return "yes"
    gap = next((c.gap for c in short if c.key == "f1"), None)
    if gap is None:
        return "no: " + ",".join(c.key for c in short)
    return "no -<0.001" if gap > -0.0005 else f"no {gap:+.3f}"


def table_row(name: str, res: Result, floors: Floors, checks: list[TargetCheck]) -> str:
    scores = "  ".join(f"{fmt(res.get(k)):>5}" for k in ("precision", "recall", "f1"))
    floor = floors.get(name, {}).get("f1")
    target = next((c.bound for c in checks if c.set_name == name and c.key == "f1"), None)
    return (
        f"{name:<18}{res['pages']:>6}  {scores}  {fmt(floor):>5}  {fmt(target):>6}  "
        f"{met_cell(name, res, floors, checks):<10}  {res['failures']:>4}  "
        f"{res['seconds']:>5.1f}  {checks_cell(res)}"
    ).rstrip()


def verdict_line(results: dict[str, Result], failures: list[str], checks: list[TargetCheck]) -> str:
    reached = [c for c in checks if c.reached]
    pin = ", ".join(f"{c.set_name} {c.key}" for c in reached)
    pages = sum(r["pages"] for r in results.values())
    seconds = sum(r["seconds"] for r in results.values())
    return (
        ("floors: all met" if not failures else f"floors NOT met: {'; '.join(failures)}")
        + f"  |  targets reached {len(reached)}/{len(checks)}"
        + (f" ({pin}: pin with --update-floors)" if pin else "")
        + f"  |  {pages} pages, {seconds:.0f} s"
    )


def summary_lines(
    results: dict[str, Result], floors: Floors, checks: list[TargetCheck], failures: list[str]
) -> list[str]:
    """The printout: zh-dev's field line, one table row per set, the verdict last."""
    out = [field_summary(n, r) for n, r in results.items() if "fields" in r]
    out.append(
        f"{'set':<18}{'pages':>6}  {'P':>5}  {'R':>5}  {'F1':>5}  {'floor':>5}  {'target':>6}  "
        f"{'met':<10}  {'fail':>4}  {'s':>5}  checks"
    )
    out += [table_row(n, r, floors, checks) for n, r in results.items()]
    out.append(verdict_line(results, failures, checks))
    return out


# ---------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    add_datasets_argument(ap)
    ap.add_argument(
        "--sets",
        nargs="+",
        default=None,
        help="sets to score (space- or comma-separated; default: every set found)",
    )
    ap.add_argument(
        "--worst", type=int, default=0, help="print the N lowest-scoring pages of each set"
    )
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write all numbers")
    ap.add_argument(
        "--update-floors",
        action="store_true",
        help="raise benchmarks/floors.json to the current scores and pin the targets reached "
        "(never lowers a floor)",
    )
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sets = None if args.sets is None else [s for a in args.sets for s in a.split(",") if s]
    try:
        results = score_sets(args.datasets or default_datasets(), sets)
    except FileNotFoundError as exc:
        print(f"error: {exc} (set --datasets or ${ENV_DATASETS})", file=sys.stderr)
        return 2
    floors, targets = read_floors() if FLOORS_PATH.is_file() else ({}, {})
    if args.update_floors:
        floors, targets = pinned_targets(results, raised_floors(results, floors), targets)
        write_floors(floors, targets)
    failures = floor_failures(results, floors)
    checks = target_checks(results, targets)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "cleanweb": cleanweb.__version__,
        "results": results,
        "floor_failures": failures,
        "targets": [
            {"set": c.set_name, "key": c.key, "target": c.bound, "value": c.value}
            | {"reached": c.reached}
            for c in checks
        ],
    }
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n".join([*detail_lines(results, args.worst), f"all numbers: {args.json}"]))
    print("\n".join(summary_lines(results, floors, checks, failures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
