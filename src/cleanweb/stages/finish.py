"""Finish stage: the textual pass over the segments the scorer kept.

Chrome lines that sit inside the body (licences, toolbars, share prompts) are dropped
by the text rule tables; a "related news" style heading drops itself and the list
after it; byline, source and editor lines move into the metadata; repetitions of
the headline go; captions are collected on their own. What is left is the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from cleanweb.errors import Budget
from cleanweb.measures import fingerprint
from cleanweb.rules.text import classify_line
from cleanweb.site_rules import SiteEffects, line_rule
from cleanweb.stages.metadata import Metadata, inline_credit, merge, parse_byline
from cleanweb.stages.score import Verdict, link_density
from cleanweb.stages.segment import Seg, Segmented

# A headline copy may carry a short prefix or suffix ("(专题)…", "原标题：…").
_HEADLINE_SLACK = 12
_SIGMAS = "σς"
# Latin letters by how seldom they occur in English text; any other character first.
_LETTERS_RARE_FIRST = "zqjxkvbpygfwmucldrhsnioate"
# Segments between checks of the page budget.
_BUDGET_EVERY = 127
# How far outside the body a credit line is still the article's, in segments.
_BYLINE_REACH = 6
_BYLINE_MAX_UNITS = 40
# A caption is a line, not a paragraph.
_CAPTION_MAX_UNITS = 60
# A lone number or mark under an image is a section number, not a caption.
_CAPTION_MIN_UNITS = 2
# Stops end a sentence; a colon or comma leads on to what follows.
_SENTENCE_END = tuple("。！？.!?…:：，,;；")
_CLOSERS = "”’\"')）」』"
# After a "related" heading, a long plain paragraph means the article goes on.
_PROSE_UNITS = 40


@dataclass(frozen=True, slots=True)
class Finished:
    verdicts: list[Verdict]
    meta: Metadata


class Headline(NamedTuple):
    """The page title's fingerprint, and the characters a copy of it must hold, rarest
    first (made once per page: each kept segment is compared with it)."""

    fp: str
    chars: tuple[str, ...]


def headline(title_fp: str) -> Headline:
    """The :class:`Headline` of a title's fingerprint."""
    # Every character of the fingerprint occurs in a copy of it, and ``lower()`` maps it
    # the same in the line as in the fingerprint (all but the sigmas, whose lower case
    # depends on their neighbours); rare ones first, so most lines fail at the first test.
    chars = set(title_fp).difference(_SIGMAS)
    return Headline(title_fp, tuple(sorted(chars, key=lambda c: (_LETTERS_RARE_FIRST.find(c), c))))


def headline_copy(text: str, title_fp: str) -> bool:
    """True when ``text`` is the headline again: equal ignoring whitespace and
    punctuation, or the headline with a short column prefix / "原标题" wrapper."""
    return _copies(text, headline(title_fp))


def _copies(text: str, title: Headline) -> bool:
    """:func:`headline_copy` with the page's headline made once."""
    limit = len(title.fp) + _HEADLINE_SLACK
    # A copy is at most ``limit`` word characters; a line three times that long would
    # need two thirds of punctuation and space to be one, so skip the fingerprint.
    if not title.fp or len(text) > 3 * limit:
        return False
    low = text.lower()
    if any(c not in low for c in title.chars):
        return False
    fp = fingerprint(text)
    if fp == title.fp:
        return True
    return len(title.fp) >= 6 and title.fp in fp and len(fp) <= limit


def _text_verdict(seg: Seg, verdict: Verdict, title: Headline) -> Verdict:
    """Textual checks for a segment the scorer kept (body or caption)."""
    if _copies(seg.text, title):
        return Verdict("drop", "headline")
    rule = classify_line(seg.text)
    if rule is None:
        return verdict
    if rule.action == "caption":
        return Verdict("caption", rule.id)
    if rule.action == "boundary":
        return Verdict("boundary", rule.id)
    return Verdict("drop", rule.id)


def image_caption(seg: Seg) -> bool:
    """A short line right under an image that does not read as a sentence (no final
    stop), or is wrapped in parentheses, is the image's caption."""
    if not seg.after_image or seg.kind != "paragraph":
        return False
    if not _CAPTION_MIN_UNITS <= seg.units <= _CAPTION_MAX_UNITS:
        return False
    text = seg.text.strip()
    if text[:1] in "(（" and text[-1:] in ")）":
        return True
    return not text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _site_lines(segs: list[Seg], verdicts: list[Verdict], site: SiteEffects) -> None:
    """Drop the lines a site rule's patterns name."""
    for i, v in enumerate(verdicts):
        if v.role != "drop":
            rule_id = line_rule(segs[i].text, site)
            if rule_id is not None:
                verdicts[i] = Verdict("drop", f"site.{rule_id}")


def _in_scope(page: Segmented, seg: Seg, scope: int) -> bool:
    return scope <= seg.container <= page.containers[scope].end


def _after_boundary(page: Segmented, segs: list[Seg], verdicts: list[Verdict], at: int) -> None:
    """Drop the list that a "related …" heading at ``at`` introduces: the rest of the
    heading's parent container, or, when that is the whole region, every following
    segment until real prose resumes."""
    parent = page.containers[segs[at].container].parent
    verdicts[at] = Verdict("drop", verdicts[at].reason)
    for i in range(at + 1, len(segs)):
        seg = segs[i]
        if verdicts[i].role == "drop":
            continue
        if parent > 0 and not _in_scope(page, seg, parent):
            break
        if seg.units >= _PROSE_UNITS and seg.punct >= 2 and link_density(seg) < 0.2:
            break
        verdicts[i] = Verdict("drop", verdicts[at].reason + ".list")


def _byline_window(verdicts: list[Verdict]) -> range:
    """Segments that may hold the article's credits: the body and a few lines on
    either side of it (editor lines often sit just outside the body container)."""
    body = [i for i, v in enumerate(verdicts) if v.role == "body"]
    if not body:
        return range(0)
    return range(max(0, body[0] - _BYLINE_REACH), min(len(verdicts), body[-1] + _BYLINE_REACH + 1))


def _bylines(segs: list[Seg], verdicts: list[Verdict], meta: Metadata,
             budget: Budget | None = None) -> Metadata:
    """Move whole-line bylines, source and editor lines into metadata (out of the body
    when they sit in it). The window can be the whole page, so the budget is checked."""
    for i in _byline_window(verdicts):
        if budget is not None and not i & _BUDGET_EVERY:
            budget.check()
        seg = segs[i]
        if verdicts[i].role not in ("body", "drop") or seg.units > _BYLINE_MAX_UNITS:
            continue
        byline = parse_byline(seg.text)
        if byline is None:
            continue
        if verdicts[i].role == "body":
            verdicts[i] = Verdict("drop", byline.kind)
        meta = merge(meta, byline)
    return _inline_credits(segs, verdicts, meta)


def _inline_credits(segs: list[Seg], verdicts: list[Verdict], meta: Metadata) -> Metadata:
    """A reporter named in the first or last body paragraph ("…电(记者 X)…") is the
    author; the paragraph stays in the body."""
    body = [i for i, v in enumerate(verdicts) if v.role == "body"]
    for i in dict.fromkeys(body[:1] + body[-1:]):
        credit = inline_credit(segs[i].text)
        if credit is not None:
            meta = merge(meta, credit)
    return meta


def _text_verdicts(segs: list[Seg], verdicts: list[Verdict], title: Headline,
                   budget: Budget | None) -> list[Verdict]:
    """:func:`_text_verdict` for every kept segment; the page budget is checked as it
    goes, since a page of thousands of short lines spends most of its time here."""
    out = list(verdicts)
    for i, (seg, v) in enumerate(zip(segs, verdicts, strict=True)):
        if budget is not None and not i & _BUDGET_EVERY:
            budget.check()
        if v.role != "drop":
            out[i] = _text_verdict(seg, v, title)
    return out


def finish(page: Segmented, verdicts: list[Verdict], meta: Metadata,
           site: SiteEffects | None = None, budget: Budget | None = None) -> Finished:
    """Apply the textual pass to the scorer's verdicts (and a site's line rules)."""
    segs = page.segs
    out = _text_verdicts(segs, verdicts, headline(fingerprint(meta.title or "")), budget)
    if site is not None and site.lines:
        _site_lines(segs, out, site)
    for i, v in enumerate(out):
        if v.role == "boundary":
            _after_boundary(page, segs, out, i)
    meta = _bylines(segs, out, meta, budget)
    for i, v in enumerate(out):
        if v.role == "body" and image_caption(segs[i]):
            out[i] = Verdict("caption", "caption.after_image")
    return Finished(out, meta)


def trim_edges(segs: list[Seg], verdicts: list[Verdict]) -> list[Verdict]:
    """Drop short, punctuation-free lines that trail the body (share labels, credits)."""
    out = list(verdicts)
    body = [i for i, v in enumerate(out) if v.role == "body"]
    for i in reversed(body):
        seg = segs[i]
        if seg.punct or seg.units >= 8 or seg.kind in ("table_row", "code"):
            break
        out[i] = Verdict("drop", "edge.tail")
    return out
