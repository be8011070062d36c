"""trafilatura: ``extract()`` takes the raw bytes and decodes them itself (its docs: "bytes
are decoded with the detected encoding"); variant ``precision`` sets ``favor_precision``,
variant ``recall`` sets ``favor_recall``.
Text only (``extract`` returns no title unless asked for metadata, which costs time).
Variant ``aeb-runner`` calls it as the Article Extraction Benchmark's runner does (UTF-8
text, ``include_comments=False``), to check our metric against its published numbers."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, need

DIST = "trafilatura"


def make(variant: str = "") -> Extractor:
    need("trafilatura")
    import trafilatura

    if variant == "aeb-runner":
        return lambda page: Output(
            trafilatura.extract(page.html.decode("utf-8"), include_comments=False) or ""
        )
    precision, recall = variant == "precision", variant == "recall"

    def run(page: Page) -> Output:
        text = trafilatura.extract(
            page.html, url=page.url, favor_precision=precision, favor_recall=recall
        )
        return Output(text or "")

    return run
