"""Decode stage on real pages: a transcoded encoding corpus and the Chinese dev sets.

The corpus is the shared generator's, plus the page shapes of benchmarks/encoding_shapes.py
(sparse Western pages, a few windows-1252 bytes, broken UTF-8, GBK with a UTF-8 snippet).
"""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import skip_without_data

from benchmarks.encoding_shapes import add_shapes
from cleanweb import decode

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATASETS = SHARED / "datasets"
GENERATOR = SHARED / "tools" / "make_encoding_corpus.py"
#: Sets whose pages are valid UTF-8 (the generator transcodes only those).
UTF8_SETS = ("zh-dev", "aeb", "l3s-gn1")
#: The same rule the decoder applies, written out independently for the ground truth.
XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*?\bencoding\s*=[^>]*\?>")

pytestmark = pytest.mark.skipif(
    not GENERATOR.exists() or not (DATASETS / "zh-dev" / "pages").is_dir(),
    reason=f"corpus generator or datasets not found under {SHARED}",
)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    out = tmp_path_factory.mktemp("encoding-corpus")
    sources = [str(DATASETS / s / "pages") for s in UTF8_SETS if (DATASETS / s).is_dir()]
    subprocess.run(
        [sys.executable, str(GENERATOR), "--src", *sources, "--out", str(out),
         "--per-target", "6", "--utf8-per-lang", "2", "--big-mb", "2"],
        check=True, capture_output=True,
    )
    add_shapes(out, DATASETS)
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return out, [json.loads(line) for line in lines]


def truth_of(root: Path, case: dict[str, Any], data: bytes) -> str | None:
    if case["expected_codec"]:
        return data.decode(case["expected_codec"])
    if case["expected_file"]:
        return (root / case["expected_file"]).read_text(encoding="utf-8",
                                                        errors="surrogatepass")
    return None


def strip_xml(text: str) -> str:
    m = XML_DECLARATION.match(text)
    return text[m.end():] if m else text


def non_ascii_recall(truth: str, got: str) -> float:
    want = collections.Counter(ch for ch in truth if ord(ch) > 127)
    have = collections.Counter(ch for ch in got if ord(ch) > 127)
    return sum((want & have).values()) / max(1, sum(want.values()))


def failure(root: Path, case: dict[str, Any]) -> str | None:
    """Why the case fails its manifest check, or None."""
    data = (root / case["file"]).read_bytes()
    try:
        got = decode(data)
    except Exception as e:  # every exception is a failure to report, not to crash on
        return f"raised {e!r}"
    truth = truth_of(root, case, data)
    check = case["check"]
    if check == "exact":
        assert truth is not None, case["id"]
        if strip_xml(got.text) != strip_xml(truth):
            return f"not exact: got {got.encoding} via {got.source}"
    elif check.startswith("recall>="):
        assert truth is not None, case["id"]
        recall = non_ascii_recall(truth, got.text)
        if recall < float(check.removeprefix("recall>=")):
            return f"recall {recall:.3f}: got {got.encoding} via {got.source}"
    elif check != "no-crash":
        return f"unknown check {check}"
    return None


def test_corpus_covers_the_hard_cases(corpus: tuple[Path, list[dict[str, Any]]]) -> None:
    _, cases = corpus
    variants = {c["variant"] for c in cases}
    assert {"correct", "missing", "lie-utf8", "lie-latin1", "lie-native"} <= variants
    assert {"gbk", "shift_jis", "euc-kr", "windows-1251"} <= {c["true_encoding"] for c in cases}
    assert sum(c["kind"] == "nasty" for c in cases) >= 20
    shapes = collections.Counter(c["variant"].split(".")[0] for c in cases if c["kind"] == "shape")
    assert set(shapes) == {"sparse-latin", "few-bytes", "utf8-broken", "gbk-utf8-snippet"}
    assert min(shapes.values()) >= 12


def test_whole_corpus_decodes_correctly(corpus: tuple[Path, list[dict[str, Any]]]) -> None:
    root, cases = corpus
    failures = {c["id"]: why for c in cases if (why := failure(root, c)) is not None}
    assert not failures, f"{len(failures)}/{len(cases)} cases fail: {failures}"


@pytest.mark.parametrize("dataset", ["zh-dev", "cx-netease-zh"])
def test_chinese_dev_pages_decode_without_replacements(dataset: str) -> None:
    pages = sorted((DATASETS / dataset / "pages").glob("*.html"))
    if not pages:
        skip_without_data(f"{dataset} pages not found")
    bad = {}
    for path in pages:
        d = decode(path.read_bytes())
        if d.replacements or d.source not in ("utf8-valid", "meta", "detected", "ascii"):
            bad[path.name] = (d.encoding, d.source, d.replacements)
    assert not bad


def test_gbk_pages_are_read_as_gbk() -> None:
    pages = sorted((DATASETS / "cx-netease-zh" / "pages").glob("*.html"))
    if not pages:
        skip_without_data("cx-netease-zh pages not found")
    encodings = {decode(p.read_bytes()).encoding for p in pages}
    assert encodings <= {"gbk", "gb18030"}
