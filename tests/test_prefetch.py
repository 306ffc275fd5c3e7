"""The loader's prefetching: order kept, errors surfaced, an early stop stops the worker."""

from __future__ import annotations

import threading
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
    stream.close()  # stops the worker and waits for it (a bounded join)
    workers = [t for t in threading.enumerate() if t.name == "loader-prefetch"]
    for worker in workers:
        worker.join(timeout=30)
    assert not any(t.is_alive() for t in workers)
    # at most the item handed over, the one queued and the one waiting to be queued
    assert len(produced) <= 3


def test_works_ahead_of_the_consumer() -> None:
    """While the consumer holds an item, the worker produces the next: one queued (`depth`), one
    waiting to be queued."""
    produced = [threading.Event() for _ in range(4)]

    def items() -> Iterator[int]:
        for i in range(4):
            produced[i].set()
            yield i

    seen = []
    for item in prefetched(items(), depth=1):
        if item == 0:
            # not asked for yet, yet produced: item 1 is queued, item 2 is waiting to be
            assert produced[1].wait(timeout=30) and produced[2].wait(timeout=30)
        seen.append(item)
    assert seen == [0, 1, 2, 3]
