"""Structural rules: which elements are never content, and which class/id/role names
mark site chrome. Matched against an element's tag, ``role`` and class/id tokens.

Class/id rules do not delete anything on their own: the segmenter tags each block
with the nearest chrome-named ancestor, and the scorer drops such blocks only when
that ancestor lies *inside* the chosen content region (a page-wide wrapper called
``has-sidebar`` must not take the article with it).
"""

from __future__ import annotations

from cleanweb.rules.base import NameRule, NameTable

#: Elements whose subtree is never text of the page.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "head", "title", "meta", "link", "base",
    "select", "option", "textarea", "input", "button", "dialog", "datalist", "frameset",
})

#: Inline elements: their text joins the enclosing block.
INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby",
    "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    "wbr", "-text", "-comment", "picture", "source",
})

#: Block kinds by the tag that opens them.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_ITEM_TAGS = frozenset({"li", "dt", "dd"})
CAPTION_TAGS = frozenset({"figcaption", "caption"})

#: Tag-level chrome: semantic elements that hold navigation, not articles.
TAG_RULES: dict[str, str] = {
    "nav": "tag.nav",
    "footer": "tag.footer",
    "aside": "tag.aside",
    "menu": "tag.menu",
}

#: ARIA roles that mark chrome.
ROLE_RULES: dict[str, str] = {
    "navigation": "role.navigation",
    "banner": "role.banner",
    "contentinfo": "role.contentinfo",
    "complementary": "role.complementary",
    "menu": "role.menu",
    "menubar": "role.menu",
    "search": "role.search",
    "dialog": "role.dialog",
    "alert": "role.alert",
}

# Class and id values are searched for these names as whole words (bounded by
# non-letters, see NameTable.search), also with "-"/"_" dropped: "nav" must not hit
# "canvas", "ad" must not hit "head" or "shadow", and "side-bar" reads as "sidebar".
CLASS_RULES = NameTable((
    NameRule("class.nav", "navigation bars, menus and breadcrumbs",
             "nav navs navbar navigation menu menus menubar submenu topbar breadcrumb "
             "breadcrumbs crumb crumbs skiplink sitemap mainnav subnav topnav"),
    NameRule("class.footer", "site footers, copyright and legal notices",
             "footer foot copyright copyrights disclaimer colophon bottombar footnav legal"),
    NameRule("class.sidebar", "sidebars and widget columns beside the article",
             "sidebar aside rail rightrail leftrail widget widgets sidebox"),
    NameRule("class.comment", "reader comments and comment forms",
             "comment comments commentlist commentbox replies respond disqus discuss "
             "discussion talkback cmt pinglun"),
    NameRule("class.share", "share, print and font-size toolbars",
             "share sharing shares sharebar sharetools social socials addthis sharethis "
             "bdshare jiathis toolbar print fontsize"),
    NameRule("class.related", "related, recommended and popular-article lists",
             "related relate relates recommend recommended recommends recommendation "
             "recommendations recirc outbrain taboola morenews moreread hotnews popular "
             "trending mostread mostpopular readmore xgxw tuijian"),
    NameRule("class.ad", "advertising and promotion slots",
             "ad ads adv advert adverts advertisement advertising banner banners sponsor "
             "sponsored promo promotion dfp adsense guanggao"),
    NameRule("class.tags", "tag and keyword lists",
             "tags taglist tagcloud keywords"),
    NameRule("class.pager", "pagination and previous/next links",
             "pagination pager paging pagenav prevnext"),
    NameRule("class.subscribe", "newsletter, follow and app-download prompts",
             "newsletter subscribe subscription signup qrcode erweima appdown"),
    NameRule("class.popup", "cookie notices, modals and login walls",
             "cookie cookies consent gdpr modal popup overlay lightbox login signin paywall"),
    NameRule("class.header", "site header, logo and search",
             "masthead logo siteheader searchbox searchbar"),
))

#: Class/id names that give an element a role: an image caption (its text goes to
#: ``captions``) or an in-body subheading styled on a span or paragraph.
ROLE_CLASS_RULES = NameTable((
    NameRule("class.caption", "image captions and photo credits",
             "caption captions figcaption imgcaption imagecaption photocaption piccaption "
             "pictxt pictext picinfo picdesc picintro imgdesc imgtxt imgtext imgtitle "
             "phototext photodesc imgnote illustration tuzhu", action="caption"),
    NameRule("class.subheading", "subheadings styled by class rather than <hN>",
             "h1 h2 h3 h4 h5 h6 subhead subheading subheadline subtitle", action="heading"),
))

#: Names that mark an element as (part of) the article. A chrome-named element that
#: also carries one of these is walked rather than collapsed (see blocks.collapsed).
CONTENT_NAMES = NameTable((
    NameRule("class.content", "the article's own wrappers",
             "article content contents main body story entry post text detail "
             "zhengwen artibody", action="content"),
))
