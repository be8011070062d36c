"""Fallback stage: a second look at a page whose body came out empty or very short.

The finish stage can leave little of the region: the block that won was a teaser, a byline
box or a notice whose lines the text rules drop. Two cheap fallbacks then run, in order,
each kept only when it gives a longer body:

* the recall retry judges the segments again against the runner-up region of the scores
  the score stage already computed (no second parse or walk), and finishes them again;
* the page's JSON-LD ``articleBody``, when it is several times longer than the body.

On a page whose body is long enough, the stage only counts the first body blocks' units.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from typing import Final

from cleanweb.errors import Budget
from cleanweb.measures import punct_count, squash, squashed_units
from cleanweb.options import Options
from cleanweb.site_rules import SiteEffects
from cleanweb.stages.finish import finish
from cleanweb.stages.page import BODY, DROP, Page, Seg, decide
from cleanweb.stages.score import rejudged, runner_up

#: A body shorter than this (units) is very short: less than a short paragraph, where a
#: real article has several.
SHORT_BODY = 50
#: The recall retry's region must hold this many times the body's units of prose: a
#: short real article beats a longer box beside it.
RETRY_GAIN = 3
#: The JSON-LD article body must be this many times longer than the body: the page's own
#: copy of its article needs less margin than a structural guess, though it is sometimes
#: a whole feed (a body so short then is rare).
JSONLD_GAIN = 2
#: The reason of a block the JSON-LD fallback gave.
JSONLD: Final = "fallback.jsonld"
# Markup in an article body: the end of a block or a line break, and any other tag.
_BREAK_RE = re.compile(r"<(?:br\b[^<>]{0,200}|/(?:p|div|h[1-6]|li|blockquote|tr)\s*)>",
                       re.IGNORECASE)
_TAG_RE = re.compile(r"<[A-Za-z/!][^<>]{0,2000}>")


def body_units(page: Page, enough: int) -> int:
    """Units in the page's body, counted up to ``enough``."""
    total = 0
    for d in page.decisions:
        if d.role is BODY:
            total += d.seg.units
            if total >= enough:
                break
    return total


def fallback(scored: Page, done: Page, options: Options, site: SiteEffects | None = None,
             budget: Budget | None = None) -> Page:
    """``done`` (the finish stage's record of ``scored``), or a record with a longer
    body when it is very short and a fallback gives more."""
    units = body_units(done, SHORT_BODY)
    if units >= SHORT_BODY:
        return done
    retried = _retry(scored, units, options, site, budget)
    if retried is not None:
        done, units = retried, body_units(retried, SHORT_BODY)
    return _from_jsonld(done, units) if units < SHORT_BODY else done


def _retry(page: Page, units: int, options: Options, site: SiteEffects | None,
           budget: Budget | None) -> Page | None:
    """The page judged and finished again against the runner-up region, when that holds
    several times the body's prose and gives a longer body."""
    scored = page.scored
    region = runner_up(page, scored) if scored is not None else None
    if scored is None or region is None:
        return None
    if scored.good[region.container] < max(SHORT_BODY, RETRY_GAIN * units):
        return None
    retried = finish(rejudged(page, scored, region, options), site, budget, options.favor)
    return retried if body_units(retried, SHORT_BODY) > units else None


def _from_jsonld(page: Page, units: int) -> Page:
    """The page with its body taken from the JSON-LD article body, when that is several
    times longer (one block per paragraph of it)."""
    text = page.meta.article_body
    if not text:
        return page
    paragraphs = [p for p in (squash(line) for line in _plain(text).splitlines()) if p]
    sizes = [squashed_units(p) for p in paragraphs]
    if sum(sizes) < max(SHORT_BODY, JSONLD_GAIN * units):
        return page
    dropped = [decide(d.seg, DROP, JSONLD) if d.role is BODY else d for d in page.decisions]
    added = [decide(_seg(p, n, page.region.container), BODY, JSONLD)
             for p, n in zip(paragraphs, sizes, strict=True)]
    return replace(page, region=replace(page.region, reason=JSONLD),
                   decisions=(*dropped, *added))


def _plain(text: str) -> str:
    """The article body as plain text: some pages write it as markup, whose block ends and
    line breaks become line breaks and whose other tags go (no second parse for it)."""
    if "<" in text:
        text = _TAG_RE.sub("", _BREAK_RE.sub("\n", text))
    return unescape(text)


def _seg(text: str, units: int, container: int) -> Seg:
    """A segment for a paragraph that no element of the page holds."""
    return Seg("paragraph", text, 0, container, units, 0, punct_count(text), -1, None, False)
