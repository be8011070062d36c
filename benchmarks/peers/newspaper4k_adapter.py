"""newspaper4k: ``Article.download(input_html=...)`` takes ``str`` (bytes through the shared
w3lib decoder, which newspaper4k itself depends on); language = the page's. Image fetching
is off: by default ``parse()`` downloads every image to size it, over the network."""

from __future__ import annotations

from benchmarks.peers.base import Extractor, Output, Page, need

DIST = "newspaper4k"


def make(variant: str = "") -> Extractor:
    need("newspaper")
    import warnings

    from benchmarks.peers.base import decode_html

    with warnings.catch_warnings():  # "nltk is not installed": only the NLP extras need it
        warnings.simplefilter("ignore")
        import newspaper  # type: ignore[import-untyped, import-not-found, unused-ignore]

    def run(page: Page) -> Output:
        art = newspaper.Article(
            page.url or "http://localhost/", language=page.lang or "en", fetch_images=False
        )
        art.download(input_html=decode_html(page.html))
        art.parse()
        return Output(art.text or "", art.title or None)

    return run
