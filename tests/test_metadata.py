"""page_metadata on synthetic pages, plus the zh-dev gold as an honest check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import skip_without_data
from selectolax.lexbor import LexborHTMLParser

from cleanweb.measures import squash
from cleanweb.rules.base import patterns, search
from cleanweb.rules.metadata import ZONE_RULES
from cleanweb.stages.decode import decode
from cleanweb.stages.metadata import page_metadata
from cleanweb.stages.metadata.headline import strip_site_suffix
from cleanweb.stages.metadata.marked import find_marked
from cleanweb.stages.metadata.nodes import ZONE_VISIT, following, short_text, text_of, visible_text
from cleanweb.stages.metadata.record import Found, Metadata, settle
from cleanweb.stages.metadata.tags import machine_date
from cleanweb.stages.metadata.zone import may_credit

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def meta_of(html: str):  # type: ignore[no-untyped-def]
    return page_metadata(LexborHTMLParser(html))


PORTAL = """<html lang="zh-CN"><head><title>某地复工记:抢先机 盼春归_某某新闻网</title>
<meta property="article:published_time" content="2020-02-26T16:12:05+08:00">
<meta name="author" content="某某网"></head><body>
<div class="logo"><h1 class="site-logo">某某新闻网</h1></div>
<h1>某地复工记:抢先机 盼春归</h1>
<div class="info">2020年02月26日 16:12　来源: <a href="#">某某日报</a> 参与互动</div>
<p>某地2月26日电(记者 某某)当前，如何让社会经济尽快步入正轨，成为各地关注的问题。</p>
<div class="editor">【编辑:某编辑】</div></body></html>"""


def test_portal_page() -> None:
    m = meta_of(PORTAL)
    assert m.title == "某地复工记:抢先机 盼春归"
    assert (m.date, m.date_iso) == ("2020年02月26日 16:12", "2020-02-26T16:12:00")
    assert m.source == "某某日报"
    assert m.editor == "某编辑"
    assert m.author is None  # meta author is the site itself
    assert (m.declared_lang, m.lang) == ("zh-CN", None)  # decided once the body is known


def test_hostile_sizes_are_read_only_as_far_as_they_matter() -> None:
    from cleanweb.stages.metadata import MAX_TITLE_CHARS

    # A huge <title>: its start is the title.
    meta = meta_of(f"<html><head><title>{'Word ' * 400_000}</title></head><body><p>x</p>")
    assert meta.title is not None and len(meta.title) <= MAX_TITLE_CHARS
    assert meta.title.startswith("Word Word")
    # An unclosed <h1> holding the whole article is no headline: the <title> gives it.
    body = "<p>" + "A sentence of the article that runs on. " * 100 + "</p>"
    meta = meta_of(f"<html><head><title>Storm hits the coast</title></head><body>"
                   f"<h1>Storm hits the coast and more {body}")
    assert meta.title == "Storm hits the coast"
    # A datetime value of megabytes is no timestamp.
    meta = meta_of(f'<html><body><h1>T</h1><time class="date" datetime="{"2024" * 500_000}">'
                   "</time><p>x</p>")
    assert meta.date is None


def test_title_suffix_stripped_when_only_title_exists() -> None:
    html = "<html><head><title>女警打百个电话遭停机-某某新闻</title></head><body></body></html>"
    assert meta_of(html).title == "女警打百个电话遭停机"


@pytest.mark.parametrize(
    ("raw", "head"),
    [
        ("Markets rally on rate hopes | Example News", "Markets rally on rate hopes"),
        ("栏目|数据业大整顿：爬虫与现金贷共生_财经_某某网", "栏目|数据业大整顿：爬虫与现金贷共生"),
        ("某标题－频道－某网", "某标题"),
        ("A plain headline with no site", "A plain headline with no site"),
    ],
)
def test_strip_site_suffix(raw: str, head: str) -> None:
    assert strip_site_suffix(raw) == head


def test_kana_site_names_are_measured_like_chinese_ones() -> None:
    # a twelve-character site name is cut whatever its script: kana count one each
    assert strip_site_suffix("东京都知事选举的结果发表关于 | 某某某某某某某某新闻网站") == (
        "东京都知事选举的结果发表关于")
    assert strip_site_suffix("東京都知事選挙の結果発表について | ひらがなのニュースサイト") == (
        "東京都知事選挙の結果発表について")


def test_title_from_title_class_when_no_h1() -> None:
    html = """<html><head><title>一袭汉服，一架古筝，她只为传播文化</title></head><body>
    <div class="article-title"><h2>一袭汉服，一架古筝，她只为传播文化</h2></div>
    <p class="author-name">某账号</p><span class="date">发布时间：01-14</span><span>17:58</span>
    <p>这是正文的第一段，讲述了一位年轻人在异国他乡坚持传播中华文化的故事，令人感动。</p>
    </body></html>"""
    m = meta_of(html)
    assert m.title == "一袭汉服，一架古筝，她只为传播文化"
    assert m.date == "01-14 17:58"
    assert m.date_iso is None  # no year anywhere on the page
    assert m.author == "某账号"


def test_english_page_with_jsonld() -> None:
    html = """<html lang="en-GB"><head><title>Storm hits coast - Example Times</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm hits coast",
    "datePublished": "2020-03-03T10:00:00Z", "author": {"name": "Jane Doe"},
    "publisher": {"name": "Example Times"}, "articleBody": "A storm hit.\\nSchools closed."}
    </script></head><body>
    <h1>Storm hits coast</h1><p>A storm hit the coast on Tuesday. Residents were told to stay
    indoors while crews cleared the roads, and schools closed for the day.</p></body></html>"""
    m = meta_of(html)
    assert m.title == "Storm hits coast"
    assert m.date_iso == "2020-03-03T10:00:00Z"
    assert m.author == "Jane Doe"
    assert m.source == "Example Times"
    assert m.declared_lang == "en-GB"
    assert m.article_body == "A storm hit.\nSchools closed."  # as written, for the fallback


def test_hidden_header_text_is_skipped() -> None:
    html = """<html><head><title>某标题_某网</title></head><body><h1>某标题</h1>
    <div style="display:none">来源：隐藏的名字</div><div>2019-05-17 · <a>某来源</a></div>
    </body></html>"""
    m = meta_of(html)
    assert m.source == "某来源"
    assert m.date == "2019-05-17"


def test_empty_page() -> None:
    m = meta_of("<html><body></body></html>")
    assert m.title is None and m.date is None and m.declared_lang is None


def test_lang_from_meta_content_language() -> None:
    html = '<html><head><meta http-equiv="content-language" content="ja-JP"></head></html>'
    assert meta_of(html).declared_lang == "ja-JP"


def _gold() -> list[dict[str, str | None]]:
    path = DATASETS / "zh-dev" / "gold.jsonl"
    if not path.exists():
        skip_without_data(f"dataset not available at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_zh_dev_titles_and_dates() -> None:
    """Headline and visible date from the tree alone, against the hand-made gold."""
    gold = _gold()
    hits = {"title": 0, "date": 0}
    for page in gold:
        raw = (DATASETS / "zh-dev" / "pages" / f"{page['id']}.html").read_bytes()
        m = page_metadata(LexborHTMLParser(decode(raw).text))
        for key in hits:
            hits[key] += squash(getattr(m, key) or "") == squash(page[key] or "")
    assert hits["title"] / len(gold) >= 0.9
    assert hits["date"] / len(gold) >= 0.85


def _separately(tree: LexborHTMLParser) -> tuple[list[int], list[int], list[int]]:
    """What three separate CSS queries give, each node once (the reference for the
    single-walk scan)."""
    sources = '[class*="source"], [id*="source"], [class*="media_name"], [id*="media_name"]'
    ids = [
        list(dict.fromkeys(n.mem_id for n in tree.css(query)))[:cap]
        for query, cap in (("h1", 8), (sources, 10), ('[class*="edit"], [id*="editor"]', 10))
    ]
    return ids[0], ids[1], ids[2]


def _scanned(tree: LexborHTMLParser) -> tuple[list[int], list[int], list[int]]:
    found = find_marked(tree)
    return (
        [n.mem_id for n in found.h1s],
        [n.mem_id for n in found.sources],
        [n.mem_id for n in found.editors],
    )


def test_one_walk_finds_what_the_separate_queries_find() -> None:
    html = (
        '<h1 class="source-edit">标题</h1><div id="a_source"><span class="Editor">x</span></div>'
        + "".join(f'<p class="media_name credit">{i}</p><h1>{i}</h1>' for i in range(12))
        + '<div id="editor"><h1 class="editorial">y</h1></div>'
    )
    tree = LexborHTMLParser(html)
    assert _scanned(tree) == _separately(tree)
    h1s, sources, editors = _scanned(tree)
    assert (len(h1s), len(sources), len(editors)) == (8, 10, 10)


def test_one_walk_matches_separate_queries_on_real_pages() -> None:
    pages = sorted((DATASETS / "zh-dev" / "pages").glob("*.html"))
    if not pages:
        skip_without_data(f"dataset not available at {DATASETS / 'zh-dev'}")
    for path in pages:
        tree = LexborHTMLParser(decode(path.read_bytes()).text)
        assert _scanned(tree) == _separately(tree), path.name


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("<span>编辑：</span> <b>某某</b>", "编辑： 某某"),
        ("a" + " \n" * 400 + "b", "a b"),  # long only in whitespace: still short
        ("<p>" + "长" * 50 + "</p>" + " " * 300 + "<p>" + "文" * 50 + "</p>", None),
        ("字" * 81, None),
        ("字" * 80, "字" * 80),
    ],
)
def test_short_text_is_text_of_up_to_the_limit(inner: str, expected: str | None) -> None:
    node = LexborHTMLParser(f"<div>{inner}</div>").css_first("div")
    assert node is not None
    assert short_text(node, 80) == expected
    full = text_of(node)
    assert expected is None or full == expected
    assert expected is not None or len(full) > 80


WALK = """<html><body><div id="top"><h1>Headline <i>here</i></h1><p>one <b>two</b></p>
<!-- a comment --><script>var x = 1;</script><div hidden>gone</div>
<div style="display: none">gone too</div><span>three</span></div>
<div>four<noscript>no</noscript></div></body></html>"""


def test_following_walks_on_past_the_headline_in_document_order() -> None:
    tree = LexborHTMLParser(WALK)
    h1 = tree.css_first("h1")
    assert h1 is not None
    texts = [n.text_content for n in following(h1) if (n.text_content or "").strip()]
    assert texts == ["one ", "two", "three", "four"]  # not the headline's own words


def test_visible_text_stays_inside_its_node() -> None:
    tree = LexborHTMLParser(WALK)
    h1, top = tree.css_first("h1"), tree.css_first("#top")
    assert h1 is not None and top is not None
    assert visible_text(h1) == "Headline here"
    assert visible_text(top) == "Headline here one two three"


def test_following_stops_after_the_visit_budget() -> None:
    spans = "<span>x</span>" * ZONE_VISIT  # each span is two visits: element and text
    h1 = LexborHTMLParser(f"<body><h1>t</h1>{spans}</body>").css_first("h1")
    assert h1 is not None
    assert len(list(following(h1))) == ZONE_VISIT // 2


@pytest.mark.parametrize(
    "text",
    [
        "By Jane Doe", "BY STAFF", "记者 张三", "作者：李四", "撰文/王五", "责任编辑：赵六",
        "采写 某某", "执笔 某某", "原创 某某", "文/某某", "文", "（文）",
    ],
)  # fmt: skip
def test_may_credit_passes_what_the_credit_hint_finds(text: str) -> None:
    assert search(patterns(ZONE_RULES)["metadata.zone.credit"], text) is not None
    assert may_credit(text)


def test_may_credit_rejects_plain_header_lines() -> None:
    assert not may_credit("Nov. 19, 2019 8:03 am ET")
    assert not may_credit("来源：某某网")


def test_machine_date_gives_the_iso_form_of_the_meta_it_picks() -> None:
    metas = {"pubdate": "not a date", "date": "2020-02-26T16:12:05+08:00"}
    stamp = "2020-02-26T16:12:05+08:00"
    assert machine_date(metas, {}) == (stamp, stamp, "metadata.date.meta")
    assert machine_date({}, {"date": "2020-02-26"}) == ("2020-02-26", "2020-02-26",
                                                         "metadata.date.jsonld")
    assert machine_date({}, {}) is None


@pytest.mark.parametrize(("link", "source"), [("某某日报", "某某日报"), ("Email", None),
                                              ("Print", None), ("打印", None)])
def test_a_link_after_the_date_is_the_source_unless_it_is_a_button(
        link: str, source: str | None) -> None:
    meta = meta_of(f"<html><head><title>Storm hits the coast</title></head><body>"
                   f"<h1>Storm hits the coast</h1><div>2024-01-12 08:00 <a href='#'>{link}</a>"
                   f"</div><p>{'The storm knocked out power across the region overnight. ' * 4}"
                   f"</p></body></html>")
    assert meta.source == source


@pytest.mark.parametrize(("line", "source"), [
    ("Senin, 13 Mei 2024 13:24 WIB", None),
    ("3. Februar 2022 <a href='#' class='taxonomy-category'>Allgemein</a>", None),
    ("3. Februar 2022 <a href='#' class='outlet'>Kreisblatt</a>", "Kreisblatt"),
])
def test_a_dates_clock_zone_or_category_link_is_no_source(line: str, source: str | None) -> None:
    prose = "Der Sturm hat in der Nacht in der ganzen Region den Strom ausfallen lassen. " * 4
    meta = meta_of(f"<html><head><title>Sturm an der Küste</title></head><body>"
                   f"<h1>Sturm an der Küste</h1><div>{line}</div><p>{prose}</p></body></html>")
    assert meta.source == source


# ---------------------------------------------------------------- the one builder


def test_settle_overrides_fills_and_accumulates_with_the_deciding_rules() -> None:
    page = settle(Metadata(), [Found("title", "T", "metadata.title.h1"), None,
                               Found("editor", "甲", "metadata.editor.zone_label"),
                               Found("date_iso", None, "metadata.date.zone")], override=True)
    assert (page.title, page.editor, page.date_iso) == ("T", "甲", None)
    assert page.rules == (("title", "metadata.title.h1"), ("editor", "metadata.editor.zone_label"))
    # filling: a set field keeps its value and its rule; editors accumulate
    filled = settle(page, [Found("title", "U", "x.title"), Found("author", "乙", "x.author"),
                           Found("editor", "丙", "x.editor")])
    assert (filled.title, filled.author, filled.editor) == ("T", "乙", "甲、丙")
    assert filled.rules == (*page.rules, ("author", "x.author"), ("editor", "x.editor"))
    assert settle(filled, [Found("editor", "丙", "y"), Found("title", "V", "y")]) is filled
    # overriding: the new rule replaces the old one, and None clears the field
    site = settle(filled, [Found("title", "W", "site.a"), Found("author", None, "site.a")],
                  override=True)
    assert (site.title, site.author) == ("W", None)
    assert dict(site.rules) == {"title": "site.a", "editor": "x.editor"}
    assert [f for f, _ in site.rules].count("editor") == 2


def test_page_metadata_names_what_decided_each_field() -> None:
    m = meta_of(PORTAL)
    assert dict(m.rules) == {
        "title": "metadata.title.h1", "date": "metadata.date.zone",
        "date_iso": "metadata.date.zone", "source": "metadata.source.zone_label",
        "editor": "metadata.editor.element",
    }


# A page whose <title> names only the site: its article opens with a bold heading line.
SECTION_TITLE = """<html><head><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news"><b>新闻动态</b></a></div>
<div class="side"><b>通知公告</b><ul><li><a href="/1">关于假期安排的通知</a></li></ul></div>
<table><tr><td class="bt_title">城区新建十二座社区公园</td></tr>
<tr><td><p>今年春天，本市在城区新建了十二座社区公园，居民步行十分钟即可到达一处绿地。园林部门
介绍，这些公园大多利用闲置地块改造而成，种植了本地树种。</p></td></tr></table></body></html>"""


@pytest.mark.parametrize("title", ["某某大学新闻网", "某某网>新闻动态", "显示", "体育频道"])
def test_a_section_title_gives_way_to_the_heading_the_article_opens_with(title: str) -> None:
    meta = page_metadata(LexborHTMLParser(SECTION_TITLE.format(title=title)))
    # not the bold link in the menu, not the sidebar's heading over a link list
    assert meta.title == "城区新建十二座社区公园"
    assert dict(meta.rules)["title"] == "metadata.title.opening"


@pytest.mark.parametrize("title", ["秋天的第一场雨_某某网", "Example News"])
def test_an_article_title_is_kept(title: str) -> None:
    meta = page_metadata(LexborHTMLParser(SECTION_TITLE.format(title=title)))
    assert meta.title == strip_site_suffix(title)


def test_a_section_title_stays_when_no_heading_opens_prose() -> None:
    page = SECTION_TITLE.format(title="某某新闻网").replace("今年春天，", "").replace(
        "居民步行十分钟即可到达一处绿地。园林部门\n介绍，这些公园大多利用闲置地块改造而成，种植了本地树种。",
        "")
    assert page_metadata(LexborHTMLParser(page)).title == "某某新闻网"


def test_the_site_name_of_og_site_name_is_a_section_title() -> None:
    page = SECTION_TITLE.format(title="城市生活").replace(
        "</title>", '</title><meta property="og:site_name" content="城市生活">')
    assert page_metadata(LexborHTMLParser(page)).title == "城区新建十二座社区公园"


@pytest.mark.parametrize("title", ["原创 | 城区新建十二座社区公园_某某网",
                                   "【原创】城区新建十二座社区公园"])
def test_an_original_badge_is_no_part_of_the_title(title: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><p>正文。</p></body></html>"
    assert page_metadata(LexborHTMLParser(page)).title == "城区新建十二座社区公园"


@pytest.mark.parametrize("lead", ["By", "by", "BY", "Von", "and"])
def test_a_bylines_lead_word_in_its_own_element_is_no_author(lead: str) -> None:
    # Templates print "By" in an author-named element of its own and the name in the next;
    # the lead word alone was once taken for the name (whatever its case).
    m = meta_of(f"""<html><head><title>Rivers rise after rain</title></head><body>
<h1>Rivers rise after rain</h1>
<div class="article-byline"><span class="byline-prefix">{lead}</span>
<a class="author-name" href="/a/jane">Jane Roe</a></div>
<p>The river rose by two metres overnight after a week of rain in the hills.</p></body></html>""")
    assert m.author == "Jane Roe"
