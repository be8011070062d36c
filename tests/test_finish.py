"""Finish stage: headline copies, related-list boundaries, bylines, captions, edges."""

from __future__ import annotations

from conftest import page

from cleanweb.errors import Budget
from cleanweb.measures import fingerprint
from cleanweb.options import Options
from cleanweb.stages import parse as dom
from cleanweb.stages.finish import finish, image_caption, tail_notes, trim_edges
from cleanweb.stages.metadata import Metadata
from cleanweb.stages.page import Decision, Page, Role, Seg
from cleanweb.stages.score import headline, headline_copy, score
from cleanweb.stages.segment import segment

ZH = "记者在现场看到，由于部分地区暴雨伴随着狂风，许多粗大的树枝被刮断，道路也出现了多处积水。"
TITLE = "浙江台州复苏记：疫中抢先机 盼得春归来"


def run(body: str, title: str | None = TITLE) -> Page:
    tree = dom.parse(page(body))
    assert tree.body is not None
    out = segment(tree.body, Budget(None), 10**6)
    return finish(score(out, Metadata(title=title), Options()))


def roles(body: str, title: str | None = TITLE) -> dict[str, tuple[str, str]]:
    return {d.seg.text: (d.role.value, d.reason) for d in run(body, title).decisions}


def test_headline_copies() -> None:
    fp = headline(fingerprint(TITLE))
    assert headline_copy("浙江台州复苏记:疫中抢先机盼得春归来", fp)
    assert headline_copy("(抗击新冠肺炎)浙江台州复苏记：疫中抢先机 盼得春归来", fp)
    assert headline_copy("原标题：浙江台州复苏记：疫中抢先机 盼得春归来", fp)
    assert not headline_copy(ZH, fp)
    assert not headline_copy(TITLE + "，" + ZH, fp)  # a paragraph that merely starts with it
    assert not headline_copy("anything", headline(""))


def test_headline_characters_rare_first_without_sigmas() -> None:
    # a line lacking any of these is no copy; rare ones first, so most lines fail at once
    title = headline(fingerprint("Σ 2 zebras eat"))
    assert title.fp == "σ2zebraseat"
    assert title.chars == ("2", "z", "b", "r", "s", "a", "t", "e")


def test_headline_repeat_removed_from_body() -> None:
    compact = TITLE.replace(" ", "")
    got = roles(f"<div><h1>{TITLE}</h1><p>{ZH}</p><p>{compact}</p><p>{ZH}2</p></div>")
    assert got[TITLE] == ("drop", "headline")
    assert got[TITLE.replace(" ", "")] == ("drop", "headline")
    assert got[ZH][0] == "body"


def test_related_heading_drops_its_list() -> None:
    related = "".join(
        f"<li><a href=/n{i}>另一条新闻标题第{i}条</a> 相关内容</li>" for i in range(4))
    body = f"<p>{ZH}</p><p>{ZH}2</p><p>{ZH}3</p>"
    got = roles(f"<div>{body}<div><h3>相关新闻</h3><ul>{related}</ul></div></div>")
    assert got["相关新闻"][0] == "drop"
    assert all(role == "drop" for text, (role, _) in got.items() if text.startswith("另一条"))
    assert got[ZH][0] == "body"


def test_editor_line_moves_to_metadata() -> None:
    done = run(f"<div><p>{ZH}</p><p>{ZH}2</p><p>【编辑:周驰】</p></div>")
    assert done.meta.editor == "周驰"
    kept = [d.seg.text for d in done.decisions if d.role is Role.BODY]
    assert "【编辑:周驰】" not in kept


def test_editor_line_just_outside_the_body_still_fills_metadata() -> None:
    done = run(f"<div><div><p>{ZH}</p><p>{ZH}2</p></div><div>责任编辑：王五</div></div>")
    assert done.meta.editor == "王五"


def test_caption_under_image() -> None:
    got = roles(f"<div><p>{ZH}</p><p><img src=a.jpg></p><p>图为:复工复产的企业 张三 摄</p>"
                f"<p>{ZH}2</p></div>")
    assert got["图为:复工复产的企业 张三 摄"][0] == "caption"


def image_seg(text: str, kind: str = "paragraph", after: bool = True) -> Seg:
    from cleanweb.measures import punct_count, units

    return Seg(kind, text, 0, 1, units(text), 0, punct_count(text), -1, None, False, after)


def test_image_caption_rules() -> None:
    assert image_caption(image_seg("工人在生产线上忙碌"))
    assert image_caption(image_seg("（某公司的部分报价单）"))
    assert not image_caption(image_seg(ZH))  # a sentence, ends with a stop
    assert not image_caption(image_seg("可以看出以下特点："))  # leads into a list
    assert not image_caption(image_seg("工人在生产线上忙碌", after=False))
    assert not image_caption(image_seg("工人在生产线上忙碌", kind="heading"))
    assert not image_caption(image_seg("01"))  # a section number


def test_trailing_short_lines_trimmed() -> None:
    got = roles(f"<div><p>{ZH}</p><p>{ZH}2</p><p>张三 李四</p></div>")
    assert got["张三 李四"] == ("drop", "edge.tail")


def test_the_byline_pass_keeps_the_page_budget() -> None:
    import time

    import pytest

    from cleanweb.errors import Stop
    from cleanweb.stages.finish import _bylines

    segs = [Seg("paragraph", f"line {i}", 0, 0, 2, 0, 0, -1, None, False) for i in range(300)]
    decisions = [Decision(s, Role.BODY, "body") for s in segs]
    expired = Budget(0.001)
    time.sleep(0.002)
    with pytest.raises(Stop):
        _bylines(decisions, Metadata(), expired)
    assert _bylines(decisions, Metadata(), Budget(None)) == (decisions, Metadata())


def test_headline_copies_with_context_dependent_lower_case() -> None:
    # Σ lower-cases to σ or ς by its neighbours, which differ once spaces are removed;
    # İ lower-cases to two characters
    for title, line in [("ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΠΟΛΗ", "ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΠΟΛΗ!"),
                        ("İstanbul haber", "İSTANBUL HABER"),
                        ("Kelvin K and ß", "KELVIN K AND ß")]:
        assert headline_copy(line, headline(fingerprint(title))), (title, line)
    assert not headline_copy("ΟΔΟΣ ΠΡΟΣ ΑΛΛΟΥ", headline(fingerprint("ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΠΟΛΗ")))


def test_an_inline_related_link_drops_alone_and_the_article_goes_on() -> None:
    first = ("A powerful storm swept through the region overnight, knocking out power to more "
             "than 40,000 homes and businesses and toppling trees across several counties.")
    short = "The weather service said gusts reached 70 mph near the coast, and more rain is due."
    last = ("Utility officials said crews were working around the clock but warned that some "
            "customers could be without electricity until the weekend, and asked for patience.")
    got = roles(f"<article><p>{first}</p><p>RELATED: How to prepare your home for winter "
                f"storms</p><p>{short}</p><p>{last}</p></article>", title=None)
    assert got["RELATED: How to prepare your home for winter storms"][0] == "drop"
    assert got[short][0] == got[last][0] == "body"


def test_the_edge_trim_returns_new_decisions_and_leaves_its_input_alone() -> None:
    segs = [image_seg(ZH, after=False), image_seg("张三 李四", after=False)]
    decisions = [Decision(s, Role.BODY, "body") for s in segs]
    trimmed = trim_edges(decisions)
    assert [(d.role, d.reason) for d in trimmed] == [(Role.BODY, "body"),
                                                     (Role.DROP, "edge.tail")]
    assert [d.role for d in decisions] == [Role.BODY, Role.BODY]


def test_the_edge_trim_never_empties_the_body() -> None:
    # A body of one short label-like line (a notice, a test page) is the body.
    segs = [image_seg("Test", after=False), image_seg("张三 李四", after=False)]
    decisions = [Decision(s, Role.BODY, "body") for s in segs]
    assert [d.role for d in trim_edges(decisions)] == [Role.BODY, Role.BODY]
    assert [d.role for d in trim_edges(decisions[:1])] == [Role.BODY]


def test_finish_resolves_every_boundary_and_keeps_the_region() -> None:
    related = "".join(
        f"<li><a href=/n{i}>另一条新闻标题第{i}条</a> 相关内容</li>" for i in range(4))
    tree = dom.parse(page(f"<div><p>{ZH}</p><p>{ZH}2</p><p>{ZH}3</p><p>责任编辑：王五</p>"
                          f"<div><h3>相关新闻</h3><ul>{related}</ul></div></div>"))
    assert tree.body is not None
    scored = score(segment(tree.body, Budget(None), 10**6), Metadata(title=TITLE), Options())
    assert any(d.seg.text == "相关新闻" and d.role is Role.BODY for d in scored.decisions)
    done = finish(scored)
    assert done.region == scored.region and done.containers == scored.containers
    assert all(d.role is not Role.BOUNDARY for d in done.decisions)
    assert [d.seg for d in done.decisions] == [d.seg for d in scored.decisions]
    assert (scored.meta.editor, done.meta.editor) == (None, "王五")


ARTICLE = ("A powerful storm swept through the region overnight, knocking out power to more "
           "than 40,000 homes and businesses and toppling trees across several counties.")
LATER = ("Utility officials said crews were working around the clock but warned that some "
         "customers could be without electricity until the weekend, and asked for patience.")
LINKED = ('<a href=/p>Governor Jane Smith</a> declared an emergency for <a href=/c>Harris '
          'County</a> and <a href=/d>Dallas County</a>.')


def test_a_linked_sentence_between_body_lines_is_body() -> None:
    got = roles(f"<article><p>{ARTICLE}</p><p>{LINKED}</p><p>{LATER}</p></article>",
                title=None)
    line = "Governor Jane Smith declared an emergency for Harris County and Dallas County."
    assert got[line] == ("body", "links.prose")


def test_link_lines_that_are_no_sentence_or_stand_at_an_edge_stay_dropped() -> None:
    teasers = ('<a href=/a>Storm damage in pictures</a> | <a href=/b>How to prepare your '
               'home for winter</a> | <a href=/c>Power outage map for the region</a>')
    got = roles(f"<article><p>{ARTICLE}</p><p>{ARTICLE}!</p><p>{teasers}</p><p>{LATER}</p>"
                f"<p>{LATER}!</p><p>{LINKED}</p></article>", title=None)
    assert got[ARTICLE][0] == got[LATER][0] == "body"
    dropped = [(role, reason[:6]) for text, (role, reason) in got.items()
               if not text.startswith((ARTICLE, LATER))]
    assert dropped == [("drop", "links=")] * 2


def test_favoring_precision_rescues_no_linked_sentence() -> None:
    tree = dom.parse(page(f"<article><p>{ARTICLE}</p><p>{LINKED}</p><p>{LATER}</p></article>"))
    assert tree.body is not None
    scored = score(segment(tree.body, Budget(None), 10**6), Metadata(),
                   Options(favor="precision"))
    done = finish(scored, favor="precision")
    assert [d.role for d in done.decisions] == [Role.BODY, Role.DROP, Role.BODY]


def test_link_sentence_shape() -> None:
    from cleanweb.stages.finish import link_sentence

    def linked(text: str, link_units: int) -> Seg:
        return image_seg(text, after=False)._replace(link_units=link_units)

    sentence = "Governor Jane Smith declared an emergency for Harris County on Monday."
    assert link_sentence(linked(sentence, 7), 0.8)
    assert not link_sentence(linked(sentence, 11), 0.8)  # nearly all links: a title
    assert not link_sentence(linked("Read the governor's full statement here.", 5), 0.8)
    assert not link_sentence(linked(sentence[:-1] + " ...", 7), 0.8)
    assert not link_sentence(linked(sentence[:-1], 7), 0.8)


def test_a_longer_linked_sentence_may_close_the_body() -> None:
    closing = ('This story first appeared in <a href=/w>The Weekly Ledger</a>, under the '
               'headline <a href=/s>"Storm leaves thousands in the dark"</a>.')
    body = f"<article><p>{ARTICLE}</p><p>{ARTICLE}!</p><p>{LATER}</p><p>{LATER}!</p>"
    got = roles(f"{body}<p>{closing}</p></article>", title=None)
    line = ('This story first appeared in The Weekly Ledger, under the headline '
            '"Storm leaves thousands in the dark".')
    assert got[line] == ("body", "links.prose")
    # three links in four words: between body lines a sentence, at the edge a link line
    heavier = ('First in <a href=/w>The Weekly Ledger</a>, headlined <a href=/s>"Storm '
               'leaves thousands in the dark"</a>.')
    got = roles(f"{body}<p>{heavier}</p></article>", title=None)
    assert [r for r, _ in got.values()][-1] == "drop"
    got = roles(f"{body}<p>{heavier}</p><p>{LATER}?</p></article>", title=None)
    assert [r for r, _ in got.values()][-2] == "body"


def test_a_heading_that_ends_the_body_heads_nothing_and_goes() -> None:
    teasers = "".join(f"<li><a href=/n{i}>Another story, number {i}</a></li>" for i in range(4))
    body = f"<p>{ARTICLE}</p><p>{ARTICLE}!</p><p>{LATER}</p>"
    got = roles(f"<article>{body}<h3>Storm coverage</h3><ul>{teasers}</ul></article>",
                title=None)
    assert got["Storm coverage"] == ("drop", "edge.tail")
    assert got[ARTICLE][0] == got[LATER][0] == "body"
    # a heading inside the body heads the paragraph under it
    got = roles(f"<article>{body}<h3>Storm coverage</h3><p>{LATER}!</p></article>", title=None)
    assert got["Storm coverage"][0] == "body"


def test_a_long_line_in_heading_type_at_the_end_stays() -> None:
    closing = ("A version of this story ran in the weekend print edition under a different "
               "headline, with additional reporting")
    segs = [image_seg(ARTICLE, after=False),
            image_seg(closing, kind="heading", after=False),
            image_seg("Share this story", kind="heading", after=False)]
    decisions = [Decision(s, Role.BODY, "body") for s in segs]
    assert [d.role for d in trim_edges(decisions)] == [Role.BODY, Role.BODY, Role.DROP]


BIO = ("Jane Roe is a staff writer at the Riverside Gazette, where she covers the weather "
       "and the county's utilities.")


def _body(*texts: str) -> list[Decision]:
    return [Decision(image_seg(t, after=False), Role.BODY, "body") for t in texts]


def test_an_author_box_that_ends_the_body_goes() -> None:
    got = roles(f"<article><p>{ARTICLE}</p><p>{LATER}</p><p>{BIO}</p></article>", title=None)
    assert got[BIO] == ("drop", "tail.bio.role")
    assert got[ARTICLE][0] == got[LATER][0] == "body"


def test_the_same_words_higher_up_are_news() -> None:
    # the walk back from the body's end stops at the first line that is no tail note
    decisions = _body(ARTICLE, BIO, LATER)
    assert [d.role for d in tail_notes(decisions)] == [Role.BODY] * 3


def test_tail_notes_pass_scraps_and_chain_back_from_the_end() -> None:
    follow = "Follow Me:"
    decisions = _body(ARTICLE, LATER, BIO, "Share", follow)
    got = tail_notes(decisions)
    assert [d.reason for d in got] == ["body", "body", "tail.bio.role", "body",
                                       "tail.prompt.follow_label"]
    assert decisions[2].role is Role.BODY  # its input is left alone


def test_a_body_that_is_one_author_note_stays() -> None:
    assert [d.role for d in tail_notes(_body(BIO))] == [Role.BODY]


def test_a_quote_or_attribution_at_the_end_is_no_author_box() -> None:
    closing = "Jane Roe is the founder of the company, the filing says."
    assert [d.role for d in tail_notes(_body(ARTICLE, closing))] == [Role.BODY] * 2


def test_the_walk_drops_at_most_a_few_notes_in_a_row() -> None:
    from cleanweb.rules.text import TAIL_REACH

    notes = [f"Jane Roe{'s' * n} is a staff writer at the Gazette." for n in range(6)]
    got = tail_notes(_body(ARTICLE, *notes))
    assert [d.role for d in got].count(Role.DROP) == TAIL_REACH
