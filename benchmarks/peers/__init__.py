"""Adapters for cleanweb and the peer extractors it is benchmarked against.

Every adapter module has ``DIST`` (the distribution whose version is reported) and
``make(variant) -> Extractor``, which raises :class:`~benchmarks.peers.base.Unavailable`
when the library (or Node.js) is missing, so the run skips that peer with a note.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib import metadata

from benchmarks.peers.base import Extractor, Unavailable


@dataclass(frozen=True, slots=True)
class Peer:
    """One row of the tables: an adapter module and the variant it is run with."""

    name: str
    module: str
    variant: str = ""
    #: Shown in the table; empty for the default settings.
    settings: str = ""

    def load(self) -> Extractor:
        mod = importlib.import_module(f"benchmarks.peers.{self.module}")
        extractor: Extractor = mod.make(self.variant)
        return extractor

    def version(self) -> str | None:
        """Installed version of the library (for Readability.js: of the JS package)."""
        mod = importlib.import_module(f"benchmarks.peers.{self.module}")
        if hasattr(mod, "js_version"):
            found: str | None = mod.js_version()
            return found
        try:
            return metadata.version(str(mod.DIST))
        except metadata.PackageNotFoundError:
            return None


CLEANWEB = Peer("cleanweb", "cleanweb_adapter")

PEERS: tuple[Peer, ...] = (
    CLEANWEB,
    Peer("trafilatura", "trafilatura_adapter"),
    Peer("trafilatura-precision", "trafilatura_adapter", "precision", "favor_precision"),
    Peer("trafilatura-recall", "trafilatura_adapter", "recall", "favor_recall"),
    Peer("readability-lxml", "readability_lxml_adapter"),
    Peer("Readability.js", "readability_js_adapter", settings="readabilipy + Node.js"),
    Peer("magic-html", "magic_html_adapter"),
    Peer("newspaper4k", "newspaper4k_adapter", settings="language set"),
    Peer("goose3", "goose3_adapter", settings="language set"),
    Peer("GNE", "gne_adapter"),
    Peer("resiliparse", "resiliparse_adapter", settings="main_content"),
    Peer("jusText", "justext_adapter", settings="language stoplist"),
    Peer("boilerpy3", "boilerpy3_adapter", settings="ArticleExtractor"),
    Peer("html-text", "html_text_adapter", settings="keeps everything"),
)


#: Not in the default run: peers called exactly as the Article Extraction Benchmark's runner
#: calls them, to check the metric against its published numbers (``--peers``).
AEB_RUNNER: tuple[Peer, ...] = (
    Peer("trafilatura-aeb-runner", "trafilatura_adapter", "aeb-runner", "as the AEB runner"),
    Peer(
        "readability-lxml-aeb-runner", "readability_lxml_adapter", "aeb-runner", "as the AEB runner"
    ),
)


def by_name(name: str) -> Peer:
    """The peer called ``name`` (case, dots and dashes ignored); KeyError lists the names."""
    for peer in PEERS + AEB_RUNNER:
        if _key(peer.name) == _key(name):
            return peer
    known = ", ".join(p.name for p in PEERS + AEB_RUNNER)
    raise KeyError(f"unknown extractor {name!r}; known: {known}")


def _key(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


__all__ = ["AEB_RUNNER", "CLEANWEB", "PEERS", "Extractor", "Peer", "Unavailable", "by_name"]
