"""Fallback stage: the recall retry on pages whose body came out empty or very short."""

from __future__ import annotations

import json

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


def ld_page(body: str, article_body: str) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Council votes on the budget", "articleBody": article_body})
    return page(body, head=f"<title>T</title><script type='application/ld+json'>{ld}</script>")


def test_a_very_short_body_gives_way_to_the_json_ld_article_body() -> None:
    # The page shows a one-line teaser; its markup holds the article.
    html = ld_page("<article><p>The council met on Tuesday.</p></article>",
                   f"{PROSE.strip()}\n\n{PROSE.strip()}")
    doc = extract(html, options=Options(explain=True))
    assert doc.text == "\n".join([PROSE.strip()] * 2)
    assert {b.reason for b in doc.trace} == {"fallback.jsonld"}
    assert doc.region is not None and "fallback.jsonld" in doc.region
    # Written as markup, its blocks are paragraphs and its tags go.
    marked = ld_page("<article><p>The council met on Tuesday.</p></article>",
                     f"<p>{PROSE.strip()}</p><div>{PROSE.strip()}<br>Members <b>argued</b> "
                     "for hours &amp; more.</div>")
    assert extract(marked).text == "\n".join(
        [PROSE.strip(), PROSE.strip(), "Members argued for hours & more."])


def test_the_json_ld_body_is_no_match_for_a_body_of_some_length() -> None:
    shown = f"<article><p>{PROSE}</p><p>{PROSE}</p></article>"
    assert extract(ld_page(shown, PROSE * 10)).text == "\n".join([PROSE.strip()] * 2)
    # Nor for a short body when it is not clearly longer.
    short = "<article><p>The council met on Tuesday to discuss the new budget.</p></article>"
    assert extract(ld_page(short, PROSE)).text == (
        "The council met on Tuesday to discuss the new budget.")
