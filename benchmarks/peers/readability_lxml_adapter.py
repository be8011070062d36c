"""readability-lxml: ``Document`` takes bytes and decodes them itself (meta charset, then
chardet). The summary HTML becomes text with html-text, exactly as the Article Extraction
Benchmark's own runner does it; variant ``aeb-runner`` also decodes as that runner does (UTF-8
text in), to check our metric against its published numbers."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, need

DIST = "readability-lxml"


def make(variant: str = "") -> Extractor:
    need("readability")
    need("html_text")
    import html_text
    from readability import Document  # type: ignore[import-untyped, import-not-found, unused-ignore]

    as_text = variant == "aeb-runner"

    def run(page: Page) -> Output:
        doc = Document(page.html.decode("utf-8") if as_text else page.html)
        text = html_text.extract_text(doc.summary(html_partial=True))
        return Output(text, doc.short_title())

    return run
