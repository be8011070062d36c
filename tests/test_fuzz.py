"""Fuzzing extract(): no page input may raise, every one returns a Document within its budget.

Inputs come from four generators: raw bytes, arbitrary text (lone surrogates included), markup
soup built from tags, attributes, entities and text pieces that the extraction stages look at
(encoded in several encodings, with true or false charset labels), and real pages from the dev
datasets, mutated by byte flips, truncation at random points, tag deletion and duplication,
encoding-label swaps and spliced-in junk. Options and the ``http_charset`` argument are drawn too.

For every input: ``extract`` returns a ``Document`` (the only documented error is ``TypeError``
for a non-bytes/str input), the status is one of the documented ones and agrees with the body,
the Document serializes to JSON that encodes as UTF-8 (bytes input), and the call ends within
its ``time_budget`` plus 10% (plus 50 ms for scheduling noise on a busy machine).

Modes, chosen by environment variable:

* default (CI): a few hundred examples per test, derandomized so every run checks the same
  inputs; the whole file runs in well under a minute.
* ``CLEANWEB_FUZZ_LONG=1``: 25,000 examples per fuzz test (over 100,000 in all), randomized,
  for runs before a release: ``CLEANWEB_FUZZ_LONG=1 pytest tests/test_fuzz.py
  --hypothesis-show-statistics``. ``CLEANWEB_FUZZ_EXAMPLES=N`` sets the per-test count
  directly (it implies randomized runs too).

A failure prints the shrunk input and a ``@reproduce_failure`` blob to replay it.
"""

from __future__ import annotations

import gc
import json
import os
import time
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import skip_without_data
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import cleanweb
from cleanweb import Document, Options, Status

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
LONG = os.environ.get("CLEANWEB_FUZZ_LONG", "") not in ("", "0")
EXAMPLES_ENV = os.environ.get("CLEANWEB_FUZZ_EXAMPLES", "")
#: Budget every fuzzed call runs under, and the overrun the bar allows.
BUDGET = 2.0
OVERRUN = 1.10
#: Allowance for timer and scheduling noise on top of the 10% (a busy 2-core CI machine).
NOISE = 0.05


#: What every fuzz test shares: wall time is asserted against the page budget instead of a
#: per-example deadline.
BASE = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def fuzz_settings(ci_examples: int) -> settings:
    """CI: ``ci_examples``, the same inputs every run. Long mode: many more, random ones."""
    if EXAMPLES_ENV:
        return settings(BASE, max_examples=int(EXAMPLES_ENV))
    if LONG:
        return settings(BASE, max_examples=25_000)
    return settings(BASE, max_examples=ci_examples, derandomize=True, database=None)


# --- the property ---------------------------------------------------------------------------


def check(html: bytes | str, options: Options | None = None, **kwargs: str | None) -> Document:
    opts = options if options is not None else Options(time_budget=BUDGET)
    start = time.perf_counter()
    doc = cleanweb.extract(html, options=opts, **kwargs)
    elapsed = time.perf_counter() - start
    assert isinstance(doc, Document)
    assert isinstance(doc.status, Status)
    if opts.time_budget is not None:
        limit = opts.time_budget * OVERRUN + NOISE
        assert elapsed <= limit, f"{elapsed:.3f}s for a {opts.time_budget:.3f}s budget"
    check_consistent(doc)
    if isinstance(html, bytes):
        assert isinstance(json.loads(doc.to_json()), dict)
        doc.to_json().encode("utf-8")  # lone surrogates from decoding would raise here
        doc.to_markdown().encode("utf-8")
    return doc


def check_consistent(doc: Document) -> None:
    """Status and body agree: ok has a body; refused or empty pages have none."""
    assert isinstance(doc.text, str)
    assert all(b.kept for b in doc.blocks)
    if doc.status is Status.OK:
        assert doc.text.strip(), "status ok with an empty body"
    if doc.status in (Status.EMPTY, Status.NOT_HTML, Status.TOO_LARGE):
        assert doc.text == "" and doc.blocks == (), f"status {doc.status} with a body"


# --- generators -----------------------------------------------------------------------------

TAGS = (
    "html", "head", "body", "title", "meta", "div", "p", "span", "a", "b", "i", "u", "font",
    "br", "hr", "img", "figure", "figcaption", "table", "tr", "td", "th", "thead", "ul", "ol",
    "li", "h1", "h2", "h3", "pre", "code", "blockquote", "nav", "header", "footer", "aside",
    "article", "main", "section", "script", "style", "noscript", "template", "iframe", "svg",
    "math", "textarea", "select", "option", "form", "button", "time", "address", "frameset",
    "plaintext", "xmp", "listing", "object", "caption",
)
NAMES = (
    "nav", "menu", "footer", "content", "article", "body", "post", "ad", "ads", "share",
    "comment", "related", "sidebar", "byline", "author", "date", "time", "source", "editor",
    "caption", "copyright", "breadcrumb", "x" * 300, "a-" * 100, "_1",
)
ATTRS = ("class", "id", "role", "style", "hidden", "href", "src", "alt", "title", "itemprop",
         "name", "property", "content", "charset", "http-equiv", "datetime", "lang", "dir")
VALUES = (
    *NAMES, "display:none", "visibility: hidden", "text/html; charset=gbk", "utf-8", "big5",
    "shift_jis", "utf-16", "x-user-defined", "author", "article:published_time", "og:title",
    "2024-02-30T25:61:00Z", "0000-00-00", "javascript:alert(1)", "https://example.org/a?b=1",
    "", "\x00", "\u202e", "zh-CN", "ltr",
)
TEXTS = (
    "The report was published on Monday and covers the whole year in detail.",
    "记者 张三 报道：昨日，市政府召开新闻发布会，介绍了今年的工作情况。",
    "来源：新华社 责任编辑：李四 2024年03月05日 10:20",
    "By John Smith | March 5, 2024", "版权所有 © 2024 ICP备12345678号", "Share on Twitter",
    "Related articles", "上一篇 下一篇", "Copyright 2024 All rights reserved", "阅读全文",
    "&amp;", "&nbsp;", "&#0;", "&#x110000;", "&#99999999999;", "&lt;script&gt;", "&unknown;",
    "\x00", "\ufffd", "\u3000" * 40, "-" * 200, "。" * 200, "|" * 100, "1" * 80, " " * 500,
    "<!-- comment -->", "<!--", "-->", "<![CDATA[ x ]]>", "<?php echo 1; ?>",
    "<!DOCTYPE html>", "<!DOCTYPE x [<!ENTITY e 'v'>]>", "<", ">", "</", "<a", '"', "'", "=",
)
ENCODINGS = ("utf-8", "gb18030", "gbk", "big5", "shift_jis", "euc-kr", "windows-1252",
             "iso-8859-1", "koi8-r", "utf-16-le", "utf-16-be", "utf-8-sig")
LABELS = (*ENCODINGS, "x-user-defined", "unicode", "bogus-label", "utf-7", "latin1", "ascii",
          "", " utf-8 ", "UTF8", "gb2312", "windows-874", "replacement", "iso-2022-jp")

attr = st.tuples(st.sampled_from(ATTRS), st.sampled_from(VALUES)).map(
    lambda kv: f' {kv[0]}="{kv[1]}"'
)
open_tag = st.tuples(st.sampled_from(TAGS), st.lists(attr, max_size=4)).map(
    lambda t: f"<{t[0]}{''.join(t[1])}>"
)
close_tag = st.sampled_from(TAGS).map(lambda t: f"</{t}>")
piece = st.one_of(
    open_tag, close_tag, st.sampled_from(TEXTS), st.text(max_size=30),
    st.tuples(st.sampled_from(TEXTS), st.integers(1, 400)).map(lambda t: t[0] * t[1]),
)
markup = st.lists(piece, max_size=120).map("".join)


@st.composite
def encoded_markup(draw: st.DrawFn) -> bytes:
    """Markup in some encoding, under a charset label that may be true or false."""
    text = draw(markup)
    label = draw(st.sampled_from(LABELS))
    if draw(st.booleans()):
        text = f'<meta charset="{label}">' + text
    return text.encode(draw(st.sampled_from(ENCODINGS)), "replace")


options = st.builds(
    Options,
    favor=st.sampled_from(("balanced", "precision", "recall")),
    include_tables=st.booleans(),
    include_captions=st.booleans(),
    explain=st.booleans(),
    max_bytes=st.one_of(st.just(32 * 1024 * 1024), st.integers(1, 100_000)),
    max_nodes=st.one_of(st.just(2_000_000), st.integers(1, 5_000)),
    time_budget=st.one_of(st.just(BUDGET), st.floats(0.25, BUDGET)),
)
charsets = st.one_of(st.none(), st.sampled_from(LABELS), st.text(max_size=20))


# --- real pages and their mutations ---------------------------------------------------------


@lru_cache(maxsize=1)
def page_paths() -> tuple[Path, ...]:
    return tuple(sorted(DATASETS.glob("*/pages/*.html")))


@lru_cache(maxsize=64)
def page_bytes(path: Path) -> bytes:
    return path.read_bytes()


def flip(data: bytes, pos: int, mask: int) -> bytes:
    if not data:
        return data
    pos %= len(data)
    return data[:pos] + bytes([data[pos] ^ mask]) + data[pos + 1 :]


def truncate(data: bytes, pos: int) -> bytes:
    return data[: pos % (len(data) + 1)]


def tag_spans(data: bytes) -> list[tuple[int, int]]:
    """Where the markup tags are (a byte scan, deliberately naive: mutations need not be
    well-formed)."""
    spans: list[tuple[int, int]] = []
    start = data.find(b"<")
    while start != -1 and len(spans) < 20_000:
        end = data.find(b">", start)
        if end == -1:
            break
        spans.append((start, end + 1))
        start = data.find(b"<", end)
    return spans


def delete_tag(data: bytes, k: int) -> bytes:
    spans = tag_spans(data)
    if not spans:
        return data
    a, b = spans[k % len(spans)]
    return data[:a] + data[b:]


def duplicate_tag(data: bytes, k: int, times: int) -> bytes:
    spans = tag_spans(data)
    if not spans:
        return data
    a, b = spans[k % len(spans)]
    return data[:b] + data[a:b] * times + data[b:]


def swap_label(data: bytes, label: str) -> bytes:
    """Replace the first charset label, or declare one when there is none."""
    lowered = data[:4096].lower()
    at = lowered.find(b"charset=")
    if at == -1:
        return f'<meta charset="{label}">'.encode() + data
    at += len(b"charset=")
    if data[at : at + 1] in (b'"', b"'"):
        at += 1
    end = at
    while end < len(data) and data[end : end + 1] not in b"\"'; >":
        end += 1
    return data[:at] + label.encode("ascii", "replace") + data[end:]


def splice(data: bytes, pos: int, junk: bytes) -> bytes:
    pos %= len(data) + 1
    return data[:pos] + junk + data[pos:]


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 2**31), st.integers(1, 255)),
    st.tuples(st.just("truncate"), st.integers(0, 2**31)),
    st.tuples(st.just("delete_tag"), st.integers(0, 2**31)),
    st.tuples(st.just("duplicate_tag"), st.integers(0, 2**31), st.integers(1, 50)),
    st.tuples(st.just("swap_label"), st.sampled_from(LABELS)),
    st.tuples(st.just("splice"), st.integers(0, 2**31), st.binary(min_size=1, max_size=64)),
)
MUTATORS = {
    "flip": flip, "truncate": truncate, "delete_tag": delete_tag,
    "duplicate_tag": duplicate_tag, "swap_label": swap_label, "splice": splice,
}


def mutate(data: bytes, steps: list[tuple[object, ...]]) -> bytes:
    for name, *args in steps:
        data = MUTATORS[str(name)](data, *args)  # type: ignore[operator]
    return data


def real_page_or_skip() -> None:
    if not page_paths():
        skip_without_data(f"dev datasets not found at {DATASETS}")


# --- the fuzz tests -------------------------------------------------------------------------


@fuzz_settings(300)
@given(st.binary(max_size=4096), charsets)
def test_raw_bytes(data: bytes, http_charset: str | None) -> None:
    event(f"status={check(data, http_charset=http_charset).status.value}")


@fuzz_settings(200)
@given(st.text(st.characters(codec=None, categories=None), max_size=2000))
def test_any_text(text: str) -> None:
    """Any str, lone surrogates and private-use characters included."""
    event(f"status={check(text).status.value}")


@fuzz_settings(300)
@given(encoded_markup(), charsets, options)
def test_markup_soup(data: bytes, http_charset: str | None, opts: Options) -> None:
    event(f"status={check(data, opts, http_charset=http_charset).status.value}")


@fuzz_settings(120)
@given(st.data(), st.lists(mutation, min_size=1, max_size=4), charsets)
def test_mutated_real_pages(
    data: st.DataObject, steps: list[tuple[object, ...]], http_charset: str | None
) -> None:
    real_page_or_skip()
    path = data.draw(st.sampled_from(page_paths()), label="page")
    doc = check(mutate(page_bytes(path), steps), http_charset=http_charset)
    event(f"status={doc.status.value}")


# --- plain tests of the same property on fixed inputs ---------------------------------------


EDGE_INPUTS: dict[str, bytes | str] = {
    "empty-bytes": b"", "empty-str": "", "nul": b"\x00", "lt": b"<", "lt-slash": b"</",
    "open-comment": b"<!--", "open-tag": b"<html", "bom-utf8-only": b"\xef\xbb\xbf",
    "bom-utf16le-only": b"\xff\xfe", "bom-utf16be-only": b"\xfe\xff", "lone-surrogate": "\ud800",
    "surrogate-in-p": "<p>\udfff</p>", "nul-run": b"<p>" + b"\x00" * 5000 + b"</p>",
    "nul-refs": b"&#0;" * 1000, "runaway-title": b"<title>" + b"x" * 100_000,
    "cdata-run": b"<![CDATA[" * 1000, "script-run": b"<script>" * 1000,
}


@pytest.mark.parametrize("name", sorted(EDGE_INPUTS))
def test_edge_inputs(name: str) -> None:
    check(EDGE_INPUTS[name])


def separator_title(where: str, count: int) -> bytes:
    title = "word | " * count
    head = (f"<title>{title}</title>" if where == "title"
            else f"<meta property='og:title' content='{title}'>")
    return f"<html><head>{head}</head><body>{ARTICLE}</body></html>".encode()


@pytest.mark.parametrize(
    ("where", "count"),
    [
        pytest.param("title", 1000),
        pytest.param("og:title", 1000),
        pytest.param("title", 100_000),
    ],
)
def test_title_separator_runs(where: str, count: int) -> None:
    """A title made of many short segments stays linear and inside a tight budget."""
    check(separator_title(where, count), Options(time_budget=0.5))


ARTICLE = "<p>" + "Plain words of a paragraph in an article page. " * 20 + "</p>"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_pages_are_pages(codec: str) -> None:
    html = f"<html><head><title>T</title></head><body>{ARTICLE}</body></html>"
    doc = check(html.encode(codec))
    assert doc.status is Status.OK and "paragraph" in doc.text


def test_many_attributes_on_one_tag() -> None:
    attrs = "".join(f' data-a{i}="v"' for i in range(20_000))
    check(f"<html><body><div{attrs}>{ARTICLE}</div></body></html>".encode(),
          Options(time_budget=0.5))


@pytest.mark.parametrize("title", ["", "<title></title>", "<title>   </title>"])
def test_author_meta_without_title(title: str) -> None:
    head = f'{title}<meta name="author" content="Jane Doe">'
    check(f"<html><head>{head}</head><body>{ARTICLE}</body></html>".encode())


@pytest.mark.parametrize("bad", [None, 1, 1.5, ["<p>"], Path("page.html")], ids=repr)
def test_wrong_input_type_is_the_only_error(bad: object) -> None:
    # Bytes-like inputs (bytearray, memoryview...) are pages: see test_extract.py.
    with pytest.raises(TypeError):
        cleanweb.extract(bad)  # type: ignore[arg-type]


def test_mutators_change_pages() -> None:
    """The mutators do what their names say (so the fuzz above is not fuzzing nothing)."""
    page = b'<html><head><meta charset="utf-8"></head><body><p>x</p></body></html>'
    assert flip(page, 3, 1) != page and len(flip(page, 3, 1)) == len(page)
    assert truncate(page, 10) == page[:10]
    assert delete_tag(page, 0).startswith(b"<head>")
    assert duplicate_tag(page, 0, 2).startswith(b"<html>" * 3)
    assert b'charset="gbk"' in swap_label(page, "gbk")
    assert swap_label(b"<p>x</p>", "big5").startswith(b'<meta charset="big5">')
    assert splice(page, 0, b"\xff") == b"\xff" + page


def slow_page(lines: int) -> bytes:
    """Many short lines that look a little like chrome: segmenting them is quick, judging
    them line by line afterwards is most of the work."""
    body = "".join(
        f"<p>Line {i} of the page: more words here, share on facebook | twitter</p>"
        for i in range(lines)
    )
    return f"<html><head><title>T</title></head><body>{body}</body></html>".encode()


def test_time_budget_is_kept() -> None:
    """Budgets that run out at points spread over a long page's extraction: each call ends
    within its budget plus 10% (and 20 ms for timer and scheduling noise), whichever stage
    is running when the time is up."""
    page = slow_page(8000)
    start = time.perf_counter()
    cleanweb.extract(page, options=Options(time_budget=None))
    full = time.perf_counter() - start
    overruns = []
    # A collection of this test process's own heap (large by now) can pause any call for
    # longer than the noise allowance; that is not the page's doing, so it waits.
    gc.collect()
    gc.disable()
    try:
        for share in (0.3, 0.5, 0.7, 0.9):
            budget = full * share
            start = time.perf_counter()
            doc = cleanweb.extract(page, options=Options(time_budget=budget))
            elapsed = time.perf_counter() - start
            if elapsed > budget * OVERRUN + NOISE:
                overruns.append(f"{elapsed:.3f}s for {budget:.3f}s ({doc.status.value})")
    finally:
        gc.enable()
    assert not overruns, f"full run {full:.3f}s; over budget: {overruns}"
