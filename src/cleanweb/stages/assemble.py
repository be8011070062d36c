"""Assemble stage: the typed ``Document`` from the page record's decisions and metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from cleanweb.document import Block, BlockKind, Document, Status
from cleanweb.options import Options
from cleanweb.stages.metadata import Metadata, settle_lang
from cleanweb.stages.page import BODY, CAPTION, Decision, Page


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
        f"score={region.score:.1f}")
    return f"{' > '.join(reversed(tags))}, {held}, {chose}"


def build_document(page: Page, url: str | None, enc: EncodingInfo, options: Options) -> Document:
    body = tuple(
        _block(d) for d in page.decisions
        if d.role is BODY and (options.include_tables or d.seg.kind != "table_row")
    )
    meta = settle_lang(page.meta, body)
    base = bare_document(Status.OK if body else Status.EMPTY, url, enc, meta)
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
        meta_evidence=meta.explained() if options.explain else (),
    )
