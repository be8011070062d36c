"""The page's language, decided from its text once the body is known.

The metadata stage only reads what the page declares (:func:`declared_lang`: ``<html
lang>``, else a language meta tag). :func:`settle_lang` runs when the Document is
assembled: it takes the title and the start of the kept body (:func:`lang_sample`) and
:func:`decide_lang` weighs the declaration against that text. A declared language is kept
when it is a language code whose script holds a good share of the text's letters (a
template's ``lang="en-US"`` on a Chinese page, or ``utf-8`` copied into a language tag,
is not); otherwise the text decides: a script written in one language gives it (Han
Chinese, kana Japanese, hangul Korean, Greek, Thai …), and for a script that writes many
(Latin, Cyrillic, Arabic, Devanagari) the language whose function words are most
frequent (:data:`~cleanweb.rules.metadata.LANG_WORDS`). The decision keeps its evidence
(the declared value, the script shares, the word counts), which ``explain`` shows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from selectolax.lexbor import LexborHTMLParser

from cleanweb.document import Block
from cleanweb.rules.base import LazyRegex, findall, patterns, search
from cleanweb.rules.metadata import (
    CJK_WEIGHT,
    DECLARED_MIN_SHARE,
    KANA_MIN_SHARE,
    LANG_ALIASES,
    LANG_MIN_LETTERS,
    LANG_MIN_WORDS,
    LANG_RULES,
    LANG_SAMPLE_CHARS,
    LANG_SAMPLE_WORDS,
    LANG_WORDS,
    META_LANG_KEYS,
    SCRIPT_LANGS,
    WORD_EDGES,
)
from cleanweb.stages.metadata.record import Found, Metadata, settle

_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_RULES = patterns(LANG_RULES)
_CODE = _RULES["metadata.lang.code"]
_CJK = _RULES["metadata.lang.cjk"]
_KANA = _RULES["metadata.lang.kana"]
_HANGUL = _RULES["metadata.lang.hangul"]
_LATIN = _RULES["metadata.lang.latin"]
_LETTERS = _RULES["metadata.lang.letters"]
#: Letters of other scripts whose Unicode names are read to name their script.
_NAMED_LETTERS = 100

#: Every language some script is listed for.
_KNOWN = frozenset(lang for langs in SCRIPT_LANGS.values() for lang in langs)
#: The scripts each language is written in.
_SCRIPTS_OF: Mapping[str, tuple[str, ...]] = MappingProxyType({
    lang: tuple(s for s, langs in SCRIPT_LANGS.items() if lang in langs) for lang in _KNOWN})


def _word_index() -> Mapping[str, Mapping[str, tuple[tuple[str, float], ...]]]:
    """Script -> word -> (language, weight) for each language of that script whose
    function words list the word; a word that n of them share weighs 1/n for each."""
    index: dict[str, dict[str, list[str]]] = {}
    for rule in LANG_WORDS:
        words = index.setdefault(rule.action, {})
        for word in rule.names.split():
            words.setdefault(word, []).append(rule.id.rsplit(".", 1)[1])
    return MappingProxyType({
        script: MappingProxyType({
            word: tuple((lang, 1 / len(langs)) for lang in langs)
            for word, langs in words.items()})
        for script, words in index.items()})


_WORDS = _word_index()
_WORD_SCRIPTS = frozenset(_WORDS)


def declared_lang(tree: LexborHTMLParser, metas: Mapping[str, str]) -> str | None:
    """What the page declares, as written: ``<html lang>``, else a language meta tag."""
    html = tree.css_first("html")
    declared = html.attributes.get("lang") or html.attributes.get("xml:lang") if html else None
    declared = declared or next((metas[k] for k in META_LANG_KEYS if metas.get(k)), None)
    return declared.strip() or None if declared else None


@dataclass(frozen=True, slots=True)
class Scripts:
    """The letters of a text by script, CJK characters weighing CJK_WEIGHT letters each."""

    total: int = 0
    #: (script, weighted letters) for the scripts present, most first.
    shares: tuple[tuple[str, int], ...] = ()

    def share(self, script: str) -> float:
        return next((n for s, n in self.shares if s == script), 0) / (self.total or 1)

    @property
    def main(self) -> str | None:
        """The script with most letters; None when there are too few letters to tell."""
        return self.shares[0][0] if self.shares and self.total >= LANG_MIN_LETTERS else None

    def __str__(self) -> str:
        return ", ".join(f"{s.title()} {n / self.total:.0%}" for s, n in self.shares) or "none"


@dataclass(frozen=True, slots=True)
class LangDecision:
    """The language (or None), the id of what decided it, and the evidence weighed: the
    declaration as written and whether it names a language that fits the text, the
    script shares, the function-word counts. ``str()`` gives the evidence, for explain
    (formatted only when asked for)."""

    lang: str | None
    rule: str
    declared: str | None = None
    code: str | None = None
    fits: bool = False
    scripts: Scripts = Scripts()
    words: tuple[tuple[str, float], ...] = ()
    #: The text weighed; its exact script shares are counted again for the evidence when
    #: the decision took the mostly-ASCII shortcut (:func:`_mostly_ascii`).
    sample: str = ""

    def __str__(self) -> str:
        if self.declared is None:
            said = "declared none"
        elif self.code is None:
            said = f"declared {self.declared!r}: not a language"
        else:
            said = f"declared {self.declared!r}" + ("" if self.fits else ": not the text's script")
        if self.scripts.main is None:
            return f"{said}; too few letters"
        words = ", ".join(f"{lang} {n:.1f}" for lang, n in self.words[:3]) or "none"
        tail = f"; words {words}" if self.rule == "metadata.lang.words" else ""
        return f"{said}; scripts {script_shares(self.sample)}{tail}"


def decide_lang(declared: str | None, text: str) -> LangDecision:
    """The language of ``text`` whose page declares ``declared`` (as written, or None)."""
    scripts = _mostly_ascii(text) or script_shares(text)
    code = declared_code(declared)
    main = scripts.main
    fits = code is not None and (main is None or _fits(code, scripts))
    said = LangDecision(None, "metadata.lang.script", declared, code, fits, scripts,
                        sample=text)
    if code is not None and fits:
        return replace(said, lang=code, rule="metadata.lang.declared")
    if main is None or main not in _WORD_SCRIPTS:
        alone = SCRIPT_LANGS.get(main or "")  # OTHER and too few letters: none
        return replace(said, lang=alone[0] if alone else None)
    counts = word_counts(text, main)
    best = counts[0] if counts and counts[0][1] >= LANG_MIN_WORDS else None
    if best is not None and len(counts) > 1 and counts[1][1] == best[1]:
        best = None  # a tie says nothing
    return replace(said, lang=best[0] if best else None, rule="metadata.lang.words",
                   words=tuple(counts))


def declared_code(declared: str | None) -> str | None:
    """The language code of a declaration ('zh-CN' is zh; withdrawn codes replaced), or
    None when it names no known language ('utf-8', 'x-default')."""
    if not declared:
        return None
    m = search(_CODE, declared.lower())
    code = str(m.group(0)) if m else None
    code = LANG_ALIASES.get(code, code) if code else None
    return code if code in _KNOWN else None


def _fits(code: str, scripts: Scripts) -> bool:
    return any(scripts.share(s) >= DECLARED_MIN_SHARE for s in _SCRIPTS_OF[code])


def _mostly_ascii(text: str) -> Scripts | None:
    """Latin alone, when the characters beyond ASCII are too few to change a decision:
    even if every one were a CJK character, no other script could hold DECLARED_MIN_SHARE
    of the letters (nor the most). Most Latin-script samples have only a few curly quotes,
    dashes or accented letters, and encoding is far cheaper than the script patterns."""
    ascii_text = text.encode("ascii", "ignore")
    letters = len(ascii_text.translate(None, _NOT_ASCII_LETTERS))
    beyond = (len(text) - len(ascii_text)) * CJK_WEIGHT
    # (the share the full count could give them at most, divided as it divides)
    if letters < LANG_MIN_LETTERS or beyond / (letters + beyond) >= DECLARED_MIN_SHARE:
        return None
    return Scripts(letters, (("LATIN", letters),))


def script_shares(text: str) -> Scripts:
    """The letters of ``text`` by script. (The four CJK scripts share no character, so the
    Han count is what the CJK count leaves; ASCII letters, all Latin, are counted without
    a pattern; other scripts are named only when they hold most letters.)"""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    if text.isascii():
        return Scripts(ascii_letters, (("LATIN", ascii_letters),) if ascii_letters else ())
    beyond = _count(_LETTERS, text)
    cjk = _count(_CJK, text) if beyond else 0
    latin = ascii_letters + (_count(_LATIN, text) if beyond > cjk else 0)
    other = ascii_letters + beyond - cjk - latin
    counts = {"LATIN": latin, _cjk_script(text, cjk): cjk * CJK_WEIGHT}
    # Other letters are named only when they might be the text's script or fit its
    # declaration; a few Greek or Cyrillic letters in a Latin text stay OTHER.
    named = other >= DECLARED_MIN_SHARE * (latin + cjk * CJK_WEIGHT + other)
    counts[_other_script(text) if named else "OTHER"] = other
    shares = tuple(sorted(((s, n) for s, n in counts.items() if n), key=lambda p: -p[1]))
    return Scripts(sum(n for _, n in shares), shares)


def _count(runs: LazyRegex, text: str) -> int:
    """How many characters of ``text`` the one-class pattern ``runs`` covers."""
    return sum(map(len, findall(runs, text)))


def _cjk_script(text: str, cjk: int) -> str:
    """KANA (Japanese), HANGUL (Korean) or HAN (Chinese) for CJK characters."""
    if not cjk:
        return "HAN"
    kana = _count(_KANA, text)
    if kana >= KANA_MIN_SHARE * cjk:
        return "KANA"
    return "HANGUL" if _count(_HANGUL, text) * 2 > cjk - kana else "HAN"


def _other_script(text: str) -> str:
    """The script most of the first letters beyond Latin and CJK belong to, by the first
    word of their Unicode names (CYRILLIC, ARABIC, GREEK, DEVANAGARI …)."""
    names: dict[str, int] = {}
    seen = 0
    for ch in text:
        if ch.isascii() or not ch.isalpha():
            continue
        name = unicodedata.name(ch, "").split(" ", 1)[0]
        if name in ("LATIN", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", ""):
            continue
        names[name] = names.get(name, 0) + 1
        seen += 1
        if seen >= _NAMED_LETTERS:
            break
    return max(names, key=lambda n: names[n]) if names else "OTHER"


def word_counts(text: str, script: str) -> list[tuple[str, float]]:
    """How many of the first words of ``text`` are function words of each language
    written in ``script``, a word shared by n of them counting 1/n for each; most first."""
    counts: dict[str, float] = {}
    words = _WORDS.get(script, {})
    for word in text.lower().split()[:LANG_SAMPLE_WORDS]:
        for lang, weight in words.get(word.strip(WORD_EDGES), ()):
            counts[lang] = counts.get(lang, 0.0) + weight
    return sorted(counts.items(), key=lambda p: -p[1])


def lang_sample(title: str | None, body: Sequence[Block]) -> str:
    """The text the language is read from: the title and the start of the body's prose;
    code blocks (names and keywords, mostly English) only when there is too little prose."""
    prose = [b.text for b in body if b.kind != "code"]
    if sum(map(len, prose)) < LANG_SAMPLE_CHARS:
        prose += [b.text for b in body if b.kind == "code"]
    parts = [title] if title else []
    size = len(title or "")
    for text in prose:
        if size >= LANG_SAMPLE_CHARS:
            break
        parts.append(text)
        size += len(text) + 1
    return "\n".join(parts)[:LANG_SAMPLE_CHARS]


def settle_lang(meta: Metadata, body: Sequence[Block]) -> Metadata:
    """``meta`` with its language decided from its title and ``body`` (the kept blocks),
    once: a record whose language was decided comes back as it is."""
    if any(field == "lang" for field, _ in meta.evidence):
        return meta
    decision = decide_lang(meta.declared_lang, lang_sample(meta.title, body))
    meta = settle(meta, [Found("lang", decision.lang, decision.rule)], override=True)
    return replace(meta, evidence=(*meta.evidence, ("lang", decision)))
