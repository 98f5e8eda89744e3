"""Request bodies read by hand: raw bytes → `Model.model_validate_json`, failures → the group's 400.

Faster than FastAPI's body parameter (no `json.loads` followed by a Python validation pass), and the
first failure is reported the Conta Azul way (`validation_to_invalid_input`).
"""

from __future__ import annotations

from typing import TypeVar

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from anil.api import choices
from anil.api.conventions import require_uuid
from anil.api.errors import validation_to_invalid_input
from anil.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)


def parse_body(model: type[M], raw: bytes) -> M:
    try:
        return model.model_validate_json(raw or b"null")
    except ValidationError as exc:
        raise validation_to_invalid_input(RequestValidationError(exc.errors())) from None


def campo(loc: tuple) -> str:
    """A Pydantic location as the domain names fields: `condicao_pagamento.parcelas[0].nota`."""
    texto = ""
    for parte in loc:
        if isinstance(parte, int):
            texto += f"[{parte}]"
        else:
            texto += f".{parte}" if texto else str(parte)
    return texto


def parse_shape(model: type[M], raw: bytes) -> M:
    """The body's JSON shape only (the domain checks presence and values one field at a time after it):
    a body that is no JSON object, or a field of the wrong JSON type, → the first problem in Portuguese."""
    try:
        return model.model_validate_json(raw or b"null")
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(p for p in first.get("loc", ()) if p != "body")
        if not loc or first.get("type") == "json_invalid":
            raise InvalidInput("O corpo da requisição é inválido") from None
        raise InvalidInput(f"O campo '{campo(loc)}' é inválido") from None


def lote_uuids(uuids: list[str] | None, campo: str = "uuids", maximo: int = choices.BATCH_MAX) -> list[str]:
    """The `{"uuids": [...]}` of a batch: 1..`maximo` ids, each a UUID (catalog §2.8 messages)."""
    if uuids is None:
        raise InvalidInput(f"O campo '{campo}' é obrigatório")
    if not uuids:
        raise InvalidInput(f"O campo '{campo}' deve conter ao menos 1 item")
    if len(uuids) > maximo:
        raise InvalidInput(f"O campo '{campo}' não pode conter mais de {maximo} itens")
    return [require_uuid(value) for value in uuids]
