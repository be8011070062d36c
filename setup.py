"""Build script: the stages that run Python code per element and per segment (the segment
walk, the text measures, scoring, the textual pass, metadata, assembly, and the page record
types they share) are compiled with mypyc, which takes about a seventh off an extraction.
They are typed Python like the rest and stay the source of truth: an editable install, a
machine without a C compiler, or ``CLEANWEB_PURE_PYTHON=1`` gets the same modules as plain
Python, with the same results.

Release wheels are built with ``CLEANWEB_COMPILE=required`` (set in pyproject.toml for
cibuildwheel): there a failed compile fails the build, so a wheel tagged for a platform
always holds the compiled stages; the pure-Python wheel is built with
``CLEANWEB_PURE_PYTHON=1``."""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup  # type: ignore[import-untyped]

METADATA = ("__init__", "record", "nodes", "headline", "zone", "marked", "tags", "bylines",
            "language")
COMPILED = [
    f"src/cleanweb/{name}.py"
    for name in ("stages/page", "stages/segment", "measures", "stages/score", "stages/kind",
                 "stages/finish", *(f"stages/metadata/{module}" for module in METADATA),
                 "stages/assemble")
]


def compiled_modules() -> list[Extension]:
    # An editable install must run the sources as they are edited, not a stale build.
    if os.environ.get("CLEANWEB_PURE_PYTHON") == "1" or "editable_wheel" in sys.argv:
        return []
    required = os.environ.get("CLEANWEB_COMPILE") == "required"
    try:
        from mypyc.build import mypycify

        extensions = mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit) as err:  # mypy missing, or refusing the sources
        if required:
            raise
        print(f"cleanweb: building the stages as plain Python ({err!r})", file=sys.stderr)
        return []
    for ext in extensions:
        # No C compiler: install the plain-Python modules instead, unless compiling is required.
        ext.optional = not required
    return extensions


setup(ext_modules=compiled_modules())
