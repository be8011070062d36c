"""Stopping a run: Ctrl-C (SIGINT), SIGTERM and SIGHUP, all handled alike."""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType

from cleanweb._cli.worker import STOP_SIGNALS


class Stopped(BaseException):
    """A stop signal came while the run was still being planned (nothing written yet)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Signals:
    """Ctrl-C (SIGINT), SIGTERM and SIGHUP, all handled alike.

    While the run is planned, a signal ends it at once (:class:`Stopped`). Once outputs
    exist (:meth:`defer`), a signal is only noted: the run stops between two pages, so
    that no output is cut in the middle and the workers are stopped by the parent.
    """

    def __init__(self) -> None:
        self.received: int | None = None
        self.deferred = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> Signals:
        if threading.current_thread() is threading.main_thread():  # only there in Python
            for signum in STOP_SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum
        if not self.deferred:
            raise Stopped(signum)

    def defer(self) -> None:
        self.deferred = True

    def stop(self) -> bool:
        return self.received is not None
