"""The coalescer's scheduling (graph/coalesce.py): who runs when, who gets which row, and what
happens on errors and cancellation. Its fetch here is a plain coroutine the test controls; the
coalesced statements themselves are tested against Neo4j in tests/test_coalesced_reads.py."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import pytest

from graph.coalesce import Coalescer


class Fetcher:
    """Answers each request with {key, echo: its id}, except ids in `missing`. With `gated`, the
    n-th batch waits until `gate(n)` is set, so that tests can pile reads up behind it."""

    def __init__(self, missing: frozenset[str] = frozenset(), gated: bool = False) -> None:
        self.batches: list[list[str]] = []
        self.missing = missing
        self.gated = gated
        self._gates: dict[int, asyncio.Event] = {}
        self.fail_next: Exception | None = None

    def gate(self, n: int) -> asyncio.Event:
        return self._gates.setdefault(n, asyncio.Event())

    async def __call__(self, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.batches.append([r["id"] for r in requests])
        if self.gated:
            await self.gate(len(self.batches) - 1).wait()
        else:
            await asyncio.sleep(0)
        if self.fail_next is not None:
            exc, self.fail_next = self.fail_next, None
            raise exc
        return [{"key": r["key"], "echo": r["id"]} for r in requests if r["id"] not in self.missing]


def run(scenario: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run a scenario, failing (not hanging) if a read never gets its answer."""

    async def bounded() -> None:
        await asyncio.wait_for(scenario(), timeout=60)  # a bound on a hang, not on speed

    asyncio.run(bounded())


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


@dataclass
class Queue:
    """A one-slot coalescer whose slot is taken by the read "a", with reads queued behind it."""

    fetch: Fetcher
    coalescer: Coalescer
    blocker: asyncio.Task[Any]
    queued: dict[str, asyncio.Task[Any]]


async def _queued_behind_one(ids: tuple[str, ...]) -> Queue:
    fetch = Fetcher(gated=True)
    coalescer = Coalescer(fetch, max_in_flight=1, max_batch=4)
    blocker = asyncio.create_task(coalescer.read({"id": "a"}))
    await _settle()
    queued = {i: asyncio.create_task(coalescer.read({"id": i})) for i in ids}
    await _settle()
    return Queue(fetch, coalescer, blocker, queued)


def test_a_lone_read_goes_at_once_alone() -> None:
    async def scenario() -> None:
        fetch = Fetcher()
        coalescer = Coalescer(fetch, max_in_flight=2, max_batch=8)
        assert await coalescer.read({"id": "a"}) == {"key": 0, "echo": "a"}
        assert await coalescer.read({"id": "b"}) == {"key": 0, "echo": "b"}
        assert fetch.batches == [["a"], ["b"]]

    run(scenario)


def test_reads_behind_full_slots_share_batches_and_get_their_own_rows() -> None:
    async def scenario() -> None:
        fetch = Fetcher(missing=frozenset({"x3"}), gated=True)
        coalescer = Coalescer(fetch, max_in_flight=2, max_batch=3)
        ids = [f"x{i}" for i in range(10)]
        tasks = [asyncio.create_task(coalescer.read({"id": i})) for i in ids]
        await _settle()
        assert fetch.batches == [["x0"], ["x1"]]  # two slots, each taken by a lone read
        for n in range(5):
            fetch.gate(n).set()
        rows = await asyncio.gather(*tasks)
        # the rest went in arrival order, at most 3 at a time, never more than 2 batches running
        assert fetch.batches == [
            ["x0"],
            ["x1"],
            ["x2", "x3", "x4"],
            ["x5", "x6", "x7"],
            ["x8", "x9"],
        ]
        for ident, row in zip(ids, rows, strict=True):
            assert row == (None if ident == "x3" else {"key": row["key"], "echo": ident})
        assert (coalescer.batches, coalescer.reads) == (5, 10)

    run(scenario)


def test_an_error_reaches_every_read_of_its_batch_and_no_other() -> None:
    async def scenario() -> None:
        q = await _queued_behind_one(("b", "c"))
        fetch, coalescer, first, queued = q.fetch, q.coalescer, q.blocker, list(q.queued.values())
        fetch.fail_next = RuntimeError("Neo4j said no")
        fetch.gate(0).set()
        with pytest.raises(RuntimeError):
            await first
        fetch.gate(1).set()
        fetch.fail_next = RuntimeError("Neo4j said no")
        results = await asyncio.gather(*queued, return_exceptions=True)
        assert [str(r) for r in results] == ["Neo4j said no", "Neo4j said no"]
        # the coalescer is not stuck: the next read gets a slot and an answer
        fetch.gate(2).set()
        assert await coalescer.read({"id": "d"}) == {"key": 0, "echo": "d"}
        assert fetch.batches == [["a"], ["b", "c"], ["d"]]

    run(scenario)


def test_a_cancelled_leader_hands_its_batch_on() -> None:
    async def scenario() -> None:
        q = await _queued_behind_one(("b", "c", "d"))
        fetch, blocker, queued = q.fetch, q.blocker, q.queued
        fetch.gate(0).set()
        await blocker
        await _settle()
        # "b" leads the batch [b, c, d], which waits in fetch: cancel "b" there
        assert fetch.batches == [["a"], ["b", "c", "d"]]
        queued["b"].cancel()
        await _settle()
        assert fetch.batches == [["a"], ["b", "c", "d"], ["c", "d"]]  # handed on, at once
        fetch.gate(2).set()
        assert await queued["c"] == {"key": 0, "echo": "c"}
        assert await queued["d"] == {"key": 1, "echo": "d"}
        with pytest.raises(asyncio.CancelledError):
            await queued["b"]

    run(scenario)


def test_a_cancelled_waiter_is_left_out() -> None:
    async def scenario() -> None:
        q = await _queued_behind_one(("b", "c"))
        fetch, blocker, queued = q.fetch, q.blocker, q.queued
        queued["b"].cancel()
        await _settle()
        fetch.gate(0).set()
        fetch.gate(1).set()
        await blocker
        assert await queued["c"] == {"key": 0, "echo": "c"}
        assert fetch.batches == [["a"], ["c"]]

    run(scenario)


def test_a_read_cancelled_as_it_is_chosen_to_lead_hands_the_batch_on() -> None:
    async def scenario() -> None:
        fetch = Fetcher(gated=True)
        coalescer = Coalescer(fetch, max_in_flight=1, max_batch=4)
        b = asyncio.create_task(coalescer.read({"id": "b"}))  # not started yet
        c = asyncio.create_task(coalescer.read({"id": "c"}))
        asyncio.get_running_loop().call_later(0.01, fetch.gate(0).set)
        # This read takes the only slot before b and c run; they queue behind it.
        assert await coalescer.read({"id": "a"}) == {"key": 0, "echo": "a"}
        # Its batch's end chose b to lead [b, c]; b is cancelled before it can run.
        b.cancel()
        fetch.gate(1).set()
        assert await c == {"key": 0, "echo": "c"}
        with pytest.raises(asyncio.CancelledError):
            await b
        assert fetch.batches == [["a"], ["c"]]

    run(scenario)


def test_batches_leave_no_cyclic_garbage() -> None:
    """Rows must be freed by reference counting when their request is answered: garbage in
    cycles waits for the collector's full passes, which then stall every request."""

    async def scenario() -> None:
        fetch = Fetcher(gated=True)
        coalescer = Coalescer(fetch, max_in_flight=1, max_batch=4)
        tasks = [asyncio.create_task(coalescer.read({"id": f"x{i}"})) for i in range(9)]
        await _settle()
        for n in range(4):
            fetch.gate(n).set()
        assert len(await asyncio.gather(*tasks)) == 9
        del tasks

    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        run(scenario)
        gc.collect()
        leaked = [o for o in gc.garbage if type(o).__module__ == "graph.coalesce"]
        rows = [o for o in gc.garbage if isinstance(o, dict) and "echo" in o]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert leaked == [] and rows == []


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Coalescer(Fetcher(), max_in_flight=0)
    with pytest.raises(ValueError, match="at least 1"):
        Coalescer(Fetcher(), max_batch=0)
