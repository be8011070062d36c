"""Structural rules: which elements are never content, and which class/id/role names
mark site chrome. Matched against an element's tag, ``role`` and class/id tokens.

Class/id rules do not delete anything on their own: the segmenter tags each block
with the nearest chrome-named ancestor, and the scorer drops such blocks only when
that ancestor lies *inside* the chosen content region (a page-wide wrapper called
``has-sidebar`` must not take the article with it).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from cleanweb.rules.base import NameRule, NameTable, Rule, RuleSet

#: Elements whose subtree is never text of the page.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "head", "title", "meta", "link", "base",
    "select", "option", "textarea", "input", "button", "dialog", "datalist", "frameset",
})

#: Inline elements: their text joins the enclosing block.
INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "rb", "ruby",
    "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    "wbr", "-text", "-comment", "picture", "source",
})

#: Elements that open a block. An element in none of these three sets (a custom element
#: such as ``<x-hl>``, a namespaced one such as ``<o:p>``, an obsolete or unknown tag) is
#: inline unless it holds a block element, as a browser lays it out.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "legend", "li", "listing", "main", "marquee", "menu", "nav", "noframes", "ol",
    "optgroup", "p", "plaintext", "pre", "search", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
})

#: Block kinds by the tag that opens them.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_ITEM_TAGS = frozenset({"li", "dt", "dd"})
CAPTION_TAGS = frozenset({"figcaption", "caption"})

#: Tag-level chrome: semantic elements that hold navigation, not articles.
TAG_NAMES = NameTable((
    NameRule("tag.nav", "a navigation section", "nav", examples=("nav",)),
    NameRule("tag.footer", "the footer of the page or of a section", "footer",
             examples=("footer",)),
    NameRule("tag.aside", "content beside the article: sidebars, pull boxes", "aside",
             examples=("aside",)),
    NameRule("tag.menu", "a list of commands or links", "menu", examples=("menu",)),
))

#: ARIA roles that mark chrome.
ROLE_NAMES = NameTable((
    NameRule("role.navigation", "a navigation landmark", "navigation",
             examples=("navigation",)),
    NameRule("role.banner", "the site header landmark", "banner", examples=("banner",)),
    NameRule("role.contentinfo", "the site footer landmark", "contentinfo",
             examples=("contentinfo",)),
    NameRule("role.complementary", "a landmark beside the main content", "complementary",
             examples=("complementary",)),
    NameRule("role.menu", "menus and menu bars", "menu menubar", examples=("menubar", "menu"),
             near_misses=("menuitem",)),
    NameRule("role.search", "the search landmark", "search", examples=("search",),
             near_misses=("searchbox",)),
    NameRule("role.dialog", "dialogs and modals over the page", "dialog alertdialog",
             examples=("dialog", "alertdialog")),
    NameRule("role.alert", "alert banners", "alert", examples=("alert",),
             near_misses=("alerts",)),
    NameRule("role.tooltip", "tooltips, shown only while the pointer rests on a control",
             "tooltip", examples=("tooltip",), near_misses=("tooltips",)),
))

#: Tag and role -> the rule id they name, as the segmenter looks them up.
TAG_RULES: Mapping[str, str] = MappingProxyType(
    {name: r.id for r in TAG_NAMES for name in r.names.split()})
ROLE_RULES: Mapping[str, str] = MappingProxyType(
    {name: r.id for r in ROLE_NAMES for name in r.names.split()})

# Class and id values are searched for these names as whole words (split at separators,
# see base.name_words), also with "-"/"_" dropped: "nav" must not hit
# "canvas", "ad" must not hit "head" or "shadow", and "side-bar" reads as "sidebar".
CLASS_RULES = NameTable((
    NameRule("class.nav", "navigation bars, menus and breadcrumbs",
             "nav navs navbar navigation menu menus menubar submenu topbar breadcrumb "
             "breadcrumbs crumb crumbs skiplink sitemap mainnav subnav topnav",
             examples=("main-nav", "breadcrumb", "navbar"),
             near_misses=("canvas", "navy-blue")),
    NameRule("class.footer", "site footers, copyright and legal notices",
             "footer foot copyright copyrights disclaimer colophon bottombar footnav legal",
             examples=("site-footer", "copyright"),
             near_misses=("footnote", "feet")),
    NameRule("class.sidebar", "sidebars and widget columns beside the article",
             "sidebar aside rail rightrail leftrail widget widgets sidebox",
             examples=("sidebar", "right-rail", "side-bar"),
             near_misses=("side-by-side", "trail-map")),
    NameRule("class.comment", "reader comments and comment forms",
             "comment comments commentlist commentbox replies respond disqus discuss "
             "discussion talkback cmt pinglun",
             examples=("comments", "comment-list"),
             near_misses=("commentary",)),
    NameRule("class.share", "share, print and font-size toolbars",
             "share sharing shares sharebar sharetools social socials addthis sharethis "
             "bdshare jiathis toolbar print fontsize",
             examples=("share-bar", "social"),
             near_misses=("shareholder", "socialism")),
    NameRule("class.related", "related, recommended and popular-article lists",
             "related relate relates recommend recommended recommends recommendation "
             "recommendations recirc outbrain taboola morenews moreread hotnews popular "
             "trending mostread mostpopular readmore xgxw tuijian",
             examples=("related", "recommended-stories"),
             near_misses=("relationship", "unrelated")),
    NameRule("class.ad", "advertising and promotion slots",
             "ad ads adv advert adverts advertisement advertising banner banners sponsor "
             "sponsored promo promotion dfp adsense guanggao",
             examples=("ad-slot", "adsense", "ad1"),
             near_misses=("head", "shadow", "badge", "add-to-cart", "download")),
    NameRule("class.tags", "tag and keyword lists",
             "tags taglist tagcloud keywords",
             examples=("tags", "tag-cloud"),
             near_misses=("stage", "hashtags")),
    NameRule("class.pager", "pagination and previous/next links",
             "pagination pager paging pagenav prevnext",
             examples=("pagination",),
             near_misses=("page-title",)),
    NameRule("class.subscribe", "newsletter, follow and app-download prompts",
             "newsletter subscribe subscription signup qrcode erweima appdown",
             examples=("newsletter",),
             near_misses=("news-list",)),
    NameRule("class.popup", "modals, overlays and login walls",
             "modal popup overlay lightbox login signin paywall",
             examples=("popup", "login-modal"),
             near_misses=("modalities",)),
    # Kept apart from the other popups: the score stage never takes a consent notice for
    # the article, while "modal" or "paywall" also name article wrappers
    # ("modal-enabled", "article-paywall").
    NameRule("class.consent", "cookie and privacy consent notices, and the names of the "
             "consent platforms that show them",
             "cookie cookies cookiebanner cookienotice cookielaw consent consents gdpr ccpa "
             "onetrust optanon didomi usercentrics cookiebot truste trustarc iubenda cmplz "
             "osano klaro",
             examples=("cookie-banner", "onetrust-consent-sdk", "optanon-popup-top",
                       "didomi-notice", "gdpr-consent-dialog", "cmplz-cookiebanner"),
             near_misses=("cookbook", "consensus", "trusted-source")),
    NameRule("class.author", "the author's bio box after the article (bare 'author' is no "
             "such name: platforms put it on the post itself, 'entry-author-…'; nor is "
             "bare 'bio', the whole content of a person's page)",
             "authorbio authorbios authorbox aboutauthor abouttheauthor authorbiography "
             "authordescription authorprofile",
             examples=("author-bio", "about-the-author", "author-box"),
             near_misses=("author", "entry-author vcard", "bio", "biology")),
    NameRule("class.header", "site header, logo and search",
             "masthead logo siteheader searchbox searchbar",
             examples=("masthead", "logo"),
             near_misses=("article-header", "logon")),
))

#: Tokens of a class/id value that say something other than what the element is: their
#: words are not read as names (``base.name_words``). A rule's pattern matches such
#: tokens of the lower-cased value; it runs only when one of its needles occurs in the
#: value and, when it has a guard, the guard does too (the platform's own classes around
#: the tokens). Examples are values the rule applies to; near misses, values it leaves.
NAME_FILTERS = RuleSet((
    Rule("unread.taxonomy", r"(?<!\S)(?:category|tag)-\S*",
         "blog platforms file the post's own element under its categories and tags "
         "(category-social-media, tag-promotion): their words are topics, not names",
         action="unread", needles=("category-", "tag-"),
         guard=r"(?:^|\s)(?:hentry|post|type-[a-z0-9_-]+|post-[0-9]+)(?:\s|$)",
         examples=("post-9749 post type-post status-publish hentry category-social-media "
                   "tag-promotion", "post tag-sharing featured"),
         near_misses=("tag-cloud", "category-nav", "widget category-opinion",
                      "post-list tags")),
    Rule("unread.holds", r"(?<!\S)(?:has|hasnt|with|without)[-_]\S*",
         "a class that says what an element holds is no name of the element itself "
         "(has-sidebar, with-section-nav, hasnt-bio)",
         action="unread", needles=("has", "with"),
         examples=("main-content-wrap has-section-nav", "article with-sidebar",
                   "l-grid without-rail"),
         near_misses=("sidebar-with-ads", "hashtags", "withdrawn-notice")),
    Rule("unread.blog_widget", r"(?<!\S)widget(?!\S)",
         "Blogger names every box of a blog 'widget' plus its type: the one of type Blog "
         "holds the posts, so 'widget' is no sidebar name there",
         action="unread", needles=("widget",), guard=r"(?:^|\s)blog(?:\s|$)",
         examples=("widget blog",),
         near_misses=("widget html", "widget blogarchive", "sidebar widget")),
), engine="re")

#: Class/id names that give an element a role: an image caption (its text goes to
#: ``captions``) or an in-body subheading styled on a span or paragraph.
ROLE_CLASS_RULES = NameTable((
    NameRule("class.caption", "image captions and photo credits",
             "caption captions figcaption imgcaption imagecaption photocaption piccaption "
             "pictxt pictext picinfo picdesc picintro imgdesc imgtxt imgtext imgtitle "
             "phototext photodesc imgnote illustration tuzhu", action="caption",
             examples=("pic-desc", "caption"),
             near_misses=("captioned",)),
    NameRule("class.subheading", "subheadings styled by class rather than <hN>",
             "h1 h2 h3 h4 h5 h6 subhead subheading subheadline subtitle", action="heading",
             examples=("subtitle", "h2"),
             near_misses=("subtitles", "h2o")),
))

#: Class/id names of text meant for screen readers alone ("Read more<span class="sr-only">
#: about the budget</span>"): a sighted reader never sees it, so the walk skips it like a
#: hidden element. The frameworks' spellings, whole ("sr-only", "visually-hidden"), or the
#: word "visually" in a longer one ("u-visually-hidden"); never "hidden" alone, which
#: scripts take off when a tab or a "read more" opens.
HIDDEN_NAMES = NameTable((
    NameRule("class.screen_reader", "text for screen readers only, never shown on the page",
             "sronly sronlyfocusable srtext showforsr visually visuallyhidden hiddenvisually "
             "screenreader screenreadertext screenreaderonly elementinvisible assistivetext "
             "a11yhidden", action="hidden",
             examples=("sr-only", "visually-hidden", "screen-reader-text", "u-visually-hidden",
                       "element-invisible"),
             near_misses=("hidden", "is-hidden", "sr-story-footer", "screen-wide",
                          "reader-comments")),
))

#: Names that mark an element as (part of) the article. A chrome-named element that
#: also carries one of these is walked rather than collapsed (see the segment stage).
CONTENT_NAMES = NameTable((
    NameRule("class.content", "the article's own wrappers",
             "article content contents main body story entry post text detail "
             "zhengwen artibody", action="content",
             examples=("article-body", "post-content", "main"),
             near_misses=("contentious", "bodyguard")),
))
