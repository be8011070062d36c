"""What the metadata stage reads, as data: its patterns, selectors, meta keys, and the
named sources each field can come from.

The patterns are grouped by the job that runs them (the headline and title, the class/id
names of header elements, the lines after the headline, meta tags, byline lines and the
names in them, the language). Every table runs on ``regex`` and every call on page text
takes the match timeout (:data:`cleanweb.rules.base.MATCH_TIMEOUT`); most also see only
short texts, each bounded where the stage reads it. A rule's examples are matched first
by that rule in its table, and its near misses not by it at all (tests check both).

:data:`FIELD_SOURCES` names where a field came from when the page itself decided it;
``explain`` shows that id per field (a byline line in the body shows its byline rule, a
site rule its own id).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from cleanweb.rules.base import Rule, RuleSet, needle_pattern
from cleanweb.rules.byline import NAMES, ROLE, SHORT_ROLE

# ------------------------------------------------------------------ headline and title

#: Selectors of headline candidates besides <h1>, read when no <h1> agrees with <title>.
TITLE_SELECTORS = (
    'h2, h3, [class*="title"], [id*="title"], [class*="headline"], [itemprop="headline"]'
)
#: Elements that may hold the heading line an article opens with, read when <title> names
#: only the site or a section (see metadata.title.section): headings, bold text, and title-
#: or headline-named elements.
OPENING_SELECTORS = 'h1, h2, h3, h4, strong, b, [class*="title"], [class*="headline"]'
#: Meta keys whose content is the page's own title, in order of trust.
META_TITLE_KEYS = ("og:title", "twitter:title")

TITLE_RULES = RuleSet(
    [
        Rule(
            "metadata.title.original",
            r"^(?:[【\[(（〔]\s*原创\s*[】\])）〕]|原创\s*(?:[:：|｜丨·/\-—]|\s))\s*(?=\S)",
            "a platform's '原创' (original) badge before the headline ('原创 | …', '【原创】…') "
            "is no part of it",
            action="strip",
            ignore_case=False,
            examples=("原创 | 城区新建十二座社区公园", "【原创】秋天的第一场雨", "原创 秋天来了"),
            near_misses=("原创音乐人的困境", "原创作品受到法律保护"),
            needles=("原创",),
        ),
        Rule(
            "metadata.title.section",
            r"^(?:\p{Han}{1,10}(?:网|频道|官网|首页|网站|主页|门户)|\p{Han}{1,2}|"
            r"(?=[^>»›＞]*\p{Han})[^>»›＞<]{1,12}(?:\s*[>»›＞]\s*[^>»›＞<]{1,12})+)$",
            "a Chinese <title> that names a site or a section, not an article: a name ending in "
            "网/频道/官网/首页, a path of short names ('某某网>艺术教育'), or two characters at "
            "most; the headline is then looked for on the page",
            action="section",
            ignore_case=False,
            examples=("北医新闻网", "某某网>艺术教育", "体育频道", "显示", "某某大学官网"),
            near_misses=("城区新建十二座社区公园", "艺术史研究<世纪在线中国艺术网",
                         "Home > News", "春天的公园里开满了花"),
        ),
        Rule(
            "metadata.title.separator",
            # "-" separates without spaces only next to a CJK character ("…停机-某某新闻").
            r"\s+[-|–—:·»]\s+|\s*[_|｜－—–]\s*|\s+-|-\s+|(?<=\p{Han})-|-(?=\p{Han})",
            "where a <title> splits into its headline and the site and channel names after it",
            action="split",
            ignore_case=False,
            examples=("Markets rally on rate hopes | Example News", "数据业大整顿_财经_某某网",
                      "女警打百个电话遭停机-某某新闻", "Storm hits the coast - The Daily"),
            near_misses=("COVID-19 cases rise again", "Why now: the answer", "2019年度报告"),
        ),
        Rule(
            "metadata.title.logo",
            r"logo|brand|site-?name",
            "an <h1> whose class or id names the logo or the site holds the site's name, "
            "not the headline",
            action="skip",
            examples=("site-logo", "brand", "header sitename"),
            near_misses=("article-title", "headline main"),
            needles=("logo", "brand", "site"),
        ),
    ]
)

# ------------------------------------------------------------------ class/id names

#: Elements whose class or id mark them as the outlet or the editor, as (attribute,
#: substring) pairs: what ``[class*="source"], …`` selects.
SOURCE_MARKS = (("class", "source"), ("id", "source"), ("class", "media_name"),
                ("id", "media_name"))
EDITOR_MARKS = (("class", "edit"), ("id", "editor"))
#: Elements that may print the date, read when the lines after the headline hold none.
DATE_SELECTORS = 'time, [class*="date"], [class*="time"], [id*="date"], [id*="time"]'

#: The class/id names (lower-cased, the element's own and its parent's) of a header text.
HINT_RULES = RuleSet(
    [
        Rule(
            "metadata.hint.date",
            r"date|time|publish|pub|post|发布",
            "a relative date ('3小时前', '昨天') is the page's date only in a date- or "
            "time-named element",
            action="date",
            ignore_case=False,
            examples=("post-date", "pubtime", "article-time"),
            near_misses=("headline", "article-body"),
            needles=("date", "time", "pub", "post", "发布"),
        ),
        Rule(
            "metadata.hint.source",
            # whole class/id tokens: "rich_media_meta" is layout, "media_name" names the outlet
            r"(?:^|\s)(?:[\w-]*source[\w-]*|[\w-]*nickname[\w-]*|media|media[-_]name|sour|from)"
            r"(?=\s|$)",
            "a short text in a source-, nickname- or media-named element is the outlet",
            action="source",
            ignore_case=False,
            examples=("article-source", "media_name", "info from", "profile_nickname"),
            near_misses=("rich_media_meta", "fromage", "sourdough"),
            needles=("sour", "nickname", "media", "from"),
        ),
        Rule(
            "metadata.hint.author",
            r"author|byline|writer|reporter",
            "a short name in an author-, byline- or writer-named element is the author",
            action="author",
            ignore_case=False,
            examples=("author", "byline-name", "reporter info"),
            near_misses=("article-body", "headline"),
            needles=("author", "byline", "writer", "reporter"),
        ),
    ]
)

# ------------------------------------------------------------------ the lines after the headline

ZONE_RULES = RuleSet(
    [
        Rule(
            "metadata.zone.prose",
            r"[，。！？；]",
            "Chinese sentence punctuation in a line of 25 or more CJK characters: the body "
            "has begun, and the header lines end",
            action="end",
            ignore_case=False,
            examples=("当前，如何让社会经济尽快步入正轨，成为各地关注的问题。",),
            near_misses=("2020年02月26日 16:12 来源:某某日报", "某地复工记:抢先机 盼春归"),
            needles=("，", "。", "！", "？", "；"),
        ),
        Rule(
            "metadata.zone.source_prefix",
            r"^(?:来源于?|出处)\s*[:：]\s*",
            "a source label opening a text: the outlet is what follows it",
            action="strip",
            ignore_case=False,
            examples=("来源：新华社", "出处: 某某日报", "来源于：某某晚报"),
            near_misses=("本文来源于网络", "来源不明"),
            needles=("来源", "出处"),
        ),
        Rule(
            "metadata.zone.source_label",
            r"(?:来源于?|出处)\s*(?:[:：]\s*|\s+)(?P<v>[^\s|｜:：]{2,30})",
            "a labelled outlet in the header ('2020年02月26日 16:12 来源: 某某日报', "
            "'来源于：…')",
            action="source",
            ignore_case=False,
            examples=("2020年02月26日 16:12 来源: 某某日报", "本文来源 人民日报",
                      "2021-03-05 来源于：某某晚报"),
            near_misses=("来源不明的消息", "来源：", "资料来源于网络"),
            needles=("来源", "出处"),
        ),
        Rule(
            "metadata.zone.editor_label",
            rf"(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<v>{NAMES})",
            "a labelled editor in the header",
            action="editor",
            ignore_case=False,
            examples=("责任编辑：王五", "【编辑:某编辑】", "来自某某网 责编：李四"),
            near_misses=("编辑部地址", "本报编辑部供稿"),
            needles=("编辑", "责编"),
        ),
        Rule(
            "metadata.zone.not_name",
            r"[。，！？:：]|\d[-/:]\d|(?:作者|记者|编辑)$",
            "what no short outlet or person name holds: sentence punctuation, a label's "
            "colon, a date or a time, a trailing role word",
            action="reject",
            ignore_case=False,
            examples=("2019-09-05", "发稿时间：今天", "某某报记者", "12:30"),
            near_misses=("某某日报", "Example News", "张三 李四"),
            needles=("。", "，", "！", "？", ":", "：", "-", "/", "作者", "记者", "编辑"),
        ),
        Rule(
            "metadata.zone.credit",
            r"记者|作者|撰文|编辑|采写|执笔|原创|文\s*[/:：]|^\W*(?:作者|记者|文)\W*$|^by\s",
            "a header line that may credit the writer: the byline rules read it",
            action="credit",
            examples=("记者 张三", "文/李四", "By Jane Doe", "原创 某某"),
            near_misses=("2020年02月26日 16:12", "分享到", "Bystanders gathered"),
        ),
        Rule(
            "metadata.zone.bracket_note",
            r"[\[【(（][^\]】)）]{1,4}[\]】)）]$",
            "a short bracketed note after an outlet's name ('某网[整理]', '某报（组图）') is "
            "no part of it",
            action="strip",
            ignore_case=False,
            examples=("某网[整理]", "某某报（组图）"),
            near_misses=("[图]某某报", "某某网（北京）报道"),
        ),
    ]
)
#: Each word metadata.zone.credit finds holds one of these characters, unless the text
#: starts with "by" (no other character folds to "b"): tested before the pattern runs.
CREDIT_CHARS = "记作撰编采执原文"
#: A label alone in its element, with the name in the next one ("作者：" + "张三").
AUTHOR_LABELS = frozenset({"作者", "记者", "撰文", "文", "by", "By"})

# ------------------------------------------------------------------ meta tags and JSON-LD

#: Meta keys (name, property, itemprop or http-equiv, lower-cased) of the publication
#: time, in order of trust.
META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "pubdate", "publishdate",
    "datepublished", "date", "dc.date", "dc.date.issued", "publish_date", "og:published_time",
    "sailthru.date", "parsely-pub-date", "article.published", "dateupdate", "article:modified_time",
)  # fmt: skip
META_SOURCE_KEYS = ("source", "article:source", "og:article:source", "dc.source")
META_AUTHOR_KEYS = ("author", "article:author", "og:article:author", "byl")
META_SITE_KEY = "og:site_name"
META_LANG_KEYS = ("content-language", "language")

META_RULES = RuleSet(
    [
        Rule(
            "metadata.meta.by_prefix",
            r"^by\s+",
            "a meta author written as a byline ('By Jane Doe'): the name is what follows",
            action="strip",
            examples=("By Jane Doe", "by the Desk"),
            near_misses=("Bylines Inc", "Jane Doe"),
        ),
    ]
)

# ------------------------------------------------------------------ byline lines

#: The opening brackets byline lines are often wrapped in ('【编辑:周驰】', '(记者 张三)').
OPEN_CHARS = "(（【[〔<＜"
OPEN_BRACKET = f"[{re.escape(OPEN_CHARS)}]"

BYLINE_PARTS = RuleSet(
    [
        Rule(
            "metadata.byline.noise",
            r"\s*[【\[(（]?\s*(?:点击数|点击量|点击|浏览次数|浏览量|浏览|阅读数|阅读量|阅读次数|阅读"
            r"|访问量|人气)\s*[:：]?\s*[0-9][0-9,]*\s*次?\s*[】\])）]?"
            r"|\s*[【\[]?\s*(?:字体|字号)\s*[:：]?\s*大\s*中\s*小\s*[】\]]?",
            "view and click counters and font-size buttons on a date or source line are "
            "left out before the line is matched",
            action="strip",
            ignore_case=False,
            examples=("点击数：356", "【字体：大 中 小】", "2019-09-05 来源：某网 阅读 1,024 次"),
            near_misses=("点击查看原文", "字体设计大赛", "阅读全文"),
            needles=("点击", "浏览", "阅读", "访问量", "人气", "字体", "字号"),
        ),
        Rule(
            "metadata.byline.wrapped",
            rf"^{OPEN_BRACKET}\s*(?P<inner>.*?)\s*[)）】\]〕>＞]$",
            "a whole line in brackets ('【编辑:周驰】', '(记者 张三)'): its inside is the line",
            action="unwrap",
            ignore_case=False,
            examples=("【编辑:周驰】", "（记者 张三）", "[Source: Example]"),
            near_misses=("(记者 张三)称", "【编辑:周驰"),
        ),
        Rule(
            "metadata.byline.clock",
            r"\b(?:at\s+)?[0-9]{1,2}(?::[0-9]{2}){1,2}\s*(?:[ap]\.?\s?m\.?|h)?"
            r"(?:\s*\(?(?-i:[A-Z]{2,5})\)?)?(?![\w:])|"
            r"\b(?:at\s+)?[0-9]{1,2}\s*[ap]\.?m\.?(?:\s+(?-i:[A-Z]{2,5}))?(?!\w)|"
            r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\b\.?",
            "clock times, weekdays and zones that English datelines print around the date",
            action="strip",
            examples=("at 4:07 PM EST", "Tuesday", "10 a.m."),
            near_misses=("monument", "sundry", "5 amps"),
        ),
        Rule(
            "metadata.byline.label",
            r"^(?:(?:发布|发表|更新)?(?:时间|日期)\s*[:：]?|发表于|发布于|published|updated|posted)\s*",
            "a date label opening what is left of a date line, before its credit is read",
            action="strip",
            examples=("发布时间：", "Published", "发表于 某某网"),
            near_misses=("时事新闻", "publisher"),
        ),
        Rule(
            "metadata.byline.role_split",
            rf"(?P<role>{ROLE}|{SHORT_ROLE}(?=\s*[/:：|]))\s*[:：/|]?\s*(?P<names>{NAMES})",
            "one role and its names in a credits line ('作者：张三 编辑：李四')",
            action="credits",
            ignore_case=False,
            examples=("作者：张三 编辑：李四", "文/王文"),
            near_misses=("本文作者", "文章"),
        ),
    ]
)

#: The names in a credit: what a name is, and what is cut from it.
NAME_RULES = RuleSet(
    [
        Rule(
            "metadata.names.latin",
            r"^[\p{Latin}\s.,'’&-]+$",
            "names in Latin letters ('Jane Doe, John Roe') split at commas and 'and', and "
            "join with ', '",
            action="latin",
            ignore_case=False,
            examples=("Jane Doe", "Jane Doe, John Roe"),
            near_misses=("张三", "Jane Doe 张三"),
        ),
        Rule(
            "metadata.names.staff_code",
            r"_[A-Za-z]*\d[\w]*$",
            "a staff code glued to a name ('杨倩_NF4425') is no part of it",
            action="strip",
            ignore_case=False,
            examples=("杨倩_NF4425", "张三_01"),
            near_misses=("杨倩_编辑", "张三"),
            needles=("_",),
        ),
        Rule(
            "metadata.names.prefix",
            r"^.*(?:记者|作者|通讯员)",
            "an outlet and a role before a name ('南都见习记者张三') are no part of it",
            action="strip",
            ignore_case=False,
            examples=("南都见习记者张三", "本报通讯员李四"),
            near_misses=("张三", "记录员王五"),
            needles=("记者", "作者", "通讯员"),
        ),
    ]
)

#: Where a list of names splits into names.
NAME_SPLITS = RuleSet(
    [
        Rule(
            "metadata.names.en_split",
            r"\s*(?:,|;|&|\b(?:and|und|y|et|e|i|oraz|dan|ve|en)\b)\s*",
            "Latin names are separated by commas, semicolons, '&' and the word for 'and' ("
            "German und, Spanish y, French et, Italian and Portuguese e, Polish i and oraz, "
            "Indonesian dan, Turkish ve, Dutch en)",
            action="split",
            ignore_case=False,
            examples=("Jane Doe and John Roe", "Jane Doe, John Roe", "Smith & Wesson",
                      "Anna Schmidt und Jan Roe", "Ana Pérez y Juan Gil"),
            near_misses=("Jane Doe", "Alexander Andrews", "Yves Dupont", "Enrique Undiano"),
        ),
        Rule(
            "metadata.names.split",
            r"\s*(?:[、,，/;；&]|\s+and\s+|\s+)\s*",
            "other names are separated by 、 , / ; & or spaces",
            action="split",
            ignore_case=False,
            examples=("张三、李四", "张三 李四", "王五/赵六"),
            near_misses=("张三", "欧阳修"),
        ),
    ]
)

# ------------------------------------------------------------------ language

LANG_RULES = RuleSet(
    [
        Rule(
            "metadata.lang.code",
            r"^[a-z]{2,3}(?=$|[-_])",
            "the language code of a declared language tag ('zh-CN' is zh)",
            action="declared",
            examples=("zh-CN", "en", "ja_JP"),
            near_misses=("chinese", "x-default"),
        ),
        # The scripts are matched as runs: counting run lengths is several times faster.
        Rule(
            "metadata.lang.kana",
            r"[\p{Hiragana}\p{Katakana}]+",
            "kana, a tenth of the CJK characters or more, make a CJK page Japanese",
            action="count",
            ignore_case=False,
            examples=("ひらがな", "カタカナ"),
            near_misses=("漢字", "한국어"),
        ),
        Rule(
            "metadata.lang.hangul",
            r"\p{Hangul}+",
            "more hangul than Han characters make a CJK page Korean (else it is Chinese)",
            action="count",
            ignore_case=False,
            examples=("한국어",),
            near_misses=("漢字", "ひらがな"),
        ),
        Rule(
            "metadata.lang.cjk",
            r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+",
            "CJK characters, three tenths of the letters or more, make a page Chinese, "
            "Japanese or Korean",
            action="count",
            ignore_case=False,
            examples=("汉字", "中文标题"),
            near_misses=("English", "Русский"),
        ),
        # ASCII letters are counted without a pattern (they are all Latin): these count the
        # letters beyond ASCII, and most pages have few.
        Rule(
            "metadata.lang.latin",
            r"[\p{Latin}--\p{ASCII}]+",
            "text whose letters are four fifths Latin or more is English",
            action="count",
            ignore_case=False,
            examples=("café", "Ångström"),
            near_misses=("English", "Русский"),
        ),
        Rule(
            "metadata.lang.letters",
            r"[\p{L}--\p{ASCII}]+",
            "the letters a script's share is counted against",
            action="count",
            ignore_case=False,
            examples=("Русский", "Ελληνικά"),
            near_misses=("English", "123 - 456"),
        ),
    ]
)

#: Every metadata table, for the tests and generators that go through rule tables.
TABLES = (TITLE_RULES, HINT_RULES, ZONE_RULES, META_RULES, BYLINE_PARTS, NAME_RULES,
          NAME_SPLITS, LANG_RULES)




#: The needles of every rule that has them, as one scan per rule: one of them occurs in
#: every text the rule matches (in the lower-cased text where the rule ignores case), so a
#: text with none skips the pattern. A scan costs far less than a pattern call with its
#: timeout, and most texts fail it.
NEEDLE_PATTERNS = MappingProxyType(
    {rule.id: needle_pattern(rule.needles) for table in TABLES for rule in table if rule.needles})


# ------------------------------------------------------------------ where fields come from

#: The page-level sources of each metadata field, by the id explain shows, with the reason.
FIELD_SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "metadata.title.h1": "an <h1> (not the logo) whose text is part of <title> or og:title",
        "metadata.title.element": "with no such <h1>: an h2, h3 or title- or headline-named "
        "element whose text is part of <title> or og:title",
        "metadata.title.containing": "an <h1> or title-like element holding the headline part "
        "of <title> and a little more (a column label, or a <title> cut short)",
        "metadata.title.lone_h1": "the first <h1> of four words or more when nothing agrees "
        "with <title> (or there is no <title>)",
        "metadata.title.opening": "a short heading line that opens the article (a bold, "
        "heading or title-named line followed by prose) when the <title> names only the site "
        "or a section",
        "metadata.title.og": "og:title or twitter:title without its site suffix, when no "
        "element agrees with the title",
        "metadata.title.tag": "<title> without its site suffix ('…_某某网', '… | Example News'), "
        "when no element agrees with it",
        "metadata.date.zone": "a date in the lines after the headline, as the reader sees it",
        "metadata.date.element": "a date in a <time> element or a date- or time-named element, "
        "or its datetime attribute",
        "metadata.date.meta": "a meta timestamp (article:published_time, pubdate, …)",
        "metadata.date.jsonld": "the JSON-LD datePublished",
        "metadata.source.zone_label": "a '来源：…' label in the lines after the headline",
        "metadata.source.zone_element": "a short name in a source-named element among the "
        "lines after the headline",
        "metadata.source.after_date": "a short name printed right after the date, or a link "
        "right after the date element",
        "metadata.source.meta": "a source meta tag",
        "metadata.source.element": "a '来源：…' label or a short name in a source-named element",
        "metadata.source.jsonld": "the JSON-LD publisher",
        "metadata.author.zone_credit": "a credit line among the lines after the headline, read "
        "by the byline rules ('记者 张三', 'By Jane Doe')",
        "metadata.author.zone_element": "a short name in an author- or byline-named element "
        "among the lines after the headline",
        "metadata.author.meta": "an author meta tag that is not the site's own name",
        "metadata.author.jsonld": "the JSON-LD author, unless it is the site's own name",
        "metadata.editor.zone_label": "a labelled editor ('责任编辑：…') after the headline",
        "metadata.editor.element": "an editor line in an editor-named element, read by the "
        "byline rules",
        "metadata.lang.declared": "<html lang> or a language meta tag",
        "metadata.lang.script": "the scripts of the title, the header lines and the start of "
        "the body",
    }
)
