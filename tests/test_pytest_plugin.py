"""The pytest plugin, run in a throw-away pytest with ``pytester``."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleanweb import fixtures as fx
from cleanweb import pytest_plugin  # noqa: F401  (imported once, not per inner run)

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[1]
PARAS = ["The council approved the new budget on Monday, after a long debate about parks.",
         "Spending on libraries rises by a tenth, and two new reading rooms will open soon.",
         "The mayor said the plan keeps taxes flat while the city repairs its old bridges."]
PAGE = ("<html><head><title>Budget approved</title></head><body><article><h1>Budget approved"
        "</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")
# Block the entry point's name so the module can be loaded by path whether or not the
# package's metadata in this environment already registers it.
PLUGIN = ("-p", "no:cleanweb", "-p", "cleanweb.pytest_plugin")


def make_case(root: Path, slug: str, page: bytes | str = PAGE,
              expected: dict[str, object] | None = None) -> Path:
    folder = root / slug
    folder.mkdir(parents=True)
    data = page.encode() if isinstance(page, str) else page
    (folder / "page.html").write_bytes(data)
    if expected is not None:
        (folder / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    return folder


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*PLUGIN, "-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


def test_matching_case_passes_and_is_named_by_slug(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "pages", "budget", expected={"title": "Budget approved",
                                                           "text": PARAS})
    result = run(pytester, "--cleanweb-fixtures", "pages", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*::budget PASSED*"])


def test_ini_option_points_at_the_folder(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "tests" / "pages", "budget", expected={"text": PARAS})
    pytester.makeini("[pytest]\ncleanweb_fixtures = tests/pages\n")
    run(pytester, "tests").assert_outcomes(passed=1)


def test_failure_shows_a_short_diff(pytester: pytest.Pytester,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # On CI (the CI variable set) pytest repeats the whole failure text in its short
    # summary; count the diff as a user at a terminal sees it.
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("BUILD_NUMBER", raising=False)
    changed = [PARAS[0], "A paragraph the page never had.", PARAS[2]]
    make_case(pytester.path / "pages", "budget",
              expected={"title": "Budget passed", "text": changed})
    result = run(pytester, "--cleanweb-fixtures", "pages")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*cleanweb fixture budget (fail)*",
        "*title differs (exact)*", "*- 'Budget passed'", "*+ 'Budget approved'",
        "*text differs*", "*@@ paragraph 2 (expected) / 2 (actual) @@*",
        "*- A paragraph the page never had.", "*+ Spending on libraries*",
    ])
    # Context, not a dump: the unchanged first paragraph appears once, as context.
    assert result.stdout.str().count(PARAS[0]) == 1


def test_update_reblesses_and_lists_changes(pytester: pytest.Pytester) -> None:
    folder = make_case(pytester.path / "pages", "budget",
                       expected={"title": "Old title", "text": PARAS})
    result = run(pytester, "--cleanweb-fixtures", "pages", "--cleanweb-update")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*cleanweb fixtures updated*", "budget: updated",
                                 "*- 'Old title'", "*+ 'Budget approved'"])
    blessed = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert blessed == {"title": "Budget approved", "text": PARAS}  # same fields as before
    run(pytester, "--cleanweb-fixtures", "pages").assert_outcomes(passed=1)


def test_missing_expected_file_fails_then_update_creates_it(pytester: pytest.Pytester) -> None:
    folder = make_case(pytester.path / "pages", "fresh")
    result = run(pytester, "--cleanweb-fixtures", "pages")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*fresh (missing)*", "*no expected.json*"])
    run(pytester, "--cleanweb-fixtures", "pages", "--cleanweb-update").assert_outcomes(passed=1)
    assert json.loads((folder / "expected.json").read_text(encoding="utf-8"))["text"] == PARAS


def test_broken_page_bytes_fail_with_the_reason(pytester: pytest.Pytester) -> None:
    root = pytester.path / "pages"
    make_case(root, "binary", page=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
              expected={"text": PARAS})
    bad_gz = root / "truncated"
    bad_gz.mkdir()
    (bad_gz / "page.html.gz").write_bytes(gzip.compress(PAGE.encode())[:20])
    (bad_gz / "expected.json").write_text(json.dumps({"text": PARAS}), encoding="utf-8")
    result = run(pytester, "--cleanweb-fixtures", "pages")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*binary (fail)*", "*text differs*[[]3 expected, 0 actual[]]*"])
    result.stdout.fnmatch_lines(["*truncated (error)*", "*not a readable gzip file*"])


def test_known_difference_is_xfail(pytester: pytest.Pytester) -> None:
    folder = make_case(pytester.path / "pages", "budget",
                       expected={"title": "Gold title", "text": PARAS})
    (folder / "meta.json").write_text(
        json.dumps({"xfail": {"title": "the gold headline is not the page's"}}), encoding="utf-8")
    result = run(pytester, "--cleanweb-fixtures", "pages", "-rx")
    result.assert_outcomes(xfailed=1)
    result.stdout.fnmatch_lines(["*title: the gold headline is not the page's*"])


@pytest.mark.parametrize("folder", ["nope", "empty"])
def test_a_mistyped_or_empty_folder_is_a_usage_error(pytester: pytest.Pytester,
                                                     folder: str) -> None:
    (pytester.path / "empty" / "not-a-case").mkdir(parents=True)
    result = run(pytester, "--cleanweb-fixtures", folder)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{folder}*" + ("does not exist" if folder == "nope"
                                                   else "holds no case") + "*"])


def test_update_keeps_a_known_difference(pytester: pytest.Pytester) -> None:
    folder = make_case(pytester.path / "pages", "budget",
                       expected={"title": "Gold title", "text": PARAS})
    (folder / "meta.json").write_text(
        json.dumps({"xfail": {"title": "the gold headline is not the page's"}}), encoding="utf-8")
    result = run(pytester, "--cleanweb-fixtures", "pages", "--cleanweb-update")
    result.stdout.fnmatch_lines(["*cleanweb fixtures updated*", "budget: unchanged",
                                 "kept (pinned or known differences*", "*- 'Gold title'"])
    assert json.loads((folder / "expected.json").read_text(encoding="utf-8"))["title"] == (
        "Gold title")


def test_other_folders_are_not_collected(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "pages", "budget", expected={"text": PARAS})
    make_case(pytester.path / "elsewhere", "other", expected={"text": ["wrong"]})
    run(pytester, "--cleanweb-fixtures", "pages", "elsewhere", "pages").assert_outcomes(passed=1)


def test_entry_point_is_declared() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["pytest11"]["cleanweb"] == "cleanweb.pytest_plugin"


def test_the_module_checks_like_the_plugin(tmp_path: Path) -> None:
    """The plugin and ``cleanweb fixture check`` share one verdict."""
    folder = make_case(tmp_path, "budget", expected={"text": PARAS[:2]})
    assert fx.check_case(folder).status == fx.FAIL
