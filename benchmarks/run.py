"""cleanweb against its peers: ``python -m benchmarks.run``.

Each extractor runs on each dataset in a process of its own (``benchmarks/peers/worker.py``):
the pages are read first, an untimed warm-up pass goes over the first ``--warmup`` pages, then
the timed pass over every page in the gold file's order. Extractors run one after the other,
never in parallel. The outputs are scored here with ``benchmarks/metric.py`` and written to
``--out`` (default ``benchmarks/results/``): ``report.md`` (a summary per set, a table per
set, the Chinese sets' chrome checks, the snippet counts, and a closing note wherever cleanweb
is not the best), ``report.json`` (every number, per page too), ``f1_vs_speed.png``, and
``raw/<set>/<extractor>.json`` (what each extractor returned; ``--reuse`` scores those again
instead of re-running, ``--rerun`` names the extractors run anew all the same).

Every set under the datasets directory is run unless ``--sets`` names some, and each is scored
as ``benchmarks/quality.py`` scores it: the shingle metric where the gold has text, the
snippet metric where it has ``must_include`` / ``must_exclude`` snippets, chrome-leak counts
on Chinese sets (an unlabeled set gets those alone), field checks where the gold has fields.
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

from benchmarks import metric, snippets
from benchmarks.peers import CLEANWEB, PEERS, Peer, by_name
from benchmarks.quality import (
    add_datasets_argument,
    all_sets,
    default_datasets,
    has_snippets,
    is_chinese,
    load_gold,
)
from benchmarks.speed import p99

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "benchmarks" / "results"
WORST_PAGES = 3
#: The best peer's F1 plus this is the floor cleanweb is held to on a set.
FLOOR_MARGIN = 0.01
#: The set whose timings the summary tables give (the one the speed budget is set on).
SPEED_SET = "aeb"
#: Where ``--publish`` writes: the README's peer table sits between these two lines.
README = REPO / "README.md"
DOCS = REPO / "docs" / "benchmarks"
TABLE_START, TABLE_END = "<!-- peer-table: start -->", "<!-- peer-table: end -->"

Result = dict[str, Any]


# ---------------------------------------------------------------- running the workers


@dataclass(frozen=True, slots=True)
class RunConfig:
    python: str
    limit: int | None
    warmup: int
    reuse: bool
    report_only: bool = False
    #: Run anew even with ``reuse`` (the extractor whose code changed since the outputs).
    rerun: bool = False


def worker_command(cfg: RunConfig, peer: Peer, set_dir: Path, out: Path) -> list[str]:
    cmd = [cfg.python, "-m", "benchmarks.peers.worker", peer.name, str(set_dir), str(out)]
    cmd += ["--warmup", str(cfg.warmup)]
    return cmd + (["--limit", str(cfg.limit)] if cfg.limit is not None else [])


def run_worker(cfg: RunConfig, peer: Peer, set_dir: Path, out: Path) -> Result:
    """What ``peer`` returned on every page of ``set_dir`` (run now, or reused from ``out``).
    A worker that dies is reported as skipped with its last error line, never raised."""
    if not cfg.rerun and (cfg.reuse or cfg.report_only) and out.is_file():
        raw: Result = json.loads(out.read_text(encoding="utf-8"))
        return raw
    if cfg.report_only and not cfg.rerun:
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
        "metric": "shingles",
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


def snippet_scores(golds: Sequence[Result], pages: Sequence[Result]) -> Result:
    """Snippet gold: counts summed over the set, as ``benchmarks/snippets.py`` defines them."""
    found = [
        snippets.page_snippets(p.get("text") or "", g["must_include"], g["must_exclude"])
        for g, p in zip(golds, pages, strict=True)
    ]
    summed = snippets.total(f.counts for f in found)
    return {
        "metric": "snippets",
        "f1": summed.f1,
        "precision": summed.precision,
        "recall": summed.recall,
        "snippet_counts": {"tp": summed.tp, "fn": summed.fn, "fp": summed.fp}
        | {"excluded": sum(len(g["must_exclude"]) for g in golds)},
        "per_page": [
            {"id": p["id"], "f1": f.counts.f1, "precision": f.counts.precision}
            | {"recall": f.counts.recall}
            for p, f in zip(pages, found, strict=True)
        ],
    }


def chrome_scores(
    golds: Sequence[Result], pages: Sequence[Result], with_titles: bool = True
) -> Result:
    """Pages leaking chrome lines and, with titles, pages repeating the headline
    (``benchmarks/metric.py``)."""
    leaks: dict[str, list[tuple[str, str]]] = {}
    repeats: dict[str, list[str]] = {}
    for g, p in zip(golds, pages, strict=True):
        gold_lines = metric.GoldLines(g.get("text"))
        text = p.get("text") or ""
        if found := metric.leak_lines(text, gold_lines):
            leaks[p["id"]] = found
        title = g.get("title") if with_titles else None
        if title and (lines := metric.headline_lines(text, title, gold_lines)):
            repeats[p["id"]] = lines
    out: Result = {"leak_pages": len(leaks), "leaks": leaks}
    if with_titles:
        out |= {"headline_repeat_pages": len(repeats), "headline_repeats": repeats}
    return out


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
    elif has_snippets(golds):
        out |= snippet_scores(golds, pages)
    # As quality.py: headline copies are counted where the gold has fields (zh-dev).
    has_fields = any("captions" in g for g in golds)
    if is_chinese(golds):
        out |= chrome_scores(golds, pages, with_titles=has_fields)
        if has_fields:
            out |= field_scores(golds, pages)
    return out


def add_speed_ratios(rows: list[Result]) -> None:
    """Each extractor's pages/s divided by cleanweb's from the same run (>1: faster)."""
    base = next((r for r in rows if r["name"] == CLEANWEB.name and "skipped" not in r), None)
    for r in rows:
        if "skipped" not in r and base is not None and base["pages_per_s"] > 0:
            r["speed_vs_cleanweb"] = r["pages_per_s"] / base["pages_per_s"]


# ---------------------------------------------------------------- what went wrong on a page


def missing_and_extra(gold: Result, text: str) -> tuple[list[str], list[str]]:
    """Gold lines absent from the output and output lines absent from the gold; on snippet
    gold, the ``must_include`` snippets missing and the ``must_exclude`` snippets found."""
    if gold.get("text") is None:
        found = snippets.page_snippets(
            text, gold.get("must_include") or [], gold.get("must_exclude") or []
        )
        return list(found.missing), list(found.leaked)
    return gold_line_diff(gold["text"], text)


def gold_line_diff(gold: str, text: str) -> tuple[list[str], list[str]]:
    have = metric.GoldLines(text)
    want = metric.GoldLines(gold)
    return (
        [x for x in metric.lines_of(gold) if x not in have],
        [x for x in metric.lines_of(text) if x not in want],
    )


def diagnose(gold: Result, page: Result, scored: Result) -> Result:
    """A worst page of cleanweb's: its scores and the lines it lost or added."""
    text = page.get("text") or ""
    missing, extra = missing_and_extra(gold, text)
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
    extra = "; ".join(x for x in (by_name(r["name"]).settings, r.get("note")) if x)
    return f"{name}{version}" + (f" ({extra})" if extra else "")


def rank_key(r: Result) -> tuple[float, int]:
    """Highest F1 first; on a set without F1 (unlabeled), fewest leaking pages first."""
    return (-r["f1"] if "f1" in r else 1.0, r.get("leak_pages", 0))


def ranked(rows: list[Result]) -> list[Result]:
    return sorted((r for r in rows if "skipped" not in r), key=rank_key)


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


def snippet_table(rows: list[Result]) -> list[str]:
    out = ["| extractor | must_include found | must_exclude found |", "|---|---|---|"]
    for r in ranked(rows):
        c = r["snippet_counts"]
        out.append(
            f"| {label(r)} | {c['tp']} / {c['tp'] + c['fn']} | {c['fp']} / {c['excluded']} |"
        )
    return out


def chrome_table(rows: list[Result]) -> list[str]:
    """Leaking pages; headline copies and fields only where the set counts them."""
    shown = ranked(rows)
    heads = any("headline_repeat_pages" in r for r in shown)
    fields = any("title_exact" in r for r in shown)
    cols = ["extractor", "pages leaking chrome"]
    cols += ["pages repeating the headline"] if heads else []
    cols += ["title exact", "caption P", "caption R"] if fields else []
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in shown:
        cells = [label(r), f"{r['leak_pages']} / {r['pages']}"]
        if heads:
            cells.append(f"{r['headline_repeat_pages']} / {r['pages']}")
        if fields:
            cells += [num(r.get(k)) for k in ("title_exact", "caption_precision")]
            cells.append(num(r.get("caption_recall")))
        out.append("| " + " | ".join(cells) + " |")
    return out


def skipped_lines(rows: list[Result]) -> list[str]:
    return [f"- skipped {r['name']}: {r['skipped']}" for r in rows if "skipped" in r]


def metric_name(res: Result) -> str:
    """How the set is scored, from what its rows hold."""
    for r in res["extractors"]:
        if "metric" in r:
            return "snippets" if r["metric"] == "snippets" else "shingles"
    return "unlabeled: chrome leaks only"


def set_section(name: str, res: Result) -> list[str]:
    rows: list[Result] = res["extractors"]
    shown = [r for r in rows if "skipped" not in r]
    out = [f"### {name} ({res['pages']} pages; {metric_name(res)})", ""]
    out += [*quality_table(rows), ""]
    if any("snippet_counts" in r for r in shown):
        out += ["Snippets:", "", *snippet_table(rows), ""]
    if any("leak_pages" in r for r in shown):
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
            f" {w['missing_lines']} gold lines (or snippets) missing, {w['extra_lines']} extra"
            + (f"; error {w['error']}" if w.get("error") else "")
        )
        out += [f"    - lost: {x}" for x in w["first_missing"][:1]]
        out += [f"    - added: {x}" for x in w["first_extra"][:1]]
    return out


# ---------------------------------------------------------------- summaries across sets


def row_of(res: Result, name: str) -> Result | None:
    return next((r for r in res["extractors"] if r["name"] == name and "skipped" not in r), None)


def best_peer(res: Result) -> Result | None:
    """The peer with the highest F1 on the set (None on a set without F1)."""
    peers = [r for r in ranked(res["extractors"]) if "f1" in r and r["name"] != CLEANWEB.name]
    return peers[0] if peers else None


def scored_sets(report: Result) -> list[tuple[str, Result]]:
    return [(n, res) for n, res in report["sets"].items() if best_peer(res) is not None]


def summary_table(report: Result) -> list[str]:
    """Per set: cleanweb's P, R and F1, the best peer, and the floor (best peer + 0.01)."""
    out = [
        "| set | pages | metric | cleanweb P | cleanweb R | cleanweb F1 | best peer | its F1 "
        "| floor | cleanweb − floor |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, res in scored_sets(report):
        best = best_peer(res)
        assert best is not None
        mine = row_of(res, CLEANWEB.name) or {}
        floor = best["f1"] + FLOOR_MARGIN
        gap = f"{mine['f1'] - floor:+.3f}" if "f1" in mine else "—"
        out.append(
            f"| {name} | {res['pages']} | {metric_name(res)} | {num(mine.get('precision'))} "
            f"| {num(mine.get('recall'))} | {num(mine.get('f1'))} | {label(best)} "
            f"| {best['f1']:.3f} | {floor:.3f} | {gap} |"
        )
    return out


def leak_sets(report: Result) -> list[str]:
    return [
        n for n, res in report["sets"].items()
        if any("leak_pages" in r for r in res["extractors"])
    ]  # fmt: skip


def extractor_names(report: Result) -> list[str]:
    """Every extractor that ran on some set, in the order of the peer list."""
    ran = {r["name"] for res in report["sets"].values() for r in res["extractors"]}
    return [p.name for p in PEERS if p.name in ran] + sorted(ran - {p.name for p in PEERS})


def leak_table(report: Result) -> list[str]:
    """Pages leaking chrome, per extractor and Chinese set."""
    sets = leak_sets(report)
    out = ["| extractor | " + " | ".join(sets) + " |", "|---|" + "---|" * len(sets)]
    for name in extractor_names(report):
        rows = [row_of(report["sets"][s], name) for s in sets]
        if not any(rows):
            continue
        cells = [f"{r['leak_pages']} / {r['pages']}" if r else "—" for r in rows]
        shown = next(r for r in rows if r)
        out.append(f"| {label(shown)} | " + " | ".join(cells) + " |")
    return out


def peer_table(report: Result) -> list[str]:
    """The README's table: F1 per set (the best peer's in bold), pages leaking chrome on the
    Chinese sets, and the time per page on :data:`SPEED_SET`."""
    sets = scored_sets(report)
    leaks = leak_sets(report)
    cols = ["extractor", *(n for n, _ in sets)]
    cols += [f"leaking pages ({', '.join(leaks)})"] if leaks else []
    cols += [f"{SPEED_SET} ms/page", "speed vs cleanweb"] if SPEED_SET in report["sets"] else []
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    rows = (peer_row(report, name, sets, leaks) for name in extractor_names(report))
    return out + [r for r in rows if r is not None]


def peer_row(
    report: Result, name: str, sets: list[tuple[str, Result]], leaks: list[str]
) -> str | None:
    """One extractor's line of :func:`peer_table` (None when it ran nowhere)."""
    rows = [row_of(res, name) for _, res in sets]
    cells = [f1_cell(r, best_peer(res)) for (_, res), r in zip(sets, rows, strict=True)]
    if leaks:
        cells.append(leak_cell([row_of(report["sets"][s], name) for s in leaks]))
    speed = report["sets"].get(SPEED_SET)
    timed = row_of(speed, name) if speed else None
    if speed:
        cells += speed_cells(timed)
    shown = next((r for r in [*rows, timed] if r), None)
    return None if shown is None else f"| {label(shown)} | " + " | ".join(cells) + " |"


def f1_cell(r: Result | None, top: Result | None) -> str:
    if r is None or "f1" not in r:
        return "—"
    return f"**{r['f1']:.3f}**" if r is top else f"{r['f1']:.3f}"


def speed_cells(r: Result | None) -> list[str]:
    if r is None:
        return ["—", "—"]
    return [f"{r['mean_ms']:.1f}", f"{num(r.get('speed_vs_cleanweb'), '.2g')}×"]


def leak_cell(rows: list[Result | None]) -> str:
    """Leaking pages summed over the Chinese sets an extractor ran on."""
    ran = [r for r in rows if r]
    if not ran:
        return "—"
    return f"{sum(r['leak_pages'] for r in ran)} / {sum(r['pages'] for r in ran)}"


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
    if report.get("note"):
        out += [report["note"], ""]
    if scored_sets(report):
        out += ["Per set: cleanweb, the best peer, and the floor (the best peer's F1 + 0.01).", ""]
        out += [*summary_table(report), ""]
    if leak_sets(report):
        out += ["Chinese sets: pages leaking chrome.", "", *leak_table(report), ""]
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

MARKERS = "osD^v<>pXhP8d"


def styles(names: Sequence[str]) -> dict[str, tuple[Any, str]]:
    """(colour, marker) per extractor, the same in every panel; cleanweb a red star."""
    import matplotlib

    cmap = matplotlib.colormaps["tab20"]
    out: dict[str, tuple[Any, str]] = {}
    for i, name in enumerate(n for n in names if n != CLEANWEB.name):
        out[name] = (cmap(i % 20), MARKERS[i % len(MARKERS)])
    return out | {CLEANWEB.name: ("crimson", "*")}


def chart(report: Result, path: Path) -> bool:
    """F1 against pages/s (log x), one panel per scored set, one point per extractor;
    False without matplotlib or without a scored set."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    sets = [
        (n, res) for n, res in report["sets"].items() if any("f1" in r for r in res["extractors"])
    ]
    if not sets:
        return False
    ncols = min(4, len(sets))
    nrows = -(-len(sets) // ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(3.8 * ncols + 2.4, 3.1 * nrows + 0.8), squeeze=False,
        layout="constrained",
    )  # fmt: skip
    style = styles(extractor_names(report))
    for ax, (set_name, res) in zip(axes.flat, sets, strict=False):
        panel(ax, set_name, res, style)
    for ax in list(axes.flat)[len(sets) :]:
        ax.axis("off")
    handles = {h.get_label(): h for ax in axes.flat for h in ax.collections}
    names = [n for n in extractor_names(report) if n in handles]
    fig.legend([handles[n] for n in names], names, loc="outside right center")
    fig.supxlabel("pages per second (log scale, one process)")
    fig.supylabel("F1 (4-token shingles; trafilatura-eval: snippets)")
    note = f", {report['cleanweb_note']}" if report.get("cleanweb_note") else ""
    fig.suptitle(f"F1 against speed per set ({report['date']}); cleanweb = red star{note}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def panel(ax: Any, set_name: str, res: Result, style: dict[str, tuple[Any, str]]) -> None:
    for r in ranked(res["extractors"]):
        if "f1" not in r or r["pages_per_s"] <= 0:
            continue
        mine = r["name"] == CLEANWEB.name
        color, marker = style[r["name"]]
        ax.scatter(
            r["pages_per_s"],
            r["f1"],
            marker=marker,
            s=170 if mine else 40,
            color=color,
            edgecolors="black" if mine else "none",
            zorder=3 if mine else 2,
            label=r["name"],
        )
    ax.set_xscale("log")
    ax.set_title(f"{set_name} ({res['pages']} pages)", fontsize=10)
    ax.grid(True, which="both", alpha=0.3)


# ---------------------------------------------------------------- command line


def split_args(values: Sequence[str]) -> list[str]:
    return [s for v in values for s in v.split(",") if s]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="cleanweb against its peers: quality and speed")
    add_datasets_argument(ap)
    ap.add_argument(
        "--sets", nargs="+", default=None, help="sets to run (default: every set found)"
    )
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
    ap.add_argument(
        "--rerun",
        nargs="+",
        default=[],
        help="extractors to run anew all the same: with --reuse beside the others' kept "
        "outputs (an extractor with none runs too), with --report-only beside them alone "
        "(e.g. cleanweb trafilatura)",
    )
    ap.add_argument("--note", default="", help="a line printed above the tables")
    ap.add_argument(
        "--cleanweb-note", default="", help="shown beside cleanweb's name (e.g. the commit)"
    )
    ap.add_argument(
        "--publish",
        action="store_true",
        help="also write report.md and the chart to docs/benchmarks/ and the peer table "
        "into README.md (between its peer-table marks)",
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
    rerun = {by_name(n).name for n in split_args(args.rerun)}
    for peer in peers:
        python = sys.executable if peer is CLEANWEB else args.python
        cfg = RunConfig(
            python, args.limit, args.warmup, args.reuse, args.report_only, peer.name in rerun
        )
        print(f"{set_dir.name}: {peer.name} ...", file=sys.stderr, flush=True)
        raw = run_worker(cfg, peer, set_dir, args.out / "raw" / set_dir.name / f"{peer.name}.json")
        raws[peer.name] = raw
        rows.append(score(raw, golds))
        if peer is CLEANWEB and args.cleanweb_note and "skipped" not in rows[-1]:
            rows[-1]["note"] = args.cleanweb_note
    add_speed_ratios(rows)
    note = None
    if CLEANWEB.name in raws and "pages" in raws[CLEANWEB.name]:
        note = shortfall(set_dir.name, rows, raws[CLEANWEB.name], golds)
    return {"pages": len(golds), "extractors": rows}, note


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    datasets = args.datasets or default_datasets()
    sets = all_sets(datasets) if args.sets is None else split_args(args.sets)
    missing = [s for s in sets if not (datasets / s / "gold.jsonl").is_file()]
    if missing:
        print(f"error: no gold.jsonl for {missing} under {datasets}", file=sys.stderr)
        return 2
    try:
        peers = chosen_peers(args.peers)
        [by_name(n) for n in split_args(args.rerun)]
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2
    report: Result = {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "warmup": args.warmup,
        "limit": args.limit,
        "note": args.note,
        "cleanweb_note": args.cleanweb_note,
        "sets": {},
        "shortfalls": [],
    }
    for s in sets:
        report["sets"][s], note = run_set(args, datasets / s, peers)
        report["shortfalls"].append(note)
    write_outputs(report, args.out)
    if args.publish:
        publish(report, args.out)
    return 0


def publish(report: Result, out: Path, readme: Path = README, docs: Path = DOCS) -> None:
    """Copy the report and chart into the docs; put the peer table into the README."""
    docs.mkdir(parents=True, exist_ok=True)
    for name in ("report.md", "f1_vs_speed.png"):
        if (out / name).is_file():
            (docs / name).write_bytes((out / name).read_bytes())
    text = readme.read_text(encoding="utf-8")
    if TABLE_START not in text or TABLE_END not in text:
        print(f"note: no peer-table marks in {readme}; table not written", file=sys.stderr)
        return
    head, rest = text.split(TABLE_START, 1)
    tail = rest.split(TABLE_END, 1)[1]
    table = "\n".join(peer_table(report))
    readme.write_text(f"{head}{TABLE_START}\n{table}\n{TABLE_END}{tail}", encoding="utf-8")


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
