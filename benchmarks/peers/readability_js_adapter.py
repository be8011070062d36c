"""Mozilla Readability.js through readabilipy, which runs Node.js on a temporary file per
page. It takes ``str`` (bytes through the shared w3lib decoder). Needs ``node`` on PATH and
readabilipy's JavaScript dependencies (readabilipy runs ``npm install`` for them once)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.peers.base import Extractor, Output, Page, Unavailable, decode_html, need

DIST = "readabilipy"


def make(variant: str = "") -> Extractor:
    need("readabilipy")
    from readabilipy import simple_json_from_html_string  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from readabilipy.simple_json import have_node  # type: ignore[import-untyped, import-not-found, unused-ignore]

    if not have_node():
        raise Unavailable("Node.js (>= 14) or readabilipy's npm dependencies are missing")

    def run(page: Page) -> Output:
        art = simple_json_from_html_string(decode_html(page.html), use_readability=True)
        paras = [p["text"] for p in art.get("plain_text") or []]
        return Output("\n".join(paras), art.get("title") or None)

    return run


def js_version() -> str | None:
    """Version of the @mozilla/readability package readabilipy installed, if any."""
    import readabilipy  # type: ignore[import-untyped, import-not-found, unused-ignore]

    pkg = Path(readabilipy.__file__).parent / "javascript" / "node_modules" / "@mozilla"
    meta = pkg / "readability" / "package.json"
    if not meta.is_file():
        return None
    return str(json.loads(meta.read_text(encoding="utf-8"))["version"])
