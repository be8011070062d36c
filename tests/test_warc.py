"""WARC input: the record reader, and the ``cleanweb`` command on WARC files.

The WARC files are built at test time (see ``warc_samples``); every record's expected
result is what ``cleanweb.extract`` returns in this process for the record's payload,
target URI and HTTP charset.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the 'warc' extra (fastwarc) is not installed")

from warc_samples import Sample, samples, write_warc

from cleanweb import extract
from cleanweb._cli import warc
from cleanweb._cli.inputs import is_page_name

CLI = [sys.executable, "-m", "cleanweb"]


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], capture_output=True, timeout=120, check=False)


def expected(sample: Sample, path: Path) -> dict[str, object]:
    doc = extract(sample.body, url=sample.uri, http_charset=sample.charset)
    return {"path": str(path), "warc_record_id": sample.record_id,
            "warc_target_uri": sample.uri, **doc.to_dict()}


def records(out: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[Sample]]]:
    root = tmp_path_factory.mktemp("warcs")
    out = {}
    for name, members in (("crawl.warc.gz", True), ("plain.warc", True),
                          ("stream.warc.gz", False)):
        path = root / name
        out[name] = (path, write_warc(path, samples(), members))
    return out


# ---------------------------------------------------------------------------- reader


def test_pages_are_the_html_responses_in_order(warcs: dict) -> None:
    path, written = warcs["crawl.warc.gz"]
    skipped: list[str] = []
    got = list(warc.pages(str(path), skipped.append))
    want = [s for s in written if s.is_page]
    assert [(p.record_id, p.uri, p.charset, p.body) for p in got] == [
        (s.record_id, s.uri, s.charset, s.body) for s in want]
    assert sorted(skipped) == ["not_html", "not_response"]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "plain.warc", "stream.warc.gz"])
def test_scan_then_read_each_record_alone(warcs: dict, name: str) -> None:
    path, written = warcs[name]
    found = warc.scan(str(path))
    assert (found.not_html, found.not_response, found.error) == (1, 1, None)
    want = [s for s in written if s.is_page]
    assert [r.record_id for r in found.refs] == [s.record_id for s in want]
    # Records are read from their own offsets, last first, as a worker would.
    for ref, sample in reversed(list(zip(found.refs, want, strict=True))):
        assert warc.read_at(str(path), ref) == sample.body
    # Only a file gzipped as one stream has to keep its payloads in memory.
    assert all((r.body is None) == (name != "stream.warc.gz") for r in found.refs)


def test_damaged_tail_keeps_the_records_before_it(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    written = write_warc(path, samples()[:3])
    path.write_bytes(path.read_bytes() + gzip.compress(b"WARC/1.1\r\nWARC-Type: resp")[:-9])
    found = warc.scan(str(path))
    assert [r.record_id for r in found.refs] == [s.record_id for s in written if s.is_page]


def test_directory_walk_takes_warc_files() -> None:
    assert is_page_name("CC-MAIN-1.warc.gz", False)
    assert is_page_name("a.WARC", False)
    assert not is_page_name("a.warc.json", False)


# ---------------------------------------------------------------------------- command


@pytest.mark.parametrize("name", ["crawl.warc.gz", "plain.warc", "stream.warc.gz"])
def test_cli_jsonl_equals_extract_record_for_record(warcs: dict, name: str) -> None:
    path, written = warcs[name]
    proc = run(str(path), "-f", "jsonl", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    got = records(proc.stdout)
    assert got == [expected(s, path) for s in written if s.is_page]
    assert not any("\ufffd" in str(r["text"]) + str(r["title"]) for r in got)
    by_name = {s.record_id: s.name for s in written}
    status = {by_name[str(r["warc_record_id"])]: r["status"] for r in got}
    assert status["empty"] == "empty"
    assert all(v == "ok" for k, v in status.items() if k != "empty")
    assert b"skipped 1 other responses and 1 other records" in proc.stderr


def test_cli_txt_stream_in_record_order(warcs: dict) -> None:
    path, written = warcs["crawl.warc.gz"]
    proc = run(str(path), "-q")
    assert proc.returncode == 0, proc.stderr
    texts = [extract(s.body, http_charset=s.charset).text + "\n"
             for s in written if s.is_page]
    assert proc.stdout.decode("utf-8") == "\n".join(texts)
    assert proc.stderr == b""


def test_cli_resumes_a_cut_jsonl_file(warcs: dict, tmp_path: Path) -> None:
    path, _ = warcs["crawl.warc.gz"]
    out = tmp_path / "out.jsonl"
    assert run(str(path), "-f", "jsonl", "-o", str(out), "-q").returncode == 0
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:3]) + lines[3][:20])  # a crash left half a line
    proc = run(str(path), "-f", "jsonl", "-o", str(out), "--skip-existing")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == full
    assert b"3 skipped (output exists)" in proc.stderr


def test_cli_refuses_an_output_directory_and_url(warcs: dict, tmp_path: Path) -> None:
    path, _ = warcs["crawl.warc.gz"]
    assert run(str(path), "-o", str(tmp_path) + "/").returncode == 2
    assert run(str(path), "--url", "http://example.com/").returncode == 2


def test_cli_keeps_what_a_damaged_file_holds(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    written = write_warc(path, samples()[:2])
    path.write_bytes(path.read_bytes() + b"\x1f\x8b\x08\x00garbage")
    proc = run(str(path), "-f", "jsonl")
    assert proc.returncode == 0, proc.stderr
    assert [r["warc_record_id"] for r in records(proc.stdout)] == [
        s.record_id for s in written]
