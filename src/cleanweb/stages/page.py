"""The page record: the values the stages after the walk hand each other.

The segment stage turns the tree into a :class:`Segmented` page: a table of containers (the
block-level elements) and the text segments found in them, in page order. The score stage
starts the :class:`Page` record from it: the region it chose and one :class:`Decision` per
segment (the segment, its :class:`Role` and the reason). The finish stage returns a new
record with new decisions and the metadata its byline pass completed; the assemble stage
reads the last one. No stage edits what it was given.

Segments and decisions are tuples (built by the hundred per page: a frozen dataclass costs
several times as much to create); the records around them are frozen dataclasses, so a
later stage can add a field with a default without touching the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final, NamedTuple

from cleanweb.stages.metadata import Metadata


@dataclass(slots=True)
class Container:
    """A block-level element: its place in the tree and what its names say. Built by the
    walk (which sets ``end`` when the element closes), read-only afterwards."""

    parent: int
    tag: str
    kind: str
    #: Rule id when the element itself is chrome-named (tag, role, class or id).
    chrome: str | None
    caption: bool
    #: Index of the last container in this one's subtree (inclusive).
    end: int = 0
    #: Id of the site rule that named the element (main container, caption), if any.
    site_rule: str | None = None
    #: The element's class attribute as written, or None: with the tag, the signature the score
    #: stage compares siblings by and that repeats on every post of a thread (page-kind stage) ...
    cls: str | None = None
    #: ... and its id attribute, which often names the post ("post_1234").
    ident: str | None = None


class Span(NamedTuple):
    """Markup inside a segment, recorded only when the options ask for it: a link, an
    emphasis or inline code over ``text[start:end]`` of its segment, or an image.

    An image has ``start == end``: the offset in the text where it stands, or
    :data:`APART` when it stood on its own before the segment's text (in a block, a
    figure or a paragraph of its own)."""

    #: One of :data:`LINK`, :data:`STRONG`, :data:`EM`, :data:`CODE`, :data:`IMAGE`.
    kind: str
    start: int
    end: int
    #: A link's href or an image's source, as written on the page ("" for emphasis).
    url: str = ""
    #: An image's alt text.
    alt: str = ""
    #: An image's container, and whether it sits inside a link.
    container: int = -1
    in_link: bool = False


LINK: Final = "link"
STRONG: Final = "strong"
EM: Final = "em"
CODE: Final = "code"
IMAGE: Final = "image"
#: The offset of an image that stands apart, before its segment's text.
APART: Final = -1


class Seg(NamedTuple):
    """A candidate block with the features the scorer needs."""

    kind: str
    text: str
    level: int
    container: int
    units: int
    link_units: int
    punct: int
    #: Nearest chrome-named ancestor container (index) and its rule id, or -1/None.
    chrome_at: int
    chrome: str | None
    caption: bool
    #: The segment comes right after an image, with no text between them.
    after_image: bool = False
    #: Links, emphasis and images in it (:class:`Span`), when the options ask for them.
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Segmented:
    """What the walk found: the container table (parents before their children; index 0 is
    the body) and the segments in page order."""

    containers: tuple[Container, ...]
    segs: tuple[Seg, ...]
    #: Container a site rule names as the main content, or -1.
    main: int = -1


class Role(Enum):
    """What a segment is to the article."""

    BODY = "body"  # part of the article's text
    CAPTION = "caption"  # an image or figure caption: goes to ``Document.captions``
    DROP = "drop"  # chrome, a copy of the headline, a credit line moved into the metadata
    #: A heading that opens a list to leave out ("相关新闻", "Related articles"): the
    #: finish stage drops it and the list after it, so no later stage sees this role.
    BOUNDARY = "boundary"


# The members as module constants, which the stages compare with: on Python 3.11 every
# ``Role.X`` goes through the enum metaclass's ``__getattr__`` (ten times the cost of a
# global), and roles are compared several times per segment. Compiled, both are C statics.
BODY: Final = Role.BODY
CAPTION: Final = Role.CAPTION
DROP: Final = Role.DROP
BOUNDARY: Final = Role.BOUNDARY


class Decision(NamedTuple):
    """One segment and what was decided about it: its role, and the rule id or score
    that decided (``Block.reason`` in the trace)."""

    seg: Seg
    role: Role
    reason: str


def decide(seg: Seg, role: Role, reason: str) -> Decision:
    """``Decision(seg, role, reason)``, made the way ``NamedTuple._make`` makes it: without
    the generated ``__new__``, which costs two to three times as much (compiled or not),
    and a decision is made for every segment of every page."""
    return tuple.__new__(Decision, (seg, role, reason))


@dataclass(frozen=True, slots=True)
class Region:
    """The main-content region: a container and its subtree."""

    #: Index of the container (0: the whole body) ...
    container: int
    #: ... and of the last container in its subtree.
    end: int
    #: Its score; 0.0 when a site rule named it.
    score: float
    #: Id of the site rule that named the container as the main content, if one did.
    site_rule: str | None = None
    #: What chose it: ``region.best`` (the best score), or the check that moved it there
    #: (``region.anchor``, ...).
    reason: str = "region.best"
    #: Containers of the subtree left out of it, as sorted ranges (first, last): the
    #: children the sibling pass did not take along.
    skip: tuple[tuple[int, int], ...] = ()


class Scored(NamedTuple):
    """What the score stage's bottom-up pass found, per container: kept on the page
    record, so a later look at the page (the fallback stage) needs no second pass."""

    #: good - BAD_WEIGHT * bad, weighted down inside chrome (see the score stage).
    score: list[float]
    #: Prose mass of the subtree, chrome-named children left out ...
    good: list[float]
    #: ... and its link mass, with all the mass of its chrome-named children.
    bad: list[float]
    #: The nearest chrome-named container at or above each one whose name is not void
    #: (-1: none).
    chrome_of: list[int]


@dataclass(frozen=True, slots=True)
class Kind:
    """What kind of page the page-kind stage saw, and why."""

    #: "article" or "thread" (a page with no body at all is "none" on the Document).
    name: str
    #: Why, in words, for ``explain`` ("12 posts div.post-body (thread.post)").
    reason: str
    #: A thread's posts: the containers that hold them, in page order.
    posts: tuple[int, ...] = ()


#: The kind of a page no page-kind stage has looked at.
ARTICLE_KIND: Final = Kind("article", "no page-kind stage ran")


@dataclass(frozen=True, slots=True)
class Page:
    """One page from the score stage on: the container table, the region, one decision per
    segment in page order, the metadata, and the kind of page."""

    containers: tuple[Container, ...]
    region: Region
    decisions: tuple[Decision, ...]
    meta: Metadata
    #: Indexes of the segments that repeat the headline (the finish stage drops them).
    headlines: frozenset[int] = frozenset()
    #: The container scores the region was chosen by.
    scored: Scored | None = None
    kind: Kind = ARTICLE_KIND
