"""The fixture format, comparison modes, diff rendering and ``cleanweb fixture`` commands."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks import metric
from cleanweb import fixtures as fx

PARAS = ["The council approved the new budget on Monday, after a long debate about parks.",
         "Spending on libraries rises by a tenth, and two new reading rooms will open soon.",
         "The mayor said the plan keeps taxes flat while the city repairs its old bridges."]
PAGE = ("<html><head><title>Budget approved</title></head><body><article><h1>Budget approved"
        "</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")


def saved_page(tmp_path: Path, data: bytes = PAGE.encode(), name: str = "Budget Page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- comparing


@pytest.mark.parametrize(("gold", "pred"), [
    ("one two three four five six", "one two three four five six"),
    ("one two three four five six", "two three four five six seven eight"),
    ("城区新建了十二座社区公园，居民步行即可到达。", "城区新建了十二座公园，居民即可到达绿地。"),
    ("short", "other words here entirely"),
])
def test_similarity_is_the_benchmark_page_f1(gold: str, pred: str) -> None:
    assert fx.similarity(gold, pred) == pytest.approx(metric.page_counts(gold, pred).f1)


def test_modes() -> None:
    assert fx.parse_mode("f1>=0.9") == fx.Mode("f1", 0.9)
    assert fx.parse_mode(" loose ") == fx.Mode("loose")
    for bad in ("fuzzy", "f1>=1.5", "f1>0.9"):
        with pytest.raises(fx.FixtureError):
            fx.parse_mode(bad)


def test_compare_field_by_mode() -> None:
    exact, squash, loose = fx.Mode("exact"), fx.Mode("squash"), fx.Mode("loose")
    assert fx.compare_field("author", "王 文", "王文", exact) is not None
    assert fx.compare_field("author", "姚立伟、刘晓阳", "姚立伟 刘晓阳", loose) is None
    assert fx.compare_field("title", "A  b", "A b", squash) is None
    assert fx.compare_field("title", "A b", "a b", squash) is not None
    assert fx.compare_field("text", ["a", "b"], ["a b"], loose) is None
    assert fx.compare_field("text", ["a", "b"], ["a b"], exact) is not None
    assert fx.compare_field("date", None, None, exact) is None
    assert fx.compare_field("date", "x", None, fx.Mode("ignore")) is None


def test_f1_mode_reports_the_score() -> None:
    diff = fx.compare_field("text", PARAS, PARAS[:1], fx.Mode("f1", 0.95))
    assert diff is not None and diff.score is not None and diff.score < 0.95
    assert "similarity" in fx.render_diff(diff)
    assert fx.compare_field("text", PARAS, PARAS, fx.Mode("f1", 0.95)) is None


def test_compare_checks_only_the_expected_fields() -> None:
    actual = {"title": "T", "text": ["x"], "author": "A"}
    modes = {f: fx.Mode("exact") for f in fx.FIELDS}
    assert fx.compare({"title": "T"}, actual, modes) == []
    assert [d.name for d in fx.compare({"text": ["y"], "author": None}, actual, modes)] == [
        "text", "author"]


def test_list_diff_shows_context_not_the_whole_text() -> None:
    expected = [f"paragraph number {i}" for i in range(200)]
    actual = list(expected)
    actual[100] = "a changed paragraph"
    actual[150] = "another change"
    lines = fx.list_diff(expected, actual)
    assert len(lines) < 12
    assert "    - paragraph number 100" in lines and "    + a changed paragraph" in lines
    assert "      paragraph number 98" in lines and "      paragraph number 101" in lines
    assert lines[-1].endswith("1 more differing runs further on")


def test_long_paragraphs_are_cut_around_the_change() -> None:
    old = "x" * 500 + "OLD" + "y" * 500
    new = "x" * 500 + "NEW" + "y" * 500
    lines = fx.list_diff([old], [new])
    assert any("OLD" in x and len(x) < fx.MAX_CHARS + 10 for x in lines)
    assert any("NEW" in x for x in lines)


# ---------------------------------------------------------------- cases and outcomes


def test_add_writes_a_readable_case(tmp_path: Path) -> None:
    folder = fx.add_case(saved_page(tmp_path), tmp_path / "cases", url="https://example.org/b")
    assert folder.name == "budget-page"
    text = (folder / "expected.json").read_text(encoding="utf-8")
    assert list(json.loads(text)) == list(fx.FIELDS)
    assert f'\n    "{PARAS[1]}",\n' in text  # one paragraph per line
    assert json.loads((folder / "meta.json").read_text())["url"] == "https://example.org/b"
    assert fx.check_case(folder).status == fx.PASS
    with pytest.raises(fx.FixtureError):
        fx.add_case(saved_page(tmp_path), tmp_path / "cases")


def test_gzip_pages_and_legacy_encodings(tmp_path: Path) -> None:
    page = "<html><head><meta charset='gbk'><title>公园</title></head><body><p>" + (
        "城区新建了十二座社区公园，居民步行十分钟即可到达一处绿地。" * 4) + "</p></body></html>"
    gz = saved_page(tmp_path, gzip.compress(page.encode("gbk")), "park.html.gz")
    folder = fx.add_case(gz, tmp_path / "cases")
    assert (folder / "page.html.gz").is_file()
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert expected["encoding"] == "gbk" and "社区公园" in expected["text"][0]


def test_xfail_fields_and_outcomes(tmp_path: Path) -> None:
    folder = fx.add_case(saved_page(tmp_path), tmp_path / "cases", slug="b")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    (folder / "expected.json").write_text(json.dumps({**expected, "author": "Someone"}))
    assert fx.check_case(folder).status == fx.FAIL
    meta = {"xfail": {"author": "the byline is an image"}}
    (folder / "meta.json").write_text(json.dumps(meta))
    outcome = fx.check_case(folder)
    assert outcome.status == fx.XFAIL and "the byline is an image" in outcome.message
    (folder / "expected.json").write_text(json.dumps(expected))
    assert fx.check_case(folder).status == fx.XPASS


def test_bad_meta_is_an_error_not_a_crash(tmp_path: Path) -> None:
    folder = fx.add_case(saved_page(tmp_path), tmp_path / "cases", slug="b")
    for meta in ({"options": {"colour": "red"}}, {"compare": {"text": "roughly"}},
                 {"options": {"favor": "nothing"}}):
        (folder / "meta.json").write_text(json.dumps(meta))
        outcome = fx.check_case(folder)
        assert outcome.status == fx.ERROR and outcome.message
    (folder / "meta.json").write_text("{not json")
    assert fx.check_case(folder).status == fx.ERROR


def test_locked_cases_are_not_updated(tmp_path: Path) -> None:
    folder = fx.add_case(saved_page(tmp_path), tmp_path / "cases", slug="b")
    (folder / "expected.json").write_text(json.dumps({"title": "Gold"}))
    (folder / "meta.json").write_text(json.dumps({"locked": "hand-made gold"}))
    done = fx.update_case(folder)
    assert "locked" in done.line and done.changes == ()
    assert json.loads((folder / "expected.json").read_text()) == {"title": "Gold"}


@pytest.mark.parametrize("mark", ["xfail", "pinned"])
def test_update_keeps_hand_corrected_fields_unless_forced(
        tmp_path: Path, mark: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A gold corrected by hand (marked as a known difference, or pinned) is never
    replaced by the output it corrects: update shows the difference and keeps it."""
    folder = fx.add_case(saved_page(tmp_path), tmp_path / "cases", slug="b")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    gold = {**expected, "title": "The headline, corrected by hand",
            "text": ["An edited paragraph.", *expected["text"][1:]]}
    (folder / "expected.json").write_text(json.dumps(gold), encoding="utf-8")
    meta = {mark: {"title": "the page's headline is wrong"}}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert fx.main(["update", "--dir", str(tmp_path / "cases")]) == 0
    out = capsys.readouterr().out
    kept = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert kept["title"] == gold["title"]  # held
    assert kept["text"] == expected["text"]  # not marked: re-blessed
    assert "b: updated" in out and "kept" in out and "--force" in out
    assert "- 'The headline, corrected by hand'" in out  # the diff is shown
    if mark == "xfail":
        assert fx.check_case(folder).status == fx.XFAIL  # not a false "now matches"
    assert fx.main(["update", "--dir", str(tmp_path / "cases"), "--force"]) == 0
    forced = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert forced["title"] == expected["title"]
    assert fx.check_case(folder).status == fx.PASS
    left = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert left == ({} if mark == "xfail" else meta)  # a known difference is gone


# ---------------------------------------------------------------- the commands


def test_cli_add_check_update(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = str(tmp_path / "cases")
    assert fx.main(["add", str(saved_page(tmp_path)), "--slug", "b", "--dir", cases]) == 0
    assert fx.main(["check", "--dir", cases]) == 0
    expected = tmp_path / "cases" / "b" / "expected.json"
    data = json.loads(expected.read_text(encoding="utf-8"))
    data["text"][1] = "An edited paragraph."
    expected.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert fx.main(["check", "--dir", cases]) == 1
    out = capsys.readouterr().out
    assert "FAIL    b" in out and "- An edited paragraph." in out and "1 fail" in out
    assert fx.main(["update", "--dir", cases, "b"]) == 0
    assert "b: updated" in capsys.readouterr().out
    assert fx.main(["check", "--dir", cases]) == 0


def test_cli_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fx.main(["check", "--dir", str(tmp_path / "nowhere")]) == 2
    (tmp_path / "empty" / "not-a-case").mkdir(parents=True)
    assert fx.main(["check", "--dir", str(tmp_path / "empty")]) == 2
    assert fx.main(["update", "--dir", str(tmp_path), "no-such-case"]) == 2
    assert "cleanweb fixture:" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        fx.main(["frobnicate"])
    assert exc.value.code == 2
