"""The pipeline: decode -> parse -> metadata -> segment -> score -> finish -> assemble.

Each stage is a function in its own module (``cleanweb.stages``); this one only runs them
in order, checks the page budget between them and turns early stops into a ``status``.
From the score stage on, one record (:class:`cleanweb.stages.page.Page`) goes from stage
to stage, each returning a new one.
"""

from __future__ import annotations

from functools import cache

from selectolax.lexbor import LexborNode

from cleanweb.document import Document, Status
from cleanweb.errors import Budget, Stop
from cleanweb.options import Options
from cleanweb.page_url import page_url
from cleanweb.rules.structure import NAME_FILTERS
from cleanweb.rules.text import TAIL_NOTES, TEXT_RULES
from cleanweb.rules.thread import POST_LINES
from cleanweb.site_rules import SiteEffects, apply_to_metadata, apply_to_tree
from cleanweb.stages import metadata
from cleanweb.stages import parse as dom
from cleanweb.stages.assemble import EncodingInfo, bare_document, build_document
from cleanweb.stages.decode import as_bytes, decode
from cleanweb.stages.fallback import fallback
from cleanweb.stages.finish import finish
from cleanweb.stages.kind import page_kind
from cleanweb.stages.markup import base_url
from cleanweb.stages.metadata import Metadata, dates, page_metadata
from cleanweb.stages.score import score
from cleanweb.stages.segment import segment
from cleanweb.stages.sniff import looks_binary, text_looks_binary


def _decode(html: bytes | str,
            http_charset: str | None) -> tuple[str, bytes | None, EncodingInfo]:
    """The page's text, its bytes when they are that text's UTF-8 form, and how it was
    decoded."""
    if isinstance(html, str):
        return html, None, EncodingInfo(None, "str")
    dec = decode(html, http_charset)
    info = EncodingInfo(dec.encoding, dec.source, dec.declared_rejected)
    return dec.text, (html if dec.same_bytes else None), info


def _run(text: str, utf8: bytes | None, url: str | None, enc: EncodingInfo, opts: Options,
         budget: Budget) -> Document:
    tree = dom.parse(text, budget, utf8, opts.max_nodes)
    budget.check()
    meta = page_metadata(tree)
    # A page given without a URL is matched by the one it names as its own, if any.
    rules = opts.site_rules.for_url(url or page_url(tree)) if opts.site_rules is not None else ()
    site = None
    if rules:
        meta = apply_to_metadata(tree, rules, meta)
        site = apply_to_tree(tree, rules)
    dom.drop_code(tree)
    root = tree.body or tree.root
    if root is None:
        return bare_document(Status.EMPTY, url, enc, meta)
    # Links and images are resolved against the page's base, read only when asked for.
    base = base_url(url, tree) if opts.include_links or opts.include_images else None
    try:
        return _body(root, meta, site, url, enc, opts, budget, base)
    except Stop as stop:  # the metadata is safe to report; a half-judged body is not
        return bare_document(Status(stop.status), url, enc, meta)


def _body(root: LexborNode, meta: Metadata, site: SiteEffects | None, url: str | None,
          enc: EncodingInfo, opts: Options, budget: Budget, base: str | None = None) -> Document:
    layout = segment(root, budget, opts.max_nodes, site.elements if site is not None else None,
                     links=opts.include_links, images=opts.include_images,
                     formatting=opts.include_formatting)
    budget.check()
    scored = page_kind(score(layout, meta, opts), opts.favor)
    budget.check()
    page = finish(scored, site, budget, opts.favor)
    budget.check()
    page = fallback(scored, page, opts, site, budget)
    budget.check()
    return build_document(page, url, enc, opts, base)


@cache
def compile_rules() -> None:
    """Compile every rule pattern, once per process. Importing cleanweb compiles none
    (a command that only prints its help stays quick); the first :func:`extract` call
    compiles them all before its page's time budget starts, so no page is charged for
    it and no result depends on which page came first. A process that forks workers
    calls it first, so they share the compiled patterns."""
    TEXT_RULES.compile_all()
    TAIL_NOTES.compile_all()
    NAME_FILTERS.compile_all()
    POST_LINES.compile_all()
    dates.compile_patterns()
    metadata.compile_patterns()


def extract(
    html: bytes | bytearray | memoryview | str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    options: Options | None = None,
) -> Document:
    """Extract the article body, captions and metadata of one page.

    ``html`` is the page's bytes (any bytes-like object: bytes, bytearray, memoryview...)
    or its text. Never raises for page content: problems are reported in
    ``Document.status``. Raises ``TypeError`` only when ``html`` is neither bytes-like nor
    str, or another argument is of the wrong type; an ``Options`` with a bad field already
    raised when it was made.
    """
    if not isinstance(html, str):
        html = as_bytes(html, "html")
    if not isinstance(options, Options | None):
        raise TypeError(f"options must be an Options or None, not {type(options).__name__}")
    if not isinstance(url, str | None):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    opts = options if options is not None else Options()
    compile_rules()
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))
    if size > opts.max_bytes:
        return bare_document(Status.TOO_LARGE, url, EncodingInfo())
    if isinstance(html, bytes) and looks_binary(html):
        return bare_document(Status.NOT_HTML, url, EncodingInfo())
    budget = Budget(opts.time_budget)
    text, utf8, enc = _decode(html, http_charset)
    if text_looks_binary(text):
        return bare_document(Status.NOT_HTML, url, enc)
    try:
        budget.check()
        return _run(text, utf8, url, enc, opts, budget)
    except Stop as stop:
        return bare_document(Status(stop.status), url, enc)
