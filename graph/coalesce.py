"""Concurrent reads of one statement, coalesced into shared round trips.

Under load the API process is bound by its own CPU, and most of a cheap read's cost there is the
driver's work per statement (a transaction, its messages, a connection from the pool: ~0.5 ms),
not Neo4j's. Reads of the same statement that arrive while earlier ones are in flight queue up
and then go together as one statement over `UNWIND $requests`: one transaction, one round trip.
A read that finds a free slot goes at once, alone, so a lone client never waits for a batch.

No task is created per batch: the first caller of a batch runs it (its "leader") and hands every
other caller its row. A leader that is cancelled puts the rest of its batch back at the front of
the queue, so nobody waits on a batch that will not run.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

Row = dict[str, Any]
# Runs one batch: the requests' parameter maps, each with its `key` (its index in the batch);
# returns the rows, each carrying the `key` of the request it answers.
Fetch = Callable[[list[dict[str, Any]]], Awaitable[list[Row]]]


class _Call:
    __slots__ = ("params", "signal")

    def __init__(self, params: dict[str, Any], signal: asyncio.Future[Any] | None) -> None:
        self.params = params
        # Resolved with the call's row, its error, or a _Lead; None for a call that leads at once.
        self.signal = signal


class _Lead:
    """What a queued call receives when it is to run a batch (a slot is already taken for it)."""

    __slots__ = ("batch",)

    def __init__(self, batch: list[_Call]) -> None:
        self.batch = batch


class Coalescer:
    """Runs `fetch` over batches of concurrent reads; each caller gets its own row or None.

    At most `max_in_flight` batches run at once, each of at most `max_batch` reads. Whenever a
    slot is free the queue is empty: a batch that ends starts the next one from the queue.
    """

    def __init__(self, fetch: Fetch, max_in_flight: int = 2, max_batch: int = 8) -> None:
        if max_in_flight < 1 or max_batch < 1:
            raise ValueError("max_in_flight and max_batch must be at least 1")
        self._fetch = fetch
        self._max_in_flight = max_in_flight
        self._max_batch = max_batch
        self._queue: deque[_Call] = deque()
        self._in_flight = 0
        self.batches = 0
        self.reads = 0

    async def read(self, params: dict[str, Any]) -> Row | None:
        """The row answering `params` (None when the statement returns none for it)."""
        if self._in_flight < self._max_in_flight:
            self._in_flight += 1
            own = _Call(params, None)
            return await self._lead([own], own)
        call = _Call(params, asyncio.get_running_loop().create_future())
        self._queue.append(call)
        assert call.signal is not None
        try:
            outcome = await call.signal
        except asyncio.CancelledError:
            # Chosen to lead just as the caller was cancelled: give the batch to someone else.
            signal = call.signal
            if signal.done() and not signal.cancelled() and signal.exception() is None:
                lead = signal.result()
                if isinstance(lead, _Lead):
                    call.signal = None  # as below: no cycle through the batch
                    self._requeue(lead.batch, call)
                    self._in_flight -= 1
                    self._start_next()
            raise
        if isinstance(outcome, _Lead):
            # The future's result holds the batch, which holds this call: drop the call's link
            # to it, or every batch, with all its rows, would be cyclic garbage that only the
            # collector's full passes free, and those passes stall requests under load.
            call.signal = None
            return await self._lead(outcome.batch, call)
        return outcome  # type: ignore[no-any-return]

    async def _lead(self, batch: list[_Call], own: _Call) -> Row | None:
        """Run `batch` (its slot already taken), answer the other calls, return `own`'s row."""
        try:
            rows = await self._fetch([{**c.params, "key": i} for i, c in enumerate(batch)])
        except Exception as exc:
            for call in batch:
                if call is not own and call.signal is not None and not call.signal.done():
                    call.signal.set_exception(exc)
            raise
        except BaseException:  # cancelled: the others are still owed an answer
            self._requeue(batch, own)
            raise
        finally:
            self._in_flight -= 1
            self._start_next()
        self.batches += 1
        self.reads += len(batch)
        by_key = {row["key"]: row for row in rows}
        mine = None
        for i, call in enumerate(batch):
            row = by_key.get(i)
            if call is own:
                mine = row
            elif call.signal is not None and not call.signal.done():
                call.signal.set_result(row)
        return mine

    def _requeue(self, batch: list[_Call], own: _Call) -> None:
        waiting = [
            c for c in batch if c is not own and c.signal is not None and not c.signal.done()
        ]
        self._queue.extendleft(reversed(waiting))

    def _start_next(self) -> None:
        """Fill free slots from the queue: each batch's first live call is told to lead it."""
        while self._in_flight < self._max_in_flight and self._queue:
            batch: list[_Call] = []
            while self._queue and len(batch) < self._max_batch:
                call = self._queue.popleft()
                if call.signal is not None and not call.signal.done():  # skip the cancelled
                    batch.append(call)
            if batch:
                self._in_flight += 1
                assert batch[0].signal is not None
                batch[0].signal.set_result(_Lead(batch))
