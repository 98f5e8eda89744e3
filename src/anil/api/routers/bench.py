"""B, the benchmark baseline (design/performance.md): a ~1 KB Pydantic model from memory, no database.
Mounted only when ANIL_BENCH=on."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(prefix="/_bench", include_in_schema=False)


class BaselineItem(BaseModel):
    id: str
    nome: str
    documento: str
    email: str
    ativo: bool
    perfis: list[str]


class Baseline(BaseModel):
    totalItems: int
    items: list[BaselineItem]


_BASELINE = Baseline(
    totalItems=6,
    items=[
        BaselineItem(
            id=f"6f1d7c2e-0b5a-4c1e-9d7a-00000000000{i}",
            nome=f"Pessoa de referência número {i}",
            documento="52998224725",
            email=f"pessoa{i}@exemplo.com.br",
            ativo=True,
            perfis=["Cliente", "Fornecedor"],
        )
        for i in range(6)
    ],
)


@router.get("/baseline", response_model=Baseline)
async def baseline() -> Baseline:
    return _BASELINE
