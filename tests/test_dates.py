"""Date finding and normalization on synthetic strings: the written form and the ISO date
found in a text (which rule finds each rule example is checked in tests/test_rules.py)."""

from __future__ import annotations

import re

import pytest

from cleanweb.stages.metadata.dates import (
    DATE_GUARDS,
    DATE_RULES,
    fill_year,
    find_date,
    maybe_date,
    normalize,
)

CASES = [
    ("2020年02月26日 16:12 来源", "2020年02月26日 16:12", "2020-02-26T16:12:00"),
    ("2019-09-07 13:43:45　来源:", "2019-09-07 13:43:45", "2019-09-07T13:43:45"),
    ("发布 18-03-08 23:16", "18-03-08 23:16", "2018-03-08T23:16:00"),
    ("6月5日 08:30", "6月5日 08:30", None),
    ("发布时间：10-08 12:00", "10-08 12:00", None),
    ("Published 3 March 2020", "3 March 2020", "2020-03-03"),
    ("Monday, 14 January, 2008", "14 January, 2008", "2008-01-14"),
    ("Updated Jan. 5, 2011, 9:00", "Jan. 5, 2011", "2011-01-05"),
    ("昨天", "昨天", None),
    ("Dienstag, 4. Juni 2019, 15:54", "4. Juni 2019", "2019-06-04"),
    ("Veröffentlicht am 4. Juni 2019 15:54 Uhr", "4. Juni 2019 15:54", "2019-06-04T15:54:00"),
    ("26 de abril de 2022 1:04 p.m.", "26 de abril de 2022", "2022-04-26"),
    ("Data publikacji: 28 kwietnia 2021", "28 kwietnia 2021", "2021-04-28"),
    ("Stand: 13.05.2024, 08:28", "13.05.2024", "2024-05-13"),
    ("13.05.2024 08:28", "13.05.2024 08:28", "2024-05-13T08:28:00"),
]


@pytest.mark.parametrize(("text", "written", "iso"), CASES)
def test_written_form_and_iso(text: str, written: str, iso: str | None) -> None:
    found = find_date(text)
    assert found is not None
    assert (found.text, found.iso) == (written, iso)


def test_no_space_between_date_and_time() -> None:
    found = find_date("2019年06月15日08:18 来源：某网")
    assert found is not None and found.text == "2019年06月15日08:18"
    assert found.iso == "2019-06-15T08:18:00"


def test_timezone_kept_in_iso() -> None:
    assert normalize("2019-09-07T13:43:45+08:00") == "2019-09-07T13:43:45+08:00"
    assert normalize("2019-09-07T13:43:45Z") == "2019-09-07T13:43:45Z"


def test_earliest_date_wins() -> None:
    found = find_date("发表于 2014-08-24 21:30 摘要：2014年8月22日，会议举行")
    assert found is not None and found.text == "2014-08-24 21:30"


def test_implausible_values_rejected() -> None:
    assert find_date("编号 2019-13-45") is None
    assert find_date("比分 25:61") is None
    assert normalize("没有日期的文字") is None


def test_fill_year_from_meta_when_day_agrees() -> None:
    written = find_date("09-30 22:46")
    assert written is not None
    assert fill_year(written, "2019-09-30T22:46:13+08:00") == "2019-09-30T22:46:00"
    assert fill_year(written, "2019-10-01T00:00:00") is None
    assert fill_year(written, None) is None


def test_every_rule_has_a_guard() -> None:
    assert set(DATE_GUARDS) == {r.id for r in DATE_RULES}


def test_guards_admit_every_example() -> None:
    for rule in DATE_RULES:
        for text in rule.examples:
            assert maybe_date(text), text
            assert any(re.search(g, text) for g in DATE_GUARDS[rule.id]), (rule.id, text)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("3RD MARCH 2020", "3RD MARCH 2020"),  # guards are as case-blind as the rules
        ("Updated SEPT. 5, 2011", "SEPT. 5, 2011"),
        ("2019.09.07", "2019.09.07"),
        ("更新于 5 分钟前", "5 分钟前"),
        ("2020 年 2 月 6 日", "2020 年 2 月 6 日"),
        ("今天", "今天"),
    ],
)
def test_guards_let_every_shape_through(text: str, written: str) -> None:
    found = find_date(text)
    assert found is not None and found.text == written


@pytest.mark.parametrize("text", ["Score 5040 points in 12 games", "版本 3.14", "第 2019 号"])
def test_numbers_are_not_dates(text: str) -> None:
    assert find_date(text) is None
    assert not maybe_date(text)
