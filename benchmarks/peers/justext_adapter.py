"""jusText: takes bytes and decodes them itself (``<meta>`` charset, else UTF-8). The stoplist
is the page language's when jusText ships one; otherwise (Chinese has none) the
language-independent mode its docs describe: an empty stoplist and stopword thresholds of 0."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, lines_text, need

DIST = "jusText"

#: ISO 639-1 -> jusText stoplist name (jusText names its stoplists in English).
STOPLISTS = {
    "ar": "Arabic", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ko": "Korean", "nl": "Dutch", "no": "Norwegian_Bokmal", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "tr": "Turkish",
    "uk": "Ukrainian", "vi": "Vietnamese",
}  # fmt: skip


def make(variant: str = "") -> Extractor:
    need("justext")
    import justext  # type: ignore[import-untyped, import-not-found, unused-ignore]

    def run(page: Page) -> Output:
        name = STOPLISTS.get(page.lang or "")
        if name is not None:
            paras = justext.justext(page.html, justext.get_stoplist(name))
        else:
            paras = justext.justext(page.html, frozenset(), stopwords_low=0, stopwords_high=0)
        return Output(lines_text([p.text for p in paras if not p.is_boilerplate]))

    return run
