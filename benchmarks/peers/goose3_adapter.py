"""goose3: ``extract(raw_html=...)`` takes ``str``, so bytes go through the shared w3lib
decoder. Language set per page as its docs say: for Chinese, Korean and Arabic the
``stopwords_class`` (Chinese needs jieba, the ``goose3[chinese]`` extra), for other languages
``target_language`` with the page's own ``lang`` attribute ignored."""

from __future__ import annotations

from typing import Any

from benchmarks.peers.base import Extractor, Output, Page, decode_html, need

DIST = "goose3"

#: ISO 639-1 -> goose3 stopword class name, for languages without word spacing.
STOPWORD_CLASSES = {"zh": "StopWordsChinese", "ko": "StopWordsKorean", "ar": "StopWordsArabic"}


def config_for(lang: str) -> dict[str, Any]:
    import goose3.text  # type: ignore[import-untyped, import-not-found, unused-ignore]

    if lang in STOPWORD_CLASSES:
        return {"stopwords_class": getattr(goose3.text, STOPWORD_CLASSES[lang])}
    return {"use_meta_language": False, "target_language": lang}


def make(variant: str = "") -> Extractor:
    need("goose3")
    from goose3 import Goose  # type: ignore[import-untyped, import-not-found, unused-ignore]

    by_lang: dict[str, Goose] = {}  # one configured instance per language, reused

    def run(page: Page) -> Output:
        lang = page.lang or "en"
        if lang not in by_lang:
            by_lang[lang] = Goose(config_for(lang))
        art = by_lang[lang].extract(url=page.url, raw_html=decode_html(page.html))
        return Output(art.cleaned_text or "", art.title or None)

    return run
