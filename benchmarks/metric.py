"""How extraction quality is scored.

Body text: the Article Extraction Benchmark's metric (its ``evaluate.py``) with CJK-aware
tokens. Per page, extracted and gold text become bags (multisets) of 4-token shingles;
true/false positives and false negatives are divided by their sum so every page weighs the
same; precision is averaged over pages that produced text, recall over pages that have gold
text, and F1 is computed from the two averages. Tokens are ``\\w+`` runs, case kept (the
benchmark does not fold case), except that every Han / kana / hangul character is a token of
its own; on text without those characters this is exactly the benchmark's tokenizer.

Chinese pages add field checks (title, captions, metadata), chrome-leak lines and repeated
headlines, defined next to the functions that compute them.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

# Tokens, shingles, whitespace squashing and fingerprints are the text measures of
# ``cleanweb.measures``: one definition for the extractor, its fixtures and this score.
from cleanweb.measures import folded_fingerprint, shingles, squash
from cleanweb.rules.base import Rule, RuleSet, search

_DIGITS_RE = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Per-page TP/FP/FN, divided by their sum (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None when the extractor produced no shingle: such a page has no precision."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        """None when the gold has no shingle: such a page has no recall."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else None

    @property
    def f1(self) -> float:
        """Page F1 for ranking pages; an undefined side counts as 0, two empty texts as 1."""
        if self.precision is None and self.recall is None:
            return 1.0
        return harmonic(self.precision or 0.0, self.recall or 0.0)


def page_counts(gold: str, pred: str) -> PageCounts:
    """Shingle overlap of one page, normalized so long pages do not dominate."""
    g, p = shingles(gold), shingles(pred)
    # One pass over the smaller bag; FP and FN follow from the bag sizes.
    small, large = (g, p) if len(g) <= len(p) else (p, g)
    tp = sum(min(c, large[k]) for k, c in small.items() if k in large)
    fp, fn = p.total() - tp, g.total() - tp
    total = tp + fp + fn
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def aggregate(pages: Sequence[PageCounts]) -> Scores:
    """Macro precision and recall over the pages where each is defined; F1 of the two.

    Where no page defines a side, that side is 0 (the benchmark would raise instead).
    """
    ps = [c.precision for c in pages if c.precision is not None]
    rs = [c.recall for c in pages if c.recall is not None]
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    return Scores(p, r, harmonic(p, r))


def bootstrap(pages: Sequence[PageCounts], n: int = 1000, seed: int = 0) -> Scores:
    """Half-width of the 95% interval (1.96 standard deviations over page resamples; the
    benchmark's evaluate.py prints one standard deviation instead); seeded so reruns
    print the same numbers."""
    if len(pages) < 2 or n < 2:
        return Scores(0.0, 0.0, 0.0)
    rng = random.Random(seed)
    ps = [c.precision for c in pages]
    rs = [c.recall for c in pages]
    draws = [_resample(ps, rs, rng.choices(range(len(pages)), k=len(pages))) for _ in range(n)]
    return Scores(
        1.96 * statistics.stdev(d.precision for d in draws),
        1.96 * statistics.stdev(d.recall for d in draws),
        1.96 * statistics.stdev(d.f1 for d in draws),
    )


def _resample(ps: list[float | None], rs: list[float | None], idx: list[int]) -> Scores:
    """:func:`aggregate` over the pages at ``idx``, from precomputed page values."""
    p_vals = [v for v in (ps[i] for i in idx) if v is not None]
    r_vals = [v for v in (rs[i] for i in idx) if v is not None]
    p = sum(p_vals) / len(p_vals) if p_vals else 0.0
    r = sum(r_vals) / len(r_vals) if r_vals else 0.0
    return Scores(p, r, harmonic(p, r))


# ---------------------------------------------------------------- normalization


def lines_of(text: str) -> list[str]:
    return [s for s in (squash(x) for x in text.split("\n")) if s]


# ---------------------------------------------------------------- fields


def same_title(gold: str, pred: str | None) -> bool:
    """Exact match after whitespace normalization."""
    return pred is not None and squash(gold) == squash(pred)


def same_name(gold: str, pred: str | None) -> bool:
    """Author / source / editor: equal fingerprints, so separators and spacing do not count."""
    gold_fp = folded_fingerprint(gold)
    return pred is not None and gold_fp != "" and gold_fp == folded_fingerprint(pred)


def same_date(gold: str, pred: str | None, pred_iso: str | None) -> bool:
    """The date as written matches when its fingerprint is equal ('昨天'), or its numbers are
    ('2019年06月15日08:18' == '2019-06-15 08:18'); the ISO form matches when it starts with
    the gold's numbers (gold with a full date at least, so a bare time never matches)."""
    g_nums = [int(x) for x in _DIGITS_RE.findall(gold)]
    if pred is not None:
        if folded_fingerprint(pred) == folded_fingerprint(gold) != "":
            return True
        if g_nums and [int(x) for x in _DIGITS_RE.findall(pred)] == g_nums:
            return True
    if pred_iso is not None and len(g_nums) >= 3:
        return [int(x) for x in _DIGITS_RE.findall(pred_iso)][: len(g_nums)] == g_nums
    return False


@dataclass(frozen=True, slots=True)
class CaptionCounts:
    """Caption strings summed over pages (micro): many pages have none, so per-page
    averages would be undefined on most of them."""

    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)


def caption_counts(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> CaptionCounts:
    """(gold, predicted) caption lists per page -> multiset matches after whitespace squash."""
    tp = n_pred = n_gold = 0
    for gold, pred in pairs:
        g = Counter(squash(c) for c in gold)
        p = Counter(squash(c) for c in pred)
        tp += sum((g & p).values())
        n_pred += sum(p.values())
        n_gold += sum(g.values())
    return CaptionCounts(tp, n_pred, n_gold)


# ---------------------------------------------------------------- chrome leaks


# The footnote of baselines.md defines these; a line only counts when the gold lacks it,
# so an article that is itself about copyright or ICP licences is not penalized.
LEAK_RULES = RuleSet(
    (
        Rule("leak.icp", r"(?<![A-Za-z])ICP(?![A-Za-z])", "ICP licence number", ignore_case=False),
        Rule("leak.psb", r"公网安备", "public-security filing number"),
        Rule("leak.rights_zh", r"版权所有", "copyright footer"),
        Rule("leak.copyright", r"copyright\s*(?:©|\(c\))", "copyright footer"),
        Rule("leak.about", r"关于我们", "footer link bar"),
        Rule("leak.editor", r"责任编辑|【编辑", "editor line (belongs in metadata)"),
        Rule("leak.share", r"分享到", "share toolbar"),
        Rule("leak.qr", r"扫描二维码|扫一扫", "QR / follow prompt"),
        Rule("leak.font", r"字号", "font-size toolbar"),
        Rule(
            "leak.related", r"相关新闻|相关阅读|推荐阅读|延伸阅读|为您推荐", "related-links block"
        ),
        Rule("leak.reprint", r"未经授权禁止转载", "reprint notice"),
    )
)


# All leak rules as one pattern: most lines match none, and one search is cheaper than eleven.
_ANY_LEAK_RE = regex.compile(
    "|".join(f"(?{'i' if r.ignore_case else '-i'}:{r.pattern})" for r in LEAK_RULES), regex.V1
)


class GoldLines:
    """The gold text as fingerprints: a line is 'in the gold' when its fingerprint is a
    substring of the gold's (so re-split or re-spaced gold lines still count as present)."""

    __slots__ = ("_flat",)

    def __init__(self, gold_text: str | None) -> None:
        self._flat = "\n".join(folded_fingerprint(x) for x in lines_of(gold_text or ""))

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and folded_fingerprint(line) in self._flat


def leak_lines(text: str, gold: GoldLines) -> list[tuple[str, str]]:
    """(rule id, line) for every output line absent from the gold that matches a leak rule."""
    out: list[tuple[str, str]] = []
    for line in lines_of(text):
        if search(_ANY_LEAK_RE, line) is None:
            continue
        rule = LEAK_RULES.first(line)
        if rule is not None and line not in gold:
            out.append((rule.id, line))
    return out


#: Characters a headline copy may carry besides the headline: a column name such as
#: "(抗击新冠肺炎)" or a "原标题：" note, counted after fingerprinting.
HEADLINE_EXTRA = 12
#: Shorter headlines are too likely to occur inside ordinary sentences.
HEADLINE_MIN = 4


def repeats_headline(line: str, title: str) -> bool:
    """The line is the headline (whitespace / punctuation-insensitive) or a copy of it
    with a short column prefix or note around it."""
    t, s = folded_fingerprint(title), folded_fingerprint(line)
    return len(t) >= HEADLINE_MIN and t in s and len(s) - len(t) <= HEADLINE_EXTRA


def headline_lines(text: str, title: str, gold: GoldLines) -> list[str]:
    """Output lines that repeat the headline and are not part of the gold text."""
    return [x for x in lines_of(text) if repeats_headline(x, title) and x not in gold]
