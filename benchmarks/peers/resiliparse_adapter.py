"""Resiliparse: bytes decoded as its docs show (``detect_encoding`` + ``bytes_to_str``), then
``extract_plain_text(main_content=True)``."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, need

DIST = "resiliparse"


def make(variant: str = "") -> Extractor:
    need("resiliparse")
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(page: Page) -> Output:
        tree = HTMLTree.parse(bytes_to_str(page.html, detect_encoding(page.html) or "utf-8"))
        title = tree.title or None
        return Output(extract_plain_text(tree, main_content=True), title)

    return run
