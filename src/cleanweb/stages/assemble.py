"""Assemble stage: the typed ``Document`` from the page record's decisions and metadata.

When the options ask for links, images or formatting, the body's blocks also carry them,
from the spans the walk recorded: links resolved against the page's base, in-page and
unsafe ones left out; images placed where they stood, with their captions; emphasis and
code; and how deep each list item is nested. An image stands before the body block after
it, or with the caption after it (a figure), or inside a block's text; it is kept when what
it stands before is kept as body or caption, or was dropped only for its text (a headline
copy, a credit or toolbar line under a picture) while the image sits in the region outside
chrome; images of menus, sidebars, link lists and related lists go with what they stand
before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from cleanweb.document import (
    Block,
    BlockKind,
    Document,
    Image,
    Link,
    Mark,
    MarkKind,
    PageKind,
    Status,
)
from cleanweb.options import Options
from cleanweb.stages.markup import image_url, link_url
from cleanweb.stages.metadata import Metadata, settle_lang
from cleanweb.stages.page import (
    APART,
    BODY,
    CAPTION,
    IMAGE,
    LINK,
    Container,
    Decision,
    Page,
    Seg,
)
from cleanweb.stages.score import OUTSIDE

#: The elements whose items are list items, and those of them that number their items.
_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
_ORDERED_TAGS = frozenset({"ol"})


@dataclass(frozen=True, slots=True)
class EncodingInfo:
    """How the page's bytes were decoded, as reported on the Document."""

    encoding: str | None = None
    source: str | None = None
    declared_rejected: bool = False


def bare_document(status: Status, url: str | None, enc: EncodingInfo,
                  meta: Metadata | None = None) -> Document:
    """A Document without body: for early stops and pages with nothing to extract."""
    meta = settle_lang(meta or Metadata(), ())  # no body: the language from the title
    return Document(
        status=status, title=meta.title, date=meta.date, date_iso=meta.date_iso,
        author=meta.author, source=meta.source, editor=meta.editor, lang=meta.lang, url=url,
        encoding=enc.encoding, encoding_source=enc.source,
        declared_rejected=enc.declared_rejected,
    )


def _block(d: Decision) -> Block:
    seg, role = d.seg, d.role
    kind = "caption" if role is CAPTION else seg.kind
    return Block(cast(BlockKind, kind), seg.text, seg.level, role is BODY, d.reason)


def _captions(decisions: Sequence[Decision]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for d in decisions:
        if d.role is CAPTION and d.seg.text not in seen:
            seen.add(d.seg.text)
            out.append(d.seg.text)
    return tuple(out)


def region_label(page: Page) -> str:
    """The region for ``explain``: the tags from the body down to its element, the trace
    blocks it holds (numbered from 1) and what chose it."""
    containers, region = page.containers, page.region
    tags = []
    at = region.container
    while at >= 0:
        tags.append(containers[at].tag)
        at = containers[at].parent
    inside = [i for i, d in enumerate(page.decisions, 1)
              if region.container <= d.seg.container <= region.end]
    held = f"blocks {inside[0]}-{inside[-1]}" if inside else "no blocks"
    chose = f"site.{region.site_rule}" if region.site_rule is not None else (
        f"{region.reason}, score={region.score:.1f}")
    return f"{' > '.join(reversed(tags))}, {held}, {chose}"


def page_kind(page: Page, has_body: bool) -> tuple[PageKind, str]:
    """The Document's kind and its reason: what the page-kind stage saw, or "none" when no
    block was kept as body."""
    seen = page.kind
    if not has_body:
        return PageKind.NONE, f"no block kept as body (read as {seen.name}: {seen.reason})"
    return PageKind(seen.name), seen.reason


def build_document(page: Page, url: str | None, enc: EncodingInfo, options: Options,
                   link_base: str | None = None) -> Document:
    """The Document of a finished page record. ``link_base`` is what the page's links and
    images are resolved against (see :func:`cleanweb.stages.markup.base_url`)."""
    kept = [i for i, d in enumerate(page.decisions)
            if d.role is BODY and (options.include_tables or d.seg.kind != "table_row")]
    if options.markup:
        body = _marked_blocks(page, kept, options, link_base)
    else:
        body = tuple(_block(page.decisions[i]) for i in kept)
    meta = settle_lang(page.meta, body)
    base = bare_document(Status.OK if body else Status.EMPTY, url, enc, meta)
    kind, why = page_kind(page, bool(body))
    trace: tuple[Block, ...] = ()
    region = None
    if options.explain:
        trace = tuple(_block(d) for d in page.decisions)
        region = region_label(page)
    captions = _captions(page.decisions) if options.include_captions else ()
    return Document(
        status=base.status, text="\n".join(b.text for b in body), title=base.title,
        blocks=body, captions=captions, date=base.date, date_iso=base.date_iso,
        author=base.author, source=base.source, editor=base.editor, lang=base.lang, url=url,
        encoding=base.encoding, encoding_source=base.encoding_source,
        declared_rejected=base.declared_rejected, trace=trace,
        meta_rules=meta.rules if options.explain else (), region=region,
        meta_evidence=meta.explained() if options.explain else (), kind=kind,
        kind_reason=why if options.explain else None,
    )


# -- markup (only when the options ask for it) ------------------------------------------


def _marked_blocks(page: Page, kept: list[int], options: Options,
                   base: str | None) -> tuple[Block, ...]:
    """The body blocks with the links, images and formatting the options ask for."""
    decisions = page.decisions
    images = _placed_images(page, kept, options.include_captions, base) if (
        options.include_images) else {}
    out: list[Block] = []
    for i in kept:
        d = decisions[i]
        block = _block(d)
        seg = d.seg
        links = _links(seg, base) if options.include_links else None
        marks = _marks(seg) if options.include_formatting else None
        depth: int | None = None
        ordered: bool | None = None
        if options.include_formatting and seg.kind == "list_item":
            depth, ordered = _list_place(page.containers, seg.container)
        out.append(Block(block.kind, block.text, block.level, block.kept, block.reason, links,
                         tuple(images.get(i, ())) if options.include_images else None,
                         marks, depth, ordered))
    return tuple(out)


def _links(seg: Seg, base: str | None) -> tuple[Link, ...]:
    out = []
    for span in seg.spans:
        if span.kind == LINK:
            url = link_url(span.url, base)
            if url is not None:
                out.append(Link(seg.text[span.start:span.end], url, span.start, span.end))
    return tuple(out)


def _marks(seg: Seg) -> tuple[Mark, ...]:
    return tuple(Mark(cast(MarkKind, s.kind), s.start, s.end) for s in seg.spans
                 if s.kind != LINK and s.kind != IMAGE)


def _list_place(containers: tuple[Container, ...], at: int) -> tuple[int, bool]:
    """(how many lists the item's container is in, at least 1; whether the nearest one
    numbers its items)."""
    depth = 0
    ordered: bool | None = None
    while at >= 0:
        tag = containers[at].tag
        if tag in _LIST_TAGS:
            depth += 1
            if ordered is None:
                ordered = tag in _ORDERED_TAGS
        at = containers[at].parent
    return max(depth, 1), bool(ordered)


def _placed_images(page: Page, kept: list[int], captions: bool,
                   base: str | None) -> dict[int, list[Image]]:
    """The images of the body by the decision of the block they stand in or before.

    An image that stood apart goes before the next body block; one that stood before a
    caption goes there too, with the caption (and the caption lines right after it). An
    image whose segment was dropped goes with it, unless only the segment's text was
    against it (:func:`_kept_apart`). Images left after the last body block stand after
    it."""
    decisions = page.decisions
    placed: dict[int, list[Image]] = {}
    in_body = set(kept)
    waiting: list[Image] = []
    for i, d in enumerate(decisions):
        seg = d.seg
        found = [(s, url) for s in seg.spans if s.kind == IMAGE
                 for url in (image_url(s.url, base),) if url is not None]
        if i in in_body:
            here = placed.setdefault(i, [])
            here.extend(waiting)
            waiting = []
            here.extend(Image(url, s.alt, max(s.start, 0), s.start != APART)
                        for s, url in found)
        elif d.role is CAPTION:
            text = seg.text if captions else None
            if found:
                waiting.extend(Image(url, s.alt, 0, False, text) for s, url in found)
            elif text is not None and waiting and decisions[i - 1].role is CAPTION:
                last = waiting[-1]
                caption = text if last.caption is None else f"{last.caption}\n{text}"
                waiting[-1] = Image(last.src, last.alt, 0, False, caption)
        elif found and _textual_drop(d):
            waiting.extend(Image(url, s.alt, 0, False) for s, url in found
                           if _kept_apart(page, s.container))
    if waiting and kept:
        last_block = kept[-1]
        end = len(decisions[last_block].seg.text)
        placed[last_block].extend(Image(w.src, w.alt, end, False, w.caption) for w in waiting)
    return placed


def _textual_drop(d: Decision) -> bool:
    """Whether a dropped segment was dropped for its text alone (by the finish stage's
    rules), not for where it stands: outside the region, under chrome, in a link list, or
    in a list a "related" heading opens."""
    reason = d.reason
    return not (reason == OUTSIDE or reason == "chrome" or reason == d.seg.chrome
                or reason.startswith("links=") or reason.endswith(".list"))


def _kept_apart(page: Page, at: int) -> bool:
    """Whether an image in container ``at`` stands where the body is: inside the region,
    and under no chrome-named element inside it (as the score stage judges segments)."""
    region, containers = page.region, page.containers
    if not region.container <= at <= region.end:
        return False
    while at > region.container:
        if containers[at].chrome is not None:
            return False
        at = containers[at].parent
    return True
