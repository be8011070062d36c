"""The distributions as a user gets them: ``python -m build`` makes an sdist and a wheel from it;
the wheel holds the package and nothing else (no tests, fixtures, benchmarks or example
pages), its metadata is complete, and installed into a fresh virtual environment it runs the
README's first command.

Building and installing takes a while and needs the package index, so this runs on CI
(CI=true) or when CLEANWEB_TEST_WHEEL=1 is set. The wheel built here is the pure-Python one
(the compiled wheels are built by cibuildwheel, see docs/releasing.md): what it checks, the
files and metadata that go into a distribution, is the same for both.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.skipif(
    os.environ.get("CI") != "true" and os.environ.get("CLEANWEB_TEST_WHEEL") != "1",
    reason="builds and installs the wheel: runs under CI=true or CLEANWEB_TEST_WHEEL=1",
)

#: What goes into the build: the files an sdist is made from.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "CHANGELOG.md")
EXTRAS = {"warc", "datatrove", "ray", "test", "bench", "dev"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sdist and wheel built from a copy of the sources, as ``python -m build`` does (the
    wheel from the sdist), so the checkout itself is not written to."""
    tree = tmp_path_factory.mktemp("tree")
    for name in SOURCES:
        shutil.copy2(REPO / name, tree / name)
    shutil.copytree(REPO / "src", tree / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.so"))
    out = tree / "dist"
    env = {**os.environ, "CLEANWEB_PURE_PYTHON": "1"}
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(tree)],
                   env=env, check=True, capture_output=True, timeout=600)
    return out


def one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, f"{pattern}: {found}"
    return found[0]


def test_wheel_holds_the_package_and_nothing_else(dist: Path) -> None:
    names = zipfile.ZipFile(one(dist, "*.whl")).namelist()
    tops = {n.split("/", 1)[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"cleanweb"}
    assert "cleanweb/py.typed" in names and "cleanweb/rules/examples/sina.toml" in names
    assert not [n for n in names if re.search(r"(^|/)(tests?|fixtures|benchmarks)/", n)]
    assert not [n for n in names if n.endswith((".html", ".html.gz", ".jsonl"))]
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_sdist_holds_the_sources_without_tests_or_data(dist: Path) -> None:
    with tarfile.open(one(dist, "*.tar.gz")) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert set(SOURCES) <= names and "src/cleanweb/stages/segment.py" in names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "examples/"))]


def test_metadata_describes_the_package(dist: Path) -> None:
    wheel = zipfile.ZipFile(one(dist, "*.whl"))
    text = wheel.read(one_name(wheel.namelist(), ".dist-info/METADATA")).decode()
    meta = Parser().parsestr(text)
    assert meta["Summary"] and meta["License-Expression"] == "MIT"
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["Description-Content-Type"] == "text/markdown"
    classifiers = set(meta.get_all("Classifier") or [])
    assert {f"Programming Language :: Python :: 3.{v}" for v in (11, 12, 13)} <= classifiers
    assert "Typing :: Typed" in classifiers
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Repository", "Issues", "Changelog"} <= set(urls)
    assert set(meta.get_all("Provides-Extra") or []) >= EXTRAS


def one_name(names: list[str], suffix: str) -> str:
    found = [n for n in names if n.endswith(suffix)]
    assert len(found) == 1, found
    return found[0]


def readme_first_command() -> str:
    blocks = re.findall(r"```sh\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"),
                        re.S)
    lines = [ln for ln in blocks[0].splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == 1, lines
    return lines[0]


def test_readme_first_command_runs_from_the_wheel(dist: Path, tmp_path: Path) -> None:
    """The README's first command, word for word except that ``pip install .`` installs the
    built wheel, in an empty folder holding only the example page."""
    command = readme_first_command()
    assert " pip install . " in command
    wheel = one(dist, "*.whl")
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    done = subprocess.run(["sh", "-c", command.replace(" pip install . ", f" pip install -q "
                                                       f"'{wheel}' ")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("本报讯（记者 林晓）由城南一座闲置纺织厂房改建")
    assert "ICP" not in done.stdout and "责任编辑" not in done.stdout
    version = subprocess.run([tmp_path / ".venv" / "bin" / "cleanweb", "--version"],
                             capture_output=True, text=True, check=True)
    assert version.stdout.startswith("cleanweb ") and "stages" in version.stdout
