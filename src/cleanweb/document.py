"""The result types: ``Block`` and ``Document``, frozen and picklable, with serializers."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Literal

from cleanweb.output.html import blocks_to_html
from cleanweb.output.markdown import blocks_to_markdown
from cleanweb.output.marked import has_markup, marked_markdown

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "table_row", "code", "caption"]


class Status(StrEnum):
    """Why a Document looks the way it does. Never ``None``."""

    OK = "ok"  # body text found
    EMPTY = "empty"  # a page, but no article body in it
    NOT_HTML = "not_html"  # binary or non-markup input (PDF, image, archive, ...)
    TOO_LARGE = "too_large"  # over Options.max_bytes or Options.max_nodes; not extracted
    TIMEOUT = "timeout"  # Options.time_budget ran out; fields hold what was safely extracted

    def __str__(self) -> str:
        return self.value


class PageKind(StrEnum):
    """What kind of page the body came from."""

    ARTICLE = "article"  # one main text: a news article, a blog post, a reference page
    THREAD = "thread"  # a forum topic or Q&A page: the body is every post, in page order
    NONE = "none"  # no main text: the body is empty (every status but "ok")

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a block's text: ``text`` is ``block.text[start:end]``, ``url`` the
    absolute URL it leads to (relative as written when the page has no URL)."""

    text: str
    url: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Image:
    """An image of the body and where it stands in reading order.

    ``inline`` images stand inside the block's text, at ``offset``; the others stand on
    their own before the block (``offset`` 0) or, at the end of the body, after it
    (``offset`` is the length of the text). ``caption`` is the image's caption (its
    lines joined by "\n"), or None."""

    src: str
    alt: str
    offset: int
    inline: bool = False
    caption: str | None = None


MarkKind = Literal["strong", "em", "code"]


@dataclass(frozen=True, slots=True)
class Mark:
    """Bold (``strong``), italic (``em``) or inline code over ``block.text[start:end]``."""

    kind: MarkKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of page text in reading order.

    Fields:
        kind: "paragraph", "heading", "list_item", "quote", "table_row", "code" or
            "caption" (captions appear in ``Document.trace`` only).
        text: The block's text, whitespace squashed (code keeps its own).
        level: Heading level 1-6 for headings, 0 otherwise.
        kept: Whether the block is part of the body (always True in ``Document.blocks``).
        reason: What decided: a rule id (``zh.footer.icp``) or a score (``score=0.82``).
        links: With ``Options(include_links=True)``: the block's links (:class:`Link`),
            in-page and ``javascript:`` links left out; else None.
        images: With ``Options(include_images=True)``: the images that stand in or
            before the block (:class:`Image`), with their captions; else None.
        marks: With ``Options(include_formatting=True)``: bold, italic and inline code
            (:class:`Mark`); else None.
        depth: With ``Options(include_formatting=True)``, for list items: how deep the
            item's list is nested (1 for a list in no other list); else None.
        ordered: With ``Options(include_formatting=True)``, for list items: whether the
            item's list is numbered (``<ol>``); else None.
    """

    kind: BlockKind
    text: str
    #: Heading level 1-6 for headings, 0 otherwise.
    level: int = 0
    #: Whether the block is part of the body (always True in ``Document.blocks``).
    kept: bool = True
    #: What decided: a rule id (``zh.footer.icp``) or a score (``score=0.82``).
    reason: str = ""
    links: tuple[Link, ...] | None = None
    images: tuple[Image, ...] | None = None
    marks: tuple[Mark, ...] | None = None
    depth: int | None = None
    ordered: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; the markup fields only when they were asked for."""
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True, slots=True)
class Document:
    """A clean extraction of one page.

    Fields:
        status: Why the document looks the way it does (a :class:`Status`, never None):
            "ok", "empty", "not_html", "too_large" or "timeout".
        text: The article body, paragraphs in page order, one per line ("" if none).
        title: The article headline, once, or None.
        blocks: The body as :class:`Block` objects (paragraphs, headings, list items,
            quotes, table rows, code), in reading order.
        captions: Image and figure captions, in page order, exact repeats removed.
        date: The publication date and time as written on the page, or None.
        date_iso: The same date in ISO 8601 when the year is known, else None.
        author: The author or reporter names, or None.
        source: The outlet named in the source line, or None.
        editor: The editor names, staff codes dropped, or None.
        lang: The page's language code (ISO 639-1 where there is one): the declared one
            when its script fits the text, else the one the text's script and function
            words give; None when the text is too thin to tell.
        url: The page URL given to ``extract()``, or None.
        encoding: The WHATWG name of the encoding the bytes were decoded with; None for
            ``str`` input and for input refused before decoding.
        encoding_source: Which step decided the encoding: "bom", "http", "meta", "ascii",
            "utf8-valid", "detected", "utf8-lossy", "meta-lossy", "http-lossy",
            "detected-lossy", "fallback", "empty"; "str" for text input; None for input
            refused before decoding.
        declared_rejected: True when a charset declaration (the HTTP charset or the
            page's meta) was overruled: the text was not decoded by it.
        kind: What kind of page the body came from (a :class:`PageKind`): "article"; "thread"
            for a forum topic or Q&A page, whose body is the opening post and every reply
            or answer in page order; "none" exactly when there is no main text, that is
            when ``text`` is empty and ``status`` is not "ok" ("empty" for a page without
            a main text, or a page that was not extracted).
        trace: With ``Options(explain=True)``: every block, kept or dropped, with the rule
            id or score that decided it; else empty.
        meta_rules: With ``Options(explain=True)``: (field, rule id) pairs naming what
            decided each metadata field; else empty.
        region: With ``Options(explain=True)``: the main-content region the blocks were
            judged by (the tags from the body down to its element, the trace blocks it
            holds, and its score or the site rule that named it); else None.
        meta_evidence: With ``Options(explain=True)``: (field, evidence) pairs for fields
            decided by weighing evidence: for the language, the declared value and whether
            it was kept, the script shares and the function-word counts; else empty.
        kind_reason: With ``Options(explain=True)``: why the page is of its ``kind`` (the
            posts a thread was read from, or why repeated blocks were not taken as posts);
            else None.
    """

    status: Status
    text: str = ""
    title: str | None = None
    blocks: tuple[Block, ...] = ()
    captions: tuple[str, ...] = ()
    date: str | None = None
    date_iso: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    lang: str | None = None
    url: str | None = None
    encoding: str | None = None
    encoding_source: str | None = None
    declared_rejected: bool = False
    #: "article", "thread" or "none" (no main text: ``text`` is empty).
    kind: PageKind = PageKind.NONE
    #: With ``Options(explain=True)``: every block, kept or dropped, with its reason.
    trace: tuple[Block, ...] = field(default=())
    #: With ``Options(explain=True)``: (field, rule id) for each metadata field found, the
    #: rule or source that decided it (editors accumulate, so an editor may name several).
    meta_rules: tuple[tuple[str, str], ...] = ()
    #: With ``Options(explain=True)``: the main-content region the blocks were judged by:
    #: the tags from the body down to its element, the trace blocks it holds and what chose
    #: it ("body > div > article, blocks 4-31, score=812.5"; ``site.<id>`` for a site rule).
    region: str | None = None
    #: With ``Options(explain=True)``: (field, what its decision weighed) for fields decided
    #: by weighing evidence: the language's declared value, script shares and word counts.
    meta_evidence: tuple[tuple[str, str], ...] = ()
    #: With ``Options(explain=True)``: why the page is of its kind ("12 posts
    #: div.post-body (thread.post)"); else None.
    kind_reason: str | None = None

    def to_text(self) -> str:
        """Body paragraphs, one per line (same as ``text``)."""
        return self.text

    def to_markdown(self) -> str:
        """The body as Markdown: headings, lists, quotes, tables and fenced code; with
        the options for links, images or formatting, also links, images with their
        captions, bold, italic, inline code and nested lists (CommonMark, with GitHub's
        tables), the text's own markup characters escaped."""
        if any(has_markup(b) for b in self.blocks):
            return marked_markdown(self.title, self.blocks)
        return blocks_to_markdown(self.title, self.blocks)

    def to_html(self) -> str:
        """The body as small semantic HTML, safe to show in a browser: h1-h6, p, ul/ol/li,
        blockquote, pre/code, table, figure/img/figcaption, a, strong, em and code, with no
        attribute but href, src and alt, and no script, style, event handler or URL of a
        scheme that could run code. Links, images and formatting appear when the options
        asked for them."""
        return blocks_to_html(self.title, self.blocks)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; the trace, the metadata rules and evidence, the region and
        the kind's reason are included only when present."""
        out = asdict(self)
        out["status"] = self.status.value
        out["kind"] = self.kind.value
        out["captions"] = list(self.captions)
        out["blocks"] = [b.to_dict() for b in self.blocks]
        if self.trace:
            out["trace"] = [b.to_dict() for b in self.trace]
        else:
            del out["trace"]
        for name in ("meta_rules", "meta_evidence"):
            if getattr(self, name):
                out[name] = [list(pair) for pair in getattr(self, name)]
            else:
                del out[name]
        for name in ("region", "kind_reason"):
            if out[name] is None:
                del out[name]
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
