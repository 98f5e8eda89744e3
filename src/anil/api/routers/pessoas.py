"""/v1/pessoas — Cadastro de Pessoas, current generation (catalog §3.1)."""

from __future__ import annotations

from fastapi import APIRouter

from anil.api.errors import ErrorStyle
from anil.api.routing import route_class

router = APIRouter(prefix="/v1/pessoas", tags=["Pessoas"], route_class=route_class(ErrorStyle.SIMPLE))
