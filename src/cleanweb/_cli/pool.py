"""A process pool that can stop one runaway page: its worker is killed and replaced.

``concurrent.futures`` cannot cancel a running task, so each worker here is a plain
process with its own pipe. The parent hands out small batches of jobs (paths, not
bytes), receives one Outcome per page as it finishes, and knows when each page started;
a page over the time limit gets its worker killed, is reported as ``timeout``, and the
pages queued behind it go back to the front of the queue.

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
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from cleanweb._cli.worker import Config, Job, Outcome, serve, temp_path
from cleanweb.extract import compile_rules

if TYPE_CHECKING:  # the fork context class exists only where fork does
    from multiprocessing.context import ForkContext, SpawnContext

    Context = ForkContext | SpawnContext

#: Largest batch handed to a worker at once; small enough to keep the tail balanced.
MAX_BATCH = 16
#: Longest wait for a result before deadlines are looked at again (seconds).
TICK = 0.2


def context() -> Context:
    """fork where the platform has it: workers start with the library already imported."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def batch_size(pending: int, workers: int) -> int:
    """About eight batches per worker for what is left, between 1 and MAX_BATCH pages."""
    return max(1, min(MAX_BATCH, pending // (workers * 8)))


class Slot:
    """One worker process, the jobs it has been given and not yet answered (in the order
    it does them: the first is the page it is on), and when that page began."""

    __slots__ = ("batch", "conn", "proc", "started")

    def __init__(self, ctx: Context, cfg: Config) -> None:
        parent_end, child_end = ctx.Pipe()
        # Children inherit the parent's buffered stdout and would flush it a second time.
        sys.stdout.flush()
        sys.stderr.flush()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # no Ctrl-C before serve()
        try:
            self.proc: BaseProcess = ctx.Process(target=serve, args=(child_end, cfg), daemon=True)
            self.proc.start()
        finally:
            signal.signal(signal.SIGINT, previous)
        child_end.close()
        self.conn: Connection = parent_end
        self.batch: deque[Job] = deque()
        self.started = 0.0

    def give(self, jobs: list[Job]) -> None:
        # A busy worker's clock keeps running for the page it is on; the jobs queue up.
        if not self.batch:
            self.started = time.monotonic()
        self.batch.extend(jobs)
        self.conn.send(jobs)

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
        """Stop the worker now and remove the file it may have been writing."""
        self.proc.kill()
        self.proc.join()
        self.conn.close()
        if self.batch and self.batch[0].target is not None and self.proc.pid is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_path(self.batch[0].target, self.proc.pid))

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
        self.slots = [Slot(self.ctx, cfg) for _ in range(max(1, workers))]

    def run(self, jobs: Sequence[Job]) -> Iterator[Outcome]:
        """Every job's Outcome exactly once, in completion order."""
        pending = deque(jobs)
        while pending or any(s.batch for s in self.slots):
            self.dispatch(pending)
            yield from self.collect(pending)
            yield from self.enforce(pending)

    def dispatch(self, pending: deque[Job]) -> None:
        """Top up every worker that has no more than a batch to go, so that its next batch
        is already in its pipe when it finishes the current one."""
        size = batch_size(len(pending), len(self.slots))
        for slot in self.slots:
            if pending and len(slot.batch) <= size:
                slot.give([pending.popleft() for _ in range(min(size, len(pending)))])

    def collect(self, pending: deque[Job]) -> Iterator[Outcome]:
        """One outcome from each worker that has one ready (waiting briefly for the first);
        a dead worker is replaced. Further outcomes wait for the next round: asking a
        pipe whether it holds more costs as much as the round."""
        busy = [s for s in self.slots if s.batch]
        ready = wait([s.conn for s in busy], timeout=self.wait_time())
        for slot in busy:
            if slot.conn in ready:
                yield self.receive(slot, pending)

    def receive(self, slot: Slot, pending: deque[Job]) -> Outcome:
        try:
            return slot.receive()
        except (EOFError, OSError):
            return self.replace(slot, pending, "crashed", "the worker process died")

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
                yield self.receive(slot, pending)
            else:
                yield self.replace(slot, pending, "timeout", f"stopped after {self.timeout:g} s")

    def replace(self, slot: Slot, pending: deque[Job], status: str, detail: str) -> Outcome:
        """Kill ``slot``'s worker, start a fresh one, requeue the jobs queued behind the
        page it was on (first, in their order), and fail that page."""
        job, rest = slot.batch[0], list(slot.batch)[1:]
        slot.kill()
        slot.batch.clear()
        self.slots[self.slots.index(slot)] = Slot(self.ctx, self.cfg)
        pending.extendleft(reversed(rest))
        return Outcome(job.index, status, detail)

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
        """Stop everything at once (Ctrl-C): kill workers, remove their temporary files."""
        for slot in self.slots:
            slot.kill()
