"""cleanweb against its peers: ``python -m benchmarks.run``.

Each extractor runs on each dataset in a process of its own (``benchmarks/peers/worker.py``):
the pages are read first, an untimed warm-up pass goes over the first ``--warmup`` pages, then
the timed pass over every page in the gold file's order. Extractors run one after the other,
never in parallel. The outputs are scored here with ``benchmarks/metric.py`` and written to
``--out`` (default ``benchmarks/results/``): ``report.md`` (a table per dataset, the zh-dev
field and chrome checks, and a closing note wherever cleanweb is not the best), ``report.json``
(every number, per page too), ``f1_vs_speed.png``, and ``raw/<set>/<extractor>.json`` (what
each extractor returned; ``--reuse`` scores those again instead of re-running).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import metric
from benchmarks.peers import CLEANWEB, PEERS, Peer, by_name
from benchmarks.quality import add_datasets_argument, default_datasets, is_chinese, load_gold
from benchmarks.speed import p99

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "benchmarks" / "results"
DEFAULT_SETS = ("aeb", "l3s-gn1", "zh-dev")
WORST_PAGES = 3

Result = dict[str, Any]


# ---------------------------------------------------------------- running the workers


@dataclass(frozen=True, slots=True)
class RunConfig:
    python: str
    limit: int | None
    warmup: int
    reuse: bool
    report_only: bool = False


def worker_command(cfg: RunConfig, peer: Peer, set_dir: Path, out: Path) -> list[str]:
    cmd = [cfg.python, "-m", "benchmarks.peers.worker", peer.name, str(set_dir), str(out)]
    cmd += ["--warmup", str(cfg.warmup)]
    return cmd + (["--limit", str(cfg.limit)] if cfg.limit is not None else [])


def run_worker(cfg: RunConfig, peer: Peer, set_dir: Path, out: Path) -> Result:
    """What ``peer`` returned on every page of ``set_dir`` (run now, or reused from ``out``).
    A worker that dies is reported as skipped with its last error line, never raised."""
    if (cfg.reuse or cfg.report_only) and out.is_file():
        raw: Result = json.loads(out.read_text(encoding="utf-8"))
        return raw
    if cfg.report_only:
        return {"name": peer.name, "skipped": "not run (no output in the raw folder)"}
    out.parent.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        worker_command(cfg, peer, set_dir, out), cwd=REPO, env=env, capture_output=True, text=True
    )
    if proc.returncode != 0 or not out.is_file():
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"name": peer.name, "skipped": f"worker exited {proc.returncode}: {tail}"}
    done: Result = json.loads(out.read_text(encoding="utf-8"))
    return done


# ---------------------------------------------------------------- scoring


def failed(page: Result) -> bool:
    """Raised, timed out, or returned no text at all."""
    return page.get("error") is not None or not (page.get("text") or "").strip()


def timing(pages: Sequence[Result]) -> Result:
    times = [float(p["ms"]) for p in pages]
    mean = statistics.fmean(times) if times else 0.0
    return {
        "mean_ms": mean,
        "p99_ms": p99(times) if times else 0.0,
        "pages_per_s": 1000.0 / mean if mean > 0 else 0.0,
    }


def text_scores(golds: Sequence[Result], pages: Sequence[Result]) -> Result:
    pairs = zip(golds, pages, strict=True)
    counts = [metric.page_counts(g["text"], p.get("text") or "") for g, p in pairs]
    agg, ci = metric.aggregate(counts), metric.bootstrap(counts)
    return {
        "f1": agg.f1,
        "precision": agg.precision,
        "recall": agg.recall,
        "f1_ci": ci.f1,
        "precision_ci": ci.precision,
        "recall_ci": ci.recall,
        "per_page": [
            {"id": p["id"], "f1": c.f1, "precision": c.precision, "recall": c.recall}
            for p, c in zip(pages, counts, strict=True)
        ],
    }


def chrome_scores(golds: Sequence[Result], pages: Sequence[Result]) -> Result:
    """Pages leaking chrome lines and pages repeating the headline (``benchmarks/metric.py``)."""
    leaks: dict[str, list[tuple[str, str]]] = {}
    repeats: dict[str, list[str]] = {}
    for g, p in zip(golds, pages, strict=True):
        gold_lines = metric.GoldLines(g.get("text"))
        text = p.get("text") or ""
        if found := metric.leak_lines(text, gold_lines):
            leaks[p["id"]] = found
        if g.get("title") and (lines := metric.headline_lines(text, g["title"], gold_lines)):
            repeats[p["id"]] = lines
    return {
        "leak_pages": len(leaks),
        "headline_repeat_pages": len(repeats),
        "leaks": leaks,
        "headline_repeats": repeats,
    }


def field_scores(golds: Sequence[Result], pages: Sequence[Result]) -> Result:
    """Title exact match and caption P/R, each only for an extractor that returns the field."""
    out: Result = {"title_exact": None, "caption_precision": None, "caption_recall": None}
    titled = [(g, p) for g, p in zip(golds, pages, strict=True) if g.get("title")]
    if titled and any(p.get("title") is not None for p in pages):
        hits = sum(metric.same_title(g["title"], p.get("title")) for g, p in titled)
        out["title_exact"] = hits / len(titled)
    if any(p.get("captions") is not None for p in pages):
        caps = metric.caption_counts(
            (g.get("captions") or [], p.get("captions") or [])
            for g, p in zip(golds, pages, strict=True)
        )
        out |= {"caption_precision": caps.precision, "caption_recall": caps.recall}
    return out


def score(raw: Result, golds: Sequence[Result]) -> Result:
    """Every number for one extractor on one set (or its skip note)."""
    if "skipped" in raw:
        return {"name": raw["name"], "skipped": raw["skipped"]}
    pages = raw["pages"]
    golds = golds[: len(pages)]
    out: Result = {
        "name": raw["name"],
        "version": raw.get("version"),
        "pages": len(pages),
        "warmup": raw.get("warmup"),
        "failures": sum(failed(p) for p in pages),
        "errors": {p["id"]: p["error"] for p in pages if p.get("error")},
    }
    out |= timing(pages)
    if golds and all(g.get("text") is not None for g in golds):
        out |= text_scores(golds, pages)
    if is_chinese(golds):
        out |= chrome_scores(golds, pages)
        if any("captions" in g for g in golds):
            out |= field_scores(golds, pages)
    return out


def add_speed_ratios(rows: list[Result]) -> None:
    """Each extractor's pages/s divided by cleanweb's from the same run (>1: faster)."""
    base = next((r for r in rows if r["name"] == CLEANWEB.name and "skipped" not in r), None)
    for r in rows:
        if "skipped" not in r and base is not None and base["pages_per_s"] > 0:
            r["speed_vs_cleanweb"] = r["pages_per_s"] / base["pages_per_s"]


# ---------------------------------------------------------------- what went wrong on a page


def missing_and_extra(gold: str, text: str) -> tuple[list[str], list[str]]:
    """Gold lines absent from the output, and output lines absent from the gold."""
    have = metric.GoldLines(text)
    want = metric.GoldLines(gold)
    return (
        [x for x in metric.lines_of(gold) if x not in have],
        [x for x in metric.lines_of(text) if x not in want],
    )


def diagnose(gold: Result, page: Result, scored: Result) -> Result:
    """A worst page of cleanweb's: its scores and the lines it lost or added."""
    text = page.get("text") or ""
    missing, extra = missing_and_extra(gold.get("text") or "", text)
    return {
        "id": page["id"],
        "f1": scored["f1"],
        "precision": scored["precision"],
        "recall": scored["recall"],
        "error": page.get("error"),
        "gold_chars": len(gold.get("text") or ""),
        "output_chars": len(text),
        "missing_lines": len(missing),
        "extra_lines": len(extra),
        "first_missing": [metric_clip(x) for x in missing[:2]],
        "first_extra": [metric_clip(x) for x in extra[:2]],
    }


def metric_clip(line: str, width: int = 90) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def shortfall(set_name: str, rows: list[Result], raw: Result, golds: list[Result]) -> Result | None:
    """Where cleanweb's F1 is not the highest: the gap, the leader and cleanweb's worst pages."""
    scored = [r for r in rows if "f1" in r]
    mine = next((r for r in scored if r["name"] == CLEANWEB.name), None)
    if mine is None or not scored:
        return None
    best = max(scored, key=lambda r: r["f1"])
    if best["name"] == mine["name"] or best["f1"] <= mine["f1"]:
        return None
    by_id = {g["id"]: g for g in golds}
    pages = {p["id"]: p for p in raw["pages"]}
    worst = sorted(mine["per_page"], key=lambda s: s["f1"])[:WORST_PAGES]
    return {
        "set": set_name,
        "best": best["name"],
        "best_f1": best["f1"],
        "cleanweb_f1": mine["f1"],
        "gap": best["f1"] - mine["f1"],
        "worst_pages": [diagnose(by_id[s["id"]], pages[s["id"]], s) for s in worst],
    }


# ---------------------------------------------------------------- the report


def machine() -> Result:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def pm(value: float | None, ci: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f} ± {ci:.3f}" if ci is not None else f"{value:.3f}"


def num(value: float | None, spec: str = ".3f") -> str:
    return "—" if value is None else format(value, spec)


def label(r: Result) -> str:
    version = f" {r['version']}" if r.get("version") else ""
    name = f"**{r['name']}**" if r["name"] == CLEANWEB.name else r["name"]
    settings = by_name(r["name"]).settings
    return f"{name}{version}" + (f" ({settings})" if settings else "")


def ranked(rows: list[Result]) -> list[Result]:
    return sorted((r for r in rows if "skipped" not in r), key=lambda r: -r.get("f1", -1.0))


def quality_table(rows: list[Result]) -> list[str]:
    out = [
        "| extractor | F1 | precision | recall | failures | mean ms | p99 ms | pages/s "
        "| speed vs cleanweb |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in ranked(rows):
        ratio = r.get("speed_vs_cleanweb")
        out.append(
            f"| {label(r)} | {pm(r.get('f1'), r.get('f1_ci'))} "
            f"| {pm(r.get('precision'), r.get('precision_ci'))} "
            f"| {pm(r.get('recall'), r.get('recall_ci'))} | {r['failures']} / {r['pages']} "
            f"| {r['mean_ms']:.1f} | {r['p99_ms']:.1f} | {r['pages_per_s']:.1f} "
            f"| {num(ratio, '.3g')}× |"
        )
    return out


def chrome_table(rows: list[Result]) -> list[str]:
    out = [
        "| extractor | pages leaking chrome | pages repeating the headline | title exact "
        "| caption P | caption R |",
        "|---|---|---|---|---|---|",
    ]
    for r in ranked(rows):
        out.append(
            f"| {label(r)} | {r['leak_pages']} / {r['pages']} "
            f"| {r['headline_repeat_pages']} / {r['pages']} | {num(r.get('title_exact'))} "
            f"| {num(r.get('caption_precision'))} | {num(r.get('caption_recall'))} |"
        )
    return out


def skipped_lines(rows: list[Result]) -> list[str]:
    return [f"- skipped {r['name']}: {r['skipped']}" for r in rows if "skipped" in r]


def set_section(name: str, res: Result) -> list[str]:
    rows: list[Result] = res["extractors"]
    out = [f"### {name} ({res['pages']} pages)", "", *quality_table(rows), ""]
    if any("leak_pages" in r for r in rows if "skipped" not in r):
        out += ["Chinese-page checks:", "", *chrome_table(rows), ""]
    skipped = skipped_lines(rows)
    return out + ([*skipped, ""] if skipped else [])


def shortfall_lines(note: Result) -> list[str]:
    out = [
        f"- **{note['set']}**: {note['best']} {note['best_f1']:.3f} vs cleanweb "
        f"{note['cleanweb_f1']:.3f} (gap {note['gap']:.3f}). cleanweb's lowest pages:"
    ]
    for w in note["worst_pages"]:
        out.append(
            f"  - `{w['id']}`: F1 {w['f1']:.3f} (P {num(w['precision'])}, R {num(w['recall'])});"
            f" {w['missing_lines']} gold lines missing, {w['extra_lines']} extra lines"
            + (f"; error {w['error']}" if w.get("error") else "")
        )
        out += [f"    - lost: {x}" for x in w["first_missing"][:1]]
        out += [f"    - added: {x}" for x in w["first_extra"][:1]]
    return out


def render(report: Result) -> str:
    m = report["machine"]
    out = [
        f"## Results ({report['date']})",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['os']}, Python {m['python']}. "
        f"Warm-up: first {report['warmup']} pages of each set"
        + (f"; first {report['limit']} pages only" if report.get("limit") else "")
        + ". Speed vs cleanweb = that extractor's pages/s ÷ cleanweb's on the same set.",
        "",
    ]
    for name, res in report["sets"].items():
        out += set_section(name, res)
    notes = [n for n in report["shortfalls"] if n]
    if notes:
        out += ["Where cleanweb is not the best:", ""]
        for note in notes:
            out += shortfall_lines(note)
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- the chart


def chart(report: Result, path: Path) -> bool:
    """F1 against pages/s (log x), one point per extractor and set; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    markers = "osD^v<>"
    fig, ax = plt.subplots(figsize=(10, 6.5))
    for i, (set_name, res) in enumerate(report["sets"].items()):
        for r in ranked(res["extractors"]):
            if "f1" not in r or r["pages_per_s"] <= 0:
                continue
            mine = r["name"] == CLEANWEB.name
            ax.scatter(
                r["pages_per_s"],
                r["f1"],
                marker=markers[i % len(markers)],
                s=140 if mine else 40,
                c="crimson" if mine else "steelblue",
                edgecolors="black" if mine else "none",
                zorder=3 if mine else 2,
                label=set_name if mine else None,
            )
            ax.annotate(
                r["name"],
                (r["pages_per_s"], r["f1"]),
                fontsize=7,
                xytext=(4, 3),
                textcoords="offset points",
                fontweight="bold" if mine else "normal",
            )
    ax.set_xscale("log")
    ax.set_xlabel("pages per second (log scale, one process)")
    ax.set_ylabel("F1 (4-token shingles)")
    ax.set_title(f"F1 against speed; cleanweb in red; marker = dataset ({report['date']})")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(title="dataset (cleanweb)", loc="lower left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return True


# ---------------------------------------------------------------- command line


def split_args(values: Sequence[str]) -> list[str]:
    return [s for v in values for s in v.split(",") if s]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="cleanweb against its peers: quality and speed")
    add_datasets_argument(ap)
    ap.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS), help="sets to run")
    ap.add_argument(
        "--peers",
        nargs="+",
        default=None,
        help="extractors to run (default: all; cleanweb is always included)",
    )
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set only")
    ap.add_argument("--warmup", type=int, default=20, help="pages in the untimed warm-up pass")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    ap.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter the peers run under (cleanweb runs under this one)",
    )
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="score outputs already in OUT/raw instead of running those again",
    )
    ap.add_argument(
        "--report-only",
        action="store_true",
        help="run nothing: score what OUT/raw holds, skip the rest with a note",
    )
    return ap.parse_args(argv)


def chosen_peers(names: Sequence[str] | None) -> list[Peer]:
    if names is None:
        return list(PEERS)
    picked = [by_name(n) for n in split_args(names)]
    return [CLEANWEB, *(p for p in picked if p is not CLEANWEB)]


def run_set(args: argparse.Namespace, set_dir: Path, peers: list[Peer]) -> tuple[Result, Any]:
    """(scores of every extractor on one set, the closing note or None)."""
    golds = load_gold(set_dir)
    golds = golds[: args.limit] if args.limit is not None else golds
    rows, raws = [], {}
    for peer in peers:
        python = sys.executable if peer is CLEANWEB else args.python
        cfg = RunConfig(python, args.limit, args.warmup, args.reuse, args.report_only)
        print(f"{set_dir.name}: {peer.name} ...", file=sys.stderr, flush=True)
        raw = run_worker(cfg, peer, set_dir, args.out / "raw" / set_dir.name / f"{peer.name}.json")
        raws[peer.name] = raw
        rows.append(score(raw, golds))
    add_speed_ratios(rows)
    note = None
    if CLEANWEB.name in raws and "pages" in raws[CLEANWEB.name]:
        note = shortfall(set_dir.name, rows, raws[CLEANWEB.name], golds)
    return {"pages": len(golds), "extractors": rows}, note


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    datasets = args.datasets or default_datasets()
    sets = split_args(args.sets)
    missing = [s for s in sets if not (datasets / s / "gold.jsonl").is_file()]
    if missing:
        print(f"error: no gold.jsonl for {missing} under {datasets}", file=sys.stderr)
        return 2
    try:
        peers = chosen_peers(args.peers)
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2
    report: Result = {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "warmup": args.warmup,
        "limit": args.limit,
        "sets": {},
        "shortfalls": [],
    }
    for s in sets:
        report["sets"][s], note = run_set(args, datasets / s, peers)
        report["shortfalls"].append(note)
    write_outputs(report, args.out)
    return 0


def write_outputs(report: Result, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    text = render(report)
    (out / "report.md").write_text(text + "\n", encoding="utf-8")
    drew = chart(report, out / "f1_vs_speed.png")
    print(text)
    print(f"all numbers: {out / 'report.json'}" + ("" if drew else "  (no chart: no matplotlib)"))


if __name__ == "__main__":
    sys.exit(main())
