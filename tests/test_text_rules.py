"""Textual chrome rules (cleanweb.rules.text), beyond what tests/test_rules.py checks for every
table: gates, prose that no text rule may take, the fast classifier against the plain table
on changed lines and on real gold, and the cost of each pattern on hostile lines."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import skip_without_data

from cleanweb.rules.text import (
    ACTIONS,
    SCAN_ENDS,
    SCAN_NEEDLES,
    TEXT_RULES,
    classify_line,
    gate,
)

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"

# The rules' own examples and near misses (tests/test_rules.py checks each against its rule).
EXAMPLES = [(r.id, line) for r in TEXT_RULES for line in r.examples]
NEAR_MISSES = [line for r in TEXT_RULES for line in r.near_misses]


def test_every_rule_is_gated_and_well_formed() -> None:
    for rule in TEXT_RULES:
        assert rule.action in ACTIONS, rule.id
        assert rule.reason.strip(), rule.id
        assert 0 < gate(rule) <= 500, rule.id
    assert set(SCAN_ENDS) <= set(SCAN_NEEDLES)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_prose_is_not_chrome(line: str) -> None:
    # a text rule's near misses are body prose: no text rule may take them
    assert classify_line(line) is None, (line, TEXT_RULES.first(line))


@pytest.mark.parametrize("line", [line for _, line in EXAMPLES] + NEAR_MISSES)
def test_classifier_agrees_with_rule_table_past_every_gate(line: str) -> None:
    assert classify_line(line + " x" * 300) is TEXT_RULES.first(line + " x" * 300)


def test_scanner_ends_are_needed_only_at_the_end() -> None:
    # a line that goes on after a scanner's closing bracket is left to the table's answer
    for rule_id, line in EXAMPLES:
        if rule_id in SCAN_ENDS:
            assert classify_line(line + " more") is TEXT_RULES.first(line + " more")


def _truncated_examples(rule_id: str) -> list[str]:
    # a rule's own examples without their last character: repeated, they make the pattern
    # start (and for scanners retry) a nearly complete match at every position
    return [line[:-1] for rid, line in EXAMPLES if rid == rule_id and len(line) > 1]


def test_rules_stay_fast_on_adversarial_lines() -> None:
    # text rules run on re, without a match timeout; bound their work on hostile lines
    pieces = ("share ", "分享", "1", "| ", "a", "相关", "> ", "(", "关于我们", "+1", "...",
              "图 ", "©", "\u3000", "记者", "[", "点击", "A-", "-")
    for i, rule in enumerate(TEXT_RULES.rules):
        pat = TEXT_RULES.pattern(i)
        limit = gate(rule)
        for piece in (*pieces, *_truncated_examples(rule.id)):
            line = (piece * limit)[: limit - 1] + "\u2603"
            start = time.perf_counter()
            pat.search(line)
            assert time.perf_counter() - start < 0.02, (rule.id, piece)


@pytest.mark.parametrize("first", ["K", "k", "\u212a", "ſ", "ﬁ", "İ", "ı", "S", "图", "1", "|"])
def test_classifier_agrees_with_rule_table_after_any_first_character(first: str) -> None:
    # every example with its first character replaced: the table must not hide a rule
    for _, line in EXAMPLES:
        changed = first + line[1:]
        assert classify_line(changed) is TEXT_RULES.first(changed), changed


def _gold(name: str) -> list[dict[str, object]]:
    path = DATASETS / name / "gold.jsonl"
    if not path.exists():
        skip_without_data(f"dataset {name} not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _text_lines(record: dict[str, object]) -> list[str]:
    text = record.get("text")
    if not isinstance(text, str):
        return []
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def test_zh_gold_body_lines_are_not_flagged() -> None:
    flagged = [
        (rec["id"], line, hit.id)
        for rec in _gold("zh-dev")
        for line in _text_lines(rec)
        if (hit := classify_line(line)) is not None
    ]
    assert flagged == []


def test_classifier_agrees_with_rule_table_on_gold_lines() -> None:
    lines = [line for name in ("zh-dev", "aeb") for rec in _gold(name) for line in _text_lines(rec)]
    assert [ln for ln in lines if classify_line(ln) is not TEXT_RULES.first(ln)] == []


def test_re_patterns_agree_with_regex_on_real_lines() -> None:
    # the rules are written for regex (V1); on re, \\w, \\s and case folding differ only
    # for rare characters, so both engines must give the same answers on real page text
    regex = pytest.importorskip("regex", reason="comparing with the regex engine")
    assert regex is not None
    lines = [line for name in ("zh-dev", "aeb", "cx-netease-zh", "l3s-gn1")
             if (DATASETS / name / "gold.jsonl").exists()
             for rec in _gold(name) for line in _text_lines(rec)]
    lines += [line for _, line in EXAMPLES] + NEAR_MISSES
    for i, rule in enumerate(TEXT_RULES.rules):
        ours, theirs, limit = TEXT_RULES.pattern(i), rule.compile(), gate(rule)
        differ = [ln for ln in lines if len(ln) <= limit
                  and (ours.search(ln) is None) != (theirs.search(ln) is None)]
        assert differ == [], (rule.id, differ[:5])


def test_english_gold_body_lines_are_rarely_flagged() -> None:
    # the AEB gold keeps some credit and copyright lines in the body, so allow a little
    lines = [line for rec in _gold("aeb") for line in _text_lines(rec)]
    flagged = [line for line in lines if classify_line(line) is not None]
    assert len(lines) > 1000
    assert len(flagged) <= 0.01 * len(lines), flagged[:20]


def test_needles_of_scanners_that_a_line_outgrows_are_not_looked_for() -> None:
    from cleanweb.rules import text as t

    gates = {r.id: g for _, r, _, g in t._SCANNERS}
    short_only = next(rid for rid, g in gates.items() if g == t._GATE_STEPS[0])
    line = f"x {t.SCAN_NEEDLES[short_only][0]} y".lower()
    assert short_only in t._owners_found(t._NEEDLES[0], line)
    # the needles kept for lines longer than the shortest gate leave that scanner out
    assert short_only not in t._owners_found(t._NEEDLES[1], line)
    assert t._first_scanner("x" * (t._GATE_STEPS[-1] + 1), len(t.TEXT_RULES)) is None


def test_needle_owners_are_exactly_the_scanners_whose_needle_occurs() -> None:
    from cleanweb.rules import text as t

    everything = t._NEEDLES[0]
    for rule_id, needles in t.SCAN_NEEDLES.items():
        for needle in needles:
            found = t._owners_found(everything, f"abc {needle} xyz")
            assert rule_id in found, (rule_id, needle)
            owners = {r for r, ns in t.SCAN_NEEDLES.items()
                      if any(n in f"abc {needle} xyz" for n in ns)}
            assert found == owners
    assert t._owners_found(everything, "nothing to see here") == set()


def test_forked_vocabularies_match_what_their_plain_alternations_match() -> None:
    # _fork reorders and regroups a vocabulary's fragments (a prefix tree of their literal
    # leads); a line must match it, whole or at its start, exactly when it matches the plain
    # alternation
    import re

    from cleanweb.rules import text as t

    vocabularies = (t._INTL_READ_ALSO, t._INTL_READ_ALSO_TOO, t._INTL_RELATED, t._INTL_FOLLOW,
                    t._INTL_LOGIN, t._INTL_RATING, t._INTL_CATEGORY, t._LABELS_ALONE,
                    ("(?:ab|a)c?d", "x?(?:y|z)+", "(?:p|q)?r"))
    lines = [line for _, line in EXAMPLES] + NEAR_MISSES + ["acd", "ad", "xyz", "z", "r", "pr"]
    lines += [line[:cut] for line in lines for cut in (4, 10, 20)]
    for words in vocabularies:
        plain = re.compile(f"(?:{t._alt(words)})", re.IGNORECASE)
        forked = re.compile(f"(?:{t._fork(words)})", re.IGNORECASE)
        for line in lines:
            low = line.lower()
            assert (plain.fullmatch(low) is None) == (forked.fullmatch(low) is None), line
            assert (plain.match(low) is None) == (forked.match(low) is None), line


def test_fork_expands_leading_groups_into_literal_leads() -> None:
    from cleanweb.rules import text as t

    assert t._expand("(?:folgen sie|folge) uns") == ["folgen sie uns", "folge uns"]
    assert t._expand("x?y") == ["y", "xy"]
    assert t._expand("(?:a|b)*c") == ["(?:a|b)*c"]
    # a shared lead is one step, then only the characters that differ
    assert t._fork(["folge uns", "folgt uns", "folgen sie uns"]) == (
        "folg(?:e(?: uns|n sie uns)|t uns)")
