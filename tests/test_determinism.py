"""Determinism and isolation: the same bytes and options give the same Document on every run,
in 8 threads at once, in processes started with spawn and forkserver and under other hash
seeds; ``Options`` and ``Document`` survive pickle, cloudpickle and deepcopy.

The pages are a fixed spread of real pages from every dev set (legacy encodings included) plus
a few synthetic hostile ones; nothing here depends on what the extraction returns, only on it
returning the same thing every time.
"""

from __future__ import annotations

import copy
import functools
import json
import multiprocessing
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import skip_without_data

import cleanweb
from cleanweb import Document, Options

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
PAGES_PER_SET = 4
THREADS = 8
EXPLAIN = Options(explain=True)


def synthetic_pages() -> list[bytes]:
    para = "<p>" + "A steady paragraph of plain article prose, long enough to be kept. " * 5
    return [
        (f"<html><head><title>T</title></head><body><nav>Home | News</nav>{para}</p>"
         f"<footer>(c) 2024 All rights reserved</footer></body></html>").encode(),
        ("<div>" * 3000 + para + "</div>" * 3000).encode(),
        ("<b><i>x</b></i><table>" + "<tr><td>cell</td><td>2</td></tr>" * 300).encode(),
        (para + "\xa0é中文" * 50).encode("gb18030"),
        b"<p>broken \xff\xfe utf-8 \xc3 bytes</p>" * 40,
    ]


def real_pages() -> list[bytes]:
    """Every n-th page of each set, so each set contributes PAGES_PER_SET pages."""
    pages: list[bytes] = []
    for set_dir in sorted(p for p in DATASETS.iterdir() if (p / "pages").is_dir()):
        files = sorted((set_dir / "pages").glob("*.html"))
        step = max(1, len(files) // PAGES_PER_SET)
        pages += [f.read_bytes() for f in files[::step][:PAGES_PER_SET]]
    return pages


@pytest.fixture(scope="module")
def pages() -> list[bytes]:
    if not DATASETS.is_dir():
        skip_without_data(f"dev datasets not found at {DATASETS}")
    return real_pages() + synthetic_pages()


@pytest.fixture(scope="module")
def reference(pages: list[bytes]) -> list[Document]:
    return [cleanweb.extract(p, options=EXPLAIN) for p in pages]


def differing_fields(a: Document, b: Document) -> list[str]:
    return [f.name for f in fields(Document) if getattr(a, f.name) != getattr(b, f.name)]


def assert_same(got: Sequence[Document], want: Sequence[Document]) -> None:
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        assert g == w, f"page {i}: fields differ: {differing_fields(g, w)}"


def test_repeated_runs_agree(pages: list[bytes], reference: list[Document]) -> None:
    assert_same([cleanweb.extract(p, options=EXPLAIN) for p in pages], reference)
    # In reverse order: no state carried from one page to the next.
    again = [cleanweb.extract(p, options=EXPLAIN) for p in reversed(pages)]
    assert_same(list(reversed(again)), reference)


def test_str_input_is_stable(pages: list[bytes]) -> None:
    texts = [p.decode("utf-8", "replace") for p in pages]
    first = [cleanweb.extract(t, options=EXPLAIN) for t in texts]
    assert_same([cleanweb.extract(t, options=EXPLAIN) for t in texts], first)


def test_eight_threads_agree(pages: list[bytes], reference: list[Document]) -> None:
    """8 threads start together and each extracts every page, each in its own order."""
    start = threading.Barrier(THREADS)

    def work(shift: int) -> list[Document]:
        start.wait()
        order = [(i + shift * 3) % len(pages) for i in range(len(pages))]
        out: dict[int, Document] = {i: cleanweb.extract(pages[i], options=EXPLAIN) for i in order}
        return [out[i] for i in range(len(pages))]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(work, range(THREADS)))
    for docs in results:
        assert_same(docs, reference)


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_processes_agree(method: str, pages: list[bytes], reference: list[Document]) -> None:
    """Documents made in fresh processes (each with its own hash seed) come back through
    pickle equal to the ones made here."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"start method {method} not available on this platform")
    ctx = multiprocessing.get_context(method)
    work = functools.partial(cleanweb.extract, options=EXPLAIN)
    with ctx.Pool(2) as pool:
        docs = pool.map(work, pages, chunksize=4)
    assert_same(docs, reference)


def test_hash_seed_does_not_matter(pages: list[bytes], tmp_path: Path) -> None:
    """Set and dict orders that depend on string hashing must not reach the output."""
    for i, p in enumerate(pages[::2]):
        (tmp_path / f"{i:03d}.html").write_bytes(p)
    script = (
        "import sys, json, pathlib, cleanweb\n"
        "o = cleanweb.Options(explain=True)\n"
        "fs = sorted(pathlib.Path(sys.argv[1]).glob('*.html'))\n"
        "print(json.dumps([cleanweb.extract(f.read_bytes(), options=o).to_dict() for f in fs]))\n"
    )
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)],
            capture_output=True, text=True, env=env, timeout=120, check=True,
        )
        outputs.append(json.loads(proc.stdout))
    assert outputs[0] == outputs[1]


def sample_options() -> list[Options]:
    return [
        Options(),
        Options(favor="precision", include_tables=False, include_captions=False, explain=True,
                max_bytes=1000, max_nodes=10, time_budget=None),
        Options(favor="recall", time_budget=0.5),
    ]


def sample_documents(reference: list[Document]) -> list[Document]:
    """Real extractions (with trace) plus one Document of every early-stop status."""
    stops = [
        cleanweb.extract(b"%PDF-1.4 binary"),
        cleanweb.extract(b"<p>x</p>" * 100, options=Options(max_bytes=10)),
        cleanweb.extract(b"", url="https://example.org/"),
    ]
    return [*reference[::3], *stops]


def test_sample_covers_every_early_status(reference: list[Document]) -> None:
    got = {d.status for d in sample_documents(reference)}
    assert {cleanweb.Status.NOT_HTML, cleanweb.Status.TOO_LARGE} <= got


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol: int, reference: list[Document]) -> None:
    for obj in [*sample_options(), *sample_documents(reference)]:
        back = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert back == obj and type(back) is type(obj)
        assert hash(back) == hash(obj)


def test_cloudpickle_round_trip(reference: list[Document]) -> None:
    cloudpickle = pytest.importorskip("cloudpickle")
    for obj in [*sample_options(), *sample_documents(reference)]:
        back = pickle.loads(cloudpickle.dumps(obj))
        assert back == obj and type(back) is type(obj)
    # A closure over options, as a distributed job would ship it.
    opts = sample_options()[1]
    job = cloudpickle.loads(cloudpickle.dumps(lambda html: cleanweb.extract(html, options=opts)))
    page = b"<html><body><p>" + b"Words of an article, plain and simple. " * 8 + b"</p>"
    assert job(page) == cleanweb.extract(page, options=opts)


def test_deepcopy_and_status_identity(reference: list[Document]) -> None:
    for doc in sample_documents(reference):
        back = copy.deepcopy(doc)
        assert back == doc
        assert back.status is doc.status  # enum members survive as themselves
