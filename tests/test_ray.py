"""cleanweb on Ray: a local cluster with 2 CPUs, started here, runs the same datatrove
pipeline as the local executor (WARC reader -> cleanweb -> JSONL writer) through
datatrove's Ray executor, and the plain per-file function as Ray tasks.

Outputs are compared, record for record, with ``cleanweb.extract`` in this process.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray", reason="the 'ray' extra is not installed")
pytest.importorskip("fastwarc", reason="the 'warc' extra (fastwarc) is not installed")

import ray
from warc_samples import Sample, write_crawl

from cleanweb import extract


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             configure_logging=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Sample]]:
    root = tmp_path_factory.mktemp("crawl")
    return root, write_crawl(root, "b.warc.gz")


def test_datatrove_pipeline_on_ray(cluster: None, crawl: tuple[Path, list[Sample]],
                                   tmp_path: Path) -> None:
    pytest.importorskip("datatrove", reason="the 'datatrove' extra is not installed")
    from datatrove.executor.ray import RayPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter
    from test_datatrove import check_outputs, written

    from cleanweb.integrations.datatrove import CleanwebExtractor, WarcReader

    folder, sent = crawl
    out = tmp_path / "out"
    RayPipelineExecutor(
        pipeline=[WarcReader(str(folder)), CleanwebExtractor(timeout=30),
                  JsonlWriter(str(out), compression=None)],
        tasks=2, workers=2, mem_per_cpu_gb=0.25, logging_dir=str(tmp_path / "logs")).run()
    assert len(list(out.glob("*.jsonl"))) == 2  # both tasks wrote
    check_outputs(written(out), sent)


def test_ray_tasks_rows_equal_extract(cluster: None,
                                     crawl: tuple[Path, list[Sample]]) -> None:
    """Plain Ray tasks, one WARC file each, as DCLM-style pipelines run extractors."""
    from cleanweb.integrations.records import warc_rows

    @ray.remote
    def file_rows(path: str) -> list[dict[str, Any]]:
        return list(warc_rows(path))

    folder, sent = crawl
    paths = sorted(str(p) for p in folder.glob("*.warc.gz"))
    got = {r["warc_record_id"]: r for rows in ray.get([file_rows.remote(p) for p in paths])
           for r in rows}
    pages = [s for s in sent if s.is_page]
    assert set(got) == {s.record_id for s in pages}
    for s in pages:
        doc = extract(s.body, url=s.uri, http_charset=s.charset)
        assert got[s.record_id] == {"path": str(folder / ("a.warc.gz" if s in sent[:6]
                                                          else "b.warc.gz")),
                                    "warc_record_id": s.record_id, "warc_target_uri": s.uri,
                                    **doc.to_dict()}
        assert "\ufffd" not in doc.text
