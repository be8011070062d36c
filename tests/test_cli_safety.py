"""The command never loses, overwrites or misreports data: outputs that are inputs, format
and path mistakes, unwritable outputs, stop signals, damaged and unreadable input, site
rules on saved pages, and the command-line habits users bring.

Runs that need a real process (signals, exit status and stderr as a user sees them) are
subprocesses; the rest call ``cleanweb.cli.main`` in this process.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing.popen_fork  # noqa: F401  (loaded before a child drops privileges)
import os
import re
import shlex
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import (
    CLI,
    aeb_pages,
    big_page,
    expected_text,
    records_in,
    run,
    tmp_files,
    wait_gone,
)
from warc_samples import samples, write_warc

from cleanweb import Options, RulePack, cli, extract
from cleanweb._cli.inputs import Collected
from cleanweb._cli.plan import Plan
from cleanweb._cli.worker import Job, Outcome

PROSE = ("The council met on Tuesday to discuss the new budget, with more money for schools "
         "and a plan to repair the old bridges before the winter comes.")


def article(title: str, paras: int = 4, head: str = "") -> str:
    body = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(paras))
    return (f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")


def make_tree(root: Path) -> dict[str, bytes]:
    files = {"in/a.html": article("First").encode(), "in/b.html": article("Second").encode(),
             "in/x/c.html": article("Third").encode()}
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return files


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def main_exit(argv: list[str]) -> int:
    """``cleanweb.cli.main`` as the console script runs it: usage errors exit via argparse."""
    try:
        return cli.main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


# ---------------------------------------------------------------------------- output paths


@pytest.mark.parametrize(("argv", "why"), [
    (["in/a.html", "-o", "in/a.html"], "it is an input"),
    (["in/a.html", "in/b.html", "-f", "jsonl", "-o", "out.jsonl", "--errors", "in/b.html"],
     "it is an input"),
    (["in", "-o", "in/out"], "inside the input folder"),
    (["in", "-o", "in"], "inside the input folder"),
    (["in", "-o", "in/x/all.jsonl"], "inside the input folder"),
    (["in", "-o", "out.jsonl", "--errors", "in/errors.jsonl"], "inside the input folder"),
    (["in/*", "-f", "jsonl", "-o", "in/out.jsonl"], "pattern"),
    (["in/*", "-o", "out.jsonl", "--errors", "in/failed.jsonl"], "pattern"),
    (["in/**/*.html", "-o", "in/y/new/page.html"], "pattern"),  # a folder the glob would walk
    (["in/a.html", "-f", "jsonl", "-o", "r.jsonl", "--errors", "r.jsonl"], "the same file"),
    (["in", "-o", "out", "--errors", "out/a.txt"], "where a page's output goes"),
    (["out/a.txt", "out/b.html", "--all-files", "-o", "out"], "would replace the input"),
])
def test_outputs_that_are_or_would_be_inputs_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        argv: list[str], why: str) -> None:
    make_tree(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text(article("Saved as text"))
    (tmp_path / "out" / "b.html").write_text(article("Fourth"))
    before = snapshot(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main_exit(argv) == 2
    assert why in capsys.readouterr().err
    assert snapshot(tmp_path) == before  # refused before anything ran


def test_a_page_named_as_its_own_output_is_left_alone(tmp_path: Path) -> None:
    page = tmp_path / "victim.html"
    page.write_bytes(aeb_pages(1)[0].read_bytes())
    before = page.read_bytes()
    proc = run(str(page), "-o", str(page))
    assert proc.returncode == 2 and b"it is an input" in proc.stderr
    assert page.read_bytes() == before and sorted(tmp_path.iterdir()) == [page]


def test_a_second_run_does_not_read_the_first_runs_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run's own output, error log and temporary files are never pages: an output a
    glob would pick up next time is refused this time, and hidden temporary files of a
    killed run are not read even with --all-files."""
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main_exit(["in/*", "-o", "crawl.jsonl", "-q"]) == 0
    assert main_exit(["in/*", "-o", "in/crawl.jsonl", "-q"]) == 2
    (tmp_path / "in" / ".crawl.jsonl.4242.tmp").write_text('{"path": "in/a.html"}\n')
    (tmp_path / "in" / ".a.txt.4242.tmp").write_text("half a page")
    assert main_exit(["in", "--all-files", "-o", "again.jsonl", "-q"]) == 0
    records = [json.loads(line) for line in Path("again.jsonl").read_text().splitlines()]
    assert sorted(r["path"] for r in records) == ["in/a.html", "in/b.html", "in/x/c.html"]


@pytest.mark.parametrize(("argv", "fmt", "target"), [
    (["in", "-o", "pages.jsonl"], "jsonl", "pages.jsonl"),
    (["in/a.html", "-o", "page.json"], "json", "page.json"),
    (["in/a.html", "-o", "page.md"], "md", "page.md"),
    (["in/a.html", "-o", "page.txt"], "txt", "page.txt"),
    (["in/a.html", "-f", "txt", "-o", "page.json"], "txt", "page.json"),  # -f wins
])
def test_the_format_follows_the_output_suffix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], fmt: str,
        target: str) -> None:
    files = make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main_exit([*argv, "-q"]) == 0
    out = tmp_path / target
    assert out.is_file()
    text = out.read_text(encoding="utf-8")
    doc = extract(files["in/a.html"])
    if fmt == "jsonl":
        assert [json.loads(line)["title"] for line in text.splitlines()] == [
            "First", "Second", "Third"]
    elif fmt == "json":
        assert json.loads(text)["text"] == doc.text
    elif fmt == "md":
        assert text == doc.to_markdown().rstrip("\n") + "\n"
    else:
        assert text == doc.text + "\n"


@pytest.mark.parametrize("argv", [
    ["in", "-o", "pages.txt"], ["in", "-o", "pages.json"], ["in", "-f", "md", "-o", "notes.md"],
    ["in", "-f", "txt", "-o", "pages.jsonl"],
])
def test_several_pages_never_make_a_folder_with_a_file_suffix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        argv: list[str]) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main_exit(argv) == 2
    assert "names a file" in capsys.readouterr().err
    assert not (tmp_path / argv[-1]).exists()


def test_a_name_without_a_file_suffix_is_a_folder(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main_exit(["in", "-o", "out.d", "-q"]) == 0
    assert sorted(p.relative_to("out.d").as_posix() for p in Path("out.d").rglob("*.txt")) == [
        "a.txt", "b.txt", "x/c.txt"]


@pytest.mark.parametrize(("argv", "option", "path"), [
    (["in", "-o", "blocker/pages.jsonl"], "-o", "blocker/pages.jsonl"),
    (["in", "-o", "blocker/sub/out/"], "-o", "blocker/sub/out"),
    (["in/a.html", "-o", "blocker/page.txt"], "-o", "blocker/page.txt"),
    (["in", "-o", "fine.jsonl", "--errors", "blocker/errors.jsonl"], "--errors",
     "blocker/errors.jsonl"),
])
def test_an_unwritable_output_is_one_line_and_exit_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        argv: list[str], option: str, path: str) -> None:
    make_tree(tmp_path)
    (tmp_path / "blocker").write_text("a file, where a folder would have to be")
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    assert main_exit(argv) == 2
    err = capsys.readouterr().err
    assert err == f"cleanweb: cannot write {option} {path}: blocker is not a directory\n"
    assert snapshot(tmp_path) == before


def test_an_output_folder_without_permission_is_one_line(tmp_path: Path) -> None:
    make_tree(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):
        pytest.skip("this process may write to a read-only folder (root): checked with a "
                    "path under a file instead, in the test above")
    proc = run(str(tmp_path / "in"), "-o", str(locked / "pages.jsonl"))
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"cleanweb: cannot write -o {locked / 'pages.jsonl'}: Permission denied"]


# ---------------------------------------------------------------------------- stop signals


def temp_records(folder: Path) -> int:
    return sum(records_in(p) for p in tmp_files(folder))


@pytest.fixture(scope="module")
def slow_tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[bytes]]:
    """Two quick pages, one that takes seconds, one more quick page, in that order."""
    src = tmp_path_factory.mktemp("slow") / "in"
    src.mkdir()
    pages = [p.read_bytes() for p in aeb_pages(3)]
    for name, data in zip(("a1", "a2", "z1"), pages, strict=True):
        (src / f"{name}.html").write_bytes(data)
    (src / "m-big.html").write_bytes(big_page(24))
    return src, pages


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="processes are found in /proc")
@pytest.mark.parametrize(("signum", "to_group", "fmt"), [
    (signal.SIGTERM, False, "txt"), (signal.SIGTERM, True, "jsonl"),
    (signal.SIGHUP, True, "txt"), (signal.SIGINT, True, "jsonl"),
])
def test_a_stop_signal_keeps_every_finished_page_and_resume_finishes(
        slow_tree: tuple[Path, list[bytes]], tmp_path: Path, signum: int, to_group: bool,
        fmt: str) -> None:
    """SIGTERM (from ``kill`` or a service manager, to the command or its whole group),
    SIGHUP (a closed terminal) and Ctrl-C stop a run alike: workers stopped, finished
    pages kept, no temporary file, the summary counting what was written, and
    --skip-existing doing only the rest."""
    src, pages = slow_tree
    out = tmp_path / ("out" if fmt == "txt" else "out.jsonl")
    proc = subprocess.Popen([*CLI, str(src), "-o", str(out), "-f", fmt, "--jobs", "1",
                             "--timeout", "0"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
            (fmt == "txt" and not (out / "a2.txt").exists())
            or (fmt == "jsonl" and temp_records(tmp_path) < 2)):
        time.sleep(0.02)
    time.sleep(0.3)  # now on the big page, which takes seconds
    if to_group:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signum, err.decode()
    assert wait_gone(proc.pid) == []
    assert "interrupted after 2 of 4 pages, 2 ok," in err.decode()
    assert not tmp_files(tmp_path)
    if fmt == "txt":
        assert sorted(p.name for p in out.iterdir()) == ["a1.txt", "a2.txt"]
    else:
        assert records_in(out) == 2
    resumed = run(str(src), "-o", str(out), "-f", fmt, "--jobs", "1", "--timeout", "0.3",
                  "--skip-existing")
    assert resumed.returncode == 1  # the big page times out this time
    assert "2 skipped" in resumed.stderr.decode()
    if fmt == "txt":
        assert sorted(p.name for p in out.iterdir()) == ["a1.txt", "a2.txt", "z1.txt"]
        assert (out / "z1.txt").read_text("utf-8") == expected_text(pages[2])
    else:
        names = [Path(json.loads(line)["path"]).name for line in out.read_text().splitlines()]
        assert names == ["a1.html", "a2.html", "z1.html"]


def test_the_summary_counts_what_was_written(tmp_path: Path) -> None:
    """An output that waits for an earlier page when the run stops is not written, so it
    is not counted either."""
    args = cli.build_parser().parse_args(["x", "-f", "jsonl", "-o", str(tmp_path / "o.jsonl")])
    jobs = [Job(i, f"p{i}.html") for i in range(3)]
    plan = Plan("file", "jsonl", jobs, [j.path for j in jobs], Collected((), (), False),
                tmp_path / "o.jsonl")
    state = cli.Run(args, plan, stdout=open(os.devnull, "wb"))  # noqa: SIM115
    state.handle(Outcome(0, "ok", output='{"path": "p0.html"}\n'))
    state.handle(Outcome(2, "ok", output='{"path": "p2.html"}\n'))  # waits for page 1
    assert state.reporter.counts.ok == 1
    state.finish(interrupted=True)
    assert records_in(tmp_path / "o.jsonl") == state.reporter.counts.ok == 1


# ---------------------------------------------------------------------------- damaged input


def test_damaged_gzip_pages_are_bad_gzip_and_every_member_is_read(tmp_path: Path) -> None:
    first, second = article("First half").encode(), article("Second half", 3).encode()
    whole = gzip.compress(first)
    src = tmp_path / "in"
    src.mkdir()
    (src / "cut.html.gz").write_bytes(whole[: len(whole) * 4 // 5])
    (src / "two.html.gz").write_bytes(gzip.compress(first) + gzip.compress(second))
    (src / "garbage.html.gz").write_bytes(whole[:10] + b"this is not deflate data" * 20)
    (src / "header.html.gz").write_bytes(whole[:10])
    log = tmp_path / "errors.jsonl"
    proc = run(str(src), "-f", "jsonl", "--errors", str(log))
    assert proc.returncode == 1
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["path"].endswith("two.html.gz")
    assert record["text"] == extract(first + second).text and "Second half" in record["text"]
    errors = {Path(r["path"]).name: r["reason"] for r in map(json.loads, log.open())}
    assert errors == {"cut.html.gz": "bad_gzip", "garbage.html.gz": "bad_gzip",
                      "header.html.gz": "bad_gzip"}


def test_a_folder_without_pages_says_what_was_looked_for(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("plain text, not a page")
    proc = run(str(tmp_path / "notes"))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "no_pages" in err and "*.html" in err and "*.warc.gz" in err
    assert "--all-files" in err


@pytest.fixture
def locked_tree() -> Iterator[Path]:
    """A tree the unprivileged user can walk, with a subfolder of mode 000; in the system's
    temporary folder, as pytest's own are closed to other users."""
    root = Path(tempfile.mkdtemp())
    root.chmod(0o755)
    (root / "in" / "locked").mkdir(parents=True)
    (root / "in" / "a.html").write_text(article("Open"))
    (root / "in" / "locked" / "b.html").write_text(article("Shut"))
    (root / "in" / "locked").chmod(0)
    yield root
    (root / "in" / "locked").chmod(0o755)
    subprocess.run(["rm", "-rf", str(root)], check=False)


def run_unprivileged(argv: list[str]) -> int:
    """``cleanweb.cli.main(argv)`` in a child process that has given up root (as user
    'nobody')."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            os.setgid(65534)
            os.setuid(65534)
            code = cli.main(argv)
        finally:
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_a_folder_that_cannot_be_listed_is_reported_like_an_unreadable_file(
        locked_tree: Path) -> None:
    """Mode 000 stops nobody running as root, so there the command runs as 'nobody' in a
    forked child; the test is skipped only where neither is possible."""
    src, results = locked_tree / "in", locked_tree / "results"
    results.mkdir()
    results.chmod(0o777)
    log, out = results / "errors.jsonl", results / "pages.jsonl"
    argv = [str(src), "-o", str(out), "--errors", str(log), "-q", "--jobs", "1"]
    try:
        os.listdir(src / "locked")
    except PermissionError:
        code = run(*argv).returncode
    else:
        if os.geteuid() != 0 or not hasattr(os, "fork"):
            pytest.skip("this process reads a mode-000 folder and cannot give that up")
        code = run_unprivileged(argv)
    assert code == 1
    [error] = [json.loads(line) for line in log.read_text().splitlines()]
    assert error == {"path": str(src / "locked"), "reason": "unreadable",
                     "detail": "cannot list the folder: Permission denied"}
    assert [json.loads(line)["title"] for line in out.read_text().splitlines()] == ["Open"]


# ---------------------------------------------------------------------------- site rules


RULES = ('[[rule]]\nid = "ex.promo"\nreason = "promo lines"\ndomains = ["example.com"]\n'
         'drop_lines = ["^Promo:"]\n')
PROMO = "Promo: buy now, today only, while stocks last, at every one of our shops"


def promo_page(head: str) -> str:
    return (f"<html><head>{head}</head><body><div><p>{PROSE}</p><p>{PROMO}</p>"
            f"<p>{PROSE} Again.</p></div></body></html>")


@pytest.mark.parametrize(("head", "acts"), [
    ('<link rel="canonical" href="https://www.example.com/story/1">', True),
    ('<meta property="og:url" content="https://example.com/story/1">', True),
    ('<link rel="Canonical" href="https://other.org/a">'
     '<meta property="og:url" content="https://example.com/a">', False),  # canonical first
    ('<link rel="canonical" href="/story/1">', False),  # relative: no host to match
    ("", False),
])
def test_site_rules_match_a_saved_page_by_its_own_url(head: str, acts: bool) -> None:
    pack = RulePack.parse(RULES)
    doc = extract(promo_page(head), options=Options(site_rules=pack))
    assert ("Promo:" not in doc.text) is acts
    assert doc.url is None  # the page's own URL matches rules; it is not the given URL
    given = extract(promo_page(head), url="https://other.org/x", options=Options(site_rules=pack))
    assert "Promo:" in given.text  # a URL that is given wins


def test_the_command_says_once_when_a_page_has_no_url_for_the_rules(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(RULES, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text(promo_page(
        '<link rel="canonical" href="https://www.example.com/a">'))
    for name in ("b", "c", "d"):
        (src / f"{name}.html").write_text(promo_page(""))
    proc = run(str(src), "-f", "jsonl", "--rules", str(tmp_path / "site.toml"), "--jobs", "1")
    assert proc.returncode == 0
    texts = {Path(r["path"]).name: r["text"] for r in map(json.loads, proc.stdout.splitlines())}
    assert "Promo:" not in texts["a.html"]
    assert all("Promo:" in texts[f"{n}.html"] for n in "bcd")
    err = proc.stderr.decode()
    assert err.count("no URL for the site rules") == 1 and "b.html" in err
    quiet = run(str(src / "a.html"), "--rules", str(tmp_path / "site.toml"))
    assert b"no URL" not in quiet.stderr


# ---------------------------------------------------------------------------- habits


def test_options_may_stand_between_file_names(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main_exit(["in/a.html", "-f", "jsonl", "in/b.html", "-q", "in/x/c.html"]) == 0
    paths = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    assert paths == ["in/a.html", "in/b.html", "in/x/c.html"]


@pytest.mark.parametrize(("flag", "value", "says"), [
    ("--max-bytes", "2K", r"[\d,]+ bytes; the limit \(max_bytes, --max-bytes\) is 2,048"),
    ("--max-bytes", "1000", r"[\d,]+ bytes; the limit \(max_bytes, --max-bytes\) is 1,000"),
    ("--max-nodes", "3000",
     r"about [\d,]+ elements; the limit \(max_nodes, --max-nodes\) is 3,000"),
])
def test_limits_have_flags_and_too_large_names_the_limit_and_the_size(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        flag: str, value: str, says: str) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    # some 200 KB and 4,000 elements (the element count is checked every few thousand)
    big = article("Big", 1000).replace("</p>", "<b>a</b> <i>b</i> <u>c</u></p>").encode()
    (tmp_path / "in" / "big.html").write_bytes(big)
    (tmp_path / "in" / "big.html.gz").write_bytes(gzip.compress(big))
    assert main_exit(["in/big.html", "in/big.html.gz", "in/a.html", flag, value, "-q",
                      "-f", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["path"] for line in out.splitlines()] == ["in/a.html"]
    lines = sorted(err.splitlines(), key=lambda line: line.split(": ")[1])  # told as they come
    assert [line.split(": ")[:2] for line in lines] == [
        ["cleanweb", "in/big.html"], ["cleanweb", "in/big.html.gz"]]
    assert all(": too_large: " in line and re.search(says, line) for line in lines), lines
    if flag == "--max-bytes":
        assert f"{len(big):,} bytes" in lines[0]


def test_every_limit_of_options_has_a_flag() -> None:
    help_text = cli.build_parser().format_help()
    for name in ("max_bytes", "max_nodes"):
        assert "--" + name.replace("_", "-") in help_text
    assert "Options.time_budget" in help_text  # the command's form of it is --timeout


def help_examples() -> list[str]:
    text = cli.build_parser().format_help()
    block = text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    return [re.split(r"\s{2,}", line.strip())[0] for line in block.splitlines()]


def test_help_examples_run_as_printed(tmp_path: Path) -> None:
    """Every example of ``cleanweb --help``, in a folder holding the files it names;
    a URL is given as a file on standard input, and ``jq`` is left to jq."""
    page = aeb_pages(1)[0].read_bytes()
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "crawl" / "a").mkdir(parents=True)
    (tmp_path / "crawl" / "a" / "one.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "crawl" / "two.html").write_bytes(article("Two").encode())
    write_warc(tmp_path / "CC-MAIN-x.warc.gz", samples()[:3])
    assert run("fixture", "add", "page.html", "--slug", "story", "--dir", "tests/pages",
               cwd=tmp_path).returncode == 0
    examples = help_examples()
    assert len(examples) >= 8
    for example in examples:
        command = example.split(" | ")
        if command[0].startswith("curl"):
            command = command[1:]
        argv = shlex.split(command[0].replace("URL", "https://example.org/a"))
        assert argv[0] == "cleanweb", example
        proc = run(*argv[1:], cwd=tmp_path, stdin=page)
        assert proc.returncode == 0, f"{example}: {proc.stderr.decode()}"
        assert b"Traceback" not in proc.stderr


def test_text_and_markdown_output_end_with_a_newline(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text(article("A page"))
    (src / "b.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    for fmt in ("txt", "md"):
        stream = run(str(src), "-f", fmt, "-q")
        assert stream.returncode == 0 and stream.stdout.endswith(b"\n")
        one = run(str(src / "b.html"), "-f", fmt)  # an empty body too
        assert one.stdout.endswith(b"\n")
        assert run(str(src), "-f", fmt, "-o", str(tmp_path / fmt), "-q").returncode == 0
        for path in (tmp_path / fmt).iterdir():
            assert path.read_bytes().endswith(b"\n"), path
