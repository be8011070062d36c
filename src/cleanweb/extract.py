"""The pipeline: decode -> parse -> prune -> segment -> score -> finish (+ metadata)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleanweb.document import Block, Document, Status
from cleanweb.encoding import decode
from cleanweb.metadata import page_metadata
from cleanweb.options import Options


def extract(
    html: bytes | str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    options: Options | None = None,
) -> Document:
    """Extract the article body, captions and metadata of one page."""
    if not isinstance(html, (bytes, str)):
        raise TypeError(f"html must be bytes or str, not {type(html).__name__}")
    opts = options or Options()
    if isinstance(html, bytes):
        dec = decode(html, http_charset)
        text, enc, src = dec.text, dec.encoding, dec.source
    else:
        text, enc, src = html, None, "str"
    tree = LexborHTMLParser(text)
    meta = page_metadata(tree)
    body = tree.body
    paras = [p for p in (body.text(separator="\n") if body else "").split("\n") if p.strip()]
    blocks = tuple(Block("paragraph", p.strip()) for p in paras)
    return Document(
        status=Status.OK if blocks else Status.EMPTY,
        text="\n".join(b.text for b in blocks),
        title=meta.title,
        blocks=blocks,
        url=url,
        encoding=enc,
        encoding_source=src,
    )
