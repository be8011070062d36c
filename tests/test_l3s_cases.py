"""A spread of L3S-GN1 pages as fixture cases, built at test time.

The L3S-GN1 set is licensed for research use only, so its pages are not copied into
tests/fixtures; the cases are laid out in a temporary folder from ../shared/datasets in
the standard case format (page.html, expected.json = the gold body, meta.json) and judged
by the same fixture machinery as the committed cases.
"""

from __future__ import annotations

import json
from pathlib import Path

from cleanweb import fixtures as fx

#: Every 52nd page of the set in id order: twelve pages from different sites.
STRIDE = 52
#: Known differences from the gold, by page id prefix, with the reason.
KNOWN = {
    "59f730fe": "reader comments below the article have no comment-named container and "
                "stay in the body",
}


def spread(datasets: Path) -> list[dict[str, object]]:
    lines = (datasets / "l3s-gn1" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    records = sorted((json.loads(line) for line in lines), key=lambda r: str(r["id"]))
    return records[::STRIDE]


def lay_out(record: dict[str, object], datasets: Path, root: Path) -> Path:
    page_id = str(record["id"])
    folder = root / f"l3s-{page_id[:8]}"
    folder.mkdir()
    page = datasets / "l3s-gn1" / "pages" / f"{page_id}.html"
    (folder / "page.html").write_bytes(page.read_bytes())
    (folder / fx.EXPECTED).write_text(fx.dump_json({"text": record["text"]}), encoding="utf-8")
    meta: dict[str, object] = {
        "url": record.get("url"), "compare": {"text": "f1>=0.9"},
        "locked": "expected is the gold of datasets/l3s-gn1", "origin": f"l3s-gn1 {page_id}",
    }
    if page_id[:8] in KNOWN:
        meta["xfail"] = {"text": KNOWN[page_id[:8]]}
    (folder / fx.META).write_text(fx.dump_json(meta), encoding="utf-8")
    return folder


def test_l3s_spread(datasets: Path, tmp_path: Path) -> None:
    records = spread(datasets)
    assert len(records) == 12
    outcomes = [fx.check_case(lay_out(r, datasets, tmp_path)) for r in records]
    bad = [o.report() for o in outcomes if o.status in (fx.FAIL, fx.ERROR, fx.MISSING)]
    assert not bad, "\n\n".join(bad)
    stale = [o.message for o in outcomes if o.status == fx.XPASS]
    assert not stale, f"known differences gone, update KNOWN: {stale}"
