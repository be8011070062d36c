"""WARC input: the record reader, and the ``cleanweb`` command on WARC files.

The WARC files are built at test time (see ``warc_samples``); every record's expected
result is what ``cleanweb.extract`` returns in this process for the record's payload,
target URI and HTTP charset.
"""

from __future__ import annotations

import gzip
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the 'warc' extra (fastwarc) is not installed")

from warc_samples import Sample, gbk_html, record_bytes, samples, write_warc

from cleanweb import extract
from cleanweb.integrations.records import warc_rows
from cleanweb.readers import ReadError, warc
from cleanweb.readers.files import is_page_name

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
    assert (found.not_html, found.not_response, found.damage) == (1, 1, None)
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
    assert found.damage is not None and found.damage.reason == "truncated"


def record_ends(path: Path, written: list[Sample]) -> list[int]:
    """Where each record ends in the file as written: after its own gzip member in a
    ``.warc.gz`` of members, after its bytes in a ``.warc``."""
    pieces = [record_bytes(s) for s in written]
    if path.name.endswith(".gz"):
        pieces = [gzip.compress(p) for p in pieces]
    assert sum(map(len, pieces)) == path.stat().st_size  # gzip's output is deterministic
    return list(itertools.accumulate(map(len, pieces)))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "plain.warc"])
def test_a_cut_anywhere_keeps_exactly_the_whole_records(warcs: dict, name: str,
                                                        tmp_path: Path) -> None:
    """A record is whole when its content is: in a .warc the blank line after it may be
    cut; in a .warc.gz its member must be whole, or else the cut comes so late in it
    (its last 8 bytes, the checksum) that the content is whole but the file is still
    reported as cut."""
    path, written = warcs[name]
    data = path.read_bytes()
    ends = record_ends(path, written)
    gz = name.endswith(".gz")
    whole_from = [e - (8 if gz else 4) for e in ends]
    cut_file = tmp_path / name
    cuts = {*range(0, len(data), max(1, len(data) // 97)), *ends, *(e - 1 for e in ends),
            *(e - 5 for e in ends), *(e + 5 for e in ends[:-1])}
    if gz:  # where a member ends its deflate data is not known here: leave that out
        cuts = {c for c in cuts if not any(e - 24 < c < e - 8 for e in ends)}
    for cut in sorted(cuts):
        cut_file.write_bytes(data[:cut])
        found = warc.scan(str(cut_file))
        whole = [s for s, start in zip(written, whole_from, strict=True) if start <= cut]
        assert [r.record_id for r in found.refs] == [s.record_id for s in whole if s.is_page], cut
        spans = zip(whole_from, ends, strict=True)
        clean = cut in (0, *ends) or (not gz and any(w <= cut <= e for w, e in spans))
        reason = None if found.damage is None else found.damage.reason
        assert reason == (None if clean else "truncated"), cut
        # the streaming reader agrees, and raises unless told where to put the damage
        told: list[ReadError] = []
        assert [p.record_id for p in warc.pages(str(cut_file), on_damage=told.append)] == [
            r.record_id for r in found.refs]
        assert [e.reason for e in told] == ([] if reason is None else [reason])


def test_a_file_compressed_as_one_stream_is_checked_whole(warcs: dict, tmp_path: Path) -> None:
    path, written = warcs["stream.warc.gz"]
    data = path.read_bytes()
    cut_file = tmp_path / "cut.warc.gz"
    kept = []
    for cut in range(len(data) // 10, len(data), len(data) // 10):
        cut_file.write_bytes(data[:cut])
        found = warc.scan(str(cut_file))
        assert found.damage is not None and found.damage.reason == "truncated", cut
        ids = [r.record_id for r in found.refs]
        assert ids == [s.record_id for s in written if s.is_page][:len(ids)]  # a prefix
        for ref in found.refs:  # each one whole
            sample = next(s for s in written if s.record_id == ref.record_id)
            assert ref.body == sample.body
        kept.append(len(ids))
    assert kept == sorted(kept) and kept[-1] > kept[0]


def test_garbage_after_the_records_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    written = write_warc(path, samples()[:2])
    path.write_bytes(path.read_bytes() + b"<html>not a record</html>" * 10)
    found = warc.scan(str(path))
    assert [r.record_id for r in found.refs] == [s.record_id for s in written]
    assert found.damage is not None and found.damage.reason == "unreadable"


def test_pages_raise_after_the_whole_records_of_a_cut_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    written = write_warc(path, samples()[:3])
    path.write_bytes(path.read_bytes()[:-100])
    got: list[str] = []
    with pytest.raises(ReadError) as err:
        got.extend(p.record_id for p in warc.pages(str(path)))
    assert err.value.reason == "truncated"
    assert got == [s.record_id for s in written[:2]]
    # the rows for engines do the same: the whole records, then the error
    rows: list[str] = []
    with pytest.raises(ReadError):
        rows.extend(str(r["warc_record_id"]) for r in warc_rows(str(path)))
    assert rows == got


def test_a_lying_record_charset_is_reported_as_rejected(tmp_path: Path) -> None:
    # The HTTP header says utf-8, the payload is GBK with a true meta, which decides: the
    # header was overruled all the same.
    path = tmp_path / "lie.warc.gz"
    write_warc(path, [Sample("gbk-lying-header", "http://example.com/gbk5",
                             "text/html; charset=utf-8", gbk_html().encode("gbk"))])
    (page,) = warc.pages(str(path))
    doc = extract(page.body, url=page.uri, http_charset=page.charset)
    assert page.charset == "utf-8"
    assert (doc.encoding, doc.encoding_source, doc.declared_rejected) == ("gbk", "meta", True)


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


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_cli_keeps_what_a_truncated_file_holds_and_reports_it(tmp_path: Path,
                                                             name: str) -> None:
    path = tmp_path / name
    written = write_warc(path, samples()[:3])
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - 40])  # the third record is cut
    log = tmp_path / "errors.jsonl"
    proc = run(str(path), "-f", "jsonl", "--errors", str(log))
    assert proc.returncode == 1, proc.stderr
    assert [r["warc_record_id"] for r in records(proc.stdout)] == [
        s.record_id for s in written[:2]]
    [error] = records(log.read_bytes())
    assert (error["path"], error["reason"]) == (str(path), "truncated")
    assert b"truncated" in proc.stderr
