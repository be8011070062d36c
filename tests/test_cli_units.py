"""Unit tests of the command's parts: input discovery, naming, ordering, pool, progress."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import random
import signal
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from cleanweb import cli
from cleanweb._cli import worker
from cleanweb._cli.explain import Style, block_line, columns, shorten
from cleanweb._cli.inputs import collect, first_clash, glob_base, output_name
from cleanweb._cli.output import OrderedWriter, finished_records
from cleanweb._cli.pool import Pool, batch_size
from cleanweb._cli.progress import Counts, bar_line, clock, summary_line
from cleanweb._cli.worker import Config, Job, Outcome, read_page, write_atomic
from cleanweb.document import Block
from cleanweb.options import Options
from cleanweb.readers import ReadError

ARTICLE = "<p>" + "A sentence of plain words for the body of a page, long enough. " * 5 + "</p>"


def touch(root: Path, *rels: str) -> None:
    for rel in rels:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("<p>x</p>")


@pytest.mark.parametrize(("rel", "fmt", "out"), [
    ("a/b/page.html", "txt", "a/b/page.txt"),
    ("page.html.gz", "md", "page.md"),
    ("page.gz", "json", "page.json"),
    ("noext", "txt", "noext.txt"),
    ("v1.2/page.htm", "txt", "v1.2/page.txt"),
    ("x..gz", "txt", "x..txt"),  # pathlib's rule: a trailing dot starts no suffix
    ("d/.gz", "md", "d/.gz.md"),  # nor does a leading one
])
def test_output_names(rel: str, fmt: str, out: str) -> None:
    assert output_name(rel, fmt) == out


def test_glob_base_is_the_literal_prefix() -> None:
    assert glob_base("crawl/2024/**/*.html") == Path("crawl/2024")
    assert glob_base("*.html") == Path(".")


def test_collect_orders_dedups_and_skips(tmp_path: Path) -> None:
    touch(tmp_path, "d/b/x.html", "d/a.html", "d/c.txt", "d/.git/y.html", "d/out/z.html")
    found = collect([str(tmp_path / "d"), str(tmp_path / "d/a.html")], False)
    assert [s.rel for s in found.sources] == ["a.html", "b/x.html", "out/z.html"]  # a.html once
    assert not found.single_file


def test_collect_reads_a_linked_file_once_and_skips_linked_folders(tmp_path: Path) -> None:
    touch(tmp_path, "d/a.html", "e/b.html")
    (tmp_path / "d/link.html").symlink_to(tmp_path / "d/a.html")
    (tmp_path / "d/linked").symlink_to(tmp_path / "e", target_is_directory=True)
    found = collect([str(tmp_path / "d"), str(tmp_path / "e/b.html")], False)
    assert [s.rel for s in found.sources] == ["a.html", "b.html"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_collect_skips_pipes_in_folders_and_globs_but_reads_named_ones(tmp_path: Path) -> None:
    # Reading a pipe waits for a writer: in a folder or a glob it is no saved page. A link
    # leading nowhere is still listed, to be reported unreadable rather than lost.
    touch(tmp_path, "d/a.html")
    os.mkfifo(tmp_path / "d/pipe.html")
    (tmp_path / "d/gone.html").symlink_to(tmp_path / "nowhere.html")
    assert [s.rel for s in collect([str(tmp_path / "d")], True).sources] == [
        "a.html", "gone.html"]
    assert [s.rel for s in collect([str(tmp_path / "d/*.html")], False).sources] == [
        "a.html", "gone.html"]
    named = collect([str(tmp_path / "d/pipe.html")], False)
    assert [s.rel for s in named.sources] == ["pipe.html"]


def test_collect_globs_and_missing(tmp_path: Path) -> None:
    touch(tmp_path, "c/1/p.html", "c/2/q.htm", "c/2/r.txt")
    found = collect([str(tmp_path / "c/**/*.htm*"), str(tmp_path / "none.html")], False)
    assert [s.rel for s in found.sources] == ["1/p.html", "2/q.htm"]
    assert found.missing == (str(tmp_path / "none.html"),)


def test_single_named_file(tmp_path: Path) -> None:
    touch(tmp_path, "page.php")
    found = collect([str(tmp_path / "page.php")], False)
    assert found.single_file and [s.rel for s in found.sources] == ["page.php"]


def test_first_clash() -> None:
    assert first_clash([("o/a.txt", "a.html"), ("o/b.txt", "b.htm")]) is None
    assert first_clash([("o/a.txt", "a.html"), ("o/a.txt", "a.htm")]) == (
        "o/a.txt", "a.html", "a.htm")


def test_ordered_writer_restores_input_order() -> None:
    buf = io.BytesIO()
    writer = OrderedWriter(buf, b"\n")
    writer.put(2, "c")
    writer.put(1, None)  # a failed page holds nothing back and writes nothing
    assert buf.getvalue() == b""
    writer.put(0, "a")
    writer.put(3, "d")
    assert buf.getvalue() == b"a\nc\nd"
    assert writer.written == 3


def test_finished_records_drop_a_cut_line(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"path": "a.html", "text": "x"}\n{"path": "b.html", "te')
    lines, done, stale = finished_records(path)
    assert done == {"a.html"} and len(lines) == 1 and stale == []


def test_read_page_reasons(tmp_path: Path) -> None:
    (tmp_path / "blank.html").write_bytes(b" \n\t ")
    for path, reason in ((tmp_path / "blank.html", "empty_file"),
                         (tmp_path / "absent.html", "unreadable"), (tmp_path, "unreadable")):
        with pytest.raises(ReadError) as err:
            read_page(Job(0, str(path)), 1000)
        assert err.value.reason == reason


def test_write_atomic_makes_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "page.txt"
    write_atomic(str(target), "text\n")
    write_atomic(str(tmp_path / "a" / "b" / "next.txt"), "more\n")
    assert target.read_bytes() == b"text\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["next.txt", "page.txt"]


def test_batch_size_shrinks_toward_the_end() -> None:
    assert batch_size(10_000, 2) == 16
    assert batch_size(80, 2) == 5
    assert batch_size(3, 2) == 1


def test_pool_returns_every_page_once(tmp_path: Path) -> None:
    jobs = []
    for i in range(30):
        path = tmp_path / f"{i}.html"
        path.write_text(f"<html><body><h1>Page {i}</h1>{ARTICLE}</body></html>")
        jobs.append(Job(i, str(path)))
    pool = Pool(Config("txt", Options()), workers=2, timeout=30)
    outcomes = list(pool.run(jobs))
    pool.close()
    assert sorted(o.index for o in outcomes) == list(range(30))
    assert all(o.status == "ok" and o.output and "plain words" in o.output for o in outcomes)


def stalling_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stall: Callable[[], None],
                  timeout: float) -> dict[int, list[str]]:
    """Statuses by page of a 2-worker run of 24 pages in which page 3 calls ``stall``."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the stall is patched in before the workers fork")
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><h1>Page</h1>{ARTICLE}</body></html>")
    real = worker.process

    def process(job: Job, cfg: Config, check_url: bool = False) -> Outcome:
        if job.index == 3:
            stall()
        return real(job, cfg, check_url)

    monkeypatch.setattr(worker, "process", process)
    pool = Pool(Config("txt", Options()), workers=2, timeout=timeout)
    statuses: dict[int, list[str]] = {}
    for outcome in pool.run([Job(i, str(path)) for i in range(24)]):
        statuses.setdefault(outcome.index, []).append(outcome.status)
    pool.close()
    return statuses


def test_pool_replaces_a_crashed_worker_and_redoes_its_queue_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    statuses = stalling_pool(tmp_path, monkeypatch, lambda: os._exit(3), timeout=30)
    assert statuses.pop(3) == ["crashed"]
    assert statuses == {i: ["ok"] for i in range(24) if i != 3}


def test_pool_tries_a_page_again_on_a_new_worker_after_a_crash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flag = tmp_path / "crashed-once"

    def crash_once() -> None:
        if not flag.exists():
            flag.touch()
            os._exit(3)

    statuses = stalling_pool(tmp_path, monkeypatch, crash_once, timeout=30)
    assert statuses == {i: ["ok"] for i in range(24)}


def test_pool_replaces_workers_that_died_before_they_were_given_work(tmp_path: Path) -> None:
    """The parent finds a dead worker when it writes to it as well as when it reads."""
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><h1>Page</h1>{ARTICLE}</body></html>")
    pool = Pool(Config("txt", Options()), workers=2, timeout=30)
    for slot in pool.slots:
        slot.proc.kill()
        slot.proc.join()
    outcomes = list(pool.run([Job(i, str(path)) for i in range(40)]))
    pool.close()
    assert sorted(o.index for o in outcomes) == list(range(40))
    assert {o.status for o in outcomes} == {"ok"}


def test_pool_survives_workers_killed_at_random_moments(tmp_path: Path) -> None:
    """Workers killed from outside, wherever they are (reading a batch, on a page, sending
    an outcome): every page still comes back exactly once, done or reported."""
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><h1>Page</h1>{ARTICLE * 8}</body></html>")
    pool = Pool(Config("txt", Options()), workers=2, timeout=30)
    rng = random.Random(7)
    outcomes = []
    for n, outcome in enumerate(pool.run([Job(i, str(path)) for i in range(300)])):
        outcomes.append(outcome)
        if n % 25 == 3:
            victim = rng.choice(pool.slots).proc
            with contextlib.suppress(ProcessLookupError):
                os.kill(victim.pid or 0, signal.SIGKILL)
    pool.close()
    assert sorted(o.index for o in outcomes) == list(range(300))
    assert {o.status for o in outcomes} <= {"ok", "crashed"}
    assert sum(o.status == "ok" for o in outcomes) >= 290


def test_pool_stops_a_runaway_page_and_redoes_its_queue_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    statuses = stalling_pool(tmp_path, monkeypatch, lambda: time.sleep(60), timeout=1.0)
    assert statuses.pop(3) == ["timeout"]
    assert statuses == {i: ["ok"] for i in range(24) if i != 3}


def test_clock_and_bar() -> None:
    assert clock(75) == "1:15" and clock(3725) == "1:02:05"
    line = bar_line(50, 100, 2, 10.0)
    assert "50/100" in line and "5.0/s" in line and "ETA 0:10" in line and "2 failed" in line


def test_summary_line() -> None:
    counts = Counts()
    for status in ("ok", "ok", "empty", "timeout"):
        counts.add(status)
    line = summary_line(counts, 10, 2.0, interrupted=True)
    assert line.startswith("cleanweb: interrupted after 4 of 10 pages, 2 ok, 1 empty, 1 failed")
    assert "(1 timeout)" in line and "2.0 pages/s" in line


def test_explain_line_shortens_to_width() -> None:
    block = Block("paragraph", "word " * 100, kept=False, reason="class.nav")
    line = block_line(3, block, Style(color=False, width=80))
    assert len(line) <= 80 and line.endswith("…")
    assert line.split()[:4] == ["3", "drop", "class.nav", "paragraph"]
    assert shorten("a\n  b", None) == "a b"


def display_width(line: str) -> int:
    """Columns a terminal gives ``line``, counted apart from the code under test: CJK
    ideographs and fullwidth forms take two."""
    return sum(2 if ("\u4e00" <= ch <= "\u9fff" or "\uff01" <= ch <= "\uff60") else 1
               for ch in line)


def test_explain_line_fits_the_terminal_with_cjk_text() -> None:
    text = "城市中心的公园改造工程已经全部完成，新增了步道和花坛（ABC）。" * 6
    for width in (60, 80, 81, 120):
        line = block_line(7, Block("paragraph", text, reason="body"), Style(False, width))
        assert display_width(line) <= width - 1 and line.endswith("…")
        assert display_width(line) >= width - 3  # cut at the edge, not far before it
    assert shorten("ab", 2) == "ab" and shorten("公园", 4) == "公园"
    assert shorten("公园改造", 4) == "公…" and columns("\u0301") == 0


def test_fixture_subcommand_is_dispatched(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        seen.append(argv)
        return 3

    monkeypatch.setitem(sys.modules, "cleanweb.fixtures",
                        types.SimpleNamespace(main=fake_main))
    assert cli.main(["fixture", "check", "tests/pages"]) == 3
    assert seen == [["check", "tests/pages"]]


def test_fixture_subcommand_missing_module(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "cleanweb.fixtures", None)
    assert cli.main(["fixture", "check"]) == 2
    assert "not available" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["a.html", "b.html", "--url", "https://example.org/"],
    ["-", "a.html"],
    ["--skip-existing", "a.html"],
])
def test_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    touch(tmp_path, "a.html", "b.html")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2


def test_output_clash_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "in/p.html", "in/p.htm")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["in", "-o", "out"])
    assert exit_.value.code == 2
    assert not (tmp_path / "out").exists()


def test_jsonl_into_a_directory_is_a_usage_error(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "in/p.html")
    (tmp_path / "outdir").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["in", "-f", "jsonl", "-o", "outdir"])
    assert exit_.value.code == 2


PROSE = "The council met on Tuesday to discuss the new budget, with more money for schools."


def test_rules_option_applies_a_pack_to_a_page_with_a_url(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site.toml").write_text(
        '[[rule]]\nid = "ex.promo"\nreason = "promo lines"\ndomains = ["example.com"]\n'
        'drop_lines = ["^Promo:"]\n', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(f"<body><div><p>{PROSE}</p><p>Promo: buy now, today only, while stocks"
                    f" last</p><p>{PROSE} Again.</p></div></body>", encoding="utf-8")
    args = [str(page), "--url", "https://www.example.com/a", "--rules", str(tmp_path / "site.toml")]
    assert cli.main(args) == 0
    assert "Promo" not in capsys.readouterr().out
    assert cli.main([*args[:3]]) == 0
    assert "Promo: buy now" in capsys.readouterr().out


def test_a_broken_rule_pack_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[[rule]]\nid = "x"\n', encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        cli.main([str(tmp_path / "bad.toml"), "--rules", str(tmp_path / "bad.toml")])
    assert stop.value.code == 2
