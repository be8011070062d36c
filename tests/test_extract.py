"""extract() end to end: statuses for bad input, options, determinism, a real page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, page

from cleanweb import Document, Options, Status, extract

PROSE = ("The council met on Tuesday to discuss the new budget, which includes more money "
         "for schools and roads. Members argued for hours before the vote was taken.")
ARTICLE = page(f"<nav><a href=/>Home</a> <a href=/a>About</a></nav><article><h1>Budget</h1>"
               f"<p>{PROSE}</p><p>{PROSE}</p></article><footer>Copyright 2024</footer>",
               head="<title>Budget vote | Example News</title><html lang='en'>")


def test_article_extracted() -> None:
    doc = extract(ARTICLE.encode())
    assert doc.status == Status.OK
    assert doc.text == f"{PROSE}\n{PROSE}"
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]
    assert doc.title == "Budget"
    assert doc.encoding == "utf-8"


def test_str_input_and_url() -> None:
    doc = extract(ARTICLE, url="https://example.com/a")
    assert doc.text == f"{PROSE}\n{PROSE}"
    assert doc.url == "https://example.com/a"
    assert doc.encoding_source == "str"


def test_http_charset_decodes_legacy_bytes() -> None:
    zh = "记者在现场看到，由于部分地区暴雨伴随着狂风，许多粗大的树枝被刮断，道路也出现了多处积水。"
    data = page(f"<div><p>{zh}</p><p>{zh}</p></div>").encode("gbk")
    doc = extract(data, http_charset="gbk")
    assert doc.text == f"{zh}\n{zh}"
    assert (doc.encoding, doc.encoding_source) == ("gbk", "http")


def test_wrong_type_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="bytes or str"):
        extract(123)  # type: ignore[arg-type]


@pytest.mark.parametrize(("data", "status"), [
    (b"", Status.EMPTY),
    (b"   \n ", Status.EMPTY),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj", Status.NOT_HTML),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), Status.NOT_HTML),
    (b"\x1f\x8b\x08\x00" + bytes(100), Status.NOT_HTML),
    (bytes(range(256)) * 20, Status.NOT_HTML),
])
def test_bad_input_gets_a_status(data: bytes, status: Status) -> None:
    assert extract(data).status == status


def test_truncated_page_still_extracts() -> None:
    data = ARTICLE.encode()
    cut = data[: data.index(b"</article>") - 20]
    doc = extract(cut)
    assert doc.status == Status.OK
    assert doc.text.startswith(PROSE)


def test_deep_nesting_returns_a_document() -> None:
    data = ("<div>" * 100_000 + f"<p>{PROSE}</p>" + "</div>" * 100_000).encode()
    doc = extract(data)
    assert doc.status == Status.OK
    assert doc.text == PROSE


def test_large_page_is_extracted_and_limit_reports_too_large() -> None:
    big = page(f"<p>{PROSE}</p>" * 130_000).encode()  # over 20 MB
    assert len(big) > 20_000_000
    assert extract(big, options=Options(max_bytes=10_000_000)).status == Status.TOO_LARGE
    assert extract(big).status == Status.OK


def test_node_limit_reports_too_large() -> None:
    doc = extract(page("<p>x</p>" * 10_000), options=Options(max_nodes=1000))
    assert doc.status == Status.TOO_LARGE


def test_time_budget_reports_timeout() -> None:
    doc = extract(ARTICLE, options=Options(time_budget=1e-9))
    assert doc.status == Status.TIMEOUT


def test_page_without_body_text_is_empty() -> None:
    doc = extract(page("<nav><a href=/>Home</a></nav>"))
    assert doc.status == Status.EMPTY
    assert doc.text == ""


def test_deterministic() -> None:
    assert extract(ARTICLE) == extract(ARTICLE)


def test_explain_trace_has_every_block_with_a_reason() -> None:
    doc = extract(ARTICLE, options=Options(explain=True))
    assert doc.trace, "explain must fill the trace"
    assert all(b.reason for b in doc.trace)
    kept = [b for b in doc.trace if b.kept]
    assert [b.text for b in kept] == [b.text for b in doc.blocks]
    dropped = {b.text: b.reason for b in doc.trace if not b.kept}
    assert dropped["Budget"] == "headline"
    assert extract(ARTICLE).trace == ()


def test_tables_option() -> None:
    table = "<table><tr><td>Ann</td><td>31</td></tr><tr><td>Bob</td><td>42</td></tr></table>"
    html = page(f"<article><p>{PROSE}</p>{table}<p>{PROSE}</p></article>")
    assert "Ann | 31" in extract(html).text
    assert "Ann | 31" not in extract(html, options=Options(include_tables=False)).text


def gold(set_name: str, page_id: str, datasets: Path) -> dict[str, object]:
    for line in (datasets / set_name / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == page_id:
            return record  # type: ignore[no-any-return]
    raise KeyError(page_id)


def test_bundled_chinese_example_meets_the_output_contract(datasets: Path) -> None:
    """The example page is a dev-set page: judge it against its hand-made gold."""
    from benchmarks.metric import leak_lines, page_counts

    record = gold("zh-dev", "eventsmachine-gn-news-chinanews", datasets)
    data = (REPO / "examples" / "zh-article.html").read_bytes()
    assert data == (datasets / "zh-dev" / "pages" /
                    "eventsmachine-gn-news-chinanews.html").read_bytes()
    doc: Document = extract(data)
    assert doc.title == record["title"]
    assert doc.editor == record["editor"]
    assert page_counts(str(record["text"]), doc.text).f1 > 0.95
    assert not leak_lines(doc.text, str(record["text"]))


def test_random_bytes_are_not_html() -> None:
    import random

    rng = random.Random(7)
    statuses = [extract(rng.randbytes(100)).status for _ in range(200)]
    assert statuses.count(Status.OK) <= 2  # noise that happens to read as words and tags


def test_plain_text_without_markup_is_still_a_page() -> None:
    assert extract(b"Just a plain text note, with words and numbers 123.").status == Status.OK
    assert extract("纯文本的一段话，没有标签，但有足够的文字。".encode()).status == Status.OK


def _fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (nothing compiled yet) and return its output."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    return done.stdout.strip()


_PATTERNS_COMPILED = """
from cleanweb.rules.text import TEXT_RULES
n = len(TEXT_RULES)
print(sum(TEXT_RULES.lazy(i)._pattern is not None for i in range(n)), n)
"""


def test_import_compiles_no_pattern_and_compile_rules_compiles_all() -> None:
    assert _fresh("import cleanweb\n" + _PATTERNS_COMPILED).split()[0] == "0"
    done, total = _fresh("import cleanweb\ncleanweb.compile_rules()\n" + _PATTERNS_COMPILED).split()
    assert done == total


def test_first_page_is_not_charged_for_compiling() -> None:
    # compiling takes a good part of a second; a 50 ms budget only holds if it is not counted
    out = _fresh(
        "import cleanweb\n"
        "doc = cleanweb.extract(b'<html><body><p>' + b'Some words here. ' * 50 + b'</p>',"
        " options=cleanweb.Options(time_budget=0.05))\n"
        "print(doc.status.value)\n"
    )
    assert out == "ok"
