"""Byline/credit/editor/source lines: every rule id on a synthetic line, and body text
that mentions the same words left alone."""

from __future__ import annotations

import re

import pytest

from cleanweb.rules.byline import BYLINE_RULES, DATE_LABEL_RULES, INLINE_RULES, RULE_GUARDS
from cleanweb.stages.metadata import Byline, Metadata, inline_credit, merge, parse_byline

# (rule id, line, expected fields)
LINES = [
    ("zh.byline.source", "来源：网络", {"source": "网络"}),
    ("zh.byline.source", "（资料来源：某报、某网等）", {"source": "某报、某网等"}),
    ("zh.byline.source", "本文来源：某某周刊", {"source": "某某周刊"}),
    ("zh.byline.editor", "【编辑:周驰】", {"editor": "周驰"}),
    ("zh.byline.editor", "责任编辑：张三", {"editor": "张三"}),
    ("zh.byline.editor", "（责编：王五、赵六）", {"editor": "王五、赵六"}),
    ("zh.byline.editor", "责任编辑：杨倩_NF4425", {"editor": "杨倩"}),
    ("zh.byline.editor", "（责任编辑： AB123）", {"editor": "AB123"}),
    ("zh.byline.reporter", "新京报记者 陆一夫", {"author": "陆一夫", "source": "新京报"}),
    ("zh.byline.reporter", "《某刊》作者 周纯", {"author": "周纯", "source": "某刊"}),
    ("zh.byline.credits", "采写：南都见习记者林子沛", {"author": "林子沛"}),
    ("zh.byline.credits", "执笔/李明", {"author": "李明"}),
    ("zh.byline.credits", "编辑 刘晓阳 校对 李铭", {"editor": "刘晓阳"}),
    ("zh.byline.credits", "【文/某网专栏作者 王文】", {"author": "王文"}),
    (
        "zh.byline.original",
        "原创： 王小明编译 某某研究",
        {"author": "王小明", "source": "某某研究"},
    ),
    ("en.byline.by", "By John Smith", {"author": "John Smith"}),
    ("en.byline.by", "By Jane Doe and Tom Lee", {"author": "Jane Doe, Tom Lee"}),
    (
        "en.byline.reporting",
        "(Reporting by Jane Doe; Editing by Tom Lee)",
        {"author": "Jane Doe", "editor": "Tom Lee"},
    ),
    ("en.byline.editor", "Edited by Mary Ann", {"editor": "Mary Ann"}),
    ("en.byline.source", "Source: Reuters", {"source": "Reuters"}),
    ("zh.byline.date", "发布时间：2019-09-07 13:43", {"date": "2019-09-07 13:43"}),
    ("en.byline.date", "Published 3 March 2020", {"date": "3 March 2020"}),
]

BODY = [
    "中新网台州2月26日电(记者 范宇斌 实习生 应少萍)大“疫”当前,如何让社会经济尽快步入正轨",
    "这篇文章的来源是一位老记者多年前的采访笔记，他说：一切都要从头开始。",
    "记者了解到，涉事项目的名称为某某",
    "图片来源：网络",  # a caption, not a byline
    "By the way, this is fine.",
    "编辑部",
    "记者",
    "2019年，",
    "国务院联防联控机制新闻发布会",
    "来源：" + "很长的一段说明文字，" * 12,
]


def test_every_rule_id_is_exercised() -> None:
    ids = {r.id for r in (*BYLINE_RULES, *DATE_LABEL_RULES)}
    assert ids == {case[0] for case in LINES}


@pytest.mark.parametrize(("rule", "line", "fields"), LINES)
def test_byline_line(rule: str, line: str, fields: dict[str, str]) -> None:
    found = parse_byline(line)
    assert found is not None
    assert found.kind == rule
    for key in ("author", "source", "editor", "date"):
        assert getattr(found, key) == fields.get(key), key


@pytest.mark.parametrize("line", BODY)
def test_body_text_is_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_date_and_source_line() -> None:
    found = parse_byline("2020年02月26日 16:12 来源:中国新闻网")
    assert found is not None
    assert (found.date, found.date_iso, found.source) == (
        "2020年02月26日 16:12",
        "2020-02-26T16:12:00",
        "中国新闻网",
    )


def test_placeholder_author_dropped() -> None:
    found = parse_byline("作者：未知 责任编辑：某编辑")
    assert found is not None
    assert found.author is None and found.editor == "某编辑"


INLINE = [
    ("zh.credit.dateline", "某网台州2月26日电(记者 范宇斌 实习生 应少萍)大“疫”当前,如何", "范宇斌"),
    ("zh.credit.dateline", "某网10月4日讯（记者陈智 整合） 国庆中秋长假过半", "陈智"),
    ("zh.credit.closing", "全市最大降水量出现在某地。(记者张淼淼)", "张淼淼"),
    ("zh.credit.trailing_name", "实现轻松换新。(李楠)", "李楠"),
]


def test_every_inline_rule_is_exercised() -> None:
    assert {r.id for r in INLINE_RULES} == {case[0] for case in INLINE}


@pytest.mark.parametrize(("rule", "paragraph", "author"), INLINE)
def test_inline_credit(rule: str, paragraph: str, author: str) -> None:
    found = inline_credit(paragraph)
    assert found is not None and (found.kind, found.author) == (rule, author)


@pytest.mark.parametrize("paragraph", ["春意渐浓,奏响春之序曲。(完)", "会议由某某主持。(图)"])
def test_inline_credit_ignores_end_markers(paragraph: str) -> None:
    assert inline_credit(paragraph) is None


def test_merge_fills_only_empty_fields_and_accumulates_editors() -> None:
    meta = Metadata(title="T", source="甲报", editor="姚某某")
    merged = merge(meta, Byline(kind="x", source="乙报", author="陆某", editor="刘某某"))
    assert merged.source == "甲报"
    assert merged.author == "陆某"
    assert merged.editor == "姚某某、刘某某"
    assert merge(merged, Byline(kind="x", editor="刘某某")).editor == "姚某某、刘某某"
    assert merge(meta, Byline(kind="x")) is meta


def test_source_line_with_glued_editor_credit_fills_both() -> None:
    byline = parse_byline("本文来源：某某晚报责任编辑：王小明_AB1234")
    assert byline is not None
    assert (byline.source, byline.editor) == ("某某晚报", "王小明")


def test_every_rule_has_a_guard() -> None:
    assert set(RULE_GUARDS) == {r.id for r in BYLINE_RULES}


@pytest.mark.parametrize(("rule", "line", "fields"), [c for c in LINES if c[0] in RULE_GUARDS])
def test_guard_admits_its_rule_lines(rule: str, line: str, fields: dict[str, str]) -> None:
    text = line.strip("（）【】() ").casefold()
    assert re.search(RULE_GUARDS[rule], text) is not None


def test_unanchored_guards_are_chinese() -> None:
    """parse_byline skips the unanchored guards on ASCII lines: they must hold no ASCII."""
    for guard in RULE_GUARDS.values():
        if not guard.startswith("^"):
            assert not any(ch.isascii() for ch in guard.replace("|", "")), guard


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("BY John Smith", {"author": "John Smith"}),
        ("SOURCE: Reuters", {"source": "Reuters"}),
        ("  【 编辑：周驰 】 ", {"editor": "周驰"}),
        ("\u3000责任编辑：张三", {"editor": "张三"}),
        ("Posted 3 March 2020", {"date": "3 March 2020"}),
        ("2019-09-05 11:10 来源：某网", {"date": "2019-09-05 11:10", "source": "某网"}),
    ],
)
def test_gate_lets_case_space_and_bracket_variants_through(
    line: str, fields: dict[str, str]
) -> None:
    found = parse_byline(line)
    assert found is not None
    for key, value in fields.items():
        assert getattr(found, key) == value, key


@pytest.mark.parametrize(
    "line", ["Score 5040 points in 12 games", "Home | News | Sport", "昨天", "文化 旅游 体育"]
)
def test_lines_without_a_lead_word_or_date_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(("line", "date", "source"), [
    ("发布日期：2024-03-10 来源：县农业农村局 点击数：356 【字体：大 中 小】",
     "2024-03-10", "县农业农村局"),
    ("来源：新华社 阅读：1234", None, "新华社"),
    ("来源：某某日报 （浏览 88次）", None, "某某日报"),
])
def test_counters_and_font_buttons_on_a_byline_line_are_left_out(
        line: str, date: str | None, source: str) -> None:
    found = parse_byline(line)
    assert found is not None and (found.date, found.source) == (date, source)


@pytest.mark.parametrize("line", ["阅读：1234", "【字体：大 中 小】",
                                  "这篇文章的阅读量已经超过100万次。"])
def test_counters_alone_are_no_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(("line", "date"), [
    ("Published: June 3, 2024 at 6:00 a.m. | Updated: June 3, 2024 at 9:12 a.m.", "June 3, 2024"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", "November 20, 2019"),
    ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", "Nov 19, 2019"),
    ("Last Updated: Thursday, December 27, 2007 | 10:56 AM CT", "December 27, 2007"),
    ("Posted on Tue, Jan. 08, 2008", "Jan. 08, 2008"),
])
def test_english_datelines_with_times_weekdays_and_an_updated_part(line: str, date: str) -> None:
    found = parse_byline(line)
    assert found is not None and (found.kind, found.date) == ("en.byline.date", date)


@pytest.mark.parametrize("line", [
    "The meeting was held on June 3, 2024 at 6:00 p.m. in the hall.",
    "June 3, 2024 | Sports | Local",
    "Updated figures released on June 3, 2024 show a rise.",
])
def test_sentences_and_section_lines_with_a_date_are_no_dateline(line: str) -> None:
    assert parse_byline(line) is None
