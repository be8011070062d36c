"""The benchmark metric on tiny texts whose scores can be worked out by hand."""

from __future__ import annotations

import pytest

from benchmarks import metric
from benchmarks.metric import PageCounts, page_counts

# ---------------------------------------------------------------- one page


def test_one_differing_token_at_the_end() -> None:
    # gold {abcd, bcde}, pred {abcd, bcdx}: tp 1, fp 1, fn 1, each 1/3 after normalizing.
    c = page_counts("a b c d e", "a b c d x")
    assert (c.tp, c.fp, c.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert c.precision == pytest.approx(0.5)
    assert c.recall == pytest.approx(0.5)


def test_repeated_shingles_count_once_per_copy() -> None:
    # gold has 5 shingles (abcd twice), pred has abcd once: tp 1, fn 4.
    c = page_counts("a b c d a b c d", "a b c d")
    assert c.precision == pytest.approx(1.0)
    assert c.recall == pytest.approx(0.2)


def test_cjk_page_is_scored_per_character() -> None:
    # 7 characters -> 4 shingles in the gold; the prediction is the first of them.
    c = page_counts("我爱北京天安门", "我爱北京")
    assert c.precision == pytest.approx(1.0)
    assert c.recall == pytest.approx(0.25)


def test_case_matters() -> None:
    assert page_counts("The cat sat down", "the cat sat down").precision == 0.0


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    c = page_counts("a b c d e", "")
    assert c.precision is None
    assert c.recall == 0.0
    assert c.f1 == 0.0


def test_empty_gold_has_no_recall() -> None:
    c = page_counts("", "a b c d")
    assert c.recall is None
    assert c.precision == 0.0


def test_both_empty_is_neither_counted_nor_wrong() -> None:
    c = page_counts("", "")
    assert (c.precision, c.recall, c.f1) == (None, None, 1.0)


def test_short_texts_match_as_a_whole() -> None:
    assert page_counts("two words", "two words").f1 == 1.0
    assert page_counts("two words", "two other").f1 == 0.0


# ---------------------------------------------------------------- over pages


def test_precision_and_recall_are_macro_averages_and_f1_comes_from_them() -> None:
    pages = [page_counts("a b c d a b c d", "a b c d"), page_counts("a b c d e", "a b c d x")]
    s = metric.aggregate(pages)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.35)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.35 / 1.1)


def test_pages_without_output_do_not_enter_precision() -> None:
    s = metric.aggregate([page_counts("a b c d e", "a b c d e"), page_counts("a b c d e", "")])
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(0.5)


def test_no_defined_page_gives_zero_not_an_error() -> None:
    assert metric.aggregate([page_counts("", "")]) == metric.Scores(0.0, 0.0, 0.0)


def test_bootstrap_is_zero_when_pages_agree_and_positive_when_they_differ() -> None:
    same = [PageCounts(0.5, 0.25, 0.25)] * 10
    assert metric.bootstrap(same, n=50).f1 == pytest.approx(0.0)
    mixed = [PageCounts(1.0, 0.0, 0.0), PageCounts(0.0, 0.5, 0.5)] * 5
    ci = metric.bootstrap(mixed, n=200, seed=1)
    assert ci.f1 > 0.05
    assert ci == metric.bootstrap(mixed, n=200, seed=1)


# ---------------------------------------------------------------- fields


def test_title_match_ignores_only_whitespace() -> None:
    assert metric.same_title("某地 新闻  标题", " 某地 新闻 标题")
    assert not metric.same_title("某地新闻标题", "某地新闻标题_某网")
    assert not metric.same_title("标题", None)


def test_names_match_regardless_of_separators() -> None:
    assert metric.same_name("张三、李四", "张三 李四")
    assert not metric.same_name("张三", "责任编辑：张三")
    assert not metric.same_name("张三", None)


@pytest.mark.parametrize(
    ("gold", "pred", "iso", "expected"),
    [
        ("2019年06月15日08:18", "2019-06-15 08:18", None, True),
        ("2019-09-07 13:43:45", None, "2019-09-07T13:43:45+08:00", True),
        ("2019-09-07 13:43:45", "2019-09-07", None, False),
        ("昨天", "昨天", None, True),
        ("10-08 12:00", None, "2020-10-08T12:00:00", False),
        ("2020-01-02", "2020-01-03", "2020-01-03", False),
    ],
)
def test_date_match(gold: str, pred: str | None, iso: str | None, expected: bool) -> None:
    assert metric.same_date(gold, pred, iso) is expected


def test_captions_are_micro_counted_as_multisets() -> None:
    c = metric.caption_counts(
        [(["图一 摄", "图二"], ["图一  摄", "图三"]), ([], ["图四"]), (["图五"], [])]
    )
    assert (c.tp, c.pred, c.gold) == (1, 3, 3)
    assert c.f1 == pytest.approx(1 / 3)


def test_no_predicted_captions_scores_zero() -> None:
    c = metric.caption_counts([(["图一"], [])])
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


# ---------------------------------------------------------------- chrome and headlines


def test_leak_lines_are_pattern_lines_missing_from_gold() -> None:
    gold = metric.GoldLines("正文第一段。\n本文讨论版权所有的含义。")
    out = "\n".join(
        [
            "正文第一段。",
            "本文讨论 版权所有 的含义。",
            "分享到：微博",
            "Copyright © 2020 Example",
            "京ICP备000号",
        ]
    )
    rules = [rule for rule, _ in metric.leak_lines(out, gold)]
    assert rules == ["leak.share", "leak.copyright", "leak.icp"]


def test_icp_must_be_a_standalone_upper_case_word() -> None:
    none = metric.GoldLines(None)
    assert metric.leak_lines("the topic list", none) == []
    assert metric.leak_lines("ICP备案", none) != []


def test_without_gold_every_pattern_line_leaks() -> None:
    found = metric.leak_lines("扫一扫关注\n正文\n相关阅读", metric.GoldLines(None))
    assert [line for _, line in found] == ["扫一扫关注", "相关阅读"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("某市 今日 发布 新规", True),  # spacing differs
        ("某市今日发布新规！", True),  # punctuation differs
        ("（原标题：某市今日发布新规）", True),
        ("(本地要闻)某市今日发布新规", True),  # column-prefixed copy
        ("据报道，某市今日发布新规，自下月起施行，违者将被处以罚款。", False),
        ("某市今日发布", False),
    ],
)
def test_headline_repeats(line: str, expected: bool) -> None:
    assert metric.repeats_headline(line, "某市今日发布新规") is expected


def test_headline_lines_skip_gold_and_short_titles() -> None:
    gold = metric.GoldLines("某市今日发布新规\n正文")
    assert metric.headline_lines("某市今日发布新规\n正文", "某市今日发布新规", gold) == []
    assert metric.headline_lines("新规", "新规", metric.GoldLines(None)) == []
