"""Reading text from the tree only as far as it can matter: a hostile page can put
megabytes into one title, one text node or one unclosed headline, and reading such text
whole costs seconds, outside the page budget's checks."""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from cleanweb.measures import squash
from cleanweb.stages.parse import is_hidden

#: A <title> or a meta value is read up to this many characters (real ones are far shorter;
#: reading a hostile one whole costs seconds per 10 MB).
MAX_TITLE_CHARS = 1000
#: Nodes (elements and texts) a walk may visit, so a huge page costs no more.
ZONE_VISIT = 400
#: Elements whose text no reader sees.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "textarea", "select", "iframe"})


def text_of(node: LexborNode | None) -> str:
    return squash(node.text(deep=True)) if node is not None else ""


def squashed_head(raw: str, limit: int = MAX_TITLE_CHARS) -> str:
    """The first ``limit`` characters of ``squash(raw)``, without squashing all of it (a
    space run squashes to one character, so 4 × limit raw characters are more than enough
    unless the text is mostly spaces, when the squashed start is merely shorter)."""
    return squash(raw[: 4 * limit])[:limit]


def short_text(node: LexborNode, limit: int) -> str | None:
    """:func:`text_of`, or None when that is longer than ``limit``. A container's long
    text is not squashed whole: its squashed start is already too long."""
    raw = node.text(deep=True)
    head = squash(raw[: 4 * limit])  # a prefix of the squashed whole
    if len(head) > limit:
        return None
    text = head if len(raw) <= 4 * limit else squash(raw)
    return text if len(text) <= limit else None


def visible_text(node: LexborNode) -> str:
    """Element text without script/style content (broken markup can nest them)."""
    texts = [n.text_content or "" for n in visible_texts(node, within=True)]
    return squash(" ".join(texts))


def following(node: LexborNode) -> Iterator[LexborNode]:
    """Visible text nodes after ``node`` in document order (its descendants excluded);
    script/style and inline-hidden subtrees are skipped; at most ZONE_VISIT nodes."""
    return visible_texts(node, within=False)


def visible_texts(node: LexborNode, *, within: bool) -> Iterator[LexborNode]:
    """The text nodes of ``node``'s subtree (``within``) or of all that follows it, in
    document order, minus script/style and inline-hidden subtrees; every node visited
    counts against ZONE_VISIT. One loop over the child/next/parent links: no per-element
    list or generator, and the walk stops as soon as the caller does."""
    budget = ZONE_VISIT
    level = 0  # depth below the start node; the ``within`` walk never leaves level 0
    enter = within
    while budget > 0:
        if enter:
            budget -= 1
            tag = node.tag or "-"
            if tag == "-text":
                yield node
            elif not (tag in SKIP_TAGS or tag.startswith("-") or is_hidden(node.attributes)):
                child = node.first_child
                if child is not None:
                    node, level = child, level + 1
                    continue
        enter = True
        # on to the next sibling, or the nearest ancestor's
        while True:
            if within and level == 0:
                return
            step = node.next
            if step is not None:
                node = step
                break
            step = node.parent
            if step is None:
                return
            node, level = step, level - 1


def attrs_text(node: LexborNode | None) -> str:
    """The class and id of ``node``, lower-cased."""
    if node is None:
        return ""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().strip()


def hint(node: LexborNode) -> str:
    """The class and id of ``node`` and of its parent."""
    return f"{attrs_text(node)} {attrs_text(node.parent)}"
