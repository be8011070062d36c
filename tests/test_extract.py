"""extract() end to end: statuses for bad input, options, determinism, a real page."""

from __future__ import annotations

import array
from collections.abc import Callable

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
    with pytest.raises(TypeError, match="bytes-like"):
        extract(123)  # type: ignore[arg-type]


@pytest.mark.parametrize("wrap", [bytearray, memoryview, lambda b: array.array("B", b),
                                  lambda b: memoryview(bytearray(b))[0:]])
def test_every_bytes_like_input_is_accepted(wrap: Callable[[bytes], object]) -> None:
    data = ARTICLE.encode()
    assert extract(wrap(data)) == extract(data)  # type: ignore[arg-type]


def test_legacy_bytes_in_a_bytearray_are_decoded_too() -> None:
    data = page("<p>Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9 \u2014 d\xe9j\xe0 vu.</p>",
                head='<meta charset="windows-1252">').encode("cp1252")
    doc = extract(bytearray(data))
    assert (doc.encoding, doc.encoding_source) == ("windows-1252", "meta")


@pytest.mark.parametrize("kwargs", [{"options": {"favor": "recall"}}, {"url": 5},
                                    {"http_charset": 5}])
def test_other_arguments_of_the_wrong_type_are_a_clear_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError, match=next(iter(kwargs))):
        extract(ARTICLE.encode(), **kwargs)  # type: ignore[arg-type]


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


def test_explain_names_the_region_the_blocks_were_judged_by() -> None:
    doc = extract(ARTICLE, options=Options(explain=True))
    assert doc.region is not None and doc.region.startswith(
        "body > article, blocks 2-4, region.best, score=")
    outside = [i for i, b in enumerate(doc.trace, 1) if b.reason == "region.outside"]
    assert outside == [1, 5]  # the nav and the footer
    assert doc.to_dict()["region"] == doc.region
    plain = extract(ARTICLE)
    assert plain.region is None and "region" not in plain.to_dict()


def test_tables_option() -> None:
    table = "<table><tr><td>Ann</td><td>31</td></tr><tr><td>Bob</td><td>42</td></tr></table>"
    html = page(f"<article><p>{PROSE}</p>{table}<p>{PROSE}</p></article>")
    assert "Ann | 31" in extract(html).text
    assert "Ann | 31" not in extract(html, options=Options(include_tables=False)).text


# examples/zh-article.html was written for cleanweb (a GBK page with the usual chrome); this is
# its article as written, by the output contract.
EXAMPLE_ZH = {
    "title": "城南旧厂房改建为社区图书馆 开馆首月接待读者三万人次",
    "date": "2024-03-18 09:42:15", "author": "林晓", "source": "示例日报", "editor": "周宁",
    "captions": ["图为改建后的图书馆二层阅览区，保留了原厂房的锯齿形屋顶。林晓 摄",
                 "小读者在一层儿童阅读区看书。林晓 摄"],
}
EXAMPLE_ZH_TEXT = [
    "本报讯（记者 林晓）由城南一座闲置纺织厂房改建而成的社区图书馆上月正式开馆。据馆方统计，"
    "开馆首月共接待读者三万余人次，办理借阅证四千余张，周末高峰时段阅览区的座位基本坐满。",
    "这座厂房建于上世纪七十年代，曾是当地规模较大的纺织车间，停产后闲置了十多年。改建过程中，"
    "设计团队保留了原有的红砖外墙、锯齿形屋顶和部分旧机器，在车间内部加建了两层钢结构阅览平台，"
    "使建筑面积从两千平方米增加到三千六百平方米。",
    "“我们希望读者走进来时，还能感受到这里过去的样子。”项目负责人介绍，屋顶的天窗在改造时全部"
    "换成了节能玻璃，白天阅览区基本不需要开灯；原来的锅炉房则改成了可以容纳八十人的报告厅。",
    "图书馆目前藏书约十二万册，其中少儿图书占三分之一。一层设有儿童阅读区和亲子活动室，二层为"
    "成人阅览区和自习区，三层是地方文献室，收藏了城南地区的老照片、厂志和口述历史资料。",
    "家住附近的退休教师王女士几乎每天都来。她说，以前借书要坐四十分钟公交车去市图书馆，现在步行"
    "十分钟就到了，“孙子放学后也喜欢来这里写作业，比在家里专心。”",
    "为了方便上班族，图书馆实行错时开放，工作日开放时间为上午十点至晚上九点，周末为上午九点至"
    "晚上八点。馆内设有二十四小时自助借还机，读者凭身份证即可办理借阅证，每证最多可借十册图书，"
    "借期一个月。",
    "区文化部门表示，今年还将利用闲置厂房、仓库等空间再建三座社区图书馆，并推动辖区内各图书馆"
    "实现通借通还，让居民在家门口就能读到好书。",
]


def test_bundled_chinese_example_meets_the_output_contract() -> None:
    """The example page was written for the project, so its article is known: judge the
    extraction against it (body, captions, metadata, no chrome, GBK decoded from <meta>)."""
    from benchmarks.metric import leak_lines, page_counts

    doc: Document = extract((REPO / "examples" / "zh-article.html").read_bytes())
    assert (doc.encoding, doc.encoding_source) == ("gbk", "meta")
    for name, value in EXAMPLE_ZH.items():
        got = list(getattr(doc, name)) if name == "captions" else getattr(doc, name)
        assert got == value, name
    gold = "\n".join(EXAMPLE_ZH_TEXT)
    assert page_counts(gold, doc.text).f1 > 0.95
    assert not leak_lines(doc.text, gold)


def test_random_bytes_are_not_html() -> None:
    import random

    rng = random.Random(7)
    statuses = [extract(rng.randbytes(100)).status for _ in range(200)]
    assert statuses.count(Status.OK) <= 2  # noise that happens to read as words and tags


def test_plain_text_without_markup_is_still_a_page() -> None:
    assert extract(b"Just a plain text note, with words and numbers 123.").status == Status.OK
    assert extract("纯文本的一段话，没有标签，但有足够的文字。".encode()).status == Status.OK


def test_ruby_readings_are_in_neither_the_title_nor_the_body() -> None:
    kanji = "<ruby>漢<rt>かん</rt></ruby><ruby>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>"
    line = f"{kanji}を学ぶ子どもたちは、毎日新しい言葉を覚えています。"
    doc = extract(page(f"<article><h1>{kanji}を学ぶ</h1><p>{line * 3}</p><p>{line}</p></article>",
                       head="<title>漢字を学ぶ | ニュース</title>"))
    sentence = "漢字を学ぶ子どもたちは、毎日新しい言葉を覚えています。"
    assert doc.text == f"{sentence * 3}\n{sentence}"
    assert doc.title is not None and not set("かんじ()") & set(doc.title)


THAI = ("ประเทศไทยมีประวัติศาสตร์ยาวนานและวัฒนธรรมที่หลากหลาย "
        "ผู้คนจากทั่วโลกเดินทางมาเยี่ยมชมวัดและตลาดน้ำที่มีชื่อเสียง "
        "อาหารไทยเป็นที่รู้จักไปทั่วโลกเพราะรสชาติที่กลมกล่อม")


def test_a_thai_article_outweighs_a_short_english_box() -> None:
    # Thai puts spaces between phrases only: its paragraphs must weigh by their letters
    links = "".join(f"<li><a href=/{i}>หมวด {i}</a></li>" for i in range(8))
    note = "<div class='note'><p>Open daily, from nine to five. Closed on holidays.</p></div>"
    story = f"<div class='story'><p>{THAI}</p><p>{THAI}</p><p>{THAI}</p></div>"
    doc = extract(page(f"<ul>{links}</ul>{note}{story}"))
    assert doc.text == f"{THAI}\n{THAI}\n{THAI}"


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


def test_a_page_titled_by_its_section_gets_its_heading_as_title_and_not_in_the_body() -> None:
    prose = ("今年春天，本市在城区新建了十二座社区公园，居民步行十分钟即可到达一处绿地。"
             "园林部门介绍，这些公园大多利用闲置地块改造而成，种植了本地树种，并配套建设了健身步道。")
    html = (f"<html><head><title>某某大学新闻网</title></head><body>"
            f"<div><a href=/>首页</a> <a href=/n>新闻</a></div><div class=content>"
            f"<p align=center><strong>城区新建十二座社区公园</strong></p>"
            f"<p>{prose}</p><p>{prose}</p></div></body></html>")
    doc = extract(html.encode())
    assert doc.title == "城区新建十二座社区公园"
    assert doc.text == f"{prose}\n{prose}"
