"""Prepare the next batch while Neo4j writes the current one.

The loader's client work (parsing CSV, validating records, hashing parameters) and the server's
work (running and committing a batch) are both sizeable and independent, so they overlap: a
worker thread runs the producing iterator at most `depth` items ahead of the consumer. Memory
stays bounded by `depth + 1` batches.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def prefetched(items: Iterator[T], depth: int = 1) -> Iterator[T]:
    """Yield what `items` yields, produced in a worker thread; its exceptions re-raised here.

    Closing the generator early (an exception in the consumer) stops the worker.
    """
    ready: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as exc:  # handed to the consumer and re-raised there
            put(_Failed(exc))
            return
        put(_DONE)

    worker = threading.Thread(target=work, name="loader-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            item = ready.get()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join(timeout=5)
