"""Which lines each rule takes out of the body, and whether the gold keeps them:
``python benchmarks/rule_lines.py``.

A rule that removes a line the gold keeps costs recall; one that removes a line the gold
leaves out (or a ``must_exclude`` snippet) is what it is for. Run with ``explain`` on every
page of every set, this lists, for the rules asked about (``--rules``: ids or id prefixes),
every line whose trace reason is that rule (a boundary rule's list lines are
``<id>.list``), with its page, and counts per rule and set the lines removed and how many
of them the gold holds. A line is *in the gold* when its whitespace-collapsed text is part of
the collapsed gold text, or at least half of its 4-token shingles are gold shingles; on
snippet sets when it holds a ``must_include`` snippet (and *excluded* when it holds a
``must_exclude`` one).

``--out FILE`` saves each page's trace; ``--compare FILE`` (a saved trace) lists instead the
lines that were body in that run and are not now, and those that are body now and were not,
each with the reason that decided it now, so a change to the rules is read line by line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the ``benchmarks`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleanweb
from benchmarks.quality import add_datasets_argument, all_sets, default_datasets, load_gold
from benchmarks.snippets import collapse
from cleanweb.measures import shingles

#: A trace line: (text, kept in the body, reason).
Line = tuple[str, bool, str]


@dataclass(frozen=True, slots=True)
class Gold:
    """What one page's gold says about a line."""

    text: str  # collapsed gold text ('' for snippet gold)
    shingles: frozenset[tuple[str, ...]]
    include: tuple[str, ...]
    exclude: tuple[str, ...]

    @classmethod
    def of(cls, row: dict[str, Any]) -> Gold:
        text = row.get("text") or ""
        return cls(collapse(text), frozenset(shingles(text)),
                   tuple(collapse(s) for s in row.get("must_include") or ()),
                   tuple(collapse(s) for s in row.get("must_exclude") or ()))

    def verdict(self, line: str) -> str:
        """'gold' (the gold keeps it), 'excluded' (a must_exclude snippet), 'chrome', or
        'unlabeled' (a page without gold)."""
        flat = collapse(line)
        if not (self.text or self.include or self.exclude):
            return "unlabeled"
        if self.include or self.exclude:
            if any(s and s in flat for s in self.include):
                return "gold"
            return "excluded" if any(s and s in flat for s in self.exclude) else "chrome"
        if flat and flat in self.text:
            return "gold"
        own = shingles(line)
        held = sum(c for k, c in own.items() if k in self.shingles)
        return "gold" if own and held * 2 >= own.total() else "chrome"


def pages(datasets: Path, sets: Sequence[str] | None) -> Iterator[tuple[str, dict[str, Any]]]:
    for name in sets or all_sets(datasets):
        for row in load_gold(datasets / name):
            yield name, row


def trace(datasets: Path, name: str, row: dict[str, Any]) -> list[Line]:
    html = (datasets / name / "pages" / f"{row['id']}.html").read_bytes()
    doc = cleanweb.extract(html, url=row.get("url"), options=cleanweb.Options(explain=True))
    return [(b.text, b.kept, b.reason) for b in doc.trace]


def matches(reason: str, rules: Sequence[str]) -> bool:
    return any(reason == r or reason.startswith(r) for r in rules)


def report_rules(datasets: Path, sets: Sequence[str] | None, rules: Sequence[str],
                 traces: dict[str, list[Line]]) -> None:
    """Every line the rules removed, and per rule and set: lines removed / in the gold."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for name, row in pages(datasets, sets):
        key = f"{name}/{row['id']}"
        lines = traces[key]
        gold = Gold.of(row)
        for text, kept, reason in lines:
            if kept or not matches(reason, rules):
                continue
            verdict = gold.verdict(text)
            counts[(reason, name)][verdict] += 1
            print(f"{verdict:8} {reason:34} {key[:48]:48} {text[:110]!r}")
    print()
    print(f"{'rule':36} {'set':20} removed  in gold  excluded")
    for (reason, name), c in sorted(counts.items()):
        print(f"{reason:36} {name:20} {c.total():7}  {c['gold']:7}  {c['excluded']:8}")


def report_changes(datasets: Path, sets: Sequence[str] | None,
                   old: dict[str, list[Line]], new: dict[str, list[Line]]) -> None:
    """Lines that left the body or came into it since ``old``, by the reason now."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for name, row in pages(datasets, sets):
        key = f"{name}/{row['id']}"
        before = Counter(t for t, kept, _ in old.get(key, []) if kept)
        after = Counter(t for t, kept, _ in new[key] if kept)
        reasons = {t: r for t, _, r in new[key]}
        gold = Gold.of(row)
        for sign, diff in (("-", before - after), ("+", after - before)):
            for text in diff:
                verdict = gold.verdict(text)
                counts[(f"{sign} {reasons.get(text, '?')}", name)][verdict] += 1
                print(f"{sign} {verdict:8} {reasons.get(text, '?'):34} {key[:48]:48} "
                      f"{text[:110]!r}")
    print()
    print(f"{'change':38} {'set':20}  lines  in gold  excluded")
    for (reason, name), c in sorted(counts.items()):
        print(f"{reason:38} {name:20} {c.total():6}  {c['gold']:7}  {c['excluded']:8}")


def read_traces(path: Path) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out[row["key"]] = [(t, bool(k), r) for t, k, r in row["trace"]]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_datasets_argument(ap)
    ap.add_argument("--sets", nargs="+", default=None, help="only these sets")
    ap.add_argument("--rules", nargs="+", default=[],
                    help="rule ids or id prefixes whose removed lines to list")
    ap.add_argument("--out", type=Path, help="save every page's trace here")
    ap.add_argument("--compare", type=Path, help="list what changed since this saved trace")
    args = ap.parse_args(argv)
    datasets = args.datasets or default_datasets()
    traces = {f"{name}/{row['id']}": trace(datasets, name, row)
              for name, row in pages(datasets, args.sets)}
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for key, lines in traces.items():
                fh.write(json.dumps({"key": key, "trace": lines}, ensure_ascii=False) + "\n")
    if args.rules:
        report_rules(datasets, args.sets, args.rules, traces)
    if args.compare:
        report_changes(datasets, args.sets, read_traces(args.compare), traces)
    return 0


if __name__ == "__main__":
    sys.exit(main())
