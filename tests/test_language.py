"""The language decision: the declaration weighed against the text's script, the script
alone, the function-word profiles; and the dataset pages whose language is known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from conftest import skip_without_data
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleanweb import Options, extract
from cleanweb._cli.explain import Style, header_lines
from cleanweb.rules.metadata import CJK_WEIGHT, DECLARED_MIN_SHARE, LANG_WORDS
from cleanweb.stages.metadata import language
from cleanweb.stages.metadata.language import (
    decide_lang,
    declared_code,
    lang_sample,
    script_shares,
)

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
ZH = "据报道，这座城市的新博物馆将于明年春天正式开放，市民对此充满期待。"
EN = "The council said that it would vote on the plan in the spring, and the mayor agreed."


@pytest.mark.parametrize(("declared", "text", "lang"), [
    ("zh-CN", ZH, "zh"), ("en-GB", EN, "en"), ("ja", "東京都議会選挙結果発表", "ja"),
    ("ko-KR", "서울시는 새 박물관을 내년 봄에 연다고 밝혔다", "ko"),
    ("fr", "123 456", "fr"),  # no letters to weigh it against: the declaration stands
])  # fmt: skip
def test_a_declared_language_that_fits_the_script_is_kept(declared: str, text: str,
                                                           lang: str) -> None:
    decision = decide_lang(declared, text)
    assert (decision.lang, decision.rule) == (lang, "metadata.lang.declared")


@pytest.mark.parametrize(("declared", "text", "lang"), [
    ("en-US", ZH, "zh"), ("zh-CN", "これは日本語の文章です。ひらがなとカタカナ", "ja"),
    ("ru", EN, "en"), ("fa", EN, "en"),
    ("en", "Городской совет представил планы нового музея, который откроется уже в мае", "ru"),
])  # fmt: skip
def test_a_declared_language_in_another_script_gives_way_to_the_text(
        declared: str, text: str, lang: str) -> None:
    decision = decide_lang(declared, text)
    assert decision.lang == lang and decision.rule != "metadata.lang.declared"
    assert f"declared {declared!r}: not the text's script" in str(decision)


@pytest.mark.parametrize("declared", ["utf-8", "x-default", "chinese", "cn", "   "])
def test_a_declaration_that_names_no_language_is_not_one(declared: str) -> None:
    assert declared_code(declared) is None
    assert decide_lang(declared, ZH).lang == "zh"
    assert decide_lang(declared, EN).lang == "en"


def test_withdrawn_codes_are_read_as_their_replacements() -> None:
    assert declared_code("in-ID") == "id"
    assert declared_code("iw") == "he"
    assert declared_code("ZH_tw") == "zh"


@pytest.mark.parametrize(("text", "lang"), [
    (ZH, "zh"), ("これは日本語の文章です。ひらがなとカタカナが入っています。", "ja"),
    ("이것은 한국어 문장입니다. 언어 감지를 시험합니다.", "ko"),
    ("Το δημοτικό συμβούλιο παρουσίασε τα σχέδια για το νέο μουσείο", "el"),
    ("מועצת העיר הציגה את התוכניות למוזיאון החדש", "he"),
    ("สภาเมืองได้นำเสนอแผนสำหรับพิพิธภัณฑ์แห่งใหม่", "th"),
    # a Chinese text with English names and numbers in it is still Chinese
    ("苹果公司 Apple Inc. 发布了 iPhone 15 Pro Max，售价 999 美元起，于本周五开始预售。", "zh"),
])  # fmt: skip
def test_a_script_written_in_one_language_gives_it(text: str, lang: str) -> None:
    decision = decide_lang(None, text)
    assert (decision.lang, decision.rule) == (lang, "metadata.lang.script")


PROFILE_CASES = [(r.id, r.id.rsplit(".", 1)[1], line, True) for r in LANG_WORDS
                 for line in r.examples] + [
    (r.id, r.id.rsplit(".", 1)[1], line, False) for r in LANG_WORDS for line in r.near_misses]


@pytest.mark.parametrize(("rule", "lang", "line", "example"), PROFILE_CASES,
                         ids=[f"{c[0]}-{'example' if c[3] else 'near'}" for c in PROFILE_CASES])
def test_function_words_tell_the_languages_of_one_script_apart(rule: str, lang: str,
                                                               line: str, example: bool) -> None:
    decision = decide_lang(None, line)
    assert decision.rule == "metadata.lang.words"
    assert (decision.lang == lang) is example, str(decision)


def test_too_little_text_or_a_tie_says_nothing() -> None:
    assert decide_lang(None, "12345 !!").lang is None
    assert decide_lang(None, "Cardi B").lang is None  # letters, but no function word
    tie = decide_lang(None, "Kommunen har planer for museet")  # "har", "for": da and no
    assert tie.lang is None and "words" in str(tie)


@pytest.mark.parametrize("text", [
    "", "abc", EN, "A “quoted” café — naïve résumé", ZH + EN, "Ελληνικά and English words",
    "日本語のテキストです and some English", "한국어 텍스트 漢字", "Русский текст and English",
    "ÀÉÎÕÜ ßçñ", "々〇 漢字 ㋐㋑ ｶﾀｶﾅ abc", "mostly english text with 一个 han", "ڈبلن اردو کے",
])  # fmt: skip
def test_script_shares_are_the_plain_counts(text: str) -> None:
    def count(cls: str) -> int:
        return len(regex.findall(cls, text))
    cjk = count(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
    latin, letters = count(r"\p{Latin}"), count(r"\p{L}")
    shares = script_shares(text)
    assert shares.total == letters - cjk + cjk * CJK_WEIGHT
    assert shares.share("LATIN") * shares.total == pytest.approx(latin)
    assert sum(n for _, n in shares.shares) == shares.total


_PIECES = st.sampled_from(["the plan ", "und die ", "de la ", "汉字", "かな", "한국", "Русь ",
                           "ελλη ", "é", "“", "—", " ", "12 ", "and ", "sur "])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=80))
@example(["the plan ", "the plan ", "汉字"])  # Han exactly three tenths of the letters
def test_the_mostly_ascii_shortcut_is_taken_only_where_the_full_count_agrees(
        pieces: list[str]) -> None:
    # The shortcut says "Latin, nothing else can matter"; the full count must agree: Latin
    # is the main script and fits, and no other script could fit a declaration.
    text = "".join(pieces)
    short = language._mostly_ascii(text)
    if short is None:
        return
    exact = script_shares(text)
    assert short.main == exact.main == "LATIN"
    assert exact.share("LATIN") >= DECLARED_MIN_SHARE
    assert all(exact.share(s) < DECLARED_MIN_SHARE for s, _ in exact.shares if s != "LATIN")


def test_the_sample_is_the_title_and_the_start_of_the_prose() -> None:
    from cleanweb.document import Block

    prose = Block("paragraph", "第一段" * 400)
    code = Block("code", "def f(x): return x")
    sample = lang_sample("标题", [code, prose, Block("paragraph", "后面的段落")])
    assert sample.startswith("标题\n第一段") and "def f" not in sample
    assert len(sample) == 1000
    assert "def f" in lang_sample("标题", [code, Block("paragraph", "短")])  # little prose


def _page(head: str, body: str) -> bytes:
    return (f"<html {head}><head><meta charset='utf-8'><title>某某标题</title></head>"
            f"<body><article><h1>某某标题</h1>{body}</article></body></html>").encode()


def test_extract_decides_from_the_kept_body_and_explain_shows_the_evidence() -> None:
    body = "".join(f"<p>{ZH}{i}</p>" for i in range(6))
    page = _page('lang="en-US"', body)
    plain = extract(page)
    assert plain.lang == "zh"
    assert "meta_evidence" not in plain.to_dict() and plain.meta_evidence == ()
    doc = extract(page, options=Options(explain=True))
    assert dict(doc.meta_rules)["lang"] == "metadata.lang.script"
    evidence = dict(doc.meta_evidence)["lang"]
    assert "declared 'en-US': not the text's script" in evidence and "Han" in evidence
    line = next(x for x in header_lines(doc, "p.html", Style(False, None)) if x.startswith("lang"))
    assert "metadata.lang.script" in line and "en-US" in line
    # a language that came to nothing still shows what was weighed
    thin = extract("<html><head><title>Cardi B</title></head></html>",
                   options=Options(explain=True))
    line = next(x for x in header_lines(thin, "p.html", Style(False, None)) if x.startswith("lang"))
    assert thin.lang is None and line.startswith("lang: -") and "declared none" in line
    # a page without body: the title alone is weighed against the declaration
    empty = extract("<html lang='en-US'><head><title>新博物馆明年开放</title></head></html>")
    assert (empty.status, empty.lang) == ("empty", "zh")


def _gold(names: tuple[str, ...]) -> list[tuple[str, Path, str]]:
    rows = []
    for name in names:
        path = DATASETS / name / "gold.jsonl"
        if not path.is_file():
            skip_without_data(f"datasets not available at {DATASETS}")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("lang"):
                rows.append((row["id"], DATASETS / name / "pages" / f"{row['id']}.html",
                             row["lang"]))
    return rows


def test_chinese_dev_pages_are_chinese_whatever_their_templates_declare() -> None:
    rows = _gold(("zh-dev", "cx-netease-zh", "cwced-zh"))
    langs = {pid: extract(path.read_bytes()).lang for pid, path, _ in rows}
    assert len(langs) == 141
    assert {pid: lang for pid, lang in langs.items() if lang != "zh"} == {}


def test_many_language_pages_come_out_as_their_gold_or_as_declared() -> None:
    # The gold language was guessed by another identifier from the gold text (or taken
    # from <html lang>). A page may differ from it only where the page declares another
    # language of the same script, or where the text is too thin to say (no answer).
    rows = _gold(("magic-html-article", "magic-html-forum", "readability", "trafilatura-eval",
                  "aeb"))
    wrong, unsaid = [], []
    for pid, path, gold in rows:
        doc = extract(path.read_bytes(), options=Options(explain=True))
        if doc.lang is None:
            unsaid.append(pid)
        elif doc.lang != gold and dict(doc.meta_rules)["lang"] != "metadata.lang.declared":
            wrong.append((pid, gold, doc.lang, dict(doc.meta_evidence)["lang"]))
    assert wrong == []
    assert len(unsaid) <= len(rows) // 100, unsaid
    assert {gold for _, _, gold in rows} >= {"zh", "ja", "ko", "ru", "ur", "de", "pt", "id"}
