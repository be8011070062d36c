"""Thread rules: the class/id names forum and Q&A software gives posts and their parts.

The page-kind stage (:mod:`cleanweb.stages.kind`) reads a page as a thread only where a
repeated, prose-holding block carries one of the :data:`POST_NAMES` or sits just below a list
of posts (``thread.list``): a single post's name on an ancestor is the article's own wrapper
as often (WordPress names it ``post``).
Inside a post, the elements named by :data:`POST_CHROME` are the post's chrome (signatures,
vote and like counts, badges, profile cards, buttons), dropped like any chrome; a block
named so is never a post itself. The names are matched as whole words of the class or id
value, like the structure names (:func:`cleanweb.rules.base.name_words`): ``post`` hits
``post-body`` and ``js-post``, not ``poster``.
"""

from __future__ import annotations

from cleanweb.rules.base import NameRule, NameTable

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
