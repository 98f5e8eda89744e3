"""AnilError and request-validation failures → status code and the body of the route's API group.

Conta Azul has no single error format (catalog §2.8): pessoas/produtos/Go-generated groups answer
`{"error": text}`, the financial group `{"code": int, "message": text}`, OAuth RFC 6749 bodies.
"""

from __future__ import annotations

from enum import Enum

import orjson
from fastapi.exceptions import RequestValidationError
from starlette.responses import Response

from anil import errors
from anil.api import choices

STATUS = {
    errors.InvalidInput: 400,
    errors.Unauthorized: choices.UNAUTHORIZED_STATUS,
    errors.Forbidden: 403,
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.RuleViolation: 400,
    errors.RateLimited: 429,
    errors.UpstreamQuirk: 500,
}


class ErrorStyle(Enum):
    SIMPLE = "simple"  # {"error": "..."}
    FINANCEIRO = "financeiro"  # {"code": 400, "message": "..."}
    CONTROL = "control"  # /_anil/: {"error": "...", "code": "..."}


def json_response(body: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json", headers=headers)


def render(style: ErrorStyle, exc: errors.AnilError) -> Response:
    status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
    headers: dict[str, str] = {}
    if isinstance(exc, errors.Unauthorized):
        headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return json_response({"error": "invalid_token", "error_description": exc.message}, status, headers)
    if isinstance(exc, errors.RateLimited):
        headers["Retry-After"] = str(exc.retry_after)
        headers.update({k: str(v) for k, v in exc.data.items() if k.startswith("X-")})
        return json_response({"error": "Too Many Requests"}, status, headers)
    if style is ErrorStyle.FINANCEIRO:
        return json_response({"code": status, "message": exc.message}, status, headers)
    if style is ErrorStyle.CONTROL:
        return json_response({"error": exc.message, "code": exc.code}, status, headers)
    return json_response({"error": exc.message}, status, headers)


def validation_to_invalid_input(exc: RequestValidationError) -> errors.InvalidInput:
    """Pydantic reports every problem; Conta Azul reports the first one, in Portuguese."""
    first = exc.errors()[0]
    loc = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(loc) if loc else "corpo"
    kind = first.get("type", "")
    if kind == "missing":
        return errors.InvalidInput(f"O campo '{field}' é obrigatório")
    if kind in {"json_invalid", "model_attributes_type", "model_type", "dict_type"} and not loc:
        return errors.InvalidInput("O corpo da requisição é inválido")
    detail = first.get("msg", "")
    context = first.get("ctx") or {}
    if "error" in context and isinstance(context["error"], errors.AnilError):
        return context["error"]
    if kind == "value_error" and detail.startswith("Value error, "):
        return errors.InvalidInput(detail.removeprefix("Value error, "))
    return errors.InvalidInput(f"O campo '{field}' é inválido")
