"""Fallback stage: the recall retry on pages whose body came out empty or very short."""

from __future__ import annotations

from conftest import page

from cleanweb import extract
from cleanweb.options import Options

PROSE = ("The council met on Tuesday to discuss the new budget, which includes more money "
         "for schools and roads. Members argued for hours before the vote was taken. ")
MENU = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
NOTICE = "Copyright © 2024 Example News Ltd. All rights reserved."


def test_a_region_the_text_rules_empty_gives_way_to_the_runner_up() -> None:
    # The notice block outscores the article, and the finish stage drops all of it.
    notices = "".join(f"<p>{NOTICE}</p>" for _ in range(8))
    html = page(f"<ul>{MENU}</ul><div class='a'>{notices}</div>"
                f"<div class='b'><p>{PROSE}</p><p>{PROSE}</p></div>")
    doc = extract(html, options=Options(explain=True))
    assert doc.text == "\n".join([PROSE.strip()] * 2)
    assert doc.region is not None and "fallback.retry" in doc.region
    assert {b.reason for b in doc.trace if b.text == NOTICE} == {"region.outside"}


def test_no_retry_for_a_short_article_or_a_runner_up_with_little_more() -> None:
    # A short real article stays, though a box beside it holds more text.
    short = "The pool on the harbour front shuts in May, the council said on Tuesday."
    more = "<a href='/m'>More from the council budget meeting on Tuesday</a>"
    html = page(f"<ul>{MENU}</ul><article><p>{short}</p></article>"
                f"<div class='box'><p>{PROSE}{more}</p></div>")
    doc = extract(html, options=Options(explain=True))
    assert doc.text == short
    assert doc.region is not None and "fallback" not in doc.region
