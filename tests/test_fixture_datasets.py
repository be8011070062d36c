"""Cases whose page and gold live in a dataset folder outside the repository: found from the
case folder upwards, pinned by digest, skipped where the dataset is absent, never re-blessed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cleanweb import fixtures as fx

pytest_plugins = ["pytester"]

PARAS = ["The council approved the new budget on Monday, after a long debate about parks.",
         "Spending on libraries rises by a tenth, and two new reading rooms will open soon.",
         "The mayor said the plan keeps taxes flat while the city repairs its old bridges."]
PAGE = ("<html><head><title>Budget approved</title></head><body><article><h1>Budget approved"
        "</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>").encode()
GOLD = {"id": "p1", "title": "Budget approved", "text": "\n".join(PARAS), "lang": "en"}
FIELDS = ["title", "text"]


def make_dataset(root: Path, gold: dict[str, object] = GOLD, page: bytes = PAGE) -> Path:
    folder = root / "data" / "news"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "p1.html").write_bytes(page)
    other = {"id": "p0", "title": "Another page", "text": "x"}
    lines = [json.dumps(other), "", json.dumps(gold, ensure_ascii=False)]
    (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def pins(page: bytes = PAGE, gold: dict[str, object] = GOLD) -> dict[str, str]:
    expected = {"title": gold["title"], "text": str(gold["text"]).split("\n")}
    return {"page_sha256": hashlib.sha256(page).hexdigest(),
            "gold_sha256": hashlib.sha256(fx.gold_digest_bytes(expected)).hexdigest()}


def make_case(cases: Path, slug: str = "budget", **extra: object) -> Path:
    folder = cases / slug
    folder.mkdir(parents=True)
    spec = {"path": "data/news", "id": "p1", "fields": FIELDS, **pins()}
    meta = {"locked": "gold of the news set", **extra, "dataset": spec}
    (folder / fx.META).write_text(json.dumps(meta), encoding="utf-8")
    return folder


def set_spec(folder: Path, **changes: object) -> None:
    meta = json.loads((folder / fx.META).read_text(encoding="utf-8"))
    meta["dataset"].update(changes)
    (folder / fx.META).write_text(json.dumps(meta), encoding="utf-8")


def test_page_and_expected_fields_come_from_the_dataset(tmp_path: Path) -> None:
    make_dataset(tmp_path)
    folder = make_case(tmp_path / "repo" / "tests" / "cases")
    assert fx.find_cases(folder.parent) == [folder]
    case = fx.load_case(folder)
    assert case.page == tmp_path / "data" / "news" / "pages" / "p1.html"
    assert case.expected == {"title": "Budget approved", "text": PARAS}
    assert fx.check_case(folder).status == fx.PASS


def test_absent_dataset_is_a_skip_with_the_reason(tmp_path: Path) -> None:
    folder = make_case(tmp_path / "cases")
    outcome = fx.check_case(folder)
    assert outcome.status == fx.SKIP
    assert "data/news not found" in outcome.message and "case not run" in outcome.message


def test_a_changed_page_or_gold_fails_instead_of_changing_the_check(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    folder = make_case(tmp_path / "cases")
    (dataset / "pages" / "p1.html").write_bytes(PAGE.replace(b"Monday", b"Tuesday"))
    outcome = fx.check_case(folder)
    assert outcome.status == fx.ERROR and "p1.html is not what the case was made from" \
        in outcome.message
    (dataset / "pages" / "p1.html").write_bytes(PAGE)
    edited = {**GOLD, "title": "Budget passed"}
    make_dataset(tmp_path / "other", gold=edited)
    set_spec(folder, path=str(tmp_path / "other" / "data" / "news"))
    outcome = fx.check_case(folder)
    assert outcome.status == fx.ERROR and "the gold of p1" in outcome.message
    # Pinning the new gold is a reviewed step; then the case checks the new gold.
    set_spec(folder, gold_sha256=pins(gold=edited)["gold_sha256"])
    assert fx.check_case(folder).status == fx.FAIL


def test_known_differences_still_apply(tmp_path: Path) -> None:
    make_dataset(tmp_path, gold={**GOLD, "title": "The gold headline"})
    folder = make_case(tmp_path / "cases", xfail={"title": "the page's headline is shorter"})
    set_spec(folder, **pins(gold={**GOLD, "title": "The gold headline"}))
    assert fx.check_case(folder).status == fx.XFAIL


@pytest.mark.parametrize("spec", [
    {"fields": ["title", "body"]},
    {"fields": []},
    {"id": "p9"},
    {"page_sha256": None},
])
def test_bad_dataset_entries_are_errors(tmp_path: Path, spec: dict[str, object]) -> None:
    make_dataset(tmp_path)
    folder = make_case(tmp_path / "cases")
    set_spec(folder, **spec)
    assert fx.check_case(folder).status == fx.ERROR


def test_a_page_or_expected_file_beside_the_entry_is_an_error(tmp_path: Path) -> None:
    make_dataset(tmp_path)
    folder = make_case(tmp_path / "cases")
    (folder / fx.EXPECTED).write_text(json.dumps({"title": "x"}), encoding="utf-8")
    outcome = fx.check_case(folder)
    assert outcome.status == fx.ERROR and "keep one source" in outcome.message


def test_update_never_writes_the_gold_into_the_repository(tmp_path: Path) -> None:
    make_dataset(tmp_path)
    folder = make_case(tmp_path / "cases", locked=None)
    done = fx.update_case(folder)
    assert "not updated" in done.line and not done.changes
    assert sorted(p.name for p in folder.iterdir()) == [fx.META]
    # Also where the dataset is absent: nothing to read, nothing written, no error.
    assert "not updated" in fx.update_case(make_case(tmp_path / "elsewhere")).line


def test_check_command_reports_skips_without_failing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_case(tmp_path / "cases")
    assert fx.main(["check", "--dir", str(tmp_path / "cases")]) == 0
    out = capsys.readouterr().out
    assert "SKIP    budget" in out and "1 skip" in out


def test_plugin_collects_dataset_cases_and_skips_them_when_absent(
        pytester: pytest.Pytester) -> None:
    make_dataset(pytester.path)
    make_case(pytester.path / "cases")
    set_spec(make_case(pytester.path / "away", "lost"), path="data/gone")
    plugin = ("-p", "no:cleanweb", "-p", "cleanweb.pytest_plugin", "-p", "no:cacheprovider")
    result = pytester.runpytest(*plugin, "--cleanweb-fixtures", "cases",
                                "--cleanweb-fixtures", "away", "-rs")
    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines(["*data/gone not found*"])
