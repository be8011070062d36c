"""boilerpy3: ``ArticleExtractor().get_doc(str)``; bytes through the shared w3lib decoder."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, decode_html, need

DIST = "boilerpy3"


def make(variant: str = "") -> Extractor:
    need("boilerpy3")
    from boilerpy3 import extractors  # type: ignore[import-untyped, import-not-found, unused-ignore]

    extractor = extractors.ArticleExtractor(raise_on_failure=False)

    def run(page: Page) -> Output:
        doc = extractor.get_doc(decode_html(page.html))
        return Output(doc.content or "", doc.title or None)

    return run
