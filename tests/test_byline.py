"""Byline/credit/editor/source lines: the fields the parser fills, the variants its gate lets
through, and the rules' near misses (body text with the same words) left alone."""

from __future__ import annotations

import pytest

from cleanweb.rules.base import RuleSet
from cleanweb.rules.byline import BYLINE_RULES, DATE_LABEL_RULES, RULE_GUARDS
from cleanweb.stages.metadata import Byline, Metadata, inline_credit, merge, parse_byline

# What the parser fills from a byline line. Which rule decides each line is checked from the
# rules' own examples (tests/test_rules.py); these check the fields, brackets included.
FIELDS = [
    ("来源：网络", {"source": "网络"}),
    ("（资料来源：某报、某网等）", {"source": "某报、某网等"}),
    ("【编辑:周驰】", {"editor": "周驰"}),
    ("（责编：王五、赵六）", {"editor": "王五、赵六"}),
    ("责任编辑：杨倩_NF4425", {"editor": "杨倩"}),
    ("（责任编辑： AB123）", {"editor": "AB123"}),
    ("新京报记者 陆一夫", {"author": "陆一夫", "source": "新京报"}),
    ("《某刊》作者 周纯", {"author": "周纯", "source": "某刊"}),
    ("采写：南都见习记者林子沛", {"author": "林子沛"}),
    ("执笔/李明", {"author": "李明"}),
    ("编辑 刘晓阳 校对 李铭", {"editor": "刘晓阳"}),
    ("【文/某网专栏作者 王文】", {"author": "王文"}),
    ("原创： 王小明编译 某某研究", {"author": "王小明", "source": "某某研究"}),
    ("By John Smith", {"author": "John Smith"}),
    ("By Jane Doe and Tom Lee", {"author": "Jane Doe, Tom Lee"}),
    ("(Reporting by Jane Doe; Editing by Tom Lee)", {"author": "Jane Doe", "editor": "Tom Lee"}),
    ("Edited by Mary Ann", {"editor": "Mary Ann"}),
    ("Source: Reuters", {"source": "Reuters"}),
    ("来源于：某某晚报", {"source": "某某晚报"}),
    ("Reporting by Jane Doe in London; Editing by Tom Lee", {"author": "Jane Doe",
                                                            "editor": "Tom Lee"}),
    ("Quelle: Landesamt für Umwelt, 3. März 2021, Hannover", {"source": "Landesamt für Umwelt"}),
    ("(Fuente: Ministerio de Salud)", {"source": "Ministerio de Salud"}),
    ("Autoren: Anna Schmidt und Jan Roe", {"author": "Anna Schmidt, Jan Roe"}),
    ("Autores: Ana Pérez y Juan Gil", {"author": "Ana Pérez, Juan Gil"}),
    ("发布时间：2019-09-07 13:43", {"date": "2019-09-07 13:43"}),
    ("Published 3 March 2020", {"date": "3 March 2020"}),
]


@pytest.mark.parametrize(("line", "fields"), FIELDS)
def test_byline_fields(line: str, fields: dict[str, str]) -> None:
    found = parse_byline(line)
    assert found is not None
    for key in ("author", "source", "editor", "date"):
        assert getattr(found, key) == fields.get(key), key


def _examples(*tables: RuleSet) -> list[str]:
    return [line for table in tables for rule in table for line in rule.examples]


@pytest.mark.parametrize("line", _examples(BYLINE_RULES, DATE_LABEL_RULES))
def test_fields_come_from_the_line(line: str) -> None:
    # every rule example: what the parser fills is written in the line itself
    found = parse_byline(line)
    assert found is not None
    values = [getattr(found, key) for key in ("author", "source", "editor", "date")]
    assert any(values)
    for value in filter(None, values):
        assert all(part in line for part in value.replace("、", ", ").split(", ")), value


@pytest.mark.parametrize("line", [nm for t in (BYLINE_RULES, DATE_LABEL_RULES)
                                  for r in t for nm in r.near_misses])
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


@pytest.mark.parametrize(("paragraph", "author"), [
    ("某网台州2月26日电(记者 范宇斌 实习生 应少萍)大“疫”当前,如何", "范宇斌"),
    ("某网10月4日讯（记者陈智 整合） 国庆中秋长假过半", "陈智"),
    ("全市最大降水量出现在某地。(记者张淼淼)", "张淼淼"),
    ("实现轻松换新。(李楠)", "李楠"),
])
def test_inline_credit_names_the_reporter(paragraph: str, author: str) -> None:
    found = inline_credit(paragraph)
    assert found is not None and found.author == author


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
    assert all(RULE_GUARDS[r.id] for r in BYLINE_RULES)


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


@pytest.mark.parametrize(("line", "date", "iso"), [
    ("Veröffentlicht am 4. Juni 2019 um 15:54 Uhr", "4. Juni 2019", "2019-06-04"),
    ("Dienstag, 4. Juni 2019, 15:54", "4. Juni 2019", "2019-06-04"),
    ("Publicado el martes 4 de junio de 2019", "4 de junio de 2019", "2019-06-04"),
    ("Mis à jour le 4 juin 2019 à 15h54", "4 juin 2019", "2019-06-04"),
    ("Lunes 02 Mayo, 2022 | 09:37", "02 Mayo, 2022", "2022-05-02"),
    ("13.05.2024, 08.28 Uhr", "13.05.2024", "2024-05-13"),
    ("Senin, 13 Mei 2024 13:24 WIB", "13 Mei 2024 13:24", "2024-05-13T13:24:00"),
    ("Data utworzenia: 6 maja 2024 09:43", "6 maja 2024 09:43", "2024-05-06T09:43:00"),
])
def test_datelines_of_other_languages_with_weekdays_and_clocks(line: str, date: str,
                                                              iso: str) -> None:
    found = parse_byline(line)
    assert found is not None and (found.date, found.date_iso) == (date, iso)


@pytest.mark.parametrize("line", [
    "Am 4. Juni 2019 stieg der Pegel um zwei Meter.",
    "El martes 4 de junio de 2019 llovió en toda la ciudad.",
])
def test_sentences_with_a_date_of_another_language_are_no_byline(line: str) -> None:
    assert parse_byline(line) is None
