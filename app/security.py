"""Access control for write endpoints: an API key in the `X-API-Key` header.

Keys come from configuration (`API_KEYS`, a JSON list), never from the repository. With no key
configured, write endpoints are closed (403), not open.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Security
from fastapi.security import APIKeyHeader

from app.deps import SettingsDep

_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="a write API key")


async def require_api_key(
    key: Annotated[str | None, Security(_HEADER)],
    settings: SettingsDep,
) -> None:
    """Accept the request only if its key matches a configured key (constant-time compare)."""
    if not settings.api_keys:
        raise HTTPException(status_code=403, detail="writes are disabled: no API key is configured")
    if key is None:
        raise HTTPException(
            status_code=401,
            detail="this endpoint changes the graph: send an API key in the X-API-Key header",
            headers={"WWW-Authenticate": "X-API-Key"},
        )
    given = key.encode("utf-8")
    if not any(
        hmac.compare_digest(given, k.get_secret_value().encode("utf-8")) for k in settings.api_keys
    ):
        raise HTTPException(status_code=401, detail="invalid API key")


WriteAccess = Depends(require_api_key)
