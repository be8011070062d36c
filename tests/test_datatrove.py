"""cleanweb in datatrove: the raw-bytes WARC reader, the extractor step, and the whole
pipeline (WARC reader -> cleanweb -> JSONL writer) on datatrove's local executor.

Expected results are ``cleanweb.extract`` in this process on each record's payload, URI
and HTTP charset, taken from the samples as written, not from the reader under test.
"""

from __future__ import annotations

import json
import multiprocessing
import pickle
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="the 'datatrove' extra is not installed")
pytest.importorskip("fastwarc", reason="the 'warc' extra (fastwarc) is not installed")

from datatrove.data import Document as DTDocument
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter
from warc_samples import Sample, big_page, samples, write_crawl, write_warc

from cleanweb import Options, extract
from cleanweb.integrations.datatrove import LEFT_OUT, CleanwebExtractor, WarcReader


def expected(sample: Sample) -> dict[str, object] | None:
    """The record a pipeline writes for ``sample``: None when it has no body to pass on."""
    doc = extract(sample.body, url=sample.uri, http_charset=sample.charset)
    if not doc.text:
        return None
    meta = {k: v for k, v in doc.to_dict().items() if k not in LEFT_OUT}
    return {"text": doc.text, "cleanweb": meta}


def written(folder: Path) -> dict[str, dict[str, object]]:
    """Output records by document id, from every JSONL file of ``folder``."""
    out = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out[record["id"]] = record
    return out


def check_outputs(got: dict[str, dict[str, object]], sent: list[Sample]) -> None:
    pages = [s for s in sent if s.is_page]
    want = {s.record_id: expected(s) for s in pages}
    assert set(got) == {rid for rid, rec in want.items() if rec is not None}
    for rid, record in got.items():
        meta = record["metadata"]
        assert isinstance(meta, dict)
        assert {"text": record["text"], "cleanweb": meta["cleanweb"]} == want[rid]
        assert "\ufffd" not in str(record["text"]) + str(meta["cleanweb"])
    uris = {s.record_id: s.uri for s in pages}
    assert all(r["metadata"]["url"] == uris[rid] for rid, r in got.items())  # type: ignore[index]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Sample]]:
    """Two WARC files (gzip and plain) holding the samples, one task's worth each."""
    root = tmp_path_factory.mktemp("crawl")
    return root, write_crawl(root, "b.warc")


def run_steps(folder: Path, step: CleanwebExtractor, **reader: object) -> list[DTDocument]:
    return list(step.run(WarcReader(str(folder), **reader).run()))


def test_local_executor_two_tasks_equals_extract(crawl: tuple[Path, list[Sample]],
                                                 tmp_path: Path) -> None:
    folder, sent = crawl
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[WarcReader(str(folder)), CleanwebExtractor(timeout=30),
                  JsonlWriter(str(out), compression=None)],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs")).run()
    check_outputs(written(out), sent)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    by_name = {s["name"]: s["stats"] for s in stats}
    reader = next(v for k, v in by_name.items() if "Warc" in k)
    assert reader["skipped_not_html"] == 1 and reader["skipped_not_response"] == 1


def test_step_keeps_gbk_records_and_drops_only_bodiless(
        crawl: tuple[Path, list[Sample]]) -> None:
    folder, sent = crawl
    docs = run_steps(folder, CleanwebExtractor(timeout=30))
    got = {d.id: {"id": d.id, "text": d.text, "metadata": d.metadata} for d in docs}
    check_outputs(got, sent)
    names = {s.record_id: s.name for s in sent}
    kept = {names[d.id] for d in docs}
    assert {"gbk-header", "gbk-no-header", "gbk-lying-meta", "gbk-truncated"} <= kept
    assert "empty" not in kept
    assert all(m.media_bytes is None for d in docs for m in d.media)  # payload let go


def test_records_shared_out_among_tasks(crawl: tuple[Path, list[Sample]]) -> None:
    folder, sent = crawl
    ids = []
    for rank in (0, 1):
        reader = WarcReader(str(folder), shard_records=True)
        ids.append([d.id for d in reader.run(None, rank, 2)])
    pages = [s.record_id for s in sent if s.is_page]
    assert ids[0] and ids[1] and not set(ids[0]) & set(ids[1])
    assert sorted(ids[0] + ids[1]) == sorted(pages)


def test_datatrove_reader_loses_what_cleanweb_keeps(crawl: tuple[Path, list[Sample]]) -> None:
    """datatrove's own WarcReader decodes before extraction, ignoring the HTTP charset:
    a GBK record cut in its footer fails its strict decode and is dropped."""
    pytest.importorskip("warcio", reason="datatrove's own WARC reader needs warcio")
    pytest.importorskip("cchardet", reason="datatrove's own WARC reader needs faust-cchardet")
    pytest.importorskip("magic", reason="datatrove's own WARC reader needs python-magic")
    from datatrove.pipeline.readers import WarcReader as DatatroveWarcReader

    folder, sent = crawl
    theirs = {d.id: d.text for d in DatatroveWarcReader(str(folder)).run()}
    truncated = next(s for s in sent if s.name == "gbk-truncated")
    assert truncated.record_id not in theirs
    ours = {d.id: d for d in run_steps(folder, CleanwebExtractor(timeout=30))}
    doc = ours[truncated.record_id]
    assert doc.text == extract(truncated.body, http_charset="gbk").text
    assert "城市中心的公园改造工程" in doc.text and "\ufffd" not in doc.text
    assert doc.metadata["cleanweb"]["encoding"] == "gbk"


def test_short_gbk_text_is_misread_by_guessing(tmp_path: Path) -> None:
    """With little Chinese text, datatrove's byte-statistics guess picks a wrong charset
    although the header names GBK; cleanweb follows the header."""
    pytest.importorskip("warcio", reason="datatrove's own WARC reader needs warcio")
    pytest.importorskip("cchardet", reason="datatrove's own WARC reader needs faust-cchardet")
    pytest.importorskip("magic", reason="datatrove's own WARC reader needs python-magic")
    from datatrove.pipeline.readers import WarcReader as DatatroveWarcReader

    html = ("<html><head><title>联系我们</title></head><body><article>"
            + "<p>Opening hours are from nine to five on working days, all year.</p>" * 6
            + "</article></body></html>")
    sample = Sample("short-gbk", "http://example.com/c", "text/html; charset=gbk",
                    html.encode("gbk"))
    write_warc(tmp_path / "c.warc.gz", [sample])
    theirs = [d.text for d in DatatroveWarcReader(str(tmp_path)).run()]
    assert len(theirs) == 1 and "联系我们" not in theirs[0]
    (ours,) = run_steps(tmp_path, CleanwebExtractor(timeout=30))
    assert ours.metadata["cleanweb"]["title"] == "联系我们"


def test_step_takes_decoded_html_text_too() -> None:
    html = ("<html><head><title>公园</title></head><body><article>"
            + "<p>经过半年的施工，城市中心的公园改造工程已经全部完成，新增了步道和花坛。</p>" * 4
            + "</article></body></html>")
    doc = DTDocument(text=html, id="x", metadata={"url": "http://example.com/p"})
    (out,) = list(CleanwebExtractor(timeout=30).run(iter([doc])))
    want = extract(html, url="http://example.com/p")
    assert out.text == want.text and out.metadata["cleanweb"]["title"] == want.title


def test_timeout_drops_the_page_and_goes_on(tmp_path: Path) -> None:
    """As datatrove's Trafilatura step: a page over ``timeout`` has its process killed,
    is dropped and counted; the next page is extracted by a fresh process."""
    items = [Sample("huge", "http://example.com/h", "text/html", big_page(12_000)),
             samples()[0]]
    sent = write_warc(tmp_path / "t.warc", items)
    step = CleanwebExtractor(timeout=0.5)
    docs = run_steps(tmp_path, step)
    assert [d.id for d in docs] == [sent[1].record_id]
    assert step.stats["timeout"].total == 1


def test_step_is_picklable_and_starts_nothing() -> None:
    before = set(multiprocessing.active_children())
    step = CleanwebExtractor(Options(favor="precision", include_tables=False), timeout=3)
    assert set(multiprocessing.active_children()) == before
    clone = pickle.loads(pickle.dumps(step))
    assert clone.options == step.options and clone.timeout == 3
    reader = pickle.loads(pickle.dumps(WarcReader("/tmp", shard_records=True)))
    assert reader.shard_records


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_reader_keeps_the_whole_records_of_a_cut_file_and_counts_it(
        tmp_path: Path, name: str) -> None:
    sent = write_warc(tmp_path / name, samples()[:3])
    data = (tmp_path / name).read_bytes()
    (tmp_path / name).write_bytes(data[:len(data) - 40])  # the third record is cut
    reader = WarcReader(str(tmp_path))
    assert [d.id for d in reader.run()] == [s.record_id for s in sent[:2]]
    assert reader.stats["damaged_files"].total == 1
