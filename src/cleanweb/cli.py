"""The ``cleanweb`` command: a fast, safe filter from saved pages to clean text or records.

``main`` parses the command line, works out which pages to read and where each result
goes (a :class:`~cleanweb._cli.plan.Plan`, which refuses outputs that would overwrite or
re-read an input), runs the pages on a pool of worker processes, and reports. Ctrl-C,
SIGTERM and SIGHUP all stop a run the same way (:mod:`cleanweb._cli.stop`): workers
stopped, every finished page kept, the summary printed. The parts live in
:mod:`cleanweb._cli`; input is read through :mod:`cleanweb.readers`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from cleanweb import __version__
from cleanweb._cli.output import AtomicFile, ErrorLog, OrderedWriter, remove
from cleanweb._cli.plan import Plan, Unwritable, UsageError, make_plan
from cleanweb._cli.pool import Pool
from cleanweb._cli.progress import Reporter
from cleanweb._cli.stop import Signals, Stopped
from cleanweb._cli.worker import Config, Job, Outcome, read_page
from cleanweb.extract import extract
from cleanweb.options import Options
from cleanweb.readers import ReadError
from cleanweb.readers.files import LOOKED_FOR
from cleanweb.site_rules import RulePack, RulePackError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BROKEN_PIPE = 0, 1, 2, 141
#: A run stopped by a signal exits with 128 + its number, as the shell reports it.
EXIT_SIGNAL = 128
DEFAULT_TIMEOUT = 60.0

EPILOG = """\
inputs:
  Files, directories (searched recursively) and glob patterns ('**' recurses), in the
  order given, with options before, between or after them; '-' or no argument reads one
  page from standard input. In directories only .html .htm .xhtml .shtml files are read,
  and gzip files of them (page.html.gz, page.gz); --all-files reads every file. Hidden
  files and folders are skipped. Files named on the command line or matched by a glob
  are always read. A directory with no page in it, and a folder that cannot be listed,
  are reported as failures. A gzip file is read member by member to its end; one that
  is cut off or damaged is a bad_gzip failure, never a shorter page.
  WARC files (.warc, .warc.gz; needs the 'warc' extra) are read record by record: each
  HTTP response with an HTML content type is a page, with the record's target URI as its
  URL and the charset of its HTTP Content-Type header; other records are counted and
  skipped. A WARC file that ends inside a record is reported as truncated; the records
  before the cut are extracted. Results go to standard output or one -o FILE, and JSON
  records carry "warc_record_id" and "warc_target_uri".

outputs:
  Without -o, results go to standard output in input order (txt, md and html: pages
  separated by a blank line; json: one indented object per page; jsonl: one line per
  page). Text, Markdown and HTML output end with a newline.
  -o FILE   with --format jsonl, or for a single input page: one file, written under a
            temporary name and renamed when complete. Without --format, a .jsonl, .json,
            .md or .txt name sets the format (a .html name does not: --format html).
  -o DIR    otherwise: one file per page, mirroring the input tree below each argument:
            'cleanweb crawl/ -o out' writes crawl/a/b/page.html to out/a/b/page.txt.
            Each file is written atomically (temporary file + rename). A name with a file
            suffix (.txt, .md, .json, .jsonl) is not taken for a new directory.
  An output or --errors path that is an input, lies inside an input directory, or
  would be matched by a glob argument is refused before anything runs, as is one that
  cannot be written (exit status 2).
  JSON records hold the source "path" and every field of the result (status, text,
  title, blocks, captions, date, date_iso, author, source, editor, lang, url, encoding,
  encoding_source, declared_rejected, kind; "trace" too with --explain). With --links,
  --images or --formatting, each of the "blocks" also holds its "links" (text, url),
  "images" (src, alt, caption), "marks" (bold, italic, code) or list "depth" and
  "ordered", and md and html output show them.
  On a terminal, stderr shows a progress bar (count, rate, ETA); every run ends with a
  summary line of what was written: pages, ok, empty, failed, time (not for one page
  read from a pipe).

failures:
  A page that cannot be read, is empty or binary, is too large, or takes longer than
  --timeout is reported on stderr (and in --errors FILE as JSON lines with path, reason
  and detail), gets no output, and the run goes on. --timeout kills the worker process
  working on a runaway page and starts a new one; a worker that dies is replaced too,
  and its page is tried once more. Pages whose body is empty are written (empty text)
  and counted as "empty", not as failures. Reasons: unreadable, empty_file, not_html,
  too_large, bad_gzip, truncated, timeout, crashed, unwritable, missing (an argument
  that names nothing), no_pages (a directory without pages).

site rules:
  --rules act on pages whose URL they name: --url, a WARC record's target URI, or else
  the URL a page names as its own (<link rel="canonical">, og:url). The run says so
  once when a page has none.

resuming and stopping:
  --skip-existing leaves out pages whose output file exists (-o DIR) or whose record is
  already in the output file (-o FILE with jsonl), so an interrupted run picks up where it
  stopped. Ctrl-C, SIGTERM and SIGHUP stop the run cleanly: the workers are stopped,
  every finished page is kept, no partial file is left, and the summary line is printed.
  After a run killed outright (SIGKILL), --skip-existing also takes the finished
  records out of the temporary file it left, and removes it.

examples:
  cleanweb page.html                          clean body text to stdout
  cleanweb --format md page.html              Markdown (headings, lists, quotes, tables)
  cleanweb -f md --links --images page.html   Markdown with links, images and captions
  cleanweb -f html --formatting page.html     small, safe HTML (bold, italic, code too)
  curl -s URL | cleanweb --url URL            one page from standard input
  cleanweb crawl/ -o out/                     a tree of .txt files mirroring crawl/
  cleanweb 'crawl/**/*.html.gz' -o pages.jsonl --errors failed.jsonl
  cleanweb crawl/ -f jsonl --jobs 4 | jq -r 'select(.status=="ok") | .title'
  cleanweb crawl/ -o out/ --skip-existing     resume an interrupted run
  cleanweb CC-MAIN-x.warc.gz -o pages.jsonl   every HTML response of a crawl
  cleanweb explain page.html                  every block, kept or dropped, and why
  cleanweb fixture check --dir tests/pages    regression fixtures (see cleanweb fixture -h)

exit status:
  0  every page was extracted (some may have an empty body)
  1  some page or input failed, or an input was not found
  2  usage error, or an output that is an input or cannot be written
  130, 143, 129  stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP
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


_SIZE_RE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)


def byte_size(text: str) -> int:
    """argparse type for a size in bytes: ``5000000``, ``500K``, ``32M``, ``1G`` (1024s)."""
    m = _SIZE_RE.fullmatch(text.strip())
    if m is None or int(m.group(1)) < 1:
        raise argparse.ArgumentTypeError("must be a positive number of bytes (K, M, G: 1024s)")
    return int(m.group(1)) << 10 * " kmg".index(m.group(2).lower() or " ")


def build_parser() -> argparse.ArgumentParser:
    limits = Options()
    p = argparse.ArgumentParser(
        prog="cleanweb", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="cleanweb [options] [PAGE ...]\n       cleanweb explain PAGE [options]\n"
              "       cleanweb fixture add|update|check ...",
        description="Turn saved web pages into clean article text, Markdown or JSON records.")
    p.add_argument("pages", nargs="*", metavar="PAGE",
                   help="file, directory or glob; '-' or none reads standard input")
    p.add_argument("-f", "--format", choices=("txt", "md", "html", "json", "jsonl"), default=None,
                   help="output format (default: from the -o file's suffix, else txt)")
    p.add_argument("-o", "--output", metavar="FILE|DIR", help="where to write (see outputs)")
    p.add_argument("-j", "--jobs", type=positive_int, default=default_jobs(),
                   help="worker processes (default: all cores, here %(default)s)")
    p.add_argument("--timeout", type=positive_float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="stop a page after this long, killing its worker; 0 for no limit "
                        "(default: %(default)g; the command's form of Options.time_budget)")
    p.add_argument("--max-bytes", type=byte_size, default=limits.max_bytes, metavar="SIZE",
                   help="larger pages (after gunzip) are too_large and not parsed "
                        f"(default: {limits.max_bytes // 2**20}M)")
    p.add_argument("--max-nodes", type=positive_int, default=limits.max_nodes, metavar="N",
                   help="pages with more elements are too_large (default: %(default)s)")
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
    p.add_argument("--links", action="store_true",
                   help="md, html, json: keep the body's links (URLs resolved against --url or "
                        "the page's own canonical link)")
    p.add_argument("--images", action="store_true",
                   help="md, html, json: keep the body's images where they stand, with their "
                        "captions")
    p.add_argument("--formatting", action="store_true",
                   help="md, html, json: keep bold, italic, inline code and list nesting")
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
                        " they act on pages with a URL (--url, WARC records, or the page's "
                        "own canonical link or og:url)")


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


def worker_config(args: argparse.Namespace, fmt: str) -> Config:
    # The CLI's limit is --timeout, enforced by killing the worker; the library's own
    # cooperative budget would only stop earlier than asked, so it is off.
    options = Options(favor=args.favor, include_tables=not args.no_tables,
                      include_captions=not args.no_captions, include_links=args.links,
                      include_images=args.images, include_formatting=args.formatting,
                      explain=args.explain,
                      max_bytes=args.max_bytes, max_nodes=args.max_nodes,
                      time_budget=None, site_rules=args.rules)
    return Config(fmt, options, args.url, args.charset)


# ---------------------------------------------------------------------------- running


class Run:
    """One run of a plan: the pool, the writers, the error log and the reporter."""

    def __init__(self, args: argparse.Namespace, plan: Plan, stdout: BinaryIO) -> None:
        """Opens the outputs; raises Unwritable."""
        self.args = args
        self.plan = plan
        bar = sys.stderr.isatty() and not args.quiet and plan.paths != ["-"]
        self.reporter = Reporter(sys.stderr, len(plan.jobs), bar)
        self.reporter.counts.skipped = plan.skipped
        self.file: AtomicFile | None = None
        self.writer: OrderedWriter | None = None
        self.told_no_url = False
        separator = b"\n" if plan.fmt in ("txt", "md", "html") else b""
        if plan.mode == "file":
            assert plan.out is not None
            try:
                self.file = AtomicFile(plan.out, plan.keep)
            except OSError as err:
                raise Unwritable("-o", plan.out, err) from None
            self.writer = OrderedWriter(self.file.stream, separator)
        elif plan.mode == "stream":
            self.writer = OrderedWriter(stdout, separator)
        try:
            self.errors = ErrorLog(Path(args.errors) if args.errors else None)
        except OSError as err:
            if self.file is not None:
                self.file.discard()
            raise Unwritable("--errors", args.errors, err) from None
        remove(plan.stale)  # what they held is in this run's file now, or is not wanted

    def report_inputs(self) -> None:
        found = self.plan.found
        for arg in found.missing:
            self.fail(arg, "missing", "no such file, directory or glob match")
        for folder, why in found.unlisted:
            self.fail(folder, "unreadable", why)
        for arg in found.no_pages:
            self.fail(arg, "no_pages", f"no page files in this directory; looked for "
                                       f"{LOOKED_FOR}. --all-files reads every file, and a "
                                       "file named on the command line is always read")
        for path, scan in self.plan.warcs.items():
            if scan.damage is not None:
                self.fail(path, scan.damage.reason, f"WARC file: {scan.damage.detail}")
            skipped = scan.not_html + scan.not_response
            if skipped and not self.args.quiet:
                self.reporter.message(
                    f"cleanweb: {path}: {len(scan.refs)} HTML records; skipped "
                    f"{scan.not_html} other responses and {scan.not_response} other records")

    def fail(self, path: str, reason: str, detail: str) -> None:
        self.reporter.page(reason)
        self.reporter.message(f"cleanweb: {path}: {reason}: {detail}")
        self.errors.write(path, reason, detail)

    def handle(self, outcome: Outcome) -> None:
        path = self.plan.paths[outcome.index]
        if outcome.no_url and not self.told_no_url:
            self.told_no_url = True
            self.reporter.message(
                f"cleanweb: {path}: no URL for the site rules to match (no --url, and no "
                "<link rel=\"canonical\"> or og:url in the page); they act only on pages "
                "with one. Other pages may lack one too: this is said once.")
        if outcome.failed:
            self.fail(path, outcome.status, outcome.detail)
        if self.writer is not None:  # counted once written: a page held back is not
            output = None if outcome.failed else outcome.output
            for status in self.writer.put(outcome.index, output, outcome.status):
                self.reporter.page(status)
        elif not outcome.failed:
            self.reporter.page(outcome.status)

    def execute(self, signals: Signals) -> None:
        timeout = self.args.timeout or None
        workers = min(self.args.jobs, len(self.plan.jobs))
        pool = Pool(worker_config(self.args, self.plan.fmt), workers, timeout)
        try:
            for outcome in pool.run(self.plan.jobs, signals.stop):
                self.handle(outcome)
            if signals.stop():  # keep what the workers finished before they are stopped
                for outcome in pool.drain():
                    self.handle(outcome)
                pool.abort()
                return
        except BaseException:
            pool.abort()
            raise
        pool.close()

    def finish(self, interrupted: bool) -> None:
        """Keep what is complete: every jsonl record written, a single page only if done."""
        if self.file is not None:
            wrote = self.writer is not None and self.writer.written > 0
            if self.plan.fmt == "jsonl" or wrote:
                self.file.commit()
            else:
                self.file.discard()
        self.errors.close()
        show = not (self.args.quiet or self.plan.paths == ["-"])
        self.reporter.finish(interrupted, quiet=not show)


def run(args: argparse.Namespace, plan: Plan, signals: Signals) -> int:
    """Run ``plan``; ``signals`` only note a stop by now (see Signals.defer)."""
    try:
        state = Run(args, plan, sys.stdout.buffer)
    except Unwritable as err:
        print(f"cleanweb: {err}", file=sys.stderr)
        return EXIT_USAGE
    state.report_inputs()
    try:
        if plan.jobs and not signals.stop():
            state.execute(signals)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        state.errors.close()
        return EXIT_BROKEN_PIPE
    except BaseException:
        if state.file is not None:  # no half-written output file left behind
            state.file.discard()
        raise
    state.finish(signals.stop())
    if signals.received is not None:
        return EXIT_SIGNAL + signals.received
    return EXIT_FAILED if state.reporter.counts.failed else EXIT_OK


def run_main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_intermixed_args(argv)
    if args.output == "-":  # '-o -' is standard output, as no -o
        args.output = None
    if not args.pages and sys.stdin.isatty():  # nothing piped in: waiting would look hung
        parser.print_usage(sys.stderr)
        print("cleanweb: no input: name files or directories, or pipe a page in "
              "(cleanweb --help)", file=sys.stderr)
        return EXIT_USAGE
    with Signals() as signals:
        try:
            plan = make_plan(args, sys.stdin.buffer)
            signals.defer()  # from here on, outputs exist: a signal stops the run between pages
        except UsageError as err:
            parser.error(str(err))  # exits with status 2
        except Unwritable as err:
            print(f"cleanweb: {err}", file=sys.stderr)
            return EXIT_USAGE
        except Stopped as stop:  # while walking a large tree: nothing written yet
            return EXIT_SIGNAL + stop.signum
        return run(args, plan, signals)


# ---------------------------------------------------------------------------- subcommands


def explain_main(argv: Sequence[str]) -> int:
    # only this subcommand needs it: loaded here, it stays out of every run's startup
    from cleanweb._cli.explain import Style, explain_text

    args = explain_parser().parse_args(argv)
    source = Job(0, args.page, None, sys.stdin.buffer.read() if args.page == "-" else None)
    try:
        data = read_page(source, Options().max_bytes)
    except ReadError as err:
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
