"""Segment stage on small synthetic pages."""

from __future__ import annotations

import pytest
from conftest import page

from cleanweb.errors import Budget, Stop
from cleanweb.rules import structure as st
from cleanweb.rules.base import name_words
from cleanweb.site_rules import ElementRule
from cleanweb.stages import parse as dom
from cleanweb.stages.page import Segmented
from cleanweb.stages.segment import (
    HOLD_SCAN,
    LINK_RUN_UNITS,
    holds_block,
    segment,
    value_naming,
)


def seg(body: str, max_nodes: int = 10**6) -> Segmented:
    tree = dom.parse(page(body))
    assert tree.body is not None
    return segment(tree.body, Budget(None), max_nodes)


def texts(body: str) -> list[str]:
    return [s.text for s in seg(body).segs]


def test_block_elements_split_inline_elements_join() -> None:
    assert texts("<p>One <b>bold</b> word</p><div>Two</div>") == ["One bold word", "Two"]


def test_text_before_and_after_a_nested_block() -> None:
    assert texts("<div>before<p>inner</p>after</div>") == ["before", "inner", "after"]


def test_br_splits_lines() -> None:
    assert texts("<p>line one<br>line two<br/><br>line three</p>") == [
        "line one", "line two", "line three"]


def test_kinds() -> None:
    out = seg("<h2>Head</h2><ul><li>item <p>para in item</p></li></ul>"
              "<blockquote><p>quoted</p></blockquote><pre>x = 1\n  y = 2</pre>"
              "<figure><img src=a.jpg><figcaption>cap</figcaption></figure>")
    assert [(s.kind, s.text) for s in out.segs] == [
        ("heading", "Head"), ("list_item", "item"), ("list_item", "para in item"),
        ("quote", "quoted"), ("code", "x = 1\n  y = 2"), ("caption", "cap")]
    assert out.segs[0].level == 2


def test_table_rows_merge_cells() -> None:
    out = seg("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>")
    assert [(s.kind, s.text) for s in out.segs] == [
        ("table_row", "Name | Age"), ("table_row", "Ann | 31")]


def test_layout_cell_with_paragraphs_does_not_merge() -> None:
    out = seg("<table><tr><td>menu</td><td><p>first</p><p>second</p></td></tr></table>")
    assert [s.kind for s in out.segs] == ["paragraph"] * 3


def test_scripts_styles_and_hidden_elements_are_skipped() -> None:
    body = ("<script>var a='x';</script><style>p{}</style><p>seen</p>"
            "<div style='display: none'>hidden</div><p hidden>also hidden</p>"
            "<noscript>enable js</noscript>")
    assert texts(body) == ["seen"]


def test_link_units_counted() -> None:
    (s,) = seg("<p>read <a href=#>the full story</a> now</p>").segs
    assert (s.units, s.link_units) == (5, 3)


def test_link_units_count_each_anchor_apart() -> None:
    # the texts of neighbouring anchors must not join into one word ("HomeAboutContact")
    (s,) = seg("<p><a href=/>Home</a> | <a href=/a>About</a>\n<a href=/c>Contact</a></p>").segs
    assert (s.text, s.units, s.link_units) == ("Home | About Contact", 4, 3)


def test_an_anchor_running_longer_than_a_title_is_no_link_text() -> None:
    prose = " ".join(["word"] * LINK_RUN_UNITS)
    (s,) = seg(f"<p><a href=/x>{prose}</a></p>").segs
    assert s.link_units == LINK_RUN_UNITS  # a title at most: still link text
    (s,) = seg(f"<p><a href=/x>{prose} more</a> | <a href=/y>Next</a></p>").segs
    assert (s.units, s.link_units) == (LINK_RUN_UNITS + 3, 1)
    # An unclosed <a> is opened again inside every paragraph after it.
    out = seg(f"<a href=/x>Home</a><p><a href=/forum>Post one: {prose} more.<p>{prose} end.")
    assert [x.link_units for x in out.segs] == [1, 0, 0]


def test_nearest_chrome_ancestor_recorded() -> None:
    out = seg("<div class='article'><p>body text</p><div class='share-bar'><p>Share</p></div>"
              "</div><nav><a href=/>Home</a></nav>")
    body, share, nav = out.segs
    assert body.chrome is None and body.chrome_at == -1
    assert share.chrome == "class.share"
    assert nav.chrome == "tag.nav"
    assert out.containers[share.chrome_at].chrome == "class.share"


def test_chrome_names_match_whole_parts_only() -> None:
    out = seg("<div class='canvas-wrap'><p>a</p></div><div class='header-ad'><p>b</p></div>")
    assert out.segs[0].chrome is None
    assert out.segs[1].chrome == "class.ad"


def test_caption_class_and_image_neighbours() -> None:
    out = seg("<p>before</p><img src=x.jpg><p class='pic-txt'>the caption</p><p>after</p>")
    before, caption, after = out.segs
    assert caption.caption and not before.caption
    assert caption.after_image and not before.after_image and not after.after_image


def test_cjk_source_line_breaks_vanish_latin_become_spaces() -> None:
    assert texts("<p>中文\n  句子</p><p>two\nwords</p>") == ["中文句子", "two words"]


def test_container_table_is_a_tree_in_preorder() -> None:
    out = seg("<div><section><p>a</p></section><p>b</p></div>")
    for idx, cont in enumerate(out.containers[1:], start=1):
        assert cont.parent < idx <= cont.end
        parent = out.containers[cont.parent]
        assert parent.end >= cont.end


def test_custom_elements_inside_a_sentence_join_it() -> None:
    assert texts("<p>中文<x-hl>重点</x-hl>内容…</p>") == ["中文重点内容…"]
    # Office smart tags and namespaced elements: unknown to HTML, inline in a browser.
    assert texts("<p>Held in <st1:place>Paris</st1:place> in May.<o:p></o:p></p>") == [
        "Held in Paris in May."]


def test_custom_elements_holding_blocks_are_containers() -> None:
    out = seg("<x-card><x-meta><span>by Ann</span></x-meta><div><p>body</p></div></x-card>"
              "<p>after</p>")
    tags = [c.tag for c in out.containers]
    assert tags == ["body", "x-card", "div", "p", "p"]
    by, body, after = out.segs
    assert (by.text, by.container) == ("by Ann", 1)
    assert out.containers[body.container].parent == 2
    assert after.container == 4


def test_a_named_custom_element_is_a_block_of_its_own() -> None:
    assert texts("<p>one<x-share class='share-bar'>Share</x-share>two</p>") == [
        "one", "Share", "two"]


def test_unknown_elements_are_judged_by_their_first_nodes_only() -> None:
    # A block past the look-ahead leaves the element inline: its blocks still split
    # the text, only the wrapper has no container of its own.
    late = "<i>x</i>" * HOLD_SCAN
    out = seg(f"<x-list>{late}<p>late block</p></x-list>")
    assert [c.tag for c in out.containers] == ["body", "p"]
    assert holds_block(dom.parse(page(f"<x-a>{late}<p>b</p></x-a>")).css_first("x-a")) is False
    assert holds_block(dom.parse(page("<x-a><i>x</i><p>b</p></x-a>")).css_first("x-a"))


def test_deeply_nested_custom_elements_are_walked() -> None:
    out = seg("<x-a>" * 5000 + "deep <x-b>text</x-b>" + "</x-a>" * 5000)
    assert [s.text for s in out.segs] == ["deep text"]


def test_ruby_annotations_leave_the_text() -> None:
    assert texts("<p><ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字和<ruby>漢<rt>かん</rt>"
                 "</ruby>字</p><p><RUBY>字<RT>zì</RT></RUBY>母</p>") == ["汉字和漢字", "字母"]


def test_screen_reader_text_is_skipped_and_the_sentence_stays_whole() -> None:
    assert texts("<p>Read more<span class='sr-only'> about the budget</span> here.</p>"
                 "<h2 class='u-visually-hidden'>Navigation</h2><p>Next</p>") == [
        "Read more here.", "Next"]
    assert texts("<p>Shown <span class='hidden'>later</span> text</p>") == ["Shown later text"]


def test_node_limit_stops_the_walk() -> None:
    with pytest.raises(Stop) as stop:
        seg("<p>x</p>" * 5000, max_nodes=100)
    assert stop.value.status == "too_large"


def test_deep_nesting_is_walked_without_recursion() -> None:
    out = seg("<div>" * 20000 + "deep text" + "</div>" * 20000)
    assert [s.text for s in out.segs] == ["deep text"]


def test_name_words_in_their_three_tiers() -> None:
    words = name_words("main-nav_2 ad1 side-bar x:y/z.w")
    plain = ["main", "nav", "2", "ad1", "side", "bar", "x", "y", "z", "w"]
    assert words[: len(plain)] == plain
    assert words[len(plain)] == "ad"  # trailing number dropped, after every plain word
    assert "sidebar" in words[len(plain) + 1:] and "mainnav2" in words
    assert "nav" not in name_words("canvas")


def test_value_naming_first_word_decides_and_unknown_values_name_nothing() -> None:
    assert value_naming("totally-unrelated words") == (None, None, False)
    chrome, role, content = value_naming("site-nav article-body")
    assert chrome is not None and role is None and content
    assert value_naming("side-bar")[0] == value_naming("sidebar")[0] is not None


CHROME_NAMES = {name for rule in st.CLASS_RULES for name in rule.names.split()}


@pytest.mark.parametrize("value", [ex for rule in st.NAME_FILTERS for ex in rule.examples])
def test_tokens_a_filter_leaves_unread_name_nothing(value: str) -> None:
    assert CHROME_NAMES & set(name_words(value))  # read word by word, it names chrome
    assert value_naming(value)[0] is None


def test_name_filters_leave_the_other_tokens_and_look_alikes_alone() -> None:
    post = "post-9749 post type-post status-publish hentry category-social-media tag-ads"
    assert value_naming(post) == (None, None, True)  # "post" still names content
    assert value_naming(post + " share-bar")[0] == "class.share"
    assert value_naming("tag-cloud")[0] == value_naming("taxonomy tag-list")[0] == "class.tags"
    assert value_naming("section-nav")[0] == "class.nav"
    assert value_naming("widget html")[0] == value_naming("widget blog-list")[0] == "class.sidebar"


def test_naming_memos_give_what_a_fresh_computation_gives() -> None:
    from cleanweb.stages.segment import clear_naming_memos, element_naming, value_naming

    clear_naming_memos()
    first = element_naming("div", "site-nav article-body", "main", None)
    assert element_naming.cache_info().currsize == 1
    assert element_naming("div", "site-nav article-body", "main", None) is first  # memo hit
    clear_naming_memos()
    assert element_naming.cache_info().currsize == value_naming.cache_info().currsize == 0
    again = element_naming("div", "site-nav article-body", "main", None)
    assert again == first and again is not first
    assert first.chrome is not None and not first.collapsible  # content-named too


def test_long_class_values_are_named_alike_but_never_kept_in_the_memos() -> None:
    from cleanweb.stages.segment import (
        MEMO_VALUE_CHARS,
        clear_naming_memos,
        element_naming,
        naming_of,
        value_naming,
    )

    clear_naming_memos()
    short, main = naming_of("div", "site-nav", None, None), naming_of("div", None, "main", None)
    sizes = (element_naming.cache_info().currsize, value_naming.cache_info().currsize)
    padding = " x" * MEMO_VALUE_CHARS
    long = naming_of("div", "site-nav" + padding, None, None)
    assert long == short and long.chrome is not None
    assert naming_of("div", None, "main" + padding, None) == main
    assert naming_of("div", "x" * 5_000_000, None, None).chrome is None  # a hostile value
    assert (element_naming.cache_info().currsize, value_naming.cache_info().currsize) == sizes


def test_cjk_line_breaks_vanish_exactly_where_the_plain_rule_says() -> None:
    # the plain rule: spaces/tabs, a line break and any whitespace between two CJK
    # characters go; everything else is squashed to single spaces
    import random
    import re

    from cleanweb.measures import squash
    from cleanweb.stages.segment import _CJK, _clean

    plain = re.compile(f"(?<={_CJK})[ \\t]*\\n\\s*(?={_CJK})")
    assert _clean("中 \t\n  文\nb \n c") == "中文 b c"
    assert _clean("“引”\r\n文") == "“引” 文"  # a carriage return is no bare line break
    rng = random.Random(7)
    alphabet = ["中", "，", "“", "a", " ", "\t", "\n", "\r", "\u3000", "\xa0", "\U00020001"]
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _clean(s) == squash(plain.sub("", s)), repr(s)


def test_site_decisions_come_from_the_table_not_from_the_page() -> None:
    html = page("<div id='a' data-cleanweb-rule='main:x'><p>one</p></div>"
                "<div id='b'><p>two</p></div><div id='c' class='share'><p>three</p></div>")
    tree = dom.parse(html)
    assert tree.body is not None
    assert segment(tree.body, Budget(None), 10**6).main == -1  # the page's attribute is text
    b, c = tree.css_first("#b"), tree.css_first("#c")
    assert b is not None and c is not None
    table = {b.mem_id: ElementRule("main", "t.main"), c.mem_id: ElementRule("caption", "t.cap")}
    out = segment(tree.body, Budget(None), 10**6, table)
    main = out.containers[out.main]
    assert (main.tag, main.site_rule) == ("div", "t.main")
    assert [s.text for s in out.segs if out.main <= s.container <= main.end] == ["two"]
    three = out.segs[-1]
    assert three.caption and three.chrome is None  # the site's caption overrides "share"
