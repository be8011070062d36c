"""A process pool that can stop one runaway page: its worker is killed and replaced.

``concurrent.futures`` cannot cancel a running task, so each worker here is a plain
process with its own pipe. The parent hands out small batches of jobs (paths, not
bytes), receives one Outcome per page as it finishes, and knows when each page started;
a page over the time limit gets its worker killed, is reported as ``timeout``, and the
pages queued behind it go back to the front of the queue.

A worker that dies (a crash in a parser, the out-of-memory killer) is found out wherever
it dies, whether the parent was reading from its pipe or writing to it; it is replaced,
and its pages go back to the front of the queue. The page it was on is tried once more,
on the new worker, and reported ``crashed`` only when that worker dies on it too.

A worker is given its next batch while it still has pages of the current one to do, so
it never waits for the parent between batches.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from cleanweb._cli.output import temp_path
from cleanweb._cli.worker import STOP_SIGNALS, Config, Job, Outcome, serve
from cleanweb.extract import compile_rules

if TYPE_CHECKING:  # the fork context class exists only where fork does
    from multiprocessing.context import ForkContext, SpawnContext

    Context = ForkContext | SpawnContext

#: Largest batch handed to a worker at once; small enough to keep the tail balanced.
MAX_BATCH = 16
#: Longest wait for a result before deadlines and stop requests are looked at again
#: (seconds).
TICK = 0.2
#: How many times a page is tried again after its worker died on it.
RETRIES = 1


def context() -> Context:
    """fork where the platform has it: workers start with the library already imported."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def batch_size(pending: int, workers: int) -> int:
    """About eight batches per worker for what is left, between 1 and MAX_BATCH pages."""
    return max(1, min(MAX_BATCH, pending // (workers * 8)))


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold the stop signals while a worker starts: one that came before the worker
    ignores them (see serve) would stop it, or run the parent's handler in it. Held
    signals reach the parent once the worker has started."""
    if not hasattr(signal, "pthread_sigmask"):  # no signal masks here: ignore Ctrl-C a moment
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


class Slot:
    """One worker process, the jobs it has been given and not yet answered (in the order
    it does them: the first is the page it is on), and when that page began."""

    __slots__ = ("batch", "conn", "proc", "started")

    def __init__(self, ctx: Context, cfg: Config, siblings: Sequence[Slot] = ()) -> None:
        parent_end, child_end = ctx.Pipe()
        # Children inherit the parent's buffered stdout and would flush it a second time.
        sys.stdout.flush()
        sys.stderr.flush()
        # A forked worker also inherits the parent's end of its own pipe and of the other
        # workers' pipes; it closes them, or it would never see its pipe close when the
        # parent is killed outright, and would wait for work (or to send) forever.
        inherited = [parent_end.fileno(), *(s.conn.fileno() for s in siblings
                                            if not s.conn.closed)]
        if ctx.get_start_method() != "fork":
            inherited = []
        with signals_held():
            self.proc: BaseProcess = ctx.Process(target=serve, daemon=True,
                                                 args=(child_end, cfg, inherited))
            self.proc.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.batch: deque[Job] = deque()
        self.started = 0.0

    def give(self, jobs: list[Job]) -> bool:
        """Hand ``jobs`` to the worker; False when it has died (they stay in its batch)."""
        # A busy worker's clock keeps running for the page it is on; the jobs queue up.
        if not self.batch:
            self.started = time.monotonic()
        self.batch.extend(jobs)
        try:
            self.conn.send(jobs)
        except OSError:  # the pipe is broken: the worker is gone
            return False
        return True

    def receive(self) -> Outcome:
        """The outcome of the page the worker was on, which starts the clock of the next.
        Raises EOFError or OSError when the worker has died."""
        outcome: Outcome = self.conn.recv()
        self.batch.popleft()
        self.started = time.monotonic()
        return outcome

    def overdue(self, timeout: float) -> bool:
        return bool(self.batch) and time.monotonic() - self.started > timeout

    def kill(self) -> None:
        """Stop the worker now and remove the file it may have been writing: that of the
        page it is on, or of a later one if it finished that page unheard."""
        self.proc.kill()
        self.proc.join()
        self.conn.close()
        if self.proc.pid is None:
            return
        for job in self.batch:
            if job.target is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp_path(job.target, self.proc.pid))

    def ask_to_stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)

    def reap(self) -> None:
        """Wait for a worker asked to stop; kill it if it does not."""
        self.proc.join(timeout=1.0)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


class Pool:
    """Run jobs on ``workers`` processes; outcomes come back as pages finish."""

    def __init__(self, cfg: Config, workers: int, timeout: float | None) -> None:
        self.cfg = cfg
        self.timeout = timeout
        self.ctx: Context = context()
        if self.ctx.get_start_method() == "fork":
            # once here rather than in every worker: forked workers, replacements too,
            # start with the patterns compiled, and share their memory
            compile_rules()
        self.slots: list[Slot] = []
        for _ in range(max(1, workers)):
            self.slots.append(Slot(self.ctx, cfg, self.slots))
        #: Pages a worker died on, by job index, with how many times.
        self.crashes: dict[int, int] = {}

    def run(self, jobs: Sequence[Job],
            stop: Callable[[], bool] = lambda: False) -> Iterator[Outcome]:
        """Every job's Outcome exactly once, in completion order; ends early, between two
        rounds, once ``stop()`` is true."""
        pending = deque(jobs)
        while (pending or any(s.batch for s in self.slots)) and not stop():
            yield from self.dispatch(pending)
            yield from self.collect(pending)
            yield from self.enforce(pending)

    def dispatch(self, pending: deque[Job]) -> Iterator[Outcome]:
        """Top up every worker that has no more than a batch to go, so that its next batch
        is already in its pipe when it finishes the current one."""
        size = batch_size(len(pending), len(self.slots))
        for slot in list(self.slots):
            if pending and len(slot.batch) <= size:
                idle = not slot.batch
                jobs = [pending.popleft() for _ in range(min(size, len(pending)))]
                if not slot.give(jobs):  # an idle worker died on no page: none is charged
                    yield from self.died(slot, pending, blame=not idle)

    def collect(self, pending: deque[Job]) -> Iterator[Outcome]:
        """One outcome from each worker that has one ready (waiting briefly for the first);
        a dead worker is replaced. Further outcomes wait for the next round: asking a
        pipe whether it holds more costs as much as the round."""
        busy = [s for s in self.slots if s.batch]
        ready = wait([s.conn for s in busy], timeout=self.wait_time())
        for slot in busy:
            if slot.conn in ready:
                yield from self.receive(slot, pending)

    def receive(self, slot: Slot, pending: deque[Job]) -> Iterator[Outcome]:
        try:
            outcome = slot.receive()
        except (EOFError, OSError):
            yield from self.died(slot, pending)
            return
        yield outcome

    def drain(self) -> Iterator[Outcome]:
        """The outcomes already in the pipes, without waiting for more (before a stop)."""
        for slot in self.slots:
            with contextlib.suppress(EOFError, OSError):
                while slot.batch and slot.conn.poll():
                    yield slot.receive()

    def wait_time(self) -> float:
        if self.timeout is None:
            return TICK
        now = time.monotonic()
        left = [s.started + self.timeout - now for s in self.slots if s.batch]
        return max(0.0, min([TICK, *left]))

    def enforce(self, pending: deque[Job]) -> Iterator[Outcome]:
        """Kill workers whose current page is over the time limit."""
        if self.timeout is None:
            return
        for slot in list(self.slots):
            if not slot.overdue(self.timeout):
                continue
            if slot.conn.poll():  # the page finished in time; its outcome came in meanwhile
                yield from self.receive(slot, pending)
            else:
                job = self.replace(slot, pending)
                assert job is not None  # an overdue worker has a page
                yield Outcome(job.index, "timeout", f"stopped after {self.timeout:g} s")

    def died(self, slot: Slot, pending: deque[Job], blame: bool = True) -> Iterator[Outcome]:
        """Replace a worker that died. What it sent before dying still counts; the page
        it was on (if ``blame``) is tried again, or reported once it has had its retries."""
        with contextlib.suppress(EOFError, OSError):
            while slot.batch and slot.conn.poll():
                yield slot.receive()
        job = self.replace(slot, pending)
        code = slot.proc.exitcode  # the dead worker's, now that it has been joined
        if job is None:  # it died between two batches
            return
        if not blame:
            pending.appendleft(job)
            return
        tries = self.crashes[job.index] = self.crashes.get(job.index, 0) + 1
        if tries <= RETRIES:
            pending.appendleft(job)
            return
        how = f"killed by signal {-code}" if code and code < 0 else f"exit status {code}"
        yield Outcome(job.index, "crashed",
                      f"the worker process died on this page {tries} times ({how})")

    def replace(self, slot: Slot, pending: deque[Job]) -> Job | None:
        """Kill ``slot``'s worker, start a fresh one, requeue the jobs queued behind the
        page it was on (first, in their order); returns that page, if any."""
        batch = list(slot.batch)
        slot.kill()
        slot.batch.clear()
        self.slots[self.slots.index(slot)] = Slot(self.ctx, self.cfg, self.slots)
        pending.extendleft(reversed(batch[1:]))
        return batch[0] if batch else None

    def close(self) -> None:
        for slot in self.slots:
            if slot.batch:
                slot.kill()
        idle = [s for s in self.slots if not s.batch]
        # all asked first, so that the workers wind down at the same time
        for slot in idle:
            slot.ask_to_stop()
        for slot in idle:
            slot.reap()

    def abort(self) -> None:
        """Stop everything at once (a stop signal): kill workers, remove their temporary
        files."""
        for slot in self.slots:
            slot.kill()
