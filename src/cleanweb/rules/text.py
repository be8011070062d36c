"""Textual chrome rules: lines inside the article body that are not article text.

The finish stage asks :func:`classify_line` about each candidate block's whitespace-squashed
text. A matching rule's ``action`` says what the line is:

- ``drop``: site chrome (footer, toolbar, share/follow prompt, pagination, ad label…); remove it.
- ``boundary``: a short heading that opens a related/recommended/comments/tags block; the finish
  stage drops it and the run of short or link-heavy blocks after it.
- ``caption``: a caption-like line next to an image (credit, "图为：…", "…摄", "Photo: …").

Byline, editor, source and date lines are not here (see the byline rules).

Anchoring: body prose mentions 版权, 打印, "related" or 二维码 all the time, so every rule is
anchored to the whole line or to its start or end, and limited to a maximum line length that
is written into the pattern itself as ``^(?=.{0,N}$)``. Toolbar words only count on short lines
made of nothing else. Rules that must look for a phrase anywhere in the line ("scanners") also
name literal substrings one of which every match contains (``needles``, gathered in
:data:`SCAN_NEEDLES`); the classifier uses them to skip the scan. Both make
:func:`classify_line` fast.

Each rule carries its examples (lines it must decide) and near misses (prose it must leave
alone); the tests, the rule-case pages and the first-character table (:mod:`text_starts`)
are derived from them: after changing a rule, run ``python -m cleanweb.rules.generate``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from cleanweb.rules.base import LazyPattern, LazyRegex, Rule, RuleSet, search
from cleanweb.rules.chars import HAN
from cleanweb.rules.text_starts import ANY_START, STARTS

DROP = "drop"
BOUNDARY = "boundary"
CAPTION = "caption"
ACTIONS = frozenset({DROP, BOUNDARY, CAPTION})

# -- pattern builders: every pattern starts with ^(?=.{0,N}$), the line-length gate ------------


def _line(limit: int, body: str) -> str:
    """The whole line is ``body`` (a line of at most ``limit`` characters)."""
    return rf"^(?=.{{0,{limit}}}$)(?:{body})$"


def _opens(limit: int, body: str) -> str:
    """The line starts with ``body``."""
    return rf"^(?=.{{0,{limit}}}$)(?:{body})"


def _has(limit: int, body: str) -> str:
    """``body`` occurs anywhere in the line (a scanner: give it needles)."""
    return rf"^(?=.{{0,{limit}}}$).*?(?:{body})"


def _ends(limit: int, body: str) -> str:
    """The line ends with ``body`` (a scanner: give it needles)."""
    return rf"^(?=.{{0,{limit}}}$).*?(?:{body})$"


_META = frozenset("\\[](){}?*+|.^$")


def _trie(words: list[str]) -> str:
    """Plain words as a prefix tree ('share', 'share this' -> 'share(?: this)?'): each step
    offers only the distinct next characters, so a long word list costs little to try."""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[:1], []).append(w[1:])
    parts = []
    for head, tails in sorted(heads.items(), key=lambda kv: kv[0] == ""):
        if head == "":
            continue
        rest = [t for t in tails if t]
        sub = _trie(rest) if rest else ""
        optional = "" in tails
        tail = f"(?:{sub})" + ("?" if optional else "") if sub else ""
        parts.append(head + tail)
    return "|".join(parts)


def _alt(words: Iterable[str]) -> str:
    """Alternation of regex fragments: plain words as a prefix tree, the others longest first
    so a longer fragment wins over its prefix."""
    ws = list(words)
    plain = sorted({w for w in ws if not _META & set(w)})
    frags = sorted((w for w in ws if _META & set(w)), key=len, reverse=True)
    return "|".join([*frags, *([_trie(plain)] if plain else [])])


def _group_end(frag: str) -> int:
    """Index of the ``)`` closing the group that opens ``frag``, or -1."""
    depth, i, in_class = 0, 0, False
    while i < len(frag):
        c = frag[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _top_alternatives(inner: str) -> list[str]:
    """``inner`` split at its top-level ``|``."""
    out, start, depth, i, in_class = [], 0, 0, 0, False
    while i < len(inner):
        c = inner[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(inner[start:i])
            start = i + 1
        i += 1
    return [*out, inner[start:]]


def _expand(frag: str) -> list[str]:
    """``frag`` as the fragments its leading group or optional character stands for
    ('(?:folgen sie|folge) uns' -> 'folgen sie uns', 'folge uns'; 'x?y' -> 'y', 'xy'), so
    that more fragments start with a literal (see :func:`_fork`); the same matches."""
    if len(frag) > 1 and frag[1] == "?" and frag[0] not in _META:
        return [*_expand(frag[2:]), *_expand(frag[0] + frag[2:])]
    end = _group_end(frag) if frag.startswith("(?:") else -1
    if end < 0:
        return [frag]
    after = frag[end + 1 :]
    alts = [a + after.removeprefix("?") for a in _top_alternatives(frag[3:end])]
    if after.startswith("?"):
        return [*_expand(after[1:]), *(x for a in alts for x in _expand(a))]
    if after[:1] in ("*", "+", "{"):
        return [frag]
    return [x for a in alts for x in _expand(a)]


def _lead(frag: str) -> tuple[str, str]:
    """A fragment's literal lead (up to its first regex syntax, less a quantified last
    character) and the rest."""
    i = 0
    while i < len(frag) and frag[i] not in _META:
        i += 1
    if i < len(frag) and frag[i] in "?*+{":
        i -= 1
    return frag[:i], frag[i:]


def _shared(leads: list[str]) -> str:
    """The characters all ``leads`` start with (those the first and last in order share)."""
    first, last = min(leads), max(leads)
    i = 0
    while i < min(len(first), len(last)) and first[i] == last[i]:
        i += 1
    return first[:i]


def _fork_leads(items: list[tuple[str, str]]) -> str:
    ends = sorted({rest for lead, rest in items if not lead}, key=len, reverse=True)
    heads: dict[str, list[tuple[str, str]]] = {}
    for lead, rest in items:
        if lead:
            heads.setdefault(lead[0], []).append((lead[1:], rest))
    parts = [f"(?:{rest})" if rest else "" for rest in ends]
    for head, tails in sorted(heads.items()):
        common = _shared([lead for lead, _ in tails])  # one step for a shared run
        inner = _fork_leads([(lead[len(common):], rest) for lead, rest in tails])
        parts.append(head + common + (f"(?:{inner})" if inner else ""))
    return "|".join(parts)


def _fork(frags: Iterable[str]) -> str:
    """Alternation of regex fragments as a prefix tree of their literal leads: each step
    offers only the distinct next characters, and a fragment's own syntax comes after its
    lead, so a line tries few branches of a long vocabulary (used for the word lists of the
    other languages, dozens of fragments each)."""
    return _fork_leads([_lead(x) for f in frags for x in _expand(f)])


def _bar(
    limit: int, words: Iterable[str], sep: str, numbers: Iterable[str] = (), glued: bool = True
) -> str:
    """A line made only of ``words``, counters (``numbers``) and separators, with at least one
    word: a button or link bar. A line of bare numbers is not a bar. Without ``glued``, tokens
    need a separator between them, so code such as ``print(1)`` is no bar."""
    words, numbers = tuple(words), tuple(numbers)
    w = _alt(words)
    tok = _alt((*words, *numbers))
    gap = f"{sep}*" if glued else f"{sep}+"
    lead = rf"(?:(?:{_alt(numbers)}){gap})*" if numbers else ""
    return rf"^(?=.{{0,{limit}}}$){sep}*{lead}(?:{w})(?:{gap}(?:{tok}))*{sep}*$"


def _zh(rule_id: str, pattern: str, reason: str, action: str = DROP, *,
        examples: tuple[str, ...], near_misses: tuple[str, ...] = (),
        needles: tuple[str, ...] = (), ends: tuple[str, ...] = ()) -> Rule:
    """A Chinese rule: case-sensitive (Latin parts are written as they appear), which is also
    cheaper to match."""
    return Rule(rule_id, pattern, reason, action, ignore_case=False, examples=examples,
                near_misses=near_misses, needles=needles, ends=ends)


# -- vocabularies (regex fragments) -------------------------------------------------------------

# a counter value; atomic so "123" never splits. ASCII digits throughout: page chrome writes
# them, and a leading \d would make a rule possible after any Unicode digit (see _dispatch).
_N = r"(?>[0-9][0-9,.]*(?:万|k|w|K|W)?\+?)"
_NUMBERS = (rf"[(（]{_N}[)）]", rf"\+?{_N}")
# Brackets too: button rows are often written '【打印】【关闭】'.
_ZH_SEP = r"[\s|｜/·•:：【】\[\]]"
_EN_SEP = r"[\s|/·•:]"

_ZH_TOOL_WORDS = (
    "字号", "打印", "打印本文", "打印本页", "打印此页", "关闭", "关闭窗口", "关闭本页", "收藏",
    "收藏本文", "保存", "分享", "分享到", r"大\s*中\s*小",
    "分享至", "转发", "评论", "举报", "纠错", "我要纠错", "复制链接", "复制网址", "缩小字体",
    "放大字体", "调整字体", "默认字体", "字体", "微博", "新浪微博", "腾讯微博", "微信", "微信好友",
    "朋友圈", "QQ空间", "QQ好友", "腾讯QQ", "QQ", "易信", "豆瓣", "人人网", "更多", "我要反馈",
    "我要评论", "参与互动", "参与讨论", "点赞", "赞", "踩", "顶", "在看", "阅读", "回复",
    "查看回复",
    "跟贴", "跟帖", "发贴", "参与", "赞赏", "人赞赏", "喜欢", "好看", "表情", "发布", "刷新",
    "撤消", "撤销",
    # font sizes one by one in ASCII brackets: "字号: [大] [中] [小]"
    r"[\[(（【]\s*[大中小]\s*[\])）】]",
    rf"{_N}\s*(?:次阅读|人阅读|阅读|人参与|条评论|评论|跟贴|人赞|赞|次浏览|浏览|人收藏|次播放)",
)
_ZH_ACCOUNT_WORDS = (
    "登录", "登陆", "注册", "退出", "安全退出", "快速注册", "免费注册", "立即注册", "忘记密码",
    "一键登录", "注销", "个人中心", "帐号设置", "账号设置",
)
_EN_SHARE_WORDS = (
    "share", "shares", "share this", "share this article", "share this story", "share this post",
    "share on", "share to", "share via", "share on facebook", "share on twitter", "share article",
    "share story", "share this on whatsapp", "tweet", "tweet this", "email", "e-mail",
    "email this", "email this article", "e-mail this to a friend", "email to a friend",
    "send to a friend", "print", "print this", "print this article", "print this story",
    "print story", "print article", "printable version", "printer friendly", "printer-friendly",
    "friendly version", "facebook", "twitter", "pinterest", "pin", "pin it", "linkedin", "reddit",
    "whatsapp", "flipboard", "messenger", "telegram", "tumblr", "pocket", "mix", "digg",
    "digg this", "digg it", "aim", r"del\.icio\.us", "delicious", "stumbleupon", "newsvine",
    "mixx", r"google\+",
    "sms", "copy", "copy link", "copy url", "link copied", "save", "save article", "bookmark",
    "bookmark with", "reprints", "single page", "comments?", "view comments", "post a comment",
    "more", "vkontakte", "odnoklassniki", "instagram", "youtube", "text size", "font size",
    "font", "large font", "normal font", "small font", "a-", r"a\+", "a", r"\[-\] text \[\+\]",
    r"post (?:this story )?to", "submit to", rf"{_N} comments?", rf"{_N} shares?",
)
_ZH_FOOTER_LINK_WORDS = (
    "关于我们", "关于本站", "联系我们", "联系方式", "联系方法", "广告服务", "广告合作", "供稿服务",
    "法律声明", "版权声明", "免责声明", "隐私政策", "隐私保护", "服务协议", "用户协议", "招聘信息",
    "人才招聘", "诚聘英才", "加入我们", "网站地图", "网站导航", "留言反馈", "意见反馈", "客户服务",
    "客服中心", "帮助中心", "公司简介", "不良信息举报", "举报中心", "廉正举报", "商务合作",
    "合作伙伴", "友情链接", "投稿", "设为首页", "加入收藏", "网站介绍", "开放平台",
    "[Aa]bout [Uu]s", "ABOUT US",
)
_ZH_LINKS = _alt(_ZH_FOOTER_LINK_WORDS)
_EN_FOOTER_LINK_WORDS = (
    "about", "about us", "about this site", "contact", "contact us", "privacy", "privacy policy",
    "privacy notice", "privacy statement", "terms", "terms of use", "terms of service",
    "terms (?:&|and) conditions", "cookie policy", "cookies", "advertise", "advertise with us",
    "advertising", "advertising guide", "careers", "jobs", "site map", "sitemap", "help", "faq",
    "rss", "accessibility", "subscribe", "newsletters?", "feedback", "corrections", "a-z index",
    "masthead", "legal", "imprint", "disclaimer", "copyright",
)
_EN_FOOTER_LINK_ALONE = (
    "about us", "contact us", "privacy policy", "privacy notice", "privacy statement",
    "terms of use", "terms of service", "terms (?:&|and) conditions", "cookie policy",
    "site map", "sitemap", "advertise with us", "a-z index",
)
_BOUNDARY_ZH = (
    r"相关(?:新闻|阅读|文章|报道|推荐|资讯|内容|链接|搜索|专题|视频|热门文章|主题)",
    "延伸阅读", "扩展阅读", "拓展阅读", "推荐阅读", "阅读推荐", "延伸 ?· ?推荐", "为[您你]推荐",
    r"(?:热门|精彩|精华|新闻|图片|编辑|今日|每日)推荐", "猜你喜欢", "你可能(?:还)?(?:会)?喜欢",
    "您可能(?:还)?(?:会)?(?:感兴趣|喜欢)", "你可能感兴趣", r"热点(?:新闻|资讯|推荐)",
    r"热门(?:新闻|文章|资讯|阅读|标签|搜索|话题)?", r"(?:网友|最新|热门|最热|全部|精彩)评论",
    "评论区", "发表评论", "我要评论", r"作者(?:最新|最近)文章", r"小编最[新近]文章",
    r"(?:阅读|点击|跟贴|跟帖|评论|新闻)排行(?:榜)?", "大家都(?:在看|爱看)", "精彩(?:图集|组图)",
    r"往期(?:回顾|推荐|精选)", r"(?:此前|更多|以往)报道", r"更多(?:新闻|精彩|文章|阅读)",
    "标签", "关键字", "关键词", "文章关键词", "本文关键词",
)
_BOUNDARY_EN = (
    r"related(?: (?:articles?|stories|posts?|content|news|coverage|links|reading|topics|videos?))?",
    r"(?:more|other) (?:from|on|in|about) .{1,40}", r"more (?:stories|news|articles|like this)",
    r"more (?:stories|articles) like this", "also in the news",
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"recommended(?: (?:for you|stories|articles|reading))?", r"read (?:next|also)",
    "see also", "also (?:read|see|on .{1,30})", "further reading", "what to read next",
    r"most (?:popular|read|viewed|shared|emailed|commented)(?: (?:stories|articles|news))?",
    r"trending(?: now| stories| news)?", r"popular (?:stories|posts|articles|now)",
    r"(?:today'?s |this week'?s )?hot topics", "up next", r"next in (?:[a-z]+ )?(?:news|"
    r"business|sports|politics|technology|entertainment|science|health)",
    r"top stories", r"latest (?:news|stories|posts|articles)", "don'?t miss",
    rf"(?:{_N} )?comments?", r"comments: [0-9]+", "leave a (?:comment|reply)", "have your say",
    r"join the (?:discussion|conversation)", "add (?:a |your )?comment", "your comment",
    "tags?", "topics", "filed under", "categories", r"[0-9]+ responses? to .{1,80}",
)

# -- other languages: German, Spanish, French, Polish, Portuguese, Italian, Indonesian, Turkish,
# Dutch. What such sites print in general (one line per language, in that order); the rules
# below use them with the same anchoring and gates as the English ones. Singular "Kommentar",
# "commentaire", "komentarz", "yorum" are left out of the boundaries: they also label an
# opinion piece above its own text.
# A heading's named rest ("Mehr aus der Region"): not ending like a sentence.
_TAIL = r" [^!?]{0,39}[^.!?,;:]"
_INTL_READ_ALSO = (
    r"lesen sie (?:auch|dazu|hier)", "lies auch", "siehe auch",
    r"lee(?:r)? también", "lea también", "ver también",
    r"(?:à |a )?lire (?:aussi|également)", r"(?:à |a )?voir aussi",
    r"(?:czytaj|zobacz|przeczytaj) (?:też|także|również)",
    r"leia (?:também|mais)", r"veja (?:também|mais)",
    "leggi anche", "vedi anche",
    r"(?:baca|lihat|simak) (?:juga|pula)",
    r"(?:bunu|bunları) da okuyun", r"ayrıca (?:okuyun|bakınız)",
    "lees ook", "zie ook",
)
# Headings that also introduce a single linked headline ("Mehr zum Thema: …").
_INTL_READ_ALSO_TOO = (
    "mehr zum thema", "zum thema", "te puede interesar", "sur le même sujet", "polecamy",
    "saiba mais", "potrebbe interessarti", r"(?:berita|artikel) terkait",
    r"ilgili haber(?:ler)?", "ook interessant",
)
_INTL_RELATED = (
    rf"mehr zum thema(?:{_TAIL})?", rf"mehr (?:aus|von|zu|über){_TAIL}",
    r"weitere \S*(?:tipps|artikel|beiträge|berichte|nachrichten|meldungen|themen|news|rezepte|"
    r"videos|bilder|links|geschichten|ideen)(?: (?:in|im|aus|zu|zum|zur|für|von|vom|über|der|"
    r"des|rund um) [^.!?]{1,30})?",
    r"(?:ähnliche|verwandte|empfohlene|beliebte|neueste) (?:artikel|beiträge|themen|nachrichten|"
    r"inhalte|rezepte|posts|news)", r"empfehlungen(?: der redaktion)?",
    r"(?:das|dies|dieser artikel|das thema|diese themen) könnte(?:n)? (?:sie|dich) (?:auch |"
    r"ebenfalls )?interessieren", r"(?:auch|ebenfalls) interessant", r"passend zum thema",
    r"meist(?:gelesen|kommentiert|geklickt)e?(?: (?:artikel|beiträge|nachrichten))?",
    "top-themen", rf"(?:{_N} )?kommentare", "kommentieren", "leserkommentare",
    r"(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) (?:einen|deinen|ihren) kommentar",
    r"kommentar (?:schreiben|verfassen|abgeben)", r"schlagw[öo]rter", "schlagworte",
    r"stichw[öo]rter", "themen",
    r"(?:noticias|artículos|notas|temas|contenidos|entradas|publicaciones) relacionad[oa]s",
    r"relacionad[oa]s", "contenido relacionado",
    r"(?:también )?te (?:puede|podría|pueden|podrían) (?:interesar|gustar)",
    r"le (?:puede|podría) interesar", r"(?:quizás|quizá|tal vez) te (?:interese|guste)",
    r"lo más (?:leído|visto|popular|comentado)",
    r"(?:las |los )?más (?:leíd[oa]s|vist[oa]s|populares|comentad[oa]s)",
    rf"más (?:noticias|artículos|notas)(?: (?:de|sobre|en){_TAIL})?", "te recomendamos",
    r"recomendad[oa]s(?: para ti)?", rf"(?:{_N} )?comentarios",
    r"(?:deja|escribe|añade|agrega) (?:un|tu) comentario", "etiquetas", "temas",
    r"articles? (?:similaires|liés|connexes|associés|recommandés)",
    r"sur le même (?:sujet|thème)", r"dans la même (?:rubrique|catégorie)",
    r"vous (?:aimerez|pourriez aimer) (?:aussi|peut-être aussi|également)",
    r"ces articles (?:peuvent|pourraient) vous intéresser",
    r"(?:les )?(?:articles )?(?:les )?plus (?:lus|populaires|partagés|commentés)",
    rf"plus d'articles(?:{_TAIL})?", r"recommandés? pour vous", rf"(?:{_N} )?commentaires",
    r"(?:laisser|ajouter|écrire|poster) un commentaire", r"réagir(?: à cet article)?",
    r"mots[- ]clés", "étiquettes", "thèmes",
    "polecamy", r"polecane(?: artykuły| wpisy)?",
    r"(?:podobne|powiązane|polecane|najnowsze) (?:artykuły|wpisy|teksty|wiadomości|tematy)",
    r"najczęściej (?:czytane|komentowane|oglądane)", r"najpopularniejsze(?: artykuły)?",
    rf"więcej (?:na ten temat|o tym|artykułów|wiadomości|z kategorii{_TAIL}|z działu{_TAIL})",
    r"może (?:cię|was) (?:również |też |także )?zainteresować", "komentarze",
    rf"{_N} komentarz(?:e|y)?", "dodaj komentarz", "skomentuj", "tagi", "tematy",
    "słowa kluczowe",
    r"(?:notícias|artigos|matérias|posts|conteúdos|textos) relacionad[oa]s",
    r"(?:você )?(?:também )?pode (?:gostar|se interessar|te interessar|lhe interessar)",
    r"(?:as |os )?mais (?:lid[oa]s|vist[oa]s|populares|comentad[oa]s)",
    rf"mais (?:notícias|artigos|matérias)(?: (?:de|sobre|em){_TAIL})?",
    r"recomendad[oa]s para (?:você|ti)", rf"(?:{_N} )?comentários",
    r"(?:deixe|escreva|adicione) (?:um|o seu|seu|a sua|sua) comentário", "assuntos", "tópicos",
    r"(?:articoli|notizie|post|contenuti) correlat[ie]", r"correlat[ie]",
    r"(?:ti )?potrebbe(?:ro)? (?:anche )?interessar(?:ti|e)(?: anche)?",
    r"(?:i |gli )?(?:articoli )?più (?:letti|visti|popolari|commentati)",
    rf"altri articoli(?:{_TAIL})?", rf"altre notizie(?:{_TAIL})?", "dello stesso autore",
    r"consigliati(?: per te)?", rf"(?:{_N} )?commenti", r"(?:lascia|scrivi|aggiungi) un commento",
    "argomenti", "parole chiave",
    r"(?:berita|artikel|tulisan|konten|topik) terkait", r"(?:berita|artikel) lainnya",
    r"rekomendasi(?: untuk anda| untukmu)?", "terpopuler", r"berita (?:populer|pilihan)",
    "pilihan editor", rf"(?:{_N} )?komentar", r"(?:tulis|berikan|tinggalkan) komentar", "topik",
    "kata kunci",
    r"(?:ilgili|benzer) (?:haberler|içerikler|yazılar|konular)",
    r"(?:bunlar(?:ı)? da )?ilginizi çekebilir", r"(?:daha fazla|diğer) (?:haberler|yazılar)",
    r"(?:en )?çok (?:okunan|izlenen|yorumlanan)(?:lar)?", "yorumlar", rf"{_N} yorum",
    r"yorum (?:yap|yaz)", "etiketler", r"önerilen(?: haberler| içerikler)?",
    "sizin için seçtiklerimiz",
    r"gerelateerde (?:artikelen|berichten|items)", "gerelateerd",
    r"(?:dit )?(?:vind je|vindt u) misschien ook (?:leuk|interessant)", "ook interessant",
    rf"meer (?:over|nieuws over){_TAIL}", r"meer (?:nieuws|artikelen|berichten)",
    r"meest (?:gelezen|bekeken|gedeeld)", r"populaire (?:artikelen|berichten)",
    r"aanbevolen(?: artikelen| voor jou)?", rf"(?:{_N} )?reacties", "reageer",
    r"(?:plaats|schrijf) een reactie", "laat een reactie achter", "trefwoorden", "onderwerpen",
)
_INTL_SHARE_WORDS = (
    "teilen", "teilen auf", "artikel teilen", "jetzt teilen", "beitrag teilen", "drucken",
    "pinnen", "twittern", "mailen", "per e-mail", "e-mail", "merken", "link kopieren",
    "versenden",
    "compartir", "compartir en", "imprimir", "enviar", "enviar por correo", "comentar",
    "copiar enlace", "tuitear", "guardar",
    "partager", "partager sur", "imprimer", "envoyer", "envoyer par e-mail", "commenter",
    "copier le lien", "tweeter", "enregistrer",
    "udostępnij", "udostępnij na", "drukuj", "wydrukuj", "wyślij", "skomentuj", "kopiuj link",
    "tweetnij",
    "skopiuj link", "podziel się",
    "compartilhar", "compartilhe", "partilhar", "partilhe", "copiar link", "salvar",
    "condividi", "condividi su", "stampa", "invia", "commenta", "copia link", "copia il link",
    "salva",
    "bagikan", "bagikan ke", "cetak", "salin tautan", "salin link",
    "paylaş", "haberi paylaş", "yazdır", "linki kopyala", "bağlantıyı kopyala", "yorum yap",
    "delen", "delen op", "deel dit artikel", "printen", "afdrukken", r"link kopi[eë]ren",
    "opslaan", "reageren",
    "facebook", "twitter", "whatsapp", "telegram", "pinterest", "linkedin", "xing", "email",
    "flipboard", "messenger", "reddit",
)
_INTL_FOLLOW = (
    r"(?:folgen sie|folge|folgt) uns\b", r"(?:abonnieren sie|abonniere|abonniert) (?:unseren|"
    r"unsere|unser|den|jetzt)\b", r"jetzt (?:kostenlos )?(?:abonnieren|registrieren)\b",
    r"(?:melden sie sich|melde dich) (?:jetzt )?(?:für|zu|zum) (?:unseren|unsere|den|dem) "
    r"newsletter", r"newsletter (?:abonnieren|bestellen)\b",
    r"erhalte(?:n sie)? (?:updates|benachrichtigungen|push-nachrichten|eilmeldungen) "
    r"(?:direkt )?(?:auf|aufs|per)\b",
    r"(?:teilen sie|teile|teilt) (?:diesen|den|dieses|unseren) (?:artikel|beitrag|post)",
    r"s[ií]g[uú]e?nos (?:en|a través de|por)\b", r"s[ií]guen? a .{1,30} en (?:twitter|"
    r"facebook|instagram|telegram|tiktok|youtube|whatsapp|google news)\b",
    r"suscr[ií]b(?:ete|ase) (?:a|al|gratis|ahora)\b",
    r"[uú]n(?:ete|ase) a (?:nuestro|nuestra) (?:canal|grupo|comunidad|bolet[ií]n|newsletter)",
    r"comparte (?:este|esta) (?:art[ií]culo|nota|noticia)",
    r"recibe (?:las|nuestras|todas las) (?:noticias|novedades|actualizaciones)",
    r"suivez[- ]nous\b", r"abonnez[- ]vous\b",
    r"inscrivez[- ]vous (?:à|a) (?:notre|la|nos) (?:newsletter|lettre)",
    r"rejoignez[- ]nous sur\b", r"partagez (?:cet|l')\s?article",
    r"recevez (?:notre|nos|la) (?:newsletter|lettre|alertes)",
    r"(?:obserwuj|śledź|polub) nas\b", r"dołącz do nas na\b",
    r"zapraszamy (?:też |także |również )?do (?:subskrypcji|obserwowania|śledzenia|polubienia)",
    r"zapisz się (?:do|na) (?:newslett|nasz|bezpłatn)", r"subskrybuj\b",
    r"udostępnij (?:ten )?artykuł",
    r"siga[- ]nos\b", r"inscreva[- ]se (?:em|no|na|para)\b",
    r"assine (?:a nossa|o nosso|nossa|nosso) (?:newsletter|canal)",
    r"receba (?:as|nossas|todas as) (?:notícias|novidades|atualizações)",
    r"(?:compartilhe|partilhe) (?:este|esta|esse|essa) (?:artigo|matéria|notícia|texto)",
    r"(?:entre|participe) (?:no|do) (?:nosso )?(?:canal|grupo)\b",
    r"seguici\b", r"iscriviti (?:alla|al|alle|ai|gratis)\b",
    r"condividi (?:questo|l')\s?articolo", r"resta aggiornato\b",
    r"unisciti al (?:nostro )?canale",
    r"ikuti (?:kami|akun|channel|saluran)\b",
    r"(?:ikuti|simak|dapatkan) (?:berita|breaking news|update|informasi)[^.]{0,80} "
    r"(?:di|melalui|lewat) (?:google news|whatsapp|telegram|ponsel)",
    r"gabung(?:lah)? (?:di|ke|dengan) (?:channel|grup|saluran|kanal)",
    r"berlangganan (?:newsletter|gratis|sekarang)", r"bagikan (?:artikel|berita) ini",
    r"bizi (?:\S+ ){0,3}takip edin", r"(?:bültenimize|kanalımıza|youtube kanalımıza) abone olun?",
    r"abone ol(?:un)?\b", r"(?:bu )?haberi paylaşın", r"whatsapp kanalımıza katılın",
    r"volg ons\b", r"abonneer (?:je|u) op\b",
    r"(?:schrijf|meld) (?:je|u) (?:nu )?(?:in|aan) voor (?:onze|de) nieuwsbrief",
    r"deel dit (?:artikel|bericht)",
)
_INTL_LOGIN = (
    r"(?:sie müssen|du musst) (?:sich |dich )?(?:einloggen|anmelden|angemeldet sein|"
    r"eingeloggt sein|registriert sein)", r"bitte (?:melden sie sich an|loggen sie sich ein|"
    r"einloggen|anmelden),? um", r"(?:melden sie sich|melde dich|loggen sie sich|logge dich) "
    r"(?:an|ein),? um\b", r"(?:zum|um zu) kommentieren (?:bitte )?(?:anmelden|einloggen)",
    r"(?:debes|debe|tienes que|tiene que) (?:estar (?:conectado|registrado|identificado)|"
    r"iniciar sesión|identificarte|registrarte)", r"(?:inicia|inicie) sesión (?:para|y)\b",
    r"vous devez (?:être connecté|vous connecter|être inscrit|être identifié)",
    r"(?:connectez|identifiez)[- ]vous pour\b",
    r"musisz (?:się )?(?:zalogować|być zalogowany)", r"zaloguj się,? (?:aby|by|żeby)\b",
    r"(?:você precisa|é necessário|é preciso|tem de|tens de) (?:fazer (?:o )?login|estar "
    r"(?:logado|conectado)|iniciar (?:a )?sessão)", r"faça (?:o )?login para\b",
    r"devi (?:essere (?:connesso|registrato|loggato)|effettuare il login|accedere)",
    r"(?:accedi|effettua il login|registrati) per (?:commentare|inviare|lasciare)\b",
    r"(?:anda|kamu) harus (?:masuk|login|log in)\b", r"silakan (?:masuk|login|log in)\b",
    r"(?:masuk|login) untuk (?:berkomentar|mengirim|memberikan)\b",
    r"yorum (?:yapabilmek|yapmak|yazmak|yazabilmek) için (?:giriş|oturum|üye)",
    r"(?:je|u) moet (?:ingelogd|inloggen|aangemeld)", r"(?:log in|meld je aan) om\b",
)
_INTL_RATING = (
    r"wie (?:bewerten sie|bewertest du|gefällt (?:ihnen|dir)) (?:diesen|dieser|dieses|den|der|"
    r"das) (?:artikel|beitrag|text|rezept|seite)",
    r"(?:war|ist) (?:dieser|der|dieses|diese) (?:artikel|beitrag|text|seite) hilfreich",
    r"(?:hat|gefällt) (?:ihnen|dir) (?:dieser|der) (?:artikel|beitrag)(?: gefallen)?",
    r"(?:artikel|beitrag|rezept) bewerten",
    r"bewerten sie (?:diesen|den) (?:artikel|beitrag)",
    r"¿?(?:te|le) (?:ha )?(?:resultado|parecido|sido) útil (?:este|esta) (?:artículo|nota|"
    r"información|contenido)", r"¿?(?:te|le) gust[óo] (?:este|esta) (?:artículo|nota|noticia)",
    r"¿?qué te (?:ha )?parec(?:ió|e) (?:este|esta) (?:artículo|nota|noticia)",
    r"(?:valora|califica|puntúa) (?:este|esta) (?:artículo|nota|contenido)",
    r"cet article vous a[- ]t[-' ]il (?:été utile|plu)", r"avez[- ]vous aimé cet article",
    r"qu'avez[- ]vous pensé de cet article", r"(?:notez|évaluez) cet article",
    r"oceń (?:ten )?(?:artykuł|tekst|wpis)",
    r"czy (?:ten )?(?:artykuł|tekst|wpis) (?:był|jest) (?:pomocny|przydatny)",
    r"jak oceniasz (?:ten )?(?:artykuł|tekst)", r"(?:spodobał|podobał) ci się (?:ten )?artykuł",
    r"(?:avalie|classifique) (?:este|esta|esse) (?:artigo|matéria|conteúdo|texto)",
    r"(?:este|esse) (?:artigo|conteúdo|texto) (?:foi|é) útil",
    r"gostou (?:deste|desse|da) (?:artigo|matéria|conteúdo|texto)",
    r"o que (?:você )?achou (?:deste|desse|da) (?:artigo|matéria|conteúdo)",
    r"(?:valuta|vota) (?:questo|l')\s?articolo", r"ti è piaciuto (?:questo|l')\s?articolo",
    r"(?:questo|l')\s?articolo ti è stato utile",
    r"bagaimana (?:reaksi|perasaan|tanggapan) ?(?:anda|kamu|mu)? (?:tentang|terhadap|setelah "
    r"membaca|membaca) (?:artikel|berita|tulisan) ini",
    r"apakah (?:artikel|berita|tulisan) ini (?:bermanfaat|membantu)",
    r"beri (?:nilai|rating) (?:artikel|berita) ini",
    r"bu (?:haberi|yazıyı|içeriği|makaleyi) (?:nasıl buldunuz|beğendiniz mi|değerlendirin)",
    r"bu habere (?:tepkiniz|ne tepki verdiniz)",
    r"(?:beoordeel|waardeer) dit artikel",
    r"(?:was|vond je|vindt u) dit artikel (?:nuttig|handig|interessant)",
    r"wat vond je van dit artikel",
)
_INTL_CATEGORY = (
    r"kategorien?", r"rubriken?", "ressort", "abgelegt unter", r"veröffentlicht (?:in|unter)",
    r"categor[ií]as?", r"secci[oó]n", "archivado en",
    r"cat[ée]gories?", r"rubriques?", r"class[ée] dans", r"publi[ée] dans",
    r"kategori[ae]", r"działy?",
    r"se[cç][aã]o", "editoria", "arquivado em",
    r"categori[ae]", "sezione", "rubrica", "archiviato in",
    "kategori", "rubrik",
    "kategoriler",
    r"categorie(?:ën)?", "rubriek", "gearchiveerd onder",
)
# Press-contact headings over the name, phone and e-mail of a press office.
_PRESS_CONTACT = (
    r"(?:presse|medien)kontakte?", r"kontakt für (?:die )?(?:presse|medien)",
    r"(?:presse|medien)anfragen",
    r"contactos? (?:de|para) (?:prensa|medios)", r"contacto con (?:los )?medios",
    r"contacts? (?:presse|médias)", "relations presse",
    r"kontakt(?:y)? dla (?:mediów|prasy)",
    r"contatos? (?:para|de|com a) (?:imprensa|mídia)", "assessoria de imprensa",
    r"contatt[oi] (?:stampa|per la stampa)",
    r"kontak (?:media|pers)", r"basın (?:iletişim|irtibat)",
    r"perscontact(?:en)?",
    r"(?:press|media) (?:contacts?|enquiries|inquiries)",
)
# Headings of the author's bio box after the article ("Über den Autor", "Sobre el autor").
_AUTHOR_BOX = (
    r"über (?:den autor|die autorin|die autoren|die autorinnen|mich)", r"zu[mr] autor(?:in)?",
    r"(?:sobre|acerca de) (?:el|la|los) autor(?:a|es)?", r"acerca del autor",
    r"à propos de l'auteur(?:e)?", r"(?:à propos des|les) auteurs",
    r"o autor(?:ze|ce|ach)",
    r"sobre (?:o|a|os) autor(?:a|es)?",
    r"(?:l'autore|sull'autore|l'autrice|gli autori)",
    r"tentang (?:penulis|pengarang)", r"yazar hakkında",
    r"over de auteur(?:s)?",
)
# Membership calls ("Werden Sie Mitglied", "Hazte miembro"): a whole short line.
_INTL_MEMBER = (
    r"(?:werden sie|werde|werdet) (?:jetzt |heute )?\S*mitglied",
    r"(?:hazte|h[áa]gase|hágate) (?:miembro|socio|suscriptor)",
    r"devenez (?:membre|abonné)", r"zostań (?:członkiem|patronem|subskrybentem)",
    r"torne-se (?:membro|assinante|sócio)", r"diventa (?:membro|socio|abbonato)",
    r"(?:jadi|jadilah|menjadi) (?:anggota|member|pelanggan)", r"(?:üye|abone) ol(?:un)?",
    r"word (?:lid|abonnee)", r"become a (?:member|subscriber|supporter)",
)
# Exclusive-offer promises that end a promo line ("… und erhalten Sie exklusive Angebote!").
_INTL_OFFER = (
    r"(?:erhalten sie|erhalte|sichern sie sich|sichere dir) (?:\S+ )?exklusive \S+",
    r"(?:disfruta de|recibe|obtén|accede a) (?:\S+ )?(?:beneficios|ofertas|descuentos|"
    r"contenidos|ventajas) exclusiv[oa]s",
    r"(?:profitez d'|recevez des |bénéficiez d')(?:offres|avantages|contenus) exclusi(?:ves|fs)",
    r"(?:receba|aproveite) (?:\S+ )?(?:ofertas|benefícios|vantagens|conteúdos) exclusiv[oa]s",
    r"(?:ricevi|approfitta di) (?:\S+ )?(?:offerte|vantaggi|contenuti) esclusiv[ie]",
)
# Support appeals of reader-funded sites ("Unterstütze unser Magazin", "Apoya nuestro
# periodismo"): the verb and what it asks support for open the line.
_INTL_SUPPORT = (
    r"(?:unterstütze|unterstützen sie|unterstützt) (?:uns|unser(?:e|en)? (?:arbeit|magazin|"
    r"journalismus|redaktion|projekt|blog))\b",
    r"(?:gefällt|gefallen) (?:dir|ihnen|euch) unser\S* \S+\? .{0,300}(?:paywall|"
    r"bezahlschranke|unterstütz|spende|abo)",
    r"(?:apoya|apoye|apóyanos|apóyenos)(?: a)? (?:nuestro|el|nuestra) (?:periodismo|trabajo|"
    r"labor)", r"(?:apóyanos|apóyenos)\b",
    r"soutenez[- ]nous\b", r"soutenez (?:notre|le|un) (?:journalisme|travail|média)",
    r"wesprzyj (?:nas|naszą (?:pracę|redakcję)|niezależne dziennikarstwo)\b",
    r"apoie (?:o nosso|nosso|o) (?:jornalismo|trabalho)", r"sostienici\b",
    r"sostieni (?:il nostro |questo )?(?:giornalismo|lavoro|progetto)",
    r"dukung (?:kami|jurnalisme)\b", r"bize destek ol(?:un)?\b",
    r"steun (?:ons|onze journalistiek)\b",
)
# "Continues below the ad" markers between two halves of an article.
_INTL_CONTINUE = (
    r"(?:der )?(?:artikel|text|beitrag) (?:geht|wird) (?:unter|nach) (?:der|dieser) (?:anzeige|"
    r"werbung) (?:weiter|fortgesetzt)", r"weiterlesen (?:nach|unter) der (?:anzeige|werbung)",
    r"(?:la )?(?:noticia|nota|artículo) (?:continúa|sigue) (?:abajo|debajo|después de la "
    r"publicidad)", r"contin[úu]a (?:después de|tras) (?:la )?publicidad",
    r"(?:la suite de l'article|l'article continue|la suite) (?:après|sous) (?:cette |la )?"
    r"publicité", r"(?:o )?(?:texto|artigo|conteúdo) continua (?:após|depois d[ao]|abaixo d[ao]) "
    r"(?:a )?(?:publicidade|anúncio)", r"continua (?:após|depois d[ao]) (?:a )?publicidade",
    r"(?:l'articolo |il testo )?continua (?:dopo|sotto) (?:la pubblicità|l'annuncio|la pubblicita)",
    r"dalsza część (?:artykułu|tekstu|materiału) (?:pod|poniżej) (?:reklamą|materiałem wideo|"
    r"wideo)", r"(?:artikel|berita) berlanjut (?:di bawah|setelah) (?:iklan|ini)",
    r"lanjut(?:kan)? (?:membaca|baca) (?:di bawah|ke bawah)",
    r"(?:içeriğin|haberin|yazının|makalenin) devamı (?:aşağıda|reklamdan sonra)",
    r"(?:het )?artikel gaat (?:verder )?(?:onder|na) de advertentie(?: verder)?",
    r"lees verder (?:onder|na) de advertentie",
)
# Labels of an embedded video's title ("ZOBACZ WIDEO: …", "VÍDEO: …").
_INTL_VIDEO = (
    r"zobacz (?:też )?(?:wideo|film)", r"(?:video|videos) ansehen", r"(?:mira|ver) (?:el )?vídeo",
    r"voir (?:la )?vidéo", r"(?:assista|veja) (?:ao |o )?vídeo", r"guarda (?:il )?video",
    r"(?:tonton|saksikan) video", r"video(?:yu)? izle", r"bekijk (?:de )?video",
)
# Opinion-piece disclaimers ("Este texto não reflete necessariamente a opinião do …").
_INTL_DISCLAIMER = (
    r"(?:dieser |der )?(?:beitrag|artikel|text|kommentar) gibt (?:nicht )?(?:zwingend |"
    r"notwendigerweise |unbedingt )?die meinung",
    r"(?:este |el )?(?:texto|artículo|contenido) no refleja(?:, )? ?necesariamente",
    r"las opiniones (?:expresadas|vertidas) (?:en (?:este|esta) \S+ )?son (?:de )?(?:exclusiva )?"
    r"responsabilidad",
    r"(?:cet article|ce texte|les propos|cette tribune) n'engage(?:nt)? que",
    r"(?:este |o )?(?:texto|artigo|conteúdo) não reflete(?:, )? ?necessariamente",
    r"(?:artykuł|tekst|felieton) (?:wyraża|prezentuje) (?:wyłącznie |jedynie )?(?:opinię|poglądy) "
    r"autora",
    r"le opinioni espresse (?:in (?:questo|quest')\s?\S+ )?(?:sono|non)",
    r"(?:tulisan|artikel) ini (?:adalah|merupakan|sepenuhnya) tanggung ?jawab penulis",
    r"isi (?:tulisan|artikel) (?:di luar|bukan|menjadi) tanggung ?jawab",
    r"(?:yazılardaki|makaledeki|yazıdaki|köşe yazılarındaki) (?:görüş|fikir)(?:ler)? "
    r"yazar(?:ların|ın|ına|larına)",
    r"(?:dit artikel|deze column|de inhoud) (?:weerspiegelt|geeft) niet "
    r"(?:noodzakelijk(?:erwijs)? )?de mening",
)
# Pointers to the site's own article on the subject ("…, erklären wir in unserem Beitrag
# <title>"): the verb, "in our article" and the linked title close the line.
_INTL_POINTER = (
    r"(?:erklären|zeigen|beschreiben|erläutern) wir (?:ihnen |dir |euch )?(?:ausführlich |"
    r"genauer |ausführlicher )?in unserem (?:beitrag|artikel|ratgeber|text|überblick|test)",
    r"(?:lesen sie|liest du|erfahren sie|erfährst du) (?:mehr |alles )?(?:dazu |darüber )?"
    r"(?:hierzu )?in unserem (?:beitrag|artikel|ratgeber|text|überblick|test)",
)
# "More information at <address>" lines: the phrase, then only a web address.
_INTL_MORE_INFO = (
    r"(?:weitere|mehr) info(?:s|rmationen)?(?: gibt es| finden sie| findest du)?"
    r"(?: (?:unter|auf|bei|im internet unter))?",
    r"más información(?: en| aquí)?", r"(?:plus d'infos?|plus d'informations?|infos?)"
    r"(?: sur| à l'adresse)?", r"więcej informacji(?: na| pod adresem)?",
    r"mais informações(?: em| no site)?", r"(?:maggiori|ulteriori|altre) informazioni"
    r"(?: su| sul sito)?", r"informasi (?:lebih lanjut|selengkapnya)(?: di| kunjungi)?",
    r"(?:daha fazla|detaylı) bilgi(?: için)?", r"meer (?:info|informatie)(?: op| via)?",
)
# Reading-time labels ("Lesezeit: 3 Minuten", "3 min read"): the label and a number of minutes.
_READING_TIME = (
    r"(?:estimated )?reading time", "lesezeit", r"(?:tiempo|tempo) de (?:lectura|leitura)",
    "temps de lecture", "czas (?:czytania|lektury)", "tempo di lettura",
    r"(?:waktu|lama) (?:baca|membaca)", r"(?:tahmini )?okuma süresi", "leestijd",
)
_MINUTES = (r"(?:min(?:s|\.|utes?|uten|utos?|uti|ut|uty)?|dakika|menit|minuut|minuten)")
# Singular source labels only: "Quellen:", "Sources :" head the list of works an article
# cites, which is body.
_LABELS_ALONE = (
    "quelle", r"autor(?:en|in|innen)?", "text", "redaktion", "foto", "bild",
    "fuente", r"autor(?:es|a)", "redacción",
    "source", r"auteur(?:e|s)?", "rédaction",
    "źródło", "autorzy", "redakcja",
    "fonte", "redação",
    r"autor[ei]", "redazione",
    "sumber", "penulis", "redaksi",
    "kaynak", r"yazar(?:lar)?",
    "bron", "redactie",
)


# -- footer: licences, copyright, disclaimers, link bars ---------------------------------------

ZH_FOOTER: tuple[Rule, ...] = (
    _zh(
        "zh.footer.icp",
        _has(300, r"ICP\s*[证證备備]\s*[:：]?\s*[A-Z0-9-]{0,4}[0-9]{5,}"),
        "ICP licence numbers (京ICP证…号/京ICP备…号) occur only in site footers; the digits after "
        "证/备 keep a sentence that merely names an ICP licence from matching.",
        examples=("沪ICP备12345678号", "京ICP证012345号",
                  "[京ICP备12345678号-1] 总机：010-12345678"),
        near_misses=("该公司已经取得了ICP证，并计划明年上市。",),
        needles=("icp",),
    ),
    _zh(
        "zh.footer.psb",
        _has(300, r"公网安备\s*[:：]?\s*[0-9]{6,}"),
        "公网安备 registration numbers are footer-only; anchored on the number, not the word.",
        examples=("沪公网安备31010102000001号", "京公网安备11010502000001号"),
        near_misses=("据介绍，公网安备编号由公安机关统一分配。",),
        needles=("公网安备",),
    ),
    _zh(
        "zh.footer.licence",
        _has(200, r"许可证(?:编号|号)?\s*[:：(（\[]\s*[A-Z" + HAN
                  + r"]{0,3}[0-9A-Z-]{0,4}[0-9]{5,}"),
        "licence numbers (视听节目许可证(0106168), 经营许可证：京B2-…) written as label plus code; "
        "a sentence about a licence has no code right after the word.",
        examples=("信息网络传播视听节目许可证(0912345)", "网上传播视听节目许可证(0123456)",
                  "增值电信业务经营许可证：京B2-20201234"),
        near_misses=("该公司的许可证已经被吊销。",),
        needles=("许可证",),
    ),
    _zh(
        "zh.footer.copyright",
        _opens(120, r"[^。？！]*?版权所有(?![者人方权的])"),
        "'…版权所有' footer lines: short, no sentence end before it, and not 版权所有者/"
        "版权所有的, which body prose about copyright uses.",
        examples=("某某新闻网 版权所有", "某某网 版权所有", "版权所有：某某新闻中心"),
        near_misses=("法院认为，被告侵犯了原告的版权，版权所有者有权索赔。",
                     "这幅作品的版权所有人是一家出版社。"),
        needles=("版权所有",),
    ),
    _zh(
        "zh.footer.disclaimer",
        _opens(300, r"[【\[(（]?\s*(?:免责声明|特别声明|郑重声明|版权声明)\s*[】\])）]?\s*[:：]"),
        "a line that opens with a 免责声明/特别声明 label is a site disclaimer box.",
        examples=("免责声明：本页内容仅供参考。", "免责声明：本文内容仅供参考，不构成投资建议。",
                  "【特别声明】：以上内容来自用户上传"),
        near_misses=("【新华社电】国务院常务会议今日召开。", "免责声明的效力取决于具体条款。"),
    ),
    _zh(
        "zh.footer.not_our_view",
        _opens(200, r"本(?:网站?|站|平台|报|刊)[^。]{0,40}(?:不代表|并不代表|不表明|并不表明)"),
        "'本网站所刊载信息，不代表…观点': the site speaking of itself (本网/本站) at line start; "
        "a report that someone's words do not represent a view does not open with 本网.",
        examples=("本网站转载的信息不代表本站观点。", "本网站所刊载信息，不代表本站观点。"),
        near_misses=("这一言论不代表政府立场，外交部发言人表示。",),
    ),
    _zh(
        "zh.footer.reprint_purpose",
        _has(200, r"(?:转载|转自)[^。]{0,30}(?:目的在于|旨在|只为|是为了?)传递更多信息|"
                  r"并不(?:代表|意味着)本(?:网|站|平台|号)(?:赞同|同意|认同)"),
        "the reprint notice '转载目的在于传递更多信息，并不代表本网赞同其观点': the site's "
        "stock disclaimer under reposted articles, whatever label opens it.",
        examples=("声明：本文转自其他媒体，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。",
                  "声明：本文转自其他媒体，转载目的在于传递更多信息，并不代表本网赞同其观点。",
                  "（注：本文系转载，并不代表本站赞同其观点和对其真实性负责）"),
        near_misses=("专家表示，这些信息被大量转发，目的在于传递更多信息给偏远地区的群众。",
                     "公司强调，合作并不代表本公司赞同对方的所有做法。"),
        needles=("传递更多信息", "并不代表本", "并不意味着本"),
    ),
    _zh(
        "zh.footer.rights_contact",
        _has(150, r"如(?:有|涉及)侵权[^。]{0,10}(?:联系|告知|通知)(?:我们|本站|本网|小编|删除)|"
                  r"请(?:作者|权利人|版权方)?(?:与|和)本(?:站|网|平台)联系"),
        "'如有侵权请联系删除' / '请作者与本站联系索取稿酬': the site's notice to rights holders; "
        "a report about infringement names no 本站 and asks no one to write in.",
        examples=("本站部分图片来源于网络，如有侵权请联系删除。",
                  "特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。"),
        near_misses=("律师表示，如有侵权行为，当事人可以向法院起诉。",),
        needles=("侵权", "本站", "本网", "本平台"),
    ),
    _zh(
        "zh.footer.tipoff",
        _opens(80, r"[【\[(（]?\s*(?:投稿|爆料|新闻)(?:邮箱|信箱|热线|电话)\s*[:：]"),
        "'投稿邮箱：…' / '新闻热线：…': the newsroom's contact line; labelled, at line start.",
        examples=("投稿邮箱：news@example.com", "【新闻热线：010-12345678】"),
        near_misses=("新闻热线的开通方便了市民反映问题。",),
    ),
    _zh(
        "zh.footer.comment_view",
        _has(80, r"(?:评论|留言|跟贴)(?![员家])[^。，,]{0,6}仅(?:供其表达|代表)[^。]{0,10}"
                 r"(?:个人|网友|本人)"),
        "comment-box notice that comments only represent the commenter; short lines only, and "
        "the notice is one clause (a 评论员 who says something 仅代表个人 is reported speech).",
        examples=("网友评论仅代表其个人看法。", "网友评论仅供其表达个人看法，并不表明本站立场。"),
        near_misses=("他在评论中表示，这些数据仅供参考。", "评论员认为，这仅代表个人看法。"),
        needles=("仅",),
    ),
    _zh(
        "zh.footer.author_view",
        _opens(60, r"[(（]?\s*(?:本文|文章|此文|以上内容)?(?:观点)?仅代表作者"),
        "'本文仅代表作者个人观点' column notice; opens the line and the line is short.",
        examples=("本文仅代表作者本人观点。", "本文仅代表作者个人观点。"),
        near_misses=("这篇文章仅代表作者的一家之言吗？读者问。",),
    ),
    _zh(
        "zh.footer.no_reprint",
        _opens(
            200,
            r"[(（【\[]?\s*(?:本文|本站|本网|本报|本刊|本号|文章|凡本网|凡注明)"
            r"(?:(?!记者|讯|获悉|了解到|报道|评论员|认为|表示)[^。]){0,40}"
            r"(?:未经[^。]{0,12}(?:不得|禁止|严禁|请勿)|禁止|严禁|谢绝)[^。]{0,8}"
            r"(?:转载|转贴|复制|摘编)",
        ),
        "reprint notice in the site's own voice (本文/本站…未经…不得转载) at line start; a "
        "report that opens with 本报记者/本报讯 and tells of such a rule is not one.",
        examples=("本站原创内容，未经许可不得转载。", "本文为本站原创，未经允许不得转载。"),
        near_misses=("这家网站规定，未注明出处的文章一律禁止转载。",
                     "本报记者获悉，该网站禁止转载的规定已于上月取消。"),
    ),
    _zh(
        "zh.footer.unauthorised",
        _opens(200, r"[(（【\[]?\s*未经[^。]{0,12}(?:不得|禁止|严禁|请勿)[^。]{0,8}"
                    r"(?:转载|转贴|复制|摘编|镜像|使用)"),
        "'未经授权禁止转载…' opening a line; mid-sentence mentions in a report are not anchored.",
        examples=("未经书面授权不得转载。", "未经授权禁止转载、摘编、复制及建立镜像。"),
        near_misses=("他说，未经授权不得转载他人作品是行业共识。",),
    ),
    _zh(
        "zh.footer.reprint_credit",
        _opens(150, r"(?:[^。，,]{0,12}[，,])?\s*(?:转载|转发)请(?:务必)?(?:注明|保留)"),
        "'转载请注明出处/转发请注明本文链接' within the first clause of a line.",
        examples=("转载请注明出处", "欢迎分享，转发请注明本文链接"),
        near_misses=("他说转载请注明出处是基本的职业道德。",),
        needles=("转载请", "转发请"),
    ),
    _zh(
        "zh.footer.link_bar",
        _bar(300, _ZH_FOOTER_LINK_WORDS, _ZH_SEP),
        "'关于我们 | 联系我们 | 广告服务 …': a line made of nothing but footer link words.",
        examples=("关于我们 | 联系我们 | 网站地图", "关于我们 | 联系我们 | 广告服务 | 网站地图",
                  "| 留言反馈"),
        near_misses=("关于我们的未来，他并没有多说什么。",),
    ),
    _zh(
        "zh.footer.link_list",
        _has(300, rf"(?:{_ZH_LINKS})\s*[|｜]\s*(?:{_ZH_LINKS})"),
        "two footer link words side by side, separated by '|', in a longer footer line; "
        "prose never writes words with '|' between them.",
        examples=("某某新闻网 2020 关于我们 | 隐私政策 | 加入我们",
                  "© 2001-2020 某某公司 关于本站 | 隐私政策 | 服务协议 | 加入我们"),
        near_misses=("用户可以点击关于我们页面了解公司简介。",),
        needles=("|", "｜"),
    ),
)

GENERIC_FOOTER: tuple[Rule, ...] = (
    Rule(
        "generic.footer.affiliate",
        _opens(300, r"this (?:article|post|page|story|review) (?:may )?contains? (?:affiliate )?"
                    r"links\b|(?:este|el) (?:artículo|post) contiene enlaces de afiliad[oa]s\b|"
                    r"cet article contient des liens (?:d'affiliation|affiliés)\b|(?:este|o) "
                    r"(?:artigo|post) contém links de afiliad[oa]s\b|(?:questo|l')\s?articolo "
                    r"contiene link (?:di )?affiliazione\b"),
        "affiliate-link disclosures ('This article may contain links to online retail "
        "stores…', 'Este artículo contiene enlaces de afiliados'; the German ones are ad "
        "disclosures, intl.ad.disclosure): the site's legal note, opening the line.",
        examples=("This article may contain links to online retail stores. If you buy, we "
                  "may receive a small commission.",
                  "Este artículo contiene enlaces de afiliados.",
                  "Cet article contient des liens d'affiliation."),
        near_misses=("This article contains a correction to an earlier report.",),
    ),
    Rule(
        "generic.footer.commission",
        # a scanner: the site's own name may open the line, so the commission is what every
        # match holds
        _has(300, r"^(?:we|\S+(?: \S+){0,2}) may (?:earn|receive|get) an? (?:small )?"
                  r"(?:affiliate commission|commission\b[^.]{0,80}\b(?:links?|purchases?|buy|"
                  r"click))"),
        "'We may earn a commission when you buy through links …' / '<Site> may earn an "
        "Affiliate Commission if you purchase something …': the affiliate note, opening the "
        "line, with the purchase or the links it is about.",
        examples=("We may earn a commission when you buy through links on our site.",
                  "Example Corp may earn an Affiliate Commission if you purchase something "
                  "through links in this article."),
        near_misses=("We may earn more next year, the chief executive said.",
                     "Agents may earn a commission of 3 percent, the regulator ruled."),
        needles=("commission",),
    ),
    Rule(
        "generic.footer.copyright",
        _has(300, r"(?:(?<![a-z])©|\(c\)|&copy;|copyright\s*(?:©|\(c\))?)\s*(?:[a-z" + HAN
                  + r"]\S{0,40}\s*)?(?:[0-9]{4}|all rights?)"),
        "copyright notices carry ©/(c)/Copyright next to a year or 'all rights'; "
        "'copyright' alone in a sentence does not, nor a © glued to a product's name.",
        examples=("© 2020 Riverside Gazette", "Copyright © 2001-2020 Example Media",
                  "© 2020 Some Company Inc.", "Copyright©2019 Example Media"),
        near_misses=("The company said its copyright claims were rejected by the court.",
                     "The new model topped the BenchMark©2019 results, ahead of every rival."),
        needles=("©", "(c)", "copyright", "&copy;"),
    ),
    Rule(
        "generic.footer.rights_reserved",
        _has(300, r"\ball rights? reserved\b"),
        "'All Rights Reserved' is footer boilerplate; the length limit keeps body paragraphs out.",
        examples=("Riverside Gazette. All rights reserved.",
                  "Example Media Group. All rights reserved."),
        near_misses=("The company reserved all rights to appeal the ruling.",),
        needles=("reserved",),
    ),
    Rule(
        "generic.footer.no_reproduce",
        _opens(200, r"this (?:material|article|content|story) may not be (?:published|reproduced|"
                    r"redistributed|broadcast|rewritten)"),
        "wire-service reuse notice opening a line.",
        examples=("This material may not be published, broadcast or redistributed.",
                  "This material may not be published or redistributed."),
        near_misses=("This article may not be the last word on the subject.",),
    ),
    Rule(
        "generic.footer.link_bar",
        rf"^(?=.{{0,300}}$){_EN_SEP}*(?:{_alt(_EN_FOOTER_LINK_WORDS)})"
        rf"(?:{_EN_SEP}+(?:{_alt(_EN_FOOTER_LINK_WORDS)}))+{_EN_SEP}*$",
        "'About Us | Contact Us | Privacy Policy …': two or more footer link words and nothing "
        "else; one word alone ('Help', 'Legal') may be a heading.",
        examples=("About | Contact | Privacy", "About Us | Contact Us | Privacy Policy",
                  "Terms of Use Cookies"),
        near_misses=("Contact us if you have questions about privacy.",),
    ),
    Rule(
        "generic.footer.link",
        _line(30, _alt(_EN_FOOTER_LINK_ALONE)),
        "footer link labels that are never headings ('Privacy Policy', 'Contact Us'), whole line.",
        examples=("Privacy Policy", "Contact us"),
        near_misses=("Privacy policy changes were announced on Monday.",),
    ),
    Rule(
        "generic.footer.disclaimer",
        _opens(300, r"disclaimer\s*:|notice\s*:\s*the content above|(?:the )?(?:views|opinions) "
                    r"expressed (?:in this (?:article|column|piece|post) |here(?:in)? |above )?"
                    r"are (?:solely )?(?:those of the author|the author'?s?'? own|his own|"
                    r"her own)|(?:opinion (?:articles|pieces|columns)|columns|commentaries) "
                    r"reflect the views of (?:their|the) authors?, not necessarily"),
        "disclaimer lines open with their label or with 'The views expressed … are the author's' "
        "('Opinion articles reflect the views of their authors, not necessarily …').",
        examples=("Disclaimer: this page is for information only.",
                  "Disclaimer: this is not investment advice.",
                  "The views expressed here are the author's own.",
                  "Opinion articles reflect the views of their authors, not necessarily those "
                  "of Example.org."),
        near_misses=("The views expressed by residents at the meeting were mixed.",),
    ),
    Rule(
        "generic.footer.site_terms",
        _opens(200, r"(?:please read our (?:terms|privacy)|by (?:signing up|subscribing|clicking|"
                    r"registering|submitting|using this (?:site|website))[^.]{0,40}\byou agree)"),
        "terms-of-use notices under forms; they open with the addressed reader's action.",
        examples=("By signing up for our letters you agree to our terms.",
                  "By signing up, you agree to our terms of use."),
        near_misses=("By signing the treaty, both countries agreed to cut emissions.",),
    ),
)


# -- navigation: breadcrumbs, pagination, back-to-top -------------------------------------------

_ARROW = r"\s*(?:>>?|»|›|＞|→|-->)\s*"
_CRUMB = r"[^>»›＞→。，,.!?！？=()（）;；:：{}<\"]{1,16}"
_PAGE_TOKEN = (
    r"上一页|下一页|首页|尾页|末页|余下全文|第\s*[0-9]+\s*页|[0-9]+\s*/\s*[0-9]+|[0-9]+|【[0-9]+】|"
    r"\[[0-9]+\]"
)

ZH_NAV: tuple[Rule, ...] = (
    _zh(
        "zh.nav.position",
        _opens(150, r"(?:您|你)?(?:的)?(?:当前|现在)?(?:所在)?(?:的)?位置\s*[:：]"),
        "'您所在的位置：首页 > …' / '当前位置：' breadcrumb labels open the line.",
        examples=("当前位置：首页 > 本地新闻", "您所在的位置：首页 > 新闻", "当前位置：首页"),
        near_misses=("现在的位置对球队很不利。",),
    ),
    _zh(
        "zh.nav.pages",
        _line(60, rf"(?:(?:{_PAGE_TOKEN})\s*)*(?:上一页|下一页|余下全文|尾页)"
                  rf"(?:\s*(?:{_PAGE_TOKEN}))*"),
        "pagination bars ('上一页 1/2 下一页', '1 2 下一页 余下全文'): page words and "
        "numbers only.",
        examples=("上一页 1 2 3 下一页", "1 2 下一页 余下全文", "第1页 第2页 第3页 下一页 尾页"),
        near_misses=("第1页是目录。",),
    ),
    _zh(
        "zh.nav.page_count",
        _line(20, r"[(（【\[]?\s*(?:本文|全文)?共\s*[0-9]+\s*页\s*[)）】\]]?"),
        "'（本文共3页）': the page count of a split article, whole short line.",
        examples=("（本文共3页）", "共 12 页"),
        near_misses=("这本书共300页，分为上下两册。",),
    ),
    _zh(
        "zh.nav.page_numbers",
        _line(80, r"(?:[【\[][0-9]+[】\]]\s*){2,}"),
        "'【1】【2】【3】' page-number bars: bracketed numbers only.",
        examples=("【1】【2】【3】",),
        near_misses=("【1】号展厅今日开放。",),
    ),
    _zh(
        "zh.nav.prev_next",
        _opens(100, r"(?:上一篇|下一篇|上一条|下一条|前一篇|后一篇|阅读下一篇)(?:\s*[:：>]|$)"),
        "previous/next article links open with 上一篇/下一篇 and a colon (or stand alone).",
        examples=("上一篇：旧城改造进入第二阶段", "上一篇：秋天的第一场雨", "下一篇"),
        near_misses=("下一步，当地将继续推进复工复产。",),
    ),
    _zh(
        "zh.nav.search_count",
        _line(60, r"(?:共|总共|为您|为你)?(?:找到|搜索到|检索到|查询到)(?:相关)?(?:结果)?"
                  r"(?:约|共)?\s*"
                  r"[0-9][0-9,]*\s*(?:个|条|篇|项)?(?:相关)?(?:的)?(?:新闻|结果|网页|文章|内容|"
                  r"记录|信息)?\s*[.。！!]?"),
        "a search page's result count ('共找到 1,234 个相关新闻.'), whole line: the count of a "
        "result list, not an article.",
        examples=("共找到 25 条相关结果", "找到相关结果约100个", "共检索到 58 条记录"),
        near_misses=("警方共找到12名目击者，并已完成询问。", "搜索队找到3名被困者"),
    ),
    _zh(
        "zh.nav.top",
        _line(12, r"返回顶部|回到顶部|返回首页|返回列表|返回目录|顶部"),
        "back-to-top links, whole line.",
        examples=("返回顶部",),
        near_misses=("顶部的灯光突然熄灭了。",),
    ),
    _zh(
        "zh.nav.enter",
        _opens(40, r"(?:更多|相关)?(?:精彩)?(?:资讯|内容|新闻|报道)?[，,]?\s*"
                   r"请(?:关注|进入|点击|访问)|点击进入|点击(?:查看|阅读)(?:更多|全文|原文|详情)"),
        "'更多精彩内容请进入…' / '点击进入专题：' link prompts; short lines that open with them.",
        examples=("更多精彩资讯请关注本网", "更多精彩内容请进入体育频道", "点击进入专题：",
                  "更多精彩内容，请访问我们的网站", "点击查看更多财经新闻>>"),
        near_misses=("点击查看按钮后即可看到历史记录。",),
    ),
)

GENERIC_NAV: tuple[Rule, ...] = (
    Rule(
        "generic.nav.breadcrumb",
        _line(100, rf"{_CRUMB}(?:{_ARROW}{_CRUMB}){{2,}}(?:{_ARROW})?|"
                   rf"(?=.*(?:首页|正文|主页|网|频道|home|news)){_CRUMB}{_ARROW}{_CRUMB}(?:{_ARROW})?"),
        "'首页 > 新闻 > 正文' / 'Home » News': short segments joined by arrows; one arrow only "
        "counts with a home/正文/channel word, and segments hold no sentence or code punctuation.",
        examples=("Home > News > Local", "首页 > 体育 > 正文", "Home » World » Asia",
                  "某某网>>体育"),
        near_misses=("if a > b and c > d:",),
        needles=(">", "»", "›", "＞", "→"),
    ),
    Rule(
        "generic.nav.you_are_here",
        _opens(150, r"you are here\s*(?::|$|(?=(?:home|start)\b))"),
        "'You are here:' breadcrumb label: the label with its colon, alone, or straight "
        "before the trail's first step ('You are here Home » News'); a sentence goes on "
        "otherwise.",
        examples=("You are here: Home / Local news", "You are here: Home",
                  "You are here Home » News"),
        near_misses=("If you are here for the festival, book early.",
                     "You are here because you care about the river."),
    ),
    Rule(
        "generic.nav.prev_next",
        _opens(150, r"(?:«\s*)?(?:previous|prev|next|older|newer)\s+(?:post|article|story|page|"
                    r"entry|posts|articles|stories|entries)(?:\s*[:»«>›‹]|$)|(?:«|‹)\s*"
                    r"(?:previous|prev)\b|next\s*(?:»|›)|go to (?:earlier|later) story"),
        "'Previous Post' / 'Next article: …' links; a sentence starting 'Next,' has no "
        "colon or arrow.",
        examples=("Previous article: Bridge repairs begin", "Previous Post",
                  "Next article: Rain expected on Friday"),
        near_misses=("Next, the committee will vote on the proposal.",),
    ),
    Rule(
        "generic.nav.page_of",
        _line(30, r"page [0-9]+ of [0-9]+|[0-9]+ of [0-9]+ (?:photos|images|slides)|"
                  r"(?:image|photo|slide) "
                  r"[0-9]+ of [0-9]+"),
        "'Page 1 of 3' / 'Image 2 of 9' counters, whole line.",
        examples=("Page 1 of 3", "Page 2 of 5", "Image 3 of 12"),
        near_misses=("Page 3 of the report lists the costs.",),
    ),
    Rule(
        "generic.nav.gallery_controls",
        _line(60, r"(?:left|right|prev|previous|next|caption|"
                  r"video duration|(?:autoplay:? (?:on|off)\s*)+|copy link to paste in your "
                  r"message|[0-9]{1,3} of [0-9]{1,3})"),
        "the controls of a photo gallery or video player left as text ('left', 'right', "
        "'Caption', '1 of 7', 'Video duration', 'Autoplay: ON Autoplay: OFF'), whole line.",
        examples=("left", "right", "Caption", "1 of 7", "Video duration",
                  "Autoplay: ON Autoplay: OFF", "Copy link to paste in your message"),
        near_misses=("Left to right: the mayor, her deputy and the police chief.",
                     "1 of 7 patients recovered within a week."),
    ),
    Rule(
        "generic.nav.time_ago",
        _line(30, r"(?:about |updated |posted )?[0-9]{1,3} (?:seconds?|minutes?|mins?|hours?|hrs?|"
                  r"days?|weeks?|months?|years?) ago"),
        "'5 days ago': a relative timestamp standing alone, whole short line.",
        examples=("5 days ago", "Updated 3 hours ago"),
        near_misses=("Five days ago, the council voted to close the library.",),
    ),
    Rule(
        "generic.nav.top",
        _line(30, r"(?:back|return|go|jump) to (?:top|the top|gallery|main content)|top|skip to "
                  r"(?:main )?content|skip navigation|go back"),
        "back-to-top / skip links, whole line.",
        examples=("Back to top", "Skip to main content"),
        near_misses=("Top officials met on Monday.",),
    ),
    Rule(
        "generic.nav.separator",
        _line(40, r"[\s|｜·•/\\\-–—=*#>»×]+"),
        "a line of separators and bullets carries no text (underscore rules are left alone: "
        "'_' is a word character to text metrics).",
        examples=("* * *", "|", "---"),
        near_misses=("— Jane Doe",),
    ),
)


# -- toolbars, share bars, account links, UI buttons --------------------------------------------

ZH_TOOLBAR: tuple[Rule, ...] = (
    _zh(
        "zh.toolbar.font_size",
        _line(30, r"字号\s*[:：]?\s*(?:[大中小]\s*){0,3}|(?:A-?\s*A\s*A\+|A\+\s*A\s*A-|T\s*\+\s*-|"
                  r"T\s*-\s*\+)|(?:[大中小]\s*){3}|字号\s*[:：]?\s*A-?\s*A\s*A\+"),
        "font-size switchers ('字号:', '大 中 小', 'A- A A+', 'T + -'), whole line.",
        examples=("字号：大 中 小", "字号：", "大 中 小", "A- A A+", "T + -"),
        near_misses=("大中小型企业都将受益于这项政策。",),
    ),
    _zh(
        "zh.toolbar.bar",
        _bar(60, _ZH_TOOL_WORDS, _ZH_SEP, (*_NUMBERS, r"\+1")),
        "a short line made only of toolbar words and counters ('打印 | 关闭', '分享到：', "
        "'阅读(123)', '收藏 微博 微信 分享 106'); one such word inside a sentence never matches.",
        examples=("分享到：微信 微博 QQ空间", "打印 | 关闭", "分享到：", "阅读(1234)",
                  "收藏 微博 微信 分享 88", "评论 12", "点赞", "【打印本页】【关闭窗口】",
                  "【字体：大 中 小】", "字号: [大] [中] [小] [打印] [关闭]"),
        near_misses=("记者在现场看到，工作人员正在打印文件并分发给居民。",
                     "网友纷纷点赞，称这是一次暖心的救援。", "这段推荐公园的视频获得了8千多个赞。",
                     "2019"),
    ),
    _zh(
        "zh.toolbar.account",
        _bar(40, _ZH_ACCOUNT_WORDS, _ZH_SEP),
        "login/register link rows ('登录|注册', '安全退出').",
        examples=("登录 | 注册", "登录|注册", "安全退出"),
        near_misses=("他注册了一家新公司。",),
    ),
    _zh(
        "zh.toolbar.buttons",
        _line(24, r"[+\s]*(?:加载中\.*|加载更多\S{0,4}|查看(?:全部|更多)|换一换|换一批|收起|"
                  r"(?:点击)?展开(?:阅读)?全文|(?:点击)?阅读全文|查看原文|阅读原文|展开|我知道了|"
                  r"知道了|已发送|发送中|取消\s*允许|使用小程序|收藏成功.*|已收藏!?|×)[\s>》]*"),
        "UI buttons and states ('加载更多', '展开全文', '阅读原文', '我知道了'), whole line.",
        examples=("展开全文", "加载更多", "阅读原文", "我知道了"),
        near_misses=("展开全文之前，他先看了摘要。",),
    ),
    _zh(
        "zh.toolbar.comment_ui",
        _opens(80, rf"(?:写评论(?=$|[^{HAN}])|已有[0-9]+条评论|"
                   r"查看(?:剩下|全部|更多)[0-9]*条?(?:评论|跟贴|回复)|"
                   rf"(?:目前)?(?:没有|暂无)(?:热门)?(?:跟贴|评论)(?=$|[^{HAN}]|快来|赶快)|"
                   r"去跟贴广场|跟贴已关闭|更多精彩评论|"
                   r"登录并发贴|还可(?:以)?输入[0-9]+字|提\s*交还可输入|请自觉遵守互联网相关的政策法规|"
                   r"(?:欢迎|我要)发表(?:你的|您的)?(?:观点|评论|看法)|[0-9]+条评论\s*[|｜])"),
        "comment-box furniture ('已有0条评论', '查看更多跟贴', '还可输入500字'), at line start; "
        "'写评论' and '暂无评论' are buttons only when no word follows them.",
        examples=("已有12条评论", "已有0条评论", "查看更多跟贴", "还可输入300字",
                  "欢迎发表你的观点", "写评论", "暂无评论，快来抢沙发", "目前没有评论"),
        near_misses=("他写评论已经十年了。", "写评论是他每天的习惯。", "暂无评论的文章也会被推荐。",
                     "没有评论家认为这部电影会成功。"),
    ),
    _zh(
        "zh.toolbar.wechat_ui",
        _opens(60, r".{0,8}(?:[“\"]看一看[”\"]|发送到看一看|前往看一看|已同步到看一看)|"
                   r"最多[0-9]+字|"
                   r"功能介绍\s+\S|(?:微信号|公众号)\s*[:：]?\s*[A-Za-z][\w-]{3,}$"),
        "WeChat article UI ('前往“看一看”', '最多200字', '微信号 xxx'); the quoted 看一看 is the "
        "feature name, unlike the everyday verb.",
        examples=("最多200字", "前往“看一看”", "最多200字，当前共字", "微信号 example_news"),
        near_misses=("我们一起去看一看吧。",),
        needles=("看一看", "最多", "功能介绍", "微信号", "公众号"),
    ),
    _zh(
        "zh.toolbar.image_hint",
        _line(30, r"[(（]?\s*(?:点击|点此)(?:查看|看)?(?:清晰|高清)?(?:大图|原图|图片)\s*[)）]?|"
                  r"点击图片(?:查看|进入)(?:下一[张页]|大图)"),
        "'（点击看清晰大图）' and similar image UI hints, whole line.",
        examples=("点击查看大图", "（点击查看大图）", "点击图片查看下一张"),
        near_misses=("点击图片可以放大",),
    ),
)

GENERIC_TOOLBAR: tuple[Rule, ...] = (
    Rule(
        "generic.toolbar.share",
        _bar(90, _EN_SHARE_WORDS, _EN_SEP, _NUMBERS, glued=False),
        "share/print/email button rows ('Share Tweet Email', 'Share this:', 'Print | Email'); "
        "made only of button words, so a sentence naming Facebook never matches.",
        examples=("Share on Facebook Tweet Email", "Share", "Share this:", "Facebook Twitter Email",
                  "Print | Email", "Tweet 12 shares"),
        near_misses=("She shared the photo on Facebook and Twitter, where it went viral.",
                     "print(12345)", "Share prices fell 3% on Monday.",
                     "Print media continues to lose readers."),
    ),
    Rule(
        "generic.toolbar.account",
        _bar(40, ("sign in", "log ?in", "log out", "sign out", "register", "sign up",
                  "create (?:an )?account", "my account", "subscribe", "subscribe now",
                  "subscribe today", "newsletters?", "email me", "menu", "search", "close",
                  "open", "expand", "more", r"loading\.{0,3}", "learn more"), _EN_SEP),
        "account/menu buttons ('Sign in | Subscribe', 'Menu', 'Search'), whole line.",
        examples=("Sign in | Register", "Sign in | Subscribe", "Menu", "Search"),
        near_misses=("Search teams found the missing hikers.",),
    ),
    Rule(
        "generic.toolbar.gallery",
        _line(40, r"(?:back to|view|open) (?:the )?(?:gallery|slideshow|photos?|larger image|"
                  r"full image)|enlarge (?:this )?image|view larger image|(?:toggle|hide|show) "
                  r"caption|watch video|play video|view article on single page|what is this\??|"
                  r"what are these\??"),
        "gallery and media buttons, whole line.",
        examples=("View gallery", "Enlarge this image", "Hide caption"),
        near_misses=("View the gallery of winners on our site.",),
    ),
    Rule(
        "generic.toolbar.comment_policy",
        _opens(400, r"(?:please )?(?:when (?:submitting|posting) (?:content|comments)|as you "
                    r"comment|comments (?:are|will be) (?:moderated|reviewed)|comments (?:are|have "
                    r"been) closed|commenting (?:is|has been) (?:closed|disabled)|your email "
                    r"address will not be published|required fields are marked)"),
        "comment-form notices; they open with the form's own wording.",
        examples=("Comments are moderated before they appear.",
                  "Your email address will not be published."),
        near_misses=("Comments are welcome, the mayor said.",),
    ),
    Rule(
        "generic.toolbar.comment_header",
        _opens(200, r"posted by\s*:?\s*\S.{0,100}?\b[0-9]{1,2}:[0-9]{2}"),
        "'Posted by: reader | January 7 2008 at 03:45 PM': a comment's header line, which "
        "carries a clock time; an article's own 'Posted by … on <date>' usually does not.",
        examples=("Posted By: reader42 | January 07 2008 at 03:45 PM",
                  "Posted by: Brad, Glasgow on 11:16am Wed 9 Jan 08"),
        near_misses=("Posted by the company on its blog, the statement said prices would rise.",),
    ),
)


# -- follow / QR / app / newsletter prompts ----------------------------------------------------

_QR_TARGET = (
    r"关注|阅读|下载|分享|看新闻|打开|收听|观看|吐槽|转账|赞赏|加入|订阅|移动|手机|好友|朋友圈|"
    r"公众号|小程序|全文|二维码|登录"
)

ZH_PROMPT: tuple[Rule, ...] = (
    _zh(
        "zh.prompt.qr_open",
        _opens(80, r"(?:请|欢迎)?(?:用|使用)?(?:手机)?(?:微信|QQ|支付宝)?(?:扫描|扫一扫|扫码|"
                   r"扫二维码|扫描二维码|长按(?:识别)?(?:二维码|图片)?|识别二维码)"
                   rf"(?=.*(?:{_QR_TARGET})|$)"),
        "QR prompts that open the line ('扫描二维码…', '扫一扫，用手机看新闻'), with a follow/read "
        "target; '扫码支付已成…' in a report names no such target.",
        examples=("扫一扫，关注本地新闻", "扫描二维码关注我们", "扫一扫，用手机看新闻！",
                  "微信扫一扫"),
        near_misses=("扫码支付已成为年轻人最常用的付款方式。",),
    ),
    _zh(
        "zh.prompt.qr_where",
        _has(150, r"(?:扫描|扫|识别|长按)(?:下方|上方|左方|右方|左侧|右侧|下面|上面|左边|右边|"
                  r"图中|文末|底部)?的?二维码[^。]{0,12}(?:关注|下载|订阅|加入)|"
                  r"(?:下方|上方|左方|右方|左侧|右侧|文末|底部)的?二维码"),
        "'扫描左方二维码关注…': a QR code placed on the page (左方/下方) or scanned to follow.",
        examples=("更多资讯可识别文末二维码关注", "更多资讯，欢迎扫描下方二维码关注官方微信"),
        near_misses=("市民只需扫描二维码即可完成登记，十分方便。",),
        needles=("二维码",),
    ),
    _zh(
        "zh.prompt.follow",
        _has(60, r"(?<!一直|持续|长期|密切|高度|广泛)关注"
                 r"(?:我们|本(?:网|站|报|刊|台)?|该|官方)?(?:的)?"
                 r"(?:微信)?(?:公众号|微信号|官方微信|官微|服务号|订阅号|官方微博)(?!的|运营|文章)|"
                 r"(?:微信|微博)中?搜索?\s*[:：]"),
        "'关注该公众号' / '关注官方微信' follow prompts on short lines; a sentence about "
        "following an account's affairs (一直关注公众号的…) is not one.",
        examples=("欢迎关注我们的微信公众号", "欢迎关注本网微信公众号获取更多资讯"),
        near_misses=("公众号的运营者受到关注。", "他一直关注公众号的运营问题。"),
        needles=("关注", "搜"),
    ),
    _zh(
        "zh.prompt.account_label",
        _line(20, r"\S{0,10}(?:公众号|官方微信|官方微博|微信公众号)"),
        "a short label naming the site's account ('XX新闻公众号') stands above a QR code.",
        examples=("城市生活公众号", "某某新闻公众号"),
        near_misses=("他开通了一个公众号来分享食谱。",),
        needles=("公众号", "官方微信", "官方微博"),
    ),
    _zh(
        "zh.prompt.zaikan",
        _has(60, r"点(?:击|个|一下)?\s*[【「“\"\[]?\s*(?:在看|好看)\s*[】」”\"\]]?|"
                 r"长按(?:识别|扫描|"
                 r"二维码|图片|下方)"),
        "'点【在看】' / '长按识别' prompts.",
        examples=("喜欢就点个在看吧", "喜欢就点【在看】吧", "文末长按识别关注"),
        near_misses=("他点了点头，表示好看。",),
        needles=("在看", "好看", "长按"),
    ),
    _zh(
        "zh.prompt.app",
        _opens(60, r"(?:点击)?(?:下载|安装|打开)[^。，,]{0,12}(?:客户端|APP|App|app)|"
                   r"[^。，,]{0,16}(?:客户端|APP|App)(?:下载|专享)"),
        "app prompts ('下载…客户端', '打开APP…', '…客户端下载'); open the line, short lines only.",
        examples=("下载本地新闻客户端", "下载某某新闻客户端", "打开APP，阅读全文",
                  "某某新闻客户端下载"),
        near_misses=("他打开APP后发现账户余额为零。",
                     "报告显示，用户可以下载该公司的APP进行预约。"),
        needles=("客户端", "app"),
    ),
    _zh(
        "zh.prompt.video_fallback",
        _opens(120, r"(?:对不起|抱歉)?[，,]?\s*(?:您|你)?(?:的|当前)?浏览器(?:暂时|暂)?"
                    r"(?:不支持|无法"
                    r"播放|版本过低|不能播放)"),
        "'您的浏览器不支持…video' player fallback text opens the line.",
        examples=("您的浏览器不支持视频播放", "您的浏览器不支持 video 标签。",
                  "您的浏览器暂时无法播放此视频."),
        near_misses=("一些老旧浏览器不支持这种视频格式，因此需要升级。",),
    ),
    _zh(
        "zh.prompt.headline_note",
        _opens(150, r"[(（【\[]?\s*原(?:标)?题(?:为)?\s*[:：]"),
        "'（原标题：…）' notes repeat the headline; they open the line.",
        examples=("原标题：城区公园开放", "（原标题：秋天来了）", "原标题：秋天来了"),
        near_misses=("原题目已经修改过了。",),
    ),
    _zh(
        "zh.prompt.body_end",
        _opens(40, rf"正文已结束(?=$|[^{HAN}])"),
        "'正文已结束，您可以…' end-of-article UI notice: the words alone or before a comma.",
        examples=("正文已结束", "正文已结束，您可以发表评论"),
        near_misses=("他说正文已结束，但附录还有内容。", "正文已结束的说法并不准确。"),
    ),
)

GENERIC_PROMPT: tuple[Rule, ...] = (
    Rule(
        "generic.prompt.newsletter",
        _opens(150, r"(?:sign up|subscribe|join|register|get|receive|enter your email)\b"
                    r"[^.!?]{0,80}"
                    r"\b(?:newsletters?|e-?mail (?:newsletters?|alerts|updates|list)|news alerts|"
                    r"daily digest)\b|(?:join our|our|free|daily|weekly) newsletters?$"),
        "newsletter sign-up prompts open with the imperative and name the newsletter; short lines.",
        examples=("Sign up for our daily newsletter",
                  "Subscribe to our email newsletter for updates"),
        near_misses=("Sign up for the program using the same account as your other service.",),
    ),
    Rule(
        "generic.prompt.follow",
        _opens(250, r"(?:follow|like|find|join|connect with)\s+(?:us|me|\S+(?:\s\S+){0,5})\s+on\s+"
                    r"(?:facebook|twitter|instagram|linkedin|youtube|tiktok|social media|x)\b|"
                    r"follow us\b|follow @\w+"),
        "'Follow us on Twitter' prompts open the line (with the contact details some sites "
        "append to them).",
        examples=("Follow us on Twitter", "Follow the Example Desk on Facebook.",
                  "Follow The Daily Example on Twitter and Instagram @example and on Facebook "
                  "@example. Send us a message on WhatsApp at 1-555-0100 or email us at "
                  "news@example.com."),
        near_misses=("Follow-up tests showed no trace of the virus.",),
    ),
    Rule(
        "generic.prompt.follow_writer",
        _ends(400, r"\bfollow (?:him|her|them) (?:on (?:twitter|instagram|facebook|x)(?: at)?"
                   r"(?:\s*\(?@\w{1,30}\)?)?|@\w{1,30})(?: (?:for|on) [^.!?]{1,40})?[.!]?"),
        "a writer's note that closes with 'Follow him on Twitter @handle.' (a bio or contact "
        "line under the article); the handle or the network ends the line, so a sentence "
        "that goes on is left alone.",
        examples=("Jane Roe covers science for the paper. Follow her on Twitter @janeroe.",
                  "Contact Dana at 555-0100. Follow him on Twitter at @danaexample.",
                  "Max Roe writes about film. Follow him on Twitter (@maxroe) for his thoughts "
                  "on film."),
        near_misses=("Be sure to follow him on Twitter and give him a warm welcome.",
                     "Readers can follow him on Twitter @example or write to the paper with "
                     "questions."),
        needles=("follow",),
    ),
    Rule(
        "generic.footer.wordpress_entry",
        _opens(400, r"this (?:entry|post) was posted (?:on|in)\b.{0,200}\b(?:filed under|"
                    r"responses to this entry|rss 2\.0 feed|bookmark the permalink)"),
        "the blog engine's closing line under a post ('This entry was posted on … and is "
        "filed under … You can follow any responses to this entry through the RSS 2.0 feed'), "
        "opening the line.",
        examples=("This entry was posted on 23 October 2012 at 8:14 pm and is filed under "
                  "Polls. You can follow any responses to this entry through the RSS 2.0 feed.",
                  "This entry was posted in News. Bookmark the permalink."),
        near_misses=("This entry was posted on the door of the town hall in 1517, the guide "
                     "said.",),
    ),
    Rule(
        "generic.prompt.send_friend",
        _line(80, r"(?:send|e-?mail) this (?:article|story|page|post) to (?:a )?friends?"
                  r"(?: by e-?mail)?\.?|tell us what you think\W*"),
        "'Send this article to Friends by E-Mail', 'Tell us what you think…': a button or "
        "prompt standing alone.",
        examples=("Send this article to Friends by E-Mail", "Tell us what you think..."),
        near_misses=("Tell us what you think about the plan, the mayor urged residents at the "
                     "meeting.",),
    ),
    Rule(
        "generic.nav.reading_time",
        _line(60, rf"(?:{_fork(_READING_TIME)})\s*[:：]?\s*(?:ca\.\s*|approx\.\s*|~\s*)?"
                  rf"[0-9]{{1,3}}\s*{_MINUTES}|[0-9]{{1,3}}\s*{_MINUTES}\s*(?:read|lesezeit|"
                  r"de lectura|de leitura|de lecture|di lettura|czytania|okuma)"),
        "reading-time labels ('3 min read', 'Lesezeit: 3 Minuten', 'Tiempo de lectura: 3 "
        "minutos', 'Temps de lecture : 3 minutes', 'Tempo de leitura: 1 minuto'), whole line.",
        examples=("3 min read", "Reading time: 3 minutes", "Lesezeit: 3 Minuten",
                  "5 Min. Lesezeit", "Tempo de leitura: 1 minuto", "Temps de lecture : 4 min",
                  "Czas czytania: 3 min", "Okuma süresi: 2 dakika", "Leestijd: 3 minuten"),
        near_misses=("Reading time for the whole report is about three hours, she said.",),
    ),
    Rule(
        "generic.footer.print_note",
        _opens(300, r"a version of this (?:article|story|review) appear(?:ed|s) in print\b|"
                    r"this (?:article|story) (?:was )?(?:originally )?(?:appeared|published) on "
                    r"page [0-9a-z]{1,4} of\b|this (?:article|story|review|piece) (?:originally )?"
                    r"appeared in the .{1,30}?\bissue of\b"),
        "print-edition notes under an article ('A version of this article appeared in print "
        "on … on page D6 …', 'This article was originally published on page 28 of …').",
        examples=("A version of this article appeared in print on 11/06/2012, on page D6 of "
                  "the New York edition.",
                  "This article was originally published on page 28 of The Sunday Example.",
                  "This review originally appeared in the Dec. 9, 2013 issue of Example "
                  "Magazine."),
        near_misses=("This article was originally published in French and has been "
                     "translated.",),
    ),
    Rule(
        "generic.prompt.enjoyed",
        _opens(300, r"if you (?:enjoyed|liked) this (?:post|article|story)\b[^.]{0,40}\b"
                    r"(?:please|consider|subscrib|share|leave)|like (?:this (?:story|article|post|"
                    r"topic)|what you(?:'|’)re reading)\?|to contact the (?:reporters?|editors?|"
                    r"writers?) (?:on|of|responsible for) this (?:story|article)\s*:"),
        "a blog or newsroom's closing prompt ('If you enjoyed this post, please consider "
        "subscribing…', 'Like this story? Spread the news…', 'To contact the reporter on this "
        "story: …'), opening the line.",
        examples=("If you enjoyed this post, please consider leaving a comment or subscribing "
                  "to the RSS feed.", "Like this story? Spread the news by clicking below:",
                  "Like what you're reading?",
                  "To contact the reporter on this story: Jane Roe in Seoul at jroe@example.com"),
        near_misses=("If you enjoyed this post's first half, the second will surprise you.",
                     "Like this story, many end in court."),
    ),
    Rule(
        "generic.prompt.click_here",
        _opens(200, r"click (?:here|the (?:link|image|photo|picture|button)|on (?:the )?(?:image|"
                    r"photo|picture|link|button)|to (?:enlarge|view|read|download)|(?:photo|image|"
                    r"picture)s? to (?:enlarge|view))\b|tap here\b"),
        "'Click here to …' calls to action open the line.",
        examples=("Click here to view the park map", "Click here to read the full report.",
                  "Click photo to enlarge"),
        near_misses=("Click-through rates for the ads fell sharply last year.",),
    ),
    Rule(
        "generic.prompt.read_more",
        _line(150, r"read (?:more|the full (?:story|article)|full (?:story|article))\b.{0,120}|"
                   r"(?:see|view) (?:more|all(?: [0-9]+)? comments(?: and post your own)?)|"
                   r"continue reading\b.{0,100}|full story|more »|learn more"),
        "'Read more' / 'Continue reading' links, whole line ('See more photos:' introduces body).",
        examples=("Read more", "Read more: Storm hits the coast", "Continue reading"),
        near_misses=("Read the statement carefully, the lawyer told reporters.",),
    ),
    Rule(
        "generic.prompt.cookies",
        _opens(400, r"(?:we|this (?:web)?site|our (?:web)?site) uses? cookies|by (?:continuing|"
                    r"using) (?:to (?:use|browse) )?(?:this|our) (?:site|website)|"
                    r"utilizziamo i cookie|nous utilisons des cookies|wir verwenden cookies|"
                    r"utilizamos cookies|(?:accept|manage|reject) (?:all )?cookies|cookie "
                    r"(?:settings|preferences|consent)"),
        "cookie banners open with 'We use cookies' / 'This site uses cookies'; an article about "
        "cookies does not open that way.",
        examples=("We use cookies to improve your experience.", "This website uses cookies."),
        near_misses=("The site uses cookies to track users, the regulator found.",),
    ),
    Rule(
        "generic.prompt.app",
        _line(60, r"(?:download|get|open in|install) (?:the |our )?(?:\S+ )?app\b"
                  r"(?:\s*[.!:,–—-].{0,30}|\s+(?:now|today|for|on|from|and|to (?:read|get|"
                  r"stay|follow))\b.{0,30})?"),
        "'Download the app' prompts, whole short line: what follows 'app' is a stop or the "
        "prompt's own words (now, for, on …), not the rest of a sentence.",
        examples=("Download our app", "Download the app", "Get our news app",
                  "Download the app for free on iOS and Android"),
        near_misses=("The app was downloaded a million times.",
                     "Get the app developers to fix it."),
    ),
    Rule(
        "generic.prompt.news_tip",
        _has(300, r"^(?:have|got) (?:a|any) (?:news |story )?tips?\b|"
                  r"\bif you have (?:a |any )?news tips?\b|"
                  r"\b(?:do you have|got) a story for (?:the |our )?\S+"),
        "'Have a tip? …' / '…if you have a news tip, let us know': the newsroom asking readers "
        "to write in, at the line's start or as a conditional anywhere in a short line.",
        examples=("Have a news tip? Email the newsroom at tips@example.com.",
                  "Have a news tip? Email us at tips@example.com.",
                  "Join our forums to keep talking. And if you have a news tip, let us know.",
                  "We pay for your stories! Do you have a story for the news team? Email us."),
        near_misses=("Police said they have a tip line for anyone with information about "
                     "the crash.",
                     "Got a tipping point yet? Economists say the market is close to one."),
        needles=("tip", "story for"),
    ),
    Rule(
        "generic.prompt.paywall",
        _opens(250, r"to (?:read|continue reading|view|access) (?:this|the|the full|the rest of "
                    r"this) (?:article|story|content)\b[^.]{0,60}\b(?:you must|you need to|please)"
                    r" (?:be |have |log|sign|register|subscribe)|(?:premium|registered|subscriber"
                    r"|members?)(?:-only)? (?:article|content|story)\s*!?$"),
        "paywall prompts ('To read this article in full you must have registered…', "
        "'Premium Article !'); they open the line.",
        examples=("Premium Article !",
                  "To read this article in full you must have registered and have a subscription."),
        near_misses=("To read the full report, visit the agency's website.",),
    ),
    Rule(
        "generic.prompt.subscriber",
        _has(250, r"\b(?:already an? (?:subscriber|member)|existing subscribers?|current "
                  r"subscribers?)\b[^.]{0,60}\b(?:log ?in|sign ?in)\b"),
        "a paywall's note to subscribers ('If you're already a subscriber, you can log in "
        "…'): anywhere in a short line, with the log-in it asks for.",
        examples=("If you're seeing this message but you're already a subscriber, you can "
                  "log in for immediate access to this story.",
                  "Already a subscriber? Log in here."),
        near_misses=("She was already a subscriber when the paper changed owners.",),
        needles=("already a", "subscriber"),
    ),
    Rule(
        "generic.prompt.membership",
        _opens(300, r"(?:first-time|new) (?:subscribers|members) (?:also )?(?:receive|get)\b|"
                    r"(?:join|subscribe|sign up) (?:now|today)(?: or renew)? (?:to get|and get|"
                    r"for)\b|when you (?:join|subscribe|become a (?:member|subscriber))\b[^.]"
                    r"{0,80}\byou(?:'|’)ll (?:get|receive|enjoy)\b"),
        "a membership pitch's perks ('First-time subscribers also receive …', 'Join now or "
        "renew to get:', 'When you join …, you'll get unlimited access'); they open the line.",
        examples=("First-time subscribers also receive a welcome gift!",
                  "Join now or renew to get:",
                  "When you join the Example family, you’ll get unlimited digital access."),
        near_misses=("New subscribers rose 5 percent in the third quarter.",
                     "When you join a gym, the first month is the hardest, trainers say."),
    ),
    Rule(
        "generic.prompt.purchase",
        _line(90, r"buy (?:this |single )?article(?: pdf)?|instant access to the full article"
                  r"(?: pdf)?\.?|rent this article\b.{0,40}|price (?:includes|excludes) "
                  r"(?:vat|tax|sales tax)\b.{0,30}|tax calculation will be finali[sz]ed "
                  r"(?:during|at) checkout\.?"),
        "the purchase box of a paywalled article ('Buy single article', 'Instant access to "
        "the full article PDF.', 'Price includes VAT'), whole line.",
        examples=("Buy single article", "Instant access to the full article PDF.",
                  "Price includes VAT for Germany", "Buy article PDF"),
        near_misses=("Buy this article's argument and you buy the whole plan.",
                     "Price includes VAT, the minister said, so nothing changes."),
    ),
    Rule(
        "generic.prompt.time_only",
        _line(50, r"(?:posted|last updated|updated|published)(?: on| at)?\s*:?\s*[0-9]{1,2}:"
                  r"[0-9]{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?"),
        "a dateline that holds only a clock time ('Posted: 2:51 pm', 'Last updated: 2:52 "
        "pm'): no date for the metadata to take, and no text.",
        examples=("Posted: 2:51 pm", "Last updated: 2:52 pm", "Updated 10:05 AM ET"),
        near_misses=("Posted at 2:51 pm, the video went viral.",),
    ),
    Rule(
        "generic.prompt.video_fallback",
        _opens(200, r"(?:sorry,? )?(?:your browser (?:does not|doesn'?t|can ?not) (?:support|play)|"
                    r"to view this video,? please enable javascript|this video (?:is unavailable|"
                    r"has been removed)|you need (?:the )?(?:adobe )?flash player)|video player is "
                    r"loading|scroll down for (?:the )?videos?\b.{0,10}$"),
        "video-player fallback messages open the line.",
        examples=("Your browser does not support the video tag.", "Scroll down for video"),
        near_misses=("Your browser history can reveal a lot.",
                     "Scroll down for videos of every goal of the season and a list of the "
                     "scorers."),
    ),
)


# -- other languages: share bars, follow / login / rating prompts, labels --------------------

INTL_TOOLBAR: tuple[Rule, ...] = (
    Rule(
        "intl.toolbar.share",
        _bar(90, _INTL_SHARE_WORDS, _EN_SEP, _NUMBERS, glued=False),
        "share/print/e-mail button rows in German, Spanish, French, Polish, Portuguese, "
        "Italian, Indonesian, Turkish or Dutch ('Teilen Drucken Pinnen', 'Compartir "
        "Imprimir'); made only of button words, so a sentence never matches.",
        examples=("Drucken Merken Pinnen", "Teilen", "Teilen auf Facebook Twitter", "Compartir",
                  "Partager sur Facebook", "Udostępnij", "Compartilhar WhatsApp",
                  "Condividi Stampa", "Bagikan", "Paylaş", "Delen Printen", "Teilen 12"),
        near_misses=("Teilen Sie uns Ihre Meinung in den Kommentaren mit.",
                     "Compartir es vivir, dice el refrán.", "Stampa e televisione hanno "
                     "seguito il processo.", "Drucken war früher teuer.", "Deel 2"),
    ),
)

INTL_PROMPT: tuple[Rule, ...] = (
    Rule(
        "intl.prompt.follow",
        _opens(200, _fork(_INTL_FOLLOW)),
        "follow / subscribe / share prompts in German, Spanish, French, Polish, Portuguese, "
        "Italian, Indonesian, Turkish or Dutch ('Folgen Sie uns auf …', 'Síguenos en …', "
        "'Zapraszamy do subskrypcji'); they open the line with the site's own imperative.",
        examples=("Folgen Sie uns auf Facebook und Instagram",
                  "Abonnieren Sie unseren Newsletter",
                  "Erhalte Updates direkt auf dein Handy – abonniere jetzt.",
                  "Síguenos en Instagram y TikTok",
                  "Suscríbete a nuestro boletín", "Suivez-nous sur Twitter",
                  "Abonnez-vous à notre newsletter", "Zapraszamy do subskrypcji naszego kanału",
                  "Obserwuj nas na Facebooku", "Siga-nos no Instagram",
                  "Inscreva-se na nossa newsletter", "Seguici su Facebook",
                  "Iscriviti alla nostra newsletter", "Ikuti kami di Instagram",
                  "Simak berita terbaru lainnya melalui WhatsApp", "Bizi Twitter'dan takip edin",
                  "Volg ons op Facebook",
                  "Schrijf je in voor onze nieuwsbrief"),
        near_misses=("Folgen Sie der Straße bis zur Kirche, dann links.",
                     "Siguen en el hospital los dos heridos del accidente.",
                     "Suivez le guide: la visite dure une heure.",
                     "Obserwujemy nasilenie ruchu na drogach krajowych.",
                     "Siga as instruções do fabricante ao montar o móvel.",
                     "Seguirono giorni di pioggia intensa.",
                     "Ikuti langkah berikut untuk mengganti ban mobil.",
                     "Volgens de gemeente is de weg volgende week weer open."),
    ),
    Rule(
        "intl.prompt.login",
        _opens(200, _fork(_INTL_LOGIN)),
        "'log in to comment' notices of comment forms in German, Spanish, French, Polish, "
        "Portuguese, Italian, Indonesian, Turkish or Dutch ('Sie müssen sich einloggen, "
        "um …', 'Debes iniciar sesión para …'); they open the line.",
        examples=("Sie müssen sich anmelden, um einen Kommentar zu schreiben.",
                  "Du musst angemeldet sein, um einen Kommentar abzugeben.",
                  "Debes iniciar sesión para publicar un comentario.",
                  "Vous devez être connecté pour publier un commentaire.",
                  "Musisz się zalogować, aby móc dodać komentarz.",
                  "Você precisa fazer login para publicar um comentário.",
                  "Devi essere connesso per inviare un commento.",
                  "Anda harus masuk untuk berkomentar.",
                  "Yorum yapabilmek için giriş yapmalısınız.",
                  "Je moet ingelogd zijn om een reactie te plaatsen."),
        near_misses=("Sie müssen sich keine Sorgen machen, sagt die Ärztin.",
                     "Debes iniciar el trámite antes del viernes.",
                     "Vous devez être patient avec les enfants.",
                     "Musisz się przygotować na długą podróż.",
                     "Você precisa fazer exercícios todos os dias, diz o médico.",
                     "Devi essere paziente, disse il nonno.",
                     "Anda harus membawa kartu identitas saat berkunjung.",
                     "Je moet goed opletten bij het oversteken."),
    ),
    Rule(
        "intl.prompt.rating",
        _line(100, rf"(?:{_fork(_INTL_RATING)})\s*[?!.]?"),
        "'rate this article' prompts in German, Spanish, French, Polish, Portuguese, Italian, "
        "Indonesian, Turkish or Dutch ('Wie bewerten Sie diesen Artikel?', '¿Te ha resultado "
        "útil este artículo?'); the whole line, so an interview question is left alone.",
        examples=("Wie bewerten Sie diesen Beitrag?", "War dieser Artikel hilfreich?",
                  "¿Te ha resultado útil este artículo?", "Cet article vous a-t-il été utile ?",
                  "Oceń artykuł", "Este artigo foi útil?", "Ti è piaciuto questo articolo?",
                  "Bagaimana reaksi Anda tentang artikel ini?",
                  "Bu haberi nasıl buldunuz?", "Was dit artikel nuttig?"),
        near_misses=("Wie bewerten Sie diesen Vorschlag, Frau Ministerin?",
                     "¿Te ha resultado útil este curso, según los alumnos?",
                     "Oceń sam, czy warto było czekać.",
                     "Bu haberi nasıl buldunuz, diye sordu muhabir."),
    ),
    Rule(
        "intl.prompt.embed",
        _opens(200, r"(?:klicken sie|klicke) auf [^.]{0,40}\bum (?:den|die|das) (?:inhalte?|"
                    r"video|karte|beitrag)\b[^!?]{0,80}zu laden|mit dem laden (?:des|der) "
                    r"(?:inhalts?|videos|karte) akzeptieren sie|inhalt (?:laden|entsperren)$|"
                    r"(?:haz|haga) clic [^.]{0,40}para cargar el contenido|cliquez [^.]{0,40}"
                    r"pour (?:charger|afficher) le contenu|clicca [^.]{0,40}per caricare il "
                    r"contenuto|kliknij [^.]{0,40}(?:aby|by) załadować (?:treść|zawartość)"),
        "placeholders of blocked embeds ('Klicken Sie auf den Button, um den Inhalt von … zu "
        "laden'): the consent tool's text, not the article's.",
        examples=("Klicken Sie auf den Button, um das Video von example.org zu laden.",
                  "Inhalt laden", "Haz clic en el botón para cargar el contenido.",
                  "Cliquez sur le bouton pour charger le contenu."),
        near_misses=("Klicken Sie auf Speichern, um die Änderungen zu übernehmen.",
                     "Inhalt laden und Abläufe testen gehört zu ihrem Alltag."),
    ),
)

INTL_PROMO: tuple[Rule, ...] = (
    Rule(
        "intl.prompt.member",
        _line(60, rf"(?:{_fork(_INTL_MEMBER)})(?: (?:bei|im|in|von|unserer?|de|en|du|di|"
                  r"of)(?: \S+){0,3})?(?: (?:ahora|now|today|hoy|maintenant|agora|ora|"
                  r"sekarang|şimdi|nu))?\s*[!.]?"),
        "membership calls in German, Spanish, French, Polish, Portuguese, Italian, "
        "Indonesian, Turkish, Dutch or English ('Werden Sie Mitglied bei …', 'Hazte "
        "miembro', 'Devenez membre'); a whole short line, so a sentence that goes on is "
        "left alone.",
        examples=("Werden Sie Mitglied bei", "Werde jetzt Mitglied!", "Hazte miembro",
                  "Hágase miembro ahora", "Devenez membre", "Zostań patronem",
                  "Torne-se assinante", "Diventa socio", "Jadi anggota", "Üye ol",
                  "Word lid", "Become a member"),
        near_misses=("Werden Sie Mitglied, wenn Sie mitreden wollen, rät der Vorsitzende "
                     "allen Eltern.", "Hazte miembro de un club y verás cómo cambia tu "
                     "semana, dice la entrenadora.",
                     "Become a member of the board, they urged her in 2019."),
    ),
    Rule(
        "intl.prompt.offer",
        _ends(100, rf"(?:{_fork(_INTL_OFFER)})\s*[!.]?"),
        "a short promo line that ends promising exclusive offers ('… und erhalten Sie "
        "exklusive Angebote!', 'Disfruta de beneficios exclusivos') in German, Spanish, "
        "French, Portuguese or Italian: marketing, not the article.",
        examples=("for me und erhalten Sie exklusive Angebote!",
                  "Jetzt anmelden und sichern Sie sich exklusive Rabatte!",
                  "Hazte miembro y disfruta de beneficios exclusivos",
                  "Inscrivez-vous et profitez d'offres exclusives",
                  "Cadastre-se e receba ofertas exclusivas"),
        near_misses=("Mitglieder erhalten exklusive Einblicke in die Arbeit des Vereins, sagte "
                     "der Vorsitzende.", "Los socios reciben descuentos exclusivos desde 2019."),
        needles=("clusiv", "klusiv"),
    ),
    Rule(
        "intl.prompt.support",
        _opens(400, _fork(_INTL_SUPPORT)),
        "support appeals of reader-funded sites in German, Spanish, French, Polish, "
        "Portuguese, Italian, Indonesian, Turkish or Dutch ('Unterstütze unser Magazin', "
        "'Gefällt dir unser Magazin? … keine Paywall …', 'Apoya nuestro periodismo', "
        "'Soutenez-nous'); they open the line with the site's own plea.",
        examples=("Unterstütze unser Magazin mit einem kleinen Beitrag.",
                  "Unterstützen Sie unsere Arbeit mit einer Spende.",
                  "Gefällt dir unser Magazin? Wir haben keine Paywall, darum brauchen wir "
                  "deine Unterstützung.", "Apoya nuestro periodismo independiente",
                  "Soutenez-nous", "Wesprzyj nas", "Apoie o nosso jornalismo",
                  "Sostienici", "Dukung kami", "Bize destek olun", "Steun ons"),
        near_misses=("Unterstützen Sie Ihr Kind bei den Hausaufgaben, rät die Lehrerin.",
                     "Gefällt dir unser neues Sofa? fragte sie lachend.",
                     "Apoya la propuesta el 60 por ciento de los encuestados.",
                     "Steun voor het plan groeit in de gemeenteraad."),
    ),
    Rule(
        "intl.prompt.magazine",
        _opens(250, r"(?:lesen sie|lies|holen sie sich|hol dir) (?:das|die|den|unser(?:e|en)?) "
                    r"(?:\S+ ){0,3}\S*(?:magazin|heft|zeitschrift|ausgabe)\b.{0,150}"
                    r"\b(?:abo|abonnement|einzelheft|e-paper)\b"),
        "a magazine's own order prompt closing an article ('Lesen Sie das Magazin. … "
        "bestellen Sie es als Abo oder Einzelheft'): it names the magazine and an abo.",
        examples=("Lesen Sie das Rad Magazin. Einfach digital in der App oder bestellen Sie "
                  "es im Shop als Abo oder Einzelheft:",),
        near_misses=("Lesen Sie das Heft aufmerksam, sagte die Lehrerin, dann wissen Sie "
                     "mehr.",),
    ),
    Rule(
        "intl.ad.continue",
        _line(90, rf"[(\[]?(?:{_fork(_INTL_CONTINUE)})\s*[.:…)\]]*"),
        "'continues below the ad' markers in German, Spanish, French, Portuguese, Italian, "
        "Polish, Indonesian, Turkish or Dutch ('İçeriğin Devamı Aşağıda', 'Dalsza część "
        "artykułu pod reklamą'); whole line.",
        examples=("İçeriğin Devamı Aşağıda", "Dalsza część artykułu pod reklamą",
                  "Der Artikel geht unter der Anzeige weiter",
                  "La noticia continúa debajo", "L'article continue après la publicité",
                  "O texto continua após a publicidade", "Het artikel gaat verder onder de "
                  "advertentie"),
        near_misses=("Der Artikel geht unter der Anzeige weiter, wie der Verlag bestätigt, "
                     "auf Seite drei.",
                     "La noticia continúa debajo de la mesa, dijo el diputado en tono irónico."),
    ),
    Rule(
        "intl.prompt.video",
        _opens(200, rf"(?:{_fork(_INTL_VIDEO)})\s*[:：]"),
        "the label of an embedded video's title ('ZOBACZ WIDEO: …', 'Mira el vídeo: …', "
        "'Voir la vidéo : …') in Polish, German, Spanish, French, Portuguese, Italian, "
        "Indonesian, Turkish or Dutch: the player's caption, not the article.",
        examples=("ZOBACZ WIDEO: zobacz, jak padł gol w doliczonym czasie",
                  "Mira el vídeo: así fue la llegada del tren", "Voir la vidéo : la crue",
                  "Video ansehen: Die Flut im Tal", "Tonton video: banjir di Jakarta"),
        near_misses=("Zobacz wideo z wczoraj, a zrozumiesz, o co chodzi.",
                     "Mira el vídeo y dime qué ves, le pidió el juez."),
    ),
    Rule(
        "intl.footer.disclaimer",
        _opens(300, _fork(_INTL_DISCLAIMER)),
        "opinion disclaimers under commentaries in German, Spanish, French, Portuguese, "
        "Polish, Italian, Indonesian, Turkish or Dutch ('Este texto não reflete, "
        "necessariamente, a opinião do …', 'Cet article n'engage que son auteur'): they "
        "open the line with the outlet's own formula.",
        examples=("Este texto não reflete, necessariamente, a opinião do jornal",
                  "Der Beitrag gibt nicht zwingend die Meinung der Redaktion wieder.",
                  "Este artículo no refleja necesariamente la opinión del medio.",
                  "Cet article n'engage que son auteur.",
                  "Artykuł wyraża wyłącznie opinię autora.",
                  "Le opinioni espresse in questo articolo sono dell'autore.",
                  "Isi tulisan di luar tanggung jawab redaksi.",
                  "Yazılardaki görüşler yazarlarına aittir.",
                  "Dit artikel geeft niet noodzakelijk de mening van de redactie weer."),
        near_misses=("Der Beitrag gibt Anlass zur Sorge, sagt die Ärztin.",
                     "Este texto no es el definitivo, advirtió el ministro.",
                     "Cet article de loi n'a jamais été appliqué."),
    ),
)

LABELS: tuple[Rule, ...] = (
    _zh(
        "zh.label.empty",
        _line(14, r"[【\[(（]?\s*(?:责任编辑|编辑|责编|来源于?|作者|记者|通讯员|出处|摄影)"
                  r"\s*[:：]\s*[】\])）]?"),
        "an editor, source or author label with nothing after it ('责任编辑：'): the name is "
        "missing or sits elsewhere, and the label alone is no text.",
        examples=("责任编辑：", "来源：", "【编辑：】", "来源于："),
        near_misses=("编辑：王五",),
    ),
    Rule(
        "intl.label.alone",
        _line(24, rf"(?:{_fork(_LABELS_ALONE)})\s*[:：]"),
        "a source, author, photo or editor label with nothing after it ('Quelle:', 'Autoren:', "
        "'Źródło:'), in German, Spanish, French, Polish, Portuguese, Italian, Indonesian, "
        "Turkish or Dutch: the label alone is no text.",
        examples=("Quelle:", "Autoren:", "Fuente:", "Źródło:", "Source :", "Fonte:", "Sumber:",
                  "Kaynak:", "Bron:"),
        near_misses=("Quelle: dpa", "Quellen sprudeln im Frühjahr stärker.", "Quellen:",
                     "Sources :"),
    ),
    Rule(
        "intl.label.category",
        _line(120, rf"(?:{_fork(_INTL_CATEGORY)})\s*[:：]\s*[^.!?]{{1,90}}"),
        "a category or section label line ('Kategorie: News', 'Categoría: Deportes', "
        "'Rubrique : Sport') in German, Spanish, French, Polish, Portuguese, Italian, "
        "Indonesian, Turkish or Dutch: the site's filing, not the article.",
        examples=("Kategorie: Sport", "Kategorien: Reisen, Wandern", "Categoría: Deportes",
                  "Catégorie : Politique", "Kategoria: Sport", "Categoria: Economia",
                  "Kategori: Nasional", "Kategoriler: Gündem", "Categorie: Binnenland"),
        near_misses=("Kategorie: Das Wetter wird am Wochenende schlechter.",
                     "Die Kategorie der Kleinwagen wächst seit Jahren."),
    ),
)


# -- ads and sponsored labels ---------------------------------------------------------------------

ADS: tuple[Rule, ...] = (
    Rule(
        "generic.ad.label",
        _line(40, r"(?:(?:广告|推广|赞助|赞助内容|广告位|advertisements?|advert|advertising|"
                  r"sponsored(?: (?:content|links?|stories|post|by .{1,30}))?|"
                  r"promoted(?: (?:links?|"
                  r"content|stories))?|paid (?:content|post)|partner content|ads by google|"
                  r"ad ?choices|ads?|iklan|anzeige|publicidad|pubblicità|publicidade|реклама|"
                  r"(?:by\s*)?taboola|(?:recommended by\s*)?outbrain)\s*)+"),
        "ad labels ('广告', 'Advertisement', 'Sponsored Links', repeated widget labels), whole "
        "line: the word inside a sentence is not a label.",
        examples=("Advertisement", "广告", "Sponsored Links Sponsored Links", "ADVERTISEMENT"),
        near_misses=("Advertisement revenue rose 12 percent in the third quarter.",),
    ),
    Rule(
        "generic.ad.continue",
        _line(80, r"(?:advertisement\s*[-–—:]?\s*)?(?:continue reading (?:the main story|below)|"
                  r"story continues(?: below| after)?(?: (?:the )?advertisement)?|article "
                  r"continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|scroll (?:down )?"
                  r"to continue(?: with content)?)"),
        "'Story continues below advertisement' markers, whole line.",
        examples=("Story continues below advertisement", "Article continues below this ad"),
        near_misses=("The story continues next week.",),
    ),
    _zh(
        "zh.ad.player",
        _has(400, r"广告剩余\s*[:：]?\s*[0-9]+\s*秒|广告被拦截|VIP可关闭广告"),
        "video pre-roll overlay text; the countdown wording exists only in players.",
        examples=("广告剩余：15 秒", "广告剩余: 15秒 关闭广告"),
        near_misses=("广告剩余的时间不多了。",),
        needles=("广告",),
    ),    Rule(
        "intl.ad.disclosure",
        _opens(250, r"\*?\s*(?:ANZEIGE|WERBUNG|PUBLICIDAD|PUBLICITÉ|REKLAMA|REKLAM|IKLAN|"
                    r"ADVERTENTIE|PUBBLICITÀ|PUBLICIDADE)\s*[-–—|:*]|"
                    r"(?:Anzeige|Werbung|Publicidad|Publicité|Reklama|Reklam|Iklan|Advertentie|"
                    r"Pubblicità|Publicidade)\s*[|:]|\*\s*(?:Anzeige|Werbung|Unbezahlte Werbung)"
                    r"\b|(?:Dieser|Der) (?:Beitrag|Artikel|Post|Blogpost|Text) enthält "
                    r"(?:unbezahlte |bezahlte )?(?:Werbung|Affiliate|Werbelinks|Anzeigen?|"
                    r"Markennennung)"),
        "ad labels opening a line in capitals or with a colon ('ANZEIGE - …', '*Werbung.', "
        "'Anzeige: …'), and the disclosure 'Dieser Beitrag enthält Werbung'; case-sensitive, "
        "so a sentence about advertising is left alone.",
        ignore_case=False,
        examples=("ANZEIGE - Jetzt im Shop entdecken", "*Werbung. Dieser Beitrag enthält "
                  "Markennennungen.", "Dieser Beitrag enthält Affiliate-Links.",
                  "PUBLICIDAD - Contenido patrocinado", "Anzeige: Jetzt Angebote sichern"),
        near_misses=("Werbung im Fernsehen wird teurer, sagen die Sender.",
                     "Reklama – to dźwignia handlu, mawiał mój dziadek."),
    ),
)


# -- boundaries: headings that open related / comments / tags blocks ----------------------------

BOUNDARIES: tuple[Rule, ...] = (
    _zh(
        "zh.boundary.related",
        _line(40, rf"[>》【\[·•\s]*(?:{_alt(_BOUNDARY_ZH)})[\s】\]>》]*(?:[:：].{{0,40}})?|"
                  r"(?:[0-9]+条评论\s*[|｜]\s*)?[0-9]*人参与\s*网友评论|(?:网友评论|热门评论)\s.{0,20}"),
        "short headings of related/recommended/comment/tag blocks ('相关新闻', '为您推荐', "
        "'网友评论', '标签：…'); whole line, so a sentence mentioning 相关新闻 never matches.",
        BOUNDARY,
        examples=("相关新闻", "延伸阅读", "推荐阅读：", "为您推荐", "热门推荐", "猜你喜欢",
                  "网友评论", "标签：经济 外贸", "【相关阅读】"),
        near_misses=("相关新闻发布后，引发了网友的广泛讨论和转发。",
                     "评论家认为这部电影的结局过于仓促。", "大家都在讨论这件事。",
                     "标签上写着产品的生产日期和保质期。"),
    ),
    _zh(
        "zh.boundary.picks",
        _line(20, r"[>》【\[·•]*[" + HAN + r"]{2,6}精选[\s】\]>》]*[:：]?"),
        "'国内新闻精选：' heads a list of picked stories, whole short line.",
        BOUNDARY,
        examples=("本地新闻精选：", "国际新闻精选："),
        near_misses=("本周精选的十本好书已经公布。",),
        needles=("精选",),
    ),
    Rule(
        "generic.related.inline",
        _line(160, r"[>»•\s]*(?:related(?: (?:articles?|stories|story|content|coverage|links?))?|"
                   r"see also|also read|read (?:next|also)|more)\s*[:：]\s*\S.{8,140}"),
        "'RELATED: <a headline>' set between two paragraphs is one link to drop, not the head "
        "of a list: the paragraphs after it are the article's, however short.",
        examples=("RELATED: Council approves budget for new bike lanes",
                  "RELATED: How to prepare your home for winter storms",
                  "See also: Council approves budget for new bike lanes"),
        near_misses=("See also the table below for details.",),
    ),
    Rule(
        "generic.boundary.related",
        _line(60, rf"[>»•\s]*(?:{_alt(_BOUNDARY_EN)})\s*(?:[:：»>].{{0,60}})?"),
        "short headings of related/more/comments/tags blocks ('Related articles', 'More from …', "
        "'You may also like', 'Comments', 'Tags: …'), whole line.",
        BOUNDARY,
        examples=("Related articles", "More from Sports", "You may also like", "Comments",
                  "12 Comments", "Tags: economy, trade", "Next In World News",
                  "TODAY'S HOT TOPICS", "Up Next"),
        near_misses=("Related coverage of the election will continue through the night.",
                     "Comments from the minister drew criticism from the opposition.",
                     "More than 300 people attended the meeting on Friday."),
    ),    Rule(
        "intl.related.inline",
        _line(160, rf"[>»•\s]*(?:{_fork((*_INTL_READ_ALSO, *_INTL_READ_ALSO_TOO))})"
                   r"\s*[:：]\s*\S.{8,140}"),
        "'Lesen Sie auch: <a headline>', 'Baca juga: …', 'Lire aussi : …' in German, Spanish, "
        "French, Polish, Portuguese, Italian, Indonesian, Turkish or Dutch: a link set "
        "between two paragraphs, dropped alone (the paragraphs after it are the article's).",
        examples=("Lesen Sie auch: Stadt plant neue Radwege am Fluss",
                  "Baca juga: Harga cabai naik menjelang Lebaran", "Lire aussi : La ville "
                  "ouvre douze nouveaux parcs", "Leia também: Prefeitura abre novos parques",
                  "Leggi anche: Il comune apre nuovi parchi", "Czytaj też: Miasto otwiera "
                  "nowe parki", "Lees ook: Gemeente opent twaalf nieuwe parken",
                  "Lee también: El ayuntamiento abre nuevos parques",
                  "Mehr zum Thema: Neue Parks in der Innenstadt"),
        near_misses=("Lesen Sie auch die Hinweise auf der Packung, rät der Apotheker.",
                     "Baca juga buku panduan sebelum mendaki gunung tersebut.",
                     "Lire aussi entre les lignes n'est pas toujours facile.",
                     "Zobacz też, jak zmieniło się miasto w ciągu dekady."),
    ),
    Rule(
        "intl.related.pointer",
        _ends(200, rf"\b(?:{_fork(_INTL_POINTER)})\b[^.!?]{{0,80}}[?!]?"),
        "a one-line pointer to the site's own article on the subject ('Wie …, erklären wir in "
        "unserem Beitrag <title>', 'Mehr dazu lesen Sie in unserem Ratgeber <title>') in "
        "German: the line ends with the linked title, "
        "a 'read also' link worded as a sentence.",
        examples=("Wie das geht, erklären wir in unserem Beitrag Sicher surfen im Netz?",
                  "Mehr dazu lesen Sie in unserem Ratgeber Datenschutz am Handy",
                  "Was sich ändert, zeigen wir in unserem Überblick Neue Regeln 2024"),
        near_misses=("In unserem Beitrag von gestern stand ein Fehler, den wir hier "
                     "korrigieren.",
                     "Wie das geht, erklären wir in unserem Beitrag. Zuerst braucht man Mehl, "
                     "dann Wasser und Salz.",
                     "Das zeigen wir in unserem Test ausführlich; das Ergebnis überrascht. "
                     "Mehr folgt."),
        needles=("in unserem",),
    ),
    Rule(
        "intl.related.more_info",
        _line(160, rf"(?:{_fork(_INTL_MORE_INFO)})\s*:?\s*(?:https?://|www\.)[^\s]+"),
        "'Weitere Infos unter www.…', 'Más información en www.…' in German, Spanish, French, "
        "Polish, Portuguese, Italian, Indonesian, Turkish or Dutch: a pointer to another site "
        "made of the phrase and the address alone.",
        examples=("Weitere Infos unter www.example.de.",
                  "Weitere Informationen unter https://example.org/programm",
                  "Más información en www.example.es", "Plus d'infos sur www.example.fr",
                  "Więcej informacji na www.example.pl"),
        near_misses=("Weitere Infos unter der Hotline gibt es nicht, sagt die Stadt.",
                     "Weitere Infos unter www.example.de und bei der Stadtverwaltung, die "
                     "montags geöffnet hat."),
    ),
    Rule(
        "intl.boundary.related",
        _line(60, rf"[>»•\s]*(?:{_fork(_INTL_RELATED)})\s*(?:[:：»>].{{0,60}})?"),
        "short headings of related / more-on-this-topic / recommended / most-read / comments "
        "/ tags blocks in German, Spanish, French, Polish, Portuguese, Italian, Indonesian, "
        "Turkish or Dutch ('Mehr zum Thema', 'Noticias relacionadas', 'Articles similaires', "
        "'Berita terkait', '12 Kommentare', 'Schlagwörter: …'); whole line.",
        BOUNDARY,
        examples=("Mehr zum Thema", "Weitere Wandertipps im Allgäu", "Empfohlene Beiträge",
                  "Das könnte dich auch interessieren:", "Kommentieren",
                  "Das könnte Sie auch interessieren", "12 Kommentare",
                  "Schlagwörter: Umwelt, Verkehr", "Noticias relacionadas",
                  "También te puede interesar", "Lo más leído", "3 comentarios",
                  "Articles similaires", "Sur le même sujet", "Les plus lus",
                  "Laisser un commentaire", "Mots-clés : climat, énergie",
                  "Polecane artykuły", "Najczęściej czytane", "Może cię zainteresować",
                  "Notícias relacionadas", "Você também pode gostar", "Mais lidas",
                  "Deixe um comentário", "Articoli correlati", "Potrebbe interessarti anche",
                  "Lascia un commento", "Berita terkait", "Berita lainnya", "Terpopuler",
                  "İlgili haberler", "Bunlar da ilginizi çekebilir", "Yorumlar",
                  "Gerelateerde artikelen", "Meest gelezen", "Plaats een reactie"),
        near_misses=("Mehr zum Thema Wohnen erfahren Sie am Montag im Rathaus.",
                     "Weitere Tipps gibt der Förster bei der Führung am Sonntag.",
                     "Kommentare im Netz reichten von Zustimmung bis Spott.",
                     "Relacionado con el caso, el juez citó a tres testigos.",
                     "Les plus lus des auteurs locaux seront présents au salon.",
                     "Komentarze pod wpisem były w większości przychylne.",
                     "Correlati a questo tema, gli studi sono ancora pochi.",
                     "Komentar warga di media sosial beragam, kata dia.",
                     "Yorumlar arasında en çok dikkat çeken öneri ulaşım oldu.",
                     "Meer dan driehonderd mensen kwamen naar de bijeenkomst.",
                     "Kommentar"),
    ),
    Rule(
        "intl.boundary.author_box",
        # bare "Autor" without a colon: with one, it is a label (intl.label.alone)
        _line(40, rf"[>»•\s]*(?:(?:{_fork(_AUTHOR_BOX)})\s*:?|autor(?:in|en|innen)?)"),
        "the heading of the author's bio box ('Über den Autor', 'AUTOR', 'Sobre el autor', "
        "'À propos de l'auteur') in German, Spanish, French, Polish, Portuguese, Italian, "
        "Indonesian, Turkish or Dutch; whole line: the box "
        "under it is the writer's résumé, not the article.",
        BOUNDARY,
        examples=("Über den Autor", "AUTOR", "Zur Autorin", "Sobre el autor",
                  "À propos de l'auteur", "O autorze", "Sobre a autora", "L'autore",
                  "Tentang penulis", "Yazar hakkında", "Over de auteur"),
        near_misses=("Über den Autor ist wenig bekannt, schreibt der Verlag.",
                     "Autoren und Verlage streiten über die Preise.",
                     "Sobre el autor recae toda la responsabilidad, dijo el juez."),
    ),
    Rule(
        "intl.boundary.press_contact",
        _line(40, rf"[>»•\s]*(?:{_fork(_PRESS_CONTACT)})\s*:?"),
        "a press-contact heading ('Pressekontakt', 'Contacto de prensa', 'Contact presse', "
        "'Kontakt dla mediów', 'Media contact') over the press office's name, phone and "
        "e-mail; whole line: the office's address card, not the article.",
        BOUNDARY,
        examples=("Pressekontakt", "Pressekontakt:", "Medienkontakt", "Contacto de prensa",
                  "Contact presse", "Kontakt dla mediów", "Contato para imprensa",
                  "Contatti stampa", "Kontak media", "Media contact", "Press enquiries:"),
        near_misses=("Pressekontakte gab es seit Wochen nicht, sagte der Sprecher.",
                     "Contact presse et radio ont été coupés pendant la grève.",
                     "Media contacts with the minister were limited during the trip."),
    ),
)


# -- captions -----------------------------------------------------------------------------------

_AGENCY = (
    r"AP|AP Photo|AFP|Reuters|Getty Images?|EPA(?:-EFE)?|Bloomberg|Shutterstock|iStock(?:photo)?|"
    r"AAP|PA|PA Images|PA Wire|Xinhua|NurPhoto|Alamy|Corbis|Pool|File"
)

ZH_CAPTION: tuple[Rule, ...] = (
    _zh(
        "zh.caption.tuwei",
        _opens(200, r"[▲△↑▼↓\s]*图为\s*[:：]?"),
        "'图为:…' opens a caption by definition.",
        CAPTION,
        examples=("图为：公园里晨练的居民。", "图为：工人在车间检修设备 张三丰 摄",
                  "图为:夜色中的古镇"),
        near_misses=("试图为企业减负的政策陆续出台。",),
    ),
    _zh(
        "zh.caption.source",
        _opens(100, r"[▲△↑▼↓\s]*[(（\[【]?\s*(?:图片?|照片|配图|视频|图文)\s*"
                    r"(?:来源|来自|源自|提供|"
                    r"均来自|均来源于|源|由)\s*[:：/于]?"),
        "'图片来源：…', '(图片来源：…)', '图片均来自网络', '▲图片来自视频截图' open the line.",
        CAPTION,
        examples=("图片来源：园林部门。", "图片来源：某某视觉", "（图片来源：网络）",
                  "▲图片来自视频截图。", "图片均来自网络"),
        near_misses=("这些图片来源于网络，无法核实真伪。",),
    ),
    _zh(
        "zh.caption.slash",
        _opens(60, r"[(（]?\s*(?:图|摄影|摄|制图|图文)\s*[/／:：|]\s*\S"),
        "'图/新华社', '摄影：…' credit labels open the line.",
        CAPTION,
        examples=("图/周小林。", "图/某某社", "摄影：王小明"),
        near_misses=("摄影师表示，这组照片拍了三年。",),
    ),
    _zh(
        "zh.caption.photographer",
        _ends(200, r"(?:[\s　/／]|记者|通讯员|实习生|摄影|摄影师|特约)[" + HAN + r"]{2,4}"
                   r"\s?[/／]?\s?摄(?:影)?"
                   r"\s*[)）]?|[(（][^()（）]{0,20}\s摄[)）]"),
        "'… 牟永选 摄' / '（新华社记者 李响 摄）': a name plus 摄 ends the line; prose that "
        "ends in "
        "'拍摄' has no space or credit word before the name.",
        CAPTION,
        examples=("新建的社区公园 通讯员 陈思远 摄", "春日里的油菜花田。 通讯员李小龙 摄",
                  "游客在湖边拍照 王大力 摄", "（新华社记者 赵六 摄）"),
        near_misses=("他们在车间里拍摄了整个生产过程",),
        needles=("摄",),
    ),
    _zh(
        "zh.caption.agency",
        _ends(200, r".{2}[(（]\s*(?:视觉中国|东方IC|IC photo|CFP|图虫创意|摄图网|视频截图|网络截图|"
                   r"资料图片?|网络图片|受访者供图|受访者提供|图片来源于?网络|图源网络|"
                   r"Getty Images?|"
                   r"AFP|Reuters|AP|EPA|新华社发|[^()（）]{1,16}供图)\s*[)）]"),
        "a picture agency or '视频截图' in brackets closing a caption ('…（视觉中国）'); "
        "case-sensitive so '(ePA)' in prose is not EPA.",
        CAPTION,
        examples=("傍晚在公园散步的市民（资料图片）", "晨练的市民在公园里打太极。（视觉中国）",
                  "城市夜景（视频截图）"),
        near_misses=("这家公司此前被曝使用了网络图片（未经授权）。",),
        needles=("(", "（"),
        ends=(")", "）"),
    ),
    _zh(
        "zh.caption.screenshot",
        _ends(60, r"(?<![了过着行将要会被并再可先来去])截图[。.]?|供图|提供图片|图片提供"),
        "short lines ending '…截图' / '…供图' label a picture; '进行了截图' is a verb in a "
        "sentence, not a label.",
        CAPTION,
        examples=("公园导览地图截图。", "某网站报道截图", "节目现场截图。", "当地警方供图"),
        near_misses=("截图显示，该账号已被封禁多日。", "记者对相关页面进行了截图。"),
        needles=("截图", "供图", "提供图片", "图片提供"),
    ),
    _zh(
        "zh.caption.video_title",
        _opens(100, r"视频\s*[-－—:：]\s*\S"),
        "'视频-<title>' lines under embedded players are the video's caption.",
        CAPTION,
        examples=("视频-社区公园开放首日。", "视频-市民在公园晨练", "视频：大桥合龙瞬间"),
        near_misses=("视频显示，事发时路面湿滑。",),
    ),
)

GENERIC_CAPTION: tuple[Rule, ...] = (
    Rule(
        "generic.caption.label",
        _opens(300, r"(?:photo|photograph|image|picture|pic|video|illustration|graphic|"
                    r"(?:photo|image|picture) credit|credit|caption)s?\s*(?:credit)?\s*"
                    r"[:：|]\s*\S"),
        "'Photo: …', 'Image credit: …', 'Video: …' labels open a caption line.",
        CAPTION,
        examples=("Photo: Families at the new riverside park.",
                  "Photo: A crowd gathers outside the stadium", "Image credit: NASA"),
        near_misses=("Photographs of the event were shared widely.",),
    ),
    Rule(
        "generic.caption.photo_by",
        _opens(150, r"(?:photo|photograph|picture|image|file photo)s? "
                    r"(?:by|courtesy(?: of)?)\s*:?\s+\S"),
        "'Photo by …' / 'Photo by: …' / 'Photo courtesy of …' open a credit line.",
        CAPTION,
        examples=("Photo by Dana Whitfield.", "Photo by Jane Roe on a sunny day",
                  "Photo courtesy of the city", "Photo by: Jane Roe"),
        near_misses=("The photo was taken in 1998 by her father.",),
    ),
    Rule(
        "generic.caption.credit_paren",
        _ends(400, r"[(\[]\s*(?:(?:photo|image|picture|pic|photograph|file)s?\s*"
                   r"(?:credit|courtesy)?"
                   r"\s*(?:by|of|:)?\s*[^()\[\]]{1,80}|[^()\[\]]{1,60}/\s*(?:" + _AGENCY + r")"
                   r"(?:\s+via\s+[^()\[\]]{1,40})?|(?:" + _AGENCY + r")\s*/\s*[^()\[\]]{1,60})"
                   r"\s*[)\]]"),
        "'(Photo: …)', '(Name/AP)', '(AP Photo/Name)' closing the line: the picture-credit "
        "bracket of a caption; body sentences do not end with a photo agency credit.",
        CAPTION,
        examples=("Children play on the new swings (Photo: Parks Department)",
                  "Fans cheer during the final match on Sunday. (John Smith/AP)",
                  "The bridge at dusk (Photo: City Council)"),
        near_misses=("He said the report (published in March) was accurate.",),
        needles=("(", "["),
        ends=(")", "]"),
    ),
    Rule(
        "generic.caption.credit_dots",
        _has(500, r"\bcredit\s*(?:\.{2,}|…)\s*\S"),
        "'…Credit…Name/Agency' glued after caption text.",
        CAPTION,
        examples=("A new walking trail.Credit...Dana Whitfield.",
                  "Protesters march downtown.Credit...Jane Roe for The Daily"),
        near_misses=("The bank gave him credit for the idea.",),
        needles=("credit",),
    ),
    Rule(
        "generic.caption.agency_line",
        _line(80, r"(?:[^/]{1,40}/\s*)?(?:©\s*)?(?:getty images?|istock(?:photo)?|shutterstock|"
                  r"alamy|ap photo|afp(?: via getty images)?|reuters|associated press|epa(?:-efe)?)"
                  r"(?:\s*(?:/|via)\s*[^/]{1,40})?"),
        "a bare agency credit line ('Getty Images', 'Name/AFP via Getty Images').",
        CAPTION,
        examples=("Getty Images", "John Roe/AFP via Getty Images"),
        near_misses=("Reuters reported the deal on Tuesday.",),
        needles=("getty", "istock", "shutterstock", "alamy", "ap photo", "afp", "reuters",
                 "associated press", "epa"),
    ),
)


INTL_CAPTION: tuple[Rule, ...] = (
    Rule(
        "intl.caption.credit",
        _opens(200, r"(?:crédits? (?:photos?|images?|photographiques?)|crédits?|"
                    r"fotos?|fotografía|fotografia|fotografie|fotoğraf|fotoquelle|"
                    r"bild(?:quelle|nachweis|rechte)?|imagen|immagine|zdjęcie|gambar|görsel|"
                    r"beeld|afbeelding)\s*[:：|]\s*\S|fot\.\s*\S"),
        "picture credits in German, Spanish, French, Polish, Portuguese, Italian, Indonesian, "
        "Turkish or Dutch ('Foto: …', 'Bildquelle: …', 'Crédits photos : …', 'Fot. …') open "
        "a caption line.",
        CAPTION,
        examples=("Crédits photos : Agence Exemple", "Foto: Max Mustermann", "Bildquelle: Stadt",
                  "Fotografía: Juan Pérez", "Fot. Jan Kowalski", "Foto: Reprodução",
                  "Görsel: Anadolu Ajansı", "Beeld: ANP"),
        near_misses=("Fotos aus dem Urlaub zeigen den Strand.",
                     "Bildrechte liegen beim Verlag, sagte der Sprecher."),
    ),
)


# -- blog and newspaper post footers ------------------------------------------------------------
# What a blog or newspaper template prints under every post: the filing line of blog
# software, the print-edition note, the reprint notice, the rating widget, the "if you
# enjoyed this post" plea. Fixed template wording, so they are dropped wherever they sit.

POST_FOOTER: tuple[Rule, ...] = (
    Rule(
        "generic.footer.post_filed",
        _opens(300, r"posted in\s*:?\s*[^.|]{1,60}\|\s*(?:tagged|leave a comment|[0-9]+ "
                    r"comments?|comments?)\b"),
        "the blog software's filing line under a post ('Posted in News | Tagged … | Leave a "
        "comment'); it opens the line ('This entry was posted on …' is "
        "generic.footer.wordpress_entry's).",
        examples=("Posted in Local News | Tagged parks, city council | Leave a comment",
                  "Posted in: Sports | 3 comments |"),
        near_misses=("Posted in the window, the notice told residents the water was unsafe.",
                     "Posted in March | the rest of the letter was lost."),
    ),
    Rule(
        "generic.footer.permalink",
        _has(400, r"\bbookmark the permalink\b|\bfollow any responses to this (?:entry|post)\b"),
        "'Bookmark the permalink.' and 'You can follow any responses to this entry through "
        "the RSS feed.' are the blog software's own words, wherever they sit in the line.",
        examples=("This was written by Jane Roe. Posted on Friday, May 1, 2015. Filed under "
                  "Parks. Bookmark the permalink.",
                  "You can follow any responses to this entry through the RSS 2.0 feed."),
        near_misses=("Readers can follow the responses of the council on its website.",),
        needles=("permalink", "responses to this"),
    ),
    Rule(
        "generic.footer.filed_under",
        _has(150, r"(?:^|[|·•]\s*)filed under\s*:?\s+[^.!?]{1,80}$"),
        "'Filed Under News, Local' after a separator or alone on a line: the post's "
        "categories; a sentence about a court filing has no separator before the words.",
        examples=("Posted by admin · Filed Under Parks, City News", "Filed Under News, Local"),
        near_misses=("The lawsuit was filed under seal in March.",),
        needles=("filed under",),
    ),
    Rule(
        "generic.footer.personal_use",
        _opens(400, r"this copy is for your personal,? non-?commercial use only\b"),
        "the reprint notice of newspaper templates ('This copy is for your personal, "
        "non-commercial use only. …'), opening the line.",
        examples=("This copy is for your personal, non-commercial use only. To order "
                  "presentation-ready copies, use the Reprints tool.",),
        near_misses=("This copy is for your records, the clerk said.",),
    ),
    Rule(
        "generic.footer.not_necessarily",
        _has(250, r"\b(?:views|opinions) expressed (?:here(?:in)? |on this (?:site|blog) |in this "
                  r"(?:post|article|blog) )?are not necessarily (?:those|the views) of\b"),
        "'Opinions expressed are not necessarily those of …': the site's disclaimer, "
        "wherever it sits in a short line.",
        examples=("Opinions expressed are not necessarily those of the publisher.",
                  "This is a personal blog. Views expressed here are not necessarily those of "
                  "my employer."),
        near_misses=("The views expressed at the meeting were those of a small minority.",),
        needles=("expressed",),
    ),
    Rule(
        "generic.footer.powered_by",
        _line(100, r"(?:proudly )?powered by [^.!?,]{1,30}(?:\.(?: [^.!?]{1,60}[.!]?)?)?"),
        "'Powered by WordPress.' credits the site's software; a short line of its own (a "
        "sentence about engines goes on after a comma).",
        examples=("Powered by WordPress", "Powered by a blog engine. Photo at top by Jane Roe."),
        near_misses=("Powered by solar panels, the boat crossed the Atlantic in 20 days.",),
    ),
    Rule(
        "generic.toolbar.rating",
        _line(80, r"(?:your rating:\s*(?:none|[0-9.]+)\s*)?average:\s*[0-9.]+"
                  r"(?:\s*\(\s*[0-9]+ votes?\s*\))?"),
        "the rating widget's line ('Your rating: None Average: 4 (6 votes)'), whole line.",
        examples=("Your rating: None Average: 4 (6 votes)", "Average: 3.5 (12 votes)"),
        near_misses=("Average: the word the report uses for most households.",),
    ),
    Rule(
        "generic.byline.follow_button",
        _line(160, r"by\s+[^.!?@]{2,80}?\s+follow\s+@\w{1,30}"),
        "a byline bar ending in the writer's follow button ('By Jane Roe May 4 at 9:12 AM "
        "Follow @janeroe'): the template's, whole line.",
        examples=("By Jane Roe May 4 at 9:12 AM Follow @janeroe",),
        near_misses=("By Monday, residents were told to follow the river path.",),
    ),
    Rule(
        "generic.prompt.video_countdown",
        _line(60, r"your (?:video|ad) will (?:play|start|begin|resume) in [0-9:]+(?: seconds?)?"),
        "the video player's countdown ('Your video will play in 00:25'), whole line.",
        examples=("Your video will play in 00:25",),
        near_misses=("Your video will play in every classroom next year.",),
    ),
    Rule(
        "generic.prompt.found_useful",
        _opens(250, r"if you (?:found|find) (?:this|our) (?:post|article|story|blog|recipe|"
                    r"tutorial|guide)s?\b[^.!?]{0,30}?,?\s*(?:please|consider|why not|don'?t "
                    r"forget|be sure|subscribe|share|like|follow)\b"),
        "'If you found this post useful, please share it …': the blog template's plea, "
        "opening the line (the 'If you enjoyed this post' form is generic.prompt.enjoyed's).",
        examples=("If you found this post useful, please share it with your friends.",
                  "If you find our recipes helpful, why not subscribe to the newsletter?"),
        near_misses=("If you found this story hard to believe, so did the jury.",),
    ),
)

# -- notes at the body's tail -------------------------------------------------------------------
# An author box or a contact line looks like a paragraph ("Jane Roe is a staff writer
# at …"), and the same words in the middle of a story are news ("Roe is the founder of the
# company, the filing says."). So these rules are not in TEXT_RULES: the finish stage asks
# them only about the last lines of the body (see stages/finish.py), and only names that
# open the line count, never an honorific ("Mr. Roe") or a pronoun.

# A person's name as a bio opens with it: two to four capitalized words (initials too), not a
# title or an article, and perhaps a handle in brackets.
_PERSON = (r"(?!(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Sir|The|This|That|These|Our|His|Her|"
           r"Their|It|A|An)\b)[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){1,3}"
           r"(?:\s*\([^()]{1,30}\))?")
# The roles an author box gives its writer.
_BIO_ROLE = (
    "writer", "editor", "reporter", "journalist", "correspondent", "columnist", "contributor",
    "blogger", "author of", "founder", "co-founder", "cofounder", "ceo", "president of",
    "producer", "photographer", "critic", "freelancer", "illustrator", "podcaster",
)

TAIL_NOTES = RuleSet(
    (
        Rule(
            "tail.bio.role",
            _opens(1500, rf"(?!.*\b(?:said|says|told|according to)\b){_PERSON}\s+(?:is|was|"
                        r"has been|serves as)\s+(?:(?:a|an|the|our)\s+)?(?i:[^.!?]{0,60}?\b"
                        rf"(?:{_alt(_BIO_ROLE)})s?\b)"),
            "an author box at the body's end opens with the writer's full name and a role "
            "('Jane Roe is a staff writer at …', '… is the founder of …'); a quote or "
            "attribution ('…, the filing says') is news, and so is 'Mr. Roe'.",
            ignore_case=False,
            examples=("Jane Roe is a staff writer at the Riverside Gazette. Email: "
                      "jroe@example.com",
                      "John Q. Public is the founder and editor of Example Crafts. He lives "
                      "in Ohio with his wife.",
                      "Sam Lee (@samlee) is President of Example Ministries."),
            near_misses=("Jane Roe is the founder of the company, the filing says.",
                         "Mr. Roe is the author of three books on the river.",
                         "The Riverside Gazette is a weekly paper founded in 1901.",
                         "Roe is the founder of the company."),
        ),
        Rule(
            "tail.bio.beat",
            _opens(400, rf"{_PERSON}(?:\s*/\s*[A-Z][\w'’-]+)?\s+(?:covers|writes about|reports "
                        r"on|blogs about)\s+[^.!?]{2,80}?\s(?:for|at)\s"),
            "'Jane Roe covers city hall for the Gazette': the writer's beat, an author box's "
            "opening words.",
            ignore_case=False,
            examples=("Jane Roe covers city hall for the Riverside Gazette.",
                      "Jane Roe / Jane covers tech policy for Example News, with a focus on "
                      "privacy."),
            near_misses=("The insurance covers most of the cost for families.",
                         "Jane Roe covers her face as she leaves the court."),
        ),
        Rule(
            "tail.bio.contact",
            _opens(300, rf"{_PERSON}\s+(?:can|may) be (?:reached|contacted|emailed)\s+(?:at|via|"
                        r"by|on)\b|(?i:(?:you can )?(?:reach|contact|e-?mail) (?:him|her|them|"
                        r"me|the (?:author|writer|reporter)) at)\s|(?i:contact|e-?mail|reach) "
                        r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2} at\s+\S*(?:@|[0-9]{3})|"
                        rf"{_PERSON}:\s*(?:\(?[0-9]{{3}}\)?[ .-]?[0-9]{{3}}[ .-][0-9]{{4}}|"
                        r"\S+@\S+)"),
            "'Jane Roe can be reached at jroe@example.com', 'Contact Jane at …', 'Jane Roe: "
            "555-123-4567 or jroe@example.com': the writer's contact line.",
            ignore_case=False,
            examples=("Jane Roe can be reached at jroe@example.com or 555-123-4567.",
                      "You can reach her at jroe@example.com.",
                      "Contact Jane at 555-123-4567 or jroe@example.com.",
                      "Jane Roe: 555-123-4567 or jroe@example.com; on Twitter: @janeroe."),
            near_misses=("The island can be reached at low tide on foot.",
                         "Jane Roe can be seen at the gallery until May.",
                         "Contact Lens Care at home is simple, the optician said.",
                         "Jane Roe: the 1998 film that made her name."),
        ),
        Rule(
            "tail.bio.follow",
            _has(300, r"\b(?:follow|find) (?:him|her|them)(?: on (?:twitter|x|facebook|instagram|"
                      r"linkedin|mastodon|bluesky))?(?: at)?\s*\(?@\w"),
            "'… or follow her @janeroe, …': the plug for the writer's account, anywhere in a "
            "line at the body's end (a line that ends with it is "
            "generic.prompt.follow_writer's).",
            examples=("Write to Jane Roe at jroe@example.com or follow her @janeroe, and tell "
                      "us what you think of the parks.",),
            near_misses=("Fans follow him everywhere he goes, she said.",
                         "Please like me on Facebook or follow me on Twitter!",
                         "Be sure to follow him on Twitter and give him a warm welcome."),
        ),
        Rule(
            "tail.bio.posts",
            _has(300, r"\bwho has written [0-9,]+ (?:posts|articles)\b"),
            "'Jane Roe – who has written 120 posts on Example Blog.': the author box's count.",
            examples=("Jane Roe – who has written 120 posts on Example Blog.",),
            near_misses=("The author, who has written two books, spoke on Friday.",),
        ),
        Rule(
            "tail.bio.greeting",
            _opens(600, r"(?i:(?:hi|hello|hey)(?: there| everyone| all)?[,!.]?\s+(?:i'?m|i am|"
                        r"my name is))\s+[A-Z]"),
            "'Hi, I'm Jane. I live in …': the blogger's own box under the post.",
            ignore_case=False,
            examples=("Hi, I'm Jane. I live in Ohio and write about crafts.",
                      "Hi I am Jane Roe and this is my blog."),
            near_misses=("Hi, I'm calling about the flat, she said.",),
        ),
        Rule(
            "tail.prompt.follow_label",
            _line(30, r"(?:follow|connect with|find) (?:me|him|her)(?: on)?\s*:?"),
            "'Follow Me:' labels the icons of the writer's accounts, whole short line.",
            examples=("Follow Me:", "Connect with me"),
            near_misses=("Follow me, said the guide.",),
        ),
        Rule(
            "tail.prompt.comments",
            _has(300, r"\blet (?:us|me) know (?:what you think |your thoughts )?(?:in|via|"
                      r"using) the comments?\b"),
            "'What do you think? Let us know in the comments.': the call for comments that "
            "ends a post.",
            examples=("What do you think of the new parks? Let us know in the comments.",
                      "Let me know what you think in the comments below."),
            near_misses=("Let us know what the council decides, he told the reporter.",),
        ),
        Rule(
            "tail.prompt.subscribe",
            _opens(250, r"(?:sign up|subscribe)(?: here| now| today)? (?:for|to) our\b"
                        r"[^.!?]{0,60}\b(?:e-?mails?|newsletters?|channel|feed|podcast|alerts?)"
                        r"\b|join (?:over |more than )?[0-9][0-9,.]*k? (?:\w+ )?(?:readers|"
                        r"subscribers|fans)\b"),
            "'Sign up here for our daily email …', 'Join over 10,000 readers!': the site's "
            "subscribe plea at the post's end.",
            examples=("Sign up here for our daily email and subscribe to our video channel.",
                      "Join over 10,000 monthly readers! Subscribe to the free newsletter."),
            near_misses=("Sign up for the program before the deadline, officials said.",
                         "Sign up for the bundle using the same email as your old account.",
                         "Join more than 200 volunteers at the river clean-up on Saturday."),
        ),
        Rule(
            "tail.prompt.like",
            _has(300, r"\b(?:hit|click|press|tap) ['‘\"]?(?:like|follow)['’\"]? on our\b|"
                      r"\blike us on facebook\b"),
            "'Just hit Like on our Facebook page', 'Like us on Facebook': the site's plea "
            "for followers at the post's end.",
            examples=("Want more news? Just hit 'Like' on our Facebook page and 'Follow' on "
                      "our Instagram account.", "Like us on Facebook for more local news."),
            near_misses=("Users hit like on the post more than a million times.",),
        ),
    ),
)

#: How many tail notes in a row the walk back from the body's end drops at most.
TAIL_REACH = 4


def classify_tail(text: str) -> Rule | None:
    """The tail note (:data:`TAIL_NOTES`) a line at the body's end is, or None."""
    return TAIL_NOTES.first(text)

# -- the full table ---------------------------------------------------------------------------

#: Rules that stay on the regex engine: re backtracks exponentially on their nested repeats
#: (a line of 60 digits and a stray character takes zh.nav.pages' (?:[0-9]+\s*)* forever),
#: and so may the bars whose words and counters need no separator between them.
REGEX_ONLY = frozenset({
    "zh.nav.pages", "zh.toolbar.bar", "zh.toolbar.account", "zh.footer.link_bar",
    "generic.toolbar.account",
})

#: All text rules in match order: captions and boundaries first (a 'Photo: … © 2019' line is a
#: caption, 'Comments' opens a block), then chrome to drop.
TEXT_RULES = RuleSet(
    (
        *ZH_CAPTION, *GENERIC_CAPTION, *INTL_CAPTION, *BOUNDARIES, *ZH_FOOTER, *GENERIC_FOOTER,
        *ZH_NAV, *GENERIC_NAV, *ZH_TOOLBAR, *GENERIC_TOOLBAR, *INTL_TOOLBAR, *ZH_PROMPT,
        *GENERIC_PROMPT, *INTL_PROMPT, *INTL_PROMO, *LABELS, *ADS, *POST_FOOTER,
    ),
    engine="re",
    keep_regex=REGEX_ONLY,
)

#: The scanners' needles (see :attr:`Rule.needles`): given for the rules that look past the
#: start of the line, so most lines skip them without a regex run.
SCAN_NEEDLES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {r.id: r.needles for r in TEXT_RULES if r.needles})

#: The characters one of which ends every line the scanner matches, for the scanners whose
#: needles are common in prose: a sentence with a bracket in it runs them only when it also
#: ends with a closing bracket (the classifier's lines never end in a line break, so the
#: last character is where the pattern's ``$`` falls).
SCAN_ENDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {r.id: r.ends for r in TEXT_RULES if r.ends})


# -- the classifier -----------------------------------------------------------------------------
#
# Same answer as TEXT_RULES.first(text), much faster:
# - anchored rules can only match a line that starts with certain characters. Which ones is
#   read off each pattern with partial matching (can the one-character string c be the start
#   of a match?) by cleanweb.rules.generate, which writes the table to text_starts (a test
#   fails while it is stale); only the rules possible after a line's first character run;
# - scanners run only when one of their needles occurs in the line.


def gate(rule: Rule) -> int:
    """The longest line (in characters) ``rule`` can match, read from its ``^(?=.{0,N}$)``."""
    limit = rule.gate
    if limit is None:
        raise ValueError(f"text rule {rule.id} lacks a line-length gate")
    return limit


_Candidates = tuple[tuple[int, Rule, LazyPattern | LazyRegex, int], ...]


def _possible(rule_id: str, char: str) -> bool:
    """Whether a match of the anchored rule ``rule_id`` can start with ``char`` (a rule the
    table does not know yet can start with anything: slower, never wrong)."""
    starts = STARTS.get(rule_id)
    return char in starts if starts is not None else char not in ANY_START.get(rule_id, "")


def _dispatch(rules: RuleSet) -> tuple[Mapping[str, _Candidates], _Candidates]:
    """First character -> the anchored rules (index, rule, compiled, gate) possible after
    it, in table order; and those possible after a first character the table does not list."""
    anchored = [(i, r) for i, r in enumerate(rules.rules) if r.id not in SCAN_NEEDLES]

    def candidates(ids: Iterable[int]) -> _Candidates:
        return tuple((i, rules.rules[i], rules.lazy(i), gate(rules.rules[i])) for i in ids)

    chars = {c for table in (STARTS, ANY_START) for cs in table.values() for c in cs}
    table = MappingProxyType({
        c: candidates(i for i, r in anchored if _possible(r.id, c)) for c in chars
    })
    return table, candidates(i for i, r in anchored if r.id not in STARTS)


class _Needles(NamedTuple):
    """The needles of the scanners that a line of some length can still match, each with
    the scanners that own it: ASCII needles first, since an ASCII line can hold no other."""

    found: tuple[tuple[str, frozenset[str]], ...]
    ascii: int


def _needles(needles: Mapping[str, tuple[str, ...]]) -> _Needles:
    owners: dict[str, set[str]] = {}
    for rule_id, ns in needles.items():
        for n in ns:
            owners.setdefault(n, set()).add(rule_id)
    ordered = sorted(owners, key=lambda n: (not n.isascii(), n))
    return _Needles(tuple((n, frozenset(owners[n])) for n in ordered),
                    sum(n.isascii() for n in ordered))


def _needles_by_gate(scanners: Sequence[tuple[int, Rule, object, int]]
                     ) -> tuple[tuple[int, ...], tuple[_Needles, ...]]:
    """Each distinct scanner gate, ascending, with the needles of the scanners whose gate is
    at least that: a line longer than a scanner's gate never looks for its needles."""
    gates = sorted({g for *_, g in scanners})
    by_gate = tuple(
        _needles({r.id: SCAN_NEEDLES[r.id] for _, r, _, g in scanners if g >= step})
        for step in gates
    )
    return tuple(gates), by_gate


def _owners_found(needles: _Needles, low: str) -> set[str]:
    """Ids of the scanners one of whose needles occurs in the lower-cased line. Substring
    tests run in C at memchr speed; one alternation of all needles would try each of them
    at every position of the line."""
    ids: set[str] = set()
    for needle, owners in needles.found[: needles.ascii] if low.isascii() else needles.found:
        if needle in low:
            ids |= owners
    return ids


_BY_FIRST_CHAR, _OTHER_FIRST_CHAR = _dispatch(TEXT_RULES)
_SCANNERS = tuple(
    (i, r, TEXT_RULES.lazy(i), gate(r)) for i, r in enumerate(TEXT_RULES.rules)
    if r.id in SCAN_NEEDLES
)
_GATE_STEPS, _NEEDLES = _needles_by_gate(_SCANNERS)
_MAX_GATE = max(gate(r) for r in TEXT_RULES)
_NONE = len(TEXT_RULES.rules)


def _first_anchored(text: str) -> int:
    """Index (in TEXT_RULES) of the first anchored rule matching ``text``, or len(rules)."""
    n = len(text)
    for index, _rule, pat, limit in _BY_FIRST_CHAR.get(text[0], _OTHER_FIRST_CHAR):
        # No per-call timeout here: its clock setup costs several times the match itself,
        # while these patterns are anchored at position 0 and run only on lines no longer
        # than their gate; the tests stress each one with adversarial lines of that length.
        if n <= limit and pat.get().match(text) is not None:
            return index
    return _NONE


def _first_scanner(text: str, before: int) -> Rule | None:
    """The first scanner rule with index < ``before`` that matches ``text``."""
    step = bisect_left(_GATE_STEPS, len(text))
    if step == len(_GATE_STEPS):
        return None
    ids = _owners_found(_NEEDLES[step], text.lower())
    if not ids:
        return None
    n = len(text)
    for index, rule, pat, limit in _SCANNERS:
        if index >= before:
            break
        # no timeout either: a scanner's lazy prefix retries its body at each position of a
        # gated line, and the tests stress each scanner with adversarial lines of gate length
        if (rule.id in ids and n <= limit and text.endswith(SCAN_ENDS.get(rule.id, ""))
                and _scan(pat, text)):
            return rule
    return None


def _scan(pat: LazyPattern | LazyRegex, text: str) -> bool:
    if isinstance(pat, LazyRegex):
        return search(pat, text) is not None  # regex scanners keep their timeout
    return pat.get().search(text) is not None


def classify_line(text: str) -> Rule | None:
    """The first text rule (in :data:`TEXT_RULES` order) matching a whitespace-squashed line
    (no leading or trailing whitespace), or None. Same answer as ``TEXT_RULES.first(text)``."""
    if not text or len(text) > _MAX_GATE:
        return None
    first = _first_anchored(text)
    hit = _first_scanner(text, first)
    if hit is not None:
        return hit
    return TEXT_RULES.rules[first] if first < _NONE else None
