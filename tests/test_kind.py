"""Page-kind stage: threads and articles on synthetic pages, Document.kind, and real pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import page

from cleanweb import Options, PageKind, Status, extract
from cleanweb.errors import Budget
from cleanweb.rules.thread import POST_LINES
from cleanweb.stages import parse as dom
from cleanweb.stages.kind import page_kind
from cleanweb.stages.metadata import Metadata
from cleanweb.stages.page import Page, Role
from cleanweb.stages.score import score
from cleanweb.stages.segment import segment

OPENING = ("My laptop stopped charging after the last update, and the battery light blinks "
           "twice when I plug it in. I tried another charger and a different socket. ")
REPLIES = (
    "Check whether the update reset the power settings; mine limited charging to sixty "
    "percent after the same update, and the light blinked the same way.",
    "Same here. Rolling the firmware back fixed it for me, but it took an hour to find "
    "the old version on the support site.",
    "If it is still under warranty, send it in: a blinking light twice usually means the "
    "battery controller failed, and no setting will fix that.",
)
ARTICLE = ("The council met on Tuesday to discuss the new budget, which includes more money "
           "for schools and roads. Members argued for hours before the vote was taken. ")
MENU = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(20))


def judged(body: str) -> Page:
    """The page record after the score and page-kind stages."""
    tree = dom.parse(page(body))
    assert tree.body is not None
    layout = segment(tree.body, Budget(None), 10**6)
    return page_kind(score(layout, Metadata(), Options()), "balanced")


def body_texts(record: Page) -> list[str]:
    return [d.seg.text for d in record.decisions if d.role is Role.BODY]


def reasons(record: Page) -> dict[str, str]:
    return {d.seg.text: d.reason for d in record.decisions}


def forum_post(text: str, n: int) -> str:
    """One post as forum software writes it: the author card beside the text, a signature,
    a like count and the buttons under it."""
    return (f"<article class='message' id='js-post-{100 + n}'>"
            f"<div class='message-userDetails'>user{n} "
            f"Posts: {10 * n}</div><div class='message-cell'><div class='post-body'>"
            f"<p>{text}</p></div><div class='message-signature'>Sent from my phone</div>"
            f"<div class='likes'>{n + 3}</div><div class='post-actions'>Reply Quote</div>"
            f"</div></article>")


def forum(*texts: str) -> str:
    posts = "".join(forum_post(t, i) for i, t in enumerate(texts, 1))
    return (f"<ul class='menu'>{MENU}</ul><h1>Laptop will not charge</h1>"
            f"<div class='thread'>{posts}</div><ul class='links'>{MENU}</ul>")


def test_region_that_is_the_list_of_posts_is_a_thread() -> None:
    record = judged(forum(OPENING, *REPLIES))
    assert record.kind.name == "thread"
    assert len(record.kind.posts) == 4
    assert "in the region" in record.kind.reason
    assert body_texts(record) == [OPENING.strip(), *REPLIES]


def test_region_that_is_one_post_brings_the_others() -> None:
    # The opening post outweighs the thread around it (a menu in the list lowers it), so
    # the region is that post's text; the replies sit beside it, too short together for the
    # score stage's sibling pass (under a fifth of the post) to take them along.
    menu = f"<ul class='menu'>{MENU}{MENU}</ul>"
    record = judged(forum(OPENING * 20, *REPLIES).replace("<div class='thread'>",
                                                         f"<div class='thread'>{menu}"))
    assert record.region.reason == "region.best"
    assert record.kind.name == "thread"
    assert "in the region" not in record.kind.reason and "thread.post" in record.kind.reason
    assert body_texts(record) == [(OPENING * 20).strip(), *REPLIES]


def test_post_blocks_without_numbered_ids_in_an_article_are_its_sections() -> None:
    sections = "".join(f"<div class='text_post_section'><p>{ARTICLE}</p></div>"
                       for _ in range(3))
    record = judged(f"<ul class='menu'>{MENU}</ul><div class='story'>{sections}</div>")
    assert record.kind.name == "article"
    assert "sections of one text" in record.kind.reason


def test_post_chrome_goes_by_name() -> None:
    record = judged(forum(OPENING, *REPLIES))
    why = reasons(record)
    assert why["Sent from my phone"] == "thread.signature"
    assert why["user1 Posts: 10"] == "thread.profile"
    assert why["4"] == "thread.votes"
    assert why["Reply Quote"] == "thread.actions"


def test_post_chrome_inside_the_post_block_goes_too() -> None:
    posts = "".join(
        f"<div class='post' id='p{i}'><p>{t}</p><div class='signature'>-- Ann, who fixes "
        f"things</div><div class='vote-count'>12</div><p>Last edited by Ann; 3 May 2024, "
        f"10:02.</p><p>Reply Quote</p></div>" for i, t in enumerate((OPENING, *REPLIES)))
    record = judged(f"<div class='topic'>{posts}</div>")
    assert record.kind.name == "thread"
    assert body_texts(record) == [OPENING.strip(), *REPLIES]
    why = reasons(record)
    assert why["-- Ann, who fixes things"] == "thread.signature"
    assert why["12"] == "thread.votes"
    assert why["Last edited by Ann; 3 May 2024, 10:02."] == "thread.edited"
    assert why["Reply Quote"] == "thread.buttons"


def test_replies_under_comment_names_are_posts_and_comment_names_in_posts_are_void() -> None:
    items = "".join(
        f"<li class='b-post js-comment-entry'><div class='post-content'>"
        f"<div class='comment-text'>{t}</div></div></li>" for t in (OPENING, *REPLIES))
    record = judged(f"<h1>Laptop will not charge</h1><ul class='conversation'>{items}</ul>")
    assert record.kind.name == "thread"
    assert body_texts(record) == [OPENING.strip(), *REPLIES]


def test_long_opening_post_with_short_replies_is_a_thread() -> None:
    long_post = OPENING * 8
    replies = ("我就很佛系", "随缘吧", "佛系就是随缘，不争不抢，过好自己的日子。")
    tail = "".join(f"<li><a href='/u{i}'>reply link {i}</a></li>" for i in range(8))
    posts = "".join(f"<div class='l_post'><div class='d_post_content'>{t}</div>"
                    f"<ul class='tail'>{tail}</ul></div>" for t in (long_post, *replies))
    record = judged(f"<ul class='menu'>{MENU}</ul><div class='p_postlist'>{posts}</div>")
    assert record.kind.name == "thread"
    assert body_texts(record) == [long_post.strip(), *replies]


def test_article_with_reader_comments_stays_an_article() -> None:
    # The article and the comments share a signature (as on some templates); the region's
    # block stands outside the comment element, the others inside it.
    comments = "".join(f"<div class='post-text'><p>{t}</p></div>" for t in REPLIES)
    body = (f"<h1>Budget passes</h1><div class='post-text'><p>{ARTICLE}</p><p>{ARTICLE}</p>"
            f"</div><div id='comments'>{comments}</div>")
    record = judged(body)
    assert record.kind.name == "article"
    assert "reader comments" in record.kind.reason
    assert body_texts(record) == [ARTICLE.strip(), ARTICLE.strip()]


def test_comments_beside_an_article_stay_chrome_when_the_region_is_a_comment() -> None:
    # The article's wrapper is misnamed chrome, so the region lands on a comment; the
    # comments' element has the article's prose beside it.
    comments = "".join(f"<dd class='comment-body'><p>{t}</p></dd>" for t in REPLIES)
    body = (f"<div class='widget Blog'><div class='post-outer'><div class='post-body'>"
            f"<p>{ARTICLE}</p></div><div class='comments'><dl>{comments}</dl></div></div>"
            f"</div>")
    record = judged(body)
    assert record.kind.name == "article"


def test_a_stream_of_articles_is_not_a_thread() -> None:
    posts = "".join(f"<div class='post' id='post-{i}'><h2>Story number {i} of the day</h2>"
                    f"<div class='post-body'><p>{ARTICLE}</p></div></div>" for i in range(3))
    record = judged(f"<div class='posts'>{posts}</div>")
    assert record.kind.name == "article"
    assert "separate articles" in record.kind.reason


def test_a_repeat_adding_little_prose_is_not_a_thread() -> None:
    body = (f"<div class='post'><p>{ARTICLE}</p><p>{ARTICLE}</p></div>"
            f"<div class='post'><p>Trackback URL for this entry: none yet.</p></div>")
    assert judged(body).kind.name == "article"


def test_a_post_name_on_the_articles_wrapper_names_no_thread() -> None:
    # WordPress calls the article 'post': the repeated layout blocks inside it are not posts.
    blocks = "".join(f"<div class='elastic-container'><p>{ARTICLE}</p></div>" for _ in range(3))
    record = judged(f"<article class='post-content'>{blocks}</article>")
    assert record.kind.name == "article"


def test_a_page_without_post_names_stops_at_the_names() -> None:
    record = judged(f"<ul class='menu'>{MENU}</ul><div id='story'><p>{ARTICLE}</p></div>")
    assert record.kind.name == "article"
    assert record.kind.reason == "no post-like name at the region"


@pytest.mark.parametrize("line", ["1", "#2", "Reply", "Last edited by Ann; 3 May 2024."])
def test_post_lines_are_chrome_only_inside_a_thread(line: str) -> None:
    assert POST_LINES.first(line) is not None
    # On an article, the page-kind stage is not what judges such a line.
    record = judged(f"<div class='post'><p>{ARTICLE}</p><p>{line}</p></div>")
    assert record.kind.name == "article"
    assert line in body_texts(record)


def test_document_kind_and_its_reason() -> None:
    thread = extract(page(forum(OPENING, *REPLIES)), options=Options(explain=True))
    assert thread.kind is PageKind.THREAD and thread.kind == "thread"
    assert thread.kind_reason is not None and "posts" in thread.kind_reason
    assert all(REPLIES[-1] in b.text for b in thread.blocks[-1:])
    out = json.loads(thread.to_json())
    assert out["kind"] == "thread" and out["kind_reason"] == thread.kind_reason

    article = extract(page(f"<div id='story'><p>{ARTICLE}</p></div>"))
    assert article.kind == "article" and article.kind_reason is None
    assert "kind_reason" not in article.to_dict() and article.to_dict()["kind"] == "article"


def test_kind_is_none_exactly_when_there_is_no_main_text() -> None:
    empty = extract(page(f"<ul class='menu'>{MENU}</ul>"), options=Options(explain=True))
    assert empty.status is Status.EMPTY and empty.kind is PageKind.NONE
    assert empty.kind_reason is not None and "no block kept" in empty.kind_reason
    assert extract(b"%PDF-1.4 binary").kind is PageKind.NONE
    assert extract(b"").kind is PageKind.NONE


# --- real pages -----------------------------------------------------------------------

#: Forum and Q&A pages of several engines (Tieba, vBulletin, Flarum, Misago, Stack
#: Exchange, Discuz): the replies were lost before the page-kind stage.
FORUM_PAGES = ("6db2e2d672", "717e9d39a4", "81abaa708d", "c2229829eb", "f7682fdba3",
               "8cf0af42df")


def gold_by_prefix(datasets: Path, name: str) -> dict[str, dict[str, object]]:
    lines = (datasets / name / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {g["id"][:10]: g for g in map(json.loads, lines)}


@pytest.mark.parametrize("prefix", FORUM_PAGES)
def test_forum_page_reads_as_a_thread_with_its_last_reply(datasets: Path, prefix: str) -> None:
    gold = gold_by_prefix(datasets, "magic-html-forum")[prefix]
    html = (datasets / "magic-html-forum" / "pages" / f"{gold['id']}.html").read_bytes()
    doc = extract(html)
    assert doc.kind == "thread"
    last = [line for line in str(gold["text"]).split("\n") if len(line) >= 12][-1]
    assert last in doc.text


@pytest.mark.parametrize("name", ["aeb", "zh-dev", "cwced-zh"])
def test_news_article_sets_read_no_thread(datasets: Path, name: str) -> None:
    threads = []
    for path in sorted((datasets / name / "pages").glob("*.html")):
        doc = extract(path.read_bytes())
        assert doc.kind == ("none" if doc.status != "ok" else doc.kind)
        if doc.kind == "thread":
            threads.append(path.stem)
    assert threads == []
