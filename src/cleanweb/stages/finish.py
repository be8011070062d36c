"""Finish stage: the textual pass over the segments the scorer kept.

A sentence dropped for its links between two body lines is the article's (jusText's
neighbour smoothing, restricted to sentences); chrome lines that sit inside the body
(licences, toolbars, share prompts) are dropped by the text rule tables; a "related news"
style heading drops itself and the list after it; byline, source and editor lines move
into the metadata; repetitions of the headline go; captions are collected on their own;
an author box or a follow plea at the body's end (the tail notes) and the short scraps
trailing it are trimmed. What is left is the body. Each pass takes the
decisions of the one before and returns new ones, and the stage returns a new page record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cleanweb.errors import Budget
from cleanweb.rules.text import TAIL_REACH, classify_line, classify_tail
from cleanweb.site_rules import SiteEffects, line_rule
from cleanweb.stages.metadata import Metadata, inline_credit, merge, parse_byline
from cleanweb.stages.page import (
    BODY,
    BOUNDARY,
    CAPTION,
    DROP,
    Container,
    Decision,
    Page,
    Seg,
    decide,
)
from cleanweb.stages.score import link_density

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
# A trailing line this short (units) without punctuation is a scrap, and so is a trailing
# heading up to title length.
_TAIL_UNITS = 8
_TAIL_HEADING_UNITS = 12
#: Link density up to which a sentence between two body lines is still prose, by
#: ``Options.favor`` (favoring precision rescues none: its own threshold is far lower).
LINK_PROSE_DENSITY = {"precision": 0.0, "balanced": 0.8, "recall": 0.8}
# Such a sentence is at least this long (units) and ends with a full stop.
_LINK_PROSE_UNITS = 10
_FULL_STOPS = tuple("。！？.!?")
# At the body's edge one neighbour vouches for the sentence: it must read as more of one.
_EDGE_DENSITY = 0.7
_EDGE_UNITS = 12
_EDGE_PUNCT = 2
#: The reason of a sentence kept by :func:`_link_prose`.
LINK_PROSE = "links.prose"


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


#: What a text rule's action makes of a line (any other action drops it).
_ROLE_OF_ACTION = {"caption": CAPTION, "boundary": BOUNDARY}


def _text_decision(d: Decision) -> Decision:
    """Textual checks for a segment the scorer kept (body or caption)."""
    rule = classify_line(d.seg.text)
    if rule is None:
        return d
    return decide(d.seg, _ROLE_OF_ACTION.get(rule.action, DROP), rule.id)


def link_sentence(seg: Seg, ceiling: float) -> bool:
    """A sentence whose words are mostly links (entity names, a cited title): ten units
    or more, link density up to ``ceiling``, and a final stop that is no ellipsis (a row
    of teasers ends with "…")."""
    if seg.units < _LINK_PROSE_UNITS or link_density(seg) > ceiling:
        return False
    text = seg.text.rstrip().rstrip(_CLOSERS)
    return text.endswith(_FULL_STOPS) and not text.endswith(("...", "…"))


def _link_prose(decisions: Sequence[Decision], favor: str) -> list[Decision]:
    """A segment the link threshold dropped that reads as a sentence
    (:func:`link_sentence`) and stands between two body segments is body: a link list
    does not sit inside a paragraph run, one line long. At the body's first or last line
    (one body neighbour) the sentence must be longer, with an inner mark, and hold fewer
    links. One pass, the neighbours as the score and page-kind stages left them."""
    out = list(decisions)
    ceiling = LINK_PROSE_DENSITY[favor]
    edge = min(ceiling, _EDGE_DENSITY)
    last = len(decisions) - 1
    for i, d in enumerate(decisions):
        if d.role is not DROP or not d.reason.startswith("links="):
            continue
        before = i > 0 and decisions[i - 1].role is BODY
        after = i < last and decisions[i + 1].role is BODY
        if ((before and after and link_sentence(d.seg, ceiling))
                or ((before or after) and d.seg.units >= _EDGE_UNITS
                    and d.seg.punct >= _EDGE_PUNCT and link_sentence(d.seg, edge))):
            out[i] = decide(d.seg, BODY, LINK_PROSE)
    return out


def _text_pass(decisions: Sequence[Decision], headlines: frozenset[int],
               budget: Budget | None) -> list[Decision]:
    """Copies of the headline (found by the score stage) go; :func:`_text_decision` for
    every other kept segment. The page budget is checked as it goes, since a page of
    thousands of short lines spends most of its time here."""
    out = list(decisions)
    for i, d in enumerate(decisions):
        if budget is not None and not i & _BUDGET_EVERY:
            budget.check()
        if d.role is not DROP:
            out[i] = decide(d.seg, DROP, "headline") if i in headlines else _text_decision(d)
    return out


def _site_lines(decisions: Sequence[Decision], site: SiteEffects) -> list[Decision]:
    """Drop the lines a site rule's patterns name."""
    out = list(decisions)
    for i, d in enumerate(decisions):
        if d.role is not DROP:
            rule_id = line_rule(d.seg.text, site)
            if rule_id is not None:
                out[i] = decide(d.seg, DROP, f"site.{rule_id}")
    return out


def _related_lists(containers: Sequence[Container],
                   decisions: Sequence[Decision]) -> list[Decision]:
    """Resolve every "related …" heading (``Role.BOUNDARY``): it drops itself and the
    list it introduces (see :func:`_drop_list`). A later heading inside a list already
    dropped goes with that list."""
    out = list(decisions)
    for i in range(len(out)):
        if out[i].role is BOUNDARY:
            _drop_list(containers, out, i)
    return out


def _drop_list(containers: Sequence[Container], out: list[Decision], at: int) -> None:
    """Drop, in ``out`` (a list of :func:`_related_lists`' own), the heading at ``at`` and
    the list it introduces: the rest of the heading's parent container, or, when that is
    the whole region, every following segment until real prose resumes."""
    heading = out[at]
    parent = containers[heading.seg.container].parent
    end = containers[parent].end if parent > 0 else -1
    out[at] = decide(heading.seg, DROP, heading.reason)
    reason = heading.reason + ".list"
    for i in range(at + 1, len(out)):
        d = out[i]
        if d.role is DROP:
            continue
        seg = d.seg
        if parent > 0 and not parent <= seg.container <= end:
            break
        if seg.units >= _PROSE_UNITS and seg.punct >= 2 and link_density(seg) < 0.2:
            break
        out[i] = decide(seg, DROP, reason)


def _body_indexes(decisions: Sequence[Decision]) -> list[int]:
    return [i for i, d in enumerate(decisions) if d.role is BODY]


def _byline_window(decisions: Sequence[Decision]) -> range:
    """Segments that may hold the article's credits: the body and a few lines on
    either side of it (editor lines often sit just outside the body container)."""
    body = _body_indexes(decisions)
    if not body:
        return range(0)
    return range(max(0, body[0] - _BYLINE_REACH),
                 min(len(decisions), body[-1] + _BYLINE_REACH + 1))


def _bylines(decisions: Sequence[Decision], meta: Metadata,
             budget: Budget | None = None) -> tuple[list[Decision], Metadata]:
    """Move whole-line bylines, source and editor lines into metadata (out of the body
    when they sit in it). The window can be the whole page, so the budget is checked."""
    out = list(decisions)
    for i in _byline_window(decisions):
        if budget is not None and not i & _BUDGET_EVERY:
            budget.check()
        d = decisions[i]
        if d.role is not BODY and d.role is not DROP:
            continue
        if d.seg.units > _BYLINE_MAX_UNITS:
            continue
        byline = parse_byline(d.seg.text)
        if byline is None:
            continue
        if d.role is BODY:
            out[i] = decide(d.seg, DROP, byline.kind)
        meta = merge(meta, byline)
    return out, _inline_credits(out, meta)


def _inline_credits(decisions: Sequence[Decision], meta: Metadata) -> Metadata:
    """A reporter named in the first or last body paragraph ("…电(记者 X)…") is the
    author; the paragraph stays in the body."""
    body = _body_indexes(decisions)
    for i in dict.fromkeys(body[:1] + body[-1:]):
        credit = inline_credit(decisions[i].seg.text)
        if credit is not None:
            meta = merge(meta, credit)
    return meta


def _image_captions(decisions: Sequence[Decision]) -> list[Decision]:
    """Body lines that :func:`image_caption` recognises become captions."""
    return [decide(d.seg, CAPTION, "caption.after_image")
            if d.role is BODY and image_caption(d.seg) else d for d in decisions]


def _scrap(seg: Seg) -> bool:
    """A line that means nothing at the end of the body: a short one without punctuation
    (a share label, a lone name), or a heading, which heads nothing there (its section,
    a "related" or "comments" list, was dropped). A heading longer than a title is a
    paragraph set in heading type."""
    if seg.kind == "heading":
        return seg.units <= _TAIL_HEADING_UNITS
    return not seg.punct and seg.units < _TAIL_UNITS and seg.kind not in ("table_row", "code")


def tail_notes(decisions: Sequence[Decision]) -> list[Decision]:
    """Drop the author boxes, contact lines and follow pleas (:data:`TAIL_NOTES`) that end
    the body: walking back from the last body line, scraps (:func:`_scrap`, trimmed later)
    are passed, up to ``TAIL_REACH`` notes dropped, and the first other line stops the
    walk, so the same words higher up stay news. The first body line stays."""
    out = list(decisions)
    notes = 0
    for i in reversed(_body_indexes(decisions)[1:]):
        seg = decisions[i].seg
        if _scrap(seg):
            continue
        rule = classify_tail(seg.text) if notes < TAIL_REACH else None
        if rule is None:
            break
        out[i] = decide(seg, DROP, rule.id)
        notes += 1
    return out


def trim_edges(decisions: Sequence[Decision]) -> list[Decision]:
    """Drop the scraps (:func:`_scrap`) that trail the body; a body made of nothing else
    (a one-line notice) stays whole."""
    out = list(decisions)
    body = _body_indexes(decisions)
    for n, i in enumerate(reversed(body)):
        seg = decisions[i].seg
        if not _scrap(seg):
            break
        if n == len(body) - 1:  # the first line of the body: trimming would empty it
            return list(decisions)
        out[i] = decide(seg, DROP, "edge.tail")
    return out


def finish(page: Page, site: SiteEffects | None = None, budget: Budget | None = None,
           favor: str = "balanced") -> Page:
    """The textual pass over the scorer's decisions (and a site's line rules), ending with
    the edge trim: a new record with new decisions and the metadata the bylines filled.
    Sentences the link threshold took between body lines come back first, so the text
    rules judge them like any other line."""
    decisions = _text_pass(_link_prose(page.decisions, favor), page.headlines, budget)
    if site is not None and site.lines:
        decisions = _site_lines(decisions, site)
    decisions = _related_lists(page.containers, decisions)
    decisions, meta = _bylines(decisions, page.meta, budget)
    decisions = trim_edges(tail_notes(_image_captions(decisions)))
    return replace(page, decisions=tuple(decisions), meta=meta)
