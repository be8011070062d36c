"""benchmarks/speed.py's timing loop: who runs when, and how errors are counted."""

from __future__ import annotations

from benchmarks.speed import measure


def _recorder(name: str, calls: list[tuple[str, bytes]], fail_on: bytes = b"") -> object:
    def run(html: bytes) -> None:
        calls.append((name, html))
        if html == fail_on:
            raise ValueError("boom")

    return run


PAGES = [b"p1", b"p2"]


def test_whole_sets_take_turns_and_alternate_order() -> None:
    calls: list[tuple[str, bytes]] = []
    ex = {"a": _recorder("a", calls), "b": _recorder("b", calls)}
    measure(ex, PAGES, rounds=2)  # type: ignore[arg-type]
    timed = calls[4:]  # after the warm-up pass of each
    assert timed == [("a", b"p1"), ("a", b"p2"), ("b", b"p1"), ("b", b"p2"),
                     ("b", b"p1"), ("b", b"p2"), ("a", b"p1"), ("a", b"p2")]


def test_page_interleaving() -> None:
    calls: list[tuple[str, bytes]] = []
    ex = {"a": _recorder("a", calls), "b": _recorder("b", calls)}
    measure(ex, PAGES, rounds=1, by_page=True)  # type: ignore[arg-type]
    assert calls[4:] == [("a", b"p1"), ("b", b"p1"), ("a", b"p2"), ("b", b"p2")]


def test_errors_count_pages_once_and_means_cover_every_call() -> None:
    calls: list[tuple[str, bytes]] = []
    ex = {"a": _recorder("a", calls, fail_on=b"p2")}
    (t,) = measure(ex, PAGES, rounds=3)  # type: ignore[arg-type]
    assert (t.pages, t.errors) == (2, 1)
    assert len(calls) == 2 + 3 * 2
    assert t.p99_ms >= t.mean_ms > 0  # p99 of six calls is the slowest


def test_naming_memos_are_emptied_before_every_round() -> None:
    from cleanweb.stages.segment import value_naming

    sizes: list[int] = []

    def run(html: bytes) -> None:  # what the memo holds when the call starts, then use it
        sizes.append(value_naming.cache_info().currsize)
        value_naming(html.decode())

    value_naming("left-over")
    measure({"a": run}, PAGES, rounds=2)
    # warm-up p1 p2, then each round starts empty and fills as it goes
    assert sizes[2:] == [0, 1, 0, 1]
