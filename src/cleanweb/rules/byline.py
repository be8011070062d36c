"""Byline, credit, source and editor lines as data.

Every pattern in :data:`BYLINE_RULES` must match a *whole* line (after outer brackets are
removed): a line that merely mentions 记者 or 来源 inside a sentence is body text. Names are
short runs without sentence punctuation, so a dateline that opens a paragraph
("…电(记者 …)大“疫”当前,…") can never match. :data:`INLINE_RULES` find a reporter credit
*inside* a body paragraph (kept in the body; only the name goes to metadata).
"""

from __future__ import annotations

from types import MappingProxyType

from cleanweb.rules.base import Rule, RuleSet

#: Credit roles and the field their names go to; longest first so 责任编辑 wins over 编辑.
ROLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("责任编辑", "editor"), ("值班编辑", "editor"), ("本文编辑", "editor"),
    ("特约记者", "author"), ("见习记者", "author"), ("实习记者", "author"),
    ("首席记者", "author"), ("特约作者", "author"), ("专栏作者", "author"),
    ("编辑", "editor"), ("责编", "editor"), ("编审", "editor"), ("主编", "editor"),
    ("记者", "author"), ("作者", "author"), ("撰文", "author"), ("采写", "author"),
    ("执笔", "author"), ("撰稿", "author"), ("通讯员", "author"), ("文字", "author"),
    ("校对", ""), ("审核", ""), ("审校", ""), ("摄影", ""), ("摄像", ""), ("美编", ""),
    ("统筹", ""), ("监制", ""), ("策划", ""), ("实习生", ""), ("制图", ""), ("设计", ""),
    ("视频", ""), ("出品人", ""), ("终审", ""), ("初审", ""), ("复审", ""),
)  # fmt: skip
#: One-character roles need an explicit separator ("文/王文"), or 文章… would read as a credit.
SHORT_ROLE_FIELDS: tuple[tuple[str, str], ...] = (("文", "author"), ("图", ""), ("摄", ""))

ROLE = "(?:" + "|".join(r for r, _ in ROLE_FIELDS) + ")"
SHORT_ROLE = "(?:" + "|".join(r for r, _ in SHORT_ROLE_FIELDS) + ")"
# A name: 2-6 Han characters (an outlet+role prefix such as "南都见习记者" allowed before
# it) or a Latin handle; a staff code may follow (杨倩_NF4425). Full-width commas do not
# separate names: a run with "，" is a sentence.
NAME = (
    rf"(?!{ROLE}|{SHORT_ROLE}\s*[/:：])"
    r"(?:(?:\p{Han}{1,8}?(?:记者|作者)\s*)?\p{Han}{2,6}|[\p{L}][\p{L}\d.·\-]{0,20})"
    r"(?:_[A-Za-z]*\d\w*)?"
)
NAMES = rf"{NAME}(?:\s*[、,/\s]\s*{NAME}){{0,5}}"
# Roles need a separator before the name, except 记者/通讯员, which are often glued to it.
GLUED_ROLE = r"(?:特约|见习|实习|首席)?记者|通讯员"
CREDIT = rf"(?:{GLUED_ROLE}\s*|{ROLE}\s*(?:[:：/|]\s*|\s+)|{SHORT_ROLE}\s*[/:：|]\s*){NAMES}"
OUTLET = r"(?:《[^》]{1,15}》|[\p{Han}A-Za-z]{2,10}?)"
SOURCE_VALUE = r"[^\s，。！？；;|｜]{2,30}(?:\s+[^\s，。！？；;|｜]{1,12}){0,2}"
# The same, but stopping where an editor credit glued to it starts.
SOURCE_VALUE_UNTIL_EDITOR = (
    r"(?:(?!责任编辑|编辑|责编)[^\s，。！？；;|｜]){2,30}"
    r"(?:\s+(?:(?!责任编辑|编辑|责编)[^\s，。！？；;|｜]){1,12}){0,2}"
)
# How source and editor lines open (shared by their rules and guards).
SOURCE_LEAD = r"^(?:本文|文章|稿件|消息|资料|新闻|内容|信息)?(?:来源于?|来自于?|出处)"
EDITOR_LEAD = r"^(?:责任编辑|值班编辑|本文编辑|编辑|责编|编审|主编)"
EN_NAME = r"\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|da|der|la|le)){0,3}"
# A day or a month after "By" opens a sentence ("By Monday, …"), not a byline.
EN_NOT_NAME = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Now|Then|Noon|Night|"
    r"Midnight)\b)"
)
# Names in the other Latin-script languages: particles of every language, and the words that
# join two names ("Anna Schmidt und Jan Roe", "Ana Pérez y Juan Gil").
INTL_NAME = (
    r"\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|da|der|den|del|della|di|do|dos|"
    r"du|la|le|ten|ter|zu)){0,3}"
)
# Capitalized words that open a phrase after "Von"/"Por"/"Par", not a name ("Por Favor").
INTL_NOT_NAME = (
    r"(?!(?:Favor|Qué|Que|Eso|Esto|Ello|Ejemplo|Fin|Supuesto|Cierto|Ahora|Siempre|Anfang|"
    r"Ende|Kopf|Hand|Haus|Ici|Contre|Exemple|Rapport|Conséquent|Ailleurs|Dit)\b)"
)
INTL_NAMES = rf"{INTL_NAME}(?:\s*(?:,|&|/|und|y|et|e|i|oraz|dan|ve|en|and)\s*{INTL_NAME}){{0,4}}"
# Source and author labels of German, Spanish, French, Polish, Portuguese, Italian,
# Indonesian, Turkish and Dutch ("Quelle:", "Fuente:", "Źródło:", "Autor:", "Penulis:").
INTL_SOURCE_LABEL = (
    r"(?:quellen?|fuentes?|fontes?|fonti|źródł[oa]|sumber|kaynak(?:lar)?|bron(?:nen)?)"
)
# One word of an outlet's name: no sentence or list punctuation ("Statista.com" keeps its dot).
SOURCE_WORD = r"(?:[^\s,.!?;:]|\.(?=\S))+"
INTL_AUTHOR_LABEL = (
    r"(?:autor(?:in|en|innen|es|a|e|i)?|auteure?s?|autorzy|penulis|yazar(?:lar)?|text|texto|"
    r"texte|testo|tekst|oleh|door)"
)

#: Whole-line rules; ``action`` says which fields the named groups fill.
BYLINE_RULES = RuleSet(
    [
        Rule(
            "zh.byline.source",
            rf"{SOURCE_LEAD}\s*[:：/]\s*"
            rf"(?P<source>{SOURCE_VALUE_UNTIL_EDITOR})"
            rf"(?:\s*(?:责任编辑|编辑|责编)\s*[:：]\s*(?P<editor>{NAMES}))?$",
            "a source line standing alone (an editor credit may follow it on the same line): "
            "the outlet, not body text",
            action="source",
            examples=("来源：滨江日报", "来源：网络", "资料来源：某报、某网等",
                      "本文来源：某某周刊", "本文来源：某某晚报责任编辑：王小明_AB1234"),
            near_misses=("这篇文章的来源是一位老记者多年前的采访笔记，他说：一切都要从头开始。",
                         "图片来源：网络", "来源：" + "很长的一段说明文字，" * 12),
            guard=SOURCE_LEAD,
        ),
        Rule(
            "zh.byline.editor",
            rf"{EDITOR_LEAD}\s*(?:[:：/|]\s*|\s+)(?P<editor>{NAMES})$",
            "an editor line (责任编辑：… / 【编辑:…】 / （责编：…）) is metadata, never body",
            action="editor",
            examples=("责任编辑：王晓东", "编辑:周驰", "责任编辑：张三", "责编：王五、赵六",
                      "责任编辑：杨倩_NF4425", "责任编辑： AB123"),
            near_misses=("编辑部", "编辑们正在讨论明天的头版。"),
            guard=EDITOR_LEAD,
        ),
        Rule(
            "zh.byline.reporter",
            rf"^(?P<source>{OUTLET})?(?:特约|见习|实习|首席|专栏)?(?:记者|作者|通讯员)\s*[:：]?\s*(?P<author>{NAMES})(?:\s*{CREDIT})*$",
            "a reporter credit standing alone (新京报记者 …), usually closing the article",
            action="credits",
            examples=("滨江日报记者 刘思源", "新京报记者 陆一夫", "《某刊》作者 周纯"),
            near_misses=("某网台州2月26日电(记者 范宇斌 实习生 应少萍)大“疫”当前,"
                         "如何让社会经济尽快步入正轨",
                         "记者了解到，涉事项目的名称为某某", "记者"),
            guard="记者|作者|通讯员",  # an outlet may come first
        ),
        Rule(
            "zh.byline.credits",
            rf"^(?:{CREDIT}\s*[,，;；]?\s*)+$",
            "a line made only of role: name credits (作者/采写/执笔/编辑/校对 …)",
            action="credits",
            examples=("采写：赵明远 校对：孙一凡", "采写：南都见习记者林子沛", "执笔/李明",
                      "编辑 刘晓阳 校对 李铭", "文/某网专栏作者 王文"),
            near_misses=("编辑和记者们连夜赶稿。", "文化 旅游 体育"),
            guard=rf"^(?:{ROLE}|{SHORT_ROLE}\s*[/:：|])",
        ),
        Rule(
            "zh.byline.original",
            r"^原创\s*[:：]\s*(?P<author>[\p{Han}\p{L}·]{2,12}?)(?:编译|整理|翻译|编辑)?(?:\s+(?P<source>[^\s，。]{2,20}))?$",
            "platform 'original by' credit: author, optionally the publishing account",
            action="credits",
            examples=("原创：李清和 城市生活", "原创： 王小明编译 某某研究"),
            near_misses=("原创作品受到法律保护。",),
            guard="^原创",
        ),
        Rule(
            "en.byline.by",
            rf"^[Bb][Yy]\s+{EN_NOT_NAME}(?P<author>{EN_NAME}(?:\s*(?:,|and|&)\s*{EN_NAME}){{0,3}})"
            r"(?:\s*[,|/]\s*(?P<source>[\p{L}][\p{L} .&'’-]{1,40}))?$",
            "English byline 'By First Last[, Outlet]'; a day or a month after 'By' opens a "
            "sentence ('By Monday, …'), not a byline",
            action="credits",
            ignore_case=False,
            examples=("By Dana Whitfield", "By John Smith", "By Jane Doe and Tom Lee"),
            near_misses=("By the way, this is fine.", "By Monday, the river had risen.",
                         "By March, Prices Had Doubled"),
            guard=r"^by\s",
        ),
        Rule(
            "en.byline.reporting",
            rf"^(?i:reporting|writing) by "
            rf"(?P<author>{EN_NAME}(?:\s*(?:,|and|&)\s*{EN_NAME}){{0,5}})"
            rf"(?:\s+in\s+{EN_NAME}(?:,\s*{EN_NAME})?)?"
            r"(?:[;,]\s*(?i:additional reporting) by [^;]{2,80}?)?"
            r"(?:[;,]\s*(?i:editing) by (?P<editor>[^;]{2,80}))?\.?$",
            "wire-service credit line (Reporting by …; Editing by …): the reporters are names "
            "(capitalised, with an optional 'in <place>'), not a clause",
            action="credits",
            ignore_case=False,
            examples=("Reporting by Dana Whitfield; Editing by Tom Reyes",
                      "Reporting by Jane Doe; Editing by Tom Lee",
                      "Reporting by Jane Doe in London; Editing by Tom Lee"),
            near_misses=("The reporting by local media was praised.",
                         "Reporting by the agency was later corrected."),
            guard="^(?:reporting|writing) by",
        ),
        Rule(
            "en.byline.editor",
            r"^(?:edited by|editing by|editor:)\s*(?P<editor>[\p{L}][\p{L} .,'’&-]{1,60})$",
            "English editor credit line",
            action="editor",
            examples=("Edited by Tom Reyes", "Edited by Mary Ann"),
            near_misses=("Edited by hand, the film runs 90 minutes.",),
            guard="^(?:edited by|editing by|editor:)",
        ),
        Rule(
            "en.byline.source",
            r"^(?:source|via)\s*:\s*(?P<source>[\p{L}\d][^.!?]{1,60})$",
            "English source line standing alone",
            action="source",
            examples=("Source: Riverside Gazette", "Source: Reuters"),
            near_misses=("Sources say the deal is close.",),
            guard=r"^(?:source|via)\s*:",
        ),
        Rule(
            "intl.byline.source",
            rf"^(?i:{INTL_SOURCE_LABEL})\s*[:：]\s*"
            rf"(?P<source>[\p{{L}}\d]{SOURCE_WORD}?(?:\s+{SOURCE_WORD}){{0,5}})"
            r"(?:\s*,\s*[^!?;]{1,50}?)?\.?$",
            "a source line standing alone in German, Spanish, French, Polish, Portuguese, "
            "Italian, Indonesian, Turkish or Dutch ('Quelle: dpa', 'Fuente: Ministerio de "
            "Salud', 'Źródło: …'): an outlet of six words at most, up to a comma that may add "
            "a date or a place",
            action="source",
            ignore_case=False,
            examples=("Quelle: dpa", "Quelle: Landesamt für Umwelt, 3. März 2021, Hannover",
                      "Źródło: GUS", "Fuente: Ministerio de Salud", "Fonte: Agência Brasil",
                      "Sumber: Antara", "Kaynak: Anadolu Ajansı", "Bron: ANP"),
            near_misses=("Quelle der Freude war das Konzert am Samstag.",
                         "Fuentes cercanas al ministerio dijeron que no habrá cambios.",
                         "Fonte: uno studio pubblicato ieri sera sul sito ufficiale del comune",
                         "Quelle: Die Stadt hat im Jahr 2021 rund 40 Millionen Euro investiert. "
                         "Das ist mehr als je zuvor."),
            guard=rf"^{INTL_SOURCE_LABEL}\s*[:：]",
        ),
        Rule(
            "intl.byline.by",
            rf"^(?:Von|Por|Par|Oleh|Door)\s+{INTL_NOT_NAME}(?P<author>{INTL_NAMES}"
            rf"(?:\s*/\s*{INTL_NAME}){{0,3}})$",
            "an unlabelled byline in German, Spanish, French, Indonesian or Dutch ('Von Anna "
            "Schmidt', 'Por Ana Pérez / Juan Gil', 'Par Jean Dupont'); case-sensitive, and "
            "the words that open a phrase ('Por Favor', 'Von Der …' is a name only with more) "
            "are no name",
            action="credits",
            ignore_case=False,
            examples=("Von Anna Schmidt", "Von Anna Schmidt und Jan Roe", "Por Ana Pérez",
                      "Por Laura Gil / Juan Roe", "Par Jean Dupont", "Oleh Budi Santoso",
                      "Door Jan de Vries"),
            near_misses=("Von Kopf bis Fuß", "Por favor, no insista.", "POR ESO INFORMAR ES",
                         "Par ici la sortie", "Por Qué Votar", "Von Anfang an"),
            guard=r"^(?:von|por|par|oleh|door)\s",
        ),
        Rule(
            "intl.byline.author",
            rf"^(?i:{INTL_AUTHOR_LABEL})\s*[:：]\s*(?P<author>{INTL_NAMES})\.?$",
            "an author line standing alone in German, Spanish, French, Polish, Portuguese, "
            "Italian, Indonesian, Turkish or Dutch ('Autor: Max Roe', 'Autoren: Anna Schmidt "
            "und Jan Roe', 'Penulis: Budi Santoso'): names after a labelled colon",
            action="credits",
            ignore_case=False,
            examples=("Autor: Max Mustermann", "Autoren: Anna Schmidt und Jan Roe",
                      "Autora: Ana Pérez", "Auteur : Jean Dupont", "Penulis: Budi Santoso",
                      "Yazar: Ayşe Yılmaz", "Door: Jan de Vries"),
            near_misses=("Autor: der Verfasser bleibt unbekannt.",
                         "Autoren und Verlage streiten über die Preise."),
            guard=rf"^{INTL_AUTHOR_LABEL}\s*[:：]",
        ),
    ]
)

#: What may stand beside a date in a date line once the date itself is cut out.
DATE_LABEL_RULES = RuleSet(
    [
        Rule(
            "zh.byline.date",
            r"^(?:(?:发布|发表|更新|出版|上传|首发)?(?:时间|日期)|发表于|发布于|更新于|首发于)?\s*[:：|·]?\s*$",
            "a date line (optionally labelled 发布时间/发表于): metadata, not body",
            action="date",
            examples=("发布时间：2021-03-05 10:20", "发布时间：2019-09-07 13:43",
                      "发表于 2014-08-24 21:30"),
            near_misses=("2019年，", "国务院联防联控机制新闻发布会"),
        ),
        Rule(
            "en.byline.date",
            r"^(?:(?:first\s+)?(?:published|updated|posted|last updated|last modified)"
            r"(?:\s+(?:on|at|date|online))?|date)?\s*[:|·-]?\s*(?:at|on|,)?\s*$",
            "an English dateline (Published 3 March 2020, Posted on Tue, Jan. 8, 2008 at 4:07 PM "
            "EST; a second 'Updated …' part is read the same way)",
            action="date",
            examples=("Published March 5, 2021", "Published 3 March 2020", "Posted 3 March 2020"),
            near_misses=("The meeting was held on June 3, 2024 at 6:00 p.m. in the hall.",
                         "June 3, 2024 | Sports | Local",
                         "Updated figures released on June 3, 2024 show a rise."),
        ),
        Rule(
            "intl.byline.date",
            r"^(?:(?:zuletzt\s+)?(?:veröffentlicht|aktualisiert|erschienen|geändert)(?:\s+(?:am|um))?|"
            r"stand|datum|(?:publicado|actualizado|modificado)(?:\s+(?:el|en|a las))?|fecha|"
            r"(?:publié|mis à jour|modifié)(?:\s+le)?|(?:pubblicato|aggiornato)(?:\s+(?:il|alle))?|"
            r"(?:publicado|atualizado)(?:\s+em)?|data|(?:gepubliceerd|bijgewerkt)(?:\s+op)?|"
            r"opublikowano|zaktualizowano|aktualizacja|dodano|data (?:utworzenia|publikacji|"
            r"dodania|aktualizacji)|(?:diterbitkan|diperbarui|dipublikasikan)"
            r"(?:\s+pada)?|tanggal|(?:yayınlanma|güncelleme|yayın)(?:\s+tarihi)?|tarih)"
            r"\s*[:|·-]?\s*,?\s*$",
            "a dateline of German, Spanish, French, Italian, Portuguese, Dutch, Polish, "
            "Indonesian or Turkish ('Veröffentlicht am 4. Juni 2019 um 15:54 Uhr', 'Publicado el "
            "4 de junio de 2019', 'Mis à jour le 4 juin 2019'): the label and the date only",
            action="date",
            examples=("Veröffentlicht am 4. Juni 2019",
                      "Publicado el 4 de junio de 2019", "Mis à jour le 4 juin 2019",
                      "Pubblicato il 4 giugno 2019", "Gepubliceerd op 4 juni 2019",
                      "Diterbitkan 4 Juni 2019", "Data publikacji: 4 czerwca 2019"),
            near_misses=("Am 4. Juni 2019 stieg der Pegel um zwei Meter.",
                         "Publicado el 4 de junio de 2019, el informe causó polémica."),
        ),
    ]
)

#: Credits inside body paragraphs: the paragraph stays, the name goes to ``author``.
INLINE_RULES = RuleSet(
    [
        Rule(
            "zh.credit.dateline",
            rf"^.{{0,40}}?(?:电|讯|报道|消息)\s*[（(]\s*(?:[\p{{Han}}]{{0,8}}?)(?:特约|见习|实习|首席)?记者\s*(?P<author>{NAMES})",
            "a dateline opening a paragraph names the reporter: 中新网…电(记者 …)",
            action="author",
            examples=("本报讯（记者 周文博）",
                      "某网台州2月26日电(记者 范宇斌 实习生 应少萍)大“疫”当前,如何",
                      "某网10月4日讯（记者陈智 整合） 国庆中秋长假过半"),
            near_misses=("本报讯 国庆中秋长假过半，各景区游客明显增多。",),
        ),
        Rule(
            "zh.credit.closing",
            rf"[（(]\s*(?:[\p{{Han}}]{{0,8}}?)(?:特约|见习|实习)?记者\s*(?P<author>{NAMES})\s*[）)]\s*(?:[（(]完[）)])?\s*$",
            "a closing (记者 …) credit at the end of the last paragraph",
            action="author",
            examples=("（记者 周文博）", "全市最大降水量出现在某地。(记者张淼淼)"),
            near_misses=("记者张淼淼在现场看到，积水已经退去。",),
        ),
        Rule(
            "zh.credit.trailing_name",
            r"[。！？”][（(](?P<author>\p{Han}{2,4})[）)]$",
            "a bare (姓名) after the last sentence of the last paragraph is its writer",
            action="author",
            ignore_case=False,
            examples=("绿化工作已经全部完成。（周文博）", "实现轻松换新。(李楠)"),
            near_misses=("春意渐浓,奏响春之序曲。(完)", "会议由某某主持。(图)"),
        ),
    ]
)

#: Name tokens that are placeholders, not people.
NO_NAME = frozenset({"未知", "佚名", "匿名", "admin", "unknown", "staff"})
#: Words that end a name run but are roles or notes, not names ("陈智 整合").
NAME_NOTES = ("整合", "整理", "编译", "报道", "综合", "发自", "摄影", "摄", "实习生", "通讯员")


#: What a line must hold for each rule of :data:`BYLINE_RULES` to match it (the rule's
#: ``guard``): stdlib ``re`` patterns, run on the casefolded line, that are several times
#: cheaper than the full ``regex`` rules, so a line pays for a rule only when the rule's lead
#: word is in it (at the start, where the rule is anchored there). A date line is found by
#: its date instead (``dates.maybe_date``).
RULE_GUARDS = MappingProxyType({rule.id: rule.guard for rule in BYLINE_RULES})
