"""The loader's prefetching: order kept, errors surfaced, an early stop stops the worker."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from graph.loader.prefetch import prefetched


def test_yields_everything_in_order() -> None:
    assert list(prefetched(iter(range(100)), depth=2)) == list(range(100))


def test_producer_error_is_raised_in_the_consumer_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("row 3 is bad")

    seen = []
    with pytest.raises(ValueError, match="row 3 is bad"):
        for item in prefetched(items()):
            seen.append(item)
    assert seen == [1, 2]


def test_consumer_stopping_early_stops_the_producer() -> None:
    produced = []

    def items() -> Iterator[int]:
        for i in range(1000):
            produced.append(i)
            yield i

    stream = prefetched(items(), depth=1)
    assert next(stream) == 0
    stream.close()
    time.sleep(0.3)
    # at most the item handed over, the one queued and the one waiting to be queued
    assert len(produced) <= 3
    assert not any(t.name == "loader-prefetch" and t.is_alive() for t in threading.enumerate())


def test_works_ahead_of_the_consumer() -> None:
    def items() -> Iterator[float]:
        for _ in range(3):
            time.sleep(0.1)
            yield time.monotonic()

    started = time.monotonic()
    for _ in prefetched(items()):
        time.sleep(0.1)  # the producer's 0.1 s overlaps with this
    assert time.monotonic() - started < 0.55
