"""Fallback stage: a second look at a page whose body came out empty or very short.

The finish stage can leave little of the region: the block that won was a teaser, a byline
box or a notice whose lines the text rules drop. The recall retry then judges the segments
again against the runner-up region of the scores the score stage already computed (no
second parse or walk) and finishes them again; the result is kept only when it gives a
longer body.

On a page whose body is long enough, the stage only counts the first body blocks' units.
"""

from __future__ import annotations

from cleanweb.errors import Budget
from cleanweb.options import Options
from cleanweb.site_rules import SiteEffects
from cleanweb.stages.finish import finish
from cleanweb.stages.page import BODY, Page
from cleanweb.stages.score import rejudged, runner_up

#: A body shorter than this (units) is very short: less than a short paragraph, where a
#: real article has several.
SHORT_BODY = 50
#: The recall retry's region must hold this many times the body's units of prose: a
#: short real article beats a longer box beside it.
RETRY_GAIN = 3


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
    return retried if retried is not None else done


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
    retried = finish(rejudged(page, scored, region, options), site, budget)
    return retried if body_units(retried, SHORT_BODY) > units else None
