"""pytest plugin: every golden-page case folder becomes a test item named by its slug.

Point it at a folder of cases (see :mod:`cleanweb.fixtures` for the format) with
``--cleanweb-fixtures DIR`` or the ini option ``cleanweb_fixtures``; a failing case shows
the fields that differ, each with its first differing paragraph in context.
``--cleanweb-update`` re-blesses the cases instead of checking them and lists what changed;
fields marked ``xfail`` or ``pinned`` keep their expected values (``cleanweb fixture update
--force`` replaces them). A folder that does not exist or holds no case is a usage error.
Registered through the ``pytest11`` entry point, so installing cleanweb is enough.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleanweb import fixtures as fx

_ROOTS = pytest.StashKey[frozenset[Path]]()
_UPDATES = pytest.StashKey[list[str]]()


class CaseFailure(Exception):
    """A case whose output does not match (or that cannot run)."""

    def __init__(self, outcome: fx.Outcome) -> None:
        super().__init__(outcome.slug)
        self.outcome = outcome


class CaseNowMatches(pytest.PytestWarning):
    """A case with known differences (``xfail``) that now matches: drop the entries."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleanweb", "cleanweb golden-page regression cases")
    group.addoption("--cleanweb-fixtures", action="append", default=[], metavar="DIR",
                    help="folder of cleanweb fixture cases to run (repeatable)")
    group.addoption("--cleanweb-update", action="store_true", default=False,
                    help="re-bless the cleanweb fixture cases with the current output")
    parser.addini("cleanweb_fixtures", type="paths", default=[],
                  help="folders of cleanweb fixture cases, relative to the ini file")


def _covered(root: Path, args: list[str]) -> bool:
    """Whether collecting ``args`` visits ``root`` (or part of it) anyway."""
    for arg in args:
        path = Path(arg.split("::", 1)[0]).resolve()
        if path == root or path in root.parents or root in path.parents:
            return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    given = [Path(p).resolve() for p in config.getoption("cleanweb_fixtures")]
    ini = [Path(p).resolve() for p in config.getini("cleanweb_fixtures")]
    for root in given + ini:  # a mistyped folder must not pass as "no failures"
        try:
            fx.find_cases(root)
        except fx.FixtureError as err:
            raise pytest.UsageError(f"--cleanweb-fixtures / cleanweb_fixtures: {err}") from None
    config.stash[_ROOTS] = frozenset(given + ini)
    config.stash[_UPDATES] = []
    # A folder named on the command line runs even when it lies outside the test paths;
    # one from the ini file runs only when pytest collects where it is.
    for root in given:
        if not _covered(root, config.args):
            config.args.append(str(root))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    roots = parent.config.stash.get(_ROOTS, frozenset())
    folder = file_path.parent
    if folder.parent.resolve() not in roots or fx.case_file(folder) != file_path:
        return None
    collector: CaseFile = CaseFile.from_parent(parent, path=file_path)
    return collector


class CaseFile(pytest.File):
    """The page file of one case (or its meta.json, when the page is in a dataset folder);
    it yields the case's single item."""

    def collect(self) -> Iterator[pytest.Item]:
        yield CaseItem.from_parent(self, name=self.path.parent.name)


class CaseItem(pytest.Item):
    """One golden-page case."""

    @property
    def folder(self) -> Path:
        return self.path.parent

    def runtest(self) -> None:
        if self.config.getoption("cleanweb_update"):
            self._update()
            return
        outcome = fx.check_case(self.folder)
        if outcome.status == fx.SKIP:
            pytest.skip(outcome.message)
        if outcome.status in (fx.FAIL, fx.ERROR, fx.MISSING):
            raise CaseFailure(outcome)
        if outcome.status == fx.XFAIL:
            pytest.xfail(outcome.message)
        if outcome.status == fx.XPASS:
            warnings.warn(CaseNowMatches(f"{self.name}: {outcome.message}; remove those "
                                         "xfail entries from meta.json"), stacklevel=1)

    def _update(self) -> None:
        try:
            done = fx.update_case(self.folder)
        except fx.FixtureError as err:
            raise CaseFailure(fx.Outcome(self.name, fx.ERROR, (), str(err))) from err
        if done.changes or done.kept or "created" in done.line:
            self.config.stash[_UPDATES].append(done.report())

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | Any:
        if isinstance(excinfo.value, CaseFailure):
            o = excinfo.value.outcome
            return f"cleanweb fixture {o.slug} ({o.status}) in {self.folder}\n{o.report()}"
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"cleanweb fixture {self.name}"


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    updates = config.stash.get(_UPDATES, [])
    if not updates:
        return
    terminalreporter.section("cleanweb fixtures updated")
    for text in updates:
        terminalreporter.write_line(text)
