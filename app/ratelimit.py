"""Per-key write quotas: a token bucket for each API key.

A key may write `burst` times at once, then `per_minute` times a minute; a write beyond that is
refused with 429 and `Retry-After`, the seconds until the bucket holds a write again. Buckets are
kept per configured key (by its position in `API_KEYS`, never the key itself) and per process.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable


class WriteQuota:
    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self._rate = per_minute / 60
        self._clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}  # key → (writes left, when)

    def take(self, key: int) -> int:
        """Spend one write of `key`: 0 when it may go, else the whole seconds to wait."""
        if self._rate <= 0:
            return 0
        now = self._clock()
        left, then = self._buckets.get(key, (float(self.burst), now))
        left = min(float(self.burst), left + (now - then) * self._rate)
        if left >= 1:
            self._buckets[key] = (left - 1, now)
            return 0
        self._buckets[key] = (left, now)
        return max(1, math.ceil((1 - left) / self._rate))
