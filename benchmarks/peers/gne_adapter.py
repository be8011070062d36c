"""GNE (GeneralNewsExtractor): ``extract(str)``; bytes through the shared w3lib decoder."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, decode_html, need

DIST = "gne"


def make(variant: str = "") -> Extractor:
    need("gne")
    from gne import GeneralNewsExtractor  # type: ignore[import-untyped, import-not-found, unused-ignore]

    extractor = GeneralNewsExtractor()

    def run(page: Page) -> Output:
        result = extractor.extract(decode_html(page.html))
        return Output(str(result.get("content") or ""), result.get("title") or None)

    return run
