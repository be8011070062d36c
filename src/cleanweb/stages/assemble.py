"""Assemble the typed ``Document`` from the judged segments and the metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from cleanweb.document import Block, BlockKind, Document, Status
from cleanweb.options import Options
from cleanweb.stages.metadata import Metadata
from cleanweb.stages.score import Verdict
from cleanweb.stages.segment import Seg


@dataclass(frozen=True, slots=True)
class EncodingInfo:
    """How the page's bytes were decoded, as reported on the Document."""

    encoding: str | None = None
    source: str | None = None
    declared_rejected: bool = False


def bare_document(status: Status, url: str | None, enc: EncodingInfo,
                  meta: Metadata | None = None) -> Document:
    """A Document without body: for early stops and pages with nothing to extract."""
    meta = meta or Metadata()
    return Document(
        status=status, title=meta.title, date=meta.date, date_iso=meta.date_iso,
        author=meta.author, source=meta.source, editor=meta.editor, lang=meta.lang, url=url,
        encoding=enc.encoding, encoding_source=enc.source,
        declared_rejected=enc.declared_rejected,
    )


def _block(seg: Seg, verdict: Verdict) -> Block:
    kind = "caption" if verdict.role == "caption" else seg.kind
    return Block(cast(BlockKind, kind), seg.text, seg.level, verdict.role == "body",
                 verdict.reason)


def _captions(segs: Sequence[Seg], verdicts: Sequence[Verdict]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for seg, v in zip(segs, verdicts, strict=True):
        if v.role == "caption" and seg.text not in seen:
            seen.add(seg.text)
            out.append(seg.text)
    return tuple(out)


def build_document(segs: Sequence[Seg], verdicts: Sequence[Verdict], meta: Metadata,
                   url: str | None, enc: EncodingInfo, options: Options) -> Document:
    body = tuple(
        _block(seg, v) for seg, v in zip(segs, verdicts, strict=True)
        if v.role == "body" and (options.include_tables or seg.kind != "table_row")
    )
    base = bare_document(Status.OK if body else Status.EMPTY, url, enc, meta)
    trace: tuple[Block, ...] = ()
    if options.explain:
        trace = tuple(_block(s, v) for s, v in zip(segs, verdicts, strict=True))
    captions = _captions(segs, verdicts) if options.include_captions else ()
    return Document(
        status=base.status, text="\n".join(b.text for b in body), title=base.title,
        blocks=body, captions=captions, date=base.date, date_iso=base.date_iso,
        author=base.author, source=base.source, editor=base.editor, lang=base.lang, url=url,
        encoding=base.encoding, encoding_source=base.encoding_source,
        declared_rejected=base.declared_rejected, trace=trace,
        meta_rules=meta.rules if options.explain else (),
    )
