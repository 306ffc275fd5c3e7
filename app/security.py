"""Access control for write endpoints: an API key in the `X-API-Key` header.

Keys come from configuration (`API_KEYS`, a JSON list), never from the repository. With no key
configured, write endpoints are closed (403), not open. Each key has a write quota
(`WRITES_PER_MINUTE`, `WRITE_BURST`; app/ratelimit.py): beyond it, 429 with `Retry-After`.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from app.deps import SettingsDep
from app.ratelimit import WriteQuota

_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="a write API key")


async def require_api_key(
    request: Request,
    key: Annotated[str | None, Security(_HEADER)],
    settings: SettingsDep,
) -> None:
    """Accept the request only if its key matches a configured key (constant-time compare)
    and that key has a write left in its quota."""
    if not settings.api_keys:
        raise HTTPException(status_code=403, detail="writes are disabled: no API key is configured")
    if key is None:
        raise HTTPException(
            status_code=401,
            detail="this endpoint changes the graph: send an API key in the X-API-Key header",
            headers={"WWW-Authenticate": "X-API-Key"},
        )
    given = key.encode("utf-8")
    matches = [
        hmac.compare_digest(given, k.get_secret_value().encode("utf-8")) for k in settings.api_keys
    ]
    if not any(matches):
        raise HTTPException(status_code=401, detail="invalid API key")
    quota: WriteQuota = request.app.state.write_quota
    wait = quota.take(matches.index(True))
    if wait:
        raise HTTPException(
            status_code=429,
            detail=f"this key's write quota is spent ({quota.per_minute:g} a minute, "
            f"{quota.burst} at once); retry in {wait} s",
            headers={"Retry-After": str(wait)},
        )


WriteAccess = Depends(require_api_key)
