"""Whether Neo4j can answer, as this process last saw it: fail fast while it cannot.

A read that finds Neo4j unreachable marks it down. From then on reads fail at once (the API
answers 503 with Retry-After) instead of each waiting on connection attempts, and one
background task probes Neo4j until it answers. Then the repository warms it up (runs once more
each statement the API ran lately, so that a restarted server has planned them and read their
pages) before reads go through again: a restarted Neo4j that every client asks everything at
once plans the same statements many times over and times queries out for tens of seconds.

States: `up` (reads go through), `down` (probing), `warming` (answered a probe; warming up).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from enum import StrEnum

from graph.errors import GraphBusyError, GraphUnavailableError

log = logging.getLogger("coachgraph.availability")


class State(StrEnum):
    up = "up"
    down = "down"
    warming = "warming"


class Availability:
    """Neo4j's state for this process, and the task that brings it back to `up`.

    `probe` raises when Neo4j cannot answer a trivial read; `warm` prepares it for the load and
    raises GraphUnavailableError when Neo4j is lost again meanwhile. Both are given `timeout`
    and `warm_timeout` seconds; a probe that fails is tried again after `interval` seconds.
    A probe's time is generous: reads fail fast meanwhile anyway, and a cold server's first
    login and query can take seconds, so a tight limit could cut every probe short.
    """

    def __init__(
        self,
        probe: Callable[[], Awaitable[None]],
        warm: Callable[[], Awaitable[None]],
        *,
        interval: float = 0.5,
        timeout: float = 5.0,
        warm_timeout: float = 30.0,
    ) -> None:
        self._probe = probe
        self._warm = warm
        self.interval = interval
        self.timeout = timeout
        self.warm_timeout = warm_timeout
        self.state = State.up
        self.since = time.monotonic()  # when the state last changed (the process start at first)
        self.outages = 0
        self._task: asyncio.Task[None] | None = None

    @property
    def up(self) -> bool:
        return self.state is State.up

    def up_for(self) -> float:
        """Seconds since Neo4j was last seen coming back (or since the process started); 0 when
        it is not up."""
        return time.monotonic() - self.since if self.up else 0.0

    def check(self) -> None:
        """Raise at once unless reads may go through."""
        if self.state is State.up:
            return
        error = (
            GraphUnavailableError("Neo4j is unreachable; probing it in the background")
            if self.state is State.down
            else GraphBusyError("Neo4j is back and warming up")
        )
        error.known = True
        raise error

    def lost(self, reason: str) -> None:
        """A read found Neo4j unreachable: fail fast from now on, and probe until it is back.

        Call it from the event loop the reads run on; the probing task runs there.
        """
        if self.state is not State.down:
            log.warning("Neo4j unreachable (%s): failing fast and probing it", reason)
            self.outages += 1
            self._set(State.down)
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self._recover(), name="neo4j-availability"
            )

    async def close(self) -> None:
        """Stop probing (the app is shutting down)."""
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _set(self, state: State) -> None:
        self.state = state
        self.since = time.monotonic()

    async def _recover(self) -> None:
        while True:
            try:
                async with asyncio.timeout(self.timeout):
                    await self._probe()
            except Exception:  # any failure means: not yet
                await asyncio.sleep(self.interval)
                continue
            self._set(State.warming)
            started = time.monotonic()
            try:
                async with asyncio.timeout(self.warm_timeout):
                    await self._warm()
            except GraphUnavailableError:
                self._set(State.down)  # lost again while warming up: probe again
                await asyncio.sleep(self.interval)
                continue
            except TimeoutError:
                log.info("Neo4j warm-up cut short after %.1f s", self.warm_timeout)
            self._set(State.up)
            log.warning("Neo4j answers again (warmed up in %.1f s)", time.monotonic() - started)
            return
