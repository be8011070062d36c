"""Thread rules: the class/id names forum and Q&A software gives posts and their parts.

The page-kind stage (:mod:`cleanweb.stages.kind`) reads a page as a thread only where a
repeated, prose-holding block carries one of the :data:`POST_NAMES` or sits just below a list
of posts (``thread.list``): a single post's name on an ancestor is the article's own wrapper
as often (WordPress names it ``post``).
Inside a post, the elements named by :data:`POST_CHROME` are the post's chrome (signatures,
vote and like counts, badges, profile cards, buttons), dropped like any chrome; a block
named so is never a post itself. The names are matched as whole words of the class or id
value, like the structure names (:func:`cleanweb.rules.base.name_words`): ``post`` hits
``post-body`` and ``js-post``, not ``poster``. :data:`POST_LINES` are the post's chrome lines
that no name gives away (a lone count, an "edited by" notice, a row of buttons).
"""

from __future__ import annotations

from cleanweb.rules.base import NameRule, NameTable, Rule, RuleSet

POST_NAMES = NameTable((
    NameRule("thread.post", "one post of a thread: the opening post, a reply or an answer",
             "post postbody postbit postcontent postmessage message floor reply comment cmt "
             "answer answeritem question",
             examples=("post-body", "postbit_legacy", "js-post", "d_post_content",
                       "postmessage_38672", "reply-item", "answer js-answer", "AnswerItem"),
             near_misses=("poster", "postal", "replied", "commentary", "answered")),
    NameRule("thread.list", "the list or frame that holds a thread's posts, which are often "
             "unnamed items in it",
             "posts postlist messages thread topic replies comments commentlist answers "
             "questions",
             examples=("p_postlist", "topic-body", "replies", "comments-area", "answers"),
             near_misses=("threads-nav", "topical")),
))

POST_CHROME = NameTable((
    NameRule("thread.signature", "a poster's signature under each post",
             "signature signatures sig postsig usersig",
             examples=("post-signature", "message-signature", "sig"),
             near_misses=("signup", "design")),
    NameRule("thread.votes", "vote, like and reaction counts and their buttons",
             "vote votes voting votecell votecount upvote downvote reaction reactions react "
             "reactionsbar likes like",
             examples=("js-voting-container", "votecell post-layout--left", "reactionsBar"),
             near_misses=("devote", "likely")),
    NameRule("thread.badge", "badges, ranks and reputation beside a poster's name",
             "badge badges flair reputation rep karma usertitle",
             examples=("s-badge", "user-flair", "reputation-score"),
             near_misses=("report", "repeat")),
    NameRule("thread.profile", "a poster's profile card: avatar, join date, post count",
             "userinfo usercard userdetails profile profilecard postprofile avatar",
             examples=("b-userinfo", "postprofile", "user-avatar"),
             near_misses=("profiler", "avatars-list")),
    NameRule("thread.actions", "quote, reply, report and share buttons under a post",
             "actions postactions controls postcontrols buttons postbuttons quickbuttons "
             "report actionbar",
             examples=("post-actions", "js-post-controls", "post-buttons", "message-actionBar"),
             near_misses=("reporter", "transactions")),
))

#: Lines inside a post that are its chrome whatever their element is called.
POST_LINES = RuleSet([
    Rule(
        "thread.count",
        r"^(?=.{0,12}$)[#＃№]?\s*[+\-]?\d[\d,.]*\s*[kmw万千]?$",
        "a line that is only a number: a vote, like or reply count, or the post's number",
        examples=("1", "#2", "136", "1.2k", "12万"),
        near_misses=("3 replies", "2 weeks ago", "#2 is better"),
    ),
    Rule(
        "thread.edited",
        r"^(?=.{0,80}$)(?:last\s+)?edited\s+(?:by\s|on\s|at\s|\d|[a-z]{3,9}\.?\s+\d)"
        r"|^(?=.{0,60}$)(?:本帖)?最后(?:由.{1,20}?于.{1,25}?)?编辑(?:于.{1,25})?$",
        "the notice that a post was edited, and by whom and when",
        examples=("Last edited by Parihaka; 22 Apr 22,, 09:08.", "Edited July 5, 2023 by Genady",
                  "edited May 20 at 14:48", "本帖最后由 乾乾 于 2024-4-6 20:46 编辑",
                  "最后编辑于 2024-04-05"),
        near_misses=("Edited volumes are harder to sell than monographs, she said.",
                     "The essay was edited by hand before it went to print, as always.",
                     "最后我们编辑了这篇文章，觉得还不错。"),
    ),
    Rule(
        "thread.buttons",
        r"^(?=.{0,60}$)(?:(?:reply|quote|multi-?quote|report|like|likes|unlike|share|permalink"
        r"|helpful|thanks|flag|cite|回复|引用|举报|点赞|收起|展开全部|只看该作者|评论"
        r"|\(\s*\d+\s*\)|\d+|[|·•/])\s*)*(?:reply|quote|report|like|helpful|回复|引用|举报|点赞"
        r"|收起|展开全部)(?:\s*(?:\(\s*\d+\s*\)|\d+))?$",
        "a row of a post's buttons: reply, quote, report, like, with their counts",
        examples=("Reply", "Helpful ( 6 ) Reply", "Quote Reply", "举报收起", "Like 3",
                  "回复 | 引用 | 举报"),
        near_misses=("Reply to all", "I like it", "Quote of the day: be kind."),
    ),
])
