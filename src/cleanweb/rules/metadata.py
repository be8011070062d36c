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

from cleanweb.rules.base import NameRule, Rule, RuleSet, needle_pattern
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
            "metadata.hint.filing",
            r"categor|(?:^|[\s_-])tags?(?:[\s_-]|$)|terms|rubri|topics?(?:[\s_-]|$)|breadcrumb",
            "a link after the date in a category-, tag- or topic-named element is the site's "
            "filing ('Allgemein', 'Werkstatt'), not the outlet",
            action="filing",
            ignore_case=False,
            examples=("taxonomy-category wp-block-terms", "entry-tags", "entry-topic"),
            near_misses=("post-date", "stage", "article-body"),
            needles=("categor", "tag", "terms", "rubri", "topic", "breadcrumb"),
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
            "metadata.zone.lead_word",
            r"^(?:by|von|vom|por|par|oleh|door|di|and|und|et)$",
            "a byline's lead word or joining word alone is no name: templates put 'By' (or "
            "the 'and' between two authors) in an element of its own and the names in others",
            action="reject",
            examples=("By", "by", "Von", "por", "and"),
            near_misses=("Byron", "Vonda Shepard", "Paris", "By the river", "Andrea"),
            needles=("by", "vo", "po", "pa", "ol", "do", "di", "an", "un", "et"),
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
            r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\b\.?|"
            r"\b(?:um\s+|à\s+|alle\s+|às\s+|a las\s+|om\s+|pukul\s+|o godz\.?\s+)?"
            r"[0-9]{1,2}(?:[:.][0-9]{2}\s*(?:uhr|h|wib)|h[0-9]{2})\b|\b(?:montag|dienstag|mittwoch|"
            r"donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|"
            r"domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì|"
            r"mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|"
            r"quinta-feira|sexta-feira|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
            r"zondag|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|senin|selasa|"
            r"rabu|kamis|jumat|sabtu|pazartesi|salı|çarşamba|perşembe|cumartesi)\b,?|"
            r"\b(?-i:WIB|WITA|WIT|MEZ|MESZ|CET|CEST|TRT|UTC|GMT)\b|\buhr\b",
            "clock times, weekdays and zones that datelines print around the date (English, and "
            "the weekdays and 'um 15.54 Uhr' clocks of German, Spanish, French, Italian, "
            "Portuguese, Dutch, Polish, Indonesian and Turkish)",
            action="strip",
            examples=("at 4:07 PM EST", "Tuesday", "10 a.m.", "Dienstag", "um 15.54 Uhr",
                      "Lunes", "à 15h54", "WIB", "Uhr"),
            near_misses=("monument", "sundry", "5 amps", "Montagsdemo", "Sonntagsfrage"),
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
            r"^[\p{Latin}\s.,'’&/-]+$",
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
            r"\s*(?:,|;|&|(?<=\s)/(?=\s)|\b(?:and|und|y|et|e|i|oraz|dan|ve|en)\b)\s*",
            "Latin names are separated by commas, semicolons, '&', a spaced '/' and the word for "
            "'and' ("
            "German und, Spanish y, French et, Italian and Portuguese e, Polish i and oraz, "
            "Indonesian dan, Turkish ve, Dutch en)",
            action="split",
            ignore_case=False,
            examples=("Jane Doe and John Roe", "Jane Doe, John Roe", "Jane Doe / John Roe",
                      "Smith & Wesson",
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
            "kana, a tenth of the CJK characters or more, make CJK text Japanese",
            action="count",
            ignore_case=False,
            examples=("ひらがな", "カタカナ"),
            near_misses=("漢字", "한국어"),
        ),
        Rule(
            "metadata.lang.hangul",
            r"\p{Hangul}+",
            "more hangul than Han characters make CJK text Korean (else it is Chinese)",
            action="count",
            ignore_case=False,
            examples=("한국어",),
            near_misses=("漢字", "ひらがな"),
        ),
        Rule(
            "metadata.lang.cjk",
            r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+",
            "CJK characters, each weighing as much as CJK_WEIGHT letters of an alphabet",
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
            "Latin letters beyond ASCII (accented letters, ß, ø …)",
            action="count",
            ignore_case=False,
            examples=("café", "Ångström"),
            near_misses=("English", "Русский"),
        ),
        Rule(
            "metadata.lang.letters",
            r"[\p{L}--\p{ASCII}]+",
            "the letters beyond ASCII, which the script shares are counted against",
            action="count",
            ignore_case=False,
            examples=("Русский", "Ελληνικά"),
            near_misses=("English", "123 - 456"),
        ),
    ]
)

#: A CJK character carries about as much text as three letters of an alphabet: a Chinese
#: page with English names and numbers in it is still mostly Chinese.
CJK_WEIGHT = 3
#: Fewer letters than this (weighted) say nothing about the language.
LANG_MIN_LETTERS = 10
#: A declared language is kept when its script holds this share of the text's letters.
DECLARED_MIN_SHARE = 0.3
#: Kana at least this share of the CJK characters make the CJK text Japanese.
KANA_MIN_SHARE = 0.1
#: The text the language is read from: the title and the start of the body.
LANG_SAMPLE_CHARS = 1000
#: Words of the sample whose function words are counted, and the least count that decides
#: (a word shared by n languages of a script counts 1/n for each).
LANG_SAMPLE_WORDS = 200
LANG_MIN_WORDS = 1.0
#: What is cut from the ends of a space-separated word before it is looked up (splitting
#: at spaces keeps Devanagari and Arabic vowel signs, which are not letters, in the word).
WORD_EDGES = "\"'.,;:!?()[]{}<>«»“”„‘’‚‹›—–-…/|*#@%&+=~^`_0123456789·、。，：；！？"

#: The languages written in each script, by the first word of its letters' Unicode names
#: (HAN, KANA and HANGUL stand for the CJK scripts). A declared language fits a text when
#: one of its scripts holds DECLARED_MIN_SHARE of the letters. A script with function-word
#: profiles (LANG_WORDS) is read by them; any other gives its first language.
SCRIPT_LANGS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    script: tuple(langs.split()) for script, langs in {
        "HAN": "zh ja ko yue wuu",
        "KANA": "ja",
        "HANGUL": "ko",
        "LATIN": "en de fr es pt it nl pl cs sk sl hr bs sr sv da no nb nn fi et hu ro tr id "
                 "ms la ca gl eu vi tl sw lt lv af sq az ga cy is mt lb fy eo oc br co gd ht "
                 "ha yo ig zu xh so rw mg mi sm uz tk ku jv su qu wo ln st tn ny sn om ak ee "
                 "fo se rm wa kk",
        "CYRILLIC": "ru uk bg sr mk be kk ky tg mn tt ba cv ce os",
        "ARABIC": "ar fa ur ps ku sd ug ks",
        "DEVANAGARI": "hi mr ne sa",
        "GREEK": "el", "HEBREW": "he yi", "THAI": "th", "GEORGIAN": "ka", "ARMENIAN": "hy",
        "BENGALI": "bn as", "TAMIL": "ta", "TELUGU": "te", "KANNADA": "kn", "MALAYALAM": "ml",
        "GUJARATI": "gu", "GURMUKHI": "pa", "ORIYA": "or", "SINHALA": "si", "KHMER": "km",
        "LAO": "lo", "MYANMAR": "my", "ETHIOPIC": "am ti", "TIBETAN": "bo dz", "THAANA": "dv",
    }.items()
})  # fmt: skip

#: Withdrawn language codes still found in pages, and the codes that replaced them.
LANG_ALIASES: Mapping[str, str] = MappingProxyType(
    {"in": "id", "iw": "he", "ji": "yi", "jw": "jv", "mo": "ro"})

#: Function words by language (the action names the script): the language whose words
#: are most frequent in a text written in that script is the text's language.
LANG_WORDS = (
    NameRule("metadata.lang.words.en", "English function words",
             "the of and to in a is that for it as was with be by on not he this are or his "
             "from at which but have an had they you were their one all we can her has there "
             "been if more when will would who so no she what about our its also than them "
             "into said i", "LATIN",
             ("The council said that it would vote on the plan in the spring",),
             ("De raad zei dat hij in het voorjaar over het plan zou stemmen",)),
    NameRule("metadata.lang.words.de", "German function words",
             "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
             "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie "
             "einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein "
             "wurde sei wenn ich wir", "LATIN",
             ("Der Stadtrat hat die Pläne für das neue Museum am Montag vorgestellt",),
             ("De gemeenteraad heeft de plannen voor het nieuwe museum op maandag voorgesteld",)),
    NameRule("metadata.lang.words.fr", "French function words",
             "de la le et les des en un du une que est pour qui dans par plus pas au sur ne se "
             "ce il sont avec ou mais aux son nous vous elle cette été ont comme leur tout fait "
             "aussi on je sa ses être", "LATIN",
             ("Le conseil municipal a présenté les plans pour le nouveau musée dans la ville",),
             ("El consejo municipal presentó los planes para el nuevo museo de la ciudad",)),
    NameRule("metadata.lang.words.es", "Spanish function words",
             "de la que el en y a los se del las un por con no una su para es al lo como más "
             "pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta "
             "hay donde desde todo nos durante todos uno les ni contra otros ese eso ante ellos "
             "esto antes algunos qué unos yo otro él", "LATIN",
             ("El consejo municipal presentó los planes para el nuevo museo de la ciudad",),
             ("O conselho municipal apresentou os planos para o novo museu da cidade",)),
    NameRule("metadata.lang.words.pt", "Portuguese function words",
             "de a o que e do da em um para é com não uma os no se na por mais as dos como mas "
             "foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só "
             "pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas esse "
             "eles estão você", "LATIN",
             ("O conselho municipal apresentou os planos para o novo museu da cidade",),
             ("El consejo municipal presentó los planes para el nuevo museo de la ciudad",)),
    NameRule("metadata.lang.words.it", "Italian function words",
             "di e il la che in a per un del non è una con i da si le dei come della al lo più "
             "nel anche ma sono gli alla delle ha questo se o nella era dal suo sua loro cui "
             "essere ci tra quando molto stato", "LATIN",
             ("Il consiglio comunale ha presentato i piani per il nuovo museo della città",),
             ("El consejo municipal presentó los planes para el nuevo museo de la ciudad",)),
    NameRule("metadata.lang.words.nl", "Dutch function words",
             "de en van het een in is dat op te zijn voor met die niet aan er om ook als bij of "
             "door maar naar worden nog wordt dan dit uit kan zo wel hij we ze over tot was "
             "heeft hebben geen meer wat deze ik", "LATIN",
             ("De gemeenteraad heeft de plannen voor het nieuwe museum op maandag voorgesteld",),
             ("Der Stadtrat hat die Pläne für das neue Museum am Montag vorgestellt",)),
    NameRule("metadata.lang.words.pl", "Polish function words",
             "i w na z się nie do to że jest o a jak po od za ale co są dla tak przez tym czy "
             "już jego oraz może być tylko ich go jednak także było przy który która które gdy "
             "tego też więc bardzo", "LATIN",
             ("Rada miasta przedstawiła plany nowego muzeum, które ma być gotowe w tym roku",),
             ("Rada města představila plány nového muzea, které má být hotové letos",)),
    NameRule("metadata.lang.words.cs", "Czech function words",
             "a je se na v že s to z do o jako ale by pro k jsou které který jsem také byl "
             "podle nebo už jeho při než když být jsme tak jen však mezi i ve", "LATIN",
             ("Rada města představila plány nového muzea, které má být hotové také pro turisty",),
             ("Rada mesta predstavila plány nového múzea, ktoré má byť hotové tiež pre turistov",)),
    NameRule("metadata.lang.words.sk", "Slovak function words",
             "a je sa na v že s to z do o ako ale by pre k sú ktoré ktorý som tiež bol podľa "
             "alebo už jeho pri než keď byť sme tak len však medzi i vo", "LATIN",
             ("Rada mesta predstavila plány nového múzea, ktoré má byť hotové tiež pre turistov",),
             ("Rada města představila plány nového muzea, které má být hotové také pro turisty",)),
    NameRule("metadata.lang.words.sl", "Slovenian function words",
             "in je na v se da za so z ki pa ne s tudi po od bi kot ali do o še bo sem ter "
             "lahko ga smo kar če pri tako bil", "LATIN",
             ("Mestni svet je predstavil načrte za novi muzej, ki bo odprt tudi za turiste",),
             ("Gradsko vijeće je predstavilo planove za novi muzej koji će biti otvoren",)),
    NameRule("metadata.lang.words.hr", "Croatian function words",
             "i je u na da se za su od s a ne to koji kao ali o iz što sa će bi po ili sam "
             "biti bio već koja koje samo jer kada te još", "LATIN",
             ("Gradsko vijeće je predstavilo planove za novi muzej koji će biti otvoren",),
             ("Mestni svet je predstavil načrte za novi muzej, ki bo odprt tudi za turiste",)),
    NameRule("metadata.lang.words.sv", "Swedish function words",
             "och i att det som en på är av för med till den har de inte om ett var jag men "
             "vi så kan från sig också efter när eller hade man vid sin skulle ska nu detta "
             "mycket hur", "LATIN",
             ("Kommunen har lagt fram planerna för det nya museet och det ska öppna i höst",),
             ("Kommunen har lagt frem planene for det nye museet og det skal åpne i høst",)),
    NameRule("metadata.lang.words.da", "Danish function words",
             "og i at det er en til på de som med af for ikke den har jeg et var fra men om "
             "vi kan sig efter også blev skal hvor meget", "LATIN",
             ("Kommunen har fremlagt planerne for det nye museum, og det skal åbne efter jul",),
             ("Kommunen har lagt frem planene for det nye museet og det skal åpne etter jul",)),
    NameRule("metadata.lang.words.no", "Norwegian function words",
             "og i å det er en til på som med av for ikke den har jeg et var fra men om vi "
             "kan seg etter også ble skal hvor mye", "LATIN",
             ("Kommunen har lagt frem planene for det nye museet og det skal åpne etter jul",),
             ("Kommunen har fremlagt planerne for det nye museum, og det skal åbne efter jul",)),
    NameRule("metadata.lang.words.fi", "Finnish function words",
             "ja on ei se että oli hän mutta kun myös tai ovat kuin niin jo sen ole mukaan voi "
             "vain nyt tämä joka jotka kanssa vielä sekä jos olla sitä kaikki tässä mitä ollut",
             "LATIN",
             ("Kaupunki esitteli uuden museon suunnitelmat, ja se avataan myös turisteille",),
             ("Linn tutvustas uue muuseumi plaane ning see avatakse ka turistidele",)),
    NameRule("metadata.lang.words.et", "Estonian function words",
             "ja on ei et see kui ka oli aga mis või nii ta ning kes mida siis veel seda olla "
             "oma üle kõik pole juba selle ainult kuid mille nad ole", "LATIN",
             ("Linn tutvustas uue muuseumi plaane ning see avatakse ka turistidele",),
             ("Kaupunki esitteli uuden museon suunnitelmat, ja se avataan myös turisteille",)),
    NameRule("metadata.lang.words.hu", "Hungarian function words",
             "a az és hogy nem is egy meg van de ez el csak már mint ki még volt vagy fel azt "
             "nagyon kell úgy pedig lesz ami amely után itt most ha sem minden között", "LATIN",
             ("A városi tanács bemutatta az új múzeum terveit, és azt mondta, hogy nyáron nyit",),
             ("The council said that it would vote on the plan in the spring",)),
    NameRule("metadata.lang.words.ro", "Romanian function words",
             "de și în a la cu pe să nu care o un din este pentru se mai au ca ce sunt fost "
             "sau prin dar despre până după lui acest această iar fi foarte le fiind când",
             "LATIN",
             ("Consiliul local a prezentat planurile pentru noul muzeu, care este în centru",),
             ("Il consiglio comunale ha presentato i piani per il nuovo museo della città",)),
    NameRule("metadata.lang.words.tr", "Turkish function words",
             "ve bir bu da de için ile çok olarak daha en gibi o ne ama olan kadar sonra var "
             "değil her mi şey ben olduğu diye ise veya göre ki yani ya tüm hem oldu yok nasıl "
             "ancak ayrıca üzere arasında tarafından olduğunu önce karşı",
             "LATIN",
             ("Belediye yeni müze için planları açıkladı ve bu yıl daha çok ziyaretçi bekliyor",),
             ("Dewan kota mengumumkan rencana untuk museum yang baru dan akan dibuka tahun ini",)),
    NameRule("metadata.lang.words.id", "Indonesian function words",
             "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh "
             "karena bisa sudah saat tersebut kata lebih adalah atau bahwa mereka kami kita "
             "telah para dapat seperti hanya namun masih sebagai setelah menjadi saya", "LATIN",
             ("Dewan kota mengumumkan rencana untuk museum yang baru dan akan dibuka tahun ini",),
             ("Belediye yeni müze için planları açıkladı ve bu yıl daha çok ziyaretçi bekliyor",)),
    NameRule("metadata.lang.words.la", "Latin function words",
             "et in est non ad cum ut sed qui quod quae sunt esse ex per de si enim etiam nec "
             "aut atque ab eius autem quam hoc nisi vel id sit ea quis neque nos tamen ita sic "
             "iam inter sine apud ergo igitur quoque haec ille illa omnis omnia eum eam eos",
             "LATIN",
             ("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae",),
             ("Il consiglio comunale ha presentato i piani per il nuovo museo della città",)),
    NameRule("metadata.lang.words.ca", "Catalan function words",
             "de la i que a el en per les amb del els no un una és es al als més com però hi "
             "ha seu seva també o ja va aquest aquesta molt són fins sobre entre quan ni tot",
             "LATIN",
             ("L'ajuntament va presentar els plans per al nou museu, que obrirà aquest any",),
             ("El ayuntamiento presentó los planes para el nuevo museo, que abrirá este año",)),
    NameRule("metadata.lang.words.vi", "Vietnamese function words",
             "và của các là có được trong cho những với không một này người đã để khi từ đến "
             "theo ra về cũng như nhiều sẽ thì nhưng vào năm tại đó hơn trên lại phải nhà còn",
             "LATIN",
             ("Hội đồng thành phố đã công bố kế hoạch cho bảo tàng mới và sẽ mở cửa trong năm",),
             ("The council said that it would vote on the plan in the spring",)),
    NameRule("metadata.lang.words.tl", "Tagalog function words",
             "ang ng mga sa na at ay si ni para hindi ito ko kung siya din rin ka mo pa lang "
             "naman kanyang kay niya ako may nang mula", "LATIN",
             ("Inihayag ng konseho ang mga plano para sa bagong museo at ito ay bubuksan",),
             ("Halmashauri ya jiji imetangaza mipango ya makumbusho mapya na itafunguliwa",)),
    NameRule("metadata.lang.words.sw", "Swahili function words",
             "na ya wa kwa za katika ni la kuwa hiyo hii cha alisema pia kama lakini zaidi "
             "baada wake hadi kutoka bila ili sana yake huo vya kwamba mwaka huu yao wao sisi "
             "yeye wakati kila kuhusu ambao ambayo hata sasa", "LATIN",
             ("Halmashauri ya jiji imetangaza kwamba makumbusho mapya yatafunguliwa mwaka huu",),
             ("Inihayag ng konseho ang mga plano para sa bagong museo at ito ay bubuksan",)),
    NameRule("metadata.lang.words.lt", "Lithuanian function words",
             "ir kad į su iš bet tai kaip yra o ar jau dar nuo per buvo jis ji apie taip už "
             "tik po nes prie jo jų bus kai gali", "LATIN",
             ("Miesto taryba pristatė naujo muziejaus planus ir sakė, kad jis bus atidarytas",),
             ("Pilsētas dome iepazīstināja ar jaunā muzeja plāniem, un tas tiks atvērts",)),
    NameRule("metadata.lang.words.lv", "Latvian function words",
             "un ir ka par ar no uz kā arī bet vai lai to tas jau pēc līdz kas tā bija viņš "
             "nav var tikai savu gan vēl šo kuru tiek", "LATIN",
             ("Pilsētas dome iepazīstināja ar jaunā muzeja plāniem, un tas tiks atvērts",),
             ("Miesto taryba pristatė naujo muziejaus planus ir sakė, kad jis bus atidarytas",)),
    NameRule("metadata.lang.words.ru", "Russian function words",
             "и в не на что с по это как к но из у о за от для же так все он а его она то "
             "было только еще бы уже или был при до если их мы вы они когда также этого может "
             "чтобы", "CYRILLIC",
             ("Городской совет представил планы нового музея, который откроется уже в мае",),
             ("Міська рада представила плани нового музею, який відкриється вже у травні",)),
    NameRule("metadata.lang.words.uk", "Ukrainian function words",
             "і в не на що з та у до як це за від для але й про його по він так вже ще які "
             "який яка бути було також або коли тому щоб може їх ми ви вони із при",
             "CYRILLIC",
             ("Міська рада представила плани нового музею, який відкриється вже у травні",),
             ("Городской совет представил планы нового музея, который откроется уже в мае",)),
    NameRule("metadata.lang.words.bg", "Bulgarian function words",
             "и на в да се е за от че не с по са както това който която които към си но като "
             "ще беше бъде тя той те при след или още има също много до вече само",
             "CYRILLIC",
             ("Общинският съвет представи плановете за новия музей, който ще бъде открит",),
             ("Городской совет представил планы нового музея, который откроется уже в мае",)),
    NameRule("metadata.lang.words.sr", "Serbian function words (Cyrillic)",
             "и у је да на се за су од са не што као из који која које то ће али о или по био "
             "била може још бити само када већ јер него", "CYRILLIC",
             ("Градско веће је представило планове за нови музеј који ће бити отворен",),
             ("Градскиот совет ги претстави плановите за новиот музеј кој ќе биде отворен",)),
    NameRule("metadata.lang.words.mk", "Macedonian function words",
             "и на во да се е за од со не што тоа ќе како ги го ја кои која кој но по беше има "
             "или до ова уште само сме сите", "CYRILLIC",
             ("Градскиот совет ги претстави плановите за новиот музеј кој ќе биде отворен",),
             ("Градско веће је представило планове за нови музеј који ће бити отворен",)),
    NameRule("metadata.lang.words.be", "Belarusian function words",
             "і ў не на што з па да як гэта але для ад яго ён яна так ужо яшчэ быў была "
             "таксама каб калі пра іх мы вы яны пры ўжо ці гэты гэтага пасля вельмі усё",
             "CYRILLIC",
             ("Гарадскі савет прадставіў планы новага музея, які адкрыецца ўжо ў траўні",),
             ("Міська рада представила плани нового музею, який відкриється вже у травні",)),
    NameRule("metadata.lang.words.kk", "Kazakh function words",
             "және бұл мен үшін деп оның ол осы болып бойынша бар да де бір оны сол керек еді "
             "болды жоқ", "CYRILLIC",
             ("Қалалық кеңес жаңа мұражай жоспарын ұсынды және ол осы жылы ашылады",),
             ("Городской совет представил планы нового музея, который откроется уже в мае",)),
    NameRule("metadata.lang.words.ar", "Arabic function words",
             "في من على إلى أن عن ما التي الذي مع هذا هذه كان لا أو بين قد ذلك كل بعد إن لم "
             "وقد عام حيث وفي كما ثم فقط لكن عند أي هو هي", "ARABIC",
             ("أعلن مجلس المدينة عن خطط المتحف الجديد الذي سيفتح في الربيع",),
             ("شورای شهر برنامه های موزه جدید را اعلام کرد که در بهار باز می شود",)),
    NameRule("metadata.lang.words.fa", "Persian function words",
             "و در به از که این را با است برای آن یک خود تا می بر هم نیز شد شده کرد ما یا "
             "اما باید او هر ای بود دارد کند شود های پس", "ARABIC",
             ("شورای شهر برنامه های موزه جدید را اعلام کرد که در بهار باز می شود",),
             ("شہر کی کونسل نے نئے عجائب گھر کے منصوبے کا اعلان کیا ہے",)),
    NameRule("metadata.lang.words.ur", "Urdu function words",
             "کے کی میں ہے اور کو سے نے کہ یہ پر ہیں تھا کا بھی ایک وہ تھی گیا ہو لیے جو اس "
             "کر رہا ہوں کیا تو نہیں تک", "ARABIC",
             ("شہر کی کونسل نے نئے عجائب گھر کے منصوبے کا اعلان کیا ہے",),
             ("أعلن مجلس المدينة عن خطط المتحف الجديد الذي سيفتح في الربيع",)),
    NameRule("metadata.lang.words.hi", "Hindi function words",
             "के है में की और को से का एक यह पर हैं ने भी कि लिए नहीं तो था इस कर हो जो साथ "
             "वह गया रहे थे करने किया", "DEVANAGARI",
             ("नगर परिषद ने नए संग्रहालय की योजना की घोषणा की है और यह जल्द खुलेगा",),
             ("नगर परिषदेने नवीन संग्रहालयाची योजना जाहीर केली आहे आणि ते लवकरच उघडेल",)),
    NameRule("metadata.lang.words.mr", "Marathi function words",
             "आणि आहे या व ते हे आहेत त्या करण्यात होते केले असे पण मध्ये ही तर म्हणून होती "
             "त्यांनी नाही करून", "DEVANAGARI",
             ("नगर परिषदेने नवीन संग्रहालयाची योजना जाहीर केली आहे आणि ते लवकरच उघडेल",),
             ("नगर परिषद ने नए संग्रहालय की योजना की घोषणा की है और यह जल्द खुलेगा",)),
    NameRule("metadata.lang.words.ne", "Nepali function words",
             "र छ को मा पनि गर्न यो छन् भएको गरेको हो थियो ले लागि तथा भने गरी नै गर्ने रहेको "
             "हुन्छ", "DEVANAGARI",
             ("नगर परिषदले नयाँ संग्रहालयको योजना सार्वजनिक गरेको छ र यो चाँडै खुल्नेछ",),
             ("नगर परिषद ने नए संग्रहालय की योजना की घोषणा की है और यह जल्द खुलेगा",)),
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
        "metadata.lang.declared": "<html lang> or a language meta tag, whose script holds a "
        "good share of the letters of the title and the start of the body",
        "metadata.lang.script": "the script of the title and the start of the body, where it "
        "is written in one language (Han Chinese, kana Japanese, hangul Korean, Greek, Thai …)",
        "metadata.lang.words": "the language whose function words are most frequent in the "
        "title and the start of the body, for a script that writes many languages",
    }
)
