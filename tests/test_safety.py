"""Safety: whatever a page contains, extract() opens no socket, reads or writes no file, expands
no entity and runs no code.

Three layers watch each extraction, so a leak is caught wherever it happens:

* Python level: ``socket.socket``, ``socket.create_connection``, ``socket.getaddrinfo``,
  ``builtins.open``, ``io.open``, ``os.open`` and ``subprocess.Popen`` are replaced by functions
  that raise, for the duration of the call only;
* the interpreter's audit events (``open``, ``socket.*``, ``subprocess.Popen``, ``os.system``,
  ``exec``, ``compile``, ``urllib.Request``, ``ctypes.dlopen``...) raised while the call runs,
  which also see calls made through other names than the patched ones;
* C level (a parser reaching out through its own I/O, out of sight of both): the pages point at a
  canary file holding a marker and at a listening local socket; the marker must not show up in
  the Document and no connection may be pending on the socket afterwards.

Each page is extracted once unsealed first, so imports and lazily built tables (legitimate file
reads that do not depend on the page) happen before watching starts.
"""

from __future__ import annotations

import builtins
import io
import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import cleanweb

#: Audit events that mean the extraction reached outside the process or ran page code.
FORBIDDEN_EVENTS = frozenset({
    "open", "os.open", "socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
    "socket.gethostbyname", "socket.sendto", "subprocess.Popen", "os.system", "os.exec",
    "os.posix_spawn", "os.spawn", "os.fork", "exec", "compile", "urllib.Request",
    "ctypes.dlopen", "webbrowser.open", "os.listdir", "os.scandir", "os.remove", "os.rename",
    "os.mkdir", "shutil.rmtree", "pickle.find_class", "marshal.loads",
})
MARKER = "canary-7f3a9e-secret"


@dataclass(frozen=True)
class Bait:
    """A canary file and a listening socket for pages to point at."""

    file: Path
    port: int
    listener: socket.socket

    @property
    def file_url(self) -> str:
        return self.file.as_uri()

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def connection_pending(self) -> bool:
        readable, _, _ = select.select([self.listener], [], [], 0.05)
        return bool(readable)


@pytest.fixture(scope="module")
def bait(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bait]:
    canary = tmp_path_factory.mktemp("bait") / "secret.txt"
    canary.write_text(f"{MARKER}\n", encoding="utf-8")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield Bait(canary, listener.getsockname()[1], listener)
    finally:
        listener.close()


def _refuse(name: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"extract() called {name}{args[:2]!r}")

    return refuse


class AuditLog:
    """An audit hook that records forbidden events while armed. Hooks cannot be removed, so
    a disarmed one stays installed and records nothing."""

    def __init__(self) -> None:
        self.armed = False
        self.events: list[str] = []
        sys.addaudithook(self.hook)

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if self.armed and (event in FORBIDDEN_EVENTS or event.startswith("socket.")):
            self.events.append(f"{event}{str(args)[:120]}")


@pytest.fixture(scope="module")
def audit() -> AuditLog:
    return AuditLog()


@contextmanager
def sealed(mp: pytest.MonkeyPatch, audit: AuditLog) -> Iterator[None]:
    """Every way out of the process raises or is recorded until the block ends."""
    targets = [
        (socket, "socket"), (socket, "create_connection"), (socket, "getaddrinfo"),
        (builtins, "open"), (io, "open"), (os, "open"), (subprocess, "Popen"), (os, "system"),
    ]
    with mp.context() as m:
        for module, name in targets:
            m.setattr(module, name, _refuse(f"{module.__name__}.{name}"))
        audit.events.clear()
        audit.armed = True
        try:
            yield
        finally:
            audit.armed = False


def hostile_pages(b: Bait) -> dict[str, str]:
    """Pages that invite a parser to fetch, read, expand or run something."""
    article = "<p>" + "An ordinary paragraph of article text that says nothing much. " * 6 + "</p>"
    laughs = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    return {
        "xxe_file": (
            f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{b.file_url}">]>'
            f"<html><head><title>&xxe;</title></head><body><p>&xxe;</p>{article}</body></html>"
        ),
        "xxe_http": (
            f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{b.http}/e">]>'
            f"<html><body><p>&xxe;</p>{article}</body></html>"
        ),
        "parameter_entity": (
            f'<!DOCTYPE html [<!ENTITY % ext SYSTEM "{b.http}/evil.dtd"> %ext;'
            f'<!ENTITY % file SYSTEM "{b.file_url}">]><html><body>%file;{article}</body></html>'
        ),
        "billion_laughs": (
            f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{laughs}]>'
            f"<html><body><p>&lol9;</p>{article}</body></html>"
        ),
        "external_dtd": (
            f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "{b.http}/x.dtd">'
            f"<html><body>{article}</body></html>"
        ),
        "xinclude_xslt": (
            f'<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{b.http}/s.xsl"?>'
            f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>'
            f'<xi:include href="{b.file_url}" parse="text"/>{article}</body></html>'
        ),
        "resources": (
            f'<html><head><base href="{b.http}/"><link rel="stylesheet" href="{b.http}/c.css">'
            f'<meta http-equiv="refresh" content="0;url={b.http}/r">'
            f'<style>@import url("{b.file_url}"); body{{background:url({b.http}/bg)}}</style>'
            f'<script src="{b.http}/a.js"></script></head><body>'
            f'<img src="{b.http}/i.png" srcset="{b.http}/2.png 2x"><iframe src="{b.file_url}">'
            f'</iframe><object data="{b.file_url}"></object><embed src="{b.http}/e">'
            f'<svg><image href="{b.file_url}"/><use href="{b.http}/u#x"/></svg>'
            f'<a href="{b.file_url}">local file</a>{article}</body></html>'
        ),
        "json_ld_context": (
            f'<html><head><script type="application/ld+json">{{"@context": "{b.http}/ctx", '
            f'"@type": "NewsArticle", "headline": {{"@id": "{b.file_url}"}}}}</script></head>'
            f"<body>{article}</body></html>"
        ),
        "script_code": (
            "<html><body><script>__import__('os').system('touch pwned')</script>"
            "<script type='text/python'>import socket; socket.create_connection(('127.0.0.1', "
            f"{b.port}))</script><p>{{{{ self.__init__.__globals__ }}}}</p>"
            f"<p>${{{{7*7}}}} {{% include '{b.file}' %}}</p>{article}</body></html>"
        ),
        "huge_attribute": (
            f'<html><body><div title="{"&lol;" * 200_000}" data-src="{b.http}/'
            f'{"a" * 1_000_000}">{article}</div></body></html>'
        ),
        "charset_tricks": (
            f'<html><head><meta charset="{b.file}"><meta http-equiv="Content-Type" '
            f'content="text/html; charset=x-user-defined"></head><body>{article}</body></html>'
        ),
    }


PAGE_NAMES = (
    "xxe_file", "xxe_http", "parameter_entity", "billion_laughs", "external_dtd",
    "xinclude_xslt", "resources", "json_ld_context", "script_code", "huge_attribute",
    "charset_tricks",
)


def _leaked(doc: cleanweb.Document) -> bool:
    return MARKER in doc.to_json() or MARKER in repr(doc)


def extract_sealed(
    html: bytes | str, mp: pytest.MonkeyPatch, audit: AuditLog, **kwargs: Any
) -> cleanweb.Document:
    warm = cleanweb.extract(html, **kwargs)  # unsealed first: imports and lazy tables
    warm.to_json()
    warm.to_markdown()
    with sealed(mp, audit):
        doc = cleanweb.extract(html, **kwargs)
        doc.to_json()
        doc.to_markdown()
    assert audit.events == [], f"forbidden events during extract: {audit.events[:5]}"
    return doc


@pytest.mark.parametrize("name", PAGE_NAMES)
@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
def test_hostile_page_stays_inside(
    name: str, as_bytes: bool, bait: Bait, audit: AuditLog, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    page = hostile_pages(bait)[name]
    html: bytes | str = page.encode("utf-8") if as_bytes else page
    monkeypatch.chdir(tmp_path)  # a file written "relative" by page code would land here
    doc = extract_sealed(html, monkeypatch, audit, url=f"{bait.file_url}")
    assert isinstance(doc, cleanweb.Document)
    assert not _leaked(doc), "the canary file's content reached the Document"
    assert not bait.connection_pending(), "a connection reached the bait socket"
    assert list(tmp_path.iterdir()) == [], "extract() created a file"


def test_no_entity_expansion(bait: Bait, audit: AuditLog, monkeypatch: pytest.MonkeyPatch) -> None:
    """Internal entities declared in the page are not expanded: ten nested levels would make
    ten billion characters, so the output stays no longer than the page."""
    page = hostile_pages(bait)["billion_laughs"]
    start = time.perf_counter()
    doc = extract_sealed(page.encode("utf-8"), monkeypatch, audit)
    assert time.perf_counter() - start < 10
    assert "lollol" not in doc.to_json()
    assert len(doc.text) <= len(page)


def test_internal_entity_not_substituted(audit: AuditLog, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DOCTYPE-declared entity stays a literal reference (HTML knows only its named
    character references), so a page cannot inject text through its own DTD."""
    page = (
        '<!DOCTYPE html [<!ENTITY inj "INJECTED-BY-DTD">]><html><body><p>&inj; '
        + "Plain words make up this ordinary paragraph of article text. " * 6
        + "</p></body></html>"
    )
    doc = extract_sealed(page.encode("utf-8"), monkeypatch, audit)
    assert "INJECTED-BY-DTD" not in doc.text
    assert doc.title != "INJECTED-BY-DTD"


def test_url_and_charset_arguments_are_not_opened(
    bait: Bait, audit: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``url`` and ``http_charset`` are labels, never locations to read."""
    page = b"<html><body><p>" + b"Some article words in a plain paragraph here. " * 8 + b"</p>"
    doc = extract_sealed(
        page, monkeypatch, audit, url=str(bait.file), http_charset=str(bait.file)
    )
    assert not _leaked(doc)
    doc = extract_sealed(page, monkeypatch, audit, url=f"{bait.http}/page")
    assert not bait.connection_pending()


def test_the_seal_itself_catches_access(
    bait: Bait, audit: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watchers are live: a file read and a socket inside the sealed block are caught."""
    with sealed(monkeypatch, audit), pytest.raises(AssertionError):
        open(bait.file)  # noqa: SIM115 - the call itself is what is tested
    with sealed(monkeypatch, audit), pytest.raises(AssertionError):
        socket.socket()
    with sealed(monkeypatch, audit):
        os.listdir(bait.file.parent)  # not patched: only the audit hook sees it
    assert any(e.startswith("os.listdir") for e in audit.events)


def test_every_page_is_tested(bait: Bait) -> None:
    assert sorted(hostile_pages(bait)) == sorted(PAGE_NAMES)


def test_the_canaries_work(bait: Bait) -> None:
    """The C-level canaries can fire: the file holds the marker and a connect is seen."""
    assert MARKER in bait.file.read_text(encoding="utf-8")
    with socket.create_connection(("127.0.0.1", bait.port), timeout=2):
        assert bait.connection_pending()
    conn, _ = bait.listener.accept()
    conn.close()
    assert not bait.connection_pending()
