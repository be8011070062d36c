"""The peer benchmark: adapters skip cleanly when their library is missing, workers that die
become notes, and the report (tables, JSON, closing note) is right on tiny synthetic sets.
Nothing here needs a peer installed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

import cleanweb
from benchmarks import run
from benchmarks.peers import CLEANWEB, PEERS, Unavailable, by_name, worker
from benchmarks.peers.base import Page, decode_html

ARTICLE = (
    "The river council met on Tuesday to discuss the new bridge over the old canal.",
    "Members agreed that the work should start in spring, once the water level drops.",
    "The mayor said the town had waited for this decision for more than ten years.",
)


def hide_all_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every optional library look uninstalled to the adapters' checks."""
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a, **k: None)


# ---------------------------------------------------------------- adapters


@pytest.mark.parametrize("peer", [p for p in PEERS if p is not CLEANWEB], ids=lambda p: p.name)
def test_missing_library_is_unavailable_not_a_crash(
    peer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide_all_libraries(monkeypatch)
    with pytest.raises(Unavailable, match="not installed"):
        peer.load()


def test_worker_reports_a_skipped_peer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_dir = write_set(tmp_path, [("a", "en", ARTICLE)])
    hide_all_libraries(monkeypatch)
    out = worker.run("html-text", set_dir, None, 0)
    assert out["name"] == "html-text"
    assert "not installed" in out["skipped"]
    assert "pages" not in out


def test_worker_times_every_page_in_order(tmp_path: Path) -> None:
    pages = [("b", "en", ARTICLE), ("a", "en", ARTICLE[:2]), ("c", "en", ())]
    set_dir = write_set(tmp_path, pages)
    out = worker.run("cleanweb", set_dir, None, 1)
    assert [p["id"] for p in out["pages"]] == ["b", "a", "c"]
    assert all(p["ms"] > 0 and p["error"] is None for p in out["pages"])
    assert ARTICLE[2] in out["pages"][0]["text"]
    assert out["warmup"] == 1
    assert len(worker.run("cleanweb", set_dir, 2, 0)["pages"]) == 2


def test_dead_worker_becomes_a_note(tmp_path: Path) -> None:
    set_dir = write_set(tmp_path, [("a", "en", ARTICLE)])
    cfg = run.RunConfig(python="false", limit=None, warmup=0, reuse=False)
    got = run.run_worker(cfg, by_name("html-text"), set_dir, tmp_path / "raw" / "x.json")
    assert got["name"] == "html-text"
    assert got["skipped"].startswith("worker exited 1")


def test_peer_names_are_forgiving_and_unknown_ones_listed() -> None:
    assert by_name("readability.js") is by_name("Readability.JS")
    assert by_name("trafilatura_precision").variant == "precision"
    with pytest.raises(KeyError, match="known: cleanweb"):
        by_name("no-such-extractor")


def test_shared_decoder_prefers_valid_utf8_over_a_wrong_declaration() -> None:
    text = "新闻正文"
    html = f"<html><head><meta charset='gbk'></head><body>{text}</body></html>"
    assert text in decode_html(html.encode("utf-8"))
    assert Page(b"x").lang is None


def test_shared_decoder_reads_declared_legacy_encodings() -> None:
    pytest.importorskip("w3lib", reason="w3lib comes with the bench extra")
    text = "新闻正文"
    html = f"<html><head><meta charset='gbk'></head><body>{text}</body></html>".encode("gbk")
    assert text in decode_html(html)


# ---------------------------------------------------------------- scoring and the report


def test_scores_ratios_and_shortfall_note() -> None:
    golds = [gold("p1", ARTICLE), gold("p2", ARTICLE[:2])]
    mine = raw("cleanweb", [("p1", "\n".join(ARTICLE[:1]), 10.0), ("p2", "", 10.0)])
    theirs = raw("html-text", [("p1", "\n".join(ARTICLE), 20.0), ("p2", ARTICLE[0], 20.0)])
    rows = [run.score(mine, golds), run.score(theirs, golds)]
    run.add_speed_ratios(rows)
    cw, ht = rows
    assert cw["failures"] == 1 and ht["failures"] == 0
    assert ht["speed_vs_cleanweb"] == pytest.approx(0.5)
    assert cw["mean_ms"] == pytest.approx(10.0) and cw["pages_per_s"] == pytest.approx(100.0)
    assert cw["recall"] < ht["recall"] and ht["precision"] == pytest.approx(1.0)
    note = run.shortfall("tiny", rows, mine, golds)
    assert note is not None and note["best"] == "html-text"
    assert note["gap"] == pytest.approx(ht["f1"] - cw["f1"])
    assert [w["id"] for w in note["worst_pages"]] == ["p2", "p1"]
    assert note["worst_pages"][0]["missing_lines"] == 2


def test_no_note_when_cleanweb_leads() -> None:
    golds = [gold("p1", ARTICLE)]
    mine = raw("cleanweb", [("p1", "\n".join(ARTICLE), 5.0)])
    theirs = raw("html-text", [("p1", "Menu\nHome\n" + "\n".join(ARTICLE), 5.0)])
    rows = [run.score(mine, golds), run.score(theirs, golds)]
    assert run.shortfall("tiny", rows, mine, golds) is None


def test_chinese_checks_count_leaks_headlines_titles_and_captions() -> None:
    body = ("今年春天，河边的新桥终于开始动工，附近的居民都很高兴。", "工程预计明年完工。")
    g = gold("z1", body, lang="zh", title="河边新桥开工", captions=["新桥效果图"])
    leaky = "河边新桥开工\n" + "\n".join(body) + "\n版权所有 某某网站"
    clean = raw(
        "cleanweb", [("z1", "\n".join(body), 3.0)], title="河边新桥开工", caps=["新桥效果图"]
    )
    other = raw("GNE", [("z1", leaky, 3.0)], title="河边新桥开工_某某网")
    cw, gne = run.score(clean, [g]), run.score(other, [g])
    assert (cw["leak_pages"], cw["headline_repeat_pages"]) == (0, 0)
    assert (gne["leak_pages"], gne["headline_repeat_pages"]) == (1, 1)
    assert cw["title_exact"] == 1.0 and gne["title_exact"] == 0.0
    assert cw["caption_recall"] == 1.0 and gne["caption_recall"] is None


def test_report_files_from_one_command(tmp_path: Path) -> None:
    set_dir = write_set(tmp_path / "data", [("a", "en", ARTICLE), ("b", "en", ARTICLE[1:])])
    out = tmp_path / "out"
    argv = ["--datasets", str(set_dir.parent), "--sets", set_dir.name, "--peers", "cleanweb"]
    assert run.main([*argv, "--warmup", "1", "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (row,) = report["sets"][set_dir.name]["extractors"]
    assert row["name"] == "cleanweb" and row["pages"] == 2 and row["f1"] > 0.9
    md = (out / "report.md").read_text(encoding="utf-8")
    assert f"| **cleanweb** {cleanweb.__version__} |" in md and "speed vs cleanweb" in md
    assert (out / "raw" / set_dir.name / "cleanweb.json").is_file()
    has_mpl = importlib.util.find_spec("matplotlib") is not None
    assert (out / "f1_vs_speed.png").is_file() == has_mpl
    # Scoring again from the saved outputs runs nothing and gives the same numbers.
    assert run.main([*argv, "--report-only", "--out", str(out)]) == 0
    again = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert again["sets"][set_dir.name]["extractors"][0]["f1"] == row["f1"]


def test_snippet_sets_are_scored_with_the_snippet_metric() -> None:
    golds = [
        snippet_gold("s1", include=["the new bridge", "in spring"], exclude=["Subscribe now"]),
        snippet_gold("s2", include=["ten years"], exclude=["Related stories", "Log in"]),
    ]
    out = raw(
        "html-text",
        [("s1", "About the new  bridge.\nSubscribe now", 4.0), ("s2", "for ten\nyears", 4.0)],
    )
    row = run.score(out, golds)
    # Found: 'the new bridge' (whitespace collapsed) and 'ten years'; missed 'in spring';
    # leaked 'Subscribe now': TP 2, FN 1, FP 1, summed over the set.
    assert row["metric"] == "snippets"
    assert row["snippet_counts"] == {"tp": 2, "fn": 1, "fp": 1, "excluded": 3}
    assert row["f1"] == pytest.approx(4 / 6)
    assert row["precision"] == pytest.approx(2 / 3) and row["recall"] == pytest.approx(2 / 3)
    assert "leak_pages" not in row and "f1_ci" not in row
    md = "\n".join(run.set_section("snip", {"pages": 2, "extractors": [row]}))
    assert "snippets)" in md and "| 2 / 3 | 1 / 3 |" in md


def test_snippet_shortfall_lists_missing_and_leaked_snippets() -> None:
    golds = [snippet_gold("s1", include=["the new bridge", "in spring"], exclude=["Log in"])]
    mine = raw("cleanweb", [("s1", "the new bridge\nLog in", 2.0)])
    theirs = raw("html-text", [("s1", "the new bridge in spring", 2.0)])
    rows = [run.score(mine, golds), run.score(theirs, golds)]
    note = run.shortfall("snip", rows, mine, golds)
    assert note is not None and note["best"] == "html-text"
    (worst,) = note["worst_pages"]
    assert worst["first_missing"] == ["in spring"] and worst["first_extra"] == ["Log in"]


def test_unlabeled_chinese_set_gets_leak_counts_only() -> None:
    golds = [{"id": "u1", "lang": "zh", "title": "新桥开工", "text": None}]
    body = "今年春天，河边的新桥终于开始动工，附近的居民都很高兴。"
    rows = [
        run.score(raw("cleanweb", [("u1", body, 2.0)]), golds),
        run.score(raw("GNE", [("u1", body + "\n版权所有 某某网站", 2.0)]), golds),
    ]
    assert [r["leak_pages"] for r in rows] == [0, 1]
    assert all("f1" not in r and "headline_repeat_pages" not in r for r in rows)
    res = {"pages": 1, "extractors": rows}
    assert run.metric_name(res) == "unlabeled: chrome leaks only"
    assert run.best_peer(res) is None
    assert [r["name"] for r in run.ranked(rows)] == ["cleanweb", "GNE"]


def test_summary_marks_the_best_peer_and_its_floor(tmp_path: Path) -> None:
    golds = [gold("p1", ARTICLE)]
    outputs = {
        "cleanweb": "\n".join(ARTICLE[:2]),
        "html-text": "Menu\n" + "\n".join(ARTICLE),
        "GNE": ARTICLE[0],
    }
    rows = [run.score(raw(n, [("p1", t, 5.0)]), golds) for n, t in outputs.items()]
    run.add_speed_ratios(rows)
    report = {"sets": {"aeb": {"pages": 1, "extractors": rows}}, "shortfalls": [None]}
    best = run.best_peer(report["sets"]["aeb"])
    assert best is not None and best["name"] == "html-text"
    (line,) = [x for x in run.summary_table(report) if x.startswith("| aeb")]
    assert f"| {best['f1']:.3f} | {best['f1'] + run.FLOOR_MARGIN:.3f} |" in line
    table = run.peer_table(report)
    assert table[0] == "| extractor | aeb | aeb ms/page | speed vs cleanweb |"
    assert [x.split(" |")[0] for x in table[2:]] == [
        "| **cleanweb** 1",
        "| GNE 1",
        "| html-text 1 (keeps everything)",
    ]
    assert f"**{best['f1']:.3f}**" in table[-1] and "**" not in table[3]
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{run.TABLE_START}\nold\n{run.TABLE_END}\nafter\n", "utf-8")
    run.publish(report, tmp_path / "none", readme, tmp_path / "docs")
    text = readme.read_text("utf-8")
    assert "old" not in text and text.startswith("intro\n") and text.endswith("after\n")
    assert "\n".join(table) in text


def test_every_set_by_default_and_rerun_with_reuse(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_set(data, [("a", "en", ARTICLE)], "one")
    write_set(data, [("b", "en", ARTICLE[1:])], "two")
    out = tmp_path / "out"
    argv = ["--datasets", str(data), "--peers", "cleanweb", "--warmup", "0", "--out", str(out)]
    assert run.main(argv) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert list(report["sets"]) == ["one", "two"]
    saved = out / "raw" / "one" / "cleanweb.json"
    stale = json.loads(saved.read_text(encoding="utf-8")) | {"version": "stale"}
    saved.write_text(json.dumps(stale), encoding="utf-8")
    assert run.main([*argv, "--sets", "one", "--reuse"]) == 0
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == "stale"
    assert run.main([*argv, "--sets", "one", "--reuse", "--rerun", "cleanweb"]) == 0
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == cleanweb.__version__
    # With --report-only only the named extractors run: a peer with no kept output stays
    # "not run" instead of running for the first time.
    saved.write_text(json.dumps(stale), encoding="utf-8")
    argv[3] = "cleanweb,trafilatura"
    assert run.main([*argv, "--sets", "one", "--report-only", "--rerun", "cleanweb"]) == 0
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == cleanweb.__version__
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rows = {r["name"]: r for r in report["sets"]["one"]["extractors"]}
    assert "not run" in rows["trafilatura"]["skipped"]


def test_missing_set_is_an_error_not_a_crash(tmp_path: Path) -> None:
    assert run.main(["--datasets", str(tmp_path), "--sets", "nope"]) == 2
    assert run.main(["--datasets", str(tmp_path), "--peers", "nope", "--sets", "x"]) == 2
    write_set(tmp_path, [("a", "en", ARTICLE)])
    assert run.main(["--datasets", str(tmp_path), "--rerun", "nope", "--sets", "tiny"]) == 2


# ---------------------------------------------------------------- helpers


def gold(
    pid: str,
    paras: tuple[str, ...],
    lang: str = "en",
    title: str | None = None,
    captions: list[str] | None = None,
) -> dict[str, Any]:
    row: dict[str, Any] = {"id": pid, "lang": lang, "title": title, "text": "\n".join(paras)}
    if captions is not None:
        row["captions"] = captions
    return row


def snippet_gold(pid: str, include: list[str], exclude: list[str]) -> dict[str, Any]:
    return {"id": pid, "lang": "en", "text": None, "must_include": include} | {
        "must_exclude": exclude
    }


def raw(
    name: str,
    pages: list[tuple[str, str, float]],
    title: str | None = None,
    caps: list[str] | None = None,
) -> dict[str, Any]:
    rows = [
        {"id": pid, "ms": ms, "error": None, "text": text, "title": title, "captions": caps}
        for pid, text, ms in pages
    ]
    return {"name": name, "version": "1", "warmup": 0, "pages": rows}


def write_set(
    root: Path, pages: list[tuple[str, str, tuple[str, ...]]], name: str = "tiny"
) -> Path:
    """A dataset folder as ../shared/datasets lays them out, from synthetic articles."""
    set_dir = root / name
    (set_dir / "pages").mkdir(parents=True)
    lines = []
    for pid, lang, paras in pages:
        body = "".join(f"<p>{p}</p>" for p in paras)
        html = (
            f"<html lang='{lang}'><head><meta charset='utf-8'><title>Bridge</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>Bridge</h1>{body}</article><footer>Contact us</footer></body></html>"
        )
        (set_dir / "pages" / f"{pid}.html").write_bytes(html.encode("utf-8"))
        lines.append(json.dumps(gold(pid, paras, lang)))
    (set_dir / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return set_dir
