"""The ``cleanweb`` command: a fast, safe filter from saved pages to clean text or records.

``main`` parses the command line, works out which pages to read and where each result
goes (a :class:`Plan`), runs the pages on a pool of worker processes, and reports. The
parts live in :mod:`cleanweb._cli`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from cleanweb import __version__
from cleanweb._cli.inputs import (
    Collected,
    Source,
    child,
    collect,
    first_clash,
    is_warc_name,
    output_name,
)
from cleanweb._cli.output import AtomicFile, ErrorLog, OrderedWriter, finished_records
from cleanweb._cli.pool import Pool
from cleanweb._cli.progress import Reporter
from cleanweb._cli.worker import Config, Job, Outcome, PageError, read_page
from cleanweb.extract import extract
from cleanweb.options import Options
from cleanweb.site_rules import RulePack, RulePackError

if TYPE_CHECKING:  # WARC reading is loaded only by runs that read WARC files
    from cleanweb._cli.warc import Ref, Scan

Mode = Literal["stream", "file", "dir"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
DEFAULT_TIMEOUT = 60.0

EPILOG = """\
inputs:
  Files, directories (searched recursively) and glob patterns ('**' recurses), in the
  order given; '-' or no argument reads one page from standard input. In directories only
  .html .htm .xhtml .shtml files are read, and gzip files of them (page.html.gz, page.gz);
  --all-files reads every file. Hidden files and folders are skipped. Files named on the
  command line or matched by a glob are always read.
  WARC files (.warc, .warc.gz; needs the 'warc' extra) are read record by record: each
  HTTP response with an HTML content type is a page, with the record's target URI as its
  URL and the charset of its HTTP Content-Type header; other records are counted and
  skipped. Their results go to standard output or one -o FILE, and JSON records carry
  "warc_record_id" and "warc_target_uri".

outputs:
  Without -o, results go to standard output in input order (txt and md: pages separated
  by a blank line; json: one indented object per page; jsonl: one line per page).
  -o FILE   with --format jsonl, or for a single input page: one file, written under a
            temporary name and renamed when complete.
  -o DIR    otherwise: one file per page, mirroring the input tree below each argument:
            'cleanweb crawl/ -o out' writes crawl/a/b/page.html to out/a/b/page.txt.
            Each file is written atomically (temporary file + rename).
  JSON records hold the source "path" and every field of the result (status, text,
  title, blocks, captions, date, date_iso, author, source, editor, lang, url, encoding,
  encoding_source, declared_rejected; "trace" too with --explain).
  On a terminal, stderr shows a progress bar (count, rate, ETA); every run ends with a
  summary line: pages, ok, empty, failed, time (not for one page read from a pipe).

failures:
  A page that cannot be read, is empty or binary, is too large, or takes longer than
  --timeout is reported on stderr (and in --errors FILE as JSON lines with path, reason
  and detail), gets no output, and the run goes on. --timeout kills the worker process
  working on a runaway page and starts a new one. Pages whose body is empty are written
  (empty text) and counted as "empty", not as failures. Reasons: unreadable, empty_file,
  not_html, too_large, bad_gzip, timeout, crashed, unwritable, missing (an argument that
  names nothing).

resuming:
  --skip-existing leaves out pages whose output file exists (-o DIR) or whose record is
  already in the output file (-o FILE with jsonl), so an interrupted run picks up where it
  stopped. Ctrl-C stops the run cleanly: finished files stay, no partial file is left,
  and the summary line is printed.

examples:
  cleanweb page.html                          clean body text to stdout
  cleanweb --format md page.html              Markdown (headings, lists, quotes, tables)
  curl -s URL | cleanweb --url URL            one page from standard input
  cleanweb crawl/ -o out/                     a tree of .txt files mirroring crawl/
  cleanweb 'crawl/**/*.html.gz' -f jsonl -o pages.jsonl --errors failed.jsonl
  cleanweb crawl/ -f jsonl --jobs 4 | jq -r 'select(.status=="ok") | .title'
  cleanweb crawl/ -o out/ --skip-existing     resume an interrupted run
  cleanweb CC-MAIN-x.warc.gz -f jsonl -o pages.jsonl   every HTML response of a crawl
  cleanweb explain page.html                  every block, kept or dropped, and why
  cleanweb fixture check tests/pages          regression fixtures (see cleanweb fixture -h)

exit status:
  0  every page was extracted (some may have an empty body)
  1  some page failed or an input was not found
  2  usage error
  130  interrupted (Ctrl-C)
"""

EXPLAIN_EPILOG = """\
Each line: block number, keep/drop, the rule id or score that decided (class.nav,
zh.footer.icp, headline, links=0.83, body:links=0.02, ...), the block kind, and its text.

examples:
  cleanweb explain page.html
  cleanweb explain page.html --wide | grep drop
  curl -s URL | cleanweb explain - --url URL
"""


# ---------------------------------------------------------------------------- parsing


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def positive_float(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanweb", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="cleanweb [options] [PAGE ...]\n       cleanweb explain PAGE [options]\n"
              "       cleanweb fixture add|update|check ...",
        description="Turn saved web pages into clean article text, Markdown or JSON records.")
    p.add_argument("pages", nargs="*", metavar="PAGE",
                   help="file, directory or glob; '-' or none reads standard input")
    p.add_argument("-f", "--format", choices=("txt", "md", "json", "jsonl"), default="txt",
                   help="output format (default: txt)")
    p.add_argument("-o", "--output", metavar="FILE|DIR", help="where to write (see outputs)")
    p.add_argument("-j", "--jobs", type=positive_int, default=default_jobs(),
                   help="worker processes (default: all cores, here %(default)s)")
    p.add_argument("--timeout", type=positive_float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="stop a page after this long; 0 for no limit (default: %(default)g)")
    p.add_argument("--errors", metavar="FILE", help="write failed pages to FILE as JSON lines")
    p.add_argument("--skip-existing", action="store_true",
                   help="leave out pages whose output already exists (resume a run)")
    p.add_argument("--all-files", action="store_true",
                   help="in directories, read every file, not only .html and the like")
    p.add_argument("--url", help="the page's URL (single page only)")
    p.add_argument("--charset", help="charset from the HTTP header (single page only)")
    p.add_argument("--favor", choices=("balanced", "precision", "recall"), default="balanced",
                   help="precision drops borderline blocks, recall keeps them")
    add_rules_option(p)
    p.add_argument("--no-tables", action="store_true", help="leave table rows out of the body")
    p.add_argument("--no-captions", action="store_true", help="do not collect image captions")
    p.add_argument("--explain", action="store_true",
                   help="json/jsonl: add every block, kept or dropped, with its reason")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (failures are still reported)")
    p.add_argument("--version", action="version", version=f"cleanweb {__version__} ({build()})")
    return p


def build() -> str:
    """Whether this install runs the per-element stages compiled (see setup.py): a build
    that could not compile them installs them as plain Python, which pip does not show."""
    from cleanweb.stages import segment

    return "plain-Python stages" if segment.__file__.endswith(".py") else "compiled stages"


def rule_pack(value: str) -> RulePack:
    """argparse type for --rules: the pack is loaded and checked once, at startup."""
    try:
        return RulePack.load(value)
    except RulePackError as err:
        raise argparse.ArgumentTypeError(str(err)) from err


def add_rules_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", type=rule_pack, metavar="PATH",
                   help="site rules: a TOML rule pack or a folder of them (docs/site-rules.md);"
                        " they act on pages with a URL (--url, WARC records)")


def explain_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanweb explain", epilog=EXPLAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Show every block of a page in order, kept or dropped, and why.")
    p.add_argument("page", metavar="PAGE", help="an HTML file (gzip too), or '-' for stdin")
    p.add_argument("--url", help="the page's URL")
    p.add_argument("--charset", help="charset from the HTTP header")
    p.add_argument("--favor", choices=("balanced", "precision", "recall"), default="balanced")
    add_rules_option(p)
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the verdicts (auto: on a terminal, unless NO_COLOR is set)")
    p.add_argument("--wide", action="store_true", help="print each block's whole text")
    return p


# ---------------------------------------------------------------------------- planning


class UsageError(Exception):
    """A command line that cannot be run; exit status 2."""


@dataclass(slots=True)
class Plan:
    """What a run does: the jobs, where output goes, and what was left out."""

    mode: Mode
    jobs: list[Job]
    #: Source path of each job, by job index, for messages.
    paths: list[str]
    out: Path | None = None
    #: Earlier records kept at the head of a resumed jsonl file.
    keep: list[bytes] = field(default_factory=list)
    skipped: int = 0
    missing: tuple[str, ...] = ()
    #: WARC files read, with what their records came to.
    warcs: dict[str, Scan] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Unit:
    """One page to do: a file, or one record of a WARC file. ``key`` names it in messages
    and in a resumed jsonl file."""

    path: str
    key: str
    record: Ref | None = None


def output_mode(args: argparse.Namespace, single: bool) -> Mode:
    if args.output is None:
        return "stream"
    out = Path(args.output)
    looks_dir = out.is_dir() or args.output.endswith(("/", os.sep))
    if args.format == "jsonl":
        if looks_dir:
            raise UsageError(f"--format jsonl writes one file; {args.output} is a directory")
        return "file"
    if single and not looks_dir:
        return "file"
    if out.exists() and not out.is_dir():
        raise UsageError(f"{args.output} is a file; several pages need an output directory")
    return "dir"


def gather(args: argparse.Namespace, stdin: BinaryIO) -> tuple[Collected, bytes | None]:
    """The input pages; standard input is read here, once."""
    pages: list[str] = args.pages or ["-"]
    if "-" in pages:
        if len(pages) > 1:
            raise UsageError("'-' (standard input) cannot be mixed with other inputs")
        return Collected((Source("-", "-"),), (), True), stdin.read()
    # The output tree may lie inside an input directory; it is never read back.
    exclude = Path(os.path.abspath(args.output)) if args.output else None
    return collect(pages, args.all_files, exclude), None


def dir_jobs(sources: Sequence[Source], out: Path, fmt: str,
             skip: bool) -> tuple[list[Job], list[str], int]:
    folder = str(out)
    targets = [child(folder, output_name(s.rel, fmt)) for s in sources]
    clash = first_clash(zip(targets, (s.path for s in sources), strict=True))
    if clash:
        raise UsageError(f"{clash[1]} and {clash[2]} would both be written to {clash[0]}")
    jobs: list[Job] = []
    paths: list[str] = []
    for source, target in zip(sources, targets, strict=True):
        if skip and os.path.exists(target):
            continue
        jobs.append(Job(len(jobs), source.path, target))
        paths.append(source.path)
    return jobs, paths, len(sources) - len(jobs)


def scan_warcs(sources: Sequence[Source]) -> dict[str, Scan]:
    paths = [s.path for s in sources if is_warc_name(s.path)]
    if not paths:
        return {}
    from cleanweb._cli.warc import WarcUnavailable, scan

    try:
        return {path: scan(path) for path in paths}
    except WarcUnavailable as err:
        raise UsageError(str(err)) from None


def units(sources: Sequence[Source], warcs: dict[str, Scan]) -> list[Unit]:
    """Every page in input order; a WARC file stands for its HTML records."""
    out: list[Unit] = []
    for s in sources:
        if s.path in warcs:
            out.extend(Unit(s.path, f"{s.path}#{r.record_id}", r) for r in warcs[s.path].refs)
        else:
            out.append(Unit(s.path, s.path))
    return out


def stream_jobs(todo_all: Sequence[Unit], data: bytes | None,
                done: set[str]) -> tuple[list[Job], list[str], int]:
    todo = [u for u in todo_all if u.key not in done]
    jobs = [Job(i, u.path, None, data, u.record) for i, u in enumerate(todo)]
    return jobs, [u.key for u in todo], len(todo_all) - len(todo)


def make_plan(args: argparse.Namespace, stdin: BinaryIO) -> Plan:
    found, data = gather(args, stdin)
    if (args.url or args.charset) and not found.single_file:
        raise UsageError("--url and --charset apply to a single page")
    mode = output_mode(args, found.single_file)
    if any(is_warc_name(s.path) for s in found.sources):
        if args.url or args.charset:
            raise UsageError("--url and --charset do not apply to WARC records "
                             "(each carries its own)")
        if mode == "dir":
            raise UsageError("WARC input writes to standard output or one file "
                             "(-o FILE with --format jsonl), not to a directory")
    if args.skip_existing and mode == "stream":
        raise UsageError("--skip-existing needs -o")
    out = Path(args.output) if args.output else None
    if mode == "dir":
        assert out is not None
        jobs, paths, skipped = dir_jobs(found.sources, out, args.format, args.skip_existing)
        return Plan(mode, jobs, paths, out, skipped=skipped, missing=found.missing)
    keep: list[bytes] = []
    done: set[str] = set()
    warcs = scan_warcs(found.sources)
    todo = units(found.sources, warcs)
    if mode == "file" and args.skip_existing:
        assert out is not None
        if args.format == "jsonl":
            keep, done = finished_records(out)
        elif out.exists():
            done = {u.key for u in todo}
    jobs, paths, skipped = stream_jobs(todo, data, done)
    return Plan(mode, jobs, paths, out, keep, skipped, found.missing, warcs)


def worker_config(args: argparse.Namespace) -> Config:
    # The CLI's limit is --timeout, enforced by killing the worker; the library's own
    # cooperative budget would only stop earlier than asked, so it is off.
    options = Options(favor=args.favor, include_tables=not args.no_tables,
                      include_captions=not args.no_captions, explain=args.explain,
                      time_budget=None, site_rules=args.rules)
    return Config(args.format, options, args.url, args.charset)


# ---------------------------------------------------------------------------- running


class Run:
    """One run of a plan: the pool, the writers, the error log and the reporter."""

    def __init__(self, args: argparse.Namespace, plan: Plan, stdout: BinaryIO) -> None:
        self.args = args
        self.plan = plan
        bar = sys.stderr.isatty() and not args.quiet and plan.paths != ["-"]
        self.reporter = Reporter(sys.stderr, len(plan.jobs), bar)
        self.reporter.counts.skipped = plan.skipped
        self.errors = ErrorLog(Path(args.errors) if args.errors else None)
        self.file: AtomicFile | None = None
        self.writer: OrderedWriter | None = None
        separator = b"\n" if args.format in ("txt", "md") else b""
        if plan.mode == "file":
            assert plan.out is not None
            self.file = AtomicFile(plan.out, plan.keep)
            self.writer = OrderedWriter(self.file.stream, separator)
        elif plan.mode == "stream":
            self.writer = OrderedWriter(stdout, separator)

    def report_missing(self) -> None:
        for arg in self.plan.missing:
            self.fail(arg, "missing", "no such file, directory or glob match")
        for path, found in self.plan.warcs.items():
            if found.error:
                self.fail(path, "unreadable", f"WARC file: {found.error}")
            skipped = found.not_html + found.not_response
            if skipped and not self.args.quiet:
                self.reporter.message(
                    f"cleanweb: {path}: {len(found.refs)} HTML records; skipped "
                    f"{found.not_html} other responses and {found.not_response} other records")

    def fail(self, path: str, reason: str, detail: str) -> None:
        self.reporter.page(reason)
        self.reporter.message(f"cleanweb: {path}: {reason}: {detail}")
        self.errors.write(path, reason, detail)

    def handle(self, outcome: Outcome) -> None:
        if outcome.failed:
            self.fail(self.plan.paths[outcome.index], outcome.status, outcome.detail)
        else:
            self.reporter.page(outcome.status)
        if self.writer is not None:
            self.writer.put(outcome.index, None if outcome.failed else outcome.output)

    def execute(self) -> None:
        timeout = self.args.timeout or None
        workers = min(self.args.jobs, len(self.plan.jobs))
        pool = Pool(worker_config(self.args), workers, timeout)
        try:
            for outcome in pool.run(self.plan.jobs):
                self.handle(outcome)
        except BaseException:
            pool.abort()
            raise
        pool.close()

    def finish(self, interrupted: bool) -> None:
        """Keep what is complete: every jsonl record written, a single page only if done."""
        if self.file is not None:
            wrote = self.writer is not None and self.writer.written > 0
            if self.args.format == "jsonl" or wrote:
                self.file.commit()
            else:
                self.file.discard()
        self.errors.close()
        show = not (self.args.quiet or self.plan.paths == ["-"])
        self.reporter.finish(interrupted, quiet=not show)


def run(args: argparse.Namespace, plan: Plan) -> int:
    state = Run(args, plan, sys.stdout.buffer)
    state.report_missing()
    interrupted = False
    try:
        if plan.jobs:
            state.execute()
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        state.errors.close()
        return EXIT_BROKEN_PIPE
    except BaseException:
        if state.file is not None:  # no half-written output file left behind
            state.file.discard()
        raise
    state.finish(interrupted)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if state.reporter.counts.failed else EXIT_OK


def run_main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.output == "-":  # '-o -' is standard output, as no -o
        args.output = None
    if not args.pages and sys.stdin.isatty():  # nothing piped in: waiting would look hung
        parser.print_usage(sys.stderr)
        print("cleanweb: no input: name files or directories, or pipe a page in "
              "(cleanweb --help)", file=sys.stderr)
        return EXIT_USAGE
    try:
        plan = make_plan(args, sys.stdin.buffer)
    except UsageError as err:
        parser.error(str(err))  # exits with status 2
    except KeyboardInterrupt:  # while walking a large tree
        return EXIT_INTERRUPTED
    return run(args, plan)


# ---------------------------------------------------------------------------- subcommands


def explain_main(argv: Sequence[str]) -> int:
    # only this subcommand needs it: loaded here, it stays out of every run's startup
    from cleanweb._cli.explain import Style, explain_text

    args = explain_parser().parse_args(argv)
    source = Job(0, args.page, None, sys.stdin.buffer.read() if args.page == "-" else None)
    try:
        data = read_page(source, Options().max_bytes)
    except PageError as err:
        print(f"cleanweb: {args.page}: {err.reason}: {err.detail}", file=sys.stderr)
        return EXIT_FAILED
    doc = extract(data, url=args.url, http_charset=args.charset,
                  options=Options(favor=args.favor, explain=True, site_rules=args.rules))
    tty = sys.stdout.isatty()
    auto = tty and "NO_COLOR" not in os.environ
    color = args.color == "always" or (args.color == "auto" and auto)
    width = None if args.wide or not tty else shutil.get_terminal_size().columns
    sys.stdout.write(explain_text(doc, args.page, Style(color, width)))
    return EXIT_OK if doc.status.value in ("ok", "empty") else EXIT_FAILED


def fixture_main(argv: Sequence[str]) -> int:
    """``cleanweb fixture ...`` belongs to :mod:`cleanweb.fixtures`, loaded only when asked."""
    try:
        module = importlib.import_module("cleanweb.fixtures")
    except ModuleNotFoundError as err:
        if err.name != "cleanweb.fixtures":
            raise
        print("cleanweb: the fixture command is not available in this installation "
              "(cleanweb.fixtures is missing)", file=sys.stderr)
        return EXIT_USAGE
    return int(module.main(list(argv)))


SUBCOMMANDS = {"explain": explain_main, "fixture": fixture_main}


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    return run_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
