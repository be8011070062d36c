"""The ``cleanweb`` command: extract pages given as files (or stdin) to text, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cleanweb import __version__
from cleanweb.document import Document
from cleanweb.extract import extract
from cleanweb.options import Options

EPILOG = """\
examples:
  cleanweb page.html                 clean body text to stdout
  cleanweb --format md page.html     Markdown (headings, lists, quotes, tables, code)
  cleanweb --format json page.html   every field of the result as JSON
  curl -s URL | cleanweb --url URL   read the page from standard input

exit status: 0 every page extracted, 1 some page failed or had no body, 2 usage error
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanweb", description="Turn raw web pages into clean article text.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("pages", nargs="*", help="HTML files; none or '-' reads standard input")
    p.add_argument("-f", "--format", choices=("txt", "md", "json", "jsonl"), default="txt")
    p.add_argument("--url", help="the page's URL (single page only)")
    p.add_argument("--charset", help="charset from the HTTP header (single page only)")
    p.add_argument("--favor", choices=("balanced", "precision", "recall"), default="balanced")
    p.add_argument("--explain", action="store_true",
                   help="with json: include every block, kept or dropped, and why")
    p.add_argument("--version", action="version", version=f"cleanweb {__version__}")
    return p


def render(doc: Document, fmt: str, path: str) -> str:
    if fmt == "txt":
        return doc.to_text() + "\n"
    if fmt == "md":
        return doc.to_markdown()
    record = {"path": path, **doc.to_dict()}
    import json

    return json.dumps(record, ensure_ascii=False, indent=None if fmt == "jsonl" else 2) + "\n"


def _read(path: str) -> bytes:
    return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    pages = args.pages or ["-"]
    if len(pages) > 1 and (args.url or args.charset):
        _parser().error("--url and --charset apply to a single page")
    options = Options(favor=args.favor, explain=args.explain)
    failed = 0
    for path in pages:
        try:
            data = _read(path)
        except OSError as err:
            print(f"cleanweb: {path}: {err.strerror or err}", file=sys.stderr)
            failed += 1
            continue
        doc = extract(data, url=args.url, http_charset=args.charset, options=options)
        if doc.status != "ok":
            print(f"cleanweb: {path}: {doc.status}", file=sys.stderr)
            failed += 1
        sys.stdout.write(render(doc, args.format, path))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
