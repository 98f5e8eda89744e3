"""`SyncASGITransport`: the synchronous client talking to an ASGI app (anil's FastAPI app) in process.

httpx only ships `ASGITransport` for `httpx.AsyncClient`; this wraps it for `httpx.Client` by running the
app on an event loop in a daemon thread::

    ca = ContaAzul(base_url="http://anil.test", access_token=TOKEN, transport=SyncASGITransport(app))

The app's lifespan is not run (start it yourself, e.g. with a `TestClient`, if the app needs it).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx

__all__ = ["SyncASGITransport"]


class SyncASGITransport(httpx.BaseTransport):
    def __init__(self, app: Any, **kwargs: Any) -> None:
        self._inner = httpx.ASGITransport(app=app, **kwargs)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="anil-sdk-asgi", daemon=True)
        self._thread.start()

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        content = await response.aread()
        return httpx.Response(response.status_code, headers=response.headers, content=content)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)
        return asyncio.run_coroutine_threadsafe(self._handle(copy), self._loop).result()

    def close(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        if not self._loop.is_running() and not self._loop.is_closed():
            self._loop.close()
