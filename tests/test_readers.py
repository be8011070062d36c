"""The readers layer: a page's bytes from a plain or gzip file, with damage reported.

(WARC files are tested in test_warc.py.)
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

from cleanweb.readers import ReadError
from cleanweb.readers.files import is_page_name, page_bytes, read_file
from cleanweb.readers.gzip import gunzip

PAGE = b"<html><body><article>" + b"<p>A line of the page, with words.</p>" * 200 + \
    b"</article></body></html>"


def reason(data: bytes, limit: int = 1 << 20) -> str | None:
    try:
        gunzip(data, limit)
    except ReadError as err:
        return err.reason
    return None


def test_every_member_is_read() -> None:
    first, second = PAGE[:3000], PAGE[3000:]
    assert gunzip(gzip.compress(first) + gzip.compress(second), 1 << 20) == PAGE
    assert gunzip(gzip.compress(PAGE) + b"\0" * 512, 1 << 20) == PAGE  # zero padding
    raw = zlib.compressobj(wbits=31)
    assert gunzip(raw.compress(PAGE) + raw.flush(), 1 << 20) == PAGE


def test_a_cut_anywhere_is_bad_gzip_never_a_shorter_page() -> None:
    data = gzip.compress(PAGE)
    assert {reason(data[:cut]) for cut in range(2, len(data))} == {"bad_gzip"}
    two = gzip.compress(PAGE) + gzip.compress(PAGE)
    assert {reason(two[:cut]) for cut in range(len(data) + 1, len(two))} == {"bad_gzip"}


def test_damage_and_garbage_are_bad_gzip() -> None:
    data = gzip.compress(PAGE)
    assert reason(data[:10] + b"this is not deflate data" * 8) == "bad_gzip"
    assert reason(data + b"trailing words") == "bad_gzip"
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    assert reason(bytes(flipped)) == "bad_gzip"
    assert reason(data[:-8] + b"\0\0\0\0" + data[-4:]) == "bad_gzip"  # wrong checksum


def test_the_limit_holds_for_every_member() -> None:
    bomb = gzip.compress(b"\0" * 3_000_000)
    assert reason(bomb, 1_000_000) == "too_large"
    assert reason(gzip.compress(b"a" * 600) * 2, 1000) == "too_large"
    with pytest.raises(ReadError) as err:
        gunzip(bomb, 1_000_000)
    assert "1,000,000" in err.value.detail and "max_bytes" in err.value.detail


def test_read_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "blank.html").write_bytes(b" \n ")
    assert read_file(str(tmp_path / "page.html"), 1 << 20) == PAGE
    assert read_file(str(tmp_path / "page.html.gz"), 1 << 20) == PAGE
    for name, limit, why in (("blank.html", 100, "empty_file"), ("none.html", 100, "unreadable"),
                             ("page.html", 1000, "too_large"), ("page.html.gz", 1000,
                                                                "too_large")):
        with pytest.raises(ReadError) as err:
            read_file(str(tmp_path / name), limit)
        assert err.value.reason == why, name
    with pytest.raises(ReadError) as err:
        read_file(str(tmp_path / "page.html"), 1000)
    assert f"{len(PAGE):,} bytes" in err.value.detail and "1,000" in err.value.detail
    assert page_bytes(gzip.compress(PAGE), 1 << 20) == PAGE


@pytest.mark.parametrize(("name", "taken"), [
    ("a.html", True), ("a.HTM", True), ("a.xhtml", True), ("a.shtml", True),
    ("a.html.gz", True), ("a.gz", True), ("a.warc", True), ("A.WARC.GZ", True),
    ("a.tar.gz", False), ("a.txt", False), ("a.json", False), ("a", False),
    ("a.warc.json", False),
])
def test_page_names(name: str, taken: bool) -> None:
    assert is_page_name(name, all_files=False) is taken
    assert is_page_name(name, all_files=True)
