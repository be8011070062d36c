"""Golden-page regression cases: saved pages with the output they must produce.

A case is a folder ``<root>/<slug>/`` holding:

- ``page.html`` (or ``page.html.gz``): the page's raw bytes, in any encoding;
- ``expected.json``: the fields that matter (any of :data:`FIELDS`), keys in that order,
  ``text`` and ``captions`` as lists with one paragraph / caption per line, so a changed
  paragraph is a one-line diff; a field left out is not checked;
- ``meta.json`` (optional): ``url``, ``http_charset``, ``options`` (:class:`Options` fields;
  ``site_rules`` as the path of a rule pack, see :func:`rule_pack_path`),
  ``compare`` (field -> mode, see :func:`parse_mode`), ``xfail`` (field -> why it is known to
  differ), ``pinned`` (field -> why its expected value was set by hand) and ``locked`` (why
  ``update`` must not re-bless the case at all, e.g. hand-made gold). ``update`` leaves
  ``xfail`` and ``pinned`` fields as they are unless told to replace them (``--force``).
  Other keys are kept and ignored.

A case may instead take its page and expected fields from a dataset folder that is kept
outside the repository (pages that may not be redistributed): ``meta.json`` then has a
``dataset`` entry (see :func:`dataset_case`) and the folder holds no page and no
``expected.json``; where the dataset is absent the case is skipped, not failed.

``cleanweb fixture add|update|check`` (:func:`main`) and the pytest plugin
(:mod:`cleanweb.pytest_plugin`) both run on these functions.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from cleanweb.document import Document
from cleanweb.extract import extract
from cleanweb.measures import folded_fingerprint, shingles, squash
from cleanweb.options import Options
from cleanweb.site_rules import RulePack

#: The checked fields, in the order ``expected.json`` writes them.
FIELDS = ("title", "text", "captions", "date", "author", "source", "editor", "encoding")
LIST_FIELDS = frozenset({"text", "captions"})
PAGE_NAMES = ("page.html", "page.html.gz")
EXPECTED = "expected.json"
META = "meta.json"
#: The meta.json key of a case whose page and gold live in a dataset folder.
DATASET = "dataset"

# A diff shows this many equal paragraphs around the first difference ...
CONTEXT = 2
# ... at most this many changed paragraphs of it, each cut to this many characters.
MAX_SHOWN = 4
MAX_CHARS = 160

_SLUG_BAD_RE = re.compile(r"[^A-Za-z0-9._-]+")
_MODE_RE = re.compile(r"^f1\s*>=\s*(0(?:\.\d+)?|1(?:\.0+)?)$")


class FixtureError(Exception):
    """A case folder that cannot be read: no page, bad JSON, unknown option or mode."""


class DatasetMissing(FixtureError):
    """The dataset folder a case reads its page from is not on this machine."""


# ---------------------------------------------------------------- the case folder


@dataclass(frozen=True, slots=True)
class Case:
    """One case folder, read but not yet run."""

    slug: str
    path: Path
    page: Path
    expected: dict[str, Any] | None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def xfail(self) -> dict[str, str]:
        return dict(self.meta.get("xfail") or {})

    @property
    def held(self) -> dict[str, str]:
        """Fields ``update`` keeps unless forced, with why: pinned by hand, or known to
        differ (the expected value is right and the output wrong)."""
        pinned = {k: f"pinned: {v}" for k, v in dict(self.meta.get("pinned") or {}).items()}
        return {**{k: f"known difference: {v}" for k, v in self.xfail.items()}, **pinned}


def page_file(folder: Path) -> Path | None:
    """The case's page file, plain or gzip-compressed, if there is one."""
    for name in PAGE_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def case_file(folder: Path) -> Path | None:
    """The file that makes ``folder`` a case: its page, or the meta.json of a case whose
    page is in a dataset folder."""
    page = page_file(folder)
    if page is not None or not (folder / META).is_file():
        return page
    try:
        meta = _object(folder / META)
    except FixtureError:
        return None
    return folder / META if meta is not None and DATASET in meta else None


def is_case(folder: Path) -> bool:
    return folder.is_dir() and case_file(folder) is not None


def find_cases(root: Path, slugs: Iterable[str] = ()) -> list[Path]:
    """Case folders directly under ``root`` (all, or the named ones), sorted by slug."""
    wanted = list(slugs)
    if wanted:
        missing = [s for s in wanted if not is_case(root / s)]
        if missing:
            raise FixtureError(f"no case named {', '.join(missing)} in {root}")
        return [root / s for s in wanted]
    if not root.is_dir():
        raise FixtureError(f"fixture folder {root} does not exist")
    found = sorted(p for p in root.iterdir() if is_case(p))
    if not found:
        raise FixtureError(f"fixture folder {root} holds no case (a folder with "
                           f"{' or '.join(PAGE_NAMES)})")
    return found


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FixtureError(f"{path}: {err}") from err


def _object(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    data = _read_json(path)
    if not isinstance(data, dict):
        raise FixtureError(f"{path}: expected a JSON object")
    return data


def load_case(folder: Path) -> Case:
    meta = _object(folder / META) or {}
    if DATASET in meta:
        return dataset_case(folder, meta)
    page = page_file(folder)
    if page is None:
        raise FixtureError(f"{folder}: no {' or '.join(PAGE_NAMES)}")
    expected = _object(folder / EXPECTED)
    if expected is not None:
        unknown = sorted(set(expected) - set(FIELDS))
        if unknown:
            raise FixtureError(f"{folder / EXPECTED}: unknown fields {', '.join(unknown)}")
    return Case(folder.name, folder, page, expected, meta)


# ---------------------------------------------------------------- cases kept in a dataset


def dataset_case(folder: Path, meta: dict[str, Any]) -> Case:
    """A case whose page and expected fields come from a dataset folder, as ``meta.json``
    names them under ``dataset``: ``path`` (the folder, absolute or found from the case
    folder upwards, like a rule pack), ``id`` (the page is ``pages/<id>.html``, the expected
    fields that record of ``gold.jsonl``), ``fields`` (the gold fields checked) and the
    SHA-256 digests ``page_sha256`` and ``gold_sha256`` that pin both, so that a changed
    dataset fails the case instead of silently changing what it checks."""
    spec = _dataset_spec(folder, meta)
    root = dataset_folder(spec["path"], folder)
    page = root / "pages" / f"{spec['id']}.html"
    if not page.is_file():
        raise FixtureError(f"{page}: the dataset has no such page")
    _check_digest(page.read_bytes(), spec["page_sha256"], f"{page}")
    expected = gold_fields(root, spec["id"], spec["fields"])
    _check_digest(gold_digest_bytes(expected), spec["gold_sha256"],
                  f"the gold of {spec['id']} in {root}")
    return Case(folder.name, folder, page, expected, meta)


def _dataset_spec(folder: Path, meta: dict[str, Any]) -> dict[str, Any]:
    spec = meta[DATASET]
    keys = ("path", "id", "page_sha256", "gold_sha256")
    if not isinstance(spec, dict) or not all(isinstance(spec.get(k), str) for k in keys):
        raise FixtureError(f"{folder / META}: {DATASET} needs {', '.join(keys)} and fields")
    for name in (*PAGE_NAMES, EXPECTED):
        if (folder / name).exists():
            raise FixtureError(f"{folder}: {name} beside a {DATASET} entry; keep one source")
    return spec


def dataset_folder(name: str, folder: Path) -> Path:
    """The dataset folder ``name``, absolute or found from ``folder`` upwards."""
    try:
        root = rule_pack_path(name, folder)
    except FixtureError:
        raise DatasetMissing(f"dataset {name} not found from {folder} or a folder above "
                             "it; case not run") from None
    if not (root / "gold.jsonl").is_file():
        raise DatasetMissing(f"dataset {root} has no gold.jsonl; case not run")
    return root


def gold_fields(root: Path, page_id: str, names: Any) -> dict[str, Any]:
    """The checked fields of one gold record, shaped as ``expected.json`` stores them
    (``text`` as a list of paragraphs)."""
    if not isinstance(names, list) or not names or not set(names) <= set(FIELDS):
        raise FixtureError(f"{DATASET} fields must be a list of {', '.join(FIELDS)}")
    record = _gold_record(root / "gold.jsonl", page_id)
    text = record.get("text")
    if isinstance(text, str):
        record["text"] = text.split("\n") if text else []
    return {k: record.get(k) for k in FIELDS if k in names}


def _gold_record(path: Path, page_id: str) -> dict[str, Any]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line) if line.strip() else None
            if isinstance(record, dict) and record.get("id") == page_id:
                return record
    raise FixtureError(f"{path}: no record with id {page_id!r}")


def gold_digest_bytes(expected: dict[str, Any]) -> bytes:
    """The canonical bytes ``gold_sha256`` is taken of: the checked fields as sorted JSON."""
    return json.dumps(expected, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _check_digest(data: bytes, pinned: str, what: str) -> None:
    digest = hashlib.sha256(data).hexdigest()
    if digest != pinned:
        raise FixtureError(f"{what} is not what the case was made from (sha256 {digest}, "
                           f"pinned {pinned}): review the change, then pin the new digest")


def read_page(path: Path) -> bytes:
    """The page bytes; a ``.gz`` page is decompressed (a broken archive is a FixtureError)."""
    data = path.read_bytes()
    if path.suffix != ".gz":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as err:
        raise FixtureError(f"{path}: not a readable gzip file ({err})") from err


def rule_pack_path(name: str, folder: Path | None) -> Path:
    """A rule pack named in meta.json: an absolute path, or one relative to the case
    folder or to the nearest folder above it that holds it (e.g. the repository)."""
    path = Path(name)
    if path.is_absolute() or folder is None:
        return path
    for base in (folder, *folder.resolve().parents):
        if (base / path).exists():
            return base / path
    raise FixtureError(f"site_rules {name!r}: not found from {folder} or a folder above it")


def options_of(meta: dict[str, Any], folder: Path | None = None) -> Options:
    """The case's Options; ``site_rules`` is given as the path of a rule pack (a TOML
    file or a folder of them), resolved by :func:`rule_pack_path`."""
    raw = dict(meta.get("options") or {})
    known = {f.name for f in fields(Options)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise FixtureError(f"unknown options {', '.join(unknown)}")
    try:
        if isinstance(raw.get("site_rules"), str):
            raw["site_rules"] = RulePack.load(rule_pack_path(raw["site_rules"], folder))
        return Options(**raw)
    except (TypeError, ValueError) as err:
        raise FixtureError(f"bad options: {err}") from err


def run_case(case: Case, *, explain: bool = False) -> Document:
    options = options_of(case.meta, case.path)
    if explain and not options.explain:
        options = Options(**{**_options_dict(options), "explain": True})
    return extract(read_page(case.page), url=case.meta.get("url"),
                   http_charset=case.meta.get("http_charset"), options=options)


def _options_dict(options: Options) -> dict[str, Any]:
    return {f.name: getattr(options, f.name) for f in fields(Options)}


def actual_fields(doc: Document) -> dict[str, Any]:
    """The checked fields of a result, shaped as ``expected.json`` stores them."""
    return {
        "title": doc.title, "text": doc.text.split("\n") if doc.text else [],
        "captions": list(doc.captions), "date": doc.date, "author": doc.author,
        "source": doc.source, "editor": doc.editor, "encoding": doc.encoding,
    }


def dump_json(data: dict[str, Any]) -> str:
    """Indented, unescaped, in the given key order: one list item per line."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def ordered(expected: dict[str, Any]) -> dict[str, Any]:
    return {k: expected[k] for k in FIELDS if k in expected}


# ---------------------------------------------------------------- comparing


@dataclass(frozen=True, slots=True)
class Mode:
    """How one field is compared: ``exact``, ``squash`` (whitespace runs are one space),
    ``loose`` (also ignoring case, width, punctuation and spacing), ``f1>=X`` (text: the
    shingle F1 of :func:`similarity` at least X) or ``ignore``."""

    name: str
    threshold: float = 1.0


def parse_mode(spec: str) -> Mode:
    spec = spec.strip()
    if spec in ("exact", "squash", "loose", "ignore"):
        return Mode(spec)
    m = _MODE_RE.match(spec)
    if m is None:
        raise FixtureError(f"unknown compare mode {spec!r} (exact, squash, loose, f1>=X, ignore)")
    return Mode("f1", float(m.group(1)))


def modes_of(meta: dict[str, Any]) -> dict[str, Mode]:
    raw = meta.get("compare") or {}
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise FixtureError(f"compare names unknown fields {', '.join(unknown)}")
    return {f: parse_mode(str(raw.get(f, "exact"))) for f in FIELDS}


def similarity(expected: str, actual: str) -> float:
    """F1 of the two texts' 4-token shingle bags (1.0 when both are empty): the body-text
    measure of the quality score (see :mod:`cleanweb.measures`)."""
    e, a = shingles(expected), shingles(actual)
    if not e and not a:
        return 1.0
    tp = sum((e & a).values())
    if tp == 0:
        return 0.0
    p, r = tp / a.total(), tp / e.total()
    return 2 * p * r / (p + r)


def _norm(mode: str) -> Callable[[str], str]:
    return {"squash": squash, "loose": folded_fingerprint}.get(mode, lambda s: s)


def _normalized(value: Any, mode: str) -> Any:
    norm = _norm(mode)
    if isinstance(value, list):
        if mode == "loose":  # paragraph breaks do not count either
            return folded_fingerprint("".join(str(v) for v in value))
        return [norm(str(v)) for v in value]
    return norm(value) if isinstance(value, str) else value


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One field that does not match: both values and, for ``f1``, the score."""

    name: str
    expected: Any
    actual: Any
    mode: Mode
    score: float | None = None


def compare_field(name: str, expected: Any, actual: Any, mode: Mode) -> FieldDiff | None:
    if mode.name == "ignore":
        return None
    if mode.name == "f1":
        joined = ["\n".join(v) if isinstance(v, list) else (v or "") for v in (expected, actual)]
        score = similarity(joined[0], joined[1])
        return None if score >= mode.threshold else FieldDiff(name, expected, actual, mode, score)
    if _normalized(expected, mode.name) == _normalized(actual, mode.name):
        return None
    return FieldDiff(name, expected, actual, mode)


def compare(expected: dict[str, Any], actual: dict[str, Any],
            modes: dict[str, Mode]) -> list[FieldDiff]:
    """Differences in the fields ``expected`` names, in :data:`FIELDS` order."""
    out = []
    for name in FIELDS:
        if name in expected:
            diff = compare_field(name, expected[name], actual.get(name), modes[name])
            if diff is not None:
                out.append(diff)
    return out


# ---------------------------------------------------------------- showing differences


def _clip(line: str, at: int = 0) -> str:
    """``line`` cut to MAX_CHARS characters, keeping position ``at`` in view."""
    if len(line) <= MAX_CHARS:
        return line
    start = max(0, min(at - MAX_CHARS // 4, len(line) - MAX_CHARS))
    head = "…" if start else ""
    tail = "…" if start + MAX_CHARS < len(line) else ""
    return head + line[start:start + MAX_CHARS] + tail


def _first_diff(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def list_diff(expected: Sequence[str], actual: Sequence[str], noun: str = "paragraph") -> list[str]:
    """The first differing run of paragraphs with CONTEXT equal ones around it, and how
    many more runs differ: a readable excerpt, not the whole text."""
    ops = [op for op in difflib.SequenceMatcher(None, expected, actual, autojunk=False)
           .get_opcodes() if op[0] != "equal"]
    if not ops:
        return []
    _, i1, i2, j1, j2 = ops[0]
    out = [f"    @@ {noun} {i1 + 1} (expected) / {j1 + 1} (actual) @@"]
    out += [f"      {_clip(x)}" for x in expected[max(0, i1 - CONTEXT):i1]]
    old, new = list(expected[i1:i2]), list(actual[j1:j2])
    at = _first_diff(old[0], new[0]) if old and new else 0
    out += [f"    - {_clip(x, at)}" for x in old[:MAX_SHOWN]]
    out += [f"    + {_clip(x, at)}" for x in new[:MAX_SHOWN]]
    hidden = max(0, len(old) - MAX_SHOWN) + max(0, len(new) - MAX_SHOWN)
    if hidden:
        out.append(f"    … {hidden} more changed {noun}s in this run")
    out += [f"      {_clip(x)}" for x in expected[i2:i2 + CONTEXT]]
    if len(ops) > 1:
        out.append(f"    … and {len(ops) - 1} more differing runs further on")
    return out


def render_diff(diff: FieldDiff) -> str:
    """A short description of one differing field."""
    mode = diff.mode.name if diff.mode.name != "f1" else f"f1>={diff.mode.threshold:g}"
    if diff.score is not None:
        head = f"{diff.name}: similarity {diff.score:.3f} below {diff.mode.threshold:g}"
    else:
        head = f"{diff.name} differs ({mode})"
    if isinstance(diff.expected, list) or isinstance(diff.actual, list):
        exp = [str(x) for x in diff.expected or []]
        act = [str(x) for x in diff.actual or []]
        counts = f" [{len(exp)} expected, {len(act)} actual]"
        noun = "paragraph" if diff.name == "text" else "item"
        return "\n".join([head + counts, *list_diff(exp, act, noun)])
    return f"{head}\n    - {diff.expected!r}\n    + {diff.actual!r}"


# ---------------------------------------------------------------- running a case


PASS, FAIL, XFAIL, XPASS, ERROR, MISSING = "pass", "fail", "xfail", "xpass", "error", "missing"
SKIP = "skip"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict on one case, with everything needed to explain it."""

    slug: str
    status: str
    diffs: tuple[FieldDiff, ...] = ()
    message: str = ""

    def report(self) -> str:
        lines = [self.message] if self.message else []
        lines += [render_diff(d) for d in self.diffs]
        return "\n".join(lines)


def judge(case: Case, diffs: Sequence[FieldDiff]) -> Outcome:
    """Fail on an unexpected difference; fields listed under ``xfail`` may differ."""
    known = case.xfail
    unknown = [d for d in diffs if d.name not in known]
    if unknown:
        return Outcome(case.slug, FAIL, tuple(diffs))
    if diffs:
        why = "; ".join(f"{d.name}: {known[d.name]}" for d in diffs)
        return Outcome(case.slug, XFAIL, tuple(diffs), f"known differences: {why}")
    if known:
        return Outcome(case.slug, XPASS, (), f"now matches: {', '.join(sorted(known))}")
    return Outcome(case.slug, PASS)


def check_case(folder: Path) -> Outcome:
    """Run one case folder; unreadable cases are ERROR, unblessed ones MISSING, and
    those whose dataset is not here SKIP."""
    try:
        case = load_case(folder)
        if case.expected is None:
            return Outcome(folder.name, MISSING, (), f"no {EXPECTED}: run `cleanweb fixture "
                           f"update {folder.name}` and review it")
        modes = modes_of(case.meta)
        doc = run_case(case)
    except DatasetMissing as err:
        return Outcome(folder.name, SKIP, (), str(err))
    except (FixtureError, OSError) as err:
        return Outcome(folder.name, ERROR, (), str(err))
    return judge(case, compare(case.expected, actual_fields(doc), modes))


def blessed(case: Case, doc: Document) -> dict[str, Any]:
    """The new ``expected.json``: the current output of the fields the case checks (all of
    them for a new case)."""
    current = actual_fields(doc)
    keys = [k for k in FIELDS if case.expected is None or k in case.expected]
    return {k: current[k] for k in keys}


@dataclass(frozen=True, slots=True)
class Update:
    """What re-blessing one case did: a one-line status, the fields it changed, and the
    differing fields it kept because they are pinned or known differences."""

    line: str
    changes: tuple[FieldDiff, ...] = ()
    kept: tuple[FieldDiff, ...] = ()

    def report(self) -> str:
        lines = [self.line, *(render_diff(c) for c in self.changes)]
        if self.kept:
            lines.append(f"kept (pinned or known differences; --force replaces them): "
                         f"{', '.join(d.name for d in self.kept)}")
            lines += [render_diff(d) for d in self.kept]
        return "\n".join(lines)


def update_case(folder: Path, *, force: bool = False) -> Update:
    """Re-bless one case. Fields marked ``xfail`` or ``pinned`` keep their expected value
    (a hand-corrected gold is never replaced by the output it was corrected from) unless
    ``force``; then their ``xfail`` entries, which no longer hold, are dropped."""
    if DATASET in (_object(folder / META) or {}):  # its expected fields are gold, not output
        return Update(f"{folder.name}: expected fields are the {DATASET}'s gold, not updated")
    case = load_case(folder)
    if case.meta.get("locked"):
        return Update(f"{case.slug}: locked ({case.meta['locked']}), not updated")
    new = blessed(case, run_case(case))
    changes = compare(case.expected or {}, new, {f: Mode("exact") for f in FIELDS})
    held = case.held if case.expected is not None and not force else {}
    kept = [d for d in changes if d.name in held]
    changed = [d for d in changes if d.name not in held]
    for diff in kept:
        new[diff.name] = diff.expected
    if case.expected is None or changed:
        (folder / EXPECTED).write_text(dump_json(new), encoding="utf-8")
    replaced = {d.name for d in changed} & set(case.xfail)
    if replaced:  # only when forced: those fields now hold the output they differed from
        meta = dict(case.meta)
        meta["xfail"] = {k: v for k, v in case.xfail.items() if k not in replaced}
        if not meta["xfail"]:
            del meta["xfail"]
        (folder / META).write_text(dump_json(meta), encoding="utf-8")
    if case.expected is None:
        return Update(f"{case.slug}: created {EXPECTED}")
    line = f"{case.slug}: updated" if changed else f"{case.slug}: unchanged"
    return Update(line, tuple(changed), tuple(kept))


def slugify(text: str) -> str:
    return _SLUG_BAD_RE.sub("-", text).strip("-._").lower() or "page"


def add_case(page: Path, root: Path, *, url: str | None = None, slug: str | None = None,
             http_charset: str | None = None) -> Path:
    """Copy a saved page into a new case folder, bless its current output, return the folder."""
    name = slugify(slug or page.name.removesuffix(".gz").rsplit(".", 1)[0])
    folder = root / name
    if folder.exists():
        raise FixtureError(f"{folder} already exists; pick another --slug")
    data = page.read_bytes()
    folder.mkdir(parents=True)
    (folder / PAGE_NAMES[1 if page.suffix == ".gz" else 0]).write_bytes(data)
    meta = {k: v for k, v in (("url", url), ("http_charset", http_charset)) if v}
    if meta:
        (folder / META).write_text(dump_json(meta), encoding="utf-8")
    update_case(folder)
    return folder


# ---------------------------------------------------------------- the command line


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanweb fixture", description="Golden-page regression cases: a folder per page "
        "with the output it must produce.")
    sub = p.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="create a case from a saved page, blessing current output")
    add.add_argument("page", type=Path, help="the saved page (raw bytes, any encoding)")
    add.add_argument("--url", help="the page's URL")
    add.add_argument("--charset", help="charset from the HTTP header")
    add.add_argument("--slug", help="the case name (default: from the file name)")
    add.add_argument("--dir", type=Path, default=Path("tests/fixtures"), help="fixture folder")
    upd = sub.add_parser("update", help="re-bless cases after an intended change, with a diff")
    upd.add_argument("slugs", nargs="*", metavar="SLUG", help="cases to update (default: all)")
    upd.add_argument("--dir", type=Path, default=Path("tests/fixtures"))
    upd.add_argument("--force", action="store_true",
                     help="also replace fields marked xfail (known differences) or pinned")
    chk = sub.add_parser("check", help="run every case; exit 1 on any failure")
    chk.add_argument("slugs", nargs="*", metavar="SLUG", help="cases to check (default: all)")
    chk.add_argument("--dir", type=Path, default=Path("tests/fixtures"))
    chk.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    return p


def _add(args: argparse.Namespace) -> int:
    folder = add_case(args.page, args.dir, url=args.url, slug=args.slug,
                      http_charset=args.charset)
    print(f"created {folder}: review {folder / EXPECTED} and edit it where the output is wrong")
    return 0


def _update(args: argparse.Namespace) -> int:
    for folder in find_cases(args.dir, args.slugs):
        done = update_case(folder, force=args.force)
        head, *rest = done.report().split("\n")
        print(head)
        if rest:
            print(_indent("\n".join(rest)))
    return 0


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _check(args: argparse.Namespace) -> int:
    outcomes = [check_case(folder) for folder in find_cases(args.dir, args.slugs)]
    for o in outcomes:
        if o.status in (PASS, XFAIL) and args.quiet:
            continue
        print(f"{o.status.upper():7} {o.slug}")
        if o.status != PASS:
            print(_indent(o.report()))
    counts = Counter(o.status for o in outcomes)
    print(", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "no cases")
    return 1 if counts[FAIL] or counts[ERROR] or counts[MISSING] else 0


def main(argv: list[str]) -> int:
    """``cleanweb fixture add|update|check``; exit 0 ok, 1 failing cases, 2 usage error."""
    args = _parser().parse_args(argv)
    command = {"add": _add, "update": _update, "check": _check}[args.command]
    try:
        return command(args)
    except (FixtureError, OSError) as err:
        print(f"cleanweb fixture: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
