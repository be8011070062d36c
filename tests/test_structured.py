"""Structured output: links, images with captions, emphasis and nested lists in the blocks,
in Markdown (read back with a CommonMark parser) and in safe HTML (parsed and checked
element by element), and the switches that ask for them leaving the body as it is."""

from __future__ import annotations

import json
import pickle
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cleanweb import Document, Options, extract
from cleanweb.document import Block, Image, Link, Mark
from cleanweb.stages.markup import image_source, link_url, widest
from tests.conftest import page

ALL = Options(include_links=True, include_images=True, include_formatting=True)
#: CommonMark, with GitHub's tables (the one extension the Markdown uses).
COMMONMARK = MarkdownIt("commonmark").enable("table")


def blocks(html: str, url: str | None = "https://example.org/news/story.html",
           options: Options = ALL) -> tuple[Block, ...]:
    return extract(html, url=url, options=options).blocks


def only(found: tuple[Block, ...], needle: str) -> Block:
    (block,) = [b for b in found if needle in b.text]
    return block


PROSE = "This sentence is here so that the paragraph reads as prose, with commas, and stops."


# -- the switches ---------------------------------------------------------------------


def test_the_switches_are_off_by_default_and_checked() -> None:
    options = Options()
    assert not (options.include_links or options.include_images or options.include_formatting)
    with pytest.raises(TypeError):
        Options(include_links="yes")  # type: ignore[arg-type]


def test_without_the_switches_blocks_and_records_carry_no_markup() -> None:
    html = page(f"<article><p>A <a href='/x'>link</a> and <b>bold</b>. {PROSE}</p></article>")
    doc = extract(html, url="https://example.org/a")
    (block,) = doc.blocks
    assert (block.links, block.images, block.marks, block.depth, block.ordered) == (None,) * 5
    assert set(doc.to_dict()["blocks"][0]) == {"kind", "text", "level", "kept", "reason"}
    assert doc.to_markdown() == f"# T\n\nA link and bold. {PROSE}\n"


# -- links ----------------------------------------------------------------------------


def test_links_are_resolved_against_the_page_url() -> None:
    found = blocks(page(f"<p>Read <a href='../world/other.html'>the other story</a> "
                        f"and <a href='https://example.com/x?a=1'>this one</a>. {PROSE}</p>"))
    block = only(found, "other story")
    assert block.links == (
        Link("the other story", "https://example.org/world/other.html", 5, 20),
        Link("this one", "https://example.com/x?a=1", 25, 33))
    assert [block.text[x.start:x.end] for x in block.links] == ["the other story", "this one"]


def test_without_a_url_links_are_resolved_against_the_canonical_link_and_base() -> None:
    head = "<title>T</title><link rel='canonical' href='https://example.net/a/b.html'>"
    html = page(f"<p>See <a href='c.html'>this</a>. {PROSE}</p>", head)
    assert only(blocks(html, url=None), "See").links == (
        Link("this", "https://example.net/a/c.html", 4, 8),)
    based = page(f"<p>See <a href='c.html'>this</a>. {PROSE}</p>",
                 head + "<base href='https://cdn.example.net/z/'>")
    assert only(blocks(based, url=None), "See").links[0].url == "https://cdn.example.net/z/c.html"


def test_links_that_lead_nowhere_or_run_code_stay_plain_text() -> None:
    hrefs = ["javascript:void(0)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
             "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "", "#top",
             "#fn1", "https://example.org/news/story.html#fn2"]
    body = "".join(f"<a href='{h}'>w{i}</a> " for i, h in enumerate(hrefs))
    block = only(blocks(page(f"<p>{body}{PROSE}</p>")), "w0")
    assert block.links == ()
    assert block.text.startswith("w0 w1 w2 w3 w4 w5 w6 w7 w8")
    assert link_url("mailto:desk@example.org", None) == "mailto:desk@example.org"
    assert link_url("other.html", None) == "other.html"  # no base: left as written


def test_a_footnote_marker_stays_plain_text() -> None:
    html = page(f"<p>A claim.<sup><a href='#fn1'>1</a></sup> {PROSE}</p>"
                "<ol><li id='fn1'>The source, with its page number, cited in full here.</li></ol>")
    doc = extract(html, url="https://example.org/a", options=ALL)
    assert only(doc.blocks, "A claim").links == ()
    assert "A claim.1 " in doc.to_markdown()


# -- images ---------------------------------------------------------------------------


def test_lazy_loading_attributes_give_the_real_image() -> None:
    blank = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    assert image_source({"src": blank, "data-src": "/real.jpg", "alt": " A  photo "}) == (
        "/real.jpg", "A photo")
    assert image_source({"src": "/spinner.gif", "data-original": "/real.jpg"}) == (
        "/real.jpg", "")
    assert image_source({"src": blank, "srcset": "/s.jpg 480w, /l.jpg 1200w, /m.jpg 800w"}) == (
        "/l.jpg", "")
    assert image_source({"src": blank}) is None
    assert widest("a.jpg 1x, b.jpg 2x") == "b.jpg"
    assert widest("only.jpg") == "only.jpg"


@pytest.mark.parametrize("attrs", [
    {"src": "/t.gif", "width": "1", "height": "1"},
    {"src": "/i.png", "width": "16", "height": "16"},
    {"src": "/face.png", "class": "wp-smiley"},
    {"src": "/static/icons/print.png"},
    {"src": "https://stats.example.org/beacon.gif?id=3"},
    {"src": "/img/avatars/12.jpg", "width": "300"},
])
def test_tracking_pixels_and_icons_are_left_out(attrs: dict[str, str | None]) -> None:
    assert image_source(attrs) is None


def test_a_figure_stands_before_the_next_block_with_its_caption() -> None:
    html = page(f"<article><p>First. {PROSE}</p>"
                "<figure><img src='/p/1.jpg' alt='The river'>"
                "<figcaption>The river at dawn</figcaption></figure>"
                f"<p>Second. {PROSE}</p></article>")
    doc = extract(html, url="https://example.org/a/b", options=ALL)
    assert only(doc.blocks, "First").images == ()
    assert only(doc.blocks, "Second").images == (
        Image("https://example.org/p/1.jpg", "The river", 0, False, "The river at dawn"),)
    assert doc.captions == ("The river at dawn",)
    md = doc.to_markdown()
    assert "![The river](https://example.org/p/1.jpg)\nThe river at dawn\n\nSecond." in md


def test_an_image_inside_a_sentence_stays_there() -> None:
    html = page(f"<p>Press <img src='/k.png' alt='the key' width='120'> twice. {PROSE}</p>")
    block = only(blocks(html), "Press")
    assert block.images == (Image("https://example.org/k.png", "the key", 5, True),)
    assert extract(html, url="https://example.org/",
                   options=ALL).to_markdown().count("Press![the key](https://example.org/k.png) ")


def test_images_of_menus_and_teasers_go_with_them() -> None:
    html = page("<nav><a href='/'><img src='/menu.jpg' alt='Home'>Home</a></nav>"
                f"<article><p>Body. {PROSE}</p><p>More. {PROSE}</p>"
                "<ul class='related'><li><a href='/x'><img src='/teaser.jpg'>Another</a></li>"
                "<li><a href='/y'>And one</a></li></ul></article>")
    found = [i.src for b in blocks(html) for i in b.images or ()]
    assert found == []


def test_an_image_whose_line_was_dropped_for_its_text_is_kept() -> None:
    # the line under the picture is a copy of the headline: the line goes, the picture stays
    html = page("<article><h1>A river rises</h1><p><img src='/r.jpg' alt='x'></p>"
                f"<p>A river rises</p><p>Body. {PROSE}</p></article>",
                "<title>A river rises</title>")
    assert only(blocks(html), "Body").images == (
        Image("https://example.org/r.jpg", "x", 0, False),)


def test_data_urls_are_never_given_out_as_images() -> None:
    html = page(f"<p><img src='data:image/svg+xml,<svg onload=alert(1)>' alt='x'>Text. {PROSE}</p>")
    assert only(blocks(html), "Text").images == ()


# -- formatting -----------------------------------------------------------------------


def test_bold_italic_and_code_are_marked() -> None:
    html = page(f"<p>Use <code>pip</code>, <strong>not</strong> <em>easy_install</em>. {PROSE}</p>")
    block = only(blocks(html), "Use")
    assert block.marks == (Mark("code", 4, 7), Mark("strong", 9, 12), Mark("em", 13, 25))
    md = extract(html, options=ALL).to_markdown()
    assert "Use `pip`, **not** *easy\\_install*." in md


def test_nested_lists_keep_their_nesting() -> None:
    html = page("<article><ul><li>One</li><li>Two<ol><li>Two a</li><li>Two b</li></ol></li>"
                f"<li>Three</li></ul><p>{PROSE}</p></article>")
    found = blocks(html)
    assert [(b.text, b.depth, b.ordered) for b in found if b.kind == "list_item"] == [
        ("One", 1, False), ("Two", 1, False), ("Two a", 2, True), ("Two b", 2, True),
        ("Three", 1, False)]
    md = extract(html, options=ALL).to_markdown()
    assert "- One\n- Two\n  1. Two a\n  1. Two b\n- Three" in md
    tokens = COMMONMARK.parse(md)
    assert [t.type for t in tokens if t.type.endswith("list_open")] == [
        "bullet_list_open", "ordered_list_open"]


def test_cjk_emphasis_against_quotation_marks_is_narrowed_to_read_as_emphasis() -> None:
    # "**“" after a letter opens nothing in CommonMark: the marks go inside the quotes
    html = page("<p>他说<strong>“这很重要”</strong>，然后离开了。"
                "这是一段足够长的正文，用来说明情况，并且有标点。</p>")
    md = extract(html, options=ALL).to_markdown()
    assert "他说“**这很重要**”，" in md
    inline = [t for t in COMMONMARK.parse(md) if t.type == "inline"][-1]
    assert "strong_open" in [c.type for c in inline.children or []]


def test_text_that_looks_like_markup_reads_back_as_text() -> None:
    text = ("Stars *like this*, _under_, [a](b), `tick`, <b>tag</b>, &amp; ~~strike~~ "
            "and a back\\slash, all as written! [Really].")
    html = page(f"<p><em>{'Emphasis'}</em> {text.replace('&', '&amp;').replace('<', '&lt;')}</p>")
    doc = extract(html, options=ALL)
    (para,) = [t for t in COMMONMARK.parse(doc.to_markdown()) if t.type == "inline"][1:]
    assert plain(para.children or []) == doc.text


# -- Markdown of real pages, read back by a CommonMark parser --------------------------


def plain(tokens: list[Token]) -> str:
    """Inline tokens as plain text: link text kept, images left out."""
    out = []
    for token in tokens:
        if token.type == "image":
            continue
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type == "html_inline":
            out.append(f"<html>{token.content}")  # nothing may be read as HTML
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def read_back(markdown: str) -> tuple[list[str], list[tuple[str, str | None]]]:
    """The text lines a CommonMark parser reads from the Markdown, and (image source,
    what stands under it in the same paragraph) of each image standing on its own.
    A table row reads as its cells joined by " | " (GitHub's cells are trimmed, and a
    short row is padded with empty cells: both are undone)."""
    lines: list[str] = []
    figures: list[tuple[str, str | None]] = []
    row: list[str] | None = None
    for token in COMMONMARK.parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            while row and not row[-1]:
                row.pop()
            lines.append(" | ".join(row))
            row = None
        elif token.type == "inline":
            children = token.children or []
            if row is not None:
                row.append(plain(children))
            elif children and children[0].type == "image":
                under = plain(children[1:]).lstrip("\n")
                figures.append((str(children[0].attrs["src"]), under or None))
            else:
                lines.extend(plain(children).split("\n"))
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.removesuffix("\n").split("\n"))
        elif token.type == "html_block":
            lines.append(f"<html>{token.content}")
    return lines, figures


def text_lines(doc: Document) -> list[str]:
    """``doc.text`` as lines, as Markdown can hold them: a line break is "\\n" (a code
    block's "\\r" is read as one), and table cells are trimmed."""
    text = doc.text.replace("\r\n", "\n").replace("\r", "\n")
    rows = {b.text for b in doc.blocks if b.kind == "table_row"}
    return [" | ".join(c.strip() for c in line.split(" | ")) if line in rows else line
            for line in text.split("\n")] if text else []


@pytest.mark.parametrize("name", ["aeb", "zh-dev"])
def test_markdown_reads_back_as_the_text_with_every_caption_under_its_image(
        datasets: Path, name: str) -> None:
    """On every page of the set, with every switch on: the text and blocks are those of
    the default extraction, the Markdown reads back as the text (images left out), and
    each image standing on its own has its caption, and only that, right under it."""
    folder = datasets / name
    counts = {"links": 0, "images": 0, "captions": 0, "marks": 0}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        data = (folder / "pages" / f"{gold['id']}.html").read_bytes()
        doc = extract(data, url=gold.get("url"), options=ALL)
        default = extract(data, url=gold.get("url"))
        assert doc.text == default.text, gold["id"]
        assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
            (b.kind, b.text, b.level) for b in default.blocks], gold["id"]
        lines, figures = read_back(doc.to_markdown())
        if doc.title:
            assert lines[0] == doc.title, gold["id"]
            lines = lines[1:]
        rows = {b.text for b in doc.blocks if b.kind == "table_row"}
        lines = [" | ".join(c.strip() for c in x.split(" | ")) if x in rows else x
                 for x in lines]
        assert lines == text_lines(doc), gold["id"]
        apart = [i for b in doc.blocks for i in b.images or () if not i.inline]
        # (a destination's spaces and parentheses are percent-encoded: compared decoded)
        assert [(unquote(src), under) for src, under in figures] == [
            (unquote(i.src), i.caption) for i in apart], gold["id"]
        for b in doc.blocks:
            counts["links"] += len(b.links or ())
            counts["marks"] += len(b.marks or ())
            counts["images"] += len(b.images or ())
            counts["captions"] += sum(1 for i in b.images or () if i.caption)
    assert all(n > 20 for n in counts.values()), counts  # the check had something to check


def test_to_json_blocks_carry_links_and_images() -> None:
    html = page(f"<p>See <a href='/a'>this</a>. {PROSE}</p>"
                "<figure><img src='/i.jpg' alt='A'><figcaption>Cap</figcaption></figure>"
                f"<p>Next. {PROSE}</p>")
    record = json.loads(extract(html, url="https://example.org/", options=ALL).to_json())
    first, second = record["blocks"]
    assert first["links"] == [{"text": "this", "url": "https://example.org/a", "start": 4,
                               "end": 8}]
    assert second["images"] == [{"src": "https://example.org/i.jpg", "alt": "A", "offset": 0,
                                 "inline": False, "caption": "Cap"}]


def test_a_document_with_markup_stays_frozen_and_picklable() -> None:
    html = page(f"<p><b>See</b> <a href='/a'>this</a>. <img src='/i.jpg' width=200> {PROSE}</p>")
    doc = extract(html, url="https://example.org/", options=ALL)
    assert pickle.loads(pickle.dumps(doc)) == doc
    with pytest.raises(AttributeError):
        doc.blocks[0].links = ()  # type: ignore[misc]


# -- HTML -----------------------------------------------------------------------------

ELEMENTS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "pre",
            "code", "table", "thead", "tbody", "tr", "th", "td", "figure", "img",
            "figcaption", "a", "strong", "em"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}

HOSTILE = page(
    "<script>alert('s')</script><article>"
    "<h2 onclick='alert(1)' style='color:red'>Heading <script>alert(2)</script>here</h2>"
    "<p onmouseover='alert(3)'>A <a href='javascript:alert(4)'>js link</a>, a "
    "<a href=' JAVASCRIPT:alert(5)'>loud one</a>, <a href='java&#x09;script:alert(6)'>split "
    "one</a>, <a href='data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg=='>data</a>,"
    " <a href='vbscript:msgbox(8)'>vb</a> and <a href='/fine' onclick='alert(9)' "
    "target='_blank' style='x'>a fine one</a>. " + PROSE + "</p>"
    "<p>An image: <img src='x.jpg' onerror='alert(10)' width='200' alt='x&quot; onerror=&quot;"
    "alert(11)'> and <img src='data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTIpPg=='"
    " width='200' alt='svg'> and <img src='javascript:alert(13)' width='200'>. " + PROSE + "</p>"
    "<figure><img src='https://cdn.example.org/p.jpg' onload='alert(14)' alt='p'>"
    "<figcaption onclick='alert(15)'>&lt;script&gt;alert(16)&lt;/script&gt; caption"
    "</figcaption></figure>"
    "<p>Text with <iframe src='https://evil.example/'></iframe><object data='x.swf'></object>"
    "<svg><script>alert(17)</script></svg><style>p{}</style>tags <b style='x'>bold</b>. "
    + PROSE + "</p><blockquote>Quoted <a href='https://example.org/q'>words</a>, "
    "said once and kept here for the record.</blockquote>"
    "<table><tr><th>h1</th><th onclick='x'>h2</th></tr><tr><td><a href='javascript:x'>c</a>"
    "</td><td>d</td></tr></table></article>")


class Collector(HTMLParser):
    """Every start tag with its attributes, and every tag that is not closed or opened
    where the output says."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def unknown_decl(self, data: str) -> None:
        raise AssertionError(f"declaration in the output: {data}")

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"comment in the output: {data}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"processing instruction in the output: {data}")


def check_safe(html: str) -> Collector:
    parser = Collector()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in ELEMENTS, tag
        for name, value in attrs:
            assert name in ATTRIBUTES.get(tag, set()), (tag, name)
            if name in ("href", "src"):
                assert value is not None
                assert value.startswith(("https://", "http://", "mailto:", "/")) or (
                    ":" not in value.split("/")[0]), value
    return parser


@pytest.mark.parametrize("options", [ALL, Options()], ids=["switches", "plain"])
def test_html_of_a_hostile_page_has_nothing_executable(options: Options) -> None:
    doc = extract(HOSTILE, url="https://example.org/a/", options=options)
    out = doc.to_html()
    parser = check_safe(out)
    lowered = out.lower()
    for word in ("javascript", "vbscript", "data:", "style", "iframe", "<script", "<svg",
                 "<object"):  # none of these is in the page's text either
        assert word not in lowered, word
    if options is ALL:
        text = "".join(parser.text)
        assert "<script>alert(16)</script> caption" in text  # the caption's text, as text
        assert ("a", [("href", "https://example.org/fine")]) in parser.tags
        assert ("img", [("src", "https://example.org/a/x.jpg"),
                        ("alt", 'x" onerror="alert(11)')]) in parser.tags
        assert ("figcaption", []) in parser.tags


def test_html_of_hand_made_blocks_is_checked_too() -> None:
    # the renderer checks URLs again, whoever made the blocks
    block = Block("paragraph", "click me", links=(Link("click me", "javascript:alert(1)", 0, 8),),
                  images=(Image("data:image/png;base64,AAAA", "x", 0),
                          Image("java\nscript:alert(2)", "y", 8, True)))
    doc = Document(status="ok", text="click me", blocks=(block,))  # type: ignore[arg-type]
    out = doc.to_html()
    check_safe(out)
    assert out == "<p>click me</p>\n"
    assert "javascript" not in doc.to_markdown() and "data:" not in doc.to_markdown()


def test_html_has_the_documents_structure() -> None:
    html = page("<article><h2>Part</h2><p>One <a href='/x'>link</a>. " + PROSE + "</p>"
                "<ul><li>First item</li><li>Second item<ul><li>Inner item</li></ul></li></ul>"
                "<blockquote><p>Quoted words, kept as they were said here.</p></blockquote>"
                "<pre>code  kept</pre><figure><img src='/i.jpg' alt='I'>"
                "<figcaption>Cap</figcaption></figure><p>After. " + PROSE + "</p></article>")
    out = extract(html, url="https://example.org/", options=ALL).to_html()
    assert out == (
        "<h1>T</h1>\n<h2>Part</h2>\n"
        f'<p>One <a href="https://example.org/x">link</a>. {PROSE}</p>\n'
        "<ul><li>First item</li><li>Second item<ul><li>Inner item</li></ul></li></ul>\n"
        "<blockquote><p>Quoted words, kept as they were said here.</p></blockquote>\n"
        "<pre><code>code  kept</code></pre>\n"
        '<figure><img src="https://example.org/i.jpg" alt="I"><figcaption>Cap</figcaption>'
        f"</figure>\n<p>After. {PROSE}</p>\n")


def test_every_record_field_is_json(tmp_path: Path) -> None:
    doc = extract(HOSTILE, url="https://example.org/", options=ALL)
    record: dict[str, Any] = json.loads(doc.to_json())
    assert {"links", "images", "marks"} <= set(record["blocks"][0])


# -- the command ----------------------------------------------------------------------


def test_the_command_offers_the_switches_and_html(tmp_path: Path) -> None:
    from tests.cli_support import run

    html = page(f"<article><p>See <a href='/a'>this</a> and <b>that</b>. {PROSE}</p>"
                "<figure><img src='/i.jpg' alt='A'><figcaption>Cap</figcaption></figure>"
                f"<p>Next. {PROSE}</p></article>")
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    args = (str(tmp_path / "p.html"), "--url", "https://example.org/")
    md = run(*args, "-f", "md", "--links", "--images", "--formatting")
    assert md.returncode == 0, md.stderr
    assert (b"See [this](https://example.org/a) and **that**." in md.stdout
            and b"![A](https://example.org/i.jpg)\nCap\n\nNext." in md.stdout)
    plain = run(*args, "-f", "md")
    assert b"See this and that." in plain.stdout and b"![" not in plain.stdout
    out = run(*args, "-f", "html", "--links", "-o", str(tmp_path / "p.out.html"))
    assert out.returncode == 0, out.stderr
    written = (tmp_path / "p.out.html").read_text(encoding="utf-8")
    assert '<p>See <a href="https://example.org/a">this</a> and that.' in written
    check_safe(written)
    record = json.loads(run(*args, "-f", "json", "--images").stdout)
    assert record["blocks"][1]["images"][0]["caption"] == "Cap"
    assert "links" not in record["blocks"][0]


def test_the_readme_shows_what_the_example_article_gives() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    data = (root / "examples" / "rivers-article.html").read_bytes()
    url = "https://news.example.org/2024/rivers"
    doc = extract(data, url=url, options=ALL)
    shown = {kind: readme.split(f"<!-- rivers: {kind} -->\n```{fence}\n", 1)[1].split("```", 1)[0]
             for kind, fence in (("text", "text"), ("markdown", "markdown"), ("html", "html"))}
    assert shown["text"] == extract(data, url=url).text + "\n" == doc.text + "\n"
    assert shown["markdown"] == doc.to_markdown()
    assert shown["html"] == doc.to_html()
    assert doc.blocks[0].links == (
        Link("gauge readings", "https://news.example.org/data/levels", 41, 55),)
