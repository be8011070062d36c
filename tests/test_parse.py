"""Parse stage: the page's own UTF-8 bytes parse to the same tree as its text, including
when a guard has to rewrite the text first."""

from __future__ import annotations

import pytest

from cleanweb.stages import parse as dom


def _html(text: str, with_bytes: bool) -> str:
    tree = dom.parse(text, None, text.encode("utf-8") if with_bytes else None)
    return str(tree.html)


DEEP = "<div>" * (dom.MAX_DEPTH + dom.DEPTH_CHECK_TAGS) + "deep text"
HUGE_TAG = ('<p><span ' + " ".join(f'a{i}="v"' for i in range(dom.ATTRIBUTE_CHECK + 10))
            + '>kept</span> caf\u00e9</p>')
RUNAWAY_TITLE = "<html><head><title>x" + "<p>\u4e2d\u6587 text</p>" * 200


@pytest.mark.parametrize("text", [
    "<html><body><p>caf\u00e9 \u4e2d\u6587 \U0001f600</p></body></html>",
    DEEP,
    HUGE_TAG,
    RUNAWAY_TITLE,
], ids=["plain", "deep", "huge-tag", "runaway-title"])
def test_bytes_and_text_parse_alike(text: str) -> None:
    assert _html(text, with_bytes=True) == _html(text, with_bytes=False)


def test_guards_rewrite_the_text_the_bytes_would_have_bypassed() -> None:
    deep = dom.parse(DEEP, None, DEEP.encode())
    assert deep.body is not None and deep.body.html is not None
    assert deep.body.html.count("<div>") <= dom.MAX_DEPTH
    huge = dom.parse(HUGE_TAG, None, HUGE_TAG.encode())
    assert "a1=" not in str(huge.html) and "kept" in str(huge.html)


@pytest.mark.parametrize("offset", [0, 1, 9_999, 10_000, 10_001, 23_456])
def test_a_tag_of_max_length_anywhere_is_noticed(offset: int) -> None:
    tag = "<p " + "a" * dom.MAX_TAG_CHARS + ">"
    page = "<b>x</b>" * (offset // 8) + "y" * (offset % 8) + tag + "<i>z</i>" * 3000
    assert dom._may_hold_huge_tag(page) and dom._may_hold_huge_tag(page.encode())


def test_pages_whose_tags_all_close_soon_skip_the_attribute_count() -> None:
    page = "<p class='x' id='y'>text</p>" * 5000
    assert not dom._may_hold_huge_tag(page) and not dom._may_hold_huge_tag(page.encode())
    assert not dom._may_hold_huge_tag("")


def test_a_page_opening_more_elements_than_allowed_is_refused_before_parsing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanweb import Options, Status, extract
    from cleanweb.errors import Stop

    count = dom.DEPTH_CHECK_TAGS + 5_000
    page = "<html><body>" + "<p>a</p><br>" * count + "</body></html>"
    with pytest.raises(Stop):
        dom.parse(page, None, None, max_elements=count - 1)
    assert dom.parse(page, None, None, max_elements=count + 2).body is not None  # html, body
    # Through extract: the same refusal, and the parser is never called.
    monkeypatch.setattr(dom, "LexborHTMLParser", None)
    assert extract(page, options=Options(max_nodes=count - 1)).status is Status.TOO_LARGE
