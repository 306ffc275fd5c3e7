"""A JSON response for bodies that are already plain JSON-ready data (graph/reads/common.Json).

A route that declares `response_model=` but returns one of these documents the model and sends
the data as built, without FastAPI validating and serialising it again.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response


class JSONBody(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)
