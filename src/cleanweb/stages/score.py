"""Score stage: choose the main-content region, then judge each segment in it.

Region choice is one bottom-up pass over the container table. Every segment brings
*good* mass (its non-link units, when it reads like prose rather than a link list)
and *bad* mass (its link units). A container's score is good minus bad over its
subtree, where everything under a chrome-named child (``class="comments"``,
``<nav>``...) counts as bad. The best-scoring container is the region: the page's
wrappers lose to it because they add menus and lists, its own paragraphs lose to it
because each holds only part of the text. Structural checks then move it: to the block
around it when it is a bare block or a data table (:func:`around_block`), to its parent when
the article was split into sibling blocks of one kind (:func:`with_siblings`), out of a
comment section when the article beside it outscores it as a whole
(:func:`out_of_comments`), and to the headline when it won elsewhere (:func:`anchored`).
Every move is named in ``Region.reason``.

Inside the region each segment is then judged in order by named checks (chrome
ancestor, link density, ...); the first that fires decides and its id is the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final, NamedTuple

from cleanweb.measures import fingerprint
from cleanweb.options import Options
from cleanweb.stages.metadata import Metadata
from cleanweb.stages.page import (
    BODY,
    CAPTION,
    DROP,
    Container,
    Decision,
    Kind,
    Page,
    Region,
    Scored,
    Seg,
    Segmented,
    decide,
)

#: Link density above which a segment is a link list, by ``Options.favor``.
LINK_DENSITY = {"precision": 0.35, "balanced": 0.5, "recall": 0.65}
#: Weight of bad (link and chrome) mass against good mass in a container score.
BAD_WEIGHT = 2.0
#: Score factor for candidate regions inside a chrome-named element.
CHROME_REGION_WEIGHT = 0.2
#: Chrome that lies over the page (a consent notice, a dialog): a candidate inside it is
#: never the region, however much text it holds (a cookie notice can outweigh a short
#: article fifteen times over).
OVERLAY_RULES: Final = frozenset({"class.consent", "role.dialog"})
#: Units of prose per punctuation mark, at most, before a segment's mass is discounted.
UNITS_PER_PUNCT = 30
#: A segment shorter than this (units) without punctuation brings no good mass.
MIN_PROSE_UNITS = 12
#: A chrome name on a container whose subtree holds at least this share of the page's
#: prose names the article's own wrapper by mistake (WordPress puts "tag-x category-y"
#: on the post, themes wrap everything in "ads-container"), and is void there.
VOID_SHARE = 0.5
#: Names that stay chrome however much prose they hold: comments and overlays, and the
#: blocks that can outweigh a short article (a footer, a "related" block holding the
#: whole next article).
KEEP_NAMES: Final = frozenset({
    "class.comment", "class.consent", "class.popup", "role.dialog", "role.alert",
    "class.footer", "tag.footer", "role.contentinfo", "class.related",
})
#: A "related" or "read more" block holding most of the page's prose is the rest of the
#: article, folded behind a "Read more" button, when it has no heading of its own and at
#: most this share of it links: a block holding the next article shows that article's
#: title, and a list of other articles is links.
CONTINUATION_LINKS = 0.05
#: The names a continuation of the article can carry.
CONTINUATION_NAMES: Final = frozenset({"class.related"})
#: A candidate tied to the headline replaces a best region elsewhere when it scores at
#: least this share of that region's score: a teaser list, an "about me" box or the next
#: article in an endless stream can outscore a short article.
ANCHOR_SHARE = 0.3
#: A candidate is tied to the headline when it holds it, or starts within this many
#: segments after it (the byline, date, lead image and share bar lie between).
ANCHOR_REACH = 12
#: Titles the anchor does not follow: these fall back on ``<title>`` or og:title when no
#: element on the page shows the headline, and are often the site's name.
UNANCHORED_TITLES: Final = frozenset({"metadata.title.og", "metadata.title.tag"})
#: Siblings whose text is more than this share links are the template's teaser or link
#: blocks, not the rest of the article.
SIBLING_LINK_DENSITY = 0.3
#: Siblings must add at least this share of the region's own prose: a date or source
#: line in a paragraph of its own beside the body is not the article's other half.
SIBLING_SHARE = 0.2
#: A region of these tags may be a data table (the table, or its body, which outscores it
#: when the table's head carries links).
DATA_TABLE_TAGS: Final = frozenset({"table", "tbody"})
#: Blocks that are never the article alone when bare (no class or id, which a template's
#: wrappers and widgets carry): lists, quotes and code of the article's own markup, and the
#: unnamed divisions (or, on old pages, centerings) an editor puts around a run of its
#: paragraphs. A bare paragraph is left to the sibling pass, which takes its fellow
#: paragraphs and leaves its parent's other blocks out.
BARE_BLOCKS: Final = frozenset({"ul", "ol", "dl", "blockquote", "pre", "div", "center"})
#: A bare block's or a data table's parent (not the page itself, nor a block holding more
#: links and chrome than prose) is the region when it holds at least this share of the
#: block's prose besides the block.
CONTEXT_SHARE = 0.2
#: What joins a BEM block's name and a modifier ("entry--image" is a variant of "entry").
BEM_MODIFIER: Final = "--"
#: Comment sections: a region inside one gives way to the article beside it when that
#: outscores it as a whole (see :func:`out_of_comments`).
COMMENT_NAMES: Final = frozenset({"class.comment"})
#: The score of a candidate that can never be the region.
NEVER: Final = float("-inf")

#: The reason of a segment under a child of the region that the sibling pass left out.
SIBLING: Final = "region.sibling"
#: The reason of every segment outside the region.
OUTSIDE: Final = "region.outside"


# A headline copy may carry a short prefix or suffix ("(专题)…", "原标题：…").
_HEADLINE_SLACK = 12
_SIGMAS = "σς"
# Latin letters by how seldom they occur in English text; any other character first.
_LETTERS_RARE_FIRST = "zqjxkvbpygfwmucldrhsnioate"


class Headline(NamedTuple):
    """The page title's fingerprint, and the characters a copy of it must hold, rarest
    first (made once per page: each segment is compared with it)."""

    fp: str
    chars: tuple[str, ...]


def headline(title_fp: str) -> Headline:
    """The :class:`Headline` of a title's fingerprint."""
    # Every character of the fingerprint occurs in a copy of it, and ``lower()`` maps it
    # the same in the line as in the fingerprint (all but the sigmas, whose lower case
    # depends on their neighbours); rare ones first, so most lines fail at the first test.
    chars = set(title_fp).difference(_SIGMAS)
    return Headline(title_fp, tuple(sorted(chars, key=lambda c: (_LETTERS_RARE_FIRST.find(c), c))))


def headline_copy(text: str, title: Headline) -> bool:
    """True when ``text`` is the headline again: equal ignoring whitespace and
    punctuation, or the headline with a short column prefix / "原标题" wrapper."""
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


def headline_copies(segs: Sequence[Seg], title: str | None) -> frozenset[int]:
    """Indexes of the segments that repeat the headline ``title``."""
    head = headline(fingerprint(title or ""))
    if not head.fp:
        return frozenset()
    most = 3 * (len(head.fp) + _HEADLINE_SLACK)  # (headline_copy's own first test, inlined)
    return frozenset(i for i, seg in enumerate(segs)
                     if len(seg.text) <= most and headline_copy(seg.text, head))


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


def container_scores(page: Segmented, headlines: frozenset[int] = frozenset()) -> Scored:
    """good - bad per container, aggregated bottom-up in one pass (children follow
    their parents in the table, so a reverse scan sees every child first). Copies of the
    headline bring nothing: the finish stage drops them, so a region holding little else
    would come out empty. A chrome name on a container holding most of the page's prose
    is void (see VOID_SHARE), and so is a "related" name on the rest of the article
    (:func:`continues`)."""
    containers, segs = page.containers, page.segs
    n = len(containers)
    good = [0.0] * n
    bad = [0.0] * n
    headed = [False] * n  # whether the subtree holds a heading
    for seg in segs:
        g, b = seg_mass(seg)
        good[seg.container] += g
        bad[seg.container] += b
        if seg.kind == "heading":
            headed[seg.container] = True
    for i in headlines:
        g, b = seg_mass(segs[i])
        good[segs[i].container] -= g
        bad[segs[i].container] -= b
    prose = good[:]  # the good mass of each subtree, whatever the names in it
    limit = VOID_SHARE * sum(good)
    void: set[int] = set()
    for idx in range(n - 1, 0, -1):
        cont = containers[idx]
        parent = cont.parent
        prose[parent] += prose[idx]
        headed[parent] = headed[parent] or headed[idx]
        if (cont.chrome is not None and prose[idx] >= limit > 0
                and (voidable(cont.chrome)
                     or continues(cont.chrome, headed[idx], good[idx], bad[idx]))):
            void.add(idx)
        if cont.chrome is not None and idx not in void:
            bad[parent] += good[idx] + bad[idx]
        else:
            good[parent] += good[idx]
            bad[parent] += bad[idx]
    scores = [g - BAD_WEIGHT * b for g, b in zip(good, bad, strict=True)]
    # A region inside a chrome-named element (comments, a popup) is a last resort; one
    # inside an overlay is none (the page, container 0, never is).
    chrome_of = [-1] * n
    in_overlay = [False] * n
    for idx in range(1, n):
        cont = containers[idx]
        parent = cont.parent
        at = idx if cont.chrome is not None and idx not in void else chrome_of[parent]
        if at >= 0:
            chrome_of[idx] = at
            scores[idx] *= CHROME_REGION_WEIGHT
            if cont.chrome in OVERLAY_RULES or in_overlay[parent]:
                in_overlay[idx] = True
                scores[idx] = NEVER
    return Scored(scores, good, bad, chrome_of)


def voidable(rule_id: str) -> bool:
    """Whether a chrome name can be void on a container holding most of the prose."""
    return rule_id not in KEEP_NAMES and not rule_id.startswith("site.")


def continues(rule_id: str, headed: bool, good: float, bad: float) -> bool:
    """Whether a block named ``rule_id`` that holds most of the page's prose (``good``, with
    ``bad`` link and chrome mass) is the rest of the article folded behind a "Read more"
    button: a "related" name, no heading, hardly a link (CONTINUATION_LINKS)."""
    return (rule_id in CONTINUATION_NAMES and not headed
            and bad <= CONTINUATION_LINKS * (good + bad))


def choose_region(page: Segmented, scored: Scored | None = None, anchor: int = -1) -> Region:
    """The best-scoring container (0, the whole page, when nothing scores), widened to
    the block around it when it is a bare block or a data table (:func:`around_block`), to
    its parent when the article was split into siblings (:func:`with_siblings`), moved out
    of a comment section (:func:`out_of_comments`), and moved to the headline when
    ``anchor`` is its segment and the region lies elsewhere (:func:`anchored`); unless a
    site rule names the main container."""
    if page.main >= 0:
        main = page.containers[page.main]
        return Region(page.main, main.end, 0.0, main.site_rule)
    if scored is None:
        scored = container_scores(page)
    containers, scores = page.containers, scored.score
    best = max(range(len(scores)), key=scores.__getitem__)  # the first of equal scores
    region = around_block(page, scored, Region(best, containers[best].end, scores[best]))
    # Siblings first: the widened region may well hold the headline already.
    region = with_siblings(containers, scored, region)
    at = scored.chrome_of[best]
    if at >= 0 and containers[at].chrome in COMMENT_NAMES:
        region = out_of_comments(page, scored, region)
    if anchor >= 0:
        moved = anchored(page, scores, region, anchor)
        if moved is not region:
            region = with_siblings(containers, scored, moved)
    return region


def around_block(page: Segmented, scored: Scored, region: Region) -> Region:
    """The region, or the block around it when it is never the article alone and that
    block (not the page itself) holds more prose besides it (CONTEXT_SHARE) and more prose
    than links and chrome (else it is the page's wrapper, menus and all): a bare list,
    quote, preformatted block or division (BARE_BLOCKS), whose paragraph siblings outscore
    it only together, or a data table (:func:`data_table`), whose rows link every name
    they list (a list article's table, with its introduction and notes around it)."""
    containers, best = page.containers, region.container
    cont = containers[best]
    if cont.tag in BARE_BLOCKS and not cont.cls and not cont.ident:
        block, reason = best, "region.block"
    elif cont.tag in DATA_TABLE_TAGS and data_table(page, region):
        block, reason = (best if cont.tag == "table" else cont.parent), "region.table"
    else:
        return region
    parent = containers[block].parent
    if (parent <= 0 or scored.good[parent] < (1 + CONTEXT_SHARE) * scored.good[best]
            or scored.bad[parent] >= scored.good[parent]):
        return region
    return Region(parent, containers[parent].end, region.score, reason=reason)


def data_table(page: Segmented, region: Region) -> bool:
    """Whether the region, a table or a table's body, is a data table: most of its
    segments are table rows."""
    containers, best = page.containers, region.container
    if containers[best].tag != "table" and containers[containers[best].parent].tag != "table":
        return False
    rows = total = 0
    for seg in page.segs:
        if best <= seg.container <= region.end:
            total += 1
            rows += seg.kind == "table_row"
    return rows > total / 2


def out_of_comments(page: Segmented, scored: Scored, region: Region) -> Region:
    """The region, which lies in a comment section, or the best candidate outside every
    chrome-named element (the page itself aside) when that, widened as the region was
    (:func:`around_block`, :func:`with_siblings`), outscores it as a whole: the article's
    paragraphs each lose to a long thread of comments even at a fifth of its score, but
    not together."""
    scores, containers = scored.score, page.containers
    best = max((c for c, at in enumerate(scored.chrome_of) if at < 0 and c > 0),
               key=scores.__getitem__, default=-1)
    if best < 0:
        return region
    start = Region(best, containers[best].end, scores[best], reason="region.uncommented")
    moved = with_siblings(containers, scored, around_block(page, scored, start))
    return moved if kept_score(containers, scored, moved) > region.score else region


def kept_score(containers: Sequence[Container], scored: Scored, region: Region) -> float:
    """The region's score counting only what it keeps: without the children the sibling
    pass left out."""
    if not region.skip:
        return scored.score[region.container]
    left_out = {first for first, _ in region.skip}
    good = bad = 0.0
    child = region.container + 1
    while child <= region.end:  # the region's children, each subtree skipped at once
        if child not in left_out:
            good += scored.good[child]
            bad += scored.bad[child]
        child = containers[child].end + 1
    return good - BAD_WEIGHT * bad


def with_siblings(containers: Sequence[Container], scored: Scored, region: Region) -> Region:
    """Readability's sibling pass, restricted to the region's own kind: when other
    children of the region's parent carry its signature (tag and class, see
    :func:`same_kind`; a classless ``<p>`` counts, other classless tags do not) and each
    holds a sentence or more of prose, the article was split into blocks (paragraphs each
    on their own, story parts between ads) and the parent, without its other children,
    is the region."""
    idx = region.container
    me = containers[idx]
    if idx <= 0 or (not me.cls and me.tag != "p"):
        return region
    parent, good, bad = me.parent, scored.good, scored.bad
    same = {idx}
    g = b = 0.0
    child, end = parent + 1, containers[parent].end
    while child <= end:  # the parent's children, each subtree skipped at once
        c = containers[child]
        if (c.tag == me.tag and same_kind(c.cls, me.cls) and child != idx
                and scored.chrome_of[child] != child and good[child] > MIN_PROSE_UNITS):
            same.add(child)
            g += good[child]
            b += bad[child]
        child = c.end + 1
    if (len(same) == 1 or b > SIBLING_LINK_DENSITY * (g + b)
            or g < SIBLING_SHARE * good[idx]):
        return region
    skip = []
    child = parent + 1
    while child <= end:
        if child not in same:
            skip.append((child, containers[child].end))
        child = containers[child].end + 1
    reason = "region.siblings" if region.reason == "region.best" else f"{region.reason}+siblings"
    return Region(parent, end, region.score, reason=reason, skip=tuple(skip))


def same_kind(cls: str | None, other: str | None) -> bool:
    """Whether two class values name one kind of block: equal, or variants of one BEM
    block (``entry entry--text`` and ``entry entry--image``: the same first class, and each
    a modifier of it), as an article built of text, image and quote sections writes them."""
    if cls == other:
        return True
    if not cls or not other:
        return False
    mine, theirs = cls.split(), other.split()
    if not mine or not theirs or mine[0] != theirs[0]:
        return False
    modifier = mine[0] + BEM_MODIFIER
    return (any(t.startswith(modifier) for t in mine)
            and any(t.startswith(modifier) for t in theirs))


def anchor_segment(segs: Sequence[Seg], headlines: frozenset[int], meta: Metadata) -> int:
    """The segment the region is tied to: the first copy of the headline that is not a
    link (a blog's name in its header links home), when the title is the headline an
    element of the page shows; -1 for none."""
    source = next((rule for field, rule in meta.rules if field == "title"), None)
    if source is None or source in UNANCHORED_TITLES:
        return -1
    return next((at for at in sorted(headlines) if link_density(segs[at]) <= 0.5), -1)


def anchored(page: Segmented, scores: Sequence[float], region: Region, at: int) -> Region:
    """The region, or the best candidate tied to the headline segment ``at`` when the
    region lies elsewhere and that candidate scores at least a fair share of it
    (ANCHOR_SHARE). A candidate is tied to the headline when it holds it or starts just
    after it; one that holds the region as well is the page around both, not the
    article's."""
    segs, containers = page.segs, page.containers
    head = segs[at].container
    first, last = region.container, region.end
    stop = min(len(segs), at + 1 + ANCHOR_REACH)
    if first <= head <= last or any(first <= segs[j].container <= last
                                    for j in range(at + 1, stop)):
        return region
    best = -1
    for c in _tied(containers, segs, head, at, stop):
        if not c <= first <= containers[c].end and (best < 0 or scores[c] > scores[best]):
            best = c
    if best < 0 or scores[best] <= 0 or scores[best] < ANCHOR_SHARE * region.score:
        return region
    return Region(best, containers[best].end, scores[best], reason="region.anchor")


def _tied(containers: Sequence[Container], segs: Sequence[Seg], head: int, at: int,
          stop: int) -> set[int]:
    """The containers holding container ``head`` (that of segment ``at``), and those whose
    first segment lies after ``at`` and before ``stop``."""
    out = set()
    c = head
    while c >= 0:
        out.add(c)
        c = containers[c].parent
    for j in range(at + 1, stop):
        c = segs[j].container
        # Up to the first container that holds the headline as well (already in ``out``).
        while c not in out and not c <= head <= containers[c].end:
            out.add(c)
            c = containers[c].parent
    return out


def judge(seg: Seg, containers: tuple[Container, ...], region: Region, favor: str,
          chrome_at: int) -> Decision:
    """The structural decision on one segment inside the region (``chrome_at``: its
    nearest chrome-named container); textual rules run later, in finish."""
    if region.container < chrome_at <= region.end:
        return decide(seg, DROP, containers[chrome_at].chrome or "chrome")
    if seg.caption or seg.kind == "caption":
        named = containers[seg.container].site_rule
        return decide(seg, CAPTION, f"site.{named}" if named else "caption.element")
    density = link_density(seg)
    if density > LINK_DENSITY[favor]:
        return decide(seg, DROP, f"links={density:.2f}")
    # A region a site rule names is reported as that rule's decision.
    source = "body" if region.site_rule is None else f"site.{region.site_rule}"
    return decide(seg, BODY, f"{source}:links={density:.2f}")


def _left_out(decisions: list[Decision], region: Region) -> list[Decision]:
    """Segments under the children of the region the sibling pass left out."""
    out = list(decisions)
    ranges = iter(region.skip)
    low, high = next(ranges)
    for i, d in enumerate(decisions):
        c = d.seg.container
        while c > high:
            nxt = next(ranges, None)
            if nxt is None:
                return out
            low, high = nxt
        if low <= c:
            out[i] = decide(d.seg, DROP, SIBLING)
    return out


def judge_all(segs: Sequence[Seg], containers: tuple[Container, ...], region: Region,
              chrome_of: Sequence[int], favor: str) -> tuple[Decision, ...]:
    """One decision per segment: :func:`judge` inside the region, ``region.outside``
    elsewhere, ``region.sibling`` under the children the sibling pass left out."""
    first, last = region.container, region.end
    decisions = [
        judge(seg, containers, region, favor, chrome_of[seg.container])
        if first <= seg.container <= last else decide(seg, DROP, OUTSIDE)
        for seg in segs
    ]
    if region.skip:
        decisions = _left_out(decisions, region)
    return tuple(decisions)


def score(page: Segmented, meta: Metadata, options: Options) -> Page:
    """Choose the region and judge every segment structurally: the page record starts
    here, with the metadata read before the walk."""
    headlines = headline_copies(page.segs, meta.title)
    scored = container_scores(page, headlines)
    region = choose_region(page, scored, anchor_segment(page.segs, headlines, meta))
    decisions = judge_all(page.segs, page.containers, region, scored.chrome_of, options.favor)
    return Page(page.containers, region, decisions, meta, headlines, scored)


def runner_up(page: Page, scored: Scored) -> Region | None:
    """The best-scoring container that neither lies in the page's region nor holds it
    (the region's own text is what fell short), if one scores at all."""
    scores, containers, region = scored.score, page.containers, page.region
    best = -1
    for c, value in enumerate(scores):
        if (value > 0 and (best < 0 or value > scores[best])
                and not region.container <= c <= region.end
                and not c <= region.container <= containers[c].end):
            best = c
    if best < 0:
        return None
    return Region(best, containers[best].end, scores[best], reason="fallback.retry")


#: The kind of a page judged again against another region (see :func:`rejudged`).
RETRIED: Final = Kind("article", "the recall retry's region, read as an article")


def rejudged(page: Page, scored: Scored, region: Region, options: Options) -> Page:
    """``page`` (as the score stage made it, with its ``scored``) judged against another
    region. The page-kind stage's posts belonged to the first region: the page is read as
    an article again."""
    segs = [d.seg for d in page.decisions]
    decisions = judge_all(segs, page.containers, region, scored.chrome_of, options.favor)
    return replace(page, region=region, decisions=decisions, kind=RETRIED)
