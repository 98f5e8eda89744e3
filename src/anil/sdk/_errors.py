"""The SDK's error tree, keyed to HTTP status codes.

Every error raised by the SDK derives from `ContaAzulError`. HTTP answers outside 2xx become an
`APIStatusError` subclass chosen by status code (`BadRequest` 400, `Unauthorized` 401, `Forbidden` 403,
`NotFound` 404, `MethodNotAllowed` 405, `Conflict` 409, `UnprocessableEntity` 422, `RateLimited` 429,
`ServerError` 5xx), carrying Conta Azul's body as sent (`body`: parsed JSON, or the text), the request id
(`request_id`: the server's `X-Request-Id` answer header, else the one the SDK sent) and the response.
Conta Azul has no single error format (catalog §2.8): `message` reads `message`, `error_description`,
`error` or the text, whichever is present.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "BadRequest",
    "Conflict",
    "ConflictError",
    "ContaAzulError",
    "Forbidden",
    "MethodNotAllowed",
    "NotFound",
    "OAuthError",
    "ProtocolFailed",
    "ProtocolTimeout",
    "RateLimited",
    "ServerError",
    "Unauthorized",
    "UnprocessableEntity",
    "error_for",
]


class ContaAzulError(Exception):
    """Base of every SDK error."""


class APIConnectionError(ContaAzulError):
    """The request did not get an HTTP answer (connection refused, reset, DNS…)."""

    def __init__(self, message: str, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""


def _message_of(body: Any, fallback: str) -> str:
    if isinstance(body, dict):
        for key in ("message", "error_description", "error", "mensagem"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    if isinstance(body, str) and body.strip():
        return body.strip()[:500]
    return fallback


class APIStatusError(ContaAzulError):
    """An HTTP answer outside 2xx. `status_code`, `body` (Conta Azul's JSON or text), `request_id`."""

    status_code: int = 0

    def __init__(
        self,
        message: str | None = None,
        *,
        status_code: int | None = None,
        body: Any = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        if status_code is not None:
            self.status_code = status_code
        self.body = body
        self.request_id = request_id
        self.response = response
        self.message = message or _message_of(body, f"HTTP {self.status_code}")
        suffix = f" (request id {request_id})" if request_id else ""
        super().__init__(f"{self.status_code}: {self.message}{suffix}")

    @property
    def code(self) -> Any:
        """The `code` or `error` field of the body, when Conta Azul sent one."""
        if isinstance(self.body, dict):
            return self.body.get("code", self.body.get("error"))
        return None


class BadRequest(APIStatusError):
    status_code = 400


class Unauthorized(APIStatusError):
    status_code = 401


class Forbidden(APIStatusError):
    status_code = 403


class NotFound(APIStatusError):
    status_code = 404


class MethodNotAllowed(APIStatusError):
    status_code = 405


class Conflict(APIStatusError):
    status_code = 409


ConflictError = Conflict


class UnprocessableEntity(APIStatusError):
    status_code = 422


class RateLimited(APIStatusError):
    """429. `retry_after` holds the seconds the server asked to wait, if it said."""

    status_code = 429

    @property
    def retry_after(self) -> float | None:
        from anil.sdk._http import parse_retry_after

        return parse_retry_after(self.response.headers.get("retry-after")) if self.response else None


class ServerError(APIStatusError):
    status_code = 500


class OAuthError(BadRequest):
    """An OAuth token endpoint refused (catalog §1.5): `error`, `error_description`, `error_subtype`."""

    @property
    def error(self) -> str | None:
        return self.body.get("error") if isinstance(self.body, dict) else None

    @property
    def error_description(self) -> str | None:
        return self.body.get("error_description") if isinstance(self.body, dict) else None

    @property
    def error_subtype(self) -> str | None:
        return self.body.get("error_subtype") if isinstance(self.body, dict) else None


class ProtocolFailed(ContaAzulError):
    """An asynchronous write's protocol ended in `ERROR`; `protocol` is its last reading."""

    def __init__(self, protocol: Any) -> None:
        self.protocol = protocol
        resposta = getattr(protocol, "resposta", None)
        super().__init__(f"protocol {getattr(protocol, 'id', '?')} ended in ERROR: {resposta}")


class ProtocolTimeout(ContaAzulError, TimeoutError):
    """The protocol was still `PENDING` when the waiter's timeout ran out; `protocol` is its last reading."""

    def __init__(self, protocol: Any, timeout: float) -> None:
        self.protocol = protocol
        super().__init__(f"protocol {getattr(protocol, 'id', '?')} still PENDING after {timeout} s")


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    405: MethodNotAllowed,
    409: Conflict,
    422: UnprocessableEntity,
    429: RateLimited,
}


def error_for(status_code: int) -> type[APIStatusError]:
    """The error class for a status code (5xx → `ServerError`, other codes → `APIStatusError`)."""
    if status_code in _BY_STATUS:
        return _BY_STATUS[status_code]
    if status_code >= 500:
        return ServerError
    return APIStatusError
