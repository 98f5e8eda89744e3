"""/v1/pessoa* — the older Cadastro de Pessoas revision (seed 003), over the same data."""

from __future__ import annotations

from fastapi import APIRouter

from anil.api.errors import ErrorStyle
from anil.api.routing import route_class

router = APIRouter(
    prefix="/v1/pessoa", tags=["Pessoas (revisão antiga)"], route_class=route_class(ErrorStyle.SIMPLE)
)
