"""Small WARC files built at test time: the pages every WARC test runs through.

Records are written by hand (WARC/1.1 headers, an HTTP response block), one gzip member
per record for ``.warc.gz``, so the tests do not depend on the reader they test.
"""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PARA = "<p>" + "Some words of a sentence, and more of them in a row here. " * 6 + "</p>\n"
GBK_PARA = ("<p>第{}段：经过半年的施工，城市中心的公园改造工程已经全部完成，"
            "新增了步道和花坛，附近居民非常满意。</p>")
GBK_TAIL = "<footer><p>联系我们｜关于本站</p></footer>"


@dataclass(frozen=True, slots=True)
class Sample:
    """One record: what was sent (HTTP content type and body) and where it came from."""

    name: str
    uri: str
    content_type: str | None
    body: bytes
    record_type: str = "response"
    record_id: str = ""

    @property
    def charset(self) -> str | None:
        """The charset parameter of the HTTP header, as a reader should pass it on."""
        if not self.content_type or "charset=" not in self.content_type.lower():
            return None
        return self.content_type.lower().split("charset=", 1)[1].strip()

    @property
    def is_page(self) -> bool:
        html = (self.content_type or "").split(";")[0].strip() in ("text/html",
                                                                   "application/xhtml+xml")
        return self.record_type == "response" and html


def en_page(paras: int = 4) -> bytes:
    return (f"<html><head><title>Garden works</title></head><body><article><h1>Garden works "
            f"done</h1>{PARA * paras}</article></body></html>").encode()


def gbk_html(meta: str = '<meta charset="gbk">', paras: int = 5) -> str:
    body = "".join(GBK_PARA.format(i) for i in range(1, paras + 1))
    return (f"<html><head>{meta}<title>公园</title></head><body><article>"
            f"<h1>城市公园改造完成</h1>{body}</article>{GBK_TAIL}</body></html>")


def truncated_gbk() -> bytes:
    """A GBK page cut in the middle of a character near its end, as crawlers cut records
    at a size limit; the cut falls in the footer, after the article."""
    data = gbk_html().encode("gbk")
    cut = data.rindex("本站".encode("gbk")) + 1  # half of a two-byte character
    return data[:cut]


def nested_page(depth: int) -> bytes:
    body = "<div>" * depth + PARA * 3 + "</div>" * depth
    return f"<html><body>{body}</body></html>".encode()


def big_page(kb: int) -> bytes:
    count = kb * 1000 // len(PARA)
    return f"<html><body><article>{PARA * count}</article></body></html>".encode()


def samples() -> list[Sample]:
    """The mix of the issue list: encodings, lies, empties, non-pages, depth and size."""
    utf8 = gbk_html('<meta charset="utf-8">').replace("公园改造", "公园改造（二期）")
    return [
        Sample("utf8", "http://example.com/en", "text/html; charset=utf-8", en_page()),
        Sample("utf8-zh", "http://example.com/zh", "text/html; charset=UTF-8",
               utf8.encode("utf-8")),
        Sample("gbk-header", "http://example.com/gbk1", "text/html; charset=GBK",
               gbk_html("").encode("gbk")),
        Sample("gbk-no-header", "http://example.com/gbk2", "text/html",
               gbk_html().encode("gbk")),
        Sample("gbk-lying-meta", "http://example.com/gbk3", "text/html",
               gbk_html('<meta http-equiv="Content-Type" content="text/html; '
                        'charset=utf-8">').encode("gbk")),
        Sample("gbk-truncated", "http://example.com/gbk4", "text/html; charset=gbk",
               truncated_gbk()),
        Sample("empty", "http://example.com/empty", "text/html", b""),
        Sample("image", "http://example.com/a.png", "image/png",
               b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        Sample("request", "http://example.com/en", None, b"", record_type="request"),
        Sample("deep", "http://example.com/deep", "text/html; charset=utf-8",
               nested_page(300)),
        Sample("large", "http://example.com/large", "application/xhtml+xml", big_page(1500)),
    ]


def http_block(sample: Sample) -> bytes:
    if sample.record_type == "request":
        return f"GET / HTTP/1.1\r\nHost: {sample.uri}\r\n\r\n".encode()
    ctype = f"Content-Type: {sample.content_type}\r\n" if sample.content_type else ""
    head = f"HTTP/1.1 200 OK\r\n{ctype}Content-Length: {len(sample.body)}\r\n\r\n"
    return head.encode() + sample.body


def record_bytes(sample: Sample) -> bytes:
    block = http_block(sample)
    msgtype = "request" if sample.record_type == "request" else "response"
    head = (f"WARC/1.1\r\nWARC-Type: {sample.record_type}\r\n"
            f"WARC-Record-ID: {sample.record_id}\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n"
            f"WARC-Target-URI: {sample.uri}\r\n"
            f"Content-Type: application/http; msgtype={msgtype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def with_ids(items: Sequence[Sample]) -> list[Sample]:
    return [Sample(s.name, s.uri, s.content_type, s.body, s.record_type,
                   f"<urn:uuid:{uuid.uuid4()}>") for s in items]


def write_warc(path: Path, items: Sequence[Sample], members: bool = True) -> list[Sample]:
    """Write ``items`` to ``path`` (gzip by record for ``.gz``, or as one stream with
    ``members=False``); returns them with their record ids."""
    stamped = with_ids(items)
    raw = [record_bytes(s) for s in stamped]
    if path.name.endswith(".gz"):
        data = b"".join(gzip.compress(r) for r in raw) if members else gzip.compress(b"".join(raw))
    else:
        data = b"".join(raw)
    path.write_bytes(data)
    return stamped


def write_crawl(root: Path, second: str) -> list[Sample]:
    """The samples as a crawl of two WARC files, one task's worth each: ``a.warc.gz`` and
    ``second`` (a name in ``root``); returns them with their record ids."""
    items = samples()
    return write_warc(root / "a.warc.gz", items[:6]) + write_warc(root / second, items[6:])
