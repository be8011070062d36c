"""Page-kind stage: an article, or a thread of posts (a forum topic, a Q&A page).

On a thread the score stage's region is one post, or the text of one: the replies are
siblings of it, or sit under comment-named elements, which are chrome on an article. So the
posts are looked for around the region's text first: the lowest block, from the one that
holds that text up to a few levels above the region, whose tag and class repeat elsewhere on
the page as blocks that hold prose, with a post-like name on it or on a list of posts just
above it (:data:`cleanweb.rules.thread.POST_NAMES`). Failing that, the region may be the
list of posts itself: then the posts are repeated post-named blocks a few levels below it
that hold most of its prose and carry the numbered ids forum software gives its posts.

Every block with the posts' signature is a post, and the posts are the body: each judged
like the region, except that comment names inside a post are the post's own, and the
post's own chrome (signatures, vote counts, badges, profile cards, buttons:
:data:`cleanweb.rules.thread.POST_CHROME`; lone counts, "edited by" notices and rows of
buttons: :data:`cleanweb.rules.thread.POST_LINES`) is dropped.

Repeats that are not a thread are left alone: a stream of whole articles (each post's item
with a top heading of its own), an article with its reader comments (the region's post
outside any comment element and the repeats inside one, or the repeats inside one beside
an article's prose), repeats that add little prose to the post, and link lists. Pages
without a post-like name near the region cost one literal scan of a few names.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final, NamedTuple

from cleanweb.rules.base import NameTable, merged_index, name_words
from cleanweb.rules.thread import POST_CHROME, POST_LINES, POST_NAMES
from cleanweb.stages.page import DROP, Container, Decision, Kind, Page, Region, Seg, decide
from cleanweb.stages.score import judge, link_density, seg_mass

#: Levels above the region's text at which a post may sit (the region is often the text of
#: one post, a few wrappers below the post's own block).
POST_REACH = 5
#: Levels above a post at which a list of posts may name it (``ul.replies`` around unnamed
#: items).
NAME_REACH = 3
#: The posts together hold at least this many times the prose of the post the region is
#: in (repeats that add little are a page's boxes, not its replies) ...
MIN_GAIN = 1.3
#: ... unless there are this many posts at least: a long opening post with short replies.
MIN_POSTS = 3
#: Link units per unit of prose, at most, over the posts: a repeated link list is no thread.
MAX_LINKS = 0.5
#: Levels below the region at which its posts may sit, when the region is the thread's
#: list of posts rather than one of them ...
INNER_REACH = 3
#: ... where the posts hold at least this share of the region's prose.
INNER_SHARE = 0.5
#: Units of a heading that can be an article's title ("Comment" over a reply form is not).
MIN_TITLE_UNITS = 3
#: Tags that are never a post: repeated paragraphs, headings or inline boxes are text of one.
NOT_POST_TAGS = frozenset({"p", "span", "h1", "h2", "h3", "h4", "h5", "h6"})
#: The chrome name that is void inside a post: there it names the post's own parts.
COMMENT_RULE: Final = "class.comment"
#: The post-name rule of a list of posts, which names the blocks below it.
LIST_RULE: Final = "thread.list"

ARTICLE: Final = "article"
THREAD: Final = "thread"


def _index(table: NameTable) -> dict[str, str]:
    return {name: rules[0].id for name, rules in merged_index(table).items()}


_POST_NAMES = _index(POST_NAMES)
# Literal parts of the post names, one of which every post name holds.
_POST_NEEDLES = tuple(
    sorted(n for n in _POST_NAMES if not any(m != n and m in n for m in _POST_NAMES)))
_POST_CHROME = _index(POST_CHROME)


def _named(cont: Container, names: dict[str, str]) -> list[str]:
    """The ids of the rules in ``names`` that the container's class or id hits, in the
    order its words come."""
    out: list[str] = []
    for value in (cont.cls, cont.ident):
        if value:
            for word in name_words(value.lower()):
                rule = names.get(word)
                if rule is not None and rule not in out:
                    out.append(rule)
    return out


def post_name(cont: Container) -> str | None:
    """The post-name rule a container's class or id hits (``thread.post``...), or None."""
    rules = _named(cont, _POST_NAMES)
    return rules[0] if rules else None


def post_chrome(cont: Container) -> str | None:
    """The post-chrome rule a container's class or id hits (``thread.votes``...), or None."""
    rules = _named(cont, _POST_CHROME)
    return rules[0] if rules else None


def signature(cont: Container) -> str:
    """What every post of a thread shares: the tag and the class words, in order."""
    return f"{cont.tag}.{' '.join((cont.cls or '').split())}"


def _up(containers: Sequence[Container], start: int, levels: int) -> list[int]:
    """``start`` and up to ``levels`` ancestors of it, the body excluded."""
    out: list[int] = []
    at = start
    while at > 0 and len(out) <= levels:
        out.append(at)
        at = containers[at].parent
    return out


def _text_path(page: Page) -> list[int]:
    """The region and the wrappers inside it down to the block that holds its text, each
    the only child of the one before (a post's text often sits a few wrappers below the
    block the region is, and names itself there). A wrapper with text of its own ends it."""
    containers = page.containers
    path = [page.region.container]
    at = path[0]
    while at + 1 <= containers[at].end and containers[at + 1].end == containers[at].end:
        at += 1
        path.append(at)
    if len(path) > 1:
        holders = {d.seg.container for d in page.decisions}
        for i, at in enumerate(path[:-1]):
            if at in holders:
                return path[:i + 1]
    return path


def _maybe_named(containers: Sequence[Container], chain: Sequence[int]) -> bool:
    """Whether a class or id along the chain may hold a post name: a few substring scans,
    which every name :func:`post_name` finds passes (its words are parts of the value, or
    of the value with its joiners dropped), so most pages stop here."""
    values = [v for at in chain for v in (containers[at].cls, containers[at].ident) if v]
    if not values:
        return False
    text = " ".join(values).lower()
    text = f"{text} {text.replace('-', '').replace('_', '')}"
    return any(needle in text for needle in _POST_NEEDLES)


class Masses(NamedTuple):
    """Per container, over its subtree, whatever the names say (a thread's replies are
    often comment-named): prose mass, link mass, and units outside links."""

    good: list[float]
    links: list[float]
    plain: list[int]


def _masses(page: Page) -> Masses:
    """The :class:`Masses` of every container, in one bottom-up pass."""
    containers = page.containers
    n = len(containers)
    good = [0.0] * n
    links = [0.0] * n
    plain = [0] * n
    for d in page.decisions:
        seg = d.seg
        g, b = seg_mass(seg)
        good[seg.container] += g
        links[seg.container] += b
        plain[seg.container] += seg.units - seg.link_units
    for idx in range(n - 1, 0, -1):
        parent = containers[idx].parent
        good[parent] += good[idx]
        links[parent] += links[idx]
        plain[parent] += plain[idx]
    return Masses(good, links, plain)


def _members(containers: Sequence[Container], post: int, first: int, last: int) -> list[int]:
    """The outermost containers from ``first`` to ``last`` with the signature of ``post``
    (its tag and class words), in page order."""
    tag, cls = containers[post].tag, containers[post].cls or ""
    words = cls.split()
    lead = words[0] if words else ""
    out: list[int] = []
    idx = first
    while idx <= last:
        cont = containers[idx]
        other = cont.cls
        # The raw class first, then its words: most blocks of the tag differ in both.
        if cont.tag == tag and other is not None and (
                other == cls or (lead in other and other.split() == words)):
            out.append(idx)
            idx = cont.end + 1
        else:
            idx += 1
    return out


def _below(containers: Sequence[Container], top: int, levels: int) -> list[int]:
    """The containers one to ``levels`` levels below ``top``, the shallower first."""
    out: list[int] = []
    level = [top]
    for _ in range(levels):
        deeper = []
        for parent in level:
            child, end = parent + 1, containers[parent].end
            while child <= end:
                deeper.append(child)
                child = containers[child].end + 1
        out += deeper
        level = deeper
    return out


def _items(containers: Sequence[Container], posts: Sequence[int]) -> list[int]:
    """Each post's whole item: its highest ancestor that holds no other post (a post's
    header, with the author or a title, often sits beside its text)."""
    out = []
    for i, post in enumerate(posts):
        before = posts[i - 1] if i else 0
        after = posts[i + 1] if i + 1 < len(posts) else len(containers)
        at = post
        parent = containers[at].parent
        while parent > before and containers[parent].end < after:
            at = parent
            parent = containers[at].parent
        out.append(at)
    return out


def _article_stream(containers: Sequence[Container], heads: Sequence[tuple[int, str]],
                    posts: Sequence[int]) -> bool:
    """Two or more of the posts' items hold top headings of their own, different ones:
    whole articles in a row (a blog's front page, an endless-scroll article page), not one
    thread (whose replies have no heading, or a label or "Re:" title they share)."""
    starts = [at for at, _ in heads]
    titles = set()
    for item in _items(containers, posts):
        at = bisect_left(starts, item)
        if at < len(heads) and heads[at][0] <= containers[item].end:
            titles.add(heads[at][1])
    return len(titles) >= 2


def _comment_top(containers: Sequence[Container], idx: int) -> int:
    """The outermost comment-named element holding ``idx``, or -1."""
    top = -1
    while idx > 0:
        if containers[idx].chrome == COMMENT_RULE:
            top = idx
        idx = containers[idx].parent
    return top


def _comments_of(containers: Sequence[Container], good: Sequence[float], post: int,
                 posts: Sequence[int]) -> bool:
    """The posts are an article's reader comments, which stay chrome: the region's post
    stands outside any comment element and most of the others sit inside one, or they all
    do beside an article (:func:`_beside_article`)."""
    if _comment_top(containers, post) < 0:
        others = [_comment_top(containers, m) for m in posts if m != post]
        return 2 * sum(top >= 0 for top in others) >= len(others)
    outer = min(_comment_top(containers, m) for m in posts)
    return outer >= 0 and _beside_article(containers, good, containers[outer].parent, posts)


def _beside_article(containers: Sequence[Container], good: Sequence[float], frame: int,
                    posts: Sequence[int]) -> bool:
    """Every post sits inside a comment element, and ``frame`` holds prose of its own
    beside those elements (the article) at least as much as an average post."""
    tops = {_comment_top(containers, m) for m in posts}
    if -1 in tops:
        return False
    inside = sum(good[top] for top in tops if frame <= top <= containers[frame].end)
    return good[frame] - inside >= sum(good[m] for m in posts) / len(posts)


def _post_rule(named: Sequence[list[str]], at: int) -> str | None:
    """The post-name rule that names the candidate post ``at`` of a chain whose names are
    ``named``: one on the block itself, or a list of posts a few levels above it."""
    if named[at]:
        return named[at][0]
    above = named[at + 1:at + NAME_REACH + 1]
    return LIST_RULE if any(LIST_RULE in rules for rules in above) else None


def find_thread(page: Page) -> Kind:
    """The kind of the page: a thread, with its posts, or an article with the reason no
    thread was taken. The posts are looked for around the region's text first (the region
    is one post), then just below the region (the region is the list of posts)."""
    containers = page.containers
    path = _text_path(page)
    reach = len(path) - 1 + POST_REACH
    chain = _up(containers, path[-1], reach + NAME_REACH)
    inner = _below(containers, page.region.container, INNER_REACH)
    if not _maybe_named(containers, chain + inner):
        return Kind(ARTICLE, "no post-like name at the region")
    masses: list[Masses] = []  # summed once, and only where a post-named block repeats
    kind = _around(page, chain, reach, masses)
    if kind is None or kind.name != THREAD:
        kind = _inside(page, inner, masses) or kind
    return kind or Kind(ARTICLE, "no repeated post-like block holds the region")


def _around(page: Page, chain: Sequence[int], reach: int, masses: list[Masses]) -> Kind | None:
    """The thread one of whose posts holds the region's text (the post is one of the first
    ``reach + 1`` blocks of ``chain``, the blocks from that text up), or why the repeats
    found there are none."""
    containers = page.containers
    named = [_named(containers[at], _POST_NAMES) for at in chain]
    why = None
    for i, post in enumerate(chain[:reach + 1]):
        rule = _post_rule(named, i)
        members = _candidate(containers, post, rule, 1, len(containers) - 1)
        if rule is None or members is None:
            continue
        kind = _verdict(page, post, members, rule, masses, _judge_repeats)
        if kind is not None and kind.name == THREAD:
            return kind
        why = kind or why
    return why


def _inside(page: Page, inner: Sequence[int], masses: list[Masses]) -> Kind | None:
    """The thread whose posts the region holds a few levels down (``inner``: the region is
    the list of posts), or why the repeats found there are none."""
    containers = page.containers
    region = page.region
    why = None
    # The posts of a list sit at the same depth, so a signature seen once there is none.
    twins: dict[str, list[int]] = {}
    for post in inner:
        if containers[post].cls and containers[post].tag not in NOT_POST_TAGS:
            twins.setdefault(signature(containers[post]), []).append(post)
    for found in twins.values():
        if len(found) < 2:
            continue
        post = found[0]
        rule = _inner_rule(containers, post)
        members = _candidate(containers, post, rule, region.container + 1, region.end)
        if rule is None or members is None:
            continue
        kind = _verdict(page, post, members, rule, masses, _judge_inner)
        if kind is not None and kind.name == THREAD:
            return kind
        why = kind or why
    return why


def _verdict(page: Page, post: int, members: list[int], rule: str, masses: list[Masses],
             judge: Callable[[Page, int, list[int], Masses], Kind | None]) -> Kind | None:
    """``judge``'s verdict on a candidate post and its repeats, a thread's reason naming the
    post rule; the masses are summed on the first call (``masses`` keeps them)."""
    if not masses:
        masses.append(_masses(page))
    kind = judge(page, post, members, masses[0])
    if kind is not None and kind.name == THREAD:
        return Kind(THREAD, f"{kind.reason} ({rule})", kind.posts)
    return kind

def _candidate(containers: Sequence[Container], post: int, rule: str | None, first: int,
               last: int) -> list[int] | None:
    """The repeats of a candidate post from ``first`` to ``last``, when it can be a post:
    it has a class (the signature), a post name (``rule``), a tag that can hold a post, no
    post-chrome name, and a twin at least."""
    cont = containers[post]
    if rule is None or not cont.cls or cont.tag in NOT_POST_TAGS:
        return None
    if post_chrome(cont) is not None:
        return None
    members = _members(containers, post, first, last)
    return members if len(members) >= 2 else None


def _inner_rule(containers: Sequence[Container], post: int) -> str | None:
    """The post-name rule that names a block below the region: its own, or a list of posts
    a few levels above it."""
    rule = post_name(containers[post])
    if rule is not None:
        return rule
    for at in _up(containers, containers[post].parent, NAME_REACH - 1):
        if LIST_RULE in _named(containers[at], _POST_NAMES):
            return LIST_RULE
    return None


def _prose_posts(members: Sequence[int], masses: Masses) -> tuple[list[int], float] | None:
    """The members that are posts (their text mostly not links: a member that is mostly
    links is the page's navigation) and the prose they hold, when two of them hold prose
    and links stay a minor part of them; else None."""
    good, links, plain = masses
    posts = [m for m in members if plain[m] > links[m]]
    holding = [m for m in posts if good[m] > 0]
    if len(holding) < 2:
        return None
    prose = sum(good[m] for m in holding)
    if sum(links[m] for m in posts) > MAX_LINKS * prose:
        return None
    return posts, prose


def _judge_repeats(page: Page, post: int, members: Sequence[int], masses: Masses) -> Kind | None:
    """Whether the repeats of the post that holds the region's text are a thread's posts
    (a thread), or what else they are (an article, with the reason), or nothing worth a
    word (None)."""
    found = _prose_posts(members, masses)
    if found is None:
        return None
    posts, prose = found
    if prose < MIN_GAIN * masses.good[post] and len(posts) < MIN_POSTS:
        return None
    label = signature(page.containers[post])
    if _article_stream(page.containers, _titles(page), posts):
        return Kind(ARTICLE, f"the repeats of {label} are separate articles")
    if _comments_of(page.containers, masses.good, post, posts):
        return Kind(ARTICLE, f"the repeats of {label} are an article's reader comments")
    return Kind(THREAD, f"{len(posts)} posts {label}", tuple(posts))


def _judge_inner(page: Page, post: int, members: Sequence[int], masses: Masses) -> Kind | None:
    """Whether the repeats inside the region are its posts (a thread), or what else they
    are (an article, with the reason), or nothing worth a word (None)."""
    found = _prose_posts(members, masses)
    region = page.region.container
    if found is None or found[1] < INNER_SHARE * masses.good[region]:
        return None
    posts = found[0]
    label = signature(page.containers[post])
    if not _numbered(page.containers, posts):
        return Kind(ARTICLE, f"the {label} blocks in the region are sections of one text")
    if _article_stream(page.containers, _titles(page), posts):
        return Kind(ARTICLE, f"the {label} blocks in the region are separate articles")
    if _beside_article(page.containers, masses.good, region, posts):
        return Kind(ARTICLE, f"the {label} blocks in the region are an article's comments")
    return Kind(THREAD, f"{len(posts)} posts {label} in the region", tuple(posts))


def _numbered(containers: Sequence[Container], posts: Sequence[int]) -> bool:
    """Half the posts or more carry a numbered id on their item ("post_1234", "p88"):
    forum software numbers its posts, an article does not number its sections. The
    region that holds the posts needs this evidence; a post that holds the region's
    text does not (it repeats beside the region)."""
    numbered = 0
    for post, item in zip(posts, _items(containers, posts), strict=True):
        at = post
        while at >= item and not any(ch.isdigit() for ch in containers[at].ident or ""):
            at = containers[at].parent
        numbered += at >= item
    return 2 * numbered >= len(posts)


def _titles(page: Page) -> list[tuple[int, str]]:
    """The top headings that could be an article's title, by container, in page order."""
    return [(d.seg.container, d.seg.text) for d in page.decisions
            if d.seg.kind == "heading" and 0 < d.seg.level <= 2
            and d.seg.units >= MIN_TITLE_UNITS]


def _chrome_in_posts(page: Page, posts: Sequence[int]) -> dict[int, str]:
    """The chrome rule over each container inside the posts that has one: the nearest
    chrome or post-chrome name between it and its post, comment names left out."""
    containers = page.containers
    out: dict[int, str] = {}
    for post in posts:
        for idx in range(post + 1, containers[post].end + 1):
            cont = containers[idx]
            own = cont.chrome if cont.chrome != COMMENT_RULE else None
            rule = own or post_chrome(cont) or out.get(cont.parent)
            if rule is not None:
                out[idx] = rule
    return out


def _judge_post(seg: Seg, chrome: str | None, containers: tuple[Container, ...],
                post: Region, favor: str) -> Decision:
    """A segment of a post, judged as the region's segments are; chrome is what
    :func:`_chrome_in_posts` found over it. A short line next to an image is no caption in
    a thread: avatars, emoticons and reaction icons sit beside short replies."""
    if seg.after_image:
        seg = seg._replace(after_image=False)
    if chrome is not None:
        return decide(seg, DROP, chrome)
    d = judge(seg, containers, post, favor, -1)
    if d.role is DROP or not d.reason.startswith("body"):
        return decide(seg, d.role, d.reason)
    line = POST_LINES.first(seg.text)
    if line is not None:
        return decide(seg, DROP, line.id)
    return decide(seg, d.role, f"thread:links={link_density(seg):.2f}")


def rejudge(page: Page, kind: Kind, favor: str) -> Page:
    """The page with every post judged as body. Outside the posts the score stage's
    decisions stand: outside the region everything is dropped, and a region that is the
    list of posts keeps what else it holds (a post that carries another class, the thread's
    header line)."""
    containers = page.containers
    owner = [-1] * len(containers)
    for post in kind.posts:
        for idx in range(post, containers[post].end + 1):
            owner[idx] = post
    regions = {post: Region(post, containers[post].end, 0.0) for post in kind.posts}
    chrome = _chrome_in_posts(page, kind.posts)
    decisions = []
    for d in page.decisions:
        at = d.seg.container
        post = owner[at]
        if post < 0:
            decisions.append(d)
        else:
            decisions.append(_judge_post(d.seg, chrome.get(at), containers, regions[post],
                                         favor))
    return replace(page, decisions=tuple(decisions), kind=kind)


def page_kind(page: Page, favor: str) -> Page:
    """The page-kind stage: the page record with its :class:`Kind`; on a thread, every
    post judged as body."""
    if page.region.site_rule is not None:
        return replace(page, kind=Kind(ARTICLE, "a site rule names the region"))
    kind = find_thread(page)
    if kind.name != THREAD:
        return replace(page, kind=kind)
    return rejudge(page, kind, favor)
