"""html-text: all visible text of the page, the "keep everything" floor; ``extract_text(str)``
with bytes through the shared w3lib decoder."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, decode_html, need

DIST = "html-text"


def make(variant: str = "") -> Extractor:
    need("html_text")
    import html_text

    def run(page: Page) -> Output:
        return Output(html_text.extract_text(decode_html(page.html)))

    return run
