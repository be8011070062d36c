"""Encoding shapes the shared corpus generator does not make, added to a corpus it built.

``../shared/tools/make_encoding_corpus.py`` transcodes whole pages into each legacy encoding
under each kind of declaration. Four shapes of real pages that detectors get wrong are not
among them; this module makes them from real UTF-8 dev pages and appends them to the corpus
folder and its ``manifest.jsonl``, in the generator's format, with ``kind`` "shape":

* ``sparse-latin``: Western-European text (German, Spanish, ...) in windows-1252 or
  ISO-8859-1 with few accented letters in a long page (at most two non-ASCII bytes per KB),
  with the true declaration, none, a false ``utf-8`` one, or a false ``gb2312`` one (a
  CMS template's default).
* ``few-bytes``: an English page whose only non-ASCII bytes are one to four windows-1252
  characters (a ©, curly quotes, a run of no-break spaces), declared correctly or not at all.
* ``utf8-broken``: a UTF-8 page with two to six invalid sequences (windows-1252 bytes from
  a legacy database, a character cut short, a lead byte written as an entity), declared
  ``utf-8`` or not at all; most of them pages with few non-ASCII characters, where a few
  broken sequences weigh the most.
* ``gbk-utf8-snippet``: a GBK page with a short UTF-8 fragment near its start (where the
  detector's sample comes from), declared ``gb2312`` or not at all.

Source pages are chosen by what they contain (script, density of non-ASCII bytes) and ordered
by a hash of their path, never by name. The ground truth is exact where the bytes have one
right reading, and the page without the foreign bytes (a recall check) where they do not.

Usage as a module: ``add_shapes(corpus_dir, datasets_dir)``; as a script it prints how many
cases of each shape it added.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Sets whose pages are real UTF-8 pages in the scripts the shapes need.
LATIN_SETS = ("trafilatura-eval", "readability", "magic-html-article")
ENGLISH_SETS = ("aeb", "l3s-gn1")
CHINESE_SETS = ("zh-dev",)
#: Pages per shape and source kind: enough to vary templates, few enough to stay quick.
PAGES = 8
#: sparse-latin pages hold at most this many non-ASCII bytes per KB.
SPARSE_PER_KB = 2.0

_META = re.compile(r"<meta\b[^>]*charset\s*=[^>]*>", re.I)
_XML_ENCODING = re.compile(r"(<\?xml\b[^>]*?)\s+encoding\s*=\s*(['\"])[^'\"]*\2", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
#: A place inside body text: right after a tag's end, before a letter.
_TEXT_START = re.compile(r">(?=[A-Za-z])")

#: The few windows-1252 characters a mostly-ASCII English page carries, as groups of one to
#: four bytes: a copyright sign, curly quotes, an apostrophe, a pound sign, a run of
#: no-break spaces typed as characters rather than as ``&nbsp;``.
FEW_BYTES = (
    ("©",), ("\u2019",), ("\u201c", "\u201d"), ("\xa0\xa0\xa0\xa0",), ("\xbb\xbb", "©"),
    ("£", "\u2019", "é"), ("×",), ("\xa0\xa0", "\u2013"),
)
#: Invalid sequences found in UTF-8 pages: windows-1252 strings from a legacy source, and
#: characters cut short (a lead byte without all its continuation bytes), and continuation
#: bytes whose lead byte a CMS turned into an entity.
BROKEN = (b" caf\xe9 ", b"\x92s", b"\xe4\xb8", b"\xc3", b" \x93quoted\x94 ", b"\xe2\x80",
          b"&acirc;\x80\x99s")
#: UTF-8 fragments a GBK page picks up from a widget or an advertisement.
SNIPPETS = ("<div>广告：欢迎访问我们的网站，优惠活动进行中！</div>",
            "<p>版权所有 © 2020 新闻网</p>", "<span>热点推荐：</span>")


def add_shapes(out: Path, datasets: Path) -> Counter[str]:
    """Write every shape's cases into ``out`` (a corpus folder); the count per shape."""
    counts: Counter[str] = Counter()
    with (out / "manifest.jsonl").open("a", encoding="utf-8") as manifest:
        for case in _cases(datasets):
            data = case.pop("data")
            truth = case.pop("truth", None)
            case["file"] = f"files/{case['id']}.html"
            (out / case["file"]).write_bytes(data)
            case["expected_file"] = None
            if truth is not None:
                case["expected_file"] = f"expected/{case['id']}.txt"
                (out / case["expected_file"]).write_text(truth, encoding="utf-8", newline="")
            case["n_bytes"] = len(data)
            manifest.write(json.dumps(case, ensure_ascii=False) + "\n")
            counts[case["variant"].split(".")[0]] += 1
    return counts


def _cases(datasets: Path) -> Iterator[dict[str, Any]]:
    yield from _sparse_latin(_sources(datasets, LATIN_SETS, _is_sparse_latin))
    yield from _few_bytes(_sources(datasets, ENGLISH_SETS, _is_english))
    yield from _utf8_broken(_sources(datasets, CHINESE_SETS, _is_gbk_chinese)
                            + _sources(datasets, LATIN_SETS, _is_latin)
                            + _sources(datasets, ENGLISH_SETS, _is_sparse_utf8)
                            + _sources(datasets, ("dragnet", "cleaneval"), _is_sparse_utf8))
    yield from _gbk_snippet(_sources(datasets, CHINESE_SETS, _is_gbk_chinese))


# --- sources ------------------------------------------------------------------------------


def _sources(datasets: Path, sets: tuple[str, ...], fits: Any) -> list[tuple[str, str]]:
    """(short id, page text without charset declarations) of up to PAGES valid UTF-8 pages
    that ``fits``, in the order of a hash of their path."""
    paths = [p for s in sets for p in sorted((datasets / s / "pages").glob("*.html"))]
    paths.sort(key=lambda p: hashlib.sha1(str(p.relative_to(datasets)).encode()).hexdigest())
    found: list[tuple[str, str]] = []
    for path in paths:
        try:
            doc = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError:
            continue
        doc = _XML_ENCODING.sub(r"\1", _META.sub("", doc), count=1)
        if fits(doc):
            digest = hashlib.sha1(str(path.relative_to(datasets)).encode()).hexdigest()[:8]
            found.append((f"{path.parent.parent.name}-{digest}", doc))
            if len(found) == PAGES:
                break
    return found


def _visible(doc: str) -> str:
    return _TAG.sub(" ", _SCRIPT_STYLE.sub(" ", doc))


def _script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            continue
        if 0xC0 <= o <= 0x24F and ch.isalpha():
            counts["latin"] += 1
        elif 0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0x370 <= o <= 0x52F:
            counts["other"] += 1
    return counts


def _cp1252_safe(doc: str) -> bool:
    return len(doc.encode("cp1252", "ignore")) >= len(doc.encode("cp1252", "replace")) - 2


def _is_latin(doc: str) -> bool:
    counts = _script_counts(_visible(doc))
    return counts["latin"] >= 20 and counts["other"] == 0 and _cp1252_safe(doc)


def _is_sparse_latin(doc: str) -> bool:
    if not _is_latin(doc):
        return False
    data = doc.encode("cp1252", "xmlcharrefreplace")
    high = sum(1 for b in data if b >= 0x80)
    return high <= SPARSE_PER_KB * len(data) / 1024


def _is_english(doc: str) -> bool:
    counts = _script_counts(_visible(doc))
    return counts["latin"] < 10 and counts["other"] == 0 and _BODY.search(doc) is not None


def _is_sparse_utf8(doc: str) -> bool:
    """Some non-ASCII characters, but not many: curly quotes and dashes in English text."""
    return 10 <= sum(1 for ch in doc if ord(ch) >= 0x80) <= 100


def _is_gbk_chinese(doc: str) -> bool:
    return _script_counts(_visible(doc))["other"] >= 300 and _BODY.search(doc) is not None


# --- shapes -------------------------------------------------------------------------------


def _with_meta(doc: str, label: str | None, form: str = "charset") -> str:
    if label is None:
        return doc
    tag = (f'<meta charset="{label}">' if form == "charset" else
           f'<meta http-equiv="Content-Type" content="text/html; charset={label}">')
    m = _HEAD.search(doc)
    at = m.end() if m else 0
    return doc[:at] + tag + doc[at:]


def _case(shape: str, variant: str, sid: str, data: bytes, *, true_encoding: str,
          declared: str | None, check: str, expected_codec: str | None = None,
          truth: str | None = None, note: str = "") -> dict[str, Any]:
    return {
        "id": f"shape.{shape}.{variant}.{sid}", "kind": "shape", "lang": None, "source": sid,
        "variant": f"{shape}.{variant}", "true_encoding": true_encoding,
        "expected_codec": expected_codec, "declared": declared, "check": check,
        "n_nonascii": sum(1 for b in data if b >= 0x80), "note": note, "data": data,
        "truth": truth,
    }


def _sparse_latin(sources: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    for sid, doc in sources:
        for codec, label in (("cp1252", "windows-1252"), ("latin-1", "iso-8859-1")):
            for variant, declared in (("correct", label), ("missing", None),
                                      ("lie-utf8", "utf-8"), ("lie-gb2312", "gb2312")):
                data = _with_meta(doc, declared).encode(codec, "xmlcharrefreplace")
                yield _case("sparse-latin", f"{codec}.{variant}", sid, data,
                            true_encoding="windows-1252", declared=declared, check="exact",
                            expected_codec=codec, note="few accented letters in a long page")


def _few_bytes(sources: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    for n, (sid, doc) in enumerate(sources):
        text = _insert_chars(doc.encode("ascii", "xmlcharrefreplace").decode("ascii"),
                             FEW_BYTES[n % len(FEW_BYTES)], random.Random(sid))
        for variant, declared, form in (("correct", "windows-1252", "charset"),
                                         ("correct-latin1", "iso-8859-1", "http-equiv"),
                                         ("missing", None, "charset")):
            data = _with_meta(text, declared, form).encode("cp1252")
            yield _case("few-bytes", variant, sid, data, true_encoding="windows-1252",
                        declared=declared, check="exact", expected_codec="cp1252",
                        note="one to four windows-1252 bytes in an ASCII page")


def _insert_chars(doc: str, chars: tuple[str, ...], rnd: random.Random) -> str:
    """``chars`` at random places where body text starts."""
    body = _BODY.search(doc)
    spots = [m.end() for m in _TEXT_START.finditer(doc, body.end() if body else 0)]
    for ch in chars:
        at = rnd.choice(spots) if spots else len(doc)
        doc = doc[:at] + ch + doc[at:]
        spots = [s + len(ch) if s >= at else s for s in spots]
    return doc


def _utf8_broken(sources: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    for sid, doc in sources:
        rnd = random.Random(sid)
        stray = [rnd.choice(BROKEN) for _ in range(rnd.randint(2, 6))]
        for variant, declared in (("declared", "utf-8"), ("missing", None)):
            clean = _with_meta(doc, declared).encode("utf-8")
            data = _insert_bytes(clean, stray, random.Random(sid))
            yield _case("utf8-broken", variant, sid, data, true_encoding="utf-8",
                        declared=declared, check="recall>=0.99",
                        truth=clean.decode("utf-8"),
                        note=f"{len(stray)} invalid sequences (truth: the page without them)")


def _insert_bytes(data: bytes, strays: list[bytes], rnd: random.Random) -> bytes:
    """Each stray sequence right before a random ``<`` in the body."""
    start = data.find(b"<body")
    spots = [m.start() for m in re.finditer(rb"<", data[max(start, 0):])]
    for stray in strays:
        at = max(start, 0) + rnd.choice(spots)
        data = data[:at] + stray + data[at:]
    return data


def _gbk_snippet(sources: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    for n, (sid, doc) in enumerate(sources):
        snippet = SNIPPETS[n % len(SNIPPETS)].encode("utf-8")
        for variant, declared in (("declared", "gb2312"), ("missing", None)):
            page = _with_meta(doc, declared)
            data = page.encode("gbk", "xmlcharrefreplace")
            body = _BODY.search(page)
            at = len(page[:body.end()].encode("gbk", "xmlcharrefreplace")) if body else 0
            mixed = data[:at] + snippet + data[at:]
            yield _case("gbk-utf8-snippet", variant, sid, mixed, true_encoding="gbk",
                        declared=declared, check="recall>=0.98", truth=data.decode("gbk"),
                        note="UTF-8 fragment at the start of the body (truth: without it)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="a corpus folder to add to")
    ap.add_argument("--datasets", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared" / "datasets")
    args = ap.parse_args()
    (args.out / "files").mkdir(parents=True, exist_ok=True)
    (args.out / "expected").mkdir(parents=True, exist_ok=True)
    print(dict(add_shapes(args.out, args.datasets)))


if __name__ == "__main__":
    main()
