"""cleanweb itself: raw bytes in (it decodes them and reports how), the page URL as a hint."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page

DIST = "cleanweb"


def make(variant: str = "") -> Extractor:
    import cleanweb

    def run(page: Page) -> Output:
        doc = cleanweb.extract(page.html, url=page.url)
        return Output(doc.text, doc.title, tuple(doc.captions))

    return run
