"""Score stage: region choice and structural verdicts on synthetic pages."""

from __future__ import annotations

from conftest import page

from cleanweb.errors import Budget
from cleanweb.options import Options
from cleanweb.stages import parse as dom
from cleanweb.stages.finish import finish
from cleanweb.stages.metadata import Metadata
from cleanweb.stages.page import Page, Role, Segmented
from cleanweb.stages.score import choose_region, same_kind, score
from cleanweb.stages.segment import segment

PROSE = ("The council met on Tuesday to discuss the new budget, which includes more money "
         "for schools and roads. Members argued for hours before the vote was taken. ")
ZH = "记者在现场看到，由于部分地区暴雨伴随着狂风，许多粗大的树枝被刮断，道路也出现了多处积水。"
MENU = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))


def seg(body: str) -> Segmented:
    tree = dom.parse(page(body))
    assert tree.body is not None
    return segment(tree.body, Budget(None), 10**6)


def kept(body: str, favor: str = "balanced") -> list[str]:
    page = score(seg(body), Metadata(), Options(favor=favor))  # type: ignore[arg-type]
    return [d.seg.text for d in page.decisions if d.role is Role.BODY]


def test_region_is_the_article_not_the_menu_or_page() -> None:
    body = (f"<ul class='menu'>{MENU}</ul><div id='story'><p>{PROSE}</p><p>{PROSE}</p></div>"
            f"<div class='links'><ul>{MENU}</ul></div>")
    out = seg(body)
    region = choose_region(out)
    assert out.containers[region.container].tag == "div"
    assert region.end == region.container + 2  # the story's two paragraphs
    assert region.score > 0 and region.site_rule is None
    assert kept(body) == [PROSE.strip(), PROSE.strip()]


def test_cjk_paragraphs_win_by_units() -> None:
    body = f"<div><a href=#>首页</a> <a href=#>新闻</a></div><div><p>{ZH}</p><p>{ZH}</p></div>"
    assert kept(body) == [ZH, ZH]


def test_long_comment_section_does_not_become_the_region() -> None:
    comments = "".join(f"<div class='comment'><p>{PROSE}</p></div>" for _ in range(6))
    body = f"<article><p>{PROSE}</p><p>{PROSE}</p></article><div id='comments'>{comments}</div>"
    assert kept(body) == [PROSE.strip(), PROSE.strip()]


def test_chrome_inside_region_is_dropped_with_its_rule() -> None:
    body = (f"<div class='content'><p>{PROSE}</p><div class='share'><p>Share this</p></div>"
            f"<p>{PROSE}</p></div>")
    page = score(seg(body), Metadata(), Options())
    reasons = {d.seg.text: d.reason for d in page.decisions}
    assert reasons["Share this"] == "class.share"


def test_chrome_named_wrapper_around_everything_is_ignored() -> None:
    body = f"<div id='app' class='widget'><div><p>{PROSE}</p><p>{PROSE}</p></div></div>"
    assert kept(body) == [PROSE.strip(), PROSE.strip()]


def test_link_dense_line_inside_region_dropped() -> None:
    body = (f"<div><p>{PROSE}</p><p><a href=#>More stories about the budget</a> here</p>"
            f"<p>{PROSE}</p></div>")
    assert "More stories about the budget here" not in kept(body)


def test_favor_changes_link_density_threshold() -> None:
    line = "<p>Read <a href=#>our guide to the budget</a> and the minutes.</p>"
    body = f"<div><p>{PROSE}</p>{line}<p>{PROSE}</p></div>"
    assert len(kept(body, "recall")) == 3
    assert len(kept(body, "precision")) == 2


def test_tag_cloud_without_punctuation_loses_to_short_article() -> None:
    # Undiscounted, the cloud's 120 words minus the menu's 60 link words would beat the
    # 56-word article; counted at one unit in 30 per missing stop, it cannot.
    cloud = " ".join(f"word{i}" for i in range(120))
    body = (f"<div class='x'><ul>{MENU}</ul><p>{cloud}</p></div>"
            f"<div class='y'><p>{PROSE}</p><p>{PROSE}</p></div>")
    assert kept(body) == [PROSE.strip(), PROSE.strip()]


def test_the_record_keeps_the_region_and_one_decision_per_segment() -> None:
    body = (f"<ul class='menu'>{MENU}</ul><div id='story'><p>{PROSE}</p><p>{PROSE}</p></div>")
    out = seg(body)
    meta = Metadata(title="Budget")
    page = score(out, meta, Options())
    assert page.region == choose_region(out)
    assert page.meta is meta
    assert [d.seg for d in page.decisions] == list(out.segs)
    outside = [d for d in page.decisions if d.seg.text.startswith("Section")]
    assert outside and all(d.role is Role.DROP and d.reason == "region.outside"
                           for d in outside)


def test_decide_makes_what_the_constructor_makes() -> None:
    from cleanweb.stages.page import Decision, decide

    (one,) = seg(f"<p>{PROSE}</p>").segs
    made = decide(one, Role.CAPTION, "caption.element")
    assert type(made) is Decision and made == Decision(one, Role.CAPTION, "caption.element")
    assert (made.seg, made.role, made.reason) == (one, Role.CAPTION, "caption.element")


CONSENT = ("We and our partners store and access information on a device, such as cookies, "
           "and process personal data for personalised ads and content, ad and content "
           "measurement, audience insights and product development. ")


def test_consent_notice_never_wins_over_a_short_article() -> None:
    # The notice holds six times the article's text, and would win at a fifth of its score.
    notice = "".join(f"<p>{CONSENT}</p>" for _ in range(12))
    body = (f"<div id='onetrust-consent-sdk'><div>{notice}</div></div>"
            f"<article><p>{PROSE}</p></article>")
    assert kept(body) == [PROSE.strip()]


def test_dialog_never_wins_but_a_modal_named_wrapper_may() -> None:
    notice = "".join(f"<p>{CONSENT}</p>" for _ in range(12))
    dialog = f"<div role='dialog'>{notice}</div><article><p>{PROSE}</p></article>"
    assert kept(dialog) == [PROSE.strip()]
    # "modal" alone names article wrappers too: that stays a last resort, not a ban.
    wrapper = f"<div class='modal-enabled'>{notice}</div><p>Short.</p>"
    assert len(kept(wrapper)) == 12


def test_tooltip_text_is_chrome() -> None:
    body = (f"<div><p>{PROSE}</p><div role='tooltip'>This question shows research effort; "
            f"it is useful and clear.</div><p>{PROSE}</p></div>")
    assert kept(body) == [PROSE.strip(), PROSE.strip()]


def test_a_headline_alone_is_no_region() -> None:
    # The headline holds more prose than the one-line notice under it, but the finish
    # stage drops it: a region of the headline alone would leave the body empty.
    title = "The council has voted to close the old swimming pool on the harbour front"
    body = (f"<header><h1>{title}</h1></header><div><p>The pool shuts in May.</p></div>"
            f"<ul class='menu'>{MENU}</ul>")
    page = finish(score(seg(body), Metadata(title=title), Options()))
    assert page.headlines == frozenset({0})
    assert [d.seg.text for d in page.decisions if d.role is Role.BODY] == [
        "The pool shuts in May."]


def test_an_article_split_into_sibling_blocks_is_taken_whole() -> None:
    # Three story parts with a link list between them: their parent scores less than one
    # part, so one part alone would be the region; the parent is, without the list.
    part = f"<div class='story-part'><p>{PROSE}</p></div>"
    body = f"<div>{part}<ul>{MENU}</ul>{part}{part}</div>"
    page = score(seg(body), Metadata(), Options())
    assert page.region.reason == "region.siblings"
    assert [d.seg.text for d in page.decisions if d.role is Role.BODY] == [PROSE.strip()] * 3
    assert {d.reason for d in page.decisions if d.seg.text.startswith("Section")} == {
        "region.sibling"}


def test_siblings_must_be_prose_of_the_same_kind() -> None:
    part = f"<div class='story-part'><p>{PROSE}</p></div>"
    # Same signature, but a third of it links: a teaser block of the same template.
    teaser = ("<div class='story-part'><p>Read <a href=/r>the full report on the budget</a> "
              "and <a href=/m>the minutes of the meeting</a>, published on Tuesday evening by "
              "the clerk's office for all the residents of the town.</p></div>")
    assert kept(f"<div>{part}<ul>{MENU}</ul>{teaser}</div>") == [PROSE.strip()]
    # A dateline in a paragraph of its own beside the body adds too little to be its rest.
    line = "Published on Tuesday, 4 March 2025, at 10:12 in the morning by the city desk."
    long = (PROSE * 4).strip()
    dated = f"<div><ul>{MENU}</ul><p>{line}</p><p>{long}</p></div>"
    assert kept(dated) == [long]
    # Classless blocks other than paragraphs carry no signature (an id is no class; with
    # neither, the division is bare, see test_a_bare_division_is_widened...).
    twin = f"<div id='story'><p>{PROSE}</p><p>{PROSE}</p></div>"
    bare = f"<div><ul>{MENU}</ul>{twin}<div><p>{ZH}</p></div></div>"
    assert kept(bare) == [PROSE.strip()] * 2


TITLE = "Council votes to close the harbour pool"
TEASER = ("In other news, the river festival drew record crowds on Saturday, and organisers "
          "said they would add a second weekend next year to cope with demand. ")


def anchored_page(title: str, source: str, headline: str | None = None) -> Page:
    """An article of two paragraphs under its headline, and before it a block of four
    teaser summaries that outscores it, on a page whose menu sinks the whole page."""
    head = headline or f"<h1>{title}</h1>"
    teasers = "".join(f"<p>{TEASER}</p>" for _ in range(4))
    body = (f"<ul>{MENU}</ul><div class='more'><div>{teasers}</div></div>"
            f"<div class='story'>{head}<p>{PROSE}</p><p>{PROSE}</p></div>")
    meta = Metadata(title=title, rules=(("title", source),))
    return score(seg(body), meta, Options())


def body_texts(page: Page) -> list[str]:
    return [d.seg.text for d in page.decisions if d.role is Role.BODY]


def test_the_region_is_tied_to_the_headline() -> None:
    page = anchored_page(TITLE, "metadata.title.h1")
    assert page.region.reason == "region.anchor"
    assert body_texts(page) == [TITLE, PROSE.strip(), PROSE.strip()]  # finish drops the h1


def test_no_anchor_without_a_headline_the_page_shows() -> None:
    # A title taken from <title> may be the site's name: the best region stays.
    page = anchored_page(TITLE, "metadata.title.tag")
    assert page.region.reason == "region.best"
    assert body_texts(page) == [TEASER.strip()] * 4
    # A headline that is a link home is the blog's name in its header.
    linked = anchored_page(TITLE, "metadata.title.h1", f"<h1><a href='/'>{TITLE}</a></h1>")
    assert linked.region.reason == "region.best"


def test_the_anchor_needs_a_fair_share_of_the_best_score() -> None:
    # One short line under the headline is no match for the teasers.
    short = ("<div class='story'><h1>T</h1><p>Closed.</p></div>")
    teasers = "".join(f"<p>{TEASER}</p>" for _ in range(4))
    body = f"<ul>{MENU}</ul><div><div>{teasers}</div></div>{short}"
    page = score(seg(body), Metadata(title="T", rules=(("title", "metadata.title.h1"),)),
                 Options())
    assert page.region.reason == "region.best"


def test_a_chrome_name_on_the_wrapper_of_most_of_the_prose_is_void() -> None:
    # WordPress puts taxonomy classes on the post: "tag-promotion" reads as an ad slot.
    post = f"<div class='post tag-promotion'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
    aside = f"<div class='sidebar'><p>{TEASER}</p></div>"
    page = score(seg(f"<ul>{MENU}</ul>{post}{aside}"), Metadata(), Options())
    assert body_texts(page) == [PROSE.strip()] * 3
    # Inside the region the void name drops nothing; a real chrome name still does.
    inner = (f"<div class='entry'><p>{TEASER}</p><div class='ad-wrap'><p>{PROSE}</p>"
             f"<p>{PROSE}</p></div><div class='share'><p>Share this story</p></div></div>")
    page = score(seg(inner), Metadata(), Options())
    assert body_texts(page) == [TEASER.strip(), PROSE.strip(), PROSE.strip()]
    assert {d.seg.text: d.reason for d in page.decisions}["Share this story"] == "class.share"


def test_comments_and_footers_stay_chrome_however_much_they_hold() -> None:
    comments = "".join(f"<div class='comment'><p>{TEASER}</p></div>" for _ in range(4))
    body = f"<article><p>{PROSE}</p></article><div class='comments'>{comments}</div>"
    assert kept(body) == [PROSE.strip()]
    footer = f"<article><p>{PROSE}</p></article><footer><p>{TEASER}</p><p>{TEASER}</p></footer>"
    assert kept(footer) == [PROSE.strip()]


def test_variants_of_one_block_are_siblings_of_one_kind() -> None:
    # An article built of BEM sections: a text section, then image sections whose captions
    # carry the rest of the story, with a link list between them.
    text = f"<section class='entry entry--text text'><p>{PROSE}</p></section>"
    image = f"<section class='entry entry--image image'><p>{TEASER}</p></section>"
    body = f"<article>{text}<ul>{MENU}</ul>{image}{image}</article>"
    page = score(seg(body), Metadata(), Options())
    assert page.region.reason == "region.siblings"
    assert body_texts(page) == [PROSE.strip(), TEASER.strip(), TEASER.strip()]
    # The same first class without a modifier on both is no variant of the block.
    plain = f"<section class='entry image'><p>{TEASER}</p></section>"
    assert kept(f"<article>{text}<ul>{MENU}</ul>{plain}{plain}</article>") == [PROSE.strip()]


def test_same_kind_compares_whole_values_or_bem_variants() -> None:
    assert same_kind("story-part", "story-part") and same_kind(None, None)
    assert same_kind("entry entry--text", "entry entry--quote wide")
    assert not same_kind("entry entry--text", "entry")
    assert not same_kind("entry entry--text", "card card--text")
    assert not same_kind("wikitable", "wikitable sortable")
    assert not same_kind("entry", None)


def test_the_rest_of_the_article_behind_read_more_is_the_article() -> None:
    # The first paragraphs, then the rest folded into a "read-more" block: a related name,
    # but no heading and no links.
    rest = "".join(f"<p>{PROSE}</p>" for _ in range(4))
    story = (f"<div class='story-body'><p>{TEASER}</p><div class='read-more'>"
             f"<a href='#'>Read more</a><div>{rest}</div></div></div>")
    assert kept(f"<ul>{MENU}</ul>{story}") == [TEASER.strip()] + [PROSE.strip()] * 4


def test_a_related_block_holding_the_next_article_stays_chrome() -> None:
    nxt = "".join(f"<p>{PROSE}</p>" for _ in range(4))
    article = f"<article><p>{TEASER}</p><p>{TEASER}</p></article>"
    # The next article shows its own title ...
    titled = f"{article}<div class='related'><h2>The next story</h2>{nxt}</div>"
    assert kept(titled) == [TEASER.strip()] * 2
    # ... and a list of other articles links each of them.
    teasers = "".join(f"<p><a href='/s{i}'>Council news</a> {TEASER}</p>" for i in range(4))
    assert kept(f"{article}<div class='related'>{teasers}</div>") == [TEASER.strip()] * 2


def test_a_data_table_is_the_region_with_the_article_around_it() -> None:
    # A list article: a short introduction and notes around a table whose every row links
    # its first cell; the table outscores the page around it.
    rows = "".join(f"<tr><td><a href='/f{i}'>Film number {i}</a></td><td>{1990 + i}</td>"
                   f"<td>A man relives the same day in a small town until he gets it right."
                   f"</td></tr>" for i in range(12))
    intro = f"<p>{PROSE}</p><p>{TEASER}</p>"
    notes = "".join(f"<li><a href='/n{i}'>Source number {i} in the archive</a>, 2020.</li>"
                    for i in range(20))
    body = (f"<ul>{MENU}</ul><div class='content'>{intro}<table>{rows}</table>"
            f"<ol>{notes}</ol></div>")
    page = score(seg(body), Metadata(), Options())
    assert page.region.reason == "region.table"
    texts = body_texts(page)
    assert texts[:2] == [PROSE.strip(), TEASER.strip()] and len(texts) == 2 + 12
    # A data table with no prose around it is the article itself.
    assert score(seg(f"<ul>{MENU}</ul><div><table>{rows}</table></div>"), Metadata(),
                 Options()).region.reason == "region.best"


def test_a_bare_list_is_the_region_with_the_article_around_it() -> None:
    # Paragraphs and a bare list beside a list of links: the list alone outscores the
    # block around them, but it is part of the article there.
    items = "".join(f"<li>{TEASER}</li>" for _ in range(3))
    body = (f"<ul class='menu'>{MENU}</ul><div id='page'><p>{PROSE}</p><ul>{items}</ul>"
            f"<p>{PROSE}</p><ul>{MENU}</ul></div>")
    page = score(seg(body), Metadata(), Options())
    assert page.region.reason == "region.block"
    assert body_texts(page) == [PROSE.strip(), *[TEASER.strip()] * 3, PROSE.strip()]
    # A list with a class is a widget of the page, not the article's own markup.
    named = body.replace("<ul>", "<ul class='highlights'>")
    assert score(seg(named), Metadata(), Options()).region.reason == "region.best"


def test_a_bare_division_is_widened_but_never_to_the_whole_page() -> None:
    # An unnamed division around the second half of the article, whose first half sits
    # beside it with a link list: the block around both is the region.
    half = f"<p>{PROSE}</p><p>{TEASER}</p>"
    body = (f"<ul class='menu'>{MENU}</ul><div class='body-field'>{half}<ul>{MENU}</ul>"
            f"<div>{half}{half}</div></div>")
    page = score(seg(body), Metadata(), Options())
    assert page.region.reason == "region.block"
    assert body_texts(page) == [PROSE.strip(), TEASER.strip()] * 3
    # An old page's bare centering is such a division too.
    centered = body.replace("<div>", "<center>").replace("</div></div>", "</center></div>")
    assert score(seg(centered), Metadata(), Options()).region.reason == "region.block"
    # Right under the page, the division stays the region: the page holds everything.
    top = f"<ul class='menu'>{MENU}</ul>{half}<ul>{MENU}</ul><div>{half}{half}</div>"
    assert score(seg(top), Metadata(), Options()).region.reason == "region.best"
    # So does one whose parent holds more links than prose: the page's wrapper.
    menus = f"<ul class='menu'>{MENU}</ul>" * 4
    wrapped = f"<div class='app'>{menus}{half}<div>{half}{half}</div></div>"
    assert score(seg(wrapped), Metadata(), Options()).region.reason == "region.best"


def test_the_article_beside_a_long_comment_thread_wins_as_a_whole() -> None:
    # Short paragraphs, each far below a fifth of a long thread of comments: together they
    # outscore it, and they are the article.
    para = "<p>The pool shuts in May, the council said, after a vote on Tuesday night.</p>"
    comments = "".join(f"<dd><p>{PROSE}</p></dd>" for _ in range(12))
    body = (f"<ul class='menu'>{MENU}</ul><div id='content'>{para * 6}"
            f"<div id='comments'><dl>{comments}</dl></div></div>")
    page = score(seg(body), Metadata(), Options())
    assert page.region.reason == "region.uncommented+siblings"
    assert body_texts(page) == [para[3:-4]] * 6
    # With no article beside it, the thread stays the region (a last resort).
    alone = f"<ul class='menu'>{MENU}</ul><div id='comments'><dl>{comments}</dl></div>"
    assert score(seg(alone), Metadata(), Options()).region.reason == "region.best"
