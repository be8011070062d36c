"""magic-html: ``GeneralExtractor().extract(str)`` returns body HTML; bytes through the shared
w3lib decoder, the body HTML to text with html-text. Its wheel declares Python >= 3.12."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, decode_html, need

DIST = "magic-html"


def make(variant: str = "") -> Extractor:
    need("magic_html")
    need("html_text")
    import html_text
    from magic_html import GeneralExtractor  # type: ignore[import-untyped, import-not-found, unused-ignore]

    extractor = GeneralExtractor()

    def run(page: Page) -> Output:
        result = extractor.extract(decode_html(page.html), base_url=page.url or "")
        text = html_text.extract_text(result.get("html") or "")
        return Output(text, result.get("title") or None)

    return run
