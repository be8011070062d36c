"""Image rules: which ``<img>`` elements are not pictures of the article, and where a
lazy-loading page keeps the real image.

Read only when ``Options(include_images=True)`` asks for the body's images. An image is left
out when its size attributes make it a tracking pixel or an icon, or when a word of its class,
id or source URL (host and path, not the query) names one of the rules below; as elsewhere,
names are whole words (``icon`` names ``share-icon`` and ``/icons/print.png``, not
``iconic``).
"""

from __future__ import annotations

from cleanweb.rules.base import NameRule, NameTable

#: Attributes lazy-loading scripts keep the real image in, in the order they are trusted;
#: ``src`` then holds a placeholder (a blank GIF, a data: URL, a spinner) or nothing.
LAZY_SOURCES = (
    "data-src", "data-original", "data-lazy-src", "data-lazy", "data-actualsrc",
    "data-original-src", "data-hi-res-src", "data-full-src", "data-url", "data-echo",
)
#: Attributes holding a candidate list (``a.jpg 480w, b.jpg 960w``): the widest is taken.
SRCSET_SOURCES = ("data-srcset", "data-lazy-srcset", "srcset")
#: An image with a width or height attribute at most this many pixels is a tracking pixel
#: (or a spacer) ...
PIXEL_MAX = 2
#: ... and one whose every size attribute given is at most this many an icon, a bullet or
#: an emoji.
ICON_MAX = 48

IMAGE_NAMES = NameTable((
    NameRule("image.icon", "icons, emoji and sprites set in the text or around it",
             "icon icons favicon emoji emojis emoticon emoticons smiley smilies sprite "
             "sprites",
             examples=("wp-smiley", "emoji", "https://example.org/static/icons/print.png"),
             near_misses=("iconic-photo", "https://example.org/photos/smiling-child.jpg")),
    NameRule("image.avatar", "profile pictures of authors and commenters",
             "avatar avatars gravatar userpic",
             examples=("avatar avatar-96", "https://example.org/img/avatars/12.jpg"),
             near_misses=("aviator",)),
    NameRule("image.tracker", "tracking pixels, beacons and spacer images",
             "pixel pixels tracking tracker beacon spacer blank transparent 1x1",
             examples=("tracking-pixel", "https://example.org/images/spacer.gif",
                       "https://stats.example.org/beacon/1x1.gif"),
             near_misses=("pixelated-art", "https://example.org/blankets.jpg")),
    NameRule("image.logo", "logos of the site, of partners and of sources",
             "logo logos sitelogo",
             examples=("site-logo", "https://example.org/logos/small/701.png"),
             near_misses=("logotype-study",)),
    NameRule("image.button", "buttons and arrows drawn as images (next, previous, more)",
             "button buttons btn arrow arrows next prev previous",
             examples=("btn-next", "https://example.org/img/next_page.jpg"),
             near_misses=("nextgen-console", "https://example.org/photos/arrowhead-lake.jpg")),
    NameRule("image.placeholder", "placeholders shown while the real image loads",
             "placeholder loading loader spinner",
             examples=("img-placeholder", "https://example.org/assets/loading.gif"),
             near_misses=("lazyload",)),
))
