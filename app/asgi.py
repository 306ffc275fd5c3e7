"""Small pieces shared by the app's pure-ASGI middlewares."""

from __future__ import annotations

from starlette.types import Message, Send


class StatusWatch:
    """A `send` that passes every message on and remembers the response's status code."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status: int | None = None  # None until the response has started

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        await self._send(message)
