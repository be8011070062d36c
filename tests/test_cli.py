"""End-to-end tests of the ``cleanweb`` command, run as a subprocess on a temporary tree.

The tree mixes real pages from the shared datasets (English, and a GBK-encoded Chinese
page), a synthetic GBK page, a gzip page, an empty file, a binary file, a deeply nested
page, a 24 MB page that runs into the time limit, a file with another extension and a
hidden folder. Expected outputs are what
``cleanweb.extract`` returns for the same bytes in this process.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from cli_support import (
    CLI,
    TIMEOUT,
    aeb_pages,
    big_page,
    expected_text,
    gbk_page,
    gbk_real_page,
    nested_page,
    run,
    tmp_files,
)

import cleanweb
import cleanweb.stages.segment
from cleanweb import Document, Options, extract


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree") / "in"
    pages = aeb_pages(4)
    files: dict[str, bytes] = {
        "news/a/first.html": pages[0].read_bytes(),
        "news/b/second.html": pages[1].read_bytes(),
        "news/third.html.gz": gzip.compress(pages[2].read_bytes()),
        "top.htm": pages[3].read_bytes(),
        "zh/real-gbk.html": gbk_real_page().read_bytes(),
        "zh/synthetic-gbk.html": gbk_page(),
        "bad/empty.html": b"",
        "bad/binary.html": bytes(range(256)) * 20,
        "deep/nested.html": nested_page(3000),
        "huge/runaway.html": big_page(24),
        "notes.txt": b"not a page",
        ".cache/hidden.html": pages[0].read_bytes(),
    }
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


GOOD = {
    "news/a/first.html": "news/a/first.txt",
    "news/b/second.html": "news/b/second.txt",
    "news/third.html.gz": "news/third.txt",
    "top.htm": "top.txt",
    "zh/real-gbk.html": "zh/real-gbk.txt",
    "zh/synthetic-gbk.html": "zh/synthetic-gbk.txt",
    "deep/nested.html": "deep/nested.txt",
}


def page_bytes(tree: Path, rel: str) -> bytes:
    data = (tree / rel).read_bytes()
    return gzip.decompress(data) if rel.endswith(".gz") else data


TreeRun = tuple[Path, "subprocess.CompletedProcess[bytes]"]


@pytest.fixture(scope="module")
def tree_run(tree: Path) -> TreeRun:
    out = tree.parent / "out"
    proc = run(str(tree), "-o", str(out), "--errors", str(tree.parent / "errors.jsonl"),
               "--jobs", "2", "--timeout", TIMEOUT)
    return out, proc


def test_directory_run_mirrors_tree_and_matches_extract(tree: Path, tree_run: TreeRun) -> None:
    out, proc = tree_run
    assert proc.returncode == 1, proc.stderr.decode()  # empty, binary and runaway pages failed
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted(GOOD.values())
    for rel, target in GOOD.items():
        assert (out / target).read_text("utf-8") == expected_text(page_bytes(tree, rel)), rel
    assert not tmp_files(out)


def test_gbk_pages_come_out_as_utf8_chinese(tree_run: TreeRun) -> None:
    out, _ = tree_run
    synthetic = (out / "zh/synthetic-gbk.txt").read_text("utf-8")
    assert "城市中心的公园改造工程已经全部完成" in synthetic
    real = (out / "zh/real-gbk.txt").read_text("utf-8")
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in real) > 100


def test_failures_are_logged_and_summarized(tree: Path, tree_run: TreeRun) -> None:
    _, proc = tree_run
    log = [json.loads(line) for line in (tree.parent / "errors.jsonl").read_text().splitlines()]
    reasons = {Path(r["path"]).name: r["reason"] for r in log}
    assert reasons == {"empty.html": "empty_file", "binary.html": "not_html",
                       "runaway.html": "timeout"}
    stderr = proc.stderr.decode()
    assert "binary.html: not_html" in stderr and "empty.html: empty_file" in stderr
    summary = stderr.strip().splitlines()[-1]
    assert summary.startswith("cleanweb: 10 pages, 7 ok, 0 empty, 3 failed")


def test_skip_existing_redoes_only_missing_outputs(tree: Path, tree_run: TreeRun,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "out"
    for p in tree_run[0].rglob("*.txt"):
        (out / p.relative_to(tree_run[0])).parent.mkdir(parents=True, exist_ok=True)
        (out / p.relative_to(tree_run[0])).write_bytes(p.read_bytes())
    (out / "top.txt").unlink()
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")}
    time.sleep(0.05)
    proc = run(str(tree), "-o", str(out), "--skip-existing", "--jobs", "2", "--timeout", TIMEOUT)
    assert proc.returncode == 1  # the three failed pages are tried again and fail again
    assert (out / "top.txt").read_text("utf-8") == expected_text((tree / "top.htm").read_bytes())
    assert {p: p.stat().st_mtime_ns for p in before} == before
    assert "6 skipped" in proc.stderr.decode().splitlines()[-1]


def test_jsonl_is_identical_for_one_and_two_jobs(tree: Path) -> None:
    one = run(str(tree), "-f", "jsonl", "--jobs", "1", "--timeout", TIMEOUT)
    two = run(str(tree), "-f", "jsonl", "--jobs", "2", "--timeout", TIMEOUT)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in two.stdout.decode().splitlines()]
    # input order: paths sorted component by component, failed pages left out
    assert [Path(r["path"]).relative_to(tree).as_posix() for r in records] == sorted(GOOD)
    explain_only = {"trace", "meta_rules", "region", "meta_evidence", "kind_reason"}
    fields = {f.name for f in dataclasses.fields(Document)} - explain_only
    for r in records:
        assert set(r) == fields | {"path"}
        rel = Path(r["path"]).relative_to(tree).as_posix()
        assert r == {"path": r["path"], **extract(page_bytes(tree, rel)).to_dict()}


def test_timeout_kills_runaway_page_and_run_goes_on(tmp_path: Path) -> None:
    good = aeb_pages(1)[0].read_bytes()
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-big.html").write_bytes(big_page(24))
    (src / "b-after.html").write_bytes(good)
    start = time.monotonic()
    proc = run(str(src), "-o", str(tmp_path / "out"), "--jobs", "1", "--timeout", "0.5",
               "--errors", str(tmp_path / "err.jsonl"))
    took = time.monotonic() - start
    assert proc.returncode == 1, proc.stderr.decode()
    log = [json.loads(line) for line in (tmp_path / "err.jsonl").read_text().splitlines()]
    assert [(Path(r["path"]).name, r["reason"]) for r in log] == [("a-big.html", "timeout")]
    # the replacement worker did the page queued behind the runaway one
    assert (tmp_path / "out" / "b-after.txt").read_text("utf-8") == expected_text(good)
    assert not (tmp_path / "out" / "a-big.txt").exists() and not tmp_files(tmp_path / "out")
    assert took < 20, f"the run took {took:.1f} s: the page was not stopped"


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    pages = aeb_pages(3)
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, page in zip(("a1", "a2", "z1"), pages, strict=True):
        (src / f"{name}.html").write_bytes(page.read_bytes())
    (src / "m-big.html").write_bytes(big_page(24))
    proc = subprocess.Popen([*CLI, str(src), "-o", str(out), "--jobs", "1", "--timeout", "0"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while not (out / "a2.txt").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # now on the big page, which takes seconds
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "interrupted after 2 of 4 pages" in err.decode()
    assert sorted(p.name for p in out.iterdir()) == ["a1.txt", "a2.txt"]
    resumed = run(str(src), "-o", str(out), "--jobs", "1", "--timeout", "0.5", "--skip-existing")
    assert resumed.returncode == 1  # the big page times out this time
    assert "2 skipped" in resumed.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["a1.txt", "a2.txt", "z1.txt"]
    assert (out / "z1.txt").read_text("utf-8") == expected_text(pages[2].read_bytes())


def test_stdin_is_a_unix_filter() -> None:
    data = aeb_pages(1)[0].read_bytes()
    proc = run(stdin=data)
    assert proc.returncode == 0
    assert proc.stdout.decode() == expected_text(data)
    assert proc.stderr == b""  # no summary line for a single page from a pipe
    proc = run("-", "-f", "json", "--url", "https://example.org/a", stdin=data)
    record = json.loads(proc.stdout)
    assert record["path"] == "-" and record["url"] == "https://example.org/a"
    assert record["text"] == extract(data).text


def test_binary_stdin_fails_with_status_1() -> None:
    proc = run(stdin=bytes(range(256)) * 20)
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert b"not_html" in proc.stderr


def test_single_page_to_named_file(tmp_path: Path) -> None:
    page = aeb_pages(1)[0]
    target = tmp_path / "result.md"
    proc = run(str(page), "-f", "md", "-o", str(target))
    assert proc.returncode == 0
    md = extract(page.read_bytes()).to_markdown()
    assert target.read_text("utf-8") == md.rstrip("\n") + "\n"
    assert [p.name for p in tmp_path.iterdir()] == ["result.md"]


def test_jsonl_file_resume_keeps_earlier_records(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i, page in enumerate(aeb_pages(3)):
        (src / f"p{i}.html").write_bytes(page.read_bytes())
    target = tmp_path / "all.jsonl"
    assert run(str(src), "-f", "jsonl", "-o", str(target)).returncode == 0
    full = target.read_bytes()
    first = full.splitlines(keepends=True)[0]
    target.write_bytes(first)  # as if an earlier run stopped after one page
    proc = run(str(src), "-f", "jsonl", "-o", str(target), "--skip-existing")
    assert proc.returncode == 0
    assert target.read_bytes() == full
    assert "1 skipped" in proc.stderr.decode()


def test_file_names_that_are_not_utf8_round_trip_through_json(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good, empty = os.fsencode(src) + b"/caf\xe9.html", os.fsencode(src) + b"/vid\xe9.html"
    try:
        with open(good, "wb") as fh:
            fh.write(aeb_pages(1)[0].read_bytes())
        open(empty, "wb").close()
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    log = tmp_path / "errors.jsonl"
    proc = run(str(src), "-f", "jsonl", "--errors", str(log))
    assert proc.returncode == 1  # the empty page fails; nothing else does
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert os.fsencode(record["path"]) == good
    [error] = [json.loads(line) for line in log.read_bytes().splitlines()]
    assert os.fsencode(error["path"]) == empty and error["reason"] == "empty_file"


def test_missing_input_is_reported_and_run_goes_on(tmp_path: Path) -> None:
    page = aeb_pages(1)[0]
    proc = run(str(tmp_path / "nothere.html"), str(page), "-f", "jsonl")
    assert proc.returncode == 1
    assert b"nothere.html: missing" in proc.stderr
    assert len(proc.stdout.splitlines()) == 1


def test_usage_error_exits_2() -> None:
    proc = run("--format", "pdf", "x.html")
    assert proc.returncode == 2
    assert b"invalid choice" in proc.stderr


def test_help_documents_examples_and_exit_status() -> None:
    proc = run("--help")
    text = proc.stdout.decode()
    assert proc.returncode == 0
    for part in ("examples:", "exit status:", "--timeout", "--skip-existing", "explain"):
        assert part in text
    version = run("--version").stdout.decode()
    assert version.startswith(f"cleanweb {cleanweb.__version__} (")
    # The command reports the build it runs: the same modules this process imports.
    compiled = not cleanweb.stages.segment.__file__.endswith(".py")
    assert ("compiled stages" if compiled else "plain-Python stages") in version


def test_explain_lists_every_block_with_its_reason(tmp_path: Path) -> None:
    page = aeb_pages(1)[0]
    doc = extract(page.read_bytes(), options=Options(explain=True))
    proc = run("explain", str(page), "--wide")
    assert proc.returncode == 0
    lines = proc.stdout.decode().splitlines()
    rows = [line for line in lines if line[:4].strip().isdigit()]
    assert len(rows) == len(doc.trace) > 0
    assert f"region: {doc.region}" in lines
    assert f"kind: {doc.kind.value}  [{doc.kind_reason}]" in lines
    for row, block in zip(rows, doc.trace, strict=True):
        verdict, reason = row.split()[1:3]
        assert verdict == ("keep" if block.kept else "drop")
        assert reason == (block.reason or "-")
    assert "\x1b[" not in proc.stdout.decode()  # not a terminal: no colour
    coloured = run("explain", str(page), "--color", "always").stdout.decode()
    assert "\x1b[32mkeep" in coloured and "\x1b[31mdrop" in coloured


def test_closed_pipe_stops_quietly() -> None:
    """``cleanweb DIR | head -1``: the run stops at the next write, without a traceback."""
    folder = aeb_pages(1)[0].parent
    proc = subprocess.Popen([*CLI, str(folder), "-f", "jsonl", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    json.loads(proc.stdout.readline())
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert b"Traceback" not in err
