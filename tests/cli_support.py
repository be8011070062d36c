"""Helpers of the command's end-to-end tests: running ``cleanweb`` as a subprocess, real
pages from the shared datasets, and synthetic pages of any size."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from conftest import skip_without_data

from cleanweb import extract

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
CLI = [sys.executable, "-m", "cleanweb"]
#: One paragraph of a synthetic article, repeated to make pages of any size.
PARA = "<p>" + "Some words of a sentence, and more of them in a row here. " * 6 + "</p>\n"
#: Per-page limit for runs over the tree: 30 times its slowest good page, and a small
#: fraction of what the 24 MB page needs.
TIMEOUT = "1.5"
GBK_PARA = ("<p>第{}段：经过半年的施工，城市中心的公园改造工程已经全部完成，"
            "新增了步道和花坛，附近居民非常满意。</p>")


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=timeout, check=False)


def aeb_pages(n: int) -> list[Path]:
    folder = DATASETS / "aeb" / "pages"
    if not folder.is_dir():
        skip_without_data(f"dev datasets not found at {DATASETS}")
    return sorted(folder.glob("*.html"))[:n]


def gbk_real_page() -> Path:
    folder = DATASETS / "cx-netease-zh" / "pages"
    if not folder.is_dir():
        skip_without_data(f"dev datasets not found at {DATASETS}")
    return sorted(folder.glob("*.html"))[0]


def gbk_page() -> bytes:
    body = "".join(GBK_PARA.format(i) for i in range(1, 6))
    html = (f'<html><head><meta charset="gbk"><title>公园</title></head>'
            f"<body><article><h1>城市公园改造完成</h1>{body}</article></body></html>")
    return html.encode("gbk")


def nested_page(depth: int) -> bytes:
    body = "<div>" * depth + PARA * 3 + "</div>" * depth
    return f"<html><body>{body}</body></html>".encode()


#: Short linked paragraphs: the most work per byte a page can ask for (a segment, a link
#: and a few elements every 70 bytes) while staying under the element limit.
BUSY_PARA = '<p>Some words of a sentence, <a href="/x">a link</a> and more of them.</p>\n'


def big_page(mb: int) -> bytes:
    """A plain article of ``mb`` megabytes: seconds of honest work (8 s for 24 MB on a
    2-core machine), far over the limits the tests set."""
    count = mb * 1_000_000 // len(BUSY_PARA)
    return f"<html><body><article>{BUSY_PARA * count}</article></body></html>".encode()


def expected_text(data: bytes) -> str:
    return extract(data).to_text() + "\n"


def tmp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def session_processes(sid: int) -> list[int]:
    """Processes of the session ``sid`` still alive (zombies excepted), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_bytes().rpartition(b")")[2].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != b"Z":
            found.append(int(entry.name))
    return found


def wait_gone(sid: int, seconds: float = 10.0) -> list[int]:
    """The session's processes once they are gone, or those left after ``seconds``."""
    deadline = time.monotonic() + seconds
    while (left := session_processes(sid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def records_in(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0
