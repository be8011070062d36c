"""The page's language: the declared one (``<html lang>``, a language meta tag), else a
guess from the scripts of the title, the header lines and the start of the body."""

from __future__ import annotations

from itertools import islice

from selectolax.lexbor import LexborHTMLParser

from cleanweb.rules.base import LazyRegex, findall, patterns, search
from cleanweb.rules.metadata import LANG_RULES, META_LANG_KEYS
from cleanweb.stages.metadata.nodes import SKIP_TAGS
from cleanweb.stages.metadata.record import Found

_LANG_SAMPLE_NODES = 200
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_RULES = patterns(LANG_RULES)
_CODE = _RULES["metadata.lang.code"]
_CJK = _RULES["metadata.lang.cjk"]
_KANA = _RULES["metadata.lang.kana"]
_HANGUL = _RULES["metadata.lang.hangul"]
_LATIN = _RULES["metadata.lang.latin"]
_LETTERS = _RULES["metadata.lang.letters"]


def page_lang(tree: LexborHTMLParser, metas: dict[str, str], sample: list[str]) -> Found | None:
    """The declared language, else :func:`guess_lang` of ``sample`` (the title and the
    header lines) and the start of the body."""
    html = tree.css_first("html")
    declared = html.attributes.get("lang") or html.attributes.get("xml:lang") if html else None
    declared = declared or next((metas[k] for k in META_LANG_KEYS if metas.get(k)), None)
    if declared:
        m = search(_CODE, declared.strip())
        if m:
            return Found("lang", str(m.group(0)).lower(), "metadata.lang.declared")
    guess = guess_lang(" ".join([*sample, _body_sample(tree)]))
    return Found("lang", guess, "metadata.lang.script") if guess else None


def _body_sample(tree: LexborHTMLParser) -> str:
    body = tree.body
    if body is None:
        return ""
    texts: list[str] = []
    for node in islice(body.traverse(include_text=True), _LANG_SAMPLE_NODES):
        if node.tag == "-text" and node.parent is not None and node.parent.tag not in SKIP_TAGS:
            texts.append(node.text_content or "")
    return " ".join(texts)[:1200]


def _count(runs: LazyRegex, text: str) -> int:
    """How many characters of ``text`` the one-class pattern ``runs`` covers."""
    return sum(map(len, findall(runs, text)))


def guess_lang(text: str) -> str | None:
    """zh/ja/ko by CJK script share, en for mostly-Latin text, else None. (The four CJK
    scripts share no character, so the Han count is what the CJK count leaves; ASCII
    letters, all Latin, are counted without a pattern.)"""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    if text.isascii():
        return "en" if ascii_letters >= 10 else None
    letters = ascii_letters + _count(_LETTERS, text)
    if letters < 10:
        return None
    cjk = _count(_CJK, text)
    if cjk / letters >= 0.3:
        kana = _count(_KANA, text)
        if kana >= 0.1 * cjk:
            return "ja"
        hangul = _count(_HANGUL, text)
        return "ko" if hangul > cjk - kana - hangul else "zh"
    latin = ascii_letters + _count(_LATIN, text)
    return "en" if latin / letters >= 0.8 else None
