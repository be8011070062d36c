"""Score stage: choose the main-content region, then judge each segment in it.

Region choice is one bottom-up pass over the container table. Every segment brings
*good* mass (its non-link units, when it reads like prose rather than a link list)
and *bad* mass (its link units). A container's score is good minus bad over its
subtree, where everything under a chrome-named child (``class="comments"``,
``<nav>``...) counts as bad. The best-scoring container is the region: the page's
wrappers lose to it because they add menus and lists, its own paragraphs lose to it
because each holds only part of the text.

Inside the region each segment is then judged in order by named checks (chrome
ancestor, link density, ...); the first that fires decides and its id is the reason.
"""

from __future__ import annotations

from typing import NamedTuple

from cleanweb.options import Options
from cleanweb.stages.segment import Seg, Segmented

#: Link density above which a segment is a link list, by ``Options.favor``.
LINK_DENSITY = {"precision": 0.35, "balanced": 0.5, "recall": 0.65}
#: Weight of bad (link and chrome) mass against good mass in a container score.
BAD_WEIGHT = 2.0
#: Score factor for candidate regions inside a chrome-named element.
CHROME_REGION_WEIGHT = 0.2
#: Units of prose per punctuation mark, at most, before a segment's mass is discounted.
UNITS_PER_PUNCT = 30
#: A segment shorter than this (units) without punctuation brings no good mass.
MIN_PROSE_UNITS = 12


class Verdict(NamedTuple):
    """What the scorer decided for one segment: its role and the reason (a tuple: one
    per segment, and a frozen dataclass costs several times as much to create)."""

    role: str  # "body" | "caption" | "drop"
    reason: str


def link_density(seg: Seg) -> float:
    return seg.link_units / seg.units if seg.units else 0.0


def seg_mass(seg: Seg) -> tuple[float, float]:
    """(good, bad) mass one segment brings to the containers above it."""
    if seg.caption or seg.kind == "caption":
        return 0.0, 0.0
    plain = seg.units - seg.link_units
    if link_density(seg) > 0.5 or (seg.punct == 0 and plain < MIN_PROSE_UNITS):
        return 0.0, float(seg.link_units)
    # Prose has a stop or comma every few dozen units; a long run without any is a
    # tag cloud or a keyword list, and brings only part of its length.
    factor = min(1.0, (seg.punct + 1) * UNITS_PER_PUNCT / plain)
    return plain * factor, float(seg.link_units)


def container_scores(page: Segmented) -> list[float]:
    """good - bad per container, aggregated bottom-up in one pass (children follow
    their parents in the table, so a reverse scan sees every child first)."""
    containers = page.containers
    n = len(containers)
    good = [0.0] * n
    bad = [0.0] * n
    for seg in page.segs:
        g, b = seg_mass(seg)
        good[seg.container] += g
        bad[seg.container] += b
    for idx in range(n - 1, 0, -1):
        cont = containers[idx]
        if cont.chrome is not None:
            bad[cont.parent] += good[idx] + bad[idx]
        else:
            good[cont.parent] += good[idx]
            bad[cont.parent] += bad[idx]
    scores = [g - BAD_WEIGHT * b for g, b in zip(good, bad, strict=True)]
    # A region inside a chrome-named element (comments, a popup) is a last resort.
    in_chrome = [False] * n
    for idx in range(1, n):
        cont = containers[idx]
        if cont.chrome is not None or in_chrome[cont.parent]:
            in_chrome[idx] = True
            scores[idx] *= CHROME_REGION_WEIGHT
    return scores


def choose_region(page: Segmented) -> int:
    """Index of the best-scoring container (0, the whole page, when nothing scores),
    unless a site rule names the main container."""
    if page.main >= 0:
        return page.main
    scores = container_scores(page)
    return max(range(len(scores)), key=scores.__getitem__)  # the first of equal scores


_OUTSIDE = Verdict("drop", "region.outside")


def judge(seg: Seg, page: Segmented, region: int, end: int, favor: str) -> Verdict:
    """The structural verdict for one segment inside the region (containers ``region`` to
    ``end``); textual rules run later, in finish."""
    if region < seg.chrome_at <= end:
        return Verdict("drop", seg.chrome or "chrome")
    if seg.caption or seg.kind == "caption":
        marked = page.containers[seg.container].site_rule
        return Verdict("caption", f"site.{marked}" if marked else "caption.element")
    density = link_density(seg)
    if density > LINK_DENSITY[favor]:
        return Verdict("drop", f"links={density:.2f}")
    # A region a site rule names is reported as that rule's decision.
    source = f"site.{page.containers[region].site_rule}" if region == page.main else "body"
    return Verdict("body", f"{source}:links={density:.2f}")


def classify(page: Segmented, options: Options) -> tuple[int, list[Verdict]]:
    """Choose the region and judge every segment structurally."""
    region = choose_region(page)
    end = page.containers[region].end
    # Most of a page lies outside the region: those segments share one verdict.
    return region, [
        judge(seg, page, region, end, options.favor) if region <= seg.container <= end
        else _OUTSIDE
        for seg in page.segs
    ]
